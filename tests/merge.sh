#!/bin/sh
# Split a file in k parts, describe each with --partial, merge: the answer
# must be the one describing the whole file gives.
#  1. datasets/participants.csv in 3 parts, by project: every statistic
#     merge reports (n … iqr) equal to the whole run's, digit for digit
#     (decimals as written: exact integer sums; groups under 4096 values:
#     exact quantiles).
#  2. 60,000 generated rows in 4 parts, one group: n, sum, mean, sd equal;
#     the sketch's median within its stated rank error of the true median.
#  3. Two exact sketches whose union is over 4,096 values: 1..4000 and
#     4001..8000.  R: quantile(1:8000, c(.25, .5, .75)) (type 7) is
#     2000.75 4000.5 6000.25; the merge gives them exactly (the sketch
#     keeps 2049 order statistics at their ranks in the union, and the
#     data are a line), with quantile_rank_error 4/8000 = 0.0005 (the
#     largest step between kept ranks).  The old merge gave 8000.
#  4. Interleaved halves of 8,000 values that are not a line (odd and
#     even rows): the merged quartiles are those of one partial of all
#     the rows, bit for bit, and the median within the stated rank error
#     of the true one.  R: x <- ((1:8000)^2 %% 10007) / 8;
#     quantile(x, c(.25, .5, .75)) is 306.875 618.625 929.5; the sketch
#     gives 306.859375 618.609375 929.5234375, rank error 0.000488 (3.9
#     of 8000 ranks).
#  5. The same partial twice is refused.
#  6. 16-digit integers (some above 2^53) in 3 parts, by group: the
#     merge gives the whole run's n … iqr bit for bit.  Such a column has
#     no decimals to the loader, but its doubles are whole numbers: one
#     exact accumulator (src/lib/stats/exact_sum.c) gives describe and
#     the partials the same integer sums, and the quartiles interpolate on
#     the integers in both.  (Before, the partials took the inexact path:
#     q3 7664204420249072 against describe's 7664204420249073.)
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

# 3. 1..4000 and 4001..8000
{ echo x; seq 1 4000; } >"$tmp/lo.csv"
{ echo x; seq 4001 8000; } >"$tmp/hi.csv"
"$EFFEKT" describe -q --partial -o "$tmp/lo.json" "$tmp/lo.csv" || bad "describe --partial lo"
"$EFFEKT" describe -q --partial -o "$tmp/hi.json" "$tmp/hi.csv" || bad "describe --partial hi"
got=$("$EFFEKT" merge --format csv "$tmp/lo.json" "$tmp/hi.json" | tail -1 | cut -d, -f2,11-13,16)
want=8000,2000.75,4000.5,6000.25,0.0005
if [ "$got" = "$want" ]; then ok; else bad "1..4000 + 4001..8000: n,q1,median,q3,rank_error $got, R: $want"; fi

# 4. interleaved, not a line: x = (i^2 mod 10007) / 8
awk 'BEGIN { print "x"; for (i = 1; i <= 8000; i++) print (i * i % 10007) / 8 }' >"$tmp/all.csv"
awk 'NR == 1 || NR % 2 == 0' "$tmp/all.csv" >"$tmp/even.csv"
awk 'NR == 1 || NR % 2 == 1' "$tmp/all.csv" >"$tmp/odd.csv"
for f in all even odd; do
    "$EFFEKT" describe -q --partial -o "$tmp/$f.json" "$tmp/$f.csv" || bad "describe --partial $f"
done
m=$("$EFFEKT" merge --format csv "$tmp/even.json" "$tmp/odd.json" | tail -1)
one=$("$EFFEKT" merge --format csv "$tmp/all.json" | tail -1)
if [ "$(echo "$m" | cut -d, -f2-17)" = "$(echo "$one" | cut -d, -f2-17)" ]; then ok; else
    bad "interleaved halves: $m; one partial of all: $one"; fi
median=$(echo "$m" | cut -d, -f12) err=$(echo "$m" | cut -d, -f16)
awk -v med="$median" -v err="$err" 'NR > 1 { n++; if ($1 + 0 < med + 0) below++ }
    END { want = (n - 1) / 2; d = below - want; if (d < 0) d = -d;
          if (d <= err * n + 1) exit 0;
          printf "median %s has %d values below it, %d expected, allowed %.1f\n", med, below, want, err * n; exit 1 }' \
    "$tmp/all.csv" && ok || bad "the interleaved median is outside its stated rank error"

# 5. twice
"$EFFEKT" merge "$tmp/lo.json" "$tmp/hi.json" "$tmp/lo.json" >/dev/null 2>"$tmp/err"
if [ $? -eq 2 ] && grep -q "statistics\[0\].partial.id: the same data as" "$tmp/err"; then ok; else
    bad "a partial merged twice was not refused"; cat "$tmp/err"; fi

# 6. 16-digit integers, x = 10^15 + (i * 2999999999989 mod 9 10^15)
awk 'BEGIN { print "g,x"; for (i = 1; i <= 3000; i++)
    printf "%s,%.0f\n", (i % 2 ? "a" : "b"), 1e15 + (i * 2999999999989) % 9e15 }' >"$tmp/d16.csv"
split3 "$tmp/d16.csv" "$tmp/d16"
for i in 0 1 2; do
    "$EFFEKT" describe -q --partial -c x --by g -o "$tmp/d16.$i.json" "$tmp/d16.$i.csv" || bad "describe --partial d16 part $i"
done
"$EFFEKT" merge --format csv "$tmp"/d16.?.json | cut -d, -f1-16 | sort >"$tmp/merged16"
"$EFFEKT" describe -q -c x --by g --format csv \
    --stats n,missing,sum,mean,sd,se,ci,min,q1,median,q3,max,iqr "$tmp/d16.csv" | sort >"$tmp/whole16"
if [ "$(wc -l <"$tmp/whole16")" -eq 3 ] && cmp -s "$tmp/merged16" "$tmp/whole16"; then ok; else
    bad "merged 16-digit integers differ from the whole file"; diff "$tmp/whole16" "$tmp/merged16" | head; fi

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
