/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-backup.c — issue 8, item 4: `serialtrack-cli backup` and `restore`.
 *
 *   /backup/drill         back up, damage the original, restore: check passes, data equal,
 *                         and the damaged file is kept aside, byte for byte;
 *   /backup/while-writing a backup taken while another process posts a 20,000-serial bill
 *                         is consistent: it passes check and holds all of the bill or none;
 *   /backup/refusals      what backup and restore refuse, each time changing nothing.
 * With ST_TEST_POSTGRES=1 the writer posts on a server database and the backups are its SQLite
 * snapshots; the drill and the refusals, about damaging and replacing a SQLite file, are
 * skipped there. */
#include "config.h"

#include <string.h>
#include <gio/gio.h>
#include <glib/gstdio.h>

#include "st-error.h"
#include "st-store.h"
#include "st-rel-util.h"

typedef struct
{
  char *dir;
  char *db;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->dir = rel_tmpdir ("backup");
  f->db = rel_new_db (f->dir, "shop.serialtrack");
  g_free (rel_cli_ok (f->db, "init", NULL));
  g_free (rel_cli_ok (f->db, "warehouse", "add", "Main", NULL));
  g_free (rel_cli_ok (f->db, "warehouse", "add", "Shop", NULL));
  g_free (rel_cli_ok (f->db, "contact", "add", "--vendor", "Acme", NULL));
  g_free (rel_cli_ok (f->db, "contact", "add", "--customer", "Bob", NULL));
  g_free (rel_cli_ok (f->db, "item", "add", "--sku", "PHONE", "--name", "Phone", "--serial",
                      "--price", "100", "--cost", "60", "--warranty-months", "12", NULL));
  g_free (rel_cli_ok (f->db, "item", "add", "--sku", "CABLE", "--name", "Cable", "--price", "2",
                      NULL));
  g_free (rel_cli_ok (f->db, "bill", "post", "--vendor", "Acme", "--number", "B1", "--warehouse",
                      "Main", "--date", "2024-03-01", "--line", "PHONE:500:60:P0001..P0500",
                      "--line", "CABLE:40:1", NULL));
  g_free (rel_cli_ok (f->db, "invoice", "post", "--customer", "Bob", "--warehouse", "Main",
                      "--date", "2024-03-05", "--line", "PHONE:30", "--line", "CABLE:5", NULL));
  g_free (rel_cli_ok (f->db, "transfer", "post", "--from", "Main", "--to", "Shop", "--date",
                      "2024-03-06", "--line", "PHONE:20", NULL));
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  st_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->db);
}

/* Everything a user sees of the inventory, as JSON text. */
static char *
inventory (const char *db)
{
  g_autoptr(RelRun) units = rel_cli (db, "--json", "units", NULL);
  g_autoptr(RelRun) items = rel_cli (db, "--json", "item", "list", NULL);
  g_autoptr(RelRun) history = rel_cli (db, "--json", "unit", "P0007", NULL);

  g_assert_cmpint (units->status, ==, 0);
  g_assert_cmpint (items->status, ==, 0);
  g_assert_cmpint (history->status, ==, 0);
  return g_strconcat (units->out, items->out, history->out, NULL);
}

static void
test_drill (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *backup = g_build_filename (f->dir, "monday.backup", NULL);
  g_autofree char *before = inventory (f->db);
  g_autofree char *after = NULL;
  g_autofree char *damaged_hash = NULL;
  g_autofree char *out = NULL;
  g_autofree char *kept = NULL;
  g_autoptr(GByteArray) bytes = NULL;
  g_autoptr(RelRun) check = NULL;
  g_autoptr(TjNode) restored = NULL;
  const char *kept_at;
  gsize len;
  char *contents = NULL;

  if (rel_db_is_server (f->db))
    {
      g_test_skip ("damages and restores a SQLite file's bytes");
      return;
    }
  out = rel_cli_ok (f->db, "backup", backup, NULL);
  g_assert_nonnull (strstr (out, "monday.backup"));
  g_clear_pointer (&out, g_free);
  /* Not over an existing file, unless told. */
  g_free (rel_cli_refused (f->db, "already exists", "backup", backup, NULL));
  g_free (rel_cli_ok (f->db, "backup", "--force", backup, NULL));

  /* Damage the original: a run of pages in the middle overwritten. */
  g_assert_true (g_file_get_contents (f->db, &contents, &len, NULL));
  bytes = g_byte_array_new_take ((guint8 *) contents, len);
  g_assert_cmpuint (len, >, 5 * 4096);
  memset (bytes->data + 2 * 4096, 0xA5, 3 * 4096);
  g_assert_true (g_file_set_contents (f->db, (const char *) bytes->data, len, NULL));
  damaged_hash = rel_hash (f->db);
  check = rel_cli (f->db, "check", NULL);
  g_assert_cmpint (check->status, ==, 1);

  restored = rel_cli_json (f->db, "restore", backup, NULL);
  kept_at = tj_str (restored, "previous");
  g_assert_nonnull (kept_at);
  g_assert_true (g_str_has_prefix (kept_at, f->db));
  /* The damaged file is kept as it was, for whatever it may still hold. */
  kept = rel_hash (kept_at);
  g_assert_cmpstr (kept, ==, damaged_hash);

  g_free (rel_cli_ok (f->db, "check", NULL));
  after = inventory (f->db);
  g_assert_cmpstr (after, ==, before);
  rel_figure ("backup-drill", "backup, damage (3 pages overwritten: check exits 1), restore: "
              "check passes, units, items and a unit history equal to before (%zu bytes of "
              "JSON), the damaged file kept aside unchanged", strlen (before));
}

static void
test_while_writing (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *serials = g_build_filename (f->dir, "serials.txt", NULL);
  g_autofree char *line = NULL;
  g_autoptr(GSubprocess) writer = NULL;
  g_autoptr(GError) error = NULL;
  guint n_backups = 0, with_bill = 0;

  /* 2,000 serials on a server unless $ST_REL_LONG=1 (20,000 take tens of seconds there). */
  guint n_big = rel_db_is_server (f->db) && g_strcmp0 (g_getenv ("ST_REL_LONG"), "1") != 0
                ? 2000 : 20000;

  rel_write_serials (serials, "W", 1, n_big);
  line = g_strdup_printf ("PHONE:%u:50:@%s", n_big, serials);
  writer = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE, &error, rel_cli_path (), "--db",
                             f->db, "bill", "post", "--vendor", "Acme", "--number", "B-BIG",
                             "--warehouse", "Main", "--line", line, NULL);
  g_assert_no_error (error);

  /* Back up over and over while the bill is being posted, and once after. */
  while (TRUE)
    {
      gboolean done = g_subprocess_get_identifier (writer) == NULL;
      g_autofree char *name = g_strdup_printf ("%s/during-%u.backup", f->dir, n_backups);
      g_autoptr(StStore) copy = NULL;
      g_autoptr(StCheckReport) report = NULL;
      g_autoptr(GPtrArray) units = NULL;
      StUnitQuery query = { 0, NULL, -1, NULL, NULL };

      g_free (rel_cli_ok (f->db, "backup", name, NULL));
      n_backups++;
      copy = st_store_open (name, 0, &error);
      g_assert_no_error (error);
      report = st_store_check (copy, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (report->problems->len, ==, 0);
      units = st_store_query_units (copy, &query, &error);
      g_assert_no_error (error);
      /* 500 units before; the bill adds 20,000 all at once or not yet. */
      g_assert_true (units->len == 500 || units->len == 500 + n_big);
      with_bill += units->len == 500 + n_big;
      if (done)
        break;
      if (n_backups > 200)
        g_assert_not_reached ();
    }
  g_subprocess_wait_check (writer, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (with_bill, >=, 1);
  rel_figure ("backup-while-writing", "%u backups taken while another process posted a "
              "%u-serial bill%s: every one passed check and held all of the bill (%u) or "
              "none of it (%u)", n_backups, n_big,
              rel_db_is_server (f->db) ? " on PostgreSQL" : "", with_bill,
              n_backups - with_bill);
}

static void
test_refusals (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *backup = g_build_filename (f->dir, "good.backup", NULL);
  g_autofree char *damaged = g_build_filename (f->dir, "damaged.backup", NULL);
  g_autofree char *text = g_build_filename (f->dir, "notes.txt", NULL);
  g_autofree char *wal = g_strconcat (f->db, "-wal", NULL);
  g_autofree char *before = NULL;
  g_autofree char *damaged_before = NULL;
  g_autofree char *text_before = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TjNode) json = NULL;
  char *contents = NULL;
  gsize len;

  if (rel_db_is_server (f->db))
    {
      g_test_skip ("the SQLite file's own refusals (its WAL, restore over it, kept aside)");
      return;
    }
  g_free (rel_cli_ok (f->db, "backup", backup, NULL));
  g_assert_true (g_file_set_contents (text, "milk\neggs\n", -1, NULL));
  g_assert_true (g_file_get_contents (backup, &contents, &len, NULL));
  memset (contents + 2 * 4096, 0x5A, 4096);
  g_assert_true (g_file_set_contents (damaged, contents, len, NULL));
  g_free (contents);
  before = rel_hash (f->db);
  damaged_before = rel_hash (damaged);
  text_before = rel_hash (text);

  /* Backups: not over the database itself or its WAL, not into a missing folder. */
  g_free (rel_cli_refused (f->db, "database itself", "backup", "--force", f->db, NULL));
  g_free (rel_cli_refused (f->db, "database itself", "backup", "--force", wal, NULL));
  g_free (rel_cli_refused (f->db, "/nonexistent", "backup", "/nonexistent/x.backup", NULL));

  /* Restores: from nothing, from a file that is not a database, from a damaged backup,
   * from the database itself. */
  g_free (rel_cli_refused (f->db, "no backup", "restore", "/nonexistent.backup", NULL));
  g_free (rel_cli_refused (f->db, "not a SerialTrack database", "restore", text, NULL));
  g_free (rel_cli_refused (f->db, "damaged", "restore", damaged, NULL));
  g_free (rel_cli_refused (f->db, "database itself", "restore", f->db, NULL));

  /* Not while another program has the database open (here: this test). */
  {
    g_autoptr(StStore) open = st_store_open (f->db, 0, &error);
    g_assert_no_error (error);
    g_free (rel_cli_refused (f->db, "open in another program", "restore", backup, NULL));
  }
  {
    g_autofree char *now = rel_hash (f->db);
    g_autofree char *damaged_now = rel_hash (damaged);
    g_assert_cmpstr (now, ==, before);
    g_assert_cmpstr (damaged_now, ==, damaged_before);
  }

  /* A --db that is somebody else's file is not replaced without --force … */
  g_free (rel_cli_refused (text, "add --force", "restore", backup, NULL));
  {
    g_autofree char *text_now = rel_hash (text);
    g_assert_cmpstr (text_now, ==, text_before);
  }
  /* … and with it, the file is kept aside. */
  json = rel_cli_json (text, "restore", "--force", backup, NULL);
  {
    g_autofree char *kept = rel_hash (tj_str (json, "previous"));
    g_assert_cmpstr (kept, ==, text_before);
  }
  g_free (rel_cli_ok (text, "check", NULL));
  rel_figure ("backup-refusals", "backup over the database or its WAL, into a missing folder; "
              "restore from nothing, a text file, a damaged backup, the database itself, "
              "while the database is open elsewhere, over a foreign file without --force: "
              "all refused in one line, nothing changed");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  st_pg_require_server ("test-backup");
#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/backup/drill", test_drill);
  ADD ("/backup/while-writing", test_while_writing);
  ADD ("/backup/refusals", test_refusals);
#undef ADD
  return g_test_run ();
}
