/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-label-libs.c — loads cairo, Pango and libzint on first use (see st-label-libs-private.h). */
#define G_LOG_DOMAIN "st-labels"

#include "config.h"

#include <gmodule.h>
#include <glib/gi18n.h>

#include "st-error.h"
#include "st-label-libs-private.h"

static GModule *
open_library (const char  *soname,
              char       **load_error,
              char       **failed)
{
  GModule *module;

  if (*load_error != NULL)
    return NULL;
  module = g_module_open (soname, G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);
  if (module == NULL)
    {
      *load_error = g_strdup (g_module_error ());
      *failed = g_strdup (soname);
    }
  return module;
}

const StLabelLibs *
_st_label_libs_get (GError **error)
{
  static StLabelLibs api;
  static char *load_error;
  static char *failed;
  static gsize loaded;

  if (g_once_init_enter (&loaded))
    {
      GModule *module;

#define ST_LABEL_LOAD(name) \
      if (module != NULL && load_error == NULL \
          && !g_module_symbol (module, #name, (gpointer *) &api.name)) \
        { \
          load_error = g_strdup (g_module_error ()); \
          failed = g_strdup (g_module_name (module)); \
        }
      /* The modules stay loaded: the functions are used for as long as the process runs. */
      module = open_library (CAIRO_SONAME, &load_error, &failed);
      ST_LABEL_CAIRO_FUNCTIONS (ST_LABEL_LOAD)
      module = open_library (PANGO_SONAME, &load_error, &failed);
      ST_LABEL_PANGO_FUNCTIONS (ST_LABEL_LOAD)
      module = open_library (PANGOCAIRO_SONAME, &load_error, &failed);
      ST_LABEL_PANGOCAIRO_FUNCTIONS (ST_LABEL_LOAD)
      module = open_library (ZINT_SONAME, &load_error, &failed);
      ST_LABEL_ZINT_FUNCTIONS (ST_LABEL_LOAD)
#undef ST_LABEL_LOAD
      g_once_init_leave (&loaded, 1);
    }

  if (load_error != NULL)
    {
      g_set_error (error, ST_ERROR, ST_ERROR_FAILED,
                   /* Translators: %1$s is a library file name, %2$s the loader's reason */
                   _("Printing labels needs the library %1$s, which could not be loaded: %2$s"),
                   failed, load_error);
      return NULL;
    }
  return &api;
}
