/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-items-view.h — the items: a list page with the selected item's facts, stock and units
 * beside it.  Refreshing also re-reads the details and the tracking preference. */
#pragma once

#include "st-list-page.h"

G_BEGIN_DECLS

#define ST_TYPE_ITEMS_VIEW (st_items_view_get_type ())
G_DECLARE_FINAL_TYPE (StItemsView, st_items_view, ST, ITEMS_VIEW, StListPage)

StItemsView       *st_items_view_new                 (void);
/* The selected item's unit list (for tests and the window). */
GtkSelectionModel *st_items_view_get_units_selection (StItemsView *self);

G_END_DECLS
