/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-draft.h — a document being put together, before st_store_post() validates and posts it. */
#pragma once

#include <glib.h>
#include "st-types.h"

G_BEGIN_DECLS

typedef struct
{
  char      *sku;
  gint64     quantity;     /* > 0; adjustments: + receives new units, - writes off */
  gboolean   has_rate;     /* FALSE: the item's cost (bills, +adj) or price (invoices) */
  gint64     rate;         /* cents */
  GPtrArray *serials;      /* char*; NULL on a picking line = pick the oldest in stock */
} StDraftLine;

struct _StDraft
{
  StDocKind  kind;
  char      *number;        /* bills: required; others: NULL = next automatic number */
  char      *date;          /* ISO; NULL = today */
  /* Vendor (bill) / customer (invoice) name.  Vendor return: optional, the vendor of the bill
   * in @reference, for a bill number several vendors use (NULL: whichever vendor has it). */
  char      *contact;
  char      *warehouse;     /* bill, invoice, adjustment, return: the warehouse; transfer: from */
  char      *to_warehouse;  /* transfer: to */
  gboolean   in_transit;    /* transfer: leave units in transit until received */
  char      *reference;     /* return: invoice number; vendor return: bill number */
  char      *reason;        /* adjustment */
  GPtrArray *lines;         /* StDraftLine* */
};

StDraft     *st_draft_new          (StDocKind    kind);
void         st_draft_free         (StDraft     *draft);
/* A deep copy (for work handed to another thread). */
StDraft     *st_draft_copy         (const StDraft *draft);
void         st_draft_set_string   (char       **field,
                                    const char  *value);
/* Appends a line and returns it (owned by the draft). */
StDraftLine *st_draft_add_line     (StDraft     *draft,
                                    const char  *sku,
                                    gint64       quantity);
void         st_draft_line_set_rate   (StDraftLine *line,
                                       gint64       rate);
/* Adds a serial to the line (creating its serial list: the line no longer auto-picks). */
void         st_draft_line_add_serial (StDraftLine *line,
                                       const char  *serial);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StDraft, st_draft_free)

G_END_DECLS
