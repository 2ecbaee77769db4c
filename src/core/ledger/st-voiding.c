/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-voiding.c — voiding a posted document and receiving an in-transit transfer.  Each runs in
 * one BEGIN IMMEDIATE transaction on the posting engine's pieces (st-posting-private.h): the
 * units step back or on through new events, and the stock follows. */
#define G_LOG_DOMAIN "st-voiding"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "st-doc-kind.h"
#include "st-error.h"
#include "st-parse.h"
#include "st-posting-private.h"

/* Voiding. */

static char *
document_label (StStore *store,
                gint64   doc_id)
{
  g_autoptr(StStmt) stmt = _st_store_prepare (store, "SELECT kind, number FROM documents"
                                                     " WHERE id = ?", NULL);
  StDocKind kind = ST_DOC_BILL;

  if (stmt == NULL)
    return g_strdup ("?");
  st_stmt_bind_int64 (stmt, 1, doc_id);
  if (st_stmt_step (stmt, NULL) != ST_STEP_ROW)
    return g_strdup ("?");
  st_doc_kind_from_string (st_stmt_column_text (stmt, 0), &kind);
  /* Translators: a document kind and its number, like "Invoice INV-00012". */
  return g_strdup_printf (C_("document", "%1$s %2$s"), st_doc_kind_to_label (kind),
                          st_stmt_column_text (stmt, 1));
}

static char *
unit_serial (StStore *store,
             gint64   unit_id)
{
  g_autoptr(StStmt) stmt = _st_store_prepare (store, "SELECT serial FROM units WHERE id = ?",
                                              NULL);

  if (stmt == NULL)
    return g_strdup ("?");
  st_stmt_bind_int64 (stmt, 1, unit_id);
  if (st_stmt_step (stmt, NULL) != ST_STEP_ROW)
    return g_strdup ("?");
  return g_strescape (st_stmt_column_text (stmt, 0), NULL);
}

static gint64
unit_item (StStore *store,
           gint64   unit_id)
{
  g_autoptr(StStmt) stmt = _st_store_prepare (store, "SELECT item_id FROM units WHERE id = ?",
                                              NULL);

  if (stmt == NULL)
    return 0;
  st_stmt_bind_int64 (stmt, 1, unit_id);
  if (st_stmt_step (stmt, NULL) != ST_STEP_ROW)
    return 0;
  return st_stmt_column_int64 (stmt, 0);
}

static GArray *
document_units (StStore  *store,
                gint64    doc_id,
                GError  **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(StStmt) stmt = _st_store_prepare (store,
                                              "SELECT DISTINCT unit_id FROM unit_events"
                                              " WHERE document_id = ? ORDER BY unit_id", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  st_stmt_bind_int64 (stmt, 1, doc_id);
  while ((rc = _st_step (stmt, error)) == ST_STEP_ROW)
    {
      gint64 id = st_stmt_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  return rc == ST_STEP_DONE ? g_steal_pointer (&ids) : NULL;
}

/* Pops every event of @doc_id off the top of the unit's history, appending a reversing
 * event for each; refuses when a later document has moved the unit on. */
static gboolean
void_unit (StPosting  *p,
           gint64      unit_id,
           const char *doc_number,
           GError    **error)
{
  g_autoptr(GArray) events = NULL;
  g_autoptr(GArray) stack = NULL;
  StUnitState before;
  const StUnitState *top;
  guint bad = 0;
  gint64 item_id = unit_item (p->store, unit_id);

  events = _st_store_load_events (p->store, unit_id, error);
  if (events == NULL)
    return FALSE;
  stack = _st_unit_replay ((const StEventRec *) events->data, events->len, &bad);
  if (stack == NULL)
    {
      g_autofree char *serial = unit_serial (p->store, unit_id);
      g_set_error (error, ST_ERROR, ST_ERROR_CORRUPT,
                   /* Translators: %s is a serial number */
                   _("The history of unit “%s” does not add up; run a check"), serial);
      return FALSE;
    }
  before = g_array_index (stack, StUnitState, stack->len - 1);
  top = &before;
  if (top->event_doc_id != p->doc_id)
    {
      gboolean involved = FALSE;

      for (guint i = 0; i < stack->len; i++)
        if (g_array_index (stack, StUnitState, i).event_doc_id == p->doc_id)
          involved = TRUE;
      if (involved)
        {
          g_autofree char *serial = unit_serial (p->store, unit_id);
          g_autofree char *later = document_label (p->store, top->event_doc_id);
          g_set_error (error, ST_ERROR, ST_ERROR_MOVED_ON,
                       /* Translators: %1$s document number, %2$s serial, %3$s a later document
                        * like "Invoice INV-00012". */
                       _("Cannot void %1$s: unit “%2$s” has moved on since, in %3$s"),
                       doc_number, serial, later);
          return FALSE;
        }
      return TRUE;
    }

  while (stack->len > 1
         && g_array_index (stack, StUnitState, stack->len - 1).event_doc_id == p->doc_id)
    {
      const StUnitState *s = &g_array_index (stack, StUnitState, stack->len - 1);
      const StEventRec *orig = NULL;
      StEventRec e = { 0 };

      for (guint i = 0; i < events->len; i++)
        if (g_array_index (events, StEventRec, i).id == s->event_id)
          orig = &g_array_index (events, StEventRec, i);
      g_assert (orig != NULL);

      e.unit_id = unit_id;
      e.document_id = p->doc_id;
      e.line_id = orig->line_id;
      e.kind = ST_EVENT_VOIDED;
      g_strlcpy (e.date, p->date, ST_DATE_LEN);
      e.from_warehouse_id = orig->to_warehouse_id;
      e.to_warehouse_id = orig->from_warehouse_id;
      e.contact_id = orig->contact_id;
      e.has_amount = orig->has_amount;
      e.amount = orig->amount;
      e.reverses_id = orig->id;
      if (!_st_store_insert_event (p->store, &e, NULL, error))
        return FALSE;
      g_array_set_size (stack, stack->len - 1);
    }

  {
    const StUnitState *after = &g_array_index (stack, StUnitState, stack->len - 1);

    /* The replayed state, not necessarily the stored one: write every column. */
    if (!_st_store_write_unit_state (p->store, unit_id, NULL, after, error))
      return FALSE;
    _st_posting_stock_add_state (p, item_id, &before, -1);
    _st_posting_stock_add_state (p, item_id, after, +1);
  }
  return TRUE;
}

static gboolean
void_moves (StPosting *p,
            GError   **error)
{
  g_autoptr(GArray) moves = g_array_new (FALSE, FALSE, sizeof (gint64) * 4);
  g_autoptr(StStmt) stmt = _st_store_prepare (p->store,
                                              "SELECT item_id, warehouse_id, sum (quantity),"
                                              " in_transit FROM stock_moves WHERE document_id = ?"
                                              " GROUP BY item_id, warehouse_id, in_transit",
                                              error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  st_stmt_bind_int64 (stmt, 1, p->doc_id);
  while ((rc = _st_step (stmt, error)) == ST_STEP_ROW)
    {
      gint64 m[4] = { st_stmt_column_int64 (stmt, 0), st_stmt_column_int64 (stmt, 1),
                      st_stmt_column_int64 (stmt, 2), st_stmt_column_int64 (stmt, 3) };
      g_array_append_vals (moves, m, 1);
    }
  if (rc != ST_STEP_DONE)
    return FALSE;
  g_clear_pointer (&stmt, st_stmt_release);
  for (guint i = 0; i < moves->len; i++)
    {
      gint64 *m = &((gint64 *) moves->data)[i * 4];

      if (m[2] != 0 && !_st_posting_insert_move (p, m[0], m[1], -m[2], m[3] != 0, error))
        return FALSE;
    }
  return TRUE;
}

/* A posted sales return (vendor return) keeps its invoice (bill) in force: voiding that
 * document first would bring back stock the return already brought back (quantity items
 * have no unit history to refuse it) and leave the return pointing at a void document. */
static gboolean
refuse_if_returned_against (StStore     *self,
                            StDocKind    kind,
                            gint64       doc_id,
                            const char  *number,
                            GError     **error)
{
  g_autoptr(StStmt) stmt = NULL;
  StDocKind return_kind = ST_DOC_RETURN;
  int rc;

  if (!st_doc_kind_is_referenced (kind))
    return TRUE;
  stmt = _st_store_prepare (self, "SELECT kind, number FROM documents"
                                  " WHERE ref_document_id = ? AND status = 'posted'"
                                  "   AND kind IN ('return', 'vendor-return')"
                                  " ORDER BY id LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;
  st_stmt_bind_int64 (stmt, 1, doc_id);
  rc = _st_step (stmt, error);
  if (rc == 0)
    return FALSE;
  if (rc != ST_STEP_ROW)
    return TRUE;
  st_doc_kind_from_string (st_stmt_column_text (stmt, 0), &return_kind);
  g_set_error (error, ST_ERROR, ST_ERROR_MOVED_ON,
               /* Translators: %1$s a document kind and %2$s its number (“Invoice INV-00012”),
                * %3$s the kind of the return and %4$s its number (“Sales return RET-00003”) */
               _("Cannot void %1$s %2$s: %3$s %4$s refers to it; void that first"),
               st_doc_kind_to_label (kind), number, st_doc_kind_to_label (return_kind),
               st_stmt_column_text (stmt, 1));
  return FALSE;
}

/* @vendor: for a bill, whose (NULL: any vendor's); ignored for other kinds. */
static StDocument *
void_document_once (StStore     *self,
                    StDocKind    kind,
                    const char  *number,
                    const char  *vendor,
                    GError     **error)
{
  StPosting p = { 0 };
  StDocHeader h = { 0 };
  g_autoptr(GArray) units = NULL;
  g_autoptr(StStmt) stmt = NULL;
  g_autofree char *today = st_date_today ();
  gint64 doc_id;

  p.store = self;
  p.stock_delta = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (!_st_store_begin (self, error))
    goto fail;
  p.doc_id = st_doc_kind_info (kind)->numbering == ST_DOC_NUMBER_VENDOR
    ? _st_store_find_bill (self, number, vendor, error)
    : _st_store_find_document (self, kind, number, error);
  if (p.doc_id == 0 || !_st_store_load_doc_header (self, p.doc_id, &h, error))
    goto fail;
  if (h.status != ST_DOC_STATUS_POSTED)
    {
      /* Translators: %1$s a document kind, %2$s its number. */
      g_set_error (error, ST_ERROR, ST_ERROR_DOCUMENT_STATE, _("%1$s %2$s is already void"),
                   st_doc_kind_to_label (kind), h.number);
      goto fail;
    }
  /* A void is dated today, or on the document's own date if that lies in the future. */
  p.date = g_strdup (strcmp (today, h.date) >= 0 ? today : h.date);

  units = document_units (self, p.doc_id, error);
  if (units == NULL)
    goto fail;
  for (guint i = 0; i < units->len; i++)
    if (!void_unit (&p, g_array_index (units, gint64, i), h.number, error))
      goto fail;
  /* After the units (whose refusal names the document that moved a unit on), before the
   * quantities (whose stock the return already took). */
  if (!refuse_if_returned_against (self, kind, p.doc_id, h.number, error))
    goto fail;
  if (!void_moves (&p, error))
    goto fail;
  if (!_st_posting_stock_flush (&p, error))
    {
      if (g_error_matches (*error, ST_ERROR, ST_ERROR_INSUFFICIENT_STOCK))
        /* Translators: %s is a document number; the reason follows */
        g_prefix_error (error, _("Cannot void %s: "), h.number);
      goto fail;
    }
  /* A voided transfer is no longer in transit (its units went back to the source). */
  stmt = _st_store_prepare (self, "UPDATE documents SET status = 'void', voided_date = ?,"
                                  " in_transit = 0 WHERE id = ?", error);
  if (stmt == NULL)
    goto fail;
  _st_bind_text (stmt, 1, p.date);
  st_stmt_bind_int64 (stmt, 2, p.doc_id);
  if (!_st_step (stmt, error) || !_st_store_commit (self, error))
    goto fail;

  doc_id = p.doc_id;
  g_free (h.number);
  _st_posting_clear (&p);
  _st_store_emit_changed (self);
  return st_store_get_document_by_id (self, doc_id, error);

fail:
  _st_store_rollback (self);
  g_free (h.number);
  _st_posting_clear (&p);
  return NULL;
}

/* Run again when a concurrent transaction got in the way (_st_store_retry_write()). */
static StDocument *
void_document (StStore     *self,
               StDocKind    kind,
               const char  *number,
               const char  *vendor,
               GError     **error)
{
  for (guint attempt = 0; ; attempt++)
    {
      GError *local = NULL;
      StDocument *doc = void_document_once (self, kind, number, vendor, &local);

      if (doc != NULL || !_st_store_retry_write (self, attempt, &local))
        {
          if (local != NULL)
            g_propagate_error (error, local);
          return doc;
        }
    }
}

StDocument *
st_store_void (StStore     *self,
               StDocKind    kind,
               const char  *number,
               GError     **error)
{
  g_return_val_if_fail (ST_IS_STORE (self), NULL);
  g_return_val_if_fail ((guint) kind < ST_N_DOC_KINDS, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return void_document (self, kind, number, NULL, error);
}

StDocument *
st_store_void_bill (StStore     *self,
                    const char  *number,
                    const char  *vendor,
                    GError     **error)
{
  g_return_val_if_fail (ST_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return void_document (self, ST_DOC_BILL, number, vendor, error);
}

/* Receiving an in-transit transfer. */

static StDocument *
receive_transfer_once (StStore     *self,
                       const char  *number,
                       const char  *date,
                       GError     **error)
{
  StPosting p = { 0 };
  StDocHeader h = { 0 };
  g_autoptr(GArray) units = NULL;
  g_autoptr(StStmt) stmt = NULL;
  g_autoptr(StStmt) moves = NULL;
  g_autoptr(GArray) qty = g_array_new (FALSE, FALSE, sizeof (gint64) * 2);
  gint64 doc_id;
  int rc;

  g_return_val_if_fail (ST_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  p.store = self;
  p.stock_delta = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (date != NULL && !st_date_validate (date, _("date"), error))
    goto fail;
  p.date = date != NULL ? g_strdup (date) : st_date_today ();
  if (!_st_store_begin (self, error))
    goto fail;
  if ((p.doc_id = _st_store_find_document (self, ST_DOC_TRANSFER, number, error)) == 0
      || !_st_store_load_doc_header (self, p.doc_id, &h, error))
    goto fail;
  if (h.status != ST_DOC_STATUS_POSTED || !h.in_transit)
    {
      if (h.status != ST_DOC_STATUS_POSTED)
        /* Translators: %s is a transfer order's number */
        g_set_error (error, ST_ERROR, ST_ERROR_DOCUMENT_STATE, _("Transfer order %s is void"),
                     h.number);
      else
        g_set_error (error, ST_ERROR, ST_ERROR_DOCUMENT_STATE,
                     /* Translators: %s is a transfer order's number */
                     _("Transfer order %s is not in transit"), h.number);
      goto fail;
    }
  if (strcmp (p.date, h.date) < 0)
    {
      g_set_error (error, ST_ERROR, ST_ERROR_INVALID_INPUT,
                   /* Translators: %1$s the date of receipt, %2$s the date of the transfer order */
                   _("The receipt date %1$s is before the transfer date %2$s"), p.date, h.date);
      goto fail;
    }

  units = document_units (self, p.doc_id, error);
  if (units == NULL)
    goto fail;
  for (guint i = 0; i < units->len; i++)
    {
      gint64 unit_id = g_array_index (units, gint64, i);
      g_autoptr(StStmt) cur = _st_store_prepare (self, "SELECT item_id, " ST_UNIT_STATE_COLUMNS
                                                       " FROM units WHERE id = ?", error);
      g_autoptr(StStmt) line = NULL;
      StUnitState before, after;
      StEventRec e = { 0 };

      if (cur == NULL)
        goto fail;
      st_stmt_bind_int64 (cur, 1, unit_id);
      if (_st_step (cur, error) != ST_STEP_ROW)
        goto fail;
      _st_unit_state_from_row (cur, 1, &before);
      e.unit_id = unit_id;
      e.document_id = p.doc_id;
      e.kind = ST_EVENT_TRANSFER_IN;
      g_strlcpy (e.date, p.date, ST_DATE_LEN);
      e.from_warehouse_id = h.warehouse_id;
      e.to_warehouse_id = h.to_warehouse_id;
      line = _st_store_prepare (self, "SELECT line_id FROM unit_events WHERE unit_id = ?"
                                      " AND document_id = ? ORDER BY id LIMIT 1", error);
      if (line == NULL)
        goto fail;
      st_stmt_bind_int64 (line, 1, unit_id);
      st_stmt_bind_int64 (line, 2, p.doc_id);
      if (_st_step (line, error) == ST_STEP_ROW)
        e.line_id = st_stmt_column_int64 (line, 0);
      if (!_st_unit_state_apply (&before, &e, &after))
        {
          g_autofree char *serial = unit_serial (self, unit_id);
          g_set_error (error, ST_ERROR, ST_ERROR_CORRUPT,
                       /* Translators: %s is a serial number */
                       _("Unit “%s” of this transfer is not in transit any more"), serial);
          goto fail;
        }
      if (!_st_store_write_unit_state (self, unit_id, &before, &after, error)
          || !_st_store_insert_event (self, &e, NULL, error))
        goto fail;
      _st_posting_stock_add_state (&p, st_stmt_column_int64 (cur, 0), &before, -1);
      _st_posting_stock_add_state (&p, st_stmt_column_int64 (cur, 0), &after, +1);
    }

  moves = _st_store_prepare (self, "SELECT item_id, sum (quantity) FROM stock_moves"
                                   " WHERE document_id = ? AND in_transit = 1 GROUP BY item_id",
                             error);
  if (moves == NULL)
    goto fail;
  st_stmt_bind_int64 (moves, 1, p.doc_id);
  while ((rc = _st_step (moves, error)) == ST_STEP_ROW)
    {
      gint64 m[2] = { st_stmt_column_int64 (moves, 0), st_stmt_column_int64 (moves, 1) };
      g_array_append_vals (qty, m, 1);
    }
  if (rc != ST_STEP_DONE)
    goto fail;
  g_clear_pointer (&moves, st_stmt_release);
  for (guint i = 0; i < qty->len; i++)
    {
      gint64 *m = &((gint64 *) qty->data)[i * 2];

      if (m[1] != 0
          && (!_st_posting_insert_move (&p, m[0], h.to_warehouse_id, -m[1], TRUE, error)
              || !_st_posting_insert_move (&p, m[0], h.to_warehouse_id, m[1], FALSE, error)))
        goto fail;
    }
  if (!_st_posting_stock_flush (&p, error))
    goto fail;
  stmt = _st_store_prepare (self, "UPDATE documents SET in_transit = 0, received_date = ?"
                                  " WHERE id = ?", error);
  if (stmt == NULL)
    goto fail;
  _st_bind_text (stmt, 1, p.date);
  st_stmt_bind_int64 (stmt, 2, p.doc_id);
  if (!_st_step (stmt, error) || !_st_store_commit (self, error))
    goto fail;

  doc_id = p.doc_id;
  g_free (h.number);
  _st_posting_clear (&p);
  _st_store_emit_changed (self);
  return st_store_get_document_by_id (self, doc_id, error);

fail:
  _st_store_rollback (self);
  g_free (h.number);
  _st_posting_clear (&p);
  return NULL;
}

StDocument *
st_store_receive_transfer (StStore     *self,
                           const char  *number,
                           const char  *date,
                           GError     **error)
{
  g_return_val_if_fail (ST_IS_STORE (self), NULL);
  g_return_val_if_fail (number != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  for (guint attempt = 0; ; attempt++)
    {
      GError *local = NULL;
      StDocument *doc = receive_transfer_once (self, number, date, &local);

      if (doc != NULL || !_st_store_retry_write (self, attempt, &local))
        {
          if (local != NULL)
            g_propagate_error (error, local);
          return doc;
        }
    }
}
