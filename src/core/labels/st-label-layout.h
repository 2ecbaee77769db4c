/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-label-layout.h — the label stocks SerialTrack prints on, and the barcode symbologies. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  ST_LABEL_LAYOUT_A4_3X8,        /* A4 sheet, 3 × 8 labels of 63.5 × 33.9 mm (Avery L7159) */
  ST_LABEL_LAYOUT_LETTER_3X10,   /* US Letter, 3 × 10 labels of 2 5/8 × 1 in (Avery 5160)   */
  ST_LABEL_LAYOUT_ROLL_62X29,    /* a roll of 62 × 29 mm labels, one label a page          */
} StLabelLayout;
#define ST_N_LABEL_LAYOUTS 3

typedef enum
{
  ST_LABEL_CODE_128,
  ST_LABEL_CODE_QR,
} StLabelCode;
#define ST_N_LABEL_CODES 2

/* Where the labels of a layout sit on its page, in points (1/72 in), from the page's top left
 * corner; label (column c, row r) starts at (left + c × pitch_x, top + r × pitch_y). */
typedef struct
{
  double page_width;
  double page_height;
  guint  columns;
  guint  rows;
  double left;
  double top;
  double pitch_x;
  double pitch_y;
  double label_width;
  double label_height;
} StLabelGeometry;

const StLabelGeometry *st_label_layout_get_geometry (StLabelLayout  layout);
/* Labels on one page. */
guint        st_label_layout_get_per_page  (StLabelLayout  layout);
/* The machine name of the CLI ("a4-3x8") and its inverse (FALSE for an unknown name). */
const char  *st_label_layout_to_name       (StLabelLayout  layout);
gboolean     st_label_layout_from_name     (const char    *name,
                                            StLabelLayout *layout);
/* Translated, for choosers: "A4 sheet, 3 × 8 labels". */
const char  *st_label_layout_to_label      (StLabelLayout  layout);
/* "code128", "qr" and their inverse. */
const char  *st_label_code_to_name         (StLabelCode    code);
gboolean     st_label_code_from_name       (const char    *name,
                                            StLabelCode   *code);
/* Translated: "Code 128", "QR code". */
const char  *st_label_code_to_label        (StLabelCode    code);

G_END_DECLS
