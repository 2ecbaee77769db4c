/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-cli-charset.c — the CLI's text in a locale whose charset is not UTF-8.
 *
 * GLib's g_print () converts to the locale's charset and writes "?" for what the charset
 * lacks, so under LANG unset (cron, a container, ssh without the locale) every “quote”, →
 * and … of the messages, and every é of a customer's name, came out as "?".  A C or POSIX
 * locale says nothing about the terminal: it is the locale nobody chose.  There the CLI takes
 * C.UTF-8's character handling and writes UTF-8, as Python does since 3.7 (PEP 538): the
 * terminals and mail readers of today show it, and names reach a pipe or a cron mail as they
 * are stored, which ASCII look-alikes could not do for "Müller".  A locale whose charset is
 * really another one (de_DE.ISO-8859-1) is respected: the text is converted to it, with ASCII
 * look-alikes for the punctuation it lacks, so that only data it cannot hold becomes "?". */
#define G_LOG_DOMAIN "st-cli"

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "st-cli-charset.h"

static const struct
{
  gunichar    c;
  const char *ascii;
} look_alikes[] = {
  { 0x00A0, " " },    /* no-break space */
  { 0x202F, " " },    /* narrow no-break space (French « : ») */
  { 0x2007, " " },    /* figure space */
  { 0x2009, " " },    /* thin space */
  { 0x201C, "\"" },   /* “ */
  { 0x201D, "\"" },   /* ” */
  { 0x201E, "\"" },   /* „ */
  { 0x00AB, "\"" },   /* « */
  { 0x00BB, "\"" },   /* » */
  { 0x2018, "'" },    /* ‘ */
  { 0x2019, "'" },    /* ’ */
  { 0x201A, "'" },    /* ‚ */
  { 0x2039, "'" },    /* ‹ */
  { 0x203A, "'" },    /* › */
  { 0x2192, "->" },   /* → */
  { 0x2190, "<-" },   /* ← */
  { 0x2026, "..." },  /* … */
  { 0x2013, "-" },    /* – */
  { 0x2014, "-" },    /* — */
  { 0x2212, "-" },    /* − */
  { 0x00D7, "x" },    /* × */
  { 0x00B7, "." },    /* · */
  { 0x2022, "*" },    /* • */
  { 0x00A7, "S." },   /* § */
};

static const char *
look_alike (gunichar c)
{
  for (gsize i = 0; i < G_N_ELEMENTS (look_alikes); i++)
    if (look_alikes[i].c == c)
      return look_alikes[i].ascii;
  return NULL;
}

static gboolean
charset_has (const char *charset,
             const char *utf8,
             gsize       len)
{
  g_autofree char *converted = g_convert (utf8, (gssize) len, charset, "UTF-8", NULL, NULL,
                                          NULL);

  return converted != NULL;
}

char *
st_cli_text_for_charset (const char *text,
                         const char *charset)
{
  g_autoptr(GString) replaced = NULL;
  g_autofree char *converted = NULL;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (charset != NULL, NULL);

  if (g_ascii_strcasecmp (charset, "UTF-8") == 0 || g_ascii_strcasecmp (charset, "UTF8") == 0)
    return g_strdup (text);

  replaced = g_string_sized_new (strlen (text));
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char_validated (p, -1);
      const char *ascii;

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          /* Not UTF-8: left to g_convert_with_fallback below, as g_print () would. */
          g_string_append (replaced, p);
          break;
        }
      if (c >= 0x80 && (ascii = look_alike (c)) != NULL
          && !charset_has (charset, p, (gsize) (g_utf8_next_char (p) - p)))
        g_string_append (replaced, ascii);
      else
        g_string_append_len (replaced, p, g_utf8_next_char (p) - p);
    }

  converted = g_convert_with_fallback (replaced->str, (gssize) replaced->len, charset, "UTF-8",
                                       "?", NULL, NULL, NULL);
  if (converted == NULL)
    /* No converter for the charset at all: the UTF-8 is the better guess than nothing. */
    return g_string_free (g_steal_pointer (&replaced), FALSE);
  return g_steal_pointer (&converted);
}

static void
write_text (FILE       *stream,
            const char *text)
{
  const char *charset;

  if (g_get_charset (&charset))
    fputs (text, stream);
  else
    {
      g_autofree char *converted = st_cli_text_for_charset (text, charset);

      fputs (converted, stream);
    }
  fflush (stream);
}

static void
print_handler (const char *text)
{
  write_text (stdout, text);
}

static void
printerr_handler (const char *text)
{
  write_text (stderr, text);
}

static gboolean
locale_is_c (const char *name)
{
  return name == NULL || strcmp (name, "C") == 0 || strcmp (name, "POSIX") == 0;
}

void
st_cli_charset_setup (void)
{
  if (locale_is_c (setlocale (LC_CTYPE, NULL)))
    {
      /* Debian's glibc has C.UTF-8 built in; others may call it C.utf8 or not have it (then
       * the handlers below write ASCII look-alikes). */
      if (setlocale (LC_CTYPE, "C.UTF-8") == NULL)
        setlocale (LC_CTYPE, "C.utf8");
    }
  g_set_print_handler (print_handler);
  g_set_printerr_handler (printerr_handler);
}
