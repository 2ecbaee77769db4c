/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-damaged.c — issue 8, item 3: damaged and foreign files.
 *
 * Each variant (empty, text, another program's SQLite database, a newer SerialTrack, three
 * truncations, flipped header bytes, flipped b-tree pages, a flipped index entry, random
 * flipped bytes, a damaged backup in rollback-journal mode, a ledger tampered with) is opened
 * by the core and by the CLI's commands.  Every time: no crash, a clear one-line message (or,
 * for `check`, the problems found), the file byte for byte as it was (SHA-256) and nothing
 * left beside it.  `check` exits 1 on every damaged file; the random flips may hit bytes that
 * nothing reads (their detection is counted, not required). */
#include "config.h"

#include <string.h>
#include <sqlite3.h>
#include <glib/gstdio.h>

#include "st-error.h"
#include "st-store.h"
#include "st-rel-util.h"

static char *dir;
static char *base_db;      /* sound, WAL mode */
static char *base_backup;  /* sound, rollback-journal mode (a backup) */
static GRand *rand_;
static guint n_files, n_commands, random_detected, random_runs;

typedef gboolean (*MakeFunc) (const char *path);

typedef struct
{
  const char *name;
  MakeFunc    make;
  gboolean    may_pass_check;  /* damage SQLite may never read */
} Variant;

static void
make_base (void)
{
  g_autofree char *line = NULL;

  dir = rel_tmpdir ("damaged");
  base_db = g_build_filename (dir, "base.serialtrack", NULL);
  base_backup = g_build_filename (dir, "base-backup.serialtrack", NULL);
  g_free (rel_cli_ok (base_db, "init", NULL));
  g_free (rel_cli_ok (base_db, "warehouse", "add", "Main", NULL));
  g_free (rel_cli_ok (base_db, "contact", "add", "--vendor", "Acme", NULL));
  g_free (rel_cli_ok (base_db, "contact", "add", "--customer", "Bob", NULL));
  g_free (rel_cli_ok (base_db, "item", "add", "--sku", "PHONE", "--name", "Phone", "--serial",
                      "--price", "100", "--cost", "60", NULL));
  g_free (rel_cli_ok (base_db, "item", "add", "--sku", "CABLE", "--name", "Cable", NULL));
  g_free (rel_cli_ok (base_db, "bill", "post", "--vendor", "Acme", "--number", "B1",
                      "--warehouse", "Main", "--line", "PHONE:600:60:SN000001..SN000600",
                      "--line", "CABLE:50:1", NULL));
  g_free (rel_cli_ok (base_db, "invoice", "post", "--customer", "Bob", "--warehouse", "Main",
                      "--line", "PHONE:40", NULL));
  g_free (rel_cli_ok (base_db, "backup", base_backup, NULL));
}

static GByteArray *
read_file (const char *path)
{
  g_autofree char *contents = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  return g_byte_array_new_take ((guint8 *) g_steal_pointer (&contents), len);
}

static void
write_file (const char *path,
            GByteArray *data)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, (const char *) data->data, data->len, &error);
  g_assert_no_error (error);
}

static guint
page_size (GByteArray *data)
{
  guint size = (data->data[16] << 8) | data->data[17];

  return size == 1 ? 65536 : size;
}

/* The offset of b-tree page @pgno's type byte (page 1 has the file header first). */
static gsize
type_offset (guint size,
             guint pgno)
{
  return (gsize) (pgno - 1) * size + (pgno == 1 ? 100 : 0);
}

static gboolean
is_btree_type (guint8 type)
{
  return type == 2 || type == 5 || type == 10 || type == 13;
}

static gboolean
make_empty (const char *path)
{
  return g_file_set_contents (path, "", 0, NULL);
}

static gboolean
make_text (const char *path)
{
  return g_file_set_contents (path, "Shopping list\nmilk\nSN000001\n", -1, NULL);
}

static gboolean
make_other_sqlite (const char *path)
{
  sqlite3 *db = NULL;
  int rc;

  sqlite3_open (path, &db);
  rc = sqlite3_exec (db, "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT);"
                         "INSERT INTO notes (text) VALUES ('hello'), ('world');", NULL, NULL, NULL);
  sqlite3_close (db);
  return rc == SQLITE_OK;
}

static gboolean
make_newer (const char *path)
{
  sqlite3 *db = NULL;
  int rc;

  rel_copy (base_db, path);
  sqlite3_open (path, &db);
  rc = sqlite3_exec (db, "PRAGMA user_version = 99", NULL, NULL, NULL);
  sqlite3_close (db);
  return rc == SQLITE_OK;
}

static gboolean
truncate_to (const char *path,
             gsize       size)
{
  g_autoptr(GByteArray) data = read_file (base_db);

  g_assert_cmpuint (size, <, data->len);
  g_byte_array_set_size (data, size);
  write_file (path, data);
  return TRUE;
}

static gboolean
make_truncated_header (const char *path)
{
  return truncate_to (path, 50);
}

static gboolean
make_truncated_half (const char *path)
{
  g_autoptr(GByteArray) data = read_file (base_db);
  guint size = page_size (data);

  return truncate_to (path, data->len / size / 2 * size);
}

static gboolean
make_truncated_last_page (const char *path)
{
  g_autoptr(GByteArray) data = read_file (base_db);

  return truncate_to (path, data->len - page_size (data));
}

static gboolean
make_header_flipped (const char *path)
{
  g_autoptr(GByteArray) data = read_file (base_db);

  /* The page size. */
  data->data[16] ^= 0x5a;
  data->data[17] ^= 0xa5;
  write_file (path, data);
  return TRUE;
}

/* Flips the type byte of every @step-th b-tree page from page 2 on (at least one). */
static gboolean
flip_pages (const char *source,
            const char *path,
            guint       step,
            gboolean    last_leaf_only)
{
  g_autoptr(GByteArray) data = read_file (source);
  guint size = page_size (data);
  guint n_pages = data->len / size;
  guint flipped = 0, seen = 0;

  if (last_leaf_only)
    {
      for (guint p = n_pages; p >= 2 && flipped == 0; p--)
        if (data->data[type_offset (size, p)] == 13)
          {
            data->data[type_offset (size, p)] ^= 0xff;
            flipped++;
          }
    }
  else
    for (guint p = 2; p <= n_pages; p++)
      if (is_btree_type (data->data[type_offset (size, p)]) && seen++ % step == 0)
        {
          data->data[type_offset (size, p)] ^= 0xff;
          flipped++;
        }
  g_assert_cmpuint (flipped, >, 0);
  write_file (path, data);
  return TRUE;
}

static gboolean
make_pages_flipped (const char *path)
{
  return flip_pages (base_db, path, 5, FALSE);
}

static gboolean
make_leaf_flipped (const char *path)
{
  return flip_pages (base_db, path, 1, TRUE);
}

static gboolean
make_backup_damaged (const char *path)
{
  return flip_pages (base_backup, path, 1, TRUE);
}

/* One serial's key ("sn000123", case-folded) changed where it first stands: in a table or
 * an index, and no longer in the other. */
static gboolean
make_index_entry_flipped (const char *path)
{
  g_autoptr(GByteArray) data = read_file (base_db);
  const char *key = "sn000321";
  gsize len = strlen (key);

  for (gsize i = 0; i + len <= data->len; i++)
    if (memcmp (data->data + i, key, len) == 0)
      {
        data->data[i + len - 1] = '9';
        write_file (path, data);
        return TRUE;
      }
  return FALSE;
}

static gboolean
make_random_flips (const char *path)
{
  g_autoptr(GByteArray) data = read_file (base_db);
  guint size = page_size (data);

  for (guint i = 0; i < 32; i++)
    {
      guint offset = g_rand_int_range (rand_, size, data->len);
      data->data[offset] ^= 1 << g_rand_int_range (rand_, 0, 8);
    }
  write_file (path, data);
  return TRUE;
}

/* A sound file whose ledger was edited behind our back: a unit marked sold with no event. */
static gboolean
make_ledger_tampered (const char *path)
{
  sqlite3 *db = NULL;
  int rc;

  rel_copy (base_db, path);
  sqlite3_open (path, &db);
  rc = sqlite3_exec (db, "UPDATE units SET status = 'sold' WHERE serial = 'SN000500'", NULL,
                     NULL, NULL);
  sqlite3_close (db);
  return rc == SQLITE_OK;
}

static const Variant variants[] = {
  { "empty", make_empty, FALSE },
  { "text", make_text, FALSE },
  { "other-sqlite", make_other_sqlite, FALSE },
  { "newer-serialtrack", make_newer, FALSE },
  { "truncated-header", make_truncated_header, FALSE },
  { "truncated-half", make_truncated_half, FALSE },
  { "truncated-last-page", make_truncated_last_page, FALSE },
  { "header-flipped", make_header_flipped, FALSE },
  { "pages-flipped", make_pages_flipped, FALSE },
  { "leaf-flipped", make_leaf_flipped, FALSE },
  { "index-entry-flipped", make_index_entry_flipped, FALSE },
  { "random-flips", make_random_flips, TRUE },
  { "backup-damaged", make_backup_damaged, FALSE },
  { "ledger-tampered", make_ledger_tampered, FALSE },
};

/* Only the file itself in its folder: no WAL, index or journal left behind. */
static void
assert_alone (const char *path)
{
  static const char * const suffixes[] = { "-wal", "-shm", "-journal" };

  for (gsize i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = g_strconcat (path, suffixes[i], NULL);
      if (g_file_test (name, G_FILE_TEST_EXISTS))
        g_printerr ("%s left behind\n", name);
      g_assert_false (g_file_test (name, G_FILE_TEST_EXISTS));
    }
}

/* Runs one CLI command: exit 0, or 1 with a one-line message on stderr; never a crash.
 * Returns the run. */
static RelRun *
run_command (const char         *path,
             const char * const *args)
{
  RelRun *run = rel_cli_v (path, args);
  const char *newline = strchr (run->err, '\n');

  n_commands++;
  if (run->status != 0 && run->status != 1)
    g_printerr ("%s %s: exit %d\n%s\n", path, args[0], run->status, run->err);
  g_assert_true (run->status == 0 || run->status == 1);
  if (run->status == 1)
    {
      g_assert_true (g_str_has_prefix (run->err, "serialtrack-cli: "));
      g_assert_nonnull (newline);
      g_assert_cmpint (newline[1], ==, '\0');
    }
  return run;
}

static void
test_variant (gconstpointer data)
{
  const Variant *v = data;
  g_autofree char *path = g_strdup_printf ("%s/%s.serialtrack", dir, v->name);
  g_autofree char *before = NULL;
  g_autofree char *basename = g_path_get_basename (path);
  g_autoptr(RelRun) check = NULL;
  g_autoptr(StStore) store = NULL;
  g_autoptr(GError) error = NULL;
  const char * const reads[][4] = {
    { "units", NULL },
    { "item", "list", NULL },
    { "unit", "SN000001", NULL },
    { "--json", "check", NULL },
    { "init", NULL },
  };
  gboolean refused_at_open;

  rel_remove_db (path);
  g_assert_true (v->make (path));
  before = rel_hash (path);
  n_files++;

  /* The core: refused with a code, or opened; never a change. */
  store = st_store_open (path, ST_STORE_OPEN_DEFAULT, &error);
  if (store == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (error->domain == ST_ERROR);
      g_assert_true (error->code == ST_ERROR_NOT_SERIALTRACK
                     || error->code == ST_ERROR_NEWER_SCHEMA
                     || error->code == ST_ERROR_CORRUPT);
      g_test_message ("%s: %s", v->name, error->message);
    }
  g_clear_object (&store);
  g_clear_error (&error);
  {
    g_autofree char *now = rel_hash (path);
    g_assert_cmpstr (now, ==, before);
  }
  assert_alone (path);

  /* `check` reports the damage. */
  check = run_command (path, (const char *[]) { "check", NULL });
  refused_at_open = check->status == 1 && *check->out == '\0';
  if (v->may_pass_check)
    {
      random_runs++;
      random_detected += check->status == 1;
    }
  else
    {
      if (check->status != 1)
        g_printerr ("%s: check passed:\n%s\n", v->name, check->out);
      g_assert_cmpint (check->status, ==, 1);
    }
  if (refused_at_open)
    /* It names the file. */
    g_assert_nonnull (strstr (check->err, basename));

  /* Reading commands: an answer or a clear refusal. */
  for (gsize i = 0; i < G_N_ELEMENTS (reads); i++)
    rel_run_free (run_command (path, reads[i]));

  /* Writing commands are refused on a file that does not open. */
  if (refused_at_open)
    {
      g_autoptr(RelRun) run = run_command (path, (const char *[]) {
        "bill", "post", "--vendor", "Acme", "--number", "B-NEW", "--warehouse", "Main",
        "--line", "PHONE:1:60:NEW-1", NULL });
      g_assert_cmpint (run->status, ==, 1);
    }

  {
    g_autofree char *after = rel_hash (path);
    g_assert_cmpstr (after, ==, before);
  }
  assert_alone (path);
  rel_remove_db (path);
}

static void
test_summary (void)
{
  rel_figure ("damaged-files",
              "%u files tried (%zu kinds), %u CLI commands run on them, no crash, every "
              "file byte for byte unchanged and nothing left beside it; check exited 1 on "
              "every damaged file; random flips detected %u of %u",
              n_files, G_N_ELEMENTS (variants), n_commands, random_detected, random_runs);
}

int
main (int   argc,
      char *argv[])
{
  guint rounds;
  int status;

  g_test_init (&argc, &argv, NULL);
  rand_ = rel_rand ("test-damaged");
  rounds = rel_count ("ST_REL_RANDOM_FILES", 3);
  make_base ();

  for (gsize i = 0; i < G_N_ELEMENTS (variants); i++)
    {
      guint n = variants[i].may_pass_check ? rounds : 1;

      for (guint j = 0; j < n; j++)
        {
          g_autofree char *path = n > 1 ? g_strdup_printf ("/damaged/%s/%u", variants[i].name, j)
                                        : g_strdup_printf ("/damaged/%s", variants[i].name);
          g_test_add_data_func (path, &variants[i], test_variant);
        }
    }
  g_test_add_func ("/summary/damaged", test_summary);
  status = g_test_run ();

  rel_rmtree (dir);
  g_rand_free (rand_);
  return status;
}
