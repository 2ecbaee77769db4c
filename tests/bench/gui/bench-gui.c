/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-gui.c — SerialTrack's GUI benchmarks (issue 7), on the real StApplication and
 * StWindow, printing the same RESULT lines as st-bench:
 *
 *   RESULT|workload|seconds|baseline seconds|ratio|target|verdict|peak RSS KiB
 *
 *   open    the main window on the benchmark database, showing the Units view, from process
 *           start until the first frame with rows is painted; and the same on an empty
 *           database (the baseline), each in a process of its own, in the same run.
 *   scroll  the Units view of every unit scrolled top to bottom, one step per frame-clock
 *           tick: the time each frame spends between "before-paint" and "after-paint"
 *           (update, layout and paint: what makes a frame late), max, p95 and p50.
 *   picker  the serial picker on 100,000 eligible units: open (construct until its first
 *           frame with rows), and one filter keystroke (from the search entry's
 *           "search-changed" until the frame showing the filtered rows is painted).
 *
 * No timing is ever asserted; results are.  --smoke runs `open` on a small sample database
 * and only checks that rows are shown.  --screenshot FILE saves the Units view as a PNG. */
#define G_LOG_DOMAIN "bench-gui"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include "st-application.h"
#include "st-bench-util.h"
#include "st-db-sqlite.h"
#include "st-list-page.h"
#include "st-generate.h"
#include "st-serial-picker.h"
#include "st-units-view.h"
#include "st-window.h"
#include "st-test-app.h"

/* The picker's item in st-bench's database: 100,000 units in stock at the first warehouse. */
#define PICK_SKU "BENCH-PICK"

typedef struct
{
  char     *self_path;      /* this program, for the child processes */
  char     *db;             /* the database measured */
  char     *screenshot;     /* --screenshot FILE */
  gboolean  smoke;
  guint     rounds;
} Options;

static Options opt;

/* "cairo", "gl" …: the renderer the measured window used (GSK_RENDERER chooses it), appended
 * to every workload's name. */
static char *renderer_tag;

static const char *
renderer_name (GtkWidget *widget)
{
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  const char *type = renderer != NULL ? G_OBJECT_TYPE_NAME (renderer) : "none";

  if (g_str_equal (type, "GskCairoRenderer"))
    return "cairo";
  if (g_str_equal (type, "GskGLRenderer"))
    return "gl";
  if (g_str_equal (type, "GskNglRenderer"))
    return "ngl";
  if (g_str_equal (type, "GskVulkanRenderer"))
    return "vulkan";
  return type;
}

static void
result (const char *workload,
        double      seconds,
        double      baseline,
        const char *target,
        const char *verdict,
        glong       rss_kib)
{
  g_autofree char *name = NULL;

  name = renderer_tag != NULL ? g_strdup_printf ("%s [%s]", workload, renderer_tag)
                              : g_strdup (workload);
  st_bench_print_result (name, seconds, baseline, target, opt.smoke ? "smoke" : verdict,
                         rss_kib);
}

/* Widgets */

/* The serial of a row of a unit list, or NULL past its end. */
static char *
row_serial (GListModel *model,
            guint       position)
{
  g_autoptr(StUnit) unit = g_list_model_get_item (model, position);

  return unit != NULL ? g_strdup (st_unit_get_serial (unit)) : NULL;
}

/* The Units view shows rows (or, on an empty inventory, its empty page). */
static gboolean
units_view_painted (StUnitsView *view)
{
  GListModel *model = G_LIST_MODEL (st_units_view_get_model (view));
  g_autofree char *first = NULL;

  if (model == NULL || !gtk_widget_get_mapped (GTK_WIDGET (view)))
    return FALSE;
  if (g_list_model_get_n_items (model) == 0)
    return TRUE;
  first = row_serial (model, 0);
  return st_test_shows_text (GTK_WIDGET (view), first);
}

/* The app */

static StApplication *
new_app (void)
{
  StApplication *app = st_application_new ();

  /* No D-Bus uniqueness: each run is its own instance, as in the app tests. */
  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app))
                           | G_APPLICATION_NON_UNIQUE);
  return app;
}

/* One application for every workload of this process (GTK has one per process). */
static StApplication *the_app;

static StApplication *
shared_app (void)
{
  if (the_app == NULL)
    the_app = new_app ();
  return the_app;
}

static void
init_i18n (void)
{
  const char *localedir = g_getenv ("SERIALTRACK_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL && *localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

/* Opens the real window on @path in this process (the scroll and picker workloads) and
 * waits until the Units view shows its rows. */
static StWindow *
open_window (StApplication *app,
             const char    *path)
{
  g_autoptr(GError) error = NULL;
  StWindow *window;
  StUnitsView *view;
  double t0 = st_bench_now ();

  if (!g_application_get_is_registered (G_APPLICATION (app)))
    {
      g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
      g_assert_no_error (error);
    }
  window = st_application_open_database (app, path, ST_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  st_window_show_view (window, "units");
  view = ST_UNITS_VIEW (st_window_get_view (window, "units"));
  while (!units_view_painted (view))
    {
      g_main_context_iteration (NULL, TRUE);
      g_assert_cmpfloat (st_bench_now () - t0, <, 120.0);
    }
  st_test_spin ();
  if (renderer_tag == NULL)
    renderer_tag = g_strdup (renderer_name (GTK_WIDGET (window)));
  return window;
}

/* Child: window open, timed by the parent */

typedef struct
{
  StWindow *window;
  double    t_main;
  gboolean  done;
} OpenChild;

static gboolean
open_child_finish_cb (gpointer data)
{
  OpenChild *child = data;

  if (opt.screenshot != NULL)
    {
      st_test_save_widget_png (GTK_WIDGET (child->window), opt.screenshot);
      g_printerr ("Saved %s (%d×%d)\n", opt.screenshot,
                  gtk_widget_get_width (GTK_WIDGET (child->window)),
                  gtk_widget_get_height (GTK_WIDGET (child->window)));
    }
  g_application_quit (G_APPLICATION (gtk_window_get_application (GTK_WINDOW (child->window))));
  return G_SOURCE_REMOVE;
}

static void
open_child_after_paint_cb (GdkFrameClock *clock,
                           OpenChild     *child)
{
  StUnitsView *view = ST_UNITS_VIEW (st_window_get_view (child->window, "units"));
  GListModel *model = G_LIST_MODEL (st_units_view_get_model (view));

  if (child->done || !units_view_painted (view))
    return;

  child->done = TRUE;
  /* The parent stops its clock on this line. */
  g_print ("READY|%ld|%u|%.6f|%s\n", st_bench_peak_rss_kib (RUSAGE_SELF),
           g_list_model_get_n_items (model),
           st_bench_now () - child->t_main, renderer_name (GTK_WIDGET (child->window)));
  fflush (stdout);

  /* Let the rest of the view settle (column widths, the count) before a picture. */
  g_timeout_add (opt.screenshot != NULL ? 500 : 0, open_child_finish_cb, child);
}

static void
open_child_realize_cb (GtkWidget *widget,
                       OpenChild *child)
{
  g_signal_connect (gtk_widget_get_frame_clock (widget), "after-paint",
                    G_CALLBACK (open_child_after_paint_cb), child);
}

/* As the user opens the app on a file: the Units view is chosen before the first frame. */
static void
open_child_window_added_cb (GtkApplication *app,
                            GtkWindow      *window,
                            OpenChild      *child)
{
  if (!ST_IS_WINDOW (window) || child->window != NULL)
    return;

  child->window = ST_WINDOW (window);
  st_window_show_view (child->window, "units");
  g_signal_connect (window, "realize", G_CALLBACK (open_child_realize_cb), child);
}

/* The window never showed its rows (a refused file is reported in a dialog, which waits). */
static gboolean
open_child_watchdog_cb (gpointer data)
{
  g_printerr ("bench-gui: no Units view with rows after 300 s on %s\n", opt.db);
  exit (1);
  return G_SOURCE_REMOVE;
}

static int
run_open_child (void)
{
  g_autoptr(StApplication) app = NULL;
  OpenChild child = { NULL, st_bench_now (), FALSE };
  char *argv[] = { (char *) "serialtrack", (char *) "--db", opt.db, NULL };
  int status;

  init_i18n ();
  app = new_app ();
  g_signal_connect (app, "window-added", G_CALLBACK (open_child_window_added_cb), &child);
  g_timeout_add_seconds (300, open_child_watchdog_cb, NULL);
  status = g_application_run (G_APPLICATION (app), 3, argv);
  return child.done ? status : 1;
}

/* Parent: window open on the database and on an empty one, each in a fresh process */

typedef struct
{
  double seconds;   /* spawn until READY */
  double in_main;   /* main() until READY, as the child measured */
  glong  rss_kib;
  guint  n_units;
} OpenRun;

static OpenRun
spawn_open (const char *db,
            const char *screenshot)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GIOChannel) out = NULL;
  g_autofree char *line = NULL;
  g_auto(GStrv) fields = NULL;
  OpenRun run = { 0 };
  GPid pid;
  int out_fd, wait_status = 0;
  double t0;

  g_ptr_array_add (argv, opt.self_path);
  g_ptr_array_add (argv, (char *) "--child-open");
  g_ptr_array_add (argv, (char *) db);
  if (screenshot != NULL)
    {
      g_ptr_array_add (argv, (char *) "--screenshot");
      g_ptr_array_add (argv, (char *) screenshot);
    }
  g_ptr_array_add (argv, NULL);

  t0 = st_bench_now ();
  g_assert_true (g_spawn_async_with_pipes (NULL, (char **) argv->pdata, NULL,
                                           G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &pid,
                                           NULL, &out_fd, NULL, &error));
  g_assert_no_error (error);
  out = g_io_channel_unix_new (out_fd);
  g_io_channel_set_close_on_unref (out, TRUE);
  while (g_io_channel_read_line (out, &line, NULL, NULL, &error) == G_IO_STATUS_NORMAL)
    {
      if (g_str_has_prefix (line, "READY|"))
        {
          run.seconds = st_bench_now () - t0;
          break;
        }
      g_print ("%s", line);
      g_clear_pointer (&line, g_free);
    }
  g_assert_no_error (error);
  g_assert_nonnull (line);
  fields = g_strsplit (g_strstrip (line), "|", -1);
  g_assert_cmpuint (g_strv_length (fields), ==, 5);
  run.rss_kib = g_ascii_strtoll (fields[1], NULL, 10);
  run.n_units = (guint) g_ascii_strtoull (fields[2], NULL, 10);
  run.in_main = g_ascii_strtod (fields[3], NULL);
  if (renderer_tag == NULL)
    renderer_tag = g_strdup (fields[4]);

  /* Drain and reap; the child quits right after its first frame. */
  g_clear_pointer (&line, g_free);
  while (g_io_channel_read_line (out, &line, NULL, NULL, NULL) == G_IO_STATUS_NORMAL)
    g_clear_pointer (&line, g_free);
  g_assert_cmpint (waitpid (pid, &wait_status, 0), ==, pid);
  g_spawn_close_pid (pid);
  g_assert_true (g_spawn_check_wait_status (wait_status, NULL));
  return run;
}

static char *
make_empty_db (const char *dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StStore) store = NULL;
  char *path = g_build_filename (dir, "empty.serialtrack", NULL);

  store = st_store_open (path, ST_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  return path;
}

static char *
make_generated_db (const char *dir,
                   guint64     n_units)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StStore) store = NULL;
  char *path = g_build_filename (dir, "small.serialtrack", NULL);

  store = st_store_open (path, ST_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (st_generate (store, 20, n_units, 7, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  return path;
}

static char *
make_sample_db (const char *dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StStore) store = NULL;
  char *path = g_build_filename (dir, "sample.serialtrack", NULL);

  store = st_store_open (path, ST_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (st_store_load_sample_data (store, &error));
  g_assert_no_error (error);
  return path;
}

static double
median_of (GArray *runs,
           gsize   offset)
{
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < runs->len; i++)
    {
      double v = G_STRUCT_MEMBER (double, &g_array_index (runs, OpenRun, i), offset);

      g_array_append_val (values, v);
    }
  return st_bench_quantile (values, 0.5);
}

static glong
max_rss (GArray *runs)
{
  glong m = 0;

  for (guint i = 0; i < runs->len; i++)
    m = MAX (m, g_array_index (runs, OpenRun, i).rss_kib);
  return m;
}

static void
workload_open (const char *dir)
{
  g_autofree char *empty = make_empty_db (dir);
  g_autofree char *thousand = opt.smoke ? NULL : make_generated_db (dir, 1000);
  g_autoptr(GArray) big = g_array_new (FALSE, FALSE, sizeof (OpenRun));
  g_autoptr(GArray) small = g_array_new (FALSE, FALSE, sizeof (OpenRun));
  g_autoptr(GArray) some = g_array_new (FALSE, FALSE, sizeof (OpenRun));
  OpenRun cold;
  double t_big, t_small;
  glong rss_big, rss_small;

  /* The first open of the big file may read it from disk: reported, not counted. */
  cold = spawn_open (opt.db, NULL);
  g_assert_cmpuint (cold.n_units, >, 0);
  spawn_open (empty, NULL);
  for (guint r = 0; r < opt.rounds; r++)
    {
      OpenRun a = spawn_open (empty, NULL);
      OpenRun b = spawn_open (opt.db, NULL);

      g_assert_cmpuint (a.n_units, ==, 0);
      g_assert_cmpuint (b.n_units, ==, cold.n_units);
      g_array_append_val (small, a);
      g_array_append_val (big, b);
      if (thousand != NULL)
        {
          OpenRun c = spawn_open (thousand, NULL);

          g_array_append_val (some, c);
        }
      g_printerr ("  open round %u: empty %.0f ms, %u units %.0f ms\n", r + 1, a.seconds * 1000,
                  b.n_units, b.seconds * 1000);
    }

  t_big = median_of (big, G_STRUCT_OFFSET (OpenRun, seconds));
  t_small = median_of (small, G_STRUCT_OFFSET (OpenRun, seconds));
  rss_big = max_rss (big);
  rss_small = max_rss (small);
  g_print ("open: %u units %.1f ms (in main %.1f ms), empty %.1f ms (in main %.1f ms): "
           "ratio %.2f (target ≤ 1.5); peak RSS %ld KiB vs %ld KiB: %+.1f MiB (target ≤ +30)\n",
           cold.n_units, t_big * 1000, median_of (big, G_STRUCT_OFFSET (OpenRun, in_main)) * 1000,
           t_small * 1000, median_of (small, G_STRUCT_OFFSET (OpenRun, in_main)) * 1000,
           t_small > 0 ? t_big / t_small : 0.0, rss_big, rss_small,
           (rss_big - rss_small) / 1024.0);
  result ("gui-open-units-view", t_big, t_small, "<=1.5x empty",
          t_big <= 1.5 * t_small ? "PASS" : "MISS", rss_big);
  result ("gui-open-units-view-rss-delta (MiB as s)", (rss_big - rss_small) / 1024.0, 0,
          "<=+30 MiB", rss_big - rss_small <= 30 * 1024 ? "PASS" : "MISS", rss_big);
  result ("gui-open-units-view-cold (info)", cold.seconds, 0, "-", "info", cold.rss_kib);
  if (some->len > 0)
    {
      double t_some = median_of (some, G_STRUCT_OFFSET (OpenRun, seconds));

      g_print ("open: %u units %.1f ms, peak RSS %ld KiB\n",
               g_array_index (some, OpenRun, 0).n_units, t_some * 1000, max_rss (some));
      result ("gui-open-units-view-1k-units (info)", t_some, t_small, "-", "info",
              max_rss (some));
      st_db_sqlite_delete_file (thousand);
    }
  st_db_sqlite_delete_file (empty);
}

/* Scroll: the whole list, one step per frame */

typedef struct
{
  GtkAdjustment *adj;
  GArray        *work;        /* ms between before-paint and after-paint, per frame */
  GArray        *update;      /* … of which the update phase (the step and its rebinding) */
  GArray        *layout;      /* … the layout phase */
  GArray        *interval;    /* ms between frame times */
  gint64         paint_start;
  gint64         update_end;
  gint64         layout_end;
  gint64         last_frame_time;
  gboolean       recording;
  /* The plan: go to @from, then @steps steps of @step pixels. */
  double         from;
  double         step;
  guint          steps;
  guint          done_steps;
  gboolean       finished;
} Scroll;

static void
scroll_before_paint_cb (GdkFrameClock *clock,
                        Scroll        *s)
{
  s->paint_start = g_get_monotonic_time ();
}

static void
scroll_layout_cb (GdkFrameClock *clock,
                  Scroll        *s)
{
  s->layout_end = g_get_monotonic_time ();
}

static void
scroll_after_paint_cb (GdkFrameClock *clock,
                       Scroll        *s)
{
  gint64 frame_time = gdk_frame_clock_get_frame_time (clock);

  if (!s->recording || s->paint_start == 0)
    return;

  {
    double ms = (g_get_monotonic_time () - s->paint_start) / 1000.0;
    double update = s->update_end > s->paint_start
                    ? (s->update_end - s->paint_start) / 1000.0 : 0.0;
    double layout = s->layout_end > s->update_end && s->update_end > s->paint_start
                    ? (s->layout_end - s->update_end) / 1000.0 : 0.0;

    g_array_append_val (s->work, ms);
    g_array_append_val (s->update, update);
    g_array_append_val (s->layout, layout);
  }
  if (s->last_frame_time != 0)
    {
      double ms = (frame_time - s->last_frame_time) / 1000.0;

      g_array_append_val (s->interval, ms);
    }
  s->last_frame_time = frame_time;
}

static gboolean
scroll_tick_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       data)
{
  Scroll *s = data;
  double max = gtk_adjustment_get_upper (s->adj) - gtk_adjustment_get_page_size (s->adj);

  if (s->done_steps >= s->steps || gtk_adjustment_get_value (s->adj) >= max)
    {
      s->finished = TRUE;
      s->recording = FALSE;
      return G_SOURCE_REMOVE;
    }

  s->recording = TRUE;
  s->done_steps++;
  gtk_adjustment_set_value (s->adj, MIN (max, s->from + s->step * s->done_steps));
  /* Setting the value rebinds the rows that come into view, there and then. */
  s->update_end = g_get_monotonic_time ();
  return G_SOURCE_CONTINUE;
}

static void
report_frames (const char *workload,
               Scroll     *s)
{
  g_autofree char *max_name = g_strdup_printf ("%s-max-frame", workload);
  g_autofree char *p95_name = g_strdup_printf ("%s-p95-frame (info)", workload);
  g_autofree char *over_name = g_strdup_printf ("%s-frames-over-16ms (count as s)", workload);
  guint over = 0;
  double max, p95, p50, imax, i95;

  for (guint i = 0; i < s->work->len; i++)
    if (g_array_index (s->work, double, i) > 16.0)
      over++;
  max = st_bench_quantile (s->work, 1.0);
  p95 = st_bench_quantile (s->work, 0.95);
  p50 = st_bench_quantile (s->work, 0.5);
  imax = st_bench_quantile (s->interval, 1.0);
  i95 = st_bench_quantile (s->interval, 0.95);
  g_print ("%s: %u frames; work per frame (before-paint → after-paint) max %.1f ms, "
           "p95 %.1f ms, p50 %.1f ms, %u over 16 ms (p50 of the phases: update %.1f ms, "
           "layout %.1f ms, the rest (paint) %.1f ms); frame-clock interval max %.1f ms, "
           "p95 %.1f ms\n", workload, s->work->len, max, p95, p50, over,
           st_bench_quantile (s->update, 0.5), st_bench_quantile (s->layout, 0.5),
           p50 - st_bench_quantile (s->update, 0.5) - st_bench_quantile (s->layout, 0.5), imax,
           i95);
  result (max_name, max / 1000, 0, "<=16 ms",
          over == 0 ? "PASS" : "MISS", st_bench_peak_rss_kib (RUSAGE_SELF));
  result (p95_name, p95 / 1000, 0, "-", "info",
          st_bench_peak_rss_kib (RUSAGE_SELF));
  result (over_name, over, 0, "0",
          over == 0 ? "PASS" : "MISS", st_bench_peak_rss_kib (RUSAGE_SELF));
}

/* Runs one plan on the frame clock and reports it. */
static void
scroll_run (GtkWidget  *list,
            Scroll     *s,
            const char *workload)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (list);
  gulong before, layout, after;

  g_array_set_size (s->work, 0);
  g_array_set_size (s->update, 0);
  g_array_set_size (s->layout, 0);
  g_array_set_size (s->interval, 0);
  s->done_steps = 0;
  s->finished = FALSE;
  s->last_frame_time = 0;
  s->paint_start = 0;

  /* Start from a settled frame at @from. */
  gtk_adjustment_set_value (s->adj, s->from);
  for (int i = 0; i < 30; i++)
    {
      g_usleep (5000);
      st_test_spin ();
    }

  before = g_signal_connect (clock, "before-paint", G_CALLBACK (scroll_before_paint_cb), s);
  /* After GTK's own layout handler. */
  layout = g_signal_connect_after (clock, "layout", G_CALLBACK (scroll_layout_cb), s);
  after = g_signal_connect (clock, "after-paint", G_CALLBACK (scroll_after_paint_cb), s);
  gtk_widget_add_tick_callback (list, scroll_tick_cb, s, NULL);
  while (!s->finished)
    g_main_context_iteration (NULL, TRUE);
  /* The last step's frame. */
  for (int i = 0; i < 10; i++)
    {
      g_usleep (5000);
      st_test_spin ();
    }
  g_signal_handler_disconnect (clock, before);
  g_signal_handler_disconnect (clock, layout);
  g_signal_handler_disconnect (clock, after);
  report_frames (workload, s);
}

static void
workload_scroll (void)
{
  StWindow *window = open_window (shared_app (), opt.db);
  StUnitsView *view = ST_UNITS_VIEW (st_window_get_view (window, "units"));
  GtkScrolledWindow *scroller = st_test_template_child (view, ST_TYPE_LIST_PAGE, "scroller");
  GtkWidget *list = st_test_template_child (view, ST_TYPE_LIST_PAGE, "column_view");
  GListModel *model = G_LIST_MODEL (st_units_view_get_model (view));
  guint n = g_list_model_get_n_items (model);
  g_autofree char *last = NULL;
  Scroll s = { 0 };
  double upper, page, end;
  guint jumps = opt.smoke ? 50 : 1000;
  guint pages = opt.smoke ? 20 : 200;

  s.adj = gtk_scrolled_window_get_vadjustment (scroller);
  s.work = g_array_new (FALSE, FALSE, sizeof (double));
  s.update = g_array_new (FALSE, FALSE, sizeof (double));
  s.layout = g_array_new (FALSE, FALSE, sizeof (double));
  s.interval = g_array_new (FALSE, FALSE, sizeof (double));
  upper = gtk_adjustment_get_upper (s.adj);
  page = gtk_adjustment_get_page_size (s.adj);
  end = upper - page;
  g_printerr ("scroll: %u units, %.0f px high, a page of %.0f px (renderer %s)\n", n, upper,
              page, G_OBJECT_TYPE_NAME (gtk_native_get_renderer (GTK_NATIVE (window))));

  /* Top to bottom in jumps, as dragging the scroll bar's slider does. */
  s.from = 0;
  s.step = end / jumps;
  s.steps = jumps;
  scroll_run (list, &s, "gui-scroll-units-jumps");

  /* Page by page (Page Down, the wheel), at the top, in the middle and at the end. */
  s.step = page;
  s.steps = pages;
  s.from = 0;
  scroll_run (list, &s, "gui-scroll-units-pages-top");
  s.from = end / 2;
  scroll_run (list, &s, "gui-scroll-units-pages-middle");
  s.from = MAX (0, end - page * pages);
  scroll_run (list, &s, "gui-scroll-units-pages-end");

  /* The last unit is on screen. */
  last = row_serial (model, n - 1);
  g_assert_cmpfloat (gtk_adjustment_get_value (s.adj), >=, end - 1);
  g_assert_true (st_test_shows_text (list, last));

  g_array_unref (s.work);
  g_array_unref (s.update);
  g_array_unref (s.layout);
  g_array_unref (s.interval);
  gtk_window_destroy (GTK_WINDOW (window));
  st_test_spin ();
}

/* Picker: open and one keystroke on 100,000 eligible units */

typedef struct
{
  StSerialPicker *picker;
  const char     *expect;     /* the first row's serial to wait for */
  const char     *filter;     /* the model's filter to wait for */
  double          t_search;   /* when "search-changed" was emitted */
  double          t_done;
} PickerWait;

static PickerWait *picker_wait;

static gboolean
search_changed_hook (GSignalInvocationHint *hint,
                     guint                  n_values,
                     const GValue          *values,
                     gpointer               data)
{
  if (picker_wait != NULL && picker_wait->t_search == 0)
    picker_wait->t_search = st_bench_now ();
  return TRUE;
}

static void
picker_after_paint_cb (GdkFrameClock *clock,
                       PickerWait    *w)
{
  StListModel *model;

  if (w->t_done != 0 || w->expect == NULL)
    return;
  model = st_serial_picker_get_model (w->picker);
  if (g_strcmp0 (st_list_model_get_filter (model), w->filter) != 0)
    return;
  if (st_test_shows_text (GTK_WIDGET (w->picker), w->expect))
    w->t_done = st_bench_now ();
}

static void
picker_realize_cb (GtkWidget  *widget,
                   PickerWait *w)
{
  g_signal_connect (gtk_widget_get_frame_clock (widget), "after-paint",
                    G_CALLBACK (picker_after_paint_cb), w);
}

static void
painted_cb (GdkFrameClock *clock,
            gboolean      *painted)
{
  *painted = TRUE;
}

/* Until a frame of @widget's window has been painted. */
static void
wait_painted (GtkWidget *widget)
{
  gboolean painted = FALSE;
  double t0 = st_bench_now ();
  gulong handler = 0;

  while (!painted)
    {
      if (handler == 0 && gtk_widget_get_realized (widget))
        handler = g_signal_connect (gtk_widget_get_frame_clock (widget), "after-paint",
                                    G_CALLBACK (painted_cb), &painted);
      g_main_context_iteration (NULL, TRUE);
      g_assert_cmpfloat (st_bench_now () - t0, <, 60.0);
    }
  g_signal_handler_disconnect (gtk_widget_get_frame_clock (widget), handler);
}

static void
wait_done (PickerWait *w)
{
  double t0 = st_bench_now ();

  while (w->t_done == 0)
    {
      g_main_context_iteration (NULL, TRUE);
      g_assert_cmpfloat (st_bench_now () - t0, <, 60.0);
    }
}

static gint64
find_item_id (StStore    *store,
              const char *sku,
              StItem    **item_out)
{
  g_autoptr(StListModel) items = st_store_list_items (store);

  st_list_model_set_filter (items, sku);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (items)); i++)
    {
      g_autoptr(StItem) item = g_list_model_get_item (G_LIST_MODEL (items), i);

      if (g_strcmp0 (st_item_get_sku (item), sku) == 0)
        {
          *item_out = g_object_ref (item);
          return st_item_get_id (item);
        }
    }
  return 0;
}

static char *
first_warehouse (StStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = st_store_list_warehouses (store, &error);
  gint64 best = G_MAXINT64;
  const char *name = NULL;

  g_assert_no_error (error);
  /* The first warehouse created (st-bench's bill went there). */
  for (guint i = 0; i < list->len; i++)
    if (st_warehouse_get_id (g_ptr_array_index (list, i)) < best)
      {
        best = st_warehouse_get_id (g_ptr_array_index (list, i));
        name = st_warehouse_get_name (g_ptr_array_index (list, i));
      }
  return g_strdup (name);
}

static void
workload_picker (void)
{
  static const char * const keys[] = { "1", "12", "123" };
  StWindow *window = open_window (shared_app (), opt.db);
  StStore *store = st_window_get_store (window);
  g_autoptr(StItem) item = NULL;
  g_autofree char *warehouse = first_warehouse (store);
  g_autoptr(GArray) open_t = g_array_new (FALSE, FALSE, sizeof (double));
  GArray *key_t[G_N_ELEMENTS (keys)];
  g_autoptr(GArray) typed_t = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) empty_t = g_array_new (FALSE, FALSE, sizeof (double));
  StUnitQuery query = { .status = ST_UNIT_IN_STOCK };
  guint n_eligible = 0;
  guint hook;

  query.item_id = find_item_id (store, PICK_SKU, &item);
  if (query.item_id == 0)
    {
      g_printerr ("No item %s in %s: the picker needs st-bench's database.\n", PICK_SKU,
                  opt.db);
      gtk_window_destroy (GTK_WINDOW (window));
      return;
    }
  query.warehouse = warehouse;
  for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
    key_t[k] = g_array_new (FALSE, FALSE, sizeof (double));
  /* The baseline: the same dialog with no eligible unit (none of the item's units is sold). */
  for (guint r = 0; r < opt.rounds + 1; r++)
    {
      StUnitQuery none = query;
      StSerialPicker *picker;
      double t0 = st_bench_now (), t;

      none.status = ST_UNIT_SOLD;
      picker = st_serial_picker_new (GTK_WINDOW (window), store, &none, 5);
      st_serial_picker_set_item (picker, item);
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (st_serial_picker_get_model (picker))),
                        ==, 0);
      gtk_window_present (GTK_WINDOW (picker));
      wait_painted (GTK_WIDGET (picker));
      t = st_bench_now () - t0;
      if (r > 0)
        g_array_append_val (empty_t, t);
      gtk_window_destroy (GTK_WINDOW (picker));
      st_test_spin ();
    }

  hook = g_signal_add_emission_hook (g_signal_lookup ("search-changed", GTK_TYPE_SEARCH_ENTRY),
                                     0, search_changed_hook, NULL, NULL);

  for (guint r = 0; r < opt.rounds + 1; r++)
    {
      PickerWait w = { 0 };
      GtkEditable *entry;
      StListModel *model;
      double t0, t;

      picker_wait = &w;

      /* Open: construct, present, until the first rows are painted. */
      t0 = st_bench_now ();
      w.picker = st_serial_picker_new (GTK_WINDOW (window), store, &query, 5);
      st_serial_picker_set_item (w.picker, item);
      g_signal_connect (w.picker, "realize", G_CALLBACK (picker_realize_cb), &w);
      model = st_serial_picker_get_model (w.picker);
      n_eligible = g_list_model_get_n_items (G_LIST_MODEL (model));
      w.expect = row_serial (G_LIST_MODEL (model), 0);
      gtk_window_present (GTK_WINDOW (w.picker));
      wait_done (&w);
      t = w.t_done - t0;
      /* The first round warms SQLite's page cache: reported apart. */
      if (r == 0)
        g_printerr ("  picker cold open %.1f ms\n", t * 1000);
      else
        g_array_append_val (open_t, t);
      st_test_spin ();

      /* Keystrokes, as typed: each waits for the search entry's delay, then refilters. */
      entry = st_test_template_child (w.picker, ST_TYPE_SERIAL_PICKER, "filter_entry");
      for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
        {
          g_autoptr(StListModel) probe = st_store_list_units (store, &query);

          /* What the filtered list will start with. */
          st_list_model_set_filter (probe, keys[k]);
          g_free ((char *) w.expect);
          w.expect = row_serial (G_LIST_MODEL (probe), 0);
          g_assert_nonnull (w.expect);
          w.filter = keys[k];
          w.t_search = 0;
          w.t_done = 0;

          /* One character typed at the end, as a keyboard does (a whole new text would
           * first empty the entry, which GtkSearchEntry announces at once). */
          t0 = st_bench_now ();
          {
            int end = -1;

            gtk_editable_set_position (entry, -1);
            end = gtk_editable_get_position (entry);
            gtk_editable_insert_text (entry, keys[k] + strlen (keys[k]) - 1, 1, &end);
          }
          g_assert_cmpstr (gtk_editable_get_text (entry), ==, keys[k]);
          wait_done (&w);
          g_assert_cmpfloat (w.t_search, >, 0);
          if (r > 0)
            {
              t = w.t_done - w.t_search;
              g_array_append_val (key_t[k], t);
              t = w.t_done - t0;
              if (k == 0)
                g_array_append_val (typed_t, t);
            }
          st_test_spin ();
        }

      picker_wait = NULL;
      g_free ((char *) w.expect);
      gtk_window_destroy (GTK_WINDOW (w.picker));
      st_test_spin ();
    }
  g_signal_remove_emission_hook (g_signal_lookup ("search-changed", GTK_TYPE_SEARCH_ENTRY),
                                 hook);

  g_print ("picker with no eligible unit: open median %.1f ms\n",
           st_bench_quantile (empty_t, 0.5) * 1000);
  g_print ("picker on %u eligible units: open median %.1f ms (max %.1f); keystroke '1' "
           "median %.1f ms (max %.1f), '12' %.1f ms, '123' %.1f ms; typed to painted, with "
           "the entry's search delay: %.1f ms\n",
           n_eligible, st_bench_quantile (open_t, 0.5) * 1000,
           st_bench_quantile (open_t, 1.0) * 1000,
           st_bench_quantile (key_t[0], 0.5) * 1000, st_bench_quantile (key_t[0], 1.0) * 1000,
           st_bench_quantile (key_t[1], 0.5) * 1000, st_bench_quantile (key_t[2], 0.5) * 1000,
           st_bench_quantile (typed_t, 0.5) * 1000);
  result ("gui-picker-100k-open", st_bench_quantile (open_t, 0.5), st_bench_quantile (empty_t, 0.5),
          "<50 ms", st_bench_quantile (open_t, 0.5) < 0.050 ? "PASS" : "MISS",
          st_bench_peak_rss_kib (RUSAGE_SELF));
  result ("gui-picker-100k-keystroke", st_bench_quantile (key_t[0], 0.5), 0, "<50 ms",
          st_bench_quantile (key_t[0], 0.5) < 0.050 ? "PASS" : "MISS",
          st_bench_peak_rss_kib (RUSAGE_SELF));
  result ("gui-picker-100k-second-keystroke", st_bench_quantile (key_t[1], 0.5), 0, "<50 ms",
          st_bench_quantile (key_t[1], 0.5) < 0.050 ? "PASS" : "MISS",
          st_bench_peak_rss_kib (RUSAGE_SELF));
  result ("gui-picker-100k-typed-to-painted (info)", st_bench_quantile (typed_t, 0.5), 0, "-",
          "info", st_bench_peak_rss_kib (RUSAGE_SELF));

  for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
    g_array_unref (key_t[k]);
  gtk_window_destroy (GTK_WINDOW (window));
  st_test_spin ();
}

/* The database: --db FILE, or st-bench's cached one in --db-dir (generated by --generator
 * when missing). */
static char *
bench_db_path (const char *db_dir,
               const char *generator)
{
  const char *units = g_getenv ("ST_BENCH_UNITS");
  const char *items = g_getenv ("ST_BENCH_ITEMS");
  const char *seed = g_getenv ("ST_BENCH_SEED");
  g_autofree char *name = NULL;
  char *path;

  name = g_strdup_printf ("bench-u%s-i%s-s%s.serialtrack", units ? units : "1000000",
                          items ? items : "1000", seed ? seed : "7");
  path = g_build_filename (db_dir, name, NULL);
  /* The store opens no symbolic link: a build directory may link to another's database. */
  if (g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      char *target = realpath (path, NULL);

      if (target != NULL)
        {
          g_free (path);
          path = g_strdup (target);
          free (target);
        }
    }
  if (!g_file_test (path, G_FILE_TEST_EXISTS) && generator != NULL)
    {
      const char *argv[] = { generator, "--db-dir", db_dir, NULL };
      g_autoptr(GError) error = NULL;
      int status = 0;

      g_printerr ("No %s: generating it with st-bench (a few minutes)\n", path);
      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_CHILD_INHERITS_STDIN,
                                   NULL, NULL, NULL, NULL, &status, &error));
      g_assert_no_error (error);
      g_assert_true (g_spawn_check_wait_status (status, NULL));
    }
  return path;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *db_dir = NULL;
  g_autofree char *generator = NULL;
  g_autofree char *child_open = NULL;
  g_autofree char *tmp = NULL;
  gboolean sample = FALSE;
  int rounds = 5;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &opt.db, "The database to measure", "FILE" },
    { "db-dir", 0, 0, G_OPTION_ARG_FILENAME, &db_dir,
      "Where st-bench's cached database is (used without --db)", "DIR" },
    { "generator", 0, 0, G_OPTION_ARG_FILENAME, &generator,
      "st-bench, to generate a missing database", "PROGRAM" },
    { "rounds", 0, 0, G_OPTION_ARG_INT, &rounds, "Rounds per measure (default 5)", "N" },
    { "smoke", 0, 0, G_OPTION_ARG_NONE, &opt.smoke,
      "On a small sample database; check results, not timings", NULL },
    { "sample", 0, 0, G_OPTION_ARG_NONE, &sample, "Measure the sample data", NULL },
    { "screenshot", 0, 0, G_OPTION_ARG_FILENAME, &opt.screenshot,
      "With 'open': save the Units view of the database as a PNG", "FILE" },
    { "child-open", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_FILENAME, &child_open, NULL, NULL },
    { NULL }
  };

  opt.self_path = g_file_read_link ("/proc/self/exe", NULL);
  if (opt.self_path == NULL)
    opt.self_path = g_strdup (argv[0]);
  context = g_option_context_new ("WORKLOAD… (open scroll picker all)");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  opt.rounds = (guint) CLAMP (rounds, 1, 100);

  if (child_open != NULL)
    {
      opt.db = g_steal_pointer (&child_open);
      return run_open_child ();
    }

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_printerr ("No display: run the GUI benchmarks under xvfb-run -a -s '-screen 0 "
                  "1280x800x24'.\n");
      return 77;
    }

  tmp = g_dir_make_tmp ("st-bench-gui-XXXXXX", &error);
  g_assert_no_error (error);
  if (opt.smoke || sample)
    {
      g_free (opt.db);
      opt.db = make_sample_db (tmp);
      if (opt.smoke)
        opt.rounds = 1;
    }
  else if (opt.db == NULL)
    opt.db = bench_db_path (db_dir != NULL ? db_dir : g_get_tmp_dir (), generator);
  g_printerr ("Database: %s\n", opt.db);

  init_i18n ();
  gtk_init ();

  for (int i = 1; i < argc; i++)
    {
      gboolean all = g_str_equal (argv[i], "all");

      if (all || g_str_equal (argv[i], "open"))
        {
          if (opt.screenshot != NULL)
            spawn_open (opt.db, opt.screenshot);
          else
            workload_open (tmp);
        }
      if (all || g_str_equal (argv[i], "scroll"))
        workload_scroll ();
      if ((all && !opt.smoke) || g_str_equal (argv[i], "picker"))
        workload_picker ();
    }

  if (opt.smoke || sample)
    st_db_sqlite_delete_file (opt.db);
  g_rmdir (tmp);
  g_free (opt.db);
  g_free (opt.self_path);
  g_free (renderer_tag);
  g_clear_object (&the_app);
  return 0;
}
