/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "st-edit-dialog.h"

G_BEGIN_DECLS

#define ST_TYPE_CONTACT_DIALOG (st_contact_dialog_get_type ())
G_DECLARE_FINAL_TYPE (StContactDialog, st_contact_dialog, ST, CONTACT_DIALOG, StEditDialog)

/* Adds a vendor or a customer.  A refusal is shown in the dialog and nothing is written; on
 * success it emits "added" (StContact) and closes. */
StContactDialog *st_contact_dialog_new   (GtkWindow       *parent,
                                          StStore         *store,
                                          StContactKind    kind);
/* The same form filled in with @contact (its name, e-mail address and phone number), saving
 * through st_store_edit_contact(); a vendor stays a vendor.  On success it emits
 * "changed" (StContact) and closes. */
StContactDialog *st_contact_dialog_new_edit (GtkWindow     *parent,
                                             StStore       *store,
                                             StContact     *contact);

G_END_DECLS
