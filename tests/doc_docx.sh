#!/bin/sh
# The DOCX writer in a real word processor: tests/doc_sample writes a
# document with every feature (Danish and English); the package must
# hold Word's heading styles with outline levels, a TOC field, tables
# with a repeated header row, footnotes, a PAGE field, its language and
# figures 170 mm wide (300 dpi PNGs at their physical size), give the
# same bytes twice, and LibreOffice must convert it to a PDF in which
# the headings, captions, a table's cells, a footnote and the page
# numbers are found by pdftotext.  Skips (77) when LibreOffice (or
# pdftotext) is not installed.
set -u
: "${srcdir:=.}"
SAMPLE=${DOC_SAMPLE:-$PWD/tests/doc_sample}
office=
for b in soffice libreoffice; do
    command -v "$b" >/dev/null 2>&1 && { office=$b; break; }
done
if [ -z "$office" ]; then
    echo "SKIP: no LibreOffice to open the DOCX report with (install the Debian package libreoffice-writer-nogui: apt-get install libreoffice-writer-nogui)"
    exit 77
fi
if ! command -v pdftotext >/dev/null 2>&1; then
    echo "SKIP: no pdftotext to read the converted DOCX report (install the Debian package poppler-utils)"
    exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL $*"; }
has() { grep -q -- "$2" "$1" && ok || bad "$3"; }
for lang in da en; do
    "$SAMPLE" "$lang" "$tmp/$lang" docx 2>"$tmp/err" || { bad "$lang: doc_sample failed"; cat "$tmp/err"; continue; }
    d=$tmp/$lang/report.docx
    [ "$(head -c 2 "$d")" = "PK" ] && ok || bad "$lang: not a zip"
    if command -v unzip >/dev/null 2>&1; then
        unzip -p "$d" word/document.xml >"$tmp/doc.xml"
        unzip -p "$d" word/styles.xml >"$tmp/styles.xml"
        unzip -p "$d" docProps/core.xml >"$tmp/core.xml"
        unzip -p "$d" word/footnotes.xml >"$tmp/notes.xml"
        unzip -p "$d" word/footer1.xml >"$tmp/footer.xml"
        has "$tmp/styles.xml" '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/>' "$lang: no Heading 1 style"
        has "$tmp/styles.xml" '<w:outlineLvl w:val="1"/>' "$lang: no outline level on Heading 2"
        has "$tmp/styles.xml" 'w:styleId="Caption"><w:name w:val="caption"/>' "$lang: no Caption style"
        [ "$lang" = da ] && tag=da-DK || tag=en-GB
        has "$tmp/styles.xml" "<w:lang w:val=\"$tag\"" "$lang: no w:lang $tag"
        has "$tmp/core.xml" "<dc:language>$tag</dc:language>" "$lang: no dc:language"
        has "$tmp/core.xml" '<dc:title>' "$lang: no title in core.xml"
        has "$tmp/doc.xml" 'TOC \\o "1-2" \\h' "$lang: no TOC field"
        [ "$(grep -o '<w:tblHeader/>' "$tmp/doc.xml" | wc -l)" -eq 4 ] && ok || bad "$lang: not 4 repeated header rows (3 tables, one in two column groups)"
        has "$tmp/doc.xml" 'w:orient="landscape"' "$lang: the wide table is not on a landscape page"
        has "$tmp/doc.xml" '<w:footnoteReference w:id="2"/>' "$lang: no footnote reference"
        has "$tmp/notes.xml" '<w:footnote w:id="2">' "$lang: no footnote 2 in footnotes.xml"
        has "$tmp/footer.xml" 'w:instr=" PAGE "' "$lang: no PAGE field in the footer"
        # 170 mm = 6120000 EMU: the figures at their physical size
        [ "$(grep -o "<wp:extent cx=\"61203[0-9][0-9]\"" "$tmp/doc.xml" | wc -l)" -eq 1 ] && ok || bad "$lang: the short figure is not 170 mm wide"
        has "$tmp/doc.xml" 'descr="' "$lang: no alt text on the figures"
    fi
    rm -rf "$tmp/profile"
    timeout 300 "$office" -env:UserInstallation="file://$tmp/profile" --headless --convert-to pdf \
        --outdir "$tmp/$lang" "$d" >"$tmp/log" 2>&1
    if [ ! -s "$tmp/$lang/report.pdf" ]; then
        bad "$lang: LibreOffice did not convert the DOCX"
        cat "$tmp/log"
        continue
    fi
    pdftotext "$tmp/$lang/report.pdf" "$tmp/$lang.txt"
    t=$tmp/$lang.txt
    if [ "$lang" = da ]; then
        for s in "Evaluering af Go Vest" "Indhold" "Målopfyldelse" "Tabel 1. Mål og resultater" "Tabel 3 (fortsat)" \
                 "Figur 1. Omkostning pr. deltager" "Figur 2. Omkostning" "Omkostningen er projektets samlede udgift" \
                 "46,7 % (29,8–64,3)" "612,4" "Side 2" "Æbeltoft, Ørsted og Århus" "Fastholdelse"; do
            has "$t" "$s" "da: '$s' is not in the converted PDF"
        done
    else
        for s in "Evaluation of Go Vest" "Contents" "Target attainment" "Table 1. Targets and results" "Table 3 (continued)" \
                 "Figure 2. Cost per participant in 40 projects" "The cost is the project" "46.7% (29.8–64.3)" "Page 3"; do
            has "$t" "$s" "en: '$s' is not in the converted PDF"
        done
    fi
    ! grep -q '…' "$t" && ok || bad "$lang: an ellipsis in the text"
done
"$SAMPLE" da "$tmp/again" docx 2>/dev/null
cmp -s "$tmp/da/report.docx" "$tmp/again/report.docx" && ok || bad "two runs differ"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
