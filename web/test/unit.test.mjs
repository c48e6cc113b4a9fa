// Unit tests of the page's pure modules (no browser): dates, the URL hash
// state, marker styles, the join of control rows onto province polygons and
// the reading of API objects.
//   node --test web/test/unit.test.mjs

import {describe, test} from 'node:test';
import assert from 'node:assert/strict';

import {BOUNDARY_STYLE, ProvinceIndex, foldDivisionName, provinceStyle} from '../src/admin1.js';
import {addDays, isIsoDate, toDays, toIso} from '../src/dates.js';
import {readChange, readControl, readEvent} from '../src/model.js';
import {readHash, writeHash} from '../src/state.js';
import {HolderColours, STATUSES, markerStyle} from '../src/style_rules.js';

describe('dates', () => {
  test('round trips and arithmetic', () => {
    assert.equal(toIso(toDays('2021-08-13')), '2021-08-13');
    assert.equal(addDays('2021-08-13', -13), '2021-07-31');
    assert.equal(addDays('2024-02-28', 1), '2024-02-29');
    assert.equal(toDays('1970-01-02'), 1);
  });

  test('only real calendar days are dates', () => {
    assert.ok(isIsoDate('2021-08-13'));
    for (const bad of ['2021-02-30', '2021-8-13', '13/08/2021', '', null, '2021-08-13T00:00']) {
      assert.ok(!isIsoDate(bad), String(bad));
    }
  });
});

describe('URL hash state', () => {
  test('round trip', () => {
    const state = {date: '2021-08-13', actor: 'Taliban', family: '19', window: 8,
                   view: {lat: 33.5, lon: 65.25, zoom: 6}, compare: '2021-08-01'};
    const back = readHash(writeHash(state));
    assert.deepEqual(back, state);
  });

  test('names with reserved characters survive', () => {
    const state = {actor: 'A & B = "C" #1'};
    assert.equal(readHash(writeHash(state)).actor, 'A & B = "C" #1');
  });

  test('bad values are dropped, not trusted', () => {
    const s = readHash('#date=2021-02-30&family=x9&window=7&view=91,0,3&compare=never&actor=' +
                       'x'.repeat(300));
    assert.deepEqual(s, {});
    assert.deepEqual(readHash('#view=10,20,99'), {});
    assert.deepEqual(readHash(''), {});
  });
});

describe('marker styles', () => {
  const colours = new HolderColours(['Government', 'Rebels']);

  test('sides get the first colours, others a stable one', () => {
    assert.notEqual(colours.colour('Government'), colours.colour('Rebels'));
    assert.equal(colours.colour('Militia X'), new HolderColours([]).colour('Militia X'));
    assert.equal(colours.colour(''), '#9e9e9e');
  });

  test('each status looks different', () => {
    const looks = new Set(STATUSES.map((status) => {
      const s = markerStyle({status, holder: 'Rebels', challenger: 'Government',
                             kind: 'provincial-capital'}, colours);
      return `${s.color}|${s.weight}|${s.dashArray}|${s.fillOpacity}`;
    }));
    assert.equal(looks.size, STATUSES.length);
  });

  test('the fill is the holder', () => {
    const s = markerStyle({status: 'besieged', holder: 'Rebels', challenger: 'Government',
                           kind: 'city'}, colours);
    assert.equal(s.fillColor, colours.colour('Rebels'));
    assert.equal(s.color, colours.colour('Government'));
  });
});

describe('province polygons', () => {
  const feature = (name, admin1Code, alt = []) =>
    ({type: 'Feature', properties: {name, alt, admin1_code: admin1Code, iso_3166_2: '', type: 'Province'},
      geometry: null});
  const north = feature('Nord', 'XX.01', ['Northern Province']);
  const south = feature('Sud-Est', '', ['Southeast']);
  const twinA = feature('Twin', 'XX.03');
  const twinB = feature('Twin', 'XX.04');
  const index = new ProvinceIndex([north, south, twinA, twinB]);

  test('names fold without case, accents or division words', () => {
    assert.equal(foldDivisionName('Hilmand Province'), 'hilmand');
    assert.equal(foldDivisionName('Kyivs\'ka Oblast'), 'kyivska');
    assert.equal(foldDivisionName('Ḩalab Governorate'), 'halab');
    assert.equal(foldDivisionName('Sud-Est'), 'sud est');
    assert.equal(foldDivisionName(null), '');
  });

  test('rows join on the GeoNames admin-1 code first', () => {
    assert.equal(index.find({admin1Code: 'XX.01', admin1: 'Someplace else', kind: 'city'}), north);
    assert.equal(index.find({admin1Code: 'XX.04', admin1: 'Twin', kind: 'admin1'}), twinB);
  });

  test('then on a folded name of the province, its own or another', () => {
    assert.equal(index.find({admin1Code: 'XX.99', admin1: 'sud est', kind: 'city'}), south);
    assert.equal(index.find({admin1Code: '', admin1: '', name: 'Southeast Province', kind: 'admin1'}),
                 south);
    assert.equal(index.find({admin1Code: '', admin1: 'Northern', kind: 'city'}), north);
    // A town's own name is not a province's.
    assert.equal(index.find({admin1Code: '', admin1: '', name: 'Nord', kind: 'city'}), null);
  });

  test('a name two provinces share joins neither', () => {
    assert.equal(index.find({admin1Code: '', admin1: 'Twin', kind: 'city'}), null);
  });

  test('a province takes its holder\'s colour and its status\'s outline', () => {
    const colours = new HolderColours(['Government', 'Rebels']);
    const held = provinceStyle({status: 'held', holder: 'Rebels', challenger: ''}, colours);
    assert.equal(held.fillColor, colours.colour('Rebels'));
    assert.equal(held.color, colours.colour('Rebels'));
    const looks = new Set(STATUSES.map((status) => {
      const s = provinceStyle({status, holder: 'Rebels', challenger: 'Government'}, colours);
      return `${s.color}|${s.weight}|${s.dashArray}|${s.fillOpacity}`;
    }));
    assert.equal(looks.size, STATUSES.length);
    const quiet = provinceStyle({status: 'held', holder: 'Government', byDefault: true}, colours);
    assert.ok(quiet.fillOpacity < held.fillOpacity, 'a default holder is paler than a reported one');
    assert.equal(BOUNDARY_STYLE.fillOpacity, 0, 'unreported provinces are lines only');
  });
});

describe('reading API objects', () => {
  test('a control row (PlaceControlToJson)', () => {
    const row = readControl({geonameid: 1, name: 'Nyala', kind: 'provincial-capital',
                             country: 'SD', admin1: null, admin1_code: 'SD.49', lat: 12.05, lon: 24.88, status: 'held',
                             holder: 'Rapid Support Forces', challenger: null,
                             since: '2023-10-26', until: null, by_default: false,
                             evidence: ['e1']});
    assert.equal(row.name, 'Nyala');
    assert.equal(row.holder, 'Rapid Support Forces');
    assert.equal(row.challenger, '');
    assert.equal(row.admin1, '');
    assert.equal(row.admin1Code, 'SD.49');
    assert.deepEqual(row.evidence, ['e1']);
    assert.equal(row.byDefault, false);
  });

  test('an event (EventToJson) with a claim and sources', () => {
    const e = readEvent({id: 'x', date: '2021-08-12', date_precision: 'approx', cameo: '192',
                         action: 'occupy territory', actor: 'Taliban', target: null,
                         object: 'the jail', place: {name: 'Kandahar', geonameid: 7, text: 'Kandahar'},
                         claim: {status: 'claimed', by: 'Taliban', confirms_claim_of: null},
                         sources: [{outlet: 'Wire', url: 'https://a.example/1', published: '2021-08-13',
                                    sentence: 'They said so.', claim: 'claimed', by: 'Taliban'}],
                         corroboration: 1});
    assert.equal(e.claim, 'claimed');
    assert.equal(e.claimant, 'Taliban');
    assert.equal(e.placeId, 7);
    assert.equal(e.sources[0].claimant, 'Taliban');
    assert.equal(e.corroboration, 1);
  });

  test('missing or odd fields do not throw', () => {
    const e = readEvent({});
    assert.equal(e.claim, 'reported');
    assert.deepEqual(e.sources, []);
    const c = readChange({place: null});
    assert.equal(c.name, '');
    assert.equal(readControl({}).status, 'held');
  });
});
