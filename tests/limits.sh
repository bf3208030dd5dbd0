#!/bin/sh
# Faults and limits, through the command line:
#  - output to a full disk (/dev/full as standard output and as -o), into
#    a folder that does not exist or is a file, to a closed standard
#    output: a clear error, exit 2, no file or temporary file left, the
#    inputs unchanged; -o naming a device writes the device (never
#    replaces it), a symbolic link writes the file it names;
#  - limits: a field longer than the limit (a 2 GB endless quoted field
#    from a pipe ends at the limit, without reading on and without taking
#    the memory), more columns than the limit, a spec nested deeper than
#    cJSON's 1,000 levels;
#  - numbers at the edges: all values equal, one value, huge magnitudes
#    (sums beyond the double range are undefined with the reason), values
#    beyond the double range in the text (an error), subnormals, -0.
set -u
: "${srcdir:=.}" "${EFFEKT:=$PWD/effekt}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL $*"; }
SEED=$srcdir/datasets/seed_projects.csv P=$srcdir/datasets/participants.csv
sum_before=$(cat "$SEED" "$P" | cksum)

# ---- many stray bytes of another encoding in a UTF-8 file ----
# each asked libuchardet about the whole 256 KiB chunk again: 20,000 such
# rows took 2 minutes (fuzz_split timeout); the chunk's answer is kept
{ printf 'project_id,start_date,end_date\n'
  i=0; while [ $i -lt 20000 ]; do printf 'A,2019-09-09,2022-02\320\273\320\273\320-30e\n'; i=$((i + 1)); done
} >"$tmp/stray.csv"
start=$(date +%s)
timeout 60 "$EFFEKT" validate -q "$tmp/stray.csv" >/dev/null 2>&1
rc=$? secs=$(($(date +%s) - start))
[ $rc -ne 124 ] && [ $secs -le 20 ] && ok || bad "20,000 rows with a stray byte each: ${secs}s (rc $rc)"

# ---- full disk, unwritable places, closed stdout ----
if [ -w /dev/full ]; then
    for args in "kpi -q $SEED" "describe -q -c age $P" "compare -q --by project_id --outcome placed_date $P" \
                "retention -q --by project_id $P" "validate -q $SEED"; do
        # shellcheck disable=SC2086
        "$EFFEKT" $args >/dev/full 2>"$tmp/err"
        st=$?
        if [ $st -eq 2 ] && grep -q "cannot write: No space left on device" "$tmp/err"; then ok; else bad "${args%% *} >/dev/full: exit $st"; cat "$tmp/err"; fi
    done
    "$EFFEKT" kpi -q -o /dev/full "$SEED" 2>"$tmp/err"
    st=$?
    if [ $st -eq 2 ] && [ -c /dev/full ] && grep -q "/dev/full: error: cannot write: No space left on device" "$tmp/err"; then ok
    else bad "kpi -o /dev/full: exit $st, or /dev/full is no longer a device"; fi
    "$EFFEKT" plot bar -q "$SEED" -o /dev/full.png 2>/dev/null
    [ -e /dev/full.png ] && rm -f /dev/full.png
fi
"$EFFEKT" kpi -q -o /dev/null "$SEED" 2>/dev/null
if [ $? -eq 0 ] && [ -c /dev/null ]; then ok; else bad "kpi -o /dev/null did not write the device"; fi
"$EFFEKT" kpi -q --format csv -o /dev/stdout "$SEED" >"$tmp/via-link.csv" 2>/dev/null
"$EFFEKT" kpi -q --format csv "$SEED" >"$tmp/direct.csv" 2>/dev/null
if [ -s "$tmp/direct.csv" ] && cmp -s "$tmp/direct.csv" "$tmp/via-link.csv" && [ -L /dev/stdout ]; then ok; else bad "kpi -o /dev/stdout (a link to a file)"; fi
"$EFFEKT" kpi -q -o "$tmp/no/such/folder/k.csv" "$SEED" 2>"$tmp/err"
if [ $? -eq 2 ] && grep -q "cannot create the output: No such file or directory" "$tmp/err"; then ok; else bad "-o into a missing folder"; fi
: >"$tmp/afile"
"$EFFEKT" describe -q -c age -o "$tmp/afile/out.csv" "$P" 2>"$tmp/err"
if [ $? -eq 2 ] && grep -q "cannot create the output: Not a directory" "$tmp/err"; then ok; else bad "-o under a file"; fi
"$EFFEKT" kpi -q -o "$tmp" "$SEED" 2>"$tmp/err"
if [ $? -eq 2 ] && grep -q "names a folder" "$tmp/err"; then ok; else bad "-o naming a folder"; fi
if [ "$(id -u)" -ne 0 ]; then   # root writes anywhere
    mkdir "$tmp/ro" && chmod 555 "$tmp/ro"
    "$EFFEKT" kpi -q -o "$tmp/ro/k.csv" "$SEED" 2>"$tmp/err"
    if [ $? -eq 2 ] && grep -q "Permission denied" "$tmp/err"; then ok; else bad "-o into a read-only folder"; fi
    chmod 755 "$tmp/ro"
fi
"$EFFEKT" report -q "$srcdir/datasets/report-spec.json" -o /proc/effekt-report 2>"$tmp/err"
if [ $? -eq 2 ] && [ -s "$tmp/err" ]; then ok; else bad "report into an unwritable place"; fi
"$EFFEKT" kpi -q "$SEED" >&- 2>"$tmp/err"
st=$?
if [ $st -eq 2 ] && grep -q "cannot write: Bad file descriptor" "$tmp/err"; then ok; else bad "kpi with standard output closed: exit $st"; cat "$tmp/err"; fi
"$EFFEKT" describe -q -c age "$P" >&- 2>/dev/null
if [ $? -eq 2 ]; then ok; else bad "describe with standard output closed"; fi
# nothing was left behind, and the inputs are as they were
if [ -z "$(find "$tmp" -name '.*.??????' 2>/dev/null)" ]; then ok; else bad "temporary files left behind"; fi
if [ "$(cat "$SEED" "$P" | cksum)" = "$sum_before" ]; then ok; else bad "an input changed"; fi

# ---- limits ----
# A quoted field that never ends: 2 GB from a pipe.  The reader gives up
# at the 64 MiB field limit: the message, exit 2, well under a second of
# reading per 64 MiB, and the memory of one field (ulimit -v keeps the
# test honest: holding 2 GB would fail differently).
(
    # AddressSanitizer reserves terabytes of address space for its shadow:
    # no ulimit -v under it (the plain build checks the memory bound)
    [ -z "${SANITIZERS:-}" ] && ulimit -v 1500000 2>/dev/null
    { printf 'project_id,notes\nP1,"'; head -c 2147483648 /dev/zero | tr '\0' 'a'; } |
        "$EFFEKT" validate -q - >/dev/null 2>"$tmp/err"
    echo $? >"$tmp/st"
)
if [ "$(cat "$tmp/st")" -eq 2 ] && grep -q "<stdin>:2:2: error: a field longer than 67108864 bytes (the limit; is a closing quote missing?)" "$tmp/err"
then ok; else bad "endless quoted field: exit $(cat "$tmp/st")"; cat "$tmp/err"; fi
awk 'BEGIN { for (i = 1; i <= 10001; i++) printf "c%d%s", i, i < 10001 ? "," : "\n";
             for (i = 1; i <= 10001; i++) printf "%d%s", i, i < 10001 ? "," : "\n" }' >"$tmp/wide.csv"
"$EFFEKT" validate -q "$tmp/wide.csv" >/dev/null 2>"$tmp/err"
if [ $? -eq 2 ] && grep -q "wide.csv:1:10001: error: more than 10000 columns" "$tmp/err"; then ok; else bad "10,001 columns"; cat "$tmp/err" | head -3; fi
awk 'BEGIN { for (i = 1; i <= 10000; i++) printf "c%d%s", i, i < 10000 ? "," : "\n";
             for (i = 1; i <= 10000; i++) printf "%d%s", i, i < 10000 ? "," : "\n" }' >"$tmp/wide.csv"
"$EFFEKT" validate -q "$tmp/wide.csv" >/dev/null 2>"$tmp/err"
if [ $? -eq 0 ]; then ok; else bad "10,000 columns (the limit) refused"; fi
awk 'BEGIN { printf "{\"title\":\"x\",\"inputs\":{},\"kpis\":"; for (i = 0; i < 1100; i++) printf "["; for (i = 0; i < 1100; i++) printf "]"; print "}" }' >"$tmp/deep.json"
"$EFFEKT" report -q "$tmp/deep.json" -o "$tmp/deep" 2>"$tmp/err"
if [ $? -eq 2 ] && grep -q "deep.json:1:1032: error: JSON nested deeper than 1000 levels (the limit)" "$tmp/err" && [ ! -e "$tmp/deep" ]; then ok
else bad "a spec nested 1,100 deep"; cat "$tmp/err"; fi

# ---- numbers at the edges (describe, JSON) ----
d() { "$EFFEKT" describe -q --format json "$1" 2>/dev/null | tr -d ' \t\n'; }
has() { case $1 in *"$2"*) ok ;; *) bad "$3: lacks $2"; echo "  $1" ;; esac; }
printf 'x\n5\n5\n5\n5\n' >"$tmp/equal.csv"
out=$(d "$tmp/equal.csv")
has "$out" '"n":4,"missing":0,"sum":20,"mean":5,"sd":0,"se":0,"ci_lower":5,"ci_upper":5' "all equal"
has "$out" '"iqr":0,"mad":0,"skewness":null,"kurtosis":null' "all equal (shape undefined: sd 0)"
printf 'x\n7.25\nNA\n' >"$tmp/one.csv"
has "$(d "$tmp/one.csv")" '"n":1,"missing":1,"sum":7.25,"mean":7.25,"sd":null,"se":null,"ci_lower":null,"ci_upper":null,"min":7.25' "one value"
# by hand: sum 2.5e308 overflows a double; mean 6.25e307 does not (summed
# in long double); deviations 3.75e307 (twice), -1.625e308, 8.75e307:
# var = 3.6875e616 / 3, sd = 1.1086778913041725e308
printf 'x\n1e308\n1e308\n-1e308\n1.5e308\n' >"$tmp/huge.csv"
out=$(d "$tmp/huge.csv")
has "$out" '"sum":null,"sum_reason":"beyondtherangeofadouble","mean":6.25e+307,"sd":1.1086778913041725e+308' "huge"
has "$out" '"min":-1e+308' "huge min"
printf 'x\n1e309\n' >"$tmp/beyond.csv"
"$EFFEKT" describe -q "$tmp/beyond.csv" >/dev/null 2>"$tmp/err"
if [ $? -eq 2 ] && grep -q "beyond.csv:2:1" "$tmp/err"; then ok; else bad "1e309 in the text was not an error"; cat "$tmp/err"; fi
# subnormals: 4.9e-324 is the smallest (shortest text 5e-324), read
# exactly; the sum by hand: the three doubles are subnormal, so their sum
# is exact, 2.2100000000000007e-308 (Python: Fraction(a)+Fraction(b)+
# Fraction(c) == a+b+c), not the double nearest 2.21e-308
printf 'x\n4.9e-324\n1e-310\n2.2e-308\n' >"$tmp/sub.csv"
out=$(d "$tmp/sub.csv")
has "$out" '"min":5e-324' "subnormal min"
has "$out" '"max":2.2e-308' "subnormal max"
has "$out" '"sum":2.2100000000000007e-308' "subnormal sum"
printf 'x\n-0\n0\n-0.0\n' >"$tmp/zero.csv"
has "$(d "$tmp/zero.csv")" '"sum":0,"mean":0,"sd":0,"se":0,"ci_lower":0,"ci_upper":0,"min":0,"q1":0,"median":0,"q3":0,"max":0' "-0 shown as 0"
# KPIs at the edges: zero jobs and a budget of 1e15
printf 'project_id,total_cost,participants,jobs_created\nA,1000000000000000,3,0\nB,0,0,0\n' >"$tmp/edge.csv"
"$EFFEKT" kpi -q --format json "$tmp/edge.csv" 2>/dev/null | tr -d ' \t\n' >"$tmp/k"
has "$(cat "$tmp/k")" '"cost_per_participant":{"value":333333333333333.3}' "1e15 / 3"
has "$(cat "$tmp/k")" '"cost_per_job":{"value":null,"reason":"jobs_createdis0"}' "zero jobs"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
