/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-store-search.h — finding units by any part of their serial (the last digits read off a
 * box or an IMEI sticker, the start, anywhere) and by the name of the customer or vendor they
 * went to or came from (issue 17, DESIGN §6 `search`). */
#pragma once

#include "st-store.h"

G_BEGIN_DECLS

/* How a unit matched, best first: results come in this order. */
typedef enum
{
  ST_SEARCH_MATCH_EXACT,      /* the whole serial */
  ST_SEARCH_MATCH_END,        /* the serial ends with the text (last digits) */
  ST_SEARCH_MATCH_START,      /* the serial starts with it */
  ST_SEARCH_MATCH_CONTAINS,   /* anywhere in the serial */
  ST_SEARCH_MATCH_CONTACT,    /* its customer's or vendor's name contains it */
} StSearchMatch;

/* How far to look: the quick steps are range scans of an index (whole serial, last digits,
 * start); ALL adds a serial's middle (a scan of every serial) and contacts' names. */
typedef enum
{
  ST_SEARCH_QUICK,
  ST_SEARCH_ALL,
} StSearchScope;

typedef struct
{
  GPtrArray *units;      /* StUnit*, best match first, each unit once */
  GArray    *matches;    /* StSearchMatch, one a unit */
  gboolean   more;       /* more units match than were asked for */
} StSearchResult;

void            st_search_result_free     (StSearchResult  *result);
const char     *st_search_match_to_string (StSearchMatch    match);

/* Up to @limit units (0: no limit) matching @text, case-insensitively.  Text that cannot be
 * part of a serial (empty, control characters, too long) is refused as st_serial_normalize()
 * refuses it (ST_ERROR_INVALID_SERIAL). */
StSearchResult *st_store_search           (StStore         *self,
                                           const char      *text,
                                           StSearchScope    scope,
                                           guint            limit,
                                           GError         **error);

/* The same in the store's worker (st-store-async.c). */
void            st_store_search_async     (StStore             *self,
                                           const char          *text,
                                           StSearchScope        scope,
                                           guint                limit,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
StSearchResult *st_store_search_finish    (StStore             *self,
                                           GAsyncResult        *result,
                                           GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StSearchResult, st_search_result_free)

G_END_DECLS
