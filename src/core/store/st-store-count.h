/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-store-count.h — stock counts by scanning (DESIGN §9): start, scan, report, finish. */
#pragma once

#include <gio/gio.h>
#include "st-types.h"
#include "st-count.h"
#include "st-count-scan.h"
#include "st-document.h"
#include "st-export.h"
#include "st-list-model.h"

G_BEGIN_DECLS

/* A quantity item of a count: on hand at the start, counted, on hand now (or at the finish). */
typedef struct
{
  gint64    item_id;
  char     *sku;
  char     *item_name;
  gint64    expected;
  gboolean  has_counted;
  gint64    counted;     /* 0 when not counted */
  gint64    on_hand;
} StCountQuantity;

/* What a count found: read from an open count, or as it was when it was finished. */
typedef struct
{
  StCount    *count;
  GPtrArray  *missing;     /* StUnit*: expected, not scanned, still in stock there */
  GPtrArray  *moved;       /* StUnit*: expected, not scanned, moved since the start */
  GPtrArray  *unexpected;  /* StCountScan*: first scans of the unexpected classes */
  GPtrArray  *quantities;  /* StCountQuantity* */
  StDocument *adjustment;  /* the write-off posted by the finish; NULL when none */
} StCountReport;

void           st_count_report_free     (StCountReport  *report);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (StCountReport, st_count_report_free)

/* Starts a count of @warehouse (NULL @skus: every item) dated @date (NULL: today): the units
 * in stock there now become its expected set.  ST_ERROR_NOT_FOUND naming an unknown warehouse
 * or SKU. */
StCount       *st_store_count_start     (StStore             *self,
                                         const char          *warehouse,
                                         const char * const  *skus,
                                         const char          *date,
                                         GError             **error);
StCount       *st_store_get_count       (StStore             *self,
                                         const char          *number,
                                         GError             **error);
/* Every count, newest first (StCount*). */
GPtrArray     *st_store_list_counts     (StStore             *self,
                                         GError             **error);
/* Scans one serial into the count, in one transaction, and returns it classified.  A blank,
 * overlong or otherwise invalid serial is refused (ST_ERROR_INVALID_SERIAL), a serial only
 * items outside the count have too (ST_ERROR_INVALID_INPUT); a finished count refuses every
 * scan (ST_ERROR_DOCUMENT_STATE).  Nothing is recorded for a refused scan. */
StCountScan   *st_store_count_scan      (StStore             *self,
                                         const char          *number,
                                         const char          *serial,
                                         GError             **error);
/* Called for each serial of st_store_count_scan_many(), in order: @scan, or NULL and the
 * @refusal that names why the serial was not counted. */
typedef void (*StCountScanFunc) (guint         index,
                                 const char   *serial,
                                 StCountScan  *scan,
                                 const GError *refusal,
                                 gpointer      user_data);
/* Scans many serials, @batch of them a transaction (0: 1000).  Refused serials are reported
 * to @func and skipped; FALSE only when the count cannot be scanned into at all or the
 * database fails (batches before then stay scanned). */
gboolean       st_store_count_scan_many (StStore             *self,
                                         const char          *number,
                                         const char * const  *serials,
                                         guint                n_serials,
                                         guint                batch,
                                         StCountScanFunc      func,
                                         gpointer             user_data,
                                         GError             **error);
/* Records the number of units of the quantity item @sku counted (replacing an earlier one). */
gboolean       st_store_count_set_quantity (StStore          *self,
                                            const char       *number,
                                            const char       *sku,
                                            gint64            counted,
                                            GError          **error);
/* The newest @limit scans, newest first (StCountScan*). */
GPtrArray     *st_store_count_recent_scans (StStore          *self,
                                            const char       *number,
                                            guint             limit,
                                            GError          **error);
StCountReport *st_store_count_report    (StStore             *self,
                                         const char          *number,
                                         GError             **error);
/* Finishes the count: freezes its missing list and, with @write_off_missing, posts one
 * adjustment (reason "Stock count CNT-…", dated @date or today) writing the missing units off
 * and setting quantity items to the number counted — all in one transaction.  A finished
 * count is refused with ST_ERROR_DOCUMENT_STATE. */
StCountReport *st_store_count_finish    (StStore             *self,
                                         const char          *number,
                                         gboolean             write_off_missing,
                                         const char          *date,
                                         GError             **error);

/* Lazy lists (st-store-count-lists.c).  Every count, open ones first and the newest first
 * within each (StCount*, with their tallies). */
StListModel   *st_store_count_list_all        (StStore    *self);
/* The missing units of @count (StUnit*, by serial): for an open count, the expected units not
 * scanned and still there; for a finished one, the list its finish froze. */
StListModel   *st_store_count_list_missing    (StStore    *self,
                                               StCount    *count);
/* Its unexpected scans (StCountScan*: elsewhere, not in stock, unknown, ambiguous), in the
 * order scanned. */
StListModel   *st_store_count_list_unexpected (StStore    *self,
                                               StCount    *count);

/* Brings the units the count found in stock at other warehouses here: one transfer from each
 * warehouse they are at (dated @date, NULL: today), posted by the posting engine, all in one
 * transaction.  Units sold, in transit or moved here since their scan are left out.  The
 * transfers posted (StDocument*; empty when there was nothing to bring). */
GPtrArray     *st_store_count_transfer_elsewhere (StStore     *self,
                                                  const char  *number,
                                                  const char  *date,
                                                  GError     **error);

/* What st_store_count_scan_many_async() did. */
typedef struct
{
  guint      n_lines;     /* non-blank lines given */
  guint      n_scanned;
  guint      n_refused;   /* lines not counted */
  GPtrArray *refusals;    /* char*: the first of them named, "Line 3: …" */
} StCountBatch;

void           st_count_batch_free      (StCountBatch   *batch);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (StCountBatch, st_count_batch_free)

/* Asynchronous twins for a program with a main loop, run by the store's worker as
 * st_store_post_async() is (st-store-async.c): the store emits "changed" after each. */
void           st_store_count_start_async   (StStore             *self,
                                             const char          *warehouse,
                                             const char          *sku,
                                             const char          *date,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
/* The same for several items (@skus NULL or empty: every item), finished as above. */
void           st_store_count_start_items_async (StStore             *self,
                                                 const char          *warehouse,
                                                 const char * const  *skus,
                                                 const char          *date,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
StCount       *st_store_count_start_finish  (StStore             *self,
                                             GAsyncResult        *result,
                                             GError             **error);
/* Refusals of the serial come back as the synchronous call gives them. */
void           st_store_count_scan_async    (StStore             *self,
                                             const char          *number,
                                             const char          *serial,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
StCountScan   *st_store_count_scan_finish   (StStore             *self,
                                             GAsyncResult        *result,
                                             GError             **error);
void           st_store_count_finish_async  (StStore             *self,
                                             const char          *number,
                                             gboolean             write_off_missing,
                                             const char          *date,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
StCountReport *st_store_count_finish_finish (StStore             *self,
                                             GAsyncResult        *result,
                                             GError             **error);

/* Scans every non-blank line of @text (pasted, or read from a file) into the count as
 * st_store_count_scan_many() does, in the worker; @progress (nullable) hears the share done
 * in the caller's context. */
void           st_store_count_scan_many_async  (StStore             *self,
                                                const char          *number,
                                                const char          *text,
                                                StProgressFunc       progress,
                                                gpointer             progress_data,
                                                GDestroyNotify       progress_data_destroy,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
StCountBatch  *st_store_count_scan_many_finish (StStore             *self,
                                                GAsyncResult        *result,
                                                GError             **error);
/* GPtrArray of StDocument*, as st_store_count_transfer_elsewhere() returns. */
void           st_store_count_transfer_elsewhere_async  (StStore             *self,
                                                         const char          *number,
                                                         GCancellable        *cancellable,
                                                         GAsyncReadyCallback  callback,
                                                         gpointer             user_data);
GPtrArray     *st_store_count_transfer_elsewhere_finish (StStore             *self,
                                                         GAsyncResult        *result,
                                                         GError             **error);
/* st_export_count() in the worker. */
void           st_store_export_count_async  (StStore             *self,
                                             const char          *number,
                                             const char          *path,
                                             gboolean             overwrite,
                                             StProgressFunc       progress,
                                             gpointer             progress_data,
                                             GDestroyNotify       progress_data_destroy,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
gboolean       st_store_export_count_finish (StStore             *self,
                                             GAsyncResult        *result,
                                             GError             **error);

G_END_DECLS
