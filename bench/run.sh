#!/bin/sh
# make bench: generate the benchmark files (participant rows, 9 columns,
# fixed seed, gen_bench.c: 1,000,000 and 10,000,000 rows by default,
# BENCH_ROWS to change) and measure effekt against the tools a data
# person would use instead, on the same file, for the same statistics,
# whole processes, reading included.
#
# Grouped describe: BENCH_PAIRS (default 5) paired runs effekt, peer,
# effekt, peer, ... per peer, so that both see the same machine; the
# median time of each, the ratio peer/effekt of every pair and their
# median, the peak memory (RSS), and whether the numbers agree (the
# largest relative difference over the groups, bench/agree.py).  Every
# peer gets BENCH_THREADS threads (default: every core); effekt reads a
# file of 8 MiB or more in parts on every core.  Peers: Polars (lazy
# scanCSV) and DuckDB from bench/node (bench/peers.sh installs them,
# pinned), R data.table, GNU datamash (one thread); one not installed is
# skipped and said so.  Run it on a quiet machine: another job's load is
# in every number.
set -eu
sizes=${BENCH_ROWS:-"1000000 10000000"}
pairs=${BENCH_PAIRS:-5}
threads=${BENCH_THREADS:-$(nproc 2>/dev/null || echo 2)}
out=bench/out
mkdir -p "$out"
first=${sizes%% *}
file="$out/participants-$first.csv"
[ -s "$file" ] || ./bench/gen_bench "$first" >"$file"
echo "== loading: effekt_csv_load_file, every column typed (target: 150 MB/s)"
./bench/bench_load "$file" 15
./bench/bench_load "$file" 15 one-core

# the effekt binary itself, not libtool's wrapper script (a shell more
# in every run)
if [ -x .libs/effekt ]; then
    EFFEKT="env LD_LIBRARY_PATH=$(pwd)/.libs $(pwd)/.libs/effekt"
else
    EFFEKT=./effekt
fi

median() {
    sort -g | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else printf "%.4f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'
}

# timed CMD: T the wall time of one whole run (s), M its peak RSS (KB)
timed() {
    t0=$(date +%s.%N)
    if ! /usr/bin/time -f %M -o "$out/.rss" sh -c "$1" >/dev/null 2>"$out/.stderr"; then
        echo "failed: $1" >&2
        cat "$out/.stderr" >&2
        return 1
    fi
    t1=$(date +%s.%N)
    T=$(echo "$t1 - $t0" | bc -l | xargs printf '%.4f')
    M=$(tail -n 1 "$out/.rss")
}

have_node() { [ -d bench/node/node_modules/"$1" ] && command -v node >/dev/null 2>&1; }

peer_cmd() {   # peer_cmd NAME FILE: the command, or nothing when not installed
    case $1 in
    polars) have_node nodejs-polars && echo "POLARS_MAX_THREADS=$threads node bench/peer_polars.js $2" ;;
    duckdb) have_node @duckdb/node-api && echo "node bench/peer_duckdb.js $2 $threads" ;;
    datatable) command -v Rscript >/dev/null 2>&1 && Rscript -e 'library(data.table)' >/dev/null 2>&1 \
                   && echo "Rscript bench/peer_datatable.R $2 $threads" ;;
    datamash) command -v datamash >/dev/null 2>&1 \
                  && echo "datamash -t, -s -H -g 1 count 9 mean 9 sstdev 9 median 9 perc:90 9 < $2" ;;
    esac
    return 0
}

peer_label() {
    case $1 in
    polars) echo "Polars lazy scanCSV ($threads threads)" ;;
    duckdb) echo "DuckDB ($threads threads)" ;;
    datatable) echo "data.table ($threads threads)" ;;
    datamash) echo "datamash (1 thread)" ;;
    esac
}

peers="polars duckdb datatable datamash"
for rows in $sizes; do
    file="$out/participants-$rows.csv"
    [ -s "$file" ] || ./bench/gen_bench "$rows" >"$file"
    mb=$(( $(wc -c <"$file") / 1000000 ))
    eff="$EFFEKT describe -q -c cost --by project_id --stats n,mean,sd,median,p90 --format csv $file"
    echo
    echo "== grouped describe, $rows rows ($mb MB): n, mean, sd, median, p90 of cost by project_id; $pairs paired runs"
    sh -c "$eff" >"$out/effekt-$rows.csv"
    all_e=""
    eval "mb_$rows=$mb"
    for p in $peers; do
        cmd=$(peer_cmd "$p" "$file")
        if [ -z "$cmd" ]; then
            echo "$(peer_label "$p"): not installed (skipped; bench/peers.sh installs Polars and DuckDB)"
            eval "res_${p}_$rows=-"
            continue
        fi
        agree=""
        if sh -c "$cmd" >"$out/$p-$rows.csv" 2>"$out/.stderr" && command -v python3 >/dev/null 2>&1; then
            agree=$(python3 bench/agree.py "$out/effekt-$rows.csv" "$out/$p-$rows.csv" || true)
        fi
        es="" ps="" rs="" em=0 pm=0 i=0
        while [ "$i" -lt "$pairs" ]; do
            timed "$eff"
            et=$T
            [ "$M" -gt "$em" ] && em=$M
            timed "$cmd"
            pt=$T
            [ "$M" -gt "$pm" ] && pm=$M
            es="$es $et"
            ps="$ps $pt"
            rs="$rs $(echo "$pt / $et" | bc -l | xargs printf '%.2f')"
            i=$((i + 1))
        done
        all_e="$all_e$es"
        me=$(echo "$es" | tr ' ' '\n' | grep . | median)
        mp=$(echo "$ps" | tr ' ' '\n' | grep . | median)
        mr=$(echo "$rs" | tr ' ' '\n' | grep . | median | xargs printf '%.2f')
        echo "$(peer_label "$p"): median $mp s, effekt $me s; peer/effekt per pair:$rs; median ratio $mr;" \
             "peak $((pm / 1024)) MiB, effekt $((em / 1024)) MiB; largest relative difference: ${agree:-?}"
        eval "res_${p}_$rows=\"$mp s ($mr)\""
        eval "ratio_${p}_$rows=$mr"
        eval "mem_${p}_$rows=$((pm / 1024))"
        eval "mem_effekt_$rows=$((em / 1024))"
    done
    if [ -n "$all_e" ]; then
        eval "eff_$rows=$(echo "$all_e" | tr ' ' '\n' | grep . | median)"
    else
        timed "$eff"
        eval "eff_$rows=$T"
        eval "mem_effekt_$rows=$((M / 1024))"
    fi
done

echo
echo "== the table (median seconds; in brackets the median ratio peer/effekt of the pairs: above 1, effekt is faster)"
echo "| rows (file) | effekt | $(for p in $peers; do printf '%s | ' "$(peer_label "$p")"; done)"
echo "|---|---|$(for p in $peers; do printf -- '---|'; done)"
for rows in $sizes; do
    line="| $rows ($(eval echo "\$mb_$rows") MB) | $(eval echo "\$eff_$rows") s |"
    for p in $peers; do line="$line $(eval echo "\$res_${p}_$rows") |"; done
    echo "$line"
done
echo
for rows in $sizes; do
    best="" bestp=""
    for p in polars duckdb datatable; do
        r=$(eval echo "\${ratio_${p}_$rows:-}")
        [ -n "$r" ] || continue
        if [ -z "$best" ] || [ "$(echo "$r < $best" | bc -l)" -eq 1 ]; then best=$r bestp=$p; fi
    done
    [ -n "$best" ] && echo "$rows rows: the fastest of Polars, DuckDB, data.table is $(peer_label "$bestp"): effekt is ${best} times as fast (goal: 3)"
    line="$rows rows peak memory (MiB): effekt $(eval echo "\${mem_effekt_$rows:-?}")"
    for p in $peers; do line="$line, $p $(eval echo "\${mem_${p}_$rows:--}")"; done
    echo "$line"
done
set -- $sizes
if [ $# -ge 2 ]; then
    a=$(eval echo "\$eff_$1") b=$(eval echo "\$eff_$2")
    echo "effekt $2 / $1 rows: $(echo "$b / $a" | bc -l | xargs printf '%.2f') (linear: $(echo "$2 / $1" | bc -l | xargs printf '%.1f'); the issue's goal: at most 10.5 for 10 times the rows)"
fi

file="$out/participants-$first.csv"
echo
echo "== bootstrap: ratio of sums cost/placed on 100,000 rows, 10,000 resamples, percentile and BCa"
small="$out/participants-100000.csv"
[ -s "$small" ] || head -100001 "$file" >"$small"
/usr/bin/time -f "effekt compare --ratio: %e s, peak %M KB" ./effekt compare -q --ratio cost/placed --bootstrap 10000 --seed 7 "$small" >/dev/null
if command -v Rscript >/dev/null 2>&1 && Rscript -e 'library(boot)' >/dev/null 2>&1; then
    # R's boot takes minutes for 10,000: time 1,000 and say so
    /usr/bin/time -f "R boot (1,000 percentile resamples only): %e s, peak %M KB" Rscript -e "suppressMessages({library(boot); library(data.table)}); d <- fread('$small'); b <- boot(d, function(d, i) sum(d\$cost[i]) / sum(d\$placed[i]), R = 1000); invisible(boot.ci(b, type = 'perc'))" >/dev/null
else
    echo "R boot: not installed (skipped)"
fi

echo
echo "== retention: Kaplan-Meier + log-rank, 1,000,000 spells in 50 groups (target: 5x R survfit + survdiff)"
/usr/bin/time -f "effekt retention (reading included): %e s, peak %M KB" ./effekt retention -q --time days_employed --event still_employed --by project_id --format csv "$file" >/dev/null
if command -v Rscript >/dev/null 2>&1 && Rscript -e 'library(survival); library(data.table)' >/dev/null 2>&1; then
    Rscript -e "suppressMessages({library(survival); library(data.table)}); d <- fread('$file'); t0 <- proc.time()[['elapsed']]; f <- survfit(Surv(days_employed, still_employed) ~ project_id, data = d); x <- summary(f)\$table; s <- survdiff(Surv(days_employed, still_employed) ~ project_id, data = d); cat(sprintf('R survfit + survdiff (reading excluded): %.2f s\\n', proc.time()[['elapsed']] - t0))"
else
    echo "R survival: not installed (skipped)"
fi
