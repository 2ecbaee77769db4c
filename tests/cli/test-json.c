/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-json.c — the CLI's JSON writer: escaping, nesting, money members. */
#include <string.h>

#include "st-json.h"
#include "st-test-json.h"

static char *
escaped (const char *text)
{
  g_autoptr(GString) out = g_string_new (NULL);

  st_json_append_escaped (out, text);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
test_escaping (void)
{
  struct { const char *in, *out; } cases[] = {
    { "plain", "\"plain\"" },
    { "a\"b\\c", "\"a\\\"b\\\\c\"" },
    { "tab\tnl\ncr\r", "\"tab\\tnl\\ncr\\r\"" },
    { "\001\037\177", "\"\\u0001\\u001f\\u007f\"" },
    { "Zoë Ångström €", "\"Zoë Ångström €\"" },
    { "line\xe2\x80\xa8sep", "\"line\\u2028sep\"" },
    { "bad\xff", "\"bad\xef\xbf\xbd\"" },
    { "", "\"\"" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = escaped (cases[i].in);
      g_assert_cmpstr (got, ==, cases[i].out);
    }
}

static void
test_document (void)
{
  g_autoptr(StJson) json = st_json_new (TRUE);
  g_autoptr(TjNode) node = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  st_json_begin_object (json);
  st_json_member_string (json, "name", "x\ty");
  st_json_member_string (json, "none", NULL);
  st_json_member_int (json, "big", G_MININT64);
  st_json_member_bool (json, "yes", TRUE);
  st_json_member_money (json, "total", TRUE, -1205);
  st_json_member_money (json, "price", FALSE, 0);
  st_json_key (json, "empty");
  st_json_begin_array (json);
  st_json_end_array (json);
  st_json_key (json, "list");
  st_json_begin_array (json);
  st_json_int (json, 1);
  st_json_begin_object (json);
  st_json_end_object (json);
  st_json_string (json, "s");
  st_json_end_array (json);
  st_json_end_object (json);
  text = st_json_steal (json);

  node = tj_parse (text, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tj_str (node, "name"), ==, "x\ty");
  g_assert_true (tj_is_null (node, "none"));
  g_assert_cmpint (tj_int (node, "big"), ==, G_MININT64);
  g_assert_true (tj_bool (node, "yes"));
  g_assert_cmpstr (tj_str (node, "total"), ==, "-12.05");
  g_assert_cmpint (tj_int (node, "total_cents"), ==, -1205);
  g_assert_true (tj_is_null (node, "price"));
  g_assert_true (tj_is_null (node, "price_cents"));
  g_assert_cmpuint (tj_len (node, "empty"), ==, 0);
  g_assert_cmpuint (tj_len (node, "list"), ==, 3);
  g_assert_cmpuint (tj_len (node, "list/1"), ==, 0);
  g_assert_cmpstr (tj_str (node, "list/2"), ==, "s");
  g_assert_true (g_str_has_suffix (text, "}\n"));
}

static void
test_compact (void)
{
  g_autoptr(StJson) json = st_json_new (FALSE);
  g_autofree char *text = NULL;

  st_json_begin_array (json);
  st_json_int (json, 1);
  st_json_begin_object (json);
  st_json_member_string (json, "k", "v");
  st_json_end_object (json);
  st_json_end_array (json);
  text = st_json_steal (json);
  g_assert_cmpstr (text, ==, "[1,{\"k\":\"v\"}]");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cli/json/escaping", test_escaping);
  g_test_add_func ("/cli/json/document", test_document);
  g_test_add_func ("/cli/json/compact", test_compact);
  return g_test_run ();
}
