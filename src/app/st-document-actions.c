/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "st-document-actions"

#include "config.h"

#include <glib/gi18n.h>

#include "st-document-actions.h"
#include "st-error.h"
#include "st-window.h"

typedef struct
{
  GtkWindow            *parent;
  StStore              *store;
  StDocKind             kind;
  char                 *number;
  char                 *contact;   /* a bill's vendor: another vendor may use its number */
  StDocumentActionFunc  callback;
  gpointer              user_data;
} Request;

static void
request_free (Request *request)
{
  g_clear_object (&request->parent);
  g_clear_object (&request->store);
  g_free (request->number);
  g_free (request->contact);
  g_free (request);
}

static Request *
request_new (GtkWindow            *parent,
             StStore              *store,
             StDocument           *document,
             StDocumentActionFunc  callback,
             gpointer              user_data)
{
  Request *request = g_new0 (Request, 1);

  request->parent = parent != NULL ? g_object_ref (parent) : NULL;
  request->store = g_object_ref (store);
  request->kind = st_document_get_kind (document);
  request->number = g_strdup (st_document_get_number (document));
  request->contact = g_strdup (st_document_get_contact (document));
  request->callback = callback;
  request->user_data = user_data;
  return request;
}

static void
show_refusal (GtkWindow    *parent,
              const char   *title,
              const GError *error)
{
  GtkWidget *dialog;

  dialog = gtk_message_dialog_new (parent,
                                   GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_ERROR, GTK_BUTTONS_CLOSE,
                                   "%s", title);
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", error->message);
  g_signal_connect (dialog, "response", G_CALLBACK (gtk_window_destroy), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* A question with Cancel and one action button; @respond runs on the action. */
static void
ask (GtkWindow   *parent,
     const char  *question,
     const char  *explanation,
     const char  *action_label,
     gboolean     destructive,
     GCallback    respond,
     Request     *request)
{
  GtkWidget *dialog;
  GtkWidget *button;

  dialog = gtk_message_dialog_new (parent,
                                   GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE,
                                   "%s", question);
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", explanation);
  gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Cancel"), GTK_RESPONSE_CANCEL);
  button = gtk_dialog_add_button (GTK_DIALOG (dialog), action_label, GTK_RESPONSE_ACCEPT);
  if (destructive)
    gtk_widget_add_css_class (button, "destructive-action");
  /* A destructive answer is never the default: Enter cancels, as Escape does. */
  gtk_dialog_set_default_response (GTK_DIALOG (dialog),
                                   destructive ? GTK_RESPONSE_CANCEL : GTK_RESPONSE_ACCEPT);

  g_object_set_data_full (G_OBJECT (dialog), "st-request", request,
                          (GDestroyNotify) request_free);
  g_signal_connect (dialog, "response", respond, request);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
void_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Request *request = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(StDocument) voided = st_store_void_finish (ST_STORE (source), result, &error);

  if (voided == NULL)
    {
      g_autofree char *title = NULL;

      /* Translators: %s is a document number */
      title = g_strdup_printf (_("%s was not voided"), request->number);
      show_refusal (request->parent, title, error);
    }
  else if (request->callback != NULL)
    request->callback (voided, request->user_data);
  request_free (request);
}

/* The void runs on the store's worker (a database across the network must not freeze the
 * window); the request goes with it. */
static void
void_response_cb (GtkDialog *dialog,
                  int        response,
                  Request   *request)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_object_steal_data (G_OBJECT (dialog), "st-request");
      st_store_void_async (request->store, request->kind, request->number,
                           request->kind == ST_DOC_BILL ? request->contact : NULL, NULL,
                           void_done_cb, request);
    }
  gtk_window_destroy (GTK_WINDOW (dialog));
}

void
st_document_actions_void (GtkWindow            *parent,
                          StStore              *store,
                          StDocument           *document,
                          StDocumentActionFunc  callback,
                          gpointer              user_data)
{
  g_autofree char *question = NULL;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (ST_IS_STORE (store));
  g_return_if_fail (ST_IS_DOCUMENT (document));

  /* Translators: %s is a document number, e.g. INV-00003 */
  question = g_strdup_printf (_("Void %s?"), st_document_get_number (document));
  ask (parent, question,
       _("The document is not deleted: it stays in the list, marked void, and reversing "
         "entries are added to the history of each of its units, which go back to where "
         "they were before it.  This is refused when a unit has moved on since."),
       _("_Void"), TRUE, G_CALLBACK (void_response_cb),
       request_new (parent, store, document, callback, user_data));
}

static void
receive_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Request *request = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(StDocument) received = st_store_receive_transfer_finish (ST_STORE (source), result,
                                                                     &error);

  if (received == NULL)
    {
      g_autofree char *title = NULL;

      /* Translators: %s is a transfer order's number */
      title = g_strdup_printf (_("%s was not received"), request->number);
      show_refusal (request->parent, title, error);
    }
  else if (request->callback != NULL)
    request->callback (received, request->user_data);
  request_free (request);
}

static void
receive_response_cb (GtkDialog *dialog,
                     int        response,
                     Request   *request)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_object_steal_data (G_OBJECT (dialog), "st-request");
      st_store_receive_transfer_async (request->store, request->number, NULL, NULL,
                                       receive_done_cb, request);
    }
  gtk_window_destroy (GTK_WINDOW (dialog));
}

void
st_document_actions_receive (GtkWindow            *parent,
                             StStore              *store,
                             StDocument           *document,
                             StDocumentActionFunc  callback,
                             gpointer              user_data)
{
  g_autofree char *question = NULL;
  g_autofree char *explanation = NULL;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (ST_IS_STORE (store));
  g_return_if_fail (ST_IS_DOCUMENT (document));

  /* Translators: %1$s is a transfer order's number, %2$s a warehouse */
  question = g_strdup_printf (_("Receive %1$s at %2$s?"), st_document_get_number (document),
                              st_document_get_to_warehouse (document));
  /* Translators: %s is a warehouse */
  explanation = g_strdup_printf (_("Its units, now in transit, are put in stock at %s today."),
                                 st_document_get_to_warehouse (document));
  ask (parent, question, explanation, _("_Receive"), FALSE, G_CALLBACK (receive_response_cb),
       request_new (parent, store, document, callback, user_data));
}

/* New documents from the window. */

static const char *
view_name_for_kind (StDocKind kind)
{
  switch (kind)
    {
    case ST_DOC_BILL:          return "bills";
    case ST_DOC_INVOICE:       return "invoices";
    case ST_DOC_TRANSFER:      return "transfers";
    case ST_DOC_ADJUSTMENT:    return "adjustments";
    case ST_DOC_RETURN:        return "returns";
    case ST_DOC_VENDOR_RETURN: return "vendor-returns";
    default:                   return NULL;
    }
}

static void
posted_cb (StDocumentEditor *editor,
           StDocument       *document,
           StWindow         *window)
{
  const char *name = view_name_for_kind (st_document_get_kind (document));
  GtkWidget *view;

  /* The editor posted on its own connection: the window's store did not see it happen. */
  st_window_refresh (window);
  if (name == NULL)
    return;

  st_window_show_view (window, name);
  view = st_window_get_view (window, name);
  if (view != NULL && ST_IS_DOCUMENTS_VIEW (view))
    st_list_page_select_id (ST_LIST_PAGE (view), st_document_get_id (document));
}

StDocumentEditor *
st_document_actions_open_editor (GtkWidget *window,
                                 StDocKind  kind)
{
  StDocumentEditor *editor;

  g_return_val_if_fail (ST_IS_WINDOW (window), NULL);

  editor = st_document_editor_new (GTK_WINDOW (window), st_window_get_store (ST_WINDOW (window)),
                                   kind);
  g_signal_connect_object (editor, "posted", G_CALLBACK (posted_cb), window, 0);
  gtk_window_present (GTK_WINDOW (editor));

  return editor;
}

void
st_document_actions_new_document (GtkWidget  *window,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  StDocKind kind;

  if (!st_doc_kind_from_string (g_variant_get_string (parameter, NULL), &kind))
    {
      g_warning ("Unknown document kind “%s”", g_variant_get_string (parameter, NULL));
      return;
    }

  st_document_actions_open_editor (window, kind);
}

StDocumentEditor *
st_document_actions_open_draft (GtkWidget  *window,
                                const char *number)
{
  g_autoptr(StSavedDraft) saved = NULL;
  g_autoptr(GError) error = NULL;
  StDocumentEditor *editor;

  g_return_val_if_fail (ST_IS_WINDOW (window), NULL);
  g_return_val_if_fail (number != NULL, NULL);

  saved = st_store_get_draft (st_window_get_store (ST_WINDOW (window)), number, &error);
  if (saved == NULL)
    {
      GtkWidget *message;

      message = gtk_message_dialog_new (GTK_WINDOW (window),
                                        GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                        GTK_MESSAGE_ERROR, GTK_BUTTONS_CLOSE,
                                        "%s", _("The draft could not be opened"));
      gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (message), "%s",
                                                error->message);
      g_signal_connect (message, "response", G_CALLBACK (gtk_window_destroy), NULL);
      gtk_window_present (GTK_WINDOW (message));
      st_window_refresh (ST_WINDOW (window));
      return NULL;
    }

  editor = st_document_editor_new_for_draft (GTK_WINDOW (window),
                                             st_window_get_store (ST_WINDOW (window)), saved);
  g_signal_connect_object (editor, "posted", G_CALLBACK (posted_cb), window, 0);
  gtk_window_present (GTK_WINDOW (editor));

  return editor;
}
