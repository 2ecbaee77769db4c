/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-store-drafts.c — drafts (DESIGN §11): a document's header and lines kept as entered in
 * the tables drafts / draft_lines (schema v6), apart from the documents, so that nothing that
 * reads documents, units, stock or the ledger ever sees one.  Posting one hands it to the
 * posting engine inside the transaction that deletes it. */
#define G_LOG_DOMAIN "st-drafts"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "st-doc-kind.h"
#include "st-error.h"
#include "st-posting-private.h"
#include "st-store-drafts.h"
#include "st-store-private.h"

#define DRAFT_PREFIX "DRAFT-"
#define DRAFT_COUNTER "next.draft"

void
st_saved_draft_free (StSavedDraft *saved)
{
  if (saved == NULL)
    return;
  g_free (saved->number);
  g_free (saved->saved);
  g_clear_pointer (&saved->draft, st_draft_free);
  g_free (saved);
}

gint64
st_saved_draft_get_quantity (const StSavedDraft *saved)
{
  gint64 quantity = 0;

  g_return_val_if_fail (saved != NULL, 0);
  for (guint i = 0; i < saved->draft->lines->len; i++)
    quantity += ABS (((StDraftLine *) g_ptr_array_index (saved->draft->lines, i))->quantity);
  return quantity;
}

guint
st_saved_draft_get_n_serials (const StSavedDraft *saved)
{
  guint n = 0;

  g_return_val_if_fail (saved != NULL, 0);
  for (guint i = 0; i < saved->draft->lines->len; i++)
    {
      StDraftLine *line = g_ptr_array_index (saved->draft->lines, i);

      n += line->serials != NULL ? line->serials->len : 0;
    }
  return n;
}

/* Saving. */

/* A field must be UTF-8 to be stored (a server refuses anything else); @what names it. */
static gboolean
check_text (const char  *text,
            const char  *what,
            GError     **error)
{
  if (text == NULL || g_utf8_validate (text, -1, NULL))
    return TRUE;
  g_set_error (error, ST_ERROR, ST_ERROR_INVALID_INPUT,
               /* Translators: %s names a field of a draft ("reason", "line 3") */
               _("The draft cannot be saved: its %s is not valid UTF-8 text"), what);
  return FALSE;
}

static gboolean
check_draft (const StDraft  *draft,
             GError        **error)
{
  if ((guint) draft->kind >= ST_N_DOC_KINDS)
    {
      g_set_error (error, ST_ERROR, ST_ERROR_INVALID_INPUT,
                   /* Translators: %s is a document kind such as "Service case" */
                   _("A %s cannot be saved as a draft"), st_doc_kind_to_label (draft->kind));
      return FALSE;
    }
  if (!check_text (draft->number, _("number"), error)
      || !check_text (draft->date, _("date"), error)
      || !check_text (draft->contact, _("contact"), error)
      || !check_text (draft->warehouse, _("warehouse"), error)
      || !check_text (draft->to_warehouse, _("warehouse"), error)
      || !check_text (draft->reference, _("reference"), error)
      || !check_text (draft->reason, _("reason"), error))
    return FALSE;
  for (guint i = 0; i < draft->lines->len; i++)
    {
      StDraftLine *line = g_ptr_array_index (draft->lines, i);
      /* Translators: names a line of a draft in "its line 3 is not valid UTF-8 text" */
      g_autofree char *what = g_strdup_printf (_("line %u"), i + 1);

      if (!check_text (line->sku, what, error))
        return FALSE;
      for (guint j = 0; line->serials != NULL && j < line->serials->len; j++)
        if (!check_text (g_ptr_array_index (line->serials, j), what, error))
          return FALSE;
    }
  return TRUE;
}

/* The id of the draft @number, 0 with ST_ERROR_NOT_FOUND; its kind into @kind. */
static gint64
find_draft (StStore     *self,
            const char  *number,
            StDocKind   *kind,
            GError     **error)
{
  g_autofree char *key = _st_name_key (number != NULL ? number : "");
  g_autoptr(StStmt) stmt = NULL;
  int rc;

  stmt = _st_store_prepare (self, "SELECT id, kind FROM drafts WHERE number_key = ?", error);
  if (stmt == NULL)
    return 0;
  _st_bind_text (stmt, 1, key);
  rc = _st_step (stmt, error);
  if (rc == 0)
    return 0;
  if (rc != ST_STEP_ROW)
    {
      g_set_error (error, ST_ERROR, ST_ERROR_NOT_FOUND,
                   /* Translators: %s is a draft's number, "DRAFT-00001" */
                   _("There is no draft “%s”"), number != NULL ? number : "");
      return 0;
    }
  if (kind != NULL && !st_doc_kind_from_string (st_stmt_column_text (stmt, 1), kind))
    *kind = ST_DOC_BILL;
  return st_stmt_column_int64 (stmt, 0);
}

/* The next draft number, its counter moved on (numbers are never given twice). */
static char *
take_draft_number (StStore  *self,
                   GError  **error)
{
  g_autoptr(StStmt) read = NULL;
  g_autoptr(StStmt) write = NULL;
  gint64 n = 1;
  int rc;

  read = _st_store_prepare (self, "SELECT value FROM settings WHERE key = ?", error);
  if (read == NULL)
    return NULL;
  _st_bind_text (read, 1, DRAFT_COUNTER);
  rc = _st_step (read, error);
  if (rc == 0)
    return NULL;
  if (rc == ST_STEP_ROW)
    n = MAX (1, g_ascii_strtoll (st_stmt_column_text (read, 0), NULL, 10));

  for (;; n++)
    {
      g_autofree char *number = g_strdup_printf (DRAFT_PREFIX "%05" G_GINT64_FORMAT, n);
      g_autoptr(GError) local = NULL;
      g_autofree char *value = NULL;

      if (find_draft (self, number, NULL, &local) != 0)
        continue;
      if (!g_error_matches (local, ST_ERROR, ST_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return NULL;
        }
      write = _st_store_prepare (self, "INSERT INTO settings (key, value) VALUES (?, ?)"
                                 " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                                 error);
      if (write == NULL)
        return NULL;
      value = g_strdup_printf ("%" G_GINT64_FORMAT, n + 1);
      _st_bind_text (write, 1, DRAFT_COUNTER);
      _st_bind_text (write, 2, value);
      if (_st_step (write, error) == 0)
        return NULL;
      return g_steal_pointer (&number);
    }
}

static char *
now_utc (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

static gboolean
write_lines (StStore        *self,
             gint64          draft_id,
             const StDraft  *draft,
             GError        **error)
{
  g_autoptr(StStmt) del = NULL;

  del = _st_store_prepare (self, "DELETE FROM draft_lines WHERE draft_id = ?", error);
  if (del == NULL)
    return FALSE;
  st_stmt_bind_int64 (del, 1, draft_id);
  if (_st_step (del, error) == 0)
    return FALSE;

  for (guint i = 0; i < draft->lines->len; i++)
    {
      StDraftLine *line = g_ptr_array_index (draft->lines, i);
      g_autoptr(StStmt) stmt = NULL;
      g_autofree char *serials = NULL;

      stmt = _st_store_prepare (self,
                                "INSERT INTO draft_lines (draft_id, line_no, sku, quantity, rate,"
                                " n_serials, serials) VALUES (?, ?, ?, ?, ?, ?, ?)", error);
      if (stmt == NULL)
        return FALSE;
      st_stmt_bind_int64 (stmt, 1, draft_id);
      st_stmt_bind_int64 (stmt, 2, i + 1);
      _st_bind_text (stmt, 3, line->sku);
      st_stmt_bind_int64 (stmt, 4, line->quantity);
      if (line->has_rate)
        st_stmt_bind_int64 (stmt, 5, line->rate);
      else
        st_stmt_bind_null (stmt, 5);
      if (line->serials != NULL)
        {
          GString *joined = g_string_new (NULL);

          /* A serial as entered never holds a line break (entry splits there). */
          for (guint j = 0; j < line->serials->len; j++)
            {
              if (j > 0)
                g_string_append_c (joined, '\n');
              g_string_append (joined, g_ptr_array_index (line->serials, j));
            }
          serials = g_string_free (joined, FALSE);
          st_stmt_bind_int64 (stmt, 6, line->serials->len);
          _st_bind_text (stmt, 7, serials);
        }
      else
        {
          st_stmt_bind_int64 (stmt, 6, 0);
          st_stmt_bind_null (stmt, 7);
        }
      if (_st_step (stmt, error) == 0)
        return FALSE;
    }
  return TRUE;
}

static gint64
save_locked (StStore        *self,
             const char     *number,
             const StDraft  *draft,
             GError        **error)
{
  g_autofree char *saved = now_utc ();
  g_autofree char *new_number = NULL;
  g_autoptr(StStmt) stmt = NULL;
  gint64 id = 0;

  if (number != NULL)
    {
      StDocKind kind;

      id = find_draft (self, number, &kind, error);
      if (id == 0)
        return 0;
      if (kind != draft->kind)
        {
          g_set_error (error, ST_ERROR, ST_ERROR_INVALID_INPUT,
                       /* Translators: %1$s a draft's number, %2$s a document kind ("Bill") */
                       _("Draft “%1$s” is not a draft of this kind (%2$s)"), number,
                       st_doc_kind_to_label (draft->kind));
          return 0;
        }
      stmt = _st_store_prepare (self,
                                "UPDATE drafts SET doc_number = ?, date = ?, contact = ?,"
                                " warehouse = ?, to_warehouse = ?, in_transit = ?, reference = ?,"
                                " reason = ?, saved = ? WHERE id = ?", error);
      if (stmt == NULL)
        return 0;
      st_stmt_bind_int64 (stmt, 10, id);
    }
  else
    {
      g_autofree char *key = NULL;

      new_number = take_draft_number (self, error);
      if (new_number == NULL)
        return 0;
      key = _st_name_key (new_number);
      stmt = _st_store_prepare (self,
                                "INSERT INTO drafts (doc_number, date, contact, warehouse,"
                                " to_warehouse, in_transit, reference, reason, saved, number,"
                                " number_key, kind) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                error);
      if (stmt == NULL)
        return 0;
      _st_bind_text (stmt, 10, new_number);
      _st_bind_text (stmt, 11, key);
      _st_bind_text (stmt, 12, st_doc_kind_to_string (draft->kind));
    }
  _st_bind_text (stmt, 1, draft->number);
  _st_bind_text (stmt, 2, draft->date);
  _st_bind_text (stmt, 3, draft->contact);
  _st_bind_text (stmt, 4, draft->warehouse);
  _st_bind_text (stmt, 5, draft->to_warehouse);
  st_stmt_bind_int64 (stmt, 6, draft->in_transit ? 1 : 0);
  _st_bind_text (stmt, 7, draft->reference);
  _st_bind_text (stmt, 8, draft->reason);
  _st_bind_text (stmt, 9, saved);
  if (_st_step (stmt, error) == 0)
    return 0;
  if (number == NULL)
    {
      id = st_db_last_insert_id (_st_store_get_db (self), error);
      if (id == 0)
        return 0;
    }
  if (!write_lines (self, id, draft, error))
    return 0;
  return id;
}

static StSavedDraft *load_draft (StStore *self, gint64 id, GError **error);

StSavedDraft *
st_store_save_draft (StStore        *self,
                     const char     *number,
                     const StDraft  *draft,
                     GError        **error)
{
  g_return_val_if_fail (ST_IS_STORE (self), NULL);
  g_return_val_if_fail (draft != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_draft (draft, error))
    return NULL;

  for (guint attempt = 0; ; attempt++)
    {
      GError *local = NULL;
      gint64 id = 0;

      if (_st_store_begin (self, &local))
        {
          id = save_locked (self, number, draft, &local);
          if (id == 0 || !_st_store_commit (self, &local))
            {
              _st_store_rollback (self);
              id = 0;
            }
        }
      if (id != 0)
        {
          _st_store_emit_changed (self);
          return load_draft (self, id, error);
        }
      if (!_st_store_retry_write (self, attempt, &local))
        {
          g_propagate_error (error, local);
          return NULL;
        }
    }
}

/* Reading. */

#define DRAFT_COLUMNS \
  "id, number, saved, kind, doc_number, date, contact, warehouse, to_warehouse, in_transit," \
  " reference, reason"

static StSavedDraft *
draft_from_row (StStmt *stmt)
{
  StSavedDraft *saved = g_new0 (StSavedDraft, 1);
  StDocKind kind = ST_DOC_BILL;

  saved->id = st_stmt_column_int64 (stmt, 0);
  saved->number = _st_column_dup (stmt, 1);
  saved->saved = _st_column_dup (stmt, 2);
  st_doc_kind_from_string (st_stmt_column_text (stmt, 3), &kind);
  saved->draft = st_draft_new (kind);
  saved->draft->number = _st_column_dup (stmt, 4);
  saved->draft->date = _st_column_dup (stmt, 5);
  saved->draft->contact = _st_column_dup (stmt, 6);
  saved->draft->warehouse = _st_column_dup (stmt, 7);
  saved->draft->to_warehouse = _st_column_dup (stmt, 8);
  saved->draft->in_transit = st_stmt_column_int64 (stmt, 9) != 0;
  saved->draft->reference = _st_column_dup (stmt, 10);
  saved->draft->reason = _st_column_dup (stmt, 11);
  return saved;
}

static gboolean
load_lines (StStore       *self,
            StSavedDraft  *saved,
            GError       **error)
{
  g_autoptr(StStmt) stmt = NULL;
  int rc;

  stmt = _st_store_prepare (self, "SELECT sku, quantity, rate, n_serials, serials"
                                  " FROM draft_lines WHERE draft_id = ? ORDER BY line_no", error);
  if (stmt == NULL)
    return FALSE;
  st_stmt_bind_int64 (stmt, 1, saved->id);
  while ((rc = _st_step (stmt, error)) == ST_STEP_ROW)
    {
      StDraftLine *line = st_draft_add_line (saved->draft, st_stmt_column_text (stmt, 0),
                                             st_stmt_column_int64 (stmt, 1));

      if (!st_stmt_column_is_null (stmt, 2))
        st_draft_line_set_rate (line, st_stmt_column_int64 (stmt, 2));
      if (!st_stmt_column_is_null (stmt, 4))
        {
          gint64 n = st_stmt_column_int64 (stmt, 3);

          line->serials = g_ptr_array_new_with_free_func (g_free);
          if (n > 0)
            {
              g_auto(GStrv) serials = g_strsplit (st_stmt_column_text (stmt, 4), "\n", -1);

              for (guint i = 0; serials[i] != NULL && i < n; i++)
                g_ptr_array_add (line->serials, g_steal_pointer (&serials[i]));
            }
        }
    }
  return rc == ST_STEP_DONE;
}

static StSavedDraft *
load_draft (StStore  *self,
            gint64    id,
            GError  **error)
{
  g_autoptr(StStmt) stmt = NULL;
  g_autoptr(StSavedDraft) saved = NULL;
  int rc;

  stmt = _st_store_prepare (self, "SELECT " DRAFT_COLUMNS " FROM drafts WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  st_stmt_bind_int64 (stmt, 1, id);
  rc = _st_step (stmt, error);
  if (rc == 0)
    return NULL;
  if (rc != ST_STEP_ROW)
    {
      g_set_error_literal (error, ST_ERROR, ST_ERROR_NOT_FOUND, _("The draft is gone"));
      return NULL;
    }
  saved = draft_from_row (stmt);
  g_clear_pointer (&stmt, st_stmt_release);
  if (!load_lines (self, saved, error))
    return NULL;
  return g_steal_pointer (&saved);
}

StSavedDraft *
st_store_get_draft (StStore     *self,
                    const char  *number,
                    GError     **error)
{
  gint64 id = 0;

  g_return_val_if_fail (ST_IS_STORE (self), NULL);

  id = find_draft (self, number, NULL, error);
  return id != 0 ? load_draft (self, id, error) : NULL;
}

GPtrArray *
st_store_list_drafts (StStore  *self,
                      int       kind,
                      GError  **error)
{
  g_autoptr(GPtrArray) drafts = g_ptr_array_new_with_free_func ((GDestroyNotify) st_saved_draft_free);
  g_autoptr(StStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (ST_IS_STORE (self), NULL);

  stmt = _st_store_prepare (self, "SELECT " DRAFT_COLUMNS " FROM drafts"
                                  " WHERE ? IS NULL OR kind = ? ORDER BY saved DESC, id DESC",
                            error);
  if (stmt == NULL)
    return NULL;
  if (kind >= 0)
    {
      _st_bind_text (stmt, 1, st_doc_kind_to_string (kind));
      _st_bind_text (stmt, 2, st_doc_kind_to_string (kind));
    }
  else
    {
      _st_bind_text (stmt, 1, NULL);
      _st_bind_text (stmt, 2, NULL);
    }
  while ((rc = _st_step (stmt, error)) == ST_STEP_ROW)
    g_ptr_array_add (drafts, draft_from_row (stmt));
  if (rc == 0)
    return NULL;
  g_clear_pointer (&stmt, st_stmt_release);
  for (guint i = 0; i < drafts->len; i++)
    if (!load_lines (self, g_ptr_array_index (drafts, i), error))
      return NULL;
  return g_steal_pointer (&drafts);
}

/* Deleting and posting. */

static gboolean
delete_locked (StStore  *self,
               gint64    id,
               GError  **error)
{
  g_autoptr(StStmt) lines = NULL;
  g_autoptr(StStmt) draft = NULL;

  lines = _st_store_prepare (self, "DELETE FROM draft_lines WHERE draft_id = ?", error);
  if (lines == NULL)
    return FALSE;
  st_stmt_bind_int64 (lines, 1, id);
  if (_st_step (lines, error) == 0)
    return FALSE;
  draft = _st_store_prepare (self, "DELETE FROM drafts WHERE id = ?", error);
  if (draft == NULL)
    return FALSE;
  st_stmt_bind_int64 (draft, 1, id);
  return _st_step (draft, error) != 0;
}

gboolean
st_store_delete_draft (StStore     *self,
                       const char  *number,
                       GError     **error)
{
  g_return_val_if_fail (ST_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  for (guint attempt = 0; ; attempt++)
    {
      GError *local = NULL;
      gboolean done = FALSE;
      gint64 id;

      if (_st_store_begin (self, &local))
        {
          id = find_draft (self, number, NULL, &local);
          done = id != 0 && delete_locked (self, id, &local) && _st_store_commit (self, &local);
          if (!done)
            _st_store_rollback (self);
        }
      if (done)
        {
          _st_store_emit_changed (self);
          return TRUE;
        }
      if (!_st_store_retry_write (self, attempt, &local))
        {
          g_propagate_error (error, local);
          return FALSE;
        }
    }
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  while (g_ascii_isspace (*text))
    text++;
  return *text == '\0';
}

/* What posting cannot be handed: a field the kind needs left out, a line without an item. */
static gboolean
check_postable (const StDraft  *draft,
                GError        **error)
{
  const StDocKindInfo *info = st_doc_kind_info (draft->kind);
  const char *missing = NULL;

  if (info->has_contact && is_blank (draft->contact))
    missing = info->contact_kind == ST_CONTACT_VENDOR ? _("vendor") : _("customer");
  else if (info->numbering == ST_DOC_NUMBER_VENDOR && is_blank (draft->number))
    missing = _("bill number");
  else if (info->has_reference && is_blank (draft->reference))
    missing = info->reference_kind == ST_DOC_INVOICE ? _("invoice") : _("bill");
  else if (info->has_warehouse && is_blank (draft->warehouse))
    missing = _("warehouse");
  else if (info->has_to_warehouse && is_blank (draft->to_warehouse))
    missing = _("destination warehouse");
  else if (info->has_reason && is_blank (draft->reason))
    missing = _("reason");
  if (missing != NULL)
    {
      g_set_error (error, ST_ERROR, ST_ERROR_INVALID_INPUT,
                   /* Translators: %s is what a draft lacks: "vendor", "warehouse", "reason" … */
                   _("The draft has no %s yet: add it before posting"), missing);
      return FALSE;
    }

  for (guint i = 0; i < draft->lines->len; i++)
    {
      StDraftLine *line = g_ptr_array_index (draft->lines, i);

      if (line->sku == NULL || line->sku[0] == '\0')
        {
          g_set_error (error, ST_ERROR, ST_ERROR_INVALID_INPUT,
                       /* Translators: %u is a line number */
                       _("Line %u has no item: choose one before posting"), i + 1);
          return FALSE;
        }
    }
  return TRUE;
}

static gint64
post_draft_once (StStore        *self,
                 const char     *number,
                 const StDraft  *draft,
                 GError        **error)
{
  g_autoptr(StSavedDraft) saved = NULL;
  StDocKind kind;
  gint64 id, doc_id;

  id = find_draft (self, number, &kind, error);
  if (id == 0)
    return 0;
  if (draft == NULL)
    {
      saved = load_draft (self, id, error);
      if (saved == NULL)
        return 0;
      draft = saved->draft;
    }
  else if (draft->kind != kind)
    {
      g_set_error (error, ST_ERROR, ST_ERROR_INVALID_INPUT,
                   _("Draft “%1$s” is not a draft of this kind (%2$s)"), number,
                   st_doc_kind_to_label (draft->kind));
      return 0;
    }
  if (!check_postable (draft, error))
    return 0;
  doc_id = _st_store_post_in_transaction (self, draft, error);
  if (doc_id == 0 || !delete_locked (self, id, error))
    return 0;
  return doc_id;
}

StDocument *
st_store_post_draft (StStore        *self,
                     const char     *number,
                     const StDraft  *draft,
                     GError        **error)
{
  g_return_val_if_fail (ST_IS_STORE (self), NULL);
  g_return_val_if_fail (number != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Every try validates everything again: what another desk committed meanwhile decides. */
  for (guint attempt = 0; ; attempt++)
    {
      GError *local = NULL;
      gint64 doc_id = 0;

      if (_st_store_begin (self, &local))
        {
          doc_id = post_draft_once (self, number, draft, &local);
          if (doc_id == 0 || !_st_store_commit (self, &local))
            {
              _st_store_rollback (self);
              doc_id = 0;
            }
        }
      if (doc_id != 0)
        {
          _st_store_emit_changed (self);
          return st_store_get_document_by_id (self, doc_id, error);
        }
      if (!_st_store_retry_write (self, attempt, &local))
        {
          g_propagate_error (error, local);
          return NULL;
        }
    }
}

/* On the store's worker */

typedef struct
{
  char    *number;
  StDraft *draft;
} DraftCall;

static void
draft_call_free (DraftCall *call)
{
  g_free (call->number);
  st_draft_free (call->draft);
  g_free (call);
}

static DraftCall *
draft_call_new (const char    *number,
                const StDraft *draft)
{
  DraftCall *call = g_new0 (DraftCall, 1);

  call->number = g_strdup (number);
  call->draft = draft != NULL ? st_draft_copy (draft) : NULL;
  return call;
}

static gpointer
save_on_worker (StStore       *connection,
                gpointer       data,
                GCancellable  *cancellable,
                GError       **error)
{
  DraftCall *call = data;

  return st_store_save_draft (connection, call->number, call->draft, error);
}

void
st_store_save_draft_async (StStore             *self,
                           const char          *number,
                           const StDraft       *draft,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_return_if_fail (ST_IS_STORE (self));
  g_return_if_fail (draft != NULL);

  st_store_run_async (self, save_on_worker, draft_call_new (number, draft),
                      (GDestroyNotify) draft_call_free, (GDestroyNotify) st_saved_draft_free,
                      TRUE, cancellable, callback, user_data);
}

StSavedDraft *
st_store_save_draft_finish (StStore       *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  return st_store_run_finish (self, result, error);
}

static gpointer
delete_on_worker (StStore       *connection,
                  gpointer       data,
                  GCancellable  *cancellable,
                  GError       **error)
{
  DraftCall *call = data;

  return st_store_delete_draft (connection, call->number, error) ? GINT_TO_POINTER (TRUE) : NULL;
}

void
st_store_delete_draft_async (StStore             *self,
                             const char          *number,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_return_if_fail (ST_IS_STORE (self));
  g_return_if_fail (number != NULL);

  st_store_run_async (self, delete_on_worker, draft_call_new (number, NULL),
                      (GDestroyNotify) draft_call_free, NULL, TRUE, cancellable, callback,
                      user_data);
}

gboolean
st_store_delete_draft_finish (StStore       *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  return st_store_run_finish (self, result, error) != NULL;
}
