/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "st-application"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "st-application.h"
#include "st-connect-dialog.h"
#include "st-error.h"
#include "st-format.h"
#include "st-preferences-dialog.h"
#include "st-server-location.h"

struct _StApplication
{
  GtkApplication  parent_instance;

  /* Owned */
  GSettings      *settings;
};

G_DEFINE_FINAL_TYPE (StApplication, st_application, GTK_TYPE_APPLICATION)


/* How many server connections Connect to Server… offers again. */
#define N_RECENT_SERVERS 8

static const GOptionEntry option_entries[] = {
  { "db", 'd', 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Open the SerialTrack database FILE, or one on a server (a PostgreSQL URI)"),
    N_("FILE|URI") },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Show the version and quit"), NULL },
  { NULL }
};

GSettings *
st_application_get_settings (StApplication *self)
{
  g_return_val_if_fail (ST_IS_APPLICATION (self), NULL);

  return self->settings;
}

static StWindow *
find_window_for_path (StApplication *self,
                      const char    *path)
{
  gboolean server = st_store_location_is_server (path);
  g_autoptr(GFile) file = server ? NULL : g_file_new_for_path (path);
  g_autofree char *display = server ? st_store_location_display (path) : NULL;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    {
      const char *location;

      if (!ST_IS_WINDOW (l->data))
        continue;

      location = st_store_get_path (st_window_get_store (l->data));
      if (server != st_store_location_is_server (location))
        continue;

      /* One database on one server as one user, however the address was written. */
      if (server)
        {
          g_autofree char *other = st_store_location_display (location);

          if (g_str_equal (display, other))
            return l->data;
        }
      else
        {
          g_autoptr(GFile) other = g_file_new_for_path (location);

          if (g_file_equal (file, other))
            return l->data;
        }
    }

  return NULL;
}

/* A server's address is remembered without its password, newest first. */
static void
remember_location (StApplication *self,
                   const char    *location)
{
  g_autofree char *kept = NULL;
  g_auto(GStrv) recent = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;
  guint n = 1;

  if (self->settings == NULL)
    return;

  if (!st_store_location_is_server (location))
    {
      g_settings_set_string (self->settings, "last-database", location);
      return;
    }

  kept = st_server_location_without_password (location);
  if (kept == NULL)
    return;
  g_settings_set_string (self->settings, "last-database", kept);

  builder = g_strv_builder_new ();
  g_strv_builder_add (builder, kept);
  recent = g_settings_get_strv (self->settings, "recent-servers");
  for (guint i = 0; recent[i] != NULL && n < N_RECENT_SERVERS; i++)
    if (!g_str_equal (recent[i], kept))
      {
        g_strv_builder_add (builder, recent[i]);
        n++;
      }
  g_strfreev (recent);
  recent = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "recent-servers", (const char * const *) recent);
}

StWindow *
st_application_open_database (StApplication     *self,
                              const char        *path,
                              StStoreOpenFlags   flags,
                              GError           **error)
{
  g_autoptr(StStore) store = NULL;
  StWindow *window;

  g_return_val_if_fail (ST_IS_APPLICATION (self), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  window = find_window_for_path (self, path);
  if (window == NULL)
    {
      store = st_store_open (path, flags, error);
      if (store == NULL)
        return NULL;

      window = st_window_new (GTK_APPLICATION (self), store);
    }

  remember_location (self, path);

  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static void
store_opened_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      data)
{
  g_autoptr(GTask) task = data;
  StApplication *self = g_task_get_source_object (task);
  const char *path = g_task_get_task_data (task);
  g_autoptr(StStore) store = NULL;
  GError *error = NULL;
  StWindow *window;

  store = st_store_open_finish (result, &error);
  if (store == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  /* The same database may have been opened meanwhile (twice asked for). */
  window = find_window_for_path (self, path);
  if (window == NULL)
    window = st_window_new (GTK_APPLICATION (self), store);
  remember_location (self, path);
  gtk_window_present (GTK_WINDOW (window));
  g_task_return_pointer (task, window, NULL);
}

void
st_application_open_database_async (StApplication       *self,
                                    const char          *path,
                                    StStoreOpenFlags     flags,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  StWindow *window;

  g_return_if_fail (ST_IS_APPLICATION (self));
  g_return_if_fail (path != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, st_application_open_database_async);
  g_task_set_task_data (task, g_strdup (path), g_free);

  window = find_window_for_path (self, path);
  if (window != NULL)
    {
      remember_location (self, path);
      gtk_window_present (GTK_WINDOW (window));
      g_task_return_pointer (task, window, NULL);
      return;
    }

  st_store_open_async (path, flags, cancellable, store_opened_cb, g_steal_pointer (&task));
}

StWindow *
st_application_open_database_finish (StApplication  *self,
                                     GAsyncResult   *result,
                                     GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
open_failed_response_cb (GtkDialog     *dialog,
                         int            response,
                         StApplication *self)
{
  /* The file chooser first: it holds the application, which would otherwise quit when this
   * dialog, perhaps its only window, goes. */
  if (response == ST_APPLICATION_RESPONSE_CREATE)
    g_action_group_activate_action (G_ACTION_GROUP (self), "new-database", NULL);
  else if (response == ST_APPLICATION_RESPONSE_OPEN)
    g_action_group_activate_action (G_ACTION_GROUP (self), "open-database", NULL);

  gtk_window_destroy (GTK_WINDOW (dialog));
}

StWindow *
st_application_open_or_report (StApplication    *self,
                               GtkWindow        *parent,
                               const char       *path,
                               StStoreOpenFlags  flags)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *display = NULL;
  StConnectDialog *connect;
  GtkWidget *dialog;
  StWindow *window;

  g_return_val_if_fail (ST_IS_APPLICATION (self), NULL);

  /* A server may take seconds to answer, or not answer at all: Connect to Server… shows the
   * connection going on (and lets it be cancelled), then the reason if it fails, in fields
   * where the address can be corrected or the password the server wants typed. */
  if (st_store_location_is_server (path) && find_window_for_path (self, path) == NULL)
    {
      connect = st_connect_dialog_new (parent, self);
      st_connect_dialog_set_location (connect, path);
      gtk_window_present (GTK_WINDOW (connect));
      st_connect_dialog_open_location (connect, path, flags);
      return NULL;
    }

  window = st_application_open_database (self, path, flags, &error);
  if (window != NULL)
    return window;

  g_message ("Cannot open %s: %s", path, error->message);
  display = g_filename_display_basename (path);

  /* The dialog belongs to the application, so that it keeps running when no window is
   * open yet (the database given on the command line, or the last one, is broken). */
  dialog = gtk_message_dialog_new (parent,
                                   GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_ERROR,
                                   GTK_BUTTONS_NONE,
                                   /* Translators: %s is a file name or a server database */
                                   _("Could not open “%s”"),
                                   display);
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", error->message);
  gtk_dialog_add_buttons (GTK_DIALOG (dialog),
                          _("_Close"), GTK_RESPONSE_CLOSE,
                          _("Create _New…"), ST_APPLICATION_RESPONSE_CREATE,
                          _("_Open…"), ST_APPLICATION_RESPONSE_OPEN,
                          NULL);
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_CLOSE);
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  g_signal_connect_object (dialog, "response", G_CALLBACK (open_failed_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));

  return NULL;
}

/* --db, else the last database if it still exists, else the default file (created). */
static void
open_default_database (StApplication *self)
{
  g_autofree char *last = NULL;
  g_autofree char *path = NULL;

  if (self->settings != NULL)
    last = g_settings_get_string (self->settings, "last-database");

  if (last != NULL && *last != '\0'
      && (st_store_location_is_server (last) || g_file_test (last, G_FILE_TEST_IS_REGULAR)))
    {
      st_application_open_or_report (self, NULL, last, ST_STORE_OPEN_DEFAULT);
      return;
    }

  path = st_store_default_path ();
  st_application_open_or_report (self, NULL, path, ST_STORE_OPEN_CREATE);
}

/* Money is shown in the currency of the database of the window in front (st-format.h): set
 * when a window opens, comes to the front, or its Preferences change it; the window shows
 * its amounts again when that changed the code. */
static void
sync_currency (StWindow *window)
{
  StStore *store = st_window_get_store (window);
  g_autofree char *code = store != NULL ? st_store_dup_currency (store) : NULL;

  if (g_strcmp0 (code, st_format_get_currency ()) == 0)
    return;
  st_format_set_currency (code);
  st_window_refresh (window);
}

static void
window_active_cb (GtkWindow  *window,
                  GParamSpec *pspec,
                  gpointer    data)
{
  if (gtk_window_is_active (window))
    sync_currency (ST_WINDOW (window));
}

static void
st_application_window_added (GtkApplication *app,
                             GtkWindow      *window)
{
  GTK_APPLICATION_CLASS (st_application_parent_class)->window_added (app, window);

  if (!ST_IS_WINDOW (window))
    return;
  sync_currency (ST_WINDOW (window));
  g_signal_connect (window, "notify::is-active", G_CALLBACK (window_active_cb), NULL);
}

static StWindow *
active_st_window (StApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  /* A dialog may be the active window; its parent is the one that matters. */
  while (window != NULL && !ST_IS_WINDOW (window))
    window = gtk_window_get_transient_for (window);

  return window != NULL ? ST_WINDOW (window) : NULL;
}

static void
st_application_activate (GApplication *app)
{
  StApplication *self = ST_APPLICATION (app);
  StWindow *window = active_st_window (self);

  if (window == NULL)
    {
      for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
        if (ST_IS_WINDOW (l->data))
          {
            window = l->data;
            break;
          }
    }

  if (window != NULL)
    gtk_window_present (GTK_WINDOW (window));
  else
    open_default_database (self);
}

static int
st_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", "SerialTrack", PACKAGE_VERSION);
      return 0;
    }

  return -1;
}

/* Runs in the primary instance, also for a second "serialtrack --db FILE": that file then
 * opens in (or raises) a window of the running instance. */
static int
st_application_command_line (GApplication            *app,
                             GApplicationCommandLine *command_line)
{
  StApplication *self = ST_APPLICATION (app);
  GVariantDict *options;
  const char *db = NULL;

  options = g_application_command_line_get_options_dict (command_line);
  if (g_variant_dict_lookup (options, "db", "^&ay", &db) && db != NULL && *db != '\0'
      && st_store_location_is_server (db))
    {
      st_application_open_or_report (self, GTK_WINDOW (active_st_window (self)), db,
                                     ST_STORE_OPEN_DEFAULT);
      return 0;
    }
  if (db != NULL && *db != '\0')
    {
      g_autoptr(GFile) file = g_application_command_line_create_file_for_arg (command_line, db);
      g_autofree char *path = g_file_get_path (file);

      if (path == NULL)
        {
          g_application_command_line_printerr (command_line,
                                               /* Translators: %s is a location (URI) given
                                                * on the command line */
                                               _("“%s” is not a local file\n"), db);
          return 1;
        }

      /* A name that does not exist yet is a new database, as an editor makes a new file. */
      st_application_open_or_report (self, GTK_WINDOW (active_st_window (self)), path,
                                     g_file_test (path, G_FILE_TEST_EXISTS)
                                     ? ST_STORE_OPEN_DEFAULT : ST_STORE_OPEN_CREATE);
      return 0;
    }

  g_application_activate (app);
  return 0;
}

/* File choosers */

static void
database_chosen_cb (GtkNativeDialog *native,
                    int              response,
                    StApplication   *self)
{
  GtkFileChooserAction action = gtk_file_chooser_get_action (GTK_FILE_CHOOSER (native));
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      path = file != NULL ? g_file_get_path (file) : NULL;
    }

  if (path != NULL)
    st_application_open_or_report (self,
                                   gtk_native_dialog_get_transient_for (native),
                                   path,
                                   action == GTK_FILE_CHOOSER_ACTION_SAVE
                                   ? ST_STORE_OPEN_CREATE : ST_STORE_OPEN_DEFAULT);

  gtk_native_dialog_destroy (native);
  g_object_unref (native);
  g_application_release (G_APPLICATION (self));
}

static void
choose_database (StApplication        *self,
                 GtkFileChooserAction  action)
{
  g_autoptr(GtkFileFilter) databases = NULL;
  g_autoptr(GtkFileFilter) all = NULL;
  GtkFileChooserNative *native;
  gboolean save = action == GTK_FILE_CHOOSER_ACTION_SAVE;

  native = gtk_file_chooser_native_new (save ? _("New Database") : _("Open Database"),
                                        GTK_WINDOW (active_st_window (self)),
                                        action,
                                        save ? _("_Create") : _("_Open"),
                                        _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);

  databases = gtk_file_filter_new ();
  gtk_file_filter_set_name (databases, _("SerialTrack Databases"));
  gtk_file_filter_add_pattern (databases, "*.serialtrack");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), databases);

  all = gtk_file_filter_new ();
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), all);

  if (save)
    /* Translators: the suggested file name of a new database; keep the extension */
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), _("inventory.serialtrack"));

  /* The native dialog is not owned by anyone: it keeps this reference until it answers. */
  g_signal_connect_object (native, "response", G_CALLBACK (database_chosen_cb), self, 0);
  /* A native dialog is no window of the application: without this hold the application
   * quits under it when no window is open (the open-failure dialog has just gone). */
  g_application_hold (G_APPLICATION (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* Backups, through the store's worker: SQLite's online backup is one consistent snapshot,
 * whatever others write meanwhile. */

typedef struct
{
  StWindow *window;
  char     *dest_path;
} Backup;

static void
backup_free (Backup *backup)
{
  g_object_unref (backup->window);
  g_free (backup->dest_path);
  g_free (backup);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Backup, backup_free)

static void
backup_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(Backup) backup = user_data;
  StWindow *window = backup->window;
  g_autoptr(GError) error = NULL;

  if (st_store_backup_finish (ST_STORE (source), result, &error))
    {
      g_autofree char *display = g_filename_display_basename (backup->dest_path);
      /* Translators: %s is a file name */
      g_autofree char *message = g_strdup_printf (_("Backed up to “%s”"), display);

      st_window_show_toast (window, message, NULL);
    }
  else
    {
      GtkWidget *dialog = gtk_message_dialog_new (GTK_WINDOW (window),
                                                  GTK_DIALOG_MODAL
                                                  | GTK_DIALOG_DESTROY_WITH_PARENT,
                                                  GTK_MESSAGE_ERROR, GTK_BUTTONS_CLOSE,
                                                  _("Could not back up the database"));

      gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s",
                                                error->message);
      g_signal_connect (dialog, "response", G_CALLBACK (gtk_window_destroy), NULL);
      gtk_window_present (GTK_WINDOW (dialog));
    }
}

static void
backup_chosen_cb (GtkNativeDialog *native,
                  int              response,
                  StApplication   *self)
{
  StWindow *window = g_object_get_data (G_OBJECT (native), "st-window");
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      path = file != NULL ? g_file_get_path (file) : NULL;
    }

  if (path != NULL)
    {
      Backup *backup = g_new0 (Backup, 1);

      backup->window = g_object_ref (window);
      backup->dest_path = g_steal_pointer (&path);
      /* The file chooser has asked before replacing a file. */
      st_store_backup_async (st_window_get_store (window), backup->dest_path, TRUE, NULL,
                             backup_done_cb, backup);
    }

  gtk_native_dialog_destroy (native);
  g_object_unref (native);
}

static void
backup_action (GSimpleAction *action,
               GVariant      *param,
               gpointer       user_data)
{
  StApplication *self = ST_APPLICATION (user_data);
  StWindow *window = active_st_window (self);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = NULL;
  g_autofree char *base = NULL;
  g_autofree char *name = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(GFile) folder = NULL;
  GtkFileChooserNative *native;
  const char *db_path;

  if (window == NULL)
    return;
  db_path = st_store_get_path (st_window_get_store (window));
  base = g_path_get_basename (db_path);
  dir = g_path_get_dirname (db_path);
  if (g_str_has_suffix (base, ".serialtrack"))
    base[strlen (base) - strlen (".serialtrack")] = '\0';
  date = g_date_time_format (now, "%Y-%m-%d");

  native = gtk_file_chooser_native_new (_("Back Up Database"), GTK_WINDOW (window),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Back Up"),
                                        _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  /* Translators: the suggested name of a backup: %1$s the database's name, %2$s today's
   * date; keep the extension */
  name = g_strdup_printf (_("%1$s-backup-%2$s.serialtrack"), base, date);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
  folder = g_file_new_for_path (dir);
  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (native), folder, NULL);
  g_object_set_data_full (G_OBJECT (native), "st-window", g_object_ref (window), g_object_unref);
  g_signal_connect_object (native, "response", G_CALLBACK (backup_chosen_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* Actions */

static void
new_database_action (GSimpleAction *action,
                     GVariant      *param,
                     gpointer       user_data)
{
  choose_database (ST_APPLICATION (user_data), GTK_FILE_CHOOSER_ACTION_SAVE);
}

static void
open_database_action (GSimpleAction *action,
                      GVariant      *param,
                      gpointer       user_data)
{
  choose_database (ST_APPLICATION (user_data), GTK_FILE_CHOOSER_ACTION_OPEN);
}

static void
connect_server_action (GSimpleAction *action,
                       GVariant      *param,
                       gpointer       user_data)
{
  StApplication *self = ST_APPLICATION (user_data);
  StConnectDialog *dialog;

  dialog = st_connect_dialog_new (GTK_WINDOW (active_st_window (self)), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  StApplication *self = ST_APPLICATION (user_data);
  StWindow *window = active_st_window (self);
  StPreferencesDialog *dialog;

  if (window == NULL)
    return;

  dialog = st_preferences_dialog_new (GTK_WINDOW (window), st_window_get_store (window));
  g_signal_connect_object (dialog, "tracking-changed", G_CALLBACK (st_window_refresh),
                           window, G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "currency-changed", G_CALLBACK (sync_currency),
                           window, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
shortcuts_action (GSimpleAction *action,
                  GVariant      *param,
                  gpointer       user_data)
{
  StWindow *window = active_st_window (ST_APPLICATION (user_data));

  if (window != NULL)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL);
}

static void
about_action (GSimpleAction *action,
              GVariant      *param,
              gpointer       user_data)
{
  const char *developers[] = { _("The SerialTrack authors"), NULL };
  StWindow *window = active_st_window (ST_APPLICATION (user_data));

  gtk_show_about_dialog (GTK_WINDOW (window),
                         "program-name", "SerialTrack",
                         "logo-icon-name", APP_ID,
                         "version", PACKAGE_VERSION,
                         "comments", _("Track serial-numbered units from the bill that "
                                       "brought them in to the invoice that sold them"),
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "authors", developers,
                         /* Translators: your names, one a line */
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  GApplication *app = G_APPLICATION (user_data);
  GList *windows;

  /* Close the windows properly (they remember their size), then quit. */
  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (app)));
  for (GList *l = windows; l; l = l->next)
    gtk_window_close (l->data);
  g_list_free (windows);

  g_application_quit (app);
}

static const GActionEntry app_actions[] = {
  { "new-database", new_database_action },
  { "open-database", open_database_action },
  { "connect-server", connect_server_action },
  { "backup", backup_action },
  { "preferences", preferences_action },
  { "shortcuts", shortcuts_action },
  { "about", about_action },
  { "quit", quit_action },
};

static void
st_application_startup (GApplication *app)
{
  static const struct { const char *action; const char *accels[3]; } accels[] = {
    { "app.new-database", { NULL } },
    { "app.open-database", { "<Control>o", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "app.shortcuts", { "<Control>question", NULL } },
    { "app.quit", { "<Control>q", NULL } },
    { "window.close", { "<Control>w", NULL } },
  };
  StApplication *self = ST_APPLICATION (app);
  GSettingsSchemaSource *source;
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GtkCssProvider) css = NULL;

  G_APPLICATION_CLASS (st_application_parent_class)->startup (app);

  css = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (css, "/org/example/SerialTrack/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self),
                                           accels[i].action, accels[i].accels);

  source = g_settings_schema_source_get_default ();
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema != NULL)
    self->settings = g_settings_new (APP_ID);
  else
    g_message ("The GSettings schema %s is not installed: nothing will be remembered", APP_ID);

  gtk_window_set_default_icon_name (APP_ID);
}

static void
st_application_shutdown (GApplication *app)
{
  StApplication *self = ST_APPLICATION (app);

  G_APPLICATION_CLASS (st_application_parent_class)->shutdown (app);

  g_clear_object (&self->settings);
}

StApplication *
st_application_new (void)
{
  return g_object_new (ST_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_COMMAND_LINE,
                       "resource-base-path", "/org/example/SerialTrack",
                       NULL);
}

static void
st_application_dispose (GObject *object)
{
  StApplication *self = ST_APPLICATION (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (st_application_parent_class)->dispose (object);
}

static void
st_application_class_init (StApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);
  GtkApplicationClass *gtk_app_class = GTK_APPLICATION_CLASS (klass);

  object_class->dispose = st_application_dispose;
  gtk_app_class->window_added = st_application_window_added;

  app_class->startup = st_application_startup;
  app_class->shutdown = st_application_shutdown;
  app_class->activate = st_application_activate;
  app_class->command_line = st_application_command_line;
  app_class->handle_local_options = st_application_handle_local_options;
}

static void
st_application_init (StApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Track serial-numbered inventory."));
}
