/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-bench-util.h — what the benchmarks share: the clock, peak memory, the statistics of
 * their runs and the RESULT line that run-bench.sh collects:
 *
 *   RESULT|workload|seconds|baseline seconds|ratio|target|verdict|peak RSS KiB */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Seconds on the monotonic clock. */
double      st_bench_now            (void);
/* Peak resident memory of @who (RUSAGE_SELF, RUSAGE_CHILDREN) in KiB; -1 if unknown. */
glong       st_bench_peak_rss_kib   (int                 who);

/* Of an array of doubles, sorted in place: the values in order, the @q quantile (0–1), the
 * median, the least. */
void        st_bench_sort           (GArray             *values);
double      st_bench_quantile       (GArray             *values,
                                     double              q);
double      st_bench_median         (GArray             *values);
double      st_bench_minimum        (GArray             *values);

/* Runs @argv to its end (its output into @out, or to /dev/null for NULL); aborts when it
 * fails.  Returns its seconds. */
double      st_bench_run_process    (const char * const *argv,
                                     char              **out);

/* The verdict of a timing: "smoke" in a smoke run, "info" with no target (@max_ratio and
 * @max_seconds both 0), else "PASS" or "MISS" against the ratio to @baseline and the
 * seconds. */
const char *st_bench_verdict        (gboolean            smoke,
                                     double              seconds,
                                     double              baseline,
                                     double              max_ratio,
                                     double              max_seconds);
/* Prints the RESULT line ("-" for the baseline and ratio without a baseline). */
void        st_bench_print_result   (const char         *workload,
                                     double              seconds,
                                     double              baseline,
                                     const char         *target,
                                     const char         *verdict,
                                     glong               rss_kib);
/* The RESULT line of a timing, judged by st_bench_verdict() (never in a smoke run), with
 * this process's peak memory. */
void        st_bench_result         (gboolean            smoke,
                                     const char         *workload,
                                     double              seconds,
                                     double              baseline,
                                     double              max_ratio,
                                     double              max_seconds,
                                     const char         *target);

G_END_DECLS
