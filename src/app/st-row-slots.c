/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "st-row-slots"

#include "config.h"

#include "st-row-slots.h"

/* A row */

typedef struct
{
  StRowSlotFunc func;
  gpointer      data;
} Watch;

struct _StRowSlot
{
  GObject     parent_instance;

  GObject    *item;
  guint       position;
  StRowSlots *owner;      /* not owned; NULL once the slot left the list */
  GArray     *watches;    /* Watch, the cells bound to the row; NULL when none yet */
};

G_DEFINE_FINAL_TYPE (StRowSlot, st_row_slot, G_TYPE_OBJECT)

enum {
  SLOT_PROP_0,
  SLOT_PROP_ITEM,
  SLOT_N_PROPS
};

static GParamSpec *slot_properties[SLOT_N_PROPS];

struct _StRowSlots
{
  GObject     parent_instance;

  GListModel *model;
  guint       n_items;
  GHashTable *live;       /* position -> StRowSlot (not owned): the slots someone holds */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (StRowSlots, st_row_slots, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

gpointer
st_row_slot_get_item (StRowSlot *self)
{
  g_return_val_if_fail (ST_IS_ROW_SLOT (self), NULL);

  return self->item;
}

void
st_row_slot_watch (StRowSlot     *self,
                   StRowSlotFunc  func,
                   gpointer       data)
{
  Watch watch = { func, data };

  g_return_if_fail (ST_IS_ROW_SLOT (self));
  g_return_if_fail (func != NULL);

  if (self->watches == NULL)
    self->watches = g_array_sized_new (FALSE, FALSE, sizeof (Watch), 10);
  g_array_append_val (self->watches, watch);
}

void
st_row_slot_unwatch (StRowSlot     *self,
                     StRowSlotFunc  func,
                     gpointer       data)
{
  g_return_if_fail (ST_IS_ROW_SLOT (self));

  for (guint i = 0; self->watches != NULL && i < self->watches->len; i++)
    {
      Watch *watch = &g_array_index (self->watches, Watch, i);

      if (watch->func == func && watch->data == data)
        {
          g_array_remove_index_fast (self->watches, i);
          return;
        }
    }
}

static void
st_row_slot_finalize (GObject *object)
{
  StRowSlot *self = ST_ROW_SLOT (object);

  /* Nobody holds the row any more: the next who asks gets a new slot. */
  if (self->owner != NULL
      && g_hash_table_lookup (self->owner->live, GUINT_TO_POINTER (self->position)) == self)
    g_hash_table_remove (self->owner->live, GUINT_TO_POINTER (self->position));
  g_clear_object (&self->item);
  g_clear_pointer (&self->watches, g_array_unref);

  G_OBJECT_CLASS (st_row_slot_parent_class)->finalize (object);
}

static void
st_row_slot_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  StRowSlot *self = ST_ROW_SLOT (object);

  switch (prop_id)
    {
    case SLOT_PROP_ITEM:
      g_value_set_object (value, self->item);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
st_row_slot_class_init (StRowSlotClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = st_row_slot_finalize;
  object_class->get_property = st_row_slot_get_property;

  slot_properties[SLOT_PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL,
                         G_TYPE_OBJECT,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, SLOT_N_PROPS, slot_properties);
}

static void
st_row_slot_init (StRowSlot *self)
{
}

/* The list */

static GType
st_row_slots_get_item_type (GListModel *model)
{
  return ST_TYPE_ROW_SLOT;
}

static guint
st_row_slots_get_n_items (GListModel *model)
{
  return ST_ROW_SLOTS (model)->n_items;
}

static gpointer
st_row_slots_get_item (GListModel *model,
                       guint       position)
{
  StRowSlots *self = ST_ROW_SLOTS (model);
  StRowSlot *slot;

  if (position >= self->n_items)
    return NULL;

  slot = g_hash_table_lookup (self->live, GUINT_TO_POINTER (position));
  if (slot != NULL)
    return g_object_ref (slot);

  slot = g_object_new (ST_TYPE_ROW_SLOT, NULL);
  slot->item = g_list_model_get_item (self->model, position);
  slot->position = position;
  slot->owner = self;
  g_hash_table_insert (self->live, GUINT_TO_POINTER (position), slot);

  return slot;
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = st_row_slots_get_item_type;
  iface->get_n_items = st_row_slots_get_n_items;
  iface->get_item = st_row_slots_get_item;
}

void
st_row_slots_reload (StRowSlots *self)
{
  g_autoptr(GPtrArray) slots = NULL;
  GHashTableIter iter;
  gpointer value;
  guint old_n, new_n;

  g_return_if_fail (ST_IS_ROW_SLOTS (self));

  old_n = self->n_items;
  new_n = self->model != NULL ? g_list_model_get_n_items (self->model) : 0;
  self->n_items = new_n;

  /* The rows someone holds (the list view's widgets) take their new items; those past the
   * new end leave with the "items-changed" below. */
  slots = g_ptr_array_new_with_free_func (g_object_unref);
  g_hash_table_iter_init (&iter, self->live);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      StRowSlot *slot = value;

      if (slot->position < new_n)
        g_ptr_array_add (slots, g_object_ref (slot));
      else
        {
          slot->owner = NULL;
          g_hash_table_iter_remove (&iter);
        }
    }
  for (guint i = 0; i < slots->len; i++)
    {
      StRowSlot *slot = g_ptr_array_index (slots, i);

      g_clear_object (&slot->item);
      slot->item = g_list_model_get_item (self->model, slot->position);
      g_object_notify_by_pspec (G_OBJECT (slot), slot_properties[SLOT_PROP_ITEM]);
      /* A watch may unwatch itself; walk a copy. */
      if (slot->watches != NULL && slot->watches->len > 0)
        {
          g_autoptr(GArray) watches = g_array_copy (slot->watches);

          for (guint w = 0; w < watches->len; w++)
            g_array_index (watches, Watch, w).func (g_array_index (watches, Watch, w).data);
        }
    }

  if (new_n < old_n)
    g_list_model_items_changed (G_LIST_MODEL (self), new_n, old_n - new_n, 0);
  else if (new_n > old_n)
    g_list_model_items_changed (G_LIST_MODEL (self), old_n, 0, new_n - old_n);
}

GListModel *
st_row_slots_get_model (StRowSlots *self)
{
  g_return_val_if_fail (ST_IS_ROW_SLOTS (self), NULL);

  return self->model;
}

void
st_row_slots_set_model (StRowSlots *self,
                        GListModel *model)
{
  g_return_if_fail (ST_IS_ROW_SLOTS (self));
  g_return_if_fail (model == NULL || G_IS_LIST_MODEL (model));

  g_set_object (&self->model, model);
  st_row_slots_reload (self);
}

gpointer
st_row_slots_unwrap (gpointer item)
{
  if (item != NULL && ST_IS_ROW_SLOT (item))
    return ST_ROW_SLOT (item)->item;
  return item;
}

StRowSlots *
st_row_slots_new (GListModel *model)
{
  StRowSlots *self;

  g_return_val_if_fail (model == NULL || G_IS_LIST_MODEL (model), NULL);

  self = g_object_new (ST_TYPE_ROW_SLOTS, NULL);
  self->model = model != NULL ? g_object_ref (model) : NULL;
  self->n_items = model != NULL ? g_list_model_get_n_items (model) : 0;
  return self;
}

static void
st_row_slots_finalize (GObject *object)
{
  StRowSlots *self = ST_ROW_SLOTS (object);
  GHashTableIter iter;
  gpointer value;

  /* Slots may outlive the list (a widget still holds one). */
  g_hash_table_iter_init (&iter, self->live);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    ST_ROW_SLOT (value)->owner = NULL;
  g_hash_table_unref (self->live);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (st_row_slots_parent_class)->finalize (object);
}

static void
st_row_slots_class_init (StRowSlotsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = st_row_slots_finalize;
}

static void
st_row_slots_init (StRowSlots *self)
{
  self->live = g_hash_table_new (NULL, NULL);
}
