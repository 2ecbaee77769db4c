/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-store-drafts.h — documents saved as drafts and posted later (DESIGN §11): a receipt of 500
 * scans interrupted by a customer is kept in the database, not lost.  A draft is kept as it was
 * entered, problems and all; it touches no unit, no stock and no ledger until it is posted, and
 * then through the same engine as any document (st_store_post()), every check made again. */
#pragma once

#include "st-store.h"

G_BEGIN_DECLS

typedef struct
{
  gint64   id;
  char    *number;    /* the draft's own number, "DRAFT-00001" (the document gets its own) */
  char    *saved;     /* when it was last saved, ISO 8601 in UTC: "2026-12-05T14:03:07Z" */
  StDraft *draft;     /* the header and lines as entered; a line's sku may be NULL (no item
                       * chosen yet) and its serials anything that was typed or picked */
} StSavedDraft;

void          st_saved_draft_free        (StSavedDraft   *saved);
/* The sum of the lines' quantities, a write-off counted as what it takes away. */
gint64        st_saved_draft_get_quantity (const StSavedDraft *saved);
/* How many serials its lines hold. */
guint         st_saved_draft_get_n_serials (const StSavedDraft *saved);

/* Saves @draft: as a new draft when @number is NULL (it gets the next draft number), else in
 * place of the draft @number (ST_ERROR_NOT_FOUND when there is none, ST_ERROR_INVALID_INPUT
 * when it is of another kind).  Nothing is checked but that the text is UTF-8: a draft keeps
 * what was entered, even what posting would refuse.  One transaction; emits "changed". */
StSavedDraft *st_store_save_draft        (StStore        *self,
                                          const char     *number,
                                          const StDraft  *draft,
                                          GError        **error);
/* The draft @number (compared as document numbers are), or ST_ERROR_NOT_FOUND. */
StSavedDraft *st_store_get_draft         (StStore        *self,
                                          const char     *number,
                                          GError        **error);
/* The drafts of @kind (-1: of every kind), the last saved first (StSavedDraft*). */
GPtrArray    *st_store_list_drafts       (StStore        *self,
                                          int             kind,
                                          GError        **error);
/* Deletes the draft @number; ST_ERROR_NOT_FOUND when there is none.  Emits "changed". */
gboolean      st_store_delete_draft      (StStore        *self,
                                          const char     *number,
                                          GError        **error);
/* Posts the draft @number through the posting engine, all of its checks made again now, and
 * deletes the draft in the same transaction: the draft becomes the posted document, with its
 * real number.  With @draft not NULL, @draft (of the same kind) is posted in the saved one's
 * place — what an editor shows, changed since it was saved.  Refused, nothing is written and
 * the saved draft stays exactly as it was. */
StDocument   *st_store_post_draft        (StStore        *self,
                                          const char     *number,
                                          const StDraft  *draft,
                                          GError        **error);
/* st_store_post_draft() on the store's worker, as st_store_post_async() does. */
void          st_store_post_draft_async  (StStore             *self,
                                          const char          *number,
                                          const StDraft       *draft,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
StDocument   *st_store_post_draft_finish (StStore             *self,
                                          GAsyncResult        *result,
                                          GError             **error);

/* st_store_save_draft() and st_store_delete_draft() on the store's worker
 * (st_store_run_async()): the app saves and deletes drafts off its main thread. */
void          st_store_save_draft_async    (StStore             *self,
                                            const char          *number,
                                            const StDraft       *draft,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
StSavedDraft *st_store_save_draft_finish   (StStore             *self,
                                            GAsyncResult        *result,
                                            GError             **error);
void          st_store_delete_draft_async  (StStore             *self,
                                            const char          *number,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
gboolean      st_store_delete_draft_finish (StStore             *self,
                                            GAsyncResult        *result,
                                            GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StSavedDraft, st_saved_draft_free)

G_END_DECLS
