#!/bin/sh
# The PDF writer read back with poppler: tests/doc_sample writes a
# document with every feature; the PDF must be tagged, carry its title,
# author and language, embed every font, have a destination for every
# section, table and figure (the contents' and references' links) and an
# outline, continue the long table with its header and the caption
# "(continued)", set the wide table on a landscape page in two column
# groups, put each footnote on the page that cites it, number the
# contents with the pages the sections are on, cut nothing ("…"), and
# give the same bytes twice.  Skips (77) without poppler-utils.
set -u
: "${srcdir:=.}"
SAMPLE=${DOC_SAMPLE:-$PWD/tests/doc_sample}
for t in pdftotext pdfinfo pdffonts; do
    if ! command -v $t >/dev/null 2>&1; then
        echo "SKIP: no $t to read the PDF report with (install the Debian package poppler-utils)"
        exit 77
    fi
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL $*"; }
page() { pdftotext -f "$1" -l "$1" "$pdf" - 2>/dev/null; }
"$SAMPLE" da "$tmp/a" pdf 2>"$tmp/err" || { bad "doc_sample failed"; cat "$tmp/err"; }
"$SAMPLE" da "$tmp/b" pdf 2>/dev/null
pdf=$tmp/a/report.pdf
cmp -s "$pdf" "$tmp/b/report.pdf" && ok || bad "two runs differ"
pdfinfo "$pdf" >"$tmp/info" 2>"$tmp/info.err"
[ ! -s "$tmp/info.err" ] && ok || { bad "pdfinfo complains:"; cat "$tmp/info.err"; }
grep -q '^Tagged: *yes' "$tmp/info" && ok || bad "not tagged"
grep -q '^Title: *Evaluering af Go Vest$' "$tmp/info" && ok || bad "no title"
grep -q '^Author: *Effekt ApS$' "$tmp/info" && ok || bad "no author"
grep -q '^Pages: *9$' "$tmp/info" && ok || bad "not 9 pages: $(grep Pages "$tmp/info")"
grep -aq '/Lang (da)' "$pdf" && ok || bad "no /Lang (da) in the catalog"
grep -aq '/Outlines' "$pdf" && ok || bad "no outline"
! grep -aq '/CreationDate' "$pdf" && ok || bad "a creation date (reruns would differ)"
[ "$(pdffonts "$pdf" | tail -n +3 | awk '$(NF-4) != "yes"' | wc -l)" -eq 0 ] && ok || bad "a font is not embedded"
pdfinfo -dests "$pdf" >"$tmp/dests" 2>/dev/null
for id in resume projektet maalopfyldelse maal fig-omk sammenligning alle bred bred-tabel metode fig-mange kilder _fn1 _fn2; do
    grep -q "\"$id\"" "$tmp/dests" || bad "no destination '$id'"
done
ok
pdfinfo -f 6 -l 6 "$pdf" | grep -q 'Page *6 size: *841.89 x 595.28' && ok || bad "page 6 (the wide table) is not landscape"
page 2 | grep -q '^Omkostningen er projektets samlede udgift' && ok || bad "footnote 1 is not on page 2, which cites it"
page 7 | grep -q '^Med 40 projekter bliver figuren' && ok || bad "footnote 2 is not on page 7, which cites it"
page 5 | grep -q '^Tabel 2 (fortsat)$' && ok || bad "the long table does not continue on page 5 with its caption"
page 5 | grep -q '^Projekt$' && ok || bad "the long table's header is not repeated on page 5"
page 6 | grep -q '^Tabel 3 (fortsat)$' && ok || bad "the wide table is not split into column groups"
# the contents: each section with the page it is on
pdftotext -layout -f 2 -l 2 "$pdf" - | grep -Eq '^ *3 +Metode og begreber +7$' && ok || bad "the contents do not give section 3 on page 7"
page 7 | grep -q '^3 Metode og begreber$' && ok || bad "section 3 is not on page 7"
pdftotext "$pdf" "$tmp/text"
! grep -q '…' "$tmp/text" && ok || bad "an ellipsis: something was cut"
grep -q '3f6c1e0d2b9a8f7e6d5c4b3a29180716f5e4d3c2b1a09f8e7d6c5b4a39281706' "$tmp/text" && ok || bad "the SHA-256 is not whole"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
