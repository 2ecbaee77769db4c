/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "st-connect-dialog"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "st-connect-dialog.h"
#include "st-error.h"
#include "st-server-location.h"

/* Seconds libpq waits for a server that does not answer, instead of for ever. */
#define CONNECT_TIMEOUT 10

/* The encryption choices, in the drop-down's order: libpq's sslmode. */
static const char * const sslmodes[] = { NULL, "require", "verify-full", "disable" };

struct _StConnectDialog
{
  GtkWindow       parent_instance;

  /* Template widgets */
  GtkWidget      *recent_label;
  GtkDropDown    *recent_dropdown;
  GtkEntry       *host_entry;
  GtkEntry       *port_entry;
  GtkEntry       *dbname_entry;
  GtkEntry       *user_entry;
  GtkDropDown    *sslmode_dropdown;
  GtkWidget      *password_label;
  GtkWidget      *password_entry;
  GtkLabel       *error_label;
  GtkWidget      *create_button;
  GtkWidget      *fields;
  GtkWidget      *connect_button;
  GtkWidget      *cancel_button;
  GtkWidget      *connecting_box;
  GtkSpinner     *connecting_spinner;
  GtkLabel       *connecting_label;

  /* Owned */
  GStrv           recent;     /* the remembered addresses, newest first */
  GCancellable   *connecting; /* while a connection is being made */
};

/* One connection being made: the address as shown and remembered, and the password typed. */
typedef struct
{
  char *location;
  char *password;
  char *display;
} Attempt;

static void
attempt_free (Attempt *attempt)
{
  g_free (attempt->location);
  if (attempt->password != NULL)
    memset (attempt->password, 0, strlen (attempt->password));
  g_free (attempt->password);
  g_free (attempt->display);
  g_free (attempt);
}

G_DEFINE_FINAL_TYPE (StConnectDialog, st_connect_dialog, GTK_TYPE_WINDOW)

/* Passwords typed in this run, by the address they open (without its password): asked once
 * per run, never written anywhere. */
static GHashTable *passwords;

static const char *
remembered_password (const char *location)
{
  return passwords != NULL ? g_hash_table_lookup (passwords, location) : NULL;
}

static void
remember_password (const char *location,
                   const char *password)
{
  if (passwords == NULL)
    passwords = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_hash_table_replace (passwords, g_strdup (location), g_strdup (password));
}

static StApplication *
application (StConnectDialog *self)
{
  return ST_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
}

static const char *
entry_text (GtkEntry *entry)
{
  return gtk_editable_get_text (GTK_EDITABLE (entry));
}

static void
set_entry_text (GtkEntry   *entry,
                const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), text != NULL ? text : "");
}

static void
show_error (StConnectDialog *self,
            const char      *message,
            gboolean         offer_create)
{
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
  gtk_widget_set_visible (self->create_button, offer_create);
}

void
st_connect_dialog_set_location (StConnectDialog *self,
                                const char      *location)
{
  g_autoptr(StServerLocation) parts = NULL;
  guint sslmode = 0;

  g_return_if_fail (ST_IS_CONNECT_DIALOG (self));
  g_return_if_fail (location != NULL);

  parts = st_server_location_parse (location);
  if (parts == NULL)
    return;

  set_entry_text (self->host_entry, parts->host);
  set_entry_text (self->port_entry, parts->port);
  set_entry_text (self->dbname_entry, parts->dbname);
  set_entry_text (self->user_entry, parts->user);
  for (guint i = 1; i < G_N_ELEMENTS (sslmodes); i++)
    if (g_strcmp0 (parts->sslmode, sslmodes[i]) == 0)
      sslmode = i;
  gtk_drop_down_set_selected (self->sslmode_dropdown, sslmode);
  show_error (self, NULL, FALSE);
}

char *
st_connect_dialog_get_location (StConnectDialog *self)
{
  g_autofree char *host = NULL;
  g_autofree char *port = NULL;
  g_autofree char *dbname = NULL;
  g_autofree char *user = NULL;
  guint sslmode;
  StServerLocation parts = { NULL, };

  g_return_val_if_fail (ST_IS_CONNECT_DIALOG (self), NULL);

  host = g_strstrip (g_strdup (entry_text (self->host_entry)));
  port = g_strstrip (g_strdup (entry_text (self->port_entry)));
  dbname = g_strstrip (g_strdup (entry_text (self->dbname_entry)));
  user = g_strstrip (g_strdup (entry_text (self->user_entry)));
  sslmode = gtk_drop_down_get_selected (self->sslmode_dropdown);

  parts.host = host;
  parts.port = port;
  parts.dbname = dbname;
  parts.user = user;
  parts.sslmode = sslmode < G_N_ELEMENTS (sslmodes) ? (char *) sslmodes[sslmode] : NULL;
  parts.connect_timeout = CONNECT_TIMEOUT;

  return st_server_location_to_uri (&parts);
}

void
st_connect_dialog_show_error (StConnectDialog *self,
                              const char      *message)
{
  g_return_if_fail (ST_IS_CONNECT_DIALOG (self));

  show_error (self, message, FALSE);
}

void
st_connect_dialog_ask_password (StConnectDialog *self,
                                const char      *message)
{
  g_return_if_fail (ST_IS_CONNECT_DIALOG (self));

  gtk_widget_set_visible (self->password_label, TRUE);
  gtk_widget_set_visible (self->password_entry, TRUE);
  show_error (self, message, FALSE);
  gtk_widget_grab_focus (self->password_entry);
}

/* The fields, checked before anything goes to the server. */
static gboolean
fields_valid (StConnectDialog *self)
{
  const char *port = entry_text (self->port_entry);
  g_autofree char *dbname = g_strstrip (g_strdup (entry_text (self->dbname_entry)));
  guint64 number;

  if (*dbname == '\0')
    {
      show_error (self, _("Enter the name of the database on the server."), FALSE);
      gtk_widget_grab_focus (GTK_WIDGET (self->dbname_entry));
      return FALSE;
    }

  if (*port != '\0'
      && (!g_ascii_string_to_unsigned (port, 10, 1, 65535, &number, NULL)))
    {
      show_error (self, _("The port is a number from 1 to 65535, or empty for the usual one."),
                  FALSE);
      gtk_widget_grab_focus (GTK_WIDGET (self->port_entry));
      return FALSE;
    }

  return TRUE;
}

/* While a connection is being made the fields wait, a spinner says so, and Cancel stops
 * waiting. */
static void
set_connecting (StConnectDialog *self,
                const char      *display)
{
  gboolean connecting = display != NULL;

  if (connecting)
    {
      g_autofree char *text = NULL;

      /* Translators: %s names a database and its server, like “inventory on shop@server” */
      text = g_strdup_printf (_("Connecting to %s…"), display);
      gtk_label_set_text (self->connecting_label, text);
      /* Out of the fields before they wait (a focused entry made insensitive misses its
       * focus-out), onto what can be done now. */
      gtk_widget_grab_focus (self->cancel_button);
    }
  gtk_widget_set_visible (self->connecting_box, connecting);
  gtk_spinner_set_spinning (self->connecting_spinner, connecting);
  gtk_widget_set_sensitive (self->fields, !connecting);
  gtk_widget_set_sensitive (self->connect_button, !connecting);
  if (!connecting)
    g_clear_object (&self->connecting);
}

gboolean
st_connect_dialog_is_connecting (StConnectDialog *self)
{
  g_return_val_if_fail (ST_IS_CONNECT_DIALOG (self), FALSE);

  return self->connecting != NULL;
}

static void
opened_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  g_autoptr(GTask) task = data;
  StConnectDialog *self = g_task_get_source_object (task);
  Attempt *attempt = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  StWindow *window;

  window = st_application_open_database_finish (ST_APPLICATION (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      /* Cancelled, or the dialog closed: nothing to show. */
      g_task_return_pointer (task, NULL, NULL);
      return;
    }
  set_connecting (self, NULL);

  if (window != NULL)
    {
      if (attempt->password != NULL && *attempt->password != '\0')
        remember_password (attempt->location, attempt->password);
      g_task_return_pointer (task, window, NULL);
      return;
    }

  if (g_error_matches (error, ST_ERROR, ST_ERROR_PASSWORD))
    {
      g_autofree char *message = NULL;

      /* Translators: %s names a database and its server, like “inventory on shop@server” */
      message = g_strdup_printf (_("The server of %s asks for a password."), attempt->display);
      st_connect_dialog_ask_password (self, message);
    }
  else if (g_error_matches (error, ST_ERROR, ST_ERROR_NOT_FOUND))
    {
      g_autofree char *message = NULL;

      /* Translators: %s names a database and its server, like “inventory on shop@server” */
      message = g_strdup_printf (_("%s has no inventory yet."), attempt->display);
      show_error (self, message, TRUE);
    }
  else
    {
      g_message ("Cannot open %s: %s", attempt->display, error->message);
      show_error (self, error->message, FALSE);
      /* A wrong password is the likeliest reason once one was typed. */
      if (gtk_widget_get_visible (self->password_entry))
        gtk_widget_grab_focus (self->password_entry);
    }
  g_task_return_pointer (task, NULL, NULL);
}

/* Opens @with_password (@location with the password, if any, that goes with it). */
static void
start (StConnectDialog *self,
       GTask           *task,
       const char      *location,
       const char      *with_password,
       const char      *password,
       StStoreOpenFlags flags)
{
  Attempt *attempt = g_new0 (Attempt, 1);

  attempt->location = g_strdup (location);
  attempt->password = g_strdup (password);
  attempt->display = st_store_location_display (location);
  g_task_set_task_data (task, attempt, (GDestroyNotify) attempt_free);

  if (self->connecting != NULL)
    g_cancellable_cancel (self->connecting);
  g_clear_object (&self->connecting);
  self->connecting = g_cancellable_new ();
  set_connecting (self, attempt->display);
  st_application_open_database_async (application (self), with_password, flags,
                                      self->connecting, opened_cb, task);
}

void
st_connect_dialog_connect_async (StConnectDialog     *self,
                                 gboolean             create,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *location = NULL;
  g_autofree char *with_password = NULL;
  const char *password;

  g_return_if_fail (ST_IS_CONNECT_DIALOG (self));

  task = g_task_new (self, NULL, callback, user_data);
  g_task_set_source_tag (task, st_connect_dialog_connect_async);

  show_error (self, NULL, FALSE);
  if (!fields_valid (self))
    {
      g_task_return_pointer (task, NULL, NULL);
      return;
    }

  location = st_connect_dialog_get_location (self);
  password = gtk_editable_get_text (GTK_EDITABLE (self->password_entry));
  if (*password == '\0' || !gtk_widget_get_visible (self->password_entry))
    password = remembered_password (location);
  with_password = st_server_location_with_password (location, password);

  start (self, g_steal_pointer (&task), location, with_password, password,
         create ? ST_STORE_OPEN_CREATE : ST_STORE_OPEN_DEFAULT);
}

StWindow *
st_connect_dialog_connect_finish (StConnectDialog  *self,
                                  GAsyncResult     *result)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), NULL);
}

/* Closes the dialog once its window is open. */
static void
connected_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  StConnectDialog *self = ST_CONNECT_DIALOG (source);

  if (st_connect_dialog_connect_finish (self, result) != NULL)
    gtk_window_destroy (GTK_WINDOW (self));
}

void
st_connect_dialog_open_location (StConnectDialog  *self,
                                 const char       *location,
                                 StStoreOpenFlags  flags)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *without = NULL;

  g_return_if_fail (ST_IS_CONNECT_DIALOG (self));
  g_return_if_fail (location != NULL);

  task = g_task_new (self, NULL, connected_cb, NULL);
  g_task_set_source_tag (task, st_connect_dialog_connect_async);
  without = st_server_location_without_password (location);
  start (self, g_steal_pointer (&task), without != NULL ? without : location, location, NULL,
         flags);
}

static void
connect_clicked_cb (StConnectDialog *self)
{
  st_connect_dialog_connect_async (self, FALSE, connected_cb, NULL);
}

static void
cancel_clicked_cb (StConnectDialog *self)
{
  /* The first Cancel stops waiting for the server; the dialog stays, to correct the address. */
  if (self->connecting != NULL)
    {
      g_cancellable_cancel (self->connecting);
      set_connecting (self, NULL);
      return;
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
create_confirmed_cb (StConnectDialog *self,
                     int              response,
                     GtkDialog       *confirm)
{
  gtk_window_destroy (GTK_WINDOW (confirm));

  if (response == GTK_RESPONSE_ACCEPT)
    st_connect_dialog_connect_async (self, TRUE, connected_cb, NULL);
}

static void
create_clicked_cb (StConnectDialog *self)
{
  g_autofree char *location = st_connect_dialog_get_location (self);
  g_autofree char *display = st_store_location_display (location);
  GtkWidget *confirm;

  confirm = gtk_message_dialog_new (GTK_WINDOW (self),
                                    GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                    GTK_MESSAGE_QUESTION,
                                    GTK_BUTTONS_NONE,
                                    /* Translators: %s names a database and its server */
                                    _("Create a new inventory in %s?"),
                                    display);
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (confirm), "%s",
                                            _("Everyone who connects to this database will "
                                              "share it. To move a desk's file there, use "
                                              "“serialtrack-cli copy” instead."));
  gtk_dialog_add_buttons (GTK_DIALOG (confirm),
                          _("_Cancel"), GTK_RESPONSE_CANCEL,
                          _("C_reate"), GTK_RESPONSE_ACCEPT,
                          NULL);
  gtk_dialog_set_default_response (GTK_DIALOG (confirm), GTK_RESPONSE_CANCEL);
  g_signal_connect_object (confirm, "response", G_CALLBACK (create_confirmed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (confirm));
}

static void
recent_selected_cb (StConnectDialog *self)
{
  guint selected = gtk_drop_down_get_selected (self->recent_dropdown);

  /* The first entry is "New Connection": it leaves the fields as they are. */
  if (self->recent == NULL || selected == 0 || selected == GTK_INVALID_LIST_POSITION
      || selected > g_strv_length (self->recent))
    return;

  st_connect_dialog_set_location (self, self->recent[selected - 1]);
  gtk_widget_set_visible (self->password_label, FALSE);
  gtk_widget_set_visible (self->password_entry, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->password_entry), "");
}

static void
load_recent (StConnectDialog *self)
{
  GSettings *settings = st_application_get_settings (application (self));
  g_autoptr(GtkStringList) list = NULL;

  g_clear_pointer (&self->recent, g_strfreev);
  if (settings != NULL)
    self->recent = g_settings_get_strv (settings, "recent-servers");

  list = gtk_string_list_new (NULL);
  /* Translators: the first choice of the recent connections: type a new one */
  gtk_string_list_append (list, _("New Connection"));
  for (guint i = 0; self->recent != NULL && self->recent[i] != NULL; i++)
    {
      g_autofree char *display = st_store_location_display (self->recent[i]);

      gtk_string_list_append (list, display);
    }
  gtk_drop_down_set_model (self->recent_dropdown, G_LIST_MODEL (list));
  gtk_drop_down_set_selected (self->recent_dropdown, 0);

  gtk_widget_set_visible (self->recent_label, self->recent != NULL && self->recent[0] != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->recent_dropdown),
                          self->recent != NULL && self->recent[0] != NULL);

  /* The last connection is the likeliest next one (choosing it fills the fields). */
  if (self->recent != NULL && self->recent[0] != NULL)
    gtk_drop_down_set_selected (self->recent_dropdown, 1);
}

StConnectDialog *
st_connect_dialog_new (GtkWindow     *parent,
                       StApplication *application)
{
  StConnectDialog *self;

  g_return_val_if_fail (ST_IS_APPLICATION (application), NULL);

  self = g_object_new (ST_TYPE_CONNECT_DIALOG,
                       "transient-for", parent,
                       "application", application,
                       NULL);
  load_recent (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->host_entry));

  return self;
}

static void
st_connect_dialog_dispose (GObject *object)
{
  StConnectDialog *self = ST_CONNECT_DIALOG (object);

  if (self->connecting != NULL)
    g_cancellable_cancel (self->connecting);
  g_clear_object (&self->connecting);
  gtk_widget_dispose_template (GTK_WIDGET (self), ST_TYPE_CONNECT_DIALOG);
  g_clear_pointer (&self->recent, g_strfreev);

  G_OBJECT_CLASS (st_connect_dialog_parent_class)->dispose (object);
}

static void
st_connect_dialog_class_init (StConnectDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = st_connect_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/SerialTrack/st-connect-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, StConnectDialog, recent_label);
  gtk_widget_class_bind_template_child (widget_class, StConnectDialog, recent_dropdown);
  gtk_widget_class_bind_template_child (widget_class, StConnectDialog, host_entry);
  gtk_widget_class_bind_template_child (widget_class, StConnectDialog, port_entry);
  gtk_widget_class_bind_template_child (widget_class, StConnectDialog, dbname_entry);
  gtk_widget_class_bind_template_child (widget_class, StConnectDialog, user_entry);
  gtk_widget_class_bind_template_child (widget_class, StConnectDialog, sslmode_dropdown);
  gtk_widget_class_bind_template_child (widget_class, StConnectDialog, password_label);
  gtk_widget_class_bind_template_child (widget_class, StConnectDialog, password_entry);
  gtk_widget_class_bind_template_child (widget_class, StConnectDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, StConnectDialog, create_button);
  gtk_widget_class_bind_template_child (widget_class, StConnectDialog, fields);
  gtk_widget_class_bind_template_child (widget_class, StConnectDialog, connect_button);
  gtk_widget_class_bind_template_child (widget_class, StConnectDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, StConnectDialog, connecting_box);
  gtk_widget_class_bind_template_child (widget_class, StConnectDialog, connecting_spinner);
  gtk_widget_class_bind_template_child (widget_class, StConnectDialog, connecting_label);
  gtk_widget_class_bind_template_callback (widget_class, connect_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, create_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, recent_selected_cb);
}

static void
st_connect_dialog_init (StConnectDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Empty fields are libpq's defaults: say which. */
  if (g_getenv ("PGPORT") != NULL)
    gtk_entry_set_placeholder_text (self->port_entry, g_getenv ("PGPORT"));
  gtk_entry_set_placeholder_text (self->user_entry, g_getenv ("PGUSER") != NULL
                                                    ? g_getenv ("PGUSER") : g_get_user_name ());
  gtk_widget_set_visible (self->password_label, FALSE);
  gtk_widget_set_visible (self->password_entry, FALSE);
}
