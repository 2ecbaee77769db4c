/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-first-run.c — the application as a new user starts it (issue 17): the command line runs
 * through g_application_run, as `serialtrack --db FILE` does, and the windows are driven from
 * timeouts while it runs.
 *
 *   /app/first-run/new-file        --db on a name that does not exist creates a database there;
 *   /app/first-run/dialog-open     a file that is no database: the error dialog's Open… shows a
 *       file chooser (the application does not quit although the dialog was its only window)
 *       and the chosen database opens;
 *   /app/first-run/dialog-create   the same dialog's Create New… makes a new database. */
#include "config.h"

#include <glib/gstdio.h>

#include "st-test-app.h"

static StApplication *app;

typedef enum
{
  STAGE_DIALOG,
  STAGE_CHOOSER,
  STAGE_CHOSEN,
  STAGE_WINDOW,
  STAGE_DONE,
} Stage;

typedef struct
{
  const char *dir;
  const char *expect_path;  /* the database the window must show at the end */
  const char *choose_name;  /* answered in the file chooser (NULL: no dialog expected) */
  int         response;     /* the error dialog's button */
  Stage       stage;
  gboolean    timed_out;
} Run;

static StWindow *
find_main_window (void)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; l = l->next)
    if (ST_IS_WINDOW (l->data))
      return l->data;
  return NULL;
}

static gboolean
is_visible (GObject *window)
{
  return gtk_widget_get_visible (GTK_WIDGET (window));
}

static gboolean
drive_cb (gpointer data)
{
  Run *run = data;

  if (run->timed_out)
    {
      st_test_destroy_toplevels_if (is_visible);
      return G_SOURCE_REMOVE;
    }

  switch (run->stage)
    {
    case STAGE_DIALOG:
      {
        GtkDialog *dialog = st_test_find_toplevel (GTK_TYPE_MESSAGE_DIALOG, TRUE);
        GtkWidget *create, *open;

        if (dialog == NULL)
          break;
        create = gtk_dialog_get_widget_for_response (dialog, ST_APPLICATION_RESPONSE_CREATE);
        open = gtk_dialog_get_widget_for_response (dialog, ST_APPLICATION_RESPONSE_OPEN);
        g_assert_nonnull (create);
        g_assert_nonnull (open);
        g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (create)), ==, "Create _New…");
        g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (open)), ==, "_Open…");
        /* Clicked, as a person would. */
        g_signal_emit_by_name (run->response == ST_APPLICATION_RESPONSE_OPEN ? open : create,
                               "clicked");
        run->stage = STAGE_CHOOSER;
        break;
      }

    case STAGE_CHOOSER:
      {
        GtkFileChooser *chooser = st_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG, TRUE);
        g_autoptr(GFile) folder = g_file_new_for_path (run->dir);
        g_autofree char *path = g_build_filename (run->dir, run->choose_name, NULL);
        g_autoptr(GFile) file = g_file_new_for_path (path);

        if (chooser == NULL)
          break;
        g_assert_null (st_test_find_toplevel (GTK_TYPE_MESSAGE_DIALOG, TRUE));
        if (run->response == ST_APPLICATION_RESPONSE_OPEN)
          {
            g_assert_cmpint (gtk_file_chooser_get_action (chooser), ==,
                             GTK_FILE_CHOOSER_ACTION_OPEN);
            g_assert_true (gtk_file_chooser_set_file (chooser, file, NULL));
          }
        else
          {
            g_assert_cmpint (gtk_file_chooser_get_action (chooser), ==,
                             GTK_FILE_CHOOSER_ACTION_SAVE);
            g_assert_true (gtk_file_chooser_set_current_folder (chooser, folder, NULL));
            gtk_file_chooser_set_current_name (chooser, run->choose_name);
          }
        run->stage = STAGE_CHOSEN;
        break;
      }

    case STAGE_CHOSEN:
      {
        GtkFileChooser *chooser = st_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG, TRUE);
        g_autoptr(GFile) file = gtk_file_chooser_get_file (chooser);
        g_autofree char *chosen = file != NULL ? g_file_get_path (file) : NULL;

        /* The chooser takes a file or folder once the folder has loaded. */
        if (g_strcmp0 (chosen, run->expect_path) != 0)
          {
            g_autoptr(GFile) folder = g_file_new_for_path (run->dir);

            if (gtk_file_chooser_get_action (chooser) == GTK_FILE_CHOOSER_ACTION_SAVE)
              {
                gtk_file_chooser_set_current_folder (chooser, folder, NULL);
                gtk_file_chooser_set_current_name (chooser, run->choose_name);
              }
            break;
          }
        gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
        run->stage = STAGE_WINDOW;
        break;
      }

    case STAGE_WINDOW:
      {
        StWindow *window = find_main_window ();

        if (window == NULL)
          break;
        g_assert_cmpstr (st_store_get_path (st_window_get_store (window)), ==,
                         run->expect_path);
        run->stage = STAGE_DONE;
        /* The last window closed ends g_application_run. */
        gtk_window_destroy (GTK_WINDOW (window));
        return G_SOURCE_REMOVE;
      }

    case STAGE_DONE:
    default:
      g_assert_not_reached ();
    }

  return G_SOURCE_CONTINUE;
}

static int
run_app (Run        *run,
         const char *db)
{
  char *argv[] = { (char *) "serialtrack", (char *) "--db", (char *) db, NULL };
  guint drive = g_timeout_add (50, drive_cb, run);
  guint guard = g_timeout_add_seconds (20, st_test_timeout_cb, &run->timed_out);
  int status;

  status = g_application_run (G_APPLICATION (app), 3, argv);
  if (!run->timed_out)
    g_source_remove (guard);
  if (run->stage != STAGE_DONE && !run->timed_out)
    g_source_remove (drive);
  st_test_spin ();
  return status;
}

static void
assert_database (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StStore) store = st_store_open (path, ST_STORE_OPEN_DEFAULT, &error);
  g_autoptr(StCheckReport) report = NULL;

  g_assert_no_error (error);
  report = st_store_check (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->problems->len, ==, 0);
}

/* g_application_run parses a command line once per process: every test runs in its own. */
static gboolean
in_subprocess (void)
{
  if (g_test_subprocess ())
    return TRUE;
  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC,
                          G_TEST_SUBPROCESS_INHERIT_STDOUT | G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
  return FALSE;
}

static void
test_new_file (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  Run run = { NULL, NULL, NULL, 0, STAGE_WINDOW, FALSE };

  if (!in_subprocess ())
    return;
  dir = st_test_make_tmp_dir ("st-first-run-XXXXXX");
  path = g_build_filename (dir, "shop.serialtrack", NULL);
  run.dir = dir;
  run.expect_path = path;

  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpint (run_app (&run, path), ==, 0);
  g_assert_false (run.timed_out);
  g_assert_cmpint (run.stage, ==, STAGE_DONE);
  g_assert_null (st_test_find_toplevel (GTK_TYPE_MESSAGE_DIALOG, TRUE));
  assert_database (path);
  st_test_remove_dir (dir);
}

static void
run_error_dialog (int response)
{
  g_autofree char *dir = NULL;
  g_autofree char *notes = NULL;
  g_autofree char *path = NULL;
  Run run = { NULL, NULL, "inventory.serialtrack", response, STAGE_DIALOG, FALSE };

  if (!in_subprocess ())
    return;
  dir = st_test_make_tmp_dir ("st-first-run-XXXXXX");
  notes = g_build_filename (dir, "notes.txt", NULL);
  path = g_build_filename (dir, "inventory.serialtrack", NULL);
  run.dir = dir;
  run.expect_path = path;

  g_assert_true (g_file_set_contents (notes, "not a database\n", -1, NULL));
  if (response == ST_APPLICATION_RESPONSE_OPEN)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(StStore) store = st_store_open (path, ST_STORE_OPEN_CREATE, &error);

      g_assert_no_error (error);
    }

  g_assert_cmpint (run_app (&run, notes), ==, 0);
  g_assert_false (run.timed_out);
  /* Had the application quit with the dialog, the chooser would never have been answered. */
  g_assert_cmpint (run.stage, ==, STAGE_DONE);
  assert_database (path);
  st_test_remove_dir (dir);
}

static void
test_dialog_open (void)
{
  run_error_dialog (ST_APPLICATION_RESPONSE_OPEN);
}

static void
test_dialog_create (void)
{
  run_error_dialog (ST_APPLICATION_RESPONSE_CREATE);
}

int
main (int   argc,
      char *argv[])
{
  app = st_test_app_start (&argc, &argv);
  if (app == NULL)
    return 77;

  g_test_add_func ("/app/first-run/new-file", test_new_file);
  g_test_add_func ("/app/first-run/dialog-open", test_dialog_open);
  g_test_add_func ("/app/first-run/dialog-create", test_dialog_create);
  return st_test_app_run (&app);
}
