/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-form.c — see st-form.h. */
#include "config.h"

#include "st-form.h"

void
st_form_set_busy (GtkWidget  *form,
                  gboolean    busy,
                  GtkWidget **focus_before)
{
  GtkRoot *root;
  GtkWidget *focus;

  g_return_if_fail (form == NULL || GTK_IS_WIDGET (form));
  g_return_if_fail (focus_before != NULL);

  if (form == NULL)
    return;
  root = gtk_widget_get_root (form);
  focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  if (busy && focus != NULL && (focus == form || gtk_widget_is_ancestor (focus, form)))
    {
      g_set_weak_pointer (focus_before, focus);
      gtk_root_set_focus (root, NULL);
    }
  gtk_widget_set_sensitive (form, !busy);
  if (!busy && *focus_before != NULL)
    {
      gtk_widget_grab_focus (*focus_before);
      g_clear_weak_pointer (focus_before);
    }
}
