/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>
#include "st-types.h"

G_BEGIN_DECLS

#define ST_TYPE_WAREHOUSE (st_warehouse_get_type ())
G_DECLARE_FINAL_TYPE (StWarehouse, st_warehouse, ST, WAREHOUSE, GObject)

gint64      st_warehouse_get_id   (StWarehouse *self);
const char *st_warehouse_get_name (StWarehouse *self);
/* Archived: new documents no longer offer it; history keeps it (DESIGN §11). */
gboolean    st_warehouse_get_archived (StWarehouse *self);
/* Units/quantity in stock there (filled in by the warehouse list's rows; 0 elsewhere). */
gint64      st_warehouse_get_on_hand  (StWarehouse *self);

G_END_DECLS
