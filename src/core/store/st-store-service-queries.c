/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-store-service-queries.c — reading service cases (one with its log, lists of them) and the
 * warranty-expiring list; the steps that write them are in st-store-service.c. */
#define G_LOG_DOMAIN "st-store-service"

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <glib/gi18n.h>

#include "st-error.h"
#include "st-parse.h"
#include "st-serial.h"
#include "st-store-private.h"

static char *
clean_number (const char *number)
{
  return number != NULL ? g_strstrip (g_strdup (number)) : g_strdup ("");
}


#define CASE_COLUMNS \
  "s.id, d.id, d.number, d.date, s.status, c.name, w.name, s.unit_id, u.serial, i.sku, i.name," \
  " s.complaint, s.warranty_status, s.warranty_end, s.resolution, s.charge, s.refund," \
  " s.closed_date, s.replacement_unit_id, ru.serial, ri.sku, ru.warranty_end," \
  " (SELECT coalesce (sum (l.quantity * l.rate), 0) FROM document_lines l" \
  "  WHERE l.document_id = d.id)"
#define CASE_FROM \
  "service_cases s JOIN documents d ON d.id = s.document_id" \
  " JOIN units u ON u.id = s.unit_id JOIN items i ON i.id = u.item_id" \
  " LEFT JOIN contacts c ON c.id = d.contact_id" \
  " LEFT JOIN warehouses w ON w.id = d.warehouse_id" \
  " LEFT JOIN units ru ON ru.id = s.replacement_unit_id" \
  " LEFT JOIN items ri ON ri.id = ru.item_id"
#define CASE_JOINS " FROM " CASE_FROM

static StServiceCase *
case_from_row (StStmt *stmt)
{
  StServiceCase *sc = g_object_new (ST_TYPE_SERVICE_CASE, NULL);

  sc->id = st_stmt_column_int64 (stmt, 0);
  sc->document_id = st_stmt_column_int64 (stmt, 1);
  sc->number = _st_column_dup (stmt, 2);
  sc->date = _st_column_dup (stmt, 3);
  st_service_status_from_string (st_stmt_column_text (stmt, 4), &sc->status);
  sc->customer = _st_column_dup (stmt, 5);
  sc->warehouse = _st_column_dup (stmt, 6);
  sc->unit_id = st_stmt_column_int64 (stmt, 7);
  sc->serial = _st_column_dup (stmt, 8);
  sc->sku = _st_column_dup (stmt, 9);
  sc->item_name = _st_column_dup (stmt, 10);
  sc->complaint = _st_column_dup (stmt, 11);
  st_warranty_status_from_string (st_stmt_column_text (stmt, 12), &sc->warranty_status);
  sc->warranty_end = _st_column_dup (stmt, 13);
  st_service_resolution_from_string (st_stmt_column_text (stmt, 14), &sc->resolution);
  sc->charge = st_stmt_column_int64 (stmt, 15);
  sc->refund = st_stmt_column_int64 (stmt, 16);
  sc->closed_date = _st_column_dup (stmt, 17);
  sc->replacement_unit_id = st_stmt_column_int64 (stmt, 18);
  sc->replacement_serial = _st_column_dup (stmt, 19);
  sc->replacement_sku = _st_column_dup (stmt, 20);
  sc->replacement_warranty_end = _st_column_dup (stmt, 21);
  sc->parts_cost = st_stmt_column_int64 (stmt, 22);
  return sc;
}

static gboolean
load_log (StStore        *self,
          StServiceCase  *sc,
          GError        **error)
{
  g_autoptr(StStmt) stmt = NULL;
  int rc;

  gboolean sqlite = _st_store_get_dialect (self) == ST_DB_DIALECT_SQLITE;

  stmt = _st_store_prepare (self,
                            sqlite
                            ? "SELECT g.kind, g.date, g.text, i.sku, i.name, l.quantity, l.rate,"
                              " (SELECT group_concat (u.serial, ',') FROM unit_events e"
                              "  JOIN units u ON u.id = e.unit_id WHERE e.line_id = l.id"
                              "  AND e.kind = 'written_off')"
                              " FROM service_log g LEFT JOIN document_lines l ON l.id = g.line_id"
                              " LEFT JOIN items i ON i.id = l.item_id"
                              " WHERE g.case_id = ? ORDER BY g.id"
                            : "SELECT g.kind, g.date, g.text, i.sku, i.name, l.quantity, l.rate,"
                            " (SELECT string_agg (u.serial, ',' ORDER BY u.id) FROM unit_events e"
                            "  JOIN units u ON u.id = e.unit_id WHERE e.line_id = l.id"
                            "  AND e.kind = 'written_off')"
                            " FROM service_log g LEFT JOIN document_lines l ON l.id = g.line_id"
                            " LEFT JOIN items i ON i.id = l.item_id"
                            " WHERE g.case_id = ? ORDER BY g.id", error);
  if (stmt == NULL)
    return FALSE;
  sc->log = g_ptr_array_new_with_free_func ((GDestroyNotify) _st_service_log_entry_free);
  st_stmt_bind_int64 (stmt, 1, sc->id);
  while ((rc = _st_step (stmt, error)) == ST_STEP_ROW)
    {
      StServiceLogEntry *entry = g_new0 (StServiceLogEntry, 1);
      const char *kind = st_stmt_column_text (stmt, 0);

      entry->kind = g_str_equal (kind, "note") ? ST_SERVICE_LOG_NOTE
                    : g_str_equal (kind, "part") ? ST_SERVICE_LOG_PART : ST_SERVICE_LOG_STATUS;
      entry->date = _st_column_dup (stmt, 1);
      entry->text = _st_column_dup (stmt, 2);
      entry->sku = _st_column_dup (stmt, 3);
      entry->item_name = _st_column_dup (stmt, 4);
      entry->quantity = st_stmt_column_int64 (stmt, 5);
      entry->cost = st_stmt_column_int64 (stmt, 6);
      entry->serials = _st_column_dup (stmt, 7);
      g_ptr_array_add (sc->log, entry);
    }
  return rc == ST_STEP_DONE;
}

StServiceCase *
st_store_service_get (StStore     *self,
                      const char  *number,
                      GError     **error)
{
  g_autofree char *clean = clean_number (number);
  g_autofree char *key = _st_name_key (clean);
  g_autoptr(StStmt) stmt = NULL;
  g_autoptr(StServiceCase) sc = NULL;
  int rc;

  g_return_val_if_fail (ST_IS_STORE (self), NULL);
  stmt = _st_store_prepare (self, "SELECT " CASE_COLUMNS CASE_JOINS
                                  " WHERE d.kind = 'service' AND d.number_key = ?", error);
  if (stmt == NULL)
    return NULL;
  _st_bind_text (stmt, 1, key);
  rc = _st_step (stmt, error);
  if (rc == 0)
    return NULL;
  if (rc != ST_STEP_ROW)
    {
      g_set_error (error, ST_ERROR, ST_ERROR_NOT_FOUND, _("There is no service case “%s”"),
                   clean);
      return NULL;
    }
  sc = case_from_row (stmt);
  st_stmt_release (stmt);
  if (!load_log (self, sc, error))
    return NULL;
  return g_steal_pointer (&sc);
}

GPtrArray *
st_store_query_service_cases (StStore              *self,
                              const StServiceQuery *query,
                              GError              **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(StStmt) stmt = NULL;
  g_autoptr(GString) sql = NULL;
  g_autofree char *serial_key = NULL;
  const char *conds[6];
  gint64 customer_id = 0;
  guint n = 0;
  int rc;

  g_return_val_if_fail (ST_IS_STORE (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);
  if (query->serial != NULL)
    {
      g_autofree char *clean = st_serial_normalize (query->serial, error);

      if (clean == NULL)
        return NULL;
      serial_key = st_serial_key (clean);
    }
  if (query->customer != NULL
      && (customer_id = _st_store_contact_id (self, ST_CONTACT_CUSTOMER, query->customer,
                                              error)) == 0)
    return NULL;
  /* Only the filters asked for, each a condition the planner can take to its index: the
   * cases of one unit (the unit page) through service_cases_unit and _replacement, not by
   * walking all cases in the view's order (190 ms among 50,000 cases). */
  sql = g_string_new ("SELECT " CASE_COLUMNS CASE_JOINS);
  if (query->status >= 0)
    conds[n++] = "s.status = ?1";
  if (serial_key != NULL)
    conds[n++] = "(s.unit_id IN (SELECT id FROM units WHERE serial_key = ?2)"
                 " OR s.replacement_unit_id IN (SELECT id FROM units WHERE serial_key = ?2))";
  if (customer_id != 0)
    conds[n++] = "d.contact_id = ?3";
  if (query->unit_id != 0)
    conds[n++] = "(s.unit_id = ?4 OR s.replacement_unit_id = ?4)";
  if (query->from != NULL && *query->from != '\0')
    conds[n++] = "d.date >= ?5";
  if (query->to != NULL && *query->to != '\0')
    conds[n++] = "d.date <= ?6";
  for (guint i = 0; i < n; i++)
    g_string_append_printf (sql, "%s%s", i == 0 ? " WHERE " : " AND ", conds[i]);
  /* Open cases first, then newest first (schema v7). */
  g_string_append (sql, " ORDER BY s.sort_key DESC, s.id DESC");
  stmt = _st_store_prepare (self, sql->str, error);
  if (stmt == NULL)
    return NULL;
  if (query->status >= 0)
    _st_bind_text (stmt, 1, st_service_status_to_string (query->status));
  if (serial_key != NULL)
    _st_bind_text (stmt, 2, serial_key);
  if (customer_id != 0)
    st_stmt_bind_int64 (stmt, 3, customer_id);
  if (query->unit_id != 0)
    st_stmt_bind_int64 (stmt, 4, query->unit_id);
  if (query->from != NULL && *query->from != '\0')
    _st_bind_text (stmt, 5, query->from);
  if (query->to != NULL && *query->to != '\0')
    _st_bind_text (stmt, 6, query->to);
  while ((rc = _st_step (stmt, error)) == ST_STEP_ROW)
    g_ptr_array_add (list, case_from_row (stmt));
  return rc == ST_STEP_DONE ? g_steal_pointer (&list) : NULL;
}

/* From @today (NULL: today) to @days later, as ISO dates. */
static gboolean
expiring_range (const char  *today,
                guint        days,
                char       **from,
                char       **until,
                GError     **error)
{
  GDate date;

  if (today != NULL && *today != '\0')
    {
      if (!st_date_validate (today, _("date"), error))
        return FALSE;
      *from = g_strdup (today);
    }
  else
    *from = st_date_today ();
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) atoi (*from + 8), (GDateMonth) atoi (*from + 5),
                  (GDateYear) atoi (*from));
  g_date_add_days (&date, MIN (days, 36500));
  *until = g_strdup_printf ("%04u-%02u-%02u", (guint) g_date_get_year (&date),
                            (guint) g_date_get_month (&date), (guint) g_date_get_day (&date));
  return TRUE;
}

/* The statement of the expiring units between @today and @days later, bound. */
static StStmt *
prepare_expiring (StStore     *self,
                  const char  *sql,
                  const char  *today,
                  guint        days,
                  GError     **error)
{
  g_autofree char *from = NULL;
  g_autofree char *until = NULL;
  StStmt *stmt;

  if (!expiring_range (today, days, &from, &until, error))
    return NULL;
  stmt = _st_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  _st_bind_text (stmt, 1, from);
  _st_bind_text (stmt, 2, until);
  return stmt;
}

gboolean
st_store_warranty_expiring_each (StStore     *self,
                                 const char  *today,
                                 guint        days,
                                 StUnitFunc   func,
                                 gpointer     user_data,
                                 GError     **error)
{
  g_autoptr(StStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (ST_IS_STORE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);
  stmt = prepare_expiring (self, "SELECT " ST_UNIT_COLUMNS " FROM units u" ST_UNIT_JOINS
                                 ST_EXPIRING_WHERE, today, days, error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = _st_step (stmt, error)) == ST_STEP_ROW)
    {
      g_autoptr(StUnit) unit = _st_unit_from_row (stmt);

      if (!func (unit, user_data))
        return TRUE;
    }
  return rc == ST_STEP_DONE;
}

gboolean
st_store_warranty_expiring_rows (StStore            *self,
                                 const char         *today,
                                 guint               days,
                                 StExpiringRowFunc   func,
                                 gpointer            user_data,
                                 GError            **error)
{
  g_autoptr(StStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (ST_IS_STORE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);
  stmt = prepare_expiring (self, ST_EXPIRING_ROWS_SQL, today, days, error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = _st_step (stmt, error)) == ST_STEP_ROW)
    {
      StExpiringRow row = {
        st_stmt_column_text (stmt, 0), st_stmt_column_text (stmt, 1),
        st_stmt_column_text (stmt, 2), st_stmt_column_text (stmt, 3),
        st_stmt_column_text (stmt, 4),
      };

      if (!func (&row, user_data))
        return TRUE;
    }
  return rc == ST_STEP_DONE;
}

static gboolean
add_unit (StUnit   *unit,
          gpointer  list)
{
  g_ptr_array_add (list, g_object_ref (unit));
  return TRUE;
}

GPtrArray *
st_store_warranty_expiring (StStore     *self,
                            const char  *today,
                            guint        days,
                            GError     **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (ST_IS_STORE (self), NULL);
  if (!st_store_warranty_expiring_each (self, today, days, add_unit, list, error))
    return NULL;
  return g_steal_pointer (&list);
}

/* Lazy lists for the window. */

static char *
cases_sql (StListSource *source,
           StListSql     what,
           const char   *filter,
           StSortKey     sort,
           gboolean      descending)
{
  int status = GPOINTER_TO_INT (source->data);
  const char *conds[3] = { NULL, NULL, NULL };
  const char *from;
  guint n = 0;

  if (status >= 0)
    conds[n++] = "s.status = ?1";
  if (filter != NULL)
    conds[n++] = "(u.serial_key LIKE ?90 ESCAPE '\\' OR d.number_key LIKE ?90 ESCAPE '\\'"
                 " OR d.contact_id IN (SELECT id FROM contacts"
                 " WHERE name_key LIKE ?90 ESCAPE '\\'))";
  /* Open cases (open, in repair, ready) first, then newest first: the stored key of schema
   * v7 ('1' or '0', then the case's date), descending, so that the model pages over the index
   * service_cases_order (service_cases_status with a status) and counts over the one table.
   * Only the filter needs the document, the unit and the contact. */
  if (what == ST_LIST_SQL_ROW)
    from = CASE_FROM;
  else if (filter != NULL)
    from = "service_cases s JOIN documents d ON d.id = s.document_id"
           " JOIN units u ON u.id = s.unit_id";
  else
    from = "service_cases s";
  return _st_list_sql (what, CASE_COLUMNS, from, conds, "s.sort_key", "s.id", !descending);
}

static void
cases_bind (StListSource *source,
            StStmt       *stmt,
            const char   *filter)
{
  int status = GPOINTER_TO_INT (source->data);

  if (status >= 0)
    _st_bind_text (stmt, 1, st_service_status_to_string (status));
  _st_list_bind_filter (stmt, filter);
}

static const StListKind cases_list = {
  cases_sql, cases_bind, ST_LIST_FROM_ROW (case_from_row),
  ST_LIST_ROW_ID (st_service_case_get_id), st_service_case_get_type,
};

StListModel *
st_store_list_service_cases (StStore              *self,
                             const StServiceQuery *query)
{
  g_return_val_if_fail (ST_IS_STORE (self), NULL);
  return _st_list_model_new (self, &cases_list,
                             GINT_TO_POINTER (query != NULL ? query->status : -1), NULL);
}

typedef struct
{
  char *from;
  char *until;
} ExpiringRange;

static void
expiring_range_free (gpointer data)
{
  ExpiringRange *range = data;

  g_free (range->from);
  g_free (range->until);
  g_free (range);
}

static char *
expiring_sql (StListSource *source,
              StListSql     what,
              const char   *filter,
              StSortKey     sort,
              gboolean      descending)
{
  const char *conds[5] = { "u.status = 'sold'", "u.warranty_end >= ?1",
                           "u.warranty_end <= ?2", NULL, NULL };

  if (filter != NULL)
    conds[3] = "u.serial_key LIKE ?90 ESCAPE '\\'";
  /* Soonest first. */
  return _st_list_sql (what, ST_UNIT_COLUMNS,
                       what == ST_LIST_SQL_ROW ? "units u" ST_UNIT_JOINS : "units u",
                       conds, "u.warranty_end", "u.id", descending);
}

static void
expiring_bind (StListSource *source,
               StStmt       *stmt,
               const char   *filter)
{
  ExpiringRange *range = source->data;

  _st_bind_text (stmt, 1, range->from);
  _st_bind_text (stmt, 2, range->until);
  _st_list_bind_filter (stmt, filter);
}

static const StListKind expiring_list = {
  expiring_sql, expiring_bind, ST_LIST_FROM_ROW (_st_unit_from_row),
  ST_LIST_ROW_ID (st_unit_get_id), st_unit_get_type,
};

StListModel *
st_store_list_warranty_expiring (StStore    *self,
                                 const char *today,
                                 guint       days)
{
  ExpiringRange *range = g_new0 (ExpiringRange, 1);
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (ST_IS_STORE (self), NULL);
  if (!expiring_range (today, days, &range->from, &range->until, &error))
    {
      /* A date that is not one lists nothing. */
      g_debug ("Warranty expiring: %s", error->message);
      g_clear_pointer (&range->from, g_free);
      range->from = g_strdup ("9999-12-31");
      range->until = g_strdup ("0000-01-01");
    }
  return _st_list_model_new (self, &expiring_list, range, expiring_range_free);
}
