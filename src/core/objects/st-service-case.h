/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-service-case.h — one after-sales service case (DESIGN §8), as read from the store. */
#pragma once

#include <glib-object.h>
#include "st-types.h"

G_BEGIN_DECLS

typedef enum
{
  ST_SERVICE_OPEN,
  ST_SERVICE_IN_REPAIR,
  ST_SERVICE_READY,
  ST_SERVICE_CLOSED,
  ST_SERVICE_CANCELLED,
} StServiceStatus;

typedef enum
{
  ST_WARRANTY_NONE,            /* no warranty, or not sold by us */
  ST_WARRANTY_UNDER,           /* intake date on or before the warranty end */
  ST_WARRANTY_EXPIRED,
} StWarrantyStatus;

typedef enum
{
  ST_RESOLUTION_NONE,          /* not resolved (yet) */
  ST_RESOLUTION_REPAIRED,
  ST_RESOLUTION_UNREPAIRED,
  ST_RESOLUTION_REPLACED,
  ST_RESOLUTION_REFUNDED,
} StServiceResolution;

/* One entry of a case's log. */
typedef enum
{
  ST_SERVICE_LOG_NOTE,
  ST_SERVICE_LOG_PART,
  ST_SERVICE_LOG_STATUS,
} StServiceLogKind;

typedef struct
{
  StServiceLogKind  kind;
  char             *date;
  char             *text;      /* a note; the status name (machine) of a status change */
  /* Parts: */
  char             *sku;
  char             *item_name;
  gint64            quantity;
  gint64            cost;      /* the line's cost per piece */
  char             *serials;   /* comma-separated, NULL for quantity items */
} StServiceLogEntry;

/* Machine names (database, CLI, JSON) and translated labels. */
const char *st_service_status_to_string     (StServiceStatus      status);
gboolean    st_service_status_from_string   (const char          *text,
                                             StServiceStatus     *out);
const char *st_service_status_to_label      (StServiceStatus      status);
const char *st_warranty_status_to_string    (StWarrantyStatus     status);
gboolean    st_warranty_status_from_string  (const char          *text,
                                             StWarrantyStatus    *out);
const char *st_warranty_status_to_label     (StWarrantyStatus     status);
const char *st_service_resolution_to_string (StServiceResolution  resolution);
gboolean    st_service_resolution_from_string (const char        *text,
                                               StServiceResolution *out);
const char *st_service_resolution_to_label  (StServiceResolution  resolution);
/* Whether a case in @status still has the unit in our hands (open, in repair, ready). */
gboolean    st_service_status_is_active     (StServiceStatus      status);

#define ST_TYPE_SERVICE_CASE (st_service_case_get_type ())
G_DECLARE_FINAL_TYPE (StServiceCase, st_service_case, ST, SERVICE_CASE, GObject)

gint64               st_service_case_get_id                 (StServiceCase *self);
const char          *st_service_case_get_number             (StServiceCase *self);
/* The intake date. */
const char          *st_service_case_get_date               (StServiceCase *self);
StServiceStatus      st_service_case_get_status             (StServiceCase *self);
const char          *st_service_case_get_customer           (StServiceCase *self);
const char          *st_service_case_get_warehouse          (StServiceCase *self);
gint64               st_service_case_get_unit_id            (StServiceCase *self);
const char          *st_service_case_get_serial             (StServiceCase *self);
const char          *st_service_case_get_sku                (StServiceCase *self);
const char          *st_service_case_get_item_name          (StServiceCase *self);
const char          *st_service_case_get_complaint          (StServiceCase *self);
StWarrantyStatus     st_service_case_get_warranty_status    (StServiceCase *self);
/* The unit's warranty end at intake, or NULL. */
const char          *st_service_case_get_warranty_end       (StServiceCase *self);
StServiceResolution  st_service_case_get_resolution         (StServiceCase *self);
gint64               st_service_case_get_charge             (StServiceCase *self);
gint64               st_service_case_get_refund             (StServiceCase *self);
gint64               st_service_case_get_parts_cost         (StServiceCase *self);
/* Closed or cancelled on, or NULL. */
const char          *st_service_case_get_closed_date        (StServiceCase *self);
/* The replacement handed out (resolution replaced), or NULL / 0. */
gint64               st_service_case_get_replacement_unit_id (StServiceCase *self);
const char          *st_service_case_get_replacement_serial (StServiceCase *self);
const char          *st_service_case_get_replacement_sku    (StServiceCase *self);
const char          *st_service_case_get_replacement_warranty_end (StServiceCase *self);
/* Days the unit has been (or was) with us: intake to closing, or to @today while open. */
gint64               st_service_case_get_days_in_service    (StServiceCase *self,
                                                             const char    *today);
/* StServiceLogEntry*, oldest first; NULL when the case was read without its log (lists). */
GPtrArray           *st_service_case_get_log                (StServiceCase *self);

G_END_DECLS
