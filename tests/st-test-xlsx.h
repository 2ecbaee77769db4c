/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-test-xlsx.h — a workbook read back as an accountant's tools read it: tests/core/read-xlsx.py
 * (openpyxl plus the sheet XML), found through $ST_READ_XLSX, which every test environment in
 * tests/ sets.  Header-only, for the core, CLI, app, po and reliability tests alike. */
#pragma once

#include <string.h>
#include <glib.h>

/* The lines read-xlsx.py prints for @path ("sheet\tNAME", "row\tN\tCELL…", …), with
 * --summary when @summary; the trailing newline dropped. */
static inline GStrv
st_test_read_xlsx (const char *path,
                   gboolean    summary)
{
  const char *script = g_getenv ("ST_READ_XLSX");
  const char *argv[] = { "/usr/bin/python3", script, summary ? "--summary" : path,
                         summary ? path : NULL, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_assert_nonnull (script);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status,
                &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("read-xlsx.py %s failed:\n%s", path, err);
  g_strchomp (out);
  return g_strsplit (out, "\n", -1);
}

/* The cells of column @column (1 = A) of the sheet @sheet in @path, below its heading row
 * (the row above the frozen pane: row 2, below the title row). */
static inline GPtrArray *
st_test_xlsx_column (const char *path,
                     const char *sheet,
                     guint       column)
{
  g_auto(GStrv) lines = st_test_read_xlsx (path, FALSE);
  GPtrArray *cells_out = g_ptr_array_new_with_free_func (g_free);
  gboolean in_sheet = FALSE;
  guint64 header_row = 1;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) cells = g_strsplit (lines[i], "\t", -1);

      if (cells[0] == NULL || cells[1] == NULL)
        continue;
      if (g_str_equal (cells[0], "sheet"))
        {
          in_sheet = g_strcmp0 (cells[1], sheet) == 0;
          header_row = 1;
        }
      else if (in_sheet && g_str_equal (cells[0], "freeze") && cells[1][0] != '-')
        {
          const char *digits = cells[1] + strspn (cells[1], "ABCDEFGHIJKLMNOPQRSTUVWXYZ");

          header_row = MAX (g_ascii_strtoull (digits, NULL, 10), 2) - 1;
        }
      else if (in_sheet && g_str_equal (cells[0], "row")
               && g_ascii_strtoull (cells[1], NULL, 10) > header_row
               && g_strv_length (cells) > column + 1)
        g_ptr_array_add (cells_out, g_strdup (cells[column + 1]));
    }
  return cells_out;
}
