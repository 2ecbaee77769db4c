/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-test-labels.h — reading a PDF of labels back the way a scanner would: every page rendered
 * at 300 dpi by pdftoppm (poppler-utils), each label's place cut out, decoded by zbarimg
 * (zbar-tools). */
#pragma once

#include <glib.h>

#include "st-label-layout.h"

G_BEGIN_DECLS

/* One string a label place of @layout, page after page, in the order labels are laid out:
 * the data of the one barcode decoded there, "" where none was, or the data of each joined
 * by "|" when there were several. */
GPtrArray *st_test_decode_labels (const char    *pdf,
                                  StLabelLayout  layout);
/* The barcode symbology zbarimg reported for the last non-empty place ("CODE-128",
 * "QR-Code"). */
const char *st_test_decoded_type  (void);

/* A valid IMEI to print: 35693803, @n in six digits, and the Luhn check digit. */
char       *st_test_imei          (guint          n);

G_END_DECLS
