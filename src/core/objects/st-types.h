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
  /* After-sales service (DESIGN §8): a customer's unit in our hands for repair. */
  ST_UNIT_IN_SERVICE,
  /* A unit we took back as defective: ours, not sellable until refurbished. */
  ST_UNIT_FAULTY,
} StUnitStatus;

typedef enum
{
  ST_DOC_BILL,
  ST_DOC_INVOICE,
  ST_DOC_TRANSFER,
  ST_DOC_ADJUSTMENT,
  ST_DOC_RETURN,
  ST_DOC_VENDOR_RETURN,
  /* A service case (DESIGN §8): its steps are written by st-store-service.c, never posted
   * through the document editor; it has no documents view of its own. */
  ST_DOC_SERVICE,
} StDocKind;
/* The trading documents: each has an editor and a documents view. */
#define ST_N_DOC_KINDS 6
/* Every kind of the table of document kinds (st-doc-kind.c), service cases included. */
#define ST_N_ALL_DOC_KINDS 7

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
  ST_EVENT_SERVICE_IN,         /* service case: taken in from the customer */
  ST_EVENT_SERVICE_OUT,        /* service case: handed back to the customer */
  ST_EVENT_REPLACED,           /* service case: swapped, stays with us faulty */
  ST_EVENT_REPLACEMENT,        /* service case: handed out in place of another */
  ST_EVENT_REFUNDED,           /* service case: refunded, stays with us faulty */
} StEventKind;

/* Machine names (database, CLI, JSON); never translated. */
const char *st_tracking_to_string       (StTracking      tracking);
gboolean    st_tracking_from_string     (const char     *text,
                                         StTracking     *out);
const char *st_serial_format_to_string  (StSerialFormat  format);
gboolean    st_serial_format_from_string (const char    *text,
                                          StSerialFormat *out);
const char *st_contact_kind_to_string   (StContactKind   kind);
gboolean    st_contact_kind_from_string (const char     *text,
                                         StContactKind  *out);
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
