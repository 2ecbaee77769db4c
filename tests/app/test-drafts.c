/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-drafts.c — drafts through the real widgets (issue 16 point 2): Save as Draft in the
 * editor, the draft listed first in its documents view, kept in the database when the window
 * goes away, reopened by activating it, edited and posted; a draft whose picked serial was sold
 * meanwhile refused and kept; deleted after a confirmation; the close question's Save as Draft. */
#include "config.h"

#include <gtk/gtk.h>
#include <glib/gi18n.h>
#include <string.h>

#include "st-document-actions.h"
#include "st-document-editor.h"
#include "st-documents-view.h"
#include "st-editor-line.h"
#include "st-error.h"
#include "st-serial-entry.h"
#include "st-store-drafts.h"
#include "st-test-app.h"

typedef struct
{
  char     *dir;
  char     *path;
  StWindow *window;
} Fixture;

static StApplication *app;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StStore) store = NULL;
  StItemSpec spec = { "TOOL", "Drill", NULL, 9900, 5000, ST_TRACKING_SERIAL, 0,
                      ST_SERIAL_FORMAT_ANY };

  store = st_test_create_database ("st-drafts-XXXXXX", &f->dir, &f->path);
  st_test_add_contact (store, ST_CONTACT_VENDOR, "Acme");
  st_test_add_contact (store, ST_CONTACT_CUSTOMER, "Bob");
  st_test_add_item (store, &spec);
  g_clear_object (&store);

  f->window = st_test_open_window (app, f->path);
  st_test_spin ();
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  st_test_destroy_all_toplevels ();
  st_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static StStore *
store (Fixture *f)
{
  return st_window_get_store (f->window);
}

static StDocumentsView *
view (Fixture    *f,
      const char *name)
{
  return ST_DOCUMENTS_VIEW (st_window_get_view (f->window, name));
}

static StDocumentEditor *
new_editor (Fixture    *f,
            const char *kind)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-document", "s",
                                             kind));
  st_test_spin ();
  return st_test_get_toplevel (ST_TYPE_DOCUMENT_EDITOR, TRUE);
}

static gboolean
no_editor (gpointer data)
{
  return st_test_find_toplevel (ST_TYPE_DOCUMENT_EDITOR, FALSE) == NULL;
}

/* Save as Draft: written in the store's worker, the editor waiting, then closed. */
static void
save_as_draft (gpointer editor)
{
  GtkWidget *button = st_test_template_child (editor, ST_TYPE_DOCUMENT_EDITOR, "draft_button");

  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  /* A second press while it saves starts nothing. */
  g_assert_false (st_document_editor_save_draft (editor));
  st_test_wait_until (no_editor, NULL);
  st_test_spin ();
}

static gboolean
invoice_drafts_gone (gpointer data)
{
  return st_documents_view_get_n_drafts (data) == 0;
}

static void
click (gpointer widget,
       GType    type,
       const char *name)
{
  GtkWidget *button = st_test_template_child (widget, type, name);

  g_assert_true (gtk_widget_get_visible (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  st_test_spin ();
}

/* Activates the draft row @index of a documents view, as a click or Enter does. */
static StDocumentEditor *
open_draft_row (StDocumentsView *documents,
                guint            index)
{
  GtkListBox *list = st_test_template_child (documents, ST_TYPE_DOCUMENTS_VIEW, "drafts_list");
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, (int) index);

  g_assert_nonnull (row);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (row)));
  gtk_widget_activate (GTK_WIDGET (row));
  st_test_spin ();
  return st_test_get_toplevel (ST_TYPE_DOCUMENT_EDITOR, TRUE);
}

static void
posted_cb (StDocumentEditor *editor,
           StDocument       *document,
           gpointer          data)
{
  *(StDocument **) data = g_object_ref (document);
}

static gboolean
not_posting (gpointer data)
{
  return !st_document_editor_is_posting (data);
}

static GtkDialog *
question (void)
{
  GtkDialog *dialog = st_test_find_toplevel (GTK_TYPE_MESSAGE_DIALOG, TRUE);

  g_assert_nonnull (dialog);
  return dialog;
}

/* A bill with problems saved as a draft, the window closed and opened again (the draft is in
 * the database), reopened from the Bills view, corrected and posted: the draft becomes the bill. */
static void
test_save_reopen_post (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StDocument) posted = NULL;
  g_autoptr(StUnit) unit = NULL;
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(StSavedDraft) saved = NULL;
  g_autoptr(StItem) tool = NULL;
  StDocumentEditor *editor;
  StEditorLine *line;
  StSerialEntry *entry;
  GtkWidget *drafts_box;

  editor = new_editor (f, "bill");
  gtk_editable_set_text (st_test_template_child (editor, ST_TYPE_DOCUMENT_EDITOR, "number_entry"),
                         "D-1");
  tool = st_store_find_item (store (f), "TOOL", &error);
  g_assert_no_error (error);
  line = st_document_editor_get_line (editor, 0);
  st_editor_line_set_item (line, tool);
  st_editor_line_set_quantity (line, 3);
  entry = ST_SERIAL_ENTRY (st_editor_line_get_serial_entry (line));
  g_assert_true (st_serial_entry_add_text (entry, "A1,a1", NULL));
  /* Not postable: one serial twice, one missing.  It can be saved all the same. */
  g_assert_false (st_document_editor_can_post (editor));
  save_as_draft (editor);
  g_assert_null (st_test_find_toplevel (ST_TYPE_DOCUMENT_EDITOR, FALSE));

  /* Listed first in Bills, marked; nothing posted, no unit. */
  st_window_show_view (f->window, "bills");
  st_test_spin ();
  g_assert_cmpuint (st_documents_view_get_n_drafts (view (f, "bills")), ==, 1);
  g_assert_cmpuint (st_documents_view_get_n_drafts (view (f, "invoices")), ==, 0);
  drafts_box = st_test_template_child (view (f, "bills"), ST_TYPE_DOCUMENTS_VIEW, "drafts_box");
  g_assert_true (gtk_widget_get_mapped (drafts_box));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (st_list_page_get_model (
                      ST_LIST_PAGE (view (f, "bills"))))), ==, 0);
  g_assert_null (st_store_find_unit (store (f), "A1", "TOOL", NULL));

  /* The app goes away (as in a crash, nothing is asked): the draft is in the database. */
  gtk_window_destroy (GTK_WINDOW (f->window));
  st_test_spin ();
  f->window = st_test_open_window (app, f->path);
  st_test_spin ();
  st_window_show_view (f->window, "bills");
  st_test_spin ();
  g_assert_cmpuint (st_documents_view_get_n_drafts (view (f, "bills")), ==, 1);

  /* Reopened by activating it: the form as it was saved. */
  editor = open_draft_row (view (f, "bills"), 0);
  g_assert_cmpstr (st_document_editor_get_draft_number (editor), ==, "DRAFT-00001");
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (editor)), "DRAFT-00001"));
  g_assert_cmpstr (gtk_editable_get_text (st_test_template_child (editor, ST_TYPE_DOCUMENT_EDITOR,
                                                                  "number_entry")), ==, "D-1");
  g_assert_cmpuint (st_document_editor_get_n_lines (editor), ==, 1);
  line = st_document_editor_get_line (editor, 0);
  g_assert_cmpstr (st_item_get_sku (st_editor_line_get_item (line)), ==, "TOOL");
  g_assert_cmpint (st_editor_line_get_quantity (line), ==, 3);
  entry = ST_SERIAL_ENTRY (st_editor_line_get_serial_entry (line));
  g_assert_cmpuint (g_list_model_get_n_items (st_serial_entry_get_model (entry)), ==, 2);
  g_assert_false (st_document_editor_can_post (editor));

  /* Edited and saved again: the same draft, changed. */
  st_serial_entry_clear (entry);
  g_assert_true (st_serial_entry_add_text (entry, "A1", NULL));
  save_as_draft (editor);
  drafts = st_store_list_drafts (store (f), -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (drafts->len, ==, 1);
  saved = st_store_get_draft (store (f), "DRAFT-00001", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (st_saved_draft_get_n_serials (saved), ==, 1);

  /* Once more, completed and posted from the editor. */
  editor = open_draft_row (view (f, "bills"), 0);
  line = st_document_editor_get_line (editor, 0);
  entry = ST_SERIAL_ENTRY (st_editor_line_get_serial_entry (line));
  g_assert_true (st_serial_entry_add_text (entry, "A2,A3", NULL));
  g_assert_true (st_document_editor_can_post (editor));
  g_signal_connect (editor, "posted", G_CALLBACK (posted_cb), &posted);
  click (editor, ST_TYPE_DOCUMENT_EDITOR, "post_button");
  while (posted == NULL)
    st_test_wait_ms (20);
  st_test_spin ();

  g_assert_cmpstr (st_document_get_number (posted), ==, "D-1");
  unit = st_store_find_unit (store (f), "A3", "TOOL", &error);
  g_assert_no_error (error);
  g_assert_cmpint (st_unit_get_status (unit), ==, ST_UNIT_IN_STOCK);
  g_clear_pointer (&drafts, g_ptr_array_unref);
  drafts = st_store_list_drafts (store (f), -1, &error);
  g_assert_cmpuint (drafts->len, ==, 0);
  g_assert_cmpuint (st_documents_view_get_n_drafts (view (f, "bills")), ==, 0);
  g_assert_false (gtk_widget_get_visible (drafts_box = st_test_template_child (
                    view (f, "bills"), ST_TYPE_DOCUMENTS_VIEW, "drafts_box")));
}

/* An invoice draft picked S1; S1 is sold meanwhile: posting the draft is refused naming S1 and
 * the draft is kept as saved; then it is deleted, after a confirmation. */
static void
test_refused_then_deleted (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StDraft) bill = st_draft_new (ST_DOC_BILL);
  g_autoptr(StDraft) sale = st_draft_new (ST_DOC_INVOICE);
  g_autoptr(StDocument) document = NULL;
  g_autoptr(StUnit) s1 = NULL;
  g_autoptr(GPtrArray) units = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(StSavedDraft) saved = NULL;
  g_autoptr(StItem) tool = NULL;
  StDocumentEditor *editor;
  StEditorLine *line;
  StDraftLine *draft_line;

  st_draft_set_string (&bill->number, "B-1");
  st_draft_set_string (&bill->contact, "Acme");
  st_draft_set_string (&bill->warehouse, "Primary Warehouse");
  draft_line = st_draft_add_line (bill, "TOOL", 2);
  st_draft_line_add_serial (draft_line, "S1");
  st_draft_line_add_serial (draft_line, "S2");
  g_object_unref (st_test_post (store (f), bill));

  editor = new_editor (f, "invoice");
  tool = st_store_find_item (store (f), "TOOL", &error);
  line = st_document_editor_get_line (editor, 0);
  st_editor_line_set_item (line, tool);
  s1 = st_store_find_unit (store (f), "S1", "TOOL", &error);
  g_assert_no_error (error);
  g_ptr_array_add (units, g_object_ref (s1));
  st_editor_line_set_picked (line, units);
  g_assert_true (st_document_editor_can_post (editor));
  save_as_draft (editor);
  st_window_show_view (f->window, "invoices");
  st_test_spin ();
  g_assert_cmpuint (st_documents_view_get_n_drafts (view (f, "invoices")), ==, 1);

  /* Sold meanwhile, at the counter. */
  st_draft_set_string (&sale->contact, "Bob");
  st_draft_set_string (&sale->warehouse, "Primary Warehouse");
  st_draft_line_add_serial (st_draft_add_line (sale, "TOOL", 1), "S1");
  g_object_unref (st_test_post (store (f), sale));
  st_test_spin ();

  editor = open_draft_row (view (f, "invoices"), 0);
  line = st_document_editor_get_line (editor, 0);
  g_assert_cmpuint (st_editor_line_get_picked (line)->len, ==, 1);
  click (editor, ST_TYPE_DOCUMENT_EDITOR, "post_button");
  st_test_wait_until (not_posting, editor);
  st_test_spin ();
  g_assert_nonnull (st_document_editor_get_error (editor));
  g_assert_nonnull (strstr (st_document_editor_get_error (editor), "S1"));
  /* Still open, the draft stored as it was saved. */
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (editor)));
  saved = st_store_get_draft (store (f), "DRAFT-00001", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_ptr_array_index (((StDraftLine *) g_ptr_array_index (saved->draft->lines,
                                                                          0))->serials, 0),
                   ==, "S1");
  document = st_store_get_document (store (f), ST_DOC_INVOICE, "INV-00002", NULL);
  g_assert_null (document);

  /* Closed without saving the change the refusal made (S1 dropped): asked, discarded. */
  gtk_window_close (GTK_WINDOW (editor));
  st_test_spin ();
  gtk_dialog_response (question (), GTK_RESPONSE_ACCEPT);
  st_test_spin ();
  st_test_wait_ms (50);
  g_assert_null (st_test_find_toplevel (ST_TYPE_DOCUMENT_EDITOR, FALSE));
  g_assert_cmpuint (st_documents_view_get_n_drafts (view (f, "invoices")), ==, 1);

  /* Delete: asked first; Cancel keeps it, Delete removes it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view (f, "invoices")),
                                             "document.delete-draft", "s", "DRAFT-00001"));
  st_test_spin ();
  gtk_dialog_response (question (), GTK_RESPONSE_CANCEL);
  st_test_spin ();
  g_assert_cmpuint (st_documents_view_get_n_drafts (view (f, "invoices")), ==, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view (f, "invoices")),
                                             "document.delete-draft", "s", "DRAFT-00001"));
  st_test_spin ();
  {
    g_autofree char *text = NULL;

    g_object_get (question (), "text", &text, NULL);
    g_assert_cmpstr (text, ==, "Delete draft DRAFT-00001?");
  }
  gtk_dialog_response (question (), GTK_RESPONSE_ACCEPT);
  st_test_wait_until (invoice_drafts_gone, view (f, "invoices"));
  g_clear_pointer (&saved, st_saved_draft_free);
  g_clear_error (&error);
  saved = st_store_get_draft (store (f), "DRAFT-00001", &error);
  g_assert_null (saved);
  g_assert_error (error, ST_ERROR, ST_ERROR_NOT_FOUND);
  /* S2 never moved, S1 is Bob's. */
  g_clear_object (&s1);
  s1 = st_store_find_unit (store (f), "S2", "TOOL", NULL);
  g_assert_cmpint (st_unit_get_status (s1), ==, ST_UNIT_IN_STOCK);
}

/* Closing an editor with input asks; its Save as Draft keeps the document as a draft. */
static void
test_close_saves_draft (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) drafts = NULL;
  StDocumentEditor *editor;
  StSavedDraft *saved;

  editor = new_editor (f, "adjustment");
  gtk_editable_set_text (st_test_template_child (editor, ST_TYPE_DOCUMENT_EDITOR, "reason_entry"),
                         "Found in the back");
  gtk_window_close (GTK_WINDOW (editor));
  st_test_spin ();
  gtk_dialog_response (question (), GTK_RESPONSE_APPLY);
  st_test_wait_until (no_editor, NULL);
  st_test_spin ();

  drafts = st_store_list_drafts (store (f), ST_DOC_ADJUSTMENT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (drafts->len, ==, 1);
  saved = g_ptr_array_index (drafts, 0);
  g_assert_cmpstr (saved->draft->reason, ==, "Found in the back");
  st_window_show_view (f->window, "adjustments");
  st_test_spin ();
  g_assert_cmpuint (st_documents_view_get_n_drafts (view (f, "adjustments")), ==, 1);

  /* Opened and closed unchanged: nothing is asked. */
  editor = open_draft_row (view (f, "adjustments"), 0);
  gtk_window_close (GTK_WINDOW (editor));
  st_test_spin ();
  g_assert_null (st_test_find_toplevel (GTK_TYPE_MESSAGE_DIALOG, TRUE));
  g_assert_null (st_test_find_toplevel (ST_TYPE_DOCUMENT_EDITOR, FALSE));
}

/* Screenshots for the notes (ST_DRAFTS_SHOTS=DIR, LANGUAGE as wished; skipped otherwise), taken
 * of the X screen as it is, with `import -window root`: run it on an 800 x 600 Xvfb. */
static void
shoot (const char *name)
{
  const char *dir = g_getenv ("ST_DRAFTS_SHOTS");
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "import", "-window", "root", path, NULL };
  int status = 0;

  st_test_wait_ms (400);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL,
                &status, &error);
  g_assert_no_error (error);
}

static void
test_screenshots (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StDraft) bill = st_draft_new (ST_DOC_BILL);
  g_autoptr(StItem) tool = NULL;
  const char *language = g_getenv ("LANGUAGE");
  g_autofree char *list_name = NULL;
  g_autofree char *editor_name = NULL;
  StDocumentEditor *editor;
  StEditorLine *line;
  StDraftLine *draft_line;

  if (g_getenv ("ST_DRAFTS_SHOTS") == NULL)
    {
      g_test_skip ("ST_DRAFTS_SHOTS is not set");
      return;
    }
  list_name = g_strdup_printf ("drafts-documents-view-%s.png",
                               language != NULL && *language ? language : "en");
  editor_name = g_strdup_printf ("drafts-editor-%s.png",
                                 language != NULL && *language ? language : "en");

  st_draft_set_string (&bill->number, "AC-4471");
  st_draft_set_string (&bill->contact, "Acme");
  bill->warehouse = st_test_first_warehouse (store (f));
  draft_line = st_draft_add_line (bill, "TOOL", 3);
  st_draft_line_add_serial (draft_line, "DR-1001");
  st_draft_line_add_serial (draft_line, "DR-1002");
  st_draft_line_add_serial (draft_line, "DR-1003");
  g_object_unref (st_test_post (store (f), bill));

  gtk_window_set_default_size (GTK_WINDOW (f->window), 800, 600);
  st_window_show_view (f->window, "bills");
  editor = new_editor (f, "bill");
  gtk_editable_set_text (st_test_template_child (editor, ST_TYPE_DOCUMENT_EDITOR, "number_entry"),
                         "AC-4502");
  tool = st_store_find_item (store (f), "TOOL", &error);
  line = st_document_editor_get_line (editor, 0);
  st_editor_line_set_item (line, tool);
  st_editor_line_set_quantity (line, 500);
  g_assert_true (st_serial_entry_add_text (ST_SERIAL_ENTRY (st_editor_line_get_serial_entry (line)),
                                           "SN0001..SN0187", NULL));
  save_as_draft (editor);
  st_test_spin ();
  st_list_page_select_id (ST_LIST_PAGE (view (f, "bills")), 1);
  shoot (list_name);

  editor = open_draft_row (view (f, "bills"), 0);
  gtk_window_set_default_size (GTK_WINDOW (editor), 800, 600);
  shoot (editor_name);
}

int
main (int   argc,
      char *argv[])
{
  app = st_test_app_start (&argc, &argv);
  if (app == NULL)
    return 77;
  /* The screenshots are taken in the language asked for, as main.c would show it. */
  if (g_getenv ("ST_DRAFTS_SHOTS") != NULL)
    st_test_bind_catalogues ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/drafts/save-reopen-post", test_save_reopen_post);
  ADD ("/drafts/refused-then-deleted", test_refused_then_deleted);
  ADD ("/drafts/close-saves-draft", test_close_saves_draft);
  ADD ("/drafts/screenshots", test_screenshots);
#undef ADD

  return st_test_app_run (&app);
}
