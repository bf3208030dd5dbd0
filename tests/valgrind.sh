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
# ./effekt is libtool's wrapper script around .libs/effekt, which uses the
# uninstalled libeffekt.so: libtool --mode=execute runs valgrind on the
# program itself, with the library's folder on its path.
lt=$(dirname "$EFFEKT")/libtool
cat >"$wrap" <<WRAP
#!/bin/sh
exec "$lt" --mode=execute valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite \
    --show-leak-kinds=definite --track-origins=yes --log-file=$logs/vg.%p.log "$EFFEKT" "\$@"
WRAP
chmod +x "$wrap"
# The suites' own verdicts are shown, but only memcheck's findings decide.
# valgrind emulates the x87 long double in 64-bit doubles and gets some
# conversions wrong: (long double)(__int128)-1234567 / 1e6 prints
# -1.234944 under valgrind 3.19 and -1.234567 natively.  The golden
# outputs computed from exact 128-bit decimal sums (describe's moments,
# compare's sums) therefore differ under it — five CLI cases; the plain
# and sanitizer builds check those numbers against R and NIST.
status=0 runs=0
gen=$(dirname "$EFFEKT")/bench/gen_bench
for t in tests/bad/run.sh tests/cli/run.sh tests/batch.sh tests/merge.sh tests/report.sh tests/participants.sh; do
    srcdir=$srcdir EFFEKT=$wrap GEN_BENCH=$gen sh "$srcdir/$t" >"$logs/out" 2>&1
    echo "valgrind: $t: $(tail -n 1 "$logs/out")"
    grep '^FAIL' "$logs/out" | sed 's/^/    /'
done
if ${MAKE:-make} demo EFFEKT_RUN="$wrap" DEMO_OUT="$logs/report" >"$logs/out" 2>&1; then
    echo "valgrind: make demo: ok"
else
    echo "valgrind: make demo: FAILED"   # memcheck (exit 99) or otherwise; the logs say
    tail -n 20 "$logs/out"
    status=1
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
