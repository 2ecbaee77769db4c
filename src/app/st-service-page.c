/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "st-service-page"

#include "config.h"

#include <glib/gi18n.h>

#include "st-form.h"
#include "st-facts.h"
#include "st-format.h"
#include "st-parse.h"
#include "st-service-close-dialog.h"
#include "st-service-page.h"
#include "st-service-part-dialog.h"
#include "st-store-service.h"

struct _StServicePage
{
  GtkWidget      parent_instance;

  /* Template widgets */
  GtkWidget     *scroller;
  GtkLabel      *number_label;
  GtkLabel      *subtitle_label;
  GtkLabel      *status_label;
  GtkWidget     *start_button;
  GtkWidget     *ready_button;
  GtkWidget     *part_button;
  GtkWidget     *close_button;
  GtkWidget     *cancel_button;
  GtkWidget     *reopen_button;
  GtkGrid       *facts_grid;
  GtkWidget     *warranty_box;
  GtkImage      *warranty_icon;
  GtkLabel      *warranty_label;
  GtkLabel      *error_label;
  GtkEntry      *note_entry;
  GtkListBox    *log_list;

  /* Owned */
  StStore       *store;
  StServiceCase *sc;
  char          *number;
  char          *status_class;
  GPtrArray     *log_texts;   /* char*, as listed */
  GtkWindow     *dialog;      /* weak */
  gboolean       busy;        /* a step is running in the store's worker */
  GtkWidget     *note_focus_before;  /* weak: the note entry, while a step runs */
  gboolean       noting;      /* that step is a note: the entry empties when it is written */
};

G_DEFINE_FINAL_TYPE (StServicePage, st_service_page, GTK_TYPE_WIDGET)

/* A unit's serial that opens its page. */
static gboolean
unit_link_cb (GtkLinkButton *button,
              StServicePage *self)
{
  gint64 *id = g_object_get_data (G_OBJECT (button), "st-unit-id");

  if (id != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-unit", "x", *id);
  return TRUE;
}

static GtkWidget *
unit_link_new (StServicePage *self,
               const char    *serial,
               gint64         unit_id)
{
  GtkWidget *button = gtk_link_button_new_with_label ("st-unit:", serial);
  g_autofree char *tooltip = NULL;

  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_widget_add_css_class (button, "inline-link");
  g_object_set_data_full (G_OBJECT (button), "st-unit-id", g_memdup2 (&unit_id, sizeof unit_id),
                          g_free);
  /* Translators: tooltip of a serial on a service case's page; %s is the serial */
  tooltip = g_strdup_printf (_("Open the history of %s"), serial);
  gtk_widget_set_tooltip_text (button, tooltip);
  g_signal_connect_object (button, "activate-link", G_CALLBACK (unit_link_cb), self, 0);
  return button;
}

static void
set_status (StServicePage   *self,
            StServiceStatus  status)
{
  st_facts_set_status (self->status_label, &self->status_class,
                       st_service_status_to_label (status),
                       "service-", st_service_status_to_string (status));
}

/* The warranty badge: the unit's warranty when it came in. */
static void
set_warranty (StServicePage *self,
              StServiceCase *sc)
{
  g_autofree char *date = st_format_date (st_service_case_get_warranty_end (sc));
  g_autofree char *text = NULL;

  gtk_widget_remove_css_class (self->warranty_box, "warranty-active");
  gtk_widget_remove_css_class (self->warranty_box, "warranty-expired");
  switch (st_service_case_get_warranty_status (sc))
    {
    case ST_WARRANTY_UNDER:
      /* Translators: a service case's unit came in under warranty; %s is the warranty end */
      text = g_strdup_printf (_("Under warranty at intake (until %s)"), date);
      gtk_image_set_from_icon_name (self->warranty_icon, "security-high-symbolic");
      gtk_widget_add_css_class (self->warranty_box, "warranty-active");
      break;

    case ST_WARRANTY_EXPIRED:
      /* Translators: a service case's unit came in after its warranty ended on %s */
      text = g_strdup_printf (_("Warranty expired at intake (ended on %s)"), date);
      gtk_image_set_from_icon_name (self->warranty_icon, "security-low-symbolic");
      gtk_widget_add_css_class (self->warranty_box, "warranty-expired");
      break;

    case ST_WARRANTY_NONE:
    default:
      /* Translators: a service case's unit had no warranty of ours (or we never sold it) */
      text = g_strdup (_("No warranty of ours at intake"));
      gtk_image_set_from_icon_name (self->warranty_icon, "security-low-symbolic");
      break;
    }
  gtk_label_set_text (self->warranty_label, text);
}

static char *
log_entry_text (StServiceLogEntry *entry)
{
  switch (entry->kind)
    {
    case ST_SERVICE_LOG_PART:
      {
        g_autofree char *quantity = st_format_quantity (entry->quantity);
        g_autofree char *cost = st_format_money (entry->cost);
        g_autofree char *part = NULL;

        /* Translators: a part used on a service case: quantity (%1$s), SKU (%2$s), item name
         * (%3$s) and cost per piece (%4$s), e.g. "Part: 1 × BAT-1 Battery, 12.00 each" */
        part = g_strdup_printf (_("Part: %1$s × %2$s %3$s, %4$s each"), quantity, entry->sku,
                                entry->item_name, cost);
        if (entry->serials == NULL || *entry->serials == '\0')
          return g_steal_pointer (&part);
        /* Translators: a part (%1$s) and the serials of its units (%2$s) */
        return g_strdup_printf (_("%1$s (%2$s)"), part, entry->serials);
      }

    case ST_SERVICE_LOG_STATUS:
      {
        StServiceStatus status;

        if (entry->text != NULL && st_service_status_from_string (entry->text, &status))
          /* Translators: a status change in a service case's log, e.g. "Status: In repair" */
          return g_strdup_printf (_("Status: %s"), st_service_status_to_label (status));
        return g_strdup (entry->text);
      }

    case ST_SERVICE_LOG_NOTE:
    default:
      return g_strdup (entry->text);
    }
}

static GtkWidget *
log_row_new (StServiceLogEntry *entry,
             const char        *text)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  g_autofree char *date = st_format_date (entry->date);
  GtkWidget *label;

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);

  label = gtk_label_new (date);
  gtk_label_set_yalign (GTK_LABEL (label), 0.0f);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "numeric");
  gtk_box_append (GTK_BOX (box), label);

  label = gtk_label_new (text);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_hexpand (label, TRUE);
  if (entry->kind == ST_SERVICE_LOG_STATUS)
    gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (box), label);

  return box;
}

/* The facts: the unit and the customer on the left (column 0), the outcome on the right. */
static void
fill_facts (StServicePage *self,
            StServiceCase *sc)
{
  GtkGrid *facts = self->facts_grid;
  g_autofree char *item = NULL;
  g_autofree char *opened = st_format_date (st_service_case_get_date (sc));
  g_autofree char *closed = st_format_date (st_service_case_get_closed_date (sc));
  g_autofree char *today = NULL;
  g_autofree char *days = NULL;
  g_autofree char *charge = NULL;
  g_autofree char *parts = NULL;
  g_autofree char *refund = NULL;
  StServiceResolution resolution = st_service_case_get_resolution (sc);
  int left = 0;
  int right = 0;

  st_facts_add (facts, 0, &left, _("Unit"),
                unit_link_new (self, st_service_case_get_serial (sc),
                               st_service_case_get_unit_id (sc)));
  /* Translators: an item's name (%1$s) and SKU (%2$s), e.g. "Phone X1 · PHN-X1" */
  item = g_strdup_printf (_("%1$s · %2$s"), st_service_case_get_item_name (sc),
                          st_service_case_get_sku (sc));
  st_facts_add_text (facts, 0, &left, _("Item"), item, FALSE);
  st_facts_add_text (facts, 0, &left, _("Customer"), st_service_case_get_customer (sc), FALSE);
  /* Translators: the warehouse where a unit in service is kept */
  st_facts_add_text (facts, 0, &left, _("Service desk"), st_service_case_get_warehouse (sc), FALSE);
  /* Translators: what the customer says is wrong with a unit brought back */
  st_facts_add_text (facts, 0, &left, _("Complaint"), st_service_case_get_complaint (sc), FALSE);

  if (resolution != ST_RESOLUTION_NONE)
    st_facts_add_text (facts, 1, &right, _("Resolution"),
                       st_service_resolution_to_label (resolution), FALSE);
  if (st_service_case_get_replacement_serial (sc) != NULL)
    {
      g_autofree char *until = st_format_date (st_service_case_get_replacement_warranty_end (sc));

      /* Translators: the unit handed to the customer instead of the faulty one */
      st_facts_add (facts, 1, &right, _("Replacement"),
                    unit_link_new (self, st_service_case_get_replacement_serial (sc),
                                   st_service_case_get_replacement_unit_id (sc)));
      /* Translators: the warranty end of the replacement unit */
      st_facts_add_text (facts, 1, &right, _("Its warranty ends"), until, TRUE);
    }
  charge = st_format_money (st_service_case_get_charge (sc));
  /* Translators: what the customer pays for a service case */
  st_facts_add_text (facts, 1, &right, _("Charge"), charge, TRUE);
  parts = st_format_money (st_service_case_get_parts_cost (sc));
  /* Translators: the cost of the parts used on a service case */
  st_facts_add_text (facts, 1, &right, _("Parts cost"), parts, TRUE);
  if (resolution == ST_RESOLUTION_REFUNDED)
    {
      refund = st_format_money (st_service_case_get_refund (sc));
      /* Translators: the amount paid back to the customer */
      st_facts_add_text (facts, 1, &right, _("Refund"), refund, TRUE);
    }
  today = st_date_today ();
  days = st_format_quantity (st_service_case_get_days_in_service (sc, today));
  /* Translators: how many days a unit has been (or was) with us for service */
  st_facts_add_text (facts, 1, &right, _("Days in service"), days, TRUE);

  {
    g_autofree char *subtitle = NULL;

    if (st_service_case_get_closed_date (sc) != NULL)
      /* Translators: under a service case's number: opened (%1$s) and closed (%2$s) dates */
      subtitle = g_strdup_printf (_("Opened on %1$s · closed on %2$s"), opened, closed);
    else
      /* Translators: under a service case's number: the day it was opened */
      subtitle = g_strdup_printf (_("Opened on %s"), opened);
    gtk_label_set_text (self->subtitle_label, subtitle);
  }
}

/* The note entry goes insensitive while a step runs. */
static void
set_note_sensitive (StServicePage *self,
                    gboolean       sensitive)
{
  st_form_set_busy (GTK_WIDGET (self->note_entry), !sensitive, &self->note_focus_before);
}

static void
update_actions (StServicePage *self)
{
  StServiceStatus status = self->sc != NULL ? st_service_case_get_status (self->sc)
                                            : ST_SERVICE_CLOSED;
  gboolean writable = self->store != NULL && !st_store_is_read_only (self->store);
  gboolean active = writable && self->sc != NULL && st_service_status_is_active (status)
                    && !self->busy;
  gboolean reopenable;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "service.start",
                                 active && status == ST_SERVICE_OPEN);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "service.ready",
                                 active && status != ST_SERVICE_READY);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "service.add-note", active);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "service.add-part", active);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "service.close", active);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "service.cancel", active);
  /* A closed or cancelled case can be reopened: its last custody step is voided. */
  reopenable = writable && self->sc != NULL && !self->busy
               && (status == ST_SERVICE_CLOSED || status == ST_SERVICE_CANCELLED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "service.reopen", reopenable);
  gtk_widget_set_visible (self->reopen_button,
                          self->sc != NULL && !st_service_status_is_active (status));
  set_note_sensitive (self, active);
}

static void
clear (StServicePage *self)
{
  GtkWidget *child;

  st_facts_clear (self->facts_grid);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->log_list))) != NULL)
    gtk_list_box_remove (self->log_list, child);
  g_ptr_array_set_size (self->log_texts, 0);
  g_clear_object (&self->sc);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_widget_set_visible (self->warranty_box, FALSE);
  gtk_label_set_text (self->subtitle_label, "");
}

static void
show_error (StServicePage *self,
            const GError  *error)
{
  gtk_label_set_text (self->error_label, error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
}

static void
show_case (StServicePage *self,
           StServiceCase *sc)
{
  GPtrArray *log = st_service_case_get_log (sc);

  gtk_label_set_text (self->number_label, st_service_case_get_number (sc));
  set_status (self, st_service_case_get_status (sc));
  fill_facts (self, sc);
  set_warranty (self, sc);
  gtk_widget_set_visible (self->warranty_box, TRUE);

  for (guint i = 0; log != NULL && i < log->len; i++)
    {
      StServiceLogEntry *entry = g_ptr_array_index (log, i);
      char *text = log_entry_text (entry);

      gtk_list_box_append (self->log_list, log_row_new (entry, text != NULL ? text : ""));
      g_ptr_array_add (self->log_texts, text != NULL ? text : g_strdup (""));
    }
}

void
st_service_page_reload (StServicePage *self)
{
  g_autoptr(GError) error = NULL;
  StServiceCase *sc;

  g_return_if_fail (ST_IS_SERVICE_PAGE (self));

  clear (self);
  if (self->store != NULL && self->number != NULL)
    {
      sc = st_store_service_get (self->store, self->number, &error);
      if (sc == NULL)
        show_error (self, error);
      else
        {
          self->sc = sc;
          show_case (self, sc);
        }
    }
  update_actions (self);
}

/* After a step: the case as it is now, or why the step was refused. */
static void
step_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(StServicePage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(StServiceCase) sc = st_store_service_run_step_finish (ST_STORE (source), result,
                                                                  &error);

  self->busy = FALSE;
  if (sc == NULL)
    {
      update_actions (self);
      show_error (self, error);
      return;
    }
  if (self->noting)
    gtk_editable_set_text (GTK_EDITABLE (self->note_entry), "");
  st_service_page_reload (self);
}

/* Runs @step (taken) in the store's worker: the page waits, its steps disabled, the window
 * goes on. */
static void
run_step (StServicePage *self,
          StServiceStep *step)
{
  self->busy = TRUE;
  self->noting = step->kind == ST_SERVICE_STEP_NOTE;
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  update_actions (self);
  st_store_service_run_step_async (self->store, step, NULL, step_done_cb, g_object_ref (self));
}

/* Actions */

static void
set_status_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  StServicePage *self = ST_SERVICE_PAGE (widget);
  StServiceStep *step;

  if (self->sc == NULL || self->busy)
    return;
  step = st_service_step_new (ST_SERVICE_STEP_STATUS, self->number);
  step->status = g_str_equal (action_name, "service.start") ? ST_SERVICE_IN_REPAIR
                                                             : ST_SERVICE_READY;
  run_step (self, step);
}

static void
add_note_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  StServicePage *self = ST_SERVICE_PAGE (widget);
  g_autofree char *text = NULL;
  StServiceStep *step;

  if (self->sc == NULL || self->busy)
    return;
  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->note_entry))));
  if (*text == '\0')
    {
      gtk_widget_error_bell (widget);
      gtk_widget_grab_focus (GTK_WIDGET (self->note_entry));
      return;
    }
  step = st_service_step_new (ST_SERVICE_STEP_NOTE, self->number);
  step->text = g_steal_pointer (&text);
  run_step (self, step);
}

static void
note_activate_cb (StServicePage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "service.add-note", NULL);
}

static void
cancel_response_cb (GtkDialog     *dialog,
                    int            response,
                    StServicePage *self)
{
  gtk_window_destroy (GTK_WINDOW (dialog));
  if (response == GTK_RESPONSE_ACCEPT && self->sc != NULL && !self->busy)
    run_step (self, st_service_step_new (ST_SERVICE_STEP_CANCEL, self->number));
}

/* Cancelling gives the unit back untouched and ends the case: asked first. */
static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  StServicePage *self = ST_SERVICE_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog;
  GtkWidget *button;

  if (self->sc == NULL || self->busy)
    return;
  dialog = gtk_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE,
                                   /* Translators: %s is a service case's number, SC-00001 */
                                   _("Cancel service case %s?"), self->number);
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s",
                                            _("The unit goes back to the customer untouched. "
                                              "Reopen Case undoes it."));
  gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Keep Case"), GTK_RESPONSE_CANCEL);
  button = gtk_dialog_add_button (GTK_DIALOG (dialog), _("Ca_ncel Case"), GTK_RESPONSE_ACCEPT);
  gtk_widget_add_css_class (button, "destructive-action");
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  g_signal_connect_object (dialog, "response", G_CALLBACK (cancel_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
reopen_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  StServicePage *self = ST_SERVICE_PAGE (widget);

  if (self->sc == NULL || self->busy)
    return;
  run_step (self, st_service_step_new (ST_SERVICE_STEP_VOID, self->number));
}

static void
dialog_done_cb (StServicePage *self)
{
  st_service_page_reload (self);
}

static void
present_dialog (StServicePage *self,
                GtkWindow     *dialog)
{
  g_set_weak_pointer (&self->dialog, dialog);
  gtk_window_present (dialog);
}

static void
add_part_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  StServicePage *self = ST_SERVICE_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  StServicePartDialog *dialog;

  if (self->sc == NULL)
    return;
  dialog = st_service_part_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                       self->store, self->sc);
  g_signal_connect_object (dialog, "part-added", G_CALLBACK (dialog_done_cb), self,
                           G_CONNECT_SWAPPED);
  present_dialog (self, GTK_WINDOW (dialog));
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  StServicePage *self = ST_SERVICE_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  StServiceCloseDialog *dialog;

  if (self->sc == NULL)
    return;
  dialog = st_service_close_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        self->store, self->sc);
  g_signal_connect_object (dialog, "case-closed", G_CALLBACK (dialog_done_cb), self,
                           G_CONNECT_SWAPPED);
  present_dialog (self, GTK_WINDOW (dialog));
}

/* Public API */

gboolean
st_service_page_is_busy (StServicePage *self)
{
  g_return_val_if_fail (ST_IS_SERVICE_PAGE (self), FALSE);

  return self->busy;
}

StServicePage *
st_service_page_new (void)
{
  return g_object_new (ST_TYPE_SERVICE_PAGE, NULL);
}

void
st_service_page_set_store (StServicePage *self,
                           StStore       *store)
{
  g_return_if_fail (ST_IS_SERVICE_PAGE (self));
  g_return_if_fail (store == NULL || ST_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;
  g_clear_pointer (&self->number, g_free);
  st_service_page_reload (self);
}

gboolean
st_service_page_set_number (StServicePage *self,
                            const char    *number)
{
  g_return_val_if_fail (ST_IS_SERVICE_PAGE (self), FALSE);

  if (number != self->number)
    {
      g_free (self->number);
      self->number = g_strdup (number);
    }
  st_service_page_reload (self);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller)),
                            0.0);
  return self->sc != NULL;
}

const char *
st_service_page_get_number (StServicePage *self)
{
  g_return_val_if_fail (ST_IS_SERVICE_PAGE (self), NULL);

  return self->number;
}

StServiceCase *
st_service_page_get_case (StServicePage *self)
{
  g_return_val_if_fail (ST_IS_SERVICE_PAGE (self), NULL);

  return self->sc;
}

GPtrArray *
st_service_page_get_log_texts (StServicePage *self)
{
  g_return_val_if_fail (ST_IS_SERVICE_PAGE (self), NULL);

  return self->log_texts;
}

GtkWindow *
st_service_page_get_dialog (StServicePage *self)
{
  g_return_val_if_fail (ST_IS_SERVICE_PAGE (self), NULL);

  return self->dialog;
}

/* GObject */

static gboolean
st_service_page_grab_focus (GtkWidget *widget)
{
  StServicePage *self = ST_SERVICE_PAGE (widget);

  if (gtk_widget_is_sensitive (GTK_WIDGET (self->note_entry)))
    return gtk_widget_grab_focus (GTK_WIDGET (self->note_entry));
  return gtk_widget_grab_focus (self->scroller);
}

static void
st_service_page_dispose (GObject *object)
{
  StServicePage *self = ST_SERVICE_PAGE (object);

  g_clear_weak_pointer (&self->dialog);
  g_clear_weak_pointer (&self->note_focus_before);
  gtk_widget_dispose_template (GTK_WIDGET (self), ST_TYPE_SERVICE_PAGE);
  g_clear_object (&self->sc);
  g_clear_object (&self->store);
  g_clear_pointer (&self->number, g_free);
  g_clear_pointer (&self->status_class, g_free);
  g_clear_pointer (&self->log_texts, g_ptr_array_unref);

  G_OBJECT_CLASS (st_service_page_parent_class)->dispose (object);
}

static void
st_service_page_class_init (StServicePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = st_service_page_dispose;
  widget_class->grab_focus = st_service_page_grab_focus;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/SerialTrack/st-service-page.ui");
  gtk_widget_class_bind_template_child (widget_class, StServicePage, scroller);
  gtk_widget_class_bind_template_child (widget_class, StServicePage, number_label);
  gtk_widget_class_bind_template_child (widget_class, StServicePage, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, StServicePage, status_label);
  gtk_widget_class_bind_template_child (widget_class, StServicePage, start_button);
  gtk_widget_class_bind_template_child (widget_class, StServicePage, ready_button);
  gtk_widget_class_bind_template_child (widget_class, StServicePage, part_button);
  gtk_widget_class_bind_template_child (widget_class, StServicePage, close_button);
  gtk_widget_class_bind_template_child (widget_class, StServicePage, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, StServicePage, reopen_button);
  gtk_widget_class_bind_template_child (widget_class, StServicePage, facts_grid);
  gtk_widget_class_bind_template_child (widget_class, StServicePage, warranty_box);
  gtk_widget_class_bind_template_child (widget_class, StServicePage, warranty_icon);
  gtk_widget_class_bind_template_child (widget_class, StServicePage, warranty_label);
  gtk_widget_class_bind_template_child (widget_class, StServicePage, error_label);
  gtk_widget_class_bind_template_child (widget_class, StServicePage, note_entry);
  gtk_widget_class_bind_template_child (widget_class, StServicePage, log_list);
  gtk_widget_class_bind_template_callback (widget_class, note_activate_cb);

  gtk_widget_class_install_action (widget_class, "service.start", NULL, set_status_action);
  gtk_widget_class_install_action (widget_class, "service.ready", NULL, set_status_action);
  gtk_widget_class_install_action (widget_class, "service.add-note", NULL, add_note_action);
  gtk_widget_class_install_action (widget_class, "service.add-part", NULL, add_part_action);
  gtk_widget_class_install_action (widget_class, "service.close", NULL, close_action);
  gtk_widget_class_install_action (widget_class, "service.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "service.reopen", NULL, reopen_action);

  /* Escape leaves the page as the back button does. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "win.back", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
st_service_page_init (StServicePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->log_texts = g_ptr_array_new_with_free_func (g_free);
  update_actions (self);
}
