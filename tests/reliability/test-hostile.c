/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-hostile.c — issue 8, item 8: formula injection and hostile text.
 *
 * Serials, SKUs, names and document numbers that start with =, +, -, @, a tab or a CR, that
 * carry right-to-left marks or overrides, emoji, or are 100 characters long, are posted
 * (bill, invoice, transfer, adjustment with a hostile reason), found again by the core's
 * search and by `serialtrack-cli unit`, and exported with `export history` and `export
 * sold`.  Everything comes back exactly as stored; in the workbooks every such value is a
 * text cell and no cell holding one has an <f> element (read-xlsx.py reads the sheet XML and
 * the values with openpyxl).  Leading and trailing white space (tab, CR) is trimmed when a
 * serial or a name is stored, by design (DESIGN.md, serial rules): "\t=2+2" is stored, found
 * and exported as "=2+2", still text. */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "st-error.h"
#include "st-store.h"
#include "st-rel-util.h"
#include "../st-test-xlsx.h"

typedef struct
{
  const char *typed;     /* as entered */
  const char *stored;    /* as it must come back (NULL: as typed) */
} Hostile;

#define LONG_SERIAL \
  "=HYPERLINK(\"http://example.invalid/\"&A1,\"click\")+CMD|' /C calc'!A0-@SUM(1,2)" \
  "+xxxxxxxxxxxxxxxxxxxxxxx"

static const Hostile serials[] = {
  { "=1+1", NULL },
  { "+1+1", NULL },
  { "-1+1", NULL },
  { "@SUM(A1:A9)", NULL },
  { "=HYPERLINK(\"http://x.invalid\",\"y\")", NULL },
  { "\t=2+2", "=2+2" },
  { "\r=3+3", "=3+3" },
  { "\r\n+4+4\t", "+4+4" },
  { "\u200F\u05E9\u05DC\u05D5\u05DD-42", NULL },   /* RLM + Hebrew */
  { "\u202Eexe.txt", NULL },                        /* RIGHT-TO-LEFT OVERRIDE */
  { "\u2066=5+5\u2069", NULL },                     /* isolates around a formula */
  { "\U0001F4E6\U0001F525-001", NULL },             /* emoji */
  { "'=6+6", NULL },
  { "0001234", NULL },
  { "1E5", NULL },
  { "TRUE", NULL },
  { "2024-01-31", NULL },
  { LONG_SERIAL, NULL },
};

#define SKU        "=SKU(1)"
#define ITEM_NAME  "=SUM(1,2)\u202E \U0001F4E6 -@ \u05E9\u05DC\u05D5\u05DD"
#define VENDOR     "@Acme\u200F"
#define CUSTOMER   "+Bob \U0001F600 \u202Egnp.exe"
#define FROM_WH    "-Store"
#define TO_WH      "=Shop()"
#define BILL_NO    "=B1+1"
#define INVOICE_NO "@INV-1"
#define REASON     "=cmd|' /C calc'!A0 \U0001F4A5 \u202E"

static char *dir;
static char *db;

static const char *
stored (const Hostile *h)
{
  return h->stored != NULL ? h->stored : h->typed;
}

static void
post (StStore *store,
      StDraft *draft)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StDocument) doc = st_store_post (store, draft, &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
}

static void
make_database (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StStore) store = NULL;
  g_autoptr(StWarehouse) w1 = NULL, w2 = NULL;
  g_autoptr(StContact) c1 = NULL, c2 = NULL;
  g_autoptr(StItem) item = NULL;
  StItemSpec spec = { SKU, ITEM_NAME, NULL, 1000, 600, ST_TRACKING_SERIAL, 12,
                      ST_SERIAL_FORMAT_ANY };
  StDraftLine *line;
  g_autoptr(StDraft) bill = st_draft_new (ST_DOC_BILL);
  g_autoptr(StDraft) invoice = st_draft_new (ST_DOC_INVOICE);
  g_autoptr(StDraft) transfer = st_draft_new (ST_DOC_TRANSFER);
  g_autoptr(StDraft) adjust = st_draft_new (ST_DOC_ADJUSTMENT);
  guint n = G_N_ELEMENTS (serials);

  dir = rel_tmpdir ("hostile");
  db = rel_new_db (dir, "hostile.serialtrack");
  store = st_store_open (db, ST_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  w1 = st_store_add_warehouse (store, "\t" FROM_WH, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (st_warehouse_get_name (w1), ==, FROM_WH);
  w2 = st_store_add_warehouse (store, TO_WH, &error);
  c1 = st_store_add_contact (store, ST_CONTACT_VENDOR, VENDOR, &error);
  c2 = st_store_add_contact (store, ST_CONTACT_CUSTOMER, CUSTOMER, &error);
  item = st_store_add_item (store, &spec, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (st_item_get_name (item), ==, ITEM_NAME);

  /* All of them come in on one bill, typed as they are. */
  st_draft_set_string (&bill->number, BILL_NO);
  st_draft_set_string (&bill->contact, VENDOR);
  st_draft_set_string (&bill->warehouse, FROM_WH);
  st_draft_set_string (&bill->date, "2024-06-03");
  line = st_draft_add_line (bill, SKU, n);
  for (guint i = 0; i < n; i++)
    st_draft_line_add_serial (line, serials[i].typed);
  post (store, bill);

  /* The first half is sold, the next few moved, one written off with a hostile reason. */
  st_draft_set_string (&invoice->number, INVOICE_NO);
  st_draft_set_string (&invoice->contact, CUSTOMER);
  st_draft_set_string (&invoice->warehouse, FROM_WH);
  st_draft_set_string (&invoice->date, "2024-06-04");
  line = st_draft_add_line (invoice, SKU, n / 2);
  for (guint i = 0; i < n / 2; i++)
    st_draft_line_add_serial (line, stored (&serials[i]));
  post (store, invoice);

  st_draft_set_string (&transfer->warehouse, FROM_WH);
  st_draft_set_string (&transfer->to_warehouse, TO_WH);
  st_draft_set_string (&transfer->date, "2024-06-05");
  line = st_draft_add_line (transfer, SKU, 3);
  for (guint i = n / 2; i < n / 2 + 3; i++)
    st_draft_line_add_serial (line, stored (&serials[i]));
  post (store, transfer);

  st_draft_set_string (&adjust->warehouse, FROM_WH);
  st_draft_set_string (&adjust->reason, REASON);
  st_draft_set_string (&adjust->date, "2024-06-06");
  line = st_draft_add_line (adjust, SKU, -1);
  st_draft_line_add_serial (line, stored (&serials[n - 1]));
  post (store, adjust);
}

/* The core: find and search give every serial back exactly; the reason too. */
static void
test_core_round_trip (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StStore) store = st_store_open (db, 0, &error);
  g_autoptr(StListModel) adjustments = NULL;
  g_autoptr(StDocument) adjustment = NULL;

  g_assert_no_error (error);
  for (gsize i = 0; i < G_N_ELEMENTS (serials); i++)
    {
      g_autoptr(StUnit) unit = st_store_find_unit (store, stored (&serials[i]), SKU, &error);
      g_autoptr(GPtrArray) found = NULL;

      g_assert_no_error (error);
      g_assert_cmpstr (st_unit_get_serial (unit), ==, stored (&serials[i]));
      g_assert_cmpstr (st_unit_get_item_name (unit), ==, ITEM_NAME);
      g_assert_cmpstr (st_unit_get_vendor (unit), ==, VENDOR);
      found = st_store_search_units (store, stored (&serials[i]), 5, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (found->len, >=, 1);
      g_assert_cmpstr (st_unit_get_serial (g_ptr_array_index (found, 0)), ==,
                       stored (&serials[i]));
    }
  adjustments = st_store_list_documents (store, ST_DOC_ADJUSTMENT);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (adjustments)), ==, 1);
  {
    g_autoptr(StDocument) row = g_list_model_get_item (G_LIST_MODEL (adjustments), 0);
    adjustment = st_store_get_document (store, ST_DOC_ADJUSTMENT,
                                        st_document_get_number (row), &error);
  }
  g_assert_no_error (error);
  g_assert_cmpstr (st_document_get_reason (adjustment), ==, REASON);
}

/* The CLI: `unit` and `units` print them back exactly (serials starting with '-' after
 * "--", so that they are not taken for options). */
static void
test_cli_round_trip (void)
{
  g_autoptr(TjNode) units = rel_cli_json (db, "units", "--item", SKU, NULL);

  g_assert_cmpuint (tj_len (units, ""), ==, G_N_ELEMENTS (serials));
  for (gsize i = 0; i < G_N_ELEMENTS (serials); i++)
    {
      g_autoptr(TjNode) unit = rel_cli_json (db, "unit", "--item", SKU, "--",
                                             stored (&serials[i]), NULL);
      gboolean listed = FALSE;

      g_assert_cmpstr (tj_str (unit, "serial"), ==, stored (&serials[i]));
      g_assert_cmpstr (tj_str (unit, "sku"), ==, SKU);
      g_assert_cmpstr (tj_str (unit, "item"), ==, ITEM_NAME);
      g_assert_cmpstr (tj_str (unit, "vendor"), ==, VENDOR);
      g_assert_cmpstr (tj_str (unit, "bill"), ==, BILL_NO);
      if (i < G_N_ELEMENTS (serials) / 2)
        {
          g_assert_cmpstr (tj_str (unit, "customer"), ==, CUSTOMER);
          g_assert_cmpstr (tj_str (unit, "invoice"), ==, INVOICE_NO);
        }
      for (guint j = 0; j < tj_len (units, ""); j++)
        listed |= g_strcmp0 (tj_str (g_ptr_array_index (units->items, j), "serial"),
                             stored (&serials[i])) == 0;
      g_assert_true (listed);
    }
}

/* read-xlsx.py's escaping of text. */
static char *
escaped (const char *text)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (const char *p = text; *p; p++)
    {
      if (*p == '\\')
        g_string_append (out, "\\\\");
      else if (*p == '\t')
        g_string_append (out, "\\t");
      else if (*p == '\n')
        g_string_append (out, "\\n");
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Asserts that @expected stands in @lines as a text cell, and that no formula cell holds it;
 * returns the number of text cells found. */
static guint
assert_text_cells (char       **lines,
                   const char  *expected)
{
  g_autofree char *text = escaped (expected);
  g_autofree char *cell = g_strconcat ("str:", text, NULL);
  guint n = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) cells = NULL;

      if (!g_str_has_prefix (lines[i], "row\t"))
        continue;
      cells = g_strsplit (lines[i], "\t", -1);
      for (guint c = 2; cells[c] != NULL; c++)
        {
          if (g_str_has_prefix (cells[c], "formula:"))
            {
              /* The only formulas are the report's totals. */
              g_assert_true (g_str_has_prefix (cells[c], "formula:=SUM("));
              g_assert_null (strstr (cells[c], text));
            }
          n += strcmp (cells[c], cell) == 0;
        }
    }
  if (n == 0)
    g_printerr ("no text cell \"%s\"\n", cell);
  g_assert_cmpuint (n, >, 0);
  return n;
}

static void
test_export (void)
{
  /* The hostile names checked in each report. */
  static const char * const in_history[] = { SKU, ITEM_NAME, VENDOR, CUSTOMER, FROM_WH, TO_WH,
                                             BILL_NO, INVOICE_NO };
  static const char * const in_sold[] = { SKU, ITEM_NAME, CUSTOMER, INVOICE_NO };
  g_autofree char *history = g_build_filename (dir, "history.xlsx", NULL);
  g_autofree char *sold = g_build_filename (dir, "sold.xlsx", NULL);
  g_auto(GStrv) history_lines = NULL;
  g_auto(GStrv) sold_lines = NULL;
  guint n_cells = 0, n_formulas = 0;

  g_free (rel_cli_ok (db, "export", "history", history, NULL));
  g_free (rel_cli_ok (db, "export", "sold", sold, NULL));
  history_lines = st_test_read_xlsx (history, FALSE);
  sold_lines = st_test_read_xlsx (sold, FALSE);

  for (gsize i = 0; i < G_N_ELEMENTS (serials); i++)
    {
      n_cells += assert_text_cells (history_lines, stored (&serials[i]));
      if (i < G_N_ELEMENTS (serials) / 2)
        n_cells += assert_text_cells (sold_lines, stored (&serials[i]));
    }
  for (gsize i = 0; i < G_N_ELEMENTS (in_history); i++)
    n_cells += assert_text_cells (history_lines, in_history[i]);
  for (gsize i = 0; i < G_N_ELEMENTS (in_sold); i++)
    n_cells += assert_text_cells (sold_lines, in_sold[i]);

  for (guint i = 0; sold_lines[i] != NULL; i++)
    n_formulas += strstr (sold_lines[i], "formula:") != NULL;
  for (guint i = 0; history_lines[i] != NULL; i++)
    g_assert_null (strstr (history_lines[i], "formula:"));
  rel_figure ("hostile-text",
              "%zu hostile serials (=, +, -, @, tab, CR, RLM/RLO/isolates, emoji, 100 "
              "characters) and hostile SKU, item, vendor, customer, warehouse, document "
              "numbers and reason: posted, found by search and `unit`, exported; %u text cells "
              "checked, none a formula (the only <f>: %u totals row(s) of SUM in the sold "
              "report)", G_N_ELEMENTS (serials), n_cells, n_formulas);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  st_pg_require_server ("test-hostile");
  g_assert_cmpint (g_utf8_strlen (LONG_SERIAL, -1), ==, 100);
  make_database ();
  g_test_add_func ("/hostile/core-round-trip", test_core_round_trip);
  g_test_add_func ("/hostile/cli-round-trip", test_cli_round_trip);
  g_test_add_func ("/hostile/export", test_export);
  status = g_test_run ();
  st_test_remove_tree (dir);
  g_free (db);
  g_free (dir);
  return status;
}
