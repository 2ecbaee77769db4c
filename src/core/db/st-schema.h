/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-schema.h — the SerialTrack schema and its migrations, in either SQL dialect. */
#pragma once

#include "st-db.h"
#include "st-store.h"   /* ST_SCHEMA_VERSION */

G_BEGIN_DECLS

char               *_st_schema_create_sql    (StDbDialect  dialect);
char               *_st_schema_create_sql_at (StDbDialect  dialect,
                                              int          version);
char               *_st_schema_migration_sql (StDbDialect  dialect,
                                              int          from_version);
const char * const *_st_schema_tables        (void);

G_END_DECLS
