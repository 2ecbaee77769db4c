/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-doc-kind.h — what each kind of document has and does: one table for the posting engine,
 * the editor, the views and the CLI. */
#pragma once

#include <glib.h>

#include "st-types.h"

G_BEGIN_DECLS

/* How the serials of a serial-tracked line are given. */
typedef enum
{
  ST_DOC_SERIALS_ENTERED,   /* new serials, typed or scanned (bill) */
  ST_DOC_SERIALS_PICKED,    /* picked among existing units */
  ST_DOC_SERIALS_BY_SIGN,   /* + lines enter new serials, − lines pick (adjustment) */
} StDocSerials;

/* Where a document's number comes from. */
typedef enum
{
  ST_DOC_NUMBER_AUTOMATIC,  /* the next free number after the prefix, unless one is given */
  ST_DOC_NUMBER_OPTIONAL,   /* the same, but the editor offers to type one (invoice) */
  ST_DOC_NUMBER_VENDOR,     /* the vendor's own: required, unique per vendor (bill) */
} StDocNumbering;

/* The options of `serialtrack-cli COMMAND post` beyond --number, --date and --line, by long
 * name without "--"; NULL where the kind has no such option.  Each is required, but for the
 * contact when the kind has none of its own (a vendor return's --vendor only says whose bill). */
typedef struct
{
  const char *command;        /* "adjust" */
  const char *contact;        /* "vendor", "customer" */
  const char *reference;      /* "invoice", "bill" */
  const char *warehouse;      /* "warehouse", "from" */
  const char *to_warehouse;   /* "to" */
  const char *in_transit;     /* "in-transit", a flag */
  const char *reason;         /* "reason" */
} StDocKindOptions;

typedef struct
{
  StDocKind        kind;
  const char      *name;              /* "bill": database, CLI, JSON; never translated */
  const char      *label;             /* N_(): "Bill"; see st_doc_kind_to_label() */
  const char      *plural_label;      /* N_(): "Bills" */
  const char      *new_title;         /* N_(): "New Bill" */
  const char      *number_prefix;     /* "BILL-" */
  StDocNumbering   numbering;
  gboolean         has_contact;       /* a contact chosen on the document itself */
  StContactKind    contact_kind;      /* the kind of its contact (a return's: its reference's) */
  gboolean         has_warehouse;     /* FALSE: its reference's (vendor return) */
  gboolean         has_to_warehouse;  /* a second, destination warehouse (transfer) */
  gboolean         has_transit;       /* may leave its units in transit until received */
  gboolean         has_reference;     /* posted against another document … */
  StDocKind        reference_kind;    /* … of this kind */
  gboolean         has_reason;
  gboolean         has_amount;        /* FALSE: moves units at cost and shows no total */
  gboolean         rate_is_price;     /* a line's default rate: the item's price, else cost */
  StDocSerials     serials;
  StEventKind      event;             /* of a line; see st_doc_kind_line_event() */
  StDocKindOptions cli;
} StDocKindInfo;

const StDocKindInfo *st_doc_kind_info              (StDocKind    kind);
/* The kind whose `serialtrack-cli COMMAND post` is @command ("adjust"), or NULL. */
const StDocKindInfo *st_doc_kind_info_for_command  (const char  *command);

/* Whether a line of @quantity picks existing units (rather than bringing new ones). */
gboolean             st_doc_kind_picks             (StDocKind    kind,
                                                    gint64       quantity);
/* Whether a line may have a negative quantity (adjustments write off with one). */
gboolean             st_doc_kind_allows_negative   (StDocKind    kind);
/* What a line of @quantity does to each of its units. */
StEventKind          st_doc_kind_line_event        (StDocKind    kind,
                                                    gint64       quantity,
                                                    gboolean     in_transit);
/* Whether documents of another kind are posted against documents of @kind. */
gboolean             st_doc_kind_is_referenced     (StDocKind    kind);

G_END_DECLS
