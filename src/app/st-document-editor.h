/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-document-editor.h — the dialog that makes and posts a document of any kind. */
#pragma once

#include <gtk/gtk.h>
#include "st-store.h"
#include "st-editor-line.h"
#include "st-store-drafts.h"

G_BEGIN_DECLS

#define ST_TYPE_DOCUMENT_EDITOR (st_document_editor_get_type ())
G_DECLARE_FINAL_TYPE (StDocumentEditor, st_document_editor, ST, DOCUMENT_EDITOR, GtkWindow)

/* A modal dialog for a new document of @kind.  Post is enabled once the form is complete
 * (contact, number, warehouses, reason as the kind needs, at least one line, every serial
 * line with exactly its quantity of valid serials).  Posting runs in a thread on its own
 * connection to @store's file; on success the dialog emits "posted" (StDocument) and closes,
 * on refusal it shows the core's message and marks the serial it names. */
StDocumentEditor *st_document_editor_new          (GtkWindow        *parent,
                                                   StStore          *store,
                                                   StDocKind         kind);
/* The editor of a saved draft (st-store-drafts.h): the form filled as it was saved.  Post posts
 * it in the draft's place (the draft becomes the document, in one transaction); Save as Draft
 * saves it again under its number. */
StDocumentEditor *st_document_editor_new_for_draft (GtkWindow          *parent,
                                                    StStore            *store,
                                                    const StSavedDraft *saved);
StDocKind         st_document_editor_get_kind     (StDocumentEditor *self);
/* A return's form filled in from @reference, a posted invoice (sales return) or bill (vendor
 * return): its contact, its number as the reference, and a line an item with the units still
 * to come back picked (Return… on an invoice, Return to Vendor… on a bill). */
void              st_document_editor_fill_return  (StDocumentEditor *self,
                                                   StDocument       *reference);
/* Saves the form as it stands as a draft (a new one, or the draft it shows), as "Save as
 * Draft" does, in the store's worker (the editor waits as while posting): once written, emits
 * "draft-saved" and closes; refused, shows why.  FALSE (with the message shown) when nothing
 * was started: a form that cannot be saved, or while posting or saving. */
gboolean          st_document_editor_save_draft   (StDocumentEditor *self);
/* The number of the draft the editor shows, or NULL. */
const char       *st_document_editor_get_draft_number (StDocumentEditor *self);

/* The lines, first to last (StEditorLine), and adding one as "Add Line" does. */
guint             st_document_editor_get_n_lines  (StDocumentEditor *self);
StEditorLine     *st_document_editor_get_line     (StDocumentEditor *self,
                                                   guint             index);
StEditorLine     *st_document_editor_add_line     (StDocumentEditor *self);

/* TRUE when Post is enabled; otherwise st_document_editor_get_problem() says why. */
gboolean          st_document_editor_can_post     (StDocumentEditor *self);
const char       *st_document_editor_get_problem  (StDocumentEditor *self);
/* Starts posting, as the Post button does.  FALSE when the form is not complete. */
gboolean          st_document_editor_post         (StDocumentEditor *self);
gboolean          st_document_editor_is_posting   (StDocumentEditor *self);
/* The sum of the lines' known amounts, as shown under the lines; FALSE when none is known. */
gboolean          st_document_editor_get_total    (StDocumentEditor *self,
                                                   gint64           *total);
/* The refusal shown under the lines, or NULL. */
const char       *st_document_editor_get_error    (StDocumentEditor *self);

G_END_DECLS
