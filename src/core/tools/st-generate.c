/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-generate.c — deterministic synthetic inventories for demos and benchmarks.  The choice of
 * what to post is synthetic; the posting is not: every document goes through st_store_post(),
 * st_store_void() and st_store_receive_transfer(), exactly as a person's documents do.
 *
 * Here: the entry point and the catalogue (warehouses, vendors, customers, items).  The
 * documents, day by day, are made in st-generate-documents.c. */
#define G_LOG_DOMAIN "st-generate"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>

#include "st-error.h"
#include "st-generate-private.h"
#include "st-parse.h"

typedef struct
{
  const char     *code;
  const char     *noun;
  StSerialFormat  format;
  gint64          price_min;
  gint64          price_max;
  guint           warranty_months;
} Category;

static const Category serial_categories[] = {
  { "PHN", "Phone",          ST_SERIAL_FORMAT_IMEI,   14900, 149900, 24 },
  { "TAB", "Tablet",         ST_SERIAL_FORMAT_IMEI,   19900, 129900, 24 },
  { "LAP", "Laptop",         ST_SERIAL_FORMAT_ANY,    49900, 299900, 12 },
  { "MON", "Monitor",        ST_SERIAL_FORMAT_ANY,    12900,  89900, 36 },
  { "DRL", "Cordless Drill", ST_SERIAL_FORMAT_DIGITS,  5900,  39900, 36 },
  { "SAW", "Circular Saw",   ST_SERIAL_FORMAT_DIGITS,  8900,  49900, 36 },
  { "BIK", "E-Bike",         ST_SERIAL_FORMAT_ANY,   149900, 499900, 24 },
  { "CAM", "Camera",         ST_SERIAL_FORMAT_ANY,    29900, 249900, 12 },
  { "WAT", "Smartwatch",     ST_SERIAL_FORMAT_ANY,     9900,  79900, 12 },
  { "RTR", "Router",         ST_SERIAL_FORMAT_ANY,     3900,  39900,  0 },
  { "PRN", "Printer",        ST_SERIAL_FORMAT_ANY,     7900,  59900, 12 },
  { "HDP", "Headphones",     ST_SERIAL_FORMAT_ANY,     2900,  49900,  6 },
};

static const Category quantity_categories[] = {
  { "CBL", "USB-C Cable",    ST_SERIAL_FORMAT_ANY,      499,   2999, 0 },
  { "CAS", "Phone Case",     ST_SERIAL_FORMAT_ANY,      999,   3999, 0 },
  { "BAT", "Battery Pack",   ST_SERIAL_FORMAT_ANY,     1999,   8999, 0 },
  { "CHG", "Charger",        ST_SERIAL_FORMAT_ANY,      999,   4999, 0 },
  { "BLD", "Saw Blade",      ST_SERIAL_FORMAT_ANY,      799,   3999, 0 },
  { "HLM", "Bike Helmet",    ST_SERIAL_FORMAT_ANY,     2999,  12999, 0 },
};

static const char * const warehouse_names[] = {
  "Shop Floor", "North Depot", "South Depot", "Service Centre", "Outlet Store",
};

static const char * const vendor_first[] = {
  "Northwind", "Contoso", "Fabrikam", "Litware", "Adatum", "Tailspin", "Woodgrove", "Proseware",
  "Lucerne", "Wingtip", "Alpine", "Blue Yonder", "Coho", "Fourth Coffee", "Margie", "Trey",
};
static const char * const vendor_second[] = {
  "Mobile", "Tools", "Electronics", "Supply", "Trading", "Distribution", "Wholesale", "Devices",
  "Components", "Imports", "Outdoor", "Systems",
};
static const char * const vendor_suffix[] = {
  "GmbH", "Ltd", "Inc.", "S.A.", "B.V.", "AB",
};

static const char * const first_names[] = {
  "Erika", "Jean", "Aiko", "Jürgen", "Zoë", "Ólafur", "François", "Łukasz", "Søren", "Maria",
  "Ahmed", "Priya", "Chen", "Fatima", "Lars", "Giulia", "Mateo", "Nadia", "Kwame", "Elif",
  "Hannah", "Pablo", "Yuki", "Amara", "Ivan", "Chloé", "Tomás", "Ingrid", "Ravi", "Sofia",
  "Oskar", "Leila", "Diego", "Mei", "Jonas", "Ana", "Karim", "Nora", "Emil", "Zainab",
};
static const char * const last_names[] = {
  "Mustermann", "Dupont", "Tanaka", "Müller", "Novak", "Jónsson", "Lefèvre", "Kowalski",
  "Sørensen", "García", "Hassan", "Sharma", "Wang", "Okafor", "Lindqvist", "Rossi", "Fernández",
  "Petrova", "Mensah", "Yılmaz", "Schmidt", "Martín", "Sato", "Nwosu", "Ivanov", "Bernard",
  "Silva", "Berg", "Iyer", "Costa", "Nielsen", "Haddad", "López", "Li", "Weber", "Santos",
  "Rahman", "Dahl", "Kaya", "Baker",
};

/* Catalogue. */

static gboolean
add_catalogue (StGen   *g,
               GError **error)
{
  g_autoptr(GPtrArray) existing = st_store_list_warehouses (g->store, error);
  guint n_vendors, n_customers;
  guint n_extra_wh;
  g_autofree guint *order = NULL;

  if (existing == NULL)
    return FALSE;
  if (existing->len == 0)
    {
      g_set_error (error, ST_ERROR, ST_ERROR_FAILED, _("The database has no warehouse"));
      return FALSE;
    }
  g_ptr_array_add (g->warehouses,
                   g_strdup (st_warehouse_get_name (g_ptr_array_index (existing, 0))));
  n_extra_wh = _st_gen_rand (g, 2, 5);
  for (guint i = 0; i < n_extra_wh; i++)
    {
      g_autoptr(StWarehouse) w = st_store_add_warehouse (g->store, warehouse_names[i], error);

      if (w == NULL)
        return FALSE;
      g_ptr_array_add (g->warehouses, g_strdup (warehouse_names[i]));
    }
  g->n_wh = g->warehouses->len;

  n_vendors = g->n_items / 10 + 3;
  g->vendor_bills = g_new0 (guint, n_vendors);
  g->vendor_items = g_new0 (GArray *, n_vendors);
  for (guint i = 0; i < n_vendors; i++)
    {
      guint a = i % G_N_ELEMENTS (vendor_first);
      guint b = (i / G_N_ELEMENTS (vendor_first)) % G_N_ELEMENTS (vendor_second);
      guint s = (i + i / 7) % G_N_ELEMENTS (vendor_suffix);
      guint round = i / (G_N_ELEMENTS (vendor_first) * G_N_ELEMENTS (vendor_second));
      g_autofree char *name = round == 0
        ? g_strdup_printf ("%s %s %s", vendor_first[a], vendor_second[b], vendor_suffix[s])
        : g_strdup_printf ("%s %s %s %u", vendor_first[a], vendor_second[b], vendor_suffix[s],
                           round + 1);
      g_autoptr(StContact) c = st_store_add_contact (g->store, ST_CONTACT_VENDOR, name, error);

      if (c == NULL)
        return FALSE;
      g_ptr_array_add (g->vendors, g_steal_pointer (&name));
      g_ptr_array_add (g->vendor_codes, g_strdup_printf ("%c%c%u", vendor_first[a][0],
                                                         vendor_second[b][0], i + 1));
      g->vendor_items[i] = g_array_new (FALSE, FALSE, sizeof (guint));
    }

  n_customers = n_vendors * 3 + (guint) MIN (g->n_units / 100, 1000000) + 10;
  for (guint i = 0; i < n_customers; i++)
    {
      guint f = i % G_N_ELEMENTS (first_names);
      guint l = (i / G_N_ELEMENTS (first_names)) % G_N_ELEMENTS (last_names);
      guint round = i / (G_N_ELEMENTS (first_names) * G_N_ELEMENTS (last_names));
      g_autofree char *name = NULL;
      g_autoptr(StContact) c = NULL;

      if (round == 0)
        name = g_strdup_printf ("%s %s", first_names[f], last_names[l]);
      else if (round <= 26)
        name = g_strdup_printf ("%s %c. %s", first_names[f], 'A' + round - 1, last_names[l]);
      else
        name = g_strdup_printf ("%s %s %u", first_names[f], last_names[l], round);
      c = st_store_add_contact (g->store, ST_CONTACT_CUSTOMER, name, error);
      if (c == NULL)
        return FALSE;
      g_ptr_array_add (g->customers, g_steal_pointer (&name));
    }

  g->items = g_new0 (StGenItem, g->n_items);
  g->item_by_id = g_hash_table_new (g_direct_hash, g_direct_equal);
  for (guint i = 0; i < g->n_items; i++)
    {
      StGenItem *gi = &g->items[i];
      /* The first item always tracks serials, so that there are units to make. */
      gboolean serial = i == 0 || _st_gen_chance (g, 0.8);
      const Category *cat = serial
        ? &serial_categories[_st_gen_rand (g, 0, G_N_ELEMENTS (serial_categories) - 1)]
        : &quantity_categories[_st_gen_rand (g, 0, G_N_ELEMENTS (quantity_categories) - 1)];
      g_autofree char *name = g_strdup_printf ("%s %c%u", cat->noun, 'A' + (int) (i % 26),
                                               (i / 26) % 90 + 10);
      StItemSpec spec = { 0 };
      g_autoptr(StItem) item = NULL;

      gi->sku = g_strdup_printf ("%s-%05u", cat->code, i + 1);
      gi->serial = serial;
      gi->format = serial ? cat->format : ST_SERIAL_FORMAT_ANY;
      gi->vendor = _st_gen_rand (g, 0, n_vendors - 1);
      gi->price = (_st_gen_rand (g, (guint) (cat->price_min / 100), (guint) (cat->price_max / 100))
                   * 100) - 1;
      gi->cost = gi->price * _st_gen_rand (g, 55, 80) / 100;
      gi->code = 100 + i % 900;
      g_snprintf (gi->prefix, sizeof gi->prefix, "%c%c%u", 'A' + (int) _st_gen_rand (g, 0, 25),
                  'A' + (int) _st_gen_rand (g, 0, 25), _st_gen_rand (g, 1, 9));

      spec.sku = gi->sku;
      spec.name = name;
      spec.unit = serial ? "pcs" : (_st_gen_chance (g, 0.5) ? "pcs" : "box");
      spec.price = gi->price;
      spec.cost = gi->cost;
      spec.tracking = serial ? ST_TRACKING_SERIAL : ST_TRACKING_NONE;
      spec.warranty_months = cat->warranty_months;
      spec.serial_format = gi->format;
      item = st_store_add_item (g->store, &spec, error);
      if (item == NULL)
        return FALSE;
      gi->id = st_item_get_id (item);
      g_hash_table_insert (g->item_by_id, GSIZE_TO_POINTER ((gsize) gi->id),
                           GSIZE_TO_POINTER ((gsize) i + 1));
      if (serial)
        g_array_append_val (g->vendor_items[gi->vendor], i);
      else
        g_array_append_val (g->quantity_items, i);
    }

  /* Popularity: a random order, weights falling off like 1/rank. */
  order = g_new (guint, g->n_items);
  for (guint i = 0; i < g->n_items; i++)
    order[i] = i;
  for (guint i = g->n_items; i > 1; i--)
    {
      guint j = _st_gen_rand (g, 0, i - 1);
      guint t = order[i - 1];
      order[i - 1] = order[j];
      order[j] = t;
    }
  for (guint i = 0; i < g->n_items; i++)
    if (g->items[order[i]].serial)
      g_array_append_val (g->serial_items, order[i]);
  g->popularity = g_new (double, g->serial_items->len);
  for (guint i = 0; i < g->serial_items->len; i++)
    g->popularity[i] = (i > 0 ? g->popularity[i - 1] : 0.0) + 1.0 / (i + 5);

  g->pools = g_new0 (StGenPool, (gsize) g->n_items * g->n_wh);
  for (gsize i = 0; i < (gsize) g->n_items * g->n_wh; i++)
    g->pools[i].seqs = g_array_new (FALSE, FALSE, sizeof (guint32));
  g->qty = g_new0 (gint64, (gsize) g->n_items * g->n_wh);
  g->wh_pos = g_new (gint32, (gsize) g->n_items * g->n_wh);
  for (gsize i = 0; i < (gsize) g->n_items * g->n_wh; i++)
    g->wh_pos[i] = -1;
  g->wh_items = g_new0 (GArray *, g->n_wh);
  for (guint w = 0; w < g->n_wh; w++)
    g->wh_items[w] = g_array_new (FALSE, FALSE, sizeof (guint));
  g->wh_units = g_new0 (gint64, g->n_wh);
  return TRUE;
}

static void
gen_clear (StGen *g)
{
  if (g->pools != NULL)
    for (gsize i = 0; i < (gsize) g->n_items * g->n_wh; i++)
      g_array_unref (g->pools[i].seqs);
  g_free (g->pools);
  if (g->vendor_items != NULL)
    for (guint i = 0; i < g->vendors->len; i++)
      if (g->vendor_items[i] != NULL)
        g_array_unref (g->vendor_items[i]);
  g_free (g->vendor_items);
  if (g->wh_items != NULL)
    for (guint w = 0; w < g->n_wh; w++)
      g_array_unref (g->wh_items[w]);
  g_free (g->wh_items);
  if (g->items != NULL)
    for (guint i = 0; i < g->n_items; i++)
      g_free (g->items[i].sku);
  g_free (g->items);
  g_clear_pointer (&g->item_by_id, g_hash_table_unref);
  g_clear_pointer (&g->serial_items, g_array_unref);
  g_clear_pointer (&g->quantity_items, g_array_unref);
  g_clear_pointer (&g->warehouses, g_ptr_array_unref);
  g_clear_pointer (&g->vendors, g_ptr_array_unref);
  g_clear_pointer (&g->vendor_codes, g_ptr_array_unref);
  g_clear_pointer (&g->customers, g_ptr_array_unref);
  g_clear_pointer (&g->pending, g_array_unref);
  g_free (g->vendor_bills);
  g_free (g->popularity);
  g_free (g->mark);
  g_free (g->unit_wh);
  g_free (g->sold_on);
  g_free (g->qty);
  g_free (g->wh_pos);
  g_free (g->wh_units);
  g_free (g->invoices);
  g_free (g->bills);
  g_clear_pointer (&g->rand, g_rand_free);
}

gboolean
st_generate (StStore          *store,
             guint             n_items,
             guint64           n_units,
             guint64           seed,
             GCancellable     *cancellable,
             StProgressFunc    progress,
             gpointer          progress_data,
             StGenerateStats  *stats,
             GError          **error)
{
  StGen g = { 0 };
  StGenerateStats local = { 0 };
  guint32 seed_array[2] = { (guint32) (seed & 0xffffffffu), (guint32) (seed >> 32) };
  g_autofree char *today = NULL;
  GDate end;
  gboolean ok;

  g_return_val_if_fail (ST_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (n_items == 0 || n_items > GEN_MAX_ITEMS)
    {
      g_set_error (error, ST_ERROR, ST_ERROR_INVALID_INPUT,
                   /* Translators: %u is the largest number allowed */
                   g_dngettext (GETTEXT_PACKAGE, "The number of items must be between 1 and %u",
                                "The number of items must be between 1 and %u", GEN_MAX_ITEMS),
                   GEN_MAX_ITEMS);
      return FALSE;
    }
  if (n_units > GEN_MAX_UNITS)
    {
      g_set_error (error, ST_ERROR, ST_ERROR_INVALID_INPUT,
                   /* Translators: %u is the largest number allowed */
                   g_dngettext (GETTEXT_PACKAGE, "The number of units must be at most %u",
                                "The number of units must be at most %u", GEN_MAX_UNITS),
                   GEN_MAX_UNITS);
      return FALSE;
    }
  if (!st_store_is_empty (store))
    {
      g_set_error (error, ST_ERROR, ST_ERROR_INVALID_INPUT,
                   _("Synthetic data can only be generated into a new, empty database"));
      return FALSE;
    }
  if (st_store_get_tracking (store) != ST_TRACKING_SERIAL)
    {
      g_set_error (error, ST_ERROR, ST_ERROR_PREFERENCE,
                   _("Synthetic data needs serial number tracking (see Preferences)"));
      return FALSE;
    }

  g.store = store;
  g.rand = g_rand_new_with_seed_array (seed_array, G_N_ELEMENTS (seed_array));
  g.cancellable = cancellable;
  g.progress = progress;
  g.progress_data = progress_data;
  g.stats = stats != NULL ? stats : &local;
  memset (g.stats, 0, sizeof *g.stats);
  g.n_items = n_items;
  g.n_units = n_units;
  g.serial_items = g_array_new (FALSE, FALSE, sizeof (guint));
  g.quantity_items = g_array_new (FALSE, FALSE, sizeof (guint));
  g.warehouses = g_ptr_array_new_with_free_func (g_free);
  g.vendors = g_ptr_array_new_with_free_func (g_free);
  g.vendor_codes = g_ptr_array_new_with_free_func (g_free);
  g.customers = g_ptr_array_new_with_free_func (g_free);
  g.pending = g_array_new (FALSE, FALSE, sizeof (StGenPending));
  g.mark = g_new0 (guint8, n_units + 1);
  g.unit_wh = g_new0 (guint8, n_units + 1);
  g.sold_on = g_new0 (guint32, n_units + 1);
  g.invoices = g_new0 (StGenInvoice, GEN_INVOICE_RING);
  g.bills = g_new0 (StGenBill, GEN_BILL_RING);

  /* Three years up to today. */
  today = st_date_today ();
  g_date_clear (&end, 1);
  {
    guint y = 0, m = 0, d = 0;

    if (sscanf (today, "%u-%u-%u", &y, &m, &d) == 3 && g_date_valid_dmy (d, m, y))
      g_date_set_dmy (&end, d, m, y);
    else
      g_date_set_dmy (&end, 1, G_DATE_JANUARY, 2026);
  }
  g.start = end;
  g_date_subtract_days (&g.start, GEN_DAYS);

  /* Hundreds of thousands of small transactions: no fsync, rarer checkpoints. */
  _st_store_set_bulk_mode (store, TRUE);
  ok = add_catalogue (&g, error) && _st_gen_generate_documents (&g, error);
  _st_store_set_bulk_mode (store, FALSE);
  if (ok)
    {
      g.stats->n_items = n_items;
      _st_gen_report_progress (&g, TRUE);
    }
  g.stats->n_units = g.next_seq;
  gen_clear (&g);
  if (ok)
    _st_store_emit_changed (store);
  return ok;
}
