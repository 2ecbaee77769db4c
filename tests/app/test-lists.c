/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-lists.c — master data through the window's widgets (issue 16, DESIGN §11): the Contacts
 * and Warehouses lists (filter, Show archived, Edit…/Rename…, Archive, Restore, Delete with
 * the refusal naming the document), the right-click menu, and items edited from the Items
 * list by a double click (a serial format that an existing serial breaks is refused there).
 * Archived contacts, warehouses and items are not offered by a new document's choosers.
 *
 * With ST_TEST_SHOTS set to a file prefix, the window (800 x 600) is saved with
 * `import -window root` at the Contacts list and with the contact's edit dialog open. */
#include "config.h"

#include <glib/gi18n.h>
#include <gtk/gtk.h>
#include <string.h>

#include "st-contact-dialog.h"
#include "st-contacts-view.h"
#include "st-document-actions.h"
#include "st-document-editor.h"
#include "st-item-dialog.h"
#include "st-items-view.h"
#include "st-list-page-private.h"
#include "st-store-editing.h"
#include "st-test-app.h"
#include "st-warehouse-dialog.h"
#include "st-warehouses-view.h"

typedef struct
{
  char     *dir;
  char     *path;
  StWindow *window;
  StStore  *store;
} Fixture;

static StApplication *app;

/* Vendors Acme (bill B-1) and Zed (nothing), customer Bob; TOOL (serials SN-1, SN-2 in the
 * first warehouse), CABLE (quantity); warehouse Van (nothing). */
static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  StItemSpec tool = { "TOOL", "Drill", NULL, 9900, 5000, ST_TRACKING_SERIAL, 0,
                      ST_SERIAL_FORMAT_ANY };
  StItemSpec cable = { "CABLE", "Cable", NULL, 500, 200, ST_TRACKING_NONE, 0,
                       ST_SERIAL_FORMAT_ANY };
  g_autoptr(StStore) store = NULL;

  store = st_test_create_database ("st-lists-test-XXXXXX", &f->dir, &f->path);
  st_test_add_item (store, &tool);
  st_test_add_item (store, &cable);
  st_test_add_contact (store, ST_CONTACT_VENDOR, "Acme");
  st_test_add_contact (store, ST_CONTACT_VENDOR, "Zed");
  st_test_add_contact (store, ST_CONTACT_CUSTOMER, "Bob");
  st_test_add_warehouse (store, "Van");
  g_object_unref (st_test_post_serials (store, &(StTestPosting) { .kind = ST_DOC_BILL,
                                          .number = "B-1", .contact = "Acme", .sku = "TOOL",
                                          .rate = 5000, .serials = "SN-1,SN-2" }));
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
}

static StListPage *
show_view (Fixture    *f,
           const char *name)
{
  StListPage *page;

  st_window_show_view (f->window, name);
  page = ST_LIST_PAGE (st_window_get_view (f->window, name));
  st_test_spin ();
  return page;
}

static guint
n_rows (StListPage *page)
{
  st_test_spin ();
  return g_list_model_get_n_items (G_LIST_MODEL (st_list_page_get_model (page)));
}

static gboolean
rows_idle (gpointer data)
{
  return !ST_IS_LIST_PAGE (data) || !_st_list_page_is_row_busy (data);
}

/* Archive, Restore and Delete run in the store's worker: the page waits for them. */
static void
wait_for_rows (gpointer widget)
{
  st_test_wait_until (rows_idle, widget);
  st_test_spin ();
}

static void
action (gpointer    widget,
        const char *name)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (widget), name, NULL));
  wait_for_rows (widget);
}

/* A double click on the selected row: the column view's "activate". */
static void
activate_selected (StListPage *page)
{
  GtkSingleSelection *selection = GTK_SINGLE_SELECTION (st_list_page_get_selection (page));

  g_signal_emit_by_name (_st_list_page_get_column_view (page), "activate",
                         gtk_single_selection_get_selected (selection));
  st_test_spin ();
}

static void
set_text (gpointer    dialog,
          GType       type,
          const char *name,
          const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (st_test_template_child (dialog, type, name)), text);
}

static void
click (gpointer    dialog,
       GType       type,
       const char *name)
{
  g_signal_emit_by_name (st_test_template_child (dialog, type, name), "clicked");
  /* Add/Save writes in the store's worker. */
  st_test_wait_edit_dialogs ();
}

static const char *
window_error (Fixture *f)
{
  GtkInfoBar *bar = st_test_template_child (f->window, ST_TYPE_WINDOW, "error_bar");
  GtkLabel *label = st_test_template_child (f->window, ST_TYPE_WINDOW, "error_label");

  g_assert_true (gtk_info_bar_get_revealed (bar));
  return gtk_label_get_text (label);
}

/* Answers the question dialog of Delete… */
static void
confirm_delete (gpointer page)
{
  GtkDialog *dialog = st_test_find_toplevel (GTK_TYPE_MESSAGE_DIALOG, TRUE);

  g_assert_nonnull (dialog);
  gtk_dialog_response (dialog, GTK_RESPONSE_ACCEPT);
  g_assert_true (_st_list_page_is_row_busy (page));
  wait_for_rows (page);
}

/* Whether a new document of @kind offers @name in its drop-down @dropdown. */
static gboolean
editor_offers (Fixture    *f,
               StDocKind   kind,
               const char *dropdown,
               const char *name)
{
  StDocumentEditor *editor = st_document_actions_open_editor (GTK_WIDGET (f->window), kind);
  GtkDropDown *widget = st_test_template_child (editor, ST_TYPE_DOCUMENT_EDITOR, dropdown);
  GListModel *model = gtk_drop_down_get_model (widget);
  gboolean found = FALSE;

  st_test_spin ();
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) object = g_list_model_get_item (model, i);
      const char *text = GTK_IS_STRING_OBJECT (object)
                         ? gtk_string_object_get_string (GTK_STRING_OBJECT (object))
                         : st_item_get_sku (ST_ITEM (object));

      found = found || g_strcmp0 (text, name) == 0;
    }
  gtk_window_destroy (GTK_WINDOW (editor));
  st_test_spin ();
  return found;
}

static gint64
contact_id (Fixture       *f,
            StContactKind  kind,
            const char    *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StContact) contact = st_store_find_contact (f->store, kind, name, &error);

  g_assert_no_error (error);
  return st_contact_get_id (contact);
}

/* A cell widget of the row at @position (found through the cells' list items). */
static gboolean
is_cell_at (GtkWidget     *widget,
            gconstpointer  position)
{
  GtkListItem *list_item = g_object_get_data (G_OBJECT (widget), "st-list-item");

  return list_item != NULL && gtk_list_item_get_item (list_item) != NULL
         && gtk_list_item_get_position (list_item) == GPOINTER_TO_UINT (position)
         && gtk_widget_get_mapped (widget);
}

static void
test_contacts (Fixture       *f,
               gconstpointer  data)
{
  StListPage *page = show_view (f, "contacts");
  GtkCheckButton *archived = st_test_template_child (page, ST_TYPE_CONTACTS_VIEW,
                                                     "archived_check");
  GtkSingleSelection *selection = GTK_SINGLE_SELECTION (st_list_page_get_selection (page));
  GtkColumnView *view = _st_list_page_get_column_view (page);
  StContactDialog *dialog;
  g_autoptr(StDocument) bill = NULL;
  g_autofree char *email = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *cell;
  graphene_point_t point;

  g_assert_true (ST_IS_CONTACTS_VIEW (page));
  g_assert_cmpuint (n_rows (page), ==, 3);
  st_test_shoot ("contacts");

  /* The right-click menu selects the row under the pointer (Bob, the second). */
  g_assert_true (st_list_page_select_id (page, contact_id (f, ST_CONTACT_VENDOR, "Acme")));
  st_test_wait_ms (100);
  cell = st_test_find_widget (GTK_WIDGET (view), is_cell_at, GUINT_TO_POINTER (1));
  g_assert_nonnull (cell);
  g_assert_true (gtk_widget_compute_point (cell, GTK_WIDGET (view), &GRAPHENE_POINT_INIT (2, 2),
                                           &point));
  g_assert_true (_st_list_page_popup_context_menu (page, point.x, point.y));
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, 1);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (_st_list_page_get_context_popover (page))));
  gtk_popover_popdown (_st_list_page_get_context_popover (page));

  /* Double click: the edit dialog; a vendor renamed with e-mail and phone. */
  g_assert_true (st_list_page_select_id (page, contact_id (f, ST_CONTACT_VENDOR, "Acme")));
  activate_selected (page);
  dialog = st_test_get_toplevel (ST_TYPE_CONTACT_DIALOG, TRUE);
  g_assert_cmpstr (gtk_editable_get_text (st_test_template_child (dialog, ST_TYPE_CONTACT_DIALOG,
                                                                  "name_entry")), ==, "Acme");
  set_text (dialog, ST_TYPE_CONTACT_DIALOG, "name_entry", "Acme Traders");
  set_text (dialog, ST_TYPE_CONTACT_DIALOG, "email_entry", "orders@acme.example");
  set_text (dialog, ST_TYPE_CONTACT_DIALOG, "phone_entry", "+49 30 1234");
  st_test_shoot ("contact-edit");
  click (dialog, ST_TYPE_CONTACT_DIALOG, "add_button");
  g_assert_null (st_test_find_toplevel (ST_TYPE_CONTACT_DIALOG, TRUE));
  g_assert_true (st_store_get_contact_details (f->store, ST_CONTACT_VENDOR, "Acme Traders",
                                               &email, NULL, &error));
  g_assert_cmpstr (email, ==, "orders@acme.example");
  /* History shows the new name. */
  bill = st_store_get_document (f->store, ST_DOC_BILL, "B-1", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (st_document_get_contact (bill), ==, "Acme Traders");

  /* The filter. */
  gtk_editable_set_text (GTK_EDITABLE (st_test_template_child (page, ST_TYPE_LIST_PAGE,
                                                               "filter_entry")), "acme.ex");
  st_test_wait_ms (300);
  g_assert_cmpuint (n_rows (page), ==, 1);
  gtk_editable_set_text (GTK_EDITABLE (st_test_template_child (page, ST_TYPE_LIST_PAGE,
                                                               "filter_entry")), "");
  st_test_wait_ms (300);
  g_assert_cmpuint (n_rows (page), ==, 3);

  /* Archive: gone from the list and from a new bill's vendors; Show archived, Restore. */
  g_assert_true (editor_offers (f, ST_DOC_BILL, "contact_dropdown", "Acme Traders"));
  g_assert_true (st_list_page_select_id (page, contact_id (f, ST_CONTACT_VENDOR, "Acme Traders")));
  action (page, "contacts.archive");
  g_assert_cmpuint (n_rows (page), ==, 2);
  g_assert_false (editor_offers (f, ST_DOC_BILL, "contact_dropdown", "Acme Traders"));
  gtk_check_button_set_active (archived, TRUE);
  g_assert_cmpuint (n_rows (page), ==, 3);
  g_assert_true (st_list_page_select_id (page, contact_id (f, ST_CONTACT_VENDOR, "Acme Traders")));
  action (page, "contacts.restore");
  g_assert_true (editor_offers (f, ST_DOC_BILL, "contact_dropdown", "Acme Traders"));
  gtk_check_button_set_active (archived, FALSE);
  g_assert_cmpuint (n_rows (page), ==, 3);

  /* Delete: refused for the vendor a bill uses, naming it; done for Zed. */
  g_assert_true (st_list_page_select_id (page, contact_id (f, ST_CONTACT_VENDOR, "Acme Traders")));
  action (page, "contacts.delete");
  confirm_delete (page);
  g_assert_nonnull (strstr (window_error (f), "B-1"));
  g_assert_cmpuint (n_rows (page), ==, 3);
  g_assert_true (st_list_page_select_id (page, contact_id (f, ST_CONTACT_VENDOR, "Zed")));
  action (page, "contacts.delete");
  confirm_delete (page);
  g_assert_cmpuint (n_rows (page), ==, 2);
  g_assert_null (st_store_find_contact (f->store, ST_CONTACT_VENDOR, "Zed", NULL));
}

static gint64
warehouse_id (Fixture    *f,
              const char *name)
{
  g_autoptr(StWarehouse) warehouse = st_store_find_warehouse (f->store, name, NULL);

  g_assert_nonnull (warehouse);
  return st_warehouse_get_id (warehouse);
}

static void
test_warehouses (Fixture       *f,
                 gconstpointer  data)
{
  StListPage *page = show_view (f, "warehouses");
  g_autofree char *first = st_test_first_warehouse (f->store);
  StWarehouseDialog *dialog;
  g_autoptr(StUnit) unit = NULL;

  g_assert_true (ST_IS_WAREHOUSES_VIEW (page));
  g_assert_cmpuint (n_rows (page), ==, 2);

  /* Rename… by a double click; the units there show the new name. */
  g_assert_true (st_list_page_select_id (page, warehouse_id (f, first)));
  activate_selected (page);
  dialog = st_test_get_toplevel (ST_TYPE_WAREHOUSE_DIALOG, TRUE);
  set_text (dialog, ST_TYPE_WAREHOUSE_DIALOG, "name_entry", "Shop Floor");
  click (dialog, ST_TYPE_WAREHOUSE_DIALOG, "add_button");
  g_assert_null (st_test_find_toplevel (ST_TYPE_WAREHOUSE_DIALOG, TRUE));
  unit = st_store_find_unit (f->store, "SN-1", NULL, NULL);
  g_assert_nonnull (unit);
  g_assert_cmpstr (st_unit_get_warehouse (unit), ==, "Shop Floor");

  /* A warehouse with stock is not archived: the window says why. */
  g_assert_true (st_list_page_select_id (page, warehouse_id (f, "Shop Floor")));
  action (page, "warehouses.archive");
  g_assert_nonnull (strstr (window_error (f), "2 units in stock"));

  /* Van: archived (not offered by a new invoice), then deleted. */
  g_assert_true (editor_offers (f, ST_DOC_INVOICE, "warehouse_dropdown", "Van"));
  g_assert_true (st_list_page_select_id (page, warehouse_id (f, "Van")));
  action (page, "warehouses.archive");
  g_assert_cmpuint (n_rows (page), ==, 1);
  g_assert_false (editor_offers (f, ST_DOC_INVOICE, "warehouse_dropdown", "Van"));
  gtk_check_button_set_active (st_test_template_child (page, ST_TYPE_WAREHOUSES_VIEW,
                                                       "archived_check"), TRUE);
  g_assert_cmpuint (n_rows (page), ==, 2);
  g_assert_true (st_list_page_select_id (page, warehouse_id (f, "Van")));
  action (page, "warehouses.delete");
  confirm_delete (page);
  g_assert_cmpuint (n_rows (page), ==, 1);
}

static void
test_items (Fixture       *f,
            gconstpointer  data)
{
  StListPage *page = show_view (f, "items");
  StItemDialog *dialog;
  GtkLabel *error_label;
  g_autoptr(StItem) tool = st_store_find_item (f->store, "TOOL", NULL);
  g_autoptr(StItem) saved = NULL;

  g_assert_cmpuint (n_rows (page), ==, 2);
  g_assert_true (st_list_page_select_id (page, st_item_get_id (tool)));
  activate_selected (page);
  dialog = st_test_get_toplevel (ST_TYPE_ITEM_DIALOG, TRUE);
  g_assert_cmpstr (gtk_editable_get_text (st_test_template_child (dialog, ST_TYPE_ITEM_DIALOG,
                                                                  "sku_entry")), ==, "TOOL");
  set_text (dialog, ST_TYPE_ITEM_DIALOG, "name_entry", "Drill Pro");
  set_text (dialog, ST_TYPE_ITEM_DIALOG, "price_entry", "120.00");
  /* SN-1 has no digits only: digits is refused, naming it, and nothing is written. */
  gtk_drop_down_set_selected (st_test_template_child (dialog, ST_TYPE_ITEM_DIALOG,
                                                      "format_dropdown"),
                              ST_SERIAL_FORMAT_DIGITS);
  click (dialog, ST_TYPE_ITEM_DIALOG, "add_button");
  error_label = st_test_template_child (dialog, ST_TYPE_ITEM_DIALOG, "error_label");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (error_label)));
  g_assert_nonnull (strstr (gtk_label_get_text (error_label), "SN-1"));
  saved = st_store_find_item (f->store, "TOOL", NULL);
  g_assert_cmpstr (st_item_get_name (saved), ==, "Drill");
  g_clear_object (&saved);
  gtk_drop_down_set_selected (st_test_template_child (dialog, ST_TYPE_ITEM_DIALOG,
                                                      "format_dropdown"),
                              ST_SERIAL_FORMAT_ANY);
  click (dialog, ST_TYPE_ITEM_DIALOG, "add_button");
  g_assert_null (st_test_find_toplevel (ST_TYPE_ITEM_DIALOG, TRUE));
  saved = st_store_find_item (f->store, "TOOL", NULL);
  g_assert_cmpstr (st_item_get_name (saved), ==, "Drill Pro");
  g_assert_cmpint (st_item_get_price (saved), ==, 12000);

  /* Archived: out of the list and of a new invoice's items, back with Show archived. */
  g_assert_true (st_list_page_select_id (page, st_item_get_id (tool)));
  action (page, "items.archive");
  g_assert_cmpuint (n_rows (page), ==, 1);
  gtk_check_button_set_active (st_test_template_child (page, ST_TYPE_ITEMS_VIEW,
                                                       "archived_check"), TRUE);
  g_assert_cmpuint (n_rows (page), ==, 2);
  g_assert_true (st_list_page_select_id (page, st_item_get_id (tool)));
  action (page, "items.restore");
  g_assert_false (st_store_get_item_archived (f->store, "TOOL", NULL));

  /* CABLE: nothing uses it, so Delete… deletes it. */
  g_clear_object (&saved);
  saved = st_store_find_item (f->store, "CABLE", NULL);
  g_assert_true (st_list_page_select_id (page, st_item_get_id (saved)));
  action (page, "items.delete");
  confirm_delete (page);
  g_assert_cmpuint (n_rows (page), ==, 1);
}

static StDocumentEditor *
return_from (Fixture    *f,
             const char *view_name,
             StDocKind   kind,
             const char *number)
{
  StListPage *page = show_view (f, view_name);
  g_autoptr(StDocument) document = st_store_get_document (f->store, kind, number, NULL);

  g_assert_nonnull (document);
  g_assert_true (st_list_page_select_id (page, st_document_get_id (document)));
  st_test_spin ();
  action (page, "document.return");
  return st_test_get_toplevel (ST_TYPE_DOCUMENT_EDITOR, TRUE);
}

/* Return… on a posted invoice and Return to Vendor… on a bill open the return's editor filled
 * in; the sales return's chooser lists the customer's posted invoices. */
static void
test_returns (Fixture       *f,
              gconstpointer  data)
{
  StDocumentEditor *editor;
  GtkEntry *reference;
  GPtrArray *picked;
  GtkWidget *chooser;
  GtkListView *list;
  GListModel *model;

  g_object_unref (st_test_post_serials (f->store, &(StTestPosting) { .kind = ST_DOC_INVOICE,
                                          .number = "INV-1", .contact = "Bob", .sku = "TOOL",
                                          .rate = 9900, .serials = "SN-1" }));
  st_window_refresh (f->window);

  editor = return_from (f, "invoices", ST_DOC_INVOICE, "INV-1");
  g_assert_cmpint (st_document_editor_get_kind (editor), ==, ST_DOC_RETURN);
  reference = st_test_template_child (editor, ST_TYPE_DOCUMENT_EDITOR, "reference_entry");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (reference)), ==, "INV-1");
  g_assert_cmpuint (st_document_editor_get_n_lines (editor), ==, 1);
  picked = st_editor_line_get_picked (st_document_editor_get_line (editor, 0));
  g_assert_cmpuint (picked->len, ==, 1);
  g_assert_cmpstr (st_unit_get_serial (g_ptr_array_index (picked, 0)), ==, "SN-1");
  g_assert_true (st_document_editor_can_post (editor));

  /* The chooser: the posted invoices, filtered by the customer's name; choosing one fills in
   * the number. */
  gtk_editable_set_text (GTK_EDITABLE (reference), "");
  chooser = st_test_find_named (GTK_WIDGET (editor), "reference-chooser");
  g_assert_nonnull (chooser);
  gtk_menu_button_popup (GTK_MENU_BUTTON (chooser));
  st_test_spin ();
  list = g_object_get_data (G_OBJECT (gtk_menu_button_get_popover (GTK_MENU_BUTTON (chooser))),
                            "st-list");
  model = G_LIST_MODEL (gtk_list_view_get_model (list));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  gtk_editable_set_text (g_object_get_data (G_OBJECT (gtk_menu_button_get_popover (
                                              GTK_MENU_BUTTON (chooser))), "st-search"), "carol");
  st_test_wait_ms (300);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  gtk_editable_set_text (g_object_get_data (G_OBJECT (gtk_menu_button_get_popover (
                                              GTK_MENU_BUTTON (chooser))), "st-search"), "bob");
  st_test_wait_ms (300);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  g_signal_emit_by_name (list, "activate", 0);
  st_test_spin ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (reference)), ==, "INV-1");
  gtk_window_destroy (GTK_WINDOW (editor));
  st_test_spin ();
  st_test_destroy_toplevels (FALSE);

  /* Return to Vendor… on bill B-1: the unit still in stock from it (SN-2) picked. */
  editor = return_from (f, "bills", ST_DOC_BILL, "B-1");
  g_assert_cmpint (st_document_editor_get_kind (editor), ==, ST_DOC_VENDOR_RETURN);
  reference = st_test_template_child (editor, ST_TYPE_DOCUMENT_EDITOR, "reference_entry");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (reference)), ==, "B-1");
  g_assert_cmpuint (st_document_editor_get_n_lines (editor), ==, 1);
  picked = st_editor_line_get_picked (st_document_editor_get_line (editor, 0));
  g_assert_cmpuint (picked->len, ==, 1);
  g_assert_cmpstr (st_unit_get_serial (g_ptr_array_index (picked, 0)), ==, "SN-2");
  g_assert_true (st_document_editor_can_post (editor));
}

int
main (int   argc,
      char *argv[])
{
  app = st_test_app_start (&argc, &argv);
  if (app == NULL)
    return 77;
  /* The build tree's catalogues, as main.c binds them: LANGUAGE=de shows the lists in German
   * (for the screenshots); the suite runs in English. */
  st_test_bind_catalogues ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/lists/contacts", test_contacts);
  ADD ("/lists/warehouses", test_warehouses);
  ADD ("/lists/items", test_items);
  ADD ("/lists/returns", test_returns);
#undef ADD

  return st_test_app_run (&app);
}
