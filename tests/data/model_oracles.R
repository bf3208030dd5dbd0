# R oracles of tests/unit/test_model.c (effekt_model_fit).
# R 4.2.2 with sandwich (Debian r-cran-sandwich).  Run from the source
# folder:  Rscript tests/data/model_oracles.R > /tmp/fixtures.h
# It wrote tests/data/model_small.csv once (set.seed below) and prints
# the values the unit test holds, to 17 significant digits.
library(sandwich)
options(digits = 17)
if (!file.exists("tests/data/model_small.csv")) {
    set.seed(19)
    n <- 40
    d <- data.frame(x = round(rnorm(n, 10, 3), 1),
                    grp = sample(c("a", "b", "c"), n, replace = TRUE),
                    cl = paste0("k", sample(1:8, n, replace = TRUE)))
    d$y <- round(2 + 0.5 * d$x + ifelse(d$grp == "b", 1, ifelse(d$grp == "c", -1, 0)) + rnorm(n), 2)
    d$cnt <- rpois(n, exp(0.2 + 0.08 * d$x + ifelse(d$grp == "b", 0.4, 0)))
    d$ev <- rbinom(n, 1, plogis(-2 + 0.2 * d$x))
    d$x[7] <- NA      # left out of every model
    d$grp[12] <- NA
    write.csv(d, "tests/data/model_small.csv", row.names = FALSE, na = "")
}
small <- read.csv("tests/data/model_small.csv", na.strings = "")
parts <- read.csv("datasets/participants.csv")
parts$placed <- as.integer(parts$placed_date != "")

show <- function(name, fit, robust = FALSE) {
    cat(sprintf("/* %s */\n", name))
    s <- coef(summary(fit))
    ci <- confint.default(fit)
    if (inherits(fit, "lm") && !inherits(fit, "glm")) ci <- confint(fit)
    cat(sprintf("static const double %s_est[] = { %s };\n", name, paste(sprintf("%.17g", s[, 1]), collapse = ", ")))
    cat(sprintf("static const double %s_se[] = { %s };\n", name, paste(sprintf("%.17g", s[, 2]), collapse = ", ")))
    cat(sprintf("static const double %s_stat[] = { %s };\n", name, paste(sprintf("%.17g", s[, 3]), collapse = ", ")))
    cat(sprintf("static const double %s_p[] = { %s };\n", name, paste(sprintf("%.17g", s[, 4]), collapse = ", ")))
    cat(sprintf("static const double %s_lo[] = { %s };\n", name, paste(sprintf("%.17g", ci[, 1]), collapse = ", ")))
    cat(sprintf("static const double %s_hi[] = { %s };\n", name, paste(sprintf("%.17g", ci[, 2]), collapse = ", ")))
    hc1 <- sqrt(diag(vcovHC(fit, type = "HC1")))
    cat(sprintf("static const double %s_hc1[] = { %s };\n", name, paste(sprintf("%.17g", hc1), collapse = ", ")))
    dev <- deviance(fit); nd <- if (inherits(fit, "glm")) fit$null.deviance else sum((fit$model[[1]] - mean(fit$model[[1]]))^2)
    cat(sprintf("static const double %s_fit[] = { %.17g, %.17g, %.17g }; /* deviance, null deviance, AIC */\n",
                name, dev, nd, AIC(fit)))
    if (!inherits(fit, "glm"))
        cat(sprintf("static const double %s_r2[] = { %.17g, %.17g }; /* R^2, adjusted */\n", name,
                    summary(fit)$r.squared, summary(fit)$adj.r.squared))
    cat(sprintf("/* names: %s; n = %d */\n", paste(names(coef(fit)), collapse = " "), nobs(fit)))
}
showcl <- function(name, fit, cluster) {
    v <- sqrt(diag(vcovCL(fit, cluster = cluster)))
    cat(sprintf("static const double %s_cl[] = { %s };\n", name, paste(sprintf("%.17g", v), collapse = ", ")))
}

# participants.csv: placement (a date given) on age, gender, education
f1 <- lm(cost ~ age + gender + education, parts)
show("parts_lm", f1); showcl("parts_lm", f1, ~project_id)
f2 <- glm(placed ~ age + gender + education, binomial, parts)
show("parts_logit", f2); showcl("parts_logit", f2, ~project_id)
# the reference level named: education = "phd"
parts$education2 <- relevel(factor(parts$education), ref = "phd")
f3 <- glm(placed ~ age + education2, binomial, parts)
show("parts_logit_phd", f3)
# the small hand-made file: missing values left out
f4 <- glm(cnt ~ x + grp, poisson, small)
show("small_pois", f4); showcl("small_pois", f4, ~cl)
f5 <- lm(y ~ x + grp, small)
show("small_lm", f5); showcl("small_lm", f5, ~cl)
f6 <- glm(ev ~ x + grp, binomial, small)
show("small_logit", f6); showcl("small_logit", f6, ~cl)
