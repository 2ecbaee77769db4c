/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-test-gate.h — a gate on the store's worker (_st_store_set_worker_hook()): every job waits
 * at its start while the gate holds, so that a test sees the window, or the next call, while
 * a write is still to come.  Header-only, for the core and app tests alike. */
#pragma once

#include <glib.h>

#include "st-store-private.h"

typedef struct
{
  GMutex    lock;
  GCond     cond;
  gboolean  hold;
  guint     n_jobs;   /* jobs that reached the gate */
} StTestGate;

static inline void
st_test_gate_hook (StStore  *store,
                   gpointer  data)
{
  StTestGate *gate = data;

  g_mutex_lock (&gate->lock);
  gate->n_jobs++;
  g_cond_broadcast (&gate->cond);
  while (gate->hold)
    g_cond_wait (&gate->cond, &gate->lock);
  g_mutex_unlock (&gate->lock);
}

/* Sets @gate up on @store's worker, holding. */
static inline void
st_test_gate_init (StTestGate *gate,
                   StStore    *store)
{
  g_mutex_init (&gate->lock);
  g_cond_init (&gate->cond);
  gate->hold = TRUE;
  gate->n_jobs = 0;
  _st_store_set_worker_hook (store, st_test_gate_hook, gate);
}

/* After st_test_gate_release() and the hook unset. */
static inline void
st_test_gate_clear (StTestGate *gate)
{
  g_cond_clear (&gate->cond);
  g_mutex_clear (&gate->lock);
}

/* Holds the next jobs again, counting from 0. */
static inline void
st_test_gate_hold (StTestGate *gate)
{
  g_mutex_lock (&gate->lock);
  gate->hold = TRUE;
  gate->n_jobs = 0;
  g_mutex_unlock (&gate->lock);
}

/* Lets the jobs waiting, and every later one, through. */
static inline void
st_test_gate_release (StTestGate *gate)
{
  g_mutex_lock (&gate->lock);
  gate->hold = FALSE;
  g_cond_broadcast (&gate->cond);
  g_mutex_unlock (&gate->lock);
}

/* The jobs that reached the gate so far. */
static inline guint
st_test_gate_n_jobs (StTestGate *gate)
{
  guint n;

  g_mutex_lock (&gate->lock);
  n = gate->n_jobs;
  g_mutex_unlock (&gate->lock);
  return n;
}

/* Waits until @n jobs reached the gate. */
static inline void
st_test_gate_wait_for_jobs (StTestGate *gate,
                            guint       n)
{
  g_mutex_lock (&gate->lock);
  while (gate->n_jobs < n)
    g_cond_wait (&gate->cond, &gate->lock);
  g_mutex_unlock (&gate->lock);
}
