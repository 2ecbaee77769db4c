# SPDX-License-Identifier: GPL-3.0-or-later
# run-bench-lib.sh — what run-bench.sh and run-bench-pg.sh share, sourced by both: the options
# they both take, the release build directory, the environment of the benchmarks, the machine
# line and the table of RESULT lines.

src=$(cd "$(dirname "$0")/../.." && pwd)
units=1000000
items=1000
seed=7
builddir="$src/build-bench"
workloads=()

# Takes the option or workload at the start of "$@"; sets $taken to the words it used.  Options
# of the script's own are handled before it: any other is an error.  --help prints the
# script's heading comment.
bench_take_option ()
{
  taken=2
  case "$1" in
    --units) units=$2 ;;
    --items) items=$2 ;;
    --seed) seed=$2 ;;
    --builddir) builddir=$2 ;;
    -h|--help) awk 'NR > 2 && !/^#/ { exit } NR > 2 { sub (/^# ?/, ""); print }' "$0"; exit 0 ;;
    -*) echo "$(basename "$0"): unknown option $1" >&2; exit 2 ;;
    *) workloads+=("$1"); taken=1 ;;
  esac
}

# Builds the targets named (setting up the release build directory first when there is none),
# exports the inventory's size and the CLI for the benchmarks, sets $dbdir (where the generated
# database is cached) and prints what the machine is.
bench_prepare ()
{
  if [ ! -f "$builddir/build.ninja" ]; then
    meson setup "$builddir" "$src" --buildtype=release
  fi
  ninja -C "$builddir" "$@" >/dev/null

  export ST_BENCH_UNITS=$units ST_BENCH_ITEMS=$items ST_BENCH_SEED=$seed
  export SERIALTRACK_CLI="$builddir/src/cli/serialtrack-cli"
  dbdir="$builddir/tests/bench"

  echo "Machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')," \
       "$(awk '/MemTotal/ {printf "%.1f GiB RAM", $2 / 1048576}' /proc/meminfo)"
}

# The table of the RESULT lines in the log $1, the workload column $2 characters wide and the
# target column $3.  Throughputs (…per-s) and counts (…double-sales) are shown as numbers.
bench_table ()
{
  echo
  printf "%-${2}s %10s %10s %7s  %-${3}s %-6s %9s\n" workload seconds baseline ratio target result \
         'peak RSS'
  printf '%s\n' "$(printf '%.0s-' {1..110})"
  grep -o 'RESULT|.*' "$1" | awk -F'|' -v name_width="$2" -v target_width="$3" '{
    rss = $8 >= 1024 ? sprintf("%.0f MiB", $8 / 1024) : sprintf("%d KiB", $8)
    secs = $3 < 0.001 ? sprintf("%.0f µs", $3 * 1e6) : $3 < 1 ? sprintf("%.1f ms", $3 * 1000) : sprintf("%.2f s", $3)
    if ($2 ~ /per-s|double-sales/) secs = sprintf("%.1f", $3)
    base = $4 == "-" ? "-" : ($4 < 1 ? sprintf("%.1f ms", $4 * 1000) : sprintf("%.2f s", $4))
    if ($2 ~ /per-s/ && $4 != "-") base = sprintf("%.1f", $4)
    printf "%-" name_width "s %10s %10s %7s  %-" target_width "s %-6s %9s\n", $2, secs, base, $5, $6, $7, rss
  }'
}
