/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-generate-documents.c — the generator's documents: bills, invoices, transfers, returns,
 * write-offs and vendor returns, day by day, until the requested units exist.
 *
 * The generator keeps a compact mirror of every unit's state (a few bytes a unit, indexed by
 * the unit's sequence number, which its serial encodes) so that it only ever asks for what
 * the engine will accept.  Where the engine picks (FIFO lines), the generator learns the units
 * from the posted document it gets back. */
#define G_LOG_DOMAIN "st-generate-documents"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "st-error.h"
#include "st-generate-private.h"

enum
{
  MARK_NONE,
  MARK_IN_STOCK,
  MARK_IN_TRANSIT,
  MARK_SOLD,
  MARK_GONE,        /* written off, returned to vendor, or its bill voided */
};

static const char * const writeoff_reasons[] = {
  "Damaged in storage", "Stolen", "Water damage", "Missing at stocktake", "Dead on arrival",
};

static guint
min_u (guint a,
       guint b)
{
  return a < b ? a : b;
}

static const char *
pick_string (StGen     *g,
             GPtrArray *strings)
{
  return g_ptr_array_index (strings, _st_gen_rand (g, 0, strings->len - 1));
}

/* Bill sizes 1–500, most small: mean about 80. */
static guint
bill_size (StGen *g)
{
  double r = g_rand_double (g->rand);

  if (r < 0.25)
    return _st_gen_rand (g, 1, 5);
  if (r < 0.50)
    return _st_gen_rand (g, 6, 20);
  if (r < 0.80)
    return _st_gen_rand (g, 21, 100);
  return _st_gen_rand (g, 101, 500);
}

/* Units on one invoice, 1–20, most small: mean about 4. */
static guint
invoice_size (StGen *g)
{
  double r = g_rand_double (g->rand);

  if (r < 0.40)
    return 1;
  if (r < 0.65)
    return _st_gen_rand (g, 2, 3);
  if (r < 0.90)
    return _st_gen_rand (g, 4, 10);
  return _st_gen_rand (g, 11, 20);
}

static guint
popular_item (StGen *g)
{
  guint n = g->serial_items->len;
  double target = g_rand_double (g->rand) * g->popularity[n - 1];
  guint lo = 0, hi = n - 1;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (g->popularity[mid] < target)
        lo = mid + 1;
      else
        hi = mid;
    }
  return g_array_index (g->serial_items, guint, lo);
}

static gint64
vary (StGen  *g,
      gint64  amount,
      guint   percent)
{
  gint64 spread = amount * percent / 100;

  if (spread == 0)
    return amount;
  return amount - spread + (gint64) (g_rand_double (g->rand) * (double) (2 * spread));
}

/* Serials.  Each encodes the unit's sequence number, so the mirror needs no serial table. */

static char
luhn_check_digit (const char *digits)
{
  gsize len = strlen (digits);
  guint sum = 0;

  for (gsize i = 0; i < len; i++)
    {
      guint d = (guint) (digits[len - 1 - i] - '0');

      if (i % 2 == 0)
        {
          d *= 2;
          if (d > 9)
            d -= 9;
        }
      sum += d;
    }
  return (char) ('0' + (10 - sum % 10) % 10);
}

static void
make_serial (const StGenItem *item,
             guint32          seq,
             char             out[32])
{
  switch (item->format)
    {
    case ST_SERIAL_FORMAT_IMEI:
      /* "35" (a reporting body), then 12 digits, then the Luhn check digit. */
      g_snprintf (out, 32, "35%012u", seq);
      out[14] = luhn_check_digit (out);
      out[15] = '\0';
      break;
    case ST_SERIAL_FORMAT_DIGITS:
      g_snprintf (out, 32, "%03u%09u", item->code, seq);
      break;
    case ST_SERIAL_FORMAT_ANY:
    default:
      g_snprintf (out, 32, "%s%09u", item->prefix, seq);
      break;
    }
}

static guint32
serial_seq (const StGenItem *item,
            const char      *serial)
{
  gsize len = strlen (serial);
  char digits[16] = { 0 };

  if (item->format == ST_SERIAL_FORMAT_IMEI)
    {
      g_assert (len == 15);
      memcpy (digits, serial + 2, 12);
    }
  else
    {
      g_assert (len >= 9);
      memcpy (digits, serial + len - 9, 9);
    }
  return (guint32) g_ascii_strtoull (digits, NULL, 10);
}

/* The mirror. */

static void
stock_presence (StGen *g,
                guint  item,
                guint  wh)
{
  guint slot = item * g->n_wh + wh;
  gboolean has = g->items[item].serial ? g->pools[slot].n > 0 : g->qty[slot] > 0;
  GArray *list = g->wh_items[wh];

  if (has && g->wh_pos[slot] < 0)
    {
      g->wh_pos[slot] = (gint32) list->len;
      g_array_append_val (list, item);
    }
  else if (!has && g->wh_pos[slot] >= 0)
    {
      guint pos = (guint) g->wh_pos[slot];
      guint last = g_array_index (list, guint, list->len - 1);

      g_array_index (list, guint, pos) = last;
      g->wh_pos[last * g->n_wh + wh] = (gint32) pos;
      g_array_set_size (list, list->len - 1);
      g->wh_pos[slot] = -1;
    }
}

static void
pool_insert (StGenPool *pool,
             guint32    seq)
{
  GArray *a = pool->seqs;
  guint lo = 0, hi = a->len;

  if (a->len == 0 || g_array_index (a, guint32, a->len - 1) < seq)
    {
      g_array_append_val (a, seq);
      return;
    }
  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (g_array_index (a, guint32, mid) < seq)
        lo = mid + 1;
      else
        hi = mid;
    }
  /* An entry left behind when the unit went away serves again. */
  if (lo < a->len && g_array_index (a, guint32, lo) == seq)
    return;
  g_array_insert_val (a, lo, seq);
}

static gboolean
in_pool (StGen   *g,
         guint32  seq,
         guint    wh)
{
  return g->mark[seq] == MARK_IN_STOCK && g->unit_wh[seq] == wh;
}

static void
pool_compact (StGen *g,
              guint  item,
              guint  wh)
{
  StGenPool *pool = &g->pools[item * g->n_wh + wh];
  guint32 *s = (guint32 *) pool->seqs->data;
  guint kept = 0;

  if (pool->seqs->len <= 2 * pool->n + 32)
    return;
  for (guint i = 0; i < pool->seqs->len; i++)
    if (in_pool (g, s[i], wh))
      s[kept++] = s[i];
  g_assert (kept == pool->n);
  g_array_set_size (pool->seqs, kept);
}

static void
set_unit (StGen   *g,
          guint    item,
          guint32  seq,
          guint    mark,
          guint    wh)
{
  if (g->mark[seq] == MARK_IN_STOCK)
    {
      guint old = g->unit_wh[seq];

      g->pools[item * g->n_wh + old].n--;
      g->wh_units[old]--;
      g->in_stock--;
      g->mark[seq] = MARK_NONE;
      stock_presence (g, item, old);
    }
  g->mark[seq] = (guint8) mark;
  g->unit_wh[seq] = (guint8) wh;
  if (mark == MARK_IN_STOCK)
    {
      StGenPool *pool = &g->pools[item * g->n_wh + wh];

      pool_insert (pool, seq);
      pool->n++;
      g->wh_units[wh]++;
      g->in_stock++;
      stock_presence (g, item, wh);
    }
}

static void
add_quantity (StGen  *g,
              guint   item,
              guint   wh,
              gint64  delta)
{
  g->qty[item * g->n_wh + wh] += delta;
  g_assert (g->qty[item * g->n_wh + wh] >= 0);
  stock_presence (g, item, wh);
}

static guint
item_index (StGen  *g,
            gint64  id)
{
  gpointer found = g_hash_table_lookup (g->item_by_id, GSIZE_TO_POINTER ((gsize) id));

  g_assert (found != NULL);
  return (guint) GPOINTER_TO_SIZE (found) - 1;
}

/* Brings the mirror up to date with what a posted (or voided, or received) document did to
 * its serial-numbered units. */
static void
apply_document (StGen      *g,
                StDocument *doc,
                guint       mark,
                guint       wh,
                guint32     sold_on)
{
  GPtrArray *lines = st_document_get_lines (doc);

  for (guint i = 0; lines != NULL && i < lines->len; i++)
    {
      StDocumentLine *line = g_ptr_array_index (lines, i);
      guint item = item_index (g, line->item_id);

      if (!g->items[item].serial)
        continue;
      for (guint j = 0; j < line->serials->len; j++)
        {
          guint32 seq = serial_seq (&g->items[item], g_ptr_array_index (line->serials, j));

          set_unit (g, item, seq, mark, wh);
          if (mark == MARK_SOLD)
            g->sold_on[seq] = sold_on;
        }
    }
}

/* Up to @want units of @item in stock at @wh, chosen at random (a person picking specific
 * serials off the shelf).  Returns how many were found. */
static guint
pick_specific (StGen  *g,
               guint   item,
               guint   wh,
               guint   want,
               GArray *out)
{
  StGenPool *pool;
  guint tries = 0;

  pool_compact (g, item, wh);
  pool = &g->pools[item * g->n_wh + wh];
  g_array_set_size (out, 0);
  while (out->len < want && out->len < pool->n && tries++ < want * 8)
    {
      guint32 seq = g_array_index (pool->seqs, guint32, _st_gen_rand (g, 0, pool->seqs->len - 1));
      gboolean taken = FALSE;

      if (!in_pool (g, seq, wh))
        continue;
      for (guint i = 0; i < out->len && !taken; i++)
        taken = g_array_index (out, guint32, i) == seq;
      if (!taken)
        g_array_append_val (out, seq);
    }
  return out->len;
}

static void
add_serials (StGen       *g,
             StDraftLine *line,
             guint        item,
             GArray      *seqs)
{
  for (guint i = 0; i < seqs->len; i++)
    {
      char serial[32];

      make_serial (&g->items[item], g_array_index (seqs, guint32, i), serial);
      st_draft_line_add_serial (line, serial);
    }
}

/* Dates. */

static void
update_date (StGen *g)
{
  GDate d = g->start;
  guint day = (guint) ((guint64) g->next_seq * GEN_DAYS / MAX (g->n_units, 1));

  g->day = MAX (g->day, MIN (day, GEN_DAYS));
  g_date_add_days (&d, g->day);
  g_snprintf (g->date, sizeof g->date, "%04u-%02u-%02u", (guint) g_date_get_year (&d),
              (guint) g_date_get_month (&d), (guint) g_date_get_day (&d));
}

/* Posting. */

static StDocument *
post (StGen    *g,
      StDraft  *draft,
      GError  **error)
{
  StDocument *doc;

  st_draft_set_string (&draft->date, g->date);
  doc = st_store_post (g->store, draft, error);
  if (doc == NULL)
    {
      /* Translators: %s is a date; the error follows. */
      g_prefix_error (error, _("Generating the documents of %s failed: "), g->date);
      return NULL;
    }
  g->stats->n_documents++;
  return doc;
}

static StDocument *
void_document (StGen       *g,
               StDocument  *doc,
               GError     **error)
{
  StDocument *voided = st_store_void (g->store, st_document_get_kind (doc),
                                      st_document_get_number (doc), error);

  if (voided == NULL)
    g_prefix_error (error, _("Generating the documents of %s failed: "), g->date);
  return voided;
}

static gboolean
do_bill (StGen   *g,
         guint    size,
         GError **error)
{
  g_autoptr(StDraft) draft = st_draft_new (ST_DOC_BILL);
  g_autoptr(StDocument) doc = NULL;
  guint first = popular_item (g);
  guint vendor = g->items[first].vendor;
  GArray *siblings = g->vendor_items[vendor];
  guint wh = _st_gen_chance (g, 0.6) ? 0 : _st_gen_rand (g, 0, g->n_wh - 1);
  guint n_lines = 1;
  guint lines[3] = { first, first, first };
  gboolean will_void = _st_gen_chance (g, GEN_VOID_CHANCE);
  gint64 qty_line = 0;
  guint qty_item = 0;
  char number[64];

  if (siblings->len > 1 && size >= 2)
    {
      double r = g_rand_double (g->rand);
      n_lines = r < 0.85 ? 1 : r < 0.97 ? 2 : 3;
      n_lines = MIN (n_lines, size);
      for (guint i = 1; i < n_lines; i++)
        {
          lines[i] = g_array_index (siblings, guint, _st_gen_rand (g, 0, siblings->len - 1));
          for (guint j = 0; j < i; j++)
            if (lines[j] == lines[i])
              n_lines = i;
        }
    }

  g->vendor_bills[vendor]++;
  g_snprintf (number, sizeof number, "%s-%.4s-%05u", (const char *) g_ptr_array_index
              (g->vendor_codes, vendor), g->date, g->vendor_bills[vendor]);
  st_draft_set_string (&draft->number, number);
  st_draft_set_string (&draft->contact, g_ptr_array_index (g->vendors, vendor));
  st_draft_set_string (&draft->warehouse, g_ptr_array_index (g->warehouses, wh));

  for (guint i = 0; i < n_lines; i++)
    {
      StGenItem *item = &g->items[lines[i]];
      guint n = i + 1 == n_lines ? size : _st_gen_rand (g, 1, size - (n_lines - i - 1));
      StDraftLine *line = st_draft_add_line (draft, item->sku, n);

      size -= n;
      st_draft_line_set_rate (line, vary (g, item->cost, 5));
      for (guint j = 0; j < n; j++)
        {
          char serial[32];

          make_serial (item, g->next_seq++, serial);
          st_draft_line_add_serial (line, serial);
        }
      if (i == 0)
        {
          StGenBill *rec = &g->bills[g->n_bills % GEN_BILL_RING];

          g_strlcpy (rec->number, number, sizeof rec->number);
          rec->item = lines[i];
          rec->first = g->next_seq - n;
          rec->n = n;
        }
    }
  if (!will_void && g->quantity_items->len > 0 && _st_gen_chance (g, 0.10))
    {
      StDraftLine *line;

      qty_item = g_array_index (g->quantity_items, guint,
                                _st_gen_rand (g, 0, g->quantity_items->len - 1));
      qty_line = _st_gen_rand (g, 10, 200);
      line = st_draft_add_line (draft, g->items[qty_item].sku, qty_line);
      st_draft_line_set_rate (line, vary (g, g->items[qty_item].cost, 5));
    }

  doc = post (g, draft, error);
  if (doc == NULL)
    return FALSE;
  g->n_bills++;
  apply_document (g, doc, MARK_IN_STOCK, wh, 0);
  if (qty_line > 0)
    add_quantity (g, qty_item, wh, qty_line);
  if (will_void)
    {
      g_autoptr(StDocument) voided = void_document (g, doc, error);

      if (voided == NULL)
        return FALSE;
      apply_document (g, voided, MARK_GONE, 0, 0);
      g->n_bills--;
    }
  return TRUE;
}

/* A quantity-only delivery now and then keeps cables and cases in stock. */
static gboolean
do_quantity_bill (StGen   *g,
                  GError **error)
{
  g_autoptr(StDraft) draft = st_draft_new (ST_DOC_BILL);
  g_autoptr(StDocument) doc = NULL;
  guint item = g_array_index (g->quantity_items, guint,
                              _st_gen_rand (g, 0, g->quantity_items->len - 1));
  guint vendor = g->items[item].vendor;
  guint wh = _st_gen_chance (g, 0.6) ? 0 : _st_gen_rand (g, 0, g->n_wh - 1);
  gint64 n = _st_gen_rand (g, 20, 500);
  char number[64];

  g->vendor_bills[vendor]++;
  g_snprintf (number, sizeof number, "%s-%.4s-%05u", (const char *) g_ptr_array_index
              (g->vendor_codes, vendor), g->date, g->vendor_bills[vendor]);
  st_draft_set_string (&draft->number, number);
  st_draft_set_string (&draft->contact, g_ptr_array_index (g->vendors, vendor));
  st_draft_set_string (&draft->warehouse, g_ptr_array_index (g->warehouses, wh));
  st_draft_line_set_rate (st_draft_add_line (draft, g->items[item].sku, n),
                          vary (g, g->items[item].cost, 5));
  doc = post (g, draft, error);
  if (doc == NULL)
    return FALSE;
  add_quantity (g, item, wh, n);
  return TRUE;
}

/* A warehouse, weighted by the serial units it holds. */
static gboolean
stocked_warehouse (StGen *g,
                   guint *wh)
{
  gint64 r;

  if (g->in_stock <= 0)
    return FALSE;
  r = (gint64) (g_rand_double (g->rand) * (double) g->in_stock);
  for (guint w = 0; w < g->n_wh; w++)
    {
      if (r < g->wh_units[w])
        {
          *wh = w;
          return TRUE;
        }
      r -= g->wh_units[w];
    }
  for (guint w = 0; w < g->n_wh; w++)
    if (g->wh_units[w] > 0)
      {
        *wh = w;
        return TRUE;
      }
  return FALSE;
}

/* A serial item in stock at @wh. */
static gboolean
stocked_serial_item (StGen *g,
                     guint  wh,
                     guint *item)
{
  GArray *list = g->wh_items[wh];

  for (guint tries = 0; tries < 16 && list->len > 0; tries++)
    {
      guint i = g_array_index (list, guint, _st_gen_rand (g, 0, list->len - 1));
      if (g->items[i].serial)
        {
          *item = i;
          return TRUE;
        }
    }
  for (guint k = 0; k < list->len; k++)
    if (g->items[g_array_index (list, guint, k)].serial)
      {
        *item = g_array_index (list, guint, k);
        return TRUE;
      }
  return FALSE;
}

/* Adds a picking line: the engine's FIFO choice, or specific serials. */
static void
add_pick_line (StGen   *g,
               StDraft *draft,
               guint    item,
               guint    wh,
               guint    n,
               double   specific_share,
               GArray  *scratch)
{
  StDraftLine *line = st_draft_add_line (draft, g->items[item].sku, n);

  if (_st_gen_chance (g, specific_share) && pick_specific (g, item, wh, n, scratch) == n)
    add_serials (g, line, item, scratch);
}

static gboolean
do_invoice (StGen   *g,
            GError **error)
{
  g_autoptr(StDraft) draft = st_draft_new (ST_DOC_INVOICE);
  g_autoptr(StDocument) doc = NULL;
  g_autoptr(GArray) scratch = g_array_new (FALSE, FALSE, sizeof (guint32));
  guint wh, first;
  guint total = invoice_size (g);
  double r = g_rand_double (g->rand);
  guint n_lines = r < 0.75 ? 1 : r < 0.95 ? 2 : 3;
  guint used[3];
  guint n_used = 0;
  gboolean will_void = _st_gen_chance (g, GEN_VOID_CHANCE);
  gint64 qty_sold = 0;
  guint qty_item = 0;
  StGenInvoice *rec;

  if (!stocked_warehouse (g, &wh) || !stocked_serial_item (g, wh, &first))
    return TRUE;
  st_draft_set_string (&draft->contact, pick_string (g, g->customers));
  st_draft_set_string (&draft->warehouse, g_ptr_array_index (g->warehouses, wh));

  used[n_used++] = first;
  for (guint i = 1; i < n_lines && total > n_used; i++)
    {
      guint item;
      gboolean dup = FALSE;

      if (!stocked_serial_item (g, wh, &item))
        break;
      for (guint j = 0; j < n_used; j++)
        dup = dup || used[j] == item;
      if (!dup)
        used[n_used++] = item;
    }
  for (guint i = 0; i < n_used; i++)
    {
      guint avail = g->pools[used[i] * g->n_wh + wh].n;
      guint n = i + 1 == n_used ? total : _st_gen_rand (g, 1, total - (n_used - i - 1));

      total -= MIN (n, total);
      n = MIN (n, avail);
      if (n > 0)
        add_pick_line (g, draft, used[i], wh, n, 0.3, scratch);
    }
  if (!will_void && _st_gen_chance (g, 0.15))
    {
      GArray *list = g->wh_items[wh];

      for (guint tries = 0; tries < 4 && qty_sold == 0; tries++)
        {
          guint i = g_array_index (list, guint, _st_gen_rand (g, 0, list->len - 1));
          gint64 have = g->qty[i * g->n_wh + wh];

          if (!g->items[i].serial && have > 0)
            {
              qty_item = i;
              qty_sold = _st_gen_rand (g, 1, 10);
              qty_sold = MIN (have, qty_sold);
              st_draft_add_line (draft, g->items[i].sku, qty_sold);
            }
        }
    }

  doc = post (g, draft, error);
  if (doc == NULL)
    return FALSE;
  rec = &g->invoices[g->n_invoices % GEN_INVOICE_RING];
  rec->id = ++g->n_invoices;
  g_strlcpy (rec->number, st_document_get_number (doc), sizeof rec->number);
  rec->wh = wh;
  rec->item = first;
  rec->n = 0;
  {
    StDocumentLine *line = g_ptr_array_index (st_document_get_lines (doc), 0);

    for (guint j = 0; j < line->serials->len && rec->n < GEN_RECORD_UNITS; j++)
      rec->seqs[rec->n++] = serial_seq (&g->items[first], g_ptr_array_index (line->serials, j));
  }
  apply_document (g, doc, MARK_SOLD, 0, rec->id);
  if (qty_sold > 0)
    add_quantity (g, qty_item, wh, -qty_sold);
  if (will_void)
    {
      g_autoptr(StDocument) voided = void_document (g, doc, error);

      if (voided == NULL)
        return FALSE;
      apply_document (g, voided, MARK_IN_STOCK, wh, 0);
      rec->n = 0;
    }
  return TRUE;
}

static gboolean
do_transfer (StGen   *g,
             guint   *moved,
             GError **error)
{
  g_autoptr(StDraft) draft = st_draft_new (ST_DOC_TRANSFER);
  g_autoptr(StDocument) doc = NULL;
  g_autoptr(GArray) scratch = g_array_new (FALSE, FALSE, sizeof (guint32));
  guint from, to, item, n;
  gboolean will_void;

  *moved = 0;
  if (g->n_wh < 2 || !stocked_warehouse (g, &from) || !stocked_serial_item (g, from, &item))
    return TRUE;
  to = _st_gen_rand (g, 0, g->n_wh - 2);
  if (to >= from)
    to++;
  n = min_u (g->pools[item * g->n_wh + from].n, _st_gen_rand (g, 1, 30));
  draft->in_transit = _st_gen_chance (g, 0.5);
  will_void = !draft->in_transit && _st_gen_chance (g, GEN_VOID_CHANCE * 5);
  st_draft_set_string (&draft->warehouse, g_ptr_array_index (g->warehouses, from));
  st_draft_set_string (&draft->to_warehouse, g_ptr_array_index (g->warehouses, to));
  add_pick_line (g, draft, item, from, n, 0.3, scratch);

  doc = post (g, draft, error);
  if (doc == NULL)
    return FALSE;
  *moved = n;
  if (draft->in_transit)
    {
      StGenPending pending = { 0 };

      g_strlcpy (pending.number, st_document_get_number (doc), sizeof pending.number);
      pending.to_wh = to;
      pending.due_day = g->day + _st_gen_rand (g, 1, 7);
      g_array_append_val (g->pending, pending);
      apply_document (g, doc, MARK_IN_TRANSIT, to, 0);
    }
  else
    apply_document (g, doc, MARK_IN_STOCK, to, 0);
  if (will_void)
    {
      g_autoptr(StDocument) voided = void_document (g, doc, error);

      if (voided == NULL)
        return FALSE;
      apply_document (g, voided, MARK_IN_STOCK, from, 0);
    }
  return TRUE;
}

static gboolean
receive_due (StGen   *g,
             GError **error)
{
  guint done = 0;

  while (done < g->pending->len)
    {
      StGenPending *p = &g_array_index (g->pending, StGenPending, done);
      g_autoptr(StDocument) doc = NULL;

      if (p->due_day > g->day)
        break;
      doc = st_store_receive_transfer (g->store, p->number, g->date, error);
      if (doc == NULL)
        {
          g_prefix_error (error, _("Generating the documents of %s failed: "), g->date);
          return FALSE;
        }
      apply_document (g, doc, MARK_IN_STOCK, p->to_wh, 0);
      done++;
    }
  if (done > 0)
    g_array_remove_range (g->pending, 0, done);
  return TRUE;
}

/* A customer brings back a unit (or two) of a recent invoice. */
static gboolean
do_return (StGen   *g,
           guint   *returned,
           GError **error)
{
  g_autoptr(StDraft) draft = NULL;
  g_autoptr(StDocument) doc = NULL;
  guint recent = MIN (g->n_invoices, GEN_INVOICE_RING);
  StGenInvoice *rec;
  guint32 still[GEN_RECORD_UNITS];
  guint n_still = 0, n, wh;
  StDraftLine *line;

  *returned = 0;
  if (recent == 0)
    return TRUE;
  rec = &g->invoices[(g->n_invoices - 1 - _st_gen_rand (g, 0, recent - 1)) % GEN_INVOICE_RING];
  for (guint i = 0; i < rec->n; i++)
    if (g->mark[rec->seqs[i]] == MARK_SOLD && g->sold_on[rec->seqs[i]] == rec->id)
      still[n_still++] = rec->seqs[i];
  if (n_still == 0)
    return TRUE;
  n = min_u (n_still, _st_gen_chance (g, 0.8) ? 1 : 2);
  wh = _st_gen_chance (g, 0.8) ? rec->wh : 0;

  draft = st_draft_new (ST_DOC_RETURN);
  st_draft_set_string (&draft->reference, rec->number);
  st_draft_set_string (&draft->warehouse, g_ptr_array_index (g->warehouses, wh));
  line = st_draft_add_line (draft, g->items[rec->item].sku, n);
  if (_st_gen_chance (g, 0.5))
    for (guint i = 0; i < n; i++)
      {
        guint j = _st_gen_rand (g, i, n_still - 1);
        guint32 t = still[i];
        char serial[32];

        still[i] = still[j];
        still[j] = t;
        make_serial (&g->items[rec->item], still[i], serial);
        st_draft_line_add_serial (line, serial);
      }
  doc = post (g, draft, error);
  if (doc == NULL)
    return FALSE;
  apply_document (g, doc, MARK_IN_STOCK, wh, 0);
  *returned = n;
  return TRUE;
}

static gboolean
do_writeoff (StGen   *g,
             guint   *written,
             GError **error)
{
  g_autoptr(StDraft) draft = st_draft_new (ST_DOC_ADJUSTMENT);
  g_autoptr(StDocument) doc = NULL;
  g_autoptr(GArray) scratch = g_array_new (FALSE, FALSE, sizeof (guint32));
  guint wh, item, n;
  gboolean will_void = _st_gen_chance (g, GEN_VOID_CHANCE * 20);

  *written = 0;
  if (!stocked_warehouse (g, &wh) || !stocked_serial_item (g, wh, &item))
    return TRUE;
  n = min_u (g->pools[item * g->n_wh + wh].n, _st_gen_rand (g, 1, 3));
  st_draft_set_string (&draft->warehouse, g_ptr_array_index (g->warehouses, wh));
  st_draft_set_string (&draft->reason,
                       writeoff_reasons[_st_gen_rand (g, 0, G_N_ELEMENTS (writeoff_reasons) - 1)]);
  {
    StDraftLine *line = st_draft_add_line (draft, g->items[item].sku, -(gint64) n);

    if (_st_gen_chance (g, 0.7) && pick_specific (g, item, wh, n, scratch) == n)
      add_serials (g, line, item, scratch);
  }
  doc = post (g, draft, error);
  if (doc == NULL)
    return FALSE;
  apply_document (g, doc, MARK_GONE, 0, 0);
  *written = n;
  if (will_void)
    {
      g_autoptr(StDocument) voided = void_document (g, doc, error);

      if (voided == NULL)
        return FALSE;
      apply_document (g, voided, MARK_IN_STOCK, wh, 0);
    }
  return TRUE;
}

/* Units found at a stocktake: new serials through a + adjustment. */
static gboolean
do_found (StGen   *g,
          guint    size,
          GError **error)
{
  g_autoptr(StDraft) draft = st_draft_new (ST_DOC_ADJUSTMENT);
  g_autoptr(StDocument) doc = NULL;
  guint item = popular_item (g);
  guint wh = _st_gen_rand (g, 0, g->n_wh - 1);
  StDraftLine *line;

  st_draft_set_string (&draft->warehouse, g_ptr_array_index (g->warehouses, wh));
  st_draft_set_string (&draft->reason, "Found at stocktake");
  line = st_draft_add_line (draft, g->items[item].sku, size);
  for (guint j = 0; j < size; j++)
    {
      char serial[32];

      make_serial (&g->items[item], g->next_seq++, serial);
      st_draft_line_add_serial (line, serial);
    }
  doc = post (g, draft, error);
  if (doc == NULL)
    return FALSE;
  apply_document (g, doc, MARK_IN_STOCK, wh, 0);
  return TRUE;
}

/* Faulty units of a recent bill go back to the vendor. */
static gboolean
do_vendor_return (StGen   *g,
                  guint   *returned,
                  GError **error)
{
  g_autoptr(StDraft) draft = NULL;
  g_autoptr(StDocument) doc = NULL;
  guint recent = MIN (g->n_bills, GEN_BILL_RING);
  g_autoptr(GArray) still = g_array_new (FALSE, FALSE, sizeof (guint32));
  StGenBill *rec;
  StDraftLine *line;
  guint n;

  *returned = 0;
  if (recent == 0)
    return TRUE;
  rec = &g->bills[(g->n_bills - 1 - _st_gen_rand (g, 0, recent - 1)) % GEN_BILL_RING];
  for (guint i = 0; i < rec->n && still->len < 64; i++)
    if (g->mark[rec->first + i] == MARK_IN_STOCK)
      {
        guint32 seq = rec->first + i;
        g_array_append_val (still, seq);
      }
  if (still->len == 0)
    return TRUE;
  n = min_u (still->len, _st_gen_rand (g, 1, 5));
  draft = st_draft_new (ST_DOC_VENDOR_RETURN);
  st_draft_set_string (&draft->reference, rec->number);
  line = st_draft_add_line (draft, g->items[rec->item].sku, n);
  if (_st_gen_chance (g, 0.6))
    {
      g_array_set_size (still, n);
      add_serials (g, line, rec->item, still);
    }
  doc = post (g, draft, error);
  if (doc == NULL)
    return FALSE;
  apply_document (g, doc, MARK_GONE, 0, 0);
  *returned = n;
  return TRUE;
}

void
_st_gen_report_progress (StGen   *g,
                         gboolean done)
{
  double fraction = g->n_units > 0 ? (double) g->next_seq / (double) g->n_units : 1.0;

  if (g->progress == NULL)
    return;
  if (done)
    fraction = 1.0;
  if (done || fraction - g->last_progress >= 0.001)
    {
      g->last_progress = fraction;
      g->progress (MIN (fraction, 1.0), g->progress_data);
    }
}

/* Runs @move while @credit holds a whole unit, spending the units each run moved; a run that
 * moved none ends it. */
static gboolean
spend_credit (StGen     *g,
              double    *credit,
              gboolean (*move) (StGen *g, guint *n, GError **error),
              GError   **error)
{
  while (*credit >= 1.0)
    {
      guint n;

      if (!move (g, &n, error))
        return FALSE;
      if (n == 0)
        break;
      *credit -= n;
    }
  return TRUE;
}

gboolean
_st_gen_generate_documents (StGen   *g,
                            GError **error)
{
  while (g->next_seq < g->n_units)
    {
      guint remaining = (guint) (g->n_units - g->next_seq);
      guint created_before = g->next_seq;
      gint64 target;

      if (g_cancellable_is_cancelled (g->cancellable))
        {
          g_set_error (error, ST_ERROR, ST_ERROR_CANCELLED, _("Generating was cancelled"));
          return FALSE;
        }
      update_date (g);
      if (!receive_due (g, error))
        return FALSE;

      if (_st_gen_chance (g, 0.01))
        {
          if (!do_found (g, min_u (remaining, _st_gen_rand (g, 1, 5)), error))
            return FALSE;
        }
      else if (!do_bill (g, min_u (remaining, bill_size (g)), error))
        return FALSE;
      if (g->quantity_items->len > 0 && _st_gen_chance (g, 0.03) && !do_quantity_bill (g, error))
        return FALSE;

      /* Movements in proportion to the units that came in. */
      g->transfer_credit += 0.08 * (g->next_seq - created_before);
      g->return_credit += 0.03 * (g->next_seq - created_before);
      g->writeoff_credit += 0.01 * (g->next_seq - created_before);
      g->vendor_return_credit += 0.005 * (g->next_seq - created_before);
      if (!spend_credit (g, &g->transfer_credit, do_transfer, error)
          || !spend_credit (g, &g->writeoff_credit, do_writeoff, error)
          || !spend_credit (g, &g->vendor_return_credit, do_vendor_return, error))
        return FALSE;

      /* Most units are sold: keep about 15 % of them on the shelves. */
      target = (gint64) (0.15 * g->next_seq) + 5;
      while (g->in_stock > target)
        {
          gint64 before = g->in_stock;

          if (!do_invoice (g, error))
            return FALSE;
          if (g->in_stock >= before)
            break;
        }

      if (!spend_credit (g, &g->return_credit, do_return, error))
        return FALSE;
      _st_gen_report_progress (g, FALSE);
    }
  return TRUE;
}
