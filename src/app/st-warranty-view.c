/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-warranty-view.c — the Warranty Expiring list: one lazy StListModel over
 * st_store_list_warranty_expiring(), read from the warranty-end index. */
#define G_LOG_DOMAIN "st-warranty-view"

#include "config.h"

#include <glib/gi18n.h>

#include "st-columns.h"
#include "st-format.h"
#include "st-list-page-private.h"
#include "st-parse.h"
#include "st-warranty-view.h"

struct _StWarrantyView
{
  StListPage     parent_instance;

  /* Template widgets */
  GtkSpinButton *days_spin;

  guint          days;
};

G_DEFINE_FINAL_TYPE (StWarrantyView, st_warranty_view, ST_TYPE_LIST_PAGE)

#define DEFAULT_DAYS 30

/* Columns */

static char *
days_left_text (gpointer unit)
{
  const char *end = st_unit_get_warranty_end (unit);
  g_autofree char *today = st_date_today ();
  GDate a, b;

  if (end == NULL)
    return NULL;
  g_date_clear (&a, 1);
  g_date_clear (&b, 1);
  g_date_set_parse (&a, today);
  g_date_set_parse (&b, end);
  if (!g_date_valid (&a) || !g_date_valid (&b))
    return NULL;
  return st_format_quantity (g_date_days_between (&a, &b));
}

/* Callbacks */

static void
days_changed_cb (StWarrantyView *self)
{
  guint days = (guint) gtk_spin_button_get_value_as_int (self->days_spin);

  if (days == self->days)
    return;

  self->days = days;
  _st_list_page_reload (ST_LIST_PAGE (self));
}

static void
activate_cb (StWarrantyView *self,
             guint           position)
{
  StListModel *model = st_list_page_get_model (ST_LIST_PAGE (self));
  g_autoptr(StUnit) unit = NULL;

  if (model == NULL)
    return;

  unit = g_list_model_get_item (G_LIST_MODEL (model), position);
  if (unit != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-unit", "x", st_unit_get_id (unit));
}

/* StListPage */

static StListModel *
st_warranty_view_create_model (StListPage *page,
                               StStore    *store)
{
  return st_store_list_warranty_expiring (store, NULL, ST_WARRANTY_VIEW (page)->days);
}

static char *
st_warranty_view_format_count (StListPage *page,
                               guint       n_rows)
{
  g_autofree char *count = st_format_quantity (n_rows);

  /* Translators: the number of sold units whose warranty ends soon; %s is the number with
   * the locale's digit grouping */
  return g_strdup_printf (ngettext ("%s unit", "%s units", n_rows), count);
}

static gint64
st_warranty_view_get_row_id (StListPage *page,
                             gpointer    row)
{
  return st_unit_get_id (row);
}

/* Public API */

StWarrantyView *
st_warranty_view_new (void)
{
  return g_object_new (ST_TYPE_WARRANTY_VIEW, NULL);
}

guint
st_warranty_view_get_days (StWarrantyView *self)
{
  g_return_val_if_fail (ST_IS_WARRANTY_VIEW (self), 0);

  return self->days;
}

void
st_warranty_view_set_days (StWarrantyView *self,
                           guint           days)
{
  g_return_if_fail (ST_IS_WARRANTY_VIEW (self));

  /* The spin button's value-changed does the rest. */
  gtk_spin_button_set_value (self->days_spin, days);
}

/* GObject */

static void
st_warranty_view_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), ST_TYPE_WARRANTY_VIEW);

  G_OBJECT_CLASS (st_warranty_view_parent_class)->dispose (object);
}

static void
st_warranty_view_class_init (StWarrantyViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  StListPageClass *page_class = ST_LIST_PAGE_CLASS (klass);

  object_class->dispose = st_warranty_view_dispose;
  page_class->create_model = st_warranty_view_create_model;
  page_class->format_count = st_warranty_view_format_count;
  page_class->get_row_id = st_warranty_view_get_row_id;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/SerialTrack/st-warranty-view.ui");
  gtk_widget_class_bind_template_child (widget_class, StWarrantyView, days_spin);
  gtk_widget_class_bind_template_callback (widget_class, days_changed_cb);
}

static void
st_warranty_view_init (StWarrantyView *self)
{
  GtkColumnView *column_view;

  self->days = DEFAULT_DAYS;
  gtk_widget_init_template (GTK_WIDGET (self));

  column_view = _st_list_page_get_column_view (ST_LIST_PAGE (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (column_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Warranty Expiring"),
                                  -1);
  g_signal_connect_object (column_view, "activate", G_CALLBACK (activate_cb), self,
                           G_CONNECT_SWAPPED);

  st_columns_append_field (column_view, _("Serial"), G_CALLBACK (st_unit_get_serial),
                           ST_FIELD_STRING, ST_COLUMN_TEXT, ST_SORT_DEFAULT, 14);
  st_columns_append_field (column_view, _("Item"), G_CALLBACK (st_unit_get_item_name),
                           ST_FIELD_STRING, ST_COLUMN_EXPAND, ST_SORT_DEFAULT, 12);
  st_columns_append_field (column_view, _("Customer"), G_CALLBACK (st_unit_get_customer),
                           ST_FIELD_STRING, ST_COLUMN_TEXT, ST_SORT_DEFAULT, 14);
  /* Translators: column title: the date a unit was sold */
  st_columns_append_field (column_view, C_("column", "Sold"), G_CALLBACK (st_unit_get_sold_date),
                           ST_FIELD_DATE, ST_COLUMN_NUMERIC, ST_SORT_DEFAULT, 10);
  st_columns_append_field (column_view, _("Warranty Ends"), G_CALLBACK (st_unit_get_warranty_end),
                           ST_FIELD_DATE, ST_COLUMN_NUMERIC, ST_SORT_DEFAULT, 10);
  /* Translators: column title: the number of days until a unit's warranty ends */
  st_columns_append_fixed (column_view, _("Days Left"), days_left_text,
                           ST_COLUMN_NUMERIC, ST_SORT_DEFAULT, 6);
}
