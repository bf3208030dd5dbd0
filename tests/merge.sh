#!/bin/sh
# Split a file in k parts, describe each with --partial, merge: the answer
# must be the one describing the whole file gives.
#  1. datasets/participants.csv in 3 parts, by project: every statistic
#     merge reports (n … iqr) equal to the whole run's, digit for digit
#     (decimals as written: exact integer sums; groups under 4096 values:
#     exact quantiles).
#  2. 60,000 generated rows in 4 parts, one group: n, sum, mean, sd equal;
#     the sketch's median within its stated rank error of the true median.
set -u
: "${srcdir:=.}" "${EFFEKT:=$PWD/effekt}"
gen=${GEN_BENCH:-$(dirname "$EFFEKT")/bench/gen_bench}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL $*"; }

split3() {   # FILE OUT: three parts with the heading each
    awk -v out="$2" 'NR == 1 { h = $0; next } { p = (NR % 3); f = out "." p ".csv";
        if (!(f in seen)) { print h > f; seen[f] = 1 } print > f }' "$1"
}
P=$srcdir/datasets/participants.csv
split3 "$P" "$tmp/p"
for i in 0 1 2; do
    "$EFFEKT" describe -q --partial -c age,cost --by project_id -o "$tmp/part$i.json" "$tmp/p.$i.csv" || bad "describe --partial part $i"
done
"$EFFEKT" merge --format csv "$tmp/part0.json" "$tmp/part1.json" "$tmp/part2.json" | cut -d, -f1-16 | sort >"$tmp/merged"
"$EFFEKT" describe -q -c age,cost --by project_id --format csv \
    --stats n,missing,sum,mean,sd,se,ci,min,q1,median,q3,max,iqr "$P" | sort >"$tmp/whole"
if [ "$(wc -l <"$tmp/whole")" -eq 13 ] && cmp -s "$tmp/merged" "$tmp/whole"; then ok; else
    bad "merged participants differ from the whole file"; diff "$tmp/whole" "$tmp/merged" | head; fi

"$gen" 60000 >"$tmp/big.csv"
split -n l/4 -d "$tmp/big.csv" "$tmp/big."   # GNU split: four pieces at line ends
for f in "$tmp"/big.0[1-3]; do { head -1 "$tmp/big.csv"; cat "$f"; } >"$f.csv"; done
cp "$tmp/big.00" "$tmp/big.00.csv"
for f in "$tmp"/big.0?.csv; do
    "$EFFEKT" describe -q --partial -c cost -o "$f.json" "$f" || bad "describe --partial $f"
done
"$EFFEKT" merge --format csv "$tmp"/big.0?.csv.json | tail -1 >"$tmp/m"
"$EFFEKT" describe -q -c cost --format csv --stats n,sum,mean,sd "$tmp/big.csv" | tail -1 >"$tmp/w"
m=$(cut -d, -f2,4,5,6 "$tmp/m") w=$(cut -d, -f2-5 "$tmp/w")
if [ "$m" = "$w" ]; then ok; else bad "n,sum,mean,sd of the merged pieces: $m; whole: $w"; fi
median=$(cut -d, -f12 "$tmp/m") err=$(cut -d, -f16 "$tmp/m")
awk -F, -v med="$median" -v err="$err" 'NR > 1 { n++; if ($9 + 0 < med + 0) below++ }
    END { want = (n - 1) / 2; d = below - want; if (d < 0) d = -d;
          if (d <= err * n + 1) exit 0;
          printf "median %s has %d values below it, %d expected, allowed %.1f\n", med, below, want, err * n; exit 1 }' \
    "$tmp/big.csv" && ok || bad "the sketch's median is outside its stated rank error"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
