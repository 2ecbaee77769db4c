/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-test-labels.c — see st-test-labels.h. */

#include <string.h>
#include <glib/gstdio.h>

#include "st-test-labels.h"

#define DPI 300

static char *last_type;

typedef struct
{
  guint   width;
  guint   height;
  guchar *pixels;   /* gray, one byte a pixel */
  gsize   size;
  char   *data;
} Pgm;

/* Reads pdftoppm's binary PGM ("P5 W H 255", then the pixels). */
static void
pgm_load (const char *path,
          Pgm        *pgm)
{
  g_autoptr(GError) error = NULL;
  const char *p;
  guint maxval;
  int consumed = 0;

  g_file_get_contents (path, &pgm->data, &pgm->size, &error);
  g_assert_no_error (error);
  g_assert_true (sscanf (pgm->data, "P5 %u %u %u%n", &pgm->width, &pgm->height, &maxval,
                         &consumed) == 3);
  g_assert_cmpuint (maxval, ==, 255);
  p = pgm->data + consumed + 1;
  g_assert_cmpuint ((gsize) (p - pgm->data) + (gsize) pgm->width * pgm->height, <=, pgm->size);
  pgm->pixels = (guchar *) p;
}

static void
pgm_write_crop (const Pgm  *pgm,
                guint       x,
                guint       y,
                guint       w,
                guint       h,
                const char *path)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  w = MIN (w, pgm->width - x);
  h = MIN (h, pgm->height - y);
  g_string_append_printf (out, "P5\n%u %u\n255\n", w, h);
  for (guint row = 0; row < h; row++)
    g_string_append_len (out, (const char *) pgm->pixels + (gsize) (y + row) * pgm->width + x, w);
  g_file_set_contents (path, out->str, out->len, &error);
  g_assert_no_error (error);
}

static void
spawn (const char * const *argv,
       char              **out,
       gboolean            must_succeed)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, out, &err, &status,
                &error);
  g_assert_no_error (error);
  if (must_succeed && !g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s", argv[0], err);
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

/* zbarimg --xml: <source href='FILE'> … <symbol type='T' …><data><![CDATA[DATA]]></data> */
static char *
symbols_of (const char *xml,
            const char *file)
{
  g_autofree char *marker = g_strdup_printf ("<source href='%s'>", file);
  const char *start = strstr (xml, marker);
  const char *end;
  g_autoptr(GString) found = g_string_new (NULL);

  g_assert_nonnull (start);
  end = strstr (start, "</source>");
  g_assert_nonnull (end);
  for (const char *p = strstr (start, "<symbol type='"); p != NULL && p < end;
       p = strstr (p + 1, "<symbol type='"))
    {
      const char *type = p + strlen ("<symbol type='");
      const char *data = strstr (p, "<![CDATA[");
      const char *data_end;

      g_assert_nonnull (data);
      data += strlen ("<![CDATA[");
      data_end = strstr (data, "]]>");
      g_assert_nonnull (data_end);
      if (found->len > 0)
        g_string_append_c (found, '|');
      g_string_append_len (found, data, data_end - data);
      g_free (last_type);
      last_type = g_strndup (type, strchr (type, '\'') - type);
    }
  return g_string_free (g_steal_pointer (&found), FALSE);
}

GPtrArray *
st_test_decode_labels (const char    *pdf,
                       StLabelLayout  layout)
{
  const StLabelGeometry *g = st_label_layout_get_geometry (layout);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("st-labels-XXXXXX", &error);
  g_autofree char *prefix = NULL;
  g_autofree char *xml = NULL;
  g_autoptr(GPtrArray) pages = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) zbar = g_ptr_array_new ();
  GPtrArray *result = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) listing = NULL;
  const char *name;
  double px = DPI / 72.0;

  g_assert_no_error (error);
  prefix = g_build_filename (dir, "page", NULL);
  {
    const char *argv[] = { "pdftoppm", "-r", G_STRINGIFY (DPI), "-gray", pdf, prefix, NULL };
    spawn (argv, NULL, TRUE);
  }
  listing = g_dir_open (dir, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (listing)) != NULL)
    g_ptr_array_add (pages, g_build_filename (dir, name, NULL));
  /* page-1.pgm … or page-01.pgm …: pdftoppm pads the numbers to one width. */
  g_ptr_array_sort (pages, compare_paths);

  g_ptr_array_add (zbar, "zbarimg");
  g_ptr_array_add (zbar, "-q");
  g_ptr_array_add (zbar, "--nodbus");
  g_ptr_array_add (zbar, "--xml");
  /* Only the two symbologies labels use: nothing else may be read into a label. */
  g_ptr_array_add (zbar, "-Sdisable");
  g_ptr_array_add (zbar, "-Scode128.enable");
  g_ptr_array_add (zbar, "-Sqrcode.enable");
  for (guint i = 0; i < pages->len; i++)
    {
      Pgm pgm = { 0 };

      pgm_load (g_ptr_array_index (pages, i), &pgm);
      for (guint place = 0; place < g->columns * g->rows; place++)
        {
          double x = g->left + (place % g->columns) * g->pitch_x;
          double y = g->top + (place / g->columns) * g->pitch_y;
          char *cell = g_strdup_printf ("%s/cell-%04u-%02u.pgm", dir, i, place);

          pgm_write_crop (&pgm, (guint) (x * px), (guint) (y * px),
                          (guint) (g->label_width * px), (guint) (g->label_height * px), cell);
          g_ptr_array_add (cells, cell);
          g_ptr_array_add (zbar, cell);
        }
      g_free (pgm.data);
    }
  g_ptr_array_add (zbar, NULL);
  /* zbarimg exits 4 when some image had no barcode: that is an answer too. */
  spawn ((const char * const *) zbar->pdata, &xml, FALSE);
  for (guint i = 0; i < cells->len; i++)
    g_ptr_array_add (result, symbols_of (xml, g_ptr_array_index (cells, i)));

  for (guint i = 0; i < cells->len; i++)
    g_unlink (g_ptr_array_index (cells, i));
  for (guint i = 0; i < pages->len; i++)
    g_unlink (g_ptr_array_index (pages, i));
  g_rmdir (dir);
  return result;
}

const char *
st_test_decoded_type (void)
{
  return last_type;
}

char *
st_test_imei (guint n)
{
  g_autofree char *body = g_strdup_printf ("35693803%06u", n);
  int sum = 0;

  for (int i = 13; i >= 0; i--)
    {
      int d = body[i] - '0';

      if ((13 - i) % 2 == 0)
        d = d * 2 > 9 ? d * 2 - 9 : d * 2;
      sum += d;
    }
  return g_strdup_printf ("%s%d", body, (10 - sum % 10) % 10);
}
