/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "st-service-close-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "st-parse.h"
#include "st-serial-picker.h"
#include "st-service-close-dialog.h"
#include "st-service-step-run.h"

struct _StServiceCloseDialog
{
  GtkWindow       parent_instance;

  /* Template widgets */
  GtkCheckButton *repaired_check;
  GtkCheckButton *unrepaired_check;
  GtkCheckButton *replaced_check;
  GtkCheckButton *refunded_check;
  GtkWidget      *replacement_box;
  GtkDropDown    *item_dropdown;
  GtkWidget      *choose_button;
  GtkLabel       *replacement_label;
  GtkCheckButton *restart_check;
  GtkLabel       *charge_title;
  GtkEntry       *charge_entry;
  GtkEntry       *date_entry;
  GtkLabel       *error_label;

  /* Owned */
  StStore        *store;
  StServiceCase  *sc;
  GPtrArray      *items;        /* StItem: the serial-tracked items, as in the drop-down */
  char           *replacement;  /* the serial chosen, or NULL: the oldest in stock */
};

G_DEFINE_FINAL_TYPE (StServiceCloseDialog, st_service_close_dialog, GTK_TYPE_WINDOW)

enum {
  CASE_CLOSED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static StServiceResolution
resolution (StServiceCloseDialog *self)
{
  if (gtk_check_button_get_active (self->unrepaired_check))
    return ST_RESOLUTION_UNREPAIRED;
  if (gtk_check_button_get_active (self->replaced_check))
    return ST_RESOLUTION_REPLACED;
  if (gtk_check_button_get_active (self->refunded_check))
    return ST_RESOLUTION_REFUNDED;
  return ST_RESOLUTION_REPAIRED;
}

static StItem *
selected_item (StServiceCloseDialog *self)
{
  guint selected = gtk_drop_down_get_selected (self->item_dropdown);

  if (self->items == NULL || selected >= self->items->len)
    return NULL;
  return g_ptr_array_index (self->items, selected);
}

static void
update_replacement_label (StServiceCloseDialog *self)
{
  g_autofree char *text = NULL;

  if (self->replacement != NULL)
    /* Translators: the replacement unit chosen in Close Service Case; %s is its serial */
    text = g_strdup_printf (_("Replacement: %s"), self->replacement);
  else
    text = g_strdup (_("Replacement: the oldest unit in stock at the service desk"));
  gtk_label_set_text (self->replacement_label, text);
}

static void
resolution_toggled_cb (StServiceCloseDialog *self)
{
  StServiceResolution r = resolution (self);

  gtk_widget_set_visible (self->replacement_box, r == ST_RESOLUTION_REPLACED);
  /* A refund pays the unit's price back: there is nothing to charge. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->charge_entry), r != ST_RESOLUTION_REFUNDED);
  gtk_widget_set_sensitive (GTK_WIDGET (self->charge_title), r != ST_RESOLUTION_REFUNDED);
}

static void
item_changed_cb (StServiceCloseDialog *self)
{
  g_clear_pointer (&self->replacement, g_free);
  update_replacement_label (self);
}

static void
units_chosen_cb (StServiceCloseDialog *self,
                 GPtrArray            *units)
{
  g_clear_pointer (&self->replacement, g_free);
  if (units != NULL && units->len > 0)
    self->replacement = g_strdup (st_unit_get_serial (g_ptr_array_index (units, 0)));
  update_replacement_label (self);
}

GtkWindow *
st_service_close_dialog_choose (StServiceCloseDialog *self)
{
  StUnitQuery query = { .status = ST_UNIT_IN_STOCK };
  StItem *item;
  StSerialPicker *picker;

  g_return_val_if_fail (ST_IS_SERVICE_CLOSE_DIALOG (self), NULL);

  item = selected_item (self);
  if (item == NULL)
    return NULL;
  query.item_id = st_item_get_id (item);
  query.warehouse = st_service_case_get_warehouse (self->sc);
  picker = st_serial_picker_new (GTK_WINDOW (self), self->store, &query, 1);
  st_serial_picker_set_item (picker, item);
  g_signal_connect_object (picker, "units-chosen", G_CALLBACK (units_chosen_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (picker));
  return GTK_WINDOW (picker);
}

static void
choose_clicked_cb (StServiceCloseDialog *self)
{
  st_service_close_dialog_choose (self);
}

gboolean
st_service_close_dialog_apply (StServiceCloseDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *charge_text = NULL;
  StServiceStep *step;
  StItem *item;
  gint64 charge = 0;

  g_return_val_if_fail (ST_IS_SERVICE_CLOSE_DIALOG (self), FALSE);

  if (st_service_step_dialog_is_busy (GTK_WINDOW (self)))
    return FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  charge_text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->charge_entry))));
  if (*charge_text != '\0' && resolution (self) != ST_RESOLUTION_REFUNDED
      /* Translators: the field named in an error about the charge of a service case */
      && !st_money_parse (charge_text, _("charge"), &charge, &error))
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return FALSE;
    }

  switch (resolution (self))
    {
    case ST_RESOLUTION_REPLACED:
      step = st_service_step_new (ST_SERVICE_STEP_REPLACE, st_service_case_get_number (self->sc));
      item = selected_item (self);
      step->serial = g_strdup (self->replacement);
      step->sku = item != NULL ? g_strdup (st_item_get_sku (item)) : NULL;
      step->restart_warranty = gtk_check_button_get_active (self->restart_check);
      break;

    case ST_RESOLUTION_REFUNDED:
      step = st_service_step_new (ST_SERVICE_STEP_REFUND, st_service_case_get_number (self->sc));
      break;

    case ST_RESOLUTION_UNREPAIRED:
    case ST_RESOLUTION_REPAIRED:
    case ST_RESOLUTION_NONE:
    default:
      step = st_service_step_new (ST_SERVICE_STEP_CLOSE, st_service_case_get_number (self->sc));
      step->resolution = resolution (self);
      break;
    }
  step->charge = charge;
  step->date = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->date_entry))));
  st_service_step_run_for_dialog (GTK_WINDOW (self), self->store, step, self->error_label,
                                  signals[CASE_CLOSED]);
  return TRUE;
}

static void
close_clicked_cb (StServiceCloseDialog *self)
{
  st_service_close_dialog_apply (self);
}

void
st_service_close_dialog_set_resolution (StServiceCloseDialog *self,
                                        StServiceResolution   r)
{
  g_return_if_fail (ST_IS_SERVICE_CLOSE_DIALOG (self));

  switch (r)
    {
    case ST_RESOLUTION_UNREPAIRED:
      gtk_check_button_set_active (self->unrepaired_check, TRUE);
      break;
    case ST_RESOLUTION_REPLACED:
      gtk_check_button_set_active (self->replaced_check, TRUE);
      break;
    case ST_RESOLUTION_REFUNDED:
      gtk_check_button_set_active (self->refunded_check, TRUE);
      break;
    case ST_RESOLUTION_REPAIRED:
    case ST_RESOLUTION_NONE:
    default:
      gtk_check_button_set_active (self->repaired_check, TRUE);
      break;
    }
}

const char *
st_service_close_dialog_get_replacement (StServiceCloseDialog *self)
{
  g_return_val_if_fail (ST_IS_SERVICE_CLOSE_DIALOG (self), NULL);

  return self->replacement;
}

StServiceCloseDialog *
st_service_close_dialog_new (GtkWindow     *parent,
                             StStore       *store,
                             StServiceCase *sc)
{
  StServiceCloseDialog *self;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *today = st_date_today ();
  guint selected = 0;

  g_return_val_if_fail (ST_IS_STORE (store), NULL);
  g_return_val_if_fail (ST_IS_SERVICE_CASE (sc), NULL);

  self = g_object_new (ST_TYPE_SERVICE_CLOSE_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->sc = g_object_ref (sc);
  gtk_editable_set_text (GTK_EDITABLE (self->date_entry), today);

  /* The replacement: a serial-tracked item, the faulty unit's by default. */
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  items = st_store_list_all_items (store, NULL);
  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      StItem *item = g_ptr_array_index (items, i);
      g_autofree char *name = NULL;

      if (st_item_get_tracking (item) != ST_TRACKING_SERIAL)
        continue;
      if (g_strcmp0 (st_item_get_sku (item), st_service_case_get_sku (sc)) == 0)
        selected = self->items->len;
      /* Translators: an item in a drop-down: SKU (%1$s) and name (%2$s) */
      name = g_strdup_printf (_("%1$s — %2$s"), st_item_get_sku (item), st_item_get_name (item));
      gtk_string_list_append (names, name);
      g_ptr_array_add (self->items, g_object_ref (item));
    }
  gtk_drop_down_set_model (self->item_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->item_dropdown, selected);
  g_clear_pointer (&self->replacement, g_free);
  update_replacement_label (self);
  return self;
}

static void
st_service_close_dialog_dispose (GObject *object)
{
  StServiceCloseDialog *self = ST_SERVICE_CLOSE_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ST_TYPE_SERVICE_CLOSE_DIALOG);
  g_clear_object (&self->store);
  g_clear_object (&self->sc);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->replacement, g_free);

  G_OBJECT_CLASS (st_service_close_dialog_parent_class)->dispose (object);
}

static void
st_service_close_dialog_class_init (StServiceCloseDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = st_service_close_dialog_dispose;

  signals[CASE_CLOSED] =
    g_signal_new ("case-closed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, ST_TYPE_SERVICE_CASE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/SerialTrack/"
                                               "st-service-close-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, StServiceCloseDialog, repaired_check);
  gtk_widget_class_bind_template_child (widget_class, StServiceCloseDialog, unrepaired_check);
  gtk_widget_class_bind_template_child (widget_class, StServiceCloseDialog, replaced_check);
  gtk_widget_class_bind_template_child (widget_class, StServiceCloseDialog, refunded_check);
  gtk_widget_class_bind_template_child (widget_class, StServiceCloseDialog, replacement_box);
  gtk_widget_class_bind_template_child (widget_class, StServiceCloseDialog, item_dropdown);
  gtk_widget_class_bind_template_child (widget_class, StServiceCloseDialog, choose_button);
  gtk_widget_class_bind_template_child (widget_class, StServiceCloseDialog, replacement_label);
  gtk_widget_class_bind_template_child (widget_class, StServiceCloseDialog, restart_check);
  gtk_widget_class_bind_template_child (widget_class, StServiceCloseDialog, charge_title);
  gtk_widget_class_bind_template_child (widget_class, StServiceCloseDialog, charge_entry);
  gtk_widget_class_bind_template_child (widget_class, StServiceCloseDialog, date_entry);
  gtk_widget_class_bind_template_child (widget_class, StServiceCloseDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, resolution_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, item_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, choose_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, close_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
st_service_close_dialog_init (StServiceCloseDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
