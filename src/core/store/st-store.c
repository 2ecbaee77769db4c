/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-store.c — opening, creating and migrating a SerialTrack database through its driver
 * (st-db.h); the helpers every store module uses; the preference.  Warehouses, contacts and
 * items are in st-store-catalog.c. */
#define G_LOG_DOMAIN "st-store"

#include "config.h"

#include <stdarg.h>
#include <string.h>
#include <glib/gi18n.h>

#include "st-error.h"
#include "st-schema.h"
#include "st-serial.h"
#include "st-serial-private.h"
#include "st-store-private.h"

struct _StStore
{
  GObject     parent_instance;

  StDb       *db;
  StTracking  tracking;
  gboolean    created;

  /* The asynchronous calls' thread and connection (st-store-async.c), made at the first */
  StStoreWorker *worker;
};

G_DEFINE_FINAL_TYPE (StStore, st_store, G_TYPE_OBJECT)

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

int
_st_step (StStmt  *stmt,
          GError **error)
{
  return st_stmt_step (stmt, error);
}

gboolean
_st_step_unique (StStmt      *stmt,
                 GError     **error,
                 const char  *duplicate_format,
                 ...)
{
  g_autoptr(GError) local = NULL;
  int rc = st_stmt_step (stmt, &local);

  if (rc == 0 && g_error_matches (local, ST_ERROR, ST_ERROR_DUPLICATE))
    {
      g_autofree char *message = NULL;
      va_list args;

      va_start (args, duplicate_format);
      message = g_strdup_vprintf (duplicate_format, args);
      va_end (args);
      g_set_error_literal (error, ST_ERROR, ST_ERROR_DUPLICATE, message);
      return FALSE;
    }
  if (rc != ST_STEP_DONE)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  return TRUE;
}

char *
_st_column_dup (StStmt *stmt,
                int     col)
{
  return g_strdup (st_stmt_column_text (stmt, col));
}

void
_st_bind_text (StStmt     *stmt,
               int         idx,
               const char *text)
{
  st_stmt_bind_text (stmt, idx, text);
}

void
_st_bind_id (StStmt *stmt,
             int     idx,
             gint64  id)
{
  if (id == 0)
    st_stmt_bind_null (stmt, idx);
  else
    st_stmt_bind_int64 (stmt, idx, id);
}

StDb *
_st_store_get_db (StStore *self)
{
  return self->db;
}

StDbDialect
_st_store_get_dialect (StStore *self)
{
  return st_db_get_dialect (self->db);
}

StStmt *
_st_store_prepare (StStore     *self,
                   const char  *sql,
                   GError     **error)
{
  return st_db_prepare (self->db, sql, error);
}

gboolean
_st_store_exec (StStore     *self,
                const char  *sql,
                GError     **error)
{
  return st_db_exec (self->db, sql, error);
}

gboolean
_st_store_begin (StStore  *self,
                 GError  **error)
{
  return st_db_begin_write (self->db, error);
}

gboolean
_st_store_commit (StStore  *self,
                  GError  **error)
{
  return st_db_commit (self->db, error);
}

void
_st_store_rollback (StStore *self)
{
  st_db_rollback (self->db);
}

gboolean
_st_store_end_write (StStore   *self,
                     gboolean   ok,
                     GError   **error)
{
  if (!ok || !_st_store_commit (self, error))
    {
      _st_store_rollback (self);
      return FALSE;
    }
  _st_store_emit_changed (self);
  return TRUE;
}

/* Tries of one write: a conflict again and again means something else is wrong. */
#define ST_WRITE_TRIES 8

gboolean
_st_store_retry_write (StStore  *self,
                       guint     attempt,
                       GError  **error)
{
  guint pause_ms;

  if (error == NULL || !g_error_matches (*error, ST_ERROR, ST_ERROR_CONFLICT)
      || attempt + 1 >= ST_WRITE_TRIES)
    return FALSE;
  g_debug ("Write conflict, try %u again: %s", attempt + 2, (*error)->message);
  g_clear_error (error);
  /* 5, 10, 20 … ms and a random share of it, so that two desks that collided do not again. */
  pause_ms = 5u << MIN (attempt, 6u);
  g_usleep ((pause_ms + g_random_int_range (0, (gint32) pause_ms + 1)) * 1000);
  return TRUE;
}

gboolean
_st_store_write (StStore          *self,
                 StStoreWriteFunc  func,
                 gpointer          data,
                 GError          **error)
{
  for (guint attempt = 0; ; attempt++)
    {
      GError *local = NULL;
      gboolean ok = _st_store_begin (self, &local);

      ok = ok && func (self, data, &local) && _st_store_commit (self, &local);
      if (ok)
        {
          _st_store_emit_changed (self);
          return TRUE;
        }
      _st_store_rollback (self);
      if (!_st_store_retry_write (self, attempt, &local))
        {
          if (local != NULL)
            g_propagate_error (error, local);
          else
            g_set_error_literal (error, ST_ERROR, ST_ERROR_FAILED,
                                 _("The change could not be written; nothing was changed"));
          return FALSE;
        }
    }
}

StStoreWorker *
_st_store_get_worker (StStore *self)
{
  if (self->worker == NULL)
    self->worker = _st_store_worker_new (self);
  return self->worker;
}

static gboolean load_settings (StStore  *self,
                               GError  **error);

/* After a write, this connection's or another's (the store's worker, another desk): the
 * settings this store keeps (the tracking preference) are read again before anyone hears of
 * it, so that a choice stored elsewhere shows here too. */
void
_st_store_emit_changed (StStore *self)
{
  g_autoptr(GError) error = NULL;

  if (!load_settings (self, &error))
    g_debug ("settings not read again: %s", error != NULL ? error->message : "");
  g_signal_emit (self, signals[CHANGED], 0);
}

void
_st_store_set_bulk_mode (StStore  *self,
                         gboolean  bulk)
{
  st_db_set_bulk (self->db, bulk);
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

static gboolean
create_schema (StStore  *self,
               GError  **error)
{
  g_autofree char *schema = _st_schema_create_sql (st_db_get_dialect (self->db));
  g_autofree char *primary_key = NULL;
  g_autoptr(StStmt) stmt = NULL;

  if (!_st_store_begin (self, error))
    return FALSE;
  if (!_st_store_exec (self, schema, error) || !st_db_write_version (self->db, ST_SCHEMA_VERSION,
                                                                    error))
    goto fail;

  primary_key = _st_name_key (_("Primary Warehouse"));
  stmt = _st_store_prepare (self, "INSERT INTO warehouses (name, name_key) VALUES (?, ?)", error);
  if (stmt == NULL)
    goto fail;
  _st_bind_text (stmt, 1, _("Primary Warehouse"));
  _st_bind_text (stmt, 2, primary_key);
  if (!_st_step (stmt, error))
    goto fail;
  g_clear_pointer (&stmt, st_stmt_release);
  return _st_store_commit (self, error);

fail:
  g_clear_pointer (&stmt, st_stmt_release);
  _st_store_rollback (self);
  return FALSE;
}

static gboolean
migrate (StStore  *self,
         int       version,
         GError  **error)
{
  while (version < ST_SCHEMA_VERSION)
    {
      g_autofree char *sql = _st_schema_migration_sql (st_db_get_dialect (self->db), version);

      if (!_st_store_begin (self, error))
        return FALSE;
      if ((sql[0] != '\0' && !_st_store_exec (self, sql, error))
          || !st_db_write_version (self->db, version + 1, error))
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
  if (rc == ST_STEP_ROW)
    st_tracking_from_string (st_stmt_column_text (stmt, 0), &self->tracking);
  return TRUE;
}

static StStore *
store_new (StDb    *db,
           GError **error)
{
  g_autoptr(StStore) self = g_object_new (ST_TYPE_STORE, NULL);
  g_autofree char *display = st_db_location_display (st_db_get_location (db));
  int version = 0;

  self->db = db;
  if (st_db_needs_schema (db))
    {
      if (!create_schema (self, error))
        {
          st_db_discard (db);
          return NULL;
        }
      self->created = TRUE;
    }
  else
    {
      if (!st_db_read_version (db, &version, error))
        return NULL;
      if (version < 1)
        {
          g_set_error (error, ST_ERROR, ST_ERROR_NOT_SERIALTRACK,
                       /* Translators: %s is a file name */
                       _("“%s” is not a SerialTrack database"), display);
          return NULL;
        }
      if (version > ST_SCHEMA_VERSION)
        {
          g_set_error (error, ST_ERROR, ST_ERROR_NEWER_SCHEMA,
                       /* Translators: %s is a file name */
                       _("“%s” was written by a newer version of SerialTrack; update SerialTrack "
                         "to open it"), display);
          return NULL;
        }
      if (version < ST_SCHEMA_VERSION
          && (!st_db_before_migration (db, version, error) || !migrate (self, version, error)))
        return NULL;
    }
  if (!st_db_ready (db, error))
    return NULL;
  if (!load_settings (self, error))
    {
      /* Translators: %s is a file name; the reason follows */
      g_prefix_error (error, _("Cannot read “%s”: "), display);
      return NULL;
    }
  return g_steal_pointer (&self);
}

StStore *
st_store_open (const char        *path,
               StStoreOpenFlags   flags,
               GError           **error)
{
  StDb *db;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  db = st_db_open (path, (flags & ST_STORE_OPEN_CREATE) != 0, error);
  if (db == NULL)
    return NULL;
  return store_new (db, error);
}

gboolean
st_store_location_is_server (const char *location)
{
  g_return_val_if_fail (location != NULL, FALSE);
  return st_db_location_is_server (location);
}

char *
st_store_location_display (const char *location)
{
  g_return_val_if_fail (location != NULL, NULL);
  return st_db_location_display (location);
}

gboolean
st_store_was_created (StStore *self)
{
  g_return_val_if_fail (ST_IS_STORE (self), FALSE);
  return self->created;
}

StStore *
st_store_open_again (StStore  *self,
                     GError  **error)
{
  StDb *db;

  g_return_val_if_fail (ST_IS_STORE (self), NULL);

  db = st_db_open_again (self->db, error);
  if (db == NULL)
    return NULL;
  return store_new (db, error);
}


const char *
st_store_get_path (StStore *self)
{
  g_return_val_if_fail (ST_IS_STORE (self), NULL);
  return st_db_get_location (self->db);
}

gboolean
st_store_is_shared (StStore *self)
{
  g_return_val_if_fail (ST_IS_STORE (self), FALSE);
  return st_db_get_dialect (self->db) != ST_DB_DIALECT_SQLITE;
}

gboolean
st_store_is_read_only (StStore *self)
{
  g_return_val_if_fail (ST_IS_STORE (self), FALSE);
  return st_db_is_read_only (self->db);
}

gboolean
st_store_poll_changes (StStore *self)
{
  g_return_val_if_fail (ST_IS_STORE (self), FALSE);
  if (!st_db_poll_changed (self->db))
    return FALSE;
  _st_store_emit_changed (self);
  return TRUE;
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
                            "SELECT CASE WHEN EXISTS (SELECT 1 FROM items)"
                            " OR EXISTS (SELECT 1 FROM documents) THEN 0 ELSE 1 END", NULL);
  return stmt != NULL && st_stmt_step (stmt, NULL) == ST_STEP_ROW
         && st_stmt_column_int (stmt, 0);
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
      if (st_stmt_column_int64 (check, 0) > 0)
        {
          gint64 n = st_stmt_column_int64 (check, 0);
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
                              "INSERT INTO settings (key, value) VALUES ('tracking', ?)"
                              " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
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
st_store_dispose (GObject *object)
{
  StStore *self = ST_STORE (object);

  g_clear_pointer (&self->worker, _st_store_worker_free);

  G_OBJECT_CLASS (st_store_parent_class)->dispose (object);
}

static void
st_store_finalize (GObject *object)
{
  StStore *self = ST_STORE (object);

  g_clear_object (&self->db);

  G_OBJECT_CLASS (st_store_parent_class)->finalize (object);
}

static void
st_store_class_init (StStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = st_store_dispose;
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
st_store_init (StStore *self)
{
  self->tracking = ST_TRACKING_SERIAL;
}
