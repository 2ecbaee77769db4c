/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-xlsx.c — loads libxlsxwriter on first use (see st-xlsx-private.h for why). */
#define G_LOG_DOMAIN "st-xlsx"

#include "config.h"

#include <gmodule.h>
#include <glib/gi18n.h>

#include "st-error.h"
#include "st-xlsx-private.h"

const StXlsx *
_st_xlsx_get (GError **error)
{
  static StXlsx api;
  static char *load_error;
  static gsize loaded;

  if (g_once_init_enter (&loaded))
    {
      GModule *module = g_module_open (XLSXWRITER_SONAME, G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);

      if (module == NULL)
        load_error = g_strdup (g_module_error ());
#define ST_XLSX_LOAD(name) \
      else if (!g_module_symbol (module, #name, (gpointer *) &api.name)) \
        load_error = g_strdup (g_module_error ());
      ST_XLSX_FUNCTIONS (ST_XLSX_LOAD)
#undef ST_XLSX_LOAD
      /* The module stays loaded: the functions are used for as long as the process runs. */
      g_once_init_leave (&loaded, 1);
    }

  if (load_error != NULL)
    {
      g_set_error (error, ST_ERROR, ST_ERROR_FAILED,
                   /* Translators: %1$s is a library file name, %2$s the loader's reason */
                   _("Excel export needs the library %1$s, which could not be loaded: %2$s"),
                   XLSXWRITER_SONAME, load_error);
      return NULL;
    }
  return &api;
}
