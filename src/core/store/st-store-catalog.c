/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-store-catalog.c — the store's catalogue: warehouses, contacts (vendors and customers) and
 * items, added, found by name and listed. */
#define G_LOG_DOMAIN "st-catalog"

#include "config.h"

#include <glib/gi18n.h>

#include "st-error.h"
#include "st-store-private.h"

#define ST_NAME_MAX_CHARS 200

/* Warehouses and contacts. */

StWarehouse *
_st_warehouse_from_row (StStmt *stmt)
{
  StWarehouse *w = g_object_new (ST_TYPE_WAREHOUSE, NULL);

  w->id = st_stmt_column_int64 (stmt, 0);
  w->name = _st_column_dup (stmt, 1);
  w->archived = st_stmt_column_int64 (stmt, 2) != 0;
  w->on_hand = st_stmt_column_int64 (stmt, 3);
  return w;
}

StContact *
_st_contact_from_row (StStmt *stmt)
{
  StContact *c = g_object_new (ST_TYPE_CONTACT, NULL);

  c->id = st_stmt_column_int64 (stmt, 0);
  st_contact_kind_from_string (st_stmt_column_text (stmt, 1), &c->kind);
  c->name = _st_column_dup (stmt, 2);
  c->email = _st_column_dup (stmt, 3);
  c->phone = _st_column_dup (stmt, 4);
  c->archived = st_stmt_column_int64 (stmt, 5) != 0;
  return c;
}

static StWarehouse *
warehouse_new (gint64      id,
               const char *name)
{
  StWarehouse *w = g_object_new (ST_TYPE_WAREHOUSE, NULL);

  w->id = id;
  w->name = g_strdup (name);
  return w;
}

StWarehouse *
st_store_add_warehouse (StStore     *self,
                        const char  *name,
                        GError     **error)
{
  g_autofree char *clean = NULL;
  g_autofree char *key = NULL;
  g_autoptr(StStmt) stmt = NULL;

  g_return_val_if_fail (ST_IS_STORE (self), NULL);

  /* Translators: a field name, used in messages like “The %s is empty” */
  clean = _st_clean_name (name, _("warehouse name"), ST_NAME_MAX_CHARS, error);
  if (clean == NULL)
    return NULL;
  key = _st_name_key (clean);
  stmt = _st_store_prepare (self, "INSERT INTO warehouses (name, name_key) VALUES (?, ?)", error);
  if (stmt == NULL)
    return NULL;
  _st_bind_text (stmt, 1, clean);
  _st_bind_text (stmt, 2, key);
  /* Translators: %s is a warehouse name */
  if (!_st_step_unique (stmt, error, _("A warehouse named “%s” already exists"), clean))
    return NULL;
  _st_store_emit_changed (self);
  return warehouse_new (st_db_last_insert_id (_st_store_get_db (self), NULL), clean);
}

gint64
_st_store_warehouse_id (StStore     *self,
                        const char  *name,
                        GError     **error)
{
  g_autofree char *key = NULL;
  g_autoptr(StStmt) stmt = NULL;
  int rc;

  if (name == NULL || *name == '\0')
    {
      g_set_error (error, ST_ERROR, ST_ERROR_INVALID_INPUT, _("No warehouse was given"));
      return 0;
    }
  key = _st_name_key (name);
  stmt = _st_store_prepare (self, "SELECT id FROM warehouses WHERE name_key = ?", error);
  if (stmt == NULL)
    return 0;
  _st_bind_text (stmt, 1, key);
  rc = _st_step (stmt, error);
  if (rc == 0)
    return 0;
  if (rc != ST_STEP_ROW)
    {
      /* Translators: %s is a warehouse name as given */
      g_set_error (error, ST_ERROR, ST_ERROR_NOT_FOUND, _("There is no warehouse named “%s”"),
                   name);
      return 0;
    }
  return st_stmt_column_int64 (stmt, 0);
}

StWarehouse *
st_store_find_warehouse (StStore     *self,
                         const char  *name,
                         GError     **error)
{
  g_autoptr(StStmt) stmt = NULL;
  gint64 id;

  g_return_val_if_fail (ST_IS_STORE (self), NULL);
  id = _st_store_warehouse_id (self, name, error);
  if (id == 0)
    return NULL;
  stmt = _st_store_prepare (self, "SELECT " ST_WAREHOUSE_COLUMNS " FROM warehouses w WHERE w.id = ?",
                            error);
  if (stmt == NULL)
    return NULL;
  st_stmt_bind_int64 (stmt, 1, id);
  if (_st_step (stmt, error) != ST_STEP_ROW)
    return NULL;
  return _st_warehouse_from_row (stmt);
}

GPtrArray *
st_store_list_warehouses (StStore  *self,
                          GError  **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(StStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (ST_IS_STORE (self), NULL);
  stmt = _st_store_prepare (self,
                            "SELECT " ST_WAREHOUSE_COLUMNS " FROM warehouses w ORDER BY w.name_key",
                            error);
  if (stmt == NULL)
    return NULL;
  while ((rc = _st_step (stmt, error)) == ST_STEP_ROW)
    g_ptr_array_add (list, _st_warehouse_from_row (stmt));
  return rc == ST_STEP_DONE ? g_steal_pointer (&list) : NULL;
}

static StContact *
contact_new (gint64         id,
             StContactKind  kind,
             const char    *name)
{
  StContact *c = g_object_new (ST_TYPE_CONTACT, NULL);

  c->id = id;
  c->kind = kind;
  c->name = g_strdup (name);
  return c;
}

StContact *
st_store_add_contact (StStore        *self,
                      StContactKind   kind,
                      const char     *name,
                      GError        **error)
{
  g_autofree char *clean = NULL;
  g_autofree char *key = NULL;
  g_autoptr(StStmt) stmt = NULL;

  g_return_val_if_fail (ST_IS_STORE (self), NULL);

  /* Translators: a field name, used in messages like “The %s is empty” */
  clean = _st_clean_name (name, kind == ST_CONTACT_VENDOR ? _("vendor name") : _("customer name"),
                          ST_NAME_MAX_CHARS, error);
  if (clean == NULL)
    return NULL;
  key = _st_name_key (clean);
  stmt = _st_store_prepare (self, "INSERT INTO contacts (kind, name, name_key) VALUES (?, ?, ?)",
                            error);
  if (stmt == NULL)
    return NULL;
  _st_bind_text (stmt, 1, st_contact_kind_to_string (kind));
  _st_bind_text (stmt, 2, clean);
  _st_bind_text (stmt, 3, key);
  if (!_st_step_unique (stmt, error,
                        kind == ST_CONTACT_VENDOR
                        /* Translators: %s is a vendor's name */
                        ? _("A vendor named “%s” already exists")
                        /* Translators: %s is a customer's name */
                        : _("A customer named “%s” already exists"), clean))
    return NULL;
  _st_store_emit_changed (self);
  return contact_new (st_db_last_insert_id (_st_store_get_db (self), NULL), kind, clean);
}

gint64
_st_store_contact_id (StStore        *self,
                      StContactKind   kind,
                      const char     *name,
                      GError        **error)
{
  g_autofree char *key = NULL;
  g_autoptr(StStmt) stmt = NULL;
  int rc;

  if (name == NULL || *name == '\0')
    {
      if (kind == ST_CONTACT_VENDOR)
        g_set_error (error, ST_ERROR, ST_ERROR_INVALID_INPUT, _("No vendor was given"));
      else
        g_set_error (error, ST_ERROR, ST_ERROR_INVALID_INPUT, _("No customer was given"));
      return 0;
    }
  key = _st_name_key (name);
  stmt = _st_store_prepare (self, "SELECT id FROM contacts WHERE kind = ? AND name_key = ?", error);
  if (stmt == NULL)
    return 0;
  _st_bind_text (stmt, 1, st_contact_kind_to_string (kind));
  _st_bind_text (stmt, 2, key);
  rc = _st_step (stmt, error);
  if (rc == 0)
    return 0;
  if (rc != ST_STEP_ROW)
    {
      if (kind == ST_CONTACT_VENDOR)
        /* Translators: %s is a vendor's name as given */
        g_set_error (error, ST_ERROR, ST_ERROR_NOT_FOUND, _("There is no vendor named “%s”"),
                     name);
      else
        /* Translators: %s is a customer's name as given */
        g_set_error (error, ST_ERROR, ST_ERROR_NOT_FOUND, _("There is no customer named “%s”"),
                     name);
      return 0;
    }
  return st_stmt_column_int64 (stmt, 0);
}

StContact *
st_store_find_contact (StStore        *self,
                       StContactKind   kind,
                       const char     *name,
                       GError        **error)
{
  g_autoptr(StStmt) stmt = NULL;
  gint64 id;

  g_return_val_if_fail (ST_IS_STORE (self), NULL);
  id = _st_store_contact_id (self, kind, name, error);
  if (id == 0)
    return NULL;
  stmt = _st_store_prepare (self, "SELECT " ST_CONTACT_COLUMNS " FROM contacts c WHERE c.id = ?",
                            error);
  if (stmt == NULL)
    return NULL;
  st_stmt_bind_int64 (stmt, 1, id);
  if (_st_step (stmt, error) != ST_STEP_ROW)
    return NULL;
  return _st_contact_from_row (stmt);
}

GPtrArray *
st_store_list_contacts (StStore        *self,
                        StContactKind   kind,
                        GError        **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(StStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (ST_IS_STORE (self), NULL);
  stmt = _st_store_prepare (self,
                            "SELECT " ST_CONTACT_COLUMNS " FROM contacts c WHERE c.kind = ?"
                            " ORDER BY c.name_key",
                            error);
  if (stmt == NULL)
    return NULL;
  _st_bind_text (stmt, 1, st_contact_kind_to_string (kind));
  while ((rc = _st_step (stmt, error)) == ST_STEP_ROW)
    g_ptr_array_add (list, _st_contact_from_row (stmt));
  return rc == ST_STEP_DONE ? g_steal_pointer (&list) : NULL;
}

/* Items. */

StItem *
_st_item_from_row (StStmt *stmt)
{
  StItem *item = g_object_new (ST_TYPE_ITEM, NULL);

  item->id = st_stmt_column_int64 (stmt, 0);
  item->sku = _st_column_dup (stmt, 1);
  item->name = _st_column_dup (stmt, 2);
  item->unit = _st_column_dup (stmt, 3);
  item->price = st_stmt_column_int64 (stmt, 4);
  item->cost = st_stmt_column_int64 (stmt, 5);
  st_tracking_from_string (st_stmt_column_text (stmt, 6), &item->tracking);
  item->warranty_months = st_stmt_column_int (stmt, 7);
  st_serial_format_from_string (st_stmt_column_text (stmt, 8), &item->serial_format);
  item->on_hand = st_stmt_column_int64 (stmt, 9);
  item->archived = st_stmt_column_int64 (stmt, 10) != 0;
  return item;
}

StItem *
st_store_add_item (StStore           *self,
                   const StItemSpec  *spec,
                   GError           **error)
{
  g_autofree char *sku = NULL;
  g_autofree char *name = NULL;
  g_autofree char *unit = NULL;
  g_autofree char *key = NULL;
  g_autoptr(StStmt) stmt = NULL;
  /* Translators: the default unit of measure, pieces; it is stored with the item in the
   * language of the user who adds it, like the first warehouse's name */
  const char *default_unit = _("pcs");

  g_return_val_if_fail (ST_IS_STORE (self), NULL);
  g_return_val_if_fail (spec != NULL, NULL);

  if ((sku = _st_clean_name (spec->sku, _("SKU"), 64, error)) == NULL
      /* Translators: a field name, used in messages like “The %s is empty” */
      || (name = _st_clean_name (spec->name, _("item name"), ST_NAME_MAX_CHARS, error)) == NULL
      || (unit = _st_clean_name (spec->unit != NULL ? spec->unit : default_unit,
                                /* Translators: a field name: an item's unit of measure */
                                 C_("field", "unit"), 20, error)) == NULL)
    return NULL;
  if (spec->price < 0 || spec->cost < 0)
    {
      g_set_error (error, ST_ERROR, ST_ERROR_INVALID_INPUT,
                   /* Translators: %s is an item's SKU */
                   _("The price and the cost of item “%s” cannot be negative"), sku);
      return NULL;
    }
  if (spec->warranty_months > 1200)
    {
      g_set_error (error, ST_ERROR, ST_ERROR_INVALID_INPUT,
                   /* Translators: %s is an item's SKU */
                   _("The warranty of item “%s” is longer than 1200 months"), sku);
      return NULL;
    }
  if (spec->tracking == ST_TRACKING_SERIAL && st_store_get_tracking (self) == ST_TRACKING_NONE)
    {
      g_set_error (error, ST_ERROR, ST_ERROR_PREFERENCE,
                   /* Translators: %s is an item's SKU; “Preferences” is the dialog of that name */
                   _("Item “%s” cannot track serial numbers: the inventory tracks quantities "
                     "only (see Preferences)"), sku);
      return NULL;
    }
  key = _st_name_key (sku);
  stmt = _st_store_prepare (self,
                            "INSERT INTO items (sku, sku_key, name, unit, price, cost, tracking,"
                            " warranty_months, serial_format) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                            error);
  if (stmt == NULL)
    return NULL;
  _st_bind_text (stmt, 1, sku);
  _st_bind_text (stmt, 2, key);
  _st_bind_text (stmt, 3, name);
  _st_bind_text (stmt, 4, unit);
  st_stmt_bind_int64 (stmt, 5, spec->price);
  st_stmt_bind_int64 (stmt, 6, spec->cost);
  _st_bind_text (stmt, 7, st_tracking_to_string (spec->tracking));
  st_stmt_bind_int64 (stmt, 8, spec->warranty_months);
  _st_bind_text (stmt, 9, st_serial_format_to_string (spec->tracking == ST_TRACKING_SERIAL
                                                      ? spec->serial_format
                                                      : ST_SERIAL_FORMAT_ANY));
  /* Translators: %s is an item's SKU */
  if (!_st_step_unique (stmt, error, _("An item with SKU “%s” already exists"), sku))
    return NULL;
  _st_store_emit_changed (self);
  return st_store_find_item (self, sku, error);
}

StItem *
st_store_find_item (StStore     *self,
                    const char  *sku,
                    GError     **error)
{
  g_autofree char *key = NULL;
  g_autoptr(StStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (ST_IS_STORE (self), NULL);
  if (sku == NULL || *sku == '\0')
    {
      g_set_error (error, ST_ERROR, ST_ERROR_INVALID_INPUT, _("No SKU was given"));
      return NULL;
    }
  key = _st_name_key (sku);
  stmt = _st_store_prepare (self, "SELECT " ST_ITEM_COLUMNS " FROM items i WHERE i.sku_key = ?",
                            error);
  if (stmt == NULL)
    return NULL;
  _st_bind_text (stmt, 1, key);
  rc = _st_step (stmt, error);
  if (rc == 0)
    return NULL;
  if (rc != ST_STEP_ROW)
    {
      /* Translators: %s is an item's SKU as given */
      g_set_error (error, ST_ERROR, ST_ERROR_NOT_FOUND, _("There is no item with SKU “%s”"), sku);
      return NULL;
    }
  return _st_item_from_row (stmt);
}

GPtrArray *
st_store_list_all_items (StStore  *self,
                         GError  **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(StStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (ST_IS_STORE (self), NULL);
  stmt = _st_store_prepare (self, "SELECT " ST_ITEM_COLUMNS " FROM items i ORDER BY i.sku_key",
                            error);
  if (stmt == NULL)
    return NULL;
  while ((rc = _st_step (stmt, error)) == ST_STEP_ROW)
    g_ptr_array_add (list, _st_item_from_row (stmt));
  return rc == ST_STEP_DONE ? g_steal_pointer (&list) : NULL;
}
