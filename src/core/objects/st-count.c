/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "st-count"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "st-count-private.h"

static const char * const class_names[ST_N_SCAN_CLASSES] = {
  "found", "again", "elsewhere", "not_in_stock", "unknown", "ambiguous", "moved",
};

const char *
st_scan_class_to_string (StScanClass klass)
{
  g_return_val_if_fail ((guint) klass < ST_N_SCAN_CLASSES, NULL);
  return class_names[klass];
}

gboolean
st_scan_class_from_string (const char   *text,
                            StScanClass *out)
{
  for (guint i = 0; i < ST_N_SCAN_CLASSES; i++)
    if (g_strcmp0 (text, class_names[i]) == 0)
      {
        *out = (StScanClass) i;
        return TRUE;
      }
  return FALSE;
}

const char *
st_scan_class_to_label (StScanClass klass)
{
  switch (klass)
    {
    /* Translators: the class of a scan in a stock count: an expected unit */
    case ST_SCAN_FOUND: return C_("count class", "found");
    /* Translators: the class of a scan in a stock count: scanned before */
    case ST_SCAN_AGAIN: return C_("count class", "again");
    /* Translators: the class of a scan in a stock count: the unit belongs to another
     * warehouse */
    case ST_SCAN_ELSEWHERE: return C_("count class", "elsewhere");
    /* Translators: the class of a scan in a stock count: sold, written off … */
    case ST_SCAN_NOT_IN_STOCK: return C_("count class", "not in stock");
    /* Translators: the class of a scan in a stock count: no unit has the serial */
    case ST_SCAN_UNKNOWN: return C_("count class", "unknown");
    /* Translators: the class of a scan in a stock count: several items have the serial */
    case ST_SCAN_AMBIGUOUS: return C_("count class", "ambiguous");
    /* Translators: the class of a scan in a stock count: the unit moved since the start */
    case ST_SCAN_MOVED: return C_("count class", "moved");
    default: g_return_val_if_reached (NULL);
    }
}

gboolean
st_scan_class_is_unexpected (StScanClass klass)
{
  return klass == ST_SCAN_ELSEWHERE || klass == ST_SCAN_NOT_IN_STOCK
         || klass == ST_SCAN_UNKNOWN || klass == ST_SCAN_AMBIGUOUS;
}

G_DEFINE_FINAL_TYPE (StCount, st_count, G_TYPE_OBJECT)

static void
st_count_finalize (GObject *object)
{
  StCount *self = ST_COUNT (object);

  g_free (self->number);
  g_free (self->warehouse);
  g_free (self->date);
  g_free (self->finished_date);
  g_free (self->adjustment);
  g_strfreev (self->skus);

  G_OBJECT_CLASS (st_count_parent_class)->finalize (object);
}

static void
st_count_class_init (StCountClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = st_count_finalize;
}

static void
st_count_init (StCount *self)
{
}

gint64      st_count_get_id            (StCount *self) { return self->id; }
const char *st_count_get_number        (StCount *self) { return self->number; }
const char *st_count_get_warehouse     (StCount *self) { return self->warehouse; }
const char *st_count_get_date          (StCount *self) { return self->date; }
gboolean    st_count_get_finished      (StCount *self) { return self->finished; }
const char *st_count_get_finished_date (StCount *self) { return self->finished_date; }
const char *st_count_get_adjustment    (StCount *self) { return self->adjustment; }
gint64      st_count_get_n_expected    (StCount *self) { return self->n_expected; }

const char * const *
st_count_get_skus (StCount *self)
{
  static const char * const none[] = { NULL };

  return self->skus != NULL ? (const char * const *) self->skus : none;
}

gint64
st_count_get_n_scans (StCount      *self,
                      StScanClass  klass)
{
  g_return_val_if_fail ((guint) klass < ST_N_SCAN_CLASSES, 0);
  return self->n_scans[klass];
}

gint64
st_count_get_n_unexpected (StCount *self)
{
  gint64 n = 0;

  for (guint i = 0; i < ST_N_SCAN_CLASSES; i++)
    if (st_scan_class_is_unexpected ((StScanClass) i))
      n += self->n_scans[i];
  return n;
}

char *
st_count_describe_tally (StCount *self)
{
  gint64 unexpected = st_count_get_n_unexpected (self);
  g_autofree char *found = g_strdup_printf ("%" G_GINT64_FORMAT, self->n_scans[ST_SCAN_FOUND]);
  g_autofree char *expected = g_strdup_printf ("%" G_GINT64_FORMAT, self->n_expected);
  g_autofree char *n_unexpected = g_strdup_printf ("%" G_GINT64_FORMAT, unexpected);
  /* Translators: the first part of a count's tally, "812 of 830 found" */
  g_autofree char *a = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%1$s of %2$s found",
                                                     "%1$s of %2$s found",
                                                     (gulong) self->n_expected),
                                        found, expected);
  /* Translators: the second part of a count's tally, "3 unexpected" */
  g_autofree char *b = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s unexpected",
                                                     "%s unexpected", (gulong) unexpected),
                                        n_unexpected);

  /* Translators: a count's tally: "812 of 830 found" and "3 unexpected" */
  return g_strdup_printf (C_("count tally", "%s, %s"), a, b);
}
