// The web map in a real browser: headless Chromium (Debian's) driven by
// playwright-core, against sitrep_api_testserver serving a store filled
// from the seed article (when present), a report on two provinces and a
// hostile report.
//
// Run by run-browser-test.sh under ctest; screenshots go to $SITREP_ARTIFACTS.

import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {spawn} from 'node:child_process';
import {existsSync, mkdtempSync, mkdirSync, rmSync} from 'node:fs';
import {createRequire} from 'node:module';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

const require = createRequire(import.meta.url);
const {chromium} = require('playwright-core');

const here = path.dirname(fileURLToPath(import.meta.url));
const sourceDir = process.env.SITREP_SOURCE_DIR || path.resolve(here, '../..');
const seedArticle = path.resolve(sourceDir, '../shared/seed/seed-article.txt');
const hostileReport = path.join(here, 'fixtures', 'hostile-report.txt');
const provinceReport = path.join(here, 'fixtures', 'province-report.txt');
const artifacts = process.env.SITREP_ARTIFACTS || path.join(tmpdir(), 'sitrep-web-artifacts');
const haveSeed = existsSync(seedArticle);

const HOSTILE_SCRIPT = '<script>window.__pwned=1</script>';
const HOSTILE_IMG = '<img src=x onerror="window.__pwned=2">';

let server;
let baseUrl;
let context;
let page;
let userDataDir;
const pageErrors = [];

function startServer() {
  const reports = [...(haveSeed ? [seedArticle] : []), provinceReport, hostileReport];
  const args = ['--port', '0', '--profile', 'auto', '--web-root', process.env.SITREP_WEB_ROOT,
                ...reports];
  const child = spawn(process.env.SITREP_TESTSERVER, args, {stdio: ['ignore', 'pipe', 'pipe']});
  let stderr = '';
  child.stderr.on('data', (chunk) => { stderr += chunk; });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${stderr}`)), 120000);
    let stdout = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      const m = stdout.match(/listening on (http:\/\/127\.0\.0\.1:\d+\/)/);
      if (m) {
        clearTimeout(timer);
        process.stderr.write(stderr);
        resolve({child, url: m[1]});
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${stderr}`));
    });
  });
}

async function shot(name) {
  await page.screenshot({path: path.join(artifacts, `${name}.png`), fullPage: true});
}

async function moveSliderTo(date) {
  const first = await page.evaluate(() => document.getElementById('as-of').min);
  const days = Math.round((Date.parse(date) - Date.parse(first)) / 86400000);
  assert.ok(days >= 0, `${date} is before the data's first day ${first}`);
  const max = Number(await page.getAttribute('#slider', 'max'));
  assert.ok(days <= max, `${date} is after the data's last day`);
  await page.locator('#slider').fill(String(days));
  await page.waitForSelector(`body[data-as-of="${date}"]`, {timeout: 20000});
  // The markers of that day are drawn in the same step.
  await page.waitForFunction(() => document.querySelectorAll('path.place').length > 0);
}

async function marker(name) {
  return page.evaluate((n) => {
    const el = [...document.querySelectorAll('path.place')].find((p) => p.dataset.place === n);
    return el ? {holder: el.dataset.holder, status: el.dataset.status, fill: el.getAttribute('fill'),
                 byDefault: el.dataset.default} : null;
  }, name);
}

describe('web map', () => {
  before(async () => {
    mkdirSync(artifacts, {recursive: true});
    ({child: server, url: baseUrl} = await startServer());
    userDataDir = mkdtempSync(path.join(tmpdir(), 'sitrep-chromium-'));
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: process.env.SITREP_CHROMIUM || '/usr/bin/chromium',
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
             '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      viewport: {width: 1400, height: 900},
    });
    page = context.pages()[0] || await context.newPage();
    page.on('pageerror', (err) => pageErrors.push(`pageerror: ${err.message}`));
    page.on('console', (msg) => {
      if (msg.type() === 'error') pageErrors.push(`console: ${msg.text()}`);
    });
    // Nothing may leave the machine: every request goes to the test server.
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(baseUrl) || url.startsWith('data:')) return route.continue();
      pageErrors.push(`request outside the server: ${url}`);
      return route.abort();
    });
    await page.goto(baseUrl);
    await page.waitForSelector('body[data-ready="true"]', {timeout: 30000});
  });

  after(async () => {
    if (context) await context.close();
    if (server) server.kill('SIGTERM');
    if (userDataDir) rmSync(userDataDir, {recursive: true, force: true});
  });

  test('the page loads with a strict Content-Security-Policy and no errors', async () => {
    const response = await page.request.get(baseUrl);
    const csp = response.headers()['content-security-policy'];
    assert.match(csp, /script-src 'self'/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    assert.ok(await page.locator('.leaflet-container').count() === 1, 'the Leaflet map is there');
    // Natural Earth countries are drawn (one SVG path per country, at least).
    const paths = await page.locator('.leaflet-basemap-pane path').count();
    assert.ok(paths > 100, `country boundaries drawn (${paths} paths)`);
    assert.match(await page.locator('footer').innerText(), /GeoNames/);
    assert.match(await page.locator('footer').innerText(), /Natural Earth/);
    assert.deepEqual(pageErrors, []);
  });

  test('as of 2021-08-13, Herat, Kandahar and Ghazni are held by the Taliban',
       {skip: haveSeed ? false : `the seed article is absent (${seedArticle})`}, async () => {
    await moveSliderTo('2021-08-13');
    assert.match(page.url(), /date=2021-08-13/);
    const colours = new Set();
    for (const name of ['Herat', 'Kandahar', 'Ghazni']) {
      const m = await marker(name);
      assert.ok(m, `a marker for ${name}`);
      assert.equal(m.holder, 'Taliban', `${name} holder`);
      assert.equal(m.status, 'held', `${name} status`);
      assert.equal(m.byDefault, 'false', `${name} is held on the strength of reports`);
      colours.add(m.fill);
    }
    assert.equal(colours.size, 1, 'the three share the Taliban colour');
    // The legend shows that colour against the holder's name.
    const legend = await page.locator('#legend').innerText();
    assert.match(legend, /Taliban/);
    // A day before the story's events, they were not yet held by the Taliban.
    await moveSliderTo('2021-08-11');
    for (const name of ['Herat', 'Kandahar', 'Ghazni']) {
      const m = await marker(name);
      assert.ok(!m || m.holder !== 'Taliban' || m.status !== 'held', `${name} on 2021-08-11`);
    }
    await moveSliderTo('2021-08-13');
    await shot('map-2021-08-13');
    assert.deepEqual(pageErrors, []);
  });

  test('province boundaries are drawn, and provinces reported as a whole take their holder\'s colour',
       async () => {
    await moveSliderTo('2021-08-13');
    // Every province of the country in the picture is drawn from the
    // Natural Earth file of that country.
    const index = await (await page.request.get(`${baseUrl}vendor/natural-earth-admin1/index.json`)).json();
    assert.ok(index.countries.AF.features > 0);
    await page.waitForFunction(() => document.querySelectorAll('path.admin1').length > 0);
    assert.equal(await page.locator('path.admin1[data-country="AF"]').count(), index.countries.AF.features);

    // Each province row of the API is drawn as its polygon, coloured and
    // tagged like the row.
    const body = await (await page.request.get(`${baseUrl}api/control?as_of=2021-08-13`)).json();
    const rows = body.control.filter((r) => r.kind === 'admin1' && !r.by_default);
    assert.ok(rows.some((r) => r.name === 'Badghis' && r.holder === 'Taliban' && r.status === 'held'),
              'the fixture\'s Badghis row');
    assert.ok(rows.some((r) => r.status === 'contested'), 'the fixture\'s contested province');
    const areas = await page.evaluate(() => [...document.querySelectorAll('path.admin1[data-reported="true"]')]
        .map((p) => ({code: p.dataset.admin1Code, holder: p.dataset.holder, status: p.dataset.status,
                      fill: p.getAttribute('fill'), fillOpacity: Number(p.getAttribute('fill-opacity')),
                      dash: p.getAttribute('stroke-dasharray')})));
    for (const r of rows) {
      const a = areas.find((x) => x.code === r.admin1_code);
      assert.ok(a, `a polygon for ${r.name} (${r.admin1_code})`);
      assert.equal(a.holder, r.holder, `${r.name} holder`);
      assert.equal(a.status, r.status, `${r.name} status`);
      assert.ok(a.fillOpacity > 0, `${r.name} is shaded`);
    }
    assert.equal(areas.length, rows.length, 'no other province is shown as reported');
    const legendColour = await page.evaluate(() => {
      const item = [...document.querySelectorAll('#legend li')].find((li) => li.textContent.trim() === 'Taliban');
      return item ? item.querySelector('circle').getAttribute('fill') : null;
    });
    const badghis = areas.find((a) => a.code === rows.find((r) => r.name === 'Badghis').admin1_code);
    assert.equal(badghis.fill, legendColour, 'Badghis has the Taliban colour of the legend');
    const contested = areas.find((a) => a.status === 'contested');
    assert.ok(contested.dash && contested.dash !== 'none', 'a contested province has a dashed outline');
    // A province with a polygon gets no ring marker besides.
    assert.equal(await page.locator('path.place[data-place="Badghis"]').count(), 0);
    assert.match(await page.locator('#legend').innerText(), /shaded area: a province/);

    // Before the report, Badghis is no longer shown as Taliban-held.
    await moveSliderTo('2021-08-10');
    const before = await page.evaluate(() => [...document.querySelectorAll('path.admin1[data-reported="true"]')]
        .map((p) => p.dataset.place));
    assert.ok(!before.includes('Badghis'), `reported provinces on 2021-08-10: ${before}`);
    await moveSliderTo('2021-08-13');
    await shot('provinces-2021-08-13');
    assert.deepEqual(pageErrors, []);
  });

  test('clicking an event shows its sentence and sources',
       {skip: haveSeed ? false : `the seed article is absent (${seedArticle})`}, async () => {
    await moveSliderTo('2021-08-13');
    const item = page.locator('#events li.event[data-place="Herat"]').first();
    await item.waitFor();
    const id = await item.getAttribute('data-event-id');
    await item.locator('button.event-open').click();
    await page.waitForSelector('#detail:not([hidden])');
    const expected = await page.evaluate(async (eventId) => {
      const r = await fetch(`/api/events/${encodeURIComponent(eventId)}`);
      return r.json();
    }, id);
    const detail = await page.locator('#detail-body').innerText();
    for (const source of expected.sources) {
      assert.ok(detail.includes(source.sentence.trim().slice(0, 60)),
                `the detail shows the sentence: ${source.sentence}`);
    }
    assert.match(detail, /Herat/);
    assert.match(detail, /sources \(\d+\)/i);
    await shot('event-detail');
    assert.deepEqual(pageErrors, []);
  });

  test('the URL hash keeps the state across a reload', async () => {
    await page.goto(`${baseUrl}#date=2021-08-13&window=3`);
    await page.reload();
    await page.waitForSelector('body[data-as-of="2021-08-13"]', {timeout: 20000});
    assert.equal(await page.inputValue('#window'), '3');
    assert.equal(await page.inputValue('#as-of'), '2021-08-13');
  });

  test('hostile report text shows as plain text and runs nothing', async () => {
    await page.goto(`${baseUrl}#date=2021-08-13&window=8`);
    await page.reload();
    await page.waitForSelector('body[data-as-of="2021-08-13"]', {timeout: 20000});
    const hostile = page.locator('#events li.event', {hasText: '__pwned'}).first();
    await hostile.waitFor({timeout: 10000});
    const text = await hostile.innerText();
    assert.ok(text.includes(HOSTILE_SCRIPT), `the script tag shows as text: ${text}`);
    assert.ok(text.includes(HOSTILE_IMG), `the img tag shows as text: ${text}`);
    assert.equal(await hostile.locator('script, img').count(), 0, 'no element made from report text');
    // Its link is not a link: the URL is javascript:, so the outlet shows as text.
    assert.equal(await hostile.locator('a[href^="javascript"]').count(), 0);
    await hostile.locator('button.event-open').click();
    await page.waitForSelector('#detail:not([hidden])');
    assert.ok((await page.locator('#detail-body').innerText()).includes(HOSTILE_SCRIPT));
    assert.equal(await page.locator('#detail-body script, #detail-body img').count(), 0);
    // Hover the hostile event's place and open its popup too.
    const place = await hostile.getAttribute('data-place');
    const farMarker = page.locator(`path.place[data-place="${place}"]`).first();
    if (await farMarker.count()) {
      await farMarker.hover({force: true});
      await farMarker.click({force: true});
      await page.waitForTimeout(300);
    }
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    assert.equal(await page.evaluate(() => document.querySelectorAll('body script:not([type=module])').length), 0);
    await shot('hostile-report');
    assert.deepEqual(pageErrors, []);
  });

  test('compare mode lists what changed hands between two days',
       {skip: haveSeed ? false : `the seed article is absent (${seedArticle})`}, async () => {
    await page.goto(`${baseUrl}#date=2021-08-13&compare=2021-08-10`);
    await page.reload();
    await page.waitForSelector('body[data-as-of="2021-08-13"]', {timeout: 20000});
    await page.waitForSelector('#compare-list li.change');
    const list = await page.locator('#compare-list').innerText();
    for (const name of ['Herat', 'Kandahar', 'Ghazni']) assert.match(list, new RegExp(name));
    const changed = await page.evaluate(() =>
      [...document.querySelectorAll('path.place[data-changed="true"]')].map((p) => p.dataset.place));
    assert.ok(changed.includes('Herat'), `changed markers: ${changed}`);
    await shot('compare');
  });
});
