/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-cli-service.c — after-sales service (DESIGN §8): `service …`, `services`,
 * `warranty expiring` and `export services`. */
#define G_LOG_DOMAIN "st-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "st-error.h"
#include "st-parse.h"
#include "st-cli-private.h"

static void
case_to_json (StServiceCase *sc,
              JsonBuilder   *json)
{
  GPtrArray *log = st_service_case_get_log (sc);
  StWarrantyStatus warranty = st_service_case_get_warranty_status (sc);
  g_autofree char *today = st_date_today ();

  json_builder_begin_object (json);
  st_cli_json_member_string (json, "number", st_service_case_get_number (sc));
  st_cli_json_member_string (json, "date", st_service_case_get_date (sc));
  st_cli_json_member_string (json, "status",
                             st_service_status_to_string (st_service_case_get_status (sc)));
  st_cli_json_member_string (json, "serial", st_service_case_get_serial (sc));
  st_cli_json_member_string (json, "sku", st_service_case_get_sku (sc));
  st_cli_json_member_string (json, "customer", st_service_case_get_customer (sc));
  st_cli_json_member_string (json, "warehouse", st_service_case_get_warehouse (sc));
  st_cli_json_member_string (json, "complaint", st_service_case_get_complaint (sc));
  st_cli_json_member_string (json, "warranty_status", st_warranty_status_to_string (warranty));
  st_cli_json_member_string (json, "warranty_end", st_service_case_get_warranty_end (sc));
  st_cli_json_member_string (json, "resolution",
                             st_service_case_get_resolution (sc) != ST_RESOLUTION_NONE
                             ? st_service_resolution_to_string (st_service_case_get_resolution (sc))
                             : NULL);
  st_cli_json_member_money (json, "charge", TRUE, st_service_case_get_charge (sc));
  st_cli_json_member_money (json, "refund", TRUE, st_service_case_get_refund (sc));
  st_cli_json_member_money (json, "parts_cost", TRUE, st_service_case_get_parts_cost (sc));
  st_cli_json_member_string (json, "closed_date", st_service_case_get_closed_date (sc));
  st_cli_json_member_int (json, "days_in_service", st_service_case_get_days_in_service (sc, today));
  st_cli_json_member_string (json, "replacement_serial",
                             st_service_case_get_replacement_serial (sc));
  st_cli_json_member_string (json, "replacement_sku", st_service_case_get_replacement_sku (sc));
  st_cli_json_member_string (json, "replacement_warranty_end",
                             st_service_case_get_replacement_warranty_end (sc));
  if (log != NULL)
    {
      json_builder_set_member_name (json, "log");
      json_builder_begin_array (json);
      for (guint i = 0; i < log->len; i++)
        {
          StServiceLogEntry *e = g_ptr_array_index (log, i);

          json_builder_begin_object (json);
          st_cli_json_member_string (json, "date", e->date);
          switch (e->kind)
            {
            case ST_SERVICE_LOG_NOTE:
              st_cli_json_member_string (json, "kind", "note");
              st_cli_json_member_string (json, "text", e->text);
              break;
            case ST_SERVICE_LOG_STATUS:
              st_cli_json_member_string (json, "kind", "status");
              st_cli_json_member_string (json, "status", e->text);
              break;
            case ST_SERVICE_LOG_PART:
            default:
              st_cli_json_member_string (json, "kind", "part");
              st_cli_json_member_string (json, "sku", e->sku);
              st_cli_json_member_int (json, "quantity", e->quantity);
              st_cli_json_member_money (json, "cost", TRUE, e->cost);
              st_cli_json_member_string (json, "serials", e->serials);
              break;
            }
          json_builder_end_object (json);
        }
      json_builder_end_array (json);
    }
  json_builder_end_object (json);
}

static void
case_to_text (StServiceCase *sc,
              GString       *out)
{
  g_autoptr(StCliTable) fields = st_cli_table_new (2);
  GPtrArray *log = st_service_case_get_log (sc);
  g_autofree char *item = NULL;
  g_autofree char *charge = st_money_format (st_service_case_get_charge (sc));
  g_autofree char *parts = st_money_format (st_service_case_get_parts_cost (sc));
  g_autofree char *refund = st_service_case_get_refund (sc) != 0
                            ? st_money_format (st_service_case_get_refund (sc)) : NULL;
  g_autofree char *warranty = NULL;
  g_autofree char *replacement = NULL;

  /* Translators: %1$s is a serial, %2$s a SKU */
  item = g_strdup_printf (_("%1$s (%2$s)"), st_service_case_get_serial (sc),
                          st_service_case_get_sku (sc));
  if (st_service_case_get_warranty_end (sc) != NULL)
    /* Translators: %1$s a warranty status such as “Under warranty”, %2$s the end date */
    warranty = g_strdup_printf (_("%1$s (ends %2$s)"),
                                st_warranty_status_to_label (st_service_case_get_warranty_status (sc)),
                                st_service_case_get_warranty_end (sc));
  else
    warranty = g_strdup (st_warranty_status_to_label (st_service_case_get_warranty_status (sc)));
  if (st_service_case_get_replacement_serial (sc) != NULL)
    {
      if (st_service_case_get_replacement_warranty_end (sc) != NULL)
        /* Translators: %1$s a serial, %2$s a SKU, %3$s the date its warranty ends */
        replacement = g_strdup_printf (_("%1$s (%2$s), warranty until %3$s"),
                                       st_service_case_get_replacement_serial (sc),
                                       st_service_case_get_replacement_sku (sc),
                                       st_service_case_get_replacement_warranty_end (sc));
      else
        replacement = g_strdup_printf (_("%1$s (%2$s)"),
                                       st_service_case_get_replacement_serial (sc),
                                       st_service_case_get_replacement_sku (sc));
    }

  st_cli_table_add_row (fields, _("Service case"), st_service_case_get_number (sc));
  st_cli_table_add_row (fields, _("Opened"), st_service_case_get_date (sc));
  st_cli_table_add_row (fields, _("Status"),
                        st_service_status_to_label (st_service_case_get_status (sc)));
  st_cli_table_add_row (fields, _("Unit"), item);
  st_cli_table_add_field (fields, _("Customer"), st_service_case_get_customer (sc));
  st_cli_table_add_field (fields, _("Warehouse"), st_service_case_get_warehouse (sc));
  st_cli_table_add_field (fields, _("Warranty"), warranty);
  st_cli_table_add_field (fields, _("Complaint"), st_service_case_get_complaint (sc));
  st_cli_table_add_field (fields, _("Resolution"),
                          st_service_resolution_to_label (st_service_case_get_resolution (sc)));
  st_cli_table_add_field (fields, _("Replacement"), replacement);
  st_cli_table_add_field (fields, _("Closed"), st_service_case_get_closed_date (sc));
  st_cli_table_add_field (fields, _("Charge"), charge);
  st_cli_table_add_field (fields, _("Refund"), refund);
  st_cli_table_add_field (fields, _("Parts cost"), parts);
  st_cli_table_render (fields, NULL, out);

  if (log == NULL || log->len == 0)
    return;
  g_string_append_c (out, '\n');
  g_string_append (out, _("Log"));
  g_string_append_c (out, '\n');
  {
    g_autoptr(StCliTable) table = st_cli_table_new (2);

    for (guint i = 0; i < log->len; i++)
      {
        StServiceLogEntry *e = g_ptr_array_index (log, i);
        g_autofree char *text = NULL;
        StServiceStatus status;

        if (e->kind == ST_SERVICE_LOG_NOTE)
          text = g_strdup (e->text);
        else if (e->kind == ST_SERVICE_LOG_STATUS)
          {
            st_service_status_from_string (e->text, &status);
            /* Translators: a line of a service case's log: %s a status such as “Ready” */
            text = g_strdup_printf (_("Status: %s"), st_service_status_to_label (status));
          }
        else
          {
            g_autofree char *cost = st_money_format (e->cost);

            if (e->serials != NULL)
              /* Translators: a part used on a service case: %1$lld a quantity, %2$s a SKU,
               * %3$s its cost per piece, %4$s serial numbers */
              text = g_strdup_printf (_("Part: %1$lld × %2$s at %3$s (%4$s)"),
                                      (long long) e->quantity, e->sku, cost, e->serials);
            else
              /* Translators: a part used on a service case: %1$lld a quantity, %2$s a SKU,
               * %3$s its cost per piece */
              text = g_strdup_printf (_("Part: %1$lld × %2$s at %3$s"), (long long) e->quantity,
                                      e->sku, cost);
          }
        st_cli_table_add_row (table, e->date, text);
      }
    st_cli_table_render (table, "  ", out);
  }
}

static int
print_case (StCli         *cli,
            StServiceCase *sc)
{
  return st_cli_print_details (cli, sc, (StCliToJsonFunc) case_to_json, NULL,
                               (StCliToTextFunc) case_to_text);
}

static int
finish (StCli         *cli,
        StServiceCase *sc,
        GError        *error)
{
  if (sc == NULL)
    return st_cli_fail (error);
  return print_case (cli, sc);
}

int
st_cli_cmd_service_open (StCli              *cli,
                         const StCliCommand *command,
                         int                 argc,
                         char              **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) args = NULL;
  g_autoptr(StServiceCase) sc = NULL;
  g_autofree char *sku = NULL, *complaint = NULL, *customer = NULL, *warehouse = NULL;
  g_autofree char *date = NULL;
  const StCliOption options[] = {
    { "item", ST_CLI_OPT_VALUE, &sku },
    { "complaint", ST_CLI_OPT_VALUE, &complaint },
    { "customer", ST_CLI_OPT_VALUE, &customer },
    { "warehouse", ST_CLI_OPT_VALUE, &warehouse },
    { "date", ST_CLI_OPT_VALUE, &date },
    { NULL }
  };
  StServiceIntake intake = { 0 };
  int status;

  if ((status = st_cli_parse_options (cli, command, options, argc, argv, 1, 1, &args)) >= 0)
    return status;
  if (complaint == NULL)
    /* Translators: keep “--complaint” as it is */
    return st_cli_usage_error (command, _("--complaint is required"));
  if (!st_cli_open_store (cli, &error))
    return st_cli_fail (error);
  intake.serial = g_ptr_array_index (args, 0);
  intake.sku = sku;
  intake.complaint = complaint;
  intake.customer = customer;
  intake.warehouse = warehouse;
  intake.date = date;
  sc = st_store_service_open (cli->store, &intake, &error);
  return finish (cli, sc, error);
}

int
st_cli_cmd_service_show (StCli              *cli,
                         const StCliCommand *command,
                         int                 argc,
                         char              **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) args = NULL;
  g_autoptr(StServiceCase) sc = NULL;
  const StCliOption options[] = { { NULL } };
  int status;

  if ((status = st_cli_parse_options (cli, command, options, argc, argv, 1, 1, &args)) >= 0)
    return status;
  if (!st_cli_open_store (cli, &error))
    return st_cli_fail (error);
  sc = st_store_service_get (cli->store, g_ptr_array_index (args, 0), &error);
  return finish (cli, sc, error);
}

int
st_cli_cmd_service_note (StCli              *cli,
                         const StCliCommand *command,
                         int                 argc,
                         char              **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) args = NULL;
  g_autoptr(StServiceCase) sc = NULL;
  g_autofree char *date = NULL;
  const StCliOption options[] = {
    { "date", ST_CLI_OPT_VALUE, &date },
    { NULL }
  };
  int status;

  if ((status = st_cli_parse_options (cli, command, options, argc, argv, 2, 2, &args)) >= 0)
    return status;
  if (!st_cli_open_store (cli, &error))
    return st_cli_fail (error);
  sc = st_store_service_note (cli->store, g_ptr_array_index (args, 0),
                              g_ptr_array_index (args, 1), date, &error);
  return finish (cli, sc, error);
}

int
st_cli_cmd_service_part (StCli              *cli,
                         const StCliCommand *command,
                         int                 argc,
                         char              **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) args = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(StServiceCase) sc = NULL;
  g_autoptr(StDraft) draft = st_draft_new (ST_DOC_SERVICE);
  g_autofree char *date = NULL;
  const StCliOption options[] = {
    { "line", ST_CLI_OPT_VALUES, &lines },
    { "date", ST_CLI_OPT_VALUE, &date },
    { NULL }
  };
  int status;

  if ((status = st_cli_parse_options (cli, command, options, argc, argv, 1, 1, &args)) >= 0)
    return status;
  if (lines == NULL || lines->len == 0)
    /* Translators: keep “--line” as it is */
    return st_cli_usage_error (command, _("At least one --line is required"));
  st_draft_set_string (&draft->date, date);
  if (!st_cli_add_lines (cli, draft, lines, &error) || !st_cli_open_store (cli, &error))
    return st_cli_fail (error);
  sc = st_store_service_add_parts (cli->store, g_ptr_array_index (args, 0), draft, &error);
  return finish (cli, sc, error);
}

/* service start / ready / cancel / void CASE: a step of the case, by the command's name */
int
st_cli_cmd_service_status (StCli              *cli,
                           const StCliCommand *command,
                           int                 argc,
                           char              **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) args = NULL;
  g_autoptr(StServiceCase) sc = NULL;
  g_autofree char *date = NULL;
  const StCliOption options[] = {
    { "date", ST_CLI_OPT_VALUE, &date },
    { NULL }
  };
  const char *number;
  int status;

  if ((status = st_cli_parse_options (cli, command, options, argc, argv, 1, 1, &args)) >= 0)
    return status;
  if (!st_cli_open_store (cli, &error))
    return st_cli_fail (error);
  number = g_ptr_array_index (args, 0);
  if (g_str_equal (command->name, "start"))
    sc = st_store_service_set_status (cli->store, number, ST_SERVICE_IN_REPAIR, date, &error);
  else if (g_str_equal (command->name, "ready"))
    sc = st_store_service_set_status (cli->store, number, ST_SERVICE_READY, date, &error);
  else if (g_str_equal (command->name, "cancel"))
    sc = st_store_service_cancel (cli->store, number, date, &error);
  else
    sc = st_store_service_void_step (cli->store, number, date, &error);
  return finish (cli, sc, error);
}

static gboolean
parse_charge (const char  *text,
              gint64      *charge,
              GError     **error)
{
  *charge = 0;
  if (text == NULL)
    return TRUE;
  if (!st_money_parse (text, _("charge"), charge, error))
    return FALSE;
  if (*charge < 0)
    {
      g_set_error (error, ST_ERROR, ST_ERROR_INVALID_INPUT, _("The charge cannot be negative"));
      return FALSE;
    }
  return TRUE;
}

int
st_cli_cmd_service_close (StCli              *cli,
                          const StCliCommand *command,
                          int                 argc,
                          char              **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) args = NULL;
  g_autoptr(StServiceCase) sc = NULL;
  g_autofree char *resolution_name = NULL, *charge_text = NULL, *date = NULL;
  const StCliOption options[] = {
    { "resolution", ST_CLI_OPT_VALUE, &resolution_name },
    { "charge", ST_CLI_OPT_VALUE, &charge_text },
    { "date", ST_CLI_OPT_VALUE, &date },
    { NULL }
  };
  StServiceResolution resolution;
  gint64 charge;
  int status;

  if ((status = st_cli_parse_options (cli, command, options, argc, argv, 1, 1, &args)) >= 0)
    return status;
  if (resolution_name == NULL || !st_service_resolution_from_string (resolution_name, &resolution)
      || (resolution != ST_RESOLUTION_REPAIRED && resolution != ST_RESOLUTION_UNREPAIRED))
    return st_cli_usage_error (command,
                               /* Translators: keep the option and the names as they are */
                               _("--resolution must be repaired or unrepaired (use “service "
                                 "replace” or “service refund” for the others)"));
  if (!parse_charge (charge_text, &charge, &error) || !st_cli_open_store (cli, &error))
    return st_cli_fail (error);
  sc = st_store_service_close (cli->store, g_ptr_array_index (args, 0), resolution, charge, date,
                               &error);
  return finish (cli, sc, error);
}

int
st_cli_cmd_service_replace (StCli              *cli,
                            const StCliCommand *command,
                            int                 argc,
                            char              **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) args = NULL;
  g_autoptr(StServiceCase) sc = NULL;
  g_autofree char *with = NULL, *sku = NULL, *warranty = NULL, *charge_text = NULL;
  g_autofree char *date = NULL;
  const StCliOption options[] = {
    { "with", ST_CLI_OPT_VALUE, &with },
    { "item", ST_CLI_OPT_VALUE, &sku },
    { "warranty", ST_CLI_OPT_VALUE, &warranty },
    { "charge", ST_CLI_OPT_VALUE, &charge_text },
    { "date", ST_CLI_OPT_VALUE, &date },
    { NULL }
  };
  StServiceReplacement r = { 0 };
  int status;

  if ((status = st_cli_parse_options (cli, command, options, argc, argv, 1, 1, &args)) >= 0)
    return status;
  if (warranty != NULL && !g_str_equal (warranty, "carry") && !g_str_equal (warranty, "restart"))
    /* Translators: keep the option and the names as they are */
    return st_cli_usage_error (command, _("--warranty must be carry or restart"));
  if (!parse_charge (charge_text, &r.charge, &error) || !st_cli_open_store (cli, &error))
    return st_cli_fail (error);
  r.serial = with;
  r.sku = sku;
  r.restart_warranty = warranty != NULL && g_str_equal (warranty, "restart");
  r.date = date;
  sc = st_store_service_replace (cli->store, g_ptr_array_index (args, 0), &r, &error);
  return finish (cli, sc, error);
}

int
st_cli_cmd_service_refund (StCli              *cli,
                           const StCliCommand *command,
                           int                 argc,
                           char              **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) args = NULL;
  g_autoptr(StServiceCase) sc = NULL;
  g_autofree char *warehouse = NULL, *date = NULL;
  const StCliOption options[] = {
    { "warehouse", ST_CLI_OPT_VALUE, &warehouse },
    { "date", ST_CLI_OPT_VALUE, &date },
    { NULL }
  };
  int status;

  if ((status = st_cli_parse_options (cli, command, options, argc, argv, 1, 1, &args)) >= 0)
    return status;
  if (!st_cli_open_store (cli, &error))
    return st_cli_fail (error);
  sc = st_store_service_refund (cli->store, g_ptr_array_index (args, 0), warehouse, date, &error);
  return finish (cli, sc, error);
}

static void
cases_to_text (GPtrArray *cases,
               GString   *out)
{
  g_autoptr(StCliTable) table = st_cli_table_new (8);

  st_cli_table_align_right (table, 7);
  st_cli_table_add_row (table,
                        /* Translators: column headings of the list of service cases */
                        _("Case"), _("Date"), _("Status"), _("Serial"), _("SKU"), _("Customer"),
                        _("Resolution"), _("Charge"));
  for (guint i = 0; i < cases->len; i++)
    {
      StServiceCase *sc = g_ptr_array_index (cases, i);
      g_autofree char *charge = st_money_format (st_service_case_get_charge (sc));

      st_cli_table_add_row (table, st_service_case_get_number (sc), st_service_case_get_date (sc),
                            st_service_status_to_label (st_service_case_get_status (sc)),
                            st_service_case_get_serial (sc), st_service_case_get_sku (sc),
                            st_service_case_get_customer (sc),
                            st_service_resolution_to_label (st_service_case_get_resolution (sc)),
                            charge);
    }
  st_cli_table_render (table, NULL, out);
}

int
st_cli_cmd_services (StCli              *cli,
                     const StCliCommand *command,
                     int                 argc,
                     char              **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cases = NULL;
  g_autofree char *status_name = NULL, *serial = NULL, *customer = NULL;
  const StCliOption options[] = {
    { "status", ST_CLI_OPT_VALUE, &status_name },
    { "serial", ST_CLI_OPT_VALUE, &serial },
    { "customer", ST_CLI_OPT_VALUE, &customer },
    { NULL }
  };
  StServiceQuery query = { .status = -1 };
  StServiceStatus case_status;
  int status;

  if ((status = st_cli_parse_options (cli, command, options, argc, argv, 0, 0, NULL)) >= 0)
    return status;
  if (status_name != NULL)
    {
      if (!st_service_status_from_string (status_name, &case_status))
        return st_cli_usage_error (command,
                                   /* Translators: %s is what was typed; keep the status names */
                                   _("Unknown status “%s”; use open, in_repair, ready, closed or "
                                     "cancelled"), status_name);
      query.status = case_status;
    }
  query.serial = serial;
  query.customer = customer;
  if (!st_cli_open_store (cli, &error)
      || (cases = st_store_query_service_cases (cli->store, &query, &error)) == NULL)
    return st_cli_fail (error);
  return st_cli_print_list (cli, cases, (StCliToJsonFunc) case_to_json, cases_to_text);
}

/* The first @limit units of the lazy list (count and first pages only, as the window's view
 * reads them); the number of all in *@total. */
static GPtrArray *
expiring_first (StStore     *store,
                const char  *date,
                guint        days,
                guint64      limit,
                guint       *total,
                GError     **error)
{
  g_autoptr(StListModel) model = NULL;
  g_autoptr(GPtrArray) units = g_ptr_array_new_with_free_func (g_object_unref);
  guint n;

  if (date != NULL && !st_date_validate (date, _("date"), error))
    return NULL;
  model = st_store_list_warranty_expiring (store, date, days);
  n = g_list_model_get_n_items (G_LIST_MODEL (model));
  for (guint i = 0; i < n && i < limit; i++)
    {
      StUnit *unit = g_list_model_get_item (G_LIST_MODEL (model), i);

      if (unit == NULL)
        break;
      g_ptr_array_add (units, unit);
    }
  if (st_list_model_get_error (model) != NULL)
    {
      g_propagate_error (error, g_error_copy (st_list_model_get_error (model)));
      return NULL;
    }
  *total = n;
  return g_steal_pointer (&units);
}

/* The warranty-expiring list's table with its heading row. */
static StCliTable *
expiring_table_new (void)
{
  StCliTable *table = st_cli_table_new (5);

  st_cli_table_add_row (table,
                        /* Translators: column headings of the warranty-expiring list */
                        _("Warranty ends"), _("Serial"), _("SKU"), _("Customer"), _("Sold"));
  return table;
}

typedef struct
{
  StCliTable *table;
  guint       n_rows;
} ExpiringText;

static gboolean
add_expiring_row (const StExpiringRow *row,
                  gpointer             data)
{
  ExpiringText *e = data;

  st_cli_table_add_row (e->table, row->warranty_end, row->serial, row->sku, row->customer,
                        row->sold_date);
  e->n_rows++;
  return TRUE;
}

/* Every expiring unit as a table: the printed columns only, read as the query goes. */
static gboolean
print_expiring_text (StStore     *store,
                     const char  *date,
                     guint        days,
                     GError     **error)
{
  g_autoptr(StCliTable) table = expiring_table_new ();
  ExpiringText e = { table, 0 };

  if (!st_store_warranty_expiring_rows (store, date, days, add_expiring_row, &e, error))
    return FALSE;
  /* Nothing expiring: no heading either. */
  if (e.n_rows == 0)
    return TRUE;
  st_cli_table_print (table, NULL);
  return TRUE;
}

typedef struct
{
  JsonBuilder   *json;
  StCliJsonList  list;
} ExpiringJson;

static gboolean
add_expiring_json (StUnit   *unit,
                   gpointer  data)
{
  ExpiringJson *e = data;

  st_cli_unit_to_json (unit, NULL, e->json);
  st_cli_json_list_add (&e->list, e->json);
  return TRUE;
}

/* Every expiring unit as a JSON list, each element printed as it is read. */
static gboolean
print_expiring_json (StStore     *store,
                     const char  *date,
                     guint        days,
                     GError     **error)
{
  g_autoptr(JsonBuilder) json = json_builder_new ();
  ExpiringJson e = { json, { 0 } };

  if (!st_store_warranty_expiring_each (store, date, days, add_expiring_json, &e, error))
    return FALSE;
  st_cli_json_list_end (&e.list);
  return TRUE;
}

int
st_cli_cmd_warranty_expiring (StCli              *cli,
                              const StCliCommand *command,
                              int                 argc,
                              char              **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) units = NULL;
  g_autofree char *within = NULL, *date = NULL, *limit_text = NULL;
  const StCliOption options[] = {
    { "within", ST_CLI_OPT_VALUE, &within },
    { "date", ST_CLI_OPT_VALUE, &date },
    { "limit", ST_CLI_OPT_VALUE, &limit_text },
    { NULL }
  };
  guint64 days = 30, limit = 0;
  guint total = 0;
  int status;

  if ((status = st_cli_parse_options (cli, command, options, argc, argv, 0, 0, NULL)) >= 0)
    return status;
  if (within != NULL && !g_ascii_string_to_unsigned (within, 10, 0, 36500, &days, NULL))
    /* Translators: %s is what was typed; keep “--within” as it is */
    return st_cli_usage_error (command, _("--within needs a number of days from 0 to 36500, not "
                                          "“%s”"), within);
  if (limit_text != NULL && !g_ascii_string_to_unsigned (limit_text, 10, 1, G_MAXUINT, &limit,
                                                         NULL))
    /* Translators: %s is what was typed; keep “--limit” as it is */
    return st_cli_usage_error (command, _("--limit wants a number of units, not “%s”"),
                               limit_text);
  if (!st_cli_open_store (cli, &error))
    return st_cli_fail (error);
  /* Without --limit: every unit as the query reads it, no unit kept (the text table only the
   * columns it prints). */
  if (limit == 0)
    {
      if (!(cli->json ? print_expiring_json (cli->store, date, (guint) days, &error)
                      : print_expiring_text (cli->store, date, (guint) days, &error)))
        return st_cli_fail (error);
      return ST_CLI_EXIT_OK;
    }
  /* With --limit: the count and the first units from the lazy list, not every row built. */
  units = expiring_first (cli->store, date, (guint) days, limit, &total, &error);
  if (units == NULL)
    return st_cli_fail (error);
  if (cli->json)
    {
      g_autoptr(JsonBuilder) json = json_builder_new ();
      StCliJsonList list = { 0 };

      for (guint i = 0; i < units->len; i++)
        {
          st_cli_unit_to_json (g_ptr_array_index (units, i), NULL, json);
          st_cli_json_list_add (&list, json);
        }
      st_cli_json_list_end (&list);
    }
  else if (units->len > 0)
    {
      g_autoptr(GString) out = g_string_new (NULL);
      g_autoptr(StCliTable) table = expiring_table_new ();

      for (guint i = 0; i < units->len; i++)
        {
          StUnit *unit = g_ptr_array_index (units, i);

          st_cli_table_add_row (table, st_unit_get_warranty_end (unit), st_unit_get_serial (unit),
                                st_unit_get_sku (unit), st_unit_get_customer (unit),
                                st_unit_get_sold_date (unit));
        }
      st_cli_table_render (table, NULL, out);
      if (total > units->len)
        {
          guint more = total - units->len;

          /* Translators: after a list cut short by --limit: how many units were left out */
          g_string_append_printf (out, ngettext ("… and %u more unit", "… and %u more units",
                                                 more), more);
          g_string_append_c (out, '\n');
        }
      st_cli_print_text (out->str);
    }
  return ST_CLI_EXIT_OK;
}

int
st_cli_cmd_export_services (StCli              *cli,
                            const StCliCommand *command,
                            int                 argc,
                            char              **argv)
{
  return st_cli_export_period (cli, command, argc, argv, st_export_services, "services");
}
