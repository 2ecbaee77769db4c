/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-units-view.h — every serial-numbered unit of the inventory in one lazy list: filtered
 * by serial and by status, sorted in SQL, a row opens the unit's history. */
#pragma once

#include <gtk/gtk.h>
#include "st-store.h"

G_BEGIN_DECLS

#define ST_TYPE_UNITS_VIEW (st_units_view_get_type ())
G_DECLARE_FINAL_TYPE (StUnitsView, st_units_view, ST, UNITS_VIEW, GtkWidget)

StUnitsView       *st_units_view_new           (void);
StStore           *st_units_view_get_store     (StUnitsView *self);
void               st_units_view_set_store     (StUnitsView *self,
                                                StStore     *store);
/* Re-reads the list (after a posting), keeping its filter, status and sort. */
void               st_units_view_refresh       (StUnitsView *self);
void               st_units_view_focus_filter  (StUnitsView *self);
/* The status shown (an StUnitStatus), or -1 for every status; setting it moves the status
 * drop-down as choosing there does. */
int                st_units_view_get_status    (StUnitsView *self);
void               st_units_view_set_status    (StUnitsView *self,
                                                int          status);
/* The units listed, in the order shown (NULL without a store); for tests and benchmarks. */
StListModel       *st_units_view_get_model     (StUnitsView *self);
/* The selection over the view's rows (one row per unit of the model, position for position;
 * the rows are StRowSlots' slots, see st-row-slots.h). */
GtkSelectionModel *st_units_view_get_selection (StUnitsView *self);

G_END_DECLS
