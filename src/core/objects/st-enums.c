/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "st-enums"

#include "config.h"

#include <glib/gi18n.h>

#include "st-types.h"

/* Machine names are stored in the database and printed by the CLI: never translate or
 * rename them.  Each table is indexed by its enum.  The document kinds have a table of their
 * own, in ledger/st-doc-kind.c. */

static const char * const tracking_names[] = {
  [ST_TRACKING_NONE] = "none",
  [ST_TRACKING_SERIAL] = "serial",
};

static const char * const serial_format_names[] = {
  [ST_SERIAL_FORMAT_ANY] = "any",
  [ST_SERIAL_FORMAT_DIGITS] = "digits",
  [ST_SERIAL_FORMAT_IMEI] = "imei",
};

static const char * const contact_kind_names[] = {
  [ST_CONTACT_VENDOR] = "vendor",
  [ST_CONTACT_CUSTOMER] = "customer",
};

static const char * const unit_status_names[] = {
  [ST_UNIT_IN_STOCK] = "in_stock",
  [ST_UNIT_IN_TRANSIT] = "in_transit",
  [ST_UNIT_SOLD] = "sold",
  [ST_UNIT_WRITTEN_OFF] = "written_off",
  [ST_UNIT_RETURNED_TO_VENDOR] = "returned_to_vendor",
  [ST_UNIT_VOIDED] = "voided",
  [ST_UNIT_IN_SERVICE] = "in_service",
  [ST_UNIT_FAULTY] = "faulty",
};

static const char * const doc_status_names[] = {
  [ST_DOC_STATUS_DRAFT] = "draft",
  [ST_DOC_STATUS_POSTED] = "posted",
  [ST_DOC_STATUS_VOID] = "void",
};

static const char * const event_kind_names[] = {
  [ST_EVENT_RECEIVED] = "received",
  [ST_EVENT_ADJUSTED_IN] = "adjusted_in",
  [ST_EVENT_TRANSFERRED] = "transferred",
  [ST_EVENT_TRANSFER_OUT] = "transfer_out",
  [ST_EVENT_TRANSFER_IN] = "transfer_in",
  [ST_EVENT_SOLD] = "sold",
  [ST_EVENT_RETURNED] = "returned",
  [ST_EVENT_WRITTEN_OFF] = "written_off",
  [ST_EVENT_RETURNED_TO_VENDOR] = "returned_to_vendor",
  [ST_EVENT_VOIDED] = "voided",
  [ST_EVENT_SERVICE_IN] = "service_in",
  [ST_EVENT_SERVICE_OUT] = "service_out",
  [ST_EVENT_REPLACED] = "replaced",
  [ST_EVENT_REPLACEMENT] = "replacement",
  [ST_EVENT_REFUNDED] = "refunded",
};

static const char * const unit_status_labels[] = {
  /* Translators: the status of a serial-numbered unit */
  [ST_UNIT_IN_STOCK] = N_("In stock"),
  /* Translators: the status of a unit shipped between two warehouses, not yet received */
  [ST_UNIT_IN_TRANSIT] = N_("In transit"),
  /* Translators: the status of a serial-numbered unit */
  [ST_UNIT_SOLD] = N_("Sold"),
  /* Translators: the status of a damaged, lost or stolen unit */
  [ST_UNIT_WRITTEN_OFF] = N_("Written off"),
  /* Translators: the status of a unit sent back to the vendor */
  [ST_UNIT_RETURNED_TO_VENDOR] = N_("Returned to vendor"),
  /* Translators: the status of a unit whose receipt (bill, adjustment) was voided */
  [ST_UNIT_VOIDED] = N_("Voided"),
  /* Translators: the status of a customer's unit in the shop for repair */
  [ST_UNIT_IN_SERVICE] = N_("In service"),
  /* Translators: the status of a defective unit taken back from a customer */
  [ST_UNIT_FAULTY] = N_("Faulty"),
};

static const char * const doc_status_labels[] = {
  /* Translators: a document status: not posted yet */
  [ST_DOC_STATUS_DRAFT] = N_("Draft"),
  /* Translators: a document status: posted, its effects are in the inventory */
  [ST_DOC_STATUS_POSTED] = N_("Posted"),
  /* Translators: a document status (an adjective), a cancelled document; not a verb */
  [ST_DOC_STATUS_VOID] = N_("Void"),
};

static const char * const event_kind_labels[] = {
  /* Translators: an event in a unit's history: received on a bill */
  [ST_EVENT_RECEIVED] = N_("Received"),
  /* Translators: an event in a unit's history: added to stock by an inventory adjustment */
  [ST_EVENT_ADJUSTED_IN] = N_("Added by adjustment"),
  /* Translators: an event in a unit's history: moved to another warehouse at once */
  [ST_EVENT_TRANSFERRED] = N_("Transferred"),
  /* Translators: an event in a unit's history: left a warehouse on a transfer, now in transit */
  [ST_EVENT_TRANSFER_OUT] = N_("Shipped (in transit)"),
  /* Translators: an event in a unit's history: arrived at the transfer's destination */
  [ST_EVENT_TRANSFER_IN] = N_("Received from transfer"),
  /* Translators: an event in a unit's history: sold on an invoice */
  [ST_EVENT_SOLD] = N_("Sold"),
  /* Translators: an event in a unit's history: a customer brought it back (sales return) */
  [ST_EVENT_RETURNED] = N_("Returned by customer"),
  /* Translators: an event in a unit's history: written off by an inventory adjustment */
  [ST_EVENT_WRITTEN_OFF] = N_("Written off"),
  /* Translators: an event in a unit's history: sent back to the vendor */
  [ST_EVENT_RETURNED_TO_VENDOR] = N_("Returned to vendor"),
  /* Translators: an event in a unit's history: an earlier event was voided (reversed) */
  [ST_EVENT_VOIDED] = N_("Voided"),
  /* Translators: an event in a unit's history: taken in for repair on a service case */
  [ST_EVENT_SERVICE_IN] = N_("Taken in for service"),
  /* Translators: an event in a unit's history: given back to the customer after service */
  [ST_EVENT_SERVICE_OUT] = N_("Returned to customer"),
  /* Translators: an event in a unit's history: swapped for another unit on a service case */
  [ST_EVENT_REPLACED] = N_("Replaced"),
  /* Translators: an event in a unit's history: given to a customer in place of a faulty unit */
  [ST_EVENT_REPLACEMENT] = N_("Given as replacement"),
  /* Translators: an event in a unit's history: the customer got their money back on a service
   * case, the unit stays with the shop */
  [ST_EVENT_REFUNDED] = N_("Refunded"),
};

static const char * const serial_format_labels[] = {
  /* Translators: a serial number format: no restriction */
  [ST_SERIAL_FORMAT_ANY] = N_("Any"),
  /* Translators: a serial number format */
  [ST_SERIAL_FORMAT_DIGITS] = N_("Digits only"),
  /* Translators: a serial number format; keep "IMEI" and "Luhn" as they are usually written */
  [ST_SERIAL_FORMAT_IMEI] = N_("IMEI (15 digits, Luhn)"),
};

G_STATIC_ASSERT (G_N_ELEMENTS (unit_status_labels) == G_N_ELEMENTS (unit_status_names));
G_STATIC_ASSERT (G_N_ELEMENTS (doc_status_labels) == G_N_ELEMENTS (doc_status_names));
G_STATIC_ASSERT (G_N_ELEMENTS (event_kind_labels) == G_N_ELEMENTS (event_kind_names));
G_STATIC_ASSERT (G_N_ELEMENTS (serial_format_labels) == G_N_ELEMENTS (serial_format_names));

static const char *
lookup (const char * const *table,
        gsize               n_entries,
        guint               value)
{
  g_return_val_if_fail (value < n_entries, NULL);

  return table[value];
}

static const char *
lookup_label (const char * const *table,
              gsize               n_entries,
              guint               value)
{
  g_return_val_if_fail (value < n_entries, NULL);

  return _(table[value]);
}

static gboolean
find (const char * const *table,
      gsize               n_entries,
      const char         *text,
      guint              *value)
{
  if (text == NULL)
    return FALSE;

  for (gsize i = 0; i < n_entries; i++)
    {
      if (g_strcmp0 (table[i], text) == 0)
        {
          *value = (guint) i;
          return TRUE;
        }
    }

  return FALSE;
}

#define LOOKUP(table, value) lookup ((table), G_N_ELEMENTS (table), (guint) (value))
#define LOOKUP_LABEL(table, value) lookup_label ((table), G_N_ELEMENTS (table), (guint) (value))

/* Writes *out only on success, so a caller's default survives unknown text. */
#define DEFINE_FROM_STRING(func, table, Type)                         \
  gboolean                                                            \
  func (const char *text,                                             \
        Type       *out)                                              \
  {                                                                   \
    guint value;                                                      \
                                                                      \
    if (!find ((table), G_N_ELEMENTS (table), text, &value))          \
      return FALSE;                                                   \
    if (out != NULL)                                                  \
      *out = (Type) value;                                            \
    return TRUE;                                                      \
  }

const char *
st_tracking_to_string (StTracking tracking)
{
  return LOOKUP (tracking_names, tracking);
}

DEFINE_FROM_STRING (st_tracking_from_string, tracking_names, StTracking)

const char *
st_serial_format_to_string (StSerialFormat format)
{
  return LOOKUP (serial_format_names, format);
}

DEFINE_FROM_STRING (st_serial_format_from_string, serial_format_names, StSerialFormat)

const char *
st_contact_kind_to_string (StContactKind kind)
{
  return LOOKUP (contact_kind_names, kind);
}

DEFINE_FROM_STRING (st_contact_kind_from_string, contact_kind_names, StContactKind)

const char *
st_unit_status_to_string (StUnitStatus status)
{
  return LOOKUP (unit_status_names, status);
}

DEFINE_FROM_STRING (st_unit_status_from_string, unit_status_names, StUnitStatus)

const char *
st_doc_status_to_string (StDocStatus status)
{
  return LOOKUP (doc_status_names, status);
}

DEFINE_FROM_STRING (st_doc_status_from_string, doc_status_names, StDocStatus)

const char *
st_event_kind_to_string (StEventKind kind)
{
  return LOOKUP (event_kind_names, kind);
}

DEFINE_FROM_STRING (st_event_kind_from_string, event_kind_names, StEventKind)

const char *
st_unit_status_to_label (StUnitStatus status)
{
  return LOOKUP_LABEL (unit_status_labels, status);
}

const char *
st_doc_status_to_label (StDocStatus status)
{
  return LOOKUP_LABEL (doc_status_labels, status);
}

const char *
st_event_kind_to_label (StEventKind kind)
{
  return LOOKUP_LABEL (event_kind_labels, kind);
}

const char *
st_serial_format_to_label (StSerialFormat format)
{
  return LOOKUP_LABEL (serial_format_labels, format);
}
