library(survival); d <- read.csv("input.csv")
s <- survdiff(Surv(t, e) ~ g, d); print(s); print(pchisq(s$chisq, 1, lower.tail = FALSE))
