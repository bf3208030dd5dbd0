effekt retention --format json --time t --event e --conf-type log-log --quantiles 0.75 input.csv
