/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "st-format"

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <langinfo.h>

#include "st-currency.h"
#include "st-format.h"

/* The integer part goes through printf's ' flag (the locale's thousands grouping); the cents
 * are appended after the locale's radix character.  No double is ever involved, so 0.29 stays
 * 0.29 at any magnitude. */
static char *
format_grouped (guint64 value)
{
  char buf[64];

  snprintf (buf, sizeof buf, "%'" G_GUINT64_FORMAT, value);
  return g_strdup (buf);
}

static char *currency;

void
st_format_set_currency (const char *code)
{
  g_free (currency);
  currency = code != NULL && *code != '\0' ? g_strdup (code) : NULL;
}

const char *
st_format_get_currency (void)
{
  return currency;
}

char *
st_format_money (gint64 cents)
{
  g_autofree char *amount = st_format_amount (cents);

  if (currency == NULL)
    return g_steal_pointer (&amount);
  /* A no-break space: the code never wraps away from its amount. */
  return st_currency_goes_first () ? g_strdup_printf ("%s\u00a0%s", currency, amount)
                                   : g_strdup_printf ("%s\u00a0%s", amount, currency);
}

char *
st_format_amount (gint64 cents)
{
  g_autofree char *whole = NULL;
  const char *radix;
  guint64 magnitude;

  /* Negate as unsigned: G_MININT64 has no positive counterpart. */
  magnitude = cents < 0 ? (guint64) 0 - (guint64) cents : (guint64) cents;
  whole = format_grouped (magnitude / 100);

  radix = nl_langinfo (RADIXCHAR);
  if (radix == NULL || *radix == '\0')
    radix = ".";

  return g_strdup_printf ("%s%s%s%02u",
                          cents < 0 ? "-" : "",
                          whole,
                          radix,
                          (guint) (magnitude % 100));
}

char *
st_format_quantity (gint64 quantity)
{
  g_autofree char *whole = NULL;
  guint64 magnitude;

  magnitude = quantity < 0 ? (guint64) 0 - (guint64) quantity : (guint64) quantity;
  whole = format_grouped (magnitude);

  return g_strdup_printf ("%s%s", quantity < 0 ? "-" : "", whole);
}

static gboolean
uses_c_time_locale (void)
{
  const char *name = setlocale (LC_TIME, NULL);

  return name == NULL || g_str_equal (name, "C") || g_str_equal (name, "POSIX")
         || g_str_has_prefix (name, "C.");
}

char *
st_format_date (const char *iso)
{
  g_autoptr(GDateTime) dt = NULL;
  int year, month, day;
  char tail;

  if (iso == NULL)
    return g_strdup ("");

  if (sscanf (iso, "%4d-%2d-%2d%c", &year, &month, &day, &tail) != 3)
    return g_strdup (iso);

  /* A calendar date, not an instant: UTC spares the local time zone's lookup, which cost
   * more than the rest of a row when a list scrolls. */
  dt = g_date_time_new_utc (year, month, day, 12, 0, 0);
  if (dt == NULL)
    return g_strdup (iso);

  /* The C locale's %x is "11/26/26": ambiguous and with a two-digit year.  Without a real
   * locale, show the ISO date the user typed. */
  if (uses_c_time_locale ())
    return g_strdup (iso);
  return g_date_time_format (dt, "%x");
}
