/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "st-warehouse-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "st-store-editing.h"
#include "st-warehouse-dialog.h"

struct _StWarehouseDialog
{
  GtkWindow       parent_instance;

  /* Template widgets */
  GtkEntry       *name_entry;
  GtkLabel       *error_label;
  GtkButton      *add_button;

  /* Owned */
  StStore        *store;
  StWarehouse    *editing;  /* the warehouse renamed, or NULL when adding one */
};

G_DEFINE_FINAL_TYPE (StWarehouseDialog, st_warehouse_dialog, GTK_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

enum {
  WAREHOUSE_ADDED,
  WAREHOUSE_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

StWarehouse *
st_warehouse_dialog_apply (StWarehouseDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  StWarehouse *warehouse;

  g_return_val_if_fail (ST_IS_WAREHOUSE_DIALOG (self), NULL);

  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_widget_remove_css_class (GTK_WIDGET (self->name_entry), "error");

  name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_entry))));

  if (self->editing != NULL)
    {
      warehouse = st_store_rename_warehouse (self->store, st_warehouse_get_name (self->editing),
                                             name, &error);
      if (warehouse != NULL)
        {
          g_set_object (&self->editing, warehouse);
          g_signal_emit (self, signals[WAREHOUSE_CHANGED], 0, warehouse);
          return warehouse;
        }
    }
  else
    warehouse = st_store_add_warehouse (self->store, name, &error);
  if (warehouse == NULL)
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      gtk_widget_add_css_class (GTK_WIDGET (self->name_entry), "error");
      gtk_widget_grab_focus (GTK_WIDGET (self->name_entry));
      return NULL;
    }

  g_signal_emit (self, signals[WAREHOUSE_ADDED], 0, warehouse);
  return warehouse;
}

static void
add_clicked_cb (StWarehouseDialog *self)
{
  g_autoptr(StWarehouse) warehouse = st_warehouse_dialog_apply (self);

  if (warehouse != NULL)
    gtk_window_destroy (GTK_WINDOW (self));
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
  self->editing = g_object_ref (warehouse);
  /* Translators: the title of the dialog that renames a warehouse */
  gtk_window_set_title (GTK_WINDOW (self), _("Rename Warehouse"));
  gtk_button_set_label (self->add_button, _("_Rename"));
  gtk_editable_set_text (GTK_EDITABLE (self->name_entry), st_warehouse_get_name (warehouse));
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->name_entry));
  return self;
}

StWarehouse *
st_warehouse_dialog_get_warehouse (StWarehouseDialog *self)
{
  g_return_val_if_fail (ST_IS_WAREHOUSE_DIALOG (self), NULL);

  return self->editing;
}

static void
st_warehouse_dialog_dispose (GObject *object)
{
  StWarehouseDialog *self = ST_WAREHOUSE_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ST_TYPE_WAREHOUSE_DIALOG);
  g_clear_object (&self->store);
  g_clear_object (&self->editing);

  G_OBJECT_CLASS (st_warehouse_dialog_parent_class)->dispose (object);
}

static void
st_warehouse_dialog_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  StWarehouseDialog *self = ST_WAREHOUSE_DIALOG (object);

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
st_warehouse_dialog_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  StWarehouseDialog *self = ST_WAREHOUSE_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
st_warehouse_dialog_class_init (StWarehouseDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = st_warehouse_dialog_dispose;
  object_class->get_property = st_warehouse_dialog_get_property;
  object_class->set_property = st_warehouse_dialog_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         ST_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[WAREHOUSE_ADDED] =
    g_signal_new ("warehouse-added",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, ST_TYPE_WAREHOUSE);
  signals[WAREHOUSE_CHANGED] =
    g_signal_new ("warehouse-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, ST_TYPE_WAREHOUSE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/SerialTrack/"
                                               "st-warehouse-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, StWarehouseDialog, name_entry);
  gtk_widget_class_bind_template_child (widget_class, StWarehouseDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, StWarehouseDialog, add_button);
  gtk_widget_class_bind_template_callback (widget_class, add_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
st_warehouse_dialog_init (StWarehouseDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
