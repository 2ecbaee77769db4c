/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-cli-refusals.c — every refusal of issue 2 through the CLI: exit 1, one line on stderr
 * naming the serial or the field, and the database byte for byte as it was. */
#include <string.h>

#include "st-test-cli.h"

void add_refusal_tests (void);

#define BILL(f, needle, line) \
  g_free (cli_refused (f, needle, "bill", "post", "--vendor", "Acme", "--number", "B-X", \
                       "--warehouse", "Main", "--date", "2024-03-01", "--line", line, NULL))
#define SELL(f, needle, warehouse, line) \
  g_free (cli_refused (f, needle, "invoice", "post", "--customer", "Bob", \
                       "--warehouse", warehouse, "--date", "2024-03-02", "--line", line, NULL))

static void
test_serial_in_stock (Fixture       *f,
                      gconstpointer  data)
{
  stock_base (f);
  BILL (f, "S2", "PHONE:1::S2");
  /* Serials compare case-insensitively, and white space around them does not count. */
  BILL (f, "s2", "PHONE:1::s2");
  BILL (f, "S3", "PHONE:2::NEW1, S3 ");
  /* Line 2 is wrong: line 1 is not written either. */
  g_free (cli_refused (f, "S1", "bill", "post", "--vendor", "Acme", "--number", "B-X",
                       "--warehouse", "Main", "--line", "PHONE:1::FRESH", "--line",
                       "PHONE:1::S1", NULL));
  /* A + adjustment brings new serials only, too. */
  g_free (cli_refused (f, "S1", "adjust", "post", "--warehouse", "Store", "--reason", "Found",
                       "--line", "PHONE:1::S1", NULL));
}

static void
test_serial_twice (Fixture       *f,
                   gconstpointer  data)
{
  BILL (f, "N1", "PHONE:2::N1,N1");
  BILL (f, "n1", "PHONE:2::N1,n1");
  g_free (cli_refused (f, "N1", "bill", "post", "--vendor", "Acme", "--number", "B-X",
                       "--warehouse", "Main", "--line", "PHONE:1::N1", "--line", "PHONE:1::N1",
                       NULL));
  /* A range overlapping a listed serial. */
  BILL (f, "SN0002", "PHONE:4::SN0002,SN0001..SN0003");

  stock_base (f);
  SELL (f, "S1", "Main", "PHONE:2::S1,S1");
}

static void
test_serial_count (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *err = NULL;

  /* Fewer. */
  BILL (f, "PHONE", "PHONE:3::N1,N2");
  /* More. */
  BILL (f, "PHONE", "PHONE:1::N1,N2");
  /* None on a bill: a bill's serials are new, they cannot be picked. */
  err = cli_refused (f, "PHONE", "bill", "post", "--vendor", "Acme", "--number", "B-X",
                     "--warehouse", "Main", "--line", "PHONE:2", NULL);
  assert_contains (err, "0 serials");

  stock_base (f);
  SELL (f, "PHONE", "Main", "PHONE:2::S1");
  SELL (f, "PHONE", "Main", "PHONE:1::S1,S2");
  /* Picking more than there is. */
  SELL (f, "PHONE", "Main", "PHONE:4");
}

static void
test_serial_empty (Fixture       *f,
                   gconstpointer  data)
{
  BILL (f, "empty", "PHONE:2::N1,,N2");
  BILL (f, "empty", "PHONE:2::N1,   ");
  BILL (f, "empty", "PHONE:1::");
  BILL (f, "empty", "PHONE:1:: ");
  BILL (f, "empty", "PHONE:2::,N1");
}

static void
test_serial_invalid (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *long_serial = g_strnfill (101, 'X');
  g_autofree char *ok_serial = g_strnfill (100, 'Y');
  g_autofree char *line = NULL;
  g_autofree char *err = NULL;
  g_autoptr(TjNode) unit = NULL;

  BILL (f, "control character", "PHONE:1::AB\001CD");
  err = cli_refused (f, "AB\\tCD", "bill", "post", "--vendor", "Acme", "--number", "B-X",
                     "--warehouse", "Main", "--line", "PHONE:1::AB\tCD", NULL);
  g_free (err);
  err = cli_refused (f, "AB\\nCD", "bill", "post", "--vendor", "Acme", "--number", "B-X",
                     "--warehouse", "Main", "--line", "PHONE:1::AB\nCD", NULL);
  /* Still one line, although the serial held a line break. */
  g_assert_cmpuint (strlen (err), ==, (gsize) (strchr (err, '\n') - err) + 1);

  line = g_strconcat ("PHONE:1::", long_serial, NULL);
  BILL (f, "longer than 100", line);
  g_free (line);

  /* 100 characters are fine. */
  line = g_strconcat ("PHONE:1::", ok_serial, NULL);
  g_free (cli_ok (f, "bill", "post", "--vendor", "Acme", "--number", "B-OK", "--warehouse", "Main",
                  "--date", "2024-03-01", "--line", line, NULL));
  unit = cli_json (f, "unit", ok_serial, NULL);
  g_assert_cmpstr (tj_str (unit, "status"), ==, "in_stock");
}

static void
test_imei (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(TjNode) unit = NULL;

  BILL (f, "490154203237519", "IMEI:1::490154203237519");
  BILL (f, "49015420323751", "IMEI:1::49015420323751");
  BILL (f, "49015420323751A", "IMEI:1::49015420323751A");
  /* One bad serial refuses the whole document. */
  BILL (f, "356938035643808", "IMEI:2::490154203237518,356938035643808");

  g_free (cli_ok (f, "bill", "post", "--vendor", "Acme", "--number", "B-IMEI", "--warehouse",
                  "Main", "--date", "2024-03-01",
                  "--line", "IMEI:2::490154203237518,356938035643809", NULL));
  unit = cli_json (f, "unit", "356938035643809", NULL);
  g_assert_cmpstr (tj_str (unit, "sku"), ==, "IMEI");
}

static void
test_not_in_stock (Fixture       *f,
                   gconstpointer  data)
{
  stock_base (f);
  /* Selling from the wrong warehouse. */
  SELL (f, "S1", "Store", "PHONE:1::S1");
  /* A serial that does not exist. */
  SELL (f, "NOPE-1", "Main", "PHONE:1::NOPE-1");
  /* Transferring from where it is not. */
  g_free (cli_refused (f, "S1", "transfer", "post", "--from", "Store", "--to", "Main",
                       "--line", "PHONE:1::S1", NULL));
  /* Writing off where it is not. */
  g_free (cli_refused (f, "S1", "adjust", "post", "--warehouse", "Store", "--reason", "Lost",
                       "--line", "PHONE:-1::S1", NULL));

  /* Once sold, a unit can be neither sold, moved nor written off. */
  g_free (cli_ok (f, "invoice", "post", "--customer", "Bob", "--warehouse", "Main",
                  "--date", "2024-03-02", "--line", "PHONE:1::S1", NULL));
  SELL (f, "S1", "Main", "PHONE:1::S1");
  g_free (cli_refused (f, "S1", "transfer", "post", "--from", "Main", "--to", "Store",
                       "--line", "PHONE:1::S1", NULL));
  g_free (cli_refused (f, "S1", "adjust", "post", "--warehouse", "Main", "--reason", "Lost",
                       "--line", "PHONE:-1::S1", NULL));
  /* Nor sent back to its vendor. */
  g_free (cli_refused (f, "S1", "vendor-return", "post", "--bill", "B-1",
                       "--line", "PHONE:1::S1", NULL));
}

static void
test_same_warehouse (Fixture       *f,
                     gconstpointer  data)
{
  stock_base (f);
  g_free (cli_refused (f, "Main", "transfer", "post", "--from", "Main", "--to", "Main",
                       "--line", "PHONE:1::S1", NULL));
  g_free (cli_refused (f, "Main", "transfer", "post", "--from", "Main", "--to", "main",
                       "--in-transit", "--line", "CABLE:1", NULL));
}

static void
test_return_not_sold_there (Fixture       *f,
                            gconstpointer  data)
{
  stock_base (f);
  g_free (cli_ok (f, "invoice", "post", "--customer", "Bob", "--warehouse", "Main",
                  "--number", "INV-A", "--date", "2024-03-02", "--line", "PHONE:1::S1", NULL));
  g_free (cli_ok (f, "invoice", "post", "--customer", "Carol", "--warehouse", "Main",
                  "--number", "INV-B", "--date", "2024-03-02", "--line", "PHONE:1::S2", NULL));
  /* Sold, but on the other invoice. */
  g_free (cli_refused (f, "S2", "return", "post", "--invoice", "INV-A", "--warehouse", "Main",
                       "--date", "2024-03-03", "--line", "PHONE:1::S2", NULL));
  /* Never sold. */
  g_free (cli_refused (f, "S3", "return", "post", "--invoice", "INV-A", "--warehouse", "Main",
                       "--date", "2024-03-03", "--line", "PHONE:1::S3", NULL));
  /* More than were sold on it. */
  g_free (cli_refused (f, "PHONE", "return", "post", "--invoice", "INV-A", "--warehouse", "Main",
                       "--date", "2024-03-03", "--line", "PHONE:2", NULL));
  /* Returned once, not twice. */
  g_free (cli_ok (f, "return", "post", "--invoice", "INV-A", "--warehouse", "Store",
                  "--date", "2024-03-03", "--line", "PHONE:1::S1", NULL));
  g_free (cli_refused (f, "S1", "return", "post", "--invoice", "INV-A", "--warehouse", "Main",
                       "--date", "2024-03-03", "--line", "PHONE:1::S1", NULL));
}

static void
test_unknown_names (Fixture       *f,
                    gconstpointer  data)
{
  stock_base (f);
  BILL (f, "NOSUCH", "NOSUCH:1::Q1");
  SELL (f, "NOSUCH", "Main", "NOSUCH:1");
  g_free (cli_refused (f, "Nowhere", "bill", "post", "--vendor", "Acme", "--number", "B-X",
                       "--warehouse", "Nowhere", "--line", "PHONE:1::Q1", NULL));
  SELL (f, "Nowhere", "Nowhere", "PHONE:1");
  g_free (cli_refused (f, "Nowhere", "transfer", "post", "--from", "Main", "--to", "Nowhere",
                       "--line", "PHONE:1", NULL));
  g_free (cli_refused (f, "Nobody", "bill", "post", "--vendor", "Nobody", "--number", "B-X",
                       "--warehouse", "Main", "--line", "PHONE:1::Q1", NULL));
  /* A customer is not a vendor. */
  g_free (cli_refused (f, "Bob", "bill", "post", "--vendor", "Bob", "--number", "B-X",
                       "--warehouse", "Main", "--line", "PHONE:1::Q1", NULL));
  g_free (cli_refused (f, "Nobody", "invoice", "post", "--customer", "Nobody",
                       "--warehouse", "Main", "--line", "PHONE:1", NULL));
  /* Unknown documents. */
  g_free (cli_refused (f, "INV-404", "return", "post", "--invoice", "INV-404",
                       "--warehouse", "Main", "--line", "PHONE:1", NULL));
  g_free (cli_refused (f, "B-404", "vendor-return", "post", "--bill", "B-404",
                       "--line", "PHONE:1", NULL));
  g_free (cli_refused (f, "INV-404", "void", "invoice", "INV-404", NULL));
  g_free (cli_refused (f, "B-404", "void", "bill", "B-404", NULL));
  g_free (cli_refused (f, "TR-404", "transfer", "receive", "TR-404", NULL));
  /* Unknown serials and filters. */
  g_free (cli_refused (f, "ZZZ", "unit", "ZZZ", NULL));
  g_free (cli_refused (f, "NOSUCH", "unit", "S1", "--item", "NOSUCH", NULL));
  g_free (cli_refused (f, "NOSUCH", "units", "--item", "NOSUCH", NULL));
  g_free (cli_refused (f, "Nowhere", "units", "--warehouse", "Nowhere", NULL));
}

static void
test_malformed (Fixture       *f,
                gconstpointer  data)
{
  /* LINE */
  BILL (f, "PHONE", "PHONE");
  BILL (f, "PHONE:x", "PHONE:x::Q1");
  BILL (f, "PHONE:1.5", "PHONE:1.5::Q1");
  BILL (f, ":1", ":1::Q1");
  BILL (f, "PHONE:0", "PHONE:0");
  /* A negative quantity is for adjustments only. */
  BILL (f, "PHONE", "PHONE:-1::Q1");
  /* Amounts: a rate in a LINE, and options. */
  BILL (f, "1,5", "PHONE:1:1,5:Q1");
  BILL (f, "12.345", "PHONE:1:12.345:Q1");
  BILL (f, "-3", "PHONE:1:-3:Q1");
  g_free (cli_refused (f, "--price", "item", "add", "--sku", "NEW", "--name", "New",
                       "--price", "1e3", NULL));
  /* Dates. */
  g_free (cli_refused (f, "2024-02-30", "bill", "post", "--vendor", "Acme", "--number", "B-X",
                       "--warehouse", "Main", "--date", "2024-02-30", "--line", "PHONE:1::Q1",
                       NULL));
  g_free (cli_refused (f, "--date", "invoice", "post", "--customer", "Bob", "--warehouse", "Main",
                       "--date", "yesterday", "--line", "PHONE:1", NULL));
  g_free (cli_refused (f, "--date", "transfer", "receive", "TR-1", "--date", "2024/03/01", NULL));
  /* Empty names. */
  g_free (cli_refused (f, "reason", "adjust", "post", "--warehouse", "Main", "--reason", " ",
                       "--line", "CABLE:1", NULL));
}

static void
test_void_moved_on (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *err = NULL;
  g_autofree char *transfer = NULL;
  g_autoptr(TjNode) doc = NULL;
  g_autoptr(TjNode) unit = NULL;

  stock_base (f);
  g_free (cli_ok (f, "invoice", "post", "--customer", "Bob", "--warehouse", "Main",
                  "--number", "INV-M", "--date", "2024-03-02", "--line", "PHONE:1::S2", NULL));
  /* The bill's unit S2 has been sold since: the bill cannot be voided. */
  err = cli_refused (f, "S2", "void", "bill", "B-1", NULL);
  assert_contains (err, "INV-M");
  g_clear_pointer (&err, g_free);

  /* A transfer whose unit was sold at the destination. */
  doc = cli_json (f, "transfer", "post", "--from", "Main", "--to", "Store",
                  "--date", "2024-03-02", "--line", "PHONE:1::S3", NULL);
  transfer = g_strdup (tj_str (doc, "number"));
  g_free (cli_ok (f, "invoice", "post", "--customer", "Carol", "--warehouse", "Store",
                  "--number", "INV-N", "--date", "2024-03-03", "--line", "PHONE:1::S3", NULL));
  err = cli_refused (f, "S3", "void", "transfer", transfer, NULL);
  assert_contains (err, "INV-N");

  /* Once the later document is voided, the earlier one can be. */
  g_free (cli_ok (f, "void", "invoice", "INV-N", NULL));
  g_free (cli_ok (f, "void", "transfer", transfer, NULL));
  unit = assert_unit (f, "S3", "in_stock", "Main", "received,transferred,sold,voided,voided");
}

static void
test_duplicate_bill (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(TjNode) doc = NULL;

  stock_base (f);
  g_free (cli_refused (f, "B-1", "bill", "post", "--vendor", "Acme", "--number", "B-1",
                       "--warehouse", "Main", "--line", "PHONE:1::NEW1", NULL));
  g_free (cli_refused (f, "b-1", "bill", "post", "--vendor", "Acme", "--number", "b-1",
                       "--warehouse", "Main", "--line", "PHONE:1::NEW1", NULL));
  /* Another vendor may use the same number. */
  doc = cli_json (f, "bill", "post", "--vendor", "Zenith", "--number", "B-1",
                  "--warehouse", "Main", "--date", "2024-03-01", "--line", "PHONE:1::NEW1", NULL);
  g_assert_cmpstr (tj_str (doc, "contact"), ==, "Zenith");
}

void
add_refusal_tests (void)
{
#define TEST(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  TEST ("/cli/refuse/serial-in-stock", test_serial_in_stock);
  TEST ("/cli/refuse/serial-twice", test_serial_twice);
  TEST ("/cli/refuse/serial-count", test_serial_count);
  TEST ("/cli/refuse/serial-empty", test_serial_empty);
  TEST ("/cli/refuse/serial-invalid", test_serial_invalid);
  TEST ("/cli/refuse/imei-check-digit", test_imei);
  TEST ("/cli/refuse/not-in-stock", test_not_in_stock);
  TEST ("/cli/refuse/same-warehouse", test_same_warehouse);
  TEST ("/cli/refuse/return-not-sold-there", test_return_not_sold_there);
  TEST ("/cli/refuse/unknown-names", test_unknown_names);
  TEST ("/cli/refuse/malformed", test_malformed);
  TEST ("/cli/refuse/void-moved-on", test_void_moved_on);
  TEST ("/cli/refuse/duplicate-bill-number", test_duplicate_bill);
#undef TEST
}
