/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-test-app.c — helpers shared by the app tests (see st-test-app.h). */
#include "config.h"

#include <glib/gstdio.h>
#include <glib/gi18n.h>
#include <locale.h>

#include "st-export-dialog.h"
#include "st-edit-dialog.h"
#include "st-test-app.h"

StApplication *
st_test_app_start (int    *argc,
                   char ***argv)
{
  g_autoptr(GError) error = NULL;
  StApplication *app;

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_printerr ("No display: run the app tests under xvfb-run.\n");
      return NULL;
    }

  setlocale (LC_ALL, "");
  gtk_test_init (argc, argv, NULL);

  /* Windows come and go faster than Xvfb's focus: a text field's blinking cursor in a window
   * that lost the focus warns, and warnings are fatal. */
  g_object_set (gtk_settings_get_default (), "gtk-cursor-blink", FALSE, NULL);

  app = st_application_new ();
  /* No D-Bus uniqueness in tests: each test run is its own instance. */
  g_application_set_flags (G_APPLICATION (app),
                           G_APPLICATION_HANDLES_COMMAND_LINE | G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  return app;
}

int
st_test_app_run (StApplication **app)
{
  int status = g_test_run ();

  g_clear_object (app);
  return status;
}

void
st_test_spin (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

gboolean
st_test_timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

void
st_test_wait_ms (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, st_test_timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  st_test_spin ();
}

void
st_test_wait_until (StTestCondition condition,
                    gpointer        data)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (10000, st_test_timeout_cb, &timed_out);

  while (!condition (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (id);
}

static gboolean
flag_is_set (gpointer data)
{
  return *(gboolean *) data;
}

void
st_test_wait_for (gboolean *flag)
{
  st_test_wait_until (flag_is_set, flag);
  st_test_spin ();
}

gboolean
st_test_press_shortcut (GtkWidget       *widget,
                        guint            keyval,
                        GdkModifierType  modifiers)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);
      GListModel *shortcuts;

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      shortcuts = G_LIST_MODEL (controller);
      for (guint j = 0; j < g_list_model_get_n_items (shortcuts); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (shortcuts, j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger)
              && gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval
              && gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == modifiers)
            {
              gboolean done = gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut),
                                                            GTK_SHORTCUT_ACTION_EXCLUSIVE,
                                                            widget,
                                                            gtk_shortcut_get_arguments (shortcut));
              st_test_spin ();
              return done;
            }
        }
    }
  return FALSE;
}

gpointer
st_test_template_child (gpointer    widget,
                        GType       type,
                        const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (child);
  return child;
}

GtkWidget *
st_test_find_widget (GtkWidget         *widget,
                     StTestWidgetMatch  match,
                     gconstpointer      data)
{
  if (match (widget, data))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = st_test_find_widget (child, match, data);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
is_named (GtkWidget     *widget,
          gconstpointer  name)
{
  return g_strcmp0 (gtk_widget_get_name (widget), name) == 0;
}

GtkWidget *
st_test_find_named (GtkWidget  *widget,
                    const char *name)
{
  return st_test_find_widget (widget, is_named, name);
}

static gboolean
shows_text (GtkWidget     *widget,
            gconstpointer  text)
{
  return gtk_widget_get_mapped (widget) && gtk_widget_get_width (widget) > 0
         && ((GTK_IS_LABEL (widget)
              && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
             || (GTK_IS_INSCRIPTION (widget)
                 && g_strcmp0 (gtk_inscription_get_text (GTK_INSCRIPTION (widget)), text) == 0));
}

gboolean
st_test_shows_text (GtkWidget  *widget,
                    const char *text)
{
  return st_test_find_widget (widget, shows_text, text) != NULL;
}

GtkColumnViewColumn *
st_test_column_titled (GtkColumnView *view,
                       const char    *title)
{
  GListModel *columns = gtk_column_view_get_columns (view);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_strcmp0 (gtk_column_view_column_get_title (column), title) == 0)
        return column;
    }

  g_assert_not_reached ();
}

gpointer
st_test_find_toplevel (GType    type,
                       gboolean visible_only)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type)
          && (!visible_only || gtk_widget_get_visible (GTK_WIDGET (window))))
        return window;
    }

  return NULL;
}

gpointer
st_test_get_toplevel (GType    type,
                      gboolean visible_only)
{
  gpointer window = st_test_find_toplevel (type, visible_only);

  g_assert_nonnull (window);
  return window;
}

static gboolean
no_edit_dialog_busy (gpointer data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ST_IS_EDIT_DIALOG (window) && st_edit_dialog_is_busy (ST_EDIT_DIALOG (window)))
        return FALSE;
    }
  return TRUE;
}

void
st_test_wait_edit_dialogs (void)
{
  st_test_wait_until (no_edit_dialog_busy, NULL);
  st_test_spin ();
}

void
st_test_destroy_toplevels_if (StTestWindowFilter filter)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  g_autoptr(GPtrArray) doomed = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      GObject *window = g_list_model_get_item (toplevels, i);

      if (filter (window))
        g_ptr_array_add (doomed, window);
      else
        g_object_unref (window);
    }
  for (guint i = 0; i < doomed->len; i++)
    gtk_window_destroy (g_ptr_array_index (doomed, i));
  st_test_spin ();
}

gboolean
st_test_is_own_window (GObject *window)
{
  return g_str_has_prefix (G_OBJECT_TYPE_NAME (window), "St");
}

static gboolean
is_own_main_window (GObject *window)
{
  return st_test_is_own_window (window) && ST_IS_WINDOW (window);
}

/* Only our own (GTK's help overlay goes with its window). */
static gboolean
is_own_other_window (GObject *window)
{
  return st_test_is_own_window (window) && !ST_IS_WINDOW (window);
}

void
st_test_destroy_toplevels (gboolean main_windows)
{
  st_test_destroy_toplevels_if (main_windows ? is_own_main_window : is_own_other_window);
}

static gboolean
is_dialog (GObject *window)
{
  return !ST_IS_WINDOW (window);
}

static gboolean
is_main_window (GObject *window)
{
  return ST_IS_WINDOW (window);
}

void
st_test_destroy_all_toplevels (void)
{
  st_test_destroy_toplevels_if (is_dialog);
  st_test_destroy_toplevels_if (is_main_window);
}

char *
st_test_make_tmp_dir (const char *tmpl)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp (tmpl, &error);

  g_assert_no_error (error);
  return dir;
}

void
st_test_remove_dir (const char *dir_path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (dir_path == NULL)
    return;

  dir = g_dir_open (dir_path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir_path, name, NULL);

      g_chmod (path, 0644);
      g_unlink (path);
    }
  g_rmdir (dir_path);
}

StWindow *
st_test_open_window (StApplication *app,
                     const char    *location)
{
  g_autoptr(GError) error = NULL;
  StWindow *window;

  window = st_application_open_database (app, location, ST_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  return window;
}

StWindow *
st_test_open_filled (StApplication *app,
                     StStore       *store,
                     const char    *location)
{
  StWindow *window;

  g_object_unref (store);
  window = st_test_open_window (app, location);
  g_assert_true (ST_IS_WINDOW (window));
  st_test_spin ();
  return window;
}

StStore *
st_test_create_database (const char  *tmpl,
                         char       **dir,
                         char       **path)
{
  g_autoptr(GError) error = NULL;
  StStore *store;

  *dir = st_test_make_tmp_dir (tmpl);
  *path = g_build_filename (*dir, "test.serialtrack", NULL);
  store = st_store_open (*path, ST_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  return store;
}

void
st_test_close_database (char *dir,
                        char *path)
{
  st_test_destroy_toplevels (FALSE);
  st_test_destroy_toplevels (TRUE);
  st_test_remove_dir (dir);
  g_free (path);
  g_free (dir);
}

void
st_test_bind_catalogues (void)
{
  const char *dir = g_getenv ("SERIALTRACK_LOCALEDIR");

  if (dir == NULL)
    return;
  bindtextdomain (GETTEXT_PACKAGE, dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

void
st_test_save_widget_png (GtkWidget  *widget,
                         const char *path)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

void
st_test_shoot (const char *name)
{
  const char *prefix = g_getenv ("ST_TEST_SHOTS");
  g_autofree char *command = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (prefix == NULL)
    return;
  st_test_wait_ms (400);
  command = g_strdup_printf ("import -window root %s%s.png", prefix, name);
  g_assert_true (g_spawn_command_line_sync (command, NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);
}

gpointer
st_test_answer_export_chooser (const char *folder,
                               const char *suggested,
                               const char *name)
{
  g_autoptr(GFile) file = g_file_new_for_path (folder);
  g_autofree char *current = NULL;
  g_autoptr(GError) error = NULL;
  GtkFileChooser *chooser;
  gpointer dialog;

  chooser = st_test_get_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG, FALSE);
  current = gtk_file_chooser_get_current_name (chooser);
  if (suggested != NULL)
    g_assert_cmpstr (current, ==, suggested);
  gtk_file_chooser_set_current_folder (chooser, file, &error);
  g_assert_no_error (error);
  gtk_file_chooser_set_current_name (chooser, name);
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);

  /* The chooser checks the name it was given (asynchronously) before it answers. */
  for (guint i = 0; i < 100 && st_test_find_toplevel (ST_TYPE_EXPORT_DIALOG, FALSE) == NULL; i++)
    st_test_wait_ms (20);
  dialog = st_test_get_toplevel (ST_TYPE_EXPORT_DIALOG, FALSE);
  return dialog;
}

static void
export_finished_cb (StExportDialog *dialog,
                    GFile          *file,
                    const GError   *error,
                    StTestExport   *export)
{
  export->done = TRUE;
  g_set_object (&export->file, file);
  if (error != NULL)
    export->error = g_error_copy (error);
}

void
st_test_export_watch (StExportDialog *dialog,
                      StTestExport   *export)
{
  g_signal_connect (dialog, "finished", G_CALLBACK (export_finished_cb), export);
}

void
st_test_export_clear (StTestExport *export)
{
  g_clear_object (&export->file);
  g_clear_error (&export->error);
}

void
st_test_save_export (const char *folder,
                     const char *suggested,
                     const char *name)
{
  StExportDialog *dialog = st_test_answer_export_chooser (folder, suggested, name);
  StTestExport export = { 0 };

  st_test_export_watch (dialog, &export);
  st_test_wait_for (&export.done);
  g_assert_no_error (export.error);
  st_test_export_clear (&export);
}

void
st_test_line_choose_item (StEditorLine *line,
                          StItem       *item)
{
  GtkDropDown *dropdown = st_test_template_child (line, ST_TYPE_EDITOR_LINE, "item_dropdown");
  GListModel *items = gtk_drop_down_get_model (dropdown);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(StItem) candidate = g_list_model_get_item (items, i);

      if (st_item_get_id (candidate) == st_item_get_id (item))
        {
          gtk_drop_down_set_selected (dropdown, i);
          st_test_spin ();
          return;
        }
    }
  g_assert_not_reached ();
}

void
st_test_line_set_quantity (StEditorLine *line,
                           double        quantity)
{
  gtk_spin_button_set_value (st_test_template_child (line, ST_TYPE_EDITOR_LINE, "quantity_spin"),
                             quantity);
  st_test_spin ();
}

void
st_test_add_item (StStore          *store,
                  const StItemSpec *spec)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StItem) item = st_store_add_item (store, spec, &error);

  g_assert_no_error (error);
}

void
st_test_add_contact (StStore       *store,
                     StContactKind  kind,
                     const char    *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StContact) contact = st_store_add_contact (store, kind, name, &error);

  g_assert_no_error (error);
}

void
st_test_add_warehouse (StStore    *store,
                       const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StWarehouse) warehouse = st_store_add_warehouse (store, name, &error);

  g_assert_no_error (error);
}

StDocument *
st_test_post (StStore *store,
              StDraft *draft)
{
  g_autoptr(GError) error = NULL;
  StDocument *document;

  document = st_store_post (store, draft, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);
  return document;
}

StDocument *
st_test_post_serials (StStore             *store,
                      const StTestPosting *posting)
{
  g_autoptr(StDraft) draft = st_draft_new (posting->kind);
  g_auto(GStrv) serials = g_strsplit (posting->serials, ",", -1);
  g_autofree char *first = posting->warehouse == NULL ? st_test_first_warehouse (store) : NULL;
  StDraftLine *line;

  st_draft_set_string (&draft->number, posting->number);
  st_draft_set_string (&draft->date, posting->date);
  st_draft_set_string (&draft->contact, posting->contact);
  st_draft_set_string (&draft->warehouse, posting->warehouse != NULL ? posting->warehouse : first);
  line = st_draft_add_line (draft, posting->sku, g_strv_length (serials));
  if (posting->rate != 0)
    st_draft_line_set_rate (line, posting->rate);
  for (guint i = 0; serials[i] != NULL; i++)
    st_draft_line_add_serial (line, serials[i]);
  return st_test_post (store, draft);
}

char *
st_test_first_warehouse (StStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) warehouses = st_store_list_warehouses (store, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (warehouses->len, >=, 1);
  return g_strdup (st_warehouse_get_name (g_ptr_array_index (warehouses, 0)));
}
