/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "st-serial"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "st-error.h"
#include "st-serial.h"
#include "st-serial-private.h"

#define SPLIT_SEPARATORS "\n\r,\t;"
#define CSV_DELIMITERS   ",;\t"
#define UTF8_BOM         "\xEF\xBB\xBF"

/* Invisible characters a scanner, a web page or a spreadsheet may leave around a serial. */
static gboolean
is_trimmable (gunichar c)
{
  return g_unichar_isspace (c) || c == 0x200B /* zero-width space */ || c == 0xFEFF /* BOM */;
}

/* Cc, plus the Unicode line and paragraph separators: nothing that breaks a line may stand
 * inside a serial. */
static gboolean
is_control (gunichar c)
{
  return g_unichar_type (c) == G_UNICODE_CONTROL || c == 0x2028 || c == 0x2029;
}

static gboolean
is_ascii_digits (const char *text)
{
  if (*text == '\0')
    return FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (!g_ascii_isdigit (*p))
        return FALSE;
    }

  return TRUE;
}

char *
_st_strip (const char *text)
{
  const char *start = text;
  const char *end;

  g_return_val_if_fail (text != NULL, NULL);

  if (!g_utf8_validate (text, -1, NULL))
    return g_strstrip (g_strdup (text));

  while (*start != '\0' && is_trimmable (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);

  end = start + strlen (start);
  while (end > start)
    {
      const char *prev = g_utf8_find_prev_char (start, end);

      if (prev == NULL || !is_trimmable (g_utf8_get_char (prev)))
        break;
      end = prev;
    }

  return g_strndup (start, end - start);
}

char *
_st_quote (const char *text)
{
  g_autofree char *valid = NULL;
  GString *quoted;
  guint n_chars = 0;

  g_return_val_if_fail (text != NULL, NULL);

  valid = g_utf8_make_valid (text, -1);
  quoted = g_string_new (NULL);

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (n_chars == _ST_QUOTE_MAX_CHARS)
        {
          g_string_append (quoted, "…");
          break;
        }
      n_chars++;

      if (c == '\n')
        g_string_append (quoted, "\\n");
      else if (c == '\r')
        g_string_append (quoted, "\\r");
      else if (c == '\t')
        g_string_append (quoted, "\\t");
      else if (is_control (c) && c < 0x100)
        g_string_append_printf (quoted, "\\x%02X", c);
      else if (is_control (c))
        g_string_append_printf (quoted, "\\u%04X", c);
      else
        g_string_append_unichar (quoted, c);
    }

  return g_string_free (quoted, FALSE);
}

char *
st_serial_normalize (const char  *text,
                     GError     **error)
{
  g_autofree char *serial = NULL;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!g_utf8_validate (text, -1, NULL))
    {
      g_autofree char *quoted = _st_quote (text);

      g_set_error (error, ST_ERROR, ST_ERROR_INVALID_SERIAL,
                   /* Translators: %s is the serial, its invalid bytes shown as � */
                   _("Serial “%s” is not valid UTF-8 text"), quoted);
      return NULL;
    }

  serial = _st_strip (text);

  if (*serial == '\0')
    {
      g_set_error_literal (error, ST_ERROR, ST_ERROR_INVALID_SERIAL, _("A serial is empty"));
      return NULL;
    }

  for (const char *p = serial; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (is_control (g_utf8_get_char (p)))
        {
          g_autofree char *quoted = _st_quote (serial);

          g_set_error (error, ST_ERROR, ST_ERROR_INVALID_SERIAL,
                       /* Translators: %s is the serial, its control characters escaped (\t) */
                       _("Serial “%s” contains a control character"), quoted);
          return NULL;
        }
    }

  if (g_utf8_strlen (serial, -1) > ST_SERIAL_MAX_CHARS)
    {
      g_autofree char *quoted = _st_quote (serial);

      g_set_error (error, ST_ERROR, ST_ERROR_INVALID_SERIAL,
                   /* Translators: %s is the start of the serial, %d the limit (100) */
                   ngettext ("Serial “%1$s” is longer than %2$d character",
                             "Serial “%1$s” is longer than %2$d characters",
                             ST_SERIAL_MAX_CHARS),
                   quoted, ST_SERIAL_MAX_CHARS);
      return NULL;
    }

  return g_steal_pointer (&serial);
}

char *
st_serial_key (const char *serial)
{
  g_autofree char *composed = NULL;

  g_return_val_if_fail (serial != NULL, NULL);
  g_return_val_if_fail (g_utf8_validate (serial, -1, NULL), NULL);

  composed = g_utf8_normalize (serial, -1, G_NORMALIZE_NFC);
  return g_utf8_casefold (composed, -1);
}

gboolean
st_luhn_valid (const char *digits)
{
  gsize len;
  guint sum = 0;

  g_return_val_if_fail (digits != NULL, FALSE);

  len = strlen (digits);
  if (len == 0)
    return FALSE;

  /* From the right: the check digit as it is, every second digit doubled. */
  for (gsize i = 0; i < len; i++)
    {
      char ch = digits[len - 1 - i];
      guint d;

      if (!g_ascii_isdigit (ch))
        return FALSE;

      d = (guint) (ch - '0');
      if (i % 2 == 1)
        {
          d *= 2;
          if (d > 9)
            d -= 9;
        }
      sum = (sum + d) % 10;
    }

  return sum == 0;
}

gboolean
st_serial_check_format (const char      *serial,
                        StSerialFormat   format,
                        GError         **error)
{
  g_autofree char *quoted = NULL;

  g_return_val_if_fail (serial != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  switch (format)
    {
    case ST_SERIAL_FORMAT_ANY:
      return TRUE;

    case ST_SERIAL_FORMAT_DIGITS:
      if (is_ascii_digits (serial))
        return TRUE;

      quoted = _st_quote (serial);
      g_set_error (error, ST_ERROR, ST_ERROR_SERIAL_FORMAT,
                   /* Translators: %s is the serial; the item accepts only 0–9 */
                   _("Serial “%s” must contain digits only"), quoted);
      return FALSE;

    case ST_SERIAL_FORMAT_IMEI:
      if (strlen (serial) != 15 || !is_ascii_digits (serial))
        {
          quoted = _st_quote (serial);
          g_set_error (error, ST_ERROR, ST_ERROR_SERIAL_FORMAT,
                       /* Translators: %s is the serial */
                       _("Serial “%s” is not an IMEI: an IMEI has exactly 15 digits"), quoted);
          return FALSE;
        }
      if (!st_luhn_valid (serial))
        {
          quoted = _st_quote (serial);
          g_set_error (error, ST_ERROR, ST_ERROR_SERIAL_FORMAT,
                       /* Translators: %s is the serial; the last digit of an IMEI is a
                        * (Luhn) check digit computed from the others */
                       _("Serial “%s” has a wrong IMEI check digit"), quoted);
          return FALSE;
        }
      return TRUE;

    default:
      g_return_val_if_reached (FALSE);
    }
}

char *
st_serial_validate (const char      *text,
                    StSerialFormat   format,
                    GError         **error)
{
  g_autofree char *serial = NULL;

  serial = st_serial_normalize (text, error);
  if (serial == NULL)
    return NULL;

  if (!st_serial_check_format (serial, format, error))
    return NULL;

  return g_steal_pointer (&serial);
}

static void
add_stripped (GPtrArray  *pieces,
              const char *start,
              gsize       length)
{
  g_autofree char *piece = g_strndup (start, length);
  char *stripped = _st_strip (piece);

  if (*stripped != '\0')
    g_ptr_array_add (pieces, stripped);
  else
    g_free (stripped);
}

GPtrArray *
st_serial_split (const char *text)
{
  GPtrArray *pieces;
  const char *start;

  g_return_val_if_fail (text != NULL, NULL);

  pieces = g_ptr_array_new_with_free_func (g_free);
  start = text;

  for (const char *p = text; ; p++)
    {
      if (*p != '\0' && strchr (SPLIT_SEPARATORS, *p) == NULL)
        continue;

      add_stripped (pieces, start, p - start);

      if (*p == '\0')
        break;
      start = p + 1;
    }

  return pieces;
}

gboolean
st_serial_is_range (const char *token)
{
  g_return_val_if_fail (token != NULL, FALSE);

  return strstr (token, "..") != NULL;
}

/* The numeric suffix of a range end is its trailing run of ASCII digits. */
static gsize
count_trailing_digits (const char *text)
{
  gsize len = strlen (text);
  gsize n = 0;

  while (n < len && g_ascii_isdigit (text[len - 1 - n]))
    n++;

  return n;
}

static void
set_range_error (GError     **error,
                 const char  *format,
                 const char  *token)
{
  g_autofree char *quoted = _st_quote (token);

  g_set_error (error, ST_ERROR, ST_ERROR_RANGE, format, quoted);
}

/* Expands "SN0001..SN0100": the two ends share their text up to a trailing run of digits,
 * which counts up.  Zero padding: ends of equal width keep that width (SN0001..SN0100);
 * ends of different widths are padded to the start's width only when the start has a
 * leading zero (SN01..SN100 → SN01 … SN99, SN100), and not at all otherwise
 * (SN1..SN10 → SN1 … SN10). */
gboolean
st_serial_expand (const char  *token,
                  guint        max_count,
                  GPtrArray   *out,
                  GError     **error)
{
  g_autofree char *raw_first = NULL;
  g_autofree char *first_text = NULL;
  g_autofree char *last_text = NULL;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  g_autofree char *prefix = NULL;
  const char *dots;
  gsize first_digits, last_digits;
  gsize prefix_len;
  guint64 from, to;
  int width;

  g_return_val_if_fail (token != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  dots = strstr (token, "..");
  if (dots == NULL)
    {
      g_ptr_array_add (out, g_strdup (token));
      return TRUE;
    }

  raw_first = g_strndup (token, dots - token);
  first_text = _st_strip (raw_first);
  last_text = _st_strip (dots + 2);

  if (*first_text == '\0' || *last_text == '\0')
    {
      set_range_error (error,
                       /* Translators: %s is what was typed */
                       _("Range “%s” needs a start and an end, like SN0001..SN0100"),
                       token);
      return FALSE;
    }

  /* Both ends must be acceptable serials themselves. */
  first = st_serial_normalize (first_text, error);
  if (first == NULL)
    return FALSE;
  last = st_serial_normalize (last_text, error);
  if (last == NULL)
    return FALSE;

  first_digits = count_trailing_digits (first);
  last_digits = count_trailing_digits (last);
  if (first_digits == 0 || last_digits == 0)
    {
      set_range_error (error,
                       /* Translators: %s is what was typed */
                       _("Range “%s”: both ends must end in digits, like SN0001..SN0100"),
                       token);
      return FALSE;
    }

  prefix_len = strlen (first) - first_digits;
  if (prefix_len != strlen (last) - last_digits || strncmp (first, last, prefix_len) != 0)
    {
      set_range_error (error,
                       /* Translators: %s is what was typed, like AB01..CD10 */
                       _("Range “%s”: both ends must start with the same text"),
                       token);
      return FALSE;
    }

  if (!g_ascii_string_to_unsigned (first + prefix_len, 10, 0, G_MAXUINT64, &from, NULL) ||
      !g_ascii_string_to_unsigned (last + prefix_len, 10, 0, G_MAXUINT64, &to, NULL))
    {
      set_range_error (error,
                       /* Translators: %s is what was typed */
                       _("Range “%s”: its numbers are too large"),
                       token);
      return FALSE;
    }

  if (from > to)
    {
      set_range_error (error,
                       /* Translators: %s is what was typed, like SN10..SN1 */
                       _("Range “%s” is reversed: its start comes after its end"),
                       token);
      return FALSE;
    }

  if (to - from >= max_count)
    {
      g_autofree char *quoted = _st_quote (token);

      g_set_error (error, ST_ERROR, ST_ERROR_RANGE,
                   /* Translators: %s is the range, %u the largest number of serials allowed */
                   ngettext ("Range “%1$s” has more than %2$u serial",
                             "Range “%1$s” has more than %2$u serials",
                             max_count),
                   quoted, max_count);
      return FALSE;
    }

  if (first_digits == last_digits)
    width = (int) first_digits;
  else if (first[prefix_len] == '0')
    width = (int) first_digits;
  else
    width = 0;

  prefix = g_strndup (first, prefix_len);
  for (guint64 i = 0; i <= to - from; i++)
    g_ptr_array_add (out, g_strdup_printf ("%s%0*" G_GUINT64_FORMAT, prefix, width, from + i));

  return TRUE;
}

GPtrArray *
st_serial_parse_list (const char  *text,
                      guint        max_count,
                      GError     **error)
{
  g_autoptr(GPtrArray) tokens = NULL;
  g_autoptr(GPtrArray) serials = NULL;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  tokens = st_serial_split (text);
  serials = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < tokens->len; i++)
    {
      if (!st_serial_expand (g_ptr_array_index (tokens, i), max_count, serials, error))
        return NULL;

      if (serials->len > max_count)
        {
          g_set_error (error, ST_ERROR, ST_ERROR_SERIAL_COUNT,
                       /* Translators: %u is the largest number of serials allowed */
                       ngettext ("The list has more than %u serial",
                                 "The list has more than %u serials",
                                 max_count),
                       max_count);
          return NULL;
        }
    }

  return g_steal_pointer (&serials);
}

/* The first cells, lower-cased, that mark a header row rather than a serial.  Only the
 * first non-empty row is checked; anything else that is not a valid serial is reported
 * by the caller's validation, naming it. */
static const char * const header_names[] = {
  "serial", "serials", "serial number", "serial_number", "serial-number", "serialnumber",
  "serial no", "serial no.", "serial #", "sn", "s/n", "imei",
};

static gboolean
is_header (const char *cell)
{
  g_autofree char *lower = g_ascii_strdown (cell, -1);

  for (gsize i = 0; i < G_N_ELEMENTS (header_names); i++)
    {
      if (strcmp (lower, header_names[i]) == 0)
        return TRUE;
    }

  return FALSE;
}

/* Reads the first cell of the record at *pos into @cell (RFC 4180 quoting: "a,b", "" for
 * a quote, newlines inside quotes) and skips the rest of the record.  Returns FALSE on a
 * quoted cell that is never closed. */
static gboolean
read_record (const char **pos,
             const char  *end,
             GString     *cell,
             guint       *line)
{
  const char *p = *pos;
  guint column = 0;

  g_string_truncate (cell, 0);

  for (;;)
    {
      if (p < end && *p == '"')
        {
          p++;
          for (;;)
            {
              if (p >= end)
                return FALSE;

              if (*p == '"')
                {
                  if (p + 1 < end && p[1] == '"')
                    {
                      if (column == 0)
                        g_string_append_c (cell, '"');
                      p += 2;
                      continue;
                    }
                  p++;
                  break;
                }

              if (*p == '\n')
                (*line)++;
              if (column == 0)
                g_string_append_c (cell, *p);
              p++;
            }
        }

      /* Unquoted text, or what follows a closing quote (kept, leniently). */
      while (p < end && *p != '\r' && *p != '\n' && strchr (CSV_DELIMITERS, *p) == NULL)
        {
          if (column == 0)
            g_string_append_c (cell, *p);
          p++;
        }

      if (p >= end)
        break;

      if (*p == '\r' || *p == '\n')
        {
          if (*p == '\r' && p + 1 < end && p[1] == '\n')
            p++;
          p++;
          (*line)++;
          break;
        }

      /* A delimiter: on to the next column. */
      p++;
      column++;
    }

  *pos = p;
  return TRUE;
}

GPtrArray *
st_serial_parse_csv (const char  *contents,
                     gsize        length,
                     GError     **error)
{
  g_autoptr(GPtrArray) serials = NULL;
  g_autoptr(GString) cell = NULL;
  gboolean seen_first = FALSE;
  const char *p, *end;
  guint line = 1;

  g_return_val_if_fail (contents != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Empty content may come as NULL; no pointer arithmetic on NULL below. */
  if (contents == NULL)
    contents = "";

  if (length > 0 && memchr (contents, '\0', length) != NULL)
    {
      g_set_error_literal (error, ST_ERROR, ST_ERROR_INVALID_INPUT,
                           _("The file is not a text file: it contains NUL bytes"));
      return NULL;
    }

  if (length >= strlen (UTF8_BOM) && memcmp (contents, UTF8_BOM, strlen (UTF8_BOM)) == 0)
    {
      contents += strlen (UTF8_BOM);
      length -= strlen (UTF8_BOM);
    }

  if (length > 0 && !g_utf8_validate (contents, (gssize) length, NULL))
    {
      g_set_error_literal (error, ST_ERROR, ST_ERROR_INVALID_INPUT,
                           _("The file is not UTF-8 text; save it as UTF-8 (CSV UTF-8) "
                             "and try again"));
      return NULL;
    }

  serials = g_ptr_array_new_with_free_func (g_free);
  cell = g_string_new (NULL);
  p = contents;
  end = contents + length;

  while (p < end)
    {
      g_autofree char *value = NULL;
      guint record_line = line;

      if (!read_record (&p, end, cell, &line))
        {
          g_set_error (error, ST_ERROR, ST_ERROR_INVALID_INPUT,
                       /* Translators: %u is a line number in the file */
                       _("Line %u of the file opens a quoted cell that is never closed"),
                       record_line);
          return NULL;
        }

      value = _st_strip (cell->str);
      if (*value == '\0')
        continue;

      if (!seen_first)
        {
          seen_first = TRUE;
          if (is_header (value))
            continue;
        }

      g_ptr_array_add (serials, g_steal_pointer (&value));
    }

  if (serials->len == 0)
    {
      g_set_error_literal (error, ST_ERROR, ST_ERROR_INVALID_INPUT,
                           _("The file contains no serials"));
      return NULL;
    }

  return g_steal_pointer (&serials);
}
