#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# check-po.sh SRCDIR — the translation checks of the test suite:
#  1. POTFILES.in lists every source file that has translatable strings (and nothing missing);
#  2. every .po in LINGUAS compiles with `msgfmt --check` (formats, plurals, header) and keeps
#     one keyboard mnemonic where the English has one, with no fuzzy or untranslated entry;
#  3. every message of a .pot freshly extracted from the sources is translated in every .po
#     (a new string without its translations fails here, naming it).
set -uo pipefail
src=${1:?usage: check-po.sh SRCDIR}
cd "$src"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0

# 1. POTFILES.in completeness.
grep -v '^#' po/POTFILES.in | sed '/^$/d' | sort > "$tmp/listed"
if ! sort -c "$tmp/listed" 2>/dev/null; then :; fi
{
  grep -rlE '\b(N?C?_|ngettext|g_dngettext)[[:space:]]*\(' src --include='*.c' || true
  grep -rl 'translatable="yes"' src data --include='*.ui' --include='*.xml' --include='*.in' || true
  ls data/*.xml.in data/*.gschema.xml ./*.desktop 2>/dev/null | sed 's|^\./||' || true
} | sed 's|^\./||' | sort -u > "$tmp/needed"
missing=$(comm -13 "$tmp/listed" "$tmp/needed")
if [ -n "$missing" ]; then
  echo "po/POTFILES.in misses files with translatable strings:"; echo "$missing" | sed 's/^/  /'
  status=1
fi
stale=$(while read -r f; do [ -e "$f" ] || echo "$f"; done < "$tmp/listed")
if [ -n "$stale" ]; then
  echo "po/POTFILES.in lists files that do not exist:"; echo "$stale" | sed 's/^/  /'
  status=1
fi

# 3. Extract a fresh template, as meson's i18n.gettext(preset: 'glib') does.
xgettext --from-code=UTF-8 --add-comments --package-name=serialtrack \
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 --keyword=g_dngettext:2,3 \
  --keyword=g_dpgettext2:2c,3 --flag=g_set_error:4:c-format --flag=g_strdup_printf:1:c-format \
  --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format \
  -f <(grep -v '^#' po/POTFILES.in | sed '/^$/d' | while read -r f; do [ -e "$f" ] && echo "$f"; done) \
  -o "$tmp/serialtrack.pot" 2> "$tmp/xgettext.err" || { cat "$tmp/xgettext.err"; status=1; }

# Accelerators ("<Control>f") are not for translators.
if [ -f "$tmp/serialtrack.pot" ]; then
  accels=$(grep -E '^msgid "<(Control|Primary|Shift|Alt|Super)>' "$tmp/serialtrack.pot")
  if [ -n "$accels" ]; then
    echo "Keyboard accelerators are marked translatable; remove translatable=\"yes\" from:"
    echo "$accels" | sed 's/^/  /'
    status=1
  fi
fi

for lang in $(grep -v '^#' po/LINGUAS); do
  po="po/$lang.po"
  if [ ! -f "$po" ]; then
    echo "$po is listed in po/LINGUAS but missing"; status=1; continue
  fi
  # 2. Compiles, correct formats and plurals; report the statistics.
  if ! stats=$(msgfmt --check --check-accelerators=_ --statistics -o /dev/null "$po" 2>&1); then
    echo "$po: msgfmt --check failed:"; echo "$stats"; status=1; continue
  fi
  echo "$po: $stats"
  if echo "$stats" | grep -qE 'fuzzy|untranslated'; then
    echo "$po has fuzzy or untranslated messages:"
    msgattrib --only-fuzzy --no-obsolete --no-wrap "$po" | grep -E '^msg(ctxt|id) ' \
      | grep -vx 'msgid ""' | head -20
    msgattrib --untranslated --no-obsolete --no-wrap "$po" | grep -E '^msg(ctxt|id) ' \
      | grep -vx 'msgid ""' | head -20
    status=1
  fi
  # 3. Nothing of the fresh template missing from the catalogue.
  if [ -f "$tmp/serialtrack.pot" ]; then
    msgmerge --quiet --no-fuzzy-matching -o "$tmp/$lang.merged.po" "$po" "$tmp/serialtrack.pot"
    # --no-wrap: each msgid on one line, so that a long one is named too.
    untranslated=$(msgattrib --untranslated --no-obsolete --no-wrap "$tmp/$lang.merged.po" \
                   | sed -n 's/^msgctxt \(.*\)/[\1]/p; s/^msgid \(.*\)/\1/p' | grep -vx '""' \
                   | sed -e ':a' -e '/^\[.*\]$/{N;s/\n/ /;ba' -e '}')
    if [ -n "$untranslated" ]; then
      echo "$po lacks translations of these strings (run: ninja -C build serialtrack-update-po,"
      echo "then translate them in po/$lang.po):"
      echo "$untranslated" | head -50 | sed 's/^/  /'
      status=1
    fi
  fi
done
exit $status
