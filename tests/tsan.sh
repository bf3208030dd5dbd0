#!/bin/sh
# make check-tsan: tests/unit/test_threads.c (two analyses at once on two
# threads) and the library built with ThreadSanitizer (clang or gcc
# -fsanitize=thread), so a data race inside libeffekt fails even when the
# numbers happen to come out right.  GSL, cairo and libcsv are not
# instrumented; the races looked for are the library's own.
# Usage: tsan.sh SRCDIR BUILDDIR   (BUILDDIR holds config.h)
set -eu
src=$1 build=$2
CC=${TSAN_CC:-clang}
command -v "$CC" >/dev/null || CC=gcc
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
deps="gsl cairo cairo-png cairo-svg cairo-pdf fontconfig libcjson uchardet libzip check"
flags="-std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -g -O1 -fsanitize=thread
  -I$src/include -I$src/src/lib -I$build $(pkg-config --cflags $deps)"
objs=""
for f in "$src"/src/lib/*.c "$src"/src/lib/*/*.c; do   # one at a time: a shared machine
    o="$out/$(echo "${f#"$src"/}" | tr / _ | sed 's/\.c$/.o/')"
    # shellcheck disable=SC2086
    $CC $flags -c "$f" -o "$o"
    objs="$objs $o"
done
# shellcheck disable=SC2086
$CC $flags "${TSAN_TEST:-$src/tests/unit/test_threads.c}" $objs $(pkg-config --libs $deps) -lcsv -lm -lpthread -o "$out/test_threads"
# Check forks each test; TSan reports in the child and exits 66 there
CK_FORK=no TSAN_OPTIONS="halt_on_error=1 exitcode=66 ${TSAN_OPTIONS:-}" "$out/test_threads"
echo "tsan: test_threads without a data race ($CC -fsanitize=thread)"
