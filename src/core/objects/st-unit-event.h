/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>
#include "st-types.h"

G_BEGIN_DECLS

#define ST_TYPE_UNIT_EVENT (st_unit_event_get_type ())
G_DECLARE_FINAL_TYPE (StUnitEvent, st_unit_event, ST, UNIT_EVENT, GObject)

gint64        st_unit_event_get_id             (StUnitEvent *self);
gint64        st_unit_event_get_unit_id        (StUnitEvent *self);
StEventKind   st_unit_event_get_kind           (StUnitEvent *self);
/* For ST_EVENT_VOIDED: the kind of the event it reverses. */
StEventKind   st_unit_event_get_reversed_kind  (StUnitEvent *self);
const char   *st_unit_event_get_date           (StUnitEvent *self);
StDocKind     st_unit_event_get_doc_kind       (StUnitEvent *self);
const char   *st_unit_event_get_doc_number     (StUnitEvent *self);
const char   *st_unit_event_get_from_warehouse (StUnitEvent *self);
const char   *st_unit_event_get_to_warehouse   (StUnitEvent *self);
const char   *st_unit_event_get_contact        (StUnitEvent *self);
gboolean      st_unit_event_has_amount         (StUnitEvent *self);
gint64        st_unit_event_get_amount         (StUnitEvent *self);
/* ST_EVENT_REPLACED: the serial of the replacement; ST_EVENT_REPLACEMENT: the serial of the
 * unit it replaced ("Replaced by …", "Replacement for …").  NULL otherwise. */
const char   *st_unit_event_get_related_serial (StUnitEvent *self);

G_END_DECLS
