/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-facts.h — the "title  value" grids of the details panes (a document, an item, a unit, a
 * service case) and their status badges: one look, one accessible labelling, one place. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Attaches @value under the dim @title in fact column @column (0 left, 1 right; each takes
 * two grid columns) at *@row, which moves on.  The title labels the value for assistive
 * technologies. */
void st_facts_add        (GtkGrid     *grid,
                          int          column,
                          int         *row,
                          const char  *title,
                          GtkWidget   *value);

/* The same with a selectable, wrapping label of @text (right-aligned tabular figures if
 * @numeric); nothing for a NULL or empty @text, so an unknown fact takes no row. */
void st_facts_add_text   (GtkGrid     *grid,
                          int          column,
                          int         *row,
                          const char  *title,
                          const char  *text,
                          gboolean     numeric);

/* Removes every fact. */
void st_facts_clear      (GtkGrid     *grid);

/* Shows @text on a status badge with the CSS class @prefix + @nick, "_" made "-"
 * ("service-" + "in_repair": "service-in-repair"; style.css colours them), replacing the
 * class *@css_class named before (freed and set anew). */
void st_facts_set_status (GtkLabel    *badge,
                          char       **css_class,
                          const char  *text,
                          const char  *prefix,
                          const char  *nick);

G_END_DECLS
