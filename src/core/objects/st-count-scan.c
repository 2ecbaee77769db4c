/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "st-count-scan"

#include "config.h"

#include <glib/gi18n.h>

#include "st-count-private.h"

G_DEFINE_FINAL_TYPE (StCountScan, st_count_scan, G_TYPE_OBJECT)

static void
st_count_scan_finalize (GObject *object)
{
  StCountScan *self = ST_COUNT_SCAN (object);

  g_free (self->serial);
  g_free (self->sku);
  g_free (self->item_name);
  g_free (self->warehouse);
  g_free (self->items);
  g_free (self->scanned_at);

  G_OBJECT_CLASS (st_count_scan_parent_class)->finalize (object);
}

static void
st_count_scan_class_init (StCountScanClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = st_count_scan_finalize;
}

static void
st_count_scan_init (StCountScan *self)
{
}

gint64       st_count_scan_get_id         (StCountScan *self) { return self->id; }
const char  *st_count_scan_get_serial     (StCountScan *self) { return self->serial; }
StScanClass  st_count_scan_get_class      (StCountScan *self) { return self->klass; }
gint64       st_count_scan_get_unit_id    (StCountScan *self) { return self->unit_id; }
const char  *st_count_scan_get_sku        (StCountScan *self) { return self->sku; }
const char  *st_count_scan_get_item_name  (StCountScan *self) { return self->item_name; }
const char  *st_count_scan_get_warehouse  (StCountScan *self) { return self->warehouse; }
const char  *st_count_scan_get_items      (StCountScan *self) { return self->items; }
const char  *st_count_scan_get_scanned_at (StCountScan *self) { return self->scanned_at; }

gboolean
st_count_scan_get_status (StCountScan  *self,
                          StUnitStatus *status)
{
  if (self->has_status && status != NULL)
    *status = self->status;
  return self->has_status;
}

/* Where the unit is, in words: "in stock at Storeroom", "in transit to Shop", "sold". */
static char *
describe_place (StCountScan *self)
{
  if (self->has_status && self->status == ST_UNIT_IN_STOCK && self->warehouse != NULL)
    /* Translators: where a scanned unit is; %s is a warehouse name */
    return g_strdup_printf (_("in stock at %s"), self->warehouse);
  if (self->has_status && self->status == ST_UNIT_IN_TRANSIT && self->warehouse != NULL)
    /* Translators: where a scanned unit is; %s is a warehouse name */
    return g_strdup_printf (_("in transit to %s"), self->warehouse);
  if (self->has_status)
    return g_strdup (st_unit_status_to_label (self->status));
  return g_strdup ("");
}

char *
st_count_scan_describe (StCountScan *self)
{
  const char *label = st_scan_class_to_label (self->klass);
  g_autofree char *place = NULL;

  switch (self->klass)
    {
    case ST_SCAN_ELSEWHERE:
    case ST_SCAN_NOT_IN_STOCK:
    case ST_SCAN_MOVED:
      place = describe_place (self);
      /* Translators: a scan's class and where its unit is: "elsewhere: in stock at Shop" */
      return g_strdup_printf (C_("count scan", "%s: %s"), label, place);
    case ST_SCAN_AMBIGUOUS:
      /* Translators: a scan's class and the SKUs that have the serial: "ambiguous: items A, B" */
      return g_strdup_printf (_("%s: items %s"), label, self->items != NULL ? self->items : "");
    case ST_SCAN_FOUND:
    case ST_SCAN_AGAIN:
    case ST_SCAN_UNKNOWN:
    default:
      return g_strdup (label);
    }
}
