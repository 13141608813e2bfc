import { serve, launch, openPage, waitForChart } from './support.mjs';
const server = await serve(); const browser = await launch();
const { page, context } = await openPage(browser, server.url);
await page.goto(server.url);
await waitForChart(page, '[data-chart="breakeven"] .chart');
await page.evaluate(() => { window.__long = []; new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push(Math.round(e.duration)); }).observe({ type: 'longtask', buffered: false }); });
for (const file of ['/tmp/litellm_49mb.csv', '/tmp/litellm_49mb.csv']) {
  await page.evaluate(() => { window.__long = []; document.querySelector('[data-import="summary"]')?.remove(); });
  const t0 = Date.now();
  await page.locator('input[data-import="file"]').setInputFiles(file);
  const t1 = Date.now();
  await page.locator('[data-import="status"], .import__status').first().waitFor({ timeout: 60000 }).catch(() => {});
  const t2 = Date.now();
  await page.locator('[data-import="summary"]').waitFor({ timeout: 120000 });
  const t3 = Date.now();
  console.log(JSON.stringify({ handOver: t1 - t0, readingShown: t2 - t1, summary: t3 - t1, longTasks: await page.evaluate(() => window.__long) }));
}
const err = await page.locator('[data-import="error"]').count();
console.log('error?', err);
await context.close(); await browser.close(); await server.close();
