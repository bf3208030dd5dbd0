# R oracles of the case-mix adjusted comparison (effekt_casemix_run) in
# tests/unit/test_model.c.  R 4.2.2.  Run from the source folder:
#   Rscript tests/data/casemix_oracles.R
# It wrote tests/data/casemix_small.csv (project P4 has no events) and
# casemix_one.csv (one project) once (set.seed below).
options(digits = 17)
if (!file.exists("tests/data/casemix_small.csv")) {
    set.seed(1919)
    n <- 60
    d <- data.frame(project = rep(c("P1", "P2", "P3", "P4"), c(20, 15, 17, 8)),
                    age = sample(20:60, n, replace = TRUE),
                    gender = sample(c("female", "male"), n, replace = TRUE))
    d$placed <- rbinom(n, 1, plogis(1 - 0.03 * d$age))
    d$placed[d$project == "P4"] <- 0
    d$age[5] <- NA
    write.csv(d, "tests/data/casemix_small.csv", row.names = FALSE, na = "")
    write.csv(d[d$project == "P1", ], "tests/data/casemix_one.csv", row.names = FALSE, na = "")
}
# Spiegelhalter (2005, Stat Med 24:1185, appendix A.1.2): exact Poisson
# limits of O/E around 1 at expected E, interpolated between integers
lim <- function(E, p) {
    r <- qpois(p, E)
    a <- (ppois(r, E) - p) / dpois(r, E)
    pmax(0, (r - a) / E)
}
casemix <- function(file, by, formula) {
    d <- read.csv(file, na.strings = "")
    f <- glm(formula, binomial, d)
    used <- as.integer(rownames(model.frame(f)))
    g <- d[[by]][used]
    O <- tapply(f$y, g, sum)[unique(g)]
    E <- tapply(fitted(f), g, sum)[unique(g)]
    ci <- t(sapply(seq_along(O), function(i) poisson.test(O[i], E[i])$conf.int))
    z <- (O / E - 1) * sqrt(E)
    I <- length(O)
    phi <- sum(z^2) / I
    tau2 <- max(0, (I * phi - (I - 1)) / (sum(E) - sum(E^2) / sum(E)))
    pr <- function(name, v) cat(sprintf("static const double %s[] = { %s };\n", name,
                                        paste(sprintf("%.17g", v), collapse = ", ")))
    cat(sprintf("/* %s: %s */\n", file, paste(names(O), collapse = " ")))
    pr("cm_O", O); pr("cm_E", E); pr("cm_lo", ci[, 1]); pr("cm_hi", ci[, 2])
    pr("cm_l95", lim(E, 0.025)); pr("cm_u95", lim(E, 0.975))
    pr("cm_l998", lim(E, 0.001)); pr("cm_u998", lim(E, 0.999))
    pr("cm_phi_tau2", c(phi, pchisq(sum(z^2), I - 1, lower.tail = FALSE), tau2))
    zq <- qnorm(0.975)
    pr("cm_mult_95", c(1 - zq * sqrt(phi / E), 1 + zq * sqrt(phi / E)))
    pr("cm_add_95", c(1 - zq * sqrt(1 / E + tau2), 1 + zq * sqrt(1 / E + tau2)))
}
casemix("tests/data/casemix_small.csv", "project", placed ~ age + gender)
