# Battery sections: kpi and hostile CSV.  Sourced by battery.R.

# ---------------------------------------------------------------- kpi
section_kpi <- function() {
    z_of <- function(conf) qnorm(1 - (1 - conf) / 2)
    for (rep_i in 1:(60 * SCALE)) {
        np <- sample(c(1, 2, 5, 12), 1)
        maybe <- function(v, p = 0.15) ifelse(runif(length(v)) < p, NA, v)
        total <- maybe(round(runif(np, 1e5, 5e7)), 0.1)
        eu <- maybe(round(total * runif(np, 0, 0.6)))
        nat <- maybe(round(total * runif(np, 0, 0.3)))
        priv <- maybe(round(total * runif(np, 0, 0.1)))
        oth <- maybe(round(total * runif(np, 0, 0.05)))
        part <- maybe(sample(c(0, 1, 3, 20, 150, 900), np, TRUE))
        comp <- maybe(sample(c(0, 1, 7, 40), np, TRUE))
        jobs <- maybe(pmin(sample(c(0, 1, 2, 15, 100), np, TRUE), ifelse(is.na(part), 1e9, part)))
        target <- maybe(sample(c(0, 5, 20, 120), np, TRUE))
        r6 <- maybe(ifelse(is.na(jobs), NA, floor(jobs * runif(np))))
        r12 <- maybe(ifelse(is.na(r6), NA, floor(r6 * runif(np))))
        start <- as.Date("2015-01-01") + sample(0:2000, np, TRUE)
        end <- start + sample(c(0, 1, 30, 365, 1000), np, TRUE)
        start <- as.character(start); end <- as.character(end)
        start[runif(np) < 0.1] <- NA
        fund <- sample(c("ESF", "ERDF", "Fond A"), np, TRUE)
        df <- data.frame(project_id = sprintf("P%03d", 1:np), fund = fund, start_date = start, end_date = end,
                         total_cost = total, eu_contribution = eu, national_public = nat, private_funding = priv,
                         other_funding = oth, participants = part, companies = comp, jobs_target = target,
                         jobs_created = jobs, retained_6m = r6, retained_12m = r12)
        text <- csv_of(df)
        conf <- sample(c(0.95, 0.9, 0.99), 1)
        byg <- np > 1 && runif(1) < 0.5
        args <- c("kpi", "--format", "json", "--confidence", conf, "-q")
        if (byg) args <- c(args, "--by", "fund")
        cs <- run_case("kpi", text, args)
        if (!check_true("kpi", cs, "exit status 0", cs$status == 0, cs$status, 0) || is.null(cs$json)) next
        ratio <- function(a, b) ifelse(is.na(a) | is.na(b) | b == 0, NA, a / b)
        srcs <- cbind(eu, nat, priv, oth)
        anysrc <- rowSums(!is.na(srcs)) > 0
        unattr <- ifelse(anysrc & !is.na(total), total - rowSums(srcs, na.rm = TRUE), NA)
        days <- as.numeric(as.Date(end) - as.Date(start))
        want <- list(eu_share = ratio(eu, total), national_public_share = ratio(nat, total),
                     private_share = ratio(priv, total), other_share = ratio(oth, total),
                     unattributed = unattr, unattributed_share = ratio(unattr, total),
                     cost_per_participant = ratio(total, part), cost_per_company = ratio(total, comp),
                     cost_per_job = ratio(total, jobs), planned_cost_per_job = ratio(total, target),
                     eu_cost_per_job = ratio(eu, jobs), target_attainment = ratio(jobs, target),
                     placement_rate = ratio(jobs, part), retention_6m = ratio(r6, jobs), retention_12m = ratio(r12, jobs),
                     duration_months = ifelse(days > 0, days / 30.4375, NA),
                     monthly_cost = ifelse(days > 0, total / (days / 30.4375), NA))
        num <- list(placement_rate = jobs, retention_6m = r6, retention_12m = r12)
        den <- list(placement_rate = part, retention_6m = jobs, retention_12m = jobs)
        for (i in seq_len(np)) {
            row <- cs$json$projects[[i]]
            if (!check_true("kpi", cs, "project order", identical(row$project, df$project_id[i]), row$project, df$project_id[i])) break
            for (k in names(want)) {
                w <- want[[k]][i]
                if (k %in% c("duration_months", "monthly_cost") && !is.na(days[i]) && days[i] == 0) {
                    # zero-length period: undefined or 0 months, never infinity
                    check_true("kpi", cs, paste(k, "zero-length period not infinite"),
                               is.na(num_or_na(row[[k]])) || is.finite(num_or_na(row[[k]])), num_or_na(row[[k]]), "finite or null")
                    next
                }
                check_num("kpi", cs, k, row[[k]], w)
                if (!is.na(w) && is.null(row[[k]]$value)) next
                if (is.na(w)) check_true("kpi", cs, paste(k, "null has a reason"), !is.null(row[[k]]$reason), "", "reason")
                if (k %in% names(num) && !is.na(w)) {
                    ci <- wilson(num[[k]][i], den[[k]][i], conf)
                    check_num("kpi", cs, paste(k, "wilson lower"), row[[k]]$lower, ci[1])
                    check_num("kpi", cs, paste(k, "wilson upper"), row[[k]]$upper, ci[2])
                }
            }
        }
        if (byg) {
            pairs <- list(eu_share = list(eu, total), cost_per_participant = list(total, part),
                          cost_per_job = list(total, jobs), placement_rate = list(jobs, part),
                          target_attainment = list(jobs, target), eu_cost_per_job = list(eu, jobs))
            for (g in unique(fund)) for (k in names(pairs)) {
                row <- Filter(function(r) identical(r$group, g) && identical(r$kpi, k), cs$json$groups)
                if (length(row) != 1) next
                row <- row[[1]]
                a <- pairs[[k]][[1]]; b <- pairs[[k]][[2]]
                # ratio of sums over the projects reporting both (a zero
                # denominator included: no jobs still cost money)
                pool <- fund == g & !is.na(a) & !is.na(b)
                sel <- fund == g & !is.na(want[[k]])
                check_num("kpi-pooled", cs, paste(k, "reporting"), row$reporting, sum(pool))
                check_num("kpi-pooled", cs, paste(k, "pooled (ratio of sums)"), row$pooled,
                          if (sum(pool) && sum(b[pool]) > 0) sum(a[pool]) / sum(b[pool]) else NA)
                if (sum(sel)) {
                    v <- want[[k]][sel]
                    check_num("kpi-pooled", cs, paste(k, "median"), row$median, median(v))
                    check_num("kpi-pooled", cs, paste(k, "q1"), row$q1, quantile(v, 0.25, names = FALSE))
                    check_num("kpi-pooled", cs, paste(k, "q3"), row$q3, quantile(v, 0.75, names = FALSE))
                    check_num("kpi-pooled", cs, paste(k, "min"), row$min, min(v))
                    check_num("kpi-pooled", cs, paste(k, "max"), row$max, max(v))
                }
            }
        }
    }
}

# ---------------------------------------------------------------- csv
# Each case: bytes, extra options, and either the values column x must be
# read as (validate --values) or NULL for "must be refused" (exit 2).
# `either` lists cases where a refusal is also acceptable.
csv_cases <- function() {
    u8 <- function(s) charToRaw(enc2utf8(s))
    u16 <- function(s, be = FALSE) {
        cp <- utf8ToInt(enc2utf8(s))
        out <- unlist(lapply(cp, function(c) { b <- as.raw(c(c %% 256, c %/% 256)); if (be) rev(b) else b }))
        c(if (be) as.raw(c(0xfe, 0xff)) else as.raw(c(0xff, 0xfe)), out)
    }
    L <- list()
    add <- function(name, bytes, want, opts = character(0), col = "x", either = FALSE)
        L[[length(L) + 1L]] <<- list(name = name, bytes = bytes, want = want, opts = opts, col = col, either = either)
    add("plain", u8("x\n1.5\n2\n-3\n"), c(1.5, 2, -3))
    add("bom-crlf", u8("\ufeffx\r\n1.5\r\n2\r\n"), c(1.5, 2))
    add("lone-cr", u8("x\r1.5\r2\r"), c(1.5, 2))
    add("utf16le", u16("x;y\n1,5;a\n2;b\n"), c(1.5, 2))
    add("utf16be", u16("x;y\n1,5;a\n2;b\n", TRUE), c(1.5, 2))
    add("quoted", u8("t,x\n\"a, \"\"b\"\"\n c\",\"1,234.5\"\nd,2\n"), c(1234.5, 2))
    add("dot-thousands", u8("x\n1.234.567\n2.000.000\n"), c(1234567, 2e6))
    add("comma-thousands", u8("x;y\n1,234,567;a\n12,000;b\n"), c(1234567, 12000))
    add("comma-ambiguous", u8("x;y\n1,234;a\n5,678;b\n"), NULL)
    add("dot-ambiguous", u8("x\n1.234\n5.678\n"), NULL)
    add("dot-ambiguous-decimal-point", u8("x\n1.234\n5.678\n"), c(1.234, 5.678), "--decimal-point")
    add("dot-ambiguous-decimal-comma", u8("x\n1.234\n5.678\n"), c(1234, 5678), "--decimal-comma")
    add("comma-decimal-settled", u8("x;y\n1,234;a\n2,5;b\n"), c(1.234, 2.5))
    add("dot-decimal-settled", u8("x\n1.234\n2.5\n"), c(1.234, 2.5))
    add("dot-thousands-settles", u8("x;y\n1.234;a\n1.234.567;b\n"), c(1234, 1234567))
    add("both-marks-en", u8("x;y\n1,234.5;a\n2,000;b\n"), c(1234.5, 2000))
    add("both-marks-da", u8("x;y\n1.234,5;a\n2.000;b\n"), c(1234.5, 2000))
    add("mixed-conventions", u8("x;y\n1.234,5;a\n1,234.5;b\n"), NULL)
    add("space-thousands", u8("x\n3 690 661\n12 000\n"), c(3690661, 12000))
    add("nbsp-thousands", u8("x\n3\u00a0690\u00a0661\n12\u00a0000\n"), c(3690661, 12000), either = TRUE)
    add("narrow-nbsp-thousands", u8("x\n3\u202f690\u202f661\n12\u202f000\n"), c(3690661, 12000), either = TRUE)
    add("bad-grouping", u8("x\n1.23.456\n2\n"), NULL)
    add("bad-grouping-space", u8("x\n12 34\n2\n"), NULL)
    add("percent", u8("x\n50%\n12.5%\n"), c(0.5, 0.125))
    add("percent-space", u8("x\n50 %\n7 %\n"), c(0.5, 0.07), either = TRUE)
    add("percent-mixed", u8("x\n50%\n0.4\n"), NULL, either = TRUE)
    add("parentheses-negative", u8("x\n(5)\n3\n"), c(-5, 3), either = TRUE)
    add("currency", u8("x;y\nkr. 1.500;a\n2.000,50 kr.;b\nDKK 3;c\n\u20ac 4;d\n"), c(1500, 2000.5, 3, 4))
    add("plus-sign", u8("x\n+5\n2\n"), c(5, 2), either = TRUE)
    add("unicode-minus", u8("x\n\u22125\n2\n"), c(-5, 2), either = TRUE)
    add("scientific", u8("x\n1e3\n1E-2\n"), c(1000, 0.01), either = TRUE)
    add("scientific-comma", u8("x;y\n1,5e3;a\n2,25;b\n"), c(1500, 2.25), either = TRUE)
    add("hex", u8("x\n0x10\n2\n"), NULL)
    add("inf", u8("x\ninf\n2\n"), NULL)
    add("nan", u8("x\nNaN\n2\n"), NULL)
    add("infinity", u8("x\nInfinity\n2\n"), NULL)
    add("overflow", u8("x\n1e400\n2\n"), NULL)
    add("underflow", u8("x\n1e-400\n2\n"), c(0, 2), either = TRUE)
    add("minus-zero", u8("x\n-0\n2\n"), c(0, 2))
    add("leading-zeros", u8("x\n007\n2\n"), c(7, 2), either = TRUE)
    add("spaces-around", u8("x,y\n 5 ,a\n2,b\n"), c(5, 2), either = TRUE)
    add("quoted-number", u8("x,y\n\"1,5\",a\n\"2,25\",b\n"), c(1.5, 2.25))
    add("trailing-dot", u8("x\n5.\n2\n"), c(5, 2), either = TRUE)
    add("leading-dot", u8("x\n.5\n2\n"), c(0.5, 2), either = TRUE)
    add("trailing-comma-decimal", u8("x;y\n5,;a\n2;b\n"), c(5, 2), either = TRUE)
    add("double-sign", u8("x\n--5\n2\n"), NULL)
    add("dup-heading", u8("x,x\n1,2\n"), NULL)
    add("dup-heading-case", u8("x,X\n1,2\n"), NULL)
    add("dup-heading-alias", u8("total_cost,Budget / Budget,project_id\n1,2,A\n"), NULL, col = "total_cost")
    add("more-fields", u8("x,y\n1,2,3\n4,5\n"), NULL)
    add("nul", c(u8("x\n1\n"), as.raw(0), u8("\n2\n")), NULL)
    add("quote-in-unquoted", u8("x,y\n1,a\"b\n2,c\n"), NULL)
    add("unterminated-quote", u8("x,y\n1,\"abc\n2,d\n"), NULL)
    add("blank-line-middle", u8("x,y\n1,a\n\n2,b\n"), c(1, 2), either = TRUE)
    add("long-line", u8(paste0("x,y\n1,", strrep("a", 5e6), "\n2,b\n")), c(1, 2))
    add("cp1252", c(u8("x;navn\n1,5;"), as.raw(c(0x53, 0xf8, 0x72, 0x65, 0x6e)), u8("\n2;b\n")), c(1.5, 2))
    add("cp1252-euro", c(u8("x;y\n"), as.raw(0x80), u8(" 1.500;a\n2.000;b\n")), c(1500, 2000), either = TRUE)
    add("many-decimals", u8("x\n0.1000000000000000055511151231257827\n2\n"), c(0.1, 2))
    add("huge-integer", u8("x\n9007199254740993\n2\n"), c(9007199254740992, 2))
    add("tab-delim", u8("x\ty\n1,5\ta\n2\tb\n"), c(1.5, 2))
    add("pipe-delim", u8("x|y\n1.5|a\n2|b\n"), c(1.5, 2))
    add("na-tokens", u8("x\nNA\nN/A\n-\n.\n3\n"), c(NA, NA, NA, NA, 3))
    add("na-lowercase", u8("x\nna\n3\n"), c(NA, 3), either = TRUE)
    add("trailing-space-heading", u8("x ,y\n1,2\n"), c(1), either = TRUE)
    L
}

date_cases <- function() {
    u8 <- function(s) charToRaw(enc2utf8(s))
    L <- list()
    add <- function(name, bytes, want, either = FALSE) L[[length(L) + 1L]] <<- list(name = name, bytes = bytes, want = want, either = either)
    add("iso", u8("d\n2019-09-09\n2020-02-29\n"), c("2019-09-09", "2020-02-29"))
    add("dmy-dot", u8("d\n09.09.2019\n01.02.2020\n"), c("2019-09-09", "2020-02-01"))
    add("dmy-dash", u8("d\n09-09-2019\n01-02-2020\n"), c("2019-09-09", "2020-02-01"))
    add("dmy-single-digit", u8("d\n9.9.2019\n1.2.2020\n"), c("2019-09-09", "2020-02-01"), either = TRUE)
    add("mixed-formats", u8("d\n2019-09-09\n01.02.2020\n"), c("2019-09-09", "2020-02-01"), either = TRUE)
    add("slash-ambiguous", u8("d\n01/02/2020\n03/04/2020\n"), NULL)
    add("slash-us-settled", u8("d\n12/31/2020\n01/02/2020\n"), NULL, either = TRUE)
    add("impossible", u8("d\n2019-02-29\n2020-01-01\n"), NULL)
    add("impossible-dmy", u8("d\n31.04.2019\n01.01.2020\n"), NULL)
    add("month-13", u8("d\n2019-13-01\n2020-01-01\n"), NULL)
    add("two-digit-year", u8("d\n09.09.19\n01.02.20\n"), NULL, either = TRUE)
    add("iso-time", u8("d\n2019-09-09T10:00:00\n2020-01-01T00:00:00\n"), c("2019-09-09", "2020-01-01"), either = TRUE)
    add("iso-space-time", u8("d\n2019-09-09 10:00\n2020-01-01 00:00\n"), c("2019-09-09", "2020-01-01"), either = TRUE)
    add("year-0000", u8("d\n0000-01-01\n2020-01-01\n"), NULL, either = TRUE)
    add("ymd-slash", u8("d\n2019/09/09\n2020/01/02\n"), c("2019-09-09", "2020-01-02"), either = TRUE)
    add("compact", u8("d\n20190909\n20200102\n"), NULL, either = TRUE)
    add("danish-month", u8("d\n9. september 2019\n1. februar 2020\n"), c("2019-09-09", "2020-02-01"), either = TRUE)
    L
}

validate_values <- function(json, col) {
    f <- json$files[[1]]
    c1 <- Filter(function(c) identical(c$heading, col) || identical(c$canonical, col), f$columns)
    if (length(c1) != 1) return(NULL)
    list(type = c1[[1]]$type, values = vapply(c1[[1]]$values, function(v) if (is.null(v)) NA_character_ else as.character(v), ""))
}

section_csv <- function() {
    for (cse in csv_cases()) {
        cs <- run_case(paste0("csv-", cse$name), raw = cse$bytes,
                       args = c("validate", "--values", "--format", "json", cse$opts))
        refused <- cs$status != 0 || (!is.null(cs$json) && !identical(cs$json$files[[1]]$status, "ok"))
        if (is.null(cse$want)) {
            # refused, or at least not a numeric column (describe -c x then refuses: checked below)
            vv <- if (!refused) validate_values(cs$json, cse$col) else NULL
            check_true("csv", cs, paste(cse$name, "refused or not numeric"),
                       refused || is.null(vv) || !(vv$type %in% c("number", "integer")),
                       if (is.null(vv)) cs$status else paste(vv$type, paste(vv$values, collapse = " ")), "refusal")
            next
        }
        if (refused) {
            check_true("csv", cs, paste(cse$name, "read (refusal allowed)"), cse$either, paste("refused:", cs$err), cse$want)
            next
        }
        vv <- validate_values(cs$json, cse$col)
        if (cse$either && !is.null(vv) && !(vv$type %in% c("number", "integer"))) {
            check_true("csv", cs, paste(cse$name, "read or left as text"), TRUE)
            next
        }
        if (!check_true("csv", cs, paste(cse$name, "column found"), !is.null(vv), "absent", cse$col)) next
        got <- suppressWarnings(as.numeric(vv$values))
        okv <- vv$type %in% c("number", "integer") && length(got) == length(cse$want) &&
            all((is.na(got) & is.na(cse$want)) | (!is.na(got) & !is.na(cse$want) & abs(got - cse$want) <= 1e-12 * pmax(1, abs(cse$want))))
        check_true("csv", cs, paste(cse$name, "values"), okv, paste(vv$type, paste(vv$values, collapse = " ")), paste(cse$want, collapse = " "))
    }
    for (cse in date_cases()) {
        cs <- run_case(paste0("date-", cse$name), raw = cse$bytes, args = c("validate", "--values", "--format", "json"))
        refused <- cs$status != 0 || (!is.null(cs$json) && !identical(cs$json$files[[1]]$status, "ok"))
        vv <- if (!refused) validate_values(cs$json, "d") else NULL
        if (is.null(cse$want)) {
            # refused, or at least not read as a date column
            check_true("date", cs, paste(cse$name, "refused or not a date"), refused || !identical(vv$type, "date"),
                       if (is.null(vv)) "" else paste(vv$type, paste(vv$values, collapse = " ")), "refusal")
            next
        }
        if (refused || !identical(vv$type, "date")) {
            check_true("date", cs, paste(cse$name, "read (refusal allowed)"), cse$either,
                       if (is.null(vv)) paste("refused:", cs$err) else paste(vv$type, paste(vv$values, collapse = " ")), cse$want)
            next
        }
        check_true("date", cs, paste(cse$name, "dates"), identical(vv$values, cse$want), paste(vv$values, collapse = " "), paste(cse$want, collapse = " "))
    }
    # the same numbers through describe, as the statistics see them
    for (cse in csv_cases()) {
        if (cse$col != "x" || (!is.null(cse$want) && all(is.na(cse$want)))) next
        if (is.null(cse$want)) {
            cs <- run_case(paste0("csv-describe-", cse$name), raw = cse$bytes,
                           args = c("describe", "--format", "json", "-c", "x", "--stats", "n,sum,min,max", cse$opts))
            check_true("csv-describe", cs, paste(cse$name, "describe refuses"), cs$status == 2, cs$status, 2)
            next
        }
        cs <- run_case(paste0("csv-describe-", cse$name), raw = cse$bytes,
                       args = c("describe", "--format", "json", "-c", "x", "--stats", "n,sum,min,max", cse$opts))
        if (cs$status != 0) {
            check_true("csv-describe", cs, paste(cse$name, "described (refusal allowed)"), cse$either, paste("refused:", cs$err), "")
            next
        }
        row <- cs$json$statistics[[1]]
        w <- cse$want[!is.na(cse$want)]
        check_num("csv-describe", cs, paste(cse$name, "n"), row$n, length(w))
        check_num("csv-describe", cs, paste(cse$name, "sum"), row$sum, sum(w))
        check_num("csv-describe", cs, paste(cse$name, "min"), row$min, min(w))
        check_num("csv-describe", cs, paste(cse$name, "max"), row$max, max(w))
    }
}
