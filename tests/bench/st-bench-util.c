/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-bench-util.c — what the benchmarks share (st-bench-util.h). */
#include "config.h"

#include <sys/resource.h>

#include "st-bench-util.h"

double
st_bench_now (void)
{
  return (double) g_get_monotonic_time () / G_USEC_PER_SEC;
}

glong
st_bench_peak_rss_kib (int who)
{
  struct rusage usage;

  if (getrusage (who, &usage) != 0)
    return -1;
  return usage.ru_maxrss;
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y ? 1 : 0;
}

void
st_bench_sort (GArray *values)
{
  g_array_sort (values, compare_double);
}

double
st_bench_quantile (GArray *values,
                   double  q)
{
  guint i;

  if (values->len == 0)
    return 0.0;
  g_array_sort (values, compare_double);
  i = (guint) (q * (values->len - 1) + 0.5);
  return g_array_index (values, double, MIN (i, values->len - 1));
}

double
st_bench_median (GArray *values)
{
  g_array_sort (values, compare_double);
  if (values->len == 0)
    return 0.0;
  if (values->len % 2 == 1)
    return g_array_index (values, double, values->len / 2);
  return (g_array_index (values, double, values->len / 2 - 1)
          + g_array_index (values, double, values->len / 2)) / 2;
}

double
st_bench_minimum (GArray *values)
{
  double m = values->len > 0 ? g_array_index (values, double, 0) : 0.0;

  for (guint i = 1; i < values->len; i++)
    m = MIN (m, g_array_index (values, double, i));
  return m;
}

double
st_bench_run_process (const char * const *argv,
                      char              **out)
{
  g_autoptr(GError) error = NULL;
  int status = 0;
  double t0 = st_bench_now ();

  g_spawn_sync (NULL, (char **) argv, NULL, out != NULL ? 0 : G_SPAWN_STDOUT_TO_DEV_NULL, NULL,
                NULL, out, NULL, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("%s failed: %s", argv[0], error->message);
  return st_bench_now () - t0;
}

const char *
st_bench_verdict (gboolean smoke,
                  double   seconds,
                  double   baseline,
                  double   max_ratio,
                  double   max_seconds)
{
  gboolean ok = TRUE;

  if (max_ratio > 0 && baseline > 0 && seconds / baseline > max_ratio)
    ok = FALSE;
  if (max_seconds > 0 && seconds > max_seconds)
    ok = FALSE;
  return smoke ? "smoke" : max_ratio <= 0 && max_seconds <= 0 ? "info" : ok ? "PASS" : "MISS";
}

void
st_bench_print_result (const char *workload,
                       double      seconds,
                       double      baseline,
                       const char *target,
                       const char *verdict,
                       glong       rss_kib)
{
  char base_text[32], ratio_text[32];

  g_snprintf (base_text, sizeof base_text, baseline > 0 ? "%.6f" : "-", baseline);
  g_snprintf (ratio_text, sizeof ratio_text, baseline > 0 ? "%.2f" : "-",
              baseline > 0 ? seconds / baseline : 0.0);
  g_print ("RESULT|%s|%.6f|%s|%s|%s|%s|%ld\n", workload, seconds, base_text, ratio_text, target,
           verdict, rss_kib);
}

void
st_bench_result (gboolean    smoke,
                 const char *workload,
                 double      seconds,
                 double      baseline,
                 double      max_ratio,
                 double      max_seconds,
                 const char *target)
{
  st_bench_print_result (workload, seconds, baseline, target,
                         st_bench_verdict (smoke, seconds, baseline, max_ratio, max_seconds),
                         st_bench_peak_rss_kib (RUSAGE_SELF));
}
