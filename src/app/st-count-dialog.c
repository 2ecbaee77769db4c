/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-count-dialog.c — New Count…: the warehouse from a drop-down, the items as SKUs typed
 * (none: every item).  The start runs in the store's worker: counting a warehouse of 100,000
 * units copies its expected set, and the window keeps drawing meanwhile. */
#define G_LOG_DOMAIN "st-count-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "st-count-dialog.h"
#include "st-window.h"

struct _StCountDialog
{
  GtkWindow     parent_instance;

  /* Template widgets */
  GtkDropDown  *warehouse_dropdown;
  GtkEntry     *items_entry;
  GtkLabel     *error_label;
  GtkButton    *start_button;

  /* Owned */
  StStore      *store;
  GtkStringList *warehouses;
  GCancellable *cancellable;
  gboolean      starting;
};

G_DEFINE_FINAL_TYPE (StCountDialog, st_count_dialog, GTK_TYPE_WINDOW)

enum {
  COUNT_STARTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_error (StCountDialog *self,
            const char    *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
}

static void
load_warehouses (StCountDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = st_store_list_warehouses (self->store, &error);

  if (list == NULL)
    {
      show_error (self, error->message);
      return;
    }
  for (guint i = 0; i < list->len; i++)
    gtk_string_list_append (self->warehouses,
                            st_warehouse_get_name (g_ptr_array_index (list, i)));
  gtk_drop_down_set_model (self->warehouse_dropdown, G_LIST_MODEL (self->warehouses));
}

gboolean
st_count_dialog_set_warehouse (StCountDialog *self,
                               const char    *name)
{
  guint n;

  g_return_val_if_fail (ST_IS_COUNT_DIALOG (self), FALSE);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->warehouses));
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (gtk_string_list_get_string (self->warehouses, i), name) == 0)
      {
        gtk_drop_down_set_selected (self->warehouse_dropdown, i);
        return TRUE;
      }
  return FALSE;
}

static void
started_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(StCountDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(StCount) count = st_store_count_start_finish (ST_STORE (source), result, &error);
  GtkWindow *parent;

  self->starting = FALSE;
  /* Closed meanwhile: a count that started is in the Counts list. */
  if (self->store == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  gtk_widget_set_sensitive (GTK_WIDGET (self->start_button), TRUE);
  if (count == NULL)
    {
      show_error (self, error->message);
      gtk_widget_grab_focus (GTK_WIDGET (self->items_entry));
      return;
    }

  g_signal_emit (self, signals[COUNT_STARTED], 0, count);
  parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  if (ST_IS_WINDOW (parent))
    st_window_show_count (ST_WINDOW (parent), st_count_get_number (count));
  gtk_window_destroy (GTK_WINDOW (self));
}

void
st_count_dialog_start (StCountDialog *self)
{
  g_auto(GStrv) parts = NULL;
  g_autoptr(GPtrArray) skus = g_ptr_array_new ();
  guint selected;
  const char *warehouse;

  g_return_if_fail (ST_IS_COUNT_DIALOG (self));

  if (self->starting)
    return;
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  selected = gtk_drop_down_get_selected (self->warehouse_dropdown);
  if (selected == GTK_INVALID_LIST_POSITION
      || selected >= g_list_model_get_n_items (G_LIST_MODEL (self->warehouses)))
    {
      show_error (self, _("Choose the warehouse to count."));
      return;
    }
  warehouse = gtk_string_list_get_string (self->warehouses, selected);

  parts = g_strsplit (gtk_editable_get_text (GTK_EDITABLE (self->items_entry)), ",", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (*parts[i] != '\0')
        g_ptr_array_add (skus, parts[i]);
    }
  g_ptr_array_add (skus, NULL);

  self->starting = TRUE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->start_button), FALSE);
  st_store_count_start_items_async (self->store, warehouse,
                                    (const char * const *) skus->pdata, NULL,
                                    self->cancellable, started_cb, g_object_ref (self));
}

static void
start_clicked_cb (StCountDialog *self)
{
  st_count_dialog_start (self);
}

StCountDialog *
st_count_dialog_new (GtkWindow *parent,
                     StStore   *store)
{
  StCountDialog *self;

  g_return_val_if_fail (ST_IS_STORE (store), NULL);

  self = g_object_new (ST_TYPE_COUNT_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  load_warehouses (self);
  return self;
}

static void
st_count_dialog_dispose (GObject *object)
{
  StCountDialog *self = ST_COUNT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), ST_TYPE_COUNT_DIALOG);
  g_clear_object (&self->store);
  g_clear_object (&self->warehouses);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (st_count_dialog_parent_class)->dispose (object);
}

static void
st_count_dialog_class_init (StCountDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = st_count_dialog_dispose;

  signals[COUNT_STARTED] =
    g_signal_new ("count-started",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, ST_TYPE_COUNT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/SerialTrack/st-count-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, StCountDialog, warehouse_dropdown);
  gtk_widget_class_bind_template_child (widget_class, StCountDialog, items_entry);
  gtk_widget_class_bind_template_child (widget_class, StCountDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, StCountDialog, start_button);
  gtk_widget_class_bind_template_callback (widget_class, start_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
st_count_dialog_init (StCountDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->warehouses = gtk_string_list_new (NULL);
  self->cancellable = g_cancellable_new ();
}
