/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-bench-count.c — stock counts at scale (issue 14, item 5): on the generated inventory
 * (1,000,000 units by default) plus a warehouse holding --shelf units (100,000) of one item, a
 * count of that warehouse: each scan classified in process (ms a scan), `serialtrack-cli count
 * scan COUNT @FILE` of every unit of the shelf, and the finish with the write-off of what was
 * left unscanned.  Prints RESULT|workload|seconds|-|-|target|verdict|peak RSS KiB lines like
 * st-bench.c.  With --smoke it runs on a tiny inventory and checks results, never timings. */
#define G_LOG_DOMAIN "st-bench-count"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gstdio.h>

#include "st-error.h"
#include "st-bench-inventory.h"
#include "st-store.h"


static StBenchInventoryOptions inv = { .units = 1000000, .items = 1000, .shelf = 100000 };
static guint    opt_single = 2000;     /* scans timed one by one */
static guint    opt_left = 1000;       /* shelf units never scanned: the write-off */

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GOptionContext) context = g_option_context_new ("— stock count benchmark");
  g_autofree char *cached = NULL, *work = NULL, *list = NULL, *arg = NULL;
  g_autoptr(StStore) store = NULL;
  g_autoptr(StCount) count = NULL;
  g_autoptr(StCountReport) report = NULL;
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GString) file = g_string_new (NULL);
  const char *cli = g_getenv ("SERIALTRACK_CLI");
  double t0, t, median, p99, sum = 0;
  int status = 0;

  st_bench_inventory_parse (&inv, context, NULL, "st-bench-count-XXXXXX", &argc, &argv);
  if (inv.smoke)
    {
      opt_single = 100;
      opt_left = 50;
    }
  cached = st_bench_inventory_path (inv.db_dir, inv.units, inv.items, inv.shelf, inv.smoke);
  work = st_bench_inventory_copy (cached, ".work.serialtrack");

  store = st_store_open (work, 0, &error);
  g_assert_no_error (error);
  t0 = st_bench_now ();
  count = st_store_count_start (store, ST_BENCH_SHELF, NULL, NULL, &error);
  g_assert_no_error (error);
  st_bench_result (inv.smoke, "count start (info)", st_bench_now () - t0, 0, 0, 0, "-");
  g_assert_cmpint (st_count_get_n_expected (count), ==, inv.shelf);

  /* One scan a transaction, spread over the shelf. */
  for (guint i = 0; i < opt_single; i++)
    {
      g_autofree char *serial = st_bench_shelf_serial ((guint) ((guint64) i * (inv.shelf - opt_left)
                                                       / opt_single));
      g_autoptr(StCountScan) scan = NULL;

      t0 = st_bench_now ();
      scan = st_store_count_scan (store, st_count_get_number (count), serial, &error);
      t = st_bench_now () - t0;
      g_assert_no_error (error);
      g_assert_cmpint (st_count_scan_get_class (scan), ==, ST_SCAN_FOUND);
      g_array_append_val (times, t);
      sum += t;
    }
  st_bench_sort (times);
  median = g_array_index (times, double, times->len / 2);
  p99 = g_array_index (times, double, times->len * 99 / 100);
  st_bench_result (inv.smoke, "count scan, one in process (median)", median, 0, 0, 0.005, "< 5 ms");
  st_bench_result (inv.smoke, "count scan, one in process (99th percentile)", p99, 0, 0, 0.005,
                   "< 5 ms");
  st_bench_result (inv.smoke, "count scan, one in process (mean)", sum / opt_single, 0, 0, 0.005,
                   "< 5 ms");
  g_clear_object (&store);

  /* The CLI over a file of every shelf unit but the last opt_left. */
  for (guint i = 0; i < inv.shelf - opt_left; i++)
    g_string_append_printf (file, "CS%07u\n", i);
  list = g_strconcat (cached, ".scans.txt", NULL);
  g_assert_true (g_file_set_contents (list, file->str, (gssize) file->len, NULL));
  arg = g_strconcat ("@", list, NULL);
  if (cli != NULL)
    {
      const char *cli_argv[] = { cli, "--db", work, "count", "scan", st_count_get_number (count),
                                 arg, NULL };

      t0 = st_bench_now ();
      g_spawn_sync (NULL, (char **) cli_argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL,
                    NULL, &status, &error);
      t = st_bench_now () - t0;
      g_assert_no_error (error);
      g_assert_true (g_spawn_check_wait_status (status, NULL));
      st_bench_result (inv.smoke, "serialtrack-cli count scan @FILE (100,000 serials)", t, 0, 0, 15,
                       "< 15 s");
    }
  else
    g_print ("SERIALTRACK_CLI unset: the CLI's timing skipped\n");

  store = st_store_open (work, 0, &error);
  g_assert_no_error (error);
  t0 = st_bench_now ();
  report = st_store_count_finish (store, st_count_get_number (count), TRUE, NULL, &error);
  t = st_bench_now () - t0;
  g_assert_no_error (error);
  st_bench_result (inv.smoke, "count finish with the write-off", t, 0, 0, 2, "< 2 s");
  if (cli != NULL)
    {
      g_assert_cmpuint (report->missing->len, ==, opt_left);
      g_assert_cmpint (st_count_get_n_scans (report->count, ST_SCAN_FOUND), ==, inv.shelf - opt_left);
      g_assert_cmpint (st_count_get_n_scans (report->count, ST_SCAN_AGAIN), ==, opt_single);
      g_assert_nonnull (report->adjustment);
      g_assert_cmpint (st_document_get_quantity (report->adjustment), ==, -(gint64) opt_left);
    }
  g_clear_pointer (&report, st_count_report_free);
  g_clear_object (&store);
  g_unlink (work);
  g_unlink (list);
  return 0;
}
