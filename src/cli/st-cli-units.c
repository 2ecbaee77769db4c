/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-cli-units.c — one unit and its history, lists of units, and the integrity check. */
#define G_LOG_DOMAIN "st-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "st-error.h"
#include "st-cli-private.h"

int
st_cli_cmd_unit (StCli              *cli,
                 const StCliCommand *command,
                 int                 argc,
                 char              **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) args = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(StUnit) unit = NULL;
  g_autofree char *sku = NULL;
  const StCliOption options[] = {
    { "item", ST_CLI_OPT_VALUE, &sku },
    { NULL }
  };
  int status;

  if ((status = st_cli_parse_options (cli, command, options, argc, argv, 1, 1, &args)) >= 0)
    return status;
  if (!st_cli_open_store (cli, &error)
      || (unit = st_store_find_unit (cli->store, g_ptr_array_index (args, 0), sku,
                                     &error)) == NULL
      || (history = st_store_get_unit_history (cli->store, st_unit_get_id (unit),
                                               &error)) == NULL)
    return st_cli_fail (error);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) json = json_builder_new ();

      st_cli_unit_to_json (unit, history, json);
      st_cli_print_json (json);
    }
  else
    {
      g_autoptr(GString) out = g_string_new (NULL);

      st_cli_unit_to_text (unit, history, out);
      st_cli_print_text (out->str);
    }
  return ST_CLI_EXIT_OK;
}

int
st_cli_cmd_units (StCli              *cli,
                  const StCliCommand *command,
                  int                 argc,
                  char              **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) units = NULL;
  g_autoptr(StItem) item = NULL;
  g_autoptr(StWarehouse) warehouse = NULL;
  g_autofree char *sku = NULL, *status_name = NULL, *warehouse_name = NULL;
  const StCliOption options[] = {
    { "item", ST_CLI_OPT_VALUE, &sku },
    { "status", ST_CLI_OPT_VALUE, &status_name },
    { "warehouse", ST_CLI_OPT_VALUE, &warehouse_name },
    { NULL }
  };
  StUnitQuery query = { 0 };
  StUnitStatus unit_status;
  int status;

  if ((status = st_cli_parse_options (cli, command, options, argc, argv, 0, 0, NULL)) >= 0)
    return status;
  query.status = -1;
  if (status_name != NULL)
    {
      if ((status = st_cli_unit_status (command, status_name, &unit_status)) >= 0)
        return status;
      query.status = unit_status;
    }
  if (!st_cli_open_store (cli, &error))
    return st_cli_fail (error);
  if (sku != NULL)
    {
      if ((item = st_store_find_item (cli->store, sku, &error)) == NULL)
        return st_cli_fail (error);
      query.item_id = st_item_get_id (item);
    }
  if (warehouse_name != NULL)
    {
      if ((warehouse = st_store_find_warehouse (cli->store, warehouse_name, &error)) == NULL)
        return st_cli_fail (error);
      query.warehouse = st_warehouse_get_name (warehouse);
    }
  if ((units = st_store_query_units (cli->store, &query, &error)) == NULL)
    return st_cli_fail (error);
  return st_cli_print_list (cli, units, (StCliToJsonFunc) st_cli_list_unit_to_json,
                            st_cli_units_to_text);
}

int
st_cli_cmd_check (StCli              *cli,
                  const StCliCommand *command,
                  int                 argc,
                  char              **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StCheckReport) report = NULL;
  int status;

  if ((status = st_cli_parse_options (cli, command, NULL, argc, argv, 0, 0, NULL)) >= 0)
    return status;
  if (!st_cli_open_store (cli, &error)
      || (report = st_store_check (cli->store, &error)) == NULL)
    return st_cli_fail (error);
  return st_cli_print_check_report (cli, report);
}

int
st_cli_print_check_report (StCli         *cli,
                           StCheckReport *report)
{
  if (cli->json)
    {
      g_autoptr(JsonBuilder) json = json_builder_new ();

      json_builder_begin_object (json);
      st_cli_json_member_bool (json, "sound", report->problems->len == 0);
      st_cli_json_member_int (json, "units", report->n_units);
      st_cli_json_member_int (json, "events", report->n_events);
      st_cli_json_member_int (json, "documents", report->n_documents);
      json_builder_set_member_name (json, "problems");
      json_builder_begin_array (json);
      for (guint i = 0; i < report->problems->len; i++)
        st_cli_json_string (json, g_ptr_array_index (report->problems, i));
      json_builder_end_array (json);
      json_builder_end_object (json);
      st_cli_print_json (json);
    }
  else
    {
      g_autoptr(GString) out = g_string_new (NULL);
      g_autoptr(StCliTable) counts = st_cli_table_new (2);
      g_autofree char *units = g_strdup_printf ("%" G_GINT64_FORMAT, report->n_units);
      g_autofree char *events = g_strdup_printf ("%" G_GINT64_FORMAT, report->n_events);
      g_autofree char *documents = g_strdup_printf ("%" G_GINT64_FORMAT, report->n_documents);

      st_cli_table_align_right (counts, 1);
      st_cli_table_add_row (counts, _("Units"), units);
      st_cli_table_add_row (counts, _("Unit events"), events);
      st_cli_table_add_row (counts, _("Documents"), documents);
      st_cli_table_render (counts, NULL, out);
      if (report->problems->len == 0)
        g_string_append_printf (out, "%s\n", _("No problems found: the database is sound."));
      for (guint i = 0; i < report->problems->len; i++)
        g_string_append_printf (out, "  - %s\n",
                                (const char *) g_ptr_array_index (report->problems, i));
      st_cli_print_text (out->str);
    }

  if (report->problems->len > 0)
    {
      g_printerr ("%s: ", ST_CLI_NAME);
      /* Translators: %u is the number of problems found; they are listed below */
      g_printerr (ngettext ("The check found %u problem", "The check found %u problems",
                            report->problems->len),
                  report->problems->len);
      g_printerr ("\n");
      return ST_CLI_EXIT_REFUSED;
    }
  return ST_CLI_EXIT_OK;
}
