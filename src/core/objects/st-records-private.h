/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-records-private.h — the instance structs of the core's plain data objects, so that the
 * store's queries can fill them in directly.  Only the core includes this. */
#pragma once

#include "st-item.h"
#include "st-warehouse.h"
#include "st-contact.h"
#include "st-unit.h"
#include "st-unit-event.h"
#include "st-document.h"
#include "st-service-case.h"

G_BEGIN_DECLS

struct _StItem
{
  GObject         parent_instance;
  gint64          id;
  char           *sku;
  char           *name;
  char           *unit;
  gint64          price;
  gint64          cost;
  StTracking      tracking;
  guint           warranty_months;
  StSerialFormat  serial_format;
  gint64          on_hand;
  gboolean        archived;
};

struct _StWarehouse
{
  GObject   parent_instance;
  gint64    id;
  char     *name;
  gboolean  archived;
  gint64    on_hand;
};

struct _StContact
{
  GObject        parent_instance;
  gint64         id;
  StContactKind  kind;
  char          *name;
  char          *email;
  char          *phone;
  gboolean       archived;
};

struct _StUnit
{
  GObject       parent_instance;
  gint64        id;
  gint64        item_id;
  char         *sku;
  char         *item_name;
  char         *serial;
  StUnitStatus  status;
  char         *warehouse;
  gint64        cost;
  gboolean      has_price;
  gint64        price;
  char         *warranty_end;
  char         *received_date;
  char         *received_doc;
  StDocKind     received_kind;
  char         *vendor;
  char         *sold_date;
  char         *invoice;
  char         *customer;
  StDocKind     sold_kind;      /* of @invoice: an invoice, or a service case (replacement) */
};

struct _StUnitEvent
{
  GObject      parent_instance;
  gint64       id;
  gint64       unit_id;
  StEventKind  kind;
  StEventKind  reversed_kind;
  char        *date;
  StDocKind    doc_kind;
  char        *doc_number;
  char        *from_warehouse;
  char        *to_warehouse;
  char        *contact;
  gboolean     has_amount;
  gint64       amount;
  char        *related_serial;   /* service: the unit it replaced or was replaced by */
};

struct _StDocument
{
  GObject      parent_instance;
  gint64       id;
  StDocKind    kind;
  char        *number;
  char        *date;
  StDocStatus  status;
  char        *contact;
  char        *warehouse;
  char        *to_warehouse;
  gboolean     in_transit;
  char        *received_date;
  char        *reference;
  char        *reason;
  gint64       total;
  gint64       quantity;
  GPtrArray   *lines;       /* StDocumentLine*, or NULL */
};

void _st_document_line_free (StDocumentLine *line);

struct _StServiceCase
{
  GObject              parent_instance;
  gint64               id;
  gint64               document_id;
  char                *number;
  char                *date;
  StServiceStatus      status;
  char                *customer;
  char                *warehouse;
  gint64               unit_id;
  char                *serial;
  char                *sku;
  char                *item_name;
  char                *complaint;
  StWarrantyStatus     warranty_status;
  char                *warranty_end;
  StServiceResolution  resolution;
  gint64               charge;
  gint64               refund;
  gint64               parts_cost;
  char                *closed_date;
  gint64               replacement_unit_id;
  char                *replacement_serial;
  char                *replacement_sku;
  char                *replacement_warranty_end;
  GPtrArray           *log;          /* StServiceLogEntry*, or NULL */
};

void _st_service_log_entry_free (StServiceLogEntry *entry);

G_END_DECLS
