/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-fuzz-util.h — what every fuzz target checks besides "no crash". */
#pragma once

#include <stddef.h>
#include <stdint.h>

#include <glib.h>

G_BEGIN_DECLS

/* libFuzzer's entry points. */
int  LLVMFuzzerInitialize   (int            *argc,
                             char         ***argv);
int  LLVMFuzzerTestOneInput (const uint8_t  *data,
                             size_t          size);

/* Aborts (a libFuzzer crash) unless @error is a ST_ERROR with a one-line, valid UTF-8,
 * reasonably short message. */
void st_fuzz_check_error    (const GError   *error);

/* Aborts unless @serial obeys the serial rules (what st_serial_normalize promises). */
void st_fuzz_check_serial   (const char     *serial);

G_END_DECLS
