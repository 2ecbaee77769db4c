/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-format.h — how the window shows money, dates and quantities in the user's locale. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The currency shown with money: an ISO 4217 code ("EUR"), or NULL for plain numbers.  The
 * application sets it from the active window's database (st_store_dup_currency ()). */
void        st_format_set_currency (const char *code);
const char *st_format_get_currency (void);

/* cents -> "1,234.50 EUR" (or "USD 1,234.50" where the locale writes the code first; a
 * no-break space between) with the locale's grouping and decimal point, for labels and table
 * cells; "1,234.50" without a currency.  Exact (no floating point).  The one place the window
 * formats money. */
char *st_format_money    (gint64      cents);
/* The same number without the currency: what an entry shows as an example to type. */
char *st_format_amount   (gint64      cents);
/* ISO "YYYY-MM-DD" -> the locale's date (%x); NULL or an unparsable text gives a copy or "". */
char *st_format_date     (const char *iso);
/* 1234 -> "1,234" with the locale's grouping. */
char *st_format_quantity (gint64      quantity);

G_END_DECLS
