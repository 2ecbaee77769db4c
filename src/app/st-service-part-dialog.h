/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-service-part-dialog.h — Add Part: a stock item used on a service case (the item, how
 * many, the cost per piece), picked from stock at the case's warehouse and written off to the
 * case through st_store_service_add_parts(); serial parts are the oldest in stock. */
#pragma once

#include <gtk/gtk.h>
#include "st-store.h"

G_BEGIN_DECLS

#define ST_TYPE_SERVICE_PART_DIALOG (st_service_part_dialog_get_type ())
G_DECLARE_FINAL_TYPE (StServicePartDialog, st_service_part_dialog, ST, SERVICE_PART_DIALOG,
                      GtkWindow)

/* Emits "part-added" (StServiceCase) once written off, then closes. */
StServicePartDialog *st_service_part_dialog_new     (GtkWindow           *parent,
                                                     StStore             *store,
                                                     StServiceCase       *sc);
/* Chooses the item by SKU; FALSE when the drop-down has no such item. */
gboolean             st_service_part_dialog_set_sku (StServicePartDialog *self,
                                                     const char          *sku);
/* What "Add" does: writes the part off to the case in the store's worker ("part-added", then
 * the dialog closes), or shows why not; FALSE when nothing was started. */
gboolean             st_service_part_dialog_apply   (StServicePartDialog *self);

G_END_DECLS
