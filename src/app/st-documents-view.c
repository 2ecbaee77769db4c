/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "st-documents-view"

#include "config.h"

#include <glib/gi18n.h>

#include "st-columns.h"
#include "st-doc-kind.h"
#include "st-document-actions.h"
#include "st-documents-view.h"
#include "st-facts.h"
#include "st-format.h"
#include "st-label-print.h"
#include "st-list-page-private.h"
#include "st-store-drafts.h"
#include "st-window.h"

struct _StDocumentsView
{
  StListPage          parent_instance;

  /* Template widgets */
  GtkButton          *new_button;
  GtkLabel           *new_button_label;
  GtkWidget          *receive_button;
  GtkWidget          *return_button;
  GtkLabel           *return_label;
  GtkWidget          *labels_button;
  GtkStack           *details_stack;
  GtkLabel           *none_label;
  GtkLabel           *number_label;
  GtkLabel           *status_label;
  GtkLabel           *total_label;
  GtkGrid            *facts_grid;
  GtkListBox         *lines_list;
  GtkWidget          *serials_box;
  GtkLabel           *serials_count_label;
  GtkListView        *serials_view;
  GtkLabel           *details_error_label;
  GtkButton          *empty_new_button;
  GtkWidget          *drafts_box;
  GtkLabel           *drafts_label;
  GtkListBox         *drafts_list;

  /* Owned */
  GPtrArray          *drafts;     /* StSavedDraft*, in the order listed */
  GtkSingleSelection *serials_selection;
  StDocument         *document;   /* the selected one, with its lines */

  StDocKind           kind;
};

G_DEFINE_FINAL_TYPE (StDocumentsView, st_documents_view, ST_TYPE_LIST_PAGE)

static StStore *
store (StDocumentsView *self)
{
  return st_list_page_get_store (ST_LIST_PAGE (self));
}

enum {
  PROP_0,
  PROP_KIND,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* What differs between the kinds of documents. */
typedef struct
{
  const char *filter_placeholder;
  const char *new_label;
  const char *empty_title;
  const char *empty_hint;
  const char *empty_button;
  const char *none_text;
  const char *contact_title;    /* NULL: no contact */
  const char *reference_title;  /* NULL: no reference */
} KindInfo;

static const KindInfo kind_info[ST_N_DOC_KINDS] = {
  [ST_DOC_BILL] = {
    N_("Filter by number or vendor"),
    N_("New Bill"),
    N_("No bills yet"),
    N_("Record a bill to receive serial-numbered units from a vendor."),
    N_("_New Bill"),
    N_("Select a bill to see its lines and serials."),
    N_("Vendor"),
    NULL,
  },
  [ST_DOC_INVOICE] = {
    N_("Filter by number or customer"),
    N_("New Invoice"),
    N_("No invoices yet"),
    N_("Create an invoice to sell units from stock to a customer."),
    N_("_New Invoice"),
    N_("Select an invoice to see its lines and serials."),
    N_("Customer"),
    NULL,
  },
  [ST_DOC_TRANSFER] = {
    N_("Filter by number or warehouse"),
    N_("New Transfer"),
    N_("No transfers yet"),
    N_("Move units from one warehouse to another with a transfer order."),
    N_("_New Transfer"),
    N_("Select a transfer to see its lines and serials."),
    NULL,
    NULL,
  },
  [ST_DOC_ADJUSTMENT] = {
    N_("Filter by number or reason"),
    N_("New Adjustment"),
    N_("No adjustments yet"),
    N_("Add units you found, or write off damaged, lost or stolen ones, with an adjustment."),
    N_("_New Adjustment"),
    N_("Select an adjustment to see its lines and serials."),
    NULL,
    NULL,
  },
  [ST_DOC_RETURN] = {
    N_("Filter by number or customer"),
    N_("New Sales Return"),
    N_("No sales returns yet"),
    N_("Take units back from a customer against a posted invoice."),
    N_("_New Sales Return"),
    N_("Select a sales return to see its lines and serials."),
    N_("Customer"),
    /* Translators: column title: the invoice a sales return refers to */
    N_("Invoice"),
  },
  [ST_DOC_VENDOR_RETURN] = {
    N_("Filter by number or vendor"),
    N_("New Vendor Return"),
    N_("No vendor returns yet"),
    N_("Send units back to their vendor against a posted bill."),
    N_("_New Vendor Return"),
    N_("Select a vendor return to see its lines and serials."),
    N_("Vendor"),
    /* Translators: column title: the bill a vendor return refers to */
    N_("Bill"),
  },
};

/* Columns */

/* gtk_list_box_remove_all() is GTK 4.12. */
static void
remove_all_rows (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static char *
warehouses_text (StDocument *doc)
{
  if (st_doc_kind_info (st_document_get_kind (doc))->has_to_warehouse)
    /* Translators: a transfer's source (%1$s) and destination (%2$s) warehouses */
    return g_strdup_printf (_("%1$s → %2$s"),
                            st_document_get_warehouse (doc),
                            st_document_get_to_warehouse (doc));

  return g_strdup (st_document_get_warehouse (doc));
}

static char *
doc_warehouse_text (gpointer doc)
{
  return warehouses_text (doc);
}

static char *
status_text (StDocument *doc)
{
  if (st_doc_kind_info (st_document_get_kind (doc))->has_transit
      && st_document_get_status (doc) == ST_DOC_STATUS_POSTED
      && st_document_get_in_transit (doc))
    return g_strdup (st_unit_status_to_label (ST_UNIT_IN_TRANSIT));

  return g_strdup (st_doc_status_to_label (st_document_get_status (doc)));
}

static char *
doc_status_text (gpointer doc)
{
  return status_text (doc);
}

static void
clear_details (StDocumentsView *self)
{
  st_facts_clear (self->facts_grid);
  remove_all_rows (self->lines_list);
  gtk_single_selection_set_model (self->serials_selection, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->details_error_label), FALSE);
}

static GtkWidget *
line_row_new (const StDocumentLine *line)
{
  g_autofree char *quantity = st_format_quantity (line->quantity);
  g_autofree char *rate = st_format_money (line->rate);
  g_autofree char *amount = st_format_money (line->quantity * line->rate);
  g_autofree char *times = NULL;
  GtkWidget *row;
  GtkWidget *box;
  GtkWidget *names;
  GtkWidget *label;

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);

  names = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_hexpand (names, TRUE);
  gtk_box_append (GTK_BOX (box), names);

  label = gtk_label_new (line->item_name);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (names), label);

  label = gtk_label_new (line->sku);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "caption");
  gtk_box_append (GTK_BOX (names), label);

  /* Translators: a document line's quantity (%1$s) times its rate (%2$s), e.g. "3 × 499.00" */
  times = g_strdup_printf (_("%1$s × %2$s"), quantity, rate);
  label = gtk_label_new (times);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "numeric");
  gtk_box_append (GTK_BOX (box), label);

  label = gtk_label_new (amount);
  gtk_widget_add_css_class (label, "numeric");
  gtk_box_append (GTK_BOX (box), label);

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  return row;
}

static const StDocumentLine *
line_for_row (StDocumentsView *self,
              GtkListBoxRow   *row)
{
  GPtrArray *lines;
  int index;

  if (row == NULL || self->document == NULL)
    return NULL;

  lines = st_document_get_lines (self->document);
  index = gtk_list_box_row_get_index (row);
  if (lines == NULL || index < 0 || (guint) index >= lines->len)
    return NULL;

  return g_ptr_array_index (lines, index);
}

static void
line_selected_cb (StDocumentsView *self,
                  GtkListBoxRow   *row)
{
  const StDocumentLine *line = line_for_row (self, row);
  g_autoptr(GtkStringList) serials = NULL;
  g_autofree char *count = NULL;
  gboolean tracking;

  /* The list box also says so while it is torn down, after the template is gone. */
  if (self->serials_box == NULL)
    return;

  tracking = store (self) != NULL && st_store_get_tracking (store (self)) == ST_TRACKING_SERIAL;

  if (line == NULL || line->serials == NULL || line->serials->len == 0)
    {
      gtk_single_selection_set_model (self->serials_selection, NULL);
      gtk_widget_set_visible (self->serials_box, FALSE);
      return;
    }

  /* A line's serials are a plain array already in memory: a string list is enough. */
  serials = gtk_string_list_new (NULL);
  for (guint i = 0; i < line->serials->len; i++)
    gtk_string_list_append (serials, g_ptr_array_index (line->serials, i));

  gtk_single_selection_set_model (self->serials_selection, G_LIST_MODEL (serials));

  /* Translators: the serials of one document line: %1$u is their count, %2$s the item's SKU */
  count = g_strdup_printf (ngettext ("%1$u unit of %2$s", "%1$u units of %2$s",
                                     line->serials->len),
                           line->serials->len, line->sku);
  gtk_label_set_text (self->serials_count_label, count);
  gtk_widget_set_visible (self->serials_box, tracking);
}

/* The view's one place that enables its actions: they act on the document shown. */
static void
update_actions (StDocumentsView *self)
{
  /* A read-only role may look, not void or receive. */
  gboolean posted = self->document != NULL
                    && st_document_get_status (self->document) == ST_DOC_STATUS_POSTED
                    && store (self) != NULL && !st_store_is_read_only (store (self));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "document.void", posted);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "document.return",
                                 posted && (self->kind == ST_DOC_INVOICE
                                            || self->kind == ST_DOC_BILL));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "document.receive",
                                 posted && st_document_get_in_transit (self->document));
  /* Labels only read: a read-only role prints them too. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "document.print-labels",
                                 self->document != NULL && self->kind == ST_DOC_BILL
                                 && st_document_get_status (self->document)
                                    == ST_DOC_STATUS_POSTED);
}

static void
show_document (StDocumentsView *self,
               StDocument      *row_doc)
{
  GtkGrid *facts = self->facts_grid;
  const KindInfo *info = &kind_info[self->kind];
  g_autoptr(GError) error = NULL;
  g_autofree char *date = NULL;
  g_autofree char *received = NULL;
  g_autofree char *quantity = NULL;
  g_autofree char *total = NULL;
  g_autofree char *status = NULL;
  GPtrArray *lines;
  int row = 0;

  g_clear_object (&self->document);
  clear_details (self);

  if (row_doc == NULL)
    {
      gtk_stack_set_visible_child_name (self->details_stack, "none");
      update_actions (self);
      return;
    }

  self->document = st_store_get_document_by_id (store (self), st_document_get_id (row_doc), &error);
  if (self->document == NULL)
    {
      gtk_label_set_text (self->number_label, st_document_get_number (row_doc));
      gtk_label_set_text (self->status_label, "");
      gtk_label_set_text (self->total_label, "");
      gtk_label_set_text (self->details_error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->details_error_label), TRUE);
      gtk_widget_set_visible (self->serials_box, FALSE);
      gtk_stack_set_visible_child_name (self->details_stack, "document");
      update_actions (self);
      return;
    }

  gtk_label_set_text (self->number_label, st_document_get_number (self->document));
  status = status_text (self->document);
  gtk_label_set_text (self->status_label, status);
  total = st_format_money (st_document_get_total (self->document));
  gtk_label_set_text (self->total_label, total);
  gtk_widget_set_visible (GTK_WIDGET (self->total_label),
                          st_doc_kind_info (self->kind)->has_amount);

  date = st_format_date (st_document_get_date (self->document));
  st_facts_add_text (facts, 0, &row, _("Date"), date, FALSE);
  if (info->contact_title != NULL)
    st_facts_add_text (facts, 0, &row, _(info->contact_title),
                       st_document_get_contact (self->document), FALSE);
  if (st_doc_kind_info (self->kind)->has_to_warehouse)
    {
      /* Translators: a transfer's source warehouse */
      st_facts_add_text (facts, 0, &row, _("From"),
                         st_document_get_warehouse (self->document), FALSE);
      /* Translators: a transfer's destination warehouse */
      st_facts_add_text (facts, 0, &row, _("To"),
                         st_document_get_to_warehouse (self->document), FALSE);
      received = st_format_date (st_document_get_received_date (self->document));
      st_facts_add_text (facts, 0, &row, _("Received"), received, FALSE);
    }
  else
    st_facts_add_text (facts, 0, &row, _("Warehouse"),
                       st_document_get_warehouse (self->document), FALSE);
  if (info->reference_title != NULL)
    st_facts_add_text (facts, 0, &row, _(info->reference_title),
                       st_document_get_reference (self->document), FALSE);
  st_facts_add_text (facts, 0, &row, _("Reason"), st_document_get_reason (self->document), FALSE);
  quantity = st_format_quantity (st_document_get_quantity (self->document));
  st_facts_add_text (facts, 0, &row, _("Quantity"), quantity, FALSE);

  lines = st_document_get_lines (self->document);
  for (guint i = 0; lines != NULL && i < lines->len; i++)
    gtk_list_box_append (self->lines_list, line_row_new (g_ptr_array_index (lines, i)));

  /* Show the serials of the first line that has any. */
  gtk_widget_set_visible (self->serials_box, FALSE);
  for (guint i = 0; lines != NULL && i < lines->len; i++)
    {
      const StDocumentLine *line = g_ptr_array_index (lines, i);

      if (line->serials != NULL && line->serials->len > 0)
        {
          gtk_list_box_select_row (self->lines_list,
                                   gtk_list_box_get_row_at_index (self->lines_list, (int) i));
          break;
        }
    }

  gtk_stack_set_visible_child_name (self->details_stack, "document");
  update_actions (self);
}

static void
serial_activate_cb (StDocumentsView *self,
                    guint            position)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->lines_list);
  const StDocumentLine *line = line_for_row (self, row);
  g_autoptr(GtkStringObject) serial = NULL;
  g_autoptr(StUnit) unit = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *model;

  model = gtk_single_selection_get_model (self->serials_selection);
  if (line == NULL || model == NULL)
    return;

  serial = g_list_model_get_item (model, position);
  if (serial == NULL)
    return;

  unit = st_store_find_unit (store (self), gtk_string_object_get_string (serial), line->sku,
                             &error);
  if (unit == NULL)
    {
      gtk_label_set_text (self->details_error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->details_error_label), TRUE);
      return;
    }

  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-unit", "x", st_unit_get_id (unit));
}

static void
serial_setup_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_set_margin_top (label, 4);
  gtk_widget_set_margin_bottom (label, 4);
  gtk_list_item_set_child (list_item, label);
}

static void
serial_bind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                gpointer                  user_data)
{
  GtkStringObject *serial = gtk_list_item_get_item (list_item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (list_item)),
                      gtk_string_object_get_string (serial));
}

StDocumentsView *
st_documents_view_new (StDocKind kind)
{
  return g_object_new (ST_TYPE_DOCUMENTS_VIEW, "kind", kind, NULL);
}

StDocKind
st_documents_view_get_kind (StDocumentsView *self)
{
  g_return_val_if_fail (ST_IS_DOCUMENTS_VIEW (self), ST_DOC_BILL);

  return self->kind;
}

StDocument *
st_documents_view_get_document (StDocumentsView *self)
{
  g_return_val_if_fail (ST_IS_DOCUMENTS_VIEW (self), NULL);

  return self->document;
}

/* Void and Receive */

static void
done_cb (StDocument *document,
         gpointer    user_data)
{
  StDocumentsView *self = user_data;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  /* The refresh shows the document as it is now, and so updates the actions. */
  if (ST_IS_WINDOW (root))
    st_window_refresh (ST_WINDOW (root));
  else
    st_list_page_refresh (ST_LIST_PAGE (self));
}

static void
void_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  StDocumentsView *self = ST_DOCUMENTS_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  if (self->document == NULL || store (self) == NULL)
    return;

  st_document_actions_void (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                            store (self), self->document, done_cb, self);
}

static void
receive_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  StDocumentsView *self = ST_DOCUMENTS_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  if (self->document == NULL || store (self) == NULL)
    return;

  st_document_actions_receive (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                               store (self), self->document, done_cb, self);
}

/* A return of the document shown, in the editor filled in from it. */
static void
return_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  StDocumentsView *self = ST_DOCUMENTS_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  StDocumentEditor *editor;

  if (self->document == NULL || !ST_IS_WINDOW (root))
    return;
  editor = st_document_actions_open_editor (GTK_WIDGET (root),
                                            self->kind == ST_DOC_BILL ? ST_DOC_VENDOR_RETURN
                                                                      : ST_DOC_RETURN);
  st_document_editor_fill_return (editor, self->document);
}

/* Labels for the units a posted bill brought in, in its order. */
static void
print_labels_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  StDocumentsView *self = ST_DOCUMENTS_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(StLabelJob) job = NULL;

  if (self->document == NULL)
    return;
  job = st_label_job_new (ST_LABEL_LAYOUT_A4_3X8, ST_LABEL_CODE_128);
  st_label_job_add_document (job, self->document);
  st_label_print_run (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, job);
}

/* Drafts: listed first, above the posted documents, each reopened in the editor. */

static char *
draft_title (StDocumentsView    *self,
             const StSavedDraft *saved)
{
  const StDraft *draft = saved->draft;
  const StDocKindInfo *kind = st_doc_kind_info (self->kind);
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (draft->number != NULL && *draft->number != '\0')
    g_ptr_array_add (parts, g_strdup (draft->number));
  if (kind->has_contact && draft->contact != NULL)
    g_ptr_array_add (parts, g_strdup (draft->contact));
  else if (kind->has_reference && draft->reference != NULL)
    g_ptr_array_add (parts, g_strdup (draft->reference));
  if (kind->has_reason && draft->reason != NULL)
    g_ptr_array_add (parts, g_strdup (draft->reason));
  else if (kind->has_to_warehouse && draft->warehouse != NULL && draft->to_warehouse != NULL)
    g_ptr_array_add (parts, g_strdup_printf (_("%1$s → %2$s"), draft->warehouse,
                                             draft->to_warehouse));
  if (parts->len == 0)
    return g_strdup (saved->number);
  g_ptr_array_add (parts, NULL);
  /* Translators: separates the parts of a draft's title, as in "B-2 · Acme" */
  return g_strjoinv (_(" · "), (char **) parts->pdata);
}

static char *
draft_subtitle (const StSavedDraft *saved)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_iso8601 (saved->saved, NULL);
  g_autoptr(GDateTime) local = utc != NULL ? g_date_time_to_local (utc) : NULL;
  g_autofree char *when = local != NULL ? g_date_time_format (local, "%x %H:%M")
                                        : g_strdup (saved->saved);
  guint n_lines = saved->draft->lines->len;
  guint n_serials = st_saved_draft_get_n_serials (saved);
  g_autofree char *lines = NULL;

  /* Translators: part of a draft's description: its number of lines */
  lines = g_strdup_printf (ngettext ("%u line", "%u lines", n_lines), n_lines);
  if (n_serials > 0)
    /* Translators: a draft's description: %1$s its number ("DRAFT-00001"), %2$s "3 lines",
     * %3$u how many serials it holds, %4$s when it was last saved */
    return g_strdup_printf (ngettext ("%1$s · %2$s · %3$u serial · saved %4$s",
                                      "%1$s · %2$s · %3$u serials · saved %4$s", n_serials),
                            saved->number, lines, n_serials, when);
  /* Translators: a draft's description: %1$s its number ("DRAFT-00001"), %2$s "3 lines",
   * %3$s when it was last saved */
  return g_strdup_printf (_("%1$s · %2$s · saved %3$s"), saved->number, lines, when);
}

static GtkWidget *
draft_row_new (StDocumentsView    *self,
               const StSavedDraft *saved)
{
  g_autofree char *title = draft_title (self, saved);
  g_autofree char *subtitle = draft_subtitle (saved);
  g_autofree char *accessible = NULL;
  GtkWidget *row;
  GtkWidget *box;
  GtkWidget *texts;
  GtkWidget *label;
  GtkWidget *button;

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);

  /* Translators: the mark of a saved draft in a documents list */
  label = gtk_label_new (C_("document status", "Draft"));
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (label, "status-badge");
  gtk_widget_add_css_class (label, "draft");
  gtk_box_append (GTK_BOX (box), label);

  texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_box_append (GTK_BOX (box), texts);
  label = gtk_label_new (title);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (texts), label);
  label = gtk_label_new (subtitle);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "caption");
  gtk_box_append (GTK_BOX (texts), label);

  button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Delete this draft"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "document.delete-draft");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", saved->number);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Delete Draft"), -1);
  gtk_box_append (GTK_BOX (box), button);

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  /* Translators: a draft row's tooltip */
  gtk_widget_set_tooltip_text (row, _("Open the draft to go on with it, then save or post it"));
  /* Translators: what a screen reader says of a draft row: %1$s its title, %2$s more */
  accessible = g_strdup_printf (_("Draft: %1$s, %2$s"), title, subtitle);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
  return row;
}

static void
load_drafts (StDocumentsView *self,
             StStore         *in_store)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *heading = NULL;
  guint n;

  remove_all_rows (self->drafts_list);
  g_clear_pointer (&self->drafts, g_ptr_array_unref);
  if (in_store != NULL)
    self->drafts = st_store_list_drafts (in_store, self->kind, &error);
  if (error != NULL)
    g_warning ("Cannot list the drafts: %s", error->message);

  n = self->drafts != NULL ? self->drafts->len : 0;
  for (guint i = 0; i < n; i++)
    gtk_list_box_append (self->drafts_list, draft_row_new (self, g_ptr_array_index (self->drafts, i)));

  /* Translators: the heading of the saved drafts above a documents list */
  heading = g_strdup_printf (ngettext ("%u draft, not posted yet", "%u drafts, not posted yet", n),
                             n);
  gtk_label_set_text (self->drafts_label, heading);
  gtk_widget_set_visible (self->drafts_box, n > 0);
}

guint
st_documents_view_get_n_drafts (StDocumentsView *self)
{
  g_return_val_if_fail (ST_IS_DOCUMENTS_VIEW (self), 0);

  return self->drafts != NULL ? self->drafts->len : 0;
}

static void
open_draft_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  if (ST_IS_WINDOW (root))
    st_document_actions_open_draft (GTK_WIDGET (root), g_variant_get_string (param, NULL));
}

static void
draft_activated_cb (StDocumentsView *self,
                    GtkListBoxRow   *row)
{
  int index = gtk_list_box_row_get_index (row);
  StSavedDraft *saved;

  if (self->drafts == NULL || index < 0 || (guint) index >= self->drafts->len)
    return;
  saved = g_ptr_array_index (self->drafts, index);
  gtk_widget_activate_action (GTK_WIDGET (self), "document.open-draft", "s", saved->number);
}

static void
delete_draft_done_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(StDocumentsView) self = user_data;
  g_autoptr(GError) error = NULL;
  GtkRoot *root;
  GtkWidget *message;

  if (st_store_delete_draft_finish (ST_STORE (source), result, &error))
    {
      /* The window refreshes on the store's "changed"; on its own, the view does it. */
      if (store (self) != NULL)
        {
          load_drafts (self, store (self));
          _st_list_page_update_state (ST_LIST_PAGE (self));
        }
      return;
    }

  root = gtk_widget_get_root (GTK_WIDGET (self));
  message = gtk_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                    GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                    GTK_MESSAGE_ERROR, GTK_BUTTONS_CLOSE,
                                    "%s", _("The draft could not be deleted"));
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (message), "%s", error->message);
  g_signal_connect (message, "response", G_CALLBACK (gtk_window_destroy), NULL);
  gtk_window_present (GTK_WINDOW (message));
}

static void
delete_draft_response_cb (GtkDialog       *dialog,
                          int              response,
                          StDocumentsView *self)
{
  g_autofree char *number = g_strdup (g_object_get_data (G_OBJECT (dialog), "draft-number"));

  gtk_window_destroy (GTK_WINDOW (dialog));
  if (response != GTK_RESPONSE_ACCEPT || store (self) == NULL)
    return;

  /* In the store's worker. */
  st_store_delete_draft_async (store (self), number, NULL, delete_draft_done_cb,
                               g_object_ref (self));
}

static void
delete_draft_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  StDocumentsView *self = ST_DOCUMENTS_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  const char *number = g_variant_get_string (param, NULL);
  GtkWidget *dialog;
  GtkWidget *button;

  dialog = gtk_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE,
                                   /* Translators: %s is a draft's number ("DRAFT-00001") */
                                   _("Delete draft %s?"), number);
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s",
                                            _("What was entered in it is lost.  Nothing in "
                                              "stock changes: a draft was never posted."));
  gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Cancel"), GTK_RESPONSE_CANCEL);
  button = gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Delete"), GTK_RESPONSE_ACCEPT);
  gtk_widget_add_css_class (button, "destructive-action");
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  g_object_set_data_full (G_OBJECT (dialog), "draft-number", g_strdup (number), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_draft_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* StListPage */

static StListModel *
st_documents_view_create_model (StListPage *page,
                                StStore    *store)
{
  load_drafts (ST_DOCUMENTS_VIEW (page), store);
  return st_store_list_documents (store, ST_DOCUMENTS_VIEW (page)->kind);
}

static char *
st_documents_view_format_count (StListPage *page,
                                guint       n_rows)
{
  /* Translators: the number of documents (bills, invoices …) listed */
  return g_strdup_printf (ngettext ("%u document", "%u documents", n_rows), n_rows);
}

static gint64
st_documents_view_get_row_id (StListPage *page,
                              gpointer    row)
{
  return st_document_get_id (row);
}

static void
st_documents_view_row_selected (StListPage *page,
                                gpointer    row)
{
  show_document (ST_DOCUMENTS_VIEW (page), row);
}

/* With drafts, the list shows (the drafts above it) even with no posted document. */
static gboolean
st_documents_view_is_narrowed (StListPage *page)
{
  return st_documents_view_get_n_drafts (ST_DOCUMENTS_VIEW (page)) > 0;
}

static void
st_documents_view_refresh (StListPage *page)
{
  ST_LIST_PAGE_CLASS (st_documents_view_parent_class)->refresh (page);
  load_drafts (ST_DOCUMENTS_VIEW (page), store (ST_DOCUMENTS_VIEW (page)));
  _st_list_page_update_state (page);
}

static void
setup_kind (StDocumentsView *self)
{
  const KindInfo *info = &kind_info[self->kind];
  const StDocKindInfo *kind = st_doc_kind_info (self->kind);
  GtkColumnView *column_view = _st_list_page_get_column_view (ST_LIST_PAGE (self));
  gboolean has_expanding = FALSE;

  g_object_set (self,
                "placeholder-text", _(info->filter_placeholder),
                "empty-title", _(info->empty_title),
                "empty-description", _(info->empty_hint),
                NULL);
  /* "New" beside the view's name is short enough for a narrow window in every language; the
   * tooltip and the accessible name say what it makes. */
  gtk_label_set_text (self->new_button_label,
                      /* Translators: the toolbar button of a list of documents (Bills,
                       * Invoices …) that starts a new one of them; keep it short */
                      C_("new document button", "New"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->new_button), _(info->new_label));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->new_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _(info->new_label),
                                  -1);
  gtk_button_set_label (self->empty_new_button, _(info->empty_button));
  gtk_widget_set_visible (self->receive_button, kind->has_transit);
  /* Return… on an invoice, Return to Vendor… on a bill: the return's editor filled in. */
  gtk_widget_set_visible (self->return_button,
                          self->kind == ST_DOC_INVOICE || self->kind == ST_DOC_BILL);
  gtk_label_set_text_with_mnemonic (self->return_label,
                                    self->kind == ST_DOC_BILL ? _("Return to _Vendor…")
                                                              : _("_Return…"));
  gtk_widget_set_tooltip_text (self->return_button,
                               self->kind == ST_DOC_BILL
                               ? _("Send units of the selected bill back to its vendor")
                               : _("Take back units sold on the selected invoice"));
  gtk_widget_set_visible (self->labels_button, self->kind == ST_DOC_BILL);
  gtk_label_set_text (self->none_label, _(info->none_text));

  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->new_button),
                                    "s", st_doc_kind_to_string (self->kind));
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->empty_new_button),
                                    "s", st_doc_kind_to_string (self->kind));

  gtk_accessible_update_property (GTK_ACCESSIBLE (column_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  st_doc_kind_to_label (self->kind),
                                  -1);

  /* Translators: column title: a document's number */
  st_columns_append_field (column_view, _("Number"), G_CALLBACK (st_document_get_number),
                           ST_FIELD_STRING, ST_COLUMN_TEXT, ST_SORT_NUMBER, 0);
  st_columns_append_field (column_view, _("Date"), G_CALLBACK (st_document_get_date),
                           ST_FIELD_DATE, ST_COLUMN_NUMERIC, ST_SORT_DATE, 0);
  if (info->contact_title != NULL)
    {
      st_columns_append_field (column_view, _(info->contact_title),
                               G_CALLBACK (st_document_get_contact), ST_FIELD_STRING,
                               ST_COLUMN_EXPAND, ST_SORT_CONTACT, 0);
      has_expanding = TRUE;
    }
  if (info->reference_title != NULL)
    st_columns_append_field (column_view, _(info->reference_title),
                             G_CALLBACK (st_document_get_reference), ST_FIELD_STRING,
                             ST_COLUMN_TEXT, ST_SORT_DEFAULT, 0);
  if (kind->has_reason)
    {
      st_columns_append_field (column_view, _("Reason"), G_CALLBACK (st_document_get_reason),
                               ST_FIELD_STRING, ST_COLUMN_EXPAND, ST_SORT_DEFAULT, 0);
      has_expanding = TRUE;
    }
  st_columns_append (column_view,
                     kind->has_to_warehouse ? _("Warehouses") : _("Warehouse"),
                     doc_warehouse_text,
                     has_expanding ? ST_COLUMN_TEXT : ST_COLUMN_EXPAND,
                     ST_SORT_WAREHOUSE);
  st_columns_append_field (column_view, _("Quantity"), G_CALLBACK (st_document_get_quantity),
                           ST_FIELD_QUANTITY, ST_COLUMN_NUMERIC, ST_SORT_DEFAULT, 0);
  if (kind->has_amount)
    st_columns_append_field (column_view, _("Total"), G_CALLBACK (st_document_get_total),
                             ST_FIELD_MONEY, ST_COLUMN_NUMERIC, ST_SORT_TOTAL, 0);
  st_columns_append (column_view, _("Status"), doc_status_text,
                     ST_COLUMN_DIM, ST_SORT_STATUS);
  st_columns_follow_sorter (column_view);
}

static void
st_documents_view_constructed (GObject *object)
{
  StDocumentsView *self = ST_DOCUMENTS_VIEW (object);

  G_OBJECT_CLASS (st_documents_view_parent_class)->constructed (object);

  setup_kind (self);
}

static void
st_documents_view_dispose (GObject *object)
{
  StDocumentsView *self = ST_DOCUMENTS_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ST_TYPE_DOCUMENTS_VIEW);

  g_clear_object (&self->serials_selection);
  g_clear_object (&self->document);
  g_clear_pointer (&self->drafts, g_ptr_array_unref);

  G_OBJECT_CLASS (st_documents_view_parent_class)->dispose (object);
}

static void
st_documents_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  StDocumentsView *self = ST_DOCUMENTS_VIEW (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_int (value, self->kind);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
st_documents_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  StDocumentsView *self = ST_DOCUMENTS_VIEW (object);

  switch (prop_id)
    {
    case PROP_KIND:
      self->kind = g_value_get_int (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
st_documents_view_class_init (StDocumentsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  StListPageClass *page_class = ST_LIST_PAGE_CLASS (klass);

  object_class->constructed = st_documents_view_constructed;
  object_class->dispose = st_documents_view_dispose;
  object_class->get_property = st_documents_view_get_property;
  object_class->set_property = st_documents_view_set_property;
  page_class->create_model = st_documents_view_create_model;
  page_class->format_count = st_documents_view_format_count;
  page_class->get_row_id = st_documents_view_get_row_id;
  page_class->row_selected = st_documents_view_row_selected;
  page_class->is_narrowed = st_documents_view_is_narrowed;
  page_class->refresh = st_documents_view_refresh;

  /* The core has no GEnum types; the kind is an StDocKind value. */
  properties[PROP_KIND] =
    g_param_spec_int ("kind", NULL, NULL,
                      ST_DOC_BILL, ST_N_DOC_KINDS - 1, ST_DOC_BILL,
                      (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/SerialTrack/st-documents-view.ui");
  gtk_widget_class_bind_template_child (widget_class, StDocumentsView, new_button);
  gtk_widget_class_bind_template_child (widget_class, StDocumentsView, new_button_label);
  gtk_widget_class_bind_template_child (widget_class, StDocumentsView, receive_button);
  gtk_widget_class_bind_template_child (widget_class, StDocumentsView, return_button);
  gtk_widget_class_bind_template_child (widget_class, StDocumentsView, return_label);
  gtk_widget_class_bind_template_child (widget_class, StDocumentsView, labels_button);
  gtk_widget_class_bind_template_child (widget_class, StDocumentsView, details_stack);
  gtk_widget_class_bind_template_child (widget_class, StDocumentsView, none_label);
  gtk_widget_class_bind_template_child (widget_class, StDocumentsView, number_label);
  gtk_widget_class_bind_template_child (widget_class, StDocumentsView, status_label);
  gtk_widget_class_bind_template_child (widget_class, StDocumentsView, total_label);
  gtk_widget_class_bind_template_child (widget_class, StDocumentsView, facts_grid);
  gtk_widget_class_bind_template_child (widget_class, StDocumentsView, lines_list);
  gtk_widget_class_bind_template_child (widget_class, StDocumentsView, serials_box);
  gtk_widget_class_bind_template_child (widget_class, StDocumentsView, serials_count_label);
  gtk_widget_class_bind_template_child (widget_class, StDocumentsView, serials_view);
  gtk_widget_class_bind_template_child (widget_class, StDocumentsView, details_error_label);
  gtk_widget_class_bind_template_child (widget_class, StDocumentsView, empty_new_button);
  gtk_widget_class_bind_template_child (widget_class, StDocumentsView, drafts_box);
  gtk_widget_class_bind_template_child (widget_class, StDocumentsView, drafts_label);
  gtk_widget_class_bind_template_child (widget_class, StDocumentsView, drafts_list);
  gtk_widget_class_bind_template_callback (widget_class, line_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, serial_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, draft_activated_cb);

  gtk_widget_class_install_action (widget_class, "document.void", NULL, void_action);
  gtk_widget_class_install_action (widget_class, "document.receive", NULL, receive_action);
  gtk_widget_class_install_action (widget_class, "document.return", NULL, return_action);
  gtk_widget_class_install_action (widget_class, "document.print-labels", NULL,
                                   print_labels_action);
  gtk_widget_class_install_action (widget_class, "document.open-draft", "s", open_draft_action);
  gtk_widget_class_install_action (widget_class, "document.delete-draft", "s",
                                   delete_draft_action);
}

static void
st_documents_view_init (StDocumentsView *self)
{
  g_autoptr(GtkListItemFactory) factory = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->serials_selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->serials_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->serials_selection, TRUE);
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (serial_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (serial_bind_cb), NULL);
  gtk_list_view_set_factory (self->serials_view, factory);
  gtk_list_view_set_model (self->serials_view, GTK_SELECTION_MODEL (self->serials_selection));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->serials_view),
                               _("Double-click a serial to see its history"));
}
