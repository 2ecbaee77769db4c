/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-export-dialog.h — Excel exports from the window: a native file chooser, then a small
 * progress window while a thread writes the workbook (Cancel leaves no file), then a toast
 * with "Open" in the main window. */
#pragma once

#include <gtk/gtk.h>
#include "st-export.h"
#include "st-store.h"

G_BEGIN_DECLS

#define ST_TYPE_EXPORT_DIALOG (st_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (StExportDialog, st_export_dialog, ST, EXPORT_DIALOG, GtkWindow)

/* Asks where to save (suggesting @suggested_name in the last folder used, else Documents),
 * then starts the export as st_export_dialog_start_history() does. */
void            st_export_dialog_choose_history (GtkWindow            *parent,
                                                 StStore              *store,
                                                 const StHistoryScope *scope,
                                                 const char           *suggested_name);
/* The same for the sold-serials report; @from and @to are ISO dates or NULL (open end). */
void            st_export_dialog_choose_sold    (GtkWindow            *parent,
                                                 StStore              *store,
                                                 const char           *from,
                                                 const char           *to);
/* The same for a stock count's report workbook (st_export_count()). */
void            st_export_dialog_choose_count   (GtkWindow            *parent,
                                                 StStore              *store,
                                                 const char           *number);

/* What the chooser's response starts: writes @path in a thread, on a connection of its own
 * to @store's file, with a progress window transient for @parent.  @overwrite: the user
 * agreed to replace @path.  "finished" is emitted at the end; on success the window closes
 * and the StWindow it belongs to shows a toast with "Open"; a failure stays shown. */
StExportDialog *st_export_dialog_start_history  (GtkWindow            *parent,
                                                 StStore              *store,
                                                 const StHistoryScope *scope,
                                                 const char           *path,
                                                 gboolean              overwrite);
StExportDialog *st_export_dialog_start_sold     (GtkWindow            *parent,
                                                 StStore              *store,
                                                 const char           *from,
                                                 const char           *to,
                                                 const char           *path,
                                                 gboolean              overwrite);
StExportDialog *st_export_dialog_start_count    (GtkWindow            *parent,
                                                 StStore              *store,
                                                 const char           *number,
                                                 const char           *path,
                                                 gboolean              overwrite);
/* As the Cancel button does. */
void            st_export_dialog_cancel         (StExportDialog       *self);
gboolean        st_export_dialog_get_running    (StExportDialog       *self);
/* The share done, as the progress bar shows it (0.0–1.0). */
double          st_export_dialog_get_fraction   (StExportDialog       *self);

/* @name with what a file name cannot hold (/ \ : * ? " < > |, control characters) made "-". */
char           *st_export_dialog_clean_file_name (const char          *name);
/* A selection exported unit by unit (its ids passed on) stops here; a whole item, or every
 * unit, is exported without a list of ids, however many units it has. */
#define ST_EXPORT_SELECTION_MAX 100000

/* The histories of the units at the @selected positions of a lazy unit list (only those rows
 * are read), through st_export_dialog_choose_history(): one unit suggests "history-SERIAL.xlsx",
 * more @several_name.  Over ST_EXPORT_SELECTION_MAX units, @too_many (a format with %s for
 * that number, from ngettext() with ST_EXPORT_SELECTION_MAX) is shown in @parent instead. */
void            st_export_dialog_choose_selected_units (GtkWindow  *parent,
                                                        StStore    *store,
                                                        GListModel *units,
                                                        GtkBitset  *selected,
                                                        const char *several_name,
                                                        const char *too_many);

G_END_DECLS
