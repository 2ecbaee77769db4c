/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-warranty-view.h — the Warranty Expiring list (a tab of the Service page): sold units
 * whose warranty ends within the next N days, soonest first, with their customer — the shop
 * calls those customers.  A row opens the unit's page. */
#pragma once

#include "st-list-page.h"

G_BEGIN_DECLS

#define ST_TYPE_WARRANTY_VIEW (st_warranty_view_get_type ())
G_DECLARE_FINAL_TYPE (StWarrantyView, st_warranty_view, ST, WARRANTY_VIEW, StListPage)

StWarrantyView *st_warranty_view_new      (void);
/* N, as the "within … days" spin button shows it (30 by default). */
guint           st_warranty_view_get_days (StWarrantyView *self);
void            st_warranty_view_set_days (StWarrantyView *self,
                                           guint           days);

G_END_DECLS
