/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-list-page-private.h — what a list page's subclass may call (the vfuncs it implements
 * are in st-list-page.h's StListPageClass).
 *
 * A subclass's template names StListPage as its parent and adds its widgets with child types:
 * "start" (in the toolbar, after the filter entry), "end" (in the toolbar, at its end),
 * "details" (beside the list, in a GtkPaned), "empty" (below the empty page's text) and "top"
 * (between the toolbar and the list, across the page: the documents' drafts).  It
 * sets "placeholder-text", "empty-title", "empty-description" and "list-width" there too. */
#pragma once

#include "st-list-page.h"

G_BEGIN_DECLS

GtkColumnView *_st_list_page_get_column_view (StListPage *self);
/* The selected row of a single-selection page, or NULL. */
gpointer       _st_list_page_get_selected    (StListPage *self);
/* Asks create_model() again (the page's query changed), keeping the filter and the sort. */
void           _st_list_page_reload          (StListPage *self);
/* Decides again between the list and the empty page (is_narrowed() may answer otherwise now). */
void           _st_list_page_update_state    (StListPage *self);
/* Call in the subclass's init: a multiple selection over stable rows (StRowSlots), for a
 * list of a million rows whose rows are replaced wholesale by each filter, sort or refresh;
 * a refresh or a new filter clears the selection. */
void           _st_list_page_use_row_slots   (StListPage *self);

/* Edit…, Archive, Restore and Delete… on the selected row of a page of master data (contacts,
 * warehouses, items): _st_list_page_class_set_row_actions() installs the actions
 * "<group>.edit", "<group>.archive", "<group>.restore" and "<group>.delete" in the subclass,
 * whose .ui puts them in its toolbar and row menu.  StListPage enables them in one place (a row
 * selected in a writable store; Archive for a row not archived, Restore for an archived one),
 * asks before deleting, runs Archive, Restore and Delete in the store's worker
 * (set_archived and delete_row get the worker's connection and must only call the store on
 * it), shows a refusal in the window and refreshes the list after each; a double click (or
 * Enter) on a row is Edit…. */
struct _StListPageRowActions
{
  const char *group;
  gboolean    (*is_archived)     (gpointer    row);
  /* The row's edit dialog, not yet shown. */
  GtkWindow  *(*new_edit_dialog) (GtkWindow  *parent,
                                  StStore    *store,
                                  gpointer    row);
  gboolean    (*set_archived)    (StStore    *store,
                                  gpointer    row,
                                  gboolean    archived,
                                  GError    **error);
  gboolean    (*delete_row)      (StStore    *store,
                                  gpointer    row,
                                  GError    **error);
  /* The confirmation's question, newly allocated: "Delete warehouse “Van”?" */
  char       *(*delete_question) (gpointer    row);
  /* Marked with N_(), translated when shown: the confirmation's secondary text and the titles
   * of a refusal. */
  const char *delete_detail;
  const char *archive_failed;
  const char *restore_failed;
  const char *delete_failed;
};

/* Call in the subclass's class_init; @actions must outlive the class (a static struct). */
void           _st_list_page_class_set_row_actions (StListPageClass            *klass,
                                                    const StListPageRowActions *actions);
/* TRUE while a row's Archive, Restore or Delete runs in the store's worker. */
gboolean       _st_list_page_is_row_busy     (StListPage   *self);
/* The window the page is in, or NULL. */
GtkWindow     *_st_list_page_get_window      (StListPage   *self);
/* @error in the window's error bar under @title (a warning outside a StWindow). */
void           _st_list_page_show_error      (StListPage   *self,
                                              const char   *title,
                                              const GError *error);

/* A status drop-down in the subclass's template: "All" (@all_label), then @n_statuses labels
 * (@status_label of 0 … n_statuses - 1).  Choosing reloads the list (the subclass's
 * create_model() reads _st_list_page_get_status()); a status chosen narrows the list, so that
 * a status without rows shows the empty list, not the empty page. */
void           _st_list_page_set_status_dropdown (StListPage   *self,
                                                  GtkDropDown  *dropdown,
                                                  const char   *all_label,
                                                  const char *(*status_label) (int status),
                                                  int           n_statuses);
/* The status chosen, or -1 for all. */
int            _st_list_page_get_status      (StListPage   *self);
/* Chooses @status (-1: all) in the drop-down, which reloads the list. */
void           _st_list_page_set_status      (StListPage   *self,
                                              int           status);

/* A context menu for the rows: a right click (or the Menu key, Shift+F10) selects the row
 * under the pointer and pops @menu up there; its actions are looked up from the list. */
void           _st_list_page_set_context_menu (StListPage *self,
                                               GMenuModel *menu);
/* Pops the context menu up at (x, y) of the column view, selecting the row there first (for
 * tests, and the keyboard: x, y < 0 means at the selected row). */
gboolean       _st_list_page_popup_context_menu (StListPage *self,
                                                 double      x,
                                                 double      y);
/* The context menu's popover once it was popped up (for tests), or NULL. */
GtkPopover    *_st_list_page_get_context_popover (StListPage *self);

G_END_DECLS
