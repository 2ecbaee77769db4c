/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "st-error.h"
#include "st-serial.h"

/* Asserts that @array holds exactly the strings of the NULL-terminated @expected. */
static void
assert_strings (GPtrArray          *array,
                const char * const *expected)
{
  guint n_expected = g_strv_length ((char **) expected);

  g_assert_nonnull (array);
  for (guint i = 0; i < MIN (array->len, n_expected); i++)
    g_assert_cmpstr (g_ptr_array_index (array, i), ==, expected[i]);
  g_assert_cmpuint (array->len, ==, n_expected);
}

/* Error messages name the serial on one line. */
static void
assert_one_line_naming (const GError *error,
                        const char   *needle)
{
  g_assert_nonnull (error);
  g_assert_null (strchr (error->message, '\n'));
  g_assert_null (strchr (error->message, '\r'));
  if (needle != NULL && strstr (error->message, needle) == NULL)
    g_error ("“%s” does not name “%s”", error->message, needle);
}

static void
assert_normalize_fails (const char *text,
                        const char *needle)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *serial = st_serial_normalize (text, &error);

  g_assert_null (serial);
  g_assert_error (error, ST_ERROR, ST_ERROR_INVALID_SERIAL);
  assert_one_line_naming (error, needle);
}

static void
test_normalize_plain (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *serial = st_serial_normalize ("SN-0001/ä", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (serial, ==, "SN-0001/ä");
}

static void
test_normalize_trim (void)
{
  static const struct { const char *text; const char *expected; } cases[] = {
    { "  AB12  ", "AB12" },
    { "\tAB12\r\n", "AB12" },
    { "\xC2\xA0" "AB 12" "\xC2\xA0", "AB 12" },          /* no-break space; inner space kept */
    { "\xE3\x80\x80" "AB12" "\xE2\x80\x83", "AB12" },    /* ideographic space, em space */
    { "\xEF\xBB\xBF" "AB12" "\xE2\x80\x8B", "AB12" },    /* BOM, zero-width space */
    { "\xE2\x80\xA8" "AB12" "\xE2\x80\xA9", "AB12" },    /* line / paragraph separator */
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *serial = st_serial_normalize (cases[i].text, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (serial, ==, cases[i].expected);
    }
}

static void
test_normalize_empty (void)
{
  assert_normalize_fails ("", NULL);
  assert_normalize_fails ("   ", NULL);
  assert_normalize_fails (" \t\r\n \xC2\xA0", NULL);
}

static void
test_normalize_control (void)
{
  assert_normalize_fails ("AB\t12", "AB\\t12");
  assert_normalize_fails ("AB\n12", "AB\\n12");
  assert_normalize_fails ("AB\r12", "AB\\r12");
  assert_normalize_fails ("AB\x01" "12", "AB\\x0112");
  assert_normalize_fails ("AB\x1B" "12", "AB\\x1B12");
  assert_normalize_fails ("AB\x7F" "12", "AB\\x7F12");
  assert_normalize_fails ("AB\xC2\x85" "12", "AB\\x8512");         /* NEL, a C1 control */
  assert_normalize_fails ("AB\xE2\x80\xA8" "12", "AB\\u202812");   /* line separator inside */
}

static void
test_normalize_length (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *ascii_100 = g_strnfill (100, 'A');
  g_autofree char *ascii_101 = g_strnfill (101, 'A');
  g_autoptr(GString) umlaut_100 = g_string_new (NULL);
  g_autofree char *serial = NULL;
  g_autofree char *umlaut_serial = NULL;

  for (guint i = 0; i < 100; i++)
    g_string_append (umlaut_100, "ä");

  serial = st_serial_normalize (ascii_100, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (serial, ==, ascii_100);

  /* 100 characters of 2 bytes each: counted as characters, not bytes. */
  umlaut_serial = st_serial_normalize (umlaut_100->str, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_utf8_strlen (umlaut_serial, -1), ==, 100);

  /* Trimmed first: 100 characters plus white space is fine. */
  {
    g_autofree char *padded = g_strconcat ("  ", ascii_100, "  ", NULL);
    g_autofree char *trimmed = st_serial_normalize (padded, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (trimmed, ==, ascii_100);
  }

  assert_normalize_fails (ascii_101, "AAAA…");
  g_string_append (umlaut_100, "ä");
  assert_normalize_fails (umlaut_100->str, "ää…");
}

static void
test_normalize_long_message (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *long_text = g_strnfill (5000, 'Z');
  g_autofree char *serial = st_serial_normalize (long_text, &error);

  g_assert_null (serial);
  g_assert_error (error, ST_ERROR, ST_ERROR_INVALID_SERIAL);
  assert_one_line_naming (error, "ZZZ…");
  /* The message quotes the start of the serial, not all 5000 characters. */
  g_assert_cmpuint (strlen (error->message), <, 300);
}

static void
test_normalize_utf8 (void)
{
  assert_normalize_fails ("\xFF\xFE", NULL);
  assert_normalize_fails ("AB\xC3", "AB");             /* truncated sequence */
  assert_normalize_fails ("\xC0\xAF" "AB", "AB");       /* overlong encoding */
  assert_normalize_fails ("\xED\xA0\x80" "AB", "AB");   /* UTF-16 surrogate */
}

static void
test_key_case (void)
{
  g_autofree char *a = st_serial_key ("ab12");
  g_autofree char *b = st_serial_key ("AB12");
  g_autofree char *c = st_serial_key ("Ab12");
  g_autofree char *d = st_serial_key ("ab13");

  g_assert_cmpstr (a, ==, b);
  g_assert_cmpstr (a, ==, c);
  g_assert_cmpstr (a, !=, d);
}

static void
test_key_unicode (void)
{
  g_autofree char *lower = st_serial_key ("sn-ä1");
  g_autofree char *upper = st_serial_key ("SN-Ä1");
  g_autofree char *decomposed = st_serial_key ("SN-A\xCC\x88" "1");   /* A + combining diaeresis */
  g_autofree char *plain = st_serial_key ("SN-A1");
  g_autofree char *sharp = st_serial_key ("STRASSE");
  g_autofree char *eszett = st_serial_key ("straße");

  g_assert_cmpstr (lower, ==, upper);
  g_assert_cmpstr (lower, ==, decomposed);
  g_assert_cmpstr (lower, !=, plain);
  g_assert_cmpstr (sharp, ==, eszett);
}

static void
test_format_any (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (st_serial_check_format ("anything at all/ä", ST_SERIAL_FORMAT_ANY, &error));
  g_assert_no_error (error);
}

static void
assert_format_fails (const char     *serial,
                     StSerialFormat  format)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (st_serial_check_format (serial, format, &error));
  g_assert_error (error, ST_ERROR, ST_ERROR_SERIAL_FORMAT);
  assert_one_line_naming (error, serial);
}

static void
test_format_digits (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (st_serial_check_format ("0012345", ST_SERIAL_FORMAT_DIGITS, &error));
  g_assert_no_error (error);

  assert_format_fails ("12a45", ST_SERIAL_FORMAT_DIGITS);
  assert_format_fails ("12 45", ST_SERIAL_FORMAT_DIGITS);
  assert_format_fails ("-1245", ST_SERIAL_FORMAT_DIGITS);
  assert_format_fails ("١٢٣", ST_SERIAL_FORMAT_DIGITS);          /* Arabic-Indic digits */
  assert_format_fails ("１２３", ST_SERIAL_FORMAT_DIGITS);        /* full-width digits */
}

static void
test_format_imei (void)
{
  static const char * const valid[] = { "490154203237518", "356938035643809", "000000000000000" };

  for (gsize i = 0; i < G_N_ELEMENTS (valid); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_true (st_serial_check_format (valid[i], ST_SERIAL_FORMAT_IMEI, &error));
      g_assert_no_error (error);
    }

  assert_format_fails ("490154203237519", ST_SERIAL_FORMAT_IMEI);    /* wrong check digit */
  assert_format_fails ("356938035643800", ST_SERIAL_FORMAT_IMEI);
  assert_format_fails ("49015420323751", ST_SERIAL_FORMAT_IMEI);     /* 14 digits */
  assert_format_fails ("4901542032375180", ST_SERIAL_FORMAT_IMEI);   /* 16 digits */
  assert_format_fails ("49015420323751A", ST_SERIAL_FORMAT_IMEI);
  assert_format_fails ("IMEI 4901542032", ST_SERIAL_FORMAT_IMEI);
}

static void
test_format_imei_check_digit_message (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (st_serial_check_format ("490154203237519", ST_SERIAL_FORMAT_IMEI, &error));
  g_assert_error (error, ST_ERROR, ST_ERROR_SERIAL_FORMAT);
  g_assert_nonnull (strstr (error->message, "check digit"));
}

static void
test_luhn (void)
{
  g_assert_true (st_luhn_valid ("79927398713"));
  g_assert_true (st_luhn_valid ("490154203237518"));
  g_assert_true (st_luhn_valid ("0"));
  g_assert_true (st_luhn_valid ("18"));     /* 1·2 + 8 */
  g_assert_true (st_luhn_valid ("59"));     /* 5·2 = 10 → 1, + 9 */
  g_assert_false (st_luhn_valid ("79927398710"));
  g_assert_false (st_luhn_valid ("19"));
  g_assert_false (st_luhn_valid (""));
  g_assert_false (st_luhn_valid ("7992739871a"));
  g_assert_false (st_luhn_valid (" 18"));
}

static void
test_validate (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *serial = st_serial_validate ("  490154203237518\n", ST_SERIAL_FORMAT_IMEI,
                                                &error);
  g_autofree char *bad_format = NULL;
  g_autofree char *bad_serial = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (serial, ==, "490154203237518");

  bad_format = st_serial_validate ("SN1", ST_SERIAL_FORMAT_DIGITS, &error);
  g_assert_null (bad_format);
  g_assert_error (error, ST_ERROR, ST_ERROR_SERIAL_FORMAT);
  g_clear_error (&error);

  bad_serial = st_serial_validate ("  ", ST_SERIAL_FORMAT_DIGITS, &error);
  g_assert_null (bad_serial);
  g_assert_error (error, ST_ERROR, ST_ERROR_INVALID_SERIAL);
}

static void
test_split_separators (void)
{
  g_autoptr(GPtrArray) pieces = st_serial_split ("a\nb\r\nc,d\te;f\rg");

  assert_strings (pieces, (const char * const[]) { "a", "b", "c", "d", "e", "f", "g", NULL });
}

static void
test_split_blank (void)
{
  g_autoptr(GPtrArray) none = st_serial_split (",,\n\n  ; \t\r\n");
  g_autoptr(GPtrArray) empty = st_serial_split ("");
  g_autoptr(GPtrArray) some = st_serial_split ("\n\n  SN 1 , ,SN2\n\n\n");

  assert_strings (none, (const char * const[]) { NULL });
  assert_strings (empty, (const char * const[]) { NULL });
  assert_strings (some, (const char * const[]) { "SN 1", "SN2", NULL });
}

static void
test_split_keeps_ranges (void)
{
  g_autoptr(GPtrArray) pieces = st_serial_split ("A1..A3; B");

  assert_strings (pieces, (const char * const[]) { "A1..A3", "B", NULL });
}

static void
test_range_is_range (void)
{
  g_assert_true (st_serial_is_range ("SN1..SN5"));
  g_assert_true (st_serial_is_range ("1..5"));
  g_assert_false (st_serial_is_range ("SN1.5"));
  g_assert_false (st_serial_is_range ("SN15"));
}

static GPtrArray *
expand_ok (const char *token,
           guint       max_count)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (g_free);

  g_assert_true (st_serial_expand (token, max_count, out, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&out);
}

static void
assert_expand_fails (const char *token,
                     guint       max_count,
                     int         code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (out, g_strdup ("before"));
  g_assert_false (st_serial_expand (token, max_count, out, &error));
  g_assert_error (error, ST_ERROR, code);
  assert_one_line_naming (error, NULL);
  /* Nothing is appended on failure. */
  g_assert_cmpuint (out->len, ==, 1);
}

static void
test_range_padding (void)
{
  g_autoptr(GPtrArray) out = expand_ok ("SN0001..SN0100", ST_SERIAL_MAX_RANGE);

  g_assert_cmpuint (out->len, ==, 100);
  g_assert_cmpstr (g_ptr_array_index (out, 0), ==, "SN0001");
  g_assert_cmpstr (g_ptr_array_index (out, 9), ==, "SN0010");
  g_assert_cmpstr (g_ptr_array_index (out, 98), ==, "SN0099");
  g_assert_cmpstr (g_ptr_array_index (out, 99), ==, "SN0100");
}

static void
test_range_no_padding (void)
{
  g_autoptr(GPtrArray) out = expand_ok ("SN1..SN10", ST_SERIAL_MAX_RANGE);
  g_autoptr(GPtrArray) same_width = expand_ok ("SN10..SN12", ST_SERIAL_MAX_RANGE);

  g_assert_cmpuint (out->len, ==, 10);
  g_assert_cmpstr (g_ptr_array_index (out, 0), ==, "SN1");
  g_assert_cmpstr (g_ptr_array_index (out, 8), ==, "SN9");
  g_assert_cmpstr (g_ptr_array_index (out, 9), ==, "SN10");
  assert_strings (same_width, (const char * const[]) { "SN10", "SN11", "SN12", NULL });
}

static void
test_range_start_width (void)
{
  /* Different widths, start with a leading zero: padded to the start's width. */
  g_autoptr(GPtrArray) out = expand_ok ("SN098..SN1001", ST_SERIAL_MAX_RANGE);

  g_assert_cmpuint (out->len, ==, 904);
  g_assert_cmpstr (g_ptr_array_index (out, 0), ==, "SN098");
  g_assert_cmpstr (g_ptr_array_index (out, 1), ==, "SN099");
  g_assert_cmpstr (g_ptr_array_index (out, 2), ==, "SN100");
  g_assert_cmpstr (g_ptr_array_index (out, 903), ==, "SN1001");
}

static void
test_range_single (void)
{
  g_autoptr(GPtrArray) out = expand_ok ("A5..A5", ST_SERIAL_MAX_RANGE);
  g_autoptr(GPtrArray) zero = expand_ok ("A0..A0", 1);

  assert_strings (out, (const char * const[]) { "A5", NULL });
  assert_strings (zero, (const char * const[]) { "A0", NULL });
}

static void
test_range_digits_only (void)
{
  g_autoptr(GPtrArray) out = expand_ok ("8..11", ST_SERIAL_MAX_RANGE);
  g_autoptr(GPtrArray) inner_digits = expand_ok ("X9-08..X9-10", ST_SERIAL_MAX_RANGE);

  assert_strings (out, (const char * const[]) { "8", "9", "10", "11", NULL });
  assert_strings (inner_digits, (const char * const[]) { "X9-08", "X9-09", "X9-10", NULL });
}

static void
test_range_spaces (void)
{
  g_autoptr(GPtrArray) out = expand_ok (" SN1 .. SN3 ", ST_SERIAL_MAX_RANGE);

  assert_strings (out, (const char * const[]) { "SN1", "SN2", "SN3", NULL });
}

static void
test_range_not_a_range (void)
{
  g_autoptr(GPtrArray) out = expand_ok ("SN1.5", ST_SERIAL_MAX_RANGE);

  assert_strings (out, (const char * const[]) { "SN1.5", NULL });
}

static void
test_range_mismatched_prefix (void)
{
  assert_expand_fails ("AB1..CD5", 100, ST_ERROR_RANGE);
  assert_expand_fails ("SN1..sn5", 100, ST_ERROR_RANGE);
  assert_expand_fails ("SN1..XSN5", 100, ST_ERROR_RANGE);
}

static void
test_range_no_digits (void)
{
  assert_expand_fails ("A..B", 100, ST_ERROR_RANGE);
  assert_expand_fails ("SN1..SNX", 100, ST_ERROR_RANGE);
  assert_expand_fails ("SNX..SN1", 100, ST_ERROR_RANGE);
  assert_expand_fails ("SN1...SN5", 100, ST_ERROR_RANGE);
}

static void
test_range_missing_end (void)
{
  assert_expand_fails ("SN1..", 100, ST_ERROR_RANGE);
  assert_expand_fails ("..SN5", 100, ST_ERROR_RANGE);
  assert_expand_fails ("..", 100, ST_ERROR_RANGE);
  assert_expand_fails (" .. ", 100, ST_ERROR_RANGE);
}

static void
test_range_reversed (void)
{
  assert_expand_fails ("SN10..SN1", 100, ST_ERROR_RANGE);
  assert_expand_fails ("SN0002..SN0001", 100, ST_ERROR_RANGE);
}

static void
test_range_too_long (void)
{
  g_autoptr(GPtrArray) ten = expand_ok ("A1..A10", 10);
  g_autoptr(GPtrArray) max = expand_ok ("SN1..SN100000", ST_SERIAL_MAX_RANGE);

  g_assert_cmpuint (ten->len, ==, 10);
  g_assert_cmpuint (max->len, ==, ST_SERIAL_MAX_RANGE);
  g_assert_cmpstr (g_ptr_array_index (max, ST_SERIAL_MAX_RANGE - 1), ==, "SN100000");

  assert_expand_fails ("A1..A11", 10, ST_ERROR_RANGE);
  assert_expand_fails ("SN1..SN100001", ST_SERIAL_MAX_RANGE, ST_ERROR_RANGE);
  assert_expand_fails ("SN0..SN18446744073709551615", ST_SERIAL_MAX_RANGE, ST_ERROR_RANGE);
}

static void
test_range_overflow (void)
{
  g_autoptr(GPtrArray) top = expand_ok ("X18446744073709551614..X18446744073709551615", 10);

  assert_strings (top, (const char * const[]) {
    "X18446744073709551614", "X18446744073709551615", NULL });

  assert_expand_fails ("X18446744073709551615..X18446744073709551616", 10, ST_ERROR_RANGE);
  assert_expand_fails ("X1..X99999999999999999999999", 10, ST_ERROR_RANGE);
}

static void
test_range_invalid_end (void)
{
  g_autofree char *long_end = g_strnfill (101, 'A');
  g_autofree char *long_range = g_strdup_printf ("%s1..%s2", long_end, long_end);

  assert_expand_fails ("SN\x01" "1..SN\x01" "5", 100, ST_ERROR_INVALID_SERIAL);
  assert_expand_fails (long_range, 100, ST_ERROR_INVALID_SERIAL);
}

static void
test_range_message (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (g_free);

  g_assert_false (st_serial_expand ("SN10..SN1", 100, out, &error));
  g_assert_error (error, ST_ERROR, ST_ERROR_RANGE);
  assert_one_line_naming (error, "SN10..SN1");
}

static void
test_parse_list_order (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) serials = st_serial_parse_list ("A, B1..B3;\n\nC\tB01..B02", 100, &error);

  g_assert_no_error (error);
  assert_strings (serials, (const char * const[]) {
    "A", "B1", "B2", "B3", "C", "B01", "B02", NULL });
}

static void
test_parse_list_empty (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) serials = st_serial_parse_list (" ,\n ; ", 100, &error);

  g_assert_no_error (error);
  assert_strings (serials, (const char * const[]) { NULL });
}

static void
test_parse_list_limit (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) three = st_serial_parse_list ("A,B,C", 3, &error);
  g_autoptr(GPtrArray) four = NULL;
  g_autoptr(GPtrArray) range_over = NULL;
  g_autoptr(GPtrArray) big_range = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (three->len, ==, 3);

  four = st_serial_parse_list ("A,B,C,D", 3, &error);
  g_assert_null (four);
  g_assert_error (error, ST_ERROR, ST_ERROR_SERIAL_COUNT);
  g_clear_error (&error);

  /* Each range fits, the list does not. */
  range_over = st_serial_parse_list ("A,B1..B3", 3, &error);
  g_assert_null (range_over);
  g_assert_error (error, ST_ERROR, ST_ERROR_SERIAL_COUNT);
  g_clear_error (&error);

  /* One range alone is too long. */
  big_range = st_serial_parse_list ("B1..B5", 3, &error);
  g_assert_null (big_range);
  g_assert_error (error, ST_ERROR, ST_ERROR_RANGE);
}

static void
test_parse_list_bad_range (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) serials = st_serial_parse_list ("A1, SN5..SN1, B2", 100, &error);

  g_assert_null (serials);
  g_assert_error (error, ST_ERROR, ST_ERROR_RANGE);
  assert_one_line_naming (error, "SN5..SN1");
}

static GPtrArray *
csv_ok (const char *contents,
        gsize       length)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *serials = st_serial_parse_csv (contents, length, &error);

  g_assert_no_error (error);
  g_assert_nonnull (serials);
  return serials;
}

static void
assert_csv_fails (const char *contents,
                  gsize       length)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) serials = st_serial_parse_csv (contents, length, &error);

  g_assert_null (serials);
  g_assert_error (error, ST_ERROR, ST_ERROR_INVALID_INPUT);
  assert_one_line_naming (error, NULL);
}

#define CSV_OK(literal) csv_ok ((literal), strlen (literal))
#define ASSERT_CSV_FAILS(literal) assert_csv_fails ((literal), sizeof (literal) - 1)

static void
test_csv_plain (void)
{
  g_autoptr(GPtrArray) lines = CSV_OK ("A1\nA2\nA3\n");
  g_autoptr(GPtrArray) no_final_newline = CSV_OK ("A1\nA2");
  g_autoptr(GPtrArray) columns = CSV_OK ("A1,Phone,12.50\n A2 ,Phone,12.50\n");

  assert_strings (lines, (const char * const[]) { "A1", "A2", "A3", NULL });
  assert_strings (no_final_newline, (const char * const[]) { "A1", "A2", NULL });
  assert_strings (columns, (const char * const[]) { "A1", "A2", NULL });
}

static void
test_csv_header (void)
{
  static const char * const headers[] = {
    "serial", "Serial", "SERIAL NUMBER", "serial_number", "SerialNumber", "SN", "s/n", "IMEI",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (headers); i++)
    {
      g_autofree char *contents = g_strdup_printf ("%s,Item\nA1,Phone\nA2,Phone\n", headers[i]);
      g_autoptr(GPtrArray) serials = CSV_OK (contents);

      assert_strings (serials, (const char * const[]) { "A1", "A2", NULL });
    }
}

static void
test_csv_header_first_row_only (void)
{
  g_autoptr(GPtrArray) serials = CSV_OK ("A1\nserial\n");
  g_autoptr(GPtrArray) after_blank = CSV_OK ("\n\nSerial\nA1\n");
  g_autoptr(GPtrArray) not_header = CSV_OK ("Serials of May\nA1\n");

  assert_strings (serials, (const char * const[]) { "A1", "serial", NULL });
  assert_strings (after_blank, (const char * const[]) { "A1", NULL });
  /* Only the documented header names are skipped; anything else is data. */
  assert_strings (not_header, (const char * const[]) { "Serials of May", "A1", NULL });
}

static void
test_csv_quotes (void)
{
  g_autoptr(GPtrArray) serials = CSV_OK ("\"A,1\",x\n\"say \"\"hi\"\"\"\n\"B2\"\n\"\",x\nC3\n");

  assert_strings (serials, (const char * const[]) { "A,1", "say \"hi\"", "B2", "C3", NULL });
}

static void
test_csv_quoted_newline (void)
{
  /* RFC 4180 allows a newline inside quotes; it is a (bad) serial, left for validation. */
  g_autoptr(GPtrArray) serials = CSV_OK ("\"A\nB\",x\nC\n");

  assert_strings (serials, (const char * const[]) { "A\nB", "C", NULL });
}

static void
test_csv_crlf (void)
{
  g_autoptr(GPtrArray) crlf = CSV_OK ("serial\r\nA1\r\nA2\r\n");
  g_autoptr(GPtrArray) cr = CSV_OK ("A1\rA2\r");

  assert_strings (crlf, (const char * const[]) { "A1", "A2", NULL });
  assert_strings (cr, (const char * const[]) { "A1", "A2", NULL });
}

static void
test_csv_bom (void)
{
  g_autoptr(GPtrArray) header = CSV_OK ("\xEF\xBB\xBFserial\nA1\n");
  g_autoptr(GPtrArray) data = CSV_OK ("\xEF\xBB\xBF" "A1\nA2\n");

  assert_strings (header, (const char * const[]) { "A1", NULL });
  assert_strings (data, (const char * const[]) { "A1", "A2", NULL });
}

static void
test_csv_other_delimiters (void)
{
  g_autoptr(GPtrArray) serials = CSV_OK ("A1;Phone\nA2\tPhone\n");

  assert_strings (serials, (const char * const[]) { "A1", "A2", NULL });
}

static void
test_csv_empty_first_cell (void)
{
  g_autoptr(GPtrArray) serials = CSV_OK (",orphan\nA1,x\n  ,y\n\"\"\nA2\n\n");

  assert_strings (serials, (const char * const[]) { "A1", "A2", NULL });
}

static void
test_csv_nul (void)
{
  ASSERT_CSV_FAILS ("A1\nA\0002\n");
  ASSERT_CSV_FAILS ("\0");
}

static void
test_csv_invalid_utf8 (void)
{
  ASSERT_CSV_FAILS ("A1\n\xFF\xFE\n");
  ASSERT_CSV_FAILS ("\xFF\xFE" "A\0001\n");           /* UTF-16 */
  ASSERT_CSV_FAILS ("A1\nB\xC3");
}

static void
test_csv_empty (void)
{
  assert_csv_fails (NULL, 0);
  ASSERT_CSV_FAILS ("");
  ASSERT_CSV_FAILS ("\xEF\xBB\xBF");
  ASSERT_CSV_FAILS ("\n\r\n  \n,,\n");
  ASSERT_CSV_FAILS ("serial\n");
  ASSERT_CSV_FAILS ("Serial Number,Item\r\n");
}

static void
test_csv_unterminated_quote (void)
{
  ASSERT_CSV_FAILS ("A1\n\"A2,x\nA3\n");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/serial/normalize/plain", test_normalize_plain);
  g_test_add_func ("/serial/normalize/trim", test_normalize_trim);
  g_test_add_func ("/serial/normalize/empty", test_normalize_empty);
  g_test_add_func ("/serial/normalize/control", test_normalize_control);
  g_test_add_func ("/serial/normalize/length", test_normalize_length);
  g_test_add_func ("/serial/normalize/long-message", test_normalize_long_message);
  g_test_add_func ("/serial/normalize/invalid-utf8", test_normalize_utf8);
  g_test_add_func ("/serial/key/case", test_key_case);
  g_test_add_func ("/serial/key/unicode", test_key_unicode);
  g_test_add_func ("/serial/format/any", test_format_any);
  g_test_add_func ("/serial/format/digits", test_format_digits);
  g_test_add_func ("/serial/format/imei", test_format_imei);
  g_test_add_func ("/serial/format/imei-check-digit-message", test_format_imei_check_digit_message);
  g_test_add_func ("/serial/luhn", test_luhn);
  g_test_add_func ("/serial/validate", test_validate);
  g_test_add_func ("/serial/split/separators", test_split_separators);
  g_test_add_func ("/serial/split/blank", test_split_blank);
  g_test_add_func ("/serial/split/keeps-ranges", test_split_keeps_ranges);
  g_test_add_func ("/serial/range/is-range", test_range_is_range);
  g_test_add_func ("/serial/range/padding", test_range_padding);
  g_test_add_func ("/serial/range/no-padding", test_range_no_padding);
  g_test_add_func ("/serial/range/start-width", test_range_start_width);
  g_test_add_func ("/serial/range/single", test_range_single);
  g_test_add_func ("/serial/range/digits-only", test_range_digits_only);
  g_test_add_func ("/serial/range/spaces", test_range_spaces);
  g_test_add_func ("/serial/range/not-a-range", test_range_not_a_range);
  g_test_add_func ("/serial/range/mismatched-prefix", test_range_mismatched_prefix);
  g_test_add_func ("/serial/range/no-digits", test_range_no_digits);
  g_test_add_func ("/serial/range/missing-end", test_range_missing_end);
  g_test_add_func ("/serial/range/reversed", test_range_reversed);
  g_test_add_func ("/serial/range/too-long", test_range_too_long);
  g_test_add_func ("/serial/range/overflow", test_range_overflow);
  g_test_add_func ("/serial/range/invalid-end", test_range_invalid_end);
  g_test_add_func ("/serial/range/message", test_range_message);
  g_test_add_func ("/serial/parse-list/order", test_parse_list_order);
  g_test_add_func ("/serial/parse-list/empty", test_parse_list_empty);
  g_test_add_func ("/serial/parse-list/limit", test_parse_list_limit);
  g_test_add_func ("/serial/parse-list/bad-range", test_parse_list_bad_range);
  g_test_add_func ("/serial/csv/plain", test_csv_plain);
  g_test_add_func ("/serial/csv/header", test_csv_header);
  g_test_add_func ("/serial/csv/header-first-row-only", test_csv_header_first_row_only);
  g_test_add_func ("/serial/csv/quotes", test_csv_quotes);
  g_test_add_func ("/serial/csv/quoted-newline", test_csv_quoted_newline);
  g_test_add_func ("/serial/csv/crlf", test_csv_crlf);
  g_test_add_func ("/serial/csv/bom", test_csv_bom);
  g_test_add_func ("/serial/csv/other-delimiters", test_csv_other_delimiters);
  g_test_add_func ("/serial/csv/empty-first-cell", test_csv_empty_first_cell);
  g_test_add_func ("/serial/csv/nul", test_csv_nul);
  g_test_add_func ("/serial/csv/invalid-utf8", test_csv_invalid_utf8);
  g_test_add_func ("/serial/csv/empty", test_csv_empty);
  g_test_add_func ("/serial/csv/unterminated-quote", test_csv_unterminated_quote);

  return g_test_run ();
}
