/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "st-contact"

#include "config.h"

#include "st-records-private.h"

G_DEFINE_FINAL_TYPE (StContact, st_contact, G_TYPE_OBJECT)

static void
st_contact_finalize (GObject *object)
{
  StContact *self = ST_CONTACT (object);

  g_free (self->name);
  g_free (self->email);
  g_free (self->phone);

  G_OBJECT_CLASS (st_contact_parent_class)->finalize (object);
}

static void
st_contact_class_init (StContactClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = st_contact_finalize;
}

static void
st_contact_init (StContact *self)
{
}

gint64         st_contact_get_id   (StContact *self) { return self->id; }
StContactKind  st_contact_get_kind (StContact *self) { return self->kind; }
const char    *st_contact_get_name (StContact *self) { return self->name; }
const char    *st_contact_get_email (StContact *self) { return self->email; }
const char    *st_contact_get_phone (StContact *self) { return self->phone; }
gboolean       st_contact_get_archived (StContact *self) { return self->archived; }
