d <- read.csv("input.csv"); x <- rep(d$x, d$w)   # frequency weights
print(c(sum = sum(x), mean = mean(x), min = min(x), max = max(x)))
