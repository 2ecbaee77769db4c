/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include "st-store.h"

G_BEGIN_DECLS

#define ST_TYPE_ITEM_DIALOG (st_item_dialog_get_type ())
G_DECLARE_FINAL_TYPE (StItemDialog, st_item_dialog, ST, ITEM_DIALOG, GtkWindow)

/* A form that adds one item through st_store_add_item().  A refusal is shown under the form
 * and nothing is written; on success the dialog emits "item-added" (StItem) and closes. */
StItemDialog *st_item_dialog_new   (GtkWindow    *parent,
                                    StStore      *store);
/* Validates and adds, as the Add button does.  Returns the new item or NULL. */
StItem       *st_item_dialog_apply (StItemDialog *self);

G_END_DECLS
