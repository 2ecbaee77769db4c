/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-list-model.h — a lazy GListModel over one SQL query: counts in SQL, fetches rows in pages,
 * and builds row objects (StItem, StDocument, StUnit …) only for the pages asked for. */
#pragma once

#include <gio/gio.h>
#include "st-types.h"

G_BEGIN_DECLS

#define ST_TYPE_LIST_MODEL (st_list_model_get_type ())
G_DECLARE_FINAL_TYPE (StListModel, st_list_model, ST, LIST_MODEL, GObject)

/* Sort keys.  Each list knows which apply to it; others fall back to the default. */
typedef enum
{
  ST_SORT_DEFAULT,
  ST_SORT_SKU,
  ST_SORT_NAME,
  ST_SORT_PRICE,
  ST_SORT_COST,
  ST_SORT_ON_HAND,
  ST_SORT_NUMBER,
  ST_SORT_DATE,
  ST_SORT_CONTACT,
  ST_SORT_STATUS,
  ST_SORT_TOTAL,
  ST_SORT_SERIAL,
  ST_SORT_WAREHOUSE,
  ST_SORT_RECEIVED,
} StSortKey;

/* Text filter (substring, case-insensitive) on the list's main text columns; NULL = all. */
void        st_list_model_set_filter  (StListModel *self,
                                       const char  *filter);
const char *st_list_model_get_filter  (StListModel *self);
void        st_list_model_set_sort    (StListModel *self,
                                       StSortKey    key,
                                       gboolean     descending);
/* Re-reads the count and drops the page cache (after a posting), emitting items-changed. */
void        st_list_model_refresh     (StListModel *self);
/* Position of the row with this id, or -1 (it asks SQL, not the cache). */
gint64      st_list_model_find_id     (StListModel *self,
                                       gint64       id);
/* Last error the model met while counting or fetching, if any. */
const GError *st_list_model_get_error (StListModel *self);

G_END_DECLS
