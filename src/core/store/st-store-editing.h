/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-store-editing.h — changing what was entered (DESIGN §11): items, contacts and warehouses
 * edited and renamed, archived when history uses them, deleted when nothing does. */
#pragma once

#include "st-store.h"

G_BEGIN_DECLS

/* What st_store_edit_item() changes; NULL strings and the set_* flags left FALSE keep the
 * field as it is. */
typedef struct
{
  const char     *sku;
  const char     *name;
  const char     *unit;
  gboolean        set_price;
  gint64          price;
  gboolean        set_cost;
  gint64          cost;
  gboolean        set_warranty;
  guint           warranty_months;
  gboolean        set_format;
  StSerialFormat  serial_format;
} StItemEdit;

/* Edits the item @sku in one transaction.  Refused, changing nothing: an unknown SKU
 * (ST_ERROR_NOT_FOUND), a new SKU another item has (ST_ERROR_DUPLICATE), an empty name or
 * unit, a negative amount (ST_ERROR_INVALID_INPUT), a serial format that an existing serial of
 * the item does not meet (ST_ERROR_SERIAL_FORMAT, naming the serial).  History keeps
 * pointing at the item, so it shows the new name. */
StItem      *st_store_edit_item          (StStore           *self,
                                          const char        *sku,
                                          const StItemEdit  *edit,
                                          GError           **error);
/* Archived items are left out of st_store_list_active_items() (the choosers of new
 * documents); reports, lists and histories keep them.  Restore brings one back. */
gboolean     st_store_set_item_archived  (StStore           *self,
                                          const char        *sku,
                                          gboolean           archived,
                                          GError           **error);
gboolean     st_store_get_item_archived  (StStore           *self,
                                          const char        *sku,
                                          GError           **error);
/* Deletes an item nothing uses; refused with ST_ERROR_INVALID_INPUT when a document line, a
 * unit or stock refers to it (archive it instead). */
gboolean     st_store_delete_item        (StStore           *self,
                                          const char        *sku,
                                          GError           **error);
/* The items that are not archived, by SKU: what a new document offers. */
GPtrArray   *st_store_list_active_items  (StStore           *self,
                                          GError           **error);

/* Renames the contact and sets its e-mail address and phone number (NULL keeps one, "" clears
 * it).  Refused: unknown contact, a new name another contact of the kind has. */
StContact   *st_store_edit_contact       (StStore           *self,
                                          StContactKind      kind,
                                          const char        *name,
                                          const char        *new_name,
                                          const char        *email,
                                          const char        *phone,
                                          GError           **error);
/* A contact's e-mail address and phone number (either may be NULL). */
gboolean     st_store_get_contact_details (StStore          *self,
                                          StContactKind      kind,
                                          const char        *name,
                                          char             **email,
                                          char             **phone,
                                          GError           **error);

/* Renames a warehouse; refused for an unknown one or a name another warehouse has. */
StWarehouse *st_store_rename_warehouse   (StStore           *self,
                                          const char        *name,
                                          const char        *new_name,
                                          GError           **error);

/* Archived contacts and warehouses are left out of st_store_list_active_contacts() and
 * st_store_list_active_warehouses() (the choosers of new documents); reports, lists and
 * histories keep them.  A warehouse with stock on hand is not archived (ST_ERROR_INVALID_INPUT:
 * move the stock out first). */
gboolean     st_store_set_contact_archived (StStore         *self,
                                          StContactKind      kind,
                                          const char        *name,
                                          gboolean           archived,
                                          GError           **error);
gboolean     st_store_set_warehouse_archived (StStore       *self,
                                          const char        *name,
                                          gboolean           archived,
                                          GError           **error);
/* Deletes a contact or warehouse nothing uses; refused with ST_ERROR_INVALID_INPUT naming the
 * first document that uses it ("Bill B-1"), or what else does (archive it instead). */
gboolean     st_store_delete_contact     (StStore           *self,
                                          StContactKind      kind,
                                          const char        *name,
                                          GError           **error);
gboolean     st_store_delete_warehouse   (StStore           *self,
                                          const char        *name,
                                          GError           **error);
/* The contacts of @kind and the warehouses that are not archived, by name. */
GPtrArray   *st_store_list_active_contacts (StStore         *self,
                                          StContactKind      kind,
                                          GError           **error);
GPtrArray   *st_store_list_active_warehouses (StStore       *self,
                                          GError           **error);

G_END_DECLS
