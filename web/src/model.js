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

// One control row of GET /api/control (PlaceControlToJson): a flat object
// {geonameid, name, kind, country, admin1, admin1_code, lat, lon, status,
//  holder, challenger, since, until, by_default, evidence}.
export function readControl(row) {
  const r = placeOf(row);
  return {
    geonameid: num(r.geonameid),
    name: str(r.name),
    displayName: str(r.name),
    kind: str(r.kind),
    admin1: str(r.admin1),
    admin1Code: str(r.admin1_code),
    country: str(r.country),
    lat: num(r.lat),
    lon: num(r.lon),
    holder: str(r.holder),
    challenger: str(r.challenger),
    status: str(r.status) || 'held',
    since: str(r.since),
    until: str(r.until),
    evidence: Array.isArray(r.evidence) ? r.evidence.map(str) : [],
    byDefault: r.by_default === true,
  };
}

function readSource(s) {
  const src = placeOf(s);
  return {
    outlet: str(src.outlet),
    url: str(src.url),
    published: str(src.published),
    sentence: str(src.sentence),
    claim: str(src.claim) || 'reported',
    claimant: str(src.by),
  };
}

// One event of GET /api/events (EventToJson, the event output contract in
// docs/data-model.md).
export function readEvent(obj) {
  const e = placeOf(obj);
  const place = placeOf(e.place);
  const claim = placeOf(e.claim);
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
    place: str(place.name || place.text),
    placeId: num(place.geonameid),
    claim: str(claim.status) || 'reported',
    claimant: str(claim.by),
    confirmsClaimOf: str(claim.confirms_claim_of),
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
