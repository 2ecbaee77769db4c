/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Exports read back with a real reader (read-xlsx.py: openpyxl plus the sheet XML). */
#include "config.h"

#include <string.h>

#include "st-export.h"
#include "st-export-private.h"
#include "st-parse.h"
#include "st-test-util.h"
#include "../st-test-xlsx.h"

#define IMEI "490154203237518"

/* Fixture: the shared database plus an empty folder for the exports. */
typedef struct
{
  StFixture  base;
  char      *out;
} ExportFixture;

static StDocument *
post (StStore     *store,
      StDocKind    kind,
      const char  *number,
      const char  *date,
      const char  *contact,     /* returns: the invoice */
      const char  *sku,
      gint64       quantity,
      const char  *serials,     /* comma-separated, or NULL */
      GError     **error)
{
  g_autoptr(StDraft) draft = st_draft_new (kind);
  StDraftLine *line;

  st_draft_set_string (&draft->number, number);
  st_draft_set_string (&draft->date, date);
  st_draft_set_string (&draft->warehouse, "Main");
  if (kind == ST_DOC_RETURN)
    st_draft_set_string (&draft->reference, contact);
  else
    st_draft_set_string (&draft->contact, contact);
  line = st_draft_add_line (draft, sku, quantity);
  if (serials != NULL)
    st_test_line_add_serials (line, serials);
  return st_store_post (store, draft, error);
}

static void
post_ok (StStore    *store,
         StDocKind   kind,
         const char *number,
         const char *date,
         const char *contact,
         const char *sku,
         gint64      quantity,
         const char *serials)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StDocument) doc = post (store, kind, number, date, contact, sku, quantity, serials,
                                    &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
}

/* Serials that a careless exporter turns into numbers or formulas, a sale, a return, a voided
 * invoice, a quantity item and a sale after the reported range. */
static void
setup (ExportFixture *f,
       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StDocument) voided = NULL;

  st_fixture_setup (&f->base, data);
  f->out = g_dir_make_tmp ("st-export-XXXXXX", &error);
  g_assert_no_error (error);
  _st_export_set_sheet_rows (0);

  if (data == NULL)
    return;
  post_ok (f->base.store, ST_DOC_BILL, "B1", "2026-01-05", "Acme", "TOOL", 5,
           "007,=1+1,+1,@x,-2");
  post_ok (f->base.store, ST_DOC_BILL, "B2", "2026-01-06", "Acme", "CABLE", 10, NULL);
  post_ok (f->base.store, ST_DOC_BILL, "B3", "2026-01-07", "Acme", "PHONE", 1, IMEI);
  post_ok (f->base.store, ST_DOC_INVOICE, "INV-1", "2026-02-01", "Bob", "TOOL", 2, "007,=1+1");
  post_ok (f->base.store, ST_DOC_INVOICE, "INV-2", "2026-02-02", "Bob", "CABLE", 3, NULL);
  post_ok (f->base.store, ST_DOC_RETURN, "R-1", "2026-02-10", "INV-1", "TOOL", 1, "=1+1");
  post_ok (f->base.store, ST_DOC_INVOICE, "INV-3", "2026-02-15", "Bob", "TOOL", 1, "+1");
  voided = st_store_void (f->base.store, ST_DOC_INVOICE, "INV-3", &error);
  g_assert_no_error (error);
  post_ok (f->base.store, ST_DOC_INVOICE, "INV-4", "2026-03-01", "Bob", "PHONE", 1, IMEI);
  post_ok (f->base.store, ST_DOC_INVOICE, "INV-5", "2026-04-01", "Bob", "TOOL", 1, "@x");
  st_assert_check_ok (f->base.store);
}

static void
teardown (ExportFixture *f,
          gconstpointer  data)
{
  _st_export_set_sheet_rows (0);
  st_test_remove_tree (f->out);
  g_free (f->out);
  st_fixture_teardown (&f->base, data);
}

static char *
out_path (ExportFixture *f,
          const char    *name)
{
  return g_build_filename (f->out, name, NULL);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The names in the export folder, sorted and joined by spaces ("" when empty): a failed
 * export must leave no temporary file. */
static char *
list_out (ExportFixture *f)
{
  g_autoptr(GDir) dir = g_dir_open (f->out, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

/* The shop the title rows name: the database's file name without .serialtrack, or a database
 * on a server as the window shows it. */
static char *
shop_of (ExportFixture *f)
{
  if (st_store_location_is_server (f->base.path))
    return st_store_location_display (f->base.path);
  return g_strdup ("test");
}

/* The workbook's lines, with the shop in the title rows as SHOP: the same expectations on
 * both drivers. */
static GStrv
read_xlsx_of (ExportFixture *f,
              const char    *path)
{
  g_auto(GStrv) lines = st_test_read_xlsx (path, FALSE);
  g_autofree char *shop = shop_of (f);
  g_autofree char *prefix = g_strconcat ("row\t1\tstr:", shop, " — ", NULL);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *line = g_str_has_prefix (lines[i], prefix)
        ? g_strconcat ("row\t1\tstr:SHOP — ", lines[i] + strlen (prefix), NULL)
        : g_strdup (lines[i]);

      g_strv_builder_add (builder, line);
    }
  return g_strv_builder_end (builder);
}
#define read_xlsx(path) read_xlsx_of (f, (path))

static void
assert_lines (GStrv              got,
              const char * const *expected)
{
  guint n_got = g_strv_length (got);
  guint n_expected = g_strv_length ((GStrv) expected);

  for (guint i = 0; i < MIN (n_got, n_expected); i++)
    g_assert_cmpstr (got[i], ==, expected[i]);
  if (n_got != n_expected)
    {
      for (guint i = 0; i < n_got; i++)
        g_printerr ("got: %s\n", got[i]);
    }
  g_assert_cmpuint (n_got, ==, n_expected);
}

/* The lines of one sheet: from its "sheet" line up to the next sheet. */
static GStrv
sheet_lines (GStrv       all,
             const char *name)
{
  g_autofree char *start = g_strconcat ("sheet\t", name, NULL);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  gboolean in = FALSE;

  for (guint i = 0; all[i] != NULL; i++)
    {
      if (g_str_has_prefix (all[i], "sheet\t"))
        in = g_str_equal (all[i], start);
      if (in)
        g_strv_builder_add (builder, all[i]);
    }
  return g_strv_builder_end (builder);
}

static GStrv
sheet_names (GStrv all)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; all[i] != NULL; i++)
    if (g_str_has_prefix (all[i], "sheet\t"))
      g_strv_builder_add (builder, all[i] + strlen ("sheet\t"));
  return g_strv_builder_end (builder);
}

static void
export_history_ok (ExportFixture        *f,
                   const char           *path,
                   const StHistoryScope *scope)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (st_export_history (f->base.store, path, scope, FALSE, NULL, NULL, NULL,
                                    &error));
  g_assert_no_error (error);
}

static void
export_sold_ok (ExportFixture *f,
                const char    *path,
                const char    *from,
                const char    *to)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (st_export_sold (f->base.store, path, from, to, FALSE, NULL, NULL, NULL,
                                 &error));
  g_assert_no_error (error);
}

/* Every sheet: landscape, one page wide, the title and header rows on every page, the page
 * numbers in the footer. */
#define PRINT_SETUP \
  "print\tlandscape\tfit 1x0\ttitles $1:$2\tfooter &CPage &P of &N"
#define SOLD_TITLE(title) "row\t1\tstr:SHOP — " title
#define HISTORY_TITLE "row\t1\tstr:SHOP — Unit history"
#define UNITS_HEADER \
  "row\t2\tstr:Serial\tstr:SKU\tstr:Item\tstr:Status\tstr:Warehouse\tstr:Received on" \
  "\tstr:Bill\tstr:Vendor\tstr:Cost\tstr:Sold on\tstr:Invoice\tstr:Customer\tstr:Price" \
  "\tstr:Margin\tstr:Warranty end"
#define HISTORY_HEADER \
  "row\t2\tstr:Serial\tstr:SKU\tstr:Item\tstr:Date\tstr:Event\tstr:Document\tstr:From" \
  "\tstr:To\tstr:Contact\tstr:Amount"
#define SOLD_HEADER \
  "row\t2\tstr:Date\tstr:Invoice\tstr:Customer\tstr:SKU\tstr:Item\tstr:Serial\tstr:Price" \
  "\tstr:Cost\tstr:Margin\tstr:Event\tstr:Quantity"

#define TOOL_UNIT(serial) "\tstr:" serial "\tstr:TOOL\tstr:Drill"
#define IN_STOCK_TOOL(n, serial) \
  "row\t" #n TOOL_UNIT (serial) "\tstr:In stock\tstr:Main\tdate:2026-01-05\tstr:B1\tstr:Acme" \
  "\tmoney:50"
#define RECEIVED_TOOL(n, serial) \
  "row\t" #n TOOL_UNIT (serial) "\tdate:2026-01-05\tstr:Received\tstr:B1\t-\tstr:Main" \
  "\tstr:Acme\tmoney:50"

static void
test_history_all (ExportFixture *f,
                  gconstpointer  data)
{
  g_autofree char *path = out_path (f, "history.xlsx");
  g_autofree char *today = st_date_today ();
  g_autofree char *voided = g_strdup_printf ("row\t7" TOOL_UNIT ("+1") "\tdate:%s"
                                             "\tstr:Voided: Sold\tstr:INV-3\t-\tstr:Main"
                                             "\tstr:Bob\tmoney:99", today);
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) names = NULL;
  g_auto(GStrv) units = NULL;
  g_auto(GStrv) history = NULL;
  g_autofree char *listing = NULL;
  const char * const expected_names[] = { "Units", "History", NULL };
  const char * const expected_units[] = {
    "sheet\tUnits",
    "freeze\tA3",
    "autofilter\tA2:O8",
    PRINT_SETUP,
    "header-bold\tyes",
    HISTORY_TITLE,
    UNITS_HEADER,
    "row\t3\tstr:" IMEI "\tstr:PHONE\tstr:Phone X\tstr:Sold\t-\tdate:2026-01-07\tstr:B3"
      "\tstr:Acme\tmoney:300\tdate:2026-03-01\tstr:INV-4\tstr:Bob\tmoney:500\tmoney:200"
      "\tdate:2027-03-01",
    IN_STOCK_TOOL (4, "+1"),
    IN_STOCK_TOOL (5, "-2"),
    "row\t6" TOOL_UNIT ("007") "\tstr:Sold\t-\tdate:2026-01-05\tstr:B1\tstr:Acme\tmoney:50"
      "\tdate:2026-02-01\tstr:INV-1\tstr:Bob\tmoney:99\tmoney:49",
    IN_STOCK_TOOL (7, "=1+1"),
    "row\t8" TOOL_UNIT ("@x") "\tstr:Sold\t-\tdate:2026-01-05\tstr:B1\tstr:Acme\tmoney:50"
      "\tdate:2026-04-01\tstr:INV-5\tstr:Bob\tmoney:99\tmoney:49",
    NULL
  };

  export_history_ok (f, path, NULL);
  listing = list_out (f);
  g_assert_cmpstr (listing, ==, "history.xlsx");
  lines = read_xlsx (path);
  g_assert_cmpstr (lines[0], ==, "title\tUnit history");
  g_assert_cmpstr (lines[1], ==, "created\tyes");
  names = sheet_names (lines);
  assert_lines (names, expected_names);
  units = sheet_lines (lines, "Units");
  assert_lines (units, expected_units);

  history = sheet_lines (lines, "History");
  {
    const char * const expected[] = {
      "sheet\tHistory",
      "freeze\tA3",
      "autofilter\tA2:J15",
      PRINT_SETUP,
      "header-bold\tyes",
      HISTORY_TITLE,
      HISTORY_HEADER,
      "row\t3\tstr:" IMEI "\tstr:PHONE\tstr:Phone X\tdate:2026-01-07\tstr:Received\tstr:B3"
        "\t-\tstr:Main\tstr:Acme\tmoney:300",
      "row\t4\tstr:" IMEI "\tstr:PHONE\tstr:Phone X\tdate:2026-03-01\tstr:Sold\tstr:INV-4"
        "\tstr:Main\t-\tstr:Bob\tmoney:500",
      RECEIVED_TOOL (5, "+1"),
      "row\t6" TOOL_UNIT ("+1") "\tdate:2026-02-15\tstr:Sold\tstr:INV-3\tstr:Main\t-\tstr:Bob"
        "\tmoney:99",
      voided,
      RECEIVED_TOOL (8, "-2"),
      RECEIVED_TOOL (9, "007"),
      "row\t10" TOOL_UNIT ("007") "\tdate:2026-02-01\tstr:Sold\tstr:INV-1\tstr:Main\t-"
        "\tstr:Bob\tmoney:99",
      RECEIVED_TOOL (11, "=1+1"),
      "row\t12" TOOL_UNIT ("=1+1") "\tdate:2026-02-01\tstr:Sold\tstr:INV-1\tstr:Main\t-"
        "\tstr:Bob\tmoney:99",
      "row\t13" TOOL_UNIT ("=1+1") "\tdate:2026-02-10\tstr:Returned by customer\tstr:R-1\t-"
        "\tstr:Main\tstr:Bob\tmoney:99",
      RECEIVED_TOOL (14, "@x"),
      "row\t15" TOOL_UNIT ("@x") "\tdate:2026-04-01\tstr:Sold\tstr:INV-5\tstr:Main\t-"
        "\tstr:Bob\tmoney:99",
      NULL
    };
    assert_lines (history, expected);
  }
}

static void
test_sold_report (ExportFixture *f,
                  gconstpointer  data)
{
  g_autofree char *path = out_path (f, "sold.xlsx");
  g_autofree char *listing = NULL;
  g_auto(GStrv) lines = NULL;
  const char * const expected[] = {
    "title\tSold serials 2026-01-01 – 2026-03-31",
    "created\tyes",
    "sheet\tSold serials",
    "freeze\tA3",
    "autofilter\tA2:K7",
    PRINT_SETUP,
    "header-bold\tyes",
    SOLD_TITLE ("Sold serials 2026-01-01 – 2026-03-31"),
    SOLD_HEADER,
    "row\t3\tdate:2026-02-01\tstr:INV-1\tstr:Bob\tstr:TOOL\tstr:Drill\tstr:007\tmoney:99"
      "\tmoney:50\tmoney:49\tstr:Sold\tnum:1",
    "row\t4\tdate:2026-02-01\tstr:INV-1\tstr:Bob\tstr:TOOL\tstr:Drill\tstr:=1+1\tmoney:99"
      "\tmoney:50\tmoney:49\tstr:Sold\tnum:1",
    "row\t5\tdate:2026-02-02\tstr:INV-2\tstr:Bob\tstr:CABLE\tstr:USB cable\t-\tmoney:15"
      "\tmoney:3\tmoney:12\tstr:Sold\tnum:3",
    "row\t6\tdate:2026-02-10\tstr:R-1\tstr:Bob\tstr:TOOL\tstr:Drill\tstr:=1+1\tmoney:-99"
      "\tmoney:-50\tmoney:-49\tstr:Returned by customer\tnum:-1",
    "row\t7\tdate:2026-03-01\tstr:INV-4\tstr:Bob\tstr:PHONE\tstr:Phone X\tstr:" IMEI
      "\tmoney:500\tmoney:300\tmoney:200\tstr:Sold\tnum:1",
    "row\t8\tstr:Total\t-\t-\t-\t-\t-\tformula:=SUM(G3:G7)=614\tformula:=SUM(H3:H7)=353"
      "\tformula:=SUM(I3:I7)=261\t-\tformula:=SUM(K3:K7)=5",
    NULL
  };

  /* INV-3 was voided and INV-5 lies after the range. */
  export_sold_ok (f, path, "2026-01-01", "2026-03-31");
  listing = list_out (f);
  g_assert_cmpstr (listing, ==, "sold.xlsx");
  lines = read_xlsx (path);
  assert_lines (lines, expected);
}

/* With a currency set, money columns and their totals carry it in the number format; counts
 * stay plain.  Refused codes change nothing. */
static void
test_sold_currency (ExportFixture *f,
                    gconstpointer  data)
{
  g_autofree char *path = out_path (f, "sold.xlsx");
  g_autoptr(GError) error = NULL;
  g_autofree char *setting = NULL;
  g_auto(GStrv) lines = NULL;
  const char *refused[] = { "EURO", "eu", "E1R", NULL };

  for (guint i = 0; refused[i] != NULL; i++)
    {
      g_assert_false (st_store_set_currency (f->base.store, refused[i], &error));
      g_assert_error (error, ST_ERROR, ST_ERROR_INVALID_INPUT);
      g_assert_nonnull (strstr (error->message, "currency"));
      g_assert_nonnull (strstr (error->message, refused[i]));
      g_clear_error (&error);
    }
  setting = st_store_dup_currency_setting (f->base.store);
  g_assert_null (setting);
  g_assert_true (st_store_set_currency (f->base.store, " eur ", &error));
  g_assert_no_error (error);
  setting = st_store_dup_currency_setting (f->base.store);
  g_assert_cmpstr (setting, ==, "EUR");

  export_sold_ok (f, path, "2026-03-01", "2026-03-31");
  lines = read_xlsx (path);
  g_assert_cmpstr (lines[9], ==,
                   "row\t3\tdate:2026-03-01\tstr:INV-4\tstr:Bob\tstr:PHONE\tstr:Phone X\tstr:" IMEI
                   "\tmoney:500 \"EUR\"\tmoney:300 \"EUR\"\tmoney:200 \"EUR\"\tstr:Sold\tnum:1");
  g_assert_cmpstr (lines[10], ==,
                   "row\t4\tstr:Total\t-\t-\t-\t-\t-\tformula:=SUM(G3:G3)=500 \"EUR\""
                   "\tformula:=SUM(H3:H3)=300 \"EUR\"\tformula:=SUM(I3:I3)=200 \"EUR\"\t-"
                   "\tformula:=SUM(K3:K3)=1");

  /* NULL gives the choice back to the locale (none under the tests' C.UTF-8). */
  g_assert_true (st_store_set_currency (f->base.store, NULL, &error));
  g_clear_pointer (&setting, g_free);
  setting = st_store_dup_currency (f->base.store);
  g_assert_null (setting);
}

static void
test_sold_open_range (ExportFixture *f,
                      gconstpointer  data)
{
  g_autofree char *path = out_path (f, "sold.xlsx");
  g_auto(GStrv) lines = NULL;

  /* No end: INV-5 is in; still no voided INV-3. */
  export_sold_ok (f, path, "2026-02-10", NULL);
  lines = read_xlsx (path);
  g_assert_cmpstr (lines[0], ==, "title\tSold serials from 2026-02-10");
  g_assert_cmpuint (g_strv_length (lines), ==, 8 + 5);
  g_assert_cmpstr (lines[6], ==, "header-bold\tyes");
  g_assert_cmpstr (lines[7], ==, SOLD_TITLE ("Sold serials from 2026-02-10"));
  g_assert_cmpstr (lines[8], ==, SOLD_HEADER);
  g_assert_true (g_str_has_prefix (lines[9], "row\t3\tdate:2026-02-10\tstr:R-1\t"));
  g_assert_true (g_str_has_prefix (lines[10], "row\t4\tdate:2026-03-01\tstr:INV-4\t"));
  g_assert_true (g_str_has_prefix (lines[11], "row\t5\tdate:2026-04-01\tstr:INV-5\t"));
  g_assert_true (g_str_has_prefix (lines[12], "row\t6\tstr:Total\t"));
  g_assert_true (g_str_has_suffix (lines[12], "\tformula:=SUM(G3:G5)=500"
                                   "\tformula:=SUM(H3:H5)=300\tformula:=SUM(I3:I5)=200"
                                   "\t-\tformula:=SUM(K3:K5)=1"));
}

/* Nothing sold in the period: ST_ERROR_NOT_FOUND naming the period, and no file. */
static void
test_sold_empty (ExportFixture *f,
                 gconstpointer  data)
{
  g_autofree char *path = out_path (f, "sold.xlsx");
  g_autoptr(GError) error = NULL;

  g_assert_false (st_export_sold (f->base.store, path, NULL, "2025-12-31", FALSE, NULL, NULL,
                                  NULL, &error));
  g_assert_error (error, ST_ERROR, ST_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "2025-12-31"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_history_empty (ExportFixture *f,
                    gconstpointer  data)
{
  g_autofree char *path = out_path (f, "empty.xlsx");
  StHistoryScope scope = { .sku = "cable" };
  g_auto(GStrv) lines = NULL;
  const char * const expected[] = {
    "title\tUnit history",
    "created\tyes",
    "sheet\tUnits",
    "freeze\tA3",
    "autofilter\tA2:O2",
    PRINT_SETUP,
    "header-bold\tyes",
    HISTORY_TITLE,
    UNITS_HEADER,
    "sheet\tHistory",
    "freeze\tA3",
    "autofilter\tA2:J2",
    PRINT_SETUP,
    "header-bold\tyes",
    HISTORY_TITLE,
    HISTORY_HEADER,
    NULL
  };

  /* A quantity item has no units. */
  export_history_ok (f, path, &scope);
  lines = read_xlsx (path);
  assert_lines (lines, expected);
}

/* The serial column of every data row of @sheet, joined by commas. */
static char *
serials_of (GStrv       lines,
            const char *sheet)
{
  g_auto(GStrv) rows = sheet_lines (lines, sheet);
  g_autoptr(GString) s = g_string_new ("");

  for (guint i = 0; rows[i] != NULL; i++)
    {
      g_auto(GStrv) cells = g_strsplit (rows[i], "\t", -1);

      /* Row 1 is the title, row 2 the header. */
      if (!g_str_equal (cells[0], "row") || g_str_equal (cells[1], "1")
          || g_str_equal (cells[1], "2"))
        continue;
      g_string_append_printf (s, "%s%s", s->len > 0 ? "," : "", cells[2]);
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static void
test_history_scopes (ExportFixture *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StUnit) u1 = st_store_find_unit (f->base.store, "-2", NULL, &error);
  g_autoptr(StUnit) u2 = st_store_find_unit (f->base.store, IMEI, NULL, &error);
  const char * const serials[] = { "@X", " 007 ", NULL };
  gint64 ids[2];
  StHistoryScope by_item = { .sku = "tool" };
  StHistoryScope by_serials = { .serials = serials };
  StHistoryScope by_item_serials = { .sku = "TOOL", .serials = serials };
  StHistoryScope by_ids = { .unit_ids = ids, .n_unit_ids = 2 };
  struct { const StHistoryScope *scope; const char *units; const char *events; } cases[] = {
    { &by_item, "str:+1,str:-2,str:007,str:=1+1,str:@x",
      "str:+1,str:+1,str:+1,str:-2,str:007,str:007,str:=1+1,str:=1+1,str:=1+1,str:@x,str:@x" },
    { &by_serials, "str:007,str:@x", "str:007,str:007,str:@x,str:@x" },
    { &by_item_serials, "str:007,str:@x", "str:007,str:007,str:@x,str:@x" },
    { &by_ids, "str:" IMEI ",str:-2", "str:" IMEI ",str:" IMEI ",str:-2" },
  };

  g_assert_no_error (error);
  ids[0] = st_unit_get_id (u1);
  ids[1] = st_unit_get_id (u2);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("scope-%u.xlsx", i);
      g_autofree char *path = out_path (f, name);
      g_auto(GStrv) lines = NULL;
      g_autofree char *units = NULL;
      g_autofree char *events = NULL;

      export_history_ok (f, path, cases[i].scope);
      lines = read_xlsx (path);
      units = serials_of (lines, "Units");
      events = serials_of (lines, "History");
      g_assert_cmpstr (units, ==, cases[i].units);
      g_assert_cmpstr (events, ==, cases[i].events);
    }
}

static void
assert_refused (ExportFixture *f,
                gboolean       ok,
                GError        *error,
                int            code,
                const char    *in_message,
                const char    *listing_before)
{
  g_autofree char *listing = list_out (f);

  g_assert_false (ok);
  g_assert_error (error, ST_ERROR, code);
  if (in_message != NULL && strstr (error->message, in_message) == NULL)
    g_error ("“%s” is not in the message “%s”", in_message, error->message);
  g_assert_cmpstr (listing, ==, listing_before);
}

static void
test_refuse_unknown (ExportFixture *f,
                     gconstpointer  data)
{
  g_autofree char *path = out_path (f, "x.xlsx");
  const char * const serials[] = { "007", "NOPE-42", NULL };
  StHistoryScope unknown_sku = { .sku = "NOSUCH" };
  StHistoryScope unknown_serial = { .serials = serials };
  StHistoryScope wrong_item = { .sku = "PHONE", .serials = serials };
  const StHistoryScope *scopes[] = { &unknown_sku, &unknown_serial, &wrong_item };
  const char *named[] = { "NOSUCH", "NOPE-42", "007" };

  for (guint i = 0; i < G_N_ELEMENTS (scopes); i++)
    {
      g_autoptr(GError) error = NULL;
      gboolean ok = st_export_history (f->base.store, path, scopes[i], FALSE, NULL, NULL,
                                       NULL, &error);

      assert_refused (f, ok, error, ST_ERROR_NOT_FOUND, named[i], "");
    }
}

static void
test_refuse_dates (ExportFixture *f,
                   gconstpointer  data)
{
  g_autofree char *path = out_path (f, "x.xlsx");
  struct { const char *from, *to, *named; } cases[] = {
    { "2026-03-31", "2026-01-01", "2026-03-31" },
    { "2026-02-30", NULL, "2026-02-30" },
    { NULL, "31/12/2026", "31/12/2026" },
    { "", NULL, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gboolean ok = st_export_sold (f->base.store, path, cases[i].from, cases[i].to, FALSE,
                                    NULL, NULL, NULL, &error);

      assert_refused (f, ok, error, ST_ERROR_INVALID_INPUT, cases[i].named, "");
    }
}

static void
test_refuse_existing (ExportFixture *f,
                      gconstpointer  data)
{
  g_autofree char *path = out_path (f, "report.xlsx");
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  gboolean ok;

  g_assert_true (g_file_set_contents (path, "keep me", -1, NULL));
  ok = st_export_sold (f->base.store, path, NULL, NULL, FALSE, NULL, NULL, NULL, &error);
  assert_refused (f, ok, error, ST_ERROR_DUPLICATE, "report.xlsx", "report.xlsx");
  g_clear_error (&error);
  ok = st_export_history (f->base.store, path, NULL, FALSE, NULL, NULL, NULL, &error);
  assert_refused (f, ok, error, ST_ERROR_DUPLICATE, "report.xlsx", "report.xlsx");
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "keep me");

  /* Allowed to replace it. */
  g_assert_true (st_export_sold (f->base.store, path, NULL, NULL, TRUE, NULL, NULL, NULL,
                                 &error));
  g_assert_no_error (error);
  lines = read_xlsx (path);
  g_assert_cmpstr (lines[2], ==, "sheet\tSold serials");
  g_assert_cmpstr (lines[7], ==, SOLD_TITLE ("Sold serials"));
  g_clear_pointer (&contents, g_free);
  contents = list_out (f);
  g_assert_cmpstr (contents, ==, "report.xlsx");
}

static void
test_refuse_unwritable (ExportFixture *f,
                        gconstpointer  data)
{
  g_autofree char *missing = g_build_filename (f->out, "no-such-folder", "x.xlsx", NULL);
  const char *paths[] = { missing, "/proc/serialtrack-export.xlsx" };
  const char *named[] = { "no-such-folder", "/proc" };

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(GError) error = NULL;
      gboolean ok = st_export_history (f->base.store, paths[i], NULL, FALSE, NULL, NULL, NULL,
                                       &error);

      assert_refused (f, ok, error, ST_ERROR_IO, named[i], "");
      g_clear_error (&error);
      ok = st_export_sold (f->base.store, paths[i], NULL, NULL, TRUE, NULL, NULL, NULL, &error);
      assert_refused (f, ok, error, ST_ERROR_IO, named[i], "");
      g_assert_false (g_file_test (paths[i], G_FILE_TEST_EXISTS));
    }
}

static void
test_cancel_before (ExportFixture *f,
                    gconstpointer  data)
{
  g_autofree char *path = out_path (f, "x.xlsx");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  gboolean ok;

  g_cancellable_cancel (cancellable);
  ok = st_export_history (f->base.store, path, NULL, FALSE, cancellable, NULL, NULL, &error);
  assert_refused (f, ok, error, ST_ERROR_CANCELLED, NULL, "");
  g_clear_error (&error);
  ok = st_export_sold (f->base.store, path, NULL, NULL, FALSE, cancellable, NULL, NULL, &error);
  assert_refused (f, ok, error, ST_ERROR_CANCELLED, NULL, "");
}

typedef struct
{
  GCancellable *cancellable;   /* cancelled at the first report when set */
  GArray       *fractions;
} Progress;

static void
progress_cb (double   fraction,
             gpointer user_data)
{
  Progress *p = user_data;

  g_array_append_val (p->fractions, fraction);
  if (p->cancellable != NULL)
    g_cancellable_cancel (p->cancellable);
}

/* Enough units for the exporter to report progress (every 10,000 rows). */
static void
receive_many (StStore *store,
              guint    n)
{
  g_autoptr(GString) serials = g_string_new ("");
  g_autoptr(GError) error = NULL;

  for (guint i = 1; i <= n; i++)
    g_string_append_printf (serials, "%sM%05u", i > 1 ? "," : "", i);
  {
    g_autoptr(StDocument) doc = post (store, ST_DOC_BILL, "B-MANY", "2026-05-01", "Acme",
                                      "TOOL", n, serials->str, &error);
    g_assert_no_error (error);
  }
}

static void
test_cancel_during (ExportFixture *f,
                    gconstpointer  data)
{
  g_autofree char *path = out_path (f, "big.xlsx");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GArray) fractions = g_array_new (FALSE, FALSE, sizeof (double));
  Progress p = { cancellable, fractions };
  g_autoptr(GError) error = NULL;
  gboolean ok;

  receive_many (f->base.store, 12000);
  ok = st_export_history (f->base.store, path, NULL, FALSE, cancellable, progress_cb, &p,
                          &error);
  assert_refused (f, ok, error, ST_ERROR_CANCELLED, NULL, "");
  /* Cancelled at the first report, 10,000 of 24,000 rows. */
  g_assert_cmpuint (fractions->len, ==, 1);
  g_assert_cmpfloat_with_epsilon (g_array_index (fractions, double, 0), 10000.0 / 24000.0,
                                  1e-9);
}

static void
test_progress (ExportFixture *f,
               gconstpointer  data)
{
  g_autofree char *path = out_path (f, "big.xlsx");
  g_autoptr(GArray) fractions = g_array_new (FALSE, FALSE, sizeof (double));
  Progress p = { NULL, fractions };
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  const char * const expected[] = {
    "summary\tUnits\t12002\tM12000",
    "summary\tHistory\t12002\tM12000",
    NULL
  };

  receive_many (f->base.store, 12000);
  g_assert_true (st_export_history (f->base.store, path, NULL, FALSE, NULL, progress_cb, &p,
                                    &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fractions->len, ==, 3);
  g_assert_cmpfloat_with_epsilon (g_array_index (fractions, double, 0), 10000.0 / 24000.0,
                                  1e-9);
  g_assert_cmpfloat_with_epsilon (g_array_index (fractions, double, 1), 20000.0 / 24000.0,
                                  1e-9);
  g_assert_cmpfloat (g_array_index (fractions, double, 2), ==, 1.0);
  lines = st_test_read_xlsx (path, TRUE);
  assert_lines (lines, expected);
}

/* Past the sheet's row limit the rows continue on "History (2)" … with the same header. */
static void
test_sheet_split (ExportFixture *f,
                  gconstpointer  data)
{
  g_autofree char *history = out_path (f, "history.xlsx");
  g_autofree char *sold = out_path (f, "sold.xlsx");
  StHistoryScope tools = { .sku = "TOOL" };
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) names = NULL;
  g_auto(GStrv) last = NULL;
  g_autofree char *units = NULL;
  g_autofree char *events = NULL;
  const char * const history_names[] = { "Units", "Units (2)", "History", "History (2)",
                                         "History (3)", "History (4)", NULL };
  const char * const sold_names[] = { "Sold serials", "Sold serials (2)", "Sold serials (3)",
                                      NULL };
  const char * const sold_last[] = {
    "sheet\tSold serials (3)",
    "freeze\tA3",
    "autofilter\tA2:K3",
    PRINT_SETUP,
    "header-bold\tyes",
    SOLD_TITLE ("Sold serials 2026-01-01 – 2026-03-31"),
    SOLD_HEADER,
    "row\t3\tdate:2026-03-01\tstr:INV-4\tstr:Bob\tstr:PHONE\tstr:Phone X\tstr:" IMEI
      "\tmoney:500\tmoney:300\tmoney:200\tstr:Sold\tnum:1",
    "row\t4\tstr:Total\t-\t-\t-\t-\t-"
      "\tformula:=SUM('Sold serials'!G3:G4,'Sold serials (2)'!G3:G4,'Sold serials (3)'!G3:G3)"
      "=614"
      "\tformula:=SUM('Sold serials'!H3:H4,'Sold serials (2)'!H3:H4,'Sold serials (3)'!H3:H3)"
      "=353"
      "\tformula:=SUM('Sold serials'!I3:I4,'Sold serials (2)'!I3:I4,'Sold serials (3)'!I3:I3)"
      "=261\t-"
      "\tformula:=SUM('Sold serials'!K3:K4,'Sold serials (2)'!K3:K4,'Sold serials (3)'!K3:K3)"
      "=5",
    NULL
  };

  _st_export_set_sheet_rows (3);
  export_history_ok (f, history, &tools);
  lines = read_xlsx (history);
  names = sheet_names (lines);
  assert_lines (names, history_names);
  for (guint i = 0; history_names[i] != NULL; i++)
    {
      g_auto(GStrv) sheet = sheet_lines (lines, history_names[i]);

      g_assert_cmpstr (sheet[3], ==, PRINT_SETUP);
      g_assert_cmpstr (sheet[4], ==, "header-bold\tyes");
      g_assert_cmpstr (sheet[5], ==, HISTORY_TITLE);
      g_assert_cmpstr (sheet[6], ==, i < 2 ? UNITS_HEADER : HISTORY_HEADER);
    }
  {
    g_autofree char *u1 = serials_of (lines, "Units");
    g_autofree char *u2 = serials_of (lines, "Units (2)");
    g_autofree char *h1 = serials_of (lines, "History");
    g_autofree char *h2 = serials_of (lines, "History (2)");
    g_autofree char *h3 = serials_of (lines, "History (3)");
    g_autofree char *h4 = serials_of (lines, "History (4)");

    units = g_strjoin ("|", u1, u2, NULL);
    events = g_strjoin ("|", h1, h2, h3, h4, NULL);
  }
  g_assert_cmpstr (units, ==, "str:+1,str:-2,str:007|str:=1+1,str:@x");
  g_assert_cmpstr (events, ==, "str:+1,str:+1,str:+1|str:-2,str:007,str:007|"
                               "str:=1+1,str:=1+1,str:=1+1|str:@x,str:@x");
  g_clear_pointer (&lines, g_strfreev);
  g_clear_pointer (&names, g_strfreev);

  /* The sold report keeps a row free for the totals, which sum over every sheet. */
  export_sold_ok (f, sold, "2026-01-01", "2026-03-31");
  lines = read_xlsx (sold);
  names = sheet_names (lines);
  assert_lines (names, sold_names);
  last = sheet_lines (lines, "Sold serials (3)");
  assert_lines (last, sold_last);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, ExportFixture, "scenario", setup, func, teardown)
  ADD ("/export/history/all", test_history_all);
  ADD ("/export/history/empty", test_history_empty);
  ADD ("/export/history/scopes", test_history_scopes);
  ADD ("/export/history/sheet-split", test_sheet_split);
  ADD ("/export/sold/report", test_sold_report);
  ADD ("/export/sold/open-range", test_sold_open_range);
  ADD ("/export/sold/currency", test_sold_currency);
  ADD ("/export/sold/empty", test_sold_empty);
  ADD ("/export/refuse/unknown", test_refuse_unknown);
  ADD ("/export/refuse/dates", test_refuse_dates);
  ADD ("/export/refuse/existing", test_refuse_existing);
  ADD ("/export/refuse/unwritable", test_refuse_unwritable);
  ADD ("/export/cancel/before", test_cancel_before);
  /* Without the scenario: 12,000 units and their 12,000 events. */
  g_test_add ("/export/cancel/during", ExportFixture, NULL, setup, test_cancel_during, teardown);
  g_test_add ("/export/progress", ExportFixture, NULL, setup, test_progress, teardown);
#undef ADD
  return g_test_run ();
}
