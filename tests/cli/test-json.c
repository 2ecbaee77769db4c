/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-json.c — the CLI's JSON output (st-cli-json.c over json-glib): escaping, nesting,
 * money members, and the layout, byte for byte as the CLI has always printed it. */
#include <string.h>

#include "st-cli-json.h"
#include "st-test-json.h"

/* @text as a one-string array, written compact: the string's escaped form between [ ]. */
static char *
escaped (const char *text)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *array = NULL;

  json_builder_begin_array (builder);
  st_cli_json_string (builder, text);
  json_builder_end_array (builder);
  array = st_cli_json_to_text (builder, FALSE);
  g_assert_true (g_str_has_prefix (array, "[") && g_str_has_suffix (array, "]"));
  return g_strndup (array + 1, strlen (array) - 2);
}

static void
test_escaping (void)
{
  struct { const char *in, *out; } cases[] = {
    { "plain", "\"plain\"" },
    { "a\"b\\c", "\"a\\\"b\\\\c\"" },
    { "tab\tnl\ncr\r", "\"tab\\tnl\\ncr\\r\"" },
    { "\b\f", "\"\\b\\f\"" },
    /* json-glib 1.6 writes U+001F raw: st-cli-json.c escapes it. */
    { "\001\036\037\177", "\"\\u0001\\u001e\\u001f\\u007f\"" },
    { "Zoë Ångström € / <>", "\"Zoë Ångström € / <>\"" },
    { "line\xe2\x80\xa8sep\xe2\x80\xa9", "\"line\\u2028sep\\u2029\"" },
    /* Structure characters inside a string stay as they are. */
    { "{[\"a\": 1, ]}", "\"{[\\\"a\\\": 1, ]}\"" },
    { "bad\xff", "\"bad\xef\xbf\xbd\"" },
    { "", "\"\"" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = escaped (cases[i].in);
      g_assert_cmpstr (got, ==, cases[i].out);
    }
}

static JsonBuilder *
sample (void)
{
  JsonBuilder *json = json_builder_new ();

  json_builder_begin_object (json);
  st_cli_json_member_string (json, "name", "x\ty: {a, b}");
  st_cli_json_member_string (json, "none", NULL);
  st_cli_json_member_int (json, "big", G_MININT64);
  st_cli_json_member_bool (json, "yes", TRUE);
  st_cli_json_member_money (json, "total", TRUE, -1205);
  st_cli_json_member_money (json, "price", FALSE, 0);
  json_builder_set_member_name (json, "empty");
  json_builder_begin_array (json);
  json_builder_end_array (json);
  json_builder_set_member_name (json, "list");
  json_builder_begin_array (json);
  json_builder_add_int_value (json, 1);
  json_builder_begin_object (json);
  json_builder_end_object (json);
  st_cli_json_string (json, "s");
  json_builder_begin_object (json);
  st_cli_json_member_bool (json, "deep", FALSE);
  json_builder_end_object (json);
  json_builder_end_array (json);
  json_builder_end_object (json);
  return json;
}

static void
test_document (void)
{
  g_autoptr(JsonBuilder) json = sample ();
  g_autoptr(TjNode) node = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = st_cli_json_to_text (json, TRUE);

  node = tj_parse (text, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tj_str (node, "name"), ==, "x\ty: {a, b}");
  g_assert_true (tj_is_null (node, "none"));
  g_assert_cmpint (tj_int (node, "big"), ==, G_MININT64);
  g_assert_true (tj_bool (node, "yes"));
  g_assert_cmpstr (tj_str (node, "total"), ==, "-12.05");
  g_assert_cmpint (tj_int (node, "total_cents"), ==, -1205);
  g_assert_true (tj_is_null (node, "price"));
  g_assert_true (tj_is_null (node, "price_cents"));
  g_assert_cmpuint (tj_len (node, "empty"), ==, 0);
  g_assert_cmpuint (tj_len (node, "list"), ==, 4);
  g_assert_cmpuint (tj_len (node, "list/1"), ==, 0);
  g_assert_cmpstr (tj_str (node, "list/2"), ==, "s");

  /* The layout the CLI has always printed (st-json.c before json-glib): two spaces a level,
   * "key": value, [] and {} when empty, a line break at the end. */
  g_assert_cmpstr (text, ==,
                   "{\n"
                   "  \"name\": \"x\\ty: {a, b}\",\n"
                   "  \"none\": null,\n"
                   "  \"big\": -9223372036854775808,\n"
                   "  \"yes\": true,\n"
                   "  \"total\": \"-12.05\",\n"
                   "  \"total_cents\": -1205,\n"
                   "  \"price\": null,\n"
                   "  \"price_cents\": null,\n"
                   "  \"empty\": [],\n"
                   "  \"list\": [\n"
                   "    1,\n"
                   "    {},\n"
                   "    \"s\",\n"
                   "    {\n"
                   "      \"deep\": false\n"
                   "    }\n"
                   "  ]\n"
                   "}\n");
}

static void
test_compact (void)
{
  g_autoptr(JsonBuilder) json = json_builder_new ();
  g_autofree char *text = NULL;

  json_builder_begin_array (json);
  json_builder_add_int_value (json, 1);
  json_builder_begin_object (json);
  st_cli_json_member_string (json, "k", "v");
  json_builder_end_object (json);
  json_builder_begin_array (json);
  json_builder_end_array (json);
  json_builder_end_array (json);
  text = st_cli_json_to_text (json, FALSE);
  g_assert_cmpstr (text, ==, "[1,{\"k\":\"v\"},[]]");
}

/* What st_cli_json_list_add () prints a value at a time is the whole array's text. */
static void
test_elements (void)
{
  g_autoptr(JsonBuilder) whole = json_builder_new ();
  g_autoptr(GString) pieces = g_string_new ("[\n  ");
  g_autofree char *expected = NULL;

  json_builder_begin_array (whole);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(JsonBuilder) one = i == 1 ? json_builder_new () : sample ();
      g_autofree char *text = NULL;

      if (i == 1)
        {
          json_builder_begin_object (one);
          json_builder_end_object (one);
          json_builder_begin_object (whole);
          json_builder_end_object (whole);
        }
      else
        {
          g_autoptr(JsonBuilder) again = sample ();
          g_autoptr(JsonNode) node = json_builder_get_root (again);

          json_builder_add_value (whole, g_steal_pointer (&node));
        }
      text = st_cli_json_element_to_text (one, 1);
      g_string_append (pieces, i > 0 ? ",\n  " : "");
      g_string_append (pieces, text);
    }
  json_builder_end_array (whole);
  g_string_append (pieces, "\n]\n");
  expected = st_cli_json_to_text (whole, TRUE);
  g_assert_cmpstr (pieces->str, ==, expected);
  g_assert_true (g_str_has_prefix (expected, "[\n  {\n    \"name\": "));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cli/json/escaping", test_escaping);
  g_test_add_func ("/cli/json/document", test_document);
  g_test_add_func ("/cli/json/compact", test_compact);
  g_test_add_func ("/cli/json/elements", test_elements);
  return g_test_run ();
}
