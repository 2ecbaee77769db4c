#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# run-bench-pg.sh [--units N] [--items N] [--seed S] [--builddir DIR] [--runs N] [WORKLOAD...]
#
# The PostgreSQL benchmarks (issue 12, item 8) on the same generated inventory as run-bench.sh:
# generates (or reuses) the cached SQLite benchmark database, loads it once into a PostgreSQL
# database (st_bench_u<units>_i<items>_s<seed>: schema through the core, rows with COPY), then
# for each run copies that into a work database (CREATE DATABASE … TEMPLATE) and runs
# st-bench-pg's workloads on it (post-bill post-invoice unit-lookup list concurrent refresh;
# default: all).  Prints a table of the RESULT lines, like run-bench.sh.
# The server: $PGHOST/$PGPORT/$PGUSER/$PGPASSWORD when set (the loaded database is kept there
# for the next time); otherwise a throwaway cluster in a temporary directory (initdb + pg_ctl;
# as root, run as the postgres user), removed at the end.
set -euo pipefail

src=$(cd "$(dirname "$0")/../.." && pwd)
units=1000000
items=1000
seed=7
runs=1
builddir="$src/build-bench"
workloads=()

while [ $# -gt 0 ]; do
  case "$1" in
    --units) units=$2; shift 2 ;;
    --items) items=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --builddir) builddir=$2; shift 2 ;;
    -h|--help) sed -n '3,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "run-bench-pg.sh: unknown option $1" >&2; exit 2 ;;
    *) workloads+=("$1"); shift ;;
  esac
done
[ ${#workloads[@]} -gt 0 ] || workloads=(post-bill post-invoice unit-lookup list concurrent refresh)

if [ -z "${PGHOST:-}" ]; then
  pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  [ -n "$pgbin" ] || { echo "run-bench-pg.sh: no PostgreSQL server installed (apt install postgresql)" >&2; exit 77; }
  cluster=$(mktemp -d -t st-bench-pg.XXXXXX)
  as=()
  if [ "$(id -u)" = 0 ]; then chown postgres "$cluster"; as=(runuser -u postgres --); fi
  "${as[@]}" "$pgbin/initdb" -D "$cluster/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$cluster/initdb.log"
  export PGHOST=$cluster PGPORT=$((5500 + RANDOM % 400)) PGUSER=postgres
  "${as[@]}" "$pgbin/pg_ctl" -D "$cluster/data" -l "$cluster/server.log" -w \
    -o "-p $PGPORT -k $cluster -c listen_addresses=''" start >/dev/null
  trap '"${as[@]}" "$pgbin/pg_ctl" -D "$cluster/data" -m immediate stop >/dev/null; rm -rf "$cluster"' EXIT
fi

if [ ! -f "$builddir/build.ninja" ]; then
  meson setup "$builddir" "$src" --buildtype=release
fi
ninja -C "$builddir" tests/bench/st-bench tests/bench/st-bench-pg src/cli/serialtrack-cli >/dev/null

export ST_BENCH_UNITS=$units ST_BENCH_ITEMS=$items ST_BENCH_SEED=$seed
export SERIALTRACK_CLI="$builddir/src/cli/serialtrack-cli"
dbdir="$builddir/tests/bench"
file="$dbdir/bench-u$units-i$items-s$seed.serialtrack"
cached="st_bench_u${units}_i${items}_s${seed}"
work="st_bench_work_$$"
log=$(mktemp)
trap_prev=$(trap -p EXIT | sed "s/^trap -- '\(.*\)' EXIT$/\1/")
trap "dropdb --if-exists $work 2>/dev/null || true; rm -f '$log'; $trap_prev" EXIT

echo "Machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')," \
     "$(awk '/MemTotal/ {printf "%.1f GiB RAM", $2 / 1048576}' /proc/meminfo)"
echo "PostgreSQL $(psql -XAtc 'SHOW server_version' postgres), shared_buffers $(psql -XAtc 'SHOW shared_buffers' postgres), libpq $(pkg-config --modversion libpq), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "Database: $units units, $items items, seed $seed ($file → $cached)"
echo

# The SQLite database first (generated once, cached), then the server's copy of it (loaded once).
"$builddir/tests/bench/st-bench" --db-dir "$dbdir" | tee -a "$log"
if [ "$(psql -XAtc "SELECT count (*) FROM pg_database WHERE datname = '$cached'" postgres)" = 0 ]; then
  createdb "$cached.loading" 2>/dev/null || { dropdb "$cached.loading"; createdb "$cached.loading"; }
  "$builddir/tests/bench/st-bench-pg" --db "dbname=$cached.loading" load "$file" | tee -a "$log"
  "$SERIALTRACK_CLI" --db "dbname=$cached.loading" check | tail -1
  psql -XAqc "ALTER DATABASE \"$cached.loading\" RENAME TO $cached" postgres
fi

for r in $(seq 1 "$runs"); do
  echo "== run $r of $runs (load average $(cut -d' ' -f1-3 /proc/loadavg))"
  t0=$(date +%s.%N)
  createdb -T "$cached" "$work"
  echo "work copy (CREATE DATABASE … TEMPLATE): $(echo "$(date +%s.%N) - $t0" | bc) s"
  "$builddir/tests/bench/st-bench-pg" --db "dbname=$work" "${workloads[@]}" | tee -a "$log"
  dropdb "$work"
done

echo
printf '%-46s %10s %10s %7s  %-14s %-6s %9s\n' workload seconds baseline ratio target result \
       'peak RSS'
printf '%s\n' "$(printf '%.0s-' {1..110})"
grep -o 'RESULT|.*' "$log" | awk -F'|' '{
  rss = $8 >= 1024 ? sprintf("%.0f MiB", $8 / 1024) : sprintf("%d KiB", $8)
  secs = $3 < 0.001 ? sprintf("%.0f µs", $3 * 1e6) : $3 < 1 ? sprintf("%.1f ms", $3 * 1000) : sprintf("%.2f s", $3)
  if ($2 ~ /per-s|double-sales/) secs = sprintf("%.1f", $3)
  base = $4 == "-" ? "-" : ($4 < 1 ? sprintf("%.1f ms", $4 * 1000) : sprintf("%.2f s", $4))
  if ($2 ~ /per-s/ && $4 != "-") base = sprintf("%.1f", $4)
  printf "%-46s %10s %10s %7s  %-14s %-6s %9s\n", $2, secs, base, $5, $6, $7, rss
}'
