/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "st-unit-page"

#include "config.h"

#include <glib/gi18n.h>

#include "st-columns.h"
#include "st-format.h"
#include "st-unit-page.h"

struct _StUnitPage
{
  GtkWindow      parent_instance;

  /* Template widgets */
  GtkLabel      *title_label;
  GtkLabel      *subtitle_label;
  GtkLabel      *serial_label;
  GtkLabel      *item_label;
  GtkLabel      *status_label;
  GtkGrid       *facts_grid;
  GtkLabel      *error_label;
  GtkColumnView *history_view;

  /* Owned */
  StStore       *store;
  GListStore    *history;
  gint64         unit_id;
};

G_DEFINE_FINAL_TYPE (StUnitPage, st_unit_page, GTK_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_UNIT_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
event_date_text (gpointer event)
{
  return st_format_date (st_unit_event_get_date (event));
}

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
event_document_text (gpointer event)
{
  return g_strdup (st_unit_event_get_doc_number (event));
}

static char *
event_from_text (gpointer event)
{
  return g_strdup (st_unit_event_get_from_warehouse (event));
}

static char *
event_to_text (gpointer event)
{
  return g_strdup (st_unit_event_get_to_warehouse (event));
}

static char *
event_contact_text (gpointer event)
{
  return g_strdup (st_unit_event_get_contact (event));
}

static char *
event_amount_text (gpointer event)
{
  if (!st_unit_event_has_amount (event))
    return NULL;
  return st_format_money (st_unit_event_get_amount (event));
}

static void
add_fact (StUnitPage *self,
          int        *row,
          const char *title,
          const char *value)
{
  GtkWidget *title_label;
  GtkWidget *value_label;

  if (value == NULL || *value == '\0')
    return;

  title_label = gtk_label_new (title);
  gtk_label_set_xalign (GTK_LABEL (title_label), 0.0f);
  gtk_widget_add_css_class (title_label, "dim-label");
  gtk_grid_attach (self->facts_grid, title_label, (*row % 2) * 2, *row / 2, 1, 1);

  value_label = gtk_label_new (value);
  gtk_label_set_xalign (GTK_LABEL (value_label), 0.0f);
  gtk_label_set_selectable (GTK_LABEL (value_label), TRUE);
  gtk_label_set_ellipsize (GTK_LABEL (value_label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (value_label, TRUE);
  gtk_grid_attach (self->facts_grid, value_label, (*row % 2) * 2 + 1, *row / 2, 1, 1);

  (*row)++;
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
  g_autofree char *received = NULL;
  g_autofree char *sold = NULL;
  g_autofree char *warranty = NULL;
  g_autofree char *cost = NULL;
  g_autofree char *price = NULL;
  const char *where_title;
  GtkWidget *child;
  int row = 0;

  g_return_if_fail (ST_IS_UNIT_PAGE (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->facts_grid))) != NULL)
    gtk_grid_remove (self->facts_grid, child);
  g_list_store_remove_all (self->history);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);

  if (self->store == NULL)
    return;

  unit = st_store_get_unit (self->store, self->unit_id, &error);
  if (unit == NULL)
    {
      show_error (self, error);
      return;
    }

  gtk_window_set_title (GTK_WINDOW (self), st_unit_get_serial (unit));
  gtk_label_set_text (self->title_label, st_unit_get_serial (unit));
  gtk_label_set_text (self->subtitle_label, st_unit_get_item_name (unit));
  gtk_label_set_text (self->serial_label, st_unit_get_serial (unit));
  /* Translators: an item's SKU and name, e.g. "PHN-X1 — Phone X1" */
  item = g_strdup_printf (_("%s — %s"), st_unit_get_sku (unit), st_unit_get_item_name (unit));
  gtk_label_set_text (self->item_label, item);
  gtk_label_set_text (self->status_label, st_unit_status_to_label (st_unit_get_status (unit)));

  /* Translators: where a unit on its way between two warehouses is going */
  where_title = st_unit_get_status (unit) == ST_UNIT_IN_TRANSIT ? _("Going to") : _("Warehouse");
  add_fact (self, &row, where_title, st_unit_get_warehouse (unit));
  cost = st_format_money (st_unit_get_cost (unit));
  add_fact (self, &row, _("Cost"), cost);
  received = st_format_date (st_unit_get_received_date (unit));
  add_fact (self, &row, _("Received"), received);
  /* Translators: the bill or adjustment that brought a unit in */
  add_fact (self, &row, _("Received on"), st_unit_get_received_doc (unit));
  add_fact (self, &row, _("Vendor"), st_unit_get_vendor (unit));
  if (st_unit_get_sold_date (unit) != NULL)
    {
      sold = st_format_date (st_unit_get_sold_date (unit));
      add_fact (self, &row, _("Sold"), sold);
      add_fact (self, &row, _("Invoice"), st_unit_get_invoice (unit));
      add_fact (self, &row, _("Customer"), st_unit_get_customer (unit));
    }
  if (st_unit_has_price (unit))
    {
      price = st_format_money (st_unit_get_price (unit));
      add_fact (self, &row, _("Price"), price);
    }
  warranty = st_format_date (st_unit_get_warranty_end (unit));
  add_fact (self, &row, _("Warranty ends"), warranty);

  events = st_store_get_unit_history (self->store, self->unit_id, &error);
  if (events == NULL)
    {
      show_error (self, error);
      return;
    }

  g_list_store_splice (self->history, 0, 0, events->pdata, events->len);

  /* Not the selectable serial, which would show up selected. */
  gtk_widget_grab_focus (GTK_WIDGET (self->history_view));
}

StUnitPage *
st_unit_page_new (GtkWindow *parent,
                  StStore   *store,
                  gint64     unit_id)
{
  g_return_val_if_fail (ST_IS_STORE (store), NULL);

  return g_object_new (ST_TYPE_UNIT_PAGE,
                       "transient-for", parent,
                       "destroy-with-parent", TRUE,
                       "store", store,
                       "unit-id", unit_id,
                       NULL);
}

gint64
st_unit_page_get_unit_id (StUnitPage *self)
{
  g_return_val_if_fail (ST_IS_UNIT_PAGE (self), 0);

  return self->unit_id;
}

GListModel *
st_unit_page_get_history (StUnitPage *self)
{
  g_return_val_if_fail (ST_IS_UNIT_PAGE (self), NULL);

  return G_LIST_MODEL (self->history);
}

static void
st_unit_page_constructed (GObject *object)
{
  StUnitPage *self = ST_UNIT_PAGE (object);

  G_OBJECT_CLASS (st_unit_page_parent_class)->constructed (object);

  st_unit_page_reload (self);
}

static void
st_unit_page_dispose (GObject *object)
{
  StUnitPage *self = ST_UNIT_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ST_TYPE_UNIT_PAGE);

  g_clear_object (&self->history);
  g_clear_object (&self->store);

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

    case PROP_UNIT_ID:
      g_value_set_int64 (value, self->unit_id);
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
      self->store = g_value_dup_object (value);
      break;

    case PROP_UNIT_ID:
      self->unit_id = g_value_get_int64 (value);
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

  object_class->constructed = st_unit_page_constructed;
  object_class->dispose = st_unit_page_dispose;
  object_class->get_property = st_unit_page_get_property;
  object_class->set_property = st_unit_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         ST_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_UNIT_ID] =
    g_param_spec_int64 ("unit-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/SerialTrack/st-unit-page.ui");
  gtk_widget_class_bind_template_child (widget_class, StUnitPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, StUnitPage, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, StUnitPage, serial_label);
  gtk_widget_class_bind_template_child (widget_class, StUnitPage, item_label);
  gtk_widget_class_bind_template_child (widget_class, StUnitPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, StUnitPage, facts_grid);
  gtk_widget_class_bind_template_child (widget_class, StUnitPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, StUnitPage, history_view);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
st_unit_page_init (StUnitPage *self)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->history = g_list_store_new (ST_TYPE_UNIT_EVENT);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->history)));
  gtk_column_view_set_model (self->history_view, GTK_SELECTION_MODEL (selection));

  st_columns_append (self->history_view, _("Date"), event_date_text,
                     ST_COLUMN_NUMERIC, ST_SORT_DEFAULT);
  /* Translators: column title: what happened to a unit (received, sold …) */
  st_columns_append (self->history_view, _("Event"), event_kind_text,
                     ST_COLUMN_TEXT, ST_SORT_DEFAULT);
  st_columns_append (self->history_view, _("Document"), event_document_text,
                     ST_COLUMN_TEXT, ST_SORT_DEFAULT);
  /* Translators: column title: the warehouse a unit left */
  st_columns_append (self->history_view, _("From"), event_from_text,
                     ST_COLUMN_TEXT, ST_SORT_DEFAULT);
  /* Translators: column title: the warehouse a unit went to */
  st_columns_append (self->history_view, _("To"), event_to_text,
                     ST_COLUMN_TEXT, ST_SORT_DEFAULT);
  /* Translators: column title: the vendor or customer of an event */
  st_columns_append (self->history_view, _("Contact"), event_contact_text,
                     ST_COLUMN_EXPAND, ST_SORT_DEFAULT);
  st_columns_append (self->history_view, _("Amount"), event_amount_text,
                     ST_COLUMN_NUMERIC, ST_SORT_DEFAULT);
}
