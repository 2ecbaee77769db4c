#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# check-quickstart.sh SRCDIR — build-aux/quickstart run by a user without root and without
# sudo, with packages missing: it says what to install and to run it as root, exits 1, and
# never tries sudo ("sudo: command not found").  Tools are stubbed on a PATH of their own.
set -euo pipefail
src=$1
stub=$(mktemp -d)
trap 'rm -rf "$stub"' EXIT
for tool in bash dirname grep; do ln -s "$(command -v "$tool")" "$stub/$tool"; done
printf '#!%s\necho 1000\n' "$(command -v bash)" > "$stub/id"
printf '#!%s\nexit 1\n' "$(command -v bash)" > "$stub/dpkg-query"
chmod +x "$stub/id" "$stub/dpkg-query"

status=0
out=$(PATH=$stub "$stub/bash" "$src/build-aux/quickstart" run 2>&1) || status=$?
echo "$out"
[ "$status" -eq 1 ] || { echo "FAIL: exit status $status, not 1"; exit 1; }
case $out in *"sudo: command not found"*|*"sudo: "*) echo "FAIL: tried sudo"; exit 1 ;; esac
case $out in *"as root, run"*"apt-get install"*libgtk-4-dev*) ;; *) echo "FAIL: no advice"; exit 1 ;; esac
echo "ok: says what to run as root"
