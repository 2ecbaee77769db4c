/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-cli-service.c — after-sales service through the CLI (issue 13, DESIGN §8): every status
 * change and resolution, every refusal, replacement with the warranty carried over or
 * restarted (month ends, leap days), and `check` after every step. */
#include <string.h>

#include "st-test-cli.h"

void add_service_tests (void);

/* The workbook as tests/core/read-xlsx.py prints it (openpyxl). */
static char *
read_xlsx (const char *path)
{
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "core", "read-xlsx.py", NULL);
  const char *argv[] = { "/usr/bin/python3", script, path, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status,
                &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("read-xlsx.py failed: %s", err);
  return g_steal_pointer (&out);
}

static void
assert_sound (Fixture *f)
{
  g_autoptr(TjNode) report = cli_json (f, "check", NULL);

  g_assert_true (tj_bool (report, "sound"));
}

/* A case's status and resolution (NULL: none), asserted from `service show --json`. */
static TjNode *
assert_case (Fixture    *f,
             const char *number,
             const char *status,
             const char *resolution)
{
  g_autoptr(TjNode) sc = cli_json (f, "service", "show", number, NULL);

  g_assert_cmpstr (tj_str (sc, "number"), ==, number);
  g_assert_cmpstr (tj_str (sc, "status"), ==, status);
  g_assert_cmpstr (tj_str (sc, "resolution"), ==, resolution);
  return g_steal_pointer (&sc);
}

/* S1 sold to Bob on @date (warranty 12 months). */
static void
sell_s1 (Fixture    *f,
         const char *date)
{
  stock_base (f);
  g_free (cli_ok (f, "invoice", "post", "--customer", "Bob", "--warehouse", "Main", "--number",
                  "I-1", "--date", date, "--line", "PHONE:1:150:S1", NULL));
}

/* The "done when": a phone sold in March, back in May under warranty, swapped for a
 * new one carrying the warranty to the old end date, the faulty one sent back to the vendor. */
static void
test_done_when (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(TjNode) sc = NULL;
  g_autoptr(TjNode) s1 = NULL;
  g_autoptr(TjNode) s2 = NULL;
  g_autofree char *text = NULL;

  sell_s1 (f, "2024-03-15");
  assert_sound (f);
  sc = cli_json (f, "service", "open", "S1", "--complaint", "Screen flickers", "--date",
                 "2024-05-06", NULL);
  g_assert_cmpstr (tj_str (sc, "number"), ==, "SC-00001");
  g_assert_cmpstr (tj_str (sc, "customer"), ==, "Bob");
  g_assert_cmpstr (tj_str (sc, "warehouse"), ==, "Main");
  g_assert_cmpstr (tj_str (sc, "warranty_status"), ==, "under_warranty");
  g_assert_cmpstr (tj_str (sc, "warranty_end"), ==, "2025-03-15");
  g_clear_pointer (&sc, tj_free);
  g_clear_pointer (&s1, tj_free);
  s1 = assert_unit (f, "S1", "in_service", "Main", "received,sold,service_in");
  assert_sound (f);
  g_assert_cmpint (cli_on_hand (f, "PHONE"), ==, 2);

  sc = cli_json (f, "service", "replace", "SC-00001", "--with", "S2", "--date", "2024-05-08",
                 NULL);
  g_assert_cmpstr (tj_str (sc, "status"), ==, "closed");
  g_assert_cmpstr (tj_str (sc, "resolution"), ==, "replaced");
  g_assert_cmpstr (tj_str (sc, "replacement_serial"), ==, "S2");
  g_assert_cmpstr (tj_str (sc, "replacement_warranty_end"), ==, "2025-03-15");
  g_assert_cmpint (tj_int (sc, "days_in_service"), ==, 2);
  assert_sound (f);
  g_assert_cmpint (cli_on_hand (f, "PHONE"), ==, 1);

  g_free (cli_ok (f, "vendor-return", "post", "--bill", "B-1", "--number", "VR-1", "--date",
                  "2024-05-20", "--line", "PHONE:1::S1", NULL));
  assert_sound (f);

  g_clear_pointer (&s1, tj_free);
  s1 = assert_unit (f, "S1", "returned_to_vendor", NULL,
                    "received,sold,service_in,replaced,returned_to_vendor");
  g_assert_cmpstr (tj_str (s1, "history/3/related_serial"), ==, "S2");
  g_assert_cmpstr (tj_str (s1, "history/3/document"), ==, "SC-00001");
  s2 = assert_unit (f, "S2", "sold", NULL, "received,replacement");
  g_assert_cmpstr (tj_str (s2, "history/1/related_serial"), ==, "S1");
  g_assert_cmpstr (tj_str (s2, "history/1/contact"), ==, "Bob");
  g_assert_cmpstr (tj_str (s2, "warranty_end"), ==, "2025-03-15");
  g_assert_cmpstr (tj_str (s2, "customer"), ==, "Bob");

  text = cli_ok (f, "unit", "S1", NULL);
  assert_contains (text, "Replaced by S2");
  g_free (text);
  text = cli_ok (f, "unit", "S2", NULL);
  assert_contains (text, "Replacement for S1");
  assert_contains (text, "2024-05-08, Service case SC-00001 to Bob");

  /* The Services workbook: real dates, money as numbers, days in service, a totals row. */
  {
    g_autofree char *xlsx = g_build_filename (f->dir, "services.xlsx", NULL);
    g_autofree char *history = g_build_filename (f->dir, "history.xlsx", NULL);
    g_autofree char *dump = NULL;

    g_free (cli_ok (f, "export", "services", xlsx, "--from", "2024-05-01", NULL));
    dump = read_xlsx (xlsx);
    assert_contains (dump, "sheet\tServices\n");
    /* Printable: the title row names the period, the header repeats on every page. */
    assert_contains (dump, " — Service cases from 2024-05-01\n");
    assert_contains (dump, "print\tlandscape\tfit 1x0\ttitles $1:$2\tfooter &CPage &P of &N\n");
    assert_contains (dump, "row\t3\tstr:SC-00001\tdate:2024-05-06\tstr:Closed\tstr:S1\t"
                           "str:PHONE\t");
    assert_contains (dump, "\tstr:Screen flickers\tstr:Under warranty\tdate:2025-03-15\t"
                           "str:Replaced\tstr:S2\tdate:2024-05-08\tnum:2\tmoney:0\tmoney:0\t"
                           "money:0\n");
    assert_contains (dump, "row\t4\tstr:Total\t");
    assert_contains (dump, "formula:=SUM(O3:O3)=2");
    g_free (dump);
    g_free (cli_ok (f, "export", "services", xlsx, "--force", "--to", "2024-05-01", NULL));
    dump = read_xlsx (xlsx);
    g_assert_null (strstr (dump, "SC-00001"));
    g_free (dump);

    /* Both units' histories show the case. */
    g_free (cli_ok (f, "export", "history", history, "--serial", "S1", "--serial", "S2", NULL));
    dump = read_xlsx (history);
    assert_contains (dump, "\tstr:S1\tstr:PHONE\tstr:Phone X\tdate:2024-05-06\t"
                           "str:Taken in for service\tstr:SC-00001\t");
    assert_contains (dump, "\tstr:S1\tstr:PHONE\tstr:Phone X\tdate:2024-05-08\tstr:Replaced\t"
                           "str:SC-00001\t");
    assert_contains (dump, "\tstr:S2\tstr:PHONE\tstr:Phone X\tdate:2024-05-08\t"
                           "str:Given as replacement\tstr:SC-00001\t");
  }

  /* A copy carries the cases and passes its check. */
  {
    g_autofree char *copy = g_build_filename (f->dir, "copy.serialtrack", NULL);
    g_autofree char *out = cli_ok (f, "copy", copy, NULL);
    g_autoptr(TjNode) list = NULL;
    Fixture other = { .dir = f->dir, .db = copy };

    list = cli_json (&other, "services", NULL);
    g_assert_cmpuint (tj_len (list, NULL), ==, 1);
    g_assert_cmpstr (tj_str (list, "0/replacement_serial"), ==, "S2");
  }

  /* The faulty unit moved on: the replacement can no longer be voided. */
  g_free (cli_refused (f, "has moved on since, in Vendor return VR-1", "service", "void",
                       "SC-00001", NULL));
}

static void
test_statuses_repaired (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(TjNode) sc = NULL;
  g_autoptr(TjNode) unit = NULL;

  sell_s1 (f, "2024-03-15");
  g_free (cli_ok (f, "service", "open", "S1", "--complaint", "No sound", "--warehouse", "Store",
                  "--date", "2024-04-01", NULL));
  g_clear_pointer (&unit, tj_free);
  unit = assert_unit (f, "S1", "in_service", "Store", "received,sold,service_in");
  g_clear_pointer (&sc, tj_free);
  sc = assert_case (f, "SC-00001", "open", NULL);
  g_free (cli_ok (f, "service", "note", "SC-00001", "Speaker replaced", "--date", "2024-04-02",
                  NULL));
  g_free (cli_ok (f, "service", "start", "SC-00001", "--date", "2024-04-02", NULL));
  g_clear_pointer (&sc, tj_free);
  sc = assert_case (f, "SC-00001", "in_repair", NULL);
  assert_sound (f);
  g_free (cli_ok (f, "service", "ready", "SC-00001", "--date", "2024-04-03", NULL));
  g_clear_pointer (&sc, tj_free);
  sc = assert_case (f, "SC-00001", "ready", NULL);
  g_free (cli_ok (f, "service", "close", "SC-00001", "--resolution", "repaired", "--charge",
                  "25.50", "--date", "2024-04-04", NULL));
  g_clear_pointer (&sc, tj_free);
  sc = assert_case (f, "SC-00001", "closed", "repaired");
  g_assert_cmpint (tj_int (sc, "charge_cents"), ==, 2550);
  g_assert_cmpstr (tj_str (sc, "closed_date"), ==, "2024-04-04");
  g_assert_cmpint (tj_int (sc, "days_in_service"), ==, 3);
  g_assert_cmpstr (tj_str (sc, "log/1/kind"), ==, "note");
  g_assert_cmpstr (tj_str (sc, "log/1/text"), ==, "Speaker replaced");
  g_assert_cmpstr (tj_str (sc, "log/-1/status"), ==, "closed");
  g_clear_pointer (&unit, tj_free);
  unit = assert_unit (f, "S1", "sold", NULL, "received,sold,service_in,service_out");
  /* Its warranty and sale unchanged. */
  g_assert_cmpstr (tj_str (unit, "warranty_end"), ==, "2025-03-15");
  g_assert_cmpstr (tj_str (unit, "invoice"), ==, "I-1");
  assert_sound (f);

  /* Void the closing: the unit is ours again, the case ready; then close it again. */
  g_free (cli_ok (f, "service", "void", "SC-00001", "--date", "2024-04-05", NULL));
  g_clear_pointer (&sc, tj_free);
  sc = assert_case (f, "SC-00001", "ready", NULL);
  g_clear_pointer (&unit, tj_free);
  unit = assert_unit (f, "S1", "in_service", "Store",
                      "received,sold,service_in,service_out,voided");
  assert_sound (f);
  g_free (cli_ok (f, "service", "close", "SC-00001", "--resolution", "unrepaired", "--date",
                  "2024-04-06", NULL));
  g_clear_pointer (&sc, tj_free);
  sc = assert_case (f, "SC-00001", "closed", "unrepaired");
  g_assert_cmpint (tj_int (sc, "charge_cents"), ==, 0);
}

static void
test_cancel_and_again (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(TjNode) sc = NULL;
  g_autoptr(TjNode) unit = NULL;
  g_autoptr(TjNode) list = NULL;

  sell_s1 (f, "2023-01-10");
  g_free (cli_ok (f, "service", "open", "S1", "--complaint", "Dead", "--date", "2024-02-01",
                  NULL));
  sc = assert_case (f, "SC-00001", "open", NULL);
  g_assert_cmpstr (tj_str (sc, "warranty_status"), ==, "expired");
  g_free (cli_ok (f, "service", "cancel", "SC-00001", "--date", "2024-02-02", NULL));
  g_clear_pointer (&sc, tj_free);
  sc = assert_case (f, "SC-00001", "cancelled", NULL);
  unit = assert_unit (f, "S1", "sold", NULL, "received,sold,service_in,service_out");
  assert_sound (f);

  /* Closing a cancelled case is refused, naming it. */
  g_free (cli_refused (f, "Service case SC-00001 cannot go from “Cancelled” to “Closed”",
                       "service", "close", "SC-00001", "--resolution", "repaired", NULL));
  g_free (cli_refused (f, "SC-00001", "service", "start", "SC-00001", NULL));

  /* A second case for the same unit; the list shows the open one first. */
  g_free (cli_ok (f, "service", "open", "S1", "--complaint", "Dead again", "--date",
                  "2024-03-01", NULL));
  list = cli_json (f, "services", NULL);
  g_assert_cmpuint (tj_len (list, NULL), ==, 2);
  g_assert_cmpstr (tj_str (list, "0/number"), ==, "SC-00002");
  g_assert_cmpstr (tj_str (list, "1/number"), ==, "SC-00001");
  g_clear_pointer (&list, tj_free);
  list = cli_json (f, "services", "--status", "cancelled", NULL);
  g_assert_cmpuint (tj_len (list, NULL), ==, 1);
  g_clear_pointer (&list, tj_free);
  list = cli_json (f, "services", "--serial", "s1", "--customer", "Bob", NULL);
  g_assert_cmpuint (tj_len (list, NULL), ==, 2);
  g_clear_pointer (&list, tj_free);
  list = cli_json (f, "services", "--customer", "Carol", NULL);
  g_assert_cmpuint (tj_len (list, NULL), ==, 0);
  cli_usage_error (f, "Unknown status", "services", "--status", "lost", NULL);

  /* Voiding the cancellation after the unit moved on (into SC-00002) is refused. */
  g_free (cli_refused (f, "has moved on since, in Service case SC-00002", "service", "void",
                       "SC-00001", NULL));
}

static void
test_refund_then_refurbish (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(TjNode) sc = NULL;
  g_autoptr(TjNode) unit = NULL;

  sell_s1 (f, "2024-03-15");
  g_free (cli_ok (f, "service", "open", "S1", "--complaint", "Battery", "--date", "2024-03-20",
                  NULL));
  sc = cli_json (f, "service", "refund", "SC-00001", "--warehouse", "Store", "--date",
                 "2024-03-21", NULL);
  g_assert_cmpstr (tj_str (sc, "resolution"), ==, "refunded");
  g_assert_cmpint (tj_int (sc, "refund_cents"), ==, 15000);
  unit = assert_unit (f, "S1", "faulty", "Store", "received,sold,service_in,refunded");
  assert_sound (f);
  /* Faulty is not stock: not sellable, not picked. */
  g_assert_cmpint (cli_on_hand (f, "PHONE"), ==, 2);
  g_free (cli_refused (f, "S1", "invoice", "post", "--customer", "Carol", "--warehouse", "Store",
                       "--line", "PHONE:1::S1", NULL));

  /* Refurbished into stock by a + adjustment. */
  g_free (cli_ok (f, "adjust", "post", "--warehouse", "Store", "--reason", "Refurbished",
                  "--date", "2024-03-25", "--line", "PHONE:1:60:S1", NULL));
  g_clear_pointer (&unit, tj_free);
  unit = assert_unit (f, "S1", "in_stock", "Store",
                      "received,sold,service_in,refunded,adjusted_in");
  g_assert_cmpint (cli_on_hand (f, "PHONE"), ==, 3);
  assert_sound (f);
}

static void
test_replace_write_off (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(TjNode) sc = NULL;
  g_autoptr(TjNode) unit = NULL;

  sell_s1 (f, "2024-03-15");
  g_free (cli_ok (f, "service", "open", "S1", "--complaint", "Cracked", "--date", "2024-04-01",
                  NULL));
  /* Without --with: the oldest in stock at the case's warehouse (S2), a charge, restart. */
  sc = cli_json (f, "service", "replace", "SC-00001", "--warranty", "restart", "--charge", "40",
                 "--date", "2024-04-30", NULL);
  g_assert_cmpstr (tj_str (sc, "replacement_serial"), ==, "S2");
  g_assert_cmpstr (tj_str (sc, "replacement_warranty_end"), ==, "2025-04-30");
  g_assert_cmpint (tj_int (sc, "charge_cents"), ==, 4000);
  g_clear_pointer (&unit, tj_free);
  unit = assert_unit (f, "S2", "sold", NULL, "received,replacement");
  g_assert_cmpint (tj_int (unit, "price_cents"), ==, 4000);
  g_clear_pointer (&unit, tj_free);
  unit = assert_unit (f, "S1", "faulty", "Main", "received,sold,service_in,replaced");
  assert_sound (f);

  /* Void the replacement (nothing moved on): both units step back. */
  g_free (cli_ok (f, "service", "void", "SC-00001", "--date", "2024-05-01", NULL));
  g_clear_pointer (&unit, tj_free);
  unit = assert_unit (f, "S2", "in_stock", "Main", "received,replacement,voided");
  g_clear_pointer (&unit, tj_free);
  unit = assert_unit (f, "S1", "in_service", "Main", "received,sold,service_in,replaced,voided");
  g_assert_cmpint (cli_on_hand (f, "PHONE"), ==, 2);
  assert_sound (f);

  /* Replace again, then write the faulty unit off. */
  g_free (cli_ok (f, "service", "replace", "SC-00001", "--with", "S3", "--date", "2024-05-02",
                  NULL));
  g_free (cli_ok (f, "adjust", "post", "--warehouse", "Main", "--reason", "Scrap", "--date",
                  "2024-05-03", "--line", "PHONE:-1::S1", NULL));
  g_clear_pointer (&unit, tj_free);
  unit = assert_unit (f, "S1", "written_off", NULL,
                      "received,sold,service_in,replaced,voided,replaced,written_off");
  assert_sound (f);
}

/* Warranty dates: carried over from a month end, restarted on a leap day. */
static void
test_warranty_dates (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(TjNode) sc = NULL;

  g_free (cli_ok (f, "bill", "post", "--vendor", "Acme", "--number", "B-9", "--warehouse", "Main",
                  "--date", "2024-01-02", "--line", "PHONE:4:100:T1,T2,T3,T4", NULL));
  g_free (cli_ok (f, "invoice", "post", "--customer", "Bob", "--warehouse", "Main", "--date",
                  "2024-01-31", "--line", "PHONE:1::T1", NULL));
  g_free (cli_ok (f, "service", "open", "T1", "--complaint", "x", "--date", "2024-02-29", NULL));
  sc = cli_json (f, "service", "replace", "SC-00001", "--with", "T2", "--date", "2024-02-29",
                 NULL);
  /* Sold on Jan 31 with 12 months: carried over to exactly that end. */
  g_assert_cmpstr (tj_str (sc, "warranty_end"), ==, "2025-01-31");
  g_assert_cmpstr (tj_str (sc, "replacement_warranty_end"), ==, "2025-01-31");
  g_clear_pointer (&sc, tj_free);

  g_free (cli_ok (f, "service", "open", "T2", "--complaint", "y", "--date", "2024-02-29", NULL));
  sc = cli_json (f, "service", "replace", "SC-00002", "--with", "T3", "--warranty", "restart",
                 "--date", "2024-02-29", NULL);
  /* Restarted on a leap day: 12 months later there is no Feb 29. */
  g_assert_cmpstr (tj_str (sc, "replacement_warranty_end"), ==, "2025-02-28");
  assert_sound (f);

  /* warranty expiring: T3's ends 2025-02-28, T2's (now faulty) no longer counts. */
  {
    g_autoptr(TjNode) list = cli_json (f, "warranty", "expiring", "--within", "30", "--date",
                                       "2025-02-01", NULL);
    g_autoptr(TjNode) none = cli_json (f, "warranty", "expiring", "--within", "10", "--date",
                                       "2025-02-01", NULL);

    g_assert_cmpuint (tj_len (list, NULL), ==, 1);
    g_assert_cmpstr (tj_str (list, "0/serial"), ==, "T3");
    g_assert_cmpstr (tj_str (list, "0/customer"), ==, "Bob");
    g_assert_cmpuint (tj_len (none, NULL), ==, 0);
  }
  cli_usage_error (f, "--within", "warranty", "expiring", "--within", "soon", NULL);

  /* --limit: the first N, soonest first, and how many more.  T4 sold Feb 15: ends 2025-02-15,
   * before T3's 2025-02-28. */
  g_free (cli_ok (f, "contact", "add", "--customer", "Zoë Ångström", NULL));
  g_free (cli_ok (f, "invoice", "post", "--customer", "Zoë Ångström", "--warehouse", "Main",
                  "--date", "2024-02-15", "--line", "PHONE:1::T4", NULL));
  {
    g_autoptr(TjNode) all = cli_json (f, "warranty", "expiring", "--within", "30", "--date",
                                      "2025-02-01", NULL);
    g_autoptr(TjNode) first = cli_json (f, "warranty", "expiring", "--within", "30", "--date",
                                        "2025-02-01", "--limit", "1", NULL);
    g_autofree char *text = cli_ok (f, "warranty", "expiring", "--within", "30", "--date",
                                    "2025-02-01", "--limit", "1", NULL);
    g_autofree char *whole = cli_ok (f, "warranty", "expiring", "--within", "30", "--date",
                                     "2025-02-01", "--limit", "2", NULL);
    /* Without --limit: the same table, read as the query goes; columns padded by characters,
     * not bytes. */
    g_autofree char *streamed = cli_ok (f, "warranty", "expiring", "--within", "30", "--date",
                                        "2025-02-01", NULL);

    g_assert_cmpuint (tj_len (all, NULL), ==, 2);
    g_assert_cmpstr (tj_str (all, "0/serial"), ==, "T4");
    g_assert_cmpuint (tj_len (first, NULL), ==, 1);
    g_assert_cmpstr (tj_str (first, "0/serial"), ==, "T4");
    assert_contains (text, "T4");
    g_assert_null (strstr (text, "T3"));
    assert_contains (text, "… and 1 more unit\n");
    assert_contains (whole, "T3");
    g_assert_null (strstr (whole, "more unit"));
    g_assert_cmpstr (streamed, ==,
                     "Warranty ends  Serial  SKU    Customer      Sold\n"
                     "2025-02-15     T4      PHONE  Zoë Ångström  2024-02-15\n"
                     "2025-02-28     T3      PHONE  Bob           2024-02-29\n");
    g_assert_cmpstr (streamed, ==, whole);
  }
  cli_usage_error (f, "--limit", "warranty", "expiring", "--limit", "0", NULL);
  g_free (cli_refused (f, "2025-13-01", "warranty", "expiring", "--date", "2025-13-01",
                       "--limit", "5", NULL));
}

static void
test_parts (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(TjNode) sc = NULL;

  sell_s1 (f, "2024-03-15");
  g_free (cli_ok (f, "service", "open", "S1", "--complaint", "Port", "--date", "2024-04-01",
                  NULL));
  sc = cli_json (f, "service", "part", "SC-00001", "--line", "CABLE:2", "--date", "2024-04-02",
                 NULL);
  g_assert_cmpint (tj_int (sc, "parts_cost_cents"), ==, 300);
  g_assert_cmpstr (tj_str (sc, "log/1/kind"), ==, "part");
  g_assert_cmpstr (tj_str (sc, "log/1/sku"), ==, "CABLE");
  g_assert_cmpint (tj_int (sc, "log/1/quantity"), ==, 2);
  g_assert_cmpint (cli_on_hand (f, "CABLE"), ==, 8);
  assert_sound (f);
  /* A serial part: S3 written off to the case. */
  g_clear_pointer (&sc, tj_free);
  sc = cli_json (f, "service", "part", "SC-00001", "--line", "PHONE:1::S3", NULL);
  g_assert_cmpstr (tj_str (sc, "log/2/serials"), ==, "S3");
  g_assert_cmpint (tj_int (sc, "parts_cost_cents"), ==, 300 + 10000);
  g_clear_pointer (&sc, tj_free);
  sc = assert_unit (f, "S3", "written_off", NULL, "received,written_off");
  g_assert_cmpstr (tj_str (sc, "history/1/document"), ==, "SC-00001");
  assert_sound (f);

  /* Overselling is refused, naming the item and warehouse. */
  g_free (cli_refused (f, "Not enough of CABLE at Main", "service", "part", "SC-00001",
                       "--line", "CABLE:9", NULL));
  g_free (cli_ok (f, "service", "close", "SC-00001", "--resolution", "repaired", NULL));
  /* No parts on a closed case. */
  g_free (cli_refused (f, "SC-00001", "service", "part", "SC-00001", "--line", "CABLE:1", NULL));
}

static void
test_foreign_unit (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(TjNode) sc = NULL;
  g_autoptr(TjNode) unit = NULL;

  g_free (cli_refused (f, "name its item", "service", "open", "X-77", "--complaint", "Broken",
                       "--customer", "Carol", NULL));
  g_free (cli_refused (f, "name the customer", "service", "open", "X-77", "--item", "PHONE",
                       "--complaint", "Broken", NULL));
  sc = cli_json (f, "service", "open", "X-77", "--item", "PHONE", "--complaint", "Broken",
                 "--customer", "Carol", "--warehouse", "Main", "--date", "2024-06-01", NULL);
  g_assert_cmpstr (tj_str (sc, "warranty_status"), ==, "none");
  g_assert_cmpstr (tj_str (sc, "customer"), ==, "Carol");
  unit = assert_unit (f, "X-77", "in_service", "Main", "service_in");
  g_assert_cmpint (cli_on_hand (f, "PHONE"), ==, 0);
  g_free (cli_refused (f, "was not sold by us", "service", "refund", "SC-00001", NULL));
  g_free (cli_ok (f, "service", "close", "SC-00001", "--resolution", "repaired", "--charge", "30",
                  "--date", "2024-06-03", NULL));
  g_clear_pointer (&unit, tj_free);
  unit = assert_unit (f, "X-77", "sold", NULL, "service_in,service_out");
  assert_sound (f);
  /* It comes back: its customer is remembered. */
  g_clear_pointer (&sc, tj_free);
  sc = cli_json (f, "service", "open", "X-77", "--complaint", "Again", "--date", "2024-07-01",
                 NULL);
  g_assert_cmpstr (tj_str (sc, "customer"), ==, "Carol");
}

static void
test_refusals (Fixture       *f,
               gconstpointer  data)
{
  sell_s1 (f, "2024-03-15");
  /* A unit in stock, in transit, already in service. */
  g_free (cli_refused (f, "Serial “S2” is not a customer's unit (status: In stock)", "service",
                       "open", "S2", "--complaint", "x", NULL));
  g_free (cli_ok (f, "transfer", "post", "--from", "Main", "--to", "Store", "--in-transit",
                  "--line", "PHONE:1::S3", NULL));
  g_free (cli_refused (f, "Serial “S3” is not a customer's unit (status: In transit)", "service",
                       "open", "S3", "--complaint", "x", NULL));
  g_free (cli_ok (f, "service", "open", "S1", "--complaint", "x", "--date", "2024-04-01", NULL));
  g_free (cli_refused (f, "Serial “S1” is already in service", "service", "open", "S1",
                       "--complaint", "x", NULL));
  cli_usage_error (f, "--complaint", "service", "open", "S1", NULL);
  /* An unknown serial on an ambiguous item. */
  g_free (cli_ok (f, "item", "add", "--sku", "PAD", "--name", "Pad", "--serial", NULL));
  g_free (cli_ok (f, "bill", "post", "--vendor", "Acme", "--number", "B-2", "--warehouse", "Main",
                  "--line", "PAD:1:10:S1", NULL));
  g_free (cli_refused (f, "Serial “S1” belongs to several items; name the item", "service",
                       "open", "S1", "--complaint", "x", NULL));
  /* Replacing with a unit not at the case's warehouse, or with itself. */
  g_free (cli_refused (f, "Serial “S3” is not in stock at Main", "service", "replace",
                       "SC-00001", "--with", "S3", NULL));
  g_free (cli_refused (f, "it cannot replace itself", "service", "replace", "SC-00001", "--with",
                       "S1", NULL));
  g_free (cli_refused (f, "Serial “NOPE” of PHONE is not in the inventory", "service", "replace",
                       "SC-00001", "--with", "NOPE", NULL));
  /* A charge that is not money; dates before the case; unknown case. */
  g_free (cli_refused (f, "charge", "service", "close", "SC-00001", "--resolution", "repaired",
                       "--charge", "12,50", NULL));
  g_free (cli_refused (f, "charge", "service", "close", "SC-00001", "--resolution", "repaired",
                       "--charge", "-3", NULL));
  g_free (cli_refused (f, "before service case SC-00001 was opened", "service", "close",
                       "SC-00001", "--resolution", "repaired", "--date", "2024-03-31", NULL));
  g_free (cli_refused (f, "There is no service case “SC-00099”", "service", "start", "SC-00099",
                       NULL));
  cli_usage_error (f, "--resolution", "service", "close", "SC-00001", "--resolution", "fixed",
                   NULL);
  cli_usage_error (f, "--warranty", "service", "replace", "SC-00001", "--warranty", "forever",
                   NULL);
  g_free (cli_refused (f, "not closed or cancelled", "service", "void", "SC-00001", NULL));
}

void
add_service_tests (void)
{
#define TEST(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  TEST ("/cli/service/done-when", test_done_when);
  TEST ("/cli/service/statuses-repaired-void", test_statuses_repaired);
  TEST ("/cli/service/cancel-close-refused-list", test_cancel_and_again);
  TEST ("/cli/service/refund-refurbish", test_refund_then_refurbish);
  TEST ("/cli/service/replace-void-write-off", test_replace_write_off);
  TEST ("/cli/service/warranty-dates", test_warranty_dates);
  TEST ("/cli/service/parts", test_parts);
  TEST ("/cli/service/foreign-unit", test_foreign_unit);
  TEST ("/cli/service/refusals", test_refusals);
#undef TEST
}
