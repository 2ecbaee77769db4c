/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-db-sqlite.c — the SQLite driver: one file, WAL, BEGIN IMMEDIATE for writers, our own
 * checkpoints; SQLite's errors mapped to ST_ERROR codes. */
#define G_LOG_DOMAIN "st-db-sqlite"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <fcntl.h>
#include <unistd.h>
#include <sqlite3.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "st-error.h"
#include "st-serial-private.h"
#include "st-store.h"
#include "st-db-private.h"
#include "st-db-sqlite.h"

#define ST_BUSY_TIMEOUT_MS 10000
/* Checkpoint once the WAL holds this many frames (SQLite's own automatic threshold). */
#define ST_CHECKPOINT_FRAMES 1000
/* In bulk mode (the generator's hundreds of thousands of small postings) ten times rarer: a
 * page rewritten by many postings is copied back once, not each time. */
#define ST_CHECKPOINT_FRAMES_BULK 10000
/* How long a checkpoint waits for the write lock before leaving it to a later commit. */
#define ST_CHECKPOINT_WAIT_MS 200

#define ST_TYPE_DB_SQLITE (st_db_sqlite_get_type ())
G_DECLARE_FINAL_TYPE (StDbSqlite, st_db_sqlite, ST, DB_SQLITE, StDb)

struct _StDbSqlite
{
  StDb      parent_instance;

  char     *path;
  sqlite3  *db;
  int       wal_frames;     /* frames in the WAL after the last commit */
  gboolean  bulk;
  gboolean  created;        /* this connection created the file */
  gint64    data_version;   /* PRAGMA data_version at the last poll */
};

G_DEFINE_FINAL_TYPE (StDbSqlite, st_db_sqlite, ST_TYPE_DB)

typedef struct
{
  StStmt        parent;
  sqlite3_stmt *stmt;
} SqliteStmt;

#define SQ(s) (((SqliteStmt *) (s))->stmt)

/* Errors. */

static void
set_error (GError  **error,
           sqlite3  *db,
           int       rc)
{
  int code;
  /* SQLite's message may quote bytes of a damaged file: make it one line of valid UTF-8. */
  g_autofree char *safe_msg = _st_quote (db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
  const char *msg = safe_msg;

  if (db != NULL && rc == 0)
    rc = sqlite3_errcode (db);

  /* A write the kernel refused for want of room: a full disk, a quota, a file size limit. */
  if ((rc & 0xff) == SQLITE_IOERR && db != NULL
      && (sqlite3_system_errno (db) == ENOSPC || sqlite3_system_errno (db) == EDQUOT
          || sqlite3_system_errno (db) == EFBIG))
    {
      g_set_error (error, ST_ERROR, ST_ERROR_IO,
                   /* Translators: %s is the system's reason, like “No space left on device” */
                   _("The disk is full: nothing was written (%s)"),
                   g_strerror (sqlite3_system_errno (db)));
      return;
    }
  /* The same when the kernel's reason is lost on the way (a failed commit): a transaction
   * that could not be written was rolled back. */
  if (rc == SQLITE_IOERR_WRITE || rc == SQLITE_IOERR_FSYNC || rc == SQLITE_IOERR_TRUNCATE)
    {
      g_set_error (error, ST_ERROR, ST_ERROR_IO,
                   /* Translators: %s is SQLite's description of the failure */
                   _("Writing to the disk failed, is it full? Nothing was written (%s)"), msg);
      return;
    }

  if (rc == SQLITE_CONSTRAINT_UNIQUE || rc == SQLITE_CONSTRAINT_PRIMARYKEY)
    {
      /* The callers say what exists already. */
      g_set_error (error, ST_ERROR, ST_ERROR_DUPLICATE,
                   /* Translators: %s is SQLite's description of the error */
                   _("Database error: %s"), msg);
      return;
    }
  switch (rc & 0xff)
    {
    case SQLITE_FULL:
      g_set_error (error, ST_ERROR, ST_ERROR_IO,
                   /* Translators: %s is the system's reason, like “No space left on device” */
                   _("The disk is full: nothing was written (%s)"), msg);
      return;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, ST_ERROR, ST_ERROR_BUSY,
                   /* Translators: %s is SQLite's description of the failure */
                   _("The database is busy in another program; try again (%s)"), msg);
      return;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      g_set_error (error, ST_ERROR, ST_ERROR_CORRUPT,
                   /* Translators: %s is SQLite's description of the damage */
                   _("The database file is damaged (%s)"), msg);
      return;
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
    case SQLITE_READONLY:
    case SQLITE_PERM:
      code = ST_ERROR_IO;
      break;
    default:
      code = ST_ERROR_FAILED;
      break;
    }
  /* Translators: %s is SQLite's description of the error */
  g_set_error (error, ST_ERROR, code, _("Database error: %s"), msg);
}

/* Statements. */

static StStmt *
sqlite_prepare (StDb        *db,
                const char  *sql,
                GError     **error)
{
  StDbSqlite *self = ST_DB_SQLITE (db);
  sqlite3_stmt *stmt = NULL;
  SqliteStmt *s;
  int rc;

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      set_error (error, self->db, rc);
      return NULL;
    }
  s = g_new0 (SqliteStmt, 1);
  s->stmt = stmt;
  return &s->parent;
}

static void
sqlite_stmt_free (StStmt *stmt)
{
  sqlite3_finalize (SQ (stmt));
  g_free (stmt);
}

static int
sqlite_stmt_step (StStmt  *stmt,
                  GError **error)
{
  int rc = sqlite3_step (SQ (stmt));

  if (rc == SQLITE_ROW)
    return ST_STEP_ROW;
  if (rc == SQLITE_DONE)
    return ST_STEP_DONE;
  set_error (error, sqlite3_db_handle (SQ (stmt)), rc);
  return 0;
}

static void
sqlite_stmt_reset (StStmt *stmt)
{
  sqlite3_reset (SQ (stmt));
  sqlite3_clear_bindings (SQ (stmt));
}

static void
sqlite_stmt_bind_int64 (StStmt *stmt,
                        int     idx,
                        gint64  value)
{
  sqlite3_bind_int64 (SQ (stmt), idx, value);
}

static void
sqlite_stmt_bind_text (StStmt     *stmt,
                       int         idx,
                       const char *text)
{
  sqlite3_bind_text (SQ (stmt), idx, text, -1, SQLITE_TRANSIENT);
}

static void
sqlite_stmt_bind_null (StStmt *stmt,
                       int     idx)
{
  sqlite3_bind_null (SQ (stmt), idx);
}

static gboolean
sqlite_stmt_column_is_null (StStmt *stmt,
                            int     col)
{
  return sqlite3_column_type (SQ (stmt), col) == SQLITE_NULL;
}

static gboolean
sqlite_stmt_column_is_integer (StStmt *stmt,
                               int     col)
{
  return sqlite3_column_type (SQ (stmt), col) == SQLITE_INTEGER;
}

static gint64
sqlite_stmt_column_int64 (StStmt *stmt,
                          int     col)
{
  return sqlite3_column_int64 (SQ (stmt), col);
}

static const char *
sqlite_stmt_column_text (StStmt *stmt,
                         int     col)
{
  return (const char *) sqlite3_column_text (SQ (stmt), col);
}

static int
sqlite_stmt_column_count (StStmt *stmt)
{
  return sqlite3_column_count (SQ (stmt));
}

static const char *
sqlite_stmt_column_name (StStmt *stmt,
                         int     col)
{
  return sqlite3_column_name (SQ (stmt), col);
}

/* Transactions. */

static gboolean
sqlite_exec (StDb        *db,
             const char  *sql,
             GError     **error)
{
  StDbSqlite *self = ST_DB_SQLITE (db);
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      set_error (error, self->db, rc);
      return FALSE;
    }
  return TRUE;
}

static gboolean
sqlite_begin_write (StDb    *db,
                    GError **error)
{
  return sqlite_exec (db, "BEGIN IMMEDIATE", error);
}

static gboolean
sqlite_begin_read (StDb    *db,
                   GError **error)
{
  return sqlite_exec (db, "BEGIN", error);
}

/* Checkpoints: SQLite before 3.51.3 (3.50.7, 3.44.6 for the older branches; Debian 12 has
 * 3.40) has the "WAL-reset bug": a checkpoint that starts just after another one completed
 * can miss a WAL reset done by a connection committing at the same moment, and a later
 * checkpoint then skips frames — a corrupt database.  It needs a checkpoint running while
 * another connection writes.  So SQLite never checkpoints on its own here (our WAL hook
 * replaces its automatic checkpoint after commits), and we checkpoint only while this
 * connection holds the write lock: nobody can write, so nobody can reset the WAL under the
 * checkpoint.  The checkpoint itself runs on a second, short-lived connection, since SQLite
 * refuses to checkpoint inside a transaction.  The last connection to close checkpoints
 * too, under an exclusive lock on the file.  See docs/RELIABILITY.md. */
static int
wal_hook_cb (void       *data,
             sqlite3    *db,
             const char *name,
             int         n_frames)
{
  StDbSqlite *self = data;

  self->wal_frames = n_frames;
  return SQLITE_OK;
}

static void
checkpoint_under_write_lock (StDbSqlite *self)
{
  sqlite3 *helper = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc;

  sqlite3_busy_timeout (self->db, ST_CHECKPOINT_WAIT_MS);
  rc = sqlite3_exec (self->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
  sqlite3_busy_timeout (self->db, ST_BUSY_TIMEOUT_MS);
  if (rc != SQLITE_OK)
    return;   /* another writer is at work: a later commit checkpoints */

  if (sqlite3_open_v2 (self->path, &helper, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX,
                       NULL) == SQLITE_OK)
    {
      sqlite3_busy_timeout (helper, ST_CHECKPOINT_WAIT_MS);
      /* A read first, so that the helper finds the WAL. */
      if (sqlite3_prepare_v2 (helper, "SELECT count (*) FROM sqlite_schema", -1, &stmt,
                              NULL) == SQLITE_OK
          && sqlite3_step (stmt) == SQLITE_ROW)
        {
          sqlite3_finalize (g_steal_pointer (&stmt));
          rc = sqlite3_wal_checkpoint_v2 (helper, "main", SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
          if (rc != SQLITE_OK)
            g_debug ("Checkpoint of %s: %s", self->path, sqlite3_errstr (rc));
          else
            self->wal_frames = 0;
        }
      sqlite3_finalize (stmt);
    }
  sqlite3_close_v2 (helper);
  sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

static void sqlite_rollback (StDb *db);

static gboolean
sqlite_commit (StDb    *db,
               GError **error)
{
  StDbSqlite *self = ST_DB_SQLITE (db);

  if (!sqlite_exec (db, "COMMIT", error))
    {
      sqlite_rollback (db);
      return FALSE;
    }
  if (self->wal_frames >= (self->bulk ? ST_CHECKPOINT_FRAMES_BULK : ST_CHECKPOINT_FRAMES))
    checkpoint_under_write_lock (self);
  return TRUE;
}

static void
sqlite_rollback (StDb *db)
{
  StDbSqlite *self = ST_DB_SQLITE (db);

  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

static gboolean
sqlite_in_transaction (StDb *db)
{
  return !sqlite3_get_autocommit (ST_DB_SQLITE (db)->db);
}

static gint64
sqlite_last_insert_id (StDb    *db,
                       GError **error)
{
  return sqlite3_last_insert_rowid (ST_DB_SQLITE (db)->db);
}

static gint64
sqlite_changes (StDb *db)
{
  return sqlite3_changes64 (ST_DB_SQLITE (db)->db);
}

static void
sqlite_set_bulk (StDb     *db,
                 gboolean  bulk)
{
  StDbSqlite *self = ST_DB_SQLITE (db);

  sqlite3_exec (self->db, bulk ? "PRAGMA synchronous = OFF" : "PRAGMA synchronous = FULL",
                NULL, NULL, NULL);
  self->bulk = bulk;
  if (!bulk && self->wal_frames >= ST_CHECKPOINT_FRAMES)
    checkpoint_under_write_lock (self);
}

static gboolean
sqlite_poll_changed (StDb *db)
{
  StDbSqlite *self = ST_DB_SQLITE (db);
  sqlite3_stmt *stmt = NULL;
  gint64 version = self->data_version;

  if (sqlite3_prepare_v2 (self->db, "PRAGMA data_version", -1, &stmt, NULL) == SQLITE_OK
      && sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  if (version == self->data_version)
    return FALSE;
  self->data_version = version;
  return TRUE;
}

static gboolean
sqlite_is_read_only (StDb *db)
{
  return sqlite3_db_readonly (ST_DB_SQLITE (db)->db, "main") == 1;
}

/* Opening. */

static guint32
read_be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

/* Reads the first bytes of @path through SQLite's VFS rather than with an open() and a
 * close() of our own: closing a descriptor drops every POSIX lock this process holds on the
 * file, and another connection of this process may hold SQLite's locks on it (the app's
 * window while a thread opens its own connection to post).  Without them, another process
 * believes it is alone, checkpoints and deletes the WAL index under us: two writers at once,
 * a unit sold twice (sqlite.org/howtocorrupt.html, 2.2).  The unix VFS keeps such a
 * descriptor open until the process's locks on the file are gone. */
static gboolean
read_header (const char *path,
             guint8     *header,
             gsize       size,
             gsize      *n_read)
{
  sqlite3_vfs *vfs = sqlite3_vfs_find (NULL);
  g_autofree char *full = g_malloc0 (vfs->mxPathname + 1);
  g_autofree sqlite3_file *file = g_malloc0 (vfs->szOsFile);
  const char *name = NULL;
  sqlite3_int64 file_size = 0;
  gboolean ok = FALSE;
  int rc;

  *n_read = 0;
  if (vfs->xFullPathname (vfs, path, vfs->mxPathname + 1, full) != SQLITE_OK)
    return FALSE;
  /* xOpen wants a name as SQLite makes them (URI parameters after the terminator). */
  name = sqlite3_create_filename (full, "", "", 0, NULL);
  if (name == NULL)
    return FALSE;
  rc = vfs->xOpen (vfs, name, file, SQLITE_OPEN_READONLY | SQLITE_OPEN_MAIN_DB, NULL);
  if (rc == SQLITE_OK && file->pMethods->xFileSize (file, &file_size) == SQLITE_OK)
    {
      gsize n = (gsize) MIN ((sqlite3_int64) size, file_size);

      if (n == 0 || file->pMethods->xRead (file, header, (int) n, 0) == SQLITE_OK)
        {
          *n_read = n;
          ok = TRUE;
        }
    }
  if (file->pMethods != NULL)
    file->pMethods->xClose (file);
  sqlite3_free_filename ((char *) name);
  return ok;
}

/* Looks at the file's header before SQLite touches it, so that a file that is not ours is
 * refused without a single byte written. */
gboolean
st_db_sqlite_check_file (const char  *path,
                         GError     **error)
{
  g_autofree char *display = g_filename_display_name (path);
  guint8 header[100];
  gsize n;

  if (g_access (path, R_OK) != 0)
    {
      int saved = errno;
      /* Translators: %1$s is a file name, %2$s the system's reason */
      g_set_error (error, ST_ERROR, ST_ERROR_IO, _("Cannot open “%1$s”: %2$s"), display,
                   g_strerror (saved));
      return FALSE;
    }
  if (!read_header (path, header, sizeof header, &n))
    {
      /* Translators: %1$s is a file name, %2$s the system's reason */
      g_set_error (error, ST_ERROR, ST_ERROR_IO, _("Cannot open “%1$s”: %2$s"), display,
                   g_strerror (EIO));
      return FALSE;
    }

  if (n == 0)
    {
      g_set_error (error, ST_ERROR, ST_ERROR_NOT_SERIALTRACK,
                   /* Translators: %s is a file name */
                   _("“%s” is an empty file, not a SerialTrack database"), display);
      return FALSE;
    }
  if (n < sizeof header || memcmp (header, "SQLite format 3", 16) != 0)
    {
      g_set_error (error, ST_ERROR, ST_ERROR_NOT_SERIALTRACK,
                   /* Translators: %s is a file name */
                   _("“%s” is not a SerialTrack database"), display);
      return FALSE;
    }
  if (read_be32 (header + 68) != ST_APPLICATION_ID)
    {
      g_set_error (error, ST_ERROR, ST_ERROR_NOT_SERIALTRACK,
                   /* Translators: %s is a file name */
                   _("“%s” is a database of another program, not a SerialTrack database"),
                   display);
      return FALSE;
    }
  if (read_be32 (header + 60) > ST_SCHEMA_VERSION)
    {
      g_set_error (error, ST_ERROR, ST_ERROR_NEWER_SCHEMA,
                   /* Translators: %s is a file name */
                   _("“%s” was written by a newer version of SerialTrack; update SerialTrack "
                     "to open it"), display);
      return FALSE;
    }
  return TRUE;
}

/* SQLite's lock bytes (os_unix.c): PENDING, RESERVED, then the SHARED range.  A connection
 * in WAL mode holds a read lock on the SHARED range for as long as it is open. */
#define SQLITE_LOCK_FIRST 0x40000000
#define SQLITE_LOCK_BYTES 512

gboolean
st_db_sqlite_file_in_use (const char *path)
{
  struct flock lock = { 0 };
  int fd = g_open (path, O_RDONLY, 0);
  gboolean in_use = FALSE;

  if (fd < 0)
    return FALSE;
  lock.l_type = F_WRLCK;
  lock.l_whence = SEEK_SET;
  lock.l_start = SQLITE_LOCK_FIRST;
  lock.l_len = SQLITE_LOCK_BYTES;
  if (fcntl (fd, F_GETLK, &lock) == 0 && lock.l_type != F_UNLCK)
    in_use = TRUE;
  close (fd);
  return in_use;
}

static int
pragma_int (StDbSqlite *self,
            const char *pragma)
{
  sqlite3_stmt *stmt = NULL;
  int value = -1;

  if (sqlite3_prepare_v2 (self->db, pragma, -1, &stmt, NULL) == SQLITE_OK
      && sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static gboolean
journal_is_wal (StDbSqlite *self)
{
  sqlite3_stmt *stmt = NULL;
  gboolean wal = FALSE;

  if (sqlite3_prepare_v2 (self->db, "PRAGMA journal_mode", -1, &stmt, NULL) == SQLITE_OK
      && sqlite3_step (stmt) == SQLITE_ROW)
    wal = g_ascii_strcasecmp ((const char *) sqlite3_column_text (stmt, 0), "wal") == 0;
  sqlite3_finalize (stmt);
  return wal;
}

/* SQLite's quick check on @db; the first problem, or NULL when there is none. */
static char *
quick_check_problem (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  char *problem = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, "PRAGMA quick_check (1)", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW && g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") != 0)
        problem = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      else if (rc != SQLITE_ROW)
        problem = g_strdup (sqlite3_errmsg (db));
    }
  else
    problem = g_strdup (sqlite3_errmsg (db));
  sqlite3_finalize (stmt);
  if (problem != NULL)
    g_strdelimit (problem, "\r\n", ' ');
  return problem;
}

/* SQLite's quick check; ST_ERROR_CORRUPT naming the first problem. */
static gboolean
quick_check (StDbSqlite  *self,
             GError     **error)
{
  g_autofree char *problem = quick_check_problem (self->db);
  g_autofree char *display = NULL;

  if (problem == NULL)
    return TRUE;
  display = g_filename_display_name (self->path);
  g_set_error (error, ST_ERROR, ST_ERROR_CORRUPT,
               /* Translators: %1$s a file name, %2$s what SQLite found wrong */
               _("The database file “%1$s” is damaged and was left as it is (%2$s)"), display,
               problem);
  return FALSE;
}

static gboolean
sqlite_read_version (StDb    *db,
                     int     *version,
                     GError **error)
{
  StDbSqlite *self = ST_DB_SQLITE (db);
  g_autofree char *display = g_filename_display_name (self->path);

  *version = pragma_int (self, "PRAGMA user_version");
  if (*version < 0)
    {
      g_autoptr(GError) local = NULL;
      set_error (&local, self->db, 0);
      g_set_error (error, ST_ERROR, ST_ERROR_CORRUPT,
                   /* Translators: %1$s is a file name, %2$s what went wrong */
                   _("Cannot read “%1$s”: %2$s"), display, local->message);
      return FALSE;
    }
  /* Switching a file from its rollback journal to WAL writes to it: a damaged one is refused
   * as it is, never made worse. */
  if (*version >= 1 && !journal_is_wal (self) && !quick_check (self, error))
    return FALSE;
  return TRUE;
}

static gboolean
sqlite_write_version (StDb    *db,
                      int      version,
                      GError **error)
{
  g_autofree char *pragmas = g_strdup_printf ("PRAGMA application_id = %d;"
                                              " PRAGMA user_version = %d;",
                                              (int) ST_APPLICATION_ID, version);

  return sqlite_exec (db, pragmas, error);
}

static gboolean
sqlite_backup_to_file (StDb        *db,
                       const char  *path,
                       GError     **error);

static gboolean
sqlite_before_migration (StDb    *db,
                         int      version,
                         GError **error)
{
  StDbSqlite *self = ST_DB_SQLITE (db);
  /* Never migrate without a way back. */
  g_autofree char *backup = g_strdup_printf ("%s.before-v%d.bak", self->path, ST_SCHEMA_VERSION);
  g_autofree char *tmp = g_strconcat (backup, ".part", NULL);

  if (!quick_check (self, error))
    return FALSE;
  g_unlink (tmp);
  if (!sqlite_backup_to_file (db, tmp, error))
    {
      g_unlink (tmp);
      return FALSE;
    }
  if (g_rename (tmp, backup) != 0)
    {
      int saved = errno;
      g_autofree char *display = g_filename_display_name (backup);
      g_unlink (tmp);
      /* Translators: %1$s is a file name, %2$s the system's reason */
      g_set_error (error, ST_ERROR, ST_ERROR_IO, _("Cannot write “%1$s”: %2$s"), display,
                   g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

static gboolean
sqlite_ready (StDb    *db,
              GError **error)
{
  StDbSqlite *self = ST_DB_SQLITE (db);
  g_autofree char *display = g_filename_display_name (self->path);

  if (self->created)
    {
      self->created = FALSE;
      /* Move the new header (application id, schema version) from the WAL into the main
       * file now: a process killed before its first checkpoint must not leave a file whose
       * header says it is somebody else's. */
      return sqlite_exec (db, "PRAGMA wal_checkpoint (TRUNCATE)", error);
    }
  /* Backups and restored files come in rollback-journal mode. */
  if (!sqlite_exec (db, "PRAGMA journal_mode = WAL", error))
    {
      /* Translators: %s is a file name; the reason follows */
      g_prefix_error (error, _("Cannot read “%s”: "), display);
      return FALSE;
    }
  return TRUE;
}

void
st_db_sqlite_delete_file (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
}

static void
sqlite_discard (StDb *db)
{
  StDbSqlite *self = ST_DB_SQLITE (db);

  g_clear_pointer (&self->db, sqlite3_close_v2);
  st_db_sqlite_delete_file (self->path);
}

/* @known: the file was opened as a SerialTrack database by another connection already (its
 * header may still be in the WAL when it was just created: no need to read it again). */
static void
reverse_func (sqlite3_context  *context,
              int               argc,
              sqlite3_value   **argv)
{
  const char *text = (const char *) sqlite3_value_text (argv[0]);
  int len = sqlite3_value_bytes (argv[0]);

  if (text == NULL)
    {
      sqlite3_result_null (context);
      return;
    }
  if (!g_utf8_validate_len (text, len, NULL))
    {
      sqlite3_result_error (context, "reverse: not UTF-8", -1);
      return;
    }
  sqlite3_result_text (context, g_utf8_strreverse (text, len), -1, g_free);
}

static StDb *
open_file (const char  *path,
           gboolean     create,
           gboolean     known,
           GError     **error)
{
  g_autoptr(StDbSqlite) self = NULL;
  g_autofree char *display = NULL;
  gboolean exists;
  int rc;

  display = g_filename_display_name (path);
  exists = g_file_test (path, G_FILE_TEST_EXISTS);
  if (exists && g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      /* Translators: %s is a file name */
      g_set_error (error, ST_ERROR, ST_ERROR_IO, _("“%s” is a folder, not a database file"),
                   display);
      return NULL;
    }
  if (!exists && !create)
    {
      /* Translators: %s is a file name */
      g_set_error (error, ST_ERROR, ST_ERROR_NOT_FOUND, _("There is no database at “%s”"),
                   display);
      return NULL;
    }
  if (exists && !known && !st_db_sqlite_check_file (path, error))
    return NULL;
  if (!exists)
    {
      g_autofree char *dir = g_path_get_dirname (path);

      if (g_mkdir_with_parents (dir, 0700) != 0)
        {
          int saved = errno;
          /* Translators: %1$s is a file name, %2$s the system's reason */
          g_set_error (error, ST_ERROR, ST_ERROR_IO, _("Cannot create the folder for “%1$s”: %2$s"),
                       display, g_strerror (saved));
          return NULL;
        }
    }

  self = g_object_new (ST_TYPE_DB_SQLITE, NULL);
  self->path = g_strdup (path);
  _st_db_set_location (ST_DB (self), path);
  rc = sqlite3_open_v2 (path, &self->db,
                        SQLITE_OPEN_READWRITE | (!exists ? SQLITE_OPEN_CREATE : 0)
                        | SQLITE_OPEN_NOMUTEX,
                        NULL);
  if (rc != SQLITE_OK)
    {
      /* Translators: %1$s is a file name, %2$s the system's reason */
      g_set_error (error, ST_ERROR, ST_ERROR_IO, _("Cannot open “%1$s”: %2$s"), display,
                   self->db != NULL ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
      return NULL;
    }
  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, ST_BUSY_TIMEOUT_MS);
  /* PostgreSQL's reverse(), which schema migrations use (the reversed serial key). */
  sqlite3_create_function_v2 (self->db, "reverse", 1,
                              SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, NULL,
                              reverse_func, NULL, NULL, NULL);
  /* Replaces SQLite's automatic checkpoint: see checkpoint_under_write_lock(). */
  sqlite3_wal_hook (self->db, wal_hook_cb, self);
  if (!sqlite_exec (ST_DB (self), "PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL;", error))
    {
      /* These read the schema: the first place a damaged file shows. */
      /* Translators: %s is a file name; the reason follows */
      g_prefix_error (error, _("Cannot read “%s”: "), display);
      return NULL;
    }
  if (!exists)
    {
      self->created = TRUE;
      _st_db_set_needs_schema (ST_DB (self), TRUE);
      if (!sqlite_exec (ST_DB (self), "PRAGMA journal_mode = WAL", error))
        {
          sqlite_discard (ST_DB (self));
          return NULL;
        }
    }
  self->data_version = -1;
  sqlite_poll_changed (ST_DB (self));
  return ST_DB (g_steal_pointer (&self));
}

StDb *
_st_db_sqlite_open (const char  *path,
                    gboolean     create,
                    GError     **error)
{
  return open_file (path, create, FALSE, error);
}

static StDb *
sqlite_open_again (StDb    *db,
                   GError **error)
{
  return open_file (ST_DB_SQLITE (db)->path, FALSE, TRUE, error);
}

/* Checks. */

static gboolean
sqlite_check_integrity (StDb       *db,
                        GPtrArray  *problems,
                        GError    **error)
{
  StDbSqlite *self = ST_DB_SQLITE (db);
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (self->db, "PRAGMA integrity_check", -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      /* So damaged that not even the schema reads: that is the finding. */
      if ((rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_NOTADB)
        {
          /* Translators: %s is what SQLite's integrity check reported, in English */
          g_ptr_array_add (problems, g_strdup_printf (_("SQLite integrity check: %s"),
                                                      sqlite3_errmsg (self->db)));
          return TRUE;
        }
      set_error (error, self->db, rc);
      return FALSE;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *line = (const char *) sqlite3_column_text (stmt, 0);
      if (g_strcmp0 (line, "ok") != 0)
        /* Translators: %s is what SQLite's integrity check reported, in English */
        g_ptr_array_add (problems, g_strdup_printf (_("SQLite integrity check: %s"), line));
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      if ((rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_NOTADB)
        {
          /* Translators: %s is what SQLite's integrity check reported, in English */
          g_ptr_array_add (problems, g_strdup_printf (_("SQLite integrity check: %s"),
                                                      sqlite3_errstr (rc)));
          return TRUE;
        }
      set_error (error, self->db, rc);
      return FALSE;
    }

  rc = sqlite3_prepare_v2 (self->db, "PRAGMA foreign_key_check", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        g_ptr_array_add (problems,
                         /* Translators: %1$s a table, %2$lld a row id, %3$s another table. */
                         g_strdup_printf (_("Row %2$lld of table %1$s refers to a missing row "
                                            "of %3$s"),
                                          (const char *) sqlite3_column_text (stmt, 0),
                                          (long long) sqlite3_column_int64 (stmt, 1),
                                          (const char *) sqlite3_column_text (stmt, 2)));
      sqlite3_finalize (stmt);
      if (rc == SQLITE_DONE)
        return TRUE;
    }
  /* A schema whose references no longer name a key ("foreign key mismatch": a damaged page of
   * the schema that the integrity check reads past) is a finding about the file, not a reason
   * to stop the check; a failure to read it at all is an error. */
  if ((rc & 0xff) == SQLITE_ERROR || (rc & 0xff) == SQLITE_CORRUPT)
    {
      /* Translators: %s is what SQLite's foreign key check reported, in English */
      g_ptr_array_add (problems, g_strdup_printf (_("SQLite foreign key check: %s"),
                                                  sqlite3_errmsg (self->db)));
      return TRUE;
    }
  set_error (error, self->db, rc);
  return FALSE;
}

/* Copies. */

/* Copies @src (schema "main") into a new file at @path with the backup API. */
static gboolean
copy_database (sqlite3     *src,
               const char  *path,
               GError     **error)
{
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  int rc;

  rc = sqlite3_open_v2 (path, &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc != SQLITE_OK)
    {
      set_error (error, dest, rc);
      sqlite3_close (dest);
      return FALSE;
    }
  sqlite3_busy_timeout (dest, ST_BUSY_TIMEOUT_MS);
  backup = sqlite3_backup_init (dest, "main", src, "main");
  if (backup == NULL)
    {
      set_error (error, dest, 0);
      sqlite3_close (dest);
      return FALSE;
    }
  /* All pages in one step: the copy is one consistent snapshot. */
  rc = sqlite3_backup_step (backup, -1);
  sqlite3_backup_finish (backup);
  if (rc != SQLITE_DONE)
    {
      set_error (error, NULL, rc);
      sqlite3_close (dest);
      return FALSE;
    }
  /* A backup is a single file: leave WAL mode so that it stands alone. */
  sqlite3_exec (dest, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
  rc = sqlite3_close (dest);
  if (rc != SQLITE_OK)
    {
      set_error (error, NULL, rc);
      return FALSE;
    }
  return TRUE;
}

static gboolean
sqlite_backup_to_file (StDb        *db,
                       const char  *path,
                       GError     **error)
{
  return copy_database (ST_DB_SQLITE (db)->db, path, error);
}

gboolean
st_db_sqlite_copy_file (const char  *source_path,
                        const char  *dest_path,
                        GError     **error)
{
  g_autofree char *display = g_filename_display_name (source_path);
  g_autofree char *problem = NULL;
  sqlite3 *source = NULL;
  gboolean copied;
  int rc;

  if (!st_db_sqlite_check_file (source_path, error))
    return FALSE;
  rc = sqlite3_open_v2 (source_path, &source, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_busy_timeout (source, ST_BUSY_TIMEOUT_MS);
      problem = quick_check_problem (source);
    }
  else
    problem = g_strdup (source != NULL ? sqlite3_errmsg (source) : sqlite3_errstr (rc));
  if (problem != NULL)
    {
      sqlite3_close (source);
      g_set_error (error, ST_ERROR, ST_ERROR_CORRUPT,
                   /* Translators: %1$s a file name, %2$s what SQLite found wrong */
                   _("The backup “%1$s” is damaged (%2$s)"), display, problem);
      return FALSE;
    }
  copied = copy_database (source, dest_path, error);
  sqlite3_close (source);
  return copied;
}

/* The object. */

static void
st_db_sqlite_finalize (GObject *object)
{
  StDbSqlite *self = ST_DB_SQLITE (object);

  if (self->db != NULL)
    sqlite3_close_v2 (self->db);
  g_free (self->path);

  G_OBJECT_CLASS (st_db_sqlite_parent_class)->finalize (object);
}

static void
st_db_sqlite_class_init (StDbSqliteClass *klass)
{
  StDbClass *db_class = ST_DB_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = st_db_sqlite_finalize;

  db_class->dialect = ST_DB_DIALECT_SQLITE;
  db_class->open_again = sqlite_open_again;
  db_class->read_version = sqlite_read_version;
  db_class->write_version = sqlite_write_version;
  db_class->before_migration = sqlite_before_migration;
  db_class->ready = sqlite_ready;
  db_class->discard = sqlite_discard;
  db_class->exec = sqlite_exec;
  db_class->begin_write = sqlite_begin_write;
  db_class->begin_read = sqlite_begin_read;
  db_class->commit = sqlite_commit;
  db_class->rollback = sqlite_rollback;
  db_class->in_transaction = sqlite_in_transaction;
  db_class->last_insert_id = sqlite_last_insert_id;
  db_class->changes = sqlite_changes;
  db_class->set_bulk = sqlite_set_bulk;
  db_class->check_integrity = sqlite_check_integrity;
  db_class->backup_to_file = sqlite_backup_to_file;
  db_class->poll_changed = sqlite_poll_changed;
  db_class->is_read_only = sqlite_is_read_only;
  db_class->prepare = sqlite_prepare;
  db_class->stmt_free = sqlite_stmt_free;
  db_class->stmt_step = sqlite_stmt_step;
  db_class->stmt_reset = sqlite_stmt_reset;
  db_class->stmt_bind_int64 = sqlite_stmt_bind_int64;
  db_class->stmt_bind_text = sqlite_stmt_bind_text;
  db_class->stmt_bind_null = sqlite_stmt_bind_null;
  db_class->stmt_column_is_null = sqlite_stmt_column_is_null;
  db_class->stmt_column_is_integer = sqlite_stmt_column_is_integer;
  db_class->stmt_column_int64 = sqlite_stmt_column_int64;
  db_class->stmt_column_text = sqlite_stmt_column_text;
  db_class->stmt_column_count = sqlite_stmt_column_count;
  db_class->stmt_column_name = sqlite_stmt_column_name;
}

static void
st_db_sqlite_init (StDbSqlite *self)
{
}
