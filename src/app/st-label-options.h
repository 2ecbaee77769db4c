/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-label-options.h — the print dialog's "Labels" tab: label stock, barcode, labels of a used
 * sheet to skip and copies of each label. */
#pragma once

#include <gtk/gtk.h>

#include "st-label-job.h"

G_BEGIN_DECLS

#define ST_TYPE_LABEL_OPTIONS (st_label_options_get_type ())
G_DECLARE_FINAL_TYPE (StLabelOptions, st_label_options, ST, LABEL_OPTIONS, GtkWidget)

/* Shows @job's settings. */
GtkWidget  *st_label_options_new         (StLabelJob     *job);
/* Puts the chosen settings into the job. */
void        st_label_options_apply       (StLabelOptions *self);
/* "24 labels on 1 page", as the tab shows it for the current choice. */
const char *st_label_options_get_summary (StLabelOptions *self);

G_END_DECLS
