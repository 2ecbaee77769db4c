/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "st-window"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "st-contact-dialog.h"
#include "st-document-actions.h"
#include "st-documents-view.h"
#include "st-item-dialog.h"
#include "st-items-view.h"
#include "st-units-view.h"
#include "st-serial.h"
#include "st-store-search.h"
#include "st-warehouse-dialog.h"
#include "st-window-private.h"

/* How many units the serial search offers at most. */
#define SEARCH_LIMIT 50

/* The views' "New Bill"… buttons and Ctrl+N point at "win.new-document" with the kind's
 * machine name (st_doc_kind_to_string) as target; st-document-actions.c opens the editor. */

/* gtk_list_box_remove_all() is GTK 4.12. */
static void
remove_all_rows (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
item_added_cb (StWindow *self,
               StItem   *item)
{
  st_window_refresh (self);
  st_window_show_view (self, "items");
  st_list_page_select_id (ST_LIST_PAGE (self->items_view), st_item_get_id (item));
}

static void
new_item_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  StWindow *self = ST_WINDOW (widget);
  StItemDialog *dialog;

  dialog = st_item_dialog_new (GTK_WINDOW (self), self->store);
  g_signal_connect_object (dialog, "added", G_CALLBACK (item_added_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
new_warehouse_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  StWindow *self = ST_WINDOW (widget);
  StWarehouseDialog *dialog;

  dialog = st_warehouse_dialog_new (GTK_WINDOW (self), self->store);
  g_signal_connect_object (dialog, "added", G_CALLBACK (st_window_refresh),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
new_contact_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  StWindow *self = ST_WINDOW (widget);
  StContactDialog *dialog;
  StContactKind kind = ST_CONTACT_VENDOR;
  GtkWidget *visible;

  /* Invoices and sales returns are about customers; everything else about vendors. */
  visible = gtk_stack_get_visible_child (self->view_stack);
  if (visible == self->document_views[ST_DOC_INVOICE]
      || (visible == gtk_widget_get_parent (GTK_WIDGET (self->returns_stack))
          && gtk_stack_get_visible_child (self->returns_stack)
             == self->document_views[ST_DOC_RETURN]))
    kind = ST_CONTACT_CUSTOMER;

  dialog = st_contact_dialog_new (GTK_WINDOW (self), self->store, kind);
  g_signal_connect_object (dialog, "added", G_CALLBACK (st_window_refresh),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Ctrl+N: a new thing of the kind the visible view lists. */
static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  StWindow *self = ST_WINDOW (widget);
  GtkWidget *visible = gtk_stack_get_visible_child (self->view_stack);
  StDocKind kind;

  if (visible == self->items_view)
    {
      gtk_widget_activate_action (widget, "win.new-item", NULL);
      return;
    }

  if (_st_window_inner_view (self, visible) == self->service_view)
    {
      gtk_widget_activate_action (widget, "win.open-service-case", "s", "");
      return;
    }

  if (visible == gtk_widget_get_parent (GTK_WIDGET (self->returns_stack)))
    visible = gtk_stack_get_visible_child (self->returns_stack);

  if (!ST_IS_DOCUMENTS_VIEW (visible))
    return;

  kind = st_documents_view_get_kind (ST_DOCUMENTS_VIEW (visible));
  if (!gtk_widget_activate_action (widget, "win.new-document", "s",
                                   st_doc_kind_to_string (kind)))
    gtk_widget_error_bell (widget);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  StWindow *self = ST_WINDOW (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

static void
filter_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  StWindow *self = ST_WINDOW (widget);
  GtkWidget *visible = _st_window_inner_view (self,
                                              gtk_stack_get_visible_child (self->view_stack));

  if (ST_IS_LIST_PAGE (visible))
    st_list_page_focus_filter (ST_LIST_PAGE (visible));
}

static void
show_unit_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  st_window_show_unit (ST_WINDOW (widget), g_variant_get_int64 (param));
}

static void
view_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  st_window_show_view (ST_WINDOW (widget), g_variant_get_string (param, NULL));
}

static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  st_window_refresh (ST_WINDOW (widget));
}

static gpointer
load_sample_data_run (StStore       *connection,
                      gpointer       data,
                      GCancellable  *cancellable,
                      GError       **error)
{
  return st_store_load_sample_data (connection, error) ? GINT_TO_POINTER (TRUE) : NULL;
}

static void
load_sample_data_done_cb (GObject      *source,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  g_autoptr(StWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (st_store_run_finish (ST_STORE (source), result, &error) == NULL)
    st_window_show_error (self, _("Could not load the sample data"), error);
  st_window_refresh (self);
}

/* The sample documents are posted in the store's worker: the window goes on meanwhile. */
static void
load_sample_data_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  StWindow *self = ST_WINDOW (widget);

  gtk_info_bar_set_revealed (self->sample_bar, FALSE);
  st_store_run_async (self->store, load_sample_data_run, NULL, NULL, NULL, TRUE, NULL,
                      load_sample_data_done_cb, g_object_ref (self));
}

/* The serial search */

/* Of a unit found by its customer's or vendor's name: which of the two, with the name. */
static char *
contact_line (StUnit     *unit,
              const char *needle)
{
  g_autofree char *folded = g_utf8_casefold (needle, -1);
  const char *customer = st_unit_get_customer (unit);
  const char *vendor = st_unit_get_vendor (unit);

  if (customer != NULL)
    {
      g_autofree char *name = g_utf8_casefold (customer, -1);

      if (strstr (name, folded) != NULL || vendor == NULL)
        /* Translators: a unit found by the search through its customer's name (%s) */
        return g_strdup_printf (_("Customer: %s"), customer);
    }
  if (vendor != NULL)
    /* Translators: a unit found by the search through its vendor's name (%s) */
    return g_strdup_printf (_("Vendor: %s"), vendor);
  return NULL;
}

static void
search_service_clicked_cb (GtkButton *button,
                           StWindow  *self)
{
  g_autofree char *serial = g_strdup (g_object_get_data (G_OBJECT (button), "serial"));

  /* The dialog takes over: the search is done with (the popover's rows go with it). */
  gtk_popover_popdown (self->search_popover);
  st_window_open_service_case (self, serial);
}

/* A unit the customer has (sold) can come back: its row offers Open Service Case… beside the
 * text, unless nothing may be written. */
static GtkWidget *
search_row_service (StWindow  *self,
                    StUnit    *unit,
                    GtkWidget *text)
{
  GtkWidget *box;
  GtkWidget *button;

  if (st_unit_get_status (unit) != ST_UNIT_SOLD || st_store_is_read_only (self->store))
    return text;
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (box), text);
  button = gtk_button_new_with_mnemonic (_("Open Service _Case…"));
  gtk_widget_set_name (button, "search-service-button");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_end (button, 6);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("The customer brought this unit back: open a warranty "
                                         "claim or repair"));
  g_object_set_data_full (G_OBJECT (button), "serial", g_strdup (st_unit_get_serial (unit)),
                          g_free);
  g_signal_connect_object (button, "clicked", G_CALLBACK (search_service_clicked_cb), self, 0);
  gtk_box_append (GTK_BOX (box), button);
  return box;
}

static GtkWidget *
search_row_new (StWindow      *self,
                StUnit        *unit,
                StSearchMatch  match,
                const char    *needle)
{
  g_autofree char *detail = NULL;
  g_autofree char *contact = NULL;
  GtkWidget *box;
  GtkWidget *label;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);

  label = gtk_label_new (st_unit_get_serial (unit));
  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_MIDDLE);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (box), label);

  /* Translators: a unit found by the serial search: SKU (%1$s), item name (%2$s) and status
   * (%3$s), e.g. "PHN-X1 — Phone X1 · In stock" */
  detail = g_strdup_printf (_("%1$s — %2$s · %3$s"),
                            st_unit_get_sku (unit),
                            st_unit_get_item_name (unit),
                            st_unit_status_to_label (st_unit_get_status (unit)));
  label = gtk_label_new (detail);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 48);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (box), label);

  if (match == ST_SEARCH_MATCH_CONTACT && (contact = contact_line (unit, needle)) != NULL)
    {
      label = gtk_label_new (contact);
      gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 48);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (box), label);
    }

  return search_row_service (self, unit, box);
}

static void
show_search_message (StWindow   *self,
                     const char *message)
{
  gtk_label_set_text (self->search_message_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->search_message_label), TRUE);
  gtk_widget_set_visible (self->search_results_scroller, FALSE);
  gtk_popover_popup (self->search_popover);
}

/* How many units the search found by their whole serial (they come first). */
static guint
n_exact_matches (StSearchResult *result)
{
  guint n = 0;

  while (n < result->matches->len
         && g_array_index (result->matches, StSearchMatch, n) == ST_SEARCH_MATCH_EXACT)
    n++;
  return n;
}

/* Lists @result's units.  !@final: the quick steps' units while the whole search runs. */
static void
show_search_results (StWindow       *self,
                     StSearchResult *result,
                     const char     *needle,
                     gboolean        final)
{
  GPtrArray *units = result->units;
  g_autofree char *message = NULL;

  remove_all_rows (self->search_results);
  g_array_set_size (self->search_ids, 0);

  for (guint i = 0; i < units->len; i++)
    {
      StUnit *unit = g_ptr_array_index (units, i);
      gint64 id = st_unit_get_id (unit);
      StSearchMatch match = g_array_index (result->matches, StSearchMatch, i);

      gtk_list_box_append (self->search_results, search_row_new (self, unit, match, needle));
      g_array_append_val (self->search_ids, id);
    }

  if (!final)
    /* Translators: shown while the search looks through every serial and name */
    message = g_strdup (_("Searching…"));
  else if (units->len == 0)
    /* Translators: the search found nothing; %s is what was typed or scanned */
    message = g_strdup_printf (_("No unit, customer or vendor matches “%s”"), needle);
  else if (result->more)
    /* Translators: the serial search shows only the first %u units found */
    message = g_strdup_printf (ngettext ("The first %u match; type more of the serial.",
                                         "The first %u matches; type more of the serial.",
                                         units->len),
                               units->len);
  else
    /* Translators: the number of units whose serial matches the search */
    message = g_strdup_printf (ngettext ("%u unit matches", "%u units match", units->len),
                               units->len);
  gtk_label_set_text (self->search_message_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->search_message_label), TRUE);
  gtk_widget_set_visible (self->search_results_scroller, units->len > 0);
  gtk_popover_popup (self->search_popover);
}

typedef struct
{
  StWindow     *window;       /* a reference */
  GCancellable *cancellable;  /* a reference */
  char         *needle;
} SearchCall;

static void
search_call_free (SearchCall *call)
{
  g_object_unref (call->window);
  g_object_unref (call->cancellable);
  g_free (call->needle);
  g_free (call);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SearchCall, search_call_free)

static void
search_done_cb (GObject      *source,
                GAsyncResult *res,
                gpointer      user_data)
{
  g_autoptr(SearchCall) call = user_data;
  g_autoptr(StSearchResult) result = NULL;
  g_autoptr(GError) error = NULL;
  StWindow *self = call->window;

  result = st_store_search_finish (ST_STORE (source), res, &error);
  /* New input, a newer search or the window's end: this answer is nobody's any more (the
   * worker may have finished before the cancellation). */
  if (g_cancellable_is_cancelled (call->cancellable))
    return;
  g_clear_object (&self->search_cancellable);
  if (result == NULL)
    show_search_message (self, error->message);
  else
    show_search_results (self, result, call->needle, TRUE);
}

/* Returns whether a search was running. */
static gboolean
cancel_search (StWindow *self)
{
  if (self->search_cancellable == NULL)
    return FALSE;
  g_cancellable_cancel (self->search_cancellable);
  g_clear_object (&self->search_cancellable);
  return TRUE;
}

gboolean
st_window_is_searching (StWindow *self)
{
  g_return_val_if_fail (ST_IS_WINDOW (self), FALSE);

  return self->search_cancellable != NULL;
}

guint
st_window_search_serial (StWindow   *self,
                         const char *text)
{
  g_autoptr(StSearchResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *needle = NULL;
  SearchCall *call;

  g_return_val_if_fail (ST_IS_WINDOW (self), 0);
  g_return_val_if_fail (text != NULL, 0);

  cancel_search (self);
  gtk_popover_popdown (self->search_popover);
  remove_all_rows (self->search_results);
  g_array_set_size (self->search_ids, 0);

  needle = g_strstrip (g_strdup (text));
  if (*needle == '\0')
    return 0;

  /* The whole serial, its last digits (read off a box), its start: index range scans, quick
   * enough for the main thread on a million units. */
  result = st_store_search (self->store, needle, ST_SEARCH_QUICK, SEARCH_LIMIT, &error);
  if (result == NULL)
    {
      show_search_message (self, error->message);
      return 0;
    }

  /* One unit with exactly that serial wins over longer serials that start with it: a
   * scanned "SN-1" opens SN-1, not a list with SN-10 … SN-19. */
  if (result->units->len == 1 || n_exact_matches (result) == 1)
    {
      st_window_show_unit (self, st_unit_get_id (g_ptr_array_index (result->units, 0)));
      return 1;
    }

  /* What the quick steps found at once; then any part of a serial and customers' and
   * vendors' names, a scan of every serial (~300 ms on a million units) in the store's
   * worker, on its own connection, while the window goes on. */
  show_search_results (self, result, needle, FALSE);
  self->search_cancellable = g_cancellable_new ();
  call = g_new0 (SearchCall, 1);
  call->window = g_object_ref (self);
  call->cancellable = g_object_ref (self->search_cancellable);
  call->needle = g_strdup (needle);
  st_store_search_async (self->store, needle, ST_SEARCH_ALL, SEARCH_LIMIT,
                         self->search_cancellable, search_done_cb, call);

  return result->units->len;
}

static void
search_changed_cb (StWindow *self)
{
  /* New input: the running search's answer would be to an old question, and its "Searching…"
   * with it. */
  if (cancel_search (self))
    gtk_popover_popdown (self->search_popover);
}

static void
search_activate_cb (StWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  /* A scanner types the serial and presses Enter: after a single hit, clear the entry so the
   * next scan starts afresh. */
  if (st_window_search_serial (self, text) == 1)
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
search_stop_cb (StWindow *self)
{
  gtk_popover_popdown (self->search_popover);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
search_result_activated_cb (StWindow      *self,
                            GtkListBoxRow *row)
{
  int index = gtk_list_box_row_get_index (row);

  if (index < 0 || (guint) index >= self->search_ids->len)
    return;

  gtk_popover_popdown (self->search_popover);
  st_window_show_unit (self, g_array_index (self->search_ids, gint64, index));
}

void
_st_window_update_actions (StWindow *self)
{
  static const char * const writing[] = {
    "win.new", "win.new-document", "win.new-item", "win.new-warehouse", "win.new-contact",
    "win.open-service-case",
  };
  /* A read-only role (or file) may look and export: nothing that writes is offered. */
  gboolean writable = self->store != NULL && !st_store_is_read_only (self->store);

  for (guint i = 0; i < G_N_ELEMENTS (writing); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), writing[i], writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.load-sample-data",
                                 writable && st_store_is_empty (self->store));
}

void
_st_window_init_actions (StWindow *self)
{
  self->search_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  /* The popover hangs from the search entry it answers. */
  gtk_widget_set_parent (GTK_WIDGET (self->search_popover), GTK_WIDGET (self->search_entry));
  /* A barcode scanner "types" the serial wherever the focus is: send it to the search. */
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));
  g_signal_connect_object (self->search_entry, "changed", G_CALLBACK (search_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

void
_st_window_dispose_actions (StWindow *self)
{
  if (self->search_popover != NULL
      && gtk_widget_get_parent (GTK_WIDGET (self->search_popover)) != NULL)
    gtk_widget_unparent (GTK_WIDGET (self->search_popover));

  cancel_search (self);
  g_clear_pointer (&self->search_ids, g_array_unref);
}

void
_st_window_class_init_actions (GtkWidgetClass *widget_class)
{
  static const char * const view_names[] = {
    "items", "units", "bills", "invoices", "transfers", "adjustments", "returns",
  };

  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_stop_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_result_activated_cb);

  gtk_widget_class_install_action (widget_class, "win.new-item", NULL, new_item_action);
  gtk_widget_class_install_action (widget_class, "win.new-warehouse", NULL,
                                   new_warehouse_action);
  gtk_widget_class_install_action (widget_class, "win.new-contact", NULL, new_contact_action);
  gtk_widget_class_install_action (widget_class, "win.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "win.new-document", "s",
                                   st_document_actions_new_document);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.filter", NULL, filter_action);
  gtk_widget_class_install_action (widget_class, "win.show-unit", "x", show_unit_action);
  gtk_widget_class_install_action (widget_class, "win.view", "s", view_action);
  gtk_widget_class_install_action (widget_class, "win.refresh", NULL, refresh_action);
  gtk_widget_class_install_action (widget_class, "win.load-sample-data", NULL,
                                   load_sample_data_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK,
                                       "win.filter", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "win.new", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "win.refresh", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (view_names); i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_CONTROL_MASK,
                                         "win.view", "s", view_names[i]);
}
