/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-test-cli.h — running serialtrack-cli from the tests, on a temporary database. */
#pragma once

#include <glib.h>

#include "st-test-json.h"

G_BEGIN_DECLS

typedef struct
{
  char *dir;   /* temporary folder, removed afterwards */
  char *db;    /* dir/inventory.serialtrack, or on PostgreSQL (ST_TEST_POSTGRES=1) the
                * conninfo of a database of this test process and fixture */
} Fixture;

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

void    run_free             (Run         *run);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Run, run_free)

/* Fixtures: an empty folder; or an initialised database with the warehouses Main and Store,
 * the vendors Acme and Zenith, the customers Bob and Carol, and the items PHONE (serial,
 * price 150, cost 100, 12 months of warranty), IMEI (serial, imei format) and CABLE
 * (quantity, price 5, cost 1.50).  Teardown runs `check` on a database that exists. */
void    fixture_setup_empty  (Fixture       *f,
                              gconstpointer  data);
void    fixture_setup        (Fixture       *f,
                              gconstpointer  data);
void    fixture_teardown     (Fixture       *f,
                              gconstpointer  data);

/* How a run names the database. */
typedef enum
{
  DB_NONE,    /* not at all (the arguments may hold --db) */
  DB_ARG,     /* "--db f->db" before the arguments */
  DB_ENV,     /* SERIALTRACK_DB=f->db in the environment */
} DbMode;

/* Runs the CLI with @args; @input (may be NULL) is fed to its standard input. */
Run    *cli_runv             (Fixture            *f,
                              DbMode              mode,
                              const char         *input,
                              const char * const *args);
Run    *cli_run              (Fixture    *f,
                              const char *input,
                              ...) G_GNUC_NULL_TERMINATED;
/* Exit 0 expected; returns stdout. */
char   *cli_ok               (Fixture    *f,
                              ...) G_GNUC_NULL_TERMINATED;
/* Exit 0 expected with --json; returns the parsed output. */
TjNode *cli_json             (Fixture    *f,
                              ...) G_GNUC_NULL_TERMINATED;
/* Exit 1 expected: one line on stderr ("serialtrack-cli: …") holding @needle, nothing on
 * stdout, and the database file byte for byte as before.  Returns stderr. */
char   *cli_refused          (Fixture    *f,
                              const char *needle,
                              ...) G_GNUC_NULL_TERMINATED;
/* Exit 2 expected, stderr holding @needle, the database unchanged. */
void    cli_usage_error      (Fixture    *f,
                              const char *needle,
                              ...) G_GNUC_NULL_TERMINATED;

/* SHA-256 of the database file (and of its WAL, if one was left); on PostgreSQL of every
 * table's rows (st_pg_hash()). */
char   *database_hash        (Fixture    *f);
/* Whether the fixture's database was created (the file, or the schema on the server). */
gboolean database_exists     (Fixture    *f);
/* Removes it (the file, or every table), e.g. so that teardown does not check purpose-made
 * damage. */
void    database_remove      (Fixture    *f);
/* Runs @sql on the database behind the CLI's back (sqlite3, or psql). */
void    database_sql         (Fixture    *f,
                              const char *sql);
/* Whether this run is on PostgreSQL. */
gboolean on_postgres         (void);

/* `unit SERIAL --json`, asserting its status, warehouse (NULL: none) and the machine names
 * of its events ("received,transferred,sold").  Returns the unit for more checks. */
TjNode *assert_unit          (Fixture    *f,
                              const char *serial,
                              const char *status,
                              const char *warehouse,
                              const char *events);

/* `--json item list`: the on-hand quantity of @sku (asserted listed). */
gint64  cli_on_hand          (Fixture    *f,
                              const char *sku);

void    assert_contains      (const char *haystack,
                              const char *needle);

/* Posts bill B-1 from Acme into Main on 2024-03-01: PHONE S1, S2, S3 at 100, CABLE 10 at 1.20. */
void    stock_base           (Fixture    *f);

G_END_DECLS
