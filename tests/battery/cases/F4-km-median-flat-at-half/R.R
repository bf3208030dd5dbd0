library(survival); d <- read.csv("input.csv")
print(quantile(survfit(Surv(t, e) ~ 1, d), 0.5))
