#!/bin/sh
# Run the R battery against a built effekt (not part of make check: needs R).
#   tests/battery/run.sh [SECTION...]     (sections: describe outcome value retention kpi csv)
# Environment: EFFEKT (default ./effekt), BATTERY_OUT (default $TMPDIR/effekt-battery),
# BATTERY_SEED (default 14), BATTERY_SCALE (default 1; 0.2 for a quick run).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
: "${EFFEKT:=$PWD/effekt}" "${BATTERY_OUT:=${TMPDIR:-/tmp}/effekt-battery}"
export EFFEKT BATTERY_OUT
rm -rf "$BATTERY_OUT/cases"
Rscript "$here/battery.R" "$@"
echo "report: $BATTERY_OUT/report.txt"
