/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "serialtrack"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "st-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(StApplication) app = NULL;
  const char *localedir;

  setlocale (LC_ALL, "");

  /* Tests and uninstalled runs point this at the build tree's po/locale. */
  localedir = g_getenv ("SERIALTRACK_LOCALEDIR");
  if (localedir == NULL || *localedir == '\0')
    localedir = LOCALEDIR;

  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = st_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
