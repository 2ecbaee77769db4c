/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>
#include "st-types.h"

G_BEGIN_DECLS

#define ST_TYPE_DOCUMENT (st_document_get_type ())
G_DECLARE_FINAL_TYPE (StDocument, st_document, ST, DOCUMENT, GObject)

/* One line of a posted document (plain data owned by its document). */
typedef struct
{
  guint       line_no;
  gint64      item_id;
  char       *sku;
  char       *item_name;
  gint64      quantity;
  gint64      rate;       /* cents */
  GPtrArray  *serials;    /* char*, empty for quantity-tracked items */
} StDocumentLine;

gint64       st_document_get_id            (StDocument *self);
StDocKind    st_document_get_kind          (StDocument *self);
const char  *st_document_get_number        (StDocument *self);
const char  *st_document_get_date          (StDocument *self);
StDocStatus  st_document_get_status        (StDocument *self);
/* Vendor (bill, vendor return) or customer (invoice, return); NULL otherwise. */
const char  *st_document_get_contact       (StDocument *self);
/* Bill/invoice/adjustment/return warehouse; a transfer's source. */
const char  *st_document_get_warehouse     (StDocument *self);
/* A transfer's destination. */
const char  *st_document_get_to_warehouse  (StDocument *self);
/* Transfers: TRUE while in transit (posted, not yet received). */
gboolean     st_document_get_in_transit    (StDocument *self);
const char  *st_document_get_received_date (StDocument *self);
/* Returns: the invoice number; vendor returns: the bill number. */
const char  *st_document_get_reference     (StDocument *self);
const char  *st_document_get_reason        (StDocument *self);
gint64       st_document_get_total         (StDocument *self);
gint64       st_document_get_quantity      (StDocument *self);
/* Loaded by st_store_get_document() and returned by posting; NULL in list rows. */
GPtrArray   *st_document_get_lines         (StDocument *self);

G_END_DECLS
