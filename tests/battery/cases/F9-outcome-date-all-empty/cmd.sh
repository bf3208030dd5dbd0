effekt compare --by g --outcome placed_date input.csv
