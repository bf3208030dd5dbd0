#!/bin/sh
# The man page agrees with --help: every command has its section in
# doc/effekt.1, and every option a command's --help lists is described in
# that section or among the options common to the commands.  Then the page
# must format without a warning (groff -ww), when groff is installed.
set -u
: "${srcdir:=.}" "${EFFEKT:=$PWD/effekt}"
page=$srcdir/doc/effekt.1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL $*"; }

sed 's/\\-/-/g' "$page" >"$tmp/page"
# the common options and the CSV options
awk '/^\.SH OPTIONS COMMON/ { on = 1; next } /^\.SH / { on = 0 } on' "$tmp/page" >"$tmp/common"
for cmd in validate kpi describe compare meta retention model merge report plot; do
    awk -v c="$cmd" '$0 ~ "^\\.SS \"effekt " c " " { on = 1; next } /^\.S[SH] / { on = 0 } on' "$tmp/page" >"$tmp/section"
    if [ ! -s "$tmp/section" ]; then bad "$cmd: no section in effekt.1"; continue; fi
    "$EFFEKT" "$cmd" --help | grep -o -- '--[a-z][a-z-]*' | sort -u >"$tmp/opts"
    missing=""
    while read -r opt; do
        grep -q -- "$opt\\b" "$tmp/section" || grep -q -- "$opt\\b" "$tmp/common" || missing="$missing $opt"
    done <"$tmp/opts"
    if [ -z "$missing" ]; then ok; else bad "$cmd: effekt.1 lacks$missing"; fi
done
# every command of 'effekt --help' is listed under COMMANDS
"$EFFEKT" --help | awk '/^Commands:/ { on = 1; next } on && /^  [a-z]/ { print $1 } on && !NF { exit }' >"$tmp/cmds"
missing=""
while read -r c; do grep -q "^\.B $c\$" "$tmp/page" || missing="$missing $c"; done <"$tmp/cmds"
if [ -s "$tmp/cmds" ] && [ -z "$missing" ]; then ok; else bad "COMMANDS lacks$missing"; fi
if command -v groff >/dev/null 2>&1; then
    groff -man -Tutf8 -ww -z "$page" 2>"$tmp/warn"
    if [ ! -s "$tmp/warn" ]; then ok; else bad "groff warns:"; cat "$tmp/warn"; fi
fi
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
