/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-test-util.h — fixtures shared by the core tests (header-only). */
#pragma once

#include <glib.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "st-db.h"
#include "st-error.h"
#include "st-store.h"
#include "../st-test-tree.h"

/* The driver under test: SQLite files by default; PostgreSQL when ST_TEST_POSTGRES=1 (the
 * server from libpq's PGHOST, PGPORT, PGUSER, PGPASSWORD — what pg_virtualenv sets). */
static inline gboolean
st_test_postgres (void)
{
  return g_strcmp0 (g_getenv ("ST_TEST_POSTGRES"), "1") == 0;
}

/* Runs psql on @dbname with @sql; aborts the test when it fails. */
static inline void
st_test_psql (const char *dbname,
              const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  int status = 0;
  const char *argv[] = { "psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", dbname, "-c", sql,
                         NULL };

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                NULL, NULL, NULL, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("psql -d %s -c '%s': %s", dbname, sql, err);
}

static inline void
st_test_drop_database (void)
{
  g_autofree char *sql = g_strdup_printf ("DROP DATABASE IF EXISTS st_test_%d WITH (FORCE)",
                                          (int) getpid ());
  st_test_psql ("postgres", sql);
}

/* A new, empty database: a file in a new folder @dir, or on the server a database of this
 * test process emptied of every table.  Returns where it is, for st_store_open(). */
static inline char *
st_test_new_location (const char *dir,
                      const char *name)
{
  static gboolean created;

  if (!st_test_postgres ())
    return g_build_filename (dir, name, NULL);
  if (g_getenv ("PGHOST") == NULL && g_getenv ("PGPORT") == NULL)
    {
      g_printerr ("ST_TEST_POSTGRES=1 but no server: PGHOST and PGPORT are unset\n");
      exit (77);
    }
  if (!created)
    {
      g_autofree char *sql = g_strdup_printf ("CREATE DATABASE st_test_%d", (int) getpid ());
      st_test_drop_database ();
      st_test_psql ("postgres", sql);
      atexit (st_test_drop_database);
      created = TRUE;
    }
  {
    g_autofree char *dbname = g_strdup_printf ("st_test_%d", (int) getpid ());
    st_test_psql (dbname, "DROP SCHEMA public CASCADE; CREATE SCHEMA public;");
    return g_strdup_printf ("dbname=%s", dbname);
  }
}

/* The start of a test that only means something for a SQLite file (its bytes, its header,
 * SQLite's own features): skipped, saying so, on PostgreSQL. */
#define ST_TEST_SQLITE_ONLY() \
  G_STMT_START { \
    if (st_test_postgres ()) \
      { \
        g_test_skip ("a SQLite file's own behaviour"); \
        return; \
      } \
  } G_STMT_END

typedef struct
{
  char    *dir;
  char    *path;
  StStore *store;
} StFixture;

/* A new database with warehouses Main/Shop, vendor Acme, customer Bob, and items PHONE (serial,
 * imei, 12 months warranty), TOOL (serial, any), CABLE (quantity). */
static inline void
st_fixture_setup (StFixture     *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StWarehouse) w1 = NULL, w2 = NULL;
  g_autoptr(StContact) c1 = NULL, c2 = NULL;
  g_autoptr(StItem) i1 = NULL, i2 = NULL, i3 = NULL;
  StItemSpec phone = { "PHONE", "Phone X", NULL, 50000, 30000, ST_TRACKING_SERIAL, 12,
                       ST_SERIAL_FORMAT_IMEI };
  StItemSpec tool = { "TOOL", "Drill", NULL, 9900, 5000, ST_TRACKING_SERIAL, 0,
                      ST_SERIAL_FORMAT_ANY };
  StItemSpec cable = { "CABLE", "USB cable", "pcs", 500, 100, ST_TRACKING_NONE, 0,
                       ST_SERIAL_FORMAT_ANY };

  f->dir = g_dir_make_tmp ("st-test-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = st_test_new_location (f->dir, "test.serialtrack");
  f->store = st_store_open (f->path, ST_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  w1 = st_store_add_warehouse (f->store, "Main", &error);
  g_assert_no_error (error);
  w2 = st_store_add_warehouse (f->store, "Shop", &error);
  g_assert_no_error (error);
  c1 = st_store_add_contact (f->store, ST_CONTACT_VENDOR, "Acme", &error);
  g_assert_no_error (error);
  c2 = st_store_add_contact (f->store, ST_CONTACT_CUSTOMER, "Bob", &error);
  g_assert_no_error (error);
  i1 = st_store_add_item (f->store, &phone, &error);
  g_assert_no_error (error);
  i2 = st_store_add_item (f->store, &tool, &error);
  g_assert_no_error (error);
  i3 = st_store_add_item (f->store, &cable, &error);
  g_assert_no_error (error);
}

static inline void
st_fixture_teardown (StFixture     *f,
                     gconstpointer  data)
{
  g_clear_object (&f->store);
  st_test_remove_tree (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

/* Adds a test of the shared fixture (st_fixture_setup()) at @path. */
#define ST_TEST_ADD(path, func) \
  g_test_add (path, StFixture, NULL, st_fixture_setup, func, st_fixture_teardown)

/* Adds the comma-separated @serials ("A1,A2") to @line. */
static inline void
st_test_line_add_serials (StDraftLine *line,
                          const char  *serials)
{
  g_auto(GStrv) parts = g_strsplit (serials, ",", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    st_draft_line_add_serial (line, parts[i]);
}

/* Adds @n serials to @line: @prefix and the numbers from 0, zero-padded to @digits
 * ("U", 4: U0000, U0001, …). */
static inline void
st_test_line_add_numbered (StDraftLine *line,
                           const char  *prefix,
                           int          digits,
                           guint        n)
{
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *serial = g_strdup_printf ("%s%0*u", prefix, digits, i);

      st_draft_line_add_serial (line, serial);
    }
}

/* A bill @number from the fixture's vendor Acme into its warehouse Main, without lines. */
static inline StDraft *
st_test_bill (const char *number)
{
  StDraft *draft = st_draft_new (ST_DOC_BILL);

  st_draft_set_string (&draft->number, number);
  st_draft_set_string (&draft->contact, "Acme");
  st_draft_set_string (&draft->warehouse, "Main");
  return draft;
}

/* Posts @draft, asserting that it posts; the document is not kept. */
static inline void
st_test_post_ok (StStore       *store,
                 const StDraft *draft)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StDocument) doc = st_store_post (store, draft, &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
}

/* Runs @sql on the fixture's database behind the store's back (what an older build or a
 * hand-edit could have left), then reopens the store. */
static inline void
st_test_raw_sql (StFixture  *f,
                 const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StDb) db = NULL;

  g_clear_object (&f->store);
  db = st_db_open (f->path, FALSE, &error);
  g_assert_no_error (error);
  g_assert_true (st_db_exec (db, sql, &error));
  g_assert_no_error (error);
  g_clear_object (&db);
  f->store = st_store_open (f->path, 0, &error);
  g_assert_no_error (error);
}

/* Steps @stmt, an EXPLAIN (PostgreSQL) or EXPLAIN QUERY PLAN (SQLite) already bound, and
 * returns the plan: the last column of each row, one line each. */
static inline char *
st_test_plan_text (StStmt *stmt)
{
  g_autoptr(GError) error = NULL;
  GString *plan = g_string_new (NULL);
  int rc;

  while ((rc = st_stmt_step (stmt, &error)) == ST_STEP_ROW)
    g_string_append_printf (plan, "%s\n",
                            st_stmt_column_text (stmt, st_stmt_column_count (stmt) - 1));
  g_assert_no_error (error);
  g_assert_cmpint (rc, ==, ST_STEP_DONE);
  return g_string_free (plan, FALSE);
}

/* Asserts that the ledger check finds nothing wrong. */
static inline void
st_assert_check_ok (StStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StCheckReport) report = st_store_check (store, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < report->problems->len; i++)
    g_printerr ("check: %s\n", (char *) g_ptr_array_index (report->problems, i));
  g_assert_cmpuint (report->problems->len, ==, 0);
}
