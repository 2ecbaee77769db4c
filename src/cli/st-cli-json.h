/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-cli-json.h — the CLI's --json output: documents built with json-glib's JsonBuilder and
 * written by its JsonGenerator; these add what the CLI's members share (null for a missing
 * string, money as two members) and the layout of the text. */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* A string value; NULL writes null, invalid UTF-8 becomes U+FFFD. */
void   st_cli_json_string        (JsonBuilder *builder,
                                  const char  *value);

/* Key + value in one call. */
void   st_cli_json_member_string (JsonBuilder *builder,
                                  const char  *key,
                                  const char  *value);
void   st_cli_json_member_int    (JsonBuilder *builder,
                                  const char  *key,
                                  gint64       value);
void   st_cli_json_member_bool   (JsonBuilder *builder,
                                  const char  *key,
                                  gboolean     value);
/* Money as two members: "@key": "12.50" and "@key_cents": 1250 (both null when !@has). */
void   st_cli_json_member_money  (JsonBuilder *builder,
                                  const char  *key,
                                  gboolean     has,
                                  gint64       cents);

/* The document of @builder (every object and array closed) as JsonGenerator writes it: on
 * one line, or when @pretty indented by two spaces a level, "key": value, {} and [] for empty
 * containers, and a final line break. */
char  *st_cli_json_to_text       (JsonBuilder *builder,
                                  gboolean     pretty);
/* The same laid out as a value @depth levels deep in a pretty document: its inner lines
 * indented from there, no indent before it, no line break after it. */
char  *st_cli_json_element_to_text (JsonBuilder *builder,
                                    guint        depth);

G_END_DECLS
