/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include "st-store.h"

G_BEGIN_DECLS

#define ST_TYPE_UNIT_PAGE (st_unit_page_get_type ())
G_DECLARE_FINAL_TYPE (StUnitPage, st_unit_page, ST, UNIT_PAGE, GtkWindow)

/* A window with one unit's current state (status, warehouse, warranty …) and the timeline
 * of its events, read from @store when shown or reloaded. */
StUnitPage *st_unit_page_new         (GtkWindow  *parent,
                                      StStore    *store,
                                      gint64      unit_id);
gint64      st_unit_page_get_unit_id (StUnitPage *self);
void        st_unit_page_reload      (StUnitPage *self);
/* The unit's events, oldest first (StUnitEvent), as listed. */
GListModel *st_unit_page_get_history (StUnitPage *self);

G_END_DECLS
