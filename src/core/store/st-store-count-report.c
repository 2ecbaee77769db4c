/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-store-count-report.c — a count's report (missing, moved, unexpected, quantities), read
 * from an open count or as frozen by its finish; and the finish, which may post one write-off
 * through the posting engine in its own transaction. */
#define G_LOG_DOMAIN "st-count"

#include "config.h"

#include <glib/gi18n.h>

#include "st-count-private.h"
#include "st-error.h"
#include "st-parse.h"
#include "st-posting-private.h"
#include "st-store-count-private.h"

/* Reports. */

void
st_count_report_free (StCountReport *report)
{
  if (report == NULL)
    return;
  g_clear_object (&report->count);
  g_clear_pointer (&report->missing, g_ptr_array_unref);
  g_clear_pointer (&report->moved, g_ptr_array_unref);
  g_clear_pointer (&report->unexpected, g_ptr_array_unref);
  g_clear_pointer (&report->quantities, g_ptr_array_unref);
  g_clear_object (&report->adjustment);
  g_free (report);
}

static void
quantity_free (StCountQuantity *q)
{
  g_free (q->sku);
  g_free (q->item_name);
  g_free (q);
}

/* The expected units not scanned: still here (@missing) or gone since the start.  A finished
 * count answers with the list it froze. */
static GPtrArray *
query_unscanned (StStore   *self,
                 CountCtx  *ctx,
                 gboolean   missing,
                 GError   **error)
{
  g_autoptr(GPtrArray) units = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(StStmt) stmt = NULL;
  const char *sql;
  int rc;

  if (ctx->finished)
    sql = missing
          ? "SELECT " ST_UNIT_COLUMNS " FROM count_expected e JOIN units u ON u.id = e.unit_id"
            ST_UNIT_JOINS " WHERE e.count_id = ?1 AND e.missing = 1 ORDER BY i.sku_key, u.serial_key"
          : "SELECT " ST_UNIT_COLUMNS " FROM count_expected e JOIN units u ON u.id = e.unit_id"
            ST_UNIT_JOINS " WHERE e.count_id = ?1 AND e.missing = 0 AND NOT EXISTS (SELECT 1"
            " FROM count_scans s WHERE s.count_id = ?1 AND s.unit_id = e.unit_id"
            " AND s.class <> 'again') ORDER BY i.sku_key, u.serial_key";
  else
    sql = missing
          ? "SELECT " ST_UNIT_COLUMNS " FROM count_expected e JOIN units u ON u.id = e.unit_id"
            ST_UNIT_JOINS " WHERE e.count_id = ?1 AND u.status = 'in_stock'"
            " AND u.warehouse_id = ?2 AND NOT EXISTS (SELECT 1 FROM count_scans s"
            " WHERE s.count_id = ?1 AND s.unit_id = e.unit_id AND s.class <> 'again')"
            " ORDER BY i.sku_key, u.serial_key"
          : "SELECT " ST_UNIT_COLUMNS " FROM count_expected e JOIN units u ON u.id = e.unit_id"
            ST_UNIT_JOINS " WHERE e.count_id = ?1 AND NOT (u.status = 'in_stock'"
            " AND u.warehouse_id = ?2) AND NOT EXISTS (SELECT 1 FROM count_scans s"
            " WHERE s.count_id = ?1 AND s.unit_id = e.unit_id AND s.class <> 'again')"
            " ORDER BY i.sku_key, u.serial_key";
  stmt = _st_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  st_stmt_bind_int64 (stmt, 1, ctx->id);
  if (!ctx->finished)
    st_stmt_bind_int64 (stmt, 2, ctx->warehouse_id);
  while ((rc = _st_step (stmt, error)) == ST_STEP_ROW)
    g_ptr_array_add (units, _st_unit_from_row (stmt));
  return rc == ST_STEP_DONE ? g_steal_pointer (&units) : NULL;
}

static GPtrArray *
query_quantities (StStore   *self,
                  CountCtx  *ctx,
                  GError   **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) quantity_free);
  g_autoptr(StStmt) stmt = NULL;
  int rc;

  stmt = _st_store_prepare (self, "SELECT q.item_id, i.sku, i.name, q.expected, q.counted,"
                                  " coalesce (q.on_hand, (SELECT s.on_hand FROM stock s"
                                  " WHERE s.item_id = q.item_id AND s.warehouse_id = ?2), 0)"
                                  " FROM count_quantities q JOIN items i ON i.id = q.item_id"
                                  " WHERE q.count_id = ?1 ORDER BY i.sku_key", error);
  if (stmt == NULL)
    return NULL;
  st_stmt_bind_int64 (stmt, 1, ctx->id);
  st_stmt_bind_int64 (stmt, 2, ctx->warehouse_id);
  while ((rc = _st_step (stmt, error)) == ST_STEP_ROW)
    {
      StCountQuantity *q = g_new0 (StCountQuantity, 1);

      q->item_id = st_stmt_column_int64 (stmt, 0);
      q->sku = _st_column_dup (stmt, 1);
      q->item_name = _st_column_dup (stmt, 2);
      q->expected = st_stmt_column_int64 (stmt, 3);
      q->has_counted = !st_stmt_column_is_null (stmt, 4);
      q->counted = q->has_counted ? st_stmt_column_int64 (stmt, 4) : 0;
      q->on_hand = st_stmt_column_int64 (stmt, 5);
      g_ptr_array_add (rows, q);
    }
  return rc == ST_STEP_DONE ? g_steal_pointer (&rows) : NULL;
}

static StCountReport *
build_report (StStore   *self,
              CountCtx  *ctx,
              GError   **error)
{
  g_autoptr(StCountReport) report = g_new0 (StCountReport, 1);

  report->count = _st_count_get_by_id (self, ctx->id, error);
  if (report->count == NULL)
    return NULL;
  report->missing = query_unscanned (self, ctx, TRUE, error);
  if (report->missing == NULL)
    return NULL;
  report->moved = query_unscanned (self, ctx, FALSE, error);
  if (report->moved == NULL)
    return NULL;
  report->unexpected = _st_count_query_scans (self, "SELECT " SCAN_COLUMNS " FROM count_scans s" SCAN_JOINS
                                          " WHERE s.count_id = ?1 AND s.class IN ('elsewhere',"
                                          " 'not_in_stock', 'unknown', 'ambiguous')"
                                          " ORDER BY s.id LIMIT ?2",
                                    ctx->id, G_MAXINT64, error);
  if (report->unexpected == NULL)
    return NULL;
  report->quantities = query_quantities (self, ctx, error);
  if (report->quantities == NULL)
    return NULL;
  return g_steal_pointer (&report);
}

StCountReport *
st_store_count_report (StStore     *self,
                       const char  *number,
                       GError     **error)
{
  CountCtx ctx = { 0 };
  StCountReport *report = NULL;
  gboolean own = !st_db_in_transaction (_st_store_get_db (self));

  g_return_val_if_fail (ST_IS_STORE (self), NULL);
  if (own && !st_db_begin_read (_st_store_get_db (self), error))
    return NULL;
  if (_st_count_ctx_load (self, number, &ctx, error))
    report = build_report (self, &ctx, error);
  _st_count_ctx_clear (&ctx);
  if (own)
    st_db_rollback (_st_store_get_db (self));
  if (report != NULL && report->count->adjustment != NULL)
    {
      g_autoptr(GError) local = NULL;

      report->adjustment = st_store_get_document (self, ST_DOC_ADJUSTMENT,
                                                  report->count->adjustment, &local);
    }
  return report;
}

/* Finishing. */

static gint64
post_write_off (StStore        *self,
                CountCtx       *ctx,
                StCountReport  *report,
                const char     *date,
                GError        **error)
{
  g_autoptr(StDraft) draft = st_draft_new (ST_DOC_ADJUSTMENT);
  StDraftLine *line = NULL;
  const char *last_sku = NULL;

  for (guint i = 0; i < report->missing->len; i++)
    {
      StUnit *unit = g_ptr_array_index (report->missing, i);

      if (line == NULL || g_strcmp0 (last_sku, st_unit_get_sku (unit)) != 0)
        {
          line = st_draft_add_line (draft, st_unit_get_sku (unit), 0);
          last_sku = st_unit_get_sku (unit);
        }
      line->quantity--;
      st_draft_line_add_serial (line, st_unit_get_serial (unit));
    }
  for (guint i = 0; i < report->quantities->len; i++)
    {
      StCountQuantity *q = g_ptr_array_index (report->quantities, i);

      if (q->counted != q->on_hand)
        st_draft_add_line (draft, q->sku, q->counted - q->on_hand);
    }
  if (draft->lines->len == 0)
    return -1;
  st_draft_set_string (&draft->warehouse, st_count_get_warehouse (report->count));
  st_draft_set_string (&draft->date, date);
  /* Translators: the reason of the adjustment a count posts; %s is its number, CNT-00001 */
  draft->reason = g_strdup_printf (_("Stock count %s"), ctx->number);
  return _st_store_post_in_transaction (self, draft, error);
}

typedef struct
{
  const char    *number;
  gboolean       write_off_missing;
  const char    *date;
  char          *finished;   /* the count's number, once finished */
} FinishArgs;

/* Runs @sql, ?1 the count and ?2 its warehouse. */
static gboolean
run_on_count (StStore         *self,
              const CountCtx  *ctx,
              const char      *sql,
              GError         **error)
{
  g_autoptr(StStmt) stmt = _st_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  st_stmt_bind_int64 (stmt, 1, ctx->id);
  st_stmt_bind_int64 (stmt, 2, ctx->warehouse_id);
  return _st_step (stmt, error) != 0;
}

static gboolean
finish_write (StStore  *self,
              gpointer  data,
              GError  **error)
{
  FinishArgs *a = data;
  CountCtx ctx = { 0 };
  g_autoptr(StCountReport) report = NULL;
  g_autoptr(StStmt) stmt = NULL;
  gint64 doc_id = -1;
  gboolean ok = FALSE;

  g_clear_pointer (&a->finished, g_free);
  if (!_st_count_ctx_load (self, a->number, &ctx, error))
    goto out;
  if (ctx.finished)
    {
      /* Translators: %s is a count number, e.g. CNT-00001 */
      g_set_error (error, ST_ERROR, ST_ERROR_DOCUMENT_STATE, _("Count %s is already finished"),
                   ctx.number);
      goto out;
    }
  report = build_report (self, &ctx, error);
  if (report == NULL)
    goto out;
  if (!run_on_count (self, &ctx,
                     "UPDATE count_expected SET missing = 1 WHERE count_id = ?1"
                     " AND unit_id IN (SELECT e.unit_id FROM count_expected e"
                     " JOIN units u ON u.id = e.unit_id WHERE e.count_id = ?1"
                     " AND NOT EXISTS (SELECT 1 FROM count_scans s"
                     " WHERE s.count_id = ?1 AND s.unit_id = e.unit_id"
                     " AND s.class <> 'again') AND u.status = 'in_stock'"
                     " AND u.warehouse_id = ?2)", error)
      || !run_on_count (self, &ctx,
                        "UPDATE count_quantities SET on_hand = coalesce ((SELECT"
                        " s.on_hand FROM stock s WHERE s.item_id = count_quantities.item_id"
                        " AND s.warehouse_id = ?2), 0) WHERE count_id = ?1", error))
    goto out;
  /* The missing list and the quantities on hand are frozen first: the write-off takes the
   * missing units out of stock and sets the quantities to the numbers counted. */
  if (a->write_off_missing)
    {
      doc_id = post_write_off (self, &ctx, report, a->date, error);
      if (doc_id == 0)
        goto out;
    }
  stmt = _st_store_prepare (self, "UPDATE counts SET status = 'finished', finished_date = ?,"
                                  " adjustment_id = ? WHERE id = ? AND status = 'open'", error);
  if (stmt == NULL)
    goto out;
  _st_bind_text (stmt, 1, a->date);
  _st_bind_id (stmt, 2, MAX (doc_id, 0));
  st_stmt_bind_int64 (stmt, 3, ctx.id);
  ok = _st_step (stmt, error) != 0;
  if (ok)
    a->finished = g_strdup (ctx.number);

out:
  _st_count_ctx_clear (&ctx);
  return ok;
}

StCountReport *
st_store_count_finish (StStore     *self,
                       const char  *number,
                       gboolean     write_off_missing,
                       const char  *date,
                       GError     **error)
{
  g_autofree char *day = NULL;
  FinishArgs a = { .number = number, .write_off_missing = write_off_missing };
  StCountReport *report;

  g_return_val_if_fail (ST_IS_STORE (self), NULL);
  /* Translators: a field name, used in messages about a wrong date */
  if (date != NULL && !st_date_validate (date, _("finish date"), error))
    return NULL;
  day = date != NULL ? g_strdup (date) : st_date_today ();
  a.date = day;
  if (!_st_store_write (self, finish_write, &a, error))
    {
      g_free (a.finished);
      return NULL;
    }
  report = st_store_count_report (self, a.finished, error);
  g_free (a.finished);
  return report;
}
