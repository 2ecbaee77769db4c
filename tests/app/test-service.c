/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-service.c — after-sales service through the window's widgets: a whole case opened from
 * the unit page (a note, a part, in repair, ready, closed as replaced by a unit picked from
 * stock with the serial picker), then the unit pages and the Service view showing it; a case
 * cancelled; Open Service Case… from the serial search (the unit page it opens, and the button
 * on a sold unit's row of the result list); and the Warranty Expiring list.
 *
 * With ST_TEST_SHOTS set to a file prefix, the screen (run it under
 * `xvfb-run -s "-screen 0 800x600x24"`, LANGUAGE=de for German) is saved with
 * `import -window root` at the case page, the Service view and the Warranty Expiring list. */
#include "config.h"

#include <glib/gi18n.h>
#include <gtk/gtk.h>
#include <locale.h>
#include <string.h>

#include "st-parse.h"
#include "st-serial-picker.h"
#include "st-service-close-dialog.h"
#include "st-service-dialog.h"
#include "st-service-page.h"
#include "st-service-step-run.h"
#include "st-service-part-dialog.h"
#include "st-service-view.h"
#include "st-unit-page.h"
#include "st-units-view.h"
#include "st-warranty-view.h"
#include "st-window.h"
#include "st-test-app.h"

typedef struct
{
  char     *dir;
  char     *path;
  char     *sold_on;       /* SN-1's sale, 60 days ago */
  char     *sn1_warranty;  /* SN-1's warranty end */
  char     *sn2_warranty;  /* SN-2's, 10 days from today */
  StWindow *window;
  StStore  *store;         /* the window's */
} Fixture;

static StApplication *app;

static char *
iso (GDate *date)
{
  return g_strdup_printf ("%04u-%02u-%02u", (guint) g_date_get_year (date),
                          (guint) g_date_get_month (date), (guint) g_date_get_day (date));
}

/* Today moved by @days and @months (either negative). */
static char *
today_plus (int days,
            int months)
{
  g_autofree char *today = st_date_today ();
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_parse (&date, today);
  g_assert_true (g_date_valid (&date));
  if (months < 0)
    g_date_subtract_months (&date, (guint) -months);
  else
    g_date_add_months (&date, (guint) months);
  if (days < 0)
    g_date_subtract_days (&date, (guint) -days);
  else
    g_date_add_days (&date, (guint) days);
  return iso (&date);
}

/* PHN-1 (serial, 12-month warranty): SN-1 sold 60 days ago, SN-2 sold so that its warranty
 * ends in 10 days, SN-3 and SN-4 in stock; BAT-1, a part counted by quantity, 10 in stock. */
static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  static const char * const serials[] = { "SN-1", "SN-2", "SN-3", "SN-4", NULL };
  StItemSpec phone = { "PHN-1", "Phone One", NULL, 49900, 30000, ST_TRACKING_SERIAL, 12,
                       ST_SERIAL_FORMAT_ANY };
  StItemSpec battery = { "BAT-1", "Battery", NULL, 2500, 1200, ST_TRACKING_NONE, 0,
                         ST_SERIAL_FORMAT_ANY };
  g_autoptr(GError) error = NULL;
  g_autoptr(StStore) store = NULL;
  g_autoptr(StDraft) bill = st_draft_new (ST_DOC_BILL);
  g_autoptr(StDocument) posted = NULL;
  g_autofree char *bill_date = today_plus (0, -13);
  g_autofree char *sn2_sold = today_plus (10, -12);
  g_autofree char *warehouse = NULL;
  StDraftLine *line;

  store = st_test_create_database ("st-service-test-XXXXXX", &f->dir, &f->path);
  st_test_add_item (store, &phone);
  st_test_add_item (store, &battery);
  st_test_add_contact (store, ST_CONTACT_VENDOR, "Acme");
  st_test_add_contact (store, ST_CONTACT_CUSTOMER, "Bob Baker");

  st_draft_set_string (&bill->number, "BILL-1");
  st_draft_set_string (&bill->date, bill_date);
  st_draft_set_string (&bill->contact, "Acme");
  /* The first warehouse's name is translated (LANGUAGE=de for the screenshots). */
  warehouse = st_test_first_warehouse (store);
  st_draft_set_string (&bill->warehouse, warehouse);
  line = st_draft_add_line (bill, "PHN-1", 4);
  st_draft_line_set_rate (line, 30000);
  for (guint i = 0; serials[i] != NULL; i++)
    st_draft_line_add_serial (line, serials[i]);
  line = st_draft_add_line (bill, "BAT-1", 10);
  st_draft_line_set_rate (line, 1200);
  posted = st_test_post (store, bill);

  f->sold_on = today_plus (-60, 0);
  g_object_unref (st_test_post_serials (store, &(StTestPosting) { .kind = ST_DOC_INVOICE,
                                          .date = f->sold_on, .contact = "Bob Baker",
                                          .sku = "PHN-1", .rate = 49900, .serials = "SN-1" }));
  g_object_unref (st_test_post_serials (store, &(StTestPosting) { .kind = ST_DOC_INVOICE,
                                          .date = sn2_sold, .contact = "Bob Baker",
                                          .sku = "PHN-1", .rate = 49900, .serials = "SN-2" }));
  f->sn1_warranty = st_date_add_months (f->sold_on, 12);
  f->sn2_warranty = st_date_add_months (sn2_sold, 12);
  g_clear_object (&store);

  f->window = st_test_open_window (app, f->path);
  f->store = st_window_get_store (f->window);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 800, 600);
  st_test_spin ();
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  st_test_close_database (f->dir, f->path);
  g_free (f->sold_on);
  g_free (f->sn1_warranty);
  g_free (f->sn2_warranty);
}

static StUnit *
find_unit (Fixture    *f,
           const char *serial)
{
  g_autoptr(GError) error = NULL;
  StUnit *unit = st_store_find_unit (f->store, serial, NULL, &error);

  g_assert_no_error (error);
  return unit;
}

static gint64
unit_id (Fixture    *f,
         const char *serial)
{
  g_autoptr(StUnit) unit = find_unit (f, serial);

  return st_unit_get_id (unit);
}

static GtkWidget *
visible_page (Fixture *f)
{
  GtkWidget *page = st_window_get_view (f->window, "unit");

  return gtk_stack_get_visible_child (GTK_STACK (gtk_widget_get_parent (page)));
}

static StServicePage *
case_page (Fixture *f)
{
  return ST_SERVICE_PAGE (st_window_get_view (f->window, "service-case"));
}

static StServiceCase *
shown_case (Fixture *f)
{
  StServiceCase *sc = st_service_page_get_case (case_page (f));

  g_assert_nonnull (sc);
  return sc;
}

/* The log as listed has an entry containing @text. */
static gboolean
log_has (Fixture    *f,
         const char *text)
{
  GPtrArray *texts = st_service_page_get_log_texts (case_page (f));

  for (guint i = 0; i < texts->len; i++)
    if (strstr (g_ptr_array_index (texts, i), text) != NULL)
      return TRUE;
  return FALSE;
}

static void
click (gpointer    widget,
       GType       type,
       const char *name)
{
  GtkWidget *button = st_test_template_child (widget, type, name);

  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  st_test_spin ();
}

static gboolean
dialog_answered (gpointer data)
{
  GtkWindow *dialog = data;

  return !gtk_widget_get_visible (GTK_WIDGET (dialog))
         || !st_service_step_dialog_is_busy (dialog);
}

/* A dialog's step runs in the store's worker: the form waits, insensitive, then the dialog
 * closes (TRUE) or shows why not (FALSE). */
static gboolean
wait_for_dialog (gpointer dialog)
{
  g_autoptr(GtkWindow) held = g_object_ref (dialog);

  if (gtk_widget_get_visible (GTK_WIDGET (held)))
    g_assert_true (st_service_step_dialog_is_busy (held));
  st_test_wait_until (dialog_answered, held);
  st_test_spin ();
  return !gtk_widget_get_visible (GTK_WIDGET (held));
}

static gboolean
page_idle (gpointer data)
{
  return !st_service_page_is_busy (data);
}

/* A step runs in the store's worker: the page waits for it, its steps disabled. */
static void
wait_for_page (Fixture *f)
{
  st_test_wait_until (page_idle, case_page (f));
  st_test_spin ();
}

/* Cancel Case asks first: answered with @response. */
static void
cancel_case (Fixture *f,
             int      response)
{
  GtkDialog *question;
  g_autofree char *text = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (case_page (f)), "service.cancel", NULL));
  st_test_spin ();
  question = st_test_get_toplevel (GTK_TYPE_MESSAGE_DIALOG, TRUE);
  g_object_get (question, "text", &text, NULL);
  g_assert_nonnull (strstr (text, st_service_page_get_number (case_page (f))));
  gtk_dialog_response (question, response);
  wait_for_page (f);
}

static void
page_action (Fixture    *f,
             const char *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (case_page (f)), action, NULL));
  wait_for_page (f);
}

/* Narrow enough for an 800-pixel window (the header bar is not ours to measure). */
static void
assert_narrow (gpointer widget)
{
  int minimum = 0;

  gtk_widget_measure (GTK_WIDGET (widget), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL,
                      NULL, NULL);
  g_test_message ("%s: %d px wide at least", G_OBJECT_TYPE_NAME (widget), minimum);
  g_assert_cmpint (minimum, <=, 640);
}

static gboolean
is_switcher (GtkWidget     *widget,
             gconstpointer  data)
{
  return GTK_IS_STACK_SWITCHER (widget);
}

static void
shoot (Fixture    *f,
       const char *name)
{
  GtkWidget *titlebar;
  GtkWidget *switcher;

  if (g_getenv ("ST_TEST_SHOTS") == NULL)
    return;
  /* The header bar's view switcher alone is wider than 800 pixels in German (the window's
   * navigation is being reworked for that): hidden for the shot, so that the window fits the
   * 800 x 600 screen and the page shows at the width it gets there. */
  /* The header bar's view switcher. */
  titlebar = gtk_window_get_titlebar (GTK_WINDOW (f->window));
  switcher = titlebar != NULL ? st_test_find_widget (titlebar, is_switcher, NULL) : NULL;
  if (switcher != NULL)
    gtk_widget_set_visible (switcher, FALSE);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 800, 600);
  st_test_shoot (name);
  if (switcher != NULL)
    gtk_widget_set_visible (switcher, TRUE);
}

/* Open Service Case… on SN-1's unit page; the dialog opens the case and shows its page. */
static char *
open_case_from_unit_page (Fixture    *f,
                          const char *serial,
                          const char *complaint)
{
  StUnitPage *page = ST_UNIT_PAGE (st_window_show_unit (f->window, unit_id (f, serial)));
  StServiceDialog *dialog;
  StServiceCase *sc;
  GtkEntry *entry;

  st_test_spin ();
  click (page, ST_TYPE_UNIT_PAGE, "service_button");
  dialog = st_test_get_toplevel (ST_TYPE_SERVICE_DIALOG, TRUE);
  entry = st_test_template_child (dialog, ST_TYPE_SERVICE_DIALOG, "serial_entry");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, serial);
  entry = st_test_template_child (dialog, ST_TYPE_SERVICE_DIALOG, "complaint_entry");
  gtk_editable_set_text (GTK_EDITABLE (entry), complaint);
  g_assert_true (st_service_dialog_apply (dialog));
  g_assert_true (wait_for_dialog (dialog));

  g_assert_true (visible_page (f) == GTK_WIDGET (case_page (f)));
  sc = st_service_page_get_case (case_page (f));
  g_assert_nonnull (sc);
  g_assert_cmpstr (st_service_page_get_number (case_page (f)), ==,
                   st_service_case_get_number (sc));
  g_assert_cmpstr (st_service_case_get_serial (sc), ==, serial);
  return g_strdup (st_service_case_get_number (sc));
}

static void
assert_ledger_sound (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  StCheckReport *report = st_store_check (f->store, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < report->problems->len; i++)
    g_printerr ("check: %s\n", (char *) g_ptr_array_index (report->problems, i));
  g_assert_cmpuint (report->problems->len, ==, 0);
  st_check_report_free (report);
}

static void
test_whole_case (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *number = NULL;
  g_autoptr(StUnit) faulty = NULL;
  g_autoptr(StUnit) replacement = NULL;
  g_autoptr(StServiceCase) first = NULL;
  StServiceCloseDialog *close_dialog;
  StServicePartDialog *part_dialog;
  StSerialPicker *picker;
  StServiceView *view;
  StListModel *model;
  StUnitPage *unit_page;
  GtkEntry *note;
  GPtrArray *cases;

  number = open_case_from_unit_page (f, "SN-1", "Screen flickers");
  g_assert_cmpint (st_service_case_get_status (shown_case (f)), ==, ST_SERVICE_OPEN);
  g_assert_cmpint (st_service_case_get_warranty_status (shown_case (f)), ==, ST_WARRANTY_UNDER);
  g_assert_cmpstr (st_service_case_get_customer (shown_case (f)), ==, "Bob Baker");
  g_assert_cmpstr (st_service_case_get_complaint (shown_case (f)), ==, "Screen flickers");
  faulty = find_unit (f, "SN-1");
  g_assert_cmpint (st_unit_get_status (faulty), ==, ST_UNIT_IN_SERVICE);
  g_clear_object (&faulty);
  assert_ledger_sound (f);

  /* A note, typed and added with Enter. */
  note = st_test_template_child (case_page (f), ST_TYPE_SERVICE_PAGE, "note_entry");
  gtk_editable_set_text (GTK_EDITABLE (note), "Display cable loose");
  g_signal_emit_by_name (note, "activate");
  /* The page is busy with it: no second step meanwhile. */
  g_assert_true (st_service_page_is_busy (case_page (f)));
  g_assert_false (gtk_widget_is_sensitive (st_test_template_child (case_page (f),
                                                                   ST_TYPE_SERVICE_PAGE,
                                                                   "start_button")));
  wait_for_page (f);
  g_assert_true (log_has (f, "Display cable loose"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (note)), ==, "");

  /* A part: one battery written off to the case at its cost. */
  page_action (f, "service.add-part");
  part_dialog = ST_SERVICE_PART_DIALOG (st_service_page_get_dialog (case_page (f)));
  g_assert_nonnull (part_dialog);
  g_assert_true (st_service_part_dialog_set_sku (part_dialog, "BAT-1"));
  g_assert_true (st_service_part_dialog_apply (part_dialog));
  g_assert_true (wait_for_dialog (part_dialog));
  g_assert_true (log_has (f, "BAT-1"));
  g_assert_cmpint (st_service_case_get_parts_cost (shown_case (f)), ==, 1200);
  assert_ledger_sound (f);

  /* In repair, then ready: each button only while it applies. */
  page_action (f, "service.start");
  g_assert_cmpint (st_service_case_get_status (shown_case (f)), ==, ST_SERVICE_IN_REPAIR);
  g_assert_false (gtk_widget_is_sensitive (st_test_template_child (case_page (f),
                                                                   ST_TYPE_SERVICE_PAGE,
                                                                   "start_button")));
  page_action (f, "service.ready");
  g_assert_cmpint (st_service_case_get_status (shown_case (f)), ==, ST_SERVICE_READY);
  g_assert_false (gtk_widget_is_sensitive (st_test_template_child (case_page (f),
                                                                   ST_TYPE_SERVICE_PAGE,
                                                                   "ready_button")));
  assert_narrow (case_page (f));
  shoot (f, "case-page");

  /* Closed as replaced: SN-3 picked from stock with the serial picker, the warranty carried
   * over to SN-1's end. */
  page_action (f, "service.close");
  close_dialog = ST_SERVICE_CLOSE_DIALOG (st_service_page_get_dialog (case_page (f)));
  g_assert_nonnull (close_dialog);
  st_service_close_dialog_set_resolution (close_dialog, ST_RESOLUTION_REPLACED);
  g_assert_true (gtk_widget_get_visible (st_test_template_child (close_dialog,
                                                                 ST_TYPE_SERVICE_CLOSE_DIALOG,
                                                                 "replacement_box")));
  /* A click on Choose Serial… puts the focus on it, out of the dialog's fields. */
  gtk_widget_grab_focus (st_test_template_child (close_dialog, ST_TYPE_SERVICE_CLOSE_DIALOG,
                                                 "choose_button"));
  click (close_dialog, ST_TYPE_SERVICE_CLOSE_DIALOG, "choose_button");
  picker = st_test_get_toplevel (ST_TYPE_SERIAL_PICKER, TRUE);
  st_test_spin ();
  /* SN-3 and SN-4 are in stock; SN-1 (in service) and SN-2 (sold) are not offered. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (st_serial_picker_get_model (picker))),
                    ==, 2);
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (st_serial_picker_select_serial (picker, "SN-1", &error));
    g_assert_nonnull (error);
    g_clear_error (&error);
    g_assert_true (st_serial_picker_select_serial (picker, "SN-3", &error));
    g_assert_no_error (error);
  }
  click (picker, ST_TYPE_SERIAL_PICKER, "ok_button");
  g_assert_cmpstr (st_service_close_dialog_get_replacement (close_dialog), ==, "SN-3");
  g_assert_true (st_service_close_dialog_apply (close_dialog));
  g_assert_true (wait_for_dialog (close_dialog));

  g_assert_cmpint (st_service_case_get_status (shown_case (f)), ==, ST_SERVICE_CLOSED);
  g_assert_cmpint (st_service_case_get_resolution (shown_case (f)), ==, ST_RESOLUTION_REPLACED);
  g_assert_cmpstr (st_service_case_get_replacement_serial (shown_case (f)), ==, "SN-3");
  g_assert_cmpstr (st_service_case_get_replacement_warranty_end (shown_case (f)), ==,
                   f->sn1_warranty);
  g_assert_false (gtk_widget_is_sensitive (st_test_template_child (case_page (f),
                                                                   ST_TYPE_SERVICE_PAGE,
                                                                   "close_button")));
  assert_ledger_sound (f);

  faulty = find_unit (f, "SN-1");
  replacement = find_unit (f, "SN-3");
  g_assert_cmpint (st_unit_get_status (faulty), ==, ST_UNIT_FAULTY);
  g_assert_cmpint (st_unit_get_status (replacement), ==, ST_UNIT_SOLD);
  g_assert_cmpstr (st_unit_get_warranty_end (replacement), ==, f->sn1_warranty);
  g_assert_cmpstr (st_unit_get_customer (replacement), ==, "Bob Baker");

  /* The Units view shows the faulty unit under its status. */
  {
    StUnitsView *units = ST_UNITS_VIEW (st_window_get_view (f->window, "units"));
    g_autoptr(StUnit) row = NULL;

    st_units_view_set_status (units, ST_UNIT_FAULTY);
    st_test_spin ();
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (st_units_view_get_model (units))),
                      ==, 1);
    row = g_list_model_get_item (G_LIST_MODEL (st_units_view_get_model (units)), 0);
    g_assert_cmpstr (st_unit_get_serial (row), ==, "SN-1");
  }

  /* Both unit pages list the case; a row opens it again. */
  unit_page = ST_UNIT_PAGE (st_window_show_unit (f->window, st_unit_get_id (faulty)));
  cases = st_unit_page_get_service_cases (unit_page);
  g_assert_nonnull (cases);
  g_assert_cmpuint (cases->len, ==, 1);
  g_assert_cmpstr (st_service_case_get_number (g_ptr_array_index (cases, 0)), ==, number);
  /* A faulty unit is ours: no new case for it. */
  g_assert_false (gtk_widget_is_sensitive (st_test_template_child (unit_page, ST_TYPE_UNIT_PAGE,
                                                                   "service_button")));
  unit_page = ST_UNIT_PAGE (st_window_show_unit (f->window, st_unit_get_id (replacement)));
  cases = st_unit_page_get_service_cases (unit_page);
  g_assert_cmpuint (cases->len, ==, 1);
  {
    GtkListBox *list = st_test_template_child (unit_page, ST_TYPE_UNIT_PAGE, "service_list");

    g_signal_emit_by_name (list, "row-activated", gtk_list_box_get_row_at_index (list, 0));
    st_test_spin ();
  }
  g_assert_true (visible_page (f) == GTK_WIDGET (case_page (f)));
  g_assert_cmpstr (st_service_page_get_number (case_page (f)), ==, number);
  /* Back returns to the replacement's page. */
  g_assert_true (st_window_go_back (f->window));
  g_assert_true (visible_page (f) == GTK_WIDGET (unit_page));
  g_assert_cmpint (st_unit_page_get_unit_id (unit_page), ==, st_unit_get_id (replacement));

  /* The Service view lists it, closed and replaced. */
  st_window_show_view (f->window, "service");
  view = ST_SERVICE_VIEW (st_window_get_view (f->window, "service"));
  st_test_spin ();
  model = st_list_page_get_model (ST_LIST_PAGE (view));
  g_assert_nonnull (model);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);
  first = g_list_model_get_item (G_LIST_MODEL (model), 0);
  g_assert_cmpstr (st_service_case_get_number (first), ==, number);
  g_assert_cmpint (st_service_case_get_status (first), ==, ST_SERVICE_CLOSED);
  g_assert_cmpint (st_service_case_get_resolution (first), ==, ST_RESOLUTION_REPLACED);
}

/* Open cases come first; the status drop-down and the filter narrow the list; a cancelled
 * case gives the unit back, sold to its customer again. */
static void
test_list_and_cancel (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autoptr(StServiceCase) top = NULL;
  g_autoptr(StUnit) unit = NULL;
  GtkWidget *reopen;
  StServiceView *view;
  StListModel *model;
  GtkEditable *filter;

  first = open_case_from_unit_page (f, "SN-1", "No sound");
  reopen = st_test_template_child (case_page (f), ST_TYPE_SERVICE_PAGE, "reopen_button");
  g_assert_false (gtk_widget_get_visible (reopen));
  /* Asked first: Keep Case keeps it open. */
  cancel_case (f, GTK_RESPONSE_CANCEL);
  g_assert_true (st_service_status_is_active (st_service_case_get_status (shown_case (f))));
  cancel_case (f, GTK_RESPONSE_ACCEPT);
  g_assert_cmpint (st_service_case_get_status (shown_case (f)), ==, ST_SERVICE_CANCELLED);
  unit = find_unit (f, "SN-1");
  g_assert_cmpint (st_unit_get_status (unit), ==, ST_UNIT_SOLD);
  g_clear_object (&unit);
  assert_ledger_sound (f);

  /* Cancelled by mistake: Reopen Case voids the cancellation, the unit is with us again. */
  shoot (f, "case-cancelled");
  g_assert_true (gtk_widget_get_visible (reopen));
  g_assert_true (gtk_widget_is_sensitive (reopen));
  page_action (f, "service.reopen");
  g_assert_true (st_service_status_is_active (st_service_case_get_status (shown_case (f))));
  g_assert_false (gtk_widget_get_visible (reopen));
  unit = find_unit (f, "SN-1");
  g_assert_cmpint (st_unit_get_status (unit), ==, ST_UNIT_IN_SERVICE);
  g_clear_object (&unit);
  assert_ledger_sound (f);

  /* And cancelled again, for good. */
  cancel_case (f, GTK_RESPONSE_ACCEPT);
  g_assert_cmpint (st_service_case_get_status (shown_case (f)), ==, ST_SERVICE_CANCELLED);
  unit = find_unit (f, "SN-1");
  g_assert_cmpint (st_unit_get_status (unit), ==, ST_UNIT_SOLD);
  assert_ledger_sound (f);

  second = open_case_from_unit_page (f, "SN-2", "Battery drains");

  st_window_show_view (f->window, "service");
  view = ST_SERVICE_VIEW (st_window_get_view (f->window, "service"));
  st_test_spin ();
  assert_narrow (gtk_widget_get_parent (gtk_widget_get_parent (GTK_WIDGET (view))));
  assert_narrow (st_window_get_view (f->window, "unit"));
  shoot (f, "service-view");
  model = st_list_page_get_model (ST_LIST_PAGE (view));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 2);
  top = g_list_model_get_item (G_LIST_MODEL (model), 0);
  g_assert_cmpstr (st_service_case_get_number (top), ==, second);
  g_clear_object (&top);

  st_service_view_set_status (view, ST_SERVICE_CANCELLED);
  st_test_spin ();
  model = st_list_page_get_model (ST_LIST_PAGE (view));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);
  top = g_list_model_get_item (G_LIST_MODEL (model), 0);
  g_assert_cmpstr (st_service_case_get_number (top), ==, first);
  g_clear_object (&top);

  st_service_view_set_status (view, -1);
  st_test_spin ();
  filter = st_test_template_child (view, ST_TYPE_LIST_PAGE, "filter_entry");
  gtk_editable_set_text (filter, "sn-2");
  st_list_model_set_filter (st_list_page_get_model (ST_LIST_PAGE (view)), "sn-2");
  model = st_list_page_get_model (ST_LIST_PAGE (view));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);
  st_list_model_set_filter (model, "bob bak");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 2);
  st_list_model_set_filter (model, "nobody");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);
}

/* The serial search opens the unit page, whose Open Service Case… has the serial filled in;
 * the Service view's own button opens the dialog empty, and a refusal names the serial. */
static void
test_open_from_search (Fixture       *f,
                       gconstpointer  data)
{
  GtkSearchEntry *search = st_test_template_child (f->window, ST_TYPE_WINDOW, "search_entry");
  StServiceDialog *dialog;
  GtkEntry *entry;
  GtkLabel *error;

  gtk_editable_set_text (GTK_EDITABLE (search), "SN-2");
  g_signal_emit_by_name (search, "activate");
  st_test_spin ();
  g_assert_true (visible_page (f) == st_window_get_view (f->window, "unit"));
  click (st_window_get_view (f->window, "unit"), ST_TYPE_UNIT_PAGE, "service_button");
  dialog = st_test_get_toplevel (ST_TYPE_SERVICE_DIALOG, TRUE);
  entry = st_test_template_child (dialog, ST_TYPE_SERVICE_DIALOG, "serial_entry");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "SN-2");
  gtk_window_destroy (GTK_WINDOW (dialog));
  st_test_spin ();

  /* From the Service view: SN-4 is in stock, not the customer's — refused, named. */
  dialog = ST_SERVICE_DIALOG (st_window_open_service_case (f->window, NULL));
  entry = st_test_template_child (dialog, ST_TYPE_SERVICE_DIALOG, "serial_entry");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  g_assert_true (st_service_dialog_apply (dialog));
  g_assert_false (wait_for_dialog (dialog));
  error = st_test_template_child (dialog, ST_TYPE_SERVICE_DIALOG, "error_label");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (error)));
  gtk_editable_set_text (GTK_EDITABLE (st_test_template_child (dialog, ST_TYPE_SERVICE_DIALOG,
                                                               "complaint_entry")),
                         "Cracked case");
  gtk_editable_set_text (GTK_EDITABLE (entry), "SN-4");
  g_assert_true (st_service_dialog_apply (dialog));
  g_assert_false (wait_for_dialog (dialog));
  error = st_test_template_child (dialog, ST_TYPE_SERVICE_DIALOG, "error_label");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (error)));
  g_test_message ("refused: %s", gtk_label_get_text (error));
  g_assert_nonnull (strstr (gtk_label_get_text (error), "SN-4"));
  gtk_editable_set_text (GTK_EDITABLE (entry), "SN-2");
  g_assert_true (st_service_dialog_apply (dialog));
  g_assert_true (wait_for_dialog (dialog));
  g_assert_true (visible_page (f) == GTK_WIDGET (case_page (f)));
  g_assert_cmpint (st_service_case_get_warranty_status (shown_case (f)), ==, ST_WARRANTY_UNDER);

  /* Replaced without choosing a serial (the oldest in stock at the desk: SN-3), the warranty
   * restarted on the replacement date instead of carried over. */
  page_action (f, "service.close");
  {
    StServiceCloseDialog *close_dialog =
      ST_SERVICE_CLOSE_DIALOG (st_service_page_get_dialog (case_page (f)));
    g_autoptr(StServiceCase) closed = NULL;
    g_autofree char *today = st_date_today ();
    g_autofree char *restarted = st_date_add_months (today, 12);

    st_service_close_dialog_set_resolution (close_dialog, ST_RESOLUTION_REPLACED);
    g_assert_null (st_service_close_dialog_get_replacement (close_dialog));
    gtk_check_button_set_active (st_test_template_child (close_dialog,
                                                         ST_TYPE_SERVICE_CLOSE_DIALOG,
                                                         "restart_check"), TRUE);
    g_assert_true (st_service_close_dialog_apply (close_dialog));
    g_assert_true (wait_for_dialog (close_dialog));
    g_assert_cmpstr (st_service_case_get_replacement_serial (shown_case (f)), ==, "SN-3");
    g_assert_cmpstr (st_service_case_get_replacement_warranty_end (shown_case (f)), ==,
                     restarted);
    g_assert_cmpstr (restarted, !=, f->sn2_warranty);
  }
  assert_ledger_sound (f);
}

static gboolean
is_label (GtkWidget     *widget,
          gconstpointer  data)
{
  return GTK_IS_LABEL (widget);
}

static gboolean
search_finished (gpointer data)
{
  return !st_window_is_searching (ST_WINDOW (data));
}

/* Ctrl+F's result list (issue 13, item 3): a sold unit's row offers Open Service Case…, which
 * opens the intake dialog with its serial; units in stock have no such button. */
static void
test_open_from_search_results (Fixture       *f,
                               gconstpointer  data)
{
  GtkListBox *results = st_test_template_child (f->window, ST_TYPE_WINDOW, "search_results");
  GtkWidget *popover = st_test_template_child (f->window, ST_TYPE_WINDOW, "search_popover");
  GtkWidget *sn1_button = NULL;
  StServiceDialog *dialog;
  GtkEntry *entry;
  guint n_rows = 0;

  /* SN-1 … SN-4 all start with "SN-": listed, none opened. */
  st_window_search_serial (f->window, "SN-");
  st_test_wait_until (search_finished, f->window);
  st_test_spin ();
  for (GtkListBoxRow *row; (row = gtk_list_box_get_row_at_index (results, (int) n_rows)) != NULL;
       n_rows++)
    {
      GtkWidget *label = st_test_find_widget (GTK_WIDGET (row), is_label, NULL);
      const char *serial = gtk_label_get_text (GTK_LABEL (label));
      GtkWidget *button = st_test_find_named (GTK_WIDGET (row), "search-service-button");

      g_test_message ("row %u: %s%s", n_rows, serial, button != NULL ? " (service)" : "");
      /* Sold: SN-1 and SN-2; in stock: SN-3 and SN-4. */
      if (g_str_equal (serial, "SN-1") || g_str_equal (serial, "SN-2"))
        {
          g_assert_nonnull (button);
          g_assert_true (gtk_widget_is_sensitive (button));
          if (g_str_equal (serial, "SN-1"))
            sn1_button = button;
        }
      else
        g_assert_null (button);
    }
  g_assert_cmpuint (n_rows, ==, 4);
  g_assert_nonnull (sn1_button);
  g_assert_true (gtk_widget_get_visible (popover));
  shoot (f, "search-service");

  g_signal_emit_by_name (sn1_button, "clicked");
  st_test_spin ();
  g_assert_false (gtk_widget_get_visible (popover));
  dialog = st_test_get_toplevel (ST_TYPE_SERVICE_DIALOG, TRUE);
  entry = st_test_template_child (dialog, ST_TYPE_SERVICE_DIALOG, "serial_entry");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "SN-1");
  gtk_editable_set_text (GTK_EDITABLE (st_test_template_child (dialog, ST_TYPE_SERVICE_DIALOG,
                                                               "complaint_entry")),
                         "No sound");
  g_assert_true (st_service_dialog_apply (dialog));
  g_assert_true (wait_for_dialog (dialog));
  g_assert_true (visible_page (f) == GTK_WIDGET (case_page (f)));
  g_assert_cmpstr (st_service_case_get_serial (shown_case (f)), ==, "SN-1");
  assert_ledger_sound (f);
}

/* Units whose warranty ends within N days, soonest first, with their customer. */
static void
test_warranty_expiring (Fixture       *f,
                        gconstpointer  data)
{
  StWarrantyView *view;
  StListModel *model;
  g_autoptr(StUnit) unit = NULL;
  g_autoptr(StUnit) later = NULL;

  st_window_show_view (f->window, "warranty-expiring");
  view = ST_WARRANTY_VIEW (st_window_get_view (f->window, "warranty-expiring"));
  st_test_spin ();
  g_assert_cmpuint (st_warranty_view_get_days (view), ==, 30);
  model = st_list_page_get_model (ST_LIST_PAGE (view));
  g_assert_nonnull (model);
  /* SN-2's ends in 10 days; SN-1's in about ten months. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);
  unit = g_list_model_get_item (G_LIST_MODEL (model), 0);
  g_assert_cmpstr (st_unit_get_serial (unit), ==, "SN-2");
  g_assert_cmpstr (st_unit_get_customer (unit), ==, "Bob Baker");
  g_assert_cmpstr (st_unit_get_warranty_end (unit), ==, f->sn2_warranty);
  g_clear_object (&unit);
  assert_narrow (view);
  shoot (f, "warranty");

  /* Nine days: not yet. */
  st_warranty_view_set_days (view, 9);
  st_test_spin ();
  model = st_list_page_get_model (ST_LIST_PAGE (view));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);

  /* A year: both, soonest first. */
  st_warranty_view_set_days (view, 365);
  st_test_spin ();
  model = st_list_page_get_model (ST_LIST_PAGE (view));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 2);
  unit = g_list_model_get_item (G_LIST_MODEL (model), 0);
  later = g_list_model_get_item (G_LIST_MODEL (model), 1);
  g_assert_cmpstr (st_unit_get_serial (unit), ==, "SN-2");
  g_assert_cmpstr (st_unit_get_serial (later), ==, "SN-1");
}

int
main (int   argc,
      char *argv[])
{
  app = st_test_app_start (&argc, &argv);
  if (app == NULL)
    return 77;
  /* The build tree's catalogues, as main.c binds them: LANGUAGE=de shows the pages in German
   * (for the screenshots); the suite runs in English. */
  st_test_bind_catalogues ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/app/service/whole-case", test_whole_case);
  ADD ("/app/service/list-and-cancel", test_list_and_cancel);
  ADD ("/app/service/open-from-search", test_open_from_search);
  ADD ("/app/service/open-from-search-results", test_open_from_search_results);
  ADD ("/app/service/warranty-expiring", test_warranty_expiring);

  return st_test_app_run (&app);
}
