/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "st-facts"

#include "config.h"

#include "st-facts.h"

void
st_facts_add (GtkGrid    *grid,
              int         column,
              int        *row,
              const char *title,
              GtkWidget  *value)
{
  GtkWidget *title_label;

  g_return_if_fail (GTK_IS_GRID (grid));
  g_return_if_fail (GTK_IS_WIDGET (value));

  title_label = gtk_label_new (title);
  /* At the top of a value that wraps onto more lines. */
  gtk_label_set_xalign (GTK_LABEL (title_label), 0.0f);
  gtk_label_set_yalign (GTK_LABEL (title_label), 0.0f);
  gtk_widget_add_css_class (title_label, "dim-label");
  gtk_grid_attach (grid, title_label, column * 2, *row, 1, 1);

  gtk_widget_set_hexpand (value, column == 0);
  gtk_grid_attach (grid, value, column * 2 + 1, *row, 1, 1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (value),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, title_label, NULL,
                                  -1);
  (*row)++;
}

void
st_facts_add_text (GtkGrid    *grid,
                   int         column,
                   int        *row,
                   const char *title,
                   const char *text,
                   gboolean    numeric)
{
  GtkWidget *label;

  if (text == NULL || *text == '\0')
    return;

  label = gtk_label_new (text);
  gtk_label_set_xalign (GTK_LABEL (label), numeric ? 1.0f : 0.0f);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  /* A serial or a complaint without spaces still wraps. */
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (numeric)
    gtk_widget_add_css_class (label, "numeric");
  st_facts_add (grid, column, row, title, label);
}

void
st_facts_clear (GtkGrid *grid)
{
  GtkWidget *child;

  g_return_if_fail (GTK_IS_GRID (grid));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (grid))) != NULL)
    gtk_grid_remove (grid, child);
}

void
st_facts_set_status (GtkLabel    *badge,
                     char       **css_class,
                     const char  *text,
                     const char  *prefix,
                     const char  *nick)
{
  g_return_if_fail (GTK_IS_LABEL (badge));

  if (*css_class != NULL)
    gtk_widget_remove_css_class (GTK_WIDGET (badge), *css_class);
  g_free (*css_class);

  gtk_label_set_text (badge, text);
  *css_class = g_strconcat (prefix, nick, NULL);
  g_strdelimit (*css_class, "_", '-');
  gtk_widget_add_css_class (GTK_WIDGET (badge), *css_class);
}
