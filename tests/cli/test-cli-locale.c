/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-cli-locale.c — serialtrack-cli under LC_ALL=C with LANG unset (a cron job, a bare
 * container: issue 17): its quotes, arrows and the names it stores come out as UTF-8, not as
 * "?"; and st_cli_text_for_charset () for a charset that really is not UTF-8. */
#include <locale.h>
#include <string.h>

#include "st-cli-charset.h"
#include "st-test-cli.h"
#include "st-test-run.h"
#include "st-test-pg.h"

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

static void
assert_no_question_mark (const char *text)
{
  if (strchr (text, '?') != NULL)
    g_error ("a “?” in the output:\n%s", text);
}

static void
test_c_locale (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *added = NULL;
  g_autofree char *unit = NULL;
  g_autofree char *contacts = NULL;
  g_autoptr(Run) unknown = NULL;
  g_autoptr(Run) missing = NULL;

  /* The test's own process and so the CLI it spawns: nothing but the C locale. */
  g_assert_cmpstr (g_getenv ("LC_ALL"), ==, "C");
  g_assert_null (g_getenv ("LANG"));

  added = cli_ok (f, "contact", "add", "--customer", "Müller & Søn", NULL);
  assert_no_question_mark (added);
  assert_contains (added, "Added customer “Müller & Søn”");
  contacts = cli_ok (f, "contact", "list", NULL);
  assert_contains (contacts, "Müller & Søn");

  stock_base (f);
  g_free (cli_ok (f, "transfer", "post", "--from", "Main", "--to", "Store", "--date",
                  "2024-03-02", "--line", "PHONE:1::S2", NULL));
  g_free (cli_ok (f, "invoice", "post", "--customer", "Müller & Søn", "--warehouse", "Store",
                  "--date", "2024-03-03", "--line", "PHONE:1:250:S2", NULL));
  unit = cli_ok (f, "unit", "S2", NULL);
  assert_no_question_mark (unit);
  assert_contains (unit, "From → To");
  assert_contains (unit, "Main → Store");
  assert_contains (unit, "Müller & Søn");

  /* Errors (g_printerr) the same. */
  missing = cli_run (f, NULL, "unit", "NOPE", NULL);
  g_assert_cmpint (missing->status, ==, 1);
  assert_no_question_mark (missing->err);
  assert_contains (missing->err, "No unit has serial “NOPE”");
  unknown = cli_run (f, NULL, "frobnicate", NULL);
  g_assert_cmpint (unknown->status, ==, 2);
  assert_no_question_mark (unknown->err);
  assert_contains (unknown->err, "Unknown command “frobnicate”");
  assert_contains (unknown->err, "Try “serialtrack-cli --help”");
}

static void
test_other_charsets (void)
{
  const char *text = "Added customer “Müller & Søn” — S1 → S2 … 1 × 2\n";
  g_autofree char *ascii = st_cli_text_for_charset (text, "ANSI_X3.4-1968");
  g_autofree char *latin1 = st_cli_text_for_charset (text, "ISO-8859-1");
  g_autofree char *utf8 = st_cli_text_for_charset (text, "UTF-8");
  g_autofree char *french = st_cli_text_for_charset ("Série\u202f: « S1 »", "ISO-8859-1");

  /* ASCII: the punctuation by look-alikes; only the letters it has no look-alike for "?". */
  g_assert_cmpstr (ascii, ==, "Added customer \"M?ller & S?n\" - S1 -> S2 ... 1 x 2\n");
  /* Latin-1 has ü, ø and ×, not “ ” — → …. */
  g_assert_cmpstr (latin1, ==, "Added customer \"M\xfcller & S\xf8n\" - S1 -> S2 ... 1 \xd7 2\n");
  g_assert_cmpstr (utf8, ==, text);
  /* « » are Latin-1; the narrow no-break space is not. */
  g_assert_cmpstr (french, ==, "S\xe9rie : \xab S1 \xbb");
}

int
main (int    argc,
      char **argv)
{
  /* What cron or `env -i` leaves: LC_ALL=C (as meson's environment cannot unset LANG, the
   * test clears the rest itself), no LANG, no LANGUAGE. */
  g_setenv ("LC_ALL", "C", TRUE);
  g_unsetenv ("LANG");
  g_unsetenv ("LANGUAGE");
  g_unsetenv ("LC_CTYPE");
  g_unsetenv ("LC_MESSAGES");
  setlocale (LC_ALL, "");

  g_test_init (&argc, &argv, NULL);
  if (!st_test_cli_ready ("test-cli-locale"))
    return 77;
  g_test_add_func ("/cli/locale/other-charsets", test_other_charsets);
  ADD ("/cli/locale/c-utf8-out", test_c_locale);
  return g_test_run ();
}
