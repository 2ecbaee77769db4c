/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include "st-store.h"

G_BEGIN_DECLS

#define ST_TYPE_ITEMS_VIEW (st_items_view_get_type ())
G_DECLARE_FINAL_TYPE (StItemsView, st_items_view, ST, ITEMS_VIEW, GtkWidget)

StItemsView       *st_items_view_new                 (void);
StStore           *st_items_view_get_store           (StItemsView *self);
void               st_items_view_set_store           (StItemsView *self,
                                                      StStore     *store);
/* Re-reads the list, the selected item's details and the tracking preference. */
void               st_items_view_refresh             (StItemsView *self);
/* Selects the item with that id (asking SQL for its position); FALSE when not listed. */
gboolean           st_items_view_select_id           (StItemsView *self,
                                                      gint64       item_id);
void               st_items_view_focus_filter        (StItemsView *self);
/* The item list and the selected item's unit list (for tests and the window). */
GtkSelectionModel *st_items_view_get_selection       (StItemsView *self);
GtkSelectionModel *st_items_view_get_units_selection (StItemsView *self);

G_END_DECLS
