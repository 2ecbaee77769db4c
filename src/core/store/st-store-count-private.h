/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-store-count-private.h — what counting (st-store-count.c: start, scan) shares with the
 * reports and the finish (st-store-count-report.c).  Only the core includes this. */
#pragma once

#include "st-store-private.h"
#include "st-store-count.h"

G_BEGIN_DECLS

/* The count being scanned into, read once per transaction. */
typedef struct
{
  gint64      id;
  char       *number;
  gint64      warehouse_id;
  gboolean    finished;
  GHashTable *items;   /* item ids the count is limited to; NULL: every item */
} CountCtx;

/* Reads the count numbered @number (ST_ERROR_NOT_FOUND naming it) into @ctx. */
gboolean   _st_count_ctx_load    (StStore     *self,
                                  const char  *number,
                                  CountCtx    *ctx,
                                  GError     **error);
void       _st_count_ctx_clear   (CountCtx    *ctx);
StCount   *_st_count_get_by_id   (StStore     *self,
                                  gint64       id,
                                  GError     **error);
/* The scans @sql selects (SCAN_COLUMNS, ?1 the count, ?2 a limit), as StCountScan*. */
GPtrArray *_st_count_query_scans (StStore     *self,
                                  const char  *sql,
                                  gint64       count_id,
                                  gint64       limit,
                                  GError     **error);

/* A count's own columns (counts c, with COUNT_JOINS) and the count read from them (from column
 * 0), without its tallies and items. */
#define COUNT_COLUMNS \
  "c.id, c.number, c.warehouse_id, w.name, c.date, c.status, c.finished_date, d.number, " \
  "c.n_expected"
#define COUNT_JOINS \
  " JOIN warehouses w ON w.id = c.warehouse_id" \
  " LEFT JOIN documents d ON d.id = c.adjustment_id"
StCount   *_st_count_new_from_row (StStmt *stmt);

/* A scan from a row of SCAN_COLUMNS (from column 0). */
StCountScan *_st_count_scan_from_row (StStmt *stmt);

#define SCAN_COLUMNS \
  "s.id, s.serial, s.class, s.unit_id, i.sku, i.name, w.name, s.status, s.detail, s.scanned_at"
#define SCAN_JOINS \
  " LEFT JOIN units u ON u.id = s.unit_id" \
  " LEFT JOIN items i ON i.id = u.item_id" \
  " LEFT JOIN warehouses w ON w.id = s.warehouse_id"

G_END_DECLS
