/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-sample.c — a small, believable inventory for a newcomer to look around in.  Everything
 * goes through the same functions a person's postings do. */
#define G_LOG_DOMAIN "st-sample"

#include "config.h"

#include <glib/gi18n.h>

#include "st-error.h"
#include "st-store.h"

typedef struct
{
  StDocKind   kind;
  const char *number;
  const char *date;
  const char *contact;     /* returns: the invoice; vendor returns: the bill */
  const char *warehouse;
  const char *to_warehouse;
  const char *sku;
  gint64      quantity;
  const char *serials;     /* comma separated; NULL: quantity item or pick the oldest */
} SampleDoc;

static gboolean
post_sample (StStore          *store,
             const SampleDoc  *s,
             const char       *reason,
             GError          **error)
{
  g_autoptr(StDraft) draft = st_draft_new (s->kind);
  g_autoptr(StDocument) doc = NULL;
  StDraftLine *line;

  st_draft_set_string (&draft->number, s->number);
  st_draft_set_string (&draft->date, s->date);
  if (s->kind == ST_DOC_RETURN || s->kind == ST_DOC_VENDOR_RETURN)
    st_draft_set_string (&draft->reference, s->contact);
  else
    st_draft_set_string (&draft->contact, s->contact);
  st_draft_set_string (&draft->warehouse, s->warehouse);
  st_draft_set_string (&draft->to_warehouse, s->to_warehouse);
  st_draft_set_string (&draft->reason, reason);
  line = st_draft_add_line (draft, s->sku, s->quantity);
  if (s->serials != NULL)
    {
      g_auto(GStrv) parts = g_strsplit (s->serials, ",", -1);
      for (guint i = 0; parts[i] != NULL; i++)
        st_draft_line_add_serial (line, parts[i]);
    }
  doc = st_store_post (store, draft, error);
  return doc != NULL;
}

gboolean
st_store_load_sample_data (StStore  *self,
                           GError  **error)
{
  g_autoptr(GPtrArray) warehouses = NULL;
  const char *main_wh;
  const char *shop = _("Shop Floor");
  const char *vendor1 = "Northwind Mobile GmbH";
  const char *vendor2 = "Contoso Tools Ltd";
  const char *customer1 = "Erika Mustermann";
  const char *customer2 = "Jean Dupont";
  const char *customer3 = "Riverside Café";
  const StItemSpec items[] = {
    { "PHN-X12", N_("Phone X12 128 GB"), NULL, 54900, 41000, ST_TRACKING_SERIAL, 24,
      ST_SERIAL_FORMAT_IMEI },
    { "LAP-14", N_("Laptop Pro 14\""), NULL, 129900, 98000, ST_TRACKING_SERIAL, 12,
      ST_SERIAL_FORMAT_ANY },
    { "DRL-18V", N_("Cordless Drill 18 V"), NULL, 15900, 9800, ST_TRACKING_SERIAL, 36,
      ST_SERIAL_FORMAT_ANY },
    { "CBL-USBC", N_("USB-C Cable 1 m"), NULL, 1299, 350, ST_TRACKING_NONE, 0,
      ST_SERIAL_FORMAT_ANY },
  };

  g_return_val_if_fail (ST_IS_STORE (self), FALSE);

  warehouses = st_store_list_warehouses (self, error);
  if (warehouses == NULL)
    return FALSE;
  if (warehouses->len == 0)
    {
      g_set_error (error, ST_ERROR, ST_ERROR_FAILED, _("The database has no warehouse"));
      return FALSE;
    }
  main_wh = st_warehouse_get_name (g_ptr_array_index (warehouses, 0));

  {
    g_autoptr(StWarehouse) w = st_store_add_warehouse (self, shop, error);
    g_autoptr(StContact) v1 = NULL, v2 = NULL, c1 = NULL, c2 = NULL, c3 = NULL;

    if (w == NULL
        || (v1 = st_store_add_contact (self, ST_CONTACT_VENDOR, vendor1, error)) == NULL
        || (v2 = st_store_add_contact (self, ST_CONTACT_VENDOR, vendor2, error)) == NULL
        || (c1 = st_store_add_contact (self, ST_CONTACT_CUSTOMER, customer1, error)) == NULL
        || (c2 = st_store_add_contact (self, ST_CONTACT_CUSTOMER, customer2, error)) == NULL
        || (c3 = st_store_add_contact (self, ST_CONTACT_CUSTOMER, customer3, error)) == NULL)
      return FALSE;
  }
  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      StItemSpec spec = items[i];
      g_autoptr(StItem) item = NULL;

      spec.name = _(items[i].name);
      if (st_store_get_tracking (self) == ST_TRACKING_NONE)
        spec.tracking = ST_TRACKING_NONE;
      item = st_store_add_item (self, &spec, error);
      if (item == NULL)
        return FALSE;
    }

  {
    const SampleDoc docs[] = {
      { ST_DOC_BILL, "NW-2026-0412", "2026-04-02", vendor1, main_wh, NULL, "PHN-X12", 6,
        "356938035643809,490154203237518,353918056234673,352099001761481,359881030314355,"
        "356656042373539" },
      { ST_DOC_BILL, "CT-88121", "2026-04-03", vendor2, main_wh, NULL, "DRL-18V", 4,
        "DR180001,DR180002,DR180003,DR180004" },
      { ST_DOC_BILL, "NW-2026-0413", "2026-04-03", vendor1, main_wh, NULL, "LAP-14", 3,
        "LP14-A7731,LP14-A7732,LP14-A7733" },
      { ST_DOC_BILL, "CT-88122", "2026-04-03", vendor2, main_wh, NULL, "CBL-USBC", 50, NULL },
      { ST_DOC_TRANSFER, NULL, "2026-04-05", NULL, main_wh, shop, "PHN-X12", 3, NULL },
      { ST_DOC_TRANSFER, NULL, "2026-04-05", NULL, main_wh, shop, "CBL-USBC", 20, NULL },
      { ST_DOC_INVOICE, NULL, "2026-04-08", customer1, shop, NULL, "PHN-X12", 1,
        "356938035643809" },
      { ST_DOC_INVOICE, NULL, "2026-04-09", customer3, main_wh, NULL, "LAP-14", 2, NULL },
      { ST_DOC_INVOICE, NULL, "2026-04-10", customer2, main_wh, NULL, "DRL-18V", 1, NULL },
      { ST_DOC_INVOICE, NULL, "2026-04-10", customer2, shop, NULL, "CBL-USBC", 4, NULL },
      { ST_DOC_RETURN, NULL, "2026-04-15", "INV-00003", main_wh, NULL, "DRL-18V", 1, NULL },
      { ST_DOC_VENDOR_RETURN, NULL, "2026-04-16", "CT-88121", NULL, NULL, "DRL-18V", 1,
        "DR180004" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (docs); i++)
      {
        if (st_store_get_tracking (self) == ST_TRACKING_NONE && docs[i].serials != NULL)
          {
            SampleDoc plain = docs[i];
            plain.serials = NULL;
            if (!post_sample (self, &plain, NULL, error))
              return FALSE;
            continue;
          }
        if (!post_sample (self, &docs[i], NULL, error))
          return FALSE;
      }
    {
      SampleDoc writeoff = { ST_DOC_ADJUSTMENT, NULL, "2026-04-20", NULL, main_wh, NULL,
                             "DRL-18V", -1, NULL };
      if (!post_sample (self, &writeoff, _("Damaged in storage"), error))
        return FALSE;
    }
  }
  return TRUE;
}
