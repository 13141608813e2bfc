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
