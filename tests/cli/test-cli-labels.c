/* SPDX-License-Identifier: GPL-3.0-or-later */
/* serialtrack-cli labels, end to end: the PDF read back by pdftoppm and zbarimg. */

#include <string.h>
#include <glib/gstdio.h>

#include "st-test-cli.h"
#include "st-test-run.h"
#include "st-test-labels.h"
#include "st-test-pg.h"

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

static void
assert_pdf_reads (const char         *pdf,
                  StLabelLayout       layout,
                  const char * const *expected,
                  guint               n_expected,
                  guint               n_places)
{
  g_autoptr(GPtrArray) decoded = st_test_decode_labels (pdf, layout);

  g_assert_cmpuint (decoded->len, ==, n_places);
  for (guint i = 0; i < decoded->len; i++)
    g_assert_cmpstr (g_ptr_array_index (decoded, i), ==,
                     i < n_expected && expected[i] != NULL ? expected[i] : "");
}

/* The done-when: receiving a bill of 24 phones and printing its labels gives one A4
 * sheet whose 24 barcodes read back as the 24 IMEIs, in order. */
static void
test_bill_of_24_phones (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (f->dir, "labels.pdf", NULL);
  g_autoptr(GPtrArray) imeis = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) line = g_string_new ("IMEI:24:410:");
  g_autoptr(TjNode) json = NULL;
  g_autofree char *out = NULL;

  for (guint i = 0; i < 24; i++)
    {
      g_ptr_array_add (imeis, st_test_imei (100000 + i));
      g_string_append_printf (line, "%s%s", i > 0 ? "," : "", (char *) imeis->pdata[i]);
    }
  g_free (cli_ok (f, "bill", "post", "--vendor", "Acme", "--number", "NW-24", "--warehouse",
                  "Main", "--line", line->str, NULL));
  out = cli_ok (f, "labels", pdf, "--bill", "NW-24", NULL);
  assert_contains (out, "24 labels on 1 page");
  assert_pdf_reads (pdf, ST_LABEL_LAYOUT_A4_3X8, (const char * const *) imeis->pdata, 24, 24);

  json = cli_json (f, "labels", pdf, "--bill", "NW-24", "--vendor", "Acme", "--force", NULL);
  g_assert_cmpint (tj_int (json, "labels"), ==, 24);
  g_assert_cmpint (tj_int (json, "pages"), ==, 1);
  g_assert_cmpstr (tj_str (json, "layout"), ==, "a4-3x8");
  g_assert_cmpstr (tj_str (json, "code"), ==, "code128");
}

static void
test_serials_item_layouts (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (f->dir, "labels.pdf", NULL);
  g_autofree char *out = NULL;
  const char *letter[] = { NULL, NULL, "S3", "S3", "s-01/a", "s-01/a" };
  const char *roll[] = { "S1", "S2", "S3" };

  stock_base (f);
  g_free (cli_ok (f, "bill", "post", "--vendor", "Zenith", "--number", "Z-1", "--warehouse",
                  "Main", "--line", "PHONE:1:100:s-01/a", NULL));
  /* Serials in the order given, found case-insensitively; two copies; two places skipped. */
  out = cli_ok (f, "labels", pdf, "--serial", "s3", "--serial", "S-01/A", "--item", "PHONE",
                "--layout", "letter-3x10", "--copies", "2", "--skip", "2", "--code", "qr", NULL);
  assert_contains (out, "4 labels on 1 page");
  assert_pdf_reads (pdf, ST_LABEL_LAYOUT_LETTER_3X10, letter, G_N_ELEMENTS (letter), 30);
  g_unlink (pdf);

  /* An item's units by status, first received first: S1 … S3 (s-01/a sold). */
  g_free (cli_ok (f, "invoice", "post", "--customer", "Bob", "--warehouse", "Main", "--line",
                  "PHONE:1:150:s-01/a", NULL));
  g_free (out);
  out = cli_ok (f, "labels", pdf, "--item", "PHONE", "--status", "in_stock", "--layout",
                "roll-62x29", NULL);
  assert_contains (out, "3 labels on 3 pages");
  assert_pdf_reads (pdf, ST_LABEL_LAYOUT_ROLL_62X29, roll, 3, 3);
}

static void
test_refused (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (f->dir, "labels.pdf", NULL);
  const char *long_serial = "ABCDEFGHIJKLMNOPQRSTUVWXYZ-abcdefghijklm";
  g_autofree char *line = g_strconcat ("PHONE:1:100:", long_serial, NULL);

  stock_base (f);
  g_free (cli_ok (f, "bill", "post", "--vendor", "Zenith", "--number", "Z-1", "--warehouse",
                  "Main", "--line", line, NULL));
  g_free (cli_refused (f, long_serial, "labels", pdf, "--bill", "Z-1", NULL));
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
  g_free (cli_refused (f, "NOPE-1", "labels", pdf, "--serial", "S1", "--serial", "NOPE-1", NULL));
  g_free (cli_refused (f, "B-9", "labels", pdf, "--bill", "B-9", NULL));
  g_free (cli_refused (f, "At most 23 labels", "labels", pdf, "--bill", "B-1", "--skip", "24",
                      NULL));
  g_free (cli_refused (f, "--copies", "labels", pdf, "--bill", "B-1", "--copies", "0", NULL));
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));

  /* The same as QR fits. */
  g_free (cli_ok (f, "labels", pdf, "--bill", "Z-1", "--code", "qr", NULL));
  g_free (cli_refused (f, "already exists", "labels", pdf, "--bill", "B-1", NULL));

  cli_usage_error (f, "--bill, --serial or --item", "labels", pdf, NULL);
  cli_usage_error (f, "--bill, --serial or --item", "labels", pdf, "--bill", "B-1", "--serial",
                   "S1", NULL);
  cli_usage_error (f, "a4-3x8", "labels", pdf, "--bill", "B-1", "--layout", "a5", NULL);
  cli_usage_error (f, "code128", "labels", pdf, "--bill", "B-1", "--code", "ean13", NULL);
  cli_usage_error (f, "--status", "labels", pdf, "--bill", "B-1", "--status", "sold", NULL);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  if (!st_test_cli_ready ("test-cli-labels"))
    return 77;
  ADD ("/cli/labels/bill-of-24-phones", test_bill_of_24_phones);
  ADD ("/cli/labels/serials-and-item", test_serials_item_layouts);
  ADD ("/cli/labels/refused", test_refused);
  return g_test_run ();
}
