/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-cli-drafts.c — "KIND post … --draft" and draft list|show|post|delete (DESIGN §6, §11):
 * a draft keeps what was entered, touches no unit, stock or ledger, and is posted through the
 * same engine with every check made again; refused, it stays as it was. */
#include <glib.h>
#include <string.h>

#include "st-test-cli.h"

void add_drafts_tests (void);

/* A bill saved with problems (a serial twice, a serial the item has) is kept as entered; it
 * changes nothing until posted, and posting it is refused, naming the serial, the draft kept. */
static void
test_save_show_refuse (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(TjNode) saved = NULL;
  g_autoptr(TjNode) shown = NULL;
  g_autoptr(TjNode) list = NULL;
  g_autoptr(TjNode) after = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *units = NULL;

  stock_base (f);

  saved = cli_json (f, "bill", "post", "--vendor", "Acme", "--number", "B-2", "--warehouse",
                    "Main", "--line", "PHONE:3:90:N1,N1,S1", "--line", "CABLE:5", "--draft",
                    NULL);
  g_assert_cmpstr (tj_str (saved, "draft"), ==, "DRAFT-00001");
  g_assert_cmpstr (tj_str (saved, "kind"), ==, "bill");
  g_assert_cmpstr (tj_str (saved, "number"), ==, "B-2");
  g_assert_cmpstr (tj_str (saved, "contact"), ==, "Acme");
  g_assert_cmpuint (tj_len (saved, "lines"), ==, 2);
  g_assert_cmpuint (tj_len (saved, "lines/0/serials"), ==, 3);
  g_assert_cmpstr (tj_str (saved, "lines/0/serials/1"), ==, "N1");
  g_assert_cmpstr (tj_str (saved, "lines/0/rate"), ==, "90.00");
  g_assert_true (tj_is_null (saved, "lines/1/rate"));
  g_assert_true (tj_is_null (saved, "lines/1/serials"));

  /* Nothing moved: no unit N1, stock as it was, no new document. */
  g_assert_cmpint (cli_on_hand (f, "PHONE"), ==, 3);
  g_assert_cmpint (cli_on_hand (f, "CABLE"), ==, 10);
  g_free (cli_refused (f, "N1", "unit", "N1", NULL));
  g_free (cli_refused (f, "B-2", "void", "bill", "B-2", NULL));

  list = cli_json (f, "draft", "list", NULL);
  g_assert_cmpuint (tj_len (list, ""), ==, 1);
  g_assert_cmpstr (tj_str (list, "0/draft"), ==, "DRAFT-00001");
  g_assert_cmpint (tj_int (list, "0/quantity"), ==, 8);

  out = cli_ok (f, "draft", "show", "draft-00001", NULL);
  assert_contains (out, "Draft DRAFT-00001 (Bill)");
  assert_contains (out, "B-2");
  assert_contains (out, "N1, N1, S1");

  /* A copy of the database takes its drafts along. */
  {
    g_autofree char *target = g_build_filename (f->dir, "copy.serialtrack", NULL);
    const char *copy_args[] = { "copy", target, NULL };
    const char *show_args[] = { "--db", target, "draft", "show", "DRAFT-00001", NULL };
    g_autoptr(Run) copied = cli_runv (f, DB_ARG, NULL, copy_args);
    g_autoptr(Run) from_copy = NULL;

    g_assert_cmpint (copied->status, ==, 0);
    from_copy = cli_runv (f, DB_NONE, NULL, show_args);
    g_assert_cmpint (from_copy->status, ==, 0);
    assert_contains (from_copy->out, "N1, N1, S1");
  }

  /* Posting it checks everything: refused, naming the serial; the database unchanged
   * (cli_refused compares it byte for byte), the draft still there. */
  err = cli_refused (f, "N1", "draft", "post", "DRAFT-00001", NULL);
  g_clear_pointer (&err, g_free);
  shown = cli_json (f, "draft", "show", "DRAFT-00001", NULL);
  g_assert_cmpuint (tj_len (shown, "lines/0/serials"), ==, 3);

  g_free (cli_refused (f, "DRAFT-00009", "draft", "post", "DRAFT-00009", NULL));
  g_free (cli_refused (f, "DRAFT-00009", "draft", "show", "DRAFT-00009", NULL));
  g_free (cli_refused (f, "DRAFT-00009", "draft", "delete", "DRAFT-00009", NULL));

  /* Deleted: gone, and nothing else with it. */
  out = (g_free (out), cli_ok (f, "draft", "delete", "DRAFT-00001", NULL));
  g_assert_cmpstr (out, ==, "Deleted draft DRAFT-00001\n");
  after = cli_json (f, "draft", "list", NULL);
  g_assert_cmpuint (tj_len (after, ""), ==, 0);
  units = cli_ok (f, "units", NULL);
  assert_contains (units, "S3");
  g_assert_cmpint (cli_on_hand (f, "PHONE"), ==, 3);
}

/* The brief's refusal: an invoice draft picked S1; S1 is sold on another invoice meanwhile;
 * posting the draft is refused naming S1 and the draft is kept, exactly as saved. */
static void
test_sold_meanwhile (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(TjNode) saved = NULL;
  g_autoptr(TjNode) shown = NULL;
  g_autoptr(TjNode) posted = NULL;
  g_autoptr(TjNode) list = NULL;
  g_autofree char *err = NULL;

  stock_base (f);
  saved = cli_json (f, "invoice", "post", "--customer", "Bob", "--warehouse", "Main",
                    "--line", "PHONE:1:150:S1", "--draft", NULL);
  g_assert_cmpstr (tj_str (saved, "draft"), ==, "DRAFT-00001");
  /* The unit is not reserved by a draft: it sells to Carol meanwhile. */
  g_free (cli_ok (f, "invoice", "post", "--customer", "Carol", "--warehouse", "Main",
                  "--line", "PHONE:1:150:S1", NULL));
  tj_free (assert_unit (f, "S1", "sold", NULL, "received,sold"));

  err = cli_refused (f, "S1", "draft", "post", "DRAFT-00001", NULL);
  g_assert_null (strstr (err, "DRAFT"));
  shown = cli_json (f, "draft", "show", "DRAFT-00001", NULL);
  g_assert_cmpstr (tj_str (shown, "contact"), ==, "Bob");
  g_assert_cmpstr (tj_str (shown, "lines/0/serials/0"), ==, "S1");

  /* A fresh draft of the same sale with S2 posts, and gets the next invoice number. */
  tj_free (cli_json (f, "invoice", "post", "--customer", "Bob", "--warehouse", "Main",
                     "--line", "PHONE:1:150:S2", "--draft", NULL));
  posted = cli_json (f, "draft", "post", "DRAFT-00002", NULL);
  g_assert_cmpstr (tj_str (posted, "kind"), ==, "invoice");
  g_assert_cmpstr (tj_str (posted, "number"), ==, "INV-00002");
  g_assert_cmpstr (tj_str (posted, "status"), ==, "posted");
  tj_free (assert_unit (f, "S2", "sold", NULL, "received,sold"));
  list = cli_json (f, "draft", "list", NULL);
  g_assert_cmpuint (tj_len (list, ""), ==, 1);
  g_assert_cmpstr (tj_str (list, "0/draft"), ==, "DRAFT-00001");
}

/* Every kind of document saved as a draft and posted through the engine; a draft saved
 * incomplete is refused naming what it lacks. */
static void
test_every_kind (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(TjNode) list = NULL;
  g_autoptr(TjNode) doc = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  stock_base (f);
  g_free (cli_ok (f, "invoice", "post", "--customer", "Bob", "--warehouse", "Main",
                  "--line", "PHONE:1:150:S2", NULL));

  tj_free (cli_json (f, "bill", "post", "--vendor", "Zenith", "--number", "Z-1", "--warehouse",
                     "Store", "--line", "PHONE:1:80:Z1", "--draft", NULL));
  tj_free (cli_json (f, "transfer", "post", "--from", "Main", "--to", "Store",
                     "--line", "PHONE:1::S3", "--draft", NULL));
  tj_free (cli_json (f, "adjust", "post", "--warehouse", "Main", "--reason", "found",
                     "--line", "PHONE:1::A1", "--draft", NULL));
  tj_free (cli_json (f, "return", "post", "--invoice", "INV-00001", "--warehouse", "Main",
                     "--line", "PHONE:1::S2", "--draft", NULL));
  tj_free (cli_json (f, "vendor-return", "post", "--bill", "B-1", "--line", "PHONE:1::S1",
                     "--draft", NULL));
  /* Incomplete: no customer, no lines. */
  out = cli_ok (f, "invoice", "post", "--warehouse", "Main", "--draft", NULL);
  assert_contains (out, "Saved draft DRAFT-00006 (Invoice)");

  list = cli_json (f, "draft", "list", NULL);
  g_assert_cmpuint (tj_len (list, ""), ==, 6);
  tj_free (g_steal_pointer (&list));
  list = cli_json (f, "draft", "list", "--kind", "transfer", NULL);
  g_assert_cmpuint (tj_len (list, ""), ==, 1);
  g_assert_cmpstr (tj_str (list, "0/draft"), ==, "DRAFT-00002");
  cli_usage_error (f, "kind", "draft", "list", "--kind", "nope", NULL);

  /* Nothing moved yet. */
  tj_free (assert_unit (f, "S3", "in_stock", "Main", "received"));
  tj_free (assert_unit (f, "S2", "sold", NULL, "received,sold"));

  err = cli_refused (f, "customer", "draft", "post", "DRAFT-00006", NULL);
  g_clear_pointer (&err, g_free);

  for (guint i = 1; i <= 5; i++)
    {
      g_autofree char *number = g_strdup_printf ("DRAFT-%05u", i);

      doc = cli_json (f, "draft", "post", number, NULL);
      g_assert_cmpstr (tj_str (doc, "status"), ==, "posted");
      tj_free (g_steal_pointer (&doc));
    }
  tj_free (assert_unit (f, "Z1", "in_stock", "Store", "received"));
  tj_free (assert_unit (f, "S3", "in_stock", "Store", "received,transferred"));
  tj_free (assert_unit (f, "A1", "in_stock", "Main", "adjusted_in"));
  tj_free (assert_unit (f, "S2", "in_stock", "Main", "received,sold,returned"));
  tj_free (assert_unit (f, "S1", "returned_to_vendor", NULL, "received,returned_to_vendor"));

  list = (tj_free (list), cli_json (f, "draft", "list", NULL));
  g_assert_cmpuint (tj_len (list, ""), ==, 1);
  /* Text output of a posted draft is the document's, as "KIND post" prints it. */
  g_free (cli_ok (f, "draft", "delete", "DRAFT-00006", NULL));
  tj_free (cli_json (f, "adjust", "post", "--warehouse", "Main", "--reason", "lost",
                     "--line", "CABLE:-2", "--draft", NULL));
  g_free (out);
  out = cli_ok (f, "draft", "post", "DRAFT-00007", NULL);
  assert_contains (out, "Posted adjustment ADJ-00002");
  g_assert_cmpint (cli_on_hand (f, "CABLE"), ==, 8);
}

void
add_drafts_tests (void)
{
#define TEST(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  TEST ("/cli/drafts/save-show-refuse-delete", test_save_show_refuse);
  TEST ("/cli/drafts/sold-meanwhile", test_sold_meanwhile);
  TEST ("/cli/drafts/every-kind", test_every_kind);
#undef TEST
}
