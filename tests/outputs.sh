#!/bin/sh
# -o never replaces a file the command reads, whatever option named it:
# the files on the command line, standard input, --rates, --deflator, a
# report's spec and every input the spec names; for a report, neither
# OUT_DIR nor any file written inside it (data/, charts/, report.pdf,
# results.json).  Caught by device and inode: the same spelling, another
# relative path, a symbolic link, a hard link.  Each refusal: exit 2, the
# message "effekt: OUT: error: ... an input (...); refusing to overwrite
# it", every input unchanged (checksums), nothing written.
# Also: -o '' says the path is empty; a wrong chart extension has the
# standard form.
set -u
: "${srcdir:=.}" "${EFFEKT:=$PWD/effekt}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL $*"; }
srcdir=$(cd "$srcdir" && pwd)

# the fixtures, made afresh after a failed case (so that on a build that
# overwrites one, each case still fails on its own)
fixtures() {
    cd "$tmp" && rm -rf w && mkdir w w/sub || exit 99
    cp "$srcdir/tests/data/mixed_currency.csv" w/projects.csv
    cp "$srcdir/tests/data/rates.csv" w/rates.csv
    cp "$srcdir/tests/data/deflator.csv" w/deflator.csv
    cp "$srcdir/datasets/seed_projects.csv" w/seed.csv
    ln w/rates.csv w/rates-hard.csv
    ln -s rates.csv w/rates-link.csv
    ln -s ../deflator.csv w/sub/deflator-link.csv
    cd w || exit 99
}
fixtures
sums() { cksum projects.csv rates.csv deflator.csv seed.csv; }
before=$(sums)

# refused NAME EXPECTED-STDERR ARGS...: exit 2, the message, inputs as they were
refused() {
    name=$1 want=$2
    shift 2
    "$EFFEKT" "$@" >"$tmp/out" 2>"$tmp/err"
    st=$?
    if [ $st -eq 2 ] && grep -qF -- "$want" "$tmp/err" && [ "$(sums)" = "$before" ] && [ ! -s "$tmp/out" ]; then ok
    else bad "$name: exit $st"; sed 's/^/  /' "$tmp/err"; [ -n "${fresh:-}" ] && fixtures; fi
}
fresh=1
K="kpi -q --currency EUR"
refused "--rates, same spelling" \
    "effekt: rates.csv: error: -o names an input (--rates); refusing to overwrite it" \
    $K --rates rates.csv -o rates.csv projects.csv
refused "--rates, ./ spelling" \
    "effekt: ./rates.csv: error: -o names an input (--rates rates.csv, the same file by another name); refusing to overwrite it" \
    $K --rates rates.csv -o ./rates.csv projects.csv
refused "--rates, from a subfolder (../)" \
    "effekt: sub/../rates.csv: error: -o names an input (--rates rates.csv, the same file" \
    $K --rates rates.csv -o sub/../rates.csv projects.csv
refused "--rates, absolute path" "refusing to overwrite it" \
    $K --rates rates.csv -o "$tmp/w/rates.csv" projects.csv
refused "--rates, -o a hard link to it" \
    "effekt: rates-hard.csv: error: -o names an input (--rates rates.csv, the same file by another name)" \
    $K --rates rates.csv -o rates-hard.csv projects.csv
refused "--rates a symbolic link, -o the file" \
    "effekt: rates.csv: error: -o names an input (--rates rates-link.csv, the same file by another name)" \
    $K --rates rates-link.csv -o rates.csv projects.csv
refused "-o a symbolic link to --rates" \
    "effekt: rates-link.csv: error: -o names an input (--rates rates.csv" \
    $K --rates rates.csv -o rates-link.csv projects.csv
refused "--deflator" \
    "effekt: deflator.csv: error: -o names an input (--deflator); refusing to overwrite it" \
    kpi -q --price-year 2020 --deflator deflator.csv -o deflator.csv seed.csv
refused "--deflator through a link in a subfolder" \
    "effekt: sub/deflator-link.csv: error: -o names an input (--deflator deflator.csv" \
    kpi -q --price-year 2020 --deflator deflator.csv -o sub/deflator-link.csv seed.csv
refused "the input file, another spelling" \
    "effekt: ./seed.csv: error: -o names an input (an input file seed.csv, the same file by another name)" \
    kpi -q -o ./seed.csv seed.csv
refused "standard input redirected from -o" \
    "effekt: seed.csv: error: -o names an input (standard input reads this file); refusing to overwrite it" \
    kpi -q -o seed.csv - <seed.csv
refused "describe, the second input" "effekt: seed.csv: error: -o names an input" \
    describe -q -c total_cost -o seed.csv projects.csv seed.csv
ln seed.csv seed-hard.png
refused "plot, a hard link" \
    "effekt: seed-hard.png: error: -o names an input (an input file seed.csv, the same file by another name)" \
    plot bar -q -o seed-hard.png seed.csv
rm seed-hard.png
# and the refusal comes before any work: no output, no temporary file
if [ -z "$(find . -name '.*.??????')" ] && [ ! -e seed-hard.png ]; then ok; else bad "files left behind"; fi
# writing a device is not replacing it: /dev/null in and out is allowed
"$EFFEKT" kpi -q -o /dev/null seed.csv 2>/dev/null
if [ $? -eq 0 ]; then ok; else bad "-o /dev/null"; fi

# ---- the report: the spec, the inputs it names, OUT_DIR and every file in it ----
spec() {   # spec FILE INPUT-FILE: a small spec: one input, its KPIs, one chart
    printf '{ "title": "t", "inputs": { "projects": { "file": "%s" } }, "kpis": { "input": "projects" },\n' "$2" >"$1"
    printf '  "analyses": [ { "type": "describe", "input": "projects", "columns": ["total_cost"] } ],\n' >>"$1"
    printf '  "charts": [ { "kind": "bar", "input": "projects", "kpi": "cost_per_participant", "name": "bar" } ] }\n' >>"$1"
}
fresh=
mkdir r && cd r || exit 99
cp ../seed.csv seed.csv
spec results.json seed.csv
sums() { cksum results.json seed.csv; }
before=$(sums)
refused "report: the spec is results.json in OUT_DIR" \
    "effekt: .: error: the output folder holds the spec (results.json); expected a folder without the spec or the inputs (write the report beside them)" \
    report -q results.json -o .
if [ ! -e data ] && [ ! -e charts ] && [ ! -e report.pdf ]; then ok; else bad "report: wrote before refusing"; fi
refused "report: -o the spec itself" \
    "effekt: results.json: error: -o names an input (an input file); refusing to overwrite it" \
    report -q results.json -o results.json
refused "report: -o an input the spec names" \
    "effekt: seed.csv: error: -o names an input (the spec's input 'projects' ./seed.csv, the same file by another name)" \
    report -q results.json -o seed.csv
# OUT_DIR may not hold the spec or an input, in it or below it (issue 16:
# a report folder is the report's alone); until issue 16 a spec inside
# OUT_DIR was allowed and only the files the report writes were checked
mkdir -p out/data out/charts
cp seed.csv out/data/kpi.json
spec out/spec.json data/kpi.json
sums() { cksum results.json seed.csv out/spec.json out/data/kpi.json; }
before=$(sums)
refused "report: the spec in OUT_DIR" \
    "effekt: out: error: the output folder holds the spec (out/spec.json); expected a folder without the spec or the inputs (write the report beside them)" \
    report -q out/spec.json -o out
spec in-out.json out/data/kpi.json
sums() { cksum results.json seed.csv in-out.json out/data/kpi.json; }
before=$(sums)
refused "report: an input in OUT_DIR/data" \
    "effekt: out: error: the output folder holds the spec's input 'projects' (./out/data/kpi.json)" \
    report -q in-out.json -o out
rm out/data/kpi.json out/spec.json
# an input reached through a symbolic link from OUT_DIR/charts, a hard link as report.pdf
ln -s ../../seed.csv out/charts/bar.png
spec beside.json seed.csv
sums() { cksum results.json seed.csv beside.json; }
before=$(sums)
refused "report: OUT_DIR/charts/bar.png links to an input" \
    "effekt: out/charts/bar.png: error: the report writes this file, and it is an input (the spec's input 'projects'" \
    report -q beside.json -o out
rm out/charts/bar.png
ln seed.csv out/report.pdf
refused "report: OUT_DIR/report.pdf is a hard link to an input" \
    "effekt: out/report.pdf: error: the report writes this file, and it is an input" \
    report -q beside.json -o out
rm out/report.pdf
ln beside.json out/data/analysis-1-describe.json
refused "report: the spec as OUT_DIR/data/analysis-1-describe.json" \
    "effekt: out/data/analysis-1-describe.json: error: the report writes this file, and it is an input (the spec beside.json" \
    report -q beside.json -o out
rm out/data/analysis-1-describe.json
if [ -z "$(ls -A out/data out/charts | grep -v -e '^out/' -e '^$')" ]; then ok; else bad "report: wrote before refusing"; ls -R out; fi
# with nothing in the way it runs into the existing OUT_DIR, and reads its inputs unchanged
"$EFFEKT" report -q beside.json -o out 2>"$tmp/err"
if [ $? -eq 0 ] && [ -s out/report.pdf ] && [ -s out/data/kpi.json ] && [ "$(sums)" = "$before" ]; then ok
else bad "report into an existing OUT_DIR beside its spec"; cat "$tmp/err"; fi
cd .. || exit 99

# ---- the form of the other output-path messages ----
"$EFFEKT" kpi -q -o '' seed.csv >"$tmp/out" 2>"$tmp/err"
if [ $? -eq 2 ] && grep -qxF "effekt: -o '': error: the output path is empty (expected a file name, or - for standard output)" "$tmp/err" &&
   ! grep -q folder "$tmp/err" && [ ! -s "$tmp/out" ]; then ok; else bad "-o ''"; cat "$tmp/err"; fi
"$EFFEKT" plot bar -q -o chart.jpg seed.csv 2>"$tmp/err"
if [ $? -eq 2 ] && grep -qxF "effekt: chart.jpg: error: expected a chart file OUT.png, OUT.svg or OUT.pdf (got 'chart.jpg')" "$tmp/err"
then ok; else bad "plot -o chart.jpg"; cat "$tmp/err"; fi
: >afile
"$EFFEKT" report -q r/beside.json -o afile/rep 2>"$tmp/err"
if [ $? -eq 2 ] && grep -qx "effekt: afile/rep: error: cannot create the folder: .*" "$tmp/err"; then ok; else bad "report -o under a file"; cat "$tmp/err"; fi

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
