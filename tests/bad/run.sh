#!/bin/sh
# Every bad input: exit status 2, its file:line:column message, no output file.
set -u
: "${srcdir:=.}" "${EFFEKT:=$PWD/effekt}"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
cd "$srcdir" || exit 99
pass=0 fail=0
for csv in tests/bad/*.csv; do
    name=$(basename "$csv" .csv)
    args=""
    [ -f "tests/bad/$name.args" ] && args=$(cat "tests/bad/$name.args")
    want=$(cat "tests/bad/$name.err")
    # shellcheck disable=SC2086
    "$EFFEKT" validate $args -o "$out/$name.json" "$csv" >"$out/stdout" 2>"$out/stderr"
    status=$?
    problem=""
    [ "$status" -eq 2 ] || problem="exit status $status, expected 2"
    grep -qF -- "effekt: $want" "$out/stderr" || problem="$problem; stderr lacks: $want"
    [ -e "$out/$name.json" ] && problem="$problem; an output file was left behind"
    [ -n "$(ls -A "$out" | grep -v '^std' | grep -v "^$name.json$")" ] && problem="$problem; a temporary file was left behind"
    if [ -z "$problem" ]; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1))
        echo "FAIL $csv: $problem"
        sed 's/^/  stderr: /' "$out/stderr"
    fi
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
