/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Labels (DESIGN §10): every label of a PDF, rendered at 300 dpi and decoded by zbarimg, reads
 * back as exactly its serial, in order, on every layout, as Code 128 and as QR. */

#include <string.h>
#include <glib/gstdio.h>

#include "st-error.h"
#include "st-label-job.h"
#include "st-test-labels.h"

/* Digits, letters, lower case, dashes, slashes, leading zeros, a space. */
static const char * const serials[] = {
  "356938035643809",
  "00012345",
  "SN-0001",
  "abc-Def/42",
  "A1/B2-C3/d4",
  "lot 7/a",
  "x",
  "HW-2024/03-000987",
};

typedef struct
{
  char *dir;
  char *pdf;
} Fixture;

static void
setup (Fixture       *f,
       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("st-test-labels-XXXXXX", &error);
  g_assert_no_error (error);
  f->pdf = g_build_filename (f->dir, "labels.pdf", NULL);
}

static void
teardown (Fixture       *f,
          gconstpointer  data)
{
  g_unlink (f->pdf);
  g_rmdir (f->dir);
  g_free (f->pdf);
  g_free (f->dir);
}

static StLabelJob *
job_of (StLabelLayout       layout,
        StLabelCode         code,
        const char * const *list,
        guint               n)
{
  StLabelJob *job = st_label_job_new (layout, code);

  for (guint i = 0; i < n; i++)
    st_label_job_add (job, list[i], "PHN-X", "Phone X 128 GB, midnight black");
  return job;
}

/* Writes the job, decodes it, and checks place by place against @expected (NULL: blank). */
static void
assert_decodes (Fixture            *f,
                StLabelJob         *job,
                const char * const *expected,
                guint               n_expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) decoded = NULL;
  StLabelLayout layout = st_label_job_get_layout (job);

  g_assert_true (st_label_job_write_pdf (job, f->pdf, TRUE, NULL, &error));
  g_assert_no_error (error);
  decoded = st_test_decode_labels (f->pdf, layout);
  g_assert_cmpuint (decoded->len, ==,
                    st_label_job_get_n_pages (job) * st_label_layout_get_per_page (layout));
  for (guint i = 0; i < decoded->len; i++)
    {
      const char *want = i < n_expected && expected[i] != NULL ? expected[i] : "";

      if (g_strcmp0 (g_ptr_array_index (decoded, i), want) != 0)
        g_error ("%s, %s, place %u: decoded “%s”, expected “%s”",
                 st_label_layout_to_name (layout),
                 st_label_code_to_name (st_label_job_get_code (job)), i,
                 (char *) g_ptr_array_index (decoded, i), want);
    }
  g_assert_cmpstr (st_test_decoded_type (), ==,
                   st_label_job_get_code (job) == ST_LABEL_CODE_128 ? "CODE-128" : "QR-Code");
}

static void
test_every_layout (Fixture       *f,
                   gconstpointer  data)
{
  StLabelCode code = GPOINTER_TO_UINT (data);

  for (StLabelLayout layout = 0; layout < ST_N_LABEL_LAYOUTS; layout++)
    {
      /* The roll prints a page a label: three are enough there. */
      guint n = layout == ST_LABEL_LAYOUT_ROLL_62X29 ? 3 : G_N_ELEMENTS (serials);
      g_autoptr(StLabelJob) job = job_of (layout, code, serials, n);

      g_assert_cmpuint (st_label_job_get_n_pages (job), ==,
                        layout == ST_LABEL_LAYOUT_ROLL_62X29 ? 3 : 1);
      assert_decodes (f, job, serials, n);
    }
}

static void
test_skip_and_copies (Fixture       *f,
                      gconstpointer  data)
{
  StLabelCode code = GPOINTER_TO_UINT (data);
  g_autoptr(StLabelJob) job = job_of (ST_LABEL_LAYOUT_A4_3X8, code, serials,
                                      G_N_ELEMENTS (serials));
  g_autoptr(GError) error = NULL;
  const char *expected[48] = { NULL };

  g_assert_true (st_label_job_set_skip (job, 5, &error));
  g_assert_true (st_label_job_set_copies (job, 3, &error));
  g_assert_no_error (error);
  /* 5 skipped + 8 × 3 = 29 places: two sheets, the second one five labels in. */
  g_assert_cmpuint (st_label_job_get_n_labels (job), ==, 24);
  g_assert_cmpuint (st_label_job_get_n_pages (job), ==, 2);
  for (guint i = 0; i < 24; i++)
    expected[5 + i] = serials[i / 3];
  assert_decodes (f, job, expected, G_N_ELEMENTS (expected));
}

static void
test_skip_refused (void)
{
  g_autoptr(StLabelJob) job = st_label_job_new (ST_LABEL_LAYOUT_LETTER_3X10, ST_LABEL_CODE_128);
  g_autoptr(GError) error = NULL;

  g_assert_true (st_label_job_set_skip (job, 29, &error));
  g_assert_false (st_label_job_set_skip (job, 30, &error));
  g_assert_error (error, ST_ERROR, ST_ERROR_INVALID_INPUT);
  g_assert_cmpuint (st_label_job_get_skip (job), ==, 29);
  g_clear_error (&error);
  st_label_job_set_layout (job, ST_LABEL_LAYOUT_ROLL_62X29);
  g_assert_cmpuint (st_label_job_get_skip (job), ==, 0);
  g_assert_false (st_label_job_set_skip (job, 1, &error));
  g_assert_error (error, ST_ERROR, ST_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_false (st_label_job_set_copies (job, 0, &error));
  g_assert_error (error, ST_ERROR, ST_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_false (st_label_job_set_copies (job, ST_LABEL_MAX_COPIES + 1, &error));
  g_assert_error (error, ST_ERROR, ST_ERROR_INVALID_INPUT);
}

/* A serial the symbology cannot hold, or whose symbol would need modules below the smallest,
 * is refused naming it, and no file is written. */
static void
assert_refused (Fixture     *f,
                StLabelJob  *job,
                const char  *serial)
{
  g_autoptr(GError) error = NULL;

  g_unlink (f->pdf);
  g_assert_false (st_label_job_write_pdf (job, f->pdf, TRUE, NULL, &error));
  g_assert_error (error, ST_ERROR, ST_ERROR_INVALID_SERIAL);
  g_assert_nonnull (strstr (error->message, serial));
  g_assert_false (g_file_test (f->pdf, G_FILE_TEST_EXISTS));
}

static void
test_refused (Fixture       *f,
              gconstpointer  data)
{
  /* 40 characters of Code 128 set B need 40 × 11 + 35 modules plus 20 of quiet zone: at
   * 0.19 mm that is 94 mm, more than a 62 mm roll and a 63.5 mm sheet label. */
  const char *long_serial = "ABCDEFGHIJKLMNOPQRSTUVWXYZ-abcdefghijklm";
  const char *umlaut = "Gerät-0042";
  const char *ok[] = { "SN-1", long_serial };
  const char *with_umlaut[] = { "SN-1", umlaut };
  const char *hundred = "0123456789abcdefghijABCDEFGHIJ0123456789abcdefghijABCDEFGHIJ"
                        "0123456789abcdefghijABCDEFGHIJ0123456789";

  for (StLabelLayout layout = 0; layout < ST_N_LABEL_LAYOUTS; layout++)
    {
      g_autoptr(StLabelJob) job = job_of (layout, ST_LABEL_CODE_128, ok, 2);
      g_autoptr(StLabelJob) umlaut_job = job_of (layout, ST_LABEL_CODE_128, with_umlaut, 2);
      g_autoptr(StLabelJob) qr = job_of (layout, ST_LABEL_CODE_QR, &hundred, 1);
      g_autoptr(GError) error = NULL;

      assert_refused (f, job, long_serial);
      assert_refused (f, umlaut_job, umlaut);
      /* QR holds any serial the rules allow (up to 100 characters) on every layout. */
      g_assert_true (st_label_job_check (qr, &error));
      g_assert_no_error (error);
    }
}

static void
test_qr_unicode (Fixture       *f,
                 gconstpointer  data)
{
  const char *list[] = { "Gerät-0042", "SN-1" };
  g_autoptr(StLabelJob) job = job_of (ST_LABEL_LAYOUT_ROLL_62X29, ST_LABEL_CODE_QR, list, 2);

  assert_decodes (f, job, list, 2);
}

/* At the edge: the longest serial each layout still takes prints at (nearly) the smallest
 * module, and reads back; one character more is refused.  The longest serial of all (100
 * characters) reads back as QR on the lowest labels. */
static void
test_smallest_module (Fixture       *f,
                      gconstpointer  data)
{
  const char *alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-/";
  g_autofree char *hundred = g_strndup ("0123456789abcdefghijABCDEFGHIJ0123456789abcdefghij"
                                        "ABCDEFGHIJ0123456789abcdefghijABCDEFGHIJ0123456789"
                                        "abcdefghij", 100);

  for (StLabelLayout layout = 0; layout < ST_N_LABEL_LAYOUTS; layout++)
    {
      g_autofree char *longest = NULL;
      g_autoptr(StLabelJob) job = NULL;
      g_autoptr(StLabelJob) qr = job_of (layout, ST_LABEL_CODE_QR, (const char **) &hundred, 1);

      for (guint n = 10; n < strlen (alphabet); n++)
        {
          g_autofree char *serial = g_strndup (alphabet, n);
          g_autoptr(StLabelJob) probe = job_of (layout, ST_LABEL_CODE_128,
                                                (const char **) &serial, 1);
          g_autoptr(GError) error = NULL;

          if (!st_label_job_check (probe, &error))
            {
              g_assert_error (error, ST_ERROR, ST_ERROR_INVALID_SERIAL);
              break;
            }
          g_free (longest);
          longest = g_steal_pointer (&serial);
        }
      g_assert_nonnull (longest);
      g_assert_cmpuint (strlen (longest), >=, 20);
      job = job_of (layout, ST_LABEL_CODE_128, (const char **) &longest, 1);
      assert_decodes (f, job, (const char **) &longest, 1);
      /* US Letter's labels are the lowest (1 in): the tightest square for the QR symbol. */
      if (layout == ST_LABEL_LAYOUT_LETTER_3X10)
        assert_decodes (f, qr, (const char **) &hundred, 1);
    }
}

static void
test_existing_file (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(StLabelJob) job = job_of (ST_LABEL_LAYOUT_ROLL_62X29, ST_LABEL_CODE_128, serials, 1);
  g_autoptr(StLabelJob) empty = st_label_job_new (ST_LABEL_LAYOUT_A4_3X8, ST_LABEL_CODE_128);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  g_assert_true (g_file_set_contents (f->pdf, "mine", -1, NULL));
  g_assert_false (st_label_job_write_pdf (job, f->pdf, FALSE, NULL, &error));
  g_assert_error (error, ST_ERROR, ST_ERROR_DUPLICATE);
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (f->pdf, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "mine");
  g_assert_false (st_label_job_write_pdf (empty, f->pdf, TRUE, NULL, &error));
  g_assert_error (error, ST_ERROR, ST_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_true (st_label_job_write_pdf (job, f->pdf, TRUE, NULL, &error));
  g_assert_no_error (error);
}

static void
test_names (void)
{
  StLabelLayout layout;
  StLabelCode code;

  for (StLabelLayout l = 0; l < ST_N_LABEL_LAYOUTS; l++)
    {
      g_assert_true (st_label_layout_from_name (st_label_layout_to_name (l), &layout));
      g_assert_cmpint (layout, ==, l);
    }
  g_assert_true (st_label_code_from_name ("qr", &code));
  g_assert_cmpint (code, ==, ST_LABEL_CODE_QR);
  g_assert_false (st_label_layout_from_name ("a4", &layout));
  g_assert_false (st_label_code_from_name ("ean13", &code));
  g_assert_cmpuint (st_label_layout_get_per_page (ST_LABEL_LAYOUT_A4_3X8), ==, 24);
  g_assert_cmpuint (st_label_layout_get_per_page (ST_LABEL_LAYOUT_LETTER_3X10), ==, 30);
  g_assert_cmpuint (st_label_layout_get_per_page (ST_LABEL_LAYOUT_ROLL_62X29), ==, 1);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/labels/code128/every-layout", Fixture, GUINT_TO_POINTER (ST_LABEL_CODE_128),
              setup, test_every_layout, teardown);
  g_test_add ("/labels/qr/every-layout", Fixture, GUINT_TO_POINTER (ST_LABEL_CODE_QR),
              setup, test_every_layout, teardown);
  g_test_add ("/labels/code128/skip-and-copies", Fixture, GUINT_TO_POINTER (ST_LABEL_CODE_128),
              setup, test_skip_and_copies, teardown);
  g_test_add ("/labels/qr/skip-and-copies", Fixture, GUINT_TO_POINTER (ST_LABEL_CODE_QR),
              setup, test_skip_and_copies, teardown);
  g_test_add ("/labels/refused", Fixture, NULL, setup, test_refused, teardown);
  g_test_add ("/labels/qr/unicode", Fixture, NULL, setup, test_qr_unicode, teardown);
  g_test_add ("/labels/smallest-module", Fixture, NULL, setup, test_smallest_module, teardown);
  g_test_add ("/labels/existing-file", Fixture, NULL, setup, test_existing_file, teardown);
  g_test_add_func ("/labels/skip-refused", test_skip_refused);
  g_test_add_func ("/labels/names", test_names);
  return g_test_run ();
}
