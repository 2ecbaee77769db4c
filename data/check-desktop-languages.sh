#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# check-desktop-languages.sh MERGED.desktop LANG… — the merged desktop file has, for every
# language, a translation of each translatable key the source has.
set -uo pipefail
desktop=${1:?usage: check-desktop-languages.sh MERGED.desktop LANG...}
shift
status=0
keys=$(grep -oE '^(Name|GenericName|Comment|Keywords)=' "$desktop" | tr -d '=')
[ -n "$keys" ] || { echo "$desktop: no Name, GenericName, Comment or Keywords"; exit 1; }
for lang in "$@"; do
  for key in $keys; do
    if ! grep -qE "^$key\\[$lang\\]=." "$desktop"; then
      echo "$desktop: no $key[$lang]"; status=1
    fi
  done
done
exit $status
