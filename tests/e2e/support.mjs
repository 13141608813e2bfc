// Shared pieces of the end-to-end specs: a static server for dist/ on 127.0.0.1 and a
// headless Debian Chromium driven by playwright-core, recording console errors and
// failed or off-origin requests.
import { chromium } from 'playwright-core';
import { DIST, serve as serveStatic } from '../../scripts/bench/serve.mjs';

export { DIST };

/** Serves `root` on 127.0.0.1 at a free port, uncompressed; resolves to { url, close }. */
export function serve(root = DIST) {
  return serveStatic(root, { gzip: false });
}

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic',
];

export async function launch() {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/** The page asks for the optional site.json once; without one, its 404 is expected. */
export function isOptionalSiteJson(url) {
  return /\/site\.json(\?|$)/.test(url);
}

/**
 * Opens a page that records console errors, page errors, failed requests and requests
 * that leave `origin`. `options` go to the browser context (e.g. `colorScheme`).
 */
export async function openPage(browser, origin, viewport = { width: 1280, height: 900 }, options = {}) {
  const context = await browser.newContext({ viewport, ...options });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && !isOptionalSiteJson(m.location()?.url ?? '')) problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`failed: ${r.url()} ${r.failure()?.errorText}`));
  page.on('response', (r) => {
    if (r.status() >= 400 && !(r.status() === 404 && isOptionalSiteJson(r.url()))) problems.push(`http ${r.status()}: ${r.url()}`);
  });
  page.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:')) problems.push(`off-origin: ${u}`);
  });
  return { page, context, problems };
}

/**
 * Waits until the page has built all its parts: it builds them one task at a time after
 * the first screen, and marks its root `aria-busy="false"` when the last is in.
 */
export async function pageBuilt(page) {
  await page.waitForFunction(() => document.getElementById('app')?.getAttribute('aria-busy') === 'false', null, { timeout: 15000 });
}

/**
 * Brings the chart element `selector` on screen (the page draws only charts near the
 * visible part, and a chart further away keeps its last drawing), waits until it holds a
 * drawn ECharts canvas, then lets the page finish the frame. `page` may be a frame.
 */
export async function waitForChart(page, selector) {
  await pageBuilt(page);
  await page.locator(selector).first().scrollIntoViewIfNeeded();
  await page.waitForFunction((sel) => {
    const el = document.querySelector(sel);
    return !!(el && window.echarts && window.echarts.getInstanceByDom(el) && el.querySelector('canvas'));
  }, selector, { timeout: 15000 });
  await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(ok, 0)))));
}

/** The current option of the chart element `selector`, as plain JSON (see waitForChart). */
export async function chartOption(page, selector) {
  await waitForChart(page, selector);
  return page.evaluate((sel) => {
    const el = document.querySelector(sel);
    return JSON.parse(JSON.stringify(window.echarts.getInstanceByDom(el).getOption()));
  }, selector);
}
