/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "st-unit-page"

#include "config.h"

#include <glib/gi18n.h>

#include "st-columns.h"
#include "st-export.h"
#include "st-export-dialog.h"
#include "st-label-print.h"
#include "st-facts.h"
#include "st-format.h"
#include "st-parse.h"
#include "st-unit-page.h"

struct _StUnitPage
{
  GtkWidget      parent_instance;

  /* Template widgets */
  GtkButton     *back_button;
  GtkLabel      *serial_label;
  GtkLabel      *item_label;
  GtkLabel      *status_label;
  GtkButton     *export_button;
  GtkButton     *labels_button;
  GtkGrid       *facts_grid;
  GtkWidget     *warranty_box;
  GtkImage      *warranty_icon;
  GtkLabel      *warranty_label;
  GtkLabel      *error_label;
  GtkLabel      *history_count_label;
  GtkColumnView *history_view;
  GtkLabel      *service_count_label;
  GtkButton     *service_button;
  GtkListBox    *service_list;

  /* Owned */
  GPtrArray     *cases;       /* StServiceCase, by row of service_list */
  StStore       *store;
  StUnit        *unit;
  GListStore    *history;
  char          *status_class;
  gint64         unit_id;
};

G_DEFINE_FINAL_TYPE (StUnitPage, st_unit_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Opening a document: the window knows where each kind is listed. */
static void
open_document (StUnitPage *self,
               StDocKind   kind,
               const char *number)
{
  if (number == NULL)
    return;

  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-document", "(is)", (int) kind, number);
}

static char *
document_text (StDocKind   kind,
               const char *number)
{
  /* Translators: a document's kind (%1$s) and number (%2$s), e.g. "Invoice INV-00012" */
  return g_strdup_printf (_("%1$s %2$s"), st_doc_kind_to_label (kind), number);
}

/* A document number that opens the document.  A GtkLinkButton looks and reads as a link
 * (role "link"), and Enter or a click activates it; the URI is only a carrier. */
static gboolean
link_activate_cb (GtkLinkButton *button,
                  StUnitPage    *self)
{
  open_document (self,
                 GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "st-doc-kind")),
                 g_object_get_data (G_OBJECT (button), "st-doc-number"));
  return TRUE;
}

static void
set_link (GtkWidget  *button,
          StDocKind   kind,
          const char *number,
          const char *text)
{
  g_autofree char *tooltip = NULL;

  gtk_button_set_label (GTK_BUTTON (button), text);
  g_object_set_data (G_OBJECT (button), "st-doc-kind", GINT_TO_POINTER (kind));
  g_object_set_data_full (G_OBJECT (button), "st-doc-number", g_strdup (number), g_free);
  /* Translators: tooltip of a document number; %s is e.g. "Invoice INV-00012" */
  tooltip = g_strdup_printf (_("Open %s"), text);
  gtk_widget_set_tooltip_text (button, tooltip);
}

static GtkWidget *
link_new (StUnitPage *self)
{
  GtkWidget *button = gtk_link_button_new_with_label ("st-document:", "");

  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_widget_add_css_class (button, "inline-link");
  g_signal_connect_object (button, "activate-link", G_CALLBACK (link_activate_cb), self, 0);

  return button;
}

/* The timeline's columns */

static char *
event_kind_text (gpointer event)
{
  StEventKind kind = st_unit_event_get_kind (event);

  if (kind == ST_EVENT_VOIDED)
    /* Translators: a history event that reverses an earlier one; %s is what it reverses,
     * e.g. "Voided: Sold" */
    return g_strdup_printf (_("Voided: %s"),
                            st_event_kind_to_label (st_unit_event_get_reversed_kind (event)));

  return g_strdup (st_event_kind_to_label (kind));
}

static char *
event_warehouses_text (gpointer event)
{
  const char *from = st_unit_event_get_from_warehouse (event);
  const char *to = st_unit_event_get_to_warehouse (event);

  if (from != NULL && to != NULL)
    /* Translators: a unit moved from one warehouse (%1$s) to another (%2$s), e.g.
     * "Shop → Storeroom" */
    return g_strdup_printf (_("%1$s → %2$s"), from, to);
  if (to != NULL)
    /* Translators: a unit came into a warehouse (received, returned), e.g. "→ Shop" */
    return g_strdup_printf (_("→ %s"), to);
  if (from != NULL)
    /* Translators: a unit left a warehouse (sold, written off), e.g. "Shop →" */
    return g_strdup_printf (_("%s →"), from);

  return NULL;
}

static char *
event_amount_text (gpointer event)
{
  if (!st_unit_event_has_amount (event))
    return NULL;
  return st_format_money (st_unit_event_get_amount (event));
}

static void
document_setup_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *list_item,
                   StUnitPage               *self)
{
  gtk_list_item_set_child (list_item, link_new (self));
}

static void
document_bind_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  StUnitPage               *self)
{
  StUnitEvent *event = gtk_list_item_get_item (list_item);
  GtkWidget *button = gtk_list_item_get_child (list_item);
  const char *number = st_unit_event_get_doc_number (event);
  g_autofree char *text = NULL;

  gtk_widget_set_visible (button, number != NULL);
  if (number == NULL)
    return;

  text = document_text (st_unit_event_get_doc_kind (event), number);
  set_link (button, st_unit_event_get_doc_kind (event), number, text);
}

static void
history_activate_cb (StUnitPage *self,
                     guint       position)
{
  g_autoptr(StUnitEvent) event = g_list_model_get_item (G_LIST_MODEL (self->history), position);

  if (event != NULL)
    open_document (self, st_unit_event_get_doc_kind (event), st_unit_event_get_doc_number (event));
}

/* The facts */

/* Two columns of facts: where and when on the left (@column 0), money on the right. */
static void
add_document_fact (StUnitPage *self,
                   int        *row,
                   StDocKind   kind,
                   const char *number)
{
  GtkGrid *facts = self->facts_grid;
  GtkWidget *button;

  if (number == NULL)
    return;

  button = link_new (self);
  set_link (button, kind, number, number);
  st_facts_add (facts, 0, row, st_doc_kind_to_label (kind), button);
}

static void
set_status (StUnitPage   *self,
            StUnitStatus  status)
{
  st_facts_set_status (self->status_label, &self->status_class,
                       st_unit_status_to_label (status), "", st_unit_status_to_string (status));
}

static void
set_warranty (StUnitPage *self,
              StUnit     *unit)
{
  const char *end = st_unit_get_warranty_end (unit);
  StUnitStatus status = st_unit_get_status (unit);
  g_autofree char *text = NULL;
  const char *icon = "security-low-symbolic";
  const char *css = NULL;

  gtk_widget_remove_css_class (GTK_WIDGET (self->warranty_box), "warranty-active");
  gtk_widget_remove_css_class (GTK_WIDGET (self->warranty_box), "warranty-expired");

  if (end != NULL)
    {
      g_autofree char *today = st_date_today ();
      g_autofree char *date = st_format_date (end);

      /* ISO dates compare as text. */
      if (g_strcmp0 (end, today) >= 0)
        {
          /* Translators: the warranty of a sold unit; %s is a date */
          text = g_strdup_printf (_("Under warranty until %s"), date);
          icon = "security-high-symbolic";
          css = "warranty-active";
        }
      else
        {
          /* Translators: the warranty of a sold unit has ended; %s is a date */
          text = g_strdup_printf (_("Warranty expired on %s"), date);
          css = "warranty-expired";
        }
    }
  else if (status == ST_UNIT_IN_STOCK || status == ST_UNIT_IN_TRANSIT)
    {
      g_autoptr(StItem) item = st_store_find_item (self->store, st_unit_get_sku (unit), NULL);
      guint months = item != NULL ? st_item_get_warranty_months (item) : 0;

      if (months > 0)
        /* Translators: the warranty of a unit not sold yet; %u is a number of months */
        text = g_strdup_printf (ngettext ("%u-month warranty from the day it is sold",
                                          "%u-month warranty from the day it is sold",
                                          months),
                                months);
    }

  if (text == NULL)
    /* Translators: a unit without warranty */
    text = g_strdup (_("No warranty"));

  gtk_label_set_text (self->warranty_label, text);
  gtk_image_set_from_icon_name (self->warranty_icon, icon);
  if (css != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->warranty_box), css);
}

static void
fill_facts (StUnitPage *self,
            StUnit     *unit)
{
  GtkGrid *facts = self->facts_grid;
  g_autofree char *received = NULL;
  g_autofree char *sold = NULL;
  g_autofree char *cost = NULL;
  g_autofree char *price = NULL;
  g_autofree char *margin = NULL;
  const char *where_title;
  int left = 0;
  int right = 0;

  /* Translators: where a unit on its way between two warehouses is going */
  where_title = st_unit_get_status (unit) == ST_UNIT_IN_TRANSIT ? _("Going to") : _("Warehouse");
  st_facts_add_text (facts, 0, &left, where_title, st_unit_get_warehouse (unit), FALSE);

  received = st_format_date (st_unit_get_received_date (unit));
  /* Translators: the date a unit came into stock */
  st_facts_add_text (facts, 0, &left, _("Received on"), received, FALSE);
  add_document_fact (self, &left, st_unit_get_received_kind (unit),
                     st_unit_get_received_doc (unit));
  st_facts_add_text (facts, 0, &left, _("Vendor"), st_unit_get_vendor (unit), FALSE);

  if (st_unit_get_sold_date (unit) != NULL)
    {
      sold = st_format_date (st_unit_get_sold_date (unit));
      /* Translators: the date a unit was sold */
      st_facts_add_text (facts, 0, &left, _("Sold on"), sold, FALSE);
      add_document_fact (self, &left, ST_DOC_INVOICE, st_unit_get_invoice (unit));
      st_facts_add_text (facts, 0, &left, _("Customer"), st_unit_get_customer (unit), FALSE);
    }

  cost = st_format_money (st_unit_get_cost (unit));
  st_facts_add_text (facts, 1, &right, _("Cost"), cost, TRUE);
  if (st_unit_has_price (unit))
    {
      price = st_format_money (st_unit_get_price (unit));
      st_facts_add_text (facts, 1, &right, _("Price"), price, TRUE);
      margin = st_format_money (st_unit_get_price (unit) - st_unit_get_cost (unit));
      /* Translators: price minus cost of a sold unit */
      st_facts_add_text (facts, 1, &right, _("Margin"), margin, TRUE);
    }
}

static void show_error (StUnitPage   *self,
                        const GError *error);

/* The unit's service cases (also those it was handed out on as a replacement), newest
 * first; a row opens the case. */
static GtkWidget *
service_row_new (StServiceCase *sc)
{
  g_autofree char *date = st_format_date (st_service_case_get_date (sc));
  g_autofree char *detail = NULL;
  StServiceResolution resolution = st_service_case_get_resolution (sc);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label;

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);

  label = gtk_label_new (st_service_case_get_number (sc));
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (box), label);

  if (resolution != ST_RESOLUTION_NONE)
    /* Translators: a service case on a unit's page: opened on (%1$s), status (%2$s), how it
     * ended (%3$s) and the complaint (%4$s) */
    detail = g_strdup_printf (_("%1$s · %2$s (%3$s) · %4$s"), date,
                              st_service_status_to_label (st_service_case_get_status (sc)),
                              st_service_resolution_to_label (resolution),
                              st_service_case_get_complaint (sc) != NULL
                              ? st_service_case_get_complaint (sc) : "");
  else
    /* Translators: a service case on a unit's page: opened on (%1$s), status (%2$s) and the
     * complaint (%3$s) */
    detail = g_strdup_printf (_("%1$s · %2$s · %3$s"), date,
                              st_service_status_to_label (st_service_case_get_status (sc)),
                              st_service_case_get_complaint (sc) != NULL
                              ? st_service_case_get_complaint (sc) : "");
  label = gtk_label_new (detail);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);

  return box;
}

static void
fill_service (StUnitPage *self)
{
  StServiceQuery query = { .status = -1, .unit_id = self->unit_id };
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *count = NULL;
  StUnitStatus status = st_unit_get_status (self->unit);

  /* A unit that is the customer's (sold) can come back; one in stock or already with us
   * cannot. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->service_button),
                            status == ST_UNIT_SOLD && !st_store_is_read_only (self->store));

  cases = st_store_query_service_cases (self->store, &query, &error);
  if (cases == NULL)
    {
      show_error (self, error);
      return;
    }
  for (guint i = 0; i < cases->len; i++)
    gtk_list_box_append (self->service_list, service_row_new (g_ptr_array_index (cases, i)));
  gtk_widget_set_visible (GTK_WIDGET (self->service_list), cases->len > 0);
  if (cases->len > 0)
    /* Translators: the number of service cases of a unit */
    count = g_strdup_printf (ngettext ("%u case", "%u cases", cases->len), cases->len);
  gtk_label_set_text (self->service_count_label, count != NULL ? count : "");
  self->cases = g_steal_pointer (&cases);
}

static void
service_row_activated_cb (StUnitPage    *self,
                          GtkListBoxRow *row)
{
  int index = gtk_list_box_row_get_index (row);

  if (self->cases == NULL || index < 0 || (guint) index >= self->cases->len)
    return;
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-service-case", "s",
                              st_service_case_get_number (g_ptr_array_index (self->cases,
                                                                             index)));
}

static void
service_clicked_cb (StUnitPage *self)
{
  if (self->unit != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.open-service-case", "s",
                                st_unit_get_serial (self->unit));
}

static void
clear (StUnitPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->service_list))) != NULL)
    gtk_list_box_remove (self->service_list, child);
  g_clear_pointer (&self->cases, g_ptr_array_unref);
  gtk_widget_set_visible (GTK_WIDGET (self->service_list), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->service_button), FALSE);
  gtk_label_set_text (self->service_count_label, "");

  st_facts_clear (self->facts_grid);
  g_list_store_remove_all (self->history);
  g_clear_object (&self->unit);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_widget_set_visible (self->warranty_box, FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->labels_button), FALSE);
  gtk_label_set_text (self->history_count_label, "");
}

static void
show_error (StUnitPage   *self,
            const GError *error)
{
  gtk_label_set_text (self->error_label, error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
}

void
st_unit_page_reload (StUnitPage *self)
{
  g_autoptr(StUnit) unit = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *item = NULL;
  g_autofree char *count = NULL;

  g_return_if_fail (ST_IS_UNIT_PAGE (self));

  clear (self);

  if (self->store == NULL || self->unit_id == 0)
    return;

  unit = st_store_get_unit (self->store, self->unit_id, &error);
  if (unit == NULL)
    {
      show_error (self, error);
      return;
    }

  gtk_label_set_text (self->serial_label, st_unit_get_serial (unit));
  /* Translators: an item's name (%1$s) and SKU (%2$s) under a unit's serial, e.g.
   * "Phone X1 · PHN-X1" */
  item = g_strdup_printf (_("%1$s · %2$s"), st_unit_get_item_name (unit),
                          st_unit_get_sku (unit));
  gtk_label_set_text (self->item_label, item);
  set_status (self, st_unit_get_status (unit));
  fill_facts (self, unit);
  set_warranty (self, unit);
  gtk_widget_set_visible (self->warranty_box, TRUE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), TRUE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->labels_button), TRUE);
  self->unit = g_steal_pointer (&unit);
  fill_service (self);

  events = st_store_get_unit_history (self->store, self->unit_id, &error);
  if (events == NULL)
    {
      show_error (self, error);
      return;
    }

  g_list_store_splice (self->history, 0, 0, events->pdata, events->len);
  /* Translators: the number of events in a unit's history */
  count = g_strdup_printf (ngettext ("%u event", "%u events", events->len), events->len);
  gtk_label_set_text (self->history_count_label, count);
}

static void
export_clicked_cb (StUnitPage *self)
{
  StHistoryScope scope = { 0 };
  g_autofree char *name = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (self->unit == NULL || !GTK_IS_WINDOW (root))
    return;

  scope.unit_ids = &self->unit_id;
  scope.n_unit_ids = 1;
  /* Translators: the suggested file name of one unit's history export; %s is its serial */
  name = g_strdup_printf (_("history-%s.xlsx"), st_unit_get_serial (self->unit));
  st_export_dialog_choose_history (GTK_WINDOW (root), self->store, &scope, name);
}

/* A label (a roll's, by default) for this one unit. */
static void
labels_clicked_cb (StUnitPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(StLabelJob) job = NULL;

  if (self->unit == NULL)
    return;
  job = st_label_job_new (ST_LABEL_LAYOUT_ROLL_62X29, ST_LABEL_CODE_128);
  st_label_job_add_unit (job, self->unit);
  st_label_print_run (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, job);
}

StUnitPage *
st_unit_page_new (void)
{
  return g_object_new (ST_TYPE_UNIT_PAGE, NULL);
}

StStore *
st_unit_page_get_store (StUnitPage *self)
{
  g_return_val_if_fail (ST_IS_UNIT_PAGE (self), NULL);

  return self->store;
}

void
st_unit_page_set_store (StUnitPage *self,
                        StStore    *store)
{
  g_return_if_fail (ST_IS_UNIT_PAGE (self));
  g_return_if_fail (store == NULL || ST_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;

  self->unit_id = 0;
  st_unit_page_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

gboolean
st_unit_page_set_unit_id (StUnitPage *self,
                          gint64      unit_id)
{
  g_return_val_if_fail (ST_IS_UNIT_PAGE (self), FALSE);

  self->unit_id = unit_id;
  st_unit_page_reload (self);

  return self->unit != NULL;
}

gint64
st_unit_page_get_unit_id (StUnitPage *self)
{
  g_return_val_if_fail (ST_IS_UNIT_PAGE (self), 0);

  return self->unit_id;
}

StUnit *
st_unit_page_get_unit (StUnitPage *self)
{
  g_return_val_if_fail (ST_IS_UNIT_PAGE (self), NULL);

  return self->unit;
}

GListModel *
st_unit_page_get_history (StUnitPage *self)
{
  g_return_val_if_fail (ST_IS_UNIT_PAGE (self), NULL);

  return G_LIST_MODEL (self->history);
}

GPtrArray *
st_unit_page_get_service_cases (StUnitPage *self)
{
  g_return_val_if_fail (ST_IS_UNIT_PAGE (self), NULL);

  return self->cases;
}

const char *
st_unit_page_get_warranty_text (StUnitPage *self)
{
  g_return_val_if_fail (ST_IS_UNIT_PAGE (self), NULL);

  return gtk_label_get_text (self->warranty_label);
}

/* Focus goes to the timeline, not to the selectable serial (which would show up selected). */
static gboolean
st_unit_page_grab_focus (GtkWidget *widget)
{
  StUnitPage *self = ST_UNIT_PAGE (widget);

  return gtk_widget_grab_focus (GTK_WIDGET (self->history_view));
}

static void
st_unit_page_dispose (GObject *object)
{
  StUnitPage *self = ST_UNIT_PAGE (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), ST_TYPE_UNIT_PAGE);
  /* The template's top box has no id: it is not among the children disposed above. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->history);
  g_clear_pointer (&self->cases, g_ptr_array_unref);
  g_clear_object (&self->unit);
  g_clear_object (&self->store);
  g_clear_pointer (&self->status_class, g_free);

  G_OBJECT_CLASS (st_unit_page_parent_class)->dispose (object);
}

static void
st_unit_page_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  StUnitPage *self = ST_UNIT_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
st_unit_page_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  StUnitPage *self = ST_UNIT_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      st_unit_page_set_store (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
st_unit_page_class_init (StUnitPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = st_unit_page_dispose;
  object_class->get_property = st_unit_page_get_property;
  object_class->set_property = st_unit_page_set_property;
  widget_class->grab_focus = st_unit_page_grab_focus;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         ST_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/SerialTrack/st-unit-page.ui");
  gtk_widget_class_bind_template_child (widget_class, StUnitPage, back_button);
  gtk_widget_class_bind_template_child (widget_class, StUnitPage, serial_label);
  gtk_widget_class_bind_template_child (widget_class, StUnitPage, item_label);
  gtk_widget_class_bind_template_child (widget_class, StUnitPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, StUnitPage, export_button);
  gtk_widget_class_bind_template_child (widget_class, StUnitPage, labels_button);
  gtk_widget_class_bind_template_child (widget_class, StUnitPage, facts_grid);
  gtk_widget_class_bind_template_child (widget_class, StUnitPage, warranty_box);
  gtk_widget_class_bind_template_child (widget_class, StUnitPage, warranty_icon);
  gtk_widget_class_bind_template_child (widget_class, StUnitPage, warranty_label);
  gtk_widget_class_bind_template_child (widget_class, StUnitPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, StUnitPage, history_count_label);
  gtk_widget_class_bind_template_child (widget_class, StUnitPage, history_view);
  gtk_widget_class_bind_template_callback (widget_class, export_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, labels_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, history_activate_cb);
  gtk_widget_class_bind_template_child (widget_class, StUnitPage, service_count_label);
  gtk_widget_class_bind_template_child (widget_class, StUnitPage, service_button);
  gtk_widget_class_bind_template_child (widget_class, StUnitPage, service_list);
  gtk_widget_class_bind_template_callback (widget_class, service_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, service_clicked_cb);

  /* Escape leaves the page as the back button does (Alt+Left is the window's). */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "win.back", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
st_unit_page_init (StUnitPage *self)
{
  g_autoptr(GtkNoSelection) selection = NULL;
  g_autoptr(GtkListItemFactory) factory = NULL;
  GtkColumnViewColumn *column;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->history = g_list_store_new (ST_TYPE_UNIT_EVENT);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->history)));
  gtk_column_view_set_model (self->history_view, GTK_SELECTION_MODEL (selection));

  st_columns_append_field (self->history_view, _("Date"), G_CALLBACK (st_unit_event_get_date),
                           ST_FIELD_DATE, ST_COLUMN_NUMERIC, ST_SORT_DEFAULT, 0);
  /* Translators: column title: what happened to a unit (received, sold …) */
  st_columns_append (self->history_view, _("Event"), event_kind_text,
                     ST_COLUMN_TEXT, ST_SORT_DEFAULT);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect_object (factory, "setup", G_CALLBACK (document_setup_cb), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (document_bind_cb), self, 0);
  /* Translators: column title: the document (bill, invoice …) of a unit's event */
  column = gtk_column_view_column_new (_("Document"), g_steal_pointer (&factory));
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_append_column (self->history_view, column);
  g_object_unref (column);

  /* Translators: column title: the vendor or customer of an event */
  st_columns_append_field (self->history_view, _("Contact"),
                           G_CALLBACK (st_unit_event_get_contact), ST_FIELD_STRING,
                           ST_COLUMN_EXPAND, ST_SORT_DEFAULT, 0);
  /* Translators: column title: the warehouse(s) a unit left or went to */
  st_columns_append (self->history_view, _("Warehouses"), event_warehouses_text,
                     ST_COLUMN_TEXT, ST_SORT_DEFAULT);
  st_columns_append (self->history_view, _("Amount"), event_amount_text,
                     ST_COLUMN_NUMERIC, ST_SORT_DEFAULT);
}
