/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "st-edit-dialog.h"

G_BEGIN_DECLS

#define ST_TYPE_ITEM_DIALOG (st_item_dialog_get_type ())
G_DECLARE_FINAL_TYPE (StItemDialog, st_item_dialog, ST, ITEM_DIALOG, StEditDialog)

/* A form that adds one item through st_store_add_item().  A refusal is shown under the form
 * and nothing is written; on success the dialog emits "added" (StItem) and closes. */
StItemDialog *st_item_dialog_new   (GtkWindow    *parent,
                                    StStore      *store);
/* The same form filled in with @item, saving through st_store_edit_item(): its tracking stays,
 * a stricter serial format that an existing serial breaks is refused (the message names the
 * serial).  On success it emits "changed" (StItem, as saved) and closes. */
StItemDialog *st_item_dialog_new_edit (GtkWindow *parent,
                                       StStore   *store,
                                       StItem    *item);

G_END_DECLS
