/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-server-location.h — building and taking apart the address of a database on a PostgreSQL
 * server (a libpq URI or "key=value" string), and keeping its password out of what is
 * remembered. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The parts of a server address; NULL or "" where libpq's default applies. */
typedef struct
{
  char *host;
  char *port;
  char *dbname;
  char *user;
  char *sslmode;
  guint connect_timeout;   /* seconds; 0: libpq's default (wait for ever) */
} StServerLocation;

void              st_server_location_free             (StServerLocation       *self);
/* postgresql://user@host:port/dbname?sslmode=MODE&connect_timeout=N, every part
 * percent-encoded, empty parts left out (libpq's defaults).  No password. */
char             *st_server_location_to_uri           (const StServerLocation *self);
/* The parts of @location (a postgresql:// URI or a "key=value" string), or NULL when it is
 * neither. */
StServerLocation *st_server_location_parse            (const char             *location);
/* @location with @password added, for libpq only: never show or remember the result. */
char             *st_server_location_with_password    (const char             *location,
                                                       const char             *password);
/* @location without any password in it, fit to remember. */
char             *st_server_location_without_password (const char             *location);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StServerLocation, st_server_location_free)

G_END_DECLS
