d <- read.csv("input.csv", na.strings = c("", "NA"))   # effekt's missing tokens
print(t.test(v ~ g, d))                 # rows without a group are dropped: two groups
print(wilcox.test(v ~ g, d, exact = TRUE))
print(chisq.test(table(d$g, d$y), correct = FALSE))
