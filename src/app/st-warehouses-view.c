/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "st-warehouses-view"

#include "config.h"

#include <glib/gi18n.h>

#include "st-columns.h"
#include "st-format.h"
#include "st-list-page-private.h"
#include "st-store-editing.h"
#include "st-warehouse-dialog.h"
#include "st-warehouses-view.h"

struct _StWarehousesView
{
  StListPage      parent_instance;

  /* Template widgets */
  GtkCheckButton *archived_check;
  GMenuModel     *row_menu;
};

G_DEFINE_FINAL_TYPE (StWarehousesView, st_warehouses_view, ST_TYPE_LIST_PAGE)

/* Columns */

static char *
archived_text (gpointer row)
{
  /* Translators: in the Status column of the Contacts and Warehouses lists */
  return g_strdup (st_warehouse_get_archived (row) ? _("Archived") : "");
}

/* Rename…, Archive, Restore, Delete… (StListPage does them) */

static gboolean
is_archived (gpointer row)
{
  return st_warehouse_get_archived (row);
}

static GtkWindow *
new_edit_dialog (GtkWindow *parent,
                 StStore   *store,
                 gpointer   row)
{
  return GTK_WINDOW (st_warehouse_dialog_new_edit (parent, store, row));
}

static gboolean
set_archived (StStore  *store,
              gpointer  row,
              gboolean  archived,
              GError  **error)
{
  return st_store_set_warehouse_archived (store, st_warehouse_get_name (row), archived, error);
}

static gboolean
delete_row (StStore  *store,
            gpointer  row,
            GError  **error)
{
  return st_store_delete_warehouse (store, st_warehouse_get_name (row), error);
}

static char *
delete_question (gpointer row)
{
  /* Translators: %s is a warehouse's name */
  return g_strdup_printf (_("Delete warehouse “%s”?"), st_warehouse_get_name (row));
}

static const StListPageRowActions row_actions = {
  .group = "warehouses",
  .is_archived = is_archived,
  .new_edit_dialog = new_edit_dialog,
  .set_archived = set_archived,
  .delete_row = delete_row,
  .delete_question = delete_question,
  .delete_detail = N_("Only a warehouse that no document uses can be deleted; archive one "
                      "that history uses."),
  .archive_failed = N_("The warehouse was not archived"),
  .restore_failed = N_("The warehouse was not restored"),
  .delete_failed = N_("The warehouse was not deleted"),
};

static void
archived_toggled_cb (StWarehousesView *self)
{
  if (st_list_page_get_store (ST_LIST_PAGE (self)) != NULL)
    _st_list_page_reload (ST_LIST_PAGE (self));
}

/* StListPage */

static StListModel *
st_warehouses_view_create_model (StListPage *page,
                               StStore    *store)
{
  StWarehousesView *self = ST_WAREHOUSES_VIEW (page);

  return st_store_list_warehouse_rows (store, gtk_check_button_get_active (self->archived_check));
}

static char *
st_warehouses_view_format_count (StListPage *page,
                               guint       n_rows)
{
  /* Translators: the number of warehouses listed */
  return g_strdup_printf (ngettext ("%u warehouse", "%u warehouses", n_rows), n_rows);
}

static gint64
st_warehouses_view_get_row_id (StListPage *page,
                             gpointer    row)
{
  return st_warehouse_get_id (row);
}

static gboolean
st_warehouses_view_is_narrowed (StListPage *page)
{
  return !gtk_check_button_get_active (ST_WAREHOUSES_VIEW (page)->archived_check);
}

StWarehousesView *
st_warehouses_view_new (void)
{
  return g_object_new (ST_TYPE_WAREHOUSES_VIEW, NULL);
}

static void
st_warehouses_view_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), ST_TYPE_WAREHOUSES_VIEW);

  G_OBJECT_CLASS (st_warehouses_view_parent_class)->dispose (object);
}

static void
st_warehouses_view_class_init (StWarehousesViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  StListPageClass *page_class = ST_LIST_PAGE_CLASS (klass);

  object_class->dispose = st_warehouses_view_dispose;
  page_class->create_model = st_warehouses_view_create_model;
  page_class->format_count = st_warehouses_view_format_count;
  page_class->get_row_id = st_warehouses_view_get_row_id;
  page_class->is_narrowed = st_warehouses_view_is_narrowed;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/SerialTrack/st-warehouses-view.ui");
  gtk_widget_class_bind_template_child (widget_class, StWarehousesView, archived_check);
  gtk_widget_class_bind_template_child (widget_class, StWarehousesView, row_menu);
  gtk_widget_class_bind_template_callback (widget_class, archived_toggled_cb);

  _st_list_page_class_set_row_actions (page_class, &row_actions);
}

static void
st_warehouses_view_init (StWarehousesView *self)
{
  GtkColumnView *column_view = _st_list_page_get_column_view (ST_LIST_PAGE (self));

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_accessible_update_property (GTK_ACCESSIBLE (column_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Warehouses"),
                                  -1);
  st_columns_append_field (column_view, _("Name"), G_CALLBACK (st_warehouse_get_name),
                           ST_FIELD_STRING, ST_COLUMN_EXPAND, ST_SORT_NAME, 0);
  st_columns_append_field (column_view, _("On Hand"), G_CALLBACK (st_warehouse_get_on_hand),
                           ST_FIELD_QUANTITY, ST_COLUMN_NUMERIC, ST_SORT_ON_HAND, 0);
  st_columns_append (column_view, _("Status"), archived_text, ST_COLUMN_DIM, ST_SORT_DEFAULT);
  st_columns_follow_sorter (column_view);

  _st_list_page_set_context_menu (ST_LIST_PAGE (self), self->row_menu);
}
