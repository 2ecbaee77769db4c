/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-count-dialog.h — New Count…: a warehouse and, optionally, the items to count; Start
 * starts the count in the store's worker and shows its page in the window. */
#pragma once

#include <gtk/gtk.h>
#include "st-store.h"

G_BEGIN_DECLS

#define ST_TYPE_COUNT_DIALOG (st_count_dialog_get_type ())
G_DECLARE_FINAL_TYPE (StCountDialog, st_count_dialog, ST, COUNT_DIALOG, GtkWindow)

StCountDialog *st_count_dialog_new           (GtkWindow     *parent,
                                              StStore       *store);
/* Chooses the warehouse by name (FALSE when there is none of that name). */
gboolean       st_count_dialog_set_warehouse (StCountDialog *self,
                                              const char    *name);
/* As Start does.  The dialog closes once the count has started ("count-started" is emitted
 * with it); a refusal stays shown. */
void           st_count_dialog_start         (StCountDialog *self);

G_END_DECLS
