/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-store-private.h — what the store's modules (posting, queries, check, list models,
 * export, generator) share.  Nothing outside src/core includes this. */
#pragma once

#include "st-db.h"
#include "st-store.h"
#include "st-records-private.h"

G_BEGIN_DECLS

/* Statements are borrowed from the connection's cache (st-db.h): g_autoptr(StStmt) resets
 * one and clears its bindings when it goes out of scope, so it is ready for the next user. */
StDb     *_st_store_get_db          (StStore     *self);
/* The SQL dialect, where a statement must be written twice (side by side, at its use). */
StDbDialect _st_store_get_dialect   (StStore     *self);
/* Prepared once per store and SQL text, then reused. */
StStmt   *_st_store_prepare         (StStore     *self,
                                     const char  *sql,
                                     GError     **error);
gboolean  _st_store_exec            (StStore     *self,
                                     const char  *sql,
                                     GError     **error);
/* A write transaction (st_db_begin_write) … COMMIT / ROLLBACK. */
gboolean  _st_store_begin           (StStore     *self,
                                     GError     **error);
gboolean  _st_store_commit          (StStore     *self,
                                     GError     **error);
void      _st_store_rollback        (StStore     *self);
/* Ends the write begun with _st_store_begin(): commits it when @ok (the write's own steps
 * succeeded, @error unset) and emits "changed"; else, or when the commit fails, rolls it back
 * and returns FALSE. */
gboolean  _st_store_end_write       (StStore     *self,
                                     gboolean     ok,
                                     GError     **error);
/* st_stmt_step(): ST_STEP_ROW / ST_STEP_DONE, or 0 with @error set. */
int       _st_step                  (StStmt      *stmt,
                                     GError     **error);
/* Steps a write that may clash with a unique key: TRUE once done; on a clash
 * ST_ERROR_DUPLICATE with the message @duplicate_format makes (naming what clashed), any other
 * error as it is. */
gboolean  _st_step_unique           (StStmt      *stmt,
                                     GError     **error,
                                     const char  *duplicate_format,
                                     ...) G_GNUC_PRINTF (3, 4);
/* Column helpers: NULL-safe strdup of a text column. */
char     *_st_column_dup            (StStmt      *stmt,
                                     int          col);
/* Bind text (NULL binds NULL). */
void      _st_bind_text             (StStmt      *stmt,
                                     int          idx,
                                     const char  *text);
/* Bind an id; 0 binds NULL. */
void      _st_bind_id               (StStmt      *stmt,
                                     int          idx,
                                     gint64       id);
/* Case-insensitive key for names, SKUs and numbers (NFC + casefold of the trimmed text). */
char     *_st_name_key              (const char  *text);
/* Trims and validates a name/SKU/number field: not empty, UTF-8, no control characters,
 * at most @max_chars.  ST_ERROR_INVALID_INPUT naming @field. */
char     *_st_clean_name            (const char  *text,
                                     const char  *field,
                                     guint        max_chars,
                                     GError     **error);
/* The store's worker (st-store-async.c): one thread, one connection of its own. */
typedef struct _StStoreWorker StStoreWorker;
StStoreWorker *_st_store_worker_new   (StStore     *store);
/* Waits for the job running, if any, and closes the worker's connection. */
void      _st_store_worker_free     (StStoreWorker *worker);
/* Created at the first call. */
StStoreWorker *_st_store_get_worker (StStore     *self);
/* Tests only: @hook runs in the worker thread before each job (before it checks for
 * cancellation), e.g. to hold the worker until the test lets it go.  NULL removes it. */
typedef void (*StStoreWorkerHook) (StStore  *store,
                                   gpointer  data);
void      _st_store_set_worker_hook (StStore           *self,
                                     StStoreWorkerHook  hook,
                                     gpointer           data);
/* After a write transaction failed and was rolled back: whether to run it again, because a
 * concurrent transaction got in the way (ST_ERROR_CONFLICT: a serialization failure or a
 * deadlock on a server) and @attempt (0 for the first run) leaves tries.  Then the error is
 * cleared and a short, growing, jittered pause taken.  Every write of the core loops on it,
 * so that the user sees the ordinary outcome, never the conflict. */
gboolean  _st_store_retry_write     (StStore     *self,
                                     guint        attempt,
                                     GError     **error);
/* One write transaction of the core: begins it, runs @func (which does every read and write
 * of the change inside it and may be run again), commits; on failure rolls back, and runs the
 * whole again while _st_store_retry_write() says so.  Emits StStore::changed after a commit. */
typedef gboolean (*StStoreWriteFunc) (StStore   *self,
                                      gpointer   data,
                                      GError   **error);
gboolean  _st_store_write           (StStore          *self,
                                     StStoreWriteFunc  func,
                                     gpointer          data,
                                     GError          **error);
/* Emits StStore::changed. */
void      _st_store_emit_changed    (StStore     *self);
/* Bulk loading (generator): durability relaxed for this connection. */
void      _st_store_set_bulk_mode   (StStore     *self,
                                     gboolean     bulk);

/* A free temporary name in @path's folder (ST_ERROR_IO naming the folder when it cannot be
 * written), for a file written there and then renamed over @path. */
char     *_st_store_temp_path_beside (const char  *path,
                                      GError     **error);
/* A SQLite copy of the whole database at @path (a new file), from one snapshot. */
gboolean  _st_store_copy_to_new_file (StStore     *self,
                                      const char  *path,
                                      GError     **error);

/* Lookups by name → id; 0 with ST_ERROR_NOT_FOUND naming it. */
gint64    _st_store_warehouse_id    (StStore     *self,
                                     const char  *name,
                                     GError     **error);
gint64    _st_store_contact_id      (StStore     *self,
                                     StContactKind kind,
                                     const char  *name,
                                     GError     **error);

/* Row builders shared by queries and list models.  Each reads the columns its *_COLUMNS
 * macro selects, starting at column 0. */
#define ST_ITEM_COLUMNS \
  "i.id, i.sku, i.name, i.unit, i.price, i.cost, i.tracking, i.warranty_months, i.serial_format, " \
  "(SELECT coalesce (sum (s.on_hand), 0) FROM stock s WHERE s.item_id = i.id), i.archived"
StItem     *_st_item_from_row      (StStmt *stmt);

#define ST_WAREHOUSE_COLUMNS \
  "w.id, w.name, w.archived, " \
  "(SELECT coalesce (sum (s.on_hand), 0) FROM stock s WHERE s.warehouse_id = w.id)"
StWarehouse *_st_warehouse_from_row (StStmt *stmt);

#define ST_CONTACT_COLUMNS "c.id, c.kind, c.name, c.email, c.phone, c.archived"
StContact  *_st_contact_from_row   (StStmt *stmt);

#define ST_UNIT_COLUMNS \
  "u.id, u.item_id, i.sku, i.name, u.serial, u.status, w.name, u.cost, u.price, u.warranty_end, " \
  "u.received_date, rd.number, rd.kind, rc.name, u.sold_date, sd.number, sc.name, sd.kind"
#define ST_UNIT_JOINS \
  " JOIN items i ON i.id = u.item_id" \
  " LEFT JOIN warehouses w ON w.id = u.warehouse_id" \
  " LEFT JOIN documents rd ON rd.id = u.received_doc_id" \
  " LEFT JOIN contacts rc ON rc.id = rd.contact_id" \
  " LEFT JOIN documents sd ON sd.id = u.sold_doc_id" \
  " LEFT JOIN contacts sc ON sc.id = sd.contact_id"

/* The warranty-expiring list as `serialtrack-cli warranty expiring` prints it: the sold units
 * whose warranty ends from ?1 to ?2, soonest first, with only the columns printed.  It reads
 * units through the index units_warranty_sold alone (schema v9; test-service.c asserts the
 * plan, so a column added here belongs in that index too). */
#define ST_EXPIRING_WHERE \
  " WHERE u.status = 'sold' AND u.warranty_end >= ? AND u.warranty_end <= ?" \
  " ORDER BY u.warranty_end, u.id"
#define ST_EXPIRING_ROWS_SQL \
  "SELECT u.warranty_end, u.serial, i.sku, sc.name, u.sold_date" \
  " FROM units u JOIN items i ON i.id = u.item_id" \
  " LEFT JOIN documents sd ON sd.id = u.sold_doc_id" \
  " LEFT JOIN contacts sc ON sc.id = sd.contact_id" ST_EXPIRING_WHERE
StUnit     *_st_unit_from_row      (StStmt *stmt);

#define ST_DOCUMENT_COLUMNS \
  "d.id, d.kind, d.number, d.date, d.status, c.name, w.name, tw.name, d.in_transit, " \
  "d.received_date, r.number, d.reason, d.total, d.quantity"
#define ST_DOCUMENT_JOINS \
  " LEFT JOIN contacts c ON c.id = d.contact_id" \
  " LEFT JOIN warehouses w ON w.id = d.warehouse_id" \
  " LEFT JOIN warehouses tw ON tw.id = d.to_warehouse_id" \
  " LEFT JOIN documents r ON r.id = d.ref_document_id"
StDocument *_st_document_from_row  (StStmt *stmt);

/* The list model's constructor: the store's query module provides one "source" per list.
 *
 * The model never skips rows with OFFSET over the full row query (every skipped row would
 * still pay for the joins).  It finds a page's row ids with ST_LIST_SQL_KEYS — the sort key
 * and the id only, through as few tables as the order needs, so that SQLite walks one index —
 * either continuing from a neighbouring cached page (keyset: ST_LIST_SQL_KEYS_AFTER), from the
 * row before the page where the source can find it by position (ST_LIST_SQL_SEEK), or with
 * OFFSET from the nearer end of the list; then it builds each row with ST_LIST_SQL_ROW. */
typedef enum
{
  ST_LIST_SQL_COUNT,       /* SELECT count (*) … WHERE … */
  ST_LIST_SQL_KEYS,        /* SELECT <sort key>, <id> … WHERE … ORDER BY <key>, <id> */
  ST_LIST_SQL_KEYS_AFTER,  /* the same, only rows after (?95, ?96) in that order, as two index
                            * ranges (SQLite 3.40 bounds a row value's range by the key alone
                            * and walks every row tied with the anchor) */
  ST_LIST_SQL_KEYS_AFTER_TUPLE, /* the same as one row value, (key, id) > (?95, ?96): one index
                                 * range on PostgreSQL, whose planner sorts the whole of the
                                 * two ranges' union instead (0.4 s a page on a million) */
  ST_LIST_SQL_ROW,         /* SELECT <row columns> … WHERE <id> IN (?1, …, ?ST_LIST_ROWS): the
                            * rows of a page in one statement, in any order (on PostgreSQL
                            * one round trip instead of one a row) */
  ST_LIST_SQL_COUNT_KEPT,  /* the count as the database keeps it, reading no rows; NULL where
                            * it keeps none */
  ST_LIST_SQL_SEEK,        /* the sort key and id of the row at position ?98, in that order;
                            * NULL where only skipping the rows before it would find it */
  ST_LIST_SQL_LANDMARKS,   /* SELECT <sort key>, <id>, <row number from 1> of the rows
                            * numbered 1 and ?98 past a multiple of ?97 (the first and the last
                            * row of a page every ?97 rows), in the list's order: keyset anchors
                            * all along the list from one pass over its index (no LIMIT) */
} StListSql;
/* The ids one ST_LIST_SQL_ROW statement takes: the model's page. */
#define ST_LIST_ROWS 128

typedef struct _StListSource StListSource;

/* What a kind of list is: one static table a list, in the store's query files.  The row
 * builders and id getters of the object types serve as they are, cast
 * (ST_LIST_FROM_ROW (_st_unit_from_row), ST_LIST_ROW_ID (st_unit_get_id)). */
typedef struct
{
  /* The SQL of one shape (without LIMIT; the model appends "LIMIT ?98 [OFFSET ?99]").  For
   * the KEYS shapes @descending reverses the whole order, id included. */
  char     *(*build_sql)   (StListSource *source,
                            StListSql     what,
                            const char   *filter,
                            StSortKey     sort,
                            gboolean      descending);
  /* Binds the parameters of the WHERE clause (?1 … ?9, ?90 the LIKE pattern); NULL for a
   * list whose only parameter is the filter's pattern. */
  void      (*bind)        (StListSource *source,
                            StStmt       *stmt,
                            const char   *filter);
  GObject  *(*from_row)    (StStmt       *stmt);
  gint64    (*row_id)      (GObject      *row);
  GType     (*item_type)   (void);
} StListKind;

#define ST_LIST_FROM_ROW(func) ((GObject *(*) (StStmt *)) (func))
#define ST_LIST_ROW_ID(func)   ((gint64 (*) (GObject *)) (func))

/* One list: its kind and its own data (the filter it was made with). */
struct _StListSource
{
  const StListKind *kind;
  gpointer          data;
  GDestroyNotify    data_free;
};
/* Takes @data, freed with @data_free (may be NULL) when the model goes. */
StListModel *_st_list_model_new    (StStore          *store,
                                    const StListKind *kind,
                                    gpointer          data,
                                    GDestroyNotify    data_free);
/* The SQL of shape @what of the Units view of @status (-1: all) in its default order, for the
 * test that reads its plan. */
char        *_st_store_units_list_sql (StStore   *self,
                                       StListSql  what,
                                       int        status);
/* How many of the model's pages it found after a row the source found by position. */
guint        _st_list_model_get_n_seeks (StListModel   *self);
/* How many passes of landmarks all along its list the model has taken in, and whether one is
 * still on the store's worker (for tests and benchmarks). */
guint        _st_list_model_get_n_seeds (StListModel   *self);
gboolean     _st_list_model_is_seeding  (StListModel   *self);
/* Composes one shape of a list's SQL (st-store-queries.c): @from with the joins the WHERE
 * and the order need, NULL-terminated @conds, the sort key and the id expression. */
char        *_st_list_sql          (StListSql           what,
                                    const char         *columns,
                                    const char         *from,
                                    const char * const *conds,
                                    const char         *key,
                                    const char         *id,
                                    gboolean            descending);
/* Binds ?90, the LIKE pattern of a list's filter text (nothing for NULL). */
void         _st_list_bind_filter  (StStmt             *stmt,
                                    const char         *filter);

G_END_DECLS

G_BEGIN_DECLS
/* The id of the document of @kind numbered @number; 0 with ST_ERROR_NOT_FOUND (or
 * ST_ERROR_DUPLICATE for a bill number several vendors use). */
gint64 _st_store_find_document (StStore     *self,
                                StDocKind    kind,
                                const char  *number,
                                GError     **error);
/* The id of the bill numbered @number from @vendor (NULL or "": from any vendor, and then
 * ST_ERROR_DUPLICATE when several have one); 0 with ST_ERROR_NOT_FOUND. */
gint64 _st_store_find_bill     (StStore     *self,
                                const char  *number,
                                const char  *vendor,
                                GError     **error);
G_END_DECLS
