/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-window-private.h — the window's struct, shared by st-window.c (views, refresh, settings)
 * and st-window-actions.c (actions, dialogs, the serial search). */
#pragma once

#include "st-window.h"

G_BEGIN_DECLS

struct _StWindow
{
  GtkApplicationWindow  parent_instance;

  /* Template widgets */
  GtkLabel             *title_label;
  GtkLabel             *subtitle_label;
  GtkSearchEntry       *search_entry;
  GtkInfoBar           *sample_bar;
  GtkInfoBar           *error_bar;
  GtkLabel             *error_title_label;
  GtkLabel             *error_label;
  GtkStack             *view_stack;
  GtkWidget            *sidebar;            /* GtkStackSidebar: the views, at the left */
  GtkRevealer          *sidebar_revealer;
  GtkToggleButton      *sidebar_button;     /* shows or hides the sidebar (F9) */
  GtkOverlay           *overlay;
  GtkPopover           *search_popover;
  GtkLabel             *search_message_label;
  GtkWidget            *search_results_scroller;
  GtkListBox           *search_results;
  GtkInfoBar           *read_only_bar;

  /* Views (owned by the stacks) */
  GtkWidget            *items_view;
  GtkWidget            *units_view;
  GtkWidget            *document_views[ST_N_DOC_KINDS];
  GtkStack             *returns_stack;
  GtkWidget            *unit_page;
  GtkStack             *service_stack;  /* the Service page: cases, warranty expiring */
  GtkWidget            *service_view;
  GtkWidget            *warranty_view;
  GtkWidget            *service_page;   /* one case */
  GtkWidget            *contacts_view;
  GtkWidget            *warehouses_view;
  GtkWidget            *counts_view;
  GtkWidget            *count_page;
  GtkWidget            *toast;

  /* Owned */
  StStore              *store;
  GSettings            *settings;
  GArray               *search_ids;    /* gint64 unit ids, by row of search_results */
  /* The search of any part of a serial and of names, in the store's worker; cancelled by
   * new input, a new search or dispose (st-window-actions.c). */
  GCancellable         *search_cancellable;
  GArray               *back_steps;    /* where Back goes, latest last (navigation.c) */

  /* An idle refresh after the store said "changed" (a burst of writes refreshes once). */
  guint                 refresh_source;
  /* Asks the store every second whether somebody else wrote (st-window.c). */
  guint                 poll_source;
  guint                 poll_ticks;
};

void _st_window_class_init_actions (GtkWidgetClass *widget_class);
void _st_window_init_actions       (StWindow       *self);
/* Enables or disables the actions that depend on the store's state. */
void _st_window_update_actions     (StWindow       *self);
void _st_window_dispose_actions    (StWindow       *self);

/* st-window-navigation.c: the unit page, document jumps, Back, the toast, export actions. */
void _st_window_class_init_navigation (GtkWidgetClass *widget_class);
void _st_window_init_navigation       (StWindow       *self);
void _st_window_dispose_navigation    (StWindow       *self);
/* Remembers where the user is before a jump (Back returns there). */
void _st_window_push_back_step        (StWindow       *self);

/* st-window-service.c: the Service page (cases, warranty expiring), the case page, and Open
 * Service Case…. */
void _st_window_class_init_service (GtkWidgetClass *widget_class);
void _st_window_add_service_views  (StWindow       *self);
/* The innermost view of @visible (a page of the view stack): the tab shown inside the
 * Returns or the Service page, else @visible itself. */
GtkWidget *_st_window_inner_view   (StWindow       *self,
                                    GtkWidget      *visible);
/* Shows @view, also when it is a tab inside the Returns or the Service page. */
void _st_window_show_view_widget   (StWindow       *self,
                                    GtkWidget      *view);

G_END_DECLS
