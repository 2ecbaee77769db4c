/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-format.h — how the window shows money, dates and quantities in the user's locale. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* cents -> "1,234.50" with the locale's grouping and decimal point; exact (no floating point). */
char *st_format_money    (gint64      cents);
/* ISO "YYYY-MM-DD" -> the locale's date (%x); NULL or an unparsable text gives a copy or "". */
char *st_format_date     (const char *iso);
/* 1234 -> "1,234" with the locale's grouping. */
char *st_format_quantity (gint64      quantity);

G_END_DECLS
