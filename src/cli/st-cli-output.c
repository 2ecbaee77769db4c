/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-cli-output.c — documents, items and units as text for people and as JSON for scripts.
 * JSON keys and the machine names of statuses and events are never translated. */
#define G_LOG_DOMAIN "st-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "st-parse.h"
#include "st-cli-private.h"

static char *
money (gint64 cents)
{
  return st_money_format (cents);
}

static char *
document_label (StDocKind   kind,
                const char *number)
{
  /* Translators: a document kind (such as "Invoice") and its number */
  return g_strdup_printf (_("%1$s %2$s"), st_doc_kind_to_label (kind), number);
}

/* Documents. */

void
st_cli_document_to_json (StDocument  *document,
                         JsonBuilder *json)
{
  GPtrArray *lines = st_document_get_lines (document);

  json_builder_begin_object (json);
  st_cli_json_member_int (json, "id", st_document_get_id (document));
  st_cli_json_member_string (json, "kind", st_doc_kind_to_string (st_document_get_kind (document)));
  st_cli_json_member_string (json, "number", st_document_get_number (document));
  st_cli_json_member_string (json, "date", st_document_get_date (document));
  st_cli_json_member_string (json, "status",
                             st_doc_status_to_string (st_document_get_status (document)));
  st_cli_json_member_string (json, "contact", st_document_get_contact (document));
  st_cli_json_member_string (json, "warehouse", st_document_get_warehouse (document));
  st_cli_json_member_string (json, "to_warehouse", st_document_get_to_warehouse (document));
  st_cli_json_member_bool (json, "in_transit", st_document_get_in_transit (document));
  st_cli_json_member_string (json, "received_date", st_document_get_received_date (document));
  st_cli_json_member_string (json, "reference", st_document_get_reference (document));
  st_cli_json_member_string (json, "reason", st_document_get_reason (document));
  st_cli_json_member_int (json, "quantity", st_document_get_quantity (document));
  st_cli_json_member_money (json, "total", TRUE, st_document_get_total (document));
  json_builder_set_member_name (json, "lines");
  json_builder_begin_array (json);
  for (guint i = 0; lines != NULL && i < lines->len; i++)
    {
      StDocumentLine *line = g_ptr_array_index (lines, i);

      json_builder_begin_object (json);
      st_cli_json_member_int (json, "line", line->line_no);
      st_cli_json_member_string (json, "sku", line->sku);
      st_cli_json_member_string (json, "item", line->item_name);
      st_cli_json_member_int (json, "quantity", line->quantity);
      st_cli_json_member_money (json, "rate", TRUE, line->rate);
      json_builder_set_member_name (json, "serials");
      json_builder_begin_array (json);
      for (guint j = 0; line->serials != NULL && j < line->serials->len; j++)
        st_cli_json_string (json, g_ptr_array_index (line->serials, j));
      json_builder_end_array (json);
      json_builder_end_object (json);
    }
  json_builder_end_array (json);
  json_builder_end_object (json);
}

void
st_cli_document_to_text (StDocument *document,
                         GString    *out)
{
  g_autoptr(StCliTable) fields = st_cli_table_new (2);
  g_autoptr(StCliTable) table = st_cli_table_new (6);
  g_autofree char *total = money (st_document_get_total (document));
  StDocKind kind = st_document_get_kind (document);
  GPtrArray *lines = st_document_get_lines (document);

  st_cli_table_add_field (fields, _("Date"), st_document_get_date (document));
  st_cli_table_add_field (fields, _("Status"),
                          st_document_get_status (document) == ST_DOC_STATUS_POSTED
                          && st_document_get_in_transit (document)
                          ? st_unit_status_to_label (ST_UNIT_IN_TRANSIT)
                          : st_doc_status_to_label (st_document_get_status (document)));
  switch (kind)
    {
    case ST_DOC_BILL:
    case ST_DOC_VENDOR_RETURN:
      st_cli_table_add_field (fields, _("Vendor"), st_document_get_contact (document));
      break;
    case ST_DOC_INVOICE:
    case ST_DOC_RETURN:
      st_cli_table_add_field (fields, _("Customer"), st_document_get_contact (document));
      break;
    case ST_DOC_TRANSFER:
    case ST_DOC_ADJUSTMENT:
    default:
      break;
    }
  if (kind == ST_DOC_TRANSFER)
    {
      st_cli_table_add_field (fields, _("From"), st_document_get_warehouse (document));
      st_cli_table_add_field (fields, _("To"), st_document_get_to_warehouse (document));
      st_cli_table_add_field (fields, _("Received"), st_document_get_received_date (document));
    }
  else
    st_cli_table_add_field (fields, _("Warehouse"), st_document_get_warehouse (document));
  if (kind == ST_DOC_RETURN)
    st_cli_table_add_field (fields, st_doc_kind_to_label (ST_DOC_INVOICE),
                            st_document_get_reference (document));
  else if (kind == ST_DOC_VENDOR_RETURN)
    st_cli_table_add_field (fields, st_doc_kind_to_label (ST_DOC_BILL),
                            st_document_get_reference (document));
  st_cli_table_add_field (fields, _("Reason"), st_document_get_reason (document));
  st_cli_table_add_field (fields, _("Total"), total);
  st_cli_table_render (fields, "  ", out);

  if (lines == NULL || lines->len == 0)
    return;

  st_cli_table_align_right (table, 0);
  st_cli_table_align_right (table, 3);
  st_cli_table_align_right (table, 4);
  st_cli_table_align_right (table, 5);
  st_cli_table_add_row (table,
                        /* Translators: column headings of a document's lines */
                        _("Line"), _("SKU"), _("Item"), _("Quantity"), _("Rate"), _("Amount"));
  for (guint i = 0; i < lines->len; i++)
    {
      StDocumentLine *line = g_ptr_array_index (lines, i);
      g_autofree char *no = g_strdup_printf ("%u", line->line_no);
      g_autofree char *qty = g_strdup_printf ("%" G_GINT64_FORMAT, line->quantity);
      g_autofree char *rate = money (line->rate);
      g_autofree char *amount = money (line->rate * ABS (line->quantity));

      st_cli_table_add_row (table, no, line->sku, line->item_name, qty, rate, amount);
    }
  st_cli_table_render (table, "  ", out);

  for (guint i = 0; i < lines->len; i++)
    {
      StDocumentLine *line = g_ptr_array_index (lines, i);

      if (line->serials == NULL || line->serials->len == 0)
        continue;
      g_string_append (out, "  ");
      /* Translators: %1$u is a line number, %2$s a SKU; a list of serials follows */
      g_string_append_printf (out, _("Serials of line %1$u (%2$s):"), line->line_no, line->sku);
      g_string_append_c (out, '\n');
      for (guint j = 0; j < line->serials->len; j++)
        {
          g_autofree char *serial = g_utf8_make_valid (g_ptr_array_index (line->serials, j), -1);

          g_string_append_printf (out, "    %s\n", serial);
        }
    }
}

/* Items, warehouses, contacts. */

void
st_cli_item_to_json (StItem      *item,
                     JsonBuilder *json)
{
  gboolean serial = st_item_get_tracking (item) == ST_TRACKING_SERIAL;

  json_builder_begin_object (json);
  st_cli_json_member_int (json, "id", st_item_get_id (item));
  st_cli_json_member_string (json, "sku", st_item_get_sku (item));
  st_cli_json_member_string (json, "name", st_item_get_name (item));
  st_cli_json_member_string (json, "unit", st_item_get_unit (item));
  st_cli_json_member_string (json, "tracking", st_tracking_to_string (st_item_get_tracking (item)));
  st_cli_json_member_string (json, "serial_format",
                             serial ? st_serial_format_to_string (st_item_get_serial_format (item))
                                    : NULL);
  st_cli_json_member_money (json, "price", TRUE, st_item_get_price (item));
  st_cli_json_member_money (json, "cost", TRUE, st_item_get_cost (item));
  st_cli_json_member_int (json, "warranty_months", st_item_get_warranty_months (item));
  st_cli_json_member_int (json, "on_hand", st_item_get_on_hand (item));
  st_cli_json_member_bool (json, "archived", st_item_get_archived (item));
  json_builder_end_object (json);
}

void
st_cli_items_to_text (GPtrArray *items,
                      GString   *out)
{
  g_autoptr(StCliTable) table = st_cli_table_new (8);

  st_cli_table_align_right (table, 4);
  st_cli_table_align_right (table, 5);
  st_cli_table_align_right (table, 6);
  st_cli_table_align_right (table, 7);
  st_cli_table_add_row (table,
                        /* Translators: column headings of the item list */
                        _("SKU"), _("Name"), _("Tracking"), _("Serial format"), _("Price"),
                        _("Cost"), _("Warranty"), _("On hand"));
  for (guint i = 0; i < items->len; i++)
    {
      StItem *item = g_ptr_array_index (items, i);
      gboolean serial = st_item_get_tracking (item) == ST_TRACKING_SERIAL;
      g_autofree char *price = money (st_item_get_price (item));
      g_autofree char *cost = money (st_item_get_cost (item));
      g_autofree char *on_hand = g_strdup_printf ("%" G_GINT64_FORMAT,
                                                  st_item_get_on_hand (item));
      guint months = st_item_get_warranty_months (item);
      g_autofree char *warranty = months == 0 ? g_strdup ("")
        /* Translators: a warranty length */
        : g_strdup_printf (ngettext ("%u month", "%u months", months), months);

      st_cli_table_add_row (table, st_item_get_sku (item), st_item_get_name (item),
                            /* Translators: how an item is tracked */
                            serial ? _("Serial numbers") : _("Quantity"),
                            serial ? st_serial_format_to_label (st_item_get_serial_format (item))
                                   : "",
                            price, cost, warranty, on_hand);
    }
  st_cli_table_render (table, NULL, out);
}

void
st_cli_warehouse_to_json (StWarehouse *warehouse,
                          JsonBuilder *json)
{
  json_builder_begin_object (json);
  st_cli_json_member_int (json, "id", st_warehouse_get_id (warehouse));
  st_cli_json_member_string (json, "name", st_warehouse_get_name (warehouse));
  st_cli_json_member_bool (json, "archived", st_warehouse_get_archived (warehouse));
  json_builder_end_object (json);
}

void
st_cli_contact_to_json (StContact   *contact,
                        JsonBuilder *json)
{
  json_builder_begin_object (json);
  st_cli_json_member_int (json, "id", st_contact_get_id (contact));
  st_cli_json_member_string (json, "kind",
                             st_contact_kind_to_string (st_contact_get_kind (contact)));
  st_cli_json_member_string (json, "name", st_contact_get_name (contact));
  st_cli_json_member_string (json, "email", st_contact_get_email (contact));
  st_cli_json_member_string (json, "phone", st_contact_get_phone (contact));
  st_cli_json_member_bool (json, "archived", st_contact_get_archived (contact));
  json_builder_end_object (json);
}

/* Units. */

void
st_cli_unit_to_json (StUnit      *unit,
                     GPtrArray   *history,
                     JsonBuilder *json)
{
  StDocKind received_kind = st_unit_get_received_kind (unit);
  const char *received_doc = st_unit_get_received_doc (unit);

  json_builder_begin_object (json);
  st_cli_json_member_int (json, "id", st_unit_get_id (unit));
  st_cli_json_member_string (json, "serial", st_unit_get_serial (unit));
  st_cli_json_member_string (json, "sku", st_unit_get_sku (unit));
  st_cli_json_member_string (json, "item", st_unit_get_item_name (unit));
  st_cli_json_member_string (json, "status", st_unit_status_to_string (st_unit_get_status (unit)));
  st_cli_json_member_string (json, "warehouse", st_unit_get_warehouse (unit));
  st_cli_json_member_money (json, "cost", TRUE, st_unit_get_cost (unit));
  st_cli_json_member_money (json, "price", st_unit_has_price (unit), st_unit_get_price (unit));
  st_cli_json_member_string (json, "warranty_end", st_unit_get_warranty_end (unit));
  st_cli_json_member_string (json, "received_date", st_unit_get_received_date (unit));
  st_cli_json_member_string (json, "received_kind",
                             received_doc != NULL ? st_doc_kind_to_string (received_kind) : NULL);
  st_cli_json_member_string (json, "received_document", received_doc);
  st_cli_json_member_string (json, "bill", received_kind == ST_DOC_BILL ? received_doc : NULL);
  st_cli_json_member_string (json, "vendor", st_unit_get_vendor (unit));
  st_cli_json_member_string (json, "sold_date", st_unit_get_sold_date (unit));
  st_cli_json_member_string (json, "invoice", st_unit_get_invoice (unit));
  st_cli_json_member_string (json, "customer", st_unit_get_customer (unit));

  if (history != NULL)
    {
      json_builder_set_member_name (json, "history");
      json_builder_begin_array (json);
      for (guint i = 0; i < history->len; i++)
        {
          StUnitEvent *event = g_ptr_array_index (history, i);
          StEventKind kind = st_unit_event_get_kind (event);
          StEventKind reversed = st_unit_event_get_reversed_kind (event);

          json_builder_begin_object (json);
          st_cli_json_member_int (json, "id", st_unit_event_get_id (event));
          st_cli_json_member_string (json, "date", st_unit_event_get_date (event));
          st_cli_json_member_string (json, "event", st_event_kind_to_string (kind));
          st_cli_json_member_string (json, "reversed_event", kind == ST_EVENT_VOIDED
                                                             ? st_event_kind_to_string (reversed)
                                                             : NULL);
          st_cli_json_member_string (json, "document_kind",
                                     st_doc_kind_to_string (st_unit_event_get_doc_kind (event)));
          st_cli_json_member_string (json, "document", st_unit_event_get_doc_number (event));
          st_cli_json_member_string (json, "from", st_unit_event_get_from_warehouse (event));
          st_cli_json_member_string (json, "to", st_unit_event_get_to_warehouse (event));
          st_cli_json_member_string (json, "contact", st_unit_event_get_contact (event));
          st_cli_json_member_money (json, "amount", st_unit_event_has_amount (event),
                                    st_unit_event_get_amount (event));
          if (st_unit_event_get_related_serial (event) != NULL)
            st_cli_json_member_string (json, "related_serial",
                                       st_unit_event_get_related_serial (event));
          json_builder_end_object (json);
        }
      json_builder_end_array (json);
    }
  json_builder_end_object (json);
}

static char *
event_label (StUnitEvent *event)
{
  StEventKind kind = st_unit_event_get_kind (event);

  if (kind == ST_EVENT_VOIDED)
    /* Translators: %s is what was voided, such as "Sold" */
    return g_strdup_printf (_("Voided: %s"),
                            st_event_kind_to_label (st_unit_event_get_reversed_kind (event)));
  if (kind == ST_EVENT_REPLACED && st_unit_event_get_related_serial (event) != NULL)
    /* Translators: a unit's history: %s is the serial of the unit that replaced it */
    return g_strdup_printf (_("Replaced by %s"), st_unit_event_get_related_serial (event));
  if (kind == ST_EVENT_REPLACEMENT && st_unit_event_get_related_serial (event) != NULL)
    /* Translators: a unit's history: %s is the serial of the faulty unit it replaced */
    return g_strdup_printf (_("Replacement for %s"), st_unit_event_get_related_serial (event));
  return g_strdup (st_event_kind_to_label (kind));
}

static char *
route (const char *from,
       const char *to)
{
  if (from == NULL && to == NULL)
    return g_strdup ("");
  return g_strdup_printf ("%s%s%s", from != NULL ? from : "",
                          from != NULL && to != NULL ? " → " : from != NULL ? " →" : "→ ",
                          to != NULL ? to : "");
}

void
st_cli_list_unit_to_json (StUnit      *unit,
                          JsonBuilder *json)
{
  st_cli_unit_to_json (unit, NULL, json);
}

void
st_cli_unit_to_text (StUnit    *unit,
                     GPtrArray *history,
                     GString   *out)
{
  g_autoptr(StCliTable) fields = st_cli_table_new (2);
  g_autofree char *item = NULL;
  g_autofree char *cost = money (st_unit_get_cost (unit));
  g_autofree char *price = st_unit_has_price (unit) ? money (st_unit_get_price (unit)) : NULL;
  g_autofree char *received = NULL;
  g_autofree char *sold = NULL;

  /* Translators: %1$s is a SKU, %2$s the item's name */
  item = g_strdup_printf (_("%1$s (%2$s)"), st_unit_get_sku (unit), st_unit_get_item_name (unit));
  if (st_unit_get_received_doc (unit) != NULL)
    {
      g_autofree char *doc = document_label (st_unit_get_received_kind (unit),
                                             st_unit_get_received_doc (unit));
      if (st_unit_get_vendor (unit) != NULL)
        /* Translators: %1$s a date, %2$s a document such as "Bill B-17", %3$s a vendor */
        received = g_strdup_printf (_("%1$s, %2$s from %3$s"), st_unit_get_received_date (unit),
                                    doc, st_unit_get_vendor (unit));
      else
        /* Translators: %1$s a date, %2$s a document such as "Adjustment ADJ-00001" */
        received = g_strdup_printf (_("%1$s, %2$s"), st_unit_get_received_date (unit), doc);
    }
  if (st_unit_get_invoice (unit) != NULL)
    {
      g_autofree char *doc = document_label (st_unit_get_sold_kind (unit),
                                             st_unit_get_invoice (unit));
      /* Translators: %1$s a date, %2$s a document such as "Invoice INV-00001", %3$s a customer */
      sold = g_strdup_printf (_("%1$s, %2$s to %3$s"),
                              st_unit_get_sold_date (unit) != NULL ? st_unit_get_sold_date (unit)
                                                                   : "",
                              doc,
                              st_unit_get_customer (unit) != NULL ? st_unit_get_customer (unit)
                                                                  : "");
    }

  st_cli_table_add_row (fields, _("Serial"), st_unit_get_serial (unit));
  st_cli_table_add_row (fields, _("Item"), item);
  st_cli_table_add_row (fields, _("Status"), st_unit_status_to_label (st_unit_get_status (unit)));
  st_cli_table_add_field (fields, _("Warehouse"), st_unit_get_warehouse (unit));
  st_cli_table_add_field (fields, _("Cost"), cost);
  st_cli_table_add_field (fields, _("Price"), price);
  st_cli_table_add_field (fields, _("Warranty ends"), st_unit_get_warranty_end (unit));
  st_cli_table_add_field (fields, _("Received"), received);
  st_cli_table_add_field (fields, _("Sold"), sold);
  st_cli_table_render (fields, NULL, out);

  if (history == NULL)
    return;

  g_string_append_c (out, '\n');
  g_string_append (out, _("History"));
  g_string_append_c (out, '\n');
  {
    g_autoptr(StCliTable) table = st_cli_table_new (6);

    st_cli_table_align_right (table, 5);
    st_cli_table_add_row (table,
                          /* Translators: column headings of a unit's history */
                          _("Date"), _("Event"), _("Document"), _("From → To"), _("Contact"),
                          _("Amount"));
    for (guint i = 0; i < history->len; i++)
      {
        StUnitEvent *event = g_ptr_array_index (history, i);
        g_autofree char *label = event_label (event);
        g_autofree char *doc = document_label (st_unit_event_get_doc_kind (event),
                                               st_unit_event_get_doc_number (event));
        g_autofree char *where = route (st_unit_event_get_from_warehouse (event),
                                        st_unit_event_get_to_warehouse (event));
        g_autofree char *amount = st_unit_event_has_amount (event)
                                  ? money (st_unit_event_get_amount (event)) : NULL;

        st_cli_table_add_row (table, st_unit_event_get_date (event), label, doc, where,
                              st_unit_event_get_contact (event), amount);
      }
    st_cli_table_render (table, "  ", out);
  }
}

void
st_cli_units_to_text (GPtrArray *units,
                      GString   *out)
{
  g_autoptr(StCliTable) table = st_cli_table_new (7);

  st_cli_table_align_right (table, 5);
  st_cli_table_align_right (table, 6);
  st_cli_table_add_row (table,
                        /* Translators: column headings of the unit list */
                        _("Serial"), _("SKU"), _("Status"), _("Warehouse"), _("Received"),
                        _("Cost"), _("Price"));
  for (guint i = 0; i < units->len; i++)
    {
      StUnit *unit = g_ptr_array_index (units, i);
      g_autofree char *cost = money (st_unit_get_cost (unit));
      g_autofree char *price = st_unit_has_price (unit) ? money (st_unit_get_price (unit)) : NULL;

      st_cli_table_add_row (table, st_unit_get_serial (unit), st_unit_get_sku (unit),
                            st_unit_status_to_label (st_unit_get_status (unit)),
                            st_unit_get_warehouse (unit), st_unit_get_received_date (unit),
                            cost, price);
    }
  st_cli_table_render (table, NULL, out);
}
