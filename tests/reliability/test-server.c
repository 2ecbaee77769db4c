/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-server.c — issue 12, item 7: what only a database server can do to us (suite postgres;
 * skipped, saying so, without a server).
 *
 *   /server/contest/two, /server/contest/eight
 *       K serialtrack-cli processes at once, each in a loop invoicing one or two units of the
 *       same bill (the next unit all of them are after, or random ones, two in either order):
 *       no unit is sold twice or lost, every failure is the ordinary one-line "not in stock"
 *       refusal naming a serial of its line (never "could not serialize", "deadlock",
 *       "locked", "busy"), and `check` passes.  The counts are printed.
 *   /server/restart
 *       the server restarted under a long-lived client (a store opened by this process, as the
 *       app keeps one): its next call fails with one clear error naming the database and the
 *       server, no crash; a store opened again and a new CLI command work; a CLI posting a
 *       bill while the server restarts exits 1 with such a line, and the bill is whole or
 *       absent.
 *   /server/read-only
 *       a role granted SELECT only: lists, a unit, check, an export and a backup work; every
 *       write is refused with exit 1 and one line; nothing changed.
 *   /server/copy-both-ways
 *       a file copied to the server and back (`copy`, each checked): units, items, histories
 *       the same in all three.
 *
 * $ST_REL_LONG=1 runs the long variants (more attempts, bigger bills). */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <gio/gio.h>
#include <glib/gstdio.h>

#include "st-error.h"
#include "st-store.h"
#include "st-rel-util.h"

static gboolean
long_run (void)
{
  return g_strcmp0 (g_getenv ("ST_REL_LONG"), "1") == 0;
}

static void
assert_no_lock_words (const char *text)
{
  g_autofree char *lower = g_utf8_strdown (text, -1);
  const char *words[] = { "serializ", "deadlock", "locked", "busy", "could not" };

  for (gsize i = 0; i < G_N_ELEMENTS (words); i++)
    if (strstr (lower, words[i]) != NULL)
      g_error ("a server's concurrency error reached the user: %s", text);
}

/* The sales counter: customers, a warehouse, item R and a bill of @n units C0001…. */
static char *
new_shop (const char *tag,
          guint       n)
{
  g_autofree char *line = g_strdup_printf ("R:%u:5.00:C%04u..C%04u", n, 1u, n);
  char *db = st_pg_database (tag);

  g_free (rel_cli_ok (db, "init", NULL));
  g_free (rel_cli_ok (db, "contact", "add", "--vendor", "Acme", NULL));
  g_free (rel_cli_ok (db, "contact", "add", "--customer", "Bob", NULL));
  g_free (rel_cli_ok (db, "warehouse", "add", "Main", NULL));
  g_free (rel_cli_ok (db, "item", "add", "--sku", "R", "--name", "Contested", "--serial",
                      "--price", "9", "--cost", "5", NULL));
  g_free (rel_cli_ok (db, "bill", "post", "--vendor", "Acme", "--number", "BASE", "--warehouse",
                      "Main", "--line", line, NULL));
  return db;
}

/* Contest. */

typedef struct _Contest Contest;

typedef struct
{
  Contest     *contest;
  guint        index;
  guint        left;        /* attempts still to make */
  char        *serials;     /* the current attempt's "C0001" or "C0003,C0002" */
  GSubprocess *process;
} Client;

struct _Contest
{
  char       *db;
  guint       n_units;
  guint       next;         /* the unit every client is after */
  GRand      *rand;
  GHashTable *sold;         /* serial → the client that sold it */
  guint       running;
  GMainLoop  *loop;
  /* Counts. */
  guint       attempts, posted, refused, units_sold, two_unit_attempts;
};

static void client_start (Client *c);

static void
client_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  Client *c = user_data;
  Contest *t = c->contest;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto(GStrv) serials = g_strsplit (c->serials, ",", -1);
  int status;

  g_subprocess_communicate_utf8_finish (c->process, result, &out, &err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (c->process));
  status = g_subprocess_get_exit_status (c->process);
  assert_no_lock_words (err);
  t->attempts++;
  if (status == 0)
    {
      t->posted++;
      for (guint i = 0; serials[i] != NULL; i++)
        {
          /* Sold twice: two clients were both told they sold it. */
          if (g_hash_table_contains (t->sold, serials[i]))
            g_error ("%s sold by client %u and client %u", serials[i],
                     GPOINTER_TO_UINT (g_hash_table_lookup (t->sold, serials[i])), c->index);
          g_hash_table_insert (t->sold, g_strdup (serials[i]), GUINT_TO_POINTER (c->index));
          t->units_sold++;
        }
    }
  else
    {
      gboolean named = FALSE;

      rel_assert_refusal (&(RelRun) { status, out, err }, "not in stock");
      for (guint i = 0; serials[i] != NULL; i++)
        named |= strstr (err, serials[i]) != NULL;
      if (!named)
        g_error ("the refusal of %s names none of them: %s", c->serials, err);
      t->refused++;
    }
  g_clear_object (&c->process);
  g_clear_pointer (&c->serials, g_free);
  if (c->left > 0)
    client_start (c);
  else if (--t->running == 0)
    g_main_loop_quit (t->loop);
}

static void
client_start (Client *c)
{
  Contest *t = c->contest;
  g_autofree char *number = g_strdup_printf ("I-%u-%u", c->index, c->left);
  g_autofree char *line = NULL;
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GError) error = NULL;
  guint pick = g_rand_int_range (t->rand, 0, 4);
  guint a, b;

  c->left--;
  /* Half the time the unit everyone is after (moving on once it is sold); otherwise a random
   * one; one attempt in four takes two units, in either order. */
  while (t->next < t->n_units)
    {
      g_autofree char *serial = g_strdup_printf ("C%04u", t->next);

      if (!g_hash_table_contains (t->sold, serial))
        break;
      t->next++;
    }
  a = pick < 2 ? t->next : (guint) g_rand_int_range (t->rand, 1, t->n_units + 1);
  if (pick == 3)
    {
      b = (guint) g_rand_int_range (t->rand, 1, t->n_units + 1);
      if (b == a)
        b = a % t->n_units + 1;
      c->serials = g_strdup_printf ("C%04u,C%04u", a, b);
      t->two_unit_attempts++;
    }
  else
    c->serials = g_strdup_printf ("C%04u", a);
  line = g_strdup_printf ("R:%u:9.00:%s", pick == 3 ? 2 : 1, c->serials);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE
                                        | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_unsetenv (launcher, "SERIALTRACK_DB");
  c->process = g_subprocess_launcher_spawn (launcher, &error, rel_cli_path (), "--db", t->db,
                                            "invoice", "post", "--customer", "Bob",
                                            "--warehouse", "Main", "--number", number,
                                            "--line", line, NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8_async (c->process, NULL, NULL, client_done_cb, c);
}

static void
test_contest (gconstpointer data)
{
  guint k = GPOINTER_TO_UINT (data);
  g_autofree char *tag = g_strdup_printf ("contest%u", k);
  guint per_client = long_run () ? 200 : (k == 2 ? 24 : 8);
  Contest t = { 0 };
  g_autofree Client *clients = g_new0 (Client, k);
  g_autoptr(TjNode) check = NULL;
  g_autoptr(TjNode) sold = NULL;
  g_autoptr(TjNode) in_stock = NULL;
  g_autofree char *twice = NULL;
  g_autofree char *sql = NULL;
  gint64 started;

  t.n_units = long_run () ? 400 : k * per_client / 2;
  t.db = new_shop (tag, t.n_units);
  t.next = 1;
  t.rand = rel_rand ("test-server contest");
  t.sold = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  t.loop = g_main_loop_new (NULL, FALSE);

  started = g_get_monotonic_time ();
  for (guint i = 0; i < k; i++)
    {
      clients[i].contest = &t;
      clients[i].index = i;
      clients[i].left = per_client;
      t.running++;
    }
  for (guint i = 0; i < k; i++)
    client_start (&clients[i]);
  g_main_loop_run (t.loop);

  /* What the clients were told is what the database holds: every unit sold once at most,
   * none lost. */
  check = rel_cli_json (t.db, "check", NULL);
  g_assert_true (tj_bool (check, "sound"));
  sold = rel_cli_json (t.db, "units", "--item", "R", "--status", "sold", NULL);
  in_stock = rel_cli_json (t.db, "units", "--item", "R", "--status", "in_stock", NULL);
  g_assert_cmpuint (tj_len (sold, ""), ==, t.units_sold);
  g_assert_cmpuint (tj_len (sold, "") + tj_len (in_stock, ""), ==, t.n_units);
  for (guint i = 0; i < tj_len (sold, ""); i++)
    g_assert_true (g_hash_table_contains (t.sold,
                                          tj_str (g_ptr_array_index (sold->items, i),
                                                  "serial")));
  g_assert_cmpuint (t.posted + t.refused, ==, t.attempts);
  /* And in the ledger: no unit with two sales that are not void. */
  sql = g_strdup ("SELECT count(*) FROM (SELECT e.unit_id FROM unit_events e"
                  " JOIN documents d ON d.id = e.document_id"
                  " WHERE d.kind = 'invoice' AND d.status = 'posted'"
                  " GROUP BY e.unit_id HAVING count(*) > 1) twice");
  twice = st_pg_sql (t.db, sql);
  g_assert_cmpint (atoi (twice), ==, 0);

  rel_figure (tag, "%u clients at once, %u invoices attempted (%u of two units), %u posted "
              "(%u units sold of %u, 0 sold twice, 0 lost), %u refused, every one with the "
              "one-line \"not in stock\" naming a serial of its line; no \"could not "
              "serialize\", \"deadlock\" or \"locked\"; check passed; %.1f s",
              k, t.attempts, t.two_unit_attempts, t.posted, t.units_sold, t.n_units,
              t.refused, (g_get_monotonic_time () - started) / 1e6);

  st_pg_drop (t.db);
  g_main_loop_unref (t.loop);
  g_hash_table_unref (t.sold);
  g_rand_free (t.rand);
  g_free (t.db);
}

/* Restart. */

static gboolean
restart_server (void)
{
  const char *version = g_getenv ("PGVERSION");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = 0;
  const char *argv[] = { "pg_ctlcluster", version, "regress", "restart", NULL };

  /* pg_virtualenv's cluster: PGVERSION/regress. */
  if (version == NULL)
    return FALSE;
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err,
                     &status, NULL))
    return FALSE;
  if (!g_spawn_check_wait_status (status, NULL))
    {
      g_printerr ("pg_ctlcluster restart: %s\n", err);
      return FALSE;
    }
  return TRUE;
}

static void
assert_names_server (const char *message,
                     const char *db)
{
  const char *host = g_getenv ("PGHOST");

  assert_no_lock_words (message);
  if (strstr (message, st_pg_dbname (db)) == NULL
      || (host != NULL && strstr (message, host) == NULL))
    g_error ("the error does not name the database %s and the server %s: %s",
             st_pg_dbname (db), host ? host : "", message);
}

static StDraft *
bill_draft (const char *number,
            const char *prefix,
            guint       n)
{
  StDraft *draft = st_draft_new (ST_DOC_BILL);
  StDraftLine *line;

  st_draft_set_string (&draft->number, number);
  st_draft_set_string (&draft->contact, "Acme");
  st_draft_set_string (&draft->warehouse, "Main");
  line = st_draft_add_line (draft, "R", n);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *serial = g_strdup_printf ("%s%05u", prefix, i);
      st_draft_line_add_serial (line, serial);
    }
  return draft;
}

static void
test_restart (void)
{
  g_autofree char *db = new_shop ("restart", 10);
  g_autofree char *dir = rel_tmpdir ("restart");
  g_autofree char *serials = g_build_filename (dir, "serials.txt", NULL);
  g_autofree char *line = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(StStore) store = NULL;
  g_autoptr(StStore) again = NULL;
  g_autoptr(StDraft) first = bill_draft ("B-1", "P", 5);
  g_autoptr(StDraft) second = bill_draft ("B-2", "Q", 5);
  g_autoptr(StDocument) doc = NULL;
  g_autoptr(GSubprocess) writer = NULL;
  g_autoptr(TjNode) units = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  guint n_big = long_run () ? 20000 : 3000;
  guint n_units;
  gboolean restarted;

  /* A long-lived client posts, then the server restarts under it. */
  store = st_store_open (db, ST_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  doc = st_store_post (store, first, &error);
  g_assert_no_error (error);
  g_clear_object (&doc);
  if (!restart_server ())
    {
      g_test_skip ("the server cannot be restarted here (pg_ctlcluster $PGVERSION regress, "
                   "as pg_virtualenv makes it)");
      return;
    }
  doc = st_store_post (store, second, &error);
  g_assert_null (doc);
  g_assert_nonnull (error);
  g_test_message ("after the restart: %s (code %d)", error->message, error->code);
  assert_names_server (error->message, db);
  g_assert_null (strchr (error->message, '\n'));
  g_clear_error (&error);

  /* Opened again, it works; so does a new CLI process; B-2 was not half-written. */
  again = st_store_open (db, ST_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  doc = st_store_post (again, second, &error);
  g_assert_no_error (error);
  units = rel_cli_json (db, "units", "--item", "R", NULL);
  g_assert_cmpuint (tj_len (units, ""), ==, 20);
  g_free (rel_cli_ok (db, "check", NULL));
  g_clear_pointer (&units, tj_free);

  /* A CLI posting a big bill while the server restarts: exit 1, one line naming the database
   * and server, or done before the restart; the bill whole or absent. */
  rel_write_serials (serials, "BIG", 1, n_big);
  line = g_strdup_printf ("R:%u:5.00:@%s", n_big, serials);
  writer = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                             &error, rel_cli_path (), "--db", db, "bill", "post", "--vendor",
                             "Acme", "--number", "B-BIG", "--warehouse", "Main", "--line", line,
                             NULL);
  g_assert_no_error (error);
  g_usleep (G_USEC_PER_SEC / 2);
  restarted = restart_server ();
  g_assert_true (restarted);
  g_subprocess_communicate_utf8 (writer, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);
  if (!g_subprocess_get_if_exited (writer))
    g_error ("the CLI died of signal %d when the server restarted; stderr: %s",
             g_subprocess_get_term_sig (writer), err);
  if (g_subprocess_get_exit_status (writer) != 0)
    {
      rel_assert_refusal (&(RelRun) { g_subprocess_get_exit_status (writer), out, err }, NULL);
      assert_names_server (err, db);
    }
  g_free (rel_cli_ok (db, "check", NULL));
  units = rel_cli_json (db, "units", "--item", "R", NULL);
  n_units = tj_len (units, "");
  g_assert_true (n_units == 20 || n_units == 20 + n_big);
  g_assert_true ((n_units == 20) == (g_subprocess_get_exit_status (writer) != 0));
  rel_figure ("server-restart", "a long-lived client's next posting after a restart: one "
              "line naming the database and server, then it works on a new connection; a "
              "%u-serial bill posting while the server restarted: %s; check passed",
              n_big, n_units == 20 ? "exit 1 with such a line, the bill absent"
                                   : "done before the restart, the bill whole");
  g_clear_object (&store);
  g_clear_object (&again);
  st_test_remove_tree (dir);
  st_pg_drop (db);
}

/* Read-only role. */

static void
test_read_only (void)
{
  g_autofree char *db = new_shop ("readonly", 5);
  g_autofree char *dir = rel_tmpdir ("readonly");
  g_autofree char *role = g_strdup_printf ("st_test_ro_%d", (int) getpid ());
  g_autofree char *ro = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *xlsx = g_build_filename (dir, "history.xlsx", NULL);
  g_autofree char *backup = g_build_filename (dir, "snapshot.serialtrack", NULL);
  const char *password = g_getenv ("PGPASSWORD");
  g_autoptr(TjNode) units = NULL;
  guint n_refused = 0;
  const char * const writes[][16] = {
    { "warehouse", "add", "Back", NULL },
    { "contact", "add", "--customer", "Eve", NULL },
    { "item", "add", "--sku", "X", "--name", "X", NULL },
    { "bill", "post", "--vendor", "Acme", "--number", "B-RO", "--warehouse", "Main",
      "--line", "R:1:5:RO1", NULL },
    { "invoice", "post", "--customer", "Bob", "--warehouse", "Main", "--line", "R:1", NULL },
    { "adjust", "post", "--warehouse", "Main", "--reason", "lost", "--line", "R:-1", NULL },
    { "transfer", "post", "--from", "Main", "--to", "Primary Warehouse", "--line", "R:1",
      NULL },
    { "return", "post", "--invoice", "I-1", "--warehouse", "Main", "--line", "R:1", NULL },
    { "void", "invoice", "I-1", NULL },
  };

  g_free (rel_cli_ok (db, "invoice", "post", "--customer", "Bob", "--warehouse", "Main",
                      "--number", "I-1", "--line", "R:1", NULL));
  sql = g_strdup_printf ("DROP ROLE IF EXISTS %s; CREATE ROLE %s LOGIN PASSWORD '%s';"
                         " GRANT CONNECT ON DATABASE %s TO %s; GRANT USAGE ON SCHEMA public"
                         " TO %s; GRANT SELECT ON ALL TABLES IN SCHEMA public TO %s",
                         role, role, password ? password : "", st_pg_dbname (db), role, role,
                         role);
  g_free (st_pg_sql (db, sql));
  /* The password from $PGPASSWORD, as pg_virtualenv sets it: never on the command line. */
  ro = g_strdup_printf ("dbname=%s user=%s", st_pg_dbname (db), role);
  before = st_pg_hash (db);

  units = rel_cli_json (ro, "units", NULL);
  g_assert_cmpuint (tj_len (units, ""), ==, 5);
  tj_free (rel_cli_json (ro, "item", "list", NULL));
  tj_free (rel_cli_json (ro, "warehouse", "list", NULL));
  tj_free (rel_cli_json (ro, "contact", "list", NULL));
  tj_free (rel_cli_json (ro, "unit", "C0001", NULL));
  g_free (rel_cli_ok (ro, "check", NULL));
  g_free (rel_cli_ok (ro, "export", "history", xlsx, NULL));
  g_assert_true (g_file_test (xlsx, G_FILE_TEST_EXISTS));
  g_free (rel_cli_ok (ro, "backup", backup, NULL));
  g_free (rel_cli_ok (backup, "check", NULL));

  for (gsize i = 0; i < G_N_ELEMENTS (writes); i++)
    {
      g_autoptr(RelRun) run = rel_cli_v (ro, writes[i]);
      g_autofree char *joined = g_strjoinv (" ", (char **) writes[i]);

      if (run->status != 1 || strstr (run->err, "only read") == NULL)
        g_printerr ("%s as a read-only role: exit %d: %s%s\n", joined, run->status, run->out,
                    run->err);
      rel_assert_refusal (run, "only read");
      g_assert_nonnull (strstr (run->err, st_pg_dbname (db)));
      n_refused++;
    }
  after = st_pg_hash (db);
  g_assert_cmpstr (after, ==, before);

  rel_figure ("server-read-only", "a role granted SELECT only: units, item, warehouse and "
              "contact lists, a unit, check, export history and backup worked; %u "
              "kinds of write each refused with exit 1 and one line naming the database; "
              "nothing changed", n_refused);
  {
    g_autofree char *drop = g_strdup_printf ("REVOKE ALL ON ALL TABLES IN SCHEMA public FROM %s;"
                                             " REVOKE ALL ON SCHEMA public FROM %s;"
                                             " REVOKE ALL ON DATABASE %s FROM %s",
                                             role, role, st_pg_dbname (db), role);
    g_autofree char *drop_role = g_strdup_printf ("DROP ROLE %s", role);

    g_free (st_pg_sql (db, drop));
    st_pg_drop (db);
    g_free (st_pg_sql ("dbname=postgres", drop_role));
  }
  st_test_remove_tree (dir);
}

/* Copy both ways. */

/* What a user sees: units, items, warehouses, contacts, and some units' histories. */
static char *
everything (const char *db)
{
  g_autoptr(GString) text = g_string_new (NULL);
  const char * const lists[][4] = {
    { "units", NULL }, { "item", "list", NULL }, { "warehouse", "list", NULL },
    { "contact", "list", NULL },
  };
  const char * const serials[] = { "S001", "S002", "S010", "S020", "S030" };

  for (gsize i = 0; i < G_N_ELEMENTS (lists); i++)
    {
      const char *args[6] = { "--json", NULL };
      g_autoptr(RelRun) run = NULL;

      for (guint j = 0; lists[i][j] != NULL; j++)
        args[j + 1] = lists[i][j];
      run = rel_cli_v (db, args);
      g_assert_cmpint (run->status, ==, 0);
      g_string_append (text, run->out);
    }
  for (gsize i = 0; i < G_N_ELEMENTS (serials); i++)
    {
      g_autoptr(RelRun) run = rel_cli (db, "--json", "unit", serials[i], NULL);

      g_assert_cmpint (run->status, ==, 0);
      g_string_append (text, run->out);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
test_copy_both_ways (void)
{
  g_autofree char *dir = rel_tmpdir ("copy");
  g_autofree char *file = g_build_filename (dir, "desk.serialtrack", NULL);
  g_autofree char *back = g_build_filename (dir, "back.serialtrack", NULL);
  g_autofree char *server = st_pg_database ("copy");
  g_autofree char *on_file = NULL;
  g_autofree char *on_server = NULL;
  g_autofree char *on_back = NULL;

  g_free (rel_cli_ok (file, "init", NULL));
  g_free (rel_cli_ok (file, "generate", "--items", "4", "--units", "300", "--seed", "7", NULL));
  g_free (rel_cli_ok (file, "warehouse", "add", "Store", NULL));
  g_free (rel_cli_ok (file, "contact", "add", "--vendor", "Acme", NULL));
  g_free (rel_cli_ok (file, "contact", "add", "--customer", "Bob", NULL));
  g_free (rel_cli_ok (file, "item", "add", "--sku", "PHONE", "--name", "Phone", "--serial",
                      "--price", "100", "--cost", "60", "--warranty-months", "12", NULL));
  g_free (rel_cli_ok (file, "item", "add", "--sku", "CABLE", "--name", "Cable", "--price", "2",
                      NULL));
  g_free (rel_cli_ok (file, "bill", "post", "--vendor", "Acme", "--number", "B1",
                      "--warehouse", "Primary Warehouse", "--date", "2024-03-01", "--line",
                      "PHONE:40:60:S001..S040", "--line", "CABLE:50:1", NULL));
  g_free (rel_cli_ok (file, "invoice", "post", "--customer", "Bob", "--warehouse",
                      "Primary Warehouse", "--number", "I1", "--date", "2024-03-02",
                      "--line", "PHONE:3:100:S001,S002,S003", "--line", "CABLE:4", NULL));
  g_free (rel_cli_ok (file, "return", "post", "--invoice", "I1", "--warehouse",
                      "Primary Warehouse", "--date", "2024-03-03", "--line", "PHONE:1::S002",
                      NULL));
  g_free (rel_cli_ok (file, "transfer", "post", "--from", "Primary Warehouse", "--to", "Store",
                      "--in-transit", "--date", "2024-03-04", "--line", "PHONE:2::S010,S011",
                      NULL));
  g_free (rel_cli_ok (file, "transfer", "post", "--from", "Primary Warehouse", "--to", "Store",
                      "--date", "2024-03-05", "--line", "PHONE:1::S020", NULL));
  g_free (rel_cli_ok (file, "adjust", "post", "--warehouse", "Primary Warehouse", "--reason",
                      "broken", "--date", "2024-03-06", "--line", "PHONE:-1:0:S030", NULL));
  g_free (rel_cli_ok (file, "invoice", "post", "--customer", "Bob", "--warehouse",
                      "Primary Warehouse", "--number", "I2", "--date", "2024-03-07",
                      "--line", "PHONE:1::S004", NULL));
  g_free (rel_cli_ok (file, "void", "invoice", "I2", NULL));
  on_file = everything (file);

  /* File → server: checked by copy itself, and again. */
  g_free (rel_cli_ok (file, "copy", server, NULL));
  g_free (rel_cli_ok (server, "check", NULL));
  on_server = everything (server);
  g_assert_cmpstr (on_server, ==, on_file);
  /* Not over a database that is no longer empty. */
  g_free (rel_cli_refused (file, NULL, "copy", server, NULL));
  g_free (rel_cli_refused (server, NULL, "copy", file, NULL));

  /* Server → file. */
  g_free (rel_cli_ok (server, "copy", back, NULL));
  g_free (rel_cli_ok (back, "check", NULL));
  on_back = everything (back);
  g_assert_cmpstr (on_back, ==, on_file);

  /* Both go on alike: the same posting on each gives the same answer. */
  g_free (rel_cli_ok (server, "invoice", "post", "--customer", "Bob", "--warehouse", "Store",
                      "--number", "I9", "--date", "2024-04-01", "--line", "PHONE:1::S020",
                      NULL));
  g_free (rel_cli_ok (back, "invoice", "post", "--customer", "Bob", "--warehouse", "Store",
                      "--number", "I9", "--date", "2024-04-01", "--line", "PHONE:1::S020",
                      NULL));
  g_clear_pointer (&on_server, g_free);
  g_clear_pointer (&on_back, g_free);
  on_server = everything (server);
  on_back = everything (back);
  g_assert_cmpstr (on_server, ==, on_back);

  rel_figure ("server-copy", "a desk's file (bill, invoice, return, transfers in transit and "
              "at once, adjustment, a void, 300 generated units) copied to the "
              "server and back: check passed on each, units, items, warehouses, contacts, "
              "histories identical (%zu bytes of JSON), and a posting after it "
              "gives the same on both", strlen (on_file));
  st_pg_drop (server);
  st_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  if (!st_pg_enabled ())
    {
      g_print ("1..0 # SKIP a server's tests: run with ST_TEST_POSTGRES=1 (suite postgres)\n");
      return 77;
    }
  st_pg_require_server ("test-server");
  g_test_add_data_func ("/server/contest/two", GUINT_TO_POINTER (2), test_contest);
  g_test_add_data_func ("/server/contest/eight", GUINT_TO_POINTER (8), test_contest);
  g_test_add_func ("/server/restart", test_restart);
  g_test_add_func ("/server/read-only", test_read_only);
  g_test_add_func ("/server/copy-both-ways", test_copy_both_ways);
  return g_test_run ();
}
