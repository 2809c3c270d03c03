# Builds the Gi* fixtures used by GetisOrdGiStarTests: a 9 x 7 grid (9 columns, 7 rows) of
# 10 km cells with deterministic pseudo-random values (log-normal, some zeros, a few large
# values) and a study-region mask that drops 7 cells; Gi* z-scores from spdep::localG with
# self-included binary weights, queen contiguity and a 25 km distance band.
#
# Run from this directory:  Rscript make_localg_fixture.R
# Writes localg_queen.csv and localg_band25km.csv (values and results with 17 significant digits).
suppressPackageStartupMessages(library(spdep))

ncol <- 9L
nrow <- 7L
n <- nrow * ncol
cell_size <- 10000
west_column <- 90   # GridSpec("fixture", 10000, WestColumn = 90, NorthRow = 400, 9, 7)
north_row <- 400
min_x <- west_column * cell_size
max_y <- (north_row + 1) * cell_size

# flat row-major index from the north-west corner (row 0 northernmost), as GridSpec
idx <- 0:(n - 1)
row0 <- idx %/% ncol
col0 <- idx %% ncol
cx <- min_x + (col0 + 0.5) * cell_size
cy <- max_y - (row0 + 0.5) * cell_size

set.seed(20240601)
value <- rlnorm(n, meanlog = 9, sdlog = 1.6)
value[c(4, 12, 13, 30, 31, 47, 55, 61)] <- 0          # zeros (1-based positions)
value[c(21, 22, 32)] <- c(4.2e6, 2.7e6, 1.3e6)        # a cluster of large emitters
value[58] <- 9.5e5                                     # an isolated large value
keep <- rep(TRUE, n)
keep[c(1, 2, 10, 9, 18, 40, 63)] <- FALSE             # cells outside the study region

# cell2nb numbers cells row by row, column fastest (region.id "col:row"): check that this is
# exactly our row-major order by building queen neighbours from (row, col) by hand.
nb_all <- cell2nb(nrow = nrow, ncol = ncol, type = "queen")
for (i in 1:n) {
  mine <- which(abs(row0 - row0[i]) <= 1 & abs(col0 - col0[i]) <= 1 & (1:n) != i)
  if (!identical(as.integer(sort(nb_all[[i]])), as.integer(mine))) stop("cell2nb order differs from row-major at ", i)
}
if (!identical(attr(nb_all, "region.id")[1:3], c("1:1", "2:1", "3:1"))) stop("unexpected region.id order")

write_fixture <- function(nb_region, file) {
  nb_self <- include.self(nb_region)
  lw <- nb2listw(nb_self, style = "B", zero.policy = TRUE)
  x <- value[keep]
  z <- as.numeric(localG(x, lw, zero.policy = TRUE))
  p <- 2 * pnorm(abs(z), lower.tail = FALSE)
  z_all <- rep(NA_real_, n); z_all[keep] <- z
  p_all <- rep(NA_real_, n); p_all[keep] <- p
  bh_all <- rep(NA_real_, n); bh_all[keep] <- p.adjust(p, "BH")
  w_all <- rep(0L, n); w_all[keep] <- card(nb_self)
  f <- function(v) ifelse(is.na(v), "NA", sprintf("%.17g", v))
  out <- data.frame(cell = idx, row = row0, col = col0, in_region = as.integer(keep),
                    value = f(value), weights = w_all, z = f(z_all), p = f(p_all), p_bh = f(bh_all))
  write.csv(out, file, row.names = FALSE, quote = FALSE)
}

write_fixture(subset(nb_all, keep), "localg_queen.csv")

coords <- cbind(cx, cy)[keep, ]
write_fixture(dnearneigh(coords, 0, 25000), "localg_band25km.csv")

cat("R", R.version$major, ".", R.version$minor, ", spdep ", as.character(packageVersion("spdep")), "\n", sep = "")
