/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-store-copy.c — copying a whole database into an empty one of either kind: a desk's file to
 * the shop's server, the server back to a file, and a server's backup (a SQLite snapshot).
 * Every row keeps its id; the source is read in one snapshot, the target written in one
 * transaction, then checked. */
#define G_LOG_DOMAIN "st-store-copy"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "st-db-sqlite.h"
#include "st-error.h"
#include "st-schema.h"
#include "st-store-private.h"

/* Copies one table's rows, in the order of its first column (its key: parents before the
 * rows that refer to them). */
static gboolean
copy_table (StDb        *source,
            StDb        *target,
            const char  *table,
            gint64      *n_rows,
            GError     **error)
{
  g_autofree char *select = g_strdup_printf ("SELECT * FROM %s ORDER BY 1", table);
  g_autoptr(StStmt) from = st_db_prepare (source, select, error);
  g_autoptr(GPtrArray) columns = NULL;
  g_autofree const char **values = NULL;
  gboolean copying = FALSE;
  gint64 copied;
  int rc;

  if (from == NULL)
    return FALSE;
  st_stmt_set_streaming (from);
  while ((rc = st_stmt_step (from, error)) == ST_STEP_ROW)
    {
      int n = st_stmt_column_count (from);

      if (!copying)
        {
          columns = g_ptr_array_new ();
          for (int i = 0; i < n; i++)
            g_ptr_array_add (columns, (char *) st_stmt_column_name (from, i));
          g_ptr_array_add (columns, NULL);
          values = g_new0 (const char *, n + 1);
          if (!st_db_copy_begin (target, table, (const char * const *) columns->pdata, error))
            return FALSE;
          copying = TRUE;
        }
      for (int i = 0; i < n; i++)
        values[i] = st_stmt_column_text (from, i);
      if (!st_db_copy_row (target, values, error))
        {
          st_db_copy_end (target, FALSE, NULL);
          return FALSE;
        }
    }
  if (!copying)
    return rc == ST_STEP_DONE;
  copied = st_db_copy_end (target, rc == ST_STEP_DONE, rc == ST_STEP_DONE ? error : NULL);
  if (rc != ST_STEP_DONE || copied < 0)
    return FALSE;
  *n_rows += copied;
  return TRUE;
}

/* After rows came in with their ids, a server's id sequences go on from the largest. */
static gboolean
advance_sequences (StDb    *target,
                   GError **error)
{
  const char * const *tables = _st_schema_tables ();

  if (st_db_get_dialect (target) != ST_DB_DIALECT_POSTGRES)
    return TRUE;
  for (gsize i = 0; tables[i] != NULL; i++)
    {
      g_autofree char *sql = NULL;

      if (g_str_equal (tables[i], "settings") || g_str_equal (tables[i], "stock"))
        continue;
      sql = g_strdup_printf ("SELECT setval (pg_get_serial_sequence ('%s', 'id'),"
                             " coalesce ((SELECT max (id) FROM %s), 0) + 1, false)",
                             tables[i], tables[i]);
      if (!st_db_exec (target, sql, error))
        return FALSE;
    }
  return TRUE;
}

/* Copies everything of @self into @target, a database without a schema yet. */
static gboolean
copy_into (StStore  *self,
           StDb     *target,
           GError  **error)
{
  StDb *source = _st_store_get_db (self);
  const char * const *tables = _st_schema_tables ();
  g_autofree char *schema = _st_schema_create_sql (st_db_get_dialect (target));
  gboolean own_snapshot = !st_db_in_transaction (source);
  gint64 n_rows = 0;

  if (own_snapshot && !st_db_begin_read (source, error))
    return FALSE;
  if (!st_db_begin_write (target, error))
    goto fail;
  if (!st_db_exec (target, schema, error)
      || !st_db_write_version (target, ST_SCHEMA_VERSION, error)
      /* The new schema's own settings row comes from the source. */
      || !st_db_exec (target, "DELETE FROM settings", error))
    goto fail;
  for (gsize i = 0; tables[i] != NULL; i++)
    if (!copy_table (source, target, tables[i], &n_rows, error))
      goto fail;
  if (!advance_sequences (target, error) || !st_db_commit (target, error))
    goto fail;
  if (own_snapshot)
    st_db_commit (source, NULL);
  g_debug ("Copied %" G_GINT64_FORMAT " rows", n_rows);
  return st_db_ready (target, error);

fail:
  st_db_rollback (target);
  if (own_snapshot)
    st_db_rollback (source);
  return FALSE;
}

gboolean
_st_store_copy_to_new_file (StStore     *self,
                            const char  *path,
                            GError     **error)
{
  g_autoptr(StDb) target = st_db_open (path, TRUE, error);

  if (target == NULL)
    return FALSE;
  if (!copy_into (self, target, error))
    {
      st_db_discard (target);
      return FALSE;
    }
  return TRUE;
}

StCheckReport *
st_store_copy (StStore     *self,
               const char  *target,
               gboolean     force,
               GError     **error)
{
  g_autoptr(StDb) db = NULL;
  g_autoptr(StStore) copy = NULL;
  g_autofree char *display = NULL;

  g_return_val_if_fail (ST_IS_STORE (self), NULL);
  g_return_val_if_fail (target != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  display = st_db_location_display (target);
  if (g_strcmp0 (target, st_store_get_path (self)) == 0)
    {
      g_set_error (error, ST_ERROR, ST_ERROR_INVALID_INPUT,
                   /* Translators: %s names a database (a file, or a database on a server) */
                   _("%s is the database itself; choose another target"), display);
      return NULL;
    }
  if (!st_db_location_is_server (target) && g_file_test (target, G_FILE_TEST_EXISTS))
    {
      if (!force)
        {
          g_set_error (error, ST_ERROR, ST_ERROR_DUPLICATE,
                       /* Translators: %s is a file name */
                       _("“%s” already exists; choose another name or allow overwriting"),
                       display);
          return NULL;
        }
      if (st_store_file_in_use (target))
        {
          g_set_error (error, ST_ERROR, ST_ERROR_BUSY,
                       /* Translators: %s is a file name */
                       _("“%s” is open in another program; close it first"), display);
          return NULL;
        }
    }
  if (!st_db_location_is_server (target))
    {
      /* A file: written beside, checked, then renamed over the target. */
      g_autofree char *tmp = _st_store_temp_path_beside (target, error);
      g_autoptr(StCheckReport) report = NULL;

      if (tmp == NULL || !_st_store_copy_to_new_file (self, tmp, error))
        return NULL;
      copy = st_store_open (tmp, ST_STORE_OPEN_DEFAULT, error);
      report = copy != NULL ? st_store_check (copy, error) : NULL;
      g_clear_object (&copy);
      if (report == NULL || g_rename (tmp, target) != 0)
        {
          int saved = errno;

          if (report != NULL)
            g_set_error (error, ST_ERROR, ST_ERROR_IO,
                         /* Translators: %1$s is a file name, %2$s the system's reason */
                         _("Cannot write “%1$s”: %2$s"), display, g_strerror (saved));
          st_db_sqlite_delete_file (tmp);
          return NULL;
        }
      return g_steal_pointer (&report);
    }

  db = st_db_open (target, TRUE, error);
  if (db == NULL)
    return NULL;
  if (!st_db_needs_schema (db))
    {
      g_set_error (error, ST_ERROR, ST_ERROR_DUPLICATE,
                   /* Translators: %s names a database on a server */
                   _("%s holds an inventory already; copy into an empty database"), display);
      return NULL;
    }
  if (!copy_into (self, db, error))
    return NULL;
  g_clear_object (&db);
  copy = st_store_open (target, ST_STORE_OPEN_DEFAULT, error);
  if (copy == NULL)
    return NULL;
  return st_store_check (copy, error);
}
