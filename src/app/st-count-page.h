/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-count-page.h — one stock count: a page of the window for scanning into it (a scanner's
 * serial and Enter, a pasted list, a file), its live tallies and last scans, and the review
 * at the finish (missing and unexpected, write-off, transfers here, the units' pages). */
#pragma once

#include <gtk/gtk.h>
#include "st-store.h"

G_BEGIN_DECLS

#define ST_TYPE_COUNT_PAGE (st_count_page_get_type ())
G_DECLARE_FINAL_TYPE (StCountPage, st_count_page, ST, COUNT_PAGE, GtkWidget)

/* Units' pages open through "win.show-unit" (x), Pause goes to the window's Counts view. */
StCountPage *st_count_page_new           (void);
void         st_count_page_set_store     (StCountPage *self,
                                          StStore     *store);
/* Shows the count numbered @number: scanning when it is open, its review when finished.
 * FALSE, with the reason shown, when it cannot be read. */
gboolean     st_count_page_set_number    (StCountPage *self,
                                          const char  *number);
/* The count shown (as last read), or NULL. */
StCount     *st_count_page_get_count     (StCountPage *self);
/* Reads the count, its tallies and last scans again (after somebody's write). */
void         st_count_page_reload        (StCountPage *self);
/* Whether scans, an import or a finish are still on their way to the store. */
gboolean     st_count_page_get_busy      (StCountPage *self);
/* The review's lists (NULL before the review): StUnit* and StCountScan*. */
GListModel  *st_count_page_get_missing    (StCountPage *self);
GListModel  *st_count_page_get_unexpected (StCountPage *self);
/* The texts shown: the tally, the review's summary and the last message. */
const char  *st_count_page_get_tally_text   (StCountPage *self);
const char  *st_count_page_get_review_text  (StCountPage *self);
const char  *st_count_page_get_message_text (StCountPage *self);
/* Scans every line of @text, as pasting it into the entry does. */
void         st_count_page_scan_text     (StCountPage *self,
                                          const char  *text);
/* Imports @file's lines, as Import File… does once the file is chosen. */
void         st_count_page_import_file   (StCountPage *self,
                                          GFile       *file);

G_END_DECLS
