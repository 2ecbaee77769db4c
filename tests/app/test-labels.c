/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-labels.c — Print Labels… in the real window (DESIGN §10): on a posted bill, a selection
 * of units, the unit page and an item, through GtkPrintOperation exported to PDF, each label
 * read back by pdftoppm and zbarimg; the print dialog's Labels tab. */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "st-application.h"
#include "st-label-options.h"
#include "st-label-print.h"
#include "st-list-page.h"
#include "st-unit-page.h"
#include "st-units-view.h"
#include "st-window.h"
#include "st-test-app.h"
#include "st-test-labels.h"

#define N_PHONES 24

typedef struct
{
  char      *dir;
  char      *path;
  char      *pdf;
  StWindow  *window;
  StStore   *store;   /* the window's */
  GPtrArray *imeis;
} Fixture;

static StApplication *app;

/* A bill of 24 phones, NW-24, received from Acme. */
static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  StItemSpec spec = { "PHN-X", "Phone X 128 GB", NULL, 54900, 41000, ST_TRACKING_SERIAL, 24,
                      ST_SERIAL_FORMAT_IMEI };
  g_autoptr(GError) error = NULL;
  g_autoptr(StStore) store = NULL;
  g_autoptr(StDraft) draft = st_draft_new (ST_DOC_BILL);
  g_autofree char *warehouse = NULL;
  StDraftLine *line;

  store = st_test_create_database ("st-labels-test-XXXXXX", &f->dir, &f->path);
  f->pdf = g_build_filename (f->dir, "labels.pdf", NULL);
  f->imeis = g_ptr_array_new_with_free_func (g_free);
  st_test_add_item (store, &spec);
  st_test_add_contact (store, ST_CONTACT_VENDOR, "Acme");

  warehouse = st_test_first_warehouse (store);
  st_draft_set_string (&draft->number, "NW-24");
  st_draft_set_string (&draft->date, "2024-05-02");
  st_draft_set_string (&draft->contact, "Acme");
  st_draft_set_string (&draft->warehouse, warehouse);
  line = st_draft_add_line (draft, "PHN-X", N_PHONES);
  st_draft_line_set_rate (line, 41000);
  for (guint i = 0; i < N_PHONES; i++)
    {
      g_ptr_array_add (f->imeis, st_test_imei (200000 + i));
      st_draft_line_add_serial (line, g_ptr_array_index (f->imeis, i));
    }
  g_object_unref (st_test_post (store, draft));
  g_clear_object (&store);

  f->window = st_test_open_window (app, f->path);
  f->store = st_window_get_store (f->window);
  st_label_print_set_export_path_for_tests (f->pdf);
  st_test_spin ();
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  st_label_print_set_export_path_for_tests (NULL);
  g_ptr_array_unref (f->imeis);
  g_free (f->pdf);
  st_test_close_database (f->dir, f->path);
}

static void
assert_pdf_reads (Fixture            *f,
                  StLabelLayout       layout,
                  const char * const *expected,
                  guint               n_expected,
                  guint               n_places)
{
  g_autoptr(GPtrArray) decoded = NULL;

  g_assert_true (g_file_test (f->pdf, G_FILE_TEST_IS_REGULAR));
  decoded = st_test_decode_labels (f->pdf, layout);
  g_assert_cmpuint (decoded->len, ==, n_places);
  for (guint i = 0; i < decoded->len; i++)
    g_assert_cmpstr (g_ptr_array_index (decoded, i), ==,
                     i < n_expected && expected[i] != NULL ? expected[i] : "");
  g_unlink (f->pdf);
}

/* The done-when: the bill of 24 phones, Print Labels…: one A4 sheet whose 24
 * barcodes read back as the 24 IMEIs. */
static void
test_bill (Fixture       *f,
           gconstpointer  data)
{
  GtkWidget *view;

  g_assert_true (st_window_show_document (f->window, ST_DOC_BILL, "NW-24"));
  st_test_spin ();
  view = st_window_get_view (f->window, "bills");
  g_assert_true (gtk_widget_activate_action (view, "document.print-labels", NULL));
  st_test_spin ();
  assert_pdf_reads (f, ST_LABEL_LAYOUT_A4_3X8, (const char * const *) f->imeis->pdata,
                    N_PHONES, 24);
}

static void
test_selection_unit_item (Fixture       *f,
                          gconstpointer  data)
{
  GtkWidget *units = st_window_get_view (f->window, "units");
  GtkSelectionModel *selection;
  GtkWidget *page;
  GtkWidget *button;
  g_autoptr(StUnit) unit = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) serials = g_ptr_array_new_with_free_func (g_free);
  const char *some[1];

  /* Three units selected in the Units view (first received first). */
  st_window_show_view (f->window, "units");
  st_test_spin ();
  selection = st_list_page_get_selection (ST_LIST_PAGE (units));
  gtk_selection_model_unselect_all (selection);
  gtk_selection_model_select_item (selection, 2, FALSE);
  gtk_selection_model_select_item (selection, 5, FALSE);
  gtk_selection_model_select_item (selection, 23, FALSE);
  st_test_spin ();
  g_assert_true (gtk_widget_activate_action (units, "units.print-labels", NULL));
  st_test_spin ();
  /* In the list's order, whichever that is. */
  for (guint i = 0; i < 3; i++)
    {
      GListModel *model = G_LIST_MODEL (st_units_view_get_model (ST_UNITS_VIEW (units)));
      g_autoptr(StUnit) row = g_list_model_get_item (model, (guint[]) { 2, 5, 23 }[i]);

      g_ptr_array_add (serials, g_strdup (st_unit_get_serial (row)));
    }
  assert_pdf_reads (f, ST_LABEL_LAYOUT_A4_3X8, (const char * const *) serials->pdata, 3, 24);

  /* The unit page: one roll label. */
  unit = st_store_find_unit (f->store, f->imeis->pdata[7], NULL, &error);
  g_assert_no_error (error);
  page = st_window_show_unit (f->window, st_unit_get_id (unit));
  st_test_spin ();
  button = st_test_template_child (page, ST_TYPE_UNIT_PAGE, "labels_button");
  g_assert_true (gtk_widget_get_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  st_test_spin ();
  some[0] = f->imeis->pdata[7];
  assert_pdf_reads (f, ST_LABEL_LAYOUT_ROLL_62X29, some, 1, 1);

  /* The item: its 24 units in stock. */
  st_window_show_view (f->window, "items");
  st_test_spin ();
  g_assert_true (gtk_widget_activate_action (st_window_get_view (f->window, "items"),
                                             "items.print-labels", NULL));
  st_test_spin ();
  assert_pdf_reads (f, ST_LABEL_LAYOUT_A4_3X8, (const char * const *) f->imeis->pdata,
                    N_PHONES, 24);
}

/* The print dialog's Labels tab: what it shows and what it puts into the job. */
static void
test_options_tab (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(StLabelJob) job = st_label_job_new (ST_LABEL_LAYOUT_A4_3X8, ST_LABEL_CODE_128);
  g_autoptr(GError) error = NULL;
  GtkWidget *options;
  GtkWidget *window = gtk_window_new ();
  const char *expected[90] = { NULL };

  for (guint i = 0; i < N_PHONES; i++)
    st_label_job_add (job, f->imeis->pdata[i], "PHN-X", "Phone X 128 GB");
  options = st_label_options_new (job);
  gtk_window_set_child (GTK_WINDOW (window), options);
  gtk_window_present (GTK_WINDOW (window));
  st_test_spin ();
  g_assert_cmpstr (st_label_options_get_summary (ST_LABEL_OPTIONS (options)), ==,
                   "24 labels on 1 page");

  gtk_drop_down_set_selected (st_test_template_child (options, ST_TYPE_LABEL_OPTIONS,
                                                      "layout_dropdown"),
                              ST_LABEL_LAYOUT_LETTER_3X10);
  gtk_drop_down_set_selected (st_test_template_child (options, ST_TYPE_LABEL_OPTIONS,
                                                      "code_dropdown"),
                              ST_LABEL_CODE_QR);
  gtk_spin_button_set_value (st_test_template_child (options, ST_TYPE_LABEL_OPTIONS, "skip_spin"),
                             2);
  gtk_spin_button_set_value (st_test_template_child (options, ST_TYPE_LABEL_OPTIONS,
                                                     "copies_spin"), 3);
  st_test_spin ();
  /* 2 skipped + 24 × 3 = 74 places on sheets of 30. */
  g_assert_cmpstr (st_label_options_get_summary (ST_LABEL_OPTIONS (options)), ==,
                   "72 labels on 3 pages");
  /* Nothing changes before the dialog applies the tab. */
  g_assert_cmpint (st_label_job_get_layout (job), ==, ST_LABEL_LAYOUT_A4_3X8);
  st_label_options_apply (ST_LABEL_OPTIONS (options));
  g_assert_cmpint (st_label_job_get_layout (job), ==, ST_LABEL_LAYOUT_LETTER_3X10);
  g_assert_cmpint (st_label_job_get_code (job), ==, ST_LABEL_CODE_QR);
  g_assert_cmpuint (st_label_job_get_skip (job), ==, 2);
  g_assert_cmpuint (st_label_job_get_copies (job), ==, 3);

  g_assert_true (st_label_print_export (NULL, job, f->pdf, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < 72; i++)
    expected[2 + i] = f->imeis->pdata[i / 3];
  assert_pdf_reads (f, ST_LABEL_LAYOUT_LETTER_3X10, expected, G_N_ELEMENTS (expected), 90);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A serial that does not fit is refused naming it, and nothing is written. */
static void
test_refused (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(StLabelJob) job = st_label_job_new (ST_LABEL_LAYOUT_ROLL_62X29, ST_LABEL_CODE_128);
  g_autoptr(GError) error = NULL;
  const char *serial = "ABCDEFGHIJKLMNOPQRSTUVWXYZ-abcdefghijklm";

  st_label_job_add (job, "SN-1", NULL, NULL);
  st_label_job_add (job, serial, NULL, NULL);
  g_assert_false (st_label_print_export (NULL, job, f->pdf, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, serial));
  g_assert_false (g_file_test (f->pdf, G_FILE_TEST_EXISTS));
}

/* Print Labels… on a bill whose serial does not fit: the window says so, naming the serial,
 * and nothing is written. */
static void
test_refused_in_window (Fixture       *f,
                        gconstpointer  data)
{
  StItemSpec spec = { "CASE", "Laptop case", NULL, 1500, 900, ST_TRACKING_SERIAL, 0,
                      ST_SERIAL_FORMAT_ANY };
  const char *serial = "ABCDEFGHIJKLMNOPQRSTUVWXYZ-abcdefghijklm";
  g_autoptr(GError) error = NULL;
  GtkInfoBar *bar;
  GtkLabel *label;

  st_test_add_item (f->store, &spec);
  g_object_unref (st_test_post_serials (f->store, &(StTestPosting) { .kind = ST_DOC_BILL,
                                          .number = "LONG-1", .date = "2024-05-03",
                                          .contact = "Acme", .sku = "CASE", .serials = serial }));
  st_window_refresh (f->window);
  st_test_spin ();

  g_assert_true (st_window_show_document (f->window, ST_DOC_BILL, "LONG-1"));
  st_test_spin ();
  g_assert_true (gtk_widget_activate_action (st_window_get_view (f->window, "bills"),
                                             "document.print-labels", NULL));
  st_test_spin ();
  bar = st_test_template_child (f->window, ST_TYPE_WINDOW, "error_bar");
  label = st_test_template_child (f->window, ST_TYPE_WINDOW, "error_label");
  g_assert_true (gtk_info_bar_get_revealed (bar));
  g_assert_nonnull (strstr (gtk_label_get_text (label), serial));
  g_assert_false (g_file_test (f->pdf, G_FILE_TEST_EXISTS));
}

int
main (int    argc,
      char **argv)
{
  if ((app = st_test_app_start (&argc, &argv)) == NULL)
    return 77;
  g_test_add ("/labels-print/bill-of-24-phones", Fixture, NULL, fixture_setup, test_bill,
              fixture_teardown);
  g_test_add ("/labels-print/selection-unit-item", Fixture, NULL, fixture_setup,
              test_selection_unit_item, fixture_teardown);
  g_test_add ("/labels-print/options-tab", Fixture, NULL, fixture_setup, test_options_tab,
              fixture_teardown);
  g_test_add ("/labels-print/refused", Fixture, NULL, fixture_setup, test_refused,
              fixture_teardown);
  g_test_add ("/labels-print/refused-in-window", Fixture, NULL, fixture_setup,
              test_refused_in_window, fixture_teardown);
  return st_test_app_run (&app);
}
