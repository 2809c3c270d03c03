#!/usr/bin/env python3
"""Compute the baseline facts recorded in DATA_SOURCES.md from the repository's data files.

  summarize.py REPO [--update DATA_SOURCES.md]

Prints a Markdown block (operating coal CO2 per province, operating gas capacity by fuel type,
operating crude steel capacity by route, coal units whose coordinates fall outside their
province outline). With --update, replaces the text between the markers
<!-- BEGIN computed --> and <!-- END computed --> of the given file.
Standard library only; numbers are rounded for display, sums are taken over unrounded values.
"""
import csv
import json
import os
import sys
from collections import defaultdict

HENAN = ["Henan"]
YRD = ["Shanghai", "Jiangsu", "Zhejiang", "Anhui"]
PROVINCES = HENAN + YRD
BEGIN, END = "<!-- BEGIN computed -->", "<!-- END computed -->"


def num(v):
    v = (v or "").strip()
    return float(v) if v else 0.0


def read_csv(path):
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def load_outlines(path):
    with open(path, encoding="utf-8") as fh:
        doc = json.load(fh)
    out = {}
    for f in doc["features"]:
        g = f["geometry"]
        out[f["properties"]["province"]] = [g["coordinates"]] if g["type"] == "Polygon" else g["coordinates"]
    return out


def inside(polys, x, y):
    hit = False
    for poly in polys:
        for ring in poly:
            for i in range(len(ring) - 1):
                (x1, y1), (x2, y2) = ring[i][:2], ring[i + 1][:2]
                if (y1 > y) != (y2 > y) and x < (x2 - x1) * (y - y1) / (y2 - y1) + x1:
                    hit = not hit
    return hit


def table(header, rows):
    lines = ["| " + " | ".join(header) + " |",
             "|" + "|".join("---:" if rows and all(r[i].replace(",", "").replace(".", "").isdigit() for r in rows) else "---"
                         for i in range(len(header))) + "|"]
    lines += ["| " + " | ".join(r) + " |" for r in rows]
    return "\n".join(lines)


def f2(v):
    return f"{v:,.2f}"


def f0(v):
    return f"{v:,.0f}"


def coal_section(repo, outlines):
    rows = read_csv(os.path.join(repo, "sources", "gem_coal_units.csv"))
    P, S, CO2, MW = "Subnational unit (province, state)", "Status", "Annual CO2 (million tonnes / annum)", "Capacity (MW)"
    agg = defaultdict(lambda: {"all": 0, "op": 0, "mw": 0.0, "co2": 0.0, "in_all": 0, "in_op": 0, "in_co2": 0.0})
    outside = []
    for r in rows:
        a = agg[r[P]]
        op = r[S] == "operating"
        ok = inside(outlines[r[P]], num(r["Longitude"]), num(r["Latitude"]))
        a["all"] += 1
        a["in_all"] += ok
        if op:
            a["op"] += 1
            a["mw"] += num(r[MW])
            a["co2"] += num(r[CO2])
            a["in_op"] += ok
            a["in_co2"] += num(r[CO2]) if ok else 0.0
        if not ok:
            outside.append(r)
    out = []
    body = []
    for name, members in [(p, [p]) for p in PROVINCES] + [("YRD total", YRD)]:
        s = {k: sum(agg[m][k] for m in members) for k in agg[PROVINCES[0]]}
        body.append([name, str(s["all"]), str(s["op"]), f0(s["mw"]), f2(s["co2"]),
                     str(s["in_all"]), str(s["in_op"]), f2(s["in_co2"])])
    out.append("### Coal: operating units and annual CO2 (GEM GCPT, July 2024)\n")
    out.append("Sum of `Annual CO2 (million tonnes / annum)` over units with `Status` = `operating`, "
               "grouped by `Subnational unit (province, state)` (the file `sources/gem_coal_units.csv`). "
               "The right-hand columns count only units whose coordinates fall inside the province "
               "outline of `boundaries/provinces.geojson`; that is how PROVENANCE.md counted "
               "(Henan 323 units, 295.9 Mt; YRD 798 units, 449 operating, 834.1 Mt).\n")
    out.append(table(["province", "units (all statuses)", "operating units", "operating MW",
                      "operating CO2 (Mt/a)", "units inside outline", "operating inside",
                      "operating CO2 inside (Mt/a)"], body))
    out.append("\nUnits whose coordinates fall outside their province outline (kept in the file; they lie in no "
               "city unit of `boundaries/cities.geojson`, so city totals must place them by their prefecture attribute "
               "or the nearest unit, and a point-source allocator must report them):\n")
    out.append(table(["GEM unit/phase ID", "plant", "unit", "status", "MW", "CO2 (Mt/a)", "province",
                      "prefecture", "lat", "lon", "accuracy"],
                     [[r["GEM unit/phase ID"], r["Plant name"], r["Unit name"], r[S], r[MW],
                       f"{num(r[CO2]):.3f}", r[P], r["Major area (prefecture, district)"],
                       r["Latitude"], r["Longitude"], r["Location accuracy"]] for r in outside]))
    nat = read_csv(os.path.join(repo, "sources", "national", "gem_coal_units_china_slim.csv"))
    nop = [r for r in nat if r[S] == "operating"]
    out.append(f"\nNational benchmark (`sources/national/gem_coal_units_china_slim.csv`): {len(nat):,} units in "
               f"China, {len(nop):,} operating, {f0(sum(num(r[MW]) for r in nop))} MW, operating annual CO2 "
               f"{f2(sum(num(r[CO2]) for r in nop))} Mt/a.\n")
    return out


def gas_section(repo):
    rows = read_csv(os.path.join(repo, "sources", "gem_gas_units.csv"))
    cap = defaultdict(float)
    cnt = defaultdict(int)
    fuels = set()
    for r in rows:
        if r["status"] != "operating":
            continue
        fuels.add(r["fuel_type"])
        cap[(r["fuel_type"], r["province"])] += num(r["capacity"])
        cnt[r["province"]] += 1
    cols = PROVINCES + ["YRD"]

    def cell(fuel_filter, p):
        members = YRD if p == "YRD" else [p]
        return sum(v for (f, q), v in cap.items() if q in members and fuel_filter(f))

    body = []
    for fuel in sorted(fuels):
        body.append([fuel] + [f0(cell(lambda f, fuel=fuel: f == fuel, p)) for p in cols])
    body.append(["**fossil gas (natural gas / LNG, incl. hydrogen co-firing)**"] +
                [f0(cell(lambda f: f.startswith("fossil gas"), p)) for p in cols])
    body.append(["**industrial by-product gas (blast furnace / coke oven)**"] +
                [f0(cell(lambda f: f.startswith("industrial by-product"), p)) for p in cols])
    body.append(["**all operating**"] + [f0(cell(lambda f: True, p)) for p in cols])
    body.append(["operating units"] + [str(sum(cnt[m] for m in (YRD if p == "YRD" else [p]))) for p in cols])
    return ["### Gas: operating capacity (MW) by fuel type (GEM GOGPT, August 2024)\n",
            "Sum of `capacity` over units with `status` = `operating`, by `province` and `fuel_type` "
            "(verbatim GEM fuel strings). The tracker has no CO2 column.\n",
            table(["fuel_type"] + cols, body), ""]


def steel_section(repo):
    rows = read_csv(os.path.join(repo, "sources", "gem_steel_plants.csv"))
    P = "subnational-unit-(province/state)"
    routes = [("BF/BOF", "bof"), ("EAF", "eaf"), ("other/unspecified", "other/unspecified")]

    def col(kind, route):
        if route == "other/unspecified":
            return f"{kind}-other/unspecified-steel-capacity-(ttpa)"
        return f"{kind}-nominal-{route}-steel-capacity-(ttpa)"

    def sums(members):
        s = {}
        for label, route in routes:
            s[label] = sum(num(r[col("operating", route)]) for r in rows if r[P] in members)
            s[label + " pre"] = sum(num(r[col("operating-pre-retirement", route)]) for r in rows if r[P] in members)
        s["plants"] = sum(1 for r in rows if r[P] in members and r["plant-status"] in ("operating", "operating-pre-retirement"))
        return s

    body = []
    for name, members in [(p, [p]) for p in PROVINCES] + [("Henan (region)", HENAN), ("YRD (region)", YRD)]:
        s = sums(members)
        tot = [s[l] + s[l + " pre"] for l, _ in routes]
        body.append([name, str(s["plants"])] + [f0(t) for t in tot] + [f0(sum(tot))] +
                    [f0(s[l + " pre"]) for l, _ in routes])
    return ["### Steel: operating crude steel capacity (thousand tonnes per annum) by route (GEM GIST, March 2025)\n",
            "Operating capacity = `operating-nominal-*-steel-capacity-(ttpa)` + "
            "`operating-pre-retirement-nominal-*-steel-capacity-(ttpa)` (capacity still running but with an "
            "announced retirement), BF/BOF from the `bof` columns, EAF from the `eaf` columns. Operating plants = "
            "`plant-status` `operating` or `operating-pre-retirement`.\n",
            table(["province / region", "operating plants", "BF/BOF", "EAF", "other/unspecified",
                   "crude steel total", "of which pre-retirement BF/BOF", "pre-retirement EAF",
                   "pre-retirement other"], body), ""]


def main(repo, update=None):
    outlines = load_outlines(os.path.join(repo, "boundaries", "provinces.geojson"))
    text = "\n".join(coal_section(repo, outlines) + gas_section(repo) + steel_section(repo)).rstrip() + "\n"
    if update:
        with open(update, encoding="utf-8") as fh:
            doc = fh.read()
        if BEGIN not in doc or END not in doc:
            raise SystemExit(f"{update}: markers {BEGIN} / {END} not found")
        head, rest = doc.split(BEGIN, 1)
        _, tail = rest.split(END, 1)
        with open(update, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(head + BEGIN + "\n" + text + END + tail)
    else:
        sys.stdout.write(text)


if __name__ == "__main__":
    if len(sys.argv) == 2:
        main(sys.argv[1])
    elif len(sys.argv) == 4 and sys.argv[2] == "--update":
        main(sys.argv[1], sys.argv[3])
    else:
        raise SystemExit(__doc__)
