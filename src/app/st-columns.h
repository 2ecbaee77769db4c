/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-columns.h — text columns for the views' GtkColumnViews, and header sorting done in SQL.
 *
 * The lists are lazy StListModels that sort in SQL, so a column's GtkSorter is only a marker:
 * clicking a header changes the column view's sorter, and we map its primary column to an
 * StSortKey and call st_list_model_set_sort() on the model under the selection. */
#pragma once

#include <gtk/gtk.h>
#include "st-list-model.h"

G_BEGIN_DECLS

/* Returns the cell text for a row object (StItem, StDocument, StUnit …), newly allocated. */
typedef char *(*StColumnTextFunc) (gpointer item);

typedef enum
{
  ST_COLUMN_TEXT    = 0,
  ST_COLUMN_NUMERIC = 1 << 0,  /* right-aligned, tabular figures */
  ST_COLUMN_EXPAND  = 1 << 1,
  ST_COLUMN_DIM     = 1 << 2,
} StColumnFlags;

/* What a field column's getter returns, and how its cell shows it. */
typedef enum
{
  ST_FIELD_STRING   = 0,  /* const char *getter (row), shown as it is */
  ST_FIELD_DATE     = 1,  /* const char *getter (row), an ISO date: st_format_date() */
  ST_FIELD_MONEY    = 2,  /* gint64 getter (row), in cents: st_format_money() */
  ST_FIELD_QUANTITY = 3,  /* gint64 getter (row): st_format_quantity() */
} StFieldFormat;

/* Appends a column showing text_func (row); @sort_key ST_SORT_DEFAULT: not sortable. */
GtkColumnViewColumn *st_columns_append          (GtkColumnView    *view,
                                                 const char       *title,
                                                 StColumnTextFunc  text_func,
                                                 StColumnFlags     flags,
                                                 StSortKey         sort_key);

/* The same with a column of a fixed width of about @n_chars characters: its cells are
 * GtkInscriptions, which are never measured by their text, so binding a row to another
 * object costs no text layout until the row is drawn.  For lists that scroll through a
 * million rows; longer texts are ellipsized. */
GtkColumnViewColumn *st_columns_append_fixed    (GtkColumnView    *view,
                                                 const char       *title,
                                                 StColumnTextFunc  text_func,
                                                 StColumnFlags     flags,
                                                 StSortKey         sort_key,
                                                 guint             n_chars);

/* Appends a column showing one field of the row, read by the row type's own getter
 * (G_CALLBACK (st_unit_get_serial) …) and shown as @format says, as GtkCClosureExpression
 * calls a getter: no text function a column.  @n_chars 0 gives the cells of
 * st_columns_append(), more the fixed width of st_columns_append_fixed(). */
GtkColumnViewColumn *st_columns_append_field    (GtkColumnView    *view,
                                                 const char       *title,
                                                 GCallback         getter,
                                                 StFieldFormat     format,
                                                 StColumnFlags     flags,
                                                 StSortKey         sort_key,
                                                 guint             n_chars);

/* Follows the column view's sorter and sorts the StListModel under its GtkSingleSelection
 * or GtkMultiSelection, directly or through an StRowSlots (reloaded, selection cleared).
 * Cells of rows that are StRowSlots show the slot's item and follow its changes. */
void                 st_columns_follow_sorter   (GtkColumnView    *view);

/* The primary sort column's key and direction, as the header arrows show it. */
StSortKey            st_columns_get_sort        (GtkColumnView    *view,
                                                 gboolean         *descending);

/* The position of the row at (x, y) in @view's coordinates (a right click …), or
 * GTK_INVALID_LIST_POSITION. */
guint                st_columns_position_at     (GtkColumnView    *view,
                                                 double            x,
                                                 double            y);

G_END_DECLS
