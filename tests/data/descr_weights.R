# R 4.2 reference for the golden cases tests/cli/descr_weighted_type*.
# Frequency weights are the data with each row repeated w times:
# effekt describe --weight w --quantile-type T --percentiles 10,33,90
# must give, up to 1e-12 relative, what R gives on rep(x, w) (rows of
# weight 0 are no data; a missing value or weight is left out, counted).
d <- read.csv("tests/data/descr_weights.csv")
ok <- !is.na(d$x) & !is.na(d$w) & d$w > 0
e <- rep(d$x[ok], d$w[ok])
n <- length(e); m <- mean(e); dev <- e - m
cat(sprintf("sum_weights %d n %d missing %d\n", n, sum(ok), sum(d$w > 0 | is.na(d$w)) - sum(ok)))
fixed <- c(sum = sum(e), mean = m, sd = sd(e), se = sd(e) / sqrt(n),
           ci_lower = m - qt(.975, n - 1) * sd(e) / sqrt(n), ci_upper = m + qt(.975, n - 1) * sd(e) / sqrt(n),
           min = min(e), max = max(e), mad = mad(e),
           skewness = mean(dev^3) / mean(dev^2)^1.5 * sqrt(n * (n - 1)) / (n - 2),
           kurtosis = ((n + 1) * (mean(dev^4) / mean(dev^2)^2 - 3) + 6) * (n - 1) / ((n - 2) * (n - 3)))
print(fixed, digits = 17)
for (t in c(1, 2, 6, 7, 8)) {
    q <- quantile(e, c(.25, .5, .75, .1, .33, .9), type = t, names = FALSE)
    cat("type", t, sprintf("%.17g", c(q[1:3], q[3] - q[1], q[4:6])), "\n")   # q1 median q3 iqr p10 p33 p90
}
# Hmisc's weighted quantile (type "quantile") is type 7:
print(Hmisc::wtd.quantile(d$x, d$w, c(.25, .5, .75, .1, .33, .9), normwt = FALSE), digits = 17)
