#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# run-bench.sh [--units N] [--items N] [--seed S] [--builddir DIR] [WORKLOAD...]
#
# Builds a release build directory (build-bench by default), generates the benchmark database
# once (cached in DIR/tests/bench by size and seed), runs the benchmarks and prints a table.
# Without WORKLOADs it runs `meson test --benchmark --suite bench`, so every benchmark()
# registered in tests/bench/meson.build (export, GUI …) lands in the table too: a benchmark
# only has to print RESULT|workload|seconds|baseline|ratio|target|verdict|peak RSS KiB lines.
# With WORKLOADs (post-bill post-invoice unit-lookup check list picker) it runs only those.
set -euo pipefail
[ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] || ! command -v xvfb-run >/dev/null || exec xvfb-run -a -s '-screen 0 1280x800x24' "$0" "$@"  # the GUI benchmarks need a display

# shellcheck source-path=SCRIPTDIR source=run-bench-lib.sh
. "$(dirname "$0")/run-bench-lib.sh"
while [ $# -gt 0 ]; do
  bench_take_option "$@"
  shift "$taken"
done

bench_prepare tests/bench/st-bench src/cli/serialtrack-cli
log=$(mktemp)
trap 'rm -f "$log"' EXIT

echo "SQLite $(sqlite3 --version 2>/dev/null | cut -d' ' -f1), GLib $(pkg-config --modversion glib-2.0)"
echo "Database: $units units, $items items, seed $seed (cached in $dbdir)"
echo

# Generate (or reuse) the database first, so that its time is reported on its own.
"$builddir/tests/bench/st-bench" --db-dir "$dbdir" | tee -a "$log"

if [ ${#workloads[@]} -gt 0 ]; then
  "$builddir/tests/bench/st-bench" --db-dir "$dbdir" "${workloads[@]}" | tee -a "$log"
elif ! meson test -C "$builddir" --benchmark --suite bench --verbose 2>&1 | tee -a "$log"; then
  echo "meson test --benchmark failed; running st-bench directly" >&2
  "$builddir/tests/bench/st-bench" --db-dir "$dbdir" all | tee -a "$log"
fi

bench_table "$log" 38 22
