#!/bin/sh
# make bench: generate the benchmark file and measure what effekt does with it.
set -eu
rows=${BENCH_ROWS:-1000000}
out=bench/out
mkdir -p "$out"
file="$out/participants-$rows.csv"
[ -s "$file" ] || ./bench/gen_bench "$rows" >"$file"
echo "== loading: effekt_csv_load_file, every column typed (target: 150 MB/s)"
./bench/bench_load "$file" 10
./bench/bench_load "$file" 5 one-core
