/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include "st-store.h"

G_BEGIN_DECLS

#define ST_TYPE_DOCUMENTS_VIEW (st_documents_view_get_type ())
G_DECLARE_FINAL_TYPE (StDocumentsView, st_documents_view, ST, DOCUMENTS_VIEW, GtkWidget)

/* One class for every kind of document: bills, invoices, transfers, adjustments and the two
 * kinds of returns.  @kind is a construct-only property. */
StDocumentsView   *st_documents_view_new           (StDocKind        kind);
StDocKind          st_documents_view_get_kind      (StDocumentsView *self);
StStore           *st_documents_view_get_store     (StDocumentsView *self);
void               st_documents_view_set_store     (StDocumentsView *self,
                                                    StStore         *store);
void               st_documents_view_refresh       (StDocumentsView *self);
gboolean           st_documents_view_select_id     (StDocumentsView *self,
                                                    gint64           document_id);
/* Selects the document, scrolls to it and puts the keyboard focus on its row, clearing a
 * filter that hides it. */
gboolean           st_documents_view_show_id       (StDocumentsView *self,
                                                    gint64           document_id);
void               st_documents_view_focus_filter  (StDocumentsView *self);
GtkSelectionModel *st_documents_view_get_selection (StDocumentsView *self);
/* The selected document, as loaded with its lines for the details pane (or NULL). */
StDocument        *st_documents_view_get_document  (StDocumentsView *self);

G_END_DECLS
