/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>

#include "st-types.h"

static void
test_tracking (void)
{
  StTracking tracking = ST_TRACKING_NONE;

  g_assert_cmpstr (st_tracking_to_string (ST_TRACKING_SERIAL), ==, "serial");
  g_assert_cmpstr (st_tracking_to_string (ST_TRACKING_NONE), ==, "none");
  g_assert_true (st_tracking_from_string ("serial", &tracking));
  g_assert_cmpint (tracking, ==, ST_TRACKING_SERIAL);
  g_assert_true (st_tracking_from_string ("none", &tracking));
  g_assert_cmpint (tracking, ==, ST_TRACKING_NONE);
}

static void
test_serial_format (void)
{
  static const struct { StSerialFormat format; const char *name; const char *label; } cases[] = {
    { ST_SERIAL_FORMAT_ANY, "any", "Any" },
    { ST_SERIAL_FORMAT_DIGITS, "digits", "Digits only" },
    { ST_SERIAL_FORMAT_IMEI, "imei", "IMEI (15 digits, Luhn)" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      StSerialFormat format = ST_SERIAL_FORMAT_ANY;

      g_assert_cmpstr (st_serial_format_to_string (cases[i].format), ==, cases[i].name);
      g_assert_cmpstr (st_serial_format_to_label (cases[i].format), ==, cases[i].label);
      g_assert_true (st_serial_format_from_string (cases[i].name, &format));
      g_assert_cmpint (format, ==, cases[i].format);
    }
}

static void
test_contact_kind (void)
{
  g_assert_cmpstr (st_contact_kind_to_string (ST_CONTACT_VENDOR), ==, "vendor");
  g_assert_cmpstr (st_contact_kind_to_string (ST_CONTACT_CUSTOMER), ==, "customer");
}

static void
test_unit_status (void)
{
  static const struct { StUnitStatus status; const char *name; const char *label; } cases[] = {
    { ST_UNIT_IN_STOCK, "in_stock", "In stock" },
    { ST_UNIT_IN_TRANSIT, "in_transit", "In transit" },
    { ST_UNIT_SOLD, "sold", "Sold" },
    { ST_UNIT_WRITTEN_OFF, "written_off", "Written off" },
    { ST_UNIT_RETURNED_TO_VENDOR, "returned_to_vendor", "Returned to vendor" },
    { ST_UNIT_VOIDED, "voided", "Voided" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      StUnitStatus status = ST_UNIT_VOIDED;

      g_assert_cmpstr (st_unit_status_to_string (cases[i].status), ==, cases[i].name);
      g_assert_cmpstr (st_unit_status_to_label (cases[i].status), ==, cases[i].label);
      g_assert_true (st_unit_status_from_string (cases[i].name, &status));
      g_assert_cmpint (status, ==, cases[i].status);
    }
}

static void
test_doc_kind (void)
{
  static const struct { StDocKind kind; const char *name; const char *label; } cases[] = {
    { ST_DOC_BILL, "bill", "Bill" },
    { ST_DOC_INVOICE, "invoice", "Invoice" },
    { ST_DOC_TRANSFER, "transfer", "Transfer order" },
    { ST_DOC_ADJUSTMENT, "adjustment", "Adjustment" },
    { ST_DOC_RETURN, "return", "Sales return" },
    { ST_DOC_VENDOR_RETURN, "vendor-return", "Vendor return" },
  };

  g_assert_cmpuint (G_N_ELEMENTS (cases), ==, ST_N_DOC_KINDS);

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      StDocKind kind = ST_DOC_BILL;

      g_assert_cmpstr (st_doc_kind_to_string (cases[i].kind), ==, cases[i].name);
      g_assert_cmpstr (st_doc_kind_to_label (cases[i].kind), ==, cases[i].label);
      g_assert_true (st_doc_kind_from_string (cases[i].name, &kind));
      g_assert_cmpint (kind, ==, cases[i].kind);
    }
}

static void
test_doc_status (void)
{
  static const struct { StDocStatus status; const char *name; const char *label; } cases[] = {
    { ST_DOC_STATUS_DRAFT, "draft", "Draft" },
    { ST_DOC_STATUS_POSTED, "posted", "Posted" },
    { ST_DOC_STATUS_VOID, "void", "Void" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      StDocStatus status = ST_DOC_STATUS_DRAFT;

      g_assert_cmpstr (st_doc_status_to_string (cases[i].status), ==, cases[i].name);
      g_assert_cmpstr (st_doc_status_to_label (cases[i].status), ==, cases[i].label);
      g_assert_true (st_doc_status_from_string (cases[i].name, &status));
      g_assert_cmpint (status, ==, cases[i].status);
    }
}

static void
test_event_kind (void)
{
  static const struct { StEventKind kind; const char *name; const char *label; } cases[] = {
    { ST_EVENT_RECEIVED, "received", "Received" },
    { ST_EVENT_ADJUSTED_IN, "adjusted_in", "Added by adjustment" },
    { ST_EVENT_TRANSFERRED, "transferred", "Transferred" },
    { ST_EVENT_TRANSFER_OUT, "transfer_out", "Shipped (in transit)" },
    { ST_EVENT_TRANSFER_IN, "transfer_in", "Received from transfer" },
    { ST_EVENT_SOLD, "sold", "Sold" },
    { ST_EVENT_RETURNED, "returned", "Returned by customer" },
    { ST_EVENT_WRITTEN_OFF, "written_off", "Written off" },
    { ST_EVENT_RETURNED_TO_VENDOR, "returned_to_vendor", "Returned to vendor" },
    { ST_EVENT_VOIDED, "voided", "Voided" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      StEventKind kind = ST_EVENT_RECEIVED;

      g_assert_cmpstr (st_event_kind_to_string (cases[i].kind), ==, cases[i].name);
      g_assert_cmpstr (st_event_kind_to_label (cases[i].kind), ==, cases[i].label);
      g_assert_true (st_event_kind_from_string (cases[i].name, &kind));
      g_assert_cmpint (kind, ==, cases[i].kind);
    }
}

static void
test_unknown_text (void)
{
  StTracking tracking = ST_TRACKING_SERIAL;
  StSerialFormat format = ST_SERIAL_FORMAT_DIGITS;
  StUnitStatus status = ST_UNIT_SOLD;
  StDocKind kind = ST_DOC_INVOICE;
  StDocStatus doc_status = ST_DOC_STATUS_POSTED;
  StEventKind event = ST_EVENT_SOLD;

  /* Unknown, differently cased or padded text is refused and leaves *out alone. */
  g_assert_false (st_tracking_from_string ("Serial", &tracking));
  g_assert_false (st_tracking_from_string ("", &tracking));
  g_assert_false (st_tracking_from_string (NULL, &tracking));
  g_assert_cmpint (tracking, ==, ST_TRACKING_SERIAL);
  g_assert_false (st_serial_format_from_string ("IMEI", &format));
  g_assert_cmpint (format, ==, ST_SERIAL_FORMAT_DIGITS);
  g_assert_false (st_unit_status_from_string ("in stock", &status));
  g_assert_false (st_unit_status_from_string ("in_stock ", &status));
  g_assert_cmpint (status, ==, ST_UNIT_SOLD);
  g_assert_false (st_doc_kind_from_string ("vendor_return", &kind));
  g_assert_cmpint (kind, ==, ST_DOC_INVOICE);
  g_assert_false (st_doc_status_from_string ("voided", &doc_status));
  g_assert_cmpint (doc_status, ==, ST_DOC_STATUS_POSTED);
  g_assert_false (st_event_kind_from_string ("transfer-in", &event));
  g_assert_cmpint (event, ==, ST_EVENT_SOLD);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/enums/tracking", test_tracking);
  g_test_add_func ("/enums/serial-format", test_serial_format);
  g_test_add_func ("/enums/contact-kind", test_contact_kind);
  g_test_add_func ("/enums/unit-status", test_unit_status);
  g_test_add_func ("/enums/doc-kind", test_doc_kind);
  g_test_add_func ("/enums/doc-status", test_doc_status);
  g_test_add_func ("/enums/event-kind", test_event_kind);
  g_test_add_func ("/enums/unknown-text", test_unknown_text);

  return g_test_run ();
}
