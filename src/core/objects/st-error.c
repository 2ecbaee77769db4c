/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "st-error"

#include "config.h"

#include "st-error.h"

G_DEFINE_QUARK (st-error-quark, st_error)
