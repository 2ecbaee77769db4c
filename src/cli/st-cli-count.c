/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-cli-count.c — count start | scan | show | list | finish, and export count (DESIGN §9). */
#define G_LOG_DOMAIN "st-cli"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>

#include "st-cli-private.h"
#include "st-error.h"
#include "st-export.h"
#include "st-serial.h"

/* Refused lines named one by one before the rest are only counted. */
#define MAX_NAMED_REFUSALS 20

/* The members of a count.  @unexpected_count: with "unexpected", the number of unexpected
 * scans; a report (`count show`, `count finish`) leaves it out, as its "unexpected" is the
 * list of them (the number and the list under one key made a duplicate key before). */
static void
count_to_json (StCount     *count,
               gboolean     unexpected_count,
               JsonBuilder *json)
{
  const char * const *skus = st_count_get_skus (count);

  st_cli_json_member_string (json, "number", st_count_get_number (count));
  st_cli_json_member_string (json, "warehouse", st_count_get_warehouse (count));
  st_cli_json_member_string (json, "date", st_count_get_date (count));
  st_cli_json_member_string (json, "status", st_count_get_finished (count) ? "finished" : "open");
  st_cli_json_member_string (json, "finished_date", st_count_get_finished_date (count));
  st_cli_json_member_string (json, "adjustment", st_count_get_adjustment (count));
  json_builder_set_member_name (json, "items");
  json_builder_begin_array (json);
  for (gsize i = 0; skus[i] != NULL; i++)
    st_cli_json_string (json, skus[i]);
  json_builder_end_array (json);
  st_cli_json_member_int (json, "expected", st_count_get_n_expected (count));
  json_builder_set_member_name (json, "scans");
  json_builder_begin_object (json);
  for (guint i = 0; i < ST_N_SCAN_CLASSES; i++)
    st_cli_json_member_int (json, st_scan_class_to_string (i), st_count_get_n_scans (count, i));
  json_builder_end_object (json);
  if (unexpected_count)
    st_cli_json_member_int (json, "unexpected", st_count_get_n_unexpected (count));
}

static void
scan_to_json (StCountScan *scan,
              JsonBuilder *json)
{
  StUnitStatus status;

  json_builder_begin_object (json);
  st_cli_json_member_string (json, "serial", st_count_scan_get_serial (scan));
  st_cli_json_member_string (json, "class",
                             st_scan_class_to_string (st_count_scan_get_class (scan)));
  st_cli_json_member_string (json, "sku", st_count_scan_get_sku (scan));
  st_cli_json_member_string (json, "warehouse", st_count_scan_get_warehouse (scan));
  st_cli_json_member_string (json, "status", st_count_scan_get_status (scan, &status)
                                             ? st_unit_status_to_string (status) : NULL);
  st_cli_json_member_string (json, "items", st_count_scan_get_items (scan));
  json_builder_end_object (json);
}

static void
scan_to_text (StCountScan *scan,
              GString     *out)
{
  g_autofree char *what = st_count_scan_describe (scan);

  g_string_append_printf (out, "%s  %s\n", st_count_scan_get_serial (scan), what);
}

static void
unit_to_json (StUnit      *unit,
              JsonBuilder *json)
{
  json_builder_begin_object (json);
  st_cli_json_member_string (json, "serial", st_unit_get_serial (unit));
  st_cli_json_member_string (json, "sku", st_unit_get_sku (unit));
  st_cli_json_member_string (json, "status", st_unit_status_to_string (st_unit_get_status (unit)));
  st_cli_json_member_string (json, "warehouse", st_unit_get_warehouse (unit));
  json_builder_end_object (json);
}

static void
report_to_json (StCountReport *report,
                JsonBuilder   *json)
{
  json_builder_begin_object (json);
  count_to_json (report->count, FALSE, json);
  json_builder_set_member_name (json, "missing");
  json_builder_begin_array (json);
  for (guint i = 0; i < report->missing->len; i++)
    unit_to_json (g_ptr_array_index (report->missing, i), json);
  json_builder_end_array (json);
  json_builder_set_member_name (json, "unexpected");
  json_builder_begin_array (json);
  for (guint i = 0; i < report->unexpected->len; i++)
    scan_to_json (g_ptr_array_index (report->unexpected, i), json);
  json_builder_end_array (json);
  json_builder_set_member_name (json, "moved");
  json_builder_begin_array (json);
  for (guint i = 0; i < report->moved->len; i++)
    unit_to_json (g_ptr_array_index (report->moved, i), json);
  json_builder_end_array (json);
  json_builder_set_member_name (json, "quantities");
  json_builder_begin_array (json);
  for (guint i = 0; i < report->quantities->len; i++)
    {
      StCountQuantity *q = g_ptr_array_index (report->quantities, i);

      json_builder_begin_object (json);
      st_cli_json_member_string (json, "sku", q->sku);
      st_cli_json_member_int (json, "expected", q->expected);
      json_builder_set_member_name (json, "counted");
      if (q->has_counted)
        json_builder_add_int_value (json, q->counted);
      else
        json_builder_add_null_value (json);
      st_cli_json_member_int (json, "on_hand", q->on_hand);
      json_builder_end_object (json);
    }
  json_builder_end_array (json);
  json_builder_end_object (json);
}

static void
count_header_to_text (StCount *count,
                      GString *out)
{
  g_autofree char *tally = st_count_describe_tally (count);
  const char * const *skus = st_count_get_skus (count);

  /* Translators: a count's heading: number, warehouse, date, "open"/"finished" */
  g_string_append_printf (out, _("Count %s, %s, %s (%s)"), st_count_get_number (count),
                          st_count_get_warehouse (count), st_count_get_date (count),
                          st_count_get_finished (count) ? C_("count status", "finished")
                                                        : C_("count status", "open"));
  g_string_append_c (out, '\n');
  if (skus[0] != NULL)
    {
      g_autofree char *list = g_strjoinv (", ", (char **) skus);

      /* Translators: %s is a list of SKUs */
      g_string_append_printf (out, _("  Items: %s\n"), list);
    }
  g_string_append_printf (out, "  %s\n", tally);
}

static void
units_to_text (GPtrArray *units,
               gboolean   where,
               GString   *out)
{
  g_autoptr(StCliTable) table = st_cli_table_new (3);

  for (guint i = 0; i < units->len; i++)
    {
      StUnit *unit = g_ptr_array_index (units, i);
      g_autofree char *place = NULL;

      if (where && st_unit_get_warehouse (unit) != NULL)
        /* Translators: a unit's status and warehouse: "in stock, Shop" */
        place = g_strdup_printf (C_("unit place", "%s, %s"),
                                 st_unit_status_to_label (st_unit_get_status (unit)),
                                 st_unit_get_warehouse (unit));
      else if (where)
        place = g_strdup (st_unit_status_to_label (st_unit_get_status (unit)));
      st_cli_table_add_row (table, st_unit_get_serial (unit), st_unit_get_sku (unit), place);
    }
  st_cli_table_render (table, "    ", out);
}

static void
report_to_text (StCountReport *report,
                GString       *out)
{
  count_header_to_text (report->count, out);
  g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "  Missing: %u unit\n",
                                            "  Missing: %u units\n", report->missing->len),
                          report->missing->len);
  units_to_text (report->missing, FALSE, out);
  g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "  Unexpected: %u scan\n",
                                            "  Unexpected: %u scans\n", report->unexpected->len),
                          report->unexpected->len);
  for (guint i = 0; i < report->unexpected->len; i++)
    {
      g_string_append (out, "    ");
      scan_to_text (g_ptr_array_index (report->unexpected, i), out);
    }
  if (report->moved->len > 0)
    {
      g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE,
                                                "  Moved since the start: %u unit\n",
                                                "  Moved since the start: %u units\n",
                                                report->moved->len), report->moved->len);
      units_to_text (report->moved, TRUE, out);
    }
  for (guint i = 0; i < report->quantities->len; i++)
    {
      StCountQuantity *q = g_ptr_array_index (report->quantities, i);

      g_autofree char *counted = g_strdup_printf ("%" G_GINT64_FORMAT, q->counted);
      g_autofree char *on_hand = g_strdup_printf ("%" G_GINT64_FORMAT, q->on_hand);

      if (q->has_counted)
        /* Translators: a quantity item of a count: SKU, number counted, number on hand */
        g_string_append_printf (out, _("  %1$s: %2$s counted, %3$s on hand\n"), q->sku, counted,
                                on_hand);
      else
        /* Translators: a quantity item of a count: SKU, number on hand */
        g_string_append_printf (out, _("  %1$s: not counted, %2$s on hand\n"), q->sku, on_hand);
    }
  if (report->adjustment != NULL)
    /* Translators: %s is an adjustment number, ADJ-00001 */
    g_string_append_printf (out, _("  Written off on %s\n"),
                            st_document_get_number (report->adjustment));
}

static int
print_report (StCli         *cli,
              StCountReport *report)
{
  return st_cli_print_details (cli, report, (StCliToJsonFunc) report_to_json, NULL,
                               (StCliToTextFunc) report_to_text);
}

int
st_cli_cmd_count_start (StCli              *cli,
                        const StCliCommand *command,
                        int                 argc,
                        char              **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) skus = NULL;
  g_autoptr(StCount) count = NULL;
  g_autofree char *warehouse = NULL, *date = NULL;
  const StCliOption options[] = {
    { "warehouse", ST_CLI_OPT_VALUE, &warehouse },
    { "item", ST_CLI_OPT_VALUES, &skus },
    { "date", ST_CLI_OPT_VALUE, &date },
    { NULL }
  };
  int status;

  if ((status = st_cli_parse_options (cli, command, options, argc, argv, 0, 0, NULL)) >= 0)
    return status;
  if (warehouse == NULL)
    return st_cli_usage_error (command, _("--warehouse is required"));
  if (skus != NULL)
    g_ptr_array_add (skus, NULL);
  if (!st_cli_open_store (cli, &error)
      || (count = st_store_count_start (cli->store, warehouse,
                                        skus != NULL ? (const char * const *) skus->pdata : NULL,
                                        date, &error)) == NULL)
    return st_cli_fail (error);
  if (cli->json)
    {
      g_autoptr(JsonBuilder) json = json_builder_new ();

      json_builder_begin_object (json);
      count_to_json (count, TRUE, json);
      json_builder_end_object (json);
      st_cli_print_json (json);
    }
  else
    {
      g_autoptr(GString) out = g_string_new (NULL);
      g_autofree char *n = g_strdup_printf ("%" G_GINT64_FORMAT,
                                            st_count_get_n_expected (count));

      /* Translators: %1$s a count number, %2$s a warehouse, %3$s how many units */
      g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE,
                                                "Started count %1$s of %2$s: %3$s unit expected\n",
                                                "Started count %1$s of %2$s: %3$s units expected\n",
                                                (gulong) st_count_get_n_expected (count)),
                              st_count_get_number (count), st_count_get_warehouse (count), n);
      st_cli_print_text (out->str);
    }
  return ST_CLI_EXIT_OK;
}

/* Scanning. */

typedef struct
{
  StCli       *cli;
  GPtrArray   *texts;       /* char*, borrowed: the serials to scan */
  GArray      *lines;       /* guint: each one's line in its file, 0 when typed */
  guint        n_refused;
  guint        n_scanned;
  guint        n_lines;
  GString     *out;
  JsonBuilder *json;
} ScanRun;

static void
refuse (ScanRun     *run,
        guint        line,
        const char  *message)
{
  run->n_refused++;
  if (run->n_refused > MAX_NAMED_REFUSALS)
    return;
  if (line > 0)
    {
      /* Translators: %1$u a line number of a file, %2$s why that line was refused */
      g_autofree char *text = g_strdup_printf (_("line %1$u: %2$s"), line, message);

      g_strdelimit (text, "\r\n", ' ');
      g_printerr ("%s: %s\n", ST_CLI_NAME, text);
    }
  else
    {
      GError e = { ST_ERROR, ST_ERROR_INVALID_SERIAL, (char *) message };
      st_cli_fail (&e);
    }
}

static void
flush_out (ScanRun *run)
{
  if (run->out->len > 0)
    {
      st_cli_print_text (run->out->str);
      g_string_truncate (run->out, 0);
    }
}

static void
scanned_cb (guint         index,
            const char   *serial,
            StCountScan  *scan,
            const GError *refusal,
            gpointer      user_data)
{
  ScanRun *run = user_data;

  if (scan == NULL)
    {
      refuse (run, g_array_index (run->lines, guint, index), refusal->message);
      return;
    }
  run->n_scanned++;
  if (run->json != NULL)
    scan_to_json (scan, run->json);
  else
    {
      scan_to_text (scan, run->out);
      if (run->out->len > 65536)
        flush_out (run);
    }
}

/* @FILE / @-: one scan a line, each line a scan (a blank line is a refused scan). */
static gboolean
add_file_lines (ScanRun     *run,
                const char  *name,
                GPtrArray   *keep,
                GError     **error)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  const char *p, *end;
  guint line = 0;

  if (!st_cli_read_at_file (run->cli, name, &contents, &length, error))
    return FALSE;

  p = contents;
  end = contents + length;
  /* A byte-order mark is no part of the first serial. */
  if (length >= 3 && memcmp (p, "\xef\xbb\xbf", 3) == 0)
    p += 3;
  while (p < end)
    {
      const char *nl = memchr (p, '\n', (size_t) (end - p));
      const char *stop = nl != NULL ? nl : end;
      gsize len = (gsize) (stop - p);
      char *text;

      line++;
      if (len > 0 && p[len - 1] == '\r')
        len--;
      if (memchr (p, '\0', len) != NULL)
        {
          /* Translators: a line of a file of serials holds a NUL byte */
          refuse (run, line, _("not text (a NUL byte)"));
        }
      else
        {
          guint at = line;

          text = g_strndup (p, len);
          g_ptr_array_add (keep, text);
          g_ptr_array_add (run->texts, text);
          g_array_append_val (run->lines, at);
        }
      if (nl == NULL)
        break;
      p = nl + 1;
    }
  run->n_lines += line;
  return TRUE;
}

static gboolean
parse_quantity (const char  *spec,
                char       **sku,
                gint64      *n,
                GError     **error)
{
  const char *colon = strrchr (spec, ':');
  char *endp = NULL;

  if (colon != NULL)
    *n = g_ascii_strtoll (colon + 1, &endp, 10);
  if (colon == NULL || colon == spec || endp == colon + 1 || *endp != '\0' || *n < 0)
    {
      /* Translators: %s is the --quantity value as given; keep SKU:N */
      g_set_error (error, ST_ERROR, ST_ERROR_INVALID_INPUT,
                   _("“%s” is not SKU:N (a number counted)"), spec);
      return FALSE;
    }
  *sku = g_strndup (spec, (gsize) (colon - spec));
  return TRUE;
}

int
st_cli_cmd_count_scan (StCli              *cli,
                       const StCliCommand *command,
                       int                 argc,
                       char              **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) args = NULL;
  g_autoptr(GPtrArray) quantities = NULL;
  g_autoptr(GPtrArray) keep = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();
  g_autoptr(GArray) lines = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(JsonBuilder) json = NULL;
  const StCliOption options[] = {
    { "quantity", ST_CLI_OPT_VALUES, &quantities },
    { NULL }
  };
  ScanRun run = { 0 };
  const char *number;
  int status;
  gboolean ok;

  if ((status = st_cli_parse_options (cli, command, options, argc, argv, 1, G_MAXUINT,
                                      &args)) >= 0)
    return status;
  if (args->len < 2 && quantities == NULL)
    return st_cli_usage_error (command, _("No serials were given"));
  number = g_ptr_array_index (args, 0);
  run.cli = cli;
  run.texts = texts;
  run.lines = lines;
  run.out = out;
  if (!st_cli_open_store (cli, &error))
    return st_cli_fail (error);

  for (guint i = 1; i < args->len; i++)
    {
      const char *arg = g_ptr_array_index (args, i);
      guint zero = 0;

      if (arg[0] == '@')
        {
          if (!add_file_lines (&run, arg + 1, keep, &error))
            {
              if (arg[1] != '\0' && strcmp (arg + 1, "-") != 0 && error->domain != ST_ERROR)
                g_prefix_error (&error, "%s: ", arg + 1);
              return st_cli_fail (error);
            }
        }
      else
        {
          g_autoptr(GPtrArray) list = st_serial_parse_list (arg, ST_CLI_MAX_SERIALS, &error);

          if (list == NULL)
            return st_cli_fail (error);
          if (list->len == 0)
            {
              /* A blank argument is a blank scan: refused by the core, named. */
              g_ptr_array_add (texts, (char *) arg);
              g_array_append_val (lines, zero);
            }
          for (guint j = 0; j < list->len; j++)
            {
              char *text = g_strdup (g_ptr_array_index (list, j));

              g_ptr_array_add (keep, text);
              g_ptr_array_add (texts, text);
              g_array_append_val (lines, zero);
            }
        }
    }

  for (guint i = 0; quantities != NULL && i < quantities->len; i++)
    {
      g_autofree char *sku = NULL;
      gint64 n = 0;

      if (!parse_quantity (g_ptr_array_index (quantities, i), &sku, &n, &error)
          || !st_store_count_set_quantity (cli->store, number, sku, n, &error))
        return st_cli_fail (error);
    }

  if (cli->json)
    {
      json = json_builder_new ();
      run.json = json;
      json_builder_begin_array (json);
    }
  ok = st_store_count_scan_many (cli->store, number, (const char * const *) texts->pdata,
                                 texts->len, 0, scanned_cb, &run, &error);
  if (json != NULL)
    {
      json_builder_end_array (json);
      st_cli_print_json (json);
    }
  else
    flush_out (&run);
  if (!ok)
    return st_cli_fail (error);
  if (run.n_refused > 0)
    {
      g_autofree char *more = NULL;
      g_autofree char *summary = NULL;

      if (run.n_refused > MAX_NAMED_REFUSALS)
        {
          more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "… and %u more refused",
                                               "… and %u more refused",
                                               run.n_refused - MAX_NAMED_REFUSALS),
                                  run.n_refused - MAX_NAMED_REFUSALS);
          g_printerr ("%s: %s\n", ST_CLI_NAME, more);
        }
      /* Translators: %1$u serials refused of %2$u given; %3$u scanned */
      summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "%1$u of %2$u serials refused and not counted; "
                                              "%3$u scanned",
                                              "%1$u of %2$u serials refused and not counted; "
                                              "%3$u scanned", run.n_refused),
                                 run.n_refused, run.n_refused + run.n_scanned, run.n_scanned);
      g_printerr ("%s: %s\n", ST_CLI_NAME, summary);
      return ST_CLI_EXIT_REFUSED;
    }
  return ST_CLI_EXIT_OK;
}

int
st_cli_cmd_count_show (StCli              *cli,
                       const StCliCommand *command,
                       int                 argc,
                       char              **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) args = NULL;
  g_autoptr(StCountReport) report = NULL;
  int status;

  if ((status = st_cli_parse_options (cli, command, NULL, argc, argv, 1, 1, &args)) >= 0)
    return status;
  if (!st_cli_open_store (cli, &error)
      || (report = st_store_count_report (cli->store, g_ptr_array_index (args, 0),
                                          &error)) == NULL)
    return st_cli_fail (error);
  return print_report (cli, report);
}

/* A count of `count list`. */
static void
count_list_to_json (StCount     *count,
                    JsonBuilder *json)
{
  json_builder_begin_object (json);
  count_to_json (count, TRUE, json);
  json_builder_end_object (json);
}

static void
counts_to_text (GPtrArray *counts,
                GString   *out)
{
  g_autoptr(StCliTable) table = st_cli_table_new (5);

  for (guint i = 0; i < counts->len; i++)
    {
      StCount *count = g_ptr_array_index (counts, i);
      g_autofree char *tally = st_count_describe_tally (count);

      st_cli_table_add_row (table, st_count_get_number (count), st_count_get_date (count),
                            st_count_get_warehouse (count),
                            st_count_get_finished (count) ? C_("count status", "finished")
                                                          : C_("count status", "open"),
                            tally);
    }
  st_cli_table_render (table, "", out);
}

int
st_cli_cmd_count_list (StCli              *cli,
                       const StCliCommand *command,
                       int                 argc,
                       char              **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) counts = NULL;
  int status;

  if ((status = st_cli_parse_options (cli, command, NULL, argc, argv, 0, 0, NULL)) >= 0)
    return status;
  if (!st_cli_open_store (cli, &error)
      || (counts = st_store_list_counts (cli->store, &error)) == NULL)
    return st_cli_fail (error);
  return st_cli_print_list (cli, counts, (StCliToJsonFunc) count_list_to_json, counts_to_text);
}

int
st_cli_cmd_count_finish (StCli              *cli,
                         const StCliCommand *command,
                         int                 argc,
                         char              **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) args = NULL;
  g_autoptr(StCountReport) report = NULL;
  g_autofree char *date = NULL;
  gboolean write_off = FALSE;
  const StCliOption options[] = {
    { "write-off-missing", ST_CLI_OPT_FLAG, &write_off },
    { "date", ST_CLI_OPT_VALUE, &date },
    { NULL }
  };
  int status;

  if ((status = st_cli_parse_options (cli, command, options, argc, argv, 1, 1, &args)) >= 0)
    return status;
  if (!st_cli_open_store (cli, &error)
      || (report = st_store_count_finish (cli->store, g_ptr_array_index (args, 0), write_off,
                                          date, &error)) == NULL)
    return st_cli_fail (error);
  return print_report (cli, report);
}

int
st_cli_cmd_export_count (StCli              *cli,
                         const StCliCommand *command,
                         int                 argc,
                         char              **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) args = NULL;
  gboolean force = FALSE;
  const StCliOption options[] = {
    { "force", ST_CLI_OPT_FLAG, &force },
    { NULL }
  };
  const char *path;
  int status;

  if ((status = st_cli_parse_options (cli, command, options, argc, argv, 2, 2, &args)) >= 0)
    return status;
  path = g_ptr_array_index (args, 1);
  if (!st_cli_open_store (cli, &error)
      || !st_export_count (cli->store, g_ptr_array_index (args, 0), path, force, NULL, NULL,
                           NULL, &error))
    return st_cli_fail (error);
  st_cli_print_written (cli, "count", path);
  return ST_CLI_EXIT_OK;
}
