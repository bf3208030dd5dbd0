#!/bin/sh
# The library as a product: libeffekt.so has a soname and exports only
# effekt_* names, exactly the functions include/effekt/ declares (each
# with EFFEKT_API, include/effekt/export.h); libeffekt.a defines no
# global name without the effekt_ prefix, so linking it into a program
# cannot collide with the program's own date_parse or number_read.
set -u
: "${srcdir:=.}" "${EFFEKT:=$PWD/effekt}"
build=$(cd "$(dirname "$EFFEKT")" && pwd)
so=$build/.libs/libeffekt.so a=$build/.libs/libeffekt.a
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL $*"; }
command -v nm >/dev/null || { echo "nm not found (binutils)"; exit 77; }

# every function a public header declares is marked for export
grep -nE '^[a-z]' "$srcdir"/include/effekt/*.h | grep -vE ':(typedef|static|extern|enum|struct)\b' | grep '(' >"$tmp/unmarked"
if [ -s "$tmp/unmarked" ]; then bad "declared without EFFEKT_API:"; cat "$tmp/unmarked"; else ok; fi
sed -n 's/^EFFEKT_API [^(]*[^a-z0-9_]\(effekt_[a-z0-9_]*\)(.*/\1/p' "$srcdir"/include/effekt/*.h | sort -u >"$tmp/declared"
[ -s "$tmp/declared" ] && ok || bad "no EFFEKT_API declarations found in $srcdir/include/effekt"

# the public headers stand alone: each compiles by itself, and none
# names the JSON library the library uses inside (a program needs only
# <effekt/...>: effekt_json is opaque, effekt/json.h)
for h in "$srcdir"/include/effekt/*.h; do
    echo "#include \"effekt/$(basename "$h")\"" >"$tmp/one.c"
    if ! ${CC:-cc} -std=c11 -Wall -Werror -fsyntax-only -I"$srcdir"/include "$tmp/one.c" 2>"$tmp/one.err"; then
        bad "$(basename "$h") does not compile on its own:"; cat "$tmp/one.err"
    fi
done
ok
if grep -l -i cjson "$srcdir"/include/effekt/*.h >"$tmp/cjson"; then
    bad "public headers name cJSON:"; cat "$tmp/cjson"
else ok; fi

if [ -f "$so" ]; then
    # names beginning with _ are reserved for the toolchain: the sanitizers'
    # instrumentation (__odr_asan_gen_*, ___asan_gen_*) adds them, never our code
    nm -D --defined-only "$so" | awk 'NF == 3 && $3 !~ /^_/ { print $3 }' | sort -u >"$tmp/exported"
    if grep -v '^effekt_' "$tmp/exported" >"$tmp/foreign"; then
        bad "libeffekt.so exports names without the effekt_ prefix:"; cat "$tmp/foreign"
    else ok; fi
    if cmp -s "$tmp/declared" "$tmp/exported"; then ok
    else bad "exported and declared differ (< declared only, > exported only):"; diff "$tmp/declared" "$tmp/exported" | grep '^[<>]'; fi
    soname=$(objdump -p "$so" 2>/dev/null | awk '$1 == "SONAME" { print $2 }')
    case $soname in libeffekt.so.[0-9]*) ok ;; *) bad "libeffekt.so has no soname libeffekt.so.N (got '$soname')" ;; esac
else
    echo "no $so (configured --disable-shared?): the shared checks are skipped"
fi

if [ -f "$a" ]; then
    nm -g --defined-only "$a" 2>/dev/null | awk 'NF == 3 && $3 !~ /^_/ { print $3 }' | grep -v '^effekt_' | sort -u >"$tmp/unprefixed"
    if [ -s "$tmp/unprefixed" ]; then bad "libeffekt.a defines global names without the effekt_ prefix:"; cat "$tmp/unprefixed"; else ok; fi
else
    echo "no $a (configured --disable-static?): the static check is skipped"
fi
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
