/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "st-draft"

#include "config.h"

#include "st-draft.h"

static void
draft_line_free (StDraftLine *line)
{
  g_free (line->sku);
  g_clear_pointer (&line->serials, g_ptr_array_unref);
  g_free (line);
}

StDraft *
st_draft_new (StDocKind kind)
{
  StDraft *draft = g_new0 (StDraft, 1);

  draft->kind = kind;
  draft->lines = g_ptr_array_new_with_free_func ((GDestroyNotify) draft_line_free);
  return draft;
}

void
st_draft_free (StDraft *draft)
{
  if (draft == NULL)
    return;
  g_free (draft->number);
  g_free (draft->date);
  g_free (draft->contact);
  g_free (draft->warehouse);
  g_free (draft->to_warehouse);
  g_free (draft->reference);
  g_free (draft->reason);
  g_ptr_array_unref (draft->lines);
  g_free (draft);
}

StDraft *
st_draft_copy (const StDraft *draft)
{
  StDraft *copy;

  g_return_val_if_fail (draft != NULL, NULL);

  copy = st_draft_new (draft->kind);
  copy->number = g_strdup (draft->number);
  copy->date = g_strdup (draft->date);
  copy->contact = g_strdup (draft->contact);
  copy->warehouse = g_strdup (draft->warehouse);
  copy->to_warehouse = g_strdup (draft->to_warehouse);
  copy->in_transit = draft->in_transit;
  copy->reference = g_strdup (draft->reference);
  copy->reason = g_strdup (draft->reason);
  for (guint i = 0; i < draft->lines->len; i++)
    {
      const StDraftLine *line = g_ptr_array_index (draft->lines, i);
      StDraftLine *line_copy = st_draft_add_line (copy, line->sku, line->quantity);

      line_copy->has_rate = line->has_rate;
      line_copy->rate = line->rate;
      /* An empty serial list is not the same as none: it does not pick. */
      if (line->serials != NULL)
        {
          line_copy->serials = g_ptr_array_new_full (line->serials->len, g_free);
          for (guint j = 0; j < line->serials->len; j++)
            g_ptr_array_add (line_copy->serials, g_strdup (g_ptr_array_index (line->serials, j)));
        }
    }
  return copy;
}

void
st_draft_set_string (char       **field,
                     const char  *value)
{
  g_return_if_fail (field != NULL);
  if (*field != value)
    {
      g_free (*field);
      *field = g_strdup (value);
    }
}

StDraftLine *
st_draft_add_line (StDraft    *draft,
                   const char *sku,
                   gint64      quantity)
{
  StDraftLine *line;

  g_return_val_if_fail (draft != NULL, NULL);
  line = g_new0 (StDraftLine, 1);
  line->sku = g_strdup (sku);
  line->quantity = quantity;
  g_ptr_array_add (draft->lines, line);
  return line;
}

void
st_draft_line_set_rate (StDraftLine *line,
                        gint64       rate)
{
  g_return_if_fail (line != NULL);
  line->has_rate = TRUE;
  line->rate = rate;
}

void
st_draft_line_add_serial (StDraftLine *line,
                          const char  *serial)
{
  g_return_if_fail (line != NULL);
  if (line->serials == NULL)
    line->serials = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (line->serials, g_strdup (serial));
}
