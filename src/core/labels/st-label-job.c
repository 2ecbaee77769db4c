/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-label-job.c — a set of labels, laid out on pages and drawn one page at a time. */
#define G_LOG_DOMAIN "st-labels"

#include "config.h"

#include <glib/gi18n.h>

#include "st-document.h"
#include "st-error.h"
#include "st-label-job.h"
#include "st-label-private.h"
#include "st-unit.h"

typedef struct
{
  char *serial;
  char *sku;
  char *item_name;
} Label;

struct _StLabelJob
{
  GObject        parent_instance;

  StLabelLayout  layout;
  StLabelCode    code;
  guint          skip;
  guint          copies;
  GArray        *labels;   /* Label */
};

G_DEFINE_FINAL_TYPE (StLabelJob, st_label_job, G_TYPE_OBJECT)

static void
label_clear (gpointer data)
{
  Label *label = data;

  g_free (label->serial);
  g_free (label->sku);
  g_free (label->item_name);
}

static void
st_label_job_finalize (GObject *object)
{
  StLabelJob *self = ST_LABEL_JOB (object);

  g_clear_pointer (&self->labels, g_array_unref);
  G_OBJECT_CLASS (st_label_job_parent_class)->finalize (object);
}

static void
st_label_job_class_init (StLabelJobClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = st_label_job_finalize;
}

static void
st_label_job_init (StLabelJob *self)
{
  self->copies = 1;
  self->labels = g_array_new (FALSE, TRUE, sizeof (Label));
  g_array_set_clear_func (self->labels, label_clear);
}

StLabelJob *
st_label_job_new (StLabelLayout layout,
                  StLabelCode   code)
{
  StLabelJob *self;

  g_return_val_if_fail (layout < ST_N_LABEL_LAYOUTS, NULL);
  g_return_val_if_fail (code < ST_N_LABEL_CODES, NULL);
  self = g_object_new (ST_TYPE_LABEL_JOB, NULL);
  self->layout = layout;
  self->code = code;
  return self;
}

StLabelLayout
st_label_job_get_layout (StLabelJob *self)
{
  g_return_val_if_fail (ST_IS_LABEL_JOB (self), ST_LABEL_LAYOUT_A4_3X8);
  return self->layout;
}

void
st_label_job_set_layout (StLabelJob    *self,
                         StLabelLayout  layout)
{
  g_return_if_fail (ST_IS_LABEL_JOB (self));
  g_return_if_fail (layout < ST_N_LABEL_LAYOUTS);
  self->layout = layout;
  /* A skip that the new layout's page cannot hold would leave whole pages blank. */
  self->skip = MIN (self->skip, st_label_layout_get_per_page (layout) - 1);
}

StLabelCode
st_label_job_get_code (StLabelJob *self)
{
  g_return_val_if_fail (ST_IS_LABEL_JOB (self), ST_LABEL_CODE_128);
  return self->code;
}

void
st_label_job_set_code (StLabelJob  *self,
                       StLabelCode  code)
{
  g_return_if_fail (ST_IS_LABEL_JOB (self));
  g_return_if_fail (code < ST_N_LABEL_CODES);
  self->code = code;
}

guint
st_label_job_get_skip (StLabelJob *self)
{
  g_return_val_if_fail (ST_IS_LABEL_JOB (self), 0);
  return self->skip;
}

gboolean
st_label_job_set_skip (StLabelJob  *self,
                       guint        skip,
                       GError     **error)
{
  guint per_page;

  g_return_val_if_fail (ST_IS_LABEL_JOB (self), FALSE);
  per_page = st_label_layout_get_per_page (self->layout);
  if (skip >= per_page)
    {
      if (per_page == 1)
        g_set_error (error, ST_ERROR, ST_ERROR_INVALID_INPUT,
                     /* Translators: %s is a kind of label stock ("Roll, 62 × 29 mm labels") */
                     _("Nothing can be skipped on “%s”: it has one label a page"),
                     st_label_layout_to_label (self->layout));
      else
        g_set_error (error, ST_ERROR, ST_ERROR_INVALID_INPUT,
                     /* Translators: %1$u is a number of labels, %2$s a kind of label stock;
                      * the sentence is about how many labels may be skipped */
                     g_dngettext (GETTEXT_PACKAGE,
                                  "At most %1$u label can be skipped on “%2$s”",
                                  "At most %1$u labels can be skipped on “%2$s”",
                                  per_page - 1),
                     per_page - 1, st_label_layout_to_label (self->layout));
      return FALSE;
    }
  self->skip = skip;
  return TRUE;
}

guint
st_label_job_get_copies (StLabelJob *self)
{
  g_return_val_if_fail (ST_IS_LABEL_JOB (self), 1);
  return self->copies;
}

gboolean
st_label_job_set_copies (StLabelJob  *self,
                         guint        copies,
                         GError     **error)
{
  g_return_val_if_fail (ST_IS_LABEL_JOB (self), FALSE);
  if (copies < 1 || copies > ST_LABEL_MAX_COPIES)
    {
      g_set_error (error, ST_ERROR, ST_ERROR_INVALID_INPUT,
                   /* Translators: %u is the largest number of copies */
                   _("Copies must be a whole number from 1 to %u"), ST_LABEL_MAX_COPIES);
      return FALSE;
    }
  self->copies = copies;
  return TRUE;
}

void
st_label_job_add (StLabelJob *self,
                  const char *serial,
                  const char *sku,
                  const char *item_name)
{
  Label label;

  g_return_if_fail (ST_IS_LABEL_JOB (self));
  g_return_if_fail (serial != NULL);
  label.serial = g_strdup (serial);
  label.sku = g_strdup (sku);
  label.item_name = g_strdup (item_name);
  g_array_append_val (self->labels, label);
}

void
st_label_job_add_unit (StLabelJob *self,
                       StUnit     *unit)
{
  g_return_if_fail (ST_IS_UNIT (unit));
  st_label_job_add (self, st_unit_get_serial (unit), st_unit_get_sku (unit),
                    st_unit_get_item_name (unit));
}

void
st_label_job_add_document (StLabelJob *self,
                           StDocument *document)
{
  GPtrArray *lines;

  g_return_if_fail (ST_IS_DOCUMENT (document));
  lines = st_document_get_lines (document);
  for (guint i = 0; lines != NULL && i < lines->len; i++)
    {
      const StDocumentLine *line = g_ptr_array_index (lines, i);

      for (guint j = 0; line->serials != NULL && j < line->serials->len; j++)
        st_label_job_add (self, g_ptr_array_index (line->serials, j), line->sku,
                          line->item_name);
    }
}

guint
st_label_job_get_n_units (StLabelJob *self)
{
  g_return_val_if_fail (ST_IS_LABEL_JOB (self), 0);
  return self->labels->len;
}

guint
st_label_job_get_n_labels (StLabelJob *self)
{
  g_return_val_if_fail (ST_IS_LABEL_JOB (self), 0);
  return self->labels->len * self->copies;
}

guint
st_label_job_get_n_pages (StLabelJob *self)
{
  guint per_page;

  g_return_val_if_fail (ST_IS_LABEL_JOB (self), 0);
  if (self->labels->len == 0)
    return 0;
  per_page = st_label_layout_get_per_page (self->layout);
  return (self->skip + st_label_job_get_n_labels (self) + per_page - 1) / per_page;
}

gboolean
st_label_job_check (StLabelJob  *self,
                    GError     **error)
{
  const StLabelGeometry *geometry;
  const StLabelLibs *libs;

  g_return_val_if_fail (ST_IS_LABEL_JOB (self), FALSE);
  if (self->labels->len == 0)
    {
      g_set_error (error, ST_ERROR, ST_ERROR_INVALID_INPUT, _("There are no units to label"));
      return FALSE;
    }
  if ((libs = _st_label_libs_get (error)) == NULL)
    return FALSE;
  geometry = st_label_layout_get_geometry (self->layout);
  for (guint i = 0; i < self->labels->len; i++)
    {
      const Label *label = &g_array_index (self->labels, Label, i);

      if (!_st_label_check (libs, self->code, label->serial, geometry->label_width,
                            geometry->label_height, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
check_cairo (const StLabelLibs  *libs,
             cairo_t            *cr,
             GError            **error)
{
  cairo_status_t status = libs->cairo_status (cr);

  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;
  g_set_error (error, ST_ERROR, ST_ERROR_FAILED,
               /* Translators: %s is cairo's reason (in English) */
               _("Cannot draw the labels: %s"), libs->cairo_status_to_string (status));
  return FALSE;
}

static gboolean
draw_page (StLabelJob         *self,
           StLabelPainter     *painter,
           cairo_t            *cr,
           guint               page,
           GError            **error)
{
  const StLabelGeometry *geometry = st_label_layout_get_geometry (self->layout);
  guint per_page = geometry->columns * geometry->rows;
  guint n_labels = st_label_job_get_n_labels (self);

  for (guint place = 0; place < per_page; place++)
    {
      guint slot = page * per_page + place;
      const Label *label;
      guint index;

      if (slot < self->skip)
        continue;
      index = slot - self->skip;
      if (index >= n_labels)
        break;
      label = &g_array_index (self->labels, Label, index / self->copies);
      if (!_st_label_draw (painter, self->code, label->serial, label->sku, label->item_name,
                           geometry->left + (place % geometry->columns) * geometry->pitch_x,
                           geometry->top + (place / geometry->columns) * geometry->pitch_y,
                           geometry->label_width, geometry->label_height, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
st_label_job_draw_page (StLabelJob  *self,
                        cairo_t     *cr,
                        guint        page,
                        GError     **error)
{
  g_autoptr(StLabelPainter) painter = NULL;
  const StLabelLibs *libs;

  g_return_val_if_fail (ST_IS_LABEL_JOB (self), FALSE);
  g_return_val_if_fail (cr != NULL, FALSE);
  if ((libs = _st_label_libs_get (error)) == NULL)
    return FALSE;
  painter = _st_label_painter_new (libs, cr);
  return draw_page (self, painter, cr, page, error) && check_cairo (libs, cr, error);
}

/* PDF output. */

typedef struct
{
  GOutputStream *stream;
  GCancellable  *cancellable;
  GError        *error;
} Writer;

static cairo_status_t
write_cb (void                *closure,
          const unsigned char *data,
          unsigned int         length)
{
  Writer *writer = closure;

  if (writer->error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;
  if (!g_output_stream_write_all (writer->stream, data, length, NULL, writer->cancellable,
                                  &writer->error))
    return CAIRO_STATUS_WRITE_ERROR;
  return CAIRO_STATUS_SUCCESS;
}

static gboolean
refuse_existing (GFile   *file,
                 GError **error)
{
  g_autofree char *name = g_file_get_parse_name (file);

  g_set_error (error, ST_ERROR, ST_ERROR_DUPLICATE,
               /* Translators: %s is a file name */
               _("“%s” already exists; choose another name or allow replacing it"), name);
  return FALSE;
}

static gboolean
io_error (GFile        *file,
          const GError *cause,
          GError      **error)
{
  g_autofree char *name = g_file_get_parse_name (file);

  if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_set_error (error, ST_ERROR, ST_ERROR_CANCELLED, _("The labels were cancelled"));
  else
    g_set_error (error, ST_ERROR, ST_ERROR_IO,
                 /* Translators: %1$s is a file name, %2$s the system's reason */
                 _("Cannot write “%1$s”: %2$s"), name, cause->message);
  return FALSE;
}

static gboolean
write_pages (StLabelJob         *self,
             const StLabelLibs  *libs,
             Writer             *writer,
             GError            **error)
{
  const StLabelGeometry *geometry = st_label_layout_get_geometry (self->layout);
  g_autoptr(StLabelPainter) painter = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  guint n_pages = st_label_job_get_n_pages (self);
  gboolean ok = TRUE;

  surface = libs->cairo_pdf_surface_create_for_stream (write_cb, writer, geometry->page_width,
                                                       geometry->page_height);
  libs->cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "SerialTrack");
  /* Translators: the title of a PDF file of labels */
  libs->cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, _("Labels"));
  cr = libs->cairo_create (surface);
  painter = _st_label_painter_new (libs, cr);
  /* Each page goes out as it is finished: memory stays flat however many labels there are. */
  for (guint page = 0; ok && page < n_pages; page++)
    {
      ok = draw_page (self, painter, cr, page, error);
      if (ok)
        {
          libs->cairo_show_page (cr);
          ok = check_cairo (libs, cr, error);
        }
      if (ok && g_cancellable_set_error_if_cancelled (writer->cancellable, &writer->error))
        ok = FALSE;
    }
  g_clear_pointer (&painter, _st_label_painter_free);
  libs->cairo_destroy (cr);
  libs->cairo_surface_finish (surface);
  if (ok && writer->error == NULL && libs->cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, ST_ERROR, ST_ERROR_FAILED, _("Cannot draw the labels: %s"),
                   libs->cairo_status_to_string (libs->cairo_surface_status (surface)));
      ok = FALSE;
    }
  libs->cairo_surface_destroy (surface);
  return ok;
}

gboolean
st_label_job_write_pdf (StLabelJob    *self,
                        const char    *path,
                        gboolean       overwrite,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GCancellable) abandon = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GError) draw_error = NULL;
  const StLabelLibs *libs;
  Writer writer = { 0 };
  gboolean ok;

  g_return_val_if_fail (ST_IS_LABEL_JOB (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!st_label_job_check (self, error) || (libs = _st_label_libs_get (error)) == NULL)
    return FALSE;
  file = g_file_new_for_path (path);
  if (!overwrite && g_file_query_exists (file, NULL))
    return refuse_existing (file, error);
  /* GIO writes beside the target and renames on a successful close. */
  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, cancellable, &local_error);
  if (stream == NULL)
    return io_error (file, local_error, error);

  writer.stream = G_OUTPUT_STREAM (stream);
  writer.cancellable = cancellable;
  ok = write_pages (self, libs, &writer, &draw_error);
  if (writer.error != NULL)
    {
      /* cairo's own report of a failed write says less than GIO's. */
      io_error (file, writer.error, error);
      g_clear_error (&writer.error);
      ok = FALSE;
    }
  else if (!ok)
    g_propagate_error (error, g_steal_pointer (&draw_error));
  if (!ok)
    {
      /* Closing through a cancelled cancellable drops the temporary file. */
      abandon = g_cancellable_new ();
      g_cancellable_cancel (abandon);
      g_output_stream_close (G_OUTPUT_STREAM (stream), abandon, NULL);
      return FALSE;
    }
  if (!g_output_stream_close (G_OUTPUT_STREAM (stream), cancellable, &local_error))
    return io_error (file, local_error, error);
  return TRUE;
}
