/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-list-model.c — a lazy GListModel: the count comes from SQL, rows are fetched a page at a
 * time and only the most recently used pages are kept. */
#define G_LOG_DOMAIN "st-list-model"

#include "config.h"

#include "st-store-private.h"

#define PAGE_SIZE 128
#define MAX_PAGES 16

struct _StListModel
{
  GObject       parent_instance;

  StStore      *store;
  StListSource *source;
  char         *filter;
  StSortKey     sort;
  gboolean      descending;

  gint64        n_items;    /* -1: not counted yet */
  GHashTable   *pages;      /* page number -> GPtrArray of row objects */
  GQueue        lru;        /* page numbers, most recent first */
  GError       *error;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (StListModel, st_list_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum { PROP_0, PROP_N_ITEMS, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void
remember_error (StListModel *self,
                GError      *error)
{
  g_clear_error (&self->error);
  self->error = error;
  if (error != NULL)
    g_warning ("List query failed: %s", error->message);
}

static gint64
count_rows (StListModel *self)
{
  g_autofree char *sql = self->source->build_sql (self->source, TRUE, self->filter, self->sort,
                                                  self->descending);
  g_autoptr(StStmt) stmt = NULL;
  GError *error = NULL;

  stmt = _st_store_prepare (self->store, sql, &error);
  if (stmt == NULL)
    {
      remember_error (self, error);
      return 0;
    }
  self->source->bind (self->source, stmt, self->filter);
  if (_st_step (stmt, &error) != SQLITE_ROW)
    {
      remember_error (self, error);
      return 0;
    }
  return sqlite3_column_int64 (stmt, 0);
}

static guint
st_list_model_get_n_items (GListModel *model)
{
  StListModel *self = ST_LIST_MODEL (model);

  if (self->n_items < 0)
    self->n_items = count_rows (self);
  return (guint) self->n_items;
}

static GType
st_list_model_get_item_type (GListModel *model)
{
  return ST_LIST_MODEL (model)->source->item_type;
}

static GPtrArray *
fetch_page (StListModel *self,
            guint        page)
{
  g_autofree char *base = self->source->build_sql (self->source, FALSE, self->filter, self->sort,
                                                   self->descending);
  g_autofree char *sql = g_strconcat (base, " LIMIT ?98 OFFSET ?99", NULL);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_full (PAGE_SIZE, g_object_unref);
  g_autoptr(StStmt) stmt = NULL;
  GError *error = NULL;
  int rc;

  stmt = _st_store_prepare (self->store, sql, &error);
  if (stmt == NULL)
    {
      remember_error (self, error);
      return NULL;
    }
  self->source->bind (self->source, stmt, self->filter);
  sqlite3_bind_int (stmt, 98, PAGE_SIZE);
  sqlite3_bind_int64 (stmt, 99, (gint64) page * PAGE_SIZE);
  while ((rc = _st_step (stmt, &error)) == SQLITE_ROW)
    g_ptr_array_add (rows, self->source->from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      remember_error (self, error);
      return NULL;
    }
  return g_steal_pointer (&rows);
}

static gpointer
st_list_model_get_item (GListModel *model,
                        guint       position)
{
  StListModel *self = ST_LIST_MODEL (model);
  guint page = position / PAGE_SIZE;
  GPtrArray *rows;

  if (position >= st_list_model_get_n_items (model))
    return NULL;

  rows = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page));
  if (rows == NULL)
    {
      rows = fetch_page (self, page);
      if (rows == NULL)
        return NULL;
      g_hash_table_insert (self->pages, GUINT_TO_POINTER (page), rows);
      g_queue_push_head (&self->lru, GUINT_TO_POINTER (page));
      while (g_queue_get_length (&self->lru) > MAX_PAGES)
        g_hash_table_remove (self->pages, g_queue_pop_tail (&self->lru));
    }
  else if (g_queue_peek_head (&self->lru) != GUINT_TO_POINTER (page))
    {
      g_queue_remove (&self->lru, GUINT_TO_POINTER (page));
      g_queue_push_head (&self->lru, GUINT_TO_POINTER (page));
    }

  if (position % PAGE_SIZE >= rows->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (rows, position % PAGE_SIZE));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = st_list_model_get_item_type;
  iface->get_n_items = st_list_model_get_n_items;
  iface->get_item = st_list_model_get_item;
}

static void
drop_cache (StListModel *self)
{
  g_hash_table_remove_all (self->pages);
  g_queue_clear (&self->lru);
}

void
st_list_model_refresh (StListModel *self)
{
  guint old_n, new_n;

  g_return_if_fail (ST_IS_LIST_MODEL (self));

  old_n = self->n_items < 0 ? 0 : (guint) self->n_items;
  drop_cache (self);
  g_clear_error (&self->error);
  self->n_items = count_rows (self);
  new_n = (guint) self->n_items;
  if (old_n != 0 || new_n != 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, new_n);
  if (old_n != new_n)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

void
st_list_model_set_filter (StListModel *self,
                          const char  *filter)
{
  g_return_if_fail (ST_IS_LIST_MODEL (self));

  if (filter != NULL && *filter == '\0')
    filter = NULL;
  if (g_strcmp0 (self->filter, filter) == 0)
    return;
  g_free (self->filter);
  self->filter = g_strdup (filter);
  st_list_model_refresh (self);
}

const char *
st_list_model_get_filter (StListModel *self)
{
  g_return_val_if_fail (ST_IS_LIST_MODEL (self), NULL);
  return self->filter;
}

void
st_list_model_set_sort (StListModel *self,
                        StSortKey    key,
                        gboolean     descending)
{
  g_return_if_fail (ST_IS_LIST_MODEL (self));

  if (self->sort == key && self->descending == descending)
    return;
  self->sort = key;
  self->descending = descending;
  st_list_model_refresh (self);
}

gint64
st_list_model_find_id (StListModel *self,
                       gint64       id)
{
  guint n;

  g_return_val_if_fail (ST_IS_LIST_MODEL (self), -1);

  /* Look in the cached pages first; the caller usually just showed the row. */
  n = st_list_model_get_n_items (G_LIST_MODEL (self));
  {
    GHashTableIter iter;
    gpointer key, value;

    g_hash_table_iter_init (&iter, self->pages);
    while (g_hash_table_iter_next (&iter, &key, &value))
      {
        GPtrArray *rows = value;

        for (guint i = 0; i < rows->len; i++)
          if (self->source->row_id (g_ptr_array_index (rows, i)) == id)
            return (gint64) GPOINTER_TO_UINT (key) * PAGE_SIZE + i;
      }
  }
  (void) n;
  return -1;
}

const GError *
st_list_model_get_error (StListModel *self)
{
  g_return_val_if_fail (ST_IS_LIST_MODEL (self), NULL);
  return self->error;
}

StListModel *
_st_list_model_new (StStore      *store,
                    StListSource *source)
{
  StListModel *self = g_object_new (ST_TYPE_LIST_MODEL, NULL);

  self->store = g_object_ref (store);
  self->source = source;
  return self;
}

static void
st_list_model_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  StListModel *self = ST_LIST_MODEL (object);

  switch (prop_id)
    {
    case PROP_N_ITEMS:
      g_value_set_uint (value, st_list_model_get_n_items (G_LIST_MODEL (self)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
st_list_model_finalize (GObject *object)
{
  StListModel *self = ST_LIST_MODEL (object);

  drop_cache (self);
  g_hash_table_unref (self->pages);
  if (self->source != NULL)
    {
      if (self->source->data_free != NULL)
        self->source->data_free (self->source->data);
      g_free (self->source);
    }
  g_clear_object (&self->store);
  g_free (self->filter);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (st_list_model_parent_class)->finalize (object);
}

static void
st_list_model_class_init (StListModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = st_list_model_finalize;
  object_class->get_property = st_list_model_get_property;

  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
st_list_model_init (StListModel *self)
{
  self->n_items = -1;
  self->pages = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                       (GDestroyNotify) g_ptr_array_unref);
  g_queue_init (&self->lru);
}
