/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-serial-row.h — one serial in a serial entry's list, with what is wrong with it, if anything. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define ST_TYPE_SERIAL_ROW (st_serial_row_get_type ())
G_DECLARE_FINAL_TYPE (StSerialRow, st_serial_row, ST, SERIAL_ROW, GObject)

/* What a row shows, worst first: a row can have several problems, the first one is shown. */
typedef enum
{
  ST_SERIAL_STATE_VALID,
  ST_SERIAL_STATE_INVALID,    /* not a serial: empty, control characters, too long */
  ST_SERIAL_STATE_FORMAT,     /* not in the item's serial format (IMEI check digit …) */
  ST_SERIAL_STATE_REFUSED,    /* named by a refused posting */
  ST_SERIAL_STATE_EXISTS,     /* already in stock for the item */
  ST_SERIAL_STATE_DUPLICATE,  /* stands earlier in the list */
} StSerialState;

/* @serial as typed; it is normalised here.  A text that is not a serial keeps its text and
 * gets ST_SERIAL_STATE_INVALID with the reason. */
StSerialRow   *st_serial_row_new          (const char  *text);
const char    *st_serial_row_get_serial   (StSerialRow *self);
/* The comparison key (st_serial_key), NULL for an invalid row. */
const char    *st_serial_row_get_key      (StSerialRow *self);
StSerialState  st_serial_row_get_state    (StSerialRow *self);
gboolean       st_serial_row_get_valid    (StSerialRow *self);
/* Why the row is not valid (translated), NULL when it is. */
const char    *st_serial_row_get_reason   (StSerialRow *self);

/* Each problem is set or cleared on its own (@reason NULL clears); the state follows. */
void           st_serial_row_set_problem  (StSerialRow   *self,
                                           StSerialState  problem,
                                           const char    *reason);
const char    *st_serial_row_get_problem  (StSerialRow   *self,
                                           StSerialState  problem);

/* A note on a valid serial, shown dimmed (such as a sold unit that is received again); NULL
 * clears it. */
const char    *st_serial_row_get_note     (StSerialRow   *self);
void           st_serial_row_set_note     (StSerialRow   *self,
                                           const char    *note);

G_END_DECLS
