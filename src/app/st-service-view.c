/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-service-view.c — the Service view: one lazy StListModel over
 * st_store_list_service_cases(), so that 50,000 cases cost what the rows on screen cost.  The
 * order is fixed (open cases first, newest first): no header sorts. */
#define G_LOG_DOMAIN "st-service-view"

#include "config.h"

#include <glib/gi18n.h>

#include "st-columns.h"
#include "st-format.h"
#include "st-list-page-private.h"
#include "st-service-view.h"

struct _StServiceView
{
  StListPage   parent_instance;

  /* Template widgets */
  GtkDropDown *status_dropdown;   /* StServiceStatus, or "All" */
};

G_DEFINE_FINAL_TYPE (StServiceView, st_service_view, ST_TYPE_LIST_PAGE)

/* The drop-down's rows: "All", then every status in StServiceStatus order. */
#define N_STATUSES (ST_SERVICE_CANCELLED + 1)

/* Columns */

static char *
status_text (gpointer sc)
{
  return g_strdup (st_service_status_to_label (st_service_case_get_status (sc)));
}

static char *
warranty_text (gpointer sc)
{
  return g_strdup (st_warranty_status_to_label (st_service_case_get_warranty_status (sc)));
}

static char *
resolution_text (gpointer sc)
{
  StServiceResolution resolution = st_service_case_get_resolution (sc);

  if (resolution == ST_RESOLUTION_NONE)
    return NULL;
  return g_strdup (st_service_resolution_to_label (resolution));
}

/* Callbacks */

static const char *
status_label (int status)
{
  return st_service_status_to_label (status);
}

static void
activate_cb (StServiceView *self,
             guint          position)
{
  StListModel *model = st_list_page_get_model (ST_LIST_PAGE (self));
  g_autoptr(StServiceCase) sc = NULL;

  if (model == NULL)
    return;

  sc = g_list_model_get_item (G_LIST_MODEL (model), position);
  if (sc != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-service-case", "s",
                                st_service_case_get_number (sc));
}

/* StListPage */

static StListModel *
st_service_view_create_model (StListPage *page,
                              StStore    *store)
{
  StServiceQuery query = { .status = _st_list_page_get_status (page) };

  return st_store_list_service_cases (store, &query);
}

static char *
st_service_view_format_count (StListPage *page,
                              guint       n_rows)
{
  g_autofree char *count = st_format_quantity (n_rows);

  /* Translators: the number of service cases listed in the Service view; %s is the number
   * with the locale's digit grouping, e.g. "1,200 cases" */
  return g_strdup_printf (ngettext ("%s case", "%s cases", n_rows), count);
}

static gint64
st_service_view_get_row_id (StListPage *page,
                            gpointer    row)
{
  return st_service_case_get_id (row);
}

/* Public API */

StServiceView *
st_service_view_new (void)
{
  return g_object_new (ST_TYPE_SERVICE_VIEW, NULL);
}

int
st_service_view_get_status (StServiceView *self)
{
  g_return_val_if_fail (ST_IS_SERVICE_VIEW (self), -1);

  return _st_list_page_get_status (ST_LIST_PAGE (self));
}

void
st_service_view_set_status (StServiceView *self,
                            int            status)
{
  g_return_if_fail (ST_IS_SERVICE_VIEW (self));
  g_return_if_fail (status >= -1 && status < N_STATUSES);

  _st_list_page_set_status (ST_LIST_PAGE (self), status);
}

/* GObject */

static void
st_service_view_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), ST_TYPE_SERVICE_VIEW);

  G_OBJECT_CLASS (st_service_view_parent_class)->dispose (object);
}

static void
st_service_view_class_init (StServiceViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  StListPageClass *page_class = ST_LIST_PAGE_CLASS (klass);

  object_class->dispose = st_service_view_dispose;
  page_class->create_model = st_service_view_create_model;
  page_class->format_count = st_service_view_format_count;
  page_class->get_row_id = st_service_view_get_row_id;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/SerialTrack/st-service-view.ui");
  gtk_widget_class_bind_template_child (widget_class, StServiceView, status_dropdown);
}

static void
st_service_view_init (StServiceView *self)
{
  GtkColumnView *column_view;
  const char *all;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Translators: the status drop-down of the Service view: cases of every status */
  all = C_("status filter", "All");
  _st_list_page_set_status_dropdown (ST_LIST_PAGE (self), self->status_dropdown, all,
                                     status_label, N_STATUSES);

  column_view = _st_list_page_get_column_view (ST_LIST_PAGE (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (column_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Service cases"),
                                  -1);
  g_signal_connect_object (column_view, "activate", G_CALLBACK (activate_cb), self,
                           G_CONNECT_SWAPPED);

  /* Fixed widths: the rows are bound without measuring their text; narrow enough for an
   * 800-pixel window, the item takes what is left. */
  /* Translators: column title: a service case's number (SC-00001) */
  st_columns_append_field (column_view, C_("service case", "Case"),
                           G_CALLBACK (st_service_case_get_number), ST_FIELD_STRING,
                           ST_COLUMN_TEXT, ST_SORT_DEFAULT, 9);
  st_columns_append_fixed (column_view, _("Status"), status_text,
                           ST_COLUMN_TEXT, ST_SORT_DEFAULT, 10);
  st_columns_append_field (column_view, _("Serial"), G_CALLBACK (st_service_case_get_serial),
                           ST_FIELD_STRING, ST_COLUMN_TEXT, ST_SORT_DEFAULT, 13);
  st_columns_append_field (column_view, _("Item"), G_CALLBACK (st_service_case_get_item_name),
                           ST_FIELD_STRING, ST_COLUMN_EXPAND, ST_SORT_DEFAULT, 10);
  st_columns_append_field (column_view, _("Customer"), G_CALLBACK (st_service_case_get_customer),
                           ST_FIELD_STRING, ST_COLUMN_TEXT, ST_SORT_DEFAULT, 12);
  /* Translators: column title: the day a service case was opened */
  st_columns_append_field (column_view, _("Opened"), G_CALLBACK (st_service_case_get_date),
                           ST_FIELD_DATE, ST_COLUMN_NUMERIC, ST_SORT_DEFAULT, 10);
  /* Translators: column title: the unit's warranty when it came in for service */
  st_columns_append_fixed (column_view, _("Warranty"), warranty_text,
                           ST_COLUMN_TEXT, ST_SORT_DEFAULT, 12);
  /* Translators: column title: how a service case ended (repaired, replaced …) */
  st_columns_append_fixed (column_view, _("Resolution"), resolution_text,
                           ST_COLUMN_TEXT, ST_SORT_DEFAULT, 11);
}
