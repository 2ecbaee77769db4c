/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-store-async.c — the store's slow work (posting, voiding, receiving, backups, exports)
 * off the caller's thread, as gnome-text-editor's _editor_document_save_async() is a method
 * of its document rather than a GTask built by a widget.
 *
 * A store has one worker: a single-thread pool that runs the calls one after another, on a
 * connection of its own (st_store_open_again(), opened by the worker at its first job and
 * kept until the store is disposed).  An StStore is not thread-safe, so the caller's
 * connection is never touched from the worker, nor the worker's from the caller.  The
 * worker hands each result back to the caller's main context, where "changed" is emitted
 * on the caller's store after a write, then the caller's callback runs. */
#define G_LOG_DOMAIN "st-store-async"

#include "config.h"

#include <glib/gi18n.h>

#include "st-error.h"
#include "st-export.h"
#include "st-store-private.h"
#include "st-store-drafts.h"
#include "st-store-search.h"

struct _StStoreWorker
{
  StStore           *store;        /* the caller's; not owned (the store owns the worker) */
  GThreadPool       *pool;
  StStore           *connection;   /* the worker's own; only the worker thread uses it */

  GMutex             hook_lock;
  StStoreWorkerHook  hook;
  gpointer           hook_data;
};

typedef enum
{
  OP_POST,
  OP_POST_DRAFT,
  OP_VOID,
  OP_RECEIVE,
  OP_BACKUP,
  OP_EXPORT_HISTORY,
  OP_EXPORT_SOLD,
  OP_COUNT_START,
  OP_COUNT_SCAN,
  OP_COUNT_FINISH,
  OP_COUNT_SCAN_MANY,
  OP_COUNT_TRANSFER,
  OP_EXPORT_COUNT,
  OP_SEARCH,
  OP_RUN,
} OpKind;

/* What each kind of call answers and does (st_store_run_async() says it for each of its
 * calls). */
static const struct
{
  /* Frees the result; NULL: the call answers with a boolean */
  GDestroyNotify result_free;
  /* A write: "changed" is emitted on the caller's store after it */
  gboolean       writes;
  /* Checks the cancellable itself, first thing: its own answer (ST_ERROR_CANCELLED), as the
   * synchronous call gives (the exports) */
  gboolean       checks_cancellable;
} op_kinds[] = {
  [OP_POST]           = { g_object_unref, TRUE, FALSE },
  [OP_POST_DRAFT]     = { g_object_unref, TRUE, FALSE },
  [OP_VOID]           = { g_object_unref, TRUE, FALSE },
  [OP_RECEIVE]        = { g_object_unref, TRUE, FALSE },
  [OP_BACKUP]         = { NULL, FALSE, FALSE },
  [OP_EXPORT_HISTORY] = { NULL, FALSE, TRUE },
  [OP_EXPORT_SOLD]    = { NULL, FALSE, TRUE },
  [OP_COUNT_START]    = { g_object_unref, TRUE, FALSE },
  [OP_COUNT_SCAN]     = { g_object_unref, TRUE, FALSE },
  [OP_COUNT_FINISH]   = { (GDestroyNotify) st_count_report_free, TRUE, FALSE },
  [OP_COUNT_SCAN_MANY] = { (GDestroyNotify) st_count_batch_free, TRUE, FALSE },
  [OP_COUNT_TRANSFER] = { (GDestroyNotify) g_ptr_array_unref, TRUE, FALSE },
  [OP_EXPORT_COUNT]   = { NULL, FALSE, TRUE },
  [OP_SEARCH]         = { (GDestroyNotify) st_search_result_free, FALSE, FALSE },
  [OP_RUN]            = { NULL, FALSE, FALSE },
};

/* One call: its arguments (owned copies), its result, and the export's progress.  It is
 * the GTask's data: freed with the task, and the task is only ever released on the caller's
 * thread (the worker hands its reference on to the completion source). */
typedef struct
{
  OpKind          kind;

  /* Arguments */
  StDraft        *draft;
  StDocKind       doc_kind;
  char           *number;
  char           *vendor;
  char           *date;
  char           *path;
  gboolean        overwrite;
  char           *sku;
  GStrv           serials;
  GArray         *unit_ids;     /* gint64 */
  char           *from;
  char           *to;
  StSearchScope   search_scope;
  guint           search_limit;
  StStoreRunFunc  run;
  gpointer        run_data;
  GDestroyNotify  run_data_free;

  /* From op_kinds[kind], or the run's */
  GDestroyNotify  result_free;
  gboolean        writes;

  /* Progress, from the worker to the caller's context: the worker stores the latest share
   * and schedules at most one delivery at a time. */
  StProgressFunc  progress;
  gpointer        progress_data;
  GDestroyNotify  progress_data_destroy;
  int             permille;          /* atomic */
  int             progress_pending;  /* atomic */
  gboolean        completed;         /* caller's thread only: no progress after the result */

  /* Result, written by the worker before it hands the task back: freed with result_free, or
   * for a call answering with a boolean (no result_free, not a run), non-NULL for TRUE */
  gpointer        result;
  GError         *error;
} Op;

static void
op_free (Op *op)
{
  st_draft_free (op->draft);
  g_free (op->number);
  g_free (op->vendor);
  g_free (op->date);
  g_free (op->path);
  g_free (op->sku);
  g_strfreev (op->serials);
  g_clear_pointer (&op->unit_ids, g_array_unref);
  g_free (op->from);
  g_free (op->to);
  if (op->progress_data_destroy != NULL)
    op->progress_data_destroy (op->progress_data);
  if (op->run_data_free != NULL)
    op->run_data_free (op->run_data);
  if (op->result != NULL && op->result_free != NULL)
    op->result_free (op->result);
  g_clear_error (&op->error);
  g_free (op);
}

/* Back in the caller's context. */

/* Takes @task (the reference is the source's). */
static void
attach_to_task_context (GTask       *task,
                        GSourceFunc  func)
{
  GSource *source = g_idle_source_new ();

  /* Explicitly a source on the task's context: g_main_context_invoke() may run the function
   * at once in the calling thread, which here is the worker. */
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, func, task, g_object_unref);
  g_source_set_static_name (source, "[serialtrack] store worker");
  g_source_attach (source, g_task_get_context (task));
  g_source_unref (source);
}

static gboolean
progress_cb (gpointer data)
{
  GTask *task = data;
  Op *op = g_task_get_task_data (task);

  g_atomic_int_set (&op->progress_pending, 0);
  if (!op->completed)
    op->progress (g_atomic_int_get (&op->permille) / 1000.0, op->progress_data);

  return G_SOURCE_REMOVE;
}

static gboolean
complete_cb (gpointer data)
{
  GTask *task = data;
  StStore *store = g_task_get_source_object (task);
  Op *op = g_task_get_task_data (task);

  /* No progress after the result, and the progress data goes before the callback runs. */
  op->completed = TRUE;
  if (op->progress_data_destroy != NULL)
    g_steal_pointer (&op->progress_data_destroy) (op->progress_data);

  if (op->error != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&op->error));
      return G_SOURCE_REMOVE;
    }

  if (op->writes)
    {
      /* The worker's commit shows on this connection as somebody else's write: take note of
       * it here, so that polling does not announce it a second time. */
      st_db_poll_changed (_st_store_get_db (store));
      _st_store_emit_changed (store);
    }

  if (op->result_free != NULL || op->kind == OP_RUN)
    g_task_return_pointer (task, g_steal_pointer (&op->result), op->result_free);
  else
    g_task_return_boolean (task, TRUE);

  return G_SOURCE_REMOVE;
}

/* In the worker. */

static void
worker_progress_cb (double   fraction,
                    gpointer data)
{
  GTask *task = data;
  Op *op = g_task_get_task_data (task);

  g_atomic_int_set (&op->permille, (int) (CLAMP (fraction, 0.0, 1.0) * 1000.0));
  if (op->progress != NULL && g_atomic_int_compare_and_exchange (&op->progress_pending, 0, 1))
    attach_to_task_context (g_object_ref (task), progress_cb);
}

/* Pasted or imported serials: one a line, blank lines skipped. */

/* The refusals a batch names; the rest are only counted. */
#define BATCH_REFUSALS_NAMED 100

void
st_count_batch_free (StCountBatch *batch)
{
  if (batch == NULL)
    return;
  g_clear_pointer (&batch->refusals, g_ptr_array_unref);
  g_free (batch);
}

typedef struct
{
  StCountBatch *batch;
  GArray       *line_numbers;   /* guint: the line of each serial */
  GTask        *task;
} ScanText;

static void
scan_text_cb (guint         index,
              const char   *serial,
              StCountScan  *scan,
              const GError *refusal,
              gpointer      user_data)
{
  ScanText *st = user_data;

  if (scan != NULL)
    st->batch->n_scanned++;
  else
    {
      st->batch->n_refused++;
      if (st->batch->refusals->len < BATCH_REFUSALS_NAMED && refusal != NULL)
        g_ptr_array_add (st->batch->refusals,
                         /* Translators: %u is a line number of a pasted or imported list of
                          * serials, %s why its serial was not counted */
                         g_strdup_printf (_("Line %u: %s"),
                                          g_array_index (st->line_numbers, guint, index),
                                          refusal->message));
    }
  if ((index + 1) % 100 == 0 || index + 1 == st->batch->n_lines)
    worker_progress_cb ((double) (index + 1) / MAX (st->batch->n_lines, 1), st->task);
}

static StCountBatch *
scan_text (StStore     *connection,
           const char  *number,
           const char  *text,
           GTask       *task,
           GError     **error)
{
  g_autoptr(StCountBatch) batch = g_new0 (StCountBatch, 1);
  g_autoptr(GPtrArray) serials = g_ptr_array_new ();
  g_autoptr(GArray) line_numbers = g_array_new (FALSE, FALSE, sizeof (guint));
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  ScanText st = { batch, line_numbers, task };

  batch->refusals = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      guint line = i + 1;

      g_strstrip (lines[i]);
      if (*lines[i] == '\0')
        continue;
      g_ptr_array_add (serials, lines[i]);
      g_array_append_val (line_numbers, line);
    }
  batch->n_lines = serials->len;
  if (!st_store_count_scan_many (connection, number, (const char * const *) serials->pdata,
                                 serials->len, 0, scan_text_cb, &st, error))
    return NULL;
  return g_steal_pointer (&batch);
}

/* The call's result (see Op), or NULL with @error set. */
static gpointer
run_op (StStore       *connection,
        GTask         *task,
        Op            *op,
        GCancellable  *cancellable,
        GError       **error)
{
  switch (op->kind)
    {
    case OP_POST:
      return st_store_post (connection, op->draft, error);

    case OP_POST_DRAFT:
      return st_store_post_draft (connection, op->number, op->draft, error);

    case OP_VOID:
      if (op->doc_kind == ST_DOC_BILL)
        return st_store_void_bill (connection, op->number, op->vendor, error);
      return st_store_void (connection, op->doc_kind, op->number, error);

    case OP_RECEIVE:
      return st_store_receive_transfer (connection, op->number, op->date, error);

    case OP_BACKUP:
      return GINT_TO_POINTER (st_store_backup (connection, op->path, op->overwrite, error));

    case OP_EXPORT_HISTORY:
      {
        StHistoryScope scope = {
          .sku = op->sku,
          .serials = (const char * const *) op->serials,
          .unit_ids = op->unit_ids != NULL ? (const gint64 *) (gpointer) op->unit_ids->data : NULL,
          .n_unit_ids = op->unit_ids != NULL ? op->unit_ids->len : 0,
        };

        return GINT_TO_POINTER (st_export_history (connection, op->path, &scope, op->overwrite,
                                                   cancellable, worker_progress_cb, task,
                                                   error));
      }

    case OP_EXPORT_SOLD:
      return GINT_TO_POINTER (st_export_sold (connection, op->path, op->from, op->to,
                                              op->overwrite, cancellable, worker_progress_cb,
                                              task, error));

    case OP_COUNT_START:
      {
        const char *skus[] = { op->sku, NULL };
        const char * const *items = op->serials != NULL ? (const char * const *) op->serials
                                    : op->sku != NULL ? skus : NULL;

        return st_store_count_start (connection, op->number, items, op->date, error);
      }

    case OP_COUNT_SCAN:
      return st_store_count_scan (connection, op->number, op->sku, error);

    case OP_COUNT_FINISH:
      return st_store_count_finish (connection, op->number, op->overwrite, op->date, error);

    case OP_COUNT_SCAN_MANY:
      return scan_text (connection, op->number, op->path, task, error);

    case OP_COUNT_TRANSFER:
      return st_store_count_transfer_elsewhere (connection, op->number, NULL, error);

    case OP_EXPORT_COUNT:
      return GINT_TO_POINTER (st_export_count (connection, op->number, op->path, op->overwrite,
                                               cancellable, worker_progress_cb, task, error));

    case OP_SEARCH:
      return st_store_search (connection, op->number, op->search_scope, op->search_limit,
                              error);

    case OP_RUN:
      return op->run (connection, op->run_data, cancellable, error);

    default:
      g_assert_not_reached ();
    }
}

static void
worker_run (gpointer job,
            gpointer pool_data)
{
  StStoreWorker *worker = pool_data;
  GTask *task = job;   /* owned: handed on to complete_cb */
  Op *op = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  StStoreWorkerHook hook;
  gpointer hook_data;

  g_mutex_lock (&worker->hook_lock);
  hook = worker->hook;
  hook_data = worker->hook_data;
  g_mutex_unlock (&worker->hook_lock);
  if (hook != NULL)
    hook (worker->store, hook_data);

  if (!op_kinds[op->kind].checks_cancellable
      && g_cancellable_set_error_if_cancelled (cancellable, &op->error))
    goto done;

  if (worker->connection == NULL)
    worker->connection = st_store_open_again (worker->store, &op->error);
  if (worker->connection != NULL)
    {
      op->result = run_op (worker->connection, task, op, cancellable, &op->error);
      g_assert ((op->result != NULL) == (op->error == NULL));
    }

done:
  /* The worker's reference goes to the source, never dropped here: the task, and with it
   * maybe the store, must die on the caller's thread. */
  attach_to_task_context (task, complete_cb);
}

StStoreWorker *
_st_store_worker_new (StStore *store)
{
  StStoreWorker *worker = g_new0 (StStoreWorker, 1);
  g_autoptr(GError) error = NULL;

  worker->store = store;
  g_mutex_init (&worker->hook_lock);
  /* Not exclusive: no thread waits while the store is idle; one job at a time, in order. */
  worker->pool = g_thread_pool_new (worker_run, worker, 1, FALSE, &error);
  g_assert_no_error (error);

  return worker;
}

void
_st_store_worker_free (StStoreWorker *worker)
{
  if (worker == NULL)
    return;

  /* Every job holds a task that holds the store: by the time the store goes, they are done. */
  g_thread_pool_free (worker->pool, FALSE, TRUE);
  g_clear_object (&worker->connection);
  g_mutex_clear (&worker->hook_lock);
  g_free (worker);
}

void
_st_store_set_worker_hook (StStore           *self,
                           StStoreWorkerHook  hook,
                           gpointer           data)
{
  StStoreWorker *worker;

  g_return_if_fail (ST_IS_STORE (self));

  worker = _st_store_get_worker (self);
  g_mutex_lock (&worker->hook_lock);
  worker->hook = hook;
  worker->hook_data = data;
  g_mutex_unlock (&worker->hook_lock);
}

/* The calls. */

static void
start (StStore             *self,
       Op                  *op,
       gpointer             source_tag,
       GCancellable        *cancellable,
       GAsyncReadyCallback  callback,
       gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  g_autoptr(GError) error = NULL;

  g_task_set_source_tag (task, source_tag);
  g_task_set_name (task, "[serialtrack] store");
  /* A write the worker has begun completes: its answer counts, not a Cancel pressed after. */
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, op, (GDestroyNotify) op_free);

  if (!g_thread_pool_push (_st_store_get_worker (self)->pool, g_object_ref (task), &error))
    {
      g_object_unref (task);
      g_task_return_error (task, g_steal_pointer (&error));
    }
}

static Op *
op_new (OpKind kind)
{
  Op *op = g_new0 (Op, 1);

  op->kind = kind;
  op->result_free = op_kinds[kind].result_free;
  op->writes = op_kinds[kind].writes;
  return op;
}

static gpointer
finish_pointer (StStore       *self,
                GAsyncResult  *result,
                gpointer       source_tag,
                GError       **error)
{
  g_return_val_if_fail (ST_IS_STORE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static gboolean
finish_boolean (StStore       *self,
                GAsyncResult  *result,
                gpointer       source_tag,
                GError       **error)
{
  g_return_val_if_fail (ST_IS_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
st_store_post_async (StStore             *self,
                     const StDraft       *draft,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  Op *op;

  g_return_if_fail (ST_IS_STORE (self));
  g_return_if_fail (draft != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  op = op_new (OP_POST);
  op->draft = st_draft_copy (draft);
  start (self, op, st_store_post_async, cancellable, callback, user_data);
}

StDocument *
st_store_post_finish (StStore       *self,
                      GAsyncResult  *result,
                      GError       **error)
{
  return finish_pointer (self, result, st_store_post_async, error);
}

void
st_store_post_draft_async (StStore             *self,
                           const char          *number,
                           const StDraft       *draft,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  Op *op;

  g_return_if_fail (ST_IS_STORE (self));
  g_return_if_fail (number != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  op = op_new (OP_POST_DRAFT);
  op->number = g_strdup (number);
  op->draft = draft != NULL ? st_draft_copy (draft) : NULL;
  start (self, op, st_store_post_draft_async, cancellable, callback, user_data);
}

StDocument *
st_store_post_draft_finish (StStore       *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  return finish_pointer (self, result, st_store_post_draft_async, error);
}

void
st_store_void_async (StStore             *self,
                     StDocKind            kind,
                     const char          *number,
                     const char          *vendor,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  Op *op;

  g_return_if_fail (ST_IS_STORE (self));
  g_return_if_fail ((guint) kind < ST_N_DOC_KINDS);
  g_return_if_fail (vendor == NULL || kind == ST_DOC_BILL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  op = op_new (OP_VOID);
  op->doc_kind = kind;
  op->number = g_strdup (number);
  op->vendor = g_strdup (vendor);
  start (self, op, st_store_void_async, cancellable, callback, user_data);
}

StDocument *
st_store_void_finish (StStore       *self,
                      GAsyncResult  *result,
                      GError       **error)
{
  return finish_pointer (self, result, st_store_void_async, error);
}

void
st_store_receive_transfer_async (StStore             *self,
                                 const char          *number,
                                 const char          *date,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  Op *op;

  g_return_if_fail (ST_IS_STORE (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  op = op_new (OP_RECEIVE);
  op->number = g_strdup (number);
  op->date = g_strdup (date);
  start (self, op, st_store_receive_transfer_async, cancellable, callback, user_data);
}

StDocument *
st_store_receive_transfer_finish (StStore       *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  return finish_pointer (self, result, st_store_receive_transfer_async, error);
}

void
st_store_backup_async (StStore             *self,
                       const char          *dest_path,
                       gboolean             overwrite,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  Op *op;

  g_return_if_fail (ST_IS_STORE (self));
  g_return_if_fail (dest_path != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  op = op_new (OP_BACKUP);
  op->path = g_strdup (dest_path);
  op->overwrite = overwrite;
  start (self, op, st_store_backup_async, cancellable, callback, user_data);
}

gboolean
st_store_backup_finish (StStore       *self,
                        GAsyncResult  *result,
                        GError       **error)
{
  return finish_boolean (self, result, st_store_backup_async, error);
}

static void
op_set_progress (Op             *op,
                 StProgressFunc  progress,
                 gpointer        progress_data,
                 GDestroyNotify  progress_data_destroy)
{
  op->progress = progress;
  op->progress_data = progress_data;
  op->progress_data_destroy = progress_data_destroy;
}

void
st_store_export_history_async (StStore              *self,
                               const char           *path,
                               const StHistoryScope *scope,
                               gboolean              overwrite,
                               StProgressFunc        progress,
                               gpointer              progress_data,
                               GDestroyNotify        progress_data_destroy,
                               GCancellable         *cancellable,
                               GAsyncReadyCallback   callback,
                               gpointer              user_data)
{
  Op *op;

  g_return_if_fail (ST_IS_STORE (self));
  g_return_if_fail (path != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  op = op_new (OP_EXPORT_HISTORY);
  op->path = g_strdup (path);
  op->overwrite = overwrite;
  if (scope != NULL)
    {
      op->sku = g_strdup (scope->sku);
      op->serials = g_strdupv ((char **) scope->serials);
      if (scope->unit_ids != NULL)
        {
          op->unit_ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), scope->n_unit_ids);
          g_array_append_vals (op->unit_ids, scope->unit_ids, scope->n_unit_ids);
        }
    }
  op_set_progress (op, progress, progress_data, progress_data_destroy);
  start (self, op, st_store_export_history_async, cancellable, callback, user_data);
}

gboolean
st_store_export_history_finish (StStore       *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  return finish_boolean (self, result, st_store_export_history_async, error);
}

void
st_store_export_sold_async (StStore             *self,
                            const char          *path,
                            const char          *from,
                            const char          *to,
                            gboolean             overwrite,
                            StProgressFunc       progress,
                            gpointer             progress_data,
                            GDestroyNotify       progress_data_destroy,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  Op *op;

  g_return_if_fail (ST_IS_STORE (self));
  g_return_if_fail (path != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  op = op_new (OP_EXPORT_SOLD);
  op->path = g_strdup (path);
  op->from = g_strdup (from);
  op->to = g_strdup (to);
  op->overwrite = overwrite;
  op_set_progress (op, progress, progress_data, progress_data_destroy);
  start (self, op, st_store_export_sold_async, cancellable, callback, user_data);
}

gboolean
st_store_export_sold_finish (StStore       *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  return finish_boolean (self, result, st_store_export_sold_async, error);
}

/* Opening.  No store exists yet, so no worker either: the open runs in a thread of GLib's
 * pool, and the new store, whose connection no other thread has touched, is handed to the
 * caller.  A connection to a server that does not answer cannot be interrupted inside libpq
 * (connect_timeout ends it); cancelling returns at once and the late store, if any, is
 * closed when its thread ends. */

typedef struct
{
  char             *location;
  StStoreOpenFlags  flags;
} OpenArgs;

static void
open_args_free (OpenArgs *args)
{
  g_free (args->location);
  g_free (args);
}

static void
open_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  OpenArgs *args = task_data;
  GError *error = NULL;
  StStore *store;

  if (g_task_return_error_if_cancelled (task))
    return;
  store = st_store_open (args->location, args->flags, &error);
  if (store == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, store, g_object_unref);
}

void
st_store_open_async (const char          *location,
                     StStoreOpenFlags     flags,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  OpenArgs *args;

  g_return_if_fail (location != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  args = g_new0 (OpenArgs, 1);
  args->location = g_strdup (location);
  args->flags = flags;
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, st_store_open_async);
  g_task_set_name (task, "[serialtrack] open");
  g_task_set_task_data (task, args, (GDestroyNotify) open_args_free);
  g_task_set_return_on_cancel (task, TRUE);
  g_task_run_in_thread (task, open_thread);
}

StStore *
st_store_open_finish (GAsyncResult  *result,
                      GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == st_store_open_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Stock counts (st-store-count.h).  @sku of an Op carries the one item a count is limited
 * to, or the serial scanned; @overwrite whether the finish writes the missing off. */

void
st_store_count_start_async (StStore             *self,
                            const char          *warehouse,
                            const char          *sku,
                            const char          *date,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  Op *op;

  g_return_if_fail (ST_IS_STORE (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  op = op_new (OP_COUNT_START);
  op->number = g_strdup (warehouse);
  op->sku = g_strdup (sku);
  op->date = g_strdup (date);
  start (self, op, st_store_count_start_async, cancellable, callback, user_data);
}

void
st_store_count_start_items_async (StStore             *self,
                                  const char          *warehouse,
                                  const char * const  *skus,
                                  const char          *date,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  Op *op;

  g_return_if_fail (ST_IS_STORE (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  op = op_new (OP_COUNT_START);
  op->number = g_strdup (warehouse);
  op->serials = g_strdupv ((char **) skus);
  op->date = g_strdup (date);
  /* Finished by st_store_count_start_finish(). */
  start (self, op, st_store_count_start_async, cancellable, callback, user_data);
}

StCount *
st_store_count_start_finish (StStore       *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  return finish_pointer (self, result, st_store_count_start_async, error);
}

void
st_store_count_scan_async (StStore             *self,
                           const char          *number,
                           const char          *serial,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  Op *op;

  g_return_if_fail (ST_IS_STORE (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  op = op_new (OP_COUNT_SCAN);
  op->number = g_strdup (number);
  op->sku = g_strdup (serial != NULL ? serial : "");
  start (self, op, st_store_count_scan_async, cancellable, callback, user_data);
}

StCountScan *
st_store_count_scan_finish (StStore       *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  return finish_pointer (self, result, st_store_count_scan_async, error);
}

void
st_store_count_finish_async (StStore             *self,
                             const char          *number,
                             gboolean             write_off_missing,
                             const char          *date,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  Op *op;

  g_return_if_fail (ST_IS_STORE (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  op = op_new (OP_COUNT_FINISH);
  op->number = g_strdup (number);
  op->overwrite = write_off_missing;
  op->date = g_strdup (date);
  start (self, op, st_store_count_finish_async, cancellable, callback, user_data);
}

StCountReport *
st_store_count_finish_finish (StStore       *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  return finish_pointer (self, result, st_store_count_finish_async, error);
}

void
st_store_search_async (StStore             *self,
                       const char          *text,
                       StSearchScope        scope,
                       guint                limit,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  Op *op;

  g_return_if_fail (ST_IS_STORE (self));
  g_return_if_fail (text != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  op = op_new (OP_SEARCH);
  op->number = g_strdup (text);
  op->search_scope = scope;
  op->search_limit = limit;
  start (self, op, st_store_search_async, cancellable, callback, user_data);
}

StSearchResult *
st_store_search_finish (StStore       *self,
                        GAsyncResult  *result,
                        GError       **error)
{
  return finish_pointer (self, result, st_store_search_async, error);
}

void
st_store_count_scan_many_async (StStore             *self,
                                const char          *number,
                                const char          *text,
                                StProgressFunc       progress,
                                gpointer             progress_data,
                                GDestroyNotify       progress_data_destroy,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  Op *op;

  g_return_if_fail (ST_IS_STORE (self));
  g_return_if_fail (text != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  op = op_new (OP_COUNT_SCAN_MANY);
  op->number = g_strdup (number);
  op->path = g_strdup (text);
  op_set_progress (op, progress, progress_data, progress_data_destroy);
  start (self, op, st_store_count_scan_many_async, cancellable, callback, user_data);
}

StCountBatch *
st_store_count_scan_many_finish (StStore       *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  return finish_pointer (self, result, st_store_count_scan_many_async, error);
}

void
st_store_count_transfer_elsewhere_async (StStore             *self,
                                         const char          *number,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  Op *op;

  g_return_if_fail (ST_IS_STORE (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  op = op_new (OP_COUNT_TRANSFER);
  op->number = g_strdup (number);
  start (self, op, st_store_count_transfer_elsewhere_async, cancellable, callback, user_data);
}

GPtrArray *
st_store_count_transfer_elsewhere_finish (StStore       *self,
                                          GAsyncResult  *result,
                                          GError       **error)
{
  return finish_pointer (self, result, st_store_count_transfer_elsewhere_async, error);
}

void
st_store_export_count_async (StStore             *self,
                             const char          *number,
                             const char          *path,
                             gboolean             overwrite,
                             StProgressFunc       progress,
                             gpointer             progress_data,
                             GDestroyNotify       progress_data_destroy,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  Op *op;

  g_return_if_fail (ST_IS_STORE (self));
  g_return_if_fail (path != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  op = op_new (OP_EXPORT_COUNT);
  op->number = g_strdup (number);
  op->path = g_strdup (path);
  op->overwrite = overwrite;
  op_set_progress (op, progress, progress_data, progress_data_destroy);
  start (self, op, st_store_export_count_async, cancellable, callback, user_data);
}

gboolean
st_store_export_count_finish (StStore       *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  return finish_boolean (self, result, st_store_export_count_async, error);
}

/* Any call (st-store.h) */

void
st_store_run_async (StStore             *self,
                    StStoreRunFunc       func,
                    gpointer             data,
                    GDestroyNotify       data_free,
                    GDestroyNotify       result_free,
                    gboolean             writes,
                    GCancellable        *cancellable,
                    GAsyncReadyCallback  callback,
                    gpointer             user_data)
{
  Op *op;

  g_return_if_fail (ST_IS_STORE (self));
  g_return_if_fail (func != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  op = op_new (OP_RUN);
  op->run = func;
  op->run_data = data;
  op->run_data_free = data_free;
  op->result_free = result_free;
  op->writes = writes;
  start (self, op, st_store_run_async, cancellable, callback, user_data);
}

gpointer
st_store_run_finish (StStore       *self,
                     GAsyncResult  *result,
                     GError       **error)
{
  return finish_pointer (self, result, st_store_run_async, error);
}
