/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-generate.h — deterministic synthetic inventories, posted through the posting engine. */
#pragma once

#include <gio/gio.h>
#include "st-types.h"
#include "st-export.h"

G_BEGIN_DECLS

typedef struct
{
  guint64 n_items;
  guint64 n_units;
  guint64 n_documents;
} StGenerateStats;

gboolean st_generate (StStore          *store,
                      guint             n_items,
                      guint64           n_units,
                      guint64           seed,
                      GCancellable     *cancellable,
                      StProgressFunc    progress,
                      gpointer          progress_data,
                      StGenerateStats  *stats,
                      GError          **error);

/* Adds @n_cases after-sales service cases to an existing inventory (issue 13): sold units,
 * chosen from @seed, opened on a date after their sale and moved on through the service
 * functions to a mix of statuses (open, in repair, ready) and resolutions (repaired,
 * unrepaired, cancelled, replaced, refunded).  Refused when fewer units were sold. */
gboolean st_generate_service_cases (StStore          *store,
                                    guint             n_cases,
                                    guint64           seed,
                                    GCancellable     *cancellable,
                                    StProgressFunc    progress,
                                    gpointer          progress_data,
                                    guint            *n_made,
                                    GError          **error);

G_END_DECLS
