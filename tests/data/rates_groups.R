# R 4.2 reference for the golden cases rates_* (tests/cli/): run from the
# source folder with Rscript tests/data/rates_groups.R.  R leaves the rows of
# a missing group (NA) out of table() and of model formulas, and a group
# with no outcome (C: 0/0) has no row in table() of the observed values.
options(digits = 15)
d <- read.csv("tests/data/rates_groups.csv", na.strings = "")
ok <- !is.na(d$group) & !is.na(d$placed)
tab <- table(d$group[ok], d$placed[ok])
print(chisq.test(tab, correct = FALSE))   # X-squared = 5.74318, df = 1, p = 0.0165528 (rates_empty_group)
print(fisher.test(tab)$p.value)           # 0.0299731
# values: C has no ages, the NA group is dropped by the formula
print(t.test(age ~ group, data = d))      # rates_values_empty_group: t = -0.328052, df = 17.3685, p = 0.746794,
                                          #   difference -1.58333 [-11.7499, 8.5832]
print(wilcox.test(age ~ group, data = d)$p.value)   # W = 50.5, p = 0.831116 (ties: normal approximation)

# 1/1 vs 0/1 and friends (rates_tiny.csv): Newcombe's hybrid score interval
# (Newcombe 1998 method 10) from the Wilson limits of prop.test
w <- function(x, n) as.numeric(prop.test(x, n, correct = FALSE)$conf.int)
newcombe <- function(x1, n1, x2, n2) {
    p1 <- x1 / n1; p2 <- x2 / n2; a <- w(x1, n1); b <- w(x2, n2); d <- p1 - p2
    c(d, d - sqrt((p1 - a[1])^2 + (b[2] - p2)^2), d + sqrt((a[2] - p1)^2 + (p2 - b[1])^2))
}
suppressWarnings({
    print(newcombe(0, 1, 1, 1))   # E vs D: -1 [-1, 0.122109]  (Wald: [-1, -1])
    print(newcombe(0, 1, 0, 2))   # E vs F: 0 [-0.65762, 0.793451]
    print(newcombe(1, 1, 0, 2))   # D vs F: 1 [-0.0305473, 1]
    t2 <- read.csv("tests/data/rates_tiny.csv")
    print(chisq.test(table(t2$group, t2$placed), correct = FALSE))   # X-squared = 4, df = 2, p = 0.135335
    print(pairwise.prop.test(c(0, 1, 0), c(1, 1, 2), correct = FALSE, p.adjust.method = "holm")$p.value)
    # E-D 0.166529033327101, E-F NaN (no variation), D-F 0.166529033327101
})

# rates_projects.csv (rates_kpi_pooled_impossible): fund S pools P1 (10 of
# 40) and P3 (5 of 10); P2 (30 jobs of 20 participants) has no rate of its
# own, so it is in neither the median nor the pooled rate (it was 45/70).
print(prop.test(15, 50, correct = FALSE)$conf.int)   # 0.30 [0.19103553500880949, 0.43750350464453397]
print(quantile(c(10 / 40, 5 / 10)))                  # q1 0.3125, median 0.375, q3 0.4375 (type 7)
