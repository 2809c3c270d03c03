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
# every CSV with declared dtypes, Slurm (slurm-wlm: slurmctld, slurmd, sbatch) and munge for the
# single-node cluster the ensemble test starts).
if [ "${1:-}" = "--with-test-tools" ]; then
  packages+=(poppler-utils python3-xarray python3-netcdf4 chromium python3-cftime python3-numpy python3-future python3-packaging libudunits2-0 cdo python3-pandas slurm-wlm munge)
fi
missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
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
