#!/bin/sh
# Golden CLI tests: each NAME.args is a command line (run from the source
# folder), NAME.out its exact standard output, NAME.status its exit status
# (0 when absent).  Then the checks that two spellings of the same facts
# give the same answers.
set -u
: "${srcdir:=.}" "${EFFEKT:=$PWD/effekt}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$srcdir" || exit 99
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL $*"; }

for args_file in tests/cli/*.args; do
    name=$(basename "$args_file" .args)
    want_status=0
    [ -f "tests/cli/$name.status" ] && want_status=$(cat "tests/cli/$name.status")
    # shellcheck disable=SC2046
    eval "set -- $(cat "$args_file")"
    "$EFFEKT" "$@" >"$tmp/out" 2>"$tmp/err"
    status=$?
    if [ "$status" -ne "$want_status" ]; then
        bad "$name: exit status $status, expected $want_status"; sed 's/^/  /' "$tmp/err"; continue
    fi
    if [ -f "tests/cli/$name.out" ] && ! cmp -s "$tmp/out" "tests/cli/$name.out"; then
        bad "$name: output differs"; diff "tests/cli/$name.out" "$tmp/out" | head -20; continue
    fi
    if [ -f "tests/cli/$name.err" ] && ! grep -qF -f "tests/cli/$name.err" "$tmp/err"; then
        bad "$name: stderr lacks $(cat "tests/cli/$name.err")"; sed 's/^/  /' "$tmp/err"; continue
    fi
    ok
done

# The English and the Danish seed files hold the same facts: validate shows
# the same canonical columns, types and values; kpi the same KPIs.
# how the file was written (headings, encoding, grouping) differs; the facts must not
strip() { grep -v -E '"(file|heading|encoding|delimiter|decimal_mark|notes|sha256|line|column|severity|message)"' ; }
cols() { awk '/"problems"/ { exit } { print }' ; }
"$EFFEKT" validate -q --format json --values datasets/seed_projects.csv | cols | strip >"$tmp/en" 2>/dev/null
"$EFFEKT" validate -q --format json --values datasets/seed_projects_da.csv | cols | strip >"$tmp/da" 2>/dev/null
if [ -s "$tmp/en" ] && cmp -s "$tmp/en" "$tmp/da"; then ok; else bad "validate: seed_projects.csv and seed_projects_da.csv differ"; diff "$tmp/en" "$tmp/da" | head; fi
"$EFFEKT" kpi -q --format json datasets/seed_projects.csv 2>/dev/null | strip >"$tmp/en"
"$EFFEKT" kpi -q --format json datasets/seed_projects_da.csv 2>/dev/null | strip >"$tmp/da"
if [ -s "$tmp/en" ] && cmp -s "$tmp/en" "$tmp/da"; then ok; else bad "kpi: seed_projects.csv and seed_projects_da.csv differ"; diff "$tmp/en" "$tmp/da" | head; fi

# -o writes atomically and refuses to overwrite an input
"$EFFEKT" kpi -q -o "$tmp/k.csv" --format csv datasets/seed_projects.csv 2>/dev/null
if [ -s "$tmp/k.csv" ] && [ -z "$(ls -A "$tmp" | grep '^\.k\.csv')" ]; then ok; else bad "kpi -o did not write $tmp/k.csv whole"; fi
cp datasets/seed_projects.csv "$tmp/in.csv"
"$EFFEKT" kpi -q -o "$tmp/in.csv" "$tmp/in.csv" 2>"$tmp/err"
if [ $? -eq 2 ] && cmp -s datasets/seed_projects.csv "$tmp/in.csv" && grep -q "error: -o names an input (an input file); refusing to overwrite it" "$tmp/err"; then ok; else bad "kpi -o over its input was not refused"; fi
if [ -w /dev/full ]; then
    "$EFFEKT" kpi -q datasets/seed_projects.csv >/dev/full 2>"$tmp/err"
    if [ $? -eq 2 ] && grep -q "cannot write" "$tmp/err"; then ok; else bad "writing to a full disk did not fail cleanly"; fi
fi

# Charts: every kind in every format; PNG, SVG and PDF by their magic
# bytes; SVG and PDF the same bytes when drawn twice; nothing left behind.
D=datasets
while IFS='|' read -r name args; do
    case $name in ''|'#'*) continue ;; esac
    eval "set -- $args"
    for ext in png svg pdf; do
        if ! "$EFFEKT" plot "$@" -q -o "$tmp/$name.$ext" 2>"$tmp/err"; then
            bad "plot $name.$ext failed"; sed 's/^/  /' "$tmp/err"; continue
        fi
        case $ext in
            png) magic=$(head -c 4 "$tmp/$name.$ext" | od -An -c | tr -d ' \n'); want='211PNG' ;;
            svg) magic=$(head -c 200 "$tmp/$name.$ext" | grep -c '<svg'); want=1 ;;
            pdf) magic=$(head -c 5 "$tmp/$name.$ext"); want='%PDF-' ;;
        esac
        if [ "$magic" != "$want" ]; then bad "plot $name.$ext is not a $ext file ($magic)"; continue; fi
        if [ "$ext" != png ]; then
            "$EFFEKT" plot "$@" -q -o "$tmp/again.$ext" 2>/dev/null
            if ! cmp -s "$tmp/$name.$ext" "$tmp/again.$ext"; then bad "plot $name.$ext differs when drawn again"; continue; fi
        fi
        ok
    done
done < plots/charts.txt
if [ -z "$(ls -A "$tmp" | grep '^\.')" ]; then ok; else bad "plot left temporary files: $(ls -A "$tmp" | grep '^\.')"; fi
# a chart cannot be written over its input, nor into a missing folder
"$EFFEKT" plot bar -q --kpi cost_per_participant -o "$tmp/in.csv.svg" "$tmp/in.csv" >/dev/null 2>&1 && ok || bad "plot to a new .svg beside the input failed"
"$EFFEKT" plot hist --value age -q -o /nonexistent-dir/h.png datasets/participants.csv 2>"$tmp/err"
if [ $? -eq 2 ] && [ -s "$tmp/err" ]; then ok; else bad "plot into a missing folder did not fail cleanly"; fi

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
