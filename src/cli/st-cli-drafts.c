/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-cli-drafts.c — "KIND post … --draft" and draft list|show|post|delete (DESIGN §6, §11). */
#define G_LOG_DOMAIN "st-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "st-cli-private.h"
#include "st-doc-kind.h"
#include "st-error.h"
#include "st-parse.h"
#include "st-store-drafts.h"

static void
draft_to_json (StSavedDraft *saved,
               JsonBuilder  *json)
{
  StDraft *draft = saved->draft;

  json_builder_begin_object (json);
  st_cli_json_member_string (json, "draft", saved->number);
  st_cli_json_member_string (json, "kind", st_doc_kind_to_string (draft->kind));
  st_cli_json_member_string (json, "saved", saved->saved);
  st_cli_json_member_string (json, "number", draft->number);
  st_cli_json_member_string (json, "date", draft->date);
  st_cli_json_member_string (json, "contact", draft->contact);
  st_cli_json_member_string (json, "warehouse", draft->warehouse);
  st_cli_json_member_string (json, "to_warehouse", draft->to_warehouse);
  st_cli_json_member_bool (json, "in_transit", draft->in_transit);
  st_cli_json_member_string (json, "reference", draft->reference);
  st_cli_json_member_string (json, "reason", draft->reason);
  st_cli_json_member_int (json, "quantity", st_saved_draft_get_quantity (saved));
  json_builder_set_member_name (json, "lines");
  json_builder_begin_array (json);
  for (guint i = 0; i < draft->lines->len; i++)
    {
      StDraftLine *line = g_ptr_array_index (draft->lines, i);

      json_builder_begin_object (json);
      st_cli_json_member_int (json, "line", i + 1);
      st_cli_json_member_string (json, "sku", line->sku);
      st_cli_json_member_int (json, "quantity", line->quantity);
      st_cli_json_member_money (json, "rate", line->has_rate, line->rate);
      json_builder_set_member_name (json, "serials");
      if (line->serials == NULL)
        json_builder_add_null_value (json);   /* the oldest units are picked when it is posted */
      else
        {
          json_builder_begin_array (json);
          for (guint j = 0; j < line->serials->len; j++)
            st_cli_json_string (json, g_ptr_array_index (line->serials, j));
          json_builder_end_array (json);
        }
      json_builder_end_object (json);
    }
  json_builder_end_array (json);
  json_builder_end_object (json);
}

static void
draft_to_text (StSavedDraft *saved,
               GString      *out)
{
  StDraft *draft = saved->draft;
  const StDocKindInfo *info = st_doc_kind_info (draft->kind);
  g_autoptr(StCliTable) fields = st_cli_table_new (2);
  g_autoptr(StCliTable) table = st_cli_table_new (4);

  st_cli_table_add_field (fields, _("Kind"), st_doc_kind_to_label (draft->kind));
  st_cli_table_add_field (fields, _("Saved"), saved->saved);
  st_cli_table_add_field (fields, _("Number"), draft->number);
  st_cli_table_add_field (fields, _("Date"), draft->date);
  if (info->has_contact)
    st_cli_table_add_field (fields,
                            info->contact_kind == ST_CONTACT_VENDOR ? _("Vendor") : _("Customer"),
                            draft->contact);
  if (info->has_to_warehouse)
    {
      st_cli_table_add_field (fields, _("From"), draft->warehouse);
      st_cli_table_add_field (fields, _("To"), draft->to_warehouse);
      if (draft->in_transit)
        st_cli_table_add_field (fields, _("Status"),
                                st_unit_status_to_label (ST_UNIT_IN_TRANSIT));
    }
  else
    st_cli_table_add_field (fields, _("Warehouse"), draft->warehouse);
  if (info->has_reference)
    st_cli_table_add_field (fields, st_doc_kind_to_label (info->reference_kind),
                            draft->reference);
  st_cli_table_add_field (fields, _("Reason"), draft->reason);
  st_cli_table_render (fields, "  ", out);

  if (draft->lines->len == 0)
    return;
  st_cli_table_align_right (table, 0);
  st_cli_table_align_right (table, 2);
  st_cli_table_align_right (table, 3);
  st_cli_table_add_row (table, _("Line"), _("SKU"), _("Quantity"), _("Rate"));
  for (guint i = 0; i < draft->lines->len; i++)
    {
      StDraftLine *line = g_ptr_array_index (draft->lines, i);
      g_autofree char *no = g_strdup_printf ("%u", i + 1);
      g_autofree char *qty = g_strdup_printf ("%" G_GINT64_FORMAT, line->quantity);
      g_autofree char *rate = line->has_rate ? st_money_format (line->rate) : NULL;

      st_cli_table_add_row (table, no, line->sku != NULL ? line->sku : "—", qty, rate);
    }
  st_cli_table_render (table, "  ", out);

  for (guint i = 0; i < draft->lines->len; i++)
    {
      StDraftLine *line = g_ptr_array_index (draft->lines, i);

      if (line->serials == NULL || line->serials->len == 0)
        continue;
      g_string_append (out, "  ");
      /* Translators: %1$u is a line number, %2$s a SKU; a list of serials follows */
      g_string_append_printf (out, _("Serials of line %1$u (%2$s):"), i + 1,
                              line->sku != NULL ? line->sku : "—");
      for (guint j = 0; j < line->serials->len; j++)
        g_string_append_printf (out, "%s%s", j == 0 ? " " : ", ",
                                (const char *) g_ptr_array_index (line->serials, j));
      g_string_append_c (out, '\n');
    }
}

static int
print_draft (StCli        *cli,
             StSavedDraft *saved,
             const char   *headline)
{
  return st_cli_print_details (cli, saved, (StCliToJsonFunc) draft_to_json, headline,
                               (StCliToTextFunc) draft_to_text);
}

int
st_cli_save_draft (StCli   *cli,
                   StDraft *draft)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StSavedDraft) saved = NULL;
  g_autofree char *headline = NULL;

  saved = st_store_save_draft (cli->store, NULL, draft, &error);
  if (saved == NULL)
    return st_cli_fail (error);
  /* Translators: %1$s a draft's number ("DRAFT-00001"), %2$s a document kind ("Bill") */
  headline = g_strdup_printf (_("Saved draft %1$s (%2$s); post it with “draft post %1$s”"),
                              saved->number, st_doc_kind_to_label (draft->kind));
  return print_draft (cli, saved, headline);
}

int
st_cli_cmd_draft_list (StCli              *cli,
                       const StCliCommand *command,
                       int                 argc,
                       char              **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) drafts = NULL;
  g_autofree char *kind_text = NULL;
  const StCliOption options[] = {
    { "kind", ST_CLI_OPT_VALUE, &kind_text },
    { NULL }
  };
  StDocKind kind = ST_DOC_BILL;
  int status;

  if ((status = st_cli_parse_options (cli, command, options, argc, argv, 0, 0, NULL)) >= 0)
    return status;
  if (kind_text != NULL
      && (!st_doc_kind_from_string (kind_text, &kind) || kind >= ST_N_DOC_KINDS))
    return st_cli_usage_error (command,
                               /* Translators: %s is what was typed; keep the kind names (bill,
                                * invoice …) as they are */
                               _("Unknown document kind “%s”; use bill, invoice, transfer, "
                                 "adjustment, return or vendor-return"), kind_text);
  if (!st_cli_open_store (cli, &error)
      || (drafts = st_store_list_drafts (cli->store, kind_text != NULL ? (int) kind : -1,
                                         &error)) == NULL)
    return st_cli_fail (error);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) json = json_builder_new ();

      json_builder_begin_array (json);
      for (guint i = 0; i < drafts->len; i++)
        draft_to_json (g_ptr_array_index (drafts, i), json);
      json_builder_end_array (json);
      st_cli_print_json (json);
    }
  else
    {
      g_autoptr(GString) out = g_string_new (NULL);
      g_autoptr(StCliTable) table = st_cli_table_new (6);

      st_cli_table_align_right (table, 5);
      for (guint i = 0; i < drafts->len; i++)
        {
          StSavedDraft *saved = g_ptr_array_index (drafts, i);
          StDraft *draft = saved->draft;
          g_autofree char *quantity = g_strdup_printf ("%" G_GINT64_FORMAT,
                                                       st_saved_draft_get_quantity (saved));

          st_cli_table_add_row (table, saved->number, st_doc_kind_to_string (draft->kind),
                                saved->saved, draft->number,
                                draft->contact != NULL ? draft->contact : draft->warehouse,
                                quantity);
        }
      st_cli_table_render (table, "", out);
      st_cli_print_text (out->str);
    }
  return ST_CLI_EXIT_OK;
}

int
st_cli_cmd_draft_show (StCli              *cli,
                       const StCliCommand *command,
                       int                 argc,
                       char              **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) args = NULL;
  g_autoptr(StSavedDraft) saved = NULL;
  g_autofree char *headline = NULL;
  int status;

  if ((status = st_cli_parse_options (cli, command, NULL, argc, argv, 1, 1, &args)) >= 0)
    return status;
  if (!st_cli_open_store (cli, &error)
      || (saved = st_store_get_draft (cli->store, g_ptr_array_index (args, 0), &error)) == NULL)
    return st_cli_fail (error);
  /* Translators: %1$s a draft's number ("DRAFT-00001"), %2$s a document kind ("Bill") */
  headline = g_strdup_printf (_("Draft %1$s (%2$s)"), saved->number,
                              st_doc_kind_to_label (saved->draft->kind));
  return print_draft (cli, saved, headline);
}

int
st_cli_cmd_draft_post (StCli              *cli,
                       const StCliCommand *command,
                       int                 argc,
                       char              **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) args = NULL;
  g_autoptr(StDocument) document = NULL;
  int status;

  if ((status = st_cli_parse_options (cli, command, NULL, argc, argv, 1, 1, &args)) >= 0)
    return status;
  if (!st_cli_open_store (cli, &error)
      || (document = st_store_post_draft (cli->store, g_ptr_array_index (args, 0), NULL,
                                          &error)) == NULL)
    return st_cli_fail (error);
  return st_cli_print_posted (cli, document);
}

int
st_cli_cmd_draft_delete (StCli              *cli,
                         const StCliCommand *command,
                         int                 argc,
                         char              **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) args = NULL;
  const char *number;
  int status;

  if ((status = st_cli_parse_options (cli, command, NULL, argc, argv, 1, 1, &args)) >= 0)
    return status;
  number = g_ptr_array_index (args, 0);
  if (!st_cli_open_store (cli, &error) || !st_store_delete_draft (cli->store, number, &error))
    return st_cli_fail (error);
  if (cli->json)
    {
      g_autoptr(JsonBuilder) json = json_builder_new ();

      json_builder_begin_object (json);
      st_cli_json_member_string (json, "deleted", number);
      json_builder_end_object (json);
      st_cli_print_json (json);
    }
  else
    {
      /* Translators: %s is a draft's number ("DRAFT-00001") */
      g_autofree char *text = g_strdup_printf (_("Deleted draft %s\n"), number);

      st_cli_print_text (text);
    }
  return ST_CLI_EXIT_OK;
}
