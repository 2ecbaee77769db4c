/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-store-async.c — the store's asynchronous calls (st-store-async.c) with a main loop:
 * the same answers as the synchronous calls, refusals with the same codes, "changed" once on
 * the caller's thread, calls in order on one worker, and cancellation before the worker
 * starts. */
#include "config.h"

#include <string.h>

#include "st-store-private.h"
#include "st-test-util.h"
#include "../st-test-gate.h"
#include "../st-test-xlsx.h"

typedef struct
{
  StFixture  base;
  char      *out;          /* a folder for backups and exports */
  GThread   *main_thread;
  guint      n_changed;    /* "changed" emissions on the caller's store */
  gboolean   changed_elsewhere;
  GMainLoop *loop;
  GPtrArray *results;      /* GAsyncResult*, in the order the callbacks ran */
  guint      n_changed_at_callback;
} AsyncFixture;

static void
changed_cb (StStore      *store,
            AsyncFixture *f)
{
  f->n_changed++;
  if (g_thread_self () != f->main_thread)
    f->changed_elsewhere = TRUE;
}

static void
setup (AsyncFixture  *f,
       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  st_fixture_setup (&f->base, data);
  f->out = g_dir_make_tmp ("st-async-XXXXXX", &error);
  g_assert_no_error (error);
  f->main_thread = g_thread_self ();
  f->loop = g_main_loop_new (NULL, FALSE);
  f->results = g_ptr_array_new_with_free_func (g_object_unref);
  g_signal_connect (f->base.store, "changed", G_CALLBACK (changed_cb), f);
}

static void
teardown (AsyncFixture  *f,
          gconstpointer  data)
{
  g_ptr_array_unref (f->results);
  g_main_loop_unref (f->loop);
  st_test_remove_tree (f->out);
  g_free (f->out);
  st_fixture_teardown (&f->base, data);
}

static void
done_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  AsyncFixture *f = user_data;

  g_assert_true (g_thread_self () == f->main_thread);
  g_assert_true (f->base.store == NULL || source == G_OBJECT (f->base.store));
  f->n_changed_at_callback = f->n_changed;
  g_ptr_array_add (f->results, g_object_ref (result));
  g_main_loop_quit (f->loop);
}

/* Runs the main loop until @n callbacks have come; returns the last result (borrowed). */
static GAsyncResult *
wait_for (AsyncFixture *f,
          guint         n)
{
  while (f->results->len < n)
    g_main_loop_run (f->loop);
  g_assert_cmpuint (f->results->len, ==, n);
  return g_ptr_array_index (f->results, n - 1);
}

static StDraft *
bill_draft (const char *number,
            const char *serials)
{
  g_autoptr(StDraft) draft = st_draft_new (ST_DOC_BILL);
  g_auto(GStrv) parts = g_strsplit (serials, ",", -1);
  StDraftLine *line;

  st_draft_set_string (&draft->number, number);
  st_draft_set_string (&draft->date, "2026-01-05");
  st_draft_set_string (&draft->contact, "Acme");
  st_draft_set_string (&draft->warehouse, "Main");
  line = st_draft_add_line (draft, "TOOL", g_strv_length (parts));
  for (guint i = 0; parts[i] != NULL; i++)
    st_draft_line_add_serial (line, parts[i]);
  return g_steal_pointer (&draft);
}

static StDraft *
invoice_draft (const char *serials)
{
  g_autoptr(StDraft) draft = st_draft_new (ST_DOC_INVOICE);
  g_auto(GStrv) parts = g_strsplit (serials, ",", -1);
  StDraftLine *line;

  st_draft_set_string (&draft->date, "2026-02-01");
  st_draft_set_string (&draft->contact, "Bob");
  st_draft_set_string (&draft->warehouse, "Main");
  line = st_draft_add_line (draft, "TOOL", g_strv_length (parts));
  for (guint i = 0; parts[i] != NULL; i++)
    st_draft_line_add_serial (line, parts[i]);
  return g_steal_pointer (&draft);
}

static StDocument *
post_sync (AsyncFixture *f,
           StDraft      *draft)
{
  g_autoptr(GError) error = NULL;
  StDocument *document = st_store_post (f->base.store, draft, &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);
  return document;
}

/* Two documents alike but for what tells them apart (@same: not even that). */
static void
assert_documents_alike (StDocument *a,
                        StDocument *b,
                        gboolean    same)
{
  GPtrArray *lines_a = st_document_get_lines (a);
  GPtrArray *lines_b = st_document_get_lines (b);

  if (same)
    {
      g_assert_cmpint (st_document_get_id (a), ==, st_document_get_id (b));
      g_assert_cmpstr (st_document_get_number (a), ==, st_document_get_number (b));
    }
  g_assert_cmpint (st_document_get_kind (a), ==, st_document_get_kind (b));
  g_assert_cmpstr (st_document_get_date (a), ==, st_document_get_date (b));
  g_assert_cmpint (st_document_get_status (a), ==, st_document_get_status (b));
  g_assert_cmpstr (st_document_get_contact (a), ==, st_document_get_contact (b));
  g_assert_cmpstr (st_document_get_warehouse (a), ==, st_document_get_warehouse (b));
  g_assert_cmpstr (st_document_get_to_warehouse (a), ==, st_document_get_to_warehouse (b));
  g_assert_cmpint (st_document_get_in_transit (a), ==, st_document_get_in_transit (b));
  g_assert_cmpstr (st_document_get_received_date (a), ==, st_document_get_received_date (b));
  g_assert_cmpint (st_document_get_total (a), ==, st_document_get_total (b));
  g_assert_cmpint (st_document_get_quantity (a), ==, st_document_get_quantity (b));
  g_assert_cmpint (lines_a != NULL, ==, lines_b != NULL);
  if (lines_a == NULL)
    return;
  g_assert_cmpuint (lines_a->len, ==, lines_b->len);
  for (guint i = 0; i < lines_a->len; i++)
    {
      const StDocumentLine *la = g_ptr_array_index (lines_a, i);
      const StDocumentLine *lb = g_ptr_array_index (lines_b, i);

      g_assert_cmpstr (la->sku, ==, lb->sku);
      g_assert_cmpint (la->quantity, ==, lb->quantity);
      g_assert_cmpint (la->rate, ==, lb->rate);
      g_assert_cmpuint (la->serials->len, ==, lb->serials->len);
      if (same)
        for (guint j = 0; j < la->serials->len; j++)
          g_assert_cmpstr (g_ptr_array_index (la->serials, j), ==,
                           g_ptr_array_index (lb->serials, j));
    }
}

static void
assert_same_error (const GError *async_error,
                   const GError *sync_error)
{
  g_assert_nonnull (sync_error);
  g_assert_error (async_error, sync_error->domain, sync_error->code);
  g_assert_cmpstr (async_error->message, ==, sync_error->message);
}

/* Posting */

static void
test_post (AsyncFixture  *f,
           gconstpointer  data)
{
  g_autoptr(StDraft) draft = bill_draft ("B1", "T1,T2");
  g_autoptr(StDraft) twin = bill_draft ("B2", "T3,T4");
  g_autoptr(StDocument) posted = NULL;
  g_autoptr(StDocument) stored = NULL;
  g_autoptr(StDocument) synced = NULL;
  g_autoptr(StUnit) unit = NULL;
  g_autoptr(GError) error = NULL;

  st_store_post_async (f->base.store, draft, NULL, done_cb, f);
  /* Nothing happens before the main loop runs: the caller's draft is the caller's. */
  g_clear_pointer (&draft, st_draft_free);
  g_assert_cmpuint (f->n_changed, ==, 0);

  posted = st_store_post_finish (f->base.store, wait_for (f, 1), &error);
  g_assert_no_error (error);
  g_assert_true (ST_IS_DOCUMENT (posted));
  g_assert_cmpstr (st_document_get_number (posted), ==, "B1");

  /* "changed" once, on this thread, before the callback. */
  g_assert_cmpuint (f->n_changed, ==, 1);
  g_assert_cmpuint (f->n_changed_at_callback, ==, 1);
  g_assert_false (f->changed_elsewhere);

  /* What the caller's connection reads is what came back … */
  stored = st_store_get_document_by_id (f->base.store, st_document_get_id (posted), &error);
  g_assert_no_error (error);
  assert_documents_alike (posted, stored, TRUE);
  unit = st_store_find_unit (f->base.store, "T2", "TOOL", &error);
  g_assert_no_error (error);
  g_assert_cmpint (st_unit_get_status (unit), ==, ST_UNIT_IN_STOCK);
  g_assert_cmpstr (st_unit_get_received_doc (unit), ==, "B1");

  /* … and what the synchronous call answers for the same draft. */
  synced = post_sync (f, twin);
  assert_documents_alike (posted, synced, FALSE);
  st_assert_check_ok (f->base.store);
}

static void
test_post_refused (AsyncFixture  *f,
                   gconstpointer  data)
{
  g_autoptr(StDraft) first = bill_draft ("B1", "T1");
  g_autoptr(StDraft) again = bill_draft ("B2", "T1");
  g_autoptr(StDraft) twice = bill_draft ("B3", "T5,T5");
  g_autoptr(StDocument) doc = post_sync (f, first);
  g_autoptr(StDocument) refused = NULL;
  g_autoptr(GError) sync_error = NULL;
  g_autoptr(GError) error = NULL;
  guint n_changed = f->n_changed;

  refused = st_store_post (f->base.store, again, &sync_error);
  g_assert_null (refused);
  st_store_post_async (f->base.store, again, NULL, done_cb, f);
  refused = st_store_post_finish (f->base.store, wait_for (f, 1), &error);
  g_assert_null (refused);
  assert_same_error (error, sync_error);
  g_clear_error (&error);
  g_clear_error (&sync_error);

  refused = st_store_post (f->base.store, twice, &sync_error);
  g_assert_null (refused);
  g_assert_error (sync_error, ST_ERROR, ST_ERROR_DUPLICATE_SERIAL);
  st_store_post_async (f->base.store, twice, NULL, done_cb, f);
  refused = st_store_post_finish (f->base.store, wait_for (f, 2), &error);
  g_assert_null (refused);
  assert_same_error (error, sync_error);

  /* Nothing written, nothing announced. */
  g_assert_cmpuint (f->n_changed, ==, n_changed);
  st_assert_check_ok (f->base.store);
}

/* Voiding and receiving */

static void
test_void (AsyncFixture  *f,
           gconstpointer  data)
{
  g_autoptr(StDraft) bill = bill_draft ("B1", "T1,T2,T3");
  g_autoptr(StDraft) sale_1 = invoice_draft ("T1");
  g_autoptr(StDraft) sale_2 = invoice_draft ("T2");
  g_autoptr(StDocument) received = post_sync (f, bill);
  g_autoptr(StDocument) invoice_1 = post_sync (f, sale_1);
  g_autoptr(StDocument) invoice_2 = post_sync (f, sale_2);
  g_autoptr(StDocument) voided = NULL;
  g_autoptr(StDocument) synced = NULL;
  g_autoptr(StDocument) refused = NULL;
  g_autoptr(StUnit) unit = NULL;
  g_autoptr(GError) sync_error = NULL;
  g_autoptr(GError) error = NULL;
  guint n_changed = f->n_changed;

  st_store_void_async (f->base.store, ST_DOC_INVOICE, st_document_get_number (invoice_1), NULL,
                       NULL, done_cb, f);
  voided = st_store_void_finish (f->base.store, wait_for (f, 1), &error);
  g_assert_no_error (error);
  g_assert_cmpint (st_document_get_status (voided), ==, ST_DOC_STATUS_VOID);
  g_assert_cmpuint (f->n_changed, ==, n_changed + 1);
  g_assert_cmpuint (f->n_changed_at_callback, ==, n_changed + 1);
  g_assert_false (f->changed_elsewhere);
  unit = st_store_find_unit (f->base.store, "T1", "TOOL", &error);
  g_assert_no_error (error);
  g_assert_cmpint (st_unit_get_status (unit), ==, ST_UNIT_IN_STOCK);

  synced = st_store_void (f->base.store, ST_DOC_INVOICE, st_document_get_number (invoice_2),
                          &error);
  g_assert_no_error (error);
  assert_documents_alike (voided, synced, FALSE);

  /* A void document cannot be voided again; the bill's units have moved on. */
  n_changed = f->n_changed;
  refused = st_store_void (f->base.store, ST_DOC_INVOICE, st_document_get_number (invoice_1),
                           &sync_error);
  g_assert_error (sync_error, ST_ERROR, ST_ERROR_DOCUMENT_STATE);
  st_store_void_async (f->base.store, ST_DOC_INVOICE, st_document_get_number (invoice_1), NULL,
                       NULL, done_cb, f);
  refused = st_store_void_finish (f->base.store, wait_for (f, 2), &error);
  g_assert_null (refused);
  assert_same_error (error, sync_error);
  g_clear_error (&error);
  g_clear_error (&sync_error);

  {
    g_autoptr(StDraft) sale_3 = invoice_draft ("T3");
    g_autoptr(StDocument) invoice_3 = post_sync (f, sale_3);

    n_changed = f->n_changed;
    refused = st_store_void_bill (f->base.store, "B1", "Acme", &sync_error);
    g_assert_error (sync_error, ST_ERROR, ST_ERROR_MOVED_ON);
    st_store_void_async (f->base.store, ST_DOC_BILL, "B1", "Acme", NULL, done_cb, f);
    refused = st_store_void_finish (f->base.store, wait_for (f, 3), &error);
    g_assert_null (refused);
    assert_same_error (error, sync_error);
    g_assert_cmpuint (f->n_changed, ==, n_changed);
  }
  st_assert_check_ok (f->base.store);
}

/* Bill numbers are the vendors' own: the vendor says whose bill is voided. */
static void
test_void_bill_vendor (AsyncFixture  *f,
                       gconstpointer  data)
{
  g_autoptr(StContact) other = NULL;
  g_autoptr(StDraft) acme = bill_draft ("1001", "T1");
  g_autoptr(StDraft) zenith = bill_draft ("1001", "T2");
  g_autoptr(StDocument) acme_bill = NULL;
  g_autoptr(StDocument) zenith_bill = NULL;
  g_autoptr(StDocument) voided = NULL;
  g_autoptr(StUnit) unit = NULL;
  g_autoptr(GError) sync_error = NULL;
  g_autoptr(GError) error = NULL;

  other = st_store_add_contact (f->base.store, ST_CONTACT_VENDOR, "Zenith", &error);
  g_assert_no_error (error);
  st_draft_set_string (&zenith->contact, "Zenith");
  acme_bill = post_sync (f, acme);
  zenith_bill = post_sync (f, zenith);

  voided = st_store_void (f->base.store, ST_DOC_BILL, "1001", &sync_error);
  g_assert_error (sync_error, ST_ERROR, ST_ERROR_DUPLICATE);
  st_store_void_async (f->base.store, ST_DOC_BILL, "1001", NULL, NULL, done_cb, f);
  voided = st_store_void_finish (f->base.store, wait_for (f, 1), &error);
  g_assert_null (voided);
  assert_same_error (error, sync_error);
  g_clear_error (&error);

  st_store_void_async (f->base.store, ST_DOC_BILL, "1001", "Zenith", NULL, done_cb, f);
  voided = st_store_void_finish (f->base.store, wait_for (f, 2), &error);
  g_assert_no_error (error);
  g_assert_cmpint (st_document_get_id (voided), ==, st_document_get_id (zenith_bill));
  g_assert_cmpint (st_document_get_status (voided), ==, ST_DOC_STATUS_VOID);
  unit = st_store_find_unit (f->base.store, "T1", "TOOL", &error);
  g_assert_no_error (error);
  g_assert_cmpint (st_unit_get_status (unit), ==, ST_UNIT_IN_STOCK);
  st_assert_check_ok (f->base.store);
}

static StDocument *
post_transfer_in_transit (AsyncFixture *f,
                          const char   *serial)
{
  g_autoptr(StDraft) draft = st_draft_new (ST_DOC_TRANSFER);
  StDraftLine *line;

  st_draft_set_string (&draft->date, "2026-01-10");
  st_draft_set_string (&draft->warehouse, "Main");
  st_draft_set_string (&draft->to_warehouse, "Shop");
  draft->in_transit = TRUE;
  line = st_draft_add_line (draft, "TOOL", 1);
  st_draft_line_add_serial (line, serial);
  return post_sync (f, draft);
}

static void
test_receive (AsyncFixture  *f,
              gconstpointer  data)
{
  g_autoptr(StDraft) bill = bill_draft ("B1", "T1,T2");
  g_autoptr(StDocument) received = post_sync (f, bill);
  g_autoptr(StDocument) transfer_1 = post_transfer_in_transit (f, "T1");
  g_autoptr(StDocument) transfer_2 = post_transfer_in_transit (f, "T2");
  g_autoptr(StDocument) arrived = NULL;
  g_autoptr(StDocument) synced = NULL;
  g_autoptr(StDocument) refused = NULL;
  g_autoptr(StUnit) unit = NULL;
  g_autoptr(GError) sync_error = NULL;
  g_autoptr(GError) error = NULL;
  guint n_changed = f->n_changed;

  st_store_receive_transfer_async (f->base.store, st_document_get_number (transfer_1),
                                   "2026-01-12", NULL, done_cb, f);
  arrived = st_store_receive_transfer_finish (f->base.store, wait_for (f, 1), &error);
  g_assert_no_error (error);
  g_assert_false (st_document_get_in_transit (arrived));
  g_assert_cmpstr (st_document_get_received_date (arrived), ==, "2026-01-12");
  g_assert_cmpuint (f->n_changed, ==, n_changed + 1);
  g_assert_cmpuint (f->n_changed_at_callback, ==, n_changed + 1);
  g_assert_false (f->changed_elsewhere);
  unit = st_store_find_unit (f->base.store, "T1", "TOOL", &error);
  g_assert_no_error (error);
  g_assert_cmpint (st_unit_get_status (unit), ==, ST_UNIT_IN_STOCK);
  g_assert_cmpstr (st_unit_get_warehouse (unit), ==, "Shop");

  synced = st_store_receive_transfer (f->base.store, st_document_get_number (transfer_2),
                                      "2026-01-12", &error);
  g_assert_no_error (error);
  assert_documents_alike (arrived, synced, FALSE);

  n_changed = f->n_changed;
  refused = st_store_receive_transfer (f->base.store, st_document_get_number (transfer_1), NULL,
                                       &sync_error);
  g_assert_error (sync_error, ST_ERROR, ST_ERROR_DOCUMENT_STATE);
  st_store_receive_transfer_async (f->base.store, st_document_get_number (transfer_1), NULL,
                                   NULL, done_cb, f);
  refused = st_store_receive_transfer_finish (f->base.store, wait_for (f, 2), &error);
  g_assert_null (refused);
  assert_same_error (error, sync_error);
  g_assert_cmpuint (f->n_changed, ==, n_changed);
  st_assert_check_ok (f->base.store);
}

/* Backups */

static void
test_backup (AsyncFixture  *f,
             gconstpointer  data)
{
  g_autoptr(StDraft) bill = bill_draft ("B1", "T1,T2");
  g_autoptr(StDocument) received = post_sync (f, bill);
  g_autofree char *dest = g_build_filename (f->out, "copy.serialtrack", NULL);
  g_autoptr(StStore) copy = NULL;
  g_autoptr(StDocument) copied = NULL;
  g_autoptr(GError) sync_error = NULL;
  g_autoptr(GError) error = NULL;
  guint n_changed = f->n_changed;

  st_store_backup_async (f->base.store, dest, FALSE, NULL, done_cb, f);
  g_assert_true (st_store_backup_finish (f->base.store, wait_for (f, 1), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (f->n_changed, ==, n_changed);

  copy = st_store_open (dest, ST_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  copied = st_store_get_bill (copy, "B1", "Acme", &error);
  g_assert_no_error (error);
  assert_documents_alike (received, copied, TRUE);
  st_assert_check_ok (copy);

  /* An existing file without overwrite: refused alike. */
  g_assert_false (st_store_backup (f->base.store, dest, FALSE, &sync_error));
  st_store_backup_async (f->base.store, dest, FALSE, NULL, done_cb, f);
  g_assert_false (st_store_backup_finish (f->base.store, wait_for (f, 2), &error));
  assert_same_error (error, sync_error);
}

/* Any call on the worker's connection */

static gpointer
add_warehouse_run (StStore       *connection,
                   gpointer       data,
                   GCancellable  *cancellable,
                   GError       **error)
{
  AsyncFixture *f = g_object_get_data (G_OBJECT (connection), "fixture");

  /* Never on the caller's thread, never on the caller's connection. */
  g_assert_null (f);
  return st_store_add_warehouse (connection, data, error);
}

static void
test_run (AsyncFixture  *f,
          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) sync_error = NULL;
  g_autoptr(StWarehouse) added = NULL;
  g_autoptr(StWarehouse) again = NULL;
  g_autoptr(GPtrArray) warehouses = NULL;
  guint n_changed = f->n_changed;
  gboolean found = FALSE;

  g_object_set_data (G_OBJECT (f->base.store), "fixture", f);
  st_store_run_async (f->base.store, add_warehouse_run, g_strdup ("Back Room"), g_free,
                      g_object_unref, TRUE, NULL, done_cb, f);
  added = st_store_run_finish (f->base.store, wait_for (f, 1), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (st_warehouse_get_name (added), ==, "Back Room");
  /* "changed" once, on this thread, before the callback; the caller's connection sees it. */
  g_assert_cmpuint (f->n_changed, ==, n_changed + 1);
  g_assert_cmpuint (f->n_changed_at_callback, ==, n_changed + 1);
  g_assert_false (f->changed_elsewhere);
  warehouses = st_store_list_warehouses (f->base.store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < warehouses->len; i++)
    found |= g_str_equal (st_warehouse_get_name (g_ptr_array_index (warehouses, i)), "Back Room");
  g_assert_true (found);

  /* A refusal comes back as the synchronous call gives it, and nothing changed. */
  g_assert_null (st_store_add_warehouse (f->base.store, "Back Room", &sync_error));
  st_store_run_async (f->base.store, add_warehouse_run, g_strdup ("Back Room"), g_free,
                      g_object_unref, TRUE, NULL, done_cb, f);
  again = st_store_run_finish (f->base.store, wait_for (f, 2), &error);
  g_assert_null (again);
  assert_same_error (error, sync_error);
  g_assert_cmpuint (f->n_changed, ==, n_changed + 1);
}

static gpointer
set_tracking_run (StStore       *connection,
                  gpointer       data,
                  GCancellable  *cancellable,
                  GError       **error)
{
  return st_store_set_tracking (connection, GPOINTER_TO_INT (data), error)
         ? GINT_TO_POINTER (TRUE) : NULL;
}

/* A preference stored on the worker's connection shows on the caller's at once (the store
 * reads its settings again before "changed"), as one stored at another desk does. */
static void
test_run_settings (AsyncFixture  *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (st_store_get_tracking (f->base.store), ==, ST_TRACKING_SERIAL);
  st_store_run_async (f->base.store, set_tracking_run, GINT_TO_POINTER (ST_TRACKING_NONE), NULL,
                      NULL, TRUE, NULL, done_cb, f);
  g_assert_nonnull (st_store_run_finish (f->base.store, wait_for (f, 1), &error));
  g_assert_no_error (error);
  g_assert_cmpint (st_store_get_tracking (f->base.store), ==, ST_TRACKING_NONE);
}

/* Exports */

static void
assert_same_workbook (const char *a,
                      const char *b)
{
  g_auto(GStrv) lines_a = st_test_read_xlsx (a, FALSE);
  g_auto(GStrv) lines_b = st_test_read_xlsx (b, FALSE);

  g_assert_cmpuint (g_strv_length (lines_a), >, 3);
  g_assert_cmpstrv (lines_a, lines_b);
}

typedef struct
{
  AsyncFixture *f;
  GArray       *fractions;
  gboolean      elsewhere;
  gboolean      after_result;
  gboolean      freed;
} Progress;

static void
progress_cb (double   fraction,
             gpointer user_data)
{
  Progress *p = user_data;

  if (g_thread_self () != p->f->main_thread)
    p->elsewhere = TRUE;
  if (p->f->results->len > 0)
    p->after_result = TRUE;
  g_array_append_val (p->fractions, fraction);
}

static void
progress_free (gpointer user_data)
{
  Progress *p = user_data;

  g_assert_true (g_thread_self () == p->f->main_thread);
  p->freed = TRUE;
}

static void
sell_some (AsyncFixture *f)
{
  g_autoptr(StDraft) bill = bill_draft ("B1", "T1,T2,T3");
  g_autoptr(StDraft) sale = invoice_draft ("T1,T2");
  g_autoptr(StDocument) received = post_sync (f, bill);
  g_autoptr(StDocument) sold = post_sync (f, sale);
}

static void
test_export_history (AsyncFixture  *f,
                     gconstpointer  data)
{
  g_autofree char *sync_path = g_build_filename (f->out, "sync.xlsx", NULL);
  g_autofree char *async_path = g_build_filename (f->out, "async.xlsx", NULL);
  const char * const serials[] = { "T1", "T3", NULL };
  StHistoryScope scope = { .sku = "TOOL", .serials = serials };
  g_autoptr(GArray) fractions = g_array_new (FALSE, FALSE, sizeof (double));
  Progress p = { f, fractions };
  g_autoptr(GError) sync_error = NULL;
  g_autoptr(GError) error = NULL;
  guint n_changed;

  sell_some (f);
  n_changed = f->n_changed;
  g_assert_true (st_export_history (f->base.store, sync_path, &scope, FALSE, NULL, NULL, NULL,
                                    &error));
  g_assert_no_error (error);

  st_store_export_history_async (f->base.store, async_path, &scope, FALSE, progress_cb, &p,
                                 progress_free, NULL, done_cb, f);
  g_assert_true (st_store_export_history_finish (f->base.store, wait_for (f, 1), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (f->n_changed, ==, n_changed);
  assert_same_workbook (sync_path, async_path);
  /* The progress data is let go of once the call is over, on this thread. */
  g_assert_true (p.freed);
  g_assert_false (p.elsewhere);

  /* The file exists now: refused alike. */
  g_assert_false (st_export_history (f->base.store, async_path, NULL, FALSE, NULL, NULL, NULL,
                                     &sync_error));
  st_store_export_history_async (f->base.store, async_path, NULL, FALSE, NULL, NULL, NULL, NULL,
                                 done_cb, f);
  g_assert_false (st_store_export_history_finish (f->base.store, wait_for (f, 2), &error));
  assert_same_error (error, sync_error);
}

static void
test_export_sold (AsyncFixture  *f,
                  gconstpointer  data)
{
  g_autofree char *sync_path = g_build_filename (f->out, "sync.xlsx", NULL);
  g_autofree char *async_path = g_build_filename (f->out, "async.xlsx", NULL);
  g_autoptr(GError) sync_error = NULL;
  g_autoptr(GError) error = NULL;

  sell_some (f);
  g_assert_true (st_export_sold (f->base.store, sync_path, "2026-01-01", "2026-12-31", FALSE,
                                 NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  st_store_export_sold_async (f->base.store, async_path, "2026-01-01", "2026-12-31", FALSE,
                              NULL, NULL, NULL, NULL, done_cb, f);
  g_assert_true (st_store_export_sold_finish (f->base.store, wait_for (f, 1), &error));
  g_assert_no_error (error);
  assert_same_workbook (sync_path, async_path);

  g_assert_false (st_export_sold (f->base.store, async_path, NULL, NULL, FALSE, NULL, NULL, NULL,
                                  &sync_error));
  st_store_export_sold_async (f->base.store, async_path, NULL, NULL, FALSE, NULL, NULL, NULL,
                              NULL, done_cb, f);
  g_assert_false (st_store_export_sold_finish (f->base.store, wait_for (f, 2), &error));
  assert_same_error (error, sync_error);
}

/* Enough units for the exporter to report progress (every 10,000 rows). */
static void
test_export_progress (AsyncFixture  *f,
                      gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->out, "big.xlsx", NULL);
  g_autoptr(GArray) fractions = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GString) serials = g_string_new ("");
  Progress p = { f, fractions };
  g_autoptr(GError) error = NULL;

  for (guint i = 1; i <= 12000; i++)
    g_string_append_printf (serials, "%sM%05u", i > 1 ? "," : "", i);
  {
    g_autoptr(StDraft) bill = bill_draft ("B-MANY", serials->str);
    g_autoptr(StDocument) received = post_sync (f, bill);
  }

  st_store_export_history_async (f->base.store, path, NULL, FALSE, progress_cb, &p,
                                 progress_free, NULL, done_cb, f);
  g_assert_true (st_store_export_history_finish (f->base.store, wait_for (f, 1), &error));
  g_assert_no_error (error);

  /* Delivered here, in order, coalesced (at most the three the exporter makes), none after
   * the result. */
  g_assert_false (p.elsewhere);
  g_assert_false (p.after_result);
  g_assert_true (p.freed);
  g_assert_cmpuint (fractions->len, >=, 1);
  g_assert_cmpuint (fractions->len, <=, 3);
  for (guint i = 0; i < fractions->len; i++)
    {
      double fraction = g_array_index (fractions, double, i);

      g_assert_cmpfloat (fraction, >, 0.0);
      g_assert_cmpfloat (fraction, <=, 1.0);
      if (i > 0)
        g_assert_cmpfloat (fraction, >=, g_array_index (fractions, double, i - 1));
    }
}

/* The worker: order, and cancelling a call it has not started. */

static void
test_in_order (AsyncFixture  *f,
               gconstpointer  data)
{
  g_autoptr(StDraft) bill = bill_draft ("B1", "T1,T2");
  g_autoptr(StDraft) sale = invoice_draft ("T1");
  g_autoptr(StDocument) received = NULL;
  g_autoptr(StDocument) sold = NULL;
  g_autoptr(StDocument) voided = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *number = NULL;

  /* Each call depends on the one before: they only succeed one after another. */
  st_store_post_async (f->base.store, bill, NULL, done_cb, f);
  st_store_post_async (f->base.store, sale, NULL, done_cb, f);
  number = st_store_next_number (f->base.store, ST_DOC_INVOICE);
  st_store_void_async (f->base.store, ST_DOC_INVOICE, number, NULL, NULL, done_cb, f);
  wait_for (f, 3);

  received = st_store_post_finish (f->base.store, g_ptr_array_index (f->results, 0), &error);
  g_assert_no_error (error);
  sold = st_store_post_finish (f->base.store, g_ptr_array_index (f->results, 1), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (st_document_get_number (sold), ==, number);
  voided = st_store_void_finish (f->base.store, g_ptr_array_index (f->results, 2), &error);
  g_assert_no_error (error);
  g_assert_cmpint (st_document_get_id (voided), ==, st_document_get_id (sold));
  g_assert_cmpuint (f->n_changed, ==, 3);
  st_assert_check_ok (f->base.store);
}

static void
test_cancel_before_start (AsyncFixture  *f,
                          gconstpointer  data)
{
  g_autoptr(StDraft) first = bill_draft ("B1", "T1");
  g_autoptr(StDraft) second = bill_draft ("B2", "T2");
  g_autoptr(StDraft) third = bill_draft ("B3", "T3");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GCancellable) cancelled = g_cancellable_new ();
  g_autoptr(StDocument) posted = NULL;
  g_autoptr(StDocument) refused = NULL;
  g_autoptr(GError) error = NULL;
  StTestGate gate;

  st_test_gate_init (&gate, f->base.store);

  /* The worker holds at the first call; the second waits behind it and is cancelled. */
  st_store_post_async (f->base.store, first, NULL, done_cb, f);
  st_store_post_async (f->base.store, second, cancellable, done_cb, f);
  st_test_gate_wait_for_jobs (&gate, 1);
  g_cancellable_cancel (cancellable);
  /* One already cancelled when it is made. */
  g_cancellable_cancel (cancelled);
  st_store_post_async (f->base.store, third, cancelled, done_cb, f);
  st_test_gate_release (&gate);
  wait_for (f, 3);

  posted = st_store_post_finish (f->base.store, g_ptr_array_index (f->results, 0), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (st_document_get_number (posted), ==, "B1");
  refused = st_store_post_finish (f->base.store, g_ptr_array_index (f->results, 1), &error);
  g_assert_null (refused);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  refused = st_store_post_finish (f->base.store, g_ptr_array_index (f->results, 2), &error);
  g_assert_null (refused);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  /* Only the first was written, and announced. */
  g_assert_cmpuint (f->n_changed, ==, 1);
  refused = st_store_get_bill (f->base.store, "B2", NULL, &error);
  g_assert_error (error, ST_ERROR, ST_ERROR_NOT_FOUND);
  g_clear_error (&error);
  refused = st_store_get_bill (f->base.store, "B3", NULL, &error);
  g_assert_error (error, ST_ERROR, ST_ERROR_NOT_FOUND);

  _st_store_set_worker_hook (f->base.store, NULL, NULL);
  st_test_gate_clear (&gate);
}

/* An export answers a cancellation itself, as its synchronous twin does, leaving no file. */
static void
test_export_cancelled (AsyncFixture  *f,
                       gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->out, "x.xlsx", NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) sync_error = NULL;
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  g_assert_false (st_export_history (f->base.store, path, NULL, FALSE, cancellable, NULL, NULL,
                                     &sync_error));
  g_assert_error (sync_error, ST_ERROR, ST_ERROR_CANCELLED);
  st_store_export_history_async (f->base.store, path, NULL, FALSE, NULL, NULL, NULL,
                                 cancellable, done_cb, f);
  g_assert_false (st_store_export_history_finish (f->base.store, wait_for (f, 1), &error));
  assert_same_error (error, sync_error);
  g_clear_error (&error);
  g_clear_error (&sync_error);

  g_assert_false (st_export_sold (f->base.store, path, NULL, NULL, FALSE, cancellable, NULL,
                                  NULL, &sync_error));
  st_store_export_sold_async (f->base.store, path, NULL, NULL, FALSE, NULL, NULL, NULL,
                              cancellable, done_cb, f);
  g_assert_false (st_store_export_sold_finish (f->base.store, wait_for (f, 2), &error));
  assert_same_error (error, sync_error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* A store whose calls are done goes away with its worker, wherever the last reference is. */
static void
test_store_goes (AsyncFixture  *f,
                 gconstpointer  data)
{
  g_autoptr(StDraft) bill = bill_draft ("B1", "T1");
  g_autoptr(StDocument) posted = NULL;
  g_autoptr(GError) error = NULL;
  StStore *store = g_object_ref (f->base.store);

  st_store_post_async (store, bill, NULL, done_cb, f);
  g_object_add_weak_pointer (G_OBJECT (store), (gpointer *) &store);
  g_clear_object (&f->base.store);
  g_assert_nonnull (store);   /* the call holds it */
  posted = st_store_post_finish (store, wait_for (f, 1), &error);
  g_assert_no_error (error);
  g_object_unref (store);
  g_ptr_array_set_size (f->results, 0);
  g_assert_null (store);

  f->base.store = st_store_open (f->base.path, ST_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_clear_object (&posted);
  posted = st_store_get_bill (f->base.store, "B1", NULL, &error);
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, AsyncFixture, NULL, setup, func, teardown)

  ADD ("/store-async/post", test_post);
  ADD ("/store-async/post/refused", test_post_refused);
  ADD ("/store-async/void", test_void);
  ADD ("/store-async/void/bill-vendor", test_void_bill_vendor);
  ADD ("/store-async/receive", test_receive);
  ADD ("/store-async/backup", test_backup);
  ADD ("/store-async/run", test_run);
  ADD ("/store-async/run/settings", test_run_settings);
  ADD ("/store-async/export/history", test_export_history);
  ADD ("/store-async/export/sold", test_export_sold);
  ADD ("/store-async/export/progress", test_export_progress);
  ADD ("/store-async/export/cancelled", test_export_cancelled);
  ADD ("/store-async/worker/in-order", test_in_order);
  ADD ("/store-async/worker/cancel-before-start", test_cancel_before_start);
  ADD ("/store-async/worker/store-goes", test_store_goes);
#undef ADD

  return g_test_run ();
}
