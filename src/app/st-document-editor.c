/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "st-document-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "st-doc-kind.h"
#include "st-document-editor.h"
#include "st-error.h"
#include "st-form.h"
#include "st-format.h"
#include "st-parse.h"
#include "st-store-drafts.h"
#include "st-store-editing.h"

struct _StDocumentEditor
{
  GtkWindow       parent_instance;

  /* Template widgets */
  GtkButton      *post_button;
  GtkButton      *draft_button;
  GtkSpinner     *spinner;
  GtkWidget      *form_box;
  GtkLabel       *contact_label;
  GtkDropDown    *contact_dropdown;
  GtkLabel       *reference_label;
  GtkEntry       *reference_entry;
  GtkLabel       *reference_hint;
  GtkLabel       *number_label;
  GtkEntry       *number_entry;
  GtkLabel       *date_label;
  GtkEntry       *date_entry;
  GtkMenuButton  *date_button;
  GtkPopover     *date_popover;
  GtkCalendar    *calendar;
  GtkLabel       *warehouse_label;
  GtkDropDown    *warehouse_dropdown;
  GtkLabel       *to_label;
  GtkDropDown    *to_dropdown;
  GtkCheckButton *transit_check;
  GtkLabel       *reason_label;
  GtkEntry       *reason_entry;
  GtkListBox     *lines_list;
  GtkButton      *add_line_button;
  GtkLabel       *total_label;
  GtkLabel       *error_label;
  GtkLabel       *hint_label;

  /* Owned */
  StStore        *store;
  GListStore     *items;          /* StItem */
  GtkStringList  *contacts;
  GtkStringList  *warehouses;
  GCancellable   *cancellable;
  char           *reference;      /* the reference document's number once it checks out */
  char           *problem;
  char           *error;
  GtkWidget      *focus_before_posting;  /* weak */
  char           *draft_number;   /* the saved draft this editor shows, or NULL */

  StDocKind       kind;
  gint64          total;
  gboolean        has_total;
  gboolean        posting;
  gboolean        discard;        /* the user said so: close without asking */
  gboolean        loading;        /* filling the form from a saved draft */
  gboolean        dirty;          /* changed since it was opened or saved */
};

G_DEFINE_FINAL_TYPE (StDocumentEditor, st_document_editor, GTK_TYPE_WINDOW)

enum {
  POSTED,
  DRAFT_SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* What the form asks for, by the table of document kinds. */
static gboolean
has_contact (StDocKind kind)
{
  return st_doc_kind_info (kind)->has_contact;
}

static gboolean
has_reference (StDocKind kind)
{
  return st_doc_kind_info (kind)->has_reference;
}

static gboolean
has_warehouse (StDocKind kind)
{
  return st_doc_kind_info (kind)->has_warehouse;
}

static gboolean
has_to_warehouse (StDocKind kind)
{
  return st_doc_kind_info (kind)->has_to_warehouse;
}

static gboolean
has_reason (StDocKind kind)
{
  return st_doc_kind_info (kind)->has_reason;
}

/* The vendor's own number, required: a bill's. */
static gboolean
has_vendor_number (StDocKind kind)
{
  return st_doc_kind_info (kind)->numbering == ST_DOC_NUMBER_VENDOR;
}

/* A number the user may type (a bill's, an invoice's); others are numbered when posted. */
static gboolean
has_typed_number (StDocKind kind)
{
  return st_doc_kind_info (kind)->numbering != ST_DOC_NUMBER_AUTOMATIC;
}

static gboolean
contact_is_vendor (StDocKind kind)
{
  return st_doc_kind_info (kind)->contact_kind == ST_CONTACT_VENDOR;
}

/* A sales return's reference is an invoice, a vendor return's a bill. */
static gboolean
reference_is_invoice (StDocKind kind)
{
  return st_doc_kind_info (kind)->reference_kind == ST_DOC_INVOICE;
}

/* Text of a string list dropdown's selection, or NULL. */
static const char *
dropdown_text (GtkDropDown *dropdown)
{
  GtkStringObject *selected = gtk_drop_down_get_selected_item (dropdown);

  return selected != NULL ? gtk_string_object_get_string (selected) : NULL;
}

static char *
entry_text (GtkEntry *entry)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
}

guint
st_document_editor_get_n_lines (StDocumentEditor *self)
{
  guint n = 0;

  g_return_val_if_fail (ST_IS_DOCUMENT_EDITOR (self), 0);

  while (gtk_list_box_get_row_at_index (self->lines_list, n) != NULL)
    n++;
  return n;
}

StEditorLine *
st_document_editor_get_line (StDocumentEditor *self,
                             guint             index)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (ST_IS_DOCUMENT_EDITOR (self), NULL);

  row = gtk_list_box_get_row_at_index (self->lines_list, index);
  return row != NULL ? ST_EDITOR_LINE (gtk_list_box_row_get_child (row)) : NULL;
}

/* What still keeps Post disabled, first thing first; NULL when the form is complete. */
static char *
find_problem (StDocumentEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *number = NULL;
  g_autofree char *date = NULL;
  g_autofree char *reason = NULL;
  guint n_lines;

  if (has_contact (self->kind) && dropdown_text (self->contact_dropdown) == NULL)
    {
      if (g_list_model_get_n_items (G_LIST_MODEL (self->contacts)) == 0)
        return g_strdup (contact_is_vendor (self->kind)
                         ? _("There are no vendors yet: add one first.")
                         : _("There are no customers yet: add one first."));
      return g_strdup (contact_is_vendor (self->kind) ? _("Choose the vendor.")
                                                      : _("Choose the customer."));
    }

  if (has_reference (self->kind) && self->reference == NULL)
    return g_strdup (reference_is_invoice (self->kind)
                     ? _("Enter the number of the posted invoice the units come back from.")
                     : _("Enter the number of the posted bill the units go back on."));

  number = entry_text (self->number_entry);
  if (has_vendor_number (self->kind) && number[0] == '\0')
    return g_strdup (_("Enter the vendor’s bill number."));

  date = entry_text (self->date_entry);
  if (!st_date_validate (date, _("Date"), &error))
    return g_strdup (error->message);

  if (has_warehouse (self->kind) && dropdown_text (self->warehouse_dropdown) == NULL)
    return g_strdup (_("Choose the warehouse."));

  if (has_to_warehouse (self->kind))
    {
      const char *to = dropdown_text (self->to_dropdown);

      if (to == NULL)
        return g_strdup (_("Choose the warehouse the units go to."));
      if (g_strcmp0 (to, dropdown_text (self->warehouse_dropdown)) == 0)
        return g_strdup (_("A transfer goes to another warehouse."));
    }

  reason = entry_text (self->reason_entry);
  if (has_reason (self->kind) && reason[0] == '\0')
    return g_strdup (_("Enter the reason for the adjustment."));

  n_lines = st_document_editor_get_n_lines (self);
  if (n_lines == 0)
    return g_strdup (_("Add at least one line."));

  for (guint i = 0; i < n_lines; i++)
    {
      StEditorLine *line = st_document_editor_get_line (self, i);

      if (!st_editor_line_get_complete (line))
        /* Translators: %1$u is a line number, %2$s what the line still needs */
        return g_strdup_printf (_("Line %1$u: %2$s"), i + 1, st_editor_line_get_problem (line));
    }

  return NULL;
}

/* The sum of the lines' amounts, live; a line whose amount is not known yet is left out. */
static void
update_total (StDocumentEditor *self)
{
  g_autofree char *total = NULL;
  g_autofree char *text = NULL;
  guint n_lines = st_document_editor_get_n_lines (self);
  gboolean any = FALSE;
  gint64 sum = 0;

  for (guint i = 0; i < n_lines; i++)
    {
      gint64 amount;

      if (st_editor_line_get_amount (st_document_editor_get_line (self, i), &amount))
        {
          sum += amount;
          any = TRUE;
        }
    }

  self->total = sum;
  self->has_total = any;
  if (any)
    {
      total = st_format_money (sum);
      /* Translators: the document's total below its lines, %s is an amount */
      text = g_strdup_printf (_("Total: %s"), total);
    }
  gtk_label_set_text (self->total_label, text != NULL ? text : "");
}

gboolean
st_document_editor_get_total (StDocumentEditor *self,
                              gint64           *total)
{
  g_return_val_if_fail (ST_IS_DOCUMENT_EDITOR (self), FALSE);

  if (total != NULL)
    *total = self->total;
  return self->has_total;
}

/* Enter in a field moves on to the next one and never posts: a scanner's Enter in the wrong
 * field must not post a half-checked document.  Ctrl+Enter posts. */
static void
field_activate_cb (StDocumentEditor *self)
{
  gtk_widget_child_focus (GTK_WIDGET (self), GTK_DIR_TAB_FORWARD);
}

static void
update_state (StDocumentEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *date = entry_text (self->date_entry);

  if (!self->loading)
    self->dirty = TRUE;
  g_free (self->problem);
  self->problem = find_problem (self);

  if (date[0] != '\0' && !st_date_validate (date, _("Date"), NULL))
    gtk_widget_add_css_class (GTK_WIDGET (self->date_entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->date_entry), "error");

  gtk_label_set_text (self->hint_label, self->problem != NULL ? self->problem : "");
  gtk_widget_set_visible (GTK_WIDGET (self->hint_label), self->problem != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->post_button),
                            self->problem == NULL && !self->posting);
  gtk_widget_set_sensitive (GTK_WIDGET (self->draft_button), !self->posting);
  update_total (self);
}

gboolean
st_document_editor_can_post (StDocumentEditor *self)
{
  g_return_val_if_fail (ST_IS_DOCUMENT_EDITOR (self), FALSE);

  return self->problem == NULL && !self->posting;
}

const char *
st_document_editor_get_problem (StDocumentEditor *self)
{
  g_return_val_if_fail (ST_IS_DOCUMENT_EDITOR (self), NULL);

  return self->problem;
}

const char *
st_document_editor_get_error (StDocumentEditor *self)
{
  g_return_val_if_fail (ST_IS_DOCUMENT_EDITOR (self), NULL);

  return self->error;
}

gboolean
st_document_editor_is_posting (StDocumentEditor *self)
{
  g_return_val_if_fail (ST_IS_DOCUMENT_EDITOR (self), FALSE);

  return self->posting;
}

StDocKind
st_document_editor_get_kind (StDocumentEditor *self)
{
  g_return_val_if_fail (ST_IS_DOCUMENT_EDITOR (self), ST_DOC_BILL);

  return self->kind;
}

/* Picking lines pick at the document's warehouse, or among the reference's units. */
static void
update_line_context (StDocumentEditor *self)
{
  const char *warehouse = has_warehouse (self->kind) ? dropdown_text (self->warehouse_dropdown)
                                                     : NULL;
  guint n_lines = st_document_editor_get_n_lines (self);

  for (guint i = 0; i < n_lines; i++)
    st_editor_line_set_context (st_document_editor_get_line (self, i), warehouse,
                                self->reference);
  update_state (self);
}

static void
reindex_lines (StDocumentEditor *self)
{
  guint n_lines = st_document_editor_get_n_lines (self);

  for (guint i = 0; i < n_lines; i++)
    st_editor_line_set_index (st_document_editor_get_line (self, i), i);
}

static void
line_remove_requested_cb (StDocumentEditor *self,
                          StEditorLine     *line)
{
  GtkWidget *row = gtk_widget_get_parent (GTK_WIDGET (line));
  int index = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));
  StEditorLine *next;

  gtk_list_box_remove (self->lines_list, row);
  reindex_lines (self);
  update_state (self);

  next = st_document_editor_get_line (self, index > 0 ? (guint) index - 1 : 0);
  if (next != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (next));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->add_line_button));
}

StEditorLine *
st_document_editor_add_line (StDocumentEditor *self)
{
  StEditorLine *line;
  GtkWidget *row;

  g_return_val_if_fail (ST_IS_DOCUMENT_EDITOR (self), NULL);

  line = st_editor_line_new (self->store, self->kind, G_LIST_MODEL (self->items));
  g_signal_connect_object (line, "changed", G_CALLBACK (update_state), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (line, "remove-requested", G_CALLBACK (line_remove_requested_cb),
                           self, G_CONNECT_SWAPPED);
  st_editor_line_set_context (line,
                              has_warehouse (self->kind)
                              ? dropdown_text (self->warehouse_dropdown) : NULL,
                              self->reference);

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), GTK_WIDGET (line));
  gtk_list_box_append (self->lines_list, row);

  reindex_lines (self);
  update_state (self);
  return line;
}

static void
add_line_clicked_cb (StDocumentEditor *self)
{
  StEditorLine *line = st_document_editor_add_line (self);

  gtk_widget_grab_focus (GTK_WIDGET (line));
}

/* The reference of a return: a posted invoice (sales return) or bill (vendor return). */
static void
reference_changed_cb (StDocumentEditor *self)
{
  g_autofree char *number = entry_text (self->reference_entry);
  g_autoptr(StDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *hint = NULL;
  StDocKind ref_kind = st_doc_kind_info (self->kind)->reference_kind;

  g_clear_pointer (&self->reference, g_free);

  if (number[0] != '\0')
    document = st_store_get_document (self->store, ref_kind, number, &error);

  if (document != NULL && st_document_get_status (document) == ST_DOC_STATUS_POSTED)
    {
      g_autofree char *date = st_format_date (st_document_get_date (document));

      self->reference = g_strdup (st_document_get_number (document));
      /* Translators: %1$s is a customer or vendor, %2$s a date */
      hint = g_strdup_printf (_("%1$s, %2$s"), st_document_get_contact (document), date);
      gtk_widget_remove_css_class (GTK_WIDGET (self->reference_entry), "error");
    }
  else if (number[0] != '\0')
    {
      if (document != NULL)
        hint = g_strdup (ref_kind == ST_DOC_INVOICE ? _("This invoice is void.")
                                                    : _("This bill is void."));
      else if (!g_error_matches (error, ST_ERROR, ST_ERROR_NOT_FOUND))
        /* Such as a bill number several vendors use: the store says what is wrong. */
        hint = g_strdup (error->message);
      else
        hint = g_strdup (ref_kind == ST_DOC_INVOICE ? _("No invoice has this number.")
                                                    : _("No bill has this number."));
      gtk_widget_add_css_class (GTK_WIDGET (self->reference_entry), "error");
    }
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->reference_entry), "error");

  gtk_label_set_text (self->reference_hint, hint != NULL ? hint : "");
  update_line_context (self);
}

/* The calendar popover: a bonus over typing the ISO date. */
static void
date_popover_show_cb (StDocumentEditor *self)
{
  g_autofree char *text = entry_text (self->date_entry);
  g_autoptr(GDateTime) date = NULL;
  int year, month, day;

  if (st_date_validate (text, _("Date"), NULL)
      && sscanf (text, "%d-%d-%d", &year, &month, &day) == 3)
    date = g_date_time_new_local (year, month, day, 12, 0, 0);
  if (date == NULL)
    date = g_date_time_new_now_local ();

  gtk_calendar_select_day (self->calendar, date);
}

static void
calendar_day_selected_cb (StDocumentEditor *self)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (self->calendar);
  g_autofree char *text = g_date_time_format (date, "%Y-%m-%d");

  if (!gtk_widget_get_visible (GTK_WIDGET (self->date_popover)))
    return;

  gtk_editable_set_text (GTK_EDITABLE (self->date_entry), text);
  gtk_popover_popdown (self->date_popover);
}

/* Posting, through the store's worker (st_store_post_async()). */

static void
set_posting (StDocumentEditor *self,
             gboolean          posting)
{
  self->posting = posting;
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), posting);
  gtk_spinner_set_spinning (self->spinner, posting);
  /* The form waits while the worker posts. */
  st_form_set_busy (self->form_box, posting, &self->focus_before_posting);
  update_state (self);
}

static void
show_refusal (StDocumentEditor *self,
              const GError     *error)
{
  guint n_lines = st_document_editor_get_n_lines (self);

  g_free (self->error);
  self->error = g_strdup (error->message);
  gtk_label_set_text (self->error_label, error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);

  /* Point at what caused it: the serial it names, or the field. */
  for (guint i = 0; i < n_lines; i++)
    if (st_editor_line_mark_refusal (st_document_editor_get_line (self, i), error->message))
      break;

  if (has_vendor_number (self->kind) && g_error_matches (error, ST_ERROR, ST_ERROR_DUPLICATE))
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->number_entry), "error");
      gtk_widget_grab_focus (GTK_WIDGET (self->number_entry));
    }

  update_state (self);
}

static void
post_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(StDocumentEditor) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(StDocument) document = NULL;

  if (g_task_get_source_tag (G_TASK (result)) == st_store_post_draft_async)
    document = st_store_post_draft_finish (ST_STORE (source), result, &error);
  else
    document = st_store_post_finish (ST_STORE (source), result, &error);

  /* Closed meanwhile (the window's refresh shows a posting that went through). */
  if (self->store == NULL)
    return;

  set_posting (self, FALSE);

  if (document == NULL)
    {
      show_refusal (self, error);
      return;
    }

  g_signal_emit (self, signals[POSTED], 0, document);
  gtk_window_destroy (GTK_WINDOW (self));
}

static StDraft *
build_draft (StDocumentEditor  *self,
             GError           **error)
{
  g_autoptr(StDraft) draft = st_draft_new (self->kind);
  g_autofree char *number = entry_text (self->number_entry);
  g_autofree char *date = entry_text (self->date_entry);
  g_autofree char *reason = entry_text (self->reason_entry);
  guint n_lines = st_document_editor_get_n_lines (self);

  if (has_typed_number (self->kind) && number[0] != '\0')
    st_draft_set_string (&draft->number, number);
  st_draft_set_string (&draft->date, date);
  if (has_contact (self->kind))
    st_draft_set_string (&draft->contact, dropdown_text (self->contact_dropdown));
  if (has_warehouse (self->kind))
    st_draft_set_string (&draft->warehouse, dropdown_text (self->warehouse_dropdown));
  if (has_to_warehouse (self->kind))
    {
      st_draft_set_string (&draft->to_warehouse, dropdown_text (self->to_dropdown));
      draft->in_transit = gtk_check_button_get_active (self->transit_check);
    }
  if (has_reference (self->kind))
    st_draft_set_string (&draft->reference, self->reference);
  if (has_reason (self->kind))
    st_draft_set_string (&draft->reason, reason);

  for (guint i = 0; i < n_lines; i++)
    if (!st_editor_line_fill_draft (st_document_editor_get_line (self, i), draft, error))
      return NULL;

  return g_steal_pointer (&draft);
}

gboolean
st_document_editor_post (StDocumentEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StDraft) draft = NULL;

  g_return_val_if_fail (ST_IS_DOCUMENT_EDITOR (self), FALSE);

  update_state (self);
  if (!st_document_editor_can_post (self))
    return FALSE;

  g_clear_pointer (&self->error, g_free);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_widget_remove_css_class (GTK_WIDGET (self->number_entry), "error");

  draft = build_draft (self, &error);
  if (draft == NULL)
    {
      show_refusal (self, error);
      return FALSE;
    }

  set_posting (self, TRUE);
  /* A saved draft becomes the posted document in the posting's own transaction. */
  if (self->draft_number != NULL)
    st_store_post_draft_async (self->store, self->draft_number, draft, self->cancellable,
                               post_done_cb, g_object_ref (self));
  else
    st_store_post_async (self->store, draft, self->cancellable, post_done_cb,
                         g_object_ref (self));

  return TRUE;
}

/* Saving as a draft: the form as it stands, problems and all. */

static StDraft *
build_saved_draft (StDocumentEditor  *self,
                   GError           **error)
{
  g_autoptr(StDraft) draft = st_draft_new (self->kind);
  g_autofree char *number = entry_text (self->number_entry);
  g_autofree char *date = entry_text (self->date_entry);
  g_autofree char *reason = entry_text (self->reason_entry);
  g_autofree char *reference = entry_text (self->reference_entry);
  guint n_lines = st_document_editor_get_n_lines (self);

  if (has_typed_number (self->kind) && number[0] != '\0')
    st_draft_set_string (&draft->number, number);
  if (date[0] != '\0')
    st_draft_set_string (&draft->date, date);
  if (has_contact (self->kind))
    st_draft_set_string (&draft->contact, dropdown_text (self->contact_dropdown));
  if (has_warehouse (self->kind))
    st_draft_set_string (&draft->warehouse, dropdown_text (self->warehouse_dropdown));
  if (has_to_warehouse (self->kind))
    {
      st_draft_set_string (&draft->to_warehouse, dropdown_text (self->to_dropdown));
      draft->in_transit = gtk_check_button_get_active (self->transit_check);
    }
  if (has_reference (self->kind) && reference[0] != '\0')
    st_draft_set_string (&draft->reference, reference);
  if (has_reason (self->kind) && reason[0] != '\0')
    st_draft_set_string (&draft->reason, reason);

  for (guint i = 0; i < n_lines; i++)
    if (!st_editor_line_fill_saved (st_document_editor_get_line (self, i), draft, error))
      return NULL;

  return g_steal_pointer (&draft);
}

static void
save_draft_done_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(StDocumentEditor) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(StSavedDraft) saved = st_store_save_draft_finish (ST_STORE (source), result, &error);

  /* Closed meanwhile: the draft is saved all the same, and its view lists it. */
  if (self->store == NULL)
    return;

  set_posting (self, FALSE);
  if (saved == NULL)
    {
      show_refusal (self, error);
      return;
    }

  g_free (self->draft_number);
  self->draft_number = g_strdup (saved->number);
  self->dirty = FALSE;
  g_signal_emit (self, signals[DRAFT_SAVED], 0, saved->number);

  /* Saved: the window closes, and the draft waits in its documents view. */
  self->discard = TRUE;
  gtk_window_destroy (GTK_WINDOW (self));
}

/* Saved in the store's worker, the editor waiting as for a posting. */
gboolean
st_document_editor_save_draft (StDocumentEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StDraft) draft = NULL;

  g_return_val_if_fail (ST_IS_DOCUMENT_EDITOR (self), FALSE);

  if (self->posting)
    return FALSE;

  draft = build_saved_draft (self, &error);
  if (draft == NULL)
    {
      show_refusal (self, error);
      return FALSE;
    }

  set_posting (self, TRUE);
  st_store_save_draft_async (self->store, self->draft_number, draft, self->cancellable,
                             save_draft_done_cb, g_object_ref (self));
  return TRUE;
}

const char *
st_document_editor_get_draft_number (StDocumentEditor *self)
{
  g_return_val_if_fail (ST_IS_DOCUMENT_EDITOR (self), NULL);

  return self->draft_number;
}

static void
draft_clicked_cb (StDocumentEditor *self)
{
  st_document_editor_save_draft (self);
}

static void
post_clicked_cb (StDocumentEditor *self)
{
  st_document_editor_post (self);
}

static gboolean
post_shortcut_cb (GtkWidget *widget,
                  GVariant  *args,
                  gpointer   user_data)
{
  StDocumentEditor *self = ST_DOCUMENT_EDITOR (widget);

  if (!st_document_editor_post (self))
    gtk_widget_error_bell (widget);
  return TRUE;
}

/* Whether closing would lose something the user entered. */
static gboolean
has_input (StDocumentEditor *self)
{
  g_autofree char *number = entry_text (self->number_entry);
  g_autofree char *reason = entry_text (self->reason_entry);
  g_autofree char *reference = entry_text (self->reference_entry);
  guint n_lines = st_document_editor_get_n_lines (self);

  if ((has_typed_number (self->kind) && number[0] != '\0')
      || reason[0] != '\0' || reference[0] != '\0')
    return TRUE;

  for (guint i = 0; i < n_lines; i++)
    if (st_editor_line_get_item (st_document_editor_get_line (self, i)) != NULL)
      return TRUE;

  return FALSE;
}

static gboolean
close_idle_cb (gpointer data)
{
  gtk_window_close (GTK_WINDOW (data));
  return G_SOURCE_REMOVE;
}

static gboolean
save_draft_idle_cb (gpointer data)
{
  st_document_editor_save_draft (ST_DOCUMENT_EDITOR (data));
  return G_SOURCE_REMOVE;
}

static void
discard_response_cb (GtkDialog        *dialog,
                     int               response,
                     StDocumentEditor *self)
{
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* Closed from an idle: the question, transient for this window, is still being torn
   * down. */
  if (response == GTK_RESPONSE_APPLY)
    g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, save_draft_idle_cb, g_object_ref (self),
                     g_object_unref);
  else if (response == GTK_RESPONSE_ACCEPT)
    {
      self->discard = TRUE;
      g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, close_idle_cb, g_object_ref (self),
                       g_object_unref);
    }
}

/* A posting in flight finishes: the window stays until it has said how it went.  A stray
 * Escape must not throw away a hundred scanned serials: closing with input asks first. */
static gboolean
st_document_editor_close_request (GtkWindow *window)
{
  StDocumentEditor *self = ST_DOCUMENT_EDITOR (window);
  GtkWidget *dialog;
  GtkWidget *button;

  if (self->posting)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return TRUE;
    }

  /* A draft opened and left as it was closes at once: it is saved. */
  if (!self->discard && (self->draft_number != NULL ? self->dirty : has_input (self)))
    {
      gboolean draft = self->draft_number != NULL;

      dialog = gtk_message_dialog_new (window,
                                       GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                       GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE,
                                       "%s", draft ? _("Discard the changes to this draft?")
                                                   : _("Discard this document?"));
      gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s",
                                                draft
                                                ? _("The draft keeps what it had when it was "
                                                    "last saved.  Save it to keep the changes.")
                                                : _("It has not been posted.  Save it as a "
                                                    "draft to post it later, or what you "
                                                    "entered in it will be lost."));
      gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Keep Editing"), GTK_RESPONSE_CANCEL);
      button = gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Discard"), GTK_RESPONSE_ACCEPT);
      gtk_widget_add_css_class (button, "destructive-action");
      gtk_dialog_add_button (GTK_DIALOG (dialog), _("Save as _Draft"), GTK_RESPONSE_APPLY);
      gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
      g_signal_connect_object (dialog, "response", G_CALLBACK (discard_response_cb), self, 0);
      gtk_window_present (GTK_WINDOW (dialog));
      return TRUE;
    }

  return GTK_WINDOW_CLASS (st_document_editor_parent_class)->close_request (window);
}

/* Returns: filled in from the invoice or bill (DESIGN §11). */

static void
select_string (GtkDropDown   *dropdown,
               GtkStringList *list,
               const char    *text)
{
  for (guint i = 0; text != NULL && i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    if (g_strcmp0 (gtk_string_list_get_string (list, i), text) == 0)
      {
        gtk_drop_down_set_selected (dropdown, i);
        return;
      }
}

static StItem *
find_item (StDocumentEditor *self,
           gint64            item_id)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->items)); i++)
    {
      g_autoptr(StItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);

      if (st_item_get_id (item) == item_id)
        return item;  /* the list keeps its reference */
    }
  return NULL;
}

void
st_document_editor_fill_return (StDocumentEditor *self,
                                StDocument       *reference)
{
  StUnitQuery query = { 0, NULL, -1, NULL, NULL };
  g_autoptr(GPtrArray) units = NULL;
  GPtrArray *lines;
  const char *number;

  g_return_if_fail (ST_IS_DOCUMENT_EDITOR (self));
  g_return_if_fail (ST_IS_DOCUMENT (reference));
  g_return_if_fail (has_reference (self->kind));

  number = st_document_get_number (reference);
  if (has_contact (self->kind))
    select_string (self->contact_dropdown, self->contacts, st_document_get_contact (reference));
  if (has_warehouse (self->kind))
    select_string (self->warehouse_dropdown, self->warehouses,
                   st_document_get_warehouse (reference));
  gtk_editable_set_text (GTK_EDITABLE (self->reference_entry), number);

  /* One line an item: its units sold on the invoice and not returned since (still in stock
   * from the bill), all picked; a quantity item's line with the document's quantity. */
  if (reference_is_invoice (self->kind))
    query.sold_on_invoice = number;
  else
    {
      query.received_on_bill = number;
      query.received_on_bill_vendor = st_document_get_contact (reference);
    }
  units = st_store_query_units (self->store, &query, NULL);
  lines = st_document_get_lines (reference);
  for (guint i = 0; lines != NULL && i < lines->len; i++)
    {
      const StDocumentLine *ref_line = g_ptr_array_index (lines, i);
      StItem *item = find_item (self, ref_line->item_id);
      g_autoptr(GPtrArray) picked = g_ptr_array_new_with_free_func (g_object_unref);
      StEditorLine *line;
      guint n_lines;

      if (item == NULL)
        continue;  /* archived: not offered */
      for (guint j = 0; units != NULL && j < units->len; j++)
        {
          StUnit *unit = g_ptr_array_index (units, j);

          if (st_unit_get_item_id (unit) == ref_line->item_id)
            g_ptr_array_add (picked, g_object_ref (unit));
        }
      if (st_item_get_tracking (item) == ST_TRACKING_SERIAL && picked->len == 0)
        continue;  /* all of it came back already */

      /* The new form's empty line is the first one. */
      n_lines = st_document_editor_get_n_lines (self);
      line = n_lines > 0 ? st_document_editor_get_line (self, n_lines - 1) : NULL;
      if (line == NULL || st_editor_line_get_item (line) != NULL)
        line = st_document_editor_add_line (self);
      st_editor_line_set_item (line, item);
      if (st_item_get_tracking (item) == ST_TRACKING_SERIAL)
        {
          st_editor_line_set_quantity (line, picked->len);
          st_editor_line_set_picked (line, picked);
          /* A unit on two lines of the invoice: picked once. */
          for (guint j = units->len; j > 0; j--)
            if (st_unit_get_item_id (g_ptr_array_index (units, j - 1)) == ref_line->item_id)
              g_ptr_array_remove_index (units, j - 1);
        }
      else
        st_editor_line_set_quantity (line, ref_line->quantity);
    }
  update_state (self);
}

static void
chooser_activate_cb (GtkListView *list,
                     guint        position,
                     gpointer     user_data)
{
  StDocumentEditor *self = ST_DOCUMENT_EDITOR (user_data);
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (list));
  g_autoptr(StDocument) document = g_list_model_get_item (model, position);
  GtkWidget *popover = gtk_widget_get_ancestor (GTK_WIDGET (list), GTK_TYPE_POPOVER);

  if (document == NULL)
    return;
  gtk_editable_set_text (GTK_EDITABLE (self->reference_entry), st_document_get_number (document));
  if (popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (popover));
}

static void
chooser_setup_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (list_item, label);
}

static void
chooser_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item)
{
  StDocument *document = gtk_list_item_get_item (list_item);
  g_autofree char *date = NULL;
  g_autofree char *total = NULL;
  g_autofree char *text = NULL;

  if (document == NULL)
    return;
  date = st_format_date (st_document_get_date (document));
  total = st_format_money (st_document_get_total (document));
  /* Translators: a row of a return's chooser of invoices (bills): %1$s the number, %2$s the
   * customer (vendor), %3$s the date, %4$s the total */
  text = g_strdup_printf (_("%1$s — %2$s, %3$s, %4$s"), st_document_get_number (document),
                          st_document_get_contact (document), date, total);
  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (list_item)), text);
}

static void
chooser_search_cb (GtkSearchEntry *entry,
                   GtkListView    *list)
{
  GtkSingleSelection *selection = GTK_SINGLE_SELECTION (gtk_list_view_get_model (list));
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  if (selection != NULL)
    st_list_model_set_filter (ST_LIST_MODEL (gtk_single_selection_get_model (selection)),
                              *text != '\0' ? text : NULL);
}

/* The chooser lists the contact's posted invoices (bills), newest first, read lazily; its
 * search narrows them by number or by the customer's (vendor's) name. */
static void
chooser_show_cb (GtkPopover       *popover,
                 StDocumentEditor *self)
{
  GtkListView *list = g_object_get_data (G_OBJECT (popover), "st-list");
  g_autoptr(StListModel) model = NULL;
  g_autoptr(GtkSingleSelection) selection = NULL;

  model = st_store_list_posted_documents_of (self->store, st_doc_kind_info (self->kind)->reference_kind,
                                             st_doc_kind_info (self->kind)->contact_kind,
                                             has_contact (self->kind)
                                             ? dropdown_text (self->contact_dropdown) : NULL,
                                             NULL);
  if (model == NULL)
    return;
  {
    const char *text = gtk_editable_get_text (g_object_get_data (G_OBJECT (popover),
                                                                 "st-search"));

    if (*text != '\0')
      st_list_model_set_filter (model, text);
  }
  selection = gtk_single_selection_new (G_LIST_MODEL (g_steal_pointer (&model)));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_selected (selection, GTK_INVALID_LIST_POSITION);
  gtk_list_view_set_model (list, GTK_SELECTION_MODEL (selection));
}

static void
add_reference_chooser (StDocumentEditor *self)
{
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *search = gtk_search_entry_new ();
  GtkWidget *list;

  g_signal_connect (factory, "setup", G_CALLBACK (chooser_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (chooser_bind_cb), NULL);
  list = gtk_list_view_new (NULL, factory);
  gtk_list_view_set_single_click_activate (GTK_LIST_VIEW (list), TRUE);
  g_signal_connect_object (list, "activate", G_CALLBACK (chooser_activate_cb), self, 0);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 200);
  gtk_scrolled_window_set_min_content_width (GTK_SCROLLED_WINDOW (scroller), 280);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), list);
  g_object_set (search, "placeholder-text",
                reference_is_invoice (self->kind) ? _("Number or customer")
                                                  : _("Number or vendor"), NULL);
  g_signal_connect_object (search, "search-changed", G_CALLBACK (chooser_search_cb), list, 0);
  gtk_box_append (GTK_BOX (box), search);
  gtk_box_append (GTK_BOX (box), scroller);
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  g_object_set_data (G_OBJECT (popover), "st-list", list);
  g_object_set_data (G_OBJECT (popover), "st-search", search);
  g_signal_connect_object (popover, "show", G_CALLBACK (chooser_show_cb), self, 0);

  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  gtk_menu_button_set_use_underline (GTK_MENU_BUTTON (button), TRUE);
  gtk_menu_button_set_label (GTK_MENU_BUTTON (button), _("C_hoose…"));
  gtk_widget_set_tooltip_text (button, reference_is_invoice (self->kind)
                                       ? _("Choose one of the customer's posted invoices")
                                       : _("Choose one of the vendor's posted bills"));
  gtk_widget_set_name (button, "reference-chooser");
  gtk_box_insert_child_after (GTK_BOX (gtk_widget_get_parent (GTK_WIDGET (self->reference_entry))),
                              button, GTK_WIDGET (self->reference_entry));
}

/* Setting the form up for a kind. */

static void
fill_lists (StDocumentEditor *self)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) warehouses = NULL;

  items = st_store_list_active_items (self->store, NULL);  /* archived: not offered */
  for (guint i = 0; items != NULL && i < items->len; i++)
    g_list_store_append (self->items, g_ptr_array_index (items, i));

  warehouses = st_store_list_active_warehouses (self->store, NULL);  /* archived: not offered */
  for (guint i = 0; warehouses != NULL && i < warehouses->len; i++)
    gtk_string_list_append (self->warehouses,
                            st_warehouse_get_name (g_ptr_array_index (warehouses, i)));

  if (has_contact (self->kind))
    {
      g_autoptr(GPtrArray) contacts = NULL;

      contacts = st_store_list_active_contacts (self->store,
                                                st_doc_kind_info (self->kind)->contact_kind,
                                                NULL);
      for (guint i = 0; contacts != NULL && i < contacts->len; i++)
        gtk_string_list_append (self->contacts,
                                st_contact_get_name (g_ptr_array_index (contacts, i)));
    }
}

static void
set_row_visible (GtkWidget *label,
                 GtkWidget *field,
                 gboolean   visible)
{
  gtk_widget_set_visible (label, visible);
  gtk_widget_set_visible (field, visible);
}

static void
setup_form (StDocumentEditor *self)
{
  g_autoptr(GtkExpression) expression = NULL;
  g_autofree char *next = NULL;
  g_autofree char *today = st_date_today ();
  StDocKind kind = self->kind;
  guint n_warehouses;

  gtk_window_set_title (GTK_WINDOW (self), _(st_doc_kind_info (kind)->new_title));
  fill_lists (self);

  expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  gtk_drop_down_set_expression (self->contact_dropdown, expression);

  /* Contact: bills and invoices. */
  set_row_visible (GTK_WIDGET (self->contact_label), GTK_WIDGET (self->contact_dropdown),
                   has_contact (kind));
  gtk_label_set_text_with_mnemonic (self->contact_label,
                                    contact_is_vendor (kind) ? _("_Vendor") : _("C_ustomer"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->contact_dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  contact_is_vendor (kind) ? _("Vendor") : _("Customer"),
                                  -1);
  gtk_drop_down_set_model (self->contact_dropdown, G_LIST_MODEL (self->contacts));
  /* The only contact there is is the one; of several, nobody is chosen for the user. */
  gtk_drop_down_set_selected (self->contact_dropdown,
                              g_list_model_get_n_items (G_LIST_MODEL (self->contacts)) == 1
                              ? 0 : GTK_INVALID_LIST_POSITION);

  /* Reference: returns. */
  set_row_visible (GTK_WIDGET (self->reference_label),
                   gtk_widget_get_parent (GTK_WIDGET (self->reference_entry)),
                   has_reference (kind));
  if (has_reference (kind))
    add_reference_chooser (self);
  gtk_label_set_text_with_mnemonic (self->reference_label,
                                    reference_is_invoice (kind) ? _("_Invoice") : _("_Bill"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->reference_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  reference_is_invoice (kind) ? _("Invoice") : _("Bill"),
                                  -1);
  gtk_entry_set_placeholder_text (self->reference_entry,
                                  reference_is_invoice (kind) ? _("e.g. INV-00001")
                                                              : _("e.g. BILL-00001"));

  /* Number: the vendor's for bills, optional for invoices, automatic otherwise. */
  next = st_store_next_number (self->store, kind);
  if (has_vendor_number (kind))
    {
      gtk_label_set_text_with_mnemonic (self->number_label, _("Bill _number"));
      gtk_entry_set_placeholder_text (self->number_entry, _("The vendor’s bill number"));
    }
  else if (has_typed_number (kind))
    gtk_entry_set_placeholder_text (self->number_entry, next);
  else
    {
      gtk_label_set_text (self->number_label, _("Number"));
      gtk_editable_set_text (GTK_EDITABLE (self->number_entry), next);
      gtk_editable_set_editable (GTK_EDITABLE (self->number_entry), FALSE);
      gtk_widget_set_can_focus (GTK_WIDGET (self->number_entry), FALSE);
      gtk_widget_add_css_class (GTK_WIDGET (self->number_entry), "dim-label");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->number_entry),
                                   _("Numbered automatically when posted"));
    }

  gtk_editable_set_text (GTK_EDITABLE (self->date_entry), today);

  /* Warehouses: where units come in or go out; a transfer's From and To. */
  n_warehouses = g_list_model_get_n_items (G_LIST_MODEL (self->warehouses));
  set_row_visible (GTK_WIDGET (self->warehouse_label), GTK_WIDGET (self->warehouse_dropdown),
                   has_warehouse (kind));
  if (has_to_warehouse (kind))
    {
      /* Translators: the label of a transfer's source warehouse */
      gtk_label_set_text_with_mnemonic (self->warehouse_label, C_("warehouse", "_From"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->warehouse_dropdown),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("From warehouse"),
                                      -1);
    }
  gtk_drop_down_set_model (self->warehouse_dropdown, G_LIST_MODEL (self->warehouses));
  gtk_drop_down_set_selected (self->warehouse_dropdown,
                              n_warehouses > 0 ? 0 : GTK_INVALID_LIST_POSITION);

  set_row_visible (GTK_WIDGET (self->to_label),
                   gtk_widget_get_parent (GTK_WIDGET (self->to_dropdown)),
                   has_to_warehouse (kind));
  gtk_drop_down_set_model (self->to_dropdown, G_LIST_MODEL (self->warehouses));
  gtk_drop_down_set_selected (self->to_dropdown,
                              n_warehouses > 1 ? 1 : GTK_INVALID_LIST_POSITION);

  set_row_visible (GTK_WIDGET (self->reason_label), GTK_WIDGET (self->reason_entry),
                   has_reason (kind));

  g_signal_connect_object (self->contact_dropdown, "notify::selected",
                           G_CALLBACK (update_state), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->warehouse_dropdown, "notify::selected",
                           G_CALLBACK (update_line_context), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->to_dropdown, "notify::selected",
                           G_CALLBACK (update_state), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->number_entry, "changed",
                           G_CALLBACK (update_state), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->date_entry, "changed",
                           G_CALLBACK (update_state), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->reason_entry, "changed",
                           G_CALLBACK (update_state), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->reference_entry, "changed",
                           G_CALLBACK (reference_changed_cb), self, G_CONNECT_SWAPPED);

  st_document_editor_add_line (self);
  update_state (self);

  /* Start where the user starts. */
  if (has_contact (kind) && dropdown_text (self->contact_dropdown) == NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->contact_dropdown));
  else if (has_vendor_number (kind))
    gtk_widget_grab_focus (GTK_WIDGET (self->number_entry));
  else if (has_reference (kind))
    gtk_widget_grab_focus (GTK_WIDGET (self->reference_entry));
  else if (has_reason (kind))
    gtk_widget_grab_focus (GTK_WIDGET (self->reason_entry));
  else
    gtk_widget_grab_focus (GTK_WIDGET (st_document_editor_get_line (self, 0)));
}

StDocumentEditor *
st_document_editor_new (GtkWindow *parent,
                        StStore   *store,
                        StDocKind  kind)
{
  StDocumentEditor *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (ST_IS_STORE (store), NULL);
  g_return_val_if_fail (kind < ST_N_DOC_KINDS, NULL);

  self = g_object_new (ST_TYPE_DOCUMENT_EDITOR,
                       "transient-for", parent,
                       NULL);
  self->store = g_object_ref (store);
  self->kind = kind;
  setup_form (self);

  return self;
}

/* The position of @text in a string list (exact first, then ignoring case), or
 * GTK_INVALID_LIST_POSITION. */
static guint
find_string (GtkStringList *list,
             const char    *text)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_autofree char *key = NULL;

  if (text == NULL)
    return GTK_INVALID_LIST_POSITION;
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (gtk_string_list_get_string (list, i), text) == 0)
      return i;
  key = g_utf8_casefold (text, -1);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *other = g_utf8_casefold (gtk_string_list_get_string (list, i), -1);

      if (g_strcmp0 (other, key) == 0)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

static void
load_draft (StDocumentEditor   *self,
            const StSavedDraft *saved)
{
  const StDraft *draft = saved->draft;
  g_autofree char *title = NULL;
  GtkListBoxRow *first;

  self->loading = TRUE;
  self->draft_number = g_strdup (saved->number);
  /* Translators: an editor's title for a saved draft: %1$s "New Bill", %2$s "DRAFT-00001" */
  title = g_strdup_printf (_("%1$s — %2$s"), _(st_doc_kind_info (self->kind)->new_title),
                           saved->number);
  gtk_window_set_title (GTK_WINDOW (self), title);

  if (has_contact (self->kind))
    gtk_drop_down_set_selected (self->contact_dropdown, find_string (self->contacts,
                                                                     draft->contact));
  if (has_typed_number (self->kind))
    gtk_editable_set_text (GTK_EDITABLE (self->number_entry),
                           draft->number != NULL ? draft->number : "");
  if (draft->date != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->date_entry), draft->date);
  if (has_warehouse (self->kind))
    gtk_drop_down_set_selected (self->warehouse_dropdown, find_string (self->warehouses,
                                                                       draft->warehouse));
  if (has_to_warehouse (self->kind))
    {
      gtk_drop_down_set_selected (self->to_dropdown, find_string (self->warehouses,
                                                                  draft->to_warehouse));
      gtk_check_button_set_active (self->transit_check, draft->in_transit);
    }
  if (has_reference (self->kind))
    gtk_editable_set_text (GTK_EDITABLE (self->reference_entry),
                           draft->reference != NULL ? draft->reference : "");
  if (has_reason (self->kind))
    gtk_editable_set_text (GTK_EDITABLE (self->reason_entry),
                           draft->reason != NULL ? draft->reason : "");

  /* The lines, once the warehouse and the reference they pick from are set. */
  if (draft->lines->len > 0 && (first = gtk_list_box_get_row_at_index (self->lines_list, 0)))
    gtk_list_box_remove (self->lines_list, GTK_WIDGET (first));
  for (guint i = 0; i < draft->lines->len; i++)
    st_editor_line_load (st_document_editor_add_line (self),
                         g_ptr_array_index (draft->lines, i));

  update_state (self);
  self->loading = FALSE;
  self->dirty = FALSE;
}

StDocumentEditor *
st_document_editor_new_for_draft (GtkWindow          *parent,
                                  StStore            *store,
                                  const StSavedDraft *saved)
{
  StDocumentEditor *self;

  g_return_val_if_fail (saved != NULL, NULL);

  self = st_document_editor_new (parent, store, saved->draft->kind);
  load_draft (self, saved);
  return self;
}

static void
st_document_editor_dispose (GObject *object)
{
  StDocumentEditor *self = ST_DOCUMENT_EDITOR (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_weak_pointer (&self->focus_before_posting);
  gtk_widget_dispose_template (GTK_WIDGET (self), ST_TYPE_DOCUMENT_EDITOR);

  g_clear_object (&self->store);
  g_clear_object (&self->items);
  g_clear_object (&self->contacts);
  g_clear_object (&self->warehouses);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (st_document_editor_parent_class)->dispose (object);
}

static void
st_document_editor_finalize (GObject *object)
{
  StDocumentEditor *self = ST_DOCUMENT_EDITOR (object);

  g_free (self->reference);
  g_free (self->draft_number);
  g_free (self->problem);
  g_free (self->error);

  G_OBJECT_CLASS (st_document_editor_parent_class)->finalize (object);
}

static void
st_document_editor_class_init (StDocumentEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = st_document_editor_dispose;
  object_class->finalize = st_document_editor_finalize;
  window_class->close_request = st_document_editor_close_request;

  /**
   * StDocumentEditor::posted:
   * @document: the posted document, with its lines
   */
  signals[POSTED] =
    g_signal_new ("posted",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, ST_TYPE_DOCUMENT);

  /**
   * StDocumentEditor::draft-saved:
   * @number: the draft's number ("DRAFT-00001")
   *
   * Emitted when "Save as Draft" saved the form; the window closes next.
   */
  signals[DRAFT_SAVED] =
    g_signal_new ("draft-saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/SerialTrack/st-document-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, StDocumentEditor, post_button);
  gtk_widget_class_bind_template_child (widget_class, StDocumentEditor, draft_button);
  gtk_widget_class_bind_template_child (widget_class, StDocumentEditor, spinner);
  gtk_widget_class_bind_template_child (widget_class, StDocumentEditor, form_box);
  gtk_widget_class_bind_template_child (widget_class, StDocumentEditor, contact_label);
  gtk_widget_class_bind_template_child (widget_class, StDocumentEditor, contact_dropdown);
  gtk_widget_class_bind_template_child (widget_class, StDocumentEditor, reference_label);
  gtk_widget_class_bind_template_child (widget_class, StDocumentEditor, reference_entry);
  gtk_widget_class_bind_template_child (widget_class, StDocumentEditor, reference_hint);
  gtk_widget_class_bind_template_child (widget_class, StDocumentEditor, number_label);
  gtk_widget_class_bind_template_child (widget_class, StDocumentEditor, number_entry);
  gtk_widget_class_bind_template_child (widget_class, StDocumentEditor, date_label);
  gtk_widget_class_bind_template_child (widget_class, StDocumentEditor, date_entry);
  gtk_widget_class_bind_template_child (widget_class, StDocumentEditor, date_button);
  gtk_widget_class_bind_template_child (widget_class, StDocumentEditor, date_popover);
  gtk_widget_class_bind_template_child (widget_class, StDocumentEditor, calendar);
  gtk_widget_class_bind_template_child (widget_class, StDocumentEditor, warehouse_label);
  gtk_widget_class_bind_template_child (widget_class, StDocumentEditor, warehouse_dropdown);
  gtk_widget_class_bind_template_child (widget_class, StDocumentEditor, to_label);
  gtk_widget_class_bind_template_child (widget_class, StDocumentEditor, to_dropdown);
  gtk_widget_class_bind_template_child (widget_class, StDocumentEditor, transit_check);
  gtk_widget_class_bind_template_child (widget_class, StDocumentEditor, reason_label);
  gtk_widget_class_bind_template_child (widget_class, StDocumentEditor, reason_entry);
  gtk_widget_class_bind_template_child (widget_class, StDocumentEditor, lines_list);
  gtk_widget_class_bind_template_child (widget_class, StDocumentEditor, add_line_button);
  gtk_widget_class_bind_template_child (widget_class, StDocumentEditor, total_label);
  gtk_widget_class_bind_template_child (widget_class, StDocumentEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, StDocumentEditor, hint_label);
  gtk_widget_class_bind_template_callback (widget_class, post_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, draft_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_line_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, date_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, calendar_day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, field_activate_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                post_shortcut_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK,
                                post_shortcut_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_ISO_Enter, GDK_CONTROL_MASK,
                                post_shortcut_cb, NULL);
}

static void
st_document_editor_init (StDocumentEditor *self)
{
  g_type_ensure (ST_TYPE_EDITOR_LINE);
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->items = g_list_store_new (ST_TYPE_ITEM);
  self->contacts = gtk_string_list_new (NULL);
  self->warehouses = gtk_string_list_new (NULL);
}
