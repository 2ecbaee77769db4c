/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-cli.c — serialtrack-cli end to end: setup commands, the issue 2 scenario, every kind
 * of document, serial input, usage errors.  Refusals are in test-cli-refusals.c. */
#include <string.h>
#include <locale.h>
#include <glib/gstdio.h>

#include "st-test-cli.h"
#include "st-test-run.h"
#include "st-test-pg.h"

void add_refusal_tests (void);
void add_return_tests (void);
void add_service_tests (void);
void add_drafts_tests (void);
void add_editing_tests (void);

#define TEST(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
#define TEST_EMPTY(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup_empty, func, fixture_teardown)

/* Usage. */

static void
test_usage_errors (Fixture       *f,
                   gconstpointer  data)
{
  cli_usage_error (f, "frobnicate", "frobnicate", NULL);
  cli_usage_error (f, "--line", "bill", "post", "--vendor", "Acme", "--number", "B-9",
                   "--warehouse", "Main", NULL);
  cli_usage_error (f, "--bogus", "bill", "post", "--bogus", "--line", "PHONE:1::X", NULL);
  cli_usage_error (f, "--vendor", "bill", "post", "--number", "B-9", "--warehouse", "Main",
                   "--line", "PHONE:1::X", NULL);
  cli_usage_error (f, "post", "bill", NULL);
  cli_usage_error (f, "bill", "bill", "pots", NULL);
  cli_usage_error (f, "thing", "void", "thing", "X-1", NULL);
  cli_usage_error (f, "Missing", "void", "invoice", NULL);
  cli_usage_error (f, "extra", "unit", "S1", "extra", NULL);
  cli_usage_error (f, "--vendor", "contact", "add", "Nobody", NULL);
  cli_usage_error (f, "--serial", "item", "add", "--sku", "X", "--name", "Y", "--format", "imei",
                   NULL);
  cli_usage_error (f, "digits", "item", "add", "--sku", "X", "--name", "Y", "--serial",
                   "--format", "hex", NULL);
  cli_usage_error (f, "lost", "units", "--status", "lost", NULL);
  cli_usage_error (f, "none", "preferences", "set", "tracking", "sometimes", NULL);
  cli_usage_error (f, "--warehouse", "invoice", "post", "--customer", "Bob", "--warehouse", "Main",
                   "--warehouse", "Store", "--line", "PHONE:1", NULL);
  cli_usage_error (f, "-x", "units", "-x", NULL);
}

static void
test_usage_global (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *missing = g_build_filename (f->dir, "typo.serialtrack", NULL);
  const char *no_command[] = { NULL };
  const char *unknown[] = { "--frob", "units", NULL };
  const char *help[] = { "--help", NULL };
  const char *command_help[] = { "bill", "post", "--help", NULL };
  const char *group_help[] = { "transfer", "--help", NULL };
  const char *typo[] = { "--db", missing, "units", NULL };
  const char *from_env[] = { "item", "list", NULL };
  const char *after[] = { "item", "list", "--json", "--db", f->db, NULL };
  g_autoptr(Run) r1 = cli_runv (f, DB_ARG, NULL, no_command);
  g_autoptr(Run) r2 = cli_runv (f, DB_NONE, NULL, unknown);
  g_autoptr(Run) r3 = cli_runv (f, DB_NONE, NULL, help);
  g_autoptr(Run) r4 = cli_runv (f, DB_ARG, NULL, command_help);
  g_autoptr(Run) r5 = cli_runv (f, DB_ARG, NULL, group_help);
  g_autoptr(Run) r6 = cli_runv (f, DB_NONE, NULL, typo);
  g_autoptr(Run) r7 = cli_runv (f, DB_ENV, NULL, from_env);
  g_autoptr(Run) r8 = cli_runv (f, DB_NONE, NULL, after);
  g_autoptr(TjNode) items = NULL;

  g_assert_cmpint (r1->status, ==, 2);
  assert_contains (r1->err, "Usage:");
  g_assert_cmpint (r2->status, ==, 2);
  assert_contains (r2->err, "--frob");

  g_assert_cmpint (r3->status, ==, 0);
  assert_contains (r3->out, "vendor-return post");
  assert_contains (r3->out, "SKU:QTY[:RATE[:SERIALS]]");
  g_assert_cmpint (r4->status, ==, 0);
  assert_contains (r4->out, "--vendor NAME");
  g_assert_cmpint (r5->status, ==, 0);
  assert_contains (r5->out, "transfer post");
  assert_contains (r5->out, "transfer receive");

  /* Every command but init refuses a database that is not there, and creates nothing. */
  g_assert_cmpint (r6->status, ==, 1);
  assert_contains (r6->err, "typo.serialtrack");
  assert_contains (r6->err, "init");
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));

  /* Without --db, $SERIALTRACK_DB names the database. */
  g_assert_cmpint (r7->status, ==, 0);
  assert_contains (r7->out, "Phone X");

  /* Global options may also follow the command. */
  g_assert_cmpint (r8->status, ==, 0);
  items = tj_parse (r8->out, NULL);
  g_assert_nonnull (items);
  g_assert_cmpuint (tj_len (items, NULL), ==, 3);
}

static void
test_init (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(TjNode) created = NULL;
  g_autoptr(TjNode) again = NULL;
  g_autoptr(TjNode) warehouses = NULL;
  g_autofree char *junk = g_build_filename (f->dir, "notes.txt", NULL);
  g_autofree char *text = NULL;

  created = cli_json (f, "init", NULL);
  g_assert_true (tj_bool (created, "created"));
  g_assert_cmpstr (tj_str (created, "tracking"), ==, "serial");
  again = cli_json (f, "init", NULL);
  g_assert_false (tj_bool (again, "created"));

  /* A new database has one warehouse. */
  warehouses = cli_json (f, "warehouse", "list", NULL);
  g_assert_cmpuint (tj_len (warehouses, NULL), ==, 1);

  /* A file that is not a SerialTrack database is refused and left alone. */
  g_assert_true (g_file_set_contents (junk, "shopping list\n", -1, NULL));
  {
    const char *args[] = { "--db", junk, "init", NULL };
    g_autoptr(Run) run = cli_runv (f, DB_NONE, NULL, args);
    g_autofree char *contents = NULL;

    g_assert_cmpint (run->status, ==, 1);
    assert_contains (run->err, "notes.txt");
    g_assert_true (g_file_get_contents (junk, &contents, NULL, NULL));
    g_assert_cmpstr (contents, ==, "shopping list\n");
  }

  text = cli_ok (f, "init", NULL);
  assert_contains (text, "already exists");
}

static void
test_setup_lists (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(TjNode) warehouses = cli_json (f, "warehouse", "list", NULL);
  g_autoptr(TjNode) contacts = cli_json (f, "contact", "list", NULL);
  g_autoptr(TjNode) customers = cli_json (f, "contact", "list", "--customer", NULL);
  g_autoptr(TjNode) items = cli_json (f, "item", "list", NULL);
  g_autoptr(TjNode) added = NULL;
  g_autofree char *text = NULL;
  TjNode *phone = NULL;

  g_assert_cmpuint (tj_len (warehouses, NULL), ==, 3);
  g_assert_cmpuint (tj_len (contacts, NULL), ==, 4);
  g_assert_cmpuint (tj_len (customers, NULL), ==, 2);
  g_assert_cmpstr (tj_str (customers, "0/kind"), ==, "customer");
  g_assert_cmpuint (tj_len (items, NULL), ==, 3);
  /* Items come sorted by SKU. */
  g_assert_cmpstr (tj_str (items, "0/sku"), ==, "CABLE");
  g_assert_cmpstr (tj_str (items, "1/sku"), ==, "IMEI");
  phone = tj_get (items, "2");
  g_assert_nonnull (phone);
  g_assert_cmpstr (tj_str (phone, "name"), ==, "Phone X");
  g_assert_cmpstr (tj_str (phone, "tracking"), ==, "serial");
  g_assert_cmpstr (tj_str (phone, "serial_format"), ==, "any");
  g_assert_cmpint (tj_int (phone, "price_cents"), ==, 15000);
  g_assert_cmpstr (tj_str (phone, "price"), ==, "150.00");
  g_assert_cmpint (tj_int (phone, "cost_cents"), ==, 10000);
  g_assert_cmpint (tj_int (phone, "warranty_months"), ==, 12);
  g_assert_cmpint (tj_int (phone, "on_hand"), ==, 0);

  text = cli_ok (f, "item", "list", NULL);
  assert_contains (text, "PHONE");
  assert_contains (text, "USB cable");
  g_free (text);
  text = cli_ok (f, "warehouse", "list", NULL);
  assert_contains (text, "Store");

  /* Names keep their non-ASCII characters and quotes, escaped the JSON way. */
  added = cli_json (f, "contact", "add", "--customer", "Zoë \"Z\" Ångström", NULL);
  g_assert_cmpstr (tj_str (added, "name"), ==, "Zoë \"Z\" Ångström");
  g_assert_cmpstr (tj_str (added, "kind"), ==, "customer");
}

static void
test_setup_duplicates (Fixture       *f,
                       gconstpointer  data)
{
  g_free (cli_refused (f, "PHONE", "item", "add", "--sku", "PHONE", "--name", "Again", NULL));
  g_free (cli_refused (f, "phone", "item", "add", "--sku", "phone", "--name", "Again", NULL));
  g_free (cli_refused (f, "Store", "warehouse", "add", "Store", NULL));
  g_free (cli_refused (f, "Acme", "contact", "add", "--vendor", "Acme", NULL));
  g_free (cli_refused (f, "--price", "item", "add", "--sku", "NEW", "--name", "New",
                       "--price", "12.345", NULL));
  g_free (cli_refused (f, "--cost", "item", "add", "--sku", "NEW", "--name", "New",
                       "--cost", "ten", NULL));
  g_free (cli_refused (f, "--warranty-months", "item", "add", "--sku", "NEW", "--name", "New",
                       "--warranty-months", "-1", NULL));
}

static void
test_preferences (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(TjNode) shown = cli_json (f, "preferences", "show", NULL);
  g_autoptr(TjNode) none = NULL;
  g_autoptr(TjNode) serial = NULL;

  g_assert_cmpstr (tj_str (shown, "tracking"), ==, "serial");
  none = cli_json (f, "preferences", "set", "tracking", "none", NULL);
  g_assert_cmpstr (tj_str (none, "tracking"), ==, "none");
  /* Quantity-only: no new serial item. */
  g_free (cli_refused (f, "NEWSER", "item", "add", "--sku", "NEWSER", "--name", "S", "--serial",
                       NULL));
  serial = cli_json (f, "preferences", "set", "tracking", "serial", NULL);
  g_assert_cmpstr (tj_str (serial, "tracking"), ==, "serial");

  /* Switching to none is refused while serial units are in stock. */
  stock_base (f);
  g_free (cli_refused (f, "3", "preferences", "set", "tracking", "none", NULL));
}

/* The issue 2 scenario: one unit walks bill → transfer → invoice → return → invoice → void. */

static char *
posted_number (TjNode *document)
{
  return g_strdup (tj_str (document, "number"));
}

static void
test_scenario (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(TjNode) doc = NULL;
  g_autoptr(TjNode) unit = NULL;
  g_autofree char *invoice1 = NULL;
  g_autofree char *invoice2 = NULL;
  g_autofree char *transfer = NULL;
  g_autofree char *text = NULL;

  /* 1. Bill: the unit comes into Main at cost 100. */
  doc = cli_json (f, "bill", "post", "--vendor", "Acme", "--number", "B-100",
                  "--warehouse", "Main", "--date", "2024-03-01",
                  "--line", "PHONE:1:100:SN-A1", NULL);
  g_assert_cmpstr (tj_str (doc, "kind"), ==, "bill");
  g_assert_cmpstr (tj_str (doc, "number"), ==, "B-100");
  g_assert_cmpstr (tj_str (doc, "status"), ==, "posted");
  g_assert_cmpstr (tj_str (doc, "contact"), ==, "Acme");
  g_assert_cmpstr (tj_str (doc, "warehouse"), ==, "Main");
  g_assert_cmpint (tj_int (doc, "total_cents"), ==, 10000);
  g_assert_cmpstr (tj_str (doc, "total"), ==, "100.00");
  g_assert_cmpstr (tj_str (doc, "lines/0/sku"), ==, "PHONE");
  g_assert_cmpint (tj_int (doc, "lines/0/quantity"), ==, 1);
  g_assert_cmpint (tj_int (doc, "lines/0/rate_cents"), ==, 10000);
  g_assert_cmpstr (tj_str (doc, "lines/0/serials/0"), ==, "SN-A1");
  g_clear_pointer (&doc, tj_free);

  unit = assert_unit (f, "SN-A1", "in_stock", "Main", "received");
  g_assert_cmpint (tj_int (unit, "cost_cents"), ==, 10000);
  g_assert_true (tj_is_null (unit, "price_cents"));
  g_assert_cmpstr (tj_str (unit, "bill"), ==, "B-100");
  g_assert_cmpstr (tj_str (unit, "vendor"), ==, "Acme");
  g_assert_cmpstr (tj_str (unit, "received_date"), ==, "2024-03-01");
  g_assert_cmpstr (tj_str (unit, "history/0/document_kind"), ==, "bill");
  g_assert_cmpstr (tj_str (unit, "history/0/document"), ==, "B-100");
  g_assert_true (tj_is_null (unit, "history/0/from"));
  g_assert_cmpstr (tj_str (unit, "history/0/to"), ==, "Main");
  g_assert_cmpstr (tj_str (unit, "history/0/contact"), ==, "Acme");
  g_assert_cmpint (tj_int (unit, "history/0/amount_cents"), ==, 10000);
  g_clear_pointer (&unit, tj_free);

  /* 2. Transfer Main → Store at once. */
  doc = cli_json (f, "transfer", "post", "--from", "Main", "--to", "Store", "--date", "2024-03-02",
                  "--line", "PHONE:1::SN-A1", NULL);
  g_assert_cmpstr (tj_str (doc, "kind"), ==, "transfer");
  g_assert_false (tj_bool (doc, "in_transit"));
  g_assert_cmpstr (tj_str (doc, "to_warehouse"), ==, "Store");
  transfer = posted_number (doc);
  g_clear_pointer (&doc, tj_free);
  unit = assert_unit (f, "SN-A1", "in_stock", "Store", "received,transferred");
  g_assert_cmpstr (tj_str (unit, "history/1/from"), ==, "Main");
  g_assert_cmpstr (tj_str (unit, "history/1/to"), ==, "Store");
  g_assert_cmpstr (tj_str (unit, "history/1/document"), ==, transfer);
  g_clear_pointer (&unit, tj_free);

  /* 3. Sold to Bob from Store at 150: the warranty starts. */
  doc = cli_json (f, "invoice", "post", "--customer", "Bob", "--warehouse", "Store",
                  "--date", "2024-03-03", "--line", "PHONE:1:150:SN-A1", NULL);
  g_assert_cmpstr (tj_str (doc, "kind"), ==, "invoice");
  g_assert_cmpint (tj_int (doc, "total_cents"), ==, 15000);
  invoice1 = posted_number (doc);
  g_clear_pointer (&doc, tj_free);
  unit = assert_unit (f, "SN-A1", "sold", NULL, "received,transferred,sold");
  g_assert_cmpint (tj_int (unit, "price_cents"), ==, 15000);
  g_assert_cmpstr (tj_str (unit, "customer"), ==, "Bob");
  g_assert_cmpstr (tj_str (unit, "invoice"), ==, invoice1);
  g_assert_cmpstr (tj_str (unit, "sold_date"), ==, "2024-03-03");
  g_assert_cmpstr (tj_str (unit, "warranty_end"), ==, "2025-03-03");
  g_assert_cmpstr (tj_str (unit, "history/2/from"), ==, "Store");
  g_assert_cmpstr (tj_str (unit, "history/2/contact"), ==, "Bob");
  g_clear_pointer (&unit, tj_free);

  /* 4. Bob returns it into Main; the unit to take back is picked from the invoice. */
  doc = cli_json (f, "return", "post", "--invoice", invoice1, "--warehouse", "Main",
                  "--date", "2024-03-04", "--line", "PHONE:1", NULL);
  g_assert_cmpstr (tj_str (doc, "kind"), ==, "return");
  g_assert_cmpstr (tj_str (doc, "reference"), ==, invoice1);
  g_assert_cmpstr (tj_str (doc, "lines/0/serials/0"), ==, "SN-A1");
  g_clear_pointer (&doc, tj_free);
  unit = assert_unit (f, "SN-A1", "in_stock", "Main", "received,transferred,sold,returned");
  g_assert_true (tj_is_null (unit, "invoice"));
  g_assert_true (tj_is_null (unit, "customer"));
  g_assert_cmpstr (tj_str (unit, "history/3/to"), ==, "Main");
  g_clear_pointer (&unit, tj_free);

  /* 5. Sold again, to Carol, from Main. */
  doc = cli_json (f, "invoice", "post", "--customer", "Carol", "--warehouse", "Main",
                  "--date", "2024-03-05", "--line", "PHONE:1:160:SN-A1", NULL);
  invoice2 = posted_number (doc);
  g_assert_cmpstr (invoice1, !=, invoice2);
  g_clear_pointer (&doc, tj_free);
  unit = assert_unit (f, "SN-A1", "sold", NULL, "received,transferred,sold,returned,sold");
  g_assert_cmpstr (tj_str (unit, "customer"), ==, "Carol");
  g_assert_cmpint (tj_int (unit, "price_cents"), ==, 16000);
  g_clear_pointer (&unit, tj_free);

  /* 6. The last invoice is voided: back in stock at Main, the ledger only grows. */
  doc = cli_json (f, "void", "invoice", invoice2, NULL);
  g_assert_cmpstr (tj_str (doc, "status"), ==, "void");
  g_assert_cmpstr (tj_str (doc, "number"), ==, invoice2);
  g_clear_pointer (&doc, tj_free);
  unit = assert_unit (f, "SN-A1", "in_stock", "Main",
                      "received,transferred,sold,returned,sold,voided");
  g_assert_cmpstr (tj_str (unit, "history/5/reversed_event"), ==, "sold");
  g_assert_cmpstr (tj_str (unit, "history/5/document"), ==, invoice2);
  g_assert_true (tj_is_null (unit, "history/4/reversed_event"));
  g_assert_true (tj_is_null (unit, "customer"));
  g_clear_pointer (&unit, tj_free);

  /* Voiding it again is refused. */
  g_free (cli_refused (f, invoice2, "void", "invoice", invoice2, NULL));

  /* The human view tells the same story. */
  text = cli_ok (f, "unit", "sn-a1", NULL);
  assert_contains (text, "SN-A1");
  assert_contains (text, "In stock");
  assert_contains (text, "Voided: Sold");
  assert_contains (text, "Returned by customer");
  assert_contains (text, "Main → Store");
}

/* Documents. */

static void
test_transfer_in_transit (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(TjNode) doc = NULL;
  g_autoptr(TjNode) unit = NULL;
  g_autoptr(TjNode) received = NULL;
  g_autofree char *number = NULL;

  stock_base (f);
  /* Without SERIALS the oldest units are picked (and shown). */
  doc = cli_json (f, "transfer", "post", "--from", "Main", "--to", "Store", "--in-transit",
                  "--date", "2024-03-02", "--line", "PHONE:2", NULL);
  g_assert_true (tj_bool (doc, "in_transit"));
  g_assert_cmpuint (tj_len (doc, "lines/0/serials"), ==, 2);
  g_assert_cmpstr (tj_str (doc, "lines/0/serials/0"), ==, "S1");
  g_assert_cmpstr (tj_str (doc, "lines/0/serials/1"), ==, "S2");
  number = posted_number (doc);

  unit = assert_unit (f, "S1", "in_transit", "Store", "received,transfer_out");
  g_clear_pointer (&unit, tj_free);
  /* In transit is not in stock at either end. */
  g_free (cli_refused (f, "S1", "invoice", "post", "--customer", "Bob", "--warehouse", "Store",
                       "--date", "2024-03-02", "--line", "PHONE:1::S1", NULL));
  g_free (cli_refused (f, "S2", "invoice", "post", "--customer", "Bob", "--warehouse", "Main",
                       "--date", "2024-03-02", "--line", "PHONE:1::S2", NULL));
  /* A receipt cannot be dated before the transfer. */
  g_free (cli_refused (f, "2024-03-01", "transfer", "receive", number, "--date", "2024-03-01",
                       NULL));

  received = cli_json (f, "transfer", "receive", number, "--date", "2024-03-03", NULL);
  g_assert_false (tj_bool (received, "in_transit"));
  g_assert_cmpstr (tj_str (received, "received_date"), ==, "2024-03-03");
  unit = assert_unit (f, "S1", "in_stock", "Store", "received,transfer_out,transfer_in");
  g_clear_pointer (&unit, tj_free);
  unit = assert_unit (f, "S3", "in_stock", "Main", "received");

  g_free (cli_refused (f, number, "transfer", "receive", number, NULL));
  g_clear_pointer (&unit, tj_free);
  g_clear_pointer (&doc, tj_free);
  g_clear_pointer (&number, g_free);

  /* Voiding a transfer still in transit brings its units back to the source. */
  doc = cli_json (f, "transfer", "post", "--from", "Main", "--to", "Store", "--in-transit",
                  "--date", "2024-03-04", "--line", "PHONE:1::S3", NULL);
  number = posted_number (doc);
  g_clear_pointer (&doc, tj_free);
  unit = assert_unit (f, "S3", "in_transit", "Store", "received,transfer_out");
  g_clear_pointer (&unit, tj_free);
  doc = cli_json (f, "void", "transfer", number, NULL);
  g_assert_cmpstr (tj_str (doc, "status"), ==, "void");
  g_assert_false (tj_bool (doc, "in_transit"));
  unit = assert_unit (f, "S3", "in_stock", "Main", "received,transfer_out,voided");
  g_assert_cmpstr (tj_str (unit, "history/2/reversed_event"), ==, "transfer_out");
  g_free (cli_refused (f, number, "transfer", "receive", number, NULL));
}

static void
test_adjust (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(TjNode) doc = NULL;
  g_autoptr(TjNode) unit = NULL;
  g_autoptr(TjNode) items = NULL;
  g_autofree char *text = NULL;

  /* + new serials at a given cost. */
  doc = cli_json (f, "adjust", "post", "--warehouse", "Main", "--reason", "Found in the back",
                  "--date", "2024-03-01", "--line", "PHONE:2:90:ADJ1,ADJ2",
                  "--line", "CABLE:5", NULL);
  g_assert_cmpstr (tj_str (doc, "kind"), ==, "adjustment");
  g_assert_cmpstr (tj_str (doc, "reason"), ==, "Found in the back");
  g_clear_pointer (&doc, tj_free);
  unit = assert_unit (f, "ADJ1", "in_stock", "Main", "adjusted_in");
  g_assert_cmpint (tj_int (unit, "cost_cents"), ==, 9000);
  g_assert_true (tj_is_null (unit, "bill"));
  g_clear_pointer (&unit, tj_free);

  /* − a named unit. */
  g_free (cli_ok (f, "adjust", "post", "--warehouse", "Main", "--reason", "Dropped",
                  "--date", "2024-03-02", "--line", "PHONE:-1::ADJ1", "--line", "CABLE:-2", NULL));
  unit = assert_unit (f, "ADJ1", "written_off", NULL, "adjusted_in,written_off");
  g_clear_pointer (&unit, tj_free);

  /* − without serials writes off the oldest in stock, and says which. */
  text = cli_ok (f, "adjust", "post", "--warehouse", "Main", "--reason", "Stolen",
                 "--date", "2024-03-03", "--line", "PHONE:-1", NULL);
  assert_contains (text, "ADJ2");
  unit = assert_unit (f, "ADJ2", "written_off", NULL, "adjusted_in,written_off");

  items = cli_json (f, "units", "--status", "written_off", NULL);
  g_assert_cmpuint (tj_len (items, NULL), ==, 2);
  g_clear_pointer (&items, tj_free);
  items = cli_json (f, "item", "list", NULL);
  for (guint i = 0; i < tj_len (items, NULL); i++)
    {
      g_autofree char *sku = g_strdup_printf ("%u/sku", i);
      g_autofree char *on_hand = g_strdup_printf ("%u/on_hand", i);

      if (g_strcmp0 (tj_str (items, sku), "CABLE") == 0)
        g_assert_cmpint (tj_int (items, on_hand), ==, 3);
      if (g_strcmp0 (tj_str (items, sku), "PHONE") == 0)
        g_assert_cmpint (tj_int (items, on_hand), ==, 0);
    }
}

static void
test_vendor_return (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(TjNode) doc = NULL;
  g_autoptr(TjNode) unit = NULL;
  g_autofree char *number = NULL;

  stock_base (f);
  g_free (cli_ok (f, "bill", "post", "--vendor", "Zenith", "--number", "Z-7", "--warehouse", "Main",
                  "--date", "2024-03-01", "--line", "PHONE:2:95:VR1,VR2", NULL));
  doc = cli_json (f, "vendor-return", "post", "--bill", "Z-7", "--date", "2024-03-02",
                  "--line", "PHONE:1::VR2", NULL);
  g_assert_cmpstr (tj_str (doc, "kind"), ==, "vendor-return");
  g_assert_cmpstr (tj_str (doc, "reference"), ==, "Z-7");
  g_assert_cmpstr (tj_str (doc, "contact"), ==, "Zenith");
  number = posted_number (doc);
  unit = assert_unit (f, "VR2", "returned_to_vendor", NULL, "received,returned_to_vendor");
  g_clear_pointer (&unit, tj_free);

  /* Only units of that bill go back to its vendor. */
  g_free (cli_refused (f, "S1", "vendor-return", "post", "--bill", "Z-7", "--date", "2024-03-02",
                       "--line", "PHONE:1::S1", NULL));
  /* Nor the one already returned. */
  g_free (cli_refused (f, "VR2", "vendor-return", "post", "--bill", "Z-7", "--date", "2024-03-02",
                       "--line", "PHONE:1::VR2", NULL));

  /* Voiding the vendor return brings the unit back. */
  g_free (cli_ok (f, "void", "vendor-return", number, NULL));
  unit = assert_unit (f, "VR2", "in_stock", "Main", "received,returned_to_vendor,voided");
}

/* Bill numbers are the vendors' own: Acme and Zenith both sent a bill B-1. */
static void
test_bill_same_number (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(TjNode) doc = NULL;
  g_autoptr(TjNode) unit = NULL;
  g_autofree char *err = NULL;
  g_autoptr(Run) help_void = NULL;
  g_autoptr(Run) help_return = NULL;

  stock_base (f);
  /* While only Acme has a B-1, the number alone finds it; a duplicate --number is refused
   * for what it is, without a hint at --vendor. */
  g_free (cli_ok (f, "vendor-return", "post", "--bill", "B-1", "--number", "VR-A",
                  "--date", "2024-03-02", "--line", "PHONE:1::S3", NULL));
  err = cli_refused (f, "VR-A", "vendor-return", "post", "--bill", "B-1", "--number", "VR-A",
                     "--date", "2024-03-02", "--line", "PHONE:1::S2", NULL);
  g_assert_null (strstr (err, "--vendor"));
  g_clear_pointer (&err, g_free);

  g_free (cli_ok (f, "bill", "post", "--vendor", "Zenith", "--number", "B-1", "--warehouse",
                  "Main", "--date", "2024-03-03", "--line", "PHONE:2:90:Z1,Z2", NULL));

  /* Without --vendor: refused (exit 1, nothing written), saying how to name the vendor. */
  err = cli_refused (f, "--vendor", "void", "bill", "B-1", NULL);
  assert_contains (err, "B-1");
  g_clear_pointer (&err, g_free);
  err = cli_refused (f, "--vendor", "vendor-return", "post", "--bill", "b-1",
                     "--date", "2024-03-04", "--line", "PHONE:1::Z1", NULL);
  assert_contains (err, "b-1");
  g_clear_pointer (&err, g_free);

  /* With it. */
  doc = cli_json (f, "vendor-return", "post", "--bill", "B-1", "--vendor", "Zenith",
                  "--date", "2024-03-04", "--line", "PHONE:1::Z1", NULL);
  g_assert_cmpstr (tj_str (doc, "contact"), ==, "Zenith");
  g_assert_cmpstr (tj_str (doc, "reference"), ==, "B-1");
  g_clear_pointer (&doc, tj_free);
  unit = assert_unit (f, "Z1", "returned_to_vendor", NULL, "received,returned_to_vendor");
  g_clear_pointer (&unit, tj_free);
  /* Z2 is on Zenith's B-1, not on Acme's. */
  g_free (cli_refused (f, "Z2", "vendor-return", "post", "--bill", "B-1", "--vendor", "Acme",
                       "--date", "2024-03-04", "--line", "PHONE:1::Z2", NULL));

  /* S3 went back on VR-A: that goes first, then Acme's B-1 can be voided. */
  g_free (cli_ok (f, "void", "vendor-return", "VR-A", NULL));
  doc = cli_json (f, "void", "bill", "B-1", "--vendor", "Acme", NULL);
  g_assert_cmpstr (tj_str (doc, "contact"), ==, "Acme");
  g_assert_cmpstr (tj_str (doc, "status"), ==, "void");
  g_clear_pointer (&doc, tj_free);
  unit = assert_unit (f, "Z2", "in_stock", "Main", "received");
  g_clear_pointer (&unit, tj_free);

  /* A vendor without such a bill, an unknown one, and --vendor on another kind. */
  g_free (cli_ok (f, "contact", "add", "--vendor", "Initech", NULL));
  err = cli_refused (f, "Initech", "void", "bill", "B-1", "--vendor", "Initech", NULL);
  assert_contains (err, "B-1");
  g_clear_pointer (&err, g_free);
  g_free (cli_refused (f, "Nobody", "void", "bill", "B-1", "--vendor", "Nobody", NULL));
  g_free (cli_refused (f, "Nobody", "vendor-return", "post", "--bill", "B-1", "--vendor",
                       "Nobody", "--line", "PHONE:1::Z2", NULL));
  cli_usage_error (f, "--vendor", "void", "invoice", "INV-00001", "--vendor", "Acme", NULL);

  /* The help tells of it. */
  help_void = cli_run (f, NULL, "void", "--help", NULL);
  g_assert_cmpint (help_void->status, ==, 0);
  assert_contains (help_void->out, "NUMBER [--vendor NAME]");
  help_return = cli_run (f, NULL, "vendor-return", "post", "--help", NULL);
  g_assert_cmpint (help_return->status, ==, 0);
  assert_contains (help_return->out, "--bill NUMBER [--vendor NAME]");
}

static void
test_quantity_items (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(TjNode) doc = NULL;
  g_autofree char *invoice = NULL;
  g_autofree char *text = NULL;

  stock_base (f);
  g_assert_cmpint (cli_on_hand (f, "CABLE"), ==, 10);

  doc = cli_json (f, "invoice", "post", "--customer", "Bob", "--warehouse", "Main",
                  "--date", "2024-03-02", "--line", "CABLE:3", NULL);
  g_assert_cmpint (tj_int (doc, "lines/0/rate_cents"), ==, 500);
  g_assert_cmpint (tj_int (doc, "total_cents"), ==, 1500);
  g_assert_cmpuint (tj_len (doc, "lines/0/serials"), ==, 0);
  invoice = posted_number (doc);
  g_assert_cmpint (cli_on_hand (f, "CABLE"), ==, 7);

  g_free (cli_ok (f, "transfer", "post", "--from", "Main", "--to", "Store", "--date", "2024-03-02",
                  "--line", "CABLE:2", NULL));
  g_assert_cmpint (cli_on_hand (f, "CABLE"), ==, 7);
  g_free (cli_ok (f, "invoice", "post", "--customer", "Carol", "--warehouse", "Store",
                  "--date", "2024-03-03", "--line", "CABLE:2:4.50", NULL));
  g_assert_cmpint (cli_on_hand (f, "CABLE"), ==, 5);
  g_free (cli_refused (f, "CABLE", "invoice", "post", "--customer", "Carol", "--warehouse", "Store",
                       "--date", "2024-03-03", "--line", "CABLE:1", NULL));

  text = cli_ok (f, "return", "post", "--invoice", invoice, "--warehouse", "Main",
                 "--date", "2024-03-04", "--line", "CABLE:1", NULL);
  assert_contains (text, "Posted sales return");
  g_assert_cmpint (cli_on_hand (f, "CABLE"), ==, 6);
  /* No more back than was sold. */
  g_free (cli_refused (f, "CABLE", "return", "post", "--invoice", invoice, "--warehouse", "Main",
                       "--date", "2024-03-04", "--line", "CABLE:3", NULL));
  /* A quantity item takes no serials. */
  g_free (cli_refused (f, "CABLE", "bill", "post", "--vendor", "Acme", "--number", "B-2",
                       "--warehouse", "Main", "--line", "CABLE:1::X1", NULL));
}

static void
test_serials_range (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(TjNode) doc = NULL;
  g_autoptr(TjNode) units = NULL;

  doc = cli_json (f, "bill", "post", "--vendor", "Acme", "--number", "B-R", "--warehouse", "Main",
                  "--date", "2024-03-01", "--line", "PHONE:10::SN0001..SN0010", NULL);
  g_assert_cmpint (tj_int (doc, "quantity"), ==, 10);
  g_assert_cmpuint (tj_len (doc, "lines/0/serials"), ==, 10);
  g_assert_cmpstr (tj_str (doc, "lines/0/serials/0"), ==, "SN0001");
  g_assert_cmpstr (tj_str (doc, "lines/0/serials/8"), ==, "SN0009");
  g_assert_cmpstr (tj_str (doc, "lines/0/serials/-1"), ==, "SN0010");
  units = cli_json (f, "units", "--item", "PHONE", "--status", "in_stock", "--warehouse", "Main",
                    NULL);
  g_assert_cmpuint (tj_len (units, NULL), ==, 10);
  g_clear_pointer (&units, tj_free);

  /* Ranges and single serials mix. */
  g_free (cli_ok (f, "bill", "post", "--vendor", "Acme", "--number", "B-S", "--warehouse", "Main",
                  "--date", "2024-03-01", "--line", "PHONE:4::X9,SN0098..SN0100", NULL));
  units = cli_json (f, "units", "--item", "PHONE", NULL);
  g_assert_cmpuint (tj_len (units, NULL), ==, 14);
  g_clear_pointer (&units, tj_free);
  units = cli_json (f, "unit", "SN0100", NULL);
  g_assert_cmpstr (tj_str (units, "status"), ==, "in_stock");

  /* A reversed or mismatched range is refused. */
  g_free (cli_refused (f, "SN0010..SN0001", "bill", "post", "--vendor", "Acme", "--number", "B-T",
                       "--warehouse", "Main", "--line", "PHONE:10::SN0010..SN0001", NULL));
  g_free (cli_refused (f, "AB01..CD10", "bill", "post", "--vendor", "Acme", "--number", "B-T",
                       "--warehouse", "Main", "--line", "PHONE:10::AB01..CD10", NULL));
}

static void
test_serials_file (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *file = g_build_filename (f->dir, "serials.txt", NULL);
  g_autofree char *empty = g_build_filename (f->dir, "empty.txt", NULL);
  g_autofree char *missing = g_build_filename (f->dir, "missing.txt", NULL);
  g_autofree char *line = NULL;
  g_autoptr(TjNode) units = NULL;

  g_assert_true (g_file_set_contents (file, "serial\nF1\r\nF2\n\n  F3  \n", -1, NULL));
  line = g_strconcat ("PHONE:3::@", file, NULL);
  g_free (cli_ok (f, "bill", "post", "--vendor", "Acme", "--number", "B-F", "--warehouse", "Main",
                  "--date", "2024-03-01", "--line", line, NULL));
  units = cli_json (f, "units", "--item", "PHONE", NULL);
  g_assert_cmpuint (tj_len (units, NULL), ==, 3);
  g_assert_cmpstr (tj_str (units, "2/serial"), ==, "F3");

  /* The serials named in a file are picked, too. */
  g_free (cli_ok (f, "invoice", "post", "--customer", "Bob", "--warehouse", "Main",
                  "--date", "2024-03-02", "--line", line, NULL));
  g_clear_pointer (&units, tj_free);
  units = cli_json (f, "units", "--status", "sold", NULL);
  g_assert_cmpuint (tj_len (units, NULL), ==, 3);

  g_assert_true (g_file_set_contents (empty, "\n\n", -1, NULL));
  g_free (line);
  line = g_strconcat ("PHONE:1::@", empty, NULL);
  g_free (cli_refused (f, "empty.txt", "bill", "post", "--vendor", "Acme", "--number", "B-G",
                       "--warehouse", "Main", "--line", line, NULL));
  g_free (line);
  line = g_strconcat ("PHONE:1::@", missing, NULL);
  g_free (cli_refused (f, "missing.txt", "bill", "post", "--vendor", "Acme", "--number", "B-G",
                       "--warehouse", "Main", "--line", line, NULL));
}

static void
test_serials_stdin (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(Run) run = NULL;
  g_autoptr(TjNode) units = NULL;

  run = cli_run (f, "IN1\nIN2\nIN3\n", "bill", "post", "--vendor", "Acme", "--number", "B-I",
                 "--warehouse", "Main", "--date", "2024-03-01", "--line", "PHONE:3::@-", NULL);
  g_assert_cmpint (run->status, ==, 0);
  assert_contains (run->out, "Posted bill B-I (3 units)");
  assert_contains (run->out, "IN2");
  units = cli_json (f, "units", NULL);
  g_assert_cmpuint (tj_len (units, NULL), ==, 3);
  g_clear_pointer (&run, run_free);

  /* Standard input can be read once. */
  {
    g_autofree char *before = database_hash (f);
    g_autofree char *after = NULL;

    run = cli_run (f, "IN4\n", "bill", "post", "--vendor", "Acme", "--number", "B-J",
                   "--warehouse", "Main", "--line", "PHONE:1::@-", "--line", "IMEI:1::@-", NULL);
    g_assert_cmpint (run->status, ==, 1);
    assert_contains (run->err, "@-");
    after = database_hash (f);
    g_assert_cmpstr (before, ==, after);
  }
}

static void
test_picked_serials_printed (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *text = NULL;
  g_autofree char *units = NULL;

  stock_base (f);
  text = cli_ok (f, "invoice", "post", "--customer", "Bob", "--warehouse", "Main",
                 "--date", "2024-03-02", "--number", "INV-7", "--line", "PHONE:2", NULL);
  assert_contains (text, "Posted invoice INV-7 (2 units)");
  assert_contains (text, "S1");
  assert_contains (text, "S2");
  g_assert_null (strstr (text, "S3"));
  assert_contains (text, "300.00");

  units = cli_ok (f, "units", "--status", "in_stock", NULL);
  assert_contains (units, "S3");
  g_assert_null (strstr (units, "S1"));

  /* A document number is used once per kind. */
  g_free (cli_refused (f, "INV-7", "invoice", "post", "--customer", "Bob", "--warehouse", "Main",
                       "--number", "INV-7", "--line", "PHONE:1", NULL));
}

static void
test_unit_two_items (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(TjNode) unit = NULL;
  g_autofree char *err = NULL;

  /* The same serial may exist for two items; `unit` then needs the SKU. */
  g_free (cli_ok (f, "item", "add", "--sku", "TABLET", "--name", "Tablet", "--serial", NULL));
  g_free (cli_ok (f, "bill", "post", "--vendor", "Acme", "--number", "B-2", "--warehouse", "Main",
                  "--date", "2024-03-01", "--line", "PHONE:1::SAME-1",
                  "--line", "TABLET:1:80:same-1", NULL));
  err = cli_refused (f, "SAME-1", "unit", "SAME-1", NULL);
  assert_contains (err, "SKU");
  unit = cli_json (f, "unit", "SAME-1", "--item", "TABLET", NULL);
  g_assert_cmpstr (tj_str (unit, "sku"), ==, "TABLET");
  g_assert_cmpstr (tj_str (unit, "serial"), ==, "same-1");
  g_assert_cmpint (tj_int (unit, "cost_cents"), ==, 8000);
}

static void
test_check (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *text = NULL;
  g_autoptr(TjNode) report = NULL;

  stock_base (f);
  g_free (cli_ok (f, "invoice", "post", "--customer", "Bob", "--warehouse", "Main",
                  "--date", "2024-03-02", "--line", "PHONE:1", NULL));
  text = cli_ok (f, "check", NULL);
  assert_contains (text, "sound");
  report = cli_json (f, "check", NULL);
  g_assert_true (tj_bool (report, "sound"));
  g_assert_cmpint (tj_int (report, "units"), ==, 3);
  g_assert_cmpint (tj_int (report, "events"), ==, 4);
  g_assert_cmpint (tj_int (report, "documents"), ==, 2);
}

static void
test_check_finds_tampering (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(Run) run = NULL;
  g_autoptr(TjNode) report = NULL;

  stock_base (f);
  /* Change a unit behind the ledger's back. */
  database_sql (f, "UPDATE units SET status = 'sold', warehouse_id = NULL WHERE serial = 'S2'");

  run = cli_run (f, NULL, "check", NULL);
  g_assert_cmpint (run->status, ==, 1);
  assert_contains (run->out, "S2");
  assert_contains (run->err, "problem");
  g_clear_pointer (&run, run_free);

  run = cli_run (f, NULL, "--json", "check", NULL);
  g_assert_cmpint (run->status, ==, 1);
  report = tj_parse (run->out, NULL);
  g_assert_nonnull (report);
  g_assert_false (tj_bool (report, "sound"));
  g_assert_cmpuint (tj_len (report, "problems"), >=, 1);
  assert_contains (tj_str (report, "problems/0"), "S2");

  /* The teardown's check would fail on purpose-made damage. */
  database_remove (f);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  if (!st_test_cli_ready ("test-cli"))
    return 77;

  TEST ("/cli/usage/errors", test_usage_errors);
  TEST ("/cli/usage/global", test_usage_global);
  TEST_EMPTY ("/cli/init", test_init);
  TEST ("/cli/setup/lists", test_setup_lists);
  TEST ("/cli/setup/duplicates", test_setup_duplicates);
  TEST ("/cli/preferences", test_preferences);
  TEST ("/cli/scenario/bill-transfer-invoice-return-invoice-void", test_scenario);
  TEST ("/cli/transfer/in-transit", test_transfer_in_transit);
  TEST ("/cli/adjust/in-and-out", test_adjust);
  TEST ("/cli/vendor-return", test_vendor_return);
  TEST ("/cli/bill/same-number-two-vendors", test_bill_same_number);
  TEST ("/cli/quantity-items", test_quantity_items);
  TEST ("/cli/serials/range", test_serials_range);
  TEST ("/cli/serials/file", test_serials_file);
  TEST ("/cli/serials/stdin", test_serials_stdin);
  TEST ("/cli/picking/prints-picked", test_picked_serials_printed);
  TEST ("/cli/unit/same-serial-two-items", test_unit_two_items);
  TEST ("/cli/check/sound", test_check);
  TEST ("/cli/check/finds-tampering", test_check_finds_tampering);
  add_refusal_tests ();
  add_return_tests ();
  add_service_tests ();
  add_drafts_tests ();
  add_editing_tests ();

  return g_test_run ();
}
