/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-store-backup.c — backups (a consistent SQLite copy of the database, whatever its driver)
 * and restoring a backup file over a database file. */
#define G_LOG_DOMAIN "st-backup"

#include "config.h"

#include <errno.h>
#include <unistd.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "st-error.h"
#include "st-db-sqlite.h"
#include "st-store-private.h"

char *
_st_store_temp_path_beside (const char  *path,
                            GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *template = g_strdup_printf (".%s.XXXXXX", base);
  g_autofree char *tmp = g_build_filename (dir, template, NULL);
  int fd = g_mkstemp (tmp);

  if (fd < 0)
    {
      int saved = errno;
      g_autofree char *display = g_filename_display_name (dir);
      /* Translators: %1$s is a folder name, %2$s the system's reason */
      g_set_error (error, ST_ERROR, ST_ERROR_IO, _("Cannot write in the folder “%1$s”: %2$s"),
                   display, g_strerror (saved));
      return NULL;
    }
  close (fd);
  g_unlink (tmp);
  return g_steal_pointer (&tmp);
}

static gboolean
same_file (const char *a,
           const char *b)
{
  GStatBuf sa, sb;

  return g_stat (a, &sa) == 0 && g_stat (b, &sb) == 0 && sa.st_dev == sb.st_dev
         && sa.st_ino == sb.st_ino;
}

/* @path is the database at @db_path, or one of its WAL, shared-memory or journal files. */
static gboolean
is_database_file (const char *db_path,
                  const char *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };
  g_autofree char *canonical = g_canonicalize_filename (path, NULL);

  for (gsize i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = g_strconcat (db_path, suffixes[i], NULL);
      g_autofree char *canonical_name = g_canonicalize_filename (name, NULL);

      if (g_strcmp0 (canonical, canonical_name) == 0 || same_file (name, path))
        return TRUE;
    }
  return FALSE;
}

gboolean
st_store_file_is_serialtrack (const char  *path,
                              GError     **error)
{
  g_return_val_if_fail (path != NULL, FALSE);
  return st_db_sqlite_check_file (path, error);
}

gboolean
st_store_file_in_use (const char *path)
{
  g_return_val_if_fail (path != NULL, FALSE);
  return st_db_sqlite_file_in_use (path);
}

gboolean
st_store_backup (StStore     *self,
                 const char  *dest_path,
                 gboolean     overwrite,
                 GError     **error)
{
  g_autofree char *tmp = NULL;
  g_autofree char *display = NULL;

  g_return_val_if_fail (ST_IS_STORE (self), FALSE);
  g_return_val_if_fail (dest_path != NULL, FALSE);

  display = g_filename_display_name (dest_path);
  /* Renaming a copy over the open database (or its WAL) would wreck it. */
  if (is_database_file (st_store_get_path (self), dest_path))
    {
      g_set_error (error, ST_ERROR, ST_ERROR_INVALID_INPUT,
                   /* Translators: %s is a file name */
                   _("“%s” is the database itself; choose another name for the backup"), display);
      return FALSE;
    }
  if (!overwrite && g_file_test (dest_path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, ST_ERROR, ST_ERROR_DUPLICATE,
                   /* Translators: %s is a file name */
                   _("“%s” already exists; choose another name or allow overwriting"), display);
      return FALSE;
    }
  tmp = _st_store_temp_path_beside (dest_path, error);
  if (tmp == NULL)
    return FALSE;
  /* A SQLite file copies itself page by page; a server's database row by row. */
  if (_st_store_get_dialect (self) == ST_DB_DIALECT_SQLITE
      ? !st_db_backup_to_file (_st_store_get_db (self), tmp, error)
      : !_st_store_copy_to_new_file (self, tmp, error))
    {
      g_unlink (tmp);
      return FALSE;
    }
  if (g_rename (tmp, dest_path) != 0)
    {
      int saved = errno;
      g_unlink (tmp);
      /* Translators: %1$s is a file name, %2$s the system's reason */
      g_set_error (error, ST_ERROR, ST_ERROR_IO, _("Cannot write “%1$s”: %2$s"), display,
                   g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

/* Restores without writing a byte to the backup: its header is read first, then SQLite's
 * quick check runs on a read-only connection, the copy is made from that connection, and the
 * copy (not the backup) is opened and checked before it replaces the target. */
gboolean
st_store_restore (const char  *backup_path,
                  const char  *target_path,
                  GError     **error)
{
  g_autoptr(StStore) copy = NULL;
  g_autoptr(StCheckReport) report = NULL;
  g_autoptr(GError) local = NULL;
  g_autofree char *display = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *wal = NULL;
  g_autofree char *shm = NULL;
  gboolean copied;

  g_return_val_if_fail (backup_path != NULL && target_path != NULL, FALSE);

  display = g_filename_display_name (backup_path);
  if (!g_file_test (backup_path, G_FILE_TEST_EXISTS))
    {
      /* Translators: %s is a file name */
      g_set_error (error, ST_ERROR, ST_ERROR_NOT_FOUND, _("There is no database at “%s”"),
                   display);
      return FALSE;
    }
  /* Copy beside the target, check the copy, then swap it in; the old WAL belongs to the old
   * file. */
  tmp = _st_store_temp_path_beside (target_path, error);
  if (tmp == NULL)
    return FALSE;
  copied = st_db_sqlite_copy_file (backup_path, tmp, error);
  if (!copied)
    {
      g_unlink (tmp);
      return FALSE;
    }
  copy = st_store_open (tmp, ST_STORE_OPEN_DEFAULT, &local);
  if (copy != NULL)
    report = st_store_check (copy, &local);
  if (report == NULL || report->problems->len > 0)
    {
      g_clear_object (&copy);
      st_db_sqlite_delete_file (tmp);
      if (report == NULL)
        g_set_error (error, ST_ERROR, local->code,
                     /* Translators: %1$s is a file name, %2$s what went wrong */
                     _("The backup “%1$s” fails its check: %2$s"), display, local->message);
      else
        g_set_error (error, ST_ERROR, ST_ERROR_CORRUPT,
                     /* Translators: %1$s is a file name, %2$s the first problem the check
                      * found */
                     _("The backup “%1$s” fails its check: %2$s"), display,
                     (const char *) g_ptr_array_index (report->problems, 0));
      return FALSE;
    }
  /* Closed last: checkpointed, its WAL gone. */
  g_clear_object (&copy);

  wal = g_strconcat (target_path, "-wal", NULL);
  shm = g_strconcat (target_path, "-shm", NULL);
  g_unlink (wal);
  g_unlink (shm);
  if (g_rename (tmp, target_path) != 0)
    {
      int saved = errno;
      g_autofree char *target = g_filename_display_name (target_path);
      st_db_sqlite_delete_file (tmp);
      /* Translators: %1$s is a file name, %2$s the system's reason */
      g_set_error (error, ST_ERROR, ST_ERROR_IO, _("Cannot write “%1$s”: %2$s"), target,
                   g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}
