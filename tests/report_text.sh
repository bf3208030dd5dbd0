#!/bin/sh
# The text of both bundled reports as a reader gets it (pdftotext of
# report.pdf), issue 16: no snake_case identifier (file names aside), no
# "…" next to a digit (a cut number), the numbers of results.json that
# the tables show there in full (rows of each input, SHA-256 of each
# input, Go Vest's KPIs as the locale writes them), the Danish report
# without the English words its tables once had, and R's Wilson
# interval for Go Vest's synthetic placement:
#   prop.test(14, 30, correct = FALSE)$conf.int  # 0.302324 0.638577
# shown to one decimal as 46,7 % (30,2–63,9).
set -u
: "${srcdir:=.}" "${EFFEKT:=$PWD/effekt}"
if ! command -v pdftotext >/dev/null 2>&1; then
    echo "SKIP: pdftotext not found (Debian: apt-get install poppler-utils)"
    exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL $*"; }

for r in spec portfolio; do
    "$EFFEKT" report -q "$srcdir/datasets/report-$r.json" -o "$tmp/$r" 2>/dev/null || { bad "report-$r.json failed"; continue; }
    pdftotext -enc UTF-8 "$tmp/$r/report.pdf" "$tmp/$r.txt" || { bad "pdftotext $r"; continue; }
    # snake_case: a lower-case word with an underscore, not a file name (seed_projects.csv)
    ids=$(grep -oE '[a-z][a-z0-9]*_[a-z0-9_]+(\.[a-z]+)?' "$tmp/$r.txt" | grep -vE '\.(csv|json|txt|png|svg)$' | sort -u)
    [ -z "$ids" ] && ok || bad "$r: identifiers in the text: $(echo $ids)"
    cut=$(grep -nE '[0-9]…|…[0-9]' "$tmp/$r.txt")
    [ -z "$cut" ] && ok || bad "$r: a number cut by …: $cut"
    # nothing a person reads is cut: no "…" at all (a bar label once was:
    # "… arbejdskraft i Region…" in the Danish report's Figure 3)
    cut=$(grep -n '…' "$tmp/$r.txt")
    [ -z "$cut" ] && ok || bad "$r: a text cut by …: $cut"
    # a table's source line stays with the table: no page starts with it
    # (Table 7's "Kilde: participants.csv" once stood alone on page 5)
    lone=$(awk 'BEGIN { RS = "\f" } { n = split($0, L, "\n"); for (i = 1; i <= n; i++) if (L[i] != "") { if (L[i] ~ /^(Kilde|Source): [^;]*$/) print "page " NR ": " L[i]; break } }' "$tmp/$r.txt")
    [ -z "$lone" ] && ok || bad "$r: a source line alone at the top of a page: $lone"
    # each input's SHA-256 in full, from results.json
    for sha in $(grep -oE '"sha256":[[:space:]]*"[0-9a-f]{64}"' "$tmp/$r/results.json" | grep -oE '[0-9a-f]{64}' | sort -u); do
        grep -q "$sha" "$tmp/$r.txt" && ok || bad "$r: SHA-256 $sha not in the text"
    done
done

d="$tmp/spec.txt"
if [ -s "$d" ]; then
    # rows of the inputs (results.json: "rows") as Danish numbers
    for n in 5 "1.500" 107; do
        grep -qE "(^| )$n( |$)" "$d" && ok || bad "spec: $n rows not in the text"
    done
    # Go Vest's KPIs (results.json kpis.projects[GOVEST]) as the Danish locale writes them
    for want in "3.690.661 kr." "1.786.690 kr. (48,4 %)" "307.555 kr." "123.022 kr." "148.891" "46,7 % (30,2–63,9)" \
                "9. september 2019 – 31. december 2022" "Socialfonden"; do
        grep -qF "$want" "$d" && ok || bad "spec: '$want' not in the text"
    done
    # the spec's analyses as tables (once only in results.json), R's values:
    #   d <- read.csv("datasets/participants.csv"); a <- d$age[d$project_id == "GOVEST"]
    #   mean(a); t.test(a)$conf.int   # 39.03333 35.57261 42.49405
    #   prop.test(c(14,28,119,233,55,363), c(30,50,240,400,160,620), correct = FALSE)$statistic  # 35.49951
    for want in "Deltagere: alder og omkostning efter projekt (syntetiske data)" "39,0 (35,6–42,5)" \
                "χ² = 35,5, frihedsgrader = 5, p < 0,001" "1.014 (fra 399)"; do
        grep -qF "$want" "$d" && ok || bad "spec: '$want' not in the text"
    done
    # the funnel's caption names both limits it draws (95 % and 99.8 %,
    # fixed by the chart; it once said 95 % only)
    tr '\n' ' ' <"$d" | grep -qF "med 95 %- og 99,8 %-grænser" && ok || bad "spec: the funnel caption does not name its 99,8 % limits"
    # the funnel names the project's own place: "Go Vest" among the
    # funnel's axis texts, next to the flagged SYN-SYD
    awk '/^andel med job$/ { f = 1 } f && /^Go Vest$/ { g = 1 } /^SYN-SYD$/ && f { exit !g } END { if (!f) exit 1 }' "$d" && ok || bad "spec: the funnel does not name Go Vest"
    # the language by name in the annex ("dansk", once the code "da")
    grep -qxF "dansk" "$d" && ! grep -qxF "da" "$d" && ok || bad "spec: the language not by name"
    # no English left from the old report: headings, n/a, exponent p-values
    eng=$(grep -owE 'statistics|ci_lower|Key figures|Charts|Warnings|Methods|Provenance|n/a|not reported|[0-9]e-[0-9]+' "$d" | sort -u)
    [ -z "$eng" ] && ok || bad "spec: English in the Danish report: $(echo $eng)"
    # the Danish KPI wording (Omkostning, not Udgift, pr. deltager)
    grep -qF "Omkostning pr. deltager" "$d" && ! grep -qF "Udgift pr." "$d" && ok || bad "spec: the KPIs are not called Omkostning pr. …"
    grep -qF "(syntetiske data)" "$d" && grep -qF "Syntetiske data:" "$d" && ok || bad "spec: the synthetic participants are not marked"
fi
# each analysis also as tables/analysis-NAME.csv (analysis-N without a
# name), in display form: the Danish header, decimal commas
grep -q "^.Projekt;Variabel;Værdier;Mangler;Gennemsnit, 95 %-interval;" "$tmp/spec/tables/analysis-1.csv" 2>/dev/null && ok \
    || bad "spec: tables/analysis-1.csv missing or not in display form"
mkdir -p "$tmp/named"
cp "$srcdir/datasets/seed_projects.csv" "$srcdir/datasets/participants.csv" "$srcdir/datasets/dk-structural-funds-2014-2020.csv" "$tmp/named/"
sed 's/"type": "describe",/"type": "describe", "name": "alder",/' "$srcdir/datasets/report-spec.json" >"$tmp/named/spec.json"
"$EFFEKT" report -q "$tmp/named/spec.json" -o "$tmp/named/out" 2>/dev/null && [ -s "$tmp/named/out/tables/analysis-alder.csv" ] && ok \
    || bad "a named analysis is not tables/analysis-alder.csv"
p="$tmp/portfolio.txt"
if [ -s "$p" ]; then
    grep -qF "The 107 projects have a total budget of DKK 2,055.8 million" "$p" && ok || bad "portfolio: the summary's total"
    # the distribution of a unit cost the export allows: cost per month by
    # fund, pooled (sum over sum) beside the projects' quartiles, R's values:
    #   d <- read.csv2("datasets/dk-structural-funds-2014-2020.csv", fileEncoding = "windows-1252", check.names = FALSE)
    #   m <- as.numeric(as.Date(d[[3]], "%d.%m.%Y") - as.Date(d[[2]], "%d.%m.%Y")) / 30.4375
    #   cost <- as.numeric(gsub("[^0-9,]", "", d[[5]])); mc <- cost / m; i <- d[[9]] == "R"
    #   sum(cost[i]) / sum(m[i]); quantile(mc[i], c(.5, .25, .75)); range(mc[i])
    #   # R: 541056.6; 428202 242057.8 715054.8; 39628.29 3271139   (S: 451480.4; 389847.6 255784.8 697113.7; 58553.27 1247319)
    for want in "541,057" "428,202 (242,058–715,055)" "39,628–3,271,139" "451,480" "389,848 (255,785–697,114)" "58,553–1,247,319"; do
        grep -qF "$want" "$p" && ok || bad "portfolio: cost per month '$want' not in the text"
    done
    # the limitation says why there is no funnel or caterpillar plot
    grep -qF "There is no funnel or caterpillar plot" "$p" && ok || bad "portfolio: no word on why there is no funnel"
    grep -qE '^ESF$|ESF ' "$p" && grep -qE 'ERDF' "$p" && ok || bad "portfolio: funds not by name"
    # every project's name in the annex table: 107 rows
    n=$(wc -l <"$tmp/portfolio/tables/projects.csv")
    [ "$n" -eq 108 ] && ok || bad "portfolio: tables/projects.csv has $n lines, expected 108"
fi
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
