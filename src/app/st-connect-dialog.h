/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "st-application.h"

G_BEGIN_DECLS

#define ST_TYPE_CONNECT_DIALOG (st_connect_dialog_get_type ())
G_DECLARE_FINAL_TYPE (StConnectDialog, st_connect_dialog, ST, CONNECT_DIALOG, GtkWindow)

/* Connect to Server…: host, port, database, user and encryption, the recent connections, a
 * password when the server asks for one (kept in memory for this run, never remembered). */
StConnectDialog *st_connect_dialog_new          (GtkWindow        *parent,
                                                 StApplication    *application);
/* Fills the fields from a server address (a recent one, or one that needs a password). */
void             st_connect_dialog_set_location (StConnectDialog  *self,
                                                 const char       *location);
/* The address the fields make, without a password. */
char            *st_connect_dialog_get_location (StConnectDialog  *self);
/* Shows why the address in the fields could not be opened (NULL: nothing). */
void             st_connect_dialog_show_error   (StConnectDialog  *self,
                                                 const char       *message);
/* Shows the password field, with @message (may be NULL) as the reason. */
void             st_connect_dialog_ask_password (StConnectDialog  *self,
                                                 const char       *message);
/* Connects as the Connect button does: the window on that database, or NULL with the reason
 * shown in the dialog (and the password field, or the offer to create the inventory, when
 * that is what is missing).  With @create, an empty database gets a new inventory. */
StWindow        *st_connect_dialog_connect      (StConnectDialog  *self,
                                                 gboolean          create);

G_END_DECLS
