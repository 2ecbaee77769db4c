/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-store-editing.c — items, contacts and warehouses edited, renamed, archived and deleted
 * (DESIGN §11).  History refers to them by id, so a rename shows everywhere at once. */
#define G_LOG_DOMAIN "st-editing"

#include "config.h"

#include <glib/gi18n.h>

#include "st-error.h"
#include "st-serial.h"
#include "st-store-editing.h"
#include "st-store-private.h"

#define ST_NAME_MAX_CHARS 200

/* Runs @sql with the text and id given, expecting no row back; FALSE with @error set. */
static gboolean
exec_update (StStore     *self,
             const char  *sql,
             const char  *text,
             gint64       id,
             GError     **error)
{
  g_autoptr(StStmt) stmt = _st_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  _st_bind_text (stmt, 1, text);
  st_stmt_bind_int64 (stmt, 2, id);
  return _st_step (stmt, error) == ST_STEP_DONE;
}

/* Whether the first serial of item @item_id that @format refuses exists; it is returned. */
static gboolean
find_serial_breaking (StStore         *self,
                      gint64           item_id,
                      StSerialFormat   format,
                      char           **serial,
                      GError         **error)
{
  g_autoptr(StStmt) stmt = NULL;
  int rc;

  *serial = NULL;
  stmt = _st_store_prepare (self, "SELECT serial FROM units WHERE item_id = ? ORDER BY id", error);
  if (stmt == NULL)
    return FALSE;
  st_stmt_bind_int64 (stmt, 1, item_id);
  while ((rc = _st_step (stmt, error)) == ST_STEP_ROW)
    if (!st_serial_check_format (st_stmt_column_text (stmt, 0), format, NULL))
      {
        *serial = _st_column_dup (stmt, 0);
        break;
      }
  return rc != 0;
}

static StItem *
edit_item_locked (StStore           *self,
                  const char        *sku,
                  const StItemEdit  *edit,
                  GError           **error)
{
  g_autoptr(StItem) item = NULL;
  g_autoptr(GError) local = NULL;
  g_autofree char *new_sku = NULL;
  g_autofree char *name = NULL;
  g_autofree char *unit = NULL;
  g_autofree char *breaking = NULL;
  g_autoptr(StStmt) stmt = NULL;
  gint64 price, cost;
  guint warranty;
  StSerialFormat format;
  int rc;

  item = st_store_find_item (self, sku, error);
  if (item == NULL)
    return NULL;

  if ((new_sku = _st_clean_name (edit->sku != NULL ? edit->sku : st_item_get_sku (item),
                                 _("SKU"), 64, error)) == NULL
      || (name = _st_clean_name (edit->name != NULL ? edit->name : st_item_get_name (item),
                                 _("item name"), ST_NAME_MAX_CHARS, error)) == NULL
      || (unit = _st_clean_name (edit->unit != NULL ? edit->unit : st_item_get_unit (item),
                                 C_("field", "unit"), 20, error)) == NULL)
    return NULL;

  price = edit->set_price ? edit->price : st_item_get_price (item);
  cost = edit->set_cost ? edit->cost : st_item_get_cost (item);
  if (price < 0 || cost < 0)
    {
      g_set_error (error, ST_ERROR, ST_ERROR_INVALID_INPUT,
                   _("The price and the cost of item “%s” cannot be negative"), new_sku);
      return NULL;
    }
  warranty = edit->set_warranty ? edit->warranty_months : st_item_get_warranty_months (item);
  if (warranty > 1200)
    {
      g_set_error (error, ST_ERROR, ST_ERROR_INVALID_INPUT,
                   _("The warranty of item “%s” is longer than 1200 months"), new_sku);
      return NULL;
    }

  format = edit->set_format ? edit->serial_format : st_item_get_serial_format (item);
  if (format != st_item_get_serial_format (item))
    {
      if (st_item_get_tracking (item) != ST_TRACKING_SERIAL)
        {
          g_set_error (error, ST_ERROR, ST_ERROR_INVALID_INPUT,
                       /* Translators: %s is an item's SKU */
                       _("Item “%s” does not track serial numbers: it has no serial format"),
                       st_item_get_sku (item));
          return NULL;
        }
      if (!find_serial_breaking (self, st_item_get_id (item), format, &breaking, error))
        return NULL;
      if (breaking != NULL)
        {
          g_autofree char *escaped = g_strescape (breaking, NULL);

          g_set_error (error, ST_ERROR, ST_ERROR_SERIAL_FORMAT,
                       /* Translators: %1$s is a SKU, %2$s a serial format ("IMEI"), %3$s a
                        * serial of the item */
                       _("The serial format of item “%1$s” cannot become %2$s: its serial "
                         "“%3$s” does not meet it"),
                       st_item_get_sku (item), st_serial_format_to_label (format), escaped);
          return NULL;
        }
    }

  stmt = _st_store_prepare (self,
                            "UPDATE items SET sku = ?, sku_key = ?, name = ?, unit = ?, price = ?,"
                            " cost = ?, warranty_months = ?, serial_format = ? WHERE id = ?",
                            error);
  if (stmt == NULL)
    return NULL;
  {
    g_autofree char *key = _st_name_key (new_sku);

    _st_bind_text (stmt, 1, new_sku);
    _st_bind_text (stmt, 2, key);
  }
  _st_bind_text (stmt, 3, name);
  _st_bind_text (stmt, 4, unit);
  st_stmt_bind_int64 (stmt, 5, price);
  st_stmt_bind_int64 (stmt, 6, cost);
  st_stmt_bind_int64 (stmt, 7, warranty);
  _st_bind_text (stmt, 8, st_serial_format_to_string (format));
  st_stmt_bind_int64 (stmt, 9, st_item_get_id (item));
  rc = st_stmt_step (stmt, &local);
  if (rc == 0 && g_error_matches (local, ST_ERROR, ST_ERROR_DUPLICATE))
    {
      g_set_error (error, ST_ERROR, ST_ERROR_DUPLICATE, _("An item with SKU “%s” already exists"),
                   new_sku);
      return NULL;
    }
  if (rc != ST_STEP_DONE)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }

  return st_store_find_item (self, new_sku, error);
}

StItem *
st_store_edit_item (StStore           *self,
                    const char        *sku,
                    const StItemEdit  *edit,
                    GError           **error)
{
  StItem *item;

  g_return_val_if_fail (ST_IS_STORE (self), NULL);
  g_return_val_if_fail (edit != NULL, NULL);

  if (!_st_store_begin (self, error))
    return NULL;
  item = edit_item_locked (self, sku, edit, error);
  if (item == NULL || !_st_store_commit (self, error))
    {
      _st_store_rollback (self);
      g_clear_object (&item);
      return NULL;
    }
  _st_store_emit_changed (self);
  return item;
}

gboolean
st_store_set_item_archived (StStore     *self,
                            const char  *sku,
                            gboolean     archived,
                            GError     **error)
{
  g_autoptr(StItem) item = NULL;
  g_autoptr(StStmt) stmt = NULL;

  g_return_val_if_fail (ST_IS_STORE (self), FALSE);

  item = st_store_find_item (self, sku, error);
  if (item == NULL)
    return FALSE;
  stmt = _st_store_prepare (self, "UPDATE items SET archived = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  st_stmt_bind_int64 (stmt, 1, archived ? 1 : 0);
  st_stmt_bind_int64 (stmt, 2, st_item_get_id (item));
  if (_st_step (stmt, error) != ST_STEP_DONE)
    return FALSE;
  _st_store_emit_changed (self);
  return TRUE;
}

gboolean
st_store_get_item_archived (StStore     *self,
                            const char  *sku,
                            GError     **error)
{
  g_autoptr(StItem) item = NULL;
  g_autoptr(StStmt) stmt = NULL;

  g_return_val_if_fail (ST_IS_STORE (self), FALSE);

  item = st_store_find_item (self, sku, error);
  if (item == NULL)
    return FALSE;
  stmt = _st_store_prepare (self, "SELECT archived FROM items WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  st_stmt_bind_int64 (stmt, 1, st_item_get_id (item));
  if (_st_step (stmt, error) != ST_STEP_ROW)
    return FALSE;
  return st_stmt_column_int64 (stmt, 0) != 0;
}

static gboolean
delete_item_locked (StStore     *self,
                    const char  *sku,
                    GError     **error)
{
  g_autoptr(StItem) item = NULL;
  g_autoptr(StStmt) used = NULL;
  g_autoptr(StStmt) stmt = NULL;

  item = st_store_find_item (self, sku, error);
  if (item == NULL)
    return FALSE;

  used = _st_store_prepare (self,
                            "SELECT 1 WHERE EXISTS (SELECT 1 FROM document_lines WHERE item_id = ?)"
                            " OR EXISTS (SELECT 1 FROM units WHERE item_id = ?)"
                            " OR EXISTS (SELECT 1 FROM stock_moves WHERE item_id = ?)"
                            " OR EXISTS (SELECT 1 FROM stock WHERE item_id = ? AND on_hand <> 0)",
                            error);
  if (used == NULL)
    return FALSE;
  for (int i = 1; i <= 4; i++)
    st_stmt_bind_int64 (used, i, st_item_get_id (item));
  switch (_st_step (used, error))
    {
    case ST_STEP_ROW:
      g_set_error (error, ST_ERROR, ST_ERROR_INVALID_INPUT,
                   /* Translators: %s is an item's SKU */
                   _("Item “%s” cannot be deleted: documents use it (archive it instead)"),
                   st_item_get_sku (item));
      return FALSE;
    case ST_STEP_DONE:
      break;
    default:
      return FALSE;
    }

  stmt = _st_store_prepare (self, "DELETE FROM stock WHERE item_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  st_stmt_bind_int64 (stmt, 1, st_item_get_id (item));
  if (_st_step (stmt, error) != ST_STEP_DONE)
    return FALSE;
  g_clear_pointer (&stmt, st_stmt_release);
  stmt = _st_store_prepare (self, "DELETE FROM items WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  st_stmt_bind_int64 (stmt, 1, st_item_get_id (item));
  return _st_step (stmt, error) == ST_STEP_DONE;
}

gboolean
st_store_delete_item (StStore     *self,
                      const char  *sku,
                      GError     **error)
{
  g_return_val_if_fail (ST_IS_STORE (self), FALSE);

  if (!_st_store_begin (self, error))
    return FALSE;
  if (!delete_item_locked (self, sku, error) || !_st_store_commit (self, error))
    {
      _st_store_rollback (self);
      return FALSE;
    }
  _st_store_emit_changed (self);
  return TRUE;
}

GPtrArray *
st_store_list_active_items (StStore  *self,
                            GError  **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(StStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (ST_IS_STORE (self), NULL);
  stmt = _st_store_prepare (self,
                            "SELECT " ST_ITEM_COLUMNS " FROM items i WHERE i.archived = 0"
                            " ORDER BY i.sku_key",
                            error);
  if (stmt == NULL)
    return NULL;
  while ((rc = _st_step (stmt, error)) == ST_STEP_ROW)
    g_ptr_array_add (list, _st_item_from_row (stmt));
  return rc == ST_STEP_DONE ? g_steal_pointer (&list) : NULL;
}

/* Contacts. */

static gboolean
edit_contact_locked (StStore        *self,
                     StContactKind   kind,
                     gint64          id,
                     const char     *new_name,
                     const char     *email,
                     const char     *phone,
                     GError        **error)
{
  g_autoptr(GError) local = NULL;

  if (new_name != NULL)
    {
      g_autoptr(StStmt) stmt = NULL;
      g_autofree char *key = _st_name_key (new_name);
      int rc;

      stmt = _st_store_prepare (self, "UPDATE contacts SET name = ?, name_key = ? WHERE id = ?",
                                error);
      if (stmt == NULL)
        return FALSE;
      _st_bind_text (stmt, 1, new_name);
      _st_bind_text (stmt, 2, key);
      st_stmt_bind_int64 (stmt, 3, id);
      rc = st_stmt_step (stmt, &local);
      if (rc == 0 && g_error_matches (local, ST_ERROR, ST_ERROR_DUPLICATE))
        {
          if (kind == ST_CONTACT_VENDOR)
            g_set_error (error, ST_ERROR, ST_ERROR_DUPLICATE,
                         _("A vendor named “%s” already exists"), new_name);
          else
            g_set_error (error, ST_ERROR, ST_ERROR_DUPLICATE,
                         _("A customer named “%s” already exists"), new_name);
          return FALSE;
        }
      if (rc != ST_STEP_DONE)
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
    }

  if (email != NULL
      && !exec_update (self, "UPDATE contacts SET email = ? WHERE id = ?",
                       *email != '\0' ? email : NULL, id, error))
    return FALSE;
  if (phone != NULL
      && !exec_update (self, "UPDATE contacts SET phone = ? WHERE id = ?",
                       *phone != '\0' ? phone : NULL, id, error))
    return FALSE;
  return TRUE;
}

/* A short free text (an e-mail address, a phone number): trimmed, printable, not too long. */
static char *
clean_detail (const char  *text,
              const char  *field,
              GError     **error)
{
  g_autofree char *trimmed = NULL;

  if (text == NULL)
    return NULL;
  trimmed = g_strstrip (g_strdup (text));
  if (*trimmed == '\0')
    return g_strdup ("");  /* cleared */
  return _st_clean_name (trimmed, field, ST_NAME_MAX_CHARS, error);
}

StContact *
st_store_edit_contact (StStore        *self,
                       StContactKind   kind,
                       const char     *name,
                       const char     *new_name,
                       const char     *email,
                       const char     *phone,
                       GError        **error)
{
  g_autofree char *clean = NULL;
  g_autofree char *clean_email = NULL;
  g_autofree char *clean_phone = NULL;
  g_autoptr(StContact) contact = NULL;

  g_return_val_if_fail (ST_IS_STORE (self), NULL);

  contact = st_store_find_contact (self, kind, name, error);
  if (contact == NULL)
    return NULL;
  if (new_name != NULL
      && (clean = _st_clean_name (new_name,
                                  kind == ST_CONTACT_VENDOR ? _("vendor name")
                                                            : _("customer name"),
                                  ST_NAME_MAX_CHARS, error)) == NULL)
    return NULL;
  /* Translators: a field name, used in messages like “The %s is empty” */
  clean_email = clean_detail (email, _("e-mail address"), error);
  if (email != NULL && clean_email == NULL)
    return NULL;
  /* Translators: a field name, used in messages like “The %s is empty” */
  clean_phone = clean_detail (phone, _("phone number"), error);
  if (phone != NULL && clean_phone == NULL)
    return NULL;

  if (!_st_store_begin (self, error))
    return NULL;
  if (!edit_contact_locked (self, kind, st_contact_get_id (contact), clean, clean_email,
                            clean_phone, error)
      || !_st_store_commit (self, error))
    {
      _st_store_rollback (self);
      return NULL;
    }
  _st_store_emit_changed (self);
  return st_store_find_contact (self, kind, clean != NULL ? clean : name, error);
}

gboolean
st_store_get_contact_details (StStore        *self,
                              StContactKind   kind,
                              const char     *name,
                              char          **email,
                              char          **phone,
                              GError        **error)
{
  g_autoptr(StStmt) stmt = NULL;
  gint64 id;

  g_return_val_if_fail (ST_IS_STORE (self), FALSE);

  id = _st_store_contact_id (self, kind, name, error);
  if (id == 0)
    return FALSE;
  stmt = _st_store_prepare (self, "SELECT email, phone FROM contacts WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  st_stmt_bind_int64 (stmt, 1, id);
  if (_st_step (stmt, error) != ST_STEP_ROW)
    return FALSE;
  if (email != NULL)
    *email = _st_column_dup (stmt, 0);
  if (phone != NULL)
    *phone = _st_column_dup (stmt, 1);
  return TRUE;
}

/* Warehouses. */

StWarehouse *
st_store_rename_warehouse (StStore     *self,
                           const char  *name,
                           const char  *new_name,
                           GError     **error)
{
  g_autofree char *clean = NULL;
  g_autofree char *key = NULL;
  g_autoptr(StStmt) stmt = NULL;
  g_autoptr(GError) local = NULL;
  gint64 id;
  int rc;

  g_return_val_if_fail (ST_IS_STORE (self), NULL);

  id = _st_store_warehouse_id (self, name, error);
  if (id == 0)
    return NULL;
  clean = _st_clean_name (new_name, _("warehouse name"), ST_NAME_MAX_CHARS, error);
  if (clean == NULL)
    return NULL;
  key = _st_name_key (clean);
  stmt = _st_store_prepare (self, "UPDATE warehouses SET name = ?, name_key = ? WHERE id = ?",
                            error);
  if (stmt == NULL)
    return NULL;
  _st_bind_text (stmt, 1, clean);
  _st_bind_text (stmt, 2, key);
  st_stmt_bind_int64 (stmt, 3, id);
  rc = st_stmt_step (stmt, &local);
  if (rc == 0 && g_error_matches (local, ST_ERROR, ST_ERROR_DUPLICATE))
    {
      g_set_error (error, ST_ERROR, ST_ERROR_DUPLICATE, _("A warehouse named “%s” already exists"),
                   clean);
      return NULL;
    }
  if (rc != ST_STEP_DONE)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  _st_store_emit_changed (self);
  return st_store_find_warehouse (self, clean, error);
}
