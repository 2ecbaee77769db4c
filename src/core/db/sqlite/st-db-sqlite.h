/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-db-sqlite.h — the SQLite driver (a file on this computer), and what only a SQLite file
 * has: its header, read before SQLite touches the file, and a checked copy for restoring. */
#pragma once

#include "st-db.h"

G_BEGIN_DECLS

/* Whether @path's header is a SerialTrack database this program can open (read through
 * SQLite's VFS; nothing written): ST_ERROR_NOT_SERIALTRACK, _NEWER_SCHEMA or _IO. */
gboolean st_db_sqlite_check_file  (const char  *path,
                                   GError     **error);
/* TRUE when another process has the database open (holds one of SQLite's locks on it). */
gboolean st_db_sqlite_file_in_use (const char  *path);
/* Copies the SQLite database @source_path, after SQLite's quick check on a read-only
 * connection, into a new file @dest_path (nothing written to the source). */
gboolean st_db_sqlite_copy_file   (const char  *source_path,
                                   const char  *dest_path,
                                   GError     **error);
/* Removes the database file @path with its WAL and shared-memory files. */
void     st_db_sqlite_delete_file (const char  *path);

G_END_DECLS
