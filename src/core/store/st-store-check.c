/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-store-check.c — SQLite's own checks plus the ledger's invariants: every unit's state equals
 * the replay of its events, and stock equals what units and moves say. */
#define G_LOG_DOMAIN "st-check"

#include "config.h"

#include <glib/gi18n.h>

#include "st-error.h"
#include "st-ledger-private.h"

#define MAX_PROBLEMS 1000

void
st_check_report_free (StCheckReport *report)
{
  if (report == NULL)
    return;
  g_clear_pointer (&report->problems, g_ptr_array_unref);
  g_free (report);
}

static void
add_problem (StCheckReport *report,
             char          *text)
{
  if (report->problems->len < MAX_PROBLEMS)
    g_ptr_array_add (report->problems, text);
  else
    g_free (text);
}

static gboolean
engine_checks (StStore        *self,
               StCheckReport  *report,
               GError        **error)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);

  if (!st_db_check_integrity (_st_store_get_db (self), problems, error))
    return FALSE;
  for (guint i = 0; i < problems->len; i++)
    add_problem (report, g_strdup (g_ptr_array_index (problems, i)));
  return TRUE;
}

static void
check_unit (StCheckReport     *report,
            gint64             unit_id,
            const char        *serial,
            const StUnitState *stored,
            GArray            *events)
{
  g_autoptr(GArray) stack = NULL;
  guint bad = 0;

  stack = _st_unit_replay ((const StEventRec *) events->data, events->len, &bad);
  if (stack == NULL)
    {
      const StEventRec *e = &g_array_index (events, StEventRec, bad);
      add_problem (report,
                   /* Translators: %1$s serial, %2$s an event kind like "Sold", %3$s a date. */
                   g_strdup_printf (_("Unit “%1$s”: event “%2$s” of %3$s is not possible after "
                                      "the events before it"),
                                    serial, st_event_kind_to_label (e->kind), e->date));
      return;
    }
  if (!_st_unit_state_equal (&g_array_index (stack, StUnitState, stack->len - 1), stored))
    add_problem (report,
                 /* Translators: %1$s serial, %2$s its recorded status. */
                 g_strdup_printf (_("Unit “%1$s”: its recorded state (%2$s) differs from what its "
                                    "history says"),
                                  serial, st_unit_status_to_label (stored->status)));
  (void) unit_id;
}

/* Walks units and events side by side, both in unit order: one pass over each table. */
static gboolean
ledger_checks (StStore        *self,
               StCheckReport  *report,
               GError        **error)
{
  g_autoptr(StStmt) units = NULL;
  g_autoptr(StStmt) events = NULL;
  g_autoptr(GArray) batch = g_array_new (FALSE, TRUE, sizeof (StEventRec));
  gboolean have_event;
  int rc;

  units = _st_store_prepare (self, "SELECT id, serial, " ST_UNIT_STATE_COLUMNS " FROM units"
                                   " ORDER BY id", error);
  if (units == NULL)
    return FALSE;
  st_stmt_set_streaming (units);
  events = _st_store_prepare (self, "SELECT unit_id, id, document_id, kind, date,"
                                    " from_warehouse_id, to_warehouse_id, amount, warranty_end,"
                                    " reverses_id FROM unit_events ORDER BY unit_id, id", error);
  if (events == NULL)
    return FALSE;
  st_stmt_set_streaming (events);

  have_event = st_stmt_step (events, NULL) == ST_STEP_ROW;
  while ((rc = st_stmt_step (units, error)) == ST_STEP_ROW)
    {
      gint64 unit_id = st_stmt_column_int64 (units, 0);
      StUnitState stored;

      report->n_units++;
      _st_unit_state_from_row (units, 2, &stored);
      g_array_set_size (batch, 0);
      while (have_event && st_stmt_column_int64 (events, 0) <= unit_id)
        {
          StEventRec e = { 0 };

          if (st_stmt_column_int64 (events, 0) == unit_id)
            {
              e.unit_id = unit_id;
              e.id = st_stmt_column_int64 (events, 1);
              e.document_id = st_stmt_column_int64 (events, 2);
              st_event_kind_from_string (st_stmt_column_text (events, 3), &e.kind);
              g_strlcpy (e.date, st_stmt_column_text (events, 4), ST_DATE_LEN);
              e.from_warehouse_id = st_stmt_column_int64 (events, 5);
              e.to_warehouse_id = st_stmt_column_int64 (events, 6);
              e.has_amount = !st_stmt_column_is_null (events, 7);
              e.amount = st_stmt_column_int64 (events, 7);
              if (!st_stmt_column_is_null (events, 8))
                g_strlcpy (e.warranty_end, st_stmt_column_text (events, 8),
                           ST_DATE_LEN);
              e.reverses_id = st_stmt_column_int64 (events, 9);
              g_array_append_val (batch, e);
            }
          report->n_events++;
          have_event = st_stmt_step (events, NULL) == ST_STEP_ROW;
        }
      check_unit (report, unit_id, st_stmt_column_text (units, 1), &stored, batch);
    }
  while (have_event)
    {
      report->n_events++;
      have_event = st_stmt_step (events, NULL) == ST_STEP_ROW;
    }
  return rc == ST_STEP_DONE;
}

static gboolean
stock_checks (StStore        *self,
              StCheckReport  *report,
              GError        **error)
{
  /* Expected stock from units (serial items) and moves (quantity items), compared with the
   * stock table both ways. */
  static const char sql[] =
    "WITH expected (item_id, warehouse_id, on_hand, in_transit) AS ("
    "  SELECT u.item_id, u.warehouse_id, sum (CASE WHEN u.status = 'in_stock' THEN 1 ELSE 0 END),"
    "         sum (CASE WHEN u.status = 'in_transit' THEN 1 ELSE 0 END)"
    "  FROM units u JOIN items i ON i.id = u.item_id"
    "  WHERE i.tracking = 'serial' AND u.status IN ('in_stock', 'in_transit')"
    "  GROUP BY u.item_id, u.warehouse_id"
    "  UNION ALL"
    "  SELECT m.item_id, m.warehouse_id, sum (CASE WHEN m.in_transit <> 0 THEN 0 ELSE m.quantity END),"
    "         sum (CASE WHEN m.in_transit <> 0 THEN m.quantity ELSE 0 END)"
    "  FROM stock_moves m JOIN items i ON i.id = m.item_id WHERE i.tracking = 'none'"
    "  GROUP BY m.item_id, m.warehouse_id),"
    " actual AS (SELECT item_id, warehouse_id, on_hand, in_transit FROM stock"
    "            WHERE on_hand <> 0 OR in_transit <> 0),"
    " diff AS (SELECT item_id, warehouse_id FROM (SELECT * FROM expected"
    "            WHERE on_hand <> 0 OR in_transit <> 0 EXCEPT SELECT * FROM actual) AS missing"
    "          UNION SELECT item_id, warehouse_id FROM (SELECT * FROM actual EXCEPT"
    "            SELECT * FROM expected) AS extra)"
    " SELECT i.sku, w.name FROM diff JOIN items i ON i.id = diff.item_id"
    " JOIN warehouses w ON w.id = diff.warehouse_id";
  g_autoptr(StStmt) stmt = _st_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = _st_step (stmt, error)) == ST_STEP_ROW)
    add_problem (report,
                 /* Translators: %1$s SKU, %2$s warehouse. */
                 g_strdup_printf (_("Stock of %1$s at %2$s differs from its units and moves"),
                                  st_stmt_column_text (stmt, 0),
                                  st_stmt_column_text (stmt, 1)));
  return rc == ST_STEP_DONE;
}

/* The reversed serial key that search by the last digits uses (schema v5), on every unit. */
static gboolean
search_key_checks (StStore        *self,
                   StCheckReport  *report,
                   GError        **error)
{
  g_autoptr(StStmt) stmt = _st_store_prepare (self, "SELECT serial FROM units"
                                                    " WHERE serial_rkey <> reverse (serial_key)"
                                                    " LIMIT 20", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = _st_step (stmt, error)) == ST_STEP_ROW)
    add_problem (report,
                 /* Translators: %s is a serial */
                 g_strdup_printf (_("Unit %s has a wrong search key: its last digits do not "
                                    "find it"), st_stmt_column_text (stmt, 0)));
  return rc == ST_STEP_DONE;
}

static const char *
status_label (const char *status)
{
  StUnitStatus value;

  return st_unit_status_from_string (status, &value) ? st_unit_status_to_label (value) : status;
}

/* PostgreSQL: the units the table unit_blocks counts (schema v8), block by block, against the
 * units themselves; the Units view counts and finds its rows by them. */
static gboolean
unit_block_checks (StStore        *self,
                   StCheckReport  *report,
                   GError        **error)
{
  g_autoptr(StStmt) stmt = NULL;
  int rc;

  if (_st_store_get_dialect (self) != ST_DB_DIALECT_POSTGRES)
    return TRUE;
  stmt = _st_store_prepare (self, "SELECT coalesce (b.status, u.status),"
                                  " coalesce (b.received_date, u.d), coalesce (b.n, 0),"
                                  " coalesce (u.n, 0)"
                                  " FROM (SELECT * FROM unit_blocks WHERE n <> 0) b"
                                  " FULL JOIN (SELECT status, coalesce (received_date, '~') AS d,"
                                  " id >> 10 AS blk, count (*) AS n FROM units"
                                  " GROUP BY 1, 2, 3) u"
                                  " ON u.status = b.status AND u.d = b.received_date"
                                  " AND u.blk = b.blk"
                                  " WHERE b.n IS DISTINCT FROM u.n LIMIT 20", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = _st_step (stmt, error)) == ST_STEP_ROW)
    {
      const char *date = st_stmt_column_text (stmt, 1);

      add_problem (report,
                   /* Translators: the Units view counts its units from a table that the
                    * database keeps; this says it disagrees with the units.  %1$s: a unit
                    * status (In stock, Sold, …), %2$s: a date or "—" (none), the numbers:
                    * units counted, units there. */
                   g_strdup_printf (_("The Units view counts %3$lld units (%1$s) received on "
                                      "%2$s, but %4$lld are there"),
                                    status_label (st_stmt_column_text (stmt, 0)),
                                    g_str_equal (date, "~") ? "—" : date,
                                    (long long) st_stmt_column_int64 (stmt, 2),
                                    (long long) st_stmt_column_int64 (stmt, 3)));
    }
  return rc == ST_STEP_DONE;
}

/* Returns: a posted return whose invoice (bill) is void, and a return line that takes back
 * more of an item than its invoice (bill) has left after every posted return of it. */
static gboolean
return_checks (StStore        *self,
               StCheckReport  *report,
               GError        **error)
{
  static const char void_sql[] =
    "SELECT r.kind, r.number, d.kind, d.number FROM documents r"
    " JOIN documents d ON d.id = r.ref_document_id"
    " WHERE r.kind IN ('return', 'vendor-return') AND r.status = 'posted'"
    "   AND d.status <> 'posted'"
    " ORDER BY r.id";
  /* Per referred document and item: what it moved, and what its posted returns took back. */
  static const char excess_sql[] =
    "WITH returned (doc_id, item_id, quantity) AS ("
    "  SELECT r.ref_document_id, l.item_id, sum (l.quantity)"
    "  FROM documents r JOIN document_lines l ON l.document_id = r.id"
    "  WHERE r.kind IN ('return', 'vendor-return') AND r.status = 'posted'"
    "  GROUP BY r.ref_document_id, l.item_id),"
    " moved (doc_id, item_id, quantity) AS ("
    "  SELECT l.document_id, l.item_id, sum (l.quantity)"
    "  FROM document_lines l WHERE l.document_id IN (SELECT doc_id FROM returned)"
    "  GROUP BY l.document_id, l.item_id)"
    " SELECT d.kind, d.number, i.sku, rt.quantity, coalesce (m.quantity, 0)"
    " FROM returned rt JOIN documents d ON d.id = rt.doc_id JOIN items i ON i.id = rt.item_id"
    " LEFT JOIN moved m ON m.doc_id = rt.doc_id AND m.item_id = rt.item_id"
    " WHERE rt.quantity > coalesce (m.quantity, 0)"
    " ORDER BY d.id, i.sku";
  g_autoptr(StStmt) stmt = _st_store_prepare (self, void_sql, error);
  StDocKind kind, ref_kind;
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = _st_step (stmt, error)) == ST_STEP_ROW)
    {
      kind = ST_DOC_RETURN;
      ref_kind = ST_DOC_INVOICE;
      st_doc_kind_from_string (st_stmt_column_text (stmt, 0), &kind);
      st_doc_kind_from_string (st_stmt_column_text (stmt, 2), &ref_kind);
      add_problem (report,
                   /* Translators: %1$s a return's kind and %2$s its number (“Sales return
                    * RET-00003”), %3$s and %4$s the document it refers to (“Invoice INV-00012”) */
                   g_strdup_printf (_("%1$s %2$s is posted against %3$s %4$s, which is "
                                      "void"),
                                    st_doc_kind_to_label (kind),
                                    st_stmt_column_text (stmt, 1),
                                    st_doc_kind_to_label (ref_kind),
                                    st_stmt_column_text (stmt, 3)));
    }
  if (rc != ST_STEP_DONE)
    return FALSE;
  g_clear_pointer (&stmt, st_stmt_release);

  stmt = _st_store_prepare (self, excess_sql, error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = _st_step (stmt, error)) == ST_STEP_ROW)
    {
      ref_kind = ST_DOC_INVOICE;
      st_doc_kind_from_string (st_stmt_column_text (stmt, 0), &ref_kind);
      add_problem (report,
                   /* Translators: %1$s a document kind and %2$s its number (“Invoice
                    * INV-00012”), %3$s a SKU, %4$lld and %5$lld quantities */
                   g_strdup_printf (_("%1$s %2$s: its posted returns take back %4$lld of %3$s, "
                                      "but it has only %5$lld"),
                                    st_doc_kind_to_label (ref_kind),
                                    st_stmt_column_text (stmt, 1),
                                    st_stmt_column_text (stmt, 2),
                                    (long long) st_stmt_column_int64 (stmt, 3),
                                    (long long) st_stmt_column_int64 (stmt, 4)));
    }
  return rc == ST_STEP_DONE;
}

/* Service cases (DESIGN §8): a case still in our hands (open, in repair, ready) has its unit
 * in service, and a unit is in service on exactly one such case; the Service view's stored
 * order key (schema v7) agrees with the case's status and date. */
static gboolean
service_checks (StStore        *self,
                StCheckReport  *report,
                GError        **error)
{
  static const char sql[] =
    "SELECT 0, d.number, u.serial, u.status FROM service_cases s"
    " JOIN documents d ON d.id = s.document_id JOIN units u ON u.id = s.unit_id"
    " WHERE s.status IN ('open', 'in_repair', 'ready') AND u.status <> 'in_service'"
    " UNION ALL"
    " SELECT 1, '', u.serial, u.status FROM units u WHERE u.status = 'in_service'"
    " AND (SELECT count (*) FROM service_cases s WHERE s.unit_id = u.id"
    "      AND s.status IN ('open', 'in_repair', 'ready')) <> 1"
    " UNION ALL"
    " SELECT 2, d.number, '', '' FROM service_cases s JOIN documents d ON d.id = s.document_id"
    " WHERE s.sort_key <> (CASE WHEN s.status IN ('open', 'in_repair', 'ready') THEN '1'"
    "  ELSE '0' END) || d.date";
  g_autoptr(StStmt) stmt = _st_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = _st_step (stmt, error)) == ST_STEP_ROW)
    {
      const char *number = st_stmt_column_text (stmt, 1);
      g_autofree char *serial = g_strescape (st_stmt_column_text (stmt, 2), NULL);
      StUnitStatus status = ST_UNIT_VOIDED;

      st_unit_status_from_string (st_stmt_column_text (stmt, 3), &status);
      switch (st_stmt_column_int64 (stmt, 0))
        {
        case 0:
          add_problem (report,
                       /* Translators: %1$s a service case number, %2$s a serial, %3$s a status */
                       g_strdup_printf (_("Service case %1$s is open, but its unit “%2$s” is "
                                          "not in service (status: %3$s)"),
                                        number, serial, st_unit_status_to_label (status)));
          break;
        case 1:
          add_problem (report,
                       /* Translators: %s is a serial */
                       g_strdup_printf (_("Unit “%s” is in service, but not on exactly one open "
                                          "service case"), serial));
          break;
        case 2:
        default:
          add_problem (report,
                       /* Translators: %s is a service case number (SC-00012); the Service
                        * view's order is open cases first, then newest first */
                       g_strdup_printf (_("Service case %s has a wrong sort key: the Service "
                                          "view lists it out of order"), number));
          break;
        }
    }
  return rc == ST_STEP_DONE;
}

/* Stock counts (DESIGN §9): what each count keeps agrees with itself — its expected set with
 * its number expected and its items, each scan's class with what it refers to, one first
 * scan of a unit per count, a missing list only on a finished count and never of a unit it
 * found, and the write-off an adjustment. */
static gboolean
count_checks (StStore        *self,
              StCheckReport  *report,
              GError        **error)
{
  static const char sql[] =
    /* 0: the number expected differs from the expected set */
    "SELECT 0, c.number, '', c.n_expected, (SELECT count (*) FROM count_expected e"
    "  WHERE e.count_id = c.id) FROM counts c"
    " WHERE c.n_expected <> (SELECT count (*) FROM count_expected e WHERE e.count_id = c.id)"
    " UNION ALL"
    /* 1: an expected unit of an item the count does not cover */
    " SELECT 1, c.number, u.serial, 0, 0 FROM count_expected e JOIN counts c ON c.id = e.count_id"
    " JOIN units u ON u.id = e.unit_id"
    " WHERE EXISTS (SELECT 1 FROM count_items ci WHERE ci.count_id = c.id)"
    " AND NOT EXISTS (SELECT 1 FROM count_items ci WHERE ci.count_id = c.id"
    "  AND ci.item_id = u.item_id)"
    " UNION ALL"
    /* 2: a scan whose class needs a unit without one, or an unknown or ambiguous one with */
    " SELECT 2, c.number, s.serial, 0, 0 FROM count_scans s JOIN counts c ON c.id = s.count_id"
    " WHERE (s.class IN ('found', 'elsewhere', 'not_in_stock', 'moved') AND s.unit_id IS NULL)"
    " OR (s.class IN ('unknown', 'ambiguous') AND s.unit_id IS NOT NULL)"
    " UNION ALL"
    /* 3: found, but not expected */
    " SELECT 3, c.number, s.serial, 0, 0 FROM count_scans s JOIN counts c ON c.id = s.count_id"
    " WHERE s.class = 'found' AND NOT EXISTS (SELECT 1 FROM count_expected e"
    "  WHERE e.count_id = s.count_id AND e.unit_id = s.unit_id)"
    " UNION ALL"
    /* 4: scanned again with no first scan of that serial before it */
    " SELECT 4, c.number, s.serial, 0, 0 FROM count_scans s JOIN counts c ON c.id = s.count_id"
    " WHERE s.class = 'again' AND NOT EXISTS (SELECT 1 FROM count_scans f"
    "  WHERE f.count_id = s.count_id AND f.serial_key = s.serial_key AND f.id < s.id"
    "  AND f.class <> 'again')"
    " UNION ALL"
    /* 5: a unit with two first scans in one count */
    " SELECT 5, c.number, u.serial, 0, 0 FROM count_scans s JOIN counts c ON c.id = s.count_id"
    " JOIN units u ON u.id = s.unit_id WHERE s.class <> 'again'"
    " GROUP BY c.number, u.serial, s.count_id, s.unit_id HAVING count (*) > 1"
    " UNION ALL"
    /* 6: missing, but found; or missing on a count still open */
    " SELECT 6, c.number, u.serial, 0, 0 FROM count_expected e JOIN counts c ON c.id = e.count_id"
    " JOIN units u ON u.id = e.unit_id WHERE e.missing <> 0 AND (c.status = 'open'"
    "  OR EXISTS (SELECT 1 FROM count_scans s WHERE s.count_id = e.count_id"
    "  AND s.unit_id = e.unit_id AND s.class <> 'again'))"
    " UNION ALL"
    /* 7: finished without a date, open with one or with a write-off */
    " SELECT 7, c.number, '', 0, 0 FROM counts c"
    " WHERE (c.status = 'finished') <> (c.finished_date IS NOT NULL)"
    " OR (c.status = 'open' AND c.adjustment_id IS NOT NULL)"
    " UNION ALL"
    /* 8: a write-off that is not an adjustment */
    " SELECT 8, c.number, d.number, 0, 0 FROM counts c JOIN documents d ON d.id = c.adjustment_id"
    " WHERE d.kind <> 'adjustment'"
    " ORDER BY 2, 1, 3";
  g_autoptr(StStmt) stmt = _st_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = _st_step (stmt, error)) == ST_STEP_ROW)
    {
      const char *number = st_stmt_column_text (stmt, 1);
      g_autofree char *what = g_strescape (st_stmt_column_text (stmt, 2), NULL);
      char *text;

      switch (st_stmt_column_int64 (stmt, 0))
        {
        case 0:
          /* Translators: %1$s a count number (CNT-00001), %2$lld and %3$lld numbers of units */
          text = g_strdup_printf (_("Count %1$s says it expected %2$lld units, but its expected "
                                    "set holds %3$lld"), number,
                                  (long long) st_stmt_column_int64 (stmt, 3),
                                  (long long) st_stmt_column_int64 (stmt, 4));
          break;
        case 1:
          /* Translators: %1$s a count number (CNT-00001), %2$s a serial */
          text = g_strdup_printf (_("Count %1$s expects unit “%2$s” of an item it does not "
                                    "cover"), number, what);
          break;
        case 2:
          /* Translators: %1$s a count number (CNT-00001), %2$s a serial */
          text = g_strdup_printf (_("Count %1$s: the scan of “%2$s” does not match its class"),
                                  number, what);
          break;
        case 3:
          /* Translators: %1$s a count number (CNT-00001), %2$s a serial */
          text = g_strdup_printf (_("Count %1$s found unit “%2$s”, which it did not expect"),
                                  number, what);
          break;
        case 4:
          /* Translators: %1$s a count number (CNT-00001), %2$s a serial */
          text = g_strdup_printf (_("Count %1$s has “%2$s” scanned again, but never a first "
                                    "time"), number, what);
          break;
        case 5:
          /* Translators: %1$s a count number (CNT-00001), %2$s a serial */
          text = g_strdup_printf (_("Count %1$s has two first scans of unit “%2$s”"),
                                  number, what);
          break;
        case 6:
          /* Translators: %1$s a count number (CNT-00001), %2$s a serial */
          text = g_strdup_printf (_("Count %1$s lists unit “%2$s” as missing, but it is open or "
                                    "found the unit"), number, what);
          break;
        case 7:
          /* Translators: %s is a count number (CNT-00001) */
          text = g_strdup_printf (_("Count %s: its status disagrees with its finish date or "
                                    "write-off"), number);
          break;
        case 8:
        default:
          /* Translators: %1$s a count number (CNT-00001), %2$s a document number */
          text = g_strdup_printf (_("Count %1$s: its write-off %2$s is not an adjustment"),
                                  number, what);
          break;
        }
      add_problem (report, text);
    }
  return rc == ST_STEP_DONE;
}

StCheckReport *
st_store_check (StStore  *self,
                GError  **error)
{
  g_autoptr(StCheckReport) report = g_new0 (StCheckReport, 1);
  g_autoptr(StStmt) docs = NULL;

  g_return_val_if_fail (ST_IS_STORE (self), NULL);
  report->problems = g_ptr_array_new_with_free_func (g_free);

  /* One read transaction, so that the checks see one consistent snapshot. */
  if (!st_db_begin_read (_st_store_get_db (self), error))
    return NULL;
  if (!engine_checks (self, report, error))
    goto fail;
  /* On a damaged file, the ledger and the counts would only read more damage. */
  if (report->problems->len == 0)
    {
      if (!ledger_checks (self, report, error) || !stock_checks (self, report, error)
          || !return_checks (self, report, error) || !service_checks (self, report, error)
          || !search_key_checks (self, report, error) || !count_checks (self, report, error)
          || !unit_block_checks (self, report, error))
        goto fail;
      docs = _st_store_prepare (self, "SELECT count (*) FROM documents", error);
      if (docs == NULL || _st_step (docs, error) != ST_STEP_ROW)
        goto fail;
      report->n_documents = st_stmt_column_int64 (docs, 0);
      g_clear_pointer (&docs, st_stmt_release);
    }
  _st_store_exec (self, "COMMIT", NULL);
  return g_steal_pointer (&report);

fail:
  _st_store_rollback (self);
  return NULL;
}
