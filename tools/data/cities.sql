SELECT c.adcode AS adcode, c.name_zh AS name_zh, c.name_en AS name_en, c.name_en_unique AS name_en_unique,
       c.province AS province, c.region AS region,
       CAST(c.seat_lon AS REAL) AS seat_lon, CAST(c.seat_lat AS REAL) AS seat_lat,
       u.geom AS geom
FROM seats c
JOIN (SELECT CASE WHEN province = 'Shanghai' THEN '310000' ELSE adcode END AS unit,
             CastToMultiPolygon(ST_Union(geom)) AS geom
      FROM raw GROUP BY unit) u ON u.unit = c.adcode
ORDER BY c.adcode
