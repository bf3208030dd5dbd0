#!/bin/sh
# make bench: generate the benchmark file (1,000,000 participant rows,
# 9 columns) and measure effekt against the tools a statistician would use
# instead, on the same file, for the same statistics.  Each timing is the
# best of BENCH_REPEATS runs (default 3) of the whole command, reading
# included.  Peer tools that are not installed are skipped and said so.
set -eu
rows=${BENCH_ROWS:-1000000}
repeats=${BENCH_REPEATS:-3}
out=bench/out
mkdir -p "$out"
file="$out/participants-$rows.csv"
[ -s "$file" ] || ./bench/gen_bench "$rows" >"$file"

echo "== loading: effekt_csv_load_file, every column typed (target: 150 MB/s)"
./bench/bench_load "$file" 15
./bench/bench_load "$file" 15 one-core

# best wall time of a shell command, in seconds
best() {
    b=""
    i=0
    while [ "$i" -lt "$repeats" ]; do
        t0=$(date +%s.%N)
        sh -c "$1" >/dev/null 2>&1
        t1=$(date +%s.%N)
        t=$(echo "$t1 - $t0" | bc -l)
        if [ -z "$b" ] || [ "$(echo "$t < $b" | bc -l)" -eq 1 ]; then b=$t; fi
        i=$((i + 1))
    done
    printf '%.3f' "$b"
}

echo
echo "== grouped describe: count, mean, sd, median, p90 of cost by project_id (target: 3x the fastest peer)"
e=$(best "./effekt describe -q -c cost --by project_id --stats n,mean,sd,median,p90 --format csv $file")
echo "effekt describe            $e s"
fastest=""
peer() {
    name=$1
    shift
    if ! command -v "$1" >/dev/null 2>&1; then
        echo "$name: not installed (skipped)"
        return
    fi
    t=$(best "$2")
    echo "$name $t s   effekt is $(echo "$t / $e" | bc -l | xargs printf '%.1f')x faster"
    if [ -z "$fastest" ] || [ "$(echo "$t < $fastest" | bc -l)" -eq 1 ]; then fastest=$t; fi
}
peer "GNU datamash (-s -g)      " datamash "datamash -t, -s -H -g 1 count 9 mean 9 sstdev 9 median 9 perc:90 9 < $file"
peer "Miller stats1             " mlr "mlr --icsv --ocsv stats1 -a count,mean,stddev,median,p90 -f cost -g project_id $file"
peer "R data.table (fread)      " Rscript "Rscript -e 'suppressMessages(library(data.table)); d <- fread(\"$file\"); print(d[, .(n = .N, mean = mean(cost), sd = sd(cost), median = median(cost), p90 = quantile(cost, 0.9)), by = project_id])'"
if [ -n "$fastest" ]; then
    echo "ratio to the fastest peer: $(echo "$fastest / $e" | bc -l | xargs printf '%.1f')x"
fi

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
