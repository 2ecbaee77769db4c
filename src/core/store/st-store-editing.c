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
  g_autofree char *new_sku = NULL;
  g_autofree char *name = NULL;
  g_autofree char *unit = NULL;
  g_autofree char *breaking = NULL;
  g_autoptr(StStmt) stmt = NULL;
  gint64 price, cost;
  guint warranty;
  StSerialFormat format;

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
  if (!_st_step_unique (stmt, error, _("An item with SKU “%s” already exists"), new_sku))
    return NULL;

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
  if (!_st_store_end_write (self, item != NULL, error))
    {
      g_clear_object (&item);
      return NULL;
    }
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
  return _st_store_end_write (self, delete_item_locked (self, sku, error), error);
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

  if (new_name != NULL)
    {
      g_autoptr(StStmt) stmt = NULL;
      g_autofree char *key = _st_name_key (new_name);

      stmt = _st_store_prepare (self, "UPDATE contacts SET name = ?, name_key = ? WHERE id = ?",
                                error);
      if (stmt == NULL)
        return FALSE;
      _st_bind_text (stmt, 1, new_name);
      _st_bind_text (stmt, 2, key);
      st_stmt_bind_int64 (stmt, 3, id);
      if (!_st_step_unique (stmt, error,
                            kind == ST_CONTACT_VENDOR
                            /* Translators: %s is a vendor's name */
                            ? _("A vendor named “%s” already exists")
                            /* Translators: %s is a customer's name */
                            : _("A customer named “%s” already exists"), new_name))
        return FALSE;
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
  if (!_st_store_end_write (self,
                            edit_contact_locked (self, kind, st_contact_get_id (contact), clean,
                                                 clean_email, clean_phone, error),
                            error))
    return NULL;
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
  gint64 id;

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
  if (!_st_step_unique (stmt, error, _("A warehouse named “%s” already exists"), clean))
    return NULL;
  _st_store_emit_changed (self);
  return st_store_find_warehouse (self, clean, error);
}

/* Archiving and deleting contacts and warehouses. */

/* The first document that uses what the WHERE clause @where picks (with ?1 the id), as
 * "Bill B-1"; NULL with @error unset when none does. */
static char *
first_document_using (StStore     *self,
                      const char  *where,
                      gint64       id,
                      GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT d.kind, d.number FROM documents d WHERE %s"
                                          " ORDER BY d.id LIMIT 1", where);
  g_autoptr(StStmt) stmt = _st_store_prepare (self, sql, error);
  StDocKind kind;

  if (stmt == NULL)
    return NULL;
  st_stmt_bind_int64 (stmt, 1, id);
  if (_st_step (stmt, error) != ST_STEP_ROW)
    return NULL;
  if (!st_doc_kind_from_string (st_stmt_column_text (stmt, 0), &kind))
    return g_strdup (st_stmt_column_text (stmt, 1));
  /* Translators: a document named in a refusal: %1$s its kind ("Bill"), %2$s its number */
  return g_strdup_printf (C_("document", "%1$s %2$s"), st_doc_kind_to_label (kind),
                          st_stmt_column_text (stmt, 1));
}

/* Whether the query @sql (with ?1 the id) returns a row; -1 on an error. */
static int
exists (StStore     *self,
        const char  *sql,
        gint64       id,
        GError     **error)
{
  g_autoptr(StStmt) stmt = _st_store_prepare (self, sql, error);

  if (stmt == NULL)
    return -1;
  st_stmt_bind_int64 (stmt, 1, id);
  switch (_st_step (stmt, error))
    {
    case ST_STEP_ROW:  return 1;
    case ST_STEP_DONE: return 0;
    default:           return -1;
    }
}

static gboolean
set_archived (StStore     *self,
              const char  *table_sql,
              gint64       id,
              gboolean     archived,
              GError     **error)
{
  g_autoptr(StStmt) stmt = _st_store_prepare (self, table_sql, error);

  if (stmt == NULL)
    return FALSE;
  st_stmt_bind_int64 (stmt, 1, archived ? 1 : 0);
  st_stmt_bind_int64 (stmt, 2, id);
  if (_st_step (stmt, error) != ST_STEP_DONE)
    return FALSE;
  _st_store_emit_changed (self);
  return TRUE;
}

gboolean
st_store_set_contact_archived (StStore        *self,
                               StContactKind   kind,
                               const char     *name,
                               gboolean        archived,
                               GError        **error)
{
  gint64 id;

  g_return_val_if_fail (ST_IS_STORE (self), FALSE);

  id = _st_store_contact_id (self, kind, name, error);
  if (id == 0)
    return FALSE;
  return set_archived (self, "UPDATE contacts SET archived = ? WHERE id = ?", id, archived, error);
}

static gboolean
delete_contact_locked (StStore        *self,
                       StContactKind   kind,
                       const char     *name,
                       GError        **error)
{
  g_autoptr(StContact) contact = NULL;
  g_autoptr(GError) local = NULL;
  g_autofree char *document = NULL;
  g_autoptr(StStmt) stmt = NULL;
  gint64 id;
  int used;

  contact = st_store_find_contact (self, kind, name, error);
  if (contact == NULL)
    return FALSE;
  id = st_contact_get_id (contact);

  document = first_document_using (self, "d.contact_id = ?1", id, &local);
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  if (document != NULL)
    {
      if (kind == ST_CONTACT_VENDOR)
        g_set_error (error, ST_ERROR, ST_ERROR_INVALID_INPUT,
                     /* Translators: %1$s is a vendor's name, %2$s a document ("Bill B-1") */
                     _("Vendor “%1$s” cannot be deleted: %2$s uses it (archive it instead)"),
                     st_contact_get_name (contact), document);
      else
        g_set_error (error, ST_ERROR, ST_ERROR_INVALID_INPUT,
                     /* Translators: %1$s is a customer's name, %2$s a document ("Invoice 7") */
                     _("Customer “%1$s” cannot be deleted: %2$s uses it (archive it instead)"),
                     st_contact_get_name (contact), document);
      return FALSE;
    }
  used = exists (self, "SELECT 1 FROM unit_events WHERE contact_id = ?1 LIMIT 1", id, error);
  if (used < 0)
    return FALSE;
  if (used > 0)
    {
      g_set_error (error, ST_ERROR, ST_ERROR_INVALID_INPUT,
                   /* Translators: %s is a vendor's or customer's name */
                   _("“%s” cannot be deleted: the history of units names it (archive it instead)"),
                   st_contact_get_name (contact));
      return FALSE;
    }

  stmt = _st_store_prepare (self, "DELETE FROM contacts WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  st_stmt_bind_int64 (stmt, 1, id);
  return _st_step (stmt, error) == ST_STEP_DONE;
}

gboolean
st_store_delete_contact (StStore        *self,
                         StContactKind   kind,
                         const char     *name,
                         GError        **error)
{
  g_return_val_if_fail (ST_IS_STORE (self), FALSE);

  if (!_st_store_begin (self, error))
    return FALSE;
  return _st_store_end_write (self, delete_contact_locked (self, kind, name, error), error);
}

GPtrArray *
st_store_list_active_contacts (StStore        *self,
                               StContactKind   kind,
                               GError        **error)
{
  g_autoptr(GPtrArray) all = st_store_list_contacts (self, kind, error);
  g_autoptr(GPtrArray) list = NULL;

  if (all == NULL)
    return NULL;
  list = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < all->len; i++)
    if (!st_contact_get_archived (g_ptr_array_index (all, i)))
      g_ptr_array_add (list, g_object_ref (g_ptr_array_index (all, i)));
  return g_steal_pointer (&list);
}

gboolean
st_store_set_warehouse_archived (StStore     *self,
                                 const char  *name,
                                 gboolean     archived,
                                 GError     **error)
{
  g_autoptr(StWarehouse) warehouse = NULL;

  g_return_val_if_fail (ST_IS_STORE (self), FALSE);

  warehouse = st_store_find_warehouse (self, name, error);
  if (warehouse == NULL)
    return FALSE;
  if (archived && st_warehouse_get_on_hand (warehouse) > 0)
    {
      gint64 n = st_warehouse_get_on_hand (warehouse);
      g_autofree char *count = g_strdup_printf ("%" G_GINT64_FORMAT, n);

      g_set_error (error, ST_ERROR, ST_ERROR_INVALID_INPUT,
                   /* Translators: %1$s is a warehouse's name, %2$s a number of units */
                   ngettext ("Warehouse “%1$s” cannot be archived: it has %2$s unit in stock "
                             "(move it out first)",
                             "Warehouse “%1$s” cannot be archived: it has %2$s units in stock "
                             "(move them out first)",
                             (gulong) MIN (n, 1000000)),
                   st_warehouse_get_name (warehouse), count);
      return FALSE;
    }
  return set_archived (self, "UPDATE warehouses SET archived = ? WHERE id = ?",
                       st_warehouse_get_id (warehouse), archived, error);
}

static gboolean
delete_warehouse_locked (StStore     *self,
                         const char  *name,
                         GError     **error)
{
  g_autoptr(StWarehouse) warehouse = NULL;
  g_autoptr(GError) local = NULL;
  g_autofree char *document = NULL;
  g_autoptr(StStmt) stmt = NULL;
  gint64 id;
  int used;

  warehouse = st_store_find_warehouse (self, name, error);
  if (warehouse == NULL)
    return FALSE;
  id = st_warehouse_get_id (warehouse);

  document = first_document_using (self, "(d.warehouse_id = ?1 OR d.to_warehouse_id = ?1)", id,
                                   &local);
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  if (document != NULL)
    {
      g_set_error (error, ST_ERROR, ST_ERROR_INVALID_INPUT,
                   /* Translators: %1$s is a warehouse's name, %2$s a document ("Bill B-1") */
                   _("Warehouse “%1$s” cannot be deleted: %2$s uses it (archive it instead)"),
                   st_warehouse_get_name (warehouse), document);
      return FALSE;
    }
  used = exists (self,
                 "SELECT 1 WHERE EXISTS (SELECT 1 FROM units WHERE warehouse_id = ?1)"
                 " OR EXISTS (SELECT 1 FROM stock_moves WHERE warehouse_id = ?1)"
                 " OR EXISTS (SELECT 1 FROM stock WHERE warehouse_id = ?1 AND on_hand <> 0)"
                 " OR EXISTS (SELECT 1 FROM unit_events"
                 "            WHERE from_warehouse_id = ?1 OR to_warehouse_id = ?1)"
                 " OR EXISTS (SELECT 1 FROM counts WHERE warehouse_id = ?1)"
                 " OR EXISTS (SELECT 1 FROM count_scans WHERE warehouse_id = ?1)",
                 id, error);
  if (used < 0)
    return FALSE;
  if (used > 0)
    {
      g_set_error (error, ST_ERROR, ST_ERROR_INVALID_INPUT,
                   /* Translators: %s is a warehouse's name */
                   _("Warehouse “%s” cannot be deleted: units or stock counts use it (archive it "
                     "instead)"),
                   st_warehouse_get_name (warehouse));
      return FALSE;
    }

  stmt = _st_store_prepare (self, "DELETE FROM stock WHERE warehouse_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  st_stmt_bind_int64 (stmt, 1, id);
  if (_st_step (stmt, error) != ST_STEP_DONE)
    return FALSE;
  g_clear_pointer (&stmt, st_stmt_release);
  stmt = _st_store_prepare (self, "DELETE FROM warehouses WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  st_stmt_bind_int64 (stmt, 1, id);
  return _st_step (stmt, error) == ST_STEP_DONE;
}

gboolean
st_store_delete_warehouse (StStore     *self,
                           const char  *name,
                           GError     **error)
{
  g_return_val_if_fail (ST_IS_STORE (self), FALSE);

  if (!_st_store_begin (self, error))
    return FALSE;
  return _st_store_end_write (self, delete_warehouse_locked (self, name, error), error);
}

GPtrArray *
st_store_list_active_warehouses (StStore  *self,
                                 GError  **error)
{
  g_autoptr(GPtrArray) all = st_store_list_warehouses (self, error);
  g_autoptr(GPtrArray) list = NULL;

  if (all == NULL)
    return NULL;
  list = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < all->len; i++)
    if (!st_warehouse_get_archived (g_ptr_array_index (all, i)))
      g_ptr_array_add (list, g_object_ref (g_ptr_array_index (all, i)));
  return g_steal_pointer (&list);
}
