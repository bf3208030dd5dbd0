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
# the bundled spec is the final evaluation of Go Vest in Danish (issue 16):
# its document as PDF and HTML, its tables as CSV, the charts it draws
# itself (km-retention, funnel-placement) and the spec's own two
for f in report.pdf report.html report.docx results.json tables/attainment.csv tables/placement.csv charts/km-retention.svg \
         charts/funnel-placement.png charts/box-cost.png data/kpi.json; do
    if cmp -s "$tmp/a/$f" "$tmp/b/$f"; then ok; else bad "$f differs between two runs (or is missing)"; fi
done
n=$(ls "$tmp/a/charts" | grep -c '\.png$')
[ "$n" -eq 6 ] && ok || bad "$n PNG charts, expected 6 (the spec's two, km-retention, funnel-placement, fair-oe-funnel, fair-pool-forest)"
# Danish tables for Danish Excel: a UTF-8 BOM, ';' and decimal commas
if [ "$(head -c 3 "$tmp/a/tables/placement.csv" | od -An -tx1 | tr -d ' ')" = "efbbbf" ] &&
   grep -q ';46,7 % (30,2–63,9)' "$tmp/a/tables/placement.csv"; then ok
else bad "tables/placement.csv is not Danish CSV with the interval of Go Vest"; head -3 "$tmp/a/tables/placement.csv"; fi
sha=$(sha256sum "$srcdir/datasets/participants.csv" | cut -c1-64)
grep -q "\"sha256\":[[:space:]]*\"$sha\"" "$tmp/a/results.json" && ok || bad "results.json lacks the SHA-256 of participants.csv"
grep -q '"rows":[[:space:]]*1500' "$tmp/a/results.json" && ok || bad "results.json lacks the 1500 rows of participants.csv"
"$EFFEKT" report "$srcdir/tests/data/spec_bad.json" -o "$tmp/c" 2>/dev/null
[ $? -eq 2 ] && [ ! -e "$tmp/c" ] && ok || bad "a bad spec was not refused before writing"
# chart names the spec allows but a document id does not (capitals, '_'),
# or one the report uses itself ("summary"): the report is still made
# (the figure's id was the chart's name: exit 2 and no message)
mkdir -p "$tmp/names"
cp "$srcdir/datasets/"*.csv "$tmp/names/"
sed -e 's/"name": *"box-cost"/"name": "Box_Cost"/' -e 's/"name": *"stacked-funding"/"name": "summary"/' \
    "$spec" >"$tmp/names/spec.json"
if grep -q '"Box_Cost"' "$tmp/names/spec.json" && grep -q '"summary"' "$tmp/names/spec.json" &&
   "$EFFEKT" report -q "$tmp/names/spec.json" -o "$tmp/names/out" 2>"$tmp/names/err" &&
   [ -s "$tmp/names/out/report.pdf" ]; then ok
else bad "chart names Box_Cost and summary: no report"; cat "$tmp/names/err"; fi
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
[ $? -eq 2 ] && [ ! -e "$tmp/long/s" ] && grep -q "seed.json: seed: expected a whole number" "$tmp/err" && ok || bad "seed 2^64-1 in a spec was not refused"
# each input is read once, shared by every analysis and chart that names
# it: participants.csv was opened 16 times; a FIFO (readable once) as the
# input of three analyses and a chart works
mkdir -p "$tmp/once"
if command -v strace >/dev/null 2>&1; then
    strace -f -e trace=openat -o "$tmp/once/trace" "$EFFEKT" report -q "$spec" -o "$tmp/once/out" 2>/dev/null
    n=$(grep -c 'participants\.csv"' "$tmp/once/trace")
    [ "$n" -eq 1 ] && ok || bad "participants.csv opened $n times (expected once)"
    rm -rf "$tmp/once/out"
fi
mkfifo "$tmp/once/p.csv"
cat >"$tmp/once/spec.json" <<'SPEC'
{ "title": "FIFO", "inputs": { "p": { "file": "p.csv" } },
  "analyses": [ { "type": "describe", "input": "p", "columns": ["age"], "by": "project_id" },
                { "type": "compare", "input": "p", "by": "project_id", "outcome": "placed_date" },
                { "type": "retention", "input": "p", "by": "project_id", "at": [182] } ],
  "charts": [ { "kind": "km", "input": "p", "by": "project_id", "name": "km" } ] }
SPEC
cat "$srcdir/datasets/participants.csv" >"$tmp/once/p.csv" &
if timeout 60 "$EFFEKT" report -q "$tmp/once/spec.json" -o "$tmp/once/out" 2>"$tmp/err" &&
   grep -q '"retention_182d"' "$tmp/once/out/results.json" && [ -s "$tmp/once/out/charts/km.png" ]; then ok
else bad "a FIFO input shared by three analyses and a chart"; cat "$tmp/err"; fi
wait
# a failed run leaves nothing: the 3rd analysis names a column that is
# not there; no OUT_DIR, no temporary folder beside it; the message names
# the spec's path and key, not a command-line flag
mkdir -p "$tmp/fail"
cp "$srcdir/datasets/participants.csv" "$tmp/fail/"
cat >"$tmp/fail/spec.json" <<'SPEC'
{ "title": "Fails", "inputs": { "p": { "file": "participants.csv" } },
  "analyses": [ { "type": "describe", "input": "p", "columns": ["age"] },
                { "type": "compare", "input": "p", "by": "project_id", "outcome": "placed_date" },
                { "type": "compare", "input": "p", "by": "nosuch", "outcome": "placed_date" } ],
  "charts": [ { "kind": "km", "input": "p", "by": "project_id", "name": "km" } ] }
SPEC
"$EFFEKT" report -q "$tmp/fail/spec.json" -o "$tmp/fail/out" 2>"$tmp/err"
st=$?
left=$(ls -A "$tmp/fail" | grep -v -e '^spec.json$' -e '^participants.csv$')
if [ $st -eq 2 ] && [ -z "$left" ]; then ok; else bad "a failed report left: $left"; fi
grep -qF "spec.json: analyses[2].by: no column 'nosuch' in $tmp/fail/participants.csv" "$tmp/err" && ! grep -q -- '--by' "$tmp/err" && ok ||
    { bad "the failed analysis is not named by its spec path and key"; cat "$tmp/err"; }
# each note once: an input read by the KPIs, an analysis and a chart is
# read once and its reading note said once (the Windows-1252 note of the
# structural-funds export was printed 24 times before the report loaded
# each input once)
mkdir -p "$tmp/note"
cp "$srcdir/datasets/dk-structural-funds-2014-2020.csv" "$tmp/note/f.csv"
cat >"$tmp/note/spec.json" <<'SPEC'
{ "title": "Notes", "inputs": { "f": { "file": "f.csv" } }, "kpis": { "input": "f" },
  "analyses": [ { "type": "describe", "input": "f", "columns": ["total_cost"], "by": "fund" },
                { "type": "describe", "input": "f", "columns": ["eu_contribution"] } ],
  "charts": [ { "kind": "hist", "input": "f", "value": "total_cost", "name": "h" } ] }
SPEC
"$EFFEKT" report "$tmp/note/spec.json" -o "$tmp/note/out" 2>"$tmp/err"
n=$(grep -c 'read as Windows-1252' "$tmp/err")
[ "$n" -eq 1 ] && ok || { bad "the Windows-1252 note said $n times (expected once)"; cat "$tmp/err"; }
# a mistake found once the inputs are loaded (a participant file as the
# KPIs' input) leaves nothing either
cat >"$tmp/fail/level.json" <<'SPEC'
{ "title": "Level", "inputs": { "p": { "file": "participants.csv" } }, "kpis": { "input": "p" } }
SPEC
"$EFFEKT" report -q "$tmp/fail/level.json" -o "$tmp/fail/out" 2>"$tmp/err"
st=$?
left=$(ls -A "$tmp/fail" | grep -v -e '^spec.json$' -e '^level.json$' -e '^participants.csv$')
if [ $st -eq 2 ] && [ -z "$left" ] && grep -q "level.json: kpis.input: input 'p' (.*participants.csv) holds participants" "$tmp/err"; then ok
else bad "a participant file as the KPIs' input: exit $st, left: $left"; cat "$tmp/err"; fi
# both kinds on a file without a fund column (tests/data/nordic_projects.csv):
# the portfolio's summary pointed to tables only a fund column gives
mkdir -p "$tmp/kinds"
cp "$srcdir/tests/data/nordic_projects.csv" "$tmp/kinds/"
printf '{"kind":"portfolio","title":"t","inputs":{"p":{"file":"nordic_projects.csv"}},"kpis":{"input":"p"}}' >"$tmp/kinds/p.json"
printf '{"kind":"final","project":"AEB","title":"t","inputs":{"p":{"file":"nordic_projects.csv"}},"kpis":{"input":"p"}}' >"$tmp/kinds/f.json"
for k in p f; do
    if "$EFFEKT" report -q "$tmp/kinds/$k.json" -o "$tmp/kinds/out-$k" 2>"$tmp/err" && [ -s "$tmp/kinds/out-$k/report.docx" ]; then ok
    else bad "report kind $k of nordic_projects.csv"; cat "$tmp/err"; fi
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
