/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-db.c — the storage driver interface's base class: the statement cache, and each call
 * passed on to the driver. */
#define G_LOG_DOMAIN "st-db"

#include "config.h"

#include <string.h>

#include "st-db-private.h"

typedef struct
{
  char       *location;
  GHashTable *statements;   /* SQL text -> StStmt*, owned */
  gboolean    needs_schema;
} StDbPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (StDb, st_db, G_TYPE_OBJECT)

StDbValue *
st_db_value_copy (const StDbValue *value)
{
  StDbValue *copy;

  if (value == NULL)
    return NULL;
  copy = g_new (StDbValue, 1);
  *copy = *value;
  copy->text = g_strdup (value->text);
  return copy;
}

void
st_db_value_free (StDbValue *value)
{
  if (value == NULL)
    return;
  g_free (value->text);
  g_free (value);
}

gboolean
st_db_location_is_server (const char *location)
{
  static const char * const keys[] = { "host=", "hostaddr=", "dbname=", "service=", "port=",
                                       "user=" };

  g_return_val_if_fail (location != NULL, FALSE);
  if (g_str_has_prefix (location, "postgresql://") || g_str_has_prefix (location, "postgres://"))
    return TRUE;
  /* A libpq "key=value …" string: it starts with one of libpq's keywords. */
  while (g_ascii_isspace (*location))
    location++;
  for (gsize i = 0; i < G_N_ELEMENTS (keys); i++)
    if (g_str_has_prefix (location, keys[i]))
      return TRUE;
  return FALSE;
}

char *
st_db_location_display (const char *location)
{
  if (st_db_location_is_server (location))
    return _st_db_postgres_display (location);
  return g_filename_display_name (location);
}

StDb *
st_db_open (const char  *location,
            gboolean     create,
            GError     **error)
{
  g_return_val_if_fail (location != NULL, NULL);

  if (st_db_location_is_server (location))
    return _st_db_postgres_open (location, create, error);
  return _st_db_sqlite_open (location, create, error);
}

void
_st_db_set_location (StDb       *self,
                     const char *location)
{
  StDbPrivate *priv = st_db_get_instance_private (self);

  g_free (priv->location);
  priv->location = g_strdup (location);
}

void
_st_db_set_needs_schema (StDb     *self,
                         gboolean  needs_schema)
{
  StDbPrivate *priv = st_db_get_instance_private (self);

  priv->needs_schema = needs_schema;
}

const char *
st_db_get_location (StDb *self)
{
  StDbPrivate *priv = st_db_get_instance_private (self);

  return priv->location;
}

StDbDialect
st_db_get_dialect (StDb *self)
{
  return ST_DB_GET_CLASS (self)->dialect;
}

gboolean
st_db_needs_schema (StDb *self)
{
  StDbPrivate *priv = st_db_get_instance_private (self);

  return priv->needs_schema;
}

StDb *
st_db_open_again (StDb    *self,
                  GError **error)
{
  return ST_DB_GET_CLASS (self)->open_again (self, error);
}

gboolean
st_db_read_version (StDb    *self,
                    int     *version,
                    GError **error)
{
  return ST_DB_GET_CLASS (self)->read_version (self, version, error);
}

gboolean
st_db_write_version (StDb    *self,
                     int      version,
                     GError **error)
{
  return ST_DB_GET_CLASS (self)->write_version (self, version, error);
}

gboolean
st_db_before_migration (StDb    *self,
                        int      version,
                        GError **error)
{
  return ST_DB_GET_CLASS (self)->before_migration (self, version, error);
}

gboolean
st_db_ready (StDb    *self,
             GError **error)
{
  StDbPrivate *priv = st_db_get_instance_private (self);

  priv->needs_schema = FALSE;
  return ST_DB_GET_CLASS (self)->ready (self, error);
}

void
st_db_discard (StDb *self)
{
  StDbPrivate *priv = st_db_get_instance_private (self);

  g_hash_table_remove_all (priv->statements);
  ST_DB_GET_CLASS (self)->discard (self);
}

StStmt *
st_db_prepare (StDb        *self,
               const char  *sql,
               GError     **error)
{
  StDbPrivate *priv = st_db_get_instance_private (self);
  StStmt *stmt = g_hash_table_lookup (priv->statements, sql);

  if (stmt != NULL)
    return stmt;
  stmt = ST_DB_GET_CLASS (self)->prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  stmt->db = self;
  stmt->klass = ST_DB_GET_CLASS (self);
  g_hash_table_insert (priv->statements, g_strdup (sql), stmt);
  return stmt;
}

gboolean
st_db_exec (StDb        *self,
            const char  *sql,
            GError     **error)
{
  return ST_DB_GET_CLASS (self)->exec (self, sql, error);
}

gboolean
st_db_begin_write (StDb    *self,
                   GError **error)
{
  return ST_DB_GET_CLASS (self)->begin_write (self, error);
}

gboolean
st_db_begin_read (StDb    *self,
                  GError **error)
{
  return ST_DB_GET_CLASS (self)->begin_read (self, error);
}

gboolean
st_db_commit (StDb    *self,
              GError **error)
{
  return ST_DB_GET_CLASS (self)->commit (self, error);
}

void
st_db_rollback (StDb *self)
{
  ST_DB_GET_CLASS (self)->rollback (self);
}

gboolean
st_db_in_transaction (StDb *self)
{
  return ST_DB_GET_CLASS (self)->in_transaction (self);
}

gint64
st_db_last_insert_id (StDb    *self,
                      GError **error)
{
  return ST_DB_GET_CLASS (self)->last_insert_id (self, error);
}

gint64
st_db_changes (StDb *self)
{
  return ST_DB_GET_CLASS (self)->changes (self);
}

void
st_db_set_bulk (StDb     *self,
                gboolean  bulk)
{
  ST_DB_GET_CLASS (self)->set_bulk (self, bulk);
}

gboolean
st_db_check_integrity (StDb       *self,
                       GPtrArray  *problems,
                       GError    **error)
{
  return ST_DB_GET_CLASS (self)->check_integrity (self, problems, error);
}

gboolean
st_db_backup_to_file (StDb        *self,
                      const char  *path,
                      GError     **error)
{
  return ST_DB_GET_CLASS (self)->backup_to_file (self, path, error);
}

/* Without the driver's own bulk path: one prepared INSERT, stepped a row at a time. */
typedef struct
{
  StStmt *insert;
  int     n_columns;
  gint64  n_rows;
} StDbCopy;

static void
st_db_copy_free (StDbCopy *copy)
{
  g_clear_pointer (&copy->insert, st_stmt_release);
  g_free (copy);
}

/* "12", "-3", "0" but not "012", "+1", " 1" or "1.0": text that is exactly an integer's. */
static gboolean
is_canonical_integer (const char *text,
                      gint64     *number)
{
  g_autofree char *back = NULL;

  if (!g_ascii_string_to_signed (text, 10, G_MININT64, G_MAXINT64, number, NULL))
    return FALSE;
  back = g_strdup_printf ("%" G_GINT64_FORMAT, *number);
  return g_str_equal (back, text);
}

static GQuark
copy_quark (void)
{
  return g_quark_from_static_string ("st-db-copy");
}

gboolean
st_db_copy_begin (StDb               *self,
                  const char         *table,
                  const char * const *columns,
                  GError            **error)
{
  StDbClass *klass = ST_DB_GET_CLASS (self);
  g_autoptr(GString) sql = g_string_new (NULL);
  StDbCopy *copy;

  if (klass->copy_begin != NULL)
    return klass->copy_begin (self, table, columns, error);

  g_string_append_printf (sql, "INSERT INTO %s (", table);
  for (guint i = 0; columns[i] != NULL; i++)
    g_string_append_printf (sql, "%s%s", i > 0 ? ", " : "", columns[i]);
  g_string_append (sql, ") VALUES (");
  for (guint i = 0; columns[i] != NULL; i++)
    g_string_append (sql, i > 0 ? ", ?" : "?");
  g_string_append (sql, ")");
  copy = g_new0 (StDbCopy, 1);
  copy->n_columns = (int) g_strv_length ((char **) columns);
  copy->insert = st_db_prepare (self, sql->str, error);
  if (copy->insert == NULL)
    {
      st_db_copy_free (copy);
      return FALSE;
    }
  g_object_set_qdata_full (G_OBJECT (self), copy_quark (), copy,
                           (GDestroyNotify) st_db_copy_free);
  return TRUE;
}

gboolean
st_db_copy_row (StDb               *self,
                const char * const *values,
                GError            **error)
{
  StDbClass *klass = ST_DB_GET_CLASS (self);
  StDbCopy *copy;
  int rc;

  if (klass->copy_row != NULL)
    return klass->copy_row (self, values, error);

  copy = g_object_get_qdata (G_OBJECT (self), copy_quark ());
  g_return_val_if_fail (copy != NULL, FALSE);
  for (int i = 0; i < copy->n_columns; i++)
    {
      gint64 number;

      /* An integer goes in as one (a column without a type keeps what it is given). */
      if (values[i] != NULL && is_canonical_integer (values[i], &number))
        st_stmt_bind_int64 (copy->insert, i + 1, number);
      else
        st_stmt_bind_text (copy->insert, i + 1, values[i]);
    }
  rc = st_stmt_step (copy->insert, error);
  copy->insert->klass->stmt_reset (copy->insert);
  if (rc == 0)
    return FALSE;
  copy->n_rows++;
  return TRUE;
}

gint64
st_db_copy_end (StDb     *self,
                gboolean  keep,
                GError  **error)
{
  StDbClass *klass = ST_DB_GET_CLASS (self);
  StDbCopy *copy;
  gint64 n_rows;

  if (klass->copy_end != NULL)
    return klass->copy_end (self, keep, error) ? st_db_changes (self) : -1;

  copy = g_object_get_qdata (G_OBJECT (self), copy_quark ());
  g_return_val_if_fail (copy != NULL, -1);
  n_rows = keep ? copy->n_rows : -1;
  g_object_set_qdata (G_OBJECT (self), copy_quark (), NULL);
  return n_rows;
}

gboolean
st_db_poll_changed (StDb *self)
{
  return ST_DB_GET_CLASS (self)->poll_changed (self);
}

gboolean
st_db_is_read_only (StDb *self)
{
  return ST_DB_GET_CLASS (self)->is_read_only (self);
}

/* Statements. */

void
st_stmt_set_streaming (StStmt *stmt)
{
  if (stmt->klass->stmt_set_streaming != NULL)
    stmt->klass->stmt_set_streaming (stmt);
}

int
st_stmt_step (StStmt  *stmt,
              GError **error)
{
  return stmt->klass->stmt_step (stmt, error);
}

void
st_stmt_release (StStmt *stmt)
{
  if (stmt != NULL)
    stmt->klass->stmt_reset (stmt);
}

void
st_stmt_bind_int64 (StStmt *stmt,
                    int     idx,
                    gint64  value)
{
  stmt->klass->stmt_bind_int64 (stmt, idx, value);
}

void
st_stmt_bind_text (StStmt     *stmt,
                   int         idx,
                   const char *text)
{
  if (text == NULL)
    stmt->klass->stmt_bind_null (stmt, idx);
  else
    stmt->klass->stmt_bind_text (stmt, idx, text);
}

void
st_stmt_bind_null (StStmt *stmt,
                   int     idx)
{
  stmt->klass->stmt_bind_null (stmt, idx);
}

void
st_stmt_bind_value (StStmt          *stmt,
                    int              idx,
                    const StDbValue *value)
{
  if (value == NULL || value->is_null)
    st_stmt_bind_null (stmt, idx);
  else if (value->is_integer)
    st_stmt_bind_int64 (stmt, idx, value->integer);
  else
    st_stmt_bind_text (stmt, idx, value->text);
}

gboolean
st_stmt_column_is_null (StStmt *stmt,
                        int     col)
{
  return stmt->klass->stmt_column_is_null (stmt, col);
}

gint64
st_stmt_column_int64 (StStmt *stmt,
                      int     col)
{
  return stmt->klass->stmt_column_int64 (stmt, col);
}

int
st_stmt_column_int (StStmt *stmt,
                    int     col)
{
  return (int) stmt->klass->stmt_column_int64 (stmt, col);
}

const char *
st_stmt_column_text (StStmt *stmt,
                     int     col)
{
  return stmt->klass->stmt_column_text (stmt, col);
}

StDbValue *
st_stmt_column_value (StStmt *stmt,
                      int     col)
{
  StDbValue *value = g_new0 (StDbValue, 1);

  if (st_stmt_column_is_null (stmt, col))
    value->is_null = TRUE;
  else if (stmt->klass->stmt_column_is_integer (stmt, col))
    {
      value->is_integer = TRUE;
      value->integer = st_stmt_column_int64 (stmt, col);
    }
  else
    value->text = g_strdup (st_stmt_column_text (stmt, col));
  return value;
}

int
st_stmt_column_count (StStmt *stmt)
{
  return stmt->klass->stmt_column_count (stmt);
}

const char *
st_stmt_column_name (StStmt *stmt,
                     int     col)
{
  return stmt->klass->stmt_column_name (stmt, col);
}

/* The object. */

static void
free_stmt (gpointer data)
{
  StStmt *stmt = data;

  stmt->klass->stmt_free (stmt);
}

static void
st_db_finalize (GObject *object)
{
  StDb *self = ST_DB (object);
  StDbPrivate *priv = st_db_get_instance_private (self);

  g_clear_pointer (&priv->statements, g_hash_table_unref);
  g_free (priv->location);

  G_OBJECT_CLASS (st_db_parent_class)->finalize (object);
}

/* The statements go in dispose; the drivers close their connection in finalize, after. */
static void
st_db_dispose (GObject *object)
{
  StDb *self = ST_DB (object);
  StDbPrivate *priv = st_db_get_instance_private (self);

  if (priv->statements != NULL)
    g_hash_table_remove_all (priv->statements);

  G_OBJECT_CLASS (st_db_parent_class)->dispose (object);
}

static void
st_db_class_init (StDbClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = st_db_finalize;
  G_OBJECT_CLASS (klass)->dispose = st_db_dispose;
}

static void
st_db_init (StDb *self)
{
  StDbPrivate *priv = st_db_get_instance_private (self);

  priv->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, free_stmt);
}
