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
#include "st-rel-damage.h"
#include "st-rel-util.h"

static char *dir;
static GRand *rand_;
static guint n_files, n_commands, random_detected, random_runs;
static gsize n_variants;

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
  const RelDamage *v = data;
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
    {
      /* It names the file. */
      if (strstr (check->err, basename) == NULL)
        g_printerr ("%s: check said: %s", v->name, check->err);
      g_assert_nonnull (strstr (check->err, basename));
    }

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
              n_files, n_variants, n_commands, random_detected, random_runs);
}

int
main (int   argc,
      char *argv[])
{
  const RelDamage *variants;
  guint rounds;
  int status;

  g_test_init (&argc, &argv, NULL);
  st_pg_skip_binary ("damaged SQLite files (their headers and pages)");
  rand_ = rel_rand ("test-damaged");
  rounds = rel_count ("ST_REL_RANDOM_FILES", 3);
  dir = rel_tmpdir ("damaged");
  rel_damage_init (dir, rand_);
  variants = rel_damage_variants (&n_variants);
  for (gsize i = 0; i < n_variants; i++)
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

  st_test_remove_tree (dir);
  g_rand_free (rand_);
  return status;
}
