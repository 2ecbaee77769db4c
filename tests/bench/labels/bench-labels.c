/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-labels.c — issue 15's scale row: 1,000 labels to PDF in under 3 s with flat memory.
 *
 *   bench-labels [--smoke] [--labels N] [--dir DIR]
 *
 * Each workload runs in a child process of its own (this program again, with --run), so that
 * its peak RSS (wait4) is its own: 1,000 and 10,000 labels as Code 128 on A4, and 1,000 as QR.
 * Flat memory: the 10,000-label run's peak RSS stays within 1.25× of the 1,000-label run's.
 * Prints RESULT|workload|seconds|baseline|ratio|target|verdict|peak RSS KiB lines (BENCHMARKS.md).
 * --smoke writes 60 labels of each kind and checks the files, never the time. */
#include "config.h"

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "st-label-job.h"

static gboolean
run_one (const char  *path,
         StLabelCode  code,
         guint        n_labels)
{
  g_autoptr(StLabelJob) job = st_label_job_new (ST_LABEL_LAYOUT_A4_3X8, code);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < n_labels; i++)
    {
      /* IMEI-like digits and mixed serials, as a shop's receipts have. */
      g_autofree char *serial = i % 2 == 0 ? g_strdup_printf ("3569380%08u", i)
                                           : g_strdup_printf ("SN-%c%c/%06u", 'A' + i % 26,
                                                              'a' + i % 23, i);
      st_label_job_add (job, serial, "PHN-X", "Phone X 128 GB, midnight black");
    }
  if (!st_label_job_write_pdf (job, path, TRUE, NULL, &error))
    {
      g_printerr ("bench-labels: %s\n", error->message);
      return FALSE;
    }
  return TRUE;
}

/* Runs one workload in a child; its wall time and peak RSS. */
static gboolean
measure (const char  *self,
         const char  *path,
         const char  *code,
         guint        n_labels,
         double      *seconds,
         long        *rss_kib)
{
  g_autofree char *count = g_strdup_printf ("%u", n_labels);
  gint64 start = g_get_monotonic_time ();
  struct rusage usage;
  int status;
  pid_t pid = fork ();

  if (pid == 0)
    {
      execl (self, self, "--run", path, code, count, (char *) NULL);
      _exit (127);
    }
  if (pid < 0 || wait4 (pid, &status, 0, &usage) != pid || !WIFEXITED (status)
      || WEXITSTATUS (status) != 0)
    return FALSE;
  *seconds = (g_get_monotonic_time () - start) / 1e6;
  *rss_kib = usage.ru_maxrss;
  return TRUE;
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *dir = NULL;
  g_autofree char *pdf = NULL;
  gboolean smoke = FALSE;
  guint n_labels = 1000;
  double seconds, big_seconds, qr_seconds;
  long rss, big_rss, qr_rss;
  int failed = 0;

  if (argc == 5 && g_str_equal (argv[1], "--run"))
    return run_one (argv[2], g_str_equal (argv[3], "qr") ? ST_LABEL_CODE_QR : ST_LABEL_CODE_128,
                    (guint) g_ascii_strtoull (argv[4], NULL, 10)) ? 0 : 1;
  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--smoke"))
        smoke = TRUE;
      else if (g_str_equal (argv[i], "--labels") && i + 1 < argc)
        n_labels = (guint) g_ascii_strtoull (argv[++i], NULL, 10);
      else if (g_str_equal (argv[i], "--dir") && i + 1 < argc)
        dir = g_strdup (argv[++i]);
    }
  if (smoke)
    n_labels = 60;
  if (dir == NULL)
    dir = g_dir_make_tmp ("st-bench-labels-XXXXXX", NULL);
  pdf = g_build_filename (dir, "labels.pdf", NULL);

  if (!measure (argv[0], pdf, "code128", n_labels, &seconds, &rss)
      || !measure (argv[0], pdf, "qr", n_labels, &qr_seconds, &qr_rss)
      || !measure (argv[0], pdf, "code128", n_labels * 10, &big_seconds, &big_rss))
    {
      g_printerr ("bench-labels: a run failed\n");
      return 1;
    }
  g_unlink (pdf);
  if (g_str_has_prefix (dir, g_get_tmp_dir ()))
    g_rmdir (dir);

  if (smoke)
    {
      g_print ("smoke: %u, %u (QR) and %u labels written\n", n_labels, n_labels, n_labels * 10);
      return 0;
    }
  failed |= seconds >= 3.0 || qr_seconds >= 3.0 || big_rss > rss * 1.25;
  g_print ("RESULT|%u labels to PDF, Code 128, A4 3×8|%.2f|-|-|< 3 s|%s|%ld\n", n_labels, seconds,
           seconds < 3.0 ? "PASS" : "FAIL", rss);
  g_print ("RESULT|%u labels to PDF, QR, A4 3×8|%.2f|-|-|< 3 s|%s|%ld\n", n_labels, qr_seconds,
           qr_seconds < 3.0 ? "PASS" : "FAIL", qr_rss);
  g_print ("RESULT|%u labels to PDF, Code 128 (memory)|%.2f|%ld KiB at %u|%.2f|RSS ≤ 1.25×|%s|%ld\n",
           n_labels * 10, big_seconds, rss, n_labels, (double) big_rss / rss,
           big_rss <= rss * 1.25 ? "PASS" : "FAIL", big_rss);
  return failed ? 1 : 0;
}
