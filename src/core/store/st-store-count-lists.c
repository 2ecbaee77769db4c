/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-store-count-lists.c — the lazy lists the app shows of counts (DESIGN §9): every count,
 * a count's missing units and its unexpected scans, read a page at a time by StListModel;
 * and bringing the units a count found at other warehouses here with transfers. */
#define G_LOG_DOMAIN "st-count"

#include "config.h"

#include <glib/gi18n.h>

#include "st-count-private.h"
#include "st-error.h"
#include "st-posting-private.h"
#include "st-store-count-private.h"

/* Every count.  Its tallies are read with its row, one index range count per class. */

#define COUNT_TALLY(klass) \
  "(SELECT count (*) FROM count_scans s WHERE s.count_id = c.id AND s.class = '" klass "')"
#define COUNT_ROW_COLUMNS \
  COUNT_COLUMNS ", " COUNT_TALLY ("found") ", " COUNT_TALLY ("again") ", " \
  COUNT_TALLY ("elsewhere") ", " COUNT_TALLY ("not_in_stock") ", " COUNT_TALLY ("unknown") ", " \
  COUNT_TALLY ("ambiguous") ", " COUNT_TALLY ("moved")
#define COUNT_ROW_FROM "counts c" COUNT_JOINS

static GObject *
count_from_row (StStmt *stmt)
{
  StCount *count = _st_count_new_from_row (stmt);
  /* The order of StScanClass. */
  static const StScanClass classes[] = { ST_SCAN_FOUND, ST_SCAN_AGAIN, ST_SCAN_ELSEWHERE,
                                         ST_SCAN_NOT_IN_STOCK, ST_SCAN_UNKNOWN,
                                         ST_SCAN_AMBIGUOUS, ST_SCAN_MOVED };

  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    count->n_scans[classes[i]] = st_stmt_column_int64 (stmt, 9 + (int) i);
  count->skus = g_new0 (char *, 1);
  return G_OBJECT (count);
}

static char *
counts_sql (StListSource *source,
            StListSql     what,
            const char   *filter,
            StSortKey     sort,
            gboolean      descending)
{
  const char *conds[2] = { NULL, NULL };
  const char *from = "counts c";
  const char *key;

  if (filter != NULL)
    conds[0] = "(c.number_key LIKE ?90 ESCAPE '\\' OR c.warehouse_id IN"
               " (SELECT id FROM warehouses WHERE name_key LIKE ?90 ESCAPE '\\'))";
  switch (sort)
    {
    case ST_SORT_NUMBER:    key = "c.number_key"; break;
    case ST_SORT_DATE:      key = "c.date"; break;
    case ST_SORT_WAREHOUSE:
      key = "w.name_key";
      from = "counts c JOIN warehouses w ON w.id = c.warehouse_id";
      break;
    case ST_SORT_DEFAULT:
    default:
      /* Open counts first, the newest first within each: the id descending, and the open
       * ones lifted above every finished one. */
      key = "(CASE WHEN c.status = 'open' THEN 4611686018427387904 ELSE 0 END + c.id)";
      descending = !descending;
      break;
    }
  if (what == ST_LIST_SQL_ROW)
    from = COUNT_ROW_FROM;
  return _st_list_sql (what, COUNT_ROW_COLUMNS, from, conds, key, "c.id", descending);
}

static const StListKind counts_list = {
  counts_sql, NULL, count_from_row, ST_LIST_ROW_ID (st_count_get_id), st_count_get_type,
};

StListModel *
st_store_count_list_all (StStore *self)
{
  g_return_val_if_fail (ST_IS_STORE (self), NULL);
  return _st_list_model_new (self, &counts_list, NULL, NULL);
}

/* A count's missing units and unexpected scans. */

typedef struct
{
  gint64   count_id;
  gint64   warehouse_id;
  gboolean finished;
} CountRef;

static CountRef *
count_ref_new (StCount *count)
{
  CountRef *ref = g_new0 (CountRef, 1);

  ref->count_id = count->id;
  ref->warehouse_id = count->warehouse_id;
  ref->finished = count->finished;
  return ref;
}

static char *
missing_sql (StListSource *source,
             StListSql     what,
             const char   *filter,
             StSortKey     sort,
             gboolean      descending)
{
  CountRef *ref = source->data;
  const char *conds[4] = { "e.count_id = ?1", NULL, NULL, NULL };
  guint n = 1;

  /* As st_store_count_report() says: expected, not scanned, still there; a finished count's
   * list is the one it froze. */
  if (ref->finished)
    conds[n++] = "e.missing = 1";
  else
    conds[n++] = "u.status = 'in_stock' AND u.warehouse_id = ?2 AND NOT EXISTS (SELECT 1"
                 " FROM count_scans s WHERE s.count_id = ?1 AND s.unit_id = e.unit_id"
                 " AND s.class <> 'again')";
  if (filter != NULL)
    conds[n++] = "u.serial_key LIKE ?90 ESCAPE '\\'";
  if (what == ST_LIST_SQL_ROW)
    return _st_list_sql (what, ST_UNIT_COLUMNS, "units u" ST_UNIT_JOINS, conds, "u.serial_key",
                         "u.id", descending);
  return _st_list_sql (what, NULL, "count_expected e JOIN units u ON u.id = e.unit_id", conds,
                       "u.serial_key", "u.id", descending);
}

static void
missing_bind (StListSource *source,
              StStmt       *stmt,
              const char   *filter)
{
  CountRef *ref = source->data;

  st_stmt_bind_int64 (stmt, 1, ref->count_id);
  if (!ref->finished)
    st_stmt_bind_int64 (stmt, 2, ref->warehouse_id);
  _st_list_bind_filter (stmt, filter);
}

static const StListKind missing_list = {
  missing_sql, missing_bind, ST_LIST_FROM_ROW (_st_unit_from_row),
  ST_LIST_ROW_ID (st_unit_get_id), st_unit_get_type,
};

StListModel *
st_store_count_list_missing (StStore *self,
                             StCount *count)
{
  g_return_val_if_fail (ST_IS_STORE (self), NULL);
  g_return_val_if_fail (ST_IS_COUNT (count), NULL);
  return _st_list_model_new (self, &missing_list, count_ref_new (count), g_free);
}

static char *
unexpected_sql (StListSource *source,
                StListSql     what,
                const char   *filter,
                StSortKey     sort,
                gboolean      descending)
{
  const char *conds[3] = { "s.count_id = ?1 AND s.class IN ('elsewhere', 'not_in_stock',"
                           " 'unknown', 'ambiguous')", NULL, NULL };

  if (filter != NULL)
    conds[1] = "s.serial_key LIKE ?90 ESCAPE '\\'";
  if (what == ST_LIST_SQL_ROW)
    return _st_list_sql (what, SCAN_COLUMNS, "count_scans s" SCAN_JOINS, conds, "s.id", "s.id",
                         descending);
  /* In the order scanned. */
  return _st_list_sql (what, NULL, "count_scans s", conds, "s.id", "s.id", descending);
}

static void
unexpected_bind (StListSource *source,
                 StStmt       *stmt,
                 const char   *filter)
{
  CountRef *ref = source->data;

  st_stmt_bind_int64 (stmt, 1, ref->count_id);
  _st_list_bind_filter (stmt, filter);
}

static const StListKind unexpected_list = {
  unexpected_sql, unexpected_bind, ST_LIST_FROM_ROW (_st_count_scan_from_row),
  ST_LIST_ROW_ID (st_count_scan_get_id), st_count_scan_get_type,
};

StListModel *
st_store_count_list_unexpected (StStore *self,
                                StCount *count)
{
  g_return_val_if_fail (ST_IS_STORE (self), NULL);
  g_return_val_if_fail (ST_IS_COUNT (count), NULL);
  return _st_list_model_new (self, &unexpected_list, count_ref_new (count), g_free);
}

/* Bringing the units found elsewhere here. */

/* One transfer per warehouse the units are at, a line per item; posted in the caller's
 * transaction.  The ids of the transfers are appended to @doc_ids. */
static gboolean
transfer_in_transaction (StStore     *self,
                         CountCtx    *ctx,
                         const char  *date,
                         GArray      *doc_ids,
                         GError     **error)
{
  g_autoptr(StStmt) stmt = NULL;
  g_autoptr(GPtrArray) drafts = g_ptr_array_new_with_free_func ((GDestroyNotify) st_draft_free);
  g_autofree char *here = NULL;
  StDraft *draft = NULL;
  StDraftLine *line = NULL;
  gint64 last_warehouse = 0;
  int rc;

  stmt = _st_store_prepare (self, "SELECT name FROM warehouses WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  st_stmt_bind_int64 (stmt, 1, ctx->warehouse_id);
  if (_st_step (stmt, error) != ST_STEP_ROW)
    return FALSE;
  here = _st_column_dup (stmt, 0);
  g_clear_pointer (&stmt, st_stmt_release);

  /* The units as they are now: one sold or moved since its scan stays where it is. */
  stmt = _st_store_prepare (self, "SELECT DISTINCT u.warehouse_id, w.name, w.name_key, i.sku,"
                                  " i.sku_key, u.serial, u.serial_key FROM count_scans s"
                                  " JOIN units u ON u.id = s.unit_id"
                                  " JOIN items i ON i.id = u.item_id"
                                  " JOIN warehouses w ON w.id = u.warehouse_id"
                                  " WHERE s.count_id = ?1 AND s.class = 'elsewhere'"
                                  " AND u.status = 'in_stock' AND u.warehouse_id <> ?2"
                                  " ORDER BY w.name_key, u.warehouse_id, i.sku_key, i.sku,"
                                  " u.serial_key", error);
  if (stmt == NULL)
    return FALSE;
  st_stmt_bind_int64 (stmt, 1, ctx->id);
  st_stmt_bind_int64 (stmt, 2, ctx->warehouse_id);
  while ((rc = _st_step (stmt, error)) == ST_STEP_ROW)
    {
      gint64 warehouse_id = st_stmt_column_int64 (stmt, 0);
      const char *sku = st_stmt_column_text (stmt, 3);

      if (draft == NULL || warehouse_id != last_warehouse)
        {
          draft = st_draft_new (ST_DOC_TRANSFER);
          st_draft_set_string (&draft->warehouse, st_stmt_column_text (stmt, 1));
          st_draft_set_string (&draft->to_warehouse, here);
          st_draft_set_string (&draft->date, date);
          g_ptr_array_add (drafts, draft);
          last_warehouse = warehouse_id;
          line = NULL;
        }
      if (line == NULL || g_strcmp0 (line->sku, sku) != 0)
        line = st_draft_add_line (draft, sku, 0);
      line->quantity++;
      st_draft_line_add_serial (line, st_stmt_column_text (stmt, 5));
    }
  if (rc != ST_STEP_DONE)
    return FALSE;
  g_clear_pointer (&stmt, st_stmt_release);

  for (guint i = 0; i < drafts->len; i++)
    {
      gint64 id = _st_store_post_in_transaction (self, g_ptr_array_index (drafts, i), error);

      if (id == 0)
        return FALSE;
      g_array_append_val (doc_ids, id);
    }
  return TRUE;
}

static GArray *
transfer_once (StStore     *self,
               const char  *number,
               const char  *date,
               GError     **error)
{
  CountCtx ctx = { 0 };
  g_autoptr(GArray) doc_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gboolean ok;

  if (!_st_store_begin (self, error))
    return NULL;
  ok = _st_count_ctx_load (self, number, &ctx, error)
       && transfer_in_transaction (self, &ctx, date, doc_ids, error)
       && _st_store_commit (self, error);
  _st_count_ctx_clear (&ctx);
  if (!ok)
    {
      _st_store_rollback (self);
      return NULL;
    }
  return g_steal_pointer (&doc_ids);
}

GPtrArray *
st_store_count_transfer_elsewhere (StStore     *self,
                                   const char  *number,
                                   const char  *date,
                                   GError     **error)
{
  g_autoptr(GPtrArray) documents = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) doc_ids = NULL;

  g_return_val_if_fail (ST_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  for (guint attempt = 0; ; attempt++)
    {
      GError *local = NULL;

      doc_ids = transfer_once (self, number, date, &local);
      if (doc_ids != NULL)
        break;
      if (!_st_store_retry_write (self, attempt, &local))
        {
          g_propagate_error (error, local);
          return NULL;
        }
    }
  if (doc_ids->len > 0)
    _st_store_emit_changed (self);
  for (guint i = 0; i < doc_ids->len; i++)
    {
      StDocument *doc = st_store_get_document_by_id (self, g_array_index (doc_ids, gint64, i),
                                                     error);

      if (doc == NULL)
        return NULL;
      g_ptr_array_add (documents, doc);
    }
  return g_steal_pointer (&documents);
}
