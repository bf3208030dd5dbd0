#!/bin/sh
# The library examples of doc/examples/ built as a user builds them,
# through pkg-config (effekt-uninstalled.pc: the build tree's library and
# headers), run on datasets/participants.csv, and their numbers compared
# with effekt's own (the CLI's CSV): the same doubles, relative 1e-12
# (only the printing differs: %.17g against the shortest text).
set -u
: "${srcdir:=.}" "${EFFEKT:=$PWD/effekt}"
build=$(cd "$(dirname "$EFFEKT")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL $*"; }
P=$srcdir/datasets/participants.csv
flags=$(PKG_CONFIG_PATH="$build${PKG_CONFIG_PATH:+:$PKG_CONFIG_PATH}" pkg-config --cflags --libs effekt)

# same: every field of two CSV files equal as text or as numbers within 1e-12
same() {
    awk -F, 'NR == FNR { want[FNR] = $0; n = FNR; next }
        { split(want[FNR], w, ","); if (NF != split(want[FNR], w, ",")) { bad = 1 }
          for (i = 1; i <= NF; i++) if ($i != w[i]) {
              a = $i + 0; b = w[i] + 0; d = a - b; if (d < 0) d = -d; m = b < 0 ? -b : b
              if ($i !~ /^[-0-9.e+]+$/ || d > 1e-12 * m) { print "  line " FNR ": " $i " against " w[i]; bad = 1 } } }
        END { if (FNR != n) bad = 1; exit bad }' "$1" "$2"
}

for ex in rates km funnel; do
    # shellcheck disable=SC2086
    if ${CC:-cc} -std=c11 -Wall -Wextra -Werror "$srcdir/doc/examples/$ex.c" $flags ${EXAMPLE_LDFLAGS:-} -o "$tmp/$ex" 2>"$tmp/err"; then ok
    else bad "doc/examples/$ex.c does not build with pkg-config effekt"; cat "$tmp/err"; fi
done

# rates: the groups' n, events, rate and Wilson limits, then the chi-square test
"$EFFEKT" compare -q --by project_id --outcome placed_date --format csv "$P" >"$tmp/cli" 2>/dev/null
{ echo "group,n,events,rate,lower,upper"
  awk -F, '/^group,n,missing/ { on = 1; next } on && NF == 0 { on = 0 } on && NF { print $1 "," $2 "," $4 "," $5 "," $6 "," $7 }' "$tmp/cli"
  awk -F, '/^chi-square test/ { print "chi-square," $2 "," $3 "," $4 }' "$tmp/cli"
} >"$tmp/want"
if "$tmp/rates" "$P" >"$tmp/out" 2>"$tmp/err" && same "$tmp/want" "$tmp/out"; then ok
else bad "rates: the example's numbers differ from effekt compare's"; diff "$tmp/want" "$tmp/out" | head; fi

# km: n, events, median and its lower limit, retention at 365 days, the log-rank test
"$EFFEKT" retention -q --by project_id --at 365 --format csv "$P" >"$tmp/cli" 2>/dev/null
{ echo "group,n,events,median,median_lower,retention_365d,lower,upper"
  awk -F, '/^group,n,events/ { on = 1; next } on && NF == 0 { on = 0 } on && NF { print $1 "," $2 "," $3 "," $4 "," $5 "," $8 "," $9 "," $10 }' "$tmp/cli"
  awk -F, '/^log-rank,/ { print "log-rank," $3 "," $4 "," $5 }' "$tmp/cli"
} >"$tmp/want"
if "$tmp/km" "$P" >"$tmp/out" 2>"$tmp/err" && same "$tmp/want" "$tmp/out"; then ok
else bad "km: the example's numbers differ from effekt retention's"; diff "$tmp/want" "$tmp/out" | head; fi

# funnel: the SVG the library draws is the one effekt plot funnel draws,
# byte for byte (the same counts, builder, caption and renderer)
(cd "$srcdir" && "$tmp/funnel" datasets/participants.csv "$tmp/funnel.svg") 2>"$tmp/err"
(cd "$srcdir" && "$EFFEKT" plot funnel datasets/participants.csv --outcome placed_date --by project_id \
    -o "$tmp/cli.svg") 2>/dev/null
if head -c 5 "$tmp/funnel.svg" 2>/dev/null | grep -q '<?xml\|<svg' && cmp -s "$tmp/funnel.svg" "$tmp/cli.svg"; then ok
else bad "funnel: the example's SVG differs from effekt plot funnel's"; cat "$tmp/err"; fi

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
