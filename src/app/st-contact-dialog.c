/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "st-contact-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "st-contact-dialog.h"
#include "st-store-editing.h"

struct _StContactDialog
{
  GtkWindow       parent_instance;

  /* Template widgets */
  GtkCheckButton *vendor_check;
  GtkCheckButton *customer_check;
  GtkEntry       *name_entry;
  GtkWidget      *details_grid;
  GtkEntry       *email_entry;
  GtkEntry       *phone_entry;
  GtkButton      *add_button;
  GtkLabel       *error_label;

  /* Owned */
  StStore        *store;
  StContact      *editing;  /* the contact edited, or NULL when adding one */
};

G_DEFINE_FINAL_TYPE (StContactDialog, st_contact_dialog, GTK_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

enum {
  CONTACT_ADDED,
  CONTACT_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

StContact *
st_contact_dialog_apply (StContactDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  StContactKind kind;
  StContact *contact;

  g_return_val_if_fail (ST_IS_CONTACT_DIALOG (self), NULL);

  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_widget_remove_css_class (GTK_WIDGET (self->name_entry), "error");

  kind = gtk_check_button_get_active (self->customer_check)
         ? ST_CONTACT_CUSTOMER : ST_CONTACT_VENDOR;
  name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_entry))));

  if (self->editing != NULL)
    {
      g_autofree char *email = NULL;
      g_autofree char *phone = NULL;

      email = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->email_entry))));
      phone = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->phone_entry))));
      contact = st_store_edit_contact (self->store, st_contact_get_kind (self->editing),
                                       st_contact_get_name (self->editing), name, email, phone,
                                       &error);
      if (contact != NULL)
        {
          g_set_object (&self->editing, contact);
          g_signal_emit (self, signals[CONTACT_CHANGED], 0, contact);
          return contact;
        }
    }
  else
    contact = st_store_add_contact (self->store, kind, name, &error);
  if (contact == NULL)
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      gtk_widget_add_css_class (GTK_WIDGET (self->name_entry), "error");
      gtk_widget_grab_focus (GTK_WIDGET (self->name_entry));
      return NULL;
    }

  g_signal_emit (self, signals[CONTACT_ADDED], 0, contact);
  return contact;
}

static void
add_clicked_cb (StContactDialog *self)
{
  g_autoptr(StContact) contact = st_contact_dialog_apply (self);

  if (contact != NULL)
    gtk_window_destroy (GTK_WINDOW (self));
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
  g_autofree char *email = NULL;
  g_autofree char *phone = NULL;

  g_return_val_if_fail (ST_IS_STORE (store), NULL);
  g_return_val_if_fail (ST_IS_CONTACT (contact), NULL);

  self = st_contact_dialog_new (parent, store, st_contact_get_kind (contact));
  self->editing = g_object_ref (contact);
  /* Translators: the title of the dialog that changes a vendor or customer */
  gtk_window_set_title (GTK_WINDOW (self), _("Edit Contact"));
  gtk_button_set_label (self->add_button, _("_Save"));
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

StContact *
st_contact_dialog_get_contact (StContactDialog *self)
{
  g_return_val_if_fail (ST_IS_CONTACT_DIALOG (self), NULL);

  return self->editing;
}

static void
st_contact_dialog_dispose (GObject *object)
{
  StContactDialog *self = ST_CONTACT_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ST_TYPE_CONTACT_DIALOG);
  g_clear_object (&self->store);
  g_clear_object (&self->editing);

  G_OBJECT_CLASS (st_contact_dialog_parent_class)->dispose (object);
}

static void
st_contact_dialog_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  StContactDialog *self = ST_CONTACT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
st_contact_dialog_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  StContactDialog *self = ST_CONTACT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
st_contact_dialog_class_init (StContactDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = st_contact_dialog_dispose;
  object_class->get_property = st_contact_dialog_get_property;
  object_class->set_property = st_contact_dialog_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         ST_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CONTACT_ADDED] =
    g_signal_new ("contact-added",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, ST_TYPE_CONTACT);
  signals[CONTACT_CHANGED] =
    g_signal_new ("contact-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, ST_TYPE_CONTACT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/SerialTrack/st-contact-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, StContactDialog, vendor_check);
  gtk_widget_class_bind_template_child (widget_class, StContactDialog, customer_check);
  gtk_widget_class_bind_template_child (widget_class, StContactDialog, name_entry);
  gtk_widget_class_bind_template_child (widget_class, StContactDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, StContactDialog, details_grid);
  gtk_widget_class_bind_template_child (widget_class, StContactDialog, email_entry);
  gtk_widget_class_bind_template_child (widget_class, StContactDialog, phone_entry);
  gtk_widget_class_bind_template_child (widget_class, StContactDialog, add_button);
  gtk_widget_class_bind_template_callback (widget_class, add_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
st_contact_dialog_init (StContactDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
