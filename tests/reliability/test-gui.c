/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-gui.c — the GTK app's side of issue 8 (under Xvfb; skipped without a display):
 *
 *   /gui/damaged-files   each damaged or foreign file of test-damaged is opened the way the
 *       app opens a database (st_application_open_or_report): an error dialog naming the
 *       file, no crash, the file byte for byte as it was and nothing left beside it;
 *   /gui/backup-menu     the menu's "Back Up Database…" (app.backup): the file chooser
 *       answered, the backup is written off the main thread and passes check. */
#include "config.h"

#include <locale.h>
#include <string.h>
#include <gtk/gtk.h>
#include <glib/gstdio.h>

#include "st-application.h"
#include "st-error.h"
#include "st-store.h"
#include "st-rel-damage.h"
#include "st-rel-util.h"
#include "st-test-app.h"

static StApplication *app;

/* The newest shown toplevel of @type. */
static gpointer
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  gpointer found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type)
          && gtk_widget_get_visible (GTK_WIDGET (window)))
        found = window;
    }
  return found;
}

static void
assert_alone (const char *path)
{
  static const char * const suffixes[] = { "-wal", "-shm", "-journal" };

  for (gsize i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = g_strconcat (path, suffixes[i], NULL);
      g_assert_false (g_file_test (name, G_FILE_TEST_EXISTS));
    }
}

static void
test_damaged_files (void)
{
  g_autofree char *dir = rel_tmpdir ("gui-damaged");
  g_autoptr(GRand) rand = rel_rand ("test-gui");
  const RelDamage *variants;
  gsize n;
  guint n_dialogs = 0, n_windows = 0;

  rel_damage_init (dir, rand);
  variants = rel_damage_variants (&n);
  for (gsize i = 0; i < n; i++)
    {
      g_autofree char *path = g_strdup_printf ("%s/%s.serialtrack", dir, variants[i].name);
      g_autofree char *basename = g_path_get_basename (path);
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;
      StWindow *window;

      g_assert_true (variants[i].make (path));
      before = rel_hash (path);

      window = st_application_open_or_report (app, NULL, path, ST_STORE_OPEN_DEFAULT);
      st_test_spin ();
      if (window == NULL)
        {
          GtkMessageDialog *dialog = find_toplevel (GTK_TYPE_MESSAGE_DIALOG);
          g_autofree char *primary = NULL;
          g_autofree char *secondary = NULL;
          GtkMessageType type;

          g_assert_nonnull (dialog);
          g_object_get (dialog, "text", &primary, "secondary-text", &secondary,
                        "message-type", &type, NULL);
          g_test_message ("%s: %s — %s", variants[i].name, primary, secondary);
          g_assert_cmpint (type, ==, GTK_MESSAGE_ERROR);
          g_assert_nonnull (strstr (primary, basename));
          g_assert_nonnull (secondary);
          g_assert_cmpstr (secondary, !=, "");
          gtk_window_destroy (GTK_WINDOW (dialog));
          n_dialogs++;
        }
      else
        {
          /* Damage the header and the schema do not show: the window opens; its views read
           * what they can.  Then it is closed again. */
          g_test_message ("%s: opened", variants[i].name);
          st_test_wait_ms (300);
          gtk_window_destroy (GTK_WINDOW (window));
          n_windows++;
        }
      st_test_spin ();

      after = rel_hash (path);
      g_assert_cmpstr (after, ==, before);
      assert_alone (path);
      rel_remove_db (path);
    }
  st_test_remove_tree (dir);
  rel_figure ("gui-damaged-files", "%zu damaged or foreign files opened as the app opens a "
              "database: %u refused in an error dialog naming the file, %u opened (damage "
              "the header and schema do not show); no crash, every file unchanged, nothing "
              "left beside it", n, n_dialogs, n_windows);
}

static void
test_backup_menu (void)
{
  g_autofree char *dir = rel_tmpdir ("gui-backup");
  g_autofree char *db = g_build_filename (dir, "shop.serialtrack", NULL);
  g_autofree char *dest = g_build_filename (dir, "saved.serialtrack", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(StStore) copy = NULL;
  g_autoptr(StCheckReport) report = NULL;
  g_autoptr(GPtrArray) units = NULL;
  StUnitQuery query = { 0, NULL, -1, NULL, NULL };
  GtkFileChooserDialog *chooser;
  StWindow *window;

  g_free (rel_cli_ok (db, "init", NULL));
  g_free (rel_cli_ok (db, "contact", "add", "--vendor", "Acme", NULL));
  g_free (rel_cli_ok (db, "item", "add", "--sku", "PHONE", "--name", "Phone", "--serial",
                      NULL));
  g_free (rel_cli_ok (db, "bill", "post", "--vendor", "Acme", "--number", "B1", "--warehouse",
                      "Primary Warehouse", "--line", "PHONE:250:10:S001..S250", NULL));

  window = st_application_open_database (app, db, ST_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_nonnull (window);
  st_test_spin ();

  g_action_group_activate_action (G_ACTION_GROUP (app), "backup", NULL);
  st_test_spin ();
  chooser = find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
  g_assert_nonnull (chooser);
  g_assert_cmpint (gtk_file_chooser_get_action (GTK_FILE_CHOOSER (chooser)), ==,
                   GTK_FILE_CHOOSER_ACTION_SAVE);
  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), "saved.serialtrack");
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);

  for (guint i = 0; i < 100 && !g_file_test (dest, G_FILE_TEST_EXISTS); i++)
    st_test_wait_ms (100);
  st_test_wait_ms (100);
  g_assert_true (g_file_test (dest, G_FILE_TEST_EXISTS));
  g_assert_null (find_toplevel (GTK_TYPE_MESSAGE_DIALOG));

  copy = st_store_open (dest, 0, &error);
  g_assert_no_error (error);
  report = st_store_check (copy, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->problems->len, ==, 0);
  units = st_store_query_units (copy, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (units->len, ==, 250);
  g_clear_object (&copy);

  gtk_window_destroy (GTK_WINDOW (window));
  st_test_spin ();
  st_test_remove_tree (dir);
  rel_figure ("gui-backup-menu", "Back Up Database… answered in the file chooser: a backup "
              "written off the main thread, 250 units, check passes");
}

int
main (int   argc,
      char *argv[])
{
  app = st_test_app_start (&argc, &argv);
  if (app == NULL)
    return 77;

  g_test_add_func ("/gui/damaged-files", test_damaged_files);
  g_test_add_func ("/gui/backup-menu", test_backup_menu);
  return st_test_app_run (&app);
}
