/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-rel-damage.h — damaged and foreign files for the tests of issue 8, item 3: each variant
 * writes one such file from a sound SerialTrack database made with the CLI. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  const char *name;
  gboolean  (*make) (const char *path);
  gboolean    may_pass_check;  /* damage SQLite may never read (random flips) */
} RelDamage;

/* Makes the sound databases the variants start from, in @dir; @rand drives the random ones. */
void             rel_damage_init     (const char *dir,
                                      GRand      *rand);
const RelDamage *rel_damage_variants (gsize      *n);
/* The sound database (WAL mode). */
const char      *rel_damage_base     (void);

G_END_DECLS
