#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The storage boundary (issue 18): only the drivers include or call SQLite and libpq.
#   src/core/db/sqlite/    the only place for sqlite3.h and sqlite3_* calls
#   src/core/db/postgres/  the only place for libpq-fe.h and PQ* calls
# Everything else speaks src/core/db/st-db.h.  Prints each offending line; exit 1 if any.
set -eu
root=${1:?usage: check-boundaries.sh SOURCE_ROOT}
cd "$root"
status=0

offenders () {
  # $1: pattern, $2: the driver folder allowed to match it
  git ls-files -- 'src/*.c' 'src/*.h' 2>/dev/null | grep -v "^$2/" | tr '\n' '\0' \
    | xargs -0 grep -nE "$1" /dev/null || true
}

# $1: the library, $2: the pattern of its use, $3: the driver folder allowed to use it
check () {
  found=$(offenders "$2" "$3")
  if [ -n "$found" ]; then
    echo "$1 used outside $3/:"
    echo "$found"
    status=1
  fi
}

check SQLite '#[[:space:]]*include[[:space:]]*[<"]sqlite3\.h[>"]|\bsqlite3_[a-z_0-9]+[[:space:]]*\(' \
      src/core/db/sqlite
check libpq '#[[:space:]]*include[[:space:]]*[<"]libpq-fe\.h[>"]|\bPQ[a-z][A-Za-z]*[[:space:]]*\(' \
      src/core/db/postgres
[ $status -eq 0 ] && echo "ok: sqlite3 and libpq only in their drivers"
exit $status
