/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "st-items-view"

#include "config.h"

#include <glib/gi18n.h>

#include "st-columns.h"
#include "st-error.h"
#include "st-export-dialog.h"
#include "st-facts.h"
#include "st-format.h"
#include "st-item-dialog.h"
#include "st-items-view.h"
#include "st-label-print.h"
#include "st-list-page-private.h"
#include "st-store-editing.h"
#include "st-window.h"

struct _StItemsView
{
  StListPage           parent_instance;

  /* Template widgets */
  GtkStack            *details_stack;
  GtkLabel            *name_label;
  GtkLabel            *sku_label;
  GtkGrid             *facts_grid;
  GtkListBox          *stock_list;
  GtkWidget           *units_box;
  GtkLabel            *units_count_label;
  GtkSearchEntry      *units_filter_entry;
  GtkColumnView       *units_view;
  GtkCheckButton      *archived_check;
  GMenuModel          *row_menu;

  /* Owned */
  StListModel         *units;
  GtkMultiSelection   *units_selection;
  GtkColumnViewColumn *tracking_column;
  gint64               shown_item_id;
};

G_DEFINE_FINAL_TYPE (StItemsView, st_items_view, ST_TYPE_LIST_PAGE)

static StStore *
store (StItemsView *self)
{
  return st_list_page_get_store (ST_LIST_PAGE (self));
}

/* Item columns */

static char *
tracking_text (StTracking tracking)
{
  if (tracking == ST_TRACKING_SERIAL)
    /* Translators: how an item is tracked, in the items list */
    return g_strdup (_("Serial numbers"));
  /* Translators: how an item is tracked, in the items list */
  return g_strdup (_("Quantity"));
}

static char *
item_tracking_text (gpointer item)
{
  return tracking_text (st_item_get_tracking (item));
}

static char *
warranty_text (guint months)
{
  if (months == 0)
    /* Translators: an item without warranty */
    return g_strdup (_("None"));
  /* Translators: warranty length */
  return g_strdup_printf (ngettext ("%u month", "%u months", months), months);
}

static char *
item_warranty_text (gpointer item)
{
  return warranty_text (st_item_get_warranty_months (item));
}

/* Unit columns */

static char *
unit_status_text (gpointer unit)
{
  return g_strdup (st_unit_status_to_label (st_unit_get_status (unit)));
}

static char *
unit_price_text (gpointer unit)
{
  if (!st_unit_has_price (unit))
    return NULL;
  return st_format_money (st_unit_get_price (unit));
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
fill_stock (StItemsView *self,
            StItem      *item)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;

  clear_list (self->stock_list);

  rows = st_store_get_stock (store (self), st_item_get_id (item), &error);
  if (rows == NULL)
    {
      GtkWidget *label = gtk_label_new (error->message);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "error");
      gtk_list_box_append (self->stock_list, label);
      return;
    }

  if (rows->len == 0)
    {
      GtkWidget *label = gtk_label_new (_("Nothing in stock"));

      gtk_widget_set_margin_top (label, 12);
      gtk_widget_set_margin_bottom (label, 12);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_list_box_append (self->stock_list, label);
      return;
    }

  for (guint i = 0; i < rows->len; i++)
    {
      const StStockRow *row = g_ptr_array_index (rows, i);
      g_autofree char *on_hand = st_format_quantity (row->on_hand);
      GtkWidget *box;
      GtkWidget *label;

      box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      gtk_widget_set_margin_start (box, 12);
      gtk_widget_set_margin_end (box, 12);
      gtk_widget_set_margin_top (box, 8);
      gtk_widget_set_margin_bottom (box, 8);

      label = gtk_label_new (row->warehouse);
      gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_box_append (GTK_BOX (box), label);

      if (row->in_transit > 0)
        {
          g_autofree char *count = st_format_quantity (row->in_transit);
          g_autofree char *text = NULL;

          /* Translators: %s is a number of units on their way to a warehouse */
          text = g_strdup_printf (_("%s in transit"), count);
          label = gtk_label_new (text);
          gtk_widget_add_css_class (label, "dim-label");
          gtk_box_append (GTK_BOX (box), label);
        }

      label = gtk_label_new (on_hand);
      gtk_widget_add_css_class (label, "numeric");
      gtk_box_append (GTK_BOX (box), label);

      gtk_list_box_append (self->stock_list, box);
    }
}

static void
update_units_count (StItemsView *self)
{
  g_autofree char *text = NULL;
  guint n;

  if (self->units == NULL)
    {
      gtk_label_set_text (self->units_count_label, "");
      return;
    }

  n = g_list_model_get_n_items (G_LIST_MODEL (self->units));
  /* Translators: the number of serial-numbered units listed */
  text = g_strdup_printf (ngettext ("%u unit", "%u units", n), n);
  gtk_label_set_text (self->units_count_label, text);
}

static void
set_units_for_item (StItemsView *self,
                    StItem      *item)
{
  StUnitQuery query = { .status = -1 };
  StSortKey key;
  gboolean descending;
  const char *filter;

  g_clear_object (&self->units);

  if (item == NULL)
    {
      gtk_multi_selection_set_model (self->units_selection, NULL);
      update_units_count (self);
      return;
    }

  query.item_id = st_item_get_id (item);
  self->units = st_store_list_units (store (self), &query);

  /* Keep the sort the user chose and the filter typed, across items. */
  key = st_columns_get_sort (self->units_view, &descending);
  if (key != ST_SORT_DEFAULT)
    st_list_model_set_sort (self->units, key, descending);
  filter = gtk_editable_get_text (GTK_EDITABLE (self->units_filter_entry));
  if (filter != NULL && *filter != '\0')
    st_list_model_set_filter (self->units, filter);

  g_signal_connect_object (self->units,
                           "items-changed",
                           G_CALLBACK (update_units_count),
                           self,
                           G_CONNECT_SWAPPED);
  gtk_multi_selection_set_model (self->units_selection, G_LIST_MODEL (self->units));
  update_units_count (self);
}

static void
show_item (StItemsView *self,
           StItem      *item)
{
  GtkGrid *facts = self->facts_grid;
  g_autofree char *price = NULL;
  g_autofree char *cost = NULL;
  g_autofree char *on_hand = NULL;
  g_autofree char *warranty = NULL;
  g_autofree char *tracking = NULL;
  gboolean serial;
  int row = 0;

  if (item == NULL)
    {
      self->shown_item_id = 0;
      set_units_for_item (self, NULL);
      gtk_stack_set_visible_child_name (self->details_stack, "none");
      return;
    }

  serial = st_item_get_tracking (item) == ST_TRACKING_SERIAL;

  gtk_label_set_text (self->name_label, st_item_get_name (item));
  gtk_label_set_text (self->sku_label, st_item_get_sku (item));

  st_facts_clear (self->facts_grid);
  on_hand = st_format_quantity (st_item_get_on_hand (item));
  st_facts_add_text (facts, 0, &row, _("On hand"), on_hand, FALSE);
  st_facts_add_text (facts, 0, &row, C_("unit of measure", "Unit"), st_item_get_unit (item), FALSE);
  price = st_format_money (st_item_get_price (item));
  st_facts_add_text (facts, 0, &row, _("Price"), price, FALSE);
  cost = st_format_money (st_item_get_cost (item));
  st_facts_add_text (facts, 0, &row, _("Cost"), cost, FALSE);
  if (st_store_get_tracking (store (self)) == ST_TRACKING_SERIAL)
    {
      tracking = tracking_text (st_item_get_tracking (item));
      st_facts_add_text (facts, 0, &row, _("Tracking"), tracking, FALSE);
      if (serial)
        st_facts_add_text (facts, 0, &row, _("Serial format"),
                st_serial_format_to_label (st_item_get_serial_format (item)), FALSE);
    }
  warranty = warranty_text (st_item_get_warranty_months (item));
  st_facts_add_text (facts, 0, &row, _("Warranty"), warranty, FALSE);
  if (st_item_get_archived (item))
    /* Translators: an item's fact: archived items are not offered by new documents */
    st_facts_add_text (facts, 0, &row, _("Status"), _("Archived: new documents no longer offer it"),
                       FALSE);

  fill_stock (self, item);

  /* Units are listed for serial items; with tracking off they stay hidden altogether. */
  gtk_widget_set_visible (self->units_box,
                          serial && st_store_get_tracking (store (self)) == ST_TRACKING_SERIAL);
  if (serial)
    {
      if (self->shown_item_id != st_item_get_id (item) || self->units == NULL)
        set_units_for_item (self, item);
      else
        st_list_model_refresh (self->units);
    }
  else
    set_units_for_item (self, NULL);

  self->shown_item_id = st_item_get_id (item);
  gtk_stack_set_visible_child_name (self->details_stack, "item");
}

static void
units_filter_changed_cb (StItemsView *self)
{
  const char *text;

  if (self->units == NULL)
    return;

  text = gtk_editable_get_text (GTK_EDITABLE (self->units_filter_entry));
  st_list_model_set_filter (self->units, *text ? text : NULL);
}

static void
units_view_activate_cb (StItemsView *self,
                        guint        position)
{
  g_autoptr(StUnit) unit = NULL;

  if (self->units == NULL)
    return;

  unit = g_list_model_get_item (G_LIST_MODEL (self->units), position);
  if (unit == NULL)
    return;

  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-unit", "x", st_unit_get_id (unit));
}

/* Export */

/* The view's one place that enables its actions. */
static void
update_actions (StItemsView *self)
{
  g_autoptr(GtkBitset) selected = NULL;

  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->units_selection));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "items.export-selection",
                                 !gtk_bitset_is_empty (selected));
}

static void
export_item_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  StItemsView *self = ST_ITEMS_VIEW (widget);
  StItem *item = _st_list_page_get_selected (ST_LIST_PAGE (self));
  GtkRoot *root = gtk_widget_get_root (widget);
  StHistoryScope scope = { 0 };
  g_autofree char *name = NULL;

  if (item == NULL || !GTK_IS_WINDOW (root))
    return;

  scope.sku = st_item_get_sku (item);
  /* Translators: the suggested file name of an item's unit histories; %s is its SKU */
  name = g_strdup_printf (_("history-%s.xlsx"), st_item_get_sku (item));
  st_export_dialog_choose_history (GTK_WINDOW (root), store (self), &scope, name);
}

/* Labels for the item's units in stock, first received first. */
static void
print_labels_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  StItemsView *self = ST_ITEMS_VIEW (widget);
  StItem *item = _st_list_page_get_selected (ST_LIST_PAGE (self));
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWindow *parent = GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
  g_autoptr(StLabelJob) job = NULL;
  g_autoptr(GPtrArray) units = NULL;
  g_autoptr(GError) error = NULL;
  StUnitQuery query = { 0 };

  if (item == NULL || store (self) == NULL)
    return;
  query.item_id = st_item_get_id (item);
  query.status = ST_UNIT_IN_STOCK;
  units = st_store_query_units (store (self), &query, &error);
  if (units != NULL && units->len == 0)
    g_set_error (&error, ST_ERROR, ST_ERROR_NOT_FOUND, _("There are no units to label"));
  if (error != NULL)
    {
      if (ST_IS_WINDOW (parent))
        st_window_show_error (ST_WINDOW (parent), _("The labels were not printed"), error);
      return;
    }
  job = st_label_job_new (ST_LABEL_LAYOUT_A4_3X8, ST_LABEL_CODE_128);
  for (guint i = 0; i < units->len; i++)
    st_label_job_add_unit (job, g_ptr_array_index (units, i));
  st_label_print_run (parent, job);
}

static void
export_selection_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  StItemsView *self = ST_ITEMS_VIEW (widget);
  StItem *item = _st_list_page_get_selected (ST_LIST_PAGE (self));
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GtkBitset) selected = NULL;
  g_autofree char *several = NULL;
  guint64 n_selected;

  if (item == NULL || self->units == NULL || !GTK_IS_WINDOW (root))
    return;

  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->units_selection));
  n_selected = gtk_bitset_get_size (selected);
  if (n_selected == 0)
    return;

  /* Every unit of the item selected (Ctrl+A, no filter): that is the item. */
  if (n_selected == g_list_model_get_n_items (G_LIST_MODEL (self->units))
      && st_list_model_get_filter (self->units) == NULL)
    {
      gtk_widget_activate_action (widget, "items.export-item", NULL);
      return;
    }

  /* Translators: the suggested file name of some units of an item; %s is its SKU */
  several = g_strdup_printf (_("history-%s-selection.xlsx"), st_item_get_sku (item));
  st_export_dialog_choose_selected_units (GTK_WINDOW (root), store (self),
                                          G_LIST_MODEL (self->units), selected, several,
                                          /* Translators: %s is a number (100,000) */
                                          ngettext ("Select at most %s unit to export, or "
                                                    "export all units of the item.",
                                                    "Select at most %s units to export, or "
                                                    "export all units of the item.",
                                                    ST_EXPORT_SELECTION_MAX));
}

/* Edit…, Archive, Restore, Delete… (DESIGN §11; StListPage does them) */

static gboolean
is_archived (gpointer row)
{
  return st_item_get_archived (row);
}

static GtkWindow *
new_edit_dialog (GtkWindow *parent,
                 StStore   *store,
                 gpointer   row)
{
  return GTK_WINDOW (st_item_dialog_new_edit (parent, store, row));
}

static gboolean
set_archived (StStore  *store,
              gpointer  row,
              gboolean  archived,
              GError  **error)
{
  return st_store_set_item_archived (store, st_item_get_sku (row), archived, error);
}

static gboolean
delete_row (StStore  *store,
            gpointer  row,
            GError  **error)
{
  return st_store_delete_item (store, st_item_get_sku (row), error);
}

static char *
delete_question (gpointer row)
{
  /* Translators: %1$s is a SKU, %2$s the item's name */
  return g_strdup_printf (_("Delete item %1$s (%2$s)?"), st_item_get_sku (row),
                          st_item_get_name (row));
}

/* A double click (or Enter) on an item opens its edit dialog: selecting it already shows its
 * stock and units beside the list, so what is left to open is the item itself. */
static const StListPageRowActions row_actions = {
  .group = "items",
  .is_archived = is_archived,
  .new_edit_dialog = new_edit_dialog,
  .set_archived = set_archived,
  .delete_row = delete_row,
  .delete_question = delete_question,
  .delete_detail = N_("Only an item that no document uses can be deleted; archive one that "
                      "history uses."),
  .archive_failed = N_("The item was not archived"),
  .restore_failed = N_("The item was not restored"),
  .delete_failed = N_("The item was not deleted"),
};

static void
archived_toggled_cb (StItemsView *self)
{
  if (store (self) != NULL)
    _st_list_page_reload (ST_LIST_PAGE (self));
}

static void
apply_tracking (StItemsView *self)
{
  gboolean serial;

  serial = store (self) != NULL && st_store_get_tracking (store (self)) == ST_TRACKING_SERIAL;
  gtk_column_view_column_set_visible (self->tracking_column, serial);
}

/* StListPage */

static StListModel *
st_items_view_create_model (StListPage *page,
                            StStore    *store)
{
  /* Another store may track serials or not. */
  apply_tracking (ST_ITEMS_VIEW (page));
  return st_store_list_items_archived (store,
                                       gtk_check_button_get_active (ST_ITEMS_VIEW (page)->archived_check));
}

static gboolean
st_items_view_is_narrowed (StListPage *page)
{
  return !gtk_check_button_get_active (ST_ITEMS_VIEW (page)->archived_check);
}

static char *
st_items_view_format_count (StListPage *page,
                            guint       n_rows)
{
  /* Translators: the number of items listed */
  return g_strdup_printf (ngettext ("%u item", "%u items", n_rows), n_rows);
}

static gint64
st_items_view_get_row_id (StListPage *page,
                          gpointer    row)
{
  return st_item_get_id (row);
}

static void
st_items_view_row_selected (StListPage *page,
                            gpointer    row)
{
  show_item (ST_ITEMS_VIEW (page), row);
}

/* The tracking preference may have changed too. */
static void
st_items_view_refresh (StListPage *page)
{
  ST_LIST_PAGE_CLASS (st_items_view_parent_class)->refresh (page);
  apply_tracking (ST_ITEMS_VIEW (page));
}

StItemsView *
st_items_view_new (void)
{
  return g_object_new (ST_TYPE_ITEMS_VIEW, NULL);
}

GtkSelectionModel *
st_items_view_get_units_selection (StItemsView *self)
{
  g_return_val_if_fail (ST_IS_ITEMS_VIEW (self), NULL);

  return GTK_SELECTION_MODEL (self->units_selection);
}

static void
st_items_view_dispose (GObject *object)
{
  StItemsView *self = ST_ITEMS_VIEW (object);

  /* The model may outlive the widgets (the selection still holds it): stop listening. */
  if (self->units != NULL)
    g_signal_handlers_disconnect_by_data (self->units, self);
  if (self->units_selection != NULL)
    g_signal_handlers_disconnect_by_data (self->units_selection, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), ST_TYPE_ITEMS_VIEW);

  g_clear_object (&self->units_selection);
  g_clear_object (&self->units);

  G_OBJECT_CLASS (st_items_view_parent_class)->dispose (object);
}

static void
st_items_view_class_init (StItemsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  StListPageClass *page_class = ST_LIST_PAGE_CLASS (klass);

  object_class->dispose = st_items_view_dispose;
  page_class->create_model = st_items_view_create_model;
  page_class->format_count = st_items_view_format_count;
  page_class->get_row_id = st_items_view_get_row_id;
  page_class->row_selected = st_items_view_row_selected;
  page_class->refresh = st_items_view_refresh;
  page_class->is_narrowed = st_items_view_is_narrowed;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/SerialTrack/st-items-view.ui");
  gtk_widget_class_bind_template_child (widget_class, StItemsView, details_stack);
  gtk_widget_class_bind_template_child (widget_class, StItemsView, name_label);
  gtk_widget_class_bind_template_child (widget_class, StItemsView, sku_label);
  gtk_widget_class_bind_template_child (widget_class, StItemsView, facts_grid);
  gtk_widget_class_bind_template_child (widget_class, StItemsView, stock_list);
  gtk_widget_class_bind_template_child (widget_class, StItemsView, units_box);
  gtk_widget_class_bind_template_child (widget_class, StItemsView, units_count_label);
  gtk_widget_class_bind_template_child (widget_class, StItemsView, units_filter_entry);
  gtk_widget_class_bind_template_child (widget_class, StItemsView, units_view);
  gtk_widget_class_bind_template_callback (widget_class, units_filter_changed_cb);
  gtk_widget_class_bind_template_child (widget_class, StItemsView, archived_check);
  gtk_widget_class_bind_template_child (widget_class, StItemsView, row_menu);
  gtk_widget_class_bind_template_callback (widget_class, units_view_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, archived_toggled_cb);

  _st_list_page_class_set_row_actions (page_class, &row_actions);

  gtk_widget_class_install_action (widget_class, "items.export-item", NULL, export_item_action);
  gtk_widget_class_install_action (widget_class, "items.print-labels", NULL,
                                   print_labels_action);
  gtk_widget_class_install_action (widget_class, "items.export-selection", NULL,
                                   export_selection_action);

}

static void
st_items_view_init (StItemsView *self)
{
  GtkColumnView *column_view = _st_list_page_get_column_view (ST_LIST_PAGE (self));

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_accessible_update_property (GTK_ACCESSIBLE (column_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Items"),
                                  -1);

  st_columns_append_field (column_view, _("SKU"), G_CALLBACK (st_item_get_sku), ST_FIELD_STRING,
                           ST_COLUMN_TEXT, ST_SORT_SKU, 0);
  st_columns_append_field (column_view, _("Name"), G_CALLBACK (st_item_get_name), ST_FIELD_STRING,
                           ST_COLUMN_EXPAND, ST_SORT_NAME, 0);
  self->tracking_column = st_columns_append (column_view, _("Tracking"),
                                             item_tracking_text, ST_COLUMN_DIM,
                                             ST_SORT_DEFAULT);
  st_columns_append_field (column_view, _("On Hand"), G_CALLBACK (st_item_get_on_hand),
                           ST_FIELD_QUANTITY, ST_COLUMN_NUMERIC, ST_SORT_ON_HAND, 0);
  st_columns_append_field (column_view, _("Price"), G_CALLBACK (st_item_get_price), ST_FIELD_MONEY,
                           ST_COLUMN_NUMERIC, ST_SORT_PRICE, 0);
  st_columns_append_field (column_view, _("Cost"), G_CALLBACK (st_item_get_cost), ST_FIELD_MONEY,
                           ST_COLUMN_NUMERIC, ST_SORT_COST, 0);
  st_columns_append (column_view, _("Warranty"), item_warranty_text,
                     ST_COLUMN_DIM, ST_SORT_DEFAULT);
  st_columns_follow_sorter (column_view);
  _st_list_page_set_context_menu (ST_LIST_PAGE (self), self->row_menu);

  /* Several units can be selected, for an export; activating one opens its history. */
  self->units_selection = gtk_multi_selection_new (NULL);
  g_signal_connect_object (self->units_selection,
                           "selection-changed",
                           G_CALLBACK (update_actions),
                           self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->units_selection,
                           "items-changed",
                           G_CALLBACK (update_actions),
                           self,
                           G_CONNECT_SWAPPED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "items.export-selection", FALSE);
  gtk_column_view_set_model (self->units_view, GTK_SELECTION_MODEL (self->units_selection));

  st_columns_append_field (self->units_view, _("Serial"), G_CALLBACK (st_unit_get_serial),
                           ST_FIELD_STRING, ST_COLUMN_EXPAND, ST_SORT_SERIAL, 0);
  st_columns_append (self->units_view, _("Status"), unit_status_text,
                     ST_COLUMN_TEXT, ST_SORT_STATUS);
  st_columns_append_field (self->units_view, _("Warehouse"), G_CALLBACK (st_unit_get_warehouse),
                           ST_FIELD_STRING, ST_COLUMN_TEXT, ST_SORT_WAREHOUSE, 0);
  st_columns_append_field (self->units_view, _("Received"), G_CALLBACK (st_unit_get_received_date),
                           ST_FIELD_DATE, ST_COLUMN_NUMERIC, ST_SORT_RECEIVED, 0);
  st_columns_append_field (self->units_view, _("Cost"), G_CALLBACK (st_unit_get_cost),
                           ST_FIELD_MONEY, ST_COLUMN_NUMERIC, ST_SORT_COST, 0);
  st_columns_append (self->units_view, _("Price"), unit_price_text,
                     ST_COLUMN_NUMERIC, ST_SORT_PRICE);
  st_columns_append_field (self->units_view, _("Warranty Ends"),
                           G_CALLBACK (st_unit_get_warranty_end), ST_FIELD_DATE, ST_COLUMN_NUMERIC,
                           ST_SORT_DEFAULT, 0);
  st_columns_follow_sorter (self->units_view);
}
