suppressMessages(library(survival))
options(digits = 17)
set.seed(14)
E_t <- round(rexp(40) * 100); E_e <- rbinom(40, 1, 0.7)
curves <- list(
  A = list(t = c(1, 2, 3, 4), e = c(1, 1, 0, 0)),
  B = list(t = c(1, 2, 3, 4), e = c(1, 1, 0, 1)),
  C = list(t = c(1, 1, 2, 2, 3, 3, 4, 4), e = c(1, 1, 1, 1, 0, 0, 1, 0)),
  D = list(t = c(2, 3, 5, 8, 8, 9, 10, 12, 13, 15, 15, 16, 18, 20, 20, 21, 22, 25, 30, 30),
           e = c(1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)),
  E = list(t = E_t, e = E_e),
  F = list(t = c(1:10), e = c(1, 0, 1, 0, 1, 1, 0, 0, 0, 0)))
for (nm in names(curves)) for (ct in c("log", "log-log", "plain")) {
  cv <- curves[[nm]]
  fit <- survfit(Surv(cv$t, cv$e) ~ 1, conf.type = ct)
  tb <- summary(fit)$table
  q <- quantile(fit, c(0.25, 0.5, 0.75))
  cat(sprintf("%s %-7s table %s | q25 %s q50 %s q75 %s\n", nm, ct,
      paste(sprintf("%.17g", tb[c("median", "0.95LCL", "0.95UCL")]), collapse = " "),
      paste(sprintf("%.17g", c(q$quantile[1], q$lower[1], q$upper[1])), collapse = " "),
      paste(sprintf("%.17g", c(q$quantile[2], q$lower[2], q$upper[2])), collapse = " "),
      paste(sprintf("%.17g", c(q$quantile[3], q$lower[3], q$upper[3])), collapse = " ")))
}
cat("E_t", paste(E_t, collapse=","), "\nE_e", paste(E_e, collapse=","), "\n")
