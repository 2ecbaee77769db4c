/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "st-unit-event"

#include "config.h"

#include "st-records-private.h"

G_DEFINE_FINAL_TYPE (StUnitEvent, st_unit_event, G_TYPE_OBJECT)

static void
st_unit_event_finalize (GObject *object)
{
  StUnitEvent *self = ST_UNIT_EVENT (object);

  g_free (self->date);
  g_free (self->doc_number);
  g_free (self->from_warehouse);
  g_free (self->to_warehouse);
  g_free (self->contact);
  g_free (self->related_serial);

  G_OBJECT_CLASS (st_unit_event_parent_class)->finalize (object);
}

static void
st_unit_event_class_init (StUnitEventClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = st_unit_event_finalize;
}

static void
st_unit_event_init (StUnitEvent *self)
{
}

gint64       st_unit_event_get_id             (StUnitEvent *self) { return self->id; }
gint64       st_unit_event_get_unit_id        (StUnitEvent *self) { return self->unit_id; }
StEventKind  st_unit_event_get_kind           (StUnitEvent *self) { return self->kind; }
StEventKind  st_unit_event_get_reversed_kind  (StUnitEvent *self) { return self->reversed_kind; }
const char  *st_unit_event_get_date           (StUnitEvent *self) { return self->date; }
StDocKind    st_unit_event_get_doc_kind       (StUnitEvent *self) { return self->doc_kind; }
const char  *st_unit_event_get_doc_number     (StUnitEvent *self) { return self->doc_number; }
const char  *st_unit_event_get_from_warehouse (StUnitEvent *self) { return self->from_warehouse; }
const char  *st_unit_event_get_to_warehouse   (StUnitEvent *self) { return self->to_warehouse; }
const char  *st_unit_event_get_contact        (StUnitEvent *self) { return self->contact; }
gboolean     st_unit_event_has_amount         (StUnitEvent *self) { return self->has_amount; }
gint64       st_unit_event_get_amount         (StUnitEvent *self) { return self->amount; }
const char  *st_unit_event_get_related_serial (StUnitEvent *self) { return self->related_serial; }
