/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "st-test-json.h"

typedef struct
{
  const char *p;
  GError    **error;
} Reader;

static TjNode *read_value (Reader *r, guint depth);

static gboolean
fail (Reader     *r,
      const char *what)
{
  if (*r->error == NULL)
    g_set_error (r->error, G_MARKUP_ERROR, G_MARKUP_ERROR_PARSE, "JSON: %s at “%.20s”", what,
                 r->p);
  return FALSE;
}

static void
skip_space (Reader *r)
{
  while (*r->p == ' ' || *r->p == '\n' || *r->p == '\r' || *r->p == '\t')
    r->p++;
}

void
tj_free (TjNode *node)
{
  if (node == NULL)
    return;
  g_free (node->string);
  g_clear_pointer (&node->items, g_ptr_array_unref);
  g_clear_pointer (&node->keys, g_ptr_array_unref);
  g_free (node);
}

static int
hex4 (const char *p)
{
  int value = 0;

  for (int i = 0; i < 4; i++)
    {
      int d = g_ascii_xdigit_value (p[i]);
      if (d < 0)
        return -1;
      value = value * 16 + d;
    }
  return value;
}

static char *
read_string (Reader *r)
{
  g_autoptr(GString) out = g_string_new (NULL);

  if (*r->p != '"')
    {
      fail (r, "expected a string");
      return NULL;
    }
  r->p++;
  for (;;)
    {
      unsigned char c = (unsigned char) *r->p;

      if (c == '\0')
        {
          fail (r, "unterminated string");
          return NULL;
        }
      if (c < 0x20)
        {
          fail (r, "raw control character in a string");
          return NULL;
        }
      if (c == '"')
        {
          r->p++;
          break;
        }
      if (c != '\\')
        {
          g_string_append_c (out, (char) c);
          r->p++;
          continue;
        }
      r->p++;
      switch (*r->p)
        {
        case '"': g_string_append_c (out, '"'); break;
        case '\\': g_string_append_c (out, '\\'); break;
        case '/': g_string_append_c (out, '/'); break;
        case 'b': g_string_append_c (out, '\b'); break;
        case 'f': g_string_append_c (out, '\f'); break;
        case 'n': g_string_append_c (out, '\n'); break;
        case 'r': g_string_append_c (out, '\r'); break;
        case 't': g_string_append_c (out, '\t'); break;
        case 'u':
          {
            int u = hex4 (r->p + 1);

            if (u < 0)
              {
                fail (r, "bad \\u escape");
                return NULL;
              }
            r->p += 4;
            if (u >= 0xD800 && u <= 0xDBFF)
              {
                int low = r->p[1] == '\\' && r->p[2] == 'u' ? hex4 (r->p + 3) : -1;

                if (low < 0xDC00 || low > 0xDFFF)
                  {
                    fail (r, "lone surrogate");
                    return NULL;
                  }
                u = 0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00);
                r->p += 6;
              }
            g_string_append_unichar (out, (gunichar) u);
          }
          break;
        default:
          fail (r, "bad escape");
          return NULL;
        }
      r->p++;
    }
  if (!g_utf8_validate (out->str, (gssize) out->len, NULL))
    {
      fail (r, "string is not UTF-8");
      return NULL;
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static TjNode *
read_container (Reader  *r,
                gboolean object,
                guint    depth)
{
  g_autoptr(TjNode) node = g_new0 (TjNode, 1);
  char close = object ? '}' : ']';

  node->type = object ? TJ_OBJECT : TJ_ARRAY;
  node->items = g_ptr_array_new_with_free_func ((GDestroyNotify) tj_free);
  if (object)
    node->keys = g_ptr_array_new_with_free_func (g_free);
  r->p++;
  skip_space (r);
  if (*r->p == close)
    {
      r->p++;
      return g_steal_pointer (&node);
    }
  for (;;)
    {
      TjNode *value;

      skip_space (r);
      if (object)
        {
          char *key = read_string (r);

          if (key == NULL)
            return NULL;
          /* RFC 8259 leaves a repeated name to the reader; the CLI must not write one. */
          for (guint k = 0; k < node->keys->len; k++)
            if (strcmp (g_ptr_array_index (node->keys, k), key) == 0)
              {
                g_autofree char *message = g_strdup_printf ("the key “%s” twice", key);

                g_free (key);
                fail (r, message);
                return NULL;
              }
          g_ptr_array_add (node->keys, key);
          skip_space (r);
          if (*r->p != ':')
            {
              fail (r, "expected ':'");
              return NULL;
            }
          r->p++;
        }
      value = read_value (r, depth + 1);
      if (value == NULL)
        return NULL;
      g_ptr_array_add (node->items, value);
      skip_space (r);
      if (*r->p == ',')
        {
          r->p++;
          continue;
        }
      if (*r->p == close)
        {
          r->p++;
          return g_steal_pointer (&node);
        }
      fail (r, "expected ',' or a closing bracket");
      return NULL;
    }
}

static TjNode *
read_value (Reader *r,
            guint   depth)
{
  TjNode *node;

  if (depth > 64)
    {
      fail (r, "too deep");
      return NULL;
    }
  skip_space (r);
  switch (*r->p)
    {
    case '{':
      return read_container (r, TRUE, depth);
    case '[':
      return read_container (r, FALSE, depth);
    case '"':
      {
        char *s = read_string (r);
        if (s == NULL)
          return NULL;
        node = g_new0 (TjNode, 1);
        node->type = TJ_STRING;
        node->string = s;
        return node;
      }
    default:
      break;
    }
  if (g_str_has_prefix (r->p, "null"))
    {
      r->p += 4;
      return g_new0 (TjNode, 1);
    }
  if (g_str_has_prefix (r->p, "true") || g_str_has_prefix (r->p, "false"))
    {
      node = g_new0 (TjNode, 1);
      node->type = TJ_BOOL;
      node->boolean = *r->p == 't';
      r->p += node->boolean ? 4 : 5;
      return node;
    }
  if (*r->p == '-' || g_ascii_isdigit (*r->p))
    {
      const char *start = r->p;
      g_autofree char *digits = NULL;

      if (*r->p == '-')
        r->p++;
      if (!g_ascii_isdigit (*r->p) || (r->p[0] == '0' && g_ascii_isdigit (r->p[1])))
        {
          fail (r, "bad number");
          return NULL;
        }
      while (g_ascii_isdigit (*r->p))
        r->p++;
      if (*r->p == '.' || *r->p == 'e' || *r->p == 'E')
        {
          fail (r, "only integers are expected");
          return NULL;
        }
      digits = g_strndup (start, r->p - start);
      node = g_new0 (TjNode, 1);
      node->type = TJ_INT;
      node->number = g_ascii_strtoll (digits, NULL, 10);
      return node;
    }
  fail (r, "unexpected character");
  return NULL;
}

TjNode *
tj_parse (const char  *text,
          GError     **error)
{
  Reader r = { text, error };
  g_autoptr(TjNode) node = NULL;

  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error_literal (error, G_MARKUP_ERROR, G_MARKUP_ERROR_PARSE, "JSON: not UTF-8");
      return NULL;
    }
  node = read_value (&r, 0);
  if (node == NULL)
    return NULL;
  skip_space (&r);
  if (*r.p != '\0')
    {
      fail (&r, "trailing text");
      return NULL;
    }
  return g_steal_pointer (&node);
}

TjNode *
tj_get (TjNode     *node,
        const char *path)
{
  g_auto(GStrv) parts = NULL;

  if (path == NULL || *path == '\0')
    return node;
  parts = g_strsplit (path, "/", -1);
  for (guint i = 0; parts[i] != NULL && node != NULL; i++)
    {
      if (node->type == TJ_OBJECT)
        {
          TjNode *found = NULL;

          for (guint k = 0; k < node->keys->len; k++)
            if (strcmp (g_ptr_array_index (node->keys, k), parts[i]) == 0)
              found = g_ptr_array_index (node->items, k);
          node = found;
        }
      else if (node->type == TJ_ARRAY)
        {
          gint64 index = g_ascii_strtoll (parts[i], NULL, 10);

          if (index < 0)
            index += node->items->len;
          node = index >= 0 && index < node->items->len ? g_ptr_array_index (node->items, index)
                                                        : NULL;
        }
      else
        node = NULL;
    }
  return node;
}

static TjNode *
get_checked (TjNode     *node,
             const char *path)
{
  TjNode *found = tj_get (node, path);

  if (found == NULL)
    g_error ("JSON: no member at “%s”", path);
  return found;
}

/* The member at @path, asserted to be of @type (what @type is called: @what). */
static TjNode *
get_typed (TjNode     *node,
           const char *path,
           TjType      type,
           const char *what)
{
  TjNode *found = get_checked (node, path);

  if (found->type != type)
    g_error ("JSON: “%s” is not %s", path, what);
  return found;
}

const char *
tj_str (TjNode     *node,
        const char *path)
{
  if (tj_is_null (node, path))
    return NULL;
  return get_typed (node, path, TJ_STRING, "a string")->string;
}

gint64
tj_int (TjNode     *node,
        const char *path)
{
  return get_typed (node, path, TJ_INT, "an integer")->number;
}

gboolean
tj_bool (TjNode     *node,
         const char *path)
{
  return get_typed (node, path, TJ_BOOL, "a boolean")->boolean;
}

gboolean
tj_is_null (TjNode     *node,
            const char *path)
{
  return get_checked (node, path)->type == TJ_NULL;
}

guint
tj_len (TjNode     *node,
        const char *path)
{
  TjNode *found = get_checked (node, path);

  if (found->type != TJ_ARRAY && found->type != TJ_OBJECT)
    g_error ("JSON: “%s” is neither an array nor an object", path);
  return found->items->len;
}
