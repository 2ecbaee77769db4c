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

G_END_DECLS
