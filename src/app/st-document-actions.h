/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-document-actions.h — what can be done to documents from the window: make a new one in the
 * editor, void a posted one, receive an in-transit transfer. */
#pragma once

#include <gtk/gtk.h>
#include "st-store.h"
#include "st-document-editor.h"
#include "st-documents-view.h"

G_BEGIN_DECLS

/* Called with the voided / received document when the store did it (not on cancel or
 * refusal: a refusal is shown to the user). */
typedef void (*StDocumentActionFunc) (StDocument *document,
                                      gpointer    user_data);

/* Asks "Void INV-00003?" and voids it with st_store_void(); a refusal (a unit moved on) is
 * shown in a message dialog. */
void              st_document_actions_void          (GtkWindow            *parent,
                                                     StStore              *store,
                                                     StDocument           *document,
                                                     StDocumentActionFunc  callback,
                                                     gpointer              user_data);
/* Asks "Receive TO-00002 at Shop?" and receives it today with st_store_receive_transfer(). */
void              st_document_actions_receive       (GtkWindow            *parent,
                                                     StStore              *store,
                                                     StDocument           *document,
                                                     StDocumentActionFunc  callback,
                                                     gpointer              user_data);

/* The window's "win.new-document" action (parameter "s": the kind's machine name, as
 * st_doc_kind_to_string() gives it); install it in StWindow's class_init with
 *   gtk_widget_class_install_action (widget_class, "win.new-document", "s",
 *                                    st_document_actions_new_document);
 * It opens the editor; once posted, the window refreshes and shows the new document. */
void              st_document_actions_new_document  (GtkWidget            *window,
                                                     const char           *action_name,
                                                     GVariant             *parameter);
/* The same, returning the editor (for tests). @window is an StWindow. */
StDocumentEditor *st_document_actions_open_editor   (GtkWidget            *window,
                                                     StDocKind             kind);

/* Opens the saved draft @number (st-store-drafts.h) in the editor, as the documents view does
 * when a draft is activated; once posted, the window refreshes and shows the document.  A draft
 * that is gone (deleted elsewhere) is said so in a message dialog.  Returns the editor, or NULL. */
StDocumentEditor *st_document_actions_open_draft    (GtkWidget            *window,
                                                     const char           *number);

G_END_DECLS
