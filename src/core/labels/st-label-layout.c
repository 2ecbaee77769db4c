/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-label-layout.c — the label stocks and symbologies (machine names, sizes). */
#define G_LOG_DOMAIN "st-labels"

#include "config.h"

#include <glib/gi18n.h>

#include "st-label-layout.h"

#define MM(x) ((x) * 72.0 / 25.4)
#define IN(x) ((x) * 72.0)

static const StLabelGeometry geometries[] = {
  /* 210 × 297 mm; 3 × 63.5 mm with two 2.5 mm gutters, centred; 8 × 33.9 mm from 12.9 mm. */
  [ST_LABEL_LAYOUT_A4_3X8] = { MM (210), MM (297), 3, 8, MM (7.25), MM (12.9),
                               MM (66), MM (33.9), MM (63.5), MM (33.9) },
  /* 8.5 × 11 in; 3/16 in side margin, 1/8 in gutters, 1/2 in top margin. */
  [ST_LABEL_LAYOUT_LETTER_3X10] = { IN (8.5), IN (11), 3, 10, IN (0.1875), IN (0.5),
                                    IN (2.75), IN (1), IN (2.625), IN (1) },
  /* A continuous roll (Brother DK-11209): the page is the label. */
  [ST_LABEL_LAYOUT_ROLL_62X29] = { MM (62), MM (29), 1, 1, 0, 0,
                                   MM (62), MM (29), MM (62), MM (29) },
};

static const char * const layout_names[] = {
  [ST_LABEL_LAYOUT_A4_3X8] = "a4-3x8",
  [ST_LABEL_LAYOUT_LETTER_3X10] = "letter-3x10",
  [ST_LABEL_LAYOUT_ROLL_62X29] = "roll-62x29",
};

static const char * const layout_labels[] = {
  /* Translators: a kind of label stock; × is the multiplication sign */
  [ST_LABEL_LAYOUT_A4_3X8] = N_("A4 sheet, 3 × 8 labels"),
  /* Translators: a kind of label stock; × is the multiplication sign */
  [ST_LABEL_LAYOUT_LETTER_3X10] = N_("US Letter sheet, 3 × 10 labels"),
  /* Translators: a kind of label stock (a label printer's roll); × is the multiplication sign */
  [ST_LABEL_LAYOUT_ROLL_62X29] = N_("Roll, 62 × 29 mm labels"),
};

static const char * const code_names[] = {
  [ST_LABEL_CODE_128] = "code128",
  [ST_LABEL_CODE_QR] = "qr",
};

static const char * const code_labels[] = {
  /* Translators: the name of a barcode symbology */
  [ST_LABEL_CODE_128] = N_("Code 128"),
  /* Translators: the name of a two-dimensional barcode symbology */
  [ST_LABEL_CODE_QR] = N_("QR code"),
};

G_STATIC_ASSERT (G_N_ELEMENTS (geometries) == ST_N_LABEL_LAYOUTS);
G_STATIC_ASSERT (G_N_ELEMENTS (layout_names) == ST_N_LABEL_LAYOUTS);
G_STATIC_ASSERT (G_N_ELEMENTS (code_names) == ST_N_LABEL_CODES);

const StLabelGeometry *
st_label_layout_get_geometry (StLabelLayout layout)
{
  g_return_val_if_fail (layout < ST_N_LABEL_LAYOUTS, NULL);
  return &geometries[layout];
}

guint
st_label_layout_get_per_page (StLabelLayout layout)
{
  g_return_val_if_fail (layout < ST_N_LABEL_LAYOUTS, 1);
  return geometries[layout].columns * geometries[layout].rows;
}

const char *
st_label_layout_to_name (StLabelLayout layout)
{
  g_return_val_if_fail (layout < ST_N_LABEL_LAYOUTS, NULL);
  return layout_names[layout];
}

gboolean
st_label_layout_from_name (const char    *name,
                           StLabelLayout *layout)
{
  for (guint i = 0; name != NULL && i < ST_N_LABEL_LAYOUTS; i++)
    if (g_str_equal (name, layout_names[i]))
      {
        *layout = i;
        return TRUE;
      }
  return FALSE;
}

const char *
st_label_layout_to_label (StLabelLayout layout)
{
  g_return_val_if_fail (layout < ST_N_LABEL_LAYOUTS, NULL);
  return _(layout_labels[layout]);
}

const char *
st_label_code_to_name (StLabelCode code)
{
  g_return_val_if_fail (code < ST_N_LABEL_CODES, NULL);
  return code_names[code];
}

gboolean
st_label_code_from_name (const char  *name,
                         StLabelCode *code)
{
  for (guint i = 0; name != NULL && i < ST_N_LABEL_CODES; i++)
    if (g_str_equal (name, code_names[i]))
      {
        *code = i;
        return TRUE;
      }
  return FALSE;
}

const char *
st_label_code_to_label (StLabelCode code)
{
  g_return_val_if_fail (code < ST_N_LABEL_CODES, NULL);
  return _(code_labels[code]);
}
