#!/usr/bin/env bash
# Installs the native packages GridEmissions needs (GDAL 3.6, CJK and Latin fonts) from Debian's/
# Ubuntu's repositories when any of them is missing. Safe to run repeatedly. (The renderer, Skia,
# ships its own native library in its NuGet package: no system graphics library is needed.)
set -euo pipefail

packages=(gdal-bin libgdal32 fonts-noto-cjk fonts-dejavu-core)
# `--with-test-tools`: also what the tests use to check outputs the way users read them
# (pdftoppm/pdffonts for PDFs, xarray/netCDF4 for the CF NetCDF, gdal_create for bad-raster
# fixtures, headless Chromium for the interactive report, the vendored CF checker's python3-cftime,
# python3-future, python3-packaging and libudunits2-0, CDO for `cdo remapcon`, pandas for reading
# every CSV with declared dtypes, PyQGIS for opening the layers with their .qml styles headless, Slurm (slurm-wlm: slurmctld,
# slurmd, sbatch) and munge for the single-node cluster the ensemble test starts).
# `--with-bench-tools`: also the reference tools of the side-by-side benchmark (BENCHMARKS.md):
# R with terra and spdep from Debian, and exactextractr 0.10.1 built from the source vendored in
# tools/bench/exactextractr (Debian does not package it) into tools/bench/exactextractr/r-lib.
# Not needed by the build, the tests or CI.
with_bench=0
for arg in "$@"; do
  case "$arg" in
    --with-test-tools) packages+=(poppler-utils python3-xarray python3-netcdf4 chromium python3-cftime python3-numpy python3-future python3-packaging libudunits2-0 cdo python3-pandas python3-qgis slurm-wlm munge) ;;
    --with-bench-tools) with_bench=1; packages+=(r-base-core r-base-dev r-cran-rcpp r-cran-raster r-cran-sf r-cran-terra r-cran-spdep libgeos-dev) ;;
    *) echo "install-native.sh: unknown option $arg (use --with-test-tools and/or --with-bench-tools)" >&2; exit 1 ;;
  esac
done
bench_tools() {
  if [ "$with_bench" -eq 1 ]; then
    bash "$(cd "$(dirname "$0")" && pwd)/bench/exactextractr/install-exactextractr.sh"
  fi
}
missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  bench_tools
  exit 0
fi

echo "GridEmissions: installing native packages: ${missing[*]}" >&2
sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then sudo_cmd=(sudo); else
    echo "GridEmissions: need root to install ${missing[*]}; run: apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
bench_tools
