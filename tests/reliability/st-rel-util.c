/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <gio/gio.h>

#include "st-rel-util.h"
#include "st-test-run.h"

void
rel_run_free (RelRun *run)
{
  if (run == NULL)
    return;
  g_free (run->out);
  g_free (run->err);
  g_free (run);
}

const char *
rel_cli_path (void)
{
  return st_test_cli_path ();
}

RelRun *
rel_cli_v (const char         *db,
           const char * const *args)
{
  RelRun *run = g_new0 (RelRun, 1);
  gboolean exited;

  st_test_cli_spawn (db, NULL, NULL, NULL, args, &exited, &run->status, &run->out, &run->err);
  return run;
}

static void
report (const RelRun       *run,
        const char * const *args)
{
  g_autofree char *joined = g_strjoinv (" ", (char **) args);

  g_printerr ("serialtrack-cli %s\n-> exit %d\nstdout: %.2000s\nstderr: %.2000s\n", joined,
              run->status, run->out, run->err);
}

RelRun *
rel_cli (const char *db,
         ...)
{
  g_autoptr(GPtrArray) args = NULL;
  va_list ap;

  va_start (ap, db);
  args = st_test_collect_args (ap);
  va_end (ap);
  return rel_cli_v (db, (const char * const *) args->pdata);
}

char *
rel_cli_ok (const char *db,
            ...)
{
  g_autoptr(GPtrArray) args = NULL;
  g_autoptr(RelRun) run = NULL;
  va_list ap;

  va_start (ap, db);
  args = st_test_collect_args (ap);
  va_end (ap);
  run = rel_cli_v (db, (const char * const *) args->pdata);
  if (run->status != 0)
    report (run, (const char * const *) args->pdata);
  g_assert_cmpint (run->status, ==, 0);
  return g_steal_pointer (&run->out);
}

TjNode *
rel_cli_json (const char *db,
              ...)
{
  g_autoptr(GPtrArray) args = NULL;
  g_autoptr(RelRun) run = NULL;
  g_autoptr(GError) error = NULL;
  TjNode *node;
  va_list ap;

  va_start (ap, db);
  args = st_test_collect_args (ap);
  va_end (ap);
  g_ptr_array_insert (args, 0, (gpointer) "--json");
  run = rel_cli_v (db, (const char * const *) args->pdata);
  if (run->status != 0)
    report (run, (const char * const *) args->pdata);
  g_assert_cmpint (run->status, ==, 0);
  node = tj_parse (run->out, &error);
  g_assert_no_error (error);
  return node;
}

void
rel_assert_refusal (const RelRun *run,
                    const char   *needle)
{
  const char *newline = strchr (run->err, '\n');

  if (run->status != 1 || !g_str_has_prefix (run->err, "serialtrack-cli: ") || newline == NULL
      || newline[1] != '\0' || *run->out != '\0'
      || (needle != NULL && strstr (run->err, needle) == NULL))
    g_printerr ("expected a one-line refusal holding “%s”; got exit %d\nstdout: %.2000s\n"
                "stderr: %.2000s\n", needle ? needle : "", run->status, run->out, run->err);
  g_assert_cmpint (run->status, ==, 1);
  g_assert_true (g_str_has_prefix (run->err, "serialtrack-cli: "));
  g_assert_nonnull (newline);
  g_assert_cmpint (newline[1], ==, '\0');
  g_assert_cmpstr (run->out, ==, "");
  if (needle != NULL)
    g_assert_nonnull (strstr (run->err, needle));
}

char *
rel_cli_refused (const char *db,
                 const char *needle,
                 ...)
{
  g_autoptr(GPtrArray) args = NULL;
  g_autoptr(RelRun) run = NULL;
  va_list ap;

  va_start (ap, needle);
  args = st_test_collect_args (ap);
  va_end (ap);
  run = rel_cli_v (db, (const char * const *) args->pdata);
  if (run->status != 1)
    report (run, (const char * const *) args->pdata);
  rel_assert_refusal (run, needle);
  return g_steal_pointer (&run->err);
}

char *
rel_new_db (const char *dir,
            const char *name)
{
  if (st_pg_enabled ())
    {
      g_autofree char *tag = g_strdelimit (g_strdup (name), ".-", '_');
      return st_pg_database (tag);
    }
  return g_build_filename (dir, name, NULL);
}

gboolean
rel_db_is_server (const char *db)
{
  return st_pg_is_conninfo (db);
}

char *
rel_db_hash (const char *db)
{
  return rel_db_is_server (db) ? st_pg_hash (db) : rel_hash (db);
}

char *
rel_hash (const char *path)
{
  g_autofree char *contents = NULL;
  gsize len = 0;

  if (!g_file_get_contents (path, &contents, &len, NULL))
    return g_strdup ("absent");
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, len);
}

gint64
rel_file_size (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 ? (gint64) st.st_size : -1;
}

void
rel_copy (const char *from,
          const char *to)
{
  g_autoptr(GFile) source = g_file_new_for_path (from);
  g_autoptr(GFile) dest = g_file_new_for_path (to);
  g_autoptr(GError) error = NULL;

  g_file_copy (source, dest, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
}

void
rel_remove_db (const char *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  if (rel_db_is_server (path))
    {
      st_pg_empty (path);
      return;
    }
  for (gsize i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = g_strconcat (path, suffixes[i], NULL);
      g_unlink (name);
    }
}

char *
rel_tmpdir (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *template = g_strdup_printf ("st-%s-XXXXXX", name);
  char *dir = g_dir_make_tmp (template, &error);

  g_assert_no_error (error);
  return dir;
}

void
rel_write_serials (const char *path,
                   const char *prefix,
                   guint       first,
                   guint       n)
{
  g_autoptr(GString) text = g_string_sized_new ((gsize) n * 12);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < n; i++)
    g_string_append_printf (text, "%s%06u\n", prefix, first + i);
  g_file_set_contents (path, text->str, text->len, &error);
  g_assert_no_error (error);
}

void
rel_stock_big (const char *db,
               const char *serials,
               guint       n,
               const char *date)
{
  g_autofree char *line = g_strdup_printf ("BIG:%u:1.00:@%s", n, serials);

  g_free (rel_cli_ok (db, "init", NULL));
  g_free (rel_cli_ok (db, "warehouse", "add", "Main", NULL));
  g_free (rel_cli_ok (db, "warehouse", "add", "Shop", NULL));
  g_free (rel_cli_ok (db, "contact", "add", "--vendor", "Acme", NULL));
  g_free (rel_cli_ok (db, "contact", "add", "--customer", "Bob", NULL));
  g_free (rel_cli_ok (db, "item", "add", "--sku", "BIG", "--name", "Big item", "--serial",
                      "--price", "2", "--cost", "1", NULL));
  if (date != NULL)
    g_free (rel_cli_ok (db, "bill", "post", "--vendor", "Acme", "--number", "B-BASE",
                        "--warehouse", "Main", "--date", date, "--line", line, NULL));
  else
    g_free (rel_cli_ok (db, "bill", "post", "--vendor", "Acme", "--number", "B-BASE",
                        "--warehouse", "Main", "--line", line, NULL));
}

guint
rel_count (const char *env,
           guint       ci_default)
{
  const char *value = g_getenv (env);
  guint64 n;

  if (value == NULL || *value == '\0')
    return ci_default;
  n = g_ascii_strtoull (value, NULL, 10);
  g_assert_cmpuint (n, >, 0);
  return (guint) n;
}

GRand *
rel_rand (const char *what)
{
  const char *value = g_getenv ("ST_REL_SEED");
  guint32 seed;

  if (value != NULL && *value != '\0')
    seed = (guint32) g_ascii_strtoull (value, NULL, 10);
  else
    seed = (guint32) (g_get_real_time () ^ ((guint64) getpid () << 16));
  g_printerr ("# %s: seed %u (ST_REL_SEED=%u repeats this run)\n", what, seed, seed);
  return g_rand_new_with_seed (seed);
}

void
rel_figure (const char *name,
            const char *format,
            ...)
{
  g_autofree char *text = NULL;
  va_list ap;

  va_start (ap, format);
  text = g_strdup_vprintf (format, ap);
  va_end (ap);
  g_printerr ("# FIGURE %s: %s\n", name, text);
}
