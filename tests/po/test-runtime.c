/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-runtime.c — the translations as a user gets them: serialtrack-cli and the real window
 * run under LANGUAGE=de (and fr, and any other language in po/LINGUAS) with the catalogues built
 * into the build tree (SERIALTRACK_LOCALEDIR, no install).
 *
 * What each language must show is read from its own built catalogue, and must differ from the
 * English: the test fails when a catalogue stops being built or loaded, or when the program
 * stops asking for the translation, without restating a translator's wording.
 *
 * gettext honours LANGUAGE only when the locale is not "C"/"POSIX"; C.UTF-8 (the test
 * environment's LC_ALL) is enough, no generated locale is needed. */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <libintl.h>
#include <locale.h>
#include <string.h>

#include "st-application.h"
#include "st-format.h"
#include "st-items-view.h"
#include "st-list-page.h"
#include "st-window.h"
#include "st-test-app.h"
#include "st-test-run.h"
#include "../st-test-xlsx.h"

static StApplication *app;
static gboolean have_display;

/* Languages */

static gboolean
language_listed (const char *lang)
{
  g_auto(GStrv) listed = g_strsplit (g_getenv ("SERIALTRACK_LINGUAS"), " ", -1);

  return g_strv_contains ((const char * const *) listed, lang);
}

/* Skips the test when LANG is not in po/LINGUAS (yet); its catalogue must then be built. */
static gboolean
language_ready (const char *lang)
{
  g_autofree char *mo = NULL;

  if (!language_listed (lang))
    {
      g_autofree char *why = g_strdup_printf ("“%s” is not in po/LINGUAS", lang);
      g_test_skip (why);
      return FALSE;
    }
  mo = g_build_filename (g_getenv ("SERIALTRACK_LOCALEDIR"), lang, "LC_MESSAGES",
                         GETTEXT_PACKAGE ".mo", NULL);
  if (!g_file_test (mo, G_FILE_TEST_IS_REGULAR))
    g_error ("%s is listed in po/LINGUAS but its catalogue %s was not built", lang, mo);
  return TRUE;
}

/* Makes LANG the language of this process's messages. */
static void
use_language (const char *lang)
{
  g_setenv ("LANGUAGE", lang, TRUE);
  /* setlocale () also throws away the messages gettext has looked up already. */
  setlocale (LC_ALL, "");
}

/* MSGID (in CONTEXT, if not NULL) as the catalogue of LANG has it; it must be translated. */
static char *
translation (const char *lang,
             const char *context,
             const char *msgid)
{
  g_autofree char *key = context != NULL ? g_strconcat (context, "\004", msgid, NULL)
                                         : g_strdup (msgid);
  const char *found;

  use_language (lang);
  /* Plain dgettext (): GLib's g_dgettext () may decide once per process not to translate. */
  found = dgettext (GETTEXT_PACKAGE, key);
  if (found == key || strcmp (found, key) == 0)
    g_error ("The %s catalogue has no translation of “%s”", lang, msgid);
  return g_strdup (found);
}

/* The command line */

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_free (Run *run)
{
  g_free (run->out);
  g_free (run->err);
  g_free (run);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Run, run_free)

/* Runs serialtrack-cli --db DB ARGS… under LANGUAGE=LANG. */
static Run *
cli (const char *lang,
     const char *db,
     ...)
{
  g_autoptr(GPtrArray) args = NULL;
  Run *run = g_new0 (Run, 1);
  gboolean exited;
  va_list ap;

  va_start (ap, db);
  args = st_test_collect_args (ap);
  va_end (ap);
  st_test_cli_spawn (db, NULL, lang, NULL, (const char * const *) args->pdata, &exited,
                     &run->status, &run->out, &run->err);
  g_assert_true (exited);
  return run;
}

static void
assert_ok (Run *run)
{
  if (run->status != 0)
    g_error ("serialtrack-cli failed (%d): %s", run->status, run->err);
}

static void
assert_contains (const char *haystack,
                 const char *needle)
{
  if (strstr (haystack, needle) == NULL)
    g_error ("“%s” is not in:\n%s", needle, haystack);
}

typedef struct
{
  char *dir;
  char *db;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("st-po-test-XXXXXX", &error);
  g_assert_no_error (error);
  f->db = g_build_filename (f->dir, "shop.serialtrack", NULL);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
  g_free (f->db);
}

/* A refused command says why in the user's language, on one line, and exits 1. */
static void
test_cli_refusal (Fixture       *f,
                  gconstpointer  data)
{
  const char *lang = data;
  g_autoptr(Run) init = NULL;
  g_autoptr(Run) run = NULL;
  g_autofree char *format = NULL;
  g_autofree char *message = NULL;
  g_autofree char *expected = NULL;

  if (!language_ready (lang))
    return;

  init = cli (lang, f->db, "init", NULL);
  assert_ok (init);
  run = cli (lang, f->db, "unit", "NO-SUCH-SERIAL", NULL);

  format = translation (lang, NULL, "No unit has serial “%s”");
  message = g_strdup_printf (format, "NO-SUCH-SERIAL");
  expected = g_strdup_printf ("serialtrack-cli: %s\n", message);
  g_assert_cmpint (run->status, ==, 1);
  g_assert_cmpstr (run->err, ==, expected);
}

/* --help: headings, summaries and the command synopses (looked up with a context). */
static void
test_cli_help (Fixture       *f,
               gconstpointer  data)
{
  const char *lang = data;
  g_autoptr(Run) run = NULL;
  g_autofree char *commands = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *synopsis = NULL;

  if (!language_ready (lang))
    return;

  run = cli (lang, NULL, "--help", NULL);
  assert_ok (run);

  commands = translation (lang, NULL, "Commands:");
  summary = translation (lang, NULL, "Show the current state and the full history of one unit.");
  assert_contains (run->out, commands);
  assert_contains (run->out, summary);

  /* A language may keep a synopsis as it is; when it does not, --help shows its version. */
  use_language (lang);
  synopsis = g_strdup (g_dpgettext2 (GETTEXT_PACKAGE, "command synopsis",
                                     "unit SERIAL [--item SKU]"));
  assert_contains (run->out, synopsis);
}

/* The workbook's sheet names, column headings and status names follow the language. */
static void
test_cli_export (Fixture       *f,
                 gconstpointer  data)
{
  const char *lang = data;
  g_autofree char *xlsx = g_build_filename (f->dir, "units.xlsx", NULL);
  g_autofree char *warehouse = NULL;
  g_autofree char *dump = NULL;
  g_autofree char *units = NULL;
  g_autofree char *history = NULL;
  g_autofree char *serial = NULL;
  g_autofree char *in_stock = NULL;
  g_autofree char *line = NULL;
  g_autoptr(Run) run = NULL;

  if (!language_ready (lang))
    return;

  /* A database created in this language has its first warehouse named in it. */
  warehouse = translation (lang, NULL, "Primary Warehouse");
  g_clear_pointer (&run, run_free);
  run = cli (lang, f->db, "init", NULL);
  assert_ok (run);
  g_clear_pointer (&run, run_free);
  run = cli (lang, f->db, "contact", "add", "--vendor", "Northwind", NULL);
  assert_ok (run);
  g_clear_pointer (&run, run_free);
  run = cli (lang, f->db, "item", "add", "--sku", "PHN", "--name", "Phone", "--serial", NULL);
  assert_ok (run);
  g_clear_pointer (&run, run_free);
  run = cli (lang, f->db, "bill", "post", "--vendor", "Northwind", "--number", "NW-1",
             "--warehouse", warehouse, "--line", "PHN:1:410:SN-0001", NULL);
  assert_ok (run);
  g_clear_pointer (&run, run_free);
  run = cli (lang, f->db, "export", "history", xlsx, NULL);
  assert_ok (run);

  {
    g_auto(GStrv) lines = st_test_read_xlsx (xlsx, FALSE);
    dump = g_strjoinv ("\n", lines);
  }

  units = translation (lang, NULL, "Units");
  history = translation (lang, NULL, "History");
  serial = translation (lang, NULL, "Serial");
  in_stock = translation (lang, NULL, "In stock");

  line = g_strdup_printf ("sheet\t%s\n", units);
  assert_contains (dump, line);
  g_free (line);
  line = g_strdup_printf ("sheet\t%s\n", history);
  assert_contains (dump, line);
  g_free (line);
  /* The Units sheet's heading row (below the title row) starts with the serial; the unit is
   * in stock. */
  line = g_strdup_printf ("row\t2\tstr:%s\t", serial);
  assert_contains (dump, line);
  g_free (line);
  /* The title row and the printed page's footer are in the language too. */
  {
    g_autofree char *title = translation (lang, NULL, "Unit history");
    g_autofree char *page = translation (lang, NULL, "Page &P of &N");

    line = g_strdup_printf (" — %s\n", title);
    assert_contains (dump, line);
    g_free (line);
    line = g_strdup_printf ("\tfooter &C%s\n", page);
    assert_contains (dump, line);
    g_free (line);
  }
  line = g_strdup_printf ("\tstr:%s\t", in_stock);
  assert_contains (dump, line);
}

/* The window */

/* The window, built as the application builds it, on a new database, in LANG. */
static StWindow *
open_window (Fixture    *f,
             const char *lang)
{
  g_autoptr(GError) error = NULL;
  StWindow *window;

  use_language (lang);
  window = st_application_open_database (app, f->db, ST_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  return window;
}

static void
close_window (StWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* The views' titles (from C) in the window's sidebar, and a template's text (from a .ui
 * file). */
static void
test_window (Fixture       *f,
             gconstpointer  data)
{
  static const struct
  {
    const char *view;
    const char *title;
  } views[] = {
    { "items", "Items" },
    { "bills", "Bills" },
    { "invoices", "Invoices" },
    { "transfers", "Transfers" },
    { "adjustments", "Adjustments" },
    { "returns", "Returns" },
  };
  const char *lang = data;
  StWindow *window;
  GtkStack *stack;
  GtkWidget *sidebar;
  GObject *filter;
  g_autofree char *placeholder = NULL;
  g_autofree char *expected = NULL;

  if (!have_display)
    {
      g_test_skip ("No display: run the suite under xvfb-run");
      return;
    }
  if (!language_ready (lang))
    return;

  window = open_window (f, lang);
  stack = GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (window), ST_TYPE_WINDOW,
                                                    "view_stack"));
  g_assert_nonnull (stack);
  sidebar = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), ST_TYPE_WINDOW,
                                                       "sidebar"));
  g_assert_true (GTK_IS_STACK_SIDEBAR (sidebar));
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      GtkWidget *view = st_window_get_view (window, views[i].view);
      GtkStackPage *page;
      g_autofree char *title = translation (lang, NULL, views[i].title);

      /* "returns" is a tab inside the returns page; its page is the box around it. */
      while (view != NULL && gtk_widget_get_parent (view) != GTK_WIDGET (stack))
        view = gtk_widget_get_parent (view);
      g_assert_nonnull (view);
      page = gtk_stack_get_page (stack, view);
      g_assert_cmpstr (gtk_stack_page_get_title (page), ==, title);
      g_assert_true (st_test_shows_text (sidebar, title));
    }

  filter = gtk_widget_get_template_child (st_window_get_view (window, "items"),
                                          ST_TYPE_LIST_PAGE, "filter_entry");
  g_assert_nonnull (filter);
  g_object_get (filter, "placeholder-text", &placeholder, NULL);
  expected = translation (lang, NULL, "Filter by SKU or name");
  g_assert_cmpstr (placeholder, ==, expected);

  close_window (window);
}

/* Money and dates follow the locale when there is a real one (here de_DE.UTF-8, compiled into
 * a temporary LOCPATH with localedef when the system has the locale sources); under C.UTF-8
 * the app shows 1234.50 and ISO dates. */
static void
test_formats_de (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *localedef = g_find_program_in_path ("localedef");
  g_autofree char *target = g_build_filename (f->dir, "de_DE.UTF-8", NULL);
  g_autofree char *money = NULL;
  g_autofree char *date = NULL;
  const char *argv[] = { NULL, "-i", "de_DE", "-f", "UTF-8", target, NULL };
  int status = 0;

  if (localedef == NULL || !g_file_test ("/usr/share/i18n/locales/de_DE", G_FILE_TEST_EXISTS))
    {
      g_test_skip ("No localedef or no de_DE locale source (package “locales”)");
      return;
    }
  argv[0] = localedef;
  /* localedef exits 1 on mere warnings: the compiled locale is what counts. */
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL
                | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, NULL);
  g_setenv ("LOCPATH", f->dir, TRUE);
  if (setlocale (LC_ALL, "de_DE.UTF-8") == NULL)
    {
      g_unsetenv ("LOCPATH");
      setlocale (LC_ALL, "");
      g_test_skip ("de_DE.UTF-8 could not be compiled");
      return;
    }

  money = st_format_money (123450);
  date = st_format_date ("2026-11-26");

  g_unsetenv ("LOCPATH");
  setlocale (LC_ALL, "");
  g_assert_cmpstr (money, ==, "1.234,50");
  g_assert_cmpstr (date, ==, "26.11.2026");
}

int
main (int   argc,
      char *argv[])
{
  g_auto(GStrv) listed = NULL;
  g_autoptr(GPtrArray) languages = g_ptr_array_new_with_free_func (g_free);
  int status;

  g_assert_nonnull (g_getenv ("SERIALTRACK_LOCALEDIR"));
  g_assert_nonnull (g_getenv ("SERIALTRACK_LINGUAS"));
  g_assert_nonnull (g_getenv ("SERIALTRACK_CLI"));

  /* As main () does, with the build tree's catalogues. */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("SERIALTRACK_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* German and French always (skipped while missing from LINGUAS), and every listed language. */
  g_ptr_array_add (languages, g_strdup ("de"));
  g_ptr_array_add (languages, g_strdup ("fr"));
  listed = g_strsplit (g_getenv ("SERIALTRACK_LINGUAS"), " ", -1);
  for (guint i = 0; listed[i] != NULL; i++)
    if (*listed[i] != '\0' && !g_ptr_array_find_with_equal_func (languages, listed[i],
                                                                   g_str_equal, NULL))
      g_ptr_array_add (languages, g_strdup (listed[i]));

  /* GLib decides once whether g_dgettext () translates, from the first catalogue it sees:
   * let it see a translated one. */
  if (listed[0] != NULL && *listed[0] != '\0')
    use_language (listed[0]);

  have_display = g_getenv ("DISPLAY") != NULL || g_getenv ("WAYLAND_DISPLAY") != NULL;
  if (have_display)
    gtk_test_init (&argc, &argv, NULL);
  else
    g_test_init (&argc, &argv, NULL);

  if (have_display)
    {
      g_autoptr(GError) error = NULL;

      app = st_application_new ();
      g_application_set_flags (G_APPLICATION (app),
                               G_APPLICATION_HANDLES_COMMAND_LINE | G_APPLICATION_NON_UNIQUE);
      g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
      g_assert_no_error (error);
    }

  for (guint i = 0; i < languages->len; i++)
    {
      const char *lang = g_ptr_array_index (languages, i);
      g_autofree char *refusal = g_strdup_printf ("/po/runtime/%s/cli-refusal", lang);
      g_autofree char *help = g_strdup_printf ("/po/runtime/%s/cli-help", lang);
      g_autofree char *export = g_strdup_printf ("/po/runtime/%s/export-sheets", lang);
      g_autofree char *window = g_strdup_printf ("/po/runtime/%s/window", lang);

      g_test_add (refusal, Fixture, lang, fixture_setup, test_cli_refusal, fixture_teardown);
      g_test_add (help, Fixture, lang, fixture_setup, test_cli_help, fixture_teardown);
      g_test_add (export, Fixture, lang, fixture_setup, test_cli_export, fixture_teardown);
      g_test_add (window, Fixture, lang, fixture_setup, test_window, fixture_teardown);
    }
  g_test_add ("/po/runtime/de/formats", Fixture, NULL, fixture_setup, test_formats_de,
              fixture_teardown);

  status = g_test_run ();

  g_clear_object (&app);
  return status;
}
