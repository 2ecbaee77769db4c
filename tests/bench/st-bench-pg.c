/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-bench-pg.c — SerialTrack's benchmarks on PostgreSQL (issue 12, item 8).  The same
 * generated inventory as st-bench.c's SQLite rows, loaded into a PostgreSQL database; each
 * workload is measured against a baseline taken in the same run and prints
 *
 *   RESULT|workload|seconds|baseline seconds|ratio|target|verdict|peak RSS KiB
 *
 * like st-bench.c, so run-bench.sh's table works for these lines too.
 *
 *   st-bench-pg --db CONNINFO load FILE.serialtrack   schema through the core, rows with COPY
 *   st-bench-pg --db CONNINFO post-bill post-invoice unit-lookup list concurrent refresh
 *   st-bench-pg --smoke                               small, results checked, timings never;
 *                                                     exit 77 without $PGHOST
 *
 * The workloads that write (post-*, concurrent, refresh) change the database: run them on a
 * copy (run-bench-pg.sh makes one with CREATE DATABASE … TEMPLATE for every run). */
#define G_LOG_DOMAIN "st-bench-pg"

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <libpq-fe.h>
#include <sqlite3.h>
#include <glib/gstdio.h>

#include "st-db-sqlite.h"
#include "st-error.h"
#include "st-generate.h"
#include "st-parse.h"
#include "st-store.h"
#include "st-store-private.h"
#include "st-bench-util.h"

#define PICK_SKU  "BENCH-PICK"
#define BILL_SKU  "BENCH-BILL"
#define VENDOR    "Bench Vendor Ltd"
#define CUSTOMER  "Bench Customer"

static struct
{
  char     *db;              /* conninfo */
  gboolean  smoke;
  guint     bill_serials;    /* 10,000 */
  guint     invoice_serials; /* 10,000 */
  guint     pick_units;      /* the picker item's units in stock (100,000) */
  guint     rounds;
  guint     clients;         /* 8 */
  guint     contested;       /* units the clients fight over */
  guint     lookups;         /* process runs of unit-lookup */
  guint     refreshes;
} bench;

/* Measuring (st-bench-util.h): and the runs' times, for the log. */

static char *
spread (GArray *times)
{
  GString *s = g_string_new (NULL);

  st_bench_sort (times);
  for (guint i = 0; i < times->len; i++)
    g_string_append_printf (s, "%s%.1f", i > 0 ? " " : "", g_array_index (times, double, i) * 1000);
  return g_string_free (s, FALSE);
}

static void
result (const char *workload,
        double      seconds,
        double      baseline,
        double      max_ratio,
        double      max_seconds,
        const char *target)
{
  g_autofree char *name = g_strconcat ("pg-", workload, NULL);

  st_bench_result (bench.smoke, name, seconds, baseline, max_ratio, max_seconds, target);
}

/* libpq, raw. */

static PGconn *
pg_connect (const char *conninfo)
{
  PGconn *conn = PQconnectdb (conninfo);

  if (PQstatus (conn) != CONNECTION_OK)
    g_error ("cannot connect to %s: %s", conninfo, PQerrorMessage (conn));
  PQclear (PQexec (conn, "SET client_min_messages = warning"));
  return conn;
}

static void
pg_ok (PGconn     *conn,
       PGresult   *res,
       const char *what)
{
  ExecStatusType st = PQresultStatus (res);

  if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK && st != PGRES_COPY_IN)
    g_error ("%s: %s", what, PQerrorMessage (conn));
}

static void
pg_exec (PGconn     *conn,
         const char *sql)
{
  PGresult *res = PQexec (conn, sql);

  pg_ok (conn, res, sql);
  PQclear (res);
}

/* The first column of the first row of @sql with up to two text parameters, or -1. */
static gint64
pg_int (PGconn     *conn,
        const char *sql,
        const char *p1,
        const char *p2)
{
  const char *params[2] = { p1, p2 };
  PGresult *res = PQexecParams (conn, sql, p2 != NULL ? 2 : p1 != NULL ? 1 : 0, NULL, params,
                                NULL, NULL, 0);
  gint64 value = -1;

  pg_ok (conn, res, sql);
  if (PQntuples (res) > 0 && !PQgetisnull (res, 0, 0))
    value = g_ascii_strtoll (PQgetvalue (res, 0, 0), NULL, 10);
  PQclear (res);
  return value;
}

static char *
pg_text (PGconn     *conn,
         const char *sql)
{
  PGresult *res = PQexec (conn, sql);
  char *value = NULL;

  pg_ok (conn, res, sql);
  if (PQntuples (res) > 0 && !PQgetisnull (res, 0, 0))
    value = g_strdup (PQgetvalue (res, 0, 0));
  PQclear (res);
  return value;
}

static void
pg_prepare (PGconn     *conn,
            const char *name,
            const char *sql)
{
  PGresult *res = PQprepare (conn, name, sql, 0, NULL);

  pg_ok (conn, res, sql);
  PQclear (res);
}

/* Runs a prepared statement; returns the first column of its first row (RETURNING id), or 0. */
static gint64
pg_run (PGconn             *conn,
        const char         *name,
        int                 n,
        const char * const *values)
{
  PGresult *res = PQexecPrepared (conn, name, n, values, NULL, NULL, 0);
  gint64 id = 0;

  pg_ok (conn, res, name);
  if (PQresultStatus (res) == PGRES_TUPLES_OK && PQntuples (res) > 0)
    id = g_ascii_strtoll (PQgetvalue (res, 0, 0), NULL, 10);
  PQclear (res);
  return id;
}

/* The core. */

static StStore *
open_store (void)
{
  g_autoptr(GError) error = NULL;
  StStore *store = st_store_open (bench.db, ST_STORE_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  return store;
}

static char *
primary_warehouse (PGconn *conn)
{
  char *name = pg_text (conn, "SELECT name FROM warehouses ORDER BY id LIMIT 1");

  g_assert_nonnull (name);
  return name;
}

static char *
fmt (gint64 v)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, v);
}

/* Loading: the schema through the core (st_store_open creates it in an empty database), the
 * rows of the SQLite file with COPY, the id sequences advanced, statistics gathered. */

static void
copy_escape (GString    *out,
             const char *text)
{
  for (const char *p = text; *p; p++)
    switch (*p)
      {
      case '\\': g_string_append (out, "\\\\"); break;
      case '\t': g_string_append (out, "\\t"); break;
      case '\n': g_string_append (out, "\\n"); break;
      case '\r': g_string_append (out, "\\r"); break;
      default: g_string_append_c (out, *p);
      }
}

static void
workload_load (const char *file)
{
  static const char * const tables[] = {
    "settings", "warehouses", "contacts", "items", "documents", "document_lines", "units",
    "unit_events", "stock_moves", "stock",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(StStore) store = NULL;
  sqlite3 *lite = NULL;
  PGconn *conn;
  gint64 rows = 0;
  double t0 = st_bench_now (), t_schema, t_copy, t_analyze;

  store = st_store_open (bench.db, ST_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (st_store_was_created (store));
  g_clear_object (&store);
  t_schema = st_bench_now () - t0;

  g_assert_cmpint (sqlite3_open_v2 (file, &lite, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  conn = pg_connect (bench.db);
  t0 = st_bench_now ();
  pg_exec (conn, "BEGIN");
  /* The rows come from a database that passed its check: no need to re-check every foreign
   * key row by row (a superuser may say so; anyone else pays for the checks). */
  PQclear (PQexec (conn, "SAVEPOINT r"));
  if (PQresultStatus (PQexec (conn, "SET LOCAL session_replication_role = replica"))
      != PGRES_COMMAND_OK)
    pg_exec (conn, "ROLLBACK TO SAVEPOINT r");
  /* What opening a new database put there (settings, a first warehouse) makes way. */
  for (guint t = G_N_ELEMENTS (tables); t-- > 0;)
    {
      g_autofree char *sql = g_strdup_printf ("DELETE FROM %s", tables[t]);
      pg_exec (conn, sql);
    }
  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    {
      g_autofree char *select = g_strdup_printf ("SELECT * FROM %s ORDER BY 1", tables[t]);
      g_autoptr(GString) cols = g_string_new (NULL);
      g_autoptr(GString) buf = g_string_sized_new (1 << 17);
      g_autofree char *copy = NULL;
      sqlite3_stmt *stmt = NULL;
      PGresult *res;
      int n;

      g_assert_cmpint (sqlite3_prepare_v2 (lite, select, -1, &stmt, NULL), ==, SQLITE_OK);
      n = sqlite3_column_count (stmt);
      for (int c = 0; c < n; c++)
        g_string_append_printf (cols, "%s%s", c > 0 ? ", " : "", sqlite3_column_name (stmt, c));
      copy = g_strdup_printf ("COPY %s (%s) FROM STDIN", tables[t], cols->str);
      res = PQexec (conn, copy);
      pg_ok (conn, res, copy);
      PQclear (res);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int c = 0; c < n; c++)
            {
              if (c > 0)
                g_string_append_c (buf, '\t');
              if (sqlite3_column_type (stmt, c) == SQLITE_NULL)
                g_string_append (buf, "\\N");
              else
                copy_escape (buf, (const char *) sqlite3_column_text (stmt, c));
            }
          g_string_append_c (buf, '\n');
          rows++;
          if (buf->len > (1 << 16))
            {
              g_assert_cmpint (PQputCopyData (conn, buf->str, (int) buf->len), ==, 1);
              g_string_truncate (buf, 0);
            }
        }
      if (buf->len > 0)
        g_assert_cmpint (PQputCopyData (conn, buf->str, (int) buf->len), ==, 1);
      g_assert_cmpint (PQputCopyEnd (conn, NULL), ==, 1);
      res = PQgetResult (conn);
      pg_ok (conn, res, copy);
      PQclear (res);
      while ((res = PQgetResult (conn)) != NULL)
        PQclear (res);
      sqlite3_finalize (stmt);
      if (!g_str_equal (tables[t], "settings") && !g_str_equal (tables[t], "stock"))
        {
          g_autofree char *sql = g_strdup_printf ("SELECT setval (pg_get_serial_sequence ('%s',"
                                                  " 'id'), coalesce ((SELECT max (id) FROM %s),"
                                                  " 0) + 1, false)", tables[t], tables[t]);
          pg_exec (conn, sql);
        }
    }
  /* The triggers that keep unit_blocks (schema v8) do not fire in replica mode: count the
   * units here as the migration does. */
  pg_exec (conn, "DELETE FROM unit_blocks");
  pg_exec (conn, "INSERT INTO unit_blocks (status, received_date, blk, n)"
                 " SELECT status, coalesce (received_date, '~'), id >> 10, count (*) FROM units"
                 " GROUP BY 1, 2, 3");
  pg_exec (conn, "COMMIT");
  t_copy = st_bench_now () - t0;
  t0 = st_bench_now ();
  pg_exec (conn, "VACUUM ANALYZE");
  t_analyze = st_bench_now () - t0;
  sqlite3_close (lite);
  g_print ("loaded %" G_GINT64_FORMAT " rows: schema %.1f s, COPY %.1f s, VACUUM ANALYZE %.1f s;"
           " %s\n", rows, t_schema, t_copy, t_analyze,
           pg_text (conn, "SELECT pg_size_pretty (pg_database_size (current_database ()))"));
  result ("load-copy (info)", t_copy, 0, 0, 0, "-");
  PQfinish (conn);
}

/* Workload: a bill of 10,000 new serials, the engine against raw prepared statements. */

static double
raw_bill (PGconn     *conn,
          gint64      item,
          gint64      warehouse,
          gint64      vendor,
          const char *date,
          const char *number,
          const char *prefix,
          guint       n)
{
  g_autofree char *number_key = g_ascii_strdown (number, -1);
  g_autofree char *s_item = fmt (item), *s_wh = fmt (warehouse), *s_vendor = fmt (vendor);
  g_autofree char *s_total = fmt ((gint64) n * 6000), *s_n = fmt (n);
  g_autofree char *s_doc = NULL, *s_line = NULL;
  double t0 = st_bench_now ();

  pg_exec (conn, "BEGIN");
  {
    const char *v[] = { number, number_key, date, s_vendor, s_wh, s_total, s_n };
    s_doc = fmt (pg_run (conn, "bill_doc", 7, v));
  }
  {
    const char *v[] = { s_doc, s_item, s_n };
    s_line = fmt (pg_run (conn, "bill_line", 3, v));
  }
  for (guint i = 0; i < n; i++)
    {
      char serial[32], key[32];
      g_autofree char *s_unit = NULL;

      g_snprintf (serial, sizeof serial, "%s%06u", prefix, i);
      g_snprintf (key, sizeof key, "%s%06u", prefix, i);
      for (char *p = key; *p; p++)
        *p = g_ascii_tolower (*p);
      {
        const char *v[] = { s_item, serial, key, s_wh, date, s_doc };
        s_unit = fmt (pg_run (conn, "bill_unit", 6, v));
      }
      {
        const char *v[] = { s_unit, s_doc, s_line, date, s_wh, s_vendor };
        pg_run (conn, "bill_event", 6, v);
      }
    }
  {
    const char *v[] = { s_item, s_wh, s_n };
    pg_run (conn, "bill_stock", 3, v);
  }
  pg_exec (conn, "COMMIT");
  return st_bench_now () - t0;
}

static void
workload_post_bill (void)
{
  g_autoptr(StStore) store = open_store ();
  g_autoptr(GArray) engine = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) baseline = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *today = st_date_today ();
  PGconn *conn = pg_connect (bench.db);
  g_autofree char *wh = primary_warehouse (conn);
  gint64 item = pg_int (conn, "SELECT id FROM items WHERE sku = $1", BILL_SKU, NULL);
  gint64 wh_id = pg_int (conn, "SELECT id FROM warehouses WHERE name = $1", wh, NULL);
  gint64 vendor_id = pg_int (conn, "SELECT id FROM contacts WHERE name = $1", VENDOR, NULL);
  gint64 before = pg_int (conn, "SELECT coalesce (sum (on_hand), 0) FROM stock WHERE item_id ="
                                " (SELECT id FROM items WHERE sku = $1)", BILL_SKU, NULL);
  g_autofree char *tag = g_strdup_printf ("%d", (int) getpid ());
  g_autofree char *e1 = NULL, *e2 = NULL;

  g_assert_cmpint (item, >, 0);
  pg_prepare (conn, "bill_doc", "INSERT INTO documents (kind, number, number_key, date, status,"
                                " contact_id, warehouse_id, total, quantity) VALUES ('bill', $1,"
                                " $2, $3, 'posted', $4, $5, $6, $7) RETURNING id");
  pg_prepare (conn, "bill_line", "INSERT INTO document_lines (document_id, line_no, item_id,"
                                 " quantity, rate) VALUES ($1, 1, $2, $3, 6000) RETURNING id");
  pg_prepare (conn, "bill_unit", "INSERT INTO units (item_id, serial, serial_key, status,"
                                 " warehouse_id, cost, price, warranty_end, received_date,"
                                 " received_doc_id, sold_date, sold_doc_id, serial_rkey)"
                                 " VALUES ($1, $2, $3, 'in_stock', $4, 6000, NULL, NULL, $5, $6,"
                                 " NULL, NULL, reverse ($3::text))"
                                 " RETURNING id");
  pg_prepare (conn, "bill_event", "INSERT INTO unit_events (unit_id, document_id, line_id, kind,"
                                  " date, from_warehouse_id, to_warehouse_id, contact_id, amount,"
                                  " warranty_end, reverses_id) VALUES ($1, $2, $3, 'received',"
                                  " $4, NULL, $5, $6, 6000, NULL, NULL)");
  pg_prepare (conn, "bill_stock", "INSERT INTO stock (item_id, warehouse_id, on_hand, in_transit)"
                                  " VALUES ($1, $2, $3, 0) ON CONFLICT (item_id, warehouse_id)"
                                  " DO UPDATE SET on_hand = stock.on_hand + excluded.on_hand");
  for (guint r = 0; r < bench.rounds; r++)
    {
      g_autoptr(StDraft) draft = st_draft_new (ST_DOC_BILL);
      g_autoptr(StDocument) doc = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *raw_number = g_strdup_printf ("RAW-%s-%u", tag, r);
      g_autofree char *raw_prefix = g_strdup_printf ("RAW%s-%u-", tag, r);
      g_autofree char *number = g_strdup_printf ("ENGINE-%s-%u", tag, r);
      StDraftLine *line;
      double t, t0;

      t = raw_bill (conn, item, wh_id, vendor_id, today, raw_number, raw_prefix,
                    bench.bill_serials);
      g_array_append_val (baseline, t);

      st_draft_set_string (&draft->number, number);
      st_draft_set_string (&draft->contact, VENDOR);
      st_draft_set_string (&draft->warehouse, wh);
      line = st_draft_add_line (draft, BILL_SKU, bench.bill_serials);
      for (guint i = 0; i < bench.bill_serials; i++)
        {
          char serial[40];

          g_snprintf (serial, sizeof serial, "ENG%s-%u-%06u", tag, r, i);
          st_draft_line_add_serial (line, serial);
        }
      t0 = st_bench_now ();
      doc = st_store_post (store, draft, &error);
      t = st_bench_now () - t0;
      g_assert_no_error (error);
      g_assert_cmpint (st_document_get_quantity (doc), ==, bench.bill_serials);
      g_array_append_val (engine, t);
    }
  g_assert_cmpint (pg_int (conn, "SELECT sum (on_hand) FROM stock WHERE item_id = (SELECT id"
                                 " FROM items WHERE sku = $1)", BILL_SKU, NULL),
                   ==, before + 2 * bench.rounds * bench.bill_serials);
  PQfinish (conn);
  e1 = spread (engine);
  e2 = spread (baseline);
  g_print ("post-bill rounds (ms): engine %s; raw libpq %s\n", e1, e2);
  result ("post-bill-10k", st_bench_median (engine), st_bench_median (baseline), 3.0, 0, "<=3x");
}

/* Workload: an invoice picking 10,000 given serials among the picker item's units. */

static double
raw_invoice (PGconn     *conn,
             gint64      item,
             gint64      warehouse,
             gint64      customer,
             const char *date,
             const char *number,
             char      **serials,
             guint       n)
{
  g_autofree char *number_key = g_ascii_strdown (number, -1);
  g_autofree char *s_item = fmt (item), *s_wh = fmt (warehouse), *s_cust = fmt (customer);
  g_autofree char *s_total = fmt ((gint64) n * 19900), *s_n = fmt (n);
  g_autofree char *s_doc = NULL, *s_line = NULL;
  double t0 = st_bench_now ();

  pg_exec (conn, "BEGIN");
  {
    const char *v[] = { number, number_key, date, s_cust, s_wh, s_total, s_n };
    s_doc = fmt (pg_run (conn, "inv_doc", 7, v));
  }
  {
    const char *v[] = { s_doc, s_item, s_n };
    s_line = fmt (pg_run (conn, "inv_line", 3, v));
  }
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *key = g_ascii_strdown (serials[i], -1);
      const char *fv[] = { s_item, key };
      PGresult *res = PQexecPrepared (conn, "inv_find", 2, fv, NULL, NULL, 0);
      g_autofree char *s_unit = NULL;

      pg_ok (conn, res, "inv_find");
      g_assert_cmpint (PQntuples (res), ==, 1);
      g_assert_cmpstr (PQgetvalue (res, 0, 1), ==, "in_stock");
      g_assert_cmpint (g_ascii_strtoll (PQgetvalue (res, 0, 2), NULL, 10), ==, warehouse);
      s_unit = g_strdup (PQgetvalue (res, 0, 0));
      PQclear (res);
      {
        const char *v[] = { date, s_doc, s_unit };
        pg_run (conn, "inv_update", 3, v);
      }
      {
        const char *v[] = { s_unit, s_doc, s_line, date, s_wh, s_cust };
        pg_run (conn, "inv_event", 6, v);
      }
    }
  {
    const char *v[] = { s_item, s_wh, s_n };
    pg_run (conn, "inv_stock", 3, v);
  }
  pg_exec (conn, "COMMIT");
  return st_bench_now () - t0;
}

/* @n serials of the picker item in stock at the primary warehouse, oldest first, after
 * skipping @skip of them. */
static char **
in_stock_serials (PGconn *conn,
                  guint   skip,
                  guint   n)
{
  g_autofree char *sql = g_strdup_printf ("SELECT serial FROM units WHERE item_id = (SELECT id"
                                          " FROM items WHERE sku = '" PICK_SKU "') AND status ="
                                          " 'in_stock' AND warehouse_id = (SELECT min (id) FROM"
                                          " warehouses) ORDER BY id LIMIT %u OFFSET %u", n, skip);
  PGresult *res = PQexec (conn, sql);
  char **serials;

  pg_ok (conn, res, sql);
  g_assert_cmpint (PQntuples (res), ==, n);
  serials = g_new0 (char *, n + 1);
  for (guint i = 0; i < n; i++)
    serials[i] = g_strdup (PQgetvalue (res, i, 0));
  PQclear (res);
  return serials;
}

static void
workload_post_invoice (void)
{
  g_autoptr(StStore) store = open_store ();
  g_autoptr(GArray) engine = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) fifo = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) baseline = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *today = st_date_today ();
  PGconn *conn = pg_connect (bench.db);
  g_autofree char *wh = primary_warehouse (conn);
  gint64 item = pg_int (conn, "SELECT id FROM items WHERE sku = $1", PICK_SKU, NULL);
  gint64 wh_id = pg_int (conn, "SELECT id FROM warehouses WHERE name = $1", wh, NULL);
  gint64 customer_id = pg_int (conn, "SELECT id FROM contacts WHERE name = $1", CUSTOMER, NULL);
  g_autofree char *tag = g_strdup_printf ("%d", (int) getpid ());
  guint n = bench.invoice_serials;
  gint64 in_stock = pg_int (conn, "SELECT count (*) FROM units WHERE item_id = (SELECT id FROM"
                                  " items WHERE sku = $1) AND status = 'in_stock'", PICK_SKU, NULL);
  guint rounds = MIN (bench.rounds, (guint) (in_stock / (3 * n)));
  g_autofree char *e1 = NULL, *e2 = NULL, *e3 = NULL;

  g_assert_cmpuint (rounds, >=, 1);
  pg_prepare (conn, "inv_doc", "INSERT INTO documents (kind, number, number_key, date, status,"
                               " contact_id, warehouse_id, total, quantity) VALUES ('invoice',"
                               " $1, $2, $3, 'posted', $4, $5, $6, $7) RETURNING id");
  pg_prepare (conn, "inv_line", "INSERT INTO document_lines (document_id, line_no, item_id,"
                                " quantity, rate) VALUES ($1, 1, $2, $3, 19900) RETURNING id");
  pg_prepare (conn, "inv_find", "SELECT id, status, warehouse_id FROM units WHERE item_id = $1"
                                " AND serial_key = $2");
  pg_prepare (conn, "inv_update", "UPDATE units SET status = 'sold', warehouse_id = NULL, price ="
                                  " 19900, sold_date = $1, sold_doc_id = $2 WHERE id = $3");
  pg_prepare (conn, "inv_event", "INSERT INTO unit_events (unit_id, document_id, line_id, kind,"
                                 " date, from_warehouse_id, to_warehouse_id, contact_id, amount,"
                                 " warranty_end, reverses_id) VALUES ($1, $2, $3, 'sold', $4, $5,"
                                 " NULL, $6, 19900, NULL, NULL)");
  pg_prepare (conn, "inv_stock", "UPDATE stock SET on_hand = on_hand - $3 WHERE item_id = $1"
                                 " AND warehouse_id = $2");
  for (guint r = 0; r < rounds; r++)
    {
      g_autoptr(StDraft) draft = st_draft_new (ST_DOC_INVOICE);
      g_autoptr(StDraft) draft_fifo = st_draft_new (ST_DOC_INVOICE);
      g_autoptr(StDocument) doc = NULL;
      g_autoptr(StDocument) doc_fifo = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *raw_number = g_strdup_printf ("RAW-INV-%s-%u", tag, r);
      g_auto(GStrv) serials = in_stock_serials (conn, 0, 2 * n);
      g_auto(GStrv) next = NULL;
      StDraftLine *line;
      double t, t0;

      /* Baseline: the n oldest; engine: the next n, given; FIFO: the n after those. */
      t = raw_invoice (conn, item, wh_id, customer_id, today, raw_number, serials, n);
      g_array_append_val (baseline, t);

      st_draft_set_string (&draft->contact, CUSTOMER);
      st_draft_set_string (&draft->warehouse, wh);
      line = st_draft_add_line (draft, PICK_SKU, n);
      for (guint i = n; i < 2 * n; i++)
        st_draft_line_add_serial (line, serials[i]);
      t0 = st_bench_now ();
      doc = st_store_post (store, draft, &error);
      t = st_bench_now () - t0;
      g_assert_no_error (error);
      g_assert_cmpint (st_document_get_quantity (doc), ==, n);
      g_array_append_val (engine, t);

      next = in_stock_serials (conn, 0, 1);
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
                       ==, next[0]);
      g_array_append_val (fifo, t);
    }
  g_assert_cmpint (pg_int (conn, "SELECT count (*) FROM units WHERE item_id = (SELECT id FROM"
                                 " items WHERE sku = $1) AND status = 'in_stock'", PICK_SKU, NULL),
                   ==, in_stock - 3 * rounds * n);
  PQfinish (conn);
  e1 = spread (engine);
  e2 = spread (baseline);
  e3 = spread (fifo);
  g_print ("post-invoice rounds (ms): engine %s; raw libpq %s; FIFO %s\n", e1, e2, e3);
  result ("post-invoice-10k-serials", st_bench_median (engine), st_bench_median (baseline), 3.0, 0,
          "<=3x");
  result ("post-invoice-10k-fifo (info)", st_bench_median (fifo), st_bench_median (baseline), 0, 0,
          "-");
}

/* Workload: one serial and its history, `serialtrack-cli unit` against `psql` running the
 * same queries (both processes connect to the server). */

static void
workload_unit_lookup (void)
{
  const char *cli = g_getenv ("SERIALTRACK_CLI");
  g_autofree char *psql = g_find_program_in_path ("psql");
  g_autoptr(GArray) process = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) baseline = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) inproc = g_array_new (FALSE, FALSE, sizeof (double));
  PGconn *conn = pg_connect (bench.db);
  g_autofree char *serial = pg_text (conn, "SELECT u.serial FROM units u WHERE u.id = (SELECT"
                                           " unit_id FROM unit_events WHERE kind = 'returned'"
                                           " ORDER BY id LIMIT 1)");
  g_autofree char *key = NULL, *q1 = NULL, *q2 = NULL, *out = NULL, *e1 = NULL, *e2 = NULL;
  g_autoptr(StStore) store = open_store ();

  if (serial == NULL)
    serial = pg_text (conn, "SELECT serial FROM units ORDER BY id LIMIT 1");
  g_assert_nonnull (serial);
  key = g_ascii_strdown (serial, -1);
  PQfinish (conn);
  if (cli == NULL || psql == NULL)
    {
      g_printerr ("unit-lookup: needs $SERIALTRACK_CLI and psql; skipped\n");
      return;
    }
  /* The same indexed queries the store runs: the unit with its joins, then its events. */
  q1 = g_strdup_printf ("SELECT u.id, u.item_id, i.sku, i.name, u.serial, u.status, w.name,"
                        " u.cost, u.price, u.warranty_end, u.received_date, rd.number,"
                        " rd.kind, rc.name, u.sold_date, sd.number, sc.name FROM units u"
                        " JOIN items i ON i.id = u.item_id"
                        " LEFT JOIN warehouses w ON w.id = u.warehouse_id"
                        " LEFT JOIN documents rd ON rd.id = u.received_doc_id"
                        " LEFT JOIN contacts rc ON rc.id = rd.contact_id"
                        " LEFT JOIN documents sd ON sd.id = u.sold_doc_id"
                        " LEFT JOIN contacts sc ON sc.id = sd.contact_id"
                        " WHERE u.serial_key = '%s' LIMIT 2", key);
  q2 = g_strdup_printf ("SELECT e.id, e.kind, coalesce (r.kind, ''), e.date, d.kind, d.number,"
                        " fw.name, tw.name, c.name, e.amount FROM unit_events e"
                        " JOIN documents d ON d.id = e.document_id"
                        " LEFT JOIN unit_events r ON r.id = e.reverses_id"
                        " LEFT JOIN warehouses fw ON fw.id = e.from_warehouse_id"
                        " LEFT JOIN warehouses tw ON tw.id = e.to_warehouse_id"
                        " LEFT JOIN contacts c ON c.id = e.contact_id"
                        " WHERE e.unit_id = (SELECT id FROM units WHERE serial_key = '%s')"
                        " ORDER BY e.id", key);
  {
    const char * const cli_argv[] = { cli, "--db", bench.db, "unit", serial, NULL };
    const char * const psql_argv[] = { psql, "-X", "-q", "-A", "-t", "-d", bench.db, "-c", q1,
                                       "-c", q2, NULL };
    g_autofree char *psql_out = NULL;

    /* Both answer, and the history has rows. */
    st_bench_run_process (cli_argv, &out);
    g_assert_nonnull (strstr (out, serial));
    st_bench_run_process (psql_argv, &psql_out);
    g_assert_nonnull (strstr (psql_out, serial));
    for (guint i = 0; i < bench.lookups; i++)
      {
        double t = st_bench_run_process (cli_argv, NULL);

        g_array_append_val (process, t);
        t = st_bench_run_process (psql_argv, NULL);
        g_array_append_val (baseline, t);
      }
  }
  for (guint i = 0; i < bench.lookups; i++)
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
  g_print ("unit-lookup %s: cli p10/p50/p90 %.1f/%.1f/%.1f ms, psql %.1f/%.1f/%.1f ms\n", serial,
           st_bench_quantile (process, 0.1) * 1000, st_bench_quantile (process, 0.5) * 1000,
           st_bench_quantile (process, 0.9) * 1000, st_bench_quantile (baseline, 0.1) * 1000,
           st_bench_quantile (baseline, 0.5) * 1000, st_bench_quantile (baseline, 0.9) * 1000);
  result ("unit-lookup-process", st_bench_median (process), st_bench_median (baseline), 2.0, 0,
          "<=2x psql");
  result ("unit-lookup-in-process (info)", st_bench_median (inproc), 0, 0, 0, "-");
}

/* Workload: the Units view's lazy list: count and pages. */

static void
workload_list (void)
{
  g_autoptr(StStore) store = open_store ();
  g_autoptr(GArray) count = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) first = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) middle = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) last = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) raw_count = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) estimate = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) status_count = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) status_middle = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) status_next = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) status_previous = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) serial_first = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) serial_later = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) serial_offset = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) serial_seed = g_array_new (FALSE, FALSE, sizeof (double));
  PGconn *conn = pg_connect (bench.db);
  gint64 n_units = pg_int (conn, "SELECT count (*) FROM units", NULL, NULL);
  gint64 last_id = pg_int (conn, "SELECT id FROM units ORDER BY received_date DESC, id DESC"
                                 " LIMIT 1", NULL, NULL);
  guint rounds = bench.smoke ? 1 : 5;
  g_autofree char *e1 = NULL, *e2 = NULL, *e3 = NULL;

  for (guint r = 0; r < rounds; r++)
    {
      g_autoptr(StListModel) model = st_store_list_units (store, NULL);
      g_autoptr(StUnit) u0 = NULL, um = NULL, ul = NULL;
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
      g_assert_cmpint (st_unit_get_id (ul), ==, last_id);

      /* The options for the count, for comparison: the exact count by hand, and the planner's
       * estimate (what an unfiltered list could show). */
      t0 = st_bench_now ();
      g_assert_cmpint (pg_int (conn, "SELECT count (*) FROM units", NULL, NULL), ==, n_units);
      t = st_bench_now () - t0;
      g_array_append_val (raw_count, t);
      t0 = st_bench_now ();
      pg_int (conn, "SELECT reltuples::bigint FROM pg_class WHERE oid = 'units'::regclass", NULL,
              NULL);
      t = st_bench_now () - t0;
      g_array_append_val (estimate, t);
    }
  {
    /* The middle row is the one SQL puts there. */
    g_autoptr(StListModel) model = st_store_list_units (store, NULL);
    guint n = g_list_model_get_n_items (G_LIST_MODEL (model));
    g_autoptr(StUnit) um = g_list_model_get_item (G_LIST_MODEL (model), n / 2);
    g_autofree char *sql = g_strdup_printf ("SELECT id FROM units ORDER BY received_date, id"
                                            " LIMIT 1 OFFSET %u", n / 2);

    g_assert_cmpint (st_unit_get_id (um), ==, pg_int (conn, sql, NULL, NULL));
  }
  {
    /* The Units view filtered to one status, counted and jumped into the same way. */
    StUnitQuery q = { .status = ST_UNIT_IN_STOCK };
    gint64 n_in_stock = pg_int (conn, "SELECT count (*) FROM units WHERE status = 'in_stock'",
                                NULL, NULL);

    for (guint r = 0; r < rounds; r++)
      {
        g_autoptr(StListModel) model = st_store_list_units (store, &q);
        g_autoptr(StUnit) um = NULL, next = NULL, previous = NULL;
        guint n;
        double t0, t;

        t0 = st_bench_now ();
        n = g_list_model_get_n_items (G_LIST_MODEL (model));
        t = st_bench_now () - t0;
        g_array_append_val (status_count, t);
        g_assert_cmpint (n, ==, n_in_stock);
        t0 = st_bench_now ();
        um = g_list_model_get_item (G_LIST_MODEL (model), n / 2);
        t = st_bench_now () - t0;
        g_array_append_val (status_middle, t);
        /* Scrolling on from there: the pages after and before the one read come by keyset,
         * from its last and first keys (the smoke inventory too has a page on each side). */
        g_assert_cmpuint (n / 2, >=, ST_LIST_ROWS);
        t0 = st_bench_now ();
        next = g_list_model_get_item (G_LIST_MODEL (model), n / 2 + ST_LIST_ROWS);
        t = st_bench_now () - t0;
        g_array_append_val (status_next, t);
        t0 = st_bench_now ();
        previous = g_list_model_get_item (G_LIST_MODEL (model), n / 2 - ST_LIST_ROWS);
        t = st_bench_now () - t0;
        g_array_append_val (status_previous, t);
        if (r == 0)
          {
            const guint positions[] = { n / 2, n / 2 + ST_LIST_ROWS, n / 2 - ST_LIST_ROWS };
            StUnit *units[] = { um, next, previous };

            for (guint i = 0; i < G_N_ELEMENTS (positions); i++)
              {
                g_autofree char *sql = g_strdup_printf ("SELECT id FROM units WHERE status ="
                                                        " 'in_stock' ORDER BY received_date, id"
                                                        " LIMIT 1 OFFSET %u", positions[i]);

                g_assert_cmpint (st_unit_get_id (units[i]), ==, pg_int (conn, sql, NULL, NULL));
              }
          }
      }
  }
  for (guint r = 0; r < rounds; r++)
    {
      /* Sorted by serial, which no kept count orders: the first far jump skips rows and asks
       * the store's worker for landmarks in one pass; the later ones start from them.  The
       * baseline is what every far jump cost before: the page's first row by OFFSET, by
       * hand. */
      g_autoptr(StListModel) model = st_store_list_units (store, NULL);
      const double at[] = { 0.5, 0.3, 0.7, 0.45 };
      guint n;

      st_list_model_set_sort (model, ST_SORT_SERIAL, FALSE);
      n = g_list_model_get_n_items (G_LIST_MODEL (model));
      for (guint i = 0; i < G_N_ELEMENTS (at); i++)
        {
          guint position = (guint) (n * at[i]);
          g_autofree char *sql = g_strdup_printf ("SELECT id FROM units ORDER BY serial_key, id"
                                                  " LIMIT 1 OFFSET %u", position);
          g_autoptr(StUnit) unit = NULL;
          gint64 id;
          double t0, t;

          t0 = st_bench_now ();
          unit = g_list_model_get_item (G_LIST_MODEL (model), position);
          t = st_bench_now () - t0;
          g_array_append_val (i == 0 ? serial_first : serial_later, t);
          if (i == 0)
            {
              t0 = st_bench_now ();
              while (_st_list_model_is_seeding (model))
                g_main_context_iteration (NULL, TRUE);
              t = st_bench_now () - t0;
              g_array_append_val (serial_seed, t);
            }
          t0 = st_bench_now ();
          id = pg_int (conn, sql, NULL, NULL);
          t = st_bench_now () - t0;
          g_array_append_val (serial_offset, t);
          g_assert_cmpint (st_unit_get_id (unit), ==, id);
        }
    }
  g_print ("list: estimate reltuples = %s (exact %" G_GINT64_FORMAT ")\n",
           pg_text (conn, "SELECT reltuples::bigint FROM pg_class WHERE oid = 'units'::regclass"),
           n_units);
  PQfinish (conn);
  result ("list-count-first-round (info)", g_array_index (count, double, 0), 0, 0, 0, "-");
  result ("list-middle-page-first-round (info)", g_array_index (middle, double, 0), 0, 0, 0, "-");
  e1 = spread (count);
  e2 = spread (middle);
  e3 = spread (raw_count);
  g_print ("list rounds (ms): count %s; middle page %s; raw count(*) %s\n", e1, e2, e3);
  result ("list-count", st_bench_median (count), 0, 0, 0.016, "<16 ms");
  result ("list-first-page", st_bench_median (first), 0, 0, 0.016, "<16 ms");
  result ("list-middle-page", st_bench_median (middle), 0, 0, 0.016, "<16 ms");
  result ("list-last-page", st_bench_median (last), 0, 0, 0.016, "<16 ms");
  result ("list-raw-count(*) (info)", st_bench_median (raw_count), 0, 0, 0, "-");
  result ("list-in-stock-count (info)", st_bench_median (status_count), 0, 0, 0, "-");
  result ("list-in-stock-middle-page (info)", st_bench_median (status_middle), 0, 0, 0, "-");
  result ("list-in-stock-next-page (info)", st_bench_median (status_next), 0, 0, 0, "-");
  result ("list-in-stock-previous-page (info)", st_bench_median (status_previous), 0, 0, 0, "-");
  result ("list-serial-first-far-jump (info)", st_bench_median (serial_first),
          st_bench_median (serial_offset), 0, 0, "-");
  result ("list-serial-landmarks-in (info)", st_bench_median (serial_seed), 0, 0, 0, "-");
  result ("list-serial-later-far-jump", st_bench_median (serial_later),
          st_bench_median (serial_offset), 0, 0.016, "<16 ms");
  result ("list-reltuples-estimate (info)", st_bench_median (estimate), 0, 0, 0, "-");
}

/* Workload: eight processes posting one-unit invoices of the same units. */

/* A child: tries to sell each serial of @file (one a line) in turn; prints one line a try:
 * "T seconds ok|refused". */
static void
run_client (const char *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) serials = NULL;
  g_autoptr(StStore) store = open_store ();
  PGconn *conn = pg_connect (bench.db);
  g_autofree char *wh = primary_warehouse (conn);
  GString *out = g_string_new (NULL);

  PQfinish (conn);
  g_file_get_contents (file, &text, NULL, &error);
  g_assert_no_error (error);
  serials = g_strsplit (g_strstrip (text), "\n", -1);
  /* Everybody starts together (a start line on stdin). */
  {
    char go[8];
    g_assert_nonnull (fgets (go, sizeof go, stdin));
  }
  for (guint i = 0; serials[i] != NULL; i++)
    {
      g_autoptr(StDraft) draft = st_draft_new (ST_DOC_INVOICE);
      g_autoptr(StDocument) doc = NULL;
      g_autoptr(GError) post_error = NULL;
      StDraftLine *line;
      double t0, t;

      st_draft_set_string (&draft->contact, CUSTOMER);
      st_draft_set_string (&draft->warehouse, wh);
      line = st_draft_add_line (draft, PICK_SKU, 1);
      st_draft_line_add_serial (line, serials[i]);
      t0 = st_bench_now ();
      doc = st_store_post (store, draft, &post_error);
      t = st_bench_now () - t0;
      if (doc != NULL)
        g_string_append_printf (out, "%.6f ok %s\n", t, serials[i]);
      else if (g_error_matches (post_error, ST_ERROR, ST_ERROR_NOT_IN_STOCK)
               && strstr (post_error->message, serials[i]) != NULL)
        g_string_append_printf (out, "%.6f refused %s\n", t, serials[i]);
      else
        g_string_append_printf (out, "%.6f error %s %d %s\n", t, serials[i],
                                post_error->code, post_error->message);
    }
  fputs (out->str, stdout);
  g_string_free (out, TRUE);
}

/* Runs @clients clients over @serials; returns the throughput (sold a second) and adds every
 * try's latency to @latency. */
static double
contest (guint    clients,
         char   **serials,
         guint    n,
         GArray  *latency,
         guint   *sold,
         guint   *refused,
         guint   *errors)
{
  g_autofree char *file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) list = g_string_new (NULL);
  g_autoptr(GPtrArray) procs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *self_exe = g_file_read_link ("/proc/self/exe", NULL);
  int fd;
  double t0, t;

  for (guint i = 0; i < n; i++)
    g_string_append_printf (list, "%s\n", serials[i]);
  fd = g_file_open_tmp ("st-bench-pg-XXXXXX", &file, &error);
  g_assert_no_error (error);
  close (fd);
  g_file_set_contents (file, list->str, -1, &error);
  g_assert_no_error (error);
  for (guint c = 0; c < clients; c++)
    {
      GSubprocess *p = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE
                                         | G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                                         self_exe, "--db", bench.db, "--client", file, NULL);
      g_assert_no_error (error);
      g_ptr_array_add (procs, p);
    }
  g_usleep (bench.smoke ? 200000 : clients * 100000);  /* let them connect */
  t0 = st_bench_now ();
  for (guint c = 0; c < clients; c++)
    {
      GOutputStream *in = g_subprocess_get_stdin_pipe (procs->pdata[c]);

      g_output_stream_write_all (in, "go\n", 3, NULL, NULL, &error);
      g_assert_no_error (error);
      g_output_stream_flush (in, NULL, NULL);
    }
  for (guint c = 0; c < clients; c++)
    {
      g_autofree char *out = NULL;
      g_auto(GStrv) lines = NULL;

      g_subprocess_communicate_utf8 (procs->pdata[c], NULL, NULL, &out, NULL, &error);
      g_assert_no_error (error);
      g_assert_true (g_subprocess_get_successful (procs->pdata[c]));
      lines = g_strsplit (out, "\n", -1);
      for (guint i = 0; lines[i] != NULL; i++)
        {
          double l;
          char *end;

          if (lines[i][0] == '\0')
            continue;
          l = g_ascii_strtod (lines[i], &end);
          g_array_append_val (latency, l);
          if (g_str_has_prefix (end, " ok "))
            (*sold)++;
          else if (g_str_has_prefix (end, " refused "))
            (*refused)++;
          else
            {
              (*errors)++;
              g_printerr ("client error: %s\n", lines[i]);
            }
        }
    }
  t = st_bench_now () - t0;
  g_unlink (file);
  return *sold / t;
}

static void
workload_concurrent (void)
{
  PGconn *conn = pg_connect (bench.db);
  g_autoptr(GArray) lat1 = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) lat8 = g_array_new (FALSE, FALSE, sizeof (double));
  guint n = bench.contested;
  g_auto(GStrv) serials = in_stock_serials (conn, 0, 2 * n);
  guint sold1 = 0, refused1 = 0, errors1 = 0, sold8 = 0, refused8 = 0, errors8 = 0;
  double tp1, tp8;
  gint64 doubles, sold_units, stock_ok;
  g_autoptr(GString) in_list = g_string_new (NULL);

  /* One client alone, uncontested, on the first n: the baseline. */
  tp1 = contest (1, serials, n, lat1, &sold1, &refused1, &errors1);
  /* Then the clients together, all walking the next n in the same order. */
  tp8 = contest (bench.clients, serials + n, n, lat8, &sold8, &refused8, &errors8);

  for (guint i = 0; i < 2 * n; i++)
    g_string_append_printf (in_list, "%s'%s'", i > 0 ? "," : "", serials[i]);
  {
    g_autofree char *q1 = g_strdup_printf ("SELECT count (*) FROM (SELECT e.unit_id FROM"
                                           " unit_events e JOIN units u ON u.id = e.unit_id"
                                           " WHERE e.kind = 'sold' AND u.serial IN (%s)"
                                           " GROUP BY e.unit_id HAVING count (*) > 1) d",
                                           in_list->str);
    g_autofree char *q2 = g_strdup_printf ("SELECT count (*) FROM units WHERE status = 'sold'"
                                           " AND serial IN (%s)", in_list->str);

    doubles = pg_int (conn, q1, NULL, NULL);
    sold_units = pg_int (conn, q2, NULL, NULL);
  }
  /* The stock table agrees with the units. */
  stock_ok = pg_int (conn, "SELECT count (*) FROM stock s WHERE s.on_hand <> (SELECT count (*)"
                           " FROM units u WHERE u.item_id = s.item_id AND u.warehouse_id ="
                           " s.warehouse_id AND u.status = 'in_stock') AND s.item_id = (SELECT"
                           " id FROM items WHERE sku = $1)", PICK_SKU, NULL);
  PQfinish (conn);
  g_print ("concurrent: 1 client: %u sold, %u refused, %u errors, %.1f sold/s, p50 %.1f ms,"
           " p99 %.1f ms\n", sold1, refused1, errors1, tp1, st_bench_quantile (lat1, 0.5) * 1000,
           st_bench_quantile (lat1, 0.99) * 1000);
  g_print ("concurrent: %u clients on %u units: %u sold, %u refused (not in stock, serial named),"
           " %u other errors, %.1f sold/s, %.1f tries/s; p50 %.1f ms, p99 %.1f ms;"
           " units sold twice: %" G_GINT64_FORMAT "; sold units %" G_GINT64_FORMAT
           "; stock rows disagreeing: %" G_GINT64_FORMAT "\n",
           bench.clients, n, sold8, refused8, errors8, tp8, tp8 * (sold8 + refused8) / MAX (sold8, 1),
           st_bench_quantile (lat8, 0.5) * 1000, st_bench_quantile (lat8, 0.99) * 1000, doubles,
           sold_units, stock_ok);
  g_assert_cmpuint (sold1, ==, n);
  g_assert_cmpuint (sold8, ==, n);
  g_assert_cmpuint (refused8, ==, (bench.clients - 1) * n);
  g_assert_cmpuint (errors1 + errors8, ==, 0);
  g_assert_cmpint (doubles, ==, 0);
  g_assert_cmpint (sold_units, ==, 2 * n);
  g_assert_cmpint (stock_ok, ==, 0);
  result ("concurrent-1-client-p50 (info)", st_bench_quantile (lat1, 0.5), 0, 0, 0, "-");
  result ("concurrent-1-client-throughput-per-s (info)", tp1, 0, 0, 0, "-");
  result ("concurrent-8-clients-p50", st_bench_quantile (lat8, 0.5), st_bench_quantile (lat1, 0.5),
          0, 0, "-");
  result ("concurrent-8-clients-p99", st_bench_quantile (lat8, 0.99),
          st_bench_quantile (lat1, 0.99), 0, 0, "-");
  result ("concurrent-8-clients-sold-per-s (info)", tp8, tp1, 0, 0, "-");
  result ("concurrent-8-clients-double-sales", (double) doubles, 0, 0, 0, "0");
}

/* Workload: from a posting in this process to st_store_poll_changes seeing it in another. */

static void
run_watch (void)
{
  g_autoptr(StStore) store = open_store ();
  char line[64];

  {
    g_autoptr(StListModel) model = st_store_list_units (store, NULL);
    g_list_model_get_n_items (G_LIST_MODEL (model));
  }
  st_store_poll_changes (store);
  g_print ("ready\n");
  fflush (stdout);
  while (fgets (line, sizeof line, stdin) != NULL)   /* "wait": one posting is coming */
    {
      double seen, ready;

      while (!st_store_poll_changes (store))
        g_usleep (10000);
      seen = st_bench_now ();
      {
        /* What a view does then: count again and read the first page. */
        g_autoptr(StListModel) model = st_store_list_units (store, NULL);
        g_autoptr(StUnit) u0 = NULL;

        g_list_model_get_n_items (G_LIST_MODEL (model));
        u0 = g_list_model_get_item (G_LIST_MODEL (model), 0);
        g_assert_nonnull (u0);
      }
      ready = st_bench_now ();
      g_print ("%.6f %.6f\n", seen, ready);
      fflush (stdout);
    }
}

static void
workload_refresh (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *self_exe = g_file_read_link ("/proc/self/exe", NULL);
  g_autoptr(GSubprocess) watch = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autoptr(StStore) store = open_store ();
  g_autoptr(GArray) commit_seen = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) post_seen = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) seen_ready = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) post_time = g_array_new (FALSE, FALSE, sizeof (double));
  GOutputStream *in;
  PGconn *conn = pg_connect (bench.db);
  g_autofree char *wh = primary_warehouse (conn);
  g_auto(GStrv) serials = in_stock_serials (conn, 0, bench.refreshes);
  g_autofree char *ready = NULL, *e1 = NULL;

  PQfinish (conn);
  watch = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE,
                            &error, self_exe, "--db", bench.db, "--watch", NULL);
  g_assert_no_error (error);
  in = g_subprocess_get_stdin_pipe (watch);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (watch));
  ready = g_data_input_stream_read_line (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ready, ==, "ready");
  for (guint i = 0; i < bench.refreshes; i++)
    {
      g_autoptr(StDraft) draft = st_draft_new (ST_DOC_INVOICE);
      g_autoptr(StDocument) doc = NULL;
      g_autofree char *line = NULL;
      double t0, t1, seen, done, d;
      char *end;

      g_output_stream_write_all (in, "wait\n", 5, NULL, NULL, &error);
      g_assert_no_error (error);
      g_output_stream_flush (in, NULL, NULL);
      /* Not in step with the watcher's 10 ms: a random wait. */
      g_usleep (g_random_int_range (20000, 80000));
      st_draft_set_string (&draft->contact, CUSTOMER);
      st_draft_set_string (&draft->warehouse, wh);
      st_draft_line_add_serial (st_draft_add_line (draft, PICK_SKU, 1), serials[i]);
      t0 = st_bench_now ();
      doc = st_store_post (store, draft, &error);
      t1 = st_bench_now ();
      g_assert_no_error (error);
      line = g_data_input_stream_read_line (out, NULL, NULL, &error);
      g_assert_no_error (error);
      g_assert_nonnull (line);
      seen = g_ascii_strtod (line, &end);
      done = g_ascii_strtod (end, NULL);
      d = seen - t1;
      g_array_append_val (commit_seen, d);
      d = seen - t0;
      g_array_append_val (post_seen, d);
      d = done - seen;
      g_array_append_val (seen_ready, d);
      d = t1 - t0;
      g_array_append_val (post_time, d);
    }
  g_output_stream_close (in, NULL, NULL);
  g_subprocess_wait (watch, NULL, &error);
  g_assert_no_error (error);
  e1 = spread (commit_seen);
  e1 = spread (post_seen);
  g_print ("refresh: posting started -> seen by the other process (ms, sorted): %s\n", e1);
  g_print ("refresh: p50/p90/max posting started -> seen %.1f/%.1f/%.1f ms; posting returned ->"
           " seen p50 %.1f ms (negative: seen before st_store_post returned); posting p50 %.1f ms;"
           " seen -> count + first page %.1f ms\n",
           st_bench_quantile (post_seen, 0.5) * 1000, st_bench_quantile (post_seen, 0.9) * 1000,
           st_bench_quantile (post_seen, 1.0) * 1000, st_bench_quantile (commit_seen, 0.5) * 1000,
           st_bench_quantile (post_time, 0.5) * 1000, st_bench_quantile (seen_ready, 0.5) * 1000);
  result ("refresh-post-to-seen-p50 (10 ms polls)", st_bench_quantile (post_seen, 0.5), 0, 0, 1.0,
          "<1 s");
  result ("refresh-post-to-seen-max", st_bench_quantile (post_seen, 1.0), 0, 0, 1.0, "<1 s");
  result ("refresh-seen-to-count+first-page-p50 (info)", st_bench_quantile (seen_ready, 0.5), 0, 0,
          0,
          "-");
}

/* Smoke: a small generated database of its own, loaded, every workload once. */

static int
run_smoke (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL, *file = NULL, *name = NULL, *create = NULL, *drop = NULL;
  g_autoptr(StStore) store = NULL;
  g_autoptr(StDraft) draft = NULL;
  g_autoptr(StDocument) doc = NULL;
  StItemSpec pick_spec = { PICK_SKU, "Bench picker item", NULL, 19900, 12000,
                           ST_TRACKING_SERIAL, 0, ST_SERIAL_FORMAT_ANY };
  StItemSpec bill_spec = { BILL_SKU, "Bench bill item", NULL, 9900, 6000,
                           ST_TRACKING_SERIAL, 12, ST_SERIAL_FORMAT_ANY };
  StDraftLine *line;
  PGconn *admin;
  char *wh;

  if (g_getenv ("PGHOST") == NULL && g_getenv ("PGSERVICE") == NULL)
    {
      g_print ("SKIP: no PostgreSQL server ($PGHOST unset); run under pg_virtualenv\n");
      return 77;
    }
  admin = PQconnectdb ("dbname=postgres");
  if (PQstatus (admin) != CONNECTION_OK)
    {
      g_print ("SKIP: cannot connect to PostgreSQL: %s", PQerrorMessage (admin));
      PQfinish (admin);
      return 77;
    }
  name = g_strdup_printf ("st_bench_smoke_%d", (int) getpid ());
  create = g_strdup_printf ("CREATE DATABASE %s", name);
  drop = g_strdup_printf ("DROP DATABASE IF EXISTS %s", name);
  pg_exec (admin, create);
  g_free (bench.db);
  bench.db = g_strdup_printf ("dbname=%s", name);

  dir = g_dir_make_tmp ("st-bench-pg-XXXXXX", &error);
  g_assert_no_error (error);
  file = g_build_filename (dir, "smoke.serialtrack", NULL);
  store = st_store_open (file, ST_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  st_generate (store, 20, 500, 7, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  {
    g_autoptr(StItem) pick = st_store_add_item (store, &pick_spec, NULL);
    g_autoptr(StItem) bill = st_store_add_item (store, &bill_spec, NULL);
    g_autoptr(StContact) vendor = st_store_add_contact (store, ST_CONTACT_VENDOR, VENDOR, NULL);
    g_autoptr(StContact) customer = st_store_add_contact (store, ST_CONTACT_CUSTOMER, CUSTOMER,
                                                          NULL);

    g_assert_true (pick != NULL && bill != NULL && vendor != NULL && customer != NULL);
  }
  {
    /* The first warehouse created, as st-bench.c's primary_warehouse (). */
    sqlite3 *lite = NULL;
    sqlite3_stmt *stmt = NULL;

    g_assert_cmpint (sqlite3_open_v2 (file, &lite, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_prepare_v2 (lite, "SELECT name FROM warehouses ORDER BY id LIMIT 1",
                                         -1, &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    wh = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
    sqlite3_finalize (stmt);
    sqlite3_close (lite);
  }
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
  doc = st_store_post (store, draft, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  g_free (wh);

  workload_load (file);
  /* The loaded copy is sound. */
  store = open_store ();
  {
    g_autoptr(StCheckReport) report = st_store_check (store, &error);
    g_assert_no_error (error);
    for (guint i = 0; i < report->problems->len; i++)
      g_printerr ("problem: %s\n", (const char *) g_ptr_array_index (report->problems, i));
    g_assert_cmpuint (report->problems->len, ==, 0);
  }
  g_clear_object (&store);
  workload_post_bill ();
  workload_post_invoice ();
  workload_unit_lookup ();
  workload_list ();
  workload_concurrent ();
  workload_refresh ();
  store = open_store ();
  {
    g_autoptr(StCheckReport) report = st_store_check (store, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (report->problems->len, ==, 0);
  }
  g_clear_object (&store);

  /* The read-only COPY source leaves its -wal and -shm behind. */
  st_db_sqlite_delete_file (file);
  g_rmdir (dir);
  pg_exec (admin, drop);
  PQfinish (admin);
  return 0;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  char *db = NULL, *client = NULL;
  gboolean smoke = FALSE, watch = FALSE;
  gint clients = 8, contested = 300;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_STRING, &db, "The PostgreSQL database (default $ST_BENCH_PG_DB"
      " or dbname=bench)", "CONNINFO" },
    { "smoke", 0, 0, G_OPTION_ARG_NONE, &smoke, "A small database of its own; check results,"
      " not timings (exit 77 without $PGHOST)", NULL },
    { "clients", 0, 0, G_OPTION_ARG_INT, &clients, "Concurrent clients (default 8)", "N" },
    { "contested", 0, 0, G_OPTION_ARG_INT, &contested, "Units they contest (default 300)", "N" },
    { "client", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_FILENAME, &client, NULL, NULL },
    { "watch", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_NONE, &watch, NULL, NULL },
    { NULL }
  };

  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  context = g_option_context_new ("WORKLOAD… (load FILE | post-bill post-invoice unit-lookup "
                                  "list concurrent refresh)");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  bench.db = db != NULL ? db : g_strdup (g_getenv ("ST_BENCH_PG_DB") != NULL
                                         ? g_getenv ("ST_BENCH_PG_DB") : "dbname=bench");
  bench.smoke = smoke;
  bench.bill_serials = smoke ? 200 : 10000;
  bench.invoice_serials = smoke ? 100 : 10000;
  bench.pick_units = smoke ? 1000 : 100000;
  bench.rounds = smoke ? 1 : 3;
  bench.clients = (guint) MAX (clients, 1);
  bench.contested = smoke ? 8 : (guint) MAX (contested, 1);
  bench.lookups = smoke ? 1 : 20;
  bench.refreshes = smoke ? 2 : 30;
  if (client != NULL)
    {
      run_client (client);
      return 0;
    }
  if (watch)
    {
      run_watch ();
      return 0;
    }
  if (smoke)
    return run_smoke ();
  for (int i = 1; i < argc; i++)
    {
      const char *w = argv[i];

      if (g_str_equal (w, "load") && i + 1 < argc)
        workload_load (argv[++i]);
      else if (g_str_equal (w, "post-bill"))
        workload_post_bill ();
      else if (g_str_equal (w, "post-invoice"))
        workload_post_invoice ();
      else if (g_str_equal (w, "unit-lookup"))
        workload_unit_lookup ();
      else if (g_str_equal (w, "list"))
        workload_list ();
      else if (g_str_equal (w, "concurrent"))
        workload_concurrent ();
      else if (g_str_equal (w, "refresh"))
        workload_refresh ();
      else
        {
          g_printerr ("st-bench-pg: unknown workload %s\n", w);
          return 2;
        }
    }
  return 0;
}
