/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-generate-service.c — synthetic after-sales service cases (issue 13, item 7) on an existing
 * inventory: sold units, picked deterministically from the seed, come back with a complaint and
 * go through the statuses and resolutions of DESIGN §8.  The choice is synthetic; the steps are
 * not: every case is opened, moved on and resolved through st-store-service.h, exactly as a
 * person's cases are, so that `check` covers them. */
#define G_LOG_DOMAIN "st-generate"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>

#include "st-error.h"
#include "st-generate-private.h"
#include "st-parse.h"
#include "st-store-service.h"

/* Synthetic data, like the generator's names: not translated. */
static const char * const complaints[] = {
  "Does not switch on", "Battery drains within hours", "Cracked screen", "No sound",
  "Overheats under load", "Will not charge", "Rattles inside", "Display flickers",
  "Buttons stick", "Keeps restarting", "Motor stalls", "Bluetooth drops out",
};

typedef struct
{
  char  *serial;
  char  *sku;
  GDate  sold;
} Pick;

static void
pick_clear (gpointer data)
{
  Pick *p = data;

  g_free (p->serial);
  g_free (p->sku);
}

static gboolean
parse_date (const char *text,
            GDate      *date)
{
  guint y = 0, m = 0, d = 0;

  g_date_clear (date, 1);
  if (text == NULL || sscanf (text, "%u-%u-%u", &y, &m, &d) != 3 || !g_date_valid_dmy (d, m, y))
    return FALSE;
  g_date_set_dmy (date, d, m, y);
  return TRUE;
}

static void
format_date (const GDate *date,
             char         out[GEN_DATE_LEN])
{
  g_snprintf (out, GEN_DATE_LEN, "%04u-%02u-%02u", g_date_get_year (date),
              g_date_get_month (date), g_date_get_day (date));
}

/* @n of the sold units, chosen with selection sampling (every unit equally likely), in the
 * order of their ids. */
static GArray *
pick_sold_units (StStore  *store,
                 GRand    *rand,
                 guint     n,
                 GError  **error)
{
  g_autoptr(GArray) picks = g_array_new (FALSE, TRUE, sizeof (Pick));
  g_autoptr(StStmt) stmt = NULL;
  g_autoptr(GError) local = NULL;
  gint64 n_sold, seen = 0;

  g_array_set_clear_func (picks, pick_clear);
  stmt = _st_store_prepare (store, "SELECT count(*) FROM units"
                                   " WHERE status = 'sold' AND sold_date IS NOT NULL", error);
  if (stmt == NULL || _st_step (stmt, error) != ST_STEP_ROW)
    return NULL;
  n_sold = st_stmt_column_int64 (stmt, 0);
  g_clear_pointer (&stmt, st_stmt_release);
  if (n_sold < n)
    {
      g_set_error (error, ST_ERROR, ST_ERROR_INVALID_INPUT,
                   /* Translators: %1$u the service cases asked for, %2$u the units sold */
                   g_dngettext (GETTEXT_PACKAGE,
                                "%1$u service cases need as many sold units; the database has "
                                "%2$u",
                                "%1$u service cases need as many sold units; the database has "
                                "%2$u", (gulong) n_sold),
                   n, (guint) n_sold);
      return NULL;
    }
  stmt = _st_store_prepare (store, "SELECT u.serial, i.sku, u.sold_date FROM units u"
                                   " JOIN items i ON i.id = u.item_id"
                                   " WHERE u.status = 'sold' AND u.sold_date IS NOT NULL"
                                   " ORDER BY u.id", error);
  if (stmt == NULL)
    return NULL;
  while (picks->len < n && _st_step (stmt, &local) == ST_STEP_ROW)
    {
      Pick p = { 0 };

      /* Knuth's algorithm S: take this one with chance needed / left. */
      if (g_rand_double (rand) * (double) (n_sold - seen++) >= (double) (n - picks->len))
        continue;
      if (!parse_date (st_stmt_column_text (stmt, 2), &p.sold))
        continue;
      p.serial = g_strdup (st_stmt_column_text (stmt, 0));
      p.sku = g_strdup (st_stmt_column_text (stmt, 1));
      g_array_append_val (picks, p);
    }
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  return g_steal_pointer (&picks);
}

/* A date from @from to @to, both included. */
static void
rand_date (GRand       *rand,
           const GDate *from,
           const GDate *to,
           GDate       *out)
{
  gint days = g_date_days_between (from, to);

  *out = *from;
  if (days > 0)
    g_date_add_days (out, (guint) g_rand_int_range (rand, 0, days + 1));
}

typedef enum
{
  FATE_OPEN,
  FATE_IN_REPAIR,
  FATE_READY,
  FATE_REPAIRED,
  FATE_UNREPAIRED,
  FATE_CANCELLED,
  FATE_REPLACED,
  FATE_REFUNDED,
} Fate;

/* The mix, in per cent: most cases are done and repaired, a fifth still with us. */
static Fate
pick_fate (GRand *rand)
{
  static const struct { Fate fate; guint share; } mix[] = {
    { FATE_OPEN, 8 }, { FATE_IN_REPAIR, 7 }, { FATE_READY, 5 }, { FATE_REPAIRED, 50 },
    { FATE_UNREPAIRED, 12 }, { FATE_CANCELLED, 6 }, { FATE_REPLACED, 8 }, { FATE_REFUNDED, 4 },
  };
  guint r = (guint) g_rand_int_range (rand, 0, 100);

  for (guint i = 0; i < G_N_ELEMENTS (mix); i++)
    {
      if (r < mix[i].share)
        return mix[i].fate;
      r -= mix[i].share;
    }
  return FATE_REPAIRED;
}

static gboolean
make_case (StStore     *store,
           GRand       *rand,
           const Pick  *pick,
           const GDate *today,
           GError     **error)
{
  g_autoptr(StServiceCase) sc = NULL;
  g_autoptr(StServiceCase) step = NULL;
  StServiceIntake intake = { 0 };
  Fate fate = pick_fate (rand);
  GDate opened, later;
  char opened_text[GEN_DATE_LEN], later_text[GEN_DATE_LEN];
  const char *number;

  rand_date (rand, &pick->sold, today, &opened);
  /* Cases still with us came in lately. */
  if (fate <= FATE_READY && g_date_days_between (&opened, today) > 30)
    {
      GDate recent = *today;

      g_date_subtract_days (&recent, 30);
      rand_date (rand, &recent, today, &opened);
    }
  rand_date (rand, &opened, today, &later);
  format_date (&opened, opened_text);
  format_date (&later, later_text);

  intake.serial = pick->serial;
  intake.sku = pick->sku;
  intake.complaint = complaints[g_rand_int_range (rand, 0, G_N_ELEMENTS (complaints))];
  intake.date = opened_text;
  if ((sc = st_store_service_open (store, &intake, error)) == NULL)
    return FALSE;
  number = st_service_case_get_number (sc);

  switch (fate)
    {
    case FATE_OPEN:
      return TRUE;
    case FATE_IN_REPAIR:
      step = st_store_service_set_status (store, number, ST_SERVICE_IN_REPAIR, later_text, error);
      break;
    case FATE_READY:
      step = st_store_service_set_status (store, number, ST_SERVICE_READY, later_text, error);
      break;
    case FATE_REPAIRED:
    case FATE_UNREPAIRED:
      step = st_store_service_close (store, number,
                                     fate == FATE_REPAIRED ? ST_RESOLUTION_REPAIRED
                                                           : ST_RESOLUTION_UNREPAIRED,
                                     g_rand_boolean (rand) ? 0 : g_rand_int_range (rand, 10, 120) * 100,
                                     later_text, error);
      break;
    case FATE_CANCELLED:
      step = st_store_service_cancel (store, number, later_text, error);
      break;
    case FATE_REPLACED:
      {
        /* The replacement comes from today's stock, so it is handed over today.  No unit of
         * that item in stock at the desk: repaired after all (the refusal wrote nothing). */
        StServiceReplacement r = { .restart_warranty = g_rand_int_range (rand, 0, 4) == 0 };
        char today_text[GEN_DATE_LEN];
        g_autoptr(GError) local = NULL;

        format_date (today, today_text);
        r.date = today_text;
        step = st_store_service_replace (store, number, &r, &local);
        if (step == NULL && g_error_matches (local, ST_ERROR, ST_ERROR_FAILED))
          {
            g_propagate_error (error, g_steal_pointer (&local));
            return FALSE;
          }
        if (step == NULL)
          step = st_store_service_close (store, number, ST_RESOLUTION_REPAIRED, 0, later_text,
                                         error);
      }
      break;
    case FATE_REFUNDED:
      step = st_store_service_refund (store, number, NULL, later_text, error);
      break;
    default:
      g_assert_not_reached ();
    }
  return step != NULL;
}

gboolean
st_generate_service_cases (StStore         *store,
                           guint            n_cases,
                           guint64          seed,
                           GCancellable    *cancellable,
                           StProgressFunc   progress,
                           gpointer         progress_data,
                           guint           *n_made,
                           GError         **error)
{
  guint32 seed_array[3] = { (guint32) (seed & 0xffffffffu), (guint32) (seed >> 32), 13 };
  g_autoptr(GRand) rand = NULL;
  g_autoptr(GArray) picks = NULL;
  g_autofree char *today_text = st_date_today ();
  GDate today;
  guint made = 0;
  double last = 0;
  gboolean ok = TRUE;

  g_return_val_if_fail (ST_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (n_made != NULL)
    *n_made = 0;
  if (n_cases == 0)
    return TRUE;
  if (!parse_date (today_text, &today))
    g_date_set_dmy (&today, 1, G_DATE_JANUARY, 2026);
  rand = g_rand_new_with_seed_array (seed_array, G_N_ELEMENTS (seed_array));
  if ((picks = pick_sold_units (store, rand, n_cases, error)) == NULL)
    return FALSE;

  _st_store_set_bulk_mode (store, TRUE);
  for (guint i = 0; i < picks->len && ok; i++)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        ok = FALSE;
      else if ((ok = make_case (store, rand, &g_array_index (picks, Pick, i), &today, error)))
        made++;
      if (progress != NULL && ((double) made / picks->len - last >= 0.001 || made == picks->len))
        {
          last = (double) made / picks->len;
          progress (last, progress_data);
        }
    }
  _st_store_set_bulk_mode (store, FALSE);
  if (n_made != NULL)
    *n_made = made;
  if (made > 0)
    _st_store_emit_changed (store);
  return ok;
}
