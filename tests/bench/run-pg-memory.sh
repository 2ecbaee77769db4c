#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# run-pg-memory.sh [--units N] [--workdir DIR] [--skip-copy-in] LABEL=CLI [LABEL=CLI ...]
#
# Peak memory (max RSS) and wall time of the reading commands on a PostgreSQL database (issue
# 12: results streamed through cursors) and of `copy` into one (COPY FROM STDIN): a generated
# inventory (serialtrack-cli generate --items 200 --units N --seed 7, cached in WORKDIR) is
# loaded into the server once (st-bench-pg load, from the first CLI's build), then each
# serialtrack-cli given runs `export history`, `export sold`, `check`, `copy FILE` on it and
# `copy postgresql` of the file into a new database.  Run it against a server in libpq's
# environment, e.g. `pg_virtualenv -t tests/bench/run-pg-memory.sh before=OLD/cli after=NEW/cli`.
set -euo pipefail

units=200000
workdir=${TMPDIR:-/tmp}/st-pg-memory
copy_in=1
clis=()
while [ $# -gt 0 ]; do
  case "$1" in
    --units) units=$2; shift 2 ;;
    --workdir) workdir=$2; shift 2 ;;
    --skip-copy-in) copy_in=0; shift ;;
    -h|--help) sed -n '3,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *=*) clis+=("$1"); shift ;;
    *) echo "run-pg-memory.sh: LABEL=CLI expected, not $1" >&2; exit 2 ;;
  esac
done
[ ${#clis[@]} -gt 0 ] || { echo "run-pg-memory.sh: name at least one LABEL=serialtrack-cli" >&2; exit 2; }
[ -n "${PGHOST:-}${PGSERVICE:-}" ] || { echo "run-pg-memory.sh: no server (PGHOST unset; use pg_virtualenv)" >&2; exit 77; }

mkdir -p "$workdir"
first=${clis[0]#*=}
bench=$(dirname "$(dirname "$(dirname "$first")")")/tests/bench/st-bench-pg
file="$workdir/gen-u$units.serialtrack"
if [ ! -f "$file" ]; then
  "$first" --db "$file.part" init >/dev/null
  "$first" --db "$file.part" generate --items 200 --units "$units" --seed 7 >/dev/null
  mv "$file.part" "$file"
fi
src=st_mem_u$units
if ! psql -XAtc "SELECT 1 FROM pg_database WHERE datname = '$src'" postgres | grep -q 1; then
  createdb "$src.loading"
  "$bench" --db "dbname=$src.loading" load "$file" >/dev/null
  psql -XAqc "ALTER DATABASE \"$src.loading\" RENAME TO $src" postgres
fi
echo "inventory: $units generated units; $(psql -XAtc 'SELECT count(*) FROM unit_events' "$src") unit events; load average $(cut -d' ' -f1-3 /proc/loadavg)"

measure () {
  local label=$1 what=$2; shift 2
  local out status=ok
  "/usr/bin/time" -o "$workdir/time.out" -f '%M %e' "$@" >/dev/null 2>"$workdir/stderr.out" || status="FAILED: $(tail -1 "$workdir/stderr.out")"
  out=$(tail -1 "$workdir/time.out")
  printf '%-8s %-28s %10s KiB %8s s  %s\n' "$label" "$what" ${out% *} ${out#* } "$status"
}

for pair in "${clis[@]}"; do
  label=${pair%%=*}; cli=${pair#*=}
  rm -f "$workdir"/out-*.xlsx "$workdir"/copy-*.serialtrack*
  measure "$label" "export history (all)" "$cli" --db "dbname=$src" export history "$workdir/out-h.xlsx"
  measure "$label" "export sold" "$cli" --db "dbname=$src" export sold "$workdir/out-s.xlsx"
  measure "$label" "check" "$cli" --db "dbname=$src" check
  measure "$label" "copy to a file" "$cli" --db "dbname=$src" copy "$workdir/copy-$label.serialtrack"
  if [ "$copy_in" = 1 ]; then
    dropdb --if-exists "st_mem_in_$label"; createdb "st_mem_in_$label"
    measure "$label" "copy the file into postgres" "$cli" --db "$file" copy "dbname=st_mem_in_$label"
    dropdb --if-exists "st_mem_in_$label"
  fi
done
