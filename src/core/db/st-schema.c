/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-schema.c — the schema, written once for both dialects: @ID@ is a row id that the
 * database assigns, @INT@ a 64-bit integer, @NOROWID@ SQLite's WITHOUT ROWID for tables keyed
 * by something else.  Migrations follow the same rules. */
#define G_LOG_DOMAIN "st-schema"

#include "config.h"

#include <string.h>

#include "st-schema.h"

/* Schema version 1.  Every later version appends a step to `migrations`. */
static const char schema_v1[] =
  "CREATE TABLE settings ("
  "  key   TEXT PRIMARY KEY,"
  "  value TEXT NOT NULL"
  ")@NOROWID@;"
  "CREATE TABLE warehouses ("
  "  id       @ID@,"
  "  name     TEXT NOT NULL,"
  "  name_key TEXT NOT NULL UNIQUE"
  ");"
  "CREATE TABLE contacts ("
  "  id       @ID@,"
  "  kind     TEXT NOT NULL CHECK (kind IN ('vendor', 'customer')),"
  "  name     TEXT NOT NULL,"
  "  name_key TEXT NOT NULL,"
  "  UNIQUE (kind, name_key)"
  ");"
  "CREATE TABLE items ("
  "  id              @ID@,"
  "  sku             TEXT NOT NULL,"
  "  sku_key         TEXT NOT NULL UNIQUE,"
  "  name            TEXT NOT NULL,"
  "  unit            TEXT NOT NULL,"
  "  price           @INT@ NOT NULL,"
  "  cost            @INT@ NOT NULL,"
  "  tracking        TEXT NOT NULL CHECK (tracking IN ('serial', 'none')),"
  "  warranty_months @INT@ NOT NULL DEFAULT 0,"
  "  serial_format   TEXT NOT NULL CHECK (serial_format IN ('any', 'digits', 'imei'))"
  ");"
  "CREATE TABLE documents ("
  "  id              @ID@,"
  "  kind            TEXT NOT NULL,"
  "  number          TEXT NOT NULL,"
  "  number_key      TEXT NOT NULL,"
  "  date            TEXT NOT NULL,"
  "  status          TEXT NOT NULL,"
  "  contact_id      @INT@ REFERENCES contacts (id),"
  "  warehouse_id    @INT@ REFERENCES warehouses (id),"
  "  to_warehouse_id @INT@ REFERENCES warehouses (id),"
  "  in_transit      @INT@ NOT NULL DEFAULT 0,"
  "  received_date   TEXT,"
  "  ref_document_id @INT@ REFERENCES documents (id),"
  "  reason          TEXT,"
  "  total           @INT@ NOT NULL DEFAULT 0,"
  "  quantity        @INT@ NOT NULL DEFAULT 0,"
  "  voided_date     TEXT"
  ");"
  "CREATE UNIQUE INDEX documents_number ON documents (kind, number_key) WHERE kind <> 'bill';"
  "CREATE UNIQUE INDEX documents_bill_number ON documents (contact_id, number_key)"
  "  WHERE kind = 'bill';"
  "CREATE INDEX documents_kind_date ON documents (kind, date, id);"
  /* Lookups by number: the partial unique indexes above cannot serve "kind = ?". */
  "CREATE INDEX documents_kind_number ON documents (kind, number_key);"
  "CREATE INDEX documents_ref ON documents (ref_document_id);"
  "CREATE TABLE document_lines ("
  "  id          @ID@,"
  "  document_id @INT@ NOT NULL REFERENCES documents (id),"
  "  line_no     @INT@ NOT NULL,"
  "  item_id     @INT@ NOT NULL REFERENCES items (id),"
  "  quantity    @INT@ NOT NULL,"
  "  rate        @INT@ NOT NULL,"
  "  UNIQUE (document_id, line_no)"
  ");"
  "CREATE INDEX document_lines_item ON document_lines (item_id);"
  "CREATE TABLE units ("
  "  id              @ID@,"
  "  item_id         @INT@ NOT NULL REFERENCES items (id),"
  "  serial          TEXT NOT NULL,"
  "  serial_key      TEXT NOT NULL,"
  "  status          TEXT NOT NULL,"
  "  warehouse_id    @INT@ REFERENCES warehouses (id),"
  "  cost            @INT@ NOT NULL DEFAULT 0,"
  "  price           @INT@,"
  "  warranty_end    TEXT,"
  "  received_date   TEXT,"
  "  received_doc_id @INT@ REFERENCES documents (id),"
  "  sold_date       TEXT,"
  "  sold_doc_id     @INT@ REFERENCES documents (id),"
  "  UNIQUE (item_id, serial_key)"
  ");"
  "CREATE INDEX units_serial_key ON units (serial_key);"
  "CREATE INDEX units_fifo ON units (item_id, status, warehouse_id, received_date, id);"
  "CREATE INDEX units_received ON units (received_date, id);"
  "CREATE INDEX units_item_received ON units (item_id, received_date, id);"
  "CREATE INDEX units_received_doc ON units (received_doc_id);"
  "CREATE INDEX units_sold_doc ON units (sold_doc_id);"
  "CREATE TABLE unit_events ("
  "  id                @ID@,"
  "  unit_id           @INT@ NOT NULL REFERENCES units (id),"
  "  document_id       @INT@ NOT NULL REFERENCES documents (id),"
  "  line_id           @INT@ REFERENCES document_lines (id),"
  "  kind              TEXT NOT NULL,"
  "  date              TEXT NOT NULL,"
  "  from_warehouse_id @INT@ REFERENCES warehouses (id),"
  "  to_warehouse_id   @INT@ REFERENCES warehouses (id),"
  "  contact_id        @INT@ REFERENCES contacts (id),"
  "  amount            @INT@,"
  "  warranty_end      TEXT,"
  "  reverses_id       @INT@ REFERENCES unit_events (id)"
  ");"
  "CREATE INDEX unit_events_unit ON unit_events (unit_id, id);"
  "CREATE INDEX unit_events_document ON unit_events (document_id);"
  "CREATE INDEX unit_events_line ON unit_events (line_id);"
  "CREATE TABLE stock_moves ("
  "  id           @ID@,"
  "  document_id  @INT@ NOT NULL REFERENCES documents (id),"
  "  item_id      @INT@ NOT NULL REFERENCES items (id),"
  "  warehouse_id @INT@ NOT NULL REFERENCES warehouses (id),"
  "  quantity     @INT@ NOT NULL,"
  "  in_transit   @INT@ NOT NULL DEFAULT 0"
  ");"
  "CREATE INDEX stock_moves_document ON stock_moves (document_id);"
  "CREATE INDEX stock_moves_item ON stock_moves (item_id, warehouse_id);"
  "CREATE TABLE stock ("
  "  item_id      @INT@ NOT NULL REFERENCES items (id),"
  "  warehouse_id @INT@ NOT NULL REFERENCES warehouses (id),"
  "  on_hand      @INT@ NOT NULL DEFAULT 0,"
  "  in_transit   @INT@ NOT NULL DEFAULT 0,"
  "  PRIMARY KEY (item_id, warehouse_id)"
  ")@NOROWID@;"
  "INSERT INTO settings (key, value) VALUES ('tracking', 'serial');";

/* Version 2: after-sales service (DESIGN §8). */
static const char migration_v2_service[] =
  /* A case is a document of kind 'service' (its number, date, customer, service desk and the
   * lines of parts used); this table holds the rest.  The custody steps are unit events on
   * that document; resolution_event_id / replacement_event_id name the events of the last
   * step (for voiding it). */
  "CREATE TABLE service_cases ("
  "  id                   @ID@,"
  "  document_id          @INT@ NOT NULL UNIQUE REFERENCES documents (id),"
  "  unit_id              @INT@ NOT NULL REFERENCES units (id),"
  "  status               TEXT NOT NULL CHECK (status IN ('open', 'in_repair', 'ready',"
  "                         'closed', 'cancelled')),"
  "  complaint            TEXT NOT NULL,"
  "  warranty_status      TEXT NOT NULL CHECK (warranty_status IN ('under_warranty', 'expired',"
  "                         'none')),"
  "  warranty_end         TEXT,"
  "  resolution           TEXT CHECK (resolution IN ('repaired', 'unrepaired', 'replaced',"
  "                         'refunded')),"
  "  charge               @INT@ NOT NULL DEFAULT 0,"
  "  refund               @INT@ NOT NULL DEFAULT 0,"
  "  closed_date          TEXT,"
  "  replacement_unit_id  @INT@ REFERENCES units (id),"
  "  resolution_event_id  @INT@ REFERENCES unit_events (id),"
  "  replacement_event_id @INT@ REFERENCES unit_events (id)"
  ");"
  "CREATE INDEX service_cases_unit ON service_cases (unit_id, id);"
  "CREATE INDEX service_cases_replacement ON service_cases (replacement_unit_id);"
  "CREATE INDEX service_cases_status ON service_cases (status, id);"
  /* The case's log: dated notes, parts used (a line of the case's document), status changes. */
  "CREATE TABLE service_log ("
  "  id      @ID@,"
  "  case_id @INT@ NOT NULL REFERENCES service_cases (id),"
  "  date    TEXT NOT NULL,"
  "  kind    TEXT NOT NULL CHECK (kind IN ('note', 'part', 'status')),"
  "  text    TEXT,"
  "  line_id @INT@ REFERENCES document_lines (id)"
  ");"
  "CREATE INDEX service_log_case ON service_log (case_id, id);"
  /* The warranty-expiring list: sold units by warranty end. */
  "CREATE INDEX units_warranty ON units (status, warranty_end);";

/* ---------------------------------------------------------------------------------------- */

/* Version 3: stock counts (DESIGN §9). */
static const char migration_v3_counts[] =
  /* A count of one warehouse (optionally some items): open while scanned into, then finished,
   * with the adjustment that wrote its missing units off, if any. */
  "CREATE TABLE counts ("
  "  id            @ID@,"
  "  number        TEXT NOT NULL,"
  "  number_key    TEXT NOT NULL UNIQUE,"
  "  warehouse_id  @INT@ NOT NULL REFERENCES warehouses (id),"
  "  date          TEXT NOT NULL,"
  "  status        TEXT NOT NULL CHECK (status IN ('open', 'finished')),"
  "  n_expected    @INT@ NOT NULL DEFAULT 0,"
  "  finished_date TEXT,"
  "  adjustment_id @INT@ REFERENCES documents (id)"
  ");"
  "CREATE INDEX counts_status ON counts (status, id);"
  /* The items a count is limited to (none: every item). */
  "CREATE TABLE count_items ("
  "  id       @ID@,"
  "  count_id @INT@ NOT NULL REFERENCES counts (id),"
  "  item_id  @INT@ NOT NULL REFERENCES items (id),"
  "  UNIQUE (count_id, item_id)"
  ");"
  /* The expected set: the units in stock at the count's warehouse when it started; missing
   * is set when the count is finished. */
  "CREATE TABLE count_expected ("
  "  id       @ID@,"
  "  count_id @INT@ NOT NULL REFERENCES counts (id),"
  "  unit_id  @INT@ NOT NULL REFERENCES units (id),"
  "  missing  @INT@ NOT NULL DEFAULT 0,"
  "  UNIQUE (count_id, unit_id)"
  ");"
  /* Quantity items: on hand at the start, the number counted (NULL: not yet) and on hand when
   * the count was finished. */
  "CREATE TABLE count_quantities ("
  "  id       @ID@,"
  "  count_id @INT@ NOT NULL REFERENCES counts (id),"
  "  item_id  @INT@ NOT NULL REFERENCES items (id),"
  "  expected @INT@ NOT NULL,"
  "  counted  @INT@,"
  "  on_hand  @INT@,"
  "  UNIQUE (count_id, item_id)"
  ");"
  /* Every scan, classified when it was made (DESIGN §9): the unit it found, and where the
   * unit was (elsewhere, moved) or its status (not_in_stock), or the items (ambiguous). */
  "CREATE TABLE count_scans ("
  "  id           @ID@,"
  "  count_id     @INT@ NOT NULL REFERENCES counts (id),"
  "  serial       TEXT NOT NULL,"
  "  serial_key   TEXT NOT NULL,"
  "  class        TEXT NOT NULL CHECK (class IN ('found', 'again', 'elsewhere', 'not_in_stock',"
  "                                             'unknown', 'ambiguous', 'moved')),"
  "  unit_id      @INT@ REFERENCES units (id),"
  "  status       TEXT,"
  "  warehouse_id @INT@ REFERENCES warehouses (id),"
  "  detail       TEXT,"
  "  scanned_at   TEXT NOT NULL"
  ");"
  "CREATE INDEX count_scans_serial ON count_scans (count_id, serial_key);"
  "CREATE INDEX count_scans_class ON count_scans (count_id, class);"
  /* One first scan of a unit per count, whatever the race between two scanners. */
  "CREATE UNIQUE INDEX count_scans_unit ON count_scans (count_id, unit_id)"
  "  WHERE class <> 'again';"
  "CREATE INDEX count_scans_unit_all ON count_scans (unit_id);";

/* ---------------------------------------------------------------------------------------- */

/* Version 4: everyday editing — archived master data, contact details, drafts (DESIGN §11). */
static const char migration_v4_editing[] =
  /* Archived: hidden from the choosers of new documents, kept wherever history shows it. */
  "ALTER TABLE items ADD COLUMN archived @INT@ NOT NULL DEFAULT 0;"
  "ALTER TABLE warehouses ADD COLUMN archived @INT@ NOT NULL DEFAULT 0;"
  "ALTER TABLE contacts ADD COLUMN archived @INT@ NOT NULL DEFAULT 0;"
  "ALTER TABLE contacts ADD COLUMN email TEXT;"
  "ALTER TABLE contacts ADD COLUMN phone TEXT;";

/* ---------------------------------------------------------------------------------------- */

/* Version 5: search by any part of a serial and by contact (issue 17). */
static const char migration_v5_search[] =
  /* The serial key reversed (by character), so that "ends with" — the last digits read off
   * a box — is a range scan of an index as "starts with" is of units_serial_key. */
  "ALTER TABLE units ADD COLUMN serial_rkey TEXT NOT NULL DEFAULT '';"
  "UPDATE units SET serial_rkey = reverse (serial_key);"
  "CREATE INDEX units_serial_rkey ON units (serial_rkey);"
  /* A customer's or vendor's units: their documents. */
  "CREATE INDEX documents_contact ON documents (contact_id, id);";

/* ---------------------------------------------------------------------------------------- */

/* Version 6: drafts (DESIGN §11), kept as entered and apart from the documents: nothing that
 * reads documents, units, stock or the ledger sees one.  Names (SKU, contact, warehouses) are
 * kept as text, as typed: a draft may name what does not exist (yet). */
static const char migration_v6_drafts[] =
  "CREATE TABLE drafts ("
  "  id           @ID@,"
  "  number       TEXT NOT NULL,"
  "  number_key   TEXT NOT NULL UNIQUE,"
  "  kind         TEXT NOT NULL,"
  "  doc_number   TEXT,"
  "  date         TEXT,"
  "  contact      TEXT,"
  "  warehouse    TEXT,"
  "  to_warehouse TEXT,"
  "  in_transit   @INT@ NOT NULL DEFAULT 0,"
  "  reference    TEXT,"
  "  reason       TEXT,"
  "  saved        TEXT NOT NULL"
  ");"
  "CREATE INDEX drafts_kind ON drafts (kind, saved);"
  /* serials: NULL for a line that picks the oldest units when posted, else n_serials serials
   * joined by line breaks. */
  "CREATE TABLE draft_lines ("
  "  id        @ID@,"
  "  draft_id  @INT@ NOT NULL REFERENCES drafts (id),"
  "  line_no   @INT@ NOT NULL,"
  "  sku       TEXT,"
  "  quantity  @INT@ NOT NULL,"
  "  rate      @INT@,"
  "  n_serials @INT@ NOT NULL DEFAULT 0,"
  "  serials   TEXT,"
  "  UNIQUE (draft_id, line_no)"
  ");";

/* ---------------------------------------------------------------------------------------- */

/* Version 7: the Service view's order stored (issue 13, item 7).  The view lists the cases
 * still in our hands (open, in repair, ready) first, then newest first; as an expression over
 * two tables (the case's status, its document's date) that order made a jump into the middle
 * of 50,000 cases sort them all.  sort_key is '1' (in our hands) or '0' (closed, cancelled)
 * followed by the case's date, kept by the core wherever a case's status changes and checked
 * by `check`; the view pages over it descending, id breaking ties.  The second index serves
 * the view filtered by status (and replaces the one on (status, id)). */
static const char migration_v7_service_order[] =
  "ALTER TABLE service_cases ADD COLUMN sort_key TEXT NOT NULL DEFAULT '';"
  "UPDATE service_cases SET sort_key ="
  "  (CASE WHEN status IN ('open', 'in_repair', 'ready') THEN '1' ELSE '0' END)"
  "  || (SELECT d.date FROM documents d WHERE d.id = service_cases.document_id);"
  "CREATE INDEX service_cases_order ON service_cases (sort_key, id);"
  "DROP INDEX service_cases_status;"
  "CREATE INDEX service_cases_status ON service_cases (status, sort_key, id);";

/* ---------------------------------------------------------------------------------------- */

/* Version 8, PostgreSQL only: the units counted by status, received date and block of 1,024
 * ids, kept by the database itself (statement triggers over the rows each statement changed,
 * whoever writes them: posting, voiding, service, counts, copy).  PostgreSQL keeps no row count,
 * so counting a million units reads a whole index (0.1–0.3 s); from these few thousand rows the
 * Units view counts its list, whole or by status, and finds the key of any row by position
 * without skipping the rows before it (st-store-queries.c: units_sql).  A NULL received date
 * counts as '~', which sorts after every date as PostgreSQL sorts NULL after them.  SQLite
 * needs none of it: it counts and skips index entries in its own process at ~20 ns each. */
static const char migration_v8_unit_blocks_postgres[] =
  "CREATE TABLE unit_blocks ("
  "  status        TEXT NOT NULL,"
  "  received_date TEXT NOT NULL,"
  "  blk           @INT@ NOT NULL,"
  "  n             @INT@ NOT NULL,"
  "  PRIMARY KEY (status, received_date, blk)"
  ");"
  /* Each trigger sees only its own transition tables: one branch each. */
  "CREATE FUNCTION unit_blocks_count () RETURNS trigger LANGUAGE plpgsql AS $$"
  "BEGIN"
  "  IF TG_OP = 'INSERT' THEN"
  "    INSERT INTO unit_blocks AS b (status, received_date, blk, n)"
  "      SELECT status, coalesce (received_date, '~'), id >> 10, count (*) FROM new_units"
  "      GROUP BY 1, 2, 3"
  "      ON CONFLICT (status, received_date, blk) DO UPDATE SET n = b.n + excluded.n;"
  "  ELSIF TG_OP = 'DELETE' THEN"
  "    INSERT INTO unit_blocks AS b (status, received_date, blk, n)"
  "      SELECT status, coalesce (received_date, '~'), id >> 10, -count (*) FROM old_units"
  "      GROUP BY 1, 2, 3"
  "      ON CONFLICT (status, received_date, blk) DO UPDATE SET n = b.n + excluded.n;"
  "  ELSE"
  "    INSERT INTO unit_blocks AS b (status, received_date, blk, n)"
  "      SELECT status, d, blk, sum (k) FROM ("
  "        SELECT status, coalesce (received_date, '~') AS d, id >> 10 AS blk, 1 AS k"
  "          FROM new_units"
  "        UNION ALL"
  "        SELECT status, coalesce (received_date, '~'), id >> 10, -1 FROM old_units) c"
  "      GROUP BY status, d, blk HAVING sum (k) <> 0"
  "      ON CONFLICT (status, received_date, blk) DO UPDATE SET n = b.n + excluded.n;"
  "  END IF;"
  "  RETURN NULL;"
  "END $$;"
  "CREATE TRIGGER units_blocks_insert AFTER INSERT ON units"
  "  REFERENCING NEW TABLE AS new_units FOR EACH STATEMENT EXECUTE FUNCTION unit_blocks_count ();"
  "CREATE TRIGGER units_blocks_update AFTER UPDATE ON units"
  "  REFERENCING OLD TABLE AS old_units NEW TABLE AS new_units"
  "  FOR EACH STATEMENT EXECUTE FUNCTION unit_blocks_count ();"
  "CREATE TRIGGER units_blocks_delete AFTER DELETE ON units"
  "  REFERENCING OLD TABLE AS old_units FOR EACH STATEMENT EXECUTE FUNCTION unit_blocks_count ();"
  "INSERT INTO unit_blocks (status, received_date, blk, n)"
  "  SELECT status, coalesce (received_date, '~'), id >> 10, count (*) FROM units"
  "  GROUP BY 1, 2, 3;";

/* ---------------------------------------------------------------------------------------- */

/* Version 9: the warranty-expiring list read from one index (issue 13, item 7).  The list is
 * the sold units whose warranty ends between two dates, soonest first, with the serial, the
 * item, the sale and its date; through units_warranty (status, warranty_end) each of them cost a
 * lookup of its row in units, scattered over the whole table (a 30-day window of a million-unit
 * inventory holds some 20,000).  This index holds those columns for the sold units with a
 * warranty end only, in the list's order (warranty_end, id), so the list walks one range of it.
 * status stays in it although the WHERE fixes it: SQLite (3.40) counts an index as covering
 * only when it holds every column the query names. */
static const char migration_v9_warranty_sold[] =
  "CREATE INDEX units_warranty_sold"
  "  ON units (status, warranty_end, id, serial, item_id, sold_doc_id, sold_date)"
  "  WHERE status = 'sold' AND warranty_end IS NOT NULL;";

/* ---------------------------------------------------------------------------------------- */

/* Version 10: the Units view of one status read from one index range.  The view lists the
 * units of a status (in stock, in service, …) in the order of their received dates; with only
 * units_received (received_date, id) and units_warranty (status, warranty_end) a page either
 * walked the received dates past every unit of the other statuses or sorted all the units of
 * its status (1.1 M units: 43–152 ms a count or page for those in stock or in service; on
 * PostgreSQL the keyset pages walked sparse rows, 6–60 ms).  units_status_received serves the status, the order and the
 * keyset at once.  It replaces units_warranty: counts by status walk it as well, and the
 * warranty-expiring list has units_warranty_sold (v9). */
static const char migration_v10_units_by_status[] =
  "DROP INDEX units_warranty;"
  "CREATE INDEX units_status_received ON units (status, received_date, id);";

/* ---------------------------------------------------------------------------------------- */

/* migrations[i] takes a database from version i + 1 to i + 2; a new database gets schema_v1
 * and then every migration, so that both paths end in the same schema. */
static const char * const migrations[] = {
  migration_v2_service,
  migration_v3_counts,
  migration_v4_editing,
  migration_v5_search,
  migration_v6_drafts,
  migration_v7_service_order,
  "",
  migration_v9_warranty_sold,
  migration_v10_units_by_status,
};
G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == ST_SCHEMA_VERSION - 1);

/* What PostgreSQL alone adds to a step of migrations[] (by the same index). */
static const char * const postgres_migrations[ST_SCHEMA_VERSION - 1] = {
  [6] = migration_v8_unit_blocks_postgres,
};

/* Step @i of the migrations, for @dialect (not yet made for it). */
static void
append_migration (GString     *sql,
                  int          i,
                  StDbDialect  dialect)
{
  g_string_append (sql, migrations[i]);
  if (dialect == ST_DB_DIALECT_POSTGRES && postgres_migrations[i] != NULL)
    g_string_append (sql, postgres_migrations[i]);
}

static char *
replace_all (const char *text,
             const char *what,
             const char *with)
{
  g_auto(GStrv) parts = g_strsplit (text, what, -1);

  return g_strjoinv (with, parts);
}

static char *
for_dialect (const char  *text,
             StDbDialect  dialect)
{
  gboolean sqlite = dialect == ST_DB_DIALECT_SQLITE;
  g_autofree char *a = replace_all (text, "@ID@", sqlite ? "INTEGER PRIMARY KEY"
                                                  : "BIGINT GENERATED BY DEFAULT AS IDENTITY"
                                                    " PRIMARY KEY");
  g_autofree char *b = replace_all (a, "@INT@", sqlite ? "INTEGER" : "BIGINT");

  g_autofree char *c = replace_all (b, "@NOROWID@", sqlite ? " WITHOUT ROWID" : "");

  /* Text compares and sorts byte by byte on both (SQLite's BINARY): keys are casefolded by
   * the core, and a list sorts the same on every desk whatever the server's locale. */
  return replace_all (c, " TEXT", sqlite ? " TEXT" : " TEXT COLLATE \"C\"");
}

char *
_st_schema_create_sql (StDbDialect dialect)
{
  return _st_schema_create_sql_at (dialect, ST_SCHEMA_VERSION);
}

/* The schema as a database of @version has it: tests make "older builds'" databases with it. */
char *
_st_schema_create_sql_at (StDbDialect dialect,
                          int         version)
{
  g_autoptr(GString) sql = g_string_new (schema_v1);

  g_return_val_if_fail (version >= 1 && version <= ST_SCHEMA_VERSION, NULL);
  for (int i = 0; i < version - 1; i++)
    append_migration (sql, i, dialect);
  return for_dialect (sql->str, dialect);
}

char *
_st_schema_migration_sql (StDbDialect dialect,
                          int         from_version)
{
  g_autoptr(GString) sql = g_string_new (NULL);

  g_return_val_if_fail (from_version >= 1 && from_version < ST_SCHEMA_VERSION, NULL);
  append_migration (sql, from_version - 1, dialect);
  return for_dialect (sql->str, dialect);
}

/* The tables a copy takes over, parents before children, with their columns. */
const char * const *
_st_schema_tables (void)
{
  static const char * const tables[] = {
    "settings", "warehouses", "contacts", "items", "documents", "document_lines", "units",
    "unit_events", "stock_moves", "stock", "service_cases", "service_log", "counts",
    "count_items", "count_expected", "count_quantities", "count_scans", "drafts", "draft_lines",
    NULL,
  };

  return tables;
}
