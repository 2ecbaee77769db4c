/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-test-json.h — a strict little JSON reader, so the CLI tests can check --json output
 * without a JSON library. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  TJ_NULL,
  TJ_BOOL,
  TJ_INT,
  TJ_STRING,
  TJ_ARRAY,
  TJ_OBJECT,
} TjType;

typedef struct _TjNode TjNode;
struct _TjNode
{
  TjType     type;
  gboolean   boolean;
  gint64     number;
  char      *string;
  GPtrArray *items;    /* TjNode*: array elements, or object values */
  GPtrArray *keys;     /* char*: object keys, parallel to items */
};

/* NULL with @error on anything that is not one complete JSON value (integers only). */
TjNode     *tj_parse      (const char  *text,
                           GError     **error);
void        tj_free       (TjNode      *node);

/* Looks up a path of object keys and array indices separated by '/', such as
 * "history/2/event" ("-1" is the last element).  NULL when the path leads nowhere. */
TjNode     *tj_get        (TjNode      *node,
                           const char  *path);
/* The string at @path; NULL for a JSON null.  Fails the test when it is neither. */
const char *tj_str        (TjNode      *node,
                           const char  *path);
gint64      tj_int        (TjNode      *node,
                           const char  *path);
gboolean    tj_bool       (TjNode      *node,
                           const char  *path);
gboolean    tj_is_null    (TjNode      *node,
                           const char  *path);
/* Number of elements (array) or members (object) at @path. */
guint       tj_len        (TjNode      *node,
                           const char  *path);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TjNode, tj_free)

G_END_DECLS
