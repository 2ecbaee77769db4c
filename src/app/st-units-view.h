/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-units-view.h — every serial-numbered unit of the inventory in one lazy list: filtered
 * by serial and by status, sorted in SQL, a row opens the unit's history.  Its rows are
 * stable (StRowSlots, see st-row-slots.h): st_list_page_get_selection() selects slots. */
#pragma once

#include "st-list-page.h"

G_BEGIN_DECLS

#define ST_TYPE_UNITS_VIEW (st_units_view_get_type ())
G_DECLARE_FINAL_TYPE (StUnitsView, st_units_view, ST, UNITS_VIEW, StListPage)

StUnitsView *st_units_view_new        (void);
/* The status shown (an StUnitStatus), or -1 for every status; setting it moves the status
 * drop-down as choosing there does. */
int          st_units_view_get_status (StUnitsView *self);
void         st_units_view_set_status (StUnitsView *self,
                                       int          status);
/* st_list_page_get_model(), for the GUI benchmarks. */
StListModel *st_units_view_get_model  (StUnitsView *self);

G_END_DECLS
