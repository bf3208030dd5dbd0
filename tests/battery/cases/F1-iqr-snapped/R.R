x <- c(1.000000000, 1.000000001, 1.000000002)
for (t in 8:9) print(c(quantile(x, c(.25, .75), type = t), IQR = IQR(x, type = t)), digits = 17)
