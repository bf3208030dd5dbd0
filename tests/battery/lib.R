# Battery helpers: run effekt, parse its JSON, compare with R, keep score.
# Sourced by battery.R; see README.md.
suppressPackageStartupMessages({
    library(jsonlite)
})

EFFEKT <- Sys.getenv("EFFEKT", "./effekt")
OUT <- Sys.getenv("BATTERY_OUT", "battery-out")
dir.create(OUT, showWarnings = FALSE, recursive = TRUE)

score <- new.env()
score$checks <- 0L
score$fails <- 0L
score$by_section <- list()
score$findings <- list()
score$case_no <- 0L

# One case: a file written into OUT/cases/NNN-name/, effekt run on it.
# Returns list(status, out, err, json, dir, cmd).
run_case <- function(name, csv_text = NULL, args, files = NULL, raw = NULL) {
    score$case_no <- score$case_no + 1L
    dir <- file.path(OUT, "cases", sprintf("%04d-%s", score$case_no, name))
    dir.create(dir, showWarnings = FALSE, recursive = TRUE)
    input <- file.path(dir, "input.csv")
    if (!is.null(raw)) {
        writeBin(raw, input)
    } else if (!is.null(csv_text)) {
        con <- file(input, "wb")
        writeBin(charToRaw(enc2utf8(csv_text)), con)
        close(con)
    }
    argv <- c(args, if (is.null(files)) "input.csv" else files)
    cmd <- paste(c("effekt", shQuote(argv)), collapse = " ")
    writeLines(cmd, file.path(dir, "cmd"))
    old <- setwd(dir)
    on.exit(setwd(old))
    eff <- normalizePath(EFFEKT)
    status <- suppressWarnings(system2(eff, shQuote(argv), stdout = "stdout", stderr = "stderr"))
    out <- paste(readLines("stdout", warn = FALSE), collapse = "\n")
    err <- paste(readLines("stderr", warn = FALSE), collapse = "\n")
    json <- NULL
    if (status == 0 && nzchar(out) && any(argv == "json"))
        json <- tryCatch(fromJSON(out, simplifyVector = FALSE), error = function(e) NULL)
    list(status = status, out = out, err = err, json = json, dir = dir, cmd = cmd)
}

note_check <- function(section, ok, case, what, got, want, extra = "") {
    score$checks <- score$checks + 1L
    s <- score$by_section[[section]]
    if (is.null(s)) s <- c(checks = 0L, fails = 0L)
    s["checks"] <- s["checks"] + 1L
    if (!ok) {
        s["fails"] <- s["fails"] + 1L
        score$fails <- score$fails + 1L
        rec <- list(section = section, case = case$dir, cmd = case$cmd, what = what,
                    got = format(got, digits = 17), want = format(want, digits = 17),
                    extra = extra)
        score$findings[[length(score$findings) + 1L]] <- rec
    }
    score$by_section[[section]] <- s
    invisible(ok)
}

num_or_na <- function(v) {
    if (is.null(v)) return(NA_real_)
    if (is.list(v) && !is.null(v$value)) return(num_or_na(v$value))
    if (is.list(v)) return(NA_real_)
    as.numeric(v)
}

# Numbers agree: both NA/undefined, or equal within a relative tolerance
# (absolute near zero).
close_enough <- function(got, want, rel = 1e-9, abs = 1e-12) {
    if (is.na(want) || !is.finite(want)) return(is.na(got) || (!is.na(got) && identical(got, want)))
    if (is.na(got)) return(FALSE)
    abs(got - want) <= max(abs, rel * abs(want))
}

check_num <- function(section, case, what, got, want, rel = 1e-9, abs = 1e-12) {
    got <- num_or_na(got)
    note_check(section, close_enough(got, want, rel, abs), case, what, got, want,
               sprintf("rel.err=%.3g", if (is.na(got) || is.na(want)) NA else abs(got - want) / max(abs(want), 1e-300)))
}

check_true <- function(section, case, what, cond, got = "", want = "") {
    note_check(section, isTRUE(cond), case, what, got, want)
}

fmt <- function(x) formatC(x, digits = 17, format = "g")

write_report <- function() {
    lines <- c(sprintf("checks: %d  failed: %d  agreement: %.4f%%", score$checks, score$fails,
                       100 * (1 - score$fails / max(1, score$checks))), "")
    for (s in names(score$by_section)) {
        v <- score$by_section[[s]]
        lines <- c(lines, sprintf("  %-22s checks %7d  failed %6d", s, v["checks"], v["fails"]))
    }
    lines <- c(lines, "", "failures (first 40 per section/what):")
    key <- vapply(score$findings, function(f) paste(f$section, sub("\\[.*", "", f$what)), "")
    seen <- list()
    for (i in seq_along(score$findings)) {
        f <- score$findings[[i]]
        k <- key[i]
        seen[[k]] <- (if (is.null(seen[[k]])) 0 else seen[[k]]) + 1
        if (seen[[k]] > 40) next
        lines <- c(lines, sprintf("[%s] %s: got %s want %s %s\n    %s\n    (%s)", f$section, f$what,
                                  paste(f$got, collapse = " "), paste(f$want, collapse = " "),
                                  f$extra, f$cmd, f$case))
    }
    lines <- c(lines, "", "failure counts by section/what:")
    tab <- sort(table(key), decreasing = TRUE)
    lines <- c(lines, sprintf("  %6d  %s", as.integer(tab), names(tab)))
    writeLines(lines, file.path(OUT, "report.txt"))
    cat(lines[1:(length(names(score$by_section)) + 2)], sep = "\n")
}

csv_of <- function(df, sep = ",", dec = ".") {
    con <- textConnection("txt", "w", local = TRUE)
    write.table(df, con, sep = sep, dec = dec, row.names = FALSE, quote = FALSE, na = "")
    close(con)
    paste0(paste(txt, collapse = "\n"), "\n")
}
