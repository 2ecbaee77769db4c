/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-units-view.c — the Units view of the real window over a temporary database: every
 * unit listed, filtered by serial and by status, sorted by a header, a row opening the unit
 * page, the count, and its place in the window (sidebar, shortcut, tracking). */
#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <locale.h>

#include "st-application.h"
#include "st-columns.h"
#include "st-export-dialog.h"
#include "st-format.h"
#include "st-row-slots.h"
#include "st-unit-page.h"
#include "st-units-view.h"
#include "st-window.h"
#include "st-test-app.h"
#include "../st-test-xlsx.h"

typedef enum
{
  WITH_NOTHING,  /* a new, empty database */
  WITH_ITEM,     /* item PHN-1 (serial), no units */
  WITH_UNITS,    /* PHN-1: SN-A, SN-B, SN-C (BILL-1, 2024-03-05), SN-D (BILL-2, 2024-04-01);
                  * SN-B sold on an invoice of 2024-04-10 */
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

  store = st_test_create_database ("st-units-test-XXXXXX", &f->dir, &f->path);

  if (contents >= WITH_ITEM)
    {
      StItemSpec spec = { "PHN-1", "Phone One", NULL, 49900, 30000, ST_TRACKING_SERIAL, 12,
                          ST_SERIAL_FORMAT_ANY };

      st_test_add_item (store, &spec);
      st_test_add_contact (store, ST_CONTACT_VENDOR, "Acme");
      st_test_add_contact (store, ST_CONTACT_CUSTOMER, "Bob");
    }

  if (contents >= WITH_UNITS)
    {
      g_object_unref (st_test_post_serials (store, &(StTestPosting) { .kind = ST_DOC_BILL,
                                              .number = "BILL-1", .date = "2024-03-05",
                                              .contact = "Acme", .sku = "PHN-1", .rate = 30000,
                                              .serials = "SN-A,SN-B,SN-C" }));
      g_object_unref (st_test_post_serials (store, &(StTestPosting) { .kind = ST_DOC_BILL,
                                              .number = "BILL-2", .date = "2024-04-01",
                                              .contact = "Acme", .sku = "PHN-1", .rate = 30000,
                                              .serials = "SN-D" }));
      g_object_unref (st_test_post_serials (store, &(StTestPosting) { .kind = ST_DOC_INVOICE,
                                              .date = "2024-04-10", .contact = "Bob",
                                              .sku = "PHN-1", .rate = 49900, .serials = "SN-B" }));
    }

  f->window = st_test_open_filled (app, g_steal_pointer (&store), f->path);
  f->store = st_window_get_store (f->window);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  st_test_spin ();

  st_test_remove_dir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static StUnitsView *
units_view (Fixture *f)
{
  return ST_UNITS_VIEW (st_window_get_view (f->window, "units"));
}

/* The units listed, in order (the selection's rows show them, position for position). */
static GListModel *
rows (Fixture *f)
{
  GListModel *units = G_LIST_MODEL (st_units_view_get_model (units_view (f)));

  g_assert_nonnull (units);
  g_assert_cmpuint (g_list_model_get_n_items (units), ==,
                    g_list_model_get_n_items (G_LIST_MODEL (
                      st_list_page_get_selection (ST_LIST_PAGE (units_view (f))))));
  return units;
}

/* The serials listed, in order, comma-separated. */
static char *
listed_serials (Fixture *f)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (rows (f)); i++)
    {
      g_autoptr(StUnit) unit = g_list_model_get_item (rows (f), i);

      g_string_append_printf (s, "%s%s", i > 0 ? "," : "", st_unit_get_serial (unit));
    }
  return g_string_free (s, FALSE);
}

typedef struct
{
  double      y;
  const char *text;
} Cell;

static void
collect_serial_cells (GtkWidget *widget,
                      GtkWidget *view,
                      GArray    *cells)
{
  if (!gtk_widget_get_mapped (widget))
    return;
  if (GTK_IS_INSCRIPTION (widget)
      && g_str_has_prefix (gtk_inscription_get_text (GTK_INSCRIPTION (widget)), "SN-"))
    {
      graphene_point_t point;
      Cell cell;

      g_assert_true (gtk_widget_compute_point (widget, view, &GRAPHENE_POINT_INIT (0, 0),
                                               &point));
      cell.y = point.y;
      cell.text = gtk_inscription_get_text (GTK_INSCRIPTION (widget));
      g_array_append_val (cells, cell);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_serial_cells (child, view, cells);
}

static int
compare_cells (gconstpointer a,
               gconstpointer b)
{
  double ya = ((const Cell *) a)->y, yb = ((const Cell *) b)->y;

  return ya < yb ? -1 : ya > yb;
}

/* The serials the view draws, top to bottom, once laid out: what the cells show, not what
 * the model holds (the rows are reused when the list changes). */
static char *
shown_serials (Fixture *f)
{
  GtkWidget *view = st_test_template_child (units_view (f), ST_TYPE_LIST_PAGE, "column_view");
  g_autoptr(GArray) cells = g_array_new (FALSE, FALSE, sizeof (Cell));
  GString *s = g_string_new (NULL);

  st_test_wait_ms (50);
  collect_serial_cells (view, view, cells);
  g_array_sort (cells, compare_cells);
  for (guint i = 0; i < cells->len; i++)
    g_string_append_printf (s, "%s%s", i > 0 ? "," : "", g_array_index (cells, Cell, i).text);
  return g_string_free (s, FALSE);
}

static const char *
count_text (Fixture *f)
{
  return gtk_label_get_text (st_test_template_child (units_view (f), ST_TYPE_LIST_PAGE,
                                                     "count_label"));
}

static void
show_units (Fixture *f)
{
  st_window_show_view (f->window, "units");
  st_test_spin ();
  g_assert_true (gtk_widget_is_drawable (GTK_WIDGET (units_view (f))));
}

/* Every unit, newest received first (a voided receipt's units would come last). */
static void
test_lists_every_unit (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *serials = NULL;
  g_autofree char *shown = NULL;
  GtkStack *stack = st_test_template_child (units_view (f), ST_TYPE_LIST_PAGE, "stack");

  show_units (f);
  serials = listed_serials (f);
  g_assert_cmpstr (serials, ==, "SN-D,SN-C,SN-B,SN-A");
  shown = shown_serials (f);
  g_assert_cmpstr (shown, ==, "SN-D,SN-C,SN-B,SN-A");
  g_assert_cmpstr (count_text (f), ==, "4 units");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "list");
}

static void
test_columns (Fixture       *f,
              gconstpointer  data)
{
  static const char * const titles[] = {
    "Serial", "SKU", "Item", "Status", "Warehouse", "Received", "Cost", "Price",
    "Warranty Ends",
  };
  GtkColumnView *view = st_test_template_child (units_view (f), ST_TYPE_LIST_PAGE, "column_view");
  GListModel *columns = gtk_column_view_get_columns (view);
  g_autoptr(StUnit) sold = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (columns), ==, G_N_ELEMENTS (titles));
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      g_assert_cmpstr (gtk_column_view_column_get_title (column), ==, titles[i]);
    }

  /* The row objects carry what the columns show. */
  sold = g_list_model_get_item (rows (f), 2);
  g_assert_cmpstr (st_unit_get_serial (sold), ==, "SN-B");
  g_assert_cmpstr (st_unit_get_sku (sold), ==, "PHN-1");
  g_assert_cmpstr (st_unit_get_item_name (sold), ==, "Phone One");
  g_assert_cmpint (st_unit_get_status (sold), ==, ST_UNIT_SOLD);
  g_assert_cmpint (st_unit_get_price (sold), ==, 49900);
  g_assert_cmpstr (st_unit_get_warranty_end (sold), ==, "2025-04-10");
}

static void
test_filter (Fixture       *f,
             gconstpointer  data)
{
  GtkEditable *filter = st_test_template_child (units_view (f), ST_TYPE_LIST_PAGE, "filter_entry");
  GtkStack *stack = st_test_template_child (units_view (f), ST_TYPE_LIST_PAGE, "stack");
  g_autofree char *one = NULL;
  g_autofree char *one_shown = NULL;
  g_autofree char *all = NULL;
  g_autofree char *all_shown = NULL;

  show_units (f);
  /* Serials compare case-insensitively, as a part. */
  gtk_editable_set_text (filter, "n-c");
  st_test_wait_ms (400);
  one = listed_serials (f);
  g_assert_cmpstr (one, ==, "SN-C");
  one_shown = shown_serials (f);
  g_assert_cmpstr (one_shown, ==, "SN-C");
  g_assert_cmpstr (count_text (f), ==, "1 unit");

  gtk_editable_set_text (filter, "nothing like it");
  st_test_wait_ms (400);
  g_assert_cmpuint (g_list_model_get_n_items (rows (f)), ==, 0);
  g_assert_cmpstr (count_text (f), ==, "0 units");
  /* Filtered down to nothing is not the "no units yet" page. */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "list");

  gtk_editable_set_text (filter, "");
  st_test_wait_ms (400);
  all = listed_serials (f);
  g_assert_cmpstr (all, ==, "SN-D,SN-C,SN-B,SN-A");
  all_shown = shown_serials (f);
  g_assert_cmpstr (all_shown, ==, "SN-D,SN-C,SN-B,SN-A");
}

static void
test_status_dropdown (Fixture       *f,
                      gconstpointer  data)
{
  GtkDropDown *dropdown = st_test_template_child (units_view (f), ST_TYPE_UNITS_VIEW,
                                                  "status_dropdown");
  GtkEditable *filter = st_test_template_child (units_view (f), ST_TYPE_LIST_PAGE, "filter_entry");
  GListModel *choices = gtk_drop_down_get_model (dropdown);
  g_autofree char *sold = NULL;
  g_autofree char *in_stock = NULL;
  g_autofree char *filtered = NULL;

  show_units (f);
  /* All, then every status. */
  g_assert_cmpuint (g_list_model_get_n_items (choices), ==, 9);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (choices), 0), ==, "All");
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (choices), 3), ==, "Sold");
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (choices), 6), ==, "Voided");
  /* After-sales service (DESIGN §8): a customer's unit with us, a faulty one taken back. */
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (choices), 7), ==, "In service");
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (choices), 8), ==, "Faulty");
  g_assert_cmpint (st_units_view_get_status (units_view (f)), ==, -1);

  gtk_drop_down_set_selected (dropdown, 1 + ST_UNIT_SOLD);
  st_test_spin ();
  g_assert_cmpint (st_units_view_get_status (units_view (f)), ==, ST_UNIT_SOLD);
  sold = listed_serials (f);
  g_assert_cmpstr (sold, ==, "SN-B");
  {
    g_autofree char *shown = shown_serials (f);

    g_assert_cmpstr (shown, ==, "SN-B");
  }
  g_assert_cmpstr (count_text (f), ==, "1 unit");

  /* The filter typed carries over to the new status, and the other way round. */
  gtk_editable_set_text (filter, "sn-a");
  st_test_wait_ms (400);
  g_assert_cmpuint (g_list_model_get_n_items (rows (f)), ==, 0);
  st_units_view_set_status (units_view (f), ST_UNIT_IN_STOCK);
  st_test_spin ();
  g_assert_cmpuint (gtk_drop_down_get_selected (dropdown), ==, 1 + ST_UNIT_IN_STOCK);
  filtered = listed_serials (f);
  g_assert_cmpstr (filtered, ==, "SN-A");

  gtk_editable_set_text (filter, "");
  st_test_wait_ms (400);
  in_stock = listed_serials (f);
  g_assert_cmpstr (in_stock, ==, "SN-D,SN-C,SN-A");
  g_assert_cmpstr (count_text (f), ==, "3 units");

  gtk_drop_down_set_selected (dropdown, 0);
  st_test_spin ();
  g_assert_cmpint (st_units_view_get_status (units_view (f)), ==, -1);
  g_assert_cmpuint (g_list_model_get_n_items (rows (f)), ==, 4);
}

/* A header click sorts in SQL; the view opens sorted by Received, newest first. */
static void
test_sort (Fixture       *f,
           gconstpointer  data)
{
  GtkColumnView *view = st_test_template_child (units_view (f), ST_TYPE_LIST_PAGE, "column_view");
  gboolean descending = FALSE;
  g_autofree char *by_serial = NULL;
  g_autofree char *by_serial_down = NULL;
  g_autofree char *oldest_first = NULL;

  show_units (f);
  g_assert_cmpint (st_columns_get_sort (view, &descending), ==, ST_SORT_RECEIVED);
  g_assert_true (descending);

  gtk_column_view_sort_by_column (view, st_test_column_titled (view, "Serial"), GTK_SORT_ASCENDING);
  st_test_spin ();
  g_assert_cmpint (st_columns_get_sort (view, &descending), ==, ST_SORT_SERIAL);
  g_assert_false (descending);
  by_serial = listed_serials (f);
  g_assert_cmpstr (by_serial, ==, "SN-A,SN-B,SN-C,SN-D");
  {
    g_autofree char *shown = shown_serials (f);

    g_assert_cmpstr (shown, ==, "SN-A,SN-B,SN-C,SN-D");
  }

  gtk_column_view_sort_by_column (view, st_test_column_titled (view, "Serial"),
                                  GTK_SORT_DESCENDING);
  st_test_spin ();
  by_serial_down = listed_serials (f);
  g_assert_cmpstr (by_serial_down, ==, "SN-D,SN-C,SN-B,SN-A");

  gtk_column_view_sort_by_column (view, st_test_column_titled (view, "Received"),
                                  GTK_SORT_ASCENDING);
  st_test_spin ();
  oldest_first = listed_serials (f);
  g_assert_cmpstr (oldest_first, ==, "SN-A,SN-B,SN-C,SN-D");

  /* The sort survives a new status (a new model). */
  st_units_view_set_status (units_view (f), ST_UNIT_IN_STOCK);
  st_test_spin ();
  g_assert_cmpint (st_columns_get_sort (view, &descending), ==, ST_SORT_RECEIVED);
  g_assert_false (descending);
  {
    g_autofree char *in_stock = listed_serials (f);

    g_assert_cmpstr (in_stock, ==, "SN-A,SN-C,SN-D");
  }
}

/* Activating a row (double click, Enter) opens the unit page of that unit. */
static void
test_activate_opens_unit_page (Fixture       *f,
                               gconstpointer  data)
{
  GtkColumnView *view = st_test_template_child (units_view (f), ST_TYPE_LIST_PAGE, "column_view");
  GtkStack *stack;
  g_autoptr(StUnit) unit = NULL;
  GtkWidget *page = st_window_get_view (f->window, "unit");

  show_units (f);
  unit = g_list_model_get_item (rows (f), 1);
  g_assert_cmpstr (st_unit_get_serial (unit), ==, "SN-C");

  g_signal_emit_by_name (view, "activate", 1);
  st_test_spin ();
  stack = GTK_STACK (gtk_widget_get_parent (page));
  g_assert_true (gtk_stack_get_visible_child (stack) == page);
  g_assert_cmpint (st_unit_page_get_unit_id (ST_UNIT_PAGE (page)), ==, st_unit_get_id (unit));

  /* Back returns to the Units view. */
  g_assert_true (st_window_go_back (f->window));
  st_test_spin ();
  g_assert_true (gtk_stack_get_visible_child (stack) == GTK_WIDGET (units_view (f)));
}

/* A posting anywhere refreshes the list and its count. */
static void
test_refreshes_after_posting (Fixture       *f,
                              gconstpointer  data)
{
  g_autofree char *listed = NULL;

  show_units (f);
  g_assert_cmpstr (count_text (f), ==, "4 units");
  g_object_unref (st_test_post_serials (f->store, &(StTestPosting) { .kind = ST_DOC_BILL,
                                          .number = "BILL-3", .date = "2024-05-01",
                                          .contact = "Acme", .sku = "PHN-1", .rate = 30000,
                                          .serials = "SN-E,SN-F" }));
  st_test_spin ();
  g_assert_cmpstr (count_text (f), ==, "6 units");
  listed = listed_serials (f);
  g_assert_true (g_str_has_prefix (listed, "SN-E,SN-F,") || g_str_has_prefix (listed, "SN-F,SN-E,"));
}

/* The serials of a workbook's Units sheet, read back with tests/core/read-xlsx.py. */
static char *
workbook_serials (const char *path)
{
  g_autoptr(GPtrArray) serials = st_test_xlsx_column (path, "Units", 1);

  g_ptr_array_add (serials, NULL);
  return g_strjoinv (",", (char **) serials->pdata);
}

/* "Export Selected Units to Excel…": nothing without a selection, else the units selected,
 * through the real file chooser and export window. */
static void
test_export_selection (Fixture       *f,
                       gconstpointer  data)
{
  GtkSelectionModel *selection = st_list_page_get_selection (ST_LIST_PAGE (units_view (f)));
  GtkWidget *view = GTK_WIDGET (units_view (f));
  g_autofree char *path = g_build_filename (f->dir, "picked.xlsx", NULL);
  g_autofree char *serials = NULL;
  g_autofree char *sold_path = g_build_filename (f->dir, "sold.xlsx", NULL);
  g_autofree char *sold = NULL;

  show_units (f);
  gtk_widget_activate_action (view, "units.export-selection", NULL);
  st_test_spin ();
  g_assert_null (st_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG, FALSE));

  /* SN-D and SN-B, in the view's order. */
  gtk_selection_model_select_item (selection, 0, TRUE);
  gtk_selection_model_select_item (selection, 2, FALSE);
  g_assert_true (gtk_widget_activate_action (view, "units.export-selection", NULL));
  st_test_spin ();
  st_test_save_export (f->dir, "unit-histories.xlsx", "picked.xlsx");
  serials = workbook_serials (path);
  g_assert_cmpstr (serials, ==, "str:SN-B,str:SN-D");

  /* Every unit of a status selected is those units, not the whole inventory. */
  st_units_view_set_status (units_view (f), ST_UNIT_SOLD);
  st_test_spin ();
  gtk_selection_model_select_all (selection);
  g_assert_true (gtk_widget_activate_action (view, "units.export-selection", NULL));
  st_test_spin ();
  st_test_save_export (f->dir, "history-SN-B.xlsx", "sold.xlsx");
  sold = workbook_serials (sold_path);
  g_assert_cmpstr (sold, ==, "str:SN-B");
}

/* A selection over ST_EXPORT_SELECTION_MAX units is refused in the window's error bar, naming
 * the limit, before any row is read or a file asked for; one at the limit goes on.  (The rows
 * of an empty list: only the selection's size counts here.) */
static void
test_export_selection_limit (Fixture       *f,
                             gconstpointer  data)
{
  GtkInfoBar *bar = st_test_template_child (f->window, ST_TYPE_WINDOW, "error_bar");
  GtkLabel *message = st_test_template_child (f->window, ST_TYPE_WINDOW, "error_label");
  g_autoptr(GListStore) units = g_list_store_new (ST_TYPE_UNIT);
  g_autoptr(GtkBitset) selected = gtk_bitset_new_empty ();
  g_autofree char *max = st_format_quantity (ST_EXPORT_SELECTION_MAX);
  g_autofree char *expected = g_strdup_printf ("at most %s units", max);

  gtk_bitset_add_range (selected, 0, ST_EXPORT_SELECTION_MAX);
  st_export_dialog_choose_selected_units (GTK_WINDOW (f->window), f->store,
                                          G_LIST_MODEL (units), selected, "several.xlsx",
                                          "at most %s units");
  st_test_spin ();
  g_assert_false (gtk_info_bar_get_revealed (bar));
  g_assert_null (st_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG, FALSE));

  gtk_bitset_add (selected, ST_EXPORT_SELECTION_MAX);
  st_export_dialog_choose_selected_units (GTK_WINDOW (f->window), f->store,
                                          G_LIST_MODEL (units), selected, "several.xlsx",
                                          "at most %s units");
  st_test_spin ();
  g_assert_true (gtk_info_bar_get_revealed (bar));
  g_assert_cmpstr (gtk_label_get_text (message), ==, expected);
  g_assert_null (st_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG, FALSE));
}

static void
test_empty_state (Fixture       *f,
                  gconstpointer  data)
{
  GtkStack *stack = st_test_template_child (units_view (f), ST_TYPE_LIST_PAGE, "stack");

  show_units (f);
  g_assert_cmpuint (g_list_model_get_n_items (rows (f)), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
}

/* In the views' sidebar after Items; Ctrl+2 (win.view "units") shows it. */
static void
test_place_in_window (Fixture       *f,
                      gconstpointer  data)
{
  GtkWidget *view = GTK_WIDGET (units_view (f));
  GtkStack *stack = GTK_STACK (gtk_widget_get_parent (view));
  GtkSelectionModel *pages = gtk_stack_get_pages (stack);
  g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (pages), 1);
  GtkStackPage *second = GTK_STACK_PAGE (item);

  g_object_unref (pages);
  g_assert_true (gtk_stack_page_get_child (second) == view);
  g_assert_cmpstr (gtk_stack_page_get_title (second), ==, "Units");
  g_assert_cmpstr (gtk_stack_page_get_name (second), ==, "units");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.view", "s", "units"));
  st_test_spin ();
  g_assert_true (gtk_stack_get_visible_child (stack) == view);

  /* Ctrl+L filters the Units view when it is shown. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.filter", NULL));
  st_test_spin ();
  {
    GtkWidget *entry = st_test_template_child (view, ST_TYPE_LIST_PAGE, "filter_entry");
    GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (f->window));

    g_assert_nonnull (focus);
    g_assert_true (focus == entry || gtk_widget_is_ancestor (focus, entry));
  }
}

/* Quantity-only inventories have no units to list: the view leaves the sidebar. */
static void
test_hidden_without_tracking (Fixture       *f,
                              gconstpointer  data)
{
  GtkWidget *view = GTK_WIDGET (units_view (f));
  GtkStack *stack = GTK_STACK (gtk_widget_get_parent (view));
  GtkStackPage *page = gtk_stack_get_page (stack, view);
  g_autoptr(GError) error = NULL;

  show_units (f);
  g_assert_true (gtk_stack_page_get_visible (page));

  g_assert_true (st_store_set_tracking (f->store, ST_TRACKING_NONE, &error));
  g_assert_no_error (error);
  st_window_refresh (f->window);
  st_test_spin ();
  g_assert_false (gtk_stack_page_get_visible (page));
  g_assert_false (gtk_stack_get_visible_child (stack) == view);

  g_assert_true (st_store_set_tracking (f->store, ST_TRACKING_SERIAL, &error));
  g_assert_no_error (error);
  st_window_refresh (f->window);
  st_test_spin ();
  g_assert_true (gtk_stack_page_get_visible (page));
}

/* StRowSlots: the rows someone holds stay the same objects across a reload and take the new
 * items; only the change of length is announced, at the end. */
static void
log_changes_cb (GListModel *model,
                guint       position,
                guint       removed,
                guint       added,
                GString    *log)
{
  g_string_append_printf (log, "(%u,%u,%u)", position, removed, added);
}

static void
count_notify_cb (GObject    *slot,
                 GParamSpec *pspec,
                 guint      *n)
{
  (*n)++;
}

static void
count_watch_cb (gpointer data)
{
  (*(guint *) data)++;
}

static void
test_row_slots (void)
{
  g_autoptr(GtkStringList) five = gtk_string_list_new ((const char *[]) { "a", "b", "c", "d", "e", NULL });
  g_autoptr(GtkStringList) two = gtk_string_list_new ((const char *[]) { "x", "y", NULL });
  g_autoptr(StRowSlots) rows = st_row_slots_new (G_LIST_MODEL (five));
  g_autoptr(GString) log = g_string_new (NULL);
  g_autoptr(GObject) first = NULL;
  g_autoptr(GObject) again = NULL;
  g_autoptr(GObject) fourth = NULL;
  guint notified = 0;
  guint watched = 0;

  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (rows)) == ST_TYPE_ROW_SLOT);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (rows)), ==, 5);
  first = g_list_model_get_item (G_LIST_MODEL (rows), 0);
  fourth = g_list_model_get_item (G_LIST_MODEL (rows), 3);
  g_assert_cmpstr (gtk_string_object_get_string (st_row_slots_unwrap (first)), ==, "a");
  g_signal_connect (first, "notify::item", G_CALLBACK (count_notify_cb), &notified);
  st_row_slot_watch (ST_ROW_SLOT (first), count_watch_cb, &watched);
  g_signal_connect (rows, "items-changed", G_CALLBACK (log_changes_cb), log);

  /* Shorter: row 0 is the same slot showing "x"; rows 2–4 leave, announced as such. */
  st_row_slots_set_model (rows, G_LIST_MODEL (two));
  g_assert_cmpstr (log->str, ==, "(2,3,0)");
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpuint (watched, ==, 1);
  st_row_slot_unwatch (ST_ROW_SLOT (first), count_watch_cb, &watched);
  again = g_list_model_get_item (G_LIST_MODEL (rows), 0);
  g_assert_true (again == first);
  g_assert_cmpstr (gtk_string_object_get_string (st_row_slots_unwrap (first)), ==, "x");
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (rows), 2));

  /* Longer again: rows 2–4 are added; the slot let go at row 3 is not row 3 any more. */
  g_string_truncate (log, 0);
  st_row_slots_set_model (rows, G_LIST_MODEL (five));
  g_assert_cmpstr (log->str, ==, "(2,0,3)");
  g_assert_cmpuint (notified, ==, 2);
  g_assert_cmpuint (watched, ==, 1);
  {
    g_autoptr(GObject) row3 = g_list_model_get_item (G_LIST_MODEL (rows), 3);

    g_assert_false (row3 == fourth);
    g_assert_cmpstr (gtk_string_object_get_string (st_row_slots_unwrap (row3)), ==, "d");
  }
  /* Not a slot: itself. */
  g_assert_true (st_row_slots_unwrap (five) == (gpointer) five);
}

int
main (int    argc,
      char **argv)
{
  app = st_test_app_start (&argc, &argv);
  if (app == NULL)
    return 77;

#define ADD(path, contents, func) \
  g_test_add (path, Fixture, GINT_TO_POINTER (contents), fixture_setup, func, fixture_teardown)

  ADD ("/app/units-view/lists-every-unit", WITH_UNITS, test_lists_every_unit);
  ADD ("/app/units-view/columns", WITH_UNITS, test_columns);
  ADD ("/app/units-view/filter", WITH_UNITS, test_filter);
  ADD ("/app/units-view/status-dropdown", WITH_UNITS, test_status_dropdown);
  ADD ("/app/units-view/sort", WITH_UNITS, test_sort);
  ADD ("/app/units-view/activate-opens-unit-page", WITH_UNITS, test_activate_opens_unit_page);
  ADD ("/app/units-view/refreshes-after-posting", WITH_UNITS, test_refreshes_after_posting);
  ADD ("/app/units-view/export-selection", WITH_UNITS, test_export_selection);
  ADD ("/app/units-view/export-selection-limit", WITH_UNITS, test_export_selection_limit);
  ADD ("/app/units-view/empty-state", WITH_NOTHING, test_empty_state);
  ADD ("/app/units-view/place-in-window", WITH_UNITS, test_place_in_window);
  ADD ("/app/units-view/hidden-without-tracking", WITH_ITEM, test_hidden_without_tracking);
#undef ADD
  g_test_add_func ("/app/row-slots/stable-rows", test_row_slots);

  return st_test_app_run (&app);
}
