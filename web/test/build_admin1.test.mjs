// scripts/build-admin1.mjs on a small made-up admin-1 layer: one file a
// country, the slim properties the page joins on, shared borders kept
// shared, features without a country left out, and clear errors.
//   node --test web/test/build_admin1.test.mjs

import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const script = path.join(root, 'scripts', 'build-admin1.mjs');
const haveDeps = ['topojson-server', 'topojson-simplify', 'topojson-client'].every(
    (p) => existsSync(path.join(root, 'node_modules', p, 'package.json')));
const skip = haveDeps ? false : 'node_modules/topojson-* are missing (run npm ci)';

function square(x0, y0, size) {
  return {type: 'Polygon', coordinates: [[[x0, y0], [x0 + size, y0], [x0 + size, y0 + size],
                                          [x0, y0 + size], [x0, y0]]]};
}

function natural(props, geometry) {
  // The fields Natural Earth's admin-1 layer has, and one the page drops.
  return {type: 'Feature', properties: {featurecla: 'Admin-1 states provinces', wikipedia: 'x',
                                        ...props}, geometry};
}

const LAYER = {
  type: 'FeatureCollection',
  features: [
    natural({name: 'West', name_alt: 'Occident|Westland', iso_a2: 'XA', iso_3166_2: 'XA-W',
             gn_a1_code: 'XA.01', gn_name: 'West Province', type_en: 'Province'}, square(10, 10, 1)),
    // Shares West's eastern edge.
    natural({name: 'East', name_alt: null, iso_a2: 'XA', iso_3166_2: 'XA-E', gn_a1_code: 'XA.',
             type_en: 'Province'}, square(11, 10, 1)),
    natural({name: 'Lone', iso_a2: 'XB', iso_3166_2: 'XB-L', gn_a1_code: 'XB.07', type_en: 'State'},
            {type: 'MultiPolygon', coordinates: [square(-5, 40, 2).coordinates]}),
    natural({name: 'Nowhere', iso_a2: '-1', gn_a1_code: ''}, square(0, 0, 1)),
    natural({name: 'No shape', iso_a2: 'XB', gn_a1_code: 'XB.08'}, null),
  ],
};

function run(args) {
  return spawnSync(process.execPath, [script, ...args], {encoding: 'utf8'});
}

describe('build-admin1', {skip}, () => {
  test('one topology a country, with the slim properties and an index', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sitrep-admin1-'));
    try {
      const source = path.join(dir, 'layer.json');
      writeFileSync(source, JSON.stringify(LAYER));
      const out = path.join(dir, 'out');
      const r = run([source, out]);
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stderr, /2 countries, 3 provinces/);
      assert.match(r.stderr, /2 features without a country code or polygon left out/);
      assert.deepEqual(readdirSync(out).sort(), ['XA.json', 'XB.json', 'index.json']);

      const index = JSON.parse(readFileSync(path.join(out, 'index.json'), 'utf8'));
      assert.equal(index.countries.XA.features, 2);
      assert.equal(index.countries.XB.features, 1);
      assert.deepEqual(index.countries.XA.bbox, [10, 10, 12, 11]);
      assert.match(index.source, /Natural Earth/);

      const {feature, mesh} = await import(path.join(root, 'node_modules/topojson-client/src/index.js'));
      const xa = JSON.parse(readFileSync(path.join(out, 'XA.json'), 'utf8'));
      const features = feature(xa, xa.objects.admin1).features;
      const west = features.find((f) => f.properties.name === 'West');
      assert.deepEqual(west.properties, {name: 'West', alt: ['Occident', 'Westland', 'West Province'],
                                         iso_3166_2: 'XA-W', admin1_code: 'XA.01', type: 'Province'});
      const east = features.find((f) => f.properties.name === 'East');
      assert.equal(east.properties.admin1_code, '', '"XA." is no admin-1 code');
      // The border the two share is one arc: drawn once, never a gap.
      const inner = mesh(xa, xa.objects.admin1, (a, b) => a !== b);
      assert.equal(inner.coordinates.length, 1);
      const xs = inner.coordinates[0].map(([x]) => Math.round(x * 1e4) / 1e4);
      assert.ok(xs.every((x) => x === 11), `the shared border lies at x = 11: ${xs}`);

      // The same input gives the same files.
      const again = path.join(dir, 'again');
      assert.equal(run([source, again]).status, 0);
      for (const name of ['XA.json', 'XB.json', 'index.json']) {
        assert.equal(readFileSync(path.join(again, name), 'utf8'),
                     readFileSync(path.join(out, name), 'utf8'), name);
      }
    } finally {
      rmSync(dir, {recursive: true, force: true});
    }
  });

  test('bad input is refused with a message and leaves the old output alone', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sitrep-admin1-'));
    try {
      const out = path.join(dir, 'out');
      const good = path.join(dir, 'layer.json');
      writeFileSync(good, JSON.stringify(LAYER));
      assert.equal(run([good, out]).status, 0);
      const before = readFileSync(path.join(out, 'index.json'), 'utf8');

      const cases = [
        [path.join(dir, 'missing.json'), /cannot read .*missing\.json/],
        [path.join(dir, 'broken.json'), /cannot read .*broken\.json/],
        [path.join(dir, 'array.json'), /not a GeoJSON FeatureCollection/],
        [path.join(dir, 'empty.json'), /no admin-1 features/],
      ];
      writeFileSync(path.join(dir, 'broken.json'), '{"type": "FeatureCollection", "features": [');
      writeFileSync(path.join(dir, 'array.json'), '[1, 2]');
      writeFileSync(path.join(dir, 'empty.json'), JSON.stringify({type: 'FeatureCollection', features: []}));
      for (const [source, message] of cases) {
        const r = run([source, out]);
        assert.equal(r.status, 1, source);
        assert.match(r.stderr, message);
      }
      assert.equal(run([good]).status, 1, 'usage');
      assert.match(run([good, out, '--tolerance', 'x']).stderr, /--tolerance takes a number/);
      assert.equal(readFileSync(path.join(out, 'index.json'), 'utf8'), before);
    } finally {
      rmSync(dir, {recursive: true, force: true});
    }
  });
});
