effekt describe --format csv -c x --stats q1,q3,iqr --quantile-type 8 input.csv
effekt describe --format csv -c x --stats q1,q3,iqr --quantile-type 9 input.csv
