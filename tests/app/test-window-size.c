/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-window-size.c — the window at 800 × 600 in one language (--language=en, de or fr, one
 * test run per language: GLib decides once per process whether to translate).
 *
 * A window of 800 × 600 on a database with a long name: empty, then with the sample data
 * loaded, and in every view with a row selected (the item pane's unit table, a document's
 * lines, the unit page).  Each time the window's own minimum (gtk_widget_measure) must fit in
 * 800 × 600 and the window must still be 800 × 600: data arriving never makes it grow.  The
 * header bar shows the database's whole name; the views' sidebar names every view.  The
 * dialogs a person opens from the window (item, document editor, sold report, preferences)
 * fit in 800 × 600 too.
 *
 * With ST_SHOTS_DIR set, PNGs of the window go there (window-LANG-VIEW.png). */
#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <libintl.h>
#include <locale.h>
#include <string.h>

#include "st-application.h"
#include "st-document-editor.h"
#include "st-item-dialog.h"
#include "st-list-page.h"
#include "st-preferences-dialog.h"
#include "st-sold-report-dialog.h"
#include "st-window.h"
#include "st-test-app.h"

#define WIDTH  800
#define HEIGHT 600

static StApplication *app;
static const char *language = "en";
/* The window's size as first shown at 800 × 600 (the frame around it aside). */
static int shown_width, shown_height;

/* A name that a header bar cutting mid-word would cut. */
#define DB_NAME "Hauptlager Nord 2026.serialtrack"

typedef struct
{
  char     *dir;
  StWindow *window;
} Fixture;

static void
save_shot (GtkWidget  *widget,
           const char *what)
{
  const char *dir = g_getenv ("ST_SHOTS_DIR");
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;

  if (dir == NULL)
    return;

  name = g_strdup_printf ("window-%s-%s.png", language, what);
  path = g_build_filename (dir, name, NULL);
  st_test_save_widget_png (widget, path);
  g_test_message ("Saved %s (%d×%d)", path, gtk_widget_get_width (widget),
                  gtk_widget_get_height (widget));
}

/* Names the widget under @widget whose minimum is widest (or tallest), to say what to fix. */
static void
report_widest (GtkWidget      *widget,
               GtkOrientation  orientation,
               int             depth)
{
  GtkWidget *widest = NULL;
  int widest_min = -1;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int min = 0;

      if (!gtk_widget_should_layout (child))
        continue;
      gtk_widget_measure (child, orientation, -1, &min, NULL, NULL, NULL);
      if (min > widest_min)
        {
          widest_min = min;
          widest = child;
        }
    }
  if (widest == NULL || depth > 40)
    return;
  g_test_message ("%*s%s %s: %d", depth, "", G_OBJECT_TYPE_NAME (widest),
                  gtk_widget_get_name (widest), widest_min);
  report_widest (widest, orientation, depth + 1);
}

/* The window's minimum fits in 800 × 600 and the window is still 800 × 600. */
static void
assert_fits (GtkWidget  *window,
             const char *where)
{
  int min_width = 0, min_height = 0;

  st_test_spin ();
  gtk_widget_measure (window, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
  gtk_widget_measure (window, GTK_ORIENTATION_VERTICAL, WIDTH, &min_height, NULL, NULL, NULL);
  g_test_message ("%s, %s: minimum %d × %d, shown %d × %d", language, where, min_width,
                  min_height, gtk_widget_get_width (window), gtk_widget_get_height (window));
  if (min_width > WIDTH)
    report_widest (window, GTK_ORIENTATION_HORIZONTAL, 0);
  if (min_height > HEIGHT)
    report_widest (window, GTK_ORIENTATION_VERTICAL, 0);
  g_assert_cmpint (min_width, <=, WIDTH);
  g_assert_cmpint (min_height, <=, HEIGHT);
  g_assert_cmpint (gtk_widget_get_width (window), ==, shown_width);
  g_assert_cmpint (gtk_widget_get_height (window), ==, shown_height);
}

static gboolean
window_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data) && gtk_widget_get_width (data) > 0;
}

static gboolean
store_has_data (gpointer data)
{
  return !st_store_is_empty (data);
}

static gboolean
has_rows (gpointer data)
{
  StListModel *model = st_list_page_get_model (data);

  return model != NULL && g_list_model_get_n_items (G_LIST_MODEL (model)) > 0;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = st_test_make_tmp_dir ("st-window-size-XXXXXX");
  path = g_build_filename (f->dir, DB_NAME, NULL);
  f->window = st_application_open_database (app, path, ST_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  gtk_window_unmaximize (GTK_WINDOW (f->window));
  gtk_window_set_default_size (GTK_WINDOW (f->window), WIDTH, HEIGHT);
  gtk_window_present (GTK_WINDOW (f->window));
  st_test_wait_until (window_mapped, f->window);
  st_test_wait_ms (200);
  shown_width = gtk_widget_get_width (GTK_WIDGET (f->window));
  shown_height = gtk_widget_get_height (GTK_WIDGET (f->window));

}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  st_test_destroy_toplevels (FALSE);
  st_test_destroy_toplevels (TRUE);
  st_test_remove_dir (f->dir);
  g_free (f->dir);
}

static GtkWidget *
show_view (Fixture    *f,
           const char *name)
{
  GtkWidget *view;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.view", "s", name));
  view = st_window_get_view (f->window, name);
  g_assert_nonnull (view);
  st_test_spin ();
  return view;
}

/* Shows @name, waits for its rows, selects the first: the details pane shows beside. */
static void
show_view_selected (Fixture    *f,
                    const char *name)
{
  GtkWidget *view = show_view (f, name);
  g_autofree char *where = g_strdup_printf ("%s, a row selected", name);

  st_test_wait_until (has_rows, view);
  gtk_selection_model_select_item (st_list_page_get_selection (ST_LIST_PAGE (view)), 0, TRUE);
  st_test_wait_ms (200);
  assert_fits (GTK_WIDGET (f->window), where);
  save_shot (GTK_WIDGET (f->window), name);
}

/* The label shows all of its text: no "…". */
static void
assert_not_ellipsized (GtkLabel *label)
{
  PangoLayout *layout = gtk_label_get_layout (label);

  g_assert_false (pango_layout_is_ellipsized (layout));
}

static void
assert_dialog_fits (GType       type,
                    const char *what)
{
  GtkWidget *dialog;
  int min_width = 0, min_height = 0, width, height;

  st_test_wait_ms (100);
  dialog = st_test_get_toplevel (type, TRUE);
  gtk_widget_measure (dialog, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
  gtk_widget_measure (dialog, GTK_ORIENTATION_VERTICAL, MIN (WIDTH, MAX (min_width, 1)),
                      &min_height, NULL, NULL, NULL);
  width = gtk_widget_get_width (dialog);
  height = gtk_widget_get_height (dialog);
  g_test_message ("%s, %s: minimum %d × %d, shown %d × %d", language, what, min_width,
                  min_height, width, height);
  if (min_width > WIDTH)
    report_widest (dialog, GTK_ORIENTATION_HORIZONTAL, 0);
  g_assert_cmpint (min_width, <=, WIDTH);
  g_assert_cmpint (min_height, <=, HEIGHT);
  g_assert_cmpint (width, <=, WIDTH);
  g_assert_cmpint (height, <=, HEIGHT);
  save_shot (dialog, what);
  gtk_window_destroy (GTK_WINDOW (dialog));
  st_test_spin ();
}

static void
test_size (Fixture       *f,
           gconstpointer  data)
{
  static const char * const lists[] = {
    "items", "units", "bills", "invoices", "transfers", "adjustments", "returns",
    "vendor-returns",
  };
  GtkWidget *window = GTK_WIDGET (f->window);
  GtkWidget *sidebar = st_test_template_child (window, ST_TYPE_WINDOW, "sidebar");
  GtkLabel *subtitle = st_test_template_child (window, ST_TYPE_WINDOW, "subtitle_label");
  GtkWidget *units;
  GtkSelectionModel *pages;
  g_autoptr(StUnit) unit = NULL;

  /* Empty, as on a first run: the sample data offer above the empty Items view. */
  assert_fits (window, "empty");
  /* 800 × 600 less the frame (client-side decorations) around the window's widgets. */
  g_assert_cmpint (shown_width, <=, WIDTH);
  g_assert_cmpint (shown_height, <=, HEIGHT);
  g_assert_cmpint (shown_width, >, WIDTH - 40);
  g_assert_cmpint (shown_height, >, HEIGHT - 40);
  g_assert_cmpstr (gtk_label_get_text (subtitle), ==, DB_NAME);
  assert_not_ellipsized (subtitle);
  save_shot (window, "empty");

  /* The views are named in the sidebar, a row each, not in the header bar. */
  g_assert_true (GTK_IS_STACK_SIDEBAR (sidebar));
  g_assert_true (gtk_widget_get_mapped (sidebar));
  pages = gtk_stack_get_pages (gtk_stack_sidebar_get_stack (GTK_STACK_SIDEBAR (sidebar)));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (pages)), >=, 7);
  g_object_unref (pages);

  /* The data arrives: the window keeps its size. */
  g_assert_true (gtk_widget_activate_action (window, "win.load-sample-data", NULL));
  /* Posted in the store's worker. */
  st_test_wait_until (store_has_data, st_window_get_store (ST_WINDOW (window)));
  st_test_wait_ms (300);
  assert_fits (window, "sample data loaded");

  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    show_view_selected (f, lists[i]);
  assert_not_ellipsized (subtitle);

  /* A unit's page: its facts and history. */
  units = show_view (f, "units");
  st_test_wait_until (has_rows, units);
  unit = g_list_model_get_item (G_LIST_MODEL (st_list_page_get_model (ST_LIST_PAGE (units))), 0);
  g_assert_nonnull (unit);
  st_window_show_unit (f->window, st_unit_get_id (unit));
  st_test_wait_ms (200);
  assert_fits (window, "unit page");
  save_shot (window, "unit");

  /* The header bar's button (F9) hides the sidebar, and shows it again. */
  gtk_widget_activate_action (window, "win.view", "s", "items");
  st_test_spin ();
  {
    GtkRevealer *revealer = st_test_template_child (window, ST_TYPE_WINDOW, "sidebar_revealer");
    GtkToggleButton *button = st_test_template_child (window, ST_TYPE_WINDOW, "sidebar_button");

    g_assert_true (gtk_revealer_get_reveal_child (revealer));
    gtk_toggle_button_set_active (button, FALSE);
    st_test_spin ();
    g_assert_false (gtk_revealer_get_reveal_child (revealer));
    gtk_toggle_button_set_active (button, TRUE);
    st_test_spin ();
    g_assert_true (gtk_revealer_get_reveal_child (revealer));
  }

  /* The dialogs. */
  g_assert_true (gtk_widget_activate_action (window, "win.new-item", NULL));
  assert_dialog_fits (ST_TYPE_ITEM_DIALOG, "item-dialog");
  g_assert_true (gtk_widget_activate_action (window, "win.new-document", "s", "invoice"));
  assert_dialog_fits (ST_TYPE_DOCUMENT_EDITOR, "editor");
  g_assert_true (gtk_widget_activate_action (window, "win.export-sold", NULL));
  assert_dialog_fits (ST_TYPE_SOLD_REPORT_DIALOG, "sold-report");
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  assert_dialog_fits (ST_TYPE_PREFERENCES_DIALOG, "preferences");

  assert_fits (window, "after the dialogs");
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *path = NULL;
  int kept = 1;

  /* --language=LL: the messages' language of this run (set before anything is translated). */
  for (int i = 1; i < argc; i++)
    if (g_str_has_prefix (argv[i], "--language="))
      language = argv[i] + strlen ("--language=");
    else
      argv[kept++] = argv[i];
  argc = kept;
  argv[argc] = NULL;
  g_setenv ("LANGUAGE", language, TRUE);
  /* As main.c does, with the build tree's catalogues. */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("SERIALTRACK_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = st_test_app_start (&argc, &argv);
  if (app == NULL)
    return 77;

  path = g_strdup_printf ("/window-size/%s", language);
  g_test_add (path, Fixture, NULL, fixture_setup, test_size, fixture_teardown);

  return st_test_app_run (&app);
}
