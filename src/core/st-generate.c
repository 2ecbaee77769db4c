/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-generate.c — deterministic synthetic inventories for demos and benchmarks.  The choice of
 * what to post is synthetic; the posting is not: every document goes through st_store_post(),
 * st_store_void() and st_store_receive_transfer(), exactly as a person's documents do.
 *
 * The generator keeps a compact mirror of every unit's state (a few bytes a unit, indexed by
 * the unit's sequence number, which its serial encodes) so that it only ever asks for what
 * the engine will accept.  Where the engine picks (FIFO lines), the generator learns the units
 * from the posted document it gets back. */
#define G_LOG_DOMAIN "st-generate"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>

#include "st-error.h"
#include "st-generate.h"
#include "st-parse.h"
#include "st-store-private.h"

#define GEN_DAYS          1095        /* about three years, ending today */
#define GEN_MAX_UNITS     100000000   /* serials carry 9 digits of sequence number */
#define GEN_MAX_ITEMS     1000000
#define GEN_DATE_LEN      11
#define GEN_RECORD_UNITS  20
#define GEN_INVOICE_RING  2048
#define GEN_BILL_RING     512
#define GEN_VOID_CHANCE   0.002       /* share of documents voided right after posting */

enum
{
  MARK_NONE,
  MARK_IN_STOCK,
  MARK_IN_TRANSIT,
  MARK_SOLD,
  MARK_GONE,        /* written off, returned to vendor, or its bill voided */
};

typedef struct
{
  const char     *code;
  const char     *noun;
  StSerialFormat  format;
  gint64          price_min;
  gint64          price_max;
  guint           warranty_months;
} Category;

static const Category serial_categories[] = {
  { "PHN", "Phone",          ST_SERIAL_FORMAT_IMEI,   14900, 149900, 24 },
  { "TAB", "Tablet",         ST_SERIAL_FORMAT_IMEI,   19900, 129900, 24 },
  { "LAP", "Laptop",         ST_SERIAL_FORMAT_ANY,    49900, 299900, 12 },
  { "MON", "Monitor",        ST_SERIAL_FORMAT_ANY,    12900,  89900, 36 },
  { "DRL", "Cordless Drill", ST_SERIAL_FORMAT_DIGITS,  5900,  39900, 36 },
  { "SAW", "Circular Saw",   ST_SERIAL_FORMAT_DIGITS,  8900,  49900, 36 },
  { "BIK", "E-Bike",         ST_SERIAL_FORMAT_ANY,   149900, 499900, 24 },
  { "CAM", "Camera",         ST_SERIAL_FORMAT_ANY,    29900, 249900, 12 },
  { "WAT", "Smartwatch",     ST_SERIAL_FORMAT_ANY,     9900,  79900, 12 },
  { "RTR", "Router",         ST_SERIAL_FORMAT_ANY,     3900,  39900,  0 },
  { "PRN", "Printer",        ST_SERIAL_FORMAT_ANY,     7900,  59900, 12 },
  { "HDP", "Headphones",     ST_SERIAL_FORMAT_ANY,     2900,  49900,  6 },
};

static const Category quantity_categories[] = {
  { "CBL", "USB-C Cable",    ST_SERIAL_FORMAT_ANY,      499,   2999, 0 },
  { "CAS", "Phone Case",     ST_SERIAL_FORMAT_ANY,      999,   3999, 0 },
  { "BAT", "Battery Pack",   ST_SERIAL_FORMAT_ANY,     1999,   8999, 0 },
  { "CHG", "Charger",        ST_SERIAL_FORMAT_ANY,      999,   4999, 0 },
  { "BLD", "Saw Blade",      ST_SERIAL_FORMAT_ANY,      799,   3999, 0 },
  { "HLM", "Bike Helmet",    ST_SERIAL_FORMAT_ANY,     2999,  12999, 0 },
};

static const char * const warehouse_names[] = {
  "Shop Floor", "North Depot", "South Depot", "Service Centre", "Outlet Store",
};

static const char * const vendor_first[] = {
  "Northwind", "Contoso", "Fabrikam", "Litware", "Adatum", "Tailspin", "Woodgrove", "Proseware",
  "Lucerne", "Wingtip", "Alpine", "Blue Yonder", "Coho", "Fourth Coffee", "Margie", "Trey",
};
static const char * const vendor_second[] = {
  "Mobile", "Tools", "Electronics", "Supply", "Trading", "Distribution", "Wholesale", "Devices",
  "Components", "Imports", "Outdoor", "Systems",
};
static const char * const vendor_suffix[] = {
  "GmbH", "Ltd", "Inc.", "S.A.", "B.V.", "AB",
};

static const char * const first_names[] = {
  "Erika", "Jean", "Aiko", "Jürgen", "Zoë", "Ólafur", "François", "Łukasz", "Søren", "Maria",
  "Ahmed", "Priya", "Chen", "Fatima", "Lars", "Giulia", "Mateo", "Nadia", "Kwame", "Elif",
  "Hannah", "Pablo", "Yuki", "Amara", "Ivan", "Chloé", "Tomás", "Ingrid", "Ravi", "Sofia",
  "Oskar", "Leila", "Diego", "Mei", "Jonas", "Ana", "Karim", "Nora", "Emil", "Zainab",
};
static const char * const last_names[] = {
  "Mustermann", "Dupont", "Tanaka", "Müller", "Novak", "Jónsson", "Lefèvre", "Kowalski",
  "Sørensen", "García", "Hassan", "Sharma", "Wang", "Okafor", "Lindqvist", "Rossi", "Fernández",
  "Petrova", "Mensah", "Yılmaz", "Schmidt", "Martín", "Sato", "Nwosu", "Ivanov", "Bernard",
  "Silva", "Berg", "Iyer", "Costa", "Nielsen", "Haddad", "López", "Li", "Weber", "Santos",
  "Rahman", "Dahl", "Kaya", "Baker",
};

static const char * const writeoff_reasons[] = {
  "Damaged in storage", "Stolen", "Water damage", "Missing at stocktake", "Dead on arrival",
};

typedef struct
{
  char           *sku;
  gint64          id;
  gboolean        serial;
  StSerialFormat  format;
  guint           vendor;
  gint64          price;
  gint64          cost;
  guint           code;         /* digits format: a 3-digit model code */
  char            prefix[8];    /* any format: the letters before the number */
} GenItem;

/* The units of one item in stock at one warehouse, by sequence number.  Entries of units that
 * have left are dropped lazily (the mirror says where each unit is). */
typedef struct
{
  GArray *seqs;   /* guint32, ascending */
  guint   n;      /* entries really in stock here */
} Pool;

typedef struct
{
  guint32 id;
  char    number[32];
  guint   wh;
  guint   item;
  guint   n;
  guint32 seqs[GEN_RECORD_UNITS];
} InvoiceRec;

typedef struct
{
  char    number[64];
  guint   item;
  guint32 first;
  guint   n;
} BillRec;

typedef struct
{
  char  number[32];
  guint to_wh;
  guint due_day;
} Pending;

typedef struct
{
  StStore         *store;
  GRand           *rand;
  GCancellable    *cancellable;
  StProgressFunc   progress;
  gpointer         progress_data;
  StGenerateStats *stats;
  double           last_progress;

  guint            n_items;
  guint64          n_units;
  GenItem         *items;
  GHashTable      *item_by_id;     /* item id -> index + 1 */
  GArray          *serial_items;   /* guint item index, in popularity order */
  double          *popularity;     /* cumulative weights over serial_items */
  GArray          *quantity_items; /* guint */
  GPtrArray       *warehouses;     /* char* */
  guint            n_wh;
  GPtrArray       *vendors;        /* char* */
  GPtrArray       *vendor_codes;   /* char* */
  guint           *vendor_bills;
  GArray         **vendor_items;   /* per vendor: serial item indexes */
  GPtrArray       *customers;      /* char* */

  /* The mirror, indexed by sequence number. */
  guint8          *mark;
  guint8          *unit_wh;
  guint32         *sold_on;        /* invoice record id */
  guint32          next_seq;

  Pool            *pools;          /* [item * n_wh + wh] */
  gint64          *qty;            /* quantity items: [item * n_wh + wh] */
  GArray         **wh_items;       /* per warehouse: guint items with stock there */
  gint32          *wh_pos;         /* [item * n_wh + wh]: index in wh_items[wh], or -1 */
  gint64          *wh_units;       /* serial units in stock per warehouse */
  gint64           in_stock;

  InvoiceRec      *invoices;
  guint32          n_invoices;
  BillRec         *bills;
  guint            n_bills;
  GArray          *pending;        /* Pending, oldest first */

  GDate            start;
  guint            day;
  char             date[GEN_DATE_LEN];

  double           transfer_credit;
  double           return_credit;
  double           writeoff_credit;
  double           vendor_return_credit;
} Gen;

/* Random helpers. */

static guint
rand_range (Gen   *g,
            guint  lo,
            guint  hi)
{
  return lo >= hi ? lo : (guint) g_rand_int_range (g->rand, (gint32) lo, (gint32) hi + 1);
}

static guint
min_u (guint a,
       guint b)
{
  return a < b ? a : b;
}

static gboolean
chance (Gen    *g,
        double  p)
{
  return g_rand_double (g->rand) < p;
}

static const char *
pick_string (Gen       *g,
             GPtrArray *strings)
{
  return g_ptr_array_index (strings, rand_range (g, 0, strings->len - 1));
}

/* Bill sizes 1–500, most small: mean about 80. */
static guint
bill_size (Gen *g)
{
  double r = g_rand_double (g->rand);

  if (r < 0.25)
    return rand_range (g, 1, 5);
  if (r < 0.50)
    return rand_range (g, 6, 20);
  if (r < 0.80)
    return rand_range (g, 21, 100);
  return rand_range (g, 101, 500);
}

/* Units on one invoice, 1–20, most small: mean about 4. */
static guint
invoice_size (Gen *g)
{
  double r = g_rand_double (g->rand);

  if (r < 0.40)
    return 1;
  if (r < 0.65)
    return rand_range (g, 2, 3);
  if (r < 0.90)
    return rand_range (g, 4, 10);
  return rand_range (g, 11, 20);
}

static guint
popular_item (Gen *g)
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
vary (Gen    *g,
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
make_serial (const GenItem *item,
             guint32        seq,
             char           out[32])
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
serial_seq (const GenItem *item,
            const char    *serial)
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
stock_presence (Gen   *g,
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
pool_insert (Pool    *pool,
             guint32  seq)
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
in_pool (Gen     *g,
         guint32  seq,
         guint    wh)
{
  return g->mark[seq] == MARK_IN_STOCK && g->unit_wh[seq] == wh;
}

static void
pool_compact (Gen   *g,
              guint  item,
              guint  wh)
{
  Pool *pool = &g->pools[item * g->n_wh + wh];
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
set_unit (Gen     *g,
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
      Pool *pool = &g->pools[item * g->n_wh + wh];

      pool_insert (pool, seq);
      pool->n++;
      g->wh_units[wh]++;
      g->in_stock++;
      stock_presence (g, item, wh);
    }
}

static void
add_quantity (Gen    *g,
              guint   item,
              guint   wh,
              gint64  delta)
{
  g->qty[item * g->n_wh + wh] += delta;
  g_assert (g->qty[item * g->n_wh + wh] >= 0);
  stock_presence (g, item, wh);
}

static guint
item_index (Gen    *g,
            gint64  id)
{
  gpointer found = g_hash_table_lookup (g->item_by_id, GSIZE_TO_POINTER ((gsize) id));

  g_assert (found != NULL);
  return (guint) GPOINTER_TO_SIZE (found) - 1;
}

/* Brings the mirror up to date with what a posted (or voided, or received) document did to
 * its serial-numbered units. */
static void
apply_document (Gen        *g,
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
pick_specific (Gen    *g,
               guint   item,
               guint   wh,
               guint   want,
               GArray *out)
{
  Pool *pool;
  guint tries = 0;

  pool_compact (g, item, wh);
  pool = &g->pools[item * g->n_wh + wh];
  g_array_set_size (out, 0);
  while (out->len < want && out->len < pool->n && tries++ < want * 8)
    {
      guint32 seq = g_array_index (pool->seqs, guint32, rand_range (g, 0, pool->seqs->len - 1));
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
add_serials (Gen         *g,
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
update_date (Gen *g)
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
post (Gen      *g,
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
void_document (Gen         *g,
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
do_bill (Gen     *g,
         guint    size,
         GError **error)
{
  g_autoptr(StDraft) draft = st_draft_new (ST_DOC_BILL);
  g_autoptr(StDocument) doc = NULL;
  guint first = popular_item (g);
  guint vendor = g->items[first].vendor;
  GArray *siblings = g->vendor_items[vendor];
  guint wh = chance (g, 0.6) ? 0 : rand_range (g, 0, g->n_wh - 1);
  guint n_lines = 1;
  guint lines[3] = { first, first, first };
  gboolean will_void = chance (g, GEN_VOID_CHANCE);
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
          lines[i] = g_array_index (siblings, guint, rand_range (g, 0, siblings->len - 1));
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
      GenItem *item = &g->items[lines[i]];
      guint n = i + 1 == n_lines ? size : rand_range (g, 1, size - (n_lines - i - 1));
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
          BillRec *rec = &g->bills[g->n_bills % GEN_BILL_RING];

          g_strlcpy (rec->number, number, sizeof rec->number);
          rec->item = lines[i];
          rec->first = g->next_seq - n;
          rec->n = n;
        }
    }
  if (!will_void && g->quantity_items->len > 0 && chance (g, 0.10))
    {
      StDraftLine *line;

      qty_item = g_array_index (g->quantity_items, guint,
                                rand_range (g, 0, g->quantity_items->len - 1));
      qty_line = rand_range (g, 10, 200);
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
do_quantity_bill (Gen     *g,
                  GError **error)
{
  g_autoptr(StDraft) draft = st_draft_new (ST_DOC_BILL);
  g_autoptr(StDocument) doc = NULL;
  guint item = g_array_index (g->quantity_items, guint,
                              rand_range (g, 0, g->quantity_items->len - 1));
  guint vendor = g->items[item].vendor;
  guint wh = chance (g, 0.6) ? 0 : rand_range (g, 0, g->n_wh - 1);
  gint64 n = rand_range (g, 20, 500);
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
stocked_warehouse (Gen   *g,
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
stocked_serial_item (Gen   *g,
                     guint  wh,
                     guint *item)
{
  GArray *list = g->wh_items[wh];

  for (guint tries = 0; tries < 16 && list->len > 0; tries++)
    {
      guint i = g_array_index (list, guint, rand_range (g, 0, list->len - 1));
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
add_pick_line (Gen     *g,
               StDraft *draft,
               guint    item,
               guint    wh,
               guint    n,
               double   specific_share,
               GArray  *scratch)
{
  StDraftLine *line = st_draft_add_line (draft, g->items[item].sku, n);

  if (chance (g, specific_share) && pick_specific (g, item, wh, n, scratch) == n)
    add_serials (g, line, item, scratch);
}

static gboolean
do_invoice (Gen     *g,
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
  gboolean will_void = chance (g, GEN_VOID_CHANCE);
  gint64 qty_sold = 0;
  guint qty_item = 0;
  InvoiceRec *rec;

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
      guint n = i + 1 == n_used ? total : rand_range (g, 1, total - (n_used - i - 1));

      total -= MIN (n, total);
      n = MIN (n, avail);
      if (n > 0)
        add_pick_line (g, draft, used[i], wh, n, 0.3, scratch);
    }
  if (!will_void && chance (g, 0.15))
    {
      GArray *list = g->wh_items[wh];

      for (guint tries = 0; tries < 4 && qty_sold == 0; tries++)
        {
          guint i = g_array_index (list, guint, rand_range (g, 0, list->len - 1));
          gint64 have = g->qty[i * g->n_wh + wh];

          if (!g->items[i].serial && have > 0)
            {
              qty_item = i;
              qty_sold = rand_range (g, 1, 10);
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
do_transfer (Gen     *g,
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
  to = rand_range (g, 0, g->n_wh - 2);
  if (to >= from)
    to++;
  n = min_u (g->pools[item * g->n_wh + from].n, rand_range (g, 1, 30));
  draft->in_transit = chance (g, 0.5);
  will_void = !draft->in_transit && chance (g, GEN_VOID_CHANCE * 5);
  st_draft_set_string (&draft->warehouse, g_ptr_array_index (g->warehouses, from));
  st_draft_set_string (&draft->to_warehouse, g_ptr_array_index (g->warehouses, to));
  add_pick_line (g, draft, item, from, n, 0.3, scratch);

  doc = post (g, draft, error);
  if (doc == NULL)
    return FALSE;
  *moved = n;
  if (draft->in_transit)
    {
      Pending pending = { 0 };

      g_strlcpy (pending.number, st_document_get_number (doc), sizeof pending.number);
      pending.to_wh = to;
      pending.due_day = g->day + rand_range (g, 1, 7);
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
receive_due (Gen     *g,
             GError **error)
{
  guint done = 0;

  while (done < g->pending->len)
    {
      Pending *p = &g_array_index (g->pending, Pending, done);
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
do_return (Gen     *g,
           guint   *returned,
           GError **error)
{
  g_autoptr(StDraft) draft = NULL;
  g_autoptr(StDocument) doc = NULL;
  guint recent = MIN (g->n_invoices, GEN_INVOICE_RING);
  InvoiceRec *rec;
  guint32 still[GEN_RECORD_UNITS];
  guint n_still = 0, n, wh;
  StDraftLine *line;

  *returned = 0;
  if (recent == 0)
    return TRUE;
  rec = &g->invoices[(g->n_invoices - 1 - rand_range (g, 0, recent - 1)) % GEN_INVOICE_RING];
  for (guint i = 0; i < rec->n; i++)
    if (g->mark[rec->seqs[i]] == MARK_SOLD && g->sold_on[rec->seqs[i]] == rec->id)
      still[n_still++] = rec->seqs[i];
  if (n_still == 0)
    return TRUE;
  n = min_u (n_still, chance (g, 0.8) ? 1 : 2);
  wh = chance (g, 0.8) ? rec->wh : 0;

  draft = st_draft_new (ST_DOC_RETURN);
  st_draft_set_string (&draft->reference, rec->number);
  st_draft_set_string (&draft->warehouse, g_ptr_array_index (g->warehouses, wh));
  line = st_draft_add_line (draft, g->items[rec->item].sku, n);
  if (chance (g, 0.5))
    for (guint i = 0; i < n; i++)
      {
        guint j = rand_range (g, i, n_still - 1);
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
do_writeoff (Gen     *g,
             guint   *written,
             GError **error)
{
  g_autoptr(StDraft) draft = st_draft_new (ST_DOC_ADJUSTMENT);
  g_autoptr(StDocument) doc = NULL;
  g_autoptr(GArray) scratch = g_array_new (FALSE, FALSE, sizeof (guint32));
  guint wh, item, n;
  gboolean will_void = chance (g, GEN_VOID_CHANCE * 20);

  *written = 0;
  if (!stocked_warehouse (g, &wh) || !stocked_serial_item (g, wh, &item))
    return TRUE;
  n = min_u (g->pools[item * g->n_wh + wh].n, rand_range (g, 1, 3));
  st_draft_set_string (&draft->warehouse, g_ptr_array_index (g->warehouses, wh));
  st_draft_set_string (&draft->reason,
                       writeoff_reasons[rand_range (g, 0, G_N_ELEMENTS (writeoff_reasons) - 1)]);
  {
    StDraftLine *line = st_draft_add_line (draft, g->items[item].sku, -(gint64) n);

    if (chance (g, 0.7) && pick_specific (g, item, wh, n, scratch) == n)
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
do_found (Gen     *g,
          guint    size,
          GError **error)
{
  g_autoptr(StDraft) draft = st_draft_new (ST_DOC_ADJUSTMENT);
  g_autoptr(StDocument) doc = NULL;
  guint item = popular_item (g);
  guint wh = rand_range (g, 0, g->n_wh - 1);
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
do_vendor_return (Gen     *g,
                  guint   *returned,
                  GError **error)
{
  g_autoptr(StDraft) draft = NULL;
  g_autoptr(StDocument) doc = NULL;
  guint recent = MIN (g->n_bills, GEN_BILL_RING);
  g_autoptr(GArray) still = g_array_new (FALSE, FALSE, sizeof (guint32));
  BillRec *rec;
  StDraftLine *line;
  guint n;

  *returned = 0;
  if (recent == 0)
    return TRUE;
  rec = &g->bills[(g->n_bills - 1 - rand_range (g, 0, recent - 1)) % GEN_BILL_RING];
  for (guint i = 0; i < rec->n && still->len < 64; i++)
    if (g->mark[rec->first + i] == MARK_IN_STOCK)
      {
        guint32 seq = rec->first + i;
        g_array_append_val (still, seq);
      }
  if (still->len == 0)
    return TRUE;
  n = min_u (still->len, rand_range (g, 1, 5));
  draft = st_draft_new (ST_DOC_VENDOR_RETURN);
  st_draft_set_string (&draft->reference, rec->number);
  line = st_draft_add_line (draft, g->items[rec->item].sku, n);
  if (chance (g, 0.6))
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

/* Catalogue. */

static gboolean
add_catalogue (Gen     *g,
               GError **error)
{
  g_autoptr(GPtrArray) existing = st_store_list_warehouses (g->store, error);
  guint n_vendors, n_customers;
  guint n_extra_wh;
  g_autofree guint *order = NULL;

  if (existing == NULL)
    return FALSE;
  if (existing->len == 0)
    {
      g_set_error (error, ST_ERROR, ST_ERROR_FAILED, _("The database has no warehouse"));
      return FALSE;
    }
  g_ptr_array_add (g->warehouses,
                   g_strdup (st_warehouse_get_name (g_ptr_array_index (existing, 0))));
  n_extra_wh = rand_range (g, 2, 5);
  for (guint i = 0; i < n_extra_wh; i++)
    {
      g_autoptr(StWarehouse) w = st_store_add_warehouse (g->store, warehouse_names[i], error);

      if (w == NULL)
        return FALSE;
      g_ptr_array_add (g->warehouses, g_strdup (warehouse_names[i]));
    }
  g->n_wh = g->warehouses->len;

  n_vendors = g->n_items / 10 + 3;
  g->vendor_bills = g_new0 (guint, n_vendors);
  g->vendor_items = g_new0 (GArray *, n_vendors);
  for (guint i = 0; i < n_vendors; i++)
    {
      guint a = i % G_N_ELEMENTS (vendor_first);
      guint b = (i / G_N_ELEMENTS (vendor_first)) % G_N_ELEMENTS (vendor_second);
      guint s = (i + i / 7) % G_N_ELEMENTS (vendor_suffix);
      guint round = i / (G_N_ELEMENTS (vendor_first) * G_N_ELEMENTS (vendor_second));
      g_autofree char *name = round == 0
        ? g_strdup_printf ("%s %s %s", vendor_first[a], vendor_second[b], vendor_suffix[s])
        : g_strdup_printf ("%s %s %s %u", vendor_first[a], vendor_second[b], vendor_suffix[s],
                           round + 1);
      g_autoptr(StContact) c = st_store_add_contact (g->store, ST_CONTACT_VENDOR, name, error);

      if (c == NULL)
        return FALSE;
      g_ptr_array_add (g->vendors, g_steal_pointer (&name));
      g_ptr_array_add (g->vendor_codes, g_strdup_printf ("%c%c%u", vendor_first[a][0],
                                                         vendor_second[b][0], i + 1));
      g->vendor_items[i] = g_array_new (FALSE, FALSE, sizeof (guint));
    }

  n_customers = n_vendors * 3 + (guint) MIN (g->n_units / 100, 1000000) + 10;
  for (guint i = 0; i < n_customers; i++)
    {
      guint f = i % G_N_ELEMENTS (first_names);
      guint l = (i / G_N_ELEMENTS (first_names)) % G_N_ELEMENTS (last_names);
      guint round = i / (G_N_ELEMENTS (first_names) * G_N_ELEMENTS (last_names));
      g_autofree char *name = NULL;
      g_autoptr(StContact) c = NULL;

      if (round == 0)
        name = g_strdup_printf ("%s %s", first_names[f], last_names[l]);
      else if (round <= 26)
        name = g_strdup_printf ("%s %c. %s", first_names[f], 'A' + round - 1, last_names[l]);
      else
        name = g_strdup_printf ("%s %s %u", first_names[f], last_names[l], round);
      c = st_store_add_contact (g->store, ST_CONTACT_CUSTOMER, name, error);
      if (c == NULL)
        return FALSE;
      g_ptr_array_add (g->customers, g_steal_pointer (&name));
    }

  g->items = g_new0 (GenItem, g->n_items);
  g->item_by_id = g_hash_table_new (g_direct_hash, g_direct_equal);
  for (guint i = 0; i < g->n_items; i++)
    {
      GenItem *gi = &g->items[i];
      /* The first item always tracks serials, so that there are units to make. */
      gboolean serial = i == 0 || chance (g, 0.8);
      const Category *cat = serial
        ? &serial_categories[rand_range (g, 0, G_N_ELEMENTS (serial_categories) - 1)]
        : &quantity_categories[rand_range (g, 0, G_N_ELEMENTS (quantity_categories) - 1)];
      g_autofree char *name = g_strdup_printf ("%s %c%u", cat->noun, 'A' + (int) (i % 26),
                                               (i / 26) % 90 + 10);
      StItemSpec spec = { 0 };
      g_autoptr(StItem) item = NULL;

      gi->sku = g_strdup_printf ("%s-%05u", cat->code, i + 1);
      gi->serial = serial;
      gi->format = serial ? cat->format : ST_SERIAL_FORMAT_ANY;
      gi->vendor = rand_range (g, 0, n_vendors - 1);
      gi->price = (rand_range (g, (guint) (cat->price_min / 100), (guint) (cat->price_max / 100))
                   * 100) - 1;
      gi->cost = gi->price * rand_range (g, 55, 80) / 100;
      gi->code = 100 + i % 900;
      g_snprintf (gi->prefix, sizeof gi->prefix, "%c%c%u", 'A' + (int) rand_range (g, 0, 25),
                  'A' + (int) rand_range (g, 0, 25), rand_range (g, 1, 9));

      spec.sku = gi->sku;
      spec.name = name;
      spec.unit = serial ? "pcs" : (chance (g, 0.5) ? "pcs" : "box");
      spec.price = gi->price;
      spec.cost = gi->cost;
      spec.tracking = serial ? ST_TRACKING_SERIAL : ST_TRACKING_NONE;
      spec.warranty_months = cat->warranty_months;
      spec.serial_format = gi->format;
      item = st_store_add_item (g->store, &spec, error);
      if (item == NULL)
        return FALSE;
      gi->id = st_item_get_id (item);
      g_hash_table_insert (g->item_by_id, GSIZE_TO_POINTER ((gsize) gi->id),
                           GSIZE_TO_POINTER ((gsize) i + 1));
      if (serial)
        g_array_append_val (g->vendor_items[gi->vendor], i);
      else
        g_array_append_val (g->quantity_items, i);
    }

  /* Popularity: a random order, weights falling off like 1/rank. */
  order = g_new (guint, g->n_items);
  for (guint i = 0; i < g->n_items; i++)
    order[i] = i;
  for (guint i = g->n_items; i > 1; i--)
    {
      guint j = rand_range (g, 0, i - 1);
      guint t = order[i - 1];
      order[i - 1] = order[j];
      order[j] = t;
    }
  for (guint i = 0; i < g->n_items; i++)
    if (g->items[order[i]].serial)
      g_array_append_val (g->serial_items, order[i]);
  g->popularity = g_new (double, g->serial_items->len);
  for (guint i = 0; i < g->serial_items->len; i++)
    g->popularity[i] = (i > 0 ? g->popularity[i - 1] : 0.0) + 1.0 / (i + 5);

  g->pools = g_new0 (Pool, (gsize) g->n_items * g->n_wh);
  for (gsize i = 0; i < (gsize) g->n_items * g->n_wh; i++)
    g->pools[i].seqs = g_array_new (FALSE, FALSE, sizeof (guint32));
  g->qty = g_new0 (gint64, (gsize) g->n_items * g->n_wh);
  g->wh_pos = g_new (gint32, (gsize) g->n_items * g->n_wh);
  for (gsize i = 0; i < (gsize) g->n_items * g->n_wh; i++)
    g->wh_pos[i] = -1;
  g->wh_items = g_new0 (GArray *, g->n_wh);
  for (guint w = 0; w < g->n_wh; w++)
    g->wh_items[w] = g_array_new (FALSE, FALSE, sizeof (guint));
  g->wh_units = g_new0 (gint64, g->n_wh);
  return TRUE;
}

static void
gen_clear (Gen *g)
{
  if (g->pools != NULL)
    for (gsize i = 0; i < (gsize) g->n_items * g->n_wh; i++)
      g_array_unref (g->pools[i].seqs);
  g_free (g->pools);
  if (g->vendor_items != NULL)
    for (guint i = 0; i < g->vendors->len; i++)
      if (g->vendor_items[i] != NULL)
        g_array_unref (g->vendor_items[i]);
  g_free (g->vendor_items);
  if (g->wh_items != NULL)
    for (guint w = 0; w < g->n_wh; w++)
      g_array_unref (g->wh_items[w]);
  g_free (g->wh_items);
  if (g->items != NULL)
    for (guint i = 0; i < g->n_items; i++)
      g_free (g->items[i].sku);
  g_free (g->items);
  g_clear_pointer (&g->item_by_id, g_hash_table_unref);
  g_clear_pointer (&g->serial_items, g_array_unref);
  g_clear_pointer (&g->quantity_items, g_array_unref);
  g_clear_pointer (&g->warehouses, g_ptr_array_unref);
  g_clear_pointer (&g->vendors, g_ptr_array_unref);
  g_clear_pointer (&g->vendor_codes, g_ptr_array_unref);
  g_clear_pointer (&g->customers, g_ptr_array_unref);
  g_clear_pointer (&g->pending, g_array_unref);
  g_free (g->vendor_bills);
  g_free (g->popularity);
  g_free (g->mark);
  g_free (g->unit_wh);
  g_free (g->sold_on);
  g_free (g->qty);
  g_free (g->wh_pos);
  g_free (g->wh_units);
  g_free (g->invoices);
  g_free (g->bills);
  g_clear_pointer (&g->rand, g_rand_free);
}

static void
report_progress (Gen     *g,
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

static gboolean
generate_documents (Gen     *g,
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

      if (chance (g, 0.01))
        {
          if (!do_found (g, min_u (remaining, rand_range (g, 1, 5)), error))
            return FALSE;
        }
      else if (!do_bill (g, min_u (remaining, bill_size (g)), error))
        return FALSE;
      if (g->quantity_items->len > 0 && chance (g, 0.03) && !do_quantity_bill (g, error))
        return FALSE;

      /* Movements in proportion to the units that came in. */
      g->transfer_credit += 0.08 * (g->next_seq - created_before);
      g->return_credit += 0.03 * (g->next_seq - created_before);
      g->writeoff_credit += 0.01 * (g->next_seq - created_before);
      g->vendor_return_credit += 0.005 * (g->next_seq - created_before);
      while (g->transfer_credit >= 1.0)
        {
          guint moved;

          if (!do_transfer (g, &moved, error))
            return FALSE;
          if (moved == 0)
            break;
          g->transfer_credit -= moved;
        }
      while (g->writeoff_credit >= 1.0)
        {
          guint n;

          if (!do_writeoff (g, &n, error))
            return FALSE;
          if (n == 0)
            break;
          g->writeoff_credit -= n;
        }
      while (g->vendor_return_credit >= 1.0)
        {
          guint n;

          if (!do_vendor_return (g, &n, error))
            return FALSE;
          if (n == 0)
            break;
          g->vendor_return_credit -= n;
        }

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

      while (g->return_credit >= 1.0)
        {
          guint n;

          if (!do_return (g, &n, error))
            return FALSE;
          if (n == 0)
            break;
          g->return_credit -= n;
        }
      report_progress (g, FALSE);
    }
  return TRUE;
}

gboolean
st_generate (StStore          *store,
             guint             n_items,
             guint64           n_units,
             guint64           seed,
             GCancellable     *cancellable,
             StProgressFunc    progress,
             gpointer          progress_data,
             StGenerateStats  *stats,
             GError          **error)
{
  Gen g = { 0 };
  StGenerateStats local = { 0 };
  guint32 seed_array[2] = { (guint32) (seed & 0xffffffffu), (guint32) (seed >> 32) };
  g_autofree char *today = NULL;
  GDate end;
  gboolean ok;

  g_return_val_if_fail (ST_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (n_items == 0 || n_items > GEN_MAX_ITEMS)
    {
      g_set_error (error, ST_ERROR, ST_ERROR_INVALID_INPUT,
                   /* Translators: %u is the largest number allowed */
                   g_dngettext (GETTEXT_PACKAGE, "The number of items must be between 1 and %u",
                                "The number of items must be between 1 and %u", GEN_MAX_ITEMS),
                   GEN_MAX_ITEMS);
      return FALSE;
    }
  if (n_units > GEN_MAX_UNITS)
    {
      g_set_error (error, ST_ERROR, ST_ERROR_INVALID_INPUT,
                   /* Translators: %u is the largest number allowed */
                   g_dngettext (GETTEXT_PACKAGE, "The number of units must be at most %u",
                                "The number of units must be at most %u", GEN_MAX_UNITS),
                   GEN_MAX_UNITS);
      return FALSE;
    }
  if (!st_store_is_empty (store))
    {
      g_set_error (error, ST_ERROR, ST_ERROR_INVALID_INPUT,
                   _("Synthetic data can only be generated into a new, empty database"));
      return FALSE;
    }
  if (st_store_get_tracking (store) != ST_TRACKING_SERIAL)
    {
      g_set_error (error, ST_ERROR, ST_ERROR_PREFERENCE,
                   _("Synthetic data needs serial number tracking (see Preferences)"));
      return FALSE;
    }

  g.store = store;
  g.rand = g_rand_new_with_seed_array (seed_array, G_N_ELEMENTS (seed_array));
  g.cancellable = cancellable;
  g.progress = progress;
  g.progress_data = progress_data;
  g.stats = stats != NULL ? stats : &local;
  memset (g.stats, 0, sizeof *g.stats);
  g.n_items = n_items;
  g.n_units = n_units;
  g.serial_items = g_array_new (FALSE, FALSE, sizeof (guint));
  g.quantity_items = g_array_new (FALSE, FALSE, sizeof (guint));
  g.warehouses = g_ptr_array_new_with_free_func (g_free);
  g.vendors = g_ptr_array_new_with_free_func (g_free);
  g.vendor_codes = g_ptr_array_new_with_free_func (g_free);
  g.customers = g_ptr_array_new_with_free_func (g_free);
  g.pending = g_array_new (FALSE, FALSE, sizeof (Pending));
  g.mark = g_new0 (guint8, n_units + 1);
  g.unit_wh = g_new0 (guint8, n_units + 1);
  g.sold_on = g_new0 (guint32, n_units + 1);
  g.invoices = g_new0 (InvoiceRec, GEN_INVOICE_RING);
  g.bills = g_new0 (BillRec, GEN_BILL_RING);

  /* Three years up to today. */
  today = st_date_today ();
  g_date_clear (&end, 1);
  {
    guint y = 0, m = 0, d = 0;

    if (sscanf (today, "%u-%u-%u", &y, &m, &d) == 3 && g_date_valid_dmy (d, m, y))
      g_date_set_dmy (&end, d, m, y);
    else
      g_date_set_dmy (&end, 1, G_DATE_JANUARY, 2026);
  }
  g.start = end;
  g_date_subtract_days (&g.start, GEN_DAYS);

  /* Hundreds of thousands of small transactions: no fsync, rarer checkpoints. */
  _st_store_set_bulk_mode (store, TRUE);
  ok = add_catalogue (&g, error) && generate_documents (&g, error);
  _st_store_set_bulk_mode (store, FALSE);
  if (ok)
    {
      g.stats->n_items = n_items;
      report_progress (&g, TRUE);
    }
  g.stats->n_units = g.next_seq;
  gen_clear (&g);
  if (ok)
    _st_store_emit_changed (store);
  return ok;
}
