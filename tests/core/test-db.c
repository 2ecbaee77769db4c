/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-db.c — the storage driver interface itself (st-db.h), on SQLite and PostgreSQL:
 * statements that stream many rows (exports, check, copy). */
#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "st-db.h"
#include "st-error.h"
#include "st-test-util.h"

/* More than one batch of the PostgreSQL driver's cursor (ST_PG_FETCH_ROWS = 2,000). */
#define N_NUMBERS 4500

typedef struct
{
  char *dir;
  StDb *db;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *location = NULL;
  g_autofree char *sql = NULL;

  f->dir = g_dir_make_tmp ("st-test-db-XXXXXX", &error);
  g_assert_no_error (error);
  location = st_test_new_location (f->dir, "db.sqlite");
  f->db = st_db_open (location, TRUE, &error);
  g_assert_no_error (error);
  sql = g_strdup_printf ("CREATE TABLE numbers (n BIGINT NOT NULL PRIMARY KEY, label TEXT);"
                         "INSERT INTO numbers (n, label)"
                         " WITH RECURSIVE s (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s"
                         "                          WHERE n < %d)"
                         " SELECT n, 'row ' || n FROM s", N_NUMBERS);
  g_assert_true (st_db_exec (f->db, sql, &error));
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->db);
  st_test_remove_tree (f->dir);
  g_free (f->dir);
}

static gint64
open_cursors (StDb *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StStmt) stmt = st_db_prepare (db, "SELECT count (*) FROM pg_cursors"
                                              " WHERE name LIKE 'st_cursor%'", &error);

  g_assert_no_error (error);
  g_assert_cmpint (st_stmt_step (stmt, &error), ==, ST_STEP_ROW);
  return st_stmt_column_int64 (stmt, 0);
}

/* Two streaming statements stepped in turn, with ordinary lookups between their rows, inside
 * one read transaction: every row once, in order (on PostgreSQL through cursors, fetched in
 * batches). */
static void
test_stream_interleaved (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StStmt) up = NULL;
  g_autoptr(StStmt) down = NULL;
  int n = 0;

  g_assert_true (st_db_begin_read (f->db, &error));
  up = st_db_prepare (f->db, "SELECT n, label FROM numbers WHERE n > ? ORDER BY n", &error);
  g_assert_no_error (error);
  down = st_db_prepare (f->db, "SELECT n FROM numbers ORDER BY n DESC", &error);
  g_assert_no_error (error);
  st_stmt_set_streaming (up);
  st_stmt_set_streaming (down);
  st_stmt_bind_int64 (up, 1, 0);

  for (;;)
    {
      int rc_up = st_stmt_step (up, &error);
      int rc_down;

      g_assert_no_error (error);
      rc_down = st_stmt_step (down, &error);
      g_assert_no_error (error);
      g_assert_cmpint (rc_up, ==, rc_down);
      if (rc_up == ST_STEP_DONE)
        break;
      n++;
      g_assert_cmpint (st_stmt_column_int64 (up, 0), ==, n);
      g_assert_cmpint (st_stmt_column_int64 (down, 0), ==, N_NUMBERS + 1 - n);
      if (n % 1000 == 0)
        {
          g_autoptr(StStmt) lookup = st_db_prepare (f->db,
                                                    "SELECT label FROM numbers WHERE n = ?",
                                                    &error);
          g_autofree char *want = g_strdup_printf ("row %d", n / 2);

          g_assert_no_error (error);
          st_stmt_bind_int64 (lookup, 1, n / 2);
          g_assert_cmpint (st_stmt_step (lookup, &error), ==, ST_STEP_ROW);
          g_assert_cmpstr (st_stmt_column_text (lookup, 0), ==, want);
          g_free (want);
          want = g_strdup_printf ("row %d", n);
          g_assert_cmpstr (st_stmt_column_text (up, 1), ==, want);
          if (st_db_get_dialect (f->db) == ST_DB_DIALECT_POSTGRES)
            g_assert_cmpint (open_cursors (f->db), ==, 2);
        }
    }
  g_assert_cmpint (n, ==, N_NUMBERS);
  g_assert_cmpint (st_stmt_column_count (up), ==, 2);
  g_assert_cmpstr (st_stmt_column_name (up, 1), ==, "label");
  g_assert_true (st_db_commit (f->db, &error));
  g_assert_no_error (error);
}

/* A streaming statement released halfway runs again from the start; one left open when its
 * transaction ended is released and reused in the next; outside a transaction it returns
 * its rows whole. */
static void
test_stream_reuse (Fixture       *f,
                   gconstpointer  data)
{
  const char *sql = "SELECT n FROM numbers WHERE n > ? ORDER BY n";
  g_autoptr(GError) error = NULL;
  StStmt *stmt;
  int n;

  g_assert_true (st_db_begin_read (f->db, &error));
  stmt = st_db_prepare (f->db, sql, &error);
  g_assert_no_error (error);
  st_stmt_set_streaming (stmt);
  st_stmt_bind_int64 (stmt, 1, 0);
  for (n = 0; n < 2100; n++)
    g_assert_cmpint (st_stmt_step (stmt, &error), ==, ST_STEP_ROW);
  g_assert_cmpint (st_stmt_column_int64 (stmt, 0), ==, 2100);
  st_stmt_release (stmt);

  stmt = st_db_prepare (f->db, sql, &error);
  st_stmt_bind_int64 (stmt, 1, N_NUMBERS - 500);
  for (n = 0; st_stmt_step (stmt, &error) == ST_STEP_ROW; n++)
    ;
  g_assert_no_error (error);
  g_assert_cmpint (n, ==, 500);
  st_stmt_release (stmt);

  /* Open at the commit. */
  stmt = st_db_prepare (f->db, sql, &error);
  st_stmt_bind_int64 (stmt, 1, 0);
  g_assert_cmpint (st_stmt_step (stmt, &error), ==, ST_STEP_ROW);
  g_assert_true (st_db_commit (f->db, &error));
  g_assert_true (st_db_begin_read (f->db, &error));
  st_stmt_release (stmt);
  stmt = st_db_prepare (f->db, sql, &error);
  st_stmt_bind_int64 (stmt, 1, 10);
  for (n = 0; st_stmt_step (stmt, &error) == ST_STEP_ROW; n++)
    ;
  g_assert_no_error (error);
  g_assert_cmpint (n, ==, N_NUMBERS - 10);
  st_stmt_release (stmt);
  /* The transaction is still sound: no failed CLOSE of a cursor gone with the last one. */
  g_assert_true (st_db_commit (f->db, &error));
  g_assert_no_error (error);

  /* Outside a transaction. */
  stmt = st_db_prepare (f->db, sql, &error);
  st_stmt_bind_int64 (stmt, 1, 0);
  for (n = 0; st_stmt_step (stmt, &error) == ST_STEP_ROW; n++)
    ;
  g_assert_no_error (error);
  g_assert_cmpint (n, ==, N_NUMBERS);
  st_stmt_release (stmt);
}

/* Bulk loading: awkward values (tabs, newlines, backslashes, a NULL, an empty string, text
 * that looks like COPY's own \\N) come back exactly; on PostgreSQL through COPY FROM STDIN,
 * more than one chunk of it.  A copy given up leaves nothing once rolled back. */
static void
test_copy_rows (Fixture       *f,
                gconstpointer  data)
{
  static const char * const columns[] = { "id", "name", "note", NULL };
  static const char * const awkward[] = { "tab\there", "line\nbreak", "back\\slash\\",
                                          "\\N", "", "cr\rlf", "ümlaut €", NULL };
  const guint n_rows = 20000;
  g_autoptr(GError) error = NULL;
  g_autoptr(StStmt) stmt = NULL;
  guint n = 0;

  g_assert_true (st_db_exec (f->db, "CREATE TABLE things (id BIGINT PRIMARY KEY,"
                                    " name TEXT NOT NULL, note TEXT)", &error));
  g_assert_true (st_db_begin_write (f->db, &error));
  g_assert_true (st_db_copy_begin (f->db, "things", columns, &error));
  for (guint i = 1; i <= n_rows; i++)
    {
      g_autofree char *id = g_strdup_printf ("%u", i);
      g_autofree char *name = g_strdup_printf ("%s %u", awkward[i % 7], i);
      const char *values[] = { id, name, i % 5 == 0 ? NULL : awkward[i % 7] };

      g_assert_true (st_db_copy_row (f->db, values, &error));
    }
  g_assert_cmpint (st_db_copy_end (f->db, TRUE, &error), ==, n_rows);
  g_assert_no_error (error);
  g_assert_true (st_db_commit (f->db, &error));

  stmt = st_db_prepare (f->db, "SELECT id, name, note FROM things ORDER BY id", &error);
  g_assert_no_error (error);
  while (st_stmt_step (stmt, &error) == ST_STEP_ROW)
    {
      g_autofree char *name = NULL;

      n++;
      name = g_strdup_printf ("%s %u", awkward[n % 7], n);
      g_assert_cmpint (st_stmt_column_int64 (stmt, 0), ==, n);
      g_assert_cmpstr (st_stmt_column_text (stmt, 1), ==, name);
      g_assert_cmpstr (st_stmt_column_text (stmt, 2), ==, n % 5 == 0 ? NULL : awkward[n % 7]);
    }
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, n_rows);
  st_stmt_release (g_steal_pointer (&stmt));

  /* Given up half-way. */
  g_assert_true (st_db_begin_write (f->db, &error));
  g_assert_true (st_db_copy_begin (f->db, "things", columns, &error));
  {
    const char *values[] = { "999999", "late", NULL };
    g_assert_true (st_db_copy_row (f->db, values, &error));
  }
  g_assert_cmpint (st_db_copy_end (f->db, FALSE, NULL), ==, -1);
  st_db_rollback (f->db);
  stmt = st_db_prepare (f->db, "SELECT count (*) FROM things", &error);
  g_assert_cmpint (st_stmt_step (stmt, &error), ==, ST_STEP_ROW);
  g_assert_cmpint (st_stmt_column_int64 (stmt, 0), ==, n_rows);
}

/* Retries (issue 12, item 3).  The deadlock: a session outside SerialTrack (a report, an
 * administrator's psql) locks a unit's row, then waits for the writers' lock that a posting
 * of that unit holds while it waits for the row.  The server breaks the cycle by failing the
 * posting's transaction (40P01: it waited first, and the other session waits longer before
 * it looks for deadlocks); the core runs the posting again once the other session is gone,
 * and the caller sees the invoice posted, never the deadlock. */

static char *
psql_value (const char *dbname,
            const char *sql)
{
  const char *argv[] = { "psql", "-X", "-A", "-t", "-q", "-d", dbname, "-c", sql, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL,
                &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_strstrip (g_steal_pointer (&out));
}

/* Waits (up to 20 s) until @sql answers "t". */
static void
psql_wait_for (const char *dbname,
               const char *sql)
{
  for (guint i = 0; i < 400; i++)
    {
      g_autofree char *value = psql_value (dbname, sql);

      if (g_str_equal (value, "t"))
        return;
      g_usleep (50 * 1000);
    }
  g_error ("timed out waiting for: %s", sql);
}

static StDraft *
invoice_of (const char *serial)
{
  StDraft *draft = st_draft_new (ST_DOC_INVOICE);
  StDraftLine *line;

  st_draft_set_string (&draft->date, "2024-05-02");
  st_draft_set_string (&draft->contact, "Bob");
  st_draft_set_string (&draft->warehouse, "Main");
  line = st_draft_add_line (draft, "TOOL", 1);
  st_draft_line_set_rate (line, 9900);
  st_draft_line_add_serial (line, serial);
  return draft;
}

/* A write run on its own thread while a psql session sets up the deadlock. */
typedef struct
{
  StStore    *store;
  StDraft    *draft;      /* a posting: the invoice */
  const char *case_no;    /* or a service step: the case to start repairing */
  const char *count_no;   /* or a scan into this count (of T-1) */
  GObject    *result;
  GError     *error;
} Write;

static gpointer
write_thread (gpointer data)
{
  Write *w = data;

  if (w->draft != NULL)
    w->result = G_OBJECT (st_store_post (w->store, w->draft, &w->error));
  else if (w->count_no != NULL)
    w->result = G_OBJECT (st_store_count_scan (w->store, w->count_no, "T-1", &w->error));
  else
    w->result = G_OBJECT (st_store_service_set_status (w->store, w->case_no,
                                                       ST_SERVICE_IN_REPAIR, "2024-05-04",
                                                       &w->error));
  return NULL;
}

/* Runs @w while another session holds the row @lock_sql locks and then asks for the
 * writers' lock the write holds: a cycle the server breaks by failing the write's
 * transaction.  Returns when both are done; the write's outcome is in @w. */
static void
deadlock_around (const char *dbname,
                 const char *lock_sql,
                 Write      *w)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) locker = NULL;
  g_autofree char *deadlocks_before = NULL;
  g_autofree char *first = NULL;
  GOutputStream *in;
  GThread *thread;

  deadlocks_before = psql_value (dbname, "SELECT deadlocks FROM pg_stat_database"
                                         " WHERE datname = current_database ()");

  /* The other session takes the row and keeps its transaction open. */
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE
                                        | G_SUBPROCESS_FLAGS_STDOUT_SILENCE);
  g_subprocess_launcher_setenv (launcher, "PGAPPNAME", "st_locker", TRUE);
  locker = g_subprocess_launcher_spawn (launcher, &error, "psql", "-X", "-q", "-v",
                                        "ON_ERROR_STOP=1", "-d", dbname, NULL);
  g_assert_no_error (error);
  in = g_subprocess_get_stdin_pipe (locker);
  first = g_strdup_printf ("SET deadlock_timeout = '20s';\nBEGIN;\n%s;\n", lock_sql);
  g_assert_true (g_output_stream_write_all (in, first, strlen (first), NULL, NULL, &error));
  g_assert_true (g_output_stream_flush (in, NULL, &error));
  psql_wait_for (dbname, "SELECT EXISTS (SELECT 1 FROM pg_stat_activity"
                         " WHERE application_name = 'st_locker'"
                         " AND state = 'idle in transaction')");

  /* The write takes the writers' lock, then waits for the row. */
  thread = g_thread_new ("write", write_thread, w);
  psql_wait_for (dbname, "SELECT EXISTS (SELECT 1 FROM pg_stat_activity"
                         " WHERE datname = current_database () AND wait_event_type = 'Lock'"
                         " AND application_name <> 'st_locker')");

  /* The other session now wants the writers' lock: a cycle. */
  {
    const char *more = "SELECT pg_advisory_xact_lock (1398035051, 1349481332);\nCOMMIT;\n";

    g_assert_true (g_output_stream_write_all (in, more, strlen (more), NULL, NULL, &error));
    g_assert_true (g_output_stream_close (in, NULL, &error));
  }
  g_thread_join (thread);
  g_assert_true (g_subprocess_wait_check (locker, NULL, &error));

  /* The server did see a deadlock (its statistics may lag a moment). */
  {
    g_autofree char *sql = g_strdup_printf ("SELECT deadlocks > %s FROM pg_stat_database"
                                            " WHERE datname = current_database ()",
                                            deadlocks_before);
    psql_wait_for (dbname, sql);
  }
}

static const char *
postgres_dbname (StFixture *f)
{
  if (!st_test_postgres ())
    {
      g_test_skip ("a server's own behaviour (a SQLite writer locks the whole file first)");
      return NULL;
    }
  g_assert_true (g_str_has_prefix (f->path, "dbname="));
  return f->path + strlen ("dbname=");
}

static void
receive_two_tools (StFixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StDraft) bill = st_draft_new (ST_DOC_BILL);
  g_autoptr(StDocument) posted = NULL;
  StDraftLine *line;

  st_draft_set_string (&bill->number, "B-1");
  st_draft_set_string (&bill->date, "2024-05-01");
  st_draft_set_string (&bill->contact, "Acme");
  st_draft_set_string (&bill->warehouse, "Main");
  line = st_draft_add_line (bill, "TOOL", 2);
  st_draft_line_set_rate (line, 5000);
  st_test_line_add_serials (line, "T-1,T-2");
  posted = st_store_post (f->store, bill, &error);
  g_assert_no_error (error);
}

static void
test_retry_deadlock (StFixture     *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StUnit) unit = NULL;
  const char *dbname = postgres_dbname (f);
  Write w = { 0 };

  if (dbname == NULL)
    return;
  receive_two_tools (f);

  w.store = f->store;
  w.draft = invoice_of ("T-1");
  deadlock_around (dbname, "SELECT id FROM units WHERE serial = 'T-1' FOR UPDATE", &w);

  /* The posting went through, as if nothing had happened. */
  g_assert_no_error (w.error);
  g_assert_nonnull (w.result);
  unit = st_store_find_unit (f->store, "T-1", "TOOL", &error);
  g_assert_no_error (error);
  g_assert_cmpint (st_unit_get_status (unit), ==, ST_UNIT_SOLD);
  st_assert_check_ok (f->store);

  g_clear_object (&w.result);
  st_draft_free (w.draft);
}

/* The same for a step of a service case: its writes are retried like a posting's. */
static void
test_retry_deadlock_service (StFixture     *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StDraft) invoice = NULL;
  g_autoptr(StDocument) sold = NULL;
  g_autoptr(StServiceCase) opened = NULL;
  g_autoptr(StServiceCase) now = NULL;
  StServiceIntake intake = { .serial = "T-1", .complaint = "Does not start",
                             .date = "2024-05-03" };
  const char *dbname = postgres_dbname (f);
  Write w = { 0 };

  if (dbname == NULL)
    return;
  receive_two_tools (f);
  invoice = invoice_of ("T-1");
  sold = st_store_post (f->store, invoice, &error);
  g_assert_no_error (error);
  opened = st_store_service_open (f->store, &intake, &error);
  g_assert_no_error (error);

  w.store = f->store;
  w.case_no = st_service_case_get_number (opened);
  deadlock_around (dbname, "SELECT id FROM service_cases FOR UPDATE", &w);

  g_assert_no_error (w.error);
  g_assert_nonnull (w.result);
  now = st_store_service_get (f->store, w.case_no, &error);
  g_assert_no_error (error);
  g_assert_cmpint (st_service_case_get_status (now), ==, ST_SERVICE_IN_REPAIR);
  st_assert_check_ok (f->store);
  g_clear_object (&w.result);
}

/* And for a scan into a stock count. */
static void
test_retry_deadlock_count (StFixture     *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StCount) count = NULL;
  const char *dbname = postgres_dbname (f);
  Write w = { 0 };

  if (dbname == NULL)
    return;
  receive_two_tools (f);
  count = st_store_count_start (f->store, "Main", NULL, "2024-05-02", &error);
  g_assert_no_error (error);

  w.store = f->store;
  w.count_no = st_count_get_number (count);
  deadlock_around (dbname, "SELECT id FROM counts FOR UPDATE", &w);

  g_assert_no_error (w.error);
  g_assert_nonnull (w.result);
  g_assert_cmpint (st_count_scan_get_class (ST_COUNT_SCAN (w.result)), ==, ST_SCAN_FOUND);
  st_assert_check_ok (f->store);
  g_clear_object (&w.result);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/db/stream/interleaved", Fixture, NULL, fixture_setup, test_stream_interleaved,
              fixture_teardown);
  g_test_add ("/db/stream/reuse", Fixture, NULL, fixture_setup, test_stream_reuse,
              fixture_teardown);

  g_test_add ("/db/copy/rows", Fixture, NULL, fixture_setup, test_copy_rows, fixture_teardown);
  g_test_add ("/db/retry/deadlock", StFixture, NULL, st_fixture_setup, test_retry_deadlock,
              st_fixture_teardown);
  g_test_add ("/db/retry/deadlock-service", StFixture, NULL, st_fixture_setup,
              test_retry_deadlock_service, st_fixture_teardown);
  g_test_add ("/db/retry/deadlock-count", StFixture, NULL, st_fixture_setup,
              test_retry_deadlock_count, st_fixture_teardown);

  return g_test_run ();
}
