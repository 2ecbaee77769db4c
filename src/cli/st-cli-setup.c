/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-cli-setup.c — init, preferences, warehouses, contacts and items. */
#define G_LOG_DOMAIN "st-cli"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "st-currency.h"
#include "st-error.h"
#include "st-parse.h"
#include "st-cli-private.h"

int
st_cli_cmd_init (StCli              *cli,
                 const StCliCommand *command,
                 int                 argc,
                 char              **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *display = NULL;
  gboolean existed;
  int status;

  if ((status = st_cli_parse_options (cli, command, NULL, argc, argv, 0, 0, NULL)) >= 0)
    return status;

  path = st_cli_database_path (cli);
  display = st_store_location_display (path);
  cli->store = st_store_open (path, ST_STORE_OPEN_CREATE, &error);
  if (cli->store == NULL)
    return st_cli_fail (error);
  existed = !st_store_was_created (cli->store);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) json = json_builder_new ();

      json_builder_begin_object (json);
      st_cli_json_member_string (json, "path", display);
      st_cli_json_member_bool (json, "created", !existed);
      st_cli_json_member_string (json, "tracking",
                                 st_tracking_to_string (st_store_get_tracking (cli->store)));
      json_builder_end_object (json);
      st_cli_print_json (json);
    }
  else
    {
      g_autofree char *text = NULL;

      if (existed)
        /* Translators: %s is a file name */
        text = g_strdup_printf (_("The database at “%s” already exists; nothing to do"), display);
      else
        /* Translators: %s is a file name */
        text = g_strdup_printf (_("Created a new database at “%s”"), display);
      st_cli_print_text (text);
      st_cli_print_text ("\n");
    }
  return ST_CLI_EXIT_OK;
}

/* Preferences. */

/* The preferences: tracking, and the currency (set, or the locale's, or none). */
static void
print_preferences (StCli *cli)
{
  StTracking tracking = st_store_get_tracking (cli->store);
  g_autofree char *setting = st_store_dup_currency_setting (cli->store);
  g_autofree char *currency = setting != NULL ? g_strdup (setting) : st_currency_from_locale ();

  if (cli->json)
    {
      g_autoptr(JsonBuilder) json = json_builder_new ();

      json_builder_begin_object (json);
      st_cli_json_member_string (json, "tracking", st_tracking_to_string (tracking));
      /* null: money is plain numbers */
      st_cli_json_member_string (json, "currency", currency);
      st_cli_json_member_bool (json, "currency_from_locale", setting == NULL && currency != NULL);
      json_builder_end_object (json);
      st_cli_print_json (json);
    }
  else
    {
      g_autofree char *text = NULL;
      g_autofree char *money = NULL;

      /* Translators: %s is "serial" or "none", kept as typed on the command line */
      text = g_strdup_printf (_("Tracking: %s"), st_tracking_to_string (tracking));
      if (setting != NULL)
        /* Translators: %s is an ISO 4217 code such as EUR */
        money = g_strdup_printf (_("Currency: %s"), setting);
      else if (currency != NULL)
        /* Translators: %s is an ISO 4217 code such as EUR, taken from the locale's settings
         * because the database sets none */
        money = g_strdup_printf (_("Currency: %s (from the locale)"), currency);
      else
        money = g_strdup (_("Currency: none (amounts are plain numbers)"));
      st_cli_print_text (text);
      st_cli_print_text ("\n");
      st_cli_print_text (money);
      st_cli_print_text ("\n");
    }
}

int
st_cli_cmd_preferences_show (StCli              *cli,
                             const StCliCommand *command,
                             int                 argc,
                             char              **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  if ((status = st_cli_parse_options (cli, command, NULL, argc, argv, 0, 0, NULL)) >= 0)
    return status;
  if (!st_cli_open_store (cli, &error))
    return st_cli_fail (error);
  print_preferences (cli);
  return ST_CLI_EXIT_OK;
}

int
st_cli_cmd_preferences_set (StCli              *cli,
                            const StCliCommand *command,
                            int                 argc,
                            char              **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) args = NULL;
  StTracking tracking;
  int status;

  if ((status = st_cli_parse_options (cli, command, NULL, argc, argv, 2, 2, &args)) >= 0)
    return status;
  if (strcmp (g_ptr_array_index (args, 0), "currency") == 0)
    {
      /* Checked (and refused with the reason) by the store; "" returns to the locale's. */
      if (!st_cli_open_store (cli, &error)
          || !st_store_set_currency (cli->store, g_ptr_array_index (args, 1), &error))
        return st_cli_fail (error);
      print_preferences (cli);
      return ST_CLI_EXIT_OK;
    }
  if (strcmp (g_ptr_array_index (args, 0), "tracking") != 0)
    /* Translators: %s is what was typed; keep “tracking” and “currency” as they are */
    return st_cli_usage_error (command, _("Unknown preference “%s”; the preferences are "
                                          "“tracking” and “currency”"),
                               (const char *) g_ptr_array_index (args, 0));
  if (!st_tracking_from_string (g_ptr_array_index (args, 1), &tracking))
    /* Translators: %s is what was typed; keep “serial” and “none” as they are */
    return st_cli_usage_error (command, _("Tracking must be “serial” or “none”, not “%s”"),
                               (const char *) g_ptr_array_index (args, 1));
  if (!st_cli_open_store (cli, &error)
      || !st_store_set_tracking (cli->store, tracking, &error))
    return st_cli_fail (error);
  print_preferences (cli);
  return ST_CLI_EXIT_OK;
}

/* Warehouses and contacts. */

int
st_cli_cmd_warehouse_add (StCli              *cli,
                          const StCliCommand *command,
                          int                 argc,
                          char              **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) args = NULL;
  g_autoptr(StWarehouse) warehouse = NULL;
  g_autofree char *text = NULL;
  int status;

  if ((status = st_cli_parse_options (cli, command, NULL, argc, argv, 1, 1, &args)) >= 0)
    return status;
  if (!st_cli_open_store (cli, &error)
      || (warehouse = st_store_add_warehouse (cli->store, g_ptr_array_index (args, 0),
                                              &error)) == NULL)
    return st_cli_fail (error);

  /* Translators: %s is a warehouse name */
  text = g_strdup_printf (_("Added warehouse “%s”"), st_warehouse_get_name (warehouse));
  return st_cli_print_object (cli, warehouse, (StCliToJsonFunc) st_cli_warehouse_to_json, text);
}

static void
warehouses_to_text (GPtrArray *list,
                    GString   *out)
{
  for (guint i = 0; i < list->len; i++)
    {
      StWarehouse *warehouse = g_ptr_array_index (list, i);
      g_autofree char *name = g_utf8_make_valid (st_warehouse_get_name (warehouse), -1);

      if (st_warehouse_get_archived (warehouse))
        /* Translators: %s is a warehouse's name in "warehouse list" */
        g_string_append_printf (out, _("%s (archived)"), name);
      else
        g_string_append (out, name);
      g_string_append_c (out, '\n');
    }
}

int
st_cli_cmd_warehouse_list (StCli              *cli,
                           const StCliCommand *command,
                           int                 argc,
                           char              **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  int status;

  if ((status = st_cli_parse_options (cli, command, NULL, argc, argv, 0, 0, NULL)) >= 0)
    return status;
  if (!st_cli_open_store (cli, &error)
      || (list = st_store_list_warehouses (cli->store, &error)) == NULL)
    return st_cli_fail (error);
  return st_cli_print_list (cli, list, (StCliToJsonFunc) st_cli_warehouse_to_json,
                            warehouses_to_text);
}

int
st_cli_cmd_contact_add (StCli              *cli,
                        const StCliCommand *command,
                        int                 argc,
                        char              **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) args = NULL;
  g_autoptr(StContact) contact = NULL;
  g_autofree char *text = NULL;
  gboolean vendor = FALSE, customer = FALSE;
  StContactKind kind;
  const StCliOption options[] = {
    { "vendor", ST_CLI_OPT_FLAG, &vendor },
    { "customer", ST_CLI_OPT_FLAG, &customer },
    { NULL }
  };
  int status;

  if ((status = st_cli_parse_options (cli, command, options, argc, argv, 1, 1, &args)) >= 0
      || (status = st_cli_contact_kind (command, vendor, customer, &kind)) >= 0)
    return status;
  if (!st_cli_open_store (cli, &error)
      || (contact = st_store_add_contact (cli->store, kind, g_ptr_array_index (args, 0),
                                          &error)) == NULL)
    return st_cli_fail (error);

  if (kind == ST_CONTACT_VENDOR)
    /* Translators: %s is a name */
    text = g_strdup_printf (_("Added vendor “%s”"), st_contact_get_name (contact));
  else
    /* Translators: %s is a name */
    text = g_strdup_printf (_("Added customer “%s”"), st_contact_get_name (contact));
  return st_cli_print_object (cli, contact, (StCliToJsonFunc) st_cli_contact_to_json, text);
}

static gboolean
append_contacts (StCli          *cli,
                 StContactKind   kind,
                 GPtrArray      *all,
                 GError        **error)
{
  g_autoptr(GPtrArray) list = st_store_list_contacts (cli->store, kind, error);

  if (list == NULL)
    return FALSE;
  for (guint i = 0; i < list->len; i++)
    g_ptr_array_add (all, g_object_ref (g_ptr_array_index (list, i)));
  return TRUE;
}

static void
contacts_to_text (GPtrArray *list,
                  GString   *out)
{
  g_autoptr(StCliTable) table = st_cli_table_new (2);

  for (guint i = 0; i < list->len; i++)
    {
      StContact *contact = g_ptr_array_index (list, i);
      g_autofree char *name = NULL;

      if (st_contact_get_archived (contact))
        /* Translators: %s is a contact's name in "contact list" */
        name = g_strdup_printf (_("%s (archived)"), st_contact_get_name (contact));
      st_cli_table_add_row (table,
                            st_contact_get_kind (contact) == ST_CONTACT_VENDOR
                            ? _("Vendor") : _("Customer"),
                            name != NULL ? name : st_contact_get_name (contact));
    }
  st_cli_table_render (table, NULL, out);
}

int
st_cli_cmd_contact_list (StCli              *cli,
                         const StCliCommand *command,
                         int                 argc,
                         char              **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean vendor = FALSE, customer = FALSE;
  const StCliOption options[] = {
    { "vendor", ST_CLI_OPT_FLAG, &vendor },
    { "customer", ST_CLI_OPT_FLAG, &customer },
    { NULL }
  };
  int status;

  if ((status = st_cli_parse_options (cli, command, options, argc, argv, 0, 0, NULL)) >= 0)
    return status;
  if (!vendor && !customer)
    vendor = customer = TRUE;
  if (!st_cli_open_store (cli, &error)
      || (vendor && !append_contacts (cli, ST_CONTACT_VENDOR, list, &error))
      || (customer && !append_contacts (cli, ST_CONTACT_CUSTOMER, list, &error)))
    return st_cli_fail (error);
  return st_cli_print_list (cli, list, (StCliToJsonFunc) st_cli_contact_to_json,
                            contacts_to_text);
}

/* Items. */

int
st_cli_cmd_item_add (StCli              *cli,
                     const StCliCommand *command,
                     int                 argc,
                     char              **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StItem) item = NULL;
  g_autofree char *sku = NULL, *name = NULL, *unit = NULL, *format = NULL;
  g_autofree char *price = NULL, *cost = NULL, *warranty = NULL;
  g_autofree char *text = NULL;
  gboolean serial = FALSE;
  const StCliOption options[] = {
    { "sku", ST_CLI_OPT_VALUE, &sku },
    { "name", ST_CLI_OPT_VALUE, &name },
    { "unit", ST_CLI_OPT_VALUE, &unit },
    { "serial", ST_CLI_OPT_FLAG, &serial },
    { "format", ST_CLI_OPT_VALUE, &format },
    { "price", ST_CLI_OPT_VALUE, &price },
    { "cost", ST_CLI_OPT_VALUE, &cost },
    { "warranty-months", ST_CLI_OPT_VALUE, &warranty },
    { NULL }
  };
  StItemSpec spec = { 0 };
  int status;

  if ((status = st_cli_parse_options (cli, command, options, argc, argv, 0, 0, NULL)) >= 0)
    return status;
  if (sku == NULL)
    return st_cli_usage_error (command, _("Missing --sku"));
  if (name == NULL)
    return st_cli_usage_error (command, _("Missing --name"));
  if (format != NULL && !serial)
    return st_cli_usage_error (command, _("--format applies to serial items; add --serial"));

  spec.sku = sku;
  spec.name = name;
  spec.unit = unit;
  spec.tracking = serial ? ST_TRACKING_SERIAL : ST_TRACKING_NONE;
  spec.serial_format = ST_SERIAL_FORMAT_ANY;
  if (format != NULL && !st_serial_format_from_string (format, &spec.serial_format))
    return st_cli_usage_error (command,
                               /* Translators: %s is what was typed; keep “any”, “digits” and
                                * “imei” as they are */
                               _("Serial format must be “any”, “digits” or “imei”, not “%s”"),
                               format);
  if (price != NULL && !st_money_parse (price, "--price", &spec.price, &error))
    return st_cli_fail (error);
  if (cost != NULL && !st_money_parse (cost, "--cost", &spec.cost, &error))
    return st_cli_fail (error);
  if (warranty != NULL && !st_cli_parse_months (warranty, &spec.warranty_months, &error))
    return st_cli_fail (error);

  if (!st_cli_open_store (cli, &error)
      || (item = st_store_add_item (cli->store, &spec, &error)) == NULL)
    return st_cli_fail (error);

  /* Translators: %1$s is a SKU, %2$s the item's name */
  text = g_strdup_printf (_("Added item %1$s (%2$s)"), st_item_get_sku (item),
                          st_item_get_name (item));
  return st_cli_print_object (cli, item, (StCliToJsonFunc) st_cli_item_to_json, text);
}

int
st_cli_cmd_item_list (StCli              *cli,
                      const StCliCommand *command,
                      int                 argc,
                      char              **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  int status;

  if ((status = st_cli_parse_options (cli, command, NULL, argc, argv, 0, 0, NULL)) >= 0)
    return status;
  if (!st_cli_open_store (cli, &error)
      || (list = st_store_list_all_items (cli->store, &error)) == NULL)
    return st_cli_fail (error);
  return st_cli_print_list (cli, list, (StCliToJsonFunc) st_cli_item_to_json,
                            st_cli_items_to_text);
}
