/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-store-currency.c — the currency preference: an ISO 4217 code in the settings table (key
 * "currency"), shown with the amounts of money columns and in the workbooks' number format. */
#define G_LOG_DOMAIN "st-store"

#include "config.h"

#include "st-currency.h"
#include "st-error.h"
#include "st-store-private.h"

char *
st_store_dup_currency_setting (StStore *self)
{
  g_autoptr(StStmt) stmt = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (ST_IS_STORE (self), NULL);

  stmt = _st_store_prepare (self, "SELECT value FROM settings WHERE key = 'currency'", &error);
  if (stmt == NULL || _st_step (stmt, &error) != ST_STEP_ROW)
    {
      if (error != NULL)
        g_warning ("Cannot read the currency: %s", error->message);
      return NULL;
    }
  return g_strdup (st_stmt_column_text (stmt, 0));
}

char *
st_store_dup_currency (StStore *self)
{
  char *code = st_store_dup_currency_setting (self);

  return code != NULL ? code : st_currency_from_locale ();
}

static gboolean
set_currency_write (StStore   *self,
                    gpointer   data,
                    GError   **error)
{
  const char *code = data;
  g_autoptr(StStmt) stmt = NULL;

  if (code == NULL)
    stmt = _st_store_prepare (self, "DELETE FROM settings WHERE key = 'currency'", error);
  else
    stmt = _st_store_prepare (self, "INSERT INTO settings (key, value) VALUES ('currency', ?)"
                              " ON CONFLICT (key) DO UPDATE SET value = excluded.value", error);
  if (stmt == NULL)
    return FALSE;
  if (code != NULL)
    _st_bind_text (stmt, 1, code);
  return _st_step (stmt, error) != 0;
}

gboolean
st_store_set_currency (StStore     *self,
                       const char  *code,
                       GError     **error)
{
  g_autofree char *normal = NULL;

  g_return_val_if_fail (ST_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (code != NULL && *code != '\0' && (normal = st_currency_normalize (code, error)) == NULL)
    return FALSE;
  return _st_store_write (self, set_currency_write, normal, error);
}
