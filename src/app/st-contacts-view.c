/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "st-contacts-view"

#include "config.h"

#include <glib/gi18n.h>

#include "st-columns.h"
#include "st-contact-dialog.h"
#include "st-contacts-view.h"
#include "st-list-page-private.h"
#include "st-store-editing.h"
#include "st-window.h"

struct _StContactsView
{
  StListPage      parent_instance;

  /* Template widgets */
  GtkCheckButton *archived_check;
  GMenuModel     *row_menu;
};

G_DEFINE_FINAL_TYPE (StContactsView, st_contacts_view, ST_TYPE_LIST_PAGE)

static StStore *
store (StContactsView *self)
{
  return st_list_page_get_store (ST_LIST_PAGE (self));
}

static GtkWindow *
parent_window (StContactsView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
show_error (StContactsView *self,
            const char     *title,
            const GError   *error)
{
  GtkWindow *window = parent_window (self);

  if (ST_IS_WINDOW (window))
    st_window_show_error (ST_WINDOW (window), title, error);
  else
    g_warning ("%s: %s", title, error->message);
}

/* Columns */

static char *
name_text (gpointer row)
{
  return g_strdup (st_contact_get_name (row));
}

static char *
kind_text (gpointer row)
{
  return g_strdup (st_contact_get_kind (row) == ST_CONTACT_VENDOR ? _("Vendor") : _("Customer"));
}

static char *
email_text (gpointer row)
{
  return g_strdup (st_contact_get_email (row));
}

static char *
phone_text (gpointer row)
{
  return g_strdup (st_contact_get_phone (row));
}

static char *
archived_text (gpointer row)
{
  /* Translators: in the Status column of the Contacts and Warehouses lists */
  return g_strdup (st_contact_get_archived (row) ? _("Archived") : "");
}

/* Actions */

static void
update_actions (StContactsView *self,
                StContact      *contact)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean writable = store (self) != NULL && !st_store_is_read_only (store (self));

  gtk_widget_action_set_enabled (widget, "contacts.edit", contact != NULL && writable);
  gtk_widget_action_set_enabled (widget, "contacts.archive",
                                 contact != NULL && writable && !st_contact_get_archived (contact));
  gtk_widget_action_set_enabled (widget, "contacts.restore",
                                 contact != NULL && writable && st_contact_get_archived (contact));
  gtk_widget_action_set_enabled (widget, "contacts.delete", contact != NULL && writable);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  StContactsView *self = ST_CONTACTS_VIEW (widget);
  StContact *contact = _st_list_page_get_selected (ST_LIST_PAGE (self));
  StContactDialog *dialog;

  if (contact == NULL || store (self) == NULL)
    return;
  dialog = st_contact_dialog_new_edit (parent_window (self), store (self), contact);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
set_archived (StContactsView *self,
              gboolean        archived)
{
  StContact *contact = _st_list_page_get_selected (ST_LIST_PAGE (self));
  g_autoptr(GError) error = NULL;

  if (contact == NULL || store (self) == NULL)
    return;
  if (!st_store_set_contact_archived (store (self), st_contact_get_kind (contact),
                                      st_contact_get_name (contact), archived, &error))
    show_error (self, archived ? _("The contact was not archived")
                               : _("The contact was not restored"), error);
  st_list_page_refresh (ST_LIST_PAGE (self));
}

static void
archive_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  set_archived (ST_CONTACTS_VIEW (widget), TRUE);
}

static void
restore_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  set_archived (ST_CONTACTS_VIEW (widget), FALSE);
}

static void
delete_response_cb (GtkDialog *dialog,
                    int        response,
                    gpointer   user_data)
{
  StContactsView *self = ST_CONTACTS_VIEW (user_data);
  StContact *contact = g_object_get_data (G_OBJECT (dialog), "st-contact");
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT && store (self) != NULL
      && !st_store_delete_contact (store (self), st_contact_get_kind (contact),
                                   st_contact_get_name (contact), &error))
    show_error (self, _("The contact was not deleted"), error);
  gtk_window_destroy (GTK_WINDOW (dialog));
  st_list_page_refresh (ST_LIST_PAGE (self));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  StContactsView *self = ST_CONTACTS_VIEW (widget);
  StContact *contact = _st_list_page_get_selected (ST_LIST_PAGE (self));
  GtkWidget *dialog;
  GtkWidget *button;

  if (contact == NULL || store (self) == NULL)
    return;
  dialog = gtk_message_dialog_new (parent_window (self), GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE,
                                   st_contact_get_kind (contact) == ST_CONTACT_VENDOR
                                   /* Translators: %s is a vendor's name */
                                   ? _("Delete vendor “%s”?")
                                   /* Translators: %s is a customer's name */
                                   : _("Delete customer “%s”?"),
                                   st_contact_get_name (contact));
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s",
                                            _("Only a contact that no document uses can be "
                                              "deleted; archive one that history uses."));
  gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Cancel"), GTK_RESPONSE_CANCEL);
  button = gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Delete"), GTK_RESPONSE_ACCEPT);
  gtk_widget_add_css_class (button, "destructive-action");
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  g_object_set_data_full (G_OBJECT (dialog), "st-contact", g_object_ref (contact),
                          g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
archived_toggled_cb (StContactsView *self)
{
  if (store (self) != NULL)
    _st_list_page_reload (ST_LIST_PAGE (self));
}

/* A double click (or Enter) on a contact opens its edit dialog. */
static void
activate_cb (StContactsView *self,
             guint           position)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "contacts.edit", NULL);
}

/* StListPage */

static StListModel *
st_contacts_view_create_model (StListPage *page,
                               StStore    *store)
{
  StContactsView *self = ST_CONTACTS_VIEW (page);

  return st_store_list_contact_rows (store, gtk_check_button_get_active (self->archived_check));
}

static char *
st_contacts_view_format_count (StListPage *page,
                               guint       n_rows)
{
  /* Translators: the number of vendors and customers listed */
  return g_strdup_printf (ngettext ("%u contact", "%u contacts", n_rows), n_rows);
}

static gint64
st_contacts_view_get_row_id (StListPage *page,
                             gpointer    row)
{
  return st_contact_get_id (row);
}

static void
st_contacts_view_row_selected (StListPage *page,
                               gpointer    row)
{
  update_actions (ST_CONTACTS_VIEW (page), row);
}

static gboolean
st_contacts_view_is_narrowed (StListPage *page)
{
  return !gtk_check_button_get_active (ST_CONTACTS_VIEW (page)->archived_check);
}

StContactsView *
st_contacts_view_new (void)
{
  return g_object_new (ST_TYPE_CONTACTS_VIEW, NULL);
}

static void
st_contacts_view_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), ST_TYPE_CONTACTS_VIEW);

  G_OBJECT_CLASS (st_contacts_view_parent_class)->dispose (object);
}

static void
st_contacts_view_class_init (StContactsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  StListPageClass *page_class = ST_LIST_PAGE_CLASS (klass);

  object_class->dispose = st_contacts_view_dispose;
  page_class->create_model = st_contacts_view_create_model;
  page_class->format_count = st_contacts_view_format_count;
  page_class->get_row_id = st_contacts_view_get_row_id;
  page_class->row_selected = st_contacts_view_row_selected;
  page_class->is_narrowed = st_contacts_view_is_narrowed;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/SerialTrack/st-contacts-view.ui");
  gtk_widget_class_bind_template_child (widget_class, StContactsView, archived_check);
  gtk_widget_class_bind_template_child (widget_class, StContactsView, row_menu);
  gtk_widget_class_bind_template_callback (widget_class, archived_toggled_cb);

  gtk_widget_class_install_action (widget_class, "contacts.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "contacts.archive", NULL, archive_action);
  gtk_widget_class_install_action (widget_class, "contacts.restore", NULL, restore_action);
  gtk_widget_class_install_action (widget_class, "contacts.delete", NULL, delete_action);
}

static void
st_contacts_view_init (StContactsView *self)
{
  GtkColumnView *column_view = _st_list_page_get_column_view (ST_LIST_PAGE (self));

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_accessible_update_property (GTK_ACCESSIBLE (column_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Contacts"),
                                  -1);
  st_columns_append (column_view, _("Name"), name_text, ST_COLUMN_EXPAND, ST_SORT_NAME);
  /* Translators: column title: vendor or customer */
  st_columns_append (column_view, C_("contact", "Kind"), kind_text, ST_COLUMN_TEXT,
                     ST_SORT_STATUS);
  st_columns_append (column_view, _("E-mail"), email_text, ST_COLUMN_TEXT, ST_SORT_DEFAULT);
  st_columns_append (column_view, _("Phone"), phone_text, ST_COLUMN_TEXT, ST_SORT_DEFAULT);
  st_columns_append (column_view, _("Status"), archived_text, ST_COLUMN_DIM, ST_SORT_DEFAULT);
  st_columns_follow_sorter (column_view);

  g_signal_connect_object (column_view, "activate", G_CALLBACK (activate_cb), self,
                           G_CONNECT_SWAPPED);
  _st_list_page_set_context_menu (ST_LIST_PAGE (self), self->row_menu);
  update_actions (self, NULL);
}
