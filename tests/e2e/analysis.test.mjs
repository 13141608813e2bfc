// The analysis section: flip points, the tornado and the Monte Carlo histogram render
// and follow the inputs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage, waitForChart, chartOption } from './support.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

function option(page, key) {
  return chartOption(page, `[data-chart="${key}"] .chart`);
}

test('the tornado and the savings histogram render and update with the inputs', async () => {
  const { page, context, problems } = await openPage(browser, server.url);
  await page.goto(server.url);
  await waitForChart(page, '[data-chart="tornado"] .chart');
  await page.waitForSelector('[data-figure="probability"]');
  await waitForChart(page, '[data-chart="histogram"] .chart');

  const flip = await page.locator('[data-flip="workload.monthly_requests"]').textContent();
  // The same figure as `tco eval` of the default scenario (flip_points.volume); the owned
  // servers' power follows the hours they serve, so it moved from 619,855 to 619,541.
  assert.match(flip, /619,541 requests a month/);

  const tornado = await option(page, 'tornado');
  assert.equal(tornado.yAxis[0].data.length, 14);
  const histogram = await option(page, 'histogram');
  const shares = histogram.series.flatMap((s) => s.data.map((v) => (typeof v === 'number' ? v : 0)));
  const total = shares.reduce((a, b) => a + b, 0);
  assert.ok(Math.abs(total - 100) < 1.5, `shares add up to 100%: ${total}`);
  const probability = await page.locator('[data-figure="probability"]').textContent();

  // At a tenth of the volume the API wins almost always.
  await page.getByLabel('Monthly requests', { exact: true }).fill('100000');
  await page.waitForFunction((p) => {
    const el = document.querySelector('[data-figure="probability"]');
    return el && el.textContent !== p;
  }, probability);
  const after = await page.locator('[data-figure="probability"]').textContent();
  assert.equal(after, '0%');
  const tornadoAfter = await option(page, 'tornado');
  assert.notDeepEqual(tornadoAfter.series[0].data, tornado.series[0].data);
  assert.notDeepEqual((await option(page, 'histogram')).xAxis[0].data, histogram.xAxis[0].data);
  assert.match(await page.locator('[data-flip="workload.monthly_requests"]').textContent(), /today 100,000/);
  assert.deepEqual(problems, []);
  await context.close();
});
