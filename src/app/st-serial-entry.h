/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-serial-entry.h — entering the serials of a receiving line (bills, + adjustments): scanned one
 * by one, pasted many at once, ranges, or imported from a file; each one checked on the spot. */
#pragma once

#include <gtk/gtk.h>
#include "st-store.h"

G_BEGIN_DECLS

#define ST_TYPE_SERIAL_ENTRY (st_serial_entry_get_type ())
G_DECLARE_FINAL_TYPE (StSerialEntry, st_serial_entry, ST, SERIAL_ENTRY, GtkWidget)

/* Properties: "store" (StStore, for the in-stock check; may be NULL), "item" (StItem, for its
 * format and the in-stock check), "quantity" (guint), and read-only "valid" (exactly
 * @quantity valid serials) and "n-valid". */
GtkWidget  *st_serial_entry_new          (StStore       *store);
StStore    *st_serial_entry_get_store    (StSerialEntry *self);
void        st_serial_entry_set_store    (StSerialEntry *self,
                                          StStore       *store);
StItem     *st_serial_entry_get_item     (StSerialEntry *self);
void        st_serial_entry_set_item     (StSerialEntry *self,
                                          StItem        *item);
guint       st_serial_entry_get_quantity (StSerialEntry *self);
void        st_serial_entry_set_quantity (StSerialEntry *self,
                                          guint          quantity);
gboolean    st_serial_entry_get_valid    (StSerialEntry *self);
guint       st_serial_entry_get_n_valid  (StSerialEntry *self);

/* The valid serials, in the order they were entered (char*, a new array). */
GPtrArray  *st_serial_entry_get_serials  (StSerialEntry *self);
/* Every row (StSerialRow), valid or not, in order. */
GListModel *st_serial_entry_get_model    (StSerialEntry *self);

/* What a scan, a paste or an Enter does: splits @text into serials and ranges and adds them.
 * A bad range adds nothing and is shown under the entry (and returned in @error). */
gboolean    st_serial_entry_add_text     (StSerialEntry *self,
                                          const char    *text,
                                          GError       **error);
/* Adds @serials (char*) each as it is, without splitting or ranges: a saved list coming back. */
void        st_serial_entry_add_serials  (StSerialEntry *self,
                                          GPtrArray     *serials);
/* What the import file chooser does with the chosen file (asynchronously: the rows appear,
 * or the message shows, once it is read). */
void        st_serial_entry_import_file  (StSerialEntry *self,
                                          GFile         *file);
/* Marks @serial (compared as serials are) with @message, e.g. after a refused posting.
 * Returns FALSE when the list has no such serial. */
gboolean    st_serial_entry_mark_error   (StSerialEntry *self,
                                          const char    *serial,
                                          const char    *message);
/* Removes every serial. */
void        st_serial_entry_clear        (StSerialEntry *self);
/* Removes every serial marked with a problem, as "Remove N with Problems" does; returns how
 * many. */
guint       st_serial_entry_remove_problems (StSerialEntry *self);
/* The message under the entry (a refused paste or import), or NULL. */
const char *st_serial_entry_get_message  (StSerialEntry *self);

G_END_DECLS
