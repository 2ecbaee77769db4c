/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-sold-report-dialog.h — "Sold Serials Report…": asks for a date range, then hands over to
 * the export (file chooser, progress, toast). */
#pragma once

#include <gtk/gtk.h>
#include "st-store.h"

G_BEGIN_DECLS

#define ST_TYPE_SOLD_REPORT_DIALOG (st_sold_report_dialog_get_type ())
G_DECLARE_FINAL_TYPE (StSoldReportDialog, st_sold_report_dialog, ST, SOLD_REPORT_DIALOG,
                      GtkWindow)

/* The period choices of the dialog's drop-down, in its order. */
typedef enum
{
  ST_PERIOD_THIS_MONTH,     /* the first of the month to today */
  ST_PERIOD_LAST_MONTH,
  ST_PERIOD_THIS_QUARTER,   /* the quarter's first day to today */
  ST_PERIOD_LAST_QUARTER,
  ST_PERIOD_THIS_YEAR,      /* 1 January to today */
  ST_PERIOD_CUSTOM,         /* the dates as typed */
} StPeriod;

/* Starts with this month so far. */
StSoldReportDialog *st_sold_report_dialog_new       (GtkWindow           *parent,
                                                     StStore             *store);
/* The range typed, checked: ISO dates, NULL for an empty entry (no limit on that side).
 * ST_ERROR_INVALID_INPUT for a date that is not one, or a start after the end. */
gboolean            st_sold_report_dialog_get_range (StSoldReportDialog  *self,
                                                     char               **from,
                                                     char               **to,
                                                     GError             **error);
/* The first and last day of @period as seen on @today (ISO); NULL for ST_PERIOD_CUSTOM or a
 * @today that is not a date. */
void                st_sold_report_period           (const char          *today,
                                                     StPeriod             period,
                                                     char               **from,
                                                     char               **to);
/* The first and last day of the quarter before the one @today (ISO) is in. */
void                st_sold_report_previous_quarter (const char          *today,
                                                     char               **from,
                                                     char               **to);

G_END_DECLS
