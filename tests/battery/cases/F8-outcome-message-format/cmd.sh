effekt compare --by g --outcome y input.csv
