import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage, waitForChart } from './support.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test('the page loads and charming draws a chart, with a clean console and no failed requests', async () => {
  const { page, context, problems } = await openPage(browser, server.url);
  await page.goto(server.url);
  await waitForChart(page, '.chart');
  const option = await page.evaluate(() => {
    const inst = window.echarts.getInstanceByDom(document.querySelector('.chart'));
    return inst.getOption();
  });
  assert.ok(option.series.length >= 1, 'the chart has series');
  assert.deepEqual(problems, []);
  await context.close();
});

test('when the calculator cannot start, a notice under the static header says so', async () => {
  const { page, context } = await openPage(browser, server.url);
  // The wasm is missing, as during a deployment half done.
  await page.route(/_bg\.wasm$/, (route) => route.fulfill({ status: 404, body: 'not found' }));
  await page.goto(server.url);
  const notice = page.locator('[data-notice="start"]');
  await notice.waitFor({ timeout: 10000 });
  assert.equal(await notice.getAttribute('role'), 'alert');
  assert.match(await notice.textContent(), /^The calculator could not start \(the calculator's code answered HTTP 404\)\. Reload the page;/);
  // The static header stays on screen above it.
  assert.ok(await page.locator('#boot-top h1').isVisible());
  await context.close();
});
