library(survival); d <- read.csv("input.csv")
f <- survfit(Surv(t, e) ~ 1, d); print(summary(f)); print(quantile(f, 0.75))
