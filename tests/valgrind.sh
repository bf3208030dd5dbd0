#!/bin/sh
# make check-valgrind: valgrind memcheck on every effekt run of the main
# job (make demo) and of the command-line test suites.  Each run is
# wrapped; an invalid read or write, a use of uninitialised memory or a
# definite leak makes valgrind exit 99, which fails the suite, and is
# printed from its log.  Run from the build folder.
set -u
: "${srcdir:=.}" "${EFFEKT:=$PWD/effekt}"
command -v valgrind >/dev/null || { echo "valgrind is not installed (apt-get install valgrind)"; exit 77; }
logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT
wrap=$logs/effekt
cat >"$wrap" <<WRAP
#!/bin/sh
exec valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite \
    --show-leak-kinds=definite --track-origins=yes --log-file=$logs/vg.%p.log "$EFFEKT" "\$@"
WRAP
chmod +x "$wrap"
status=0 runs=0
for t in tests/bad/run.sh tests/cli/run.sh tests/batch.sh tests/merge.sh tests/report.sh tests/participants.sh; do
    if srcdir=$srcdir EFFEKT=$wrap GEN_BENCH=$(dirname "$EFFEKT")/bench/gen_bench sh "$srcdir/$t" >"$logs/out" 2>&1; then
        echo "valgrind: $t: $(tail -n 1 "$logs/out")"
    else
        status=1
        echo "valgrind: FAIL $t"
        tail -n 20 "$logs/out"
    fi
done
if ${MAKE:-make} demo EFFEKT_RUN="$wrap" DEMO_OUT="$logs/report" >"$logs/out" 2>&1; then
    echo "valgrind: make demo: ok"
else
    status=1
    echo "valgrind: FAIL make demo"
    tail -n 20 "$logs/out"
fi
runs=$(ls "$logs"/vg.*.log 2>/dev/null | wc -l)
for f in "$logs"/vg.*.log; do
    [ -s "$f" ] || continue
    status=1
    echo "valgrind: errors in one run:"
    head -n 40 "$f"
done
echo "valgrind: $runs effekt runs checked; $( [ $status -eq 0 ] && echo "no errors, no definite leaks" || echo "ERRORS")"
exit $status
