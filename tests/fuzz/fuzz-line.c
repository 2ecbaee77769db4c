/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The CLI's small text formats: LINE, amounts, dates. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "st-error.h"
#include "st-parse.h"
#include "st-serial.h"
#include "st-fuzz-util.h"

static void
check_line (const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StLineSpec) spec = st_line_spec_parse (text, &error);
  g_autoptr(GPtrArray) serials = NULL;

  if (spec == NULL)
    {
      st_fuzz_check_error (error);
      return;
    }

  if (spec->sku == NULL || *spec->sku == '\0')
    abort ();
  if (spec->quantity == 0 || spec->quantity > G_MAXINT32 || spec->quantity < -G_MAXINT32)
    abort ();
  if (spec->has_rate && (spec->rate < 0 || spec->rate > ST_MONEY_MAX))
    abort ();
  if (spec->has_serials != (spec->serials_text != NULL))
    abort ();

  if (spec->has_serials && spec->serials_text[0] != '@')
    {
      serials = st_serial_parse_list (spec->serials_text, 1000, &error);
      if (serials == NULL)
        st_fuzz_check_error (error);
    }
}

static void
check_money (const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *formatted = NULL;
  gint64 cents = 0, again = 0;

  if (!st_money_parse (text, "amount", &cents, &error))
    {
      st_fuzz_check_error (error);
      return;
    }

  if (cents > ST_MONEY_MAX || cents < -ST_MONEY_MAX)
    abort ();

  /* Whatever parses, formats back to text that parses to the same amount. */
  formatted = st_money_format (cents);
  if (!st_money_parse (formatted, "amount", &again, NULL) || again != cents)
    abort ();
}

static void
check_date (const char *text,
            guint       months)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *later = NULL;

  if (!st_date_validate (text, "date", &error))
    {
      st_fuzz_check_error (error);
      return;
    }

  later = st_date_add_months (text, months);
  if (later == NULL || !st_date_validate (later, "date", NULL) || strcmp (later, text) < 0)
    abort ();
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  guint months = 0;

  /* The first bytes also choose how many months to add to a valid date. */
  for (size_t i = 0; i < MIN (size, 4); i++)
    months = (months << 8) | data[i];

  check_line (text);
  check_money (text);
  check_date (text, months);
  check_date (text, months % 1200);

  return 0;
}
