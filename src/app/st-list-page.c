/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "st-list-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "st-columns.h"
#include "st-list-page-private.h"
#include "st-row-slots.h"
#include "st-window.h"

typedef struct
{
  /* Template widgets */
  GtkStack          *stack;
  GtkBox            *toolbar;
  GtkFlowBox        *actions;      /* the "end" children: wrap onto a second line when narrow */
  GtkSearchEntry    *filter_entry;
  GtkLabel          *count_label;
  GtkPaned          *paned;
  GtkColumnView     *column_view;
  GtkBox            *empty_box;
  GtkBox            *top_box;
  GtkLabel          *empty_title_label;
  GtkLabel          *empty_description_label;
  GtkLabel          *error_label;
  GtkDropDown       *status_dropdown;   /* the subclass's, or NULL */

  /* Owned */
  StStore           *store;
  StListModel       *model;
  StRowSlots        *rows;       /* NULL, or the stable rows over model */
  GtkSelectionModel *selection;
  GMenuModel        *context_menu;
  GtkWidget         *context_popover;
  int                status;            /* the status chosen in status_dropdown, or -1 */

  /* Putting the focus on the selected row once it is laid out (st_list_page_show_id). */
  guint              focus_tick;
  guint              focus_tries;

  /* Where a refreshed list was scrolled to, put back once its new rows are laid out. */
  GtkAdjustment     *scroll_adjustment;
  gulong             scroll_handler;
  double             scroll_value;
  /* A row's Archive, Restore or Delete running in the store's worker, and the title of its
   * refusal (N_()). */
  gboolean           row_busy;
  const char        *row_failed;
} StListPagePrivate;

static void st_list_page_buildable_init (GtkBuildableIface *iface);

G_DEFINE_ABSTRACT_TYPE_WITH_CODE (StListPage, st_list_page, GTK_TYPE_WIDGET,
                                  G_ADD_PRIVATE (StListPage)
                                  G_IMPLEMENT_INTERFACE (GTK_TYPE_BUILDABLE,
                                                         st_list_page_buildable_init))

static GtkBuildableIface *parent_buildable_iface;

enum {
  PROP_0,
  PROP_STORE,
  PROP_PLACEHOLDER_TEXT,
  PROP_EMPTY_TITLE,
  PROP_EMPTY_DESCRIPTION,
  PROP_LIST_WIDTH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static guint
n_rows (StListPage *self)
{
  StListPagePrivate *priv = st_list_page_get_instance_private (self);

  return priv->model != NULL ? g_list_model_get_n_items (G_LIST_MODEL (priv->model)) : 0;
}

/* Which page shows: the error of a failed query, never an empty list in its place; the empty
 * page for a list with nothing in it, not for a filter that finds nothing. */
static void
update_state (StListPage *self)
{
  StListPagePrivate *priv = st_list_page_get_instance_private (self);
  StListPageClass *klass = ST_LIST_PAGE_GET_CLASS (self);
  g_autofree char *count = NULL;
  const GError *error = NULL;
  guint n = n_rows (self);

  if (priv->model != NULL)
    error = st_list_model_get_error (priv->model);

  if (error != NULL)
    {
      gtk_label_set_text (priv->error_label, error->message);
      gtk_stack_set_visible_child_name (priv->stack, "error");
    }
  else if (n == 0
           && (priv->model == NULL || st_list_model_get_filter (priv->model) == NULL)
           && priv->status < 0
           && (klass->is_narrowed == NULL || !klass->is_narrowed (self)))
    gtk_stack_set_visible_child_name (priv->stack, "empty");
  else
    gtk_stack_set_visible_child_name (priv->stack, "list");

  count = klass->format_count (self, n);
  gtk_label_set_text (priv->count_label, count);
}

void
_st_list_page_update_state (StListPage *self)
{
  g_return_if_fail (ST_IS_LIST_PAGE (self));

  update_state (self);
}

/* The rows show other rows (a new filter or a refresh): stable rows keep their widgets and
 * show them; a selection of stable rows meant the old ones. */
static void
rows_replaced (StListPage *self)
{
  StListPagePrivate *priv = st_list_page_get_instance_private (self);

  if (priv->rows != NULL)
    {
      st_row_slots_reload (priv->rows);
      gtk_selection_model_unselect_all (priv->selection);
    }
  update_state (self);
}

static void
set_model (StListPage  *self,
           StListModel *model)
{
  StListPagePrivate *priv = st_list_page_get_instance_private (self);

  if (priv->model != NULL)
    g_signal_handlers_disconnect_by_data (priv->model, self);
  g_clear_object (&priv->model);
  priv->model = model;

  if (model != NULL)
    {
      const char *filter = gtk_editable_get_text (GTK_EDITABLE (priv->filter_entry));
      gboolean descending;
      StSortKey key;

      key = st_columns_get_sort (priv->column_view, &descending);
      if (key != ST_SORT_DEFAULT)
        st_list_model_set_sort (model, key, descending);
      if (*filter != '\0')
        st_list_model_set_filter (model, filter);
      g_signal_connect_object (model, "items-changed", G_CALLBACK (update_state), self,
                               G_CONNECT_SWAPPED);
    }

  if (priv->rows != NULL)
    {
      st_row_slots_set_model (priv->rows, G_LIST_MODEL (model));
      gtk_selection_model_unselect_all (priv->selection);
    }
  else
    gtk_single_selection_set_model (GTK_SINGLE_SELECTION (priv->selection), G_LIST_MODEL (model));

  update_state (self);
}

static void
filter_changed_cb (StListPage *self)
{
  StListPagePrivate *priv = st_list_page_get_instance_private (self);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (priv->filter_entry));

  if (priv->model == NULL)
    return;

  st_list_model_set_filter (priv->model, *text ? text : NULL);
  rows_replaced (self);
}

static void update_row_actions (StListPage *self);

static void
row_selected (StListPage *self,
              gpointer    row)
{
  StListPageClass *klass = ST_LIST_PAGE_GET_CLASS (self);

  update_row_actions (self);
  if (klass->row_selected != NULL)
    klass->row_selected (self, row);
}

static void
selected_item_cb (StListPage *self)
{
  row_selected (self, _st_list_page_get_selected (self));
}

/* GTK 4.8 has no gtk_column_view_scroll_to() (4.12) and no way to focus a row by position.
 * The GtkListView inside the column view has the "list.scroll-to-item" action, and the row
 * widget of the selected item carries the :selected state: this one helper reaches into the
 * column view for them.  FALSE until the row is laid out and focused. */
static gboolean
column_view_focus_row (GtkColumnView *view,
                       guint          position)
{
  GtkWidget *list = NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (view));
       child != NULL && list == NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      list = child;

  if (list == NULL)
    return FALSE;

  gtk_widget_activate_action (list, "list.scroll-to-item", "u", position);
  for (GtkWidget *row = gtk_widget_get_first_child (list);
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if ((gtk_widget_get_state_flags (row) & GTK_STATE_FLAG_SELECTED)
        && gtk_widget_get_mapped (row))
      return gtk_widget_grab_focus (row);

  return FALSE;
}

static gboolean
focus_selected_tick_cb (GtkWidget     *widget,
                        GdkFrameClock *clock,
                        gpointer       data)
{
  StListPage *self = ST_LIST_PAGE (widget);
  StListPagePrivate *priv = st_list_page_get_instance_private (self);
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (priv->selection);

  /* Before the first layout the list cannot scroll yet: try again on every frame. */
  if (gtk_bitset_is_empty (selected) || ++priv->focus_tries > 10
      || column_view_focus_row (priv->column_view, gtk_bitset_get_minimum (selected)))
    {
      priv->focus_tick = 0;
      return G_SOURCE_REMOVE;
    }

  return G_SOURCE_CONTINUE;
}

static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  st_list_page_refresh (ST_LIST_PAGE (widget));
}

static void
stop_keeping_scroll (StListPage *self)
{
  StListPagePrivate *priv = st_list_page_get_instance_private (self);

  if (priv->scroll_handler != 0)
    g_clear_signal_handler (&priv->scroll_handler, priv->scroll_adjustment);
  g_clear_object (&priv->scroll_adjustment);
}

/* The list's size is known again ("changed" from its allocation): scroll back. */
static void
scroll_adjustment_changed_cb (StListPage    *self,
                              GtkAdjustment *adjustment)
{
  StListPagePrivate *priv = st_list_page_get_instance_private (self);
  double value = priv->scroll_value;

  stop_keeping_scroll (self);
  gtk_adjustment_set_value (adjustment, value);
}

static void
st_list_page_real_refresh (StListPage *self)
{
  StListPagePrivate *priv = st_list_page_get_instance_private (self);
  StListPageClass *klass = ST_LIST_PAGE_GET_CLASS (self);
  gpointer selected = _st_list_page_get_selected (self);
  GtkAdjustment *adjustment;
  gint64 previous = 0;
  double scrolled;

  if (priv->model == NULL)
    return;

  if (selected != NULL && klass->get_row_id != NULL)
    previous = klass->get_row_id (self, selected);

  /* Somebody else's posting refreshes the list under the reader's eyes: it stays where it
   * was scrolled to.  GTK scrolls a list whose rows were all replaced back to the top, and
   * can scroll it back only once the new rows are laid out. */
  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (priv->column_view));
  if (priv->scroll_adjustment != NULL)
    scrolled = priv->scroll_value;
  else
    scrolled = adjustment != NULL ? gtk_adjustment_get_value (adjustment) : 0.0;
  stop_keeping_scroll (self);

  st_list_model_refresh (priv->model);

  /* Refreshing replaces every row, which drops the selection: put it back by id, and show
   * the row as it is now (voided, received …), whether or not the selection moved. */
  if (priv->rows == NULL && previous != 0 && st_list_page_select_id (self, previous))
    selected_item_cb (self);

  rows_replaced (self);

  if (adjustment != NULL && scrolled > 0.0 && gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      priv->scroll_adjustment = g_object_ref (adjustment);
      priv->scroll_value = scrolled;
      priv->scroll_handler = g_signal_connect_object (adjustment, "changed",
                                                      G_CALLBACK (scroll_adjustment_changed_cb),
                                                      self, G_CONNECT_SWAPPED);
    }
}

/* Public API */

StStore *
st_list_page_get_store (StListPage *self)
{
  StListPagePrivate *priv = st_list_page_get_instance_private (self);

  g_return_val_if_fail (ST_IS_LIST_PAGE (self), NULL);

  return priv->store;
}

void
st_list_page_set_store (StListPage *self,
                        StStore    *store)
{
  StListPagePrivate *priv = st_list_page_get_instance_private (self);

  g_return_if_fail (ST_IS_LIST_PAGE (self));
  g_return_if_fail (store == NULL || ST_IS_STORE (store));

  if (!g_set_object (&priv->store, store))
    return;

  /* Nothing shown of the old store's rows is kept. */
  row_selected (self, NULL);
  _st_list_page_reload (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

void
st_list_page_refresh (StListPage *self)
{
  g_return_if_fail (ST_IS_LIST_PAGE (self));

  ST_LIST_PAGE_GET_CLASS (self)->refresh (self);
}

void
st_list_page_focus_filter (StListPage *self)
{
  StListPagePrivate *priv = st_list_page_get_instance_private (self);

  g_return_if_fail (ST_IS_LIST_PAGE (self));

  gtk_widget_grab_focus (GTK_WIDGET (priv->filter_entry));
}

StListModel *
st_list_page_get_model (StListPage *self)
{
  StListPagePrivate *priv = st_list_page_get_instance_private (self);

  g_return_val_if_fail (ST_IS_LIST_PAGE (self), NULL);

  return priv->model;
}

GtkSelectionModel *
st_list_page_get_selection (StListPage *self)
{
  StListPagePrivate *priv = st_list_page_get_instance_private (self);

  g_return_val_if_fail (ST_IS_LIST_PAGE (self), NULL);

  return priv->selection;
}

gboolean
st_list_page_select_id (StListPage *self,
                        gint64      id)
{
  StListPagePrivate *priv = st_list_page_get_instance_private (self);
  gint64 position;

  g_return_val_if_fail (ST_IS_LIST_PAGE (self), FALSE);

  if (priv->model == NULL)
    return FALSE;

  position = st_list_model_find_id (priv->model, id);
  if (position < 0)
    return FALSE;

  return gtk_selection_model_select_item (priv->selection, (guint) position, TRUE);
}

gboolean
st_list_page_show_id (StListPage *self,
                      gint64      id)
{
  StListPagePrivate *priv = st_list_page_get_instance_private (self);

  g_return_val_if_fail (ST_IS_LIST_PAGE (self), FALSE);

  if (priv->model == NULL)
    return FALSE;

  if (st_list_model_find_id (priv->model, id) < 0
      && st_list_model_get_filter (priv->model) != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (priv->filter_entry), "");
      st_list_model_set_filter (priv->model, NULL);
      rows_replaced (self);
    }
  if (!st_list_page_select_id (self, id))
    return FALSE;

  /* The keyboard goes on from the row shown, not from the first row. */
  priv->focus_tries = 0;
  if (priv->focus_tick == 0)
    priv->focus_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), focus_selected_tick_cb,
                                                     NULL, NULL);
  return TRUE;
}

/* For subclasses */

GtkColumnView *
_st_list_page_get_column_view (StListPage *self)
{
  StListPagePrivate *priv = st_list_page_get_instance_private (self);

  g_assert (ST_IS_LIST_PAGE (self));

  return priv->column_view;
}

gpointer
_st_list_page_get_selected (StListPage *self)
{
  StListPagePrivate *priv = st_list_page_get_instance_private (self);

  g_assert (ST_IS_LIST_PAGE (self));

  if (!GTK_IS_SINGLE_SELECTION (priv->selection))
    return NULL;

  return gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (priv->selection));
}

void
_st_list_page_reload (StListPage *self)
{
  StListPagePrivate *priv = st_list_page_get_instance_private (self);

  g_assert (ST_IS_LIST_PAGE (self));

  set_model (self, NULL);
  if (priv->store != NULL)
    set_model (self, ST_LIST_PAGE_GET_CLASS (self)->create_model (self, priv->store));
}

void
_st_list_page_use_row_slots (StListPage *self)
{
  StListPagePrivate *priv = st_list_page_get_instance_private (self);

  g_assert (ST_IS_LIST_PAGE (self));
  g_assert (priv->rows == NULL && priv->model == NULL);

  g_signal_handlers_disconnect_by_data (priv->selection, self);
  g_clear_object (&priv->selection);

  priv->rows = st_row_slots_new (NULL);
  priv->selection =
    GTK_SELECTION_MODEL (gtk_multi_selection_new (g_object_ref (G_LIST_MODEL (priv->rows))));
  gtk_column_view_set_model (priv->column_view, priv->selection);
}

/* Status drop-down */

static void
status_changed_cb (StListPage *self)
{
  StListPagePrivate *priv = st_list_page_get_instance_private (self);
  guint selected = gtk_drop_down_get_selected (priv->status_dropdown);
  int status = selected == GTK_INVALID_LIST_POSITION || selected == 0 ? -1 : (int) selected - 1;

  if (status == priv->status)
    return;

  priv->status = status;
  _st_list_page_reload (self);
}

void
_st_list_page_set_status_dropdown (StListPage   *self,
                                   GtkDropDown  *dropdown,
                                   const char   *all_label,
                                   const char *(*status_label) (int status),
                                   int           n_statuses)
{
  StListPagePrivate *priv = st_list_page_get_instance_private (self);
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);

  g_assert (ST_IS_LIST_PAGE (self));
  g_assert (priv->status_dropdown == NULL);

  gtk_string_list_append (statuses, all_label);
  for (int s = 0; s < n_statuses; s++)
    gtk_string_list_append (statuses, status_label (s));
  priv->status_dropdown = dropdown;
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (statuses));
  gtk_drop_down_set_selected (dropdown, 0);
  g_signal_connect_object (dropdown, "notify::selected", G_CALLBACK (status_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

int
_st_list_page_get_status (StListPage *self)
{
  StListPagePrivate *priv = st_list_page_get_instance_private (self);

  g_assert (ST_IS_LIST_PAGE (self));

  return priv->status;
}

void
_st_list_page_set_status (StListPage *self,
                          int         status)
{
  StListPagePrivate *priv = st_list_page_get_instance_private (self);

  g_assert (ST_IS_LIST_PAGE (self));
  g_assert (priv->status_dropdown != NULL);

  /* The drop-down's notify::selected does the rest. */
  gtk_drop_down_set_selected (priv->status_dropdown, (guint) (status + 1));
}

/* Context menu */

gboolean
_st_list_page_popup_context_menu (StListPage *self,
                                  double      x,
                                  double      y)
{
  StListPagePrivate *priv = st_list_page_get_instance_private (self);
  GdkRectangle rect = { (int) x, (int) y, 1, 1 };

  g_assert (ST_IS_LIST_PAGE (self));

  if (priv->context_menu == NULL || priv->model == NULL)
    return FALSE;
  if (x >= 0 && y >= 0)
    {
      guint position = st_columns_position_at (priv->column_view, x, y);

      if (position == GTK_INVALID_LIST_POSITION)
        return FALSE;
      gtk_selection_model_select_item (priv->selection, position, TRUE);
    }
  else
    {
      graphene_rect_t bounds;

      if (_st_list_page_get_selected (self) == NULL)
        return FALSE;
      /* The keyboard: near the top of the list, where the eye is. */
      if (gtk_widget_compute_bounds (GTK_WIDGET (priv->column_view),
                                     GTK_WIDGET (priv->column_view), &bounds))
        {
          rect.x = (int) (bounds.size.width / 3);
          rect.y = 32;
        }
      else
        rect.x = rect.y = 0;
    }

  if (priv->context_popover == NULL)
    {
      priv->context_popover = gtk_popover_menu_new_from_model (priv->context_menu);
      gtk_widget_set_parent (priv->context_popover, GTK_WIDGET (priv->column_view));
      gtk_popover_set_has_arrow (GTK_POPOVER (priv->context_popover), FALSE);
      gtk_widget_set_halign (priv->context_popover, GTK_ALIGN_START);
    }
  gtk_popover_set_pointing_to (GTK_POPOVER (priv->context_popover), &rect);
  gtk_popover_popup (GTK_POPOVER (priv->context_popover));
  return TRUE;
}

GtkPopover *
_st_list_page_get_context_popover (StListPage *self)
{
  StListPagePrivate *priv = st_list_page_get_instance_private (self);

  return priv->context_popover != NULL ? GTK_POPOVER (priv->context_popover) : NULL;
}

static void
context_click_cb (GtkGestureClick *gesture,
                  int              n_press,
                  double           x,
                  double           y,
                  StListPage      *self)
{
  if (_st_list_page_popup_context_menu (self, x, y))
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static gboolean
context_key_cb (GtkWidget *widget,
                GVariant  *args,
                gpointer   user_data)
{
  return _st_list_page_popup_context_menu (ST_LIST_PAGE (user_data), -1, -1);
}

void
_st_list_page_set_context_menu (StListPage *self,
                                GMenuModel *menu)
{
  StListPagePrivate *priv = st_list_page_get_instance_private (self);
  GtkGesture *click;
  GtkEventController *keys;
  GtkShortcut *shortcut;

  g_assert (ST_IS_LIST_PAGE (self));
  g_assert (priv->context_menu == NULL);

  priv->context_menu = g_object_ref (menu);

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect_object (click, "pressed", G_CALLBACK (context_click_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (priv->column_view), GTK_EVENT_CONTROLLER (click));

  keys = gtk_shortcut_controller_new ();
  shortcut = gtk_shortcut_new (gtk_alternative_trigger_new (gtk_keyval_trigger_new (GDK_KEY_Menu, 0),
                                                            gtk_keyval_trigger_new (GDK_KEY_F10,
                                                                                    GDK_SHIFT_MASK)),
                               gtk_callback_action_new (context_key_cb, self, NULL));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys), shortcut);
  gtk_widget_add_controller (GTK_WIDGET (priv->column_view), keys);
}

/* Row actions: edit, archive, restore, delete (DESIGN §11) */

GtkWindow *
_st_list_page_get_window (StListPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  g_assert (ST_IS_LIST_PAGE (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

void
_st_list_page_show_error (StListPage   *self,
                          const char   *title,
                          const GError *error)
{
  GtkWindow *window = _st_list_page_get_window (self);

  if (ST_IS_WINDOW (window))
    st_window_show_error (ST_WINDOW (window), title, error);
  else
    g_warning ("%s: %s", title, error->message);
}

static void
set_row_action_enabled (StListPage *self,
                        const char *group,
                        const char *action,
                        gboolean    enabled)
{
  g_autofree char *name = g_strconcat (group, ".", action, NULL);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), name, enabled);
}

/* The one place that enables the row actions. */
static void
update_row_actions (StListPage *self)
{
  StListPagePrivate *priv = st_list_page_get_instance_private (self);
  const StListPageRowActions *actions = ST_LIST_PAGE_GET_CLASS (self)->row_actions;
  gpointer row = _st_list_page_get_selected (self);
  gboolean writable = priv->store != NULL && !st_store_is_read_only (priv->store);
  gboolean can = row != NULL && writable && !priv->row_busy;

  if (actions == NULL)
    return;

  set_row_action_enabled (self, actions->group, "edit", can);
  set_row_action_enabled (self, actions->group, "archive", can && !actions->is_archived (row));
  set_row_action_enabled (self, actions->group, "restore", can && actions->is_archived (row));
  set_row_action_enabled (self, actions->group, "delete", can);
}

/* Archive, Restore or Delete of one row, run in the store's worker (never on the main thread:
 * with a database across the network it would freeze the window); the page's row actions
 * wait meanwhile. */
typedef struct
{
  const StListPageRowActions *actions;
  gpointer                    row;        /* owned reference */
  gboolean                    deleting;
  gboolean                    archived;
} RowCall;

static void
row_call_free (RowCall *call)
{
  g_object_unref (call->row);
  g_free (call);
}

static gpointer
row_call_run (StStore       *connection,
              gpointer       data,
              GCancellable  *cancellable,
              GError       **error)
{
  RowCall *call = data;
  gboolean done = call->deleting
                  ? call->actions->delete_row (connection, call->row, error)
                  : call->actions->set_archived (connection, call->row, call->archived, error);

  return done ? GINT_TO_POINTER (TRUE) : NULL;
}

static void
row_call_done_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(StListPage) self = user_data;
  StListPagePrivate *priv = st_list_page_get_instance_private (self);
  g_autoptr(GError) error = NULL;

  priv->row_busy = FALSE;
  if (st_store_run_finish (ST_STORE (source), result, &error) == NULL)
    _st_list_page_show_error (self, _(priv->row_failed), error);
  update_row_actions (self);
  st_list_page_refresh (self);
}

static void
run_row_call (StListPage *self,
              gpointer    row,
              gboolean    deleting,
              gboolean    archived)
{
  StListPagePrivate *priv = st_list_page_get_instance_private (self);
  const StListPageRowActions *actions = ST_LIST_PAGE_GET_CLASS (self)->row_actions;
  RowCall *call = g_new0 (RowCall, 1);

  call->actions = actions;
  call->row = g_object_ref (row);
  call->deleting = deleting;
  call->archived = archived;
  priv->row_busy = TRUE;
  priv->row_failed = deleting ? actions->delete_failed
                              : archived ? actions->archive_failed : actions->restore_failed;
  update_row_actions (self);
  st_store_run_async (priv->store, row_call_run, call, (GDestroyNotify) row_call_free, NULL,
                      TRUE, NULL, row_call_done_cb, g_object_ref (self));
}

gboolean
_st_list_page_is_row_busy (StListPage *self)
{
  StListPagePrivate *priv = st_list_page_get_instance_private (self);

  g_assert (ST_IS_LIST_PAGE (self));

  return priv->row_busy;
}

static void
delete_response_cb (GtkDialog *dialog,
                    int        response,
                    gpointer   user_data)
{
  StListPage *self = ST_LIST_PAGE (user_data);
  StListPagePrivate *priv = st_list_page_get_instance_private (self);
  gpointer row = g_object_get_data (G_OBJECT (dialog), "st-list-page-row");

  if (response == GTK_RESPONSE_ACCEPT && priv->store != NULL && !priv->row_busy)
    run_row_call (self, row, TRUE, FALSE);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
ask_delete (StListPage *self,
            gpointer    row)
{
  const StListPageRowActions *actions = ST_LIST_PAGE_GET_CLASS (self)->row_actions;
  g_autofree char *question = actions->delete_question (row);
  GtkWidget *dialog;
  GtkWidget *button;

  dialog = gtk_message_dialog_new (_st_list_page_get_window (self),
                                   GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE, "%s", question);
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s",
                                            _(actions->delete_detail));
  gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Cancel"), GTK_RESPONSE_CANCEL);
  button = gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Delete"), GTK_RESPONSE_ACCEPT);
  gtk_widget_add_css_class (button, "destructive-action");
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  g_object_set_data_full (G_OBJECT (dialog), "st-list-page-row", g_object_ref (row),
                          g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* "<group>.edit", "<group>.archive", "<group>.restore" and "<group>.delete". */
static void
row_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  StListPage *self = ST_LIST_PAGE (widget);
  StListPagePrivate *priv = st_list_page_get_instance_private (self);
  const StListPageRowActions *actions = ST_LIST_PAGE_GET_CLASS (self)->row_actions;
  const char *action = strrchr (action_name, '.') + 1;
  gpointer row = _st_list_page_get_selected (self);

  if (row == NULL || priv->store == NULL || priv->row_busy)
    return;

  if (g_str_equal (action, "edit"))
    gtk_window_present (actions->new_edit_dialog (_st_list_page_get_window (self), priv->store,
                                                  row));
  else if (g_str_equal (action, "delete"))
    ask_delete (self, row);
  else
    run_row_call (self, row, FALSE, g_str_equal (action, "archive"));
}

/* A double click (or Enter) on a row opens its edit dialog. */
static void
activate_cb (StListPage *self,
             guint       position)
{
  const StListPageRowActions *actions = ST_LIST_PAGE_GET_CLASS (self)->row_actions;
  g_autofree char *name = NULL;

  if (actions == NULL)
    return;
  name = g_strconcat (actions->group, ".edit", NULL);
  gtk_widget_activate_action (GTK_WIDGET (self), name, NULL);
}

void
_st_list_page_class_set_row_actions (StListPageClass            *klass,
                                     const StListPageRowActions *actions)
{
  static const char * const names[] = { "edit", "archive", "restore", "delete" };

  g_assert (ST_IS_LIST_PAGE_CLASS (klass));

  klass->row_actions = actions;
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *name = g_strconcat (actions->group, ".", names[i], NULL);

      gtk_widget_class_install_action (GTK_WIDGET_CLASS (klass), name, NULL, row_action);
    }
}

/* The toolbar's buttons go into a flow box: in a narrow window (800 px, long German or French
 * labels) they wrap onto a second line instead of widening the window.  A button hidden
 * (Receive… outside transfers) hides its place in the box too. */
static void
action_visible_cb (GtkWidget  *button,
                   GParamSpec *pspec,
                   GtkWidget  *box_child)
{
  gtk_widget_set_visible (box_child, gtk_widget_get_visible (button));
}

static void
add_action (GtkFlowBox *actions,
            GtkWidget  *button)
{
  GtkWidget *box_child = gtk_flow_box_child_new ();

  gtk_widget_set_focusable (box_child, FALSE);
  gtk_flow_box_child_set_child (GTK_FLOW_BOX_CHILD (box_child), button);
  gtk_flow_box_append (actions, box_child);
  gtk_widget_set_visible (box_child, gtk_widget_get_visible (button));
  g_signal_connect_object (button, "notify::visible", G_CALLBACK (action_visible_cb),
                           box_child, 0);
}

/* GtkBuildable: where a subclass's template puts its widgets. */

static void
st_list_page_add_child (GtkBuildable *buildable,
                        GtkBuilder   *builder,
                        GObject      *child,
                        const char   *type)
{
  StListPage *self = ST_LIST_PAGE (buildable);
  StListPagePrivate *priv = st_list_page_get_instance_private (self);

  if (g_strcmp0 (type, "start") == 0)
    gtk_box_insert_child_after (priv->toolbar, GTK_WIDGET (child),
                                gtk_widget_get_prev_sibling (GTK_WIDGET (priv->count_label)));
  else if (g_strcmp0 (type, "end") == 0)
    add_action (priv->actions, GTK_WIDGET (child));
  else if (g_strcmp0 (type, "details") == 0)
    gtk_paned_set_end_child (priv->paned, GTK_WIDGET (child));
  else if (g_strcmp0 (type, "empty") == 0)
    gtk_box_append (priv->empty_box, GTK_WIDGET (child));
  else if (g_strcmp0 (type, "top") == 0)
    gtk_box_append (priv->top_box, GTK_WIDGET (child));
  else
    parent_buildable_iface->add_child (buildable, builder, child, type);
}

static void
st_list_page_buildable_init (GtkBuildableIface *iface)
{
  parent_buildable_iface = g_type_interface_peek_parent (iface);
  iface->add_child = st_list_page_add_child;
}

/* GObject */

/* Focus goes to the list, not to the filter above it. */
static gboolean
st_list_page_grab_focus (GtkWidget *widget)
{
  StListPage *self = ST_LIST_PAGE (widget);
  StListPagePrivate *priv = st_list_page_get_instance_private (self);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (priv->stack), "list") == 0)
    return gtk_widget_grab_focus (GTK_WIDGET (priv->column_view));

  return GTK_WIDGET_CLASS (st_list_page_parent_class)->grab_focus (widget);
}

/* Row actions are disabled until a row is selected. */
static void
st_list_page_constructed (GObject *object)
{
  G_OBJECT_CLASS (st_list_page_parent_class)->constructed (object);

  update_row_actions (ST_LIST_PAGE (object));
}

static void
st_list_page_dispose (GObject *object)
{
  StListPage *self = ST_LIST_PAGE (object);
  StListPagePrivate *priv = st_list_page_get_instance_private (self);

  /* The model may outlive the widgets (the selection still holds it): stop listening. */
  if (priv->model != NULL)
    g_signal_handlers_disconnect_by_data (priv->model, self);
  if (priv->selection != NULL)
    g_signal_handlers_disconnect_by_data (priv->selection, self);
  if (priv->focus_tick != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), priv->focus_tick);
      priv->focus_tick = 0;
    }
  stop_keeping_scroll (self);
  if (priv->context_popover != NULL)
    {
      gtk_widget_unparent (priv->context_popover);
      priv->context_popover = NULL;
    }
  g_clear_object (&priv->context_menu);

  /* Not gtk_widget_dispose_template (self, ST_TYPE_LIST_PAGE): GTK 4.8 walks the template of
   * the instance's own class whatever type it is given, so for a subclass it looks for the
   * subclass's children among ours and aborts.  The subclass disposes its template; ours goes
   * as before 4.8: its top widget unparented here, the builder's references at finalize. */
  if (priv->stack != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (priv->stack));
      priv->stack = NULL;
    }

  g_clear_object (&priv->selection);
  g_clear_object (&priv->rows);
  g_clear_object (&priv->model);
  g_clear_object (&priv->store);

  G_OBJECT_CLASS (st_list_page_parent_class)->dispose (object);
}

static void
st_list_page_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  StListPage *self = ST_LIST_PAGE (object);
  StListPagePrivate *priv = st_list_page_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, priv->store);
      break;

    case PROP_PLACEHOLDER_TEXT:
      g_object_get_property (G_OBJECT (priv->filter_entry), "placeholder-text", value);
      break;

    case PROP_EMPTY_TITLE:
      g_value_set_string (value, gtk_label_get_label (priv->empty_title_label));
      break;

    case PROP_EMPTY_DESCRIPTION:
      g_value_set_string (value, gtk_label_get_label (priv->empty_description_label));
      break;

    case PROP_LIST_WIDTH:
      g_value_set_int (value, gtk_paned_get_position (priv->paned));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
st_list_page_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  StListPage *self = ST_LIST_PAGE (object);
  StListPagePrivate *priv = st_list_page_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_STORE:
      st_list_page_set_store (self, g_value_get_object (value));
      break;

    case PROP_PLACEHOLDER_TEXT:
      g_object_set_property (G_OBJECT (priv->filter_entry), "placeholder-text", value);
      break;

    case PROP_EMPTY_TITLE:
      gtk_label_set_label (priv->empty_title_label, g_value_get_string (value));
      break;

    case PROP_EMPTY_DESCRIPTION:
      gtk_label_set_label (priv->empty_description_label, g_value_get_string (value));
      break;

    case PROP_LIST_WIDTH:
      gtk_paned_set_position (priv->paned, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
st_list_page_class_init (StListPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = st_list_page_constructed;
  object_class->dispose = st_list_page_dispose;
  object_class->get_property = st_list_page_get_property;
  object_class->set_property = st_list_page_set_property;
  widget_class->grab_focus = st_list_page_grab_focus;
  klass->refresh = st_list_page_real_refresh;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         ST_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* The filter entry's. */
  properties[PROP_PLACEHOLDER_TEXT] =
    g_param_spec_string ("placeholder-text", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));

  properties[PROP_EMPTY_TITLE] =
    g_param_spec_string ("empty-title", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));

  properties[PROP_EMPTY_DESCRIPTION] =
    g_param_spec_string ("empty-description", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));

  /* The width of the list beside the details, in pixels. */
  properties[PROP_LIST_WIDTH] =
    g_param_spec_int ("list-width", NULL, NULL,
                      0, G_MAXINT, 0,
                      (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/SerialTrack/st-list-page.ui");
  gtk_widget_class_bind_template_child_private (widget_class, StListPage, stack);
  gtk_widget_class_bind_template_child_private (widget_class, StListPage, toolbar);
  gtk_widget_class_bind_template_child_private (widget_class, StListPage, actions);
  gtk_widget_class_bind_template_child_private (widget_class, StListPage, filter_entry);
  gtk_widget_class_bind_template_child_private (widget_class, StListPage, count_label);
  gtk_widget_class_bind_template_child_private (widget_class, StListPage, paned);
  gtk_widget_class_bind_template_child_private (widget_class, StListPage, column_view);
  gtk_widget_class_bind_template_child_private (widget_class, StListPage, empty_box);
  gtk_widget_class_bind_template_child_private (widget_class, StListPage, top_box);
  gtk_widget_class_bind_template_child_private (widget_class, StListPage, empty_title_label);
  gtk_widget_class_bind_template_child_private (widget_class, StListPage,
                                                empty_description_label);
  gtk_widget_class_bind_template_child_private (widget_class, StListPage, error_label);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);

  gtk_widget_class_install_action (widget_class, "list-page.refresh", NULL, refresh_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
st_list_page_init (StListPage *self)
{
  StListPagePrivate *priv = st_list_page_get_instance_private (self);
  GtkSingleSelection *selection;

  priv->status = -1;
  gtk_widget_init_template (GTK_WIDGET (self));

  selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (selection, TRUE);
  g_signal_connect_object (selection, "notify::selected-item",
                           G_CALLBACK (selected_item_cb), self, G_CONNECT_SWAPPED);
  priv->selection = GTK_SELECTION_MODEL (selection);
  gtk_column_view_set_model (priv->column_view, priv->selection);
  g_signal_connect_object (priv->column_view, "activate", G_CALLBACK (activate_cb), self,
                           G_CONNECT_SWAPPED);
}
