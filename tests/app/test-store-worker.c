/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-store-worker.c — no write runs on the main thread: with the store's worker held (as a
 * slow database across the network would hold it), the window goes on drawing and answering
 * while a document is being posted; let go, the posting ends and the window shows it. */
#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <locale.h>

#include "st-application.h"
#include "st-document-editor.h"
#include "st-editor-line.h"
#include "st-error.h"
#include "st-edit-dialog.h"
#include "st-item-dialog.h"
#include "st-list-page.h"
#include "st-service-dialog.h"
#include "st-service-page.h"
#include "st-service-step-run.h"
#include "st-store-service.h"
#include "st-store-private.h"
#include "st-window.h"
#include "st-test-app.h"
#include "../st-test-gate.h"

typedef struct
{
  char       *dir;
  char       *path;
  StWindow   *window;
  StStore    *store;   /* the window's */
  StTestGate  gate;
  StDocument *posted;
  guint       n_ticks;
} Fixture;

static StApplication *app;

/* A new database with a quantity item CABLE and vendor Acme, open in a window whose store's
 * worker holds every job until the test releases it. */
static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  StItemSpec spec = { "CABLE", "USB cable", "pcs", 500, 100, ST_TRACKING_NONE, 0,
                      ST_SERIAL_FORMAT_ANY };
  g_autoptr(GError) error = NULL;
  g_autoptr(StStore) store = NULL;

  store = st_test_create_database ("st-worker-test-XXXXXX", &f->dir, &f->path);
  st_test_add_item (store, &spec);
  st_test_add_contact (store, ST_CONTACT_VENDOR, "Acme");
  g_clear_object (&store);

  f->window = st_test_open_window (app, f->path);
  f->store = st_window_get_store (f->window);

  st_test_gate_init (&f->gate, f->store);
  st_test_spin ();
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{

  /* Whatever happened, the worker must not wait forever: the store waits for it. */
  st_test_gate_release (&f->gate);
  _st_store_set_worker_hook (f->store, NULL, NULL);
  g_clear_object (&f->posted);

  st_test_destroy_toplevels_if (st_test_is_own_window);

  st_test_gate_clear (&f->gate);

  st_test_remove_dir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static void
posted_cb (StDocumentEditor *editor,
           StDocument       *document,
           Fixture          *f)
{
  f->posted = g_object_ref (document);
}

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       data)
{
  Fixture *f = data;

  f->n_ticks++;
  gtk_widget_queue_draw (widget);
  return G_SOURCE_CONTINUE;
}

static gboolean
worker_holds_a_job (gpointer data)
{
  Fixture *f = data;

  return st_test_gate_n_jobs (&f->gate) >= 1;
}

static gboolean
frames_drawn (gpointer data)
{
  Fixture *f = data;

  return f->n_ticks >= 5;
}

static StListPage *
view (Fixture    *f,
      const char *name)
{
  return ST_LIST_PAGE (st_window_get_view (f->window, name));
}

static gboolean
items_filtered_out (gpointer data)
{
  Fixture *f = data;

  return g_list_model_get_n_items (G_LIST_MODEL (st_list_page_get_selection (view (f, "items"))))
         == 0;
}

static gboolean
posting_done (gpointer data)
{
  Fixture *f = data;

  return f->posted != NULL;
}

static gboolean
bill_listed (gpointer data)
{
  Fixture *f = data;

  GListModel *bills = G_LIST_MODEL (st_list_page_get_selection (view (f, "bills")));
  g_autoptr(StDocument) row = NULL;

  if (g_list_model_get_n_items (bills) != 1)
    return FALSE;
  row = g_list_model_get_item (bills, 0);
  return g_strcmp0 (st_document_get_number (row), "ACME-1") == 0;
}

/* The window draws frames (its frame clock goes on) and a timeout fires while the worker is
 * held. */
static void
assert_window_draws (Fixture *f)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (f->window));
  gint64 frame_before;
  gboolean fired = FALSE;
  guint tick_id;

  g_assert_nonnull (clock);
  frame_before = gdk_frame_clock_get_frame_counter (clock);
  f->n_ticks = 0;
  tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (f->window), tick_cb, f, NULL);
  st_test_wait_until (frames_drawn, f);
  gtk_widget_remove_tick_callback (GTK_WIDGET (f->window), tick_id);
  g_assert_cmpint (gdk_frame_clock_get_frame_counter (clock), >, frame_before);
  g_timeout_add (50, st_test_timeout_cb, &fired);
  while (!fired)
    g_main_context_iteration (NULL, TRUE);
}

static void
test_window_draws_while_posting (Fixture       *f,
                                 gconstpointer  data)
{
  StDocumentEditor *editor;
  StEditorLine *line;
  GtkDropDown *items;
  GtkWidget *post_button;
  GtkEditable *filter;
  g_autoptr(GError) error = NULL;
  g_autoptr(StDocument) stored = NULL;

  st_window_show_view (f->window, "items");
  st_test_spin ();
  g_assert_false (items_filtered_out (f));

  /* A bill for 5 cables, posted from the editor. */
  editor = st_document_editor_new (GTK_WINDOW (f->window), f->store, ST_DOC_BILL);
  g_signal_connect (editor, "posted", G_CALLBACK (posted_cb), f);
  gtk_window_present (GTK_WINDOW (editor));
  st_test_spin ();
  gtk_editable_set_text (st_test_template_child (editor, ST_TYPE_DOCUMENT_EDITOR, "number_entry"),
                         "ACME-1");
  line = st_document_editor_get_line (editor, 0);
  items = st_test_template_child (line, ST_TYPE_EDITOR_LINE, "item_dropdown");
  gtk_drop_down_set_selected (items, 0);
  gtk_spin_button_set_value (st_test_template_child (line, ST_TYPE_EDITOR_LINE, "quantity_spin"),
                             5);
  st_test_spin ();
  g_assert_true (st_document_editor_can_post (editor));

  post_button = st_test_template_child (editor, ST_TYPE_DOCUMENT_EDITOR, "post_button");
  g_signal_emit_by_name (post_button, "clicked");
  g_assert_true (st_document_editor_is_posting (editor));

  /* The worker has the posting and holds it. */
  st_test_wait_until (worker_holds_a_job, f);
  g_assert_true (st_document_editor_is_posting (editor));
  g_assert_null (f->posted);

  /* The window draws, a timeout fires … */
  assert_window_draws (f);

  /* … and it answers: typing in the Items filter narrows the list, read on the window's own
   * connection while the worker's waits. */
  filter = st_test_template_child (view (f, "items"), ST_TYPE_LIST_PAGE, "filter_entry");
  gtk_editable_set_text (filter, "no such item");
  st_test_wait_until (items_filtered_out, f);

  g_assert_true (st_document_editor_is_posting (editor));
  g_assert_null (f->posted);
  stored = st_store_get_bill (f->store, "ACME-1", NULL, &error);
  g_assert_null (stored);
  g_assert_error (error, ST_ERROR, ST_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Let go: the posting ends, the editor closes and the Bills view lists the bill. */
  st_test_gate_release (&f->gate);
  st_test_wait_until (posting_done, f);
  g_assert_cmpstr (st_document_get_number (f->posted), ==, "ACME-1");
  g_assert_cmpint (st_document_get_quantity (f->posted), ==, 5);

  st_window_show_view (f->window, "bills");
  st_test_wait_until (bill_listed, f);
  g_clear_object (&stored);
  stored = st_store_get_bill (f->store, "ACME-1", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (st_document_get_id (stored), ==, st_document_get_id (f->posted));
}

static gboolean
dialog_gone (gpointer data)
{
  return !gtk_widget_get_visible (GTK_WIDGET (data));
}

static gboolean
page_idle (gpointer data)
{
  return !st_service_page_is_busy (data);
}

/* The service desk's steps too: opening a case and starting its repair wait for the worker
 * while the window draws; nothing is written until it lets go. */
static void
test_window_draws_while_servicing (Fixture       *f,
                                   gconstpointer  data)
{
  StItemSpec phone = { "PHN-1", "Phone", NULL, 50000, 30000, ST_TRACKING_SERIAL, 12,
                       ST_SERIAL_FORMAT_ANY };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(StServiceDialog) dialog = NULL;
  StServiceQuery query = { .status = -1 };
  StServicePage *page;

  st_test_add_item (f->store, &phone);
  st_test_add_contact (f->store, ST_CONTACT_CUSTOMER, "Bob");
  g_object_unref (st_test_post_serials (f->store, &(StTestPosting) { .kind = ST_DOC_BILL,
                                          .number = "ACME-2", .contact = "Acme", .sku = "PHN-1",
                                          .serials = "SN-1" }));
  g_object_unref (st_test_post_serials (f->store, &(StTestPosting) { .kind = ST_DOC_INVOICE,
                                          .contact = "Bob", .sku = "PHN-1", .serials = "SN-1" }));

  /* Open Service Case… for SN-1: the dialog waits for the held worker, the window draws. */
  dialog = g_object_ref (ST_SERVICE_DIALOG (st_window_open_service_case (f->window, "SN-1")));
  gtk_editable_set_text (st_test_template_child (dialog, ST_TYPE_SERVICE_DIALOG,
                                                 "complaint_entry"), "No sound");
  g_assert_true (st_service_dialog_apply (dialog));
  st_test_wait_until (worker_holds_a_job, f);
  g_assert_true (st_service_step_dialog_is_busy (GTK_WINDOW (dialog)));
  /* A second press while it waits starts nothing. */
  g_assert_false (st_service_dialog_apply (dialog));
  assert_window_draws (f);
  cases = st_store_query_service_cases (f->store, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cases->len, ==, 0);
  g_clear_pointer (&cases, g_ptr_array_unref);

  /* Let go: the case opens and its page shows. */
  st_test_gate_release (&f->gate);
  st_test_wait_until (dialog_gone, dialog);
  st_test_spin ();
  page = ST_SERVICE_PAGE (st_window_get_view (f->window, "service-case"));
  g_assert_nonnull (st_service_page_get_case (page));
  g_assert_cmpint (st_service_case_get_status (st_service_page_get_case (page)), ==,
                   ST_SERVICE_OPEN);

  /* Start Repair with the worker held again: the page waits, its steps off, the window draws. */
  st_test_gate_hold (&f->gate);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "service.start", NULL));
  st_test_wait_until (worker_holds_a_job, f);
  g_assert_true (st_service_page_is_busy (page));
  g_assert_false (gtk_widget_is_sensitive (st_test_template_child (page, ST_TYPE_SERVICE_PAGE,
                                                                   "start_button")));
  assert_window_draws (f);
  cases = st_store_query_service_cases (f->store, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cases->len, ==, 1);
  g_assert_cmpint (st_service_case_get_status (g_ptr_array_index (cases, 0)), ==, ST_SERVICE_OPEN);

  st_test_gate_release (&f->gate);
  st_test_wait_until (page_idle, page);
  st_test_spin ();
  g_assert_cmpint (st_service_case_get_status (st_service_page_get_case (page)), ==,
                   ST_SERVICE_IN_REPAIR);
}

static gboolean
edit_dialog_idle (gpointer data)
{
  return !st_edit_dialog_is_busy (data);
}

/* Master data too: a new item's Add waits for the held worker while the window draws; the
 * item exists once it lets go. */
static void
test_window_draws_while_adding_item (Fixture       *f,
                                     gconstpointer  data)
{
  g_autoptr(StItemDialog) dialog = g_object_ref (st_item_dialog_new (GTK_WINDOW (f->window),
                                                                     f->store));
  g_autoptr(GError) error = NULL;
  g_autoptr(StItem) item = NULL;

  gtk_window_present (GTK_WINDOW (dialog));
  st_test_spin ();
  gtk_editable_set_text (st_test_template_child (dialog, ST_TYPE_ITEM_DIALOG, "sku_entry"),
                         "DRILL");
  gtk_editable_set_text (st_test_template_child (dialog, ST_TYPE_ITEM_DIALOG, "name_entry"),
                         "Drill");
  g_assert_true (st_edit_dialog_apply (ST_EDIT_DIALOG (dialog)));
  st_test_wait_until (worker_holds_a_job, f);
  g_assert_true (st_edit_dialog_is_busy (ST_EDIT_DIALOG (dialog)));
  g_assert_false (st_edit_dialog_apply (ST_EDIT_DIALOG (dialog)));
  assert_window_draws (f);
  g_assert_null (st_store_find_item (f->store, "DRILL", &error));
  g_assert_error (error, ST_ERROR, ST_ERROR_NOT_FOUND);
  g_clear_error (&error);

  st_test_gate_release (&f->gate);
  st_test_wait_until (edit_dialog_idle, dialog);
  st_test_spin ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  item = st_store_find_item (f->store, "DRILL", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (st_item_get_name (item), ==, "Drill");
}

int
main (int   argc,
      char *argv[])
{
  app = st_test_app_start (&argc, &argv);
  if (app == NULL)
    return 77;

  g_test_add ("/app/store-worker/window-draws-while-posting", Fixture, NULL, fixture_setup,
              test_window_draws_while_posting, fixture_teardown);
  g_test_add ("/app/store-worker/window-draws-while-servicing", Fixture, NULL, fixture_setup,
              test_window_draws_while_servicing, fixture_teardown);
  g_test_add ("/app/store-worker/window-draws-while-adding-item", Fixture, NULL, fixture_setup,
              test_window_draws_while_adding_item, fixture_teardown);

  return st_test_app_run (&app);
}
