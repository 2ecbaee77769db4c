/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include "st-store.h"

G_BEGIN_DECLS

#define ST_TYPE_WINDOW (st_window_get_type ())
G_DECLARE_FINAL_TYPE (StWindow, st_window, ST, WINDOW, GtkApplicationWindow)

/* One window shows one database. */
StWindow   *st_window_new              (GtkApplication *application,
                                        StStore        *store);
StStore    *st_window_get_store        (StWindow       *self);
/* Re-reads every view now (writes through the store also refresh them from an idle). */
void        st_window_refresh          (StWindow       *self);
/* The views by name: "items", "bills", "invoices", "transfers", "adjustments", "returns"
 * (sales returns) and "vendor-returns".  NULL for an unknown name. */
GtkWidget  *st_window_get_view         (StWindow       *self,
                                        const char     *name);
void        st_window_show_view        (StWindow       *self,
                                        const char     *name);
/* The global serial search, as pressing Enter in it does: one match opens its unit page,
 * several are offered in a list, none is said so.  Returns the number of matches. */
guint       st_window_search_serial    (StWindow       *self,
                                        const char     *text);
/* Opens the unit page (state and history) of one unit. */
GtkWindow  *st_window_show_unit        (StWindow       *self,
                                        gint64          unit_id);
/* Shows an error in the window's banner, e.g. a write that was refused. */
void        st_window_show_error       (StWindow       *self,
                                        const char     *title,
                                        const GError   *error);
/* TRUE while the "load sample data?" banner of an empty inventory is shown. */
gboolean    st_window_get_sample_offer (StWindow       *self);

G_END_DECLS
