#!/usr/bin/env python3
"""Extract GeoNames cities500 places inside a lon/lat box as a small UTF-8 CSV.

  geonames.py IN OUT MIN_LON MIN_LAT MAX_LON MAX_LAT

IN is the GeoNames dump (tab separated, no header, 19 columns). The box is inclusive.
Output columns: geonameid,name,asciiname,latitude,longitude,feature_class,feature_code,admin1,
population; records in the order of IN; LF line endings.
"""
import csv
import sys

HEADER = ["geonameid", "name", "asciiname", "latitude", "longitude",
          "feature_class", "feature_code", "admin1", "population"]


def main(src, dst, min_lon, min_lat, max_lon, max_lat):
    kept = 0
    with open(src, "r", encoding="utf-8", newline="") as fh, \
            open(dst, "w", encoding="utf-8", newline="") as out:
        w = csv.writer(out, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
        w.writerow(HEADER)
        for lineno, line in enumerate(fh, 1):
            f = line.rstrip("\r\n").split("\t")
            if len(f) != 19:
                raise SystemExit(f"{src}:{lineno}: {len(f)} columns, expected 19")
            lat, lon = float(f[4]), float(f[5])
            if min_lon <= lon <= max_lon and min_lat <= lat <= max_lat:
                w.writerow([f[0], f[1], f[2], f[4], f[5], f[6], f[7], f[10], f[14]])
                kept += 1
    print(f"{dst}: {kept} records", file=sys.stderr)


if __name__ == "__main__":
    if len(sys.argv) != 7:
        raise SystemExit(__doc__)
    main(sys.argv[1], sys.argv[2], *map(float, sys.argv[3:]))
