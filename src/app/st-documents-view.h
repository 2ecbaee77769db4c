/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-documents-view.h — the documents of one kind: a list page with the selected document's
 * lines and serials beside it, and its actions ("document.void", "document.receive"),
 * enabled when they apply to the document shown.  Saved drafts of the kind are listed first,
 * above the documents: activating one ("document.open-draft", the draft's number) reopens it
 * in the editor; "document.delete-draft" (the number) deletes it once the user confirms. */
#pragma once

#include "st-list-page.h"

G_BEGIN_DECLS

#define ST_TYPE_DOCUMENTS_VIEW (st_documents_view_get_type ())
G_DECLARE_FINAL_TYPE (StDocumentsView, st_documents_view, ST, DOCUMENTS_VIEW, StListPage)

/* One class for every kind of document: bills, invoices, transfers, adjustments and the two
 * kinds of returns.  @kind is a construct-only property. */
StDocumentsView *st_documents_view_new          (StDocKind        kind);
StDocKind        st_documents_view_get_kind     (StDocumentsView *self);
/* The selected document, as loaded with its lines for the details pane (or NULL). */
StDocument      *st_documents_view_get_document (StDocumentsView *self);
/* How many drafts are listed above the documents. */
guint            st_documents_view_get_n_drafts (StDocumentsView *self);

G_END_DECLS
