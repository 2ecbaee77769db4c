/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-search.c — st_store_search (issue 17): by the whole serial, its last digits, its start,
 * anywhere in it, and by the customer's or vendor's name; each unit once, best match first;
 * the page limit; a database migrated from v1 finds by the last digits too; the async twin. */
#include "config.h"

#include "st-schema.h"
#include "st-store-search.h"
#include "st-test-util.h"

static void
post (StStore    *store,
      StDocKind   kind,
      const char *contact,
      const char *sku,
      const char * const *serials)
{
  g_autoptr(StDraft) draft = st_draft_new (kind);
  static int n;
  g_autofree char *number = g_strdup_printf ("D%d", ++n);
  StDraftLine *line;
  guint count = g_strv_length ((char **) serials);

  st_draft_set_string (&draft->number, number);
  st_draft_set_string (&draft->contact, contact);
  st_draft_set_string (&draft->warehouse, "Main");
  line = st_draft_add_line (draft, sku, count);
  for (guint i = 0; i < count; i++)
    st_draft_line_add_serial (line, serials[i]);
  st_test_post_ok (store, draft);
}

/* TOOL: AB1 AB10 XY1 X-AB1-9 from Acme; PHONE 356938035643809 from Acme, sold to Bob. */
static void
stock (StStore *store)
{
  const char * const tools[] = { "AB1", "AB10", "XY1", "X-AB1-9", "Q_1%", NULL };
  const char * const phones[] = { "356938035643809", NULL };

  post (store, ST_DOC_BILL, "Acme", "TOOL", tools);
  post (store, ST_DOC_BILL, "Acme", "PHONE", phones);
  post (store, ST_DOC_INVOICE, "Bob", "PHONE", phones);
}

/* "serial:match serial:match …" */
static char *
describe (StSearchResult *result)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < result->units->len; i++)
    g_string_append_printf (out, "%s%s:%s", i > 0 ? " " : "",
                            st_unit_get_serial (g_ptr_array_index (result->units, i)),
                            st_search_match_to_string (g_array_index (result->matches,
                                                                      StSearchMatch, i)));
  if (result->more)
    g_string_append (out, " …");
  return g_string_free (out, FALSE);
}

static char *
search (StStore       *store,
        const char    *text,
        StSearchScope  scope,
        guint          limit)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StSearchResult) result = st_store_search (store, text, scope, limit, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (result->units->len, ==, result->matches->len);
  return describe (result);
}

#define assert_search(store, text, scope, limit, expected) \
  G_STMT_START { \
    g_autofree char *got_ = search (store, text, scope, limit); \
    g_assert_cmpstr (got_, ==, expected); \
  } G_STMT_END

static void
test_last_digits (StFixture     *f,
                  gconstpointer  data)
{
  stock (f->store);
  /* The digits at the end of an IMEI, as read off a sticker. */
  assert_search (f->store, "3809", ST_SEARCH_QUICK, 50, "356938035643809:end");
  assert_search (f->store, "643809", ST_SEARCH_ALL, 50, "356938035643809:end");
  /* Ends with 1 (by the reversed key's order), then starts with "ab1" . */
  assert_search (f->store, "1", ST_SEARCH_QUICK, 50, "AB1:end XY1:end");
  assert_search (f->store, "nothing", ST_SEARCH_ALL, 50, "");
}

static void
test_exact_start_contains (StFixture     *f,
                           gconstpointer  data)
{
  stock (f->store);
  /* The whole serial first, any case; then serials that start with it; then anywhere. */
  assert_search (f->store, "ab1", ST_SEARCH_QUICK, 50, "AB1:exact AB10:start");
  assert_search (f->store, "ab1", ST_SEARCH_ALL, 50, "AB1:exact AB10:start X-AB1-9:contains");
  assert_search (f->store, "6938", ST_SEARCH_QUICK, 50, "");
  assert_search (f->store, "6938", ST_SEARCH_ALL, 50, "356938035643809:contains");
  /* LIKE's wildcards are plain characters. */
  assert_search (f->store, "_", ST_SEARCH_ALL, 50, "Q_1%:contains");
  assert_search (f->store, "%", ST_SEARCH_ALL, 50, "Q_1%:end");
}

static void
test_contact (StFixture     *f,
              gconstpointer  data)
{
  stock (f->store);
  /* Bob's: the phone sold to him.  Acme's: every unit received from it. */
  assert_search (f->store, "bo", ST_SEARCH_ALL, 50, "356938035643809:contact");
  assert_search (f->store, "bo", ST_SEARCH_QUICK, 50, "");
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(StSearchResult) result = st_store_search (f->store, "ACM", ST_SEARCH_ALL, 50,
                                                        &error);

    g_assert_no_error (error);
    g_assert_cmpuint (result->units->len, ==, 6);
    for (guint i = 0; i < result->units->len; i++)
      {
        g_assert_cmpint (g_array_index (result->matches, StSearchMatch, i), ==,
                         ST_SEARCH_MATCH_CONTACT);
        g_assert_cmpstr (st_unit_get_vendor (g_ptr_array_index (result->units, i)), ==, "Acme");
      }
  }
}

static void
test_limit (StFixture     *f,
            gconstpointer  data)
{
  stock (f->store);
  assert_search (f->store, "ab1", ST_SEARCH_ALL, 1, "AB1:exact …");
  assert_search (f->store, "ab1", ST_SEARCH_ALL, 2, "AB1:exact AB10:start …");
  assert_search (f->store, "ab1", ST_SEARCH_ALL, 3, "AB1:exact AB10:start X-AB1-9:contains");
  assert_search (f->store, "ab1", ST_SEARCH_ALL, 0, "AB1:exact AB10:start X-AB1-9:contains");
}

static void
test_refused (StFixture     *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StSearchResult) result = st_store_search (f->store, "  ", ST_SEARCH_ALL, 50, &error);

  g_assert_null (result);
  g_assert_error (error, ST_ERROR, ST_ERROR_INVALID_SERIAL);
}

static void
search_done_cb (GObject      *source,
                GAsyncResult *res,
                gpointer      data)
{
  StSearchResult **out = data;
  g_autoptr(GError) error = NULL;

  *out = st_store_search_finish (ST_STORE (source), res, &error);
  g_assert_no_error (error);
}

static void
test_async (StFixture     *f,
            gconstpointer  data)
{
  g_autoptr(StSearchResult) result = NULL;
  g_autofree char *got = NULL;

  stock (f->store);
  st_store_search_async (f->store, "3809", ST_SEARCH_ALL, 50, NULL, search_done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  got = describe (result);
  g_assert_cmpstr (got, ==, "356938035643809:end");
}

/* A database made by schema v1, with a unit, gets the reversed key of that unit when it is
 * migrated: its last digits find it. */
static void
test_migrated (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("st-search-XXXXXX", NULL);
  g_autofree char *location = st_test_new_location (dir, "old.serialtrack");
  g_autoptr(StStore) store = NULL;
  g_autoptr(StDb) db = NULL;
  g_autofree char *v1 = NULL;

  db = st_db_open (location, TRUE, &error);
  g_assert_no_error (error);
  v1 = _st_schema_create_sql_at (st_db_get_dialect (db), 1);
  g_assert_true (st_db_begin_write (db, &error));
  g_assert_true (st_db_exec (db, v1, &error));
  g_assert_true (st_db_exec (db,
    "INSERT INTO warehouses (id, name, name_key) VALUES (1, 'Main', 'main');"
    "INSERT INTO contacts (id, kind, name, name_key) VALUES (1, 'vendor', 'Acme', 'acme');"
    "INSERT INTO items (id, sku, sku_key, name, unit, price, cost, tracking, warranty_months,"
    "  serial_format) VALUES (1, 'PH', 'ph', 'Phone', 'pcs', 30000, 20000, 'serial', 12, 'any');"
    "INSERT INTO documents (id, kind, number, number_key, date, status, contact_id, warehouse_id,"
    "  total, quantity) VALUES (1, 'bill', 'B1', 'b1', '2026-03-01', 'posted', 1, 1, 20000, 1);"
    "INSERT INTO units (id, item_id, serial, serial_key, status, warehouse_id, cost,"
    "  received_date, received_doc_id) VALUES (1, 1, 'OLD-12345', 'old-12345', 'in_stock', 1,"
    "  20000, '2026-03-01', 1);", &error));
  g_assert_true (st_db_write_version (db, 1, &error));
  g_assert_true (st_db_commit (db, &error));
  g_assert_no_error (error);
  g_clear_object (&db);

  store = st_store_open (location, ST_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  assert_search (store, "2345", ST_SEARCH_QUICK, 50, "OLD-12345:end");
  g_clear_object (&store);
  st_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ST_TEST_ADD ("/search/last-digits", test_last_digits);
  ST_TEST_ADD ("/search/exact-start-contains", test_exact_start_contains);
  ST_TEST_ADD ("/search/contact", test_contact);
  ST_TEST_ADD ("/search/limit", test_limit);
  ST_TEST_ADD ("/search/refused", test_refused);
  ST_TEST_ADD ("/search/async", test_async);
  g_test_add_func ("/search/migrated-from-v1", test_migrated);
  return g_test_run ();
}
