/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-store-service.h — after-sales service (DESIGN §8): cases opened by serial, their log,
 * and the custody steps (intake, hand-back, replacement, refund) as unit events on the
 * case's document.  Each call is one transaction: it validates from the state it reads, then
 * writes; a refusal names the serial, case or field and writes nothing. */
#pragma once

#include "st-types.h"
#include "st-draft.h"
#include "st-service-case.h"
#include "st-unit.h"

G_BEGIN_DECLS

typedef struct
{
  const char *serial;
  const char *sku;        /* NULL: the item that has this serial (required for a serial we
                           * never had: it is registered as the customer's) */
  const char *complaint;
  const char *customer;   /* NULL: the unit's buyer */
  const char *warehouse;  /* the service desk; NULL: the one it was sold from, else the first */
  const char *date;       /* NULL: today */
} StServiceIntake;

StServiceCase *st_store_service_open       (StStore               *self,
                                            const StServiceIntake *intake,
                                            GError               **error);
/* A case with its log. */
StServiceCase *st_store_service_get        (StStore               *self,
                                            const char            *number,
                                            GError               **error);
StServiceCase *st_store_service_note       (StStore               *self,
                                            const char            *number,
                                            const char            *text,
                                            const char            *date,
                                            GError               **error);
/* Parts used: the draft's lines (SKU, quantity, rate = cost per piece, serials) are picked
 * from stock at the case's warehouse and written off to the case. */
StServiceCase *st_store_service_add_parts  (StStore               *self,
                                            const char            *number,
                                            const StDraft         *parts,
                                            GError               **error);
/* open → in_repair (ST_SERVICE_IN_REPAIR), open / in_repair → ready (ST_SERVICE_READY). */
StServiceCase *st_store_service_set_status (StStore               *self,
                                            const char            *number,
                                            StServiceStatus        status,
                                            const char            *date,
                                            GError               **error);
/* The unit goes back to the customer untouched. */
StServiceCase *st_store_service_cancel     (StStore               *self,
                                            const char            *number,
                                            const char            *date,
                                            GError               **error);
/* ST_RESOLUTION_REPAIRED or _UNREPAIRED: the unit goes back to the customer, its warranty
 * unchanged.  @charge in cents (0 by default). */
StServiceCase *st_store_service_close      (StStore               *self,
                                            const char            *number,
                                            StServiceResolution    resolution,
                                            gint64                 charge,
                                            const char            *date,
                                            GError               **error);
typedef struct
{
  const char *serial;            /* NULL: the oldest in stock at the case's warehouse */
  const char *sku;               /* NULL: the faulty unit's item */
  gboolean    restart_warranty;  /* FALSE: carry the faulty unit's warranty end over */
  gint64      charge;            /* the replacement's price to the customer */
  const char *date;
} StServiceReplacement;
StServiceCase *st_store_service_replace    (StStore                    *self,
                                            const char                 *number,
                                            const StServiceReplacement *replacement,
                                            GError                    **error);
/* The customer gets the unit's price back; the unit stays with us, faulty, at @warehouse
 * (NULL: the case's). */
StServiceCase *st_store_service_refund     (StStore               *self,
                                            const char            *number,
                                            const char            *warehouse,
                                            const char            *date,
                                            GError               **error);
/* Voids the case's last custody step (its resolution or cancellation), reopening it; refused
 * (ST_ERROR_MOVED_ON) when a unit of that step has moved on since. */
StServiceCase *st_store_service_void_step  (StStore               *self,
                                            const char            *number,
                                            const char            *date,
                                            GError               **error);

typedef struct
{
  int         status;     /* StServiceStatus, or -1: any */
  const char *serial;     /* NULL: any; else the unit's serial (case-insensitive) */
  const char *customer;   /* NULL: any */
  gint64      unit_id;    /* 0: any; else the cases of this unit or replaced with it */
  const char *from;       /* intake date range, NULL: open-ended */
  const char *to;
} StServiceQuery;

/* Cases without their logs: open ones (open, in repair, ready) first, then newest first. */
GPtrArray     *st_store_query_service_cases (StStore              *self,
                                             const StServiceQuery *query,
                                             GError              **error);
/* The same cases as a lazy list for the Service view, in the same order; its filter text
 * matches the case number, the serial or the customer's name.  Only @query's status is
 * used. */
StListModel   *st_store_list_service_cases  (StStore              *self,
                                             const StServiceQuery *query);
/* Sold units whose warranty ends between @today and @today + @days (StUnit*), soonest first. */
GPtrArray     *st_store_warranty_expiring   (StStore              *self,
                                             const char           *today,
                                             guint                 days,
                                             GError              **error);
/* The same units one at a time, in that order, each dropped after @func (returning FALSE
 * stops): what a long list printed as it is read needs, without holding every unit. */
typedef gboolean (*StUnitFunc) (StUnit   *unit,
                                gpointer  user_data);
gboolean       st_store_warranty_expiring_each (StStore          *self,
                                                const char       *today,
                                                guint             days,
                                                StUnitFunc        func,
                                                gpointer          user_data,
                                                GError          **error);
/* One line of the warranty-expiring list as `warranty expiring` prints it; the strings are
 * the store's until @func returns. */
typedef struct
{
  const char *warranty_end;
  const char *serial;
  const char *sku;
  const char *customer;   /* NULL: none */
  const char *sold_date;
} StExpiringRow;
typedef gboolean (*StExpiringRowFunc) (const StExpiringRow *row,
                                       gpointer             user_data);
/* The same units, only those columns, in that order: one query with just the joins they need
 * (the item, the sale's customer), read as it goes, no unit built. */
gboolean       st_store_warranty_expiring_rows (StStore          *self,
                                                const char       *today,
                                                guint             days,
                                                StExpiringRowFunc func,
                                                gpointer          user_data,
                                                GError          **error);
/* The same as a lazy list of StUnit for the window; its filter text matches the serial. */
StListModel   *st_store_list_warranty_expiring (StStore          *self,
                                                const char       *today,
                                                guint             days);

/* One step at the service desk as data, for the store's worker (the app never writes on its
 * main thread): what the calls above take, owned.  st_service_step_new() gives an empty step
 * of @kind for case @number (NULL for OPEN); fill the fields the kind reads. */
typedef enum
{
  ST_SERVICE_STEP_OPEN,      /* serial, sku, text (the complaint), customer, warehouse, date */
  ST_SERVICE_STEP_NOTE,      /* text, date */
  ST_SERVICE_STEP_STATUS,    /* status, date */
  ST_SERVICE_STEP_PARTS,     /* parts */
  ST_SERVICE_STEP_CANCEL,    /* date */
  ST_SERVICE_STEP_CLOSE,     /* resolution (repaired, unrepaired), charge, date */
  ST_SERVICE_STEP_REPLACE,   /* serial, sku, restart_warranty, charge, date */
  ST_SERVICE_STEP_REFUND,    /* warehouse, date */
  ST_SERVICE_STEP_VOID,      /* date */
} StServiceStepKind;

typedef struct
{
  StServiceStepKind    kind;
  char                *number;
  char                *serial;
  char                *sku;
  char                *text;
  char                *customer;
  char                *warehouse;
  char                *date;
  StServiceStatus      status;
  StServiceResolution  resolution;
  gint64               charge;
  gboolean             restart_warranty;
  StDraft             *parts;
} StServiceStep;

StServiceStep *st_service_step_new          (StServiceStepKind     kind,
                                             const char           *number);
void           st_service_step_free         (StServiceStep        *step);
/* The call above that @step names (empty strings count as NULL). */
StServiceCase *st_store_service_run_step    (StStore              *self,
                                             const StServiceStep  *step,
                                             GError              **error);
/* The same on the store's worker (st_store_run_async()); takes @step. */
void           st_store_service_run_step_async  (StStore             *self,
                                                 StServiceStep       *step,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
StServiceCase *st_store_service_run_step_finish (StStore             *self,
                                                 GAsyncResult        *result,
                                                 GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StServiceStep, st_service_step_free)

G_END_DECLS
