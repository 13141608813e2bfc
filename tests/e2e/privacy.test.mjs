// Nothing leaves the page once it has loaded, and a hostile link stays inert.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, serve, launch, openPage, waitForChart } from './support.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** The files the offline service worker keeps, as URLs on `origin` (from dist/sw.js). */
function workerFiles(origin) {
  const source = readFileSync(join(DIST, 'sw.js'), 'utf8');
  const files = JSON.parse(source.match(/^const FILES = (\[[\s\S]*?\]);$/m)[1]);
  return files.map((f) => new URL(f.url, origin).href);
}

test('after load, using the calculator makes no network request at all', async () => {
  const { page, context, problems } = await openPage(browser, server.url);
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  // The service worker's own requests (its script, and the files it keeps for offline use).
  const workerRequests = [];
  context.on('request', (r) => { if (r.serviceWorker()) workerRequests.push(r.url()); });
  await page.goto(server.url);
  await waitForChart(page, '[data-chart="breakeven"] .chart');
  await page.waitForLoadState('networkidle');
  const atLoad = [...requests];
  assert.ok(atLoad.every((u) => u.startsWith(server.url)), `only same-origin files: ${atLoad}`);
  // Once the first results are drawn, the worker fetches this build's own files and the
  // site's branding (site.json, here without a logo), each once, and nothing else.
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller);
  const kept = [...workerFiles(server.url), new URL('site.json', server.url).href];
  const precached = workerRequests.filter((u) => !u.endsWith('/sw.js'));
  assert.deepEqual([...precached].sort(), [...kept].sort(), 'the worker fetched exactly the files it keeps');
  requests.length = 0;
  workerRequests.length = 0;

  await page.getByLabel('Monthly requests', { exact: true }).fill('3500000');
  await page.selectOption('#preset', 'rag-knowledge-base');
  await page.getByLabel('GPU', { exact: true }).selectOption('a100-80gb');
  await page.locator('[data-chart="tco"]').getByRole('button', { name: 'Show as table' }).click();
  await page.locator('details.group:not([open]) > summary').first().click();
  await page.waitForSelector('[data-panel="uncertainty"][aria-busy="false"]');
  await page.waitForTimeout(500);
  assert.deepEqual(requests, [], 'no request after load');
  assert.deepEqual(workerRequests, [], 'no request from the worker either');
  assert.deepEqual(problems, []);
  await context.close();
});

test('markup and script in a shared link are shown as text and never run', async () => {
  const { page, context, problems } = await openPage(browser, server.url);
  const name = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
  const link = `${server.url}?v=1&p=document-processing&n=${encodeURIComponent(name)}&cur=${encodeURIComponent('<b>x')}`;
  await page.goto(link);
  await waitForChart(page, '[data-chart="breakeven"] .chart');
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.equal(await page.getByLabel('Scenario name').inputValue(), name);
  assert.equal(await page.locator('img[src="x"]').count(), 0, 'no element was made from the name');
  // The currency code is three characters at most: the longer value is refused with a notice.
  assert.match(await page.locator('[data-notice="link"]').textContent(), /org\.currency/);
  assert.deepEqual(problems, []);
  await context.close();
});
