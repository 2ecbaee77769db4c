/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-posting-private.h — what posting a document (st-posting.c) shares with voiding one and
 * receiving a transfer (st-voiding.c): the state of one posting, its stock deltas, and the
 * writes to units' histories.  Only the core includes this. */
#pragma once

#include "st-ledger-private.h"

G_BEGIN_DECLS

/* One posting, void or receipt, inside its BEGIN IMMEDIATE transaction. */
typedef struct
{
  StStore       *store;
  const StDraft *draft;
  char          *number;
  char          *date;
  gint64         contact_id;
  gint64         warehouse_id;
  gint64         to_warehouse_id;
  gint64         ref_doc_id;
  char          *reason;
  GPtrArray     *lines;       /* Line* */
  GHashTable    *stock_delta; /* "item:wh:transit" -> gint64* */
  gint64         doc_id;
} StPosting;

/* Reads the document's status and header fields used by returns, voids and receipts. */
typedef struct
{
  StDocStatus status;
  char        date[ST_DATE_LEN];
  gint64      contact_id;
  gint64      warehouse_id;
  gint64      to_warehouse_id;
  gboolean    in_transit;
  char       *number;
} StDocHeader;

/* Sets @p up for @draft: empty lines and stock deltas. */
void      _st_posting_init             (StPosting         *p,
                                        StStore           *store,
                                        const StDraft     *draft);
/* Resolves the draft's lines and the units they pick or bring in (the header — date,
 * contact, warehouses — already set in @p). */
gboolean  _st_posting_resolve_lines    (StPosting         *p,
                                        GError           **error);
/* Writes the resolved lines into the document @p->doc_id, numbered after @first_line_no, with
 * their units' events and stock moves, then flushes the stock deltas; appends each line's id
 * to @line_ids (may be NULL). */
gboolean  _st_posting_write_lines      (StPosting         *p,
                                        guint              first_line_no,
                                        GArray            *line_ids,
                                        GError           **error);
/* The next automatic number of @kind, taken (its counter moved on). */
char     *_st_store_take_number        (StStore           *store,
                                        StDocKind          kind,
                                        GError           **error);
/* Frees what @p owns (not @p itself). */
void      _st_posting_clear            (StPosting         *p);
/* Stock deltas, flushed into the stock table at the end and checked for negatives: adds
 * @sign units of @item_id where @state holds one (in stock or in transit). */
void      _st_posting_stock_add_state  (StPosting         *p,
                                        gint64             item_id,
                                        const StUnitState *state,
                                        gint64             sign);
/* Applies the deltas; ST_ERROR_INSUFFICIENT_STOCK when any quantity would go below zero. */
gboolean  _st_posting_stock_flush      (StPosting         *p,
                                        GError           **error);
/* Records a stock move of @p's document and adds it to the deltas. */
gboolean  _st_posting_insert_move      (StPosting         *p,
                                        gint64             item_id,
                                        gint64             warehouse_id,
                                        gint64             quantity,
                                        gboolean           in_transit,
                                        GError           **error);

/* Fills @h (whose number the caller frees) from the document @id. */
gboolean  _st_store_load_doc_header    (StStore           *store,
                                        gint64             id,
                                        StDocHeader       *h,
                                        GError           **error);
/* Appends @e to its unit's history; @id_out (may be NULL) receives the event's id. */
gboolean  _st_store_insert_event       (StStore           *store,
                                        const StEventRec  *e,
                                        gint64            *id_out,
                                        GError           **error);
/* Writes a unit's new state @s; with @before (the stored state) only the columns that
 * change, with NULL every column. */
gboolean  _st_store_write_unit_state   (StStore           *store,
                                        gint64             unit_id,
                                        const StUnitState *before,
                                        const StUnitState *s,
                                        GError           **error);

/* Posts @draft within the write transaction the caller began; the document's id, or 0 with
 * @error set (the caller then rolls back). */
gint64    _st_store_post_in_transaction (StStore          *store,
                                         const StDraft    *draft,
                                         GError          **error);

G_END_DECLS
