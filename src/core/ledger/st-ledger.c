/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "st-ledger"

#include "config.h"

#include <string.h>

#include "st-ledger-private.h"

void
_st_unit_state_init (StUnitState *state)
{
  memset (state, 0, sizeof *state);
  state->status = ST_UNIT_VOIDED;
}

static void
copy_date (char       *dest,
           const char *src)
{
  g_strlcpy (dest, src != NULL ? src : "", ST_DATE_LEN);
}

static gboolean
in_stock_at (const StUnitState *s,
             gint64             warehouse_id)
{
  return s->status == ST_UNIT_IN_STOCK && s->warehouse_id == warehouse_id;
}

gboolean
_st_unit_state_apply (const StUnitState *before,
                      const StEventRec  *e,
                      StUnitState       *after)
{
  *after = *before;
  after->event_id = e->id;
  after->event_doc_id = e->document_id;

  switch (e->kind)
    {
    case ST_EVENT_RECEIVED:
    case ST_EVENT_ADJUSTED_IN:
      if (before->status == ST_UNIT_IN_STOCK || before->status == ST_UNIT_IN_TRANSIT
          || before->status == ST_UNIT_IN_SERVICE)
        return FALSE;
      _st_unit_state_init (after);
      after->event_id = e->id;
      after->event_doc_id = e->document_id;
      after->status = ST_UNIT_IN_STOCK;
      after->warehouse_id = e->to_warehouse_id;
      after->cost = e->amount;
      copy_date (after->received_date, e->date);
      after->received_doc_id = e->document_id;
      return TRUE;

    case ST_EVENT_TRANSFERRED:
      if (!in_stock_at (before, e->from_warehouse_id))
        return FALSE;
      after->warehouse_id = e->to_warehouse_id;
      return TRUE;

    case ST_EVENT_TRANSFER_OUT:
      if (!in_stock_at (before, e->from_warehouse_id))
        return FALSE;
      after->status = ST_UNIT_IN_TRANSIT;
      after->warehouse_id = e->to_warehouse_id;
      return TRUE;

    case ST_EVENT_TRANSFER_IN:
      if (before->status != ST_UNIT_IN_TRANSIT || before->warehouse_id != e->to_warehouse_id)
        return FALSE;
      after->status = ST_UNIT_IN_STOCK;
      return TRUE;

    case ST_EVENT_SOLD:
    case ST_EVENT_REPLACEMENT:
      if (!in_stock_at (before, e->from_warehouse_id))
        return FALSE;
      after->status = ST_UNIT_SOLD;
      after->warehouse_id = 0;
      after->has_price = e->has_amount;
      after->price = e->amount;
      copy_date (after->warranty_end, e->warranty_end);
      copy_date (after->sold_date, e->date);
      after->sold_doc_id = e->document_id;
      return TRUE;

    case ST_EVENT_RETURNED:
      if (before->status != ST_UNIT_SOLD)
        return FALSE;
      after->status = ST_UNIT_IN_STOCK;
      after->warehouse_id = e->to_warehouse_id;
      after->has_price = FALSE;
      after->price = 0;
      after->warranty_end[0] = '\0';
      after->sold_date[0] = '\0';
      after->sold_doc_id = 0;
      return TRUE;

    case ST_EVENT_WRITTEN_OFF:
    case ST_EVENT_RETURNED_TO_VENDOR:
      /* A faulty unit (taken back on a service case) leaves the same ways as stock. */
      if (!in_stock_at (before, e->from_warehouse_id)
          && !(before->status == ST_UNIT_FAULTY && before->warehouse_id == e->from_warehouse_id))
        return FALSE;
      after->status = e->kind == ST_EVENT_WRITTEN_OFF ? ST_UNIT_WRITTEN_OFF
                                                      : ST_UNIT_RETURNED_TO_VENDOR;
      after->warehouse_id = 0;
      return TRUE;

    /* After-sales service (DESIGN §8).  A unit we sold, or one we never had (the empty
     * state: registered as the customer's), comes in; the sale's columns stay as they were,
     * so that handing it back restores them. */
    case ST_EVENT_SERVICE_IN:
      if (before->status == ST_UNIT_VOIDED)
        {
          _st_unit_state_init (after);
          after->event_id = e->id;
          after->event_doc_id = e->document_id;
          copy_date (after->received_date, e->date);
          after->received_doc_id = e->document_id;
        }
      else if (before->status != ST_UNIT_SOLD)
        return FALSE;
      after->status = ST_UNIT_IN_SERVICE;
      after->warehouse_id = e->to_warehouse_id;
      return TRUE;

    case ST_EVENT_SERVICE_OUT:
      if (before->status != ST_UNIT_IN_SERVICE || before->warehouse_id != e->from_warehouse_id)
        return FALSE;
      after->status = ST_UNIT_SOLD;
      after->warehouse_id = 0;
      return TRUE;

    /* Swapped or refunded: the unit is ours again, faulty, at the event's warehouse. */
    case ST_EVENT_REPLACED:
    case ST_EVENT_REFUNDED:
      if (before->status != ST_UNIT_IN_SERVICE || before->warehouse_id != e->from_warehouse_id)
        return FALSE;
      after->status = ST_UNIT_FAULTY;
      after->warehouse_id = e->to_warehouse_id;
      after->has_price = FALSE;
      after->price = 0;
      after->warranty_end[0] = '\0';
      after->sold_date[0] = '\0';
      after->sold_doc_id = 0;
      return TRUE;

    case ST_EVENT_VOIDED:
    default:
      return FALSE;
    }
}

GArray *
_st_unit_replay (const StEventRec *events,
                 guint             n_events,
                 guint            *bad_event)
{
  g_autoptr(GArray) stack = g_array_sized_new (FALSE, FALSE, sizeof (StUnitState), n_events + 1);
  StUnitState state;

  _st_unit_state_init (&state);
  g_array_append_val (stack, state);

  for (guint i = 0; i < n_events; i++)
    {
      const StEventRec *e = &events[i];
      const StUnitState *top = &g_array_index (stack, StUnitState, stack->len - 1);

      if (e->kind == ST_EVENT_VOIDED)
        {
          if (stack->len < 2 || top->event_id != e->reverses_id)
            {
              *bad_event = i;
              return NULL;
            }
          g_array_set_size (stack, stack->len - 1);
          continue;
        }
      if (!_st_unit_state_apply (top, e, &state))
        {
          *bad_event = i;
          return NULL;
        }
      g_array_append_val (stack, state);
    }
  return g_steal_pointer (&stack);
}

GArray *
_st_store_load_events (StStore  *self,
                       gint64    unit_id,
                       GError  **error)
{
  g_autoptr(GArray) events = g_array_new (FALSE, TRUE, sizeof (StEventRec));
  g_autoptr(StStmt) stmt = NULL;
  int rc;

  stmt = _st_store_prepare (self,
                            "SELECT id, document_id, line_id, kind, date, from_warehouse_id,"
                            " to_warehouse_id, contact_id, amount, warranty_end, reverses_id"
                            " FROM unit_events WHERE unit_id = ? ORDER BY id",
                            error);
  if (stmt == NULL)
    return NULL;
  st_stmt_bind_int64 (stmt, 1, unit_id);
  while ((rc = _st_step (stmt, error)) == ST_STEP_ROW)
    {
      StEventRec e = { 0 };

      e.id = st_stmt_column_int64 (stmt, 0);
      e.unit_id = unit_id;
      e.document_id = st_stmt_column_int64 (stmt, 1);
      e.line_id = st_stmt_column_int64 (stmt, 2);
      st_event_kind_from_string (st_stmt_column_text (stmt, 3), &e.kind);
      copy_date (e.date, st_stmt_column_text (stmt, 4));
      e.from_warehouse_id = st_stmt_column_int64 (stmt, 5);
      e.to_warehouse_id = st_stmt_column_int64 (stmt, 6);
      e.contact_id = st_stmt_column_int64 (stmt, 7);
      e.has_amount = !st_stmt_column_is_null (stmt, 8);
      e.amount = st_stmt_column_int64 (stmt, 8);
      copy_date (e.warranty_end, st_stmt_column_text (stmt, 9));
      e.reverses_id = st_stmt_column_int64 (stmt, 10);
      g_array_append_val (events, e);
    }
  if (rc != ST_STEP_DONE)
    return NULL;
  return g_steal_pointer (&events);
}

void
_st_unit_state_from_row (StStmt      *stmt,
                         int          c,
                         StUnitState *state)
{
  _st_unit_state_init (state);
  st_unit_status_from_string (st_stmt_column_text (stmt, c), &state->status);
  state->warehouse_id = st_stmt_column_int64 (stmt, c + 1);
  state->cost = st_stmt_column_int64 (stmt, c + 2);
  state->has_price = !st_stmt_column_is_null (stmt, c + 3);
  state->price = st_stmt_column_int64 (stmt, c + 3);
  copy_date (state->warranty_end, st_stmt_column_text (stmt, c + 4));
  copy_date (state->received_date, st_stmt_column_text (stmt, c + 5));
  state->received_doc_id = st_stmt_column_int64 (stmt, c + 6);
  copy_date (state->sold_date, st_stmt_column_text (stmt, c + 7));
  state->sold_doc_id = st_stmt_column_int64 (stmt, c + 8);
}

gboolean
_st_unit_state_equal (const StUnitState *a,
                      const StUnitState *b)
{
  return a->status == b->status
         && a->warehouse_id == b->warehouse_id
         && (a->status == ST_UNIT_VOIDED || a->cost == b->cost)
         && a->has_price == b->has_price
         && (!a->has_price || a->price == b->price)
         && strcmp (a->warranty_end, b->warranty_end) == 0
         && strcmp (a->received_date, b->received_date) == 0
         && a->received_doc_id == b->received_doc_id
         && strcmp (a->sold_date, b->sold_date) == 0
         && a->sold_doc_id == b->sold_doc_id;
}
