/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-ledger-private.h — the rules that turn a unit's events into its state.  Posting uses them
 * to compute a unit's next state, voiding to step back, and the check to replay every unit. */
#pragma once

#include "st-store-private.h"

G_BEGIN_DECLS

#define ST_DATE_LEN 11   /* "YYYY-MM-DD" + NUL */

typedef struct
{
  StUnitStatus status;          /* ST_UNIT_VOIDED: not (or no longer) in the inventory */
  gint64       warehouse_id;    /* in stock: where; in transit: where to; else 0 */
  gint64       cost;
  gboolean     has_price;
  gint64       price;
  char         warranty_end[ST_DATE_LEN];   /* "" = none */
  char         received_date[ST_DATE_LEN];
  gint64       received_doc_id;
  char         sold_date[ST_DATE_LEN];
  gint64       sold_doc_id;
  /* The event that produced this state, and its document (0 for the empty state). */
  gint64       event_id;
  gint64       event_doc_id;
} StUnitState;

typedef struct
{
  gint64       id;
  gint64       unit_id;
  gint64       document_id;
  gint64       line_id;
  StEventKind  kind;
  char         date[ST_DATE_LEN];
  gint64       from_warehouse_id;
  gint64       to_warehouse_id;
  gint64       contact_id;
  gboolean     has_amount;
  gint64       amount;
  char         warranty_end[ST_DATE_LEN];
  gint64       reverses_id;
} StEventRec;

/* The state of a unit before its first event. */
void      _st_unit_state_init     (StUnitState       *state);
/* Applies one (non-void) event; FALSE when the event is not allowed from @before. */
gboolean  _st_unit_state_apply    (const StUnitState *before,
                                   const StEventRec  *event,
                                   StUnitState       *after);
/* Replays @events (StEventRec, oldest first) into a stack of states (StUnitState, bottom =
 * the empty state, top = the current state); a voided event pops.  On a rule violation
 * returns NULL and sets @bad_event to the offending event's index. */
GArray   *_st_unit_replay         (const StEventRec  *events,
                                   guint              n_events,
                                   guint             *bad_event);
/* Reads a unit's events (oldest first) into an array of StEventRec. */
GArray   *_st_store_load_events   (StStore           *self,
                                   gint64             unit_id,
                                   GError           **error);
/* The unit's stored state columns (status … sold_doc_id). */
#define ST_UNIT_STATE_COLUMNS \
  "status, warehouse_id, cost, price, warranty_end, received_date, received_doc_id, sold_date, " \
  "sold_doc_id"
void      _st_unit_state_from_row (StStmt            *stmt,
                                   int                first_col,
                                   StUnitState       *state);
gboolean  _st_unit_state_equal    (const StUnitState *a,
                                   const StUnitState *b);

G_END_DECLS
