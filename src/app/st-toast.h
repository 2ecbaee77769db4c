/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-toast.h — a short message at the bottom of the window (in an overlay), with "Open" for a
 * file just written.  GTK 4.8 has no AdwToast; this is the small part of one we need. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define ST_TYPE_TOAST (st_toast_get_type ())
G_DECLARE_FINAL_TYPE (StToast, st_toast, ST, TOAST, GtkWidget)

StToast    *st_toast_new         (void);
/* Shows @message, with an "Open" button when @file is given, for a few seconds (longer while
 * the pointer or the keyboard focus is on it). */
void        st_toast_show        (StToast    *self,
                                  const char *message,
                                  GFile      *file);
void        st_toast_dismiss     (StToast    *self);
gboolean    st_toast_get_shown   (StToast    *self);
const char *st_toast_get_message (StToast    *self);
/* The file "Open" opens, or NULL. */
GFile      *st_toast_get_file    (StToast    *self);

G_END_DECLS
