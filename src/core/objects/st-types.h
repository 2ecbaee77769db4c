/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-types.h — forward declarations and the shared enums of the core. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _StStore       StStore;
typedef struct _StItem        StItem;
typedef struct _StWarehouse   StWarehouse;
typedef struct _StContact     StContact;
typedef struct _StUnit        StUnit;
typedef struct _StUnitEvent   StUnitEvent;
typedef struct _StDocument    StDocument;
typedef struct _StDraft       StDraft;
typedef struct _StListModel   StListModel;

typedef enum
{
  ST_TRACKING_NONE,
  ST_TRACKING_SERIAL,
} StTracking;

typedef enum
{
  ST_SERIAL_FORMAT_ANY,
  ST_SERIAL_FORMAT_DIGITS,
  ST_SERIAL_FORMAT_IMEI,
} StSerialFormat;

typedef enum
{
  ST_CONTACT_VENDOR,
  ST_CONTACT_CUSTOMER,
} StContactKind;

typedef enum
{
  ST_UNIT_IN_STOCK,
  ST_UNIT_IN_TRANSIT,
  ST_UNIT_SOLD,
  ST_UNIT_WRITTEN_OFF,
  ST_UNIT_RETURNED_TO_VENDOR,
  /* The unit's receipt was voided: it is not in the inventory. */
  ST_UNIT_VOIDED,
} StUnitStatus;

typedef enum
{
  ST_DOC_BILL,
  ST_DOC_INVOICE,
  ST_DOC_TRANSFER,
  ST_DOC_ADJUSTMENT,
  ST_DOC_RETURN,
  ST_DOC_VENDOR_RETURN,
} StDocKind;
#define ST_N_DOC_KINDS 6

typedef enum
{
  ST_DOC_STATUS_DRAFT,
  ST_DOC_STATUS_POSTED,
  ST_DOC_STATUS_VOID,
} StDocStatus;

typedef enum
{
  ST_EVENT_RECEIVED,           /* bill line: new unit in stock            */
  ST_EVENT_ADJUSTED_IN,        /* + adjustment                            */
  ST_EVENT_TRANSFERRED,        /* immediate transfer A -> B               */
  ST_EVENT_TRANSFER_OUT,       /* in-transit transfer leaves A            */
  ST_EVENT_TRANSFER_IN,        /* in-transit transfer received at B       */
  ST_EVENT_SOLD,               /* invoice                                 */
  ST_EVENT_RETURNED,           /* sales return                            */
  ST_EVENT_WRITTEN_OFF,        /* - adjustment                            */
  ST_EVENT_RETURNED_TO_VENDOR, /* vendor return                           */
  ST_EVENT_VOIDED,             /* reverses an earlier event               */
} StEventKind;

/* Machine names (database, CLI, JSON); never translated. */
const char *st_tracking_to_string       (StTracking      tracking);
gboolean    st_tracking_from_string     (const char     *text,
                                         StTracking     *out);
const char *st_serial_format_to_string  (StSerialFormat  format);
gboolean    st_serial_format_from_string (const char    *text,
                                          StSerialFormat *out);
const char *st_contact_kind_to_string   (StContactKind   kind);
const char *st_unit_status_to_string    (StUnitStatus    status);
gboolean    st_unit_status_from_string  (const char     *text,
                                         StUnitStatus   *out);
const char *st_doc_kind_to_string       (StDocKind       kind);
gboolean    st_doc_kind_from_string     (const char     *text,
                                         StDocKind      *out);
const char *st_doc_status_to_string     (StDocStatus     status);
gboolean    st_doc_status_from_string   (const char     *text,
                                         StDocStatus    *out);
const char *st_event_kind_to_string     (StEventKind     kind);
gboolean    st_event_kind_from_string   (const char     *text,
                                         StEventKind    *out);

/* Human labels, translated. */
const char *st_unit_status_to_label     (StUnitStatus    status);
const char *st_doc_kind_to_label        (StDocKind       kind);
const char *st_doc_status_to_label      (StDocStatus     status);
const char *st_event_kind_to_label      (StEventKind     kind);
const char *st_serial_format_to_label   (StSerialFormat  format);

G_END_DECLS
