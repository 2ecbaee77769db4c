/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <libpq-fe.h>

#include "st-test-pg.h"

gboolean
st_pg_enabled (void)
{
  return g_strcmp0 (g_getenv ("ST_TEST_POSTGRES"), "1") == 0;
}

void
st_pg_require_server (const char *what)
{
  if (!st_pg_enabled ())
    return;
  if (g_getenv ("PGHOST") == NULL && g_getenv ("PGPORT") == NULL)
    {
      g_print ("1..0 # SKIP %s: ST_TEST_POSTGRES=1 but no PostgreSQL server (PGHOST and PGPORT "
               "are unset; run inside pg_virtualenv)\n", what);
      g_printerr ("%s: ST_TEST_POSTGRES=1 but no server: PGHOST and PGPORT are unset\n", what);
      exit (77);
    }
}

void
st_pg_skip_binary (const char *reason)
{
  if (!st_pg_enabled ())
    return;
  g_print ("1..0 # SKIP on PostgreSQL: %s\n", reason);
  g_printerr ("skipped on PostgreSQL: %s\n", reason);
  exit (77);
}

/* Connections of this process, one per conninfo, kept: a psql or pg_dump run costs a
 * process and a connection, and a refusal is checked twice. */
static GHashTable *connections;

static PGconn *
connection (const char *conninfo)
{
  PGconn *conn;

  if (connections == NULL)
    connections = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify) PQfinish);
  conn = g_hash_table_lookup (connections, conninfo);
  if (conn != NULL && PQstatus (conn) == CONNECTION_OK)
    return conn;
  /* New, or broken (the server was restarted): connect again. */
  conn = PQconnectdb (conninfo);
  if (PQstatus (conn) != CONNECTION_OK)
    g_error ("connecting to %s: %s", conninfo, PQerrorMessage (conn));
  PQclear (PQexec (conn, "SET client_min_messages = warning"));
  g_hash_table_replace (connections, g_strdup (conninfo), conn);
  return conn;
}

/* Closes this process's connection to @conninfo (before the database is dropped or copied). */
static void
disconnect (const char *conninfo)
{
  if (connections != NULL)
    g_hash_table_remove (connections, conninfo);
}

char *
st_pg_sql (const char *conninfo,
           const char *sql)
{
  PGconn *conn = connection (conninfo);
  g_autoptr(GString) out = g_string_new (NULL);
  PGresult *result = PQexec (conn, sql);
  ExecStatusType status = PQresultStatus (result);

  if (status == PGRES_FATAL_ERROR && PQstatus (conn) != CONNECTION_OK)
    {
      /* The connection was lost since its last use: once more on a new one. */
      PQclear (result);
      conn = connection (conninfo);
      result = PQexec (conn, sql);
      status = PQresultStatus (result);
    }
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
    g_error ("%s on %s: %s", sql, conninfo, PQerrorMessage (conn));
  for (int r = 0; r < PQntuples (result); r++)
    {
      for (int c = 0; c < PQnfields (result); c++)
        {
          if (c > 0)
            g_string_append_c (out, '\t');
          g_string_append (out, PQgetvalue (result, r, c));
        }
      g_string_append_c (out, '\n');
    }
  PQclear (result);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static GPtrArray *created;

static void
drop_created (void)
{
  for (guint i = 0; created != NULL && i < created->len; i++)
    {
      g_autofree char *sql = g_strdup_printf ("DROP DATABASE IF EXISTS %s WITH (FORCE)",
                                              (char *) g_ptr_array_index (created, i));
      g_autofree char *conninfo = g_strdup_printf ("dbname=%s",
                                                   (char *) g_ptr_array_index (created, i));

      disconnect (conninfo);
      g_free (st_pg_sql ("dbname=postgres", sql));
    }
}

static void
note_created (const char *name)
{
  for (guint i = 0; created != NULL && i < created->len; i++)
    if (g_str_equal (g_ptr_array_index (created, i), name))
      return;
  if (created == NULL)
    {
      created = g_ptr_array_new_with_free_func (g_free);
      atexit (drop_created);
    }
  g_ptr_array_add (created, g_strdup (name));
}

static gboolean
was_created (const char *name)
{
  for (guint i = 0; created != NULL && i < created->len; i++)
    if (g_str_equal (g_ptr_array_index (created, i), name))
      return TRUE;
  return FALSE;
}

const char *
st_pg_dbname (const char *conninfo)
{
  g_assert_true (g_str_has_prefix (conninfo, "dbname="));
  return conninfo + strlen ("dbname=");
}

char *
st_pg_database (const char *tag)
{
  g_autofree char *name = g_strdup_printf ("st_test_%d_%s", (int) getpid (), tag);
  char *conninfo = g_strdup_printf ("dbname=%s", name);

  st_pg_require_server ("this test");
  if (!was_created (name))
    {
      g_autofree char *drop = g_strdup_printf ("DROP DATABASE IF EXISTS %s WITH (FORCE)", name);
      g_autofree char *create = g_strdup_printf ("CREATE DATABASE %s", name);

      disconnect (conninfo);
      g_free (st_pg_sql ("dbname=postgres", drop));
      g_free (st_pg_sql ("dbname=postgres", create));
      note_created (name);
    }
  else
    st_pg_empty (conninfo);
  return conninfo;
}

void
st_pg_drop (const char *conninfo)
{
  g_autofree char *sql = g_strdup_printf ("DROP DATABASE IF EXISTS %s WITH (FORCE)",
                                          st_pg_dbname (conninfo));

  disconnect (conninfo);
  g_free (st_pg_sql ("dbname=postgres", sql));
}

void
st_pg_empty (const char *conninfo)
{
  g_free (st_pg_sql (conninfo, "DROP SCHEMA public CASCADE; CREATE SCHEMA public;"));
}

char *
st_pg_clone (const char *from,
             const char *tag)
{
  g_autofree char *name = g_strdup_printf ("st_test_%d_%s", (int) getpid (), tag);
  g_autofree char *drop = g_strdup_printf ("DROP DATABASE IF EXISTS %s WITH (FORCE)", name);
  g_autofree char *create = g_strdup_printf ("CREATE DATABASE %s TEMPLATE %s", name,
                                             st_pg_dbname (from));

  g_autofree char *to = g_strdup_printf ("dbname=%s", name);

  disconnect (from);
  disconnect (to);
  g_free (st_pg_sql ("dbname=postgres", drop));
  g_free (st_pg_sql ("dbname=postgres", create));
  note_created (name);
  return g_steal_pointer (&to);
}

gboolean
st_pg_initialised (const char *conninfo)
{
  g_autofree char *out = st_pg_sql (conninfo,
                                    "SELECT to_regclass('public.serialtrack_meta') IS NOT NULL");

  return g_str_has_prefix (out, "t");
}

char *
st_pg_dump (const char *conninfo)
{
  /* One psql run (pg_dump costs several times as much, and a refusal is checked twice): for
   * each table of the schema, its row count and the md5 of its rows as text in sorted order,
   * so that neither a table's physical order nor its sequence (which a rolled-back
   * transaction may have advanced) counts as a change.  query_to_xml runs the per-table
   * query. */
  static const char sql[] =
    "SELECT c.relname || ' ' || (xpath('/row/h/text()', query_to_xml(format("
    "  'SELECT count(*) || '' '' || md5(coalesce(string_agg(t::text, E''\\n'' ORDER BY"
    "   t::text), '''')) AS h FROM public.%I t', c.relname), false, true, '')))[1]::text"
    " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
    " WHERE n.nspname = 'public' AND c.relkind = 'r' ORDER BY c.relname";
  g_autofree char *out = st_pg_sql (conninfo, sql);

  return *out == '\0' ? g_strdup ("absent") : g_steal_pointer (&out);
}

char *
st_pg_hash (const char *conninfo)
{
  g_autofree char *dump = st_pg_dump (conninfo);

  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, dump, -1);
}

gboolean
st_pg_is_conninfo (const char *db)
{
  return g_str_has_prefix (db, "postgresql:") || g_str_has_prefix (db, "postgres:")
         || strchr (db, '=') != NULL;
}
