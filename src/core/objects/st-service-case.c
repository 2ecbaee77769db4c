/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "st-service-case"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "st-records-private.h"

/* Machine names are stored in the database and printed by the CLI: never translate them. */
static const char * const status_names[] = {
  [ST_SERVICE_OPEN] = "open",
  [ST_SERVICE_IN_REPAIR] = "in_repair",
  [ST_SERVICE_READY] = "ready",
  [ST_SERVICE_CLOSED] = "closed",
  [ST_SERVICE_CANCELLED] = "cancelled",
};

static const char * const status_labels[] = {
  /* Translators: the status of a service case: the unit was just taken in */
  [ST_SERVICE_OPEN] = N_("Open"),
  /* Translators: the status of a service case: being worked on */
  [ST_SERVICE_IN_REPAIR] = N_("In repair"),
  /* Translators: the status of a service case: the customer may collect the unit */
  [ST_SERVICE_READY] = N_("Ready"),
  /* Translators: the status of a service case: resolved and handed over */
  [ST_SERVICE_CLOSED] = N_("Closed"),
  /* Translators: the status of a service case: the unit went back untouched */
  [ST_SERVICE_CANCELLED] = N_("Cancelled"),
};

static const char * const warranty_names[] = {
  [ST_WARRANTY_NONE] = "none",
  [ST_WARRANTY_UNDER] = "under_warranty",
  [ST_WARRANTY_EXPIRED] = "expired",
};

static const char * const warranty_labels[] = {
  /* Translators: warranty status of a unit taken in for service: none, or not sold by us */
  [ST_WARRANTY_NONE] = N_("No warranty"),
  /* Translators: warranty status of a unit taken in for service */
  [ST_WARRANTY_UNDER] = N_("Under warranty"),
  /* Translators: warranty status of a unit taken in for service */
  [ST_WARRANTY_EXPIRED] = N_("Warranty expired"),
};

static const char * const resolution_names[] = {
  [ST_RESOLUTION_NONE] = "",
  [ST_RESOLUTION_REPAIRED] = "repaired",
  [ST_RESOLUTION_UNREPAIRED] = "unrepaired",
  [ST_RESOLUTION_REPLACED] = "replaced",
  [ST_RESOLUTION_REFUNDED] = "refunded",
};

static const char * const resolution_labels[] = {
  [ST_RESOLUTION_NONE] = "",
  /* Translators: how a service case ended: the unit was repaired */
  [ST_RESOLUTION_REPAIRED] = N_("Repaired"),
  /* Translators: how a service case ended: returned without a repair */
  [ST_RESOLUTION_UNREPAIRED] = N_("Not repaired"),
  /* Translators: how a service case ended: the customer got another unit */
  [ST_RESOLUTION_REPLACED] = N_("Replaced"),
  /* Translators: how a service case ended: the customer got their money back */
  [ST_RESOLUTION_REFUNDED] = N_("Refunded"),
};

G_STATIC_ASSERT (G_N_ELEMENTS (status_names) == G_N_ELEMENTS (status_labels));
G_STATIC_ASSERT (G_N_ELEMENTS (warranty_names) == G_N_ELEMENTS (warranty_labels));
G_STATIC_ASSERT (G_N_ELEMENTS (resolution_names) == G_N_ELEMENTS (resolution_labels));

static gboolean
lookup (const char * const *names,
        guint               n,
        const char         *text,
        int                *out)
{
  if (text == NULL)
    return FALSE;
  for (guint i = 0; i < n; i++)
    if (strcmp (names[i], text) == 0)
      {
        if (out != NULL)
          *out = (int) i;
        return TRUE;
      }
  return FALSE;
}

#define NAME(table, v) ((guint) (v) < G_N_ELEMENTS (table) ? table[v] : "")
#define LABEL(table, v) ((guint) (v) < G_N_ELEMENTS (table) && table[v][0] ? _(table[v]) : "")

const char *st_service_status_to_string (StServiceStatus s) { return NAME (status_names, s); }
const char *st_service_status_to_label (StServiceStatus s) { return LABEL (status_labels, s); }
const char *st_warranty_status_to_string (StWarrantyStatus s) { return NAME (warranty_names, s); }
const char *st_warranty_status_to_label (StWarrantyStatus s) { return LABEL (warranty_labels, s); }
const char *
st_service_resolution_to_string (StServiceResolution r)
{
  return NAME (resolution_names, r);
}
const char *
st_service_resolution_to_label (StServiceResolution r)
{
  return LABEL (resolution_labels, r);
}

gboolean
st_service_status_from_string (const char      *text,
                               StServiceStatus *out)
{
  int v;

  if (!lookup (status_names, G_N_ELEMENTS (status_names), text, &v))
    return FALSE;
  if (out != NULL)
    *out = v;
  return TRUE;
}

gboolean
st_warranty_status_from_string (const char       *text,
                                StWarrantyStatus *out)
{
  int v;

  if (!lookup (warranty_names, G_N_ELEMENTS (warranty_names), text, &v))
    return FALSE;
  if (out != NULL)
    *out = v;
  return TRUE;
}

gboolean
st_service_resolution_from_string (const char          *text,
                                   StServiceResolution *out)
{
  int v;

  if (text == NULL || *text == '\0'
      || !lookup (resolution_names, G_N_ELEMENTS (resolution_names), text, &v))
    return FALSE;
  if (out != NULL)
    *out = v;
  return TRUE;
}

gboolean
st_service_status_is_active (StServiceStatus status)
{
  return status == ST_SERVICE_OPEN || status == ST_SERVICE_IN_REPAIR
         || status == ST_SERVICE_READY;
}

void
_st_service_log_entry_free (StServiceLogEntry *entry)
{
  g_free (entry->date);
  g_free (entry->text);
  g_free (entry->sku);
  g_free (entry->item_name);
  g_free (entry->serials);
  g_free (entry);
}

G_DEFINE_FINAL_TYPE (StServiceCase, st_service_case, G_TYPE_OBJECT)

static void
st_service_case_finalize (GObject *object)
{
  StServiceCase *self = ST_SERVICE_CASE (object);

  g_free (self->number);
  g_free (self->date);
  g_free (self->customer);
  g_free (self->warehouse);
  g_free (self->serial);
  g_free (self->sku);
  g_free (self->item_name);
  g_free (self->complaint);
  g_free (self->warranty_end);
  g_free (self->closed_date);
  g_free (self->replacement_serial);
  g_free (self->replacement_sku);
  g_free (self->replacement_warranty_end);
  g_clear_pointer (&self->log, g_ptr_array_unref);

  G_OBJECT_CLASS (st_service_case_parent_class)->finalize (object);
}

static void
st_service_case_class_init (StServiceCaseClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = st_service_case_finalize;
}

static void
st_service_case_init (StServiceCase *self)
{
}

static gint64
julian (const char *iso)
{
  GDate date;

  g_date_clear (&date, 1);
  if (iso == NULL || strlen (iso) != 10)
    return 0;
  g_date_set_dmy (&date, (GDateDay) atoi (iso + 8), (GDateMonth) atoi (iso + 5),
                  (GDateYear) atoi (iso));
  return g_date_valid (&date) ? g_date_get_julian (&date) : 0;
}

gint64
st_service_case_get_days_in_service (StServiceCase *self,
                                     const char    *today)
{
  const char *end = self->closed_date != NULL ? self->closed_date : today;
  gint64 a = julian (self->date), b = julian (end);

  return a != 0 && b != 0 && b >= a ? b - a : 0;
}

gint64 st_service_case_get_id (StServiceCase *self) { return self->id; }
const char *st_service_case_get_number (StServiceCase *self) { return self->number; }
const char *st_service_case_get_date (StServiceCase *self) { return self->date; }
StServiceStatus st_service_case_get_status (StServiceCase *self) { return self->status; }
const char *st_service_case_get_customer (StServiceCase *self) { return self->customer; }
const char *st_service_case_get_warehouse (StServiceCase *self) { return self->warehouse; }
gint64 st_service_case_get_unit_id (StServiceCase *self) { return self->unit_id; }
const char *st_service_case_get_serial (StServiceCase *self) { return self->serial; }
const char *st_service_case_get_sku (StServiceCase *self) { return self->sku; }
const char *st_service_case_get_item_name (StServiceCase *self) { return self->item_name; }
const char *st_service_case_get_complaint (StServiceCase *self) { return self->complaint; }
StWarrantyStatus
st_service_case_get_warranty_status (StServiceCase *self)
{
  return self->warranty_status;
}
const char *st_service_case_get_warranty_end (StServiceCase *self) { return self->warranty_end; }
StServiceResolution
st_service_case_get_resolution (StServiceCase *self)
{
  return self->resolution;
}
gint64 st_service_case_get_charge (StServiceCase *self) { return self->charge; }
gint64 st_service_case_get_refund (StServiceCase *self) { return self->refund; }
gint64 st_service_case_get_parts_cost (StServiceCase *self) { return self->parts_cost; }
const char *st_service_case_get_closed_date (StServiceCase *self) { return self->closed_date; }
gint64
st_service_case_get_replacement_unit_id (StServiceCase *self)
{
  return self->replacement_unit_id;
}
const char *
st_service_case_get_replacement_serial (StServiceCase *self)
{
  return self->replacement_serial;
}
const char *
st_service_case_get_replacement_sku (StServiceCase *self)
{
  return self->replacement_sku;
}
const char *
st_service_case_get_replacement_warranty_end (StServiceCase *self)
{
  return self->replacement_warranty_end;
}
GPtrArray *st_service_case_get_log (StServiceCase *self) { return self->log; }
