/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-wal.c — the store's use of SQLite's WAL, where processes meet (docs/RELIABILITY.md):
 *
 *   /wal/second-connection-keeps-locks  opening a second StStore on a file this process
 *       already has open (the app's window plus its posting thread) must not drop the
 *       process's POSIX locks on it; else another process, closing, thinks it is the last,
 *       deletes the WAL index under us, and two writers go at once;
 *   /wal/no-automatic-checkpoint  SQLite's automatic (passive) checkpoint is off: writes that
 *       do not go through a commit of ours leave the WAL alone, whatever its size;
 *   /wal/checkpoint-under-write-lock  a commit that leaves the WAL past the threshold
 *       checkpoints it, with another connection open. */
#include "config.h"

#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <sqlite3.h>
#include <glib/gstdio.h>

#include "st-error.h"
#include "st-store.h"
#include "st-rel-util.h"

/* SQLite's lock bytes on the database file (os_unix.c): the SHARED range. */
#define SHARED_FIRST 0x40000002
#define SHARED_SIZE  510

static StStore *
open_store (const char *path,
            gboolean    create)
{
  g_autoptr(GError) error = NULL;
  StStore *store = st_store_open (path, create ? ST_STORE_OPEN_CREATE : 0, &error);

  g_assert_no_error (error);
  return store;
}

static void
add_basics (StStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StWarehouse) w = st_store_add_warehouse (store, "Main", &error);
  g_autoptr(StContact) c = st_store_add_contact (store, ST_CONTACT_VENDOR, "Acme", &error);
  StItemSpec spec = { "T", "Thing", NULL, 100, 50, ST_TRACKING_SERIAL, 0, ST_SERIAL_FORMAT_ANY };
  g_autoptr(StItem) item = st_store_add_item (store, &spec, &error);

  g_assert_no_error (error);
}

static void
post_bill (StStore    *store,
           const char *number,
           const char *prefix,
           guint       n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StDraft) draft = st_draft_new (ST_DOC_BILL);
  g_autoptr(StDocument) doc = NULL;
  StDraftLine *line;

  st_draft_set_string (&draft->number, number);
  st_draft_set_string (&draft->contact, "Acme");
  st_draft_set_string (&draft->warehouse, "Main");
  line = st_draft_add_line (draft, "T", n);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *serial = g_strdup_printf ("%s%06u", prefix, i);
      st_draft_line_add_serial (line, serial);
    }
  doc = st_store_post (store, draft, &error);
  g_assert_no_error (error);
}

/* Run in a subprocess: does another process (the test) hold a SHARED lock on $ST_WAL_DB? */
static void
probe_shared_lock (void)
{
  struct flock lock = { 0 };
  int fd = g_open (g_getenv ("ST_WAL_DB"), O_RDONLY, 0);

  g_assert_cmpint (fd, >=, 0);
  lock.l_type = F_WRLCK;
  lock.l_whence = SEEK_SET;
  lock.l_start = SHARED_FIRST;
  lock.l_len = SHARED_SIZE;
  g_assert_cmpint (fcntl (fd, F_GETLK, &lock), ==, 0);
  close (fd);
  g_assert_cmpint (lock.l_type, ==, F_RDLCK);
}

static void
test_second_connection_keeps_locks (void)
{
  g_autofree char *dir = rel_tmpdir ("wal");
  g_autofree char *db = g_build_filename (dir, "db.serialtrack", NULL);
  g_autofree char *shm = g_strconcat (db, "-shm", NULL);
  g_autoptr(StStore) window = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(StUnit) unit = NULL;

  if (g_test_subprocess ())
    {
      probe_shared_lock ();
      return;
    }
  window = open_store (db, TRUE);
  add_basics (window);

  /* The posting thread's connection comes and goes. */
  {
    g_autoptr(StStore) thread = open_store (db, FALSE);
    post_bill (thread, "B1", "X", 3);
  }

  /* This process still holds its SHARED lock, as seen from another process … */
  g_setenv ("ST_WAL_DB", db, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();

  /* … so a CLI that writes and exits does not take itself for the last one and leaves the WAL
   * index alone; the window sees its writes. */
  g_free (rel_cli_ok (db, "bill", "post", "--vendor", "Acme", "--number", "B2", "--warehouse",
                      "Main", "--line", "T:1:1.00:CLI-1", NULL));
  g_assert_true (g_file_test (shm, G_FILE_TEST_EXISTS));
  unit = st_store_find_unit (window, "CLI-1", "T", &error);
  g_assert_no_error (error);

  g_clear_object (&window);
  st_test_remove_tree (dir);
}

/* mxFrame (WAL frames) and nBackfill (frames checkpointed) from the WAL index. */
static void
read_wal_index (const char *db,
                guint32    *mx_frame,
                guint32    *backfill)
{
  g_autofree char *shm = g_strconcat (db, "-shm", NULL);
  g_autofree char *contents = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (shm, &contents, &len, NULL));
  g_assert_cmpuint (len, >=, 136);
  memcpy (mx_frame, contents + 16, 4);
  memcpy (backfill, contents + 96, 4);
}

static void
test_no_automatic_checkpoint (void)
{
  g_autofree char *dir = rel_tmpdir ("wal");
  g_autofree char *db = g_build_filename (dir, "db.serialtrack", NULL);
  g_autofree char *control = g_build_filename (dir, "control.sqlite", NULL);
  g_autoptr(StStore) a = NULL, b = NULL;
  sqlite3 *raw = NULL, *raw2 = NULL;
  guint32 mx, backfill;

  a = open_store (db, TRUE);
  b = open_store (db, FALSE);   /* so that closing is never "the last connection" */
  add_basics (a);
  /* Each of these is an autocommit write of its own, not one of our commits. */
  for (guint i = 0; i < 1100; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *name = g_strdup_printf ("Customer %u", i);
      g_autoptr(StContact) c = st_store_add_contact (a, ST_CONTACT_CUSTOMER, name, &error);

      g_assert_no_error (error);
    }
  read_wal_index (db, &mx, &backfill);
  g_assert_cmpuint (mx, >, 1000);
  g_assert_cmpuint (backfill, ==, 0);

  /* The control: plain SQLite checkpoints by itself past 1,000 frames. */
  g_assert_cmpint (sqlite3_open (control, &raw), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_open (control, &raw2), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw, "PRAGMA journal_mode = WAL; CREATE TABLE t (x);", NULL,
                                 NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw2, "SELECT * FROM t", NULL, NULL, NULL), ==, SQLITE_OK);
  for (guint i = 0; i < 1100; i++)
    g_assert_cmpint (sqlite3_exec (raw, "INSERT INTO t VALUES (1)", NULL, NULL, NULL), ==,
                     SQLITE_OK);
  /* It checkpointed at 1,000 frames, and the next write started the WAL over. */
  read_wal_index (control, &mx, &backfill);
  g_assert_cmpuint (mx, <, 1000);
  sqlite3_close (raw2);
  sqlite3_close (raw);

  g_clear_object (&b);
  g_clear_object (&a);
  st_test_remove_tree (dir);
}

static void
test_checkpoint_under_write_lock (void)
{
  g_autofree char *dir = rel_tmpdir ("wal");
  g_autofree char *db = g_build_filename (dir, "db.serialtrack", NULL);
  g_autoptr(StStore) a = NULL, b = NULL;
  guint32 mx, backfill;

  a = open_store (db, TRUE);
  b = open_store (db, FALSE);
  add_basics (a);
  /* 20,000 units: past 1,000 WAL frames in one commit. */
  post_bill (a, "BIG", "S", 20000);
  read_wal_index (db, &mx, &backfill);
  g_assert_cmpuint (mx, >, 1000);
  g_assert_cmpuint (backfill, ==, mx);

  /* The next writer starts the WAL over: it was checkpointed. */
  post_bill (b, "SMALL", "Z", 1);
  read_wal_index (db, &mx, &backfill);
  g_assert_cmpuint (mx, <, 1000);

  g_clear_object (&b);
  g_clear_object (&a);
  st_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  st_pg_skip_binary ("SQLite's WAL and its locks");
  g_test_add_func ("/wal/second-connection-keeps-locks", test_second_connection_keeps_locks);
  g_test_add_func ("/wal/no-automatic-checkpoint", test_no_automatic_checkpoint);
  g_test_add_func ("/wal/checkpoint-under-write-lock", test_checkpoint_under_write_lock);
  return g_test_run ();
}
