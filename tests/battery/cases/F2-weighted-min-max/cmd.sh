effekt describe --format csv -c x --weight w --stats n,sum,mean,min,max input.csv
