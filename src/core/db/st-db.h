/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-db.h — the storage driver interface: one connection to a SerialTrack database, SQLite
 * (st-db-sqlite.c) or PostgreSQL (st-db-postgres.c).  The rest of the core speaks only this:
 * statements prepared once per SQL text with bound parameters (`?`, or `?NN` numbered), stepped
 * row by row; transactions; errors as ST_ERROR codes.  Only the drivers include sqlite3.h or
 * libpq-fe.h.  Nothing outside src/core includes this. */
#pragma once

#include <glib-object.h>

#include "st-types.h"

G_BEGIN_DECLS

#define ST_TYPE_DB (st_db_get_type ())
G_DECLARE_DERIVABLE_TYPE (StDb, st_db, ST, DB, GObject)

typedef enum
{
  ST_DB_DIALECT_SQLITE,
  ST_DB_DIALECT_POSTGRES,
} StDbDialect;

/* What st_stmt_step() returns: a row, the end, or 0 with the error set. */
#define ST_STEP_ROW  100
#define ST_STEP_DONE 101

typedef struct _StStmt StStmt;

/* A column value kept beyond its statement (the lazy lists' page keys). */
typedef struct
{
  gboolean  is_null;
  gboolean  is_integer;
  gint64    integer;
  char     *text;
} StDbValue;

StDbValue  *st_db_value_copy        (const StDbValue *value);
void        st_db_value_free        (StDbValue       *value);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (StDbValue, st_db_value_free)

/* Whether @location names a PostgreSQL database (a postgres:// or postgresql:// URI, or a
 * libpq "key=value" string) rather than a SQLite file. */
gboolean    st_db_location_is_server (const char     *location);
/* @location without a password, fit to show (a file name for display, or "database on
 * server"). */
char       *st_db_location_display   (const char     *location);

/* Opens the database at @location with the driver it names.  With @create, a missing file is
 * created (SQLite) — st_db_needs_schema() then says so. */
StDb       *st_db_open              (const char      *location,
                                     gboolean         create,
                                     GError         **error);
/* Another connection to the same database (for a worker thread). */
StDb       *st_db_open_again        (StDb            *self,
                                     GError         **error);
StDbDialect st_db_get_dialect       (StDb            *self);
const char *st_db_get_location      (StDb            *self);
/* The database has no SerialTrack schema yet (a new file, an empty server database). */
gboolean    st_db_needs_schema      (StDb            *self);
/* SerialTrack's schema version of an existing database (0 when none). */
gboolean    st_db_read_version      (StDb            *self,
                                     int             *version,
                                     GError         **error);
/* Within a write transaction: records the schema version (and the application id). */
gboolean    st_db_write_version     (StDb            *self,
                                     int              version,
                                     GError         **error);
/* Before a migration: checks the database and keeps a copy to go back to. */
gboolean    st_db_before_migration  (StDb            *self,
                                     int              version,
                                     GError         **error);
/* After opening (and creating or migrating): the connection's everyday settings. */
gboolean    st_db_ready             (StDb            *self,
                                     GError         **error);
/* After a failed creation: remove what the creation left. */
void        st_db_discard           (StDb            *self);

/* A statement for @sql, prepared once per connection and SQL text and reused: release it with
 * g_autoptr(StStmt) / st_stmt_release(), which resets it and clears its bindings. */
StStmt     *st_db_prepare           (StDb            *self,
                                     const char      *sql,
                                     GError         **error);
/* Runs one or more statements without parameters or results. */
gboolean    st_db_exec              (StDb            *self,
                                     const char      *sql,
                                     GError         **error);
/* A write transaction, serialised with every other writer of the database (SQLite: BEGIN
 * IMMEDIATE; PostgreSQL: BEGIN and the writers' lock). */
gboolean    st_db_begin_write       (StDb            *self,
                                     GError         **error);
/* A read transaction: one consistent snapshot. */
gboolean    st_db_begin_read        (StDb            *self,
                                     GError         **error);
gboolean    st_db_commit            (StDb            *self,
                                     GError         **error);
void        st_db_rollback          (StDb            *self);
gboolean    st_db_in_transaction    (StDb            *self);
/* The id the last INSERT of this connection gave its row; 0 with @error set when it cannot be
 * read (a connection lost just after the INSERT). */
gint64      st_db_last_insert_id    (StDb            *self,
                                     GError         **error);
/* Rows changed by the last INSERT, UPDATE or DELETE of this connection. */
gint64      st_db_changes           (StDb            *self);
/* Bulk loading (the generator): durability relaxed for this connection. */
void        st_db_set_bulk          (StDb            *self,
                                     gboolean         bulk);
/* The engine's own consistency checks (SQLite's integrity and foreign-key checks); each
 * problem found is added to @problems (translated text). */
gboolean    st_db_check_integrity   (StDb            *self,
                                     GPtrArray       *problems,
                                     GError         **error);
/* A consistent copy of the whole database as a SQLite file at @path (a temporary name that the
 * caller renames). */
gboolean    st_db_backup_to_file    (StDb            *self,
                                     const char      *path,
                                     GError         **error);
/* Bulk loading (copy, backup): rows for @table's @columns (NULL-terminated), added with
 * st_db_copy_row() — a value a string as st_stmt_column_text() gives it, NULL for NULL — and
 * ended with st_db_copy_end(), inside a write transaction.  PostgreSQL streams them with
 * COPY … FROM STDIN (no round trip a row); other drivers INSERT each row.  Errors (a foreign
 * key, a duplicate) may only show at st_db_copy_end(). */
gboolean    st_db_copy_begin        (StDb               *self,
                                     const char         *table,
                                     const char * const *columns,
                                     GError            **error);
gboolean    st_db_copy_row          (StDb               *self,
                                     const char * const *values,
                                     GError            **error);
/* The rows added since st_db_copy_begin(), or -1 with @error set.  Without @keep (a row
 * could not be read), the rows are given up and the transaction is to be rolled back. */
gint64      st_db_copy_end          (StDb               *self,
                                     gboolean            keep,
                                     GError            **error);
/* Whether this connection may only read (a read-only file, a server role granted SELECT only,
 * a standby server). */
gboolean    st_db_is_read_only      (StDb            *self);
/* Whether the last commit of anybody else changed the database since the last call. */
gboolean    st_db_poll_changed      (StDb            *self);

/* Says that @stmt (a SELECT) returns many rows (an export, check, copy): stepped inside a
 * transaction, the driver then fetches them in batches rather than all at once, so that
 * memory stays flat (PostgreSQL: a server-side cursor; SQLite steps row by row anyway).
 * Kept for the statement's life. */
void        st_stmt_set_streaming   (StStmt          *stmt);
int         st_stmt_step            (StStmt          *stmt,
                                     GError         **error);
void        st_stmt_release         (StStmt          *stmt);
void        st_stmt_bind_int64      (StStmt          *stmt,
                                     int              idx,
                                     gint64           value);
/* NULL binds NULL. */
void        st_stmt_bind_text       (StStmt          *stmt,
                                     int              idx,
                                     const char      *text);
void        st_stmt_bind_null       (StStmt          *stmt,
                                     int              idx);
void        st_stmt_bind_value      (StStmt          *stmt,
                                     int              idx,
                                     const StDbValue *value);
gboolean    st_stmt_column_is_null  (StStmt          *stmt,
                                     int              col);
gint64      st_stmt_column_int64    (StStmt          *stmt,
                                     int              col);
int         st_stmt_column_int      (StStmt          *stmt,
                                     int              col);
/* NULL for NULL; valid until the next step or reset. */
const char *st_stmt_column_text     (StStmt          *stmt,
                                     int              col);
StDbValue  *st_stmt_column_value    (StStmt          *stmt,
                                     int              col);
int         st_stmt_column_count    (StStmt          *stmt);
const char *st_stmt_column_name     (StStmt          *stmt,
                                     int              col);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StStmt, st_stmt_release)

G_END_DECLS
