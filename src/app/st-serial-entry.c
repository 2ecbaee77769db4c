/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "st-serial-entry"

#include "config.h"

#include <glib/gi18n.h>

#include "st-error.h"
#include "st-format.h"
#include "st-serial.h"
#include "st-serial-entry.h"
#include "st-serial-row.h"

/* What st_serial_split() splits on; text inserted with one of these is a list, not a serial. */
#define LIST_SEPARATORS "\n\r,\t;"

struct _StSerialEntry
{
  GtkWidget             parent_instance;

  /* Template widgets */
  GtkEntry             *scan_entry;
  GtkButton            *paste_button;
  GtkButton            *import_button;
  GtkButton            *clear_button;
  GtkLabel             *message_label;
  GtkScrolledWindow    *scroller;
  GtkListView          *list_view;
  GtkLabel             *count_label;
  GtkToggleButton      *problems_button;
  GtkButton            *remove_problems_button;

  /* Owned */
  StStore              *store;
  StItem               *item;
  GListStore           *rows;          /* StSerialRow */
  GtkCustomFilter      *problems_filter;
  GtkFilterListModel   *shown;         /* every row, or the problem rows only */
  GtkSingleSelection   *selection;
  /* serial key -> the first row with that key (the rows own the keys and are kept alive by
   * the list store); later rows with the key are duplicates. */
  GHashTable           *first_by_key;
  GtkFileChooserNative *chooser;
  GCancellable         *cancellable;
  char                 *message;

  guint                 quantity;
  guint                 n_valid;
  gboolean              valid;
  guint                 scroll_source;
  StSerialRow          *scroll_to;     /* weak: the row to bring into view once laid out */
};

G_DEFINE_FINAL_TYPE (StSerialEntry, st_serial_entry, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_ITEM,
  PROP_QUANTITY,
  PROP_VALID,
  PROP_N_VALID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Messages under the entry: a refusal (red) or a note (dim). */
static void
show_message (StSerialEntry *self,
              const char    *message,
              gboolean       is_error)
{
  g_free (self->message);
  self->message = g_strdup (message);

  gtk_label_set_text (self->message_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);
  if (is_error)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->message_label), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (self->message_label), "dim-label");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->message_label), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->message_label), "dim-label");
    }
}

static void
update_count (StSerialEntry *self)
{
  g_autofree char *count = NULL;
  guint n_rows = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  guint n_valid = 0;
  gboolean valid;

  for (guint i = 0; i < n_rows; i++)
    {
      g_autoptr(StSerialRow) row = g_list_model_get_item (G_LIST_MODEL (self->rows), i);

      if (st_serial_row_get_valid (row))
        n_valid++;
    }

  /* Translators: "7 of 10 serials": valid serials entered (%1$u) of the line's quantity
   * (%2$u); the plural follows %2$u */
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%1$u of %2$u serial",
                                        "%1$u of %2$u serials", self->quantity),
                           n_valid, self->quantity);
  gtk_label_set_text (self->count_label, count);

  valid = self->quantity > 0 && n_valid == self->quantity;
  if (valid)
    gtk_widget_add_css_class (GTK_WIDGET (self->count_label), "success");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->count_label), "success");
  if (n_valid > self->quantity)
    gtk_widget_add_css_class (GTK_WIDGET (self->count_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->count_label), "error");

  if (n_rows > n_valid)
    {
      g_autofree char *problems = NULL;
      guint n_bad = n_rows - n_valid;

      problems = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               /* Translators: a toggle button that shows only
                                                * the serials with a problem; %u is their
                                                * number */
                                               "%u marked serial is left out",
                                               "%u marked serials are left out",
                                               n_bad),
                                  n_bad);
      gtk_button_set_label (GTK_BUTTON (self->problems_button), problems);

      g_free (problems);
      problems = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               /* Translators: a button that removes every
                                                * serial marked with a problem; %u is their
                                                * number */
                                               "_Remove %u with Problems",
                                               "_Remove %u with Problems",
                                               n_bad),
                                  n_bad);
      gtk_button_set_label (self->remove_problems_button, problems);
    }
  else if (gtk_toggle_button_get_active (self->problems_button))
    gtk_toggle_button_set_active (self->problems_button, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->problems_button), n_rows > n_valid);
  gtk_widget_set_visible (GTK_WIDGET (self->remove_problems_button), n_rows > n_valid);
  if (gtk_toggle_button_get_active (self->problems_button))
    gtk_filter_changed (GTK_FILTER (self->problems_filter), GTK_FILTER_CHANGE_DIFFERENT);
  gtk_widget_set_visible (GTK_WIDGET (self->scroller), n_rows > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->clear_button), n_rows > 0);

  if (n_valid != self->n_valid)
    {
      self->n_valid = n_valid;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_VALID]);
    }
  if (valid != self->valid)
    {
      self->valid = valid;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALID]);
    }
}

/* Format and stock checks of one row, against the current item.  One indexed lookup per
 * serial: 10,000 pasted serials take well under a tenth of a second. */
static void
check_row (StSerialEntry *self,
           StSerialRow   *row)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StUnit) unit = NULL;
  g_autofree char *exists = NULL;
  g_autofree char *note = NULL;
  const char *serial = st_serial_row_get_serial (row);

  if (st_serial_row_get_key (row) == NULL)
    return;

  if (self->item != NULL
      && !st_serial_check_format (serial, st_item_get_serial_format (self->item), &error))
    st_serial_row_set_problem (row, ST_SERIAL_STATE_FORMAT, error->message);
  else
    st_serial_row_set_problem (row, ST_SERIAL_STATE_FORMAT, NULL);
  g_clear_error (&error);

  if (self->store != NULL && self->item != NULL)
    {
      /* Without a SKU the lookup is one query; a serial shared by several items needs the
       * SKU to tell which unit is ours. */
      unit = st_store_find_unit (self->store, serial, NULL, &error);
      if (unit == NULL && g_error_matches (error, ST_ERROR, ST_ERROR_DUPLICATE))
        {
          g_clear_error (&error);
          unit = st_store_find_unit (self->store, serial, st_item_get_sku (self->item), &error);
        }

      if (unit != NULL && st_unit_get_item_id (unit) == st_item_get_id (self->item))
        {
          if (st_unit_get_status (unit) == ST_UNIT_IN_STOCK)
            /* Translators: %s is a warehouse name */
            exists = g_strdup_printf (_("Already in stock at %s"),
                                      st_unit_get_warehouse (unit));
          else if (st_unit_get_status (unit) == ST_UNIT_IN_TRANSIT)
            /* Translators: %s is a warehouse name */
            exists = g_strdup_printf (_("Already in stock, on its way to %s"),
                                      st_unit_get_warehouse (unit));
          else if (st_unit_get_status (unit) == ST_UNIT_SOLD
                   && st_unit_get_customer (unit) != NULL)
            {
              g_autofree char *date = st_format_date (st_unit_get_sold_date (unit));

              /* Translators: a serial received again that was sold before (a buy-back);
               * %1$s is a customer, %2$s the sale's date */
              note = g_strdup_printf (_("sold to %1$s on %2$s — receiving it again"),
                                      st_unit_get_customer (unit), date);
            }
          else if (st_unit_get_status (unit) == ST_UNIT_RETURNED_TO_VENDOR)
            note = g_strdup (_("returned to its vendor before — receiving it again"));
          else if (st_unit_get_status (unit) == ST_UNIT_WRITTEN_OFF)
            note = g_strdup (_("written off before — receiving it again"));
        }
    }
  st_serial_row_set_problem (row, ST_SERIAL_STATE_EXISTS, exists);
  st_serial_row_set_note (row, note);
}

static gboolean
scroll_tick_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       data)
{
  StSerialEntry *self = data;
  guint position;

  /* Wait until the list has been laid out with its rows. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self->list_view))
      || gtk_widget_get_height (GTK_WIDGET (self->list_view)) == 0)
    return G_SOURCE_CONTINUE;

  self->scroll_source = 0;
  if (self->scroll_to != NULL
      && g_list_store_find (G_LIST_STORE (self->rows), self->scroll_to, &position))
    {
      /* The position in the list as shown, which may be the problems only. */
      guint n_shown = g_list_model_get_n_items (G_LIST_MODEL (self->shown));

      for (guint i = 0; i < n_shown; i++)
        {
          g_autoptr(StSerialRow) row = g_list_model_get_item (G_LIST_MODEL (self->shown), i);

          if (row == self->scroll_to)
            {
              gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item",
                                          "u", i);
              break;
            }
        }
    }
  g_clear_weak_pointer (&self->scroll_to);

  return G_SOURCE_REMOVE;
}

/* The list is laid out after the rows arrive (it may have just been shown): scroll on a
 * later frame. */
static void
scroll_to_row (StSerialEntry *self,
               StSerialRow   *row)
{
  g_set_weak_pointer (&self->scroll_to, row);
  if (self->scroll_source == 0)
    self->scroll_source = gtk_widget_add_tick_callback (GTK_WIDGET (self->list_view),
                                                        scroll_tick_cb, self, NULL);
}

/* Appends rows for @tokens (as typed: they are normalised here) in one items-changed. */
static void
add_serials (StSerialEntry *self,
             GPtrArray     *tokens)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_rows;

  if (tokens->len == 0)
    return;

  for (guint i = 0; i < tokens->len; i++)
    {
      StSerialRow *row = st_serial_row_new (g_ptr_array_index (tokens, i));
      const char *key = st_serial_row_get_key (row);

      if (key != NULL)
        {
          if (g_hash_table_contains (self->first_by_key, key))
            st_serial_row_set_problem (row, ST_SERIAL_STATE_DUPLICATE,
                                       _("Already in this list"));
          else
            {
              g_hash_table_insert (self->first_by_key, (gpointer) key, row);
              check_row (self, row);
            }
        }
      g_ptr_array_add (rows, row);
    }

  n_rows = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  g_list_store_splice (self->rows, n_rows, 0, rows->pdata, rows->len);
  update_count (self);

  /* Show the first problem of what was added, else the newest serial (as a scanner user
   * expects). */
  for (guint i = 0; i < rows->len; i++)
    if (!st_serial_row_get_valid (g_ptr_array_index (rows, i)))
      {
        scroll_to_row (self, g_ptr_array_index (rows, i));
        return;
      }
  scroll_to_row (self, g_ptr_array_index (rows, rows->len - 1));
}

gboolean
st_serial_entry_add_text (StSerialEntry  *self,
                          const char     *text,
                          GError        **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GPtrArray) tokens = NULL;

  g_return_val_if_fail (ST_IS_SERIAL_ENTRY (self), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  tokens = st_serial_parse_list (text, ST_SERIAL_MAX_RANGE, &local_error);
  if (tokens == NULL)
    {
      show_message (self, local_error->message, TRUE);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  show_message (self, NULL, FALSE);
  add_serials (self, tokens);
  return TRUE;
}

void
st_serial_entry_add_serials (StSerialEntry *self,
                             GPtrArray     *serials)
{
  g_return_if_fail (ST_IS_SERIAL_ENTRY (self));
  g_return_if_fail (serials != NULL);

  show_message (self, NULL, FALSE);
  add_serials (self, serials);
}

static void
remove_row (StSerialEntry *self,
            StSerialRow   *row)
{
  g_autoptr(StSerialRow) keep = g_object_ref (row);
  const char *key = st_serial_row_get_key (row);
  guint position;

  if (!g_list_store_find (self->rows, row, &position))
    return;

  /* The key is owned by the row: unhook it before the store drops the row. */
  if (key != NULL && g_hash_table_lookup (self->first_by_key, key) == row)
    g_hash_table_remove (self->first_by_key, key);

  g_list_store_remove (self->rows, position);

  /* The next copy of a removed first occurrence stops being a duplicate. */
  if (key != NULL && !g_hash_table_contains (self->first_by_key, key))
    {
      guint n_rows = g_list_model_get_n_items (G_LIST_MODEL (self->rows));

      for (guint i = position; i < n_rows; i++)
        {
          g_autoptr(StSerialRow) other = g_list_model_get_item (G_LIST_MODEL (self->rows), i);

          if (g_strcmp0 (st_serial_row_get_key (other), key) == 0)
            {
              g_hash_table_insert (self->first_by_key,
                                   (gpointer) st_serial_row_get_key (other), other);
              st_serial_row_set_problem (other, ST_SERIAL_STATE_DUPLICATE, NULL);
              check_row (self, other);
              break;
            }
        }
    }

  update_count (self);
}

guint
st_serial_entry_remove_problems (StSerialEntry *self)
{
  g_autoptr(GPtrArray) keep = NULL;
  guint n_rows, n_removed;

  g_return_val_if_fail (ST_IS_SERIAL_ENTRY (self), 0);

  /* The valid rows stay, in their order; each is the first of its key (a duplicate is never
   * valid), so the index is rebuilt from them alone. */
  n_rows = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  keep = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n_rows; i++)
    {
      StSerialRow *row = g_list_model_get_item (G_LIST_MODEL (self->rows), i);

      if (st_serial_row_get_valid (row))
        g_ptr_array_add (keep, row);
      else
        g_object_unref (row);
    }

  n_removed = n_rows - keep->len;
  if (n_removed == 0)
    return 0;

  g_hash_table_remove_all (self->first_by_key);
  for (guint i = 0; i < keep->len; i++)
    {
      StSerialRow *row = g_ptr_array_index (keep, i);

      g_hash_table_insert (self->first_by_key, (gpointer) st_serial_row_get_key (row), row);
    }
  g_list_store_splice (self->rows, 0, n_rows, keep->pdata, keep->len);
  gtk_toggle_button_set_active (self->problems_button, FALSE);
  show_message (self, NULL, FALSE);
  update_count (self);

  return n_removed;
}

static void
remove_problems_clicked_cb (StSerialEntry *self)
{
  st_serial_entry_remove_problems (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->scan_entry));
}

void
st_serial_entry_clear (StSerialEntry *self)
{
  g_return_if_fail (ST_IS_SERIAL_ENTRY (self));

  g_hash_table_remove_all (self->first_by_key);
  g_list_store_remove_all (self->rows);
  show_message (self, NULL, FALSE);
  update_count (self);
}

gboolean
st_serial_entry_mark_error (StSerialEntry *self,
                            const char    *serial,
                            const char    *message)
{
  g_autofree char *clean = NULL;
  g_autofree char *key = NULL;
  StSerialRow *row;

  g_return_val_if_fail (ST_IS_SERIAL_ENTRY (self), FALSE);
  g_return_val_if_fail (serial != NULL, FALSE);
  g_return_val_if_fail (message != NULL, FALSE);

  clean = st_serial_normalize (serial, NULL);
  if (clean == NULL)
    return FALSE;
  key = st_serial_key (clean);

  row = g_hash_table_lookup (self->first_by_key, key);
  if (row == NULL)
    return FALSE;

  st_serial_row_set_problem (row, ST_SERIAL_STATE_REFUSED, message);
  update_count (self);
  return TRUE;
}

GPtrArray *
st_serial_entry_get_serials (StSerialEntry *self)
{
  GPtrArray *serials;
  guint n_rows;

  g_return_val_if_fail (ST_IS_SERIAL_ENTRY (self), NULL);

  n_rows = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  serials = g_ptr_array_new_full (n_rows, g_free);
  for (guint i = 0; i < n_rows; i++)
    {
      g_autoptr(StSerialRow) row = g_list_model_get_item (G_LIST_MODEL (self->rows), i);

      if (st_serial_row_get_valid (row))
        g_ptr_array_add (serials, g_strdup (st_serial_row_get_serial (row)));
    }

  return serials;
}

GListModel *
st_serial_entry_get_model (StSerialEntry *self)
{
  g_return_val_if_fail (ST_IS_SERIAL_ENTRY (self), NULL);

  return G_LIST_MODEL (self->rows);
}

const char *
st_serial_entry_get_message (StSerialEntry *self)
{
  g_return_val_if_fail (ST_IS_SERIAL_ENTRY (self), NULL);

  return self->message;
}

/* Re-checks every row, e.g. for another item: marks from a refused posting no longer apply. */
static void
recheck_all (StSerialEntry *self)
{
  guint n_rows = g_list_model_get_n_items (G_LIST_MODEL (self->rows));

  for (guint i = 0; i < n_rows; i++)
    {
      g_autoptr(StSerialRow) row = g_list_model_get_item (G_LIST_MODEL (self->rows), i);

      st_serial_row_set_problem (row, ST_SERIAL_STATE_REFUSED, NULL);
      if (st_serial_row_get_problem (row, ST_SERIAL_STATE_DUPLICATE) == NULL)
        check_row (self, row);
    }
  update_count (self);
}

/* Typing and scanning. */

static void
scan_activate_cb (StSerialEntry *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->scan_entry));

  /* An empty Enter means "done": on to the next field (it never posts a document). */
  if (text[0] == '\0')
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

      if (root != NULL)
        gtk_widget_child_focus (GTK_WIDGET (root), GTK_DIR_TAB_FORWARD);
      return;
    }

  /* Synchronous, so that a scanner's next serial cannot overtake this one.  A refused range
   * stays in the entry to be corrected. */
  if (st_serial_entry_add_text (self, text, NULL))
    gtk_editable_set_text (GTK_EDITABLE (self->scan_entry), "");
}

/* A paste (Ctrl+V, middle click, drop) of a list is taken as serials at once instead of
 * being squeezed into the one-line entry. */
static void
scan_insert_text_cb (GtkEditable   *editable,
                     const char    *text,
                     int            length,
                     int           *position,
                     StSerialEntry *self)
{
  g_autofree char *inserted = NULL;
  g_autofree char *combined = NULL;
  const char *current;
  gsize split;

  inserted = length < 0 ? g_strdup (text) : g_strndup (text, length);
  if (strpbrk (inserted, LIST_SEPARATORS) == NULL)
    return;

  g_signal_stop_emission_by_name (editable, "insert-text");

  current = gtk_editable_get_text (editable);
  split = g_utf8_offset_to_pointer (current, *position) - current;
  combined = g_strdup_printf ("%.*s%s%s", (int) split, current, inserted, current + split);

  if (st_serial_entry_add_text (self, combined, NULL))
    {
      gtk_editable_delete_text (editable, 0, -1);
      *position = 0;
    }
}

static void
clipboard_text_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(StSerialEntry) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (text == NULL || g_strstrip (text)[0] == '\0')
    {
      show_message (self, _("The clipboard holds no text to take serials from."), TRUE);
      return;
    }

  st_serial_entry_add_text (self, text, NULL);
}

static void
paste_clicked_cb (StSerialEntry *self)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (self));

  gdk_clipboard_read_text_async (clipboard, self->cancellable, clipboard_text_cb,
                                 g_object_ref (self));
}

static void
clear_clicked_cb (StSerialEntry *self)
{
  st_serial_entry_clear (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->scan_entry));
}

/* Import from a file. */

static void
file_loaded_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(StSerialEntry) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) serials = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  g_autofree char *note = NULL;
  gsize length;

  name = g_file_get_basename (G_FILE (source));
  if (!g_file_load_contents_finish (G_FILE (source), result, &contents, &length, NULL, &error))
    {
      g_autofree char *message = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      /* Translators: %1$s is a file name, %2$s why it could not be read */
      message = g_strdup_printf (_("Could not read “%1$s”: %2$s"), name, error->message);
      show_message (self, message, TRUE);
      return;
    }

  serials = st_serial_parse_csv (contents, length, &error);
  if (serials == NULL)
    {
      g_autofree char *message = NULL;

      /* Translators: %1$s is a file name, %2$s what is wrong with it */
      message = g_strdup_printf (_("No serials imported from “%1$s”: %2$s"), name,
                                 error->message);
      show_message (self, message, TRUE);
      return;
    }

  add_serials (self, serials);
  note = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       /* Translators: %1$u is a count, %2$s a file name */
                                       "Imported %1$u serial from “%2$s”.",
                                       "Imported %1$u serials from “%2$s”.",
                                       serials->len),
                          serials->len, name);
  show_message (self, note, FALSE);
}

void
st_serial_entry_import_file (StSerialEntry *self,
                             GFile         *file)
{
  g_return_if_fail (ST_IS_SERIAL_ENTRY (self));
  g_return_if_fail (G_IS_FILE (file));

  g_file_load_contents_async (file, self->cancellable, file_loaded_cb, g_object_ref (self));
}

static void
chooser_response_cb (StSerialEntry  *self,
                     int             response,
                     GtkNativeDialog *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        st_serial_entry_import_file (self, file);
    }

  g_clear_object (&self->chooser);
}

static void
import_clicked_cb (StSerialEntry *self)
{
  g_autoptr(GtkFileFilter) text_filter = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all_filter = gtk_file_filter_new ();
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (self->chooser != NULL)
    return;

  gtk_file_filter_set_name (text_filter, _("Text and CSV files"));
  gtk_file_filter_add_mime_type (text_filter, "text/plain");
  gtk_file_filter_add_mime_type (text_filter, "text/csv");
  gtk_file_filter_add_suffix (text_filter, "csv");
  gtk_file_filter_add_suffix (text_filter, "txt");
  gtk_file_filter_set_name (all_filter, _("All files"));
  gtk_file_filter_add_pattern (all_filter, "*");

  self->chooser = gtk_file_chooser_native_new (_("Import Serials"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Import"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), text_filter);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), all_filter);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* The list of serials. */

static void
remove_clicked_cb (GtkButton   *button,
                   GtkListItem *list_item)
{
  GtkWidget *self = gtk_widget_get_ancestor (GTK_WIDGET (button), ST_TYPE_SERIAL_ENTRY);
  StSerialRow *row = gtk_list_item_get_item (list_item);

  if (self != NULL && row != NULL)
    remove_row (ST_SERIAL_ENTRY (self), row);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  GtkWidget *box, *icon, *serial, *reason, *remove;

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 2);

  icon = gtk_image_new ();
  gtk_box_append (GTK_BOX (box), icon);

  serial = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (serial), 0);
  gtk_label_set_selectable (GTK_LABEL (serial), FALSE);
  gtk_widget_add_css_class (serial, "monospace");
  gtk_box_append (GTK_BOX (box), serial);

  reason = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (reason), 0);
  gtk_label_set_ellipsize (GTK_LABEL (reason), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (reason, TRUE);
  gtk_widget_add_css_class (reason, "error");
  gtk_box_append (GTK_BOX (box), reason);

  remove = gtk_button_new_from_icon_name ("list-remove-symbolic");
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_focus_on_click (remove, FALSE);
  gtk_widget_set_tooltip_text (remove, _("Remove this serial"));
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_clicked_cb), list_item);
  gtk_box_append (GTK_BOX (box), remove);

  gtk_list_item_set_child (list_item, box);
}

static void
update_row_widgets (GtkListItem *list_item)
{
  StSerialRow *row = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *icon = gtk_widget_get_first_child (box);
  GtkWidget *serial = gtk_widget_get_next_sibling (icon);
  GtkWidget *reason = gtk_widget_get_next_sibling (serial);
  GtkWidget *remove = gtk_widget_get_next_sibling (reason);
  g_autofree char *remove_label = NULL;
  const char *note;
  gboolean valid;

  if (row == NULL)
    return;

  valid = st_serial_row_get_valid (row);
  gtk_image_set_from_icon_name (GTK_IMAGE (icon),
                                valid ? "emblem-ok-symbolic" : "dialog-warning-symbolic");
  if (valid)
    {
      gtk_widget_remove_css_class (icon, "error");
      gtk_widget_add_css_class (icon, "dim-label");
      gtk_widget_remove_css_class (serial, "error");
    }
  else
    {
      gtk_widget_remove_css_class (icon, "dim-label");
      gtk_widget_add_css_class (icon, "error");
      gtk_widget_add_css_class (serial, "error");
    }

  note = valid ? st_serial_row_get_note (row) : st_serial_row_get_reason (row);
  if (valid)
    {
      gtk_widget_remove_css_class (reason, "error");
      gtk_widget_add_css_class (reason, "dim-label");
    }
  else
    {
      gtk_widget_remove_css_class (reason, "dim-label");
      gtk_widget_add_css_class (reason, "error");
    }
  gtk_label_set_text (GTK_LABEL (serial), st_serial_row_get_serial (row));
  gtk_label_set_text (GTK_LABEL (reason), note != NULL ? note : "");
  gtk_widget_set_tooltip_text (box, note);

  /* Translators: %s is a serial */
  remove_label = g_strdup_printf (_("Remove %s"), st_serial_row_get_serial (row));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label,
                                  -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  note != NULL ? note : "",
                                  -1);
}

static void
row_notify_cb (StSerialRow *row,
               GParamSpec  *pspec,
               GtkListItem *list_item)
{
  update_row_widgets (list_item);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             gpointer                  user_data)
{
  StSerialRow *row = gtk_list_item_get_item (list_item);

  update_row_widgets (list_item);
  g_signal_connect_object (row, "notify::reason", G_CALLBACK (row_notify_cb), list_item, 0);
  g_signal_connect_object (row, "notify::note", G_CALLBACK (row_notify_cb), list_item, 0);
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  StSerialRow *row = gtk_list_item_get_item (list_item);

  if (row != NULL)
    g_signal_handlers_disconnect_by_func (row, row_notify_cb, list_item);
}

static gboolean
list_key_pressed_cb (StSerialEntry         *self,
                     guint                  keyval,
                     guint                  keycode,
                     GdkModifierType        state,
                     GtkEventControllerKey *controller)
{
  StSerialRow *row;

  if (keyval != GDK_KEY_Delete && keyval != GDK_KEY_KP_Delete && keyval != GDK_KEY_BackSpace)
    return FALSE;

  row = gtk_single_selection_get_selected_item (self->selection);
  if (row == NULL)
    return FALSE;

  remove_row (self, row);
  if (g_list_model_get_n_items (G_LIST_MODEL (self->rows)) == 0)
    gtk_widget_grab_focus (GTK_WIDGET (self->scan_entry));
  return TRUE;
}

static gboolean
problem_filter_func (gpointer item,
                     gpointer user_data)
{
  return !st_serial_row_get_valid (item);
}

static void
problems_toggled_cb (StSerialEntry *self)
{
  gboolean only = gtk_toggle_button_get_active (self->problems_button);

  gtk_filter_list_model_set_filter (self->shown,
                                    only ? GTK_FILTER (self->problems_filter) : NULL);
}

/* Properties. */

StStore *
st_serial_entry_get_store (StSerialEntry *self)
{
  g_return_val_if_fail (ST_IS_SERIAL_ENTRY (self), NULL);

  return self->store;
}

void
st_serial_entry_set_store (StSerialEntry *self,
                           StStore       *store)
{
  g_return_if_fail (ST_IS_SERIAL_ENTRY (self));
  g_return_if_fail (store == NULL || ST_IS_STORE (store));

  if (g_set_object (&self->store, store))
    {
      recheck_all (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
    }
}

StItem *
st_serial_entry_get_item (StSerialEntry *self)
{
  g_return_val_if_fail (ST_IS_SERIAL_ENTRY (self), NULL);

  return self->item;
}

void
st_serial_entry_set_item (StSerialEntry *self,
                          StItem        *item)
{
  g_return_if_fail (ST_IS_SERIAL_ENTRY (self));
  g_return_if_fail (item == NULL || ST_IS_ITEM (item));

  if (g_set_object (&self->item, item))
    {
      recheck_all (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
    }
}

guint
st_serial_entry_get_quantity (StSerialEntry *self)
{
  g_return_val_if_fail (ST_IS_SERIAL_ENTRY (self), 0);

  return self->quantity;
}

void
st_serial_entry_set_quantity (StSerialEntry *self,
                              guint          quantity)
{
  g_return_if_fail (ST_IS_SERIAL_ENTRY (self));

  if (self->quantity == quantity)
    return;

  self->quantity = quantity;
  update_count (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUANTITY]);
}

gboolean
st_serial_entry_get_valid (StSerialEntry *self)
{
  g_return_val_if_fail (ST_IS_SERIAL_ENTRY (self), FALSE);

  return self->valid;
}

guint
st_serial_entry_get_n_valid (StSerialEntry *self)
{
  g_return_val_if_fail (ST_IS_SERIAL_ENTRY (self), 0);

  return self->n_valid;
}

GtkWidget *
st_serial_entry_new (StStore *store)
{
  return g_object_new (ST_TYPE_SERIAL_ENTRY, "store", store, NULL);
}

static gboolean
st_serial_entry_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (ST_SERIAL_ENTRY (widget)->scan_entry));
}

static void
st_serial_entry_dispose (GObject *object)
{
  StSerialEntry *self = ST_SERIAL_ENTRY (object);
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  if (self->scroll_source != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->list_view), self->scroll_source);
  self->scroll_source = 0;
  g_clear_weak_pointer (&self->scroll_to);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);

  gtk_widget_dispose_template (GTK_WIDGET (self), ST_TYPE_SERIAL_ENTRY);
  /* The template's root box is not a bound child: unparent it ourselves. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  if (self->first_by_key != NULL)
    g_hash_table_remove_all (self->first_by_key);
  g_clear_object (&self->selection);
  g_clear_object (&self->shown);
  g_clear_object (&self->problems_filter);
  g_clear_object (&self->rows);
  g_clear_object (&self->store);
  g_clear_object (&self->item);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (st_serial_entry_parent_class)->dispose (object);
}

static void
st_serial_entry_finalize (GObject *object)
{
  StSerialEntry *self = ST_SERIAL_ENTRY (object);

  g_clear_pointer (&self->first_by_key, g_hash_table_unref);
  g_free (self->message);

  G_OBJECT_CLASS (st_serial_entry_parent_class)->finalize (object);
}

static void
st_serial_entry_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  StSerialEntry *self = ST_SERIAL_ENTRY (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;

    case PROP_QUANTITY:
      g_value_set_uint (value, self->quantity);
      break;

    case PROP_VALID:
      g_value_set_boolean (value, self->valid);
      break;

    case PROP_N_VALID:
      g_value_set_uint (value, self->n_valid);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
st_serial_entry_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  StSerialEntry *self = ST_SERIAL_ENTRY (object);

  switch (prop_id)
    {
    case PROP_STORE:
      st_serial_entry_set_store (self, g_value_get_object (value));
      break;

    case PROP_ITEM:
      st_serial_entry_set_item (self, g_value_get_object (value));
      break;

    case PROP_QUANTITY:
      st_serial_entry_set_quantity (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
st_serial_entry_class_init (StSerialEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = st_serial_entry_dispose;
  object_class->finalize = st_serial_entry_finalize;
  object_class->get_property = st_serial_entry_get_property;
  object_class->set_property = st_serial_entry_set_property;
  widget_class->grab_focus = st_serial_entry_grab_focus;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         ST_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL,
                         ST_TYPE_ITEM,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_QUANTITY] =
    g_param_spec_uint ("quantity", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_VALID] =
    g_param_spec_boolean ("valid", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_N_VALID] =
    g_param_spec_uint ("n-valid", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/SerialTrack/st-serial-entry.ui");
  gtk_widget_class_bind_template_child (widget_class, StSerialEntry, scan_entry);
  gtk_widget_class_bind_template_child (widget_class, StSerialEntry, paste_button);
  gtk_widget_class_bind_template_child (widget_class, StSerialEntry, import_button);
  gtk_widget_class_bind_template_child (widget_class, StSerialEntry, clear_button);
  gtk_widget_class_bind_template_child (widget_class, StSerialEntry, message_label);
  gtk_widget_class_bind_template_child (widget_class, StSerialEntry, scroller);
  gtk_widget_class_bind_template_child (widget_class, StSerialEntry, list_view);
  gtk_widget_class_bind_template_child (widget_class, StSerialEntry, count_label);
  gtk_widget_class_bind_template_child (widget_class, StSerialEntry, problems_button);
  gtk_widget_class_bind_template_child (widget_class, StSerialEntry, remove_problems_button);
  gtk_widget_class_bind_template_callback (widget_class, scan_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, paste_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, import_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, clear_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, problems_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, remove_problems_clicked_cb);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
st_serial_entry_init (StSerialEntry *self)
{
  g_autoptr(GtkListItemFactory) factory = NULL;
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->first_by_key = g_hash_table_new (g_str_hash, g_str_equal);
  self->rows = g_list_store_new (ST_TYPE_SERIAL_ROW);
  self->problems_filter = gtk_custom_filter_new (problem_filter_func, NULL, NULL);
  self->shown = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->rows)), NULL);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->shown)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  keys = gtk_event_controller_key_new ();
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (list_key_pressed_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->list_view), keys);

  g_signal_connect_object (gtk_editable_get_delegate (GTK_EDITABLE (self->scan_entry)),
                           "insert-text", G_CALLBACK (scan_insert_text_cb), self, 0);

  update_count (self);
}
