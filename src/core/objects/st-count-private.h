/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-count-private.h — the instance structs of StCount and StCountScan, filled in by the
 * store (st-store-count.c).  Only the core includes this. */
#pragma once

#include "st-count.h"
#include "st-count-scan.h"

G_BEGIN_DECLS

struct _StCount
{
  GObject   parent_instance;
  gint64    id;
  char     *number;
  gint64    warehouse_id;
  char     *warehouse;
  char     *date;
  gboolean  finished;
  char     *finished_date;
  char     *adjustment;
  GStrv     skus;
  gint64    n_expected;
  gint64    n_scans[ST_N_SCAN_CLASSES];
};

struct _StCountScan
{
  GObject       parent_instance;
  gint64        id;
  char         *serial;
  StScanClass  klass;
  gint64        unit_id;
  char         *sku;
  char         *item_name;
  char         *warehouse;
  gboolean      has_status;
  StUnitStatus  status;
  char         *items;
  char         *scanned_at;
};

G_END_DECLS
