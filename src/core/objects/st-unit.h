/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>
#include "st-types.h"

G_BEGIN_DECLS

#define ST_TYPE_UNIT (st_unit_get_type ())
G_DECLARE_FINAL_TYPE (StUnit, st_unit, ST, UNIT, GObject)

gint64        st_unit_get_id             (StUnit *self);
gint64        st_unit_get_item_id        (StUnit *self);
const char   *st_unit_get_sku            (StUnit *self);
const char   *st_unit_get_item_name      (StUnit *self);
const char   *st_unit_get_serial         (StUnit *self);
StUnitStatus  st_unit_get_status         (StUnit *self);
/* Where it is (in stock), or where it is going (in transit); NULL otherwise. */
const char   *st_unit_get_warehouse      (StUnit *self);
gint64        st_unit_get_cost           (StUnit *self);
gboolean      st_unit_has_price          (StUnit *self);
gint64        st_unit_get_price          (StUnit *self);
/* ISO date or NULL when not sold / no warranty. */
const char   *st_unit_get_warranty_end   (StUnit *self);
const char   *st_unit_get_received_date  (StUnit *self);
/* Number of the bill (or adjustment) that brought it in, and its vendor (NULL for adjustments). */
const char   *st_unit_get_received_doc   (StUnit *self);
StDocKind     st_unit_get_received_kind  (StUnit *self);
const char   *st_unit_get_vendor         (StUnit *self);
/* Set while sold: */
const char   *st_unit_get_sold_date      (StUnit *self);
const char   *st_unit_get_invoice        (StUnit *self);
const char   *st_unit_get_customer       (StUnit *self);
/* The kind of the document it was sold on: an invoice, or a service case that handed it out
 * as a replacement. */
StDocKind     st_unit_get_sold_kind      (StUnit *self);

G_END_DECLS
