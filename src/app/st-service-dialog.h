/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-service-dialog.h — Open Service Case: a unit brought back by a customer (its serial, the
 * customer, the complaint and the day) becomes a service case through st_store_service_open().
 * The unit page and the serial search open it with the serial filled in. */
#pragma once

#include <gtk/gtk.h>
#include "st-store.h"

G_BEGIN_DECLS

#define ST_TYPE_SERVICE_DIALOG (st_service_dialog_get_type ())
G_DECLARE_FINAL_TYPE (StServiceDialog, st_service_dialog, ST, SERVICE_DIALOG, GtkWindow)

/* Emits "case-opened" (StServiceCase) when the case is opened, then closes. */
StServiceDialog *st_service_dialog_new   (GtkWindow       *parent,
                                          StStore         *store,
                                          const char      *serial);
/* What "Open Case" does: opens the case from the fields in the store's worker ("case-opened",
 * then the dialog closes), or shows why not; FALSE when nothing was started. */
gboolean         st_service_dialog_apply (StServiceDialog *self);

G_END_DECLS
