/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "st-toast"

#include "config.h"

#include <glib/gi18n.h>

#include "st-toast.h"

/* Long enough to read the message and reach for "Open". */
#define SHOW_SECONDS  8
/* While the pointer or the focus is on the toast, look again this much later. */
#define AGAIN_SECONDS 2

struct _StToast
{
  GtkWidget                parent_instance;

  /* Template widgets */
  GtkRevealer             *revealer;
  GtkLabel                *message_label;
  GtkButton               *open_button;

  /* Owned */
  GtkEventControllerMotion *motion;
  GFile                   *file;
  guint                    hide_source;
};

G_DEFINE_FINAL_TYPE (StToast, st_toast, GTK_TYPE_WIDGET)

static gboolean
hide_timeout_cb (gpointer data)
{
  StToast *self = data;

  self->hide_source = 0;

  /* Not from under the pointer, nor while a keyboard user is on "Open". */
  if (gtk_event_controller_motion_contains_pointer (self->motion)
      || (gtk_widget_get_state_flags (GTK_WIDGET (self)) & GTK_STATE_FLAG_FOCUS_WITHIN))
    {
      self->hide_source = g_timeout_add_seconds (AGAIN_SECONDS, hide_timeout_cb, self);
      return G_SOURCE_REMOVE;
    }

  st_toast_dismiss (self);
  return G_SOURCE_REMOVE;
}

static void
child_revealed_cb (StToast *self)
{
  /* A hidden toast takes no clicks meant for the view under it. */
  gtk_widget_set_can_target (GTK_WIDGET (self),
                             gtk_revealer_get_child_revealed (self->revealer)
                             || gtk_revealer_get_reveal_child (self->revealer));
}

static void
open_clicked_cb (StToast *self)
{
  g_autoptr(GAppLaunchContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;

  if (self->file == NULL)
    return;

  uri = g_file_get_uri (self->file);
  context = G_APP_LAUNCH_CONTEXT (gdk_display_get_app_launch_context (
                                    gtk_widget_get_display (GTK_WIDGET (self))));
  if (!g_app_info_launch_default_for_uri (uri, context, &error))
    {
      g_autofree char *message = NULL;

      /* Translators: the exported file could not be opened; %s is the reason */
      message = g_strdup_printf (_("Could not open the file: %s"), error->message);
      st_toast_show (self, message, NULL);
      return;
    }

  st_toast_dismiss (self);
}

StToast *
st_toast_new (void)
{
  return g_object_new (ST_TYPE_TOAST, NULL);
}

void
st_toast_show (StToast    *self,
               const char *message,
               GFile      *file)
{
  g_return_if_fail (ST_IS_TOAST (self));
  g_return_if_fail (message != NULL);
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  g_set_object (&self->file, file);
  gtk_label_set_text (self->message_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->open_button), file != NULL);

  gtk_widget_set_can_target (GTK_WIDGET (self), TRUE);
  gtk_revealer_set_reveal_child (self->revealer, TRUE);

  g_clear_handle_id (&self->hide_source, g_source_remove);
  self->hide_source = g_timeout_add_seconds (SHOW_SECONDS, hide_timeout_cb, self);
}

void
st_toast_dismiss (StToast *self)
{
  g_return_if_fail (ST_IS_TOAST (self));

  g_clear_handle_id (&self->hide_source, g_source_remove);
  gtk_revealer_set_reveal_child (self->revealer, FALSE);
}

gboolean
st_toast_get_shown (StToast *self)
{
  g_return_val_if_fail (ST_IS_TOAST (self), FALSE);

  return gtk_revealer_get_reveal_child (self->revealer);
}

const char *
st_toast_get_message (StToast *self)
{
  g_return_val_if_fail (ST_IS_TOAST (self), NULL);

  return gtk_label_get_text (self->message_label);
}

GFile *
st_toast_get_file (StToast *self)
{
  g_return_val_if_fail (ST_IS_TOAST (self), NULL);

  return self->file;
}

static void
st_toast_dispose (GObject *object)
{
  StToast *self = ST_TOAST (object);

  g_clear_handle_id (&self->hide_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), ST_TYPE_TOAST);
  g_clear_object (&self->file);

  G_OBJECT_CLASS (st_toast_parent_class)->dispose (object);
}

static void
st_toast_class_init (StToastClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = st_toast_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/SerialTrack/st-toast.ui");
  gtk_widget_class_bind_template_child (widget_class, StToast, revealer);
  gtk_widget_class_bind_template_child (widget_class, StToast, message_label);
  gtk_widget_class_bind_template_child (widget_class, StToast, open_button);
  gtk_widget_class_bind_template_callback (widget_class, child_revealed_cb);
  gtk_widget_class_bind_template_callback (widget_class, open_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, st_toast_dismiss);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_STATUS);
}

static void
st_toast_init (StToast *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->motion = GTK_EVENT_CONTROLLER_MOTION (gtk_event_controller_motion_new ());
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (self->motion));
  gtk_widget_set_can_target (GTK_WIDGET (self), FALSE);
}
