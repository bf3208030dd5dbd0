#!/bin/sh
# The EU share of each row of the real lists' excerpts (issue 17), as
# effekt kpi reads them with no options, against an independent reading:
# iconv to UTF-8 and tests/eu_shares.awk (its own CSV splitting and
# number reading, per file as the list is written).  Equal to 1e-15
# relative: both divide the same two decimals read to the nearest double.
set -u
: "${srcdir:=.}" "${EFFEKT:=$PWD/effekt}"
cd "$srcdir" || exit 99
command -v iconv >/dev/null 2>&1 || { echo "SKIP: no iconv"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
# file | encoding | delimiter | total column | EU column | decimal mark
while IFS='|' read -r file enc delim total eu mark; do
    case $file in ''|'#'*) continue ;; esac
    iconv -f "$enc" -t UTF-8 "$file" | awk -v mode=shares -v d="$delim" -v t="$total" -v e="$eu" -v m="$mark" \
        -f tests/eu_shares.awk >"$tmp/want"
    if ! "$EFFEKT" kpi -q -f csv "$file" >"$tmp/kpi.csv" 2>"$tmp/err"; then
        fail=$((fail + 1)); echo "FAIL $file: effekt kpi failed"; sed 's/^/  /' "$tmp/err"; continue
    fi
    awk -v mode=column -v d=, -v c=eu_share -f tests/eu_shares.awk "$tmp/kpi.csv" >"$tmp/got"
    rows=$(wc -l <"$tmp/want")
    if [ "$rows" -lt 3 ] || ! paste -d' ' "$tmp/want" "$tmp/got" | awk -v f="$file" '
        NF != 2 { print "FAIL " f ": row " NR " missing"; bad = 1; next }
        $1 == "NA" || $2 == "NA" { if ($1 != $2) { print "FAIL " f ": row " NR ": " $1 " against effekt " $2; bad = 1 } next }
        { d = $1 - $2; if (d < 0) d = -d; a = $1 < 0 ? -$1 : $1
          if (d > 1e-15 * a) { print "FAIL " f ": row " NR ": " $1 " against effekt " $2; bad = 1 } }
        END { exit bad }'; then
        fail=$((fail + 1)); [ "$rows" -lt 3 ] && echo "FAIL $file: only $rows rows"; continue
    fi
    pass=$((pass + 1))
done <<'LISTS'
tests/data/eu/dk_erdf_2007-2013_head.csv|UTF-8|,|6|7|,
tests/data/eu/nl_esf_2014-2020_head.csv|UTF-8|,|13|12|,
tests/data/eu/pl_cf_2014-2020_head.csv|WINDOWS-1250|;|3|4|.
tests/data/amounts_fr_excerpt.csv|UTF-8|,|8|7|,
tests/data/amounts_uk_excerpt.csv|UTF-8|,|8|7|.
datasets/dk-structural-funds-2014-2020.csv|WINDOWS-1252|;|5|6|,
LISTS
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
