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
/* The views by name: "items", "units", "bills", "invoices", "transfers", "adjustments",
 * "returns" (sales returns), "vendor-returns", "service" (the cases), "warranty-expiring",
 * "unit" (the unit page) and "service-case" (the case page).  NULL for an
 * unknown name. */
GtkWidget  *st_window_get_view         (StWindow       *self,
                                        const char     *name);
void        st_window_show_view        (StWindow       *self,
                                        const char     *name);
/* The global search, as pressing Enter in it does: the serial typed exactly (one unit) or a
 * single unit whose serial ends or starts with it opens its unit page at once.  Otherwise
 * the units those quick steps found are listed, and the search goes on in the store's worker
 * through any part of a serial and customers' and vendors' names; its list replaces them, or
 * it says that nothing matches.  New input cancels it.  Returns the number of units opened
 * or listed at once. */
guint       st_window_search_serial    (StWindow       *self,
                                        const char     *text);
/* Whether the search in the worker is still running. */
gboolean    st_window_is_searching     (StWindow       *self);
/* Shows the unit page (state and history) of one unit, a page of the window ("unit"). */
/* Shows the page of the stock count numbered @number (Back returns), and returns it. */
GtkWidget  *st_window_show_count       (StWindow       *self,
                                        const char     *number);
GtkWidget  *st_window_show_unit        (StWindow       *self,
                                        gint64          unit_id);
/* Shows a document in its kind's view, selected (clearing a filter that hides it).  FALSE,
 * with the reason in the error banner, when there is no such document. */
gboolean    st_window_show_document    (StWindow       *self,
                                        StDocKind       kind,
                                        const char     *number);
/* Shows the page of the service case numbered @number (a page of the window, "service-case").
 * FALSE, with the reason on the page, when it cannot be read. */
gboolean    st_window_show_service_case (StWindow      *self,
                                         const char    *number);
/* Opens the Open Service Case dialog with @serial filled in (may be NULL); the case opened is
 * then shown. */
GtkWindow  *st_window_open_service_case (StWindow      *self,
                                         const char    *serial);
/* Back to where the last jump (to a unit page or a document) came from, as win.back does
 * (Escape on the unit page, Alt+Left).  FALSE when there is nowhere to go back to. */
gboolean    st_window_go_back          (StWindow       *self);
/* A short message at the bottom of the window, with "Open" for @file when given. */
void        st_window_show_toast       (StWindow       *self,
                                        const char     *message,
                                        GFile          *file);
/* Shows an error in the window's banner, e.g. a write that was refused. */
void        st_window_show_error       (StWindow       *self,
                                        const char     *title,
                                        const GError   *error);
/* TRUE while the "load sample data?" banner of an empty inventory is shown. */
gboolean    st_window_get_sample_offer (StWindow       *self);

G_END_DECLS
