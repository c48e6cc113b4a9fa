// Admin-1 boundaries (states, provinces) on the map: Natural Earth's
// polygons, cut one TopoJSON file a country by scripts/build-admin1.mjs, and
// the join of sitrep's control rows onto them.
//
// A control row of kind 'admin1' (a province reported as a whole) is drawn
// as its polygon, filled in its holder's colour and outlined by its status;
// every other province is a thin boundary line with its name on hover.
//
// Rows join polygons on GeoNames' admin-1 code ("AF.11"), which both the
// gazetteer and Natural Earth carry; where Natural Earth lacks it, on the
// folded name within the same country.

import {markerStyle} from './style_rules.js';

// Words a province's name may carry or lack ("Helmand Province", "Kyiv
// Oblast"): dropped before names are compared.
const DIVISION_WORDS = new Set([
  'province', 'provincia', 'provinz', 'oblast', 'oblast\'', 'governorate', 'state', 'region',
  'wilayah', 'wilaya', 'velayat', 'muhafazah', 'muhafazat', 'department', 'departamento',
  'district', 'county', 'prefecture', 'territory', 'of',
]);

// Lower case, no diacritics, no punctuation, no division words: "Hilmand
// Province" and "hilmand" fold alike.
export function foldDivisionName(name) {
  const plain = String(name || '').normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
  const words = plain.split(/[^\p{L}\p{N}']+/u).filter((w) => w && !DIVISION_WORDS.has(w));
  return words.join(' ').replace(/'/g, '');
}

// Index of one country's province features: by admin-1 code and by every
// folded name. A name two provinces share is ambiguous and left out.
export class ProvinceIndex {
  constructor(features) {
    this.features = features || [];
    this.byCode = new Map();
    this.byName = new Map();
    const ambiguous = new Set();
    for (const f of this.features) {
      const p = f.properties || {};
      if (p.admin1_code) this.byCode.set(p.admin1_code, f);
      for (const name of [p.name, ...(Array.isArray(p.alt) ? p.alt : [])]) {
        const key = foldDivisionName(name);
        if (!key) continue;
        const known = this.byName.get(key);
        if (known && known !== f) ambiguous.add(key);
        else this.byName.set(key, f);
      }
    }
    for (const key of ambiguous) this.byName.delete(key);
  }

  // The feature for a control row (or any {admin1_code, admin1, name}), or
  // null. A row of kind 'admin1' is matched on its own name as well.
  find(row) {
    if (row.admin1Code && this.byCode.has(row.admin1Code)) return this.byCode.get(row.admin1Code);
    for (const name of [row.admin1, row.kind === 'admin1' ? row.name : '']) {
      const f = this.byName.get(foldDivisionName(name));
      if (f) return f;
    }
    return null;
  }
}

// The line every province is drawn with when nothing is reported of it.
export const BOUNDARY_STYLE = {
  color: '#8f8a80', weight: 0.7, opacity: 0.9, dashArray: '3 3',
  fill: true, fillColor: '#000000', fillOpacity: 0,
};

// Leaflet path options for a province's control row: the holder's colour as
// a light fill, the status's outline as for a place's marker.
export function provinceStyle(row, colours) {
  const marker = markerStyle({...row, kind: 'provincial-capital'}, colours);
  const fill = colours.colour(row.holder);
  if (row.byDefault) {
    // Nothing reported yet: the default holder, as pale as a default marker.
    return {fill: true, fillColor: fill, fillOpacity: 0.1, color: fill, opacity: 0.6, weight: 1,
            dashArray: '3 3'};
  }
  return {
    fill: true, fillColor: fill, fillOpacity: row.status === 'held' ? 0.28 : 0.18,
    color: row.status === 'held' ? fill : marker.color, opacity: 1,
    weight: row.status === 'held' ? 2 : Math.min(marker.weight, 3), dashArray: marker.dashArray,
  };
}
