/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-cli.c — serialtrack-cli: global options, the command table and dispatch. */
#define G_LOG_DOMAIN "st-cli"

#include "config.h"

#include <locale.h>
#include <string.h>
#include <glib/gi18n.h>

#include "st-cli-charset.h"
#include "st-cli-private.h"

/* The synopses carry the context "command synopsis"; print them with g_dpgettext2 (). */
static const StCliCommand commands[] = {
  { "init", NULL, st_cli_cmd_init,
    /* Translators: keep the command and option names; NAME, LINE … may be translated */
    NC_("command synopsis", "init"),
    N_("Create the database (or check that the existing file is one).") },
  { "preferences", "show", st_cli_cmd_preferences_show,
    /* Translators: keep the command and option names; NAME, LINE … may be translated */
    NC_("command synopsis", "preferences show"),
    N_("Show how items are tracked (serial or none) and the currency of amounts.") },
  { "preferences", "set", st_cli_cmd_preferences_set,
    /* Translators: keep the command and option names; NAME, LINE … may be translated */
    NC_("command synopsis", "preferences set (tracking (serial|none) | currency CODE)"),
    N_("Track items by serial number, or by quantity only; show amounts in a currency (an "
       "ISO 4217 code such as EUR; \"\" for the locale's).") },
  { "warehouse", "add", st_cli_cmd_warehouse_add,
    /* Translators: keep the command and option names; NAME, LINE … may be translated */
    NC_("command synopsis", "warehouse add NAME"),
    N_("Add a warehouse.") },
  { "warehouse", "list", st_cli_cmd_warehouse_list,
    /* Translators: keep the command and option names; NAME, LINE … may be translated */
    NC_("command synopsis", "warehouse list"),
    N_("List the warehouses.") },
  { "contact", "add", st_cli_cmd_contact_add,
    /* Translators: keep the command and option names; NAME, LINE … may be translated */
    NC_("command synopsis", "contact add (--vendor | --customer) NAME"),
    N_("Add a vendor or a customer.") },
  { "contact", "list", st_cli_cmd_contact_list,
    /* Translators: keep the command and option names; NAME, LINE … may be translated */
    NC_("command synopsis", "contact list [--vendor | --customer]"),
    N_("List vendors and customers.") },
  { "item", "add", st_cli_cmd_item_add,
    /* Translators: keep the command and option names; NAME, LINE … may be translated */
    NC_("command synopsis", "item add --sku SKU --name NAME [--serial] [--format any|digits|imei] "
        "[--price AMOUNT] [--cost AMOUNT] [--warranty-months N] [--unit UNIT]"),
    N_("Add an item; --serial tracks its units by serial number.") },
  { "item", "list", st_cli_cmd_item_list,
    /* Translators: keep the command and option names; NAME, LINE … may be translated */
    NC_("command synopsis", "item list"),
    N_("List the items with their stock on hand.") },
  { "item", "edit", st_cli_cmd_item_edit,
    /* Translators: keep the command and option names; NAME, LINE … may be translated */
    NC_("command synopsis", "item edit SKU [--sku NEW] [--name NAME] [--unit UNIT] "
        "[--price AMOUNT] [--cost AMOUNT] [--warranty-months N] [--format any|digits|imei]"),
    N_("Change an item; history shows the new name.  A stricter serial format is refused "
       "while a serial of the item does not meet it.") },
  { "item", "archive", st_cli_cmd_item_archive,
    /* Translators: keep the command and option names; NAME, LINE … may be translated */
    NC_("command synopsis", "item archive SKU"),
    N_("Archive an item: new documents no longer offer it; reports and histories keep it.") },
  { "item", "restore", st_cli_cmd_item_archive,
    /* Translators: keep the command and option names; NAME, LINE … may be translated */
    NC_("command synopsis", "item restore SKU"),
    N_("Bring an archived item back.") },
  { "item", "delete", st_cli_cmd_item_archive,
    /* Translators: keep the command and option names; NAME, LINE … may be translated */
    NC_("command synopsis", "item delete SKU"),
    N_("Delete an item no document uses (one that history uses is archived instead).") },
  { "contact", "edit", st_cli_cmd_contact_edit,
    /* Translators: keep the command and option names; NAME, LINE … may be translated */
    NC_("command synopsis", "contact edit NAME (--vendor | --customer) [--name NEW] "
        "[--email E] [--phone P]"),
    N_("Rename a vendor or customer, or set its e-mail address and phone number.") },
  { "warehouse", "rename", st_cli_cmd_warehouse_rename,
    /* Translators: keep the command and option names; NAME, LINE … may be translated */
    NC_("command synopsis", "warehouse rename NAME NEW"),
    N_("Rename a warehouse; history shows the new name.") },
  { "warehouse", "archive", st_cli_cmd_warehouse_archive,
    /* Translators: keep the command and option names; NAME, LINE … may be translated */
    NC_("command synopsis", "warehouse archive NAME"),
    N_("Archive a warehouse without stock: new documents no longer offer it; reports and "
       "histories keep it.") },
  { "warehouse", "restore", st_cli_cmd_warehouse_archive,
    /* Translators: keep the command and option names; NAME, LINE … may be translated */
    NC_("command synopsis", "warehouse restore NAME"),
    N_("Bring an archived warehouse back.") },
  { "warehouse", "delete", st_cli_cmd_warehouse_archive,
    /* Translators: keep the command and option names; NAME, LINE … may be translated */
    NC_("command synopsis", "warehouse delete NAME"),
    N_("Delete a warehouse no document uses (one that history uses is archived instead).") },
  { "contact", "archive", st_cli_cmd_contact_archive,
    /* Translators: keep the command and option names; NAME, LINE … may be translated */
    NC_("command synopsis", "contact archive NAME (--vendor | --customer)"),
    N_("Archive a vendor or customer: new documents no longer offer it; reports and "
       "histories keep it.") },
  { "contact", "restore", st_cli_cmd_contact_archive,
    /* Translators: keep the command and option names; NAME, LINE … may be translated */
    NC_("command synopsis", "contact restore NAME (--vendor | --customer)"),
    N_("Bring an archived vendor or customer back.") },
  { "contact", "delete", st_cli_cmd_contact_archive,
    /* Translators: keep the command and option names; NAME, LINE … may be translated */
    NC_("command synopsis", "contact delete NAME (--vendor | --customer)"),
    N_("Delete a vendor or customer no document uses (one that history uses is archived "
       "instead).") },
  { "bill", "post", st_cli_cmd_post,
    /* Translators: keep the command and option names; NAME, LINE … may be translated */
    NC_("command synopsis", "bill post --vendor NAME --number NO --warehouse WH "
        "[--date D] --line LINE... [--draft]"),
    N_("Receive units from a vendor: new serials come into stock.") },
  { "invoice", "post", st_cli_cmd_post,
    /* Translators: keep the command and option names; NAME, LINE … may be translated */
    NC_("command synopsis", "invoice post --customer NAME --warehouse WH [--number NO] "
        "[--date D] --line LINE... [--draft]"),
    N_("Sell units; without SERIALS the oldest units in stock are picked.") },
  { "transfer", "post", st_cli_cmd_post,
    /* Translators: keep the command and option names; NAME, LINE … may be translated */
    NC_("command synopsis", "transfer post --from WH --to WH [--in-transit] [--number NO] "
        "[--date D] --line LINE... [--draft]"),
    N_("Move units between warehouses, at once or through transit.") },
  { "transfer", "receive", st_cli_cmd_transfer_receive,
    /* Translators: keep the command and option names; NAME, LINE … may be translated */
    NC_("command synopsis", "transfer receive NUMBER [--date D]"),
    N_("Receive an in-transit transfer at its destination.") },
  { "adjust", "post", st_cli_cmd_post,
    /* Translators: keep the command and option names; NAME, LINE … may be translated */
    NC_("command synopsis", "adjust post --warehouse WH --reason TEXT [--number NO] "
        "[--date D] --line LINE... [--draft]"),
    N_("Add units (positive QTY, new serials) or write them off (negative QTY).") },
  { "return", "post", st_cli_cmd_post,
    /* Translators: keep the command and option names; NAME, LINE … may be translated */
    NC_("command synopsis", "return post --invoice NUMBER --warehouse WH [--number NO] "
        "[--date D] --line LINE... [--draft]"),
    N_("Take back units sold on an invoice.") },
  { "vendor-return", "post", st_cli_cmd_post,
    /* Translators: keep the command and option names; NAME, LINE … may be translated */
    NC_("command synopsis", "vendor-return post --bill NUMBER [--vendor NAME] [--number NO] "
        "[--date D] --line LINE... [--draft]"),
    N_("Send units of a bill back to their vendor; --vendor says whose bill, when several "
       "vendors use its number.") },
  { "draft", "list", st_cli_cmd_draft_list,
    /* Translators: keep the command and option names; NAME, LINE … may be translated */
    NC_("command synopsis", "draft list [--kind KIND]"),
    N_("List the saved drafts, the last saved first.") },
  { "draft", "show", st_cli_cmd_draft_show,
    /* Translators: keep the command and option names; NAME, LINE … may be translated */
    NC_("command synopsis", "draft show NUMBER"),
    N_("Show a draft as it was entered.") },
  { "draft", "post", st_cli_cmd_draft_post,
    /* Translators: keep the command and option names; NAME, LINE … may be translated */
    NC_("command synopsis", "draft post NUMBER"),
    N_("Post a draft: every check is made again; refused, the draft stays as it was.") },
  { "draft", "delete", st_cli_cmd_draft_delete,
    /* Translators: keep the command and option names; NAME, LINE … may be translated */
    NC_("command synopsis", "draft delete NUMBER"),
    N_("Delete a draft.") },
  { "void", NULL, st_cli_cmd_void,
    /* Translators: keep the command and option names; NAME, LINE … may be translated */
    NC_("command synopsis", "void (bill|invoice|transfer|adjustment|return|vendor-return) NUMBER "
        "[--vendor NAME]"),
    N_("Void a posted document (refused when its units have moved on since); for a bill, "
       "--vendor says whose, when several vendors use its number.") },
  { "service", "open", st_cli_cmd_service_open,
    /* Translators: keep the command and option names; NAME, LINE … may be translated */
    NC_("command synopsis", "service open SERIAL [--item SKU] --complaint TEXT "
        "[--customer NAME] [--warehouse WH] [--date D]"),
    N_("Take a customer's unit in for service (warranty claim or repair); a serial never sold "
       "here needs --item and --customer.") },
  { "service", "show", st_cli_cmd_service_show,
    /* Translators: keep the command and option names; NAME, LINE … may be translated */
    NC_("command synopsis", "service show CASE"),
    N_("Show a service case with its log of notes, parts and status changes.") },
  { "service", "note", st_cli_cmd_service_note,
    /* Translators: keep the command and option names; NAME, LINE … may be translated */
    NC_("command synopsis", "service note CASE TEXT [--date D]"),
    N_("Add a dated note (work done) to a service case.") },
  { "service", "part", st_cli_cmd_service_part,
    /* Translators: keep the command and option names; NAME, LINE … may be translated */
    NC_("command synopsis", "service part CASE --line LINE... [--date D]"),
    N_("Parts used: stock at the case's warehouse written off to the case, at cost.") },
  { "service", "start", st_cli_cmd_service_status,
    /* Translators: keep the command and option names; NAME, LINE … may be translated */
    NC_("command synopsis", "service start CASE [--date D]"),
    N_("Start the repair of an open service case.") },
  { "service", "ready", st_cli_cmd_service_status,
    /* Translators: keep the command and option names; NAME, LINE … may be translated */
    NC_("command synopsis", "service ready CASE [--date D]"),
    N_("Mark a service case ready for the customer to collect.") },
  { "service", "cancel", st_cli_cmd_service_status,
    /* Translators: keep the command and option names; NAME, LINE … may be translated */
    NC_("command synopsis", "service cancel CASE [--date D]"),
    N_("Cancel a service case: the unit goes back to the customer untouched.") },
  { "service", "close", st_cli_cmd_service_close,
    /* Translators: keep the command and option names; NAME, LINE … may be translated */
    NC_("command synopsis", "service close CASE --resolution repaired|unrepaired "
        "[--charge AMOUNT] [--date D]"),
    N_("Close a service case: the unit goes back to the customer, its warranty unchanged.") },
  { "service", "replace", st_cli_cmd_service_replace,
    /* Translators: keep the command and option names; NAME, LINE … may be translated */
    NC_("command synopsis", "service replace CASE [--with SERIAL] [--item SKU] "
        "[--warranty carry|restart] [--charge AMOUNT] [--date D]"),
    N_("Hand the customer a unit from stock instead; the faulty one stays with us. The "
       "warranty end is carried over unless restarted.") },
  { "service", "refund", st_cli_cmd_service_refund,
    /* Translators: keep the command and option names; NAME, LINE … may be translated */
    NC_("command synopsis", "service refund CASE [--warehouse WH] [--date D]"),
    N_("Refund the unit's price; the unit stays with us, faulty.") },
  { "service", "void", st_cli_cmd_service_status,
    /* Translators: keep the command and option names; NAME, LINE … may be translated */
    NC_("command synopsis", "service void CASE [--date D]"),
    N_("Void a service case's last step (its closing or cancellation), refused when a unit "
       "has moved on since.") },
  { "services", NULL, st_cli_cmd_services,
    /* Translators: keep the command and option names; NAME, LINE … may be translated */
    NC_("command synopsis", "services [--status STATUS] [--serial SERIAL] [--customer NAME]"),
    /* Translators: keep the status names as they are */
    N_("List service cases, open ones first; STATUS is open, in_repair, ready, closed or "
       "cancelled.") },
  { "warranty", "expiring", st_cli_cmd_warranty_expiring,
    /* Translators: keep the command and option names; NAME, LINE … may be translated */
    NC_("command synopsis", "warranty expiring [--within DAYS] [--date D] [--limit N]"),
    N_("Sold units whose warranty ends within DAYS (30) of today or of --date; with --limit, "
       "the first N of them and how many more.") },
  { "unit", NULL, st_cli_cmd_unit,
    /* Translators: keep the command and option names; NAME, LINE … may be translated */
    NC_("command synopsis", "unit SERIAL [--item SKU]"),
    N_("Show the current state and the full history of one unit.") },
  { "units", NULL, st_cli_cmd_units,
    /* Translators: keep the command and option names; NAME, LINE … may be translated */
    NC_("command synopsis", "units [--item SKU] [--status STATUS] [--warehouse WH]"),
    /* Translators: keep the status names (in_stock …) as they are */
    N_("List units (oldest received first); STATUS is in_stock, in_transit, sold, written_off, "
       "returned_to_vendor or voided.") },
  { "search", NULL, st_cli_cmd_search,
    /* Translators: keep the command and option names; NAME, LINE … may be translated */
    NC_("command synopsis", "search TEXT [--limit N]"),
    N_("Find units whose serial contains TEXT (the last digits too), and the units of "
       "customers and vendors whose name contains it; the first 100 unless --limit says.") },
  { "check", NULL, st_cli_cmd_check,
    /* Translators: keep the command and option names; NAME, LINE … may be translated */
    NC_("command synopsis", "check"),
    N_("Check the database's integrity and the ledger's invariants.") },
  { "export", "history", st_cli_cmd_export_history,
    /* Translators: keep the command and option names; NAME, LINE … may be translated */
    NC_("command synopsis", "export history FILE.xlsx [--item SKU] [--serial SERIAL]... [--force]"),
    N_("Export units and their full histories to an Excel workbook.") },
  { "export", "sold", st_cli_cmd_export_sold,
    /* Translators: keep the command and option names; NAME, LINE … may be translated */
    NC_("command synopsis", "export sold FILE.xlsx [--from D] [--to D] [--force]"),
    N_("Export the serials sold in a date range, with price, cost and margin.") },
  { "labels", NULL, st_cli_cmd_labels,
    /* Translators: keep the command and option names; NAME, LINE … may be translated */
    NC_("command synopsis", "labels FILE.pdf (--bill NO [--vendor V] | --serial S... | --item SKU "
        "[--status STATUS]) [--layout a4-3x8|letter-3x10|roll-62x29] [--skip N] [--copies N] "
        "[--code code128|qr] [--force]"),
    N_("Write barcode labels of units to a PDF: the serial as Code 128 (or QR), the serial, "
       "SKU and item name.") },
  { "count", "start", st_cli_cmd_count_start,
    /* Translators: keep the command and option names; NAME, LINE … may be translated */
    NC_("command synopsis", "count start --warehouse WH [--item SKU]... [--date D]"),
    N_("Start a stock count: the units in stock at WH now are expected.") },
  { "count", "scan", st_cli_cmd_count_scan,
    /* Translators: keep the command and option names; NAME, LINE … may be translated */
    NC_("command synopsis", "count scan COUNT [SERIALS]... [--quantity SKU:N]..."),
    N_("Scan serials into a count, printing each one's class (found, again, elsewhere, "
       "not_in_stock, unknown, ambiguous, moved).") },
  { "count", "show", st_cli_cmd_count_show,
    /* Translators: keep the command and option names; NAME, LINE … may be translated */
    NC_("command synopsis", "count show COUNT"),
    N_("Show a count's tally, missing and unexpected units.") },
  { "count", "list", st_cli_cmd_count_list,
    /* Translators: keep the command and option names; NAME, LINE … may be translated */
    NC_("command synopsis", "count list"),
    N_("List the stock counts, newest first.") },
  { "count", "finish", st_cli_cmd_count_finish,
    /* Translators: keep the command and option names; NAME, LINE … may be translated */
    NC_("command synopsis", "count finish COUNT [--write-off-missing] [--date D]"),
    N_("Finish a count; with --write-off-missing, post one adjustment writing the missing "
       "off.") },
  { "export", "count", st_cli_cmd_export_count,
    /* Translators: keep the command and option names; NAME, LINE … may be translated */
    NC_("command synopsis", "export count COUNT FILE.xlsx [--force]"),
    N_("Export a count's report (scans, missing, unexpected) to an Excel workbook.") },
  { "export", "services", st_cli_cmd_export_services,
    /* Translators: keep the command and option names; NAME, LINE … may be translated */
    NC_("command synopsis", "export services FILE.xlsx [--from D] [--to D] [--force]"),
    N_("Export the service cases opened in a date range: dates, days in service, warranty, "
       "resolution, charge and parts cost.") },
  { "generate", NULL, st_cli_cmd_generate,
    /* Translators: keep the command and option names; NAME, LINE … may be translated */
    NC_("command synopsis", "generate --items N --units N [--seed S] [--service-cases N]"),
    N_("Post deterministic synthetic data through the posting engine; --service-cases alone "
       "adds that many service cases on sold units to an existing inventory.") },
  { "backup", NULL, st_cli_cmd_backup,
    /* Translators: keep the command and option names; NAME, LINE … may be translated */
    NC_("command synopsis", "backup FILE [--force]"),
    N_("Copy the database to FILE, consistently even while others write.") },
  { "restore", NULL, st_cli_cmd_restore,
    /* Translators: keep the command and option names; NAME, LINE … may be translated */
    NC_("command synopsis", "restore BACKUP [--force]"),
    N_("Replace the database with a checked backup; the replaced file is kept beside it.") },
  { "copy", NULL, st_cli_cmd_copy,
    /* Translators: keep the command and option names; NAME, LINE … may be translated */
    NC_("command synopsis", "copy TARGET [--force]"),
    N_("Copy the whole database into an empty TARGET (a file, or a PostgreSQL database), then "
       "check it.") },
};

static void
print_overview (gboolean to_stderr)
{
  g_autoptr(GString) out = g_string_new (NULL);

  /* Translators: %s is the program name; keep the option names as they are */
  g_string_append_printf (out, _("Usage: %s [--db FILE|URI] [--json] COMMAND ..."), ST_CLI_NAME);
  g_string_append (out, "\n");
  if (to_stderr)
    {
      /* Translators: %s is the program name */
      g_string_append_printf (out, _("Try “%s --help” for the list of commands."), ST_CLI_NAME);
      g_string_append (out, "\n");
      g_printerr ("%s", out->str);
      return;
    }

  g_string_append (out, "\n");
  g_string_append (out, _("Track serial-numbered units from the bill that brought them in to "
                          "the invoice that sold them."));
  g_string_append (out, "\n\n");
  g_string_append (out, _("Commands:"));
  g_string_append (out, "\n");
  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    g_string_append_printf (out, "  %s\n      %s\n",
                            g_dpgettext2 (GETTEXT_PACKAGE, "command synopsis",
                                          commands[i].synopsis),
                            _(commands[i].summary));
  g_string_append (out, "\n");
  g_string_append (out, _("LINE    = SKU:QTY[:RATE[:SERIALS]]"));
  g_string_append (out, "\n");
  g_string_append (out, _("SERIALS = comma-separated serials and ranges A..B, or @FILE "
                          "(one serial a line; @- = standard input)"));
  g_string_append (out, "\n\n");
  st_cli_append_global_options (out);
  g_string_append (out, "\n");
  g_string_append (out, _("Exit status: 0 done, 1 refused (nothing was written), 2 usage error."));
  g_string_append (out, "\n");
  st_cli_print_text (out->str);
}

static int
top_usage_error (const char *format,
                 const char *argument)
{
  g_printerr ("%s: ", ST_CLI_NAME);
  g_printerr (format, argument);
  g_printerr ("\n");
  print_overview (TRUE);
  return ST_CLI_EXIT_USAGE;
}

/* Subcommands of @group, for messages ("post, receive"). */
static char *
group_names (const char *group)
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    if (strcmp (commands[i].group, group) == 0 && commands[i].name != NULL)
      {
        if (names->len > 0)
          g_string_append (names, ", ");
        g_string_append (names, commands[i].name);
      }
  return g_string_free (g_steal_pointer (&names), FALSE);
}

static int
dispatch (StCli  *cli,
          int     argc,
          char  **argv)
{
  const char *group = argv[0];
  gboolean group_known = FALSE;

  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      const StCliCommand *command = &commands[i];

      if (strcmp (command->group, group) != 0)
        continue;
      group_known = TRUE;
      if (command->name == NULL)
        return command->run (cli, command, argc - 1, argv + 1);
      if (argc > 1 && strcmp (command->name, argv[1]) == 0)
        return command->run (cli, command, argc - 2, argv + 2);
    }

  if (!group_known)
    /* Translators: %s is what was typed as the command */
    return top_usage_error (_("Unknown command “%s”"), group);

  {
    g_autofree char *names = group_names (group);

    if (argc > 1 && (strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0))
      {
        for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
          if (strcmp (commands[i].group, group) == 0)
            {
              st_cli_print_help (&commands[i]);
              st_cli_print_text ("\n");
            }
        return ST_CLI_EXIT_OK;
      }
    g_printerr ("%s: ", ST_CLI_NAME);
    if (argc > 1)
      /* Translators: %1$s a command ("bill"), %2$s what was typed after it, %3$s the
       * subcommands it has ("post") */
      g_printerr (_("“%1$s %2$s” is not a command; %1$s takes: %3$s"), group, argv[1], names);
    else
      /* Translators: %1$s a command ("bill"), %2$s its subcommands ("post") */
      g_printerr (_("“%1$s” needs a subcommand: %2$s"), group, names);
    g_printerr ("\n");
    print_overview (TRUE);
    return ST_CLI_EXIT_USAGE;
  }
}

static void
setup_i18n (void)
{
  const char *localedir = g_getenv ("SERIALTRACK_LOCALEDIR");

  setlocale (LC_ALL, "");
  /* UTF-8 out in a C locale, ASCII look-alikes for what another charset lacks. */
  st_cli_charset_setup ();
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL && *localedir != '\0' ? localedir
                                                                            : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

int
main (int    argc,
      char **argv)
{
  StCli cli = { 0 };
  int status;
  int i;

  setup_i18n ();
  g_set_prgname (ST_CLI_NAME);

  /* Global options stand before the command. */
  for (i = 1; i < argc; i++)
    {
      const char *arg = argv[i];

      if (strcmp (arg, "--json") == 0)
        cli.json = TRUE;
      else if (strcmp (arg, "--db") == 0 || g_str_has_prefix (arg, "--db="))
        {
          const char *value = arg[4] == '=' ? arg + 5 : (i + 1 < argc ? argv[++i] : NULL);

          if (value == NULL)
            /* Translators: %s is an option, like “--db” */
            return top_usage_error (_("Option %s needs a value"), "--db");
          if (cli.db_path != NULL)
            /* Translators: %s is an option, like “--db” */
            return top_usage_error (_("Option %s is given more than once"), "--db");
          cli.db_path = g_strdup (value);
        }
      else if (strcmp (arg, "--help") == 0 || strcmp (arg, "-h") == 0)
        {
          print_overview (FALSE);
          g_free (cli.db_path);
          return ST_CLI_EXIT_OK;
        }
      else if (strcmp (arg, "--version") == 0)
        {
          st_cli_print_text (ST_CLI_NAME " " PACKAGE_VERSION "\n");
          g_free (cli.db_path);
          return ST_CLI_EXIT_OK;
        }
      else if (arg[0] == '-')
        {
          g_free (cli.db_path);
          /* Translators: %s is what was typed */
          return top_usage_error (_("Unknown option “%s”"), arg);
        }
      else
        break;
    }

  if (i >= argc)
    {
      g_free (cli.db_path);
      return top_usage_error ("%s", _("No command was given"));
    }

  status = dispatch (&cli, argc - i, argv + i);

  g_clear_object (&cli.store);
  g_free (cli.db_path);
  return status;
}
