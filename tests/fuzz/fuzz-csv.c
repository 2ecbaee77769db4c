/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Serial import from a text or CSV file's contents, bytes as they are (NULs included). */
#include "config.h"

#include <stdlib.h>

#include "st-error.h"
#include "st-serial.h"
#include "st-fuzz-util.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GPtrArray) cells = NULL;
  g_autoptr(GError) error = NULL;

  cells = st_serial_parse_csv ((const char *) data, size, &error);
  if (cells == NULL)
    {
      st_fuzz_check_error (error);
      if (error->code != ST_ERROR_INVALID_INPUT)
        abort ();
      return 0;
    }

  if (cells->len == 0)
    abort ();

  for (guint i = 0; i < cells->len; i++)
    {
      const char *cell = g_ptr_array_index (cells, i);
      g_autoptr(GError) serial_error = NULL;
      g_autofree char *serial = NULL;

      if (*cell == '\0' || !g_utf8_validate (cell, -1, NULL))
        abort ();

      serial = st_serial_validate (cell, ST_SERIAL_FORMAT_ANY, &serial_error);
      if (serial == NULL)
        st_fuzz_check_error (serial_error);
      else
        st_fuzz_check_serial (serial);
    }

  return 0;
}
