#!/bin/sh
# Install the peer tools `make bench` compares effekt with, into bench/
# (not committed: bench/node/ is in .gitignore).  Pinned exactly, so that
# a comparison can be repeated:
#   Polars: nodejs-polars 0.25.2 (its native part for linux-x64-gnu is
#           named too: npm on node 20 may skip the optional dependency)
#   DuckDB: @duckdb/node-api 1.5.6-r.1
# and from Debian (needs root): R data.table, GNU datamash, GNU parallel.
# Usage: bench/peers.sh [--apt]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$here/node"
[ -f "$here/node/package.json" ] || echo '{ "private": true }' >"$here/node/package.json"
npm install --prefix "$here/node" --save-exact --no-audit --no-fund \
    @duckdb/node-api@1.5.6-r.1 nodejs-polars@0.25.2
# the native part, by name, when npm left the optional dependency out
if ! (cd "$here/node" && node -e 'require("nodejs-polars")') >/dev/null 2>&1; then
    npm install --prefix "$here/node" --save-exact --no-audit --no-fund nodejs-polars-linux-x64-gnu@0.25.2
fi
(cd "$here/node" && node -e 'require("nodejs-polars"); require("@duckdb/node-api"); console.log("polars and duckdb load")')
if [ "${1:-}" = --apt ]; then
    apt-get install -y r-cran-data.table datamash parallel
fi
