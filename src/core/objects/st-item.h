/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>
#include "st-types.h"

G_BEGIN_DECLS

#define ST_TYPE_ITEM (st_item_get_type ())
G_DECLARE_FINAL_TYPE (StItem, st_item, ST, ITEM, GObject)

/* What it takes to create an item. */
typedef struct
{
  const char     *sku;
  const char     *name;
  const char     *unit;             /* NULL: "pcs" */
  gint64          price;            /* cents */
  gint64          cost;             /* cents */
  StTracking      tracking;
  guint           warranty_months;  /* 0: none */
  StSerialFormat  serial_format;
} StItemSpec;

gint64          st_item_get_id              (StItem *self);
const char     *st_item_get_sku             (StItem *self);
const char     *st_item_get_name            (StItem *self);
const char     *st_item_get_unit            (StItem *self);
gint64          st_item_get_price           (StItem *self);
gint64          st_item_get_cost            (StItem *self);
StTracking      st_item_get_tracking        (StItem *self);
guint           st_item_get_warranty_months (StItem *self);
StSerialFormat  st_item_get_serial_format   (StItem *self);
/* Units/quantity on hand over all warehouses (in stock, not in transit). */
gint64          st_item_get_on_hand         (StItem *self);
/* Archived: new documents no longer offer it; history keeps it (DESIGN §11). */
gboolean        st_item_get_archived        (StItem *self);

G_END_DECLS
