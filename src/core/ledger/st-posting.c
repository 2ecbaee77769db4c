/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-posting.c — the posting engine: resolves a draft (its header, its lines and the units
 * they pick), numbers it and writes it as a posted document.  Everything a posting does happens
 * inside one BEGIN IMMEDIATE transaction: validate all, then write all.  Voiding a document and
 * receiving a transfer (st-voiding.c) share the pieces declared in st-posting-private.h. */
#define G_LOG_DOMAIN "st-posting"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>

#include "st-doc-kind.h"
#include "st-error.h"
#include "st-posting-private.h"
#include "st-parse.h"
#include "st-serial.h"

/* One unit a line touches. */
typedef struct
{
  gint64       unit_id;     /* 0: a new unit to create */
  char        *serial;
  char        *key;
  StUnitState  state;       /* before the posting */
} Pick;

typedef struct
{
  guint      line_no;
  StItem    *item;
  gint64     quantity;      /* > 0 */
  gboolean   incoming;      /* new units come in (bill, + adjustment) */
  gint64     rate;
  StEventKind event_kind;
  GArray    *picks;         /* Pick, serial items only */
} Line;

static void
pick_clear (gpointer data)
{
  Pick *pick = data;

  g_free (pick->serial);
  g_free (pick->key);
}

static void
line_free (Line *line)
{
  g_clear_object (&line->item);
  g_clear_pointer (&line->picks, g_array_unref);
  g_free (line);
}

void
_st_posting_clear (StPosting *p)
{
  g_free (p->number);
  g_free (p->date);
  g_free (p->reason);
  g_clear_pointer (&p->lines, g_ptr_array_unref);
  g_clear_pointer (&p->stock_delta, g_hash_table_unref);
}

/* Stock deltas, flushed into the stock table at the end and checked for negatives. */

static void
stock_add (StPosting *p,
           gint64     item_id,
           gint64     warehouse_id,
           gboolean   in_transit,
           gint64     delta)
{
  g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT ":%d",
                                          item_id, warehouse_id, in_transit ? 1 : 0);
  gint64 *value = g_hash_table_lookup (p->stock_delta, key);

  if (value == NULL)
    {
      value = g_new0 (gint64, 1);
      g_hash_table_insert (p->stock_delta, g_steal_pointer (&key), value);
    }
  *value += delta;
}

void
_st_posting_stock_add_state (StPosting         *p,
                             gint64             item_id,
                             const StUnitState *state,
                             gint64             sign)
{
  if (state->status == ST_UNIT_IN_STOCK)
    stock_add (p, item_id, state->warehouse_id, FALSE, sign);
  else if (state->status == ST_UNIT_IN_TRANSIT)
    stock_add (p, item_id, state->warehouse_id, TRUE, sign);
}

static char *
warehouse_name (StStore *store,
                gint64   id)
{
  g_autoptr(StStmt) stmt = _st_store_prepare (store, "SELECT name FROM warehouses WHERE id = ?",
                                              NULL);

  if (stmt == NULL)
    return g_strdup ("?");
  st_stmt_bind_int64 (stmt, 1, id);
  if (st_stmt_step (stmt, NULL) != ST_STEP_ROW)
    return g_strdup ("?");
  return _st_column_dup (stmt, 0);
}

static char *
item_sku (StStore *store,
          gint64   id)
{
  g_autoptr(StStmt) stmt = _st_store_prepare (store, "SELECT sku FROM items WHERE id = ?", NULL);

  if (stmt == NULL)
    return g_strdup ("?");
  st_stmt_bind_int64 (stmt, 1, id);
  if (st_stmt_step (stmt, NULL) != ST_STEP_ROW)
    return g_strdup ("?");
  return _st_column_dup (stmt, 0);
}

/* Applies the deltas; refuses when any quantity would go below zero. */
gboolean
_st_posting_stock_flush (StPosting *p,
                         GError   **error)
{
  GHashTableIter iter;
  gpointer key, value;
  g_autoptr(StStmt) upsert = NULL;
  g_autoptr(StStmt) check = NULL;

  upsert = _st_store_prepare (p->store,
                              "INSERT INTO stock (item_id, warehouse_id, on_hand, in_transit)"
                              " VALUES (?1, ?2, ?3, ?4) ON CONFLICT (item_id, warehouse_id)"
                              " DO UPDATE SET on_hand = stock.on_hand + ?3, in_transit = stock.in_transit + ?4",
                              error);
  check = _st_store_prepare (p->store,
                             "SELECT on_hand, in_transit FROM stock"
                             " WHERE item_id = ? AND warehouse_id = ?", error);
  if (upsert == NULL || check == NULL)
    return FALSE;

  g_hash_table_iter_init (&iter, p->stock_delta);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      gint64 item_id, warehouse_id;
      int transit;
      gint64 delta = *(gint64 *) value;

      if (delta == 0)
        continue;
      if (sscanf (key, "%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT ":%d",
                  &item_id, &warehouse_id, &transit) != 3)
        g_assert_not_reached ();
      st_stmt_bind_int64 (upsert, 1, item_id);
      st_stmt_bind_int64 (upsert, 2, warehouse_id);
      st_stmt_bind_int64 (upsert, 3, transit ? 0 : delta);
      st_stmt_bind_int64 (upsert, 4, transit ? delta : 0);
      if (!_st_step (upsert, error))
        return FALSE;
      st_stmt_release (upsert);

      if (delta < 0)
        {
          gint64 now;

          st_stmt_bind_int64 (check, 1, item_id);
          st_stmt_bind_int64 (check, 2, warehouse_id);
          if (_st_step (check, error) != ST_STEP_ROW)
            return FALSE;
          now = st_stmt_column_int64 (check, transit ? 1 : 0);
          st_stmt_release (check);
          if (now < 0)
            {
              g_autofree char *sku = item_sku (p->store, item_id);
              g_autofree char *wh = warehouse_name (p->store, warehouse_id);

              g_set_error (error, ST_ERROR, ST_ERROR_INSUFFICIENT_STOCK,
                           /* Translators: %1$s is a SKU, %2$s a warehouse, %3$s and %4$s
                            * quantities. */
                           _("Not enough of %1$s at %2$s: %3$lld available, %4$lld needed"),
                           sku, wh, (long long) (now - delta), (long long) -delta);
              return FALSE;
            }
        }
    }
  return TRUE;
}

static void
set_no_number_error (StDocKind   kind,
                     GError    **error)
{
  /* Translators: %s is a document kind such as "Invoice". */
  g_set_error (error, ST_ERROR, ST_ERROR_INVALID_INPUT, _("No %s number was given"),
               st_doc_kind_to_label (kind));
}

static void
set_no_document_error (StDocKind    kind,
                       const char  *number,
                       GError     **error)
{
  /* Translators: %1$s is a document kind such as "Invoice", %2$s its number. */
  g_set_error (error, ST_ERROR, ST_ERROR_NOT_FOUND, _("There is no %1$s numbered “%2$s”"),
               st_doc_kind_to_label (kind), number);
}

gint64
_st_store_find_bill (StStore     *self,
                     const char  *number,
                     const char  *vendor,
                     GError     **error)
{
  g_autofree char *key = NULL;
  g_autoptr(StStmt) stmt = NULL;
  gint64 vendor_id = 0;
  gint64 id = 0;
  int n = 0;
  int rc;

  if (number == NULL || *number == '\0')
    {
      set_no_number_error (ST_DOC_BILL, error);
      return 0;
    }
  if (vendor != NULL && *vendor != '\0'
      && (vendor_id = _st_store_contact_id (self, ST_CONTACT_VENDOR, vendor, error)) == 0)
    return 0;
  key = _st_name_key (number);
  stmt = _st_store_prepare (self, "SELECT id FROM documents WHERE kind = 'bill'"
                                  " AND number_key = ?1 AND (?2 IS NULL OR contact_id = ?2)"
                                  " LIMIT 2", error);
  if (stmt == NULL)
    return 0;
  _st_bind_text (stmt, 1, key);
  _st_bind_id (stmt, 2, vendor_id);
  while ((rc = _st_step (stmt, error)) == ST_STEP_ROW)
    {
      id = st_stmt_column_int64 (stmt, 0);
      n++;
    }
  if (rc == 0)
    return 0;
  if (n == 0 && vendor_id != 0)
    {
      g_set_error (error, ST_ERROR, ST_ERROR_NOT_FOUND,
                   /* Translators: %1$s is a vendor's name, %2$s a bill number */
                   _("Vendor “%1$s” has no bill numbered “%2$s”"), vendor, number);
      return 0;
    }
  if (n == 0)
    {
      set_no_document_error (ST_DOC_BILL, number, error);
      return 0;
    }
  if (n > 1)
    {
      g_set_error (error, ST_ERROR, ST_ERROR_DUPLICATE,
                   /* Translators: %s is a bill number.  Bill numbers are the vendors' own, so
                    * two vendors may use the same one; naming the vendor says which bill. */
                   _("Several vendors have a bill numbered “%s”; name the vendor"), number);
      return 0;
    }
  return id;
}

gint64
_st_store_find_document (StStore     *self,
                         StDocKind    kind,
                         const char  *number,
                         GError     **error)
{
  g_autofree char *key = NULL;
  g_autoptr(StStmt) stmt = NULL;
  int rc;

  if (st_doc_kind_info (kind)->numbering == ST_DOC_NUMBER_VENDOR)
    return _st_store_find_bill (self, number, NULL, error);
  if (number == NULL || *number == '\0')
    {
      set_no_number_error (kind, error);
      return 0;
    }
  key = _st_name_key (number);
  stmt = _st_store_prepare (self, "SELECT id FROM documents WHERE kind = ? AND number_key = ?",
                            error);
  if (stmt == NULL)
    return 0;
  _st_bind_text (stmt, 1, st_doc_kind_to_string (kind));
  _st_bind_text (stmt, 2, key);
  rc = _st_step (stmt, error);
  if (rc == 0)
    return 0;
  if (rc != ST_STEP_ROW)
    {
      set_no_document_error (kind, number, error);
      return 0;
    }
  return st_stmt_column_int64 (stmt, 0);
}

gboolean
_st_store_load_doc_header (StStore     *store,
                           gint64       id,
                           StDocHeader *h,
                           GError     **error)
{
  g_autoptr(StStmt) stmt = _st_store_prepare (store,
                                              "SELECT status, date, contact_id, warehouse_id,"
                                              " to_warehouse_id, in_transit, number"
                                              " FROM documents WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  st_stmt_bind_int64 (stmt, 1, id);
  if (_st_step (stmt, error) != ST_STEP_ROW)
    return FALSE;
  st_doc_status_from_string (st_stmt_column_text (stmt, 0), &h->status);
  g_strlcpy (h->date, st_stmt_column_text (stmt, 1), ST_DATE_LEN);
  h->contact_id = st_stmt_column_int64 (stmt, 2);
  h->warehouse_id = st_stmt_column_int64 (stmt, 3);
  h->to_warehouse_id = st_stmt_column_int64 (stmt, 4);
  h->in_transit = st_stmt_column_int (stmt, 5);
  h->number = _st_column_dup (stmt, 6);
  return TRUE;
}

/* Why a picked unit cannot be used, as one clear sentence. */
static void
set_unavailable_error (StPosting         *p,
                       const Line        *line,
                       const char        *serial,
                       const StUnitState *state,
                       gint64             warehouse_id,
                       GError           **error)
{
  const char *sku = st_item_get_sku (line->item);
  g_autofree char *wh = warehouse_name (p->store, warehouse_id);

  if (state->status == ST_UNIT_IN_STOCK)
    {
      g_autofree char *there = warehouse_name (p->store, state->warehouse_id);
      g_set_error (error, ST_ERROR, ST_ERROR_NOT_IN_STOCK,
                   /* Translators: %1$s serial, %2$s SKU, %3$s the warehouse asked for, %4$s the
                    * warehouse where the unit is */
                   _("Serial “%1$s” of %2$s is not in stock at %3$s: it is at %4$s"),
                   serial, sku, wh, there);
    }
  else
    g_set_error (error, ST_ERROR, ST_ERROR_NOT_IN_STOCK,
                 /* Translators: %1$s serial, %2$s SKU, %3$s warehouse, %4$s a status such as
                  * “Sold” */
                 _("Serial “%1$s” of %2$s is not in stock at %3$s (status: %4$s)"),
                 serial, sku, wh, st_unit_status_to_label (state->status));
}

static char *
quote_serial (const char *serial)
{
  return g_strescape (serial, NULL);
}

/* Picks the line's units: the given serials, or the oldest eligible ones. */
static gboolean
resolve_picks (StPosting   *p,
               Line        *line,
               StDraftLine *dl,
               GHashTable  *seen,
               GError     **error)
{
  StDocKind kind = p->draft->kind;
  const char *sku = st_item_get_sku (line->item);
  gint64 item_id = st_item_get_id (line->item);
  gint64 from_wh = p->warehouse_id;

  if (dl->serials == NULL)
    {
      g_autoptr(StStmt) stmt = NULL;
      const char *sql;
      gint64 bind_id;
      int rc;

      /* The units of one document are few: "+" keeps SQLite on the document's index instead of
       * walking every unit of the item in FIFO order (PostgreSQL has no such hint, nor needs
       * it). */
      gboolean sqlite = _st_store_get_dialect (p->store) == ST_DB_DIALECT_SQLITE;

      if (kind == ST_DOC_RETURN)
        {
          sql = sqlite ? "SELECT id, serial, serial_key, " ST_UNIT_STATE_COLUMNS " FROM units"
                         " WHERE +item_id = ? AND sold_doc_id = ? AND +status = 'sold'"
                         " ORDER BY received_date, id LIMIT ?"
                       : "SELECT id, serial, serial_key, " ST_UNIT_STATE_COLUMNS " FROM units"
                         " WHERE item_id = ? AND sold_doc_id = ? AND status = 'sold'"
                         " ORDER BY received_date, id LIMIT ?";
          bind_id = p->ref_doc_id;
        }
      else if (kind == ST_DOC_VENDOR_RETURN)
        {
          sql = sqlite ? "SELECT id, serial, serial_key, " ST_UNIT_STATE_COLUMNS " FROM units"
                         " WHERE +item_id = ? AND received_doc_id = ? AND +status = 'in_stock'"
                         " ORDER BY received_date, id LIMIT ?"
                       : "SELECT id, serial, serial_key, " ST_UNIT_STATE_COLUMNS " FROM units"
                         " WHERE item_id = ? AND received_doc_id = ? AND status = 'in_stock'"
                         " ORDER BY received_date, id LIMIT ?";
          bind_id = p->ref_doc_id;
        }
      else
        {
          sql = "SELECT id, serial, serial_key, " ST_UNIT_STATE_COLUMNS " FROM units"
                " WHERE item_id = ? AND status = 'in_stock' AND warehouse_id = ?"
                " ORDER BY received_date, id LIMIT ?";
          bind_id = from_wh;
        }
      stmt = _st_store_prepare (p->store, sql, error);
      if (stmt == NULL)
        return FALSE;
      st_stmt_bind_int64 (stmt, 1, item_id);
      st_stmt_bind_int64 (stmt, 2, bind_id);
      st_stmt_bind_int64 (stmt, 3, line->quantity + (gint64) g_hash_table_size (seen));
      while ((rc = _st_step (stmt, error)) == ST_STEP_ROW && line->picks->len < line->quantity)
        {
          Pick pick = { 0 };

          pick.unit_id = st_stmt_column_int64 (stmt, 0);
          pick.key = g_strdup_printf ("%" G_GINT64_FORMAT ":%s", item_id,
                                      st_stmt_column_text (stmt, 2));
          if (g_hash_table_contains (seen, pick.key))
            {
              g_free (pick.key);
              continue;
            }
          pick.serial = _st_column_dup (stmt, 1);
          _st_unit_state_from_row (stmt, 3, &pick.state);
          g_hash_table_add (seen, g_strdup (pick.key));
          g_array_append_val (line->picks, pick);
        }
      if (rc == 0)
        return FALSE;
      if (line->picks->len < line->quantity)
        {
          if (kind == ST_DOC_RETURN)
            g_set_error (error, ST_ERROR, ST_ERROR_NOT_ON_DOCUMENT,
                         g_dngettext (GETTEXT_PACKAGE,
                                      /* Translators: %1$s SKU, %2$lld the number of units that
                                       * can be returned, %3$lld the number asked for */
                                      "Only %2$lld unit of %1$s sold on this invoice can be "
                                      "returned, %3$lld asked",
                                      "Only %2$lld units of %1$s sold on this invoice can be "
                                      "returned, %3$lld asked", line->picks->len),
                         sku, (long long) line->picks->len, (long long) line->quantity);
          else if (kind == ST_DOC_VENDOR_RETURN)
            g_set_error (error, ST_ERROR, ST_ERROR_NOT_ON_DOCUMENT,
                         g_dngettext (GETTEXT_PACKAGE,
                                      /* Translators: %1$s SKU, %2$lld the number of units in
                                       * stock, %3$lld the number asked for */
                                      "Only %2$lld unit of %1$s from this bill is in stock, "
                                      "%3$lld asked",
                                      "Only %2$lld units of %1$s from this bill are in stock, "
                                      "%3$lld asked", line->picks->len),
                         sku, (long long) line->picks->len, (long long) line->quantity);
          else
            {
              g_autofree char *wh = warehouse_name (p->store, from_wh);
              g_set_error (error, ST_ERROR, ST_ERROR_INSUFFICIENT_STOCK,
                           /* Translators: %1$s SKU, %2$s warehouse, %3$lld and %4$lld counts. */
                           _("Not enough of %1$s at %2$s: %3$lld in stock, %4$lld needed"),
                           sku, wh, (long long) line->picks->len, (long long) line->quantity);
            }
          return FALSE;
        }
      return TRUE;
    }

  for (guint i = 0; i < dl->serials->len; i++)
    {
      g_autoptr(StStmt) stmt = NULL;
      g_autofree char *serial = NULL;
      g_autofree char *key = NULL;
      g_autofree char *seen_key = NULL;
      Pick pick = { 0 };
      int rc;

      serial = st_serial_normalize (g_ptr_array_index (dl->serials, i), error);
      if (serial == NULL)
        return FALSE;
      key = st_serial_key (serial);
      seen_key = g_strdup_printf ("%" G_GINT64_FORMAT ":%s", item_id, key);
      if (g_hash_table_contains (seen, seen_key))
        {
          g_autofree char *q = quote_serial (serial);
          g_set_error (error, ST_ERROR, ST_ERROR_DUPLICATE_SERIAL,
                       /* Translators: %1$s serial, %2$s SKU. */
                       _("Serial “%1$s” of %2$s stands twice in this document"), q, sku);
          return FALSE;
        }
      stmt = _st_store_prepare (p->store,
                                "SELECT id, serial, serial_key, " ST_UNIT_STATE_COLUMNS
                                " FROM units WHERE item_id = ? AND serial_key = ?", error);
      if (stmt == NULL)
        return FALSE;
      st_stmt_bind_int64 (stmt, 1, item_id);
      _st_bind_text (stmt, 2, key);
      rc = _st_step (stmt, error);
      if (rc == 0)
        return FALSE;
      if (rc != ST_STEP_ROW)
        {
          g_autofree char *q = quote_serial (serial);
          g_set_error (error, ST_ERROR, ST_ERROR_NOT_FOUND,
                       /* Translators: %1$s serial, %2$s SKU. */
                       _("Serial “%1$s” of %2$s is not in the inventory"), q, sku);
          return FALSE;
        }
      pick.unit_id = st_stmt_column_int64 (stmt, 0);
      _st_unit_state_from_row (stmt, 3, &pick.state);
      /* Name the unit as it was recorded, not as it was typed. */
      g_free (serial);
      serial = _st_column_dup (stmt, 1);

      if (kind == ST_DOC_RETURN)
        {
          if (pick.state.status != ST_UNIT_SOLD || pick.state.sold_doc_id != p->ref_doc_id)
            {
              g_autofree char *q = quote_serial (serial);
              g_set_error (error, ST_ERROR, ST_ERROR_NOT_ON_DOCUMENT,
                           /* Translators: %1$s serial, %2$s SKU, %3$s invoice number. */
                           _("Serial “%1$s” of %2$s was not sold on invoice %3$s"),
                           q, sku, p->draft->reference);
              return FALSE;
            }
        }
      else if (kind == ST_DOC_VENDOR_RETURN)
        {
          if (pick.state.received_doc_id != p->ref_doc_id)
            {
              g_autofree char *q = quote_serial (serial);
              g_set_error (error, ST_ERROR, ST_ERROR_NOT_ON_DOCUMENT,
                           /* Translators: %1$s serial, %2$s SKU, %3$s bill number. */
                           _("Serial “%1$s” of %2$s was not received on bill %3$s"),
                           q, sku, p->draft->reference);
              return FALSE;
            }
          /* A faulty unit taken back on a service case goes back to its vendor too. */
          if (pick.state.status != ST_UNIT_IN_STOCK && pick.state.status != ST_UNIT_FAULTY)
            {
              g_autofree char *q = quote_serial (serial);
              set_unavailable_error (p, line, q, &pick.state, pick.state.warehouse_id, error);
              return FALSE;
            }
        }
      else if (kind == ST_DOC_ADJUSTMENT && pick.state.status == ST_UNIT_FAULTY
               && pick.state.warehouse_id == from_wh)
        ;  /* a faulty unit is written off by name, never picked as "the oldest in stock" */
      else if (pick.state.status != ST_UNIT_IN_STOCK || pick.state.warehouse_id != from_wh)
        {
          g_autofree char *q = quote_serial (serial);
          set_unavailable_error (p, line, q, &pick.state, from_wh, error);
          return FALSE;
        }
      pick.serial = g_steal_pointer (&serial);
      pick.key = g_strdup (seen_key);
      g_hash_table_add (seen, g_steal_pointer (&seen_key));
      g_array_append_val (line->picks, pick);
    }
  return TRUE;
}

/* New serials for a bill or a + adjustment: valid, not twice, not in stock already. */
static gboolean
resolve_incoming (StPosting   *p,
                  Line        *line,
                  StDraftLine *dl,
                  GHashTable  *seen,
                  GError     **error)
{
  const char *sku = st_item_get_sku (line->item);
  gint64 item_id = st_item_get_id (line->item);
  StSerialFormat format = st_item_get_serial_format (line->item);

  for (guint i = 0; i < dl->serials->len; i++)
    {
      g_autoptr(StStmt) stmt = NULL;
      g_autofree char *serial = NULL;
      g_autofree char *key = NULL;
      g_autofree char *seen_key = NULL;
      Pick pick = { 0 };
      int rc;

      serial = st_serial_validate (g_ptr_array_index (dl->serials, i), format, error);
      if (serial == NULL)
        return FALSE;
      key = st_serial_key (serial);
      seen_key = g_strdup_printf ("%" G_GINT64_FORMAT ":%s", item_id, key);
      if (g_hash_table_contains (seen, seen_key))
        {
          g_autofree char *q = quote_serial (serial);
          g_set_error (error, ST_ERROR, ST_ERROR_DUPLICATE_SERIAL,
                       _("Serial “%1$s” of %2$s stands twice in this document"), q, sku);
          return FALSE;
        }
      stmt = _st_store_prepare (p->store,
                                "SELECT id, " ST_UNIT_STATE_COLUMNS
                                " FROM units WHERE item_id = ? AND serial_key = ?", error);
      if (stmt == NULL)
        return FALSE;
      st_stmt_bind_int64 (stmt, 1, item_id);
      _st_bind_text (stmt, 2, key);
      rc = _st_step (stmt, error);
      if (rc == 0)
        return FALSE;
      _st_unit_state_init (&pick.state);
      if (rc == ST_STEP_ROW)
        {
          pick.unit_id = st_stmt_column_int64 (stmt, 0);
          _st_unit_state_from_row (stmt, 1, &pick.state);
          if (pick.state.status == ST_UNIT_IN_STOCK || pick.state.status == ST_UNIT_IN_TRANSIT)
            {
              g_autofree char *q = quote_serial (serial);
              g_autofree char *wh = warehouse_name (p->store, pick.state.warehouse_id);
              g_set_error (error, ST_ERROR, ST_ERROR_SERIAL_EXISTS,
                           /* Translators: %1$s serial, %2$s SKU, %3$s warehouse. */
                           _("Serial “%1$s” of %2$s is already in stock at %3$s"), q, sku, wh);
              return FALSE;
            }
          if (pick.state.status == ST_UNIT_IN_SERVICE)
            {
              g_autofree char *q = quote_serial (serial);
              g_set_error (error, ST_ERROR, ST_ERROR_NOT_IN_STOCK,
                           /* Translators: %1$s serial, %2$s SKU. */
                           _("Serial “%1$s” of %2$s is a customer's unit in service"), q, sku);
              return FALSE;
            }
        }
      pick.serial = g_steal_pointer (&serial);
      pick.key = g_steal_pointer (&key);
      g_hash_table_add (seen, g_steal_pointer (&seen_key));
      g_array_append_val (line->picks, pick);
    }
  return TRUE;
}

/* Quantity-tracked items on returns: no more back than went out on the reference document. */
static gboolean
check_returnable_quantity (StPosting *p,
                           Line      *line,
                           gint64     already_in_draft,
                           GError   **error)
{
  g_autoptr(StStmt) stmt = NULL;
  const char *ret_kind = st_doc_kind_to_string (p->draft->kind);
  gint64 available;

  stmt = _st_store_prepare (p->store,
                            "SELECT coalesce ((SELECT sum (quantity) FROM document_lines"
                            "                  WHERE document_id = ?1 AND item_id = ?2), 0)"
                            " - coalesce ((SELECT sum (l.quantity) FROM document_lines l"
                            "              JOIN documents d ON d.id = l.document_id"
                            "              WHERE d.ref_document_id = ?1 AND d.kind = ?3"
                            "                AND d.status = 'posted' AND l.item_id = ?2), 0)",
                            error);
  if (stmt == NULL)
    return FALSE;
  st_stmt_bind_int64 (stmt, 1, p->ref_doc_id);
  st_stmt_bind_int64 (stmt, 2, st_item_get_id (line->item));
  _st_bind_text (stmt, 3, ret_kind);
  if (_st_step (stmt, error) != ST_STEP_ROW)
    return FALSE;
  available = st_stmt_column_int64 (stmt, 0) - already_in_draft;
  if (line->quantity > available)
    {
      g_set_error (error, ST_ERROR, ST_ERROR_NOT_ON_DOCUMENT,
                   g_dngettext (GETTEXT_PACKAGE,
                                /* Translators: %1$s SKU, %2$s document number, %3$lld the
                                 * quantity that can be returned, %4$lld the quantity asked for */
                                "Only %3$lld of %1$s from %2$s can be returned, %4$lld asked",
                                "Only %3$lld of %1$s from %2$s can be returned, %4$lld asked",
                                (gulong) MAX (available, 0)),
                   st_item_get_sku (line->item), p->draft->reference,
                   (long long) MAX (available, 0), (long long) line->quantity);
      return FALSE;
    }
  return TRUE;
}

static gint64
default_rate (StPosting *p,
              Line      *line)
{
  g_autoptr(StStmt) stmt = NULL;

  const StDocKindInfo *info = st_doc_kind_info (p->draft->kind);

  /* A return's lines come back at the rate they went out at. */
  if (info->has_reference)
    {
      stmt = _st_store_prepare (p->store,
                                "SELECT rate FROM document_lines WHERE document_id = ?"
                                " AND item_id = ? ORDER BY line_no LIMIT 1", NULL);
      if (stmt != NULL)
        {
          st_stmt_bind_int64 (stmt, 1, p->ref_doc_id);
          st_stmt_bind_int64 (stmt, 2, st_item_get_id (line->item));
          if (st_stmt_step (stmt, NULL) == ST_STEP_ROW)
            return st_stmt_column_int64 (stmt, 0);
        }
    }
  return info->rate_is_price ? st_item_get_price (line->item) : st_item_get_cost (line->item);
}

static gboolean
resolve_header (StPosting *p,
                GError   **error)
{
  const StDraft *d = p->draft;
  StDocKind kind = d->kind;
  const StDocKindInfo *info = st_doc_kind_info (kind);
  g_autoptr(StStmt) stmt = NULL;

  if (d->date != NULL)
    {
      if (!st_date_validate (d->date, _("date"), error))
        return FALSE;
      p->date = g_strdup (d->date);
    }
  else
    p->date = st_date_today ();

  if (d->lines->len == 0)
    {
      g_set_error (error, ST_ERROR, ST_ERROR_INVALID_INPUT, _("The document has no lines"));
      return FALSE;
    }

  if (info->has_contact
      && (p->contact_id = _st_store_contact_id (p->store, info->contact_kind, d->contact,
                                                error)) == 0)
    return FALSE;
  if (info->numbering == ST_DOC_NUMBER_VENDOR
      && (p->number = _st_clean_name (d->number, _("bill number"), 64, error)) == NULL)
    return FALSE;
  if (info->has_reason
      && (p->reason = _st_clean_name (d->reason, _("reason"), 500, error)) == NULL)
    return FALSE;
  if (info->numbering != ST_DOC_NUMBER_VENDOR && d->number != NULL && *d->number != '\0'
      && (p->number = _st_clean_name (d->number, _("document number"), 64, error)) == NULL)
    return FALSE;

  if (info->has_reference)
    {
      StDocKind ref_kind = info->reference_kind;
      StDocHeader ref = { 0 };

      /* A bill is the vendor's: @contact, when given, says which vendor's bill. */
      if (st_doc_kind_info (ref_kind)->numbering == ST_DOC_NUMBER_VENDOR)
        p->ref_doc_id = _st_store_find_bill (p->store, d->reference, d->contact, error);
      else
        p->ref_doc_id = _st_store_find_document (p->store, ref_kind, d->reference, error);
      if (p->ref_doc_id == 0)
        return FALSE;
      if (!_st_store_load_doc_header (p->store, p->ref_doc_id, &ref, error))
        return FALSE;
      g_free (ref.number);
      if (ref.status != ST_DOC_STATUS_POSTED)
        {
          g_set_error (error, ST_ERROR, ST_ERROR_DOCUMENT_STATE,
                       /* Translators: %1$s a document kind, %2$s its number. */
                       _("%1$s %2$s is void; nothing can be returned against it"),
                       st_doc_kind_to_label (ref_kind), d->reference);
          return FALSE;
        }
      if (strcmp (p->date, ref.date) < 0)
        {
          g_set_error (error, ST_ERROR, ST_ERROR_INVALID_INPUT,
                       /* Translators: %1$s the return's date, %2$s the number of the invoice or
                        * bill returned against, %3$s its date */
                       _("The return date %1$s is before the date of %2$s (%3$s)"),
                       p->date, d->reference, ref.date);
          return FALSE;
        }
      p->contact_id = ref.contact_id;
      if (!info->has_warehouse)
        p->warehouse_id = ref.warehouse_id;
    }

  if (info->has_warehouse)
    if ((p->warehouse_id = _st_store_warehouse_id (p->store, d->warehouse, error)) == 0)
      return FALSE;

  if (info->has_to_warehouse)
    {
      if ((p->to_warehouse_id = _st_store_warehouse_id (p->store, d->to_warehouse, error)) == 0)
        return FALSE;
      if (p->to_warehouse_id == p->warehouse_id)
        {
          g_set_error (error, ST_ERROR, ST_ERROR_SAME_WAREHOUSE,
                       /* Translators: %s is a warehouse name */
                       _("A transfer needs two different warehouses: “%s” is both source and "
                         "destination"), d->warehouse);
          return FALSE;
        }
    }

  if (info->numbering == ST_DOC_NUMBER_VENDOR)
    {
      g_autofree char *key = _st_name_key (p->number);
      stmt = _st_store_prepare (p->store,
                                "SELECT 1 FROM documents WHERE kind = 'bill' AND contact_id = ?"
                                " AND number_key = ?", error);
      if (stmt == NULL)
        return FALSE;
      st_stmt_bind_int64 (stmt, 1, p->contact_id);
      _st_bind_text (stmt, 2, key);
      if (st_stmt_step (stmt, NULL) == ST_STEP_ROW)
        {
          g_set_error (error, ST_ERROR, ST_ERROR_DUPLICATE,
                       /* Translators: %1$s a bill number, %2$s the vendor's name */
                       _("Bill number “%1$s” from vendor “%2$s” is already recorded"),
                       p->number, d->contact);
          return FALSE;
        }
    }
  else if (p->number != NULL)
    {
      g_autofree char *key = _st_name_key (p->number);
      stmt = _st_store_prepare (p->store,
                                "SELECT 1 FROM documents WHERE kind = ? AND number_key = ?", error);
      if (stmt == NULL)
        return FALSE;
      _st_bind_text (stmt, 1, st_doc_kind_to_string (kind));
      _st_bind_text (stmt, 2, key);
      if (st_stmt_step (stmt, NULL) == ST_STEP_ROW)
        {
          g_set_error (error, ST_ERROR, ST_ERROR_DUPLICATE,
                       /* Translators: %1$s a document kind, %2$s its number. */
                       _("%1$s number “%2$s” is already used"), st_doc_kind_to_label (kind),
                       p->number);
          return FALSE;
        }
    }
  return TRUE;
}

void
_st_posting_init (StPosting     *p,
                  StStore       *store,
                  const StDraft *draft)
{
  memset (p, 0, sizeof *p);
  p->store = store;
  p->draft = draft;
  p->lines = g_ptr_array_new_with_free_func ((GDestroyNotify) line_free);
  p->stock_delta = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

gboolean
_st_posting_resolve_lines (StPosting *p,
                           GError   **error)
{
  const StDraft *d = p->draft;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) returned = g_hash_table_new_full (g_direct_hash, g_direct_equal,
                                                          NULL, g_free);

  for (guint i = 0; i < d->lines->len; i++)
    {
      StDraftLine *dl = g_ptr_array_index (d->lines, i);
      Line *line = g_new0 (Line, 1);
      gboolean serial;

      g_ptr_array_add (p->lines, line);
      line->line_no = i + 1;
      line->item = st_store_find_item (p->store, dl->sku, error);
      if (line->item == NULL)
        return FALSE;
      serial = st_item_get_tracking (line->item) == ST_TRACKING_SERIAL;

      if (dl->quantity == 0 || (!st_doc_kind_allows_negative (d->kind) && dl->quantity < 0)
          || dl->quantity > G_MAXINT32 || dl->quantity < -G_MAXINT32)
        {
          g_set_error (error, ST_ERROR, ST_ERROR_INVALID_INPUT,
                       /* Translators: %1$u line number, %2$s SKU, %3$lld quantity. */
                       _("Line %1$u (%2$s): quantity %3$lld is not allowed here"),
                       line->line_no, dl->sku, (long long) dl->quantity);
          return FALSE;
        }
      line->quantity = ABS (dl->quantity);
      line->incoming = !st_doc_kind_picks (d->kind, dl->quantity);
      line->event_kind = st_doc_kind_line_event (d->kind, dl->quantity, d->in_transit);
      if (dl->has_rate && (dl->rate < 0 || dl->rate > ST_MONEY_MAX))
        {
          g_set_error (error, ST_ERROR, ST_ERROR_INVALID_INPUT,
                       /* Translators: %1$u a line number, %2$s the line's SKU */
                       _("Line %1$u (%2$s): the rate cannot be negative"), line->line_no,
                       dl->sku);
          return FALSE;
        }
      line->rate = dl->has_rate ? dl->rate : default_rate (p, line);
      line->picks = g_array_new (FALSE, TRUE, sizeof (Pick));
      g_array_set_clear_func (line->picks, pick_clear);

      if (!serial)
        {
          if (dl->serials != NULL && dl->serials->len > 0)
            {
              g_set_error (error, ST_ERROR, ST_ERROR_INVALID_INPUT,
                           /* Translators: %1$u a line number, %2$s the line's SKU */
                           _("Line %1$u: item %2$s is tracked by quantity; it takes no serials"),
                           line->line_no, dl->sku);
              return FALSE;
            }
          if (st_doc_kind_info (d->kind)->has_reference)
            {
              gpointer key = GINT_TO_POINTER ((int) st_item_get_id (line->item));
              gint64 *before = g_hash_table_lookup (returned, key);

              if (!check_returnable_quantity (p, line, before != NULL ? *before : 0, error))
                return FALSE;
              if (before == NULL)
                {
                  before = g_new0 (gint64, 1);
                  g_hash_table_insert (returned, key, before);
                }
              *before += line->quantity;
            }
          continue;
        }

      if (st_store_get_tracking (p->store) == ST_TRACKING_NONE)
        {
          g_set_error (error, ST_ERROR, ST_ERROR_PREFERENCE,
                       /* Translators: %s is an item's SKU; “Preferences” is the dialog of that
                        * name */
                       _("Item %s tracks serial numbers, but the inventory tracks quantities "
                         "only (see Preferences)"), dl->sku);
          return FALSE;
        }
      if ((line->incoming || dl->serials != NULL)
          && (dl->serials == NULL || dl->serials->len != (guint) line->quantity))
        {
          guint n = dl->serials != NULL ? dl->serials->len : 0;
          g_set_error (error, ST_ERROR, ST_ERROR_SERIAL_COUNT,
                       g_dngettext (GETTEXT_PACKAGE,
                                    /* Translators: %1$u a line number, %2$s the line's SKU, %3$u
                                     * the number of serials given, %4$lld the line's quantity */
                                    "Line %1$u (%2$s): %3$u serial given for a quantity of %4$lld",
                                    "Line %1$u (%2$s): %3$u serials given for a quantity of %4$lld",
                                    n),
                       line->line_no, dl->sku, n, (long long) line->quantity);
          return FALSE;
        }
      if (line->incoming ? !resolve_incoming (p, line, dl, seen, error)
                         : !resolve_picks (p, line, dl, seen, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
number_taken (StStore    *self,
              StDocKind   kind,
              const char *number)
{
  g_autofree char *key = _st_name_key (number);
  g_autoptr(StStmt) stmt = _st_store_prepare (self, "SELECT 1 FROM documents WHERE kind = ?"
                                                    " AND number_key = ?", NULL);

  if (stmt == NULL)
    return TRUE;
  _st_bind_text (stmt, 1, st_doc_kind_to_string (kind));
  _st_bind_text (stmt, 2, key);
  return st_stmt_step (stmt, NULL) == ST_STEP_ROW;
}

static gint64
next_counter (StStore   *self,
              StDocKind  kind)
{
  g_autofree char *setting = g_strconcat ("next.", st_doc_kind_to_string (kind), NULL);
  g_autoptr(StStmt) stmt = _st_store_prepare (self, "SELECT value FROM settings WHERE key = ?",
                                              NULL);

  if (stmt == NULL)
    return 1;
  _st_bind_text (stmt, 1, setting);
  if (st_stmt_step (stmt, NULL) == ST_STEP_ROW)
    return MAX (1, g_ascii_strtoll (st_stmt_column_text (stmt, 0), NULL, 10));
  return 1;
}

char *
st_store_next_number (StStore   *self,
                      StDocKind  kind)
{
  gint64 n;

  g_return_val_if_fail (ST_IS_STORE (self), NULL);
  for (n = next_counter (self, kind);; n++)
    {
      g_autofree char *number = g_strdup_printf ("%s%05" G_GINT64_FORMAT,
                                                 st_doc_kind_info (kind)->number_prefix, n);

      if (!number_taken (self, kind, number))
        return g_steal_pointer (&number);
    }
}

char *
_st_store_take_number (StStore    *store,
                       StDocKind   kind,
                       GError    **error)
{
  g_autofree char *setting = g_strconcat ("next.", st_doc_kind_to_string (kind), NULL);
  g_autofree char *value = NULL;
  g_autofree char *number = NULL;
  g_autoptr(StStmt) stmt = NULL;
  const char *digits;

  number = st_store_next_number (store, kind);
  digits = number + strlen (st_doc_kind_info (kind)->number_prefix);
  value = g_strdup_printf ("%" G_GINT64_FORMAT, g_ascii_strtoll (digits, NULL, 10) + 1);
  stmt = _st_store_prepare (store, "INSERT INTO settings (key, value) VALUES (?, ?)"
                            " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                            error);
  if (stmt == NULL)
    return NULL;
  _st_bind_text (stmt, 1, setting);
  _st_bind_text (stmt, 2, value);
  if (_st_step (stmt, error) == 0)
    return NULL;
  return g_steal_pointer (&number);
}

static gboolean
take_number (StPosting *p,
             GError   **error)
{
  p->number = _st_store_take_number (p->store, p->draft->kind, error);
  return p->number != NULL;
}

gboolean
_st_store_insert_event (StStore          *store,
                        const StEventRec *e,
                        gint64           *id_out,
                        GError          **error)
{
  g_autoptr(StStmt) stmt = _st_store_prepare (store,
                                              "INSERT INTO unit_events (unit_id, document_id,"
                                              " line_id, kind, date, from_warehouse_id,"
                                              " to_warehouse_id, contact_id, amount, warranty_end,"
                                              " reverses_id)"
                                              " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  st_stmt_bind_int64 (stmt, 1, e->unit_id);
  st_stmt_bind_int64 (stmt, 2, e->document_id);
  _st_bind_id (stmt, 3, e->line_id);
  _st_bind_text (stmt, 4, st_event_kind_to_string (e->kind));
  _st_bind_text (stmt, 5, e->date);
  _st_bind_id (stmt, 6, e->from_warehouse_id);
  _st_bind_id (stmt, 7, e->to_warehouse_id);
  _st_bind_id (stmt, 8, e->contact_id);
  if (e->has_amount)
    st_stmt_bind_int64 (stmt, 9, e->amount);
  _st_bind_text (stmt, 10, e->warranty_end[0] ? e->warranty_end : NULL);
  _st_bind_id (stmt, 11, e->reverses_id);
  if (!_st_step (stmt, error))
    return FALSE;
  if (id_out != NULL)
    *id_out = st_db_last_insert_id (_st_store_get_db (store), error);
  return id_out == NULL || *id_out != 0;
}

static void
bind_state (StStmt            *stmt,
            int                first,
            const StUnitState *s)
{
  _st_bind_text (stmt, first, st_unit_status_to_string (s->status));
  _st_bind_id (stmt, first + 1, s->warehouse_id);
  st_stmt_bind_int64 (stmt, first + 2, s->cost);
  if (s->has_price)
    st_stmt_bind_int64 (stmt, first + 3, s->price);
  else
    st_stmt_bind_null (stmt, first + 3);
  _st_bind_text (stmt, first + 4, s->warranty_end[0] ? s->warranty_end : NULL);
  _st_bind_text (stmt, first + 5, s->received_date[0] ? s->received_date : NULL);
  _st_bind_id (stmt, first + 6, s->received_doc_id);
  _st_bind_text (stmt, first + 7, s->sold_date[0] ? s->sold_date : NULL);
  _st_bind_id (stmt, first + 8, s->sold_doc_id);
}

/* Writes a unit's new state.  Given @before (the state stored now, as read in this
 * transaction) it writes only the columns that change, so that SQLite leaves alone the index
 * entries of the others: a sale keeps the receipt date and bill, and their three indexes. */
gboolean
_st_store_write_unit_state (StStore           *store,
                            gint64             unit_id,
                            const StUnitState *before,
                            const StUnitState *s,
                            GError           **error)
{
  /* In bind_state()'s order. */
  static const char * const columns[] = {
    "status = ?1", "warehouse_id = ?2", "cost = ?3", "price = ?4", "warranty_end = ?5",
    "received_date = ?6", "received_doc_id = ?7", "sold_date = ?8", "sold_doc_id = ?9",
  };
  gboolean changed[G_N_ELEMENTS (columns)];
  g_autoptr(GString) sql = g_string_new ("UPDATE units SET ");
  g_autoptr(StStmt) stmt = NULL;
  guint n = 0;

  if (before == NULL)
    for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
      changed[i] = TRUE;
  else
    {
      changed[0] = before->status != s->status;
      changed[1] = before->warehouse_id != s->warehouse_id;
      changed[2] = before->cost != s->cost;
      changed[3] = before->has_price != s->has_price
                   || (s->has_price && before->price != s->price);
      changed[4] = strcmp (before->warranty_end, s->warranty_end) != 0;
      changed[5] = strcmp (before->received_date, s->received_date) != 0;
      changed[6] = before->received_doc_id != s->received_doc_id;
      changed[7] = strcmp (before->sold_date, s->sold_date) != 0;
      changed[8] = before->sold_doc_id != s->sold_doc_id;
    }
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    if (changed[i])
      {
        if (n++ > 0)
          g_string_append (sql, ", ");
        g_string_append (sql, columns[i]);
      }
  if (n == 0)
    return TRUE;
  /* Only from the state this posting validated: with writers serialised it always is, and if
   * it ever were not (two writers at once), nothing would be written over the other's unit. */
  g_string_append (sql, before != NULL ? " WHERE id = ?10 AND status = ?11" : " WHERE id = ?10");
  stmt = _st_store_prepare (store, sql->str, error);
  if (stmt == NULL)
    return FALSE;
  bind_state (stmt, 1, s);
  st_stmt_bind_int64 (stmt, 10, unit_id);
  if (before != NULL)
    _st_bind_text (stmt, 11, st_unit_status_to_string (before->status));
  if (_st_step (stmt, error) == 0)
    return FALSE;
  if (before != NULL && st_db_changes (_st_store_get_db (store)) != 1)
    {
      g_set_error (error, ST_ERROR, ST_ERROR_BUSY,
                   /* Translators: %lld is a unit's number in the database */
                   _("Unit %lld was changed by someone else at the same moment; nothing was "
                     "written, try again"), (long long) unit_id);
      return FALSE;
    }
  return TRUE;
}

static gint64
insert_unit (StStore           *store,
             gint64             item_id,
             const char        *serial,
             const char        *key,
             const StUnitState *s,
             GError           **error)
{
  g_autoptr(StStmt) stmt = _st_store_prepare (store,
                                              "INSERT INTO units (item_id, serial, serial_key, "
                                              ST_UNIT_STATE_COLUMNS ", serial_rkey)"
                                              " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                                              " ?)", error);
  g_autofree char *rkey = NULL;

  if (stmt == NULL)
    return 0;
  rkey = g_utf8_strreverse (key, -1);
  st_stmt_bind_int64 (stmt, 1, item_id);
  _st_bind_text (stmt, 2, serial);
  _st_bind_text (stmt, 3, key);
  bind_state (stmt, 4, s);
  _st_bind_text (stmt, 13, rkey);
  if (!_st_step (stmt, error))
    return 0;
  return st_db_last_insert_id (_st_store_get_db (store), error);
}

gboolean
_st_posting_insert_move (StPosting *p,
                         gint64     item_id,
                         gint64     warehouse_id,
                         gint64     quantity,
                         gboolean   in_transit,
                         GError   **error)
{
  g_autoptr(StStmt) stmt = _st_store_prepare (p->store,
                                              "INSERT INTO stock_moves (document_id, item_id,"
                                              " warehouse_id, quantity, in_transit)"
                                              " VALUES (?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  st_stmt_bind_int64 (stmt, 1, p->doc_id);
  st_stmt_bind_int64 (stmt, 2, item_id);
  st_stmt_bind_int64 (stmt, 3, warehouse_id);
  st_stmt_bind_int64 (stmt, 4, quantity);
  st_stmt_bind_int64 (stmt, 5, in_transit ? 1 : 0);
  if (!_st_step (stmt, error))
    return FALSE;
  stock_add (p, item_id, warehouse_id, in_transit, quantity);
  return TRUE;
}

static gboolean
write_quantity_line (StPosting *p,
                     Line      *line,
                     GError   **error)
{
  gint64 item = st_item_get_id (line->item);
  gint64 q = line->quantity;

  switch (line->event_kind)
    {
    case ST_EVENT_RECEIVED:
    case ST_EVENT_ADJUSTED_IN:
    case ST_EVENT_RETURNED:
      return _st_posting_insert_move (p, item, p->warehouse_id, q, FALSE, error);
    case ST_EVENT_SOLD:
    case ST_EVENT_WRITTEN_OFF:
    case ST_EVENT_RETURNED_TO_VENDOR:
      return _st_posting_insert_move (p, item, p->warehouse_id, -q, FALSE, error);
    case ST_EVENT_TRANSFERRED:
    case ST_EVENT_TRANSFER_OUT:
      return _st_posting_insert_move (p, item, p->warehouse_id, -q, FALSE, error)
             && _st_posting_insert_move (p, item, p->to_warehouse_id, q,
                                         line->event_kind == ST_EVENT_TRANSFER_OUT, error);
    case ST_EVENT_TRANSFER_IN:
    case ST_EVENT_VOIDED:
    default:
      g_assert_not_reached ();
    }
  return FALSE;
}

static gboolean
write_serial_line (StPosting *p,
                   Line      *line,
                   gint64     line_id,
                   GError   **error)
{
  gint64 item_id = st_item_get_id (line->item);
  guint months = st_item_get_warranty_months (line->item);
  g_autofree char *warranty_end = NULL;

  if (line->event_kind == ST_EVENT_SOLD && months > 0)
    warranty_end = st_date_add_months (p->date, months);

  for (guint i = 0; i < line->picks->len; i++)
    {
      Pick *pick = &g_array_index (line->picks, Pick, i);
      StEventRec e = { 0 };
      StUnitState after;

      e.document_id = p->doc_id;
      e.line_id = line_id;
      e.kind = line->event_kind;
      g_strlcpy (e.date, p->date, ST_DATE_LEN);
      switch (e.kind)
        {
        case ST_EVENT_RECEIVED:
        case ST_EVENT_RETURNED:
          e.to_warehouse_id = p->warehouse_id;
          e.contact_id = p->contact_id;
          e.has_amount = TRUE;
          e.amount = line->rate;
          break;
        case ST_EVENT_ADJUSTED_IN:
          e.to_warehouse_id = p->warehouse_id;
          e.has_amount = TRUE;
          e.amount = line->rate;
          break;
        case ST_EVENT_TRANSFERRED:
        case ST_EVENT_TRANSFER_OUT:
          e.from_warehouse_id = p->warehouse_id;
          e.to_warehouse_id = p->to_warehouse_id;
          break;
        case ST_EVENT_SOLD:
          e.from_warehouse_id = p->warehouse_id;
          e.contact_id = p->contact_id;
          e.has_amount = TRUE;
          e.amount = line->rate;
          g_strlcpy (e.warranty_end, warranty_end != NULL ? warranty_end : "", ST_DATE_LEN);
          break;
        case ST_EVENT_WRITTEN_OFF:
          e.from_warehouse_id = p->warehouse_id;
          e.has_amount = TRUE;
          e.amount = pick->state.cost;
          break;
        case ST_EVENT_RETURNED_TO_VENDOR:
          e.from_warehouse_id = pick->state.warehouse_id;
          e.contact_id = p->contact_id;
          e.has_amount = TRUE;
          e.amount = line->rate;
          break;
        case ST_EVENT_TRANSFER_IN:
        case ST_EVENT_VOIDED:
        default:
          g_assert_not_reached ();
        }
      if (!_st_unit_state_apply (&pick->state, &e, &after))
        {
          g_set_error (error, ST_ERROR, ST_ERROR_FAILED,
                       /* Translators: %s is a serial number */
                       _("Internal error: unit “%s” cannot take this event"), pick->serial);
          return FALSE;
        }
      if (pick->unit_id == 0)
        {
          pick->unit_id = insert_unit (p->store, item_id, pick->serial, pick->key, &after, error);
          if (pick->unit_id == 0)
            return FALSE;
        }
      else if (!_st_store_write_unit_state (p->store, pick->unit_id, &pick->state, &after, error))
        return FALSE;
      e.unit_id = pick->unit_id;
      if (!_st_store_insert_event (p->store, &e, NULL, error))
        return FALSE;
      _st_posting_stock_add_state (p, item_id, &pick->state, -1);
      _st_posting_stock_add_state (p, item_id, &after, +1);
    }
  return TRUE;
}

static gboolean
write_document (StPosting *p,
                GError   **error)
{
  const StDraft *d = p->draft;
  g_autoptr(StStmt) doc = NULL;
  g_autofree char *key = NULL;
  gint64 total = 0, quantity = 0;

  if (p->number == NULL && !take_number (p, error))
    return FALSE;
  for (guint i = 0; i < p->lines->len; i++)
    {
      Line *line = g_ptr_array_index (p->lines, i);
      StDraftLine *dl = g_ptr_array_index (d->lines, i);

      /* Signed: a write-off line lowers an adjustment's total. */
      total += dl->quantity * line->rate;
      quantity += dl->quantity;
    }
  key = _st_name_key (p->number);
  doc = _st_store_prepare (p->store,
                           "INSERT INTO documents (kind, number, number_key, date, status,"
                           " contact_id, warehouse_id, to_warehouse_id, in_transit,"
                           " ref_document_id, reason, total, quantity)"
                           " VALUES (?, ?, ?, ?, 'posted', ?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (doc == NULL)
    return FALSE;
  _st_bind_text (doc, 1, st_doc_kind_to_string (d->kind));
  _st_bind_text (doc, 2, p->number);
  _st_bind_text (doc, 3, key);
  _st_bind_text (doc, 4, p->date);
  _st_bind_id (doc, 5, p->contact_id);
  _st_bind_id (doc, 6, p->warehouse_id);
  _st_bind_id (doc, 7, p->to_warehouse_id);
  st_stmt_bind_int64 (doc, 8, st_doc_kind_info (d->kind)->has_transit && d->in_transit);
  _st_bind_id (doc, 9, p->ref_doc_id);
  _st_bind_text (doc, 10, p->reason);
  st_stmt_bind_int64 (doc, 11, total);
  st_stmt_bind_int64 (doc, 12, quantity);
  if (!_st_step (doc, error))
    return FALSE;
  p->doc_id = st_db_last_insert_id (_st_store_get_db (p->store), error);
  if (p->doc_id == 0)
    return FALSE;
  return _st_posting_write_lines (p, 0, NULL, error);
}

gboolean
_st_posting_write_lines (StPosting *p,
                         guint      first_line_no,
                         GArray    *line_ids,
                         GError   **error)
{
  const StDraft *d = p->draft;

  for (guint i = 0; i < p->lines->len; i++)
    {
      Line *line = g_ptr_array_index (p->lines, i);
      g_autoptr(StStmt) stmt = _st_store_prepare (p->store,
                                                  "INSERT INTO document_lines (document_id,"
                                                  " line_no, item_id, quantity, rate)"
                                                  " VALUES (?, ?, ?, ?, ?)", error);
      StDraftLine *dl = g_ptr_array_index (d->lines, i);
      gint64 line_id;

      if (stmt == NULL)
        return FALSE;
      st_stmt_bind_int64 (stmt, 1, p->doc_id);
      st_stmt_bind_int64 (stmt, 2, first_line_no + line->line_no);
      st_stmt_bind_int64 (stmt, 3, st_item_get_id (line->item));
      st_stmt_bind_int64 (stmt, 4, dl->quantity);
      st_stmt_bind_int64 (stmt, 5, line->rate);
      if (!_st_step (stmt, error))
        return FALSE;
      line_id = st_db_last_insert_id (_st_store_get_db (p->store), error);
      if (line_id == 0)
        return FALSE;
      if (line_ids != NULL)
        g_array_append_val (line_ids, line_id);

      if (st_item_get_tracking (line->item) == ST_TRACKING_SERIAL)
        {
          if (!write_serial_line (p, line, line_id, error))
            return FALSE;
        }
      else if (!write_quantity_line (p, line, error))
        return FALSE;
    }
  return _st_posting_stock_flush (p, error);
}

/* Posts @draft inside the write transaction the caller has begun (a count's write-off is
 * posted in the transaction that finishes the count); on failure the caller rolls back. */
gint64
_st_store_post_in_transaction (StStore        *self,
                               const StDraft  *draft,
                               GError        **error)
{
  StPosting p = { 0 };
  gint64 doc_id = 0;

  p.store = self;
  p.draft = draft;
  p.lines = g_ptr_array_new_with_free_func ((GDestroyNotify) line_free);
  p.stock_delta = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (resolve_header (&p, error) && _st_posting_resolve_lines (&p, error)
      && write_document (&p, error))
    doc_id = p.doc_id;
  _st_posting_clear (&p);
  /* Every refusal names its reason; were one ever to come without, still say so. */
  if (doc_id == 0 && error != NULL && *error == NULL)
    g_set_error_literal (error, ST_ERROR, ST_ERROR_FAILED,
                         _("The document could not be posted; nothing was written"));
  return doc_id;
}

static StDocument *
post_once (StStore        *self,
           const StDraft  *draft,
           GError        **error)
{
  gint64 doc_id;

  if ((guint) draft->kind >= ST_N_DOC_KINDS)
    {
      /* Service cases are written step by step (st-store-service.c). */
      g_set_error (error, ST_ERROR, ST_ERROR_INVALID_INPUT,
                   /* Translators: %s is a document kind such as "Service case" */
                   _("A %s cannot be posted as a document"), st_doc_kind_to_label (draft->kind));
      return NULL;
    }
  if (!_st_store_begin (self, error))
    return NULL;
  doc_id = _st_store_post_in_transaction (self, draft, error);
  if (!_st_store_end_write (self, doc_id != 0, error))
    return NULL;
  return st_store_get_document_by_id (self, doc_id, error);
}

/* Everything is validated again in the next try: what another desk committed meanwhile
 * decides (a unit it sold is refused as not in stock). */
StDocument *
st_store_post (StStore        *self,
               const StDraft  *draft,
               GError        **error)
{
  g_return_val_if_fail (ST_IS_STORE (self), NULL);
  g_return_val_if_fail (draft != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  for (guint attempt = 0; ; attempt++)
    {
      GError *local = NULL;
      StDocument *doc = post_once (self, draft, &local);

      if (doc != NULL || !_st_store_retry_write (self, attempt, &local))
        {
          if (local != NULL)
            g_propagate_error (error, local);
          return doc;
        }
    }
}
