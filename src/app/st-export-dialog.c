/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "st-export-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "st-error.h"
#include "st-export-dialog.h"
#include "st-format.h"
#include "st-window.h"

#define XLSX_MIME_TYPE "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

/* What to export: a history scope or the sold-serials report (owned copies). */
typedef struct
{
  gboolean  sold;
  /* History */
  char     *sku;
  GStrv     serials;
  GArray   *unit_ids;   /* gint64 */
  /* Sold serials */
  char     *from;
  char     *to;
  /* A stock count's report, when set */
  char     *count;
} ExportSpec;

static void
export_spec_clear (ExportSpec *spec)
{
  g_clear_pointer (&spec->sku, g_free);
  g_clear_pointer (&spec->serials, g_strfreev);
  g_clear_pointer (&spec->unit_ids, g_array_unref);
  g_clear_pointer (&spec->from, g_free);
  g_clear_pointer (&spec->to, g_free);
  g_clear_pointer (&spec->count, g_free);
}

static void
export_spec_set_history (ExportSpec           *spec,
                         const StHistoryScope *scope)
{
  spec->sold = FALSE;
  if (scope == NULL)
    return;

  spec->sku = g_strdup (scope->sku);
  spec->serials = g_strdupv ((char **) scope->serials);
  if (scope->unit_ids != NULL)
    {
      spec->unit_ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), scope->n_unit_ids);
      g_array_append_vals (spec->unit_ids, scope->unit_ids, scope->n_unit_ids);
    }
}

static void
export_spec_set_sold (ExportSpec *spec,
                      const char *from,
                      const char *to)
{
  spec->sold = TRUE;
  spec->from = g_strdup (from);
  spec->to = g_strdup (to);
}

struct _StExportDialog
{
  GtkWindow       parent_instance;

  /* Template widgets */
  GtkLabel       *title_label;
  GtkProgressBar *progress_bar;
  GtkLabel       *error_label;
  GtkButton      *cancel_button;

  /* Owned */
  StStore        *store;
  ExportSpec      spec;
  char           *path;
  gboolean        overwrite;
  GCancellable   *cancellable;
  GFile          *file;
  gboolean        running;
  gboolean        disposed;   /* the window is gone; its export may still be ending */
};

G_DEFINE_FINAL_TYPE (StExportDialog, st_export_dialog, GTK_TYPE_WINDOW)

enum {
  FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The folder of the last export, offered first the next time. */
static GFile *last_folder;

/* Progress, in the main loop (the store coalesces the worker's reports). */
static void
progress_cb (double   fraction,
             gpointer data)
{
  StExportDialog *self = data;

  /* Not once the window is gone (closing it cancels the export, which then still ends). */
  if (self->running && !self->disposed)
    gtk_progress_bar_set_fraction (self->progress_bar, fraction);
}

static StWindow *
main_window (StExportDialog *self)
{
  GtkWindow *window = gtk_window_get_transient_for (GTK_WINDOW (self));

  while (window != NULL && !ST_IS_WINDOW (window))
    window = gtk_window_get_transient_for (window);

  return window != NULL ? ST_WINDOW (window) : NULL;
}

static void
show_failure (StExportDialog *self,
              const GError   *error)
{
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), FALSE);
  gtk_label_set_text (self->error_label, error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
  gtk_button_set_label (self->cancel_button, _("_Close"));
  gtk_widget_grab_focus (GTK_WIDGET (self->cancel_button));
}

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(StExportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  StWindow *window;
  gboolean ok;

  if (self->spec.count != NULL)
    ok = st_store_export_count_finish (ST_STORE (source), result, &error);
  else if (self->spec.sold)
    ok = st_store_export_sold_finish (ST_STORE (source), result, &error);
  else
    ok = st_store_export_history_finish (ST_STORE (source), result, &error);

  self->running = FALSE;

  if (self->disposed)
    {
      g_signal_emit (self, signals[FINISHED], 0, ok ? self->file : NULL, error);
      return;
    }

  if (!ok)
    {
      g_signal_emit (self, signals[FINISHED], 0, NULL, error);
      /* Cancelled: the user knows; the core left no file behind. */
      if (g_error_matches (error, ST_ERROR, ST_ERROR_CANCELLED)
          || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        gtk_window_destroy (GTK_WINDOW (self));
      else
        show_failure (self, error);
      return;
    }

  gtk_progress_bar_set_fraction (self->progress_bar, 1.0);
  g_signal_emit (self, signals[FINISHED], 0, self->file, NULL);

  window = main_window (self);
  if (window != NULL)
    {
      g_autofree char *name = g_file_get_basename (self->file);
      g_autofree char *display = g_filename_display_name (name);
      g_autofree char *message = NULL;

      /* Translators: an export is done; %s is the file's name */
      message = g_strdup_printf (_("Exported “%s”"), display);
      st_window_show_toast (window, message, self->file);
    }

  gtk_window_destroy (GTK_WINDOW (self));
}

/* The export starts once the window is up, from the main loop: a Cancel pressed before that
 * cancels it before it starts (nothing written). */
static gboolean
start_idle_cb (gpointer data)
{
  StExportDialog *self = data;

  /* The export's own answer counts: ST_ERROR_CANCELLED with no file, or a file finished
   * just before Cancel was pressed. */
  if (self->spec.count != NULL)
    st_store_export_count_async (self->store, self->spec.count, self->path, self->overwrite,
                                 progress_cb, g_object_ref (self), g_object_unref,
                                 self->cancellable, export_done_cb, g_object_ref (self));
  else if (self->spec.sold)
    st_store_export_sold_async (self->store, self->path, self->spec.from, self->spec.to,
                                self->overwrite, progress_cb, g_object_ref (self), g_object_unref,
                                self->cancellable, export_done_cb, g_object_ref (self));
  else
    {
      StHistoryScope scope = {
        .sku = self->spec.sku,
        .serials = (const char * const *) self->spec.serials,
        .unit_ids = self->spec.unit_ids != NULL
                    ? (const gint64 *) (gpointer) self->spec.unit_ids->data : NULL,
        .n_unit_ids = self->spec.unit_ids != NULL ? self->spec.unit_ids->len : 0,
      };

      st_store_export_history_async (self->store, self->path, &scope, self->overwrite,
                                     progress_cb, g_object_ref (self), g_object_unref,
                                     self->cancellable, export_done_cb, g_object_ref (self));
    }

  return G_SOURCE_REMOVE;
}

static StExportDialog *
start (GtkWindow        *parent,
       StStore          *store,
       ExportSpec       *spec,
       const char       *path,
       gboolean          overwrite)
{
  StExportDialog *self;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;

  self = g_object_new (ST_TYPE_EXPORT_DIALOG, "transient-for", parent, NULL);

  self->store = g_object_ref (store);
  self->spec = *spec;
  memset (spec, 0, sizeof *spec);
  self->path = g_strdup (path);
  self->overwrite = overwrite;
  self->file = g_file_new_for_path (path);
  self->running = TRUE;

  name = g_filename_display_basename (path);
  /* Translators: the export window's heading; %s is the file being written */
  title = g_strdup_printf (_("Exporting to “%s”"), name);
  gtk_label_set_text (self->title_label, title);

  gtk_window_present (GTK_WINDOW (self));
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, start_idle_cb, g_object_ref (self), g_object_unref);

  return self;
}

StExportDialog *
st_export_dialog_start_history (GtkWindow            *parent,
                                StStore              *store,
                                const StHistoryScope *scope,
                                const char           *path,
                                gboolean              overwrite)
{
  ExportSpec spec = { 0 };

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (ST_IS_STORE (store), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  export_spec_set_history (&spec, scope);
  return start (parent, store, &spec, path, overwrite);
}

StExportDialog *
st_export_dialog_start_sold (GtkWindow  *parent,
                             StStore    *store,
                             const char *from,
                             const char *to,
                             const char *path,
                             gboolean    overwrite)
{
  ExportSpec spec = { 0 };

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (ST_IS_STORE (store), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  export_spec_set_sold (&spec, from, to);
  return start (parent, store, &spec, path, overwrite);
}

StExportDialog *
st_export_dialog_start_count (GtkWindow  *parent,
                              StStore    *store,
                              const char *number,
                              const char *path,
                              gboolean    overwrite)
{
  ExportSpec spec = { 0 };

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (ST_IS_STORE (store), NULL);
  g_return_val_if_fail (number != NULL, NULL);
  g_return_val_if_fail (path != NULL, NULL);

  spec.count = g_strdup (number);
  return start (parent, store, &spec, path, overwrite);
}

void
st_export_dialog_cancel (StExportDialog *self)
{
  g_return_if_fail (ST_IS_EXPORT_DIALOG (self));

  g_cancellable_cancel (self->cancellable);
}

gboolean
st_export_dialog_get_running (StExportDialog *self)
{
  g_return_val_if_fail (ST_IS_EXPORT_DIALOG (self), FALSE);

  return self->running;
}

double
st_export_dialog_get_fraction (StExportDialog *self)
{
  g_return_val_if_fail (ST_IS_EXPORT_DIALOG (self), 0.0);

  return gtk_progress_bar_get_fraction (self->progress_bar);
}

static void
cancel_clicked_cb (StExportDialog *self)
{
  /* While it runs, Cancel cancels (the window goes when the export has stopped); after a
   * failure the button says Close. */
  if (self->running)
    {
      gtk_widget_set_sensitive (GTK_WIDGET (self->cancel_button), FALSE);
      st_export_dialog_cancel (self);
    }
  else
    gtk_window_destroy (GTK_WINDOW (self));
}

static gboolean
st_export_dialog_close_request (GtkWindow *window)
{
  StExportDialog *self = ST_EXPORT_DIALOG (window);

  /* Closing the window (Escape, the title bar) while it runs cancels the export. */
  if (self->running)
    st_export_dialog_cancel (self);

  return GTK_WINDOW_CLASS (st_export_dialog_parent_class)->close_request (window);
}

/* The file chooser */

char *
st_export_dialog_clean_file_name (const char *name)
{
  GString *clean;

  g_return_val_if_fail (name != NULL, NULL);

  clean = g_string_sized_new (strlen (name));
  for (const char *p = name; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x20 || c == 0x7f || strchr ("/\\:*?\"<>|", (int) c) != NULL)
        g_string_append_c (clean, '-');
      else
        g_string_append_unichar (clean, c);
    }

  return g_string_free (clean, FALSE);
}

typedef struct
{
  GtkWindow  *parent;
  StStore    *store;
  ExportSpec  spec;
} ChooseData;

static void
choose_data_free (gpointer data)
{
  ChooseData *choose = data;

  g_clear_object (&choose->parent);
  g_clear_object (&choose->store);
  export_spec_clear (&choose->spec);
  g_free (choose);
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     ChooseData      *choose)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  gboolean overwrite = TRUE;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    path = g_file_get_path (file);

  if (file != NULL && path == NULL)
    {
      g_autoptr(GError) error = NULL;

      g_set_error_literal (&error, ST_ERROR, ST_ERROR_IO,
                           _("Exports are written to local files only; choose a folder on "
                             "this computer."));
      if (ST_IS_WINDOW (choose->parent))
        st_window_show_error (ST_WINDOW (choose->parent), _("Could not export"), error);
    }
  else if (path != NULL)
    {
      GFile *folder = g_file_get_parent (file);

      if (folder != NULL)
        {
          g_clear_object (&last_folder);
          last_folder = folder;
        }

      /* The chooser asked about replacing the name typed; a name we complete was not asked
       * about, so the export refuses to replace it. */
      if (!g_str_has_suffix (path, ".xlsx") && !g_str_has_suffix (path, ".XLSX"))
        {
          char *completed = g_strconcat (path, ".xlsx", NULL);

          g_free (path);
          path = completed;
          overwrite = FALSE;
        }

      start (choose->parent, choose->store, &choose->spec, path, overwrite);
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
choose (GtkWindow  *parent,
        StStore    *store,
        ExportSpec *spec,
        const char *suggested_name)
{
  g_autoptr(GtkFileFilter) filter = NULL;
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;
  ChooseData *choose;

  chooser = gtk_file_chooser_native_new (_("Export to Excel"), parent,
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  filter = gtk_file_filter_new ();
  /* Translators: a file type in the file chooser */
  gtk_file_filter_set_name (filter, _("Excel workbooks (.xlsx)"));
  gtk_file_filter_add_pattern (filter, "*.xlsx");
  gtk_file_filter_add_mime_type (filter, XLSX_MIME_TYPE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);

  if (last_folder != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), last_folder, NULL);
  else if (g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS) != NULL)
    {
      g_autoptr(GFile) documents = g_file_new_for_path (
                                     g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS));

      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), documents, NULL);
    }

  name = st_export_dialog_clean_file_name (suggested_name);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);

  choose = g_new0 (ChooseData, 1);
  choose->parent = parent != NULL ? g_object_ref (parent) : NULL;
  choose->store = g_object_ref (store);
  choose->spec = *spec;
  memset (spec, 0, sizeof *spec);
  g_object_set_data_full (G_OBJECT (chooser), "st-export", choose, choose_data_free);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), choose);

  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
st_export_dialog_choose_history (GtkWindow            *parent,
                                 StStore              *store,
                                 const StHistoryScope *scope,
                                 const char           *suggested_name)
{
  ExportSpec spec = { 0 };

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (ST_IS_STORE (store));
  g_return_if_fail (suggested_name != NULL);

  export_spec_set_history (&spec, scope);
  choose (parent, store, &spec, suggested_name);
}

void
st_export_dialog_choose_count (GtkWindow  *parent,
                               StStore    *store,
                               const char *number)
{
  ExportSpec spec = { 0 };
  g_autofree char *name = NULL;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (ST_IS_STORE (store));
  g_return_if_fail (number != NULL);

  spec.count = g_strdup (number);
  /* Translators: the suggested file name of a stock count's report; %s is its number */
  name = g_strdup_printf (_("count-%s.xlsx"), number);
  choose (parent, store, &spec, name);
}

void
st_export_dialog_choose_sold (GtkWindow  *parent,
                              StStore    *store,
                              const char *from,
                              const char *to)
{
  ExportSpec spec = { 0 };
  g_autofree char *name = NULL;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (ST_IS_STORE (store));

  export_spec_set_sold (&spec, from, to);

  if (from != NULL && to != NULL)
    /* Translators: a suggested file name: the sold-serials report from date %1$s to date %2$s
     * (YYYY-MM-DD); no slashes */
    name = g_strdup_printf (_("sold-serials-%1$s-%2$s.xlsx"), from, to);
  else if (from != NULL)
    /* Translators: a suggested file name: the sold-serials report from date %s on */
    name = g_strdup_printf (_("sold-serials-from-%s.xlsx"), from);
  else if (to != NULL)
    /* Translators: a suggested file name: the sold-serials report up to date %s */
    name = g_strdup_printf (_("sold-serials-to-%s.xlsx"), to);
  else
    /* Translators: a suggested file name: the sold-serials report for all time */
    name = g_strdup (_("sold-serials.xlsx"));

  choose (parent, store, &spec, name);
}

/* The class */

static void
st_export_dialog_dispose (GObject *object)
{
  StExportDialog *self = ST_EXPORT_DIALOG (object);

  self->disposed = TRUE;
  gtk_widget_dispose_template (GTK_WIDGET (self), ST_TYPE_EXPORT_DIALOG);

  G_OBJECT_CLASS (st_export_dialog_parent_class)->dispose (object);
}

static void
st_export_dialog_finalize (GObject *object)
{
  StExportDialog *self = ST_EXPORT_DIALOG (object);

  g_clear_object (&self->store);
  export_spec_clear (&self->spec);
  g_free (self->path);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->file);

  G_OBJECT_CLASS (st_export_dialog_parent_class)->finalize (object);
}

static void
st_export_dialog_class_init (StExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = st_export_dialog_dispose;
  object_class->finalize = st_export_dialog_finalize;
  window_class->close_request = st_export_dialog_close_request;

  /**
   * StExportDialog::finished:
   * @file: (nullable): the file written, or %NULL
   * @error: (nullable): why not (ST_ERROR_CANCELLED after Cancel)
   */
  signals[FINISHED] =
    g_signal_new ("finished",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_FILE, G_TYPE_ERROR);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/SerialTrack/st-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, StExportDialog, title_label);
  gtk_widget_class_bind_template_child (widget_class, StExportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, StExportDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, StExportDialog, cancel_button);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
st_export_dialog_init (StExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
}

/* The ids of the units at @selected, in the list's order; *@name gets the suggested file name
 * of the first. */
static GArray *
selected_unit_ids (GListModel  *units,
                   GtkBitset   *selected,
                   char       **name)
{
  GArray *ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64),
                                   (guint) gtk_bitset_get_size (selected));
  GtkBitsetIter iter;
  guint position;

  for (gboolean more = gtk_bitset_iter_init_first (&iter, selected, &position);
       more;
       more = gtk_bitset_iter_next (&iter, &position))
    {
      g_autoptr(StUnit) unit = g_list_model_get_item (units, position);

      if (unit != NULL)
        {
          gint64 id = st_unit_get_id (unit);

          g_array_append_val (ids, id);
          if (ids->len == 1)
            /* Translators: the suggested file name of one unit's history; %s is its serial */
            *name = g_strdup_printf (_("history-%s.xlsx"), st_unit_get_serial (unit));
        }
    }
  return ids;
}

void
st_export_dialog_choose_selected_units (GtkWindow  *parent,
                                        StStore    *store,
                                        GListModel *units,
                                        GtkBitset  *selected,
                                        const char *several_name,
                                        const char *too_many)
{
  g_autoptr(GArray) ids = NULL;
  g_autofree char *name = NULL;
  StHistoryScope scope = { 0 };

  g_return_if_fail (G_IS_LIST_MODEL (units));
  g_return_if_fail (selected != NULL);

  if (gtk_bitset_get_size (selected) > ST_EXPORT_SELECTION_MAX)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *max = st_format_quantity (ST_EXPORT_SELECTION_MAX);

      g_set_error (&error, ST_ERROR, ST_ERROR_INVALID_INPUT, too_many, max);
      if (ST_IS_WINDOW (parent))
        st_window_show_error (ST_WINDOW (parent), _("Too many units selected"), error);
      return;
    }

  ids = selected_unit_ids (units, selected, &name);
  if (ids->len == 0)
    return;
  if (ids->len > 1)
    {
      g_free (name);
      name = g_strdup (several_name);
    }
  scope.unit_ids = (const gint64 *) ids->data;
  scope.n_unit_ids = ids->len;
  st_export_dialog_choose_history (parent, store, &scope, name);
}
