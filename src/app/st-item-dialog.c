/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "st-item-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <langinfo.h>

#include "st-error.h"
#include "st-format.h"
#include "st-item-dialog.h"
#include "st-parse.h"
#include "st-store-editing.h"

struct _StItemDialog
{
  StEditDialog    parent_instance;

  /* Template widgets */
  GtkEntry       *sku_entry;
  GtkEntry       *name_entry;
  GtkEntry       *unit_entry;
  GtkEntry       *price_entry;
  GtkEntry       *cost_entry;
  GtkCheckButton *serial_check;
  GtkWidget      *format_label;
  GtkDropDown    *format_dropdown;
  GtkSpinButton  *warranty_spin;
};

G_DEFINE_FINAL_TYPE (StItemDialog, st_item_dialog, ST_TYPE_EDIT_DIALOG)

/* The forms accept the locale's decimal point as well as the dot st_money_parse() wants. */
static gboolean
parse_amount (GtkEntry    *entry,
              const char  *field,
              gint64      *cents,
              GError     **error)
{
  g_autofree char *text = NULL;
  const char *radix;

  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  if (*text == '\0')
    {
      *cents = 0;
      return TRUE;
    }

  radix = nl_langinfo (RADIXCHAR);
  if (radix != NULL && radix[0] != '.' && radix[0] != '\0' && radix[1] == '\0')
    g_strdelimit (text, radix, '.');

  return st_money_parse (text, field, cents, error);
}

/* What the worker writes: a new item from @spec, or the item @old_sku changed to @spec (every
 * field as the form shows it; the tracking is the item's own).  The strings are owned. */
typedef struct
{
  char       *old_sku;   /* NULL: a new item */
  char       *sku;
  char       *name;
  char       *unit;
  StItemSpec  spec;      /* its strings point into the ones above */
  gboolean    set_format;
} ItemCall;

static void
item_call_free (ItemCall *call)
{
  g_free (call->old_sku);
  g_free (call->sku);
  g_free (call->name);
  g_free (call->unit);
  g_free (call);
}

static gpointer
item_call_run (StStore       *connection,
               gpointer       data,
               GCancellable  *cancellable,
               GError       **error)
{
  ItemCall *call = data;
  StItemEdit edit = { 0 };

  if (call->old_sku == NULL)
    return st_store_add_item (connection, &call->spec, error);

  edit.sku = call->spec.sku;
  edit.name = call->spec.name;
  edit.unit = call->spec.unit;
  edit.set_price = edit.set_cost = edit.set_warranty = TRUE;
  edit.price = call->spec.price;
  edit.cost = call->spec.cost;
  edit.warranty_months = call->spec.warranty_months;
  edit.set_format = call->set_format;
  edit.serial_format = call->spec.serial_format;
  return st_store_edit_item (connection, call->old_sku, &edit, error);
}

static gboolean
st_item_dialog_prepare (StEditDialog    *dialog,
                        StStoreRunFunc  *run,
                        gpointer        *data,
                        GDestroyNotify  *data_free,
                        GtkWidget      **field,
                        GError         **error)
{
  StItemDialog *self = ST_ITEM_DIALOG (dialog);
  StItem *editing = st_edit_dialog_get_editing (dialog);
  g_autofree char *unit = NULL;
  ItemCall *call;
  StItemSpec spec = { 0 };

  if (!parse_amount (self->price_entry, _("Price"), &spec.price, error))
    {
      *field = GTK_WIDGET (self->price_entry);
      return FALSE;
    }
  if (!parse_amount (self->cost_entry, _("Cost"), &spec.cost, error))
    {
      *field = GTK_WIDGET (self->cost_entry);
      return FALSE;
    }

  call = g_new0 (ItemCall, 1);
  call->sku = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->sku_entry))));
  call->name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_entry))));
  unit = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->unit_entry))));
  /* An empty unit is the one the placeholder shows, in the user's language ("pcs"). */
  call->unit = g_strdup (*unit ? unit : gtk_entry_get_placeholder_text (self->unit_entry));
  spec.sku = call->sku;
  spec.name = call->name;
  spec.unit = call->unit;
  if (editing != NULL)
    {
      call->old_sku = g_strdup (st_item_get_sku (editing));
      spec.tracking = st_item_get_tracking (editing);
      call->set_format = spec.tracking == ST_TRACKING_SERIAL;
      spec.serial_format = gtk_drop_down_get_selected (self->format_dropdown);
    }
  else
    {
      spec.tracking = (gtk_widget_get_visible (GTK_WIDGET (self->serial_check))
                       && gtk_check_button_get_active (self->serial_check))
                      ? ST_TRACKING_SERIAL : ST_TRACKING_NONE;
      spec.serial_format = spec.tracking == ST_TRACKING_SERIAL
                           ? gtk_drop_down_get_selected (self->format_dropdown)
                           : ST_SERIAL_FORMAT_ANY;
    }
  spec.warranty_months = (guint) gtk_spin_button_get_value_as_int (self->warranty_spin);
  call->spec = spec;

  *run = item_call_run;
  *data = call;
  *data_free = (GDestroyNotify) item_call_free;
  return TRUE;
}

/* A duplicate or missing SKU marks the SKU, a serial format the serials already break marks
 * the format, a missing name the name. */
static GtkWidget *
st_item_dialog_error_field (StEditDialog *dialog,
                            const GError *error)
{
  StItemDialog *self = ST_ITEM_DIALOG (dialog);
  GtkEditable *sku_entry = GTK_EDITABLE (self->sku_entry);
  GtkEditable *name_entry = GTK_EDITABLE (self->name_entry);
  g_autofree char *sku = g_strstrip (g_strdup (gtk_editable_get_text (sku_entry)));
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (name_entry)));

  if (g_error_matches (error, ST_ERROR, ST_ERROR_DUPLICATE) || *sku == '\0')
    return GTK_WIDGET (self->sku_entry);
  if (g_error_matches (error, ST_ERROR, ST_ERROR_SERIAL_FORMAT))
    return GTK_WIDGET (self->format_dropdown);
  if (*name == '\0')
    return GTK_WIDGET (self->name_entry);
  return NULL;
}

/* Enter in the warranty field, the last one, adds the item as it does in the others. */
static void
warranty_activate_cb (StItemDialog *self)
{
  gtk_spin_button_update (self->warranty_spin);
  st_edit_dialog_activate_add (ST_EDIT_DIALOG (self));
}

static void
serial_toggled_cb (StItemDialog *self)
{
  gboolean active = gtk_check_button_get_active (self->serial_check);

  gtk_widget_set_sensitive (self->format_label, active);
  gtk_widget_set_sensitive (GTK_WIDGET (self->format_dropdown), active);
}

StItemDialog *
st_item_dialog_new (GtkWindow *parent,
                    StStore   *store)
{
  g_return_val_if_fail (ST_IS_STORE (store), NULL);

  return g_object_new (ST_TYPE_ITEM_DIALOG,
                       "transient-for", parent,
                       "store", store,
                       NULL);
}

/* An amount as the form takes it back: no grouping, the locale's decimal point. */
static void
set_amount (GtkEntry *entry,
            gint64    cents)
{
  g_autofree char *text = NULL;
  const char *radix = nl_langinfo (RADIXCHAR);
  guint64 magnitude = cents < 0 ? (guint64) 0 - (guint64) cents : (guint64) cents;

  if (radix == NULL || *radix == '\0')
    radix = ".";
  text = g_strdup_printf ("%s%" G_GUINT64_FORMAT "%s%02u", cents < 0 ? "-" : "",
                          magnitude / 100, radix, (guint) (magnitude % 100));
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
}

StItemDialog *
st_item_dialog_new_edit (GtkWindow *parent,
                         StStore   *store,
                         StItem    *item)
{
  StItemDialog *self;
  gboolean serial;

  g_return_val_if_fail (ST_IS_STORE (store), NULL);
  g_return_val_if_fail (ST_IS_ITEM (item), NULL);

  self = st_item_dialog_new (parent, store);
  st_edit_dialog_set_editing (ST_EDIT_DIALOG (self), G_OBJECT (item),
                              /* Translators: the title of the dialog that changes an item */
                              _("Edit Item"), _("_Save"));
  serial = st_item_get_tracking (item) == ST_TRACKING_SERIAL;

  gtk_editable_set_text (GTK_EDITABLE (self->sku_entry), st_item_get_sku (item));
  gtk_editable_set_text (GTK_EDITABLE (self->name_entry), st_item_get_name (item));
  gtk_editable_set_text (GTK_EDITABLE (self->unit_entry), st_item_get_unit (item));
  set_amount (self->price_entry, st_item_get_price (item));
  set_amount (self->cost_entry, st_item_get_cost (item));
  gtk_spin_button_set_value (self->warranty_spin, st_item_get_warranty_months (item));

  /* How an item is tracked stays what it was: its units and history depend on it. */
  gtk_check_button_set_active (self->serial_check, serial);
  gtk_widget_set_sensitive (GTK_WIDGET (self->serial_check), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->serial_check),
                          gtk_widget_get_visible (GTK_WIDGET (self->serial_check)) || serial);
  gtk_widget_set_visible (self->format_label, serial);
  gtk_widget_set_visible (GTK_WIDGET (self->format_dropdown), serial);
  gtk_drop_down_set_selected (self->format_dropdown,
                              serial ? st_item_get_serial_format (item) : ST_SERIAL_FORMAT_ANY);
  serial_toggled_cb (self);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->format_dropdown),
                               _("A stricter format is accepted only when every serial the "
                                 "item already has meets it."));
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->name_entry));
  return self;
}

static void
st_item_dialog_constructed (GObject *object)
{
  StItemDialog *self = ST_ITEM_DIALOG (object);
  gboolean serial;

  G_OBJECT_CLASS (st_item_dialog_parent_class)->constructed (object);

  /* With tracking off, items are quantity-only and the serial choices disappear. */
  serial = st_store_get_tracking (st_edit_dialog_get_store (ST_EDIT_DIALOG (self)))
           == ST_TRACKING_SERIAL;
  gtk_widget_set_visible (GTK_WIDGET (self->serial_check), serial);
  gtk_widget_set_visible (self->format_label, serial);
  gtk_widget_set_visible (GTK_WIDGET (self->format_dropdown), serial);
  gtk_check_button_set_active (self->serial_check, serial);
  serial_toggled_cb (self);
}

static void
st_item_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), ST_TYPE_ITEM_DIALOG);

  G_OBJECT_CLASS (st_item_dialog_parent_class)->dispose (object);
}

static void
st_item_dialog_class_init (StItemDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = st_item_dialog_constructed;
  object_class->dispose = st_item_dialog_dispose;
  ST_EDIT_DIALOG_CLASS (klass)->prepare = st_item_dialog_prepare;
  ST_EDIT_DIALOG_CLASS (klass)->error_field = st_item_dialog_error_field;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/SerialTrack/st-item-dialog.ui");
  st_edit_dialog_class_bind_template (widget_class);
  gtk_widget_class_bind_template_child (widget_class, StItemDialog, sku_entry);
  gtk_widget_class_bind_template_child (widget_class, StItemDialog, name_entry);
  gtk_widget_class_bind_template_child (widget_class, StItemDialog, unit_entry);
  gtk_widget_class_bind_template_child (widget_class, StItemDialog, price_entry);
  gtk_widget_class_bind_template_child (widget_class, StItemDialog, cost_entry);
  gtk_widget_class_bind_template_child (widget_class, StItemDialog, serial_check);
  gtk_widget_class_bind_template_child (widget_class, StItemDialog, format_label);
  gtk_widget_class_bind_template_child (widget_class, StItemDialog, format_dropdown);
  gtk_widget_class_bind_template_child (widget_class, StItemDialog, warranty_spin);
  gtk_widget_class_bind_template_callback (widget_class, serial_toggled_cb);
}

static void
st_item_dialog_init (StItemDialog *self)
{
  g_autoptr(GtkStringList) formats = NULL;
  g_autofree char *zero = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* "0.00", or "0,00" where the locale writes money so (parse_amount takes either). */
  zero = st_format_amount (0);
  gtk_entry_set_placeholder_text (self->price_entry, zero);
  gtk_entry_set_placeholder_text (self->cost_entry, zero);

  /* Positions follow StSerialFormat. */
  formats = gtk_string_list_new (NULL);
  gtk_string_list_append (formats, st_serial_format_to_label (ST_SERIAL_FORMAT_ANY));
  gtk_string_list_append (formats, st_serial_format_to_label (ST_SERIAL_FORMAT_DIGITS));
  gtk_string_list_append (formats, st_serial_format_to_label (ST_SERIAL_FORMAT_IMEI));
  gtk_drop_down_set_model (self->format_dropdown, G_LIST_MODEL (formats));

  /* A spin button's Enter only takes its value (GTK 4.8): its text field's is ours too. */
  g_signal_connect_object (gtk_editable_get_delegate (GTK_EDITABLE (self->warranty_spin)),
                           "activate", G_CALLBACK (warranty_activate_cb), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
}
