/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-count-scan.h — one scan into a stock count, with its class and what it found. */
#pragma once

#include <glib-object.h>
#include "st-count.h"

G_BEGIN_DECLS

#define ST_TYPE_COUNT_SCAN (st_count_scan_get_type ())
G_DECLARE_FINAL_TYPE (StCountScan, st_count_scan, ST, COUNT_SCAN, GObject)

gint64        st_count_scan_get_id         (StCountScan *self);
/* The serial as scanned (trimmed). */
const char   *st_count_scan_get_serial     (StCountScan *self);
StScanClass  st_count_scan_get_class      (StCountScan *self);
/* The unit found (0: unknown, ambiguous). */
gint64        st_count_scan_get_unit_id    (StCountScan *self);
/* The unit's SKU and item name; NULL for unknown and ambiguous scans. */
const char   *st_count_scan_get_sku        (StCountScan *self);
const char   *st_count_scan_get_item_name  (StCountScan *self);
/* Where the unit was when scanned (in stock there, or in transit to it); NULL when nowhere. */
const char   *st_count_scan_get_warehouse  (StCountScan *self);
/* The unit's status when scanned; FALSE without a unit. */
gboolean      st_count_scan_get_status     (StCountScan  *self,
                                            StUnitStatus *status);
/* Ambiguous scans: the SKUs that have this serial, comma-separated. */
const char   *st_count_scan_get_items      (StCountScan *self);
/* "2026-12-04T19:30:01Z" */
const char   *st_count_scan_get_scanned_at (StCountScan *self);
/* One translated line: "found", "elsewhere: in stock at Storeroom", "not in stock: sold",
 * "ambiguous: items A-1, B-2" … (without the serial). */
char         *st_count_scan_describe       (StCountScan *self);

G_END_DECLS
