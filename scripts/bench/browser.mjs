// In-page timings in headless Chromium against the release build: when the first chart
// is drawn, and how long an input takes to reach the charts. Both come from the User
// Timing entries the app writes (src/ui/perf.rs), so they measure the page's own work,
// not the driver's round trips.
import { chromium } from 'playwright-core';

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic',
];

const INPUT = 'llm-tco:input';
const REDRAW = 'llm-tco:redraw';
const FIRST_CHART = 'llm-tco:first-chart';
/** How many of the first inputs are reported apart as the warm-up (still in every total). */
const WARM_UP = 10;
/** From focusing "Monthly requests" to the first change, a reader's pause. */
const FOCUS_TO_TYPING_MS = 500;
/** Written by the page around a 10,000-sample Monte Carlo run, once it has one. */
export const MONTE_CARLO = 'llm-tco:monte-carlo';

const median = (xs) => percentile(xs, 50);
function percentile(xs, p) {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const rank = (p / 100) * (s.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return s[lo] + (s[hi] - s[lo]) * (rank - lo);
}

/** Navigation to the first drawn chart, over `loads` cold loads (fresh context each). */
async function firstChart(browser, url, loads) {
  const times = [];
  let firstResults = [];
  let monteCarlo = null;
  for (let i = 0; i < loads; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(url);
    const t = await page.waitForFunction(
      (name) => performance.getEntriesByName(name)[0]?.startTime, FIRST_CHART, { timeout: 30000 },
    );
    times.push(await t.jsonValue());
    firstResults.push(await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null));
    // The run starts once the analysis panel is built, after the first chart: wait for
    // it (on the first load that has none yet) rather than sample whatever has finished.
    if (monteCarlo == null) {
      await page.waitForFunction((name) => performance.getEntriesByName(name).length > 0, MONTE_CARLO, { timeout: 15000 }).catch(() => {});
    }
    const mc = await page.evaluate((name) => performance.getEntriesByName(name).map((e) => e.duration), MONTE_CARLO);
    if (mc.length) monteCarlo = Math.max(monteCarlo ?? 0, ...mc);
    await context.close();
  }
  firstResults = firstResults.filter((x) => x != null);
  return { first_chart_ms: median(times), first_chart_runs_ms: times, fcp_ms: median(firstResults), monte_carlo_ms: monteCarlo };
}

/**
 * Scrolls the breakeven chart into view, types `changes` different values into "Monthly
 * requests", one per task, and collects the redraw measures: per input, the time until
 * the last chart on screen had its setOption return.
 */
async function inputToRedraw(browser, url, changes) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction((name) => performance.getEntriesByName(name).length > 0, FIRST_CHART, { timeout: 30000 });
  // Typing starts once the page is built (its root is no longer busy).
  await page.waitForSelector('#app[aria-busy="false"]', { timeout: 30000 });
  // A reader watching the breakeven chart while changing the volume: the inputs stay
  // beside it in their sticky panel. Only charts on screen redraw on an input.
  await page.evaluate(() => new Promise((ok) => {
    document.querySelector('[data-chart="breakeven"] .chart').scrollIntoView({ block: 'center' });
    requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(ok, 100)));
  }));
  const result = await page.evaluate(async ({ changes, INPUT, REDRAW, FOCUS_TO_TYPING_MS }) => {
    const input = document.querySelector('#f-workload-monthly_requests');
    if (!input) throw new Error('no "Monthly requests" input');
    const byInput = new Map();
    const observer = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (e.name !== REDRAW) continue;
        byInput.set(e.startTime, Math.max(byInput.get(e.startTime) ?? 0, e.duration));
      }
    });
    observer.observe({ type: 'measure' });
    const frame = () => new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 0)));
    // A reader clicks into the field, then types: the first keystroke comes a moment
    // after the focus.
    input.focus({ preventScroll: true });
    await new Promise((ok) => setTimeout(ok, FOCUS_TO_TYPING_MS));
    for (let i = 0; i < changes; i++) {
      // Alternate across the breakeven range so every change moves every chart.
      const value = 200000 + ((i * 7919) % 100) * 47000 + i;
      input.value = String(value);
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await frame();
    }
    await frame();
    observer.takeRecords().forEach((e) => {
      if (e.name === REDRAW) byInput.set(e.startTime, Math.max(byInput.get(e.startTime) ?? 0, e.duration));
    });
    observer.disconnect();
    return { durations: [...byInput.values()], inputs: performance.getEntriesByName(INPUT).length };
  }, { changes, INPUT, REDRAW, FOCUS_TO_TYPING_MS });
  await context.close();
  // In the order typed (the map keeps each input's first measure in place).
  const d = result.durations;
  const warm = d.slice(0, WARM_UP);
  const steady = d.slice(WARM_UP);
  return {
    samples: d.length, p50_ms: percentile(d, 50), p95_ms: percentile(d, 95), max_ms: d.length ? Math.max(...d) : null,
    // The same samples split: the first inputs after a load run ECharts' update code
    // before the JavaScript engine has compiled it, the rest show the settled cost.
    first_ms: d[0] ?? null,
    warm_up: { samples: warm.length, p50_ms: percentile(warm, 50), max_ms: warm.length ? Math.max(...warm) : null },
    settled: { samples: steady.length, p50_ms: percentile(steady, 50), p95_ms: percentile(steady, 95) },
  };
}

export async function browser(url, { loads = 5, changes = 120 } = {}) {
  const b = await chromium.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const first = await firstChart(b, url, loads);
    const redraw = await inputToRedraw(b, url, changes);
    return { ...first, input_to_redraw: redraw };
  } finally {
    await b.close();
  }
}
