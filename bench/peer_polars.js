// Polars (nodejs-polars, lazy scanCSV): the grouped describe of the
// benchmark, printed as CSV (project_id,n,mean,sd,median,p90) sorted by
// group.  Threads: POLARS_MAX_THREADS (default: every core).
// Usage: node bench/peer_polars.js FILE
const pl = require(require.resolve('nodejs-polars', { paths: [__dirname + '/node'] }));
const file = process.argv[2];
const df = pl.scanCSV(file)
    .groupBy('project_id')
    .agg([
        pl.col('cost').count().alias('n'),
        pl.col('cost').mean().alias('mean'),
        pl.col('cost').std().alias('sd'),
        pl.col('cost').median().alias('median'),
        pl.col('cost').quantile(0.9, 'linear').alias('p90'),
    ])
    .sort('project_id')
    .collectSync();
const out = ['project_id,n,mean,sd,median,p90'];
for (const r of df.toRecords())
    out.push(['project_id', 'n', 'mean', 'sd', 'median', 'p90'].map((k) => String(r[k])).join(','));
console.log(out.join('\n'));
