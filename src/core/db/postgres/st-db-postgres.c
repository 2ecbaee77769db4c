/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"
#include <glib/gi18n.h>
#include "st-error.h"
#include "st-db-private.h"
StDb *
_st_db_postgres_open (const char  *conninfo,
                      GError     **error)
{
  g_set_error (error, ST_ERROR, ST_ERROR_IO, "not yet");
  return NULL;
}
char *
_st_db_postgres_display (const char *conninfo)
{
  return g_strdup (conninfo);
}
