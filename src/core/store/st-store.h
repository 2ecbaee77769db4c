/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-store.h — the SerialTrack database (a SQLite file or a PostgreSQL database), and every
 * read and write of it. */
#pragma once

#include <gio/gio.h>
#include "st-types.h"
#include "st-export.h"
#include "st-item.h"
#include "st-warehouse.h"
#include "st-contact.h"
#include "st-unit.h"
#include "st-unit-event.h"
#include "st-document.h"
#include "st-draft.h"
#include "st-list-model.h"
#include "st-store-service.h"
#include "st-store-count.h"

G_BEGIN_DECLS

#define ST_TYPE_STORE (st_store_get_type ())
G_DECLARE_FINAL_TYPE (StStore, st_store, ST, STORE, GObject)

/* The schema version this program writes (PRAGMA user_version). */
#define ST_SCHEMA_VERSION 10
/* PRAGMA application_id of a SerialTrack database: "STrk". */
#define ST_APPLICATION_ID 0x5354726b

typedef enum
{
  ST_STORE_OPEN_DEFAULT = 0,
  /* Create the file (and its folder) when it does not exist. */
  ST_STORE_OPEN_CREATE  = 1 << 0,
} StStoreOpenFlags;

/* Opens (or creates) a SerialTrack database.  A file that is not one, is damaged, or was
 * written by a newer SerialTrack is refused with ST_ERROR_NOT_SERIALTRACK / _CORRUPT /
 * _NEWER_SCHEMA and left untouched. */
StStore    *st_store_open                (const char        *path,
                                          StStoreOpenFlags   flags,
                                          GError           **error);
/* Whether @location names a database on a server (a PostgreSQL URI or "key=value" string)
 * rather than a file. */
gboolean    st_store_location_is_server  (const char        *location);
/* @location fit to show: a file's display name, or "“db” on “user@host:port”" (never a
 * password). */
char       *st_store_location_display    (const char        *location);
/* TRUE when st_store_open() created this database (a new file, an empty server database). */
gboolean    st_store_was_created         (StStore           *self);
/* Another connection to the same database, for a worker thread. */
StStore    *st_store_open_again          (StStore           *self,
                                          GError           **error);
/* Where the database is: the file's path or the server's connection string, as opened. */
const char *st_store_get_path            (StStore           *self);
/* TRUE for a database on a server (PostgreSQL), shared by several people. */
gboolean    st_store_is_shared           (StStore           *self);
/* TRUE when every write will be refused (ST_ERROR_READ_ONLY): a read-only role on the server,
 * a read-only file. */
gboolean    st_store_is_read_only        (StStore           *self);
/* Emits "changed" when somebody else (another program or connection) has written to the
 * database since the last call; returns whether it did. */
gboolean    st_store_poll_changes        (StStore           *self);
/* Whether @path is a SerialTrack database file (its header, read without writing). */
gboolean    st_store_file_is_serialtrack (const char        *path,
                                          GError           **error);
/* TRUE when another process has the database file @path open. */
gboolean    st_store_file_in_use         (const char        *path);
/* $XDG_DATA_HOME/serialtrack/inventory.serialtrack */
char       *st_store_default_path        (void);
/* TRUE when no item and no document exists yet (a newcomer's database). */
gboolean    st_store_is_empty            (StStore           *self);
/* A few items, warehouses, contacts and posted documents, through the posting engine. */
gboolean    st_store_load_sample_data    (StStore           *self,
                                          GError           **error);
/* Emitted (signal "changed") after every successful write, so that views can refresh. */

/* The inventory-wide tracking preference ("How do you want to track your items?"). */
StTracking  st_store_get_tracking        (StStore           *self);
/* Switching to NONE is refused (ST_ERROR_PREFERENCE) while serial items have units in stock. */
gboolean    st_store_set_tracking        (StStore           *self,
                                          StTracking         tracking,
                                          GError           **error);

/* The currency of money columns (st-store-currency.c): the ISO 4217 code set in the database,
 * else the locale's (st_currency_from_locale ()), else NULL — plain numbers. */
char       *st_store_dup_currency        (StStore           *self);
/* The code set in the database; NULL when none is (the locale's applies). */
char       *st_store_dup_currency_setting (StStore          *self);
/* Sets the code (checked and written in capitals, see st_currency_normalize ():
 * ST_ERROR_INVALID_INPUT naming the currency); NULL or "" removes it, so that the locale's
 * applies again.  Emits "changed". */
gboolean    st_store_set_currency        (StStore           *self,
                                          const char        *code,
                                          GError           **error);

/* Warehouses, contacts, items. */
StWarehouse *st_store_add_warehouse      (StStore           *self,
                                          const char        *name,
                                          GError           **error);
StWarehouse *st_store_find_warehouse     (StStore           *self,
                                          const char        *name,
                                          GError           **error);
GPtrArray   *st_store_list_warehouses    (StStore           *self,
                                          GError           **error);
StContact   *st_store_add_contact        (StStore           *self,
                                          StContactKind      kind,
                                          const char        *name,
                                          GError           **error);
StContact   *st_store_find_contact       (StStore           *self,
                                          StContactKind      kind,
                                          const char        *name,
                                          GError           **error);
GPtrArray   *st_store_list_contacts      (StStore           *self,
                                          StContactKind      kind,
                                          GError           **error);
/* Refused with ST_ERROR_PREFERENCE for a serial item while tracking is NONE. */
StItem      *st_store_add_item           (StStore           *self,
                                          const StItemSpec  *spec,
                                          GError           **error);
StItem      *st_store_find_item          (StStore           *self,
                                          const char        *sku,
                                          GError           **error);
GPtrArray   *st_store_list_all_items     (StStore           *self,
                                          GError           **error);

/* Stock per item and warehouse. */
typedef struct
{
  gint64  item_id;
  char   *sku;
  char   *item_name;
  char   *warehouse;
  gint64  on_hand;     /* in stock */
  gint64  in_transit;  /* on its way to this warehouse */
} StStockRow;
void         st_stock_row_free           (StStockRow        *row);
/* @item_id 0: every item.  Rows with nothing on hand and nothing in transit are left out. */
GPtrArray   *st_store_get_stock          (StStore           *self,
                                          gint64             item_id,
                                          GError           **error);

/* Posting: validates the whole draft, then writes the document, its lines, the units' new
 * state and one unit event per unit touched, in one transaction — all of it or none. */
StDocument  *st_store_post               (StStore           *self,
                                          const StDraft     *draft,
                                          GError           **error);
/* Voids a posted document by appending reversing events (never deletes).  Refused with
 * ST_ERROR_MOVED_ON, naming the unit and the later document, when a unit has moved on.
 * A bill number several vendors use is refused (ST_ERROR_DUPLICATE): use st_store_void_bill(). */
StDocument  *st_store_void               (StStore           *self,
                                          StDocKind          kind,
                                          const char        *number,
                                          GError           **error);
/* Bill numbers are the vendors' own, unique per vendor only: two vendors may both send a bill
 * "1001".  Where a bill is looked up by number, @vendor (a vendor's name) says whose it is;
 * NULL or "" accepts any vendor and is refused with ST_ERROR_DUPLICATE when several vendors
 * have a bill with that number.  A vendor without such a bill is ST_ERROR_NOT_FOUND. */
StDocument  *st_store_void_bill          (StStore           *self,
                                          const char        *number,
                                          const char        *vendor,
                                          GError           **error);
/* Receives an in-transit transfer at its destination. @date NULL = today. */
StDocument  *st_store_receive_transfer   (StStore           *self,
                                          const char        *number,
                                          const char        *date,
                                          GError           **error);
/* A document with its lines and serials.  For a bill number several vendors use,
 * ST_ERROR_DUPLICATE: use st_store_get_bill(). */
StDocument  *st_store_get_document       (StStore           *self,
                                          StDocKind          kind,
                                          const char        *number,
                                          GError           **error);
/* A bill with its lines and serials; @vendor as for st_store_void_bill(). */
StDocument  *st_store_get_bill           (StStore           *self,
                                          const char        *number,
                                          const char        *vendor,
                                          GError           **error);
StDocument  *st_store_get_document_by_id (StStore           *self,
                                          gint64             id,
                                          GError           **error);
/* The next automatic number for a kind ("INV-00001"). */
char        *st_store_next_number        (StStore           *self,
                                          StDocKind          kind);

/* Units. */
/* One unit by serial; @sku may be NULL.  ST_ERROR_NOT_FOUND, or ST_ERROR_DUPLICATE when the
 * serial exists for several items and no SKU was given. */
StUnit      *st_store_find_unit          (StStore           *self,
                                          const char        *serial,
                                          const char        *sku,
                                          GError           **error);
StUnit      *st_store_get_unit           (StStore           *self,
                                          gint64             unit_id,
                                          GError           **error);
/* Every event of a unit, oldest first (StUnitEvent*). */
GPtrArray   *st_store_get_unit_history   (StStore           *self,
                                          gint64             unit_id,
                                          GError           **error);
/* Units whose serial equals or starts with @text (case-insensitive), exact matches first. */
GPtrArray   *st_store_search_units       (StStore           *self,
                                          const char        *text,
                                          guint              limit,
                                          GError           **error);

/* Which units a unit list shows. */
typedef struct
{
  gint64       item_id;          /* 0: any */
  const char  *warehouse;        /* NULL: any */
  int          status;           /* StUnitStatus, or -1: any */
  /* Units sold on this invoice and not returned since (sales-return picking). */
  const char  *sold_on_invoice;
  /* Units received on this bill and still in stock (vendor-return picking). */
  const char  *received_on_bill;
  /* The vendor of that bill; NULL: any (as for st_store_get_bill()). */
  const char  *received_on_bill_vendor;
} StUnitQuery;

/* Lazy lists for the views.  Default order: items by SKU, documents newest first,
 * units first received first (the picker's FIFO order). */
StListModel *st_store_list_items         (StStore           *self);
/* The same, archived items left out unless @include_archived. */
StListModel *st_store_list_items_archived (StStore          *self,
                                          gboolean          include_archived);
/* Vendors and customers together, by name; warehouses with the stock on hand in each. */
StListModel *st_store_list_contact_rows  (StStore           *self,
                                          gboolean           include_archived);
StListModel *st_store_list_warehouse_rows (StStore          *self,
                                          gboolean           include_archived);
StListModel *st_store_list_documents     (StStore           *self,
                                          StDocKind          kind);
/* The posted documents of @kind of one contact (NULL or "": of any), newest first: a return's
 * chooser of its invoice or bill.  NULL with ST_ERROR_NOT_FOUND for an unknown contact. */
StListModel *st_store_list_posted_documents_of (StStore      *self,
                                          StDocKind          kind,
                                          StContactKind      contact_kind,
                                          const char        *contact,
                                          GError           **error);
StListModel *st_store_list_units         (StStore           *self,
                                          const StUnitQuery *query);
/* Plain lists for the CLI (every matching unit, in FIFO order). */
GPtrArray   *st_store_query_units        (StStore           *self,
                                          const StUnitQuery *query,
                                          GError           **error);

/* Backups with SQLite's online-backup API: a consistent copy even while others write.
 * Written to a temporary file beside @dest_path and renamed, so a failure leaves nothing. */
gboolean     st_store_backup             (StStore           *self,
                                          const char        *dest_path,
                                          gboolean           overwrite,
                                          GError           **error);
/* Replaces the database at @target_path with the SerialTrack database @backup_path (checked
 * first: it must open and pass st_store_check).  Nobody may have @target_path open. */
gboolean     st_store_restore            (const char        *backup_path,
                                          const char        *target_path,
                                          GError           **error);

/* Integrity: SQLite's integrity and foreign-key checks plus the ledger's invariants. */
typedef struct
{
  gint64     n_units;
  gint64     n_events;
  gint64     n_documents;
  GPtrArray *problems;    /* char*, translated, one per problem found; empty when sound */
} StCheckReport;
void           st_check_report_free      (StCheckReport     *report);
StCheckReport *st_store_check            (StStore           *self,
                                          GError           **error);

/* Copies the whole database (ids, ledger, documents, settings) into @target — a file that does
 * not exist yet (or, with @force, is replaced), or an empty PostgreSQL database — in one
 * transaction, then runs st_store_check() on the copy and returns its report. */
StCheckReport *st_store_copy             (StStore           *self,
                                          const char        *target,
                                          gboolean           force,
                                          GError           **error);

/* Asynchronous calls, for a program with a main loop (st-store-async.c), in the
 * gnome-text-editor _editor_document_save_async() manner: each runs in the store's worker
 * thread on a connection of the worker's own (st_store_open_again(), opened at the first
 * call and closed when the store is disposed), one call after another in the order made, and
 * answers as its synchronous twin would, with the same errors.  The callback runs in the
 * caller's thread-default main context; after a write that succeeded (post, void, receive)
 * the store has emitted "changed" there just before.  Cancelled before the worker starts it,
 * a call does nothing and fails with G_IO_ERROR_CANCELLED; a write once started completes
 * and is reported.  An export checks @cancellable itself, from its start and as it goes, and
 * fails with ST_ERROR_CANCELLED, leaving no file, as st_export_history() does. */
void         st_store_post_async         (StStore             *self,
                                          const StDraft       *draft,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
/* The posted document (the worker's object: a plain GObject, safe to keep). */
StDocument  *st_store_post_finish        (StStore             *self,
                                          GAsyncResult        *result,
                                          GError             **error);
/* st_store_void(), or for a bill st_store_void_bill() with @vendor (NULL: any vendor). */
void         st_store_void_async         (StStore             *self,
                                          StDocKind            kind,
                                          const char          *number,
                                          const char          *vendor,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
StDocument  *st_store_void_finish        (StStore             *self,
                                          GAsyncResult        *result,
                                          GError             **error);
void         st_store_receive_transfer_async  (StStore             *self,
                                               const char          *number,
                                               const char          *date,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
StDocument  *st_store_receive_transfer_finish (StStore             *self,
                                               GAsyncResult        *result,
                                               GError             **error);
/* Any short write (or read) of the store's API, run on the worker's connection: @func gets that
 * connection (never the caller's: call only st_store_* functions on it) and @data, and answers
 * a result (non-NULL: done; freed with @result_free when nobody takes it) or NULL with @error
 * set.  With @writes the store emits "changed" before the callback, as after a posting.  For
 * the app's master data, service steps, drafts and preferences: no write on the main
 * thread, nothing that waits for a server there.  @data_free frees @data in the caller's
 * thread once the call is over. */
typedef gpointer (*StStoreRunFunc) (StStore       *connection,
                                    gpointer       data,
                                    GCancellable  *cancellable,
                                    GError       **error);
void         st_store_run_async          (StStore             *self,
                                          StStoreRunFunc       func,
                                          gpointer             data,
                                          GDestroyNotify       data_free,
                                          GDestroyNotify       result_free,
                                          gboolean             writes,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
/* The result of @func (to free with its @result_free) or NULL with @error set. */
gpointer     st_store_run_finish         (StStore             *self,
                                          GAsyncResult        *result,
                                          GError             **error);
void         st_store_backup_async       (StStore             *self,
                                          const char          *dest_path,
                                          gboolean             overwrite,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
gboolean     st_store_backup_finish      (StStore             *self,
                                          GAsyncResult        *result,
                                          GError             **error);
/* st_export_history() and st_export_sold().  @progress is called in the caller's context
 * with the latest share done, at most one call pending at a time and none after the result;
 * @progress_data_destroy (may be NULL) frees @progress_data there once the call is over. */
void         st_store_export_history_async  (StStore              *self,
                                             const char           *path,
                                             const StHistoryScope *scope,
                                             gboolean              overwrite,
                                             StProgressFunc        progress,
                                             gpointer              progress_data,
                                             GDestroyNotify        progress_data_destroy,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
gboolean     st_store_export_history_finish (StStore              *self,
                                             GAsyncResult         *result,
                                             GError              **error);
void         st_store_export_sold_async     (StStore              *self,
                                             const char           *path,
                                             const char           *from,
                                             const char           *to,
                                             gboolean              overwrite,
                                             StProgressFunc        progress,
                                             gpointer              progress_data,
                                             GDestroyNotify        progress_data_destroy,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
gboolean     st_store_export_sold_finish    (StStore              *self,
                                             GAsyncResult         *result,
                                             GError              **error);

/* st_store_open() in a thread of its own, so that a window stays live while a server is
 * connected to (up to libpq's connect_timeout for one that does not answer).  The callback
 * runs in the caller's thread-default main context.  Cancelling answers at once with
 * G_IO_ERROR_CANCELLED; the connection being made is closed when it ends. */
void         st_store_open_async         (const char          *location,
                                          StStoreOpenFlags     flags,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
StStore     *st_store_open_finish        (GAsyncResult        *result,
                                          GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StStockRow, st_stock_row_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (StCheckReport, st_check_report_free)

G_END_DECLS
