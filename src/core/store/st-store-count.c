/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-store-count.c — stock counts by scanning (DESIGN §9).  A count keeps the units in stock
 * at its warehouse when it started (count_expected); each scan is classified in the write
 * transaction that records it, so two scanners of one serial give one "found" and one
 * "again"; finishing freezes the missing list and may post one write-off adjustment through
 * the posting engine in the same transaction. */
#define G_LOG_DOMAIN "st-count"

#include "config.h"

#include <glib/gi18n.h>

#include "st-count-private.h"
#include "st-error.h"
#include "st-parse.h"
#include "st-serial.h"
#include "st-store-count-private.h"

#define COUNT_PREFIX "CNT-"
#define DEFAULT_BATCH 1000


void
_st_count_ctx_clear (CountCtx *ctx)
{
  g_clear_pointer (&ctx->number, g_free);
  g_clear_pointer (&ctx->items, g_hash_table_unref);
}

static void
set_no_count_error (const char  *number,
                    GError     **error)
{
  /* Translators: %s is a count number as given, e.g. CNT-00001 */
  g_set_error (error, ST_ERROR, ST_ERROR_NOT_FOUND, _("There is no count numbered “%s”"),
               number != NULL ? number : "");
}

gboolean
_st_count_ctx_load (StStore     *self,
          const char  *number,
          CountCtx    *ctx,
          GError     **error)
{
  g_autofree char *key = NULL;
  g_autoptr(StStmt) stmt = NULL;
  g_autoptr(StStmt) items = NULL;
  int rc;

  if (number == NULL || *number == '\0')
    {
      g_set_error_literal (error, ST_ERROR, ST_ERROR_INVALID_INPUT, _("No count was given"));
      return FALSE;
    }
  key = _st_name_key (number);
  stmt = _st_store_prepare (self, "SELECT id, number, warehouse_id, status FROM counts"
                                  " WHERE number_key = ?", error);
  if (stmt == NULL)
    return FALSE;
  _st_bind_text (stmt, 1, key);
  rc = _st_step (stmt, error);
  if (rc == 0)
    return FALSE;
  if (rc != ST_STEP_ROW)
    {
      set_no_count_error (number, error);
      return FALSE;
    }
  ctx->id = st_stmt_column_int64 (stmt, 0);
  ctx->number = _st_column_dup (stmt, 1);
  ctx->warehouse_id = st_stmt_column_int64 (stmt, 2);
  ctx->finished = g_strcmp0 (st_stmt_column_text (stmt, 3), "finished") == 0;

  items = _st_store_prepare (self, "SELECT item_id FROM count_items WHERE count_id = ?", error);
  if (items == NULL)
    return FALSE;
  st_stmt_bind_int64 (items, 1, ctx->id);
  while ((rc = _st_step (items, error)) == ST_STEP_ROW)
    {
      gint64 *id = g_new (gint64, 1);

      if (ctx->items == NULL)
        ctx->items = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      *id = st_stmt_column_int64 (items, 0);
      g_hash_table_add (ctx->items, id);
    }
  return rc == ST_STEP_DONE;
}

static gboolean
check_open (CountCtx  *ctx,
            GError   **error)
{
  if (!ctx->finished)
    return TRUE;
  /* Translators: %s is a count number, e.g. CNT-00001 */
  g_set_error (error, ST_ERROR, ST_ERROR_DOCUMENT_STATE,
               _("Count %s is finished; it takes no more scans"), ctx->number);
  return FALSE;
}

static gboolean
covers_item (CountCtx *ctx,
             gint64    item_id)
{
  return ctx->items == NULL || g_hash_table_contains (ctx->items, &item_id);
}

/* Reading counts. */

StCount *
_st_count_new_from_row (StStmt *stmt)
{
  StCount *count = g_object_new (ST_TYPE_COUNT, NULL);

  count->id = st_stmt_column_int64 (stmt, 0);
  count->number = _st_column_dup (stmt, 1);
  count->warehouse_id = st_stmt_column_int64 (stmt, 2);
  count->warehouse = _st_column_dup (stmt, 3);
  count->date = _st_column_dup (stmt, 4);
  count->finished = g_strcmp0 (st_stmt_column_text (stmt, 5), "finished") == 0;
  count->finished_date = _st_column_dup (stmt, 6);
  count->adjustment = _st_column_dup (stmt, 7);
  count->n_expected = st_stmt_column_int64 (stmt, 8);
  return count;
}

static StCount *
count_from_row (StStore  *self,
                StStmt   *stmt,
                GError  **error)
{
  g_autoptr(StCount) count = _st_count_new_from_row (stmt);
  g_autoptr(StStmt) tally = NULL;
  g_autoptr(StStmt) skus = NULL;
  g_autoptr(GPtrArray) sku_list = g_ptr_array_new ();
  int rc;

  tally = _st_store_prepare (self, "SELECT class, count (*) FROM count_scans"
                                   " WHERE count_id = ? GROUP BY class", error);
  if (tally == NULL)
    return NULL;
  st_stmt_bind_int64 (tally, 1, count->id);
  while ((rc = _st_step (tally, error)) == ST_STEP_ROW)
    {
      StScanClass klass;

      if (st_scan_class_from_string (st_stmt_column_text (tally, 0), &klass))
        count->n_scans[klass] = st_stmt_column_int64 (tally, 1);
    }
  if (rc == 0)
    return NULL;

  skus = _st_store_prepare (self, "SELECT i.sku FROM count_items ci JOIN items i"
                                  " ON i.id = ci.item_id WHERE ci.count_id = ? ORDER BY i.sku_key",
                            error);
  if (skus == NULL)
    return NULL;
  st_stmt_bind_int64 (skus, 1, count->id);
  while ((rc = _st_step (skus, error)) == ST_STEP_ROW)
    g_ptr_array_add (sku_list, _st_column_dup (skus, 0));
  if (rc == 0)
    return NULL;
  g_ptr_array_add (sku_list, NULL);
  count->skus = (GStrv) g_ptr_array_free (g_steal_pointer (&sku_list), FALSE);
  return g_steal_pointer (&count);
}

StCount *
_st_count_get_by_id (StStore  *self,
                 gint64    id,
                 GError  **error)
{
  g_autoptr(StStmt) stmt = _st_store_prepare (self, "SELECT " COUNT_COLUMNS " FROM counts c"
                                                    COUNT_JOINS " WHERE c.id = ?", error);

  if (stmt == NULL)
    return NULL;
  st_stmt_bind_int64 (stmt, 1, id);
  if (_st_step (stmt, error) != ST_STEP_ROW)
    {
      if (error != NULL && *error == NULL)
        g_set_error_literal (error, ST_ERROR, ST_ERROR_NOT_FOUND, _("The count is gone"));
      return NULL;
    }
  return count_from_row (self, stmt, error);
}

StCount *
st_store_get_count (StStore     *self,
                    const char  *number,
                    GError     **error)
{
  CountCtx ctx = { 0 };
  StCount *count = NULL;

  g_return_val_if_fail (ST_IS_STORE (self), NULL);
  if (_st_count_ctx_load (self, number, &ctx, error))
    count = _st_count_get_by_id (self, ctx.id, error);
  _st_count_ctx_clear (&ctx);
  return count;
}

GPtrArray *
st_store_list_counts (StStore  *self,
                      GError  **error)
{
  g_autoptr(GPtrArray) counts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(StStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (ST_IS_STORE (self), NULL);
  stmt = _st_store_prepare (self, "SELECT id FROM counts ORDER BY id DESC", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = _st_step (stmt, error)) == ST_STEP_ROW)
    {
      gint64 id = st_stmt_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  if (rc == 0)
    return NULL;
  g_clear_pointer (&stmt, st_stmt_release);
  for (guint i = 0; i < ids->len; i++)
    {
      StCount *count = _st_count_get_by_id (self, g_array_index (ids, gint64, i), error);

      if (count == NULL)
        return NULL;
      g_ptr_array_add (counts, count);
    }
  return g_steal_pointer (&counts);
}

/* Starting. */

static char *
take_count_number (StStore  *self,
                   GError  **error)
{
  g_autoptr(StStmt) read = _st_store_prepare (self, "SELECT value FROM settings"
                                                    " WHERE key = 'next.count'", error);
  g_autoptr(StStmt) taken = NULL;
  g_autoptr(StStmt) write = NULL;
  g_autofree char *value = NULL;
  gint64 n = 1;
  int rc;

  if (read == NULL)
    return NULL;
  rc = _st_step (read, error);
  if (rc == 0)
    return NULL;
  if (rc == ST_STEP_ROW)
    n = MAX (1, g_ascii_strtoll (st_stmt_column_text (read, 0), NULL, 10));
  taken = _st_store_prepare (self, "SELECT 1 FROM counts WHERE number_key = ?", error);
  if (taken == NULL)
    return NULL;
  for (;; n++)
    {
      g_autofree char *number = g_strdup_printf (COUNT_PREFIX "%05" G_GINT64_FORMAT, n);
      g_autofree char *key = _st_name_key (number);

      _st_bind_text (taken, 1, key);
      rc = _st_step (taken, error);
      st_stmt_release (g_steal_pointer (&taken));
      if (rc == 0)
        return NULL;
      if (rc == ST_STEP_DONE)
        {
          write = _st_store_prepare (self, "INSERT INTO settings (key, value)"
                                           " VALUES ('next.count', ?) ON CONFLICT (key)"
                                           " DO UPDATE SET value = excluded.value", error);
          if (write == NULL)
            return NULL;
          value = g_strdup_printf ("%" G_GINT64_FORMAT, n + 1);
          _st_bind_text (write, 1, value);
          if (_st_step (write, error) == 0)
            return NULL;
          return g_steal_pointer (&number);
        }
      taken = _st_store_prepare (self, "SELECT 1 FROM counts WHERE number_key = ?", error);
      if (taken == NULL)
        return NULL;
    }
}

static gint64
start_in_transaction (StStore             *self,
                      const char          *warehouse,
                      const char * const  *skus,
                      const char          *date,
                      GError             **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *number = NULL;
  g_autofree char *key = NULL;
  g_autoptr(StStmt) stmt = NULL;
  gint64 warehouse_id;
  gint64 count_id;
  gint64 n_expected = 0;

  warehouse_id = _st_store_warehouse_id (self, warehouse, error);
  if (warehouse_id == 0)
    return 0;
  for (gsize i = 0; skus != NULL && skus[i] != NULL; i++)
    {
      StItem *item = st_store_find_item (self, skus[i], error);

      if (item == NULL)
        return 0;
      g_ptr_array_add (items, item);
    }
  number = take_count_number (self, error);
  if (number == NULL)
    return 0;
  key = _st_name_key (number);
  stmt = _st_store_prepare (self, "INSERT INTO counts (number, number_key, warehouse_id, date,"
                                  " status) VALUES (?, ?, ?, ?, 'open')", error);
  if (stmt == NULL)
    return 0;
  _st_bind_text (stmt, 1, number);
  _st_bind_text (stmt, 2, key);
  st_stmt_bind_int64 (stmt, 3, warehouse_id);
  _st_bind_text (stmt, 4, date);
  if (_st_step (stmt, error) == 0)
    return 0;
  g_clear_pointer (&stmt, st_stmt_release);
  count_id = st_db_last_insert_id (_st_store_get_db (self), error);
  if (count_id == 0)
    return 0;

  for (guint i = 0; i < items->len; i++)
    {
      StItem *item = g_ptr_array_index (items, i);
      gint64 item_id = st_item_get_id (item);
      gboolean serial;

      stmt = _st_store_prepare (self, "INSERT INTO count_items (count_id, item_id) VALUES (?, ?)"
                                      " ON CONFLICT DO NOTHING", error);
      if (stmt == NULL)
        return 0;
      st_stmt_bind_int64 (stmt, 1, count_id);
      st_stmt_bind_int64 (stmt, 2, item_id);
      if (_st_step (stmt, error) == 0)
        return 0;
      g_clear_pointer (&stmt, st_stmt_release);
      /* A serial item expects its units in stock here, a quantity item its stock. */
      serial = st_item_get_tracking (item) == ST_TRACKING_SERIAL;
      stmt = _st_store_prepare (self,
                                serial
                                ? "INSERT INTO count_expected (count_id, unit_id)"
                                  " SELECT ?1, u.id FROM units u WHERE u.item_id = ?2"
                                  " AND u.status = 'in_stock' AND u.warehouse_id = ?3"
                                  " ON CONFLICT DO NOTHING"
                                : "INSERT INTO count_quantities (count_id, item_id,"
                                  " expected) VALUES (?1, ?2, coalesce ((SELECT on_hand"
                                  " FROM stock WHERE item_id = ?2 AND warehouse_id = ?3),"
                                  " 0)) ON CONFLICT DO NOTHING", error);
      if (stmt == NULL)
        return 0;
      st_stmt_bind_int64 (stmt, 1, count_id);
      st_stmt_bind_int64 (stmt, 2, item_id);
      st_stmt_bind_int64 (stmt, 3, warehouse_id);
      if (_st_step (stmt, error) == 0)
        return 0;
      if (serial)
        n_expected += st_db_changes (_st_store_get_db (self));
      g_clear_pointer (&stmt, st_stmt_release);
    }
  if (items->len == 0)
    {
      /* Through the items, so that every item's walk is one index range of units_fifo. */
      stmt = _st_store_prepare (self, "INSERT INTO count_expected (count_id, unit_id)"
                                      " SELECT ?1, u.id FROM items i JOIN units u"
                                      " ON u.item_id = i.id AND u.status = 'in_stock'"
                                      " AND u.warehouse_id = ?2 WHERE i.tracking = 'serial'",
                                error);
      if (stmt == NULL)
        return 0;
      st_stmt_bind_int64 (stmt, 1, count_id);
      st_stmt_bind_int64 (stmt, 2, warehouse_id);
      if (_st_step (stmt, error) == 0)
        return 0;
      n_expected = st_db_changes (_st_store_get_db (self));
      g_clear_pointer (&stmt, st_stmt_release);
      stmt = _st_store_prepare (self, "INSERT INTO count_quantities (count_id, item_id, expected)"
                                      " SELECT ?1, s.item_id, s.on_hand FROM stock s JOIN items i"
                                      " ON i.id = s.item_id WHERE s.warehouse_id = ?2"
                                      " AND i.tracking = 'none' AND s.on_hand > 0", error);
      if (stmt == NULL)
        return 0;
      st_stmt_bind_int64 (stmt, 1, count_id);
      st_stmt_bind_int64 (stmt, 2, warehouse_id);
      if (_st_step (stmt, error) == 0)
        return 0;
      g_clear_pointer (&stmt, st_stmt_release);
    }
  stmt = _st_store_prepare (self, "UPDATE counts SET n_expected = ? WHERE id = ?", error);
  if (stmt == NULL)
    return 0;
  st_stmt_bind_int64 (stmt, 1, n_expected);
  st_stmt_bind_int64 (stmt, 2, count_id);
  if (_st_step (stmt, error) == 0)
    return 0;
  return count_id;
}

typedef struct
{
  const char          *warehouse;
  const char * const  *skus;
  const char          *date;
  gint64               count_id;
} StartArgs;

static gboolean
start_write (StStore  *self,
             gpointer  data,
             GError  **error)
{
  StartArgs *a = data;

  a->count_id = start_in_transaction (self, a->warehouse, a->skus, a->date, error);
  return a->count_id != 0;
}

StCount *
st_store_count_start (StStore             *self,
                      const char          *warehouse,
                      const char * const  *skus,
                      const char          *date,
                      GError             **error)
{
  g_autofree char *day = NULL;
  StartArgs start = { 0 };

  g_return_val_if_fail (ST_IS_STORE (self), NULL);
  /* Translators: a field name, used in messages about a wrong date */
  if (date != NULL && !st_date_validate (date, _("count date"), error))
    return NULL;
  day = date != NULL ? g_strdup (date) : st_date_today ();
  start.warehouse = warehouse;
  start.skus = skus;
  start.date = day;
  if (!_st_store_write (self, start_write, &start, error))
    return NULL;
  return _st_count_get_by_id (self, start.count_id, error);
}

/* Scanning. */

typedef struct
{
  gint64        unit_id;
  gint64        item_id;
  StUnitStatus  status;
  gint64        warehouse_id;
  char         *warehouse;
  char         *sku;
  char         *item_name;
  gboolean      expected;   /* in the count's expected set */
} Candidate;

static void
candidate_free (Candidate *c)
{
  g_free (c->warehouse);
  g_free (c->sku);
  g_free (c->item_name);
  g_free (c);
}

static gboolean
load_candidates (StStore     *self,
                 CountCtx    *ctx,
                 const char  *key,
                 GPtrArray   *out,
                 GError     **error)
{
  g_autoptr(StStmt) stmt = _st_store_prepare (self, "SELECT u.id, u.item_id, u.status,"
                                                    " u.warehouse_id, w.name, i.sku, i.name,"
                                                    " CASE WHEN EXISTS (SELECT 1"
                                                    " FROM count_expected e"
                                                    " WHERE e.count_id = ?2"
                                                    " AND e.unit_id = u.id) THEN 1 ELSE 0 END"
                                                    " FROM units u JOIN items i"
                                                    " ON i.id = u.item_id LEFT JOIN warehouses w"
                                                    " ON w.id = u.warehouse_id"
                                                    " WHERE u.serial_key = ?1"
                                                    " AND u.status <> 'voided' ORDER BY i.sku_key",
                                              error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  _st_bind_text (stmt, 1, key);
  st_stmt_bind_int64 (stmt, 2, ctx->id);
  while ((rc = _st_step (stmt, error)) == ST_STEP_ROW)
    {
      Candidate *c = g_new0 (Candidate, 1);

      c->unit_id = st_stmt_column_int64 (stmt, 0);
      c->item_id = st_stmt_column_int64 (stmt, 1);
      if (!st_unit_status_from_string (st_stmt_column_text (stmt, 2), &c->status))
        c->status = ST_UNIT_WRITTEN_OFF;
      c->warehouse_id = st_stmt_column_is_null (stmt, 3) ? 0 : st_stmt_column_int64 (stmt, 3);
      c->warehouse = _st_column_dup (stmt, 4);
      c->sku = _st_column_dup (stmt, 5);
      c->item_name = _st_column_dup (stmt, 6);
      c->expected = st_stmt_column_int64 (stmt, 7) != 0;
      g_ptr_array_add (out, c);
    }
  return rc == ST_STEP_DONE;
}

static StCountScan *
scan_new (const char  *serial,
          StScanClass  klass,
          Candidate   *c)
{
  StCountScan *scan = g_object_new (ST_TYPE_COUNT_SCAN, NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  scan->serial = g_strdup (serial);
  scan->klass = klass;
  scan->scanned_at = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  if (c != NULL)
    {
      scan->unit_id = c->unit_id;
      scan->sku = g_strdup (c->sku);
      scan->item_name = g_strdup (c->item_name);
      scan->has_status = TRUE;
      scan->status = c->status;
      if (c->status == ST_UNIT_IN_STOCK || c->status == ST_UNIT_IN_TRANSIT)
        scan->warehouse = g_strdup (c->warehouse);
    }
  return scan;
}

/* Classifies @serial (not yet validated) and records the scan, inside the caller's write
 * transaction.  NULL with @refused set for a serial that is not counted; NULL without it for
 * a failure of the database. */
static StCountScan *
scan_in_transaction (StStore     *self,
                     CountCtx    *ctx,
                     const char  *text,
                     gboolean    *refused,
                     GError     **error)
{
  g_autofree char *serial = NULL;
  g_autofree char *key = NULL;
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func ((GDestroyNotify) candidate_free);
  g_autoptr(GPtrArray) mine = g_ptr_array_new ();
  g_autoptr(StStmt) stmt = NULL;
  g_autoptr(StCountScan) scan = NULL;
  Candidate *unit = NULL;
  gint64 scanned_unit = -1;
  int rc;

  *refused = FALSE;
  serial = st_serial_normalize (text, error);
  if (serial == NULL)
    {
      *refused = TRUE;
      return NULL;
    }
  key = st_serial_key (serial);
  if (!load_candidates (self, ctx, key, all, error))
    return NULL;
  for (guint i = 0; i < all->len; i++)
    {
      Candidate *c = g_ptr_array_index (all, i);

      if (covers_item (ctx, c->item_id))
        g_ptr_array_add (mine, c);
    }
  if (all->len > 0 && mine->len == 0)
    {
      Candidate *c = g_ptr_array_index (all, 0);

      *refused = TRUE;
      /* Translators: %1$s is a serial, %2$s an SKU, %3$s a count number (CNT-00001) */
      g_set_error (error, ST_ERROR, ST_ERROR_INVALID_INPUT,
                   _("“%1$s” is a unit of %2$s, which count %3$s does not cover"),
                   serial, c->sku, ctx->number);
      return NULL;
    }

  stmt = _st_store_prepare (self, "SELECT unit_id FROM count_scans WHERE count_id = ?"
                                  " AND serial_key = ? LIMIT 1", error);
  if (stmt == NULL)
    return NULL;
  st_stmt_bind_int64 (stmt, 1, ctx->id);
  _st_bind_text (stmt, 2, key);
  rc = _st_step (stmt, error);
  if (rc == 0)
    return NULL;
  if (rc == ST_STEP_ROW)
    scanned_unit = st_stmt_column_is_null (stmt, 0) ? 0 : st_stmt_column_int64 (stmt, 0);
  g_clear_pointer (&stmt, st_stmt_release);

  if (scanned_unit >= 0)
    {
      for (guint i = 0; i < mine->len; i++)
        if (((Candidate *) g_ptr_array_index (mine, i))->unit_id == scanned_unit)
          unit = g_ptr_array_index (mine, i);
      scan = scan_new (serial, ST_SCAN_AGAIN, unit);
    }
  else if (mine->len == 0)
    scan = scan_new (serial, ST_SCAN_UNKNOWN, NULL);
  else
    {
      gboolean expected = FALSE;

      if (mine->len == 1)
        {
          unit = g_ptr_array_index (mine, 0);
          expected = unit->expected;
        }
      else
        {
          /* Several items have this serial: one of them expected here settles it. */
          guint n_expected = 0;

          for (guint i = 0; i < mine->len; i++)
            {
              Candidate *c = g_ptr_array_index (mine, i);

              if (c->expected)
                {
                  n_expected++;
                  unit = c;
                }
            }
          if (n_expected != 1)
            unit = NULL;
          expected = unit != NULL;
        }

      if (unit == NULL)
        {
          GString *skus = g_string_new (NULL);

          for (guint i = 0; i < mine->len; i++)
            g_string_append_printf (skus, "%s%s", i > 0 ? ", " : "",
                                    ((Candidate *) g_ptr_array_index (mine, i))->sku);
          scan = scan_new (serial, ST_SCAN_AMBIGUOUS, NULL);
          scan->items = g_string_free (skus, FALSE);
        }
      else
        {
          gboolean here = unit->status == ST_UNIT_IN_STOCK
                          && unit->warehouse_id == ctx->warehouse_id;
          StScanClass klass;

          if (expected)
            klass = here ? ST_SCAN_FOUND : ST_SCAN_MOVED;
          else if (here)
            klass = ST_SCAN_MOVED;  /* came here after the start */
          else if (unit->status == ST_UNIT_IN_STOCK || unit->status == ST_UNIT_IN_TRANSIT)
            klass = ST_SCAN_ELSEWHERE;
          else
            klass = ST_SCAN_NOT_IN_STOCK;
          scan = scan_new (serial, klass, unit);
        }
    }

  stmt = _st_store_prepare (self, "INSERT INTO count_scans (count_id, serial, serial_key, class,"
                                  " unit_id, status, warehouse_id, detail, scanned_at)"
                                  " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return NULL;
  st_stmt_bind_int64 (stmt, 1, ctx->id);
  _st_bind_text (stmt, 2, serial);
  _st_bind_text (stmt, 3, key);
  _st_bind_text (stmt, 4, st_scan_class_to_string (scan->klass));
  _st_bind_id (stmt, 5, scan->unit_id);
  _st_bind_text (stmt, 6, scan->has_status ? st_unit_status_to_string (scan->status) : NULL);
  _st_bind_id (stmt, 7, scan->warehouse != NULL && unit != NULL ? unit->warehouse_id : 0);
  _st_bind_text (stmt, 8, scan->items);
  _st_bind_text (stmt, 9, scan->scanned_at);
  if (_st_step (stmt, error) == 0)
    return NULL;
  scan->id = st_db_last_insert_id (_st_store_get_db (self), error);
  if (scan->id == 0)
    return NULL;
  return g_steal_pointer (&scan);
}

typedef struct
{
  const char  *number;
  const char  *serial;
  StCountScan *scan;
} ScanArgs;

static gboolean
scan_write (StStore  *self,
            gpointer  data,
            GError  **error)
{
  ScanArgs *a = data;
  CountCtx ctx = { 0 };
  gboolean refused = FALSE;

  g_clear_object (&a->scan);
  if (_st_count_ctx_load (self, a->number, &ctx, error) && check_open (&ctx, error))
    a->scan = scan_in_transaction (self, &ctx, a->serial, &refused, error);
  _st_count_ctx_clear (&ctx);
  return a->scan != NULL;
}

StCountScan *
st_store_count_scan (StStore     *self,
                     const char  *number,
                     const char  *serial,
                     GError     **error)
{
  ScanArgs a = { .number = number, .serial = serial != NULL ? serial : "" };

  g_return_val_if_fail (ST_IS_STORE (self), NULL);
  if (!_st_store_write (self, scan_write, &a, error))
    {
      g_clear_object (&a.scan);
      return NULL;
    }
  return a.scan;
}

static void
clear_object (gpointer object)
{
  if (object != NULL)
    g_object_unref (object);
}

static void
clear_error (gpointer error)
{
  if (error != NULL)
    g_error_free (error);
}

typedef struct
{
  const char          *number;
  const char * const  *serials;
  guint                start;
  guint                end;
  GPtrArray           *done;      /* a scan, or NULL where refused */
  GPtrArray           *refusals;  /* the refusal, or NULL where classified */
} BatchArgs;

static gboolean
batch_write (StStore  *self,
             gpointer  data,
             GError  **error)
{
  BatchArgs *a = data;
  CountCtx ctx = { 0 };
  gboolean ok;

  g_ptr_array_set_size (a->done, 0);
  g_ptr_array_set_size (a->refusals, 0);
  ok = _st_count_ctx_load (self, a->number, &ctx, error) && check_open (&ctx, error);
  for (guint i = a->start; ok && i < a->end; i++)
    {
      g_autoptr(GError) local = NULL;
      gboolean refused = FALSE;
      StCountScan *scan = scan_in_transaction (self, &ctx, a->serials[i], &refused, &local);

      if (scan == NULL && !refused)
        {
          g_propagate_error (error, g_steal_pointer (&local));
          ok = FALSE;
          break;
        }
      g_ptr_array_add (a->done, scan);
      g_ptr_array_add (a->refusals, g_steal_pointer (&local));
    }
  _st_count_ctx_clear (&ctx);
  return ok;
}

gboolean
st_store_count_scan_many (StStore             *self,
                          const char          *number,
                          const char * const  *serials,
                          guint                n_serials,
                          guint                batch,
                          StCountScanFunc      func,
                          gpointer             user_data,
                          GError             **error)
{
  g_autoptr(GPtrArray) done = g_ptr_array_new_with_free_func (clear_object);
  g_autoptr(GPtrArray) refusals = g_ptr_array_new_with_free_func (clear_error);

  g_return_val_if_fail (ST_IS_STORE (self), FALSE);
  if (batch == 0)
    batch = DEFAULT_BATCH;
  /* One transaction a batch, each run again on a conflict like every write. */
  for (guint start = 0; start < n_serials || start == 0; start += batch)
    {
      BatchArgs a = { .number = number, .serials = serials, .start = start,
                      .end = MIN (n_serials, start + batch), .done = done,
                      .refusals = refusals };

      if (!_st_store_write (self, batch_write, &a, error))
        return FALSE;
      /* Reported once committed: what was printed is what was recorded. */
      for (guint i = a.start; func != NULL && i < a.end; i++)
        func (i, serials[i], g_ptr_array_index (done, i - a.start),
              g_ptr_array_index (refusals, i - a.start), user_data);
      if (n_serials == 0)
        break;
    }
  return TRUE;
}

typedef struct
{
  const char *number;
  const char *sku;
  gint64      counted;
} QuantityArgs;

static gboolean
quantity_write (StStore  *self,
                gpointer  data,
                GError  **error)
{
  QuantityArgs *a = data;
  CountCtx ctx = { 0 };
  g_autoptr(StItem) item = NULL;
  g_autoptr(StStmt) stmt = NULL;
  gboolean ok = FALSE;

  if (!_st_count_ctx_load (self, a->number, &ctx, error) || !check_open (&ctx, error))
    goto out;
  item = st_store_find_item (self, a->sku, error);
  if (item == NULL)
    goto out;
  if (st_item_get_tracking (item) == ST_TRACKING_SERIAL)
    {
      /* Translators: %s is an SKU */
      g_set_error (error, ST_ERROR, ST_ERROR_INVALID_INPUT,
                   _("%s is tracked by serial: scan its units instead"), a->sku);
      goto out;
    }
  if (!covers_item (&ctx, st_item_get_id (item)))
    {
      /* Translators: %1$s is an SKU, %2$s a count number (CNT-00001) */
      g_set_error (error, ST_ERROR, ST_ERROR_INVALID_INPUT,
                   _("Count %2$s does not cover %1$s"), a->sku, ctx.number);
      goto out;
    }
  stmt = _st_store_prepare (self, "INSERT INTO count_quantities (count_id, item_id, expected,"
                                  " counted) VALUES (?1, ?2, 0, ?3) ON CONFLICT (count_id, item_id)"
                                  " DO UPDATE SET counted = excluded.counted", error);
  if (stmt == NULL)
    goto out;
  st_stmt_bind_int64 (stmt, 1, ctx.id);
  st_stmt_bind_int64 (stmt, 2, st_item_get_id (item));
  st_stmt_bind_int64 (stmt, 3, a->counted);
  ok = _st_step (stmt, error) != 0;

out:
  _st_count_ctx_clear (&ctx);
  return ok;
}

gboolean
st_store_count_set_quantity (StStore     *self,
                             const char  *number,
                             const char  *sku,
                             gint64       counted,
                             GError     **error)
{
  QuantityArgs a = { .number = number, .sku = sku, .counted = counted };

  g_return_val_if_fail (ST_IS_STORE (self), FALSE);
  if (counted < 0)
    {
      /* Translators: %s is an SKU */
      g_set_error (error, ST_ERROR, ST_ERROR_INVALID_INPUT,
                   _("The number counted of %s cannot be negative"), sku);
      return FALSE;
    }
  return _st_store_write (self, quantity_write, &a, error);
}

StCountScan *
_st_count_scan_from_row (StStmt *stmt)
{
  StCountScan *scan = g_object_new (ST_TYPE_COUNT_SCAN, NULL);

  scan->id = st_stmt_column_int64 (stmt, 0);
  scan->serial = _st_column_dup (stmt, 1);
  st_scan_class_from_string (st_stmt_column_text (stmt, 2), &scan->klass);
  scan->unit_id = st_stmt_column_is_null (stmt, 3) ? 0 : st_stmt_column_int64 (stmt, 3);
  scan->sku = _st_column_dup (stmt, 4);
  scan->item_name = _st_column_dup (stmt, 5);
  scan->warehouse = _st_column_dup (stmt, 6);
  scan->has_status = !st_stmt_column_is_null (stmt, 7)
                     && st_unit_status_from_string (st_stmt_column_text (stmt, 7), &scan->status);
  scan->items = _st_column_dup (stmt, 8);
  scan->scanned_at = _st_column_dup (stmt, 9);
  return scan;
}

GPtrArray *
_st_count_query_scans (StStore     *self,
             const char  *sql,
             gint64       count_id,
             gint64       limit,
             GError     **error)
{
  g_autoptr(GPtrArray) scans = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(StStmt) stmt = _st_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  st_stmt_bind_int64 (stmt, 1, count_id);
  st_stmt_bind_int64 (stmt, 2, limit);
  while ((rc = _st_step (stmt, error)) == ST_STEP_ROW)
    g_ptr_array_add (scans, _st_count_scan_from_row (stmt));
  return rc == ST_STEP_DONE ? g_steal_pointer (&scans) : NULL;
}

GPtrArray *
st_store_count_recent_scans (StStore     *self,
                             const char  *number,
                             guint        limit,
                             GError     **error)
{
  CountCtx ctx = { 0 };
  GPtrArray *scans = NULL;

  g_return_val_if_fail (ST_IS_STORE (self), NULL);
  if (_st_count_ctx_load (self, number, &ctx, error))
    scans = _st_count_query_scans (self, "SELECT " SCAN_COLUMNS " FROM count_scans s" SCAN_JOINS
                               " WHERE s.count_id = ?1 ORDER BY s.id DESC LIMIT ?2",
                         ctx.id, limit, error);
  _st_count_ctx_clear (&ctx);
  return scans;
}

