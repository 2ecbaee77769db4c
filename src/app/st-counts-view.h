/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-counts-view.h — the Counts view: every stock count, open ones first, with its warehouse,
 * when it started and its tallies; a row opens the count's page. */
#pragma once

#include "st-list-page.h"

G_BEGIN_DECLS

#define ST_TYPE_COUNTS_VIEW (st_counts_view_get_type ())
G_DECLARE_FINAL_TYPE (StCountsView, st_counts_view, ST, COUNTS_VIEW, StListPage)

StCountsView *st_counts_view_new (void);

G_END_DECLS
