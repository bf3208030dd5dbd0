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
# lists of any length reach the analyses whole, numbers as written: 40
# horizons (the 16th was cut at a 512-byte buffer), one of 1234567 days
# (%g made it 1.23457e+06), 100 times the same column (argument vectors
# stopped at 95)
mkdir -p "$tmp/long"
cp "$srcdir/datasets/participants.csv" "$tmp/long/"
at=$(i=1; while [ $i -le 39 ]; do printf '%d, ' $((i * 30)); i=$((i + 1)); done; printf '1234567')
cols=$(i=1; while [ $i -le 100 ]; do printf '"age", '; i=$((i + 1)); done; printf '"cost"')
cat >"$tmp/long/spec.json" <<SPEC
{ "title": "Lists", "inputs": { "p": { "file": "participants.csv" } },
  "analyses": [
    { "type": "retention", "input": "p", "by": "project_id", "at": [$at] },
    { "type": "describe", "input": "p", "columns": [$cols] } ] }
SPEC
if "$EFFEKT" report -q "$tmp/long/spec.json" -o "$tmp/long/out" 2>"$tmp/err"; then
    grep -q '"retention_1234567d"' "$tmp/long/out/results.json" && ok || bad "horizon 1234567 lost"
    grep -q '"retention_1170d"' "$tmp/long/out/results.json" && ok || bad "the 39th horizon lost"
else
    bad "a report with long lists failed"; cat "$tmp/err"
fi
# a seed a JSON number cannot hold exactly is refused, nothing written
printf '{ "title": "s", "seed": 18446744073709551615, "inputs": { "p": { "file": "participants.csv" } } }' >"$tmp/long/seed.json"
"$EFFEKT" report "$tmp/long/seed.json" -o "$tmp/long/s" 2>"$tmp/err"
[ $? -eq 2 ] && [ ! -e "$tmp/long/s" ] && grep -q "error: seed: expected a whole number" "$tmp/err" && ok || bad "seed 2^64-1 in a spec was not refused"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
