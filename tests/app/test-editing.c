/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-editing.c — everyday editing through the real widgets (issue 16): Enter never posts and
 * Ctrl+Enter does, live line amounts and the total, an adjustment's direction in words,
 * "Remove N with Problems", the note on a serial that comes back, "Select Oldest N" keeping
 * what was picked by hand, the contact dialog's focus and Enter in the item dialog. */
#include "config.h"

#include <gtk/gtk.h>
#include <locale.h>
#include <string.h>

#include "st-contact-dialog.h"
#include "st-document-editor.h"
#include "st-editor-line.h"
#include "st-error.h"
#include "st-format.h"
#include "st-edit-dialog.h"
#include "st-item-dialog.h"
#include "st-serial-entry.h"
#include "st-serial-picker.h"
#include "st-serial-row.h"
#include "st-test-app.h"

typedef struct
{
  char      *dir;
  char      *path;
  StStore   *store;
  StItem    *tool;    /* TOOL: serial, any format, price 99.00, cost 50.00 */
  StItem    *phone;   /* PHONE: serial, IMEI */
  StItem    *cable;   /* CABLE: quantity only, price 5.00 */
} Fixture;

static StApplication *app;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  StItemSpec tool = { "TOOL", "Drill", NULL, 9900, 5000, ST_TRACKING_SERIAL, 0,
                      ST_SERIAL_FORMAT_ANY };
  StItemSpec phone = { "PHONE", "Phone X", NULL, 50000, 30000, ST_TRACKING_SERIAL, 12,
                       ST_SERIAL_FORMAT_IMEI };
  StItemSpec cable = { "CABLE", "Cable", NULL, 500, 200, ST_TRACKING_NONE, 0,
                       ST_SERIAL_FORMAT_ANY };

  f->store = st_test_create_database ("st-editing-XXXXXX", &f->dir, &f->path);

  st_test_add_contact (f->store, ST_CONTACT_VENDOR, "Acme");
  st_test_add_contact (f->store, ST_CONTACT_CUSTOMER, "Bob");
  f->tool = st_store_add_item (f->store, &tool, &error);
  g_assert_no_error (error);
  f->phone = st_store_add_item (f->store, &phone, &error);
  g_assert_no_error (error);
  f->cable = st_store_add_item (f->store, &cable, &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  st_test_destroy_toplevels (FALSE);

  g_clear_object (&f->tool);
  g_clear_object (&f->phone);
  g_clear_object (&f->cable);
  g_clear_object (&f->store);

  st_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

/* Enter in a text field, as its key binding does. */
static void
press_enter (gpointer editable)
{
  g_signal_emit_by_name (gtk_editable_get_delegate (GTK_EDITABLE (editable)), "activate");
  st_test_spin ();
}

static gpointer
child (gpointer    widget,
       GType       type,
       const char *name)
{
  return st_test_template_child (widget, type, name);
}

static gboolean
has_focus_within (GtkWidget *window,
                  gpointer   widget)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

static StDocumentEditor *
open_editor (Fixture   *f,
             StDocKind  kind)
{
  StDocumentEditor *editor = st_document_editor_new (NULL, f->store, kind);

  gtk_window_present (GTK_WINDOW (editor));
  st_test_spin ();
  return editor;
}

static gboolean
is_posted (gpointer data)
{
  return *(StDocument **) data != NULL;
}

static void
posted_cb (StDocumentEditor  *editor,
           StDocument        *document,
           StDocument       **posted)
{
  *posted = g_object_ref (document);
}

/* Enter in every field moves on and never posts; Ctrl+Enter posts. */
static void
test_enter_never_posts (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(StDocument) posted = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(StUnit) unit = NULL;
  StDocumentEditor *editor = open_editor (f, ST_DOC_BILL);
  GtkEditable *number = child (editor, ST_TYPE_DOCUMENT_EDITOR, "number_entry");
  GtkEditable *date = child (editor, ST_TYPE_DOCUMENT_EDITOR, "date_entry");
  StEditorLine *line = st_document_editor_get_line (editor, 0);
  GtkEditable *scan;

  g_signal_connect (editor, "posted", G_CALLBACK (posted_cb), &posted);

  st_test_line_choose_item (line, f->tool);
  scan = child (st_editor_line_get_serial_entry (line), ST_TYPE_SERIAL_ENTRY, "scan_entry");
  gtk_editable_set_text (scan, "E-1");
  press_enter (scan);
  gtk_editable_set_text (number, "ACME-1");
  g_assert_true (st_document_editor_can_post (editor));

  /* A scanner's Enter in the bill number field: on to the next field, nothing posted. */
  gtk_widget_grab_focus (GTK_WIDGET (number));
  press_enter (number);
  g_assert_false (st_document_editor_is_posting (editor));
  g_assert_null (posted);
  g_assert_false (has_focus_within (GTK_WIDGET (editor), number));

  /* Nor in the date, the rate, the quantity or an empty serial field. */
  press_enter (date);
  press_enter (child (line, ST_TYPE_EDITOR_LINE, "rate_entry"));
  press_enter (child (line, ST_TYPE_EDITOR_LINE, "quantity_spin"));
  gtk_widget_grab_focus (GTK_WIDGET (scan));
  press_enter (scan);
  g_assert_false (st_document_editor_is_posting (editor));
  g_assert_null (posted);
  g_assert_false (has_focus_within (GTK_WIDGET (editor), scan));
  unit = st_store_find_unit (f->store, "E-1", "TOOL", &error);
  g_assert_error (error, ST_ERROR, ST_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (editor)));

  /* Ctrl+Enter posts. */
  g_assert_true (st_test_press_shortcut (GTK_WIDGET (editor), GDK_KEY_Return, GDK_CONTROL_MASK));
  st_test_wait_until (is_posted, &posted);
  st_test_spin ();
  g_assert_nonnull (posted);
  g_assert_cmpstr (st_document_get_number (posted), ==, "ACME-1");
  g_clear_object (&unit);
  unit = st_store_find_unit (f->store, "E-1", "TOOL", &error);
  g_assert_no_error (error);
  g_assert_cmpint (st_unit_get_status (unit), ==, ST_UNIT_IN_STOCK);
}

static void
assert_label_money (GtkLabel   *label,
                    const char *format,
                    gint64      cents)
{
  g_autofree char *money = st_format_money (cents);
  g_autofree char *expected = g_strdup_printf (format, money);

  g_assert_cmpstr (gtk_label_get_text (label), ==, expected);
}

/* Line amounts and the total follow quantity and rate as they are typed. */
static void
test_line_amounts (Fixture       *f,
                   gconstpointer  data)
{
  StDocumentEditor *editor = open_editor (f, ST_DOC_INVOICE);
  GtkLabel *total = child (editor, ST_TYPE_DOCUMENT_EDITOR, "total_label");
  StEditorLine *first = st_document_editor_get_line (editor, 0);
  StEditorLine *second;
  gint64 amount;

  g_assert_false (st_document_editor_get_total (editor, NULL));
  g_assert_cmpstr (gtk_label_get_text (total), ==, "");

  /* The item's price when no rate is typed. */
  st_test_line_choose_item (first, f->cable);
  st_test_line_set_quantity (first, 3);
  g_assert_true (st_editor_line_get_amount (first, &amount));
  g_assert_cmpint (amount, ==, 1500);
  assert_label_money (child (first, ST_TYPE_EDITOR_LINE, "amount_label"), "%s", 1500);
  assert_label_money (total, "Total: %s", 1500);

  /* A typed rate. */
  gtk_editable_set_text (child (first, ST_TYPE_EDITOR_LINE, "rate_entry"), "4.25");
  st_test_spin ();
  g_assert_true (st_editor_line_get_amount (first, &amount));
  g_assert_cmpint (amount, ==, 1275);

  /* A second line adds to the total; removing it takes it away. */
  second = st_document_editor_add_line (editor);
  st_test_line_choose_item (second, f->tool);
  st_test_line_set_quantity (second, 2);
  g_assert_true (st_document_editor_get_total (editor, &amount));
  g_assert_cmpint (amount, ==, 1275 + 2 * 9900);
  assert_label_money (total, "Total: %s", 1275 + 2 * 9900);

  /* A rate that is no amount: the line's amount is unknown and left out. */
  gtk_editable_set_text (child (second, ST_TYPE_EDITOR_LINE, "rate_entry"), "abc");
  st_test_spin ();
  g_assert_false (st_editor_line_get_amount (second, NULL));
  assert_label_money (total, "Total: %s", 1275);

  g_signal_emit_by_name (child (second, ST_TYPE_EDITOR_LINE, "remove_button"), "clicked");
  st_test_spin ();
  g_assert_true (st_document_editor_get_total (editor, &amount));
  g_assert_cmpint (amount, ==, 1275);
}

/* An adjustment line says what it does in words; its amount is at cost. */
static void
test_adjustment_words (Fixture       *f,
                       gconstpointer  data)
{
  StDocumentEditor *editor = open_editor (f, ST_DOC_ADJUSTMENT);
  StEditorLine *line = st_document_editor_get_line (editor, 0);
  GtkLabel *direction = child (line, ST_TYPE_EDITOR_LINE, "direction_label");
  gint64 amount;

  st_test_line_choose_item (line, f->cable);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (direction)));
  g_assert_cmpstr (gtk_label_get_text (direction), ==, "Add");
  g_assert_cmpstr (st_editor_line_get_direction (line), ==, "Add");

  st_test_line_set_quantity (line, -2);
  g_assert_cmpstr (gtk_label_get_text (direction), ==, "Write off");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (direction), "error"));
  g_assert_true (st_editor_line_get_amount (line, &amount));
  g_assert_cmpint (amount, ==, -400);

  st_test_line_set_quantity (line, 0);
  g_assert_cmpstr (gtk_label_get_text (direction), ==, "");

  /* Other documents say nothing. */
  editor = open_editor (f, ST_DOC_INVOICE);
  line = st_document_editor_get_line (editor, 0);
  st_test_line_choose_item (line, f->cable);
  g_assert_false (gtk_widget_get_visible (child (line, ST_TYPE_EDITOR_LINE, "direction_label")));
}

static StSerialEntry *
make_entry (Fixture *f,
            StItem  *item,
            guint    quantity)
{
  GtkWidget *entry = st_serial_entry_new (f->store);
  GtkWindow *host = GTK_WINDOW (gtk_window_new ());

  st_serial_entry_set_item (ST_SERIAL_ENTRY (entry), item);
  st_serial_entry_set_quantity (ST_SERIAL_ENTRY (entry), quantity);
  gtk_window_set_child (host, entry);
  gtk_window_present (host);
  st_test_spin ();
  return ST_SERIAL_ENTRY (entry);
}

/* An IMEI range of which 16 of 18 are invalid is cleaned with one click. */
static void
test_remove_problems (Fixture       *f,
                      gconstpointer  data)
{
  StSerialEntry *entry = make_entry (f, f->phone, 2);
  GtkButton *remove = child (entry, ST_TYPE_SERIAL_ENTRY, "remove_problems_button");
  GListModel *rows = st_serial_entry_get_model (entry);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) serials = NULL;

  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (remove)));

  /* 35693803564380 + one digit: only the valid check digit (9) makes an IMEI; with a second
   * body, 18 serials of which 2 are valid. */
  g_assert_true (st_serial_entry_add_text (entry,
                                           "356938035643801..356938035643809,"
                                           "490154203237510..490154203237518", &error));
  g_assert_no_error (error);
  st_test_spin ();
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 18);
  g_assert_cmpuint (st_serial_entry_get_n_valid (entry), ==, 2);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (remove)));
  g_assert_cmpstr (gtk_button_get_label (remove), ==, "_Remove 16 with Problems");

  g_signal_emit_by_name (remove, "clicked");
  st_test_spin ();
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 2);
  g_assert_true (st_serial_entry_get_valid (entry));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (remove)));
  serials = st_serial_entry_get_serials (entry);
  g_assert_cmpstr (g_ptr_array_index (serials, 0), ==, "356938035643809");
  g_assert_cmpstr (g_ptr_array_index (serials, 1), ==, "490154203237518");

  /* A duplicate of a kept serial is a problem again, and removed again. */
  g_assert_true (st_serial_entry_add_text (entry, "356938035643809", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 3);
  g_assert_cmpuint (st_serial_entry_remove_problems (entry), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 2);
}

/* A serial sold before is valid on a new bill (a buy-back), and says so. */
static void
test_rereceived_note (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *date = st_format_date ("2026-03-05");
  g_autofree char *expected = NULL;
  StSerialEntry *entry;
  StSerialRow *row;

  g_object_unref (st_test_post_serials (f->store, &(StTestPosting) { .kind = ST_DOC_BILL,
                                          .number = "A-1", .date = "2026-03-01",
                                          .contact = "Acme", .warehouse = "Primary Warehouse",
                                          .sku = "TOOL", .serials = "R-1,R-2" }));
  g_object_unref (st_test_post_serials (f->store, &(StTestPosting) { .kind = ST_DOC_INVOICE,
                                          .date = "2026-03-05", .contact = "Bob",
                                          .warehouse = "Primary Warehouse", .sku = "TOOL",
                                          .serials = "R-1" }));

  entry = make_entry (f, f->tool, 2);
  g_assert_true (st_serial_entry_add_text (entry, "r-1,R-3", NULL));
  st_test_spin ();

  row = g_list_model_get_item (st_serial_entry_get_model (entry), 0);
  g_object_unref (row);
  g_assert_true (st_serial_row_get_valid (row));
  expected = g_strdup_printf ("sold to Bob on %s — receiving it again", date);
  g_assert_cmpstr (st_serial_row_get_note (row), ==, expected);
  row = g_list_model_get_item (st_serial_entry_get_model (entry), 1);
  g_object_unref (row);
  g_assert_null (st_serial_row_get_note (row));
  g_assert_true (st_serial_entry_get_valid (entry));

  /* Still in stock: a problem, not a note. */
  g_assert_true (st_serial_entry_add_text (entry, "R-2", NULL));
  row = g_list_model_get_item (st_serial_entry_get_model (entry), 2);
  g_object_unref (row);
  g_assert_false (st_serial_row_get_valid (row));
}

/* Select Oldest N keeps the units picked by hand and fills up to N with the oldest others. */
static void
test_oldest_keeps_hand_picked (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GPtrArray) chosen = NULL;
  g_autoptr(GError) error = NULL;
  StDocumentEditor *editor;
  StEditorLine *line;
  StSerialPicker *picker;

  g_object_unref (st_test_post_serials (f->store, &(StTestPosting) { .kind = ST_DOC_BILL,
                                          .number = "A-1", .date = "2026-01-01",
                                          .contact = "Acme", .warehouse = "Primary Warehouse",
                                          .sku = "TOOL", .serials = "O-1,O-2" }));
  g_object_unref (st_test_post_serials (f->store, &(StTestPosting) { .kind = ST_DOC_BILL,
                                          .number = "A-2", .date = "2026-02-01",
                                          .contact = "Acme", .warehouse = "Primary Warehouse",
                                          .sku = "TOOL", .serials = "O-3,O-4,O-5" }));

  editor = open_editor (f, ST_DOC_INVOICE);
  line = st_document_editor_get_line (editor, 0);
  st_test_line_choose_item (line, f->tool);
  st_test_line_set_quantity (line, 3);
  picker = st_editor_line_open_picker (line);
  st_test_spin ();

  g_assert_true (st_serial_picker_select_serial (picker, "O-5", &error));
  g_assert_no_error (error);
  g_signal_emit_by_name (child (picker, ST_TYPE_SERIAL_PICKER, "oldest_button"), "clicked");
  st_test_spin ();

  chosen = st_serial_picker_get_selected (picker);
  g_assert_cmpuint (chosen->len, ==, 3);
  g_assert_cmpstr (st_unit_get_serial (g_ptr_array_index (chosen, 0)), ==, "O-1");
  g_assert_cmpstr (st_unit_get_serial (g_ptr_array_index (chosen, 1)), ==, "O-2");
  g_assert_cmpstr (st_unit_get_serial (g_ptr_array_index (chosen, 2)), ==, "O-5");

  /* With all N picked already it changes nothing. */
  st_serial_picker_select_oldest (picker);
  g_clear_pointer (&chosen, g_ptr_array_unref);
  chosen = st_serial_picker_get_selected (picker);
  g_assert_cmpuint (chosen->len, ==, 3);
  g_assert_cmpstr (st_unit_get_serial (g_ptr_array_index (chosen, 2)), ==, "O-5");
}

/* The New Contact dialog starts in its name field. */
static void
test_contact_dialog_focus (Fixture       *f,
                           gconstpointer  data)
{
  StContactDialog *dialog = st_contact_dialog_new (NULL, f->store, ST_CONTACT_CUSTOMER);

  gtk_window_present (GTK_WINDOW (dialog));
  st_test_spin ();
  g_assert_true (has_focus_within (GTK_WIDGET (dialog),
                                   child (dialog, ST_TYPE_CONTACT_DIALOG, "name_entry")));
}

static void
item_added_cb (StItemDialog  *dialog,
               StItem        *item,
               gboolean      *added)
{
  *added = TRUE;
}

/* Enter in the item dialog's warranty field adds the item. */
static void
test_item_warranty_enter (Fixture       *f,
                          gconstpointer  data)
{
  StItemDialog *dialog = st_item_dialog_new (NULL, f->store);
  g_autoptr(StItem) item = NULL;
  g_autoptr(GError) error = NULL;
  GtkEditable *warranty = child (dialog, ST_TYPE_ITEM_DIALOG, "warranty_spin");
  gboolean added = FALSE;

  g_signal_connect (dialog, "added", G_CALLBACK (item_added_cb), &added);
  gtk_window_present (GTK_WINDOW (dialog));
  st_test_spin ();
  gtk_editable_set_text (child (dialog, ST_TYPE_ITEM_DIALOG, "sku_entry"), "LAPTOP");
  gtk_editable_set_text (child (dialog, ST_TYPE_ITEM_DIALOG, "name_entry"), "Laptop");
  gtk_widget_grab_focus (GTK_WIDGET (warranty));
  gtk_editable_set_text (warranty, "24");
  press_enter (warranty);
  /* Written in the store's worker; the dialog closes once it is. */
  st_test_wait_edit_dialogs ();

  g_assert_true (added);
  item = st_store_find_item (f->store, "LAPTOP", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (st_item_get_warranty_months (item), ==, 24);
  g_assert_null (st_test_find_toplevel (ST_TYPE_ITEM_DIALOG, TRUE));
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

  ADD ("/editing/enter-never-posts", test_enter_never_posts);
  ADD ("/editing/line-amounts", test_line_amounts);
  ADD ("/editing/adjustment-words", test_adjustment_words);
  ADD ("/editing/remove-problems", test_remove_problems);
  ADD ("/editing/rereceived-note", test_rereceived_note);
  ADD ("/editing/oldest-keeps-hand-picked", test_oldest_keeps_hand_picked);
  ADD ("/editing/contact-dialog-focus", test_contact_dialog_focus);
  ADD ("/editing/item-warranty-enter", test_item_warranty_enter);
#undef ADD

  return st_test_app_run (&app);
}
