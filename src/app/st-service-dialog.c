/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "st-service-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "st-parse.h"
#include "st-service-dialog.h"
#include "st-service-step-run.h"

struct _StServiceDialog
{
  GtkWindow  parent_instance;

  /* Template widgets */
  GtkEntry  *serial_entry;
  GtkEntry  *customer_entry;
  GtkEntry  *complaint_entry;
  GtkEntry  *date_entry;
  GtkEntry  *sku_entry;
  GtkLabel  *error_label;

  /* Owned */
  StStore   *store;
};

G_DEFINE_FINAL_TYPE (StServiceDialog, st_service_dialog, GTK_TYPE_WINDOW)

enum {
  CASE_OPENED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The entry's text, trimmed; NULL when empty (the core's default). */
static char *
entry_text (GtkEntry *entry)
{
  char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));

  if (*text == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

gboolean
st_service_dialog_apply (StServiceDialog *self)
{
  StServiceStep *step;

  g_return_val_if_fail (ST_IS_SERVICE_DIALOG (self), FALSE);

  if (st_service_step_dialog_is_busy (GTK_WINDOW (self)))
    return FALSE;
  step = st_service_step_new (ST_SERVICE_STEP_OPEN, NULL);
  step->serial = entry_text (self->serial_entry);
  step->customer = entry_text (self->customer_entry);
  step->text = entry_text (self->complaint_entry);
  step->date = entry_text (self->date_entry);
  step->sku = entry_text (self->sku_entry);
  st_service_step_run_for_dialog (GTK_WINDOW (self), self->store, step, self->error_label,
                                  signals[CASE_OPENED]);
  return TRUE;
}

static void
open_clicked_cb (StServiceDialog *self)
{
  st_service_dialog_apply (self);
}

StServiceDialog *
st_service_dialog_new (GtkWindow  *parent,
                       StStore    *store,
                       const char *serial)
{
  StServiceDialog *self;
  g_autofree char *today = st_date_today ();

  g_return_val_if_fail (ST_IS_STORE (store), NULL);

  self = g_object_new (ST_TYPE_SERVICE_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  gtk_editable_set_text (GTK_EDITABLE (self->date_entry), today);
  if (serial != NULL && *serial != '\0')
    {
      gtk_editable_set_text (GTK_EDITABLE (self->serial_entry), serial);
      gtk_widget_grab_focus (GTK_WIDGET (self->complaint_entry));
    }
  return self;
}

static void
st_service_dialog_dispose (GObject *object)
{
  StServiceDialog *self = ST_SERVICE_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ST_TYPE_SERVICE_DIALOG);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (st_service_dialog_parent_class)->dispose (object);
}

static void
st_service_dialog_class_init (StServiceDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = st_service_dialog_dispose;

  signals[CASE_OPENED] =
    g_signal_new ("case-opened",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, ST_TYPE_SERVICE_CASE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/SerialTrack/st-service-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, StServiceDialog, serial_entry);
  gtk_widget_class_bind_template_child (widget_class, StServiceDialog, customer_entry);
  gtk_widget_class_bind_template_child (widget_class, StServiceDialog, complaint_entry);
  gtk_widget_class_bind_template_child (widget_class, StServiceDialog, date_entry);
  gtk_widget_class_bind_template_child (widget_class, StServiceDialog, sku_entry);
  gtk_widget_class_bind_template_child (widget_class, StServiceDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, open_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
st_service_dialog_init (StServiceDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
