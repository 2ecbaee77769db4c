/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-cli-backup.c — backup and restore of the database. */
#define G_LOG_DOMAIN "st-cli"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <gio/gio.h>

#include "st-error.h"
#include "st-cli-private.h"

static gboolean
same_file (const char *a,
           const char *b)
{
  GStatBuf sa, sb;

  return g_stat (a, &sa) == 0 && g_stat (b, &sb) == 0 && sa.st_dev == sb.st_dev
         && sa.st_ino == sb.st_ino;
}

static gboolean
copy_aside (const char  *from,
            const char  *to,
            GError     **error)
{
  g_autoptr(GFile) source = g_file_new_for_path (from);
  g_autoptr(GFile) dest = g_file_new_for_path (to);
  g_autoptr(GError) local = NULL;

  if (!g_file_copy (source, dest, G_FILE_COPY_NONE, NULL, NULL, NULL, &local))
    {
      g_autofree char *display = g_filename_display_name (to);

      /* Translators: %1$s is a file name, %2$s the system's reason */
      g_set_error (error, ST_ERROR, ST_ERROR_IO, _("Cannot write “%1$s”: %2$s"), display,
                   local->message);
      return FALSE;
    }
  return TRUE;
}

int
st_cli_cmd_backup (StCli              *cli,
                   const StCliCommand *command,
                   int                 argc,
                   char              **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) args = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *db_display = NULL;
  g_autofree char *dest_display = NULL;
  gboolean force = FALSE;
  const StCliOption options[] = {
    { "force", ST_CLI_OPT_FLAG, &force },
    { NULL }
  };
  const char *dest;
  int status;

  if ((status = st_cli_parse_options (cli, command, options, argc, argv, 1, 1, &args)) >= 0)
    return status;
  dest = g_ptr_array_index (args, 0);
  if (!st_cli_open_store (cli, &error)
      || !st_store_backup (cli->store, dest, force, &error))
    return st_cli_fail (error);

  db_path = st_cli_database_path (cli);
  db_display = g_filename_display_name (db_path);
  dest_display = g_filename_display_name (dest);
  if (cli->json)
    {
      g_autoptr(JsonBuilder) json = json_builder_new ();

      json_builder_begin_object (json);
      st_cli_json_member_string (json, "database", db_display);
      st_cli_json_member_string (json, "backup", dest_display);
      json_builder_end_object (json);
      st_cli_print_json (json);
    }
  else
    {
      /* Translators: %1$s the database file, %2$s the backup file */
      g_autofree char *text = g_strdup_printf (_("Backed up “%1$s” to “%2$s”"), db_display,
                                               dest_display);
      st_cli_print_text (text);
      st_cli_print_text ("\n");
    }
  return ST_CLI_EXIT_OK;
}

/* Removes the copy @aside and its WAL. */
static void
remove_aside (const char *aside)
{
  g_autofree char *aside_wal = g_strconcat (aside, "-wal", NULL);

  g_unlink (aside);
  g_unlink (aside_wal);
}

/* Keeps what a restore replaces, WAL included (a damaged file may still hold something): a
 * copy of @target beside it, under a name nobody has taken ("….before-restore-STAMP", two
 * restores within one second get -2, -3 …).  Returns the copy's name, or NULL with @error
 * set (and no copy left). */
static char *
keep_aside (const char  *target,
            GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *aside = g_strdup_printf ("%s.before-restore-%s", target, stamp);
  g_autofree char *target_wal = g_strconcat (target, "-wal", NULL);
  g_autofree char *aside_wal = NULL;

  for (guint i = 2; g_file_test (aside, G_FILE_TEST_EXISTS); i++)
    {
      g_free (aside);
      aside = g_strdup_printf ("%s.before-restore-%s-%u", target, stamp, i);
    }
  aside_wal = g_strconcat (aside, "-wal", NULL);
  if (!copy_aside (target, aside, error)
      || (g_file_test (target_wal, G_FILE_TEST_EXISTS)
          && !copy_aside (target_wal, aside_wal, error)))
    {
      remove_aside (aside);
      return NULL;
    }
  return g_steal_pointer (&aside);
}

/* Restores into the --db target.  Refused when the backup is not a sound SerialTrack
 * database (st_store_restore checks it), when it is the target itself, when another program
 * has the target open, and — without --force — when the target is not a SerialTrack database
 * (a mistyped --db must not destroy somebody else's file).  The file it replaces is kept
 * beside it, with its WAL, so that nothing is ever lost by a restore. */
int
st_cli_cmd_restore (StCli              *cli,
                    const StCliCommand *command,
                    int                 argc,
                    char              **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) args = NULL;
  g_autofree char *target = NULL;
  g_autofree char *target_display = NULL;
  g_autofree char *backup_display = NULL;
  g_autofree char *aside = NULL;
  g_autofree char *aside_display = NULL;
  gboolean force = FALSE;
  const StCliOption options[] = {
    { "force", ST_CLI_OPT_FLAG, &force },
    { NULL }
  };
  const char *backup;
  int status;

  if ((status = st_cli_parse_options (cli, command, options, argc, argv, 1, 1, &args)) >= 0)
    return status;
  backup = g_ptr_array_index (args, 0);
  target = st_cli_database_path (cli);
  target_display = g_filename_display_name (target);
  backup_display = g_filename_display_name (backup);

  if (!g_file_test (backup, G_FILE_TEST_EXISTS))
    {
      /* Translators: %s is a file name */
      g_set_error (&error, ST_ERROR, ST_ERROR_NOT_FOUND, _("There is no backup at “%s”"),
                   backup_display);
      return st_cli_fail (error);
    }

  if (g_file_test (target, G_FILE_TEST_EXISTS))
    {
      if (same_file (backup, target))
        {
          g_set_error (&error, ST_ERROR, ST_ERROR_INVALID_INPUT,
                       /* Translators: %s is a file name */
                       _("“%s” is the database itself, not a backup of it"), backup_display);
          return st_cli_fail (error);
        }
      if (st_store_file_in_use (target))
        {
          g_set_error (&error, ST_ERROR, ST_ERROR_BUSY,
                       /* Translators: %s is a file name */
                       _("“%s” is open in another program (SerialTrack?); close it before "
                         "restoring"), target_display);
          return st_cli_fail (error);
        }
      if (!force && !st_store_file_is_serialtrack (target, NULL))
        {
          g_set_error (&error, ST_ERROR, ST_ERROR_NOT_SERIALTRACK,
                       /* Translators: %s is a file name; keep --force as it is */
                       _("“%s” is not a SerialTrack database (or its header is damaged); add "
                         "--force to replace it anyway"), target_display);
          return st_cli_fail (error);
        }

      if ((aside = keep_aside (target, &error)) == NULL)
        return st_cli_fail (error);
      aside_display = g_filename_display_name (aside);
    }

  if (!st_store_restore (backup, target, &error))
    {
      if (aside != NULL)
        remove_aside (aside);
      return st_cli_fail (error);
    }

  if (cli->json)
    {
      g_autoptr(JsonBuilder) json = json_builder_new ();

      json_builder_begin_object (json);
      st_cli_json_member_string (json, "database", target_display);
      st_cli_json_member_string (json, "backup", backup_display);
      st_cli_json_member_string (json, "previous", aside_display);
      json_builder_end_object (json);
      st_cli_print_json (json);
    }
  else
    {
      g_autofree char *text = NULL;

      if (aside_display != NULL)
        /* Translators: %1$s the database file, %2$s the backup, %3$s where the replaced
         * file was kept */
        text = g_strdup_printf (_("Restored “%1$s” from “%2$s”; the file it replaced is kept "
                                  "as “%3$s”"), target_display, backup_display, aside_display);
      else
        /* Translators: %1$s the database file, %2$s the backup */
        text = g_strdup_printf (_("Restored “%1$s” from “%2$s”"), target_display,
                                backup_display);
      st_cli_print_text (text);
      st_cli_print_text ("\n");
    }
  return ST_CLI_EXIT_OK;
}

int
st_cli_cmd_copy (StCli              *cli,
                 const StCliCommand *command,
                 int                 argc,
                 char              **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) args = NULL;
  g_autoptr(StCheckReport) report = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *db_display = NULL;
  g_autofree char *target_display = NULL;
  gboolean force = FALSE;
  const StCliOption options[] = {
    { "force", ST_CLI_OPT_FLAG, &force },
    { NULL }
  };
  const char *target;
  int status;

  if ((status = st_cli_parse_options (cli, command, options, argc, argv, 1, 1, &args)) >= 0)
    return status;
  target = g_ptr_array_index (args, 0);
  if (!st_cli_open_store (cli, &error)
      || (report = st_store_copy (cli->store, target, force, &error)) == NULL)
    return st_cli_fail (error);

  db_path = st_cli_database_path (cli);
  db_display = st_store_location_display (db_path);
  target_display = st_store_location_display (target);
  if (!cli->json)
    {
      /* Translators: %1$s the database copied, %2$s where to (files, or databases on servers) */
      g_autofree char *text = g_strdup_printf (_("Copied “%1$s” to “%2$s”; its check:"),
                                               db_display, target_display);
      st_cli_print_text (text);
      st_cli_print_text ("\n");
    }
  return st_cli_print_check_report (cli, report);
}
