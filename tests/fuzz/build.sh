#!/bin/sh
# Build the libFuzzer harnesses (clang, AddressSanitizer + UBSan) into
# OUT: libeffekt and the CLI (less main.c) compiled once with
# -fsanitize=fuzzer-no-link, then each harness linked with -fsanitize=fuzzer.
# Usage: build.sh SRCDIR BUILDDIR OUT   (BUILDDIR holds config.h)
set -eu
src=$1 build=$2 out=$3
CLANG=${CLANG:-clang}
command -v "$CLANG" >/dev/null || { echo "build.sh: $CLANG not found (apt-get install clang)" >&2; exit 77; }
mkdir -p "$out/obj"
deps="gsl cairo cairo-png cairo-svg cairo-pdf fontconfig libcjson uchardet libzip"
flags="-std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -g -O1 -fno-omit-frame-pointer
  -fsanitize=address,undefined -fno-sanitize-recover=undefined
  -I$src/include -I$src/src/lib -I$src/src/cli -I$build $(pkg-config --cflags $deps)"
libs="$(pkg-config --libs $deps) -lcsv -lm -lpthread"
objs="" pids=""
# an object is stale when its source or any header is newer: a struct
# that grew in a header and was compiled in only some objects gives a
# harness that reads garbage (a fuzz "crash" that is the build's)
newest_header=$(ls -t "$src"/include/effekt/*.h "$src"/src/lib/*.h "$src"/src/lib/*/*.h "$src"/src/cli/*.h \
    "$build/config.h" 2>/dev/null | head -n 1)
for f in "$src"/src/lib/*.c "$src"/src/lib/*/*.c "$src"/src/cli/*.c; do
    case $f in */main.c) continue ;; esac
    o="$out/obj/$(echo "${f#"$src"/}" | tr / _ | sed 's/\.c$/.o/')"
    if [ ! -f "$o" ] || [ "$f" -nt "$o" ] || [ "$newest_header" -nt "$o" ]; then
        # shellcheck disable=SC2086
        $CLANG $flags -fsanitize=fuzzer-no-link -c "$f" -o "$o" &
        pids="$pids $!"
    fi
    objs="$objs $o"
done
for p in $pids; do wait "$p"; done   # set -e: a failed compile stops here
for h in csv split spec options; do
    # shellcheck disable=SC2086
    $CLANG $flags -fsanitize=fuzzer -DFUZZ_DATA_DIR="\"$(cd "$src" && pwd)\"" \
        "$src/tests/fuzz/fuzz_$h.c" $objs $libs -o "$out/fuzz_$h"
done
echo "built $out/fuzz_csv $out/fuzz_split $out/fuzz_spec $out/fuzz_options"
