#!/bin/sh
# The README's C example (doc/example.c, the same text as in README.md)
# built as a user builds it, through pkg-config (effekt-uninstalled.pc,
# the build tree's library and headers), and run on the seed projects.
# GOVEST: 3,690,661 kr. / 30 participants = 123,022.03; TPA 88,000.
set -u
: "${srcdir:=.}" "${EFFEKT:=$PWD/effekt}"
build=$(cd "$(dirname "$EFFEKT")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL $*"; }

# README.md shows exactly doc/example.c
awk '/^<!-- example.c -->/ { on = 1; next } on && /^```c/ { code = 1; next } code && /^```/ { exit } code' \
    "$srcdir/README.md" >"$tmp/readme.c"
if cmp -s "$tmp/readme.c" "$srcdir/doc/example.c"; then ok; else bad "README.md's example differs from doc/example.c"; diff "$srcdir/doc/example.c" "$tmp/readme.c" | head; fi

# every image README.md shows is in the source tree (and so in the tarball:
# make distcheck runs this from it), a PNG
for img in $(sed -n 's/.*!\[[^]]*\](\([^)]*\)).*/\1/p' "$srcdir/README.md"); do
    if [ "$(head -c 8 "$srcdir/$img" 2>/dev/null | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ]; then ok
    else bad "README.md shows $img, which is not a PNG in the source tree"; fi
done

flags=$(PKG_CONFIG_PATH="$build${PKG_CONFIG_PATH:+:$PKG_CONFIG_PATH}" pkg-config --cflags --libs effekt)
# shellcheck disable=SC2086
if ${CC:-cc} -std=c11 -Wall -Wextra -Werror "$srcdir/doc/example.c" $flags ${EXAMPLE_LDFLAGS:-} -o "$tmp/example" 2>"$tmp/err"; then ok
else bad "the example does not build with pkg-config effekt"; cat "$tmp/err"; fi
cat >"$tmp/want" <<'OUT'
HEADSTART  n/a (participants not reported)
RMII       n/a (participants not reported)
GOVEST     123022.03
TPA        88000.00
CBTB       n/a (total_cost not reported)
OUT
"$tmp/example" "$srcdir/datasets/seed_projects.csv" >"$tmp/out" 2>"$tmp/err"
st=$?
if [ $st -eq 0 ] && cmp -s "$tmp/want" "$tmp/out" && grep -q "seed_projects.csv:4: warning: GOVEST: stated duration" "$tmp/err"; then ok
else bad "example: exit $st"; diff "$tmp/want" "$tmp/out"; fi
"$tmp/example" "$srcdir/tests/bad/negative_budget.csv" >/dev/null 2>"$tmp/err"
if [ $? -eq 1 ] && grep -q "negative_budget.csv:3:2: error" "$tmp/err"; then ok; else bad "example on a bad file"; fi
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
