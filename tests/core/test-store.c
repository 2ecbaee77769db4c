/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <unistd.h>
#include <sqlite3.h>

#include "st-test-util.h"
#include "st-store-editing.h"
#include "st-store-service.h"
#include "st-store-private.h"
#include "st-schema.h"

static char *
file_hash (const char *path)
{
  g_autofree char *contents = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, len);
}

static void
assert_open_refused (const char *path,
                     int         code)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = file_hash (path);
  g_autofree char *after = NULL;
  g_autoptr(StStore) store = st_store_open (path, ST_STORE_OPEN_CREATE, &error);

  g_assert_null (store);
  g_assert_error (error, ST_ERROR, code);
  g_assert_nonnull (strstr (error->message, "“"));
  after = file_hash (path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_open_foreign_files (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("st-open-XXXXXX", &error);
  g_autofree char *empty = g_build_filename (dir, "empty.db", NULL);
  g_autofree char *text = g_build_filename (dir, "notes.txt", NULL);
  g_autofree char *other = g_build_filename (dir, "other.sqlite", NULL);
  g_autofree char *newer = g_build_filename (dir, "newer.serialtrack", NULL);
  g_autofree char *truncated = g_build_filename (dir, "truncated.serialtrack", NULL);
  sqlite3 *db = NULL;
  ST_TEST_SQLITE_ONLY ();

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (empty, "", 0, NULL));
  assert_open_refused (empty, ST_ERROR_NOT_SERIALTRACK);
  g_assert_true (g_file_set_contents (text, "Shopping list\nmilk\n", -1, NULL));
  assert_open_refused (text, ST_ERROR_NOT_SERIALTRACK);

  g_assert_cmpint (sqlite3_open (other, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE t (x); INSERT INTO t VALUES (1);", NULL, NULL,
                                 NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  assert_open_refused (other, ST_ERROR_NOT_SERIALTRACK);

  {
    g_autoptr(StStore) store = st_store_open (newer, ST_STORE_OPEN_CREATE, &error);
    g_assert_no_error (error);
  }
  g_assert_cmpint (sqlite3_open (newer, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 99", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  assert_open_refused (newer, ST_ERROR_NEWER_SCHEMA);

  {
    g_autofree char *contents = NULL;
    gsize len;
    g_autoptr(StStore) store = st_store_open (truncated, ST_STORE_OPEN_CREATE, &error);
    g_assert_no_error (error);
    g_clear_object (&store);
    g_assert_true (g_file_get_contents (truncated, &contents, &len, NULL));
    g_assert_true (g_file_set_contents (truncated, contents, 50, NULL));
  }
  assert_open_refused (truncated, ST_ERROR_NOT_SERIALTRACK);

  st_test_remove_tree (dir);
}

static void
test_open_missing_without_create (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StStore) store = st_store_open ("/nonexistent/dir/x.serialtrack", 0, &error);
  ST_TEST_SQLITE_ONLY ();

  g_assert_null (store);
  g_assert_error (error, ST_ERROR, ST_ERROR_NOT_FOUND);
}

static void
test_new_database (StFixture     *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StStore) again = NULL;
  g_autoptr(GPtrArray) warehouses = NULL;

  g_assert_cmpint (st_store_get_tracking (f->store), ==, ST_TRACKING_SERIAL);
  g_clear_object (&f->store);
  again = st_store_open (f->path, 0, &error);
  g_assert_no_error (error);
  warehouses = st_store_list_warehouses (again, &error);
  g_assert_no_error (error);
  /* Main, Primary Warehouse, Shop */
  g_assert_cmpuint (warehouses->len, ==, 3);
  g_assert_cmpstr (st_warehouse_get_name (g_ptr_array_index (warehouses, 1)), ==,
                   "Primary Warehouse");
}

static void
test_catalog_duplicates (StFixture     *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  StItemSpec dup = { "phone", "Another", NULL, 0, 0, ST_TRACKING_SERIAL, 0, ST_SERIAL_FORMAT_ANY };
  StItemSpec blank = { "  ", "Blank", NULL, 0, 0, ST_TRACKING_NONE, 0, ST_SERIAL_FORMAT_ANY };
  StItemSpec negative = { "NEG", "Neg", NULL, -1, 0, ST_TRACKING_NONE, 0, ST_SERIAL_FORMAT_ANY };
  g_autoptr(StItem) item = NULL;
  g_autoptr(StWarehouse) w = NULL;
  g_autoptr(StContact) c = NULL;

  item = st_store_add_item (f->store, &dup, &error);
  g_assert_null (item);
  g_assert_error (error, ST_ERROR, ST_ERROR_DUPLICATE);
  g_assert_nonnull (strstr (error->message, "phone"));
  g_clear_error (&error);
  item = st_store_add_item (f->store, &blank, &error);
  g_assert_error (error, ST_ERROR, ST_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  item = st_store_add_item (f->store, &negative, &error);
  g_assert_error (error, ST_ERROR, ST_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  w = st_store_add_warehouse (f->store, "MAIN", &error);
  g_assert_error (error, ST_ERROR, ST_ERROR_DUPLICATE);
  g_clear_error (&error);
  c = st_store_add_contact (f->store, ST_CONTACT_VENDOR, "acme", &error);
  g_assert_error (error, ST_ERROR, ST_ERROR_DUPLICATE);
  g_clear_error (&error);
  /* A customer may share a vendor's name. */
  c = st_store_add_contact (f->store, ST_CONTACT_CUSTOMER, "Acme", &error);
  g_assert_no_error (error);
}

static void
test_preference (StFixture     *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StDraft) draft = st_test_bill ("B1");
  g_autoptr(StDocument) doc = NULL;
  g_autoptr(StItem) item = NULL;
  StItemSpec spec = { "NEW", "New", NULL, 0, 0, ST_TRACKING_SERIAL, 0, ST_SERIAL_FORMAT_ANY };
  StDraftLine *line;

  /* No units in stock: switching is allowed, and serial items cannot be created then. */
  g_assert_true (st_store_set_tracking (f->store, ST_TRACKING_NONE, &error));
  g_assert_no_error (error);
  item = st_store_add_item (f->store, &spec, &error);
  g_assert_null (item);
  g_assert_error (error, ST_ERROR, ST_ERROR_PREFERENCE);
  g_clear_error (&error);
  g_assert_true (st_store_set_tracking (f->store, ST_TRACKING_SERIAL, &error));

  line = st_draft_add_line (draft, "TOOL", 1);
  st_draft_line_add_serial (line, "S1");
  doc = st_store_post (f->store, draft, &error);
  g_assert_no_error (error);
  g_assert_false (st_store_set_tracking (f->store, ST_TRACKING_NONE, &error));
  g_assert_error (error, ST_ERROR, ST_ERROR_PREFERENCE);
  g_assert_cmpint (st_store_get_tracking (f->store), ==, ST_TRACKING_SERIAL);

  /* The setting lives in the database. */
  g_clear_object (&f->store);
  f->store = st_store_open (f->path, 0, NULL);
  g_assert_cmpint (st_store_get_tracking (f->store), ==, ST_TRACKING_SERIAL);
}

static void
test_refused_posting_leaves_file_unchanged (StFixture     *f,
                                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StDraft) draft = st_test_bill ("B1");
  g_autoptr(StDocument) doc = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  StDraftLine *line;
  ST_TEST_SQLITE_ONLY ();

  g_clear_object (&f->store);
  before = file_hash (f->path);
  f->store = st_store_open (f->path, 0, &error);
  g_assert_no_error (error);
  line = st_draft_add_line (draft, "TOOL", 2);
  st_test_line_add_serials (line, "S1,s1");
  doc = st_store_post (f->store, draft, &error);
  g_assert_error (error, ST_ERROR, ST_ERROR_DUPLICATE_SERIAL);
  g_clear_object (&f->store);
  after = file_hash (f->path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_sample_data (StFixture     *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StUnit) unit = NULL;
  g_autofree char *fresh_path = g_build_filename (f->dir, "fresh.serialtrack", NULL);
  g_autoptr(StStore) fresh = st_store_open (fresh_path, ST_STORE_OPEN_CREATE, &error);

  g_assert_no_error (error);
  g_assert_true (st_store_is_empty (fresh));
  st_store_load_sample_data (fresh, &error);
  g_assert_no_error (error);
  g_assert_false (st_store_is_empty (fresh));
  unit = st_store_find_unit (fresh, "356938035643809", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (st_unit_get_status (unit), ==, ST_UNIT_SOLD);
  g_assert_cmpstr (st_unit_get_customer (unit), ==, "Erika Mustermann");
  g_assert_cmpstr (st_unit_get_warranty_end (unit), ==, "2028-04-08");
  st_assert_check_ok (fresh);
}

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  GArray     *log)
{
  guint entry[3] = { position, removed, added };
  g_array_append_vals (log, entry, 3);
}

static void
test_list_models (StFixture     *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StListModel) items = st_store_list_items (f->store);
  g_autoptr(StListModel) units = NULL;
  g_autoptr(GArray) log = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(StItem) first = NULL;
  g_autoptr(StDraft) draft = st_test_bill ("B1");
  g_autoptr(StDocument) doc = NULL;
  g_autoptr(StUnit) u = NULL;
  StUnitQuery q = { 0, "Main", ST_UNIT_IN_STOCK, NULL, NULL };
  StDraftLine *line;

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (items)), ==, 3);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (items)) == ST_TYPE_ITEM);
  first = g_list_model_get_item (G_LIST_MODEL (items), 0);
  g_assert_cmpstr (st_item_get_sku (first), ==, "CABLE");
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (items), 3));

  g_signal_connect (items, "items-changed", G_CALLBACK (items_changed_cb), log);
  st_list_model_set_filter (items, "dri");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (items)), ==, 1);
  /* All removed, then all added: see st_list_model_refresh(). */
  g_assert_cmpuint (log->len, ==, 6);
  g_assert_cmpuint (g_array_index (log, guint, 0), ==, 0);
  g_assert_cmpuint (g_array_index (log, guint, 1), ==, 3);
  g_assert_cmpuint (g_array_index (log, guint, 2), ==, 0);
  g_assert_cmpuint (g_array_index (log, guint, 3), ==, 0);
  g_assert_cmpuint (g_array_index (log, guint, 4), ==, 0);
  g_assert_cmpuint (g_array_index (log, guint, 5), ==, 1);
  st_list_model_set_filter (items, NULL);
  st_list_model_set_sort (items, ST_SORT_SKU, TRUE);
  g_clear_object (&first);
  first = g_list_model_get_item (G_LIST_MODEL (items), 0);
  g_assert_cmpstr (st_item_get_sku (first), ==, "TOOL");

  line = st_draft_add_line (draft, "TOOL", 300);
  st_test_line_add_numbered (line, "U", 4, 300);
  doc = st_store_post (f->store, draft, &error);
  g_assert_no_error (error);

  units = st_store_list_units (f->store, &q);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (units)), ==, 300);
  /* Rows past the first page come from another page query. */
  u = g_list_model_get_item (G_LIST_MODEL (units), 299);
  g_assert_cmpstr (st_unit_get_serial (u), ==, "U0299");
  g_clear_object (&u);
  st_list_model_set_filter (units, "u02");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (units)), ==, 100);
  u = g_list_model_get_item (G_LIST_MODEL (units), 0);
  g_assert_cmpstr (st_unit_get_serial (u), ==, "U0200");
  /* Like's wildcards in the filter are literal. */
  st_list_model_set_filter (units, "u_2");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (units)), ==, 0);
}

/* The rows of @positions, in this order, are those of the list's ORDER BY (@serial_of). */
static void
assert_rows_at (StListModel  *units,
                const guint  *positions,
                guint         n_positions,
                guint       (*serial_of) (guint position))
{
  for (guint i = 0; i < n_positions; i++)
    for (guint p = positions[i]; p < positions[i] + 128; p++)
      {
        g_autoptr(StUnit) u = g_list_model_get_item (G_LIST_MODEL (units), p);
        g_autofree char *expected = g_strdup_printf ("U%05u", serial_of (p));

        g_assert_cmpstr (st_unit_get_serial (u), ==, expected);
      }
}

static guint
first_received_first (guint position)
{
  return position;
}

static guint
by_serial_descending (guint position)
{
  return 7999 - position;
}

/* Jumps far from every cached page skip rows from the landmarks pages read earlier left
 * (forwards from one before, backwards from one after): the rows are still the ORDER BY's. */
static void
test_list_model_jumps (StFixture     *f,
                       gconstpointer  data)
{
  /* Pages 0–19 in a row (the first ones leave the cache), then jumps: 25 (forwards from the
   * landmark of 19), 40, 38 (backwards from 40), 22, 60, 3, 0. */
  static const guint walk[] = {
    0, 128, 256, 384, 512, 640, 768, 896, 1024, 1152, 1280, 1408, 1536, 1664, 1792, 1920,
    2048, 2176, 2304, 2432, 3200, 5120, 4864, 2816, 7680, 384, 0,
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(StDraft) draft = st_test_bill ("B1");
  g_autoptr(StDocument) doc = NULL;
  g_autoptr(StListModel) units = NULL;
  StUnitQuery q = { .status = -1 };
  StDraftLine *line;

  line = st_draft_add_line (draft, "TOOL", 8000);
  st_test_line_add_numbered (line, "U", 5, 8000);
  doc = st_store_post (f->store, draft, &error);
  g_assert_no_error (error);

  units = st_store_list_units (f->store, &q);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (units)), ==, 8000);
  assert_rows_at (units, walk, G_N_ELEMENTS (walk), first_received_first);

  st_list_model_set_sort (units, ST_SORT_SERIAL, TRUE);
  assert_rows_at (units, walk, G_N_ELEMENTS (walk), by_serial_descending);
}

/* Bill @number dated @date: @n TOOL units, serials @prefix00000 on. */
static void
post_bill (StStore    *store,
           const char *number,
           const char *date,
           const char *prefix,
           guint       n)
{
  g_autoptr(StDraft) draft = st_test_bill (number);

  st_draft_set_string (&draft->date, date);
  st_test_line_add_numbered (st_draft_add_line (draft, "TOOL", n), prefix, 5, n);
  st_test_post_ok (store, draft);
}

/* The page of @units (of @status) that starts at @start holds the rows of its ORDER BY
 * (@column, id), read by hand. */
static void
assert_model_page (StStore     *store,
                   StListModel *units,
                   int          status,
                   const char  *column,
                   gboolean     descending,
                   guint        start)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM units%s ORDER BY %s%s,"
                                          " id%s LIMIT 128 OFFSET ?1",
                                          status >= 0 ? " WHERE status = ?2" : "", column,
                                          descending ? " DESC" : "", descending ? " DESC" : "");
  g_autoptr(StStmt) stmt = NULL;
  guint i = 0;
  int rc;

  g_assert_cmpuint (start, <, g_list_model_get_n_items (G_LIST_MODEL (units)));
  stmt = _st_store_prepare (store, sql, &error);
  g_assert_no_error (error);
  st_stmt_bind_int64 (stmt, 1, start);
  if (status >= 0)
    _st_bind_text (stmt, 2, st_unit_status_to_string (status));
  while ((rc = _st_step (stmt, &error)) == ST_STEP_ROW)
    {
      g_autoptr(StUnit) u = g_list_model_get_item (G_LIST_MODEL (units), start + i++);

      g_assert_cmpint (st_unit_get_id (u), ==, st_stmt_column_int64 (stmt, 0));
    }
  g_assert_no_error (error);
  g_assert_cmpint (rc, ==, ST_STEP_DONE);
  g_assert_cmpuint (i, >, 0);
}

/* Waits (a minute at the most) until @units has taken in @n passes of landmarks from the
 * store's worker. */
static void
wait_for_seeds (StListModel *units,
                guint        n)
{
  gint64 end = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (_st_list_model_get_n_seeds (units) < n && g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
  g_assert_cmpuint (_st_list_model_get_n_seeds (units), ==, n);
}

/* The page of a new model (no page read before it, no landmark) sorted by received date that
 * starts at @start holds the rows of the list's ORDER BY, read by hand; returns how many pages
 * it found by position. */
static guint
assert_page_as_sql (StStore  *store,
                    int       status,
                    gboolean  descending,
                    guint     start)
{
  StUnitQuery q = { .status = status };
  g_autoptr(StListModel) units = st_store_list_units (store, &q);

  st_list_model_set_sort (units, ST_SORT_RECEIVED, descending);
  assert_model_page (store, units, status, "received_date", descending, start);
  return _st_list_model_get_n_seeks (units);
}

/* The plan of shape @what of the Units view of @status, one line a step. */
static char *
units_list_plan (StStore   *store,
                 StListSql  what,
                 int        status)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = _st_store_units_list_sql (store, what, status);
  g_autofree char *explain = NULL;
  g_autoptr(StStmt) stmt = NULL;
  char *plan;

  if (st_test_postgres ())
    {
      /* A table of a few rows is cheaper to scan and sort; the question is whether the index
       * can serve the status, the order and the keyset, so leave the planner no other way. */
      g_assert_true (_st_store_exec (store, "SET enable_seqscan = off; SET enable_sort = off;"
                                            " SET enable_bitmapscan = off;", &error));
      explain = g_strconcat ("EXPLAIN (COSTS OFF) ", sql, " LIMIT 128", NULL);
    }
  else
    explain = g_strconcat ("EXPLAIN QUERY PLAN ", sql, " LIMIT 128", NULL);
  stmt = _st_store_prepare (store, explain, &error);
  g_assert_no_error (error);
  st_stmt_bind_text (stmt, 2, st_unit_status_to_string (status));
  if (what != ST_LIST_SQL_KEYS)
    {
      st_stmt_bind_text (stmt, 95, "2026-01-10");
      st_stmt_bind_int64 (stmt, 96, 100);
    }
  plan = st_test_plan_text (stmt);
  if (st_test_postgres ())
    g_assert_true (_st_store_exec (store, "RESET enable_seqscan; RESET enable_sort;"
                                          " RESET enable_bitmapscan;", &error));
  return plan;
}

/* Schema v10: the Units view of one status (in stock, in service, …) reads its pages, first
 * and after a row, from one range of units_status_received (status, received_date, id), in
 * order: no walk past the units of other statuses, no sort of all the units of its status.
 * Asserted on the plans of both drivers; the rows themselves are /store/list-models/seek's. */
static void
test_list_model_status_index (StFixture     *f,
                              gconstpointer  data)
{
  const StListSql shapes[] = {
    ST_LIST_SQL_KEYS,
    st_test_postgres () ? ST_LIST_SQL_KEYS_AFTER_TUPLE : ST_LIST_SQL_KEYS_AFTER,
  };

  post_bill (f->store, "B1", "2026-01-10", "A", 300);
  for (gsize i = 0; i < G_N_ELEMENTS (shapes); i++)
    {
      g_autofree char *plan = units_list_plan (f->store, shapes[i], ST_UNIT_IN_SERVICE);

      g_test_message ("plan of shape %d:\n%s", shapes[i], plan);
      g_assert_nonnull (strstr (plan, "units_status_received"));
      if (st_test_postgres ())
        g_assert_null (strstr (plan, "Sort"));
      else
        g_assert_null (strstr (plan, "TEMP B-TREE"));
    }
}

/* A far jump into a long list of units: on PostgreSQL the page after the row found by
 * position in unit_blocks (schema v8, kept by triggers through bills, sales, voids and a
 * serial taken in for service), on SQLite by skipping index entries; the same rows either way,
 * the same counts, whole and by status, both directions. */
static void
test_list_model_seek (StFixture     *f,
                      gconstpointer  data)
{
  static const guint starts[] = { 4224, 4992, 5120, 5376, 5760 };
  g_autoptr(GError) error = NULL;
  g_autoptr(StDraft) invoice = st_draft_new (ST_DOC_INVOICE);
  g_autoptr(StDocument) doc = NULL;
  g_autoptr(StDocument) voided = NULL;
  g_autoptr(StServiceCase) taken_in = NULL;
  g_autoptr(StCheckReport) report = NULL;
  StServiceIntake intake = { "FOREIGN-1", "TOOL", "Does not start", "Bob", "Main",
                             "2026-03-05" };
  guint seeks = 0;

  /* Dates out of the order of the ids: B3 is posted last but received before B2. */
  post_bill (f->store, "B1", "2026-01-10", "A", 4500);
  post_bill (f->store, "B2", "2026-03-01", "C", 3000);
  post_bill (f->store, "B3", "2026-02-01", "B", 2600);
  post_bill (f->store, "B4", "2026-01-20", "D", 300);
  voided = st_store_void (f->store, ST_DOC_BILL, "B4", &error);
  g_assert_no_error (error);
  st_draft_set_string (&invoice->number, "I1");
  st_draft_set_string (&invoice->date, "2026-03-02");
  st_draft_set_string (&invoice->contact, "Bob");
  st_draft_set_string (&invoice->warehouse, "Main");
  st_draft_add_line (invoice, "TOOL", 1500);
  doc = st_store_post (f->store, invoice, &error);
  g_assert_no_error (error);
  /* A serial we never had: a unit with no received date. */
  taken_in = st_store_service_open (f->store, &intake, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (starts); i++)
    {
      seeks += assert_page_as_sql (f->store, -1, FALSE, starts[i]);
      seeks += assert_page_as_sql (f->store, -1, TRUE, starts[i]);
      seeks += assert_page_as_sql (f->store, ST_UNIT_IN_STOCK, FALSE, starts[i]);
      seeks += assert_page_as_sql (f->store, ST_UNIT_IN_STOCK, TRUE, starts[i] - 128);
    }
  /* The ends: the NULL date's row is last one way and first the other. */
  seeks += assert_page_as_sql (f->store, -1, FALSE, 10401 - 128);
  seeks += assert_page_as_sql (f->store, -1, TRUE, 0);
  /* All units: every jump is more than 4,096 rows from both ends, both ways. */
  if (st_test_postgres ())
    g_assert_cmpuint (seeks, >=, 2 * G_N_ELEMENTS (starts));
  else
    g_assert_cmpuint (seeks, ==, 0);

  /* Sorted by serial, which unit_blocks does not order: on PostgreSQL the first far jump (4,224
   * is more than 4,096 rows from both ends of the 8,600 in stock too) skips rows and asks the
   * store's worker for landmarks all along the list; the later jumps, either way, start from
   * them; after a refresh, once again.  SQLite skips rows always.  The same rows either way. */
  for (guint d = 0; d < 2; d++)
    {
      StUnitQuery all = { .status = -1 }, in_stock = { .status = ST_UNIT_IN_STOCK };
      g_autoptr(StListModel) units = st_store_list_units (f->store, &all);
      g_autoptr(StListModel) stocked = st_store_list_units (f->store, &in_stock);
      guint expected = st_test_postgres () ? 1 : 0;

      st_list_model_set_sort (units, ST_SORT_SERIAL, d == 1);
      st_list_model_set_sort (stocked, ST_SORT_SERIAL, d == 1);
      assert_model_page (f->store, units, -1, "serial_key", d == 1, starts[0]);
      assert_model_page (f->store, stocked, ST_UNIT_IN_STOCK, "serial_key", d == 1, starts[0]);
      wait_for_seeds (units, expected);
      wait_for_seeds (stocked, expected);
      for (guint i = 1; i < G_N_ELEMENTS (starts); i++)
        {
          assert_model_page (f->store, units, -1, "serial_key", d == 1, starts[i]);
          assert_model_page (f->store, stocked, ST_UNIT_IN_STOCK, "serial_key", d == 1,
                             starts[i]);
        }
      assert_model_page (f->store, units, -1, "serial_key", d == 1, 4992 - 640);
      assert_model_page (f->store, units, -1, "serial_key", d == 1, 10401 - 128 - 4224);
      st_list_model_refresh (units);
      assert_model_page (f->store, units, -1, "serial_key", d == 1, starts[2]);
      wait_for_seeds (units, 2 * expected);
      assert_model_page (f->store, units, -1, "serial_key", d == 1, starts[4]);
    }

  {
    StUnitQuery all = { .status = -1 }, in_stock = { .status = ST_UNIT_IN_STOCK };
    g_autoptr(StListModel) a = st_store_list_units (f->store, &all);
    g_autoptr(StListModel) b = st_store_list_units (f->store, &in_stock);

    /* 4,500 + 3,000 + 2,600 + 300 received (B4's 300 voided, kept), one taken in for
     * service; 1,500 of them sold. */
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (a)), ==, 10401);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (b)), ==, 10100 - 1500);
  }

  report = st_store_check (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->problems->len, ==, 0);
  if (st_test_postgres ())
    {
      /* The lists count what unit_blocks says (no count (*) behind it), and check finds a
       * count gone wrong. */
      StUnitQuery all = { .status = -1 }, in_stock = { .status = ST_UNIT_IN_STOCK };
      g_autoptr(StListModel) a = NULL, b = NULL;
      g_autoptr(StStmt) stmt = _st_store_prepare (f->store, "SELECT count (*) FROM unit_blocks"
                                                            " WHERE received_date = '2026-02-01'",
                                                  &error);
      gint64 bumped;

      g_assert_cmpint (_st_step (stmt, &error), ==, ST_STEP_ROW);
      bumped = st_stmt_column_int64 (stmt, 0);
      g_clear_pointer (&stmt, st_stmt_release);
      g_assert_cmpint (bumped, >, 0);
      g_assert_true (_st_store_exec (f->store, "UPDATE unit_blocks SET n = n + 1"
                                               " WHERE received_date = '2026-02-01'", &error));
      a = st_store_list_units (f->store, &all);
      b = st_store_list_units (f->store, &in_stock);
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (a)), ==, 10401 + bumped);
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (b)), ==, 8600 + bumped);
      g_clear_pointer (&report, st_check_report_free);
      report = st_store_check (f->store, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (report->problems->len, >, 0);
      g_assert_nonnull (strstr (g_ptr_array_index (report->problems, 0), "2026-02-01"));
    }
}

static void
test_search_units (StFixture     *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StDraft) draft = st_test_bill ("B1");
  g_autoptr(StDocument) doc = NULL;
  g_autoptr(GPtrArray) found = NULL;
  StDraftLine *line;

  line = st_draft_add_line (draft, "TOOL", 3);
  st_test_line_add_serials (line, "AB1,AB10,XY1");
  line = st_draft_add_line (draft, "PHONE", 1);
  st_draft_line_add_serial (line, "356938035643809");
  doc = st_store_post (f->store, draft, &error);
  g_assert_no_error (error);

  found = st_store_search_units (f->store, "ab1", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 2);
  g_assert_cmpstr (st_unit_get_serial (g_ptr_array_index (found, 0)), ==, "AB1");
  g_clear_pointer (&found, g_ptr_array_unref);
  found = st_store_search_units (f->store, "3569", 10, &error);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpstr (st_unit_get_sku (g_ptr_array_index (found, 0)), ==, "PHONE");
  g_clear_pointer (&found, g_ptr_array_unref);
  found = st_store_search_units (f->store, "nothing", 10, &error);
  g_assert_cmpuint (found->len, ==, 0);
}

static void
test_backup_restore_drill (StFixture     *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StDraft) draft = st_test_bill ("B1");
  g_autoptr(StDocument) doc = NULL;
  g_autoptr(StUnit) u = NULL;
  g_autofree char *backup = g_build_filename (f->dir, "backup.serialtrack", NULL);
  g_autofree char *contents = NULL;
  gsize len;
  StDraftLine *line;
  ST_TEST_SQLITE_ONLY ();

  line = st_draft_add_line (draft, "TOOL", 2);
  st_test_line_add_serials (line, "K1,K2");
  doc = st_store_post (f->store, draft, &error);
  g_assert_no_error (error);

  g_assert_true (st_store_backup (f->store, backup, FALSE, &error));
  g_assert_no_error (error);
  /* Refuses to overwrite unless told. */
  g_assert_false (st_store_backup (f->store, backup, FALSE, &error));
  g_assert_error (error, ST_ERROR, ST_ERROR_DUPLICATE);
  g_clear_error (&error);
  g_clear_object (&f->store);

  /* Damage the original: overwrite a page in the middle with garbage. */
  g_assert_true (g_file_get_contents (f->path, &contents, &len, NULL));
  g_assert_cmpuint (len, >, 8192);
  memset (contents + 4096, 0xA5, 4096);
  g_assert_true (g_file_set_contents (f->path, contents, len, NULL));

  g_assert_true (st_store_restore (backup, f->path, &error));
  g_assert_no_error (error);
  f->store = st_store_open (f->path, 0, &error);
  g_assert_no_error (error);
  st_assert_check_ok (f->store);
  u = st_store_find_unit (f->store, "K2", "TOOL", &error);
  g_assert_no_error (error);
  g_assert_cmpint (st_unit_get_status (u), ==, ST_UNIT_IN_STOCK);
}

static void
test_restore_refuses_foreign (StFixture     *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_build_filename (f->dir, "notes.txt", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  ST_TEST_SQLITE_ONLY ();

  g_clear_object (&f->store);
  before = file_hash (f->path);
  g_assert_true (g_file_set_contents (text, "hello", -1, NULL));
  g_assert_false (st_store_restore (text, f->path, &error));
  g_assert_error (error, ST_ERROR, ST_ERROR_NOT_SERIALTRACK);
  after = file_hash (f->path);
  g_assert_cmpstr (before, ==, after);
}

/* A full disk, simulated with max_page_count: the posting fails cleanly, nothing changes. */
static void
test_disk_full (StFixture     *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StDraft) draft = st_test_bill ("BIG");
  g_autoptr(StDocument) doc = NULL;
  StDraftLine *line;
  StDb *db = _st_store_get_db (f->store);
  int pages;
  ST_TEST_SQLITE_ONLY ();

  {
    g_autoptr(StStmt) stmt = st_db_prepare (db, "PRAGMA page_count", &error);
    g_assert_no_error (error);
    g_assert_cmpint (st_stmt_step (stmt, &error), ==, ST_STEP_ROW);
    pages = st_stmt_column_int (stmt, 0);
  }
  {
    g_autofree char *sql = g_strdup_printf ("PRAGMA max_page_count = %d", pages + 2);
    g_assert_true (st_db_exec (db, sql, &error));
    g_assert_no_error (error);
  }
  line = st_draft_add_line (draft, "TOOL", 5000);
  st_test_line_add_numbered (line, "LONG-SERIAL-NUMBER-", 8, 5000);
  doc = st_store_post (f->store, draft, &error);
  g_assert_null (doc);
  g_assert_error (error, ST_ERROR, ST_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "full"));
  g_clear_error (&error);
  g_clear_object (&f->store);
  f->store = st_store_open (f->path, 0, &error);
  g_assert_no_error (error);
  {
    g_autoptr(GPtrArray) units = st_store_query_units (f->store, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (units->len, ==, 0);
  }
  st_assert_check_ok (f->store);
}

/* A process killed right after creating a database leaves a file that opens as ours. */
static void
test_created_then_killed (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(StStore) store = NULL;
  ST_TEST_SQLITE_ONLY ();

  if (g_test_subprocess ())
    {
      StStore *leaked = st_store_open (g_getenv ("ST_TEST_DB"), ST_STORE_OPEN_CREATE, NULL);
      g_assert_nonnull (leaked);
      _exit (0);
    }
  dir = g_dir_make_tmp ("st-kill-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "new.serialtrack", NULL);
  g_setenv ("ST_TEST_DB", path, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  store = st_store_open (path, 0, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  st_test_remove_tree (dir);
}

/* A database an older build wrote (schema version 1, made here with that version's SQL and a
 * posted bill's rows) opens in this build: migrated step by step, with a backup of the
 * version-1 file beside it, its history intact and `check` clean.  Each migration a feature adds
 * is covered here without a test of its own. */
static void
test_migrate_from_v1 (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("st-migrate-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "old.serialtrack", NULL);
  g_autofree char *backup = g_strdup_printf ("%s.before-v%d.bak", path, ST_SCHEMA_VERSION);
  g_autofree char *v1 = _st_schema_create_sql_at (ST_DB_DIALECT_SQLITE, 1);
  g_autoptr(StStore) store = NULL;
  g_autoptr(StCheckReport) report = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  ST_TEST_SQLITE_ONLY ();

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, v1, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
    "PRAGMA user_version = 1; PRAGMA application_id = " G_STRINGIFY (ST_APPLICATION_ID) ";"
    "INSERT INTO warehouses (id, name, name_key) VALUES (1, 'Primary Warehouse', 'primary warehouse');"
    "INSERT INTO contacts (id, kind, name, name_key) VALUES (1, 'vendor', 'Acme', 'acme');"
    "INSERT INTO items (id, sku, sku_key, name, unit, price, cost, tracking, warranty_months,"
    "  serial_format) VALUES (1, 'PH', 'ph', 'Phone', 'pcs', 30000, 20000, 'serial', 12, 'any');"
    "INSERT INTO documents (id, kind, number, number_key, date, status, contact_id, warehouse_id,"
    "  total, quantity) VALUES (1, 'bill', 'B1', 'b1', '2026-03-01', 'posted', 1, 1, 20000, 1);"
    "INSERT INTO document_lines (id, document_id, line_no, item_id, quantity, rate)"
    "  VALUES (1, 1, 1, 1, 1, 20000);"
    "INSERT INTO units (id, item_id, serial, serial_key, status, warehouse_id, cost,"
    "  received_date, received_doc_id) VALUES (1, 1, 'SN1', 'sn1', 'in_stock', 1, 20000,"
    "  '2026-03-01', 1);"
    "INSERT INTO unit_events (id, unit_id, document_id, line_id, kind, date, to_warehouse_id,"
    "  contact_id, amount) VALUES (1, 1, 1, 1, 'received', '2026-03-01', 1, 1, 20000);"
    "INSERT INTO stock_moves (document_id, item_id, warehouse_id, quantity)"
    "  VALUES (1, 1, 1, 1);"
    "INSERT INTO stock (item_id, warehouse_id, on_hand) VALUES (1, 1, 1);",
    NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = st_store_open (path, 0, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_test (backup, G_FILE_TEST_EXISTS));
  report = st_store_check (store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < report->problems->len; i++)
    g_printerr ("check: %s\n", (char *) g_ptr_array_index (report->problems, i));
  g_assert_cmpuint (report->problems->len, ==, 0);
  g_clear_object (&store);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, ST_SCHEMA_VERSION);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  st_test_remove_tree (dir);
}

static guint
n_items (StListModel *model)
{
  return g_list_model_get_n_items (G_LIST_MODEL (model));
}

/* The Contacts and Warehouses lists, items without the archived ones, and a return's chooser
 * of posted documents (issue 16), on both drivers. */
static void
test_master_data_lists (StFixture     *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StListModel) contacts = st_store_list_contact_rows (f->store, FALSE);
  g_autoptr(StListModel) all_contacts = NULL;
  g_autoptr(StListModel) warehouses = st_store_list_warehouse_rows (f->store, FALSE);
  g_autoptr(StListModel) active_warehouses = NULL;
  g_autoptr(StListModel) items = NULL;
  g_autoptr(StListModel) invoices = NULL;
  g_autoptr(StListModel) none = NULL;
  g_autoptr(StContact) bob = NULL;
  g_autoptr(StDraft) bill = st_test_bill ("B1");
  g_autoptr(StDraft) invoice = st_draft_new (ST_DOC_INVOICE);
  g_autoptr(StDocument) doc = NULL;
  g_autoptr(StDocument) voided = NULL;
  guint n_warehouses;

  g_assert_cmpuint (n_items (contacts), ==, 2);
  g_object_unref (st_store_edit_contact (f->store, ST_CONTACT_CUSTOMER, "Bob", NULL,
                                         "bob@example.org", "555", &error));
  g_assert_no_error (error);
  st_list_model_set_filter (contacts, "example.org");
  g_assert_cmpuint (n_items (contacts), ==, 1);
  bob = g_list_model_get_item (G_LIST_MODEL (contacts), 0);
  g_assert_cmpstr (st_contact_get_name (bob), ==, "Bob");
  g_assert_cmpstr (st_contact_get_phone (bob), ==, "555");
  st_list_model_set_filter (contacts, NULL);

  g_assert_true (st_store_set_contact_archived (f->store, ST_CONTACT_CUSTOMER, "Bob", TRUE,
                                                &error));
  st_list_model_refresh (contacts);
  g_assert_cmpuint (n_items (contacts), ==, 1);
  all_contacts = st_store_list_contact_rows (f->store, TRUE);
  g_assert_cmpuint (n_items (all_contacts), ==, 2);
  g_assert_true (st_store_set_contact_archived (f->store, ST_CONTACT_CUSTOMER, "Bob", FALSE,
                                                &error));

  n_warehouses = n_items (warehouses);
  g_assert_cmpuint (n_warehouses, >=, 2);
  g_assert_true (st_store_set_warehouse_archived (f->store, "Shop", TRUE, &error));
  g_assert_no_error (error);
  active_warehouses = st_store_list_warehouse_rows (f->store, FALSE);
  g_assert_cmpuint (n_items (active_warehouses), ==, n_warehouses - 1);

  g_assert_true (st_store_set_item_archived (f->store, "TOOL", TRUE, &error));
  items = st_store_list_items_archived (f->store, FALSE);
  g_assert_cmpuint (n_items (items), ==, 2);

  /* Posted invoices of one customer: the chooser of a sales return. */
  st_draft_line_add_serial (st_draft_add_line (bill, "PHONE", 1), "490154203237518");
  doc = st_store_post (f->store, bill, &error);
  g_assert_no_error (error);
  g_clear_object (&doc);
  st_draft_set_string (&invoice->contact, "Bob");
  st_draft_set_string (&invoice->warehouse, "Main");
  st_draft_line_add_serial (st_draft_add_line (invoice, "PHONE", 1), "490154203237518");
  doc = st_store_post (f->store, invoice, &error);
  g_assert_no_error (error);
  invoices = st_store_list_posted_documents_of (f->store, ST_DOC_INVOICE, ST_CONTACT_CUSTOMER,
                                                "bob", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_items (invoices), ==, 1);
  none = st_store_list_posted_documents_of (f->store, ST_DOC_INVOICE, ST_CONTACT_CUSTOMER,
                                            "Nobody", &error);
  g_assert_null (none);
  g_assert_error (error, ST_ERROR, ST_ERROR_NOT_FOUND);
  g_clear_error (&error);
  voided = st_store_void (f->store, ST_DOC_INVOICE, st_document_get_number (doc), &error);
  g_assert_no_error (error);
  st_list_model_refresh (invoices);
  g_assert_cmpuint (n_items (invoices), ==, 0);

  /* The warehouse list's stock column. */
  st_list_model_refresh (warehouses);
  st_list_model_set_filter (warehouses, "main");
  g_assert_cmpuint (n_items (warehouses), ==, 1);
  {
    g_autoptr(StWarehouse) main_wh = g_list_model_get_item (G_LIST_MODEL (warehouses), 0);

    g_assert_cmpint (st_warehouse_get_on_hand (main_wh), ==, 1);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/open/foreign-files-refused-unchanged", test_open_foreign_files);
  g_test_add_func ("/store/open/missing-without-create", test_open_missing_without_create);
  g_test_add_func ("/store/open/created-then-killed", test_created_then_killed);
  g_test_add_func ("/store/open/migrate-from-v1", test_migrate_from_v1);
  ST_TEST_ADD ("/store/new-database", test_new_database);
  ST_TEST_ADD ("/store/catalog/duplicates-and-bad-names", test_catalog_duplicates);
  ST_TEST_ADD ("/store/preference", test_preference);
  ST_TEST_ADD ("/store/refused-posting-leaves-file-unchanged",
               test_refused_posting_leaves_file_unchanged);
  ST_TEST_ADD ("/store/sample-data", test_sample_data);
  ST_TEST_ADD ("/store/list-models", test_list_models);
  ST_TEST_ADD ("/store/list-models/jumps", test_list_model_jumps);
  ST_TEST_ADD ("/store/list-models/seek", test_list_model_seek);
  ST_TEST_ADD ("/store/list-models/status-index", test_list_model_status_index);
  ST_TEST_ADD ("/store/list-models/master-data", test_master_data_lists);
  ST_TEST_ADD ("/store/search-units", test_search_units);
  ST_TEST_ADD ("/store/backup/restore-drill", test_backup_restore_drill);
  ST_TEST_ADD ("/store/backup/restore-refuses-foreign", test_restore_refuses_foreign);
  ST_TEST_ADD ("/store/disk-full", test_disk_full);

  return g_test_run ();
}
