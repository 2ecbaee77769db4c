/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-label-draw.c — one label: the barcode of the serial (libzint's vector output, drawn as
 * cairo rectangles and hexagons), the serial as text, SKU and item name shortened to fit. */
#define G_LOG_DOMAIN "st-labels"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n.h>

#include "st-error.h"
#include "st-label-private.h"

#define MM(x) ((x) * 72.0 / 25.4)

/* The symbol and its quiet zones stay this far inside the label's edge (a printer's
 * misregistration); the text stays further in. */
#define EDGE   MM (1.0)
#define PAD_X  MM (2.0)
#define PAD_Y  MM (1.5)
/* Module (narrowest bar, QR cell) sizes: below the smallest a 300 dpi print or an ordinary
 * scanner no longer reads it reliably; above the largest a short serial's barcode would be
 * needlessly wide. */
#define C128_MIN_MODULE  MM (0.19)
#define C128_MAX_MODULE  MM (0.5)
#define C128_QUIET       10   /* modules each side (ISO/IEC 15417) */
#define QR_MIN_MODULE    MM (0.25)
#define QR_MAX_MODULE    MM (1.0)
#define QR_QUIET         4    /* modules all round (ISO/IEC 18004) */
/* Text sizes in points, and the smallest the serial is shrunk to before it wraps. */
#define TEXT_SIZE        7.0
#define SERIAL_SIZE      8.5
#define SERIAL_MIN_SIZE  5.5

struct _StLabelPainter
{
  const StLabelLibs    *libs;
  cairo_t              *cr;
  PangoLayout          *layout;
  PangoFontDescription *text_font;
  PangoFontDescription *bold_font;
  PangoFontDescription *serial_font;
};

StLabelPainter *
_st_label_painter_new (const StLabelLibs *libs,
                       cairo_t           *cr)
{
  StLabelPainter *painter = g_new0 (StLabelPainter, 1);

  painter->libs = libs;
  painter->cr = cr;
  painter->layout = libs->pango_cairo_create_layout (cr);
  painter->text_font = libs->pango_font_description_from_string ("Sans");
  libs->pango_font_description_set_absolute_size (painter->text_font, TEXT_SIZE * PANGO_SCALE);
  painter->bold_font = libs->pango_font_description_from_string ("Sans Bold");
  libs->pango_font_description_set_absolute_size (painter->bold_font, TEXT_SIZE * PANGO_SCALE);
  painter->serial_font = libs->pango_font_description_from_string ("Sans Bold");
  return painter;
}

void
_st_label_painter_free (StLabelPainter *painter)
{
  g_clear_object (&painter->layout);
  painter->libs->pango_font_description_free (painter->text_font);
  painter->libs->pango_font_description_free (painter->bold_font);
  painter->libs->pango_font_description_free (painter->serial_font);
  g_free (painter);
}

/* Encoding. */

static gboolean
is_code128_text (const char *serial)
{
  for (const char *p = serial; *p != '\0'; p++)
    if (*p < 0x20 || *p > 0x7e)
      return FALSE;
  return TRUE;
}

static struct zint_symbol *
encode (const StLabelLibs  *libs,
        StLabelCode         code,
        const char         *serial,
        GError            **error)
{
  struct zint_symbol *symbol;
  int rc;

  /* Code 128 holds Latin-1 through FNC4, which scanners read back inconsistently: only what
   * every scanner types exactly is printed that way. */
  if (code == ST_LABEL_CODE_128 && !is_code128_text (serial))
    {
      g_set_error (error, ST_ERROR, ST_ERROR_INVALID_SERIAL,
                   /* Translators: %s is a serial number */
                   _("Serial “%s” cannot be printed as Code 128, which holds only ASCII letters, "
                     "digits and signs; choose QR code"), serial);
      return NULL;
    }

  symbol = libs->ZBarcode_Create ();
  if (symbol == NULL)
    {
      g_set_error (error, ST_ERROR, ST_ERROR_FAILED, _("Out of memory"));
      return NULL;
    }
  if (code == ST_LABEL_CODE_128)
    {
      symbol->symbology = BARCODE_CODE128;
      symbol->input_mode = DATA_MODE;
    }
  else
    {
      symbol->symbology = BARCODE_QRCODE;
      symbol->input_mode = UNICODE_MODE;
      symbol->option_1 = 2;  /* error correction level M */
      /* Beyond ASCII, say UTF-8 (ECI 26): without it readers guess Latin-1 or Shift JIS. */
      if (!is_code128_text (serial))
        symbol->eci = 26;
    }
  /* Quiet zones are ours to place: the label's edge may be part of them. */
  symbol->output_options = BARCODE_NO_QUIET_ZONES;
  symbol->show_hrt = 0;
  rc = libs->ZBarcode_Encode (symbol, (const unsigned char *) serial, (int) strlen (serial));
  if (rc < ZINT_ERROR)
    rc = libs->ZBarcode_Buffer_Vector (symbol, 0);
  if (rc >= ZINT_ERROR || symbol->vector == NULL || symbol->width <= 0)
    {
      g_set_error (error, ST_ERROR, ST_ERROR_INVALID_SERIAL,
                   /* Translators: %1$s is a serial number, %2$s a barcode symbology ("Code
                    * 128"), %3$s the encoder's reason (in English) */
                   _("Serial “%1$s” cannot be encoded as %2$s: %3$s"), serial,
                   st_label_code_to_label (code), symbol->errtxt);
      libs->ZBarcode_Delete (symbol);
      return NULL;
    }
  return symbol;
}

/* Where the symbol goes on a label: the module size, and the room the text keeps. */
typedef struct
{
  double module;
  double symbol_x;      /* the symbol's first module, from the label's left edge */
  double symbol_y;
  double bar_height;    /* Code 128 */
} Placement;

static gboolean
place (StLabelCode          code,
       struct zint_symbol  *symbol,
       const char          *serial,
       double               width,
       double               height,
       double               text_top,
       double               text_bottom,
       Placement           *out,
       GError             **error)
{
  if (code == ST_LABEL_CODE_128)
    {
      double modules = symbol->width + 2 * C128_QUIET;

      out->module = MIN (C128_MAX_MODULE, (width - 2 * EDGE) / modules);
      if (out->module < C128_MIN_MODULE)
        {
          g_set_error (error, ST_ERROR, ST_ERROR_INVALID_SERIAL,
                       /* Translators: %s is a serial number */
                       _("Serial “%s” is too long for a Code 128 barcode on labels of this size; "
                         "choose QR code or a wider label"), serial);
          return FALSE;
        }
      out->symbol_x = (width - symbol->width * out->module) / 2;
      out->symbol_y = text_top;
      out->bar_height = height - text_top - text_bottom;
    }
  else
    {
      double modules = symbol->width + 2 * QR_QUIET;
      double side = MIN (height - 2 * EDGE, width / 2);

      out->module = MIN (QR_MAX_MODULE, side / modules);
      if (out->module < QR_MIN_MODULE)
        {
          g_set_error (error, ST_ERROR, ST_ERROR_INVALID_SERIAL,
                       /* Translators: %s is a serial number */
                       _("Serial “%s” is too long for a QR code on labels of this size; choose "
                         "a bigger label"), serial);
          return FALSE;
        }
      out->symbol_x = EDGE + QR_QUIET * out->module;
      out->symbol_y = (height - symbol->width * out->module) / 2;
      out->bar_height = 0;
    }
  return TRUE;
}

/* Room the item's line takes above a Code 128 symbol. */
#define C128_TEXT_TOP     (PAD_Y + TEXT_SIZE * 1.3 + MM (0.8))

gboolean
_st_label_check (const StLabelLibs  *libs,
                 StLabelCode         code,
                 const char         *serial,
                 double              width,
                 double              height,
                 GError            **error)
{
  struct zint_symbol *symbol = encode (libs, code, serial, error);
  Placement placement;
  gboolean ok;

  if (symbol == NULL)
    return FALSE;
  /* The bars' height does not decide whether a symbol fits: the text below does not matter. */
  ok = place (code, symbol, serial, width, height, C128_TEXT_TOP, 0, &placement, error);
  libs->ZBarcode_Delete (symbol);
  return ok;
}

/* Drawing. */

static void
draw_symbol (StLabelPainter     *painter,
             StLabelCode         code,
             struct zint_symbol *symbol,
             const Placement    *placement)
{
  const StLabelLibs *libs = painter->libs;
  cairo_t *cr = painter->cr;
  /* libzint's vector units per module. */
  double unit = symbol->vector->width / symbol->width;
  double scale = placement->module / unit;

  libs->cairo_save (cr);
  libs->cairo_translate (cr, placement->symbol_x, placement->symbol_y);
  libs->cairo_set_source_rgb (cr, 0, 0, 0);
  libs->cairo_new_path (cr);
  for (struct zint_vector_rect *r = symbol->vector->rectangles; r != NULL; r = r->next)
    {
      if (r->colour > 0 && r->colour != 7)  /* only the foreground (and black) are bars */
        continue;
      if (code == ST_LABEL_CODE_128)
        libs->cairo_rectangle (cr, r->x * scale, 0, r->width * scale, placement->bar_height);
      else
        libs->cairo_rectangle (cr, r->x * scale, r->y * scale, r->width * scale,
                               r->height * scale);
    }
  for (struct zint_vector_hexagon *h = symbol->vector->hexagons; h != NULL; h = h->next)
    {
      double radius = h->diameter * scale / 2;
      double offset = h->rotation == 90 || h->rotation == 270 ? 0 : G_PI / 6;

      for (int i = 0; i < 6; i++)
        {
          double angle = offset + i * G_PI / 3;
          double px = h->x * scale + radius * cos (angle);
          double py = h->y * scale + radius * sin (angle);

          if (i == 0)
            libs->cairo_move_to (cr, px, py);
          else
            libs->cairo_line_to (cr, px, py);
        }
      libs->cairo_close_path (cr);
    }
  libs->cairo_fill (cr);
  libs->cairo_restore (cr);
}

/* Sets @text into the painter's layout at @width points, on at most @lines lines, shortened
 * with an ellipsis where it does not fit; returns its height in points. */
static double
set_text (StLabelPainter             *painter,
          const PangoFontDescription *font,
          const char                 *text,
          gboolean                    markup,
          double                      width,
          int                         lines,
          PangoWrapMode               wrap,
          PangoEllipsizeMode          ellipsize,
          PangoAlignment              alignment)
{
  const StLabelLibs *libs = painter->libs;
  PangoLayout *layout = painter->layout;
  int w, h;

  libs->pango_layout_set_font_description (layout, font);
  libs->pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  libs->pango_layout_set_wrap (layout, wrap);
  libs->pango_layout_set_height (layout, -lines);
  libs->pango_layout_set_ellipsize (layout, ellipsize);
  libs->pango_layout_set_alignment (layout, alignment);
  if (markup)
    libs->pango_layout_set_markup (layout, text, -1);
  else
    libs->pango_layout_set_text (layout, text, -1);
  libs->pango_layout_get_size (layout, &w, &h);
  return (double) h / PANGO_SCALE;
}

static void
show_text (StLabelPainter *painter,
           double          x,
           double          y)
{
  painter->libs->cairo_move_to (painter->cr, x, y);
  painter->libs->pango_cairo_show_layout (painter->cr, painter->layout);
}

/* The serial, as large as fits on @lines lines (between SERIAL_MIN_SIZE and SERIAL_SIZE),
 * broken anywhere when it has to be; returns its height. */
static double
set_serial (StLabelPainter *painter,
            const char     *serial,
            double          width,
            int             lines,
            PangoAlignment  alignment)
{
  const StLabelLibs *libs = painter->libs;
  int natural_w, natural_h;
  double size;

  libs->pango_font_description_set_absolute_size (painter->serial_font,
                                                  SERIAL_SIZE * PANGO_SCALE);
  libs->pango_layout_set_font_description (painter->layout, painter->serial_font);
  libs->pango_layout_set_width (painter->layout, -1);
  libs->pango_layout_set_height (painter->layout, -1);
  libs->pango_layout_set_ellipsize (painter->layout, PANGO_ELLIPSIZE_NONE);
  libs->pango_layout_set_text (painter->layout, serial, -1);
  libs->pango_layout_get_size (painter->layout, &natural_w, &natural_h);
  size = SERIAL_SIZE;
  if (natural_w > width * PANGO_SCALE)
    size = MAX (SERIAL_MIN_SIZE, SERIAL_SIZE * width * PANGO_SCALE / natural_w);
  libs->pango_font_description_set_absolute_size (painter->serial_font, size * PANGO_SCALE);
  return set_text (painter, painter->serial_font, serial, FALSE, width, lines, PANGO_WRAP_CHAR,
                   PANGO_ELLIPSIZE_MIDDLE, alignment);
}

static char *
item_markup (const char *sku,
             const char *item_name)
{
  if (sku != NULL && *sku != '\0' && item_name != NULL && *item_name != '\0')
    return g_markup_printf_escaped ("<b>%s</b>  %s", sku, item_name);
  if (sku != NULL && *sku != '\0')
    return g_markup_printf_escaped ("<b>%s</b>", sku);
  return g_markup_printf_escaped ("%s", item_name != NULL ? item_name : "");
}

gboolean
_st_label_draw (StLabelPainter  *painter,
                StLabelCode      code,
                const char      *serial,
                const char      *sku,
                const char      *item_name,
                double           x,
                double           y,
                double           width,
                double           height,
                GError         **error)
{
  const StLabelLibs *libs = painter->libs;
  struct zint_symbol *symbol = encode (libs, code, serial, error);
  Placement placement;
  double serial_height = 0;

  if (symbol == NULL)
    return FALSE;
  /* Under Code 128 bars, the bars take what the serial leaves. */
  if (code == ST_LABEL_CODE_128)
    serial_height = set_serial (painter, serial, width - 2 * PAD_X, 2, PANGO_ALIGN_CENTER);
  if (!place (code, symbol, serial, width, height, C128_TEXT_TOP,
              PAD_Y + serial_height + MM (0.6), &placement, error))
    {
      libs->ZBarcode_Delete (symbol);
      return FALSE;
    }

  libs->cairo_save (painter->cr);
  libs->cairo_translate (painter->cr, x, y);
  draw_symbol (painter, code, symbol, &placement);
  libs->cairo_set_source_rgb (painter->cr, 0, 0, 0);

  if (code == ST_LABEL_CODE_128)
    {
      g_autofree char *markup = item_markup (sku, item_name);
      double text_width = width - 2 * PAD_X;

      /* The serial right under the bars (the layout still holds it), then the item above. */
      show_text (painter, PAD_X, placement.symbol_y + placement.bar_height + MM (0.6));
      set_text (painter, painter->text_font, markup, TRUE, text_width, 1, PANGO_WRAP_WORD,
                PANGO_ELLIPSIZE_END, PANGO_ALIGN_CENTER);
      show_text (painter, PAD_X, PAD_Y);
    }
  else
    {
      double text_x = placement.symbol_x + (symbol->width + QR_QUIET) * placement.module;
      double text_width = width - text_x - PAD_X;
      double top = PAD_Y;

      serial_height = set_serial (painter, serial, text_width, 3, PANGO_ALIGN_LEFT);
      show_text (painter, text_x, height - PAD_Y - serial_height);
      if (sku != NULL && *sku != '\0')
        {
          top += set_text (painter, painter->bold_font, sku, FALSE, text_width, 1,
                           PANGO_WRAP_CHAR, PANGO_ELLIPSIZE_END, PANGO_ALIGN_LEFT);
          show_text (painter, text_x, PAD_Y);
        }
      if (item_name != NULL && *item_name != '\0')
        {
          /* As many lines as leave the serial its room. */
          int lines = (int) ((height - PAD_Y - serial_height - top) / (TEXT_SIZE * 1.25));

          if (lines > 0)
            {
              set_text (painter, painter->text_font, item_name, FALSE, text_width, MIN (lines, 3),
                        PANGO_WRAP_WORD_CHAR, PANGO_ELLIPSIZE_END, PANGO_ALIGN_LEFT);
              show_text (painter, text_x, top);
            }
        }
    }

  libs->cairo_restore (painter->cr);
  libs->ZBarcode_Delete (symbol);
  return TRUE;
}
