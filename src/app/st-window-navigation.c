/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-window-navigation.c — the window's unit history page, jumps to documents and back, the
 * toast, and the export actions of the main menu.
 *
 * The unit page is a page of the window's stack, not a window of its own: a scanner's next
 * serial still reaches the header bar's search (a separate window would have the focus and
 * swallow it), a document link shows the document in the same window rather than under a
 * page standing on top of it, and Back (Escape, Alt+Left) retraces the jumps as a browser
 * does. */
#define G_LOG_DOMAIN "st-window"

#include "config.h"

#include <glib/gi18n.h>

#include "st-count-page.h"
#include "st-documents-view.h"
#include "st-export-dialog.h"
#include "st-sold-report-dialog.h"
#include "st-service-page.h"
#include "st-toast.h"
#include "st-unit-page.h"
#include "st-window-private.h"

/* How many jumps Back remembers. */
#define BACK_LIMIT 50

/* Where Back returns to: a view, the unit page with the unit it showed, or the case page with
 * the case. */
typedef struct
{
  GtkWidget *view;
  gint64     unit_id;
  char      *number;
} BackStep;

static void
back_step_clear (gpointer data)
{
  BackStep *step = data;

  g_clear_pointer (&step->number, g_free);
}

GtkWidget *
_st_window_inner_view (StWindow  *self,
                       GtkWidget *visible)
{
  GtkStack *inner[] = { self->returns_stack, self->service_stack };

  for (guint i = 0; visible != NULL && i < G_N_ELEMENTS (inner); i++)
    if (inner[i] != NULL && visible == gtk_widget_get_parent (GTK_WIDGET (inner[i])))
      return gtk_stack_get_visible_child (inner[i]);

  return visible;
}

/* The innermost visible view: a document view inside the Returns page, a tab of the Service
 * page. */
static GtkWidget *
visible_view (StWindow *self)
{
  return _st_window_inner_view (self, gtk_stack_get_visible_child (self->view_stack));
}

void
_st_window_show_view_widget (StWindow  *self,
                             GtkWidget *view)
{
  GtkWidget *parent = gtk_widget_get_parent (view);

  if (parent != NULL && parent != GTK_WIDGET (self->view_stack) && GTK_IS_STACK (parent))
    {
      gtk_stack_set_visible_child (GTK_STACK (parent), view);
      gtk_stack_set_visible_child (self->view_stack, gtk_widget_get_parent (parent));
    }
  else
    gtk_stack_set_visible_child (self->view_stack, view);
}

/* Remembers where the user is before a jump. */
void
_st_window_push_back_step (StWindow *self)
{
  BackStep step = { visible_view (self), 0, NULL };

  if (step.view == NULL)
    return;
  if (step.view == self->unit_page)
    {
      step.unit_id = st_unit_page_get_unit_id (ST_UNIT_PAGE (self->unit_page));
      if (step.unit_id == 0)
        return;
    }
  if (step.view == self->service_page)
    {
      const char *number = st_service_page_get_number (ST_SERVICE_PAGE (self->service_page));

      if (number == NULL)
        return;
      step.number = g_strdup (number);
    }
  if (step.view == self->count_page)
    {
      StCount *count = st_count_page_get_count (ST_COUNT_PAGE (self->count_page));

      if (count == NULL)
        return;
      step.number = g_strdup (st_count_get_number (count));
    }

  /* The same place twice in a row is one step. */
  if (self->back_steps->len > 0)
    {
      BackStep *last = &g_array_index (self->back_steps, BackStep, self->back_steps->len - 1);

      if (last->view == step.view && last->unit_id == step.unit_id
          && g_strcmp0 (last->number, step.number) == 0)
        {
          back_step_clear (&step);
          return;
        }
    }

  if (self->back_steps->len >= BACK_LIMIT)
    g_array_remove_index (self->back_steps, 0);
  g_array_append_val (self->back_steps, step);
}

GtkWidget *
st_window_show_unit (StWindow *self,
                     gint64    unit_id)
{
  StUnitPage *page;

  g_return_val_if_fail (ST_IS_WINDOW (self), NULL);

  page = ST_UNIT_PAGE (self->unit_page);
  if (visible_view (self) != self->unit_page || st_unit_page_get_unit_id (page) != unit_id)
    _st_window_push_back_step (self);

  st_unit_page_set_unit_id (page, unit_id);
  gtk_stack_set_visible_child (self->view_stack, self->unit_page);
  gtk_widget_grab_focus (self->unit_page);

  return self->unit_page;
}

GtkWidget *
st_window_show_count (StWindow   *self,
                      const char *number)
{
  g_return_val_if_fail (ST_IS_WINDOW (self), NULL);
  g_return_val_if_fail (number != NULL, NULL);

  if (visible_view (self) != self->count_page)
    _st_window_push_back_step (self);
  st_count_page_set_number (ST_COUNT_PAGE (self->count_page), number);
  gtk_stack_set_visible_child (self->view_stack, self->count_page);
  gtk_widget_grab_focus (self->count_page);

  return self->count_page;
}

gboolean
st_window_show_document (StWindow   *self,
                         StDocKind   kind,
                         const char *number)
{
  g_autoptr(StDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  StDocumentsView *view;

  g_return_val_if_fail (ST_IS_WINDOW (self), FALSE);
  g_return_val_if_fail ((guint) kind < ST_N_DOC_KINDS, FALSE);
  g_return_val_if_fail (number != NULL, FALSE);

  document = st_store_get_document (self->store, kind, number, &error);
  if (document == NULL)
    {
      /* Translators: a document link led nowhere (deleted database, another file …) */
      st_window_show_error (self, _("Could not open the document"), error);
      return FALSE;
    }

  view = ST_DOCUMENTS_VIEW (self->document_views[kind]);
  _st_window_push_back_step (self);
  _st_window_show_view_widget (self, GTK_WIDGET (view));
  gtk_widget_grab_focus (GTK_WIDGET (view));
  /* It takes the focus on to the document's row once that is laid out. */
  return st_list_page_show_id (ST_LIST_PAGE (view), st_document_get_id (document));
}

gboolean
st_window_go_back (StWindow *self)
{
  g_autofree char *number = NULL;
  BackStep step;

  g_return_val_if_fail (ST_IS_WINDOW (self), FALSE);

  if (self->back_steps->len == 0)
    {
      /* Opened without a jump (a restored session, a test): back to the items. */
      if (visible_view (self) != self->unit_page && visible_view (self) != self->service_page)
        return FALSE;
      st_window_show_view (self, "items");
      gtk_widget_grab_focus (self->items_view);
      return TRUE;
    }

  step = g_array_index (self->back_steps, BackStep, self->back_steps->len - 1);
  number = g_steal_pointer (&g_array_index (self->back_steps, BackStep,
                                            self->back_steps->len - 1).number);
  g_array_remove_index (self->back_steps, self->back_steps->len - 1);

  if (step.view == self->unit_page)
    st_unit_page_set_unit_id (ST_UNIT_PAGE (self->unit_page), step.unit_id);
  if (step.view == self->service_page)
    st_service_page_set_number (ST_SERVICE_PAGE (self->service_page), number);
  if (step.view == self->count_page)
    {
      StCount *shown = st_count_page_get_count (ST_COUNT_PAGE (self->count_page));

      /* The same count keeps its place (scanning, or its review). */
      if (shown == NULL || g_strcmp0 (st_count_get_number (shown), number) != 0)
        st_count_page_set_number (ST_COUNT_PAGE (self->count_page), number);
    }
  _st_window_show_view_widget (self, step.view);
  gtk_widget_grab_focus (step.view);

  return TRUE;
}

void
st_window_show_toast (StWindow   *self,
                      const char *message,
                      GFile      *file)
{
  g_return_if_fail (ST_IS_WINDOW (self));

  st_toast_show (ST_TOAST (self->toast), message, file);
}

/* Actions */

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  if (!st_window_go_back (ST_WINDOW (widget)))
    gtk_widget_error_bell (widget);
}

static void
show_document_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  const char *number;
  int kind;

  g_variant_get (param, "(i&s)", &kind, &number);
  if (kind < 0 || kind >= ST_N_DOC_KINDS)
    return;

  st_window_show_document (ST_WINDOW (widget), kind, number);
}

static void
show_count_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  st_window_show_count (ST_WINDOW (widget), g_variant_get_string (param, NULL));
}

static void
export_sold_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  StWindow *self = ST_WINDOW (widget);
  StSoldReportDialog *dialog;

  dialog = st_sold_report_dialog_new (GTK_WINDOW (self), self->store);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
export_all_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  StWindow *self = ST_WINDOW (widget);

  st_export_dialog_choose_history (GTK_WINDOW (self), self->store, NULL,
                                   /* Translators: the suggested file name of the export of
                                    * every unit's history */
                                   _("unit-histories.xlsx"));
}

void
_st_window_init_navigation (StWindow *self)
{
  self->back_steps = g_array_new (FALSE, FALSE, sizeof (BackStep));
  g_array_set_clear_func (self->back_steps, back_step_clear);

  self->unit_page = GTK_WIDGET (st_unit_page_new ());
  /* No title: the views' sidebar leaves the page out. */
  gtk_stack_add_named (self->view_stack, self->unit_page, "unit");

  self->toast = GTK_WIDGET (st_toast_new ());
  gtk_overlay_add_overlay (self->overlay, self->toast);
}

void
_st_window_dispose_navigation (StWindow *self)
{
  g_clear_pointer (&self->back_steps, g_array_unref);
}

void
_st_window_class_init_navigation (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "win.show-document", "(is)",
                                   show_document_action);
  gtk_widget_class_install_action (widget_class, "win.show-count", "s", show_count_action);
  gtk_widget_class_install_action (widget_class, "win.export-sold", NULL, export_sold_action);
  gtk_widget_class_install_action (widget_class, "win.export-all", NULL, export_all_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK,
                                       "win.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Back, 0, "win.back", NULL);
}
