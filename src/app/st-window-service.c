/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-window-service.c — after-sales service in the window: the Service page (a tab of cases,
 * open ones first, and a tab of warranties expiring soon), the case page (a page of the stack
 * like the unit page: Back returns from it), and Open Service Case… (from the Service view,
 * the unit page, and the serial search through the unit page it opens). */
#define G_LOG_DOMAIN "st-window"

#include "config.h"

#include <glib/gi18n.h>

#include "st-service-dialog.h"
#include "st-service-page.h"
#include "st-service-view.h"
#include "st-warranty-view.h"
#include "st-window-private.h"

gboolean
st_window_show_service_case (StWindow   *self,
                             const char *number)
{
  StServicePage *page;
  const char *shown;
  gboolean ok;

  g_return_val_if_fail (ST_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (number != NULL, FALSE);

  page = ST_SERVICE_PAGE (self->service_page);
  shown = st_service_page_get_number (page);
  if (gtk_stack_get_visible_child (self->view_stack) != self->service_page
      || g_strcmp0 (shown, number) != 0)
    _st_window_push_back_step (self);

  ok = st_service_page_set_number (page, number);
  gtk_stack_set_visible_child (self->view_stack, self->service_page);
  gtk_widget_grab_focus (self->service_page);
  return ok;
}

static void
case_opened_cb (StWindow      *self,
                StServiceCase *sc)
{
  st_window_refresh (self);
  st_window_show_service_case (self, st_service_case_get_number (sc));
}

GtkWindow *
st_window_open_service_case (StWindow   *self,
                             const char *serial)
{
  StServiceDialog *dialog;

  g_return_val_if_fail (ST_IS_WINDOW (self), NULL);

  dialog = st_service_dialog_new (GTK_WINDOW (self), self->store, serial);
  g_signal_connect_object (dialog, "case-opened", G_CALLBACK (case_opened_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

/* Actions */

static void
open_service_case_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  st_window_open_service_case (ST_WINDOW (widget), g_variant_get_string (param, NULL));
}

static void
show_service_case_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  st_window_show_service_case (ST_WINDOW (widget), g_variant_get_string (param, NULL));
}

void
_st_window_add_service_views (StWindow *self)
{
  GtkWidget *box;
  GtkWidget *switcher;

  self->service_view = GTK_WIDGET (st_service_view_new ());
  self->warranty_view = GTK_WIDGET (st_warranty_view_new ());

  /* Service: the cases and the warranties expiring soon, one tab each, under one page. */
  self->service_stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_set_transition_type (self->service_stack, GTK_STACK_TRANSITION_TYPE_CROSSFADE);
  gtk_widget_set_vexpand (GTK_WIDGET (self->service_stack), TRUE);
  /* Translators: the tab of the Service page that lists the service cases */
  gtk_stack_add_titled (self->service_stack, self->service_view, "service", _("Cases"));
  gtk_stack_add_titled (self->service_stack, self->warranty_view, "warranty-expiring",
                        _("Warranty Expiring"));

  switcher = gtk_stack_switcher_new ();
  gtk_stack_switcher_set_stack (GTK_STACK_SWITCHER (switcher), self->service_stack);
  gtk_widget_set_halign (switcher, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_top (switcher, 6);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (box), switcher);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->service_stack));
  /* Translators: the page of after-sales service (warranty claims, repairs) */
  gtk_stack_add_titled (self->view_stack, box, "service-page", _("Service"));

  self->service_page = GTK_WIDGET (st_service_page_new ());
  /* No title: the header bar's switcher leaves the page out. */
  gtk_stack_add_named (self->view_stack, self->service_page, "service-case");
}

void
_st_window_class_init_service (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.open-service-case", "s",
                                   open_service_case_action);
  gtk_widget_class_install_action (widget_class, "win.show-service-case", "s",
                                   show_service_case_action);
}
