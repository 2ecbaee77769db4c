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
#include "st-label-print.h"
#include "st-list-page-private.h"
#include "st-units-view.h"
#include "st-window.h"

/* Labels are printed for at most this many selected units at once (417 A4 sheets). */
#define LABELS_SELECTION_MAX 10000

struct _StUnitsView
{
  StListPage   parent_instance;

  /* Template widgets */
  GtkDropDown *status_dropdown;   /* StUnitStatus, or "All" */
};

G_DEFINE_FINAL_TYPE (StUnitsView, st_units_view, ST_TYPE_LIST_PAGE)

/* The drop-down's rows: "All", then every status in StUnitStatus order. */
#define N_STATUSES (ST_UNIT_FAULTY + 1)

/* Columns */

static char *
status_text (gpointer unit)
{
  return g_strdup (st_unit_status_to_label (st_unit_get_status (unit)));
}

static char *
price_text (gpointer unit)
{
  if (!st_unit_has_price (unit))
    return NULL;
  return st_format_money (st_unit_get_price (unit));
}

/* State */

static StListModel *
model (StUnitsView *self)
{
  return st_list_page_get_model (ST_LIST_PAGE (self));
}

static GtkSelectionModel *
selection (StUnitsView *self)
{
  return st_list_page_get_selection (ST_LIST_PAGE (self));
}

static guint
n_units (StUnitsView *self)
{
  return model (self) != NULL ? g_list_model_get_n_items (G_LIST_MODEL (model (self))) : 0;
}

/* The view's one place that enables its actions. */
static void
update_actions (StUnitsView *self)
{
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (selection (self));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "units.export-selection",
                                 !gtk_bitset_is_empty (selected));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "units.print-labels",
                                 !gtk_bitset_is_empty (selected));
}

/* Callbacks */

static const char *
status_label (int status)
{
  return st_unit_status_to_label (status);
}

static void
activate_cb (StUnitsView *self,
             guint        position)
{
  g_autoptr(StUnit) unit = NULL;

  if (model (self) == NULL)
    return;

  unit = g_list_model_get_item (G_LIST_MODEL (model (self)), position);
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
  guint64 n_selected;

  if (model (self) == NULL || !GTK_IS_WINDOW (root))
    return;

  selected = gtk_selection_model_get_selection (selection (self));
  n_selected = gtk_bitset_get_size (selected);
  if (n_selected == 0)
    return;

  /* Every unit selected (Ctrl+A) with nothing hiding any: that is every unit's history. */
  if (n_selected == n_units (self) && st_list_model_get_filter (model (self)) == NULL
      && _st_list_page_get_status (ST_LIST_PAGE (self)) < 0)
    {
      gtk_widget_activate_action (widget, "win.export-all", NULL);
      return;
    }

  st_export_dialog_choose_selected_units (GTK_WINDOW (root),
                                          st_list_page_get_store (ST_LIST_PAGE (self)),
                                          G_LIST_MODEL (model (self)), selected,
                                          /* Translators: the suggested file name of the export
                                           * of several units' histories */
                                          _("unit-histories.xlsx"),
                                          /* Translators: %s is a number (100,000); the main
                                           * menu has "Export All Unit Histories…" */
                                          ngettext ("Select at most %s unit to export, or "
                                                    "export all unit histories from the main "
                                                    "menu.",
                                                    "Select at most %s units to export, or "
                                                    "export all unit histories from the main "
                                                    "menu.",
                                                    ST_EXPORT_SELECTION_MAX));
}

/* Labels for the selected units, in the list's order (only those rows are read). */
static void
print_labels_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  StUnitsView *self = ST_UNITS_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GtkBitset) selected = NULL;
  g_autoptr(StLabelJob) job = NULL;
  GtkBitsetIter iter;
  guint position;

  if (model (self) == NULL)
    return;
  selected = gtk_selection_model_get_selection (selection (self));
  if (gtk_bitset_get_size (selected) > LABELS_SELECTION_MAX)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *max = st_format_quantity (LABELS_SELECTION_MAX);

      g_set_error (&error, ST_ERROR, ST_ERROR_INVALID_INPUT,
                   /* Translators: %s is a number (10,000) */
                   ngettext ("Select at most %s unit to print labels for.",
                             "Select at most %s units to print labels for.",
                             LABELS_SELECTION_MAX),
                   max);
      if (ST_IS_WINDOW (root))
        st_window_show_error (ST_WINDOW (root), _("Too many units selected"), error);
      return;
    }
  job = st_label_job_new (ST_LABEL_LAYOUT_A4_3X8, ST_LABEL_CODE_128);
  for (gboolean more = gtk_bitset_iter_init_first (&iter, selected, &position);
       more;
       more = gtk_bitset_iter_next (&iter, &position))
    {
      g_autoptr(StUnit) unit = g_list_model_get_item (G_LIST_MODEL (model (self)), position);

      if (unit != NULL)
        st_label_job_add_unit (job, unit);
    }
  if (st_label_job_get_n_units (job) > 0)
    st_label_print_run (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, job);
}

/* StListPage */

static StListModel *
st_units_view_create_model (StListPage *page,
                            StStore    *store)
{
  StUnitQuery query = { .status = _st_list_page_get_status (page) };

  return st_store_list_units (store, &query);
}

static char *
st_units_view_format_count (StListPage *page,
                            guint       n_rows)
{
  g_autofree char *count = st_format_quantity (n_rows);

  /* Translators: the number of units listed in the Units view; %s is the number with the
   * locale's digit grouping, e.g. "1,000,000 units" */
  return g_strdup_printf (ngettext ("%s unit", "%s units", n_rows), count);
}

/* Public API */

StUnitsView *
st_units_view_new (void)
{
  return g_object_new (ST_TYPE_UNITS_VIEW, NULL);
}

int
st_units_view_get_status (StUnitsView *self)
{
  g_return_val_if_fail (ST_IS_UNITS_VIEW (self), -1);

  return _st_list_page_get_status (ST_LIST_PAGE (self));
}

void
st_units_view_set_status (StUnitsView *self,
                          int          status)
{
  g_return_if_fail (ST_IS_UNITS_VIEW (self));
  g_return_if_fail (status >= -1 && status < N_STATUSES);

  _st_list_page_set_status (ST_LIST_PAGE (self), status);
}

StListModel *
st_units_view_get_model (StUnitsView *self)
{
  g_return_val_if_fail (ST_IS_UNITS_VIEW (self), NULL);

  return model (self);
}

/* GObject */

static void
st_units_view_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), ST_TYPE_UNITS_VIEW);

  G_OBJECT_CLASS (st_units_view_parent_class)->dispose (object);
}

static void
st_units_view_class_init (StUnitsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  StListPageClass *page_class = ST_LIST_PAGE_CLASS (klass);

  object_class->dispose = st_units_view_dispose;
  page_class->create_model = st_units_view_create_model;
  page_class->format_count = st_units_view_format_count;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/SerialTrack/st-units-view.ui");
  gtk_widget_class_bind_template_child (widget_class, StUnitsView, status_dropdown);

  gtk_widget_class_install_action (widget_class, "units.export-selection", NULL,
                                   export_selection_action);
  gtk_widget_class_install_action (widget_class, "units.print-labels", NULL,
                                   print_labels_action);
}

static void
st_units_view_init (StUnitsView *self)
{
  GtkColumnView *column_view;
  GtkColumnViewColumn *received;
  const char *all;

  _st_list_page_use_row_slots (ST_LIST_PAGE (self));
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Translators: the status drop-down of the Units view: units of every status */
  all = C_("status filter", "All");
  _st_list_page_set_status_dropdown (ST_LIST_PAGE (self), self->status_dropdown, all,
                                     status_label, N_STATUSES);
  /* (The empty page is for an inventory without units, not for a status that has none.) */

  /* Several units can be selected, for an export; activating one opens its history. */
  column_view = _st_list_page_get_column_view (ST_LIST_PAGE (self));
  gtk_column_view_set_enable_rubberband (column_view, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (column_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Units"),
                                  -1);
  g_signal_connect_object (column_view, "activate", G_CALLBACK (activate_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (selection (self), "selection-changed",
                           G_CALLBACK (update_actions), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (selection (self), "items-changed",
                           G_CALLBACK (update_actions), self, G_CONNECT_SWAPPED);
  update_actions (self);

  /* Fixed widths: scrolling a million rows binds rows without measuring their text. */
  st_columns_append_field (column_view, _("Serial"), G_CALLBACK (st_unit_get_serial),
                           ST_FIELD_STRING, ST_COLUMN_TEXT, ST_SORT_SERIAL, 15);
  st_columns_append_field (column_view, _("SKU"), G_CALLBACK (st_unit_get_sku), ST_FIELD_STRING,
                           ST_COLUMN_TEXT, ST_SORT_DEFAULT, 12);
  st_columns_append_field (column_view, _("Item"), G_CALLBACK (st_unit_get_item_name),
                           ST_FIELD_STRING, ST_COLUMN_EXPAND, ST_SORT_DEFAULT, 16);
  st_columns_append_fixed (column_view, _("Status"), status_text,
                           ST_COLUMN_TEXT, ST_SORT_DEFAULT, 18);
  st_columns_append_field (column_view, _("Warehouse"), G_CALLBACK (st_unit_get_warehouse),
                           ST_FIELD_STRING, ST_COLUMN_TEXT, ST_SORT_DEFAULT, 17);
  received = st_columns_append_field (column_view, _("Received"),
                                      G_CALLBACK (st_unit_get_received_date), ST_FIELD_DATE,
                                      ST_COLUMN_NUMERIC, ST_SORT_RECEIVED, 10);
  st_columns_append_field (column_view, _("Cost"), G_CALLBACK (st_unit_get_cost), ST_FIELD_MONEY,
                           ST_COLUMN_NUMERIC, ST_SORT_DEFAULT, 9);
  st_columns_append_fixed (column_view, _("Price"), price_text,
                           ST_COLUMN_NUMERIC, ST_SORT_DEFAULT, 9);
  st_columns_append_field (column_view, _("Warranty Ends"), G_CALLBACK (st_unit_get_warranty_end),
                           ST_FIELD_DATE, ST_COLUMN_NUMERIC, ST_SORT_DEFAULT, 10);
  /* Newest first: what came in last is what one looks for, and units whose receipt was
   * voided (no received date) go to the end. */
  gtk_column_view_sort_by_column (column_view, received, GTK_SORT_DESCENDING);
  st_columns_follow_sorter (column_view);
}
