/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "st-warehouse"

#include "config.h"

#include "st-records-private.h"

G_DEFINE_FINAL_TYPE (StWarehouse, st_warehouse, G_TYPE_OBJECT)

static void
st_warehouse_finalize (GObject *object)
{
  StWarehouse *self = ST_WAREHOUSE (object);

  g_free (self->name);

  G_OBJECT_CLASS (st_warehouse_parent_class)->finalize (object);
}

static void
st_warehouse_class_init (StWarehouseClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = st_warehouse_finalize;
}

static void
st_warehouse_init (StWarehouse *self)
{
}

gint64      st_warehouse_get_id   (StWarehouse *self) { return self->id; }
const char *st_warehouse_get_name (StWarehouse *self) { return self->name; }
gboolean    st_warehouse_get_archived (StWarehouse *self) { return self->archived; }
gint64      st_warehouse_get_on_hand  (StWarehouse *self) { return self->on_hand; }
