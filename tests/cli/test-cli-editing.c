/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-cli-editing.c — item edit|archive|restore|delete, contact edit, warehouse rename
 * (DESIGN §6, §11): history shows the new names; every refusal is one line and writes
 * nothing. */
#include <glib.h>
#include <string.h>

#include "st-test-cli.h"

void add_editing_tests (void);

static void
test_item_edit (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *unit = NULL;
  g_autofree char *list = NULL;
  g_autofree char *err = NULL;

  stock_base (f);

  out = cli_ok (f, "item", "edit", "PHONE", "--name", "Phone Pro", "--price", "160",
                "--cost", "90", "--warranty-months", "24", "--unit", "box", NULL);
  g_assert_cmpstr (out, ==, "Changed item PHONE (Phone Pro)\n");
  /* History shows the new name; the unit keeps the cost it was received at. */
  unit = cli_ok (f, "unit", "S1", NULL);
  assert_contains (unit, "PHONE (Phone Pro)");
  assert_contains (unit, "100.00");
  list = cli_ok (f, "item", "list", NULL);
  assert_contains (list, "Phone Pro");
  assert_contains (list, "160.00");

  /* Refusals: one line, nothing written. */
  err = cli_refused (f, "NOPE", "item", "edit", "NOPE", "--name", "x", NULL);
  g_assert_cmpstr (err, ==, "serialtrack-cli: There is no item with SKU “NOPE”\n");
  g_clear_pointer (&err, g_free);
  err = cli_refused (f, "cable", "item", "edit", "PHONE", "--sku", "cable", NULL);
  g_assert_cmpstr (err, ==, "serialtrack-cli: An item with SKU “cable” already exists\n");
  g_clear_pointer (&err, g_free);
  /* S1 … are no digits: the format cannot be tightened to digits. */
  err = cli_refused (f, "S1", "item", "edit", "PHONE", "--format", "digits", NULL);
  assert_contains (err, "cannot become");
  g_clear_pointer (&err, g_free);
  g_free (cli_refused (f, "name", "item", "edit", "PHONE", "--name", " ", NULL));
  g_free (cli_refused (f, "negative", "item", "edit", "PHONE", "--price", "-1", NULL));
  cli_usage_error (f, "imei", "item", "edit", "PHONE", "--format", "luhn", NULL);

  /* An item without serials takes any format; a new SKU keeps its units. */
  g_free (cli_ok (f, "item", "edit", "IMEI", "--format", "digits", NULL));
  g_free (cli_ok (f, "item", "edit", "PHONE", "--sku", "PHONE2", NULL));
  g_clear_pointer (&unit, g_free);
  unit = cli_ok (f, "unit", "S2", "--item", "PHONE2", NULL);
  assert_contains (unit, "PHONE2 (Phone Pro)");
}

static void
test_item_archive_delete (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *list = NULL;
  g_autofree char *err = NULL;

  stock_base (f);

  /* What history uses is archived, never deleted. */
  err = cli_refused (f, "archive", "item", "delete", "PHONE", NULL);
  g_assert_cmpstr (err, ==, "serialtrack-cli: Item “PHONE” cannot be deleted: documents use it "
                            "(archive it instead)\n");
  g_free (cli_refused (f, "NOPE", "item", "delete", "NOPE", NULL));
  g_free (cli_refused (f, "NOPE", "item", "archive", "NOPE", NULL));

  out = cli_ok (f, "item", "archive", "PHONE", NULL);
  assert_contains (out, "Archived item PHONE");
  /* Kept in lists, reports and histories. */
  list = cli_ok (f, "item", "list", NULL);
  assert_contains (list, "PHONE");
  tj_free (assert_unit (f, "S1", "in_stock", "Main", "received"));
  g_clear_pointer (&out, g_free);
  out = cli_ok (f, "item", "restore", "PHONE", NULL);
  assert_contains (out, "Restored item PHONE");

  /* What nothing uses is deleted. */
  g_free (cli_ok (f, "item", "add", "--sku", "TMP", "--name", "Typo", NULL));
  g_clear_pointer (&out, g_free);
  out = cli_ok (f, "item", "delete", "TMP", NULL);
  g_assert_cmpstr (out, ==, "Deleted item TMP (Typo)\n");
  g_clear_pointer (&list, g_free);
  list = cli_ok (f, "item", "list", NULL);
  g_assert_null (strstr (list, "TMP"));
}

static void
test_contact_and_warehouse (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *unit = NULL;
  g_autofree char *err = NULL;

  stock_base (f);

  out = cli_ok (f, "contact", "edit", "acme", "--vendor", "--name", "Acme Traders",
                "--email", "orders@acme.example", "--phone", "+49 30 1234", NULL);
  g_assert_cmpstr (out, ==, "Changed vendor “Acme Traders”\n");
  g_clear_pointer (&out, g_free);
  out = cli_ok (f, "warehouse", "rename", "Main", "Shop Floor", NULL);
  g_assert_cmpstr (out, ==, "Renamed warehouse “Main” to “Shop Floor”\n");

  /* The bill and the unit show the new names. */
  unit = cli_ok (f, "unit", "S1", NULL);
  assert_contains (unit, "Acme Traders");
  assert_contains (unit, "Shop Floor");
  tj_free (assert_unit (f, "S1", "in_stock", "Shop Floor", "received"));

  err = cli_refused (f, "Acme", "contact", "edit", "Acme", "--vendor", "--phone", "1", NULL);
  g_assert_cmpstr (err, ==, "serialtrack-cli: There is no vendor named “Acme”\n");
  g_clear_pointer (&err, g_free);
  err = cli_refused (f, "already", "contact", "edit", "Zenith", "--vendor", "--name",
                     "ACME traders", NULL);
  g_assert_cmpstr (err, ==, "serialtrack-cli: A vendor named “ACME traders” already exists\n");
  cli_usage_error (f, "--vendor", "contact", "edit", "Bob", "--name", "Robert", NULL);
  g_free (cli_refused (f, "already", "warehouse", "rename", "Store", "shop floor", NULL));
  g_free (cli_refused (f, "Nowhere", "warehouse", "rename", "Nowhere", "X", NULL));

  /* A customer renamed keeps the same contact: a sale to him still posts. */
  g_free (cli_ok (f, "contact", "edit", "Bob", "--customer", "--name", "Robert", NULL));
  g_free (cli_ok (f, "invoice", "post", "--customer", "Robert", "--warehouse", "Shop Floor",
                  "--line", "PHONE:1", NULL));
}

/* contact archive|restore|delete, warehouse archive|restore|delete: what history uses is
 * archived (and still shown in histories), what nothing uses is deleted. */
static void
test_archive_contacts_warehouses (Fixture       *f,
                                  gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *list = NULL;
  g_autofree char *unit = NULL;
  g_autofree char *err = NULL;
  g_autoptr(TjNode) json = NULL;

  stock_base (f);

  /* A vendor a bill uses: refused naming the bill, archived instead, kept in the history. */
  err = cli_refused (f, "B-1", "contact", "delete", "Acme", "--vendor", NULL);
  g_assert_cmpstr (err, ==, "serialtrack-cli: Vendor “Acme” cannot be deleted: Bill B-1 uses it "
                            "(archive it instead)\n");
  g_clear_pointer (&err, g_free);
  out = cli_ok (f, "contact", "archive", "acme", "--vendor", NULL);
  g_assert_cmpstr (out, ==, "Archived vendor “Acme”: new documents no longer offer it\n");
  list = cli_ok (f, "contact", "list", "--vendor", NULL);
  assert_contains (list, "Acme (archived)");
  assert_contains (list, "Zenith");
  g_assert_null (strstr (list, "Zenith (archived)"));
  unit = cli_ok (f, "unit", "S1", NULL);
  assert_contains (unit, "Acme");
  json = cli_json (f, "contact", "list", "--vendor", NULL);
  g_assert_true (tj_bool (json, "0/archived"));
  g_assert_false (tj_bool (json, "1/archived"));
  g_assert_cmpstr (tj_str (json, "0/name"), ==, "Acme");
  g_clear_pointer (&out, g_free);
  out = cli_ok (f, "contact", "restore", "Acme", "--vendor", NULL);
  g_assert_cmpstr (out, ==, "Restored vendor “Acme”\n");
  g_clear_pointer (&list, g_free);
  list = cli_ok (f, "contact", "list", "--vendor", NULL);
  g_assert_null (strstr (list, "(archived)"));

  /* A customer nothing uses is deleted; the vendor of the same name is another contact. */
  g_clear_pointer (&out, g_free);
  out = cli_ok (f, "contact", "delete", "Carol", "--customer", NULL);
  g_assert_cmpstr (out, ==, "Deleted customer “Carol”\n");
  g_free (cli_refused (f, "Carol", "contact", "delete", "Carol", "--customer", NULL));
  g_free (cli_refused (f, "Carol", "contact", "archive", "Carol", "--vendor", NULL));
  cli_usage_error (f, "--vendor", "contact", "archive", "Bob", NULL);
  /* A customer an invoice uses. */
  g_free (cli_ok (f, "invoice", "post", "--customer", "Bob", "--warehouse", "Main", "--number",
                  "INV-9", "--line", "PHONE:1", NULL));
  err = cli_refused (f, "INV-9", "contact", "delete", "Bob", "--customer", NULL);
  assert_contains (err, "Customer “Bob” cannot be deleted: Invoice INV-9 uses it");
  g_clear_pointer (&err, g_free);

  /* A warehouse with stock is not archived; one whose stock moved on is, and a document
   * keeps it from being deleted. */
  err = cli_refused (f, "in stock", "warehouse", "archive", "Main", NULL);
  assert_contains (err, "Warehouse “Main” cannot be archived: it has 12 units in stock");
  g_clear_pointer (&err, g_free);
  g_free (cli_ok (f, "transfer", "post", "--from", "Main", "--to", "Store", "--number", "T-1",
                  "--line", "CABLE:2", NULL));
  g_free (cli_ok (f, "transfer", "post", "--from", "Store", "--to", "Main", "--number", "T-2",
                  "--line", "CABLE:2", NULL));
  err = cli_refused (f, "T-1", "warehouse", "delete", "Store", NULL);
  g_assert_cmpstr (err, ==, "serialtrack-cli: Warehouse “Store” cannot be deleted: Transfer order "
                            "T-1 uses it (archive it instead)\n");
  g_clear_pointer (&out, g_free);
  out = cli_ok (f, "warehouse", "archive", "Store", NULL);
  g_assert_cmpstr (out, ==, "Archived warehouse “Store”: new documents no longer offer it\n");
  g_clear_pointer (&list, g_free);
  list = cli_ok (f, "warehouse", "list", NULL);
  g_assert_cmpstr (list, ==, "Main\nPrimary Warehouse\nStore (archived)\n");
  g_clear_pointer (&out, g_free);
  out = cli_ok (f, "warehouse", "restore", "Store", NULL);
  g_assert_cmpstr (out, ==, "Restored warehouse “Store”\n");

  /* A new warehouse nothing uses is deleted. */
  g_free (cli_ok (f, "warehouse", "add", "Typo Hall", NULL));
  g_clear_pointer (&out, g_free);
  out = cli_ok (f, "warehouse", "delete", "typo hall", NULL);
  g_assert_cmpstr (out, ==, "Deleted warehouse “Typo Hall”\n");
  g_clear_pointer (&list, g_free);
  list = cli_ok (f, "warehouse", "list", NULL);
  g_assert_cmpstr (list, ==, "Main\nPrimary Warehouse\nStore\n");
  g_free (cli_refused (f, "Nowhere", "warehouse", "delete", "Nowhere", NULL));
}

void
add_editing_tests (void)
{
#define TEST(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  TEST ("/cli/editing/item-edit", test_item_edit);
  TEST ("/cli/editing/item-archive-delete", test_item_archive_delete);
  TEST ("/cli/editing/contact-and-warehouse", test_contact_and_warehouse);
  TEST ("/cli/editing/archive-contacts-warehouses", test_archive_contacts_warehouses);
#undef TEST
}
