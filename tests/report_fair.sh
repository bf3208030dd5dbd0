#!/bin/sh
# The fair comparison of the bundled Go Vest report (issue 19): its
# models as the report writes them (data/fair-*.json) are the same bytes
# as the commands give on the same data, so the section's tables show
# what effekt compare --adjust, effekt meta and effekt retention --cox
# say; results.json carries them; the report's text shows the figures
# as the Danish locale writes them.  The figures themselves are checked
# against R in tests/unit/test_report_fair.c.
set -u
: "${srcdir:=.}" "${EFFEKT:=$PWD/effekt}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL $*"; }
spec=$srcdir/datasets/report-spec.json
p=$srcdir/datasets/participants.csv
"$EFFEKT" report -q "$spec" -o "$tmp/r" 2>"$tmp/err" || { bad "report failed"; cat "$tmp/err"; }
"$EFFEKT" compare "$p" --by project_id --outcome placed_date --adjust age,gender,education -f json >"$tmp/casemix.json"
"$EFFEKT" meta "$p" --by project_id --outcome placed_date -f json >"$tmp/meta.json"
"$EFFEKT" retention "$p" --cox age,gender -f json >"$tmp/cox.json"
for m in casemix meta cox; do
    if cmp -s "$tmp/$m.json" "$tmp/r/data/fair-$m.json"; then ok
    else bad "data/fair-$m.json differs from the command's JSON"; diff "$tmp/$m.json" "$tmp/r/data/fair-$m.json" | head -5; fi
done
grep -q '"fair_comparison":' "$tmp/r/results.json" && ok || bad "results.json lacks fair_comparison"
for t in fair-oe fair-casemix-model fair-pool fair-cox fair-cox-tests; do
    [ -s "$tmp/r/tables/$t.csv" ] && ok || bad "tables/$t.csv missing"
done
if command -v pdftotext >/dev/null 2>&1; then
    pdftotext -enc UTF-8 "$tmp/r/report.pdf" "$tmp/r.txt"
    # the summary points to the section; the figures as the tables show them
    for want in "Retfærdig sammenligning" "O/F 0,86 (0,47–1,45), inden for grænserne" "se afsnit" \
                "0,64 (0,48–0,83)" "32,3–69,3" "1,010 (0,846–1,207)" "p < 0,001" "τ² = 0,130"; do
        grep -qF "$want" "$tmp/r.txt" && ok || bad "'$want' not in the report's text"
    done
    # each caption marked synthetic (lines joined: a caption may wrap)
    tr '\n' ' ' <"$tmp/r.txt" >"$tmp/joined.txt"
    for cap in "justeret for alder, køn og uddannelse (syntetiske data)" \
               "Andel i job efter projekt, samlet med tilfældige effekter (syntetiske data)" \
               "Hazard ratio for at stoppe i jobbet (syntetiske data)"; do
        grep -qF "$cap" "$tmp/joined.txt" && ok || bad "'$cap' not in the report's text"
    done
fi
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
