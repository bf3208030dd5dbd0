library(survival); d <- read.csv("input.csv")
print(quantile(survfit(Surv(t, e) ~ 1, d, conf.type = "log-log"), c(0.5, 0.75)))
