/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-export — issue 7's export row: st_export_history() on the benchmark database against a
 * bare libxlsxwriter loop that reads the same rows with the same SQL and writes the same cells
 * (constant_memory, sheets continued past Excel's last row), each in its own child process so
 * that each has its own peak RSS.  Prints RESULT lines like st-bench. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <xlsxwriter.h>

#include "st-export.h"
#include "st-store.h"

#define MAX_ROWS 1048575

static const char units_sql[] =
  "SELECT u.serial, i.sku, i.name, u.status, w.name, u.received_date, rd.number, rc.name,"
  " u.cost, u.sold_date, sd.number, sc.name, u.price, u.warranty_end"
  " FROM units u JOIN items i ON i.id = u.item_id"
  " LEFT JOIN warehouses w ON w.id = u.warehouse_id"
  " LEFT JOIN documents rd ON rd.id = u.received_doc_id"
  " LEFT JOIN contacts rc ON rc.id = rd.contact_id"
  " LEFT JOIN documents sd ON sd.id = u.sold_doc_id"
  " LEFT JOIN contacts sc ON sc.id = sd.contact_id"
  " ORDER BY i.sku_key, u.serial_key, u.id";
static const char events_sql[] =
  "SELECT u.serial, i.sku, i.name, e.date, e.kind, r.kind, d.number, fw.name, tw.name, c.name,"
  " e.amount FROM items i CROSS JOIN units u ON u.item_id = i.id"
  " CROSS JOIN unit_events e ON e.unit_id = u.id"
  " JOIN documents d ON d.id = e.document_id"
  " LEFT JOIN unit_events r ON r.id = e.reverses_id"
  " LEFT JOIN warehouses fw ON fw.id = e.from_warehouse_id"
  " LEFT JOIN warehouses tw ON tw.id = e.to_warehouse_id"
  " LEFT JOIN contacts c ON c.id = e.contact_id"
  " ORDER BY i.sku_key, u.serial_key, u.id, e.id";

typedef struct
{
  lxw_workbook  *wb;
  lxw_worksheet *ws;
  lxw_format    *date, *money;
  const char    *name;
  guint          n_columns;
  guint          part;
  lxw_row_t      row;
} Sheet;

static void
next_sheet (Sheet *s)
{
  char name[32];

  s->part++;
  if (s->part == 1)
    g_strlcpy (name, s->name, sizeof name);
  else
    g_snprintf (name, sizeof name, "%s (%u)", s->name, s->part);
  s->ws = workbook_add_worksheet (s->wb, name);
  for (guint c = 0; c < s->n_columns; c++)
    worksheet_write_string (s->ws, 0, c, "Header", NULL);
  worksheet_freeze_panes (s->ws, 1, 0);
  s->row = 0;
}

static void
next_row (Sheet *s)
{
  if (s->row == MAX_ROWS)
    next_sheet (s);
  s->row++;
}

static void
text (Sheet *s, int col, sqlite3_stmt *stmt, int i)
{
  const char *t = (const char *) sqlite3_column_text (stmt, i);

  if (t != NULL)
    worksheet_write_string (s->ws, s->row, col, t, NULL);
}

static void
date (Sheet *s, int col, sqlite3_stmt *stmt, int i)
{
  const char *t = (const char *) sqlite3_column_text (stmt, i);
  lxw_datetime dt = { 0 };

  if (t != NULL && sscanf (t, "%4d-%2d-%2d", &dt.year, &dt.month, &dt.day) == 3)
    worksheet_write_datetime (s->ws, s->row, col, &dt, s->date);
}

static void
money (Sheet *s, int col, gint64 cents)
{
  worksheet_write_number (s->ws, s->row, col, (double) cents / 100.0, s->money);
}

static int
baseline (const char *db_path,
          const char *out)
{
  lxw_workbook_options options = { .constant_memory = LXW_TRUE, .tmpdir = (char *) g_get_tmp_dir () };
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  Sheet s = { 0 };

  if (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    return 1;
  s.wb = workbook_new_opt (out, &options);
  s.date = workbook_add_format (s.wb);
  format_set_num_format (s.date, "yyyy-mm-dd");
  s.money = workbook_add_format (s.wb);
  format_set_num_format (s.money, "#,##0.00");

  s.name = "Units";
  s.n_columns = 15;
  next_sheet (&s);
  sqlite3_prepare_v2 (db, units_sql, -1, &stmt, NULL);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 cost = sqlite3_column_int64 (stmt, 8);

      next_row (&s);
      for (int c = 0; c < 5; c++)
        text (&s, c, stmt, c);
      date (&s, 5, stmt, 5);
      text (&s, 6, stmt, 6);
      text (&s, 7, stmt, 7);
      money (&s, 8, cost);
      date (&s, 9, stmt, 9);
      text (&s, 10, stmt, 10);
      text (&s, 11, stmt, 11);
      if (sqlite3_column_type (stmt, 12) != SQLITE_NULL)
        {
          money (&s, 12, sqlite3_column_int64 (stmt, 12));
          money (&s, 13, sqlite3_column_int64 (stmt, 12) - cost);
        }
      date (&s, 14, stmt, 13);
    }
  sqlite3_finalize (stmt);

  s.name = "History";
  s.n_columns = 10;
  s.part = 0;
  next_sheet (&s);
  sqlite3_prepare_v2 (db, events_sql, -1, &stmt, NULL);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      next_row (&s);
      text (&s, 0, stmt, 0);
      text (&s, 1, stmt, 1);
      text (&s, 2, stmt, 2);
      date (&s, 3, stmt, 3);
      text (&s, 4, stmt, 4);
      text (&s, 5, stmt, 6);
      text (&s, 6, stmt, 7);
      text (&s, 7, stmt, 8);
      text (&s, 8, stmt, 9);
      if (sqlite3_column_type (stmt, 10) != SQLITE_NULL)
        money (&s, 9, sqlite3_column_int64 (stmt, 10));
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return workbook_close (s.wb) == LXW_NO_ERROR ? 0 : 1;
}

static int
ours (const char *db_path,
      const char *out)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StStore) store = st_store_open (db_path, 0, &error);
  StHistoryScope scope = { 0 };

  if (store == NULL || !st_export_history (store, out, &scope, TRUE, NULL, NULL, NULL, &error))
    {
      g_printerr ("bench-export: %s\n", error->message);
      return 1;
    }
  return 0;
}

/* Runs @func in a child; returns its wall time, and its peak RSS in *rss_kib. */
static double
run_child (int (*func) (const char *, const char *),
           const char *db,
           const char *out,
           long       *rss_kib)
{
  gint64 start = g_get_monotonic_time ();
  struct rusage usage;
  int status = 0;
  pid_t pid = fork ();

  if (pid == 0)
    _exit (func (db, out));
  wait4 (pid, &status, 0, &usage);
  if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
    {
      g_printerr ("bench-export: a child failed\n");
      exit (1);
    }
  *rss_kib = usage.ru_maxrss;
  return (g_get_monotonic_time () - start) / 1e6;
}

int
main (int   argc,
      char *argv[])
{
  const char *units = g_getenv ("ST_BENCH_UNITS") ? g_getenv ("ST_BENCH_UNITS") : "1000000";
  const char *items = g_getenv ("ST_BENCH_ITEMS") ? g_getenv ("ST_BENCH_ITEMS") : "1000";
  const char *seed = g_getenv ("ST_BENCH_SEED") ? g_getenv ("ST_BENCH_SEED") : "7";
  g_autofree char *name = g_strdup_printf ("bench-u%s-i%s-s%s.serialtrack", units, items, seed);
  g_autofree char *db = NULL;
  g_autofree char *dir = g_dir_make_tmp ("st-bench-export-XXXXXX", NULL);
  g_autofree char *out_base = g_build_filename (dir, "baseline.xlsx", NULL);
  g_autofree char *out_ours = g_build_filename (dir, "ours.xlsx", NULL);
  long rss_base = 0, rss_ours = 0;
  double t_base, t_ours;

  if (argc != 3 || strcmp (argv[1], "--db-dir") != 0)
    {
      g_printerr ("usage: bench-export --db-dir DIR\n");
      return 2;
    }
  db = g_build_filename (argv[2], name, NULL);
  if (!g_file_test (db, G_FILE_TEST_EXISTS))
    {
      g_printerr ("bench-export: %s does not exist; run tests/bench/run-bench.sh first\n", db);
      return 77;
    }
  t_base = run_child (baseline, db, out_base, &rss_base);
  t_ours = run_child (ours, db, out_ours, &rss_ours);
  g_print ("RESULT|export-history (baseline: bare libxlsxwriter loop)|%.6f|-|-|-|info|%ld\n",
           t_base, rss_base);
  g_print ("RESULT|export-history|%.6f|%.6f|%.2f|<=1.5x, RSS<=64MB|%s|%ld\n", t_ours, t_base,
           t_ours / t_base, t_ours <= 1.5 * t_base && rss_ours <= 64 * 1024 ? "PASS" : "MISS",
           rss_ours);
  g_unlink (out_base);
  g_unlink (out_ours);
  g_rmdir (dir);
  return 0;
}
