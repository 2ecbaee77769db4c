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

# shellcheck source-path=SCRIPTDIR source=run-bench-lib.sh
. "$(dirname "$0")/run-bench-lib.sh"
runs=1
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs=$2; shift 2 ;;
    *) bench_take_option "$@"; shift "$taken" ;;
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

bench_prepare tests/bench/st-bench tests/bench/st-bench-pg src/cli/serialtrack-cli
file="$dbdir/bench-u$units-i$items-s$seed.serialtrack"
cached="st_bench_u${units}_i${items}_s${seed}"
work="st_bench_work_$$"
log=$(mktemp)
trap_prev=$(trap -p EXIT | sed "s/^trap -- '\(.*\)' EXIT$/\1/")
trap "dropdb --if-exists $work 2>/dev/null || true; rm -f '$log'; $trap_prev" EXIT

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

bench_table "$log" 46 14
