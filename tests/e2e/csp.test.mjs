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
  // A tooltip: ECharts writes it as HTML with style attributes.
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
  const { page, context, problems } = await open('?embed=1&theme=dark&accent=%230f766e&p=coding-assistant');
  await waitForChart(page, '.chart');
  assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--accent').trim()), '#0f766e');
  assert.deepEqual(await violations(page), []);
  assert.deepEqual(problems, []);
  await context.close();
});
