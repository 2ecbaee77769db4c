/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include "st-store.h"
#include "st-window.h"

G_BEGIN_DECLS

#define ST_TYPE_APPLICATION (st_application_get_type ())
G_DECLARE_FINAL_TYPE (StApplication, st_application, ST, APPLICATION, GtkApplication)

/* The answers of the dialog st_application_open_or_report shows besides Close: a file
 * chooser for a new database, or for another existing one. */
enum
{
  ST_APPLICATION_RESPONSE_CREATE = 1,
  ST_APPLICATION_RESPONSE_OPEN   = 2,
};

StApplication *st_application_new             (void);
/* The app's settings, or NULL when the GSettings schema is not installed (an uninstalled
 * build run without GSETTINGS_SCHEMA_DIR): the app then works without remembering. */
GSettings     *st_application_get_settings    (StApplication     *self);
/* Opens the database at @path in a new window, or presents the window that already shows
 * it.  On failure the file is left untouched and @error says why. */
StWindow      *st_application_open_database   (StApplication     *self,
                                               const char        *path,
                                               StStoreOpenFlags   flags,
                                               GError           **error);
/* The same without blocking the windows: the database (a server's, which may take until
 * libpq's connect_timeout to answer) is opened in a thread (st_store_open_async()). */
void           st_application_open_database_async  (StApplication       *self,
                                                    const char          *path,
                                                    StStoreOpenFlags     flags,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
/* The window (the application's), or NULL with @error set. */
StWindow      *st_application_open_database_finish (StApplication       *self,
                                                    GAsyncResult        *result,
                                                    GError             **error);
/* The same, telling the user in a dialog (over @parent, may be NULL) when it fails.  A
 * server's database is opened from Connect to Server…, which shows the connection going on
 * and its outcome: NULL is returned then, and the window comes when the server answers. */
StWindow      *st_application_open_or_report  (StApplication     *self,
                                               GtkWindow         *parent,
                                               const char        *path,
                                               StStoreOpenFlags   flags);

G_END_DECLS
