/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-editor-line.h — one line of the document editor: item, quantity, rate, and its serials
 * (a serial entry on receiving lines, the serial picker on picking lines). */
#pragma once

#include <gtk/gtk.h>
#include "st-store.h"
#include "st-serial-picker.h"

G_BEGIN_DECLS

#define ST_TYPE_EDITOR_LINE (st_editor_line_get_type ())
G_DECLARE_FINAL_TYPE (StEditorLine, st_editor_line, ST, EDITOR_LINE, GtkWidget)

/* @items: the items to choose from (StItem), shared by the editor's lines.  Emits
 * "remove-requested" for its remove button and notifies "complete" whenever it changes. */
StEditorLine   *st_editor_line_new             (StStore      *store,
                                                StDocKind     kind,
                                                GListModel   *items);
void            st_editor_line_set_index       (StEditorLine *self,
                                                guint         index);
/* Where picking lines pick from: the document's warehouse (invoices, transfers' source,
 * adjustments) or the invoice / bill a return is against.  A change drops the picked units. */
void            st_editor_line_set_context     (StEditorLine *self,
                                                const char   *warehouse,
                                                const char   *reference);

StItem         *st_editor_line_get_item        (StEditorLine *self);
void            st_editor_line_set_item        (StEditorLine *self,
                                                StItem       *item);
gint64          st_editor_line_get_quantity    (StEditorLine *self);
void            st_editor_line_set_quantity    (StEditorLine *self,
                                                gint64        quantity);
/* TRUE for a serial line that takes new serials (bills, + adjustments). */
gboolean        st_editor_line_get_receiving   (StEditorLine *self);
/* TRUE for a serial line that picks units in stock (or sold, for returns). */
gboolean        st_editor_line_get_picking     (StEditorLine *self);

/* Ready to post: item chosen, quantity and rate fine, exactly the quantity of serials. */
gboolean        st_editor_line_get_complete    (StEditorLine *self);
/* Quantity × rate (the typed rate, else the item's cost or price, a return's units' own);
 * FALSE when it is not known yet. */
gboolean        st_editor_line_get_amount      (StEditorLine *self,
                                                gint64       *amount);
/* An adjustment line's direction in words ("Add", "Write off"), "" otherwise. */
const char     *st_editor_line_get_direction   (StEditorLine *self);
/* Why not (translated), or NULL. */
const char     *st_editor_line_get_problem     (StEditorLine *self);

/* The serial entry of a receiving line (else NULL). */
GtkWidget      *st_editor_line_get_serial_entry (StEditorLine *self);
/* The picked units of a picking line (StUnit, first received first). */
GPtrArray      *st_editor_line_get_picked      (StEditorLine *self);
void            st_editor_line_set_picked      (StEditorLine *self,
                                                GPtrArray    *units);
/* Opens the picker as "Choose Serials…" does, and returns it (owned by GTK). */
StSerialPicker *st_editor_line_open_picker     (StEditorLine *self);

/* Appends this line to @draft.  FALSE with ST_ERROR_INVALID_INPUT for a malformed rate. */
gboolean        st_editor_line_fill_draft      (StEditorLine *self,
                                                StDraft      *draft,
                                                GError      **error);
/* Appends this line to @draft as it stands, for a saved draft: no item (sku NULL), serials with
 * problems, fewer or more than the quantity, all kept; a picking line with nothing picked
 * keeps an empty list (it does not pick the oldest when posted).  FALSE with
 * ST_ERROR_INVALID_INPUT for a malformed rate only. */
gboolean        st_editor_line_fill_saved      (StEditorLine *self,
                                                StDraft      *draft,
                                                GError      **error);
/* Fills the line from a saved draft's line: its item (when it is offered), quantity, rate
 * and serials (entered ones as they were; picked ones found again by serial, even if they
 * have moved on since, so that posting names them). */
void            st_editor_line_load            (StEditorLine      *self,
                                                const StDraftLine *line);
/* After a refused posting: marks a serial of this line that @message names (in the serial
 * entry, or drops it from the picked units and says why).  TRUE when one was found. */
gboolean        st_editor_line_mark_refusal    (StEditorLine *self,
                                                const char   *message);

G_END_DECLS
