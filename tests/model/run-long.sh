#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The long model-based test, for before a release: many seeds, thousands of operations each,
# in parallel, against serialtrack-cli.
#
#   tests/model/run-long.sh [BUILDDIR]        (default: build)
#   N_SEEDS=200 N_OPS=2000 FIRST_SEED=1 JOBS=8 tests/model/run-long.sh build
#
# Each seed runs on its own SQLite file (the database string could as well be a PostgreSQL
# URI: set SERIALTRACK_DB_TEMPLATE to one with %s for the seed).  Prints each seed's summary,
# then the totals; exits 1 when any seed disagreed with the model (its log says how to
# reproduce it).
set -eu

here=$(cd "$(dirname "$0")" && pwd)
build=${1:-build}
: "${SERIALTRACK_CLI:=$(cd "$build" && pwd)/src/cli/serialtrack-cli}"
: "${N_SEEDS:=50}"
: "${N_OPS:=1000}"
: "${FIRST_SEED:=$(od -An -N3 -tu4 /dev/urandom | tr -d ' ')}"
: "${JOBS:=$(nproc)}"
export SERIALTRACK_CLI N_OPS

out=$(mktemp -d "${TMPDIR:-/tmp}/st-model-long-XXXXXX")
echo "model test, long: $N_SEEDS seeds from $FIRST_SEED, $N_OPS operations each, $JOBS jobs; logs in $out"
start=$(date +%s)
seq "$FIRST_SEED" $((FIRST_SEED + N_SEEDS - 1)) |
  xargs -P "$JOBS" -I{} sh -c '
    db=""
    if [ -n "${SERIALTRACK_DB_TEMPLATE:-}" ]; then db=$(printf "$SERIALTRACK_DB_TEMPLATE" {}); fi
    if /usr/bin/python3 "$1/st-model-test.py" --seed {} --check-every 50 ${db:+--db "$db"} \
         >"$2/seed-{}.log" 2>&1; then
      echo "ok   seed {}"
    else
      echo "FAIL seed {} (see $2/seed-{}.log)"
    fi' sh "$here" "$out" | sort -k3 -n
end=$(date +%s)

ops=$(grep -h "^# seed .* operations" "$out"/seed-*.log | sed 's/^# seed [0-9]*: \([0-9]*\) operations.*/\1/' |
        awk '{ s += $1 } END { print s + 0 }')
runs=$(grep -h "^# seed .* CLI runs" "$out"/seed-*.log | sed 's/.* \([0-9]*\) CLI runs.*/\1/' |
         awk '{ s += $1 } END { print s + 0 }')
failed=$(grep -l "MODEL DISAGREEMENT\|Traceback" "$out"/seed-*.log | wc -l)
echo "model test, long: $N_SEEDS seeds, $ops operations, $runs CLI runs, $failed seeds disagreeing, $((end - start)) s"
if [ "$failed" -ne 0 ]; then
  grep -h -A3 "MODEL DISAGREEMENT" "$out"/seed-*.log
  exit 1
fi
rm -rf "$out"
