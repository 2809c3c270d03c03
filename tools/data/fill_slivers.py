#!/usr/bin/env python3
"""Fill sliver holes left by dissolving quantised polygons.

  fill_slivers.py IN OUT MAX_AREA_DEG2 [PROPERTY=VALUE]

Removes every interior ring whose planar area (in square degrees) is below MAX_AREA_DEG2 from the
(Multi)Polygon features of the GeoJSON file IN (only those whose PROPERTY equals VALUE, if given)
and writes OUT. Used only on dissolved units
(Shanghai, provinces): the echarts boundaries are quantised to 1/1024 degree, so neighbouring
units do not share edges exactly and their union carries hairline gaps. 1e-4 deg2 is about 1 km2.
"""
import json
import sys


def ring_area(ring):
    return abs(sum(ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1]
                   for i in range(len(ring) - 1))) / 2.0


def main(src, dst, limit, only=None):
    with open(src, encoding="utf-8") as fh:
        doc = json.load(fh)
    removed = 0
    for feat in doc["features"]:
        if only is not None and str(feat["properties"].get(only[0])) != only[1]:
            continue
        geom = feat["geometry"]
        polys = [geom["coordinates"]] if geom["type"] == "Polygon" else geom["coordinates"]
        for poly in polys:
            keep = [poly[0]] + [h for h in poly[1:] if ring_area(h) >= limit]
            removed += len(poly) - len(keep)
            poly[:] = keep
    with open(dst, "w", encoding="utf-8") as out:
        json.dump(doc, out, ensure_ascii=False)
    print(f"{dst}: {removed} sliver holes filled", file=sys.stderr)


if __name__ == "__main__":
    if len(sys.argv) not in (4, 5):
        raise SystemExit(__doc__)
    main(sys.argv[1], sys.argv[2], float(sys.argv[3]),
         tuple(sys.argv[4].split("=", 1)) if len(sys.argv) == 5 else None)
