/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-count.c — a stock count driven through the real window (issue 14): New Count…, a
 * scanner's typing (a serial and Enter, the next one before the last is answered), the live
 * tally and last scans, a pasted list and an imported file, Pause and resume (also after the
 * window was closed), the review with the missing and the unexpected, the write-off asked
 * about and posted, the unit page opened from the review, and check afterwards.
 *
 * With ST_TEST_SHOTS=DIR the window (800 × 600) is saved as DIR/count-scan.png mid-scan and
 * DIR/count-review.png at the review, in the language the test runs in. */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <string.h>

#include "st-application.h"
#include "st-count-dialog.h"
#include "st-export-dialog.h"
#include "st-count-page.h"
#include "st-counts-view.h"
#include "st-list-page.h"
#include "st-unit-page.h"
#include "st-window.h"
#include "st-test-app.h"
#include "../st-test-xlsx.h"

typedef struct
{
  char     *dir;
  char     *path;
  StWindow *window;
  StStore  *store;   /* the window's */
  char     *main;    /* the first warehouse's name */
} Fixture;

static StApplication *app;

/* The texts shown are asserted in English; a run in another language (for screenshots,
 * ST_TEST_SHOTS with LANGUAGE=de) checks everything else. */
static gboolean
english (void)
{
  const char *language = g_getenv ("LANGUAGE");

  return language == NULL || *language == '\0' || g_str_has_prefix (language, "en");
}

#define assert_text(a, b) \
  G_STMT_START { if (english ()) g_assert_cmpstr ((a), ==, (b)); } G_STMT_END
#define assert_text_prefix(a, b) \
  G_STMT_START { if (english ()) g_assert_true (g_str_has_prefix ((a), (b))); } G_STMT_END

/* The shelf: T1–T6 booked at the first warehouse, T6 sold since, T7 at the Shop. */
static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StStore) store = NULL;
  StItemSpec spec = { "TOOL", "Cordless drill", NULL, 4900, 1000, ST_TRACKING_SERIAL, 0,
                      ST_SERIAL_FORMAT_ANY };
  g_autoptr(StContact) vendor = NULL, customer = NULL;

  store = st_test_create_database ("st-count-test-XXXXXX", &f->dir, &f->path);
  st_test_add_item (store, &spec);
  vendor = st_store_add_contact (store, ST_CONTACT_VENDOR, "Acme", &error);
  g_assert_no_error (error);
  customer = st_store_add_contact (store, ST_CONTACT_CUSTOMER, "Bob", &error);
  g_assert_no_error (error);
  st_test_add_warehouse (store, "Shop");
  f->main = st_test_first_warehouse (store);
  g_object_unref (st_test_post_serials (store, &(StTestPosting) { .kind = ST_DOC_BILL,
                                          .number = "T1,T2,T3,T4,T5,T6", .date = "2024-04-01",
                                          .contact = "Acme", .warehouse = f->main, .sku = "TOOL",
                                          .rate = 1000, .serials = "T1,T2,T3,T4,T5,T6" }));
  g_object_unref (st_test_post_serials (store, &(StTestPosting) { .kind = ST_DOC_BILL,
                                          .number = "T7", .date = "2024-04-01",
                                          .contact = "Acme", .warehouse = "Shop", .sku = "TOOL",
                                          .rate = 1000, .serials = "T7" }));
  g_object_unref (st_test_post_serials (store, &(StTestPosting) { .kind = ST_DOC_INVOICE,
                                          .date = "2024-04-01", .contact = "Bob",
                                          .warehouse = f->main, .sku = "TOOL", .rate = 1000,
                                          .serials = "T6" }));
  g_clear_object (&store);

  f->window = st_test_open_window (app, f->path);
  f->store = st_window_get_store (f->window);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 800, 600);
  gtk_window_present (GTK_WINDOW (f->window));
  st_test_spin ();
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  st_test_destroy_toplevels (FALSE);
  if (f->window != NULL)
    gtk_window_destroy (GTK_WINDOW (f->window));
  st_test_spin ();
  st_test_remove_dir (f->dir);
  g_free (f->path);
  g_free (f->dir);
  g_free (f->main);
}

static StCountPage *
count_page (Fixture *f)
{
  return ST_COUNT_PAGE (st_window_get_view (f->window, "count"));
}

static GtkWidget *
visible_view (Fixture *f)
{
  GtkStack *stack = st_test_template_child (f->window, ST_TYPE_WINDOW, "view_stack");

  return gtk_stack_get_visible_child (stack);
}

static gboolean
page_idle (gpointer data)
{
  return !st_count_page_get_busy (data);
}

static void
wait_idle (Fixture *f)
{
  st_test_wait_until (page_idle, count_page (f));
  st_test_spin ();
}

/* A scanner: the serial's characters typed one by one into the focused entry, then Enter.
 * It does not wait for the answer. */
static void
scanner_types (Fixture    *f,
               const char *serial)
{
  GtkEntry *entry = st_test_template_child (count_page (f), ST_TYPE_COUNT_PAGE, "scan_entry");
  int position = 0;

  for (const char *p = serial; *p != '\0'; p++)
    gtk_editable_insert_text (GTK_EDITABLE (entry), p, 1, &position);
  /* Enter, as the entry's text widget takes it. */
  g_signal_emit_by_name (gtk_editable_get_delegate (GTK_EDITABLE (entry)), "activate");
  /* Emptied at once, ready for the next serial. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
}

/* The last scans as listed, newest first: "class serial" a row, "; "-separated.  The class is
 * the word in its badge: shown in words, not in colour alone. */
static char *
recent_rows (Fixture *f)
{
  GtkListBox *list = st_test_template_child (count_page (f), ST_TYPE_COUNT_PAGE, "recent_list");
  GString *s = g_string_new (NULL);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *box = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row));
      GtkWidget *badge = gtk_widget_get_first_child (box);
      GtkWidget *serial = gtk_widget_get_next_sibling (badge);

      g_assert_true (gtk_widget_has_css_class (badge, "scan-badge"));
      g_string_append_printf (s, "%s%s %s", s->len > 0 ? "; " : "",
                              gtk_label_get_text (GTK_LABEL (badge)),
                              gtk_label_get_text (GTK_LABEL (serial)));
    }
  return g_string_free (s, FALSE);
}

static char *
serials_of (GListModel *model)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) row = g_list_model_get_item (model, i);

      g_string_append_printf (s, "%s%s", i > 0 ? "," : "",
                              ST_IS_UNIT (row) ? st_unit_get_serial (ST_UNIT (row))
                              : st_count_scan_get_serial (ST_COUNT_SCAN (row)));
    }
  return g_string_free (s, FALSE);
}

static void
save_png (GtkWidget  *widget,
          const char *name)
{
  g_autofree char *path = g_build_filename (g_getenv ("ST_TEST_SHOTS"), name, NULL);

  st_test_save_widget_png (widget, path);
  g_printerr ("Saved %s (%d×%d)\n", path, gtk_widget_get_width (widget),
              gtk_widget_get_height (widget));
}

/* The page fits an 800-pixel window in any language: its widgets are narrow. */
static void
assert_page_narrow (Fixture *f)
{
  int minimum = 0;

  gtk_widget_measure (GTK_WIDGET (count_page (f)), GTK_ORIENTATION_HORIZONTAL, -1, &minimum,
                      NULL, NULL, NULL);
  g_assert_cmpint (minimum, <=, 700);
}

/* With ST_TEST_SHOTS: the window as it is, and the same count on a page of its own in an
 * 800 × 600 window (the header bar's view switcher is wider than that, for now). */
static void
save_shot (Fixture    *f,
           const char *name,
           gboolean    review)
{
  g_autofree char *whole = NULL;
  GtkWidget *window;
  StCountPage *page;

  assert_page_narrow (f);
  if (g_getenv ("ST_TEST_SHOTS") == NULL)
    return;
  st_test_wait_ms (300);
  whole = g_strconcat ("window-", name, NULL);
  save_png (GTK_WIDGET (f->window), whole);

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 800, 600);
  page = st_count_page_new ();
  st_count_page_set_store (page, f->store);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (page));
  g_assert_true (st_count_page_set_number (page, st_count_get_number (
                                             st_count_page_get_count (count_page (f)))));
  if (review)
    gtk_widget_activate_action (GTK_WIDGET (page), "count.review", NULL);
  gtk_window_present (GTK_WINDOW (window));
  st_test_wait_ms (500);
  save_png (window, name);
  gtk_window_destroy (GTK_WINDOW (window));
  st_test_spin ();
}

/* Export… on the page: the file chooser suggests count-CNT-….xlsx; saved in the test's folder,
 * the workbook's Missing sheet lists the missing serials. */
static void
export_from_page (Fixture    *f,
                  const char *expected_missing)
{
  g_autofree char *path = g_build_filename (f->dir, "count.xlsx", NULL);

  gtk_widget_activate_action (GTK_WIDGET (count_page (f)), "count.export", NULL);
  st_test_spin ();
  /* The name suggested is translated: checked in English only. */
  st_test_save_export (f->dir, english () ? "count-CNT-00001.xlsx" : NULL, "count.xlsx");
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  if (english ())
    {
      g_autoptr(GPtrArray) serials = st_test_xlsx_column (path, "Missing", 1);
      g_autofree char *joined = NULL;

      g_ptr_array_add (serials, NULL);
      joined = g_strjoinv (",", (char **) serials->pdata);
      g_assert_cmpstr (joined, ==, expected_missing);
    }
}

static gboolean
dialog_shown (gpointer data)
{
  return st_test_find_toplevel (GPOINTER_TO_SIZE (data), TRUE) != NULL;
}

static gboolean
count_shown (gpointer data)
{
  Fixture *f = data;

  return visible_view (f) == GTK_WIDGET (count_page (f))
         && st_count_page_get_count (count_page (f)) != NULL;
}

/* New Count… from the Counts view, for @warehouse. */
static void
start_count (Fixture    *f,
             const char *warehouse)
{
  GtkWidget *counts = st_window_get_view (f->window, "counts");
  StCountDialog *dialog;

  st_window_show_view (f->window, "counts");
  st_test_spin ();
  gtk_widget_activate_action (counts, "counts.new", NULL);
  st_test_wait_until (dialog_shown, GSIZE_TO_POINTER (ST_TYPE_COUNT_DIALOG));
  dialog = st_test_find_toplevel (ST_TYPE_COUNT_DIALOG, TRUE);
  g_assert_true (st_count_dialog_set_warehouse (dialog, warehouse));
  st_count_dialog_start (dialog);
  st_test_wait_until (count_shown, f);
  st_test_spin ();
  g_assert_null (st_test_find_toplevel (ST_TYPE_COUNT_DIALOG, TRUE));
}

static const char *
unit_status (Fixture    *f,
             const char *serial)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StUnit) unit = st_store_find_unit (f->store, serial, "TOOL", &error);

  g_assert_no_error (error);
  return st_unit_status_to_string (st_unit_get_status (unit));
}

static gboolean
count_finished (gpointer data)
{
  StCount *count = st_count_page_get_count (data);

  return count != NULL && st_count_get_finished (count);
}

/* The "done when", through the widgets: two units missing, one from another
 * warehouse, one already sold and one unknown serial are reported exactly, the two missing
 * are written off on request, and check passes. */
static void
test_done_when (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StCheckReport) report = NULL;
  g_autoptr(StDocument) adjustment = NULL;
  g_autofree char *recent = NULL, *missing = NULL, *unexpected = NULL;
  StCountPage *page;
  StCount *count;
  GtkWidget *dialog;
  GtkColumnView *missing_view;

  start_count (f, f->main);
  page = count_page (f);
  count = st_count_page_get_count (page);
  g_assert_cmpstr (st_count_get_number (count), ==, "CNT-00001");
  assert_text (st_count_page_get_tally_text (page), "0 of 5 found, 0 unexpected");

  /* The scanner, serial after serial, each before the last one's answer. */
  scanner_types (f, "T1");
  scanner_types (f, "t2");
  scanner_types (f, "T3");
  scanner_types (f, "T7");
  scanner_types (f, "T6");
  scanner_types (f, "NOPE-1");
  scanner_types (f, "T1");
  wait_idle (f);
  assert_text (st_count_page_get_tally_text (page), "3 of 5 found, 3 unexpected");
  recent = recent_rows (f);
  assert_text (recent, "again T1; unknown NOPE-1; not in stock T6; elsewhere T7; "
                               "found T3; found t2; found T1");
  save_shot (f, "count-scan.png", FALSE);

  /* A blank scan counts nothing; an overlong one is refused, named. */
  {
    g_autofree char *long_serial = g_strnfill (200, 'X');

    scanner_types (f, long_serial);
    wait_idle (f);
    assert_text_prefix (st_count_page_get_message_text (page), "Not counted: ");
    assert_text (st_count_page_get_tally_text (page), "3 of 5 found, 3 unexpected");
  }

  /* The review: exactly the two missing and the three unexpected. */
  gtk_widget_activate_action (GTK_WIDGET (page), "count.review", NULL);
  st_test_spin ();
  missing = serials_of (st_count_page_get_missing (page));
  unexpected = serials_of (st_count_page_get_unexpected (page));
  g_assert_cmpstr (missing, ==, "T4,T5");
  g_assert_cmpstr (unexpected, ==, "T7,T6,NOPE-1");
  assert_text (st_count_page_get_review_text (page), "2 units are missing; 3 scans were unexpected. Finish the count, or write "
                   "the missing units off as you finish it.");
  save_shot (f, "count-review.png", TRUE);

  /* Write Off Missing and Finish: asked about, then one adjustment. */
  gtk_widget_activate_action (GTK_WIDGET (page), "count.write-off", NULL);
  st_test_wait_until (dialog_shown, GSIZE_TO_POINTER (GTK_TYPE_MESSAGE_DIALOG));
  dialog = st_test_find_toplevel (GTK_TYPE_MESSAGE_DIALOG, TRUE);
  {
    g_autofree char *question = NULL;

    g_object_get (dialog, "text", &question, NULL);
    assert_text (question, "Write off 2 missing units?");
  }
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  st_test_wait_until (count_finished, page);
  wait_idle (f);
  count = st_count_page_get_count (page);
  g_assert_cmpstr (st_count_get_adjustment (count), ==, "ADJ-00001");
  adjustment = st_store_get_document (f->store, ST_DOC_ADJUSTMENT, "ADJ-00001", &error);
  g_assert_no_error (error);
  g_assert_cmpint (st_document_get_quantity (adjustment), ==, -2);
  assert_text (st_document_get_reason (adjustment), "Stock count CNT-00001");
  g_assert_cmpstr (unit_status (f, "T4"), ==, "written_off");
  g_assert_cmpstr (unit_status (f, "T5"), ==, "written_off");
  g_assert_cmpstr (unit_status (f, "T1"), ==, "in_stock");
  g_assert_cmpstr (unit_status (f, "T7"), ==, "in_stock");
  /* The review now shows the list the finish froze; scanning is over. */
  g_clear_pointer (&missing, g_free);
  missing = serials_of (st_count_page_get_missing (page));
  g_assert_cmpstr (missing, ==, "T4,T5");
  g_assert_false (gtk_widget_is_sensitive (
                    st_test_template_child (page, ST_TYPE_COUNT_PAGE, "scan_entry")));

  export_from_page (f, "str:T4,str:T5");

  report = st_store_check (f->store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < report->problems->len; i++)
    g_printerr ("check: %s\n", (char *) g_ptr_array_index (report->problems, i));
  g_assert_cmpuint (report->problems->len, ==, 0);

  /* A missing unit's page, from the review (keyboard: Enter on the row). */
  missing_view = st_test_template_child (page, ST_TYPE_COUNT_PAGE, "missing_view");
  g_signal_emit_by_name (missing_view, "activate", 1);
  st_test_spin ();
  g_assert_true (visible_view (f) == st_window_get_view (f->window, "unit"));
  g_assert_cmpstr (st_unit_get_serial (st_unit_page_get_unit (
                     ST_UNIT_PAGE (st_window_get_view (f->window, "unit")))), ==, "T5");
  /* Back returns to the count. */
  g_assert_true (st_window_go_back (f->window));
  g_assert_true (visible_view (f) == GTK_WIDGET (page));
}

/* Paste, import, the unit elsewhere brought here, and Pause: the count survives closing the
 * window and is taken up again from the Counts view. */
static void
test_paste_import_resume (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *file_path = g_build_filename (f->dir, "serials.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (file_path);
  g_autofree char *long_serial = g_strnfill (200, 'Y');
  g_autofree char *contents = g_strdup_printf ("T3\n%s\nT4\n\n", long_serial);
  g_autofree char *recent = NULL;
  GtkEntry *entry;
  StListPage *counts;
  StListModel *model;
  g_autoptr(StCount) listed = NULL;
  g_autoptr(StUnit) t7 = NULL;
  StCountPage *page;

  start_count (f, f->main);
  page = count_page (f);
  entry = st_test_template_child (page, ST_TYPE_COUNT_PAGE, "scan_entry");

  /* A list pasted into the entry: every line scanned, as one batch. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "T1\r\nT2\n\nT7\n");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  wait_idle (f);
  assert_text (st_count_page_get_message_text (page), "3 serials scanned");
  assert_text (st_count_page_get_tally_text (page), "2 of 5 found, 1 unexpected");

  /* A file: the refused line named, the rest scanned. */
  g_assert_true (g_file_set_contents (file_path, contents, -1, &error));
  g_assert_no_error (error);
  st_count_page_import_file (page, file);
  wait_idle (f);
  assert_text_prefix (st_count_page_get_message_text (page),
                      "2 serials scanned, 1 line not counted (Line 2: ");
  assert_text (st_count_page_get_tally_text (page), "4 of 5 found, 1 unexpected");

  /* T7 was found here but is booked at the Shop: Transfer Here posts the transfer. */
  gtk_widget_activate_action (GTK_WIDGET (page), "count.review", NULL);
  st_test_spin ();
  gtk_widget_activate_action (GTK_WIDGET (page), "count.transfer", NULL);
  wait_idle (f);
  t7 = st_store_find_unit (f->store, "T7", "TOOL", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (st_unit_get_warehouse (t7), ==, f->main);
  g_assert_cmpint (st_unit_get_status (t7), ==, ST_UNIT_IN_STOCK);
  gtk_widget_activate_action (GTK_WIDGET (page), "count.scan", NULL);
  st_test_spin ();

  /* Pause: back in the Counts view, the count open there. */
  gtk_widget_activate_action (GTK_WIDGET (page), "count.pause", NULL);
  st_test_spin ();
  counts = ST_LIST_PAGE (st_window_get_view (f->window, "counts"));
  g_assert_true (visible_view (f) == GTK_WIDGET (counts));

  /* Closed and opened again: the count is still open, its scans kept. */
  gtk_window_destroy (GTK_WINDOW (f->window));
  st_test_spin ();
  f->window = st_test_open_window (app, f->path);
  f->store = st_window_get_store (f->window);
  gtk_window_present (GTK_WINDOW (f->window));
  st_window_show_view (f->window, "counts");
  st_test_spin ();
  counts = ST_LIST_PAGE (st_window_get_view (f->window, "counts"));
  model = st_list_page_get_model (counts);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);
  listed = g_list_model_get_item (G_LIST_MODEL (model), 0);
  g_assert_false (st_count_get_finished (listed));
  g_assert_true (st_list_page_select_id (counts, st_count_get_id (listed)));
  gtk_widget_activate_action (GTK_WIDGET (counts), "counts.open", NULL);
  st_test_wait_until (count_shown, f);
  page = count_page (f);
  assert_text (st_count_page_get_tally_text (page), "4 of 5 found, 1 unexpected");
  recent = recent_rows (f);
  assert_text_prefix (recent, "found T4; found T3; elsewhere T7; found T2");

  /* Resumed: the scanner goes on; finishing without the write-off leaves T5 in stock. */
  scanner_types (f, "T5");
  wait_idle (f);
  assert_text (st_count_page_get_tally_text (page), "5 of 5 found, 1 unexpected");
  gtk_widget_activate_action (GTK_WIDGET (page), "count.finish", NULL);
  st_test_wait_until (count_finished, page);
  g_assert_null (st_count_get_adjustment (st_count_page_get_count (page)));
  g_assert_cmpstr (unit_status (f, "T5"), ==, "in_stock");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  app = st_test_app_start (&argc, &argv);
  if (app == NULL)
    return 77;
  /* The build tree's catalogues, for a run in another language (as main.c binds them). */
  st_test_bind_catalogues ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/app/count/done-when", test_done_when);
  ADD ("/app/count/paste-import-resume", test_paste_import_resume);
#undef ADD

  status = st_test_app_run (&app);
  return status;
}
