/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-json.h — a tiny streaming JSON writer for the CLI's --json output. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _StJson StJson;

/* A writer that indents by two spaces per level when @pretty, else writes one line. */
StJson  *st_json_new          (gboolean     pretty);
void     st_json_free         (StJson      *self);
/* The text written so far (the document when every object and array was closed). */
char    *st_json_steal        (StJson      *self);

void     st_json_begin_object (StJson      *self);
void     st_json_end_object   (StJson      *self);
void     st_json_begin_array  (StJson      *self);
void     st_json_end_array    (StJson      *self);

/* The key of the next member; only inside an object. */
void     st_json_key          (StJson      *self,
                               const char  *key);

/* Values: inside an array, or after a key.  A NULL string writes null. */
void     st_json_string       (StJson      *self,
                               const char  *value);
void     st_json_int          (StJson      *self,
                               gint64       value);
void     st_json_bool         (StJson      *self,
                               gboolean     value);
void     st_json_null         (StJson      *self);

/* key + value in one call. */
void     st_json_member_string (StJson     *self,
                                const char *key,
                                const char *value);
void     st_json_member_int    (StJson     *self,
                                const char *key,
                                gint64      value);
void     st_json_member_bool   (StJson     *self,
                                const char *key,
                                gboolean    value);
/* Money as two members: "@key": "12.50" and "@key_cents": 1250 (both null when !@has). */
void     st_json_member_money  (StJson     *self,
                                const char *key,
                                gboolean    has,
                                gint64      cents);

/* Appends @text to @out as a quoted JSON string: ", \ and control characters escaped,
 * other characters (valid UTF-8) kept as they are; invalid bytes become U+FFFD. */
void     st_json_append_escaped (GString    *out,
                                 const char *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StJson, st_json_free)

G_END_DECLS
