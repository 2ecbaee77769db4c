/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-cli-documents.c — posting, voiding and receiving documents; LINE and SERIALS input. */
#define G_LOG_DOMAIN "st-cli"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>

#include "st-doc-kind.h"
#include "st-error.h"
#include "st-parse.h"
#include "st-serial.h"
#include "st-cli-private.h"

/* Everything a post command may be given. */
typedef struct
{
  char      *number;
  char      *date;
  char      *contact;
  char      *warehouse;
  char      *to_warehouse;
  char      *reference;
  char      *reason;
  gboolean   in_transit;
  gboolean   draft;      /* --draft: save a draft, post later */
  GPtrArray *lines;      /* char*, the --line values */
} PostArgs;

static void
post_args_clear (PostArgs *a)
{
  g_free (a->number);
  g_free (a->date);
  g_free (a->contact);
  g_free (a->warehouse);
  g_free (a->to_warehouse);
  g_free (a->reference);
  g_free (a->reason);
  g_clear_pointer (&a->lines, g_ptr_array_unref);
}

/* SERIALS. */

/* "@FILE" / "@-": one serial a line.  The file is read as text or CSV (its first column, a
 * header row skipped, UTF-8 with or without BOM), as a scanner or a spreadsheet writes it. */
static GPtrArray *
read_serial_file (StCli       *cli,
                  const char  *name,
                  GError     **error)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!st_cli_read_at_file (cli, name, &contents, &length, error))
    return NULL;
  {
    GPtrArray *serials = st_serial_parse_csv (contents, length, error);

    if (serials == NULL && strcmp (name, "-") != 0)
      {
        g_autofree char *display = g_filename_display_name (name);
        g_prefix_error (error, "%s: ", display);
      }
    return serials;
  }
}

/* Comma-separated serials and ranges A..B.  A blank piece is an error, not skipped: it is
 * a typo or an empty shell variable, and the count must not silently change. */
static GPtrArray *
parse_serial_list (const char  *text,
                   GError     **error)
{
  g_autoptr(GPtrArray) serials = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) tokens = g_strsplit (text, ",", -1);
  guint n_tokens = g_strv_length (tokens);

  if (n_tokens == 0)
    {
      g_set_error_literal (error, ST_ERROR, ST_ERROR_INVALID_SERIAL,
                           _("The list of serials is empty"));
      return NULL;
    }
  for (guint i = 0; i < n_tokens; i++)
    {
      g_autofree char *stripped = g_strstrip (g_strdup (tokens[i]));

      if (*stripped == '\0')
        {
          g_set_error (error, ST_ERROR, ST_ERROR_INVALID_SERIAL,
                       /* Translators: %u is the position (1, 2, …) of a blank entry in
                        * a comma-separated list of serials */
                       _("Entry %u of the serial list is empty"), i + 1);
          return NULL;
        }
      if (st_serial_is_range (tokens[i]))
        {
          if (!st_serial_expand (tokens[i], ST_SERIAL_MAX_RANGE, serials, error))
            return NULL;
        }
      else
        g_ptr_array_add (serials, g_strdup (tokens[i]));
      if (serials->len > ST_CLI_MAX_SERIALS)
        break;
    }
  return g_steal_pointer (&serials);
}

gboolean
st_cli_add_lines (StCli      *cli,
           StDraft    *draft,
           GPtrArray  *texts,
           GError    **error)
{
  guint64 total = 0;

  for (guint i = 0; i < texts->len; i++)
    {
      g_autoptr(StLineSpec) spec = NULL;
      g_autoptr(GPtrArray) serials = NULL;
      StDraftLine *line;

      spec = st_line_spec_parse (g_ptr_array_index (texts, i), error);
      if (spec == NULL)
        return FALSE;
      line = st_draft_add_line (draft, spec->sku, spec->quantity);
      if (spec->has_rate)
        st_draft_line_set_rate (line, spec->rate);
      if (!spec->has_serials)
        continue;

      if (spec->serials_text[0] == '@')
        serials = read_serial_file (cli, spec->serials_text + 1, error);
      else
        serials = parse_serial_list (spec->serials_text, error);
      if (serials == NULL)
        {
          /* Translators: the start of an error message: %1$u a line number, %2$s a SKU */
          g_prefix_error (error, _("Line %1$u (%2$s): "), i + 1, spec->sku);
          return FALSE;
        }
      total += serials->len;
      if (total > ST_CLI_MAX_SERIALS)
        {
          g_set_error (error, ST_ERROR, ST_ERROR_RANGE,
                       /* Translators: %1$u a line number, %2$s a SKU, %3$u the limit */
                       ngettext ("Line %1$u (%2$s): a document takes at most %3$u serial",
                                 "Line %1$u (%2$s): a document takes at most %3$u serials",
                                 ST_CLI_MAX_SERIALS),
                       i + 1, spec->sku, (guint) ST_CLI_MAX_SERIALS);
          return FALSE;
        }
      line->serials = g_steal_pointer (&serials);
    }
  return TRUE;
}

/* Output of a posted, voided or received document. */

typedef enum
{
  DONE_POSTED,
  DONE_VOIDED,
  DONE_RECEIVED,
} DoneAction;

static char *
headline (StDocument *document,
          DoneAction  action)
{
  const char *number = st_document_get_number (document);
  gint64 qty = ABS (st_document_get_quantity (document));
  gulong n = (gulong) qty;

  if (action == DONE_RECEIVED)
    /* Translators: %1$s a transfer order's number, %2$s the destination warehouse, %3$lld the
     * number of units */
    return g_strdup_printf (ngettext ("Received transfer order %1$s at %2$s (%3$lld unit)",
                                      "Received transfer order %1$s at %2$s (%3$lld units)", n),
                            number, st_document_get_to_warehouse (document), (long long) qty);

  switch (st_document_get_kind (document))
    {
    case ST_DOC_BILL:
      return action == DONE_VOIDED
        /* Translators: %s is the bill's number */
        ? g_strdup_printf (_("Voided bill %s"), number)
        /* Translators: %1$s is the bill's number, %2$lld the number of units */
        : g_strdup_printf (ngettext ("Posted bill %1$s (%2$lld unit)",
                                     "Posted bill %1$s (%2$lld units)", n), number,
                           (long long) qty);
    case ST_DOC_INVOICE:
      return action == DONE_VOIDED
        /* Translators: %s is the invoice's number */
        ? g_strdup_printf (_("Voided invoice %s"), number)
        /* Translators: %1$s is the invoice's number, %2$lld the number of units */
        : g_strdup_printf (ngettext ("Posted invoice %1$s (%2$lld unit)",
                                     "Posted invoice %1$s (%2$lld units)", n), number,
                           (long long) qty);
    case ST_DOC_TRANSFER:
      return action == DONE_VOIDED
        /* Translators: %s is the transfer order's number */
        ? g_strdup_printf (_("Voided transfer order %s"), number)
        /* Translators: %1$s is the transfer order's number, %2$lld the number of units */
        : g_strdup_printf (ngettext ("Posted transfer order %1$s (%2$lld unit)",
                                     "Posted transfer order %1$s (%2$lld units)", n), number,
                           (long long) qty);
    case ST_DOC_ADJUSTMENT:
      return action == DONE_VOIDED
        /* Translators: %s is the adjustment's number */
        ? g_strdup_printf (_("Voided adjustment %s"), number)
        /* Translators: %1$s is the adjustment's number, %2$lld the number of units */
        : g_strdup_printf (ngettext ("Posted adjustment %1$s (%2$lld unit)",
                                     "Posted adjustment %1$s (%2$lld units)", n), number,
                           (long long) qty);
    case ST_DOC_RETURN:
      return action == DONE_VOIDED
        /* Translators: %s is the sales return's number */
        ? g_strdup_printf (_("Voided sales return %s"), number)
        /* Translators: %1$s is the sales return's number, %2$lld the number of units */
        : g_strdup_printf (ngettext ("Posted sales return %1$s (%2$lld unit)",
                                     "Posted sales return %1$s (%2$lld units)", n), number,
                           (long long) qty);
    case ST_DOC_VENDOR_RETURN:
    default:
      return action == DONE_VOIDED
        /* Translators: %s is the vendor return's number */
        ? g_strdup_printf (_("Voided vendor return %s"), number)
        /* Translators: %1$s is the vendor return's number, %2$lld the number of units */
        : g_strdup_printf (ngettext ("Posted vendor return %1$s (%2$lld unit)",
                                     "Posted vendor return %1$s (%2$lld units)", n), number,
                           (long long) qty);
    }
}

static int
print_document (StCli      *cli,
                StDocument *document,
                DoneAction  action);

int
st_cli_print_posted (StCli      *cli,
                     StDocument *document)
{
  return print_document (cli, document, DONE_POSTED);
}

static int
print_document (StCli      *cli,
                StDocument *document,
                DoneAction  action)
{
  g_autoptr(StDocument) full = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *head = NULL;

  /* Make sure the lines and serials are there (a posting returns them already). */
  if (st_document_get_lines (document) == NULL)
    {
      full = st_store_get_document_by_id (cli->store, st_document_get_id (document), &error);
      if (full == NULL)
        return st_cli_fail (error);
      document = full;
    }

  head = headline (document, action);
  return st_cli_print_details (cli, document, (StCliToJsonFunc) st_cli_document_to_json, head,
                               (StCliToTextFunc) st_cli_document_to_text);
}

/* Reports @error of a command on the bill @number (of @vendor, NULL: not named).  A bill
 * number several vendors use is refused with a hint at --vendor; ST_ERROR_DUPLICATE alone does
 * not say so (a vendor return's --number may be the duplicate), so the bill is looked up. */
static int
fail_on_bill (StCli        *cli,
              const GError *error,
              const char   *number,
              const char   *vendor)
{
  g_autoptr(GError) lookup_error = NULL;
  g_autoptr(StDocument) bill = NULL;

  if (vendor == NULL && g_error_matches (error, ST_ERROR, ST_ERROR_DUPLICATE))
    {
      bill = st_store_get_bill (cli->store, number, NULL, &lookup_error);
      if (bill == NULL && g_error_matches (lookup_error, ST_ERROR, ST_ERROR_DUPLICATE))
        {
          g_autoptr(GError) hint = NULL;

          hint = g_error_new (ST_ERROR, ST_ERROR_DUPLICATE,
                              /* Translators: %s is a bill number; keep “--vendor”, NAME may be
                               * translated as in the command synopses */
                              _("Several vendors have a bill numbered “%s”; say whose with "
                                "--vendor NAME"), number);
          return st_cli_fail (hint);
        }
    }
  return st_cli_fail (error);
}

/* Posting: one command for every kind, its options from the kind's table entry. */

/* Appends option @name (NULL: the kind has none) to @options; a required one to @required. */
static void
add_option (GArray       *options,
            GPtrArray    *required,
            const char   *name,
            StCliOptKind  kind,
            gpointer      target,
            gboolean      is_required)
{
  StCliOption option = { name, kind, target };

  if (name == NULL)
    return;
  g_array_append_val (options, option);
  if (is_required)
    g_ptr_array_add (required, (gpointer) name);
}

static int
run_post (StCli               *cli,
          const StCliCommand  *command,
          const StDocKindInfo *info,
          int                  argc,
          char               **argv,
          PostArgs            *a)
{
  const StDocKindOptions *names = &info->cli;
  g_autoptr(GError) error = NULL;
  g_autoptr(StDraft) draft = NULL;
  g_autoptr(StDocument) document = NULL;
  g_autoptr(GArray) options = g_array_new (TRUE, TRUE, sizeof (StCliOption));
  g_autoptr(GPtrArray) required = g_ptr_array_new ();
  int status;

  /* In the order the first missing one is reported. */
  add_option (options, required, names->contact, ST_CLI_OPT_VALUE, &a->contact,
              info->has_contact);
  add_option (options, required, "number", ST_CLI_OPT_VALUE, &a->number,
              info->numbering == ST_DOC_NUMBER_VENDOR);
  add_option (options, required, names->reference, ST_CLI_OPT_VALUE, &a->reference, TRUE);
  add_option (options, required, names->warehouse, ST_CLI_OPT_VALUE, &a->warehouse, TRUE);
  add_option (options, required, names->to_warehouse, ST_CLI_OPT_VALUE, &a->to_warehouse,
              TRUE);
  add_option (options, required, names->in_transit, ST_CLI_OPT_FLAG, &a->in_transit, FALSE);
  add_option (options, required, names->reason, ST_CLI_OPT_VALUE, &a->reason, TRUE);
  add_option (options, required, "date", ST_CLI_OPT_VALUE, &a->date, FALSE);
  add_option (options, required, "line", ST_CLI_OPT_VALUES, &a->lines, FALSE);
  add_option (options, required, "draft", ST_CLI_OPT_FLAG, &a->draft, FALSE);

  status = st_cli_parse_options (cli, command, (const StCliOption *) options->data, argc, argv,
                                 0, 0, NULL);
  if (status >= 0)
    return status;
  /* A draft keeps what was given, complete or not: posting it checks everything. */
  for (guint i = 0; !a->draft && i < required->len; i++)
    {
      const char *name = g_ptr_array_index (required, i);

      for (guint j = 0; j < options->len; j++)
        {
          const StCliOption *o = &g_array_index (options, StCliOption, j);

          if (o->name == name && *(char **) o->target == NULL)
            /* Translators: %s is an option name, like “vendor”; keep the two dashes */
            return st_cli_usage_error (command, _("Missing --%s"), name);
        }
    }
  if (a->lines == NULL && !a->draft)
    return st_cli_usage_error (command, _("Missing --line: give at least one LINE"));

  if (a->date != NULL && !a->draft && !st_date_validate (a->date, "--date", &error))
    return st_cli_fail (error);

  draft = st_draft_new (info->kind);
  st_draft_set_string (&draft->number, a->number);
  st_draft_set_string (&draft->date, a->date);
  st_draft_set_string (&draft->contact, a->contact);
  st_draft_set_string (&draft->warehouse, a->warehouse);
  st_draft_set_string (&draft->to_warehouse, a->to_warehouse);
  st_draft_set_string (&draft->reference, a->reference);
  st_draft_set_string (&draft->reason, a->reason);
  draft->in_transit = a->in_transit;

  if ((a->lines != NULL && !st_cli_add_lines (cli, draft, a->lines, &error))
      || !st_cli_open_store (cli, &error))
    return st_cli_fail (error);
  if (a->draft)
    return st_cli_save_draft (cli, draft);
  if ((document = st_store_post (cli->store, draft, &error)) == NULL)
    {
      /* A bill is found by its number and, when given, its vendor. */
      if (info->has_reference
          && st_doc_kind_info (info->reference_kind)->numbering == ST_DOC_NUMBER_VENDOR)
        return fail_on_bill (cli, error, a->reference, a->contact);
      return st_cli_fail (error);
    }
  return print_document (cli, document, DONE_POSTED);
}

/* `serialtrack-cli KIND post …`: the kind is the command's group ("adjust"). */
int
st_cli_cmd_post (StCli              *cli,
                 const StCliCommand *command,
                 int                 argc,
                 char              **argv)
{
  const StDocKindInfo *info = st_doc_kind_info_for_command (command->group);
  PostArgs a = { 0 };
  int status;

  g_assert (info != NULL);
  status = run_post (cli, command, info, argc, argv, &a);
  post_args_clear (&a);
  return status;
}

/* Receiving and voiding. */

int
st_cli_cmd_transfer_receive (StCli              *cli,
                             const StCliCommand *command,
                             int                 argc,
                             char              **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) args = NULL;
  g_autoptr(StDocument) document = NULL;
  g_autofree char *date = NULL;
  const StCliOption options[] = {
    { "date", ST_CLI_OPT_VALUE, &date },
    { NULL }
  };
  int status;

  if ((status = st_cli_parse_options (cli, command, options, argc, argv, 1, 1, &args)) >= 0)
    return status;
  if (date != NULL && !st_date_validate (date, "--date", &error))
    return st_cli_fail (error);
  if (!st_cli_open_store (cli, &error)
      || (document = st_store_receive_transfer (cli->store, g_ptr_array_index (args, 0), date,
                                                &error)) == NULL)
    return st_cli_fail (error);
  return print_document (cli, document, DONE_RECEIVED);
}

int
st_cli_cmd_void (StCli              *cli,
                 const StCliCommand *command,
                 int                 argc,
                 char              **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) args = NULL;
  g_autoptr(StDocument) document = NULL;
  g_autofree char *vendor = NULL;
  const StCliOption options[] = {
    { "vendor", ST_CLI_OPT_VALUE, &vendor },
    { NULL }
  };
  const char *number;
  StDocKind kind;
  gboolean by_vendor;
  int status;

  if ((status = st_cli_parse_options (cli, command, options, argc, argv, 2, 2, &args)) >= 0)
    return status;
  if (!st_doc_kind_from_string (g_ptr_array_index (args, 0), &kind) || kind >= ST_N_DOC_KINDS)
    return st_cli_usage_error (command,
                               /* Translators: %s is what was typed; keep the kind names (bill,
                                * invoice …) as they are */
                               _("Unknown document kind “%s”; use bill, invoice, transfer, "
                                 "adjustment, return or vendor-return"),
                               (const char *) g_ptr_array_index (args, 0));
  /* Only a bill's number is its vendor's own, and so may need the vendor to say which. */
  by_vendor = st_doc_kind_info (kind)->numbering == ST_DOC_NUMBER_VENDOR;
  if (vendor != NULL && !by_vendor)
    return st_cli_usage_error (command,
                               /* Translators: keep “--vendor” as it is */
                               _("--vendor names the vendor of a bill; other documents are "
                                 "found by their number alone"));
  number = g_ptr_array_index (args, 1);
  if (!st_cli_open_store (cli, &error))
    return st_cli_fail (error);
  if (by_vendor)
    document = st_store_void_bill (cli->store, number, vendor, &error);
  else
    document = st_store_void (cli->store, kind, number, &error);
  if (document == NULL)
    return by_vendor ? fail_on_bill (cli, error, number, vendor) : st_cli_fail (error);
  return print_document (cli, document, DONE_VOIDED);
}
