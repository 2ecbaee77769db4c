/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "st-error.h"
#include "st-serial.h"
#include "st-fuzz-util.h"

/* Messages quote at most a few dozen characters of the input. */
#define MAX_MESSAGE_BYTES 1024

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  /* A g_return_if_fail() hit or a warning is a bug the fuzzer must report. */
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  return 0;
}

void
st_fuzz_check_error (const GError *error)
{
  if (error == NULL || error->domain != ST_ERROR)
    abort ();
  if (!g_utf8_validate (error->message, -1, NULL))
    abort ();
  if (strchr (error->message, '\n') != NULL || strchr (error->message, '\r') != NULL)
    abort ();
  if (strlen (error->message) > MAX_MESSAGE_BYTES)
    abort ();
}

void
st_fuzz_check_serial (const char *serial)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *again = NULL;
  g_autofree char *key = NULL;

  if (*serial == '\0' || !g_utf8_validate (serial, -1, NULL))
    abort ();
  if (g_utf8_strlen (serial, -1) > ST_SERIAL_MAX_CHARS)
    abort ();
  for (const char *p = serial; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (g_unichar_type (g_utf8_get_char (p)) == G_UNICODE_CONTROL)
        abort ();
    }

  /* Normalising is idempotent, and every valid serial has a key. */
  again = st_serial_normalize (serial, &error);
  if (again == NULL || strcmp (again, serial) != 0)
    abort ();
  key = st_serial_key (serial);
  if (key == NULL || !g_utf8_validate (key, -1, NULL))
    abort ();
}
