/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-serial-widgets.c — the serial entry, the serial picker and the document editor, driven
 * through their real widgets (entries, buttons, the clipboard, a file), with outcomes checked
 * in the widgets and in the core. */
#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <locale.h>
#include <string.h>

#include "st-application.h"
#include "st-document-actions.h"
#include "st-document-editor.h"
#include "st-editor-line.h"
#include "st-error.h"
#include "st-serial.h"
#include "st-serial-entry.h"
#include "st-serial-picker.h"
#include "st-serial-row.h"
#include "st-window.h"
#include "st-test-app.h"

typedef struct
{
  char      *dir;
  char      *path;
  StStore   *store;
  StItem    *tool;    /* TOOL: serial, any format */
  StItem    *phone;   /* PHONE: serial, IMEI */
  GtkWindow *host;    /* holds a serial entry under test */
} Fixture;

static StApplication *app;

/* Runs the main loop until @condition holds (asserting it does within 10 s), then spins. */
static void
wait_until (StTestCondition condition,
            gpointer        data)
{
  st_test_wait_until (condition, data);
  st_test_spin ();
}

static void
click (gpointer button)
{
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (button)));
  g_signal_emit_by_name (button, "clicked");
  st_test_spin ();
}

/* Types @text into an entry and presses Enter, as a barcode scanner does. */
static void
scan (GtkEditable *entry,
      const char  *text)
{
  GtkEditable *delegate = gtk_editable_get_delegate (entry);
  int position = 0;

  gtk_editable_set_text (entry, "");
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      position = gtk_editable_get_position (entry);
      gtk_editable_insert_text (entry, p, g_utf8_next_char (p) - p, &position);
      gtk_editable_set_position (entry, position);
    }
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, text);
  /* Enter in the text field, as its key binding does. */
  g_signal_emit_by_name (delegate, "activate");
  st_test_spin ();
}

/* The core, behind the widgets' backs. */

static StDocument *
post_bill (StStore    *store,
           const char *number,
           const char *date,
           const char *sku,
           const char *first_serial,
           guint       count)
{
  g_autoptr(StDraft) draft = st_draft_new (ST_DOC_BILL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) serials = NULL;
  StDocument *bill;
  StDraftLine *line;

  st_draft_set_string (&draft->number, number);
  st_draft_set_string (&draft->date, date);
  st_draft_set_string (&draft->contact, "Acme");
  st_draft_set_string (&draft->warehouse, "Primary Warehouse");
  line = st_draft_add_line (draft, sku, count);
  st_draft_line_set_rate (line, 1000);

  if (count == 1)
    st_draft_line_add_serial (line, first_serial);
  else
    {
      g_autofree char *range = NULL;
      g_autofree char *prefix = g_strndup (first_serial, strlen (first_serial) - 2);
      int start = atoi (first_serial + strlen (first_serial) - 2);

      range = g_strdup_printf ("%s..%s%02d", first_serial, prefix, start + (int) count - 1);
      serials = st_serial_parse_list (range, 1000, &error);
      g_assert_no_error (error);
      for (guint i = 0; i < serials->len; i++)
        st_draft_line_add_serial (line, g_ptr_array_index (serials, i));
    }

  bill = st_store_post (store, draft, &error);
  g_assert_no_error (error);
  return bill;
}

/* An IMEI with a valid check digit after the 14 digits of @body. */
static char *
imei (const char *body,
      gboolean    valid)
{
  for (int digit = 0; digit <= 9; digit++)
    {
      g_autofree char *candidate = g_strdup_printf ("%s%d", body, digit);

      if (st_luhn_valid (candidate) == valid)
        return g_steal_pointer (&candidate);
    }
  g_assert_not_reached ();
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  StItemSpec tool = { "TOOL", "Drill", NULL, 9900, 5000, ST_TRACKING_SERIAL, 0,
                      ST_SERIAL_FORMAT_ANY };
  StItemSpec phone = { "PHONE", "Phone X", NULL, 50000, 30000, ST_TRACKING_SERIAL, 12,
                       ST_SERIAL_FORMAT_IMEI };

  f->store = st_test_create_database ("st-serial-widgets-XXXXXX", &f->dir, &f->path);

  st_test_add_warehouse (f->store, "Shop");
  st_test_add_contact (f->store, ST_CONTACT_VENDOR, "Acme");
  st_test_add_contact (f->store, ST_CONTACT_CUSTOMER, "Bob");
  f->tool = st_store_add_item (f->store, &tool, &error);
  g_assert_no_error (error);
  f->phone = st_store_add_item (f->store, &phone, &error);
  g_assert_no_error (error);

  /* Closed and opened again, as a database is after its first day: the last connection to
   * close checkpoints, so that the editor's posting thread can open its own connection. */
  if (data == NULL)
    {
      g_clear_object (&f->tool);
      g_clear_object (&f->phone);
      g_clear_object (&f->store);
      f->store = st_store_open (f->path, ST_STORE_OPEN_DEFAULT, &error);
      g_assert_no_error (error);
      f->tool = st_store_find_item (f->store, "TOOL", &error);
      g_assert_no_error (error);
      f->phone = st_store_find_item (f->store, "PHONE", &error);
      g_assert_no_error (error);
    }
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  st_test_destroy_all_toplevels ();

  g_clear_object (&f->tool);
  g_clear_object (&f->phone);
  g_clear_object (&f->store);

  st_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

/* A serial entry for @item and @quantity, shown in a window of its own. */
static StSerialEntry *
make_entry (Fixture *f,
            StItem  *item,
            guint    quantity)
{
  GtkWidget *entry = st_serial_entry_new (f->store);

  st_serial_entry_set_item (ST_SERIAL_ENTRY (entry), item);
  st_serial_entry_set_quantity (ST_SERIAL_ENTRY (entry), quantity);

  f->host = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_child (f->host, entry);
  gtk_window_present (f->host);
  st_test_spin ();

  return ST_SERIAL_ENTRY (entry);
}

static StSerialRow *
row_at (StSerialEntry *entry,
        guint          position)
{
  StSerialRow *row = g_list_model_get_item (st_serial_entry_get_model (entry), position);

  g_assert_nonnull (row);
  g_object_unref (row);  /* the model keeps it */
  return row;
}

static const char *
label_text (gpointer widget,
            GType    type,
            const char *name)
{
  return gtk_label_get_text (st_test_template_child (widget, type, name));
}

/* The serial entry. */

static void
test_entry_scan_five (Fixture       *f,
                      gconstpointer  data)
{
  StSerialEntry *entry = make_entry (f, f->tool, 5);
  GtkEditable *scan_entry = st_test_template_child (entry, ST_TYPE_SERIAL_ENTRY, "scan_entry");
  static const char * const serials[] = { "D-1001", "D-1002", "D-1003", "D-1004", "D-1005" };
  g_autoptr(GPtrArray) valid = NULL;

  g_assert_cmpstr (label_text (entry, ST_TYPE_SERIAL_ENTRY, "count_label"), ==,
                   "0 of 5 serials");
  g_assert_false (st_serial_entry_get_valid (entry));

  for (guint i = 0; i < G_N_ELEMENTS (serials); i++)
    {
      scan (scan_entry, serials[i]);
      /* Each Enter adds the serial and empties the field for the next scan. */
      g_assert_cmpstr (gtk_editable_get_text (scan_entry), ==, "");
      g_assert_cmpuint (g_list_model_get_n_items (st_serial_entry_get_model (entry)), ==, i + 1);
    }

  g_assert_cmpstr (label_text (entry, ST_TYPE_SERIAL_ENTRY, "count_label"), ==,
                   "5 of 5 serials");
  g_assert_true (st_serial_entry_get_valid (entry));
  valid = st_serial_entry_get_serials (entry);
  g_assert_cmpuint (valid->len, ==, 5);
  for (guint i = 0; i < valid->len; i++)
    g_assert_cmpstr (g_ptr_array_index (valid, i), ==, serials[i]);

  /* A sixth is one too many: no longer valid. */
  scan (scan_entry, "D-1006");
  g_assert_cmpstr (label_text (entry, ST_TYPE_SERIAL_ENTRY, "count_label"), ==,
                   "6 of 5 serials");
  g_assert_false (st_serial_entry_get_valid (entry));
}

static void
test_entry_paste_marks_bad_ones (Fixture       *f,
                                 gconstpointer  data)
{
  StSerialEntry *entry = make_entry (f, f->phone, 4);
  g_autofree char *a = imei ("35209900176148", TRUE);
  g_autofree char *b = imei ("35209900176149", TRUE);
  g_autofree char *c = imei ("35209900176150", TRUE);
  g_autofree char *d = imei ("35209900176151", TRUE);
  g_autofree char *bad = imei ("35209900176152", FALSE);
  g_autofree char *block = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) valid = NULL;

  /* Newlines, commas, tabs, semicolons, blanks and spaces around; a duplicate; a bad IMEI;
   * and something that is not an IMEI at all. */
  block = g_strdup_printf ("%s\n  %s ,%s\t\n\n%s;%s\r\n%s\nABC\n", a, b, bad, c, a, d);
  g_assert_true (st_serial_entry_add_text (entry, block, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (g_list_model_get_n_items (st_serial_entry_get_model (entry)), ==, 7);
  g_assert_cmpstr (st_serial_row_get_serial (row_at (entry, 0)), ==, a);
  g_assert_cmpint (st_serial_row_get_state (row_at (entry, 0)), ==, ST_SERIAL_STATE_VALID);
  g_assert_cmpint (st_serial_row_get_state (row_at (entry, 1)), ==, ST_SERIAL_STATE_VALID);
  g_assert_cmpstr (st_serial_row_get_serial (row_at (entry, 2)), ==, bad);
  g_assert_cmpint (st_serial_row_get_state (row_at (entry, 2)), ==, ST_SERIAL_STATE_FORMAT);
  g_assert_nonnull (strstr (st_serial_row_get_reason (row_at (entry, 2)), bad));
  g_assert_cmpint (st_serial_row_get_state (row_at (entry, 3)), ==, ST_SERIAL_STATE_VALID);
  g_assert_cmpstr (st_serial_row_get_serial (row_at (entry, 4)), ==, a);
  g_assert_cmpint (st_serial_row_get_state (row_at (entry, 4)), ==, ST_SERIAL_STATE_DUPLICATE);
  g_assert_cmpstr (st_serial_row_get_reason (row_at (entry, 4)), ==, "Already in this list");
  g_assert_cmpint (st_serial_row_get_state (row_at (entry, 5)), ==, ST_SERIAL_STATE_VALID);
  g_assert_cmpint (st_serial_row_get_state (row_at (entry, 6)), ==, ST_SERIAL_STATE_FORMAT);

  g_assert_cmpstr (label_text (entry, ST_TYPE_SERIAL_ENTRY, "count_label"), ==,
                   "4 of 4 serials");
  g_assert_cmpstr (gtk_button_get_label (st_test_template_child (entry, ST_TYPE_SERIAL_ENTRY,
                                                        "problems_button")), ==,
                   "3 marked serials are left out");
  /* That button shows the problems only. */
  gtk_toggle_button_set_active (st_test_template_child (entry, ST_TYPE_SERIAL_ENTRY,
                                                        "problems_button"),
                                TRUE);
  {
    GtkSelectionModel *shown = gtk_list_view_get_model (st_test_template_child (entry,
                                                                        ST_TYPE_SERIAL_ENTRY,
                                                                        "list_view"));
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (shown)), ==, 3);
    gtk_toggle_button_set_active (st_test_template_child (entry, ST_TYPE_SERIAL_ENTRY,
                                                  "problems_button"), FALSE);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (shown)), ==, 7);
  }
  g_assert_true (st_serial_entry_get_valid (entry));
  valid = st_serial_entry_get_serials (entry);
  g_assert_cmpuint (valid->len, ==, 4);
  g_assert_cmpstr (g_ptr_array_index (valid, 0), ==, a);
  g_assert_cmpstr (g_ptr_array_index (valid, 1), ==, b);
  g_assert_cmpstr (g_ptr_array_index (valid, 2), ==, c);
  g_assert_cmpstr (g_ptr_array_index (valid, 3), ==, d);
}

static void
test_entry_case_and_stock (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(StDocument) bill = post_bill (f->store, "V-1", "2024-01-10", "TOOL", "IN-01", 1);
  StSerialEntry *entry = make_entry (f, f->tool, 3);

  g_assert_true (st_serial_entry_add_text (entry, "ab12\nAB12\nin-01\nZ9", NULL));
  g_assert_cmpint (st_serial_row_get_state (row_at (entry, 0)), ==, ST_SERIAL_STATE_VALID);
  /* A scanner's ab12 is AB12. */
  g_assert_cmpint (st_serial_row_get_state (row_at (entry, 1)), ==, ST_SERIAL_STATE_DUPLICATE);
  /* Already in stock for this item (found case-insensitively too). */
  g_assert_cmpint (st_serial_row_get_state (row_at (entry, 2)), ==, ST_SERIAL_STATE_EXISTS);
  g_assert_cmpstr (st_serial_row_get_reason (row_at (entry, 2)), ==,
                   "Already in stock at Primary Warehouse");
  g_assert_cmpint (st_serial_row_get_state (row_at (entry, 3)), ==, ST_SERIAL_STATE_VALID);
  g_assert_cmpuint (st_serial_entry_get_n_valid (entry), ==, 2);

  /* The same serial is new for another item. */
  st_serial_entry_set_item (entry, f->phone);
  g_assert_cmpint (st_serial_row_get_state (row_at (entry, 2)), ==, ST_SERIAL_STATE_FORMAT);
  st_serial_entry_set_item (entry, f->tool);
  g_assert_cmpint (st_serial_row_get_state (row_at (entry, 2)), ==, ST_SERIAL_STATE_EXISTS);

  /* Delete on the selected row removes it; the duplicate then counts. */
  gtk_selection_model_select_item (gtk_list_view_get_model (st_test_template_child (entry,
                                                                            ST_TYPE_SERIAL_ENTRY,
                                                                            "list_view")),
                                   0, TRUE);
  {
    GtkWidget *list = st_test_template_child (entry, ST_TYPE_SERIAL_ENTRY, "list_view");
    GListModel *controllers = gtk_widget_observe_controllers (list);
    gboolean handled = FALSE;

    for (guint i = 0; i < g_list_model_get_n_items (controllers) && !handled; i++)
      {
        g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

        if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
          g_signal_emit_by_name (controller, "key-pressed", GDK_KEY_Delete, 0, 0, &handled);
      }
    g_object_unref (controllers);
    g_assert_true (handled);
  }
  g_assert_cmpuint (g_list_model_get_n_items (st_serial_entry_get_model (entry)), ==, 3);
  g_assert_cmpstr (st_serial_row_get_serial (row_at (entry, 0)), ==, "AB12");
  g_assert_cmpint (st_serial_row_get_state (row_at (entry, 0)), ==, ST_SERIAL_STATE_VALID);

  /* Clear All. */
  click (st_test_template_child (entry, ST_TYPE_SERIAL_ENTRY, "clear_button"));
  g_assert_cmpuint (g_list_model_get_n_items (st_serial_entry_get_model (entry)), ==, 0);
  g_assert_cmpstr (label_text (entry, ST_TYPE_SERIAL_ENTRY, "count_label"), ==,
                   "0 of 3 serials");
}

static void
test_entry_range (Fixture       *f,
                  gconstpointer  data)
{
  StSerialEntry *entry = make_entry (f, f->tool, 10);
  GtkEditable *scan_entry = st_test_template_child (entry, ST_TYPE_SERIAL_ENTRY, "scan_entry");
  GtkWidget *message = st_test_template_child (entry, ST_TYPE_SERIAL_ENTRY, "message_label");
  g_autoptr(GPtrArray) valid = NULL;
  g_autoptr(GError) error = NULL;

  scan (scan_entry, "SN0001..SN0010");
  valid = st_serial_entry_get_serials (entry);
  g_assert_cmpuint (valid->len, ==, 10);
  g_assert_cmpstr (g_ptr_array_index (valid, 0), ==, "SN0001");
  g_assert_cmpstr (g_ptr_array_index (valid, 8), ==, "SN0009");
  g_assert_cmpstr (g_ptr_array_index (valid, 9), ==, "SN0010");
  g_assert_true (st_serial_entry_get_valid (entry));
  g_assert_false (gtk_widget_get_visible (message));

  /* A reversed range is refused with a message, adds nothing, and stays to be fixed. */
  scan (scan_entry, "SN0020..SN0011");
  g_assert_cmpstr (gtk_editable_get_text (scan_entry), ==, "SN0020..SN0011");
  g_assert_true (gtk_widget_get_visible (message));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (message)), "SN0020..SN0011"));
  g_assert_cmpuint (g_list_model_get_n_items (st_serial_entry_get_model (entry)), ==, 10);

  /* Mismatched prefixes, and a range past 100,000, within a pasted list: nothing added. */
  g_assert_false (st_serial_entry_add_text (entry, "X1\nAB01..CD05\nX2", &error));
  g_assert_error (error, ST_ERROR, ST_ERROR_RANGE);
  g_clear_error (&error);
  g_assert_false (st_serial_entry_add_text (entry, "R000001..R200000", &error));
  g_assert_error (error, ST_ERROR, ST_ERROR_RANGE);
  g_assert_cmpuint (g_list_model_get_n_items (st_serial_entry_get_model (entry)), ==, 10);
  g_assert_nonnull (st_serial_entry_get_message (entry));

  /* A good paste clears the message. */
  g_assert_true (st_serial_entry_add_text (entry, "X1", NULL));
  g_assert_false (gtk_widget_get_visible (message));
}

static gboolean
has_n_rows (gpointer data)
{
  StSerialEntry *entry = data;
  guint wanted = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (entry), "wanted"));

  return g_list_model_get_n_items (st_serial_entry_get_model (entry)) == wanted;
}

static gboolean
has_message (gpointer data)
{
  return st_serial_entry_get_message (data) != NULL;
}

static void
test_entry_paste_clipboard (Fixture       *f,
                            gconstpointer  data)
{
  StSerialEntry *entry = make_entry (f, f->tool, 3);
  GtkEditable *scan_entry = st_test_template_child (entry, ST_TYPE_SERIAL_ENTRY, "scan_entry");
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (entry));
  int position;

  /* The Paste button reads the clipboard. */
  gdk_clipboard_set_text (clipboard, "P-1\nP-2\nP-3\n");
  click (st_test_template_child (entry, ST_TYPE_SERIAL_ENTRY, "paste_button"));
  g_object_set_data (G_OBJECT (entry), "wanted", GUINT_TO_POINTER (3));
  wait_until (has_n_rows, entry);
  g_assert_true (st_serial_entry_get_valid (entry));

  /* A list pasted into the field (Ctrl+V inserts it there) is taken as serials at once,
   * including what was typed before it. */
  gtk_editable_set_text (scan_entry, "P-");
  position = 2;
  gtk_editable_insert_text (scan_entry, "4\nP-5,P-6", -1, &position);
  st_test_spin ();
  g_assert_cmpstr (gtk_editable_get_text (scan_entry), ==, "");
  g_assert_cmpuint (g_list_model_get_n_items (st_serial_entry_get_model (entry)), ==, 6);
  g_assert_cmpstr (st_serial_row_get_serial (row_at (entry, 3)), ==, "P-4");
  g_assert_cmpstr (st_serial_row_get_serial (row_at (entry, 5)), ==, "P-6");
}

static void
test_entry_import_csv (Fixture       *f,
                       gconstpointer  data)
{
  StSerialEntry *entry = make_entry (f, f->tool, 3);
  g_autofree char *csv_path = g_build_filename (f->dir, "serials.csv", NULL);
  g_autofree char *bin_path = g_build_filename (f->dir, "photo.jpg", NULL);
  g_autofree char *empty_path = g_build_filename (f->dir, "empty.txt", NULL);
  g_autoptr(GFile) csv = g_file_new_for_path (csv_path);
  g_autoptr(GFile) bin = g_file_new_for_path (bin_path);
  g_autoptr(GFile) empty = g_file_new_for_path (empty_path);
  g_autoptr(GFile) missing = g_file_new_for_path ("/nonexistent/serials.csv");
  g_autoptr(GPtrArray) valid = NULL;
  g_autoptr(GError) error = NULL;
  static const char binary[] = "\xff\xd8\xff\xe0\0\x10JFIF\0";

  g_file_set_contents (csv_path,
                       "Serial Number,Note\r\n\"C-001\",\"first, with a comma\"\r\n"
                       "\"C-002\",x\r\nC-003\r\n\r\n", -1, &error);
  g_assert_no_error (error);
  g_file_set_contents (bin_path, binary, sizeof binary, &error);
  g_assert_no_error (error);
  g_file_set_contents (empty_path, "", 0, &error);
  g_assert_no_error (error);

  /* What the file chooser's response does with the chosen file. */
  st_serial_entry_import_file (entry, csv);
  g_object_set_data (G_OBJECT (entry), "wanted", GUINT_TO_POINTER (3));
  wait_until (has_n_rows, entry);
  valid = st_serial_entry_get_serials (entry);
  g_assert_cmpuint (valid->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (valid, 0), ==, "C-001");
  g_assert_cmpstr (g_ptr_array_index (valid, 1), ==, "C-002");
  g_assert_cmpstr (g_ptr_array_index (valid, 2), ==, "C-003");
  g_assert_cmpstr (st_serial_entry_get_message (entry), ==,
                   "Imported 3 serials from “serials.csv”.");

  /* Not text, empty, or unreadable: a clear message and nothing added. */
  st_serial_entry_clear (entry);
  st_serial_entry_import_file (entry, bin);
  wait_until (has_message, entry);
  g_assert_nonnull (strstr (st_serial_entry_get_message (entry), "photo.jpg"));
  g_assert_cmpuint (g_list_model_get_n_items (st_serial_entry_get_model (entry)), ==, 0);

  st_serial_entry_clear (entry);
  st_serial_entry_import_file (entry, empty);
  wait_until (has_message, entry);
  g_assert_nonnull (strstr (st_serial_entry_get_message (entry), "empty.txt"));
  g_assert_cmpuint (g_list_model_get_n_items (st_serial_entry_get_model (entry)), ==, 0);

  st_serial_entry_clear (entry);
  st_serial_entry_import_file (entry, missing);
  wait_until (has_message, entry);
  g_assert_true (g_str_has_prefix (st_serial_entry_get_message (entry),
                                   "Could not read “serials.csv”"));
  g_assert_cmpuint (g_list_model_get_n_items (st_serial_entry_get_model (entry)), ==, 0);
}

static void
test_entry_ten_thousand (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(StDocument) bill = post_bill (f->store, "V-1", "2024-01-10", "TOOL", "M-00017", 1);
  StSerialEntry *entry = make_entry (f, f->tool, 9997);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *too_long = g_strnfill (101, 'L');
  gint64 start, elapsed;
  guint n_bad = 0;

  for (guint i = 0; i < 10000; i++)
    {
      if (i == 17)
        g_string_append (text, "M-00017\n");        /* already in stock */
      else if (i == 5000)
        g_string_append (text, "m-00042\n");        /* the same as M-00042 */
      else if (i == 9999)
        g_string_append_printf (text, "%s\n", too_long);
      else
        g_string_append_printf (text, "M-%05u\n", i);
    }

  start = g_get_monotonic_time ();
  g_assert_true (st_serial_entry_add_text (entry, text->str, NULL));
  elapsed = g_get_monotonic_time () - start;
  g_test_message ("10,000 pasted serials checked in %" G_GINT64_FORMAT " ms", elapsed / 1000);
  g_assert_cmpint (elapsed, <, 5 * G_USEC_PER_SEC);

  g_assert_cmpuint (g_list_model_get_n_items (st_serial_entry_get_model (entry)), ==, 10000);
  for (guint i = 0; i < 10000; i++)
    if (!st_serial_row_get_valid (row_at (entry, i)))
      {
        g_assert_true (i == 17 || i == 5000 || i == 9999);
        n_bad++;
      }
  g_assert_cmpuint (n_bad, ==, 3);
  g_assert_cmpint (st_serial_row_get_state (row_at (entry, 17)), ==, ST_SERIAL_STATE_EXISTS);
  g_assert_cmpint (st_serial_row_get_state (row_at (entry, 5000)), ==,
                   ST_SERIAL_STATE_DUPLICATE);
  g_assert_cmpint (st_serial_row_get_state (row_at (entry, 9999)), ==, ST_SERIAL_STATE_INVALID);
  g_assert_cmpuint (st_serial_entry_get_n_valid (entry), ==, 9997);
  g_assert_true (st_serial_entry_get_valid (entry));
  g_assert_cmpstr (label_text (entry, ST_TYPE_SERIAL_ENTRY, "count_label"), ==,
                   "9997 of 9997 serials");
}

/* The document editor. */

typedef struct
{
  StDocumentEditor *editor;
  StDocument       *posted;
} Posting;

/* A new editor of @kind on the fixture's store, shown; @posting (may be NULL) keeps it. */
static StDocumentEditor *
open_editor (Fixture   *f,
             StDocKind  kind,
             Posting   *posting)
{
  StDocumentEditor *editor = st_document_editor_new (NULL, f->store, kind);

  if (posting != NULL)
    posting->editor = g_object_ref (editor);
  gtk_window_present (GTK_WINDOW (editor));
  st_test_spin ();
  return editor;
}

static void
posting_clear (Posting *posting)
{
  g_clear_object (&posting->posted);
  g_clear_object (&posting->editor);
}

static void
posted_cb (StDocumentEditor *editor,
           StDocument       *document,
           Posting          *posting)
{
  posting->posted = g_object_ref (document);
}

static gboolean
posting_done (gpointer data)
{
  Posting *posting = data;

  return posting->posted != NULL || !st_document_editor_is_posting (posting->editor);
}

static void
post (Posting *posting)
{
  GtkWidget *post_button = st_test_template_child (posting->editor, ST_TYPE_DOCUMENT_EDITOR,
                                           "post_button");

  g_signal_connect (posting->editor, "posted", G_CALLBACK (posted_cb), posting);
  g_assert_true (gtk_widget_is_sensitive (post_button));
  g_signal_emit_by_name (post_button, "clicked");
  /* While the thread posts, the dialog stays responsive with Post disabled. */
  g_assert_true (st_document_editor_is_posting (posting->editor));
  g_assert_false (gtk_widget_get_sensitive (post_button));
  wait_until (posting_done, posting);
  if (posting->posted == NULL)
    g_test_message ("Posting refused: %s", st_document_editor_get_error (posting->editor));
}

static void
test_editor_posts_bill (Fixture       *f,
                        gconstpointer  data)
{
  Posting posting = { 0 };
  StDocumentEditor *editor;
  StEditorLine *line;
  GtkEditable *scan_entry;
  g_autoptr(GError) error = NULL;

  editor = open_editor (f, ST_DOC_BILL, &posting);

  /* The only vendor is chosen; the bill number is missing. */
  g_assert_false (st_document_editor_can_post (editor));
  g_assert_cmpstr (st_document_editor_get_problem (editor), ==,
                   "Enter the vendor’s bill number.");
  gtk_editable_set_text (st_test_template_child (editor, ST_TYPE_DOCUMENT_EDITOR, "number_entry"),
                         "ACME-7731");
  g_assert_cmpstr (st_document_editor_get_problem (editor), ==, "Line 1: Choose an item.");

  g_assert_cmpuint (st_document_editor_get_n_lines (editor), ==, 1);
  line = st_document_editor_get_line (editor, 0);
  st_test_line_choose_item (line, f->tool);
  st_test_line_set_quantity (line, 3);
  g_assert_true (st_editor_line_get_receiving (line));

  scan_entry = st_test_template_child (st_editor_line_get_serial_entry (line), ST_TYPE_SERIAL_ENTRY,
                               "scan_entry");
  scan (scan_entry, "B-1");
  scan (scan_entry, "B-2");
  g_assert_false (st_document_editor_can_post (editor));
  g_assert_cmpstr (st_document_editor_get_problem (editor), ==, "Line 1: 2 of 3 serials entered.");
  scan (scan_entry, "B-3");
  g_assert_true (st_document_editor_can_post (editor));

  /* A bad date disables Post again. */
  gtk_editable_set_text (st_test_template_child (editor, ST_TYPE_DOCUMENT_EDITOR, "date_entry"),
                         "2024-02-30");
  g_assert_false (st_document_editor_can_post (editor));
  gtk_editable_set_text (st_test_template_child (editor, ST_TYPE_DOCUMENT_EDITOR, "date_entry"),
                         "2024-02-29");
  g_assert_true (st_document_editor_can_post (editor));

  post (&posting);
  g_assert_nonnull (posting.posted);
  g_assert_cmpstr (st_document_get_number (posting.posted), ==, "ACME-7731");
  g_assert_null (st_test_find_toplevel (ST_TYPE_DOCUMENT_EDITOR, TRUE));

  for (guint i = 1; i <= 3; i++)
    {
      g_autofree char *serial = g_strdup_printf ("B-%u", i);
      g_autoptr(StUnit) unit = st_store_find_unit (f->store, serial, "TOOL", &error);

      g_assert_no_error (error);
      g_assert_cmpint (st_unit_get_status (unit), ==, ST_UNIT_IN_STOCK);
      g_assert_cmpstr (st_unit_get_received_doc (unit), ==, "ACME-7731");
      g_assert_cmpstr (st_unit_get_received_date (unit), ==, "2024-02-29");
      g_assert_cmpstr (st_unit_get_warehouse (unit), ==, "Primary Warehouse");
      g_assert_cmpint (st_unit_get_cost (unit), ==, 5000);
    }

  posting_clear (&posting);
}

/* Ten TOOL units received in three bills: T01–T03 in January, T04–T06 in February,
 * T07–T10 in March. */
static void
receive_ten (Fixture *f)
{
  g_autoptr(StDocument) b1 = post_bill (f->store, "V-1", "2024-01-05", "TOOL", "T01", 3);
  g_autoptr(StDocument) b2 = post_bill (f->store, "V-2", "2024-02-05", "TOOL", "T04", 3);
  g_autoptr(StDocument) b3 = post_bill (f->store, "V-3", "2024-03-05", "TOOL", "T07", 4);
}

static gboolean
model_filtered_to_one (gpointer data)
{
  StSerialPicker *picker = data;

  return g_list_model_get_n_items (G_LIST_MODEL (st_serial_picker_get_model (picker))) == 1;
}

static StSerialPicker *
open_picker (StEditorLine *line)
{
  click (st_test_template_child (line, ST_TYPE_EDITOR_LINE, "choose_button"));
  return st_test_get_toplevel (ST_TYPE_SERIAL_PICKER, TRUE);
}

static void
test_picker_invoice (Fixture       *f,
                     gconstpointer  data)
{
  Posting posting = { 0 };
  StDocumentEditor *editor;
  StEditorLine *line;
  StSerialPicker *picker;
  GtkEditable *filter;
  GtkWidget *ok;
  g_autoptr(GPtrArray) chosen = NULL;
  g_autoptr(GError) error = NULL;
  const char *number;

  receive_ten (f);
  editor = open_editor (f, ST_DOC_INVOICE, &posting);

  line = st_document_editor_get_line (editor, 0);
  st_test_line_choose_item (line, f->tool);
  st_test_line_set_quantity (line, 3);
  g_assert_true (st_editor_line_get_picking (line));
  g_assert_cmpstr (label_text (line, ST_TYPE_EDITOR_LINE, "picked_label"), ==,
                   "0 of 3 selected");
  g_assert_false (st_document_editor_can_post (editor));

  picker = open_picker (line);
  filter = st_test_template_child (picker, ST_TYPE_SERIAL_PICKER, "filter_entry");
  ok = st_test_template_child (picker, ST_TYPE_SERIAL_PICKER, "ok_button");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (st_serial_picker_get_model (picker))),
                    ==, 10);
  g_assert_cmpstr (label_text (picker, ST_TYPE_SERIAL_PICKER, "count_label"), ==,
                   "0 of 3 selected");
  g_assert_cmpstr (label_text (picker, ST_TYPE_SERIAL_PICKER, "available_label"), ==,
                   "10 units available");
  g_assert_false (gtk_widget_get_sensitive (ok));

  /* Filter as you type. */
  gtk_editable_set_text (filter, "t1");
  wait_until (model_filtered_to_one, picker);
  {
    g_autoptr(StUnit) unit = g_list_model_get_item (G_LIST_MODEL (st_serial_picker_get_model (picker)), 0);

    g_assert_cmpstr (st_unit_get_serial (unit), ==, "T10");
  }

  /* A scanned serial (lower case, as some scanners send it) chooses its unit and clears the
   * field for the next scan. */
  scan (filter, "t05");
  g_assert_cmpstr (gtk_editable_get_text (filter), ==, "");
  g_assert_cmpuint (st_serial_picker_get_n_selected (picker), ==, 1);
  g_assert_cmpstr (label_text (picker, ST_TYPE_SERIAL_PICKER, "count_label"), ==,
                   "1 of 3 selected");
  g_assert_false (gtk_widget_get_sensitive (ok));

  /* A serial that is not there says why, and chooses nothing. */
  scan (filter, "NOPE-1");
  g_assert_cmpstr (label_text (picker, ST_TYPE_SERIAL_PICKER, "message_label"), ==,
                   "Serial “NOPE-1” is not available here: there is no such unit of this item.");
  g_assert_cmpuint (st_serial_picker_get_n_selected (picker), ==, 1);

  /* Select Oldest 3: T05, scanned by hand, stays; the first received fill up to 3. */
  click (st_test_template_child (picker, ST_TYPE_SERIAL_PICKER, "oldest_button"));
  g_assert_cmpuint (st_serial_picker_get_n_selected (picker), ==, 3);
  chosen = st_serial_picker_get_selected (picker);
  g_assert_cmpstr (st_unit_get_serial (g_ptr_array_index (chosen, 0)), ==, "T01");
  g_assert_cmpstr (st_unit_get_serial (g_ptr_array_index (chosen, 1)), ==, "T02");
  g_assert_cmpstr (st_unit_get_serial (g_ptr_array_index (chosen, 2)), ==, "T05");
  g_assert_true (gtk_widget_get_sensitive (ok));

  /* OK only at exactly 3. */
  scan (filter, "T09");
  g_assert_cmpstr (label_text (picker, ST_TYPE_SERIAL_PICKER, "count_label"), ==,
                   "4 of 3 selected");
  g_assert_false (gtk_widget_get_sensitive (ok));
  st_serial_picker_set_unit_selected (picker, g_ptr_array_index (chosen, 1), FALSE);
  g_assert_true (gtk_widget_get_sensitive (ok));
  g_clear_pointer (&chosen, g_ptr_array_unref);

  /* Clear, then Select Oldest again, and OK. */
  click (st_test_template_child (picker, ST_TYPE_SERIAL_PICKER, "clear_button"));
  g_assert_cmpuint (st_serial_picker_get_n_selected (picker), ==, 0);
  scan (filter, "T08");
  scan (filter, "T02");
  scan (filter, "T06");
  click (ok);
  g_assert_null (st_test_find_toplevel (ST_TYPE_SERIAL_PICKER, TRUE));

  /* The line has them, first received first. */
  g_assert_cmpuint (st_editor_line_get_picked (line)->len, ==, 3);
  g_assert_cmpstr (st_unit_get_serial (g_ptr_array_index (st_editor_line_get_picked (line), 0)),
                   ==, "T02");
  g_assert_cmpstr (st_unit_get_serial (g_ptr_array_index (st_editor_line_get_picked (line), 2)),
                   ==, "T08");
  g_assert_cmpstr (label_text (line, ST_TYPE_EDITOR_LINE, "picked_label"), ==,
                   "3 of 3 selected");
  g_assert_true (st_document_editor_can_post (editor));

  /* Changing the quantity afterwards re-opens the question. */
  st_test_line_set_quantity (line, 5);
  g_assert_cmpstr (label_text (line, ST_TYPE_EDITOR_LINE, "picked_label"), ==,
                   "3 of 5 selected");
  g_assert_false (st_document_editor_can_post (editor));
  g_assert_cmpstr (st_document_editor_get_problem (editor), ==, "Line 1: 3 of 5 serials chosen.");
  st_test_line_set_quantity (line, 3);
  g_assert_true (st_document_editor_can_post (editor));

  post (&posting);
  g_assert_nonnull (posting.posted);
  number = st_document_get_number (posting.posted);
  g_assert_cmpstr (number, ==, "INV-00001");

  for (guint i = 1; i <= 10; i++)
    {
      g_autofree char *serial = g_strdup_printf ("T%02u", i);
      g_autoptr(StUnit) unit = st_store_find_unit (f->store, serial, "TOOL", &error);
      gboolean chosen_one = i == 2 || i == 6 || i == 8;

      g_assert_no_error (error);
      g_assert_cmpint (st_unit_get_status (unit), ==,
                       chosen_one ? ST_UNIT_SOLD : ST_UNIT_IN_STOCK);
      if (chosen_one)
        {
          g_assert_cmpstr (st_unit_get_invoice (unit), ==, number);
          g_assert_cmpstr (st_unit_get_customer (unit), ==, "Bob");
          g_assert_cmpint (st_unit_get_price (unit), ==, 9900);
        }
    }

  posting_clear (&posting);
}

static void
test_picker_other_warehouse (Fixture       *f,
                             gconstpointer  data)
{
  StUnitQuery query = { 0, "Shop", ST_UNIT_IN_STOCK, NULL, NULL };
  StSerialPicker *picker;
  g_autoptr(GError) error = NULL;

  receive_ten (f);
  query.item_id = st_item_get_id (f->tool);
  picker = st_serial_picker_new (NULL, f->store, &query, 2);
  st_serial_picker_set_item (picker, f->tool);
  gtk_window_present (GTK_WINDOW (picker));
  st_test_spin ();

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (st_serial_picker_get_model (picker))),
                    ==, 0);
  g_assert_false (st_serial_picker_select_serial (picker, "T01", &error));
  g_assert_error (error, ST_ERROR, ST_ERROR_NOT_IN_STOCK);
  g_assert_cmpstr (error->message, ==,
                   "Serial “T01” is not available here: it is at Primary Warehouse.");
  g_assert_cmpuint (st_serial_picker_get_n_selected (picker), ==, 0);

  /* Nothing eligible: nothing to select the oldest of. */
  g_assert_false (gtk_widget_get_sensitive (st_test_template_child (picker, ST_TYPE_SERIAL_PICKER,
                                                            "oldest_button")));
  g_assert_cmpstr (label_text (picker, ST_TYPE_SERIAL_PICKER, "available_label"), ==,
                   "0 units available");
}

static void
test_picker_big_list (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(StDraft) draft = st_draft_new (ST_DOC_BILL);
  g_autoptr(StDocument) bill = NULL;
  g_autoptr(GError) error = NULL;
  StUnitQuery query = { 0, "Primary Warehouse", ST_UNIT_IN_STOCK, NULL, NULL };
  StSerialPicker *picker;
  StDraftLine *line;
  gint64 start, elapsed;

  st_draft_set_string (&draft->number, "BIG");
  st_draft_set_string (&draft->contact, "Acme");
  st_draft_set_string (&draft->warehouse, "Primary Warehouse");
  line = st_draft_add_line (draft, "TOOL", 50000);
  for (guint i = 0; i < 50000; i++)
    {
      g_autofree char *serial = g_strdup_printf ("BIG%06u", i);
      st_draft_line_add_serial (line, serial);
    }
  bill = st_store_post (f->store, draft, &error);
  g_assert_no_error (error);

  query.item_id = st_item_get_id (f->tool);
  start = g_get_monotonic_time ();
  picker = st_serial_picker_new (NULL, f->store, &query, 5);
  gtk_window_present (GTK_WINDOW (picker));
  st_test_spin ();
  elapsed = g_get_monotonic_time () - start;
  g_test_message ("Picker over 50,000 units open in %" G_GINT64_FORMAT " ms", elapsed / 1000);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (st_serial_picker_get_model (picker))),
                    ==, 50000);

  /* A filter that keeps most rows must not make the view read them all (GTK 4.8 does, when
   * handed "all removed, all added" while attached: seconds on a list this size). */
  start = g_get_monotonic_time ();
  st_serial_picker_set_filter (picker, "big0");
  st_test_spin ();
  elapsed = g_get_monotonic_time () - start;
  g_test_message ("Filter to 50,000 rows in %" G_GINT64_FORMAT " ms", elapsed / 1000);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (st_serial_picker_get_model (picker))),
                    ==, 50000);
  g_assert_cmpint (elapsed, <, G_USEC_PER_SEC);

  /* Select Oldest reads the first rows only, and they are the first received. */
  st_serial_picker_select_oldest (picker);
  g_assert_cmpuint (st_serial_picker_get_n_selected (picker), ==, 5);
  {
    g_autoptr(GPtrArray) chosen = st_serial_picker_get_selected (picker);

    g_assert_cmpstr (st_unit_get_serial (g_ptr_array_index (chosen, 0)), ==, "BIG000000");
    g_assert_cmpstr (st_unit_get_serial (g_ptr_array_index (chosen, 4)), ==, "BIG000004");
  }
}

static void
test_editor_refused_writes_nothing (Fixture       *f,
                                    gconstpointer  data)
{
  Posting posting = { 0 };
  StDocumentEditor *editor;
  StEditorLine *line;
  StSerialPicker *picker;
  g_autoptr(StDocument) other = NULL;
  g_autoptr(StListModel) invoices = NULL;
  const char *message;

  receive_ten (f);
  editor = open_editor (f, ST_DOC_INVOICE, &posting);

  line = st_document_editor_get_line (editor, 0);
  st_test_line_choose_item (line, f->tool);
  st_test_line_set_quantity (line, 3);
  picker = open_picker (line);
  click (st_test_template_child (picker, ST_TYPE_SERIAL_PICKER, "oldest_button"));
  click (st_test_template_child (picker, ST_TYPE_SERIAL_PICKER, "ok_button"));
  g_assert_true (st_document_editor_can_post (editor));

  /* Meanwhile someone else sells T02. */
  other = st_test_post_serials (f->store, &(StTestPosting) { .kind = ST_DOC_INVOICE,
                                  .contact = "Bob", .warehouse = "Primary Warehouse",
                                  .sku = "TOOL", .serials = "T02" });

  post (&posting);
  g_assert_null (posting.posted);

  /* The core's message, under the lines, naming the serial; the editor stays open. */
  message = st_document_editor_get_error (editor);
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "T02"));
  g_assert_true (gtk_widget_get_visible (st_test_template_child (editor, ST_TYPE_DOCUMENT_EDITOR,
                                                         "error_label")));
  g_assert_cmpstr (label_text (editor, ST_TYPE_DOCUMENT_EDITOR, "error_label"), ==, message);
  g_assert_true (st_test_find_toplevel (ST_TYPE_DOCUMENT_EDITOR, TRUE) == (gpointer) editor);

  /* T02 is out of the line's choice, which must be fixed before posting again. */
  g_assert_cmpuint (st_editor_line_get_picked (line)->len, ==, 2);
  g_assert_cmpstr (label_text (line, ST_TYPE_EDITOR_LINE, "picked_label"), ==,
                   "2 of 3 selected");
  g_assert_true (gtk_widget_get_visible (st_test_template_child (line, ST_TYPE_EDITOR_LINE,
                                                         "picked_error_label")));
  g_assert_false (st_document_editor_can_post (editor));

  /* Nothing written: only the other invoice exists, T01 and T03 are still in stock. */
  invoices = st_store_list_documents (f->store, ST_DOC_INVOICE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (invoices)), ==, 1);
  {
    g_autoptr(StUnit) t01 = st_store_find_unit (f->store, "T01", "TOOL", NULL);
    g_autoptr(StUnit) t03 = st_store_find_unit (f->store, "T03", "TOOL", NULL);

    g_assert_cmpint (st_unit_get_status (t01), ==, ST_UNIT_IN_STOCK);
    g_assert_cmpint (st_unit_get_status (t03), ==, ST_UNIT_IN_STOCK);
  }

  /* Fixed with one more unit, it posts. */
  picker = open_picker (line);
  g_assert_cmpuint (st_serial_picker_get_n_selected (picker), ==, 2);
  scan (st_test_template_child (picker, ST_TYPE_SERIAL_PICKER, "filter_entry"), "T04");
  click (st_test_template_child (picker, ST_TYPE_SERIAL_PICKER, "ok_button"));
  post (&posting);
  g_assert_nonnull (posting.posted);

  posting_clear (&posting);
}

static void
test_editor_refused_bill_marks_serial (Fixture       *f,
                                       gconstpointer  data)
{
  Posting posting = { 0 };
  StDocumentEditor *editor;
  StEditorLine *line;
  StSerialEntry *entry;
  g_autoptr(StDocument) other = NULL;
  g_autoptr(StListModel) bills = NULL;

  editor = open_editor (f, ST_DOC_BILL, &posting);

  gtk_editable_set_text (st_test_template_child (editor, ST_TYPE_DOCUMENT_EDITOR, "number_entry"),
                         "V-9");
  line = st_document_editor_get_line (editor, 0);
  st_test_line_choose_item (line, f->tool);
  st_test_line_set_quantity (line, 3);
  entry = ST_SERIAL_ENTRY (st_editor_line_get_serial_entry (line));
  g_assert_true (st_serial_entry_add_text (entry, "K-1,K-2,K-3", NULL));
  g_assert_true (st_document_editor_can_post (editor));

  /* Meanwhile K-2 is received on another bill. */
  other = post_bill (f->store, "V-8", "2024-01-01", "TOOL", "K-2", 1);

  post (&posting);
  g_assert_null (posting.posted);
  g_assert_nonnull (strstr (st_document_editor_get_error (editor), "K-2"));
  g_assert_cmpint (st_serial_row_get_state (row_at (entry, 1)), ==, ST_SERIAL_STATE_REFUSED);
  g_assert_cmpstr (st_serial_row_get_reason (row_at (entry, 1)), ==,
                   st_document_editor_get_error (editor));
  g_assert_false (st_document_editor_can_post (editor));

  bills = st_store_list_documents (f->store, ST_DOC_BILL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (bills)), ==, 1);

  posting_clear (&posting);
}

static void
test_editor_transfer_and_adjustment (Fixture       *f,
                                     gconstpointer  data)
{
  Posting posting = { 0 };
  StDocumentEditor *editor;
  StEditorLine *line;
  StSerialPicker *picker;
  g_autoptr(StUnit) unit = NULL;

  receive_ten (f);

  /* A transfer: From Primary (first), To Shop (second), in transit. */
  editor = open_editor (f, ST_DOC_TRANSFER, &posting);
  g_assert_cmpstr (gtk_editable_get_text (st_test_template_child (editor, ST_TYPE_DOCUMENT_EDITOR,
                                                          "number_entry")), ==, "TO-00001");
  gtk_check_button_set_active (st_test_template_child (editor, ST_TYPE_DOCUMENT_EDITOR,
                                                       "transit_check"),
                               TRUE);
  line = st_document_editor_get_line (editor, 0);
  st_test_line_choose_item (line, f->tool);
  st_test_line_set_quantity (line, 2);
  picker = open_picker (line);
  click (st_test_template_child (picker, ST_TYPE_SERIAL_PICKER, "oldest_button"));
  click (st_test_template_child (picker, ST_TYPE_SERIAL_PICKER, "ok_button"));
  post (&posting);
  g_assert_nonnull (posting.posted);
  unit = st_store_find_unit (f->store, "T01", "TOOL", NULL);
  g_assert_cmpint (st_unit_get_status (unit), ==, ST_UNIT_IN_TRANSIT);
  g_clear_object (&unit);
  posting_clear (&posting);

  /* An adjustment writing one off (−1: the picker) and finding one (+1: the entry). */
  editor = open_editor (f, ST_DOC_ADJUSTMENT, &posting);
  gtk_editable_set_text (st_test_template_child (editor, ST_TYPE_DOCUMENT_EDITOR, "reason_entry"),
                         "stock count");
  line = st_document_editor_get_line (editor, 0);
  st_test_line_choose_item (line, f->tool);
  st_test_line_set_quantity (line, -1);
  g_assert_true (st_editor_line_get_picking (line));
  picker = open_picker (line);
  scan (st_test_template_child (picker, ST_TYPE_SERIAL_PICKER, "filter_entry"), "T10");
  click (st_test_template_child (picker, ST_TYPE_SERIAL_PICKER, "ok_button"));

  click (st_test_template_child (editor, ST_TYPE_DOCUMENT_EDITOR, "add_line_button"));
  line = st_document_editor_get_line (editor, 1);
  st_test_line_choose_item (line, f->tool);
  g_assert_true (st_editor_line_get_receiving (line));
  g_assert_true (st_serial_entry_add_text (ST_SERIAL_ENTRY (st_editor_line_get_serial_entry (line)),
                                           "FOUND-1", NULL));
  g_assert_true (st_document_editor_can_post (editor));
  post (&posting);
  g_assert_nonnull (posting.posted);

  unit = st_store_find_unit (f->store, "T10", "TOOL", NULL);
  g_assert_cmpint (st_unit_get_status (unit), ==, ST_UNIT_WRITTEN_OFF);
  g_clear_object (&unit);
  unit = st_store_find_unit (f->store, "FOUND-1", "TOOL", NULL);
  g_assert_cmpint (st_unit_get_status (unit), ==, ST_UNIT_IN_STOCK);

  posting_clear (&posting);
}

static void
test_editor_sales_return (Fixture       *f,
                          gconstpointer  data)
{
  Posting posting = { 0 };
  StDocumentEditor *editor;
  StEditorLine *line;
  StSerialPicker *picker;
  g_autoptr(StDraft) draft = st_draft_new (ST_DOC_INVOICE);
  g_autoptr(StDocument) invoice = NULL;
  g_autoptr(StUnit) unit = NULL;
  g_autoptr(GError) error = NULL;
  StDraftLine *sold;
  GtkEditable *reference;

  receive_ten (f);
  st_draft_set_string (&draft->contact, "Bob");
  st_draft_set_string (&draft->warehouse, "Primary Warehouse");
  sold = st_draft_add_line (draft, "TOOL", 2);
  st_draft_line_add_serial (sold, "T03");
  st_draft_line_add_serial (sold, "T07");
  invoice = st_store_post (f->store, draft, &error);
  g_assert_no_error (error);

  editor = open_editor (f, ST_DOC_RETURN, &posting);

  reference = st_test_template_child (editor, ST_TYPE_DOCUMENT_EDITOR, "reference_entry");
  gtk_editable_set_text (reference, "INV-00099");
  g_assert_cmpstr (label_text (editor, ST_TYPE_DOCUMENT_EDITOR, "reference_hint"), ==,
                   "No invoice has this number.");
  gtk_editable_set_text (reference, st_document_get_number (invoice));
  g_assert_nonnull (strstr (label_text (editor, ST_TYPE_DOCUMENT_EDITOR, "reference_hint"),
                            "Bob"));

  line = st_document_editor_get_line (editor, 0);
  st_test_line_choose_item (line, f->tool);
  picker = open_picker (line);
  /* Only the units sold on that invoice. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (st_serial_picker_get_model (picker))),
                    ==, 2);
  g_assert_false (st_serial_picker_select_serial (picker, "T01", &error));
  g_assert_error (error, ST_ERROR, ST_ERROR_NOT_ON_DOCUMENT);
  scan (st_test_template_child (picker, ST_TYPE_SERIAL_PICKER, "filter_entry"), "T07");
  click (st_test_template_child (picker, ST_TYPE_SERIAL_PICKER, "ok_button"));
  post (&posting);
  g_assert_nonnull (posting.posted);

  unit = st_store_find_unit (f->store, "T07", "TOOL", NULL);
  g_assert_cmpint (st_unit_get_status (unit), ==, ST_UNIT_IN_STOCK);

  posting_clear (&posting);
}

static void
test_editor_escape_asks (Fixture       *f,
                         gconstpointer  data)
{
  StDocumentEditor *editor;
  GtkMessageDialog *dialog;
  g_autofree char *text = NULL;

  /* Nothing entered: Escape closes at once. */
  editor = open_editor (f, ST_DOC_INVOICE, NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "window.close", NULL));
  st_test_spin ();
  g_assert_null (st_test_find_toplevel (ST_TYPE_DOCUMENT_EDITOR, TRUE));

  /* With a line: it asks, and Keep Editing keeps it. */
  editor = open_editor (f, ST_DOC_INVOICE, NULL);
  st_test_line_choose_item (st_document_editor_get_line (editor, 0), f->tool);
  gtk_widget_activate_action (GTK_WIDGET (editor), "window.close", NULL);
  st_test_spin ();
  dialog = st_test_get_toplevel (GTK_TYPE_MESSAGE_DIALOG, TRUE);
  g_object_get (dialog, "text", &text, NULL);
  g_assert_cmpstr (text, ==, "Discard this document?");
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  st_test_spin ();
  g_assert_true (st_test_find_toplevel (ST_TYPE_DOCUMENT_EDITOR, TRUE) == (gpointer) editor);

  /* Discard closes it. */
  gtk_widget_activate_action (GTK_WIDGET (editor), "window.close", NULL);
  st_test_spin ();
  gtk_dialog_response (GTK_DIALOG (st_test_find_toplevel (GTK_TYPE_MESSAGE_DIALOG, TRUE)),
                       GTK_RESPONSE_ACCEPT);
  st_test_spin ();
  g_assert_null (st_test_find_toplevel (ST_TYPE_DOCUMENT_EDITOR, TRUE));
}

/* Void, through its confirmation dialog. */

static void
voided_cb (StDocument *document,
           gpointer    user_data)
{
  *(StDocument **) user_data = g_object_ref (document);
}


/* Void and Receive answer from the store's worker thread: spin until the answer is here (the
 * document, or the refusal's message dialog — the question's dialog is gone by then). */
static void
wait_for_answer (StDocument **result)
{
  gint64 end = g_get_monotonic_time () + 10 * G_TIME_SPAN_SECOND;

  while (*result == NULL && st_test_find_toplevel (GTK_TYPE_MESSAGE_DIALOG, TRUE) == NULL
         && g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
  st_test_spin ();
}

/* Accepts the question an action asked (its text @question, unless NULL), then waits for the
 * answer in @result. */
static void
confirm (const char  *question,
         StDocument **result)
{
  GtkMessageDialog *dialog;
  g_autofree char *text = NULL;

  st_test_spin ();
  dialog = st_test_get_toplevel (GTK_TYPE_MESSAGE_DIALOG, TRUE);
  g_object_get (dialog, "text", &text, NULL);
  if (question != NULL)
    g_assert_cmpstr (text, ==, question);
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  wait_for_answer (result);
}

static void
test_void_confirmed (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(StDocument) bill = post_bill (f->store, "V-1", "2024-01-05", "TOOL", "W01", 2);
  g_autoptr(StDocument) voided = NULL;
  g_autoptr(StUnit) unit = NULL;

  st_document_actions_void (NULL, f->store, bill, voided_cb, &voided);
  confirm ("Void V-1?", &voided);
  g_assert_nonnull (voided);
  g_assert_cmpint (st_document_get_status (voided), ==, ST_DOC_STATUS_VOID);
  unit = st_store_find_unit (f->store, "W01", "TOOL", NULL);
  g_assert_cmpint (st_unit_get_status (unit), ==, ST_UNIT_VOIDED);
}

static void
test_void_refused (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(StDocument) bill = post_bill (f->store, "V-1", "2024-01-05", "TOOL", "W01", 2);
  g_autoptr(StDocument) invoice = NULL;
  g_autoptr(StDocument) voided = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(StDocument) reloaded = NULL;
  GtkMessageDialog *dialog;
  g_autofree char *text = NULL;
  g_autofree char *secondary = NULL;

  invoice = st_test_post_serials (f->store, &(StTestPosting) { .kind = ST_DOC_INVOICE,
                                    .contact = "Bob", .warehouse = "Primary Warehouse",
                                    .sku = "TOOL", .serials = "W02" });

  st_document_actions_void (NULL, f->store, bill, voided_cb, &voided);
  confirm (NULL, &voided);
  g_assert_null (voided);

  /* The refusal, naming the unit that moved on. */
  dialog = st_test_get_toplevel (GTK_TYPE_MESSAGE_DIALOG, TRUE);
  g_object_get (dialog, "text", &text, "secondary-text", &secondary, NULL);
  g_assert_cmpstr (text, ==, "V-1 was not voided");
  g_assert_nonnull (strstr (secondary, "W02"));
  reloaded = st_store_get_document (f->store, ST_DOC_BILL, "V-1", &error);
  g_assert_cmpint (st_document_get_status (reloaded), ==, ST_DOC_STATUS_POSTED);
}

/* Globex's bill V-1 (G01), beside Acme's: bill numbers are unique per vendor only. */
static StDocument *
post_globex_bill (Fixture *f)
{
  st_test_add_contact (f->store, ST_CONTACT_VENDOR, "Globex");
  return st_test_post_serials (f->store, &(StTestPosting) { .kind = ST_DOC_BILL, .number = "V-1",
                                 .date = "2024-01-06", .contact = "Globex",
                                 .warehouse = "Primary Warehouse", .sku = "TOOL",
                                 .serials = "G01" });
}

static void
test_void_bill_same_number (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(StDocument) acme = post_bill (f->store, "V-1", "2024-01-05", "TOOL", "W01", 2);
  g_autoptr(StDocument) globex = post_globex_bill (f);
  g_autoptr(StDocument) voided = NULL;
  g_autoptr(StDocument) reloaded = NULL;
  g_autoptr(StUnit) unit = NULL;
  g_autoptr(GError) error = NULL;

  /* The selected document is Globex's V-1: that one is voided, not refused as ambiguous. */
  st_document_actions_void (NULL, f->store, globex, voided_cb, &voided);
  confirm (NULL, &voided);
  g_assert_null (st_test_find_toplevel (GTK_TYPE_MESSAGE_DIALOG, TRUE));
  g_assert_nonnull (voided);
  g_assert_cmpint (st_document_get_id (voided), ==, st_document_get_id (globex));
  g_assert_cmpint (st_document_get_status (voided), ==, ST_DOC_STATUS_VOID);
  unit = st_store_find_unit (f->store, "G01", "TOOL", NULL);
  g_assert_cmpint (st_unit_get_status (unit), ==, ST_UNIT_VOIDED);

  reloaded = st_store_get_bill (f->store, "V-1", "Acme", &error);
  g_assert_no_error (error);
  g_assert_cmpint (st_document_get_status (reloaded), ==, ST_DOC_STATUS_POSTED);
}

static void
test_editor_vendor_return_same_number (Fixture       *f,
                                       gconstpointer  data)
{
  g_autoptr(StDocument) acme = post_bill (f->store, "V-1", "2024-01-05", "TOOL", "W01", 2);
  g_autoptr(StDocument) globex = post_globex_bill (f);
  StDocumentEditor *editor;
  GtkEditable *reference;
  const char *hint;

  editor = open_editor (f, ST_DOC_VENDOR_RETURN, NULL);
  reference = st_test_template_child (editor, ST_TYPE_DOCUMENT_EDITOR, "reference_entry");
  gtk_editable_set_text (reference, "V-1");
  /* Not "No bill has this number": the store's reason. */
  hint = label_text (editor, ST_TYPE_DOCUMENT_EDITOR, "reference_hint");
  g_assert_nonnull (strstr (hint, "Several vendors"));
  g_assert_nonnull (strstr (hint, "V-1"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (reference), "error"));
  g_assert_false (st_document_editor_can_post (editor));
}

static void
test_receive_confirmed (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(StDocument) bill = post_bill (f->store, "V-1", "2024-01-05", "TOOL", "R01", 2);
  g_autoptr(StDraft) draft = st_draft_new (ST_DOC_TRANSFER);
  g_autoptr(StDocument) transfer = NULL;
  g_autoptr(StDocument) received = NULL;
  g_autoptr(StUnit) unit = NULL;
  g_autoptr(GError) error = NULL;

  st_draft_set_string (&draft->warehouse, "Primary Warehouse");
  st_draft_set_string (&draft->to_warehouse, "Shop");
  draft->in_transit = TRUE;
  st_draft_line_add_serial (st_draft_add_line (draft, "TOOL", 1), "R02");
  transfer = st_store_post (f->store, draft, &error);
  g_assert_no_error (error);

  st_document_actions_receive (NULL, f->store, transfer, voided_cb, &received);
  confirm ("Receive TO-00001 at Shop?", &received);
  g_assert_nonnull (received);
  unit = st_store_find_unit (f->store, "R02", "TOOL", NULL);
  g_assert_cmpint (st_unit_get_status (unit), ==, ST_UNIT_IN_STOCK);
  g_assert_cmpstr (st_unit_get_warehouse (unit), ==, "Shop");
}

/* From the window: win.new-document opens the editor; posting refreshes and shows it. */
static void
test_window_new_document (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  StWindow *window;
  StDocumentEditor *editor;
  StEditorLine *line;
  Posting posting = { 0 };
  GtkWidget *view;

  g_clear_object (&f->tool);
  g_clear_object (&f->phone);
  g_clear_object (&f->store);
  window = st_application_open_database (app, f->path, ST_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  f->store = g_object_ref (st_window_get_store (window));
  f->tool = st_store_find_item (f->store, "TOOL", NULL);
  st_test_spin ();

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-document", "s",
                                             "bill"));
  st_test_spin ();
  editor = st_test_get_toplevel (ST_TYPE_DOCUMENT_EDITOR, TRUE);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (editor)) == GTK_WINDOW (window));
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (editor)));
  posting.editor = g_object_ref (editor);

  gtk_editable_set_text (st_test_template_child (editor, ST_TYPE_DOCUMENT_EDITOR, "number_entry"),
                         "W-1");
  line = st_document_editor_get_line (editor, 0);
  st_test_line_choose_item (line, f->tool);
  g_assert_true (st_serial_entry_add_text (ST_SERIAL_ENTRY (st_editor_line_get_serial_entry (line)),
                                           "WIN-1", NULL));
  post (&posting);
  g_assert_nonnull (posting.posted);

  view = st_window_get_view (window, "bills");
  g_assert_true (gtk_widget_get_mapped (view));
  g_assert_nonnull (st_documents_view_get_document (ST_DOCUMENTS_VIEW (view)));
  g_assert_cmpstr (st_document_get_number (st_documents_view_get_document (ST_DOCUMENTS_VIEW (view))),
                   ==, "W-1");
  /* The selected posted bill can be voided from the view. */
  g_assert_true (gtk_widget_activate_action (view, "document.void", NULL));
  st_test_spin ();
  g_assert_nonnull (st_test_find_toplevel (GTK_TYPE_MESSAGE_DIALOG, TRUE));

  posting_clear (&posting);
}

int
main (int   argc,
      char *argv[])
{
  app = st_test_app_start (&argc, &argv);
  if (app == NULL)
    return 77;


#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/serial-entry/scan-five", test_entry_scan_five);
  ADD ("/serial-entry/paste-marks-bad-ones", test_entry_paste_marks_bad_ones);
  ADD ("/serial-entry/case-and-stock", test_entry_case_and_stock);
  ADD ("/serial-entry/range", test_entry_range);
  ADD ("/serial-entry/paste-clipboard", test_entry_paste_clipboard);
  ADD ("/serial-entry/import-csv", test_entry_import_csv);
  ADD ("/serial-entry/ten-thousand", test_entry_ten_thousand);
  ADD ("/document-editor/posts-bill", test_editor_posts_bill);
  /* A database created a moment ago (its header still in the WAL). */
  g_test_add ("/document-editor/posts-bill-new-database", Fixture, GINT_TO_POINTER (1),
              fixture_setup, test_editor_posts_bill, fixture_teardown);
  ADD ("/document-editor/refused-bill-marks-serial", test_editor_refused_bill_marks_serial);
  ADD ("/document-editor/refused-writes-nothing", test_editor_refused_writes_nothing);
  ADD ("/document-editor/transfer-and-adjustment", test_editor_transfer_and_adjustment);
  ADD ("/document-editor/sales-return", test_editor_sales_return);
  ADD ("/document-editor/escape-asks", test_editor_escape_asks);
  ADD ("/serial-picker/invoice", test_picker_invoice);
  ADD ("/serial-picker/other-warehouse", test_picker_other_warehouse);
  ADD ("/serial-picker/big-list", test_picker_big_list);
  ADD ("/document-actions/void", test_void_confirmed);
  ADD ("/document-actions/void-refused", test_void_refused);
  ADD ("/document-actions/void-bill-same-number", test_void_bill_same_number);
  ADD ("/document-editor/vendor-return-same-number", test_editor_vendor_return_same_number);
  ADD ("/document-actions/receive", test_receive_confirmed);
  ADD ("/window/new-document", test_window_new_document);
#undef ADD

  return st_test_app_run (&app);
}
