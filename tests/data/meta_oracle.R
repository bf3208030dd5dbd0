# Oracle values for tests/unit/test_meta.c (metafor 3.8.1, R 4.2).
# Run from the source tree: Rscript tests/data/meta_oracle.R
# Each line: label, then the figures effekt_meta_run must give, %.17g.
suppressMessages(library(metafor))
out <- function(label, fit, tr = identity, targs = NULL) {
  ci <- confint(fit)$random
  p  <- if (is.null(targs)) predict(fit, transf = tr) else predict(fit, transf = tr, targs = targs)
  v <- c(fit$beta[1], fit$se, fit$zval, fit$pval, fit$ci.lb, fit$ci.ub,
         fit$tau2, ci["tau^2", "ci.lb"], ci["tau^2", "ci.ub"], sqrt(fit$tau2),
         fit$I2, fit$H2, fit$QE, fit$QEp,
         p$pred, p$ci.lb, p$ci.ub, p$pi.lb, p$pi.ub, weights(fit))
  cat(label, ": {", paste(sprintf("%.17g", v), collapse = ", "), "}\n", sep = "")
}
d <- read.csv("datasets/participants.csv")
x <- tapply(d$placed_date != "", d$project_id, sum)
n <- tapply(rep(1, nrow(d)), d$project_id, sum)
# participants.csv by project_id in the order projects first appear
ord <- unique(d$project_id); x <- x[ord]; n <- n[ord]
es <- escalc(measure = "PLO", xi = x, ni = n)
for (m in c("DL", "REML", "PM")) for (t in c("z", "knha"))
  out(paste0("participants PLO ", m, " ", t), rma(yi, vi, data = es, method = m, test = t), transf.ilogit)
p <- read.csv("tests/data/meta_projects.csv")
for (ms in c("PLO", "PR", "PLN")) {
  es <- escalc(measure = ms, xi = p$jobs_created, ni = p$participants)
  tr <- switch(ms, PLO = transf.ilogit, PR = identity, PLN = exp)
  out(paste("projects", ms, "REML z"), rma(yi, vi, data = es), tr)
}
es <- escalc(measure = "PFT", xi = p$jobs_created, ni = p$participants)
out("projects PFT REML z", rma(yi, vi, data = es), transf.ipft.hm, list(ni = p$participants))
e <- read.csv("tests/data/meta_effects.csv")
for (m in c("DL", "REML", "PM"))
  out(paste("effects", m, "knha"), rma(yi = e$estimate, sei = e$se, method = m, test = "knha"))
es <- escalc(measure = "PLO", xi = c(10, 10, 10), ni = c(40, 40, 40))
out("identical PLO REML z", rma(yi, vi, data = es), transf.ilogit)
