/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-window.c — the real StApplication and StWindow over a temporary database, driven
 * through their actions and widgets, with outcomes checked in the views and in the core. */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <locale.h>
#include <sqlite3.h>
#include <string.h>

#include "st-application.h"
#include "st-columns.h"
#include "st-documents-view.h"
#include "st-error.h"
#include "st-format.h"
#include "st-item-dialog.h"
#include "st-items-view.h"
#include "st-preferences-dialog.h"
#include "st-unit-page.h"
#include "st-window.h"
#include "st-test-app.h"

typedef enum
{
  WITH_NOTHING,  /* a new, empty database */
  WITH_ITEM,     /* item PHN-1 (serial), vendor Acme; no units */
  WITH_BILL,     /* … and bill BILL-1 receiving SN-A and SN-B */
} Contents;

typedef struct
{
  char     *dir;
  char     *path;
  StWindow *window;
  StStore  *store;   /* the window's */
} Fixture;

static StApplication *app;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  Contents contents = GPOINTER_TO_INT (data);
  g_autoptr(StStore) store = NULL;

  /* Fill the file through the core first, as another program would. */
  store = st_test_create_database ("st-app-test-XXXXXX", &f->dir, &f->path);

  if (contents >= WITH_ITEM)
    {
      StItemSpec spec = { "PHN-1", "Phone One", NULL, 49900, 30000, ST_TRACKING_SERIAL, 12,
                          ST_SERIAL_FORMAT_ANY };

      st_test_add_item (store, &spec);
      st_test_add_contact (store, ST_CONTACT_VENDOR, "Acme");
    }

  if (contents >= WITH_BILL)
    g_object_unref (st_test_post_serials (store, &(StTestPosting) { .kind = ST_DOC_BILL,
                                            .number = "BILL-1", .date = "2024-03-05",
                                            .contact = "Acme", .sku = "PHN-1", .rate = 30000,
                                            .serials = "SN-A,SN-B" }));

  f->window = st_test_open_filled (app, g_steal_pointer (&store), f->path);
  f->store = st_window_get_store (f->window);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  /* Dialogs and unit pages before the windows they are transient for. */
  st_test_close_database (f->dir, f->path);
}

static guint
n_rows (GtkSelectionModel *model)
{
  return g_list_model_get_n_items (G_LIST_MODEL (model));
}

static StItemsView *
items_view (Fixture *f)
{
  return ST_ITEMS_VIEW (st_window_get_view (f->window, "items"));
}

static StDocumentsView *
documents_view (Fixture    *f,
                const char *name)
{
  return ST_DOCUMENTS_VIEW (st_window_get_view (f->window, name));
}

/* Views */

static void
test_items_view_lists_item (Fixture       *f,
                            gconstpointer  data)
{
  GtkSelectionModel *items = st_list_page_get_selection (ST_LIST_PAGE (items_view (f)));
  g_autoptr(StItem) item = NULL;

  g_assert_cmpuint (n_rows (items), ==, 1);
  item = g_list_model_get_item (G_LIST_MODEL (items), 0);
  g_assert_cmpstr (st_item_get_sku (item), ==, "PHN-1");
  g_assert_cmpint (st_item_get_on_hand (item), ==, 2);
}

static void
test_items_view_shows_units (Fixture       *f,
                             gconstpointer  data)
{
  GtkSelectionModel *items = st_list_page_get_selection (ST_LIST_PAGE (items_view (f)));
  GtkSelectionModel *units = st_items_view_get_units_selection (items_view (f));
  g_autoptr(StUnit) first = NULL;
  g_autoptr(StUnit) second = NULL;

  gtk_selection_model_select_item (items, 0, TRUE);
  st_test_spin ();

  g_assert_cmpuint (n_rows (units), ==, 2);
  first = g_list_model_get_item (G_LIST_MODEL (units), 0);
  second = g_list_model_get_item (G_LIST_MODEL (units), 1);
  g_assert_cmpstr (st_unit_get_serial (first), ==, "SN-A");
  g_assert_cmpstr (st_unit_get_serial (second), ==, "SN-B");
  g_assert_cmpint (st_unit_get_status (first), ==, ST_UNIT_IN_STOCK);
}

static void
test_bills_view_shows_bill (Fixture       *f,
                            gconstpointer  data)
{
  StDocumentsView *bills = documents_view (f, "bills");
  GtkSelectionModel *rows = st_list_page_get_selection (ST_LIST_PAGE (bills));
  g_autoptr(StDocument) row = NULL;
  StDocument *document;
  const StDocumentLine *line;

  g_assert_cmpuint (n_rows (rows), ==, 1);
  row = g_list_model_get_item (G_LIST_MODEL (rows), 0);
  g_assert_cmpstr (st_document_get_number (row), ==, "BILL-1");
  g_assert_cmpint (st_document_get_total (row), ==, 60000);

  gtk_selection_model_select_item (rows, 0, TRUE);
  st_test_spin ();
  document = st_documents_view_get_document (bills);
  g_assert_nonnull (document);
  g_assert_cmpuint (st_document_get_lines (document)->len, ==, 1);
  line = g_ptr_array_index (st_document_get_lines (document), 0);
  g_assert_cmpuint (line->serials->len, ==, 2);
}

static void
test_empty_view_shows_empty_state (Fixture       *f,
                                   gconstpointer  data)
{
  StDocumentsView *invoices = documents_view (f, "invoices");
  GtkStack *stack = st_test_template_child (invoices, ST_TYPE_LIST_PAGE, "stack");

  g_assert_cmpuint (n_rows (st_list_page_get_selection (ST_LIST_PAGE (invoices))), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");

  stack = st_test_template_child (documents_view (f, "bills"), ST_TYPE_LIST_PAGE, "stack");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "list");
}

/* A list whose query fails says so, with the error, where it would otherwise look empty. */
static void
test_query_error_shows (Fixture       *f,
                        gconstpointer  data)
{
  StListPage *items = ST_LIST_PAGE (items_view (f));
  GtkStack *stack = st_test_template_child (items, ST_TYPE_LIST_PAGE, "stack");
  GtkLabel *error_label = st_test_template_child (items, ST_TYPE_LIST_PAGE, "error_label");
  const GError *error;
  sqlite3 *db = NULL;
  char *message = NULL;
  int rc;

  st_window_show_view (f->window, "items");
  st_test_spin ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "list");

  /* Another program breaks the file under the open window. */
  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  rc = sqlite3_exec (db, "DROP TABLE items", NULL, NULL, &message);
  g_assert_cmpstr (message, ==, NULL);
  g_assert_cmpint (rc, ==, SQLITE_OK);
  sqlite3_close (db);

  st_list_page_refresh (items);
  st_test_spin ();

  error = st_list_model_get_error (st_list_page_get_model (items));
  g_assert_nonnull (error);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "error");
  g_assert_cmpstr (gtk_label_get_text (error_label), ==, error->message);
  g_assert_nonnull (strstr (gtk_label_get_text (error_label), "items"));
}

static void
test_every_view_by_name (Fixture       *f,
                         gconstpointer  data)
{
  static const char *names[] = {
    "items", "bills", "invoices", "transfers", "adjustments", "returns", "vendor-returns",
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_assert_nonnull (st_window_get_view (f->window, names[i]));
      st_window_show_view (f->window, names[i]);
      g_assert_true (gtk_widget_is_drawable (st_window_get_view (f->window, names[i])));
    }
  g_assert_null (st_window_get_view (f->window, "nonsense"));
  g_assert_cmpint (st_documents_view_get_kind (documents_view (f, "vendor-returns")), ==,
                   ST_DOC_VENDOR_RETURN);
}

/* A column header click sorts in SQL: the model order changes, the sort key is the column's. */
static void
test_sort_by_column (Fixture       *f,
                     gconstpointer  data)
{
  StItemSpec spec = { "ABC-0", "Zeta cable", NULL, 100, 50, ST_TRACKING_NONE, 0,
                      ST_SERIAL_FORMAT_ANY };
  g_autoptr(GError) error = NULL;
  g_autoptr(StItem) first = NULL;
  g_autoptr(StItem) again = NULL;
  GtkColumnView *view = st_test_template_child (items_view (f), ST_TYPE_LIST_PAGE, "column_view");
  GtkSelectionModel *items = st_list_page_get_selection (ST_LIST_PAGE (items_view (f)));
  gboolean descending = FALSE;

  st_test_add_item (f->store, &spec);
  st_window_refresh (f->window);
  g_assert_cmpuint (n_rows (items), ==, 2);

  gtk_column_view_sort_by_column (view, st_test_column_titled (view, "SKU"), GTK_SORT_DESCENDING);
  st_test_spin ();
  g_assert_cmpint (st_columns_get_sort (view, &descending), ==, ST_SORT_SKU);
  g_assert_true (descending);
  first = g_list_model_get_item (G_LIST_MODEL (items), 0);
  g_assert_cmpstr (st_item_get_sku (first), ==, "PHN-1");

  gtk_column_view_sort_by_column (view, st_test_column_titled (view, "Name"), GTK_SORT_ASCENDING);
  st_test_spin ();
  g_assert_cmpint (st_columns_get_sort (view, &descending), ==, ST_SORT_NAME);
  g_assert_false (descending);
  again = g_list_model_get_item (G_LIST_MODEL (items), 0);
  g_assert_cmpstr (st_item_get_name (again), ==, "Phone One");
}

static void
test_filter_entry (Fixture       *f,
                   gconstpointer  data)
{
  GtkEditable *filter = st_test_template_child (items_view (f), ST_TYPE_LIST_PAGE, "filter_entry");
  GtkSelectionModel *items = st_list_page_get_selection (ST_LIST_PAGE (items_view (f)));
  GtkStack *stack = st_test_template_child (items_view (f), ST_TYPE_LIST_PAGE, "stack");

  gtk_editable_set_text (filter, "nothing like it");
  /* GtkSearchEntry delays "search-changed"; wait it out. */
  st_test_wait_ms (400);
  g_assert_cmpuint (n_rows (items), ==, 0);
  /* Filtered down to nothing is not the "no items yet" page. */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "list");

  gtk_editable_set_text (filter, "phone");
  st_test_wait_ms (400);
  g_assert_cmpuint (n_rows (items), ==, 1);
}

/* A write through the store (by anything) refreshes the views from an idle. */
static void
test_store_change_refreshes (Fixture       *f,
                             gconstpointer  data)
{
  StItemSpec spec = { "NEW-1", "New thing", NULL, 100, 50, ST_TRACKING_NONE, 0,
                      ST_SERIAL_FORMAT_ANY };
  g_autoptr(GError) error = NULL;
  g_autoptr(StItem) item = NULL;
  GtkSelectionModel *items = st_list_page_get_selection (ST_LIST_PAGE (items_view (f)));

  g_assert_cmpuint (n_rows (items), ==, 1);
  item = st_store_add_item (f->store, &spec, &error);
  g_assert_no_error (error);
  st_test_spin ();
  g_assert_cmpuint (n_rows (items), ==, 2);
}

/* The add-item dialog */

static StItemDialog *
open_item_dialog (Fixture *f)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-item", NULL));
  st_test_spin ();
  return st_test_get_toplevel (ST_TYPE_ITEM_DIALOG, FALSE);
}

static void
fill (gpointer    dialog,
      const char *field,
      const char *text)
{
  gtk_editable_set_text (st_test_template_child (dialog, ST_TYPE_ITEM_DIALOG, field), text);
}

/* Activates the dialog's default button (Add), as Enter in a field does. */
static void
click_add (gpointer dialog,
           GType    type)
{
  GtkWidget *button = gtk_window_get_default_widget (GTK_WINDOW (dialog));

  g_assert_true (G_TYPE_CHECK_INSTANCE_TYPE (dialog, type));
  g_assert_true (GTK_IS_BUTTON (button));
  gtk_widget_activate (button);
  st_test_wait_ms (400);
}

static void
test_item_dialog_adds_item (Fixture       *f,
                            gconstpointer  data)
{
  StItemDialog *dialog = open_item_dialog (f);
  g_autoptr(GError) error = NULL;
  g_autoptr(StItem) item = NULL;
  g_autoptr(StItem) selected = NULL;
  GtkSelectionModel *items;

  fill (dialog, "sku_entry", "TAB-9");
  fill (dialog, "name_entry", "Tablet 9");
  fill (dialog, "price_entry", "199.50");
  fill (dialog, "cost_entry", "120");
  gtk_drop_down_set_selected (st_test_template_child (dialog, ST_TYPE_ITEM_DIALOG,
                                                      "format_dropdown"),
                              ST_SERIAL_FORMAT_DIGITS);
  gtk_spin_button_set_value (st_test_template_child (dialog, ST_TYPE_ITEM_DIALOG, "warranty_spin"),
                             6);
  click_add (dialog, ST_TYPE_ITEM_DIALOG);

  /* Written through the core, dialog gone, list refreshed with the new item selected. */
  item = st_store_find_item (f->store, "TAB-9", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (st_item_get_name (item), ==, "Tablet 9");
  g_assert_cmpint (st_item_get_price (item), ==, 19950);
  g_assert_cmpint (st_item_get_cost (item), ==, 12000);
  g_assert_cmpint (st_item_get_tracking (item), ==, ST_TRACKING_SERIAL);
  g_assert_cmpint (st_item_get_serial_format (item), ==, ST_SERIAL_FORMAT_DIGITS);
  g_assert_cmpuint (st_item_get_warranty_months (item), ==, 6);
  g_assert_null (st_test_find_toplevel (ST_TYPE_ITEM_DIALOG, FALSE));

  items = st_list_page_get_selection (ST_LIST_PAGE (items_view (f)));
  g_assert_cmpuint (n_rows (items), ==, 2);
  selected = g_object_ref (gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (items)));
  g_assert_cmpstr (st_item_get_sku (selected), ==, "TAB-9");
}

static void
test_item_dialog_duplicate_sku (Fixture       *f,
                                gconstpointer  data)
{
  StItemDialog *dialog = open_item_dialog (f);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(StItem) item = NULL;
  GtkLabel *error_label;

  fill (dialog, "sku_entry", "PHN-1");
  fill (dialog, "name_entry", "Another phone");
  click_add (dialog, ST_TYPE_ITEM_DIALOG);

  /* Refused: the dialog stays with the core's message under the form, nothing written. */
  g_assert_true (st_test_find_toplevel (ST_TYPE_ITEM_DIALOG, FALSE) == dialog);
  error_label = st_test_template_child (dialog, ST_TYPE_ITEM_DIALOG, "error_label");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (error_label)));
  g_assert_true (strstr (gtk_label_get_text (error_label), "PHN-1") != NULL);
  g_assert_true (gtk_widget_has_css_class (st_test_template_child (dialog, ST_TYPE_ITEM_DIALOG,
                                                           "sku_entry"), "error"));

  all = st_store_list_all_items (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 1);
  item = st_store_find_item (f->store, "PHN-1", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (st_item_get_name (item), ==, "Phone One");
  g_assert_cmpuint (n_rows (st_list_page_get_selection (ST_LIST_PAGE (items_view (f)))), ==, 1);
}

static void
test_item_dialog_bad_price (Fixture       *f,
                            gconstpointer  data)
{
  StItemDialog *dialog = open_item_dialog (f);
  g_autoptr(GError) error = NULL;
  g_autoptr(StItem) item = NULL;
  GtkLabel *error_label;

  fill (dialog, "sku_entry", "BAD-1");
  fill (dialog, "name_entry", "Bad price");
  fill (dialog, "price_entry", "12.345");
  click_add (dialog, ST_TYPE_ITEM_DIALOG);

  error_label = st_test_template_child (dialog, ST_TYPE_ITEM_DIALOG, "error_label");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (error_label)));
  g_assert_true (gtk_widget_has_css_class (st_test_template_child (dialog, ST_TYPE_ITEM_DIALOG,
                                                           "price_entry"), "error"));
  item = st_store_find_item (f->store, "BAD-1", &error);
  g_assert_error (error, ST_ERROR, ST_ERROR_NOT_FOUND);
  g_assert_null (item);
}

/* Warehouses and contacts */

static void
test_warehouse_dialog (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StWarehouse) found = NULL;
  g_autoptr(GPtrArray) before = st_store_list_warehouses (f->store, NULL);
  g_autoptr(GPtrArray) after = NULL;
  GtkWindow *dialog;
  GtkLabel *error_label;
  GType type;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-warehouse", NULL));
  st_test_spin ();
  type = g_type_from_name ("StWarehouseDialog");
  dialog = st_test_get_toplevel (type, FALSE);

  /* The existing name is refused in the dialog … */
  gtk_editable_set_text (st_test_template_child (dialog, type, "name_entry"),
                         st_warehouse_get_name (g_ptr_array_index (before, 0)));
  click_add (dialog, type);
  error_label = st_test_template_child (dialog, type, "error_label");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (error_label)));
  after = st_store_list_warehouses (f->store, NULL);
  g_assert_cmpuint (after->len, ==, before->len);

  /* … a new one is added. */
  gtk_editable_set_text (st_test_template_child (dialog, type, "name_entry"), "Back Room");
  click_add (dialog, type);
  found = st_store_find_warehouse (f->store, "Back Room", &error);
  g_assert_no_error (error);
  g_assert_null (st_test_find_toplevel (type, FALSE));
}

static void
test_contact_dialog (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StContact) found = NULL;
  GtkWindow *dialog;
  GType type;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-contact", NULL));
  st_test_spin ();
  type = g_type_from_name ("StContactDialog");
  dialog = st_test_get_toplevel (type, FALSE);

  gtk_check_button_set_active (st_test_template_child (dialog, type, "customer_check"), TRUE);
  gtk_editable_set_text (st_test_template_child (dialog, type, "name_entry"), "Walk-in Customer");
  click_add (dialog, type);

  found = st_store_find_contact (f->store, ST_CONTACT_CUSTOMER, "Walk-in Customer", &error);
  g_assert_no_error (error);
  g_assert_cmpint (st_contact_get_kind (found), ==, ST_CONTACT_CUSTOMER);
}

/* Preferences */

static gboolean
preferences_idle (gpointer data)
{
  return !st_preferences_dialog_is_busy (data);
}

/* A choice is stored in the store's worker: the dialog waits for it. */
static void
wait_preferences (StPreferencesDialog *dialog)
{
  st_test_wait_until (preferences_idle, dialog);
  st_test_spin ();
}

static void
tracking_changed_cb (StPreferencesDialog *dialog,
                     guint               *count)
{
  (*count)++;
}

static void
test_preferences_refused (Fixture       *f,
                          gconstpointer  data)
{
  StPreferencesDialog *dialog = st_preferences_dialog_new (GTK_WINDOW (f->window), f->store);
  guint changes = 0;
  GtkLabel *error_label;

  g_signal_connect (dialog, "tracking-changed", G_CALLBACK (tracking_changed_cb), &changes);
  gtk_window_present (GTK_WINDOW (dialog));
  st_test_spin ();
  g_assert_true (gtk_check_button_get_active (st_test_template_child (dialog,
                                                                      ST_TYPE_PREFERENCES_DIALOG,
                                                              "serial_check")));

  /* Serial units are in stock: switching to quantity-only is refused and shown. */
  gtk_check_button_set_active (st_test_template_child (dialog, ST_TYPE_PREFERENCES_DIALOG,
                                               "quantity_check"), TRUE);
  wait_preferences (dialog);

  error_label = st_test_template_child (dialog, ST_TYPE_PREFERENCES_DIALOG, "error_label");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (error_label)));
  g_assert_cmpstr (gtk_label_get_text (error_label), !=, "");
  g_assert_true (gtk_check_button_get_active (st_test_template_child (dialog,
                                                                      ST_TYPE_PREFERENCES_DIALOG,
                                                              "serial_check")));
  g_assert_cmpint (st_store_get_tracking (f->store), ==, ST_TRACKING_SERIAL);
  g_assert_cmpuint (changes, ==, 0);
}

static void
test_preferences_quantity_only (Fixture       *f,
                                gconstpointer  data)
{
  StPreferencesDialog *dialog;
  StItemDialog *item_dialog;
  GtkColumnView *view = st_test_template_child (items_view (f), ST_TYPE_LIST_PAGE, "column_view");
  guint changes = 0;

  g_assert_true (gtk_column_view_column_get_visible (st_test_column_titled (view, "Tracking")));

  dialog = st_preferences_dialog_new (GTK_WINDOW (f->window), f->store);
  g_signal_connect_swapped (dialog, "tracking-changed", G_CALLBACK (st_window_refresh),
                            f->window);
  g_signal_connect (dialog, "tracking-changed", G_CALLBACK (tracking_changed_cb), &changes);
  gtk_window_present (GTK_WINDOW (dialog));
  st_test_spin ();

  gtk_check_button_set_active (st_test_template_child (dialog, ST_TYPE_PREFERENCES_DIALOG,
                                               "quantity_check"), TRUE);
  wait_preferences (dialog);

  g_assert_cmpint (st_store_get_tracking (f->store), ==, ST_TRACKING_NONE);
  g_assert_cmpuint (changes, ==, 1);
  g_assert_false (gtk_widget_get_visible (st_test_template_child (dialog,
                                                                  ST_TYPE_PREFERENCES_DIALOG,
                                                          "error_label")));
  /* Serial columns and choices are gone. */
  g_assert_false (gtk_column_view_column_get_visible (st_test_column_titled (view, "Tracking")));
  gtk_window_destroy (GTK_WINDOW (dialog));

  item_dialog = open_item_dialog (f);
  g_assert_false (gtk_widget_get_visible (st_test_template_child (item_dialog, ST_TYPE_ITEM_DIALOG,
                                                          "serial_check")));
}

static void shoot (Fixture    *f,
                   const char *name);

static void
type_currency (StPreferencesDialog *dialog,
               const char          *text)
{
  GtkEntry *entry = st_test_template_child (dialog, ST_TYPE_PREFERENCES_DIALOG, "currency_entry");

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  g_signal_emit_by_name (entry, "activate");
  wait_preferences (dialog);
}

/* The currency, set in Preferences through its entry: refused unless an ISO 4217 code, then
 * kept in the database and shown with the amounts of the window's money cells. */
static void
test_preferences_currency (Fixture       *f,
                           gconstpointer  data)
{
  StPreferencesDialog *dialog;
  GtkLabel *error_label;
  GtkEntry *entry;
  g_autofree char *setting = NULL;
  g_autofree char *refusal = NULL;

  /* The tests' C.UTF-8 locale has no currency: plain numbers (the item's price, 499.00). */
  g_assert_null (st_format_get_currency ());
  st_test_wait_ms (50);
  g_assert_true (st_test_shows_text (GTK_WIDGET (f->window), "499.00"));

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  st_test_spin ();
  dialog = st_test_get_toplevel (ST_TYPE_PREFERENCES_DIALOG, TRUE);
  entry = st_test_template_child (dialog, ST_TYPE_PREFERENCES_DIALOG, "currency_entry");
  error_label = st_test_template_child (dialog, ST_TYPE_PREFERENCES_DIALOG, "error_label");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  g_assert_cmpstr (gtk_label_get_text (st_test_template_child (dialog,
                                                               ST_TYPE_PREFERENCES_DIALOG,
                                                               "currency_hint")),
                   ==, _("An ISO 4217 code such as EUR or USD, shown with amounts and in "
                         "exported workbooks. Empty: plain numbers."));

  /* Not a code: said, naming the currency and what was typed; nothing changes. */
  type_currency (dialog, "EURO");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (error_label)));
  refusal = g_strdup_printf (_("The currency “%s” is not an ISO 4217 code: three capital letters "
                               "such as EUR or USD"), "EURO");
  g_assert_cmpstr (gtk_label_get_text (error_label), ==, refusal);
  setting = st_store_dup_currency_setting (f->store);
  g_assert_null (setting);
  g_assert_null (st_format_get_currency ());
  shoot (f, "preferences-refused");

  /* A code (typed in small letters): kept in capitals, and the window's amounts carry it. */
  type_currency (dialog, "eur");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (error_label)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "EUR");
  setting = st_store_dup_currency_setting (f->store);
  g_assert_cmpstr (setting, ==, "EUR");
  g_assert_cmpstr (st_format_get_currency (), ==, "EUR");
  shoot (f, "preferences");
  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_selection_model_select_item (st_list_page_get_selection (ST_LIST_PAGE (items_view (f))), 0,
                                   TRUE);
  st_test_wait_ms (100);
  shoot (f, "currency-items");
  g_assert_true (st_test_shows_text (GTK_WIDGET (f->window), "499.00\u00a0EUR"));
  g_assert_false (st_test_shows_text (GTK_WIDGET (f->window), "499.00"));

  /* The next window (a database without a currency) shows plain numbers again. */
  st_format_set_currency (NULL);
}

/* The serial search */

/* The unit page is a page of the window: the one shown, or NULL while another view is. */
static StUnitPage *
shown_unit_page (Fixture *f)
{
  GtkWidget *page = st_window_get_view (f->window, "unit");
  GtkWidget *stack = gtk_widget_get_parent (page);

  g_assert_true (ST_IS_UNIT_PAGE (page));
  if (gtk_stack_get_visible_child (GTK_STACK (stack)) != page)
    return NULL;
  return ST_UNIT_PAGE (page);
}

static void
test_search_one_opens_unit_page (Fixture       *f,
                                 gconstpointer  data)
{
  StUnitPage *page;
  GListModel *history;
  g_autoptr(StUnitEvent) received = NULL;

  /* Serials compare case-insensitively, as a scanner may type them. */
  g_assert_cmpuint (st_window_search_serial (f->window, "sn-a"), ==, 1);
  st_test_spin ();

  page = shown_unit_page (f);
  g_assert_nonnull (page);
  history = st_unit_page_get_history (page);
  g_assert_cmpuint (g_list_model_get_n_items (history), ==, 1);
  received = g_list_model_get_item (history, 0);
  g_assert_cmpint (st_unit_event_get_kind (received), ==, ST_EVENT_RECEIVED);
  g_assert_cmpstr (st_unit_event_get_doc_number (received), ==, "BILL-1");
}

/* The last characters of a serial, as read off a box, find it (issue 17). */
static void
test_search_last_digits (Fixture       *f,
                         gconstpointer  data)
{
  StUnitPage *page;

  g_assert_cmpuint (st_window_search_serial (f->window, "-b"), ==, 1);
  st_test_spin ();
  page = shown_unit_page (f);
  g_assert_nonnull (page);
  g_assert_cmpstr (st_unit_get_serial (st_unit_page_get_unit (page)), ==, "SN-B");
}

static gboolean
search_finished (gpointer data)
{
  return !st_window_is_searching (ST_WINDOW (data));
}

static guint
n_result_rows (Fixture *f)
{
  GtkListBox *results = st_test_template_child (f->window, ST_TYPE_WINDOW, "search_results");
  guint n = 0;

  while (gtk_list_box_get_row_at_index (results, (int) n) != NULL)
    n++;
  return n;
}

/* With ST_TEST_SHOTS set to a file prefix: the window at 800 x 600 saved with
 * `import -window root` as PREFIX@name.png. */
static void
shoot (Fixture    *f,
       const char *name)
{
  if (g_getenv ("ST_TEST_SHOTS") == NULL)
    return;
  gtk_window_set_default_size (GTK_WINDOW (f->window), 800, 600);
  st_test_shoot (name);
}

/* Any part of a serial and a vendor's or customer's name (issue 17): nothing at once (those
 * are not index range scans), then the list from the store's worker; new input cancels. */
static void
test_search_contains_and_names (Fixture       *f,
                                gconstpointer  data)
{
  GtkLabel *message = st_test_template_child (f->window, ST_TYPE_WINDOW, "search_message_label");
  GtkListBox *results = st_test_template_child (f->window, ST_TYPE_WINDOW, "search_results");
  GtkEditable *entry = st_test_template_child (f->window, ST_TYPE_WINDOW, "search_entry");
  g_autofree char *two = NULL;
  g_autofree char *vendor_line = NULL;
  GtkWidget *row_box;
  GtkWidget *contact_label;

  /* "N-" is inside SN-A and SN-B: neither their start nor their end. */
  g_assert_cmpuint (st_window_search_serial (f->window, "N-"), ==, 0);
  g_assert_true (st_window_is_searching (f->window));
  g_assert_cmpstr (gtk_label_get_text (message), ==, _("Searching…"));
  st_test_wait_until (search_finished, f->window);
  st_test_spin ();
  g_assert_cmpuint (n_result_rows (f), ==, 2);
  two = g_strdup_printf (ngettext ("%u unit matches", "%u units match", 2), 2);
  g_assert_cmpstr (gtk_label_get_text (message), ==, two);
  g_assert_null (shown_unit_page (f));

  /* The vendor Acme's units, with the vendor named on each row. */
  g_assert_cmpuint (st_window_search_serial (f->window, "acm"), ==, 0);
  st_test_wait_until (search_finished, f->window);
  st_test_spin ();
  g_assert_cmpuint (n_result_rows (f), ==, 2);
  row_box = gtk_list_box_row_get_child (gtk_list_box_get_row_at_index (results, 0));
  contact_label = gtk_widget_get_last_child (row_box);
  vendor_line = g_strdup_printf (_("Vendor: %s"), "Acme");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (contact_label)), ==, vendor_line);
  shoot (f, "search-names");

  /* Choosing one opens its page. */
  g_signal_emit_by_name (results, "row-activated", gtk_list_box_get_row_at_index (results, 1));
  st_test_spin ();
  g_assert_nonnull (shown_unit_page (f));

  /* Typing on cancels: the old answer never fills the list. */
  g_assert_cmpuint (st_window_search_serial (f->window, "acm"), ==, 0);
  gtk_editable_set_text (entry, "acme-and-more");
  g_assert_false (st_window_is_searching (f->window));
  st_test_wait_ms (500);
  g_assert_cmpuint (n_result_rows (f), ==, 0);
  g_assert_false (gtk_widget_get_visible (st_test_template_child (f->window, ST_TYPE_WINDOW,
                                                                  "search_popover")));

  /* An exact serial still goes straight to its page. */
  g_assert_cmpuint (st_window_search_serial (f->window, "sn-a"), ==, 1);
  g_assert_false (st_window_is_searching (f->window));
  st_test_spin ();
  g_assert_cmpstr (st_unit_get_serial (st_unit_page_get_unit (shown_unit_page (f))), ==,
                   "SN-A");
}

static void
test_search_several_lists_them (Fixture       *f,
                                gconstpointer  data)
{
  GtkListBox *results = st_test_template_child (f->window, ST_TYPE_WINDOW, "search_results");
  GtkListBoxRow *row;

  g_assert_cmpuint (st_window_search_serial (f->window, "SN-"), ==, 2);
  st_test_spin ();
  g_assert_null (shown_unit_page (f));
  g_assert_nonnull (gtk_list_box_get_row_at_index (results, 1));
  g_assert_null (gtk_list_box_get_row_at_index (results, 2));

  /* Choosing one opens its page. */
  row = gtk_list_box_get_row_at_index (results, 1);
  g_signal_emit_by_name (results, "row-activated", row);
  st_test_spin ();
  g_assert_nonnull (shown_unit_page (f));
}

static void
test_search_none_says_so (Fixture       *f,
                          gconstpointer  data)
{
  GtkLabel *message = st_test_template_child (f->window, ST_TYPE_WINDOW, "search_message_label");

  g_assert_cmpuint (st_window_search_serial (f->window, "NOPE-42"), ==, 0);
  st_test_wait_until (search_finished, f->window);
  st_test_spin ();
  g_assert_null (shown_unit_page (f));
  g_assert_cmpstr (gtk_label_get_text (message), ==,
                   "No unit, customer or vendor matches “NOPE-42”");
}

static void
test_show_unit_action (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(StUnit) unit = NULL;
  g_autoptr(GError) error = NULL;
  StUnitPage *page;

  unit = st_store_find_unit (f->store, "SN-B", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-unit", "x",
                                             st_unit_get_id (unit)));
  st_test_spin ();
  page = shown_unit_page (f);
  g_assert_nonnull (page);
  g_assert_cmpint (st_unit_page_get_unit_id (page), ==, st_unit_get_id (unit));
}

/* First run */

static gboolean
store_has_data (gpointer data)
{
  return !st_store_is_empty (data);
}

static gboolean
items_listed (gpointer data)
{
  return g_list_model_get_n_items (G_LIST_MODEL (st_list_page_get_selection (data))) > 0;
}

static void
test_sample_data_offer (Fixture       *f,
                        gconstpointer  data)
{
  StListPage *bills = ST_LIST_PAGE (documents_view (f, "bills"));

  g_assert_true (st_window_get_sample_offer (f->window));
  g_assert_cmpuint (n_rows (st_list_page_get_selection (ST_LIST_PAGE (items_view (f)))), ==, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.load-sample-data",
                                             NULL));
  /* Posted in the store's worker; the offer goes at once. */
  g_assert_false (st_window_get_sample_offer (f->window));
  st_test_wait_until (store_has_data, f->store);
  st_test_wait_until (items_listed, items_view (f));
  st_test_spin ();

  g_assert_false (st_window_get_sample_offer (f->window));
  g_assert_false (st_store_is_empty (f->store));
  g_assert_cmpuint (n_rows (st_list_page_get_selection (ST_LIST_PAGE (items_view (f)))), >, 0);
  g_assert_cmpuint (n_rows (st_list_page_get_selection (bills)), >, 0);
}

static void
test_no_offer_when_not_empty (Fixture       *f,
                              gconstpointer  data)
{
  g_assert_false (st_window_get_sample_offer (f->window));
}

/* Opening */

static void
test_open_same_file_twice (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (st_application_open_database (app, f->path, ST_STORE_OPEN_DEFAULT, &error)
                 == f->window);
  g_assert_no_error (error);
}

static void
test_open_foreign_file_refused (Fixture       *f,
                                gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "notes.txt", NULL);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  const char *text = "not a database\n";

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  g_assert_null (st_application_open_database (app, path, ST_STORE_OPEN_DEFAULT, &error));
  g_assert_error (error, ST_ERROR, ST_ERROR_NOT_SERIALTRACK);

  /* Left exactly as it was. */
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, text);
}

/* Settings: the last database, and the window size on close. */
static void
test_remembers_database_and_size (Fixture       *f,
                                  gconstpointer  data)
{
  GSettings *settings = st_application_get_settings (app);
  g_autofree char *last = NULL;

  g_assert_nonnull (settings);
  last = g_settings_get_string (settings, "last-database");
  g_assert_cmpstr (last, ==, f->path);

  gtk_window_set_default_size (GTK_WINDOW (f->window), 900, 600);
  gtk_window_close (GTK_WINDOW (f->window));
  st_test_spin ();
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 900);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 600);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));
}

/* Ctrl+N in the items view is a new item. */
static void
test_new_in_items_view (Fixture       *f,
                        gconstpointer  data)
{
  st_window_show_view (f->window, "items");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new", NULL));
  st_test_spin ();
  g_assert_nonnull (st_test_find_toplevel (ST_TYPE_ITEM_DIALOG, FALSE));
}

/* Formatting */

static void
test_format_money (void)
{
  g_autofree char *zero = st_format_money (0);
  g_autofree char *cents = st_format_money (5);
  g_autofree char *negative = st_format_money (-5);
  g_autofree char *big = st_format_money (123456);
  g_autofree char *huge = st_format_money (G_GINT64_CONSTANT (9200000000000000));
  g_autofree char *min = st_format_money (G_MININT64);

  g_assert_cmpstr (zero, ==, "0.00");
  g_assert_cmpstr (cents, ==, "0.05");
  g_assert_cmpstr (negative, ==, "-0.05");
  g_assert_cmpstr (big, ==, "1234.56");
  /* Exact where a double would not be. */
  g_assert_cmpstr (huge, ==, "92000000000000.00");
  g_assert_cmpstr (min, ==, "-92233720368547758.08");
}

static void
test_format_date (void)
{
  g_autofree char *date = st_format_date ("2024-03-05");
  g_autofree char *none = st_format_date (NULL);
  g_autofree char *junk = st_format_date ("soon");

  /* Without a real locale (the tests run in C.UTF-8) the unambiguous ISO date, not %x's
   * "03/05/24". */
  g_assert_cmpstr (date, ==, "2024-03-05");
  g_assert_cmpstr (none, ==, "");
  g_assert_cmpstr (junk, ==, "soon");
}

int
main (int   argc,
      char *argv[])
{
  app = st_test_app_start (&argc, &argv);
  if (app == NULL)
    return 77;
  /* The build tree's catalogues, as main.c binds them: LANGUAGE=de shows the search in German
   * (for the screenshots); the suite runs in English. */
  st_test_bind_catalogues ();

#define ADD(path, contents, func) \
  g_test_add (path, Fixture, GINT_TO_POINTER (contents), fixture_setup, func, fixture_teardown)

  ADD ("/app/window/items-view/lists-item", WITH_BILL, test_items_view_lists_item);
  ADD ("/app/window/items-view/shows-units", WITH_BILL, test_items_view_shows_units);
  ADD ("/app/window/items-view/sort-by-column", WITH_ITEM, test_sort_by_column);
  ADD ("/app/window/items-view/filter", WITH_ITEM, test_filter_entry);
  ADD ("/app/window/bills-view/shows-bill", WITH_BILL, test_bills_view_shows_bill);
  ADD ("/app/window/empty-state", WITH_BILL, test_empty_view_shows_empty_state);
  ADD ("/app/window/query-error", WITH_BILL, test_query_error_shows);
  ADD ("/app/window/views-by-name", WITH_BILL, test_every_view_by_name);
  ADD ("/app/window/store-change-refreshes", WITH_ITEM, test_store_change_refreshes);
  ADD ("/app/window/sample-data/offer-and-load", WITH_NOTHING, test_sample_data_offer);
  ADD ("/app/window/sample-data/no-offer", WITH_ITEM, test_no_offer_when_not_empty);
  ADD ("/app/item-dialog/adds-item", WITH_ITEM, test_item_dialog_adds_item);
  ADD ("/app/item-dialog/duplicate-sku", WITH_ITEM, test_item_dialog_duplicate_sku);
  ADD ("/app/item-dialog/bad-price", WITH_ITEM, test_item_dialog_bad_price);
  ADD ("/app/warehouse-dialog", WITH_ITEM, test_warehouse_dialog);
  ADD ("/app/contact-dialog", WITH_ITEM, test_contact_dialog);
  ADD ("/app/preferences/refused", WITH_BILL, test_preferences_refused);
  ADD ("/app/preferences/quantity-only", WITH_ITEM, test_preferences_quantity_only);
  ADD ("/app/preferences/currency", WITH_BILL, test_preferences_currency);
  ADD ("/app/search/one-opens-unit-page", WITH_BILL, test_search_one_opens_unit_page);
  ADD ("/app/search/several-listed", WITH_BILL, test_search_several_lists_them);
  ADD ("/app/search/last-digits", WITH_BILL, test_search_last_digits);
  ADD ("/app/search/contains-and-names", WITH_BILL, test_search_contains_and_names);
  ADD ("/app/search/none", WITH_BILL, test_search_none_says_so);
  ADD ("/app/window/show-unit-action", WITH_BILL, test_show_unit_action);
  ADD ("/app/window/remembers-database-and-size", WITH_ITEM,
       test_remembers_database_and_size);
  ADD ("/app/window/new-in-items-view", WITH_ITEM, test_new_in_items_view);
  ADD ("/app/open/same-file-twice", WITH_ITEM, test_open_same_file_twice);
  ADD ("/app/open/foreign-file-refused", WITH_ITEM, test_open_foreign_file_refused);
#undef ADD
  g_test_add_func ("/app/format/money", test_format_money);
  g_test_add_func ("/app/format/date", test_format_date);

  return st_test_app_run (&app);
}
