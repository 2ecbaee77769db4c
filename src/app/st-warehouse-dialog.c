/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "st-warehouse-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "st-store-editing.h"
#include "st-warehouse-dialog.h"

struct _StWarehouseDialog
{
  StEditDialog    parent_instance;

  /* Template widgets */
  GtkEntry       *name_entry;
};

G_DEFINE_FINAL_TYPE (StWarehouseDialog, st_warehouse_dialog, ST_TYPE_EDIT_DIALOG)

/* What the worker writes: a new warehouse, or the rename of @old_name. */
typedef struct
{
  char *old_name;   /* NULL: a new warehouse */
  char *name;
} WarehouseCall;

static void
warehouse_call_free (WarehouseCall *call)
{
  g_free (call->old_name);
  g_free (call->name);
  g_free (call);
}

static gpointer
warehouse_call_run (StStore       *connection,
                    gpointer       data,
                    GCancellable  *cancellable,
                    GError       **error)
{
  WarehouseCall *call = data;

  if (call->old_name != NULL)
    return st_store_rename_warehouse (connection, call->old_name, call->name, error);
  return st_store_add_warehouse (connection, call->name, error);
}

static gboolean
st_warehouse_dialog_prepare (StEditDialog    *dialog,
                             StStoreRunFunc  *run,
                             gpointer        *data,
                             GDestroyNotify  *data_free,
                             GtkWidget      **field,
                             GError         **error)
{
  StWarehouseDialog *self = ST_WAREHOUSE_DIALOG (dialog);
  StWarehouse *editing = st_edit_dialog_get_editing (dialog);
  WarehouseCall *call = g_new0 (WarehouseCall, 1);

  call->name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_entry))));
  call->old_name = editing != NULL ? g_strdup (st_warehouse_get_name (editing)) : NULL;
  *run = warehouse_call_run;
  *data = call;
  *data_free = (GDestroyNotify) warehouse_call_free;
  return TRUE;
}

/* Every refusal of a warehouse names its name. */
static GtkWidget *
st_warehouse_dialog_error_field (StEditDialog *dialog,
                                 const GError *error)
{
  return GTK_WIDGET (ST_WAREHOUSE_DIALOG (dialog)->name_entry);
}

StWarehouseDialog *
st_warehouse_dialog_new (GtkWindow *parent,
                         StStore   *store)
{
  g_return_val_if_fail (ST_IS_STORE (store), NULL);

  return g_object_new (ST_TYPE_WAREHOUSE_DIALOG,
                       "transient-for", parent,
                       "store", store,
                       NULL);
}

StWarehouseDialog *
st_warehouse_dialog_new_edit (GtkWindow   *parent,
                              StStore     *store,
                              StWarehouse *warehouse)
{
  StWarehouseDialog *self;

  g_return_val_if_fail (ST_IS_WAREHOUSE (warehouse), NULL);

  self = st_warehouse_dialog_new (parent, store);
  st_edit_dialog_set_editing (ST_EDIT_DIALOG (self), G_OBJECT (warehouse),
                              /* Translators: the title of the dialog that renames a warehouse */
                              _("Rename Warehouse"), _("_Rename"));
  gtk_editable_set_text (GTK_EDITABLE (self->name_entry), st_warehouse_get_name (warehouse));
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->name_entry));
  return self;
}

static void
st_warehouse_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), ST_TYPE_WAREHOUSE_DIALOG);

  G_OBJECT_CLASS (st_warehouse_dialog_parent_class)->dispose (object);
}

static void
st_warehouse_dialog_class_init (StWarehouseDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = st_warehouse_dialog_dispose;
  ST_EDIT_DIALOG_CLASS (klass)->prepare = st_warehouse_dialog_prepare;
  ST_EDIT_DIALOG_CLASS (klass)->error_field = st_warehouse_dialog_error_field;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/SerialTrack/"
                                               "st-warehouse-dialog.ui");
  st_edit_dialog_class_bind_template (widget_class);
  gtk_widget_class_bind_template_child (widget_class, StWarehouseDialog, name_entry);
}

static void
st_warehouse_dialog_init (StWarehouseDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
