/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-disk-full.c — issue 8, item 5: a full disk during a large posting.
 *
 *   /disk-full/max-page-count/{bill,invoice,transfer}  the core with PRAGMA max_page_count
 *       lowered to the file's size: a 20,000-serial posting fails with ST_ERROR_IO saying the
 *       disk is full; the file stays byte for byte the same and passes check;
 *   /disk-full/file-size-limit  serialtrack-cli itself under RLIMIT_FSIZE (the kernel refuses
 *       to grow any file past the limit, as a full disk does): exit 1 with one clear line,
 *       the database unchanged and sound. */
#include "config.h"

#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <sqlite3.h>
#include <glib/gstdio.h>

#include "st-error.h"
#include "st-store-private.h"
#include "st-rel-util.h"

#define N_SERIALS 20000

static char *dir;
static char *base_db;
static char *base_serials;
static char *new_serials;

static void
make_base (void)
{
  dir = rel_tmpdir ("diskfull");
  base_db = g_build_filename (dir, "base.serialtrack", NULL);
  base_serials = g_build_filename (dir, "base.txt", NULL);
  new_serials = g_build_filename (dir, "new.txt", NULL);
  rel_write_serials (base_serials, "SN", 1, N_SERIALS);
  rel_write_serials (new_serials, "NEW", 1, N_SERIALS);
  rel_stock_big (base_db, base_serials, N_SERIALS, NULL);
}

static StDraft *
big_draft (StDocKind kind)
{
  StDraft *draft = st_draft_new (kind);
  StDraftLine *line;
  const char *prefix = kind == ST_DOC_BILL ? "NEW" : "SN";

  switch (kind)
    {
    case ST_DOC_BILL:
      st_draft_set_string (&draft->number, "B-FULL");
      st_draft_set_string (&draft->contact, "Acme");
      st_draft_set_string (&draft->warehouse, "Main");
      break;
    case ST_DOC_INVOICE:
      st_draft_set_string (&draft->contact, "Bob");
      st_draft_set_string (&draft->warehouse, "Main");
      break;
    case ST_DOC_TRANSFER:
      st_draft_set_string (&draft->warehouse, "Main");
      st_draft_set_string (&draft->to_warehouse, "Shop");
      break;
    default:
      g_assert_not_reached ();
    }
  line = st_draft_add_line (draft, "BIG", N_SERIALS);
  for (guint i = 1; i <= N_SERIALS; i++)
    {
      g_autofree char *serial = g_strdup_printf ("%s%06u", prefix, i);
      st_draft_line_add_serial (line, serial);
    }
  return draft;
}

static void
test_max_page_count (gconstpointer data)
{
  StDocKind kind = GPOINTER_TO_INT (data);
  g_autofree char *db = g_build_filename (dir, "full.serialtrack", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(StStore) store = NULL;
  g_autoptr(StDraft) draft = big_draft (kind);
  g_autoptr(StDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(StCheckReport) report = NULL;
  g_autoptr(GPtrArray) moved = NULL;
  StUnitQuery query = { 0, NULL, -1, NULL, NULL };
  int pages;

  rel_remove_db (db);
  rel_copy (base_db, db);
  before = rel_hash (db);

  store = st_store_open (db, 0, &error);
  g_assert_no_error (error);
  {
    g_autoptr(StStmt) stmt = st_db_prepare (_st_store_get_db (store), "PRAGMA page_count",
                                            &error);
    g_assert_no_error (error);
    g_assert_cmpint (st_stmt_step (stmt, &error), ==, ST_STEP_ROW);
    pages = st_stmt_column_int (stmt, 0);
  }
  {
    /* Not one page more than the file has. */
    g_autofree char *sql = g_strdup_printf ("PRAGMA max_page_count = %d", pages);
    g_assert_true (st_db_exec (_st_store_get_db (store), sql, &error));
    g_assert_no_error (error);
  }

  doc = st_store_post (store, draft, &error);
  g_assert_null (doc);
  g_assert_error (error, ST_ERROR, ST_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "disk is full"));
  g_test_message ("%s: %s", st_doc_kind_to_string (kind), error->message);
  g_clear_error (&error);
  g_clear_object (&store);

  /* Byte for byte as before: the failed transaction never reached the file. */
  after = rel_hash (db);
  g_assert_cmpstr (after, ==, before);
  store = st_store_open (db, 0, &error);
  g_assert_no_error (error);
  report = st_store_check (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->problems->len, ==, 0);
  g_assert_cmpint (report->n_documents, ==, 1);
  query.status = ST_UNIT_IN_STOCK;
  query.warehouse = "Main";
  moved = st_store_query_units (store, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (moved->len, ==, N_SERIALS);
  g_clear_object (&store);
  rel_remove_db (db);
  rel_figure ("disk-full-max-page-count",
              "%s of %d serials with max_page_count = the file's %d pages: refused with "
              "\"disk is full\", file unchanged (SHA-256), check passes",
              st_doc_kind_to_string (kind), N_SERIALS, pages);
}

static void
limit_file_size (gpointer data)
{
  struct rlimit limit;

  limit.rlim_cur = limit.rlim_max = GPOINTER_TO_SIZE (data);
  /* Without this, the kernel kills the process with SIGXFSZ instead of failing the write. */
  signal (SIGXFSZ, SIG_IGN);
  setrlimit (RLIMIT_FSIZE, &limit);
}

typedef struct
{
  const char *name;
  gsize       room;     /* RLIMIT_FSIZE = this, or (when 0) the file's size + 256 KiB */
  const char *needle;
} Limit;

/* 1 MiB: the WAL fills up while the transaction spills its pages; the file's size + 256 KiB:
 * it fills up at the commit. */
static const Limit limits[] = {
  { "spill", 1024 * 1024, "The disk is full: nothing was written (File too large)" },
  { "commit", 0, "Nothing was written" },
};

static void
test_file_size_limit (gconstpointer data)
{
  const Limit *l = data;
  g_autofree char *db = g_build_filename (dir, "limited.serialtrack", NULL);
  g_autofree char *line = g_strdup_printf ("BIG:%d:1.00:@%s", N_SERIALS, new_serials);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TjNode) units = NULL;
  const char *argv[] = { rel_cli_path (), "--db", db, "bill", "post", "--vendor", "Acme",
                         "--number", "B-FULL", "--warehouse", "Main", "--line", line, NULL };
  g_auto(GStrv) envp = g_environ_unsetenv (g_get_environ (), "SERIALTRACK_DB");
  gsize room;
  int status = 0;

  rel_remove_db (db);
  rel_copy (base_db, db);
  before = rel_hash (db);
  room = l->room != 0 ? l->room : (gsize) rel_file_size (db) + 256 * 1024;

  g_spawn_sync (NULL, (char **) argv, envp, G_SPAWN_DEFAULT, limit_file_size,
                GSIZE_TO_POINTER (room), &out, &err, &status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  if (WEXITSTATUS (status) != 1)
    g_printerr ("exit %d\n%s\n%s\n", WEXITSTATUS (status), out, err);
  g_assert_cmpint (WEXITSTATUS (status), ==, 1);
  rel_assert_refusal (&(RelRun) { 1, out, err }, l->needle);

  after = rel_hash (db);
  g_assert_cmpstr (after, ==, before);
  g_free (rel_cli_ok (db, "check", NULL));
  units = rel_cli_json (db, "units", "--item", "BIG", NULL);
  g_assert_cmpuint (tj_len (units, ""), ==, N_SERIALS);
  rel_remove_db (db);
  rel_figure ("disk-full-file-size-limit",
              "serialtrack-cli posting a %d-serial bill with RLIMIT_FSIZE = %zu bytes (full "
              "at the %s): exit 1, \"%s\", file unchanged (SHA-256), check passes, no new "
              "unit", N_SERIALS, room, l->name, g_strchomp (err));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  st_pg_skip_binary ("a full disk, through SQLite's max_page_count and the file size limit");
  make_base ();
  g_test_add_data_func ("/disk-full/max-page-count/bill", GINT_TO_POINTER (ST_DOC_BILL),
                        test_max_page_count);
  g_test_add_data_func ("/disk-full/max-page-count/invoice", GINT_TO_POINTER (ST_DOC_INVOICE),
                        test_max_page_count);
  g_test_add_data_func ("/disk-full/max-page-count/transfer", GINT_TO_POINTER (ST_DOC_TRANSFER),
                        test_max_page_count);
  g_test_add_data_func ("/disk-full/file-size-limit/spill", &limits[0], test_file_size_limit);
  g_test_add_data_func ("/disk-full/file-size-limit/commit", &limits[1], test_file_size_limit);
  status = g_test_run ();
  st_test_remove_tree (dir);
  return status;
}
