/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "st-service-part-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "st-error.h"
#include "st-parse.h"
#include "st-service-part-dialog.h"
#include "st-service-step-run.h"

struct _StServicePartDialog
{
  GtkWindow      parent_instance;

  /* Template widgets */
  GtkDropDown   *item_dropdown;
  GtkSpinButton *quantity_spin;
  GtkEntry      *cost_entry;
  GtkLabel      *error_label;

  /* Owned */
  StStore       *store;
  StServiceCase *sc;
  GPtrArray     *items;     /* StItem, as in the drop-down */
};

G_DEFINE_FINAL_TYPE (StServicePartDialog, st_service_part_dialog, GTK_TYPE_WINDOW)

enum {
  PART_ADDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static StItem *
selected_item (StServicePartDialog *self)
{
  guint selected = gtk_drop_down_get_selected (self->item_dropdown);

  if (self->items == NULL || selected >= self->items->len)
    return NULL;
  return g_ptr_array_index (self->items, selected);
}

/* The cost per piece starts at the item's cost. */
static void
item_changed_cb (StServicePartDialog *self)
{
  StItem *item = selected_item (self);
  g_autofree char *cost = NULL;

  if (item == NULL)
    return;
  cost = st_money_format (st_item_get_cost (item));
  gtk_editable_set_text (GTK_EDITABLE (self->cost_entry), cost);
}

gboolean
st_service_part_dialog_apply (StServicePartDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StDraft) draft = st_draft_new (ST_DOC_SERVICE);
  g_autofree char *cost_text = NULL;
  StItem *item;
  StDraftLine *line;
  StServiceStep *step;
  gint64 cost = 0;

  g_return_val_if_fail (ST_IS_SERVICE_PART_DIALOG (self), FALSE);

  if (st_service_step_dialog_is_busy (GTK_WINDOW (self)))
    return FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  item = selected_item (self);
  cost_text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->cost_entry))));
  if (item == NULL)
    g_set_error (&error, ST_ERROR, ST_ERROR_INVALID_INPUT, _("Choose the item used"));
  /* Translators: the field named in an error about a part's cost */
  else if (*cost_text != '\0')
    st_money_parse (cost_text, _("cost"), &cost, &error);
  if (error != NULL)
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return FALSE;
    }

  line = st_draft_add_line (draft, st_item_get_sku (item),
                            gtk_spin_button_get_value_as_int (self->quantity_spin));
  if (*cost_text != '\0')
    st_draft_line_set_rate (line, cost);
  step = st_service_step_new (ST_SERVICE_STEP_PARTS, st_service_case_get_number (self->sc));
  step->parts = g_steal_pointer (&draft);
  st_service_step_run_for_dialog (GTK_WINDOW (self), self->store, step, self->error_label,
                                  signals[PART_ADDED]);
  return TRUE;
}

static void
add_clicked_cb (StServicePartDialog *self)
{
  st_service_part_dialog_apply (self);
}

gboolean
st_service_part_dialog_set_sku (StServicePartDialog *self,
                                const char          *sku)
{
  g_return_val_if_fail (ST_IS_SERVICE_PART_DIALOG (self), FALSE);

  for (guint i = 0; i < self->items->len; i++)
    if (g_strcmp0 (st_item_get_sku (g_ptr_array_index (self->items, i)), sku) == 0)
      {
        gtk_drop_down_set_selected (self->item_dropdown, i);
        return TRUE;
      }
  return FALSE;
}

StServicePartDialog *
st_service_part_dialog_new (GtkWindow     *parent,
                            StStore       *store,
                            StServiceCase *sc)
{
  StServicePartDialog *self;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) items = NULL;

  g_return_val_if_fail (ST_IS_STORE (store), NULL);
  g_return_val_if_fail (ST_IS_SERVICE_CASE (sc), NULL);

  self = g_object_new (ST_TYPE_SERVICE_PART_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->sc = g_object_ref (sc);

  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  items = st_store_list_all_items (store, NULL);
  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      StItem *item = g_ptr_array_index (items, i);
      g_autofree char *name = NULL;

      /* Translators: an item in a drop-down: SKU (%1$s) and name (%2$s) */
      name = g_strdup_printf (_("%1$s — %2$s"), st_item_get_sku (item), st_item_get_name (item));
      gtk_string_list_append (names, name);
      g_ptr_array_add (self->items, g_object_ref (item));
    }
  gtk_drop_down_set_model (self->item_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->item_dropdown, 0);
  item_changed_cb (self);
  return self;
}

static void
st_service_part_dialog_dispose (GObject *object)
{
  StServicePartDialog *self = ST_SERVICE_PART_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ST_TYPE_SERVICE_PART_DIALOG);
  g_clear_object (&self->store);
  g_clear_object (&self->sc);
  g_clear_pointer (&self->items, g_ptr_array_unref);

  G_OBJECT_CLASS (st_service_part_dialog_parent_class)->dispose (object);
}

static void
st_service_part_dialog_class_init (StServicePartDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = st_service_part_dialog_dispose;

  signals[PART_ADDED] =
    g_signal_new ("part-added",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, ST_TYPE_SERVICE_CASE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/SerialTrack/"
                                               "st-service-part-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, StServicePartDialog, item_dropdown);
  gtk_widget_class_bind_template_child (widget_class, StServicePartDialog, quantity_spin);
  gtk_widget_class_bind_template_child (widget_class, StServicePartDialog, cost_entry);
  gtk_widget_class_bind_template_child (widget_class, StServicePartDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, item_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
st_service_part_dialog_init (StServicePartDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
