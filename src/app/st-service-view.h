/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-service-view.h — the Service view: every after-sales service case in one lazy list, open
 * cases (open, in repair, ready) first, then newest first; filtered by status and by the case
 * number, serial or customer typed; a row opens the case page (win.show-service-case). */
#pragma once

#include "st-list-page.h"

G_BEGIN_DECLS

#define ST_TYPE_SERVICE_VIEW (st_service_view_get_type ())
G_DECLARE_FINAL_TYPE (StServiceView, st_service_view, ST, SERVICE_VIEW, StListPage)

StServiceView *st_service_view_new        (void);
/* The status shown (an StServiceStatus), or -1 for every status; setting it moves the status
 * drop-down as choosing there does. */
int            st_service_view_get_status (StServiceView *self);
void           st_service_view_set_status (StServiceView *self,
                                           int            status);

G_END_DECLS
