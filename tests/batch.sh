#!/bin/sh
# Many files in one run: --keep-going, standard input, the progress bar.
#  - without --keep-going the first bad file ends the run: exit 2, no output;
#  - with it, the bad file's message, the others' results (and nothing of
#    the bad file's), "failed_files" in JSON, a summary line, exit 1; all
#    files bad: exit 2 and no output file;
#  - '-' reads standard input, with the same results as the file; twice is
#    refused;
#  - the progress bar shows on a terminal (script(1) gives one), never
#    with --quiet, never when standard error is a file or a pipe.
set -u
: "${srcdir:=.}" "${EFFEKT:=$PWD/effekt}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL $*"; }
SEED=$srcdir/datasets/seed_projects.csv SEED_DA=$srcdir/datasets/seed_projects_da.csv
P=$srcdir/datasets/participants.csv SMALL=$srcdir/tests/data/participants_small.csv
NEG=$srcdir/tests/bad/negative_budget.csv RAGGED=$srcdir/tests/bad/ragged.csv

# kpi: good, bad, good
"$EFFEKT" kpi -q --format json -o "$tmp/k.json" "$SEED" "$NEG" "$SEED_DA" 2>"$tmp/err"
if [ $? -eq 2 ] && [ ! -e "$tmp/k.json" ] && grep -q "negative_budget.csv:3:2: error" "$tmp/err"; then ok; else bad "kpi without --keep-going: exit 2, no output"; fi
"$EFFEKT" kpi -q --keep-going --format json -o "$tmp/k.json" "$SEED" "$NEG" "$SEED_DA" 2>"$tmp/err"
st=$?
if [ $st -eq 1 ] && grep -q "1 of 3 files failed and were left out (--keep-going); the results are from the other 2" "$tmp/err" \
   && grep -q "negative_budget.csv:3:2: error" "$tmp/err"; then ok; else bad "kpi --keep-going: exit $st, expected 1 and a summary"; cat "$tmp/err"; fi
if grep -q '"failed_files"' "$tmp/k.json" && grep -A1 '"failed_files"' "$tmp/k.json" | grep -q 'negative_budget.csv'; then ok; else bad "kpi --keep-going: no failed_files in the JSON"; fi
# the same projects as the two good files run alone
"$EFFEKT" kpi -q --format csv "$SEED" "$SEED_DA" 2>/dev/null | cut -d, -f3- >"$tmp/two"
"$EFFEKT" kpi -q --keep-going --format csv "$SEED" "$NEG" "$SEED_DA" 2>/dev/null | cut -d, -f3- >"$tmp/kg"
if [ -s "$tmp/two" ] && cmp -s "$tmp/two" "$tmp/kg"; then ok; else bad "kpi --keep-going: projects differ from the good files alone"; diff "$tmp/two" "$tmp/kg" | head -5; fi
"$EFFEKT" kpi -q --keep-going -o "$tmp/none.csv" "$NEG" "$RAGGED" 2>"$tmp/err"
if [ $? -eq 2 ] && [ ! -e "$tmp/none.csv" ] && grep -q "2 of 2 files failed .*no results" "$tmp/err"; then ok; else bad "kpi --keep-going, every file bad: exit 2, no output"; fi

# describe: a file that fails half-way (a negative weight in its second
# group) leaves none of its rows behind
printf 'g,x,w\nA,1,1\nA,2,1\nB,3,1\nB,4,-1\n' >"$tmp/negw.csv"
printf 'g,x,w\nA,5,1\nA,6,2\nB,7,1\n' >"$tmp/good.csv"
"$EFFEKT" describe -q --keep-going --weight w -c x --by g --format csv "$tmp/good.csv" "$tmp/negw.csv" "$tmp/good.csv" >"$tmp/d.csv" 2>"$tmp/err"
st=$?
rows=$(grep -c "negw.csv" "$tmp/d.csv") goods=$(grep -c "good.csv" "$tmp/d.csv")
if [ $st -eq 1 ] && [ "$rows" -eq 0 ] && [ "$goods" -eq 4 ] && grep -q "weight -1 in column .w. is negative" "$tmp/err"; then ok
else bad "describe --keep-going: exit $st, $rows rows of the bad file, $goods of the good ones (expected 1, 0, 4)"; fi
"$EFFEKT" describe -q --partial --keep-going -c age "$P" 2>"$tmp/err"
if [ $? -eq 2 ] && grep -q "does not take --keep-going" "$tmp/err"; then ok; else bad "describe --partial --keep-going was not refused"; fi

# compare and retention
"$EFFEKT" compare -q --keep-going --by project_id --outcome placed_date --format json -o "$tmp/c.json" "$P" "$RAGGED" 2>/dev/null
st=$?
if [ $st -eq 1 ] && grep -q "ragged.csv" "$tmp/c.json" && grep -q '"groups"' "$tmp/c.json"; then ok; else bad "compare --keep-going: exit $st"; fi
"$EFFEKT" retention -q --keep-going --by project_id --format csv "$RAGGED" "$P" >"$tmp/r.csv" 2>/dev/null
st=$?
if [ $st -eq 1 ] && grep -q "^GOVEST" "$tmp/r.csv"; then ok; else bad "retention --keep-going: exit $st"; fi
"$EFFEKT" retention -q --by project_id "$RAGGED" "$P" >/dev/null 2>&1
if [ $? -eq 2 ]; then ok; else bad "retention without --keep-going did not stop at the bad file"; fi

# standard input
"$EFFEKT" describe -q -c age,cost --by project_id --format csv "$P" >"$tmp/file" 2>/dev/null
"$EFFEKT" describe -q -c age,cost --by project_id --format csv - <"$P" >"$tmp/stdin" 2>/dev/null
if [ -s "$tmp/file" ] && cmp -s "$tmp/file" "$tmp/stdin"; then ok; else bad "describe -: differs from the file"; fi
"$EFFEKT" kpi -q --format csv "$SEED" >"$tmp/file" 2>/dev/null
"$EFFEKT" kpi -q --format csv - <"$SEED" >"$tmp/stdin" 2>/dev/null
if [ -s "$tmp/file" ] && cmp -s "$tmp/file" "$tmp/stdin"; then ok; else bad "kpi -: differs from the file"; fi
"$EFFEKT" retention -q --by project_id --format csv - <"$P" >"$tmp/stdin" 2>/dev/null
"$EFFEKT" retention -q --by project_id --format csv "$P" >"$tmp/file" 2>/dev/null
if [ -s "$tmp/file" ] && cmp -s "$tmp/file" "$tmp/stdin"; then ok; else bad "retention -: differs from the file"; fi
"$EFFEKT" kpi -q - - <"$SEED" >/dev/null 2>"$tmp/err"
if [ $? -eq 2 ] && grep -q "standard input ('-') can be read only once" "$tmp/err"; then ok; else bad "kpi - - was not refused"; fi

# the progress bar: a terminal from script(1); shown at once for the test
if command -v script >/dev/null 2>&1; then
    # 120,000 rows, so that reading takes several blocks of 256 KiB
    awk 'NR == 1 { print; next } { print } END { }' "$P" >"$tmp/many.csv"
    for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 \
             31 32 33 34 35 36 37 38 39 40 41 42 43 44 45 46 47 48 49 50 51 52 53 54 55 56 57 58 59 60 \
             61 62 63 64 65 66 67 68 69 70 71 72 73 74 75 76 77 78 79; do
        tail -n +2 "$P"
    done >>"$tmp/many.csv"
    EFFEKT_PROGRESS_AFTER=0 script -qec "'$EFFEKT' describe -c age '$tmp/many.csv' '$SMALL' >/dev/null" "$tmp/tty" >/dev/null 2>&1
    if grep -q "reading .* of .* MB" "$tmp/tty" && grep -q "file 2/2" "$tmp/tty"; then ok; else bad "no progress bar on a terminal"; cat -v "$tmp/tty" | head -5; fi
    EFFEKT_PROGRESS_AFTER=0 script -qec "'$EFFEKT' describe -q -c age '$tmp/many.csv' >/dev/null" "$tmp/tty" >/dev/null 2>&1
    if ! grep -q "reading" "$tmp/tty"; then ok; else bad "a progress bar despite --quiet"; fi
    EFFEKT_PROGRESS_AFTER=0 script -qec "'$EFFEKT' compare --by project_id --ratio cost/cost --bootstrap 5000 '$P' >/dev/null" "$tmp/tty" >/dev/null 2>&1
    if grep -q "resampling [0-9]* of 5000" "$tmp/tty"; then ok; else bad "no progress bar while resampling"; cat -v "$tmp/tty" | head -5; fi
fi
EFFEKT_PROGRESS_AFTER=0 "$EFFEKT" describe -c age "$P" 2>"$tmp/err" >/dev/null
if ! grep -q "$(printf '\r')" "$tmp/err" && ! grep -q "reading" "$tmp/err"; then ok; else bad "a progress bar into a file"; fi

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
