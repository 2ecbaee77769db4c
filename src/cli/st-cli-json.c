/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-cli-json.c — the CLI's --json output through json-glib (issue 17): JsonBuilder makes the
 * document, JsonGenerator writes it, escaping included.
 *
 * Two things stay here.  The layout: json-glib 1.6's pretty printer writes "key" : value and
 * {  } for an empty object, so the generator writes compact text (no whitespace outside
 * strings) and lay_out () indents it as the CLI always printed it — the output is the same,
 * byte for byte.  And two escapes json-glib 1.6 leaves out: U+001F stays a raw byte (RFC 8259
 * wants every control character escaped; its check stops at < 0x1f), and U+2028/U+2029, raw
 * in valid JSON but line ends to JavaScript, which the CLI always wrote as \u2028 and \u2029. */
#define G_LOG_DOMAIN "st-cli"

#include "config.h"

#include <string.h>

#include "st-cli-json.h"
#include "st-parse.h"

void
st_cli_json_string (JsonBuilder *builder,
                    const char  *value)
{
  g_autofree char *valid = NULL;

  if (value == NULL)
    {
      json_builder_add_null_value (builder);
      return;
    }
  if (!g_utf8_validate (value, -1, NULL))
    value = valid = g_utf8_make_valid (value, -1);
  json_builder_add_string_value (builder, value);
}

void
st_cli_json_member_string (JsonBuilder *builder,
                           const char  *key,
                           const char  *value)
{
  json_builder_set_member_name (builder, key);
  st_cli_json_string (builder, value);
}

void
st_cli_json_member_int (JsonBuilder *builder,
                        const char  *key,
                        gint64       value)
{
  json_builder_set_member_name (builder, key);
  json_builder_add_int_value (builder, value);
}

void
st_cli_json_member_bool (JsonBuilder *builder,
                         const char  *key,
                         gboolean     value)
{
  json_builder_set_member_name (builder, key);
  json_builder_add_boolean_value (builder, value);
}

void
st_cli_json_member_money (JsonBuilder *builder,
                          const char  *key,
                          gboolean     has,
                          gint64       cents)
{
  g_autofree char *cents_key = g_strconcat (key, "_cents", NULL);
  g_autofree char *text = has ? st_money_format (cents) : NULL;

  st_cli_json_member_string (builder, key, text);
  json_builder_set_member_name (builder, cents_key);
  if (has)
    json_builder_add_int_value (builder, cents);
  else
    json_builder_add_null_value (builder);
}

static void
newline (GString *out,
         guint    depth)
{
  g_string_append_c (out, '\n');
  for (guint i = 0; i < depth; i++)
    g_string_append (out, "  ");
}

/* @compact: JsonGenerator's text without pretty printing, so whitespace, commas, colons and
 * brackets outside strings are the structure.  Also escapes what json-glib 1.6 leaves raw. */
static char *
lay_out (const char *compact,
         gboolean    pretty,
         guint       depth)
{
  g_autoptr(GString) out = g_string_sized_new (strlen (compact) * (pretty ? 2 : 1) + 2);
  gboolean in_string = FALSE;
  gboolean top = depth == 0;

  for (const char *p = compact; *p != '\0'; p++)
    {
      if (in_string)
        {
          if (*p == '\\')
            {
              g_string_append_c (out, *p++);
              g_string_append_c (out, *p);
            }
          else if (*p == '"')
            {
              in_string = FALSE;
              g_string_append_c (out, *p);
            }
          else if (*p == 0x1f)
            g_string_append (out, "\\u001f");
          else if (strncmp (p, "\xe2\x80\xa8", 3) == 0 || strncmp (p, "\xe2\x80\xa9", 3) == 0)
            {
              g_string_append (out, p[2] == '\xa8' ? "\\u2028" : "\\u2029");
              p += 2;
            }
          else
            g_string_append_c (out, *p);
          continue;
        }
      switch (*p)
        {
        case '"':
          in_string = TRUE;
          g_string_append_c (out, *p);
          break;
        case '{':
        case '[':
          g_string_append_c (out, *p);
          if (p[1] == (*p == '{' ? '}' : ']'))
            g_string_append_c (out, *++p);
          else if (pretty)
            newline (out, ++depth);
          break;
        case '}':
        case ']':
          if (pretty)
            newline (out, --depth);
          g_string_append_c (out, *p);
          break;
        case ',':
          g_string_append_c (out, *p);
          if (pretty)
            newline (out, depth);
          break;
        case ':':
          g_string_append (out, pretty ? ": " : ":");
          break;
        default:
          g_string_append_c (out, *p);
          break;
        }
    }
  if (pretty && top)
    g_string_append_c (out, '\n');
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
to_text (JsonBuilder *builder,
         gboolean     pretty,
         guint        depth)
{
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *compact = NULL;

  g_return_val_if_fail (root != NULL, NULL);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, FALSE);
  compact = json_generator_to_data (generator, NULL);
  return lay_out (compact, pretty, depth);
}

char *
st_cli_json_to_text (JsonBuilder *builder,
                     gboolean     pretty)
{
  return to_text (builder, pretty, 0);
}

char *
st_cli_json_element_to_text (JsonBuilder *builder,
                             guint        depth)
{
  return to_text (builder, TRUE, depth);
}
