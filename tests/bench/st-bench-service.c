/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-bench-service.c — after-sales service at scale (issue 13, item 7): on the count benchmark's
 * inventory (1,000,000 generated units and a shelf of 100,000) with --cases generated service
 * cases (st_generate_service_cases, seed 7), what the window and the CLI ask of the store:
 *  - the Service view's lazy model (st_store_list_service_cases): its count, first and middle
 *    page, against the Units view's model in the same run (the baseline; target < 16 ms a page);
 *  - the Units view filtered by status (in stock, in service): count, first and middle page,
 *    against the same baseline;
 *  - the unit page of a unit with a case: find the unit, its history, its cases (what
 *    st-unit-page.c calls; target < 50 ms), against the same without the cases;
 *  - the Warranty Expiring view's lazy model (count and first page) and
 *    `serialtrack-cli warranty expiring --within 30` (every row, and --limit 50) as a process
 *    (target < 100 ms), against
 *    `serialtrack-cli unit SERIAL` (a process's start and one lookup).
 * Each runs --rounds times; the median is reported.  Prints RESULT lines like st-bench.c.  With
 * --db FILE it uses an inventory that already has its cases (e.g. made with `serialtrack-cli
 * generate --service-cases`).  With --smoke it runs on a tiny inventory and checks results,
 * never timings. */
#define G_LOG_DOMAIN "st-bench-service"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gstdio.h>

#include "st-bench-inventory.h"
#include "st-generate.h"
#include "st-store.h"
#include "st-store-service.h"

static StBenchInventoryOptions inv = { .units = 1000000, .items = 1000, .shelf = 100000 };
static guint    opt_cases = 50000;
static guint    opt_rounds = 9;
static char    *opt_db;

static double
median (GArray *times)
{
  st_bench_sort (times);
  return g_array_index (times, double, times->len / 2);
}

/* A lazy list as a view opens it: a fresh model, its count, the first page, the middle page
 * (each a median over the rounds, in @count, @first, @middle).  Returns the count. */
typedef StListModel *(*ModelFunc) (StStore *store, gpointer data);

static guint
time_model (StStore   *store,
            ModelFunc  make,
            gpointer   data,
            GArray    *count,
            GArray    *first,
            GArray    *middle)
{
  guint n = 0;

  for (guint r = 0; r < opt_rounds; r++)
    {
      g_autoptr(StListModel) model = make (store, data);
      g_autoptr(GObject) row0 = NULL, rowm = NULL;
      double t0, t;

      t0 = st_bench_now ();
      n = g_list_model_get_n_items (G_LIST_MODEL (model));
      t = st_bench_now () - t0;
      g_array_append_val (count, t);
      t0 = st_bench_now ();
      row0 = g_list_model_get_item (G_LIST_MODEL (model), 0);
      t = st_bench_now () - t0;
      g_array_append_val (first, t);
      t0 = st_bench_now ();
      rowm = g_list_model_get_item (G_LIST_MODEL (model), n / 2);
      t = st_bench_now () - t0;
      if (middle != NULL)
        g_array_append_val (middle, t);
      g_assert_true (n == 0 || (row0 != NULL && rowm != NULL));
    }
  return n;
}

/* The Units view; @data: a status + 1, or 0 for all. */
static StListModel *
make_units (StStore  *store,
            gpointer  data)
{
  StUnitQuery query = { .status = GPOINTER_TO_INT (data) - 1 };

  return st_store_list_units (store, &query);
}

static StListModel *
make_service (StStore  *store,
              gpointer  data)
{
  StServiceQuery query = { .status = -1 };

  return st_store_list_service_cases (store, &query);
}

static StListModel *
make_expiring (StStore  *store,
               gpointer  data)
{
  return st_store_list_warranty_expiring (store, NULL, 30);
}

/* The unit page's data: the unit by serial, the unit, its history and (@cases) its service
 * cases; the median over the rounds.  The number of cases in *@n_cases. */
static double
time_unit_page (StStore    *store,
                const char *serial,
                const char *sku,
                gboolean    cases,
                guint      *n_cases)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint r = 0; r < opt_rounds; r++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(StUnit) found = NULL, unit = NULL;
      g_autoptr(GPtrArray) history = NULL, list = NULL;
      double t0 = st_bench_now (), t;

      found = st_store_find_unit (store, serial, sku, &error);
      g_assert_no_error (error);
      unit = st_store_get_unit (store, st_unit_get_id (found), &error);
      g_assert_no_error (error);
      history = st_store_get_unit_history (store, st_unit_get_id (unit), &error);
      g_assert_no_error (error);
      if (cases)
        {
          StServiceQuery query = { .status = -1, .unit_id = st_unit_get_id (unit) };

          list = st_store_query_service_cases (store, &query, &error);
          g_assert_no_error (error);
          *n_cases = list->len;
        }
      t = st_bench_now () - t0;
      g_array_append_val (times, t);
    }
  return median (times);
}

/* The CLI as a process, its output read; the median's seconds, the output's lines in *@lines. */
static double
time_cli (const char * const *argv,
          guint              *lines)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint r = 0; r < opt_rounds; r++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *out = NULL;
      int status = 0;
      double t0 = st_bench_now (), t;

      g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out,
                    NULL, &status, &error);
      t = st_bench_now () - t0;
      g_assert_no_error (error);
      g_assert_true (g_spawn_check_wait_status (status, NULL));
      g_array_append_val (times, t);
      *lines = 0;
      for (const char *p = out; *p != '\0'; p++)
        *lines += *p == '\n';
    }
  return median (times);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GOptionContext) context = g_option_context_new ("— service benchmark");
  g_autofree char *work = NULL;
  g_autoptr(StStore) store = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) expiring = NULL;
  g_autoptr(GArray) count = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) first = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) middle = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *serial = NULL, *sku = NULL;
  const char *cli = g_getenv ("SERIALTRACK_CLI");
  StServiceQuery any = { .status = -1 };
  const GOptionEntry entries[] = {
    { "cases", 0, 0, G_OPTION_ARG_INT, &opt_cases, "generated service cases", "N" },
    { "rounds", 0, 0, G_OPTION_ARG_INT, &opt_rounds, "runs of each workload", "N" },
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &opt_db, "an inventory with its cases, used as it is", "FILE" },
    { NULL }
  };
  double base_count, base_first, base_middle, t, base_unit;
  guint n, n_cases = 0, lines = 0, active = 0;
  gint64 unit_id = 0;

  st_bench_inventory_parse (&inv, context, entries, "st-bench-service-XXXXXX", &argc, &argv);
  if (inv.smoke)
    {
      opt_cases = 150;
      opt_rounds = 3;
    }
  if (opt_db != NULL)
    work = g_strdup (opt_db);
  else
    {
      g_autofree char *cached = NULL;
      guint made = 0;
      double t0;

      cached = st_bench_inventory_path (inv.db_dir, inv.units, inv.items, inv.shelf, inv.smoke);
      work = st_bench_inventory_copy (cached, ".service.serialtrack");
      store = st_store_open (work, 0, &error);
      g_assert_no_error (error);
      t0 = st_bench_now ();
      st_generate_service_cases (store, opt_cases, 7, NULL, NULL, NULL, &made, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (made, ==, opt_cases);
      st_bench_result (inv.smoke, "generate --service-cases (info)", st_bench_now () - t0, 0, 0, 0,
                       "-");
      g_clear_object (&store);
    }
  store = st_store_open (work, 0, &error);
  g_assert_no_error (error);

  /* Every case, for the checks and to pick a unit with a case. */
  all = st_store_query_service_cases (store, &any, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, >, 0);
  for (guint i = 0; i < all->len; i++)
    active += st_service_status_is_active (st_service_case_get_status (g_ptr_array_index (all, i)));
  {
    StServiceCase *sc = g_ptr_array_index (all, all->len / 2);

    serial = g_strdup (st_service_case_get_serial (sc));
    sku = g_strdup (st_service_case_get_sku (sc));
    unit_id = st_service_case_get_unit_id (sc);
  }
  g_print ("# %u service cases, %u open, in repair or ready; unit page of %s (%s)\n",
           all->len, active, serial, sku);

  /* The Units view's model: the baseline for pages. */
  time_model (store, make_units, NULL, count, first, middle);
  base_count = median (count);
  base_first = median (first);
  base_middle = median (middle);
  st_bench_result (inv.smoke, "Units view: count (baseline)", base_count, 0, 0, 0.016, "< 16 ms");
  st_bench_result (inv.smoke, "Units view: first page (baseline)", base_first, 0, 0, 0.016,
                   "< 16 ms");
  st_bench_result (inv.smoke, "Units view: middle page (baseline)", base_middle, 0, 0, 0.016,
                   "< 16 ms");

  /* The same view filtered by a status the shop asks for: in stock (a quarter of the units),
   * with us for service (one in a hundred). */
  {
    const struct { StUnitStatus status; const char *name; } filters[] = {
      { ST_UNIT_IN_STOCK, "in stock" }, { ST_UNIT_IN_SERVICE, "in service" },
    };

    for (gsize i = 0; i < G_N_ELEMENTS (filters); i++)
      {
        g_autofree char *count_name = g_strdup_printf ("Units view, %s: count", filters[i].name);
        g_autofree char *first_name = g_strdup_printf ("Units view, %s: first page",
                                                       filters[i].name);
        g_autofree char *middle_name = g_strdup_printf ("Units view, %s: middle page",
                                                        filters[i].name);

        g_array_set_size (count, 0);
        g_array_set_size (first, 0);
        g_array_set_size (middle, 0);
        time_model (store, make_units, GINT_TO_POINTER (filters[i].status + 1), count, first,
                    middle);
        st_bench_result (inv.smoke, count_name, median (count), base_count, 0, 0.016, "< 16 ms");
        st_bench_result (inv.smoke, first_name, median (first), base_first, 0, 0.016, "< 16 ms");
        st_bench_result (inv.smoke, middle_name, median (middle), base_middle, 0, 0.016, "< 16 ms");
      }
  }

  g_array_set_size (count, 0);
  g_array_set_size (first, 0);
  g_array_set_size (middle, 0);
  n = time_model (store, make_service, NULL, count, first, middle);
  g_assert_cmpuint (n, ==, all->len);
  st_bench_result (inv.smoke, "Service view: count", median (count), base_count, 0, 0.016,
                   "< 16 ms");
  st_bench_result (inv.smoke, "Service view: first page", median (first), base_first, 0, 0.016,
                   "< 16 ms");
  st_bench_result (inv.smoke, "Service view: middle page", median (middle), base_middle, 0, 0.016,
                   "< 16 ms");
  {
    /* The model's rows are the plain query's, open cases first. */
    g_autoptr(StListModel) model = make_service (store, NULL);
    g_autoptr(StServiceCase) row0 = g_list_model_get_item (G_LIST_MODEL (model), 0);
    g_autoptr(StServiceCase) rowm = g_list_model_get_item (G_LIST_MODEL (model), n / 2);

    g_assert_cmpint (st_service_case_get_id (row0), ==,
                     st_service_case_get_id (g_ptr_array_index (all, 0)));
    g_assert_cmpint (st_service_case_get_id (rowm), ==,
                     st_service_case_get_id (g_ptr_array_index (all, n / 2)));
    g_assert_true (active == 0 || st_service_status_is_active (st_service_case_get_status (row0)));
  }

  base_unit = time_unit_page (store, serial, sku, FALSE, &n_cases);
  st_bench_result (inv.smoke, "unit page: find, unit, history (baseline)", base_unit, 0, 0, 0.050,
                   "< 50 ms");
  t = time_unit_page (store, serial, sku, TRUE, &n_cases);
  st_bench_result (inv.smoke, "unit page: find, unit, history, service cases", t, base_unit, 0,
                   0.050, "< 50 ms");
  g_assert_cmpuint (n_cases, >=, 1);

  g_array_set_size (count, 0);
  g_array_set_size (first, 0);
  g_array_set_size (middle, 0);
  n = time_model (store, make_expiring, NULL, count, first, middle);
  st_bench_result (inv.smoke, "Warranty Expiring view (30 days): count", median (count), base_count,
                   0, 0.016, "< 16 ms");
  st_bench_result (inv.smoke, "Warranty Expiring view (30 days): first page", median (first),
                   base_first, 0, 0.016, "< 16 ms");
  expiring = st_store_warranty_expiring (store, NULL, 30, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, expiring->len);
  g_print ("# %u units' warranty ends within 30 days\n", n);

  if (cli != NULL)
    {
      const char *unit_argv[] = { cli, "--db", work, "unit", serial, "--item", sku, NULL };
      const char *expiring_argv[] = { cli, "--db", work, "warranty", "expiring", "--within",
                                      "30", NULL };
      double base_cli = time_cli (unit_argv, &lines);

      st_bench_result (inv.smoke, "serialtrack-cli unit SERIAL (baseline)", base_cli, 0, 0, 0, "-");
      t = time_cli (expiring_argv, &lines);
      st_bench_result (inv.smoke, "serialtrack-cli warranty expiring --within 30", t, base_cli, 0,
                       0.100, "< 100 ms");
      /* A header and a row per unit. */
      g_assert_cmpuint (lines, ==, n > 0 ? n + 1 : 0);
      {
        const char *limit_argv[] = { cli, "--db", work, "warranty", "expiring", "--within",
                                     "30", "--limit", "50", NULL };

        t = time_cli (limit_argv, &lines);
        st_bench_result (inv.smoke, "serialtrack-cli warranty expiring --within 30 --limit 50", t,
                         base_cli, 0, 0.100, "< 100 ms");
        /* A header, the first 50 (or all) and "… and N more" when there are more. */
        g_assert_cmpuint (lines, ==, n == 0 ? 0 : n <= 50 ? n + 1 : 52);
      }
    }
  else
    g_print ("SERIALTRACK_CLI unset: the CLI's timing skipped\n");

  if (inv.smoke)
    {
      g_autoptr(StCheckReport) check = st_store_check (store, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (check->problems->len, ==, 0);
      g_assert_cmpint (unit_id, >, 0);
    }
  g_clear_object (&store);
  if (opt_db == NULL)
    g_unlink (work);
  return 0;
}
