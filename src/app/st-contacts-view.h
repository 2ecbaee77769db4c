/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-contacts-view.h — the Contacts list (vendors and customers): filter, Show Archived, and
 * Edit…, Archive, Restore, Delete on the selected contact (DESIGN §11). */
#pragma once

#include "st-list-page.h"

G_BEGIN_DECLS

#define ST_TYPE_CONTACTS_VIEW (st_contacts_view_get_type ())
G_DECLARE_FINAL_TYPE (StContactsView, st_contacts_view, ST, CONTACTS_VIEW, StListPage)

StContactsView *st_contacts_view_new (void);

G_END_DECLS
