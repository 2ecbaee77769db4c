/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-list-page.h — the base of the list views (Items, Units, the documents …): a filter entry
 * and a count above a GtkColumnView over one lazy StListModel, with its selection, an empty
 * page for a list with nothing in it and an error page for a list whose query failed.
 * Subclasses provide the model, the columns and the details (see st-list-page-private.h). */
#pragma once

#include <gtk/gtk.h>
#include "st-list-model.h"
#include "st-store.h"

G_BEGIN_DECLS

#define ST_TYPE_LIST_PAGE (st_list_page_get_type ())
G_DECLARE_DERIVABLE_TYPE (StListPage, st_list_page, ST, LIST_PAGE, GtkWidget)

typedef struct _StListPageRowActions StListPageRowActions;

struct _StListPageClass
{
  GtkWidgetClass parent_class;

  /* A new model of the page's rows in @store (required). */
  StListModel *(*create_model) (StListPage *self,
                                StStore    *store);
  /* The count label's text for @n_rows rows, newly allocated: "3 items" (required). */
  char        *(*format_count) (StListPage *self,
                                guint       n_rows);
  /* A row's id, by which the selection is kept across a refresh (single selection). */
  gint64       (*get_row_id)   (StListPage *self,
                                gpointer    row);
  /* The selected row changed, or was read again by a refresh; @row may be NULL. */
  void         (*row_selected) (StListPage *self,
                                gpointer    row);
  /* TRUE when the page hides rows by more than the filter text (a status …): a list so
   * narrowed that nothing is left shows its empty rows, not the empty page. */
  gboolean     (*is_narrowed)  (StListPage *self);
  /* st_list_page_refresh(); a subclass that shows more than the list chains up. */
  void         (*refresh)      (StListPage *self);

  /* Edit…, Archive, Restore and Delete… on the selected row, or NULL: see
   * _st_list_page_class_set_row_actions() in st-list-page-private.h. */
  const StListPageRowActions *row_actions;
};

StStore           *st_list_page_get_store     (StListPage *self);
/* Reads the list from @store (with the filter typed and the sort chosen). */
void               st_list_page_set_store     (StListPage *self,
                                               StStore    *store);
/* Re-reads the list (after a write), keeping its filter, sort and selected row. */
void               st_list_page_refresh       (StListPage *self);
void               st_list_page_focus_filter  (StListPage *self);
/* The rows listed, in the order shown (NULL without a store). */
StListModel       *st_list_page_get_model     (StListPage *self);
/* The column view's selection: a GtkSingleSelection over the model, or for a page of stable
 * rows a GtkMultiSelection over StRowSlots (see st-row-slots.h). */
GtkSelectionModel *st_list_page_get_selection (StListPage *self);
/* Selects the row with this id (asking SQL for its position); FALSE when it is not listed. */
gboolean           st_list_page_select_id     (StListPage *self,
                                               gint64      id);
/* Selects the row, clearing a filter that hides it, scrolls to it and puts the keyboard focus
 * on it once it is laid out. */
gboolean           st_list_page_show_id       (StListPage *self,
                                               gint64      id);

G_END_DECLS
