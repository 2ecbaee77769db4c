#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the libFuzzer targets in their own build dir and runs each for SECONDS (default 60).
#
#   tests/fuzz/run-fuzz.sh [SECONDS]
#
# Needs clang and libclang-rt-14-dev (apt-get install clang libclang-rt-14-dev).
# The build dir (default build-fuzz, or $FUZZ_BUILDDIR) is configured on first use with
#   CC=clang meson setup build-fuzz -Dfuzzing=true -Db_sanitize=address,undefined -Db_lundef=false -Dgui=disabled
# so the core is compiled with ASan/UBSan and libFuzzer's coverage instrumentation
# (-fsanitize=fuzzer-no-link, added by the top-level meson.build when fuzzing is on).
#
# Seeds come from tests/fuzz/corpus/<target>/; new inputs go to the build dir's working
# corpus, never into the source tree.  A crash is written to tests/fuzz/crash-<target>-<sha1>
# (git-ignored): minimise it, fix the bug, and keep it in corpus/<target>/ as a regression.
# Exit status: 0 when every target ran clean, 1 when one of them crashed.
set -eu

seconds=${1:-60}
srcdir=$(cd "$(dirname "$0")/../.." && pwd)
builddir=${FUZZ_BUILDDIR:-$srcdir/build-fuzz}
targets="serial-text line csv"

if [ ! -f "$builddir/build.ninja" ]; then
  CC=clang meson setup "$builddir" "$srcdir" \
    -Dfuzzing=true -Db_sanitize=address,undefined -Db_lundef=false -Dgui=disabled
fi

build_targets=""
for target in $targets; do
  build_targets="$build_targets tests/fuzz/fuzz-$target"
done
# shellcheck disable=SC2086
ninja -C "$builddir" $build_targets

# Undefined behaviour is a crash too, not a line in a log.
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1}"

status=0
for target in $targets; do
  exe="$builddir/tests/fuzz/fuzz-$target"
  seeds="$srcdir/tests/fuzz/corpus/fuzz-$target"
  work="$builddir/tests/fuzz/corpus-fuzz-$target"
  log="$builddir/tests/fuzz/fuzz-$target.log"
  mkdir -p "$work"

  if "$exe" -max_total_time="$seconds" -print_final_stats=1 -max_len=4096 -timeout=10 \
       -artifact_prefix="$srcdir/tests/fuzz/crash-fuzz-$target-" \
       "$work" "$seeds" >"$log" 2>&1; then
    result="ok"
  else
    result="CRASH (see $log)"
    status=1
  fi

  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
  echo "fuzz-$target: ${execs:-?} executions in ${seconds} s: $result"
done

exit $status
