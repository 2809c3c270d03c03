#!/usr/bin/env python3
"""Share of each 0.1-degree cell covered by a set of IGBP classes, from the MODIS MCD12C1 0.05-degree
majority-class raster exported as an Arc/Info ASCII grid (gdal_translate -of AAIGrid).

    landcover_fractions.py IN.asc OUT.asc CLASS[:WEIGHT][,CLASS[:WEIGHT]...]

Each output cell is the mean of its 2 x 2 input cells' membership: the class's weight (1 unless
given, e.g. 14:0.5 for the natural half of the cropland/natural vegetation mosaic) when the cell's
class is listed, else 0; nodata (255) input cells count as 0 (not land). Weights lie in 0..1 and are
multiples of 1/8 here, so every share is exact in binary. Standard library only; deterministic.
"""
import sys
from fractions import Fraction


def read(path):
    with open(path, encoding="ascii") as f:
        header = {}
        for _ in range(6):
            key, value = f.readline().split()
            header[key.lower()] = value
        rows = [list(map(int, line.split())) for line in f if line.strip()]
    return header, rows


def weights(spec):
    out = {}
    for item in spec.split(","):
        cls, _, w = item.partition(":")
        weight = Fraction(w) if w else Fraction(1)
        if not 0 <= weight <= 1:
            sys.exit(f"landcover_fractions: weight {w} of class {cls} is outside 0..1")
        out[int(cls)] = weight
    return out


def share(total):
    # total = sum of four memberships; its quarter printed exactly (0, 0.25, 0.5, 0.125, ...)
    value = total / 4
    return "0" if value == 0 else "1" if value == 1 else repr(float(value))


def main():
    src, dst, classes = sys.argv[1], sys.argv[2], weights(sys.argv[3])
    header, rows = read(src)
    ncols, nrows = int(header["ncols"]), int(header["nrows"])
    if ncols % 2 or nrows % 2 or len(rows) != nrows or any(len(r) != ncols for r in rows):
        sys.exit(f"landcover_fractions: {src}: expected an even {ncols} x {nrows} grid")
    cell = float(header.get("cellsize", "0"))
    zero = Fraction(0)
    with open(dst, "w", encoding="ascii", newline="\n") as o:
        o.write(f"ncols {ncols // 2}\nnrows {nrows // 2}\nxllcorner {header['xllcorner']}\nyllcorner {header['yllcorner']}\ncellsize {cell * 2!r}\n")
        for r in range(0, nrows, 2):
            out = []
            for c in range(0, ncols, 2):
                total = sum(classes.get(v, zero) for v in (rows[r][c], rows[r][c + 1], rows[r + 1][c], rows[r + 1][c + 1]))
                out.append(share(total))
            o.write(" ".join(out) + "\n")


if __name__ == "__main__":
    main()
