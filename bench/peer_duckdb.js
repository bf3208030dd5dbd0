// DuckDB (@duckdb/node-api): the grouped describe of the benchmark,
// printed as CSV (project_id,n,mean,sd,median,p90) sorted by group;
// quantile_cont is R's type 7.  Usage: node bench/peer_duckdb.js FILE THREADS
const { DuckDBInstance } = require(require.resolve('@duckdb/node-api', { paths: [__dirname + '/node'] }));
(async () => {
    const [file, threads] = process.argv.slice(2);
    const db = await DuckDBInstance.create(':memory:', { threads: String(threads || 2) });
    const con = await db.connect();
    const q = `SELECT project_id, count(cost) AS n, avg(cost) AS mean, stddev_samp(cost) AS sd,
                      quantile_cont(cost, 0.5) AS median, quantile_cont(cost, 0.9) AS p90
               FROM read_csv('${file.replace(/'/g, "''")}') GROUP BY project_id ORDER BY project_id`;
    const reader = await con.runAndReadAll(q);
    const out = ['project_id,n,mean,sd,median,p90'];
    for (const r of reader.getRows())
        out.push(r.map(String).join(','));
    console.log(out.join('\n'));
})();
