/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-form.h — a form that waits while the store's worker writes. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Makes @form insensitive while @busy, sensitive again after.  When the keyboard focus is in
 * @form it leaves first and comes back after: a text entry made insensitive with the focus in
 * it gets no focus-out, and its blinking cursor then warns ("GtkText - did not receive a
 * focus-out event").  @focus_before, the caller's, NULL at first, keeps (weakly) where the
 * focus was until then.  A NULL @form (a window without its child yet) does nothing. */
void st_form_set_busy (GtkWidget  *form,
                       gboolean    busy,
                       GtkWidget **focus_before);

G_END_DECLS
