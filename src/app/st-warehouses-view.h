/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-warehouses-view.h — the Warehouses list with the stock in each: filter, Show Archived,
 * and Rename…, Archive, Restore, Delete on the selected warehouse (DESIGN §11). */
#pragma once

#include "st-list-page.h"

G_BEGIN_DECLS

#define ST_TYPE_WAREHOUSES_VIEW (st_warehouses_view_get_type ())
G_DECLARE_FINAL_TYPE (StWarehousesView, st_warehouses_view, ST, WAREHOUSES_VIEW, StListPage)

StWarehousesView *st_warehouses_view_new (void);

G_END_DECLS
