effekt retention --format json --time t --event e --by g input.csv
