/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-service-step-run.c — see st-service-step-run.h. */
#define G_LOG_DOMAIN "st-service-step-run"

#include "config.h"

#include "st-form.h"
#include "st-service-step-run.h"

typedef struct
{
  GtkWindow *dialog;       /* owned: alive until the answer */
  GtkLabel  *error_label;
  guint      signal_id;
  GtkWidget *focus_before;  /* weak: where the focus was in the form */
} StepCall;

static void
step_call_free (StepCall *call)
{
  g_clear_weak_pointer (&call->focus_before);
  g_object_unref (call->dialog);
  g_free (call);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StepCall, step_call_free)

static void
step_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(StepCall) call = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(StServiceCase) sc = st_store_service_run_step_finish (ST_STORE (source), result,
                                                                  &error);

  st_form_set_busy (gtk_window_get_child (call->dialog), FALSE, &call->focus_before);
  if (sc == NULL)
    {
      gtk_label_set_text (call->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (call->error_label), TRUE);
      return;
    }
  g_signal_emit (call->dialog, call->signal_id, 0, sc);
  gtk_window_close (call->dialog);
}

void
st_service_step_run_for_dialog (GtkWindow     *dialog,
                                StStore       *store,
                                StServiceStep *step,
                                GtkLabel      *error_label,
                                guint          signal_id)
{
  StepCall *call;

  g_return_if_fail (GTK_IS_WINDOW (dialog));
  g_return_if_fail (ST_IS_STORE (store));
  g_return_if_fail (step != NULL);

  call = g_new0 (StepCall, 1);
  call->dialog = g_object_ref (dialog);
  call->error_label = error_label;
  call->signal_id = signal_id;
  gtk_widget_set_visible (GTK_WIDGET (error_label), FALSE);
  /* The form insensitive while the step runs. */
  st_form_set_busy (gtk_window_get_child (dialog), TRUE, &call->focus_before);
  st_store_service_run_step_async (store, step, NULL, step_done_cb, call);
}

gboolean
st_service_step_dialog_is_busy (GtkWindow *dialog)
{
  GtkWidget *form;

  g_return_val_if_fail (GTK_IS_WINDOW (dialog), FALSE);

  form = gtk_window_get_child (dialog);
  return form != NULL && !gtk_widget_get_sensitive (form);
}
