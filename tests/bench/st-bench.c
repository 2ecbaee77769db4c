/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-bench.c — SerialTrack's benchmarks (issue 7).  Each workload is measured against a
 * baseline measured in the same run on the same database, and prints one RESULT line:
 *
 *   RESULT|workload|seconds|baseline seconds|ratio|target|verdict|peak RSS KiB
 *
 * run-bench.sh collects these lines into a table.  With --smoke the workloads run on a tiny
 * database and only their results are checked (never their timings). */
#define G_LOG_DOMAIN "st-bench"

#include "config.h"

#include <string.h>
#include <sqlite3.h>
#include <sys/resource.h>
#include <glib/gstdio.h>

#include "st-db-sqlite.h"
#include "st-error.h"
#include "st-generate.h"
#include "st-parse.h"
#include "st-store.h"
#include "st-bench-util.h"

#define PICK_SKU  "BENCH-PICK"
#define BILL_SKU  "BENCH-BILL"
#define VENDOR    "Bench Vendor Ltd"
#define CUSTOMER  "Bench Customer"

typedef struct
{
  guint64  units;
  guint    items;
  guint64  seed;
  char    *db_dir;
  gboolean smoke;
  /* Sizes that follow from --smoke. */
  guint    bill_serials;     /* 10,000 */
  guint    pick_units;       /* 100,000 units of one item at one warehouse */
  guint    invoice_serials;  /* 10,000 */
  guint    rounds;
} Bench;

static Bench bench;

/* Databases. */

static char *
cached_db_path (void)
{
  g_autofree char *name = g_strdup_printf ("bench-u%" G_GUINT64_FORMAT "-i%u-s%" G_GUINT64_FORMAT
                                           ".serialtrack", bench.units, bench.items, bench.seed);

  return g_build_filename (bench.db_dir, name, NULL);
}

static sqlite3 *
raw_open (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL;"
                                     " PRAGMA busy_timeout = 10000;", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  return db;
}

static void
raw_exec (sqlite3    *db,
          const char *sql)
{
  char *msg = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &msg) != SQLITE_OK)
    g_error ("%s: %s", sql, msg);
}

static sqlite3_stmt *
raw_prepare (sqlite3    *db,
             const char *sql)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  return stmt;
}

static gint64
raw_int (sqlite3    *db,
         const char *sql,
         const char *text)
{
  sqlite3_stmt *stmt = raw_prepare (db, sql);
  gint64 value = -1;

  if (text != NULL)
    sqlite3_bind_text (stmt, 1, text, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static char *
raw_text (sqlite3    *db,
          const char *sql)
{
  sqlite3_stmt *stmt = raw_prepare (db, sql);
  char *value = NULL;

  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return value;
}

static char *
primary_warehouse (StStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = st_store_list_warehouses (store, &error);
  sqlite3 *db;
  char *name;

  g_assert_no_error (error);
  /* The first warehouse created (id 1), whatever the language made of its name. */
  db = raw_open (st_store_get_path (store));
  name = raw_text (db, "SELECT name FROM warehouses ORDER BY id LIMIT 1");
  sqlite3_close (db);
  g_assert_nonnull (name);
  return name;
}

static void
print_progress (double   fraction,
                gpointer data)
{
  static int last = -1;
  int percent = (int) (fraction * 100);

  if (percent / 5 != last / 5)
    {
      g_printerr ("  generating: %d %%\n", percent);
      last = percent;
    }
}

/* Generates the bench database once per size and seed: the synthetic inventory, plus one item
 * with pick_units units in stock at the primary warehouse (the picker's 100,000 candidates) and
 * one empty item for the bill benchmark. */
static char *
prepare_db (void)
{
  g_autofree char *path = cached_db_path ();
  g_autofree char *tmp = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(StStore) store = NULL;
  g_autoptr(StDraft) draft = NULL;
  g_autoptr(StDocument) doc = NULL;
  g_autoptr(StItem) pick = NULL, bill = NULL;
  g_autoptr(StContact) vendor = NULL, customer = NULL;
  g_autofree char *wh = NULL;
  StGenerateStats stats = { 0 };
  StItemSpec pick_spec = { PICK_SKU, "Bench picker item", NULL, 19900, 12000,
                           ST_TRACKING_SERIAL, 0, ST_SERIAL_FORMAT_ANY };
  StItemSpec bill_spec = { BILL_SKU, "Bench bill item", NULL, 9900, 6000,
                           ST_TRACKING_SERIAL, 12, ST_SERIAL_FORMAT_ANY };
  StDraftLine *line;
  double t0, t_gen, t_pick;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return g_steal_pointer (&path);

  g_mkdir_with_parents (bench.db_dir, 0755);
  tmp = g_strdup_printf ("%s.tmp-%d", path, (int) getpid ());
  g_printerr ("Generating %" G_GUINT64_FORMAT " units, %u items, seed %" G_GUINT64_FORMAT
              " into %s\n", bench.units, bench.items, bench.seed, path);
  store = st_store_open (tmp, ST_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);

  t0 = st_bench_now ();
  st_generate (store, bench.items, bench.units, bench.seed, NULL, print_progress, NULL, &stats,
               &error);
  g_assert_no_error (error);
  t_gen = st_bench_now () - t0;
  g_assert_cmpuint (stats.n_units, ==, bench.units);
  g_printerr ("  %" G_GUINT64_FORMAT " items, %" G_GUINT64_FORMAT " units, %" G_GUINT64_FORMAT
              " documents in %.1f s\n", stats.n_items, stats.n_units, stats.n_documents, t_gen);
  st_bench_result (bench.smoke, "generate", t_gen, 0, 0, 0, "minutes");

  pick = st_store_add_item (store, &pick_spec, &error);
  g_assert_no_error (error);
  bill = st_store_add_item (store, &bill_spec, &error);
  g_assert_no_error (error);
  vendor = st_store_add_contact (store, ST_CONTACT_VENDOR, VENDOR, &error);
  g_assert_no_error (error);
  customer = st_store_add_contact (store, ST_CONTACT_CUSTOMER, CUSTOMER, &error);
  g_assert_no_error (error);
  wh = primary_warehouse (store);

  draft = st_draft_new (ST_DOC_BILL);
  st_draft_set_string (&draft->number, "BENCH-PICK-1");
  st_draft_set_string (&draft->contact, VENDOR);
  st_draft_set_string (&draft->warehouse, wh);
  line = st_draft_add_line (draft, PICK_SKU, bench.pick_units);
  for (guint i = 0; i < bench.pick_units; i++)
    {
      char serial[32];

      g_snprintf (serial, sizeof serial, "PK%07u", i);
      st_draft_line_add_serial (line, serial);
    }
  t0 = st_bench_now ();
  doc = st_store_post (store, draft, &error);
  g_assert_no_error (error);
  t_pick = st_bench_now () - t0;
  g_assert_cmpint (st_document_get_quantity (doc), ==, bench.pick_units);
  st_bench_result (bench.smoke, "post-bill-100k (info)", t_pick, 0, 0, 0, "-");
  g_clear_object (&store);

  /* A cached database must be a single file: the last close checkpointed the WAL. */
  g_assert_false (g_file_test (g_strconcat (tmp, "-wal", NULL), G_FILE_TEST_EXISTS));
  g_assert_cmpint (g_rename (tmp, path), ==, 0);
  return g_steal_pointer (&path);
}

/* A copy for the workloads that write, so the cached database stays as generated. */
static char *
work_copy (const char *path)
{
  g_autofree char *copy = g_strdup_printf ("%s.work-%d", path, (int) getpid ());
  g_autoptr(GFile) src = g_file_new_for_path (path);
  g_autoptr(GFile) dst = g_file_new_for_path (copy);
  g_autoptr(GError) error = NULL;

  g_file_copy (src, dst, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&copy);
}

static StStore *
open_store (const char *path)
{
  g_autoptr(GError) error = NULL;
  StStore *store = st_store_open (path, ST_STORE_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  return store;
}

static gint64
item_id (StStore    *store,
         const char *sku)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StItem) item = st_store_find_item (store, sku, &error);

  g_assert_no_error (error);
  return st_item_get_id (item);
}

static void
assert_sound (StStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StCheckReport) report = st_store_check (store, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < report->problems->len; i++)
    g_printerr ("problem: %s\n", (const char *) g_ptr_array_index (report->problems, i));
  g_assert_cmpuint (report->problems->len, ==, 0);
}

/* Workload: a bill of 10,000 new serials. */

static double
raw_bill (sqlite3    *db,
          gint64      item,
          gint64      warehouse,
          gint64      vendor,
          const char *date,
          const char *number,
          const char *prefix,
          guint       n)
{
  sqlite3_stmt *doc = raw_prepare (db, "INSERT INTO documents (kind, number, number_key, date,"
                                       " status, contact_id, warehouse_id, total, quantity)"
                                       " VALUES ('bill', ?, ?, ?, 'posted', ?, ?, ?, ?)");
  sqlite3_stmt *line = raw_prepare (db, "INSERT INTO document_lines (document_id, line_no,"
                                        " item_id, quantity, rate) VALUES (?, 1, ?, ?, 6000)");
  sqlite3_stmt *unit = raw_prepare (db, "INSERT INTO units (item_id, serial, serial_key, status,"
                                        " warehouse_id, cost, price, warranty_end,"
                                        " received_date, received_doc_id, sold_date, sold_doc_id,"
                                        " serial_rkey)"
                                        " VALUES (?, ?, ?, 'in_stock', ?, 6000, NULL, NULL, ?, ?,"
                                        " NULL, NULL, ?7)");
  sqlite3_stmt *event = raw_prepare (db, "INSERT INTO unit_events (unit_id, document_id, line_id,"
                                         " kind, date, from_warehouse_id, to_warehouse_id,"
                                         " contact_id, amount, warranty_end, reverses_id)"
                                         " VALUES (?, ?, ?, 'received', ?, NULL, ?, ?, 6000,"
                                         " NULL, NULL)");
  sqlite3_stmt *stock = raw_prepare (db, "INSERT INTO stock (item_id, warehouse_id, on_hand,"
                                         " in_transit) VALUES (?1, ?2, ?3, 0)"
                                         " ON CONFLICT (item_id, warehouse_id)"
                                         " DO UPDATE SET on_hand = on_hand + ?3");
  g_autofree char *number_key = g_ascii_strdown (number, -1);
  gint64 doc_id, line_id;
  double t0, t;

  t0 = st_bench_now ();
  raw_exec (db, "BEGIN IMMEDIATE");
  sqlite3_bind_text (doc, 1, number, -1, SQLITE_STATIC);
  sqlite3_bind_text (doc, 2, number_key, -1, SQLITE_STATIC);
  sqlite3_bind_text (doc, 3, date, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (doc, 4, vendor);
  sqlite3_bind_int64 (doc, 5, warehouse);
  sqlite3_bind_int64 (doc, 6, (gint64) n * 6000);
  sqlite3_bind_int64 (doc, 7, n);
  g_assert_cmpint (sqlite3_step (doc), ==, SQLITE_DONE);
  doc_id = sqlite3_last_insert_rowid (db);
  sqlite3_bind_int64 (line, 1, doc_id);
  sqlite3_bind_int64 (line, 2, item);
  sqlite3_bind_int64 (line, 3, n);
  g_assert_cmpint (sqlite3_step (line), ==, SQLITE_DONE);
  line_id = sqlite3_last_insert_rowid (db);
  for (guint i = 0; i < n; i++)
    {
      char serial[32], key[32];
      g_autofree char *rkey = NULL;

      g_snprintf (serial, sizeof serial, "%s%06u", prefix, i);
      g_snprintf (key, sizeof key, "%s%06u", prefix, i);
      for (char *p = key; *p; p++)
        *p = g_ascii_tolower (*p);
      rkey = g_utf8_strreverse (key, -1);
      sqlite3_bind_int64 (unit, 1, item);
      sqlite3_bind_text (unit, 2, serial, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (unit, 3, key, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (unit, 4, warehouse);
      sqlite3_bind_text (unit, 5, date, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (unit, 6, doc_id);
      sqlite3_bind_text (unit, 7, rkey, -1, SQLITE_TRANSIENT);
      g_assert_cmpint (sqlite3_step (unit), ==, SQLITE_DONE);
      sqlite3_reset (unit);
      sqlite3_bind_int64 (event, 1, sqlite3_last_insert_rowid (db));
      sqlite3_bind_int64 (event, 2, doc_id);
      sqlite3_bind_int64 (event, 3, line_id);
      sqlite3_bind_text (event, 4, date, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (event, 5, warehouse);
      sqlite3_bind_int64 (event, 6, vendor);
      g_assert_cmpint (sqlite3_step (event), ==, SQLITE_DONE);
      sqlite3_reset (event);
    }
  sqlite3_bind_int64 (stock, 1, item);
  sqlite3_bind_int64 (stock, 2, warehouse);
  sqlite3_bind_int64 (stock, 3, n);
  g_assert_cmpint (sqlite3_step (stock), ==, SQLITE_DONE);
  raw_exec (db, "COMMIT");
  t = st_bench_now () - t0;
  sqlite3_finalize (doc);
  sqlite3_finalize (line);
  sqlite3_finalize (unit);
  sqlite3_finalize (event);
  sqlite3_finalize (stock);
  return t;
}

static void
workload_post_bill (const char *cached)
{
  g_autofree char *path = work_copy (cached);
  g_autoptr(StStore) store = open_store (path);
  g_autoptr(GArray) engine = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) baseline = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *wh = primary_warehouse (store);
  g_autofree char *today = st_date_today ();
  sqlite3 *db = raw_open (path);
  gint64 item = item_id (store, BILL_SKU);
  gint64 wh_id = raw_int (db, "SELECT id FROM warehouses WHERE name = ?", wh);
  gint64 vendor_id = raw_int (db, "SELECT id FROM contacts WHERE name = ?", VENDOR);

  for (guint r = 0; r < bench.rounds; r++)
    {
      g_autoptr(StDraft) draft = st_draft_new (ST_DOC_BILL);
      g_autoptr(StDocument) doc = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *raw_number = g_strdup_printf ("RAW-%u", r);
      g_autofree char *raw_prefix = g_strdup_printf ("RAW%u-", r);
      g_autofree char *number = g_strdup_printf ("ENGINE-%u", r);
      StDraftLine *line;
      double t, t0;

      t = raw_bill (db, item, wh_id, vendor_id, today, raw_number, raw_prefix,
                    bench.bill_serials);
      g_array_append_val (baseline, t);

      st_draft_set_string (&draft->number, number);
      st_draft_set_string (&draft->contact, VENDOR);
      st_draft_set_string (&draft->warehouse, wh);
      line = st_draft_add_line (draft, BILL_SKU, bench.bill_serials);
      for (guint i = 0; i < bench.bill_serials; i++)
        {
          char serial[32];

          g_snprintf (serial, sizeof serial, "ENG%u-%06u", r, i);
          st_draft_line_add_serial (line, serial);
        }
      t0 = st_bench_now ();
      doc = st_store_post (store, draft, &error);
      t = st_bench_now () - t0;
      g_assert_no_error (error);
      g_assert_cmpint (st_document_get_quantity (doc), ==, bench.bill_serials);
      g_assert_cmpuint (((StDocumentLine *) g_ptr_array_index (st_document_get_lines (doc), 0))
                        ->serials->len, ==, bench.bill_serials);
      g_array_append_val (engine, t);
    }
  g_assert_cmpint (raw_int (db, "SELECT on_hand FROM stock WHERE item_id = (SELECT id FROM items"
                                " WHERE sku = ?)", BILL_SKU),
                   ==, 2 * bench.rounds * bench.bill_serials);
  sqlite3_close (db);
  if (bench.smoke)
    assert_sound (store);
  st_bench_result (bench.smoke, "post-bill-10k", st_bench_median (engine),
                   st_bench_median (baseline), 3.0, 0.5, "<=3x and <0.5 s");
  g_clear_object (&store);
  st_db_sqlite_delete_file (path);
}

/* Workload: an invoice picking 10,000 given serials among the picker item's 100,000. */

static double
raw_invoice (sqlite3    *db,
             gint64      item,
             gint64      warehouse,
             gint64      customer,
             const char *date,
             const char *number,
             guint       first,
             guint       n)
{
  sqlite3_stmt *doc = raw_prepare (db, "INSERT INTO documents (kind, number, number_key, date,"
                                       " status, contact_id, warehouse_id, total, quantity)"
                                       " VALUES ('invoice', ?, ?, ?, 'posted', ?, ?, ?, ?)");
  sqlite3_stmt *line = raw_prepare (db, "INSERT INTO document_lines (document_id, line_no,"
                                        " item_id, quantity, rate) VALUES (?, 1, ?, ?, 19900)");
  sqlite3_stmt *find = raw_prepare (db, "SELECT id, status, warehouse_id FROM units"
                                        " WHERE item_id = ? AND serial_key = ?");
  sqlite3_stmt *update = raw_prepare (db, "UPDATE units SET status = 'sold', warehouse_id = NULL,"
                                          " price = 19900, sold_date = ?, sold_doc_id = ?"
                                          " WHERE id = ?");
  sqlite3_stmt *event = raw_prepare (db, "INSERT INTO unit_events (unit_id, document_id, line_id,"
                                         " kind, date, from_warehouse_id, to_warehouse_id,"
                                         " contact_id, amount, warranty_end, reverses_id)"
                                         " VALUES (?, ?, ?, 'sold', ?, ?, NULL, ?, 19900,"
                                         " NULL, NULL)");
  sqlite3_stmt *stock = raw_prepare (db, "UPDATE stock SET on_hand = on_hand - ?3"
                                         " WHERE item_id = ?1 AND warehouse_id = ?2");
  g_autofree char *number_key = g_ascii_strdown (number, -1);
  gint64 doc_id, line_id;
  double t0, t;

  t0 = st_bench_now ();
  raw_exec (db, "BEGIN IMMEDIATE");
  sqlite3_bind_text (doc, 1, number, -1, SQLITE_STATIC);
  sqlite3_bind_text (doc, 2, number_key, -1, SQLITE_STATIC);
  sqlite3_bind_text (doc, 3, date, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (doc, 4, customer);
  sqlite3_bind_int64 (doc, 5, warehouse);
  sqlite3_bind_int64 (doc, 6, (gint64) n * 19900);
  sqlite3_bind_int64 (doc, 7, n);
  g_assert_cmpint (sqlite3_step (doc), ==, SQLITE_DONE);
  doc_id = sqlite3_last_insert_rowid (db);
  sqlite3_bind_int64 (line, 1, doc_id);
  sqlite3_bind_int64 (line, 2, item);
  sqlite3_bind_int64 (line, 3, n);
  g_assert_cmpint (sqlite3_step (line), ==, SQLITE_DONE);
  line_id = sqlite3_last_insert_rowid (db);
  for (guint i = first; i < first + n; i++)
    {
      char key[32];
      gint64 unit_id;

      g_snprintf (key, sizeof key, "pk%07u", i);
      sqlite3_bind_int64 (find, 1, item);
      sqlite3_bind_text (find, 2, key, -1, SQLITE_TRANSIENT);
      g_assert_cmpint (sqlite3_step (find), ==, SQLITE_ROW);
      g_assert_cmpstr ((const char *) sqlite3_column_text (find, 1), ==, "in_stock");
      g_assert_cmpint (sqlite3_column_int64 (find, 2), ==, warehouse);
      unit_id = sqlite3_column_int64 (find, 0);
      sqlite3_reset (find);
      sqlite3_bind_text (update, 1, date, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (update, 2, doc_id);
      sqlite3_bind_int64 (update, 3, unit_id);
      g_assert_cmpint (sqlite3_step (update), ==, SQLITE_DONE);
      sqlite3_reset (update);
      sqlite3_bind_int64 (event, 1, unit_id);
      sqlite3_bind_int64 (event, 2, doc_id);
      sqlite3_bind_int64 (event, 3, line_id);
      sqlite3_bind_text (event, 4, date, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (event, 5, warehouse);
      sqlite3_bind_int64 (event, 6, customer);
      g_assert_cmpint (sqlite3_step (event), ==, SQLITE_DONE);
      sqlite3_reset (event);
    }
  sqlite3_bind_int64 (stock, 1, item);
  sqlite3_bind_int64 (stock, 2, warehouse);
  sqlite3_bind_int64 (stock, 3, n);
  g_assert_cmpint (sqlite3_step (stock), ==, SQLITE_DONE);
  raw_exec (db, "COMMIT");
  t = st_bench_now () - t0;
  sqlite3_finalize (doc);
  sqlite3_finalize (line);
  sqlite3_finalize (find);
  sqlite3_finalize (update);
  sqlite3_finalize (event);
  sqlite3_finalize (stock);
  return t;
}

static void
workload_post_invoice (const char *cached)
{
  g_autofree char *path = work_copy (cached);
  g_autoptr(StStore) store = open_store (path);
  g_autoptr(GArray) engine = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) fifo = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) baseline = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *wh = primary_warehouse (store);
  g_autofree char *today = st_date_today ();
  sqlite3 *db = raw_open (path);
  gint64 item = item_id (store, PICK_SKU);
  gint64 wh_id = raw_int (db, "SELECT id FROM warehouses WHERE name = ?", wh);
  gint64 customer_id = raw_int (db, "SELECT id FROM contacts WHERE name = ?", CUSTOMER);
  guint n = bench.invoice_serials;
  guint rounds = MIN (bench.rounds, bench.pick_units / (3 * n));

  g_assert_cmpuint (rounds, >=, 1);
  for (guint r = 0; r < rounds; r++)
    {
      g_autoptr(StDraft) draft = st_draft_new (ST_DOC_INVOICE);
      g_autoptr(StDraft) draft_fifo = st_draft_new (ST_DOC_INVOICE);
      g_autoptr(StDocument) doc = NULL;
      g_autoptr(StDocument) doc_fifo = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *raw_number = g_strdup_printf ("RAW-INV-%u", r);
      guint base = r * 3 * n;
      StDraftLine *line;
      double t, t0;

      /* Baseline: serials base … base+n; engine: the next n, given; FIFO: the n after. */
      t = raw_invoice (db, item, wh_id, customer_id, today, raw_number, base, n);
      g_array_append_val (baseline, t);

      st_draft_set_string (&draft->contact, CUSTOMER);
      st_draft_set_string (&draft->warehouse, wh);
      line = st_draft_add_line (draft, PICK_SKU, n);
      for (guint i = base + n; i < base + 2 * n; i++)
        {
          char serial[32];

          g_snprintf (serial, sizeof serial, "PK%07u", i);
          st_draft_line_add_serial (line, serial);
        }
      t0 = st_bench_now ();
      doc = st_store_post (store, draft, &error);
      t = st_bench_now () - t0;
      g_assert_no_error (error);
      g_assert_cmpint (st_document_get_quantity (doc), ==, n);
      g_assert_cmpstr (g_ptr_array_index (((StDocumentLine *) g_ptr_array_index
                                           (st_document_get_lines (doc), 0))->serials, 0),
                       ==, g_strdup_printf ("PK%07u", base + n));
      g_array_append_val (engine, t);

      /* The oldest in stock are now base+2n … (all of one bill: FIFO by id). */
      st_draft_set_string (&draft_fifo->contact, CUSTOMER);
      st_draft_set_string (&draft_fifo->warehouse, wh);
      st_draft_add_line (draft_fifo, PICK_SKU, n);
      t0 = st_bench_now ();
      doc_fifo = st_store_post (store, draft_fifo, &error);
      t = st_bench_now () - t0;
      g_assert_no_error (error);
      g_assert_cmpint (st_document_get_quantity (doc_fifo), ==, n);
      g_assert_cmpstr (g_ptr_array_index (((StDocumentLine *) g_ptr_array_index
                                           (st_document_get_lines (doc_fifo), 0))->serials, 0),
                       ==, g_strdup_printf ("PK%07u", base + 2 * n));
      g_array_append_val (fifo, t);
    }
  g_assert_cmpint (raw_int (db, "SELECT on_hand FROM stock WHERE item_id = (SELECT id FROM items"
                                " WHERE sku = ?)", PICK_SKU),
                   ==, bench.pick_units - 3 * rounds * n);
  sqlite3_close (db);
  if (bench.smoke)
    assert_sound (store);
  st_bench_result (bench.smoke, "post-invoice-10k-serials", st_bench_median (engine),
                   st_bench_median (baseline), 3.0, 0, "<=3x");
  st_bench_result (bench.smoke, "post-invoice-10k-fifo (info)", st_bench_median (fifo),
                   st_bench_median (baseline), 0, 0, "-");
  g_clear_object (&store);
  st_db_sqlite_delete_file (path);
}

/* Workload: one serial and its history, as a process (CLI `unit`) against sqlite3. */

static void
workload_unit_lookup (const char *cached)
{
  const char *cli = g_getenv ("SERIALTRACK_CLI");
  g_autoptr(GArray) process = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) sqlite = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) inproc = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(StStore) store = NULL;
  g_autofree char *serial = NULL;
  g_autofree char *key = NULL;
  g_autofree char *query = NULL;
  g_autofree char *sqlite3_path = g_find_program_in_path ("sqlite3");
  sqlite3 *db = raw_open (cached);
  guint runs = bench.smoke ? 3 : 20;

  /* A unit with a history: one that was sold, returned and maybe sold again. */
  serial = raw_text (db, "SELECT u.serial FROM units u WHERE u.id = (SELECT unit_id FROM"
                         " unit_events WHERE kind = 'returned' ORDER BY id LIMIT 1)");
  if (serial == NULL)
    serial = raw_text (db, "SELECT serial FROM units ORDER BY id LIMIT 1");
  key = raw_text (db, "SELECT serial_key FROM units WHERE serial = (SELECT u.serial FROM units u"
                      " WHERE u.id = (SELECT unit_id FROM unit_events WHERE kind = 'returned'"
                      " ORDER BY id LIMIT 1))");
  if (key == NULL)
    key = raw_text (db, "SELECT serial_key FROM units ORDER BY id LIMIT 1");
  sqlite3_close (db);
  g_assert_nonnull (serial);

  /* The same indexed queries the store runs: the unit with its joins, then its events. */
  query = g_strdup_printf ("SELECT u.id, u.item_id, i.sku, i.name, u.serial, u.status, w.name,"
                           " u.cost, u.price, u.warranty_end, u.received_date, rd.number,"
                           " rd.kind, rc.name, u.sold_date, sd.number, sc.name FROM units u"
                           " JOIN items i ON i.id = u.item_id"
                           " LEFT JOIN warehouses w ON w.id = u.warehouse_id"
                           " LEFT JOIN documents rd ON rd.id = u.received_doc_id"
                           " LEFT JOIN contacts rc ON rc.id = rd.contact_id"
                           " LEFT JOIN documents sd ON sd.id = u.sold_doc_id"
                           " LEFT JOIN contacts sc ON sc.id = sd.contact_id"
                           " WHERE u.serial_key = '%s' LIMIT 2;"
                           " SELECT e.id, e.kind, coalesce (r.kind, ''), e.date, d.kind, d.number,"
                           " fw.name, tw.name, c.name, e.amount FROM unit_events e"
                           " JOIN documents d ON d.id = e.document_id"
                           " LEFT JOIN unit_events r ON r.id = e.reverses_id"
                           " LEFT JOIN warehouses fw ON fw.id = e.from_warehouse_id"
                           " LEFT JOIN warehouses tw ON tw.id = e.to_warehouse_id"
                           " LEFT JOIN contacts c ON c.id = e.contact_id"
                           " WHERE e.unit_id = (SELECT id FROM units WHERE serial_key = '%s')"
                           " ORDER BY e.id;", key, key);

  store = open_store (cached);
  for (guint i = 0; i < runs; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(StUnit) unit = NULL;
      g_autoptr(GPtrArray) history = NULL;
      double t0 = st_bench_now (), t;

      unit = st_store_find_unit (store, serial, NULL, &error);
      g_assert_no_error (error);
      history = st_store_get_unit_history (store, st_unit_get_id (unit), &error);
      g_assert_no_error (error);
      g_assert_cmpuint (history->len, >=, 1);
      t = st_bench_now () - t0;
      g_array_append_val (inproc, t);
    }
  g_clear_object (&store);
  st_bench_result (bench.smoke, "unit-lookup-in-process (info)", st_bench_median (inproc), 0, 0, 0,
                   "-");

  if (cli == NULL || sqlite3_path == NULL)
    {
      g_print ("unit-lookup: SERIALTRACK_CLI or sqlite3 missing; process timing skipped\n");
      return;
    }
  for (guint i = 0; i < runs; i++)
    {
      const char *cli_argv[] = { cli, "--db", cached, "unit", serial, NULL };
      const char *sqlite_argv[] = { sqlite3_path, cached, query, NULL };
      double t;

      t = st_bench_run_process (cli_argv, NULL);
      g_array_append_val (process, t);
      t = st_bench_run_process (sqlite_argv, NULL);
      g_array_append_val (sqlite, t);
    }
  st_bench_result (bench.smoke, "unit-lookup-cli-process", st_bench_median (process),
                   st_bench_median (sqlite), 2.0, 0, "<=2x sqlite3");
  g_print ("unit-lookup: child peak RSS %ld KiB\n", st_bench_peak_rss_kib (RUSAGE_CHILDREN));
}

/* Workload: the integrity check against PRAGMA integrity_check alone. */

static void
workload_check (const char *cached)
{
  g_autoptr(GArray) check = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) baseline = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(StStore) store = open_store (cached);
  guint rounds = bench.smoke ? 1 : 2;
  sqlite3 *db = raw_open (cached);
  const char *cli = g_getenv ("SERIALTRACK_CLI");

  for (guint r = 0; r < rounds; r++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(StCheckReport) report = NULL;
      double t0 = st_bench_now (), t;
      sqlite3_stmt *stmt = raw_prepare (db, "PRAGMA integrity_check");

      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
      sqlite3_finalize (stmt);
      t = st_bench_now () - t0;
      g_array_append_val (baseline, t);

      t0 = st_bench_now ();
      report = st_store_check (store, &error);
      t = st_bench_now () - t0;
      g_assert_no_error (error);
      g_assert_cmpuint (report->problems->len, ==, 0);
      g_assert_cmpint (report->n_units, ==, raw_int (db, "SELECT count (*) FROM units", NULL));
      g_array_append_val (check, t);
    }
  sqlite3_close (db);
  /* Seconds-long and I/O-bound: the best of each, the least disturbed by other work. */
  st_bench_result (bench.smoke, "check", st_bench_minimum (check), st_bench_minimum (baseline), 2.0,
                   0, "<=2x integrity_check");
  if (cli != NULL && !bench.smoke)
    {
      const char *argv[] = { cli, "--db", cached, "check", NULL };
      double t = st_bench_run_process (argv, NULL);

      st_bench_result (bench.smoke, "check-cli-process (info)", t, st_bench_median (baseline), 0, 0,
                       "-");
    }
}

/* The lazy lists must show exactly what one ORDER BY over the whole table shows, however they
 * are walked: forwards (keyset from the page before), backwards (keyset from the page after)
 * and by jumps (OFFSET from the nearer end).  Generated data has NULL sort keys (unsold
 * units have no price, units of a voided bill no warehouse and no receipt date). */

static void
check_walks (StListModel *model,
             GArray      *expected,
             const char  *what)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (model));
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);

  g_assert_cmpuint (n, ==, expected->len);
  for (int walk = 0; walk < 3; walk++)
    {
      g_autoptr(GObject) dummy = NULL;

      st_list_model_refresh (model);
      for (guint k = 0; k < n; k++)
        {
          guint pos = walk == 0 ? k : walk == 1 ? n - 1 - k : (guint) g_rand_int_range (rand, 0, n);
          g_autoptr(GObject) row = g_list_model_get_item (G_LIST_MODEL (model), pos);
          gint64 id;

          g_assert_nonnull (row);
          if (ST_IS_UNIT (row))
            id = st_unit_get_id (ST_UNIT (row));
          else if (ST_IS_ITEM (row))
            id = st_item_get_id (ST_ITEM (row));
          else
            id = st_document_get_id (ST_DOCUMENT (row));
          if (id != g_array_index (expected, gint64, pos))
            g_error ("%s: walk %d, position %u: id %" G_GINT64_FORMAT ", expected %" G_GINT64_FORMAT,
                     what, walk, pos, id, g_array_index (expected, gint64, pos));
          if (walk == 2 && k > 300)
            break;
        }
    }
  if (n > 0)
    {
      /* find_id answers from SQL when the row is not cached. */
      st_list_model_refresh (model);
      g_assert_cmpint (st_list_model_find_id (model, g_array_index (expected, gint64, n - 1)),
                       ==, n - 1);
    }
}

static GArray *
raw_ids (sqlite3    *db,
         const char *sql)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = raw_prepare (db, sql);

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_finalize (stmt);
  return ids;
}

static void
check_paging (StStore *store,
              sqlite3 *db)
{
  static const struct { StSortKey sort; const char *key; } unit_sorts[] = {
    { ST_SORT_DEFAULT, "u.received_date" }, { ST_SORT_SERIAL, "u.serial_key" },
    { ST_SORT_STATUS, "u.status" }, { ST_SORT_WAREHOUSE, "w.name_key" },
    { ST_SORT_SKU, "i.sku_key" }, { ST_SORT_COST, "u.cost" }, { ST_SORT_PRICE, "u.price" },
  };
  static const struct { StSortKey sort; const char *key; } item_sorts[] = {
    { ST_SORT_SKU, "i.sku_key" }, { ST_SORT_NAME, "lower (i.name)" },
    { ST_SORT_ON_HAND, "(SELECT coalesce (sum (on_hand), 0) FROM stock s WHERE s.item_id = i.id)" },
  };
  static const struct { StSortKey sort; const char *key; gboolean flip; } doc_sorts[] = {
    { ST_SORT_DEFAULT, "d.date", TRUE }, { ST_SORT_CONTACT, "c.name_key", FALSE },
    { ST_SORT_TOTAL, "d.total", FALSE },
  };

  for (int desc = 0; desc < 2; desc++)
    {
      const char *dir = desc ? "DESC" : "ASC";

      for (guint i = 0; i < G_N_ELEMENTS (unit_sorts); i++)
        for (int filtered = 0; filtered < 2; filtered++)
          {
            g_autoptr(StListModel) model = st_store_list_units (store, NULL);
            g_autofree char *sql = g_strdup_printf ("SELECT u.id FROM units u"
                                                    " JOIN items i ON i.id = u.item_id"
                                                    " LEFT JOIN warehouses w ON w.id = u.warehouse_id"
                                                    " %s ORDER BY %s %s, u.id %s",
                                                    filtered ? "WHERE u.serial_key LIKE '%1%'" : "",
                                                    unit_sorts[i].key, dir, dir);
            g_autoptr(GArray) expected = raw_ids (db, sql);

            st_list_model_set_sort (model, unit_sorts[i].sort, desc);
            if (filtered)
              st_list_model_set_filter (model, "1");
            check_walks (model, expected, sql);
          }
      for (guint i = 0; i < G_N_ELEMENTS (item_sorts); i++)
        {
          g_autoptr(StListModel) model = st_store_list_items (store);
          g_autofree char *sql = g_strdup_printf ("SELECT i.id FROM items i ORDER BY %s %s, i.id %s",
                                                  item_sorts[i].key, dir, dir);
          g_autoptr(GArray) expected = raw_ids (db, sql);

          st_list_model_set_sort (model, item_sorts[i].sort, desc);
          check_walks (model, expected, sql);
        }
      for (guint i = 0; i < G_N_ELEMENTS (doc_sorts); i++)
        {
          g_autoptr(StListModel) model = st_store_list_documents (store, ST_DOC_INVOICE);
          const char *d = (desc != 0) != doc_sorts[i].flip ? "DESC" : "ASC";
          g_autofree char *sql = g_strdup_printf ("SELECT d.id FROM documents d"
                                                  " LEFT JOIN contacts c ON c.id = d.contact_id"
                                                  " WHERE d.kind = 'invoice' ORDER BY %s %s,"
                                                  " d.id %s", doc_sorts[i].key, d, d);
          g_autoptr(GArray) expected = raw_ids (db, sql);

          st_list_model_set_sort (model, doc_sorts[i].sort, desc);
          check_walks (model, expected, sql);
        }
    }
}

/* Workload: the lazy list of every unit (what scrolling the units view does). */

static void
workload_list (const char *cached)
{
  g_autoptr(StStore) store = open_store (cached);
  g_autoptr(GArray) count = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) first = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) middle = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) last = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) serial_middle = g_array_new (FALSE, FALSE, sizeof (double));
  sqlite3 *db = raw_open (cached);
  gint64 n_units = raw_int (db, "SELECT count (*) FROM units", NULL);
  gint64 last_id = raw_int (db, "SELECT id FROM units ORDER BY received_date DESC, id DESC"
                                " LIMIT 1", NULL);
  guint rounds = bench.smoke ? 1 : 5;

  for (guint r = 0; r < rounds; r++)
    {
      g_autoptr(StListModel) model = st_store_list_units (store, NULL);
      g_autoptr(StListModel) by_serial = st_store_list_units (store, NULL);
      g_autoptr(StUnit) u0 = NULL, um = NULL, ul = NULL, us = NULL;
      guint n;
      double t0, t;

      t0 = st_bench_now ();
      n = g_list_model_get_n_items (G_LIST_MODEL (model));
      t = st_bench_now () - t0;
      g_array_append_val (count, t);
      g_assert_cmpint (n, ==, n_units);

      t0 = st_bench_now ();
      u0 = g_list_model_get_item (G_LIST_MODEL (model), 0);
      t = st_bench_now () - t0;
      g_array_append_val (first, t);

      t0 = st_bench_now ();
      um = g_list_model_get_item (G_LIST_MODEL (model), n / 2);
      t = st_bench_now () - t0;
      g_array_append_val (middle, t);

      t0 = st_bench_now ();
      ul = g_list_model_get_item (G_LIST_MODEL (model), n - 1);
      t = st_bench_now () - t0;
      g_array_append_val (last, t);
      g_assert_nonnull (u0);
      g_assert_nonnull (um);
      g_assert_nonnull (ul);
      g_assert_cmpint (st_unit_get_id (ul), ==, last_id);

      st_list_model_set_sort (by_serial, ST_SORT_SERIAL, FALSE);
      g_list_model_get_n_items (G_LIST_MODEL (by_serial));
      t0 = st_bench_now ();
      us = g_list_model_get_item (G_LIST_MODEL (by_serial), n / 2);
      t = st_bench_now () - t0;
      g_assert_nonnull (us);
      g_array_append_val (serial_middle, t);
    }
  {
    /* The middle row is the one SQL puts there. */
    g_autoptr(StListModel) model = st_store_list_units (store, NULL);
    guint n = g_list_model_get_n_items (G_LIST_MODEL (model));
    g_autoptr(StUnit) um = g_list_model_get_item (G_LIST_MODEL (model), n / 2);
    g_autofree char *sql = g_strdup_printf ("SELECT id FROM units ORDER BY received_date, id"
                                            " LIMIT 1 OFFSET %u", n / 2);

    g_assert_cmpint (st_unit_get_id (um), ==, raw_int (db, sql, NULL));
  }
  if (bench.smoke)
    check_paging (store, db);
  sqlite3_close (db);
  /* The first round of a fresh process (nothing of the file in SQLite's cache), as info. */
  st_bench_result (bench.smoke, "list-1M-count-first-round (info)",
                   g_array_index (count, double, 0), 0, 0, 0, "-");
  st_bench_result (bench.smoke, "list-1M-middle-page-first-round (info)",
                   g_array_index (middle, double, 0), 0, 0, 0, "-");
  st_bench_result (bench.smoke, "list-1M-count", st_bench_median (count), 0, 0, 0.016, "<16 ms");
  st_bench_result (bench.smoke, "list-1M-first-page", st_bench_median (first), 0, 0, 0.016,
                   "<16 ms");
  st_bench_result (bench.smoke, "list-1M-middle-page", st_bench_median (middle), 0, 0, 0.016,
                   "<16 ms");
  st_bench_result (bench.smoke, "list-1M-last-page", st_bench_median (last), 0, 0, 0.016, "<16 ms");
  st_bench_result (bench.smoke, "list-1M-middle-page-by-serial (info)",
                   st_bench_median (serial_middle), 0, 0, 0, "-");
}

/* Workload: the picker over 100,000 eligible units (one item, one warehouse, in stock). */

static void
workload_picker (const char *cached)
{
  g_autoptr(StStore) store = open_store (cached);
  g_autoptr(GArray) open_t = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) key1 = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) key2 = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *wh = primary_warehouse (store);
  StUnitQuery query = { 0 };
  guint rounds = bench.smoke ? 1 : 5;
  sqlite3 *db = raw_open (cached);
  gint64 n_match = raw_int (db, "SELECT count (*) FROM units WHERE serial_key LIKE '%12%'"
                                " AND item_id = (SELECT id FROM items WHERE sku = ?)", PICK_SKU);

  sqlite3_close (db);
  query.item_id = item_id (store, PICK_SKU);
  query.warehouse = wh;
  query.status = ST_UNIT_IN_STOCK;
  for (guint r = 0; r < rounds; r++)
    {
      g_autoptr(StListModel) model = NULL;
      g_autoptr(StUnit) u0 = NULL, u1 = NULL, u2 = NULL;
      double t0, t;

      t0 = st_bench_now ();
      model = st_store_list_units (store, &query);
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, bench.pick_units);
      u0 = g_list_model_get_item (G_LIST_MODEL (model), 0);
      t = st_bench_now () - t0;
      g_assert_cmpstr (st_unit_get_serial (u0), ==, "PK0000000");
      g_array_append_val (open_t, t);

      t0 = st_bench_now ();
      st_list_model_set_filter (model, "1");
      g_list_model_get_n_items (G_LIST_MODEL (model));
      u1 = g_list_model_get_item (G_LIST_MODEL (model), 0);
      t = st_bench_now () - t0;
      g_assert_nonnull (u1);
      g_array_append_val (key1, t);

      t0 = st_bench_now ();
      st_list_model_set_filter (model, "12");
      g_assert_cmpint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, n_match);
      u2 = g_list_model_get_item (G_LIST_MODEL (model), 0);
      t = st_bench_now () - t0;
      g_assert_nonnull (u2);
      g_assert_nonnull (strstr (st_unit_get_serial (u2), "12"));
      g_array_append_val (key2, t);
    }
  st_bench_result (bench.smoke, "picker-100k-open", st_bench_median (open_t), 0, 0, 0.050,
                   "<50 ms");
  st_bench_result (bench.smoke, "picker-100k-keystroke", st_bench_median (key1), 0, 0, 0.050,
                   "<50 ms");
  st_bench_result (bench.smoke, "picker-100k-second-keystroke", st_bench_median (key2), 0, 0, 0.050,
                   "<50 ms");
}

/* The generator is deterministic: the same seed gives the same database, row for row. */

static char *
db_digest (const char *path)
{
  static const char * const tables[] = {
    "SELECT * FROM items ORDER BY id", "SELECT * FROM warehouses ORDER BY id",
    "SELECT * FROM contacts ORDER BY id", "SELECT * FROM documents ORDER BY id",
    "SELECT * FROM document_lines ORDER BY id", "SELECT * FROM units ORDER BY id",
    "SELECT * FROM unit_events ORDER BY id", "SELECT * FROM stock_moves ORDER BY id",
    "SELECT * FROM stock ORDER BY item_id, warehouse_id",
  };
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  sqlite3 *db = raw_open (path);

  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    {
      sqlite3_stmt *stmt = raw_prepare (db, tables[t]);

      while (sqlite3_step (stmt) == SQLITE_ROW)
        for (int c = 0; c < sqlite3_column_count (stmt); c++)
          {
            const unsigned char *text = sqlite3_column_text (stmt, c);

            g_checksum_update (sum, text != NULL ? text : (const guchar *) "\\N", -1);
            g_checksum_update (sum, (const guchar *) "|", 1);
          }
      sqlite3_finalize (stmt);
    }
  sqlite3_close (db);
  return g_strdup (g_checksum_get_string (sum));
}

static char *
generate_digest (guint64 seed)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (bench.db_dir, "determinism.serialtrack", NULL);
  g_autoptr(StStore) store = NULL;
  char *digest;

  st_db_sqlite_delete_file (path);
  store = st_store_open (path, ST_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  st_generate (store, bench.items, bench.units, seed, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  digest = db_digest (path);
  st_db_sqlite_delete_file (path);
  return digest;
}

static void
check_determinism (void)
{
  g_autofree char *a = generate_digest (bench.seed);
  g_autofree char *b = generate_digest (bench.seed);
  g_autofree char *c = generate_digest (bench.seed + 1);

  g_assert_cmpstr (a, ==, b);
  g_assert_cmpstr (a, !=, c);
  g_print ("generator: seed %" G_GUINT64_FORMAT " twice gives the same database (%.16s...), "
           "seed %" G_GUINT64_FORMAT " another\n", bench.seed, a, bench.seed + 1);
}

/* Progress goes up to 1.0; a cancellation stops it with ST_ERROR_CANCELLED and leaves a sound
 * database (every posting is whole). */

typedef struct
{
  double        last;
  guint         calls;
  GCancellable *cancel_at_half;
} Progress;

static void
progress_cb (double   fraction,
             gpointer data)
{
  Progress *p = data;

  g_assert_cmpfloat (fraction, >=, p->last);
  g_assert_cmpfloat (fraction, <=, 1.0);
  p->last = fraction;
  p->calls++;
  if (p->cancel_at_half != NULL && fraction >= 0.5)
    g_cancellable_cancel (p->cancel_at_half);
}

static void
check_progress_and_cancel (void)
{
  g_autofree char *path = g_build_filename (bench.db_dir, "cancel.serialtrack", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(StStore) store = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Progress full = { 0 }, half = { 0 };
  StGenerateStats stats = { 0 };

  st_db_sqlite_delete_file (path);
  store = st_store_open (path, ST_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (st_generate (store, bench.items, bench.units, bench.seed, NULL, progress_cb,
                              &full, &stats, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (full.last, ==, 1.0);
  g_assert_cmpuint (full.calls, >, 10);
  g_assert_cmpuint (stats.n_units, ==, bench.units);
  g_assert_cmpuint (stats.n_items, ==, bench.items);
  g_assert_cmpuint (stats.n_documents, >, 0);
  /* A second run into the same (no longer empty) database is refused. */
  g_assert_false (st_generate (store, bench.items, bench.units, bench.seed, NULL, NULL, NULL,
                               NULL, &error));
  g_assert_error (error, ST_ERROR, ST_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_clear_object (&store);
  st_db_sqlite_delete_file (path);

  store = st_store_open (path, ST_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  half.cancel_at_half = cancellable;
  g_assert_false (st_generate (store, bench.items, bench.units, bench.seed, cancellable,
                               progress_cb, &half, &stats, &error));
  g_assert_error (error, ST_ERROR, ST_ERROR_CANCELLED);
  g_assert_cmpuint (stats.n_units, <, bench.units);
  assert_sound (store);
  g_clear_object (&store);
  st_db_sqlite_delete_file (path);
  g_print ("generator: progress reaches 1.0 in %u steps; cancelled at %.0f %% with %"
           G_GUINT64_FORMAT " units, database sound\n", full.calls, half.last * 100,
           stats.n_units);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *db_path = NULL;
  gint64 units = 1000000, items = 1000, seed = 7;
  char *db_dir = NULL;
  gboolean smoke = FALSE;
  const GOptionEntry entries[] = {
    { "units", 0, 0, G_OPTION_ARG_INT64, &units, "Units to generate (default 1000000)", "N" },
    { "items", 0, 0, G_OPTION_ARG_INT64, &items, "Items to generate (default 1000)", "N" },
    { "seed", 0, 0, G_OPTION_ARG_INT64, &seed, "Generator seed (default 7)", "S" },
    { "db-dir", 0, 0, G_OPTION_ARG_FILENAME, &db_dir, "Where the cached database lives", "DIR" },
    { "smoke", 0, 0, G_OPTION_ARG_NONE, &smoke, "Tiny sizes; check results, not timings", NULL },
    { NULL }
  };

  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  context = g_option_context_new ("WORKLOAD… (generate post-bill post-invoice unit-lookup check "
                                  "list picker all)");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (g_getenv ("ST_BENCH_UNITS") != NULL && !smoke)
    units = g_ascii_strtoll (g_getenv ("ST_BENCH_UNITS"), NULL, 10);
  if (g_getenv ("ST_BENCH_ITEMS") != NULL && !smoke)
    items = g_ascii_strtoll (g_getenv ("ST_BENCH_ITEMS"), NULL, 10);
  if (g_getenv ("ST_BENCH_SEED") != NULL)
    seed = g_ascii_strtoll (g_getenv ("ST_BENCH_SEED"), NULL, 10);
  if (g_getenv ("ST_BENCH_DB_DIR") != NULL && db_dir == NULL)
    db_dir = g_strdup (g_getenv ("ST_BENCH_DB_DIR"));

  bench.units = (guint64) MAX (units, 1);
  bench.items = (guint) MAX (items, 1);
  bench.seed = (guint64) seed;
  bench.smoke = smoke;
  bench.db_dir = db_dir != NULL ? db_dir : g_strdup (g_get_tmp_dir ());
  bench.bill_serials = smoke ? 500 : 10000;
  bench.invoice_serials = smoke ? 200 : 10000;
  bench.pick_units = smoke ? 1200 : 100000;
  bench.rounds = smoke ? 1 : 3;
  if (smoke)
    {
      /* Its own small database, made afresh every run. */
      g_autofree char *dir = g_dir_make_tmp ("st-bench-XXXXXX", &error);

      g_assert_no_error (error);
      g_free (bench.db_dir);
      bench.db_dir = g_steal_pointer (&dir);
    }

  db_path = prepare_db ();
  for (int i = 1; i < argc; i++)
    {
      const char *w = argv[i];
      gboolean all = g_str_equal (w, "all");

      if (all || g_str_equal (w, "post-bill"))
        workload_post_bill (db_path);
      if (all || g_str_equal (w, "post-invoice"))
        workload_post_invoice (db_path);
      if (all || g_str_equal (w, "unit-lookup"))
        workload_unit_lookup (db_path);
      if (all || g_str_equal (w, "check"))
        workload_check (db_path);
      if (all || g_str_equal (w, "list"))
        workload_list (db_path);
      if (all || g_str_equal (w, "picker"))
        workload_picker (db_path);
    }
  if (smoke)
    {
      check_determinism ();
      check_progress_and_cancel ();
      st_db_sqlite_delete_file (db_path);
      g_rmdir (bench.db_dir);
    }
  g_free (bench.db_dir);
  return 0;
}
