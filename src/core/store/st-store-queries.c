/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-store-queries.c — reading documents, units, histories and stock, and the lazy lists' SQL. */
#define G_LOG_DOMAIN "st-queries"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "st-error.h"
#include "st-serial.h"
#include "st-store-private.h"

/* Row builders. */

StUnit *
_st_unit_from_row (StStmt *stmt)
{
  StUnit *unit = g_object_new (ST_TYPE_UNIT, NULL);

  unit->id = st_stmt_column_int64 (stmt, 0);
  unit->item_id = st_stmt_column_int64 (stmt, 1);
  unit->sku = _st_column_dup (stmt, 2);
  unit->item_name = _st_column_dup (stmt, 3);
  unit->serial = _st_column_dup (stmt, 4);
  st_unit_status_from_string (st_stmt_column_text (stmt, 5), &unit->status);
  unit->warehouse = _st_column_dup (stmt, 6);
  unit->cost = st_stmt_column_int64 (stmt, 7);
  unit->has_price = !st_stmt_column_is_null (stmt, 8);
  unit->price = st_stmt_column_int64 (stmt, 8);
  unit->warranty_end = _st_column_dup (stmt, 9);
  unit->received_date = _st_column_dup (stmt, 10);
  unit->received_doc = _st_column_dup (stmt, 11);
  if (!st_stmt_column_is_null (stmt, 12))
    st_doc_kind_from_string (st_stmt_column_text (stmt, 12), &unit->received_kind);
  unit->vendor = _st_column_dup (stmt, 13);
  unit->sold_date = _st_column_dup (stmt, 14);
  unit->invoice = _st_column_dup (stmt, 15);
  unit->customer = _st_column_dup (stmt, 16);
  unit->sold_kind = ST_DOC_INVOICE;
  if (!st_stmt_column_is_null (stmt, 17))
    st_doc_kind_from_string (st_stmt_column_text (stmt, 17), &unit->sold_kind);
  return unit;
}

StDocument *
_st_document_from_row (StStmt *stmt)
{
  StDocument *doc = g_object_new (ST_TYPE_DOCUMENT, NULL);

  doc->id = st_stmt_column_int64 (stmt, 0);
  st_doc_kind_from_string (st_stmt_column_text (stmt, 1), &doc->kind);
  doc->number = _st_column_dup (stmt, 2);
  doc->date = _st_column_dup (stmt, 3);
  st_doc_status_from_string (st_stmt_column_text (stmt, 4), &doc->status);
  doc->contact = _st_column_dup (stmt, 5);
  doc->warehouse = _st_column_dup (stmt, 6);
  doc->to_warehouse = _st_column_dup (stmt, 7);
  doc->in_transit = st_stmt_column_int (stmt, 8);
  doc->received_date = _st_column_dup (stmt, 9);
  doc->reference = _st_column_dup (stmt, 10);
  doc->reason = _st_column_dup (stmt, 11);
  doc->total = st_stmt_column_int64 (stmt, 12);
  doc->quantity = st_stmt_column_int64 (stmt, 13);
  return doc;
}

/* Documents. */

static GPtrArray *
load_lines (StStore  *self,
            gint64    doc_id,
            GError  **error)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func ((GDestroyNotify) _st_document_line_free);
  g_autoptr(StStmt) stmt = NULL;
  int rc;

  stmt = _st_store_prepare (self,
                            "SELECT l.id, l.line_no, l.item_id, i.sku, i.name, l.quantity, l.rate"
                            " FROM document_lines l JOIN items i ON i.id = l.item_id"
                            " WHERE l.document_id = ? ORDER BY l.line_no", error);
  if (stmt == NULL)
    return NULL;
  st_stmt_bind_int64 (stmt, 1, doc_id);
  while ((rc = _st_step (stmt, error)) == ST_STEP_ROW)
    {
      StDocumentLine *line = g_new0 (StDocumentLine, 1);
      g_autoptr(StStmt) serials = NULL;
      int src;

      line->line_no = st_stmt_column_int (stmt, 1);
      line->item_id = st_stmt_column_int64 (stmt, 2);
      line->sku = _st_column_dup (stmt, 3);
      line->item_name = _st_column_dup (stmt, 4);
      line->quantity = st_stmt_column_int64 (stmt, 5);
      line->rate = st_stmt_column_int64 (stmt, 6);
      line->serials = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (lines, line);

      /* The serials of a line are the units of its first event (not a receipt of a transfer,
       * not a void). */
      serials = _st_store_prepare (self,
                                   "SELECT u.serial FROM unit_events e"
                                   " JOIN units u ON u.id = e.unit_id"
                                   " WHERE e.line_id = ? AND e.kind NOT IN ('voided', 'transfer_in')"
                                   " ORDER BY e.id", error);
      if (serials == NULL)
        return NULL;
      st_stmt_bind_int64 (serials, 1, st_stmt_column_int64 (stmt, 0));
      while ((src = _st_step (serials, error)) == ST_STEP_ROW)
        g_ptr_array_add (line->serials, _st_column_dup (serials, 0));
      if (src != ST_STEP_DONE)
        return NULL;
    }
  return rc == ST_STEP_DONE ? g_steal_pointer (&lines) : NULL;
}

StDocument *
st_store_get_document_by_id (StStore  *self,
                             gint64    id,
                             GError  **error)
{
  g_autoptr(StStmt) stmt = NULL;
  g_autoptr(StDocument) doc = NULL;
  int rc;

  g_return_val_if_fail (ST_IS_STORE (self), NULL);
  stmt = _st_store_prepare (self, "SELECT " ST_DOCUMENT_COLUMNS " FROM documents d"
                                  ST_DOCUMENT_JOINS " WHERE d.id = ?", error);
  if (stmt == NULL)
    return NULL;
  st_stmt_bind_int64 (stmt, 1, id);
  rc = _st_step (stmt, error);
  if (rc == 0)
    return NULL;
  if (rc != ST_STEP_ROW)
    {
      g_set_error (error, ST_ERROR, ST_ERROR_NOT_FOUND, _("The document no longer exists"));
      return NULL;
    }
  doc = _st_document_from_row (stmt);
  g_clear_pointer (&stmt, st_stmt_release);
  doc->lines = load_lines (self, id, error);
  if (doc->lines == NULL)
    return NULL;
  return g_steal_pointer (&doc);
}

StDocument *
st_store_get_document (StStore     *self,
                       StDocKind    kind,
                       const char  *number,
                       GError     **error)
{
  gint64 id;

  g_return_val_if_fail (ST_IS_STORE (self), NULL);
  id = _st_store_find_document (self, kind, number, error);
  if (id == 0)
    return NULL;
  return st_store_get_document_by_id (self, id, error);
}

StDocument *
st_store_get_bill (StStore     *self,
                   const char  *number,
                   const char  *vendor,
                   GError     **error)
{
  gint64 id;

  g_return_val_if_fail (ST_IS_STORE (self), NULL);
  id = _st_store_find_bill (self, number, vendor, error);
  if (id == 0)
    return NULL;
  return st_store_get_document_by_id (self, id, error);
}

/* Units. */

StUnit *
st_store_get_unit (StStore  *self,
                   gint64    unit_id,
                   GError  **error)
{
  g_autoptr(StStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (ST_IS_STORE (self), NULL);
  stmt = _st_store_prepare (self, "SELECT " ST_UNIT_COLUMNS " FROM units u" ST_UNIT_JOINS
                                  " WHERE u.id = ?", error);
  if (stmt == NULL)
    return NULL;
  st_stmt_bind_int64 (stmt, 1, unit_id);
  rc = _st_step (stmt, error);
  if (rc == 0)
    return NULL;
  if (rc != ST_STEP_ROW)
    {
      g_set_error (error, ST_ERROR, ST_ERROR_NOT_FOUND, _("The unit no longer exists"));
      return NULL;
    }
  return _st_unit_from_row (stmt);
}

StUnit *
st_store_find_unit (StStore     *self,
                    const char  *serial,
                    const char  *sku,
                    GError     **error)
{
  g_autofree char *clean = NULL;
  g_autofree char *key = NULL;
  g_autoptr(StStmt) stmt = NULL;
  g_autoptr(StUnit) found = NULL;
  g_autoptr(StItem) item = NULL;
  int n = 0;
  int rc;

  g_return_val_if_fail (ST_IS_STORE (self), NULL);
  clean = st_serial_normalize (serial, error);
  if (clean == NULL)
    return NULL;
  key = st_serial_key (clean);
  if (sku != NULL)
    {
      item = st_store_find_item (self, sku, error);
      if (item == NULL)
        return NULL;
    }
  stmt = _st_store_prepare (self, "SELECT " ST_UNIT_COLUMNS " FROM units u" ST_UNIT_JOINS
                                  " WHERE u.serial_key = ?1 AND (?2 IS NULL OR u.item_id = ?2)"
                                  " LIMIT 2", error);
  if (stmt == NULL)
    return NULL;
  _st_bind_text (stmt, 1, key);
  _st_bind_id (stmt, 2, item != NULL ? st_item_get_id (item) : 0);
  while ((rc = _st_step (stmt, error)) == ST_STEP_ROW)
    {
      n++;
      if (found == NULL)
        found = _st_unit_from_row (stmt);
    }
  if (rc == 0)
    return NULL;
  if (n == 0)
    {
      g_autofree char *q = g_strescape (clean, NULL);
      /* Translators: %s is a serial number as typed */
      g_set_error (error, ST_ERROR, ST_ERROR_NOT_FOUND, _("No unit has serial “%s”"), q);
      return NULL;
    }
  if (n > 1)
    {
      g_autofree char *q = g_strescape (clean, NULL);
      g_set_error (error, ST_ERROR, ST_ERROR_DUPLICATE,
                   /* Translators: %s is a serial number */
                   _("Serial “%s” exists for several items; name the item (SKU)"), q);
      return NULL;
    }
  return g_steal_pointer (&found);
}

GPtrArray *
st_store_get_unit_history (StStore  *self,
                           gint64    unit_id,
                           GError  **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(StStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (ST_IS_STORE (self), NULL);
  stmt = _st_store_prepare (self,
                            "SELECT e.id, e.kind, coalesce (r.kind, ''), e.date, d.kind, d.number,"
                            " fw.name, tw.name, c.name, e.amount,"
                            /* The other unit of a replacement, both ways. */
                            " CASE e.kind WHEN 'replaced' THEN (SELECT ru.serial"
                            "   FROM service_cases s JOIN units ru ON ru.id = s.replacement_unit_id"
                            "   WHERE s.document_id = e.document_id)"
                            "  WHEN 'replacement' THEN (SELECT fu.serial"
                            "   FROM service_cases s JOIN units fu ON fu.id = s.unit_id"
                            "   WHERE s.document_id = e.document_id) END"
                            " FROM unit_events e"
                            " JOIN documents d ON d.id = e.document_id"
                            " LEFT JOIN unit_events r ON r.id = e.reverses_id"
                            " LEFT JOIN warehouses fw ON fw.id = e.from_warehouse_id"
                            " LEFT JOIN warehouses tw ON tw.id = e.to_warehouse_id"
                            " LEFT JOIN contacts c ON c.id = e.contact_id"
                            " WHERE e.unit_id = ? ORDER BY e.id", error);
  if (stmt == NULL)
    return NULL;
  st_stmt_bind_int64 (stmt, 1, unit_id);
  while ((rc = _st_step (stmt, error)) == ST_STEP_ROW)
    {
      StUnitEvent *e = g_object_new (ST_TYPE_UNIT_EVENT, NULL);

      e->id = st_stmt_column_int64 (stmt, 0);
      e->unit_id = unit_id;
      st_event_kind_from_string (st_stmt_column_text (stmt, 1), &e->kind);
      e->reversed_kind = e->kind;
      st_event_kind_from_string (st_stmt_column_text (stmt, 2), &e->reversed_kind);
      e->date = _st_column_dup (stmt, 3);
      st_doc_kind_from_string (st_stmt_column_text (stmt, 4), &e->doc_kind);
      e->doc_number = _st_column_dup (stmt, 5);
      e->from_warehouse = _st_column_dup (stmt, 6);
      e->to_warehouse = _st_column_dup (stmt, 7);
      e->contact = _st_column_dup (stmt, 8);
      e->has_amount = !st_stmt_column_is_null (stmt, 9);
      e->amount = st_stmt_column_int64 (stmt, 9);
      e->related_serial = _st_column_dup (stmt, 10);
      g_ptr_array_add (list, e);
    }
  return rc == ST_STEP_DONE ? g_steal_pointer (&list) : NULL;
}

/* The smallest key greater than every key starting with @prefix (for prefix range scans). */
static char *
prefix_upper_bound (const char *prefix)
{
  return g_strconcat (prefix, "\xf4\x8f\xbf\xbf", NULL);
}

GPtrArray *
st_store_search_units (StStore     *self,
                       const char  *text,
                       guint        limit,
                       GError     **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(StStmt) stmt = NULL;
  g_autofree char *clean = NULL;
  g_autofree char *key = NULL;
  g_autofree char *upper = NULL;
  int rc;

  g_return_val_if_fail (ST_IS_STORE (self), NULL);
  clean = st_serial_normalize (text, error);
  if (clean == NULL)
    return NULL;
  key = st_serial_key (clean);
  upper = prefix_upper_bound (key);
  stmt = _st_store_prepare (self, "SELECT " ST_UNIT_COLUMNS " FROM units u" ST_UNIT_JOINS
                                  " WHERE u.serial_key >= ?1 AND u.serial_key < ?2"
                                  " ORDER BY u.serial_key <> ?1, u.serial_key, i.sku_key"
                                  " LIMIT ?3", error);
  if (stmt == NULL)
    return NULL;
  _st_bind_text (stmt, 1, key);
  _st_bind_text (stmt, 2, upper);
  st_stmt_bind_int64 (stmt, 3, limit > 0 ? (int) MIN (limit, G_MAXINT) : G_MAXINT);
  while ((rc = _st_step (stmt, error)) == ST_STEP_ROW)
    g_ptr_array_add (list, _st_unit_from_row (stmt));
  return rc == ST_STEP_DONE ? g_steal_pointer (&list) : NULL;
}

/* Stock. */

void
st_stock_row_free (StStockRow *row)
{
  if (row == NULL)
    return;
  g_free (row->sku);
  g_free (row->item_name);
  g_free (row->warehouse);
  g_free (row);
}

GPtrArray *
st_store_get_stock (StStore  *self,
                    gint64    item_id,
                    GError  **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) st_stock_row_free);
  g_autoptr(StStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (ST_IS_STORE (self), NULL);
  stmt = _st_store_prepare (self,
                            "SELECT s.item_id, i.sku, i.name, w.name, s.on_hand, s.in_transit"
                            " FROM stock s JOIN items i ON i.id = s.item_id"
                            " JOIN warehouses w ON w.id = s.warehouse_id"
                            " WHERE (?1 IS NULL OR s.item_id = ?1)"
                            "   AND (s.on_hand <> 0 OR s.in_transit <> 0)"
                            " ORDER BY i.sku_key, w.name_key", error);
  if (stmt == NULL)
    return NULL;
  _st_bind_id (stmt, 1, item_id);
  while ((rc = _st_step (stmt, error)) == ST_STEP_ROW)
    {
      StStockRow *row = g_new0 (StStockRow, 1);

      row->item_id = st_stmt_column_int64 (stmt, 0);
      row->sku = _st_column_dup (stmt, 1);
      row->item_name = _st_column_dup (stmt, 2);
      row->warehouse = _st_column_dup (stmt, 3);
      row->on_hand = st_stmt_column_int64 (stmt, 4);
      row->in_transit = st_stmt_column_int64 (stmt, 5);
      g_ptr_array_add (list, row);
    }
  return rc == ST_STEP_DONE ? g_steal_pointer (&list) : NULL;
}

/* Lazy list sources.  Filters and sort keys only ever select among fixed SQL fragments;
 * user text is always bound (?90 is the LIKE pattern). */

static char *
like_pattern (const char *filter)
{
  GString *s = g_string_new ("%");
  g_autofree char *key = _st_name_key (filter);

  for (const char *p = key; *p; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (s, '\\');
      g_string_append_c (s, *p);
    }
  g_string_append_c (s, '%');
  return g_string_free (s, FALSE);
}

void
_st_list_bind_filter (StStmt     *stmt,
                      const char *filter)
{
  if (filter != NULL)
    {
      g_autofree char *pattern = like_pattern (filter);
      _st_bind_text (stmt, 90, pattern);
    }
}

static const char *
direction (gboolean descending)
{
  return descending ? " DESC" : " ASC";
}

/* The keys of the rows after (?95, ?96) in the list's order: those tied with it on the sort key
 * and after it by id, then those past its key, as two index ranges that SQLite merges in
 * order.  The row value (key, id) > (?95, ?96) means the same, but SQLite 3.40 bounds its
 * index range by the key alone and so walks every row tied with the anchor first: up to 15 ms
 * a page inside a bill of 100,000 units received on one day, or on one status.  SQL NULL keys
 * never compare; the model falls back to OFFSET when a keyset page comes back short. */
static char *
keys_after_sql (const char         *from,
                const char * const *conds,
                const char         *key,
                const char         *id,
                gboolean            descending)
{
  GString *s = g_string_new (NULL);
  const char *op = descending ? "<" : ">";

  for (guint arm = 0; arm < 2; arm++)
    {
      g_string_append_printf (s, "%sSELECT %s, %s FROM %s WHERE ", arm > 0 ? " UNION ALL " : "",
                              key, id, from);
      for (guint i = 0; conds[i] != NULL; i++)
        g_string_append_printf (s, "%s AND ", conds[i]);
      if (arm == 0)
        g_string_append_printf (s, "%s = ?95 AND %s %s ?96", key, id, op);
      else
        g_string_append_printf (s, "%s %s ?95", key, op);
    }
  g_string_append_printf (s, " ORDER BY 1%s, 2%s", direction (descending),
                          direction (descending));
  return g_string_free (s, FALSE);
}

/* Composes one shape of a list's SQL from its parts: @from (with the joins the WHERE and the
 * order need), the WHERE conditions (NULL-terminated, may be empty), the sort key and the id
 * expression.  Only fixed fragments are ever pasted; values are bound. */
char *
_st_list_sql (StListSql           what,
              const char         *columns,
              const char         *from,
              const char * const *conds,
              const char         *key,
              const char         *id,
              gboolean            descending)
{
  GString *s;
  gboolean first = TRUE;

  if (what == ST_LIST_SQL_KEYS_AFTER)
    return keys_after_sql (from, conds, key, id, descending);
  if (what == ST_LIST_SQL_KEYS_AFTER_TUPLE)
    {
      GString *t = g_string_new (NULL);

      g_string_append_printf (t, "SELECT %s, %s FROM %s WHERE ", key, id, from);
      for (guint i = 0; conds[i] != NULL; i++)
        g_string_append_printf (t, "%s AND ", conds[i]);
      g_string_append_printf (t, "(%s, %s) %s (?95, ?96) ORDER BY %s%s, %s%s", key, id,
                              descending ? "<" : ">", key, direction (descending), id,
                              direction (descending));
      return g_string_free (t, FALSE);
    }
  /* No list keeps its count or finds a row by position faster than skipping to it, unless it
   * says so itself. */
  if (what == ST_LIST_SQL_SEEK || what == ST_LIST_SQL_COUNT_KEPT)
    return NULL;
  if (what == ST_LIST_SQL_LANDMARKS)
    {
      GString *t = g_string_new (NULL);

      g_string_append_printf (t, "SELECT k, i, rn FROM (SELECT %s AS k, %s AS i,"
                              " row_number () OVER (ORDER BY %s%s, %s%s) AS rn FROM %s",
                              key, id, key, direction (descending), id, direction (descending),
                              from);
      for (guint i = 0; conds[i] != NULL; i++)
        g_string_append_printf (t, "%s%s", i == 0 ? " WHERE " : " AND ", conds[i]);
      g_string_append (t, ") AS s WHERE rn % ?97 IN (1, ?98) ORDER BY rn");
      return g_string_free (t, FALSE);
    }
  s = g_string_new ("SELECT ");

  switch (what)
    {
    case ST_LIST_SQL_COUNT:
      g_string_append (s, "count (*)");
      break;
    case ST_LIST_SQL_KEYS:
    case ST_LIST_SQL_KEYS_AFTER:
      g_string_append_printf (s, "%s, %s", key, id);
      break;
    case ST_LIST_SQL_ROW:
    default:
      g_string_append (s, columns);
      break;
    }
  g_string_append_printf (s, " FROM %s", from);
  if (what == ST_LIST_SQL_ROW)
    {
      g_string_append_printf (s, " WHERE %s IN (", id);
      for (guint i = 1; i <= ST_LIST_ROWS; i++)
        g_string_append_printf (s, i > 1 ? ", ?%u" : "?%u", i);
      g_string_append_c (s, ')');
      return g_string_free (s, FALSE);
    }
  for (guint i = 0; conds[i] != NULL; i++, first = FALSE)
    g_string_append_printf (s, "%s%s", first ? " WHERE " : " AND ", conds[i]);
  if (what != ST_LIST_SQL_COUNT)
    g_string_append_printf (s, " ORDER BY %s%s, %s%s", key, direction (descending), id,
                            direction (descending));
  return g_string_free (s, FALSE);
}

/* Items. */

static char *
items_sql (StListSource *source,
           StListSql     what,
           const char   *filter,
           StSortKey     sort,
           gboolean      descending)
{
  const char *conds[3] = { NULL, NULL, NULL };
  guint n = 0;
  const char *key;

  if (GPOINTER_TO_INT (source->data))
    conds[n++] = "i.archived = 0";
  if (filter != NULL)
    conds[n++] = "(i.sku_key LIKE ?90 ESCAPE '\\' OR lower (i.name) LIKE ?90 ESCAPE '\\')";
  switch (sort)
    {
    case ST_SORT_NAME:    key = "lower (i.name)"; break;
    case ST_SORT_PRICE:   key = "i.price"; break;
    case ST_SORT_COST:    key = "i.cost"; break;
    case ST_SORT_ON_HAND:
      key = "(SELECT coalesce (sum (s.on_hand), 0) FROM stock s WHERE s.item_id = i.id)";
      break;
    case ST_SORT_DEFAULT:
    case ST_SORT_SKU:
    default:              key = "i.sku_key"; break;
    }
  return _st_list_sql (what, ST_ITEM_COLUMNS, "items i", conds, key, "i.id", descending);
}

static const StListKind items_list = {
  items_sql, NULL, ST_LIST_FROM_ROW (_st_item_from_row), ST_LIST_ROW_ID (st_item_get_id),
  st_item_get_type,
};

StListModel *
st_store_list_items (StStore *self)
{
  return st_store_list_items_archived (self, TRUE);
}

StListModel *
st_store_list_items_archived (StStore  *self,
                              gboolean  include_archived)
{
  g_return_val_if_fail (ST_IS_STORE (self), NULL);
  return _st_list_model_new (self, &items_list, GINT_TO_POINTER (!include_archived), NULL);
}

/* Contacts (vendors and customers together) and warehouses, for their list views; source->data
 * is TRUE when archived rows are left out. */

static char *
contacts_sql (StListSource *source,
              StListSql     what,
              const char   *filter,
              StSortKey     sort,
              gboolean      descending)
{
  const char *conds[3] = { NULL, NULL, NULL };
  guint n = 0;
  const char *key;

  if (GPOINTER_TO_INT (source->data))
    conds[n++] = "c.archived = 0";
  if (filter != NULL)
    conds[n++] = "(c.name_key LIKE ?90 ESCAPE '\\' OR lower (c.email) LIKE ?90 ESCAPE '\\'"
                 " OR lower (c.phone) LIKE ?90 ESCAPE '\\')";
  switch (sort)
    {
    case ST_SORT_STATUS:  key = "c.kind"; break;
    case ST_SORT_DEFAULT:
    case ST_SORT_NAME:
    default:              key = "c.name_key"; break;
    }
  return _st_list_sql (what, ST_CONTACT_COLUMNS, "contacts c", conds, key, "c.id", descending);
}

static const StListKind contacts_list = {
  contacts_sql, NULL, ST_LIST_FROM_ROW (_st_contact_from_row),
  ST_LIST_ROW_ID (st_contact_get_id), st_contact_get_type,
};

StListModel *
st_store_list_contact_rows (StStore  *self,
                            gboolean  include_archived)
{
  g_return_val_if_fail (ST_IS_STORE (self), NULL);
  return _st_list_model_new (self, &contacts_list, GINT_TO_POINTER (!include_archived), NULL);
}

static char *
warehouses_sql (StListSource *source,
                StListSql     what,
                const char   *filter,
                StSortKey     sort,
                gboolean      descending)
{
  const char *conds[3] = { NULL, NULL, NULL };
  guint n = 0;
  const char *key;

  if (GPOINTER_TO_INT (source->data))
    conds[n++] = "w.archived = 0";
  if (filter != NULL)
    conds[n++] = "w.name_key LIKE ?90 ESCAPE '\\'";
  switch (sort)
    {
    case ST_SORT_ON_HAND:
      key = "(SELECT coalesce (sum (s.on_hand), 0) FROM stock s WHERE s.warehouse_id = w.id)";
      break;
    case ST_SORT_DEFAULT:
    case ST_SORT_NAME:
    default:              key = "w.name_key"; break;
    }
  return _st_list_sql (what, ST_WAREHOUSE_COLUMNS, "warehouses w", conds, key, "w.id", descending);
}

static const StListKind warehouses_list = {
  warehouses_sql, NULL, ST_LIST_FROM_ROW (_st_warehouse_from_row),
  ST_LIST_ROW_ID (st_warehouse_get_id), st_warehouse_get_type,
};

StListModel *
st_store_list_warehouse_rows (StStore  *self,
                              gboolean  include_archived)
{
  g_return_val_if_fail (ST_IS_STORE (self), NULL);
  return _st_list_model_new (self, &warehouses_list, GINT_TO_POINTER (!include_archived), NULL);
}

/* Documents: of a kind, or of a kind and one contact, posted only (a return's chooser). */

typedef struct
{
  StDocKind kind;
  gint64    contact_id;   /* 0: any */
  gboolean  posted_only;
} DocumentFilter;

static char *
documents_sql (StListSource *source,
               StListSql     what,
               const char   *filter,
               StSortKey     sort,
               gboolean      descending)
{
  const DocumentFilter *f = source->data;
  const char *conds[5] = { "d.kind = ?1", NULL, NULL, NULL, NULL };
  guint n = 1;
  const char *key;
  const char *from = "documents d";

  if (f->contact_id != 0)
    conds[n++] = "d.contact_id = ?2";
  if (f->posted_only)
    conds[n++] = "d.status = ?3";
  if (filter != NULL)
    conds[n++] = "(d.number_key LIKE ?90 ESCAPE '\\' OR d.contact_id IN"
                 " (SELECT id FROM contacts WHERE name_key LIKE ?90 ESCAPE '\\'))";
  switch (sort)
    {
    case ST_SORT_NUMBER:  key = "d.number_key"; break;
    case ST_SORT_CONTACT:
      key = "c.name_key";
      from = "documents d LEFT JOIN contacts c ON c.id = d.contact_id";
      break;
    case ST_SORT_STATUS:  key = "d.status"; break;
    case ST_SORT_TOTAL:   key = "d.total"; break;
    case ST_SORT_DEFAULT:
      /* Newest first. */
      descending = !descending;
      key = "d.date";
      break;
    case ST_SORT_DATE:
    default:              key = "d.date"; break;
    }
  if (what == ST_LIST_SQL_ROW)
    from = "documents d" ST_DOCUMENT_JOINS;
  return _st_list_sql (what, ST_DOCUMENT_COLUMNS, from, conds, key, "d.id", descending);
}

static void
documents_bind (StListSource *source,
                StStmt       *stmt,
                const char   *filter)
{
  const DocumentFilter *f = source->data;

  _st_bind_text (stmt, 1, st_doc_kind_to_string (f->kind));
  if (f->contact_id != 0)
    st_stmt_bind_int64 (stmt, 2, f->contact_id);
  if (f->posted_only)
    _st_bind_text (stmt, 3, st_doc_status_to_string (ST_DOC_STATUS_POSTED));
  _st_list_bind_filter (stmt, filter);
}

static const StListKind documents_list = {
  documents_sql, documents_bind, ST_LIST_FROM_ROW (_st_document_from_row),
  ST_LIST_ROW_ID (st_document_get_id), st_document_get_type,
};

StListModel *
st_store_list_documents (StStore   *self,
                         StDocKind  kind)
{
  DocumentFilter *filter;

  g_return_val_if_fail (ST_IS_STORE (self), NULL);
  filter = g_new0 (DocumentFilter, 1);
  filter->kind = kind;
  return _st_list_model_new (self, &documents_list, filter, g_free);
}

StListModel *
st_store_list_posted_documents_of (StStore        *self,
                                   StDocKind       kind,
                                   StContactKind   contact_kind,
                                   const char     *contact,
                                   GError        **error)
{
  DocumentFilter *filter;
  gint64 contact_id = 0;

  g_return_val_if_fail (ST_IS_STORE (self), NULL);
  if (contact != NULL && *contact != '\0'
      && (contact_id = _st_store_contact_id (self, contact_kind, contact, error)) == 0)
    return NULL;
  filter = g_new0 (DocumentFilter, 1);
  filter->kind = kind;
  filter->contact_id = contact_id;
  filter->posted_only = TRUE;
  return _st_list_model_new (self, &documents_list, filter, g_free);
}

/* Units. */

typedef struct
{
  gint64  item_id;
  gint64  warehouse_id;
  int     status;
  gint64  sold_doc_id;
  gint64  received_doc_id;
  gboolean index_hints;   /* SQLite's unary "+" (PostgreSQL has none) */
  gboolean unit_blocks;   /* PostgreSQL's table unit_blocks (schema v8) */
} UnitFilter;

static gboolean
resolve_unit_query (StStore           *self,
                    const StUnitQuery *query,
                    UnitFilter        *f,
                    GError           **error)
{
  memset (f, 0, sizeof *f);
  f->status = -1;
  f->index_hints = _st_store_get_dialect (self) == ST_DB_DIALECT_SQLITE;
  f->unit_blocks = !f->index_hints;
  if (query == NULL)
    return TRUE;
  f->item_id = query->item_id;
  f->status = query->status;
  if (query->warehouse != NULL
      && (f->warehouse_id = _st_store_warehouse_id (self, query->warehouse, error)) == 0)
    return FALSE;
  if (query->sold_on_invoice != NULL
      && (f->sold_doc_id = _st_store_find_document (self, ST_DOC_INVOICE, query->sold_on_invoice,
                                                    error)) == 0)
    return FALSE;
  if (query->received_on_bill != NULL
      && (f->received_doc_id = _st_store_find_bill (self, query->received_on_bill,
                                                    query->received_on_bill_vendor,
                                                    error)) == 0)
    return FALSE;
  return TRUE;
}

/* The WHERE conditions of a unit list (NULL-terminated, into @conds of 8). */
static void
units_where (const UnitFilter  *f,
             const char        *filter,
             const char       **conds)
{
  guint n = 0;
  /* The units of one document are few: "+" keeps SQLite on the document's index rather than
   * walking every unit of the item. */
  gboolean by_document = (f->sold_doc_id != 0 || f->received_doc_id != 0) && f->index_hints;

  if (f->item_id != 0)
    conds[n++] = by_document ? "+u.item_id = ?1" : "u.item_id = ?1";
  if (f->status >= 0)
    conds[n++] = by_document ? "+u.status = ?2" : "u.status = ?2";
  if (f->warehouse_id != 0)
    conds[n++] = "u.warehouse_id = ?3";
  if (f->sold_doc_id != 0)
    conds[n++] = "u.sold_doc_id = ?4 AND u.status = 'sold'";
  if (f->received_doc_id != 0)
    conds[n++] = "u.received_doc_id = ?5 AND u.status = 'in_stock'";
  if (filter != NULL)
    conds[n++] = "u.serial_key LIKE ?90 ESCAPE '\\'";
  conds[n] = NULL;
}

static void
units_bind_filter (const UnitFilter *f,
                   StStmt           *stmt,
                   const char       *filter)
{
  if (f->item_id != 0)
    st_stmt_bind_int64 (stmt, 1, f->item_id);
  if (f->status >= 0)
    _st_bind_text (stmt, 2, st_unit_status_to_string (f->status));
  if (f->warehouse_id != 0)
    st_stmt_bind_int64 (stmt, 3, f->warehouse_id);
  if (f->sold_doc_id != 0)
    st_stmt_bind_int64 (stmt, 4, f->sold_doc_id);
  if (f->received_doc_id != 0)
    st_stmt_bind_int64 (stmt, 5, f->received_doc_id);
  _st_list_bind_filter (stmt, filter);
}

/* PostgreSQL: the count and the row at a position of a list of all units, or of all of one
 * status, in the order of their received dates, from the table unit_blocks (st-schema.c, v8)
 * instead of counting or skipping up to a million index entries.  The row at position ?98 is
 * found in the block that holds it, where fewer than 1,024 ids stand before it; the NULL dates'
 * block ('~') is left to the model's other ways (no row). */
static char *
units_blocks_sql (StListSql     what,
                  gboolean      by_status,
                  gboolean      descending)
{
  const char *dir = direction (descending);
  const char *where = by_status ? " WHERE status = ?2" : "";

  if (what == ST_LIST_SQL_COUNT_KEPT)
    return g_strdup_printf ("SELECT coalesce (sum (n), 0)::bigint FROM unit_blocks%s", where);
  return g_strdup_printf ("WITH b AS ("
                          "SELECT d, blk, upto - n AS before FROM ("
                          "SELECT received_date AS d, blk, sum (n) AS n,"
                          " sum (sum (n)) OVER (ORDER BY received_date%s, blk%s) AS upto"
                          " FROM unit_blocks%s GROUP BY received_date, blk) s"
                          " WHERE upto > ?98 ORDER BY d%s, blk%s LIMIT 1)"
                          " SELECT r.received_date, r.id FROM b, LATERAL ("
                          "SELECT u.received_date, u.id FROM units u"
                          " WHERE u.received_date = b.d AND u.id >= b.blk * 1024"
                          " AND u.id < (b.blk + 1) * 1024%s"
                          " ORDER BY u.received_date%s, u.id%s"
                          " LIMIT 1 OFFSET (?98 - b.before)::bigint) r",
                          dir, dir, where, dir, dir, by_status ? " AND u.status = ?2" : "",
                          dir, dir);
}

static char *
units_sql (StListSource *source,
           StListSql     what,
           const char   *filter,
           StSortKey     sort,
           gboolean      descending)
{
  const UnitFilter *f = source->data;
  const char *conds[8];
  const char *key;
  const char *from = "units u";

  if (f->unit_blocks && filter == NULL && f->item_id == 0 && f->warehouse_id == 0
      && f->sold_doc_id == 0 && f->received_doc_id == 0
      && (what == ST_LIST_SQL_COUNT_KEPT
          || (what == ST_LIST_SQL_SEEK
              && (sort == ST_SORT_DEFAULT || sort == ST_SORT_RECEIVED))))
    return units_blocks_sql (what, f->status >= 0, descending);

  units_where (f, filter, conds);
  switch (sort)
    {
    case ST_SORT_SERIAL:    key = "u.serial_key"; break;
    case ST_SORT_STATUS:    key = "u.status"; break;
    case ST_SORT_WAREHOUSE:
      key = "w.name_key";
      from = "units u LEFT JOIN warehouses w ON w.id = u.warehouse_id";
      break;
    case ST_SORT_SKU:
      key = "i.sku_key";
      from = "units u JOIN items i ON i.id = u.item_id";
      break;
    case ST_SORT_COST:      key = "u.cost"; break;
    case ST_SORT_PRICE:     key = "u.price"; break;
    case ST_SORT_DEFAULT:
    case ST_SORT_RECEIVED:
    default:                key = "u.received_date"; break;
    }
  if (what == ST_LIST_SQL_ROW)
    from = "units u" ST_UNIT_JOINS;
  return _st_list_sql (what, ST_UNIT_COLUMNS, from, conds, key, "u.id", descending);
}

static void
units_bind (StListSource *source,
            StStmt       *stmt,
            const char   *filter)
{
  units_bind_filter (source->data, stmt, filter);
}

static const StListKind units_list = {
  units_sql, units_bind, ST_LIST_FROM_ROW (_st_unit_from_row), ST_LIST_ROW_ID (st_unit_get_id),
  st_unit_get_type,
};

char *
_st_store_units_list_sql (StStore   *self,
                          StListSql  what,
                          int        status)
{
  UnitFilter f;
  StListSource source = { &units_list, &f, NULL };

  resolve_unit_query (self, &(StUnitQuery) { .status = status }, &f, NULL);
  return units_sql (&source, what, NULL, ST_SORT_DEFAULT, FALSE);
}

StListModel *
st_store_list_units (StStore           *self,
                     const StUnitQuery *query)
{
  UnitFilter *f = g_new0 (UnitFilter, 1);
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (ST_IS_STORE (self), NULL);
  if (!resolve_unit_query (self, query, f, &error))
    {
      /* An unknown warehouse or document matches nothing. */
      g_debug ("Unit list: %s", error->message);
      f->item_id = -1;
    }
  return _st_list_model_new (self, &units_list, f, g_free);
}

GPtrArray *
st_store_query_units (StStore           *self,
                      const StUnitQuery *query,
                      GError           **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GString) sql = g_string_new ("SELECT " ST_UNIT_COLUMNS " FROM units u" ST_UNIT_JOINS);
  g_autoptr(StStmt) stmt = NULL;
  const char *conds[8];
  UnitFilter f;
  int rc;

  g_return_val_if_fail (ST_IS_STORE (self), NULL);
  if (!resolve_unit_query (self, query, &f, error))
    return NULL;
  units_where (&f, NULL, conds);
  for (guint i = 0; conds[i] != NULL; i++)
    g_string_append_printf (sql, "%s%s", i == 0 ? " WHERE " : " AND ", conds[i]);
  g_string_append (sql, " ORDER BY i.sku_key, u.received_date, u.id");
  stmt = _st_store_prepare (self, sql->str, error);
  if (stmt == NULL)
    return NULL;
  units_bind_filter (&f, stmt, NULL);
  while ((rc = _st_step (stmt, error)) == ST_STEP_ROW)
    g_ptr_array_add (list, _st_unit_from_row (stmt));
  return rc == ST_STEP_DONE ? g_steal_pointer (&list) : NULL;
}
