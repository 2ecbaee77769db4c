/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-test-run.h — running serialtrack-cli as a subprocess: what the CLI tests (st-test-cli.c)
 * and the reliability tests (st-rel-util.c) share. */
#pragma once

#include <stdarg.h>
#include <glib.h>

#include "../st-test-tree.h"

G_BEGIN_DECLS

/* Whether the CLI tests can run (call first in main(), after g_test_init()): FALSE, said so,
 * outside meson test ($SERIALTRACK_CLI unset), and exits 77 on PostgreSQL without a server
 * (st_pg_require_server(), naming @what).  main() returns 77 on FALSE. */
gboolean    st_test_cli_ready    (const char *what);
/* The serialtrack-cli under test ($SERIALTRACK_CLI, asserted set). */
const char *st_test_cli_path     (void);
/* The NULL-terminated strings of @ap, in a NULL-terminated array. */
GPtrArray  *st_test_collect_args (va_list ap);

/* Runs the CLI with "--db @db" (when @db is not NULL) and @args, SERIALTRACK_DB set to
 * @env_db (NULL: unset), in @language (LANGUAGE, under LC_ALL=C.UTF-8; NULL: as the
 * environment says) and @input (NULL: none) on its standard input; waits for it.
 * *@exited tells whether it exited; *@status is its exit status, or 128 + the signal. */
void        st_test_cli_spawn    (const char         *db,
                                  const char         *env_db,
                                  const char         *language,
                                  const char         *input,
                                  const char * const *args,
                                  gboolean           *exited,
                                  int                *status,
                                  char              **out,
                                  char              **err);

G_END_DECLS
