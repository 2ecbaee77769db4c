/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-generate-private.h — the generator's state, shared by its setup (st-generate.c: the
 * entry point and the catalogue) and its documents (st-generate-documents.c: the mirror of
 * the units and the documents posted day by day).  Only the core includes this. */
#pragma once

#include "st-generate.h"
#include "st-store-private.h"

G_BEGIN_DECLS

#define GEN_DAYS          1095        /* about three years, ending today */
#define GEN_MAX_UNITS     100000000   /* serials carry 9 digits of sequence number */
#define GEN_MAX_ITEMS     1000000
#define GEN_DATE_LEN      11
#define GEN_RECORD_UNITS  20
#define GEN_INVOICE_RING  2048
#define GEN_BILL_RING     512
#define GEN_VOID_CHANCE   0.002       /* share of documents voided right after posting */

typedef struct
{
  char           *sku;
  gint64          id;
  gboolean        serial;
  StSerialFormat  format;
  guint           vendor;
  gint64          price;
  gint64          cost;
  guint           code;         /* digits format: a 3-digit model code */
  char            prefix[8];    /* any format: the letters before the number */
} StGenItem;

/* The units of one item in stock at one warehouse, by sequence number.  Entries of units that
 * have left are dropped lazily (the mirror says where each unit is). */
typedef struct
{
  GArray *seqs;   /* guint32, ascending */
  guint   n;      /* entries really in stock here */
} StGenPool;

typedef struct
{
  guint32 id;
  char    number[32];
  guint   wh;
  guint   item;
  guint   n;
  guint32 seqs[GEN_RECORD_UNITS];
} StGenInvoice;

typedef struct
{
  char    number[64];
  guint   item;
  guint32 first;
  guint   n;
} StGenBill;

typedef struct
{
  char  number[32];
  guint to_wh;
  guint due_day;
} StGenPending;

typedef struct
{
  StStore         *store;
  GRand           *rand;
  GCancellable    *cancellable;
  StProgressFunc   progress;
  gpointer         progress_data;
  StGenerateStats *stats;
  double           last_progress;

  guint            n_items;
  guint64          n_units;
  StGenItem       *items;
  GHashTable      *item_by_id;     /* item id -> index + 1 */
  GArray          *serial_items;   /* guint item index, in popularity order */
  double          *popularity;     /* cumulative weights over serial_items */
  GArray          *quantity_items; /* guint */
  GPtrArray       *warehouses;     /* char* */
  guint            n_wh;
  GPtrArray       *vendors;        /* char* */
  GPtrArray       *vendor_codes;   /* char* */
  guint           *vendor_bills;
  GArray         **vendor_items;   /* per vendor: serial item indexes */
  GPtrArray       *customers;      /* char* */

  /* The mirror, indexed by sequence number. */
  guint8          *mark;
  guint8          *unit_wh;
  guint32         *sold_on;        /* invoice record id */
  guint32          next_seq;

  StGenPool       *pools;          /* [item * n_wh + wh] */
  gint64          *qty;            /* quantity items: [item * n_wh + wh] */
  GArray         **wh_items;       /* per warehouse: guint items with stock there */
  gint32          *wh_pos;         /* [item * n_wh + wh]: index in wh_items[wh], or -1 */
  gint64          *wh_units;       /* serial units in stock per warehouse */
  gint64           in_stock;

  StGenInvoice    *invoices;
  guint32          n_invoices;
  StGenBill       *bills;
  guint            n_bills;
  GArray          *pending;        /* StGenPending, oldest first */

  GDate            start;
  guint            day;
  char             date[GEN_DATE_LEN];

  double           transfer_credit;
  double           return_credit;
  double           writeoff_credit;
  double           vendor_return_credit;
} StGen;

/* Random helpers. */

static inline guint
_st_gen_rand (StGen *g,
              guint  lo,
              guint  hi)
{
  return lo >= hi ? lo : (guint) g_rand_int_range (g->rand, (gint32) lo, (gint32) hi + 1);
}

static inline gboolean
_st_gen_chance (StGen  *g,
                double  p)
{
  return g_rand_double (g->rand) < p;
}

/* Posts documents day by day until @g has made all its units. */
gboolean  _st_gen_generate_documents (StGen     *g,
                                      GError   **error);
/* Reports progress: 1.0 when @done, otherwise now and then. */
void      _st_gen_report_progress    (StGen     *g,
                                      gboolean   done);

G_END_DECLS
