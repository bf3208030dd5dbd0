effekt retention --format json --time t --event e input.csv
