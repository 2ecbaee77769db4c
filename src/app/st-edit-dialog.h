/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-edit-dialog.h — the base of the small forms that add or change one record of master data
 * (a contact, a warehouse, an item): the store they write to, the record edited (NULL when
 * adding), the error shown under the form with the field it names marked, Add/Save writing the
 * form in the store's worker (never on the main thread) and closing it, Escape closing it, and the "added" / "changed" signals.  A subclass's
 * template names StEditDialog as its parent and has an "error_label" (GtkLabel) and an
 * "add_button" (GtkButton, its "clicked" signal handled by "add_clicked_cb"); its class_init
 * calls st_edit_dialog_class_bind_template() after setting the template. */
#pragma once

#include <gtk/gtk.h>
#include "st-store.h"

G_BEGIN_DECLS

#define ST_TYPE_EDIT_DIALOG (st_edit_dialog_get_type ())
G_DECLARE_DERIVABLE_TYPE (StEditDialog, st_edit_dialog, ST, EDIT_DIALOG, GtkWindow)

struct _StEditDialogClass
{
  GtkWindowClass parent_class;

  /* Reads the form into a call for the store's worker (required): *@run, given the worker's
   * connection and *@data, answers the record added, or the edited one as saved (a new
   * reference), or NULL with its error; *@data_free frees *@data.  FALSE with @error set
   * (and *@field set to the widget to mark, or left NULL) when the form itself is wrong. */
  gboolean   (*prepare)     (StEditDialog    *self,
                             StStoreRunFunc  *run,
                             gpointer        *data,
                             GDestroyNotify  *data_free,
                             GtkWidget      **field,
                             GError         **error);
  /* The widget to mark for the worker's refusal @error (required; may answer NULL). */
  GtkWidget *(*error_field) (StEditDialog    *self,
                             const GError    *error);
};

void        st_edit_dialog_class_bind_template (GtkWidgetClass *widget_class);

StStore    *st_edit_dialog_get_store   (StEditDialog *self);
/* The record edited, as last saved (or as given); NULL when adding. */
gpointer    st_edit_dialog_get_editing (StEditDialog *self);
/* Edit mode: the form changes @editing; the window gets @title and the button @button_label. */
void        st_edit_dialog_set_editing (StEditDialog *self,
                                        GObject      *editing,
                                        const char   *title,
                                        const char   *button_label);
/* What Add (Save) does: writes the form in the store's worker, the form insensitive meanwhile;
 * written, emits "added" or "changed" (with the record) and closes; refused, shows why in the
 * form.  FALSE (the form's own error shown) when nothing was started, or while writing. */
gboolean    st_edit_dialog_apply       (StEditDialog *self);
/* TRUE while the form is being written. */
gboolean    st_edit_dialog_is_busy     (StEditDialog *self);
/* Add (Save) as its button does, when the button is sensitive: for Enter in a field whose
 * own Enter does not reach the window's default (a spin button's). */
void        st_edit_dialog_activate_add (StEditDialog *self);
/* Shows @error under the form and marks @field (may be NULL) and focuses it. */
void        st_edit_dialog_show_error  (StEditDialog *self,
                                        GtkWidget    *field,
                                        const GError *error);

G_END_DECLS
