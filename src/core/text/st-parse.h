/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-parse.h — the small text formats of the CLI and the forms: amounts, dates, LINE. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Largest amount accepted, in cents (about 92 billion units of money). */
#define ST_MONEY_MAX G_GINT64_CONSTANT (9200000000000000)

/* "12", "12.5", "12.50", "-3.10" -> cents.  Dot as decimal separator, at most two decimals,
 * no thousands separators.  ST_ERROR_INVALID_INPUT naming @field on anything else. */
gboolean  st_money_parse   (const char  *text,
                            const char  *field,
                            gint64      *cents,
                            GError     **error);

/* cents -> "12.50" / "-3.10" (C locale, for CLI and JSON). */
char     *st_money_format  (gint64       cents);

/* Validates an ISO date YYYY-MM-DD (a real calendar day, year 1900–9999).
 * ST_ERROR_INVALID_INPUT naming @field. */
gboolean  st_date_validate (const char  *text,
                            const char  *field,
                            GError     **error);

/* Today's local date, ISO. */
char     *st_date_today    (void);

/* ISO date plus @months (clamped to the month's last day). */
char     *st_date_add_months (const char *iso,
                              guint       months);

/* One LINE of the CLI: SKU:QTY[:RATE[:SERIALS]]. */
typedef struct
{
  char      *sku;
  gint64     quantity;      /* may be negative (adjustments) */
  gboolean   has_rate;
  gint64     rate;          /* cents */
  gboolean   has_serials;
  char      *serials_text;  /* raw SERIALS: "A,B,C..D" or "@FILE"; NULL without */
} StLineSpec;

/* Parses "SKU:QTY[:RATE[:SERIALS]]".  SERIALS is everything after the third colon (it may
 * itself contain colons).  QTY is a non-zero integer; RATE an amount.  Empty RATE
 * ("SKU:2::A,B") means no rate.  ST_ERROR_INVALID_INPUT naming the line and the part. */
StLineSpec *st_line_spec_parse (const char  *text,
                                GError     **error);
void        st_line_spec_free  (StLineSpec  *spec);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StLineSpec, st_line_spec_free)

G_END_DECLS
