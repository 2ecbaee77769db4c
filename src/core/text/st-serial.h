/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-serial.h — serial normalisation, validation, formats, and parsing of scanned/pasted text. */
#pragma once

#include <glib.h>
#include "st-types.h"

G_BEGIN_DECLS

#define ST_SERIAL_MAX_CHARS 100
#define ST_SERIAL_MAX_RANGE 100000

/* Trims leading/trailing white space and checks the rules every serial obeys:
 * valid UTF-8, not empty, no control characters, at most 100 characters.
 * Returns the trimmed serial, or NULL with ST_ERROR_INVALID_SERIAL naming it. */
char     *st_serial_normalize    (const char     *text,
                                  GError        **error);

/* The key serials are compared by (case-insensitive, NFC). Input must be normalised. */
char     *st_serial_key          (const char     *serial);

/* Checks @serial against an item's format; ST_ERROR_SERIAL_FORMAT naming it. */
gboolean  st_serial_check_format (const char     *serial,
                                  StSerialFormat  format,
                                  GError        **error);

/* TRUE when @digits (ASCII digits only) passes the Luhn check. */
gboolean  st_luhn_valid          (const char     *digits);

/* normalize + check_format in one call. */
char     *st_serial_validate     (const char     *text,
                                  StSerialFormat  format,
                                  GError        **error);

/* Splits scanned/pasted text on newline, CR, comma, tab or semicolon; trims each piece,
 * drops blank pieces. Never fails. */
GPtrArray *st_serial_split       (const char     *text);

/* TRUE when @token looks like a range "A..B". */
gboolean  st_serial_is_range     (const char     *token);

/* Expands "SN0001..SN0100" into @out (appending char*), keeping zero padding.
 * A token that is not a range is appended as it is.  ST_ERROR_RANGE for mismatched
 * prefixes, reversed ends, non-numeric ends, or more than @max_count serials. */
gboolean  st_serial_expand       (const char     *token,
                                  guint           max_count,
                                  GPtrArray      *out,
                                  GError        **error);

/* split + expand: a list of serial tokens (not yet validated) in order.  Fails on the
 * first bad range, or when the whole list grows past @max_count. */
GPtrArray *st_serial_parse_list  (const char     *text,
                                  guint           max_count,
                                  GError        **error);

/* Reads serials from a text or CSV file's contents: the first column of each row;
 * a header row (a first row whose first cell reads like "serial", "imei", "sn" …) is
 * skipped; quoted CSV cells are unquoted.  ST_ERROR_INVALID_INPUT for non-text
 * (NUL bytes, invalid UTF-8) or empty content. */
GPtrArray *st_serial_parse_csv   (const char     *contents,
                                  gsize           length,
                                  GError        **error);

G_END_DECLS
