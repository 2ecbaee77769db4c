/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-cli-search.c — `search TEXT`: units by any part of their serial (the last digits too)
 * and by their customer's or vendor's name (DESIGN §6, issue 17). */
#define G_LOG_DOMAIN "st-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "st-cli-private.h"
#include "st-store-search.h"

#define DEFAULT_LIMIT 100

static const char *
match_label (StSearchMatch match)
{
  switch (match)
    {
    /* Translators: how a unit matched a search (a column of `search`) */
    case ST_SEARCH_MATCH_EXACT: return C_("search match", "serial");
    /* Translators: how a unit matched a search: its serial ends with the text */
    case ST_SEARCH_MATCH_END: return C_("search match", "last digits");
    /* Translators: how a unit matched a search: its serial starts with the text */
    case ST_SEARCH_MATCH_START: return C_("search match", "start");
    /* Translators: how a unit matched a search: the text is inside its serial */
    case ST_SEARCH_MATCH_CONTAINS: return C_("search match", "part of serial");
    /* Translators: how a unit matched a search: by its customer's or vendor's name */
    case ST_SEARCH_MATCH_CONTACT: return C_("search match", "customer or vendor");
    default: g_assert_not_reached ();
    }
}

int
st_cli_cmd_search (StCli              *cli,
                   const StCliCommand *command,
                   int                 argc,
                   char              **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) args = NULL;
  g_autoptr(StSearchResult) result = NULL;
  g_autofree char *limit_text = NULL;
  const StCliOption options[] = {
    { "limit", ST_CLI_OPT_VALUE, &limit_text },
    { NULL }
  };
  guint64 limit = DEFAULT_LIMIT;
  const char *text;
  int status;

  if ((status = st_cli_parse_options (cli, command, options, argc, argv, 1, 1, &args)) >= 0)
    return status;
  text = g_ptr_array_index (args, 0);
  if (limit_text != NULL && !g_ascii_string_to_unsigned (limit_text, 10, 0, G_MAXUINT, &limit,
                                                         NULL))
    /* Translators: %s is what was typed after --limit */
    return st_cli_usage_error (command, _("--limit wants a number of units, not “%s”"),
                               limit_text);
  if (!st_cli_open_store (cli, &error)
      || (result = st_store_search (cli->store, text, ST_SEARCH_ALL, (guint) limit,
                                    &error)) == NULL)
    return st_cli_fail (error);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) json = json_builder_new ();

      json_builder_begin_object (json);
      json_builder_set_member_name (json, "results");
      json_builder_begin_array (json);
      for (guint i = 0; i < result->units->len; i++)
        {
          json_builder_begin_object (json);
          st_cli_json_member_string (json, "match",
                                     st_search_match_to_string (g_array_index (result->matches,
                                                                               StSearchMatch, i)));
          json_builder_set_member_name (json, "unit");
          st_cli_unit_to_json (g_ptr_array_index (result->units, i), NULL, json);
          json_builder_end_object (json);
        }
      json_builder_end_array (json);
      st_cli_json_member_bool (json, "more", result->more);
      json_builder_end_object (json);
      st_cli_print_json (json);
      return ST_CLI_EXIT_OK;
    }

  if (result->units->len == 0)
    {
      g_autofree char *line = NULL;

      /* Translators: %s is the searched text */
      line = g_strdup_printf (_("No unit matches “%s”.\n"), text);
      st_cli_print_text (line);
      return ST_CLI_EXIT_OK;
    }

  {
    g_autoptr(StCliTable) table = st_cli_table_new (7);
    g_autoptr(GString) out = g_string_new (NULL);

    st_cli_table_add_row (table,
                          /* Translators: column headings of `search` */
                          _("Serial"), _("SKU"), _("Status"), _("Warehouse"), _("Vendor"),
                          _("Customer"), _("Match"));
    for (guint i = 0; i < result->units->len; i++)
      {
        StUnit *unit = g_ptr_array_index (result->units, i);

        st_cli_table_add_row (table, st_unit_get_serial (unit), st_unit_get_sku (unit),
                              st_unit_status_to_label (st_unit_get_status (unit)),
                              st_unit_get_warehouse (unit), st_unit_get_vendor (unit),
                              st_unit_get_customer (unit),
                              match_label (g_array_index (result->matches, StSearchMatch, i)));
      }
    st_cli_table_render (table, NULL, out);
    if (result->more)
      g_string_append_printf (out,
                              /* Translators: after a search's list; %u is the number shown */
                              ngettext ("More units match; the first %u is shown (--limit N, "
                                        "0 for all).\n",
                                        "More units match; the first %u are shown (--limit N, "
                                        "0 for all).\n", result->units->len),
                              result->units->len);
    st_cli_print_text (out->str);
  }
  return ST_CLI_EXIT_OK;
}
