/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-row-slots.h — stable rows for a list view over a lazy list whose rows are replaced
 * wholesale (a new filter, sort or query).
 *
 * Row i of an StRowSlots is the same StRowSlot object before and after st_row_slots_reload();
 * only the slot's item changes, with "notify::item" and its watchers called.  GTK 4.8's list views keep the widgets
 * of rows that did not change, so they keep their ~200 row widgets and the cells rebind their
 * text (st-columns.c follows the slots), where "every row removed, every row added" made them
 * destroy those widgets and build them again: 100 ms of a picker's keystroke.  Only a change
 * of length is announced with "items-changed", at the end of the list. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define ST_TYPE_ROW_SLOT (st_row_slot_get_type ())
G_DECLARE_FINAL_TYPE (StRowSlot, st_row_slot, ST, ROW_SLOT, GObject)

/* The row's object in the underlying list (an StUnit …), or NULL. */
gpointer    st_row_slot_get_item      (StRowSlot  *self);

/* Calls @func (@data) when the slot takes another item: what a bound cell uses to show it.
 * Lighter than a "notify::item" handler, which a list binding hundreds of cells a frame
 * while it scrolls would connect and disconnect for every one. */
typedef void (*StRowSlotFunc) (gpointer data);
void        st_row_slot_watch         (StRowSlot     *self,
                                       StRowSlotFunc  func,
                                       gpointer       data);
void        st_row_slot_unwatch       (StRowSlot     *self,
                                       StRowSlotFunc  func,
                                       gpointer       data);

#define ST_TYPE_ROW_SLOTS (st_row_slots_get_type ())
G_DECLARE_FINAL_TYPE (StRowSlots, st_row_slots, ST, ROW_SLOTS, GObject)

StRowSlots *st_row_slots_new          (GListModel *model);
GListModel *st_row_slots_get_model    (StRowSlots *self);
/* Shows @model's rows in the same slots (as st_row_slots_reload() does). */
void        st_row_slots_set_model    (StRowSlots *self,
                                       GListModel *model);
/* The underlying list's rows were replaced (after st_list_model_set_filter(), _set_sort() or
 * _refresh(), whose own "items-changed" the slots do not follow): re-reads the rows that have
 * a slot, and announces a change of length. */
void        st_row_slots_reload       (StRowSlots *self);
/* The item of a row object of a list view: the slot's item for an StRowSlot, else @item. */
gpointer    st_row_slots_unwrap       (gpointer    item);

G_END_DECLS
