#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# run-full.sh [BUILDDIR] — the full reliability run behind docs/RELIABILITY.md.
#
#   - the reliability suite with the long counts: 50 SIGKILLs per kind of posting
#     (ST_REL_KILLS), 500 rounds of two processes = 1,000 documents each (ST_REL_ROUNDS),
#     50 files with random flipped bytes (ST_REL_RANDOM_FILES); one test at a time, so that
#     the kill timings hold; the GUI test under xvfb-run when it is installed;
#   - the core suite under valgrind memcheck (no invalid access, no definite leak);
#   - each fuzz target for FUZZ_SECONDS (default 60; 0 skips), see tests/fuzz/run-fuzz.sh.
#
# Prints every "FIGURE" line at the end; the whole output goes to BUILDDIR/reliability-full.log.
# BUILDDIR defaults to build-rel (configured on first use).  Seed: ST_REL_SEED.
set -euo pipefail

src=$(cd "$(dirname "$0")/../.." && pwd)
builddir=${1:-$src/build-rel}
fuzz_seconds=${FUZZ_SECONDS:-60}

if [ ! -f "$builddir/build.ninja" ]; then
  meson setup "$builddir" "$src"
fi
meson compile -C "$builddir"
log="$builddir/reliability-full.log"
: > "$log"

export ST_REL_KILLS=${ST_REL_KILLS:-50}
export ST_REL_ROUNDS=${ST_REL_ROUNDS:-500}
export ST_REL_RANDOM_FILES=${ST_REL_RANDOM_FILES:-50}

status=0
xvfb=()
if command -v xvfb-run >/dev/null; then
  xvfb=(xvfb-run -a -s "-screen 0 1280x800x24")
fi

start=$(date +%s)
echo "== reliability suite (kills $ST_REL_KILLS, rounds $ST_REL_ROUNDS, random files $ST_REL_RANDOM_FILES)" | tee -a "$log"
"${xvfb[@]}" meson test -C "$builddir" --suite reliability --num-processes 1 \
  --timeout-multiplier 20 --verbose >> "$log" 2>&1 || status=1
echo "   $(( $(date +%s) - start )) s" | tee -a "$log"

start=$(date +%s)
echo "== core suite under valgrind memcheck" | tee -a "$log"
if G_SLICE=always-malloc G_DEBUG=gc-friendly \
   meson test -C "$builddir" --suite core --num-processes 2 --timeout-multiplier 10 \
     --wrapper "valgrind --quiet --error-exitcode=1 --leak-check=full --errors-for-leak-kinds=definite --show-leak-kinds=definite" \
     >> "$log" 2>&1; then
  echo "# FIGURE memcheck: core suite clean under valgrind memcheck (no error, no definite leak), $(( $(date +%s) - start )) s" | tee -a "$log"
else
  echo "# FIGURE memcheck: FAILED (see $log)" | tee -a "$log"
  status=1
fi

if [ "$fuzz_seconds" -gt 0 ]; then
  echo "== fuzzing, $fuzz_seconds s per target" | tee -a "$log"
  if "$src/tests/fuzz/run-fuzz.sh" "$fuzz_seconds" > "$builddir/fuzz.log" 2>&1; then :; else status=1; fi
  grep '^fuzz-' "$builddir/fuzz.log" | sed 's/^/# FIGURE /' | tee -a "$log"
fi

echo
echo "== figures"
grep -h '# FIGURE \|# test-[a-z]*: seed' "$log" | sed 's/^.*# FIGURE /  /; s/^.*# \(test-[a-z]*: seed\)/  \1/'
grep -E '^ *[0-9]+/[0-9]+ ' "$log" || true
if [ $status -eq 0 ]; then echo "all passed"; else echo "FAILED: see $log"; fi
exit $status
