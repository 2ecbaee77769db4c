/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-test-pg.h — the CLI and reliability tests on a PostgreSQL server: the same idea as
 * tests/core's st_test_new_location() (a database of the test process on the server from
 * libpq's PGHOST/PGPORT/PGUSER/PGPASSWORD, dropped at exit), for tests that run the CLI and
 * so only need the database's conninfo; plus what stands in for a SQLite file's bytes there (a
 * digest of the data).  Through libpq, one kept connection a database: a psql run a query
 * would cost a process and a connection each time. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Whether this run is on PostgreSQL (ST_TEST_POSTGRES=1, what tests/meson.build's
 * test_env_pg sets). */
gboolean  st_pg_enabled            (void);
/* On PostgreSQL without a server (PGHOST and PGPORT unset), says so and exits 77, which meson
 * reports as skipped.  Call first in main(). */
void      st_pg_require_server     (const char *what);
/* Exits 77 with @reason when on PostgreSQL: a whole binary about a SQLite file's own bytes. */
void      st_pg_skip_binary        (const char *reason);

/* An empty database on the server named st_test_<pid>_<tag> (created at first use, emptied of
 * every table at each later one, dropped when the process exits).  Returns its conninfo,
 * "dbname=st_test_<pid>_<tag>", for --db. */
char     *st_pg_database           (const char *tag);
/* The database name in a conninfo made by st_pg_database(). */
const char *st_pg_dbname           (const char *conninfo);
/* Drops the database of @conninfo now (terminating its sessions). */
void      st_pg_drop               (const char *conninfo);
/* Empties it of every table. */
void      st_pg_empty              (const char *conninfo);
/* A new database @to, a copy of @from (CREATE DATABASE … TEMPLATE; nobody may be connected to
 * @from).  @to is dropped first if it exists. */
char     *st_pg_clone              (const char *from,
                                    const char *tag);

/* Runs @sql on @conninfo (one or more statements); aborts the test when it fails.  Returns
 * the last statement's rows, one a line, columns separated by tabs. */
char     *st_pg_sql                (const char *conninfo,
                                    const char *sql);
/* Whether the database holds a SerialTrack schema (its serialtrack_meta table). */
gboolean  st_pg_initialised        (const char *conninfo);
/* A digest of every table's rows, one line a table ("units 20000 <md5 of its sorted rows>"),
 * or "absent" for a database without tables: what must not change after a refusal. */
char     *st_pg_dump               (const char *conninfo);
/* SHA-256 of st_pg_dump(). */
char     *st_pg_hash               (const char *conninfo);

/* Whether a --db string names a server database rather than a file. */
gboolean  st_pg_is_conninfo        (const char *db);

G_END_DECLS
