# effekt battery: hostile and ordinary inputs, every figure compared with R.
# Run through tests/battery/run.sh (see README.md).  Not part of make check.
args <- commandArgs(trailingOnly = TRUE)
here <- dirname(sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE)))
source(file.path(here, "lib.R"))
SEED <- as.integer(Sys.getenv("BATTERY_SEED", "14"))
SCALE <- as.numeric(Sys.getenv("BATTERY_SCALE", "1"))
set.seed(SEED)
sections <- if (length(args)) args else c("describe", "outcome", "value", "retention", "kpi", "csv")

# ---------------------------------------------------------------- describe
# Values as written are the reference: R reads the same strings.
gen_values <- function(kind, n) {
    switch(kind,
        normal   = round(rnorm(n, 50, 12), 2),
        ties     = sample(c(1, 2, 2, 3, 5, 8), n, replace = TRUE),
        integer  = sample(-1000:1000, n, replace = TRUE),
        constant = rep(7.25, n),
        huge     = round(runif(n, 1e12, 1e13)),
        hugeoff  = 1e11 + sample(0:9, n, replace = TRUE),
        tiny     = round(runif(n, 0, 1e-6), 12),
        negative = -round(rexp(n, 0.01), 3),
        skewed   = round(rexp(n, 1)^3, 4),
        decimals = round(runif(n, -1, 1), 9))
}
fmt_val <- function(v) ifelse(is.na(v), "", trimws(formatC(v, digits = 15, format = "fg", flag = "")))
# A column whose every value is d.ddd (one to three digits, a point, three
# digits) could be thousands: effekt must refuse it, not guess.
ambiguous_col <- function(s) { s <- s[s != ""]; length(s) > 0 && all(grepl("^-?[1-9][0-9]{0,2}[.,][0-9]{3}$", s)) }

describe_ref <- function(x, type, probs, conf = 0.95) {
    x <- x[!is.na(x)]
    n <- length(x)
    r <- list(n = n, sum = if (n) sum(x) else NA, mean = if (n) mean(x) else NA,
              sd = if (n > 1) sd(x) else NA, min = if (n) min(x) else NA, max = if (n) max(x) else NA)
    r$se <- if (n > 1) r$sd / sqrt(n) else NA
    if (n > 1 && r$sd > 0) {
        ci <- t.test(x, conf.level = conf)$conf.int
        r$ci_lower <- ci[1]; r$ci_upper <- ci[2]
    } else if (n > 1) {
        r$ci_lower <- r$mean; r$ci_upper <- r$mean
    } else { r$ci_lower <- NA; r$ci_upper <- NA }
    if (n) {
        q <- quantile(x, c(0.25, 0.5, 0.75, probs), type = type, names = FALSE)
        r$q1 <- q[1]; r$median <- q[2]; r$q3 <- q[3]; r$iqr <- q[3] - q[1]
        r$pct <- q[-(1:3)]
        r$mad <- mad(x)
    } else {
        r$q1 <- r$median <- r$q3 <- r$iqr <- r$mad <- NA; r$pct <- rep(NA, length(probs))
    }
    r
}

section_describe <- function() {
    kinds <- c("normal", "ties", "integer", "constant", "huge", "hugeoff", "tiny", "negative", "skewed", "decimals")
    sizes <- c(1, 2, 3, 4, 5, 7, 10, 11, 33, 100)
    probs <- c(0.05, 0.1, 0.9, 0.975, 0.01, 0.99)
    pct_names <- c("p5", "p10", "p90", "p97.5", "p1", "p99")
    for (kind in kinds) for (n in sizes) for (na in c(FALSE, TRUE)) for (dc in c(FALSE, TRUE)) {
        x <- gen_values(kind, n)
        if (na) x[sample(n, max(1, n %/% 5))] <- NA
        s <- fmt_val(x)
        xr <- as.numeric(ifelse(s == "", NA, s))
        if (dc) s <- chartr(".", ",", s)
        g <- sample(c("A", "B"), n, replace = TRUE)
        text <- paste0(paste(c("grp", "x"), collapse = if (dc) ";" else ","), "\n",
                       paste0(g, if (dc) ";" else ",", ifelse(dc & grepl(",", s), s, s), collapse = "\n"), "\n")
        conf <- sample(c(0.95, 0.9, 0.99), 1)
        for (type in if (SCALE >= 1) 1:9 else c(1, 7)) {
            args <- c("describe", "--format", "json", "-c", "x", "--quantile-type", type,
                      "--percentiles", "5,10,90,97.5,1,99", "--confidence", conf)
            if (dc) args <- c(args, "--decimal-comma", "--delimiter", ";")
            byg <- type %% 2 == 0
            if (byg) args <- c(args, "--by", "grp")
            cs <- run_case(sprintf("describe-%s-n%d-t%d", kind, n, type), text, args)
            if (!dc && ambiguous_col(s)) {
                check_true("describe", cs, "ambiguous column refused", cs$status == 2 && grepl("ambiguous", cs$err), cs$status, 2)
                next
            }
            if (!check_true("describe", cs, "exit status 0", cs$status == 0, cs$status, 0) || is.null(cs$json)) next
            rows <- cs$json$statistics
            groups <- if (byg) sort(unique(g)) else "ALL"
            for (gr in groups) {
                row <- if (byg) Filter(function(r) identical(r$grp, gr), rows) else rows
                if (length(row) != 1) {
                    check_true("describe", cs, sprintf("group %s present once", gr), FALSE, length(row), 1)
                    next
                }
                row <- row[[1]]
                xs <- if (byg) xr[g == gr] else xr
                ref <- describe_ref(xs, type, probs, conf)
                check_num("describe", cs, "n", row$n, ref$n)
                check_num("describe", cs, "missing", row$missing, sum(is.na(xs)))
                tol <- if (kind %in% c("huge", "hugeoff")) 1e-12 else 1e-9
                for (k in c("sum", "mean", "sd", "se", "ci_lower", "ci_upper", "min", "max", "mad"))
                    check_num("describe", cs, k, row[[k]], ref[[k]], rel = tol, abs = 1e-9 * max(1, abs(ref$mean), na.rm = TRUE))
                for (k in c("q1", "median", "q3", "iqr"))
                    check_num("describe", cs, sprintf("%s type %d", k, type), row[[k]], ref[[k]], rel = 1e-12,
                              abs = 1e-12 * max(1, abs(ref$mean), na.rm = TRUE))
                for (i in seq_along(probs))
                    check_num("describe", cs, sprintf("%s type %d", pct_names[i], type), row[[pct_names[i]]], ref$pct[i],
                              rel = 1e-12, abs = 1e-12 * max(1, abs(ref$mean), na.rm = TRUE))
            }
        }
    }
    # frequency weights: same as the values repeated (mean, sd, se, ci).
    for (rep_i in 1:(40 * SCALE)) {
        n <- sample(c(1, 2, 3, 5, 10, 30), 1)
        x <- round(rnorm(n, 10, 3), 2)
        w <- sample(0:5, n, replace = TRUE)
        if (sum(w) == 0) w[1] <- 1
        text <- csv_of(data.frame(x = x, w = w))
        cs <- run_case("describe-weight", text, c("describe", "--format", "json", "-c", "x", "--weight", "w"))
        if (!check_true("describe-weight", cs, "exit status 0", cs$status == 0, cs$status, 0) || is.null(cs$json)) next
        row <- cs$json$statistics[[1]]
        xx <- rep(x, w)
        ref <- describe_ref(xx, 7, numeric(0))
        for (k in c("sum", "mean", "sd", "se", "ci_lower", "ci_upper", "min", "max"))
            check_num("describe-weight", cs, k, row[[k]], ref[[k]], rel = 1e-9, abs = 1e-9)
        check_num("describe-weight", cs, "sum_weights", row$sum_weights, sum(w))
    }
}

# ---------------------------------------------------------------- outcome
wilson <- function(x, n, conf) {
    z <- qnorm(1 - (1 - conf) / 2); p <- x / n
    c((p + z^2 / (2 * n) - z * sqrt(p * (1 - p) / n + z^2 / (4 * n^2))) / (1 + z^2 / n),
      (p + z^2 / (2 * n) + z * sqrt(p * (1 - p) / n + z^2 / (4 * n^2))) / (1 + z^2 / n))
}
agresti <- function(x, n, conf) {
    z <- qnorm(1 - (1 - conf) / 2); nt <- n + z^2; pt <- (x + z^2 / 2) / nt
    c(max(0, pt - z * sqrt(pt * (1 - pt) / nt)), min(1, pt + z * sqrt(pt * (1 - pt) / nt)))
}

section_outcome <- function() {
    for (rep_i in 1:(120 * SCALE)) {
        k <- sample(c(2, 2, 3, 4, 6), 1)
        ns <- sample(c(1, 2, 3, 5, 8, 20, 60, 300), k, replace = TRUE)
        ps <- runif(k)
        shape <- sample(c("rand", "zero", "all", "mixed"), 1)
        ev <- mapply(function(n, p) rbinom(n, 1, p), ns, ps, SIMPLIFY = FALSE)
        if (shape == "zero") ev[[1]][] <- 0L
        if (shape == "all") ev[[1]][] <- 1L
        if (shape == "mixed" && k > 2) { ev[[1]][] <- 0L; ev[[2]][] <- 1L }
        grp <- rep(sprintf("g%02d", seq_len(k)), ns)
        y <- unlist(ev)
        miss <- sample(length(y), min(length(y) - 1, rbinom(1, 3, 0.3)))
        yv <- as.character(y)
        enc <- sample(c("01", "yesno", "date"), 1)
        if (enc == "yesno") yv <- ifelse(y == 1, "yes", "no")
        if (enc == "date") yv <- ifelse(y == 1, "2021-03-04", "")
        # an all-empty date column cannot be typed: give one event (finding F9)
        if (enc == "date" && all(y == 0)) { y[length(y)] <- 1L; yv[length(y)] <- "2021-03-04"; miss <- setdiff(miss, length(y)) }
        yv[miss] <- if (enc == "date") "" else "NA"
        if (enc == "date") y[miss] <- 0L else y[miss] <- NA
        text <- csv_of(data.frame(g = grp, y = yv))
        conf <- sample(c(0.95, 0.9, 0.99), 1)
        interval <- sample(c("wilson", "clopper-pearson", "agresti-coull"), 1)
        adjust <- sample(c("holm", "bh", "none"), 1)
        cs <- run_case("outcome", text, c("compare", "--format", "json", "--by", "g", "--outcome", "y",
                                          "--confidence", conf, "--interval", interval, "--adjust", adjust))
        if (!check_true("outcome", cs, "exit status 0", cs$status == 0, cs$status, 0) || is.null(cs$json)) next
        ok <- !is.na(y)
        tab <- table(factor(grp[ok]), factor(y[ok], levels = 0:1))
        for (gr in rownames(tab)) {
            row <- Filter(function(r) identical(r$group, gr), cs$json$groups)
            if (!check_true("outcome", cs, "group present", length(row) == 1)) next
            row <- row[[1]]
            x <- tab[gr, "1"]; n <- sum(tab[gr, ])
            check_num("outcome", cs, "n", row$n, n)
            check_num("outcome", cs, "events", row$events, x)
            check_num("outcome", cs, "rate", row$rate$value, x / n)
            ci <- switch(interval, wilson = wilson(x, n, conf),
                         "clopper-pearson" = binom.test(x, n, conf.level = conf)$conf.int,
                         "agresti-coull" = agresti(x, n, conf))
            check_num("outcome", cs, paste(interval, "lower"), row$rate$lower, ci[1], rel = 1e-9, abs = 1e-12)
            check_num("outcome", cs, paste(interval, "upper"), row$rate$upper, ci[2], rel = 1e-9, abs = 1e-12)
        }
        tests <- cs$json$tests
        chi <- Filter(function(t) grepl("chi", t$test), tests)
        tab2 <- tab[rowSums(tab) > 0, , drop = FALSE]
        ct <- suppressWarnings(chisq.test(tab2, correct = FALSE))
        if (length(chi) == 1 && nrow(tab2) >= 2) {
            if (is.finite(ct$statistic)) {
                check_num("outcome", cs, "chisq statistic", chi[[1]]$statistic, unname(ct$statistic), rel = 1e-9)
                check_num("outcome", cs, "chisq df", chi[[1]]$df, unname(ct$parameter))
                check_num("outcome", cs, "chisq p", chi[[1]]$p, ct$p.value, rel = 1e-7, abs = 1e-14)
            } else {
                check_true("outcome", cs, "chisq undefined when R's is NaN", is.na(num_or_na(chi[[1]]$statistic)),
                           num_or_na(chi[[1]]$statistic), "null")
            }
        }
        fi <- Filter(function(t) grepl("Fisher", t$test), tests)
        if (nrow(tab2) == 2) {
            check_true("outcome", cs, "fisher present for 2 groups", length(fi) == 1, length(fi), 1)
            if (length(fi) == 1)
                check_num("outcome", cs, "fisher p", fi[[1]]$p, fisher.test(tab2)$p.value, rel = 1e-7, abs = 1e-14)
        }
        # pairwise p: pairwise.prop.test(correct = FALSE) as the help says.
        if (nrow(tab2) >= 2 && length(cs$json$pairwise)) {
            pp <- suppressWarnings(pairwise.prop.test(tab2[, "1"], rowSums(tab2), correct = FALSE, p.adjust.method = "none"))$p.value
            padj <- suppressWarnings(pairwise.prop.test(tab2[, "1"], rowSums(tab2), correct = FALSE,
                                                       p.adjust.method = c(holm = "holm", bh = "BH", none = "none")[adjust]))$p.value
            for (pr in cs$json$pairwise) {
                a <- pr$group; b <- pr$versus
                i <- max(match(c(a, b), rownames(tab2))); j <- min(match(c(a, b), rownames(tab2)))
                if (is.na(i) || i == j) next
                check_num("outcome", cs, "pairwise p", pr$p$value, pp[i - 1, j], rel = 1e-7, abs = 1e-14)
                check_num("outcome", cs, paste("pairwise p adjusted", adjust), pr$p_adjusted$value, padj[i - 1, j], rel = 1e-7, abs = 1e-14)
                # risk ratio Katz log interval
                x1 <- tab2[a, "1"]; n1 <- sum(tab2[a, ]); x2 <- tab2[b, "1"]; n2 <- sum(tab2[b, ])
                if (x1 > 0 && x2 > 0) {
                    rr <- (x1 / n1) / (x2 / n2); z <- qnorm(1 - (1 - conf) / 2)
                    se <- sqrt(1 / x1 - 1 / n1 + 1 / x2 - 1 / n2)
                    check_num("outcome", cs, "risk ratio", pr$risk_ratio$value, rr)
                    check_num("outcome", cs, "risk ratio lower (Katz)", pr$risk_ratio$lower, rr * exp(-z * se))
                    check_num("outcome", cs, "risk ratio upper (Katz)", pr$risk_ratio$upper, rr * exp(z * se))
                }
            }
        }
    }
}

# ---------------------------------------------------------------- value
section_value <- function() {
    for (rep_i in 1:(150 * SCALE)) {
        k <- sample(c(2, 2, 2, 3, 4), 1)
        ns <- sample(c(1, 2, 3, 4, 6, 9, 15, 49, 50, 51, 80), k, replace = TRUE)
        kind <- sample(c("normal", "ties", "integer", "skewed", "constant", "decimals"), 1)
        xs <- lapply(ns, function(n) gen_values(kind, n) + if (kind == "constant") 0 else rnorm(1) * (kind == "normal") * 5)
        if (kind == "normal") xs <- lapply(xs, function(v) round(v, 2))
        grp <- rep(sprintf("g%d", seq_len(k)), ns)
        x <- unlist(xs)
        s <- fmt_val(x)
        x <- as.numeric(s)
        text <- csv_of(data.frame(g = grp, v = s))
        conf <- sample(c(0.95, 0.9), 1)
        cs <- run_case(sprintf("value-%s", kind), text, c("compare", "--format", "json", "--by", "g", "--value", "v",
                                                         "--confidence", conf, "--adjust", "none"))
        if (!check_true("value", cs, "exit status 0", cs$status == 0, cs$status, 0) || is.null(cs$json)) next
        gs <- sort(unique(grp))
        for (gr in gs) {
            row <- Filter(function(r) identical(r$group, gr), cs$json$groups)
            if (!check_true("value", cs, "group present", length(row) == 1)) next
            row <- row[[1]]; v <- x[grp == gr]
            check_num("value", cs, "mean", row$mean$value, mean(v))
            check_num("value", cs, "sd", row$sd, if (length(v) > 1) sd(v) else NA)
            check_num("value", cs, "median", row$median, median(v))
            if (length(v) > 1 && sd(v) > 0) {
                ci <- t.test(v, conf.level = conf)$conf.int
                check_num("value", cs, "mean lower", row$mean$lower, ci[1])
                check_num("value", cs, "mean upper", row$mean$upper, ci[2])
            }
        }
        tests <- cs$json$tests
        tt <- Filter(function(t) grepl("Welch", t$test), tests)
        mw <- Filter(function(t) grepl("Mann|Kruskal", t$test), tests)
        if (k == 2) {
            a <- x[grp == "g1"]; b <- x[grp == "g2"]
            rt <- tryCatch(t.test(a, b, conf.level = conf), error = function(e) NULL)
            if (!is.null(rt) && length(tt) == 1) {
                check_num("value", cs, "welch t", tt[[1]]$statistic, unname(rt$statistic), rel = 1e-9)
                check_num("value", cs, "welch df", tt[[1]]$df, unname(rt$parameter), rel = 1e-9)
                check_num("value", cs, "welch p", tt[[1]]$p, rt$p.value, rel = 1e-7, abs = 1e-14)
                pr <- cs$json$pairwise[[1]]
                check_num("value", cs, "difference", pr$difference$value, mean(a) - mean(b))
                check_num("value", cs, "difference lower", pr$difference$lower, rt$conf.int[1])
                check_num("value", cs, "difference upper", pr$difference$upper, rt$conf.int[2])
            } else if (is.null(rt) && length(tt) == 1) {
                check_true("value", cs, "welch undefined where R refuses", is.na(num_or_na(tt[[1]]$p)), num_or_na(tt[[1]]$p), "null")
            }
            rw <- suppressWarnings(wilcox.test(a, b))
            if (length(mw) == 1) {
                check_num("value", cs, "wilcox W", mw[[1]]$statistic, unname(rw$statistic))
                check_num("value", cs, sprintf("wilcox p (n=%d,%d ties=%s)", length(a), length(b), anyDuplicated(c(a, b)) > 0),
                          mw[[1]]$p, rw$p.value, rel = 1e-7, abs = 1e-14)
                pr <- cs$json$pairwise[[1]]
                check_num("value", cs, "rank biserial", pr$rank_biserial$value, 2 * unname(rw$statistic) / (length(a) * length(b)) - 1)
            }
            if (length(a) > 1 && length(b) > 1) {
                sp <- sqrt(((length(a) - 1) * var(a) + (length(b) - 1) * var(b)) / (length(a) + length(b) - 2))
                N <- length(a) + length(b)
                g <- (mean(a) - mean(b)) / sp * (1 - 3 / (4 * N - 9))
                if (is.finite(g)) check_num("value", cs, "hedges g", cs$json$pairwise[[1]]$hedges_g$value, g)
            }
        } else {
            df <- data.frame(v = x, g = factor(grp))
            ow <- tryCatch(oneway.test(v ~ g, df), error = function(e) NULL)
            if (!is.null(ow) && is.finite(ow$statistic) && length(tt) == 1) {
                check_num("value", cs, "welch anova F", tt[[1]]$statistic, unname(ow$statistic), rel = 1e-9)
                check_num("value", cs, "welch anova df2", tt[[1]]$df2, unname(ow$parameter[2]), rel = 1e-9)
                check_num("value", cs, "welch anova p", tt[[1]]$p, ow$p.value, rel = 1e-7, abs = 1e-14)
            }
            kw <- suppressWarnings(kruskal.test(v ~ g, df))
            if (length(mw) == 1 && is.finite(kw$statistic)) {
                check_num("value", cs, "kruskal H", mw[[1]]$statistic, unname(kw$statistic), rel = 1e-9)
                check_num("value", cs, "kruskal p", mw[[1]]$p, kw$p.value, rel = 1e-7, abs = 1e-14)
            }
            for (pr in cs$json$pairwise) {
                a <- x[grp == pr$group]; b <- x[grp == pr$versus]
                rt <- tryCatch(t.test(a, b, conf.level = conf), error = function(e) NULL)
                if (!is.null(rt)) check_num("value", cs, "pairwise welch p", pr$p_welch$value, rt$p.value, rel = 1e-7, abs = 1e-14)
                rw <- suppressWarnings(wilcox.test(a, b))
                check_num("value", cs, "pairwise mann-whitney p", pr$p_mann_whitney$value, rw$p.value, rel = 1e-7, abs = 1e-14)
            }
        }
    }
}

# ---------------------------------------------------------------- retention
section_retention <- function() {
    suppressPackageStartupMessages(library(survival))
    for (rep_i in 1:(150 * SCALE)) {
        k <- sample(c(1, 1, 2, 3), 1)
        ns <- sample(c(1, 2, 3, 5, 10, 25, 60), k, replace = TRUE)
        grp <- rep(sprintf("g%d", seq_len(k)), ns)
        N <- length(grp)
        shape <- sample(c("rand", "ties", "allcens", "zero", "censtie", "noevent1"), 1)
        t <- switch(shape, ties = sample(1:5, N, TRUE), zero = sample(0:3, N, TRUE), censtie = sample(c(10, 20, 30), N, TRUE),
                    round(rexp(N, 1 / 200)))
        e <- rbinom(N, 1, 0.7)
        if (shape == "allcens") e[] <- 0L
        if (shape == "noevent1") e[grp == "g1"] <- 0L
        conf_type <- sample(c("log", "log-log", "plain"), 1)
        conf <- sample(c(0.95, 0.9), 1)
        tau <- max(1, round(quantile(t, 0.6)))
        text <- csv_of(data.frame(g = grp, t = t, e = e))
        rho <- sample(c(0, 0, 1), 1)
        args <- c("retention", "--format", "json", "--time", "t", "--event", "e", "--conf-type", conf_type,
                  "--confidence", conf, "--quantiles", "0.25,0.75", "--rmst", tau, "--rho", rho)
        if (k > 1) args <- c(args, "--by", "g")
        cs <- run_case(sprintf("retention-%s", shape), text, args)
        if (!check_true("retention", cs, "exit status 0", cs$status == 0, cs$status, 0) || is.null(cs$json)) next
        ct <- c(log = "log", "log-log" = "log-log", plain = "plain")[conf_type]
        df <- data.frame(t = t, e = e, g = grp)
        for (gr in sort(unique(grp))) {
            row <- if (k > 1) Filter(function(r) identical(r$group, gr), cs$json$curves) else cs$json$curves
            if (!check_true("retention", cs, "curve present", length(row) == 1, length(row), 1)) next
            row <- row[[1]]
            d <- df[df$g == gr, ]
            fit <- survfit(Surv(t, e) ~ 1, data = d, conf.type = ct, conf.int = conf)
            check_num("retention", cs, "n", row$n, nrow(d))
            check_num("retention", cs, "events", row$events, sum(d$e))
            # the median and its limits as print(survfit) and summary(fit)$table
            # give them (the first time S <= 0.5); the other quantiles as
            # quantile.survfit (the middle of a flat stretch at p), as effekt(1) says
            q <- quantile(fit, probs = c(0.5, 0.25, 0.75))
            tb <- summary(fit)$table
            q$quantile[1] <- tb["median"]
            q$lower[1] <- tb[paste0(conf, "LCL")]
            q$upper[1] <- tb[paste0(conf, "UCL")]
            for (j in 1:3) {
                key <- c("median_days", "q0.25_days", "q0.75_days")[j]
                for (part in c("value", "lower", "upper")) {
                    want <- unname(switch(part, value = q$quantile[j], lower = q$lower[j], upper = q$upper[j]))
                    check_num("retention", cs, sprintf("%s %s (%s)", key, part, conf_type), row[[key]][[part]], want)
                }
            }
            rm <- tryCatch(summary(fit, rmean = tau)$table, error = function(e) NULL)
            rkey <- sprintf("rmst_%sd", tau)
            if (!is.null(rm)) {
                check_num("retention", cs, "rmst", row[[rkey]]$value, unname(rm["rmean"]))
                check_num("retention", cs, "rmst se", row[[paste0(rkey, "_se")]]$value, unname(rm["se(rmean)"]))
            }
        }
        if (k > 1) {
            sd <- tryCatch(survdiff(Surv(t, e) ~ g, data = df, rho = rho), error = function(e) NULL)
            tst <- cs$json$tests
            if ((sum(e) == 0 || (!is.null(sd) && sum(sd$exp > 0) < 2)) && length(tst) == 1) {
                # no event at all, or one group with expected events: survdiff
                # gives chisq 0 on -1 or 0 df and p NA or 1; effekt gives no
                # test, with its reason (argued in effekt(1))
                check_true("retention", cs, "log-rank without events is null", is.null(tst[[1]]$chisq),
                           tst[[1]]$chisq, "null")
            } else if (!is.null(sd) && length(tst) == 1) {
                check_num("retention", cs, sprintf("survdiff chisq rho=%d", rho), tst[[1]]$chisq, sd$chisq, rel = 1e-9)
                p <- pchisq(sd$chisq, sum(sd$exp > 0) - 1, lower.tail = FALSE)   # survdiff's df: groups with expected events, less one
                check_num("retention", cs, sprintf("survdiff p rho=%d", rho), tst[[1]]$p, p, rel = 1e-7, abs = 1e-14)
            }
        }
    }
}

src <- file.path(here, "sections.R")
if (file.exists(src)) source(src)
for (s in sections) {
    cat("section", s, "\n")
    get(paste0("section_", s))()
}
write_report()
