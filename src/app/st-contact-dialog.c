/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "st-contact-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "st-contact-dialog.h"
#include "st-store-editing.h"

struct _StContactDialog
{
  StEditDialog    parent_instance;

  /* Template widgets */
  GtkCheckButton *vendor_check;
  GtkCheckButton *customer_check;
  GtkEntry       *name_entry;
  GtkWidget      *details_grid;
  GtkEntry       *email_entry;
  GtkEntry       *phone_entry;
};

G_DEFINE_FINAL_TYPE (StContactDialog, st_contact_dialog, ST_TYPE_EDIT_DIALOG)

static char *
entry_text (GtkEntry *entry)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
}

/* What the worker writes: a new contact, or the changes to @old_name. */
typedef struct
{
  StContactKind  kind;
  char          *old_name;   /* NULL: a new contact */
  char          *name;
  char          *email;
  char          *phone;
} ContactCall;

static void
contact_call_free (ContactCall *call)
{
  g_free (call->old_name);
  g_free (call->name);
  g_free (call->email);
  g_free (call->phone);
  g_free (call);
}

static gpointer
contact_call_run (StStore       *connection,
                  gpointer       data,
                  GCancellable  *cancellable,
                  GError       **error)
{
  ContactCall *call = data;

  if (call->old_name != NULL)
    return st_store_edit_contact (connection, call->kind, call->old_name, call->name,
                                  call->email, call->phone, error);
  return st_store_add_contact (connection, call->kind, call->name, error);
}

static gboolean
st_contact_dialog_prepare (StEditDialog    *dialog,
                           StStoreRunFunc  *run,
                           gpointer        *data,
                           GDestroyNotify  *data_free,
                           GtkWidget      **field,
                           GError         **error)
{
  StContactDialog *self = ST_CONTACT_DIALOG (dialog);
  StContact *editing = st_edit_dialog_get_editing (dialog);
  ContactCall *call = g_new0 (ContactCall, 1);

  call->name = entry_text (self->name_entry);
  if (editing != NULL)
    {
      call->kind = st_contact_get_kind (editing);
      call->old_name = g_strdup (st_contact_get_name (editing));
      call->email = entry_text (self->email_entry);
      call->phone = entry_text (self->phone_entry);
    }
  else
    call->kind = gtk_check_button_get_active (self->customer_check)
                 ? ST_CONTACT_CUSTOMER : ST_CONTACT_VENDOR;
  *run = contact_call_run;
  *data = call;
  *data_free = (GDestroyNotify) contact_call_free;
  return TRUE;
}

/* Every refusal of a contact names its name. */
static GtkWidget *
st_contact_dialog_error_field (StEditDialog *dialog,
                               const GError *error)
{
  return GTK_WIDGET (ST_CONTACT_DIALOG (dialog)->name_entry);
}

StContactDialog *
st_contact_dialog_new (GtkWindow     *parent,
                       StStore       *store,
                       StContactKind  kind)
{
  StContactDialog *self;

  g_return_val_if_fail (ST_IS_STORE (store), NULL);

  self = g_object_new (ST_TYPE_CONTACT_DIALOG,
                       "transient-for", parent,
                       "store", store,
                       NULL);
  gtk_check_button_set_active (kind == ST_CONTACT_CUSTOMER
                               ? self->customer_check : self->vendor_check,
                               TRUE);
  /* The kind is usually right already: the name is what is typed first. */
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->name_entry));
  return self;
}

StContactDialog *
st_contact_dialog_new_edit (GtkWindow *parent,
                            StStore   *store,
                            StContact *contact)
{
  StContactDialog *self;
  const char *title;
  g_autofree char *email = NULL;
  g_autofree char *phone = NULL;

  g_return_val_if_fail (ST_IS_STORE (store), NULL);
  g_return_val_if_fail (ST_IS_CONTACT (contact), NULL);

  self = st_contact_dialog_new (parent, store, st_contact_get_kind (contact));
  /* Translators: the title of the dialog that changes a vendor or customer */
  title = _("Edit Contact");
  st_edit_dialog_set_editing (ST_EDIT_DIALOG (self), G_OBJECT (contact), title, _("_Save"));
  /* A vendor stays a vendor: its bills say so. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->vendor_check), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->customer_check), FALSE);
  gtk_widget_set_visible (self->details_grid, TRUE);
  gtk_editable_set_text (GTK_EDITABLE (self->name_entry), st_contact_get_name (contact));
  if (st_store_get_contact_details (store, st_contact_get_kind (contact),
                                    st_contact_get_name (contact), &email, &phone, NULL))
    {
      gtk_editable_set_text (GTK_EDITABLE (self->email_entry), email != NULL ? email : "");
      gtk_editable_set_text (GTK_EDITABLE (self->phone_entry), phone != NULL ? phone : "");
    }
  return self;
}

static void
st_contact_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), ST_TYPE_CONTACT_DIALOG);

  G_OBJECT_CLASS (st_contact_dialog_parent_class)->dispose (object);
}

static void
st_contact_dialog_class_init (StContactDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = st_contact_dialog_dispose;
  ST_EDIT_DIALOG_CLASS (klass)->prepare = st_contact_dialog_prepare;
  ST_EDIT_DIALOG_CLASS (klass)->error_field = st_contact_dialog_error_field;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/SerialTrack/st-contact-dialog.ui");
  st_edit_dialog_class_bind_template (widget_class);
  gtk_widget_class_bind_template_child (widget_class, StContactDialog, vendor_check);
  gtk_widget_class_bind_template_child (widget_class, StContactDialog, customer_check);
  gtk_widget_class_bind_template_child (widget_class, StContactDialog, name_entry);
  gtk_widget_class_bind_template_child (widget_class, StContactDialog, details_grid);
  gtk_widget_class_bind_template_child (widget_class, StContactDialog, email_entry);
  gtk_widget_class_bind_template_child (widget_class, StContactDialog, phone_entry);
}

static void
st_contact_dialog_init (StContactDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
