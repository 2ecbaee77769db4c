/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-bench-search.c — finding a unit by a part of its serial or a name (issue 17): on the
 * count benchmark's inventory (1,000,000 generated units and a shelf of 100,000 units
 * CS0000000…), st_store_search() as the app's Ctrl+F runs it in the store's worker, to the first
 * page of results (50 units): the whole serial (the baseline: one index lookup), the last
 * digits, the start, the middle of a serial (rare and common), a text nothing matches and a
 * vendor's name.  Each search runs --rounds times; the median is reported with its ratio to the
 * whole-serial lookup of the same run, the slowest round as info.  Prints RESULT lines like
 * st-bench.c.  With --smoke it runs on a tiny inventory and checks results, never timings. */
#define G_LOG_DOMAIN "st-bench-search"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <glib/gstdio.h>

#include "st-bench-inventory.h"
#include "st-error.h"
#include "st-store.h"
#include "st-store-search.h"

#define PAGE 50

static StBenchInventoryOptions inv = { .units = 1000000, .items = 1000, .shelf = 100000 };
static guint    opt_rounds = 9;
static char    *opt_db;

/* Runs the search --rounds times; the median's seconds, the slowest in *@max, the last answer
 * in *@last. */
static double
time_search (StStore         *store,
             const char      *text,
             StSearchScope    scope,
             double          *max,
             StSearchResult **last)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < opt_rounds; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(StSearchResult) found = NULL;
      double t0 = st_bench_now (), t;

      found = st_store_search (store, text, scope, PAGE, &error);
      t = st_bench_now () - t0;
      g_assert_no_error (error);
      g_array_append_val (times, t);
      if (i + 1 == opt_rounds)
        *last = g_steal_pointer (&found);
    }
  st_bench_sort (times);
  *max = g_array_index (times, double, times->len - 1);
  return g_array_index (times, double, times->len / 2);
}

/* Whether @result lists @serial, matched as @match. */
static gboolean
lists (StSearchResult *found,
       const char     *serial,
       StSearchMatch   match)
{
  for (guint i = 0; i < found->units->len; i++)
    if (g_strcmp0 (st_unit_get_serial (g_ptr_array_index (found->units, i)), serial) == 0)
      return g_array_index (found->matches, StSearchMatch, i) == match;
  return FALSE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GOptionContext) context = g_option_context_new ("— search benchmark");
  g_autofree char *cached = NULL, *work = NULL;
  g_autofree char *exact = NULL, *last_digits = NULL, *start = NULL, *rare = NULL;
  g_autofree char *end_serial = NULL, *rare_serial = NULL;
  g_autoptr(StStore) store = NULL;
  GOptionEntry entries[] = {
    { "rounds", 0, 0, G_OPTION_ARG_INT, &opt_rounds, "runs of each search", "N" },
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &opt_db, "an inventory made by the count benchmark", "FILE" },
    { NULL }
  };
  struct {
    const char    *workload;
    const char    *text;
    StSearchScope  scope;
    double         target;
    const char    *target_text;
  } searches[] = {
    { "search: the last digits, first page", NULL, ST_SEARCH_QUICK, 0.020, "< 20 ms" },
    { "search: the start, first page", NULL, ST_SEARCH_QUICK, 0.020, "< 20 ms" },
    { "search: the middle, few match (every serial read)", NULL, ST_SEARCH_ALL, 0.300, "< 300 ms" },
    { "search: the middle, many match, first page", "00499", ST_SEARCH_ALL, 0.300, "< 300 ms" },
    { "search: nothing matches (every serial read)", "ZZZZ-NOTHING", ST_SEARCH_ALL, 0.300, "< 300 ms" },
    { "search: a vendor's name, first page", "Bench Count", ST_SEARCH_ALL, 0.300, "< 300 ms" },
  };
  g_autoptr(StSearchResult) found = NULL;
  double baseline, max;

  st_bench_inventory_parse (&inv, context, entries, "st-bench-search-XXXXXX", &argc, &argv);
  if (inv.smoke)
    opt_rounds = 3;
  cached = opt_db != NULL ? g_strdup (opt_db)
                          : st_bench_inventory_path (inv.db_dir, inv.units, inv.items, inv.shelf,
                                                     inv.smoke);
  work = st_bench_inventory_copy (cached, ".search.serialtrack");
  store = st_store_open (work, 0, &error);
  g_assert_no_error (error);

  /* The shelf's serials: CS0000599 ends in 0599, CS00005… starts 100 of them, S000059 is
   * inside ten of them. */
  exact = st_bench_shelf_serial (599);
  end_serial = g_strdup (exact);
  last_digits = g_strdup ("0599");
  start = g_strdup ("CS00005");
  rare = g_strdup ("S000059");
  rare_serial = st_bench_shelf_serial (593);
  searches[0].text = last_digits;
  searches[1].text = start;
  searches[2].text = rare;

  baseline = time_search (store, exact, ST_SEARCH_QUICK, &max, &found);
  st_bench_result (inv.smoke, "search: the whole serial (baseline)", baseline, 0, 0, 0.020,
                   "< 20 ms");
  g_assert_cmpuint (found->units->len, ==, 1);
  g_assert_true (lists (found, exact, ST_SEARCH_MATCH_EXACT));
  g_clear_pointer (&found, st_search_result_free);

  for (guint i = 0; i < G_N_ELEMENTS (searches); i++)
    {
      g_autofree char *slowest = g_strdup_printf ("%s (slowest of %u)", searches[i].workload,
                                                  opt_rounds);
      double median = time_search (store, searches[i].text, searches[i].scope, &max, &found);

      st_bench_result (inv.smoke, searches[i].workload, median, baseline, 0, searches[i].target,
                       searches[i].target_text);
      st_bench_result (inv.smoke, slowest, max, 0, 0, 0, "-");
      g_print ("# %s: %u units%s\n", searches[i].text, found->units->len,
               found->more ? " and more" : "");
      switch (i)
        {
        case 0:
          g_assert_true (lists (found, end_serial, ST_SEARCH_MATCH_END));
          break;
        case 1:
          g_assert_cmpuint (found->units->len, ==, PAGE);
          g_assert_true (found->more);
          g_assert_true (lists (found, "CS0000500", ST_SEARCH_MATCH_START));
          break;
        case 2:
          g_assert_cmpuint (found->units->len, ==, 10);
          g_assert_false (found->more);
          g_assert_true (lists (found, rare_serial, ST_SEARCH_MATCH_CONTAINS));
          break;
        case 4:
          g_assert_cmpuint (found->units->len, ==, 0);
          break;
        case 5:
          g_assert_cmpuint (found->units->len, ==, PAGE);
          for (guint j = 0; j < found->units->len; j++)
            {
              g_assert_cmpint (g_array_index (found->matches, StSearchMatch, j), ==,
                               ST_SEARCH_MATCH_CONTACT);
              g_assert_true (g_str_has_prefix (st_unit_get_serial (g_ptr_array_index (found->units, j)),
                                               "CS"));
            }
          break;
        default:
          break;
        }
      g_clear_pointer (&found, st_search_result_free);
    }

  g_clear_object (&store);
  g_unlink (work);
  return 0;
}
