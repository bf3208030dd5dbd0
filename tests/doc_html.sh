#!/bin/sh
# The HTML writer in a real browser: tests/doc_sample writes a document
# with every feature (Danish and English); the file must be one
# self-contained page (no external resource), carry lang, a viewport,
# <caption> and <th scope="col"> in every table, an <svg role="img">
# with a <title> for every figure, and render in headless Chromium with
# no console message, on a desktop and a phone-sized window.  Skips
# (77) when Chromium is not installed.
set -u
: "${srcdir:=.}"
SAMPLE=${DOC_SAMPLE:-$PWD/tests/doc_sample}
browser=
for b in chromium chromium-browser google-chrome; do
    command -v "$b" >/dev/null 2>&1 && { browser=$b; break; }
done
if [ -z "$browser" ]; then
    echo "SKIP: no Chromium to render the HTML report in (install the Debian package chromium: apt-get install chromium)"
    exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL $*"; }
for lang in da en; do
    "$SAMPLE" "$lang" "$tmp/$lang" html 2>"$tmp/err" || { bad "$lang: doc_sample failed"; cat "$tmp/err"; continue; }
    h=$tmp/$lang/report.html
    grep -q "<html lang=\"$lang\">" "$h" && ok || bad "$lang: no lang=\"$lang\" on <html>"
    grep -q '<meta name="viewport" content="width=device-width, initial-scale=1">' "$h" && ok || bad "$lang: no viewport"
    [ "$(grep -c '<caption' "$h")" -eq 3 ] && ok || bad "$lang: not 3 captions"
    ! grep -q '<th>' "$h" && grep -q '<th scope="col"' "$h" && ok || bad "$lang: a header cell without scope"
    [ "$(grep -c '<svg class="chart" role="img" aria-labelledby="fig-[a-z]*-alt"' "$h")" -eq 2 ] && ok || bad "$lang: not 2 charts as <svg role=img>"
    [ "$(grep -c '<title id="fig-[a-z]*-alt">' "$h")" -eq 2 ] && ok || bad "$lang: not 2 chart titles"
    # one file: nothing loaded from elsewhere
    ! grep -Eq '(src|href)="(https?:|//|[a-z]+\.(css|js|png|svg))' "$h" && ok || bad "$lang: an external resource"
    # ids are unique (two inline charts must not share their glyphs' ids)
    dup=$(grep -o ' id="[^"]*"' "$h" | sort | uniq -d | head -3)
    [ -z "$dup" ] && ok || bad "$lang: duplicate ids: $dup"
    # every link inside the page has its target
    for a in $(grep -o 'href="#[^"]*"' "$h" | sed 's/href="#//; s/"$//' | sort -u); do
        grep -q " id=\"$a\"" "$h" || bad "$lang: a link to #$a, which is not there"
    done
    for size in 1000,2400 390,2400; do
        rm -rf "$tmp/profile"
        timeout 120 "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run \
            --user-data-dir="$tmp/profile" --enable-logging=stderr --v=0 \
            --screenshot="$tmp/$lang-$size.png" --window-size="$size" "file://$h" >"$tmp/out" 2>"$tmp/log"
        [ -s "$tmp/$lang-$size.png" ] && ok || bad "$lang $size: no screenshot"
        if grep -q 'CONSOLE' "$tmp/log"; then
            bad "$lang $size: console messages:"
            grep 'CONSOLE' "$tmp/log" | head -5
        else
            ok
        fi
    done
    # the DOM the browser built has the tables' rows and the footnotes
    rm -rf "$tmp/profile"
    timeout 120 "$browser" --headless --no-sandbox --disable-gpu --no-first-run --user-data-dir="$tmp/profile" \
        --dump-dom "file://$h" >"$tmp/dom" 2>/dev/null
    [ "$(grep -o '<tr' "$tmp/dom" | wc -l)" -eq 73 ] && ok || bad "$lang: the browser's DOM lacks table rows"
    grep -q 'id="_fn1"' "$tmp/dom" && ok || bad "$lang: the browser's DOM lacks footnote 1"
done
# the same document gives the same bytes
"$SAMPLE" da "$tmp/again" html 2>/dev/null
cmp -s "$tmp/da/report.html" "$tmp/again/report.html" && ok || bad "two runs differ"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
