/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-export-private.h — the exporter's spreadsheet writer (st-export-writer.c), shared with
 * the exports themselves (st-export.c): a workbook written safely beside its target, sheets
 * that continue on "Name (2)" … past Excel's last row, typed cells.  Nothing outside
 * src/core and its tests includes this. */
#pragma once

#include <xlsxwriter.h>

#include "st-export.h"
#include "st-store-private.h"

G_BEGIN_DECLS

/* Data rows per sheet before an export continues on "History (2)" …; 0 restores Excel's
 * limit (1,048,575).  A test hook: it reaches the sheet split without a million rows. */
void _st_export_set_sheet_rows (guint32 n_rows);
guint32 _st_export_get_sheet_rows (void);

typedef struct
{
  const char *title;   /* N_() */
  double      width;
} StExportColumn;

/* One export: the target, its temporary file, the workbook, progress and cancellation. */
typedef struct
{
  StStore        *store;
  const char     *path;
  char           *dir;
  char           *tmp_path;
  gboolean        overwrite;
  gboolean        in_transaction;

  lxw_workbook   *workbook;
  char           *heading;         /* every sheet's title row: the shop and the title */
  lxw_format     *heading_format;
  lxw_format     *header_format;
  lxw_format     *date_format;
  lxw_format     *money_format;
  lxw_format     *count_format;
  lxw_format     *total_format;
  lxw_format     *total_money_format;
  lxw_format     *total_count_format;
  lxw_error       lxw_rc;          /* the first write that failed */

  GCancellable   *cancellable;
  StProgressFunc  progress;
  gpointer        progress_data;
  gint64          n_done;
  gint64          n_total;         /* rows expected, for the progress fraction */
} StExport;

/* Checks the target (refused when it exists, unless @overwrite), reserves a temporary file
 * beside it, opens a read transaction on @store and a constant-memory workbook titled
 * @title (with its period, if it has one).  Every sheet's first row names the shop (the
 * database) and @title.  Always pair with _st_export_clear(). */
gboolean  _st_export_open          (StExport       *ex,
                                    StStore        *store,
                                    const char     *path,
                                    gboolean        overwrite,
                                    const char     *title,
                                    GCancellable   *cancellable,
                                    StProgressFunc  progress,
                                    gpointer        progress_data,
                                    GError        **error);
/* Writes the workbook and puts it in place of the target; reports progress 1.0. */
gboolean  _st_export_close         (StExport       *ex,
                                    GError        **error);
/* Ends the transaction and removes the temporary file if it is still there. */
void      _st_export_clear         (StExport       *ex);
/* ST_ERROR_CANCELLED when @cancellable is cancelled. */
gboolean  _st_export_check_cancelled (GCancellable *cancellable,
                                      GError      **error);
/* A report's period, @from to @to (ISO dates, inclusive; NULL = open end): each a valid
 * date and the start not after the end, else ST_ERROR_INVALID_INPUT (or st_date_validate()'s
 * error). */
gboolean  _st_export_check_period  (const char     *from,
                                    const char     *to,
                                    GError        **error);

/* One logical sheet, continued on "Name (2)", "Name (3)" … when it outgrows a worksheet. */
typedef struct
{
  StExport             *ex;
  const char           *name;        /* translated */
  const StExportColumn *columns;
  guint                 n_columns;
  guint32               max_rows;    /* data rows per worksheet */
  lxw_worksheet        *ws;          /* the current worksheet */
  gboolean              open;        /* @ws takes more data rows */
  guint32               row;         /* the row last written on @ws; ST_SHEET_HEADER_ROW =
                                      * the header */
  GPtrArray            *names;       /* char*: the worksheets so far */
  GArray               *n_rows;      /* guint32: data rows on each finished one */
} StSheet;

/* Each worksheet: row 0 the title (the shop and the export's title), row 1 the column
 * headings, the data from row 2 on.  (Rows count from 0, as in libxlsxwriter.) */
#define ST_SHEET_HEADER_ROW 1

void      _st_sheet_init           (StSheet              *s,
                                    StExport             *ex,
                                    const char           *name,
                                    const StExportColumn *columns,
                                    guint                 n_columns,
                                    guint32               max_rows);
void      _st_sheet_clear          (StSheet              *s);
/* A worksheet with the title row and the header row (bold, frozen, columns sized), set up
 * for an accountant's printer: landscape, one page wide (as many tall as it takes), the
 * title and header rows on every page, "Page 1 of 3" in the footer. */
gboolean  _st_sheet_start          (StSheet              *s,
                                    GError              **error);
/* Moves to the next data row (on a new worksheet when this one is full); counts it for
 * progress, looks for cancellation now and then, and reports a failed write. */
gboolean  _st_sheet_next_row       (StSheet              *s,
                                    GError              **error);
/* Puts the autofilter over the header and the data rows of the current worksheet. */
void      _st_sheet_end            (StSheet              *s);
/* Ends the data and moves to a bold totals row labelled @label below them. */
void      _st_sheet_total_row      (StSheet              *s,
                                    const char           *label);
/* In the totals row: =SUM() of column @col over the data of every worksheet of the sheet,
 * with @value (cents when @money) as its cached result. */
void      _st_sheet_sum            (StSheet              *s,
                                    guint                 col,
                                    gint64                value,
                                    gboolean              money);

/* Cells of the current row.  Text always goes in as text. */
void      _st_cell_string          (StSheet              *s,
                                    guint                 col,
                                    const char           *text);
void      _st_cell_text            (StSheet              *s,
                                    guint                 col,
                                    StStmt               *stmt,
                                    int                   i);
/* An ISO date column as a real date cell. */
void      _st_cell_date            (StSheet              *s,
                                    guint                 col,
                                    StStmt               *stmt,
                                    int                   i);
void      _st_cell_date_text       (StSheet              *s,
                                    guint                 col,
                                    const char           *iso);
void      _st_cell_money           (StSheet              *s,
                                    guint                 col,
                                    gint64                cents);
void      _st_cell_count           (StSheet              *s,
                                    guint                 col,
                                    gint64                n);

G_END_DECLS
