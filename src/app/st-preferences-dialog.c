/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "st-preferences-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "st-currency.h"
#include "st-preferences-dialog.h"

struct _StPreferencesDialog
{
  GtkWindow       parent_instance;

  /* Template widgets */
  GtkCheckButton *serial_check;
  GtkCheckButton *quantity_check;
  GtkEntry       *currency_entry;
  GtkButton      *currency_button;
  GtkLabel       *currency_hint;
  GtkLabel       *error_label;

  /* Owned */
  StStore        *store;

  /* Set while the dialog itself moves the radio buttons. */
  gboolean        syncing;
  /* A choice being stored in the store's worker, and whether it is the currency. */
  gboolean        busy;
  gboolean        storing_currency;
};

G_DEFINE_FINAL_TYPE (StPreferencesDialog, st_preferences_dialog, GTK_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

enum {
  TRACKING_CHANGED,
  CURRENCY_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
sync_choice (StPreferencesDialog *self)
{
  StTracking tracking = st_store_get_tracking (self->store);

  self->syncing = TRUE;
  gtk_check_button_set_active (tracking == ST_TRACKING_SERIAL
                               ? self->serial_check : self->quantity_check,
                               TRUE);
  self->syncing = FALSE;
}

/* The entry shows the code the database sets (empty: none), the hint what empty means. */
static void
sync_currency (StPreferencesDialog *self)
{
  g_autofree char *setting = st_store_dup_currency_setting (self->store);
  g_autofree char *local = st_currency_from_locale ();
  g_autofree char *hint = NULL;

  gtk_editable_set_text (GTK_EDITABLE (self->currency_entry), setting != NULL ? setting : "");
  gtk_entry_set_placeholder_text (self->currency_entry, local);
  if (local != NULL)
    hint = g_strdup_printf (
      /* Translators: %s is the ISO 4217 code of the user's locale, like EUR; keep EUR and
       * USD as they are */
      _("An ISO 4217 code such as EUR or USD, shown with amounts and in exported workbooks. "
        "Empty: your locale’s, %s."), local);
  else
    hint = g_strdup (
      /* Translators: keep EUR and USD as they are */
      _("An ISO 4217 code such as EUR or USD, shown with amounts and in exported workbooks. "
        "Empty: plain numbers."));
  gtk_label_set_text (self->currency_hint, hint);
}

/* A preference stored in the store's worker: the tracking, or the currency (@currency,
 * "" for the locale's). */
typedef struct
{
  gboolean    is_currency;
  StTracking  tracking;
  char       *currency;
} PreferenceCall;

static void
preference_call_free (PreferenceCall *call)
{
  g_free (call->currency);
  g_free (call);
}

static gpointer
preference_call_run (StStore       *connection,
                     gpointer       data,
                     GCancellable  *cancellable,
                     GError       **error)
{
  PreferenceCall *call = data;
  gboolean done = call->is_currency
                  ? st_store_set_currency (connection, call->currency, error)
                  : st_store_set_tracking (connection, call->tracking, error);

  return done ? GINT_TO_POINTER (TRUE) : NULL;
}

static void
set_busy (StPreferencesDialog *self,
          gboolean             busy)
{
  self->busy = busy;
  gtk_widget_set_sensitive (GTK_WIDGET (self->serial_check), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->quantity_check), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->currency_button), !busy);
  gtk_editable_set_editable (GTK_EDITABLE (self->currency_entry), !busy);
}

static void
preference_done_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(StPreferencesDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean currency = self->storing_currency;

  set_busy (self, FALSE);
  if (st_store_run_finish (ST_STORE (source), result, &error) == NULL)
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      if (currency)
        gtk_widget_grab_focus (GTK_WIDGET (self->currency_entry));
      else
        sync_choice (self);
      return;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  if (currency)
    {
      sync_currency (self);
      g_signal_emit (self, signals[CURRENCY_CHANGED], 0);
    }
  else
    g_signal_emit (self, signals[TRACKING_CHANGED], 0);
}

static void
store_preference (StPreferencesDialog *self,
                  PreferenceCall      *call)
{
  self->storing_currency = call->is_currency;
  set_busy (self, TRUE);
  st_store_run_async (self->store, preference_call_run, call,
                      (GDestroyNotify) preference_call_free, NULL, TRUE, NULL,
                      preference_done_cb, g_object_ref (self));
}

static void
currency_activate_cb (StPreferencesDialog *self)
{
  PreferenceCall *call;

  if (self->busy)
    return;
  call = g_new0 (PreferenceCall, 1);
  call->is_currency = TRUE;
  call->currency = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->currency_entry)));
  store_preference (self, call);
}

static void
choice_toggled_cb (StPreferencesDialog *self,
                   GtkCheckButton      *button)
{
  PreferenceCall *call;
  StTracking tracking;

  /* Both buttons of the group toggle; act once, on the one switched on. */
  if (self->syncing || self->busy || !gtk_check_button_get_active (button))
    return;

  tracking = button == self->serial_check ? ST_TRACKING_SERIAL : ST_TRACKING_NONE;
  if (tracking == st_store_get_tracking (self->store))
    return;

  call = g_new0 (PreferenceCall, 1);
  call->tracking = tracking;
  store_preference (self, call);
}

gboolean
st_preferences_dialog_is_busy (StPreferencesDialog *self)
{
  g_return_val_if_fail (ST_IS_PREFERENCES_DIALOG (self), FALSE);

  return self->busy;
}

StPreferencesDialog *
st_preferences_dialog_new (GtkWindow *parent,
                           StStore   *store)
{
  g_return_val_if_fail (ST_IS_STORE (store), NULL);

  return g_object_new (ST_TYPE_PREFERENCES_DIALOG,
                       "transient-for", parent,
                       "store", store,
                       NULL);
}

static void
st_preferences_dialog_constructed (GObject *object)
{
  StPreferencesDialog *self = ST_PREFERENCES_DIALOG (object);

  G_OBJECT_CLASS (st_preferences_dialog_parent_class)->constructed (object);

  sync_choice (self);
  sync_currency (self);

  /* The choice is shown, not offered, to a role (or on a file) that may only read. */
  if (st_store_is_read_only (self->store))
    {
      gtk_widget_set_sensitive (GTK_WIDGET (self->serial_check), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->quantity_check), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->currency_entry), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->currency_button), FALSE);
      gtk_label_set_text (self->error_label, _("Read only: you may look and export, not change"));
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
    }
}

static void
st_preferences_dialog_dispose (GObject *object)
{
  StPreferencesDialog *self = ST_PREFERENCES_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ST_TYPE_PREFERENCES_DIALOG);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (st_preferences_dialog_parent_class)->dispose (object);
}

static void
st_preferences_dialog_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  StPreferencesDialog *self = ST_PREFERENCES_DIALOG (object);

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
st_preferences_dialog_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  StPreferencesDialog *self = ST_PREFERENCES_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
st_preferences_dialog_class_init (StPreferencesDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = st_preferences_dialog_constructed;
  object_class->dispose = st_preferences_dialog_dispose;
  object_class->get_property = st_preferences_dialog_get_property;
  object_class->set_property = st_preferences_dialog_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         ST_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[TRACKING_CHANGED] =
    g_signal_new ("tracking-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /* The database's currency was set (or cleared): amounts are to be shown again. */
  signals[CURRENCY_CHANGED] =
    g_signal_new ("currency-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/SerialTrack/"
                                               "st-preferences-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, StPreferencesDialog, serial_check);
  gtk_widget_class_bind_template_child (widget_class, StPreferencesDialog, quantity_check);
  gtk_widget_class_bind_template_child (widget_class, StPreferencesDialog, currency_entry);
  gtk_widget_class_bind_template_child (widget_class, StPreferencesDialog, currency_button);
  gtk_widget_class_bind_template_child (widget_class, StPreferencesDialog, currency_hint);
  gtk_widget_class_bind_template_child (widget_class, StPreferencesDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, choice_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, currency_activate_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
st_preferences_dialog_init (StPreferencesDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
