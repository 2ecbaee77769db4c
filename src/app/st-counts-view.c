/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-counts-view.c — the Counts view: a lazy StListModel over st_store_count_list_all(), open
 * counts first.  Activating a row (or Open) shows the count's page, where an open count goes
 * on being scanned: a count left open is paused, however long, and survives closing the app. */
#define G_LOG_DOMAIN "st-counts-view"

#include "config.h"

#include <glib/gi18n.h>

#include "st-columns.h"
#include "st-count-dialog.h"
#include "st-counts-view.h"
#include "st-format.h"
#include "st-list-page-private.h"
#include "st-window.h"

struct _StCountsView
{
  StListPage parent_instance;
};

G_DEFINE_FINAL_TYPE (StCountsView, st_counts_view, ST_TYPE_LIST_PAGE)

/* Columns */

static char *
state_text (gpointer count)
{
  if (!st_count_get_finished (count))
    /* Translators: the state of a stock count still being scanned into (or paused) */
    return g_strdup (C_("count state", "Open"));
  /* Translators: the state of a finished stock count */
  return g_strdup (C_("count state", "Finished"));
}

static char *
tally_text (gpointer count)
{
  return st_count_describe_tally (count);
}

/* Callbacks */

static void
open_count (StCountsView *self,
            StCount      *count)
{
  if (count != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-count", "s",
                                st_count_get_number (count));
}

static void
activate_cb (StCountsView *self,
             guint         position)
{
  StListModel *model = st_list_page_get_model (ST_LIST_PAGE (self));
  g_autoptr(StCount) count = NULL;

  if (model == NULL)
    return;
  count = g_list_model_get_item (G_LIST_MODEL (model), position);
  open_count (self, count);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  StCountsView *self = ST_COUNTS_VIEW (widget);

  open_count (self, _st_list_page_get_selected (ST_LIST_PAGE (self)));
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  StStore *store = st_list_page_get_store (ST_LIST_PAGE (widget));
  StCountDialog *dialog;

  if (store == NULL || !GTK_IS_WINDOW (root))
    return;
  dialog = st_count_dialog_new (GTK_WINDOW (root), store);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* StListPage */

static StListModel *
st_counts_view_create_model (StListPage *page,
                             StStore    *store)
{
  return st_store_count_list_all (store);
}

static char *
st_counts_view_format_count (StListPage *page,
                             guint       n_rows)
{
  g_autofree char *count = st_format_quantity (n_rows);

  /* Translators: the number of stock counts listed; %s is the number, "3 counts" */
  return g_strdup_printf (ngettext ("%s count", "%s counts", n_rows), count);
}

static gint64
st_counts_view_get_row_id (StListPage *page,
                           gpointer    row)
{
  return st_count_get_id (row);
}

static void
st_counts_view_row_selected (StListPage *page,
                             gpointer    row)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (page), "counts.open", row != NULL);
}

/* Public API */

StCountsView *
st_counts_view_new (void)
{
  return g_object_new (ST_TYPE_COUNTS_VIEW, NULL);
}

/* GObject */

static void
st_counts_view_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), ST_TYPE_COUNTS_VIEW);

  G_OBJECT_CLASS (st_counts_view_parent_class)->dispose (object);
}

static void
st_counts_view_class_init (StCountsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  StListPageClass *page_class = ST_LIST_PAGE_CLASS (klass);

  object_class->dispose = st_counts_view_dispose;
  page_class->create_model = st_counts_view_create_model;
  page_class->format_count = st_counts_view_format_count;
  page_class->get_row_id = st_counts_view_get_row_id;
  page_class->row_selected = st_counts_view_row_selected;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/SerialTrack/st-counts-view.ui");

  gtk_widget_class_install_action (widget_class, "counts.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "counts.open", NULL, open_action);
}

static void
st_counts_view_init (StCountsView *self)
{
  GtkColumnView *column_view;

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "counts.open", FALSE);

  column_view = _st_list_page_get_column_view (ST_LIST_PAGE (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (column_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Stock counts"),
                                  -1);
  g_signal_connect_object (column_view, "activate", G_CALLBACK (activate_cb), self,
                           G_CONNECT_SWAPPED);

  st_columns_append_field (column_view, _("Count"), G_CALLBACK (st_count_get_number),
                           ST_FIELD_STRING, ST_COLUMN_TEXT, ST_SORT_NUMBER, 0);
  st_columns_append (column_view, _("State"), state_text, ST_COLUMN_TEXT, ST_SORT_DEFAULT);
  st_columns_append_field (column_view, _("Warehouse"), G_CALLBACK (st_count_get_warehouse),
                           ST_FIELD_STRING, ST_COLUMN_TEXT, ST_SORT_WAREHOUSE, 0);
  st_columns_append_field (column_view, _("Started"), G_CALLBACK (st_count_get_date),
                           ST_FIELD_DATE, ST_COLUMN_NUMERIC, ST_SORT_DATE, 0);
  st_columns_append (column_view, _("Tally"), tally_text, ST_COLUMN_EXPAND, ST_SORT_DEFAULT);
  st_columns_follow_sorter (column_view);
}
