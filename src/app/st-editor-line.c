/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "st-editor-line"

#include "config.h"

#include <glib/gi18n.h>
#include <langinfo.h>

#include "st-editor-line.h"
#include "st-error.h"
#include "st-format.h"
#include "st-parse.h"
#include "st-serial-entry.h"
#include "st-serial-row.h"

#define MAX_QUANTITY 1000000

struct _StEditorLine
{
  GtkWidget       parent_instance;

  /* Template widgets */
  GtkLabel       *number_label;
  GtkDropDown    *item_dropdown;
  GtkSpinButton  *quantity_spin;
  GtkLabel       *direction_label;
  GtkLabel       *rate_label;
  GtkEntry       *rate_entry;
  GtkLabel       *amount_label;
  GtkButton      *remove_button;
  GtkStack       *serial_stack;
  StSerialEntry  *serial_entry;
  GtkButton      *choose_button;
  GtkLabel       *picked_label;
  GtkLabel       *picked_serials_label;
  GtkLabel       *picked_error_label;

  /* Owned */
  StStore        *store;
  GListModel     *items;
  StItem         *item;
  GPtrArray      *picked;       /* StUnit, first received first */
  char           *warehouse;
  char           *reference;
  char           *problem;

  StDocKind       kind;
  gboolean        complete;
  gboolean        has_amount;
  gint64          amount;       /* cents: quantity × rate, negative for a write-off */
};

G_DEFINE_FINAL_TYPE (StEditorLine, st_editor_line, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_COMPLETE,
  N_PROPS
};

enum {
  CHANGED,
  REMOVE_REQUESTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static gboolean
is_serial_item (StEditorLine *self)
{
  return self->item != NULL && st_item_get_tracking (self->item) == ST_TRACKING_SERIAL;
}

gboolean
st_editor_line_get_receiving (StEditorLine *self)
{
  g_return_val_if_fail (ST_IS_EDITOR_LINE (self), FALSE);

  return is_serial_item (self)
         && (self->kind == ST_DOC_BILL
             || (self->kind == ST_DOC_ADJUSTMENT && st_editor_line_get_quantity (self) > 0));
}

gboolean
st_editor_line_get_picking (StEditorLine *self)
{
  g_return_val_if_fail (ST_IS_EDITOR_LINE (self), FALSE);

  return is_serial_item (self)
         && !st_editor_line_get_receiving (self)
         && st_editor_line_get_quantity (self) != 0;
}

/* The forms accept the locale's decimal point as well as the dot st_money_parse() wants. */
static gboolean
parse_rate (StEditorLine  *self,
            gboolean      *has_rate,
            gint64        *cents,
            GError       **error)
{
  g_autofree char *text = NULL;
  const char *radix;

  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->rate_entry))));
  *has_rate = FALSE;
  *cents = 0;
  if (text[0] == '\0' || !gtk_widget_get_visible (GTK_WIDGET (self->rate_entry)))
    return TRUE;

  radix = nl_langinfo (RADIXCHAR);
  if (radix != NULL && radix[0] != '.' && radix[0] != '\0' && radix[1] == '\0')
    g_strdelimit (text, radix, '.');

  if (!st_money_parse (text, _("Rate"), cents, error))
    return FALSE;
  if (*cents < 0)
    {
      g_set_error_literal (error, ST_ERROR, ST_ERROR_INVALID_INPUT,
                           _("The rate cannot be negative"));
      return FALSE;
    }

  *has_rate = TRUE;
  return TRUE;
}

static void
update_picked_labels (StEditorLine *self)
{
  g_autofree char *count = NULL;
  g_autoptr(GString) serials = g_string_new (NULL);
  guint quantity = (guint) ABS (st_editor_line_get_quantity (self));
  guint n = self->picked->len;

  /* Translators: "3 of 5 selected": units chosen (%1$u) of the line's quantity (%2$u); the
   * plural follows %2$u */
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%1$u of %2$u selected",
                                        "%1$u of %2$u selected", quantity),
                           n, quantity);
  gtk_label_set_text (self->picked_label, count);
  if (n == quantity)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->picked_label), "success");
      gtk_widget_remove_css_class (GTK_WIDGET (self->picked_label), "error");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->picked_label), "success");
      gtk_widget_add_css_class (GTK_WIDGET (self->picked_label), "error");
    }

  /* A few serials say which; the label ellipsizes the rest. */
  for (guint i = 0; i < n && i < 20; i++)
    {
      if (i > 0)
        g_string_append (serials, ", ");
      g_string_append (serials, st_unit_get_serial (g_ptr_array_index (self->picked, i)));
    }
  gtk_label_set_text (self->picked_serials_label, serials->str);
}

/* The rate a line posts at when none is typed: the item's cost or price; a return's is what
 * its units were invoiced or billed at, known once they are chosen. */
static gboolean
default_amount (StEditorLine *self,
                gint64       *amount)
{
  gint64 quantity = st_editor_line_get_quantity (self);

  *amount = 0;
  switch (self->kind)
    {
    case ST_DOC_BILL:
    case ST_DOC_ADJUSTMENT:
      *amount = quantity * st_item_get_cost (self->item);
      return TRUE;
    case ST_DOC_INVOICE:
      *amount = quantity * st_item_get_price (self->item);
      return TRUE;
    case ST_DOC_RETURN:
    case ST_DOC_VENDOR_RETURN:
      if (!is_serial_item (self) || self->picked->len != (guint) ABS (quantity))
        return FALSE;
      for (guint i = 0; i < self->picked->len; i++)
        {
          StUnit *unit = g_ptr_array_index (self->picked, i);

          *amount += self->kind == ST_DOC_RETURN ? st_unit_get_price (unit)
                                                 : st_unit_get_cost (unit);
        }
      return TRUE;
    case ST_DOC_TRANSFER:
    default:
      return FALSE;
    }
}

/* The line's amount and, for adjustments, its direction in words. */
static void
update_amount (StEditorLine *self,
               gboolean      rate_ok,
               gboolean      has_rate,
               gint64        cents)
{
  gint64 quantity = st_editor_line_get_quantity (self);
  g_autofree char *text = NULL;

  if (self->kind == ST_DOC_ADJUSTMENT)
    {
      const char *direction = NULL;

      if (quantity > 0)
        /* Translators: an adjustment line that brings units into stock */
        direction = C_("adjustment", "Add");
      else if (quantity < 0)
        /* Translators: an adjustment line that takes units out of stock for good */
        direction = C_("adjustment", "Write off");
      gtk_label_set_text (self->direction_label, direction != NULL ? direction : "");
      gtk_widget_set_visible (GTK_WIDGET (self->direction_label), TRUE);
      if (quantity < 0)
        gtk_widget_add_css_class (GTK_WIDGET (self->direction_label), "error");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (self->direction_label), "error");
    }

  self->has_amount = FALSE;
  self->amount = 0;
  if (self->item != NULL && quantity != 0 && rate_ok)
    {
      if (has_rate)
        {
          self->amount = quantity * cents;
          self->has_amount = TRUE;
        }
      else
        self->has_amount = default_amount (self, &self->amount);
    }

  if (self->has_amount)
    text = st_format_money (self->amount);
  gtk_label_set_text (self->amount_label, text != NULL ? text : "");
}

gboolean
st_editor_line_get_amount (StEditorLine *self,
                           gint64       *amount)
{
  g_return_val_if_fail (ST_IS_EDITOR_LINE (self), FALSE);

  if (amount != NULL)
    *amount = self->amount;
  return self->has_amount;
}

const char *
st_editor_line_get_direction (StEditorLine *self)
{
  g_return_val_if_fail (ST_IS_EDITOR_LINE (self), NULL);

  return gtk_label_get_text (self->direction_label);
}

/* Enter in a field moves on to the next one: it never posts (a scanner's Enter in the wrong
 * field must not post a half-checked document). */
static void
field_activate_cb (StEditorLine *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (root != NULL)
    gtk_widget_child_focus (GTK_WIDGET (root), GTK_DIR_TAB_FORWARD);
}

/* Re-evaluates whether the line can be posted, and says why not. */
static void
update_state (StEditorLine *self)
{
  g_autoptr(GError) error = NULL;
  gint64 quantity = st_editor_line_get_quantity (self);
  gint64 cents;
  gboolean has_rate;
  char *problem = NULL;
  gboolean complete;

  if (!parse_rate (self, &has_rate, &cents, &error))
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->rate_entry), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->rate_entry), error->message);
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->rate_entry), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->rate_entry), NULL);
    }
  update_amount (self, error == NULL, has_rate, cents);

  if (self->item == NULL)
    problem = g_strdup (_("Choose an item."));
  else if (quantity == 0)
    problem = g_strdup (_("Enter a quantity other than 0."));
  else if (error != NULL)
    problem = g_strdup (error->message);
  else if (st_editor_line_get_receiving (self)
           && !st_serial_entry_get_valid (self->serial_entry))
    {
      guint n = st_serial_entry_get_n_valid (self->serial_entry);
      guint q = (guint) ABS (quantity);

      problem = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              /* Translators: why a line cannot be posted yet:
                                               * %1$u valid serials entered of the line's
                                               * quantity %2$u; the plural follows %2$u */
                                              "%1$u of %2$u serial entered.",
                                              "%1$u of %2$u serials entered.", q),
                                 n, q);
    }
  else if (st_editor_line_get_picking (self) && self->picked->len != (guint) ABS (quantity))
    {
      guint q = (guint) ABS (quantity);

      problem = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              /* Translators: why a line cannot be posted yet:
                                               * %1$u units chosen of the line's quantity %2$u;
                                               * the plural follows %2$u */
                                              "%1$u of %2$u serial chosen.",
                                              "%1$u of %2$u serials chosen.", q),
                                 self->picked->len, q);
    }

  g_free (self->problem);
  self->problem = problem;

  complete = problem == NULL;
  if (complete != self->complete)
    {
      self->complete = complete;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPLETE]);
    }
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
update_choose_button (StEditorLine *self)
{
  const char *missing = NULL;

  if (self->kind == ST_DOC_RETURN && self->reference == NULL)
    missing = _("Enter the invoice the units come back from first.");
  else if (self->kind == ST_DOC_VENDOR_RETURN && self->reference == NULL)
    missing = _("Enter the bill the units go back on first.");
  else if (self->kind != ST_DOC_RETURN && self->kind != ST_DOC_VENDOR_RETURN
           && self->warehouse == NULL)
    missing = _("Choose the warehouse first.");

  gtk_widget_set_sensitive (GTK_WIDGET (self->choose_button), missing == NULL);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->choose_button), missing);
}

static void
update_rate_placeholder (StEditorLine *self)
{
  g_autofree char *amount = NULL;
  const char *placeholder = NULL;

  if (self->item != NULL)
    {
      switch (self->kind)
        {
        case ST_DOC_BILL:
        case ST_DOC_ADJUSTMENT:
        case ST_DOC_TRANSFER:
          placeholder = amount = st_format_amount (st_item_get_cost (self->item));
          break;
        case ST_DOC_INVOICE:
          placeholder = amount = st_format_amount (st_item_get_price (self->item));
          break;
        case ST_DOC_RETURN:
          placeholder = _("As invoiced");
          break;
        case ST_DOC_VENDOR_RETURN:
          placeholder = _("As billed");
          break;
        default:
          break;
        }
    }

  gtk_entry_set_placeholder_text (self->rate_entry, placeholder);
}

/* Which serial widget the line shows follows the item and, for adjustments, the sign. */
static void
update_mode (StEditorLine *self)
{
  guint quantity = (guint) ABS (st_editor_line_get_quantity (self));
  const char *page = "none";

  if (st_editor_line_get_receiving (self))
    page = "entry";
  else if (st_editor_line_get_picking (self))
    page = "picker";

  gtk_stack_set_visible_child_name (self->serial_stack, page);
  gtk_widget_set_visible (GTK_WIDGET (self->serial_stack), !g_str_equal (page, "none"));
  st_serial_entry_set_item (self->serial_entry, self->item);
  st_serial_entry_set_quantity (self->serial_entry, quantity);
  update_picked_labels (self);
  update_choose_button (self);
}

static void
drop_picked (StEditorLine *self)
{
  if (self->picked->len > 0)
    g_ptr_array_set_size (self->picked, 0);
  gtk_widget_set_visible (GTK_WIDGET (self->picked_error_label), FALSE);
}

StItem *
st_editor_line_get_item (StEditorLine *self)
{
  g_return_val_if_fail (ST_IS_EDITOR_LINE (self), NULL);

  return self->item;
}

void
st_editor_line_set_item (StEditorLine *self,
                         StItem       *item)
{
  guint n_items;

  g_return_if_fail (ST_IS_EDITOR_LINE (self));

  n_items = g_list_model_get_n_items (self->items);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(StItem) candidate = g_list_model_get_item (self->items, i);

      if (item != NULL && st_item_get_id (candidate) == st_item_get_id (item))
        {
          gtk_drop_down_set_selected (self->item_dropdown, i);
          return;
        }
    }

  gtk_drop_down_set_selected (self->item_dropdown, GTK_INVALID_LIST_POSITION);
}

static void
item_selected_cb (StEditorLine *self)
{
  StItem *item = gtk_drop_down_get_selected_item (self->item_dropdown);

  if (item == self->item)
    return;

  g_set_object (&self->item, item);
  drop_picked (self);
  update_rate_placeholder (self);
  update_mode (self);
  update_state (self);
}

gint64
st_editor_line_get_quantity (StEditorLine *self)
{
  g_return_val_if_fail (ST_IS_EDITOR_LINE (self), 0);

  return (gint64) gtk_spin_button_get_value (self->quantity_spin);
}

void
st_editor_line_set_quantity (StEditorLine *self,
                             gint64        quantity)
{
  g_return_if_fail (ST_IS_EDITOR_LINE (self));

  gtk_spin_button_set_value (self->quantity_spin, (double) quantity);
}

static void
quantity_changed_cb (StEditorLine *self)
{
  gboolean was_receiving = gtk_widget_get_visible (GTK_WIDGET (self->serial_entry))
                           && g_strcmp0 (gtk_stack_get_visible_child_name (self->serial_stack),
                                         "entry") == 0;

  /* An adjustment that changes sign changes direction: its picked units no longer apply. */
  if (was_receiving != st_editor_line_get_receiving (self))
    drop_picked (self);

  update_mode (self);
  update_state (self);
}

gboolean
st_editor_line_get_complete (StEditorLine *self)
{
  g_return_val_if_fail (ST_IS_EDITOR_LINE (self), FALSE);

  return self->complete;
}

const char *
st_editor_line_get_problem (StEditorLine *self)
{
  g_return_val_if_fail (ST_IS_EDITOR_LINE (self), NULL);

  return self->problem;
}

GtkWidget *
st_editor_line_get_serial_entry (StEditorLine *self)
{
  g_return_val_if_fail (ST_IS_EDITOR_LINE (self), NULL);

  return st_editor_line_get_receiving (self) ? GTK_WIDGET (self->serial_entry) : NULL;
}

GPtrArray *
st_editor_line_get_picked (StEditorLine *self)
{
  g_return_val_if_fail (ST_IS_EDITOR_LINE (self), NULL);

  return self->picked;
}

void
st_editor_line_set_picked (StEditorLine *self,
                           GPtrArray    *units)
{
  g_return_if_fail (ST_IS_EDITOR_LINE (self));

  drop_picked (self);
  for (guint i = 0; units != NULL && i < units->len; i++)
    g_ptr_array_add (self->picked, g_object_ref (g_ptr_array_index (units, i)));

  update_picked_labels (self);
  update_state (self);
}

static void
units_chosen_cb (StEditorLine *self,
                 GPtrArray    *units)
{
  st_editor_line_set_picked (self, units);
  gtk_widget_grab_focus (GTK_WIDGET (self->choose_button));
}

StSerialPicker *
st_editor_line_open_picker (StEditorLine *self)
{
  StUnitQuery query = { 0, NULL, -1, NULL, NULL };
  StSerialPicker *picker;
  GtkRoot *root;

  g_return_val_if_fail (ST_IS_EDITOR_LINE (self), NULL);
  g_return_val_if_fail (st_editor_line_get_picking (self), NULL);

  query.item_id = st_item_get_id (self->item);
  switch (self->kind)
    {
    case ST_DOC_RETURN:
      query.sold_on_invoice = self->reference;
      break;
    case ST_DOC_VENDOR_RETURN:
      query.received_on_bill = self->reference;
      break;
    case ST_DOC_BILL:
    case ST_DOC_INVOICE:
    case ST_DOC_TRANSFER:
    case ST_DOC_ADJUSTMENT:
    default:
      query.warehouse = self->warehouse;
      query.status = ST_UNIT_IN_STOCK;
      break;
    }

  root = gtk_widget_get_root (GTK_WIDGET (self));
  picker = st_serial_picker_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->store,
                                 &query, (guint) ABS (st_editor_line_get_quantity (self)));
  st_serial_picker_set_item (picker, self->item);
  st_serial_picker_set_selected (picker, self->picked);
  g_signal_connect_object (picker, "units-chosen", G_CALLBACK (units_chosen_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (picker));

  return picker;
}

static void
choose_clicked_cb (StEditorLine *self)
{
  if (st_editor_line_get_picking (self))
    st_editor_line_open_picker (self);
}

static void
remove_clicked_cb (StEditorLine *self)
{
  g_signal_emit (self, signals[REMOVE_REQUESTED], 0);
}

void
st_editor_line_set_index (StEditorLine *self,
                          guint         index)
{
  g_autofree char *number = NULL;
  g_autofree char *label = NULL;

  g_return_if_fail (ST_IS_EDITOR_LINE (self));

  number = g_strdup_printf ("%u", index + 1);
  gtk_label_set_text (self->number_label, number);

  /* Translators: the accessible name of a document line, %u is its number */
  label = g_strdup_printf (_("Line %u"), index + 1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

void
st_editor_line_set_context (StEditorLine *self,
                            const char   *warehouse,
                            const char   *reference)
{
  g_return_if_fail (ST_IS_EDITOR_LINE (self));

  if (g_strcmp0 (self->warehouse, warehouse) == 0 && g_strcmp0 (self->reference, reference) == 0)
    return;

  g_free (self->warehouse);
  self->warehouse = g_strdup (warehouse);
  g_free (self->reference);
  self->reference = g_strdup (reference);

  drop_picked (self);
  update_picked_labels (self);
  update_choose_button (self);
  update_state (self);
}

gboolean
st_editor_line_fill_draft (StEditorLine  *self,
                           StDraft       *draft,
                           GError       **error)
{
  StDraftLine *line;
  gboolean has_rate;
  gint64 cents;

  g_return_val_if_fail (ST_IS_EDITOR_LINE (self), FALSE);
  g_return_val_if_fail (self->item != NULL, FALSE);

  if (!parse_rate (self, &has_rate, &cents, error))
    return FALSE;

  line = st_draft_add_line (draft, st_item_get_sku (self->item),
                            st_editor_line_get_quantity (self));
  if (has_rate)
    st_draft_line_set_rate (line, cents);

  if (st_editor_line_get_receiving (self))
    {
      g_autoptr(GPtrArray) serials = st_serial_entry_get_serials (self->serial_entry);

      for (guint i = 0; i < serials->len; i++)
        st_draft_line_add_serial (line, g_ptr_array_index (serials, i));
    }
  else if (st_editor_line_get_picking (self))
    {
      for (guint i = 0; i < self->picked->len; i++)
        st_draft_line_add_serial (line, st_unit_get_serial (g_ptr_array_index (self->picked, i)));
    }

  return TRUE;
}

gboolean
st_editor_line_fill_saved (StEditorLine  *self,
                           StDraft       *draft,
                           GError       **error)
{
  StDraftLine *line;
  gboolean has_rate;
  gint64 cents;

  g_return_val_if_fail (ST_IS_EDITOR_LINE (self), FALSE);

  if (!parse_rate (self, &has_rate, &cents, error))
    return FALSE;

  line = st_draft_add_line (draft, self->item != NULL ? st_item_get_sku (self->item) : NULL,
                            st_editor_line_get_quantity (self));
  if (has_rate)
    st_draft_line_set_rate (line, cents);

  if (st_editor_line_get_receiving (self))
    {
      GListModel *rows = st_serial_entry_get_model (self->serial_entry);
      guint n_rows = g_list_model_get_n_items (rows);

      line->serials = g_ptr_array_new_with_free_func (g_free);
      for (guint i = 0; i < n_rows; i++)
        {
          g_autoptr(StSerialRow) row = g_list_model_get_item (rows, i);

          st_draft_line_add_serial (line, st_serial_row_get_serial (row));
        }
    }
  else if (st_editor_line_get_picking (self))
    {
      line->serials = g_ptr_array_new_with_free_func (g_free);
      for (guint i = 0; i < self->picked->len; i++)
        st_draft_line_add_serial (line, st_unit_get_serial (g_ptr_array_index (self->picked, i)));
    }

  return TRUE;
}

void
st_editor_line_load (StEditorLine      *self,
                     const StDraftLine *line)
{
  guint n_items;

  g_return_if_fail (ST_IS_EDITOR_LINE (self));
  g_return_if_fail (line != NULL);

  n_items = g_list_model_get_n_items (self->items);
  for (guint i = 0; line->sku != NULL && i < n_items; i++)
    {
      g_autoptr(StItem) candidate = g_list_model_get_item (self->items, i);

      if (g_utf8_collate (st_item_get_sku (candidate), line->sku) == 0)
        {
          gtk_drop_down_set_selected (self->item_dropdown, i);
          break;
        }
    }
  st_editor_line_set_quantity (self, line->quantity);
  if (line->has_rate)
    {
      g_autofree char *rate = st_money_format (line->rate);

      gtk_editable_set_text (GTK_EDITABLE (self->rate_entry), rate);
    }

  if (line->serials == NULL || line->serials->len == 0)
    return;
  if (st_editor_line_get_receiving (self))
    st_serial_entry_add_serials (self->serial_entry, line->serials);
  else if (st_editor_line_get_picking (self) && self->store != NULL)
    {
      g_autoptr(GPtrArray) units = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < line->serials->len; i++)
        {
          StUnit *unit = st_store_find_unit (self->store, g_ptr_array_index (line->serials, i),
                                             st_item_get_sku (self->item), NULL);

          if (unit != NULL)
            g_ptr_array_add (units, unit);
        }
      st_editor_line_set_picked (self, units);
    }
}

/* The core names a serial as “SERIAL”, escaped as g_strescape() does. */
static gboolean
message_names (const char *message,
               const char *serial)
{
  g_autofree char *escaped = g_strescape (serial, NULL);
  g_autofree char *quoted = g_strconcat ("“", serial, "”", NULL);
  g_autofree char *quoted_escaped = g_strconcat ("“", escaped, "”", NULL);

  return strstr (message, quoted) != NULL || strstr (message, quoted_escaped) != NULL;
}

gboolean
st_editor_line_mark_refusal (StEditorLine *self,
                             const char   *message)
{
  g_return_val_if_fail (ST_IS_EDITOR_LINE (self), FALSE);
  g_return_val_if_fail (message != NULL, FALSE);

  if (st_editor_line_get_receiving (self))
    {
      GListModel *rows = st_serial_entry_get_model (self->serial_entry);
      guint n_rows = g_list_model_get_n_items (rows);

      for (guint i = 0; i < n_rows; i++)
        {
          g_autoptr(StSerialRow) row = g_list_model_get_item (rows, i);

          if (st_serial_row_get_valid (row)
              && message_names (message, st_serial_row_get_serial (row)))
            return st_serial_entry_mark_error (self->serial_entry,
                                               st_serial_row_get_serial (row), message);
        }
    }
  else if (st_editor_line_get_picking (self))
    {
      for (guint i = 0; i < self->picked->len; i++)
        {
          StUnit *unit = g_ptr_array_index (self->picked, i);

          if (message_names (message, st_unit_get_serial (unit)))
            {
              g_autofree char *text = NULL;

              /* Translators: %1$s is a serial, %2$s why the posting was refused */
              text = g_strdup_printf (_("%1$s was taken out of the choice: %2$s"),
                                      st_unit_get_serial (unit), message);
              g_ptr_array_remove_index (self->picked, i);
              update_picked_labels (self);
              gtk_label_set_text (self->picked_error_label, text);
              gtk_widget_set_visible (GTK_WIDGET (self->picked_error_label), TRUE);
              update_state (self);
              return TRUE;
            }
        }
    }

  return FALSE;
}

static char *
item_label (StItem   *item,
            gpointer  user_data)
{
  if (item == NULL)
    return g_strdup ("");

  /* Translators: an item in a document line's list, %1$s is a SKU, %2$s an item name */
  return g_strdup_printf (_("%1$s — %2$s"), st_item_get_sku (item), st_item_get_name (item));
}

StEditorLine *
st_editor_line_new (StStore    *store,
                    StDocKind   kind,
                    GListModel *items)
{
  g_autoptr(GtkExpression) expression = NULL;
  StEditorLine *self;
  GtkAdjustment *adjustment;

  g_return_val_if_fail (ST_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (items), NULL);

  self = g_object_new (ST_TYPE_EDITOR_LINE, NULL);
  self->store = g_object_ref (store);
  self->kind = kind;
  self->items = g_object_ref (items);
  st_serial_entry_set_store (self->serial_entry, store);

  expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                            G_CALLBACK (item_label), NULL, NULL);
  gtk_drop_down_set_expression (self->item_dropdown, expression);
  gtk_drop_down_set_model (self->item_dropdown, items);
  gtk_drop_down_set_selected (self->item_dropdown, GTK_INVALID_LIST_POSITION);
  g_signal_connect_object (self->item_dropdown, "notify::selected",
                           G_CALLBACK (item_selected_cb), self, G_CONNECT_SWAPPED);

  /* Adjustments take − (write off) as well as + (found) quantities. */
  adjustment = gtk_spin_button_get_adjustment (self->quantity_spin);
  if (kind == ST_DOC_ADJUSTMENT)
    gtk_adjustment_set_lower (adjustment, -MAX_QUANTITY);
  gtk_adjustment_set_upper (adjustment, MAX_QUANTITY);

  /* A transfer moves units at their cost: it has no rate to enter. */
  gtk_widget_set_visible (GTK_WIDGET (self->rate_label), kind != ST_DOC_TRANSFER);
  gtk_widget_set_visible (GTK_WIDGET (self->rate_entry), kind != ST_DOC_TRANSFER);
  gtk_widget_set_visible (GTK_WIDGET (self->amount_label), kind != ST_DOC_TRANSFER);

  update_mode (self);
  update_state (self);

  return self;
}

static gboolean
st_editor_line_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (ST_EDITOR_LINE (widget)->item_dropdown));
}

static void
st_editor_line_dispose (GObject *object)
{
  StEditorLine *self = ST_EDITOR_LINE (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), ST_TYPE_EDITOR_LINE);
  /* The template's root box is not a bound child: unparent it ourselves. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->store);
  g_clear_object (&self->items);
  g_clear_object (&self->item);
  g_clear_pointer (&self->picked, g_ptr_array_unref);

  G_OBJECT_CLASS (st_editor_line_parent_class)->dispose (object);
}

static void
st_editor_line_finalize (GObject *object)
{
  StEditorLine *self = ST_EDITOR_LINE (object);

  g_free (self->warehouse);
  g_free (self->reference);
  g_free (self->problem);

  G_OBJECT_CLASS (st_editor_line_parent_class)->finalize (object);
}

static void
st_editor_line_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  StEditorLine *self = ST_EDITOR_LINE (object);

  switch (prop_id)
    {
    case PROP_COMPLETE:
      g_value_set_boolean (value, self->complete);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
st_editor_line_class_init (StEditorLineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = st_editor_line_dispose;
  object_class->finalize = st_editor_line_finalize;
  object_class->get_property = st_editor_line_get_property;
  widget_class->grab_focus = st_editor_line_grab_focus;

  properties[PROP_COMPLETE] =
    g_param_spec_boolean ("complete", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Anything that may change the line's completeness or its problem. */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
  signals[REMOVE_REQUESTED] =
    g_signal_new ("remove-requested",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  g_type_ensure (ST_TYPE_SERIAL_ENTRY);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/SerialTrack/st-editor-line.ui");
  gtk_widget_class_bind_template_child (widget_class, StEditorLine, number_label);
  gtk_widget_class_bind_template_child (widget_class, StEditorLine, item_dropdown);
  gtk_widget_class_bind_template_child (widget_class, StEditorLine, quantity_spin);
  gtk_widget_class_bind_template_child (widget_class, StEditorLine, direction_label);
  gtk_widget_class_bind_template_child (widget_class, StEditorLine, rate_label);
  gtk_widget_class_bind_template_child (widget_class, StEditorLine, rate_entry);
  gtk_widget_class_bind_template_child (widget_class, StEditorLine, amount_label);
  gtk_widget_class_bind_template_child (widget_class, StEditorLine, remove_button);
  gtk_widget_class_bind_template_child (widget_class, StEditorLine, serial_stack);
  gtk_widget_class_bind_template_child (widget_class, StEditorLine, serial_entry);
  gtk_widget_class_bind_template_child (widget_class, StEditorLine, choose_button);
  gtk_widget_class_bind_template_child (widget_class, StEditorLine, picked_label);
  gtk_widget_class_bind_template_child (widget_class, StEditorLine, picked_serials_label);
  gtk_widget_class_bind_template_child (widget_class, StEditorLine, picked_error_label);
  gtk_widget_class_bind_template_callback (widget_class, choose_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, remove_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, field_activate_cb);

  gtk_widget_class_set_css_name (widget_class, "editorline");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
st_editor_line_init (StEditorLine *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->picked = g_ptr_array_new_with_free_func (g_object_unref);

  g_signal_connect_object (self->quantity_spin, "value-changed",
                           G_CALLBACK (quantity_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->rate_entry, "changed",
                           G_CALLBACK (update_state), self, G_CONNECT_SWAPPED);
  /* The spin button's own text field: Enter there moves on, after the value is taken. */
  g_signal_connect_object (gtk_editable_get_delegate (GTK_EDITABLE (self->quantity_spin)),
                           "activate", G_CALLBACK (field_activate_cb), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_object (self->serial_entry, "notify::n-valid",
                           G_CALLBACK (update_state), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->serial_entry, "notify::valid",
                           G_CALLBACK (update_state), self, G_CONNECT_SWAPPED);
}
