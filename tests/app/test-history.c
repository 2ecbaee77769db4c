/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-history.c — the unit history page (from the search, an item's units and a document's
 * serials), its document links and Back, and the Excel exports run from the window: the
 * export window's thread, progress, Cancel and toast, and the sold-serials report's dates. */
#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <locale.h>
#include <string.h>

#include "st-application.h"
#include "st-documents-view.h"
#include "st-error.h"
#include "st-export-dialog.h"
#include "st-format.h"
#include "st-items-view.h"
#include "st-parse.h"
#include "st-sold-report-dialog.h"
#include "st-toast.h"
#include "st-unit-page.h"
#include "st-window.h"
#include "st-test-app.h"
#include "../st-test-xlsx.h"

typedef struct
{
  char     *dir;
  char     *path;
  char     *invoice;          /* the invoice that sold SN-RICH (and took it back) */
  char     *voided_invoice;
  StWindow *window;
  StStore  *store;            /* the window's */
} Fixture;

static StApplication *app;

static char *
post_invoice (StStore    *store,
              const char *date,
              const char *warehouse,
              const char *serial)
{
  g_autoptr(StDocument) invoice = st_test_post_serials (store, &(StTestPosting) {
                                                          .kind = ST_DOC_INVOICE, .date = date,
                                                          .contact = "Bob",
                                                          .warehouse = warehouse, .sku = "PHN-1",
                                                          .rate = 49900, .serials = serial });

  return g_strdup (st_document_get_number (invoice));
}

/* SN-RICH: bill → transfer to the Storeroom → invoice → sales return; SN-OLD sold in 2020
 * (its 12-month warranty long over), SN-NEW sold today, SN-NEW2 in stock, SN-VOID sold on
 * an invoice voided since. */
static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  StItemSpec spec = { "PHN-1", "Phone One", NULL, 49900, 30000, ST_TRACKING_SERIAL, 12,
                      ST_SERIAL_FORMAT_ANY };
  g_autoptr(GError) error = NULL;
  g_autoptr(StStore) store = NULL;
  g_autoptr(StDraft) transfer = st_draft_new (ST_DOC_TRANSFER);
  g_autoptr(StDraft) ret = st_draft_new (ST_DOC_RETURN);
  g_autoptr(StDocument) posted = NULL;
  g_autoptr(StDocument) voided = NULL;
  g_autofree char *old_invoice = NULL;
  g_autofree char *new_invoice = NULL;
  g_autofree char *today = st_date_today ();
  StDraftLine *line;

  store = st_test_create_database ("st-history-test-XXXXXX", &f->dir, &f->path);
  st_test_add_item (store, &spec);
  st_test_add_contact (store, ST_CONTACT_VENDOR, "Acme");
  st_test_add_contact (store, ST_CONTACT_CUSTOMER, "Bob");
  st_test_add_warehouse (store, "Storeroom");

  g_object_unref (st_test_post_serials (store, &(StTestPosting) { .kind = ST_DOC_BILL,
                                          .number = "BILL-0", .date = "2019-06-01",
                                          .contact = "Acme", .warehouse = "Primary Warehouse",
                                          .sku = "PHN-1", .rate = 30000, .serials = "SN-OLD" }));
  old_invoice = post_invoice (store, "2020-01-01", "Primary Warehouse", "SN-OLD");
  g_object_unref (st_test_post_serials (store, &(StTestPosting) { .kind = ST_DOC_BILL,
                                          .number = "BILL-1", .date = "2024-01-10",
                                          .contact = "Acme", .warehouse = "Primary Warehouse",
                                          .sku = "PHN-1", .rate = 30000,
                                          .serials = "SN-RICH,SN-NEW,SN-NEW2,SN-VOID" }));

  st_draft_set_string (&transfer->date, "2024-01-15");
  st_draft_set_string (&transfer->warehouse, "Primary Warehouse");
  st_draft_set_string (&transfer->to_warehouse, "Storeroom");
  line = st_draft_add_line (transfer, "PHN-1", 1);
  st_draft_line_add_serial (line, "SN-RICH");
  posted = st_test_post (store, transfer);
  g_clear_object (&posted);

  f->invoice = post_invoice (store, "2024-02-01", "Storeroom", "SN-RICH");

  st_draft_set_string (&ret->date, "2024-02-10");
  st_draft_set_string (&ret->reference, f->invoice);
  st_draft_set_string (&ret->warehouse, "Storeroom");
  line = st_draft_add_line (ret, "PHN-1", 1);
  st_draft_line_add_serial (line, "SN-RICH");
  posted = st_test_post (store, ret);

  new_invoice = post_invoice (store, today, "Primary Warehouse", "SN-NEW");
  f->voided_invoice = post_invoice (store, "2024-03-01", "Primary Warehouse", "SN-VOID");
  voided = st_store_void (store, ST_DOC_INVOICE, f->voided_invoice, &error);
  g_assert_no_error (error);

  f->window = st_test_open_filled (app, g_steal_pointer (&store), f->path);
  f->store = st_window_get_store (f->window);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  st_test_close_database (f->dir, f->path);
  g_free (f->invoice);
  g_free (f->voided_invoice);
}

static gint64
unit_id (Fixture    *f,
         const char *serial)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StUnit) unit = st_store_find_unit (f->store, serial, NULL, &error);

  g_assert_no_error (error);
  return st_unit_get_id (unit);
}

static GtkWidget *
visible_view (Fixture *f)
{
  GtkWidget *page = st_window_get_view (f->window, "items");

  return gtk_stack_get_visible_child (GTK_STACK (gtk_widget_get_parent (page)));
}

static StUnitPage *
unit_page (Fixture *f)
{
  return ST_UNIT_PAGE (st_window_get_view (f->window, "unit"));
}

/* Types into the header bar's search and presses Enter, as a person or a scanner does. */
static void
search (Fixture    *f,
        const char *text)
{
  GtkSearchEntry *entry = st_test_template_child (f->window, ST_TYPE_WINDOW, "search_entry");

  gtk_widget_grab_focus (GTK_WIDGET (entry));
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  g_signal_emit_by_name (entry, "activate");
  st_test_spin ();
}

/* The texts of a widget's labels (a link's too), in tree order, joined by " | ". */
static void
collect_texts (GtkWidget *widget,
               GString   *out)
{
  if (!gtk_widget_get_visible (widget))
    return;

  if (GTK_IS_LABEL (widget))
    {
      const char *text = gtk_label_get_text (GTK_LABEL (widget));

      if (*text != '\0')
        g_string_append_printf (out, "%s%s", out->len > 0 ? " | " : "", text);
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_texts (child, out);
}

/* The timeline as shown: one string per row, its cells' texts in column order. */
static GPtrArray *
timeline_rows (Fixture *f)
{
  GtkWidget *view = st_test_template_child (unit_page (f), ST_TYPE_UNIT_PAGE, "history_view");
  GPtrArray *rows = g_ptr_array_new_with_free_func (g_free);
  GtkWidget *list = NULL;

  /* Let the list lay out its rows. */
  for (guint i = 0; i < 5; i++)
    {
      gboolean done = FALSE;

      g_timeout_add (20, st_test_timeout_cb, &done);
      while (!done)
        g_main_context_iteration (NULL, TRUE);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (view);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      list = child;
  g_assert_nonnull (list);

  for (GtkWidget *row = gtk_widget_get_first_child (list);
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GString *texts = g_string_new (NULL);

      collect_texts (row, texts);
      if (texts->len > 0)
        g_ptr_array_add (rows, g_string_free (texts, FALSE));
      else
        g_string_free (texts, TRUE);
    }

  return rows;
}

static char *
row_text (const char *date,
          const char *event,
          const char *document,
          const char *contact,
          const char *warehouses,
          const char *amount)
{
  g_autofree char *shown_date = st_format_date (date);
  GString *text = g_string_new (NULL);
  const char *cells[] = { shown_date, event, document, contact, warehouses, amount };

  for (guint i = 0; i < G_N_ELEMENTS (cells); i++)
    if (cells[i] != NULL)
      g_string_append_printf (text, "%s%s", text->len > 0 ? " | " : "", cells[i]);

  return g_string_free (text, FALSE);
}

/* TRUE when the keyboard focus is on (or in) a selected list row. */
static gboolean
focus_on_selected_row (Fixture *f)
{
  for (GtkWidget *w = gtk_root_get_focus (GTK_ROOT (f->window));
       w != NULL;
       w = gtk_widget_get_parent (w))
    if (gtk_widget_get_state_flags (w) & GTK_STATE_FLAG_SELECTED)
      return TRUE;

  return FALSE;
}

/* A GtkLinkButton shown with @label. */
static gboolean
is_link (GtkWidget     *widget,
         gconstpointer  label)
{
  return GTK_IS_LINK_BUTTON (widget) && gtk_widget_get_mapped (widget)
         && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

/* The unit page */

static void
test_search_opens_timeline (Fixture       *f,
                            gconstpointer  data)
{
  StUnitPage *page = unit_page (f);
  GListModel *history = st_unit_page_get_history (page);
  GtkLabel *status = st_test_template_child (page, ST_TYPE_UNIT_PAGE, "status_label");
  GtkLabel *serial = st_test_template_child (page, ST_TYPE_UNIT_PAGE, "serial_label");
  g_autofree char *invoice_link = g_strdup_printf ("Invoice %s", f->invoice);
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *expected = NULL;
  static const StEventKind kinds[] = {
    ST_EVENT_RECEIVED, ST_EVENT_TRANSFERRED, ST_EVENT_SOLD, ST_EVENT_RETURNED,
  };

  /* Typed in lower case: serials compare case-insensitively. */
  search (f, "sn-rich");

  g_assert_true (visible_view (f) == GTK_WIDGET (page));
  g_assert_cmpint (st_unit_page_get_unit_id (page), ==, unit_id (f, "SN-RICH"));
  g_assert_cmpstr (gtk_label_get_text (serial), ==, "SN-RICH");
  g_assert_cmpstr (gtk_label_get_text (status), ==, "In stock");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (status), "in-stock"));
  /* In stock again after the return: no warranty running, the item's is still to come. */
  g_assert_cmpstr (st_unit_page_get_warranty_text (page), ==,
                   "12-month warranty from the day it is sold");

  g_assert_cmpuint (g_list_model_get_n_items (history), ==, G_N_ELEMENTS (kinds));
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autoptr(StUnitEvent) event = g_list_model_get_item (history, i);

      g_assert_cmpint (st_unit_event_get_kind (event), ==, kinds[i]);
    }

  /* What the rows show: date, event, document link, contact, warehouses, amount. */
  rows = timeline_rows (f);
  g_assert_cmpuint (rows->len, ==, 4);
  expected = row_text ("2024-01-10", "Received", "Bill BILL-1", "Acme",
                       "→ Primary Warehouse", "300.00");
  g_assert_cmpstr (g_ptr_array_index (rows, 0), ==, expected);
  g_free (expected);
  expected = row_text ("2024-01-15", "Transferred", "Transfer order TO-00001", NULL,
                       "Primary Warehouse → Storeroom", NULL);
  g_assert_cmpstr (g_ptr_array_index (rows, 1), ==, expected);
  g_free (expected);
  expected = row_text ("2024-02-01", "Sold", invoice_link, "Bob", "Storeroom →", "499.00");
  g_assert_cmpstr (g_ptr_array_index (rows, 2), ==, expected);
  g_free (expected);
  expected = row_text ("2024-02-10", "Returned by customer", "Sales return RET-00001", "Bob",
                       "→ Storeroom", "499.00");
  g_assert_cmpstr (g_ptr_array_index (rows, 3), ==, expected);

  /* A scanner's serial leaves the search empty for the next one. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (st_test_template_child (f->window,
                                                                        ST_TYPE_WINDOW,
                                                                        "search_entry"))),
                   ==, "");
}

static void
test_facts_of_sold_unit (Fixture       *f,
                         gconstpointer  data)
{
  StUnitPage *page = unit_page (f);
  GtkWidget *facts = st_test_template_child (page, ST_TYPE_UNIT_PAGE, "facts_grid");
  g_autoptr(GString) texts = g_string_new (NULL);
  g_autofree char *today = st_date_today ();
  g_autofree char *sold = st_format_date (today);

  search (f, "SN-NEW");
  g_assert_cmpint (st_unit_page_get_unit_id (page), ==, unit_id (f, "SN-NEW"));

  collect_texts (facts, texts);
  g_assert_nonnull (strstr (texts->str, "Cost | 300.00"));
  g_assert_nonnull (strstr (texts->str, "Price | 499.00"));
  g_assert_nonnull (strstr (texts->str, "Margin | 199.00"));
  g_assert_nonnull (strstr (texts->str, "Bill | BILL-1"));
  g_assert_nonnull (strstr (texts->str, "Vendor | Acme"));
  g_assert_nonnull (strstr (texts->str, "Customer | Bob"));
  g_assert_nonnull (strstr (texts->str, sold));
  g_assert_true (gtk_widget_has_css_class (st_test_template_child (page, ST_TYPE_UNIT_PAGE,
                                                           "status_label"), "sold"));
}

static void
test_warranty_under (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *today = st_date_today ();
  g_autofree char *end = st_date_add_months (today, 12);
  g_autofree char *shown = st_format_date (end);
  g_autofree char *expected = g_strdup_printf ("Under warranty until %s", shown);

  st_window_show_unit (f->window, unit_id (f, "SN-NEW"));
  g_assert_cmpstr (st_unit_page_get_warranty_text (unit_page (f)), ==, expected);
}

static void
test_warranty_expired (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *shown = st_format_date ("2021-01-01");
  g_autofree char *expected = g_strdup_printf ("Warranty expired on %s", shown);

  st_window_show_unit (f->window, unit_id (f, "SN-OLD"));
  g_assert_cmpstr (st_unit_page_get_warranty_text (unit_page (f)), ==, expected);
}

static void
test_voided_event (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = NULL;
  GtkLabel *status;

  st_window_show_unit (f->window, unit_id (f, "SN-VOID"));
  rows = timeline_rows (f);
  g_assert_cmpuint (rows->len, ==, 3);
  g_assert_nonnull (strstr (g_ptr_array_index (rows, 1), "| Sold |"));
  g_assert_nonnull (strstr (g_ptr_array_index (rows, 2), "| Voided: Sold |"));
  g_assert_nonnull (strstr (g_ptr_array_index (rows, 2), f->voided_invoice));

  /* Back in stock: the void put it back. */
  status = st_test_template_child (unit_page (f), ST_TYPE_UNIT_PAGE, "status_label");
  g_assert_cmpstr (gtk_label_get_text (status), ==, "In stock");
}

/* The search */

static gboolean
search_finished (gpointer data)
{
  return !st_window_is_searching (ST_WINDOW (data));
}

static void
test_search_exact_wins (Fixture       *f,
                        gconstpointer  data)
{
  GtkListBox *results = st_test_template_child (f->window, ST_TYPE_WINDOW, "search_results");

  /* SN-NEW2 starts with SN-NEW too, but SN-NEW is the serial typed. */
  search (f, "SN-NEW");
  g_assert_true (visible_view (f) == GTK_WIDGET (unit_page (f)));
  g_assert_cmpint (st_unit_page_get_unit_id (unit_page (f)), ==, unit_id (f, "SN-NEW"));
  g_assert_null (gtk_list_box_get_row_at_index (results, 0));
}

static void
test_search_prefix_lists (Fixture       *f,
                          gconstpointer  data)
{
  GtkListBox *results = st_test_template_child (f->window, ST_TYPE_WINDOW, "search_results");
  GtkLabel *message = st_test_template_child (f->window, ST_TYPE_WINDOW, "search_message_label");
  GtkSearchEntry *entry = st_test_template_child (f->window, ST_TYPE_WINDOW, "search_entry");

  g_assert_cmpuint (st_window_search_serial (f->window, "sn-ne"), ==, 2);
  /* The list comes from the store's worker (serials containing the text, names too). */
  st_test_wait_until (search_finished, f->window);
  st_test_spin ();
  g_assert_false (visible_view (f) == GTK_WIDGET (unit_page (f)));
  g_assert_cmpstr (gtk_label_get_text (message), ==, "2 units match");
  g_assert_nonnull (gtk_list_box_get_row_at_index (results, 1));
  g_assert_null (gtk_list_box_get_row_at_index (results, 2));

  /* A prefix that only one serial has opens it. */
  search (f, "SN-RI");
  g_assert_cmpint (st_unit_page_get_unit_id (unit_page (f)), ==, unit_id (f, "SN-RICH"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
}

/* Document links and Back */

static void
test_link_opens_document (Fixture       *f,
                          gconstpointer  data)
{
  StDocumentsView *invoices = ST_DOCUMENTS_VIEW (st_window_get_view (f->window, "invoices"));
  g_autofree char *label = g_strdup_printf ("Invoice %s", f->invoice);
  g_autoptr(GPtrArray) rows = NULL;
  StDocument *shown;
  GtkWidget *link;

  st_window_show_unit (f->window, unit_id (f, "SN-RICH"));
  rows = timeline_rows (f);

  link = st_test_find_widget (GTK_WIDGET (unit_page (f)), is_link, label);
  g_assert_nonnull (link);
  g_signal_emit_by_name (link, "clicked");
  st_test_spin ();

  g_assert_true (visible_view (f) == GTK_WIDGET (invoices));
  shown = st_documents_view_get_document (invoices);
  g_assert_nonnull (shown);
  g_assert_cmpstr (st_document_get_number (shown), ==, f->invoice);

  /* The keyboard focus follows, on to the document's row once it is laid out. */
  for (guint i = 0; i < 20 && !focus_on_selected_row (f); i++)
    {
      gboolean done = FALSE;

      g_timeout_add (20, st_test_timeout_cb, &done);
      while (!done)
        g_main_context_iteration (NULL, TRUE);
    }
  g_assert_true (focus_on_selected_row (f));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (f->window)),
                                         GTK_WIDGET (invoices)));

  /* Back: the unit page again, the same unit. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.back", NULL));
  st_test_spin ();
  g_assert_true (visible_view (f) == GTK_WIDGET (unit_page (f)));
  g_assert_cmpint (st_unit_page_get_unit_id (unit_page (f)), ==, unit_id (f, "SN-RICH"));

  /* And back again: the items, where it all started. */
  g_assert_true (st_window_go_back (f->window));
  g_assert_true (visible_view (f) == st_window_get_view (f->window, "items"));
  g_assert_false (st_window_go_back (f->window));
}

static void
test_row_activation_opens_document (Fixture       *f,
                                    gconstpointer  data)
{
  StDocumentsView *returns = ST_DOCUMENTS_VIEW (st_window_get_view (f->window, "returns"));
  StDocumentsView *bills = ST_DOCUMENTS_VIEW (st_window_get_view (f->window, "bills"));
  GtkWidget *history;

  st_window_show_unit (f->window, unit_id (f, "SN-RICH"));
  history = st_test_template_child (unit_page (f), ST_TYPE_UNIT_PAGE, "history_view");

  /* Enter (or a double-click) on the return's row: the Returns page, Sales Returns tab. */
  g_signal_emit_by_name (history, "activate", 3);
  st_test_spin ();
  g_assert_true (gtk_widget_is_drawable (GTK_WIDGET (returns)));
  g_assert_cmpstr (st_document_get_number (st_documents_view_get_document (returns)), ==,
                   "RET-00001");

  /* The bill, even when the bills' filter hides it. */
  gtk_editable_set_text (GTK_EDITABLE (st_test_template_child (bills, ST_TYPE_LIST_PAGE,
                                                       "filter_entry")), "BILL-0");
  st_list_model_set_filter (st_list_page_get_model (ST_LIST_PAGE (bills)), "BILL-0");
  g_assert_cmpuint (g_list_model_get_n_items (
                      G_LIST_MODEL (st_list_page_get_selection (ST_LIST_PAGE (bills)))), ==, 1);
  g_assert_true (st_window_go_back (f->window));
  g_signal_emit_by_name (history, "activate", 0);
  st_test_spin ();
  g_assert_true (visible_view (f) == GTK_WIDGET (bills));
  g_assert_cmpstr (st_document_get_number (st_documents_view_get_document (bills)), ==,
                   "BILL-1");
}

static void
test_unknown_document_says_so (Fixture       *f,
                               gconstpointer  data)
{
  GtkInfoBar *bar = st_test_template_child (f->window, ST_TYPE_WINDOW, "error_bar");

  g_assert_false (st_window_show_document (f->window, ST_DOC_INVOICE, "NOPE-1"));
  g_assert_true (gtk_info_bar_get_revealed (bar));
}

static void
test_escape_goes_back (Fixture       *f,
                       gconstpointer  data)
{
  st_window_show_view (f->window, "transfers");
  st_window_show_unit (f->window, unit_id (f, "SN-OLD"));
  g_assert_true (visible_view (f) == GTK_WIDGET (unit_page (f)));

  /* Escape is bound on the page: the focus is in it once shown. */
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (f->window)),
                                         GTK_WIDGET (unit_page (f))));
  g_assert_true (st_test_press_shortcut (GTK_WIDGET (unit_page (f)), GDK_KEY_Escape, 0));
  st_test_spin ();
  g_assert_true (visible_view (f) == st_window_get_view (f->window, "transfers"));
}

/* The other ways in */

static void
test_from_item_units (Fixture       *f,
                      gconstpointer  data)
{
  StItemsView *items = ST_ITEMS_VIEW (st_window_get_view (f->window, "items"));
  GtkSelectionModel *units = st_items_view_get_units_selection (items);
  GtkWidget *units_view = st_test_template_child (items, ST_TYPE_ITEMS_VIEW, "units_view");
  g_autoptr(StUnit) unit = NULL;

  gtk_selection_model_select_item (st_list_page_get_selection (ST_LIST_PAGE (items)), 0, TRUE);
  st_test_spin ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (units)), ==, 5);
  unit = g_list_model_get_item (G_LIST_MODEL (units), 2);

  /* Several can be selected (for an export); activating one opens its history. */
  g_assert_true (GTK_IS_MULTI_SELECTION (units));
  g_signal_emit_by_name (units_view, "activate", 2);
  st_test_spin ();
  g_assert_true (visible_view (f) == GTK_WIDGET (unit_page (f)));
  g_assert_cmpint (st_unit_page_get_unit_id (unit_page (f)), ==, st_unit_get_id (unit));
}

static void
test_from_document_serials (Fixture       *f,
                            gconstpointer  data)
{
  StDocumentsView *bills = ST_DOCUMENTS_VIEW (st_window_get_view (f->window, "bills"));
  GtkWidget *serials = st_test_template_child (bills, ST_TYPE_DOCUMENTS_VIEW, "serials_view");
  g_autoptr(GError) error = NULL;
  g_autoptr(StDocument) bill = st_store_get_document (f->store, ST_DOC_BILL, "BILL-1", &error);

  g_assert_no_error (error);
  st_window_show_view (f->window, "bills");
  g_assert_true (st_list_page_select_id (ST_LIST_PAGE (bills), st_document_get_id (bill)));
  st_test_spin ();

  g_signal_emit_by_name (serials, "activate", 3);
  st_test_spin ();
  g_assert_true (visible_view (f) == GTK_WIDGET (unit_page (f)));
  g_assert_cmpint (st_unit_page_get_unit_id (unit_page (f)), ==, unit_id (f, "SN-VOID"));
}

/* Exports */

static void
assert_xlsx (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 100);
  /* A zip archive: an .xlsx. */
  g_assert_cmpint (memcmp (contents, "PK", 2), ==, 0);
}

static guint
n_files (const char *dir_path)
{
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  guint n = 0;

  while (dir != NULL && g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

static void
test_export_history (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "history-SN-RICH.xlsx", NULL);
  gint64 id = unit_id (f, "SN-RICH");
  StHistoryScope scope = { .unit_ids = &id, .n_unit_ids = 1 };
  StToast *toast = ST_TOAST (gtk_widget_get_last_child (st_test_template_child (f->window,
                                                                       ST_TYPE_WINDOW,
                                                                       "overlay")));
  StTestExport finished = { 0 };
  StExportDialog *dialog;

  dialog = st_export_dialog_start_history (GTK_WINDOW (f->window), f->store, &scope, path,
                                           FALSE);
  g_assert_true (st_export_dialog_get_running (dialog));
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));
  st_test_export_watch (dialog, &finished);
  st_test_wait_for (&finished.done);

  g_assert_no_error (finished.error);
  g_assert_nonnull (finished.file);
  assert_xlsx (path);
  /* Done: the progress window went, the window says so with "Open". */
  g_assert_null (st_test_find_toplevel (ST_TYPE_EXPORT_DIALOG, FALSE));
  g_assert_true (st_toast_get_shown (toast));
  g_assert_cmpstr (st_toast_get_message (toast), ==, "Exported “history-SN-RICH.xlsx”");
  g_assert_true (g_file_equal (st_toast_get_file (toast), finished.file));
  g_assert_true (gtk_widget_get_visible (st_test_template_child (toast, ST_TYPE_TOAST,
                                                                 "open_button")));
  st_test_export_clear (&finished);
}

static void
test_export_sold (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "sold.xlsx", NULL);
  StTestExport finished = { 0 };
  StExportDialog *dialog;

  dialog = st_export_dialog_start_sold (GTK_WINDOW (f->window), f->store,
                                        "2024-01-01", "2024-12-31", path, FALSE);
  st_test_export_watch (dialog, &finished);
  st_test_wait_for (&finished.done);

  g_assert_no_error (finished.error);
  assert_xlsx (path);
  st_test_export_clear (&finished);
}

static void
test_export_cancelled_leaves_nothing (Fixture       *f,
                                      gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "cancelled.xlsx", NULL);
  StTestExport finished = { 0 };
  StExportDialog *dialog;
  GtkButton *cancel;
  guint before = n_files (f->dir);

  dialog = st_export_dialog_start_history (GTK_WINDOW (f->window), f->store, NULL, path,
                                           FALSE);
  st_test_export_watch (dialog, &finished);
  cancel = st_test_template_child (dialog, ST_TYPE_EXPORT_DIALOG, "cancel_button");
  g_signal_emit_by_name (cancel, "clicked");
  st_test_wait_for (&finished.done);

  g_assert_error (finished.error, ST_ERROR, ST_ERROR_CANCELLED);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  /* No temporary file left beside it either. */
  g_assert_cmpuint (n_files (f->dir), ==, before);
  g_assert_null (st_test_find_toplevel (ST_TYPE_EXPORT_DIALOG, FALSE));
  st_test_export_clear (&finished);
}

static void
test_export_escape_cancels (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "escaped.xlsx", NULL);
  StTestExport finished = { 0 };
  StExportDialog *dialog;

  dialog = st_export_dialog_start_sold (GTK_WINDOW (f->window), f->store, NULL, NULL, path,
                                        FALSE);
  st_test_export_watch (dialog, &finished);
  g_assert_true (st_test_press_shortcut (GTK_WIDGET (dialog), GDK_KEY_Escape, 0));
  st_test_wait_for (&finished.done);

  g_assert_error (finished.error, ST_ERROR, ST_ERROR_CANCELLED);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_null (st_test_find_toplevel (ST_TYPE_EXPORT_DIALOG, FALSE));
  st_test_export_clear (&finished);
}

static void
test_export_failure_shown (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "taken.xlsx", NULL);
  g_autofree char *contents = NULL;
  StTestExport finished = { 0 };
  StExportDialog *dialog;
  GtkLabel *error_label;
  GtkButton *close;
  g_autoptr(GError) error = NULL;

  /* A file the chooser was not asked to replace (a name the dialog completed) is kept. */
  g_file_set_contents (path, "mine", -1, &error);
  g_assert_no_error (error);

  dialog = st_export_dialog_start_sold (GTK_WINDOW (f->window), f->store, NULL, NULL, path,
                                        FALSE);
  st_test_export_watch (dialog, &finished);
  st_test_wait_for (&finished.done);

  g_assert_nonnull (finished.error);
  error_label = st_test_template_child (dialog, ST_TYPE_EXPORT_DIALOG, "error_label");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (error_label)));
  g_assert_cmpstr (gtk_label_get_text (error_label), ==, finished.error->message);
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (contents, ==, "mine");

  /* The button now closes the window. */
  close = st_test_template_child (dialog, ST_TYPE_EXPORT_DIALOG, "cancel_button");
  g_assert_cmpstr (gtk_button_get_label (close), ==, "_Close");
  g_signal_emit_by_name (close, "clicked");
  st_test_spin ();
  g_assert_null (st_test_find_toplevel (ST_TYPE_EXPORT_DIALOG, FALSE));
  st_test_export_clear (&finished);
}

/* The unit page's "Export to Excel…": that unit. */
static void
test_export_from_unit_page (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "unit.xlsx", NULL);
  g_autoptr(GPtrArray) serials = NULL;

  st_window_show_unit (f->window, unit_id (f, "SN-RICH"));
  g_signal_emit_by_name (st_test_template_child (unit_page (f), ST_TYPE_UNIT_PAGE, "export_button"),
                         "clicked");
  st_test_spin ();
  st_test_save_export (f->dir, "history-SN-RICH.xlsx", "unit.xlsx");

  serials = st_test_xlsx_column (path, "Units", 1);
  g_assert_cmpuint (serials->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (serials, 0), ==, "str:SN-RICH");
}

/* The items view's unit list: the units selected. */
static void
test_export_selected_units (Fixture       *f,
                            gconstpointer  data)
{
  StItemsView *items = ST_ITEMS_VIEW (st_window_get_view (f->window, "items"));
  GtkSelectionModel *units = st_items_view_get_units_selection (items);
  g_autofree char *path = g_build_filename (f->dir, "picked.xlsx", NULL);
  g_autoptr(GPtrArray) serials = NULL;

  gtk_selection_model_select_item (st_list_page_get_selection (ST_LIST_PAGE (items)), 0, TRUE);
  st_test_spin ();
  /* FIFO order: SN-OLD, SN-RICH, SN-NEW, SN-NEW2, SN-VOID. */
  gtk_selection_model_select_item (units, 1, TRUE);
  gtk_selection_model_select_item (units, 4, FALSE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (items), "items.export-selection",
                                             NULL));
  st_test_spin ();
  st_test_save_export (f->dir, "history-PHN-1-selection.xlsx", "picked.xlsx");

  serials = st_test_xlsx_column (path, "Units", 1);
  g_assert_cmpuint (serials->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (serials, 0), ==, "str:SN-RICH");
  g_assert_cmpstr (g_ptr_array_index (serials, 1), ==, "str:SN-VOID");
}

/* The items view's "Export All Units to Excel…": every unit of the item. */
static void
test_export_item (Fixture       *f,
                  gconstpointer  data)
{
  StItemsView *items = ST_ITEMS_VIEW (st_window_get_view (f->window, "items"));
  g_autofree char *path = g_build_filename (f->dir, "item", NULL);
  g_autofree char *completed = g_build_filename (f->dir, "item.xlsx", NULL);
  g_autoptr(GPtrArray) serials = NULL;

  gtk_selection_model_select_item (st_list_page_get_selection (ST_LIST_PAGE (items)), 0, TRUE);
  st_test_spin ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (items), "items.export-item", NULL));
  st_test_spin ();
  /* A name typed without ".xlsx" gets it. */
  st_test_save_export (f->dir, "history-PHN-1.xlsx", "item");

  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  serials = st_test_xlsx_column (completed, "Units", 1);
  g_assert_cmpuint (serials->len, ==, 5);
}

static void
test_export_all_selected_is_item (Fixture       *f,
                                  gconstpointer  data)
{
  StItemsView *items = ST_ITEMS_VIEW (st_window_get_view (f->window, "items"));
  GtkFileChooser *chooser;
  g_autofree char *name = NULL;

  gtk_selection_model_select_item (st_list_page_get_selection (ST_LIST_PAGE (items)), 0, TRUE);
  st_test_spin ();
  gtk_selection_model_select_all (st_items_view_get_units_selection (items));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (items), "items.export-selection",
                                             NULL));
  st_test_spin ();

  /* Every unit selected is the item: exported by its SKU, not unit by unit. */
  chooser = st_test_get_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG, FALSE);
  name = gtk_file_chooser_get_current_name (chooser);
  g_assert_cmpstr (name, ==, "history-PHN-1.xlsx");

  /* Cancelled: nothing starts. */
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  st_test_spin ();
  g_assert_null (st_test_find_toplevel (ST_TYPE_EXPORT_DIALOG, FALSE));
  g_assert_null (st_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG, FALSE));
}

/* The sold-serials report's dates */

static void
test_previous_quarter (void)
{
  static const struct { const char *today, *from, *to; } cases[] = {
    { "2026-02-15", "2025-10-01", "2025-12-31" },
    { "2026-04-01", "2026-01-01", "2026-03-31" },
    { "2026-08-31", "2026-04-01", "2026-06-30" },
    { "2024-12-31", "2024-07-01", "2024-09-30" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *from = NULL;
      g_autofree char *to = NULL;

      st_sold_report_previous_quarter (cases[i].today, &from, &to);
      g_assert_cmpstr (from, ==, cases[i].from);
      g_assert_cmpstr (to, ==, cases[i].to);
    }
}

static void
test_periods (void)
{
  static const struct { const char *today; StPeriod period; const char *from, *to; } cases[] = {
    { "2026-02-15", ST_PERIOD_THIS_MONTH, "2026-02-01", "2026-02-15" },
    { "2026-01-10", ST_PERIOD_LAST_MONTH, "2025-12-01", "2025-12-31" },
    { "2024-03-31", ST_PERIOD_LAST_MONTH, "2024-02-01", "2024-02-29" },
    { "2026-05-20", ST_PERIOD_THIS_QUARTER, "2026-04-01", "2026-05-20" },
    { "2026-02-15", ST_PERIOD_LAST_QUARTER, "2025-10-01", "2025-12-31" },
    { "2026-11-30", ST_PERIOD_THIS_YEAR, "2026-01-01", "2026-11-30" },
    { "2026-11-30", ST_PERIOD_CUSTOM, NULL, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *from = NULL;
      g_autofree char *to = NULL;

      st_sold_report_period (cases[i].today, cases[i].period, &from, &to);
      g_assert_cmpstr (from, ==, cases[i].from);
      g_assert_cmpstr (to, ==, cases[i].to);
    }
}

/* Nothing sold in the period: the window says so, and no file is written. */
static void
test_export_sold_nothing (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "sold-1999.xlsx", NULL);
  StTestExport finished = { 0 };
  StExportDialog *dialog;
  GtkLabel *error_label;
  guint before = n_files (f->dir);

  dialog = st_export_dialog_start_sold (GTK_WINDOW (f->window), f->store,
                                        "1999-01-01", "1999-12-31", path, FALSE);
  st_test_export_watch (dialog, &finished);
  st_test_wait_for (&finished.done);

  g_assert_error (finished.error, ST_ERROR, ST_ERROR_NOT_FOUND);
  error_label = st_test_template_child (dialog, ST_TYPE_EXPORT_DIALOG, "error_label");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (error_label)));
  g_assert_cmpstr (gtk_label_get_text (error_label), ==,
                   "Nothing was sold in the period (Sold serials 1999-01-01 – 1999-12-31): "
                   "no file was written");
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (n_files (f->dir), ==, before);
  st_test_export_clear (&finished);
}

static StSoldReportDialog *
open_sold_report (Fixture *f)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.export-sold", NULL));
  st_test_spin ();
  return st_test_get_toplevel (ST_TYPE_SOLD_REPORT_DIALOG, FALSE);
}

static void
test_sold_report_refuses_reversed_range (Fixture       *f,
                                         gconstpointer  data)
{
  StSoldReportDialog *dialog = open_sold_report (f);
  GtkEditable *from = st_test_template_child (dialog, ST_TYPE_SOLD_REPORT_DIALOG, "from_entry");
  GtkEditable *to = st_test_template_child (dialog, ST_TYPE_SOLD_REPORT_DIALOG, "to_entry");
  GtkLabel *error_label = st_test_template_child (dialog, ST_TYPE_SOLD_REPORT_DIALOG,
                                                  "error_label");
  GtkButton *export = st_test_template_child (dialog, ST_TYPE_SOLD_REPORT_DIALOG, "export_button");
  g_autofree char *today = st_date_today ();
  g_autofree char *quarter_from = NULL;
  g_autofree char *quarter_to = NULL;

  GtkDropDown *period = st_test_template_child (dialog, ST_TYPE_SOLD_REPORT_DIALOG,
                                                "period_dropdown");
  g_autofree char *month_from = NULL;
  g_autofree char *month_to = NULL;

  /* It starts with this month so far: today included. */
  st_sold_report_period (today, ST_PERIOD_THIS_MONTH, &month_from, &month_to);
  g_assert_cmpuint (gtk_drop_down_get_selected (period), ==, ST_PERIOD_THIS_MONTH);
  g_assert_cmpstr (gtk_editable_get_text (from), ==, month_from);
  g_assert_cmpstr (gtk_editable_get_text (to), ==, today);

  /* A quick choice fills the dates. */
  gtk_drop_down_set_selected (period, ST_PERIOD_LAST_QUARTER);
  st_sold_report_previous_quarter (today, &quarter_from, &quarter_to);
  g_assert_cmpstr (gtk_editable_get_text (from), ==, quarter_from);
  g_assert_cmpstr (gtk_editable_get_text (to), ==, quarter_to);

  gtk_editable_set_text (from, "2024-03-31");
  gtk_editable_set_text (to, "2024-01-01");
  /* Typed dates are "other dates". */
  g_assert_cmpuint (gtk_drop_down_get_selected (period), ==, ST_PERIOD_CUSTOM);
  g_signal_emit_by_name (export, "clicked");
  st_test_spin ();

  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (error_label)));
  g_assert_cmpstr (gtk_label_get_text (error_label), ==, "The start date is after the end date.");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (to), "error"));
  /* Still open, nothing asked or written. */
  g_assert_true (st_test_find_toplevel (ST_TYPE_SOLD_REPORT_DIALOG, FALSE) == dialog);

  /* Typing again clears the message. */
  gtk_editable_set_text (to, "2024-06-30");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (error_label)));
}

static void
test_sold_report_refuses_bad_date (Fixture       *f,
                                   gconstpointer  data)
{
  StSoldReportDialog *dialog = open_sold_report (f);
  GtkEditable *from = st_test_template_child (dialog, ST_TYPE_SOLD_REPORT_DIALOG, "from_entry");
  GtkEditable *to = st_test_template_child (dialog, ST_TYPE_SOLD_REPORT_DIALOG, "to_entry");
  GtkLabel *error_label = st_test_template_child (dialog, ST_TYPE_SOLD_REPORT_DIALOG,
                                                  "error_label");
  g_autoptr(GError) error = NULL;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;

  gtk_editable_set_text (from, "2024-02-30");
  g_assert_false (st_sold_report_dialog_get_range (dialog, &start, &end, &error));
  g_assert_error (error, ST_ERROR, ST_ERROR_INVALID_INPUT);

  g_signal_emit_by_name (st_test_template_child (dialog, ST_TYPE_SOLD_REPORT_DIALOG,
                                                 "export_button"),
                         "clicked");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (error_label)));
  g_assert_nonnull (strstr (gtk_label_get_text (error_label), "2024-02-30"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (from), "error"));

  /* Empty is no limit on that side. */
  g_clear_error (&error);
  gtk_editable_set_text (from, "");
  gtk_editable_set_text (to, " 2024-06-30 ");
  g_assert_true (st_sold_report_dialog_get_range (dialog, &start, &end, &error));
  g_assert_no_error (error);
  g_assert_null (start);
  g_assert_cmpstr (end, ==, "2024-06-30");
}

static void
test_sold_report_escape_closes (Fixture       *f,
                                gconstpointer  data)
{
  StSoldReportDialog *dialog = open_sold_report (f);

  g_assert_true (st_test_press_shortcut (GTK_WIDGET (dialog), GDK_KEY_Escape, 0));
  st_test_spin ();
  g_assert_null (st_test_find_toplevel (ST_TYPE_SOLD_REPORT_DIALOG, FALSE));
}

static void
test_clean_file_name (void)
{
  g_autofree char *clean = st_export_dialog_clean_file_name ("history-A/B:C*?.xlsx");

  g_assert_cmpstr (clean, ==, "history-A-B-C--.xlsx");
}

int
main (int   argc,
      char *argv[])
{
  app = st_test_app_start (&argc, &argv);
  if (app == NULL)
    return 77;

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/app/history/search-opens-timeline", test_search_opens_timeline);
  ADD ("/app/history/export/sold-nothing", test_export_sold_nothing);
  g_test_add_func ("/app/history/sold-report/periods", test_periods);
  ADD ("/app/history/facts-of-sold-unit", test_facts_of_sold_unit);
  ADD ("/app/history/warranty/under", test_warranty_under);
  ADD ("/app/history/warranty/expired", test_warranty_expired);
  ADD ("/app/history/voided-event", test_voided_event);
  ADD ("/app/history/search/exact-wins", test_search_exact_wins);
  ADD ("/app/history/search/prefix-lists", test_search_prefix_lists);
  ADD ("/app/history/link-opens-document", test_link_opens_document);
  ADD ("/app/history/row-opens-document", test_row_activation_opens_document);
  ADD ("/app/history/unknown-document", test_unknown_document_says_so);
  ADD ("/app/history/escape-goes-back", test_escape_goes_back);
  ADD ("/app/history/from-item-units", test_from_item_units);
  ADD ("/app/history/from-document-serials", test_from_document_serials);
  ADD ("/app/export/history", test_export_history);
  ADD ("/app/export/sold", test_export_sold);
  ADD ("/app/export/cancelled-leaves-nothing", test_export_cancelled_leaves_nothing);
  ADD ("/app/export/escape-cancels", test_export_escape_cancels);
  ADD ("/app/export/failure-shown", test_export_failure_shown);
  ADD ("/app/export/from-unit-page", test_export_from_unit_page);
  ADD ("/app/export/selected-units", test_export_selected_units);
  ADD ("/app/export/item", test_export_item);
  ADD ("/app/export/all-selected-is-item", test_export_all_selected_is_item);
  ADD ("/app/sold-report/refuses-reversed-range", test_sold_report_refuses_reversed_range);
  ADD ("/app/sold-report/refuses-bad-date", test_sold_report_refuses_bad_date);
  ADD ("/app/sold-report/escape-closes", test_sold_report_escape_closes);
#undef ADD
  g_test_add_func ("/app/sold-report/previous-quarter", test_previous_quarter);
  g_test_add_func ("/app/export/clean-file-name", test_clean_file_name);

  return st_test_app_run (&app);
}
