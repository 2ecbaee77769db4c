/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Scanned or pasted serial text: split, ranges, validation in every format. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "st-error.h"
#include "st-serial.h"
#include "st-fuzz-util.h"

/* Small enough to keep the fuzzer fast; the limit logic is the same at 100,000. */
#define MAX_COUNT 1000

static void
check_token (const char *token)
{
  for (StSerialFormat format = ST_SERIAL_FORMAT_ANY; format <= ST_SERIAL_FORMAT_IMEI; format++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *serial = st_serial_validate (token, format, &error);

      if (serial == NULL)
        {
          st_fuzz_check_error (error);
          continue;
        }

      st_fuzz_check_serial (serial);
      if (format == ST_SERIAL_FORMAT_IMEI && (strlen (serial) != 15 || !st_luhn_valid (serial)))
        abort ();
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autoptr(GPtrArray) pieces = NULL;
  g_autoptr(GPtrArray) serials = NULL;
  g_autoptr(GError) error = NULL;

  pieces = st_serial_split (text);
  for (guint i = 0; i < pieces->len; i++)
    {
      const char *piece = g_ptr_array_index (pieces, i);

      if (*piece == '\0' || strpbrk (piece, "\n\r,\t;") != NULL)
        abort ();
      (void) st_serial_is_range (piece);
    }

  (void) st_luhn_valid (text);

  serials = st_serial_parse_list (text, MAX_COUNT, &error);
  if (serials == NULL)
    {
      st_fuzz_check_error (error);
      return 0;
    }

  if (serials->len > MAX_COUNT || serials->len < pieces->len)
    abort ();

  for (guint i = 0; i < serials->len; i++)
    check_token (g_ptr_array_index (serials, i));

  return 0;
}
