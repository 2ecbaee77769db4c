/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-cli-charset.h — what the CLI writes when the locale's charset is not UTF-8 (issue 17). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Called once, after setlocale (LC_ALL, ""): in a C or POSIX locale takes C.UTF-8's
 * characters (LC_CTYPE only; messages stay English), and routes g_print () and g_printerr ()
 * through st_cli_text_for_charset (). */
void  st_cli_charset_setup     (void);

/* @text (UTF-8) in @charset: the CLI's own punctuation that @charset lacks becomes its ASCII
 * look-alike (“ ” → ", ‘ ’ → ', → "->", … "...", – — "-", × "x", no-break spaces " "),
 * anything else it lacks "?".  UTF-8 charsets get @text as it is. */
char *st_cli_text_for_charset  (const char *text,
                                const char *charset);

G_END_DECLS
