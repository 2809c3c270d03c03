#!/usr/bin/env bash
# Rebuild the repository's input data (boundaries/, sources/, proxies/ and the computed block of
# DATA_SOURCES.md) from the staged raw files. Deterministic: running it twice leaves `git diff` empty.
#
#   tools/prepare-data.sh [SHARED_DATA_DIR]      (default: ../shared/data relative to the repo)
#
# Needs GDAL >= 3.6 command-line tools (ogr2ogr, ogrinfo; SQLite dialect with SpatiaLite) and
# python3 (standard library only). Nothing in the project reads SHARED_DATA_DIR at run time.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/.." && pwd)
shared_arg=${1:-$repo/../shared/data}
[[ -d $shared_arg ]] || { echo "prepare-data: no directory $shared_arg (pass the shared data dir as argument)" >&2; exit 2; }
shared=$(cd "$shared_arg" && pwd)
helpers=$here/data
export LC_ALL=C.UTF-8
export OGR_GEOJSON_MAX_OBJ_SIZE=0

for tool in ogr2ogr ogrinfo python3; do
  command -v "$tool" >/dev/null || { echo "prepare-data: $tool not found" >&2; exit 2; }
done

ECHARTS=$shared/boundaries/echarts4.9.0_prefectures_henan_yrd_decoded.geojson
SEATS=$shared/boundaries/cities_henan_yrd.csv
COAL=$shared/point_sources/gem_gcpt_2024-07_units_china.csv
GAS=$shared/point_sources/gem_gogpt_2024-08-29_china.csv
STEEL=$shared/point_sources/gem_gist_mapfile_2025-03-25_china.csv
CORRIDORS=$shared/line_sources/corridors_henan_yrd_approx.geojson
GEONAMES=$shared/population/geonames_cities500_CN.txt
NE_PLACES=$shared/population/ne_10m_populated_places_bbox.geojson
NE_URBAN=$shared/population/ne_50m_urban_areas_bbox.geojson
for f in "$ECHARTS" "$SEATS" "$COAL" "$GAS" "$STEEL" "$CORRIDORS" "$GEONAMES" "$NE_PLACES" "$NE_URBAN"; do
  [[ -f $f ]] || { echo "prepare-data: missing $f" >&2; exit 2; }
done

PROVINCES=(Henan Shanghai Jiangsu Zhejiang Anhui)
BOX=(108 26 124 38)          # lon min, lat min, lon max, lat max of the proxies
SLIVER=1e-4                  # deg2 (~1 km2): holes below this in dissolved units are quantisation gaps

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$repo/boundaries" "$repo/sources/national" "$repo/proxies"

# install SRC DEST: move a finished file into place (outputs are written to temp paths first)
install() { chmod 644 "$1"; mv -f "$1" "$2"; echo "wrote ${2#"$repo"/}" >&2; }
fail() { echo "prepare-data: check failed: $*" >&2; exit 1; }
# sql DATASOURCE QUERY: the value of column n of the single-row result of an SQLite-dialect query
sql() { ogrinfo -ro -q -dialect sqlite -sql "$2" "$1" 2>/dev/null | sed -n 's/^ *n ([A-Za-z0-9]*) = //p' | head -n 1; }

# ---------------------------------------------------------------- boundaries
echo "== boundaries" >&2
quiet_geos() { "$@" 2> >(grep -v '^GEOS warning' >&2); }   # the raw rings self-intersect: expected noise
quiet_geos ogr2ogr -f GPKG "$tmp/work.gpkg" "$ECHARTS" -nln raw -makevalid
ogr2ogr -f GPKG -update "$tmp/work.gpkg" "$SEATS" -nln seats -oo AUTODETECT_TYPE=NO
[[ $(sql "$tmp/work.gpkg" "SELECT count(*) AS n FROM raw WHERE ST_IsValid(geom) = 0 OR ST_GeometryType(geom) NOT IN ('POLYGON','MULTIPOLYGON')") == 0 ]] \
  || fail "makevalid left invalid or non-polygonal geometries"

# 59 city units: Shanghai's 16 districts dissolved into 310000, names and seats joined from the CSV
ogr2ogr -f GeoJSON "$tmp/cities_dissolved.geojson" "$tmp/work.gpkg" -dialect sqlite -sql @"$helpers/cities.sql" \
  -nln cities -nlt MULTIPOLYGON
python3 "$helpers/fill_slivers.py" "$tmp/cities_dissolved.geojson" "$tmp/cities_filled.geojson" "$SLIVER" adcode=310000
ogr2ogr -f GeoJSON "$tmp/cities.geojson" "$tmp/cities_filled.geojson" -nln cities -nlt MULTIPOLYGON -lco RFC7946=YES

# 5 province outlines dissolved from the city units
ogr2ogr -f GeoJSON "$tmp/provinces_dissolved.geojson" "$tmp/cities_filled.geojson" -dialect sqlite \
  -sql "SELECT province, region, CastToMultiPolygon(ST_Union(geometry)) AS geometry FROM cities GROUP BY province, region ORDER BY min(adcode)" \
  -nln provinces -nlt MULTIPOLYGON
python3 "$helpers/fill_slivers.py" "$tmp/provinces_dissolved.geojson" "$tmp/provinces_filled.geojson" "$SLIVER"
ogr2ogr -f GeoJSON "$tmp/provinces.geojson" "$tmp/provinces_filled.geojson" -nln provinces -nlt MULTIPOLYGON -lco RFC7946=YES

[[ $(sql "$tmp/cities.geojson" "SELECT count(*) AS n FROM cities") == 59 ]] || fail "cities.geojson: expected 59 features"
[[ $(sql "$tmp/cities.geojson" "SELECT sum(ST_IsValid(geometry)) AS n FROM cities") == 59 ]] || fail "cities.geojson: invalid geometries"
[[ $(sql "$tmp/cities.geojson" "SELECT count(*) AS n FROM cities WHERE region = 'Henan'") == 18 ]] || fail "cities.geojson: expected 18 Henan units"
[[ $(sql "$tmp/cities.geojson" "SELECT count(*) AS n FROM cities WHERE region = 'YRD'") == 41 ]] || fail "cities.geojson: expected 41 YRD units"
[[ $(sql "$tmp/cities.geojson" "SELECT count(DISTINCT adcode) AS n FROM cities WHERE name_zh IS NOT NULL AND name_en IS NOT NULL") == 59 ]] || fail "cities.geojson: names missing"
[[ $(sql "$tmp/provinces.geojson" "SELECT count(*) AS n FROM provinces") == 5 ]] || fail "provinces.geojson: expected 5 features"
[[ $(sql "$tmp/provinces.geojson" "SELECT sum(ST_IsValid(geometry)) AS n FROM provinces") == 5 ]] || fail "provinces.geojson: invalid geometries"
install "$tmp/cities.geojson" "$repo/boundaries/cities.geojson"
install "$tmp/provinces.geojson" "$repo/boundaries/provinces.geojson"

# ---------------------------------------------------------------- point and line sources
echo "== sources" >&2
python3 "$helpers/csvsubset.py" rows "$COAL" "$tmp/coal.csv" "Subnational unit (province, state)" "${PROVINCES[@]}"
python3 "$helpers/csvsubset.py" rows "$GAS" "$tmp/gas.csv" province "${PROVINCES[@]}"
python3 "$helpers/csvsubset.py" rows "$STEEL" "$tmp/steel.csv" "subnational-unit-(province/state)" "${PROVINCES[@]}"
python3 "$helpers/csvsubset.py" columns "$COAL" "$tmp/coal_slim.csv" \
  "GEM unit/phase ID" "Plant name" "Unit name" "Capacity (MW)" "Status" "Start year" "Retired year" \
  "Planned retirement" "Combustion technology" "Subnational unit (province, state)" \
  "Major area (prefecture, district)" "Latitude" "Longitude" "Capacity factor" "Heat rate (Btu per kWh)" \
  "Emission factor (kg of CO2 per TJ)" "Annual CO2 (million tonnes / annum)"
install "$tmp/coal.csv" "$repo/sources/gem_coal_units.csv"
install "$tmp/gas.csv" "$repo/sources/gem_gas_units.csv"
install "$tmp/steel.csv" "$repo/sources/gem_steel_plants.csv"
install "$tmp/coal_slim.csv" "$repo/sources/national/gem_coal_units_china_slim.csv"

cp "$CORRIDORS" "$tmp/corridors.geojson"
[[ $(sql "$tmp/corridors.geojson" "SELECT count(*) AS n FROM corridors_henan_yrd_approx") == 25 ]] || fail "corridors: expected 25 features"
install "$tmp/corridors.geojson" "$repo/sources/corridors.geojson"

# ---------------------------------------------------------------- proxies
echo "== proxies" >&2
python3 "$helpers/geonames.py" "$GEONAMES" "$tmp/geonames.csv" "${BOX[@]}"
ogr2ogr -f GeoJSON "$tmp/ne_places.geojson" "$NE_PLACES" -spat "${BOX[@]}" \
  -select NAME,NAMEASCII,POP_MAX,POP_MIN,ADM1NAME -nln ne_populated_places -lco RFC7946=YES
ogr2ogr -f GeoJSON "$tmp/ne_urban.geojson" "$NE_URBAN" -spat "${BOX[@]}" \
  -select area_sqkm -nln ne_urban_areas -lco RFC7946=YES
install "$tmp/geonames.csv" "$repo/proxies/geonames_places.csv"
install "$tmp/ne_places.geojson" "$repo/proxies/ne_populated_places.geojson"
install "$tmp/ne_urban.geojson" "$repo/proxies/ne_urban_areas.geojson"

# ---------------------------------------------------------------- real spatial proxies (2026-12 data)
# Rasters are cut on their own pixel lattice (-srcwin: no resampling); vectors keep whole features
# that intersect the box. Regridding onto a run's lattice happens in the tool (Core ConservativeRegridder).
echo "== spatial proxies" >&2
WORLDPOP=$shared/population/worldpop_2020/worldpop_ppp_2020_5arcmin_clip.tif
MODIS=$shared/landcover/modis_mcd12c1_2019/mcd12c1_2019_fractions_0p1deg_clip.tif
MODIS_IGBP=$shared/landcover/modis_mcd12c1_2019/mcd12c1_2019_igbp_0p05deg_clip_105-124E_27-38N.tif
RAIL=$shared/line_sources/dcw_vmap0_rail/CHN_rails_clip_105-124E_27-38N.geojson
STATIONS=$shared/line_sources/osm_railway_stations/osm_railway_stations_105-124E_27-38N.gpkg
AIRPORTS=$shared/point_sources/airports/openflights_airports_105-124E_27-38N_with_route_counts.csv
WPI=$shared/point_sources/ports/wpi_ports_105-124E_27-38N.csv
CEADS=$shared/reference_inventories/ceads_province_sector_co2_2017-2019_henan_yrd.csv
for f in "$WORLDPOP" "$MODIS" "$MODIS_IGBP" "$RAIL" "$STATIONS" "$AIRPORTS" "$WPI" "$CEADS"; do
  [[ -f $f ]] || { echo "prepare-data: missing $f" >&2; exit 2; }
done
RBOX=(109 26.9 124 37.5)     # lon min, lat min, lon max, lat max: both regions plus ≥ 0.3° margin
# srcwin RASTER: the pixel window of RBOX on the raster's own lattice (outward-rounded)
srcwin() { python3 - "$1" "${RBOX[@]}" <<'PY'
import json, math, subprocess, sys
info = json.loads(subprocess.check_output(["gdalinfo", "-json", sys.argv[1]]))
x0, dx, _, y0, _, dy = info["geoTransform"]; w, h = info["size"]
lon0, lat0, lon1, lat1 = map(float, sys.argv[2:6])
c0 = max(0, math.floor((lon0 - x0) / dx)); c1 = min(w, math.ceil((lon1 - x0) / dx))
r0 = max(0, math.floor((lat1 - y0) / dy)); r1 = min(h, math.ceil((lat0 - y0) / dy))
print(c0, r0, c1 - c0, r1 - r0)
PY
}
gtiff=(-co COMPRESS=DEFLATE -co PREDICTOR=3 -co TILED=NO -mo TIFFTAG_DATETIME= -q)
# shellcheck disable=SC2046
gdal_translate $(printf -- '-srcwin %s %s %s %s' $(srcwin "$WORLDPOP")) "${gtiff[@]}" "$WORLDPOP" "$tmp/worldpop.tif"
# shellcheck disable=SC2046
gdal_translate $(printf -- '-srcwin %s %s %s %s' $(srcwin "$MODIS")) "${gtiff[@]}" "$MODIS" "$tmp/modis.tif"
# built-up share = band 1 (IGBP 13); cropland share = band 2 (IGBP 12) + half of band 3 (IGBP 14, cropland/natural mosaic)
gdal_translate -b 1 "${gtiff[@]}" "$tmp/modis.tif" "$tmp/built_up.tif"
cat > "$tmp/cropland.vrt" <<VRT
<VRTDataset rasterXSize="$(gdalinfo -json "$tmp/modis.tif" | python3 -c 'import json,sys; print(json.load(sys.stdin)["size"][0])')" rasterYSize="$(gdalinfo -json "$tmp/modis.tif" | python3 -c 'import json,sys; print(json.load(sys.stdin)["size"][1])')">
  <SRS>$(gdalsrsinfo -o wkt1 "$tmp/modis.tif" | tr -d '\n' | sed 's/</\&lt;/g')</SRS>
  <GeoTransform>$(gdalinfo -json "$tmp/modis.tif" | python3 -c 'import json,sys; print(", ".join(repr(v) for v in json.load(sys.stdin)["geoTransform"]))')</GeoTransform>
  <VRTRasterBand dataType="Float32" band="1" subClass="VRTDerivedRasterBand">
    <Description>cropland_12_plus_half_mosaic_14</Description>
    <PixelFunctionType>sum</PixelFunctionType>
    <ComplexSource><SourceFilename relativeToVRT="1">modis.tif</SourceFilename><SourceBand>2</SourceBand></ComplexSource>
    <ComplexSource><SourceFilename relativeToVRT="1">modis.tif</SourceFilename><SourceBand>3</SourceBand><ScaleRatio>0.5</ScaleRatio></ComplexSource>
  </VRTRasterBand>
</VRTDataset>
VRT
gdal_translate "${gtiff[@]}" "$tmp/cropland.vrt" "$tmp/cropland.tif"
# forest share = band 4 (IGBP 1-5 forests + 8 woody savanna); other natural vegetation = IGBP 6, 7 (shrub),
# 9 (savanna), 10 (grassland), 11 (wetland) and the natural half of IGBP 14 (the cropland/natural vegetation mosaic,
# whose other half is in the cropland share above), as 2 x 2 block means of the 0.05-degree class raster (the land sink, #14)
gdal_translate -b 4 "${gtiff[@]}" "$tmp/modis.tif" "$tmp/forest.tif"
gdal_translate -q -of AAIGrid "$MODIS_IGBP" "$tmp/igbp.asc"
python3 "$helpers/landcover_fractions.py" "$tmp/igbp.asc" "$tmp/other_vegetation.asc" 6,7,9,10,11,14:0.5
python3 "$helpers/landcover_fractions.py" "$tmp/igbp.asc" "$tmp/forest_check.asc" 1,2,3,4,5,8
gdal_translate -q -a_srs EPSG:4326 -ot Float32 "${gtiff[@]}" "$tmp/other_vegetation.asc" "$tmp/other_full.tif"
gdal_translate -q -a_srs EPSG:4326 -ot Float32 "${gtiff[@]}" "$tmp/forest_check.asc" "$tmp/forest_check_full.tif"
# shellcheck disable=SC2046
gdal_translate $(printf -- '-srcwin %s %s %s %s' $(srcwin "$tmp/other_full.tif")) "${gtiff[@]}" "$tmp/other_full.tif" "$tmp/other_vegetation.tif"
# shellcheck disable=SC2046
gdal_translate $(printf -- '-srcwin %s %s %s %s' $(srcwin "$tmp/forest_check_full.tif")) "${gtiff[@]}" "$tmp/forest_check_full.tif" "$tmp/forest_check.tif"
[[ $(gdalinfo -stats "$tmp/forest.tif" | sed -n 's/.*STATISTICS_MEAN=//p') == $(gdalinfo -stats "$tmp/forest_check.tif" | sed -n 's/.*STATISTICS_MEAN=//p') ]] \
  || fail "forest share: band 4 of the fractions file differs from the IGBP 1-5 + 8 block means"
install "$tmp/forest.tif" "$repo/proxies/modis_2019_forest_0p1deg.tif"
install "$tmp/other_vegetation.tif" "$repo/proxies/modis_2019_other_vegetation_0p1deg.tif"
install "$tmp/worldpop.tif" "$repo/proxies/worldpop_2020_5arcmin.tif"
install "$tmp/built_up.tif" "$repo/proxies/modis_2019_built_up_0p1deg.tif"
install "$tmp/cropland.tif" "$repo/proxies/modis_2019_cropland_0p1deg.tif"

# DCW/VMap0 railways: usable lines only, class trunk (multiple track) or regional (single/unknown)
ogr2ogr -f GeoJSON "$tmp/rail.geojson" "$RAIL" -spat "${RBOX[@]}" -dialect sqlite -nln rail_dcw_vmap0 -lco RFC7946=YES \
  -sql "SELECT FID_rail_d AS id, CASE WHEN FCO_DESCRI LIKE 'Multiple%' THEN 'trunk' ELSE 'regional' END AS class, EXS_DESCRI AS status, FCO_DESCRI AS tracks, geometry FROM CHN_rails WHERE EXS_DESCRI NOT LIKE 'Not Usable%' ORDER BY FID_rail_d"
# OpenStreetMap train stations (no subway/tram: urban rail is electric and counted in urban traffic)
ogr2ogr -f GeoJSON "$tmp/stations.geojson" "$STATIONS" -spat "${RBOX[@]}" -dialect sqlite -nln osm_train_stations -lco RFC7946=YES \
  -sql "SELECT name, geom FROM railway_stations WHERE station = 'train' ORDER BY ST_X(geom), ST_Y(geom), name"
install "$tmp/rail.geojson" "$repo/sources/rail_dcw_vmap0.geojson"
install "$tmp/stations.geojson" "$repo/sources/osm_train_stations.geojson"

# Airports (OpenFlights, route counts) and ports (World Port Index harbour size) in the box
python3 - "$AIRPORTS" "$WPI" "$CEADS" "$tmp" "${RBOX[@]}" <<'PY'
import csv, sys
airports, wpi, ceads, tmp = sys.argv[1:5]
lon0, lat0, lon1, lat1 = map(float, sys.argv[5:9])
inside = lambda lon, lat: lon0 <= lon <= lon1 and lat0 <= lat <= lat1
with open(airports, newline="", encoding="utf-8") as f, open(f"{tmp}/airports.csv", "w", newline="", encoding="utf-8") as o:
    w = csv.writer(o, lineterminator="\n"); w.writerow(["id", "name", "iata", "longitude", "latitude", "routes"])
    for r in sorted(csv.DictReader(f), key=lambda r: int(r["id"])):
        lon, lat = float(r["lon"]), float(r["lat"])
        if inside(lon, lat) and r["type"] == "airport":
            w.writerow([r["id"], r["name"], r["iata"], f"{lon:.6f}", f"{lat:.6f}", int(r["routes_out"]) + int(r["routes_in"])])
with open(wpi, newline="", encoding="utf-8-sig") as f, open(f"{tmp}/ports.csv", "w", newline="", encoding="utf-8") as o:
    w = csv.writer(o, lineterminator="\n"); w.writerow(["id", "name", "longitude", "latitude", "harbor_size"])
    for r in sorted(csv.DictReader(f), key=lambda r: float(r["World Port Index Number"])):
        lon, lat = float(r["Longitude"]), float(r["Latitude"])
        if inside(lon, lat):
            w.writerow([int(float(r["World Port Index Number"])), r["Main Port Name"], f"{lon:.6f}", f"{lat:.6f}", r["Harbor Size"]])
with open(ceads, newline="", encoding="utf-8") as f, open(f"{tmp}/ceads.csv", "w", newline="", encoding="utf-8") as o:
    w = csv.writer(o, lineterminator="\n"); w.writerow(["province", "year", "sector", "process_mt", "scope1_total_mt"])
    for r in csv.DictReader(f):
        if r["year"] == "2019":
            w.writerow([r["province"], r["year"], r["sector"].strip(), r["process_mt"], r["scope1_total_mt"]])
PY
install "$tmp/airports.csv" "$repo/sources/airports_openflights.csv"
install "$tmp/ports.csv" "$repo/sources/ports_wpi.csv"
install "$tmp/ceads.csv" "$repo/sources/ceads_2019_provinces.csv"

# ---------------------------------------------------------------- computed facts in DATA_SOURCES.md
if [[ -f $repo/DATA_SOURCES.md ]]; then
  python3 "$helpers/summarize.py" "$repo" --update "$repo/DATA_SOURCES.md"
  echo "updated the computed block of DATA_SOURCES.md" >&2
else
  python3 "$helpers/summarize.py" "$repo"
fi
echo "done" >&2
