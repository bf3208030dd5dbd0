effekt compare --by g --value v --format csv input.csv
effekt compare --by g --outcome y --format csv input.csv
