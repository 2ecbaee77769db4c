/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-export-services.c — the Services workbook (DESIGN §8): one row per service case, with
 * real dates, money as numbers and the days the unit spent with us. */
#define G_LOG_DOMAIN "st-export"

#include "config.h"

#include <glib/gi18n.h>

#include "st-export-private.h"
#include "st-parse.h"

enum
{
  COL_CASE, COL_OPENED, COL_STATUS, COL_SERIAL, COL_SKU, COL_ITEM, COL_CUSTOMER, COL_WAREHOUSE,
  COL_COMPLAINT, COL_WARRANTY, COL_WARRANTY_END, COL_RESOLUTION, COL_REPLACEMENT, COL_CLOSED,
  COL_DAYS, COL_CHARGE, COL_REFUND, COL_PARTS,
};

static const StExportColumn service_columns[] = {
  /* Translators: column headings of the Services workbook */
  { N_("Case"), 12 },
  { N_("Opened"), 12 },
  { N_("Status"), 12 },
  { N_("Serial"), 22 },
  { N_("SKU"), 14 },
  { N_("Item"), 24 },
  { N_("Customer"), 22 },
  { N_("Warehouse"), 18 },
  { N_("Complaint"), 30 },
  { N_("Warranty"), 16 },
  { N_("Warranty end"), 13 },
  { N_("Resolution"), 14 },
  { N_("Replacement"), 22 },
  { N_("Closed"), 12 },
  { N_("Days in service"), 10 },
  { N_("Charge"), 12 },
  { N_("Refund"), 12 },
  { N_("Parts cost"), 12 },
};

static gboolean
write_services (StExport   *ex,
                GPtrArray  *cases,
                GError    **error)
{
  g_autofree char *today = st_date_today ();
  gint64 sum_charge = 0, sum_refund = 0, sum_parts = 0, sum_days = 0;
  StSheet s;
  gboolean ok = FALSE;

  /* One row fewer per sheet: the last one needs room for the totals. */
  _st_sheet_init (&s, ex, _("Services"), service_columns, G_N_ELEMENTS (service_columns),
                  _st_export_get_sheet_rows () - 1);
  if (!_st_sheet_start (&s, error))
    goto out;
  for (guint i = 0; i < cases->len; i++)
    {
      StServiceCase *sc = g_ptr_array_index (cases, i);
      gint64 days = st_service_case_get_days_in_service (sc, today);

      if (!_st_sheet_next_row (&s, error))
        goto out;
      _st_cell_string (&s, COL_CASE, st_service_case_get_number (sc));
      _st_cell_date_text (&s, COL_OPENED, st_service_case_get_date (sc));
      _st_cell_string (&s, COL_STATUS,
                       st_service_status_to_label (st_service_case_get_status (sc)));
      _st_cell_string (&s, COL_SERIAL, st_service_case_get_serial (sc));
      _st_cell_string (&s, COL_SKU, st_service_case_get_sku (sc));
      _st_cell_string (&s, COL_ITEM, st_service_case_get_item_name (sc));
      _st_cell_string (&s, COL_CUSTOMER, st_service_case_get_customer (sc));
      _st_cell_string (&s, COL_WAREHOUSE, st_service_case_get_warehouse (sc));
      _st_cell_string (&s, COL_COMPLAINT, st_service_case_get_complaint (sc));
      _st_cell_string (&s, COL_WARRANTY,
                       st_warranty_status_to_label (st_service_case_get_warranty_status (sc)));
      _st_cell_date_text (&s, COL_WARRANTY_END, st_service_case_get_warranty_end (sc));
      if (st_service_case_get_resolution (sc) != ST_RESOLUTION_NONE)
        _st_cell_string (&s, COL_RESOLUTION,
                         st_service_resolution_to_label (st_service_case_get_resolution (sc)));
      if (st_service_case_get_replacement_serial (sc) != NULL)
        _st_cell_string (&s, COL_REPLACEMENT, st_service_case_get_replacement_serial (sc));
      _st_cell_date_text (&s, COL_CLOSED, st_service_case_get_closed_date (sc));
      _st_cell_count (&s, COL_DAYS, days);
      _st_cell_money (&s, COL_CHARGE, st_service_case_get_charge (sc));
      _st_cell_money (&s, COL_REFUND, st_service_case_get_refund (sc));
      _st_cell_money (&s, COL_PARTS, st_service_case_get_parts_cost (sc));
      sum_days += days;
      sum_charge += st_service_case_get_charge (sc);
      sum_refund += st_service_case_get_refund (sc);
      sum_parts += st_service_case_get_parts_cost (sc);
    }
  if (cases->len > 0)
    {
      _st_sheet_total_row (&s, _("Total"));
      _st_sheet_sum (&s, COL_DAYS, sum_days, FALSE);
      _st_sheet_sum (&s, COL_CHARGE, sum_charge, TRUE);
      _st_sheet_sum (&s, COL_REFUND, sum_refund, TRUE);
      _st_sheet_sum (&s, COL_PARTS, sum_parts, TRUE);
    }
  ok = TRUE;
out:
  _st_sheet_end (&s);
  _st_sheet_clear (&s);
  return ok;
}

static char *
services_title (const char *from,
                const char *to)
{
  if (from != NULL && to != NULL)
    /* Translators: the Services workbook's title; %1$s and %2$s are dates */
    return g_strdup_printf (_("Service cases %1$s – %2$s"), from, to);
  if (from != NULL)
    /* Translators: the Services workbook's title; %s is a date */
    return g_strdup_printf (_("Service cases from %s"), from);
  if (to != NULL)
    /* Translators: the Services workbook's title; %s is a date */
    return g_strdup_printf (_("Service cases until %s"), to);
  /* Translators: the title of the Services workbook */
  return g_strdup (_("Service cases"));
}

gboolean
st_export_services (StStore        *store,
                    const char     *path,
                    const char     *from,
                    const char     *to,
                    gboolean        overwrite,
                    GCancellable   *cancellable,
                    StProgressFunc  progress,
                    gpointer        progress_data,
                    GError        **error)
{
  StExport ex = { 0 };
  StServiceQuery query = { .status = -1, .from = from, .to = to };
  g_autoptr(GPtrArray) cases = NULL;
  g_autofree char *title = NULL;
  gboolean ok = FALSE;

  g_return_val_if_fail (ST_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_st_export_check_period (from, to, error))
    return FALSE;
  title = services_title (from, to);
  if (!_st_export_open (&ex, store, path, overwrite, title, cancellable, progress,
                        progress_data, error))
    goto out;
  if ((cases = st_store_query_service_cases (store, &query, error)) == NULL)
    goto out;
  ex.n_total = cases->len;
  ok = write_services (&ex, cases, error) && _st_export_close (&ex, error);
out:
  _st_export_clear (&ex);
  return ok;
}
