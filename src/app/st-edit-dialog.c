/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "st-edit-dialog"

#include "config.h"

#include "st-edit-dialog.h"
#include "st-form.h"

typedef struct
{
  /* Template widgets (the subclass's) */
  GtkLabel  *error_label;
  GtkButton *add_button;

  /* Owned */
  StStore   *store;
  GObject   *editing;       /* the record edited, or NULL when adding one */
  GtkWidget *error_field;   /* the field the error shown marks, or NULL */
  GtkWidget *focus_before;  /* weak: where the focus was before the form waited */
  gboolean   busy;          /* the form is being written in the store's worker */
} StEditDialogPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (StEditDialog, st_edit_dialog, GTK_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

enum {
  ADDED,
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
clear_error (StEditDialog *self)
{
  StEditDialogPrivate *priv = st_edit_dialog_get_instance_private (self);

  gtk_widget_set_visible (GTK_WIDGET (priv->error_label), FALSE);
  if (priv->error_field != NULL)
    gtk_widget_remove_css_class (priv->error_field, "error");
  g_clear_weak_pointer (&priv->error_field);
}

void
st_edit_dialog_show_error (StEditDialog *self,
                           GtkWidget    *field,
                           const GError *error)
{
  StEditDialogPrivate *priv = st_edit_dialog_get_instance_private (self);

  g_return_if_fail (ST_IS_EDIT_DIALOG (self));

  gtk_label_set_text (priv->error_label, error->message);
  gtk_widget_set_visible (GTK_WIDGET (priv->error_label), TRUE);

  if (field != NULL)
    {
      gtk_widget_add_css_class (field, "error");
      gtk_widget_grab_focus (field);
      g_set_weak_pointer (&priv->error_field, field);
    }
}

/* The form waits while the worker writes. */
static void
set_busy (StEditDialog *self,
          gboolean      busy)
{
  StEditDialogPrivate *priv = st_edit_dialog_get_instance_private (self);

  priv->busy = busy;
  st_form_set_busy (gtk_window_get_child (GTK_WINDOW (self)), busy, &priv->focus_before);
}

static void
apply_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(StEditDialog) self = user_data;
  StEditDialogPrivate *priv = st_edit_dialog_get_instance_private (self);
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) record = st_store_run_finish (ST_STORE (source), result, &error);

  set_busy (self, FALSE);
  if (record == NULL)
    {
      st_edit_dialog_show_error (self, ST_EDIT_DIALOG_GET_CLASS (self)->error_field (self, error),
                                 error);
      return;
    }

  if (priv->editing != NULL)
    {
      g_set_object (&priv->editing, record);
      g_signal_emit (self, signals[CHANGED], 0, record);
    }
  else
    g_signal_emit (self, signals[ADDED], 0, record);
  gtk_window_destroy (GTK_WINDOW (self));
}

gboolean
st_edit_dialog_apply (StEditDialog *self)
{
  StEditDialogPrivate *priv = st_edit_dialog_get_instance_private (self);
  g_autoptr(GError) error = NULL;
  GtkWidget *field = NULL;
  StStoreRunFunc run = NULL;
  gpointer data = NULL;
  GDestroyNotify data_free = NULL;

  g_return_val_if_fail (ST_IS_EDIT_DIALOG (self), FALSE);

  if (priv->busy)
    return FALSE;
  clear_error (self);
  if (!ST_EDIT_DIALOG_GET_CLASS (self)->prepare (self, &run, &data, &data_free, &field, &error))
    {
      st_edit_dialog_show_error (self, field, error);
      return FALSE;
    }

  set_busy (self, TRUE);
  st_store_run_async (priv->store, run, data, data_free, g_object_unref, TRUE, NULL,
                      apply_done_cb, g_object_ref (self));
  return TRUE;
}

gboolean
st_edit_dialog_is_busy (StEditDialog *self)
{
  StEditDialogPrivate *priv = st_edit_dialog_get_instance_private (self);

  g_return_val_if_fail (ST_IS_EDIT_DIALOG (self), FALSE);

  return priv->busy;
}

static void
add_clicked_cb (StEditDialog *self)
{
  st_edit_dialog_apply (self);
}

void
st_edit_dialog_activate_add (StEditDialog *self)
{
  StEditDialogPrivate *priv = st_edit_dialog_get_instance_private (self);

  g_return_if_fail (ST_IS_EDIT_DIALOG (self));

  if (gtk_widget_is_sensitive (GTK_WIDGET (priv->add_button)))
    add_clicked_cb (self);
}

void
st_edit_dialog_class_bind_template (GtkWidgetClass *widget_class)
{
  g_return_if_fail (g_type_is_a (G_TYPE_FROM_CLASS (widget_class), ST_TYPE_EDIT_DIALOG));

  gtk_widget_class_bind_template_child_private (widget_class, StEditDialog, error_label);
  gtk_widget_class_bind_template_child_private (widget_class, StEditDialog, add_button);
  gtk_widget_class_bind_template_callback (widget_class, add_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

StStore *
st_edit_dialog_get_store (StEditDialog *self)
{
  StEditDialogPrivate *priv = st_edit_dialog_get_instance_private (self);

  g_return_val_if_fail (ST_IS_EDIT_DIALOG (self), NULL);

  return priv->store;
}

gpointer
st_edit_dialog_get_editing (StEditDialog *self)
{
  StEditDialogPrivate *priv = st_edit_dialog_get_instance_private (self);

  g_return_val_if_fail (ST_IS_EDIT_DIALOG (self), NULL);

  return priv->editing;
}

void
st_edit_dialog_set_editing (StEditDialog *self,
                            GObject      *editing,
                            const char   *title,
                            const char   *button_label)
{
  StEditDialogPrivate *priv = st_edit_dialog_get_instance_private (self);

  g_return_if_fail (ST_IS_EDIT_DIALOG (self));
  g_return_if_fail (G_IS_OBJECT (editing));

  g_set_object (&priv->editing, editing);
  gtk_window_set_title (GTK_WINDOW (self), title);
  gtk_button_set_label (priv->add_button, button_label);
}

static void
st_edit_dialog_dispose (GObject *object)
{
  StEditDialog *self = ST_EDIT_DIALOG (object);
  StEditDialogPrivate *priv = st_edit_dialog_get_instance_private (self);

  g_clear_weak_pointer (&priv->error_field);
  g_clear_weak_pointer (&priv->focus_before);
  g_clear_object (&priv->store);
  g_clear_object (&priv->editing);

  G_OBJECT_CLASS (st_edit_dialog_parent_class)->dispose (object);
}

static void
st_edit_dialog_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  StEditDialog *self = ST_EDIT_DIALOG (object);
  StEditDialogPrivate *priv = st_edit_dialog_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, priv->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
st_edit_dialog_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  StEditDialog *self = ST_EDIT_DIALOG (object);
  StEditDialogPrivate *priv = st_edit_dialog_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_STORE:
      priv->store = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
st_edit_dialog_class_init (StEditDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = st_edit_dialog_dispose;
  object_class->get_property = st_edit_dialog_get_property;
  object_class->set_property = st_edit_dialog_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         ST_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* A record was added (the contact, warehouse or item, as written). */
  signals[ADDED] =
    g_signal_new ("added",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_OBJECT);
  /* The record edited was saved (as it is now). */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_OBJECT);
}

static void
st_edit_dialog_init (StEditDialog *self)
{
}
