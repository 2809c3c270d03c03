#!/usr/bin/env bash
# The CF conventions checker (cedadev/cf-checker, BSD-3-Clause, commit c0486c6; with NCAS-CMS/cfunits, MIT,
# commit ccf549b), vendored unchanged as the tarballs beside this script (licences: LICENSE.cf-checker,
# LICENSE.cfunits) and unpacked on first use. Debian does not package it. Its Debian dependencies
# (python3-netcdf4, python3-cftime, python3-numpy, python3-future, python3-packaging, libudunits2-0) come from `tools/install-native.sh --with-test-tools`.
# Usage: tools/cf-checker/cfchecks.sh [-v 1.8] FILE.nc ...   Exit status = number of errors (0 = passes).
#        tools/cf-checker/cfchecks.sh --units UNITS ...        Prints each units string udunits2 rejects; exit 1 if any.
# The bundled standard-name table is version 25 (2013): it has no name for fossil CO2 emission fluxes, so
# emission variables carry a long_name and units, and standard names only where the table has them.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cache=${CFCHECKS_CACHE:-${TMPDIR:-/tmp}/gridem-cfchecks-c0486c6}
if [ ! -f "$cache/ok" ]; then
  if ! dpkg -s python3-netcdf4 python3-cftime python3-future python3-packaging libudunits2-0 >/dev/null 2>&1; then
    echo "cfchecks.sh: python3-netcdf4, python3-cftime, python3-future, python3-packaging and libudunits2-0 are needed; run: bash tools/install-native.sh --with-test-tools" >&2
    exit 100
  fi
  tmp=$(mktemp -d "${cache}.XXXXXX")
  tar -xzf "$here/cf-checker-c0486c6-src.tar.gz" -C "$tmp"; tar -xzf "$here/cfunits-ccf549b-src.tar.gz" -C "$tmp"; touch "$tmp/ok"
  rm -rf "$cache"; mv "$tmp" "$cache" 2>/dev/null || rm -rf "$tmp"
fi
if [ "${1:-}" = "--units" ]; then
  shift
  PYTHONPATH="$cache/cfunits" /usr/bin/python3 -c 'import sys
from cfunits import Units
bad = [u for u in sys.argv[1:] if not Units(u).isvalid]
print("\n".join(bad))
sys.exit(1 if bad else 0)' "$@"
  exit $?
fi
t="$cache/cf-checker/tables"
PYTHONPATH="$cache/cf-checker/src:$cache/cfunits" /usr/bin/python3 -c 'import sys; from cfchecker.cfchecks import main; sys.exit(main())' \
  -s "$t/cf-standard-name-table.xml" -a "$t/area-type-table.xml" -r "$t/standardized-region-list.xml" "$@"
