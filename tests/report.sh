#!/bin/sh
# effekt report over the bundled spec: report.pdf, results.json and the
# charts are written; a second run gives the same bytes; results.json
# carries each input's SHA-256 and rows; a bad spec writes nothing.
set -u
: "${srcdir:=.}" "${EFFEKT:=$PWD/effekt}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL $*"; }
spec=$srcdir/datasets/report-spec.json
"$EFFEKT" report -q "$spec" -o "$tmp/a" 2>"$tmp/err" || { bad "report failed"; cat "$tmp/err"; }
"$EFFEKT" report -q "$spec" -o "$tmp/b" 2>/dev/null
[ "$(head -c 5 "$tmp/a/report.pdf")" = "%PDF-" ] && ok || bad "no report.pdf"
for f in report.pdf results.json charts/km-retention.svg charts/funnel-placement-rate.png data/kpi.json; do
    if cmp -s "$tmp/a/$f" "$tmp/b/$f"; then ok; else bad "$f differs between two runs (or is missing)"; fi
done
n=$(ls "$tmp/a/charts" | grep -c '\.png$')
[ "$n" -eq 7 ] && ok || bad "$n PNG charts, expected 7"
sha=$(sha256sum "$srcdir/datasets/participants.csv" | cut -c1-64)
grep -q "\"sha256\":[[:space:]]*\"$sha\"" "$tmp/a/results.json" && ok || bad "results.json lacks the SHA-256 of participants.csv"
grep -q '"rows":[[:space:]]*1500' "$tmp/a/results.json" && ok || bad "results.json lacks the 1500 rows of participants.csv"
"$EFFEKT" report "$srcdir/tests/data/spec_bad.json" -o "$tmp/c" 2>/dev/null
[ $? -eq 2 ] && [ ! -e "$tmp/c" ] && ok || bad "a bad spec was not refused before writing"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
