/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-service-step-run.h — a service desk dialog's step (open a case, add a part, close it)
 * run in the store's worker, never on the main thread: shared by StServiceDialog,
 * StServicePartDialog and StServiceCloseDialog. */
#pragma once

#include <gtk/gtk.h>
#include "st-store.h"
#include "st-store-service.h"

G_BEGIN_DECLS

/* Runs @step (taken) for @dialog: its form is insensitive meanwhile.  Refused: the reason
 * shows in @error_label and the form is sensitive again.  Done: the signal @signal_id is
 * emitted on @dialog with the case (StServiceCase), then the dialog closes. */
void     st_service_step_run_for_dialog (GtkWindow     *dialog,
                                         StStore       *store,
                                         StServiceStep *step,
                                         GtkLabel      *error_label,
                                         guint          signal_id);
/* TRUE while @dialog waits for its step. */
gboolean st_service_step_dialog_is_busy (GtkWindow     *dialog);

G_END_DECLS
