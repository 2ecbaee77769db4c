/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-pq-private.h — libpq, loaded when the first PostgreSQL database is opened.
 *
 * Linking it would load it, and with it some thirty libraries (TLS, Kerberos, LDAP, …), into
 * every process of the core at start-up, also one that only ever opens a SQLite file: a
 * one-shot `serialtrack-cli unit SERIAL` spent more on that than on its query (issue 7's
 * target: within 2× of the sqlite3 shell).  Only st-db-postgres.c includes this. */
#pragma once

#include <glib.h>
#include <libpq-fe.h>

G_BEGIN_DECLS

/* Every libpq function the driver calls. */
#define ST_PQ_FUNCTIONS(F) \
  F (PQbackendPID) F (PQclear) F (PQcmdStatus) F (PQcmdTuples) F (PQconnectdb) \
  F (PQconnectionNeedsPassword) F (PQconnectionUsedPassword) F (PQconninfoFree) \
  F (PQconninfoParse) F (PQconsumeInput) F (PQerrorMessage) F (PQexec) F (PQexecParams) \
  F (PQgetResult) F (PQputCopyData) F (PQputCopyEnd) \
  F (PQexecPrepared) F (PQfinish) F (PQfname) F (PQfreemem) F (PQftype) F (PQgetisnull) \
  F (PQgetvalue) F (PQnfields) F (PQnotifies) F (PQntuples) F (PQprepare) \
  F (PQresultErrorField) F (PQresultErrorMessage) F (PQresultStatus) F (PQsetClientEncoding) \
  F (PQsetNoticeProcessor) F (PQstatus) F (PQtransactionStatus)

typedef struct
{
#define ST_PQ_MEMBER(name) __typeof__ (name) *name;
  ST_PQ_FUNCTIONS (ST_PQ_MEMBER)
#undef ST_PQ_MEMBER
} StPq;

/* Loads libpq once for the life of the process; NULL with a clear error when it is not
 * installed. */
const StPq *_st_pq_load (GError **error);
/* The loaded library: only after a successful _st_pq_load(). */
extern StPq _st_pq;

G_END_DECLS
