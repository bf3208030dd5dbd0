#!/bin/sh
# make fuzz: build the harnesses and run each for FUZZ_SECONDS (default
# 60), from a seed corpus made of the test inputs, the datasets (among
# them the real Danish structural-funds export) and the spec examples.
# The corpus grows in BUILDDIR/fuzz-corpus/NAME across runs; crashes are
# written to BUILDDIR/fuzz-crashes/ and make the run fail.  FUZZ_TIMEOUT
# (seconds, default 10) is the time one input may take; on a machine busy
# with other work give it more, or timeouts are the machine's, not ours.
# Usage: run.sh SRCDIR BUILDDIR [HARNESS...]
set -eu
src=$1 build=$2
shift 2
[ $# -gt 0 ] || set -- csv split spec options
secs=${FUZZ_SECONDS:-60}
bin=$build/fuzz-build
"$src/tests/fuzz/build.sh" "$src" "$build" "$bin"
build=$(cd "$build" && pwd)   # absolute: fuzz_options works in a folder of its own
corpus=$build/fuzz-corpus crashes=$build/fuzz-crashes
mkdir -p "$crashes"

seed() {   # seed NAME: fill the corpus of harness NAME once
    d=$corpus/$1
    [ -d "$d" ] && return 0
    mkdir -p "$d"
    case $1 in
    split)   # the same inputs as csv: the two harnesses read files alike
        seed csv
        cp "$corpus/csv"/* "$corpus/split"/
        # inputs on which the halves once differed from one reading
        cp "$src"/tests/fuzz/regressions/split-* "$corpus/split"/
        # a first half of one long row, a second of many short ones: more
        # rows than the second half's estimate (its columns must grow)
        { printf '\000id,note,n\nR0,"'; head -c 20000 /dev/zero | tr '\0' x; printf '",0.5\n'
          i=1; while [ $i -le 3000 ]; do printf 'R%d,,%d\n' $i $i; i=$((i + 1)); done; } >"$corpus/split/seed-outgrow" ;;
    csv)   # option byte 0 (detect everything) before each file; a few forced
        i=0
        for f in "$src"/tests/bad/*.csv "$src"/tests/data/*.csv "$src"/tests/data/nist/*.csv "$src"/tests/data/eu/*.csv \
                 "$src"/datasets/*.csv; do
            i=$((i + 1))
            { printf '\000'; head -c 65536 "$f"; } >"$d/seed$i"
        done
        { printf '\002'; cat "$src/datasets/seed_projects_da.csv"; } >"$d/seed-semicolon"
        { printf '\010'; cat "$src/datasets/seed_projects_da.csv"; } >"$d/seed-comma"
        { printf '\100'; cat "$src/tests/bad/not_utf8.csv"; } >"$d/seed-cp1252"
        # inputs that once failed a run (tests/fuzz/regressions/README)
        for f in "$src"/tests/fuzz/regressions/csv-*; do cp "$f" "$d/"; done ;;
    spec)
        cp "$src/datasets/report-spec.json" "$d/report-spec.json"
        cp "$src/tests/data/spec_bad.json" "$d/spec_bad.json" ;;
    options)   # the golden CLI command lines, one argument per line, with
               # file names replaced by the harness's own small inputs
        i=0
        for f in "$src"/tests/cli/*.args; do
            i=$((i + 1))
            (eval "set -- $(cat "$f")"; for a in "$@"; do
                case $a in
                *participants*|*two_groups*|*end_before*) echo s.csv ;;
                *_da.csv) echo d.csv ;;
                */*) echo p.csv ;;
                *) echo "$a" ;;
                esac
            done) >"$d/seed$i"
        done
        printf 'kpi\n--currency\nEUR\n--rates\nr.csv\np.csv\n' >"$d/seed-rates"
        printf 'describe\n--partial\n-c\nage\n-o\nx.json\ns.csv\n' >"$d/seed-partial"
        printf 'merge\nx.json\nx.json\n' >"$d/seed-merge" ;;
    esac
}

status=0
for h in "$@"; do
    seed "$h"
    echo "== fuzz_$h for ${secs}s"
    # -close_fd_mask=3: the commands' own output and messages are not
    # wanted; libFuzzer and the sanitizers keep theirs.
    "$bin/fuzz_$h" -max_total_time="$secs" -timeout="${FUZZ_TIMEOUT:-10}" -rss_limit_mb=2048 -max_len=65536 \
        -close_fd_mask=3 -print_final_stats=1 -artifact_prefix="$crashes/$h-" \
        "$corpus/$h" >"$build/fuzz-$h.log" 2>&1 || status=1
    grep -E '^(#[0-9]+.*(DONE|pulse)|stat::number_of_executed_units|stat::peak_rss_mb|==[0-9]+==ERROR)' \
        "$build/fuzz-$h.log" | tail -3
done
ls "$crashes" | sed 's/^/crash: /'
exit $status
