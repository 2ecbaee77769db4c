/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-export-writer.c — the exporter's spreadsheet writer.  libxlsxwriter runs in
 * constant-memory mode (each row goes to a temporary file as soon as the next one starts), so
 * memory stays flat however many rows an export has.  The workbook is written to a temporary
 * file beside the target and put in its place only when complete: a failed or cancelled
 * export leaves nothing behind. */
#define G_LOG_DOMAIN "st-export"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "st-error.h"
#include "st-export-private.h"
#include "st-parse.h"
#include "st-xlsx-private.h"

/* libxlsxwriter, loaded by the first export (st-xlsx.c). */
static const StXlsx *xl;

/* Excel has 1,048,576 rows; the first two hold the title and the header. */
#define MAX_SHEET_ROWS  ((guint32) (LXW_ROW_MAX - 1 - ST_SHEET_HEADER_ROW))
#define PROGRESS_EVERY  10000
#define CANCEL_EVERY    1000

static guint32 sheet_rows = MAX_SHEET_ROWS;

void
_st_export_set_sheet_rows (guint32 n_rows)
{
  sheet_rows = n_rows > 1 ? MIN (n_rows, MAX_SHEET_ROWS) : MAX_SHEET_ROWS;
}

guint32
_st_export_get_sheet_rows (void)
{
  return sheet_rows;
}

/* Files. */

static const char *
display_name (const char  *path,
              char       **owned)
{
  *owned = g_filename_display_name (path);
  return *owned;
}

static gboolean
path_exists (const char *path)
{
  GStatBuf st;

  return g_lstat (path, &st) == 0;
}

static gboolean
refuse_existing (const char  *path,
                 GError     **error)
{
  g_autofree char *owned = NULL;

  g_set_error (error, ST_ERROR, ST_ERROR_DUPLICATE,
               /* Translators: %s is a file name */
               _("“%s” already exists; choose another name or allow replacing it"),
               display_name (path, &owned));
  return FALSE;
}

/* Checks the target and reserves a temporary file beside it, which also proves that the
 * folder can be written. */
static gboolean
prepare_file (StExport  *ex,
              GError   **error)
{
  g_autofree char *base = g_path_get_basename (ex->path);
  g_autofree char *tmpl = NULL;
  g_autofree char *owned = NULL;
  int fd;

  if (!ex->overwrite && path_exists (ex->path))
    return refuse_existing (ex->path, error);
  if (g_file_test (ex->path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, ST_ERROR, ST_ERROR_IO,
                   /* Translators: %s is a folder name */
                   _("“%s” is a folder; choose a file name"), display_name (ex->path, &owned));
      return FALSE;
    }

  ex->dir = g_path_get_dirname (ex->path);
  tmpl = g_strdup_printf (".%s.XXXXXX", base);
  ex->tmp_path = g_build_filename (ex->dir, tmpl, NULL);
  /* 0666 less the umask, like any new file: libxlsxwriter rewrites this one in place. */
  fd = g_mkstemp_full (ex->tmp_path, O_RDWR, 0666);
  if (fd < 0)
    {
      int saved = errno;

      g_clear_pointer (&ex->tmp_path, g_free);
      g_set_error (error, ST_ERROR, ST_ERROR_IO,
                   /* Translators: %1$s is a folder, %2$s the system's reason */
                   _("Cannot write in the folder “%1$s”: %2$s"),
                   display_name (ex->dir, &owned), g_strerror (saved));
      return FALSE;
    }
  close (fd);
  return TRUE;
}

/* Puts the finished temporary file in place.  Without @overwrite a hard link refuses a file
 * that appeared meanwhile; on file systems without hard links a check has to do. */
static gboolean
commit_file (StExport  *ex,
             GError   **error)
{
  g_autofree char *owned = NULL;
  int saved;

  if (!ex->overwrite)
    {
      if (link (ex->tmp_path, ex->path) == 0)
        {
          g_unlink (ex->tmp_path);
          g_clear_pointer (&ex->tmp_path, g_free);
          return TRUE;
        }
      if (errno == EEXIST || path_exists (ex->path))
        return refuse_existing (ex->path, error);
    }
  if (g_rename (ex->tmp_path, ex->path) == 0)
    {
      g_clear_pointer (&ex->tmp_path, g_free);
      return TRUE;
    }
  saved = errno;
  g_set_error (error, ST_ERROR, ST_ERROR_IO,
               /* Translators: %1$s is a file name, %2$s the system's reason */
               _("Cannot save “%1$s”: %2$s"), display_name (ex->path, &owned),
               g_strerror (saved));
  return FALSE;
}

/* Workbook. */

static lxw_format *
add_format (lxw_workbook *wb,
            const char   *num_format,
            gboolean      bold)
{
  lxw_format *format = xl->workbook_add_format (wb);

  if (num_format != NULL)
    xl->format_set_num_format (format, num_format);
  if (bold)
    xl->format_set_bold (format);
  return format;
}

/* The shop, as the title row names it: the database's name — a file's name without its
 * .serialtrack, or a database on a server as the window shows it. */
static char *
shop_name (StStore *store)
{
  const char *location = st_store_get_path (store);
  g_autofree char *base = NULL;

  if (st_store_location_is_server (location))
    return st_store_location_display (location);
  base = g_filename_display_basename (location);
  if (g_str_has_suffix (base, ".serialtrack") && strlen (base) > strlen (".serialtrack"))
    base[strlen (base) - strlen (".serialtrack")] = '\0';
  return g_steal_pointer (&base);
}

static gboolean
open_workbook (StExport    *ex,
               const char  *title,
               GError     **error)
{
  lxw_workbook_options options = { .constant_memory = LXW_TRUE, .tmpdir = ex->dir };
  lxw_doc_properties props = { 0 };
  g_autofree char *currency = st_store_dup_currency (ex->store);
  /* Money with the currency's code after it, quoted as text (`#,##0.00 "EUR"`): Excel and
   * LibreOffice show it whatever their language; without a currency, plain numbers. */
  g_autofree char *money = currency != NULL ? g_strdup_printf ("#,##0.00 \"%s\"", currency)
                                            : g_strdup ("#,##0.00");

  ex->workbook = xl->workbook_new_opt (ex->tmp_path, &options);
  if (ex->workbook == NULL)
    {
      g_set_error (error, ST_ERROR, ST_ERROR_IO, _("Cannot create the spreadsheet"));
      return FALSE;
    }
  ex->heading_format = add_format (ex->workbook, NULL, TRUE);
  xl->format_set_font_size (ex->heading_format, 13);
  ex->header_format = add_format (ex->workbook, NULL, TRUE);
  xl->format_set_bottom (ex->header_format, LXW_BORDER_THIN);
  ex->date_format = add_format (ex->workbook, "yyyy-mm-dd", FALSE);
  ex->money_format = add_format (ex->workbook, money, FALSE);
  ex->count_format = add_format (ex->workbook, "0", FALSE);
  ex->total_format = add_format (ex->workbook, NULL, TRUE);
  ex->total_money_format = add_format (ex->workbook, money, TRUE);
  ex->total_count_format = add_format (ex->workbook, "0", TRUE);

  props.title = (char *) title;
  props.created = time (NULL);
  if (xl->workbook_set_properties (ex->workbook, &props) != LXW_NO_ERROR)
    {
      g_set_error (error, ST_ERROR, ST_ERROR_FAILED, _("Cannot create the spreadsheet"));
      return FALSE;
    }
  return TRUE;
}

gboolean
_st_export_open (StExport        *ex,
                 StStore         *store,
                 const char      *path,
                 gboolean         overwrite,
                 const char      *title,
                 GCancellable    *cancellable,
                 StProgressFunc   progress,
                 gpointer         progress_data,
                 GError         **error)
{
  memset (ex, 0, sizeof *ex);
  if ((xl = _st_xlsx_get (error)) == NULL)
    return FALSE;
  ex->store = store;
  ex->path = path;
  ex->overwrite = overwrite;
  ex->cancellable = cancellable;
  ex->progress = progress;
  ex->progress_data = progress_data;
  {
    g_autofree char *shop = shop_name (store);

    /* Translators: the first row of every sheet of an export: %1$s is the shop (the
     * database's name), %2$s the workbook's title, like “Sold serials 2026-10-01 –
     * 2026-12-31” */
    ex->heading = g_strdup_printf (_("%1$s — %2$s"), shop, title);
  }

  if (!_st_export_check_cancelled (cancellable, error) || !prepare_file (ex, error))
    return FALSE;
  /* One read transaction: the counts and every sheet see the same snapshot. */
  if (!st_db_in_transaction (_st_store_get_db (store)))
    {
      if (!st_db_begin_read (_st_store_get_db (store), error))
        return FALSE;
      ex->in_transaction = TRUE;
    }
  return open_workbook (ex, title, error);
}

static void
end_transaction (StExport *ex)
{
  if (ex->in_transaction)
    _st_store_exec (ex->store, "COMMIT", NULL);
  ex->in_transaction = FALSE;
}

void
_st_export_clear (StExport *ex)
{
  end_transaction (ex);
  /* libxlsxwriter has no way to drop a workbook unwritten: write it, then remove it. */
  if (ex->workbook != NULL)
    xl->workbook_close (ex->workbook);
  ex->workbook = NULL;
  if (ex->tmp_path != NULL)
    g_unlink (ex->tmp_path);
  g_clear_pointer (&ex->tmp_path, g_free);
  g_clear_pointer (&ex->dir, g_free);
  g_clear_pointer (&ex->heading, g_free);
}

gboolean
_st_export_close (StExport  *ex,
                  GError   **error)
{
  lxw_error rc;

  end_transaction (ex);
  if (ex->lxw_rc != LXW_NO_ERROR)
    {
      /* Translators: %s is libxlsxwriter's description of the error */
      g_set_error (error, ST_ERROR, ST_ERROR_IO, _("Cannot write the spreadsheet: %s"),
                   xl->lxw_strerror (ex->lxw_rc));
      return FALSE;
    }
  rc = xl->workbook_close (ex->workbook);
  ex->workbook = NULL;
  if (rc != LXW_NO_ERROR)
    {
      g_autofree char *owned = NULL;

      g_set_error (error, ST_ERROR, ST_ERROR_IO,
                   /* Translators: %1$s is a file name, %2$s the library's reason (English) */
                   _("Cannot write “%1$s”: %2$s"), display_name (ex->path, &owned),
                   xl->lxw_strerror (rc));
      return FALSE;
    }
  if (!commit_file (ex, error))
    return FALSE;
  if (ex->progress != NULL)
    ex->progress (1.0, ex->progress_data);
  return TRUE;
}

gboolean
_st_export_check_cancelled (GCancellable  *cancellable,
                            GError       **error)
{
  if (!g_cancellable_is_cancelled (cancellable))
    return TRUE;
  g_set_error (error, ST_ERROR, ST_ERROR_CANCELLED, _("The export was cancelled"));
  return FALSE;
}

gboolean
_st_export_check_period (const char  *from,
                         const char  *to,
                         GError     **error)
{
  if (from != NULL && !st_date_validate (from, _("the start date"), error))
    return FALSE;
  if (to != NULL && !st_date_validate (to, _("the end date"), error))
    return FALSE;
  if (from != NULL && to != NULL && strcmp (from, to) > 0)
    {
      g_set_error (error, ST_ERROR, ST_ERROR_INVALID_INPUT,
                   /* Translators: %1$s and %2$s are dates */
                   _("The start date %1$s is after the end date %2$s"), from, to);
      return FALSE;
    }
  return TRUE;
}

static void
check (StExport  *ex,
       lxw_error  rc)
{
  if (rc != LXW_NO_ERROR && ex->lxw_rc == LXW_NO_ERROR)
    ex->lxw_rc = rc;
}

/* Counts a row; now and then reports progress and looks for cancellation. */
static gboolean
tick (StExport  *ex,
      GError   **error)
{
  ex->n_done++;
  if (ex->lxw_rc != LXW_NO_ERROR)
    {
      /* Translators: %s is libxlsxwriter's description of the error */
      g_set_error (error, ST_ERROR, ST_ERROR_IO, _("Cannot write the spreadsheet: %s"),
                   xl->lxw_strerror (ex->lxw_rc));
      return FALSE;
    }
  if (ex->n_done % CANCEL_EVERY == 0 && !_st_export_check_cancelled (ex->cancellable, error))
    return FALSE;
  if (ex->n_done % PROGRESS_EVERY == 0 && ex->progress != NULL && ex->n_total > 0)
    ex->progress (MIN ((double) ex->n_done / (double) ex->n_total, 1.0), ex->progress_data);
  return TRUE;
}

/* Sheets. */

/* Excel refuses []:*?/\ in sheet names, an apostrophe at either end, and more than 31
 * characters; a translation might bring any of them. */
static char *
clean_sheet_name (const char *text)
{
  char *clean = g_strdup (text);
  gsize len = strlen (clean);

  g_strdelimit (clean, "[]:*?/\\", '_');
  if (len > 0 && clean[0] == '\'')
    clean[0] = '_';
  if (len > 0 && clean[len - 1] == '\'')
    clean[len - 1] = '_';
  return clean;
}

/* @base for the first worksheet, "base (2)" … for its continuations, @base shortened to fit. */
static char *
sheet_name (const char *base,
            guint       index)
{
  glong keep = g_utf8_strlen (base, -1);

  for (;;)
    {
      g_autofree char *cut = g_utf8_substring (base, 0, keep);
      g_autofree char *name = index <= 1 ? g_strdup (cut)
        /* Translators: the name of a continuation sheet, like “History (2)”: %1$s the sheet
         * name, %2$u its number */
        : g_strdup_printf (_("%1$s (%2$u)"), cut, index);
      glong n = g_utf8_strlen (name, -1);

      if (n <= LXW_SHEETNAME_MAX)
        return clean_sheet_name (name);
      if (keep == 0)
        return g_strdup_printf ("%u", index);
      keep = MAX (0, keep - (n - LXW_SHEETNAME_MAX));
    }
}

void
_st_sheet_init (StSheet              *s,
                StExport             *ex,
                const char           *name,
                const StExportColumn *columns,
                guint                 n_columns,
                guint32               max_rows)
{
  memset (s, 0, sizeof *s);
  s->ex = ex;
  s->name = name;
  s->columns = columns;
  s->n_columns = n_columns;
  s->max_rows = MAX (max_rows, 1);
  s->names = g_ptr_array_new_with_free_func (g_free);
  s->n_rows = g_array_new (FALSE, FALSE, sizeof (guint32));
}

void
_st_sheet_clear (StSheet *s)
{
  g_clear_pointer (&s->names, g_ptr_array_unref);
  g_clear_pointer (&s->n_rows, g_array_unref);
}

void
_st_sheet_end (StSheet *s)
{
  guint32 n_rows;

  if (s->ws == NULL || !s->open)
    return;
  n_rows = s->row - ST_SHEET_HEADER_ROW;
  check (s->ex, xl->worksheet_autofilter (s->ws, ST_SHEET_HEADER_ROW, 0, s->row,
                                          (lxw_col_t) (s->n_columns - 1)));
  g_array_append_val (s->n_rows, n_rows);
  s->open = FALSE;
}

gboolean
_st_sheet_start (StSheet  *s,
                 GError  **error)
{
  StExport *ex = s->ex;
  char *name = sheet_name (s->name, s->names->len + 1);

  _st_sheet_end (s);
  g_ptr_array_add (s->names, name);
  s->ws = xl->workbook_add_worksheet (ex->workbook, name);
  if (s->ws == NULL)
    {
      /* Translators: %s is a sheet name */
      g_set_error (error, ST_ERROR, ST_ERROR_FAILED, _("Cannot add the sheet “%s”"), name);
      return FALSE;
    }
  s->open = TRUE;
  s->row = ST_SHEET_HEADER_ROW;
  check (ex, xl->worksheet_write_string (s->ws, 0, 0, ex->heading, ex->heading_format));
  for (guint c = 0; c < s->n_columns; c++)
    {
      check (ex, xl->worksheet_set_column (s->ws, c, c, s->columns[c].width, NULL));
      check (ex, xl->worksheet_write_string (s->ws, ST_SHEET_HEADER_ROW, c,
                                             _(s->columns[c].title), ex->header_format));
    }
  xl->worksheet_freeze_panes (s->ws, ST_SHEET_HEADER_ROW + 1, 0);

  /* Printed: across, one page wide, the title and the headings on every page. */
  xl->worksheet_set_landscape (s->ws);
  xl->worksheet_fit_to_pages (s->ws, 1, 0);
  check (ex, xl->worksheet_repeat_rows (s->ws, 0, ST_SHEET_HEADER_ROW));
  {
    /* Translators: the footer of a printed sheet, “Page 1 of 3”: keep &P (the page) and &N
     * (the number of pages) as they are; write a lone & as && */
    g_autofree char *footer = g_strconcat ("&C", _("Page &P of &N"), NULL);

    check (ex, xl->worksheet_set_footer (s->ws, footer));
  }
  return TRUE;
}

gboolean
_st_sheet_next_row (StSheet  *s,
                    GError  **error)
{
  if (!tick (s->ex, error))
    return FALSE;
  if (s->ws == NULL || !s->open || s->row - ST_SHEET_HEADER_ROW >= s->max_rows)
    {
      if (!_st_sheet_start (s, error))
        return FALSE;
    }
  s->row++;
  return TRUE;
}

void
_st_sheet_total_row (StSheet    *s,
                     const char *label)
{
  g_return_if_fail (s->ws != NULL);

  _st_sheet_end (s);
  s->row++;
  check (s->ex, xl->worksheet_write_string (s->ws, s->row, 0, label, s->ex->total_format));
}

void
_st_sheet_sum (StSheet  *s,
               guint     col,
               gint64    value,
               gboolean  money)
{
  g_autoptr(GString) formula = g_string_new ("=SUM(");
  char letter = (char) ('A' + col);
  gboolean first = TRUE;

  g_return_if_fail (col < 26);

  for (guint i = 0; i < s->n_rows->len; i++)
    {
      guint32 n = g_array_index (s->n_rows, guint32, i);

      if (n == 0)
        continue;
      if (!first)
        g_string_append_c (formula, ',');
      first = FALSE;
      if (s->names->len > 1)
        {
          g_auto(GStrv) parts = g_strsplit (g_ptr_array_index (s->names, i), "'", -1);
          g_autofree char *quoted = g_strjoinv ("''", parts);

          g_string_append_printf (formula, "'%s'!", quoted);
        }
      /* Rows in A1 notation count from 1: the data from the one below the header. */
      g_string_append_printf (formula, "%c%u:%c%u", letter, ST_SHEET_HEADER_ROW + 2, letter,
                              n + ST_SHEET_HEADER_ROW + 1);
    }
  g_string_append_c (formula, ')');
  check (s->ex, xl->worksheet_write_formula_num (s->ws, s->row, col, formula->str,
                                             money ? s->ex->total_money_format
                                                   : s->ex->total_count_format,
                                             money ? (double) value / 100.0 : (double) value));
}

/* Cells.  Text always goes through worksheet_write_string, never a guessing helper: a serial
 * like "=1+1", "+1" or "007" stays the text it is. */

void
_st_cell_string (StSheet    *s,
                 guint       col,
                 const char *text)
{
  if (text != NULL && *text != '\0')
    check (s->ex, xl->worksheet_write_string (s->ws, s->row, col, text, NULL));
}

void
_st_cell_text (StSheet      *s,
               guint         col,
               StStmt *stmt,
               int           i)
{
  _st_cell_string (s, col, st_stmt_column_text (stmt, i));
}

void
_st_cell_date (StSheet      *s,
               guint         col,
               StStmt *stmt,
               int           i)
{
  _st_cell_date_text (s, col, st_stmt_column_text (stmt, i));
}

void
_st_cell_date_text (StSheet    *s,
                    guint       col,
                    const char *text)
{
  lxw_datetime dt = { 0 };

  if (text == NULL || *text == '\0')
    return;
  if (sscanf (text, "%4d-%2d-%2d", &dt.year, &dt.month, &dt.day) == 3
      && g_date_valid_dmy (dt.day, dt.month, dt.year))
    check (s->ex, xl->worksheet_write_datetime (s->ws, s->row, col, &dt, s->ex->date_format));
  else
    _st_cell_string (s, col, text);
}

void
_st_cell_money (StSheet *s,
                guint    col,
                gint64   cents)
{
  check (s->ex, xl->worksheet_write_number (s->ws, s->row, col, (double) cents / 100.0,
                                        s->ex->money_format));
}

void
_st_cell_count (StSheet *s,
                guint    col,
                gint64   n)
{
  check (s->ex, xl->worksheet_write_number (s->ws, s->row, col, (double) n, s->ex->count_format));
}
