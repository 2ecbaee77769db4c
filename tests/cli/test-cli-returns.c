/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-cli-returns.c — issue 11 through the CLI: an invoice (bill) that a posted sales return
 * (vendor return) refers to cannot be voided, and `check` finds such a database made by an
 * older build. */
#include <string.h>
#include <glib/gstdio.h>

#include "st-test-cli.h"

void add_return_tests (void);

/* The commands of the issue, on a new database. */
static void
issue_setup (Fixture *f)
{
  g_free (cli_ok (f, "init", NULL));
  g_free (cli_ok (f, "contact", "add", "--vendor", "V", NULL));
  g_free (cli_ok (f, "contact", "add", "--customer", "C", NULL));
  g_free (cli_ok (f, "item", "add", "--sku", "CAB", "--name", "Cable", "--price", "5",
                  "--cost", "2", NULL));
  g_free (cli_ok (f, "bill", "post", "--vendor", "V", "--number", "B1", "--warehouse",
                  "Primary Warehouse", "--line", "CAB:10", NULL));
}

static void
test_void_invoice_with_return (Fixture       *f,
                               gconstpointer  data)
{
  g_autofree char *err = NULL;
  g_autofree char *out = NULL;

  issue_setup (f);
  g_free (cli_ok (f, "invoice", "post", "--customer", "C", "--warehouse", "Primary Warehouse",
                  "--number", "I1", "--line", "CAB:3", NULL));
  g_free (cli_ok (f, "return", "post", "--invoice", "I1", "--warehouse", "Primary Warehouse",
                  "--number", "R1", "--line", "CAB:3", NULL));
  g_assert_cmpint (cli_on_hand (f, "CAB"), ==, 10);

  /* Exit 1, one line naming the return, the database byte for byte as before. */
  err = cli_refused (f, "R1", "void", "invoice", "I1", NULL);
  g_assert_cmpstr (err, ==, "serialtrack-cli: Cannot void Invoice I1: Sales return R1 refers to "
                            "it; void that first\n");
  g_assert_cmpint (cli_on_hand (f, "CAB"), ==, 10);
  out = cli_ok (f, "check", NULL);
  assert_contains (out, "No problems found");

  /* The return first, then the invoice: everything as before the sale. */
  g_free (cli_ok (f, "void", "return", "R1", NULL));
  g_assert_cmpint (cli_on_hand (f, "CAB"), ==, 7);
  g_free (cli_ok (f, "void", "invoice", "I1", NULL));
  g_assert_cmpint (cli_on_hand (f, "CAB"), ==, 10);
}

static void
test_void_bill_with_vendor_return (Fixture       *f,
                                   gconstpointer  data)
{
  g_autofree char *err = NULL;

  issue_setup (f);
  g_free (cli_ok (f, "vendor-return", "post", "--bill", "B1", "--number", "VR1",
                  "--line", "CAB:4", NULL));
  g_assert_cmpint (cli_on_hand (f, "CAB"), ==, 6);

  err = cli_refused (f, "VR1", "void", "bill", "B1", NULL);
  g_assert_cmpstr (err, ==, "serialtrack-cli: Cannot void Bill B1: Vendor return VR1 refers to "
                            "it; void that first\n");
  g_free (cli_refused (f, "VR1", "void", "bill", "B1", "--vendor", "V", NULL));
  g_assert_cmpint (cli_on_hand (f, "CAB"), ==, 6);

  g_free (cli_ok (f, "void", "vendor-return", "VR1", NULL));
  g_assert_cmpint (cli_on_hand (f, "CAB"), ==, 10);
  g_free (cli_ok (f, "void", "bill", "B1", NULL));
  g_assert_cmpint (cli_on_hand (f, "CAB"), ==, 0);
}

/* A serial item: the unit's own history refuses, naming the return that moved it on. */
static void
test_void_serial_invoice_with_return (Fixture       *f,
                                      gconstpointer  data)
{
  stock_base (f);
  g_free (cli_ok (f, "invoice", "post", "--customer", "Bob", "--warehouse", "Main",
                  "--number", "I1", "--date", "2024-03-02", "--line", "PHONE:2::S1,S2", NULL));
  g_free (cli_ok (f, "return", "post", "--invoice", "I1", "--warehouse", "Store",
                  "--number", "R1", "--date", "2024-03-03", "--line", "PHONE:1::S1", NULL));
  g_free (cli_refused (f, "R1", "void", "invoice", "I1", NULL));
  g_free (cli_ok (f, "void", "return", "R1", NULL));
  g_free (cli_ok (f, "void", "invoice", "I1", NULL));
  tj_free (assert_unit (f, "S1", "in_stock", "Main", "received,sold,returned,voided,voided"));
  tj_free (assert_unit (f, "S2", "in_stock", "Main", "received,sold,voided"));
}

/* What an older build let happen, made with raw SQL: invoice I1 void while its return R1 is
 * posted (I1 voided before the refusal existed), and a second line on R1 that takes back
 * 50 more cables than I1 ever sold. */
static void
test_check_older_build (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(Run) run = NULL;
  g_autoptr(TjNode) report = NULL;

  issue_setup (f);
  g_free (cli_ok (f, "invoice", "post", "--customer", "C", "--warehouse", "Primary Warehouse",
                  "--number", "I1", "--line", "CAB:3", NULL));
  g_free (cli_ok (f, "return", "post", "--invoice", "I1", "--warehouse", "Primary Warehouse",
                  "--number", "R1", "--line", "CAB:3", NULL));
  database_sql (f, "UPDATE documents SET status = 'void' WHERE kind = 'invoice' AND number = 'I1'");
  database_sql (f, "INSERT INTO document_lines (document_id, line_no, item_id, quantity, rate)"
               " SELECT document_id, line_no + 1, item_id, 50, rate FROM document_lines"
               " WHERE document_id = (SELECT id FROM documents"
               "                      WHERE kind = 'return' AND number = 'R1')");

  run = cli_run (f, NULL, "check", NULL);
  g_assert_cmpint (run->status, ==, 1);
  assert_contains (run->out, "Sales return R1 is posted against Invoice I1, which is void");
  assert_contains (run->out, "Invoice I1: its posted returns take back 53 of CAB, but it has "
                             "only 3");
  assert_contains (run->err, "problem");
  g_clear_pointer (&run, run_free);

  run = cli_run (f, NULL, "--json", "check", NULL);
  g_assert_cmpint (run->status, ==, 1);
  report = tj_parse (run->out, NULL);
  g_assert_nonnull (report);
  g_assert_false (tj_bool (report, "sound"));
  g_assert_cmpuint (tj_len (report, "problems"), ==, 2);

  /* The teardown's check would fail on purpose-made damage. */
  database_remove (f);
}

/* The same for a vendor return: bill B1 void under VR1, VR1 taking back 52 of 10. */
static void
test_check_older_build_vendor_return (Fixture       *f,
                                      gconstpointer  data)
{
  g_autoptr(Run) run = NULL;

  issue_setup (f);
  g_free (cli_ok (f, "vendor-return", "post", "--bill", "B1", "--number", "VR1",
                  "--line", "CAB:2", NULL));
  database_sql (f, "UPDATE documents SET status = 'void' WHERE kind = 'bill' AND number = 'B1'");
  database_sql (f, "UPDATE document_lines SET quantity = 52 WHERE document_id ="
               " (SELECT id FROM documents WHERE kind = 'vendor-return' AND number = 'VR1')");

  run = cli_run (f, NULL, "check", NULL);
  g_assert_cmpint (run->status, ==, 1);
  assert_contains (run->out, "Vendor return VR1 is posted against Bill B1, which is void");
  assert_contains (run->out, "Bill B1: its posted returns take back 52 of CAB, but it has only "
                             "10");
  database_remove (f);
}

void
add_return_tests (void)
{
#define TEST(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
#define TEST_EMPTY(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup_empty, func, fixture_teardown)
  TEST_EMPTY ("/cli/void/invoice-refused-while-returned", test_void_invoice_with_return);
  TEST_EMPTY ("/cli/void/bill-refused-while-vendor-returned", test_void_bill_with_vendor_return);
  TEST ("/cli/void/serial-invoice-refused-while-returned", test_void_serial_invoice_with_return);
  TEST_EMPTY ("/cli/check/older-build-return-against-void", test_check_older_build);
  TEST_EMPTY ("/cli/check/older-build-vendor-return-against-void",
              test_check_older_build_vendor_return);
#undef TEST_EMPTY
#undef TEST
}
