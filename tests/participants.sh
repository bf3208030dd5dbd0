#!/bin/sh
# datasets/participants.csv is what its generator writes, byte for byte,
# and it loads cleanly.
set -u
: "${srcdir:=.}" "${EFFEKT:=$PWD/effekt}"
gen="$PWD/datasets/gen_participants"
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
pass=0 fail=0
"$gen" >"$tmp"
if cmp -s "$tmp" "$srcdir/datasets/participants.csv"; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL: participants.csv differs from its generator's output"; fi
if "$EFFEKT" validate -q "$srcdir/datasets/participants.csv" >/dev/null; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL: participants.csv does not validate"; fi
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
