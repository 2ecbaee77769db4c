/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-test-tree.h — removing what a test wrote to disk.  Header-only, for the core, CLI and
 * reliability tests alike. */
#pragma once

#include <glib.h>
#include <glib/gstdio.h>

/* Removes @path and, for a folder, everything in it (links are removed, not followed). */
static inline void
st_test_remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          st_test_remove_tree (child);
        }
    }
  g_remove (path);
}
