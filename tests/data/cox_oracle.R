# Oracle values for tests/unit/test_cox.c (survival 3.5.3, R 4.2).
# Run from the source tree: Rscript tests/data/cox_oracle.R
# The spells are effekt retention's defaults: from placed_date to
# job_end_date (the event), censored at followup_date.
suppressMessages(library(survival))
d <- read.csv("datasets/participants.csv", na.strings = "")
d <- d[!is.na(d$placed_date), ]
f <- as.Date(d$placed_date); e <- as.Date(d$job_end_date); c <- as.Date(d$followup_date)
ev <- !is.na(e) & (is.na(c) | e <= c)
d$time <- as.numeric(ifelse(ev, e - f, c - f)); d$event <- as.numeric(ev)
d <- d[!is.na(d$time), ]
show <- function(label, fit) {
  s <- summary(fit); z <- cox.zph(fit)
  p <- length(coef(fit)); lr <- 2 * diff(fit$loglik)
  # summary()'s waldtest is rounded: the fit's own figures
  v <- c(coef(fit), sqrt(diag(vcov(fit))), s$conf.int[, "lower .95"], s$conf.int[, "upper .95"],
         fit$loglik, lr, pchisq(lr, p, lower.tail = FALSE),
         fit$wald.test, pchisq(fit$wald.test, p, lower.tail = FALSE),
         fit$score, pchisq(fit$score, p, lower.tail = FALSE), z$table[, "chisq"], z$table[, "p"])
  cat(label, " (n ", fit$n, ", events ", fit$nevent, "): {", paste(sprintf("%.17g", v), collapse = ", "), "}\n", sep = "")
}
show("age gender", coxph(Surv(time, event) ~ age + gender, data = d))
show("age gender strata project_id", coxph(Surv(time, event) ~ age + gender + strata(project_id), data = d))
show("age education", coxph(Surv(time, event) ~ age + education, data = d))
# Perfect prediction: every spell in site 'south' is still running, so
# its coefficient runs off; coxph warns "Ran out of iterations and did not
# converge" and stops after iter.max = 20 steps where effekt stops.
d <- read.csv("tests/data/cox_separation.csv", na.strings = "")
f <- as.Date(d$placed_date); e <- as.Date(d$job_end_date); c <- as.Date(d$followup_date)
ev <- !is.na(e) & (is.na(c) | e <= c)
d$time <- as.numeric(ifelse(ev, e - f, c - f)); d$event <- as.numeric(ev)
fit <- suppressWarnings(coxph(Surv(time, event) ~ age + site, data = d))
cat("separation:", sprintf("%.17g", c(coef(fit), fit$loglik, fit$iter)), "\n")
