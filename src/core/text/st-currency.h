/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-currency.h — the currency of money columns: an ISO 4217 code ("EUR", "USD"), checked,
 * taken from the locale when the database sets none, and written after (or before) amounts. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* @text (spaces around it ignored, small letters taken as capitals: "eur" is EUR) as an ISO
 * 4217 code of three capital letters A–Z, newly allocated; NULL with ST_ERROR_INVALID_INPUT
 * naming the currency for anything else ("EURO", "eu", "€"). */
char     *st_currency_normalize      (const char  *text,
                                      GError     **error);
/* The code of the LC_MONETARY locale (localeconv's int_curr_symbol, trimmed): "EUR" under
 * de_DE, "USD" under en_US; NULL where the locale gives none (C, POSIX). */
char     *st_currency_from_locale    (void);
/* Whether the locale writes the code before positive amounts ("USD 1,234.50"); after
 * ("1.234,50 EUR") where it says so or does not say. */
gboolean  st_currency_goes_first     (void);

G_END_DECLS
