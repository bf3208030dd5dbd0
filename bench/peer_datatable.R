# R data.table: the grouped describe of the benchmark, printed as CSV
# (project_id,n,mean,sd,median,p90) sorted by group; quantile type 7.
# Usage: Rscript bench/peer_datatable.R FILE THREADS
a <- commandArgs(TRUE)
suppressMessages(library(data.table))
setDTthreads(as.integer(a[2]))
d <- fread(a[1], select = c("project_id", "cost"))
r <- d[, .(n = .N, mean = mean(cost), sd = sd(cost), median = median(cost),
           p90 = quantile(cost, 0.9, names = FALSE, type = 7)), keyby = project_id]
cat("project_id,n,mean,sd,median,p90\n",
    sprintf("%s,%d,%.17g,%.17g,%.17g,%.17g\n", r$project_id, r$n, r$mean, r$sd, r$median, r$p90), sep = "")
