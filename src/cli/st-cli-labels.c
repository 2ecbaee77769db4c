/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-cli-labels.c — labels FILE.pdf: barcode labels of a bill's units, of some serials, or of
 * an item's units (DESIGN §10). */
#define G_LOG_DOMAIN "st-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "st-cli-private.h"
#include "st-error.h"
#include "st-label-job.h"

static gboolean
parse_number (const char  *text,
              const char  *option,
              guint        min,
              guint        max,
              guint       *out,
              GError     **error)
{
  guint64 value;

  if (text == NULL)
    return TRUE;
  if (!g_ascii_string_to_unsigned (text, 10, min, max, &value, NULL))
    {
      g_set_error (error, ST_ERROR, ST_ERROR_INVALID_INPUT,
                   /* Translators: %1$s an option like --copies, %2$u and %3$u the smallest and
                    * largest number, %4$s what was given */
                   _("%1$s needs a whole number from %2$u to %3$u, not “%4$s”"), option, min,
                   max, text);
      return FALSE;
    }
  *out = (guint) value;
  return TRUE;
}

/* The units of --bill, --serial or --item, in order, into @job. */
static gboolean
add_units (StCli       *cli,
           StLabelJob  *job,
           const char  *bill,
           const char  *vendor,
           GPtrArray   *serials,
           const char  *sku,
           int          unit_status,
           GError     **error)
{
  if (bill != NULL)
    {
      g_autoptr(StDocument) document = st_store_get_bill (cli->store, bill, vendor, error);

      if (document == NULL)
        return FALSE;
      st_label_job_add_document (job, document);
    }
  else if (serials != NULL)
    {
      for (guint i = 0; i < serials->len; i++)
        {
          g_autoptr(StUnit) unit = st_store_find_unit (cli->store, g_ptr_array_index (serials, i),
                                                       sku, error);
          if (unit == NULL)
            return FALSE;
          st_label_job_add_unit (job, unit);
        }
    }
  else
    {
      g_autoptr(StItem) item = st_store_find_item (cli->store, sku, error);
      g_autoptr(GPtrArray) units = NULL;
      StUnitQuery query = { 0 };

      if (item == NULL)
        return FALSE;
      query.item_id = st_item_get_id (item);
      query.status = unit_status;
      if ((units = st_store_query_units (cli->store, &query, error)) == NULL)
        return FALSE;
      for (guint i = 0; i < units->len; i++)
        st_label_job_add_unit (job, g_ptr_array_index (units, i));
    }
  if (st_label_job_get_n_units (job) == 0)
    {
      g_set_error (error, ST_ERROR, ST_ERROR_NOT_FOUND, _("There are no units to label"));
      return FALSE;
    }
  return TRUE;
}

static void
print_written (StCli      *cli,
               StLabelJob *job,
               const char *path)
{
  guint n_labels = st_label_job_get_n_labels (job);
  guint n_pages = st_label_job_get_n_pages (job);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) json = json_builder_new ();

      json_builder_begin_object (json);
      st_cli_json_member_string (json, "file", path);
      st_cli_json_member_string (json, "layout",
                                 st_label_layout_to_name (st_label_job_get_layout (job)));
      st_cli_json_member_string (json, "code", st_label_code_to_name (st_label_job_get_code (job)));
      st_cli_json_member_int (json, "labels", n_labels);
      st_cli_json_member_int (json, "pages", n_pages);
      json_builder_end_object (json);
      st_cli_print_json (json);
    }
  else
    {
      g_autofree char *display = g_filename_display_name (path);
      g_autofree char *labels = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u label",
                                                              "%u labels", n_labels), n_labels);
      g_autofree char *pages = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u page",
                                                             "%u pages", n_pages), n_pages);
      /* Translators: %1$s is a file name, %2$s "24 labels", %3$s "1 page" */
      g_autofree char *line = g_strdup_printf (_("Wrote %1$s: %2$s on %3$s"), display, labels,
                                               pages);
      g_autofree char *text = g_strconcat (line, "\n", NULL);

      st_cli_print_text (text);
    }
}

int
st_cli_cmd_labels (StCli              *cli,
                   const StCliCommand *command,
                   int                 argc,
                   char              **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) args = NULL;
  g_autoptr(GPtrArray) serials = NULL;
  g_autoptr(StLabelJob) job = NULL;
  g_autofree char *bill = NULL, *vendor = NULL, *sku = NULL, *status_name = NULL;
  g_autofree char *layout_name = NULL, *code_name = NULL, *skip_text = NULL;
  g_autofree char *copies_text = NULL;
  gboolean force = FALSE;
  const StCliOption options[] = {
    { "bill", ST_CLI_OPT_VALUE, &bill },
    { "vendor", ST_CLI_OPT_VALUE, &vendor },
    { "serial", ST_CLI_OPT_VALUES, &serials },
    { "item", ST_CLI_OPT_VALUE, &sku },
    { "status", ST_CLI_OPT_VALUE, &status_name },
    { "layout", ST_CLI_OPT_VALUE, &layout_name },
    { "skip", ST_CLI_OPT_VALUE, &skip_text },
    { "copies", ST_CLI_OPT_VALUE, &copies_text },
    { "code", ST_CLI_OPT_VALUE, &code_name },
    { "force", ST_CLI_OPT_FLAG, &force },
    { NULL }
  };
  StLabelLayout layout = ST_LABEL_LAYOUT_A4_3X8;
  StLabelCode code = ST_LABEL_CODE_128;
  StUnitStatus unit_status;
  int query_status = -1;
  guint skip = 0, copies = 1;
  const char *path;
  int status;

  if ((status = st_cli_parse_options (cli, command, options, argc, argv, 1, 1, &args)) >= 0)
    return status;
  path = g_ptr_array_index (args, 0);

  if ((bill != NULL) + (serials != NULL) + (sku != NULL && serials == NULL) != 1)
    return st_cli_usage_error (command, _("Say which units to label: --bill, --serial or --item"));
  if (vendor != NULL && bill == NULL)
    return st_cli_usage_error (command, _("--vendor goes with --bill"));
  if (status_name != NULL && (sku == NULL || serials != NULL))
    return st_cli_usage_error (command, _("--status goes with --item"));
  if (status_name != NULL)
    {
      if ((status = st_cli_unit_status (command, status_name, &unit_status)) >= 0)
        return status;
      query_status = unit_status;
    }
  if (layout_name != NULL && !st_label_layout_from_name (layout_name, &layout))
    return st_cli_usage_error (command,
                               /* Translators: %s is what was typed; keep the layout names */
                               _("Unknown layout “%s”; use a4-3x8, letter-3x10 or roll-62x29"),
                               layout_name);
  if (code_name != NULL && !st_label_code_from_name (code_name, &code))
    return st_cli_usage_error (command,
                               /* Translators: %s is what was typed; keep code128 and qr */
                               _("Unknown barcode “%s”; use code128 or qr"), code_name);
  job = st_label_job_new (layout, code);
  if (!parse_number (skip_text, "--skip", 0, 1000000, &skip, &error)
      || !parse_number (copies_text, "--copies", 1, ST_LABEL_MAX_COPIES, &copies, &error)
      || !st_label_job_set_skip (job, skip, &error)
      || !st_label_job_set_copies (job, copies, &error))
    return st_cli_fail (error);

  if (!st_cli_open_store (cli, &error)
      || !add_units (cli, job, bill, vendor, serials, sku, query_status, &error)
      || !st_label_job_write_pdf (job, path, force, NULL, &error))
    return st_cli_fail (error);
  print_written (cli, job, path);
  return ST_CLI_EXIT_OK;
}
