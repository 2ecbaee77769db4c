/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-export.h — Excel (.xlsx) exports: unit histories and the sold-serials report. */
#pragma once

#include <gio/gio.h>
#include "st-types.h"

G_BEGIN_DECLS

/* Called now and then with the share of the work done (0.0–1.0). */
typedef void (*StProgressFunc) (double fraction, gpointer user_data);

/* Which units a history export covers.  All NULL/0: every unit. */
typedef struct
{
  const char         *sku;       /* one item */
  const char * const *serials;   /* NULL-terminated; with @sku, serials of that item */
  const gint64       *unit_ids;  /* a selection from a list (n_unit_ids of them) */
  gsize               n_unit_ids;
} StHistoryScope;

/* Writes sheets "Units" (one row per unit) and "History" (one row per event), names and
 * headers in the UI language.  Refuses an existing @path unless @overwrite; never leaves a
 * partial file behind (writes a temporary file, renamed on success). */
gboolean st_export_history (StStore               *store,
                            const char            *path,
                            const StHistoryScope  *scope,
                            gboolean               overwrite,
                            GCancellable          *cancellable,
                            StProgressFunc         progress,
                            gpointer               progress_data,
                            GError               **error);

/* Sold serials between @from and @to (ISO dates, inclusive; NULL = open end): one row per
 * unit sold, returned units as negative rows, a totals row of SUM formulas. */
gboolean st_export_sold    (StStore               *store,
                            const char            *path,
                            const char            *from,
                            const char            *to,
                            gboolean               overwrite,
                            GCancellable          *cancellable,
                            StProgressFunc         progress,
                            gpointer               progress_data,
                            GError               **error);

/* A stock count's report (st-export-count.c): sheets Count (a summary), Missing, Unexpected,
 * Moved, Quantities and Scans (every scan, oldest first). */
gboolean st_export_count   (StStore               *store,
                            const char            *number,
                            const char            *path,
                            gboolean               overwrite,
                            GCancellable          *cancellable,
                            StProgressFunc         progress,
                            gpointer               progress_data,
                            GError               **error);

/* The Services workbook (DESIGN §8): one row per service case opened between @from and @to
 * (ISO dates, inclusive; NULL = open end) — case, unit, customer, dates, days in service,
 * warranty status, resolution, charge, refund and parts cost — and a totals row. */
gboolean st_export_services (StStore               *store,
                             const char            *path,
                             const char            *from,
                             const char            *to,
                             gboolean               overwrite,
                             GCancellable          *cancellable,
                             StProgressFunc         progress,
                             gpointer               progress_data,
                             GError               **error);

G_END_DECLS
