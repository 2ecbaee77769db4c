/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-serial-private.h — text helpers shared by the core's parsers (implemented in st-serial.c). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Longest text (in characters) quoted whole in an error message; longer text is cut with "…". */
#define _ST_QUOTE_MAX_CHARS 48

/* Makes any text (even invalid UTF-8) safe to put inside a one-line message: invalid bytes
 * become U+FFFD, control characters and line separators are escaped (\n, \t, \x01, \u2028),
 * and long text is cut with an ellipsis. */
char *_st_quote        (const char *text);

/* Copies @text without its leading and trailing white space: Unicode white space (also
 * zero-width space and BOM) when @text is valid UTF-8, only ASCII white space otherwise. */
char *_st_strip        (const char *text);

G_END_DECLS
