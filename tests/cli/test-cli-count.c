/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-cli-count.c — count start | scan | show | list | finish and export count (issue 14),
 * on a file and (suite postgres) on a server database. */
#include <string.h>
#include <gio/gio.h>
#include <glib/gstdio.h>

#include "st-test-cli.h"
#include "st-test-run.h"

/* Main: S1, S2, S4, S5 (S3 sold); Store: X1.  Count CNT-00001 of Main started. */
static void
shelf_setup (Fixture *f)
{
  g_autofree char *out = NULL;

  stock_base (f);
  g_free (cli_ok (f, "bill", "post", "--vendor", "Acme", "--number", "B-2", "--warehouse",
                  "Main", "--date", "2024-03-02", "--line", "PHONE:2:100:S4,S5", NULL));
  g_free (cli_ok (f, "bill", "post", "--vendor", "Acme", "--number", "B-3", "--warehouse",
                  "Store", "--date", "2024-03-02", "--line", "PHONE:1:100:X1", NULL));
  g_free (cli_ok (f, "invoice", "post", "--customer", "Bob", "--warehouse", "Main", "--date",
                  "2024-03-03", "--line", "PHONE:1:150:S3", NULL));
  out = cli_ok (f, "count", "start", "--warehouse", "main", "--date", "2024-03-04", NULL);
  g_assert_cmpstr (out, ==, "Started count CNT-00001 of Main: 4 units expected\n");
}

static char *
write_file (Fixture    *f,
            const char *name,
            const char *contents,
            gssize      length)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (f->dir, name, NULL);

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
  return path;
}

/* The issue's "done when", through the CLI. */
static void
test_done_when (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *file = NULL, *out = NULL, *arg = NULL, *show = NULL;
  g_autoptr(TjNode) report = NULL;
  g_autoptr(TjNode) unit = NULL;

  shelf_setup (f);
  file = write_file (f, "shelf.txt", "S1\r\ns2\nX1\nS3\nNOPE-9\n", -1);
  arg = g_strconcat ("@", file, NULL);
  out = cli_ok (f, "count", "scan", "CNT-00001", arg, NULL);
  g_assert_cmpstr (out, ==,
                   "S1  found\n"
                   "s2  found\n"
                   "X1  elsewhere: in stock at Store\n"
                   "S3  not in stock: Sold\n"
                   "NOPE-9  unknown\n");
  show = cli_ok (f, "count", "show", "CNT-00001", NULL);
  assert_contains (show, "2 of 4 found, 3 unexpected");
  assert_contains (show, "Missing: 2 units\n    S4  PHONE\n    S5  PHONE\n");

  report = cli_json (f, "count", "finish", "CNT-00001", "--write-off-missing", "--date",
                     "2024-03-05", NULL);
  g_assert_cmpstr (tj_str (report, "status"), ==, "finished");
  g_assert_cmpuint (tj_len (report, "missing"), ==, 2);
  g_assert_cmpstr (tj_str (report, "missing/0/serial"), ==, "S4");
  g_assert_cmpstr (tj_str (report, "missing/1/serial"), ==, "S5");
  g_assert_cmpuint (tj_len (report, "unexpected"), ==, 3);
  g_assert_cmpstr (tj_str (report, "unexpected/0/class"), ==, "elsewhere");
  g_assert_cmpstr (tj_str (report, "unexpected/0/warehouse"), ==, "Store");
  g_assert_cmpstr (tj_str (report, "unexpected/1/class"), ==, "not_in_stock");
  g_assert_cmpstr (tj_str (report, "unexpected/1/status"), ==, "sold");
  g_assert_cmpstr (tj_str (report, "unexpected/2/class"), ==, "unknown");
  g_assert_cmpstr (tj_str (report, "adjustment"), ==, "ADJ-00001");
  unit = assert_unit (f, "S4", "written_off", NULL, "received,written_off");
  g_free (assert_unit (f, "S1", "in_stock", "Main", "received"));
  g_free (cli_ok (f, "check", NULL));   /* teardown checks too */

  /* Finishing twice, scanning into a finished count: refused, nothing changed. */
  g_free (cli_refused (f, "already finished", "count", "finish", "CNT-00001", NULL));
  g_free (cli_refused (f, "takes no more scans", "count", "scan", "CNT-00001", "S4", NULL));
}

static void
test_json_and_stdin (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(Run) run = NULL;
  g_autoptr(TjNode) scans = NULL;
  g_autoptr(TjNode) list = NULL;
  g_autoptr(GError) error = NULL;

  shelf_setup (f);
  run = cli_run (f, "S1\nS1\nX1\n", "--json", "count", "scan", "CNT-00001", "@-", NULL);
  g_assert_cmpint (run->status, ==, 0);
  scans = tj_parse (run->out, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tj_len (scans, ""), ==, 3);
  g_assert_cmpstr (tj_str (scans, "0/class"), ==, "found");
  g_assert_cmpstr (tj_str (scans, "0/sku"), ==, "PHONE");
  g_assert_cmpstr (tj_str (scans, "1/class"), ==, "again");
  g_assert_cmpstr (tj_str (scans, "2/class"), ==, "elsewhere");

  /* Quantity items by number. */
  g_free (cli_ok (f, "count", "scan", "CNT-00001", "--quantity", "CABLE:7", NULL));
  list = cli_json (f, "count", "list", NULL);
  g_assert_cmpuint (tj_len (list, ""), ==, 1);
  g_assert_cmpint (tj_int (list, "0/scans/found"), ==, 1);
  g_assert_cmpint (tj_int (list, "0/scans/again"), ==, 1);
  g_assert_cmpint (tj_int (list, "0/expected"), ==, 4);
  /* A count's number of unexpected scans (a report's "unexpected" is their list instead). */
  g_assert_cmpint (tj_int (list, "0/unexpected"), ==, 1);
  g_clear_pointer (&list, tj_free);
  list = cli_json (f, "count", "finish", "CNT-00001", "--write-off-missing", NULL);
  g_assert_cmpint (tj_int (list, "quantities/0/counted"), ==, 7);
  g_assert_cmpint (tj_int (list, "quantities/0/on_hand"), ==, 10);
  g_assert_cmpint (cli_on_hand (f, "CABLE"), ==, 7);
}

/* Bad input: one clear line, exit 1, nothing written. */
static void
test_refusals (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(Run) run = NULL;
  g_autofree char *before = NULL, *after = NULL;
  g_autofree char *long_serial = g_strnfill (101, 'L');

  stock_base (f);
  g_free (cli_refused (f, "Nowhere", "count", "start", "--warehouse", "Nowhere", NULL));
  g_free (cli_refused (f, "NOSUCH", "count", "start", "--warehouse", "Main", "--item", "NOSUCH",
                       NULL));
  g_free (cli_refused (f, "CNT-00042", "count", "scan", "CNT-00042", "S1", NULL));
  g_free (cli_refused (f, "CNT-00042", "count", "finish", "CNT-00042", NULL));
  g_free (cli_refused (f, "CNT-00042", "count", "show", "CNT-00042", NULL));
  cli_usage_error (f, "--warehouse", "count", "start", NULL);
  g_free (cli_ok (f, "count", "start", "--warehouse", "Main", NULL));
  g_free (cli_refused (f, "CABLE:x", "count", "scan", "CNT-00001", "--quantity", "CABLE:x",
                       NULL));

  /* A blank scan and an overlong one: refused, named, not counted; the good one counted. */
  before = database_hash (f);
  run = cli_run (f, NULL, "count", "scan", "CNT-00001", " ", NULL);
  g_assert_cmpint (run->status, ==, 1);
  g_assert_cmpstr (run->out, ==, "");
  assert_contains (run->err, "empty");
  after = database_hash (f);
  g_assert_cmpstr (before, ==, after);
  g_clear_pointer (&run, run_free);
  run = cli_run (f, NULL, "count", "scan", "CNT-00001", long_serial, "S1", NULL);
  g_assert_cmpint (run->status, ==, 1);
  g_assert_cmpstr (run->out, ==, "S1  found\n");
  assert_contains (run->err, "LLLL");
  assert_contains (run->err, "1 of 2 serials refused and not counted; 1 scanned");
}

/* A million lines of junk: every line refused and counted, the first few named, nothing
 * else changed. */
static void
test_junk_file (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(Run) run = NULL;
  g_autoptr(GString) junk = g_string_sized_new (12000000);
  g_autofree char *file = NULL, *arg = NULL, *before = NULL, *after = NULL;
  g_auto(GStrv) lines = NULL;

  stock_base (f);
  g_free (cli_ok (f, "count", "start", "--warehouse", "Main", NULL));
  for (guint i = 0; i < 1000000; i++)
    g_string_append_printf (junk, "\x01junk%u\n", i);
  file = write_file (f, "junk.txt", junk->str, (gssize) junk->len);
  arg = g_strconcat ("@", file, NULL);
  before = database_hash (f);
  run = cli_run (f, NULL, "count", "scan", "CNT-00001", arg, NULL);
  g_assert_cmpint (run->status, ==, 1);
  g_assert_cmpstr (run->out, ==, "");
  lines = g_strsplit (run->err, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 23);   /* 20 named, "… more", summary, "" */
  assert_contains (lines[0], "line 1:");
  assert_contains (run->err, "… and 999980 more refused");
  assert_contains (run->err, "1000000 of 1000000 serials refused and not counted; 0 scanned");
  after = database_hash (f);
  g_assert_cmpstr (before, ==, after);
}

/* Two processes scanning the same serials into one count at once: each serial found once and
 * scanned again once. */
static void
test_two_processes (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) serials = g_string_new (NULL);
  g_autoptr(GString) list = g_string_new (NULL);
  g_autoptr(TjNode) count = NULL;
  g_autoptr(GSubprocess) a = NULL, b = NULL;
  g_autofree char *file = NULL, *arg = NULL, *line = NULL;
  const guint n = 150;

  stock_base (f);
  for (guint i = 0; i < n; i++)
    {
      g_string_append_printf (serials, "P%04u\n", i);
      g_string_append_printf (list, "%sP%04u", i > 0 ? "," : "", i);
    }
  line = g_strdup_printf ("PHONE:%u:100:%s", n, list->str);
  g_free (cli_ok (f, "bill", "post", "--vendor", "Acme", "--number", "B-9", "--warehouse",
                  "Main", "--line", line, NULL));
  g_free (cli_ok (f, "count", "start", "--warehouse", "Main", "--item", "PHONE", NULL));
  file = write_file (f, "scans.txt", serials->str, -1);
  arg = g_strconcat ("@", file, NULL);

  a = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE, &error, st_test_cli_path (), "--db",
                        f->db, "count", "scan", "CNT-00001", arg, NULL);
  g_assert_no_error (error);
  b = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE, &error, st_test_cli_path (), "--db",
                        f->db, "count", "scan", "CNT-00001", arg, NULL);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_wait_check (a, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_subprocess_wait_check (b, NULL, &error));
  g_assert_no_error (error);

  count = cli_json (f, "count", "show", "CNT-00001", NULL);
  g_assert_cmpint (tj_int (count, "expected"), ==, n + 3);
  g_assert_cmpint (tj_int (count, "scans/found"), ==, n);
  g_assert_cmpint (tj_int (count, "scans/again"), ==, n);
  g_assert_cmpuint (tj_len (count, "missing"), ==, 3);   /* S1, S2, S3 of B-1 */
}

/* The report workbook, read back with openpyxl. */
static void
test_export (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *xlsx = g_build_filename (f->dir, "count.xlsx", NULL);
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "core", "read-xlsx.py",
                                                   NULL);
  g_autofree char *out = NULL, *err = NULL;
  int status = 0;
  const char *argv[] = { "/usr/bin/python3", script, xlsx, NULL };

  shelf_setup (f);
  g_free (cli_ok (f, "count", "scan", "CNT-00001", "S1,X1,0042", NULL));
  g_free (cli_ok (f, "export", "count", "CNT-00001", xlsx, NULL));
  g_free (cli_refused (f, "exists", "export", "count", "CNT-00001", xlsx, NULL));
  g_spawn_sync (NULL, (char **) argv, NULL, 0, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("read-xlsx.py: %s", err);
  assert_contains (out, "title\tStock count CNT-00001\n");
  assert_contains (out, "sheet\tMissing\n");
  assert_contains (out, "row\t3\tstr:S2\tstr:PHONE\tstr:Phone X\tstr:In stock\tstr:Main\n");
  assert_contains (out, "sheet\tUnexpected\n");
  assert_contains (out, "row\t3\tstr:X1\tstr:elsewhere\tstr:PHONE\tstr:Phone X\t"
                        "str:elsewhere: in stock at Store\t");
  /* A serial of digits stays text, leading zeros and all. */
  assert_contains (out, "row\t4\tstr:0042\tstr:unknown\t");
  assert_contains (out, "sheet\tScans\n");
  assert_contains (out, "row\t3\tstr:S1\tstr:found\t");
  /* Every sheet of the count's workbook prints like the others (one shared writer). */
  assert_contains (out, " — Stock count CNT-00001\n");
  assert_contains (out, "print\tlandscape\tfit 1x0\ttitles $1:$2\tfooter &CPage &P of &N\n");
  assert_contains (out, "str:Expected\tnum:4\n");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define TEST(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  TEST ("/cli/count/done-when", test_done_when);
  TEST ("/cli/count/json-and-stdin", test_json_and_stdin);
  TEST ("/cli/count/refusals", test_refusals);
  TEST ("/cli/count/junk-file", test_junk_file);
  TEST ("/cli/count/two-processes", test_two_processes);
  TEST ("/cli/count/export", test_export);
#undef TEST

  return g_test_run ();
}
