/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include "st-store.h"

G_BEGIN_DECLS

#define ST_TYPE_PREFERENCES_DIALOG (st_preferences_dialog_get_type ())
G_DECLARE_FINAL_TYPE (StPreferencesDialog, st_preferences_dialog, ST, PREFERENCES_DIALOG,
                      GtkWindow)

/* "How do you want to track your items?" and the currency.  A choice applies at once through
 * st_store_set_tracking() (st_store_set_currency()) in the store's worker; a refusal is shown
 * in the dialog and the old choice stays.  Emits "tracking-changed" ("currency-changed")
 * after a change was stored. */
StPreferencesDialog *st_preferences_dialog_new     (GtkWindow           *parent,
                                                    StStore             *store);
/* TRUE while a choice is being stored. */
gboolean             st_preferences_dialog_is_busy (StPreferencesDialog *self);

G_END_DECLS
