# Gi* z-scores with spdep::localG (queen contiguity, self included, binary weights) on the cells of
# a grid inside the study region, for the side-by-side benchmark (GridEmissions.Bench `zonal`).
# Usage: Rscript gistar.R NROW NCOL CELLS.csv OUT.csv
#   CELLS  csv with columns cell (0-based row-major index, row 0 northernmost), value; only region cells
# Prints "seconds_weights <t>" (cell2nb, subset, include.self, nb2listw) and "seconds_localg <t>".
suppressPackageStartupMessages(library(spdep))
args <- commandArgs(trailingOnly = TRUE)
nrow <- as.integer(args[1]); ncol <- as.integer(args[2])
cells <- read.csv(args[3])
keep <- rep(FALSE, nrow * ncol); keep[cells$cell + 1] <- TRUE
tw <- system.time({
  nb <- cell2nb(nrow = nrow, ncol = ncol, type = "queen")   # row by row, column fastest = row-major
  lw <- nb2listw(include.self(subset(nb, keep)), style = "B", zero.policy = TRUE)
})[["elapsed"]]
x <- cells$value[order(cells$cell)]
tg <- system.time(z <- as.numeric(localG(x, lw, zero.policy = TRUE)))[["elapsed"]]
write.csv(data.frame(cell = sort(cells$cell), z = sprintf("%.17g", z)), args[4], row.names = FALSE, quote = FALSE)
cat(sprintf("seconds_weights %.6f\nseconds_localg %.6f\n", tw, tg))
