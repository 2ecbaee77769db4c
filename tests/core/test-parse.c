/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "st-error.h"
#include "st-parse.h"

static void
assert_message_names (const GError *error,
                      const char   *needle)
{
  g_assert_nonnull (error);
  g_assert_null (strchr (error->message, '\n'));
  if (strstr (error->message, needle) == NULL)
    g_error ("“%s” does not name “%s”", error->message, needle);
}

static void
test_money_parse_good (void)
{
  static const struct { const char *text; gint64 cents; } cases[] = {
    { "12", 1200 },
    { "12.5", 1250 },
    { "12.50", 1250 },
    { "12.05", 1205 },
    { "-3.10", -310 },
    { "-3", -300 },
    { "0", 0 },
    { "-0", 0 },
    { "0.01", 1 },
    { "007.5", 750 },
    { " 7 ", 700 },
    { "92000000000000", ST_MONEY_MAX },
    { "92000000000000.00", ST_MONEY_MAX },
    { "-92000000000000", -ST_MONEY_MAX },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 cents = -1;

      g_assert_true (st_money_parse (cases[i].text, "price", &cents, &error));
      g_assert_no_error (error);
      g_assert_cmpint (cents, ==, cases[i].cents);
    }
}

static void
test_money_parse_bad (void)
{
  static const char * const cases[] = {
    "", " ", "1 000", "1 .5", "1.234", "1,5", "1,000.00", "abc", "12a", "1.", ".5", "+5",
    "--1", "- 1", "1e3", "0x10", "1..2", "1.2.3", "١٢", "１２", "12€", "$12", "NaN", "inf",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 cents = 4242;

      g_assert_false (st_money_parse (cases[i], "price", &cents, &error));
      g_assert_error (error, ST_ERROR, ST_ERROR_INVALID_INPUT);
      g_assert_cmpint (cents, ==, 4242);
    }
}

static void
test_money_parse_overflow (void)
{
  static const char * const cases[] = {
    "92000000000000.01", "-92000000000000.01", "92000000000001", "9223372036854775807",
    "99999999999999999999999999999", "-99999999999999999999999999999.99",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 cents = 4242;

      g_assert_false (st_money_parse (cases[i], "price", &cents, &error));
      g_assert_error (error, ST_ERROR, ST_ERROR_INVALID_INPUT);
      g_assert_cmpint (cents, ==, 4242);
    }
}

static void
test_money_parse_message (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) unnamed = NULL;

  g_assert_false (st_money_parse ("1,5", "--cost", NULL, &error));
  assert_message_names (error, "“1,5”");
  assert_message_names (error, "--cost");

  g_assert_false (st_money_parse ("1\n5", NULL, NULL, &unnamed));
  g_assert_error (unnamed, ST_ERROR, ST_ERROR_INVALID_INPUT);
  assert_message_names (unnamed, "1\\n5");
}

static void
test_money_format (void)
{
  static const struct { gint64 cents; const char *text; } cases[] = {
    { 1250, "12.50" },
    { -310, "-3.10" },
    { 0, "0.00" },
    { 5, "0.05" },
    { -5, "-0.05" },
    { 100, "1.00" },
    { ST_MONEY_MAX, "92000000000000.00" },
    { G_MAXINT64, "92233720368547758.07" },
    { G_MININT64, "-92233720368547758.08" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = st_money_format (cases[i].cents);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static void
test_money_round_trip (void)
{
  static const gint64 cases[] = { 0, 1, -1, 99, 100, 123456789, -987654321, ST_MONEY_MAX };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *text = st_money_format (cases[i]);
      gint64 cents = -42;

      g_assert_true (st_money_parse (text, "amount", &cents, &error));
      g_assert_no_error (error);
      g_assert_cmpint (cents, ==, cases[i]);
    }
}

static void
test_date_valid (void)
{
  static const char * const cases[] = {
    "2024-02-29", "2000-02-29", "1900-01-01", "9999-12-31", "2023-12-31", "2024-04-30",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_true (st_date_validate (cases[i], "date", &error));
      g_assert_no_error (error);
    }
}

static void
test_date_invalid (void)
{
  static const char * const cases[] = {
    "2023-02-29", "1900-02-29", "2024-02-30", "2024-04-31", "2024-13-01", "2024-00-10",
    "2024-01-00", "1899-12-31", "0000-01-01", "2024-2-1", "2024-02-1", "24-02-01", "",
    "2024-02-29 ", " 2024-02-29", "2024/02/29", "20240229", "2024-02-29T10:00",
    "２０２４-０２-２９", "10000-01-01", "+024-02-29", "abcd-ef-gh",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (st_date_validate (cases[i], "date", &error));
      g_assert_error (error, ST_ERROR, ST_ERROR_INVALID_INPUT);
    }
}

static void
test_date_message (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (st_date_validate ("2023-02-29", "--from", &error));
  assert_message_names (error, "“2023-02-29”");
  assert_message_names (error, "--from");
}

static void
test_date_today (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = st_date_today ();
  g_autofree char *expected = g_date_time_format (now, "%Y-%m-%d");

  g_assert_true (st_date_validate (today, "date", &error));
  g_assert_no_error (error);
  /* Unless the test ran across midnight. */
  g_assert_cmpstr (today, ==, expected);
}

static void
test_date_add_months (void)
{
  static const struct { const char *iso; guint months; const char *expected; } cases[] = {
    { "2024-01-31", 1, "2024-02-29" },
    { "2023-01-31", 1, "2023-02-28" },
    { "2024-03-31", 1, "2024-04-30" },
    { "2024-05-15", 12, "2025-05-15" },
    { "2024-05-15", 0, "2024-05-15" },
    { "2024-11-30", 3, "2025-02-28" },
    { "2020-02-29", 12, "2021-02-28" },
    { "2020-02-29", 48, "2024-02-29" },
    { "2024-12-31", 1, "2025-01-31" },
    { "9999-11-15", 1, "9999-12-15" },
    /* Past the end of the calendar: the last day stands for "forever". */
    { "9999-12-31", 1, "9999-12-31" },
    { "2024-01-01", G_MAXUINT, "9999-12-31" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *result = st_date_add_months (cases[i].iso, cases[i].months);

      g_assert_cmpstr (result, ==, cases[i].expected);
    }
}

static StLineSpec *
line_ok (const char *text)
{
  g_autoptr(GError) error = NULL;
  StLineSpec *spec = st_line_spec_parse (text, &error);

  g_assert_no_error (error);
  g_assert_nonnull (spec);
  return spec;
}

static void
test_line_quantity_only (void)
{
  g_autoptr(StLineSpec) spec = line_ok ("PHONE-1:2");

  g_assert_cmpstr (spec->sku, ==, "PHONE-1");
  g_assert_cmpint (spec->quantity, ==, 2);
  g_assert_false (spec->has_rate);
  g_assert_false (spec->has_serials);
  g_assert_null (spec->serials_text);
}

static void
test_line_rate (void)
{
  g_autoptr(StLineSpec) spec = line_ok ("PHONE-1:2:12.50");

  g_assert_cmpint (spec->quantity, ==, 2);
  g_assert_true (spec->has_rate);
  g_assert_cmpint (spec->rate, ==, 1250);
  g_assert_false (spec->has_serials);
}

static void
test_line_serials (void)
{
  g_autoptr(StLineSpec) spec = line_ok ("PHONE-1:3:199:A1,A2..A3");
  g_autoptr(StLineSpec) file = line_ok ("PHONE-1:3:199:@serials.txt");

  g_assert_true (spec->has_rate);
  g_assert_cmpint (spec->rate, ==, 19900);
  g_assert_true (spec->has_serials);
  g_assert_cmpstr (spec->serials_text, ==, "A1,A2..A3");
  g_assert_cmpstr (file->serials_text, ==, "@serials.txt");
}

static void
test_line_empty_rate (void)
{
  g_autoptr(StLineSpec) spec = line_ok ("PHONE-1:2::A,B");
  g_autoptr(StLineSpec) blank = line_ok ("PHONE-1:2: :A,B");
  g_autoptr(StLineSpec) no_serials = line_ok ("PHONE-1:2:");

  g_assert_false (spec->has_rate);
  g_assert_true (spec->has_serials);
  g_assert_cmpstr (spec->serials_text, ==, "A,B");
  g_assert_false (blank->has_rate);
  g_assert_false (no_serials->has_rate);
  g_assert_false (no_serials->has_serials);
}

static void
test_line_serials_with_colons (void)
{
  g_autoptr(StLineSpec) spec = line_ok ("MAC:2:5:00:1A:2B:3C:4D:5E, 00:1A:2B:3C:4D:5F");

  g_assert_true (spec->has_serials);
  g_assert_cmpstr (spec->serials_text, ==, "00:1A:2B:3C:4D:5E, 00:1A:2B:3C:4D:5F");
}

static void
test_line_empty_serials (void)
{
  /* A fourth part, even empty, means "these serials": the caller reports the count. */
  g_autoptr(StLineSpec) spec = line_ok ("PHONE-1:2:10:");

  g_assert_true (spec->has_serials);
  g_assert_cmpstr (spec->serials_text, ==, "");
}

static void
test_line_negative_quantity (void)
{
  g_autoptr(StLineSpec) minus = line_ok ("PHONE-1:-3");
  g_autoptr(StLineSpec) plus = line_ok ("PHONE-1:+3");
  g_autoptr(StLineSpec) largest = line_ok ("PHONE-1:2147483647");
  g_autoptr(StLineSpec) smallest = line_ok ("PHONE-1:-2147483647");

  g_assert_cmpint (minus->quantity, ==, -3);
  g_assert_cmpint (plus->quantity, ==, 3);
  g_assert_cmpint (largest->quantity, ==, G_MAXINT32);
  g_assert_cmpint (smallest->quantity, ==, -G_MAXINT32);
}

static void
test_line_trim (void)
{
  g_autoptr(StLineSpec) spec = line_ok ("  Phone X : 2 : 9.99 : A1, A2 ");

  g_assert_cmpstr (spec->sku, ==, "Phone X");
  g_assert_cmpint (spec->quantity, ==, 2);
  g_assert_cmpint (spec->rate, ==, 999);
  /* SERIALS are kept raw for the serial parser. */
  g_assert_cmpstr (spec->serials_text, ==, " A1, A2 ");
}

static void
assert_line_fails (const char *text,
                   const char *part)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StLineSpec) spec = st_line_spec_parse (text, &error);

  g_assert_null (spec);
  g_assert_error (error, ST_ERROR, ST_ERROR_INVALID_INPUT);
  g_assert_null (strchr (error->message, '\n'));
  if (part != NULL)
    assert_message_names (error, part);
}

static void
test_line_missing_quantity (void)
{
  assert_line_fails ("PHONE-1", "“PHONE-1”");
  assert_line_fails ("PHONE-1:", "“PHONE-1:”");
  assert_line_fails ("PHONE-1: ", "quantity");
  assert_line_fails ("PHONE-1::10", "quantity");
}

static void
test_line_empty_sku (void)
{
  assert_line_fails ("", "SKU");
  assert_line_fails (":2", "“:2”");
  assert_line_fails ("  :2:10", "SKU");
}

static void
test_line_zero_quantity (void)
{
  assert_line_fails ("PHONE-1:0", "“PHONE-1:0”");
  assert_line_fails ("PHONE-1:-0", "PHONE-1:-0");
  assert_line_fails ("PHONE-1:000", "PHONE-1:000");
}

static void
test_line_bad_quantity (void)
{
  assert_line_fails ("PHONE-1:x", "“x”");
  assert_line_fails ("PHONE-1:1.5", "“1.5”");
  assert_line_fails ("PHONE-1:2x", "“2x”");
  assert_line_fails ("PHONE-1:1 0", "“1 0”");
  assert_line_fails ("PHONE-1:-", "“-”");
  assert_line_fails ("PHONE-1:--2", "“--2”");
  assert_line_fails ("PHONE-1:0x10", "“0x10”");
  assert_line_fails ("PHONE-1:99999999999999999999x", "“99999999999999999999x”");
}

static void
test_line_quantity_too_large (void)
{
  assert_line_fails ("PHONE-1:2147483648", "“2147483648”");
  assert_line_fails ("PHONE-1:-2147483648", "“-2147483648”");
  assert_line_fails ("PHONE-1:99999999999999999999999999", "“99999999999999999999999999”");
}

static void
test_line_bad_rate (void)
{
  assert_line_fails ("PHONE-1:2:abc", "“abc”");
  assert_line_fails ("PHONE-1:2:1.234", "“1.234”");
  assert_line_fails ("PHONE-1:2:1,5:A,B", "“1,5”");
  assert_line_fails ("PHONE-1:2:-1", "“-1”");
  assert_line_fails ("PHONE-1:2:99999999999999999", "“99999999999999999”");
}

static void
test_line_invalid_utf8 (void)
{
  assert_line_fails ("PH\xFF" "ONE:2", NULL);
}

static void
test_line_long_message (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *serials = g_strnfill (10000, 'S');
  g_autofree char *text = g_strdup_printf ("PHONE-1:x:1:%s", serials);
  g_autoptr(StLineSpec) spec = st_line_spec_parse (text, &error);

  g_assert_null (spec);
  g_assert_error (error, ST_ERROR, ST_ERROR_INVALID_INPUT);
  assert_message_names (error, "PHONE-1:x:1:SSS");
  assert_message_names (error, "…");
  g_assert_cmpuint (strlen (error->message), <, 400);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/parse/money/parse-good", test_money_parse_good);
  g_test_add_func ("/parse/money/parse-bad", test_money_parse_bad);
  g_test_add_func ("/parse/money/parse-overflow", test_money_parse_overflow);
  g_test_add_func ("/parse/money/parse-message", test_money_parse_message);
  g_test_add_func ("/parse/money/format", test_money_format);
  g_test_add_func ("/parse/money/round-trip", test_money_round_trip);
  g_test_add_func ("/parse/date/valid", test_date_valid);
  g_test_add_func ("/parse/date/invalid", test_date_invalid);
  g_test_add_func ("/parse/date/message", test_date_message);
  g_test_add_func ("/parse/date/today", test_date_today);
  g_test_add_func ("/parse/date/add-months", test_date_add_months);
  g_test_add_func ("/parse/line/quantity-only", test_line_quantity_only);
  g_test_add_func ("/parse/line/rate", test_line_rate);
  g_test_add_func ("/parse/line/serials", test_line_serials);
  g_test_add_func ("/parse/line/empty-rate", test_line_empty_rate);
  g_test_add_func ("/parse/line/serials-with-colons", test_line_serials_with_colons);
  g_test_add_func ("/parse/line/empty-serials", test_line_empty_serials);
  g_test_add_func ("/parse/line/negative-quantity", test_line_negative_quantity);
  g_test_add_func ("/parse/line/trim", test_line_trim);
  g_test_add_func ("/parse/line/missing-quantity", test_line_missing_quantity);
  g_test_add_func ("/parse/line/empty-sku", test_line_empty_sku);
  g_test_add_func ("/parse/line/zero-quantity", test_line_zero_quantity);
  g_test_add_func ("/parse/line/bad-quantity", test_line_bad_quantity);
  g_test_add_func ("/parse/line/quantity-too-large", test_line_quantity_too_large);
  g_test_add_func ("/parse/line/bad-rate", test_line_bad_rate);
  g_test_add_func ("/parse/line/invalid-utf8", test_line_invalid_utf8);
  g_test_add_func ("/parse/line/long-message", test_line_long_message);

  return g_test_run ();
}
