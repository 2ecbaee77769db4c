/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define ST_ERROR (st_error_quark ())

typedef enum
{
  ST_ERROR_FAILED,              /* anything else (SQLite said no)                       */
  ST_ERROR_NOT_SERIALTRACK,     /* the file is not a SerialTrack database               */
  ST_ERROR_NEWER_SCHEMA,        /* made by a newer SerialTrack                          */
  ST_ERROR_CORRUPT,             /* damaged database                                     */
  ST_ERROR_IO,                  /* cannot open / read / write, disk full                */
  ST_ERROR_BUSY,                /* another process kept the database locked too long    */
  ST_ERROR_NOT_FOUND,           /* unknown SKU, warehouse, contact, document, serial    */
  ST_ERROR_DUPLICATE,           /* duplicate SKU, name, bill number                     */
  ST_ERROR_INVALID_INPUT,       /* malformed line, amount, date, quantity, name         */
  ST_ERROR_INVALID_SERIAL,      /* empty, non-UTF-8, control character, too long        */
  ST_ERROR_SERIAL_FORMAT,       /* not digits / bad IMEI check digit                    */
  ST_ERROR_DUPLICATE_SERIAL,    /* the same serial twice in one document                */
  ST_ERROR_SERIAL_EXISTS,       /* serial already in stock for that item                */
  ST_ERROR_SERIAL_COUNT,        /* fewer or more serials than the quantity              */
  ST_ERROR_RANGE,               /* malformed, reversed or too long range A..B           */
  ST_ERROR_NOT_IN_STOCK,        /* unit not in stock at that warehouse (or sold)        */
  ST_ERROR_NOT_ON_DOCUMENT,     /* returned unit was not sold on that invoice / bill    */
  ST_ERROR_SAME_WAREHOUSE,      /* transfer to the same warehouse                       */
  ST_ERROR_INSUFFICIENT_STOCK,  /* quantity-tracked item: not enough in stock          */
  ST_ERROR_MOVED_ON,            /* void refused: a unit has moved on since              */
  ST_ERROR_DOCUMENT_STATE,      /* void of a void document, receive of a received one   */
  ST_ERROR_PREFERENCE,          /* tracking preference forbids it                       */
  ST_ERROR_CANCELLED,           /* long work cancelled                                  */
  ST_ERROR_READ_ONLY,           /* the database may only be read (a read-only role)     */
  ST_ERROR_PASSWORD,            /* the server wants a password (none or a wrong one)    */
  ST_ERROR_CONFLICT,            /* a concurrent transaction got in the way (a server's
                                 * serialization failure, a deadlock): retried by the core */
} StErrorCode;

GQuark st_error_quark (void);

G_END_DECLS
