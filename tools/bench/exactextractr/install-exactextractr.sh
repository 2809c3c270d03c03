#!/usr/bin/env bash
# Builds the R package exactextractr 0.10.1 (isciences/exactextractr, commit 4a3d69a1, Apache-2.0:
# the licence is inside the tarball, exactextractr/DESCRIPTION and src/exactextract/LICENSE) from the
# unchanged upstream source beside this script into tools/bench/exactextractr/r-lib, for the
# side-by-side benchmark (tools/bench/zonal/). Called by `tools/install-native.sh --with-bench-tools`
# after the Debian packages (r-base-dev, r-cran-rcpp, r-cran-raster, r-cran-sf, r-cran-terra,
# libgeos-dev) are in place. Does nothing when the package is already built.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
lib="$here/r-lib"
if [ -f "$lib/exactextractr/DESCRIPTION" ]; then
  exit 0
fi
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
tar -xzf "$here/exactextractr-0.10.1-src.tar.gz" -C "$work"
mkdir -p "$lib"
echo "GridEmissions: building exactextractr 0.10.1 into $lib" >&2
MAKEFLAGS="-j2" R CMD INSTALL --no-test-load -l "$lib" "$work/exactextractr" >"$work/build.log" 2>&1 || { tail -40 "$work/build.log" >&2; exit 1; }
