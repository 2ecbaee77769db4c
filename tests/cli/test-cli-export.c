/* SPDX-License-Identifier: GPL-3.0-or-later */
/* serialtrack-cli export history / export sold / generate, end to end. */

#include <string.h>
#include <glib/gstdio.h>

#include "st-test-cli.h"
#include "st-test-pg.h"
#include "../st-test-xlsx.h"

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

/* The workbook as read-xlsx.py prints it. */
static char *
read_xlsx (const char *path)
{
  g_auto(GStrv) lines = st_test_read_xlsx (path, FALSE);
  g_autofree char *joined = g_strjoinv ("\n", lines);

  return g_strconcat (joined, "\n", NULL);
}

static GPtrArray *
rows_of_sheet (const char *dump,
               const char *sheet)
{
  g_auto(GStrv) lines = g_strsplit (dump, "\n", -1);
  g_autofree char *marker = g_strconcat ("sheet\t", sheet, NULL);
  GPtrArray *rows = g_ptr_array_new_with_free_func (g_free);
  gboolean in = FALSE;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (g_str_has_prefix (lines[i], "sheet\t"))
        in = g_str_equal (lines[i], marker);
      else if (in && g_str_has_prefix (lines[i], "row\t"))
        g_ptr_array_add (rows, g_strdup (lines[i]));
    }
  return rows;
}

static void
test_export_history_matches_unit (Fixture       *f,
                                  gconstpointer  data)
{
  g_autofree char *xlsx = g_build_filename (f->dir, "history.xlsx", NULL);
  g_autofree char *dump = NULL;
  g_autoptr(TjNode) unit = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) mine = g_ptr_array_new ();
  TjNode *history;

  stock_base (f);
  g_free (cli_ok (f, "transfer", "post", "--from", "Main", "--to", "Store", "--date", "2024-03-02",
                  "--line", "PHONE:1::S2", NULL));
  g_free (cli_ok (f, "invoice", "post", "--customer", "Bob", "--warehouse", "Store", "--date",
                  "2024-03-03", "--line", "PHONE:1:250:S2", NULL));
  g_free (cli_ok (f, "export", "history", xlsx, "--item", "PHONE", NULL));
  dump = read_xlsx (xlsx);
  rows = rows_of_sheet (dump, "History");
  for (guint i = 0; i < rows->len; i++)
    if (strstr (g_ptr_array_index (rows, i), "\tstr:S2\t") != NULL)
      g_ptr_array_add (mine, g_ptr_array_index (rows, i));

  unit = cli_json (f, "unit", "S2", NULL);
  history = tj_get (unit, "history");
  g_assert_cmpuint (tj_len (history, NULL), ==, 3);
  g_assert_cmpuint (mine->len, ==, 3);
  for (guint i = 0; i < mine->len; i++)
    {
      g_autofree char *index = g_strdup_printf ("%u", i);
      TjNode *event = tj_get (history, index);
      g_autofree char *date = g_strdup_printf ("\tdate:%s\t", tj_str (event, "date"));
      g_autofree char *doc = g_strdup_printf ("\tstr:%s\t", tj_str (event, "document"));

      assert_contains (g_ptr_array_index (mine, i), date);
      assert_contains (g_ptr_array_index (mine, i), doc);
    }
  /* Units sheet: title, header plus the three phones, S2 sold at 250.00. */
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = rows_of_sheet (dump, "Units");
  g_assert_cmpuint (rows->len, ==, 5);
  assert_contains (dump, "str:S2\tstr:PHONE");
  assert_contains (dump, "money:250");
}

/* The print setup of every sheet of @dump: landscape, one page wide and any number tall, the
 * title and header rows repeated, "Page 1 of 3" in the footer; and the sheet count. */
static void
assert_printable (const char *dump,
                  guint       n_sheets)
{
  const char *setup = "\nprint\tlandscape\tfit 1x0\ttitles $1:$2\tfooter &CPage &P of &N\n";
  guint n = 0;

  for (const char *p = strstr (dump, "\nsheet\t"); p != NULL; p = strstr (p + 1, "\nsheet\t"))
    n++;
  g_assert_cmpuint (n, ==, n_sheets);
  n = 0;
  for (const char *p = strstr (dump, setup); p != NULL; p = strstr (p + 1, setup))
    n++;
  g_assert_cmpuint (n, ==, n_sheets);
}

/* Workbooks an accountant can print: a title row naming the shop (the database) and the
 * period, then the header (frozen below it), the data and the totals. */
static void
test_export_printable (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *sold = g_build_filename (f->dir, "sold.xlsx", NULL);
  g_autofree char *history = g_build_filename (f->dir, "history.xlsx", NULL);
  g_autofree char *dump = NULL;
  g_autofree char *title = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  stock_base (f);
  g_free (cli_ok (f, "invoice", "post", "--customer", "Bob", "--warehouse", "Main", "--date",
                  "2024-03-03", "--line", "PHONE:1:250:S2", NULL));
  g_free (cli_ok (f, "export", "sold", sold, "--from", "2024-03-01", "--to", "2024-03-31",
                  NULL));
  dump = read_xlsx (sold);
  assert_printable (dump, 1);
  assert_contains (dump, "\nfreeze\tA3\n");
  assert_contains (dump, "\nheader-bold\tyes\n");
  rows = rows_of_sheet (dump, "Sold serials");
  g_assert_cmpuint (rows->len, ==, 4);
  /* The shop is the database: the file's name without .serialtrack, or the server's. */
  if (st_pg_enabled ())
    title = g_strdup_printf ("row\t1\tstr:%s on ", f->db + strlen ("dbname="));
  else
    title = g_strdup ("row\t1\tstr:inventory — Sold serials 2024-03-01 – 2024-03-31");
  g_assert_true (g_str_has_prefix (g_ptr_array_index (rows, 0), title));
  g_assert_true (g_str_has_suffix (g_ptr_array_index (rows, 0),
                                   " — Sold serials 2024-03-01 – 2024-03-31"));
  g_assert_true (g_str_has_prefix (g_ptr_array_index (rows, 1), "row\t2\tstr:Date\t"));
  g_assert_true (g_str_has_prefix (g_ptr_array_index (rows, 2),
                                   "row\t3\tdate:2024-03-03\tstr:INV-"));
  assert_contains (g_ptr_array_index (rows, 3), "\tformula:=SUM(G3:G3)=250\t");
  g_clear_pointer (&dump, g_free);

  g_free (cli_ok (f, "export", "history", history, NULL));
  dump = read_xlsx (history);
  assert_printable (dump, 2);
  assert_contains (dump, " — Unit history\n");
}

/* A folder for LOCPATH holding the locale @name ("de_DE"), compiled with localedef from the
 * system's sources (no root, no installed locale needed); NULL when that cannot be done. */
static char *
make_locale (Fixture    *f,
             const char *name)
{
  g_autofree char *dir = g_build_filename (f->dir, "locales", NULL);
  g_autofree char *target = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = 0;

  g_mkdir_with_parents (dir, 0700);
  target = g_strdup_printf ("%s/%s.UTF-8", dir, name);
  {
    const char *argv[] = { "localedef", "-i", name, "-f", "UTF-8", target, NULL };

    if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err,
                       &status, NULL)
        || !g_spawn_check_wait_status (status, NULL))
      {
        g_test_message ("localedef %s failed: %s", name, err != NULL ? err : "");
        return NULL;
      }
  }
  return g_steal_pointer (&dir);
}

/* preferences show --json under the locale @name (NULL: the tests' C.UTF-8). */
static TjNode *
preferences_in (Fixture    *f,
                const char *locpath,
                const char *name)
{
  g_autofree char *saved = g_strdup (g_getenv ("LC_ALL"));
  g_autofree char *locale = name != NULL ? g_strdup_printf ("%s.UTF-8", name) : NULL;
  TjNode *shown;

  if (name != NULL)
    {
      g_setenv ("LOCPATH", locpath, TRUE);
      g_setenv ("LC_ALL", locale, TRUE);
    }
  shown = cli_json (f, "preferences", "show", NULL);
  g_unsetenv ("LOCPATH");
  g_setenv ("LC_ALL", saved, TRUE);
  return shown;
}

/* The currency preference: from the locale by default (none under C), set with a checked ISO
 * 4217 code, shown in the workbooks' money format. */
static void
test_currency (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *sold = g_build_filename (f->dir, "sold.xlsx", NULL);
  g_autofree char *locpath = NULL;
  g_autofree char *locpath_us = NULL;
  g_autofree char *dump = NULL;
  g_autoptr(TjNode) shown = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  const char *refused[] = { "EURO", "eu", "€", "E1R", "EUR EUR" };

  /* The C locale has no currency: plain numbers, as before. */
  shown = preferences_in (f, NULL, NULL);
  g_assert_true (tj_is_null (shown, "currency"));
  g_assert_false (tj_bool (shown, "currency_from_locale"));
  g_clear_pointer (&shown, tj_free);

  /* A locale's own: EUR in Germany, USD in the United States. */
  if ((locpath = make_locale (f, "de_DE")) != NULL
      && (locpath_us = make_locale (f, "en_US")) != NULL)
    {
      shown = preferences_in (f, locpath, "de_DE");
      g_assert_cmpstr (tj_str (shown, "currency"), ==, "EUR");
      g_assert_true (tj_bool (shown, "currency_from_locale"));
      g_clear_pointer (&shown, tj_free);
      shown = preferences_in (f, locpath, "en_US");
      g_assert_cmpstr (tj_str (shown, "currency"), ==, "USD");
      g_clear_pointer (&shown, tj_free);
    }
  else
    g_test_message ("no localedef: the locales' defaults are not checked");

  /* Anything but three letters is refused, naming the currency and what was typed. */
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autofree char *err = cli_refused (f, refused[i], "preferences", "set", "currency",
                                          refused[i], NULL);

      assert_contains (err, "currency");
      assert_contains (err, "ISO 4217");
    }

  /* Set: in capitals, kept in the database whatever the locale. */
  shown = cli_json (f, "preferences", "set", "currency", "chf", NULL);
  g_assert_cmpstr (tj_str (shown, "currency"), ==, "CHF");
  g_assert_false (tj_bool (shown, "currency_from_locale"));
  g_clear_pointer (&shown, tj_free);
  if (locpath != NULL)
    {
      shown = preferences_in (f, locpath, "de_DE");
      g_assert_cmpstr (tj_str (shown, "currency"), ==, "CHF");
      g_clear_pointer (&shown, tj_free);
    }
  shown = cli_json (f, "preferences", "show", NULL);
  g_assert_cmpstr (tj_str (shown, "currency"), ==, "CHF");
  g_assert_cmpstr (tj_str (shown, "tracking"), ==, "serial");
  g_clear_pointer (&shown, tj_free);

  /* The workbook's money columns carry it in their number format (#,##0.00 "CHF"), the
   * totals too; quantities stay plain. */
  stock_base (f);
  g_free (cli_ok (f, "invoice", "post", "--customer", "Bob", "--warehouse", "Main", "--date",
                  "2024-03-03", "--line", "PHONE:1:250:S2", NULL));
  g_free (cli_ok (f, "export", "sold", sold, "--from", "2024-03-01", "--to", "2024-03-31",
                  NULL));
  dump = read_xlsx (sold);
  rows = rows_of_sheet (dump, "Sold serials");
  g_assert_cmpuint (rows->len, ==, 4);
  assert_contains (g_ptr_array_index (rows, 2),
                   "\tmoney:250 \"CHF\"\tmoney:100 \"CHF\"\tmoney:150 \"CHF\"\tstr:Sold\tnum:1");
  assert_contains (g_ptr_array_index (rows, 3),
                   "\tformula:=SUM(G3:G3)=250 \"CHF\"\tformula:=SUM(H3:H3)=100 \"CHF\"");
  assert_contains (g_ptr_array_index (rows, 3), "\tformula:=SUM(K3:K3)=1");

  /* "" gives the choice back to the locale. */
  shown = cli_json (f, "preferences", "set", "currency", "", NULL);
  g_assert_true (tj_is_null (shown, "currency"));
}

static void
test_export_refusals (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *xlsx = g_build_filename (f->dir, "sold.xlsx", NULL);
  g_autofree char *missing_dir = g_build_filename (f->dir, "no", "such", "x.xlsx", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *contents = NULL;
  gsize len;

  stock_base (f);
  /* Nothing sold yet: said so, and no file written. */
  g_free (cli_refused (f, "Nothing was sold", "export", "sold", xlsx, "--from", "2024-01-01",
                       "--to", "2024-12-31", NULL));
  g_assert_false (g_file_test (xlsx, G_FILE_TEST_EXISTS));
  g_free (cli_ok (f, "export", "history", xlsx, NULL));
  g_assert_true (g_file_get_contents (xlsx, &contents, &len, NULL));
  before = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (guchar *) contents, len);
  g_clear_pointer (&contents, g_free);

  /* An existing file is kept unless --force. */
  g_free (cli_refused (f, "sold.xlsx", "export", "history", xlsx, NULL));
  g_assert_true (g_file_get_contents (xlsx, &contents, &len, NULL));
  after = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (guchar *) contents, len);
  g_assert_cmpstr (before, ==, after);
  g_free (cli_ok (f, "export", "history", xlsx, "--force", NULL));

  g_free (cli_refused (f, "2024-05-01", "export", "sold", "x.xlsx", "--from", "2024-05-01",
                       "--to", "2024-01-01", NULL));
  g_free (cli_refused (f, "2024-13-01", "export", "sold", "x.xlsx", "--from", "2024-13-01", NULL));
  g_free (cli_refused (f, "NOPE", "export", "history", "x.xlsx", "--item", "NOPE", NULL));
  g_free (cli_refused (f, "ZZZ", "export", "history", "x.xlsx", "--serial", "ZZZ", NULL));
  g_free (cli_refused (f, "such", "export", "history", missing_dir, NULL));
  g_assert_false (g_file_test ("x.xlsx", G_FILE_TEST_EXISTS));
}

static void
test_generate (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(TjNode) stats = NULL;
  g_autoptr(TjNode) check = NULL;
  g_autofree char *units_a = NULL;
  g_autofree char *units_b = NULL;
  Fixture other = { 0 };

  g_free (cli_ok (f, "init", NULL));
  stats = cli_json (f, "generate", "--items", "6", "--units", "400", "--seed", "42", NULL);
  g_assert_cmpint (tj_int (stats, "units"), >=, 400);
  g_assert_cmpint (tj_int (stats, "documents"), >, 0);
  check = cli_json (f, "check", NULL);
  g_assert_true (tj_bool (check, "sound"));
  units_a = cli_ok (f, "--json", "units", NULL);

  /* Same seed, same data. */
  fixture_setup_empty (&other, NULL);
  g_free (cli_ok (&other, "init", NULL));
  g_free (cli_ok (&other, "generate", "--items", "6", "--units", "400", "--seed", "42", NULL));
  units_b = cli_ok (&other, "--json", "units", NULL);
  g_assert_cmpstr (units_a, ==, units_b);
  fixture_teardown (&other, NULL);

  cli_usage_error (f, "--units", "generate", "--items", "3", NULL);
  cli_usage_error (f, "--items", "generate", "--items", "x", "--units", "5", NULL);
}

/* generate --service-cases N alone: cases on sold units of the existing inventory, in a mix
 * of statuses and resolutions, through the service functions (check stays sound). */
static void
test_generate_service_cases (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(TjNode) stats = NULL;
  g_autoptr(TjNode) cases = NULL;
  g_autoptr(TjNode) check = NULL;
  g_autoptr(GHashTable) kinds = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) serials = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_free (cli_ok (f, "init", NULL));
  g_free (cli_ok (f, "generate", "--items", "6", "--units", "1500", "--seed", "42", NULL));
  stats = cli_json (f, "generate", "--service-cases", "120", "--seed", "5", NULL);
  g_assert_cmpint (tj_int (stats, "service_cases"), ==, 120);
  g_assert_cmpint (tj_int (stats, "units"), ==, 0);
  cases = cli_json (f, "services", NULL);
  g_assert_cmpuint (tj_len (cases, ""), ==, 120);
  for (guint i = 0; i < 120; i++)
    {
      g_autofree char *status = g_strdup_printf ("%u/status", i);
      g_autofree char *resolution = g_strdup_printf ("%u/resolution", i);
      g_autofree char *serial = g_strdup_printf ("%u/serial", i);

      g_hash_table_add (kinds, g_strdup_printf ("%s %s", tj_str (cases, status),
                                                tj_is_null (cases, resolution)
                                                ? "-" : tj_str (cases, resolution)));
      /* One case per unit. */
      g_assert_true (g_hash_table_add (serials, g_strdup (tj_str (cases, serial))));
    }
  g_assert_true (g_hash_table_contains (kinds, "open -"));
  g_assert_true (g_hash_table_contains (kinds, "in_repair -"));
  g_assert_true (g_hash_table_contains (kinds, "closed repaired"));
  g_assert_true (g_hash_table_contains (kinds, "closed unrepaired"));
  g_assert_true (g_hash_table_contains (kinds, "closed replaced"));
  g_assert_cmpuint (g_hash_table_size (kinds), >=, 6);
  check = cli_json (f, "check", NULL);
  g_assert_true (tj_bool (check, "sound"));

  g_free (cli_refused (f, "sold units", "generate", "--service-cases", "100000", NULL));
  cli_usage_error (f, "--service-cases", "generate", "--service-cases", "x", NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  st_pg_require_server ("test-cli-export");

  ADD ("/cli/export/history-matches-unit", test_export_history_matches_unit);
  ADD ("/cli/export/refusals", test_export_refusals);
  ADD ("/cli/export/printable", test_export_printable);
  ADD ("/cli/export/currency", test_currency);
  g_test_add ("/cli/generate/deterministic-and-sound", Fixture, NULL, fixture_setup_empty,
              test_generate, fixture_teardown);
  g_test_add ("/cli/generate/service-cases", Fixture, NULL, fixture_setup_empty,
              test_generate_service_cases, fixture_teardown);

  return g_test_run ();
}
