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
/* Connects as the Connect button does, without blocking: the fields wait and a spinner
 * shows while the server is asked; the outcome shows in the dialog (a password field, an
 * offer to create the inventory, the reason).  @create: make the inventory in an empty
 * database. */
void             st_connect_dialog_connect_async  (StConnectDialog     *self,
                                                   gboolean             create,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
/* The window on that database, or NULL (cancelled, or the reason is in the dialog). */
StWindow        *st_connect_dialog_connect_finish (StConnectDialog     *self,
                                                   GAsyncResult        *result);
/* Opens @location exactly as given (a --db address, the last database), in the dialog's
 * waiting state; the dialog closes itself when the window opens. */
void             st_connect_dialog_open_location  (StConnectDialog     *self,
                                                   const char          *location,
                                                   StStoreOpenFlags     flags);
/* TRUE while a connection is being made. */
gboolean         st_connect_dialog_is_connecting  (StConnectDialog     *self);

G_END_DECLS
