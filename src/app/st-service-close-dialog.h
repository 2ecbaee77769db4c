/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-service-close-dialog.h — Close Service Case: the resolution (repaired, unrepaired,
 * replaced, refunded), the charge and the day; for a replacement, the unit handed out, picked
 * from stock at the case's warehouse with the serial picker (the same item or another), and
 * whether its warranty carries the faulty unit's end over (the default) or restarts. */
#pragma once

#include <gtk/gtk.h>
#include "st-store.h"

G_BEGIN_DECLS

#define ST_TYPE_SERVICE_CLOSE_DIALOG (st_service_close_dialog_get_type ())
G_DECLARE_FINAL_TYPE (StServiceCloseDialog, st_service_close_dialog, ST, SERVICE_CLOSE_DIALOG,
                      GtkWindow)

/* Emits "case-closed" (StServiceCase) once the case is resolved, then closes. */
StServiceCloseDialog *st_service_close_dialog_new            (GtkWindow            *parent,
                                                              StStore              *store,
                                                              StServiceCase        *sc);
void                  st_service_close_dialog_set_resolution (StServiceCloseDialog *self,
                                                              StServiceResolution   resolution);
/* The replacement's serial as chosen (NULL: the oldest in stock). */
const char           *st_service_close_dialog_get_replacement (StServiceCloseDialog *self);
/* Opens the serial picker for the replacement (as "Choose…" does) and returns it. */
GtkWindow            *st_service_close_dialog_choose         (StServiceCloseDialog *self);
/* What "Close Case" does: resolves the case in the store's worker ("case-closed", then the
 * dialog closes), or shows why not; FALSE when nothing was started. */
gboolean              st_service_close_dialog_apply          (StServiceCloseDialog *self);

G_END_DECLS
