/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-label-print.c — StLabelJob through GtkPrintOperation. */
#define G_LOG_DOMAIN "st-label-print"

#include "config.h"

#include <glib/gi18n.h>

#include "st-label-options.h"
#include "st-label-print.h"
#include "st-window.h"

static char *export_path_for_tests;
static GtkPrintOperation *running;
/* The printer and its settings chosen last, offered again for the next labels. */
static GtkPrintSettings *last_settings;

#define REFUSAL_KEY "st-label-refusal"

static GtkPaperSize *
paper_size_new (StLabelLayout layout)
{
  const StLabelGeometry *geometry = st_label_layout_get_geometry (layout);

  switch (layout)
    {
    case ST_LABEL_LAYOUT_A4_3X8:
      return gtk_paper_size_new (GTK_PAPER_NAME_A4);
    case ST_LABEL_LAYOUT_LETTER_3X10:
      return gtk_paper_size_new (GTK_PAPER_NAME_LETTER);
    case ST_LABEL_LAYOUT_ROLL_62X29:
    default:
      return gtk_paper_size_new_custom ("serialtrack-roll-62x29", st_label_layout_to_label (layout),
                                        geometry->page_width, geometry->page_height,
                                        GTK_UNIT_POINTS);
    }
}

static void
set_up_page (GtkPageSetup  *setup,
             StLabelLayout  layout)
{
  g_autoptr(GtkPaperSize) paper = paper_size_new (layout);

  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_PORTRAIT);
  gtk_page_setup_set_paper_size_and_default_margins (setup, paper);
}

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                StLabelJob        *job)
{
  g_autoptr(GError) error = NULL;

  /* Refused before a page is drawn: nothing half printed. */
  if (!st_label_job_check (job, &error))
    {
      g_object_set_data_full (G_OBJECT (operation), REFUSAL_KEY, g_steal_pointer (&error),
                              (GDestroyNotify) g_error_free);
      gtk_print_operation_cancel (operation);
      return;
    }
  gtk_print_operation_set_n_pages (operation, (int) st_label_job_get_n_pages (job));
}

static void
request_page_setup_cb (GtkPrintOperation *operation,
                       GtkPrintContext   *context,
                       int                page_nr,
                       GtkPageSetup      *setup,
                       StLabelJob        *job)
{
  /* The stock chosen in the Labels tab decides the paper, whatever the dialog had. */
  set_up_page (setup, st_label_job_get_layout (job));
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              StLabelJob        *job)
{
  g_autoptr(GError) error = NULL;

  if (!st_label_job_draw_page (job, gtk_print_context_get_cairo_context (context),
                               (guint) page_nr, &error))
    g_warning ("Page %d of the labels: %s", page_nr + 1, error->message);
}

static GObject *
create_custom_widget_cb (GtkPrintOperation *operation,
                         StLabelJob        *job)
{
  return G_OBJECT (st_label_options_new (job));
}

static void
custom_widget_apply_cb (GtkPrintOperation *operation,
                        GtkWidget         *widget,
                        StLabelJob        *job)
{
  st_label_options_apply (ST_LABEL_OPTIONS (widget));
}

static GtkPrintOperation *
operation_new (StLabelJob *job)
{
  GtkPrintOperation *operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();

  /* The job draws in points from the paper's corner. */
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  /* Translators: the title of a print job of labels */
  gtk_print_operation_set_job_name (operation, _("Labels"));
  set_up_page (setup, st_label_job_get_layout (job));
  gtk_print_operation_set_default_page_setup (operation, setup);
  /* Translators: the print dialog's tab of label stock, barcode, skip and copies */
  gtk_print_operation_set_custom_tab_label (operation, _("Labels"));

  g_signal_connect_data (operation, "begin-print", G_CALLBACK (begin_print_cb),
                         g_object_ref (job), (GClosureNotify) (void (*) (void)) g_object_unref,
                         0);
  g_signal_connect (operation, "request-page-setup", G_CALLBACK (request_page_setup_cb), job);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), job);
  g_signal_connect (operation, "create-custom-widget", G_CALLBACK (create_custom_widget_cb), job);
  g_signal_connect (operation, "custom-widget-apply", G_CALLBACK (custom_widget_apply_cb), job);
  return operation;
}

/* The refusal of begin-print, or the operation's own error, for the result. */
static gboolean
finish (GtkPrintOperation        *operation,
        GtkPrintOperationResult   result,
        GError                   *run_error,
        GError                  **error)
{
  GError *refusal = g_object_get_data (G_OBJECT (operation), REFUSAL_KEY);

  if (refusal != NULL)
    {
      g_propagate_error (error, g_error_copy (refusal));
      return FALSE;
    }
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      if (run_error != NULL)
        g_propagate_error (error, g_error_copy (run_error));
      else
        gtk_print_operation_get_error (operation, error);
      return FALSE;
    }
  return TRUE;
}

static void
done_cb (GtkPrintOperation       *operation,
         GtkPrintOperationResult  result,
         GtkWindow               *parent)
{
  g_autoptr(GError) error = NULL;

  if (running == operation)
    running = NULL;
  if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    g_set_object (&last_settings, gtk_print_operation_get_print_settings (operation));
  if (!finish (operation, result, NULL, &error) && ST_IS_WINDOW (parent))
    st_window_show_error (ST_WINDOW (parent), _("The labels were not printed"), error);
  g_object_unref (operation);
}

void
st_label_print_run (GtkWindow  *parent,
                    StLabelJob *job)
{
  GtkPrintOperation *operation;
  GtkPrintOperationResult result;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (ST_IS_LABEL_JOB (job));

  if (export_path_for_tests != NULL)
    {
      if (!st_label_print_export (parent, job, export_path_for_tests, &error)
          && ST_IS_WINDOW (parent))
        st_window_show_error (ST_WINDOW (parent), _("The labels were not printed"), error);
      return;
    }

  operation = operation_new (job);
  if (last_settings != NULL)
    gtk_print_operation_set_print_settings (operation, last_settings);
  gtk_print_operation_set_allow_async (operation, TRUE);
  gtk_print_operation_set_show_progress (operation, TRUE);
  /* Unreferenced in done_cb, which every run ends with. */
  g_signal_connect_object (operation, "done", G_CALLBACK (done_cb), parent, 0);
  running = operation;
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent,
                                    &error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR && error != NULL && ST_IS_WINDOW (parent))
    st_window_show_error (ST_WINDOW (parent), _("The labels were not printed"), error);
}

gboolean
st_label_print_export (GtkWindow   *parent,
                       StLabelJob  *job,
                       const char  *path,
                       GError     **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) run_error = NULL;
  GtkPrintOperationResult result;

  g_return_val_if_fail (ST_IS_LABEL_JOB (job), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* GTK creates the file before begin-print: a refusal must come first to leave none. */
  if (!st_label_job_check (job, error))
    return FALSE;
  operation = operation_new (job);
  gtk_print_operation_set_export_filename (operation, path);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, parent,
                                    &run_error);
  return finish (operation, result, run_error, error);
}

GtkPrintOperation *
st_label_print_get_running (void)
{
  return running;
}

void
st_label_print_set_export_path_for_tests (const char *path)
{
  g_free (export_path_for_tests);
  export_path_for_tests = g_strdup (path);
}
