/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-unit-page.h — one unit's history: a page of the window (the serial search, an item's
 * unit list and a document's serials open it), with the unit's current state and the
 * timeline of its events. */
#pragma once

#include <gtk/gtk.h>
#include "st-store.h"

G_BEGIN_DECLS

#define ST_TYPE_UNIT_PAGE (st_unit_page_get_type ())
G_DECLARE_FINAL_TYPE (StUnitPage, st_unit_page, ST, UNIT_PAGE, GtkWidget)

/* Document links activate "win.show-document" ((is): kind, number), the back button
 * "win.back"; the window provides both. */
StUnitPage *st_unit_page_new              (void);
StStore    *st_unit_page_get_store        (StUnitPage *self);
void        st_unit_page_set_store        (StUnitPage *self,
                                           StStore    *store);
/* Reads and shows the unit with that id.  FALSE, with the reason shown on the page, when it
 * cannot be read. */
gboolean    st_unit_page_set_unit_id      (StUnitPage *self,
                                           gint64      unit_id);
gint64      st_unit_page_get_unit_id      (StUnitPage *self);
/* Reads the shown unit again (after a posting). */
void        st_unit_page_reload           (StUnitPage *self);
/* The unit as last read, or NULL. */
StUnit     *st_unit_page_get_unit         (StUnitPage *self);
/* The unit's events, oldest first (StUnitEvent), as listed. */
GListModel *st_unit_page_get_history      (StUnitPage *self);
/* The unit's service cases as listed (StServiceCase), newest first; NULL before a unit is read. */
GPtrArray  *st_unit_page_get_service_cases (StUnitPage *self);
/* The warranty line as shown ("Under warranty until …"). */
const char *st_unit_page_get_warranty_text (StUnitPage *self);

G_END_DECLS
