/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-test-app.h — what every app test shares: the application under test, the main loop
 * helpers, widget look-ups, the toplevels' teardown and the temporary database directory. */
#pragma once

#include <gtk/gtk.h>

#include "st-application.h"
#include "st-editor-line.h"
#include "st-export-dialog.h"
#include "st-window.h"

G_BEGIN_DECLS

/* Checks for a display, sets the locale, initialises GTK's tests (no cursor blink) and
 * registers a non-unique StApplication.  NULL without a display (said so): main returns 77 then. */
StApplication *st_test_app_start       (int           *argc,
                                        char        ***argv);
/* g_test_run (), then the application is released; returns the run's status. */
int            st_test_app_run         (StApplication **app);

/* Main loop helpers. */
void           st_test_spin            (void);
/* A timeout's callback: sets the gboolean at @data, once. */
gboolean       st_test_timeout_cb      (gpointer       data);
/* Runs the main loop for @ms milliseconds, then spins. */
void           st_test_wait_ms         (guint          ms);

typedef gboolean (*StTestCondition) (gpointer data);

/* Runs the main loop until @condition holds (asserting it does within 10 s); no spin after. */
void           st_test_wait_until      (StTestCondition condition,
                                        gpointer        data);
/* Runs the main loop until *@flag is set (asserting it is within 10 s), then spins. */
void           st_test_wait_for        (gboolean      *flag);
/* Does what the key @keyval with @modifiers is bound to on @widget, found among its shortcut
 * controllers (its class key bindings; GTK 4 offers no way to synthesise a key press), then
 * spins.  FALSE if nothing is bound to it. */
gboolean       st_test_press_shortcut  (GtkWidget       *widget,
                                        guint            keyval,
                                        GdkModifierType  modifiers);

/* Widgets. */
gpointer       st_test_template_child  (gpointer       widget,
                                        GType          type,
                                        const char    *name);
/* A test on one widget, for st_test_find_widget(). */
typedef gboolean (*StTestWidgetMatch) (GtkWidget     *widget,
                                       gconstpointer  data);

/* The first widget @match accepts under @widget (itself included, depth first), or NULL. */
GtkWidget     *st_test_find_widget     (GtkWidget         *widget,
                                        StTestWidgetMatch  match,
                                        gconstpointer      data);
/* The first widget named @name (gtk_widget_set_name()) under @widget, or NULL. */
GtkWidget     *st_test_find_named      (GtkWidget     *widget,
                                        const char    *name);
/* Whether a label or cell (GtkInscription) reading @text is shown under @widget: mapped and
 * allocated, painted in the frame being finished. */
gboolean       st_test_shows_text      (GtkWidget     *widget,
                                        const char    *text);
/* The column of @view titled @title (asserted to be there). */
GtkColumnViewColumn *st_test_column_titled (GtkColumnView *view,
                                            const char    *title);
/* Waits until no master-data dialog (StEditDialog) is writing its form in the store's worker:
 * after Add/Save, the dialog has closed or shows why not. */
void           st_test_wait_edit_dialogs (void);
/* The first toplevel of @type (a visible one only, if @visible_only), or NULL. */
gpointer       st_test_find_toplevel   (GType          type,
                                        gboolean       visible_only);
/* The same, asserted to be there. */
gpointer       st_test_get_toplevel    (GType          type,
                                        gboolean       visible_only);

typedef gboolean (*StTestWindowFilter) (GObject *window);

/* Destroys every toplevel @filter accepts, then spins. */
void           st_test_destroy_toplevels_if (StTestWindowFilter filter);
/* One of our own toplevels (type name St…). */
gboolean       st_test_is_own_window        (GObject *window);
/* Our own toplevels: the main windows if @main_windows, else the others. */
void           st_test_destroy_toplevels    (gboolean main_windows);

/* Every toplevel, GTK's own too: the dialogs first, then the main windows they are transient
 * for. */
void           st_test_destroy_all_toplevels (void);

/* Temporary directories: a new one from @tmpl (asserted), and one emptied and removed (NULL:
 * nothing; files made read-only by a test are removed as well). */
char          *st_test_make_tmp_dir    (const char    *tmpl);
void           st_test_remove_dir      (const char    *dir);

/* A new database file in a new temporary directory (@tmpl as for st_test_make_tmp_dir()):
 * sets @dir and @path and returns the store open on it, to be filled through the core as
 * another program would before the window opens it. */
StStore       *st_test_create_database (const char    *tmpl,
                                        char         **dir,
                                        char         **path);
/* A fixture's teardown: the dialogs and unit pages first, then the windows they are transient
 * for; removes @dir and frees @dir and @path. */
void           st_test_close_database  (char          *dir,
                                        char          *path);

/* The build tree's catalogues (SERIALTRACK_LOCALEDIR, where set) bound as main.c binds the
 * installed ones: a run with LANGUAGE=de shows German (for screenshots). */
void           st_test_bind_catalogues (void);
/* With ST_TEST_SHOTS set to a file prefix: the X screen as it is saved as PREFIX@name.png with
 * `import -window root` (run on an 800 x 600 Xvfb); nothing otherwise. */
void           st_test_shoot           (const char    *name);
/* Renders @widget as it is drawn now to a PNG file at @path (asserted). */
void           st_test_save_widget_png (GtkWidget     *widget,
                                        const char    *path);
/* Answers the file chooser an export opened (a GtkFileChooserDialog without a portal): checks
 * the name it suggests (unless @suggested is NULL), saves as @name in @folder and returns the
 * export's progress dialog. */
gpointer       st_test_answer_export_chooser (const char *folder,
                                              const char *suggested,
                                              const char *name);

/* What an export's progress dialog said when it finished (its "finished" signal). */
typedef struct
{
  gboolean  done;
  GFile    *file;
  GError   *error;
} StTestExport;

/* Records @dialog's "finished" in @export (zeroed by the caller; st_test_wait_for() on its
 * done), and frees what it recorded. */
void           st_test_export_watch    (StExportDialog *dialog,
                                        StTestExport   *export);
void           st_test_export_clear    (StTestExport   *export);
/* st_test_answer_export_chooser(), then waits for the export and asserts it succeeded. */
void           st_test_save_export     (const char     *folder,
                                        const char     *suggested,
                                        const char     *name);

/* Opens @location in a new window of @app, asserting it opens. */
StWindow      *st_test_open_window     (StApplication *app,
                                        const char    *location);
/* Closes @store (its last reference: the database a test filled through the core, as another
 * program would), then opens @location in a new window of @app as st_test_open_window() does
 * and spins. */
StWindow      *st_test_open_filled     (StApplication *app,
                                        StStore       *store,
                                        const char    *location);

/* A document editor's line: its item chosen in the drop-down (asserted to be offered), its
 * quantity typed. */
void           st_test_line_choose_item   (StEditorLine  *line,
                                           StItem        *item);
void           st_test_line_set_quantity  (StEditorLine  *line,
                                           double         quantity);

/* Master data through the core, asserted (what is added is not kept). */
void           st_test_add_item        (StStore          *store,
                                        const StItemSpec *spec);
void           st_test_add_contact     (StStore          *store,
                                        StContactKind     kind,
                                        const char       *name);
void           st_test_add_warehouse   (StStore          *store,
                                        const char       *name);

/* Postings and look-ups through the core, asserted. */
StDocument    *st_test_post            (StStore       *store,
                                        StDraft       *draft);
/* A document of one line of @sku carrying @serials (comma-separated; the line's quantity is
 * their number), posted as st_test_post() does.  Strings not given are not set, but for the
 * warehouse: the first one; a rate of 0 sets none. */
typedef struct
{
  StDocKind   kind;
  const char *number;
  const char *date;
  const char *contact;
  const char *warehouse;
  const char *sku;
  gint64      rate;
  const char *serials;
} StTestPosting;

StDocument    *st_test_post_serials    (StStore             *store,
                                        const StTestPosting *posting);
char          *st_test_first_warehouse (StStore       *store);

G_END_DECLS
