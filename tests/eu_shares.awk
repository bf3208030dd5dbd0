# An independent reading of a CSV for tests/eu_shares.sh: not effekt's
# reader.  Records may span lines (a quoted field with line breaks); fields
# are split by the delimiter d outside quotes, "" is a quote.
#   mode=shares: the EU share eu/total of each data record, from columns
#     t (total) and e (EU), amounts read with decimal mark m (the other of
#     '.' and ',' groups thousands; spaces, NBSP and currency marks are
#     dropped); NA when either is empty or the total is 0.
#   mode=column: the values of the column headed c (effekt's CSV output).
function parse(rec,    i, ch, f, inq, n) {
    n = 0; f = ""; inq = 0
    for (i = 1; i <= length(rec); i++) {
        ch = substr(rec, i, 1)
        if (inq) {
            if (ch == "\"") {
                if (substr(rec, i + 1, 1) == "\"") { f = f "\""; i++ }
                else inq = 0
            } else f = f ch
        } else if (ch == "\"") inq = 1
        else if (ch == d) { F[++n] = f; f = "" }
        else f = f ch
    }
    F[++n] = f
    return n
}
function amount(s,    keep) {
    gsub(/\r/, "", s)
    keep = (m == ",") ? "[^0-9,-]" : "[^0-9.-]"
    gsub(keep, "", s)
    if (m == ",") sub(/,/, ".", s)
    return s
}
function quotes(s,    t) { t = s; return gsub(/"/, "", t) }
{
    rec = (pending == "") ? $0 : pending "\n" $0
    if (quotes(rec) % 2) { pending = rec; next }
    pending = ""
    n = parse(rec)
    if (++nr == 1) {
        for (i = 1; i <= n; i++) { h = F[i]; gsub(/\r/, "", h); if (h == c) col = i }
        next
    }
    if (mode == "column") { v = F[col]; gsub(/\r/, "", v); print (v == "" ? "NA" : v); next }
    a = amount(F[t]); b = amount(F[e])
    if (a == "" || b == "" || a + 0 == 0) print "NA"
    else printf "%.17g\n", (b + 0) / (a + 0)
}
