/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-export-count.c — a stock count's report as a workbook: a summary, every scan, the
 * missing, the unexpected, the units moved since the start and the quantity items. */
#define G_LOG_DOMAIN "st-export"

#include "config.h"

#include <glib/gi18n.h>

#include "st-export-private.h"
#include "st-store-count.h"

static const StExportColumn summary_columns[] = {
  { N_("Count"), 28 },
  { N_("Value"), 24 },
};

static const StExportColumn scan_columns[] = {
  { N_("Serial"), 22 },
  { N_("Class"), 14 },
  { N_("SKU"), 14 },
  { N_("Item"), 28 },
  { N_("Details"), 36 },
  { N_("Scanned at"), 22 },
};

static const StExportColumn unit_columns[] = {
  { N_("Serial"), 22 },
  { N_("SKU"), 14 },
  { N_("Item"), 28 },
  { N_("Status"), 18 },
  { N_("Warehouse"), 18 },
};

static const StExportColumn quantity_columns[] = {
  { N_("SKU"), 14 },
  { N_("Item"), 28 },
  { N_("On hand at the start"), 12 },
  { N_("Counted"), 12 },
  { N_("On hand"), 12 },
  { N_("Difference"), 12 },
};

static gboolean
summary_row (StSheet     *s,
             const char  *label,
             const char  *text,
             gint64       n,
             GError     **error)
{
  if (!_st_sheet_next_row (s, error))
    return FALSE;
  _st_cell_string (s, 0, label);
  if (text != NULL)
    _st_cell_string (s, 1, text);
  else
    _st_cell_count (s, 1, n);
  return TRUE;
}

static gboolean
write_summary (StExport       *ex,
               StCountReport  *r,
               GError        **error)
{
  StCount *c = r->count;
  StSheet s;
  gboolean ok;

  _st_sheet_init (&s, ex, _("Count"), summary_columns, G_N_ELEMENTS (summary_columns),
                  _st_export_get_sheet_rows ());
  ok = _st_sheet_start (&s, error)
       && summary_row (&s, _("Number"), st_count_get_number (c), 0, error)
       && summary_row (&s, _("Warehouse"), st_count_get_warehouse (c), 0, error)
       && summary_row (&s, _("Date"), st_count_get_date (c), 0, error)
       && summary_row (&s, _("Status"), st_count_get_finished (c) ? C_("count status", "finished")
                                                                 : C_("count status", "open"),
                       0, error)
       && summary_row (&s, _("Expected"), NULL, st_count_get_n_expected (c), error)
       && summary_row (&s, _("Found"), NULL, st_count_get_n_scans (c, ST_SCAN_FOUND), error)
       && summary_row (&s, _("Missing"), NULL, r->missing->len, error)
       && summary_row (&s, _("Unexpected"), NULL, r->unexpected->len, error)
       && summary_row (&s, _("Moved since the start"), NULL, r->moved->len, error)
       && (r->adjustment == NULL
           || summary_row (&s, _("Write-off"), st_document_get_number (r->adjustment), 0,
                           error));
  _st_sheet_end (&s);
  _st_sheet_clear (&s);
  return ok;
}

static gboolean
scan_row (StSheet      *s,
          StCountScan  *scan,
          gboolean      with_time,
          GError      **error)
{
  g_autofree char *details = st_count_scan_describe (scan);

  if (!_st_sheet_next_row (s, error))
    return FALSE;
  _st_cell_string (s, 0, st_count_scan_get_serial (scan));
  _st_cell_string (s, 1, st_scan_class_to_label (st_count_scan_get_class (scan)));
  _st_cell_string (s, 2, st_count_scan_get_sku (scan));
  _st_cell_string (s, 3, st_count_scan_get_item_name (scan));
  _st_cell_string (s, 4, details);
  if (with_time)
    _st_cell_string (s, 5, st_count_scan_get_scanned_at (scan));
  return TRUE;
}

static gboolean
write_scans (StExport     *ex,
             const char   *name,
             GPtrArray    *scans,
             gboolean      newest_first,
             GError      **error)
{
  StSheet s;
  gboolean ok;

  _st_sheet_init (&s, ex, name, scan_columns, G_N_ELEMENTS (scan_columns),
                  _st_export_get_sheet_rows ());
  ok = _st_sheet_start (&s, error);
  for (guint i = 0; ok && i < scans->len; i++)
    ok = scan_row (&s, g_ptr_array_index (scans, newest_first ? scans->len - 1 - i : i), TRUE,
                   error);
  _st_sheet_end (&s);
  _st_sheet_clear (&s);
  return ok;
}

static gboolean
write_units (StExport    *ex,
             const char  *name,
             GPtrArray   *units,
             GError     **error)
{
  StSheet s;
  gboolean ok;

  _st_sheet_init (&s, ex, name, unit_columns, G_N_ELEMENTS (unit_columns),
                  _st_export_get_sheet_rows ());
  ok = _st_sheet_start (&s, error);
  for (guint i = 0; ok && i < units->len; i++)
    {
      StUnit *unit = g_ptr_array_index (units, i);

      if (!(ok = _st_sheet_next_row (&s, error)))
        break;
      _st_cell_string (&s, 0, st_unit_get_serial (unit));
      _st_cell_string (&s, 1, st_unit_get_sku (unit));
      _st_cell_string (&s, 2, st_unit_get_item_name (unit));
      _st_cell_string (&s, 3, st_unit_status_to_label (st_unit_get_status (unit)));
      _st_cell_string (&s, 4, st_unit_get_warehouse (unit));
    }
  _st_sheet_end (&s);
  _st_sheet_clear (&s);
  return ok;
}

static gboolean
write_quantities (StExport   *ex,
                  GPtrArray  *rows,
                  GError    **error)
{
  StSheet s;
  gboolean ok;

  _st_sheet_init (&s, ex, _("Quantities"), quantity_columns, G_N_ELEMENTS (quantity_columns),
                  _st_export_get_sheet_rows ());
  ok = _st_sheet_start (&s, error);
  for (guint i = 0; ok && i < rows->len; i++)
    {
      StCountQuantity *q = g_ptr_array_index (rows, i);

      if (!(ok = _st_sheet_next_row (&s, error)))
        break;
      _st_cell_string (&s, 0, q->sku);
      _st_cell_string (&s, 1, q->item_name);
      _st_cell_count (&s, 2, q->expected);
      if (q->has_counted)
        _st_cell_count (&s, 3, q->counted);
      _st_cell_count (&s, 4, q->on_hand);
      _st_cell_count (&s, 5, q->counted - q->on_hand);
    }
  _st_sheet_end (&s);
  _st_sheet_clear (&s);
  return ok;
}

gboolean
st_export_count (StStore        *store,
                 const char     *number,
                 const char     *path,
                 gboolean        overwrite,
                 GCancellable   *cancellable,
                 StProgressFunc  progress,
                 gpointer        progress_data,
                 GError        **error)
{
  StExport ex = { 0 };
  g_autoptr(StCountReport) report = NULL;
  g_autoptr(GPtrArray) scans = NULL;
  g_autofree char *title = NULL;
  gboolean ok = FALSE;

  g_return_val_if_fail (ST_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Translators: the title of a count's workbook; %s is its number, CNT-00001 */
  title = g_strdup_printf (_("Stock count %s"), number != NULL ? number : "");
  if (!_st_export_open (&ex, store, path, overwrite, title, cancellable, progress,
                        progress_data, error))
    goto out;
  report = st_store_count_report (store, number, error);
  if (report == NULL)
    goto out;
  scans = st_store_count_recent_scans (store, number, G_MAXUINT, error);
  if (scans == NULL)
    goto out;
  ex.n_total = 10 + scans->len + report->missing->len + report->unexpected->len
               + report->moved->len + report->quantities->len;
  ok = write_summary (&ex, report, error)
       && write_units (&ex, _("Missing"), report->missing, error)
       && write_scans (&ex, _("Unexpected"), report->unexpected, FALSE, error)
       && write_units (&ex, _("Moved"), report->moved, error)
       && write_quantities (&ex, report->quantities, error)
       && write_scans (&ex, _("Scans"), scans, TRUE, error)
       && _st_export_close (&ex, error);
out:
  _st_export_clear (&ex);
  return ok;
}
