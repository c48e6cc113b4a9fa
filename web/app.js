// The sitrep situation map: who holds which place as of a day, the day's
// events with their sources, places changing hands per day, the summary,
// and a comparison of two days. State lives in the URL hash.
//
// Every text that comes from reports is put on the page as text (textContent
// through src/dom.js), never as markup.

import * as L from './vendor/leaflet/leaflet-src.esm.js';
import {feature} from './vendor/topojson-client/index.js';
import {BOUNDARY_STYLE, ProvinceIndex, provinceStyle} from './src/admin1.js';
import {getJson} from './src/api.js';
import {drawChart} from './src/chart.js';
import {addDays, isIsoDate, toDays, toIso, todayIso} from './src/dates.js';
import {byId, clear, el, sourceLink, svg} from './src/dom.js';
import {readChange, readControl, readEvent} from './src/model.js';
import {readHash, writeHash} from './src/state.js';
import {HolderColours, STATUSES, STATUS_LABELS, markerStyle} from './src/style_rules.js';

// CAMEO's twenty top-level action families.
const FAMILIES = [
  ['01', 'Make public statement'], ['02', 'Appeal'], ['03', 'Express intent to cooperate'],
  ['04', 'Consult'], ['05', 'Engage in diplomatic cooperation'],
  ['06', 'Engage in material cooperation'], ['07', 'Provide aid'], ['08', 'Yield'],
  ['09', 'Investigate'], ['10', 'Demand'], ['11', 'Disapprove'], ['12', 'Reject'],
  ['13', 'Threaten'], ['14', 'Protest'], ['15', 'Exhibit force posture'],
  ['16', 'Reduce relations'], ['17', 'Coerce'], ['18', 'Assault'], ['19', 'Fight'],
  ['20', 'Use unconventional mass violence'],
];

const PLAY_STEP_MS = 900;
// The slider starts this many days before the first report at the latest:
// events reports mention from long before (background, "since 2018") stay in
// the API but do not stretch the slider over years.
const LEAD_IN_DAYS = 30;
// Province boundaries are loaded for the countries with the most places in
// the picture, at most this many (a report may name places far away).
const MAX_PROVINCE_COUNTRIES = 6;
const ADMIN1_DIR = 'vendor/natural-earth-admin1';

const app = {
  info: null,
  first: null,
  last: null,
  state: {date: null, actor: '', family: '', window: 8, view: null, compare: null},
  map: null,
  markers: null,
  markerById: new Map(),
  provinces: null,           // L.layerGroup of the countries' province layers
  provinceIndex: null,       // Promise of ADMIN1_DIR/index.json
  provinceByCountry: new Map(),  // country code -> Promise of {geo, layerOf, index} or null
  colours: new HolderColours([]),
  controlCache: new Map(),
  allChanges: [],
  playTimer: null,
  loadSeq: 0,
};

function setStatus(text, isError = false) {
  const node = byId('status');
  node.textContent = text;
  node.classList.toggle('error', isError);
}

function errorText(err) {
  if (err && err.message) return err.input ? `${err.message} (${err.input})` : err.message;
  return String(err);
}

// ------------------------------------------------------------------ hash

function pushHash() {
  const hash = writeHash(app.state);
  if (window.location.hash !== hash) history.replaceState(null, '', hash);
}

function clampDate(iso) {
  if (!isIsoDate(iso)) return app.last;
  if (iso < app.first) return app.first;
  if (iso > app.last) return app.last;
  return iso;
}

// ------------------------------------------------------------------ map

async function loadBasemap() {
  const response = await fetch('vendor/world-atlas/countries-50m.json');
  if (!response.ok) throw new Error('the country boundaries could not be loaded');
  const topology = await response.json();
  const countries = feature(topology, topology.objects.countries);
  L.geoJSON(countries, {
    pane: 'basemap',
    interactive: false,
    style: {color: '#8a8a8a', weight: 0.8, fillColor: '#f4f1ea', fillOpacity: 1},
  }).addTo(app.map);
}

async function fetchJson(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.json();
}

// "Badghis (Province)": a province's name on hover.
function provinceLabel(p) {
  return el('span', {}, p.type ? `${p.name} (${p.type})` : p.name);
}

// One country's provinces as a Leaflet layer in the 'provinces' pane, each
// path tagged with its names and codes; null when there is no file for it.
async function loadCountryProvinces(country) {
  if (!app.provinceIndex) app.provinceIndex = fetchJson(`${ADMIN1_DIR}/index.json`);
  const index = await app.provinceIndex;
  if (!index.countries || !index.countries[country]) return null;
  const topology = await fetchJson(`${ADMIN1_DIR}/${country}.json`);
  const features = feature(topology, topology.objects.admin1).features;
  const geo = L.geoJSON({type: 'FeatureCollection', features}, {
    pane: 'provinces',
    style: () => BOUNDARY_STYLE,
    onEachFeature: (f, layer) => {
      const p = f.properties || {};
      layer.bindTooltip(provinceLabel(p), {sticky: true});
    },
  }).addTo(app.provinces);
  const layerOf = new Map();  // feature -> its path layer
  geo.eachLayer((layer) => {
    layerOf.set(layer.feature, layer);
    const node = layer.getElement();
    if (!node) return;
    const p = layer.feature.properties || {};
    node.classList.add('admin1');
    node.dataset.country = country;
    node.dataset.admin1 = p.name || '';
    node.dataset.admin1Code = p.admin1_code || '';
    node.dataset.iso = p.iso_3166_2 || '';
  });
  return {geo, layerOf, index: new ProvinceIndex(features)};
}

// Loads the province boundaries of the countries with the most places in
// `rows` (each country once). A country that fails to load is left without
// boundaries, and said so in the status line; the map works on without it.
async function ensureProvinces(rows) {
  const counts = new Map();
  for (const r of rows) if (r.country) counts.set(r.country, (counts.get(r.country) || 0) + 1);
  const countries = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
                        .slice(0, MAX_PROVINCE_COUNTRIES).map(([c]) => c);
  for (const c of countries) {
    if (!app.provinceByCountry.has(c)) {
      app.provinceByCountry.set(c, loadCountryProvinces(c).catch((err) => {
        setStatus(`Province boundaries of ${c} could not be loaded: ${errorText(err)}`, true);
        return null;
      }));
    }
  }
  await Promise.all(countries.map((c) => app.provinceByCountry.get(c)));
}

// Styles the loaded provinces for a day: a province with a control row (one
// reported as a whole, or its default holder before the first report) takes
// the row's colours, popup and data; every other one is a plain boundary.
// Returns the geonameids of the rows drawn this way (they need no marker).
async function drawProvinces(rows) {
  const drawn = new Set();
  const byCountry = new Map();
  for (const [country, pending] of app.provinceByCountry) byCountry.set(country, await pending);
  for (const loaded of byCountry.values()) {
    if (!loaded) continue;
    loaded.geo.eachLayer((layer) => {
      layer.setStyle(BOUNDARY_STYLE);
      layer.unbindPopup();
      const node = layer.getElement();
      if (node) {
        delete node.dataset.place;
        delete node.dataset.holder;
        delete node.dataset.status;
        node.dataset.reported = 'false';
      }
      const p = layer.feature.properties || {};
      layer.setTooltipContent(provinceLabel(p));
    });
  }
  for (const row of rows) {
    if (row.kind !== 'admin1') continue;
    const loaded = byCountry.get(row.country);
    const f = loaded ? loaded.index.find(row) : null;
    const layer = f ? loaded.layerOf.get(f) : null;
    if (!layer) continue;
    layer.setStyle(provinceStyle(row, app.colours));
    layer.bindPopup(() => popupContent(row));
    layer.setTooltipContent(el('span', {}, markerLabel(row)));
    const node = layer.getElement();
    if (node) {
      node.dataset.place = row.name;
      node.dataset.holder = row.holder;
      node.dataset.status = row.status;
      node.dataset.reported = String(!row.byDefault);
    }
    if (row.geonameid !== null) app.markerById.set(row.geonameid, layer);
    drawn.add(row.geonameid);
  }
  return drawn;
}

function markerLabel(row) {
  const parts = [row.displayName || row.name];
  if (row.status === 'held') parts.push(`held by ${row.holder || 'unknown'}`);
  else if (row.status === 'contested') parts.push(`contested, last held by ${row.holder || 'unknown'}`);
  else if (row.status === 'besieged') parts.push(`held by ${row.holder || 'unknown'}, besieged by ${row.challenger || 'unknown'}`);
  else if (row.status === 'claimed') parts.push(`claimed by ${row.challenger || 'unknown'}, last held by ${row.holder || 'unknown'}`);
  return parts.join(': ');
}

function popupContent(row) {
  return el('div', {class: 'popup'},
      el('strong', {}, row.displayName || row.name),
      el('div', {}, [row.kind, row.admin1, row.country].filter(Boolean).join(', ')),
      el('div', {}, markerLabel(row)),
      row.byDefault ? el('div', {class: 'muted'}, 'nothing reported: the profile\'s default holder') :
          el('div', {class: 'muted'}, row.since ? `since ${row.since}` : ''),
      row.evidence.length ? el('div', {class: 'evidence'}, 'Evidence: ',
          row.evidence.map((id) => el('button', {type: 'button', class: 'linklike',
                                                  onclick: () => showEvent(id)}, id))) : null);
}

// `asAreas`: geonameids of provinces drawn as their polygons (no marker).
function drawMarkers(rows, changedIds, asAreas) {
  app.markers.clearLayers();
  // Default-held places first, then provinces without a polygon (rings around
  // their capitals), so that reported places are drawn on top.
  const layer = (r) => (r.byDefault ? 0 : r.kind === 'admin1' ? 1 : 2);
  const sorted = [...rows].sort((a, b) => layer(a) - layer(b));
  for (const row of sorted) {
    if (row.lat === null || row.lon === null || asAreas.has(row.geonameid)) continue;
    const marker = L.circleMarker([row.lat, row.lon], markerStyle(row, app.colours));
    marker.bindPopup(() => popupContent(row));
    if ((row.byDefault && row.kind !== 'national-capital') || row.kind === 'admin1') {
      marker.bindTooltip(el('span', {}, markerLabel(row)), {direction: 'top', offset: [0, -6]});
    } else {
      // Places the reports speak of, and the capital, are named on the map
      // (provinces are not: they sit on their capitals).
      marker.bindTooltip(el('span', {}, row.displayName || row.name),
                         {permanent: true, direction: 'right', offset: [7, 0], className: 'place-label'});
    }
    marker.addTo(app.markers);
    const node = marker.getElement();
    if (node) {
      node.classList.add('place');
      node.dataset.place = row.name;
      node.dataset.geonameid = String(row.geonameid ?? '');
      node.dataset.holder = row.holder;
      node.dataset.status = row.status;
      node.dataset.challenger = row.challenger;
      node.dataset.default = String(row.byDefault);
      node.dataset.changed = String(changedIds.has(row.geonameid));
      node.setAttribute('aria-label', markerLabel(row));
    }
    if (row.geonameid !== null) app.markerById.set(row.geonameid, marker);
  }
}

// `asAreas`: geonameids of provinces drawn as polygons (the rest are rings).
function drawLegend(rows, asAreas = new Set()) {
  const legend = clear(byId('legend'));
  const holders = new Set(app.info.sides || []);
  for (const r of rows) {
    if (r.holder) holders.add(r.holder);
    if (r.challenger) holders.add(r.challenger);
  }
  const holderItems = [...holders].map((h) => el('li', {},
      svg('svg', {width: 14, height: 14, 'aria-hidden': 'true'},
          svg('circle', {cx: 7, cy: 7, r: 6, fill: app.colours.colour(h)})), ' ', h));
  const statusItems = STATUSES.map((s) => {
    const style = markerStyle({status: s, holder: '', challenger: '', kind: 'provincial-capital'},
                              app.colours);
    return el('li', {},
        svg('svg', {width: 18, height: 18, 'aria-hidden': 'true'},
            svg('circle', {cx: 9, cy: 9, r: 6, fill: '#9e9e9e', 'fill-opacity': style.fillOpacity,
                           stroke: s === 'held' ? '#555' : style.color,
                           'stroke-width': Math.min(style.weight, 3),
                           'stroke-dasharray': style.dashArray || 'none'})),
        ' ', STATUS_LABELS[s]);
  });
  const provinces = rows.filter((r) => r.kind === 'admin1' && !r.byDefault);
  if (provinces.some((r) => asAreas.has(r.geonameid))) {
    statusItems.push(el('li', {},
        svg('svg', {width: 18, height: 18, 'aria-hidden': 'true'},
            svg('rect', {x: 2, y: 3, width: 14, height: 12, fill: '#9e9e9e', 'fill-opacity': 0.3,
                         stroke: '#555', 'stroke-width': 2})),
        ' shaded area: a province reported as a whole'));
  }
  if (provinces.some((r) => !asAreas.has(r.geonameid))) {
    statusItems.push(el('li', {},
        svg('svg', {width: 18, height: 18, 'aria-hidden': 'true'},
            svg('circle', {cx: 9, cy: 9, r: 7, fill: '#9e9e9e', 'fill-opacity': 0.15, stroke: '#555',
                           'stroke-width': 2})),
        ' wide ring: a province as a whole (its boundary unknown)'));
  }
  if (app.state.compare) {
    statusItems.push(el('li', {},
        svg('svg', {width: 18, height: 18, 'aria-hidden': 'true'},
            svg('circle', {cx: 9, cy: 9, r: 6, fill: '#9e9e9e', stroke: '#f1c40f', 'stroke-width': 3})),
        ' changed hands (compare)'));
  }
  legend.append(el('div', {}, el('h3', {}, 'Holder'), el('ul', {}, holderItems)),
                el('div', {}, el('h3', {}, 'Status'), el('ul', {}, statusItems)),
                el('p', {class: 'muted'}, 'Pale small dots: nothing reported, the default holder.'));
}

async function controlAsOf(date) {
  if (!app.controlCache.has(date)) {
    const body = await getJson('/api/control', {as_of: date});
    app.controlCache.set(date, (body.control || []).map(readControl));
  }
  return app.controlCache.get(date);
}

// ------------------------------------------------------------------ events

function claimBadge(claim, claimant) {
  const text = claimant && claim !== 'reported' ? `${claim} by ${claimant}` : claim;
  return el('span', {class: `badge claim-${claim}`}, text);
}

function eventTitle(e) {
  const who = e.actor || 'unnamed';
  const what = e.action || `CAMEO ${e.cameo}`;
  const whom = e.target || e.object;
  return `${who}: ${what}${whom ? ` \u2192 ${whom}` : ''}${e.place ? ` \u00b7 ${e.place}` : ''}`;
}

function renderEvents(events, since, until) {
  byId('events-range').textContent = since === until ? since : `${since} to ${until}`;
  const list = clear(byId('events'));
  events = [...events].reverse();  // newest first
  if (!events.length) {
    list.append(el('li', {class: 'muted'}, 'No events in these days.'));
    return;
  }
  for (const e of events) {
    const first = e.sources[0] || {};
    list.append(el('li', {class: 'event', dataset: {eventId: e.id, place: e.place}},
        el('button', {type: 'button', class: 'event-open', onclick: () => showEvent(e.id, e)},
            el('span', {class: 'date'}, e.date + (e.datePrecision && e.datePrecision !== 'day' ? '~' : '')),
            ' ', el('span', {class: 'what'}, eventTitle(e))),
        el('blockquote', {class: 'sentence'}, first.sentence || ''),
        el('div', {class: 'meta'},
            claimBadge(e.claim, e.claimant), ' ',
            el('span', {class: 'corroboration'},
               `${e.corroboration} outlet${e.corroboration === 1 ? '' : 's'}`), ' ',
            sourceLink(first.outlet, first.url))));
  }
}

async function showEvent(id, known) {
  const detail = byId('detail');
  const body = clear(byId('detail-body'));
  detail.hidden = false;
  let e = known;
  try {
    if (!e) e = readEvent(await getJson(`/api/events/${encodeURIComponent(id)}`));
  } catch (err) {
    body.append(el('p', {class: 'error'}, errorText(err)));
    return;
  }
  body.append(
      el('p', {class: 'what'}, eventTitle(e)),
      el('p', {class: 'meta'}, `${e.date}${e.datePrecision ? ` (${e.datePrecision})` : ''}, CAMEO ${e.cameo}, `,
         claimBadge(e.claim, e.claimant), `, ${e.corroboration} outlet${e.corroboration === 1 ? '' : 's'}`),
      el('h3', {}, `Sources (${e.sources.length})`),
      el('ol', {class: 'sources'}, e.sources.map((s) => el('li', {},
          el('blockquote', {class: 'sentence'}, s.sentence),
          el('div', {class: 'meta'}, sourceLink(s.outlet, s.url), s.published ? `, ${s.published}` : '',
             ', ', claimBadge(s.claim || 'reported', s.claimant))))),
      el('p', {class: 'muted'}, `Event ${e.id}`));
  for (const node of document.querySelectorAll('#events li.event')) {
    node.classList.toggle('selected', node.dataset.eventId === e.id);
  }
  const marker = e.placeId !== null ? app.markerById.get(e.placeId) : null;
  if (marker) marker.openPopup();
  detail.scrollIntoView({block: 'nearest'});
}

// ------------------------------------------------------------------ summary, compare

async function loadSummary(date) {
  byId('summary-date').textContent = `as of ${date}`;
  const node = byId('summary');
  try {
    const summary = await getJson('/api/summary', {as_of: date, window: `${app.state.window}d`});
    node.textContent = summary.text || 'Nothing to summarize.';
  } catch (err) {
    node.textContent = errorText(err);
  }
}

async function loadCompare() {
  const list = clear(byId('compare-list'));
  if (!app.state.compare) return new Set();
  const a = app.state.compare;
  const b = app.state.date;
  const [from, to] = a <= b ? [a, b] : [b, a];
  const windowDays = toDays(to) - toDays(from);
  if (windowDays < 1) {
    list.append(el('li', {class: 'muted'}, 'Pick two different days.'));
    return new Set();
  }
  const body = await getJson('/api/changes', {as_of: to, window: `${windowDays}d`});
  const changes = (body.changes || []).map(readChange);
  list.append(el('li', {class: 'muted'}, `Between ${from} and ${to}: ${changes.length} change${changes.length === 1 ? '' : 's'} of hands.`));
  for (const c of changes) {
    list.append(el('li', {class: `change status-${c.status}`, dataset: {geonameid: String(c.geonameid ?? '')}},
        el('span', {class: 'date'}, c.date), ' ', el('strong', {}, c.name), `: ${c.from || 'unknown'} \u2192 ${c.to || 'unknown'}`,
        c.status === 'claimed' ? ' (claimed only)' : '',
        c.evidence.length ? el('span', {class: 'evidence'}, ' ', c.evidence.map((id) =>
            el('button', {type: 'button', class: 'linklike', onclick: () => showEvent(id)}, 'evidence'))) : null));
  }
  return new Set(changes.map((c) => c.geonameid));
}

// ------------------------------------------------------------------ render

async function render() {
  const seq = ++app.loadSeq;
  const date = app.state.date;
  pushHash();
  byId('slider').value = String(toDays(date) - toDays(app.first));
  byId('as-of').value = date;
  const since = addDays(date, -(app.state.window - 1));
  setStatus(`Loading ${date}\u2026`);
  try {
    const [rows, eventsBody, changed] = await Promise.all([
      controlAsOf(date),
      getJson('/api/events', {since, until: date, actor: app.state.actor,
                              family: app.state.family, limit: 500}),
      loadCompare(),
    ]);
    await ensureProvinces(rows);
    if (seq !== app.loadSeq) return;  // a later date was asked for meanwhile
    app.markerById.clear();
    const asAreas = await drawProvinces(rows);
    drawMarkers(rows, changed, asAreas);
    drawLegend(rows, asAreas);
    renderEvents((eventsBody.events || []).map(readEvent), since, date);
    drawChart(byId('chart'), app.allChanges, app.first, app.last, date, goTo);
    document.body.dataset.asOf = date;
    document.body.dataset.ready = 'true';
    const reported = rows.filter((r) => !r.byDefault).length;
    setStatus(`As of ${date}: ${reported} place${reported === 1 ? '' : 's'} with reports.`);
  } catch (err) {
    if (seq === app.loadSeq) setStatus(errorText(err), true);
  }
  loadSummary(date);
}

function goTo(date) {
  app.state.date = clampDate(date);
  render();
}

function togglePlay() {
  const button = byId('play');
  if (app.playTimer) {
    clearInterval(app.playTimer);
    app.playTimer = null;
    button.setAttribute('aria-pressed', 'false');
    button.textContent = '\u25B6 Play';
    return;
  }
  if (app.state.date >= app.last) app.state.date = app.first;
  button.setAttribute('aria-pressed', 'true');
  button.textContent = '\u275A\u275A Pause';
  render();
  app.playTimer = setInterval(() => {
    if (app.state.date >= app.last) return togglePlay();
    goTo(addDays(app.state.date, 1));
  }, PLAY_STEP_MS);
}

// ------------------------------------------------------------------ setup

function fillSelect(select, items) {
  for (const [value, label] of items) select.append(el('option', {value}, label));
}

function wireControls() {
  const slider = byId('slider');
  slider.max = String(toDays(app.last) - toDays(app.first));
  slider.addEventListener('input', () => goTo(toIso(toDays(app.first) + Number(slider.value))));
  const asOf = byId('as-of');
  asOf.min = app.first;
  asOf.max = app.last;
  asOf.addEventListener('change', () => goTo(asOf.value));
  byId('range').textContent = `${app.first} to ${app.last}`;
  byId('play').addEventListener('click', togglePlay);

  const actor = byId('actor');
  fillSelect(actor, (app.info.actors || []).map((a) => [a, a]));
  actor.value = app.state.actor;
  actor.addEventListener('change', () => { app.state.actor = actor.value; render(); });
  const family = byId('family');
  fillSelect(family, FAMILIES.map(([code, label]) => [code, `${code} ${label}`]));
  family.value = app.state.family;
  family.addEventListener('change', () => { app.state.family = family.value; render(); });
  const windowSelect = byId('window');
  windowSelect.value = String(app.state.window);
  windowSelect.addEventListener('change', () => { app.state.window = Number(windowSelect.value); render(); });

  const compareOn = byId('compare-on');
  const compareDate = byId('compare-date');
  compareDate.min = app.first;
  compareDate.max = app.last;
  compareOn.checked = Boolean(app.state.compare);
  compareDate.disabled = !compareOn.checked;
  compareDate.value = app.state.compare || app.first;
  compareOn.addEventListener('change', () => {
    compareDate.disabled = !compareOn.checked;
    app.state.compare = compareOn.checked ? clampDate(compareDate.value) : null;
    render();
  });
  compareDate.addEventListener('change', () => {
    if (compareOn.checked) { app.state.compare = clampDate(compareDate.value); render(); }
  });

  app.map.on('moveend', () => {
    const c = app.map.getCenter();
    app.state.view = {lat: c.lat, lon: c.lng, zoom: app.map.getZoom()};
    pushHash();
  });
  window.addEventListener('hashchange', () => {
    const next = readHash(window.location.hash);
    if (next.date && next.date !== app.state.date) goTo(next.date);
  });
  window.addEventListener('resize', () => drawChart(byId('chart'), app.allChanges, app.first, app.last, app.state.date, goTo));
}

function initialView(rows) {
  if (app.state.view) {
    app.map.setView([app.state.view.lat, app.state.view.lon], app.state.view.zoom);
    return;
  }
  const points = rows.filter((r) => r.lat !== null && r.lon !== null && !r.byDefault)
                     .map((r) => [r.lat, r.lon]);
  const all = points.length ? points : rows.filter((r) => r.lat !== null).map((r) => [r.lat, r.lon]);
  // Keep the legend's strip (top right) clear of the places.
  const legendWidth = byId('legend').offsetWidth || 0;
  if (all.length) {
    app.map.fitBounds(L.latLngBounds(all).pad(0.15),
                      {maxZoom: 7, paddingTopLeft: [30, 30], paddingBottomRight: [legendWidth + 30, 30]});
  }
  else app.map.setView([20, 0], 2);
}

async function main() {
  app.map = L.map('map', {attributionControl: false, worldCopyJump: true, minZoom: 2, maxZoom: 12,
                          zoomSnap: 0.5});
  app.map.setView([20, 0], 2);
  // Panes, bottom to top: countries, provinces, then places (overlayPane).
  app.map.createPane('basemap').style.zIndex = '300';
  app.map.createPane('provinces').style.zIndex = '350';
  app.provinces = L.layerGroup().addTo(app.map);
  app.markers = L.layerGroup().addTo(app.map);
  // The legend is a map control, so it stays inside the map whatever the layout.
  const Legend = L.Control.extend({
    onAdd() {
      const node = byId('legend');
      L.DomEvent.disableClickPropagation(node);
      L.DomEvent.disableScrollPropagation(node);
      return node;
    },
  });
  new Legend({position: 'topright'}).addTo(app.map);
  try {
    await loadBasemap();
  } catch (err) {
    setStatus(errorText(err), true);
  }
  try {
    app.info = await getJson('/api/info');
  } catch (err) {
    setStatus(`The server could not be reached: ${errorText(err)}`, true);
    return;
  }
  if (app.info.title) {
    byId('title').textContent = `sitrep: ${app.info.title}`;
    document.title = `sitrep: ${app.info.title}`;
  }
  app.colours = new HolderColours(app.info.sides || []);
  app.first = isIsoDate(app.info.first_date) ? app.info.first_date : todayIso();
  app.last = isIsoDate(app.info.last_date) ? app.info.last_date : todayIso();
  if (isIsoDate(app.info.first_report_date)) {
    const leadIn = addDays(app.info.first_report_date, -LEAD_IN_DAYS);
    if (leadIn > app.first) app.first = leadIn;
  }
  if (app.first > app.last) app.first = app.last;
  Object.assign(app.state, readHash(window.location.hash));
  app.state.date = clampDate(app.state.date || app.last);
  if (app.state.compare) app.state.compare = clampDate(app.state.compare);

  wireControls();
  try {
    const span = toDays(app.last) - toDays(app.first) + 1;
    const body = await getJson('/api/changes', {as_of: app.last, window: `${Math.max(1, span)}d`});
    app.allChanges = (body.changes || []).map(readChange);
  } catch (err) {
    setStatus(errorText(err), true);
  }
  try {
    const rows = await controlAsOf(app.state.date);
    drawLegend(rows);
    initialView(rows);
  } catch (err) {
    setStatus(errorText(err), true);
  }
  await render();
}

main();
