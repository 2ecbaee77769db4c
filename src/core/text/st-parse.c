/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "st-parse"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "st-error.h"
#include "st-parse.h"
#include "st-serial-private.h"

typedef enum
{
  NUMBER_OK,
  NUMBER_INVALID,
  NUMBER_TOO_LARGE,
} NumberResult;

/* [-]DIGITS[.D[D]] -> cents, |cents| <= ST_MONEY_MAX. */
static NumberResult
parse_amount (const char *text,
              gint64     *cents)
{
  const char *p = text;
  gboolean negative = FALSE;
  gint64 units = 0;
  gint64 fraction = 0;
  gint64 value;

  if (*p == '-')
    {
      negative = TRUE;
      p++;
    }

  if (!g_ascii_isdigit (*p))
    return NUMBER_INVALID;

  for (; g_ascii_isdigit (*p); p++)
    {
      units = units * 10 + (*p - '0');
      if (units > ST_MONEY_MAX / 100)
        return NUMBER_TOO_LARGE;
    }

  if (*p == '.')
    {
      p++;
      if (!g_ascii_isdigit (*p))
        return NUMBER_INVALID;
      fraction = (*p++ - '0') * 10;
      if (g_ascii_isdigit (*p))
        fraction += *p++ - '0';
    }

  if (*p != '\0')
    return NUMBER_INVALID;

  value = units * 100 + fraction;
  if (value > ST_MONEY_MAX)
    return NUMBER_TOO_LARGE;

  *cents = negative ? -value : value;
  return NUMBER_OK;
}

gboolean
st_money_parse (const char  *text,
                const char  *field,
                gint64      *cents,
                GError     **error)
{
  g_autofree char *stripped = NULL;
  g_autofree char *quoted = NULL;
  gint64 value = 0;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  stripped = _st_strip (text);

  switch (parse_amount (stripped, &value))
    {
    case NUMBER_OK:
      if (cents != NULL)
        *cents = value;
      return TRUE;

    case NUMBER_INVALID:
      quoted = _st_quote (text);
      if (field != NULL)
        g_set_error (error, ST_ERROR, ST_ERROR_INVALID_INPUT,
                     /* Translators: the first %s is what was typed, the second the field
                      * (like “price” or “--cost”); keep the example amount as it is */
                     _("Invalid amount “%1$s” for %2$s: use digits with at most two decimals, "
                       "like 12.50"),
                     quoted, field);
      else
        g_set_error (error, ST_ERROR, ST_ERROR_INVALID_INPUT,
                     /* Translators: %s is what was typed; keep the example amount as it is */
                     _("Invalid amount “%s”: use digits with at most two decimals, like 12.50"),
                     quoted);
      return FALSE;

    case NUMBER_TOO_LARGE:
    default:
      quoted = _st_quote (text);
      if (field != NULL)
        g_set_error (error, ST_ERROR, ST_ERROR_INVALID_INPUT,
                     /* Translators: the first %s is what was typed, the second the field */
                     _("Amount “%1$s” for %2$s is too large"),
                     quoted, field);
      else
        g_set_error (error, ST_ERROR, ST_ERROR_INVALID_INPUT,
                     /* Translators: %s is what was typed */
                     _("Amount “%s” is too large"),
                     quoted);
      return FALSE;
    }
}

char *
st_money_format (gint64 cents)
{
  guint64 magnitude = cents < 0 ? (guint64) 0 - (guint64) cents : (guint64) cents;

  return g_strdup_printf ("%s%" G_GUINT64_FORMAT ".%02u",
                          cents < 0 ? "-" : "",
                          magnitude / 100,
                          (guint) (magnitude % 100));
}

/* Exactly YYYY-MM-DD, a real day of the years 1900–9999. */
static gboolean
parse_iso_date (const char *text,
                GDate      *date)
{
  guint year, month, day;

  if (strlen (text) != 10)
    return FALSE;

  for (guint i = 0; i < 10; i++)
    {
      if (i == 4 || i == 7)
        {
          if (text[i] != '-')
            return FALSE;
        }
      else if (!g_ascii_isdigit (text[i]))
        {
          return FALSE;
        }
    }

  year = (guint) g_ascii_strtoull (text, NULL, 10);
  month = (guint) g_ascii_strtoull (text + 5, NULL, 10);
  day = (guint) g_ascii_strtoull (text + 8, NULL, 10);

  if (year < 1900 || year > 9999 ||
      !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return FALSE;

  if (date != NULL)
    g_date_set_dmy (date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);

  return TRUE;
}

gboolean
st_date_validate (const char  *text,
                  const char  *field,
                  GError     **error)
{
  g_autofree char *quoted = NULL;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (parse_iso_date (text, NULL))
    return TRUE;

  quoted = _st_quote (text);
  if (field != NULL)
    g_set_error (error, ST_ERROR, ST_ERROR_INVALID_INPUT,
                 /* Translators: the first %s is what was typed, the second the field (like
                  * “date” or “--from”); keep YYYY-MM-DD and the example date as they are */
                 _("Invalid date “%1$s” for %2$s: use a real day written YYYY-MM-DD, "
                   "like 2024-03-31"),
                 quoted, field);
  else
    g_set_error (error, ST_ERROR, ST_ERROR_INVALID_INPUT,
                 /* Translators: %s is what was typed; keep YYYY-MM-DD and the example as
                  * they are */
                 _("Invalid date “%s”: use a real day written YYYY-MM-DD, like 2024-03-31"),
                 quoted);
  return FALSE;
}

char *
st_date_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

/* The end of the supported calendar stands for "forever" (a 1000-year warranty). */
char *
st_date_add_months (const char *iso,
                    guint       months)
{
  GDate date;
  guint64 month_index;

  g_return_val_if_fail (iso != NULL, NULL);

  g_date_clear (&date, 1);
  if (!parse_iso_date (iso, &date))
    {
      g_critical ("%s: not an ISO date: %s", G_STRFUNC, iso);
      return NULL;
    }

  month_index = (guint64) g_date_get_year (&date) * 12 + (g_date_get_month (&date) - 1) + months;
  if (month_index / 12 > 9999)
    return g_strdup ("9999-12-31");

  /* GDate clamps the day to the last day of the target month (01-31 + 1 → 02-28/29). */
  g_date_add_months (&date, months);

  return g_strdup_printf ("%04u-%02u-%02u",
                          (guint) g_date_get_year (&date),
                          (guint) g_date_get_month (&date),
                          (guint) g_date_get_day (&date));
}

/* [+|-]DIGITS within the int32 range. */
static NumberResult
parse_quantity (const char *text,
                gint64     *quantity)
{
  const char *p = text;
  gboolean negative = FALSE;
  gboolean too_large = FALSE;
  gint64 value = 0;

  if (*p == '-' || *p == '+')
    {
      negative = (*p == '-');
      p++;
    }

  if (*p == '\0')
    return NUMBER_INVALID;

  /* Read to the end even past the limit: "99999999999x" is not a number at all. */
  for (; *p != '\0'; p++)
    {
      if (!g_ascii_isdigit (*p))
        return NUMBER_INVALID;
      if (!too_large)
        value = value * 10 + (*p - '0');
      if (value > G_MAXINT32)
        too_large = TRUE;
    }

  if (too_large)
    return NUMBER_TOO_LARGE;

  *quantity = negative ? -value : value;
  return NUMBER_OK;
}

StLineSpec *
st_line_spec_parse (const char  *text,
                    GError     **error)
{
  g_autoptr(StLineSpec) spec = NULL;
  g_auto(GStrv) parts = NULL;
  g_autofree char *line = NULL;
  g_autofree char *quantity = NULL;
  g_autofree char *part = NULL;
  guint n_parts;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* The line as error messages name it: one line, cut when long, never invalid UTF-8. */
  line = _st_quote (text);

  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, ST_ERROR, ST_ERROR_INVALID_INPUT,
                   /* Translators: %s is the LINE as typed (SKU:QTY:RATE:SERIALS) */
                   _("Invalid line “%s”: it is not valid UTF-8 text"),
                   line);
      return NULL;
    }

  /* At most four parts: the serials may contain colons of their own. */
  parts = g_strsplit (text, ":", 4);
  n_parts = g_strv_length (parts);

  spec = g_new0 (StLineSpec, 1);
  spec->sku = _st_strip (n_parts > 0 ? parts[0] : "");
  if (*spec->sku == '\0')
    {
      g_set_error (error, ST_ERROR, ST_ERROR_INVALID_INPUT,
                   /* Translators: %s is the LINE as typed; keep SKU:QTY… as it is */
                   _("Invalid line “%s”: the SKU is empty; use SKU:QTY[:RATE[:SERIALS]]"),
                   line);
      return NULL;
    }

  quantity = _st_strip (n_parts > 1 ? parts[1] : "");
  if (*quantity == '\0')
    {
      g_set_error (error, ST_ERROR, ST_ERROR_INVALID_INPUT,
                   /* Translators: %s is the LINE as typed; keep SKU:QTY… as it is */
                   _("Invalid line “%s”: the quantity is missing; use SKU:QTY[:RATE[:SERIALS]]"),
                   line);
      return NULL;
    }

  switch (parse_quantity (quantity, &spec->quantity))
    {
    case NUMBER_OK:
      break;

    case NUMBER_INVALID:
      part = _st_quote (quantity);
      g_set_error (error, ST_ERROR, ST_ERROR_INVALID_INPUT,
                   /* Translators: the first %s is the LINE as typed, the second its quantity */
                   _("Invalid line “%1$s”: the quantity “%2$s” is not a whole number"),
                   line, part);
      return NULL;

    case NUMBER_TOO_LARGE:
    default:
      part = _st_quote (quantity);
      g_set_error (error, ST_ERROR, ST_ERROR_INVALID_INPUT,
                   /* Translators: the first %s is the LINE as typed, the second its quantity */
                   _("Invalid line “%1$s”: the quantity “%2$s” is too large"),
                   line, part);
      return NULL;
    }

  if (spec->quantity == 0)
    {
      g_set_error (error, ST_ERROR, ST_ERROR_INVALID_INPUT,
                   /* Translators: %s is the LINE as typed */
                   _("Invalid line “%s”: the quantity must not be 0"),
                   line);
      return NULL;
    }

  if (n_parts > 2)
    {
      g_autofree char *rate = _st_strip (parts[2]);

      if (*rate != '\0' && !st_money_parse (rate, NULL, &spec->rate, NULL))
        {
          part = _st_quote (rate);
          g_set_error (error, ST_ERROR, ST_ERROR_INVALID_INPUT,
                       /* Translators: the first %s is the LINE as typed, the second its
                        * rate; keep the example amount as it is */
                       _("Invalid line “%1$s”: the rate “%2$s” is not an amount with at most two "
                         "decimals, like 12.50"),
                       line, part);
          return NULL;
        }
      if (*rate != '\0' && spec->rate < 0)
        {
          part = _st_quote (rate);
          g_set_error (error, ST_ERROR, ST_ERROR_INVALID_INPUT,
                       /* Translators: the first %s is the LINE as typed, the second its rate */
                       _("Invalid line “%1$s”: the rate “%2$s” must not be negative"),
                       line, part);
          return NULL;
        }
      spec->has_rate = (*rate != '\0');
    }

  if (n_parts > 3)
    {
      spec->has_serials = TRUE;
      spec->serials_text = g_strdup (parts[3]);
    }

  return g_steal_pointer (&spec);
}

void
st_line_spec_free (StLineSpec *spec)
{
  if (spec == NULL)
    return;

  g_free (spec->sku);
  g_free (spec->serials_text);
  g_free (spec);
}
