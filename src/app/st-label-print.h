/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-label-print.h — printing labels through the system print dialog (GtkPrintOperation): the
 * label stock, barcode, skip and copies in its "Labels" tab, a preview, print to PDF. */
#pragma once

#include <gtk/gtk.h>

#include "st-label-job.h"

G_BEGIN_DECLS

/* Opens the print dialog for @job (without blocking); a refusal (a serial that does not fit,
 * nothing to print) or a printing error is shown on @parent. */
void      st_label_print_run        (GtkWindow   *parent,
                                     StLabelJob  *job);
/* Prints @job into the PDF @path without a dialog, as GtkPrintOperation exports. */
gboolean  st_label_print_export     (GtkWindow   *parent,
                                     StLabelJob  *job,
                                     const char  *path,
                                     GError     **error);
/* The print operation last started by st_label_print_run() while it runs, else NULL (tests). */
GtkPrintOperation *st_label_print_get_running (void);
/* Tests: st_label_print_run() exports to @path instead of opening the dialog (NULL: the dialog
 * again). */
void      st_label_print_set_export_path_for_tests (const char *path);

G_END_DECLS
