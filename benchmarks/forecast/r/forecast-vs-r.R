# R's side of the forecast benchmarks (issue 6): R's arima (CSS-ML, as R defaults) on every series, and
# forecast::auto.arima with its defaults, each loop timed inside R so that start-up and reading are left out.
#   Rscript forecast-vs-r.R <series.csv> <out-dir> <runs> <auto-runs>      (auto-runs 0: no auto.arima)
# Writes to out-dir: r-arima-times.txt and r-auto-times.txt (one "elapsed,cpu" line in seconds per run),
# r-arima.csv (log-likelihood per series, NA where arima failed), r-auto.csv (chosen orders) and r-checksum.txt.
args <- commandArgs(trailingOnly = TRUE)
file <- args[1]
out <- args[2]
runs <- as.integer(args[3])
auto_runs <- as.integer(args[4])
suppressMessages(library(forecast))

data <- read.csv(file, header = FALSE, stringsAsFactors = FALSE)
names <- data[[1]]
m <- as.matrix(data[, -1])
writeLines(sprintf("%.17g", sum(m)), file.path(out, "r-checksum.txt"))

timed <- function(fun) {
  start <- proc.time()
  result <- fun()
  used <- proc.time() - start
  list(result = result, line = sprintf("%.6f,%.6f", used[["elapsed"]], used[["user.self"]] + used[["sys.self"]]))
}

fit_all <- function() {
  loglik <- rep(NA_real_, nrow(m))
  for (i in seq_len(nrow(m))) {
    fit <- tryCatch(suppressWarnings(arima(m[i, ], order = c(1, 1, 1), method = "CSS-ML")),
                    error = function(e) NULL)
    if (!is.null(fit)) loglik[i] <- fit$loglik
  }
  loglik
}

auto_all <- function() {
  chosen <- data.frame(series = names, p = NA_integer_, d = NA_integer_, q = NA_integer_, constant = NA,
                       loglik = NA_real_)
  for (i in seq_len(nrow(m))) {
    fit <- tryCatch(suppressWarnings(auto.arima(m[i, ])), error = function(e) NULL)
    if (!is.null(fit)) {
      order <- arimaorder(fit)
      chosen$p[i] <- order[["p"]]
      chosen$d[i] <- order[["d"]]
      chosen$q[i] <- order[["q"]]
      chosen$constant[i] <- any(names(coef(fit)) %in% c("intercept", "drift"))
      chosen$loglik[i] <- fit$loglik
    }
  }
  chosen
}

lines <- character(0)
for (r in seq_len(runs)) {
  t <- timed(fit_all)
  lines <- c(lines, t$line)
  loglik <- t$result
}
writeLines(lines, file.path(out, "r-arima-times.txt"))
write.csv(data.frame(series = names, loglik = sprintf("%.17g", loglik)), file.path(out, "r-arima.csv"),
          row.names = FALSE, quote = FALSE)

if (auto_runs > 0) {
  lines <- character(0)
  for (r in seq_len(auto_runs)) {
    t <- timed(auto_all)
    lines <- c(lines, t$line)
    chosen <- t$result
  }
  writeLines(lines, file.path(out, "r-auto-times.txt"))
  chosen$loglik <- sprintf("%.17g", chosen$loglik)
  write.csv(chosen, file.path(out, "r-auto.csv"), row.names = FALSE, quote = FALSE)
}
