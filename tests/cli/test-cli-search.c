/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-cli-search.c — `serialtrack-cli search TEXT` (DESIGN §6, issue 17): by the last digits,
 * the start, any part of a serial, and by a customer's or vendor's name; --json; --limit. */
#include <string.h>

#include "st-test-cli.h"
#include "st-test-run.h"
#include "st-test-pg.h"

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

/* Acme's bill: PHONE S1 S2 S3; IMEI 356938035643809 and 490154203237518 from Zenith; the first
 * IMEI sold to Carol. */
static void
stock (Fixture *f)
{
  stock_base (f);
  g_free (cli_ok (f, "bill", "post", "--vendor", "Zenith", "--number", "Z-1", "--warehouse",
                  "Main", "--date", "2024-03-02", "--line",
                  "IMEI:2:200:356938035643809,490154203237518", NULL));
  g_free (cli_ok (f, "invoice", "post", "--customer", "Carol", "--warehouse", "Main",
                  "--date", "2024-03-03", "--line", "IMEI:1::356938035643809", NULL));
}

static void
test_last_digits_json (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(TjNode) json = NULL;

  stock (f);
  json = cli_json (f, "search", "3809", NULL);
  g_assert_cmpuint (tj_len (json, "results"), ==, 1);
  g_assert_cmpstr (tj_str (json, "results/0/match"), ==, "end");
  g_assert_cmpstr (tj_str (json, "results/0/unit/serial"), ==, "356938035643809");
  g_assert_cmpstr (tj_str (json, "results/0/unit/customer"), ==, "Carol");
  g_assert_false (tj_bool (json, "more"));
  g_clear_pointer (&json, tj_free);

  /* Anywhere in the serial. */
  json = cli_json (f, "search", "0154", NULL);
  g_assert_cmpuint (tj_len (json, "results"), ==, 1);
  g_assert_cmpstr (tj_str (json, "results/0/match"), ==, "contains");
  g_assert_cmpstr (tj_str (json, "results/0/unit/serial"), ==, "490154203237518");
}

static void
test_text_and_contacts (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *none = NULL;
  g_autoptr(TjNode) json = NULL;

  stock (f);
  /* s1 is a whole serial, then the start of none; "S" starts S1 S2 S3. */
  out = cli_ok (f, "search", "s1", NULL);
  assert_contains (out, "S1");
  assert_contains (out, "serial");
  g_assert_null (strstr (out, "S2"));

  /* Carol's: the IMEI sold to her.  Zenith's: both IMEIs. */
  json = cli_json (f, "search", "caro", NULL);
  g_assert_cmpuint (tj_len (json, "results"), ==, 1);
  g_assert_cmpstr (tj_str (json, "results/0/match"), ==, "contact");
  g_clear_pointer (&json, tj_free);
  json = cli_json (f, "search", "ZEN", NULL);
  g_assert_cmpuint (tj_len (json, "results"), ==, 2);

  none = cli_ok (f, "search", "nothing-like-it", NULL);
  assert_contains (none, "No unit matches");
}

static void
test_limit (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(TjNode) json = NULL;
  g_autofree char *out = NULL;

  stock (f);
  json = cli_json (f, "search", "s", "--limit", "2", NULL);
  g_assert_cmpuint (tj_len (json, "results"), ==, 2);
  g_assert_true (tj_bool (json, "more"));
  g_clear_pointer (&json, tj_free);
  json = cli_json (f, "search", "s", "--limit", "0", NULL);
  g_assert_cmpuint (tj_len (json, "results"), ==, 3);
  g_assert_false (tj_bool (json, "more"));
  out = cli_ok (f, "search", "s", "--limit", "1", NULL);
  assert_contains (out, "More units match");
  cli_usage_error (f, "--limit", "search", "s", "--limit", "many", NULL);
  cli_usage_error (f, "search", "search", NULL);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  if (!st_test_cli_ready ("test-cli-search"))
    return 77;
  ADD ("/cli/search/last-digits-json", test_last_digits_json);
  ADD ("/cli/search/text-and-contacts", test_text_and_contacts);
  ADD ("/cli/search/limit", test_limit);
  return g_test_run ();
}
