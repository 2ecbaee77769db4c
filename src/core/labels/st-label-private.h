/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-label-private.h — drawing one label (st-label-draw.c) for StLabelJob. */
#pragma once

#include "st-label-libs-private.h"
#include "st-label-layout.h"

G_BEGIN_DECLS

/* The text layouts and fonts of one cairo context, made once and used for every label drawn
 * on it. */
typedef struct _StLabelPainter StLabelPainter;

StLabelPainter *_st_label_painter_new  (const StLabelLibs *libs,
                                        cairo_t           *cr);
void            _st_label_painter_free (StLabelPainter    *painter);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (StLabelPainter, _st_label_painter_free)

/* Whether @serial can be printed as @code on a label of @width × @height points: the
 * symbology holds it and its symbol fits with quiet zones at no less than the smallest
 * module.  Refused with ST_ERROR_INVALID_SERIAL naming the serial. */
gboolean        _st_label_check        (const StLabelLibs *libs,
                                        StLabelCode        code,
                                        const char        *serial,
                                        double             width,
                                        double             height,
                                        GError           **error);
/* Draws one label with its top left corner at (@x, @y). */
gboolean        _st_label_draw         (StLabelPainter    *painter,
                                        StLabelCode        code,
                                        const char        *serial,
                                        const char        *sku,
                                        const char        *item_name,
                                        double             x,
                                        double             y,
                                        double             width,
                                        double             height,
                                        GError           **error);

G_END_DECLS
