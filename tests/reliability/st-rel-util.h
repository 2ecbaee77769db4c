/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-rel-util.h — what the reliability tests share: running serialtrack-cli, hashing files,
 * seeds, iteration counts (short in CI, long in run-full.sh). */
#pragma once

#include <glib.h>

#include "st-test-json.h"
#include "st-test-pg.h"
#include "st-test-run.h"

G_BEGIN_DECLS

typedef struct
{
  int   status;     /* exit status, or 128 + signal */
  char *out;
  char *err;
} RelRun;

void      rel_run_free         (RelRun      *run);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RelRun, rel_run_free)

/* The serialtrack-cli under test ($SERIALTRACK_CLI). */
const char *rel_cli_path       (void);
/* Runs the CLI with "--db @db" (when @db is not NULL) and @args; waits for it. */
RelRun   *rel_cli_v            (const char         *db,
                                const char * const *args);
RelRun   *rel_cli              (const char *db,
                                ...) G_GNUC_NULL_TERMINATED;
/* Exit 0 expected; returns stdout. */
char     *rel_cli_ok           (const char *db,
                                ...) G_GNUC_NULL_TERMINATED;
/* Exit 0 expected with --json; returns the parsed output. */
TjNode   *rel_cli_json         (const char *db,
                                ...) G_GNUC_NULL_TERMINATED;
/* Exit 1 expected, with exactly one line on stderr, "serialtrack-cli: …", that holds
 * @needle (NULL: any), and nothing on stdout.  Returns that line. */
char     *rel_cli_refused      (const char *db,
                                const char *needle,
                                ...) G_GNUC_NULL_TERMINATED;
/* Asserts that @run is a refusal as above. */
void      rel_assert_refusal   (const RelRun *run,
                                const char   *needle);

/* Where a test's database is: the file @dir/@name, or on PostgreSQL (ST_TEST_POSTGRES=1) an
 * empty database of this process tagged @name (st-test-pg.h), as a conninfo for --db. */
char     *rel_new_db           (const char *dir,
                                const char *name);
/* Whether @db names a server database. */
gboolean  rel_db_is_server     (const char *db);
/* What must not change after a refusal: the file's hash (rel_hash()) or the digest of every
 * table (st_pg_hash()). */
char     *rel_db_hash          (const char *db);

/* SHA-256 of a file, or "absent". */
char     *rel_hash             (const char *path);
gint64    rel_file_size        (const char *path);
void      rel_copy             (const char *from,
                                const char *to);
/* Removes the database and its -wal, -shm and -journal files (a server database: empties it). */
void      rel_remove_db        (const char *path);
char     *rel_tmpdir           (const char *name);
/* Writes @n serials PREFIX000001… one a line to @path. */
void      rel_write_serials    (const char *path,
                                const char *prefix,
                                guint       first,
                                guint       n);

/* Fills the new database @db through the CLI: warehouses Main and Shop, vendor Acme, customer
 * Bob, the serial item BIG, and bill B-BASE from Acme into Main of the @n serials listed in
 * @serials (one a line), dated @date (NULL: today). */
void      rel_stock_big        (const char *db,
                                const char *serials,
                                guint       n,
                                const char *date);

/* $@env as a count, else @ci_default (the short run of the test suite). */
guint     rel_count            (const char *env,
                                guint       ci_default);
/* A GRand seeded from $ST_REL_SEED or the clock, the seed printed so a run can be repeated. */
GRand    *rel_rand             (const char *what);
/* Prints a figure line ("# FIGURE name: text") that run-full.sh collects. */
void      rel_figure           (const char *name,
                                const char *format,
                                ...) G_GNUC_PRINTF (2, 3);

G_END_DECLS
