/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>
#include <glib/gstdio.h>
#include <gio/gio.h>
#include <sqlite3.h>

#include "st-test-cli.h"
#include "st-test-pg.h"
#include "st-test-run.h"

void
run_free (Run *run)
{
  if (run == NULL)
    return;
  g_free (run->out);
  g_free (run->err);
  g_free (run);
}

Run *
cli_runv (Fixture            *f,
          DbMode              mode,
          const char         *input,
          const char * const *args)
{
  Run *run = g_new0 (Run, 1);
  gboolean exited;

  st_test_cli_spawn (mode == DB_ARG ? f->db : NULL, mode == DB_ENV ? f->db : NULL, NULL, input,
                     args, &exited, &run->status, &run->out, &run->err);
  g_assert_true (exited);
  return run;
}

static char *
describe (const Run          *run,
          const char * const *args)
{
  g_autofree char *joined = g_strjoinv (" ", (char **) args);

  return g_strdup_printf ("serialtrack-cli %s\n-> exit %d\nstdout:\n%s\nstderr:\n%s", joined,
                          run->status, run->out, run->err);
}

static void
expect_status (const Run          *run,
               const char * const *args,
               int                 status)
{
  if (run->status != status)
    {
      g_autofree char *text = describe (run, args);
      g_test_message ("%s", text);
    }
  g_assert_cmpint (run->status, ==, status);
}

Run *
cli_run (Fixture    *f,
         const char *input,
         ...)
{
  g_autoptr(GPtrArray) args = NULL;
  va_list ap;

  va_start (ap, input);
  args = st_test_collect_args (ap);
  va_end (ap);
  return cli_runv (f, DB_ARG, input, (const char * const *) args->pdata);
}

char *
cli_ok (Fixture *f,
        ...)
{
  g_autoptr(GPtrArray) args = NULL;
  g_autoptr(Run) run = NULL;
  va_list ap;

  va_start (ap, f);
  args = st_test_collect_args (ap);
  va_end (ap);
  run = cli_runv (f, DB_ARG, NULL, (const char * const *) args->pdata);
  expect_status (run, (const char * const *) args->pdata, 0);
  g_assert_cmpstr (run->err, ==, "");
  return g_steal_pointer (&run->out);
}

TjNode *
cli_json (Fixture *f,
          ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(Run) run = NULL;
  g_autoptr(GError) error = NULL;
  TjNode *node;
  const char *arg;
  va_list ap;

  g_ptr_array_add (args, (gpointer) "--json");
  va_start (ap, f);
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  run = cli_runv (f, DB_ARG, NULL, (const char * const *) args->pdata);
  expect_status (run, (const char * const *) args->pdata, 0);
  g_assert_cmpstr (run->err, ==, "");
  node = tj_parse (run->out, &error);
  if (node == NULL)
    g_test_message ("not JSON:\n%s", run->out);
  g_assert_no_error (error);
  return node;
}

gboolean
on_postgres (void)
{
  return st_pg_enabled ();
}

gboolean
database_exists (Fixture *f)
{
  if (st_pg_is_conninfo (f->db))
    return st_pg_initialised (f->db);
  return g_file_test (f->db, G_FILE_TEST_EXISTS);
}

void
database_remove (Fixture *f)
{
  if (st_pg_is_conninfo (f->db))
    st_pg_empty (f->db);
  else
    g_assert_cmpint (g_remove (f->db), ==, 0);
}

void
database_sql (Fixture    *f,
              const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  if (st_pg_is_conninfo (f->db))
    {
      g_free (st_pg_sql (f->db, sql));
      return;
    }
  g_assert_cmpint (sqlite3_open (f->db, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

char *
database_hash (Fixture *f)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree char *wal = NULL;
  const char *files[2];

  if (st_pg_is_conninfo (f->db))
    return st_pg_hash (f->db);
  wal = g_strconcat (f->db, "-wal", NULL);
  files[0] = f->db;
  files[1] = wal;

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *contents = NULL;
      gsize length = 0;

      if (!g_file_test (files[i], G_FILE_TEST_EXISTS))
        {
          g_checksum_update (sum, (const guchar *) "-", 1);
          continue;
        }
      g_assert_true (g_file_get_contents (files[i], &contents, &length, NULL));
      g_checksum_update (sum, (const guchar *) contents, (gssize) length);
    }
  return g_strdup (g_checksum_get_string (sum));
}

char *
cli_refused (Fixture    *f,
             const char *needle,
             ...)
{
  g_autoptr(GPtrArray) args = NULL;
  g_autoptr(Run) run = NULL;
  g_autofree char *before = database_hash (f);
  g_autofree char *after = NULL;
  va_list ap;

  va_start (ap, needle);
  args = st_test_collect_args (ap);
  va_end (ap);
  run = cli_runv (f, DB_ARG, NULL, (const char * const *) args->pdata);
  expect_status (run, (const char * const *) args->pdata, 1);

  /* One clear line, naming what was wrong. */
  g_assert_true (g_str_has_prefix (run->err, "serialtrack-cli: "));
  g_assert_true (g_str_has_suffix (run->err, "\n"));
  g_assert_true (strchr (run->err, '\n') == run->err + strlen (run->err) - 1);
  assert_contains (run->err, needle);
  g_assert_cmpstr (run->out, ==, "");

  /* Nothing written. */
  after = database_hash (f);
  g_assert_cmpstr (before, ==, after);
  return g_steal_pointer (&run->err);
}

void
cli_usage_error (Fixture    *f,
                 const char *needle,
                 ...)
{
  g_autoptr(GPtrArray) args = NULL;
  g_autoptr(Run) run = NULL;
  g_autofree char *before = database_exists (f) ? database_hash (f) : NULL;
  va_list ap;

  va_start (ap, needle);
  args = st_test_collect_args (ap);
  va_end (ap);
  run = cli_runv (f, DB_ARG, NULL, (const char * const *) args->pdata);
  expect_status (run, (const char * const *) args->pdata, 2);
  g_assert_true (g_str_has_prefix (run->err, "serialtrack-cli: "));
  assert_contains (run->err, needle);
  assert_contains (run->err, "Usage:");
  g_assert_cmpstr (run->out, ==, "");
  if (before != NULL)
    {
      g_autofree char *after = database_hash (f);
      g_assert_cmpstr (before, ==, after);
    }
}

void
assert_contains (const char *haystack,
                 const char *needle)
{
  if (strstr (haystack, needle) == NULL)
    g_error ("“%s” does not contain “%s”", haystack, needle);
}

TjNode *
assert_unit (Fixture    *f,
             const char *serial,
             const char *status,
             const char *warehouse,
             const char *events)
{
  g_autoptr(TjNode) unit = cli_json (f, "unit", serial, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autofree char *joined = NULL;
  guint n = tj_len (unit, "history");

  g_assert_cmpstr (tj_str (unit, "serial"), ==, serial);
  g_assert_cmpstr (tj_str (unit, "status"), ==, status);
  g_assert_cmpstr (tj_str (unit, "warehouse"), ==, warehouse);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *path = g_strdup_printf ("history/%u/event", i);
      g_ptr_array_add (names, (gpointer) tj_str (unit, path));
    }
  g_ptr_array_add (names, NULL);
  joined = g_strjoinv (",", (char **) names->pdata);
  g_assert_cmpstr (joined, ==, events);
  return g_steal_pointer (&unit);
}

void
stock_base (Fixture *f)
{
  g_free (cli_ok (f, "bill", "post", "--vendor", "Acme", "--number", "B-1", "--warehouse", "Main",
                  "--date", "2024-03-01", "--line", "PHONE:3:100:S1,S2,S3",
                  "--line", "CABLE:10:1.20", NULL));
}

/* Fixtures. */

/* Fixtures alive at once (a test may make a second one): on PostgreSQL each has a database
 * of its own, st_test_<pid>_<n>, emptied when the next fixture takes it. */
static guint n_live_fixtures;

void
fixture_setup_empty (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("st-cli-XXXXXX", &error);
  g_assert_no_error (error);
  if (st_pg_enabled ())
    {
      g_autofree char *tag = g_strdup_printf ("%u", n_live_fixtures);
      f->db = st_pg_database (tag);
    }
  else
    f->db = g_build_filename (f->dir, "inventory.serialtrack", NULL);
  n_live_fixtures++;
}

void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  fixture_setup_empty (f, data);
  g_free (cli_ok (f, "init", NULL));
  g_free (cli_ok (f, "warehouse", "add", "Main", NULL));
  g_free (cli_ok (f, "warehouse", "add", "Store", NULL));
  g_free (cli_ok (f, "contact", "add", "--vendor", "Acme", NULL));
  g_free (cli_ok (f, "contact", "add", "--vendor", "Zenith", NULL));
  g_free (cli_ok (f, "contact", "add", "--customer", "Bob", NULL));
  g_free (cli_ok (f, "contact", "add", "--customer", "Carol", NULL));
  g_free (cli_ok (f, "item", "add", "--sku", "PHONE", "--name", "Phone X", "--serial",
                  "--price", "150", "--cost", "100", "--warranty-months", "12", NULL));
  g_free (cli_ok (f, "item", "add", "--sku", "IMEI", "--name", "Handset", "--serial",
                  "--format", "imei", "--price", "200", "--cost", "120", NULL));
  g_free (cli_ok (f, "item", "add", "--sku", "CABLE", "--name", "USB cable", "--price", "5",
                  "--cost", "1.50", NULL));
}

void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  /* Whatever a test did or was refused, the ledger must still add up. */
  if (database_exists (f))
    {
      g_autoptr(TjNode) report = cli_json (f, "check", NULL);

      g_assert_true (tj_bool (report, "sound"));
      g_assert_cmpuint (tj_len (report, "problems"), ==, 0);
    }
  st_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->db);
  n_live_fixtures--;
}

gint64
cli_on_hand (Fixture    *f,
             const char *sku)
{
  g_autoptr(TjNode) items = cli_json (f, "item", "list", NULL);

  for (guint i = 0; i < tj_len (items, NULL); i++)
    {
      g_autofree char *path = g_strdup_printf ("%u/sku", i);
      g_autofree char *on_hand_path = g_strdup_printf ("%u/on_hand", i);

      if (g_strcmp0 (tj_str (items, path), sku) == 0)
        return tj_int (items, on_hand_path);
    }
  g_assert_not_reached ();
  return -1;
}
