/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-label-options.c — the print dialog's "Labels" tab. */
#define G_LOG_DOMAIN "st-label-options"

#include "config.h"

#include <glib/gi18n.h>

#include "st-label-options.h"

struct _StLabelOptions
{
  GtkWidget      parent_instance;

  /* Template widgets */
  GtkWidget     *grid;
  GtkDropDown   *layout_dropdown;
  GtkDropDown   *code_dropdown;
  GtkSpinButton *skip_spin;
  GtkSpinButton *copies_spin;
  GtkLabel      *summary_label;

  /* Owned */
  StLabelJob    *job;
};

G_DEFINE_FINAL_TYPE (StLabelOptions, st_label_options, GTK_TYPE_WIDGET)

static void
read_choice (StLabelOptions *self,
             StLabelJob     *job)
{
  guint layout = gtk_drop_down_get_selected (self->layout_dropdown);
  guint code = gtk_drop_down_get_selected (self->code_dropdown);

  st_label_job_set_layout (job, layout < ST_N_LABEL_LAYOUTS ? layout : ST_LABEL_LAYOUT_A4_3X8);
  st_label_job_set_code (job, code < ST_N_LABEL_CODES ? code : ST_LABEL_CODE_128);
  st_label_job_set_skip (job, (guint) gtk_spin_button_get_value_as_int (self->skip_spin), NULL);
  st_label_job_set_copies (job, (guint) gtk_spin_button_get_value_as_int (self->copies_spin),
                           NULL);
}

static void
changed_cb (StLabelOptions *self)
{
  guint layout = gtk_drop_down_get_selected (self->layout_dropdown);
  guint per_page, skip, n_labels, n_pages;
  g_autofree char *labels = NULL;
  g_autofree char *pages = NULL;
  g_autofree char *summary = NULL;

  if (self->job == NULL || layout >= ST_N_LABEL_LAYOUTS)
    return;
  /* Only as many places as a sheet of this stock has, less one, can be skipped. */
  per_page = st_label_layout_get_per_page (layout);
  gtk_adjustment_set_upper (gtk_spin_button_get_adjustment (self->skip_spin), per_page - 1);
  gtk_widget_set_sensitive (GTK_WIDGET (self->skip_spin), per_page > 1);

  /* Counted as StLabelJob counts, without touching the job before "apply". */
  skip = (guint) gtk_spin_button_get_value_as_int (self->skip_spin);
  n_labels = st_label_job_get_n_units (self->job)
             * (guint) gtk_spin_button_get_value_as_int (self->copies_spin);
  n_pages = n_labels == 0 ? 0 : (skip + n_labels + per_page - 1) / per_page;
  labels = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u label", "%u labels", n_labels),
                            n_labels);
  pages = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u page", "%u pages", n_pages),
                           n_pages);
  /* Translators: %1$s is "24 labels", %2$s "1 page" */
  summary = g_strdup_printf (C_("labels on pages", "%1$s on %2$s"), labels, pages);
  gtk_label_set_text (self->summary_label, summary);
}

static void
st_label_options_dispose (GObject *object)
{
  StLabelOptions *self = ST_LABEL_OPTIONS (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ST_TYPE_LABEL_OPTIONS);
  g_clear_object (&self->job);
  G_OBJECT_CLASS (st_label_options_parent_class)->dispose (object);
}

static void
st_label_options_class_init (StLabelOptionsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = st_label_options_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/SerialTrack/st-label-options.ui");
  gtk_widget_class_bind_template_child (widget_class, StLabelOptions, grid);
  gtk_widget_class_bind_template_child (widget_class, StLabelOptions, layout_dropdown);
  gtk_widget_class_bind_template_child (widget_class, StLabelOptions, code_dropdown);
  gtk_widget_class_bind_template_child (widget_class, StLabelOptions, skip_spin);
  gtk_widget_class_bind_template_child (widget_class, StLabelOptions, copies_spin);
  gtk_widget_class_bind_template_child (widget_class, StLabelOptions, summary_label);
  gtk_widget_class_bind_template_callback (widget_class, changed_cb);
}

static void
st_label_options_init (StLabelOptions *self)
{
  g_autoptr(GtkStringList) layouts = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) codes = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  for (StLabelLayout layout = 0; layout < ST_N_LABEL_LAYOUTS; layout++)
    gtk_string_list_append (layouts, st_label_layout_to_label (layout));
  for (StLabelCode code = 0; code < ST_N_LABEL_CODES; code++)
    gtk_string_list_append (codes, st_label_code_to_label (code));
  gtk_drop_down_set_model (self->layout_dropdown, G_LIST_MODEL (layouts));
  gtk_drop_down_set_model (self->code_dropdown, G_LIST_MODEL (codes));
}

GtkWidget *
st_label_options_new (StLabelJob *job)
{
  StLabelOptions *self;

  g_return_val_if_fail (ST_IS_LABEL_JOB (job), NULL);
  self = g_object_new (ST_TYPE_LABEL_OPTIONS, NULL);
  self->job = g_object_ref (job);
  gtk_drop_down_set_selected (self->layout_dropdown, st_label_job_get_layout (job));
  gtk_drop_down_set_selected (self->code_dropdown, st_label_job_get_code (job));
  gtk_adjustment_set_upper (gtk_spin_button_get_adjustment (self->skip_spin),
                            st_label_layout_get_per_page (st_label_job_get_layout (job)) - 1);
  gtk_spin_button_set_value (self->skip_spin, st_label_job_get_skip (job));
  gtk_spin_button_set_value (self->copies_spin, st_label_job_get_copies (job));
  changed_cb (self);
  return GTK_WIDGET (self);
}

void
st_label_options_apply (StLabelOptions *self)
{
  g_return_if_fail (ST_IS_LABEL_OPTIONS (self));
  read_choice (self, self->job);
}

const char *
st_label_options_get_summary (StLabelOptions *self)
{
  g_return_val_if_fail (ST_IS_LABEL_OPTIONS (self), NULL);
  return gtk_label_get_text (self->summary_label);
}
