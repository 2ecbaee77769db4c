/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "st-edit-dialog.h"

G_BEGIN_DECLS

#define ST_TYPE_WAREHOUSE_DIALOG (st_warehouse_dialog_get_type ())
G_DECLARE_FINAL_TYPE (StWarehouseDialog, st_warehouse_dialog, ST, WAREHOUSE_DIALOG,
                      StEditDialog)

/* Adds a warehouse.  A refusal (a duplicate or empty name) is shown in the dialog and nothing
 * is written; on success it emits "added" (StWarehouse) and closes. */
StWarehouseDialog *st_warehouse_dialog_new   (GtkWindow         *parent,
                                              StStore           *store);
/* The same form renaming @warehouse (st_store_rename_warehouse()); on success it emits
 * "changed" (StWarehouse) and closes. */
StWarehouseDialog *st_warehouse_dialog_new_edit (GtkWindow         *parent,
                                                 StStore           *store,
                                                 StWarehouse       *warehouse);

G_END_DECLS
