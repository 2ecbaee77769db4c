/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "st-serial-picker"

#include "config.h"

#include <glib/gi18n.h>

#include "st-columns.h"
#include "st-error.h"
#include "st-format.h"
#include "st-row-slots.h"
#include "st-serial-picker.h"

struct _StSerialPicker
{
  GtkWindow           parent_instance;

  /* Template widgets */
  GtkLabel           *title_label;
  GtkLabel           *subtitle_label;
  GtkButton          *ok_button;
  GtkSearchEntry     *filter_entry;
  GtkButton          *oldest_button;
  GtkButton          *clear_button;
  GtkLabel           *message_label;
  GtkColumnView      *column_view;
  GtkLabel           *count_label;
  GtkLabel           *available_label;

  /* Owned */
  StStore            *store;
  StItem             *item;
  StUnitQuery         query;             /* its strings are the four below */
  char               *warehouse;
  char               *sold_on_invoice;
  char               *received_on_bill;
  char               *received_on_bill_vendor;
  StListModel        *model;             /* shown: filtered and sorted */
  StRowSlots         *rows;              /* the view's rows over model */
  StListModel        *fifo;              /* unfiltered, first received first; on demand */
  GtkSingleSelection *cursor;            /* keyboard cursor only, not the choice */
  GHashTable         *selected;          /* gint64* unit id -> StUnit */
  GHashTable         *bound_checks;      /* GtkCheckButton set, the rows on screen */

  guint               quantity;
  gboolean            syncing;
};

G_DEFINE_FINAL_TYPE (StSerialPicker, st_serial_picker, GTK_TYPE_WINDOW)

enum {
  UNITS_CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_message (StSerialPicker *self,
              const char     *message)
{
  gtk_label_set_text (self->message_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);
}

/* The check boxes of the rows on screen follow the set; rows off screen do when bound. */
static void
sync_checks (StSerialPicker *self)
{
  GHashTableIter iter;
  gpointer check;

  self->syncing = TRUE;
  g_hash_table_iter_init (&iter, self->bound_checks);
  while (g_hash_table_iter_next (&iter, &check, NULL))
    {
      StUnit *unit = g_object_get_data (check, "st-unit");
      gint64 id = st_unit_get_id (unit);

      gtk_check_button_set_active (check, g_hash_table_contains (self->selected, &id));
    }
  self->syncing = FALSE;
}

static void
selection_changed (StSerialPicker *self)
{
  g_autofree char *count = NULL;
  guint n = g_hash_table_size (self->selected);

  /* Translators: "3 of 5 selected": units chosen (%1$u) of the line's quantity (%2$u); the
   * plural follows %2$u */
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%1$u of %2$u selected",
                                        "%1$u of %2$u selected", self->quantity),
                           n, self->quantity);
  gtk_label_set_text (self->count_label, count);

  if (n == self->quantity)
    gtk_widget_add_css_class (GTK_WIDGET (self->count_label), "success");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->count_label), "success");
  if (n > self->quantity)
    gtk_widget_add_css_class (GTK_WIDGET (self->count_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->count_label), "error");

  gtk_widget_set_sensitive (GTK_WIDGET (self->ok_button), self->quantity > 0 && n == self->quantity);
  gtk_widget_set_sensitive (GTK_WIDGET (self->clear_button), n > 0);
  sync_checks (self);
}

static void
select_unit (StSerialPicker *self,
             StUnit         *unit)
{
  gint64 id = st_unit_get_id (unit);

  g_hash_table_replace (self->selected, g_memdup2 (&id, sizeof id), g_object_ref (unit));
}

void
st_serial_picker_set_unit_selected (StSerialPicker *self,
                                    StUnit         *unit,
                                    gboolean        selected)
{
  gint64 id;

  g_return_if_fail (ST_IS_SERIAL_PICKER (self));
  g_return_if_fail (ST_IS_UNIT (unit));

  id = st_unit_get_id (unit);
  if (selected == g_hash_table_contains (self->selected, &id))
    return;

  if (selected)
    select_unit (self, unit);
  else
    g_hash_table_remove (self->selected, &id);

  selection_changed (self);
}

static void
toggle_unit (StSerialPicker *self,
             StUnit         *unit)
{
  st_serial_picker_set_unit_selected (self, unit,
                                      !st_serial_picker_is_selected (self, st_unit_get_id (unit)));
}

gboolean
st_serial_picker_is_selected (StSerialPicker *self,
                              gint64          unit_id)
{
  g_return_val_if_fail (ST_IS_SERIAL_PICKER (self), FALSE);

  return g_hash_table_contains (self->selected, &unit_id);
}

guint
st_serial_picker_get_n_selected (StSerialPicker *self)
{
  g_return_val_if_fail (ST_IS_SERIAL_PICKER (self), 0);

  return g_hash_table_size (self->selected);
}

/* First received first, as the list's default order (received date, then id). */
static int
compare_fifo (gconstpointer a,
              gconstpointer b)
{
  StUnit *ua = *(StUnit **) a;
  StUnit *ub = *(StUnit **) b;
  int cmp = g_strcmp0 (st_unit_get_received_date (ua), st_unit_get_received_date (ub));
  gint64 ia, ib;

  if (cmp != 0)
    return cmp;
  ia = st_unit_get_id (ua);
  ib = st_unit_get_id (ub);
  return ia < ib ? -1 : ia > ib;
}

GPtrArray *
st_serial_picker_get_selected (StSerialPicker *self)
{
  GPtrArray *units;
  GHashTableIter iter;
  gpointer unit;

  g_return_val_if_fail (ST_IS_SERIAL_PICKER (self), NULL);

  units = g_ptr_array_new_full (g_hash_table_size (self->selected), g_object_unref);
  g_hash_table_iter_init (&iter, self->selected);
  while (g_hash_table_iter_next (&iter, NULL, &unit))
    g_ptr_array_add (units, g_object_ref (unit));
  g_ptr_array_sort (units, compare_fifo);

  return units;
}

void
st_serial_picker_set_selected (StSerialPicker *self,
                               GPtrArray      *units)
{
  g_return_if_fail (ST_IS_SERIAL_PICKER (self));

  g_hash_table_remove_all (self->selected);
  for (guint i = 0; units != NULL && i < units->len; i++)
    select_unit (self, g_ptr_array_index (units, i));
  selection_changed (self);
}

void
st_serial_picker_clear (StSerialPicker *self)
{
  g_return_if_fail (ST_IS_SERIAL_PICKER (self));

  g_hash_table_remove_all (self->selected);
  show_message (self, NULL);
  selection_changed (self);
}

/* Keeps what was picked by hand and fills up to the quantity with the first received of the
 * others. */
void
st_serial_picker_select_oldest (StSerialPicker *self)
{
  guint n_units, n_available, i;

  g_return_if_fail (ST_IS_SERIAL_PICKER (self));

  /* The first rows of the unfiltered FIFO list: a page or two read, whatever its size. */
  if (self->fifo == NULL)
    self->fifo = st_store_list_units (self->store, &self->query);
  n_units = g_list_model_get_n_items (G_LIST_MODEL (self->fifo));
  for (i = 0; i < n_units && g_hash_table_size (self->selected) < self->quantity; i++)
    {
      g_autoptr(StUnit) unit = g_list_model_get_item (G_LIST_MODEL (self->fifo), i);

      if (unit != NULL && !st_serial_picker_is_selected (self, st_unit_get_id (unit)))
        select_unit (self, unit);
    }

  n_available = MAX (n_units, g_hash_table_size (self->selected));
  if (n_available < self->quantity)
    {
      g_autofree char *message = NULL;

      message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              /* Translators: %u is the number of units that
                                               * can be chosen */
                                              "Only %u unit is available.",
                                              "Only %u units are available.", n_available),
                                 n_available);
      show_message (self, message);
    }
  else
    show_message (self, NULL);

  selection_changed (self);
}

/* Why @unit is not one of the eligible units, as a whole sentence; NULL when it is. */
static char *
ineligible_reason (StSerialPicker *self,
                   StUnit         *unit,
                   const char     *serial)
{
  StUnitStatus status = st_unit_get_status (unit);

  if (self->query.item_id != 0 && st_unit_get_item_id (unit) != self->query.item_id)
    /* Translators: %1$s is a serial, %2$s an item's SKU */
    return g_strdup_printf (_("Serial “%1$s” is not available here: it is a unit of %2$s."),
                            serial, st_unit_get_sku (unit));

  if (self->sold_on_invoice != NULL
      && (status != ST_UNIT_SOLD
          || g_strcmp0 (st_unit_get_invoice (unit), self->sold_on_invoice) != 0))
    /* Translators: %1$s is a serial, %2$s an invoice number */
    return g_strdup_printf (_("Serial “%1$s” is not available here: it is not sold on %2$s."),
                            serial, self->sold_on_invoice);

  if (self->received_on_bill != NULL
      && (st_unit_get_received_kind (unit) != ST_DOC_BILL
          || g_strcmp0 (st_unit_get_received_doc (unit), self->received_on_bill) != 0))
    /* Translators: %1$s is a serial, %2$s a bill number */
    return g_strdup_printf (_("Serial “%1$s” is not available here: it was not received on "
                              "%2$s."),
                            serial, self->received_on_bill);

  if ((self->query.status >= 0 && (int) status != self->query.status)
      || (self->received_on_bill != NULL && status != ST_UNIT_IN_STOCK))
    /* Translators: %1$s is a serial, %2$s a unit status such as "Sold" */
    return g_strdup_printf (_("Serial “%1$s” is not available here: its status is %2$s."),
                            serial, st_unit_status_to_label (status));

  if (self->warehouse != NULL && g_strcmp0 (st_unit_get_warehouse (unit), self->warehouse) != 0)
    /* Translators: %1$s is a serial, %2$s a warehouse name */
    return g_strdup_printf (_("Serial “%1$s” is not available here: it is at %2$s."),
                            serial, st_unit_get_warehouse (unit));

  return NULL;
}

static StUnit *
find_unit (StSerialPicker  *self,
           const char      *serial,
           GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  StUnit *unit;

  unit = st_store_find_unit (self->store, serial,
                             self->item != NULL ? st_item_get_sku (self->item) : NULL,
                             &local_error);
  if (unit == NULL && self->item == NULL
      && g_error_matches (local_error, ST_ERROR, ST_ERROR_DUPLICATE))
    {
      /* The serial exists for several items: ours is among the eligible units, if at all. */
      StUnitQuery query = self->query;
      g_autoptr(GPtrArray) found = NULL;

      g_clear_error (&local_error);
      found = st_store_search_units (self->store, serial, 50, &local_error);
      for (guint i = 0; found != NULL && i < found->len; i++)
        {
          StUnit *candidate = g_ptr_array_index (found, i);

          if (st_unit_get_item_id (candidate) == query.item_id)
            return g_object_ref (candidate);
        }
    }

  if (unit == NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return unit;
}

gboolean
st_serial_picker_select_serial (StSerialPicker  *self,
                                const char      *serial,
                                GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(StUnit) unit = NULL;
  g_autofree char *clean = NULL;
  g_autofree char *reason = NULL;

  g_return_val_if_fail (ST_IS_SERIAL_PICKER (self), FALSE);
  g_return_val_if_fail (serial != NULL, FALSE);

  clean = g_strstrip (g_strdup (serial));
  unit = find_unit (self, clean, &local_error);
  if (unit == NULL)
    {
      if (g_error_matches (local_error, ST_ERROR, ST_ERROR_NOT_FOUND))
        {
          g_clear_error (&local_error);
          g_set_error (&local_error, ST_ERROR, ST_ERROR_NOT_FOUND,
                       /* Translators: %s is a serial */
                       _("Serial “%s” is not available here: there is no such unit of this "
                         "item."),
                       clean);
        }
      show_message (self, local_error->message);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  reason = ineligible_reason (self, unit, clean);
  if (reason != NULL)
    {
      int code = (self->sold_on_invoice != NULL || self->received_on_bill != NULL)
                 ? ST_ERROR_NOT_ON_DOCUMENT : ST_ERROR_NOT_IN_STOCK;

      show_message (self, reason);
      g_set_error_literal (error, ST_ERROR, code, reason);
      return FALSE;
    }

  show_message (self, NULL);
  st_serial_picker_set_unit_selected (self, unit, TRUE);

  /* Bring the chosen row into view when it is in the list as filtered. */
  {
    gint64 position = st_list_model_find_id (self->model, st_unit_get_id (unit));

    if (position >= 0)
      gtk_widget_activate_action (GTK_WIDGET (self->column_view), "list.scroll-to-item", "u",
                                  (guint) position);
  }

  return TRUE;
}

/* The model re-reads itself on a new filter or sort.  The view's rows are StRowSlots over
 * it: the same rows (and row widgets) show the new units, only a change of length is
 * announced, and the view reads only the rows it has.  (Handed "every row removed, every row
 * added", GTK 4.8 destroyed its ~200 row widgets and built them again: 100 ms a keystroke;
 * handed the rows off the view and back, the same.)  The keyboard cursor meant a unit that
 * is gone: no row has it. */
static void
rows_replaced (StSerialPicker *self)
{
  st_row_slots_reload (self->rows);
  gtk_single_selection_set_selected (self->cursor, GTK_INVALID_LIST_POSITION);
}

static void
sorter_changed_cb (StSerialPicker *self)
{
  gboolean descending;
  StSortKey key = st_columns_get_sort (self->column_view, &descending);

  st_list_model_set_sort (self->model, key, descending);
  rows_replaced (self);
}

void
st_serial_picker_set_filter (StSerialPicker *self,
                             const char     *text)
{
  g_return_if_fail (ST_IS_SERIAL_PICKER (self));

  if (text != NULL && text[0] == '\0')
    text = NULL;
  if (g_strcmp0 (text, st_list_model_get_filter (self->model)) == 0)
    return;

  st_list_model_set_filter (self->model, text);
  rows_replaced (self);
}

StListModel *
st_serial_picker_get_model (StSerialPicker *self)
{
  g_return_val_if_fail (ST_IS_SERIAL_PICKER (self), NULL);

  return self->model;
}

guint
st_serial_picker_get_quantity (StSerialPicker *self)
{
  g_return_val_if_fail (ST_IS_SERIAL_PICKER (self), 0);

  return self->quantity;
}

void
st_serial_picker_set_item (StSerialPicker *self,
                           StItem         *item)
{
  g_autofree char *subtitle = NULL;

  g_return_if_fail (ST_IS_SERIAL_PICKER (self));
  g_return_if_fail (item == NULL || ST_IS_ITEM (item));

  g_set_object (&self->item, item);
  if (item == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), FALSE);
      return;
    }

  /* Translators: the picker's subtitle, %1$s is a SKU, %2$s an item name */
  subtitle = g_strdup_printf (_("%1$s — %2$s"), st_item_get_sku (item), st_item_get_name (item));
  gtk_label_set_text (self->subtitle_label, subtitle);
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), TRUE);
}

/* Template callbacks. */

static void
ok_clicked_cb (StSerialPicker *self)
{
  g_autoptr(GPtrArray) units = NULL;

  if (g_hash_table_size (self->selected) != self->quantity)
    return;

  units = st_serial_picker_get_selected (self);
  g_signal_emit (self, signals[UNITS_CHOSEN], 0, units);
  gtk_window_close (GTK_WINDOW (self));
}

static void
filter_changed_cb (StSerialPicker *self)
{
  st_serial_picker_set_filter (self, gtk_editable_get_text (GTK_EDITABLE (self->filter_entry)));
}

/* Enter in the filter field: a scanned (or typed) serial chooses its unit and the field is
 * cleared for the next one; an empty field's Enter is OK. */
static void
filter_activate_cb (StSerialPicker *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->filter_entry))));
  g_autoptr(GError) error = NULL;

  if (text[0] == '\0')
    {
      if (gtk_widget_get_sensitive (GTK_WIDGET (self->ok_button)))
        gtk_widget_activate (GTK_WIDGET (self->ok_button));
      return;
    }

  if (!st_serial_picker_select_serial (self, text, &error))
    {
      /* A part of a serial that the filter narrowed down to one row chooses that row. */
      if (g_error_matches (error, ST_ERROR, ST_ERROR_NOT_FOUND)
          && g_strcmp0 (st_list_model_get_filter (self->model), text) == 0
          && g_list_model_get_n_items (G_LIST_MODEL (self->model)) == 1)
        {
          g_autoptr(StUnit) unit = g_list_model_get_item (G_LIST_MODEL (self->model), 0);

          show_message (self, NULL);
          st_serial_picker_set_unit_selected (self, unit, TRUE);
        }
    }

  gtk_editable_set_text (GTK_EDITABLE (self->filter_entry), "");
  st_serial_picker_set_filter (self, NULL);
}

static void
filter_stop_cb (StSerialPicker *self)
{
  if (gtk_editable_get_text (GTK_EDITABLE (self->filter_entry))[0] != '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->filter_entry), "");
  else
    gtk_window_close (GTK_WINDOW (self));
}

static void
oldest_clicked_cb (StSerialPicker *self)
{
  st_serial_picker_select_oldest (self);
}

static void
clear_clicked_cb (StSerialPicker *self)
{
  st_serial_picker_clear (self);
}

static void
row_activated_cb (StSerialPicker *self,
                  guint           position)
{
  g_autoptr(StUnit) unit = g_list_model_get_item (G_LIST_MODEL (self->model), position);

  if (unit != NULL)
    toggle_unit (self, unit);
}

/* Space on the keyboard cursor's row chooses it, as Enter does. */
static gboolean
list_key_pressed_cb (StSerialPicker        *self,
                     guint                  keyval,
                     guint                  keycode,
                     GdkModifierType        state,
                     GtkEventControllerKey *controller)
{
  StUnit *unit;

  if (keyval != GDK_KEY_space && keyval != GDK_KEY_KP_Space)
    return FALSE;
  if (GTK_IS_CHECK_BUTTON (gtk_root_get_focus (GTK_ROOT (self))))
    return FALSE;

  unit = st_row_slots_unwrap (gtk_single_selection_get_selected_item (self->cursor));
  if (unit == NULL)
    return FALSE;

  toggle_unit (self, unit);
  return TRUE;
}

/* The check box column. */

static void
check_toggled_cb (GtkCheckButton *check,
                  StSerialPicker *self)
{
  StUnit *unit = g_object_get_data (G_OBJECT (check), "st-unit");

  if (self->syncing || unit == NULL)
    return;

  st_serial_picker_set_unit_selected (self, unit, gtk_check_button_get_active (check));
}

static void
check_setup_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                StSerialPicker           *self)
{
  GtkWidget *check = gtk_check_button_new ();

  gtk_widget_set_halign (check, GTK_ALIGN_CENTER);
  g_signal_connect_object (check, "toggled", G_CALLBACK (check_toggled_cb), self, 0);
  gtk_list_item_set_child (list_item, check);
}

static void
check_show_unit (StSerialPicker *self,
                 GtkListItem    *list_item)
{
  GtkWidget *check = gtk_list_item_get_child (list_item);
  StUnit *unit = st_row_slots_unwrap (gtk_list_item_get_item (list_item));
  g_autofree char *label = NULL;
  gint64 id;

  if (unit == NULL)
    {
      g_hash_table_remove (self->bound_checks, check);
      g_object_set_data (G_OBJECT (check), "st-unit", NULL);
      return;
    }

  id = st_unit_get_id (unit);
  g_object_set_data_full (G_OBJECT (check), "st-unit", g_object_ref (unit), g_object_unref);
  g_hash_table_add (self->bound_checks, check);

  self->syncing = TRUE;
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                               g_hash_table_contains (self->selected, &id));
  self->syncing = FALSE;

  /* Translators: the accessible name of a row's check box, %s is a serial */
  label = g_strdup_printf (_("Choose %s"), st_unit_get_serial (unit));
  gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

/* The row's slot shows another unit now (a new filter or sort). */
static void
check_slot_changed_cb (gpointer data)
{
  GtkListItem *list_item = data;
  StSerialPicker *self = g_object_get_data (G_OBJECT (list_item), "st-picker");

  check_show_unit (self, list_item);
}

static void
check_bind_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               StSerialPicker           *self)
{
  gpointer item = gtk_list_item_get_item (list_item);

  if (item != NULL && ST_IS_ROW_SLOT (item))
    {
      g_object_set_data (G_OBJECT (list_item), "st-picker", self);
      st_row_slot_watch (item, check_slot_changed_cb, list_item);
    }
  check_show_unit (self, list_item);
}

static void
check_unbind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 StSerialPicker           *self)
{
  GtkWidget *check = gtk_list_item_get_child (list_item);
  gpointer item = gtk_list_item_get_item (list_item);

  if (item != NULL && ST_IS_ROW_SLOT (item))
    st_row_slot_unwatch (item, check_slot_changed_cb, list_item);

  g_hash_table_remove (self->bound_checks, check);
  g_object_set_data (G_OBJECT (check), "st-unit", NULL);
}

static void
check_teardown_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *list_item,
                   StSerialPicker           *self)
{
  GtkWidget *check = gtk_list_item_get_child (list_item);

  if (check != NULL && self->bound_checks != NULL)
    g_hash_table_remove (self->bound_checks, check);
}

/* Text columns. */

static char *
age_text (gpointer item)
{
  const char *received = st_unit_get_received_date (item);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GDate then, today;
  int days;

  if (received == NULL)
    return g_strdup ("");

  g_date_clear (&then, 1);
  g_date_set_parse (&then, received);
  if (!g_date_valid (&then))
    return g_strdup ("");

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now),
                  g_date_time_get_month (now), g_date_time_get_year (now));
  days = MAX (0, g_date_days_between (&then, &today));

  /* Translators: a unit's age in stock */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day", "%d days", days), days);
}

static void
update_available (StSerialPicker *self)
{
  g_autofree char *available = NULL;
  g_autofree char *oldest = NULL;
  /* Called before any filter: the shown list is every eligible unit. */
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->model));

  /* Translators: %u is the number of units that can be chosen */
  available = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u unit available",
                                            "%u units available", n),
                               n);
  gtk_label_set_text (self->available_label, available);

  /* Translators: a button that chooses the N units received first; keep the underscore */
  oldest = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "_Select Oldest %u",
                                         "_Select Oldest %u", self->quantity),
                            self->quantity);
  gtk_button_set_label (self->oldest_button, oldest);
  gtk_widget_set_sensitive (GTK_WIDGET (self->oldest_button), n > 0 && self->quantity > 0);
}

static void
build_columns (StSerialPicker *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;

  g_signal_connect (factory, "setup", G_CALLBACK (check_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (check_bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (check_unbind_cb), self);
  g_signal_connect (factory, "teardown", G_CALLBACK (check_teardown_cb), self);
  column = gtk_column_view_column_new (NULL, g_steal_pointer (&factory));
  gtk_column_view_append_column (self->column_view, column);
  g_object_unref (column);

  /* Fixed widths: a new filter rebinds the rows without measuring their text. */
  st_columns_append_field (self->column_view, _("Serial"), G_CALLBACK (st_unit_get_serial),
                           ST_FIELD_STRING, ST_COLUMN_EXPAND, ST_SORT_SERIAL, 18);
  st_columns_append_field (self->column_view, _("Received"),
                           G_CALLBACK (st_unit_get_received_date), ST_FIELD_DATE, ST_COLUMN_TEXT,
                           ST_SORT_RECEIVED, 11);
  st_columns_append_field (self->column_view, _("Bill"), G_CALLBACK (st_unit_get_received_doc),
                           ST_FIELD_STRING, ST_COLUMN_DIM, ST_SORT_DEFAULT, 12);
  st_columns_append_field (self->column_view, _("Cost"), G_CALLBACK (st_unit_get_cost),
                           ST_FIELD_MONEY, ST_COLUMN_NUMERIC, ST_SORT_COST, 10);
  st_columns_append_fixed (self->column_view, _("Age"), age_text, ST_COLUMN_NUMERIC,
                           ST_SORT_RECEIVED, 9);
  /* Not st_columns_follow_sorter(): the model must be off the view while it re-sorts. */
  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (sorter_changed_cb), self, G_CONNECT_SWAPPED);
}

StSerialPicker *
st_serial_picker_new (GtkWindow         *parent,
                      StStore           *store,
                      const StUnitQuery *query,
                      guint              quantity)
{
  StSerialPicker *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (ST_IS_STORE (store), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  self = g_object_new (ST_TYPE_SERIAL_PICKER,
                       "transient-for", parent,
                       NULL);
  self->store = g_object_ref (store);
  self->quantity = quantity;
  self->warehouse = g_strdup (query->warehouse);
  self->sold_on_invoice = g_strdup (query->sold_on_invoice);
  self->received_on_bill = g_strdup (query->received_on_bill);
  self->received_on_bill_vendor = g_strdup (query->received_on_bill_vendor);
  self->query = *query;
  self->query.warehouse = self->warehouse;
  self->query.sold_on_invoice = self->sold_on_invoice;
  self->query.received_on_bill = self->received_on_bill;
  self->query.received_on_bill_vendor = self->received_on_bill_vendor;

  self->model = st_store_list_units (store, &self->query);
  self->rows = st_row_slots_new (G_LIST_MODEL (self->model));
  self->cursor = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->rows)));
  gtk_single_selection_set_autoselect (self->cursor, FALSE);
  gtk_single_selection_set_can_unselect (self->cursor, TRUE);
  /* The cursor is not the choice: no row looks chosen until the user moves there. */
  gtk_single_selection_set_selected (self->cursor, GTK_INVALID_LIST_POSITION);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->cursor));

  update_available (self);
  selection_changed (self);

  return self;
}

static void
st_serial_picker_dispose (GObject *object)
{
  StSerialPicker *self = ST_SERIAL_PICKER (object);

  if (self->column_view != NULL)
    gtk_column_view_set_model (self->column_view, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), ST_TYPE_SERIAL_PICKER);

  g_clear_object (&self->cursor);
  g_clear_object (&self->rows);
  g_clear_object (&self->model);
  g_clear_object (&self->fifo);
  g_clear_object (&self->item);
  g_clear_object (&self->store);
  g_clear_pointer (&self->selected, g_hash_table_unref);
  g_clear_pointer (&self->bound_checks, g_hash_table_unref);

  G_OBJECT_CLASS (st_serial_picker_parent_class)->dispose (object);
}

static void
st_serial_picker_finalize (GObject *object)
{
  StSerialPicker *self = ST_SERIAL_PICKER (object);

  g_free (self->warehouse);
  g_free (self->sold_on_invoice);
  g_free (self->received_on_bill);
  g_free (self->received_on_bill_vendor);

  G_OBJECT_CLASS (st_serial_picker_parent_class)->finalize (object);
}

static void
st_serial_picker_class_init (StSerialPickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = st_serial_picker_dispose;
  object_class->finalize = st_serial_picker_finalize;

  /**
   * StSerialPicker::units-chosen:
   * @units: (element-type StUnit): the chosen units, first received first
   */
  signals[UNITS_CHOSEN] =
    g_signal_new ("units-chosen",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_PTR_ARRAY);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/SerialTrack/st-serial-picker.ui");
  gtk_widget_class_bind_template_child (widget_class, StSerialPicker, title_label);
  gtk_widget_class_bind_template_child (widget_class, StSerialPicker, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, StSerialPicker, ok_button);
  gtk_widget_class_bind_template_child (widget_class, StSerialPicker, filter_entry);
  gtk_widget_class_bind_template_child (widget_class, StSerialPicker, oldest_button);
  gtk_widget_class_bind_template_child (widget_class, StSerialPicker, clear_button);
  gtk_widget_class_bind_template_child (widget_class, StSerialPicker, message_label);
  gtk_widget_class_bind_template_child (widget_class, StSerialPicker, column_view);
  gtk_widget_class_bind_template_child (widget_class, StSerialPicker, count_label);
  gtk_widget_class_bind_template_child (widget_class, StSerialPicker, available_label);
  gtk_widget_class_bind_template_callback (widget_class, ok_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_stop_cb);
  gtk_widget_class_bind_template_callback (widget_class, oldest_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, clear_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
st_serial_picker_init (StSerialPicker *self)
{
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->selected = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  self->bound_checks = g_hash_table_new (NULL, NULL);

  gtk_search_entry_set_search_delay (self->filter_entry, 100);
  gtk_search_entry_set_key_capture_widget (self->filter_entry, GTK_WIDGET (self->column_view));

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (list_key_pressed_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->column_view), keys);

  build_columns (self);
}
