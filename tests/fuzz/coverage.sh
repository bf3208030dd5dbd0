#!/bin/sh
# make fuzz-coverage: how much of the code under fuzzing the corpus that
# make fuzz grew reaches — the harnesses built with clang's source-based
# coverage, each run once over its corpus, then llvm-cov's line and branch
# coverage of the files each harness is for.
# Usage: coverage.sh SRCDIR BUILDDIR
set -eu
src=$(cd "$1" && pwd) build=$(cd "$2" && pwd)
CLANG=${CLANG:-clang}
out=$build/fuzz-coverage
mkdir -p "$out/obj"
deps="gsl cairo cairo-png cairo-svg cairo-pdf fontconfig libcjson uchardet libzip"
flags="-std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -g -O1 -fprofile-instr-generate -fcoverage-mapping
  -I$src/include -I$src/src/lib -I$src/src/cli -I$build $(pkg-config --cflags $deps)"
libs="$(pkg-config --libs $deps) -lcsv -lm -lpthread"
objs=""
for f in "$src"/src/lib/*.c "$src"/src/lib/*/*.c "$src"/src/cli/*.c; do
    case $f in */main.c) continue ;; esac
    o="$out/obj/$(echo "${f#"$src"/}" | tr / _ | sed 's/\.c$/.o/')"
    # shellcheck disable=SC2086
    $CLANG $flags -fsanitize=fuzzer-no-link -c "$f" -o "$o"
    objs="$objs $o"
done
for h in csv split spec options; do
    # shellcheck disable=SC2086
    $CLANG $flags -fsanitize=fuzzer -DFUZZ_DATA_DIR="\"$src\"" "$src/tests/fuzz/fuzz_$h.c" $objs $libs -o "$out/fuzz_$h"
    [ -d "$build/fuzz-corpus/$h" ] || { echo "no corpus for $h: run make fuzz first"; continue; }
    LLVM_PROFILE_FILE="$out/$h.profraw" "$out/fuzz_$h" -runs=0 -close_fd_mask=3 "$build/fuzz-corpus/$h" >/dev/null 2>&1 || true
    llvm-profdata merge -sparse "$out/$h.profraw" -o "$out/$h.profdata"
    case $h in
    csv|split) files="src/lib/io/csv.c src/lib/io/infer.c src/lib/io/numbers.c src/lib/io/dates.c src/lib/io/encoding.c src/lib/table/canonical.c" ;;
    spec)    files="src/cli/cmd_report.c" ;;
    options) files="src/cli/common.c src/cli/cmd_describe.c src/cli/cmd_compare.c src/cli/cmd_retention.c src/cli/cmd_kpi.c src/cli/cmd_validate.c" ;;
    esac
    echo "== fuzz_$h: $(ls "$build/fuzz-corpus/$h" | wc -l) corpus inputs"
    if [ "$h" = spec ]; then   # the reader's functions, not the whole of cmd_report.c
        llvm-cov report -show-functions "$out/fuzz_$h" -instr-profile="$out/$h.profdata" "$src/src/cli/cmd_report.c" |
            awk '$1 ~ /(^|:)(cli_spec_check|check_object|type_ok|type_words)$/ {
                     printf "  %-28s %5s lines, %4s missed (%s); %4s branches (%s)\n", $1, $5, $6, $7, $8, $10 }'
        continue
    fi
    # shellcheck disable=SC2046
    llvm-cov report "$out/fuzz_$h" -instr-profile="$out/$h.profdata" $(for f in $files; do echo "$src/$f"; done) |
        awk '/\.c / || /^TOTAL/ { printf "  %-28s %5s lines, %4s missed (%s); %4s branches (%s)\n", $1, $8, $9, $10, $11, $13 }' |
        sed "s|$src/||"
done
