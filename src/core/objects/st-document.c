/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "st-document"

#include "config.h"

#include "st-records-private.h"

G_DEFINE_FINAL_TYPE (StDocument, st_document, G_TYPE_OBJECT)

void
_st_document_line_free (StDocumentLine *line)
{
  if (line == NULL)
    return;
  g_free (line->sku);
  g_free (line->item_name);
  g_clear_pointer (&line->serials, g_ptr_array_unref);
  g_free (line);
}

static void
st_document_finalize (GObject *object)
{
  StDocument *self = ST_DOCUMENT (object);

  g_free (self->number);
  g_free (self->date);
  g_free (self->contact);
  g_free (self->warehouse);
  g_free (self->to_warehouse);
  g_free (self->received_date);
  g_free (self->reference);
  g_free (self->reason);
  g_clear_pointer (&self->lines, g_ptr_array_unref);

  G_OBJECT_CLASS (st_document_parent_class)->finalize (object);
}

static void
st_document_class_init (StDocumentClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = st_document_finalize;
}

static void
st_document_init (StDocument *self)
{
}

gint64       st_document_get_id            (StDocument *self) { return self->id; }
StDocKind    st_document_get_kind          (StDocument *self) { return self->kind; }
const char  *st_document_get_number        (StDocument *self) { return self->number; }
const char  *st_document_get_date          (StDocument *self) { return self->date; }
StDocStatus  st_document_get_status        (StDocument *self) { return self->status; }
const char  *st_document_get_contact       (StDocument *self) { return self->contact; }
const char  *st_document_get_warehouse     (StDocument *self) { return self->warehouse; }
const char  *st_document_get_to_warehouse  (StDocument *self) { return self->to_warehouse; }
gboolean     st_document_get_in_transit    (StDocument *self) { return self->in_transit; }
const char  *st_document_get_received_date (StDocument *self) { return self->received_date; }
const char  *st_document_get_reference     (StDocument *self) { return self->reference; }
const char  *st_document_get_reason        (StDocument *self) { return self->reason; }
gint64       st_document_get_total         (StDocument *self) { return self->total; }
gint64       st_document_get_quantity      (StDocument *self) { return self->quantity; }
GPtrArray   *st_document_get_lines         (StDocument *self) { return self->lines; }
