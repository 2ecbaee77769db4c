/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "st-server-location"

#include "config.h"

#include <string.h>

#include "st-server-location.h"

#define URI_FLAGS (G_URI_FLAGS_HAS_PASSWORD | G_URI_FLAGS_NON_DNS)

void
st_server_location_free (StServerLocation *self)
{
  if (self == NULL)
    return;

  g_free (self->host);
  g_free (self->port);
  g_free (self->dbname);
  g_free (self->user);
  g_free (self->sslmode);
  g_free (self);
}

static gboolean
is_uri (const char *location)
{
  return g_str_has_prefix (location, "postgresql://") || g_str_has_prefix (location, "postgres://");
}

static gboolean
is_set (const char *text)
{
  return text != NULL && *text != '\0';
}

char *
st_server_location_to_uri (const StServerLocation *self)
{
  GString *uri = g_string_new ("postgresql://");

  g_return_val_if_fail (self != NULL, NULL);

  if (is_set (self->user))
    {
      g_string_append_uri_escaped (uri, self->user, NULL, FALSE);
      g_string_append_c (uri, '@');
    }
  if (is_set (self->host))
    {
      /* An IPv6 address goes in brackets; a socket directory is one escaped part. */
      gboolean ipv6 = strchr (self->host, ':') != NULL && self->host[0] != '/';

      if (ipv6)
        g_string_append_printf (uri, "[%s]", self->host);
      else
        g_string_append_uri_escaped (uri, self->host, NULL, FALSE);
    }
  if (is_set (self->port))
    g_string_append_printf (uri, ":%s", self->port);
  if (is_set (self->dbname))
    {
      g_string_append_c (uri, '/');
      g_string_append_uri_escaped (uri, self->dbname, NULL, FALSE);
    }
  if (is_set (self->sslmode) || self->connect_timeout > 0)
    g_string_append (uri, is_set (self->dbname) ? "?" : "/?");
  if (is_set (self->sslmode))
    {
      g_string_append (uri, "sslmode=");
      g_string_append_uri_escaped (uri, self->sslmode, NULL, FALSE);
    }
  if (self->connect_timeout > 0)
    g_string_append_printf (uri, "%sconnect_timeout=%u", is_set (self->sslmode) ? "&" : "",
                            self->connect_timeout);

  return g_string_free (uri, FALSE);
}

/* "key=value" strings: keywords, and values bare or in single quotes with \' and \\. */

typedef struct
{
  char *key;
  char *value;
} Pair;

static void
pair_free (gpointer data)
{
  Pair *pair = data;

  g_free (pair->key);
  g_free (pair->value);
  g_free (pair);
}

static GPtrArray *
parse_conninfo (const char *conninfo)
{
  g_autoptr(GPtrArray) pairs = g_ptr_array_new_with_free_func (pair_free);
  const char *p = conninfo;

  while (TRUE)
    {
      g_autoptr(GString) value = g_string_new (NULL);
      const char *start;
      Pair *pair;

      while (g_ascii_isspace (*p))
        p++;
      if (*p == '\0')
        break;

      start = p;
      while (*p != '\0' && *p != '=' && !g_ascii_isspace (*p))
        p++;
      if (p == start)
        return NULL;
      pair = g_new0 (Pair, 1);
      pair->key = g_strndup (start, p - start);
      g_ptr_array_add (pairs, pair);

      while (g_ascii_isspace (*p))
        p++;
      if (*p++ != '=')
        return NULL;
      while (g_ascii_isspace (*p))
        p++;

      if (*p == '\'')
        {
          for (p++; *p != '\''; p++)
            {
              if (*p == '\0')
                return NULL;
              if (*p == '\\' && p[1] != '\0')
                p++;
              g_string_append_c (value, *p);
            }
          p++;
        }
      else
        for (; *p != '\0' && !g_ascii_isspace (*p); p++)
          {
            if (*p == '\\' && p[1] != '\0')
              p++;
            g_string_append_c (value, *p);
          }
      pair->value = g_string_free (g_steal_pointer (&value), FALSE);
    }

  return g_steal_pointer (&pairs);
}

static void
append_quoted (GString    *out,
               const char *value)
{
  g_string_append_c (out, '\'');
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '\'' || *p == '\\')
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '\'');
}

static char *
query_param (const char *query,
             const char *name)
{
  g_autoptr(GHashTable) params = NULL;

  if (query == NULL)
    return NULL;
  params = g_uri_parse_params (query, -1, "&", G_URI_PARAMS_NONE, NULL);
  if (params == NULL)
    return NULL;

  return g_strdup (g_hash_table_lookup (params, name));
}

StServerLocation *
st_server_location_parse (const char *location)
{
  g_autoptr(StServerLocation) self = NULL;
  g_autofree char *timeout = NULL;

  g_return_val_if_fail (location != NULL, NULL);

  self = g_new0 (StServerLocation, 1);

  if (is_uri (location))
    {
      g_autoptr(GUri) uri = g_uri_parse (location, URI_FLAGS, NULL);
      const char *path;

      if (uri == NULL)
        return NULL;

      self->user = g_strdup (g_uri_get_user (uri));
      self->host = g_strdup (g_uri_get_host (uri));
      if (g_uri_get_port (uri) > 0)
        self->port = g_strdup_printf ("%d", g_uri_get_port (uri));
      path = g_uri_get_path (uri);
      if (path != NULL && path[0] == '/' && path[1] != '\0')
        self->dbname = g_strdup (path + 1);
      self->sslmode = query_param (g_uri_get_query (uri), "sslmode");
      timeout = query_param (g_uri_get_query (uri), "connect_timeout");
      /* The query may name what the URI's parts do not. */
      if (self->dbname == NULL)
        self->dbname = query_param (g_uri_get_query (uri), "dbname");
      if (self->user == NULL)
        self->user = query_param (g_uri_get_query (uri), "user");
      if (self->port == NULL)
        self->port = query_param (g_uri_get_query (uri), "port");
      if (!is_set (self->host))
        {
          g_free (self->host);
          self->host = query_param (g_uri_get_query (uri), "host");
        }
    }
  else
    {
      g_autoptr(GPtrArray) pairs = parse_conninfo (location);

      if (pairs == NULL || pairs->len == 0)
        return NULL;

      for (guint i = 0; i < pairs->len; i++)
        {
          Pair *pair = g_ptr_array_index (pairs, i);
          char **slot = NULL;

          if (g_str_equal (pair->key, "host") || g_str_equal (pair->key, "hostaddr"))
            slot = &self->host;
          else if (g_str_equal (pair->key, "port"))
            slot = &self->port;
          else if (g_str_equal (pair->key, "dbname"))
            slot = &self->dbname;
          else if (g_str_equal (pair->key, "user"))
            slot = &self->user;
          else if (g_str_equal (pair->key, "sslmode"))
            slot = &self->sslmode;
          else if (g_str_equal (pair->key, "connect_timeout"))
            slot = &timeout;

          if (slot != NULL && *slot == NULL)
            *slot = g_strdup (pair->value);
        }
    }

  if (timeout != NULL)
    self->connect_timeout = (guint) g_ascii_strtoull (timeout, NULL, 10);

  return g_steal_pointer (&self);
}

char *
st_server_location_with_password (const char *location,
                                  const char *password)
{
  GString *out;

  g_return_val_if_fail (location != NULL, NULL);

  if (!is_set (password))
    return g_strdup (location);

  out = g_string_new (location);
  if (is_uri (location))
    {
      g_autoptr(GUri) uri = g_uri_parse (location, URI_FLAGS | G_URI_FLAGS_ENCODED, NULL);

      /* A URI without a path takes its query after a "/". */
      if (strchr (location, '?') != NULL)
        g_string_append_c (out, '&');
      else if (uri != NULL && *g_uri_get_path (uri) == '\0')
        g_string_append (out, "/?");
      else
        g_string_append_c (out, '?');
      g_string_append (out, "password=");
      g_string_append_uri_escaped (out, password, NULL, FALSE);
    }
  else
    {
      g_string_append (out, " password=");
      append_quoted (out, password);
    }

  return g_string_free (out, FALSE);
}

char *
st_server_location_without_password (const char *location)
{
  g_return_val_if_fail (location != NULL, NULL);

  if (is_uri (location))
    {
      g_autoptr(GUri) uri = g_uri_parse (location, URI_FLAGS | G_URI_FLAGS_ENCODED, NULL);
      g_autoptr(GString) query = g_string_new (NULL);
      g_auto(GStrv) params = NULL;

      /* Unparsable: nothing of it is safe to keep. */
      if (uri == NULL)
        return NULL;

      params = g_strsplit (g_uri_get_query (uri) != NULL ? g_uri_get_query (uri) : "", "&", -1);
      for (guint i = 0; params[i] != NULL; i++)
        {
          if (params[i][0] == '\0' || g_str_has_prefix (params[i], "password="))
            continue;
          if (query->len > 0)
            g_string_append_c (query, '&');
          g_string_append (query, params[i]);
        }

      return g_uri_join_with_user (G_URI_FLAGS_ENCODED | G_URI_FLAGS_NON_DNS,
                                   "postgresql", g_uri_get_user (uri), NULL, NULL,
                                   g_uri_get_host (uri), g_uri_get_port (uri),
                                   g_uri_get_path (uri), query->len > 0 ? query->str : NULL,
                                   NULL);
    }
  else
    {
      g_autoptr(GPtrArray) pairs = parse_conninfo (location);
      GString *out;

      if (pairs == NULL)
        return NULL;

      out = g_string_new (NULL);
      for (guint i = 0; i < pairs->len; i++)
        {
          Pair *pair = g_ptr_array_index (pairs, i);

          if (g_str_equal (pair->key, "password"))
            continue;
          if (out->len > 0)
            g_string_append_c (out, ' ');
          g_string_append_printf (out, "%s=", pair->key);
          append_quoted (out, pair->value);
        }

      return g_string_free (out, FALSE);
    }
}
