/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-label-job.h — labels for a set of units: the barcode of the serial (Code 128 or QR, encoded
 * by libzint and drawn as vectors), the serial as text, SKU and item name, on sheets or a roll;
 * drawn page by page with cairo, onto a printer's page or into a PDF file. */
#pragma once

#include <gio/gio.h>
#include <cairo.h>

#include "st-types.h"
#include "st-label-layout.h"

G_BEGIN_DECLS

/* At most this many copies of each label. */
#define ST_LABEL_MAX_COPIES 100

#define ST_TYPE_LABEL_JOB (st_label_job_get_type ())
G_DECLARE_FINAL_TYPE (StLabelJob, st_label_job, ST, LABEL_JOB, GObject)

StLabelJob    *st_label_job_new            (StLabelLayout   layout,
                                            StLabelCode     code);
StLabelLayout  st_label_job_get_layout     (StLabelJob     *self);
void           st_label_job_set_layout     (StLabelJob     *self,
                                            StLabelLayout   layout);
StLabelCode    st_label_job_get_code       (StLabelJob     *self);
void           st_label_job_set_code       (StLabelJob     *self,
                                            StLabelCode     code);
/* Labels of a used sheet left blank before the first one; at most the labels of one page
 * less one (refused with ST_ERROR_INVALID_INPUT otherwise, nothing changed). */
guint          st_label_job_get_skip       (StLabelJob     *self);
gboolean       st_label_job_set_skip       (StLabelJob     *self,
                                            guint           skip,
                                            GError        **error);
/* Copies of every label, side by side: 1 to ST_LABEL_MAX_COPIES. */
guint          st_label_job_get_copies     (StLabelJob     *self);
gboolean       st_label_job_set_copies     (StLabelJob     *self,
                                            guint           copies,
                                            GError        **error);

/* The units to label, in order (@sku and @item_name may be NULL). */
void           st_label_job_add            (StLabelJob     *self,
                                            const char     *serial,
                                            const char     *sku,
                                            const char     *item_name);
void           st_label_job_add_unit       (StLabelJob     *self,
                                            StUnit         *unit);
/* Every serial of the document's lines, line by line (a posted bill: the units it brought). */
void           st_label_job_add_document   (StLabelJob     *self,
                                            StDocument     *document);
guint          st_label_job_get_n_units    (StLabelJob     *self);
/* Units × copies. */
guint          st_label_job_get_n_labels   (StLabelJob     *self);
/* Pages the labels and the skipped places take (0 without units). */
guint          st_label_job_get_n_pages    (StLabelJob     *self);

/* Encodes every serial and checks that its barcode fits the layout's label with its quiet
 * zones and at least the symbology's smallest module; refused with ST_ERROR_INVALID_SERIAL
 * naming the first serial that the symbology cannot hold or that does not fit, and with
 * ST_ERROR_INVALID_INPUT when there is nothing to print. */
gboolean       st_label_job_check          (StLabelJob     *self,
                                            GError        **error);
/* Draws page @page (from 0) onto @cr, whose user space is the page in points from its top
 * left corner (a printer's page with its full area, or a PDF page of the layout's size). */
gboolean       st_label_job_draw_page      (StLabelJob     *self,
                                            cairo_t        *cr,
                                            guint           page,
                                            GError        **error);
/* Checks, then writes every page into a PDF at @path, page by page (memory does not grow with
 * the number of labels).  An existing file is refused (ST_ERROR_DUPLICATE) unless
 * @overwrite; the file appears only when complete. */
gboolean       st_label_job_write_pdf      (StLabelJob     *self,
                                            const char     *path,
                                            gboolean        overwrite,
                                            GCancellable   *cancellable,
                                            GError        **error);

G_END_DECLS
