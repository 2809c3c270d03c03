# Exact zonal sums of one band over city polygons with a reference tool, for the side-by-side
# benchmark (GridEmissions.Bench `zonal` mode runs it; see BENCHMARKS.md).
# Usage: Rscript zonal.R TOOL RASTER.tif CITIES.csv OUT.csv
#   TOOL     exactextractr (exact_extract(r, polygons, "sum")) or terra (extract(exact = TRUE), then
#            sum(value × fraction) per polygon)
#   CITIES   csv with columns adcode, wkb (hex WKB in the raster's CRS)
# Prints "seconds <t>": the zonal computation alone (raster already in memory, polygons parsed).
suppressPackageStartupMessages({ library(terra); library(sf) })
args <- commandArgs(trailingOnly = TRUE)
tool <- args[1]
here <- normalizePath(dirname(sub("--file=", "", grep("--file=", commandArgs(), value = TRUE))))
.libPaths(c(file.path(here, "..", "exactextractr", "r-lib"), .libPaths()))
r <- rast(args[2])
r <- r * 1                      # force the values into memory: time the zonal step, not the file read
cities <- read.csv(args[3], colClasses = "character")
geom <- st_as_sfc(structure(as.list(lapply(cities$wkb, function(h) as.raw(strtoi(substring(h, seq(1, nchar(h), 2), seq(2, nchar(h), 2)), 16L)))), class = "WKB"), crs = st_crs(crs(r)))
polys <- st_sf(adcode = cities$adcode, geometry = geom)
if (tool == "exactextractr") {
  suppressPackageStartupMessages(library(exactextractr))
  t <- system.time(s <- exact_extract(r, polys, "sum", progress = FALSE))[["elapsed"]]
} else if (tool == "terra") {
  v <- vect(polys)
  t <- system.time({
    e <- extract(r, v, exact = TRUE)
    s <- as.numeric(tapply(e[[2]] * e$fraction, factor(e$ID, levels = seq_len(nrow(polys))), sum))
    s[is.na(s)] <- 0
  })[["elapsed"]]
} else stop("unknown tool ", tool)
write.csv(data.frame(adcode = polys$adcode, sum = sprintf("%.17g", s)), args[4], row.names = FALSE, quote = FALSE)
cat(sprintf("seconds %.6f\n", t))
