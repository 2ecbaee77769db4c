/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-app-poster.c — "the app" of the two-process test, without its widgets: a process that
 * uses the database the way the GTK app does, through the same core calls.
 *
 *   - one StStore opened at start and kept for the whole life of the process, like the
 *     window's (st_application_open_database()); after every posting the lists are
 *     refreshed on it, as the views do on StStore::changed;
 *   - every posting runs in a GTask thread that opens its own StStore on the same file and
 *     calls st_store_post(), like StDocumentEditor's post_thread(), while the main thread
 *     spins its main loop.
 *
 * It reads one command a line on standard input and answers one line on standard output:
 *   bill NUMBER SKU SERIAL...    a bill from Acme into Main
 *   invoice NUMBER SKU SERIAL... an invoice to Bob from Main
 *   quit
 * Answers: "ok NUMBER", or "refused CODE MESSAGE" (CODE: the ST_ERROR code number). */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <gio/gio.h>

#include "st-error.h"
#include "st-store.h"

static char *db_path;

static void
post_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  StDraft *draft = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(StStore) store = NULL;
  StDocument *document;

  /* The thread's own connection, as in the app. */
  store = st_store_open (db_path, ST_STORE_OPEN_DEFAULT, &error);
  if (store == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  document = st_store_post (store, draft, &error);
  if (document == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, document, g_object_unref);
}

static void
post_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/* The views' refresh after StStore::changed: counts and pages from the main connection. */
static void
refresh_views (StStore *store)
{
  g_autoptr(StListModel) documents = st_store_list_documents (store, ST_DOC_INVOICE);
  g_autoptr(StListModel) items = st_store_list_items (store);
  g_autoptr(GPtrArray) stock = NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (documents));

  for (guint i = 0; i < MIN (n, 50u); i++)
    g_object_unref (g_list_model_get_item (G_LIST_MODEL (documents), i));
  (void) g_list_model_get_n_items (G_LIST_MODEL (items));
  stock = st_store_get_stock (store, 0, NULL);
}

static char *
post (StStore  *store,
      char    **words)
{
  g_autoptr(StDraft) draft = NULL;
  g_autoptr(GTask) task = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(StDocument) document = NULL;
  StDraftLine *line;
  guint n_serials = g_strv_length (words) - 3;

  if (strcmp (words[0], "bill") == 0)
    {
      draft = st_draft_new (ST_DOC_BILL);
      st_draft_set_string (&draft->contact, "Acme");
    }
  else
    {
      draft = st_draft_new (ST_DOC_INVOICE);
      st_draft_set_string (&draft->contact, "Bob");
    }
  st_draft_set_string (&draft->number, words[1]);
  st_draft_set_string (&draft->warehouse, "Main");
  line = st_draft_add_line (draft, words[2], n_serials);
  for (guint i = 0; i < n_serials; i++)
    st_draft_line_add_serial (line, words[3 + i]);

  task = g_task_new (NULL, NULL, post_done_cb, &result);
  g_task_set_task_data (task, g_steal_pointer (&draft), (GDestroyNotify) st_draft_free);
  g_task_run_in_thread (task, post_thread);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  document = g_task_propagate_pointer (G_TASK (result), &error);
  if (document == NULL)
    {
      g_autofree char *message = g_strdup (error->message);

      g_strdelimit (message, "\r\n", ' ');
      return g_strdup_printf ("refused %d %s", error->code, message);
    }
  refresh_views (store);
  return g_strdup_printf ("ok %s", st_document_get_number (document));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StStore) store = NULL;
  char buffer[65536];

  if (argc != 2)
    {
      g_printerr ("usage: st-app-poster DATABASE\n");
      return 2;
    }
  db_path = argv[1];
  store = st_store_open (db_path, ST_STORE_OPEN_DEFAULT, &error);
  if (store == NULL)
    {
      g_printerr ("st-app-poster: %s\n", error->message);
      return 1;
    }
  refresh_views (store);
  printf ("ready\n");
  fflush (stdout);

  while (fgets (buffer, sizeof buffer, stdin) != NULL)
    {
      g_auto(GStrv) words = g_strsplit (g_strchomp (buffer), " ", -1);
      g_autofree char *answer = NULL;

      if (g_strv_length (words) == 1 && strcmp (words[0], "quit") == 0)
        break;
      if (g_strv_length (words) < 4
          || (strcmp (words[0], "bill") != 0 && strcmp (words[0], "invoice") != 0))
        answer = g_strdup ("error bad command");
      else
        answer = post (store, words);
      printf ("%s\n", answer);
      fflush (stdout);
    }
  return 0;
}
