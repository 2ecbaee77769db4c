/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-race.c — issue 8, item 2: two processes post on one database at the same time.
 *
 *   /race/two-clis      two serialtrack-cli processes;
 *   /race/app-and-cli   st-app-poster (the app's connection pattern: a long-lived main
 *                       connection plus a posting thread with its own connection, through
 *                       the same core calls) and serialtrack-cli.
 *
 * Each round, both processes are started together twice: first each posts a bill of its own
 * new serials (both must succeed), then each posts an invoice selling the same unit (exactly
 * one must succeed; the other is refused with "not in stock", naming the serial).  Every
 * 25th round the bills carry 2,000 serials, so that the WAL passes the checkpoint threshold
 * while the other process writes.  Nothing may ever report "database is locked" or "busy":
 * the 10 s busy timeout and BEGIN IMMEDIATE make the loser wait, not fail.  At the end
 * `check` passes and each contested unit was sold exactly once.
 *
 * Rounds: $ST_REL_ROUNDS (25 in the test suite, 500 in run-full.sh: 1,000 documents per
 * process).  With ST_TEST_POSTGRES=1 the same on a server database, where the advisory write
 * lock plays BEGIN IMMEDIATE's part. */
#include "config.h"

#include <string.h>
#include <gio/gio.h>
#include <glib/gstdio.h>

#include "st-error.h"
#include "st-rel-util.h"

#define BIG_EVERY  25
#define BIG_BILL   2000

typedef struct
{
  char         *dir;
  char         *db;
  guint         rounds;
  /* The "app" side, when it is st-app-poster. */
  GSubprocess  *poster;
  GOutputStream *poster_in;
  GDataInputStream *poster_out;
  GRand        *rand;
  /* Figures. */
  guint         documents[2];
  guint         wins[2];
  gint64        slowest_us;
} Race;

static void
setup (Race *r)
{
  g_autofree char *line = NULL;

  r->dir = rel_tmpdir ("race");
  r->db = rel_new_db (r->dir, "race.serialtrack");
  /* 10 rounds on a server unless $ST_REL_LONG=1: a CLI start costs more there. */
  r->rounds = rel_count ("ST_REL_ROUNDS", st_pg_enabled ()
                                          && g_strcmp0 (g_getenv ("ST_REL_LONG"), "1") != 0
                                          ? 10 : 25);
  r->rand = rel_rand ("test-race");
  g_free (rel_cli_ok (r->db, "init", NULL));
  g_free (rel_cli_ok (r->db, "contact", "add", "--vendor", "Acme", NULL));
  g_free (rel_cli_ok (r->db, "contact", "add", "--customer", "Bob", NULL));
  g_free (rel_cli_ok (r->db, "warehouse", "add", "Main", NULL));
  g_free (rel_cli_ok (r->db, "item", "add", "--sku", "R", "--name", "Raced item", "--serial",
                      "--price", "9", "--cost", "5", NULL));
  /* The contested units C000001…, one per round. */
  line = g_strdup_printf ("R:%u:5.00:C000001..C%06u", r->rounds, r->rounds);
  g_free (rel_cli_ok (r->db, "bill", "post", "--vendor", "Acme", "--number", "BASE",
                      "--warehouse", "Main", "--line", line, NULL));
}

static void
teardown (Race *r)
{
  st_test_remove_tree (r->dir);
  g_rand_free (r->rand);
  g_free (r->dir);
  g_free (r->db);
}

/* Serials of side @side's bill in round @round. */
static GPtrArray *
bill_serials (guint side,
              guint round)
{
  GPtrArray *serials = g_ptr_array_new_with_free_func (g_free);
  guint n = round % BIG_EVERY == BIG_EVERY - 1 ? BIG_BILL : 1;

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (serials, g_strdup_printf ("%c%04u-%04u", side == 0 ? 'A' : 'B', round, i));
  return serials;
}

static GSubprocess *
spawn_cli (Race               *r,
           const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GError) error = NULL;
  GSubprocess *process;

  g_ptr_array_add (argv, (gpointer) rel_cli_path ());
  g_ptr_array_add (argv, (gpointer) "--db");
  g_ptr_array_add (argv, r->db);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE
                                        | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_unsetenv (launcher, "SERIALTRACK_DB");
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  return process;
}

/* Waits for a CLI; returns its exit status and stderr. */
static int
wait_cli (Race        *r,
          GSubprocess *process,
          gint64       started,
          char       **err)
{
  g_autoptr(GError) error = NULL;
  gint64 elapsed;

  g_subprocess_communicate_utf8 (process, NULL, NULL, NULL, err, &error);
  g_assert_no_error (error);
  elapsed = g_get_monotonic_time () - started;
  r->slowest_us = MAX (r->slowest_us, elapsed);
  g_assert_true (g_subprocess_get_if_exited (process));
  return g_subprocess_get_exit_status (process);
}

/* Starts side @side's posting: a bill (@invoice FALSE) or the invoice of the contested unit. */
static GSubprocess *
start_cli_posting (Race     *r,
                   guint     side,
                   guint     round,
                   gboolean  invoice,
                   char    **file)
{
  g_autofree char *number = g_strdup_printf ("%c-%c%u", side == 0 ? 'A' : 'B',
                                             invoice ? 'I' : 'B', round);
  g_autofree char *line = NULL;

  if (invoice)
    {
      line = g_strdup_printf ("R:1:9.00:C%06u", round + 1);
      return spawn_cli (r, (const char *[]) { "invoice", "post", "--customer", "Bob",
                                              "--warehouse", "Main", "--number", number,
                                              "--line", line, NULL });
    }
  else
    {
      g_autoptr(GPtrArray) serials = bill_serials (side, round);
      g_autoptr(GString) text = g_string_new (NULL);

      for (guint i = 0; i < serials->len; i++)
        g_string_append_printf (text, "%s\n", (char *) g_ptr_array_index (serials, i));
      *file = g_strdup_printf ("%s/bill-%u-%u.txt", r->dir, side, round);
      g_assert_true (g_file_set_contents (*file, text->str, text->len, NULL));
      line = g_strdup_printf ("R:%u:5.00:@%s", serials->len, *file);
      return spawn_cli (r, (const char *[]) { "bill", "post", "--vendor", "Acme",
                                              "--warehouse", "Main", "--number", number,
                                              "--line", line, NULL });
    }
}

static void
start_poster (Race *r)
{
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, "reliability", "st-app-poster",
                                                 NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *ready = NULL;

  r->poster = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE,
                                &error, path, r->db, NULL);
  g_assert_no_error (error);
  r->poster_in = g_subprocess_get_stdin_pipe (r->poster);
  r->poster_out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (r->poster));
  ready = g_data_input_stream_read_line_utf8 (r->poster_out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ready, ==, "ready");
}

static void
stop_poster (Race *r)
{
  g_autoptr(GError) error = NULL;

  g_output_stream_write_all (r->poster_in, "quit\n", 5, NULL, NULL, &error);
  g_assert_no_error (error);
  g_subprocess_wait_check (r->poster, NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&r->poster_out);
  g_clear_object (&r->poster);
}

/* Sends the app side's posting; its answer is read by poster_answer(). */
static void
poster_send (Race     *r,
             guint     round,
             gboolean  invoice)
{
  g_autoptr(GString) command = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  if (invoice)
    g_string_printf (command, "invoice A-I%u R C%06u\n", round, round + 1);
  else
    {
      g_autoptr(GPtrArray) serials = bill_serials (0, round);

      g_string_printf (command, "bill A-B%u R", round);
      for (guint i = 0; i < serials->len; i++)
        g_string_append_printf (command, " %s", (char *) g_ptr_array_index (serials, i));
      g_string_append_c (command, '\n');
    }
  g_output_stream_write_all (r->poster_in, command->str, command->len, NULL, NULL, &error);
  g_assert_no_error (error);
}

static char *
poster_answer (Race   *r,
               gint64  started)
{
  g_autoptr(GError) error = NULL;
  char *answer = g_data_input_stream_read_line_utf8 (r->poster_out, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (answer);
  r->slowest_us = MAX (r->slowest_us, g_get_monotonic_time () - started);
  return answer;
}

static void
assert_never_busy (const char *text)
{
  g_autofree char *lower = g_utf8_strdown (text, -1);

  /* SQLite's words, and on PostgreSQL a serialization failure or deadlock (retried inside
   * the core, never shown). */
  if (strstr (lower, "locked") != NULL || strstr (lower, "busy") != NULL
      || strstr (lower, "serializ") != NULL || strstr (lower, "deadlock") != NULL)
    g_printerr ("a lock reached the user: %s\n", text);
  g_assert_null (strstr (lower, "locked"));
  g_assert_null (strstr (lower, "busy"));
  g_assert_null (strstr (lower, "serializ"));
  g_assert_null (strstr (lower, "deadlock"));
}

/* One phase of one round: both sides post at once.  Returns which sides succeeded. */
/* Waits for side @side's CLI (0: A, 1: B): TRUE if it posted.  Only an invoice may be refused
 * (exit 1, the message in *@err), never for a busy database. */
static gboolean
cli_side_posted (Race        *r,
                 GSubprocess *process,
                 gint64       started,
                 guint        side,
                 guint        round,
                 gboolean     invoice,
                 char       **err)
{
  int status = wait_cli (r, process, started, err);
  gboolean ok = status == 0;

  assert_never_busy (*err);
  if (!ok && !invoice)
    g_printerr ("side %c, round %u: %s\n", side == 0 ? 'A' : 'B', round, *err);
  g_assert_true (ok || (invoice && status == 1));
  return ok;
}

static guint
phase (Race     *r,
       guint     round,
       gboolean  invoice)
{
  g_autofree char *file_a = NULL, *file_b = NULL;
  g_autofree char *err_a = NULL, *err_b = NULL;
  g_autoptr(GSubprocess) a = NULL, b = NULL;
  gint64 started = g_get_monotonic_time ();
  gboolean ok_a, ok_b;

  if (r->poster != NULL)
    {
      /* The app is already running while a CLI has to start (a few ms): the CLI goes first
       * and the app follows after a random 0 to 12 ms, so that both win now and then. */
      b = start_cli_posting (r, 1, round, invoice, &file_b);
      g_usleep (g_rand_int_range (r->rand, 0, 12000));
      poster_send (r, round, invoice);
    }
  else if (round % 2 == 0)
    {
      a = start_cli_posting (r, 0, round, invoice, &file_a);
      b = start_cli_posting (r, 1, round, invoice, &file_b);
    }
  else
    {
      b = start_cli_posting (r, 1, round, invoice, &file_b);
      a = start_cli_posting (r, 0, round, invoice, &file_a);
    }

  if (r->poster != NULL)
    {
      g_autofree char *answer = poster_answer (r, started);

      assert_never_busy (answer);
      ok_a = g_str_has_prefix (answer, "ok ");
      if (!ok_a)
        {
          g_autofree char *code = g_strdup_printf ("refused %d ", ST_ERROR_NOT_IN_STOCK);

          if (!invoice || !g_str_has_prefix (answer, code))
            g_printerr ("app side, round %u: %s\n", round, answer);
          g_assert_true (invoice);
          g_assert_true (g_str_has_prefix (answer, code));
          err_a = g_strdup (answer);
        }
    }
  else
    {
      ok_a = cli_side_posted (r, a, started, 0, round, invoice, &err_a);
    }
  ok_b = cli_side_posted (r, b, started, 1, round, invoice, &err_b);

  if (invoice)
    {
      g_autofree char *serial = g_strdup_printf ("C%06u", round + 1);
      const char *loser = ok_a ? err_b : err_a;

      /* Exactly one sells the unit; the other is told why, naming it. */
      if (ok_a == ok_b)
        g_printerr ("round %u: both %s\n", round, ok_a ? "sold it" : "were refused");
      g_assert_true (ok_a != ok_b);
      g_assert_nonnull (strstr (loser, serial));
      g_assert_nonnull (strstr (loser, "not in stock"));
      /* A CLI that lost says so in one line, and nothing else. */
      if (!ok_b || r->poster == NULL)
        rel_assert_refusal (&(RelRun) { 1, (char *) "", (char *) loser }, "not in stock");
    }
  if (file_a != NULL)
    g_unlink (file_a);
  if (file_b != NULL)
    g_unlink (file_b);
  return (ok_a ? 1 : 0) | (ok_b ? 2 : 0);
}

static void
run_race (Race       *r,
          const char *figure)
{
  g_autoptr(TjNode) check = NULL;
  g_autoptr(TjNode) sold = NULL;
  guint n_sold;

  for (guint round = 0; round < r->rounds; round++)
    {
      guint bills = phase (r, round, FALSE);
      guint invoices;

      g_assert_cmpuint (bills, ==, 3);
      invoices = phase (r, round, TRUE);
      r->documents[0] += 2;
      r->documents[1] += 2;
      r->wins[0] += invoices & 1;
      r->wins[1] += (invoices & 2) >> 1;
    }

  check = rel_cli_json (r->db, "check", NULL);
  g_assert_true (tj_bool (check, "sound"));
  /* The base bill, two bills a round and one invoice a round. */
  g_assert_cmpint (tj_int (check, "documents"), ==, 1 + 3 * r->rounds);

  /* Every contested unit sold once, on the winner's invoice, with one "sold" event. */
  sold = rel_cli_json (r->db, "units", "--item", "R", "--status", "sold", NULL);
  n_sold = tj_len (sold, "");
  g_assert_cmpuint (n_sold, ==, r->rounds);
  for (guint i = 0; i < n_sold; i += MAX (1u, r->rounds / 20))
    {
      const char *serial = tj_str (g_ptr_array_index (sold->items, i), "serial");
      g_autoptr(TjNode) unit = rel_cli_json (r->db, "unit", serial, NULL);
      guint n_events = tj_len (unit, "history");
      guint n_sold_events = 0;

      for (guint e = 0; e < n_events; e++)
        if (g_strcmp0 (tj_str (g_ptr_array_index (tj_get (unit, "history")->items, e), "event"),
                       "sold") == 0)
          n_sold_events++;
      g_assert_cmpuint (n_sold_events, ==, 1);
    }

  rel_figure (figure,
              "%u rounds, %u documents attempted by each process (bills of 1 or %d serials, "
              "invoices), %u and %u posted; the same unit contested %u times: won %u / %u, "
              "the loser always refused with \"not in stock\"; no \"locked\"/\"busy\" "
              "ever; slowest posting %.0f ms; check passed",
              r->rounds, r->documents[0], BIG_BILL, r->rounds + r->wins[0],
              r->rounds + r->wins[1], r->rounds, r->wins[0], r->wins[1],
              r->slowest_us / 1000.0);
}

static void
test_two_clis (void)
{
  Race r = { 0 };

  setup (&r);
  run_race (&r, "race-two-clis");
  teardown (&r);
}

static void
test_app_and_cli (void)
{
  Race r = { 0 };

  setup (&r);
  start_poster (&r);
  run_race (&r, "race-app-and-cli");
  stop_poster (&r);
  teardown (&r);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  st_pg_require_server ("test-race");
  g_test_add_func ("/race/two-clis", test_two_clis);
  g_test_add_func ("/race/app-and-cli", test_app_and_cli);
  return g_test_run ();
}
