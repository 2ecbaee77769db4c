/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-count.h — a stock count (DESIGN §9): one warehouse, optionally some items, scanned into
 * until it is finished; and the classes its scans fall into. */
#pragma once

#include <glib-object.h>
#include "st-types.h"

G_BEGIN_DECLS

/* What a scan was, decided when it was made. */
typedef enum
{
  ST_SCAN_FOUND,         /* expected, first scan                                   */
  ST_SCAN_AGAIN,         /* this serial was scanned into the count already         */
  ST_SCAN_ELSEWHERE,     /* in stock at another warehouse, or in transit           */
  ST_SCAN_NOT_IN_STOCK,  /* sold, written off, returned to the vendor …            */
  ST_SCAN_UNKNOWN,       /* no unit has this serial                                */
  ST_SCAN_AMBIGUOUS,     /* several items have a unit with this serial             */
  ST_SCAN_MOVED,         /* moved into or out of the warehouse since the start     */
} StScanClass;
#define ST_N_SCAN_CLASSES 7

/* Machine names (database, CLI, JSON); never translated. */
const char *st_scan_class_to_string   (StScanClass  klass);
gboolean    st_scan_class_from_string (const char   *text,
                                        StScanClass *out);
/* A short translated word for the class ("found", "elsewhere"). */
const char *st_scan_class_to_label    (StScanClass  klass);
/* Whether a scan of this class is one of the count's unexpected finds. */
gboolean    st_scan_class_is_unexpected (StScanClass klass);

#define ST_TYPE_COUNT (st_count_get_type ())
G_DECLARE_FINAL_TYPE (StCount, st_count, ST, COUNT, GObject)

gint64       st_count_get_id            (StCount      *self);
const char  *st_count_get_number        (StCount      *self);
const char  *st_count_get_warehouse     (StCount      *self);
const char  *st_count_get_date          (StCount      *self);
gboolean     st_count_get_finished      (StCount      *self);
/* NULL while open. */
const char  *st_count_get_finished_date (StCount      *self);
/* The number of the adjustment that wrote the missing off; NULL when none. */
const char  *st_count_get_adjustment    (StCount      *self);
/* The SKUs the count is limited to (NULL-terminated, empty: every item). */
const char * const *st_count_get_skus   (StCount      *self);
/* Units in stock at the warehouse at the start (serial items). */
gint64       st_count_get_n_expected    (StCount      *self);
/* Scans of a class. */
gint64       st_count_get_n_scans       (StCount      *self,
                                         StScanClass  klass);
/* Scans of the unexpected classes (elsewhere, not in stock, unknown, ambiguous). */
gint64       st_count_get_n_unexpected  (StCount      *self);
/* "812 of 830 found, 3 unexpected" (translated). */
char        *st_count_describe_tally    (StCount      *self);

G_END_DECLS
