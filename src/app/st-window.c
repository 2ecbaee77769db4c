/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "st-window"

#include "config.h"

#include <glib/gi18n.h>

#include "st-application.h"
#include "st-contacts-view.h"
#include "st-count-page.h"
#include "st-counts-view.h"
#include "st-documents-view.h"
#include "st-items-view.h"
#include "st-service-page.h"
#include "st-unit-page.h"
#include "st-units-view.h"
#include "st-warehouses-view.h"
#include "st-window-private.h"

G_DEFINE_FINAL_TYPE (StWindow, st_window, GTK_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The document views: their names (st_window_get_view, win.view) and stack titles.  Sales
 * and vendor returns share the "Returns" page, each with its own tab. */
static const struct
{
  StDocKind   kind;
  const char *name;
  const char *title;
} document_pages[] = {
  { ST_DOC_BILL, "bills", N_("Bills") },
  { ST_DOC_INVOICE, "invoices", N_("Invoices") },
  { ST_DOC_TRANSFER, "transfers", N_("Transfers") },
  { ST_DOC_ADJUSTMENT, "adjustments", N_("Adjustments") },
  { ST_DOC_RETURN, "returns", N_("Sales Returns") },
  { ST_DOC_VENDOR_RETURN, "vendor-returns", N_("Vendor Returns") },
};

static void
update_title (StWindow *self)
{
  const char *location;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;

  if (self->store == NULL)
    return;

  /* A server's connection string may hold a password typed in this run: show only the
   * database and the server, never the string itself. */
  location = st_store_get_path (self->store);
  if (st_store_location_is_server (location))
    {
      name = st_store_location_display (location);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->subtitle_label), name);
    }
  else
    {
      name = g_path_get_basename (location);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->subtitle_label), location);
    }
  gtk_label_set_text (self->subtitle_label, name);

  /* Translators: the window title: the app's name and the database's name (a file's name,
   * or a database on a server) */
  title = g_strdup_printf (_("SerialTrack — %s"), name);
  gtk_window_set_title (GTK_WINDOW (self), title);
}

/* The Units view lists serial-numbered units: without serial tracking it leaves the sidebar. */
static void
update_units_page (StWindow *self)
{
  gboolean serial = self->store != NULL
                    && st_store_get_tracking (self->store) == ST_TRACKING_SERIAL;

  gtk_stack_page_set_visible (gtk_stack_get_page (self->view_stack, self->units_view), serial);
}

static void
update_sample_offer (StWindow *self)
{
  gboolean empty = self->store != NULL && st_store_is_empty (self->store);

  /* Offer sample data to an empty inventory only; once it has anything, stop asking. */
  if (!empty)
    gtk_info_bar_set_revealed (self->sample_bar, FALSE);
}

void
st_window_refresh (StWindow *self)
{
  g_return_if_fail (ST_IS_WINDOW (self));

  g_clear_handle_id (&self->refresh_source, g_source_remove);

  st_list_page_refresh (ST_LIST_PAGE (self->items_view));
  update_units_page (self);
  st_list_page_refresh (ST_LIST_PAGE (self->units_view));
  for (guint i = 0; i < ST_N_DOC_KINDS; i++)
    st_list_page_refresh (ST_LIST_PAGE (self->document_views[i]));
  st_list_page_refresh (ST_LIST_PAGE (self->service_view));
  st_list_page_refresh (ST_LIST_PAGE (self->warranty_view));
  st_list_page_refresh (ST_LIST_PAGE (self->contacts_view));
  st_list_page_refresh (ST_LIST_PAGE (self->warehouses_view));
  if (st_unit_page_get_unit_id (ST_UNIT_PAGE (self->unit_page)) != 0)
    st_unit_page_reload (ST_UNIT_PAGE (self->unit_page));
  if (st_service_page_get_number (ST_SERVICE_PAGE (self->service_page)) != NULL)
    st_service_page_reload (ST_SERVICE_PAGE (self->service_page));
  st_list_page_refresh (ST_LIST_PAGE (self->counts_view));
  st_count_page_reload (ST_COUNT_PAGE (self->count_page));

  update_sample_offer (self);
  _st_window_update_actions (self);
}

static gboolean
refresh_idle_cb (gpointer data)
{
  StWindow *self = data;

  self->refresh_source = 0;
  st_window_refresh (self);

  return G_SOURCE_REMOVE;
}

/* Any write, also one made by another window on the same file, refreshes the views. */
static void
store_changed_cb (StWindow *self)
{
  if (self->refresh_source == 0)
    self->refresh_source = g_idle_add (refresh_idle_cb, self);
}

/* Live views: another program on the same file (the CLI) or another desk on the server has
 * written — the store says so with "changed", which refreshes the views as above.  Asking is
 * cheap (PRAGMA data_version; notifications the server already sent): every second while the
 * window is shown, also when another window has the focus (a second screen at the counter),
 * every few seconds while it is hidden. */
#define POLL_INTERVAL_MS  1000
#define POLL_HIDDEN_EVERY    5

static gboolean
poll_changes_cb (gpointer data)
{
  StWindow *self = data;

  self->poll_ticks++;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)) || self->poll_ticks % POLL_HIDDEN_EVERY == 0)
    st_store_poll_changes (self->store);

  return G_SOURCE_CONTINUE;
}

/* Coming back to the window shows what others did meanwhile at once. */
static void
is_active_changed_cb (StWindow *self)
{
  if (gtk_window_is_active (GTK_WINDOW (self)) && self->store != NULL)
    st_store_poll_changes (self->store);
}

/* A list view reads its list when it is first shown or asked for, not when the window opens:
 * each one that has rows builds and measures their widgets, so that loading every view of a
 * big inventory at once tripled the time to the first frame (and added 80 MB). */
static GtkWidget *
load_view (StWindow  *self,
           GtkWidget *view)
{
  if (view == NULL || self->store == NULL)
    return view;

  if (ST_IS_LIST_PAGE (view) && st_list_page_get_store (ST_LIST_PAGE (view)) == NULL)
    st_list_page_set_store (ST_LIST_PAGE (view), self->store);

  return view;
}

static void
load_visible_views (StWindow *self)
{
  load_view (self, _st_window_inner_view (self, gtk_stack_get_visible_child (self->view_stack)));
}

GtkWidget *
st_window_get_view (StWindow   *self,
                    const char *name)
{
  g_return_val_if_fail (ST_IS_WINDOW (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (g_str_equal (name, "items"))
    return load_view (self, self->items_view);
  if (g_str_equal (name, "units"))
    return load_view (self, self->units_view);
  if (g_str_equal (name, "unit"))
    return self->unit_page;
  if (g_str_equal (name, "service"))
    return load_view (self, self->service_view);
  if (g_str_equal (name, "warranty-expiring"))
    return load_view (self, self->warranty_view);
  if (g_str_equal (name, "service-case"))
    return self->service_page;
  if (g_str_equal (name, "counts"))
    return load_view (self, self->counts_view);
  if (g_str_equal (name, "count"))
    return self->count_page;
  if (g_str_equal (name, "contacts"))
    return load_view (self, self->contacts_view);
  if (g_str_equal (name, "warehouses"))
    return load_view (self, self->warehouses_view);

  for (guint i = 0; i < G_N_ELEMENTS (document_pages); i++)
    if (g_str_equal (name, document_pages[i].name))
      return load_view (self, self->document_views[document_pages[i].kind]);

  return NULL;
}

void
st_window_show_view (StWindow   *self,
                     const char *name)
{
  GtkWidget *view;

  g_return_if_fail (ST_IS_WINDOW (self));

  view = st_window_get_view (self, name);
  if (view == NULL)
    return;

  _st_window_show_view_widget (self, view);
}

StStore *
st_window_get_store (StWindow *self)
{
  g_return_val_if_fail (ST_IS_WINDOW (self), NULL);

  return self->store;
}

void
st_window_show_error (StWindow     *self,
                      const char   *title,
                      const GError *error)
{
  g_return_if_fail (ST_IS_WINDOW (self));
  g_return_if_fail (error != NULL);

  gtk_label_set_text (self->error_title_label, title);
  gtk_widget_set_visible (GTK_WIDGET (self->error_title_label), title != NULL);
  gtk_label_set_text (self->error_label, error->message);
  gtk_info_bar_set_revealed (self->error_bar, TRUE);
}

gboolean
st_window_get_sample_offer (StWindow *self)
{
  g_return_val_if_fail (ST_IS_WINDOW (self), FALSE);

  return gtk_info_bar_get_revealed (self->sample_bar);
}

static void
error_bar_response_cb (StWindow *self,
                       int       response)
{
  gtk_info_bar_set_revealed (self->error_bar, FALSE);
}

static void
sample_bar_response_cb (StWindow *self,
                        int       response)
{
  if (response == 1)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.load-sample-data", NULL);
  else
    gtk_info_bar_set_revealed (self->sample_bar, FALSE);
}

static void
visible_view_changed_cb (StWindow *self)
{
  if (self->store != NULL)
    load_visible_views (self);
  _st_window_update_actions (self);
}

StWindow *
st_window_new (GtkApplication *application,
               StStore        *store)
{
  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (ST_IS_STORE (store), NULL);

  return g_object_new (ST_TYPE_WINDOW,
                       "application", application,
                       "store", store,
                       NULL);
}

/* The application is set after construction (GtkWindow:application is not a construct
 * property), but before the window is shown: read the remembered size then. */
static void
load_window_state (StWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  int width, height;

  if (self->settings != NULL || !ST_IS_APPLICATION (app))
    return;

  self->settings = st_application_get_settings (ST_APPLICATION (app));
  if (self->settings == NULL)
    return;

  g_object_ref (self->settings);
  width = g_settings_get_int (self->settings, "window-width");
  height = g_settings_get_int (self->settings, "window-height");
  if (width > 0 && height > 0)
    gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static void
save_window_state (StWindow *self)
{
  int width, height;
  gboolean maximized;

  if (self->settings == NULL)
    return;

  maximized = gtk_window_is_maximized (GTK_WINDOW (self));
  g_settings_set_boolean (self->settings, "window-maximized", maximized);

  /* While maximized, the default size is still the one to come back to. */
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  if (width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
}

static gboolean
st_window_close_request (GtkWindow *window)
{
  save_window_state (ST_WINDOW (window));

  return GTK_WINDOW_CLASS (st_window_parent_class)->close_request (window);
}

static void
add_views (StWindow *self)
{
  GtkWidget *returns_box;
  GtkWidget *switcher;

  self->items_view = GTK_WIDGET (st_items_view_new ());
  gtk_stack_add_titled (self->view_stack, self->items_view, "items", _("Items"));
  self->units_view = GTK_WIDGET (st_units_view_new ());
  gtk_stack_add_titled (self->view_stack, self->units_view, "units", _("Units"));

  for (guint i = 0; i < G_N_ELEMENTS (document_pages); i++)
    self->document_views[document_pages[i].kind] =
      GTK_WIDGET (st_documents_view_new (document_pages[i].kind));

  for (guint i = 0; i < 4; i++)
    gtk_stack_add_titled (self->view_stack,
                          self->document_views[document_pages[i].kind],
                          document_pages[i].name,
                          _(document_pages[i].title));

  /* Returns: sales returns and vendor returns, one tab each, under one page. */
  self->returns_stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_set_transition_type (self->returns_stack, GTK_STACK_TRANSITION_TYPE_CROSSFADE);
  g_signal_connect_object (self->returns_stack, "notify::visible-child",
                           G_CALLBACK (visible_view_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_set_vexpand (GTK_WIDGET (self->returns_stack), TRUE);
  for (guint i = 4; i < G_N_ELEMENTS (document_pages); i++)
    gtk_stack_add_titled (self->returns_stack,
                          self->document_views[document_pages[i].kind],
                          document_pages[i].name,
                          _(document_pages[i].title));

  switcher = gtk_stack_switcher_new ();
  gtk_stack_switcher_set_stack (GTK_STACK_SWITCHER (switcher), self->returns_stack);
  gtk_widget_set_halign (switcher, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_top (switcher, 6);

  returns_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (returns_box), switcher);
  gtk_box_append (GTK_BOX (returns_box), GTK_WIDGET (self->returns_stack));
  gtk_stack_add_titled (self->view_stack, returns_box, "returns", _("Returns"));

  _st_window_add_service_views (self);
  g_signal_connect_object (self->service_stack, "notify::visible-child",
                           G_CALLBACK (visible_view_changed_cb), self, G_CONNECT_SWAPPED);
  /* Stock counts: the list, and a count's page (untitled: not in the switcher). */
  self->counts_view = GTK_WIDGET (st_counts_view_new ());
  gtk_stack_add_titled (self->view_stack, self->counts_view, "counts", _("Counts"));
  self->count_page = GTK_WIDGET (st_count_page_new ());
  gtk_stack_add_named (self->view_stack, self->count_page, "count");

  /* Master data (DESIGN §11): who we buy from and sell to, and where stock is kept. */
  self->contacts_view = GTK_WIDGET (st_contacts_view_new ());
  gtk_stack_add_titled (self->view_stack, self->contacts_view, "contacts", _("Contacts"));
  self->warehouses_view = GTK_WIDGET (st_warehouses_view_new ());
  gtk_stack_add_titled (self->view_stack, self->warehouses_view, "warehouses", _("Warehouses"));
}

static void
st_window_constructed (GObject *object)
{
  StWindow *self = ST_WINDOW (object);

  G_OBJECT_CLASS (st_window_parent_class)->constructed (object);

  g_assert (self->store != NULL);

  /* The view shown first is read when the window is mapped: one chosen before then (a
   * test, a benchmark) is the only one read. */
  g_signal_connect (self, "map", G_CALLBACK (load_visible_views), NULL);
  update_units_page (self);
  st_unit_page_set_store (ST_UNIT_PAGE (self->unit_page), self->store);
  st_service_page_set_store (ST_SERVICE_PAGE (self->service_page), self->store);
  st_count_page_set_store (ST_COUNT_PAGE (self->count_page), self->store);

  g_signal_connect_object (self->store, "changed", G_CALLBACK (store_changed_cb),
                           self, G_CONNECT_SWAPPED);

  self->poll_source = g_timeout_add (POLL_INTERVAL_MS, poll_changes_cb, self);
  g_signal_connect (self, "notify::is-active", G_CALLBACK (is_active_changed_cb), NULL);
  gtk_info_bar_set_revealed (self->read_only_bar, st_store_is_read_only (self->store));

  update_title (self);
  /* Start in the list, not in its filter: typing (or a scanner) then goes to the serial
   * search, which captures keys for the whole window. */
  gtk_widget_grab_focus (self->items_view);
  gtk_info_bar_set_revealed (self->sample_bar, st_store_is_empty (self->store)
                                              && !st_store_is_read_only (self->store));
  load_window_state (self);
  g_signal_connect (self, "notify::application", G_CALLBACK (load_window_state), NULL);
  _st_window_update_actions (self);
}

static void
st_window_dispose (GObject *object)
{
  StWindow *self = ST_WINDOW (object);

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  g_clear_handle_id (&self->poll_source, g_source_remove);
  _st_window_dispose_actions (self);
  _st_window_dispose_navigation (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), ST_TYPE_WINDOW);

  g_clear_object (&self->settings);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (st_window_parent_class)->dispose (object);
}

static void
st_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  StWindow *self = ST_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
st_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  StWindow *self = ST_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static gboolean
toggle_sidebar_cb (GtkWidget *widget,
                   GVariant  *args,
                   gpointer   user_data)
{
  StWindow *self = ST_WINDOW (widget);

  gtk_toggle_button_set_active (self->sidebar_button,
                                !gtk_toggle_button_get_active (self->sidebar_button));

  return TRUE;
}

static void
st_window_class_init (StWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = st_window_constructed;
  object_class->dispose = st_window_dispose;
  object_class->get_property = st_window_get_property;
  object_class->set_property = st_window_set_property;

  window_class->close_request = st_window_close_request;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         ST_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/SerialTrack/st-window.ui");
  gtk_widget_class_bind_template_child (widget_class, StWindow, title_label);
  gtk_widget_class_bind_template_child (widget_class, StWindow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, StWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, StWindow, sample_bar);
  gtk_widget_class_bind_template_child (widget_class, StWindow, error_bar);
  gtk_widget_class_bind_template_child (widget_class, StWindow, read_only_bar);
  gtk_widget_class_bind_template_child (widget_class, StWindow, error_title_label);
  gtk_widget_class_bind_template_child (widget_class, StWindow, error_label);
  gtk_widget_class_bind_template_child (widget_class, StWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, StWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, StWindow, sidebar_revealer);
  gtk_widget_class_bind_template_child (widget_class, StWindow, sidebar_button);
  gtk_widget_class_bind_template_child (widget_class, StWindow, overlay);
  gtk_widget_class_bind_template_child (widget_class, StWindow, search_popover);
  gtk_widget_class_bind_template_child (widget_class, StWindow, search_message_label);
  gtk_widget_class_bind_template_child (widget_class, StWindow, search_results_scroller);
  gtk_widget_class_bind_template_child (widget_class, StWindow, search_results);
  gtk_widget_class_bind_template_callback (widget_class, sample_bar_response_cb);
  gtk_widget_class_bind_template_callback (widget_class, error_bar_response_cb);
  gtk_widget_class_bind_template_callback (widget_class, visible_view_changed_cb);

  /* F9 shows or hides the views' sidebar, as in other GNOME apps. */
  gtk_widget_class_add_binding (widget_class, GDK_KEY_F9, 0, toggle_sidebar_cb, NULL);

  _st_window_class_init_actions (widget_class);
  _st_window_class_init_navigation (widget_class);
  _st_window_class_init_service (widget_class);
}

static void
st_window_init (StWindow *self)
{
  g_autoptr(GtkBuilder) builder = NULL;
  GtkShortcutsWindow *overlay;

  gtk_widget_init_template (GTK_WIDGET (self));

  builder = gtk_builder_new_from_resource ("/org/example/SerialTrack/st-shortcuts-window.ui");
  overlay = GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
  gtk_application_window_set_help_overlay (GTK_APPLICATION_WINDOW (self), overlay);

  add_views (self);
  _st_window_init_actions (self);
  _st_window_init_navigation (self);
}
