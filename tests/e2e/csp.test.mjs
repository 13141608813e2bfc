// The built page under its own Content-Security-Policy: the <meta> policy that
// scripts/csp.mjs writes into dist/index.html is in force, and using the page breaks none
// of it (no `securitypolicyviolation` events, no refusals in the console).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, serve, launch, openPage, waitForChart } from './support.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** Opens `path` with violations recorded from before the first script runs. */
async function open(path) {
  const opened = await openPage(browser, server.url);
  await opened.page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__violations.push(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber} ${e.sample}`);
    });
  });
  await opened.page.goto(server.url + path);
  return opened;
}

const violations = (page) => page.evaluate(() => window.__violations);

/**
 * Opens a tooltip on every drawn chart (as hovering a point does) and describes each: its
 * text, whether it shows inside the chart's box, and whether the colour markers ECharts
 * writes into it as inline style attributes got their size.
 */
function showEveryTooltip(page) {
  return page.evaluate(async () => {
    const frame = () => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 50)));
    const found = [];
    for (const el of document.querySelectorAll('[data-chart] .chart')) {
      const chart = window.echarts.getInstanceByDom(el);
      if (!chart || !el.getClientRects().length) continue;
      el.scrollIntoView({ block: 'center' });
      await frame();
      const key = el.closest('[data-chart]').dataset.chart;
      let tip = null;
      const series = chart.getOption().series.length;
      for (let s = 0; s < series && !tip; s++) {
        for (let i = 0; i < 4 && !tip; i++) {
          chart.dispatchAction({ type: 'showTip', seriesIndex: s, dataIndex: i });
          await frame();
          tip = [...el.querySelectorAll('div')].find((d) => d.style.zIndex === '9999999' && d.style.display !== 'none' && d.textContent.trim());
        }
      }
      if (!tip) { found.push({ key, shown: false }); continue; }
      const box = el.getBoundingClientRect();
      const r = tip.getBoundingClientRect();
      const marker = tip.querySelector('span');
      found.push({
        key,
        shown: getComputedStyle(tip).visibility !== 'hidden' && Number(getComputedStyle(tip).opacity) > 0 && r.width > 0 && r.height > 0,
        inside: r.left < box.right && r.right > box.left && r.top < box.bottom && r.bottom > box.top,
        marker: marker ? marker.getBoundingClientRect().width : null,
        heading: tip.innerText.split('\n')[0].trim(),
      });
      chart.dispatchAction({ type: 'hideTip' });
    }
    return found;
  });
}

test('dist carries the policy in a meta tag and in _headers', () => {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const meta = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/);
  assert.ok(meta, 'index.html has a CSP meta tag');
  const policy = meta[1];
  for (const part of ["default-src 'self'", "'wasm-unsafe-eval'", "'sha256-", "object-src 'none'", "base-uri 'none'", "connect-src 'self'", "worker-src 'self'"]) {
    assert.ok(policy.includes(part), `policy has ${part}: ${policy}`);
  }
  assert.ok(!/script-src[^;]*'unsafe-inline'/.test(policy), 'no unsafe-inline scripts');
  assert.ok(!policy.includes('frame-ancestors'), 'frame-ancestors is ignored in a meta tag, so it is not there');
  assert.ok(html.indexOf('Content-Security-Policy') < html.indexOf('<script'), 'the policy comes before any script');
  const headers = readFileSync(join(DIST, '_headers'), 'utf8');
  assert.ok(headers.includes(`Content-Security-Policy: ${policy}; frame-ancestors `), headers);
});

test('using the full page breaks no part of the policy', async () => {
  const { page, context, problems } = await open('');
  await waitForChart(page, '[data-chart="breakeven"] .chart');
  await page.getByLabel('Monthly requests', { exact: true }).fill('2500000');
  await page.selectOption('#preset', 'customer-support-chatbot');
  await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
  for (const key of ['breakeven', 'tco', 'breakdown', 'interactivity', 'tornado', 'histogram']) await waitForChart(page, `[data-chart="${key}"] .chart`);
  // Every chart's tooltip: ECharts writes it as HTML with style attributes.
  const tips = await showEveryTooltip(page);
  assert.deepEqual(tips.map((t) => t.key), ['breakeven', 'tco', 'breakdown', 'interactivity', 'tornado', 'histogram']);
  for (const t of tips) {
    assert.ok(t.shown && t.inside, `the ${t.key} tooltip shows over its chart: ${JSON.stringify(t)}`);
    assert.ok(t.marker > 0, `the ${t.key} tooltip's colour marker is styled: ${JSON.stringify(t)}`);
  }
  // The heading names the axis value in whole units: requests, months.
  for (const t of tips.filter((x) => ['breakeven', 'tco'].includes(x.key))) {
    assert.match(t.heading, /^\d{1,3}(,\d{3})*$/, `the ${t.key} tooltip's heading: ${JSON.stringify(t)}`);
  }
  assert.deepEqual(await violations(page), [], 'tooltips break no part of the policy');
  // And one by the mouse.
  const chart = page.locator('[data-chart="breakeven"] .chart');
  const box = await chart.boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.move(box.x + box.width / 2 + 20, box.y + box.height / 2);
  await page.waitForTimeout(300);
  // Each click renames its button, so always take the first one left.
  const toTable = page.getByRole('button', { name: 'Show as table' });
  while (await toTable.count()) await toTable.first().click();
  await page.getByRole('button', { name: /^Theme/ }).click();
  await page.getByRole('button', { name: 'Embed' }).click();
  await page.waitForSelector('dialog[open]');
  await page.getByRole('button', { name: 'Close' }).click();
  for (const b of await page.getByRole('button', { name: /^(Export|Download|Copy)/ }).all()) {
    if (await b.isVisible()) await b.click();
  }
  // The offline service worker registered under the policy.
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForTimeout(200);
  assert.deepEqual(await violations(page), []);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the embed with an accent colour breaks no part of the policy', async () => {
  const { page, context, problems } = await open('?embed=1&theme=light&accent=%230f766e&p=coding-assistant');
  await waitForChart(page, '.chart');
  assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--accent').trim()), '#0f766e');
  assert.deepEqual(await violations(page), []);
  assert.deepEqual(problems, []);
  await context.close();
});
