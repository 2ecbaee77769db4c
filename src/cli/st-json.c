/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-json.c — a tiny streaming JSON writer: enough for the CLI, with no extra dependency. */
#define G_LOG_DOMAIN "st-json"

#include "config.h"

#include <string.h>

#include "st-json.h"
#include "st-parse.h"

struct _StJson
{
  GString  *out;
  gboolean  pretty;
  /* One entry per open object/array: how many members or elements it has so far. */
  GArray   *counts;
  /* A key was written; the value follows without a separator. */
  gboolean  after_key;
};

StJson *
st_json_new (gboolean pretty)
{
  StJson *self = g_new0 (StJson, 1);

  self->out = g_string_new (NULL);
  self->pretty = pretty;
  self->counts = g_array_new (FALSE, TRUE, sizeof (guint));
  return self;
}

void
st_json_free (StJson *self)
{
  if (self == NULL)
    return;
  g_string_free (self->out, TRUE);
  g_array_unref (self->counts);
  g_free (self);
}

char *
st_json_steal (StJson *self)
{
  char *text;

  g_return_val_if_fail (self != NULL, NULL);
  g_warn_if_fail (self->counts->len == 0);
  text = g_string_free (self->out, FALSE);
  self->out = g_string_new (NULL);
  return text;
}

static void
newline (StJson *self)
{
  if (!self->pretty)
    return;
  g_string_append_c (self->out, '\n');
  for (guint i = 0; i < self->counts->len; i++)
    g_string_append (self->out, "  ");
}

/* Writes what goes before a value (or a key): a comma and a line break as needed. */
static void
before_element (StJson *self)
{
  guint *count;

  if (self->after_key)
    {
      self->after_key = FALSE;
      return;
    }
  if (self->counts->len == 0)
    return;
  count = &g_array_index (self->counts, guint, self->counts->len - 1);
  if (*count > 0)
    g_string_append_c (self->out, ',');
  (*count)++;
  newline (self);
}

static void
open_container (StJson *self,
                char    bracket)
{
  guint zero = 0;

  before_element (self);
  g_string_append_c (self->out, bracket);
  g_array_append_val (self->counts, zero);
}

static void
close_container (StJson *self,
                 char    bracket)
{
  guint count;

  g_return_if_fail (self->counts->len > 0);
  count = g_array_index (self->counts, guint, self->counts->len - 1);
  g_array_set_size (self->counts, self->counts->len - 1);
  if (count > 0)
    newline (self);
  g_string_append_c (self->out, bracket);
  if (self->counts->len == 0 && self->pretty)
    g_string_append_c (self->out, '\n');
}

void
st_json_begin_object (StJson *self)
{
  open_container (self, '{');
}

void
st_json_end_object (StJson *self)
{
  close_container (self, '}');
}

void
st_json_begin_array (StJson *self)
{
  open_container (self, '[');
}

void
st_json_end_array (StJson *self)
{
  close_container (self, ']');
}

void
st_json_append_escaped (GString    *out,
                        const char *text)
{
  g_autofree char *valid = NULL;

  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);

  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      switch (c)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        case '\b':
          g_string_append (out, "\\b");
          break;
        case '\f':
          g_string_append (out, "\\f");
          break;
        default:
          /* Control characters must be escaped; U+2028/9 are escaped too, so the output
           * is also valid JavaScript. */
          if (c < 0x20 || c == 0x7f || c == 0x2028 || c == 0x2029)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_len (out, p, g_utf8_next_char (p) - p);
          break;
        }
    }
  g_string_append_c (out, '"');
}

void
st_json_key (StJson     *self,
             const char *key)
{
  g_return_if_fail (self->counts->len > 0);
  g_return_if_fail (!self->after_key);
  before_element (self);
  st_json_append_escaped (self->out, key);
  g_string_append (self->out, self->pretty ? ": " : ":");
  self->after_key = TRUE;
}

void
st_json_string (StJson     *self,
                const char *value)
{
  if (value == NULL)
    {
      st_json_null (self);
      return;
    }
  before_element (self);
  st_json_append_escaped (self->out, value);
}

void
st_json_int (StJson *self,
             gint64  value)
{
  before_element (self);
  g_string_append_printf (self->out, "%" G_GINT64_FORMAT, value);
}

void
st_json_bool (StJson   *self,
              gboolean  value)
{
  before_element (self);
  g_string_append (self->out, value ? "true" : "false");
}

void
st_json_null (StJson *self)
{
  before_element (self);
  g_string_append (self->out, "null");
}

void
st_json_member_string (StJson     *self,
                       const char *key,
                       const char *value)
{
  st_json_key (self, key);
  st_json_string (self, value);
}

void
st_json_member_int (StJson     *self,
                    const char *key,
                    gint64      value)
{
  st_json_key (self, key);
  st_json_int (self, value);
}

void
st_json_member_bool (StJson     *self,
                     const char *key,
                     gboolean    value)
{
  st_json_key (self, key);
  st_json_bool (self, value);
}

void
st_json_member_money (StJson     *self,
                      const char *key,
                      gboolean    has,
                      gint64      cents)
{
  g_autofree char *cents_key = g_strconcat (key, "_cents", NULL);

  if (!has)
    {
      st_json_key (self, key);
      st_json_null (self);
      st_json_key (self, cents_key);
      st_json_null (self);
      return;
    }
  {
    g_autofree char *text = st_money_format (cents);

    st_json_member_string (self, key, text);
    st_json_member_int (self, cents_key, cents);
  }
}
