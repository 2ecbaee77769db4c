/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-currency.c — ISO 4217 codes: checked, and the locale's. */
#define G_LOG_DOMAIN "st-currency"

#include "config.h"

#include <limits.h>
#include <locale.h>
#include <string.h>
#include <glib/gi18n.h>

#include "st-currency.h"
#include "st-error.h"

static gboolean
is_code (const char *text)
{
  if (strlen (text) != 3)
    return FALSE;
  for (guint i = 0; i < 3; i++)
    if (text[i] < 'A' || text[i] > 'Z')
      return FALSE;
  return TRUE;
}

char *
st_currency_normalize (const char  *text,
                       GError     **error)
{
  g_autofree char *code = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  code = g_ascii_strup (text, -1);
  g_strstrip (code);
  if (!is_code (code))
    {
      g_set_error (error, ST_ERROR, ST_ERROR_INVALID_INPUT,
                   /* Translators: %s is what was typed as the currency; EUR and USD are
                    * examples of ISO 4217 codes, keep them */
                   _("The currency “%s” is not an ISO 4217 code: three capital letters such as "
                     "EUR or USD"), text);
      return NULL;
    }
  return g_steal_pointer (&code);
}

char *
st_currency_from_locale (void)
{
  const struct lconv *lc = localeconv ();
  g_autofree char *code = NULL;

  if (lc == NULL || lc->int_curr_symbol == NULL)
    return NULL;
  /* "EUR " — the code and the separator the locale puts after it. */
  code = g_strndup (lc->int_curr_symbol, 3);
  return is_code (code) ? g_steal_pointer (&code) : NULL;
}

gboolean
st_currency_goes_first (void)
{
  const struct lconv *lc = localeconv ();

  return lc != NULL && lc->int_p_cs_precedes == 1;
}
