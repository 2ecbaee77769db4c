/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "st-sold-report-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "st-error.h"
#include "st-export-dialog.h"
#include "st-parse.h"
#include "st-sold-report-dialog.h"

struct _StSoldReportDialog
{
  GtkWindow  parent_instance;

  /* Template widgets */
  GtkEntry  *from_entry;
  GtkEntry  *to_entry;
  GtkLabel  *error_label;
  GtkButton *export_button;
  GtkDropDown *period_dropdown;

  /* Set while a period choice fills the entries (their "changed" then keeps the choice). */
  gboolean   filling;

  /* Owned */
  StStore   *store;
};

G_DEFINE_FINAL_TYPE (StSoldReportDialog, st_sold_report_dialog, GTK_TYPE_WINDOW)

void
st_sold_report_previous_quarter (const char  *today,
                                 char       **from,
                                 char       **to)
{
  int year, month, day;
  int first_month;

  g_return_if_fail (today != NULL);

  if (sscanf (today, "%4d-%2d-%2d", &year, &month, &day) != 3 || month < 1 || month > 12)
    {
      *from = NULL;
      *to = NULL;
      return;
    }

  /* The quarter today is in starts at month 1, 4, 7 or 10; the one before, 3 months
   * earlier. */
  first_month = (month - 1) / 3 * 3 + 1 - 3;
  if (first_month < 1)
    {
      first_month += 12;
      year--;
    }

  *from = g_strdup_printf ("%04d-%02d-01", year, first_month);
  *to = g_strdup_printf ("%04d-%02d-%02d", year, first_month + 2,
                         g_date_get_days_in_month (first_month + 2, year));
}

void
st_sold_report_period (const char  *today,
                       StPeriod     period,
                       char       **from,
                       char       **to)
{
  int year, month, day, first_month;

  g_return_if_fail (today != NULL);

  *from = NULL;
  *to = NULL;
  if (sscanf (today, "%4d-%2d-%2d", &year, &month, &day) != 3 || month < 1 || month > 12)
    return;

  switch (period)
    {
    case ST_PERIOD_THIS_MONTH:
      *from = g_strdup_printf ("%04d-%02d-01", year, month);
      *to = g_strdup (today);
      break;

    case ST_PERIOD_LAST_MONTH:
      if (--month < 1)
        {
          month = 12;
          year--;
        }
      *from = g_strdup_printf ("%04d-%02d-01", year, month);
      *to = g_strdup_printf ("%04d-%02d-%02d", year, month, g_date_get_days_in_month (month, year));
      break;

    case ST_PERIOD_THIS_QUARTER:
      first_month = (month - 1) / 3 * 3 + 1;
      *from = g_strdup_printf ("%04d-%02d-01", year, first_month);
      *to = g_strdup (today);
      break;

    case ST_PERIOD_LAST_QUARTER:
      st_sold_report_previous_quarter (today, from, to);
      break;

    case ST_PERIOD_THIS_YEAR:
      *from = g_strdup_printf ("%04d-01-01", year);
      *to = g_strdup (today);
      break;

    case ST_PERIOD_CUSTOM:
    default:
      break;
    }
}

static char *
entry_date (GtkEntry *entry)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));

  return *text != '\0' ? g_steal_pointer (&text) : NULL;
}

gboolean
st_sold_report_dialog_get_range (StSoldReportDialog  *self,
                                 char               **from,
                                 char               **to,
                                 GError             **error)
{
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;

  g_return_val_if_fail (ST_IS_SOLD_REPORT_DIALOG (self), FALSE);

  start = entry_date (self->from_entry);
  end = entry_date (self->to_entry);

  /* Translators: names the field in "Invalid date … for %s" */
  if (start != NULL && !st_date_validate (start, _("the start date"), error))
    return FALSE;
  /* Translators: names the field in "Invalid date … for %s" */
  if (end != NULL && !st_date_validate (end, _("the end date"), error))
    return FALSE;
  /* ISO dates compare as text. */
  if (start != NULL && end != NULL && strcmp (start, end) > 0)
    {
      g_set_error_literal (error, ST_ERROR, ST_ERROR_INVALID_INPUT,
                           _("The start date is after the end date."));
      return FALSE;
    }

  *from = g_steal_pointer (&start);
  *to = g_steal_pointer (&end);
  return TRUE;
}

static void
period_changed_cb (StSoldReportDialog *self)
{
  StPeriod period = gtk_drop_down_get_selected (self->period_dropdown);
  g_autofree char *today = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  if (period == ST_PERIOD_CUSTOM || self->filling)
    return;

  today = st_date_today ();
  st_sold_report_period (today, period, &from, &to);
  self->filling = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->from_entry), from != NULL ? from : "");
  gtk_editable_set_text (GTK_EDITABLE (self->to_entry), to != NULL ? to : "");
  self->filling = FALSE;
}

static void
entry_changed_cb (StSoldReportDialog *self)
{
  /* Dates typed by hand are a period of their own. */
  if (!self->filling && self->period_dropdown != NULL)
    {
      self->filling = TRUE;
      gtk_drop_down_set_selected (self->period_dropdown, ST_PERIOD_CUSTOM);
      self->filling = FALSE;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_widget_remove_css_class (GTK_WIDGET (self->from_entry), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->to_entry), "error");
}

static void
export_clicked_cb (StSoldReportDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  GtkWindow *parent;

  if (!st_sold_report_dialog_get_range (self, &from, &to, &error))
    {
      g_autofree char *start = entry_date (self->from_entry);
      GtkWidget *culprit = GTK_WIDGET (self->to_entry);

      /* Point at the entry at fault: the start date when it is not a date. */
      if (start != NULL && !st_date_validate (start, NULL, NULL))
        culprit = GTK_WIDGET (self->from_entry);

      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      gtk_widget_add_css_class (culprit, "error");
      gtk_widget_grab_focus (culprit);
      return;
    }

  /* The chooser belongs to the main window: this dialog's work is done. */
  parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  st_export_dialog_choose_sold (parent, self->store, from, to);
  gtk_window_destroy (GTK_WINDOW (self));
}

StSoldReportDialog *
st_sold_report_dialog_new (GtkWindow *parent,
                           StStore   *store)
{
  StSoldReportDialog *self;
  g_autofree char *today = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  g_return_val_if_fail (ST_IS_STORE (store), NULL);

  self = g_object_new (ST_TYPE_SOLD_REPORT_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);

  /* This month so far: a first try shows today's sales (the previous quarter, the old
   * default, left out everything sold since it ended). */
  gtk_drop_down_set_selected (self->period_dropdown, ST_PERIOD_THIS_MONTH);
  period_changed_cb (self);

  return self;
}

static void
st_sold_report_dialog_dispose (GObject *object)
{
  StSoldReportDialog *self = ST_SOLD_REPORT_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ST_TYPE_SOLD_REPORT_DIALOG);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (st_sold_report_dialog_parent_class)->dispose (object);
}

static void
st_sold_report_dialog_class_init (StSoldReportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = st_sold_report_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/SerialTrack/st-sold-report-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, StSoldReportDialog, from_entry);
  gtk_widget_class_bind_template_child (widget_class, StSoldReportDialog, to_entry);
  gtk_widget_class_bind_template_child (widget_class, StSoldReportDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, StSoldReportDialog, period_dropdown);
  gtk_widget_class_bind_template_callback (widget_class, period_changed_cb);
  gtk_widget_class_bind_template_child (widget_class, StSoldReportDialog, export_button);
  gtk_widget_class_bind_template_callback (widget_class, entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, export_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
st_sold_report_dialog_init (StSoldReportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
