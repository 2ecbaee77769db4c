/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-xlsx-private.h — libxlsxwriter, loaded when the first export starts.
 *
 * Linking it would load it, and with it libminizip and OpenSSL's libcrypto, into every process
 * of the core at start-up: a few milliseconds that a one-shot `serialtrack-cli unit SERIAL`
 * would spend on libraries it never uses (issue 7's target: within 2× of the sqlite3 shell). */
#pragma once

#include <glib.h>
#include <xlsxwriter.h>

G_BEGIN_DECLS

/* Every libxlsxwriter function the exporter calls, with its own prototype. */
#define ST_XLSX_FUNCTIONS(F) \
  F (format_set_bold) \
  F (format_set_bottom) \
  F (format_set_font_size) \
  F (format_set_num_format) \
  F (lxw_strerror) \
  F (workbook_add_format) \
  F (workbook_add_worksheet) \
  F (workbook_close) \
  F (workbook_new_opt) \
  F (workbook_set_properties) \
  F (worksheet_autofilter) \
  F (worksheet_freeze_panes) \
  F (worksheet_fit_to_pages) \
  F (worksheet_repeat_rows) \
  F (worksheet_set_column) \
  F (worksheet_set_footer) \
  F (worksheet_set_landscape) \
  F (worksheet_write_datetime) \
  F (worksheet_write_formula_num) \
  F (worksheet_write_number) \
  F (worksheet_write_string)

typedef struct
{
#define ST_XLSX_MEMBER(name) __typeof__ (name) *name;
  ST_XLSX_FUNCTIONS (ST_XLSX_MEMBER)
#undef ST_XLSX_MEMBER
} StXlsx;

/* The loaded library (loaded once, kept for the life of the process), or NULL with a
 * clear error when it is not installed. */
const StXlsx *_st_xlsx_get (GError **error);

G_END_DECLS
