/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "st-columns"

#include "config.h"

#include "st-columns.h"
#include "st-format.h"
#include "st-row-slots.h"

/* GTK 4.8 has no getter for the column view's primary sort column (it came in 4.10).  But its
 * sorter compares with the column sorters in order, primary first, and stops at the first
 * one that is not EQUAL, inverting it for a descending column.  So every marker sorter
 * answers "smaller" and records its key: one probe comparison tells the primary column
 * (the first key recorded) and its direction (the sign of the answer). */
static StSortKey probe_key;
static gboolean probe_hit;

static int
marker_compare (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  if (!probe_hit)
    {
      probe_key = GPOINTER_TO_INT (user_data);
      probe_hit = TRUE;
    }

  return -1;
}

StSortKey
st_columns_get_sort (GtkColumnView *view,
                     gboolean      *descending)
{
  static GObject *probe_a, *probe_b;
  GtkSorter *sorter;
  GtkOrdering order;

  g_return_val_if_fail (GTK_IS_COLUMN_VIEW (view), ST_SORT_DEFAULT);

  if (probe_a == NULL)
    {
      probe_a = g_object_new (G_TYPE_OBJECT, NULL);
      probe_b = g_object_new (G_TYPE_OBJECT, NULL);
    }

  sorter = gtk_column_view_get_sorter (view);
  probe_hit = FALSE;
  probe_key = ST_SORT_DEFAULT;
  order = gtk_sorter_compare (sorter, probe_a, probe_b);

  if (descending != NULL)
    *descending = probe_hit && order == GTK_ORDERING_LARGER;

  return probe_hit ? probe_key : ST_SORT_DEFAULT;
}

static void
sorter_changed_cb (GtkColumnView *view,
                   int            change,
                   GtkSorter     *sorter)
{
  GtkSelectionModel *selection;
  GListModel *model;
  StSortKey key;
  gboolean descending;

  /* Removing the columns of a dying view changes its sorter too. */
  if (gtk_widget_in_destruction (GTK_WIDGET (view)))
    return;

  selection = gtk_column_view_get_model (view);
  if (GTK_IS_SINGLE_SELECTION (selection))
    model = gtk_single_selection_get_model (GTK_SINGLE_SELECTION (selection));
  else if (GTK_IS_MULTI_SELECTION (selection))
    model = gtk_multi_selection_get_model (GTK_MULTI_SELECTION (selection));
  else
    return;

  key = st_columns_get_sort (view, &descending);
  if (ST_IS_ROW_SLOTS (model) && ST_IS_LIST_MODEL (st_row_slots_get_model (ST_ROW_SLOTS (model))))
    {
      /* The same rows show the list in its new order; the old selection meant other units. */
      st_list_model_set_sort (ST_LIST_MODEL (st_row_slots_get_model (ST_ROW_SLOTS (model))),
                              key, descending);
      st_row_slots_reload (ST_ROW_SLOTS (model));
      gtk_selection_model_unselect_all (selection);
    }
  else if (ST_IS_LIST_MODEL (model))
    st_list_model_set_sort (ST_LIST_MODEL (model), key, descending);
}

void
st_columns_follow_sorter (GtkColumnView *view)
{
  g_return_if_fail (GTK_IS_COLUMN_VIEW (view));

  g_signal_connect_object (gtk_column_view_get_sorter (view),
                           "changed",
                           G_CALLBACK (sorter_changed_cb),
                           view,
                           G_CONNECT_SWAPPED);
}

/* Where a column's cells take their text from: a text function, or a getter and a format.
 * One a column, shared by its factory and its list items (which may outlive the factory's
 * column), so it is reference-counted. */
typedef struct
{
  StColumnTextFunc text_func;
  GCallback        getter;
  StFieldFormat    format;
} CellSource;

typedef const char *(*StringGetter) (gpointer row);
typedef gint64      (*NumberGetter) (gpointer row);

static char *
cell_source_text (const CellSource *source,
                  gpointer          row)
{
  if (source->text_func != NULL)
    return source->text_func (row);

  switch (source->format)
    {
    case ST_FIELD_STRING:
      return g_strdup (((StringGetter) source->getter) (row));
    case ST_FIELD_DATE:
      return st_format_date (((StringGetter) source->getter) (row));
    case ST_FIELD_MONEY:
      return st_format_money (((NumberGetter) source->getter) (row));
    case ST_FIELD_QUANTITY:
      return st_format_quantity (((NumberGetter) source->getter) (row));
    default:
      g_return_val_if_reached (NULL);
    }
}

static GQuark
cell_source_quark (void)
{
  static GQuark quark;

  if (G_UNLIKELY (quark == 0))
    quark = g_quark_from_static_string ("st-columns-cell-source");
  return quark;
}

static void
remember_text_func (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item)
{
  CellSource *source = g_object_get_qdata (G_OBJECT (factory), cell_source_quark ());

  g_object_set_qdata_full (G_OBJECT (list_item), cell_source_quark (),
                           g_rc_box_acquire (source), g_rc_box_release);
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          gpointer                  user_data)
{
  StColumnFlags flags = GPOINTER_TO_UINT (user_data);
  GtkWidget *label;

  remember_text_func (factory, list_item);

  label = gtk_label_new (NULL);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (label), (flags & ST_COLUMN_NUMERIC) ? 1.0f : 0.0f);
  if (flags & ST_COLUMN_NUMERIC)
    gtk_widget_add_css_class (label, "numeric");
  if (flags & ST_COLUMN_DIM)
    gtk_widget_add_css_class (label, "dim-label");

  g_object_set_data (G_OBJECT (label), "st-list-item", list_item);
  gtk_list_item_set_child (list_item, label);
}

static void
setup_fixed_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                gpointer                  user_data)
{
  StColumnFlags flags = GPOINTER_TO_UINT (user_data);
  guint n_chars = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "st-n-chars"));
  GtkInscription *cell;

  remember_text_func (factory, list_item);

  cell = GTK_INSCRIPTION (gtk_inscription_new (NULL));
  gtk_inscription_set_text_overflow (cell, GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_inscription_set_xalign (cell, (flags & ST_COLUMN_NUMERIC) ? 1.0f : 0.0f);
  gtk_inscription_set_min_chars (cell, MIN (n_chars, 4));
  gtk_inscription_set_nat_chars (cell, n_chars);
  if (flags & ST_COLUMN_NUMERIC)
    gtk_widget_add_css_class (GTK_WIDGET (cell), "numeric");
  if (flags & ST_COLUMN_DIM)
    gtk_widget_add_css_class (GTK_WIDGET (cell), "dim-label");

  g_object_set_data (G_OBJECT (cell), "st-list-item", list_item);
  gtk_list_item_set_child (list_item, GTK_WIDGET (cell));
}

static void
set_cell_text (GtkListItem *list_item,
               const char  *text)
{
  GtkWidget *cell = gtk_list_item_get_child (list_item);

  if (GTK_IS_INSCRIPTION (cell))
    gtk_inscription_set_text (GTK_INSCRIPTION (cell), text);
  else
    gtk_label_set_text (GTK_LABEL (cell), text);
}

/* Shows the row's item (a slot's item for an StRowSlots row); also when a slot of the row
 * takes another item. */
static void
show_item (gpointer data)
{
  GtkListItem *list_item = data;
  const CellSource *source = g_object_get_qdata (G_OBJECT (list_item), cell_source_quark ());
  g_autofree char *text = NULL;
  gpointer item;

  item = st_row_slots_unwrap (gtk_list_item_get_item (list_item));
  if (item != NULL)
    text = cell_source_text (source, item);

  set_cell_text (list_item, text ? text : "");
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *list_item,
         gpointer                  user_data)
{
  gpointer item = gtk_list_item_get_item (list_item);

  if (item != NULL && ST_IS_ROW_SLOT (item))
    st_row_slot_watch (item, show_item, list_item);
  show_item (list_item);
}

static void
unbind_cb (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           gpointer                  user_data)
{
  gpointer item = gtk_list_item_get_item (list_item);

  if (item != NULL && ST_IS_ROW_SLOT (item))
    st_row_slot_unwatch (item, show_item, list_item);

  /* A fixed cell keeps its text until its next bind sets another: a jump through a long
   * list rebinds some 200 rows at once, and clearing them first doubled the work. */
  if (!GTK_IS_INSCRIPTION (gtk_list_item_get_child (list_item)))
    set_cell_text (list_item, "");
}

static GtkColumnViewColumn *
append_column (GtkColumnView    *view,
               const char       *title,
               const CellSource *from,
               StColumnFlags     flags,
               StSortKey         sort_key,
               guint             n_chars)
{
  g_autoptr(GtkListItemFactory) factory = NULL;
  GtkColumnViewColumn *column;
  CellSource *source;

  g_return_val_if_fail (GTK_IS_COLUMN_VIEW (view), NULL);
  g_return_val_if_fail (from->text_func != NULL || from->getter != NULL, NULL);

  factory = gtk_signal_list_item_factory_new ();
  source = g_rc_box_new (CellSource);
  *source = *from;
  g_object_set_qdata_full (G_OBJECT (factory), cell_source_quark (), source, g_rc_box_release);
  g_object_set_data (G_OBJECT (factory), "st-n-chars", GUINT_TO_POINTER (n_chars));
  g_signal_connect (factory, "setup", G_CALLBACK (n_chars > 0 ? setup_fixed_cb : setup_cb),
                    GUINT_TO_POINTER (flags));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), NULL);

  column = gtk_column_view_column_new (title, g_steal_pointer (&factory));
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_column_set_expand (column, (flags & ST_COLUMN_EXPAND) != 0);

  if (sort_key != ST_SORT_DEFAULT)
    {
      g_autoptr(GtkSorter) marker = NULL;

      marker = GTK_SORTER (gtk_custom_sorter_new (marker_compare,
                                                  GINT_TO_POINTER (sort_key),
                                                  NULL));
      gtk_column_view_column_set_sorter (column, marker);
    }

  gtk_column_view_append_column (view, column);
  g_object_unref (column);

  return column;
}

GtkColumnViewColumn *
st_columns_append (GtkColumnView    *view,
                   const char       *title,
                   StColumnTextFunc  text_func,
                   StColumnFlags     flags,
                   StSortKey         sort_key)
{
  CellSource source = { .text_func = text_func };

  return append_column (view, title, &source, flags, sort_key, 0);
}

GtkColumnViewColumn *
st_columns_append_fixed (GtkColumnView    *view,
                         const char       *title,
                         StColumnTextFunc  text_func,
                         StColumnFlags     flags,
                         StSortKey         sort_key,
                         guint             n_chars)
{
  CellSource source = { .text_func = text_func };

  g_return_val_if_fail (n_chars > 0, NULL);

  return append_column (view, title, &source, flags, sort_key, n_chars);
}

GtkColumnViewColumn *
st_columns_append_field (GtkColumnView *view,
                         const char    *title,
                         GCallback      getter,
                         StFieldFormat  format,
                         StColumnFlags  flags,
                         StSortKey      sort_key,
                         guint          n_chars)
{
  CellSource source = { .getter = getter, .format = format };

  g_return_val_if_fail (getter != NULL, NULL);

  return append_column (view, title, &source, flags, sort_key, n_chars);
}

/* The cell widgets carry their list item ("st-list-item"): the widget picked at (x, y), or
 * its first child where the cell itself was hit, leads to the row's position. */
guint
st_columns_position_at (GtkColumnView *view,
                        double         x,
                        double         y)
{
  GtkWidget *widget;

  g_return_val_if_fail (GTK_IS_COLUMN_VIEW (view), GTK_INVALID_LIST_POSITION);

  widget = gtk_widget_pick (GTK_WIDGET (view), x, y, GTK_PICK_DEFAULT);
  for (; widget != NULL && widget != GTK_WIDGET (view); widget = gtk_widget_get_parent (widget))
    {
      GtkWidget *child = gtk_widget_get_first_child (widget);
      GtkListItem *list_item = g_object_get_data (G_OBJECT (widget), "st-list-item");

      if (list_item == NULL && child != NULL)
        list_item = g_object_get_data (G_OBJECT (child), "st-list-item");
      if (list_item != NULL && gtk_list_item_get_item (list_item) != NULL)
        return gtk_list_item_get_position (list_item);
    }
  return GTK_INVALID_LIST_POSITION;
}
