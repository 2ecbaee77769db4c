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

src=$(cd "$(dirname "$0")/../.." && pwd)
units=1000000
items=1000
seed=7
builddir="$src/build-bench"
workloads=()

while [ $# -gt 0 ]; do
  case "$1" in
    --units) units=$2; shift 2 ;;
    --items) items=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --builddir) builddir=$2; shift 2 ;;
    -h|--help) sed -n '3,11p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "run-bench.sh: unknown option $1" >&2; exit 2 ;;
    *) workloads+=("$1"); shift ;;
  esac
done

if [ ! -f "$builddir/build.ninja" ]; then
  meson setup "$builddir" "$src" --buildtype=release
fi
ninja -C "$builddir" tests/bench/st-bench src/cli/serialtrack-cli >/dev/null

export ST_BENCH_UNITS=$units ST_BENCH_ITEMS=$items ST_BENCH_SEED=$seed
export SERIALTRACK_CLI="$builddir/src/cli/serialtrack-cli"
dbdir="$builddir/tests/bench"
log=$(mktemp)
trap 'rm -f "$log"' EXIT

echo "Machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')," \
     "$(awk '/MemTotal/ {printf "%.1f GiB RAM", $2 / 1048576}' /proc/meminfo)"
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

echo
printf '%-38s %10s %10s %7s  %-22s %-6s %9s\n' workload seconds baseline ratio target result \
       'peak RSS'
printf '%s\n' "$(printf '%.0s-' {1..110})"
grep -o 'RESULT|.*' "$log" | awk -F'|' '{
  rss = $8 >= 1024 ? sprintf("%.0f MiB", $8 / 1024) : sprintf("%d KiB", $8)
  secs = $3 < 0.001 ? sprintf("%.0f µs", $3 * 1e6) : $3 < 1 ? sprintf("%.1f ms", $3 * 1000) : sprintf("%.2f s", $3)
  base = $4 == "-" ? "-" : ($4 < 1 ? sprintf("%.1f ms", $4 * 1000) : sprintf("%.2f s", $4))
  printf "%-38s %10s %10s %7s  %-22s %-6s %9s\n", $2, secs, base, $5, $6, $7, rss
}'
