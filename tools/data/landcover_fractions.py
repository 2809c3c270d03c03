#!/usr/bin/env python3
"""Share of each 0.1-degree cell covered by a set of IGBP classes, from the MODIS MCD12C1 0.05-degree
majority-class raster exported as an Arc/Info ASCII grid (gdal_translate -of AAIGrid).

    landcover_fractions.py IN.asc OUT.asc CLASS[,CLASS...]

Each output cell is the mean of its 2 x 2 input cells' membership (1 when the class is one of CLASSes,
else 0); nodata (255) input cells count as 0 (not land). Standard library only; deterministic.
"""
import sys


def read(path):
    with open(path, encoding="ascii") as f:
        header = {}
        for _ in range(6):
            key, value = f.readline().split()
            header[key.lower()] = value
        rows = [list(map(int, line.split())) for line in f if line.strip()]
    return header, rows


def main():
    src, dst, classes = sys.argv[1], sys.argv[2], {int(c) for c in sys.argv[3].split(",")}
    header, rows = read(src)
    ncols, nrows = int(header["ncols"]), int(header["nrows"])
    if ncols % 2 or nrows % 2 or len(rows) != nrows or any(len(r) != ncols for r in rows):
        sys.exit(f"landcover_fractions: {src}: expected an even {ncols} x {nrows} grid")
    cell = float(header.get("cellsize", "0"))
    with open(dst, "w", encoding="ascii", newline="\n") as o:
        o.write(f"ncols {ncols // 2}\nnrows {nrows // 2}\nxllcorner {header['xllcorner']}\nyllcorner {header['yllcorner']}\ncellsize {cell * 2!r}\n")
        for r in range(0, nrows, 2):
            out = []
            for c in range(0, ncols, 2):
                n = sum(1 for v in (rows[r][c], rows[r][c + 1], rows[r + 1][c], rows[r + 1][c + 1]) if v in classes)
                out.append(("0", "0.25", "0.5", "0.75", "1")[n])
            o.write(" ".join(out) + "\n")


if __name__ == "__main__":
    main()
