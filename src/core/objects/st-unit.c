/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "st-unit"

#include "config.h"

#include "st-records-private.h"

G_DEFINE_FINAL_TYPE (StUnit, st_unit, G_TYPE_OBJECT)

static void
st_unit_finalize (GObject *object)
{
  StUnit *self = ST_UNIT (object);

  g_free (self->sku);
  g_free (self->item_name);
  g_free (self->serial);
  g_free (self->warehouse);
  g_free (self->warranty_end);
  g_free (self->received_date);
  g_free (self->received_doc);
  g_free (self->vendor);
  g_free (self->sold_date);
  g_free (self->invoice);
  g_free (self->customer);

  G_OBJECT_CLASS (st_unit_parent_class)->finalize (object);
}

static void
st_unit_class_init (StUnitClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = st_unit_finalize;
}

static void
st_unit_init (StUnit *self)
{
}

gint64        st_unit_get_id            (StUnit *self) { return self->id; }
gint64        st_unit_get_item_id       (StUnit *self) { return self->item_id; }
const char   *st_unit_get_sku           (StUnit *self) { return self->sku; }
const char   *st_unit_get_item_name     (StUnit *self) { return self->item_name; }
const char   *st_unit_get_serial        (StUnit *self) { return self->serial; }
StUnitStatus  st_unit_get_status        (StUnit *self) { return self->status; }
const char   *st_unit_get_warehouse     (StUnit *self) { return self->warehouse; }
gint64        st_unit_get_cost          (StUnit *self) { return self->cost; }
gboolean      st_unit_has_price         (StUnit *self) { return self->has_price; }
gint64        st_unit_get_price         (StUnit *self) { return self->price; }
const char   *st_unit_get_warranty_end  (StUnit *self) { return self->warranty_end; }
const char   *st_unit_get_received_date (StUnit *self) { return self->received_date; }
const char   *st_unit_get_received_doc  (StUnit *self) { return self->received_doc; }
StDocKind     st_unit_get_received_kind (StUnit *self) { return self->received_kind; }
const char   *st_unit_get_vendor        (StUnit *self) { return self->vendor; }
const char   *st_unit_get_sold_date     (StUnit *self) { return self->sold_date; }
const char   *st_unit_get_invoice       (StUnit *self) { return self->invoice; }
const char   *st_unit_get_customer      (StUnit *self) { return self->customer; }
StDocKind     st_unit_get_sold_kind     (StUnit *self) { return self->sold_kind; }
