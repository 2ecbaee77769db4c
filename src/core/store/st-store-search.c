/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-store-search.c — st_store_search(): one step a kind of match, best first, each a query
 * that stops at the page it needs.  The whole serial, its start and its end (serial_rkey,
 * the key reversed, schema v5) are range scans of an index; the middle of a serial walks
 * the serial index in order, and a contact's units come through its documents. */
#define G_LOG_DOMAIN "st-store-search"

#include "config.h"

#include <glib/gi18n.h>

#include "st-serial.h"
#include "st-store-private.h"
#include "st-store-search.h"

void
st_search_result_free (StSearchResult *result)
{
  if (result == NULL)
    return;
  g_clear_pointer (&result->units, g_ptr_array_unref);
  g_clear_pointer (&result->matches, g_array_unref);
  g_free (result);
}

const char *
st_search_match_to_string (StSearchMatch match)
{
  static const char * const names[] = { "exact", "end", "start", "contains", "contact" };

  g_return_val_if_fail ((guint) match < G_N_ELEMENTS (names), NULL);
  return names[match];
}

typedef struct
{
  StStore        *store;
  StSearchResult *result;
  GHashTable     *seen;     /* unit ids already in the result */
  guint           limit;    /* G_MAXUINT: none */
} Search;

static gboolean
search_full (Search *s)
{
  return s->result->units->len >= s->limit;
}

/* How many rows a step asks for: a unit already found may come again, and one row more says
 * whether there are more. */
static gint64
step_limit (Search *s)
{
  if (s->limit == G_MAXUINT)
    return G_MAXINT64;
  return (gint64) s->limit + 1 + s->result->units->len;
}

/* Runs @sql (ST_UNIT_COLUMNS; ?1 and ?2 are @a and @b, and the last numbered parameter
 * @limit_param the row limit) and adds the units not yet found. */
static gboolean
run_step (Search         *s,
          StSearchMatch   match,
          const char     *sql,
          const char     *a,
          const char     *b,
          gint64          id,
          int             limit_param,
          GError        **error)
{
  g_autoptr(StStmt) stmt = NULL;
  int rc;

  /* A full page still asks the next step for one unit more: is there more to see? */
  if (s->result->more)
    return TRUE;
  stmt = _st_store_prepare (s->store, sql, error);
  if (stmt == NULL)
    return FALSE;
  if (a != NULL)
    _st_bind_text (stmt, 1, a);
  else
    st_stmt_bind_int64 (stmt, 1, id);
  if (b != NULL)
    _st_bind_text (stmt, 2, b);
  st_stmt_bind_int64 (stmt, limit_param, step_limit (s));

  while ((rc = _st_step (stmt, error)) == ST_STEP_ROW)
    {
      gint64 unit_id = st_stmt_column_int64 (stmt, 0);

      if (g_hash_table_contains (s->seen, &unit_id))
        continue;
      if (search_full (s))
        {
          s->result->more = TRUE;
          return TRUE;
        }
      g_hash_table_add (s->seen, g_memdup2 (&unit_id, sizeof unit_id));
      g_ptr_array_add (s->result->units, _st_unit_from_row (stmt));
      g_array_append_val (s->result->matches, match);
    }
  return rc == ST_STEP_DONE;
}

/* The smallest key greater than every key starting with @prefix (keys compare byte by byte;
 * U+10FFFF is the greatest character). */
static char *
upper_bound (const char *prefix)
{
  return g_strconcat (prefix, "\xf4\x8f\xbf\xbf", NULL);
}

/* %@text% for LIKE … ESCAPE '\\'. */
static char *
contains_pattern (const char *text)
{
  GString *pattern = g_string_new ("%");

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (pattern, '\\');
      g_string_append_c (pattern, *p);
    }
  g_string_append_c (pattern, '%');
  return g_string_free (pattern, FALSE);
}

#define SELECT_UNITS "SELECT " ST_UNIT_COLUMNS " FROM units u" ST_UNIT_JOINS

static gboolean
search_contacts (Search      *s,
                 const char  *text,
                 GError     **error)
{
  g_autofree char *key = _st_name_key (text);
  g_autofree char *pattern = contains_pattern (key);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(StStmt) stmt = NULL;
  int rc;

  stmt = _st_store_prepare (s->store, "SELECT id FROM contacts WHERE name_key LIKE ?1"
                                      " ESCAPE '\\' ORDER BY name_key, kind LIMIT 100", error);
  if (stmt == NULL)
    return FALSE;
  _st_bind_text (stmt, 1, pattern);
  while ((rc = _st_step (stmt, error)) == ST_STEP_ROW)
    {
      gint64 id = st_stmt_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  if (rc != ST_STEP_DONE)
    return FALSE;
  g_clear_pointer (&stmt, st_stmt_release);

  for (guint i = 0; i < ids->len && !s->result->more; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);

      /* Sold to a customer, or received from a vendor: the documents' own unit indexes. */
      if (!run_step (s, ST_SEARCH_MATCH_CONTACT,
                     SELECT_UNITS " WHERE u.sold_doc_id IN"
                     " (SELECT id FROM documents WHERE contact_id = ?1) LIMIT ?2",
                     NULL, NULL, id, 2, error)
          || !run_step (s, ST_SEARCH_MATCH_CONTACT,
                        SELECT_UNITS " WHERE u.received_doc_id IN"
                        " (SELECT id FROM documents WHERE contact_id = ?1) LIMIT ?2",
                        NULL, NULL, id, 2, error))
        return FALSE;
    }
  return TRUE;
}

/* The serial's steps: the whole key, then the keys it ends (the reversed key's range), then
 * those it starts. */
static gboolean
search_serials (Search      *s,
                const char  *key,
                GError     **error)
{
  g_autofree char *rkey = g_utf8_strreverse (key, -1);
  g_autofree char *key_end = upper_bound (key);
  g_autofree char *rkey_end = upper_bound (rkey);

  return run_step (s, ST_SEARCH_MATCH_EXACT,
                   SELECT_UNITS " WHERE u.serial_key = ?1 ORDER BY i.sku_key LIMIT ?2",
                   key, NULL, 0, 2, error)
         && run_step (s, ST_SEARCH_MATCH_END,
                      SELECT_UNITS " WHERE u.serial_rkey >= ?1 AND u.serial_rkey < ?2"
                      " ORDER BY u.serial_rkey LIMIT ?3",
                      rkey, rkey_end, 0, 3, error)
         && run_step (s, ST_SEARCH_MATCH_START,
                      SELECT_UNITS " WHERE u.serial_key >= ?1 AND u.serial_key < ?2"
                      " ORDER BY u.serial_key LIMIT ?3",
                      key, key_end, 0, 3, error);
}

StSearchResult *
st_store_search (StStore        *self,
                 const char     *text,
                 StSearchScope   scope,
                 guint           limit,
                 GError        **error)
{
  g_autoptr(StSearchResult) result = NULL;
  g_autoptr(GHashTable) seen = NULL;
  g_autofree char *clean = NULL;
  g_autofree char *key = NULL;
  g_autofree char *pattern = NULL;
  Search s;

  g_return_val_if_fail (ST_IS_STORE (self), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  clean = st_serial_normalize (text, error);
  if (clean == NULL)
    return NULL;
  key = st_serial_key (clean);

  result = g_new0 (StSearchResult, 1);
  result->units = g_ptr_array_new_with_free_func (g_object_unref);
  result->matches = g_array_new (FALSE, FALSE, sizeof (StSearchMatch));
  seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  s = (Search) { self, result, seen, limit > 0 ? limit : G_MAXUINT };

  if (!search_serials (&s, key, error))
    return NULL;

  if (scope == ST_SEARCH_ALL)
    {
      pattern = contains_pattern (key);
      if (!run_step (&s, ST_SEARCH_MATCH_CONTAINS,
                     SELECT_UNITS " WHERE u.serial_key LIKE ?1 ESCAPE '\\'"
                     " ORDER BY u.serial_key LIMIT ?2",
                     pattern, NULL, 0, 2, error)
          || !search_contacts (&s, clean, error))
        return NULL;
    }

  return g_steal_pointer (&result);
}
