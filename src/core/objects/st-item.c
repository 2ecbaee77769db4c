/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "st-item"

#include "config.h"

#include "st-records-private.h"

G_DEFINE_FINAL_TYPE (StItem, st_item, G_TYPE_OBJECT)

static void
st_item_finalize (GObject *object)
{
  StItem *self = ST_ITEM (object);

  g_free (self->sku);
  g_free (self->name);
  g_free (self->unit);

  G_OBJECT_CLASS (st_item_parent_class)->finalize (object);
}

static void
st_item_class_init (StItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = st_item_finalize;
}

static void
st_item_init (StItem *self)
{
}

gint64          st_item_get_id              (StItem *self) { return self->id; }
const char     *st_item_get_sku             (StItem *self) { return self->sku; }
const char     *st_item_get_name            (StItem *self) { return self->name; }
const char     *st_item_get_unit            (StItem *self) { return self->unit; }
gint64          st_item_get_price           (StItem *self) { return self->price; }
gint64          st_item_get_cost            (StItem *self) { return self->cost; }
StTracking      st_item_get_tracking        (StItem *self) { return self->tracking; }
guint           st_item_get_warranty_months (StItem *self) { return self->warranty_months; }
StSerialFormat  st_item_get_serial_format   (StItem *self) { return self->serial_format; }
gint64          st_item_get_on_hand         (StItem *self) { return self->on_hand; }
gboolean        st_item_get_archived        (StItem *self) { return self->archived; }
