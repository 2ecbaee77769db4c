/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "st-test-util.h"

static StDocument *
post (StStore     *store,
      StDocKind    kind,
      const char  *number,
      const char  *date,
      const char  *contact,
      const char  *warehouse,
      const char  *to_warehouse,
      const char  *sku,
      gint64       quantity,
      const char  *serials,   /* comma-separated, NULL = pick */
      GError     **error)
{
  g_autoptr(StDraft) draft = st_draft_new (kind);
  StDraftLine *line;

  st_draft_set_string (&draft->number, number);
  st_draft_set_string (&draft->date, date);
  st_draft_set_string (&draft->contact, contact);
  st_draft_set_string (&draft->warehouse, warehouse);
  st_draft_set_string (&draft->to_warehouse, to_warehouse);
  if (kind == ST_DOC_ADJUSTMENT)
    st_draft_set_string (&draft->reason, "Count");
  if (kind == ST_DOC_RETURN || kind == ST_DOC_VENDOR_RETURN)
    st_draft_set_string (&draft->reference, contact);
  if (kind == ST_DOC_RETURN || kind == ST_DOC_VENDOR_RETURN)
    st_draft_set_string (&draft->contact, NULL);
  line = st_draft_add_line (draft, sku, quantity);
  if (serials != NULL)
    st_test_line_add_serials (line, serials);
  return st_store_post (store, draft, error);
}

/* post (), asserting that it posts; the document is not kept. */
static void
post_ok (StStore     *store,
         StDocKind    kind,
         const char  *number,
         const char  *date,
         const char  *contact,
         const char  *warehouse,
         const char  *to_warehouse,
         const char  *sku,
         gint64       quantity,
         const char  *serials)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StDocument) doc = NULL;

  doc = post (store, kind, number, date, contact, warehouse, to_warehouse, sku, quantity, serials,
              &error);
  g_assert_no_error (error);
  g_clear_object (&doc);
}

/* st_store_void (), asserting that it voids. */
static void
void_ok (StStore    *store,
         StDocKind   kind,
         const char *number)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StDocument) doc = NULL;

  doc = st_store_void (store, kind, number, &error);
  g_assert_no_error (error);
  g_clear_object (&doc);
}

static StUnit *
unit (StStore    *store,
      const char *serial)
{
  g_autoptr(GError) error = NULL;
  StUnit *u = st_store_find_unit (store, serial, NULL, &error);

  g_assert_no_error (error);
  return u;
}

static void
assert_unit (StStore      *store,
             const char   *serial,
             StUnitStatus  status,
             const char   *warehouse)
{
  g_autoptr(StUnit) u = unit (store, serial);

  g_assert_cmpstr (st_unit_status_to_string (st_unit_get_status (u)), ==,
                   st_unit_status_to_string (status));
  g_assert_cmpstr (st_unit_get_warehouse (u), ==, warehouse);
}

static guint
n_units (StStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = st_store_query_units (store, NULL, &error);

  g_assert_no_error (error);
  return all->len;
}

static guint
n_documents (StStore   *store,
             StDocKind  kind)
{
  g_autoptr(StListModel) model = st_store_list_documents (store, kind);

  return g_list_model_get_n_items (G_LIST_MODEL (model));
}

static gint64
on_hand (StStore    *store,
         const char *sku,
         const char *warehouse)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = st_store_get_stock (store, 0, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < rows->len; i++)
    {
      StStockRow *row = g_ptr_array_index (rows, i);
      if (g_str_equal (row->sku, sku) && g_str_equal (row->warehouse, warehouse))
        return row->on_hand;
    }
  return 0;
}

static void
receive_tools (StFixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StDocument) bill = post (f->store, ST_DOC_BILL, "B1", "2026-01-05", "Acme", "Main",
                                     NULL, "TOOL", 3, "T1,T2,T3", &error);

  g_assert_no_error (error);
  g_assert_nonnull (bill);
}

static void
test_bill_receives (StFixture     *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StDocument) doc = NULL;
  g_autoptr(StUnit) u = NULL;
  StDocumentLine *line;

  receive_tools (f);
  doc = st_store_get_document (f->store, ST_DOC_BILL, "b1", &error);
  g_assert_no_error (error);
  g_assert_cmpint (st_document_get_status (doc), ==, ST_DOC_STATUS_POSTED);
  g_assert_cmpstr (st_document_get_contact (doc), ==, "Acme");
  g_assert_cmpint (st_document_get_total (doc), ==, 3 * 5000);
  line = g_ptr_array_index (st_document_get_lines (doc), 0);
  g_assert_cmpuint (line->serials->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (line->serials, 0), ==, "T1");

  u = unit (f->store, "t2");
  g_assert_cmpstr (st_unit_get_serial (u), ==, "T2");
  g_assert_cmpint (st_unit_get_status (u), ==, ST_UNIT_IN_STOCK);
  g_assert_cmpstr (st_unit_get_warehouse (u), ==, "Main");
  g_assert_cmpint (st_unit_get_cost (u), ==, 5000);
  g_assert_cmpstr (st_unit_get_received_doc (u), ==, "B1");
  g_assert_cmpstr (st_unit_get_vendor (u), ==, "Acme");
  g_assert_cmpint (on_hand (f->store, "TOOL", "Main"), ==, 3);
  st_assert_check_ok (f->store);
}

static void
assert_refused (StFixture  *f,
                StDocument *doc,
                GError     *error,
                int         code,
                const char *needle)
{
  g_assert_null (doc);
  g_assert_error (error, ST_ERROR, code);
  if (needle != NULL && strstr (error->message, needle) == NULL)
    g_error ("“%s” not in error “%s”", needle, error->message);
}

static void
test_bill_refusals (StFixture     *f,
                    gconstpointer  data)
{
  struct {
    const char *sku;
    gint64      qty;
    const char *serials;
    const char *number;
    int         code;
    const char *needle;
  } cases[] = {
    { "PHONE", 1, "490154203237517", "X1", ST_ERROR_SERIAL_FORMAT, "490154203237517" },
    { "PHONE", 1, "12345", "X2", ST_ERROR_SERIAL_FORMAT, "12345" },
    { "TOOL", 2, "AB1,ab1", "X3", ST_ERROR_DUPLICATE_SERIAL, "ab1" },
    { "TOOL", 1, "T1", "X4", ST_ERROR_SERIAL_EXISTS, "T1" },
    { "TOOL", 2, "N1", "X5", ST_ERROR_SERIAL_COUNT, "TOOL" },
    { "TOOL", 1, "N1,N2", "X6", ST_ERROR_SERIAL_COUNT, "TOOL" },
    { "TOOL", 1, "  ", "X7", ST_ERROR_INVALID_SERIAL, NULL },
    { "TOOL", 1, "A\tB", "X8", ST_ERROR_INVALID_SERIAL, NULL },
    { "NOPE", 1, "Z1", "X9", ST_ERROR_NOT_FOUND, "NOPE" },
    { "TOOL", 1, "Z1", "B1", ST_ERROR_DUPLICATE, "B1" },
    { "TOOL", 1, NULL, "X10", ST_ERROR_SERIAL_COUNT, "TOOL" },
    { "CABLE", 1, "C1", "X11", ST_ERROR_INVALID_INPUT, "CABLE" },
  };
  g_autofree char *long_serial = g_strnfill (101, 'x');

  receive_tools (f);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(StDocument) doc = post (f->store, ST_DOC_BILL, cases[i].number, NULL, "Acme",
                                        "Main", NULL, cases[i].sku, cases[i].qty,
                                        cases[i].serials, &error);
      assert_refused (f, doc, error, cases[i].code, cases[i].needle);
    }
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(StDocument) doc = post (f->store, ST_DOC_BILL, "X12", NULL, "Acme", "Main", NULL,
                                      "TOOL", 1, long_serial, &error);
    assert_refused (f, doc, error, ST_ERROR_INVALID_SERIAL, NULL);
  }
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(StDocument) doc = post (f->store, ST_DOC_BILL, "X13", NULL, "Nobody", "Main", NULL,
                                      "TOOL", 1, "Q1", &error);
    assert_refused (f, doc, error, ST_ERROR_NOT_FOUND, "Nobody");
  }
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(StDocument) doc = post (f->store, ST_DOC_BILL, "X14", NULL, "Acme", "Attic", NULL,
                                      "TOOL", 1, "Q1", &error);
    assert_refused (f, doc, error, ST_ERROR_NOT_FOUND, "Attic");
  }
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(StDocument) doc = post (f->store, ST_DOC_BILL, "X15", "2026-02-30", "Acme", "Main",
                                      NULL, "TOOL", 1, "Q1", &error);
    assert_refused (f, doc, error, ST_ERROR_INVALID_INPUT, "2026-02-30");
  }
  g_assert_cmpuint (n_units (f->store), ==, 3);
  g_assert_cmpuint (n_documents (f->store, ST_DOC_BILL), ==, 1);
  st_assert_check_ok (f->store);
}

static StEventKind
last_event (StStore    *store,
            const char *serial)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StUnit) u = unit (store, serial);
  g_autoptr(GPtrArray) events = st_store_get_unit_history (store, st_unit_get_id (u), &error);

  g_assert_no_error (error);
  return st_unit_event_get_kind (g_ptr_array_index (events, events->len - 1));
}

/* Acme's bill B1 (T1, T2, T3) and Globex's bill B1 (G1, dated later). */
static void
receive_two_b1 (StFixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StContact) v = st_store_add_contact (f->store, ST_CONTACT_VENDOR, "Globex", &error);
  g_autoptr(StDocument) doc = NULL;

  g_assert_no_error (error);
  receive_tools (f);
  doc = post (f->store, ST_DOC_BILL, "B1", "2026-01-06", "Globex", "Main", NULL, "TOOL", 1,
              "G1", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (st_document_get_contact (doc), ==, "Globex");
}

/* A vendor return against bill @bill of @vendor (NULL: not named), of @serials (NULL: pick). */
static StDocument *
vendor_return (StStore     *store,
               const char  *bill,
               const char  *vendor,
               gint64       quantity,
               const char  *serials,
               GError     **error)
{
  g_autoptr(StDraft) draft = st_draft_new (ST_DOC_VENDOR_RETURN);
  StDraftLine *line;

  st_draft_set_string (&draft->reference, bill);
  st_draft_set_string (&draft->contact, vendor);
  st_draft_set_string (&draft->date, "2026-01-10");
  line = st_draft_add_line (draft, "TOOL", quantity);
  if (serials != NULL)
    st_test_line_add_serials (line, serials);
  return st_store_post (store, draft, error);
}

/* The refusal of a bill number two vendors use, and what it tells to do. */
static void
assert_ambiguous (GError     *error,
                  const char *number)
{
  g_assert_error (error, ST_ERROR, ST_ERROR_DUPLICATE);
  g_assert_nonnull (strstr (error->message, number));
  g_assert_nonnull (strstr (error->message, "name the vendor"));
}

static void
test_bill_same_number_other_vendor (StFixture     *f,
                                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StDocument) doc = NULL;
  g_autoptr(GPtrArray) units = NULL;
  StUnitQuery query = { 0, NULL, -1, NULL, "B1", NULL };

  receive_two_b1 (f);

  /* Ambiguous now: every look-up of "B1" without a vendor says so rather than guess. */
  doc = st_store_void (f->store, ST_DOC_BILL, "B1", &error);
  g_assert_null (doc);
  assert_ambiguous (error, "B1");
  g_clear_error (&error);
  doc = st_store_void_bill (f->store, "b1", NULL, &error);
  g_assert_null (doc);
  assert_ambiguous (error, "b1");
  g_clear_error (&error);
  doc = st_store_get_document (f->store, ST_DOC_BILL, "B1", &error);
  g_assert_null (doc);
  assert_ambiguous (error, "B1");
  g_clear_error (&error);
  doc = st_store_get_bill (f->store, "B1", "", &error);
  g_assert_null (doc);
  assert_ambiguous (error, "B1");
  g_clear_error (&error);
  doc = vendor_return (f->store, "B1", NULL, 1, "G1", &error);
  g_assert_null (doc);
  assert_ambiguous (error, "B1");
  g_clear_error (&error);
  units = st_store_query_units (f->store, &query, &error);
  g_assert_null (units);
  assert_ambiguous (error, "B1");
  g_clear_error (&error);
  g_assert_cmpuint (n_documents (f->store, ST_DOC_VENDOR_RETURN), ==, 0);
  assert_unit (f->store, "G1", ST_UNIT_IN_STOCK, "Main");
  assert_unit (f->store, "T1", ST_UNIT_IN_STOCK, "Main");

  /* Named, each vendor's bill is found (the vendor's name case-insensitively). */
  doc = st_store_get_bill (f->store, "B1", "globex", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (st_document_get_contact (doc), ==, "Globex");
  g_assert_cmpstr (st_document_get_date (doc), ==, "2026-01-06");
  g_clear_object (&doc);
  doc = st_store_get_bill (f->store, "B1", "Acme", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (st_document_get_contact (doc), ==, "Acme");
  g_assert_cmpint (st_document_get_quantity (doc), ==, 3);
  g_clear_object (&doc);

  /* The units received on one vendor's B1 only. */
  query.received_on_bill_vendor = "Globex";
  units = st_store_query_units (f->store, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (units->len, ==, 1);
  g_assert_cmpstr (st_unit_get_serial (g_ptr_array_index (units, 0)), ==, "G1");
  g_clear_pointer (&units, g_ptr_array_unref);
  query.received_on_bill_vendor = "Acme";
  units = st_store_query_units (f->store, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (units->len, ==, 3);
  st_assert_check_ok (f->store);
}

static void
test_bill_same_number_void_by_vendor (StFixture     *f,
                                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StDocument) doc = NULL;
  g_autoptr(StDocument) acme = NULL;

  receive_two_b1 (f);

  doc = st_store_void_bill (f->store, "B1", "Globex", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (st_document_get_contact (doc), ==, "Globex");
  g_assert_cmpint (st_document_get_status (doc), ==, ST_DOC_STATUS_VOID);
  g_assert_cmpint (last_event (f->store, "G1"), ==, ST_EVENT_VOIDED);
  /* Acme's B1 is untouched. */
  acme = st_store_get_bill (f->store, "B1", "Acme", &error);
  g_assert_no_error (error);
  g_assert_cmpint (st_document_get_status (acme), ==, ST_DOC_STATUS_POSTED);
  assert_unit (f->store, "T1", ST_UNIT_IN_STOCK, "Main");
  g_assert_cmpint (on_hand (f->store, "TOOL", "Main"), ==, 3);
  g_clear_object (&doc);

  /* Once is enough. */
  doc = st_store_void_bill (f->store, "B1", "Globex", &error);
  g_assert_null (doc);
  g_assert_error (error, ST_ERROR, ST_ERROR_DOCUMENT_STATE);
  g_clear_error (&error);

  doc = st_store_void_bill (f->store, "b1", "ACME", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (st_document_get_contact (doc), ==, "Acme");
  g_assert_cmpint (st_document_get_status (doc), ==, ST_DOC_STATUS_VOID);
  g_assert_cmpint (on_hand (f->store, "TOOL", "Main"), ==, 0);
  g_clear_object (&doc);

  /* Void or not, both bills still carry the number. */
  doc = st_store_void (f->store, ST_DOC_BILL, "B1", &error);
  g_assert_null (doc);
  assert_ambiguous (error, "B1");
  st_assert_check_ok (f->store);
}

static void
test_bill_same_number_vendor_return (StFixture     *f,
                                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StDocument) doc = NULL;
  StDocumentLine *line;

  receive_two_b1 (f);

  /* G1 came on Globex's B1, not on Acme's. */
  doc = vendor_return (f->store, "B1", "Acme", 1, "G1", &error);
  assert_refused (f, doc, error, ST_ERROR_NOT_ON_DOCUMENT, "G1");
  g_clear_error (&error);

  doc = vendor_return (f->store, "B1", "Globex", 1, "G1", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (st_document_get_contact (doc), ==, "Globex");
  g_assert_cmpstr (st_document_get_reference (doc), ==, "B1");
  assert_unit (f->store, "G1", ST_UNIT_RETURNED_TO_VENDOR, NULL);
  g_clear_object (&doc);

  /* Picking the oldest picks among Acme's B1 only. */
  doc = vendor_return (f->store, "B1", "acme", 1, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (st_document_get_contact (doc), ==, "Acme");
  line = g_ptr_array_index (st_document_get_lines (doc), 0);
  g_assert_cmpuint (line->serials->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (line->serials, 0), ==, "T1");
  assert_unit (f->store, "T1", ST_UNIT_RETURNED_TO_VENDOR, NULL);
  g_assert_cmpint (on_hand (f->store, "TOOL", "Main"), ==, 2);
  st_assert_check_ok (f->store);
}

static void
test_bill_vendor_without_it (StFixture     *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StDocument) doc = NULL;
  g_autoptr(StContact) initech = NULL;

  receive_tools (f);
  initech = st_store_add_contact (f->store, ST_CONTACT_VENDOR, "Initech", &error);
  g_assert_no_error (error);

  /* B1 is Acme's alone: named with another vendor, it is not found, never taken as Acme's. */
  doc = st_store_void_bill (f->store, "B1", "Initech", &error);
  assert_refused (f, doc, error, ST_ERROR_NOT_FOUND, "Initech");
  g_assert_nonnull (strstr (error->message, "B1"));
  g_clear_error (&error);
  doc = st_store_get_bill (f->store, "B1", "Initech", &error);
  assert_refused (f, doc, error, ST_ERROR_NOT_FOUND, "Initech");
  g_clear_error (&error);
  doc = vendor_return (f->store, "B1", "Initech", 1, "T1", &error);
  assert_refused (f, doc, error, ST_ERROR_NOT_FOUND, "Initech");
  g_clear_error (&error);

  /* Unknown vendors, and a customer is no vendor. */
  doc = st_store_void_bill (f->store, "B1", "Nobody", &error);
  assert_refused (f, doc, error, ST_ERROR_NOT_FOUND, "Nobody");
  g_clear_error (&error);
  doc = vendor_return (f->store, "B1", "Bob", 1, "T1", &error);
  assert_refused (f, doc, error, ST_ERROR_NOT_FOUND, "Bob");
  g_clear_error (&error);
  /* An unknown number from a known vendor. */
  doc = st_store_void_bill (f->store, "B404", "Acme", &error);
  assert_refused (f, doc, error, ST_ERROR_NOT_FOUND, "B404");
  g_clear_error (&error);

  g_assert_cmpuint (n_documents (f->store, ST_DOC_VENDOR_RETURN), ==, 0);
  assert_unit (f->store, "T1", ST_UNIT_IN_STOCK, "Main");

  /* Without a vendor, a number only one vendor uses is found as before. */
  doc = st_store_void_bill (f->store, "B1", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (st_document_get_status (doc), ==, ST_DOC_STATUS_VOID);
  st_assert_check_ok (f->store);
}

static void
test_invoice_picks_oldest_and_warranty (StFixture     *f,
                                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StDocument) bill2 = NULL;
  g_autoptr(StDocument) inv = NULL;
  g_autoptr(StUnit) phone = NULL;
  StDocumentLine *line;

  receive_tools (f);
  bill2 = post (f->store, ST_DOC_BILL, "B0", "2026-01-01", "Acme", "Main", NULL, "TOOL", 1, "OLD",
                &error);
  g_assert_no_error (error);
  inv = post (f->store, ST_DOC_INVOICE, NULL, "2026-02-01", "Bob", "Main", NULL, "TOOL", 2, NULL,
              &error);
  g_assert_no_error (error);
  g_assert_cmpstr (st_document_get_number (inv), ==, "INV-00001");
  line = g_ptr_array_index (st_document_get_lines (inv), 0);
  g_assert_cmpuint (line->serials->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (line->serials, 0), ==, "OLD");
  g_assert_cmpstr (g_ptr_array_index (line->serials, 1), ==, "T1");
  g_assert_cmpint (line->rate, ==, 9900);
  assert_unit (f->store, "OLD", ST_UNIT_SOLD, NULL);
  assert_unit (f->store, "T2", ST_UNIT_IN_STOCK, "Main");

  g_clear_object (&bill2);
  bill2 = post (f->store, ST_DOC_BILL, "P1", "2026-01-10", "Acme", "Main", NULL, "PHONE", 1,
                "356938035643809", &error);
  g_assert_no_error (error);
  g_clear_object (&inv);
  inv = post (f->store, ST_DOC_INVOICE, "SHOP-7", "2026-01-31", "Bob", "Main", NULL, "PHONE", 1,
              "356938035643809", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (st_document_get_number (inv), ==, "SHOP-7");
  phone = unit (f->store, "356938035643809");
  g_assert_cmpstr (st_unit_get_warranty_end (phone), ==, "2027-01-31");
  g_assert_true (st_unit_has_price (phone));
  g_assert_cmpint (st_unit_get_price (phone), ==, 50000);
  g_assert_cmpstr (st_unit_get_invoice (phone), ==, "SHOP-7");
  g_assert_cmpstr (st_unit_get_customer (phone), ==, "Bob");
  st_assert_check_ok (f->store);
}

static void
test_picking_refusals (StFixture     *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StDocument) doc = NULL;

  receive_tools (f);
  post_ok (f->store, ST_DOC_TRANSFER, NULL, NULL, NULL, "Main", "Shop", "TOOL", 1, "T3");
  post_ok (f->store, ST_DOC_INVOICE, NULL, NULL, "Bob", "Main", NULL, "TOOL", 1, "T1");

  /* Already sold. */
  doc = post (f->store, ST_DOC_INVOICE, NULL, NULL, "Bob", "Main", NULL, "TOOL", 1, "t1", &error);
  assert_refused (f, doc, error, ST_ERROR_NOT_IN_STOCK, "T1");
  g_clear_error (&error);
  /* In stock elsewhere. */
  doc = post (f->store, ST_DOC_INVOICE, NULL, NULL, "Bob", "Main", NULL, "TOOL", 1, "T3", &error);
  assert_refused (f, doc, error, ST_ERROR_NOT_IN_STOCK, "Shop");
  g_clear_error (&error);
  /* Writing off a sold one. */
  doc = post (f->store, ST_DOC_ADJUSTMENT, NULL, NULL, NULL, "Main", NULL, "TOOL", -1, "T1",
              &error);
  assert_refused (f, doc, error, ST_ERROR_NOT_IN_STOCK, "T1");
  g_clear_error (&error);
  /* Unknown serial. */
  doc = post (f->store, ST_DOC_INVOICE, NULL, NULL, "Bob", "Main", NULL, "TOOL", 1, "ZZZ", &error);
  assert_refused (f, doc, error, ST_ERROR_NOT_FOUND, "ZZZ");
  g_clear_error (&error);
  /* Same warehouse. */
  doc = post (f->store, ST_DOC_TRANSFER, NULL, NULL, NULL, "Main", "main", "TOOL", 1, "T2",
              &error);
  assert_refused (f, doc, error, ST_ERROR_SAME_WAREHOUSE, "Main");
  g_clear_error (&error);
  /* Not enough to pick. */
  doc = post (f->store, ST_DOC_INVOICE, NULL, NULL, "Bob", "Main", NULL, "TOOL", 5, NULL, &error);
  assert_refused (f, doc, error, ST_ERROR_INSUFFICIENT_STOCK, "TOOL");
  g_clear_error (&error);
  /* The same unit twice. */
  doc = post (f->store, ST_DOC_INVOICE, NULL, NULL, "Bob", "Main", NULL, "TOOL", 2, "T2,t2",
              &error);
  assert_refused (f, doc, error, ST_ERROR_DUPLICATE_SERIAL, "t2");
  g_clear_error (&error);
  /* Return of a unit not sold on that invoice. */
  doc = post (f->store, ST_DOC_RETURN, NULL, NULL, "INV-00001", "Main", NULL, "TOOL", 1, "T2",
              &error);
  assert_refused (f, doc, error, ST_ERROR_NOT_ON_DOCUMENT, "T2");
  g_clear_error (&error);
  /* Return against an unknown invoice. */
  doc = post (f->store, ST_DOC_RETURN, NULL, NULL, "INV-09999", "Main", NULL, "TOOL", 1, "T1",
              &error);
  assert_refused (f, doc, error, ST_ERROR_NOT_FOUND, "INV-09999");
  g_clear_error (&error);

  g_assert_cmpuint (n_documents (f->store, ST_DOC_INVOICE), ==, 1);
  assert_unit (f->store, "T2", ST_UNIT_IN_STOCK, "Main");
  st_assert_check_ok (f->store);
}

static guint
history_len (StStore    *store,
             const char *serial)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StUnit) u = unit (store, serial);
  g_autoptr(GPtrArray) events = st_store_get_unit_history (store, st_unit_get_id (u), &error);

  g_assert_no_error (error);
  return events->len;
}

/* Issue 2's walk: bill → transfer → invoice → return → invoice again → void the last invoice. */
static void
test_scenario (StFixture     *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StDocument) doc = NULL;
  g_autoptr(StUnit) u = NULL;
  g_autoptr(GPtrArray) events = NULL;
  StUnitEvent *e;

  receive_tools (f);
  assert_unit (f->store, "T1", ST_UNIT_IN_STOCK, "Main");
  g_assert_cmpuint (history_len (f->store, "T1"), ==, 1);

  doc = post (f->store, ST_DOC_TRANSFER, NULL, "2026-01-06", NULL, "Main", "Shop", "TOOL", 1, "T1",
              &error);
  g_assert_no_error (error);
  assert_unit (f->store, "T1", ST_UNIT_IN_STOCK, "Shop");
  g_assert_cmpint (last_event (f->store, "T1"), ==, ST_EVENT_TRANSFERRED);
  g_clear_object (&doc);

  doc = post (f->store, ST_DOC_INVOICE, NULL, "2026-01-07", "Bob", "Shop", NULL, "TOOL", 1, "T1",
              &error);
  g_assert_no_error (error);
  assert_unit (f->store, "T1", ST_UNIT_SOLD, NULL);
  g_assert_cmpint (last_event (f->store, "T1"), ==, ST_EVENT_SOLD);
  g_clear_object (&doc);

  doc = post (f->store, ST_DOC_RETURN, NULL, "2026-01-08", "INV-00001", "Main", NULL, "TOOL", 1,
              "T1", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (st_document_get_contact (doc), ==, "Bob");
  assert_unit (f->store, "T1", ST_UNIT_IN_STOCK, "Main");
  g_assert_cmpint (last_event (f->store, "T1"), ==, ST_EVENT_RETURNED);
  g_clear_object (&doc);

  doc = post (f->store, ST_DOC_INVOICE, NULL, "2026-01-09", "Bob", "Main", NULL, "TOOL", 1, "T1",
              &error);
  g_assert_no_error (error);
  g_assert_cmpstr (st_document_get_number (doc), ==, "INV-00002");
  assert_unit (f->store, "T1", ST_UNIT_SOLD, NULL);
  g_clear_object (&doc);

  /* The first invoice cannot be voided: the unit came back and was sold again since. */
  doc = st_store_void (f->store, ST_DOC_INVOICE, "INV-00001", &error);
  assert_refused (f, doc, error, ST_ERROR_MOVED_ON, "INV-00002");
  g_assert_nonnull (strstr (error->message, "T1"));
  g_clear_error (&error);

  doc = st_store_void (f->store, ST_DOC_INVOICE, "INV-00002", &error);
  g_assert_no_error (error);
  g_assert_cmpint (st_document_get_status (doc), ==, ST_DOC_STATUS_VOID);
  assert_unit (f->store, "T1", ST_UNIT_IN_STOCK, "Main");
  g_clear_object (&doc);

  u = unit (f->store, "T1");
  g_assert_false (st_unit_has_price (u));
  events = st_store_get_unit_history (f->store, st_unit_get_id (u), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, 6);
  e = g_ptr_array_index (events, 5);
  g_assert_cmpint (st_unit_event_get_kind (e), ==, ST_EVENT_VOIDED);
  g_assert_cmpint (st_unit_event_get_reversed_kind (e), ==, ST_EVENT_SOLD);
  g_assert_cmpstr (st_unit_event_get_doc_number (e), ==, "INV-00002");
  e = g_ptr_array_index (events, 1);
  g_assert_cmpstr (st_unit_event_get_from_warehouse (e), ==, "Main");
  g_assert_cmpstr (st_unit_event_get_to_warehouse (e), ==, "Shop");

  /* Void again is refused. */
  doc = st_store_void (f->store, ST_DOC_INVOICE, "INV-00002", &error);
  assert_refused (f, doc, error, ST_ERROR_DOCUMENT_STATE, "INV-00002");
  g_clear_error (&error);

  g_assert_cmpint (on_hand (f->store, "TOOL", "Main"), ==, 3);
  st_assert_check_ok (f->store);
}

static void
test_transfer_in_transit (StFixture     *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StDocument) doc = NULL;
  g_autoptr(StDraft) draft = st_draft_new (ST_DOC_TRANSFER);
  g_autoptr(GPtrArray) stock = NULL;
  StDraftLine *line;

  receive_tools (f);
  st_draft_set_string (&draft->warehouse, "Main");
  st_draft_set_string (&draft->to_warehouse, "Shop");
  draft->in_transit = TRUE;
  line = st_draft_add_line (draft, "TOOL", 2);
  (void) line;
  doc = st_store_post (f->store, draft, &error);
  g_assert_no_error (error);
  g_assert_true (st_document_get_in_transit (doc));
  assert_unit (f->store, "T1", ST_UNIT_IN_TRANSIT, "Shop");
  assert_unit (f->store, "T3", ST_UNIT_IN_STOCK, "Main");
  stock = st_store_get_stock (f->store, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (on_hand (f->store, "TOOL", "Shop"), ==, 0);
  g_clear_object (&doc);

  /* In transit units cannot be sold. */
  doc = post (f->store, ST_DOC_INVOICE, NULL, NULL, "Bob", "Shop", NULL, "TOOL", 1, "T1", &error);
  assert_refused (f, doc, error, ST_ERROR_NOT_IN_STOCK, "T1");
  g_clear_error (&error);

  doc = st_store_receive_transfer (f->store, "TO-00001", NULL, &error);
  g_assert_no_error (error);
  g_assert_false (st_document_get_in_transit (doc));
  assert_unit (f->store, "T1", ST_UNIT_IN_STOCK, "Shop");
  g_assert_cmpint (on_hand (f->store, "TOOL", "Shop"), ==, 2);
  g_assert_cmpint (last_event (f->store, "T2"), ==, ST_EVENT_TRANSFER_IN);
  g_clear_object (&doc);

  doc = st_store_receive_transfer (f->store, "TO-00001", NULL, &error);
  assert_refused (f, doc, error, ST_ERROR_DOCUMENT_STATE, "TO-00001");
  g_clear_error (&error);

  /* Void of a received transfer brings both units back to Main. */
  doc = st_store_void (f->store, ST_DOC_TRANSFER, "TO-00001", &error);
  g_assert_no_error (error);
  assert_unit (f->store, "T1", ST_UNIT_IN_STOCK, "Main");
  g_assert_cmpint (on_hand (f->store, "TOOL", "Main"), ==, 3);
  st_assert_check_ok (f->store);
}

static void
test_void_bill_and_receive_again (StFixture     *f,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StDocument) doc = NULL;

  receive_tools (f);
  post_ok (f->store, ST_DOC_INVOICE, NULL, NULL, "Bob", "Main", NULL, "TOOL", 1, "T2");

  doc = st_store_void (f->store, ST_DOC_BILL, "B1", &error);
  assert_refused (f, doc, error, ST_ERROR_MOVED_ON, "T2");
  g_assert_nonnull (strstr (error->message, "INV-00001"));
  g_clear_error (&error);
  assert_unit (f->store, "T1", ST_UNIT_IN_STOCK, "Main");

  void_ok (f->store, ST_DOC_INVOICE, "INV-00001");
  doc = st_store_void (f->store, ST_DOC_BILL, "B1", &error);
  g_assert_no_error (error);
  assert_unit (f->store, "T1", ST_UNIT_VOIDED, NULL);
  g_assert_cmpint (on_hand (f->store, "TOOL", "Main"), ==, 0);
  g_clear_object (&doc);

  /* A voided receipt frees the serial for a corrected bill. */
  doc = post (f->store, ST_DOC_BILL, "B1-fixed", NULL, "Acme", "Shop", NULL, "TOOL", 1, "T1",
              &error);
  g_assert_no_error (error);
  assert_unit (f->store, "T1", ST_UNIT_IN_STOCK, "Shop");
  g_assert_cmpuint (history_len (f->store, "T1"), ==, 3);
  st_assert_check_ok (f->store);
}

static void
test_adjustments_and_vendor_return (StFixture     *f,
                                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StDocument) doc = NULL;

  receive_tools (f);
  doc = post (f->store, ST_DOC_ADJUSTMENT, NULL, NULL, NULL, "Main", NULL, "TOOL", 1, "FOUND1",
              &error);
  g_assert_no_error (error);
  g_assert_cmpstr (st_document_get_reason (doc), ==, "Count");
  assert_unit (f->store, "FOUND1", ST_UNIT_IN_STOCK, "Main");
  g_clear_object (&doc);
  doc = post (f->store, ST_DOC_ADJUSTMENT, NULL, NULL, NULL, "Main", NULL, "TOOL", -1, "T3",
              &error);
  g_assert_no_error (error);
  assert_unit (f->store, "T3", ST_UNIT_WRITTEN_OFF, NULL);
  g_assert_cmpint (last_event (f->store, "T3"), ==, ST_EVENT_WRITTEN_OFF);
  g_clear_object (&doc);

  /* FOUND1 did not come on bill B1. */
  doc = post (f->store, ST_DOC_VENDOR_RETURN, NULL, NULL, "B1", NULL, NULL, "TOOL", 1, "FOUND1",
              &error);
  assert_refused (f, doc, error, ST_ERROR_NOT_ON_DOCUMENT, "FOUND1");
  g_clear_error (&error);
  doc = post (f->store, ST_DOC_VENDOR_RETURN, NULL, NULL, "B1", NULL, NULL, "TOOL", 1, "T2",
              &error);
  g_assert_no_error (error);
  g_assert_cmpstr (st_document_get_contact (doc), ==, "Acme");
  assert_unit (f->store, "T2", ST_UNIT_RETURNED_TO_VENDOR, NULL);
  g_assert_cmpint (on_hand (f->store, "TOOL", "Main"), ==, 2);
  st_assert_check_ok (f->store);
}

static void
test_quantity_items (StFixture     *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StDocument) doc = NULL;

  post_ok (f->store, ST_DOC_BILL, "Q1", NULL, "Acme", "Main", NULL, "CABLE", 10, NULL);
  post_ok (f->store, ST_DOC_INVOICE, NULL, NULL, "Bob", "Main", NULL, "CABLE", 3, NULL);
  post_ok (f->store, ST_DOC_TRANSFER, NULL, NULL, NULL, "Main", "Shop", "CABLE", 2, NULL);
  g_assert_cmpint (on_hand (f->store, "CABLE", "Main"), ==, 5);
  g_assert_cmpint (on_hand (f->store, "CABLE", "Shop"), ==, 2);

  doc = post (f->store, ST_DOC_INVOICE, NULL, NULL, "Bob", "Shop", NULL, "CABLE", 3, NULL, &error);
  assert_refused (f, doc, error, ST_ERROR_INSUFFICIENT_STOCK, "CABLE");
  g_clear_error (&error);

  doc = post (f->store, ST_DOC_RETURN, NULL, NULL, "INV-00001", "Main", NULL, "CABLE", 4, NULL,
              &error);
  assert_refused (f, doc, error, ST_ERROR_NOT_ON_DOCUMENT, "CABLE");
  g_clear_error (&error);
  post_ok (f->store, ST_DOC_RETURN, NULL, NULL, "INV-00001", "Main", NULL, "CABLE", 1, NULL);
  g_assert_cmpint (on_hand (f->store, "CABLE", "Main"), ==, 6);

  /* Voiding the bill would leave negative stock: refused. */
  doc = st_store_void (f->store, ST_DOC_BILL, "Q1", &error);
  assert_refused (f, doc, error, ST_ERROR_INSUFFICIENT_STOCK, "CABLE");
  g_clear_error (&error);
  doc = st_store_void (f->store, ST_DOC_TRANSFER, "TO-00001", &error);
  g_assert_no_error (error);
  g_assert_cmpint (on_hand (f->store, "CABLE", "Main"), ==, 8);
  st_assert_check_ok (f->store);
}

static void
test_atomic_multi_line (StFixture     *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StDraft) draft = st_test_bill ("M1");
  g_autoptr(StDocument) doc = NULL;
  StDraftLine *line;

  line = st_draft_add_line (draft, "TOOL", 2);
  st_test_line_add_serials (line, "GOOD1,GOOD2");
  st_draft_add_line (draft, "CABLE", 5);
  line = st_draft_add_line (draft, "PHONE", 1);
  st_draft_line_add_serial (line, "356938035643800");
  doc = st_store_post (f->store, draft, &error);
  assert_refused (f, doc, error, ST_ERROR_SERIAL_FORMAT, "356938035643800");
  g_assert_cmpuint (n_units (f->store), ==, 0);
  g_assert_cmpint (on_hand (f->store, "CABLE", "Main"), ==, 0);
  g_assert_cmpuint (n_documents (f->store, ST_DOC_BILL), ==, 0);
  st_assert_check_ok (f->store);
}

static void
test_check_detects_tampering (StFixture     *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StCheckReport) report = NULL;

  receive_tools (f);
  st_test_raw_sql (f, "UPDATE units SET status = 'sold', warehouse_id = NULL"
                      " WHERE serial = 'T2'");
  report = st_store_check (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->problems->len, >=, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (report->problems, 0), "T2"));
}

static StDocStatus
doc_status (StStore    *store,
            StDocKind   kind,
            const char *number)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StDocument) doc = st_store_get_document (store, kind, number, &error);

  g_assert_no_error (error);
  return st_document_get_status (doc);
}

/* Issue 11: a posted sales return keeps its invoice in force.  Quantity items have no unit
 * history to refuse the void, so without the rule voiding I1 would bring back the 3 cables
 * R1 already brought back (13 on hand of the 10 that ever came in). */
static void
test_void_invoice_refused_while_returned (StFixture     *f,
                                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StDocument) doc = NULL;

  post_ok (f->store, ST_DOC_BILL, "B1", "2026-01-05", "Acme", "Main", NULL, "CABLE", 10, NULL);
  post_ok (f->store, ST_DOC_INVOICE, "I1", "2026-01-06", "Bob", "Main", NULL, "CABLE", 3, NULL);
  post_ok (f->store, ST_DOC_RETURN, "R1", "2026-01-07", "I1", "Shop", NULL, "CABLE", 3, NULL);
  g_assert_cmpint (on_hand (f->store, "CABLE", "Main"), ==, 7);
  g_assert_cmpint (on_hand (f->store, "CABLE", "Shop"), ==, 3);

  doc = st_store_void (f->store, ST_DOC_INVOICE, "I1", &error);
  assert_refused (f, doc, error, ST_ERROR_MOVED_ON, "R1");
  g_assert_nonnull (strstr (error->message, "I1"));
  g_clear_error (&error);
  /* Nothing changed. */
  g_assert_cmpint (doc_status (f->store, ST_DOC_INVOICE, "I1"), ==, ST_DOC_STATUS_POSTED);
  g_assert_cmpint (doc_status (f->store, ST_DOC_RETURN, "R1"), ==, ST_DOC_STATUS_POSTED);
  g_assert_cmpint (on_hand (f->store, "CABLE", "Main"), ==, 7);
  g_assert_cmpint (on_hand (f->store, "CABLE", "Shop"), ==, 3);
  st_assert_check_ok (f->store);

  /* The return first, then the invoice. */
  void_ok (f->store, ST_DOC_RETURN, "R1");
  g_assert_cmpint (on_hand (f->store, "CABLE", "Shop"), ==, 0);
  doc = st_store_void (f->store, ST_DOC_INVOICE, "I1", &error);
  g_assert_no_error (error);
  g_assert_cmpint (st_document_get_status (doc), ==, ST_DOC_STATUS_VOID);
  g_clear_object (&doc);
  g_assert_cmpint (on_hand (f->store, "CABLE", "Main"), ==, 10);
  g_assert_cmpint (on_hand (f->store, "CABLE", "Shop"), ==, 0);
  st_assert_check_ok (f->store);
}

/* A void return does not keep its invoice in force: a later return alone refuses. */
static void
test_void_invoice_after_void_return_only (StFixture     *f,
                                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StDocument) doc = NULL;

  post_ok (f->store, ST_DOC_BILL, "B1", "2026-01-05", "Acme", "Main", NULL, "CABLE", 10, NULL);
  post_ok (f->store, ST_DOC_INVOICE, "I1", "2026-01-06", "Bob", "Main", NULL, "CABLE", 4, NULL);
  post_ok (f->store, ST_DOC_RETURN, "R1", "2026-01-07", "I1", "Main", NULL, "CABLE", 1, NULL);
  post_ok (f->store, ST_DOC_RETURN, "R2", "2026-01-08", "I1", "Main", NULL, "CABLE", 2, NULL);
  void_ok (f->store, ST_DOC_RETURN, "R1");

  /* R2 still refers to I1. */
  doc = st_store_void (f->store, ST_DOC_INVOICE, "I1", &error);
  assert_refused (f, doc, error, ST_ERROR_MOVED_ON, "R2");
  g_clear_error (&error);
  g_assert_cmpint (on_hand (f->store, "CABLE", "Main"), ==, 8);

  void_ok (f->store, ST_DOC_RETURN, "R2");
  doc = st_store_void (f->store, ST_DOC_INVOICE, "I1", &error);
  g_assert_no_error (error);
  g_assert_cmpint (on_hand (f->store, "CABLE", "Main"), ==, 10);
  st_assert_check_ok (f->store);
}

/* The same for a vendor return against a bill: voiding B1 while VR1 refers to it would take
 * the 4 cables out of stock a second time. */
static void
test_void_bill_refused_while_vendor_returned (StFixture     *f,
                                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StDocument) doc = NULL;

  post_ok (f->store, ST_DOC_BILL, "B1", "2026-01-05", "Acme", "Main", NULL, "CABLE", 10, NULL);
  post_ok (f->store, ST_DOC_VENDOR_RETURN, "VR1", "2026-01-06", "B1", NULL, NULL, "CABLE", 4,
           NULL);
  g_assert_cmpint (on_hand (f->store, "CABLE", "Main"), ==, 6);

  doc = st_store_void (f->store, ST_DOC_BILL, "B1", &error);
  assert_refused (f, doc, error, ST_ERROR_MOVED_ON, "VR1");
  g_assert_nonnull (strstr (error->message, "B1"));
  g_clear_error (&error);
  doc = st_store_void_bill (f->store, "B1", "Acme", &error);
  assert_refused (f, doc, error, ST_ERROR_MOVED_ON, "VR1");
  g_clear_error (&error);
  g_assert_cmpint (doc_status (f->store, ST_DOC_BILL, "B1"), ==, ST_DOC_STATUS_POSTED);
  g_assert_cmpint (doc_status (f->store, ST_DOC_VENDOR_RETURN, "VR1"), ==, ST_DOC_STATUS_POSTED);
  g_assert_cmpint (on_hand (f->store, "CABLE", "Main"), ==, 6);
  st_assert_check_ok (f->store);

  void_ok (f->store, ST_DOC_VENDOR_RETURN, "VR1");
  g_assert_cmpint (on_hand (f->store, "CABLE", "Main"), ==, 10);
  doc = st_store_void (f->store, ST_DOC_BILL, "B1", &error);
  g_assert_no_error (error);
  g_assert_cmpint (st_document_get_status (doc), ==, ST_DOC_STATUS_VOID);
  g_clear_object (&doc);
  g_assert_cmpint (on_hand (f->store, "CABLE", "Main"), ==, 0);
  st_assert_check_ok (f->store);
}

/* Serial items: the unit's own history refuses first and names the return. */
static void
test_void_serial_invoice_refused_while_returned (StFixture     *f,
                                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StDocument) doc = NULL;

  receive_tools (f);
  post_ok (f->store, ST_DOC_INVOICE, "I1", "2026-01-06", "Bob", "Main", NULL, "TOOL", 2, "T1,T2");
  post_ok (f->store, ST_DOC_RETURN, "R1", "2026-01-07", "I1", "Shop", NULL, "TOOL", 1, "T1");

  doc = st_store_void (f->store, ST_DOC_INVOICE, "I1", &error);
  assert_refused (f, doc, error, ST_ERROR_MOVED_ON, "R1");
  g_clear_error (&error);
  assert_unit (f->store, "T1", ST_UNIT_IN_STOCK, "Shop");
  assert_unit (f->store, "T2", ST_UNIT_SOLD, NULL);

  void_ok (f->store, ST_DOC_RETURN, "R1");
  assert_unit (f->store, "T1", ST_UNIT_SOLD, NULL);
  void_ok (f->store, ST_DOC_INVOICE, "I1");
  assert_unit (f->store, "T1", ST_UNIT_IN_STOCK, "Main");
  assert_unit (f->store, "T2", ST_UNIT_IN_STOCK, "Main");
  g_assert_cmpint (on_hand (f->store, "TOOL", "Main"), ==, 3);
  st_assert_check_ok (f->store);
}

static gboolean
report_has (StCheckReport *report,
            const char    *needle)
{
  for (guint i = 0; i < report->problems->len; i++)
    if (strstr (g_ptr_array_index (report->problems, i), needle) != NULL)
      return TRUE;
  return FALSE;
}

/* A database an older build could leave: invoice I1 void under its posted return R1, and a
 * vendor return taking back more than its bill brought in. */
static void
test_check_detects_returns_against_void (StFixture     *f,
                                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StDocument) doc = NULL;
  g_autoptr(StCheckReport) report = NULL;

  post_ok (f->store, ST_DOC_BILL, "B1", "2026-01-05", "Acme", "Main", NULL, "CABLE", 10, NULL);
  post_ok (f->store, ST_DOC_INVOICE, "I1", "2026-01-06", "Bob", "Main", NULL, "CABLE", 3, NULL);
  post_ok (f->store, ST_DOC_RETURN, "R1", "2026-01-07", "I1", "Main", NULL, "CABLE", 3, NULL);
  post_ok (f->store, ST_DOC_VENDOR_RETURN, "VR1", "2026-01-08", "B1", NULL, NULL, "CABLE", 2,
           NULL);
  st_assert_check_ok (f->store);

  st_test_raw_sql (f, "UPDATE documents SET status = 'void'"
                      " WHERE kind = 'invoice' AND number = 'I1';"
                      "UPDATE document_lines SET quantity = 52 WHERE document_id ="
                      " (SELECT id FROM documents WHERE number = 'VR1')");
  report = st_store_check (f->store, &error);
  g_assert_no_error (error);
  g_assert_true (report_has (report, "R1 is posted against Invoice I1, which is void"));
  g_assert_true (report_has (report, "Bill B1: its posted returns take back 52 of CABLE, "
                                     "but it has only 10"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ST_TEST_ADD ("/posting/bill/receives-units", test_bill_receives);
  ST_TEST_ADD ("/posting/bill/refusals-write-nothing", test_bill_refusals);
  ST_TEST_ADD ("/posting/bill/same-number-other-vendor", test_bill_same_number_other_vendor);
  ST_TEST_ADD ("/posting/bill/same-number-void-by-vendor", test_bill_same_number_void_by_vendor);
  ST_TEST_ADD ("/posting/bill/same-number-vendor-return", test_bill_same_number_vendor_return);
  ST_TEST_ADD ("/posting/bill/vendor-without-it", test_bill_vendor_without_it);
  ST_TEST_ADD ("/posting/invoice/picks-oldest-and-warranty",
               test_invoice_picks_oldest_and_warranty);
  ST_TEST_ADD ("/posting/picking/refusals", test_picking_refusals);
  ST_TEST_ADD ("/posting/scenario/bill-transfer-sell-return-sell-void", test_scenario);
  ST_TEST_ADD ("/posting/transfer/in-transit-and-receive", test_transfer_in_transit);
  ST_TEST_ADD ("/posting/void/bill-then-receive-again", test_void_bill_and_receive_again);
  ST_TEST_ADD ("/posting/adjustment-and-vendor-return", test_adjustments_and_vendor_return);
  ST_TEST_ADD ("/posting/quantity-items", test_quantity_items);
  ST_TEST_ADD ("/posting/atomic/multi-line", test_atomic_multi_line);
  ST_TEST_ADD ("/check/detects-tampering", test_check_detects_tampering);
  ST_TEST_ADD ("/posting/void/invoice-refused-while-returned",
               test_void_invoice_refused_while_returned);
  ST_TEST_ADD ("/posting/void/invoice-after-every-return-void",
               test_void_invoice_after_void_return_only);
  ST_TEST_ADD ("/posting/void/bill-refused-while-vendor-returned",
               test_void_bill_refused_while_vendor_returned);
  ST_TEST_ADD ("/posting/void/serial-invoice-refused-while-returned",
               test_void_serial_invoice_refused_while_returned);
  ST_TEST_ADD ("/check/detects-returns-against-void", test_check_detects_returns_against_void);

  return g_test_run ();
}
