#!/usr/bin/env python3
"""Sector splits of the shipped scenarios from the CEADs 2019 provincial inventories.

  ceads_split.py sources/ceads_2019_provinces.csv

Prints, for Henan (all eight sectors, scaled to the study's 2024 total of 587.31 Mt) and for the
YRD (the 650 Mt the study does not itemise, less the study's indirect emissions of imported
electricity, 13 % of 2,390 Mt = 310.7 Mt, which the scenarios hold off the grid: 339.3 Mt split over
other_industry, buildings and agriculture), the CEADs scope-1 totals of each GridEmissions sector
and the baselines the scenarios carry, and the buildings model's land_share and rural_weight
(residential rows per resident, service rows on land). The study's five itemised sectors (power 980, steel 250,
cement 160, petrochemicals 150, transport 200) are direct emissions, so the indirect part comes out
of the 650 Mt only.
The mapping of the 47 CEADs sectors (and the urban/rural residential rows) to ours is MAPPING.
Standard library only; the Core test ShippedScenarioTests recomputes the same figures.
"""
import csv
import sys
from collections import defaultdict

MAPPING = {
    "Production and Supply of Electric Power, Steam and Hot Water": "power",
    "Smelting and Pressing of Ferrous Metals": "steel",
    "Nonmetal Mineral Products": "cement",
    "Petroleum Processing and Coking": "petrochemicals",
    "Raw Chemical Materials and Chemical Products": "petrochemicals",
    "Chemical Fiber": "petrochemicals",
    "Transportation, Storage, Post and Telecommunication Services": "transport",
    "Urban": "buildings",
    "Rural": "buildings",
    "Wholesale, Retail Trade and Catering Services": "buildings",
    "Others": "buildings",
    "Farming, Forestry, Animal Husbandry, Fishery and Water Conservancy": "agriculture",
}
YRD_TOTAL_2024 = 2390.0  # study: total emissions 2.39 billion tons in 2024
YRD_ITEMISED = 980.0 + 250.0 + 160.0 + 150.0 + 200.0  # study: power, steel, cement, petrochemicals, transport (direct)
YRD_INDIRECT = round(0.13 * YRD_TOTAL_2024, 2)  # study: "indirect emissions accounted for ... 13 %" -> 310.7 Mt, off the grid
YRD_ON_GRID = round(YRD_TOTAL_2024 - YRD_ITEMISED - YRD_INDIRECT, 2)  # 339.3 Mt
SKIP = {"TotalEmissions", "Total Consumption"}  # totals, not sectors; every other row is other_industry


def ours(sector):
    return MAPPING.get(sector, "other_industry")


def split(rows, provinces, sectors, total):
    mt = defaultdict(float)
    for r in rows:
        if r["province"] in provinces and r["sector"] not in SKIP:
            mt[ours(r["sector"])] += float(r["scope1_total_mt"])
    base = sum(mt[s] for s in sectors)
    shares = {s: mt[s] / base for s in sectors}
    values = {s: round(total * shares[s], 2) for s in sectors}
    values[sectors[-1]] = round(total - sum(values[s] for s in sectors[:-1]), 2)  # rounding remainder on the last
    return mt, shares, values


def main(path):
    with open(path, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    henan = ["power", "steel", "cement", "petrochemicals", "transport", "buildings", "agriculture", "other_industry"]
    for name, provinces, sectors, total in [
        ("Henan", {"Henan"}, henan, 587.31),
        ("YRD (650 Mt not itemised - 310.7 Mt indirect, off the grid)", {"Shanghai", "Jiangsu", "Zhejiang", "Anhui"}, ["buildings", "agriculture", "other_industry"], YRD_ON_GRID),
    ]:
        mt, shares, values = split(rows, provinces, sectors, total)
        print(f"{name}: CEADs 2019 scope-1 Mt, share, scenario baseline Mt")
        for s in sectors:
            print(f"  {s:15s} {mt[s]:9.2f} {100 * shares[s]:6.2f} % {values[s]:9.2f}")
        buildings_weights(rows, name, provinces)


# The scenarios' 2024 population (million) and urbanisation (%): they split CEADs' urban and rural
# residential emissions into per-resident rates.
POPULATION_2024 = {"Henan": (97.85, 59.22), "YRD": (238.00, 72.0)}
SERVICES = {"Wholesale, Retail Trade and Catering Services", "Others"}


def buildings_weights(rows, name, provinces):
    """The buildings model's land_share (service buildings on built-up land) and rural_weight (per rural
    resident, urban resident = 1) from CEADs' residential and service rows."""
    mt = defaultdict(float)
    for r in rows:
        if r["province"] in provinces and (r["sector"] in SERVICES or r["sector"] in ("Urban", "Rural")):
            mt["services" if r["sector"] in SERVICES else r["sector"]] += float(r["scope1_total_mt"])
    million, urban_percent = POPULATION_2024[name.split(" ")[0]]
    urban, rural = million * urban_percent / 100, million * (1 - urban_percent / 100)
    per_urban, per_rural = mt["Urban"] / urban, mt["Rural"] / rural
    total = mt["Urban"] + mt["Rural"] + mt["services"]
    print(f"  buildings: residential urban {mt['Urban']:.2f} Mt ({per_urban:.4f} t per urban resident), "
          f"rural {mt['Rural']:.2f} Mt ({per_rural:.4f} t per rural resident), services {mt['services']:.2f} Mt")
    print(f"  buildings model: land_share {mt['services'] / total:.4f} (services / buildings), "
          f"rural_weight {per_rural / per_urban:.4f} (rural / urban residential per resident)")


if __name__ == "__main__":
    main(sys.argv[1])
