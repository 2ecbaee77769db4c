/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-test-util.h — fixtures shared by the core tests (header-only). */
#pragma once

#include <glib.h>
#include <glib/gstdio.h>

#include "st-error.h"
#include "st-store.h"

typedef struct
{
  char    *dir;
  char    *path;
  StStore *store;
} StFixture;

static inline void
st_fixture_remove_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (dir);
}

/* A new database with warehouses Main/Shop, vendor Acme, customer Bob, and items PHONE (serial,
 * imei, 12 months warranty), TOOL (serial, any), CABLE (quantity). */
static inline void
st_fixture_setup (StFixture     *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StWarehouse) w1 = NULL, w2 = NULL;
  g_autoptr(StContact) c1 = NULL, c2 = NULL;
  g_autoptr(StItem) i1 = NULL, i2 = NULL, i3 = NULL;
  StItemSpec phone = { "PHONE", "Phone X", NULL, 50000, 30000, ST_TRACKING_SERIAL, 12,
                       ST_SERIAL_FORMAT_IMEI };
  StItemSpec tool = { "TOOL", "Drill", NULL, 9900, 5000, ST_TRACKING_SERIAL, 0,
                      ST_SERIAL_FORMAT_ANY };
  StItemSpec cable = { "CABLE", "USB cable", "pcs", 500, 100, ST_TRACKING_NONE, 0,
                       ST_SERIAL_FORMAT_ANY };

  f->dir = g_dir_make_tmp ("st-test-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "test.serialtrack", NULL);
  f->store = st_store_open (f->path, ST_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  w1 = st_store_add_warehouse (f->store, "Main", &error);
  g_assert_no_error (error);
  w2 = st_store_add_warehouse (f->store, "Shop", &error);
  g_assert_no_error (error);
  c1 = st_store_add_contact (f->store, ST_CONTACT_VENDOR, "Acme", &error);
  g_assert_no_error (error);
  c2 = st_store_add_contact (f->store, ST_CONTACT_CUSTOMER, "Bob", &error);
  g_assert_no_error (error);
  i1 = st_store_add_item (f->store, &phone, &error);
  g_assert_no_error (error);
  i2 = st_store_add_item (f->store, &tool, &error);
  g_assert_no_error (error);
  i3 = st_store_add_item (f->store, &cable, &error);
  g_assert_no_error (error);
}

static inline void
st_fixture_teardown (StFixture     *f,
                     gconstpointer  data)
{
  g_clear_object (&f->store);
  st_fixture_remove_dir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

/* Asserts that the ledger check finds nothing wrong. */
static inline void
st_assert_check_ok (StStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StCheckReport) report = st_store_check (store, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < report->problems->len; i++)
    g_printerr ("check: %s\n", (char *) g_ptr_array_index (report->problems, i));
  g_assert_cmpuint (report->problems->len, ==, 0);
}
