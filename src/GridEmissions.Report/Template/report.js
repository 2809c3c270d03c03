(function () {
  'use strict';
  var errors = window.gridemErrors || [];

  var data = JSON.parse(document.getElementById('report-data').textContent);
  var years = data.years, sectors = data.sectors;
  var state = { year: years[0], sector: 'total', sortKey: 't', sortDir: -1 };
  var sectorIndex = {};
  sectors.forEach(function (s, i) { sectorIndex[s.id] = i; });

  function el(tag, text, cls) { var e = document.createElement(tag); if (text !== undefined) e.textContent = text; if (cls) e.className = cls; return e; }
  function fmt(v, digits) { return v.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }); }
  function yearIndex() { return years.indexOf(state.year); }

  document.title = data.title + ' — GridEmissions';
  document.getElementById('title').textContent = data.region + ' CO₂ 排放网格 emissions on the 10 km grid';
  document.getElementById('subtitle').textContent = data.title + ' · scenario ' + data.scenario + ' · ' + data.units + ' · ' + data.tool;

  // Map: Web Mercator, no tile server; the grid overlays were reprojected to it when the report was written.
  var map = L.map('map', { zoomSnap: 0.25, preferCanvas: false });
  map.attributionControl.setPrefix('Leaflet (BSD-2-Clause)');
  map.attributionControl.addAttribution('Boundaries: echarts/DataV city outlines · Facilities: Global Energy Monitor · ' + data.tool);
  var bounds = L.latLngBounds(data.bounds);
  map.fitBounds(bounds);
  var overlay = L.imageOverlay(data.overlays[String(state.year)][state.sector], bounds, { opacity: 1, className: 'grid-overlay' }).addTo(map);

  var totalsByCode = {};
  data.cityTotals.forEach(function (c) { totalsByCode[c.adcode] = c; });
  function cityTonnes(c) { return c.t[sectorIndex[state.sector]][yearIndex()]; }
  function cityText(f) {
    var c = totalsByCode[f.properties.adcode];
    if (!c) return f.properties.name_zh + ' ' + f.properties.name_en;
    return c.zh + ' ' + c.en + ' · ' + state.year + ' · ' + sectorName(state.sector) + ': ' + fmt(cityTonnes(c) / 1e6, 2) + ' Mt CO₂';
  }
  var cities = L.geoJSON(data.cities, {
    style: { color: '#333', weight: 1, fill: true, fillOpacity: 0, opacity: 0.8 },
    onEachFeature: function (f, layer) {
      layer.bindTooltip(function () { return cityText(f); }, { sticky: true });
      layer.bindPopup(function () { return cityText(f); });
      layer.on('mouseover', function () { layer.setStyle({ weight: 2.5 }); });
      layer.on('mouseout', function () { layer.setStyle({ weight: 1 }); });
    }
  }).addTo(map);

  var zones = L.layerGroup().addTo(map);
  var facilities = L.layerGroup().addTo(map);
  var statusColour = { operating: '#1b7837', planned: '#9e9e9e', retired: '#000000', expansion: '#2166ac' };

  function sectorName(id) { var s = sectors[sectorIndex[id]]; return s.zh + ' ' + id; }

  function drawZones() {
    zones.clearLayers();
    var note = document.getElementById('zone-note');
    var z = data.zones[String(state.year)];
    if (!document.getElementById('show-zones').checked) { note.textContent = ''; return; }
    if (!z) {
      note.textContent = '热点区仅在分析年份提供 Hotspot zones (Getis-Ord Gi*, all sectors) are analysed for ' + Object.keys(data.zones).join(', ') + '.';
      return;
    }
    note.textContent = z.features.length + ' 热点区 hotspot zones in ' + state.year + ' (Getis-Ord Gi*, FDR, all sectors).';
    L.geoJSON(z, {
      style: { color: '#000', weight: 2.5, fill: false },
      onEachFeature: function (f, layer) {
        var p = f.properties;
        layer.bindTooltip('Z' + p.zone_id + ': ' + fmt(p.emissions_t / 1e6, 2) + ' Mt · ' + p.cells + ' cells · ' + p.dominant_sector, { sticky: true });
      }
    }).addTo(zones);
  }

  function drawFacilities() {
    facilities.clearLayers();
    if (!document.getElementById('show-facilities').checked) return;
    var yi = yearIndex();
    data.facilities.forEach(function (f) {
      var status = f.status[yi];
      if (!status) return;
      if (state.sector !== 'total' && f.sector !== state.sector) return;
      L.circleMarker([f.lat, f.lon], { radius: 3.5, color: '#fff', weight: 0.8, fillColor: statusColour[status] || '#e08214', fillOpacity: 0.95 })
        .bindTooltip(f.name + ' · ' + f.sector + ' · ' + status + ' · ' + fmt(f.t[yi] / 1e6, 3) + ' Mt')
        .addTo(facilities);
    });
  }

  function drawLegend() {
    var legend = document.getElementById('legend');
    legend.textContent = '';
    legend.appendChild(el('div', data.legend.unit));
    data.legend.classes.forEach(function (c) {
      var row = el('div'); var sw = el('span', undefined, 'swatch'); sw.style.background = c.colour;
      row.appendChild(sw); row.appendChild(document.createTextNode(c.label)); legend.appendChild(row);
    });
    var none = el('div'); var sw0 = el('span', undefined, 'swatch'); sw0.style.background = 'transparent';
    none.appendChild(sw0); none.appendChild(document.createTextNode('0 / 区域外 outside region')); legend.appendChild(none);
    legend.appendChild(el('div', '设施状态 Facility status'));
    Object.keys(statusColour).forEach(function (s) {
      var row = el('div'); var sw = el('span', undefined, 'swatch'); sw.style.background = statusColour[s]; sw.style.borderRadius = '6px';
      row.appendChild(sw); row.appendChild(document.createTextNode(s)); legend.appendChild(row);
    });
  }

  function rankingRows() {
    var yi = yearIndex(), si = sectorIndex[state.sector];
    var total = data.cityTotals.reduce(function (s, c) { return s + c.t[si][yi]; }, 0);
    var rows = data.cityTotals.map(function (c) {
      var t = c.t[si][yi];
      return { zh: c.zh, en: c.en, t: t, intensity: c.area_km2 > 0 ? t / c.area_km2 : 0, share: total > 0 ? 100 * t / total : 0 };
    });
    rows.sort(function (a, b) { return b.t - a.t; });
    rows.forEach(function (r, i) { r.rank = i + 1; });
    return rows;
  }

  function drawRanking() {
    var rows = rankingRows();
    var key = state.sortKey, dir = state.sortDir;
    rows.sort(function (a, b) {
      var x = a[key], y = b[key];
      return (typeof x === 'string' ? x.localeCompare(y) : x - y) * dir;
    });
    var body = document.querySelector('#ranking tbody');
    body.textContent = '';
    rows.forEach(function (r) {
      var tr = el('tr');
      tr.appendChild(el('td', String(r.rank), 'num'));
      tr.appendChild(el('td', r.zh));
      tr.appendChild(el('td', r.en));
      tr.appendChild(el('td', fmt(r.t / 1e6, 2), 'num'));
      tr.appendChild(el('td', fmt(r.intensity, 0), 'num'));
      tr.appendChild(el('td', fmt(r.share, 1), 'num'));
      tr.dataset.value = String(r[key]);
      body.appendChild(tr);
    });
    document.querySelectorAll('#ranking th').forEach(function (th) {
      th.classList.remove('asc', 'desc');
      if (th.dataset.key === key) th.classList.add(dir > 0 ? 'asc' : 'desc');
    });
    document.getElementById('ranking-year').textContent = state.year + ' · ' + sectorName(state.sector);
  }

  document.querySelectorAll('#ranking th').forEach(function (th) {
    th.addEventListener('click', function () {
      if (state.sortKey === th.dataset.key) state.sortDir = -state.sortDir;
      else { state.sortKey = th.dataset.key; state.sortDir = th.dataset.type === 'text' ? 1 : -1; }
      drawRanking();
    });
  });

  function update() {
    document.getElementById('year-label').textContent = String(state.year);
    overlay.setUrl(data.overlays[String(state.year)][state.sector]);
    drawZones();
    drawFacilities();
    drawRanking();
  }

  var slider = document.getElementById('year');
  slider.min = years[0]; slider.max = years[years.length - 1]; slider.value = state.year;
  slider.addEventListener('input', function () { state.year = Number(slider.value); update(); });
  var select = document.getElementById('sector');
  sectors.forEach(function (s) { var o = el('option', s.zh + ' ' + s.id); o.value = s.id; select.appendChild(o); });
  select.value = state.sector;
  select.addEventListener('change', function () { state.sector = select.value; update(); });
  document.getElementById('show-zones').addEventListener('change', drawZones);
  document.getElementById('show-facilities').addEventListener('change', drawFacilities);

  // Audit, pathway, inputs.
  var a = data.audit;
  document.getElementById('audit').textContent = a.passing + ' / ' + a.rows + ' 区域×部门×年份 region × sector × year allocations conserve their target (max relative error ' + a.maxRelativeError + '; cells of the wrong sign — negative emissions or positive sinks: ' + a.negativeCells + ').';
  if (data.pathwaySvg) document.getElementById('pathway').innerHTML = data.pathwaySvg;
  var inputs = document.querySelector('#inputs tbody');
  data.inputs.forEach(function (i) { var tr = el('tr'); tr.appendChild(el('td', i.role)); tr.appendChild(el('td', i.file)); tr.appendChild(el('td', i.licence || '')); tr.appendChild(el('td', i.sha256.substring(0, 16) + '…')); inputs.appendChild(tr); });
  // The attributions are the run's own (manifest.json), so the page credits exactly the data it shows.
  var credits = [];
  data.inputs.forEach(function (i) { if (i.attribution && credits.indexOf(i.attribution) < 0) credits.push(i.attribution); });
  document.getElementById('attributions').textContent = 'Data: ' + (credits.length ? credits.join('; ') : 'see the run manifest') + '. ' +
    (data.license ? 'Licence of these outputs: ' + data.license + '. ' : '') +
    'Map: Leaflet 1.9.4 (BSD-2-Clause), no tile server; grid reprojected to Web Mercator when the report was written.';

  drawLegend();
  update();

  // Test hook: file:///…/report.html#selftest runs the checks the browser test relies on and writes them into the page.
  function selfTest() {
    var result = { errors: errors, requests: [], overlays: {}, sort: {}, probes: [] };
    var img = document.querySelector('img.grid-overlay');
    result.overlayLoaded = !!img && img.complete && img.naturalWidth > 0;
    result.overlays.first = img ? img.src.length + ':' + img.src.slice(-40) : '';
    slider.value = years[years.length - 1]; slider.dispatchEvent(new Event('input'));
    result.overlays.last = img ? img.src.length + ':' + img.src.slice(-40) : '';
    slider.value = years[0]; slider.dispatchEvent(new Event('input'));
    var th = document.querySelector('#ranking th[data-key="t"]');
    function values() { return Array.prototype.map.call(document.querySelectorAll('#ranking tbody tr'), function (tr) { return Number(tr.dataset.value); }); }
    result.sort.initial = values();
    th.click(); result.sort.afterClick = values();
    th.click(); result.sort.afterSecondClick = values();
    var en = document.querySelector('#ranking th[data-key="en"]');
    en.click();
    result.sort.names = Array.prototype.map.call(document.querySelectorAll('#ranking tbody tr td:nth-child(3)'), function (td) { return td.textContent; });
    state.sortKey = 't'; state.sortDir = -1; drawRanking();
    result.cities = cities.getLayers().length;
    result.rows = document.querySelectorAll('#ranking tbody tr').length;
    var box = document.getElementById('map').getBoundingClientRect();
    data.probes.forEach(function (p) {
      var pt = map.latLngToContainerPoint([p.lat, p.lon]);
      result.probes.push({ x: Math.round(box.left + window.scrollX + pt.x), y: Math.round(box.top + window.scrollY + pt.y), colour: p.colour });
    });
    result.requests = performance.getEntriesByType('resource').map(function (e) { return e.name; });
    result.loadMs = Math.round(performance.now());
    result.attributions = document.getElementById('attributions').textContent;
    result.errors = errors;
    var pre = document.getElementById('selftest-result');
    pre.textContent = JSON.stringify(result);
    pre.hidden = false;
    pre.dataset.done = 'true';
  }
  window.gridemReport = { selfTest: selfTest, errors: errors };
  if (location.hash === '#selftest') window.addEventListener('load', selfTest);
  if (location.hash === '#probe') {
    // For screenshots: only the base-year total grid, no outlines or markers over the probe cells.
    map.removeLayer(cities); map.removeLayer(zones); map.removeLayer(facilities);
  }
})();
