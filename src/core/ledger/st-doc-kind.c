/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-doc-kind.c — the table of document kinds (DESIGN §2, the CLI's post commands §6). */
#define G_LOG_DOMAIN "st-doc-kind"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "st-doc-kind.h"

/* Indexed by StDocKind.  The names are stored in the database and printed by the CLI: never
 * translate or rename them. */
static const StDocKindInfo kinds[] = {
  [ST_DOC_BILL] = {
    .kind = ST_DOC_BILL,
    .name = "bill",
    /* Translators: a document kind: a vendor's bill that brings stock in */
    .label = N_("Bill"),
    .plural_label = N_("Bills"),
    .new_title = N_("New Bill"),
    .number_prefix = "BILL-",
    .numbering = ST_DOC_NUMBER_VENDOR,
    .has_contact = TRUE,
    .contact_kind = ST_CONTACT_VENDOR,
    .has_warehouse = TRUE,
    .has_amount = TRUE,
    .serials = ST_DOC_SERIALS_ENTERED,
    .event = ST_EVENT_RECEIVED,
    .cli = { .command = "bill", .contact = "vendor", .warehouse = "warehouse" },
  },
  [ST_DOC_INVOICE] = {
    .kind = ST_DOC_INVOICE,
    .name = "invoice",
    /* Translators: a document kind: a sale to a customer */
    .label = N_("Invoice"),
    .plural_label = N_("Invoices"),
    .new_title = N_("New Invoice"),
    .number_prefix = "INV-",
    .numbering = ST_DOC_NUMBER_OPTIONAL,
    .has_contact = TRUE,
    .contact_kind = ST_CONTACT_CUSTOMER,
    .has_warehouse = TRUE,
    .has_amount = TRUE,
    .rate_is_price = TRUE,
    .serials = ST_DOC_SERIALS_PICKED,
    .event = ST_EVENT_SOLD,
    .cli = { .command = "invoice", .contact = "customer", .warehouse = "warehouse" },
  },
  [ST_DOC_TRANSFER] = {
    .kind = ST_DOC_TRANSFER,
    .name = "transfer",
    /* Translators: a document kind: moves stock from one warehouse to another */
    .label = N_("Transfer order"),
    .plural_label = N_("Transfers"),
    .new_title = N_("New Transfer Order"),
    .number_prefix = "TO-",
    .numbering = ST_DOC_NUMBER_AUTOMATIC,
    .has_warehouse = TRUE,
    .has_to_warehouse = TRUE,
    .has_transit = TRUE,
    .serials = ST_DOC_SERIALS_PICKED,
    .event = ST_EVENT_TRANSFERRED,
    .cli = { .command = "transfer", .warehouse = "from", .to_warehouse = "to",
             .in_transit = "in-transit" },
  },
  [ST_DOC_ADJUSTMENT] = {
    .kind = ST_DOC_ADJUSTMENT,
    .name = "adjustment",
    /* Translators: a document kind: an inventory adjustment (stock added or written off) */
    .label = N_("Adjustment"),
    .plural_label = N_("Adjustments"),
    .new_title = N_("New Adjustment"),
    .number_prefix = "ADJ-",
    .numbering = ST_DOC_NUMBER_AUTOMATIC,
    .has_warehouse = TRUE,
    .has_reason = TRUE,
    .has_amount = TRUE,
    .serials = ST_DOC_SERIALS_BY_SIGN,
    .event = ST_EVENT_ADJUSTED_IN,
    .cli = { .command = "adjust", .warehouse = "warehouse", .reason = "reason" },
  },
  [ST_DOC_RETURN] = {
    .kind = ST_DOC_RETURN,
    .name = "return",
    /* Translators: a document kind: goods returned by a customer */
    .label = N_("Sales return"),
    .plural_label = N_("Sales Returns"),
    .new_title = N_("New Sales Return"),
    .number_prefix = "RET-",
    .numbering = ST_DOC_NUMBER_AUTOMATIC,
    .contact_kind = ST_CONTACT_CUSTOMER,
    .has_warehouse = TRUE,
    .has_reference = TRUE,
    .reference_kind = ST_DOC_INVOICE,
    .has_amount = TRUE,
    .rate_is_price = TRUE,
    .serials = ST_DOC_SERIALS_PICKED,
    .event = ST_EVENT_RETURNED,
    .cli = { .command = "return", .reference = "invoice", .warehouse = "warehouse" },
  },
  [ST_DOC_VENDOR_RETURN] = {
    .kind = ST_DOC_VENDOR_RETURN,
    .name = "vendor-return",
    /* Translators: a document kind: goods sent back to a vendor */
    .label = N_("Vendor return"),
    .plural_label = N_("Vendor Returns"),
    .new_title = N_("New Vendor Return"),
    .number_prefix = "VR-",
    .numbering = ST_DOC_NUMBER_AUTOMATIC,
    .contact_kind = ST_CONTACT_VENDOR,
    .has_reference = TRUE,
    .reference_kind = ST_DOC_BILL,
    .has_amount = TRUE,
    .serials = ST_DOC_SERIALS_PICKED,
    .event = ST_EVENT_RETURNED_TO_VENDOR,
    .cli = { .command = "vendor-return", .contact = "vendor", .reference = "bill" },
  },
  /* A service case: its customer, its service desk, and the lines of the parts used on it
   * (picked from stock at the desk and written off to the case).  Its steps are written by
   * st-store-service.c; it has no "post" command. */
  [ST_DOC_SERVICE] = {
    .kind = ST_DOC_SERVICE,
    .name = "service",
    /* Translators: a document kind: a warranty claim or repair of one customer's unit */
    .label = N_("Service case"),
    .plural_label = N_("Service Cases"),
    .new_title = N_("New Service Case"),
    .number_prefix = "SC-",
    .numbering = ST_DOC_NUMBER_AUTOMATIC,
    .has_contact = TRUE,
    .contact_kind = ST_CONTACT_CUSTOMER,
    .has_warehouse = TRUE,
    .has_amount = TRUE,
    .serials = ST_DOC_SERIALS_PICKED,
    .event = ST_EVENT_WRITTEN_OFF,
  },
};
G_STATIC_ASSERT (G_N_ELEMENTS (kinds) == ST_N_ALL_DOC_KINDS);

const StDocKindInfo *
st_doc_kind_info (StDocKind kind)
{
  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (kinds), NULL);

  g_assert (kinds[kind].kind == kind);
  return &kinds[kind];
}

const StDocKindInfo *
st_doc_kind_info_for_command (const char *command)
{
  g_return_val_if_fail (command != NULL, NULL);

  for (gsize i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (kinds[i].cli.command != NULL && strcmp (kinds[i].cli.command, command) == 0)
      return &kinds[i];
  return NULL;
}

gboolean
st_doc_kind_picks (StDocKind kind,
                   gint64    quantity)
{
  switch (st_doc_kind_info (kind)->serials)
    {
    case ST_DOC_SERIALS_ENTERED:
      return FALSE;
    case ST_DOC_SERIALS_BY_SIGN:
      return quantity < 0;
    case ST_DOC_SERIALS_PICKED:
    default:
      return TRUE;
    }
}

gboolean
st_doc_kind_allows_negative (StDocKind kind)
{
  return st_doc_kind_info (kind)->serials == ST_DOC_SERIALS_BY_SIGN;
}

StEventKind
st_doc_kind_line_event (StDocKind kind,
                        gint64    quantity,
                        gboolean  in_transit)
{
  const StDocKindInfo *info = st_doc_kind_info (kind);

  if (info->has_transit && in_transit)
    return ST_EVENT_TRANSFER_OUT;
  if (info->serials == ST_DOC_SERIALS_BY_SIGN && quantity < 0)
    return ST_EVENT_WRITTEN_OFF;
  return info->event;
}

gboolean
st_doc_kind_is_referenced (StDocKind kind)
{
  for (gsize i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (kinds[i].has_reference && kinds[i].reference_kind == kind)
      return TRUE;
  return FALSE;
}

/* The StDocKind functions of st-types.h, beside the enums of st-enums.c. */

const char *
st_doc_kind_to_string (StDocKind kind)
{
  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (kinds), NULL);

  return kinds[kind].name;
}

/* Writes *out only on success, so a caller's default survives unknown text. */
gboolean
st_doc_kind_from_string (const char *text,
                         StDocKind  *out)
{
  if (text == NULL)
    return FALSE;
  for (gsize i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (strcmp (kinds[i].name, text) == 0)
      {
        if (out != NULL)
          *out = kinds[i].kind;
        return TRUE;
      }
  return FALSE;
}

const char *
st_doc_kind_to_label (StDocKind kind)
{
  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (kinds), NULL);

  return _(kinds[kind].label);
}
