/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-export.c — what the exports contain: unit histories (sheets "Units" and "History") and
 * the sold-serials report.  Each sheet is one SQLite query whose rows stream straight into
 * the writer (st-export-writer.c); nothing is held in memory. */
#define G_LOG_DOMAIN "st-export"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "st-error.h"
#include "st-export-private.h"

static gboolean
column_is_null (StStmt *stmt,
                int           i)
{
  return st_stmt_column_is_null (stmt, i);
}

static gint64
count_rows (StStore     *store,
            const char  *sql,
            void       (*bind) (StStmt *stmt, gconstpointer data),
            gconstpointer data,
            GError     **error)
{
  g_autoptr(StStmt) stmt = _st_store_prepare (store, sql, error);

  if (stmt == NULL)
    return -1;
  bind (stmt, data);
  if (_st_step (stmt, error) != ST_STEP_ROW)
    return -1;
  return st_stmt_column_int64 (stmt, 0);
}

/* Unit histories. */

typedef struct
{
  gint64  item_id;     /* 0: any */
  char   *ids_json;    /* "[1,2]": only these units; NULL: any */
} Scope;

static gboolean
resolve_scope (StStore              *store,
               const StHistoryScope *in,
               Scope                *out,
               GError              **error)
{
  g_autoptr(GString) ids = NULL;

  memset (out, 0, sizeof *out);
  if (in == NULL)
    return TRUE;
  if (in->sku != NULL && (in->serials == NULL || in->serials[0] == NULL))
    {
      g_autoptr(StItem) item = st_store_find_item (store, in->sku, error);

      if (item == NULL)
        return FALSE;
      out->item_id = st_item_get_id (item);
    }
  if ((in->serials == NULL || in->serials[0] == NULL) && in->n_unit_ids == 0)
    return TRUE;

  ids = g_string_new ("[");
  for (guint i = 0; in->serials != NULL && in->serials[i] != NULL; i++)
    {
      g_autoptr(StUnit) unit = st_store_find_unit (store, in->serials[i], in->sku, error);

      if (unit == NULL)
        return FALSE;
      g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, ids->len > 1 ? "," : "",
                              st_unit_get_id (unit));
    }
  for (gsize i = 0; i < in->n_unit_ids; i++)
    g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, ids->len > 1 ? "," : "",
                            in->unit_ids[i]);
  g_string_append_c (ids, ']');
  out->ids_json = g_string_free (g_steal_pointer (&ids), FALSE);
  return TRUE;
}

/* Filters select among fixed fragments; the values are bound. */
static const char *
scope_where (StStore     *store,
             const Scope *scope)
{
  /* A JSON array of unit ids, as rows: each dialect has its own function for it. */
  gboolean sqlite = _st_store_get_dialect (store) == ST_DB_DIALECT_SQLITE;

  if (scope->item_id != 0 && scope->ids_json != NULL)
    return sqlite ? " WHERE u.item_id = ?1 AND u.id IN (SELECT value FROM json_each (?2))"
                  : " WHERE u.item_id = ?1 AND u.id IN (SELECT CAST (value AS bigint)"
                    "  FROM json_array_elements_text (CAST (?2 AS json)))";
  if (scope->item_id != 0)
    return " WHERE u.item_id = ?1";
  if (scope->ids_json != NULL)
    return sqlite ? " WHERE u.id IN (SELECT value FROM json_each (?2))"
                  : " WHERE u.id IN (SELECT CAST (value AS bigint)"
                    "  FROM json_array_elements_text (CAST (?2 AS json)))";
  return "";
}

static void
scope_bind (StStmt        *stmt,
            gconstpointer  data)
{
  const Scope *scope = data;

  if (scope->item_id != 0)
    st_stmt_bind_int64 (stmt, 1, scope->item_id);
  if (scope->ids_json != NULL)
    _st_bind_text (stmt, 2, scope->ids_json);
}

static const StExportColumn unit_columns[] = {
  { N_("Serial"), 22 },
  { N_("SKU"), 14 },
  { N_("Item"), 28 },
  { N_("Status"), 18 },
  { N_("Warehouse"), 18 },
  { N_("Received on"), 12 },
  { N_("Bill"), 14 },
  { N_("Vendor"), 22 },
  { N_("Cost"), 12 },
  { N_("Sold on"), 12 },
  { N_("Invoice"), 14 },
  { N_("Customer"), 22 },
  { N_("Price"), 12 },
  { N_("Margin"), 12 },
  { N_("Warranty end"), 13 },
};

static const StExportColumn event_columns[] = {
  { N_("Serial"), 22 },
  { N_("SKU"), 14 },
  { N_("Item"), 28 },
  { N_("Date"), 12 },
  { N_("Event"), 24 },
  { N_("Document"), 14 },
  { N_("From"), 18 },
  { N_("To"), 18 },
  { N_("Contact"), 22 },
  { N_("Amount"), 12 },
};

static gboolean
write_units (StExport     *ex,
             const Scope  *scope,
             GError      **error)
{
  g_autofree char *sql = NULL;
  g_autoptr(StStmt) stmt = NULL;
  StSheet s;
  gboolean ok = FALSE;
  int rc;

  sql = g_strconcat ("SELECT u.serial, i.sku, i.name, u.status, w.name, u.received_date,"
                     " rd.number, rc.name, u.cost, u.sold_date, sd.number, sc.name, u.price,"
                     " u.warranty_end"
                     " FROM units u" ST_UNIT_JOINS, scope_where (ex->store, scope),
                     " ORDER BY i.sku_key, u.serial_key, u.id", NULL);
  stmt = _st_store_prepare (ex->store, sql, error);
  if (stmt == NULL)
    return FALSE;
  st_stmt_set_streaming (stmt);
  scope_bind (stmt, scope);

  _st_sheet_init (&s, ex, _("Units"), unit_columns, G_N_ELEMENTS (unit_columns),
                  _st_export_get_sheet_rows ());
  if (!_st_sheet_start (&s, error))
    goto out;
  while ((rc = _st_step (stmt, error)) == ST_STEP_ROW)
    {
      StUnitStatus status = ST_UNIT_IN_STOCK;
      gint64 cost = st_stmt_column_int64 (stmt, 8);

      if (!_st_sheet_next_row (&s, error))
        goto out;
      _st_cell_text (&s, 0, stmt, 0);
      _st_cell_text (&s, 1, stmt, 1);
      _st_cell_text (&s, 2, stmt, 2);
      if (st_unit_status_from_string (st_stmt_column_text (stmt, 3), &status))
        _st_cell_string (&s, 3, st_unit_status_to_label (status));
      _st_cell_text (&s, 4, stmt, 4);
      _st_cell_date (&s, 5, stmt, 5);
      _st_cell_text (&s, 6, stmt, 6);
      _st_cell_text (&s, 7, stmt, 7);
      _st_cell_money (&s, 8, cost);
      _st_cell_date (&s, 9, stmt, 9);
      _st_cell_text (&s, 10, stmt, 10);
      _st_cell_text (&s, 11, stmt, 11);
      if (!column_is_null (stmt, 12))
        {
          gint64 price = st_stmt_column_int64 (stmt, 12);

          _st_cell_money (&s, 12, price);
          _st_cell_money (&s, 13, price - cost);
        }
      _st_cell_date (&s, 14, stmt, 13);
    }
  ok = rc == ST_STEP_DONE;
out:
  _st_sheet_end (&s);
  _st_sheet_clear (&s);
  return ok;
}

static gboolean
write_events (StExport     *ex,
              const Scope  *scope,
              GError      **error)
{
  g_autofree char *sql = NULL;
  g_autoptr(StStmt) stmt = NULL;
  StSheet s;
  gboolean ok = FALSE;
  int rc;

  /* Without a list of units, CROSS JOIN keeps SQLite walking items, units and events along
   * their indexes, which is the sheet's order: rows stream without a sort of every event.
   * (PostgreSQL plans join orders itself and has no CROSS JOIN … ON.) */
  sql = g_strconcat ("SELECT u.serial, i.sku, i.name, e.date, e.kind, r.kind, d.number,"
                     " fw.name, tw.name, c.name, e.amount",
                     scope->ids_json == NULL && _st_store_get_dialect (ex->store)
                                                == ST_DB_DIALECT_SQLITE
                       ? " FROM items i CROSS JOIN units u ON u.item_id = i.id"
                         " CROSS JOIN unit_events e ON e.unit_id = u.id"
                       : " FROM units u JOIN items i ON i.id = u.item_id"
                         " JOIN unit_events e ON e.unit_id = u.id",
                     " JOIN documents d ON d.id = e.document_id"
                     " LEFT JOIN unit_events r ON r.id = e.reverses_id"
                     " LEFT JOIN warehouses fw ON fw.id = e.from_warehouse_id"
                     " LEFT JOIN warehouses tw ON tw.id = e.to_warehouse_id"
                     " LEFT JOIN contacts c ON c.id = e.contact_id",
                     scope_where (ex->store, scope),
                     " ORDER BY i.sku_key, u.serial_key, u.id, e.id", NULL);
  stmt = _st_store_prepare (ex->store, sql, error);
  if (stmt == NULL)
    return FALSE;
  st_stmt_set_streaming (stmt);
  scope_bind (stmt, scope);

  _st_sheet_init (&s, ex, _("History"), event_columns, G_N_ELEMENTS (event_columns),
                  _st_export_get_sheet_rows ());
  if (!_st_sheet_start (&s, error))
    goto out;
  while ((rc = _st_step (stmt, error)) == ST_STEP_ROW)
    {
      StEventKind kind, reversed;

      if (!_st_sheet_next_row (&s, error))
        goto out;
      _st_cell_text (&s, 0, stmt, 0);
      _st_cell_text (&s, 1, stmt, 1);
      _st_cell_text (&s, 2, stmt, 2);
      _st_cell_date (&s, 3, stmt, 3);
      if (st_event_kind_from_string (st_stmt_column_text (stmt, 4), &kind))
        {
          if (kind == ST_EVENT_VOIDED
              && st_event_kind_from_string (st_stmt_column_text (stmt, 5),
                                            &reversed))
            {
              /* Translators: %s is the event a void reversed, like "Sold" */
              g_autofree char *label = g_strdup_printf (_("Voided: %s"),
                                                        st_event_kind_to_label (reversed));
              _st_cell_string (&s, 4, label);
            }
          else
            _st_cell_string (&s, 4, st_event_kind_to_label (kind));
        }
      _st_cell_text (&s, 5, stmt, 6);
      _st_cell_text (&s, 6, stmt, 7);
      _st_cell_text (&s, 7, stmt, 8);
      _st_cell_text (&s, 8, stmt, 9);
      if (!column_is_null (stmt, 10))
        _st_cell_money (&s, 9, st_stmt_column_int64 (stmt, 10));
    }
  ok = rc == ST_STEP_DONE;
out:
  _st_sheet_end (&s);
  _st_sheet_clear (&s);
  return ok;
}

gboolean
st_export_history (StStore               *store,
                   const char            *path,
                   const StHistoryScope  *scope,
                   gboolean               overwrite,
                   GCancellable          *cancellable,
                   StProgressFunc         progress,
                   gpointer               progress_data,
                   GError               **error)
{
  StExport ex = { 0 };
  Scope sc = { 0 };
  g_autofree char *units_sql = NULL;
  g_autofree char *events_sql = NULL;
  gint64 n_units, n_events;
  gboolean ok = FALSE;

  g_return_val_if_fail (ST_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_st_export_check_cancelled (cancellable, error)
      || !resolve_scope (store, scope, &sc, error)
      || !_st_export_open (&ex, store, path, overwrite, _("Unit history"), cancellable,
                           progress, progress_data, error))
    goto out;

  units_sql = g_strconcat ("SELECT count (*) FROM units u", scope_where (store, &sc), NULL);
  events_sql = g_strconcat ("SELECT count (*) FROM units u JOIN unit_events e"
                            " ON e.unit_id = u.id", scope_where (store, &sc), NULL);
  if ((n_units = count_rows (store, units_sql, scope_bind, &sc, error)) < 0
      || (n_events = count_rows (store, events_sql, scope_bind, &sc, error)) < 0)
    goto out;
  ex.n_total = n_units + n_events;

  ok = write_units (&ex, &sc, error)
       && write_events (&ex, &sc, error)
       && _st_export_close (&ex, error);
out:
  _st_export_clear (&ex);
  g_free (sc.ids_json);
  return ok;
}

/* Sold serials. */

static const StExportColumn sold_columns[] = {
  { N_("Date"), 12 },
  { N_("Invoice"), 14 },
  { N_("Customer"), 22 },
  { N_("SKU"), 14 },
  { N_("Item"), 28 },
  { N_("Serial"), 22 },
  { N_("Price"), 12 },
  { N_("Cost"), 12 },
  { N_("Margin"), 12 },
  { N_("Event"), 22 },
  { N_("Quantity"), 9 },
};
enum { SOLD_PRICE = 6, SOLD_COST, SOLD_MARGIN, SOLD_EVENT, SOLD_QUANTITY };

/* Serial units: the SOLD and RETURNED events of invoices and sales returns in the range that
 * no later event voided, with the cost of the receipt that brought the unit in.  Quantity
 * items: the lines of posted invoices and returns, at the item's cost.  Returns are negative
 * rows.  Ordered by date, document, line. */
#define SOLD_ROWS_SQL \
  "SELECT d.date, d.kind, d.number, c.name, i.sku, i.name, u.serial, e.amount," \
  " (SELECT r.amount FROM unit_events r WHERE r.unit_id = e.unit_id AND r.id < e.id" \
  "    AND r.kind IN ('received', 'adjusted_in') ORDER BY r.id DESC LIMIT 1)," \
  " 1, d.id AS doc, l.line_no AS line, e.id AS ev" \
  " FROM documents d" \
  " JOIN unit_events e ON e.document_id = d.id" \
  " JOIN units u ON u.id = e.unit_id" \
  " JOIN items i ON i.id = u.item_id" \
  " LEFT JOIN document_lines l ON l.id = e.line_id" \
  " LEFT JOIN contacts c ON c.id = d.contact_id" \
  " WHERE d.kind IN ('invoice', 'return') AND d.date >= ?1 AND d.date <= ?2" \
  "   AND e.kind IN ('sold', 'returned')" \
  "   AND NOT EXISTS (SELECT 1 FROM unit_events v WHERE v.unit_id = e.unit_id" \
  "                   AND v.id > e.id AND v.reverses_id = e.id)" \
  " UNION ALL" \
  " SELECT d.date, d.kind, d.number, c.name, i.sku, i.name, NULL, l.quantity * l.rate," \
  " l.quantity * i.cost, l.quantity, d.id, l.line_no, 0" \
  " FROM documents d" \
  " JOIN document_lines l ON l.document_id = d.id" \
  " JOIN items i ON i.id = l.item_id" \
  " LEFT JOIN contacts c ON c.id = d.contact_id" \
  " WHERE d.kind IN ('invoice', 'return') AND d.date >= ?1 AND d.date <= ?2" \
  "   AND d.status = 'posted' AND i.tracking = 'none'"

typedef struct
{
  const char *from;
  const char *to;
} Range;

static void
range_bind (StStmt        *stmt,
            gconstpointer  data)
{
  const Range *range = data;

  _st_bind_text (stmt, 1, range->from != NULL ? range->from : "0000-01-01");
  _st_bind_text (stmt, 2, range->to != NULL ? range->to : "9999-12-31");
}

static gboolean
write_sold (StExport     *ex,
            const Range  *range,
            GError      **error)
{
  g_autoptr(StStmt) stmt = NULL;
  gint64 sum_price = 0, sum_cost = 0, sum_margin = 0, sum_quantity = 0, n_rows = 0;
  StSheet s;
  gboolean ok = FALSE;
  int rc;

  stmt = _st_store_prepare (ex->store, SOLD_ROWS_SQL " ORDER BY 1, doc, line, ev", error);
  if (stmt == NULL)
    return FALSE;
  st_stmt_set_streaming (stmt);
  range_bind (stmt, range);

  /* One row fewer per sheet: the last one needs room for the totals. */
  _st_sheet_init (&s, ex, _("Sold serials"), sold_columns, G_N_ELEMENTS (sold_columns),
                  _st_export_get_sheet_rows () - 1);
  if (!_st_sheet_start (&s, error))
    goto out;
  while ((rc = _st_step (stmt, error)) == ST_STEP_ROW)
    {
      StDocKind kind = ST_DOC_INVOICE;
      int sign;
      gint64 price, quantity;

      st_doc_kind_from_string (st_stmt_column_text (stmt, 1), &kind);
      sign = kind == ST_DOC_RETURN ? -1 : 1;
      price = sign * st_stmt_column_int64 (stmt, 7);
      quantity = sign * st_stmt_column_int64 (stmt, 9);

      if (!_st_sheet_next_row (&s, error))
        goto out;
      n_rows++;
      _st_cell_date (&s, 0, stmt, 0);
      _st_cell_text (&s, 1, stmt, 2);
      _st_cell_text (&s, 2, stmt, 3);
      _st_cell_text (&s, 3, stmt, 4);
      _st_cell_text (&s, 4, stmt, 5);
      _st_cell_text (&s, 5, stmt, 6);
      _st_cell_money (&s, SOLD_PRICE, price);
      sum_price += price;
      if (!column_is_null (stmt, 8))
        {
          gint64 cost = sign * st_stmt_column_int64 (stmt, 8);

          _st_cell_money (&s, SOLD_COST, cost);
          _st_cell_money (&s, SOLD_MARGIN, price - cost);
          sum_cost += cost;
          sum_margin += price - cost;
        }
      _st_cell_string (&s, SOLD_EVENT,
                       st_event_kind_to_label (kind == ST_DOC_RETURN ? ST_EVENT_RETURNED
                                                                     : ST_EVENT_SOLD));
      _st_cell_count (&s, SOLD_QUANTITY, quantity);
      sum_quantity += quantity;
    }
  if (rc != ST_STEP_DONE)
    goto out;

  /* An empty report is the header alone. */
  if (n_rows > 0)
    {
      _st_sheet_total_row (&s, _("Total"));
      _st_sheet_sum (&s, SOLD_PRICE, sum_price, TRUE);
      _st_sheet_sum (&s, SOLD_COST, sum_cost, TRUE);
      _st_sheet_sum (&s, SOLD_MARGIN, sum_margin, TRUE);
      _st_sheet_sum (&s, SOLD_QUANTITY, sum_quantity, FALSE);
    }
  ok = TRUE;
out:
  _st_sheet_end (&s);
  _st_sheet_clear (&s);
  return ok;
}

static char *
sold_title (const char *from,
            const char *to)
{
  if (from != NULL && to != NULL)
    /* Translators: a spreadsheet's title; %1$s and %2$s are dates */
    return g_strdup_printf (_("Sold serials %1$s – %2$s"), from, to);
  if (from != NULL)
    /* Translators: a spreadsheet's title; %s is a date */
    return g_strdup_printf (_("Sold serials from %s"), from);
  if (to != NULL)
    /* Translators: a spreadsheet's title; %s is a date */
    return g_strdup_printf (_("Sold serials until %s"), to);
  return g_strdup (_("Sold serials"));
}

gboolean
st_export_sold (StStore       *store,
                const char    *path,
                const char    *from,
                const char    *to,
                gboolean       overwrite,
                GCancellable  *cancellable,
                StProgressFunc progress,
                gpointer       progress_data,
                GError       **error)
{
  StExport ex = { 0 };
  Range range = { from, to };
  g_autofree char *title = NULL;
  gint64 n;
  gboolean ok = FALSE;

  g_return_val_if_fail (ST_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_st_export_check_period (from, to, error))
    return FALSE;

  title = sold_title (from, to);
  if (!_st_export_open (&ex, store, path, overwrite, title, cancellable, progress,
                        progress_data, error))
    goto out;
  if ((n = count_rows (store, "SELECT count (*) FROM (" SOLD_ROWS_SQL ") AS sold", range_bind, &range,
                       error)) < 0)
    goto out;
  /* Nothing sold (or returned) in the period: say so rather than write an empty sheet — the
   * workbook is not written (_st_export_clear removes the unfinished file). */
  if (n == 0)
    {
      g_set_error (error, ST_ERROR, ST_ERROR_NOT_FOUND,
                   /* Translators: the sold-serials report found no sale; %s is the report's
                    * title with its period ("Sold serials 2026-04-01 – 2026-04-30") */
                   _("Nothing was sold in the period (%s): no file was written"), title);
      goto out;
    }
  ex.n_total = n;
  ok = write_sold (&ex, &range, error) && _st_export_close (&ex, error);
out:
  _st_export_clear (&ex);
  return ok;
}
