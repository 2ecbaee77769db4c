/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-bench-inventory.h — the inventory the count and search benchmarks share: the generated
 * inventory (st_generate, seed 7) plus a warehouse "Count shelf" holding a bill of @shelf units
 * of one item, serials CS0000000, CS0000001, …  Made once per size and kept in a directory. */
#pragma once

#include <glib.h>

#include "st-bench-util.h"

#define ST_BENCH_SHELF      "Count shelf"
#define ST_BENCH_SHELF_SKU  "BENCH-COUNT"
#define ST_BENCH_VENDOR     "Bench Count Vendor"

char   *st_bench_shelf_serial    (guint    i);
/* The path of the cached database in @dir, made (and the generation's time printed as an
 * info RESULT line, st_bench_result()) when it is not there yet. */
char   *st_bench_inventory_path  (const char *dir,
                                  guint64     units,
                                  guint       items,
                                  guint       shelf,
                                  gboolean    smoke);
/* A copy of the cached inventory @cached to work on, beside it (@cached and @suffix): opening
 * may bring an older inventory's schema up to date, and the benchmark writes to it. */
char   *st_bench_inventory_copy  (const char *cached,
                                  const char *suffix);

/* What every inventory benchmark takes: the inventory's size, where it is kept, and --smoke. */
typedef struct
{
  guint64   units;
  guint     items;
  guint     shelf;
  char     *db_dir;
  gboolean  smoke;
} StBenchInventoryOptions;

/* Parses the command line: --units, --items, --shelf, --db-dir and --smoke into @inv (which
 * holds the defaults), then the benchmark's own @entries (NULL: none).  With --smoke the tiny
 * inventory (2,000 units, 40 items, a shelf of 600); without --db-dir a new temporary
 * directory from @tmp_template.  Aborts on a bad option. */
void    st_bench_inventory_parse (StBenchInventoryOptions *inv,
                                  GOptionContext          *context,
                                  const GOptionEntry      *entries,
                                  const char              *tmp_template,
                                  int                     *argc,
                                  char                  ***argv);
