/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-db-private.h — what a storage driver implements (the vfuncs of StDbClass) and what the
 * base class gives it.  Only the drivers include this. */
#pragma once

#include "st-db.h"

G_BEGIN_DECLS

/* A driver's statement starts with this. */
struct _StStmt
{
  StDb       *db;        /* not owned */
  StDbClass  *klass;
};

struct _StDbClass
{
  GObjectClass parent_class;

  StDbDialect  dialect;

  /* The connection. */
  StDb      *(*open_again)        (StDb         *self,
                                   GError      **error);
  gboolean   (*read_version)      (StDb         *self,
                                   int          *version,
                                   GError      **error);
  gboolean   (*write_version)     (StDb         *self,
                                   int           version,
                                   GError      **error);
  gboolean   (*before_migration)  (StDb         *self,
                                   int           version,
                                   GError      **error);
  gboolean   (*ready)             (StDb         *self,
                                   GError      **error);
  void       (*discard)           (StDb         *self);
  gboolean   (*exec)              (StDb         *self,
                                   const char   *sql,
                                   GError      **error);
  gboolean   (*begin_write)       (StDb         *self,
                                   GError      **error);
  gboolean   (*begin_read)        (StDb         *self,
                                   GError      **error);
  gboolean   (*commit)            (StDb         *self,
                                   GError      **error);
  void       (*rollback)          (StDb         *self);
  gboolean   (*in_transaction)    (StDb         *self);
  gint64     (*last_insert_id)    (StDb         *self,
                                   GError      **error);
  gint64     (*changes)           (StDb         *self);
  void       (*set_bulk)          (StDb         *self,
                                   gboolean      bulk);
  gboolean   (*check_integrity)   (StDb         *self,
                                   GPtrArray    *problems,
                                   GError      **error);
  gboolean   (*backup_to_file)    (StDb         *self,
                                   const char   *path,
                                   GError      **error);
  gboolean   (*poll_changed)      (StDb         *self);
  gboolean   (*is_read_only)      (StDb         *self);

  /* Statements. */
  StStmt    *(*prepare)           (StDb         *self,
                                   const char   *sql,
                                   GError      **error);
  void       (*stmt_free)         (StStmt       *stmt);
  int        (*stmt_step)         (StStmt       *stmt,
                                   GError      **error);
  void       (*stmt_reset)        (StStmt       *stmt);
  void       (*stmt_bind_int64)   (StStmt       *stmt,
                                   int           idx,
                                   gint64        value);
  void       (*stmt_bind_text)    (StStmt       *stmt,
                                   int           idx,
                                   const char   *text);
  void       (*stmt_bind_null)    (StStmt       *stmt,
                                   int           idx);
  gboolean   (*stmt_column_is_null)    (StStmt  *stmt,
                                        int      col);
  gboolean   (*stmt_column_is_integer) (StStmt  *stmt,
                                        int      col);
  gint64     (*stmt_column_int64) (StStmt       *stmt,
                                   int           col);
  const char *(*stmt_column_text) (StStmt       *stmt,
                                   int           col);
  int        (*stmt_column_count) (StStmt       *stmt);
  const char *(*stmt_column_name) (StStmt       *stmt,
                                   int           col);
  /* Optional: bulk loading (see st_db_copy_begin()); without them rows are INSERTed. */
  gboolean   (*copy_begin)        (StDb               *self,
                                   const char         *table,
                                   const char * const *columns,
                                   GError            **error);
  gboolean   (*copy_row)          (StDb               *self,
                                   const char * const *values,
                                   GError            **error);
  gboolean   (*copy_end)          (StDb               *self,
                                   gboolean            keep,
                                   GError            **error);
  /* Optional: the rows will be many (see st_stmt_set_streaming()). */
  void       (*stmt_set_streaming) (StStmt      *stmt);
};

/* For the drivers' constructors. */
void        _st_db_set_location     (StDb        *self,
                                     const char  *location);
void        _st_db_set_needs_schema (StDb        *self,
                                     gboolean     needs_schema);

StDb       *_st_db_sqlite_open      (const char  *path,
                                     gboolean     create,
                                     GError     **error);
StDb       *_st_db_postgres_open    (const char  *conninfo,
                                     gboolean     create,
                                     GError     **error);
char       *_st_db_postgres_display (const char  *conninfo);

G_END_DECLS
