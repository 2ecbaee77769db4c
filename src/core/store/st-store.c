/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-store.c — opening, creating and migrating the database; the statement cache and the
 * SQLite helpers; the preference.  Warehouses, contacts and items are in st-store-catalog.c. */
#define G_LOG_DOMAIN "st-store"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "st-error.h"
#include "st-serial.h"
#include "st-serial-private.h"
#include "st-store-private.h"

#define ST_BUSY_TIMEOUT_MS 10000
/* Checkpoint once the WAL holds this many frames (SQLite's own automatic threshold). */
#define ST_CHECKPOINT_FRAMES 1000
/* In bulk mode (the generator's hundreds of thousands of small postings) ten times rarer: a
 * page rewritten by many postings is copied back once, not each time. */
#define ST_CHECKPOINT_FRAMES_BULK 10000
/* How long a checkpoint waits for the write lock before leaving it to a later commit. */
#define ST_CHECKPOINT_WAIT_MS 200

struct _StStore
{
  GObject     parent_instance;

  char       *path;
  sqlite3    *db;
  GHashTable *statements;   /* SQL text -> sqlite3_stmt* */
  StTracking  tracking;
  int         wal_frames;   /* frames in the WAL after the last commit */
  gboolean    bulk;
};

G_DEFINE_FINAL_TYPE (StStore, st_store, G_TYPE_OBJECT)

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

/* Schema version 1.  Every later version appends a step to `migrations`. */
static const char schema_v1[] =
  "CREATE TABLE settings ("
  "  key   TEXT PRIMARY KEY,"
  "  value TEXT NOT NULL"
  ") WITHOUT ROWID;"
  "CREATE TABLE warehouses ("
  "  id       INTEGER PRIMARY KEY,"
  "  name     TEXT NOT NULL,"
  "  name_key TEXT NOT NULL UNIQUE"
  ");"
  "CREATE TABLE contacts ("
  "  id       INTEGER PRIMARY KEY,"
  "  kind     TEXT NOT NULL CHECK (kind IN ('vendor', 'customer')),"
  "  name     TEXT NOT NULL,"
  "  name_key TEXT NOT NULL,"
  "  UNIQUE (kind, name_key)"
  ");"
  "CREATE TABLE items ("
  "  id              INTEGER PRIMARY KEY,"
  "  sku             TEXT NOT NULL,"
  "  sku_key         TEXT NOT NULL UNIQUE,"
  "  name            TEXT NOT NULL,"
  "  unit            TEXT NOT NULL,"
  "  price           INTEGER NOT NULL,"
  "  cost            INTEGER NOT NULL,"
  "  tracking        TEXT NOT NULL CHECK (tracking IN ('serial', 'none')),"
  "  warranty_months INTEGER NOT NULL DEFAULT 0,"
  "  serial_format   TEXT NOT NULL CHECK (serial_format IN ('any', 'digits', 'imei'))"
  ");"
  "CREATE TABLE documents ("
  "  id              INTEGER PRIMARY KEY,"
  "  kind            TEXT NOT NULL,"
  "  number          TEXT NOT NULL,"
  "  number_key      TEXT NOT NULL,"
  "  date            TEXT NOT NULL,"
  "  status          TEXT NOT NULL,"
  "  contact_id      INTEGER REFERENCES contacts (id),"
  "  warehouse_id    INTEGER REFERENCES warehouses (id),"
  "  to_warehouse_id INTEGER REFERENCES warehouses (id),"
  "  in_transit      INTEGER NOT NULL DEFAULT 0,"
  "  received_date   TEXT,"
  "  ref_document_id INTEGER REFERENCES documents (id),"
  "  reason          TEXT,"
  "  total           INTEGER NOT NULL DEFAULT 0,"
  "  quantity        INTEGER NOT NULL DEFAULT 0,"
  "  voided_date     TEXT"
  ");"
  "CREATE UNIQUE INDEX documents_number ON documents (kind, number_key) WHERE kind <> 'bill';"
  "CREATE UNIQUE INDEX documents_bill_number ON documents (contact_id, number_key)"
  "  WHERE kind = 'bill';"
  "CREATE INDEX documents_kind_date ON documents (kind, date, id);"
  /* Lookups by number: the partial unique indexes above cannot serve "kind = ?". */
  "CREATE INDEX documents_kind_number ON documents (kind, number_key);"
  "CREATE INDEX documents_ref ON documents (ref_document_id);"
  "CREATE TABLE document_lines ("
  "  id          INTEGER PRIMARY KEY,"
  "  document_id INTEGER NOT NULL REFERENCES documents (id),"
  "  line_no     INTEGER NOT NULL,"
  "  item_id     INTEGER NOT NULL REFERENCES items (id),"
  "  quantity    INTEGER NOT NULL,"
  "  rate        INTEGER NOT NULL,"
  "  UNIQUE (document_id, line_no)"
  ");"
  "CREATE INDEX document_lines_item ON document_lines (item_id);"
  "CREATE TABLE units ("
  "  id              INTEGER PRIMARY KEY,"
  "  item_id         INTEGER NOT NULL REFERENCES items (id),"
  "  serial          TEXT NOT NULL,"
  "  serial_key      TEXT NOT NULL,"
  "  status          TEXT NOT NULL,"
  "  warehouse_id    INTEGER REFERENCES warehouses (id),"
  "  cost            INTEGER NOT NULL DEFAULT 0,"
  "  price           INTEGER,"
  "  warranty_end    TEXT,"
  "  received_date   TEXT,"
  "  received_doc_id INTEGER REFERENCES documents (id),"
  "  sold_date       TEXT,"
  "  sold_doc_id     INTEGER REFERENCES documents (id),"
  "  UNIQUE (item_id, serial_key)"
  ");"
  "CREATE INDEX units_serial_key ON units (serial_key);"
  "CREATE INDEX units_fifo ON units (item_id, status, warehouse_id, received_date, id);"
  "CREATE INDEX units_received ON units (received_date, id);"
  "CREATE INDEX units_item_received ON units (item_id, received_date, id);"
  "CREATE INDEX units_received_doc ON units (received_doc_id);"
  "CREATE INDEX units_sold_doc ON units (sold_doc_id);"
  "CREATE TABLE unit_events ("
  "  id                INTEGER PRIMARY KEY,"
  "  unit_id           INTEGER NOT NULL REFERENCES units (id),"
  "  document_id       INTEGER NOT NULL REFERENCES documents (id),"
  "  line_id           INTEGER REFERENCES document_lines (id),"
  "  kind              TEXT NOT NULL,"
  "  date              TEXT NOT NULL,"
  "  from_warehouse_id INTEGER REFERENCES warehouses (id),"
  "  to_warehouse_id   INTEGER REFERENCES warehouses (id),"
  "  contact_id        INTEGER REFERENCES contacts (id),"
  "  amount            INTEGER,"
  "  warranty_end      TEXT,"
  "  reverses_id       INTEGER REFERENCES unit_events (id)"
  ");"
  "CREATE INDEX unit_events_unit ON unit_events (unit_id, id);"
  "CREATE INDEX unit_events_document ON unit_events (document_id);"
  "CREATE INDEX unit_events_line ON unit_events (line_id);"
  "CREATE TABLE stock_moves ("
  "  id           INTEGER PRIMARY KEY,"
  "  document_id  INTEGER NOT NULL REFERENCES documents (id),"
  "  item_id      INTEGER NOT NULL REFERENCES items (id),"
  "  warehouse_id INTEGER NOT NULL REFERENCES warehouses (id),"
  "  quantity     INTEGER NOT NULL,"
  "  in_transit   INTEGER NOT NULL DEFAULT 0"
  ");"
  "CREATE INDEX stock_moves_document ON stock_moves (document_id);"
  "CREATE INDEX stock_moves_item ON stock_moves (item_id, warehouse_id);"
  "CREATE TABLE stock ("
  "  item_id      INTEGER NOT NULL REFERENCES items (id),"
  "  warehouse_id INTEGER NOT NULL REFERENCES warehouses (id),"
  "  on_hand      INTEGER NOT NULL DEFAULT 0,"
  "  in_transit   INTEGER NOT NULL DEFAULT 0,"
  "  PRIMARY KEY (item_id, warehouse_id)"
  ") WITHOUT ROWID;"
  "INSERT INTO settings (key, value) VALUES ('tracking', 'serial');";

/* migrations[i] takes a database from version i + 1 to i + 2. */
static const char * const migrations[] = {
  NULL,
};

void
_st_stmt_release (StStmt *stmt)
{
  if (stmt == NULL)
    return;
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

void
_st_set_sqlite_error (GError  **error,
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

int
_st_step (StStmt  *stmt,
          GError **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW || rc == SQLITE_DONE)
    return rc;
  _st_set_sqlite_error (error, sqlite3_db_handle (stmt), rc);
  return 0;
}

char *
_st_column_dup (StStmt *stmt,
                int     col)
{
  const unsigned char *text = sqlite3_column_text (stmt, col);

  return text != NULL ? g_strdup ((const char *) text) : NULL;
}

void
_st_bind_text (StStmt     *stmt,
               int         idx,
               const char *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, idx);
  else
    sqlite3_bind_text (stmt, idx, text, -1, SQLITE_TRANSIENT);
}

void
_st_bind_id (StStmt *stmt,
             int     idx,
             gint64  id)
{
  if (id == 0)
    sqlite3_bind_null (stmt, idx);
  else
    sqlite3_bind_int64 (stmt, idx, id);
}

sqlite3 *
_st_store_get_db (StStore *self)
{
  return self->db;
}

StStmt *
_st_store_prepare (StStore     *self,
                   const char  *sql,
                   GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);
  int rc;

  if (stmt != NULL)
    return stmt;

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _st_set_sqlite_error (error, self->db, rc);
      return NULL;
    }
  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

gboolean
_st_store_exec (StStore     *self,
                const char  *sql,
                GError     **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      _st_set_sqlite_error (error, self->db, rc);
      return FALSE;
    }
  return TRUE;
}

gboolean
_st_store_begin (StStore  *self,
                 GError  **error)
{
  return _st_store_exec (self, "BEGIN IMMEDIATE", error);
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
  StStore *self = data;

  self->wal_frames = n_frames;
  return SQLITE_OK;
}

static void
checkpoint_under_write_lock (StStore *self)
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

gboolean
_st_store_commit (StStore  *self,
                  GError  **error)
{
  if (!_st_store_exec (self, "COMMIT", error))
    {
      _st_store_rollback (self);
      return FALSE;
    }
  if (self->wal_frames >= (self->bulk ? ST_CHECKPOINT_FRAMES_BULK : ST_CHECKPOINT_FRAMES))
    checkpoint_under_write_lock (self);
  return TRUE;
}

void
_st_store_rollback (StStore *self)
{
  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

void
_st_store_emit_changed (StStore *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

void
_st_store_set_bulk_mode (StStore  *self,
                         gboolean  bulk)
{
  sqlite3_exec (self->db, bulk ? "PRAGMA synchronous = OFF" : "PRAGMA synchronous = FULL",
                NULL, NULL, NULL);
  self->bulk = bulk;
  if (!bulk && self->wal_frames >= ST_CHECKPOINT_FRAMES)
    checkpoint_under_write_lock (self);
}

char *
_st_name_key (const char *text)
{
  g_autofree char *nfc = g_utf8_normalize (text, -1, G_NORMALIZE_NFC);

  return g_utf8_casefold (nfc != NULL ? nfc : text, -1);
}

char *
_st_clean_name (const char  *text,
                const char  *field,
                guint        max_chars,
                GError     **error)
{
  g_autofree char *copy = NULL;
  const char *p;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, ST_ERROR, ST_ERROR_INVALID_INPUT,
                   /* Translators: %s is a field name such as “SKU” or “warehouse name” */
                   _("The %s is missing or not valid text"), field);
      return NULL;
    }
  copy = g_strstrip (g_strdup (text));
  if (*copy == '\0')
    {
      g_set_error (error, ST_ERROR, ST_ERROR_INVALID_INPUT,
                   /* Translators: %s is a field name such as “SKU” or “warehouse name” */
                   _("The %s is empty"), field);
      return NULL;
    }
  for (p = copy; *p; p = g_utf8_next_char (p))
    if (g_unichar_iscntrl (g_utf8_get_char (p)))
      {
        /* Translators: %s is a field name such as "SKU" or "warehouse". */
        g_set_error (error, ST_ERROR, ST_ERROR_INVALID_INPUT,
                     /* Translators: %s is a field name such as “SKU” or “warehouse name” */
                     _("The %s contains a control character"), field);
        return NULL;
      }
  if ((guint) g_utf8_strlen (copy, -1) > max_chars)
    {
      /* Translators: first %s is a field name such as "SKU", %u a number of characters. */
      g_set_error (error, ST_ERROR, ST_ERROR_INVALID_INPUT,
                   /* Translators: %1$s is a field name such as “SKU” or “warehouse name”,
                    * %2$u the largest number of characters allowed */
                   g_dngettext (GETTEXT_PACKAGE, "The %1$s is longer than %2$u character",
                                "The %1$s is longer than %2$u characters", max_chars),
                   field, max_chars);
      return NULL;
    }
  return g_steal_pointer (&copy);
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
static gboolean check_header (const char  *path,
                              gboolean    *needs_init,
                              GError     **error);

gboolean
_st_store_check_header (const char  *path,
                        GError     **error)
{
  gboolean needs_init;

  return check_header (path, &needs_init, error);
}

static gboolean
check_header (const char  *path,
              gboolean    *needs_init,
              GError     **error)
{
  g_autofree char *display = g_filename_display_name (path);
  guint8 header[100];
  gsize n;

  *needs_init = FALSE;
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

static gboolean
create_schema (StStore  *self,
               GError  **error)
{
  g_autofree char *pragmas = NULL;
  g_autofree char *primary_key = NULL;
  g_autoptr(StStmt) stmt = NULL;

  if (!_st_store_exec (self, "PRAGMA journal_mode = WAL", error))
    return FALSE;
  if (!_st_store_begin (self, error))
    return FALSE;
  pragmas = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %d;",
                             (int) ST_APPLICATION_ID, ST_SCHEMA_VERSION);
  if (!_st_store_exec (self, schema_v1, error) || !_st_store_exec (self, pragmas, error))
    goto fail;

  primary_key = _st_name_key (_("Primary Warehouse"));
  stmt = _st_store_prepare (self, "INSERT INTO warehouses (name, name_key) VALUES (?, ?)", error);
  if (stmt == NULL)
    goto fail;
  _st_bind_text (stmt, 1, _("Primary Warehouse"));
  _st_bind_text (stmt, 2, primary_key);
  if (!_st_step (stmt, error))
    goto fail;
  if (!_st_store_commit (self, error))
    return FALSE;
  /* Move the new header (application id, schema version) from the WAL into the main file
   * now: a process killed before its first checkpoint must not leave a file whose header
   * says it is somebody else's. */
  return _st_store_exec (self, "PRAGMA wal_checkpoint (TRUNCATE)", error);

fail:
  _st_store_rollback (self);
  return FALSE;
}

static int
pragma_int (StStore    *self,
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
journal_is_wal (StStore *self)
{
  sqlite3_stmt *stmt = NULL;
  gboolean wal = FALSE;

  if (sqlite3_prepare_v2 (self->db, "PRAGMA journal_mode", -1, &stmt, NULL) == SQLITE_OK
      && sqlite3_step (stmt) == SQLITE_ROW)
    wal = g_ascii_strcasecmp ((const char *) sqlite3_column_text (stmt, 0), "wal") == 0;
  sqlite3_finalize (stmt);
  return wal;
}

/* SQLite's quick check; ST_ERROR_CORRUPT naming the first problem. */
static gboolean
quick_check (StStore     *self,
             const char  *display,
             GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  g_autofree char *problem = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (self->db, "PRAGMA quick_check (1)", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW && g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") != 0)
        problem = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      else if (rc != SQLITE_ROW)
        problem = g_strdup (sqlite3_errmsg (self->db));
    }
  else
    problem = g_strdup (sqlite3_errmsg (self->db));
  sqlite3_finalize (stmt);
  if (problem == NULL)
    return TRUE;
  g_strdelimit (problem, "\r\n", ' ');
  g_set_error (error, ST_ERROR, ST_ERROR_CORRUPT,
               /* Translators: %1$s a file name, %2$s what SQLite found wrong */
               _("The database file “%1$s” is damaged and was left as it is (%2$s)"), display,
               problem);
  return FALSE;
}

static gboolean
migrate (StStore  *self,
         int       version,
         GError  **error)
{
  while (version < ST_SCHEMA_VERSION)
    {
      g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %d", version + 1);

      if (!_st_store_begin (self, error))
        return FALSE;
      if (!_st_store_exec (self, migrations[version - 1], error)
          || !_st_store_exec (self, set_version, error))
        {
          _st_store_rollback (self);
          return FALSE;
        }
      if (!_st_store_commit (self, error))
        return FALSE;
      version++;
    }
  return TRUE;
}

static gboolean
load_settings (StStore  *self,
               GError  **error)
{
  g_autoptr(StStmt) stmt = _st_store_prepare (self,
                                              "SELECT value FROM settings WHERE key = 'tracking'",
                                              error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = _st_step (stmt, error);
  if (rc == 0)
    return FALSE;
  self->tracking = ST_TRACKING_SERIAL;
  if (rc == SQLITE_ROW)
    st_tracking_from_string ((const char *) sqlite3_column_text (stmt, 0), &self->tracking);
  return TRUE;
}

StStore *
st_store_open (const char        *path,
               StStoreOpenFlags   flags,
               GError           **error)
{
  g_autoptr(StStore) self = NULL;
  g_autofree char *display = NULL;
  gboolean exists;
  gboolean needs_init = FALSE;
  int version;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  display = g_filename_display_name (path);
  exists = g_file_test (path, G_FILE_TEST_EXISTS);
  if (exists && g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      /* Translators: %s is a file name */
      g_set_error (error, ST_ERROR, ST_ERROR_IO, _("“%s” is a folder, not a database file"),
                   display);
      return NULL;
    }
  if (!exists && !(flags & ST_STORE_OPEN_CREATE))
    {
      /* Translators: %s is a file name */
      g_set_error (error, ST_ERROR, ST_ERROR_NOT_FOUND, _("There is no database at “%s”"),
                   display);
      return NULL;
    }
  if (exists && !check_header (path, &needs_init, error))
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
      needs_init = TRUE;
    }

  self = g_object_new (ST_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  rc = sqlite3_open_v2 (path, &self->db,
                        SQLITE_OPEN_READWRITE | (needs_init ? SQLITE_OPEN_CREATE : 0)
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
  /* Replaces SQLite's automatic checkpoint: see checkpoint_under_write_lock(). */
  sqlite3_wal_hook (self->db, wal_hook_cb, self);
  if (!_st_store_exec (self, "PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL;", error))
    {
      /* These read the schema: the first place a damaged file shows. */
      /* Translators: %s is a file name; the reason follows */
      g_prefix_error (error, _("Cannot read “%s”: "), display);
      return NULL;
    }

  if (needs_init)
    {
      if (!create_schema (self, error))
        {
          g_clear_pointer (&self->db, sqlite3_close_v2);
          g_unlink (path);
          return NULL;
        }
    }
  else
    {
      version = pragma_int (self, "PRAGMA user_version");
      if (version < 0)
        {
          g_autoptr(GError) local = NULL;
          _st_set_sqlite_error (&local, self->db, 0);
          g_set_error (error, ST_ERROR, ST_ERROR_CORRUPT,
                       /* Translators: %1$s is a file name, %2$s what went wrong */
                       _("Cannot read “%1$s”: %2$s"), display, local->message);
          return NULL;
        }
      if (version < 1)
        {
          g_set_error (error, ST_ERROR, ST_ERROR_NOT_SERIALTRACK,
                       /* Translators: %s is a file name */
                       _("“%s” is not a SerialTrack database"), display);
          return NULL;
        }
      /* Switching a file from its rollback journal to WAL, or migrating it, writes to it:
       * a damaged one is refused as it is, never made worse. */
      if ((!journal_is_wal (self) || version < ST_SCHEMA_VERSION)
          && !quick_check (self, display, error))
        return NULL;
      if (version < ST_SCHEMA_VERSION)
        {
          /* Never migrate without a way back. */
          g_autofree char *backup = g_strdup_printf ("%s.before-v%d.bak", path,
                                                     ST_SCHEMA_VERSION);
          if (!st_store_backup (self, backup, TRUE, error) || !migrate (self, version, error))
            return NULL;
        }
      /* Backups and restored files come in rollback-journal mode. */
      if (!_st_store_exec (self, "PRAGMA journal_mode = WAL", error))
        {
          /* Translators: %s is a file name; the reason follows */
          g_prefix_error (error, _("Cannot read “%s”: "), display);
          return NULL;
        }
    }

  if (!load_settings (self, error))
    {
      /* Translators: %s is a file name; the reason follows */
      g_prefix_error (error, _("Cannot read “%s”: "), display);
      return NULL;
    }
  return g_steal_pointer (&self);
}

const char *
st_store_get_path (StStore *self)
{
  g_return_val_if_fail (ST_IS_STORE (self), NULL);
  return self->path;
}

char *
st_store_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "serialtrack", "inventory.serialtrack", NULL);
}

gboolean
st_store_is_empty (StStore *self)
{
  g_autoptr(StStmt) stmt = NULL;

  g_return_val_if_fail (ST_IS_STORE (self), FALSE);
  stmt = _st_store_prepare (self,
                            "SELECT NOT EXISTS (SELECT 1 FROM items)"
                            " AND NOT EXISTS (SELECT 1 FROM documents)", NULL);
  return stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0);
}

/* Preference. */

StTracking
st_store_get_tracking (StStore *self)
{
  g_return_val_if_fail (ST_IS_STORE (self), ST_TRACKING_SERIAL);
  return self->tracking;
}

gboolean
st_store_set_tracking (StStore     *self,
                       StTracking   tracking,
                       GError     **error)
{
  g_autoptr(StStmt) check = NULL;
  g_autoptr(StStmt) update = NULL;
  int rc;

  g_return_val_if_fail (ST_IS_STORE (self), FALSE);

  if (!_st_store_begin (self, error))
    return FALSE;
  if (tracking == ST_TRACKING_NONE)
    {
      check = _st_store_prepare (self,
                                 "SELECT count (*) FROM units u JOIN items i ON i.id = u.item_id"
                                 " WHERE i.tracking = 'serial'"
                                 "   AND u.status IN ('in_stock', 'in_transit')", error);
      if (check == NULL || (rc = _st_step (check, error)) == 0)
        goto fail;
      if (sqlite3_column_int64 (check, 0) > 0)
        {
          gint64 n = sqlite3_column_int64 (check, 0);
          g_set_error (error, ST_ERROR, ST_ERROR_PREFERENCE,
                       g_dngettext (GETTEXT_PACKAGE,
                                    /* Translators: %lld is the number of serial-numbered units
                                     * in stock */
                                    "Cannot switch to quantity-only tracking: %lld "
                                    "serial-numbered unit is in stock",
                                    "Cannot switch to quantity-only tracking: %lld "
                                    "serial-numbered units are in stock", n),
                       (long long) n);
          goto fail;
        }
    }
  update = _st_store_prepare (self,
                              "INSERT OR REPLACE INTO settings (key, value) VALUES ('tracking', ?)",
                              error);
  if (update == NULL)
    goto fail;
  _st_bind_text (update, 1, st_tracking_to_string (tracking));
  if (!_st_step (update, error) || !_st_store_commit (self, error))
    goto fail;
  self->tracking = tracking;
  _st_store_emit_changed (self);
  return TRUE;

fail:
  _st_store_rollback (self);
  return FALSE;
}

/* The object. */

static void
st_store_finalize (GObject *object)
{
  StStore *self = ST_STORE (object);

  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL)
    sqlite3_close_v2 (self->db);
  g_free (self->path);

  G_OBJECT_CLASS (st_store_parent_class)->finalize (object);
}

static void
st_store_class_init (StStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = st_store_finalize;

  /**
   * StStore::changed:
   *
   * Emitted after every successful write, so that lists can refresh.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
finalize_stmt (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
st_store_init (StStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_stmt);
  self->tracking = ST_TRACKING_SERIAL;
}
