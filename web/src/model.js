// The API's JSON objects, read into the few fields the page shows. Reading
// them in one place keeps the page's view of the event and control
// contracts (docs/data-model.md, docs/api.md) in one file.

function str(value) {
  return typeof value === 'string' ? value : value === null || value === undefined ? '' : String(value);
}

function num(value) {
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}

function placeOf(obj) {
  return obj && typeof obj === 'object' ? obj : {};
}

// One control row of GET /api/control (PlaceControlToJson).
export function readControl(row) {
  const place = placeOf(row.place);
  const interval = placeOf(row.interval || row.control || row);
  return {
    geonameid: num(place.geonameid ?? row.geonameid),
    name: str(place.ascii_name || place.name || row.place_name || interval.place_name),
    displayName: str(place.name || place.ascii_name || row.place_name),
    kind: str(place.kind || row.kind),
    admin1: str(place.admin1 || row.admin1),
    country: str(place.country || row.country),
    lat: num(place.lat ?? row.lat),
    lon: num(place.lon ?? row.lon),
    holder: str(interval.holder),
    challenger: str(interval.challenger),
    status: str(interval.status) || 'held',
    since: str(interval.from),
    until: str(interval.to),
    evidence: Array.isArray(interval.evidence) ? interval.evidence.map(str) : [],
    byDefault: Boolean(row.by_default),
  };
}

function readSource(s) {
  const src = placeOf(s);
  return {
    outlet: str(src.outlet),
    url: str(src.url),
    published: str(src.published),
    sentence: str(src.sentence),
    claim: str(src.claim),
    claimant: str(src.claimant),
  };
}

// One event of GET /api/events (EventToJson, the event output contract).
export function readEvent(obj) {
  const e = placeOf(obj);
  const place = placeOf(e.place);
  const sources = Array.isArray(e.sources) ? e.sources.map(readSource) : [];
  const outlets = new Set(sources.map((s) => s.outlet).filter(Boolean));
  return {
    id: str(e.id),
    date: str(e.date),
    datePrecision: str(e.date_precision),
    cameo: str(e.cameo),
    action: str(e.action),
    actor: str(e.actor),
    target: str(e.target),
    object: str(e.object),
    place: str(place.name || place.text || e.place_name),
    placeId: num(place.geonameid),
    claim: str(e.claim) || 'reported',
    claimant: str(e.claimant),
    corroboration: num(e.corroboration) ?? outlets.size,
    sources,
  };
}

// One change of GET /api/changes.
export function readChange(obj) {
  const c = placeOf(obj);
  const place = placeOf(c.place);
  return {
    geonameid: num(place.geonameid ?? c.geonameid),
    name: str(place.ascii_name || place.name || c.place_name),
    date: str(c.date),
    from: str(c.from_holder ?? c.from),
    to: str(c.to_holder ?? c.to),
    status: str(c.status) || 'held',
    evidence: Array.isArray(c.evidence) ? c.evidence.map(str) : [],
  };
}
