/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-pq.c — loads libpq on first use (see st-pq-private.h for why). */
#define G_LOG_DOMAIN "st-pq"

#include "config.h"

#include <gmodule.h>
#include <glib/gi18n.h>

#include "st-error.h"
#include "st-pq-private.h"

StPq _st_pq;

const StPq *
_st_pq_load (GError **error)
{
  static char *load_error;
  static gsize loaded;

  if (g_once_init_enter (&loaded))
    {
      GModule *module = g_module_open (LIBPQ_SONAME, G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);

      if (module == NULL)
        load_error = g_strdup (g_module_error ());
#define ST_PQ_LOAD(name) \
      else if (!g_module_symbol (module, #name, (gpointer *) &_st_pq.name)) \
        load_error = g_strdup (g_module_error ());
      ST_PQ_FUNCTIONS (ST_PQ_LOAD)
#undef ST_PQ_LOAD
      /* The module stays loaded: its functions are used for as long as the process runs. */
      g_once_init_leave (&loaded, 1);
    }

  if (load_error != NULL)
    {
      g_set_error (error, ST_ERROR, ST_ERROR_FAILED,
                   /* Translators: %1$s is a library file name, %2$s the loader's reason */
                   _("A PostgreSQL database needs the library %1$s, which could not be loaded: %2$s"),
                   LIBPQ_SONAME, load_error);
      return NULL;
    }
  return &_st_pq;
}
