/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-cli-editing.c — item edit|archive|restore|delete, contact edit, warehouse rename
 * (DESIGN §6, §11). */
#define G_LOG_DOMAIN "st-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "st-cli-private.h"
#include "st-error.h"
#include "st-parse.h"
#include "st-store-editing.h"

static int
print_item (StCli      *cli,
            StItem     *item,
            const char *format)
{
  g_autofree char *text = g_strdup_printf (format, st_item_get_sku (item),
                                           st_item_get_name (item));

  return st_cli_print_object (cli, item, (StCliToJsonFunc) st_cli_item_to_json, text);
}

int
st_cli_cmd_item_edit (StCli              *cli,
                      const StCliCommand *command,
                      int                 argc,
                      char              **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) args = NULL;
  g_autoptr(StItem) item = NULL;
  g_autofree char *sku = NULL, *name = NULL, *unit = NULL, *format = NULL;
  g_autofree char *price = NULL, *cost = NULL, *warranty = NULL;
  const StCliOption options[] = {
    { "sku", ST_CLI_OPT_VALUE, &sku },
    { "name", ST_CLI_OPT_VALUE, &name },
    { "unit", ST_CLI_OPT_VALUE, &unit },
    { "format", ST_CLI_OPT_VALUE, &format },
    { "price", ST_CLI_OPT_VALUE, &price },
    { "cost", ST_CLI_OPT_VALUE, &cost },
    { "warranty-months", ST_CLI_OPT_VALUE, &warranty },
    { NULL }
  };
  StItemEdit edit = { 0 };
  int status;

  if ((status = st_cli_parse_options (cli, command, options, argc, argv, 1, 1, &args)) >= 0)
    return status;

  edit.sku = sku;
  edit.name = name;
  edit.unit = unit;
  if (format != NULL)
    {
      if (!st_serial_format_from_string (format, &edit.serial_format))
        return st_cli_usage_error (command,
                                   _("Serial format must be “any”, “digits” or “imei”, not “%s”"),
                                   format);
      edit.set_format = TRUE;
    }
  if (price != NULL && !st_money_parse (price, "--price", &edit.price, &error))
    return st_cli_fail (error);
  edit.set_price = price != NULL;
  if (cost != NULL && !st_money_parse (cost, "--cost", &edit.cost, &error))
    return st_cli_fail (error);
  edit.set_cost = cost != NULL;
  if (warranty != NULL && !st_cli_parse_months (warranty, &edit.warranty_months, &error))
    return st_cli_fail (error);
  edit.set_warranty = warranty != NULL;

  if (!st_cli_open_store (cli, &error)
      || (item = st_store_edit_item (cli->store, g_ptr_array_index (args, 0), &edit,
                                     &error)) == NULL)
    return st_cli_fail (error);

  /* Translators: %1$s is a SKU, %2$s the item's name */
  return print_item (cli, item, _("Changed item %1$s (%2$s)"));
}

/* item archive SKU | item restore SKU | item delete SKU */
int
st_cli_cmd_item_archive (StCli              *cli,
                         const StCliCommand *command,
                         int                 argc,
                         char              **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) args = NULL;
  g_autoptr(StItem) item = NULL;
  const char *sku;
  int status;

  if ((status = st_cli_parse_options (cli, command, NULL, argc, argv, 1, 1, &args)) >= 0)
    return status;
  sku = g_ptr_array_index (args, 0);
  if (!st_cli_open_store (cli, &error)
      || (item = st_store_find_item (cli->store, sku, &error)) == NULL)
    return st_cli_fail (error);

  if (g_str_equal (command->name, "delete"))
    {
      if (!st_store_delete_item (cli->store, sku, &error))
        return st_cli_fail (error);
      /* Translators: %1$s is a SKU, %2$s the item's name */
      return print_item (cli, item, _("Deleted item %1$s (%2$s)"));
    }

  if (!st_store_set_item_archived (cli->store, sku, g_str_equal (command->name, "archive"),
                                   &error))
    return st_cli_fail (error);
  if (g_str_equal (command->name, "archive"))
    /* Translators: %1$s is a SKU, %2$s the item's name */
    return print_item (cli, item, _("Archived item %1$s (%2$s): new documents no longer offer it"));
  /* Translators: %1$s is a SKU, %2$s the item's name */
  return print_item (cli, item, _("Restored item %1$s (%2$s)"));
}

int
st_cli_cmd_contact_edit (StCli              *cli,
                         const StCliCommand *command,
                         int                 argc,
                         char              **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) args = NULL;
  g_autoptr(StContact) contact = NULL;
  g_autofree char *name = NULL, *email = NULL, *phone = NULL;
  gboolean vendor = FALSE, customer = FALSE;
  const StCliOption options[] = {
    { "vendor", ST_CLI_OPT_FLAG, &vendor },
    { "customer", ST_CLI_OPT_FLAG, &customer },
    { "name", ST_CLI_OPT_VALUE, &name },
    { "email", ST_CLI_OPT_VALUE, &email },
    { "phone", ST_CLI_OPT_VALUE, &phone },
    { NULL }
  };
  g_autofree char *text = NULL;
  StContactKind kind;
  int status;

  if ((status = st_cli_parse_options (cli, command, options, argc, argv, 1, 1, &args)) >= 0
      || (status = st_cli_contact_kind (command, vendor, customer, &kind)) >= 0)
    return status;
  if (!st_cli_open_store (cli, &error)
      || (contact = st_store_edit_contact (cli->store, kind, g_ptr_array_index (args, 0), name,
                                           email, phone, &error)) == NULL)
    return st_cli_fail (error);

  if (kind == ST_CONTACT_VENDOR)
    /* Translators: %s is a name */
    text = g_strdup_printf (_("Changed vendor “%s”"), st_contact_get_name (contact));
  else
    /* Translators: %s is a name */
    text = g_strdup_printf (_("Changed customer “%s”"), st_contact_get_name (contact));
  return st_cli_print_object (cli, contact, (StCliToJsonFunc) st_cli_contact_to_json, text);
}

int
st_cli_cmd_warehouse_rename (StCli              *cli,
                             const StCliCommand *command,
                             int                 argc,
                             char              **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) args = NULL;
  g_autoptr(StWarehouse) warehouse = NULL;
  g_autofree char *text = NULL;
  int status;

  if ((status = st_cli_parse_options (cli, command, NULL, argc, argv, 2, 2, &args)) >= 0)
    return status;
  if (!st_cli_open_store (cli, &error)
      || (warehouse = st_store_rename_warehouse (cli->store, g_ptr_array_index (args, 0),
                                                 g_ptr_array_index (args, 1), &error)) == NULL)
    return st_cli_fail (error);

  /* Translators: %1$s is the old name of a warehouse, %2$s its new name */
  text = g_strdup_printf (_("Renamed warehouse “%1$s” to “%2$s”"),
                          (const char *) g_ptr_array_index (args, 0),
                          st_warehouse_get_name (warehouse));
  return st_cli_print_object (cli, warehouse, (StCliToJsonFunc) st_cli_warehouse_to_json, text);
}

/* contact archive | restore | delete NAME (--vendor | --customer) */
int
st_cli_cmd_contact_archive (StCli              *cli,
                            const StCliCommand *command,
                            int                 argc,
                            char              **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) args = NULL;
  g_autoptr(StContact) contact = NULL;
  gboolean vendor = FALSE, customer = FALSE;
  const StCliOption options[] = {
    { "vendor", ST_CLI_OPT_FLAG, &vendor },
    { "customer", ST_CLI_OPT_FLAG, &customer },
    { NULL }
  };
  g_autofree char *text = NULL;
  StContactKind kind;
  const char *name;
  int status;

  if ((status = st_cli_parse_options (cli, command, options, argc, argv, 1, 1, &args)) >= 0
      || (status = st_cli_contact_kind (command, vendor, customer, &kind)) >= 0)
    return status;
  name = g_ptr_array_index (args, 0);
  if (!st_cli_open_store (cli, &error)
      || (contact = st_store_find_contact (cli->store, kind, name, &error)) == NULL)
    return st_cli_fail (error);

  if (g_str_equal (command->name, "delete"))
    {
      if (!st_store_delete_contact (cli->store, kind, name, &error))
        return st_cli_fail (error);
      text = kind == ST_CONTACT_VENDOR
             /* Translators: %s is a vendor's name */
             ? g_strdup_printf (_("Deleted vendor “%s”"), st_contact_get_name (contact))
             /* Translators: %s is a customer's name */
             : g_strdup_printf (_("Deleted customer “%s”"), st_contact_get_name (contact));
    }
  else
    {
      gboolean archive = g_str_equal (command->name, "archive");

      if (!st_store_set_contact_archived (cli->store, kind, name, archive, &error))
        return st_cli_fail (error);
      g_clear_object (&contact);
      if ((contact = st_store_find_contact (cli->store, kind, name, &error)) == NULL)
        return st_cli_fail (error);
      if (archive)
        text = kind == ST_CONTACT_VENDOR
               /* Translators: %s is a vendor's name */
               ? g_strdup_printf (_("Archived vendor “%s”: new documents no longer offer it"),
                                  st_contact_get_name (contact))
               /* Translators: %s is a customer's name */
               : g_strdup_printf (_("Archived customer “%s”: new documents no longer offer it"),
                                  st_contact_get_name (contact));
      else
        text = kind == ST_CONTACT_VENDOR
               /* Translators: %s is a vendor's name */
               ? g_strdup_printf (_("Restored vendor “%s”"), st_contact_get_name (contact))
               /* Translators: %s is a customer's name */
               : g_strdup_printf (_("Restored customer “%s”"), st_contact_get_name (contact));
    }
  return st_cli_print_object (cli, contact, (StCliToJsonFunc) st_cli_contact_to_json, text);
}

/* warehouse archive | restore | delete NAME */
int
st_cli_cmd_warehouse_archive (StCli              *cli,
                              const StCliCommand *command,
                              int                 argc,
                              char              **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) args = NULL;
  g_autoptr(StWarehouse) warehouse = NULL;
  g_autofree char *text = NULL;
  const char *name;
  int status;

  if ((status = st_cli_parse_options (cli, command, NULL, argc, argv, 1, 1, &args)) >= 0)
    return status;
  name = g_ptr_array_index (args, 0);
  if (!st_cli_open_store (cli, &error)
      || (warehouse = st_store_find_warehouse (cli->store, name, &error)) == NULL)
    return st_cli_fail (error);

  if (g_str_equal (command->name, "delete"))
    {
      if (!st_store_delete_warehouse (cli->store, name, &error))
        return st_cli_fail (error);
      /* Translators: %s is a warehouse's name */
      text = g_strdup_printf (_("Deleted warehouse “%s”"), st_warehouse_get_name (warehouse));
    }
  else
    {
      gboolean archive = g_str_equal (command->name, "archive");

      if (!st_store_set_warehouse_archived (cli->store, name, archive, &error))
        return st_cli_fail (error);
      g_clear_object (&warehouse);
      if ((warehouse = st_store_find_warehouse (cli->store, name, &error)) == NULL)
        return st_cli_fail (error);
      text = archive
             /* Translators: %s is a warehouse's name */
             ? g_strdup_printf (_("Archived warehouse “%s”: new documents no longer offer it"),
                                st_warehouse_get_name (warehouse))
             /* Translators: %s is a warehouse's name */
             : g_strdup_printf (_("Restored warehouse “%s”"), st_warehouse_get_name (warehouse));
    }
  return st_cli_print_object (cli, warehouse, (StCliToJsonFunc) st_cli_warehouse_to_json, text);
}
