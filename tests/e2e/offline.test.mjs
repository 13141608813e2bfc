// Offline use: after one visit the service worker (sw.js, written for each build by
// scripts/sw.mjs) has this build's files, and the calculator opens and works with the
// network off. A new build replaces the old one whole: new cache, old one deleted, and
// the page never runs files of two builds.
//
// Each test serves its own copy of dist/, marked with a build letter in index.html and
// echarts.min.js (and a worker written for those files), so a deployment can be swapped
// under a running server.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeServiceWorker } from '../../scripts/sw.mjs';
import { DIST, serve, launch, openPage, waitForChart, isOptionalSiteJson } from './support.mjs';

let browser;
const folders = [];
const servers = [];
before(async () => { browser = await launch(); });
after(async () => {
  await browser?.close();
  for (const s of servers) await s.close();
  for (const f of folders) rmSync(f, { recursive: true, force: true });
});

/** A fresh folder to serve. */
function folder() {
  const dir = mkdtempSync(join(tmpdir(), 'llm-tco-offline-'));
  folders.push(dir);
  return dir;
}

/** Serves `dir`; the server is closed after the tests if a test has not closed it. */
async function serveFolder(dir) {
  const server = await serve(dir);
  let open = true;
  const close = async () => { if (open) { open = false; await server.close(); } };
  servers.push({ close });
  return { url: server.url, close };
}

/** Replaces what `dir` holds with dist/ marked as build `mark`; resolves to the worker's build id. */
function deploy(dir, mark) {
  rmSync(dir, { recursive: true, force: true });
  cpSync(DIST, dir, { recursive: true });
  const page = join(dir, 'index.html');
  const html = readFileSync(page, 'utf8');
  // The release page is minified: <meta charset=utf-8>.
  const marked = html.replace(/<meta charset="?utf-8"?>/i, (tag) => `${tag}<meta name="build-mark" content="${mark}">`);
  assert.notEqual(marked, html, 'index.html has a <meta charset>');
  writeFileSync(page, marked);
  appendFileSync(join(dir, 'echarts.min.js'), `\nwindow.__buildMark = ${JSON.stringify(mark)};\n`);
  return writeServiceWorker(dir).id;
}

/** The build marks of the page on screen and of the ECharts bundle it runs. */
const marks = (page) => page.evaluate(() => ({
  page: document.querySelector('meta[name="build-mark"]')?.content,
  echarts: window.__buildMark,
}));

const cacheNames = (page) => page.evaluate(() => caches.keys());

/** Polls `check` until it resolves true, for up to 15 s. */
async function until(check, what) {
  for (const started = Date.now(); Date.now() - started < 15000;) {
    if (await check()) return;
    await new Promise((done) => setTimeout(done, 100));
  }
  assert.fail(`timed out waiting until ${what}`);
}

/** Waits until a service worker is active and controls the page. */
async function controlled(page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller?.state === 'activated', null, { timeout: 15000 });
}

/** Problems other than the optional site.json, which cannot load offline. */
const unexpected = (problems) => problems.filter((p) => !isOptionalSiteJson(p.split(' ').find((w) => w.startsWith('http')) ?? ''));

/**
 * Serves a fresh folder holding build A, visits it once and waits until A's worker
 * controls the page.
 */
async function visitBuildA() {
  const dir = folder();
  const id = deploy(dir, 'A');
  const server = await serveFolder(dir);
  const { page, context, problems } = await openPage(browser, server.url);
  await page.goto(server.url);
  await waitForChart(page, '[data-chart="breakeven"] .chart');
  await controlled(page);
  return { dir, id, server, page, context, problems };
}

/** The monthly API cost shown. */
const apiCost = (page) => page.locator('[data-option=api] .amount').textContent();

test('after one visit the calculator opens and works with the network off', async () => {
  const { dir, id, server, page, context, problems } = await visitBuildA();
  assert.deepEqual(await cacheNames(page), [`llm-tco:${server.url}:${id}`]);

  // Off the network in the browser, and nothing left to answer outside it either.
  await context.setOffline(true);
  await server.close();
  const response = await page.reload();
  assert.ok(response.fromServiceWorker(), 'the page came from the service worker');
  await waitForChart(page, '[data-chart="breakeven"] .chart');
  assert.deepEqual(await marks(page), { page: 'A', echarts: 'A' });
  const before = await apiCost(page);
  assert.match(before, /^\$[\d,]+$/);
  await page.getByLabel('Monthly requests', { exact: true }).fill('2500000');
  await page.waitForFunction((b) => document.querySelector('[data-option=api] .amount').textContent !== b, before);
  assert.equal(await apiCost(page), '$27,189');
  for (const key of ['breakeven', 'tco', 'breakdown']) await waitForChart(page, `[data-chart="${key}"] .chart`);
  const series = await page.evaluate(() => window.echarts.getInstanceByDom(document.querySelector('[data-chart="tco"] .chart')).getOption().series.length);
  assert.ok(series >= 2, `the cumulative cost chart has its lines (${series})`);
  assert.deepEqual(unexpected(problems), []);
  await context.close();
});

test('a new build replaces the old one whole: new cache, old cache deleted, no mixed files', async () => {
  const { dir, id: a, server, page, context, problems } = await visitBuildA();
  assert.deepEqual(await marks(page), { page: 'A', echarts: 'A' });
  assert.deepEqual(await cacheNames(page), [`llm-tco:${server.url}:${a}`]);

  const b = deploy(dir, 'B');
  assert.notEqual(a, b);
  await page.reload();
  await waitForChart(page, '[data-chart="breakeven"] .chart');
  // Online, the page and its unhashed files come from the network: all of build B.
  assert.deepEqual(await marks(page), { page: 'B', echarts: 'B' });
  // The browser finds the changed sw.js on navigation; B installs, activates and
  // deletes A's cache.
  await until(async () => JSON.stringify(await cacheNames(page)) === JSON.stringify([`llm-tco:${server.url}:${b}`]), 'only B\'s cache is left');
  await controlled(page);

  // Offline, everything comes from B's cache: B's page with B's bundle.
  await context.setOffline(true);
  await server.close();
  await waitForChart(page, '[data-chart="breakeven"] .chart');
  assert.deepEqual(await marks(page), { page: 'B', echarts: 'B' });
  assert.deepEqual(unexpected(problems), []);
  await context.close();
});

test('a worker whose files the server does not have yet installs nothing; the old build stays', async () => {
  const { dir, id: a, server, page, context, problems } = await visitBuildA();

  // Half a deployment: B's worker and page are up, the bundle is still A's.
  const oldBundle = readFileSync(join(dir, 'echarts.min.js'));
  deploy(dir, 'B');
  writeFileSync(join(dir, 'echarts.min.js'), oldBundle);
  const state = await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    await registration.update();
    const worker = registration.installing ?? registration.waiting;
    if (!worker) return 'no new worker';
    if (worker.state !== 'redundant') {
      await new Promise((done) => worker.addEventListener('statechange', () => worker.state === 'redundant' && done()));
    }
    return worker.state;
  });
  assert.equal(state, 'redundant', 'the new worker gave up');
  assert.deepEqual(await cacheNames(page), [`llm-tco:${server.url}:${a}`], "B's partial cache is gone, A's is whole");

  await context.setOffline(true);
  await server.close();
  await page.reload();
  await waitForChart(page, '[data-chart="breakeven"] .chart');
  assert.deepEqual(await marks(page), { page: 'A', echarts: 'A' });
  assert.deepEqual(unexpected(problems), []);
  await context.close();
});

test("offline, the site owner's branding stays: site.json and the logo it names", async () => {
  const dir = folder();
  deploy(dir, 'A');
  // Written after the build, as a site owner does: neither is one of the build's files.
  const logo = '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="40" height="20" fill="#0f766e"/></svg>';
  writeFileSync(join(dir, 'acme-logo.svg'), logo);
  writeFileSync(join(dir, 'site.json'), JSON.stringify({ organisation: 'Acme Advisory', logo: 'acme-logo.svg' }));
  const server = await serveFolder(dir);
  const { page, context, problems } = await openPage(browser, server.url);
  await page.goto(server.url);
  await waitForChart(page, '[data-chart="breakeven"] .chart');
  await controlled(page);
  const branding = () => page.evaluate(() => ({
    name: document.querySelector('.site-name')?.textContent,
    logoWidth: document.querySelector('.site-logo')?.naturalWidth,
  }));
  await page.waitForFunction(() => document.querySelector('.site-logo')?.complete);
  assert.deepEqual(await branding(), { name: 'Acme Advisory', logoWidth: 40 });

  // A later visit: the browser's HTTP cache has let the branding go (hosts serve it for
  // minutes, not a year), only the worker's copy is left.
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.clearBrowserCache');
  await context.setOffline(true);
  await server.close();
  const response = await page.reload();
  assert.ok(response.fromServiceWorker(), 'the page came from the service worker');
  await waitForChart(page, '[data-chart="breakeven"] .chart');
  await page.waitForFunction(() => document.querySelector('.site-logo')?.complete);
  assert.deepEqual(await branding(), { name: 'Acme Advisory', logoWidth: 40 });
  assert.deepEqual(problems, []);
  await context.close();
});
