/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-count.c — stock counts by scanning (DESIGN §9, issue 14): each class, units moved after
 * the start, a unit in two counts, two scanners at once, finishing with and without the
 * write-off, and the refusals that change nothing. */
#include "config.h"

#include <string.h>

#include "st-test-util.h"

static void
post_serials (StStore     *store,
              StDocKind    kind,
              const char  *number,
              const char  *contact,
              const char  *warehouse,
              const char  *to_warehouse,
              const char  *sku,
              const char  *serials)
{
  g_autoptr(StDraft) draft = st_draft_new (kind);
  g_auto(GStrv) parts = g_strsplit (serials, ",", -1);

  st_draft_set_string (&draft->number, number);
  st_draft_set_string (&draft->contact, contact);
  st_draft_set_string (&draft->warehouse, warehouse);
  st_draft_set_string (&draft->to_warehouse, to_warehouse);
  if (kind == ST_DOC_ADJUSTMENT)
    st_draft_set_string (&draft->reason, "test");
  st_test_line_add_serials (st_draft_add_line (draft, sku, g_strv_length (parts)), serials);
  st_test_post_ok (store, draft);
}

static void
post_transfer (StStore    *store,
               const char *from,
               const char *to,
               gboolean    in_transit,
               const char *serials)
{
  g_autoptr(StDraft) draft = st_draft_new (ST_DOC_TRANSFER);
  g_auto(GStrv) parts = g_strsplit (serials, ",", -1);

  st_draft_set_string (&draft->warehouse, from);
  st_draft_set_string (&draft->to_warehouse, to);
  draft->in_transit = in_transit;
  st_test_line_add_serials (st_draft_add_line (draft, "TOOL", g_strv_length (parts)), serials);
  st_test_post_ok (store, draft);
}

static char *
start (StStore            *store,
       const char         *warehouse,
       const char * const *skus)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StCount) count = st_store_count_start (store, warehouse, skus, "2024-05-01", &error);

  g_assert_no_error (error);
  g_assert_false (st_count_get_finished (count));
  return g_strdup (st_count_get_number (count));
}

/* Scans @serial and asserts its class; returns the scan. */
static StCountScan *
scan_is (StStore     *store,
         const char  *number,
         const char  *serial,
         StScanClass  klass)
{
  g_autoptr(GError) error = NULL;
  StCountScan *scan = st_store_count_scan (store, number, serial, &error);

  g_assert_no_error (error);
  g_assert_nonnull (scan);
  if (st_count_scan_get_class (scan) != klass)
    g_error ("%s: %s, not %s", serial, st_scan_class_to_string (st_count_scan_get_class (scan)),
             st_scan_class_to_string (klass));
  return scan;
}

static void
scan_ok (StStore     *store,
         const char  *number,
         const char  *serial,
         StScanClass  klass)
{
  g_object_unref (scan_is (store, number, serial, klass));
}

static char *
serials_of (GPtrArray *units)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < units->len; i++)
    g_string_append_printf (s, "%s%s", i > 0 ? "," : "",
                            st_unit_get_serial (g_ptr_array_index (units, i)));
  return g_string_free (s, FALSE);
}

static char *
scan_serials_of (GPtrArray *scans)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < scans->len; i++)
    g_string_append_printf (s, "%s%s", i > 0 ? "," : "",
                            st_count_scan_get_serial (g_ptr_array_index (scans, i)));
  return g_string_free (s, FALSE);
}

static const char *
status_of (StStore    *store,
           const char *serial)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StUnit) unit = st_store_find_unit (store, serial, "TOOL", &error);

  g_assert_no_error (error);
  return st_unit_status_to_string (st_unit_get_status (unit));
}

/* The "done when": a shelf with two units missing, one from another warehouse, one
 * already sold and one unknown serial reports exactly those, writes the two missing off on
 * request and passes check. */
static void
test_done_when (StFixture     *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StCountReport) report = NULL;
  g_autoptr(StCountScan) elsewhere = NULL, sold = NULL;
  g_autoptr(StCount) again = NULL;
  g_autofree char *number = NULL, *missing = NULL, *unexpected = NULL;
  g_autofree char *describe = NULL;
  StUnitStatus status;

  post_serials (f->store, ST_DOC_BILL, "B1", "Acme", "Main", NULL, "TOOL", "T1,T2,T3,T4,T5,T6");
  post_serials (f->store, ST_DOC_BILL, "B2", "Acme", "Shop", NULL, "TOOL", "T7");
  post_serials (f->store, ST_DOC_INVOICE, NULL, "Bob", "Main", NULL, "TOOL", "T6");
  number = start (f->store, "Main", NULL);
  g_assert_cmpstr (number, ==, "CNT-00001");

  scan_ok (f->store, number, "T1", ST_SCAN_FOUND);
  scan_ok (f->store, number, " t2 ", ST_SCAN_FOUND);   /* trimmed, any case */
  scan_ok (f->store, number, "T3", ST_SCAN_FOUND);
  elsewhere = scan_is (f->store, number, "T7", ST_SCAN_ELSEWHERE);
  g_assert_cmpstr (st_count_scan_get_warehouse (elsewhere), ==, "Shop");
  describe = st_count_scan_describe (elsewhere);
  g_assert_nonnull (strstr (describe, "Shop"));
  sold = scan_is (f->store, number, "T6", ST_SCAN_NOT_IN_STOCK);
  g_assert_true (st_count_scan_get_status (sold, &status));
  g_assert_cmpint (status, ==, ST_UNIT_SOLD);
  scan_ok (f->store, number, "NOPE-1", ST_SCAN_UNKNOWN);

  report = st_store_count_report (f->store, number, &error);
  g_assert_no_error (error);
  missing = serials_of (report->missing);
  unexpected = scan_serials_of (report->unexpected);
  g_assert_cmpstr (missing, ==, "T4,T5");
  g_assert_cmpstr (unexpected, ==, "T7,T6,NOPE-1");
  g_assert_cmpuint (report->moved->len, ==, 0);
  g_assert_cmpint (st_count_get_n_expected (report->count), ==, 5);
  g_assert_cmpint (st_count_get_n_scans (report->count, ST_SCAN_FOUND), ==, 3);
  g_assert_cmpint (st_count_get_n_unexpected (report->count), ==, 3);
  g_clear_pointer (&report, st_count_report_free);
  g_clear_pointer (&missing, g_free);

  report = st_store_count_finish (f->store, number, TRUE, "2024-05-02", &error);
  g_assert_no_error (error);
  g_assert_nonnull (report->adjustment);
  g_assert_cmpint (st_document_get_kind (report->adjustment), ==, ST_DOC_ADJUSTMENT);
  g_assert_cmpstr (st_document_get_reason (report->adjustment), ==, "Stock count CNT-00001");
  g_assert_cmpint (st_document_get_quantity (report->adjustment), ==, -2);
  g_assert_true (st_count_get_finished (report->count));
  g_assert_cmpstr (st_count_get_adjustment (report->count), ==,
                   st_document_get_number (report->adjustment));
  /* The frozen list still names what was missing, written off now. */
  missing = serials_of (report->missing);
  g_assert_cmpstr (missing, ==, "T4,T5");
  g_assert_cmpstr (status_of (f->store, "T4"), ==, "written_off");
  g_assert_cmpstr (status_of (f->store, "T5"), ==, "written_off");
  g_assert_cmpstr (status_of (f->store, "T1"), ==, "in_stock");
  st_assert_check_ok (f->store);

  /* Finishing twice, and scanning into a finished count, are refused. */
  g_clear_pointer (&report, st_count_report_free);
  report = st_store_count_finish (f->store, number, TRUE, NULL, &error);
  g_assert_error (error, ST_ERROR, ST_ERROR_DOCUMENT_STATE);
  g_assert_null (report);
  g_clear_error (&error);
  g_assert_null (st_store_count_scan (f->store, number, "T4", &error));
  g_assert_error (error, ST_ERROR, ST_ERROR_DOCUMENT_STATE);
  g_clear_error (&error);
  again = st_store_get_count (f->store, number, &error);
  g_assert_no_error (error);
  g_assert_cmpint (st_count_get_n_scans (again, ST_SCAN_FOUND), ==, 3);
}

/* again, ambiguous, in transit (elsewhere), and both kinds of moved. */
static void
test_classes (StFixture     *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StItem) twin = NULL;
  g_autoptr(StCountScan) ambiguous = NULL, transit = NULL, moved_out = NULL;
  g_autoptr(StCountReport) report = NULL;
  g_autofree char *number = NULL, *moved = NULL, *missing = NULL;
  StItemSpec spec = { "TWIN", "Twin drill", NULL, 100, 50, ST_TRACKING_SERIAL, 0,
                      ST_SERIAL_FORMAT_ANY };

  twin = st_store_add_item (f->store, &spec, &error);
  g_assert_no_error (error);
  post_serials (f->store, ST_DOC_BILL, "B1", "Acme", "Main", NULL, "TOOL",
                "A1,A2,A3,A4,A5,DUP,DUP2");
  post_serials (f->store, ST_DOC_BILL, "B2", "Acme", "Shop", NULL, "TWIN", "DUP,DUP2,DUP3");
  post_serials (f->store, ST_DOC_BILL, "B3", "Acme", "Shop", NULL, "TOOL", "S1,S2,S3,DUP3");
  post_transfer (f->store, "Shop", "Main", TRUE, "S1");   /* on its way here */
  number = start (f->store, "Main", NULL);

  scan_ok (f->store, number, "A1", ST_SCAN_FOUND);
  scan_ok (f->store, number, "a1", ST_SCAN_AGAIN);
  /* DUP: TOOL's is expected here, TWIN's is at Shop — settled; scanned twice: again. */
  scan_ok (f->store, number, "DUP", ST_SCAN_FOUND);
  scan_ok (f->store, number, "DUP", ST_SCAN_AGAIN);
  transit = scan_is (f->store, number, "S1", ST_SCAN_ELSEWHERE);
  g_assert_cmpstr (st_count_scan_get_warehouse (transit), ==, "Main");

  /* After the start: A2 sold, A3 moved to Shop, S2 moved here, S3 written off. */
  post_serials (f->store, ST_DOC_INVOICE, NULL, "Bob", "Main", NULL, "TOOL", "A2");
  post_transfer (f->store, "Main", "Shop", FALSE, "A3");
  post_transfer (f->store, "Shop", "Main", FALSE, "S2");
  moved_out = scan_is (f->store, number, "A2", ST_SCAN_MOVED);
  g_assert_cmpstr (st_count_scan_get_sku (moved_out), ==, "TOOL");
  scan_ok (f->store, number, "S2", ST_SCAN_MOVED);
  scan_ok (f->store, number, "S2", ST_SCAN_AGAIN);

  /* Two items have DUP2, TOOL's expected here and sold since: that settles it, moved. */
  post_serials (f->store, ST_DOC_INVOICE, NULL, "Bob", "Main", NULL, "TOOL", "DUP2");
  scan_ok (f->store, number, "dup2", ST_SCAN_MOVED);
  /* A serial two items have and neither is expected: ambiguous, naming both. */
  ambiguous = scan_is (f->store, number, "dup3", ST_SCAN_AMBIGUOUS);
  g_assert_cmpstr (st_count_scan_get_items (ambiguous), ==, "TOOL, TWIN");
  g_assert_cmpint (st_count_scan_get_unit_id (ambiguous), ==, 0);

  report = st_store_count_report (f->store, number, &error);
  g_assert_no_error (error);
  /* A3 left through a transfer: moved, never missing. */
  moved = serials_of (report->moved);
  g_assert_cmpstr (moved, ==, "A3");
  missing = serials_of (report->missing);
  g_assert_cmpstr (missing, ==, "A4,A5");
  g_assert_cmpint (st_count_get_n_scans (report->count, ST_SCAN_AGAIN), ==, 3);
  g_assert_cmpint (st_count_get_n_scans (report->count, ST_SCAN_MOVED), ==, 3);
  g_assert_cmpint (st_count_get_n_scans (report->count, ST_SCAN_AMBIGUOUS), ==, 1);
  g_assert_cmpint (st_count_get_n_scans (report->count, ST_SCAN_ELSEWHERE), ==, 1);
}

/* Bad input changes nothing and names what was wrong. */
static void
test_refusals (StFixture     *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StCount) count = NULL;
  g_autoptr(GPtrArray) counts = NULL;
  g_autofree char *number = NULL;
  g_autofree char *long_serial = g_strnfill (101, 'X');
  const char *bad_sku[] = { "NOSUCH", NULL };
  const char *tool[] = { "TOOL", NULL };

  post_serials (f->store, ST_DOC_BILL, "B1", "Acme", "Main", NULL, "TOOL", "T1,T2");
  post_serials (f->store, ST_DOC_BILL, "B2", "Acme", "Main", NULL, "PHONE", "490154203237518");

  g_assert_null (st_store_count_start (f->store, "Nowhere", NULL, NULL, &error));
  g_assert_error (error, ST_ERROR, ST_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "Nowhere"));
  g_clear_error (&error);
  g_assert_null (st_store_count_start (f->store, "Main", bad_sku, NULL, &error));
  g_assert_error (error, ST_ERROR, ST_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "NOSUCH"));
  g_clear_error (&error);
  g_assert_null (st_store_count_start (f->store, "Main", NULL, "2024-02-30", &error));
  g_assert_error (error, ST_ERROR, ST_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  counts = st_store_list_counts (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (counts->len, ==, 0);

  number = start (f->store, "Main", tool);
  g_assert_null (st_store_count_scan (f->store, "CNT-09999", "T1", &error));
  g_assert_error (error, ST_ERROR, ST_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (st_store_count_scan (f->store, number, "   ", &error));
  g_assert_error (error, ST_ERROR, ST_ERROR_INVALID_SERIAL);
  g_clear_error (&error);
  g_assert_null (st_store_count_scan (f->store, number, long_serial, &error));
  g_assert_error (error, ST_ERROR, ST_ERROR_INVALID_SERIAL);
  g_clear_error (&error);
  g_assert_null (st_store_count_scan (f->store, number, "T1\x01", &error));
  g_assert_error (error, ST_ERROR, ST_ERROR_INVALID_SERIAL);
  g_clear_error (&error);
  /* A phone is not counted by a count of drills. */
  g_assert_null (st_store_count_scan (f->store, number, "490154203237518", &error));
  g_assert_error (error, ST_ERROR, ST_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (error->message, "PHONE"));
  g_clear_error (&error);

  count = st_store_get_count (f->store, number, &error);
  g_assert_no_error (error);
  g_assert_cmpint (st_count_get_n_expected (count), ==, 2);
  for (guint i = 0; i < ST_N_SCAN_CLASSES; i++)
    g_assert_cmpint (st_count_get_n_scans (count, i), ==, 0);
  g_assert_cmpstr (st_count_get_skus (count)[0], ==, "TOOL");
}

/* One unit in two counts (two warehouses' worth of the same shelf) is found in each. */
static void
test_two_counts (StFixture     *f,
                 gconstpointer  data)
{
  g_autofree char *a = NULL, *b = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) counts = NULL;

  post_serials (f->store, ST_DOC_BILL, "B1", "Acme", "Main", NULL, "TOOL", "T1,T2");
  a = start (f->store, "Main", NULL);
  b = start (f->store, "Main", NULL);
  g_assert_cmpstr (b, ==, "CNT-00002");
  scan_ok (f->store, a, "T1", ST_SCAN_FOUND);
  scan_ok (f->store, b, "T1", ST_SCAN_FOUND);
  scan_ok (f->store, a, "T1", ST_SCAN_AGAIN);
  counts = st_store_list_counts (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (counts->len, ==, 2);
  g_assert_cmpstr (st_count_get_number (g_ptr_array_index (counts, 0)), ==, "CNT-00002");
  g_assert_cmpint (st_count_get_n_scans (g_ptr_array_index (counts, 0), ST_SCAN_FOUND), ==, 1);
  g_assert_cmpint (st_count_get_n_scans (g_ptr_array_index (counts, 1), ST_SCAN_AGAIN), ==, 1);
}

/* Without the write-off the missing stay in stock; nothing is posted. */
static void
test_finish_without_write_off (StFixture     *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StCountReport) report = NULL;
  g_autofree char *number = NULL, *missing = NULL;

  post_serials (f->store, ST_DOC_BILL, "B1", "Acme", "Main", NULL, "TOOL", "T1,T2,T3");
  number = start (f->store, "Main", NULL);
  scan_ok (f->store, number, "T2", ST_SCAN_FOUND);
  report = st_store_count_finish (f->store, number, FALSE, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (report->adjustment);
  g_assert_null (st_count_get_adjustment (report->count));
  missing = serials_of (report->missing);
  g_assert_cmpstr (missing, ==, "T1,T3");
  g_assert_cmpstr (status_of (f->store, "T1"), ==, "in_stock");
  g_assert_cmpstr (status_of (f->store, "T3"), ==, "in_stock");
  st_assert_check_ok (f->store);
}

/* Quantity items are counted by number; the write-off sets them to what was counted. */
static void
test_quantities (StFixture     *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StDraft) draft = st_test_bill ("B1");
  g_autoptr(StDocument) doc = NULL;
  g_autoptr(StCountReport) report = NULL;
  g_autoptr(StItem) cable = NULL;
  g_autofree char *number = NULL;
  StCountQuantity *q;

  st_draft_add_line (draft, "CABLE", 10);
  doc = st_store_post (f->store, draft, &error);
  g_assert_no_error (error);
  number = start (f->store, "Main", NULL);

  g_assert_false (st_store_count_set_quantity (f->store, number, "TOOL", 3, &error));
  g_assert_error (error, ST_ERROR, ST_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_false (st_store_count_set_quantity (f->store, number, "CABLE", -1, &error));
  g_assert_error (error, ST_ERROR, ST_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_true (st_store_count_set_quantity (f->store, number, "CABLE", 9, &error));
  g_assert_true (st_store_count_set_quantity (f->store, number, "cable", 7, &error));
  g_assert_no_error (error);

  report = st_store_count_finish (f->store, number, TRUE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->quantities->len, ==, 1);
  q = g_ptr_array_index (report->quantities, 0);
  g_assert_cmpstr (q->sku, ==, "CABLE");
  g_assert_cmpint (q->expected, ==, 10);
  g_assert_true (q->has_counted);
  g_assert_cmpint (q->counted, ==, 7);
  g_assert_cmpint (q->on_hand, ==, 10);   /* frozen before the write-off */
  g_assert_nonnull (report->adjustment);
  g_assert_cmpint (st_document_get_quantity (report->adjustment), ==, -3);
  cable = st_store_find_item (f->store, "CABLE", &error);
  g_assert_cmpint (st_item_get_on_hand (cable), ==, 7);
  st_assert_check_ok (f->store);
}

/* A count outlives the program: closed and opened again, it goes on. */
static void
test_survives_reopen (StFixture     *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StCount) count = NULL;
  g_autoptr(GPtrArray) recent = NULL;
  g_autofree char *number = NULL;

  post_serials (f->store, ST_DOC_BILL, "B1", "Acme", "Main", NULL, "TOOL", "T1,T2");
  number = start (f->store, "Main", NULL);
  scan_ok (f->store, number, "T1", ST_SCAN_FOUND);
  g_clear_object (&f->store);
  f->store = st_store_open (f->path, 0, &error);
  g_assert_no_error (error);
  scan_ok (f->store, number, "T1", ST_SCAN_AGAIN);
  scan_ok (f->store, number, "T2", ST_SCAN_FOUND);
  count = st_store_get_count (f->store, number, &error);
  g_assert_no_error (error);
  g_assert_cmpint (st_count_get_n_scans (count, ST_SCAN_FOUND), ==, 2);
  recent = st_store_count_recent_scans (f->store, number, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (recent->len, ==, 2);
  g_assert_cmpstr (st_count_scan_get_serial (g_ptr_array_index (recent, 0)), ==, "T2");
}

/* Many serials in batches: refused ones reported in their place, the rest scanned. */
typedef struct
{
  GString *classes;
  guint    n_refused;
} Collected;

static void
collect_cb (guint         index,
            const char   *serial,
            StCountScan  *scan,
            const GError *refusal,
            gpointer      user_data)
{
  Collected *c = user_data;

  if (c->classes->len > 0)
    g_string_append_c (c->classes, ',');
  if (scan == NULL)
    {
      g_assert_nonnull (refusal);
      c->n_refused++;
      g_string_append (c->classes, "refused");
    }
  else
    g_string_append (c->classes, st_scan_class_to_string (st_count_scan_get_class (scan)));
}

static void
test_scan_many (StFixture     *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *number = NULL;
  g_autofree char *long_serial = g_strnfill (200, 'Y');
  const char *serials[] = { "T1", "", "T2", "T1", long_serial, "ZZ", "T3" };
  Collected c = { g_string_new (NULL), 0 };

  post_serials (f->store, ST_DOC_BILL, "B1", "Acme", "Main", NULL, "TOOL", "T1,T2,T3");
  number = start (f->store, "Main", NULL);
  g_assert_true (st_store_count_scan_many (f->store, number, serials, G_N_ELEMENTS (serials), 2,
                                           collect_cb, &c, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (c.classes->str, ==, "found,refused,found,again,refused,unknown,found");
  g_assert_cmpuint (c.n_refused, ==, 2);
  g_string_free (c.classes, TRUE);
}

/* Two scanners on one count, each with a connection of its own, scanning the same serials at
 * the same time: each serial is found once and scanned again once. */
typedef struct
{
  StStore    *store;
  const char *number;
  GPtrArray  *serials;
} Scanner;

static gpointer
scanner_thread (gpointer data)
{
  Scanner *s = data;

  for (guint i = 0; i < s->serials->len; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(StCountScan) scan = st_store_count_scan (s->store, s->number,
                                                         g_ptr_array_index (s->serials, i),
                                                         &error);
      g_assert_no_error (error);
    }
  return NULL;
}

static void
test_two_scanners (StFixture     *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) serials = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(StStore) other = NULL;
  g_autoptr(StCount) count = NULL;
  g_autoptr(StCountReport) report = NULL;
  g_autoptr(GString) list = g_string_new (NULL);
  g_autofree char *number = NULL;
  Scanner a, b;
  GThread *ta, *tb;
  const guint n = 60;

  for (guint i = 0; i < n; i++)
    {
      g_ptr_array_add (serials, g_strdup_printf ("R%03u", i));
      g_string_append_printf (list, "%sR%03u", i > 0 ? "," : "", i);
    }
  post_serials (f->store, ST_DOC_BILL, "B1", "Acme", "Main", NULL, "TOOL", list->str);
  number = start (f->store, "Main", NULL);
  other = st_store_open_again (f->store, &error);
  g_assert_no_error (error);
  a = (Scanner) { f->store, number, serials };
  b = (Scanner) { other, number, serials };
  ta = g_thread_new ("scanner-a", scanner_thread, &a);
  tb = g_thread_new ("scanner-b", scanner_thread, &b);
  g_thread_join (ta);
  g_thread_join (tb);

  count = st_store_get_count (f->store, number, &error);
  g_assert_no_error (error);
  g_assert_cmpint (st_count_get_n_scans (count, ST_SCAN_FOUND), ==, n);
  g_assert_cmpint (st_count_get_n_scans (count, ST_SCAN_AGAIN), ==, n);
  report = st_store_count_report (f->store, number, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->missing->len, ==, 0);
}

/* A count and its scans go along with a copy of the database. */
static void
test_copy (StFixture     *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StCheckReport) check = NULL;
  g_autoptr(StStore) copy = NULL;
  g_autoptr(StCount) count = NULL;
  g_autofree char *number = NULL;
  g_autofree char *target = g_build_filename (f->dir, "copy.serialtrack", NULL);

  post_serials (f->store, ST_DOC_BILL, "B1", "Acme", "Main", NULL, "TOOL", "T1,T2");
  number = start (f->store, "Main", NULL);
  scan_ok (f->store, number, "T1", ST_SCAN_FOUND);
  check = st_store_copy (f->store, target, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (check->problems->len, ==, 0);
  copy = st_store_open (target, 0, &error);
  g_assert_no_error (error);
  count = st_store_get_count (copy, number, &error);
  g_assert_no_error (error);
  g_assert_cmpint (st_count_get_n_expected (count), ==, 2);
  g_assert_cmpint (st_count_get_n_scans (count, ST_SCAN_FOUND), ==, 1);
  g_clear_object (&copy);
  g_unlink (target);
}

/* The asynchronous calls (the app's): answers as the synchronous ones, "changed" emitted. */
static void
got_cb (GObject      *source,
        GAsyncResult *result,
        gpointer      data)
{
  *(GAsyncResult **) data = g_object_ref (result);
}

static GAsyncResult *
wait_result (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

static void
changed_cb (StStore *store,
            guint   *n)
{
  (*n)++;
}

static void
test_async (StFixture     *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StCount) count = NULL;
  g_autoptr(StCountScan) scan = NULL;
  g_autoptr(StCountReport) report = NULL;
  GAsyncResult *result = NULL;
  guint n_changed = 0;

  post_serials (f->store, ST_DOC_BILL, "B1", "Acme", "Main", NULL, "TOOL", "T1,T2");
  g_signal_connect (f->store, "changed", G_CALLBACK (changed_cb), &n_changed);
  st_store_count_start_async (f->store, "Main", "TOOL", NULL, NULL, got_cb, &result);
  count = st_store_count_start_finish (f->store, wait_result (&result), &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  g_assert_cmpint (st_count_get_n_expected (count), ==, 2);

  st_store_count_scan_async (f->store, st_count_get_number (count), "T1", NULL, got_cb, &result);
  scan = st_store_count_scan_finish (f->store, wait_result (&result), &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  g_assert_cmpint (st_count_scan_get_class (scan), ==, ST_SCAN_FOUND);

  st_store_count_scan_async (f->store, st_count_get_number (count), "", NULL, got_cb, &result);
  g_assert_null (st_store_count_scan_finish (f->store, wait_result (&result), &error));
  g_assert_error (error, ST_ERROR, ST_ERROR_INVALID_SERIAL);
  g_clear_error (&error);
  g_clear_object (&result);

  st_store_count_finish_async (f->store, st_count_get_number (count), TRUE, NULL, NULL, got_cb,
                               &result);
  report = st_store_count_finish_finish (f->store, wait_result (&result), &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  g_assert_cmpuint (report->missing->len, ==, 1);
  g_assert_nonnull (report->adjustment);
  g_assert_cmpuint (n_changed, ==, 3);
  g_signal_handlers_disconnect_by_func (f->store, changed_cb, &n_changed);
  st_assert_check_ok (f->store);
}

/* The lazy lists the app shows: every count (open first), a count's missing units and its
 * unexpected scans, open and then frozen by the finish. */
static void
test_lists (StFixture     *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StListModel) counts = NULL, missing = NULL, unexpected = NULL;
  g_autoptr(StCount) count = NULL, first = NULL, second = NULL;
  g_autoptr(StCountReport) report = NULL;
  g_autoptr(StUnit) unit = NULL;
  g_autoptr(StCountScan) scan = NULL;
  g_autofree char *a = NULL, *b = NULL, *tally = NULL;

  post_serials (f->store, ST_DOC_BILL, "B1", "Acme", "Main", NULL, "TOOL", "T1,T2,T3,T4");
  post_serials (f->store, ST_DOC_BILL, "B2", "Acme", "Shop", NULL, "TOOL", "T7");
  a = start (f->store, "Main", NULL);
  b = start (f->store, "Shop", NULL);
  scan_ok (f->store, a, "T1", ST_SCAN_FOUND);
  scan_ok (f->store, a, "T7", ST_SCAN_ELSEWHERE);
  scan_ok (f->store, a, "NOPE", ST_SCAN_UNKNOWN);
  scan_ok (f->store, a, "T1", ST_SCAN_AGAIN);
  report = st_store_count_finish (f->store, b, FALSE, NULL, &error);
  g_assert_no_error (error);
  g_clear_pointer (&report, st_count_report_free);

  /* The open count first, though the finished one is newer. */
  counts = st_store_count_list_all (f->store);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (counts)), ==, 2);
  first = g_list_model_get_item (G_LIST_MODEL (counts), 0);
  second = g_list_model_get_item (G_LIST_MODEL (counts), 1);
  g_assert_cmpstr (st_count_get_number (first), ==, a);
  g_assert_false (st_count_get_finished (first));
  g_assert_cmpstr (st_count_get_warehouse (first), ==, "Main");
  g_assert_cmpint (st_count_get_n_scans (first, ST_SCAN_FOUND), ==, 1);
  g_assert_cmpint (st_count_get_n_scans (first, ST_SCAN_AGAIN), ==, 1);
  tally = st_count_describe_tally (first);
  g_assert_cmpstr (tally, ==, "1 of 4 found, 2 unexpected");
  g_assert_cmpstr (st_count_get_number (second), ==, b);
  g_assert_true (st_count_get_finished (second));
  st_list_model_set_filter (counts, "shop");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (counts)), ==, 1);

  count = st_store_get_count (f->store, a, &error);
  g_assert_no_error (error);
  missing = st_store_count_list_missing (f->store, count);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (missing)), ==, 3);
  unit = g_list_model_get_item (G_LIST_MODEL (missing), 0);
  g_assert_cmpstr (st_unit_get_serial (unit), ==, "T2");
  g_clear_object (&unit);
  unexpected = st_store_count_list_unexpected (f->store, count);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (unexpected)), ==, 2);
  scan = g_list_model_get_item (G_LIST_MODEL (unexpected), 0);
  g_assert_cmpstr (st_count_scan_get_serial (scan), ==, "T7");
  g_assert_cmpint (st_count_scan_get_class (scan), ==, ST_SCAN_ELSEWHERE);
  g_clear_object (&scan);

  /* Finished with the write-off: the frozen list, though the units are written off now. */
  report = st_store_count_finish (f->store, a, TRUE, NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&missing);
  g_clear_object (&count);
  count = st_store_get_count (f->store, a, &error);
  g_assert_no_error (error);
  missing = st_store_count_list_missing (f->store, count);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (missing)), ==, 3);
  unit = g_list_model_get_item (G_LIST_MODEL (missing), 2);
  g_assert_cmpstr (st_unit_get_serial (unit), ==, "T4");
  g_assert_cmpint (st_unit_get_status (unit), ==, ST_UNIT_WRITTEN_OFF);
  st_assert_check_ok (f->store);
}

/* The units found at other warehouses come here by transfers, one from each warehouse; units
 * sold or in transit stay out. */
static void
test_transfer_elsewhere (StFixture     *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = NULL;
  g_autoptr(StWarehouse) depot = NULL;
  g_autofree char *number = NULL;
  StDocument *doc;

  depot = st_store_add_warehouse (f->store, "Depot", &error);
  g_assert_no_error (error);
  post_serials (f->store, ST_DOC_BILL, "B1", "Acme", "Main", NULL, "TOOL", "T1");
  post_serials (f->store, ST_DOC_BILL, "B2", "Acme", "Shop", NULL, "TOOL", "S1,S2,S3");
  post_serials (f->store, ST_DOC_BILL, "B3", "Acme", "Depot", NULL, "TOOL", "D1");
  post_transfer (f->store, "Shop", "Depot", TRUE, "S3");
  number = start (f->store, "Main", NULL);
  scan_ok (f->store, number, "T1", ST_SCAN_FOUND);
  scan_ok (f->store, number, "S1", ST_SCAN_ELSEWHERE);
  scan_ok (f->store, number, "S2", ST_SCAN_ELSEWHERE);
  scan_ok (f->store, number, "S3", ST_SCAN_ELSEWHERE);   /* in transit */
  scan_ok (f->store, number, "D1", ST_SCAN_ELSEWHERE);
  post_serials (f->store, ST_DOC_INVOICE, NULL, "Bob", "Shop", NULL, "TOOL", "S2");

  docs = st_store_count_transfer_elsewhere (f->store, number, "2024-05-03", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (docs->len, ==, 2);
  doc = g_ptr_array_index (docs, 0);
  g_assert_cmpint (st_document_get_kind (doc), ==, ST_DOC_TRANSFER);
  g_assert_cmpstr (st_document_get_warehouse (doc), ==, "Depot");
  g_assert_cmpstr (st_document_get_to_warehouse (doc), ==, "Main");
  doc = g_ptr_array_index (docs, 1);
  g_assert_cmpstr (st_document_get_warehouse (doc), ==, "Shop");
  g_assert_cmpint (st_document_get_quantity (doc), ==, 1);
  g_assert_cmpstr (status_of (f->store, "S1"), ==, "in_stock");
  g_assert_cmpstr (status_of (f->store, "S2"), ==, "sold");
  g_assert_cmpstr (status_of (f->store, "S3"), ==, "in_transit");
  {
    g_autoptr(StUnit) s1 = st_store_find_unit (f->store, "S1", "TOOL", &error);

    g_assert_no_error (error);
    g_assert_cmpstr (st_unit_get_warehouse (s1), ==, "Main");
  }
  /* Nothing left to bring: no transfer. */
  g_clear_pointer (&docs, g_ptr_array_unref);
  docs = st_store_count_transfer_elsewhere (f->store, number, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (docs->len, ==, 0);
  st_assert_check_ok (f->store);
}

/* check reads the count tables: each inconsistency put in behind the store's back is named. */
static void
test_check (StFixture     *f,
            gconstpointer  data)
{
  static const struct
  {
    const char *breaks;
    const char *repairs;
    const char *problem;
  } cases[] = {
    { "UPDATE counts SET n_expected = 9", "UPDATE counts SET n_expected = 3",
      "Count CNT-00001 says it expected 9 units, but its expected set holds 3" },
    { "UPDATE count_scans SET class = 'found' WHERE serial = 'NOPE'",
      "UPDATE count_scans SET class = 'unknown' WHERE serial = 'NOPE'",
      "Count CNT-00001: the scan of “NOPE” does not match its class" },
    { "UPDATE count_scans SET class = 'found' WHERE serial = 'T7'",
      "UPDATE count_scans SET class = 'elsewhere' WHERE serial = 'T7'",
      "Count CNT-00001 found unit “T7”, which it did not expect" },
    { "UPDATE count_expected SET missing = 1", "UPDATE count_expected SET missing = 0",
      "Count CNT-00001 lists unit “T2” as missing, but it is open or found the unit" },
    { "UPDATE counts SET finished_date = '2024-05-09'", "UPDATE counts SET finished_date = NULL",
      "Count CNT-00001: its status disagrees with its finish date or write-off" },
    { "DELETE FROM count_scans WHERE serial = 'T1' AND class = 'found'", NULL,
      "Count CNT-00001 has “T1” scanned again, but never a first time" },
  };
  g_autofree char *number = NULL;

  post_serials (f->store, ST_DOC_BILL, "B1", "Acme", "Main", NULL, "TOOL", "T1,T2,T3");
  post_serials (f->store, ST_DOC_BILL, "B2", "Acme", "Shop", NULL, "TOOL", "T7");
  number = start (f->store, "Main", NULL);
  scan_ok (f->store, number, "T1", ST_SCAN_FOUND);
  scan_ok (f->store, number, "T1", ST_SCAN_AGAIN);
  scan_ok (f->store, number, "T7", ST_SCAN_ELSEWHERE);
  scan_ok (f->store, number, "NOPE", ST_SCAN_UNKNOWN);
  st_assert_check_ok (f->store);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(StCheckReport) report = NULL;
      gboolean named = FALSE;

      st_test_raw_sql (f, cases[i].breaks);
      report = st_store_check (f->store, &error);
      g_assert_no_error (error);
      for (guint j = 0; j < report->problems->len; j++)
        named = named || g_strcmp0 (g_ptr_array_index (report->problems, j),
                                    cases[i].problem) == 0;
      if (!named)
        g_error ("%s: not named “%s” (%u problems)", cases[i].breaks, cases[i].problem,
                 report->problems->len);
      if (cases[i].repairs != NULL)
        {
          st_test_raw_sql (f, cases[i].repairs);
          st_assert_check_ok (f->store);
        }
    }
}

/* Pasted lines scanned in the worker: blank lines skipped, refusals named by line. */
static void
test_scan_many_async (StFixture     *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StCountBatch) batch = NULL;
  g_autoptr(StCount) count = NULL;
  g_autofree char *number = NULL;
  g_autofree char *text = NULL;
  g_autofree char *long_serial = g_strnfill (200, 'Y');
  GAsyncResult *result = NULL;

  post_serials (f->store, ST_DOC_BILL, "B1", "Acme", "Main", NULL, "TOOL", "T1,T2,T3");
  number = start (f->store, "Main", NULL);
  text = g_strdup_printf ("T1\r\n\n  T2  \n%s\nZZ\nT1\n", long_serial);
  st_store_count_scan_many_async (f->store, number, text, NULL, NULL, NULL, NULL, got_cb,
                                  &result);
  batch = st_store_count_scan_many_finish (f->store, wait_result (&result), &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  g_assert_cmpuint (batch->n_lines, ==, 5);
  g_assert_cmpuint (batch->n_scanned, ==, 4);
  g_assert_cmpuint (batch->n_refused, ==, 1);
  g_assert_cmpuint (batch->refusals->len, ==, 1);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (batch->refusals, 0), "Line 4: "));
  count = st_store_get_count (f->store, number, &error);
  g_assert_no_error (error);
  g_assert_cmpint (st_count_get_n_scans (count, ST_SCAN_FOUND), ==, 2);
  g_assert_cmpint (st_count_get_n_scans (count, ST_SCAN_UNKNOWN), ==, 1);
  g_assert_cmpint (st_count_get_n_scans (count, ST_SCAN_AGAIN), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ST_TEST_ADD ("/count/done-when", test_done_when);
  ST_TEST_ADD ("/count/classes", test_classes);
  ST_TEST_ADD ("/count/refusals", test_refusals);
  ST_TEST_ADD ("/count/two-counts", test_two_counts);
  ST_TEST_ADD ("/count/finish-without-write-off", test_finish_without_write_off);
  ST_TEST_ADD ("/count/quantities", test_quantities);
  ST_TEST_ADD ("/count/survives-reopen", test_survives_reopen);
  ST_TEST_ADD ("/count/scan-many", test_scan_many);
  ST_TEST_ADD ("/count/two-scanners", test_two_scanners);
  ST_TEST_ADD ("/count/copy", test_copy);
  ST_TEST_ADD ("/count/async", test_async);
  ST_TEST_ADD ("/count/lists", test_lists);
  ST_TEST_ADD ("/count/transfer-elsewhere", test_transfer_elsewhere);
  ST_TEST_ADD ("/count/check", test_check);
  ST_TEST_ADD ("/count/scan-many-async", test_scan_many_async);

  return g_test_run ();
}
