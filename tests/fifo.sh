#!/bin/sh
# Inputs that can be read only once: a FIFO (what <(...) gives) and
# standard input.  kpi once opened each input a second time to hash it:
# a FIFO hung forever, standard input had no hash.  Each must now finish,
# exit 0, and give the SHA-256 of the bytes it read, as sha256sum does.
set -u
: "${srcdir:=.}" "${EFFEKT:=$PWD/effekt}"
command -v mkfifo >/dev/null && command -v timeout >/dev/null && command -v sha256sum >/dev/null || exit 77
tmp=$(mktemp -d)
writer=
trap '[ -n "$writer" ] && kill "$writer" 2>/dev/null; rm -rf "$tmp"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL $*"; }
data=$srcdir/datasets/seed_projects.csv
want=$(sha256sum "$data" | cut -c1-64)
hash_of() { sed -n 's/.*"sha256":[[:space:]]*"\([0-9a-f]*\)".*/\1/p' "$1"; }

# a FIFO, written by another process
mkfifo "$tmp/in.csv"
cat "$data" >"$tmp/in.csv" &
writer=$!
timeout 20 "$EFFEKT" kpi -q --format json "$tmp/in.csv" >"$tmp/out" 2>"$tmp/err"
status=$?
wait "$writer" 2>/dev/null
writer=
if [ "$status" -ne 0 ]; then
    bad "kpi on a FIFO: exit status $status (124: it hung)"; sed 's/^/  /' "$tmp/err"
elif [ "$(hash_of "$tmp/out")" != "$want" ]; then
    bad "kpi on a FIFO: sha256 '$(hash_of "$tmp/out")', sha256sum says $want"
else
    ok
fi

# standard input, from a pipe and from a file
cat "$data" | timeout 20 "$EFFEKT" kpi -q --format json - >"$tmp/out" 2>"$tmp/err"
status=$?
if [ "$status" -eq 0 ] && [ "$(hash_of "$tmp/out")" = "$want" ]; then ok; else bad "kpi - from a pipe: exit $status, sha256 '$(hash_of "$tmp/out")', want $want"; fi
timeout 20 "$EFFEKT" kpi -q --format json - <"$data" >"$tmp/out" 2>"$tmp/err"
status=$?
if [ "$status" -eq 0 ] && [ "$(hash_of "$tmp/out")" = "$want" ]; then ok; else bad "kpi - from a file: exit $status, sha256 '$(hash_of "$tmp/out")', want $want"; fi

# validate gives the same hash (the report takes it from there)
"$EFFEKT" validate -q --format json "$data" >"$tmp/out" 2>/dev/null
if [ "$(hash_of "$tmp/out")" = "$want" ]; then ok; else bad "validate: sha256 '$(hash_of "$tmp/out")', want $want"; fi

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
