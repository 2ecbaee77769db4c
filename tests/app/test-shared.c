/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-shared.c — a window on a database others write to (DESIGN §7): live views on a file
 * the CLI posts to and on a PostgreSQL database, a read-only role, and Connect to Server…
 * with its password prompt, its offer to create an inventory and its recent connections.
 * The PostgreSQL tests need a server in libpq's environment (PGHOST …, as pg_virtualenv sets);
 * without one they are skipped, saying so. */
#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <locale.h>
#include <math.h>
#include <string.h>
#include <unistd.h>

#include "st-application.h"
#include "st-connect-dialog.h"
#include "st-documents-view.h"
#include "st-error.h"
#include "st-item-dialog.h"
#include "st-items-view.h"
#include "st-list-page-private.h"
#include "st-server-location.h"
#include "st-window.h"
#include "st-test-app.h"

/* Bills in the fixture: enough for the Bills list to scroll. */
#define N_BILLS 60
/* The bill selected before somebody else posts. */
#define SELECTED_BILL 30

typedef struct
{
  gboolean  skipped;
  gboolean  postgres;
  char     *dir;
  char     *dbname;      /* on the server */
  char     *location;    /* the file's path, or "dbname=…" */
  char     *warehouse;
  gint64    selected_id; /* of BILL-SELECTED_BILL */
  StWindow *window;
} Fixture;

static StApplication *app;
static guint n_databases;

static gboolean
have_server (void)
{
  return g_getenv ("PGHOST") != NULL || g_getenv ("PGSERVICE") != NULL;
}

/* psql on @dbname as the server's administrator (PGUSER). */
static void
psql (const char *dbname,
      const char *sql)
{
  const char *argv[] = { "psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", dbname, "-c", sql,
                         NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                NULL, NULL, NULL, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("psql -c \"%s\" failed: %s", sql, err);
}

static char *
new_server_database (void)
{
  g_autofree char *sql = NULL;
  char *dbname = g_strdup_printf ("st_app_shared_%d_%u", (int) getpid (), ++n_databases);

  sql = g_strdup_printf ("CREATE DATABASE %s", dbname);
  psql ("postgres", sql);
  return dbname;
}

static void
drop_server_database (const char *dbname)
{
  g_autofree char *sql = g_strdup_printf ("DROP DATABASE IF EXISTS %s WITH (FORCE)", dbname);

  psql ("postgres", sql);
}

/* serialtrack-cli, as another program on the same database. */
static void
run_cli (const char *location,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *cli = g_getenv ("SERIALTRACK_CLI");
  const char *arg;
  int status = 0;
  va_list args;

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (char *) cli);
  g_ptr_array_add (argv, "--db");
  g_ptr_array_add (argv, (char *) location);
  va_start (args, location);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err,
                &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("serialtrack-cli failed: %s%s", out, err);
}

static void
fill (Fixture *f)
{
  StItemSpec spec = { "PHN-1", "Phone One", NULL, 49900, 30000, ST_TRACKING_SERIAL, 12,
                      ST_SERIAL_FORMAT_ANY };
  g_autoptr(GError) error = NULL;
  g_autoptr(StStore) store = NULL;
  g_autoptr(GPtrArray) warehouses = NULL;

  store = st_store_open (f->location, ST_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  st_test_add_item (store, &spec);
  st_test_add_contact (store, ST_CONTACT_VENDOR, "Acme");
  warehouses = st_store_list_warehouses (store, &error);
  g_assert_no_error (error);
  f->warehouse = g_strdup (st_warehouse_get_name (g_ptr_array_index (warehouses, 0)));

  for (guint i = 1; i <= N_BILLS; i++)
    {
      g_autoptr(StDraft) draft = st_draft_new (ST_DOC_BILL);
      g_autoptr(StDocument) bill = NULL;
      g_autofree char *number = g_strdup_printf ("BILL-%03u", i);
      g_autofree char *serial = g_strdup_printf ("SN-%03u", i);
      StDraftLine *line;

      st_draft_set_string (&draft->number, number);
      st_draft_set_string (&draft->date, "2024-03-05");
      st_draft_set_string (&draft->contact, "Acme");
      st_draft_set_string (&draft->warehouse, f->warehouse);
      line = st_draft_add_line (draft, "PHN-1", 1);
      st_draft_line_set_rate (line, 30000);
      st_draft_line_add_serial (line, serial);
      bill = st_store_post (store, draft, &error);
      g_assert_no_error (error);
      if (i == SELECTED_BILL)
        f->selected_id = st_document_get_id (bill);
    }
}

/* data: TRUE for a database on the server, FALSE for a file. */
static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->postgres = GPOINTER_TO_INT (data);
  if (f->postgres && !have_server ())
    {
      f->skipped = TRUE;
      g_test_skip ("No PostgreSQL server: PGHOST is not set (run the suite inside pg_virtualenv)");
      return;
    }

  f->dir = st_test_make_tmp_dir ("st-app-shared-XXXXXX");
  if (f->postgres)
    {
      f->dbname = new_server_database ();
      f->location = g_strdup_printf ("dbname=%s", f->dbname);
    }
  else
    f->location = g_build_filename (f->dir, "shop.serialtrack", NULL);
}

static void
open_window (Fixture    *f,
             const char *location)
{
  f->window = st_test_open_window (app, location);
  g_assert_true (ST_IS_WINDOW (f->window));
  st_test_spin ();
}

/* Our own toplevels and message dialogs: the main windows, or the others. */
static gboolean
is_own_main_window (GObject *window)
{
  return (st_test_is_own_window (window) || GTK_IS_MESSAGE_DIALOG (window))
         && ST_IS_WINDOW (window);
}

static gboolean
is_own_other_window (GObject *window)
{
  return (st_test_is_own_window (window) || GTK_IS_MESSAGE_DIALOG (window))
         && !ST_IS_WINDOW (window);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  st_test_destroy_toplevels_if (is_own_other_window);
  st_test_destroy_toplevels_if (is_own_main_window);

  if (f->dbname != NULL)
    drop_server_database (f->dbname);

  st_test_remove_dir (f->dir);

  g_free (f->dir);
  g_free (f->dbname);
  g_free (f->location);
  g_free (f->warehouse);
}

static GtkAdjustment *
vadjustment (StListPage *page)
{
  return gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (_st_list_page_get_column_view (page)));
}

static gint64
selected_document_id (StListPage *page)
{
  StDocument *document = _st_list_page_get_selected (page);

  return document != NULL ? st_document_get_id (document) : 0;
}

/* Live views */

static void
test_live_view (Fixture       *f,
                gconstpointer  data)
{
  StListPage *bills;
  StListPage *units;
  GtkAdjustment *adjustment;
  guint n_bills, n_units;
  double scrolled;
  gint64 start;

  if (f->skipped)
    return;

  fill (f);
  open_window (f, f->location);
  gtk_window_present (GTK_WINDOW (f->window));

  units = ST_LIST_PAGE (st_window_get_view (f->window, "units"));
  st_window_show_view (f->window, "bills");
  bills = ST_LIST_PAGE (st_window_get_view (f->window, "bills"));
  st_test_wait_ms (200);
  n_bills = g_list_model_get_n_items (G_LIST_MODEL (st_list_page_get_selection (bills)));
  n_units = g_list_model_get_n_items (G_LIST_MODEL (st_list_page_get_selection (units)));
  g_assert_cmpuint (n_bills, ==, N_BILLS);
  g_assert_cmpuint (n_units, ==, N_BILLS);

  /* Somebody looks at a bill halfway down the list. */
  g_assert_true (st_list_page_select_id (bills, f->selected_id));
  adjustment = vadjustment (bills);
  g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment),
                     >, 200);
  gtk_adjustment_set_value (adjustment, 200);
  st_test_wait_ms (200);
  scrolled = gtk_adjustment_get_value (adjustment);
  g_assert_cmpfloat (scrolled, >, 0);

  /* Meanwhile, another program posts a bill. */
  run_cli (f->location, "bill", "post", "--vendor", "Acme", "--number", "BILL-NEW",
           "--warehouse", f->warehouse, "--date", "2024-03-05", "--line", "PHN-1:1:300:SN-NEW",
           NULL);

  start = g_get_monotonic_time ();
  while (g_list_model_get_n_items (G_LIST_MODEL (st_list_page_get_selection (bills))) == n_bills
         && g_get_monotonic_time () - start < 2 * G_USEC_PER_SEC)
    st_test_wait_ms (50);
  g_test_message ("the posting showed after %.2f s",
                  (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (st_list_page_get_selection (bills))),
                    ==, n_bills + 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (st_list_page_get_selection (units))),
                    ==, n_units + 1);
  /* The same bill stays selected, and the list where it was. */
  g_assert_cmpint (selected_document_id (bills), ==, f->selected_id);
  st_test_wait_ms (100);
  g_assert_cmpfloat (fabs (gtk_adjustment_get_value (adjustment) - scrolled), <, 1.0);
}

/* Read-only */

static void
assert_read_only_window (Fixture *f)
{
  GtkWidget *new_button;
  StListPage *bills;

  g_assert_true (st_store_is_read_only (st_window_get_store (f->window)));
  g_assert_true (gtk_info_bar_get_revealed (st_test_template_child (f->window, ST_TYPE_WINDOW,
                                                            "read_only_bar")));

  /* Nothing that writes is offered, neither in the window nor in its views. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-item", NULL);
  st_test_spin ();
  g_assert_null (st_test_find_toplevel (ST_TYPE_ITEM_DIALOG, FALSE));
  g_assert_false (st_window_get_sample_offer (f->window));

  st_window_show_view (f->window, "bills");
  bills = ST_LIST_PAGE (st_window_get_view (f->window, "bills"));
  st_test_wait_ms (100);
  new_button = st_test_template_child (bills, ST_TYPE_DOCUMENTS_VIEW, "new_button");
  g_assert_false (gtk_widget_is_sensitive (new_button));
  g_assert_true (st_list_page_select_id (bills, f->selected_id));
  st_test_spin ();
  gtk_widget_activate_action (GTK_WIDGET (bills), "document.void", NULL);
  st_test_spin ();
  g_assert_null (st_test_find_toplevel (GTK_TYPE_MESSAGE_DIALOG, FALSE));

  /* Reading and looking still work. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (st_list_page_get_selection (bills))),
                    ==, N_BILLS);
}

static void
test_read_only_file (Fixture       *f,
                     gconstpointer  data)
{
  if (getuid () == 0)
    {
      g_test_skip ("Running as root: file permissions do not stop root from writing");
      return;
    }

  fill (f);
  g_assert_cmpint (g_chmod (f->location, 0444), ==, 0);
  g_assert_cmpint (g_chmod (f->dir, 0555), ==, 0);
  open_window (f, f->location);
  assert_read_only_window (f);
  g_chmod (f->dir, 0755);
}

static void
test_read_only_role (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *role = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *location = NULL;

  if (f->skipped)
    return;

  fill (f);
  role = g_strdup_printf ("%s_ro", f->dbname);
  sql = g_strdup_printf ("DROP ROLE IF EXISTS %1$s; CREATE ROLE %1$s LOGIN PASSWORD 'look'; "
                         "GRANT SELECT ON ALL TABLES IN SCHEMA public TO %1$s", role);
  psql (f->dbname, sql);

  location = g_strdup_printf ("dbname=%s user=%s password=look", f->dbname, role);
  open_window (f, location);
  assert_read_only_window (f);

  st_test_destroy_toplevels_if (is_own_main_window);
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("DROP OWNED BY %1$s; DROP ROLE %1$s", role);
  psql (f->dbname, sql);
}

/* Connect to Server… */

static StConnectDialog *
connect_dialog (void)
{
  StConnectDialog *dialog = st_connect_dialog_new (NULL, app);

  gtk_window_present (GTK_WINDOW (dialog));
  st_test_spin ();
  return dialog;
}

static void
set_field (StConnectDialog *dialog,
           const char      *name,
           const char      *text)
{
  gtk_editable_set_text (st_test_template_child (dialog, ST_TYPE_CONNECT_DIALOG, name), text);
}

static const char *
dialog_error (StConnectDialog *dialog)
{
  GtkWidget *label = st_test_template_child (dialog, ST_TYPE_CONNECT_DIALOG, "error_label");

  return gtk_widget_get_visible (label) ? gtk_label_get_text (GTK_LABEL (label)) : NULL;
}

typedef struct
{
  gboolean  done;
  StWindow *window;
} Connected;

static void
connected_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  Connected *connected = data;

  connected->window = st_connect_dialog_connect_finish (ST_CONNECT_DIALOG (source), result);
  connected->done = TRUE;
}

/* The Connect button, and the main loop run until the dialog has the server's answer. */
static StWindow *
connect_and_wait (StConnectDialog *dialog,
                  gboolean         create)
{
  Connected connected = { FALSE, NULL };

  st_connect_dialog_connect_async (dialog, create, connected_cb, &connected);
  st_test_wait_for (&connected.done);
  g_assert_false (st_connect_dialog_is_connecting (dialog));
  return connected.window;
}

static gboolean
not_connecting (gpointer data)
{
  return !st_connect_dialog_is_connecting (data);
}

static void
test_location_parts (void)
{
  StServerLocation parts = { "db.example.com", "5433", "shop inv", "anna@x", "require", 0 };
  g_autofree char *uri = st_server_location_to_uri (&parts);
  g_autofree char *with = NULL;
  g_autofree char *without = NULL;
  g_autofree char *conninfo = NULL;
  g_autofree char *conninfo_without = NULL;
  g_autoptr(StServerLocation) back = NULL;

  g_assert_cmpstr (uri, ==, "postgresql://anna%40x@db.example.com:5433/shop%20inv?sslmode=require");
  back = st_server_location_parse (uri);
  g_assert_nonnull (back);
  g_assert_cmpstr (back->host, ==, "db.example.com");
  g_assert_cmpstr (back->port, ==, "5433");
  g_assert_cmpstr (back->dbname, ==, "shop inv");
  g_assert_cmpstr (back->user, ==, "anna@x");
  g_assert_cmpstr (back->sslmode, ==, "require");

  with = st_server_location_with_password (uri, "p&ss w'rd");
  g_assert_cmpstr (with, ==, "postgresql://anna%40x@db.example.com:5433/shop%20inv"
                             "?sslmode=require&password=p%26ss%20w%27rd");
  without = st_server_location_without_password (with);
  g_assert_cmpstr (without, ==, uri);

  conninfo = st_server_location_with_password ("host=h dbname='my db'", "it's");
  g_assert_cmpstr (conninfo, ==, "host=h dbname='my db' password='it\\'s'");
  conninfo_without = st_server_location_without_password (conninfo);
  g_assert_cmpstr (conninfo_without, ==, "host='h' dbname='my db'");
  g_clear_pointer (&back, st_server_location_free);
  back = st_server_location_parse (conninfo);
  g_assert_cmpstr (back->dbname, ==, "my db");
  g_assert_cmpstr (back->host, ==, "h");

  g_assert_null (st_server_location_parse ("=oops"));
}

static void
test_connect_unreachable (void)
{
  StConnectDialog *dialog = connect_dialog ();
  g_autofree char *location = NULL;
  const char *error;

  set_field (dialog, "host_entry", "127.0.0.1");
  set_field (dialog, "port_entry", "1");
  set_field (dialog, "dbname_entry", "shop");
  set_field (dialog, "user_entry", "anna");
  location = st_connect_dialog_get_location (dialog);
  g_assert_cmpstr (location, ==, "postgresql://anna@127.0.0.1:1/shop?connect_timeout=10");

  g_assert_null (connect_and_wait (dialog, FALSE));
  error = dialog_error (dialog);
  g_assert_nonnull (error);
  /* One line, naming the database and the server. */
  g_assert_null (strchr (error, '\n'));
  g_assert_nonnull (strstr (error, "shop on anna@127.0.0.1:1"));
  g_assert_null (st_test_find_toplevel (ST_TYPE_WINDOW, FALSE));

  /* A port that is no port is said so before anything goes to a server. */
  set_field (dialog, "port_entry", "54x");
  g_assert_null (connect_and_wait (dialog, FALSE));
  g_assert_nonnull (strstr (dialog_error (dialog), "port"));

  st_test_destroy_toplevels_if (is_own_other_window);
}

typedef struct
{
  guint  frames;
  gint64 last;
  gint64 longest;    /* µs between two frames */
} Frames;

static gboolean
count_frame_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       data)
{
  Frames *frames = data;
  gint64 now = g_get_monotonic_time ();

  if (frames->last != 0)
    frames->longest = MAX (frames->longest, now - frames->last);
  frames->last = now;
  frames->frames++;
  return G_SOURCE_CONTINUE;
}

/* A server that takes the connection and never answers (a host gone mid-handshake, a
 * firewall that swallows packets): the window keeps drawing while the dialog waits, a
 * spinner says so, and Cancel stops waiting at once. */
static void
test_connect_stays_live (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSocket) listener = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) any_port = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autofree char *port = NULL;
  Frames frames = { 0, };
  Connected connected = { FALSE, NULL };
  StConnectDialog *dialog;
  guint tick;

  fill (f);
  open_window (f, f->location);

  listener = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP,
                           &error);
  g_assert_no_error (error);
  g_assert_true (g_socket_bind (listener, any_port, TRUE, &error));
  g_assert_true (g_socket_listen (listener, &error));
  bound = g_socket_get_local_address (listener, &error);
  g_assert_no_error (error);
  port = g_strdup_printf ("%u", g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));

  dialog = st_connect_dialog_new (GTK_WINDOW (f->window), app);
  gtk_window_present (GTK_WINDOW (dialog));
  set_field (dialog, "host_entry", "127.0.0.1");
  set_field (dialog, "port_entry", port);
  set_field (dialog, "dbname_entry", "shop");
  set_field (dialog, "user_entry", "anna");
  st_test_spin ();

  tick = gtk_widget_add_tick_callback (GTK_WIDGET (f->window), count_frame_cb, &frames, NULL);
  st_connect_dialog_connect_async (dialog, FALSE, connected_cb, &connected);
  g_assert_true (st_connect_dialog_is_connecting (dialog));
  frames.frames = 0;
  frames.last = g_get_monotonic_time ();
  st_test_wait_ms (1500);
  gtk_widget_remove_tick_callback (GTK_WIDGET (f->window), tick);

  /* Still waiting for the server, and the window drew all along (about 60 frames a second
   * under Xvfb; a blocked main loop draws none). */
  g_assert_false (connected.done);
  g_assert_true (st_connect_dialog_is_connecting (dialog));
  g_test_message ("%u frames in 1.5 s while connecting, longest gap %" G_GINT64_FORMAT " ms",
                  frames.frames, frames.longest / 1000);
  g_assert_cmpuint (frames.frames, >=, 10);
  g_assert_cmpint (frames.longest, <, 500 * 1000);
  g_assert_true (gtk_widget_get_visible (st_test_template_child (dialog, ST_TYPE_CONNECT_DIALOG,
                                                                 "connecting_box")));
  g_assert_false (gtk_widget_get_sensitive (st_test_template_child (dialog,
                                                                    ST_TYPE_CONNECT_DIALOG,
                                                                    "connect_button")));

  /* Cancel stops waiting: the fields are back, nothing opened, no error. */
  gtk_widget_activate (st_test_template_child (dialog, ST_TYPE_CONNECT_DIALOG, "cancel_button"));
  st_test_wait_for (&connected.done);
  g_assert_null (connected.window);
  g_assert_false (st_connect_dialog_is_connecting (dialog));
  g_assert_true (gtk_widget_get_sensitive (st_test_template_child (dialog,
                                                                   ST_TYPE_CONNECT_DIALOG,
                                                                   "connect_button")));
  g_assert_false (gtk_widget_get_visible (st_test_template_child (dialog,
                                                                  ST_TYPE_CONNECT_DIALOG,
                                                                  "connecting_box")));
  g_assert_null (dialog_error (dialog));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));

  /* The abandoned connection fails when the listener goes; the dialog is not told. */
  g_assert_true (g_socket_close (listener, &error));
  st_test_wait_ms (200);
  g_assert_null (dialog_error (dialog));
  g_assert_true (st_test_find_toplevel (ST_TYPE_WINDOW, FALSE) == f->window);

  st_test_destroy_toplevels_if (is_own_other_window);
}

/* --db with a server's address, or the last database on start: a failure opens Connect to
 * Server… with the address in its fields and the reason in it, to correct or retry. */
static void
test_open_server_reports_in_dialog (void)
{
  StConnectDialog *dialog;

  g_assert_null (st_application_open_or_report (app, NULL, "postgresql://anna@127.0.0.1:1/shop",
                                                ST_STORE_OPEN_DEFAULT));
  st_test_spin ();
  dialog = st_test_get_toplevel (ST_TYPE_CONNECT_DIALOG, FALSE);
  st_test_wait_until (not_connecting, dialog);
  st_test_spin ();
  g_assert_null (st_test_find_toplevel (GTK_TYPE_MESSAGE_DIALOG, FALSE));
  g_assert_cmpstr (gtk_editable_get_text (st_test_template_child (dialog, ST_TYPE_CONNECT_DIALOG,
                                                          "dbname_entry")), ==, "shop");
  g_assert_cmpstr (gtk_editable_get_text (st_test_template_child (dialog, ST_TYPE_CONNECT_DIALOG,
                                                          "user_entry")), ==, "anna");
  g_assert_nonnull (strstr (dialog_error (dialog), "shop on anna@127.0.0.1:1"));

  st_test_destroy_toplevels_if (is_own_other_window);
}

static void
test_connect_password (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *saved_password = g_strdup (g_getenv ("PGPASSWORD"));
  g_autofree char *role = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *last = NULL;
  g_auto(GStrv) recent = NULL;
  GSettings *settings = st_application_get_settings (app);
  StConnectDialog *dialog;
  GtkWidget *password;
  StWindow *window;

  if (f->skipped)
    return;

  fill (f);
  role = g_strdup_printf ("%s_clerk", f->dbname);
  sql = g_strdup_printf ("DROP ROLE IF EXISTS %1$s; CREATE ROLE %1$s LOGIN PASSWORD 's3cret'; "
                         "GRANT ALL ON ALL TABLES IN SCHEMA public TO %1$s; "
                         "GRANT ALL ON ALL SEQUENCES IN SCHEMA public TO %1$s", role);
  psql (f->dbname, sql);

  /* The administrator's password from the environment is not the clerk's. */
  g_unsetenv ("PGPASSWORD");

  dialog = connect_dialog ();
  set_field (dialog, "dbname_entry", f->dbname);
  set_field (dialog, "user_entry", role);
  password = st_test_template_child (dialog, ST_TYPE_CONNECT_DIALOG, "password_entry");
  g_assert_false (gtk_widget_get_visible (password));

  g_assert_null (connect_and_wait (dialog, FALSE));
  g_assert_true (gtk_widget_get_visible (password));
  g_assert_nonnull (strstr (dialog_error (dialog), "asks for a password"));

  gtk_editable_set_text (GTK_EDITABLE (password), "wrong");
  g_assert_null (connect_and_wait (dialog, FALSE));
  g_assert_nonnull (dialog_error (dialog));
  g_assert_null (strstr (dialog_error (dialog), "wrong"));

  gtk_editable_set_text (GTK_EDITABLE (password), "s3cret");
  window = connect_and_wait (dialog, FALSE);
  g_assert_true (ST_IS_WINDOW (window));
  g_assert_false (st_store_is_read_only (st_window_get_store (window)));
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (window)), f->dbname));
  g_assert_null (strstr (gtk_window_get_title (GTK_WINDOW (window)), "s3cret"));

  /* Remembered without the password. */
  last = g_settings_get_string (settings, "last-database");
  recent = g_settings_get_strv (settings, "recent-servers");
  g_assert_nonnull (strstr (last, f->dbname));
  g_assert_null (strstr (last, "s3cret"));
  g_assert_cmpstr (recent[0], ==, last);

  /* Offered again, and in this run the password is not asked again. */
  st_test_destroy_toplevels_if (is_own_other_window);
  st_test_destroy_toplevels_if (is_own_main_window);
  dialog = connect_dialog ();
  g_assert_cmpstr (gtk_editable_get_text (st_test_template_child (dialog, ST_TYPE_CONNECT_DIALOG,
                                                          "dbname_entry")), ==, f->dbname);
  window = connect_and_wait (dialog, FALSE);
  g_assert_true (ST_IS_WINDOW (window));

  st_test_destroy_toplevels_if (is_own_other_window);
  st_test_destroy_toplevels_if (is_own_main_window);
  if (saved_password != NULL)
    g_setenv ("PGPASSWORD", saved_password, TRUE);
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("DROP OWNED BY %1$s; DROP ROLE %1$s", role);
  psql (f->dbname, sql);
}

static void
test_connect_empty_database (Fixture       *f,
                             gconstpointer  data)
{
  StConnectDialog *dialog;
  StWindow *window;

  if (f->skipped)
    return;

  dialog = connect_dialog ();
  set_field (dialog, "dbname_entry", f->dbname);
  set_field (dialog, "user_entry", "");
  g_assert_null (connect_and_wait (dialog, FALSE));
  g_assert_nonnull (strstr (dialog_error (dialog), "has no inventory yet"));
  g_assert_true (gtk_widget_get_visible (st_test_template_child (dialog, ST_TYPE_CONNECT_DIALOG,
                                                         "create_button")));

  window = connect_and_wait (dialog, TRUE);
  g_assert_true (ST_IS_WINDOW (window));
  g_assert_true (st_store_is_shared (st_window_get_store (window)));
  g_assert_true (st_store_is_empty (st_window_get_store (window)));
}

static void
test_connect_foreign_database (Fixture       *f,
                               gconstpointer  data)
{
  StConnectDialog *dialog;

  if (f->skipped)
    return;

  psql (f->dbname, "CREATE TABLE invoices (id integer)");
  dialog = connect_dialog ();
  set_field (dialog, "dbname_entry", f->dbname);
  set_field (dialog, "user_entry", "");
  g_assert_null (connect_and_wait (dialog, FALSE));
  g_assert_nonnull (strstr (dialog_error (dialog), "another program"));
  g_assert_false (gtk_widget_get_visible (st_test_template_child (dialog, ST_TYPE_CONNECT_DIALOG,
                                                          "create_button")));
}

int
main (int   argc,
      char *argv[])
{
  app = st_test_app_start (&argc, &argv);
  if (app == NULL)
    return 77;

#define ADD(path, postgres, func) \
  g_test_add (path, Fixture, GINT_TO_POINTER (postgres), fixture_setup, func, fixture_teardown)

  ADD ("/app/shared/live-view/file", FALSE, test_live_view);
  ADD ("/app/shared/live-view/postgres", TRUE, test_live_view);
  ADD ("/app/shared/read-only/file", FALSE, test_read_only_file);
  ADD ("/app/shared/read-only/postgres-role", TRUE, test_read_only_role);
  g_test_add_func ("/app/shared/connect/location-parts", test_location_parts);
  g_test_add_func ("/app/shared/connect/unreachable", test_connect_unreachable);
  g_test_add_func ("/app/shared/connect/open-or-report", test_open_server_reports_in_dialog);
  ADD ("/app/shared/connect/stays-live", FALSE, test_connect_stays_live);
  ADD ("/app/shared/connect/password", TRUE, test_connect_password);
  ADD ("/app/shared/connect/empty-database", TRUE, test_connect_empty_database);
  ADD ("/app/shared/connect/foreign-database", TRUE, test_connect_foreign_database);
#undef ADD

  return st_test_app_run (&app);
}
