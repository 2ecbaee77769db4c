/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-list-model.c — a lazy GListModel: the count comes from SQL, rows are fetched a page at a
 * time and only the most recently used pages are kept.
 *
 * A page is found by its rows' ids first (the sort key and the id, read from one index), then
 * each row is built by id.  Paging continues from a neighbouring cached page by keyset (the
 * sort key and id of its last or first row), so scrolling costs the same at row ten and at row
 * nine hundred thousand; a jump to a far page skips rows with OFFSET from the nearer end of the
 * list, over the index only, never over the joined rows.  Every page read leaves a landmark
 * (its first and last keys) that outlives the page in the cache: a jump near one skips rows
 * from there instead, so that dragging the scroll bar down a million rows skips a few thousand
 * index entries per step rather than hundreds of thousands.  Where the source can find a row
 * by its position (PostgreSQL's units, which would otherwise skip up to a million index
 * entries at ~1.5 µs each), a far jump starts after that row instead.  Where it cannot (the
 * units sorted by serial, say), the first far jump on PostgreSQL skips rows as before and
 * starts, on the store's worker, one pass over the sort's index that reads a landmark every
 * SEED_EVERY rows: once it is in, every far jump skips fewer than SEED_EVERY rows, until the
 * next refresh.
 *
 * Counting reads the keys and ids of the first PREFIX_ROWS rows first: a list that short is
 * then known whole without a count(*), and its pages need no query but the rows'.  That is
 * what a filter keeping few of many rows (a scanned serial among 100,000 candidates) needs:
 * its rows are found in one pass over the candidates, not once to count them and again for
 * each of the first pages.  A longer list keeps that prefix for its first pages. */
#define G_LOG_DOMAIN "st-list-model"

#include "config.h"

#include "st-store-private.h"

#define PAGE_SIZE ST_LIST_ROWS
#define MAX_PAGES 16
/* A million rows make 8,000 pages; past this many landmarks they start afresh. */
#define MAX_LANDMARKS 16384
/* A jump that would skip more rows than this asks the source for the row by position. */
#define SEEK_MIN_SKIP 4096
/* Rows whose keys and ids counting reads first (8 pages). */
#define PREFIX_ROWS 1024
/* Rows between two landmarks read in one pass (8 pages), at the least; a longer list spaces
 * them so that they stay under MAX_LANDMARKS. */
#define SEED_EVERY 1024

typedef struct
{
  GPtrArray     *rows;       /* row objects */
  /* The sort key and id of the first and the last row, for keyset paging. */
  StDbValue *first_key;
  StDbValue *last_key;
  gint64         first_id;
  gint64         last_id;
} Page;

/* A row of the prefix. */
typedef struct
{
  StDbValue *key;
  gint64         id;
} KeyId;

/* Where a page read since the last refresh began and ended (NULL keys: not usable). */
typedef struct
{
  StDbValue *first_key;
  StDbValue *last_key;   /* only for a whole page */
  gint64         first_id;
  gint64         last_id;
} Landmark;

struct _StListModel
{
  GObject       parent_instance;

  StStore      *store;
  StListSource *source;
  char         *filter;
  StSortKey     sort;
  gboolean      descending;

  gint64        n_items;    /* -1: not counted yet */
  GHashTable   *pages;      /* page number -> Page */
  GQueue        lru;        /* page numbers, most recent first */
  GTree        *landmarks;  /* page number -> Landmark */
  GArray       *prefix;     /* KeyId of the first rows (all of them when n_items is its length) */
  GError       *error;
  guint         n_seeks;    /* pages found after a row found by position (for tests) */
  guint         generation; /* of the cache: one more at every refresh */
  gboolean      seeding;    /* landmarks asked of the worker since the last refresh */
  guint         n_seeds;    /* such passes taken in (for tests) */
  guint         n_pending;  /* such passes still on the worker */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (StListModel, st_list_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum { PROP_0, PROP_N_ITEMS, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void
remember_error (StListModel *self,
                GError      *error)
{
  g_clear_error (&self->error);
  self->error = error;
  if (error != NULL)
    g_message ("List query failed: %s", error->message);
}

static void
page_free (Page *page)
{
  g_clear_pointer (&page->rows, g_ptr_array_unref);
  st_db_value_free (page->first_key);
  st_db_value_free (page->last_key);
  g_free (page);
}

static void
landmark_free (Landmark *mark)
{
  st_db_value_free (mark->first_key);
  st_db_value_free (mark->last_key);
  g_free (mark);
}

static int
compare_page_numbers (gconstpointer a,
                      gconstpointer b,
                      gpointer      data)
{
  guint x = GPOINTER_TO_UINT (a), y = GPOINTER_TO_UINT (b);

  return x < y ? -1 : x > y;
}

static gboolean
usable_key (StDbValue *key)
{
  /* NULL keys do not compare in SQL. */
  return key != NULL && !key->is_null;
}

static void
remember_landmark (StListModel *self,
                   guint        number,
                   const Page  *page)
{
  Landmark *mark;

  if (page->rows->len == 0 || !usable_key (page->first_key))
    return;
  if (g_tree_nnodes (self->landmarks) >= MAX_LANDMARKS)
    g_tree_remove_all (self->landmarks);

  mark = g_new0 (Landmark, 1);
  mark->first_key = st_db_value_copy (page->first_key);
  mark->first_id = page->first_id;
  if (page->rows->len == PAGE_SIZE && usable_key (page->last_key))
    {
      mark->last_key = st_db_value_copy (page->last_key);
      mark->last_id = page->last_id;
    }
  g_tree_replace (self->landmarks, GUINT_TO_POINTER (number), mark);
}

/* The list's SQL of one shape, in the list's order (@reverse: the other way); the row's
 * shape without the filter. */
static char *
build_sql (StListModel *self,
           StListSql    what,
           gboolean     reverse)
{
  return self->source->kind->build_sql (self->source, what,
                                        what == ST_LIST_SQL_ROW ? NULL : self->filter,
                                        self->sort,
                                        reverse ? !self->descending : self->descending);
}

/* Binds the WHERE clause's parameters of the list and its filter. */
static void
bind_params (StListModel *self,
             StStmt      *stmt)
{
  if (self->source->kind->bind != NULL)
    self->source->kind->bind (self->source, stmt, self->filter);
  else
    _st_list_bind_filter (stmt, self->filter);
}

static void
key_id_clear (KeyId *entry)
{
  g_clear_pointer (&entry->key, st_db_value_free);
}

/* The keys and ids of the first PREFIX_ROWS + 1 rows, into self->prefix; FALSE on an error. */
static gboolean
read_prefix (StListModel *self)
{
  g_autofree char *base = build_sql (self, ST_LIST_SQL_KEYS, FALSE);
  g_autofree char *sql = g_strconcat (base, " LIMIT ?98", NULL);
  g_autoptr(StStmt) stmt = NULL;
  GError *error = NULL;
  int rc;

  stmt = _st_store_prepare (self->store, sql, &error);
  if (stmt == NULL)
    {
      remember_error (self, error);
      return FALSE;
    }
  bind_params (self, stmt);
  st_stmt_bind_int64 (stmt, 98, PREFIX_ROWS + 1);

  self->prefix = g_array_sized_new (FALSE, FALSE, sizeof (KeyId), PREFIX_ROWS + 1);
  g_array_set_clear_func (self->prefix, (GDestroyNotify) key_id_clear);
  while ((rc = _st_step (stmt, &error)) == ST_STEP_ROW)
    {
      KeyId entry = { st_stmt_column_value (stmt, 0),
                      st_stmt_column_int64 (stmt, 1) };

      g_array_append_val (self->prefix, entry);
    }
  if (rc != ST_STEP_DONE)
    {
      remember_error (self, error);
      g_clear_pointer (&self->prefix, g_array_unref);
      return FALSE;
    }
  return TRUE;
}

/* The count the database keeps for the list, or -1 where it keeps none or it cannot be read. */
static gint64
count_kept (StListModel *self)
{
  g_autofree char *sql = build_sql (self, ST_LIST_SQL_COUNT_KEPT, FALSE);
  g_autoptr(StStmt) stmt = NULL;
  GError *error = NULL;

  if (sql == NULL)
    return -1;
  stmt = _st_store_prepare (self->store, sql, &error);
  if (stmt != NULL)
    bind_params (self, stmt);
  if (stmt == NULL || _st_step (stmt, &error) != ST_STEP_ROW)
    {
      /* Counting the rows still answers (a role that may not read the kept count, say). */
      g_debug ("Kept count unread: %s", error != NULL ? error->message : "no row");
      g_clear_error (&error);
      return -1;
    }
  return st_stmt_column_int64 (stmt, 0);
}

static gint64
count_rows (StListModel *self)
{
  g_autofree char *sql = NULL;
  g_autoptr(StStmt) stmt = NULL;
  GError *error = NULL;
  gint64 kept;

  g_clear_pointer (&self->prefix, g_array_unref);
  /* A count the database keeps is cheaper than the prefix: a long list then reads none (its
   * first rows may be few among many, as the units in stock are at the old end). */
  kept = count_kept (self);
  if (kept > PREFIX_ROWS)
    return kept;
  if (read_prefix (self))
    {
      if (self->prefix->len <= PREFIX_ROWS)
        return self->prefix->len;
      g_array_set_size (self->prefix, PREFIX_ROWS);
    }

  sql = build_sql (self, ST_LIST_SQL_COUNT, FALSE);
  stmt = _st_store_prepare (self->store, sql, &error);
  if (stmt == NULL)
    {
      remember_error (self, error);
      return 0;
    }
  bind_params (self, stmt);
  if (_st_step (stmt, &error) != ST_STEP_ROW)
    {
      remember_error (self, error);
      return 0;
    }
  return st_stmt_column_int64 (stmt, 0);
}

static guint
st_list_model_get_n_items (GListModel *model)
{
  StListModel *self = ST_LIST_MODEL (model);

  if (self->n_items < 0)
    self->n_items = count_rows (self);
  return (guint) self->n_items;
}

static GType
st_list_model_get_item_type (GListModel *model)
{
  return ST_LIST_MODEL (model)->source->kind->item_type ();
}

/* The ids of up to @limit rows, in list order (@reverse: in the opposite order, from the end),
 * skipping @offset rows, or starting after (@anchor_key, @anchor_id). */
static gboolean
fetch_ids (StListModel   *self,
           gboolean       reverse,
           StDbValue *anchor_key,
           gint64         anchor_id,
           gint64         limit,
           gint64         offset,
           Page          *page,
           GArray        *ids)
{
  g_autofree char *base = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(StStmt) stmt = NULL;
  GError *error = NULL;
  int rc;

  base = build_sql (self, anchor_key == NULL ? ST_LIST_SQL_KEYS
                         : _st_store_get_dialect (self->store) == ST_DB_DIALECT_SQLITE
                         ? ST_LIST_SQL_KEYS_AFTER : ST_LIST_SQL_KEYS_AFTER_TUPLE,
                    reverse);
  sql = g_strconcat (base, offset > 0 ? " LIMIT ?98 OFFSET ?99" : " LIMIT ?98", NULL);
  stmt = _st_store_prepare (self->store, sql, &error);
  if (stmt == NULL)
    {
      remember_error (self, error);
      return FALSE;
    }
  bind_params (self, stmt);
  if (anchor_key != NULL)
    {
      st_stmt_bind_value (stmt, 95, anchor_key);
      st_stmt_bind_int64 (stmt, 96, anchor_id);
    }
  st_stmt_bind_int64 (stmt, 98, limit);
  if (offset > 0)
    st_stmt_bind_int64 (stmt, 99, offset);

  g_array_set_size (ids, 0);
  while ((rc = _st_step (stmt, &error)) == ST_STEP_ROW)
    {
      gint64 id = st_stmt_column_int64 (stmt, 1);
      StDbValue **end = reverse ? &page->first_key : &page->last_key;

      if (ids->len == 0)
        {
          StDbValue **start = reverse ? &page->last_key : &page->first_key;

          st_db_value_free (*start);
          *start = st_stmt_column_value (stmt, 0);
        }
      st_db_value_free (*end);
      *end = st_stmt_column_value (stmt, 0);
      g_array_append_val (ids, id);
    }
  if (rc != ST_STEP_DONE)
    {
      remember_error (self, error);
      return FALSE;
    }
  if (reverse)
    for (guint i = 0; i < ids->len / 2; i++)
      {
        gint64 t = g_array_index (ids, gint64, i);

        g_array_index (ids, gint64, i) = g_array_index (ids, gint64, ids->len - 1 - i);
        g_array_index (ids, gint64, ids->len - 1 - i) = t;
      }
  if (ids->len > 0)
    {
      page->first_id = g_array_index (ids, gint64, 0);
      page->last_id = g_array_index (ids, gint64, ids->len - 1);
    }
  return TRUE;
}

static gboolean
is_anchor (const Page *page,
           gboolean    last)
{
  StDbValue *key;

  /* The page before must be whole; the page after may be the short last one. */
  if (page == NULL || page->rows->len == 0 || (last && page->rows->len != PAGE_SIZE))
    return FALSE;
  key = last ? page->last_key : page->first_key;
  /* NULL keys do not compare in SQL; such pages are left to OFFSET. */
  return key != NULL && !key->is_null;
}

/* Reads the ids of page @number (@want rows from @start) by keyset from the nearest landmark
 * with OFFSET, when that skips fewer rows than OFFSET from either end of the list would, and
 * at most @max_skip. */
static gboolean
fetch_near_landmark (StListModel *self,
                     guint        number,
                     gint64       start,
                     gint64       want,
                     gint64       max_skip,
                     Page        *page,
                     GArray      *ids)
{
  GTreeNode *above = g_tree_lower_bound (self->landmarks, GUINT_TO_POINTER (number));
  GTreeNode *below = above != NULL ? g_tree_node_previous (above)
                                   : g_tree_node_last (self->landmarks);
  gint64 best = MIN (start, self->n_items - start - want);
  Landmark *from = NULL;
  gboolean reverse = FALSE;
  gint64 offset = 0;

  if (above != NULL && GPOINTER_TO_UINT (g_tree_node_key (above)) == number)
    above = g_tree_node_next (above);

  /* Forwards from the last row of a whole page before. */
  if (below != NULL)
    {
      Landmark *mark = g_tree_node_value (below);
      gint64 skip = start - ((gint64) GPOINTER_TO_UINT (g_tree_node_key (below)) + 1) * PAGE_SIZE;

      if (mark->last_key != NULL && skip >= 0 && skip < best && skip <= max_skip)
        {
          from = mark;
          offset = best = skip;
        }
    }
  /* Backwards from the first row of a page after. */
  if (above != NULL)
    {
      Landmark *mark = g_tree_node_value (above);
      gint64 skip = (gint64) GPOINTER_TO_UINT (g_tree_node_key (above)) * PAGE_SIZE
                    - start - want;

      if (mark->first_key != NULL && skip >= 0 && skip < best && skip <= max_skip)
        {
          from = mark;
          reverse = TRUE;
          offset = best = skip;
        }
    }
  if (from == NULL)
    return FALSE;

  return fetch_ids (self, reverse, reverse ? from->first_key : from->last_key,
                    reverse ? from->first_id : from->last_id, want, offset, page, ids)
         && ids->len == (guint) want;
}

/* Landmarks all along a list, read in one pass on the store's worker. */
typedef struct
{
  StListModel *model;       /* a reference; its source is not changed after construction */
  char        *sql;
  char        *filter;
  gint64       every;
  guint        generation;
} SeedJob;

/* What the pass found, for the cache of @generation. */
typedef struct
{
  guint        generation;
  GTree       *marks;       /* page number -> Landmark, which it does not own */
} SeedAnswer;

static gboolean
free_landmark (gpointer key,
               gpointer value,
               gpointer data)
{
  landmark_free (value);
  return FALSE;
}

/* Frees @marks and the landmarks still in it. */
static void
marks_free (GTree *marks)
{
  g_tree_foreach (marks, free_landmark, NULL);
  g_tree_unref (marks);
}

static void
seed_job_free (SeedJob *job)
{
  g_clear_object (&job->model);
  g_free (job->sql);
  g_free (job->filter);
  g_free (job);
}

static void
seed_answer_free (SeedAnswer *answer)
{
  g_clear_pointer (&answer->marks, marks_free);
  g_free (answer);
}

static Landmark *
landmark_at (GTree *marks,
             guint  number)
{
  Landmark *mark = g_tree_lookup (marks, GUINT_TO_POINTER (number));

  if (mark == NULL)
    {
      mark = g_new0 (Landmark, 1);
      g_tree_insert (marks, GUINT_TO_POINTER (number), mark);
    }
  return mark;
}

/* On the worker's connection: the keys of the first and the last row of every
 * @job->every / PAGE_SIZE-th page, whole landmarks all along the list, so that a jump between
 * two of them starts forwards from the one before or backwards from the one after. */
static gpointer
seed_run (StStore       *connection,
          gpointer       data,
          GCancellable  *cancellable,
          GError       **error)
{
  SeedJob *job = data;
  StListSource *source = job->model->source;
  g_autoptr(StStmt) stmt = NULL;
  SeedAnswer *answer;
  GTree *marks;
  int rc;

  stmt = _st_store_prepare (connection, job->sql, error);
  if (stmt == NULL)
    return NULL;
  if (source->kind->bind != NULL)
    source->kind->bind (source, stmt, job->filter);
  else
    _st_list_bind_filter (stmt, job->filter);
  st_stmt_bind_int64 (stmt, 97, job->every);
  st_stmt_bind_int64 (stmt, 98, PAGE_SIZE);

  marks = g_tree_new_full (compare_page_numbers, NULL, NULL, NULL);
  while ((rc = _st_step (stmt, error)) == ST_STEP_ROW)
    {
      g_autoptr(StDbValue) key = st_stmt_column_value (stmt, 0);
      gint64 id = st_stmt_column_int64 (stmt, 1);
      gint64 position = st_stmt_column_int64 (stmt, 2) - 1;
      Landmark *mark;

      /* NULL keys do not compare in SQL: no anchor. */
      if (!usable_key (key))
        continue;
      mark = landmark_at (marks, (guint) (position / PAGE_SIZE));
      if (position % PAGE_SIZE == 0)
        {
          st_db_value_free (mark->first_key);
          mark->first_key = g_steal_pointer (&key);
          mark->first_id = id;
        }
      else
        {
          st_db_value_free (mark->last_key);
          mark->last_key = g_steal_pointer (&key);
          mark->last_id = id;
        }
    }
  if (rc != ST_STEP_DONE)
    {
      marks_free (marks);
      return NULL;
    }
  answer = g_new0 (SeedAnswer, 1);
  answer->generation = job->generation;
  answer->marks = marks;
  return answer;
}

static gboolean
take_landmark (gpointer key,
               gpointer value,
               gpointer data)
{
  GTree *landmarks = data;
  Landmark *mark = value;

  /* A landmark of a page read meanwhile is as good; a half one (NULL keys) is no anchor. */
  if (mark->first_key != NULL && mark->last_key != NULL && g_tree_lookup (landmarks, key) == NULL)
    {
      g_tree_insert (landmarks, key, mark);
      return FALSE;
    }
  landmark_free (mark);
  return FALSE;
}

static void
seed_done (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  g_autoptr(StListModel) self = data;
  g_autoptr(GError) error = NULL;
  SeedAnswer *answer = st_store_run_finish (ST_STORE (source), result, &error);

  self->n_pending--;
  if (answer == NULL)
    {
      /* The jumps skip rows as before; the list itself says nothing is wrong. */
      g_debug ("Landmarks unread: %s", error->message);
      return;
    }
  if (answer->generation == self->generation)
    {
      /* Each mark moves into the model's tree or is freed. */
      g_tree_foreach (answer->marks, take_landmark, self->landmarks);
      g_clear_pointer (&answer->marks, g_tree_unref);
      self->n_seeds++;
    }
  seed_answer_free (answer);
}

/* Asks the store's worker for landmarks all along the list, once a refresh.  PostgreSQL only:
 * SQLite skips index entries in its own process at ~20 ns each, so OFFSET is as fast there. */
static void
start_seeding (StListModel *self)
{
  SeedJob *job;

  if (self->seeding || _st_store_get_dialect (self->store) != ST_DB_DIALECT_POSTGRES)
    return;
  self->seeding = TRUE;
  job = g_new0 (SeedJob, 1);
  job->sql = build_sql (self, ST_LIST_SQL_LANDMARKS, FALSE);
  if (job->sql == NULL)
    {
      seed_job_free (job);
      return;
    }
  job->model = g_object_ref (self);
  job->filter = g_strdup (self->filter);
  job->generation = self->generation;
  job->every = SEED_EVERY;
  while (self->n_items / job->every >= MAX_LANDMARKS / 4)
    job->every *= 2;
  self->n_pending++;
  st_store_run_async (self->store, seed_run, job, (GDestroyNotify) seed_job_free,
                      (GDestroyNotify) seed_answer_free, FALSE, NULL, seed_done,
                      g_object_ref (self));
}

/* Reads the ids of @want rows from @start (> 0) after the row before them, which the source
 * finds by position; FALSE (nothing remembered) where it cannot. */
static gboolean
fetch_by_seek (StListModel *self,
               gint64       start,
               gint64       want,
               Page        *page,
               GArray      *ids)
{
  g_autofree char *sql = build_sql (self, ST_LIST_SQL_SEEK, FALSE);
  g_autoptr(StStmt) stmt = NULL;
  g_autoptr(StDbValue) key = NULL;
  GError *error = NULL;
  gint64 id;

  if (sql == NULL)
    return FALSE;
  stmt = _st_store_prepare (self->store, sql, &error);
  if (stmt == NULL)
    {
      remember_error (self, error);
      return FALSE;
    }
  bind_params (self, stmt);
  st_stmt_bind_int64 (stmt, 98, start - 1);
  switch (_st_step (stmt, &error))
    {
    case ST_STEP_ROW:
      break;
    case ST_STEP_DONE:
      return FALSE;
    default:
      remember_error (self, error);
      return FALSE;
    }
  key = st_stmt_column_value (stmt, 0);
  id = st_stmt_column_int64 (stmt, 1);
  g_clear_pointer (&stmt, st_stmt_release);
  if (!usable_key (key) || !fetch_ids (self, FALSE, key, id, want, 0, page, ids)
      || ids->len != (guint) want)
    return FALSE;
  self->n_seeks++;
  return TRUE;
}

/* Builds the rows of @ids (at most PAGE_SIZE) into @rows in that order, with one statement;
 * an id whose row has gone since (a concurrent change) is left out. */
static gboolean
read_rows (StListModel *self,
           StStmt      *stmt,
           GArray      *ids,
           GPtrArray   *rows)
{
  g_autoptr(GHashTable) by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                       g_object_unref);
  GError *error = NULL;
  int rc;

  g_assert (ids->len > 0 && ids->len <= PAGE_SIZE);
  /* A short page repeats its last id. */
  for (guint i = 0; i < PAGE_SIZE; i++)
    st_stmt_bind_int64 (stmt, (int) i + 1, g_array_index (ids, gint64, MIN (i, ids->len - 1)));
  while ((rc = _st_step (stmt, &error)) == ST_STEP_ROW)
    {
      GObject *row = self->source->kind->from_row (stmt);
      gint64 *key = g_new (gint64, 1);

      *key = self->source->kind->row_id (row);
      g_hash_table_replace (by_id, key, row);
    }
  if (rc != ST_STEP_DONE)
    {
      remember_error (self, error);
      return FALSE;
    }
  for (guint i = 0; i < ids->len; i++)
    {
      GObject *row = g_hash_table_lookup (by_id, &g_array_index (ids, gint64, i));

      if (row != NULL)
        g_ptr_array_add (rows, g_object_ref (row));
    }
  return TRUE;
}

static Page *
fetch_page (StListModel *self,
            guint        number)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(StStmt) stmt = NULL;
  g_autofree char *row_sql = NULL;
  Page *page = g_new0 (Page, 1);
  Page *before = number > 0 ? g_hash_table_lookup (self->pages, GUINT_TO_POINTER (number - 1))
                            : NULL;
  Page *after = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (number + 1));
  gint64 n = self->n_items;
  gint64 start = (gint64) number * PAGE_SIZE;
  gint64 want = MIN (PAGE_SIZE, n - start);
  gboolean done = FALSE;
  GError *error = NULL;

  page->rows = g_ptr_array_new_full (PAGE_SIZE, g_object_unref);
  if (want <= 0)
    return page;

  /* The first pages' ids were read with the count. */
  if (self->prefix != NULL && start + want <= (gint64) self->prefix->len)
    {
      const KeyId *first = &g_array_index (self->prefix, KeyId, start);
      const KeyId *last = &g_array_index (self->prefix, KeyId, start + want - 1);

      for (gint64 i = start; i < start + want; i++)
        g_array_append_val (ids, g_array_index (self->prefix, KeyId, i).id);
      page->first_key = st_db_value_copy (first->key);
      page->last_key = st_db_value_copy (last->key);
      page->first_id = first->id;
      page->last_id = last->id;
      done = TRUE;
    }

  /* Keyset from a neighbour; a short answer (NULL keys, rows changed) falls back to OFFSET. */
  if (!done && is_anchor (before, TRUE))
    done = fetch_ids (self, FALSE, before->last_key, before->last_id, want, 0, page, ids)
           && ids->len == (guint) want;
  if (!done && is_anchor (after, FALSE))
    done = fetch_ids (self, TRUE, after->first_key, after->first_id, want, 0, page, ids)
           && ids->len == (guint) want;
  /* A far jump: near a landmark, else from the row before it found by position, else
   * skipping rows from the nearest landmark or end. */
  if (!done)
    done = fetch_near_landmark (self, number, start, want, SEEK_MIN_SKIP, page, ids);
  if (!done && MIN (start, n - start - want) > SEEK_MIN_SKIP)
    done = fetch_by_seek (self, start, want, page, ids);
  if (!done && MIN (start, n - start - want) > SEEK_MIN_SKIP)
    start_seeding (self);
  if (!done)
    done = fetch_near_landmark (self, number, start, want, G_MAXINT64, page, ids);
  if (!done)
    {
      gint64 from_end = n - start - want;

      if (!(start <= from_end ? fetch_ids (self, FALSE, NULL, 0, want, start, page, ids)
                              : fetch_ids (self, TRUE, NULL, 0, want, from_end, page, ids)))
        {
          page_free (page);
          return NULL;
        }
    }

  row_sql = build_sql (self, ST_LIST_SQL_ROW, FALSE);
  stmt = _st_store_prepare (self->store, row_sql, &error);
  if (stmt == NULL)
    {
      remember_error (self, error);
      page_free (page);
      return NULL;
    }
  if (ids->len > 0 && !read_rows (self, stmt, ids, page->rows))
    {
      page_free (page);
      return NULL;
    }
  return page;
}

static gpointer
st_list_model_get_item (GListModel *model,
                        guint       position)
{
  StListModel *self = ST_LIST_MODEL (model);
  guint number = position / PAGE_SIZE;
  Page *page;

  if (position >= st_list_model_get_n_items (model))
    return NULL;

  page = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (number));
  if (page == NULL)
    {
      page = fetch_page (self, number);
      /* The count promised this row: a list widget may not be handed NULL for it.  When the
       * page cannot be read (a damaged file), stand in an empty row; the error is kept. */
      if (page == NULL)
        return g_object_new (self->source->kind->item_type (), NULL);
      g_hash_table_insert (self->pages, GUINT_TO_POINTER (number), page);
      remember_landmark (self, number, page);
      g_queue_push_head (&self->lru, GUINT_TO_POINTER (number));
      while (g_queue_get_length (&self->lru) > MAX_PAGES)
        g_hash_table_remove (self->pages, g_queue_pop_tail (&self->lru));
    }
  else if (g_queue_peek_head (&self->lru) != GUINT_TO_POINTER (number))
    {
      g_queue_remove (&self->lru, GUINT_TO_POINTER (number));
      g_queue_push_head (&self->lru, GUINT_TO_POINTER (number));
    }

  if (position % PAGE_SIZE >= page->rows->len)
    return g_object_new (self->source->kind->item_type (), NULL);
  return g_object_ref (g_ptr_array_index (page->rows, position % PAGE_SIZE));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = st_list_model_get_item_type;
  iface->get_n_items = st_list_model_get_n_items;
  iface->get_item = st_list_model_get_item;
}

static void
drop_cache (StListModel *self)
{
  g_hash_table_remove_all (self->pages);
  g_queue_clear (&self->lru);
  g_tree_remove_all (self->landmarks);
  self->generation++;
  self->seeding = FALSE;
  g_clear_pointer (&self->prefix, g_array_unref);
}

void
st_list_model_refresh (StListModel *self)
{
  guint old_n, new_n;

  g_return_if_fail (ST_IS_LIST_MODEL (self));

  old_n = self->n_items < 0 ? 0 : (guint) self->n_items;
  drop_cache (self);
  g_clear_error (&self->error);
  new_n = (guint) count_rows (self);
  /* Two signals, "all gone" then "all new", rather than one that replaces old_n rows by new_n:
   * given the latter, GTK 4.8's list widgets compare the rows one by one and so read every
   * row of a huge list (16 s for 100,000 rows) instead of the few on screen. */
  if (old_n != 0)
    {
      self->n_items = 0;
      g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, 0);
    }
  self->n_items = new_n;
  if (new_n != 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, 0, new_n);
  if (old_n != new_n)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

void
st_list_model_set_filter (StListModel *self,
                          const char  *filter)
{
  g_return_if_fail (ST_IS_LIST_MODEL (self));

  if (filter != NULL && *filter == '\0')
    filter = NULL;
  if (g_strcmp0 (self->filter, filter) == 0)
    return;
  g_free (self->filter);
  self->filter = g_strdup (filter);
  st_list_model_refresh (self);
}

const char *
st_list_model_get_filter (StListModel *self)
{
  g_return_val_if_fail (ST_IS_LIST_MODEL (self), NULL);
  return self->filter;
}

void
st_list_model_set_sort (StListModel *self,
                        StSortKey    key,
                        gboolean     descending)
{
  g_return_if_fail (ST_IS_LIST_MODEL (self));

  if (self->sort == key && self->descending == descending)
    return;
  self->sort = key;
  self->descending = descending;
  st_list_model_refresh (self);
}

gint64
st_list_model_find_id (StListModel *self,
                       gint64       id)
{
  g_autofree char *base = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(StStmt) stmt = NULL;
  GHashTableIter iter;
  gpointer key, value;
  GError *error = NULL;
  gint64 position = 0;
  int rc;

  g_return_val_if_fail (ST_IS_LIST_MODEL (self), -1);

  /* Look in the cached pages first; the caller usually just showed the row. */
  g_hash_table_iter_init (&iter, self->pages);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GPtrArray *rows = ((Page *) value)->rows;

      for (guint i = 0; i < rows->len; i++)
        if (self->source->kind->row_id (g_ptr_array_index (rows, i)) == id)
          return (gint64) GPOINTER_TO_UINT (key) * PAGE_SIZE + i;
    }

  /* Then walk the ids in order (one index, no joins). */
  base = build_sql (self, ST_LIST_SQL_KEYS, FALSE);
  sql = g_strconcat (base, " LIMIT ?98", NULL);
  stmt = _st_store_prepare (self->store, sql, &error);
  if (stmt == NULL)
    {
      remember_error (self, error);
      return -1;
    }
  bind_params (self, stmt);
  st_stmt_bind_int64 (stmt, 98, -1);
  while ((rc = _st_step (stmt, &error)) == ST_STEP_ROW)
    {
      if (st_stmt_column_int64 (stmt, 1) == id)
        return position;
      position++;
    }
  if (rc == 0)
    remember_error (self, error);
  return -1;
}

guint
_st_list_model_get_n_seeds (StListModel *self)
{
  g_return_val_if_fail (ST_IS_LIST_MODEL (self), 0);

  return self->n_seeds;
}

gboolean
_st_list_model_is_seeding (StListModel *self)
{
  g_return_val_if_fail (ST_IS_LIST_MODEL (self), FALSE);

  return self->n_pending > 0;
}

guint
_st_list_model_get_n_seeks (StListModel *self)
{
  g_return_val_if_fail (ST_IS_LIST_MODEL (self), 0);
  return self->n_seeks;
}

const GError *
st_list_model_get_error (StListModel *self)
{
  g_return_val_if_fail (ST_IS_LIST_MODEL (self), NULL);
  return self->error;
}

StListModel *
_st_list_model_new (StStore          *store,
                    const StListKind *kind,
                    gpointer          data,
                    GDestroyNotify    data_free)
{
  StListModel *self = g_object_new (ST_TYPE_LIST_MODEL, NULL);

  self->store = g_object_ref (store);
  self->source = g_new0 (StListSource, 1);
  self->source->kind = kind;
  self->source->data = data;
  self->source->data_free = data_free;
  return self;
}

static void
st_list_model_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  StListModel *self = ST_LIST_MODEL (object);

  switch (prop_id)
    {
    case PROP_N_ITEMS:
      g_value_set_uint (value, st_list_model_get_n_items (G_LIST_MODEL (self)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
st_list_model_finalize (GObject *object)
{
  StListModel *self = ST_LIST_MODEL (object);

  drop_cache (self);
  g_hash_table_unref (self->pages);
  g_tree_unref (self->landmarks);
  if (self->source != NULL)
    {
      if (self->source->data_free != NULL)
        self->source->data_free (self->source->data);
      g_free (self->source);
    }
  g_clear_object (&self->store);
  g_free (self->filter);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (st_list_model_parent_class)->finalize (object);
}

static void
st_list_model_class_init (StListModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = st_list_model_finalize;
  object_class->get_property = st_list_model_get_property;

  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
st_list_model_init (StListModel *self)
{
  self->n_items = -1;
  self->pages = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                       (GDestroyNotify) page_free);
  g_queue_init (&self->lru);
  self->landmarks = g_tree_new_full (compare_page_numbers, NULL, NULL,
                                     (GDestroyNotify) landmark_free);
}
