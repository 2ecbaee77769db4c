/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-service.c — after-sales service in the core (issue 13): two desks acting on one unit or
 * one case (one wins, the other gets the ordinary refusal), the ledger check after every step
 * and when a service step is tampered with, error codes, warranty dates. */
#include "st-test-util.h"
#include "st-store-private.h"   /* ST_EXPIRING_ROWS_SQL */

static void
post (StStore    *store,
      StDocKind   kind,
      const char *contact,
      const char *date,
      const char *serials)
{
  g_autoptr(StDraft) draft = st_draft_new (kind);
  g_auto(GStrv) list = g_strsplit (serials, ",", -1);
  StDraftLine *line;

  st_draft_set_string (&draft->contact, contact);
  st_draft_set_string (&draft->warehouse, "Main");
  st_draft_set_string (&draft->date, date);
  if (kind == ST_DOC_BILL)
    st_draft_set_string (&draft->number, "B-1");
  line = st_draft_add_line (draft, "PH", g_strv_length (list));
  st_draft_line_set_rate (line, 10000);
  st_test_line_add_serials (line, serials);
  st_test_post_ok (store, draft);
}

/* PH (serial, 12 months) P1..P4 received, P1 sold to Bob on @sold. */
static void
setup_sold (StFixture  *f,
            const char *sold)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StItem) item = NULL;
  StItemSpec ph = { "PH", "Phone", NULL, 20000, 10000, ST_TRACKING_SERIAL, 12,
                    ST_SERIAL_FORMAT_ANY };

  item = st_store_add_item (f->store, &ph, &error);
  g_assert_no_error (error);
  post (f->store, ST_DOC_BILL, "Acme", "2024-01-02", "P1,P2,P3,P4");
  post (f->store, ST_DOC_INVOICE, "Bob", sold, "P1");
  st_assert_check_ok (f->store);
}

static StServiceCase *
open_case (StStore     *store,
           const char  *serial,
           const char  *date,
           GError     **error)
{
  StServiceIntake in = { .serial = serial, .complaint = "Broken", .date = date };

  return st_store_service_open (store, &in, error);
}

static StUnitStatus
unit_status (StStore    *store,
             const char *serial)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StUnit) unit = st_store_find_unit (store, serial, NULL, &error);

  g_assert_no_error (error);
  return st_unit_get_status (unit);
}

static void
test_two_desks (StFixture     *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StStore) other = NULL;
  g_autoptr(StServiceCase) a = NULL;
  g_autoptr(StServiceCase) b = NULL;
  g_autoptr(StServiceCase) c = NULL;
  StServiceReplacement r = { .serial = "P2", .date = "2024-05-02" };

  setup_sold (f, "2024-03-15");
  post (f->store, ST_DOC_INVOICE, "Bob", "2024-03-16", "P4");
  other = st_store_open_again (f->store, &error);
  g_assert_no_error (error);

  /* Both desks take in P1: one case only. */
  a = open_case (f->store, "P1", "2024-05-01", &error);
  g_assert_no_error (error);
  b = open_case (other, "P1", "2024-05-01", &error);
  g_assert_error (error, ST_ERROR, ST_ERROR_DOCUMENT_STATE);
  g_assert_null (b);
  g_clear_error (&error);
  g_assert_cmpint (unit_status (other, "P1"), ==, ST_UNIT_IN_SERVICE);

  /* Two cases, both replacing with P2: the second desk is refused, naming P2. */
  b = open_case (other, "P4", "2024-05-01", &error);
  g_assert_no_error (error);
  g_clear_object (&c);
  c = st_store_service_replace (f->store, "SC-00001", &r, &error);
  g_assert_no_error (error);
  g_clear_object (&c);
  c = st_store_service_replace (other, "SC-00002", &r, &error);
  g_assert_error (error, ST_ERROR, ST_ERROR_NOT_IN_STOCK);
  g_assert_nonnull (strstr (error->message, "P2"));
  g_clear_error (&error);

  /* Both close SC-00002: the second finds it closed. */
  c = st_store_service_close (f->store, "SC-00002", ST_RESOLUTION_REPAIRED, 0, "2024-05-03",
                              &error);
  g_assert_no_error (error);
  g_clear_object (&c);
  c = st_store_service_close (other, "SC-00002", ST_RESOLUTION_UNREPAIRED, 0, "2024-05-03",
                              &error);
  g_assert_error (error, ST_ERROR, ST_ERROR_DOCUMENT_STATE);
  g_clear_error (&error);
  st_assert_check_ok (f->store);
  st_assert_check_ok (other);
}

static void
test_check_every_step (StFixture     *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StServiceCase) sc = NULL;
  g_autoptr(StDraft) parts = st_draft_new (ST_DOC_SERVICE);
  g_autoptr(StDraft) stock = st_draft_new (ST_DOC_BILL);
  StServiceReplacement r = { .restart_warranty = TRUE, .date = "2028-02-29" };

  setup_sold (f, "2027-12-31");
  st_draft_set_string (&stock->contact, "Acme");
  st_draft_set_string (&stock->warehouse, "Main");
  st_draft_set_string (&stock->number, "B-2");
  st_draft_add_line (stock, "CABLE", 5);
  g_clear_object (&sc);
  {
    g_autoptr(StDocument) doc = st_store_post (f->store, stock, &error);
    g_assert_no_error (error);
  }

  sc = open_case (f->store, "P1", "2028-02-01", &error);
  g_assert_no_error (error);
  g_assert_cmpint (st_service_case_get_warranty_status (sc), ==, ST_WARRANTY_UNDER);
  g_assert_cmpstr (st_service_case_get_warranty_end (sc), ==, "2028-12-31");
  st_assert_check_ok (f->store);
  g_clear_object (&sc);
  sc = st_store_service_note (f->store, "SC-00001", "Board swapped", "2028-02-02", &error);
  g_assert_no_error (error);
  g_clear_object (&sc);
  st_draft_add_line (parts, "CABLE", 2);
  st_draft_set_string (&parts->date, "2028-02-03");
  sc = st_store_service_add_parts (f->store, "SC-00001", parts, &error);
  g_assert_no_error (error);
  g_assert_cmpint (st_service_case_get_parts_cost (sc), ==, 200);
  g_assert_cmpuint (st_service_case_get_log (sc)->len, ==, 3);
  st_assert_check_ok (f->store);
  g_clear_object (&sc);
  sc = st_store_service_set_status (f->store, "SC-00001", ST_SERVICE_IN_REPAIR, "2028-02-03",
                                    &error);
  g_assert_no_error (error);
  g_clear_object (&sc);
  /* Back to open is not a step. */
  sc = st_store_service_set_status (f->store, "SC-00001", ST_SERVICE_IN_REPAIR, NULL, &error);
  g_assert_error (error, ST_ERROR, ST_ERROR_DOCUMENT_STATE);
  g_clear_error (&error);
  /* Restarted on a leap day: P2's warranty ends 12 months on, clamped to Feb 28. */
  sc = st_store_service_replace (f->store, "SC-00001", &r, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (st_service_case_get_replacement_serial (sc), ==, "P2");
  g_assert_cmpstr (st_service_case_get_replacement_warranty_end (sc), ==, "2029-02-28");
  g_assert_cmpint (st_service_case_get_days_in_service (sc, NULL), ==, 28);
  g_assert_cmpint (unit_status (f->store, "P1"), ==, ST_UNIT_FAULTY);
  st_assert_check_ok (f->store);
  /* The case found by its unit or its replacement, by id (the unit page) and by serial. */
  {
    g_autoptr(StUnit) p2 = st_store_find_unit (f->store, "P2", NULL, &error);
    StServiceQuery by_id = { .status = -1, .unit_id = st_unit_get_id (p2) };
    StServiceQuery by_serial = { .status = -1, .serial = "p1" };
    StServiceQuery other = { .status = -1, .serial = "P3" };
    StServiceQuery dates = { .status = -1, .from = "2028-02-01", .to = "2028-02-01" };
    StServiceQuery later = { .status = ST_SERVICE_CLOSED, .from = "2028-02-02" };
    StServiceQuery *queries[] = { &by_id, &by_serial, &other, &dates, &later };
    guint expected[] = { 1, 1, 0, 1, 0 };

    g_assert_no_error (error);
    for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
      {
        g_autoptr(GPtrArray) list = st_store_query_service_cases (f->store, queries[i], &error);

        g_assert_no_error (error);
        g_assert_cmpuint (list->len, ==, expected[i]);
      }
  }

  /* A service step tampered with behind the store's back: the check names it. */
  st_test_raw_sql (f, "UPDATE units SET status = 'in_service' WHERE serial = 'P1'");
  {
    g_autoptr(StCheckReport) report = st_store_check (f->store, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (report->problems->len, >, 0);
  }
  st_test_raw_sql (f, "UPDATE units SET status = 'faulty' WHERE serial = 'P1'");
  st_assert_check_ok (f->store);
  /* A closed case reopened behind the store's back (its order key too): its unit is not in
   * service. */
  st_test_raw_sql (f, "UPDATE service_cases SET status = 'open',"
                      " sort_key = '1' || substr (sort_key, 2)");
  {
    g_autoptr(StCheckReport) report = st_store_check (f->store, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (report->problems->len, ==, 1);
    g_assert_cmpstr (g_ptr_array_index (report->problems, 0), ==,
                     "Service case SC-00001 is open, but its unit “P1” is not in service "
                     "(status: Faulty)");
  }
  st_test_raw_sql (f, "UPDATE service_cases SET status = 'closed',"
                      " sort_key = '0' || substr (sort_key, 2)");
  st_assert_check_ok (f->store);
}

static void
test_error_codes (StFixture     *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StServiceCase) sc = NULL;

  setup_sold (f, "2024-03-15");
  sc = open_case (f->store, "P2", NULL, &error);
  g_assert_error (error, ST_ERROR, ST_ERROR_NOT_IN_STOCK);
  g_clear_error (&error);
  sc = open_case (f->store, "NOPE", NULL, &error);
  g_assert_error (error, ST_ERROR, ST_ERROR_NOT_FOUND);
  g_clear_error (&error);
  sc = open_case (f->store, "P1", "2024-03-01", &error);
  g_assert_error (error, ST_ERROR, ST_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  sc = st_store_service_get (f->store, "SC-00001", &error);
  g_assert_error (error, ST_ERROR, ST_ERROR_NOT_FOUND);
  g_clear_error (&error);
  sc = st_store_service_void_step (f->store, "SC-00001", NULL, &error);
  g_assert_error (error, ST_ERROR, ST_ERROR_NOT_FOUND);
  g_clear_error (&error);
  /* A service draft is not posted through the posting engine. */
  {
    g_autoptr(StDraft) draft = st_draft_new (ST_DOC_SERVICE);
    g_autoptr(StDocument) doc = NULL;

    st_draft_add_line (draft, "CABLE", 1);
    doc = st_store_post (f->store, draft, &error);
    g_assert_error (error, ST_ERROR, ST_ERROR_INVALID_INPUT);
    g_clear_error (&error);
  }
  st_assert_check_ok (f->store);
}

/* The window's lazy lists: cases open first then newest, by status and by the filter text
 * (number, serial, customer), paged past the first page; warranties expiring in a window. */
static void
test_lazy_lists (StFixture     *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StListModel) all = NULL;
  g_autoptr(StListModel) closed = NULL;
  g_autoptr(StListModel) expiring = NULL;
  g_autoptr(StServiceCase) sc = NULL;
  g_autoptr(StContact) carol = NULL;
  StServiceQuery query = { .status = -1 };
  StServiceQuery closed_query = { .status = ST_SERVICE_CLOSED };
  char dates[][11] = { "2024-05-01", "2024-05-03", "2024-05-02" };

  setup_sold (f, "2024-03-15");
  carol = st_store_add_contact (f->store, ST_CONTACT_CUSTOMER, "Carol", &error);
  g_assert_no_error (error);
  post (f->store, ST_DOC_INVOICE, "Carol", "2024-03-16", "P2,P3");
  /* P1 opened first and closed; P2 and P3 open, P3's the newer. */
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *serial = g_strdup_printf ("P%u", i + 1);

      g_clear_object (&sc);
      sc = open_case (f->store, serial, dates[i], &error);
      g_assert_no_error (error);
    }
  g_clear_object (&sc);
  sc = st_store_service_close (f->store, "SC-00001", ST_RESOLUTION_REPAIRED, 0, "2024-05-04",
                               &error);
  g_assert_no_error (error);

  all = st_store_list_service_cases (f->store, &query);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (all)), ==, 3);
  {
    const char *order[] = { "SC-00002", "SC-00003", "SC-00001" };

    for (guint i = 0; i < 3; i++)
      {
        g_autoptr(StServiceCase) row = g_list_model_get_item (G_LIST_MODEL (all), i);

        g_assert_cmpstr (st_service_case_get_number (row), ==, order[i]);
      }
  }
  g_assert_cmpint (st_list_model_find_id (all, st_service_case_get_id (sc)), ==, 2);
  g_assert_null (st_list_model_get_error (all));

  st_list_model_set_filter (all, "p3");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (all)), ==, 1);
  st_list_model_set_filter (all, "carol");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (all)), ==, 2);
  st_list_model_set_filter (all, "sc-00001");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (all)), ==, 1);
  g_assert_null (st_list_model_get_error (all));

  closed = st_store_list_service_cases (f->store, &closed_query);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (closed)), ==, 1);

  /* P1's warranty ends 2025-03-15 (back with Bob), P2's and P3's 2025-03-16 — in service. */
  expiring = st_store_list_warranty_expiring (f->store, "2025-03-01", 14);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (expiring)), ==, 1);
  g_clear_object (&expiring);
  expiring = st_store_list_warranty_expiring (f->store, "2025-03-01", 13);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (expiring)), ==, 0);
  g_assert_null (st_list_model_get_error (expiring));
}

/* The case numbers of @model, in its order, joined by commas. */
static char *
list_numbers (StListModel *model)
{
  g_autoptr(GString) s = g_string_new (NULL);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (model));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(StServiceCase) row = g_list_model_get_item (G_LIST_MODEL (model), i);

      g_string_append_printf (s, "%s%s", i > 0 ? "," : "", st_service_case_get_number (row));
    }
  g_assert_null (st_list_model_get_error (model));
  return g_string_free (g_steal_pointer (&s), FALSE);
}

/* The Service view's order, both ways the store answers it. */
static void
assert_order (StStore    *store,
              int         status,
              const char *expected)
{
  g_autoptr(GError) error = NULL;
  StServiceQuery query = { .status = status };
  g_autoptr(StListModel) model = st_store_list_service_cases (store, &query);
  g_autoptr(GPtrArray) list = st_store_query_service_cases (store, &query, &error);
  g_autofree char *got = list_numbers (model);
  g_autoptr(GString) plain = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < list->len; i++)
    g_string_append_printf (plain, "%s%s", i > 0 ? "," : "",
                            st_service_case_get_number (g_ptr_array_index (list, i)));
  g_assert_cmpstr (got, ==, expected);
  g_assert_cmpstr (plain->str, ==, expected);
}

/* Takes the fixture's database back to schema v6 as that build wrote it (no stored order key,
 * the status index on (status, id), no unit_blocks, units indexed as before v9 and v10),
 * behind the store's back; then reopens it, which migrates it to the current version. */
static void
reopen_as_v6 (StFixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StDb) db = NULL;

  g_clear_object (&f->store);
  db = st_db_open (f->path, FALSE, &error);
  g_assert_no_error (error);
  g_assert_true (st_db_begin_write (db, &error));
  g_assert_true (st_db_exec (db,
                             "DROP INDEX service_cases_order;"
                             "DROP INDEX service_cases_status;"
                             "ALTER TABLE service_cases DROP COLUMN sort_key;"
                             "CREATE INDEX service_cases_status ON service_cases (status, id);"
                             /* …and without v9's index of the warranty-expiring list, and
                              * v6's status index instead of v10's. */
                             "DROP INDEX units_warranty_sold;"
                             "DROP INDEX units_status_received;"
                             "CREATE INDEX units_warranty ON units (status, warranty_end);",
                             &error));
  /* …and without what v8 added on PostgreSQL (the units counted by block). */
  if (st_db_get_dialect (db) == ST_DB_DIALECT_POSTGRES)
    g_assert_true (st_db_exec (db, "DROP TABLE unit_blocks;"
                                   "DROP FUNCTION unit_blocks_count () CASCADE;", &error));
  g_assert_true (st_db_write_version (db, 6, &error));
  g_assert_true (st_db_commit (db, &error));
  g_assert_no_error (error);
  g_clear_object (&db);
  f->store = st_store_open (f->path, 0, &error);
  g_assert_no_error (error);
}

/* Schema v7 stores the Service view's order (open, in repair and ready first, then newest
 * first) in service_cases.sort_key: every step that changes a case's status keeps it, a
 * database of schema v6 gets it filled when it is migrated, and `check` names a case whose
 * key disagrees with it. */
static void
test_sort_key (StFixture     *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StServiceCase) sc = NULL;
  const char *dates[] = { "2024-05-05", "2024-05-03", "2024-05-02", "2024-05-04" };

  setup_sold (f, "2024-03-15");
  post (f->store, ST_DOC_INVOICE, "Bob", "2024-03-16", "P2,P3,P4");
  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      g_autofree char *serial = g_strdup_printf ("P%u", i + 1);

      g_clear_object (&sc);
      sc = open_case (f->store, serial, dates[i], &error);
      g_assert_no_error (error);
    }
  assert_order (f->store, -1, "SC-00001,SC-00004,SC-00002,SC-00003");

  /* SC-00001 (the newest) closed, SC-00004 cancelled, SC-00002 in repair: the finished ones
   * go to the end, newest first among them. */
  g_clear_object (&sc);
  sc = st_store_service_close (f->store, "SC-00001", ST_RESOLUTION_REPAIRED, 0, "2024-05-06",
                               &error);
  g_assert_no_error (error);
  g_clear_object (&sc);
  sc = st_store_service_cancel (f->store, "SC-00004", "2024-05-06", &error);
  g_assert_no_error (error);
  g_clear_object (&sc);
  sc = st_store_service_set_status (f->store, "SC-00002", ST_SERVICE_IN_REPAIR, "2024-05-06",
                                    &error);
  g_assert_no_error (error);
  assert_order (f->store, -1, "SC-00002,SC-00003,SC-00001,SC-00004");
  assert_order (f->store, ST_SERVICE_OPEN, "SC-00003");
  st_assert_check_ok (f->store);

  /* Voiding the cancellation reopens SC-00004: back among the open ones. */
  g_clear_object (&sc);
  sc = st_store_service_void_step (f->store, "SC-00004", "2024-05-07", &error);
  g_assert_no_error (error);
  assert_order (f->store, -1, "SC-00004,SC-00002,SC-00003,SC-00001");
  st_assert_check_ok (f->store);

  /* A database of schema v6 with these cases: migrated, the key filled from each case. */
  reopen_as_v6 (f);
  assert_order (f->store, -1, "SC-00004,SC-00002,SC-00003,SC-00001");
  assert_order (f->store, ST_SERVICE_CLOSED, "SC-00001");
  st_assert_check_ok (f->store);
  g_clear_object (&sc);
  sc = st_store_service_close (f->store, "SC-00002", ST_RESOLUTION_UNREPAIRED, 0, "2024-05-08",
                               &error);
  g_assert_no_error (error);
  assert_order (f->store, -1, "SC-00004,SC-00003,SC-00001,SC-00002");
  st_assert_check_ok (f->store);

  /* A key tampered with behind the store's back: the check names the case. */
  st_test_raw_sql (f, "UPDATE service_cases SET sort_key = '02024-05-03'"
                      " WHERE document_id = (SELECT id FROM documents WHERE number = 'SC-00003')");
  {
    g_autoptr(StCheckReport) report = st_store_check (f->store, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (report->problems->len, ==, 1);
    g_assert_cmpstr (g_ptr_array_index (report->problems, 0), ==,
                     "Service case SC-00003 has a wrong sort key: the Service view lists it out "
                     "of order");
  }
}

/* The plan of `warranty expiring`'s query (ST_EXPIRING_ROWS_SQL), one line of text a step. */
static char *
expiring_plan (StFixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StDb) db = st_db_open (f->path, FALSE, &error);
  g_autoptr(StStmt) stmt = NULL;
  gboolean postgres = st_db_get_dialect (db) == ST_DB_DIALECT_POSTGRES;

  g_assert_no_error (error);
  /* PostgreSQL would rather scan a table of four rows; left only index-only scans, it shows
   * whether one index holds all the query reads of units. */
  if (postgres)
    g_assert_true (st_db_exec (db, "SET enable_seqscan = off; SET enable_indexscan = off;"
                                   " SET enable_bitmapscan = off;", &error));
  g_assert_no_error (error);
  stmt = st_db_prepare (db, postgres ? "EXPLAIN (COSTS OFF) " ST_EXPIRING_ROWS_SQL
                                     : "EXPLAIN QUERY PLAN " ST_EXPIRING_ROWS_SQL, &error);
  g_assert_no_error (error);
  st_stmt_bind_text (stmt, 1, "2025-01-01");
  st_stmt_bind_text (stmt, 2, "2025-12-31");
  return st_test_plan_text (stmt);
}

static gboolean
collect_expiring (const StExpiringRow *row,
                  gpointer             data)
{
  g_string_append_printf (data, "%s %s %s %s;", row->warranty_end, row->serial,
                          row->customer != NULL ? row->customer : "-", row->sold_date);
  return TRUE;
}

static char *
expiring_rows (StStore    *store,
               const char *today,
               guint       days)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) rows = g_string_new (NULL);

  g_assert_true (st_store_warranty_expiring_rows (store, today, days, collect_expiring, rows,
                                                  &error));
  g_assert_no_error (error);
  return g_string_free (g_steal_pointer (&rows), FALSE);
}

/* Schema v9: `warranty expiring` reads the units from the index units_warranty_sold alone
 * (sold units with a warranty end, in the list's order, with every column it prints), on both
 * drivers: its plan says so, and its rows are the sold units whose warranty ends in the window,
 * soonest first, ties by unit — not a unit in stock, returned, or sold without a warranty. A
 * database of schema v6 gets the index when it is migrated and lists the same. */
static void
test_expiring_index (StFixture     *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StItem) cable = NULL;
  g_autofree char *plan = NULL;
  g_autofree char *rows = NULL;
  g_autofree char *migrated = NULL;
  StItemSpec spec = { "CB", "Cable", NULL, 500, 200, ST_TRACKING_SERIAL, 0,
                      ST_SERIAL_FORMAT_ANY };
  const char *expected = "2025-03-15 P1 Bob 2024-03-15;"
                         "2025-03-16 P2 Bob 2024-03-16;2025-03-16 P3 Bob 2024-03-16;";

  /* P1 sold 2024-03-15, P2 and P3 2024-03-16 (12 months each), P4 in stock; cable C1 sold
   * without a warranty. */
  setup_sold (f, "2024-03-15");
  post (f->store, ST_DOC_INVOICE, "Bob", "2024-03-16", "P3,P2");
  cable = st_store_add_item (f->store, &spec, &error);
  g_assert_no_error (error);
  {
    g_autoptr(StDraft) bill = st_test_bill ("B-2");
    g_autoptr(StDraft) invoice = st_draft_new (ST_DOC_INVOICE);
    StDraftLine *line;

    line = st_draft_add_line (bill, "CB", 1);
    st_draft_line_set_rate (line, 200);
    st_test_line_add_serials (line, "C1");
    st_test_post_ok (f->store, bill);
    st_draft_set_string (&invoice->contact, "Bob");
    st_draft_set_string (&invoice->warehouse, "Main");
    st_draft_set_string (&invoice->date, "2024-03-16");
    line = st_draft_add_line (invoice, "CB", 1);
    st_draft_line_set_rate (line, 500);
    st_test_line_add_serials (line, "C1");
    st_test_post_ok (f->store, invoice);
  }

  plan = expiring_plan (f);
  if (st_test_postgres ())
    g_assert_nonnull (strstr (plan, "Index Only Scan using units_warranty_sold on units u"));
  else
    g_assert_nonnull (strstr (plan, "SEARCH u USING COVERING INDEX units_warranty_sold"));

  rows = expiring_rows (f->store, "2025-03-01", 30);
  g_assert_cmpstr (rows, ==, expected);
  g_clear_pointer (&rows, g_free);
  rows = expiring_rows (f->store, "2025-03-16", 0);
  g_assert_cmpstr (rows, ==, "2025-03-16 P2 Bob 2024-03-16;2025-03-16 P3 Bob 2024-03-16;");

  reopen_as_v6 (f);
  migrated = expiring_rows (f->store, "2025-03-01", 30);
  g_assert_cmpstr (migrated, ==, expected);
  g_clear_pointer (&plan, g_free);
  plan = expiring_plan (f);
  g_assert_nonnull (strstr (plan, "units_warranty_sold"));
  st_assert_check_ok (f->store);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ST_TEST_ADD ("/service/two-desks-one-wins", test_two_desks);
  ST_TEST_ADD ("/service/check-every-step-and-tampering", test_check_every_step);
  ST_TEST_ADD ("/service/error-codes", test_error_codes);
  ST_TEST_ADD ("/service/lazy-lists", test_lazy_lists);
  ST_TEST_ADD ("/service/sort-key-migrated-from-v6-and-checked", test_sort_key);
  ST_TEST_ADD ("/service/warranty-expiring-from-its-index", test_expiring_index);
  return g_test_run ();
}
