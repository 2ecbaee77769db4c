/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-test-run.c — running serialtrack-cli as a subprocess (see st-test-run.h). */
#include <string.h>
#include <gio/gio.h>

#include "st-test-pg.h"
#include "st-test-run.h"

gboolean
st_test_cli_ready (const char *what)
{
  if (g_getenv ("SERIALTRACK_CLI") == NULL)
    {
      g_printerr ("SERIALTRACK_CLI is not set; run through meson test\n");
      return FALSE;
    }
  st_pg_require_server (what);
  return TRUE;
}

const char *
st_test_cli_path (void)
{
  const char *path = g_getenv ("SERIALTRACK_CLI");

  g_assert_nonnull (path);
  return path;
}

GPtrArray *
st_test_collect_args (va_list ap)
{
  GPtrArray *args = g_ptr_array_new ();
  const char *arg;

  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (args, (gpointer) arg);
  g_ptr_array_add (args, NULL);
  return args;
}

static char *
bytes_to_string (GBytes *bytes)
{
  gsize size = 0;
  const char *data = bytes != NULL ? g_bytes_get_data (bytes, &size) : NULL;

  return g_strndup (data != NULL ? data : "", size);
}

void
st_test_cli_spawn (const char         *db,
                   const char         *env_db,
                   const char         *language,
                   const char         *input,
                   const char * const *args,
                   gboolean           *exited,
                   int                *status,
                   char              **out,
                   char              **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GBytes) stdin_bytes = NULL;
  g_autoptr(GBytes) stdout_bytes = NULL;
  g_autoptr(GBytes) stderr_bytes = NULL;
  g_autoptr(GError) error = NULL;
  GSubprocessFlags flags = G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE;

  g_ptr_array_add (argv, (gpointer) st_test_cli_path ());
  if (db != NULL)
    {
      g_ptr_array_add (argv, (gpointer) "--db");
      g_ptr_array_add (argv, (gpointer) db);
    }
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  if (input != NULL)
    {
      flags |= G_SUBPROCESS_FLAGS_STDIN_PIPE;
      stdin_bytes = g_bytes_new (input, strlen (input));
    }
  launcher = g_subprocess_launcher_new (flags);
  if (env_db != NULL)
    g_subprocess_launcher_setenv (launcher, "SERIALTRACK_DB", env_db, TRUE);
  else
    g_subprocess_launcher_unsetenv (launcher, "SERIALTRACK_DB");
  if (language != NULL)
    {
      g_subprocess_launcher_setenv (launcher, "LANGUAGE", language, TRUE);
      g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
    }
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate (process, stdin_bytes, NULL, &stdout_bytes, &stderr_bytes, &error);
  g_assert_no_error (error);
  *exited = g_subprocess_get_if_exited (process);
  if (*exited)
    *status = g_subprocess_get_exit_status (process);
  else
    *status = 128 + g_subprocess_get_term_sig (process);
  *out = bytes_to_string (stdout_bytes);
  *err = bytes_to_string (stderr_bytes);
}
