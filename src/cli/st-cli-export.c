/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-cli-export.c — export history, export sold, generate. */
#define G_LOG_DOMAIN "st-cli"

#include "config.h"

#include <stdlib.h>
#include <glib/gi18n.h>

#include "st-cli-private.h"
#include "st-error.h"
#include "st-export.h"
#include "st-generate.h"
#include "st-parse.h"

void
st_cli_print_written (StCli      *cli,
               const char *kind,
               const char *path)
{
  if (cli->json)
    {
      g_autoptr(JsonBuilder) json = json_builder_new ();

      json_builder_begin_object (json);
      st_cli_json_member_string (json, "export", kind);
      st_cli_json_member_string (json, "file", path);
      json_builder_end_object (json);
      st_cli_print_json (json);
    }
  else
    {
      g_autofree char *display = g_filename_display_name (path);
      /* Translators: %s is the name of the file written */
      g_autofree char *line = g_strdup_printf (_("Wrote %s"), display);
      g_autofree char *text = g_strconcat (line, "\n", NULL);

      st_cli_print_text (text);
    }
}

int
st_cli_cmd_export_history (StCli              *cli,
                           const StCliCommand *command,
                           int                 argc,
                           char              **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) args = NULL;
  g_autoptr(GPtrArray) serials = NULL;
  g_autofree char *sku = NULL;
  gboolean force = FALSE;
  const StCliOption options[] = {
    { "item", ST_CLI_OPT_VALUE, &sku },
    { "serial", ST_CLI_OPT_VALUES, &serials },
    { "force", ST_CLI_OPT_FLAG, &force },
    { NULL }
  };
  StHistoryScope scope = { 0 };
  const char *path;
  int status;

  if ((status = st_cli_parse_options (cli, command, options, argc, argv, 1, 1, &args)) >= 0)
    return status;
  path = g_ptr_array_index (args, 0);
  if (!st_cli_open_store (cli, &error))
    return st_cli_fail (error);
  scope.sku = sku;
  if (serials != NULL)
    {
      g_ptr_array_add (serials, NULL);
      scope.serials = (const char * const *) serials->pdata;
    }
  if (!st_export_history (cli->store, path, &scope, force, NULL, NULL, NULL, &error))
    return st_cli_fail (error);
  st_cli_print_written (cli, "history", path);
  return ST_CLI_EXIT_OK;
}

int
st_cli_export_period (StCli                 *cli,
                      const StCliCommand    *command,
                      int                    argc,
                      char                 **argv,
                      StCliPeriodExportFunc  export,
                      const char            *kind)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) args = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  gboolean force = FALSE;
  const StCliOption options[] = {
    { "from", ST_CLI_OPT_VALUE, &from },
    { "to", ST_CLI_OPT_VALUE, &to },
    { "force", ST_CLI_OPT_FLAG, &force },
    { NULL }
  };
  const char *path;
  int status;

  if ((status = st_cli_parse_options (cli, command, options, argc, argv, 1, 1, &args)) >= 0)
    return status;
  path = g_ptr_array_index (args, 0);
  if (!st_cli_open_store (cli, &error))
    return st_cli_fail (error);
  if (!export (cli->store, path, from, to, force, NULL, NULL, NULL, &error))
    return st_cli_fail (error);
  st_cli_print_written (cli, kind, path);
  return ST_CLI_EXIT_OK;
}

int
st_cli_cmd_export_sold (StCli              *cli,
                        const StCliCommand *command,
                        int                 argc,
                        char              **argv)
{
  return st_cli_export_period (cli, command, argc, argv, st_export_sold, "sold");
}

static gboolean
parse_count (const char  *text,
             const char  *option,
             guint64      max,
             guint64     *out,
             GError     **error)
{
  if (text == NULL || !g_ascii_string_to_unsigned (text, 10, 0, max, out, NULL))
    {
      g_autofree char *max_text = g_strdup_printf ("%" G_GUINT64_FORMAT, max);
      g_set_error (error, ST_ERROR, ST_ERROR_INVALID_INPUT,
                   /* Translators: %1$s an option like --units, %2$s what was given, %3$s the
                    * maximum */
                   _("%1$s needs a whole number from 0 to %3$s, not “%2$s”"), option,
                   text != NULL ? text : "", max_text);
      return FALSE;
    }
  return TRUE;
}

int
st_cli_cmd_generate (StCli              *cli,
                     const StCliCommand *command,
                     int                 argc,
                     char              **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *items_text = NULL;
  g_autofree char *units_text = NULL;
  g_autofree char *seed_text = NULL;
  g_autofree char *cases_text = NULL;
  const StCliOption options[] = {
    { "items", ST_CLI_OPT_VALUE, &items_text },
    { "units", ST_CLI_OPT_VALUE, &units_text },
    { "seed", ST_CLI_OPT_VALUE, &seed_text },
    { "service-cases", ST_CLI_OPT_VALUE, &cases_text },
    { NULL }
  };
  StGenerateStats stats = { 0 };
  guint64 n_items = 0, n_units = 0, n_cases = 0, seed = 1;
  guint made = 0;
  gboolean inventory;
  int status;

  if ((status = st_cli_parse_options (cli, command, options, argc, argv, 0, 0, NULL)) >= 0)
    return status;
  /* --service-cases alone adds cases to an existing inventory. */
  inventory = items_text != NULL || units_text != NULL || cases_text == NULL;
  if (inventory && (items_text == NULL || units_text == NULL))
    return st_cli_usage_error (command, _("--items and --units are required"));
  if ((inventory
       && (!parse_count (items_text, "--items", 1000000, &n_items, &error)
           || !parse_count (units_text, "--units", G_GUINT64_CONSTANT (100000000), &n_units,
                            &error)))
      || (cases_text != NULL
          && !parse_count (cases_text, "--service-cases", 10000000, &n_cases, &error))
      || (seed_text != NULL && !parse_count (seed_text, "--seed", G_MAXUINT64, &seed, &error)))
    return st_cli_usage_error (command, "%s", error->message);
  if (inventory && n_items == 0)
    return st_cli_usage_error (command, _("--items must be at least 1"));
  if (!st_cli_open_store (cli, &error))
    return st_cli_fail (error);
  if (inventory
      && !st_generate (cli->store, (guint) n_items, n_units, seed, NULL, NULL, NULL, &stats, &error))
    return st_cli_fail (error);
  if (n_cases > 0
      && !st_generate_service_cases (cli->store, (guint) n_cases, seed, NULL, NULL, NULL, &made,
                                     &error))
    return st_cli_fail (error);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) json = json_builder_new ();

      json_builder_begin_object (json);
      st_cli_json_member_int (json, "items", (gint64) stats.n_items);
      st_cli_json_member_int (json, "units", (gint64) stats.n_units);
      st_cli_json_member_int (json, "documents", (gint64) stats.n_documents);
      st_cli_json_member_int (json, "service_cases", (gint64) made);
      json_builder_end_object (json);
      st_cli_print_json (json);
    }
  else
    {
      g_autoptr(GString) out = g_string_new (NULL);

      if (inventory)
        {
          /* Translators: what the generator posted: the numbers of items, units and documents
           * (written as "label: number" so that no plural is needed) */
          g_string_append_printf (out, _("Generated — items: %1$llu, units: %2$llu, documents: "
                                         "%3$llu"),
                                  (unsigned long long) stats.n_items,
                                  (unsigned long long) stats.n_units,
                                  (unsigned long long) stats.n_documents);
          g_string_append_c (out, '\n');
        }
      if (n_cases > 0)
        {
          /* Translators: the number of service cases the generator opened (written as "label:
           * number" so that no plural is needed) */
          g_string_append_printf (out, _("Generated — service cases: %u"), made);
          g_string_append_c (out, '\n');
        }
      st_cli_print_text (out->str);
    }
  return ST_CLI_EXIT_OK;
}
