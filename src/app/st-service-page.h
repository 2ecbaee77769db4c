/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-service-page.h — one service case: a page of the window (the Service view and the unit
 * page open it) with the unit, the customer, the warranty at intake, the complaint, the log of
 * notes, parts and status changes, the resolution and the charge, and the case's next steps:
 * add a note or a part, start the repair, mark it ready, close it with a resolution, cancel.
 * Every step is one st_store_service_*() call, run in the store's worker. */
#pragma once

#include <gtk/gtk.h>
#include "st-store.h"

G_BEGIN_DECLS

#define ST_TYPE_SERVICE_PAGE (st_service_page_get_type ())
G_DECLARE_FINAL_TYPE (StServicePage, st_service_page, ST, SERVICE_PAGE, GtkWidget)

/* The unit links activate "win.show-unit" (x), the back button "win.back". */
StServicePage *st_service_page_new        (void);
void           st_service_page_set_store  (StServicePage *self,
                                           StStore       *store);
/* Reads and shows the case numbered @number; FALSE, with the reason on the page, when it
 * cannot be read. */
gboolean       st_service_page_set_number (StServicePage *self,
                                           const char    *number);
/* The case's number shown, or NULL. */
const char    *st_service_page_get_number (StServicePage *self);
/* The case as last read (with its log), or NULL. */
StServiceCase *st_service_page_get_case   (StServicePage *self);
/* Reads the case again (after a write). */
void           st_service_page_reload     (StServicePage *self);
/* The log as listed: one GtkLabel text per entry, oldest first (for tests). */
GPtrArray     *st_service_page_get_log_texts (StServicePage *self);
/* TRUE while a step (a note, start, ready, cancel) runs in the store's worker. */
gboolean       st_service_page_is_busy    (StServicePage *self);
/* The last dialog the page opened (Add Part…, Close Case…), or NULL. */
GtkWindow     *st_service_page_get_dialog (StServicePage *self);

G_END_DECLS
