/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-db-postgres.c — the PostgreSQL driver (libpq): a database on a server, shared by every
 * desk of a shop.
 *
 * Statements: the core's SQL uses `?` and `?NN` parameters (SQLite's spelling); they become
 * `$N` here, once per statement.  A statement is prepared on the server at its first
 * execution, with integer parameters typed bigint and text left for the server to infer from
 * where it stands.  Rows come back whole (one result per execution), except for a statement
 * marked streaming (exports, check, copy): inside a transaction it runs as a server-side
 * cursor fetched ST_PG_FETCH_ROWS rows at a time, so that memory stays flat however many
 * rows it has.
 *
 * Writers: a write transaction takes one transaction-scoped advisory lock first, so writers
 * run one after the other exactly as on SQLite (BEGIN IMMEDIATE): everything a posting
 * validated stays true until it commits, and two desks can never sell one unit.  Readers
 * never wait.  Each write transaction sends a notification that other connections pick up
 * (st_db_poll_changed) to refresh their views. */
#define G_LOG_DOMAIN "st-db-postgres"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "st-error.h"
#include "st-store.h"
#include "st-db-private.h"
#include "st-pq-private.h"

/* Calls go through the library loaded at the first connection (st-pq-private.h). */
#define PQbackendPID (_st_pq.PQbackendPID)
#define PQclear (_st_pq.PQclear)
#define PQcmdStatus (_st_pq.PQcmdStatus)
#define PQcmdTuples (_st_pq.PQcmdTuples)
#define PQconnectdb (_st_pq.PQconnectdb)
#define PQconnectionNeedsPassword (_st_pq.PQconnectionNeedsPassword)
#define PQconnectionUsedPassword (_st_pq.PQconnectionUsedPassword)
#define PQconninfoFree (_st_pq.PQconninfoFree)
#define PQconninfoParse (_st_pq.PQconninfoParse)
#define PQconsumeInput (_st_pq.PQconsumeInput)
#define PQerrorMessage (_st_pq.PQerrorMessage)
#define PQexec (_st_pq.PQexec)
#define PQexecParams (_st_pq.PQexecParams)
#define PQexecPrepared (_st_pq.PQexecPrepared)
#define PQfinish (_st_pq.PQfinish)
#define PQfname (_st_pq.PQfname)
#define PQfreemem (_st_pq.PQfreemem)
#define PQftype (_st_pq.PQftype)
#define PQgetisnull (_st_pq.PQgetisnull)
#define PQgetResult (_st_pq.PQgetResult)
#define PQgetvalue (_st_pq.PQgetvalue)
#define PQnfields (_st_pq.PQnfields)
#define PQnotifies (_st_pq.PQnotifies)
#define PQntuples (_st_pq.PQntuples)
#define PQprepare (_st_pq.PQprepare)
#define PQputCopyData (_st_pq.PQputCopyData)
#define PQputCopyEnd (_st_pq.PQputCopyEnd)
#define PQresultErrorField (_st_pq.PQresultErrorField)
#define PQresultErrorMessage (_st_pq.PQresultErrorMessage)
#define PQresultStatus (_st_pq.PQresultStatus)
#define PQsetClientEncoding (_st_pq.PQsetClientEncoding)
#define PQsetNoticeProcessor (_st_pq.PQsetNoticeProcessor)
#define PQstatus (_st_pq.PQstatus)
#define PQtransactionStatus (_st_pq.PQtransactionStatus)

/* pg_type OIDs (catalog/pg_type_d.h, stable across releases). */
#define BOOL_OID 16
#define INT8_OID 20
#define INT2_OID 21
#define INT4_OID 23
#define TEXT_OID 25
#define NUMERIC_OID 1700

/* The writers' advisory lock: "STrk" and "Post". */
#define ST_PG_WRITE_LOCK "SELECT pg_advisory_xact_lock (1398035051, 1349481332)"
#define ST_PG_CHANNEL "serialtrack_changes"

#define ST_TYPE_DB_POSTGRES (st_db_postgres_get_type ())
G_DECLARE_FINAL_TYPE (StDbPostgres, st_db_postgres, ST, DB_POSTGRES, StDb)

struct _StDbPostgres
{
  StDb      parent_instance;

  PGconn   *conn;
  char     *conninfo;
  char     *display;
  guint     next_statement;
  gint64    changes;
  gboolean  in_transaction;
  gboolean  wrote;            /* the open transaction is a write transaction */
  gboolean  changed;          /* a notification from somebody else arrived */
  gint64    last_id;          /* the id the last INSERT returned, when last_id_known */
  gboolean  last_id_known;
  GHashTable *has_id;         /* table name → GINT_TO_POINTER (1 + whether it has an id) */
  guint     transaction;      /* counts transactions begun and ended (a cursor's lifetime) */
  GString  *copy;             /* COPY … FROM STDIN in progress: rows not sent yet */
  guint     copy_columns;
};

/* Bytes of COPY data sent at a time. */
#define ST_PG_COPY_CHUNK (256 * 1024)

G_DEFINE_FINAL_TYPE (StDbPostgres, st_db_postgres, ST_TYPE_DB)

typedef struct
{
  StStmt     parent;
  char      *sql;             /* with $N parameters */
  char      *name;            /* the server's name for it, once prepared */
  int        n_params;
  gboolean  *used;            /* [n_params]: the SQL refers to $i + 1 */
  char     **values;          /* [n_params], NULL = NULL */
  Oid       *types;           /* [n_params] at the first execution */
  Oid       *prepared_types;  /* [n_params] as the server prepared it (for its cursor) */
  PGresult  *result;
  int        row;
  int        n_rows;
  gboolean   executed;
  gboolean   returns_id;      /* an INSERT we added RETURNING id to (see insert_returning_id) */
  gboolean   streaming;       /* many rows: fetched through a cursor inside a transaction */
  char      *cursor;          /* its name */
  gboolean   cursor_open;     /* declared in transaction number cursor_transaction */
  guint      cursor_transaction;
  gboolean   cursor_more;     /* the last FETCH filled its batch */
} PgStmt;

/* Rows a streaming statement fetches at a time: libpq keeps one batch in memory. */
#define ST_PG_FETCH_ROWS 2000

#define PG(s) ((PgStmt *) (s))

/* Errors. */

static char *
first_line (const char *message)
{
  g_autofree char *copy = g_strdup (message != NULL ? message : "");
  char *nl = strchr (copy, '\n');

  if (nl != NULL)
    *nl = '\0';
  return g_strdup (g_strstrip (copy));
}

/* Maps a failed result (or the connection's state, when @result is NULL) to an ST_ERROR. */
static void
set_error (StDbPostgres   *self,
           const PGresult *result,
           GError        **error)
{
  const char *state = result != NULL ? PQresultErrorField (result, PG_DIAG_SQLSTATE) : NULL;
  g_autofree char *msg = first_line (result != NULL ? PQresultErrorMessage (result)
                                                    : PQerrorMessage (self->conn));

  if (PQstatus (self->conn) != CONNECTION_OK)
    {
      g_set_error (error, ST_ERROR, ST_ERROR_IO,
                   /* Translators: %1$s names a database and its server, %2$s the reason */
                   _("The connection to %1$s was lost; nothing was written (%2$s)"),
                   self->display, msg);
      return;
    }
  if (state == NULL)
    state = "";
  if (g_str_equal (state, "23505"))
    g_set_error (error, ST_ERROR, ST_ERROR_DUPLICATE,
                 /* Translators: %s is the server's description of the error */
                 _("Database error: %s"), msg);
  else if (g_str_equal (state, "42501"))
    g_set_error (error, ST_ERROR, ST_ERROR_READ_ONLY,
                 /* Translators: %s names a database and its server */
                 _("You may only read %s: nothing was written"), self->display);
  else if (g_str_equal (state, "25006"))
    g_set_error (error, ST_ERROR, ST_ERROR_READ_ONLY,
                 /* Translators: %s names a database and its server */
                 _("You may only read %s: nothing was written"), self->display);
  else if (g_str_equal (state, "40001") || g_str_equal (state, "40P01"))
    g_set_error (error, ST_ERROR, ST_ERROR_CONFLICT,
                 /* Translators: %s is the server's description of the failure */
                 _("Another change to the same rows got in the way; try again (%s)"), msg);
  else if (g_str_has_prefix (state, "40") || g_str_equal (state, "55P03"))
    g_set_error (error, ST_ERROR, ST_ERROR_BUSY,
                 /* Translators: %s is the server's description of the failure */
                 _("The database is busy in another program; try again (%s)"), msg);
  else if (g_str_has_prefix (state, "53") || g_str_has_prefix (state, "58")
           || g_str_has_prefix (state, "08") || g_str_has_prefix (state, "57"))
    g_set_error (error, ST_ERROR, ST_ERROR_IO,
                 /* Translators: %1$s names a database and its server, %2$s the reason */
                 _("The server of %1$s failed; nothing was written (%2$s)"), self->display, msg);
  else if (g_str_equal (state, "XX001") || g_str_equal (state, "XX002"))
    g_set_error (error, ST_ERROR, ST_ERROR_CORRUPT,
                 /* Translators: %s is the server's description of the damage */
                 _("The database is damaged (%s)"), msg);
  else
    g_set_error (error, ST_ERROR, ST_ERROR_FAILED,
                 /* Translators: %s is the server's description of the error */
                 _("Database error: %s"), msg);
}

/* Runs @sql without parameters; returns the result when it succeeded. */
static PGresult *
run (StDbPostgres  *self,
     const char    *sql,
     GError       **error)
{
  PGresult *result = PQexec (self->conn, sql);
  ExecStatusType status = PQresultStatus (result);

  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK)
    return result;
  set_error (self, result, error);
  PQclear (result);
  return NULL;
}

/* Location. */

char *
_st_db_postgres_display (const char *conninfo)
{
  PQconninfoOption *options = _st_pq_load (NULL) != NULL ? PQconninfoParse (conninfo, NULL)
                                                          : NULL;
  const char *dbname = NULL, *host = NULL, *port = NULL, *user = NULL;
  g_autofree char *where = NULL;
  char *display;

  if (options == NULL)
    return g_strdup (_("a PostgreSQL database"));
  for (PQconninfoOption *o = options; o->keyword != NULL; o++)
    {
      if (o->val == NULL || o->val[0] == '\0')
        continue;
      if (g_str_equal (o->keyword, "dbname"))
        dbname = o->val;
      else if (g_str_equal (o->keyword, "host") || (host == NULL
                                                      && g_str_equal (o->keyword, "hostaddr")))
        host = o->val;
      else if (g_str_equal (o->keyword, "port"))
        port = o->val;
      else if (g_str_equal (o->keyword, "user"))
        user = o->val;
    }
  if (host == NULL || host[0] == '/')
    host = "localhost";
  where = g_strdup_printf ("%s%s%s%s%s", user != NULL ? user : "", user != NULL ? "@" : "", host,
                           port != NULL ? ":" : "", port != NULL ? port : "");
  /* Translators: a database on a server, like “inventory on shop@server:5432” */
  display = g_strdup_printf (_("%1$s on %2$s"),
                             dbname != NULL ? dbname : (user != NULL ? user : "postgres"), where);
  PQconninfoFree (options);
  return display;
}

/* Statements. */

/* `?` and `?NN` outside quotes become `$N`; a bare `?` takes the next number after the
 * largest so far (SQLite's rule). */
static char *
translate_sql (const char  *sql,
               int         *n_params,
               GArray     **used)
{
  GString *out = g_string_sized_new (strlen (sql) + 16);
  int largest = 0;
  char quote = 0;

  *used = g_array_new (FALSE, TRUE, sizeof (gboolean));
  for (const char *p = sql; *p; p++)
    {
      if (quote != 0)
        {
          if (*p == quote)
            quote = 0;
          g_string_append_c (out, *p);
          continue;
        }
      if (*p == '\'' || *p == '"')
        {
          quote = *p;
          g_string_append_c (out, *p);
          continue;
        }
      if (*p == '?')
        {
          int n;

          if (g_ascii_isdigit (p[1]))
            {
              char *end;
              n = (int) g_ascii_strtoll (p + 1, &end, 10);
              p = end - 1;
            }
          else
            n = largest + 1;
          largest = MAX (largest, n);
          if ((guint) n > (*used)->len)
            g_array_set_size (*used, n);
          g_array_index (*used, gboolean, n - 1) = TRUE;
          g_string_append_printf (out, "$%d", n);
          continue;
        }
      g_string_append_c (out, *p);
    }
  *n_params = largest;
  return g_string_free (out, FALSE);
}

/* Whether @table has an id column (asked once per table and connection). */
static gboolean
table_has_id (StDbPostgres *self,
              const char   *table)
{
  gpointer known = g_hash_table_lookup (self->has_id, table);
  const char *params[1] = { table };
  PGresult *result;
  gboolean has_id = FALSE;

  if (known != NULL)
    return GPOINTER_TO_INT (known) == 2;
  result = PQexecParams (self->conn, "SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_attribute"
                                     " WHERE attrelid = to_regclass ($1) AND attname = 'id'"
                                     " AND attnum > 0 AND NOT attisdropped)",
                         1, NULL, params, NULL, NULL, 0);
  if (PQresultStatus (result) != PGRES_TUPLES_OK || PQntuples (result) != 1)
    {
      PQclear (result);
      return FALSE;               /* not cached: asked again next time */
    }
  has_id = PQgetvalue (result, 0, 0)[0] == 't';
  PQclear (result);
  g_hash_table_insert (self->has_id, g_strdup (table), GINT_TO_POINTER (has_id ? 2 : 1));
  return has_id;
}

/* A single-row `INSERT INTO table (columns) VALUES (…)` into a table with an id column, that
 * neither gives the id itself nor has ON CONFLICT or RETURNING, gets ` RETURNING id`: the
 * execution then brings back the new row's id, and st_db_last_insert_id() needs no second round
 * trip (SELECT lastval ()) — a bill of 10,000 serials made 10,000 of them.  Returns the new SQL,
 * or NULL to leave @sql as it is. */
static char *
insert_returning_id (StDbPostgres *self,
                     const char   *sql)
{
  g_autofree char *lower = g_ascii_strdown (sql, -1);
  g_autofree char *table = NULL;
  const char *p = lower, *start, *open, *close;

  while (g_ascii_isspace (*p))
    p++;
  if (!g_str_has_prefix (p, "insert into "))
    return NULL;
  if (strstr (lower, " returning ") != NULL || strstr (lower, "on conflict") != NULL
      || strstr (lower, " select ") != NULL || strchr (lower, ';') != NULL)
    return NULL;
  p += strlen ("insert into ");
  while (g_ascii_isspace (*p))
    p++;
  start = p;
  while (g_ascii_isalnum (*p) || *p == '_')
    p++;
  if (p == start)
    return NULL;
  table = g_strndup (start, p - start);
  open = strchr (p, '(');
  close = open != NULL ? strchr (open, ')') : NULL;
  if (close == NULL || strstr (close, "values") == NULL)
    return NULL;
  /* The column list names id: the caller gives it (copy); leave it to lastval () as before. */
  {
    g_autofree char *cols = g_strndup (open + 1, close - open - 1);
    g_auto(GStrv) names = g_strsplit (cols, ",", -1);

    for (guint i = 0; names[i] != NULL; i++)
      if (g_str_equal (g_strstrip (names[i]), "id"))
        return NULL;
  }
  if (!table_has_id (self, table))
    return NULL;
  return g_strconcat (sql, " RETURNING id", NULL);
}

static StStmt *
pg_prepare (StDb        *db,
            const char  *sql,
            GError     **error)
{
  PgStmt *s = g_new0 (PgStmt, 1);
  g_autoptr(GArray) used = NULL;
  g_autofree char *returning = insert_returning_id (ST_DB_POSTGRES (db), sql);

  s->returns_id = returning != NULL;
  s->sql = translate_sql (returning != NULL ? returning : sql, &s->n_params, &used);
  s->used = g_new0 (gboolean, MAX (s->n_params, 1));
  if (s->n_params > 0)
    memcpy (s->used, used->data, sizeof (gboolean) * s->n_params);
  s->values = g_new0 (char *, MAX (s->n_params, 1));
  s->types = g_new0 (Oid, MAX (s->n_params, 1));
  return &s->parent;
}

static void
pg_stmt_clear_result (PgStmt *s)
{
  StDbPostgres *self = ST_DB_POSTGRES (s->parent.db);

  /* A cursor ends with its transaction; one still open is closed, so that the statement can
   * declare it again. */
  if (s->cursor_open && s->cursor_transaction == self->transaction && self->conn != NULL
      && PQtransactionStatus (self->conn) == PQTRANS_INTRANS)
    {
      g_autofree char *sql = g_strdup_printf ("CLOSE %s", s->cursor);
      PQclear (PQexec (self->conn, sql));
    }
  s->cursor_open = FALSE;
  s->cursor_more = FALSE;
  g_clear_pointer (&s->result, PQclear);
  s->executed = FALSE;
  s->row = -1;
  s->n_rows = 0;
}

static void
pg_stmt_reset (StStmt *stmt)
{
  PgStmt *s = PG (stmt);

  pg_stmt_clear_result (s);
  for (int i = 0; i < s->n_params; i++)
    g_clear_pointer (&s->values[i], g_free);
  memset (s->types, 0, sizeof (Oid) * MAX (s->n_params, 1));
}

static void
pg_stmt_free (StStmt *stmt)
{
  PgStmt *s = PG (stmt);
  StDbPostgres *self = ST_DB_POSTGRES (stmt->db);

  pg_stmt_reset (stmt);
  if (s->name != NULL && self->conn != NULL && PQstatus (self->conn) == CONNECTION_OK
      && PQtransactionStatus (self->conn) == PQTRANS_IDLE)
    {
      g_autofree char *sql = g_strdup_printf ("DEALLOCATE %s", s->name);
      PQclear (PQexec (self->conn, sql));
    }
  g_free (s->sql);
  g_free (s->cursor);
  g_free (s->name);
  g_free (s->used);
  g_free (s->values);
  g_free (s->types);
  g_free (s->prepared_types);
  g_free (s);
}

static void
set_param (PgStmt *s,
           int     idx,
           char   *value,
           Oid     type)
{
  if (idx < 1 || idx > s->n_params)
    {
      g_free (value);
      return;
    }
  g_free (s->values[idx - 1]);
  s->values[idx - 1] = value;
  if (s->name == NULL)
    s->types[idx - 1] = type;
}

static void
pg_stmt_bind_int64 (StStmt *stmt,
                    int     idx,
                    gint64  value)
{
  set_param (PG (stmt), idx, g_strdup_printf ("%" G_GINT64_FORMAT, value), INT8_OID);
}

static void
pg_stmt_bind_text (StStmt     *stmt,
                   int         idx,
                   const char *text)
{
  set_param (PG (stmt), idx, g_strdup (text), 0);
}

static void
pg_stmt_bind_null (StStmt *stmt,
                   int     idx)
{
  set_param (PG (stmt), idx, NULL, 0);
}

/* Prepares the statement on the server at its first execution. */
static gboolean
pg_stmt_prepare_named (PgStmt  *s,
                       GError **error)
{
  StDbPostgres *self = ST_DB_POSTGRES (s->parent.db);

  if (s->name == NULL)
    {
      g_autofree char *name = g_strdup_printf ("st_%u", ++self->next_statement);
      PGresult *prepared;
      gboolean in_transaction;

      /* A parameter the SQL does not use still needs a type. */
      for (int i = 0; i < s->n_params; i++)
        if (!s->used[i])
          s->types[i] = TEXT_OID;
      /* Parameters the server cannot type from where they stand (`?2 IS NULL OR …` bound to
       * NULL) are tried as bigint, then as text.  A failed PREPARE would end the
       * transaction: inside one, each try runs under a savepoint. */
      in_transaction = PQtransactionStatus (self->conn) == PQTRANS_INTRANS;
      for (int attempt = 0; ; attempt++)
        {
          const char *state;

          if (in_transaction)
            PQclear (PQexec (self->conn, "SAVEPOINT st_prepare"));
          prepared = PQprepare (self->conn, name, s->sql, s->n_params, s->types);
          if (in_transaction)
            PQclear (PQexec (self->conn, PQresultStatus (prepared) == PGRES_COMMAND_OK
                                         ? "RELEASE SAVEPOINT st_prepare"
                                         : "ROLLBACK TO SAVEPOINT st_prepare"));
          state = PQresultErrorField (prepared, PG_DIAG_SQLSTATE);
          if (PQresultStatus (prepared) == PGRES_COMMAND_OK || attempt == 2 || state == NULL
              || !(g_str_equal (state, "42P18") || g_str_equal (state, "42P08") || (attempt == 1 && (g_str_equal (state, "42883")
                                                                    || g_str_equal (state,
                                                                                    "42804")))))
            break;
          PQclear (prepared);
          for (int i = 0; i < s->n_params; i++)
            if (attempt == 0 ? (s->types[i] == 0 && s->values[i] == NULL)
                             : (s->types[i] == INT8_OID && s->values[i] == NULL)
                               || s->types[i] == 0)
              s->types[i] = attempt == 0 ? INT8_OID : TEXT_OID;
        }
      if (PQresultStatus (prepared) != PGRES_COMMAND_OK)
        {
          set_error (self, prepared, error);
          PQclear (prepared);
          return FALSE;
        }
      PQclear (prepared);
      s->name = g_steal_pointer (&name);
      s->prepared_types = g_memdup2 (s->types, sizeof (Oid) * MAX (s->n_params, 1));
    }
  return TRUE;
}

/* The next batch of a streaming statement's rows. */
static gboolean
pg_stmt_fetch (PgStmt  *s,
               GError **error)
{
  StDbPostgres *self = ST_DB_POSTGRES (s->parent.db);
  g_autofree char *sql = g_strdup_printf ("FETCH FORWARD %d FROM %s", ST_PG_FETCH_ROWS,
                                          s->cursor);

  g_clear_pointer (&s->result, PQclear);
  s->row = -1;
  s->n_rows = 0;
  s->result = PQexec (self->conn, sql);
  if (PQresultStatus (s->result) != PGRES_TUPLES_OK)
    {
      set_error (self, s->result, error);
      g_clear_pointer (&s->result, PQclear);
      s->cursor_more = FALSE;
      return FALSE;
    }
  s->n_rows = PQntuples (s->result);
  s->cursor_more = s->n_rows == ST_PG_FETCH_ROWS;
  return TRUE;
}

/* DECLARE … CURSOR FOR the statement, with its parameters typed as its prepared twin's. */
static gboolean
pg_stmt_open_cursor (PgStmt  *s,
                     GError **error)
{
  StDbPostgres *self = ST_DB_POSTGRES (s->parent.db);
  g_autofree char *sql = NULL;
  PGresult *declared;

  if (s->cursor == NULL)
    s->cursor = g_strdup_printf ("st_cursor_%u", ++self->next_statement);
  sql = g_strdup_printf ("DECLARE %s NO SCROLL CURSOR FOR %s", s->cursor, s->sql);
  declared = PQexecParams (self->conn, sql, s->n_params, s->prepared_types,
                           (const char * const *) s->values, NULL, NULL, 0);
  if (PQresultStatus (declared) != PGRES_COMMAND_OK)
    {
      set_error (self, declared, error);
      PQclear (declared);
      return FALSE;
    }
  PQclear (declared);
  s->cursor_open = TRUE;
  s->cursor_transaction = self->transaction;
  s->executed = TRUE;
  self->changes = 0;
  return pg_stmt_fetch (s, error);
}

static gboolean
pg_stmt_execute (PgStmt  *s,
                 GError **error)
{
  StDbPostgres *self = ST_DB_POSTGRES (s->parent.db);
  ExecStatusType status;

  if (!pg_stmt_prepare_named (s, error))
    return FALSE;
  self->last_id_known = FALSE;
  /* A cursor lives in a transaction; outside one the rows come whole. */
  if (s->streaming && PQtransactionStatus (self->conn) == PQTRANS_INTRANS)
    return pg_stmt_open_cursor (s, error);
  s->result = PQexecPrepared (self->conn, s->name, s->n_params,
                              (const char * const *) s->values, NULL, NULL, 0);
  status = PQresultStatus (s->result);
  if (status == PGRES_TUPLES_OK && s->returns_id)
    {
      const char *tuples = PQcmdTuples (s->result);

      /* The row of RETURNING id is ours, not the caller's: an INSERT steps to its end. */
      self->last_id_known = PQntuples (s->result) == 1;
      if (self->last_id_known)
        self->last_id = g_ascii_strtoll (PQgetvalue (s->result, 0, 0), NULL, 10);
      s->n_rows = 0;
      self->changes = tuples[0] != '\0' ? g_ascii_strtoll (tuples, NULL, 10) : 0;
    }
  else if (status == PGRES_TUPLES_OK)
    {
      s->n_rows = PQntuples (s->result);
      self->changes = 0;
    }
  else if (status == PGRES_COMMAND_OK)
    {
      const char *tuples = PQcmdTuples (s->result);

      s->n_rows = 0;
      self->changes = tuples[0] != '\0' ? g_ascii_strtoll (tuples, NULL, 10) : 0;
      /* Any other INSERT may have taken a new id: lastval () knows which. */
      self->last_id_known = FALSE;
    }
  else
    {
      set_error (self, s->result, error);
      g_clear_pointer (&s->result, PQclear);
      return FALSE;
    }
  s->executed = TRUE;
  s->row = -1;
  return TRUE;
}

static int
pg_stmt_step (StStmt  *stmt,
              GError **error)
{
  PgStmt *s = PG (stmt);

  if (!s->executed && !pg_stmt_execute (s, error))
    return 0;
  if (s->row + 1 < s->n_rows)
    {
      s->row++;
      return ST_STEP_ROW;
    }
  if (s->cursor_open && s->cursor_more)
    {
      if (!pg_stmt_fetch (s, error))
        return 0;
      if (s->n_rows > 0)
        {
          s->row = 0;
          return ST_STEP_ROW;
        }
    }
  s->row = s->n_rows;
  return ST_STEP_DONE;
}

static void
pg_stmt_set_streaming (StStmt *stmt)
{
  PG (stmt)->streaming = TRUE;
}

static gboolean
valid_cell (PgStmt *s,
            int     col)
{
  return s->result != NULL && s->row >= 0 && s->row < s->n_rows && col >= 0
         && col < PQnfields (s->result);
}

static gboolean
pg_stmt_column_is_null (StStmt *stmt,
                        int     col)
{
  PgStmt *s = PG (stmt);

  return !valid_cell (s, col) || PQgetisnull (s->result, s->row, col);
}

static gboolean
pg_stmt_column_is_integer (StStmt *stmt,
                           int     col)
{
  PgStmt *s = PG (stmt);
  Oid type;

  if (!valid_cell (s, col))
    return FALSE;
  type = PQftype (s->result, col);
  return type == INT8_OID || type == INT4_OID || type == INT2_OID || type == BOOL_OID;
}

static gint64
pg_stmt_column_int64 (StStmt *stmt,
                      int     col)
{
  PgStmt *s = PG (stmt);
  const char *text;

  if (pg_stmt_column_is_null (stmt, col))
    return 0;
  text = PQgetvalue (s->result, s->row, col);
  if (PQftype (s->result, col) == BOOL_OID)
    return text[0] == 't';
  /* sum () of bigint is numeric: "12" (never a fraction here). */
  return g_ascii_strtoll (text, NULL, 10);
}

static const char *
pg_stmt_column_text (StStmt *stmt,
                     int     col)
{
  PgStmt *s = PG (stmt);

  if (pg_stmt_column_is_null (stmt, col))
    return NULL;
  return PQgetvalue (s->result, s->row, col);
}

static int
pg_stmt_column_count (StStmt *stmt)
{
  PgStmt *s = PG (stmt);

  return s->result != NULL ? PQnfields (s->result) : 0;
}

static const char *
pg_stmt_column_name (StStmt *stmt,
                     int     col)
{
  PgStmt *s = PG (stmt);

  return s->result != NULL ? PQfname (s->result, col) : NULL;
}

/* Transactions. */

static gboolean
pg_exec (StDb        *db,
         const char  *sql,
         GError     **error)
{
  StDbPostgres *self = ST_DB_POSTGRES (db);
  PGTransactionStatusType before = PQtransactionStatus (self->conn);
  PGresult *result;

  self->last_id_known = FALSE;
  result = run (self, sql, error);
  if (PQtransactionStatus (self->conn) != before)
    self->transaction++;
  if (result == NULL)
    return FALSE;
  PQclear (result);
  return TRUE;
}

static gboolean
pg_begin (StDbPostgres  *self,
          const char    *sql,
          gboolean       write,
          GError       **error)
{
  if (!pg_exec (ST_DB (self), sql, error))
    return FALSE;
  self->in_transaction = TRUE;
  self->wrote = write;
  if (write && !pg_exec (ST_DB (self), ST_PG_WRITE_LOCK, error))
    {
      PQclear (PQexec (self->conn, "ROLLBACK"));
      self->in_transaction = FALSE;
      return FALSE;
    }
  return TRUE;
}

static gboolean
pg_begin_write (StDb    *db,
                GError **error)
{
  return pg_begin (ST_DB_POSTGRES (db), "BEGIN", TRUE, error);
}

static gboolean
pg_begin_read (StDb    *db,
               GError **error)
{
  return pg_begin (ST_DB_POSTGRES (db), "BEGIN ISOLATION LEVEL REPEATABLE READ", FALSE, error);
}

static void
pg_rollback (StDb *db)
{
  StDbPostgres *self = ST_DB_POSTGRES (db);

  if (PQtransactionStatus (self->conn) != PQTRANS_IDLE)
    PQclear (PQexec (self->conn, "ROLLBACK"));
  self->in_transaction = FALSE;
  self->transaction++;
}

static gboolean
pg_commit (StDb    *db,
           GError **error)
{
  StDbPostgres *self = ST_DB_POSTGRES (db);
  PGresult *result;
  gboolean ok;

  if (self->wrote && !pg_exec (db, "NOTIFY " ST_PG_CHANNEL, error))
    {
      pg_rollback (db);
      return FALSE;
    }
  /* A transaction that failed inside answers COMMIT with ROLLBACK: that is a failure. */
  result = run (self, "COMMIT", error);
  ok = result != NULL && g_strcmp0 (PQcmdStatus (result), "COMMIT") == 0;
  if (result != NULL && !ok)
    g_set_error (error, ST_ERROR, ST_ERROR_FAILED,
                 /* Translators: %s names a database and its server */
                 _("The server of %s rolled the change back; nothing was written"),
                 self->display);
  g_clear_pointer (&result, PQclear);
  self->in_transaction = FALSE;
  self->wrote = FALSE;
  self->transaction++;
  return ok;
}

static gboolean
pg_in_transaction (StDb *db)
{
  return PQtransactionStatus (ST_DB_POSTGRES (db)->conn) != PQTRANS_IDLE;
}

static gint64
pg_last_insert_id (StDb    *db,
                   GError **error)
{
  StDbPostgres *self = ST_DB_POSTGRES (db);
  PGresult *result;
  gint64 id = 0;

  if (self->last_id_known)
    return self->last_id;
  result = run (self, "SELECT lastval ()", error);
  if (result == NULL)
    return 0;
  if (PQntuples (result) == 1)
    id = g_ascii_strtoll (PQgetvalue (result, 0, 0), NULL, 10);
  PQclear (result);
  if (id == 0)
    set_error (self, NULL, error);
  return id;
}

static gint64
pg_changes (StDb *db)
{
  return ST_DB_POSTGRES (db)->changes;
}

static void
pg_set_bulk (StDb     *db,
             gboolean  bulk)
{
  /* A server's durability is its administrator's: only this session's commit waits less. */
  PQclear (PQexec (ST_DB_POSTGRES (db)->conn,
                   bulk ? "SET synchronous_commit = off" : "SET synchronous_commit = on"));
}

static gboolean
pg_poll_changed (StDb *db)
{
  StDbPostgres *self = ST_DB_POSTGRES (db);
  PGnotify *notify;
  gboolean changed = self->changed;

  if (PQconsumeInput (self->conn) == 0)
    return FALSE;
  while ((notify = PQnotifies (self->conn)) != NULL)
    {
      if (notify->be_pid != PQbackendPID (self->conn))
        changed = TRUE;
      PQfreemem (notify);
    }
  self->changed = FALSE;
  return changed;
}

/* A role granted SELECT only (an accountant's), or a standby server. */
static gboolean
pg_is_read_only (StDb *db)
{
  StDbPostgres *self = ST_DB_POSTGRES (db);
  PGresult *result = PQexec (self->conn,
                             "SELECT current_setting ('transaction_read_only') = 'on'"
                             " OR NOT has_table_privilege ('documents', 'INSERT')"
                             " OR NOT has_table_privilege ('units', 'UPDATE')");
  gboolean read_only = FALSE;

  if (PQresultStatus (result) == PGRES_TUPLES_OK && PQntuples (result) == 1)
    read_only = PQgetvalue (result, 0, 0)[0] == 't';
  PQclear (result);
  return read_only;
}

/* Bulk loading: COPY … FROM STDIN in text format, sent in chunks. */

static gboolean
pg_copy_begin (StDb               *db,
               const char         *table,
               const char * const *columns,
               GError            **error)
{
  StDbPostgres *self = ST_DB_POSTGRES (db);
  g_autoptr(GString) sql = g_string_new (NULL);
  PGresult *result;

  g_return_val_if_fail (self->copy == NULL, FALSE);
  g_string_append_printf (sql, "COPY %s (", table);
  for (guint i = 0; columns[i] != NULL; i++)
    g_string_append_printf (sql, "%s%s", i > 0 ? ", " : "", columns[i]);
  g_string_append (sql, ") FROM STDIN");
  result = PQexec (self->conn, sql->str);
  if (PQresultStatus (result) != PGRES_COPY_IN)
    {
      set_error (self, result, error);
      PQclear (result);
      return FALSE;
    }
  PQclear (result);
  self->copy = g_string_sized_new (ST_PG_COPY_CHUNK + 4096);
  self->copy_columns = g_strv_length ((char **) columns);
  return TRUE;
}

static gboolean
pg_copy_send (StDbPostgres  *self,
              GError       **error)
{
  if (self->copy->len > 0
      && PQputCopyData (self->conn, self->copy->str, (int) self->copy->len) != 1)
    {
      set_error (self, NULL, error);
      return FALSE;
    }
  g_string_truncate (self->copy, 0);
  return TRUE;
}

static gboolean
pg_copy_row (StDb               *db,
             const char * const *values,
             GError            **error)
{
  StDbPostgres *self = ST_DB_POSTGRES (db);
  GString *out = self->copy;

  g_return_val_if_fail (out != NULL, FALSE);
  /* One line a row, a tab between values, \N for NULL; backslash, tab, newline and carriage
   * return escaped inside values. */
  for (guint i = 0; i < self->copy_columns; i++)
    {
      if (i > 0)
        g_string_append_c (out, '\t');
      if (values[i] == NULL)
        {
          g_string_append (out, "\\N");
          continue;
        }
      for (const char *p = values[i]; *p != '\0'; p++)
        switch (*p)
          {
          case '\\': g_string_append (out, "\\\\"); break;
          case '\t': g_string_append (out, "\\t"); break;
          case '\n': g_string_append (out, "\\n"); break;
          case '\r': g_string_append (out, "\\r"); break;
          default: g_string_append_c (out, *p); break;
          }
    }
  g_string_append_c (out, '\n');
  return out->len < ST_PG_COPY_CHUNK || pg_copy_send (self, error);
}

static gboolean
pg_copy_end (StDb     *db,
             gboolean  keep,
             GError  **error)
{
  StDbPostgres *self = ST_DB_POSTGRES (db);
  gboolean ok = keep;
  PGresult *result;

  g_return_val_if_fail (self->copy != NULL, FALSE);
  if (ok && !pg_copy_send (self, error))
    ok = FALSE;
  g_string_free (g_steal_pointer (&self->copy), TRUE);
  /* Given up: the server is told to throw the rows away (the COPY then fails, as wanted). */
  if (PQputCopyEnd (self->conn, ok ? NULL : "abandoned") != 1 && ok)
    {
      set_error (self, NULL, error);
      ok = FALSE;
    }
  while ((result = PQgetResult (self->conn)) != NULL)
    {
      if (PQresultStatus (result) == PGRES_COMMAND_OK)
        {
          const char *tuples = PQcmdTuples (result);
          self->changes = tuples[0] != '\0' ? g_ascii_strtoll (tuples, NULL, 10) : 0;
        }
      else if (ok)
        {
          set_error (self, result, error);
          ok = FALSE;
        }
      PQclear (result);
    }
  return ok;
}

/* Identity. */

static gboolean
pg_read_version (StDb    *db,
                 int     *version,
                 GError **error)
{
  StDbPostgres *self = ST_DB_POSTGRES (db);
  PGresult *result;
  gint64 app_id = 0;

  *version = 0;
  result = run (self, "SELECT key, value FROM serialtrack_meta", error);
  if (result == NULL)
    return FALSE;
  for (int i = 0; i < PQntuples (result); i++)
    {
      const char *key = PQgetvalue (result, i, 0);
      const char *value = PQgetvalue (result, i, 1);

      if (g_str_equal (key, "application_id"))
        app_id = g_ascii_strtoll (value, NULL, 10);
      else if (g_str_equal (key, "schema_version"))
        *version = (int) g_ascii_strtoll (value, NULL, 10);
    }
  PQclear (result);
  if (app_id != ST_APPLICATION_ID)
    {
      g_set_error (error, ST_ERROR, ST_ERROR_NOT_SERIALTRACK,
                   /* Translators: %s names a database and its server */
                   _("%s is a database of another program, not a SerialTrack database"),
                   self->display);
      return FALSE;
    }
  return TRUE;
}

static gboolean
pg_write_version (StDb    *db,
                  int      version,
                  GError **error)
{
  g_autofree char *sql = g_strdup_printf (
    "CREATE TABLE IF NOT EXISTS serialtrack_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
    "INSERT INTO serialtrack_meta (key, value) VALUES ('application_id', '%ld'),"
    " ('schema_version', '%d')"
    " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    (long) ST_APPLICATION_ID, version);

  return pg_exec (db, sql, error);
}

static gboolean
pg_before_migration (StDb    *db,
                     int      version,
                     GError **error)
{
  /* The migration is one transaction on the server: it happens whole or not at all. */
  return TRUE;
}

static gboolean
pg_ready (StDb    *db,
          GError **error)
{
  return pg_exec (db, "LISTEN " ST_PG_CHANNEL, error);
}

static void
pg_discard (StDb *db)
{
  /* The schema was created in one transaction, rolled back. */
}

static gboolean
pg_check_integrity (StDb       *db,
                    GPtrArray  *problems,
                    GError    **error)
{
  /* The server enforces the foreign keys itself; a damaged page shows as an error (XX001). */
  return TRUE;
}

static gboolean
pg_backup_to_file (StDb        *db,
                   const char  *path,
                   GError     **error)
{
  /* The store copies a server database into a SQLite file itself (st_store_backup). */
  g_set_error_literal (error, ST_ERROR, ST_ERROR_FAILED, "backup_to_file");
  return FALSE;
}

/* Opening. */

/* The server's notices and messages outside a query ("terminating connection due to
 * administrator command") are the driver's to report, as errors: libpq would print them to
 * stderr, a second line after the CLI's one. */
static void
notice_cb (void       *data,
           const char *message)
{
  g_debug ("%s", message);
}

/* Whether the database has tables (in its search path) other than ours. */
static gboolean
inspect (StDbPostgres  *self,
         gboolean      *has_meta,
         gboolean      *has_tables,
         GError       **error)
{
  PGresult *result = run (self,
                          "SELECT to_regclass ('serialtrack_meta') IS NOT NULL,"
                          " EXISTS (SELECT 1 FROM pg_catalog.pg_class c"
                          "         JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                          "         WHERE n.nspname = current_schema ()"
                          "           AND c.relkind IN ('r', 'v', 'm', 'p', 'f'))",
                          error);

  if (result == NULL)
    return FALSE;
  *has_meta = PQgetvalue (result, 0, 0)[0] == 't';
  *has_tables = PQgetvalue (result, 0, 1)[0] == 't';
  PQclear (result);
  return TRUE;
}

static StDb *
open_conninfo (const char  *conninfo,
               gboolean     create,
               gboolean     known,
               GError     **error)
{
  g_autoptr(StDbPostgres) self = g_object_new (ST_TYPE_DB_POSTGRES, NULL);
  g_autofree char *parse_error = NULL;
  PQconninfoOption *options;
  gboolean has_meta = FALSE, has_tables = FALSE;

  if (_st_pq_load (error) == NULL)
    return NULL;
  self->conninfo = g_strdup (conninfo);
  self->display = _st_db_postgres_display (conninfo);
  _st_db_set_location (ST_DB (self), conninfo);

  options = PQconninfoParse (conninfo, &parse_error);
  if (options == NULL)
    {
      g_autofree char *reason = first_line (parse_error);
      g_set_error (error, ST_ERROR, ST_ERROR_INVALID_INPUT,
                   /* Translators: %s is libpq's reason, like “invalid URI query parameter” */
                   _("The server address is not valid: %s"), reason);
      return NULL;
    }
  PQconninfoFree (options);

  self->conn = PQconnectdb (conninfo);
  if (self->conn == NULL || PQstatus (self->conn) != CONNECTION_OK)
    {
      g_autofree char *reason = first_line (self->conn != NULL ? PQerrorMessage (self->conn)
                                                               : "");
      int code = ST_ERROR_IO;

      /* No password and the server wants one, or the one sent (PGPASSWORD, ~/.pgpass, the
       * app's prompt) was refused: either way a password is what is missing. */
      if (self->conn != NULL && (PQconnectionNeedsPassword (self->conn)
                                 || PQconnectionUsedPassword (self->conn)))
        code = ST_ERROR_PASSWORD;
      g_set_error (error, ST_ERROR, code,
                   /* Translators: %1$s names a database and its server, %2$s the reason */
                   _("Cannot connect to %1$s: %2$s"), self->display, reason);
      return NULL;
    }
  PQsetNoticeProcessor (self->conn, notice_cb, NULL);
  /* Our messages name things in the user's language; the server's stay one line. */
  PQclear (PQexec (self->conn, "SET client_min_messages = warning"));
  PQsetClientEncoding (self->conn, "UTF8");

  if (known)
    return ST_DB (g_steal_pointer (&self));
  if (!inspect (self, &has_meta, &has_tables, error))
    return NULL;
  if (!has_meta && has_tables)
    {
      g_set_error (error, ST_ERROR, ST_ERROR_NOT_SERIALTRACK,
                   /* Translators: %s names a database and its server */
                   _("%s holds another program's tables, not a SerialTrack database"),
                   self->display);
      return NULL;
    }
  if (!has_meta)
    {
      if (!create)
        {
          g_set_error (error, ST_ERROR, ST_ERROR_NOT_FOUND,
                       /* Translators: %s names a database and its server */
                       _("%s is empty: create the inventory there first (serialtrack-cli init)"),
                       self->display);
          return NULL;
        }
      _st_db_set_needs_schema (ST_DB (self), TRUE);
    }
  return ST_DB (g_steal_pointer (&self));
}

StDb *
_st_db_postgres_open (const char  *conninfo,
                      gboolean     create,
                      GError     **error)
{
  return open_conninfo (conninfo, create, FALSE, error);
}

static StDb *
pg_open_again (StDb    *db,
               GError **error)
{
  return open_conninfo (ST_DB_POSTGRES (db)->conninfo, FALSE, TRUE, error);
}

/* The object. */

static void
st_db_postgres_finalize (GObject *object)
{
  StDbPostgres *self = ST_DB_POSTGRES (object);

  g_clear_pointer (&self->conn, PQfinish);
  g_clear_pointer (&self->has_id, g_hash_table_unref);
  g_free (self->conninfo);
  g_free (self->display);

  G_OBJECT_CLASS (st_db_postgres_parent_class)->finalize (object);
}

static void
st_db_postgres_class_init (StDbPostgresClass *klass)
{
  StDbClass *db_class = ST_DB_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = st_db_postgres_finalize;

  db_class->dialect = ST_DB_DIALECT_POSTGRES;
  db_class->open_again = pg_open_again;
  db_class->read_version = pg_read_version;
  db_class->write_version = pg_write_version;
  db_class->before_migration = pg_before_migration;
  db_class->ready = pg_ready;
  db_class->discard = pg_discard;
  db_class->exec = pg_exec;
  db_class->begin_write = pg_begin_write;
  db_class->begin_read = pg_begin_read;
  db_class->commit = pg_commit;
  db_class->rollback = pg_rollback;
  db_class->in_transaction = pg_in_transaction;
  db_class->last_insert_id = pg_last_insert_id;
  db_class->changes = pg_changes;
  db_class->set_bulk = pg_set_bulk;
  db_class->check_integrity = pg_check_integrity;
  db_class->backup_to_file = pg_backup_to_file;
  db_class->poll_changed = pg_poll_changed;
  db_class->is_read_only = pg_is_read_only;
  db_class->prepare = pg_prepare;
  db_class->stmt_free = pg_stmt_free;
  db_class->stmt_step = pg_stmt_step;
  db_class->stmt_reset = pg_stmt_reset;
  db_class->stmt_bind_int64 = pg_stmt_bind_int64;
  db_class->stmt_bind_text = pg_stmt_bind_text;
  db_class->stmt_bind_null = pg_stmt_bind_null;
  db_class->stmt_column_is_null = pg_stmt_column_is_null;
  db_class->stmt_column_is_integer = pg_stmt_column_is_integer;
  db_class->stmt_column_int64 = pg_stmt_column_int64;
  db_class->stmt_column_text = pg_stmt_column_text;
  db_class->stmt_column_count = pg_stmt_column_count;
  db_class->stmt_column_name = pg_stmt_column_name;
  db_class->stmt_set_streaming = pg_stmt_set_streaming;
  db_class->copy_begin = pg_copy_begin;
  db_class->copy_row = pg_copy_row;
  db_class->copy_end = pg_copy_end;
}

static void
st_db_postgres_init (StDbPostgres *self)
{
  self->has_id = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}
