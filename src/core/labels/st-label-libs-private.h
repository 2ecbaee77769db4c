/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-label-libs-private.h — cairo, Pango and libzint, loaded when the first labels are made.
 *
 * Linking them would load some forty libraries (X11, fontconfig, freetype, harfbuzz …) into
 * every process of the core at start-up, some 25 ms that a one-shot `serialtrack-cli unit`
 * would spend on libraries it never uses (see st-xlsx-private.h for the same reason).  The
 * application has them loaded already through GTK: opening them again costs nothing there. */
#pragma once

#include <glib.h>
#include <cairo.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>
#include <zint.h>

G_BEGIN_DECLS

#define ST_LABEL_CAIRO_FUNCTIONS(F) \
  F (cairo_create) \
  F (cairo_destroy) \
  F (cairo_fill) \
  F (cairo_move_to) \
  F (cairo_line_to) \
  F (cairo_close_path) \
  F (cairo_new_path) \
  F (cairo_pdf_surface_create_for_stream) \
  F (cairo_pdf_surface_set_metadata) \
  F (cairo_pdf_surface_set_size) \
  F (cairo_rectangle) \
  F (cairo_restore) \
  F (cairo_save) \
  F (cairo_set_source_rgb) \
  F (cairo_show_page) \
  F (cairo_status) \
  F (cairo_status_to_string) \
  F (cairo_surface_destroy) \
  F (cairo_surface_finish) \
  F (cairo_surface_status) \
  F (cairo_translate)

#define ST_LABEL_PANGO_FUNCTIONS(F) \
  F (pango_font_description_free) \
  F (pango_font_description_from_string) \
  F (pango_font_description_set_absolute_size) \
  F (pango_layout_get_line_count) \
  F (pango_layout_get_size) \
  F (pango_layout_is_ellipsized) \
  F (pango_layout_is_wrapped) \
  F (pango_layout_set_alignment) \
  F (pango_layout_set_ellipsize) \
  F (pango_layout_set_font_description) \
  F (pango_layout_set_height) \
  F (pango_layout_set_markup) \
  F (pango_layout_set_text) \
  F (pango_layout_set_width) \
  F (pango_layout_set_wrap)

#define ST_LABEL_PANGOCAIRO_FUNCTIONS(F) \
  F (pango_cairo_create_layout) \
  F (pango_cairo_show_layout)

#define ST_LABEL_ZINT_FUNCTIONS(F) \
  F (ZBarcode_Buffer_Vector) \
  F (ZBarcode_Create) \
  F (ZBarcode_Delete) \
  F (ZBarcode_Encode)

typedef struct
{
#define ST_LABEL_MEMBER(name) __typeof__ (name) *name;
  ST_LABEL_CAIRO_FUNCTIONS (ST_LABEL_MEMBER)
  ST_LABEL_PANGO_FUNCTIONS (ST_LABEL_MEMBER)
  ST_LABEL_PANGOCAIRO_FUNCTIONS (ST_LABEL_MEMBER)
  ST_LABEL_ZINT_FUNCTIONS (ST_LABEL_MEMBER)
#undef ST_LABEL_MEMBER
} StLabelLibs;

/* The loaded libraries (loaded once, kept for the life of the process), or NULL with a clear
 * error naming the one that is missing. */
const StLabelLibs *_st_label_libs_get (GError **error);

G_END_DECLS
