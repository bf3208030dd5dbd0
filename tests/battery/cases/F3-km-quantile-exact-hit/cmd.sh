effekt retention --format json --time t --event e --quantiles 0.75 input.csv
