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
/* The same, telling the user in a dialog (over @parent, may be NULL) when it fails. */
StWindow      *st_application_open_or_report  (StApplication     *self,
                                               GtkWindow         *parent,
                                               const char        *path,
                                               StStoreOpenFlags   flags);

G_END_DECLS
