/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-bench-inventory.c — see st-bench-inventory.h. */
#define G_LOG_DOMAIN "st-bench"

#include "config.h"

#include <stdlib.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "st-bench-inventory.h"
#include "st-generate.h"
#include "st-store.h"

char *
st_bench_shelf_serial (guint i)
{
  return g_strdup_printf ("CS%07u", i);
}

char *
st_bench_inventory_path (const char *dir,
                         guint64     units,
                         guint       items,
                         guint       shelf,
                         gboolean    smoke)
{
  g_autofree char *name = g_strdup_printf ("bench-count-u%" G_GUINT64_FORMAT "-i%u-c%u.serialtrack",
                                           units, items, shelf);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *tmp = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(StStore) store = NULL;
  g_autoptr(StDraft) draft = NULL;
  g_autoptr(StDocument) doc = NULL;
  g_autoptr(StItem) item = NULL;
  g_autoptr(StWarehouse) warehouse = NULL;
  g_autoptr(StContact) vendor = NULL;
  StItemSpec spec = { ST_BENCH_SHELF_SKU, "Bench count item", NULL, 9900, 5000,
                      ST_TRACKING_SERIAL, 0, ST_SERIAL_FORMAT_ANY };
  StDraftLine *line;
  double t0;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return g_steal_pointer (&path);
  g_mkdir_with_parents (dir, 0755);
  tmp = g_strdup_printf ("%s.tmp-%d", path, (int) getpid ());
  store = st_store_open (tmp, ST_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  t0 = st_bench_now ();
  st_generate (store, items, units, 7, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  st_bench_result (smoke, "generate (info)", st_bench_now () - t0, 0, 0, 0, "-");
  item = st_store_add_item (store, &spec, &error);
  g_assert_no_error (error);
  warehouse = st_store_add_warehouse (store, ST_BENCH_SHELF, &error);
  g_assert_no_error (error);
  vendor = st_store_add_contact (store, ST_CONTACT_VENDOR, ST_BENCH_VENDOR, &error);
  g_assert_no_error (error);
  draft = st_draft_new (ST_DOC_BILL);
  st_draft_set_string (&draft->number, "BENCH-COUNT-1");
  st_draft_set_string (&draft->contact, ST_BENCH_VENDOR);
  st_draft_set_string (&draft->warehouse, ST_BENCH_SHELF);
  line = st_draft_add_line (draft, ST_BENCH_SHELF_SKU, shelf);
  for (guint i = 0; i < shelf; i++)
    {
      g_autofree char *serial = st_bench_shelf_serial (i);

      st_draft_line_add_serial (line, serial);
    }
  doc = st_store_post (store, draft, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  g_assert_cmpint (g_rename (tmp, path), ==, 0);
  return g_steal_pointer (&path);
}

char *
st_bench_inventory_copy (const char *cached,
                         const char *suffix)
{
  g_autofree char *work = g_strconcat (cached, suffix, NULL);
  g_autofree char *copy_cmd = g_strdup_printf ("cp '%s' '%s'", cached, work);

  g_assert_cmpint (system (copy_cmd), ==, 0);
  return g_steal_pointer (&work);
}

void
st_bench_inventory_parse (StBenchInventoryOptions *inv,
                          GOptionContext          *context,
                          const GOptionEntry      *entries,
                          const char              *tmp_template,
                          int                     *argc,
                          char                  ***argv)
{
  g_autoptr(GError) error = NULL;
  const GOptionEntry inventory_entries[] = {
    { "units", 0, 0, G_OPTION_ARG_INT64, &inv->units, "generated units", "N" },
    { "items", 0, 0, G_OPTION_ARG_INT, &inv->items, "generated items", "N" },
    { "shelf", 0, 0, G_OPTION_ARG_INT, &inv->shelf, "units of the shelf, the counted warehouse "
      "(serials CS…)", "N" },
    { "db-dir", 0, 0, G_OPTION_ARG_FILENAME, &inv->db_dir, "where the database is cached", "DIR" },
    { "smoke", 0, 0, G_OPTION_ARG_NONE, &inv->smoke, "tiny sizes, results only", NULL },
    { NULL }
  };

  g_option_context_add_main_entries (context, inventory_entries, NULL);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, argc, argv, &error))
    g_error ("%s", error->message);
  if (inv->smoke)
    {
      inv->units = 2000;
      inv->items = 40;
      inv->shelf = 600;
    }
  if (inv->db_dir == NULL)
    inv->db_dir = g_dir_make_tmp (tmp_template, NULL);
}
