/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-units-view.c — the Units view: one lazy StListModel over st_store_list_units(), so a
 * million units cost what the rows on screen cost.
 *
 * Only the serial and the received date sort: both have an index, so a page of the sorted
 * list is read from the index whichever page it is.  Sorting a million units by status,
 * warehouse, SKU or money would sort the whole table for every page (0.4–0.6 s each on the
 * benchmark database) and stall scrolling; the status has its drop-down instead. */
#define G_LOG_DOMAIN "st-units-view"

#include "config.h"

#include <glib/gi18n.h>

#include "st-columns.h"
#include "st-error.h"
#include "st-export-dialog.h"
#include "st-format.h"
#include "st-row-slots.h"
#include "st-units-view.h"
#include "st-window.h"

/* A selection exported unit by unit (its ids passed on) stops here, as in the items view;
 * everything is exported from the main menu. */
#define EXPORT_SELECTION_MAX 100000

struct _StUnitsView
{
  GtkWidget            parent_instance;

  /* Template widgets */
  GtkStack            *stack;
  GtkSearchEntry      *filter_entry;
  GtkDropDown         *status_dropdown;
  GtkLabel            *count_label;
  GtkScrolledWindow   *scroller;
  GtkColumnView       *column_view;

  /* Owned */
  StStore             *store;
  StListModel         *units;
  StRowSlots          *rows;        /* the view's rows, over units */
  GtkMultiSelection   *selection;
  int                  status;      /* StUnitStatus, or -1: all */
};

G_DEFINE_FINAL_TYPE (StUnitsView, st_units_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The drop-down's rows: "All", then every status in StUnitStatus order. */
#define N_STATUSES (ST_UNIT_VOIDED + 1)

/* Columns */

static char *
serial_text (gpointer unit)
{
  return g_strdup (st_unit_get_serial (unit));
}

static char *
sku_text (gpointer unit)
{
  return g_strdup (st_unit_get_sku (unit));
}

static char *
item_text (gpointer unit)
{
  return g_strdup (st_unit_get_item_name (unit));
}

static char *
status_text (gpointer unit)
{
  return g_strdup (st_unit_status_to_label (st_unit_get_status (unit)));
}

static char *
warehouse_text (gpointer unit)
{
  return g_strdup (st_unit_get_warehouse (unit));
}

static char *
received_text (gpointer unit)
{
  return st_format_date (st_unit_get_received_date (unit));
}

static char *
cost_text (gpointer unit)
{
  return st_format_money (st_unit_get_cost (unit));
}

static char *
price_text (gpointer unit)
{
  if (!st_unit_has_price (unit))
    return NULL;
  return st_format_money (st_unit_get_price (unit));
}

static char *
warranty_text (gpointer unit)
{
  return st_format_date (st_unit_get_warranty_end (unit));
}

/* State */

static guint
n_units (StUnitsView *self)
{
  return self->units != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->units)) : 0;
}

static void
update_count_label (StUnitsView *self)
{
  g_autofree char *count = NULL;
  g_autofree char *text = NULL;
  guint n = n_units (self);

  count = st_format_quantity (n);
  /* Translators: the number of units listed in the Units view; %s is the number with the
   * locale's digit grouping, e.g. "1,000,000 units" */
  text = g_strdup_printf (ngettext ("%s unit", "%s units", n), count);
  gtk_label_set_text (self->count_label, text);
}

static void
update_empty_state (StUnitsView *self)
{
  const char *filter = self->units != NULL ? st_list_model_get_filter (self->units) : NULL;

  /* The empty page is for an inventory without units, not for a filter that finds none. */
  if (n_units (self) == 0 && filter == NULL && self->status < 0)
    gtk_stack_set_visible_child_name (self->stack, "empty");
  else
    gtk_stack_set_visible_child_name (self->stack, "list");

  update_count_label (self);
}

static void
update_export_action (StUnitsView *self)
{
  g_autoptr(GtkBitset) selected = NULL;

  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "units.export-selection",
                                 !gtk_bitset_is_empty (selected));
}

/* The rows show other units (a new filter, query or refresh): the same row widgets show
 * them (see st-row-slots.h); the selection meant the old units. */
static void
rows_replaced (StUnitsView *self)
{
  st_row_slots_reload (self->rows);
  gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->selection));
  update_empty_state (self);
}

/* A new query (another store or status): a new model with the filter typed and the sort
 * chosen. */
static void
reload (StUnitsView *self)
{
  StUnitQuery query = { .status = self->status };
  StSortKey key;
  gboolean descending;
  const char *filter;

  g_clear_object (&self->units);

  if (self->store != NULL)
    {
      self->units = st_store_list_units (self->store, &query);
      key = st_columns_get_sort (self->column_view, &descending);
      if (key != ST_SORT_DEFAULT)
        st_list_model_set_sort (self->units, key, descending);
      filter = gtk_editable_get_text (GTK_EDITABLE (self->filter_entry));
      if (*filter != '\0')
        st_list_model_set_filter (self->units, filter);
    }

  st_row_slots_set_model (self->rows, G_LIST_MODEL (self->units));
  gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->selection));
  update_empty_state (self);
  update_export_action (self);
}

/* Callbacks */

static void
filter_changed_cb (StUnitsView *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->filter_entry));

  if (self->units == NULL)
    return;

  st_list_model_set_filter (self->units, *text ? text : NULL);
  rows_replaced (self);
}

static void
status_changed_cb (StUnitsView *self)
{
  guint selected = gtk_drop_down_get_selected (self->status_dropdown);
  int status = selected == GTK_INVALID_LIST_POSITION || selected == 0 ? -1 : (int) selected - 1;

  if (status == self->status)
    return;

  self->status = status;
  reload (self);
}

static void
activate_cb (StUnitsView *self,
             guint        position)
{
  g_autoptr(StUnit) unit = NULL;

  if (self->units == NULL)
    return;

  unit = g_list_model_get_item (G_LIST_MODEL (self->units), position);
  if (unit != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-unit", "x", st_unit_get_id (unit));
}

/* Export: the chosen units' histories, through the same export window as the items view. */
static void
export_selection_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  StUnitsView *self = ST_UNITS_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GtkBitset) selected = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autofree char *name = NULL;
  StHistoryScope scope = { 0 };
  guint64 n_selected;

  if (self->units == NULL || !GTK_IS_WINDOW (root))
    return;

  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  n_selected = gtk_bitset_get_size (selected);
  if (n_selected == 0)
    return;

  /* Every unit selected (Ctrl+A) with nothing hiding any: that is every unit's history. */
  if (n_selected == n_units (self) && st_list_model_get_filter (self->units) == NULL
      && self->status < 0)
    {
      gtk_widget_activate_action (widget, "win.export-all", NULL);
      return;
    }

  if (n_selected > EXPORT_SELECTION_MAX)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *max = st_format_quantity (EXPORT_SELECTION_MAX);

      g_set_error (&error, ST_ERROR, ST_ERROR_INVALID_INPUT,
                   /* Translators: %s is a number (100,000); the main menu has "Export All
                    * Unit Histories…" */
                   ngettext ("Select at most %s unit to export, or export all unit histories "
                             "from the main menu.",
                             "Select at most %s units to export, or export all unit histories "
                             "from the main menu.",
                             EXPORT_SELECTION_MAX),
                   max);
      if (ST_IS_WINDOW (root))
        st_window_show_error (ST_WINDOW (root), _("Too many units selected"), error);
      return;
    }

  ids = st_export_dialog_selected_unit_ids (G_LIST_MODEL (self->units), selected, &name);
  if (ids->len == 0)
    return;

  if (ids->len > 1)
    {
      g_free (name);
      /* Translators: the suggested file name of the export of several units' histories */
      name = g_strdup (_("unit-histories.xlsx"));
    }

  scope.unit_ids = (const gint64 *) ids->data;
  scope.n_unit_ids = ids->len;
  st_export_dialog_choose_history (GTK_WINDOW (root), self->store, &scope, name);
}

/* Public API */

StUnitsView *
st_units_view_new (void)
{
  return g_object_new (ST_TYPE_UNITS_VIEW, NULL);
}

StStore *
st_units_view_get_store (StUnitsView *self)
{
  g_return_val_if_fail (ST_IS_UNITS_VIEW (self), NULL);

  return self->store;
}

void
st_units_view_set_store (StUnitsView *self,
                         StStore     *store)
{
  g_return_if_fail (ST_IS_UNITS_VIEW (self));
  g_return_if_fail (store == NULL || ST_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;

  reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

void
st_units_view_refresh (StUnitsView *self)
{
  g_return_if_fail (ST_IS_UNITS_VIEW (self));

  if (self->units == NULL)
    return;

  st_list_model_refresh (self->units);
  rows_replaced (self);
}

void
st_units_view_focus_filter (StUnitsView *self)
{
  g_return_if_fail (ST_IS_UNITS_VIEW (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->filter_entry));
}

int
st_units_view_get_status (StUnitsView *self)
{
  g_return_val_if_fail (ST_IS_UNITS_VIEW (self), -1);

  return self->status;
}

void
st_units_view_set_status (StUnitsView *self,
                          int          status)
{
  g_return_if_fail (ST_IS_UNITS_VIEW (self));
  g_return_if_fail (status >= -1 && status < N_STATUSES);

  /* The drop-down's notify::selected does the rest. */
  gtk_drop_down_set_selected (self->status_dropdown, (guint) (status + 1));
}

GtkSelectionModel *
st_units_view_get_selection (StUnitsView *self)
{
  g_return_val_if_fail (ST_IS_UNITS_VIEW (self), NULL);

  return GTK_SELECTION_MODEL (self->selection);
}

StListModel *
st_units_view_get_model (StUnitsView *self)
{
  g_return_val_if_fail (ST_IS_UNITS_VIEW (self), NULL);

  return self->units;
}

/* GObject */

/* Focus goes to the list, not to the filter above it. */
static gboolean
st_units_view_grab_focus (GtkWidget *widget)
{
  StUnitsView *self = ST_UNITS_VIEW (widget);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "list") == 0)
    return gtk_widget_grab_focus (GTK_WIDGET (self->column_view));

  return GTK_WIDGET_CLASS (st_units_view_parent_class)->grab_focus (widget);
}

static void
st_units_view_dispose (GObject *object)
{
  StUnitsView *self = ST_UNITS_VIEW (object);

  /* The model may outlive the widgets (the selection still holds it): stop listening. */
  if (self->units != NULL)
    g_signal_handlers_disconnect_by_data (self->units, self);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), ST_TYPE_UNITS_VIEW);

  g_clear_object (&self->selection);
  g_clear_object (&self->rows);
  g_clear_object (&self->units);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (st_units_view_parent_class)->dispose (object);
}

static void
st_units_view_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  StUnitsView *self = ST_UNITS_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
st_units_view_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  StUnitsView *self = ST_UNITS_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      st_units_view_set_store (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
st_units_view_class_init (StUnitsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = st_units_view_dispose;
  object_class->get_property = st_units_view_get_property;
  object_class->set_property = st_units_view_set_property;
  widget_class->grab_focus = st_units_view_grab_focus;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         ST_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/SerialTrack/st-units-view.ui");
  gtk_widget_class_bind_template_child (widget_class, StUnitsView, stack);
  gtk_widget_class_bind_template_child (widget_class, StUnitsView, filter_entry);
  gtk_widget_class_bind_template_child (widget_class, StUnitsView, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, StUnitsView, count_label);
  gtk_widget_class_bind_template_child (widget_class, StUnitsView, scroller);
  gtk_widget_class_bind_template_child (widget_class, StUnitsView, column_view);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, status_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, activate_cb);

  gtk_widget_class_install_action (widget_class, "units.export-selection", NULL,
                                   export_selection_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
st_units_view_init (StUnitsView *self)
{
  g_autoptr(GtkStringList) statuses = NULL;
  GtkColumnViewColumn *received;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->status = -1;
  statuses = gtk_string_list_new (NULL);
  /* Translators: the status drop-down of the Units view: units of every status */
  gtk_string_list_append (statuses, C_("status filter", "All"));
  for (int s = 0; s < N_STATUSES; s++)
    gtk_string_list_append (statuses, st_unit_status_to_label (s));
  gtk_drop_down_set_model (self->status_dropdown, G_LIST_MODEL (statuses));
  gtk_drop_down_set_selected (self->status_dropdown, 0);

  /* Several units can be selected, for an export; activating one opens its history. */
  self->rows = st_row_slots_new (NULL);
  self->selection = gtk_multi_selection_new (g_object_ref (G_LIST_MODEL (self->rows)));
  g_signal_connect_object (self->selection, "selection-changed",
                           G_CALLBACK (update_export_action), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "items-changed",
                           G_CALLBACK (update_export_action), self, G_CONNECT_SWAPPED);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  update_export_action (self);

  /* Fixed widths: scrolling a million rows binds rows without measuring their text. */
  st_columns_append_fixed (self->column_view, _("Serial"), serial_text,
                           ST_COLUMN_TEXT, ST_SORT_SERIAL, 15);
  st_columns_append_fixed (self->column_view, _("SKU"), sku_text,
                           ST_COLUMN_TEXT, ST_SORT_DEFAULT, 12);
  st_columns_append_fixed (self->column_view, _("Item"), item_text,
                           ST_COLUMN_EXPAND, ST_SORT_DEFAULT, 16);
  st_columns_append_fixed (self->column_view, _("Status"), status_text,
                           ST_COLUMN_TEXT, ST_SORT_DEFAULT, 18);
  st_columns_append_fixed (self->column_view, _("Warehouse"), warehouse_text,
                           ST_COLUMN_TEXT, ST_SORT_DEFAULT, 17);
  received = st_columns_append_fixed (self->column_view, _("Received"), received_text,
                                      ST_COLUMN_NUMERIC, ST_SORT_RECEIVED, 10);
  st_columns_append_fixed (self->column_view, _("Cost"), cost_text,
                           ST_COLUMN_NUMERIC, ST_SORT_DEFAULT, 9);
  st_columns_append_fixed (self->column_view, _("Price"), price_text,
                           ST_COLUMN_NUMERIC, ST_SORT_DEFAULT, 9);
  st_columns_append_fixed (self->column_view, _("Warranty Ends"), warranty_text,
                           ST_COLUMN_NUMERIC, ST_SORT_DEFAULT, 10);
  /* Newest first: what came in last is what one looks for, and units whose receipt was
   * voided (no received date) go to the end. */
  gtk_column_view_sort_by_column (self->column_view, received, GTK_SORT_DESCENDING);
  st_columns_follow_sorter (self->column_view);
}
