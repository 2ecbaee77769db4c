/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-serial-picker.h — choosing which units a picking line takes (invoices, transfers,
 * − adjustments, returns, vendor returns) among the eligible units of one item.
 *
 * The list is a lazy StListModel over st_store_list_units(): only the rows on screen exist,
 * so 100,000 candidates open and filter as fast as ten.  The selection is a set of unit ids,
 * never a selection model over every row. */
#pragma once

#include <gtk/gtk.h>
#include "st-store.h"

G_BEGIN_DECLS

#define ST_TYPE_SERIAL_PICKER (st_serial_picker_get_type ())
G_DECLARE_FINAL_TYPE (StSerialPicker, st_serial_picker, ST, SERIAL_PICKER, GtkWindow)

/* @query says which units are eligible (copied).  OK is enabled when exactly @quantity units
 * are chosen; it emits "units-chosen" (a GPtrArray of StUnit, first received first) and
 * closes. */
StSerialPicker *st_serial_picker_new             (GtkWindow         *parent,
                                                  StStore           *store,
                                                  const StUnitQuery *query,
                                                  guint              quantity);
/* The item, for the title and for telling apart serials shared by several items. */
void            st_serial_picker_set_item        (StSerialPicker    *self,
                                                  StItem            *item);
/* The lazy list of eligible units the dialog shows (with its filter and sort). */
StListModel    *st_serial_picker_get_model       (StSerialPicker    *self);
guint           st_serial_picker_get_quantity    (StSerialPicker    *self);
/* Filters the list, as typing in the filter field does (after its short delay). */
void            st_serial_picker_set_filter      (StSerialPicker    *self,
                                                  const char        *text);

/* The chosen units (StUnit), first received first; a new array. */
GPtrArray      *st_serial_picker_get_selected    (StSerialPicker    *self);
guint           st_serial_picker_get_n_selected  (StSerialPicker    *self);
gboolean        st_serial_picker_is_selected     (StSerialPicker    *self,
                                                  gint64             unit_id);
/* Chooses these units (StUnit) instead of the current choice, e.g. the line's earlier
 * choice when the dialog opens again. */
void            st_serial_picker_set_selected    (StSerialPicker    *self,
                                                  GPtrArray         *units);
void            st_serial_picker_set_unit_selected (StSerialPicker  *self,
                                                    StUnit          *unit,
                                                    gboolean         selected);
/* What a scan (the serial, then Enter) does: chooses the unit with that serial when it is
 * eligible.  Refused with ST_ERROR_NOT_FOUND / _NOT_IN_STOCK / _NOT_ON_DOCUMENT and a message
 * saying why, which the dialog also shows. */
gboolean        st_serial_picker_select_serial   (StSerialPicker    *self,
                                                  const char        *serial,
                                                  GError           **error);
/* Keeps the units already chosen (by hand) and adds the first received of the others (FIFO)
 * until the quantity is reached.  Only those rows are read. */
void            st_serial_picker_select_oldest   (StSerialPicker    *self);
void            st_serial_picker_clear           (StSerialPicker    *self);

G_END_DECLS
