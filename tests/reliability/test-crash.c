/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-crash.c — issue 8, item 1: serialtrack-cli is killed with SIGKILL at random moments
 * while it posts a 20,000-serial bill, invoice or transfer.  After every kill `check` passes,
 * and the document is either wholly present (all 20,000 units moved) or wholly absent (none).
 *
 * Each attempt starts from a copy of the same base database (20,000 units in stock at Main),
 * so that every kill meets the same transaction.  The delays are drawn across the time an
 * unkilled posting takes (measured first), plus some right after the start.  Kills per kind:
 * $ST_REL_KILLS (5 in the test suite, 50 in run-full.sh); seed: $ST_REL_SEED.
 *
 * With ST_TEST_POSTGRES=1 the same on a server database: each attempt starts from a copy of
 * the base database (CREATE DATABASE … TEMPLATE), the write transaction is timed by the
 * advisory write lock seen in pg_locks, and after a kill the test waits until the server has
 * ended the dead client's session (rolled back, or committed when the COMMIT had been sent)
 * before it looks.  3 kills per kind there unless $ST_REL_KILLS says otherwise. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include <glib/gstdio.h>

#include "st-error.h"
#include "st-store.h"
#include "st-rel-util.h"

/* 20,000 serials; 2,000 on a server unless $ST_REL_LONG=1 (a 20,000-serial posting takes
 * tens of seconds there). */
static guint n_serials = 20000;
#define N_SERIALS ((int) n_serials)

typedef struct
{
  const char *name;
  StDocKind   kind;
  const char *number;
} Kind;

static const Kind kinds[] = {
  { "bill", ST_DOC_BILL, "B-KILL" },
  { "invoice", ST_DOC_INVOICE, "INV-KILL" },
  { "transfer", ST_DOC_TRANSFER, "TR-KILL" },
};

static char *dir;
static char *base_db;
static char *base_serials;
static char *new_serials;
static GRand *rand_;

static void
make_base (void)
{
  g_autofree char *wal = NULL;

  dir = rel_tmpdir ("crash");
  base_db = rel_new_db (dir, "base.serialtrack");
  base_serials = g_build_filename (dir, "base-serials.txt", NULL);
  new_serials = g_build_filename (dir, "new-serials.txt", NULL);
  rel_write_serials (base_serials, "SN", 1, N_SERIALS);
  rel_write_serials (new_serials, "NEW", 1, N_SERIALS);

  rel_stock_big (base_db, base_serials, N_SERIALS, "2024-04-01");
  /* The CLI closed it last: checkpointed, no WAL left. */
  wal = g_strconcat (base_db, "-wal", NULL);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

/* A fresh copy of the base database for one attempt at kind @k. */
static char *
fresh_copy (const Kind *k)
{
  g_autofree char *db = NULL;

  if (rel_db_is_server (base_db))
    return st_pg_clone (base_db, k->name);
  db = g_strdup_printf ("%s/%s.serialtrack", dir, k->name);
  rel_remove_db (db);
  rel_copy (base_db, db);
  return g_steal_pointer (&db);
}

static void
add_words (GPtrArray          *argv,
           const char * const *words)
{
  for (guint i = 0; words[i] != NULL; i++)
    g_ptr_array_add (argv, g_strdup (words[i]));
}

static GPtrArray *
posting_argv (const Kind *k,
              const char *db)
{
  GPtrArray *argv = g_ptr_array_new_with_free_func (g_free);
  const char *cli = rel_cli_path ();

  g_ptr_array_add (argv, g_strdup (cli));
  g_ptr_array_add (argv, g_strdup ("--db"));
  g_ptr_array_add (argv, g_strdup (db));
  switch (k->kind)
    {
    case ST_DOC_BILL:
      add_words (argv, (const char *[]) { "bill", "post", "--vendor", "Acme", "--number", k->number,
                                        "--warehouse", "Main", "--date", "2024-05-01", NULL });
      g_ptr_array_add (argv, g_strdup ("--line"));
      g_ptr_array_add (argv, g_strdup_printf ("BIG:%d:1.50:@%s", N_SERIALS, new_serials));
      break;
    case ST_DOC_INVOICE:
      /* Every serial given, as a scanner would: each one is looked up and checked. */
      add_words (argv, (const char *[]) { "invoice", "post", "--customer", "Bob", "--number",
                                        k->number, "--warehouse", "Main", "--date", "2024-05-01",
                                        NULL });
      g_ptr_array_add (argv, g_strdup ("--line"));
      g_ptr_array_add (argv, g_strdup_printf ("BIG:%d:2.00:@%s", N_SERIALS, base_serials));
      break;
    case ST_DOC_TRANSFER:
      /* No serials: the oldest units are picked. */
      add_words (argv, (const char *[]) { "transfer", "post", "--from", "Main", "--to", "Shop",
                                        "--number", k->number, "--date", "2024-05-01", NULL });
      g_ptr_array_add (argv, g_strdup ("--line"));
      g_ptr_array_add (argv, g_strdup_printf ("BIG:%d", N_SERIALS));
      break;
    default:
      g_assert_not_reached ();
    }
  g_ptr_array_add (argv, NULL);
  return argv;
}

/* SQLite's WAL locks are bytes of the -shm file (os_unix.c): the write lock at 120, the
 * checkpoint lock at 121.  Another process holding one shows with F_GETLK. */
enum
{
  LOCK_WRITE = 1 << 0,
  LOCK_CKPT  = 1 << 1,
};

static int
shm_locks (const char *shm)
{
  int fd = g_open (shm, O_RDONLY, 0);
  int held = 0;

  if (fd < 0)
    return 0;
  for (int i = 0; i < 2; i++)
    {
      struct flock lock = { 0 };

      lock.l_type = F_WRLCK;
      lock.l_whence = SEEK_SET;
      lock.l_start = 120 + i;
      lock.l_len = 1;
      if (fcntl (fd, F_GETLK, &lock) == 0 && lock.l_type != F_UNLCK)
        held |= 1 << i;
    }
  close (fd);
  return held;
}

/* On a server: the advisory lock that serialises writers, held by a session of @db. */
static int
server_locks (const char *db)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM pg_locks l"
                                          " JOIN pg_database d ON d.oid = l.database"
                                          " WHERE l.locktype = 'advisory' AND l.granted"
                                          " AND d.datname = '%s'", st_pg_dbname (db));
  g_autofree char *out = st_pg_sql ("dbname=postgres", sql);

  return atoi (out) > 0 ? LOCK_WRITE : 0;
}

static int
write_locks (const char *db,
             const char *shm)
{
  return rel_db_is_server (db) ? server_locks (db) : shm_locks (shm);
}

/* On a server: waits until no session of @db is left (the killed client's backend has seen
 * the connection close and ended its transaction). */
static void
wait_for_sessions_to_end (const char *db)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM pg_stat_activity"
                                          " WHERE datname = '%s'", st_pg_dbname (db));
  gint64 until = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (TRUE)
    {
      g_autofree char *out = st_pg_sql ("dbname=postgres", sql);

      if (atoi (out) == 0)
        return;
      g_assert_cmpint (g_get_monotonic_time (), <, until);
      g_usleep (10000);
    }
}

typedef struct
{
  gint64 elapsed_us;     /* start to exit */
  gint64 write_from_us;  /* the write lock first seen held (-1: never) */
  gint64 write_to_us;    /* … last seen held */
  int    locks_at_kill;  /* LOCK_* held when the SIGKILL was sent */
} Timing;

/* Starts the posting; kills it after @delay_us unless @delay_us < 0.  Returns TRUE when the
 * process died of the SIGKILL, FALSE when it had exited by itself (asserting exit 0).
 * Without a kill, watches SQLite's write lock to time the transaction. */
static gboolean
run_posting (const Kind *k,
             const char *db,
             gint64      delay_us,
             Timing     *timing)
{
  g_autofree char *shm = g_strconcat (db, "-shm", NULL);
  g_autoptr(GPtrArray) argv = posting_argv (k, db);
  g_autoptr(GError) error = NULL;
  g_autofree char *errlog = g_strconcat (db, ".stderr", NULL);
  g_auto(GStrv) envp = g_environ_unsetenv (g_get_environ (), "SERIALTRACK_DB");
  int null_fd = g_open ("/dev/null", O_WRONLY, 0);
  int err_fd = g_open (errlog, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  gint64 start;
  GPid pid;
  int status = 0;
  pid_t waited;

  g_assert_cmpint (null_fd, >=, 0);
  g_assert_cmpint (err_fd, >=, 0);
  start = g_get_monotonic_time ();
  g_spawn_async_with_pipes_and_fds (NULL, (const char * const *) argv->pdata,
                                    (const char * const *) envp,
                                    G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                                    -1, null_fd, err_fd, NULL, NULL, 0,
                                    &pid, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  close (null_fd);
  close (err_fd);

  timing->write_from_us = timing->write_to_us = -1;
  timing->locks_at_kill = 0;
  if (delay_us >= 0)
    {
      gint64 wait = start + delay_us - g_get_monotonic_time ();

      if (wait > 0)
        g_usleep (wait);
      timing->locks_at_kill = write_locks (db, shm);
      kill (pid, SIGKILL);
    }
  else
    {
      /* Poll until it exits, noting when it holds the write lock. */
      while ((waited = waitpid (pid, &status, WNOHANG)) == 0)
        {
          gint64 now = g_get_monotonic_time () - start;

          if (write_locks (db, shm) & LOCK_WRITE)
            {
              if (timing->write_from_us < 0)
                timing->write_from_us = now;
              timing->write_to_us = now;
            }
          g_usleep (200);
        }
      g_assert_cmpint (waited, ==, pid);
      goto reaped;
    }
  do
    waited = waitpid (pid, &status, 0);
  while (waited < 0 && errno == EINTR);
  g_assert_cmpint (waited, ==, pid);
reaped:
  timing->elapsed_us = g_get_monotonic_time () - start;
  g_spawn_close_pid (pid);
  if (rel_db_is_server (db))
    wait_for_sessions_to_end (db);

  if (WIFSIGNALED (status))
    {
      g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);
      return TRUE;
    }
  if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
    {
      g_autofree char *text = NULL;
      g_file_get_contents (errlog, &text, NULL, NULL);
      g_printerr ("%s posting exited with %d: %s\n", k->name, WEXITSTATUS (status), text);
    }
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
  return FALSE;
}

/* `check` passes; the units moved by the document are all 20,000 or none, the others are
 * where they were; the document exists exactly when they moved.  Returns whether it did. */
static gboolean
assert_all_or_nothing (const Kind *k,
                       const char *db)
{
  g_autoptr(TjNode) units = NULL;
  g_autoptr(StStore) store = NULL;
  g_autoptr(StDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  guint n, received = 0, sold = 0, at_shop = 0, at_main_in_stock = 0;
  guint moved;

  g_free (rel_cli_ok (db, "check", NULL));

  units = rel_cli_json (db, "units", "--item", "BIG", NULL);
  n = tj_len (units, "");
  for (guint i = 0; i < n; i++)
    {
      TjNode *u = g_ptr_array_index (units->items, i);
      const char *status = tj_str (u, "status");
      const char *warehouse = tj_str (u, "warehouse");

      if (g_strcmp0 (tj_str (u, "received_document"), "B-KILL") == 0)
        received++;
      if (g_strcmp0 (status, "sold") == 0)
        {
          g_assert_cmpstr (tj_str (u, "invoice"), ==, "INV-KILL");
          sold++;
        }
      else if (g_strcmp0 (warehouse, "Shop") == 0)
        at_shop++;
      else
        {
          g_assert_cmpstr (status, ==, "in_stock");
          g_assert_cmpstr (warehouse, ==, "Main");
          at_main_in_stock++;
        }
    }

  switch (k->kind)
    {
    case ST_DOC_BILL:
      moved = received;
      g_assert_cmpuint (n, ==, N_SERIALS + received);
      g_assert_cmpuint (at_main_in_stock, ==, n);
      break;
    case ST_DOC_INVOICE:
      moved = sold;
      g_assert_cmpuint (n, ==, N_SERIALS);
      g_assert_cmpuint (at_main_in_stock, ==, N_SERIALS - sold);
      break;
    case ST_DOC_TRANSFER:
      moved = at_shop;
      g_assert_cmpuint (n, ==, N_SERIALS);
      g_assert_cmpuint (at_main_in_stock, ==, N_SERIALS - at_shop);
      break;
    default:
      g_assert_not_reached ();
    }
  if (moved != 0 && moved != n_serials)
    g_printerr ("%s: %u of %d units moved\n", k->name, moved, N_SERIALS);
  g_assert_true (moved == 0 || moved == n_serials);

  store = st_store_open (db, ST_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  doc = st_store_get_document (store, k->kind, k->number, &error);
  if (moved == 0)
    {
      g_assert_null (doc);
      g_assert_error (error, ST_ERROR, ST_ERROR_NOT_FOUND);
    }
  else
    {
      g_assert_no_error (error);
      g_assert_cmpint (st_document_get_quantity (doc), ==, N_SERIALS);
      g_assert_cmpint (st_document_get_status (doc), ==, ST_DOC_STATUS_POSTED);
    }
  return moved != 0;
}

/* WAL frames left by the killed process (the copy it started from had no WAL). */
static gboolean
wal_has_frames (const char *db)
{
  g_autofree char *wal = NULL;

  if (rel_db_is_server (db))
    return FALSE;
  wal = g_strconcat (db, "-wal", NULL);
  return rel_file_size (wal) > 32;
}

static void
test_kill_posting (gconstpointer data)
{
  const Kind *k = data;
  gboolean server = rel_db_is_server (base_db);
  g_autofree char *db = NULL;
  guint wanted = rel_count ("ST_REL_KILLS", server ? 3 : 5);
  guint kills = 0, attempts = 0, finished = 0;
  guint in_txn_absent = 0, in_txn_present = 0, checkpointing = 0, outside = 0, outside_present = 0;
  guint uncommitted_frames = 0;
  Timing cal, t;

  /* How long one unkilled posting takes, and when it holds the write lock. */
  db = fresh_copy (k);
  g_assert_false (run_posting (k, db, -1, &cal));
  g_assert_true (assert_all_or_nothing (k, db));
  g_assert_cmpint (cal.write_from_us, >=, 0);

  while (kills < wanted)
    {
      gint64 delay;
      gboolean present, frames;
      int pick = g_rand_int_range (rand_, 0, 6);

      g_assert_cmpuint (attempts, <, wanted * 4);
      attempts++;
      /* Half inside the write transaction as timed, one in six right after the start
       * (loading, parsing), the rest anywhere in the run and a little past it. */
      if (pick < 3)
        delay = g_rand_int_range (rand_, (gint32) cal.write_from_us,
                                  (gint32) cal.write_to_us + 1);
      else if (pick == 3)
        delay = g_rand_int_range (rand_, 0, 5000);
      else
        delay = g_rand_int_range (rand_, 0, (gint32) (cal.elapsed_us * 11 / 10) + 1);

      g_free (db);
      db = fresh_copy (k);
      if (!run_posting (k, db, delay, &t))
        {
          finished++;
          g_assert_true (assert_all_or_nothing (k, db));
          continue;
        }
      kills++;
      frames = wal_has_frames (db);
      present = assert_all_or_nothing (k, db);
      if (!present && frames)
        uncommitted_frames++;
      if (t.locks_at_kill & LOCK_WRITE)
        {
          if (present)
            in_txn_present++;
          else
            in_txn_absent++;
        }
      else if (t.locks_at_kill & LOCK_CKPT)
        checkpointing++;
      else if (present)
        outside_present++;
      else
        outside++;
    }
  if (server)
    {
      st_pg_drop (db);
      rel_figure (k->name,
                  "on PostgreSQL: %u kills survived (%u attempts, %u finished first); unkilled "
                  "posting %.0f ms, write lock held %.0f-%.0f ms; killed holding the write "
                  "lock: %u with the document absent afterwards, %u present (the COMMIT was "
                  "on its way); killed outside the transaction: %u absent, %u present; check "
                  "passed and the document was all-or-nothing after every kill",
                  kills, attempts, finished, cal.elapsed_us / 1000.0,
                  cal.write_from_us / 1000.0, cal.write_to_us / 1000.0, in_txn_absent,
                  in_txn_present, outside, outside_present);
      return;
    }
  rel_remove_db (db);

  rel_figure (k->name,
              "%u kills survived (%u attempts, %u finished first); unkilled posting %.0f ms, "
              "write lock held %.0f-%.0f ms; killed holding the write lock: %u before the "
              "commit (document absent), %u after it (our checkpoint; present); killed while "
              "checkpointing: %u; killed outside a transaction: %u absent, %u present; "
              "uncommitted frames left in the WAL by %u kills; check passed and the document "
              "was all-or-nothing after every kill",
              kills, attempts, finished, cal.elapsed_us / 1000.0, cal.write_from_us / 1000.0,
              cal.write_to_us / 1000.0, in_txn_absent, in_txn_present, checkpointing,
              outside, outside_present, uncommitted_frames);
  /* In a long run many kills must have met the transaction in the middle, or the test
   * proves nothing. */
  if (wanted >= 50)
    g_assert_cmpuint (in_txn_absent, >=, wanted / 5);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  st_pg_require_server ("test-crash");
  if (st_pg_enabled () && g_strcmp0 (g_getenv ("ST_REL_LONG"), "1") != 0)
    n_serials = 2000;
  rand_ = rel_rand ("test-crash");
  make_base ();

  for (gsize i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autofree char *path = g_strdup_printf ("/crash/sigkill/%s", kinds[i].name);
      g_test_add_data_func (path, &kinds[i], test_kill_posting);
    }
  status = g_test_run ();

  st_test_remove_tree (dir);
  g_rand_free (rand_);
  return status;
}
