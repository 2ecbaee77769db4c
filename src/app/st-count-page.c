/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-count-page.c — scanning into a stock count, and its review (DESIGN §9).
 *
 * A scanner types a serial and Enter into the entry: the entry is emptied at once, so that
 * the next serial can follow while the store's worker classifies the last one; the worker
 * runs the scans in order, one transaction each.  Every answer (and every write somebody
 * else makes, through the window's refresh) reads the tally and the last scans again, at
 * most a few times a second.  The classes show as a word in a coloured badge, never as
 * colour alone, and nothing beeps: the page is read, not heard.
 *
 * A pasted list (several lines in the entry) and an imported file are scanned by the worker
 * too, as one batch, without holding up the window.
 *
 * The review lists the missing units and the unexpected scans lazily (StListModels over the
 * count's tables), with the finish (with or without one write-off adjustment), transfers that
 * bring the units booked at other warehouses here, and each unit's page. */
#define G_LOG_DOMAIN "st-count-page"

#include "config.h"

#include <glib/gi18n.h>

#include "st-columns.h"
#include "st-count-page.h"
#include "st-export-dialog.h"
#include "st-format.h"
#include "st-window.h"

/* The last scans listed. */
#define RECENT_SCANS 30
/* Tally and last scans read again at most this often while scans come in. */
#define RELOAD_DELAY_MS 150

struct _StCountPage
{
  GtkWidget         parent_instance;

  /* Template widgets */
  GtkLabel         *title_label;
  GtkLabel         *subtitle_label;
  GtkLabel         *tally_label;
  GtkProgressBar   *tally_bar;
  GtkStack         *mode_stack;
  GtkEntry         *scan_entry;
  GtkLabel         *progress_label;
  GtkListBox       *recent_list;
  GtkLabel         *review_label;
  GtkStack         *review_stack;
  GtkStackPage     *missing_page;
  GtkStackPage     *unexpected_page;
  GtkColumnView    *missing_view;
  GtkColumnView    *unexpected_view;

  /* Owned */
  StStore          *store;
  StCount          *count;
  StListModel      *missing;
  StListModel      *unexpected;
  GCancellable     *cancellable;
  char             *message;
  char             *review_text;

  guint             n_pending;     /* scans, batches, finishes on their way */
  guint             reload_source;
  gboolean          in_review;
};

G_DEFINE_FINAL_TYPE (StCountPage, st_count_page, GTK_TYPE_WIDGET)

static void update_actions (StCountPage *self);
static void show_review    (StCountPage *self);

static StWindow *
window (StCountPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return ST_IS_WINDOW (root) ? ST_WINDOW (root) : NULL;
}

static const char *
number (StCountPage *self)
{
  return self->count != NULL ? st_count_get_number (self->count) : NULL;
}

static void
set_message (StCountPage *self,
             const char  *text,
             gboolean     problem)
{
  g_free (self->message);
  self->message = g_strdup (text != NULL ? text : "");
  gtk_label_set_text (self->progress_label, self->message);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->progress_label), self->message);
  if (problem)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->progress_label), "dim-label");
      gtk_widget_add_css_class (GTK_WIDGET (self->progress_label), "error");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->progress_label), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->progress_label), "dim-label");
    }
}

/* The last scans: a row each, its class as a word in a badge of the class's colour. */

static const char *
class_css (StScanClass klass)
{
  switch (klass)
    {
    case ST_SCAN_FOUND:        return "found";
    case ST_SCAN_AGAIN:        return "again";
    case ST_SCAN_ELSEWHERE:    return "elsewhere";
    case ST_SCAN_NOT_IN_STOCK: return "not-in-stock";
    case ST_SCAN_UNKNOWN:      return "unknown";
    case ST_SCAN_AMBIGUOUS:    return "ambiguous";
    case ST_SCAN_MOVED:
    default:                   return "moved";
    }
}

static char *
scan_detail (StCountScan *scan)
{
  const char *sku = st_count_scan_get_sku (scan);
  g_autofree char *describe = NULL;

  switch (st_count_scan_get_class (scan))
    {
    case ST_SCAN_ELSEWHERE:
    case ST_SCAN_NOT_IN_STOCK:
    case ST_SCAN_MOVED:
    case ST_SCAN_AMBIGUOUS:
      return st_count_scan_describe (scan);
    case ST_SCAN_UNKNOWN:
      return g_strdup (_("No unit has this serial"));
    case ST_SCAN_FOUND:
    case ST_SCAN_AGAIN:
    default:
      if (sku == NULL)
        return g_strdup ("");
      /* Translators: the item of a scanned unit: its SKU and name, "PHN-1 · Phone One" */
      return g_strdup_printf (C_("count scan item", "%s · %s"), sku,
                              st_count_scan_get_item_name (scan));
    }
}

static GtkWidget *
recent_row (StCountScan *scan)
{
  StScanClass klass = st_count_scan_get_class (scan);
  g_autofree char *detail = scan_detail (scan);
  g_autofree char *css = g_strconcat ("scan-", class_css (klass), NULL);
  g_autofree char *a11y = NULL;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *badge = gtk_label_new (st_scan_class_to_label (klass));
  GtkWidget *serial = gtk_label_new (st_count_scan_get_serial (scan));
  GtkWidget *text = gtk_label_new (detail);

  gtk_widget_add_css_class (badge, "scan-badge");
  gtk_widget_add_css_class (badge, css);
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  gtk_label_set_selectable (GTK_LABEL (serial), FALSE);
  gtk_label_set_ellipsize (GTK_LABEL (serial), PANGO_ELLIPSIZE_MIDDLE);
  gtk_widget_add_css_class (serial, "monospace");
  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_label_set_ellipsize (GTK_LABEL (text), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_widget_add_css_class (text, "dim-label");
  gtk_box_append (GTK_BOX (box), badge);
  gtk_box_append (GTK_BOX (box), serial);
  gtk_box_append (GTK_BOX (box), text);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 3);
  gtk_widget_set_margin_bottom (box, 3);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_tooltip_text (row, detail);

  /* A unit's row opens its page; an unknown serial has none. */
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), st_count_scan_get_unit_id (scan) != 0);
  g_object_set_data_full (G_OBJECT (row), "st-unit-id64",
                          g_memdup2 (&(gint64) { st_count_scan_get_unit_id (scan) },
                                     sizeof (gint64)), g_free);
  /* Translators: how a screen reader reads a row of the last scans: its class, its serial and
   * what the class says about it */
  a11y = g_strdup_printf (_("%1$s: %2$s, %3$s"), st_scan_class_to_label (klass),
                          st_count_scan_get_serial (scan), detail);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
  return row;
}

static void
load_recent (StCountPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) scans = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->recent_list))) != NULL)
    gtk_list_box_remove (self->recent_list, child);
  if (self->count == NULL)
    return;
  scans = st_store_count_recent_scans (self->store, number (self), RECENT_SCANS, &error);
  if (scans == NULL)
    {
      set_message (self, error->message, TRUE);
      return;
    }
  for (guint i = 0; i < scans->len; i++)
    gtk_list_box_append (self->recent_list, recent_row (g_ptr_array_index (scans, i)));
}

/* The count itself: title, tally. */

static void
show_count (StCountPage *self)
{
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *tally = NULL;
  g_autofree char *started = NULL;
  gint64 expected, found;

  if (self->count == NULL)
    return;

  /* Translators: the count page's title: the count's number and the warehouse counted,
   * "CNT-00001 · Main" */
  title = g_strdup_printf (C_("count title", "%s · %s"), st_count_get_number (self->count),
                           st_count_get_warehouse (self->count));
  gtk_label_set_text (self->title_label, title);

  started = st_format_date (st_count_get_date (self->count));
  if (st_count_get_finished (self->count))
    {
      g_autofree char *finished = st_format_date (st_count_get_finished_date (self->count));

      if (st_count_get_adjustment (self->count) != NULL)
        /* Translators: %1$s and %2$s are dates, %3$s an adjustment's number (ADJ-00001) */
        subtitle = g_strdup_printf (_("Started %1$s, finished %2$s; the missing units were "
                                      "written off by %3$s"), started, finished,
                                    st_count_get_adjustment (self->count));
      else
        /* Translators: %1$s and %2$s are dates */
        subtitle = g_strdup_printf (_("Started %1$s, finished %2$s without a write-off"),
                                    started, finished);
    }
  else
    /* Translators: %s is a date; an open count can be scanned into */
    subtitle = g_strdup_printf (_("Started %s, open"), started);
  gtk_label_set_text (self->subtitle_label, subtitle);

  tally = st_count_describe_tally (self->count);
  gtk_label_set_text (self->tally_label, tally);
  expected = st_count_get_n_expected (self->count);
  found = st_count_get_n_scans (self->count, ST_SCAN_FOUND);
  gtk_progress_bar_set_fraction (self->tally_bar,
                                 expected > 0 ? CLAMP ((double) found / expected, 0.0, 1.0)
                                              : 0.0);
  gtk_editable_set_editable (GTK_EDITABLE (self->scan_entry),
                             !st_count_get_finished (self->count));
}

static gboolean
read_count (StCountPage  *self,
            const char   *count_number,
            GError      **error)
{
  g_autoptr(StCount) count = st_store_get_count (self->store, count_number, error);

  if (count == NULL)
    return FALSE;
  g_set_object (&self->count, count);
  show_count (self);
  return TRUE;
}

static void
update_review_text (StCountPage *self)
{
  guint n_missing = self->missing != NULL
                    ? g_list_model_get_n_items (G_LIST_MODEL (self->missing)) : 0;
  guint n_unexpected = self->unexpected != NULL
                       ? g_list_model_get_n_items (G_LIST_MODEL (self->unexpected)) : 0;
  g_autofree char *missing = NULL;
  g_autofree char *unexpected = NULL;
  g_autofree char *missing_title = NULL;
  g_autofree char *unexpected_title = NULL;
  g_autofree char *m = st_format_quantity (n_missing);
  g_autofree char *u = st_format_quantity (n_unexpected);

  /* Translators: the first half of a count's review; %s is a number */
  missing = g_strdup_printf (ngettext ("%s unit is missing", "%s units are missing", n_missing),
                             m);
  /* Translators: the second half of a count's review; %s is a number */
  unexpected = g_strdup_printf (ngettext ("%s scan was unexpected", "%s scans were unexpected",
                                          n_unexpected), u);
  g_free (self->review_text);
  if (self->count != NULL && st_count_get_finished (self->count))
    /* Translators: a finished count's review: "2 units are missing" and "3 scans were
     * unexpected" */
    self->review_text = g_strdup_printf (_("%s; %s. The count is finished."), missing,
                                         unexpected);
  else
    /* Translators: an open count's review: "2 units are missing" and "3 scans were
     * unexpected"; Finish and Write Off are buttons */
    self->review_text = g_strdup_printf (_("%s; %s. Finish the count, or write the missing "
                                           "units off as you finish it."), missing, unexpected);
  gtk_label_set_text (self->review_label, self->review_text);

  /* Translators: a tab of a count's review; %s is the number of units in it */
  missing_title = g_strdup_printf (_("Missing (%s)"), m);
  gtk_stack_page_set_title (self->missing_page, missing_title);
  /* Translators: a tab of a count's review; %s is the number of scans in it */
  unexpected_title = g_strdup_printf (_("Unexpected (%s)"), u);
  gtk_stack_page_set_title (self->unexpected_page, unexpected_title);
}

static void
set_column_model (GtkColumnView *view,
                  StListModel   *model)
{
  g_autoptr(GtkSingleSelection) selection = NULL;

  selection = gtk_single_selection_new (model != NULL ? g_object_ref (G_LIST_MODEL (model))
                                                      : NULL);
  gtk_single_selection_set_autoselect (selection, TRUE);
  gtk_column_view_set_model (view, GTK_SELECTION_MODEL (selection));
}

/* The review's lists, read anew (after the finish, they are the lists it froze). */
static void
load_review (StCountPage *self)
{
  g_clear_object (&self->missing);
  g_clear_object (&self->unexpected);
  if (self->count != NULL && self->in_review)
    {
      self->missing = st_store_count_list_missing (self->store, self->count);
      self->unexpected = st_store_count_list_unexpected (self->store, self->count);
    }
  set_column_model (self->missing_view, self->missing);
  set_column_model (self->unexpected_view, self->unexpected);
  update_review_text (self);
}

void
st_count_page_reload (StCountPage *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (ST_IS_COUNT_PAGE (self));

  g_clear_handle_id (&self->reload_source, g_source_remove);
  if (self->count == NULL || self->store == NULL)
    return;
  if (!read_count (self, number (self), &error))
    {
      set_message (self, error->message, TRUE);
      return;
    }
  load_recent (self);
  if (self->in_review)
    {
      if (self->missing != NULL)
        st_list_model_refresh (self->missing);
      if (self->unexpected != NULL)
        st_list_model_refresh (self->unexpected);
      update_review_text (self);
    }
  update_actions (self);
}

static gboolean
reload_timeout_cb (gpointer data)
{
  StCountPage *self = data;

  self->reload_source = 0;
  st_count_page_reload (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_reload (StCountPage *self)
{
  if (self->reload_source == 0)
    self->reload_source = g_timeout_add (RELOAD_DELAY_MS, reload_timeout_cb, self);
}

/* Scanning */

static void
pending_done (StCountPage *self)
{
  g_assert (self->n_pending > 0);
  self->n_pending--;
  update_actions (self);
}

static void
scanned_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(StCountPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(StCountScan) scan = st_store_count_scan_finish (ST_STORE (source), result, &error);

  pending_done (self);
  if (self->store == NULL)
    return;
  if (scan == NULL)
    {
      g_autofree char *text = NULL;

      /* Translators: a scan that was not counted; %s says why (it names the serial) */
      text = g_strdup_printf (_("Not counted: %s"), error->message);
      set_message (self, text, TRUE);
      return;
    }
  /* A refusal stays until the next scan that counts. */
  set_message (self, NULL, FALSE);
  schedule_reload (self);
}

static void
scan_one (StCountPage *self,
          const char  *serial)
{
  self->n_pending++;
  update_actions (self);
  st_store_count_scan_async (self->store, number (self), serial, self->cancellable, scanned_cb,
                             g_object_ref (self));
}

static void
batch_progress_cb (double   fraction,
                   gpointer data)
{
  StCountPage *self = data;
  g_autofree char *text = NULL;

  if (self->store == NULL)
    return;
  /* Translators: while a pasted or imported list of serials is scanned; %d is a percentage */
  text = g_strdup_printf (_("Scanning the list… %d %%"), (int) (fraction * 100.0));
  set_message (self, text, FALSE);
  schedule_reload (self);
}

static void
batch_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(StCountPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(StCountBatch) batch = st_store_count_scan_many_finish (ST_STORE (source), result,
                                                                   &error);
  g_autofree char *scanned = NULL;
  g_autofree char *n = NULL;

  pending_done (self);
  if (self->store == NULL)
    return;
  if (batch == NULL)
    {
      set_message (self, error->message, TRUE);
      schedule_reload (self);
      return;
    }
  n = st_format_quantity (batch->n_scanned);
  /* Translators: a pasted or imported list was scanned; %s is the number of its serials */
  scanned = g_strdup_printf (ngettext ("%s serial scanned", "%s serials scanned",
                                       batch->n_scanned), n);
  if (batch->n_refused > 0)
    {
      g_autofree char *r = st_format_quantity (batch->n_refused);
      g_autofree char *refused = NULL;
      g_autofree char *text = NULL;

      /* Translators: lines of a pasted or imported list that were not counted; %s a number */
      refused = g_strdup_printf (ngettext ("%s line not counted", "%s lines not counted",
                                           batch->n_refused), r);
      /* Translators: "998 serials scanned", "2 lines not counted" and the first of them
       * ("Line 3: … is too long") */
      text = g_strdup_printf (C_("count batch", "%s, %s (%s)"), scanned, refused,
                              batch->refusals->len > 0
                              ? (char *) g_ptr_array_index (batch->refusals, 0) : "");
      set_message (self, text, TRUE);
    }
  else
    set_message (self, scanned, FALSE);
  schedule_reload (self);
}

void
st_count_page_scan_text (StCountPage *self,
                         const char  *text)
{
  g_return_if_fail (ST_IS_COUNT_PAGE (self));
  g_return_if_fail (text != NULL);

  if (self->count == NULL || st_count_get_finished (self->count))
    return;
  self->n_pending++;
  update_actions (self);
  set_message (self, _("Scanning the list…"), FALSE);
  st_store_count_scan_many_async (self->store, number (self), text, batch_progress_cb,
                                  g_object_ref (self), g_object_unref, self->cancellable,
                                  batch_done_cb, g_object_ref (self));
}

static void
scan_activate_cb (StCountPage *self)
{
  g_autofree char *text = NULL;

  if (self->count == NULL || st_count_get_finished (self->count))
    return;
  text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->scan_entry)));
  /* Emptied at once: the scanner's next serial follows while this one is classified. */
  gtk_editable_set_text (GTK_EDITABLE (self->scan_entry), "");
  if (*g_strstrip (text) == '\0')
    return;
  scan_one (self, text);
}

/* A list pasted into the entry (several lines) is scanned as one batch. */
static void
scan_changed_cb (StCountPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->scan_entry));
  g_autofree char *lines = NULL;

  if (strchr (text, '\n') == NULL && strchr (text, '\r') == NULL)
    return;
  lines = g_strdup (text);
  gtk_editable_set_text (GTK_EDITABLE (self->scan_entry), "");
  st_count_page_scan_text (self, lines);
}

/* Import File… */

static void
file_loaded_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(StCountPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  pending_done (self);
  if (!g_file_load_contents_finish (G_FILE (source), result, &contents, &length, NULL, &error))
    {
      if (self->store != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        set_message (self, error->message, TRUE);
      return;
    }
  if (self->store == NULL)
    return;
  if (!g_utf8_validate (contents, length, NULL))
    {
      g_autofree char *name = g_file_get_parse_name (G_FILE (source));
      g_autofree char *text = NULL;

      /* Translators: %s is a file's name */
      text = g_strdup_printf (_("“%s” is not a text file of serials; nothing was scanned"),
                              name);
      set_message (self, text, TRUE);
      return;
    }
  st_count_page_scan_text (self, contents);
}

void
st_count_page_import_file (StCountPage *self,
                           GFile       *file)
{
  g_return_if_fail (ST_IS_COUNT_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->count == NULL || st_count_get_finished (self->count))
    return;
  self->n_pending++;
  update_actions (self);
  set_message (self, _("Reading the file…"), FALSE);
  g_file_load_contents_async (file, self->cancellable, file_loaded_cb, g_object_ref (self));
}

static void
import_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    StCountPage     *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        st_count_page_import_file (self, file);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  gtk_widget_grab_focus (GTK_WIDGET (self->scan_entry));
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  StCountPage *self = ST_COUNT_PAGE (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Import Serials"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"),
                                         _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  /* Translators: a file type in the file chooser */
  gtk_file_filter_set_name (filter, _("Text files, one serial a line"));
  gtk_file_filter_add_mime_type (filter, "text/plain");
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect_object (chooser, "response", G_CALLBACK (import_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Pause, review, finish */

static void
pause_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  StCountPage *self = ST_COUNT_PAGE (widget);
  StWindow *win = window (self);

  if (win == NULL)
    return;
  st_window_show_view (win, "counts");
  if (self->count != NULL && !st_count_get_finished (self->count))
    {
      g_autofree char *text = NULL;

      /* Translators: %s is a count's number; the count stays open */
      text = g_strdup_printf (_("Count %s is paused: open it from Counts to go on scanning"),
                              number (self));
      st_window_show_toast (win, text, NULL);
    }
}

static void
show_review (StCountPage *self)
{
  self->in_review = TRUE;
  load_review (self);
  gtk_stack_set_visible_child_name (self->mode_stack, "review");
  update_actions (self);
}

static void
review_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  StCountPage *self = ST_COUNT_PAGE (widget);

  show_review (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->missing_view));
}

static void
scan_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  StCountPage *self = ST_COUNT_PAGE (widget);

  self->in_review = FALSE;
  load_review (self);
  gtk_stack_set_visible_child_name (self->mode_stack, "scan");
  update_actions (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->scan_entry));
}

static void
finished_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(StCountPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(StCountReport) report = st_store_count_finish_finish (ST_STORE (source), result,
                                                                  &error);
  StWindow *win;

  pending_done (self);
  if (self->store == NULL)
    return;
  win = window (self);
  if (report == NULL)
    {
      if (win != NULL)
        st_window_show_error (win, _("Could not finish the count"), error);
      return;
    }
  g_set_object (&self->count, report->count);
  show_count (self);
  /* What is left to do is in the review: the scan entry takes nothing more. */
  gtk_stack_set_visible_child_name (self->mode_stack, "review");
  show_review (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->missing_view));
  if (win != NULL)
    {
      g_autofree char *text = NULL;

      if (report->adjustment != NULL)
        /* Translators: %1$s a count number, %2$s the adjustment's (ADJ-00001) */
        text = g_strdup_printf (_("Count %1$s finished; %2$s wrote the missing units off"),
                                number (self), st_document_get_number (report->adjustment));
      else
        /* Translators: %s is a count number */
        text = g_strdup_printf (_("Count %s finished"), number (self));
      st_window_show_toast (win, text, NULL);
    }
}

static void
finish (StCountPage *self,
        gboolean     write_off)
{
  if (self->count == NULL || st_count_get_finished (self->count) || self->n_pending > 0)
    return;
  self->n_pending++;
  update_actions (self);
  st_store_count_finish_async (self->store, number (self), write_off, NULL, self->cancellable,
                               finished_cb, g_object_ref (self));
}

static void
finish_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  finish (ST_COUNT_PAGE (widget), FALSE);
}

static void
write_off_response_cb (GtkDialog   *dialog,
                       int          response,
                       StCountPage *self)
{
  gtk_window_destroy (GTK_WINDOW (dialog));
  if (response == GTK_RESPONSE_ACCEPT)
    finish (self, TRUE);
}

/* The write-off takes units out of stock: it is asked about, naming how many. */
static void
write_off_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  StCountPage *self = ST_COUNT_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  guint n_missing;
  g_autofree char *n = NULL;
  g_autofree char *question = NULL;
  GtkWidget *dialog;
  GtkWidget *button;

  if (self->count == NULL || st_count_get_finished (self->count))
    return;
  if (self->missing == NULL)
    show_review (self);
  n_missing = g_list_model_get_n_items (G_LIST_MODEL (self->missing));
  n = st_format_quantity (n_missing);
  /* Translators: %s is a number of units */
  question = g_strdup_printf (ngettext ("Write off %s missing unit?",
                                        "Write off %s missing units?", n_missing), n);
  dialog = gtk_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE, "%s", question);
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s",
                                            _("The count is finished and one adjustment "
                                              "takes the missing units out of stock. Voiding "
                                              "the adjustment brings them back."));
  gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Cancel"), GTK_RESPONSE_CANCEL);
  button = gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Write Off and Finish"),
                                  GTK_RESPONSE_ACCEPT);
  gtk_widget_add_css_class (button, "destructive-action");
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  g_signal_connect_object (dialog, "response", G_CALLBACK (write_off_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
transferred_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(StCountPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = st_store_count_transfer_elsewhere_finish (ST_STORE (source),
                                                                        result, &error);
  StWindow *win;
  g_autofree char *text = NULL;

  pending_done (self);
  if (self->store == NULL || (win = window (self)) == NULL)
    return;
  if (docs == NULL)
    {
      st_window_show_error (win, _("Could not transfer the units here"), error);
      return;
    }
  if (docs->len == 0)
    text = g_strdup (_("Nothing to transfer: no unit scanned here is in stock at another "
                       "warehouse now"));
  else
    {
      GString *numbers = g_string_new (NULL);

      for (guint i = 0; i < docs->len; i++)
        g_string_append_printf (numbers, "%s%s", i > 0 ? ", " : "",
                                st_document_get_number (g_ptr_array_index (docs, i)));
      /* Translators: %s lists the transfers' numbers, "TRF-00001, TRF-00002" */
      text = g_strdup_printf (ngettext ("Posted transfer %s", "Posted transfers %s", docs->len),
                              numbers->str);
      g_string_free (numbers, TRUE);
    }
  st_window_show_toast (win, text, NULL);
  schedule_reload (self);
}

static void
transfer_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  StCountPage *self = ST_COUNT_PAGE (widget);

  if (self->count == NULL || self->n_pending > 0)
    return;
  self->n_pending++;
  update_actions (self);
  st_store_count_transfer_elsewhere_async (self->store, number (self), self->cancellable,
                                           transferred_cb, g_object_ref (self));
}

static void
show_unit (StCountPage *self,
           gint64       unit_id)
{
  if (unit_id == 0)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-unit", "x", unit_id);
}

static gint64
row_unit_id (gpointer row)
{
  if (ST_IS_UNIT (row))
    return st_unit_get_id (row);
  if (ST_IS_COUNT_SCAN (row))
    return st_count_scan_get_unit_id (row);
  return 0;
}

static void
open_unit_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  StCountPage *self = ST_COUNT_PAGE (widget);
  gboolean missing = g_strcmp0 (gtk_stack_get_visible_child_name (self->review_stack),
                                "missing") == 0;
  GtkColumnView *view = missing ? self->missing_view : self->unexpected_view;
  GtkSelectionModel *selection = gtk_column_view_get_model (view);
  gpointer row = NULL;

  if (GTK_IS_SINGLE_SELECTION (selection))
    row = gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (selection));
  show_unit (self, row_unit_id (row));
}

static void
activate_row (GtkColumnView *view,
              guint          position,
              StCountPage   *self)
{
  GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (view));
  g_autoptr(GObject) row = g_list_model_get_item (model, position);

  show_unit (self, row_unit_id (row));
}

static void
missing_activate_cb (StCountPage *self,
                     guint        position)
{
  activate_row (self->missing_view, position, self);
}

static void
unexpected_activate_cb (StCountPage *self,
                        guint        position)
{
  activate_row (self->unexpected_view, position, self);
}

static void
recent_activated_cb (StCountPage   *self,
                     GtkListBoxRow *row)
{
  gint64 *id = g_object_get_data (G_OBJECT (row), "st-unit-id64");

  show_unit (self, id != NULL ? *id : 0);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  StCountPage *self = ST_COUNT_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  if (self->count == NULL)
    return;
  st_export_dialog_choose_count (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->store,
                                 number (self));
}

/* The page's one place that enables its actions. */
static void
update_actions (StCountPage *self)
{
  gboolean open = self->count != NULL && !st_count_get_finished (self->count);
  gboolean idle = self->n_pending == 0;
  gboolean elsewhere = self->count != NULL
                       && st_count_get_n_scans (self->count, ST_SCAN_ELSEWHERE) > 0;
  GtkWidget *widget = GTK_WIDGET (self);

  gtk_widget_action_set_enabled (widget, "count.import", open);
  gtk_widget_action_set_enabled (widget, "count.review", self->count != NULL);
  gtk_widget_action_set_enabled (widget, "count.scan", open);
  gtk_widget_action_set_enabled (widget, "count.finish", open && idle);
  gtk_widget_action_set_enabled (widget, "count.write-off", open && idle);
  gtk_widget_action_set_enabled (widget, "count.transfer", elsewhere && idle);
  gtk_widget_action_set_enabled (widget, "count.open-unit", self->in_review);
  gtk_widget_action_set_enabled (widget, "count.export", self->count != NULL);
  if (!open && gtk_widget_get_root (widget) != NULL)
    {
      GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (widget));

      /* The focus leaves an entry before it goes insensitive (GtkText wants its focus-out). */
      if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->scan_entry)))
        gtk_root_set_focus (gtk_widget_get_root (widget), NULL);
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->scan_entry), open);
}

/* Public API */

StCountPage *
st_count_page_new (void)
{
  return g_object_new (ST_TYPE_COUNT_PAGE, NULL);
}

void
st_count_page_set_store (StCountPage *self,
                         StStore     *store)
{
  g_return_if_fail (ST_IS_COUNT_PAGE (self));
  g_return_if_fail (store == NULL || ST_IS_STORE (store));

  g_set_object (&self->store, store);
}

gboolean
st_count_page_set_number (StCountPage *self,
                          const char  *count_number)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (ST_IS_COUNT_PAGE (self), FALSE);
  g_return_val_if_fail (self->store != NULL, FALSE);

  g_clear_object (&self->count);
  self->in_review = FALSE;
  set_message (self, NULL, FALSE);
  if (!read_count (self, count_number, &error))
    {
      gtk_label_set_text (self->title_label, count_number);
      gtk_label_set_text (self->subtitle_label, error->message);
      gtk_label_set_text (self->tally_label, "");
      load_recent (self);
      load_review (self);
      update_actions (self);
      return FALSE;
    }
  load_recent (self);
  if (st_count_get_finished (self->count))
    show_review (self);
  else
    {
      load_review (self);
      gtk_stack_set_visible_child_name (self->mode_stack, "scan");
      gtk_editable_set_text (GTK_EDITABLE (self->scan_entry), "");
    }
  update_actions (self);
  return TRUE;
}

StCount *
st_count_page_get_count (StCountPage *self)
{
  g_return_val_if_fail (ST_IS_COUNT_PAGE (self), NULL);

  return self->count;
}

gboolean
st_count_page_get_busy (StCountPage *self)
{
  g_return_val_if_fail (ST_IS_COUNT_PAGE (self), FALSE);

  return self->n_pending > 0 || self->reload_source != 0;
}

GListModel *
st_count_page_get_missing (StCountPage *self)
{
  g_return_val_if_fail (ST_IS_COUNT_PAGE (self), NULL);

  return self->missing != NULL ? G_LIST_MODEL (self->missing) : NULL;
}

GListModel *
st_count_page_get_unexpected (StCountPage *self)
{
  g_return_val_if_fail (ST_IS_COUNT_PAGE (self), NULL);

  return self->unexpected != NULL ? G_LIST_MODEL (self->unexpected) : NULL;
}

const char *
st_count_page_get_tally_text (StCountPage *self)
{
  g_return_val_if_fail (ST_IS_COUNT_PAGE (self), NULL);

  return gtk_label_get_text (self->tally_label);
}

const char *
st_count_page_get_review_text (StCountPage *self)
{
  g_return_val_if_fail (ST_IS_COUNT_PAGE (self), NULL);

  return self->review_text;
}

const char *
st_count_page_get_message_text (StCountPage *self)
{
  g_return_val_if_fail (ST_IS_COUNT_PAGE (self), NULL);

  return self->message != NULL ? self->message : "";
}

/* Columns of the review */

static char *
unit_item_text (gpointer unit)
{
  /* Translators: an item: its SKU and name, "PHN-1 · Phone One" */
  return g_strdup_printf (C_("count scan item", "%s · %s"), st_unit_get_sku (unit),
                          st_unit_get_item_name (unit));
}

static char *
unit_status_text (gpointer unit)
{
  return g_strdup (st_unit_status_to_label (st_unit_get_status (unit)));
}

static char *
scan_what_text (gpointer scan)
{
  return st_count_scan_describe (scan);
}

static char *
scan_item_text (gpointer scan)
{
  if (st_count_scan_get_sku (scan) == NULL)
    return NULL;
  return g_strdup_printf (C_("count scan item", "%s · %s"), st_count_scan_get_sku (scan),
                          st_count_scan_get_item_name (scan));
}

/* GObject */

static void
st_count_page_dispose (GObject *object)
{
  StCountPage *self = ST_COUNT_PAGE (object);
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->reload_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), ST_TYPE_COUNT_PAGE);
  /* The template's top box has no id: it is not among the children disposed above. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->store);
  g_clear_object (&self->count);
  g_clear_object (&self->missing);
  g_clear_object (&self->unexpected);

  G_OBJECT_CLASS (st_count_page_parent_class)->dispose (object);
}

static void
st_count_page_finalize (GObject *object)
{
  StCountPage *self = ST_COUNT_PAGE (object);

  g_clear_object (&self->cancellable);
  g_free (self->message);
  g_free (self->review_text);

  G_OBJECT_CLASS (st_count_page_parent_class)->finalize (object);
}

static gboolean
st_count_page_grab_focus (GtkWidget *widget)
{
  StCountPage *self = ST_COUNT_PAGE (widget);

  if (!self->in_review && gtk_widget_get_sensitive (GTK_WIDGET (self->scan_entry)))
    return gtk_widget_grab_focus (GTK_WIDGET (self->scan_entry));
  if (self->in_review)
    return gtk_widget_grab_focus (GTK_WIDGET (self->missing_view));
  return GTK_WIDGET_CLASS (st_count_page_parent_class)->grab_focus (widget);
}

static void
st_count_page_class_init (StCountPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = st_count_page_dispose;
  object_class->finalize = st_count_page_finalize;
  widget_class->grab_focus = st_count_page_grab_focus;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/SerialTrack/st-count-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, StCountPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, StCountPage, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, StCountPage, tally_label);
  gtk_widget_class_bind_template_child (widget_class, StCountPage, tally_bar);
  gtk_widget_class_bind_template_child (widget_class, StCountPage, mode_stack);
  gtk_widget_class_bind_template_child (widget_class, StCountPage, scan_entry);
  gtk_widget_class_bind_template_child (widget_class, StCountPage, progress_label);
  gtk_widget_class_bind_template_child (widget_class, StCountPage, recent_list);
  gtk_widget_class_bind_template_child (widget_class, StCountPage, review_label);
  gtk_widget_class_bind_template_child (widget_class, StCountPage, review_stack);
  gtk_widget_class_bind_template_child (widget_class, StCountPage, missing_page);
  gtk_widget_class_bind_template_child (widget_class, StCountPage, unexpected_page);
  gtk_widget_class_bind_template_child (widget_class, StCountPage, missing_view);
  gtk_widget_class_bind_template_child (widget_class, StCountPage, unexpected_view);
  gtk_widget_class_bind_template_callback (widget_class, scan_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, scan_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, recent_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, missing_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, unexpected_activate_cb);

  gtk_widget_class_install_action (widget_class, "count.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "count.pause", NULL, pause_action);
  gtk_widget_class_install_action (widget_class, "count.review", NULL, review_action);
  gtk_widget_class_install_action (widget_class, "count.scan", NULL, scan_action);
  gtk_widget_class_install_action (widget_class, "count.finish", NULL, finish_action);
  gtk_widget_class_install_action (widget_class, "count.write-off", NULL, write_off_action);
  gtk_widget_class_install_action (widget_class, "count.transfer", NULL, transfer_action);
  gtk_widget_class_install_action (widget_class, "count.open-unit", NULL, open_unit_action);
  gtk_widget_class_install_action (widget_class, "count.export", NULL, export_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK,
                                       "count.import", NULL);
}

static void
st_count_page_init (StCountPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();

  st_columns_append_field (self->missing_view, _("Serial"), G_CALLBACK (st_unit_get_serial),
                           ST_FIELD_STRING, ST_COLUMN_TEXT, ST_SORT_DEFAULT, 0);
  st_columns_append (self->missing_view, _("Item"), unit_item_text, ST_COLUMN_EXPAND,
                     ST_SORT_DEFAULT);
  st_columns_append (self->missing_view, _("Status"), unit_status_text, ST_COLUMN_TEXT,
                     ST_SORT_DEFAULT);
  st_columns_append_field (self->unexpected_view, _("Serial"),
                           G_CALLBACK (st_count_scan_get_serial), ST_FIELD_STRING, ST_COLUMN_TEXT,
                           ST_SORT_DEFAULT, 0);
  st_columns_append (self->unexpected_view, _("What"), scan_what_text, ST_COLUMN_EXPAND,
                     ST_SORT_DEFAULT);
  st_columns_append (self->unexpected_view, _("Item"), scan_item_text, ST_COLUMN_TEXT,
                     ST_SORT_DEFAULT);
  update_actions (self);
}
