/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-store-service.c — after-sales service cases (DESIGN §8).  A case is a document of kind
 * "service"; every custody change is a unit event on it, written with the posting engine's
 * pieces (st-posting-private.h) so that replay, check and voiding cover it. */
#define G_LOG_DOMAIN "st-store-service"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "st-doc-kind.h"
#include "st-error.h"
#include "st-parse.h"
#include "st-posting-private.h"
#include "st-serial.h"

/* The stored case, as a step needs it. */
typedef struct
{
  gint64          id;
  gint64          doc_id;
  char           *number;
  char            date[ST_DATE_LEN];
  gint64          customer_id;
  gint64          warehouse_id;
  gint64          unit_id;
  StServiceStatus status;
  char            warranty_end[ST_DATE_LEN];
  gint64          resolution_event_id;
  gint64          replacement_event_id;
} CaseRec;

static void
case_rec_clear (CaseRec *c)
{
  g_clear_pointer (&c->number, g_free);
}

static char *
clean_number (const char *number)
{
  return number != NULL ? g_strstrip (g_strdup (number)) : g_strdup ("");
}

static gboolean
load_case (StStore     *self,
           const char  *number,
           CaseRec     *c,
           GError     **error)
{
  g_autofree char *clean = clean_number (number);
  g_autofree char *key = _st_name_key (clean);
  g_autoptr(StStmt) stmt = NULL;
  int rc;

  memset (c, 0, sizeof *c);
  if (*clean == '\0')
    {
      g_set_error (error, ST_ERROR, ST_ERROR_INVALID_INPUT, _("No service case number was given"));
      return FALSE;
    }
  stmt = _st_store_prepare (self,
                            "SELECT s.id, d.id, d.number, d.date, d.contact_id, d.warehouse_id,"
                            " s.unit_id, s.status, s.warranty_end, s.resolution_event_id,"
                            " s.replacement_event_id"
                            " FROM documents d JOIN service_cases s ON s.document_id = d.id"
                            " WHERE d.kind = 'service' AND d.number_key = ?", error);
  if (stmt == NULL)
    return FALSE;
  _st_bind_text (stmt, 1, key);
  rc = _st_step (stmt, error);
  if (rc == 0)
    return FALSE;
  if (rc != ST_STEP_ROW)
    {
      /* Translators: %s is a service case number as typed */
      g_set_error (error, ST_ERROR, ST_ERROR_NOT_FOUND, _("There is no service case “%s”"),
                   clean);
      return FALSE;
    }
  c->id = st_stmt_column_int64 (stmt, 0);
  c->doc_id = st_stmt_column_int64 (stmt, 1);
  c->number = _st_column_dup (stmt, 2);
  g_strlcpy (c->date, st_stmt_column_text (stmt, 3), ST_DATE_LEN);
  c->customer_id = st_stmt_column_int64 (stmt, 4);
  c->warehouse_id = st_stmt_column_int64 (stmt, 5);
  c->unit_id = st_stmt_column_int64 (stmt, 6);
  st_service_status_from_string (st_stmt_column_text (stmt, 7), &c->status);
  g_strlcpy (c->warranty_end, st_stmt_column_text (stmt, 8) ? st_stmt_column_text (stmt, 8) : "",
             ST_DATE_LEN);
  c->resolution_event_id = st_stmt_column_int64 (stmt, 9);
  c->replacement_event_id = st_stmt_column_int64 (stmt, 10);
  return TRUE;
}

/* The unit's stored state, its serial and item. */
static gboolean
load_unit (StStore      *self,
           gint64        unit_id,
           StUnitState  *state,
           char        **serial,
           gint64       *item_id,
           GError      **error)
{
  g_autoptr(StStmt) stmt = _st_store_prepare (self, "SELECT serial, item_id, "
                                              ST_UNIT_STATE_COLUMNS " FROM units WHERE id = ?",
                                              error);
  if (stmt == NULL)
    return FALSE;
  st_stmt_bind_int64 (stmt, 1, unit_id);
  if (_st_step (stmt, error) != ST_STEP_ROW)
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, ST_ERROR, ST_ERROR_NOT_FOUND, _("The unit is not in the inventory"));
      return FALSE;
    }
  if (serial != NULL)
    *serial = g_strescape (st_stmt_column_text (stmt, 0), NULL);
  if (item_id != NULL)
    *item_id = st_stmt_column_int64 (stmt, 1);
  _st_unit_state_from_row (stmt, 2, state);
  return TRUE;
}

static gboolean
check_date (const char  *date,
            const char  *not_before,
            const char  *number,
            char       **out,
            GError     **error)
{
  if (date != NULL && *date != '\0')
    {
      if (!st_date_validate (date, _("date"), error))
        return FALSE;
      *out = g_strdup (date);
    }
  else
    *out = st_date_today ();
  if (not_before != NULL && strcmp (*out, not_before) < 0)
    {
      g_set_error (error, ST_ERROR, ST_ERROR_INVALID_INPUT,
                   /* Translators: %1$s a date, %2$s a service case number, %3$s its date */
                   _("The date %1$s is before service case %2$s was opened (%3$s)"),
                   *out, number, not_before);
      g_clear_pointer (out, g_free);
      return FALSE;
    }
  return TRUE;
}

static gboolean
add_log (StStore          *self,
         gint64            case_id,
         const char       *date,
         StServiceLogKind  kind,
         const char       *text,
         gint64            line_id,
         GError          **error)
{
  static const char * const kinds[] = { "note", "part", "status" };
  g_autoptr(StStmt) stmt = _st_store_prepare (self, "INSERT INTO service_log (case_id, date,"
                                              " kind, text, line_id) VALUES (?, ?, ?, ?, ?)",
                                              error);
  if (stmt == NULL)
    return FALSE;
  st_stmt_bind_int64 (stmt, 1, case_id);
  _st_bind_text (stmt, 2, date);
  _st_bind_text (stmt, 3, kinds[kind]);
  _st_bind_text (stmt, 4, text);
  _st_bind_id (stmt, 5, line_id);
  return _st_step (stmt, error) != 0;
}

static void
set_transition_error (const CaseRec    *c,
                      StServiceStatus   to,
                      GError          **error)
{
  g_set_error (error, ST_ERROR, ST_ERROR_DOCUMENT_STATE,
               /* Translators: %1$s a service case number, %2$s and %3$s case statuses such as
                * “Cancelled” and “Closed” */
               _("Service case %1$s cannot go from “%2$s” to “%3$s”"),
               c->number, st_service_status_to_label (c->status), st_service_status_to_label (to));
}

/* The Service view's order key of a case in @status opened on @date (schema v7): "1" for a
 * case still in our hands, "0" for a finished one, then the date; the view lists by it
 * descending.  The migration and `check` spell the same in SQL. */
static char *
case_sort_key (StServiceStatus  status,
               const char      *date)
{
  return g_strconcat (st_service_status_is_active (status) ? "1" : "0", date, NULL);
}

/* Moves the case from the status it was read in (and only from it) to @to. */
static gboolean
update_case_status (StStore          *self,
                    const CaseRec    *c,
                    StServiceStatus   to,
                    const char       *date,
                    GError          **error)
{
  g_autofree char *sort_key = case_sort_key (to, c->date);
  g_autoptr(StStmt) stmt = _st_store_prepare (self, "UPDATE service_cases SET status = ?,"
                                              " sort_key = ? WHERE id = ? AND status = ?",
                                              error);
  if (stmt == NULL)
    return FALSE;
  _st_bind_text (stmt, 1, st_service_status_to_string (to));
  _st_bind_text (stmt, 2, sort_key);
  st_stmt_bind_int64 (stmt, 3, c->id);
  _st_bind_text (stmt, 4, st_service_status_to_string (c->status));
  if (_st_step (stmt, error) == 0)
    return FALSE;
  if (st_db_changes (_st_store_get_db (self)) != 1)
    {
      g_set_error (error, ST_ERROR, ST_ERROR_BUSY,
                   /* Translators: %s is a service case number */
                   _("Service case %s was changed by someone else at the same moment; nothing "
                     "was written, try again"), c->number);
      return FALSE;
    }
  return add_log (self, c->id, date, ST_SERVICE_LOG_STATUS, st_service_status_to_string (to), 0,
                  error);
}

/* Appends @e to its unit and writes the unit's new state, from the state read (@before). */
static gboolean
apply_event (StPosting         *p,
             StEventRec        *e,
             const StUnitState *before,
             gint64             item_id,
             const char        *serial,
             gint64            *event_id,
             GError           **error)
{
  StUnitState after;

  if (!_st_unit_state_apply (before, e, &after))
    {
      g_set_error (error, ST_ERROR, ST_ERROR_FAILED,
                   _("Internal error: unit “%s” cannot take this event"), serial);
      return FALSE;
    }
  if (!_st_store_write_unit_state (p->store, e->unit_id, before, &after, error)
      || !_st_store_insert_event (p->store, e, event_id, error))
    return FALSE;
  _st_posting_stock_add_state (p, item_id, before, -1);
  _st_posting_stock_add_state (p, item_id, &after, +1);
  return TRUE;
}

typedef gboolean (*StepFunc) (StPosting *p,
                              CaseRec   *c,
                              gpointer   data,
                              GError   **error);

/* One step: one transaction around @func on the case @number, then the case as it is now. */
static char *
run_step_once (StStore     *self,
               const char  *number,
               StepFunc     func,
               gpointer     data,
               GError     **error)
{
  StPosting p;
  CaseRec c = { 0 };
  g_autoptr(StDraft) draft = st_draft_new (ST_DOC_SERVICE);
  g_autofree char *found = NULL;
  gboolean ok;

  if (!_st_store_begin (self, error))
    return NULL;
  _st_posting_init (&p, self, draft);
  ok = load_case (self, number, &c, error) && func (&p, &c, data, error)
       && _st_posting_stock_flush (&p, error) && _st_store_commit (self, error);
  if (!ok)
    {
      _st_store_rollback (self);
      if (error != NULL && *error == NULL)
        g_set_error_literal (error, ST_ERROR, ST_ERROR_FAILED,
                             _("The service case could not be changed; nothing was written"));
    }
  found = ok ? g_strdup (c.number) : NULL;
  case_rec_clear (&c);
  _st_posting_clear (&p);
  return g_steal_pointer (&found);
}

/* One step of a case, run again when a concurrent transaction got in the way. */
static StServiceCase *
run_step (StStore     *self,
          const char  *number,
          StepFunc     func,
          gpointer     data,
          GError     **error)
{
  g_autofree char *found = NULL;

  for (guint attempt = 0; ; attempt++)
    {
      GError *local = NULL;

      found = run_step_once (self, number, func, data, &local);
      if (found != NULL || !_st_store_retry_write (self, attempt, &local))
        {
          if (local != NULL)
            g_propagate_error (error, local);
          break;
        }
    }
  if (found == NULL)
    return NULL;
  _st_store_emit_changed (self);
  return st_store_service_get (self, found, error);
}

/* Intake. */

static StWarrantyStatus
warranty_status_at (const StUnitState *s,
                    const char        *date)
{
  if (s->status != ST_UNIT_SOLD || s->sold_doc_id == 0 || s->warranty_end[0] == '\0')
    return ST_WARRANTY_NONE;
  return strcmp (date, s->warranty_end) <= 0 ? ST_WARRANTY_UNDER : ST_WARRANTY_EXPIRED;
}

static gint64
doc_column (StStore    *self,
            gint64      doc_id,
            const char *sql)
{
  g_autoptr(StStmt) stmt = _st_store_prepare (self, sql, NULL);

  if (stmt == NULL || doc_id == 0)
    return 0;
  st_stmt_bind_int64 (stmt, 1, doc_id);
  return st_stmt_step (stmt, NULL) == ST_STEP_ROW ? st_stmt_column_int64 (stmt, 0) : 0;
}

static char *
open_case (StStore               *self,
           const StServiceIntake *in,
           GError               **error)
{
  g_autofree char *date = NULL;
  g_autofree char *complaint = NULL;
  g_autofree char *serial = NULL;
  g_autofree char *key = NULL;
  g_autofree char *number = NULL;
  g_autofree char *doc_key = NULL;
  g_autoptr(StItem) item = NULL;
  g_autoptr(StStmt) stmt = NULL;
  StUnitState state;
  StPosting p;
  StEventRec e = { 0 };
  gint64 unit_id = 0, item_id = 0, customer_id = 0, warehouse_id = 0, doc_id, case_id;
  StWarrantyStatus warranty;
  int n = 0, rc;
  gboolean ok;

  if (!check_date (in->date, NULL, NULL, &date, error))
    return NULL;
  if ((complaint = _st_clean_name (in->complaint, _("complaint"), 2000, error)) == NULL)
    return NULL;
  if ((serial = st_serial_normalize (in->serial, error)) == NULL)
    return NULL;
  key = st_serial_key (serial);
  if (in->sku != NULL && (item = st_store_find_item (self, in->sku, error)) == NULL)
    return NULL;

  stmt = _st_store_prepare (self, "SELECT id, item_id, " ST_UNIT_STATE_COLUMNS
                                  " FROM units WHERE serial_key = ?1"
                                  " AND (?2 = 0 OR item_id = ?2) LIMIT 2", error);
  if (stmt == NULL)
    return NULL;
  _st_bind_text (stmt, 1, key);
  st_stmt_bind_int64 (stmt, 2, item != NULL ? st_item_get_id (item) : 0);
  _st_unit_state_init (&state);
  while ((rc = _st_step (stmt, error)) == ST_STEP_ROW)
    if (n++ == 0)
      {
        unit_id = st_stmt_column_int64 (stmt, 0);
        item_id = st_stmt_column_int64 (stmt, 1);
        _st_unit_state_from_row (stmt, 2, &state);
      }
  st_stmt_release (stmt);
  if (rc == 0)
    return NULL;
  {
    g_autofree char *q = g_strescape (serial, NULL);

    if (n > 1)
      {
        g_set_error (error, ST_ERROR, ST_ERROR_DUPLICATE,
                     /* Translators: %s is a serial number */
                     _("Serial “%s” belongs to several items; name the item (--item SKU)"), q);
        return NULL;
      }
    if (n == 0 && item == NULL)
      {
        g_set_error (error, ST_ERROR, ST_ERROR_NOT_FOUND,
                     /* Translators: %s is a serial number */
                     _("No unit has serial “%s”; name its item (--item SKU) to take in a unit "
                       "sold elsewhere"), q);
        return NULL;
      }
    if (n == 0)
      {
        g_free (serial);
        if ((serial = st_serial_validate (in->serial, st_item_get_serial_format (item),
                                          error)) == NULL)
          return NULL;
        if (st_item_get_tracking (item) != ST_TRACKING_SERIAL)
          {
            g_set_error (error, ST_ERROR, ST_ERROR_INVALID_INPUT,
                         /* Translators: %s is a SKU */
                         _("Item %s is tracked by quantity; only serial-numbered units can be "
                           "taken in for service"), st_item_get_sku (item));
            return NULL;
          }
        item_id = st_item_get_id (item);
      }
    else if (state.status == ST_UNIT_IN_SERVICE)
      {
        g_set_error (error, ST_ERROR, ST_ERROR_DOCUMENT_STATE,
                     /* Translators: %s is a serial number */
                     _("Serial “%s” is already in service"), q);
        return NULL;
      }
    else if (state.status != ST_UNIT_SOLD && state.status != ST_UNIT_VOIDED)
      {
        g_set_error (error, ST_ERROR, ST_ERROR_NOT_IN_STOCK,
                     /* Translators: %1$s a serial number, %2$s its status such as “In stock” */
                     _("Serial “%1$s” is not a customer's unit (status: %2$s); only sold units "
                       "are taken in for service"), q, st_unit_status_to_label (state.status));
        return NULL;
      }
  }

  if (!_st_store_begin (self, error))
    return NULL;
  _st_posting_init (&p, self, NULL);

  /* Whose it is, and where it goes. */
  if (in->customer != NULL && *in->customer != '\0')
    customer_id = _st_store_contact_id (self, ST_CONTACT_CUSTOMER, in->customer, error);
  else
    {
      customer_id = doc_column (self, state.sold_doc_id,
                                "SELECT contact_id FROM documents WHERE id = ?");
      if (customer_id == 0)
        customer_id = doc_column (self, unit_id,
                                  "SELECT d.contact_id FROM service_cases s JOIN documents d"
                                  " ON d.id = s.document_id WHERE s.unit_id = ?"
                                  " ORDER BY s.id DESC LIMIT 1");
      if (customer_id == 0)
        g_set_error (error, ST_ERROR, ST_ERROR_INVALID_INPUT,
                     /* Translators: %s is a serial number */
                     _("Serial “%s” was not sold by us: name the customer"), serial);
    }
  ok = customer_id != 0;
  if (ok && in->warehouse != NULL && *in->warehouse != '\0')
    ok = (warehouse_id = _st_store_warehouse_id (self, in->warehouse, error)) != 0;
  else if (ok)
    {
      warehouse_id = doc_column (self, state.sold_doc_id,
                                 "SELECT warehouse_id FROM documents WHERE id = ?");
      if (warehouse_id == 0)
        warehouse_id = doc_column (self, 1, "SELECT min (id) FROM warehouses WHERE ? > 0");
    }
  if (ok && state.sold_date[0] != '\0' && strcmp (date, state.sold_date) < 0)
    {
      g_set_error (error, ST_ERROR, ST_ERROR_INVALID_INPUT,
                   /* Translators: %1$s a date, %2$s a serial, %3$s the date it was sold */
                   _("The date %1$s is before serial “%2$s” was sold (%3$s)"), date, serial,
                   state.sold_date);
      ok = FALSE;
    }
  warranty = warranty_status_at (&state, date);

  if (ok)
    ok = (number = _st_store_take_number (self, ST_DOC_SERVICE, error)) != NULL;
  if (ok)
    {
      g_autoptr(StStmt) doc = _st_store_prepare (self,
                                                 "INSERT INTO documents (kind, number,"
                                                 " number_key, date, status, contact_id,"
                                                 " warehouse_id) VALUES ('service', ?, ?, ?,"
                                                 " 'posted', ?, ?)", error);
      doc_key = _st_name_key (number);
      ok = doc != NULL;
      if (ok)
        {
          _st_bind_text (doc, 1, number);
          _st_bind_text (doc, 2, doc_key);
          _st_bind_text (doc, 3, date);
          st_stmt_bind_int64 (doc, 4, customer_id);
          st_stmt_bind_int64 (doc, 5, warehouse_id);
          ok = _st_step (doc, error) != 0;
        }
    }
  doc_id = ok ? st_db_last_insert_id (_st_store_get_db (self), error) : 0;
  ok = ok && doc_id != 0;

  if (ok && unit_id == 0)
    {
      g_autoptr(StStmt) ins = _st_store_prepare (self, "INSERT INTO units (item_id, serial,"
                                                 " serial_key, status, serial_rkey)"
                                                 " VALUES (?, ?, ?, 'voided', ?)", error);
      g_autofree char *new_key = st_serial_key (serial);
      g_autofree char *new_rkey = g_utf8_strreverse (new_key, -1);

      ok = ins != NULL;
      if (ok)
        {
          st_stmt_bind_int64 (ins, 1, item_id);
          _st_bind_text (ins, 2, serial);
          _st_bind_text (ins, 3, new_key);
          _st_bind_text (ins, 4, new_rkey);
          ok = _st_step (ins, error) != 0
               && (unit_id = st_db_last_insert_id (_st_store_get_db (self), error)) != 0;
        }
    }
  if (ok)
    {
      e.unit_id = unit_id;
      e.document_id = doc_id;
      e.kind = ST_EVENT_SERVICE_IN;
      g_strlcpy (e.date, date, ST_DATE_LEN);
      e.to_warehouse_id = warehouse_id;
      e.contact_id = customer_id;
      ok = apply_event (&p, &e, &state, item_id, serial, NULL, error);
    }
  if (ok)
    {
      g_autoptr(StStmt) sc = _st_store_prepare (self,
                                                "INSERT INTO service_cases (document_id, unit_id,"
                                                " status, complaint, warranty_status,"
                                                " warranty_end, sort_key)"
                                                " VALUES (?, ?, 'open', ?, ?, ?, ?)",
                                                error);
      g_autofree char *sort_key = case_sort_key (ST_SERVICE_OPEN, date);

      ok = sc != NULL;
      if (ok)
        {
          st_stmt_bind_int64 (sc, 1, doc_id);
          st_stmt_bind_int64 (sc, 2, unit_id);
          _st_bind_text (sc, 3, complaint);
          _st_bind_text (sc, 4, st_warranty_status_to_string (warranty));
          _st_bind_text (sc, 5, state.warranty_end[0] ? state.warranty_end : NULL);
          _st_bind_text (sc, 6, sort_key);
          ok = _st_step (sc, error) != 0
               && (case_id = st_db_last_insert_id (_st_store_get_db (self), error)) != 0
               && add_log (self, case_id, date, ST_SERVICE_LOG_STATUS, "open", 0, error);
        }
    }
  ok = ok && _st_posting_stock_flush (&p, error) && _st_store_commit (self, error);
  _st_posting_clear (&p);
  if (!ok)
    {
      _st_store_rollback (self);
      return NULL;
    }
  _st_store_emit_changed (self);
  return g_steal_pointer (&number);
}

StServiceCase *
st_store_service_open (StStore               *self,
                       const StServiceIntake *intake,
                       GError               **error)
{
  g_autofree char *number = NULL;

  g_return_val_if_fail (ST_IS_STORE (self), NULL);
  g_return_val_if_fail (intake != NULL, NULL);

  for (guint attempt = 0; ; attempt++)
    {
      GError *local = NULL;

      number = open_case (self, intake, &local);
      if (number != NULL || !_st_store_retry_write (self, attempt, &local))
        {
          if (local != NULL)
            g_propagate_error (error, local);
          break;
        }
    }
  if (number == NULL)
    {
      if (error != NULL && *error == NULL)
        g_set_error_literal (error, ST_ERROR, ST_ERROR_FAILED,
                             _("The service case could not be opened; nothing was written"));
      return NULL;
    }
  return st_store_service_get (self, number, error);
}

/* Notes, parts, status. */

typedef struct
{
  const char *text;
  const char *date;
  StServiceStatus status;
  StServiceResolution resolution;
  gint64 charge;
  const StDraft *parts;
  const StServiceReplacement *replacement;
  const char *warehouse;
} StepArgs;

static gboolean
require_active (const CaseRec    *c,
                StServiceStatus   to,
                GError          **error)
{
  if (st_service_status_is_active (c->status))
    return TRUE;
  set_transition_error (c, to, error);
  return FALSE;
}

static gboolean
note_step (StPosting *p,
           CaseRec   *c,
           gpointer   data,
           GError   **error)
{
  StepArgs *a = data;
  g_autofree char *date = NULL;
  g_autofree char *text = NULL;

  if (!check_date (a->date, c->date, c->number, &date, error))
    return FALSE;
  if ((text = _st_clean_name (a->text, _("note"), 4000, error)) == NULL)
    return FALSE;
  return add_log (p->store, c->id, date, ST_SERVICE_LOG_NOTE, text, 0, error);
}

StServiceCase *
st_store_service_note (StStore     *self,
                       const char  *number,
                       const char  *text,
                       const char  *date,
                       GError     **error)
{
  StepArgs a = { .text = text, .date = date };

  g_return_val_if_fail (ST_IS_STORE (self), NULL);
  return run_step (self, number, note_step, &a, error);
}

static gboolean
parts_step (StPosting *p,
            CaseRec   *c,
            gpointer   data,
            GError   **error)
{
  StepArgs *a = data;
  g_autoptr(GArray) line_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *date = NULL;
  guint first;

  if (!require_active (c, c->status, error))
    return FALSE;
  if (!check_date (a->parts->date, c->date, c->number, &date, error))
    return FALSE;
  if (a->parts->lines->len == 0)
    {
      g_set_error (error, ST_ERROR, ST_ERROR_INVALID_INPUT, _("No part line was given"));
      return FALSE;
    }
  p->draft = a->parts;
  p->date = g_strdup (date);
  p->contact_id = c->customer_id;
  p->warehouse_id = c->warehouse_id;
  p->doc_id = c->doc_id;
  first = (guint) doc_column (p->store, c->doc_id,
                              "SELECT coalesce (max (line_no), 0) FROM document_lines"
                              " WHERE document_id = ?");
  if (!_st_posting_resolve_lines (p, error) || !_st_posting_write_lines (p, first, line_ids, error))
    return FALSE;
  for (guint i = 0; i < line_ids->len; i++)
    if (!add_log (p->store, c->id, date, ST_SERVICE_LOG_PART, NULL,
                  g_array_index (line_ids, gint64, i), error))
      return FALSE;
  /* write_lines flushed the deltas: nothing left for run_step to apply twice. */
  g_hash_table_remove_all (p->stock_delta);
  return TRUE;
}

StServiceCase *
st_store_service_add_parts (StStore       *self,
                            const char    *number,
                            const StDraft *parts,
                            GError       **error)
{
  StepArgs a = { .parts = parts };

  g_return_val_if_fail (ST_IS_STORE (self), NULL);
  g_return_val_if_fail (parts != NULL && parts->kind == ST_DOC_SERVICE, NULL);
  return run_step (self, number, parts_step, &a, error);
}

static gboolean
status_step (StPosting *p,
             CaseRec   *c,
             gpointer   data,
             GError   **error)
{
  StepArgs *a = data;
  g_autofree char *date = NULL;
  gboolean allowed = (a->status == ST_SERVICE_IN_REPAIR && c->status == ST_SERVICE_OPEN)
                     || (a->status == ST_SERVICE_READY && (c->status == ST_SERVICE_OPEN
                                                           || c->status == ST_SERVICE_IN_REPAIR));

  if (!allowed)
    {
      set_transition_error (c, a->status, error);
      return FALSE;
    }
  if (!check_date (a->date, c->date, c->number, &date, error))
    return FALSE;
  return update_case_status (p->store, c, a->status, date, error);
}

StServiceCase *
st_store_service_set_status (StStore          *self,
                             const char       *number,
                             StServiceStatus   status,
                             const char       *date,
                             GError          **error)
{
  StepArgs a = { .status = status, .date = date };

  g_return_val_if_fail (ST_IS_STORE (self), NULL);
  g_return_val_if_fail (status == ST_SERVICE_IN_REPAIR || status == ST_SERVICE_READY, NULL);
  return run_step (self, number, status_step, &a, error);
}

/* Resolutions. */

static gboolean
record_resolution (StStore             *self,
                   const CaseRec       *c,
                   StServiceStatus      status,
                   StServiceResolution  resolution,
                   gint64               charge,
                   gint64               refund,
                   const char          *date,
                   gboolean             closing,
                   gint64               event_id,
                   gint64               replacement_unit_id,
                   gint64               replacement_event_id,
                   GError             **error)
{
  g_autoptr(StStmt) stmt = _st_store_prepare (self,
                                              "UPDATE service_cases SET resolution = ?,"
                                              " charge = ?, refund = ?, closed_date = ?,"
                                              " resolution_event_id = ?,"
                                              " replacement_unit_id = ?,"
                                              " replacement_event_id = ? WHERE id = ?", error);
  g_autoptr(StStmt) doc = NULL;

  if (stmt == NULL)
    return FALSE;
  _st_bind_text (stmt, 1, resolution != ST_RESOLUTION_NONE
                          ? st_service_resolution_to_string (resolution) : NULL);
  st_stmt_bind_int64 (stmt, 2, charge);
  st_stmt_bind_int64 (stmt, 3, refund);
  _st_bind_text (stmt, 4, closing ? date : NULL);
  _st_bind_id (stmt, 5, event_id);
  _st_bind_id (stmt, 6, replacement_unit_id);
  _st_bind_id (stmt, 7, replacement_event_id);
  st_stmt_bind_int64 (stmt, 8, c->id);
  if (_st_step (stmt, error) == 0)
    return FALSE;
  doc = _st_store_prepare (self, "UPDATE documents SET total = ? WHERE id = ?", error);
  if (doc == NULL)
    return FALSE;
  st_stmt_bind_int64 (doc, 1, charge);
  st_stmt_bind_int64 (doc, 2, c->doc_id);
  if (_st_step (doc, error) == 0)
    return FALSE;
  return update_case_status (self, c, status, date, error);
}

static gboolean
check_charge (gint64   charge,
              GError **error)
{
  if (charge >= 0 && charge <= ST_MONEY_MAX)
    return TRUE;
  g_set_error (error, ST_ERROR, ST_ERROR_INVALID_INPUT, _("The charge cannot be negative"));
  return FALSE;
}

/* The faulty unit, checked to be in service at the case's desk. */
static gboolean
load_case_unit (StStore      *self,
                const CaseRec *c,
                StUnitState  *state,
                char        **serial,
                gint64       *item_id,
                GError      **error)
{
  if (!load_unit (self, c->unit_id, state, serial, item_id, error))
    return FALSE;
  if (state->status != ST_UNIT_IN_SERVICE || state->warehouse_id != c->warehouse_id)
    {
      g_set_error (error, ST_ERROR, ST_ERROR_MOVED_ON,
                   /* Translators: %1$s a serial, %2$s a service case number, %3$s a status */
                   _("Unit “%1$s” of service case %2$s is no longer in service (status: %3$s)"),
                   *serial, c->number, st_unit_status_to_label (state->status));
      return FALSE;
    }
  return TRUE;
}

static gboolean
hand_back_step (StPosting *p,
                CaseRec   *c,
                gpointer   data,
                GError   **error)
{
  StepArgs *a = data;
  gboolean cancel = a->resolution == ST_RESOLUTION_NONE;
  StServiceStatus to = cancel ? ST_SERVICE_CANCELLED : ST_SERVICE_CLOSED;
  g_autofree char *date = NULL;
  g_autofree char *serial = NULL;
  StUnitState state;
  StEventRec e = { 0 };
  gint64 item_id = 0, event_id = 0;

  if (!require_active (c, to, error) || !check_charge (a->charge, error)
      || !check_date (a->date, c->date, c->number, &date, error)
      || !load_case_unit (p->store, c, &state, &serial, &item_id, error))
    return FALSE;
  e.unit_id = c->unit_id;
  e.document_id = c->doc_id;
  e.kind = ST_EVENT_SERVICE_OUT;
  g_strlcpy (e.date, date, ST_DATE_LEN);
  e.from_warehouse_id = c->warehouse_id;
  e.contact_id = c->customer_id;
  e.has_amount = !cancel;
  e.amount = a->charge;
  return apply_event (p, &e, &state, item_id, serial, &event_id, error)
         && record_resolution (p->store, c, to, a->resolution, a->charge, 0, date, TRUE, event_id, 0, 0,
                               error);
}

StServiceCase *
st_store_service_cancel (StStore     *self,
                         const char  *number,
                         const char  *date,
                         GError     **error)
{
  StepArgs a = { .date = date, .resolution = ST_RESOLUTION_NONE };

  g_return_val_if_fail (ST_IS_STORE (self), NULL);
  return run_step (self, number, hand_back_step, &a, error);
}

StServiceCase *
st_store_service_close (StStore              *self,
                        const char           *number,
                        StServiceResolution   resolution,
                        gint64                charge,
                        const char           *date,
                        GError              **error)
{
  StepArgs a = { .date = date, .resolution = resolution, .charge = charge };

  g_return_val_if_fail (ST_IS_STORE (self), NULL);
  g_return_val_if_fail (resolution == ST_RESOLUTION_REPAIRED
                        || resolution == ST_RESOLUTION_UNREPAIRED, NULL);
  return run_step (self, number, hand_back_step, &a, error);
}

static gboolean
find_replacement (StPosting                  *p,
                  const CaseRec              *c,
                  const StServiceReplacement *r,
                  gint64                      faulty_item_id,
                  gint64                     *unit_id,
                  StUnitState                *state,
                  char                      **serial,
                  gint64                     *item_id,
                  GError                    **error)
{
  g_autoptr(StItem) item = NULL;
  g_autoptr(StStmt) stmt = NULL;
  int rc;

  if (r->sku != NULL && (item = st_store_find_item (p->store, r->sku, error)) == NULL)
    return FALSE;
  *item_id = item != NULL ? st_item_get_id (item) : faulty_item_id;
  if (r->serial == NULL)
    {
      stmt = _st_store_prepare (p->store, "SELECT id FROM units WHERE item_id = ?"
                                " AND status = 'in_stock' AND warehouse_id = ?"
                                " ORDER BY received_date, id LIMIT 1", error);
      if (stmt == NULL)
        return FALSE;
      st_stmt_bind_int64 (stmt, 1, *item_id);
      st_stmt_bind_int64 (stmt, 2, c->warehouse_id);
    }
  else
    {
      g_autofree char *clean = st_serial_normalize (r->serial, error);
      g_autofree char *key = NULL;

      if (clean == NULL)
        return FALSE;
      key = st_serial_key (clean);
      stmt = _st_store_prepare (p->store, "SELECT id FROM units WHERE item_id = ?"
                                " AND serial_key = ?", error);
      if (stmt == NULL)
        return FALSE;
      st_stmt_bind_int64 (stmt, 1, *item_id);
      _st_bind_text (stmt, 2, key);
    }
  rc = _st_step (stmt, error);
  if (rc == 0)
    return FALSE;
  if (rc != ST_STEP_ROW)
    {
      g_autoptr(StStmt) name = _st_store_prepare (p->store,
                                                  "SELECT (SELECT sku FROM items WHERE id = ?),"
                                                  " (SELECT name FROM warehouses WHERE id = ?)",
                                                  error);
      if (name == NULL)
        return FALSE;
      st_stmt_bind_int64 (name, 1, *item_id);
      st_stmt_bind_int64 (name, 2, c->warehouse_id);
      if (_st_step (name, error) != ST_STEP_ROW)
        return FALSE;
      if (r->serial == NULL)
        g_set_error (error, ST_ERROR, ST_ERROR_INSUFFICIENT_STOCK,
                     /* Translators: %1$s a SKU, %2$s a warehouse */
                     _("No unit of %1$s is in stock at %2$s to replace with"),
                     st_stmt_column_text (name, 0), st_stmt_column_text (name, 1));
      else
        {
          g_autofree char *q = g_strescape (r->serial, NULL);
          g_set_error (error, ST_ERROR, ST_ERROR_NOT_FOUND,
                       /* Translators: %1$s serial, %2$s SKU. */
                       _("Serial “%1$s” of %2$s is not in the inventory"), q,
                       st_stmt_column_text (name, 0));
        }
      return FALSE;
    }
  *unit_id = st_stmt_column_int64 (stmt, 0);
  st_stmt_release (stmt);
  if (!load_unit (p->store, *unit_id, state, serial, NULL, error))
    return FALSE;
  if (*unit_id == c->unit_id)
    {
      g_set_error (error, ST_ERROR, ST_ERROR_INVALID_INPUT,
                   /* Translators: %1$s a serial, %2$s a service case number */
                   _("Serial “%1$s” is the faulty unit of %2$s; it cannot replace itself"),
                   *serial, c->number);
      return FALSE;
    }
  if (state->status != ST_UNIT_IN_STOCK || state->warehouse_id != c->warehouse_id)
    {
      g_autoptr(StStmt) name = _st_store_prepare (p->store, "SELECT name FROM warehouses"
                                                  " WHERE id = ?", error);
      if (name == NULL)
        return FALSE;
      st_stmt_bind_int64 (name, 1, c->warehouse_id);
      if (_st_step (name, error) != ST_STEP_ROW)
        return FALSE;
      g_set_error (error, ST_ERROR, ST_ERROR_NOT_IN_STOCK,
                   /* Translators: %1$s serial, %2$s warehouse, %3$s a status such as “Sold” */
                   _("Serial “%1$s” is not in stock at %2$s (status: %3$s); a replacement comes "
                     "from the service case's warehouse"),
                   *serial, st_stmt_column_text (name, 0),
                   st_unit_status_to_label (state->status));
      return FALSE;
    }
  return TRUE;
}

static gboolean
replace_step (StPosting *p,
              CaseRec   *c,
              gpointer   data,
              GError   **error)
{
  const StServiceReplacement *r = ((StepArgs *) data)->replacement;
  g_autofree char *date = NULL;
  g_autofree char *serial = NULL;
  g_autofree char *new_serial = NULL;
  g_autofree char *warranty_end = NULL;
  StUnitState state, new_state;
  StEventRec e = { 0 }, n = { 0 };
  gint64 item_id = 0, new_item_id = 0, new_unit_id = 0, event_id = 0, new_event_id = 0;

  if (!require_active (c, ST_SERVICE_CLOSED, error) || !check_charge (r->charge, error)
      || !check_date (r->date, c->date, c->number, &date, error)
      || !load_case_unit (p->store, c, &state, &serial, &item_id, error)
      || !find_replacement (p, c, r, item_id, &new_unit_id, &new_state, &new_serial,
                            &new_item_id, error))
    return FALSE;

  if (r->restart_warranty)
    {
      g_autoptr(StStmt) stmt = _st_store_prepare (p->store, "SELECT warranty_months FROM items"
                                                  " WHERE id = ?", error);
      gint64 months;

      if (stmt == NULL)
        return FALSE;
      st_stmt_bind_int64 (stmt, 1, new_item_id);
      if (_st_step (stmt, error) != ST_STEP_ROW)
        return FALSE;
      months = st_stmt_column_int64 (stmt, 0);
      if (months > 0)
        warranty_end = st_date_add_months (date, (guint) months);
    }
  else if (c->warranty_end[0] != '\0')
    warranty_end = g_strdup (c->warranty_end);

  e.unit_id = c->unit_id;
  e.document_id = c->doc_id;
  e.kind = ST_EVENT_REPLACED;
  g_strlcpy (e.date, date, ST_DATE_LEN);
  e.from_warehouse_id = c->warehouse_id;
  e.to_warehouse_id = c->warehouse_id;
  e.contact_id = c->customer_id;

  n.unit_id = new_unit_id;
  n.document_id = c->doc_id;
  n.kind = ST_EVENT_REPLACEMENT;
  g_strlcpy (n.date, date, ST_DATE_LEN);
  n.from_warehouse_id = c->warehouse_id;
  n.contact_id = c->customer_id;
  n.has_amount = TRUE;
  n.amount = r->charge;
  g_strlcpy (n.warranty_end, warranty_end != NULL ? warranty_end : "", ST_DATE_LEN);

  /* Units in id order, as every posting locks them. */
  if (c->unit_id < new_unit_id)
    {
      if (!apply_event (p, &e, &state, item_id, serial, &event_id, error)
          || !apply_event (p, &n, &new_state, new_item_id, new_serial, &new_event_id, error))
        return FALSE;
    }
  else if (!apply_event (p, &n, &new_state, new_item_id, new_serial, &new_event_id, error)
           || !apply_event (p, &e, &state, item_id, serial, &event_id, error))
    return FALSE;
  return record_resolution (p->store, c, ST_SERVICE_CLOSED, ST_RESOLUTION_REPLACED, r->charge, 0,
                            date, TRUE, event_id, new_unit_id, new_event_id, error);
}

StServiceCase *
st_store_service_replace (StStore                    *self,
                          const char                 *number,
                          const StServiceReplacement *replacement,
                          GError                    **error)
{
  StepArgs a = { .replacement = replacement };

  g_return_val_if_fail (ST_IS_STORE (self), NULL);
  g_return_val_if_fail (replacement != NULL, NULL);
  return run_step (self, number, replace_step, &a, error);
}

static gboolean
refund_step (StPosting *p,
             CaseRec   *c,
             gpointer   data,
             GError   **error)
{
  StepArgs *a = data;
  g_autofree char *date = NULL;
  g_autofree char *serial = NULL;
  StUnitState state;
  StEventRec e = { 0 };
  gint64 item_id = 0, event_id = 0, warehouse_id = c->warehouse_id;

  if (!require_active (c, ST_SERVICE_CLOSED, error)
      || !check_date (a->date, c->date, c->number, &date, error)
      || !load_case_unit (p->store, c, &state, &serial, &item_id, error))
    return FALSE;
  if (a->warehouse != NULL && *a->warehouse != '\0'
      && (warehouse_id = _st_store_warehouse_id (p->store, a->warehouse, error)) == 0)
    return FALSE;
  if (state.sold_doc_id == 0 || !state.has_price)
    {
      g_set_error (error, ST_ERROR, ST_ERROR_INVALID_INPUT,
                   /* Translators: %s is a serial number */
                   _("Serial “%s” was not sold by us; there is nothing to refund"), serial);
      return FALSE;
    }
  e.unit_id = c->unit_id;
  e.document_id = c->doc_id;
  e.kind = ST_EVENT_REFUNDED;
  g_strlcpy (e.date, date, ST_DATE_LEN);
  e.from_warehouse_id = c->warehouse_id;
  e.to_warehouse_id = warehouse_id;
  e.contact_id = c->customer_id;
  e.has_amount = TRUE;
  e.amount = state.price;
  return apply_event (p, &e, &state, item_id, serial, &event_id, error)
         && record_resolution (p->store, c, ST_SERVICE_CLOSED, ST_RESOLUTION_REFUNDED, 0,
                               state.price, date, TRUE, event_id, 0, 0, error);
}

StServiceCase *
st_store_service_refund (StStore     *self,
                         const char  *number,
                         const char  *warehouse,
                         const char  *date,
                         GError     **error)
{
  StepArgs a = { .date = date, .warehouse = warehouse };

  g_return_val_if_fail (ST_IS_STORE (self), NULL);
  return run_step (self, number, refund_step, &a, error);
}

/* Voiding the last step. */

static gboolean
void_event (StPosting     *p,
            const CaseRec *c,
            gint64         event_id,
            const char    *date,
            GError       **error)
{
  g_autoptr(StStmt) stmt = _st_store_prepare (p->store, "SELECT unit_id FROM unit_events"
                                              " WHERE id = ?", error);
  g_autoptr(GArray) events = NULL;
  g_autoptr(GArray) stack = NULL;
  g_autofree char *serial = NULL;
  StUnitState stored;
  const StUnitState *top;
  gint64 unit_id, item_id = 0;
  guint bad = 0;
  StEventRec e = { 0 };

  if (stmt == NULL)
    return FALSE;
  st_stmt_bind_int64 (stmt, 1, event_id);
  if (_st_step (stmt, error) != ST_STEP_ROW)
    return FALSE;
  unit_id = st_stmt_column_int64 (stmt, 0);
  if (!load_unit (p->store, unit_id, &stored, &serial, &item_id, error)
      || (events = _st_store_load_events (p->store, unit_id, error)) == NULL)
    return FALSE;
  stack = _st_unit_replay ((const StEventRec *) events->data, events->len, &bad);
  if (stack == NULL)
    {
      g_set_error (error, ST_ERROR, ST_ERROR_CORRUPT,
                   _("The history of unit “%s” does not add up; run a check"), serial);
      return FALSE;
    }
  top = &g_array_index (stack, StUnitState, stack->len - 1);
  if (top->event_id != event_id)
    {
      g_autoptr(StStmt) later = _st_store_prepare (p->store, "SELECT kind, number FROM documents"
                                                   " WHERE id = ?", error);
      StDocKind kind = ST_DOC_BILL;

      if (later == NULL)
        return FALSE;
      st_stmt_bind_int64 (later, 1, top->event_doc_id);
      if (_st_step (later, error) != ST_STEP_ROW)
        return FALSE;
      st_doc_kind_from_string (st_stmt_column_text (later, 0), &kind);
      g_set_error (error, ST_ERROR, ST_ERROR_MOVED_ON,
                   /* Translators: %1$s a service case number, %2$s a serial, %3$s a document
                    * kind and %4$s its number, like “Vendor return” “VR-00001” */
                   _("Cannot void the last step of %1$s: unit “%2$s” has moved on since, in "
                     "%3$s %4$s"),
                   c->number, serial, st_doc_kind_to_label (kind),
                   st_stmt_column_text (later, 1));
      return FALSE;
    }
  for (guint i = 0; i < events->len; i++)
    if (g_array_index (events, StEventRec, i).id == event_id)
      {
        const StEventRec *orig = &g_array_index (events, StEventRec, i);

        e.unit_id = unit_id;
        e.document_id = c->doc_id;
        e.kind = ST_EVENT_VOIDED;
        g_strlcpy (e.date, date, ST_DATE_LEN);
        e.from_warehouse_id = orig->to_warehouse_id;
        e.to_warehouse_id = orig->from_warehouse_id;
        e.contact_id = orig->contact_id;
        e.has_amount = orig->has_amount;
        e.amount = orig->amount;
        e.reverses_id = orig->id;
      }
  if (!_st_store_insert_event (p->store, &e, NULL, error))
    return FALSE;
  g_array_set_size (stack, stack->len - 1);
  top = &g_array_index (stack, StUnitState, stack->len - 1);
  if (!_st_store_write_unit_state (p->store, unit_id, &stored, top, error))
    return FALSE;
  _st_posting_stock_add_state (p, item_id, &stored, -1);
  _st_posting_stock_add_state (p, item_id, top, +1);
  return TRUE;
}

static gboolean
void_step (StPosting *p,
           CaseRec   *c,
           gpointer   data,
           GError   **error)
{
  StepArgs *a = data;
  g_autofree char *date = NULL;
  StServiceStatus back = c->status == ST_SERVICE_CANCELLED ? ST_SERVICE_OPEN : ST_SERVICE_READY;

  if (st_service_status_is_active (c->status) || c->resolution_event_id == 0)
    {
      g_set_error (error, ST_ERROR, ST_ERROR_DOCUMENT_STATE,
                   /* Translators: %s is a service case number */
                   _("Service case %s is not closed or cancelled; there is no step to void"),
                   c->number);
      return FALSE;
    }
  if (!check_date (a->date, c->date, c->number, &date, error))
    return FALSE;
  /* Both units checked before either is written: in id order as everywhere. */
  if (c->replacement_event_id != 0 && c->replacement_event_id < c->resolution_event_id)
    {
      if (!void_event (p, c, c->replacement_event_id, date, error)
          || !void_event (p, c, c->resolution_event_id, date, error))
        return FALSE;
    }
  else if (!void_event (p, c, c->resolution_event_id, date, error)
           || (c->replacement_event_id != 0
               && !void_event (p, c, c->replacement_event_id, date, error)))
    return FALSE;
  return record_resolution (p->store, c, back, ST_RESOLUTION_NONE, 0, 0, date, FALSE, 0, 0, 0, error);
}

StServiceCase *
st_store_service_void_step (StStore     *self,
                            const char  *number,
                            const char  *date,
                            GError     **error)
{
  StepArgs a = { .date = date };

  g_return_val_if_fail (ST_IS_STORE (self), NULL);
  return run_step (self, number, void_step, &a, error);
}

/* Steps as data (st-store-service.h) */

StServiceStep *
st_service_step_new (StServiceStepKind  kind,
                     const char        *number)
{
  StServiceStep *step = g_new0 (StServiceStep, 1);

  step->kind = kind;
  step->number = g_strdup (number);
  return step;
}

void
st_service_step_free (StServiceStep *step)
{
  if (step == NULL)
    return;
  g_free (step->number);
  g_free (step->serial);
  g_free (step->sku);
  g_free (step->text);
  g_free (step->customer);
  g_free (step->warehouse);
  g_free (step->date);
  st_draft_free (step->parts);
  g_free (step);
}

/* NULL for an empty field: a form's empty entry means "the default". */
static const char *
given (const char *text)
{
  return text != NULL && *text != '\0' ? text : NULL;
}

StServiceCase *
st_store_service_run_step (StStore              *self,
                           const StServiceStep  *step,
                           GError              **error)
{
  g_return_val_if_fail (ST_IS_STORE (self), NULL);
  g_return_val_if_fail (step != NULL, NULL);

  switch (step->kind)
    {
    case ST_SERVICE_STEP_OPEN:
      {
        StServiceIntake intake = { given (step->serial), given (step->sku), given (step->text),
                                   given (step->customer), given (step->warehouse),
                                   given (step->date) };

        return st_store_service_open (self, &intake, error);
      }
    case ST_SERVICE_STEP_NOTE:
      return st_store_service_note (self, step->number, step->text, given (step->date), error);
    case ST_SERVICE_STEP_STATUS:
      return st_store_service_set_status (self, step->number, step->status, given (step->date),
                                          error);
    case ST_SERVICE_STEP_PARTS:
      g_return_val_if_fail (step->parts != NULL, NULL);
      return st_store_service_add_parts (self, step->number, step->parts, error);
    case ST_SERVICE_STEP_CANCEL:
      return st_store_service_cancel (self, step->number, given (step->date), error);
    case ST_SERVICE_STEP_CLOSE:
      return st_store_service_close (self, step->number, step->resolution, step->charge,
                                     given (step->date), error);
    case ST_SERVICE_STEP_REPLACE:
      {
        StServiceReplacement replacement = { given (step->serial), given (step->sku),
                                             step->restart_warranty, step->charge,
                                             given (step->date) };

        return st_store_service_replace (self, step->number, &replacement, error);
      }
    case ST_SERVICE_STEP_REFUND:
      return st_store_service_refund (self, step->number, given (step->warehouse),
                                      given (step->date), error);
    case ST_SERVICE_STEP_VOID:
      return st_store_service_void_step (self, step->number, given (step->date), error);
    default:
      g_return_val_if_reached (NULL);
    }
}

static gpointer
run_step_on_worker (StStore       *connection,
                    gpointer       data,
                    GCancellable  *cancellable,
                    GError       **error)
{
  return st_store_service_run_step (connection, data, error);
}

void
st_store_service_run_step_async (StStore             *self,
                                 StServiceStep       *step,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_return_if_fail (ST_IS_STORE (self));
  g_return_if_fail (step != NULL);

  st_store_run_async (self, run_step_on_worker, step, (GDestroyNotify) st_service_step_free,
                      g_object_unref, TRUE, cancellable, callback, user_data);
}

StServiceCase *
st_store_service_run_step_finish (StStore       *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  return st_store_run_finish (self, result, error);
}
