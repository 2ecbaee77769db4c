/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>
#include "st-types.h"

G_BEGIN_DECLS

#define ST_TYPE_CONTACT (st_contact_get_type ())
G_DECLARE_FINAL_TYPE (StContact, st_contact, ST, CONTACT, GObject)

gint64         st_contact_get_id   (StContact *self);
StContactKind  st_contact_get_kind (StContact *self);
const char    *st_contact_get_name (StContact *self);
/* E-mail address and phone number, or NULL. */
const char    *st_contact_get_email (StContact *self);
const char    *st_contact_get_phone (StContact *self);
/* Archived: new documents no longer offer it; history keeps it (DESIGN §11). */
gboolean       st_contact_get_archived (StContact *self);

G_END_DECLS
