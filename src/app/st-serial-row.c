/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "st-serial-row"

#include "config.h"

#include <glib/gi18n.h>

#include "st-serial.h"
#include "st-serial-row.h"

#define N_STATES (ST_SERIAL_STATE_DUPLICATE + 1)

struct _StSerialRow
{
  GObject  parent_instance;

  char    *serial;
  char    *key;
  /* Indexed by StSerialState; [VALID] is unused.  The lowest set index is the state. */
  char    *problems[N_STATES];
  /* Something worth saying about a valid serial (a unit that comes back), or NULL. */
  char    *note;
};

G_DEFINE_FINAL_TYPE (StSerialRow, st_serial_row, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SERIAL,
  PROP_STATE,
  PROP_VALID,
  PROP_REASON,
  PROP_NOTE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

StSerialRow *
st_serial_row_new (const char *text)
{
  g_autoptr(GError) error = NULL;
  StSerialRow *self;
  char *clean;

  g_return_val_if_fail (text != NULL, NULL);

  self = g_object_new (ST_TYPE_SERIAL_ROW, NULL);
  clean = st_serial_normalize (text, &error);
  if (clean != NULL)
    {
      self->serial = clean;
      self->key = st_serial_key (clean);
    }
  else
    {
      /* Keep what was typed, made printable, so that the user can see which one it was. */
      self->serial = g_utf8_make_valid (text, -1);
      g_strdelimit (self->serial, "\a\b\f\n\r\t\v", ' ');
      self->problems[ST_SERIAL_STATE_INVALID] = g_strdup (error->message);
    }

  return self;
}

const char *
st_serial_row_get_serial (StSerialRow *self)
{
  g_return_val_if_fail (ST_IS_SERIAL_ROW (self), NULL);

  return self->serial;
}

const char *
st_serial_row_get_key (StSerialRow *self)
{
  g_return_val_if_fail (ST_IS_SERIAL_ROW (self), NULL);

  return self->key;
}

StSerialState
st_serial_row_get_state (StSerialRow *self)
{
  g_return_val_if_fail (ST_IS_SERIAL_ROW (self), ST_SERIAL_STATE_INVALID);

  for (guint i = 1; i < N_STATES; i++)
    if (self->problems[i] != NULL)
      return i;

  return ST_SERIAL_STATE_VALID;
}

gboolean
st_serial_row_get_valid (StSerialRow *self)
{
  return st_serial_row_get_state (self) == ST_SERIAL_STATE_VALID;
}

const char *
st_serial_row_get_reason (StSerialRow *self)
{
  g_return_val_if_fail (ST_IS_SERIAL_ROW (self), NULL);

  return self->problems[st_serial_row_get_state (self)];
}

void
st_serial_row_set_problem (StSerialRow   *self,
                           StSerialState  problem,
                           const char    *reason)
{
  StSerialState old_state;
  const char *old_reason;

  g_return_if_fail (ST_IS_SERIAL_ROW (self));
  g_return_if_fail (problem > ST_SERIAL_STATE_VALID && problem < N_STATES);

  if (g_strcmp0 (self->problems[problem], reason) == 0)
    return;

  old_state = st_serial_row_get_state (self);
  old_reason = st_serial_row_get_reason (self);

  /* old_reason may be the string being replaced: compare before freeing. */
  if (old_reason == self->problems[problem])
    old_reason = NULL;
  g_free (self->problems[problem]);
  self->problems[problem] = g_strdup (reason);

  if (old_state != st_serial_row_get_state (self))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
      if ((old_state == ST_SERIAL_STATE_VALID) != st_serial_row_get_valid (self))
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALID]);
    }
  if (old_reason == NULL || old_reason != st_serial_row_get_reason (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REASON]);
}

const char *
st_serial_row_get_problem (StSerialRow   *self,
                           StSerialState  problem)
{
  g_return_val_if_fail (ST_IS_SERIAL_ROW (self), NULL);
  g_return_val_if_fail (problem < N_STATES, NULL);

  return self->problems[problem];
}

const char *
st_serial_row_get_note (StSerialRow *self)
{
  g_return_val_if_fail (ST_IS_SERIAL_ROW (self), NULL);

  return self->note;
}

void
st_serial_row_set_note (StSerialRow *self,
                        const char  *note)
{
  g_return_if_fail (ST_IS_SERIAL_ROW (self));

  if (g_strcmp0 (self->note, note) == 0)
    return;

  g_free (self->note);
  self->note = g_strdup (note);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE]);
}

static void
st_serial_row_finalize (GObject *object)
{
  StSerialRow *self = ST_SERIAL_ROW (object);

  g_free (self->serial);
  g_free (self->key);
  g_free (self->note);
  for (guint i = 0; i < N_STATES; i++)
    g_free (self->problems[i]);

  G_OBJECT_CLASS (st_serial_row_parent_class)->finalize (object);
}

static void
st_serial_row_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  StSerialRow *self = ST_SERIAL_ROW (object);

  switch (prop_id)
    {
    case PROP_SERIAL:
      g_value_set_string (value, self->serial);
      break;

    case PROP_STATE:
      g_value_set_int (value, st_serial_row_get_state (self));
      break;

    case PROP_VALID:
      g_value_set_boolean (value, st_serial_row_get_valid (self));
      break;

    case PROP_REASON:
      g_value_set_string (value, st_serial_row_get_reason (self));
      break;

    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
st_serial_row_class_init (StSerialRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = st_serial_row_finalize;
  object_class->get_property = st_serial_row_get_property;

  properties[PROP_SERIAL] =
    g_param_spec_string ("serial", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_STATE] =
    g_param_spec_int ("state", NULL, NULL,
                      ST_SERIAL_STATE_VALID, ST_SERIAL_STATE_DUPLICATE, ST_SERIAL_STATE_VALID,
                      (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_VALID] =
    g_param_spec_boolean ("valid", NULL, NULL, TRUE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_REASON] =
    g_param_spec_string ("reason", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
st_serial_row_init (StSerialRow *self)
{
}
