// The calculator as a visitor uses it: type, switch presets, make mistakes, click the
// chart, resize the window.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { serve, launch, openPage, waitForChart, chartOption as optionOf } from './support.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const ARTIFACTS = new URL('./.artifacts/', import.meta.url);

/** The option of the chart in the card `key`. */
function chartOption(page, key) {
  return optionOf(page, `[data-chart="${key}"] .chart`);
}

/** Every x value of every vertical mark line in a chart option. */
function markLineXs(option) {
  const xs = [];
  for (const s of option.series) {
    for (const d of s.markLine?.data ?? []) {
      const item = Array.isArray(d) ? d[0] : d;
      if (item && item.xAxis !== undefined) xs.push(Number(item.xAxis));
    }
  }
  return xs;
}

async function ready(page, path = '') {
  await page.goto(server.url + path);
  await waitForChart(page, '[data-chart="breakeven"] .chart');
}

test('typing a volume changes the summary and moves the current-volume marker', async () => {
  const { page, context, problems } = await openPage(browser, server.url);
  await ready(page);
  const requests = page.getByLabel('Monthly requests', { exact: true });
  const apiCost = page.locator('[data-option=api] .amount');
  const before = await apiCost.textContent();
  assert.ok(markLineXs(await chartOption(page, 'breakeven')).includes(1_000_000));
  await requests.fill('2500000');
  await page.waitForFunction((b) => document.querySelector('[data-option=api] .amount').textContent !== b, before);
  // Tokens: 2.5M x (2,000 x $3 + 300 x $15) / 1M = $26,250, plus $938.89 fixed.
  assert.equal(await apiCost.textContent(), '$27,189');
  assert.ok(markLineXs(await chartOption(page, 'breakeven')).includes(2_500_000));
  assert.deepEqual(problems, []);
  await context.close();
});

test('the chart being watched redraws on every input; one mostly off screen catches up once typing pauses', async () => {
  const { page, context, problems } = await openPage(browser, server.url);
  await ready(page);
  await waitForChart(page, '[data-chart="tco"] .chart');
  // The breakeven chart in the middle of the screen: the cumulative-cost chart below it
  // shows only its top, less than half of it.
  const tcoShown = await page.evaluate(() => {
    document.querySelector('[data-chart="breakeven"] .chart').scrollIntoView({ block: 'center' });
    const r = document.querySelector('[data-chart="tco"] .chart').getBoundingClientRect();
    return (Math.min(r.bottom, innerHeight) - Math.max(r.top, 0)) / r.height;
  });
  assert.ok(tcoShown > 0 && tcoShown < 0.5, `the cumulative-cost chart shows ${tcoShown} of itself`);
  // The screen's observers report the new view in a task of their own.
  await page.waitForTimeout(300);
  // Read where it is: chartOption() would scroll the chart into view.
  const lastApi = () => page.evaluate(() => {
    const el = document.querySelector('[data-chart="tco"] .chart');
    return window.echarts.getInstanceByDom(el).getOption().series[0].data.at(-1)[1];
  });
  const before = await lastApi();
  // One input, read two frames later (well within the 250 ms pause).
  const [todayMark, tcoNow] = await page.evaluate(async () => {
    const input = document.querySelector('#f-workload-monthly_requests');
    input.value = '2500000';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
    const option = (sel) => window.echarts.getInstanceByDom(document.querySelector(sel)).getOption();
    const marks = option('[data-chart="breakeven"] .chart').series.flatMap((s) => s.markLine?.data ?? []);
    return [marks.map((m) => m.xAxis), option('[data-chart="tco"] .chart').series[0].data.at(-1)[1]];
  });
  assert.ok(todayMark.includes(2_500_000), `breakeven marks at ${todayMark}`);
  assert.equal(tcoNow, before, 'the partly shown chart waits for the pause');
  // After the pause, the API's cash over 36 months: tokens 2.5M x $0.0105 = $26,250 and
  // 0.05 FTE x $16,000 = $800 a month, 36 x $27,050 = $973,800, plus the $5,000
  // implementation paid once: $978,800 (at 1M it was 36 x $11,300 + $5,000 = $411,800).
  await page.waitForFunction((b) => {
    const el = document.querySelector('[data-chart="tco"] .chart');
    return window.echarts.getInstanceByDom(el).getOption().series[0].data.at(-1)[1] !== b;
  }, before, { timeout: 5000 });
  assert.equal(before, 411800);
  assert.equal(await lastApi(), 978800);
  assert.deepEqual(problems, []);
  await context.close();
});

/**
 * Records, from now on, the hidden warm-up copies the page adds and removes and the
 * `setOption` calls each gets (with the most points any of its series had).
 */
function watchWarmUps(page) {
  return page.evaluate(() => {
    const log = { added: 0, removed: 0, updates: 0, mostPoints: 0, onScreenNow: [] };
    window.__warmUps = log;
    new MutationObserver((list) => {
      for (const m of list) {
        for (const n of m.addedNodes) if (n.classList?.contains('chart-warm-up')) log.added++;
        for (const n of m.removedNodes) if (n.classList?.contains('chart-warm-up')) log.removed++;
      }
    }).observe(document.body, { childList: true });
    const proto = Object.getPrototypeOf(window.echarts.getInstanceByDom(document.querySelector('.chart')));
    const setOption = proto.setOption;
    proto.setOption = function (option, opts) {
      if (this.getDom().classList.contains('chart-warm-up')) {
        log.updates++;
        for (const s of option.series ?? []) log.mostPoints = Math.max(log.mostPoints, s.data?.length ?? 0);
      }
      return setOption.call(this, option, opts);
    };
  });
}

test('focusing the inputs warms the chart library on a hidden copy of the chart on screen, once', async () => {
  const { page, context, problems } = await openPage(browser, server.url);
  await ready(page);
  await page.evaluate(() => document.querySelector('[data-chart="breakeven"] .chart').scrollIntoView({ block: 'center' }));
  await watchWarmUps(page);
  // The breakeven chart is the only one at least half on screen: ten updates of its
  // copy, each with at most ten points a series, then the copy is gone.
  await page.focus('#f-workload-monthly_requests');
  await page.waitForFunction(() => window.__warmUps.removed === 1, null, { timeout: 5000 });
  let log = await page.evaluate(() => ({ ...window.__warmUps }));
  assert.equal(log.added, 1);
  assert.equal(log.updates, 10);
  assert.ok(log.mostPoints > 0 && log.mostPoints <= 10, `a series of the copy had ${log.mostPoints} points`);
  assert.equal(await page.locator('.chart-warm-up').count(), 0);
  // Once per page: focusing another field does not start it again.
  await page.focus('#f-workload-input_tokens_per_request');
  await page.waitForTimeout(300);
  log = await page.evaluate(() => ({ ...window.__warmUps }));
  assert.equal(log.added, 1);
  assert.equal(log.updates, 10);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the warm-up stops at the first input, and does not start with no chart on screen', async () => {
  const { page, context, problems } = await openPage(browser, server.url);
  await ready(page);
  await watchWarmUps(page);
  // At the top of the page the charts are below the screen: focusing starts nothing.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(100);
  await page.focus('#f-workload-input_tokens_per_request');
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => window.__warmUps.added), 0);
  // With the chart on screen, an input right after the focus: the copy goes before any
  // update, and the input redraws the chart itself.
  const log = await page.evaluate(async () => {
    document.querySelector('[data-chart="breakeven"] .chart').scrollIntoView({ block: 'center' });
    await new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
    const input = document.querySelector('#f-workload-monthly_requests');
    input.focus({ preventScroll: true });
    input.value = '2500000';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise((ok) => setTimeout(ok, 300));
    const marks = window.echarts.getInstanceByDom(document.querySelector('[data-chart="breakeven"] .chart'))
      .getOption().series.flatMap((s) => s.markLine?.data ?? []).map((m) => m.xAxis);
    return { ...window.__warmUps, marks };
  });
  assert.equal(log.added, 1);
  assert.equal(log.removed, 1);
  assert.equal(log.updates, 0);
  assert.ok(log.marks.includes(2_500_000), `breakeven marks at ${log.marks}`);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a marker line that stops applying leaves the chart; later inputs move the rest in place', async () => {
  const { page, context, problems } = await openPage(browser, server.url);
  await ready(page);
  const marksOf = (option, name) => markLineXs({ series: option.series.filter((s) => s.name === name) });
  const before = await chartOption(page, 'breakeven');
  assert.equal(before.series.length, 4);
  assert.equal(marksOf(before, 'Rented GPUs').length, 1);
  assert.equal(marksOf(before, 'Owned GPUs').length, 1);
  // At $1,000 a GPU-hour the rented fleet costs more than the API at every volume: its
  // breakeven marker goes (the series change shape, so they are replaced).
  await page.getByLabel('GPU hour price', { exact: true }).fill('1000');
  await page.waitForFunction(() => {
    const o = window.echarts.getInstanceByDom(document.querySelector('[data-chart="breakeven"] .chart')).getOption();
    return (o.series.find((s) => s.name === 'Rented GPUs').markLine?.data?.length ?? 0) === 0;
  }, null, { timeout: 5000 });
  // A new volume keeps that shape (merged in place): today's marker moves from 1,000,000
  // to 2,500,000, the owned breakeven stays, and the rented marker does not come back.
  await page.getByLabel('Monthly requests', { exact: true }).fill('2500000');
  await page.waitForFunction(() => {
    const o = window.echarts.getInstanceByDom(document.querySelector('[data-chart="breakeven"] .chart')).getOption();
    return o.series.some((s) => (s.markLine?.data ?? []).some((d) => d.xAxis === 2_500_000));
  }, null, { timeout: 5000 });
  const after = await chartOption(page, 'breakeven');
  assert.equal(after.series.length, 4);
  assert.deepEqual(marksOf(after, 'Rented GPUs'), []);
  assert.deepEqual(marksOf(after, 'Cloud API'), [2_500_000]);
  assert.deepEqual(marksOf(after, 'Owned GPUs'), marksOf(before, 'Owned GPUs'));
  assert.equal(markLineXs(after).length, 2);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a preset replaces the inputs; reset returns to it', async () => {
  const { page, context, problems } = await openPage(browser, server.url);
  await ready(page);
  await page.selectOption('#preset', 'customer-support-chatbot');
  const requests = page.getByLabel('Monthly requests', { exact: true });
  assert.equal(await requests.inputValue(), '3,000,000');
  assert.equal(await page.getByLabel('API model').inputValue(), 'gpt-4o');
  await requests.fill('42');
  await page.getByRole('button', { name: 'Reset', exact: true }).click();
  assert.equal(await requests.inputValue(), '3,000,000');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a bad value shows what is allowed while the last results stay', async () => {
  const { page, context, problems } = await openPage(browser, server.url);
  await ready(page);
  const apiCost = await page.locator('[data-option=api] .amount').textContent();
  const optionBefore = await chartOption(page, 'breakeven');
  await page.getByLabel('Peak to average').fill('0.2');
  const error = page.locator('[data-field="workload.peak_to_average"] .error');
  assert.equal(await error.textContent(), 'Peak to average: must be a number from 1 to 100.');
  await page.getByLabel('Monthly requests', { exact: true }).fill('lots');
  assert.match(await page.locator('[data-field="workload.monthly_requests"] .error').textContent(), /must be a number from 0 to/);
  assert.equal(await page.locator('[data-option=api] .amount').textContent(), apiCost);
  assert.ok(await page.locator('.stale-note').isVisible());
  assert.deepEqual(markLineXs(await chartOption(page, 'breakeven')), markLineXs(optionBefore));
  assert.deepEqual(problems, []);
  await context.close();
});

test('clicking the breakeven chart sets the monthly volume', async () => {
  const { page, context, problems } = await openPage(browser, server.url);
  await ready(page);
  const requests = page.getByLabel('Monthly requests', { exact: true });
  const before = await requests.inputValue();
  const chart = page.locator('[data-chart="breakeven"] .chart');
  await chart.scrollIntoViewIfNeeded();
  const box = await chart.boundingBox();
  await page.mouse.click(box.x + box.width * 0.3, box.y + box.height * 0.5);
  await page.waitForFunction((b) => document.querySelector('[data-field="workload.monthly_requests"] input[type=text]').value !== b, before);
  const after = Number((await requests.inputValue()).replaceAll(',', ''));
  assert.ok(after > 0 && after < 1_000_000, `a click left of today lowers the volume (got ${after})`);
  assert.ok(markLineXs(await chartOption(page, 'breakeven')).includes(after));
  assert.deepEqual(problems, []);
  await context.close();
});

test('charts follow the window size and show their tables', async () => {
  const { page, context, problems } = await openPage(browser, server.url);
  await ready(page);
  const width = () => page.evaluate(() => window.echarts.getInstanceByDom(document.querySelector('[data-chart="breakeven"] .chart')).getWidth());
  const wide = await width();
  await page.setViewportSize({ width: 600, height: 900 });
  await page.waitForFunction((w) => window.echarts.getInstanceByDom(document.querySelector('[data-chart="breakeven"] .chart')).getWidth() < w, wide);
  assert.ok((await width()) < wide);
  const card = page.locator('[data-chart="tco"]');
  await card.getByRole('button', { name: 'Show as table' }).click();
  const rows = await card.locator('tbody tr').count();
  assert.equal(rows, 36, 'one row per month of the 36-month horizon');
  assert.deepEqual(problems, []);
  await context.close();
});

test('screenshots at phone and desktop widths, light and dark', async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  for (const [w, h] of [[390, 844], [1280, 900]]) {
    for (const scheme of ['light', 'dark']) {
      const context = await browser.newContext({ viewport: { width: w, height: h }, colorScheme: scheme });
      const page = await context.newPage();
      await ready(page);
      await page.waitForTimeout(300);
      await page.screenshot({ path: new URL(`calculator-${w}-${scheme}.png`, ARTIFACTS).pathname, fullPage: true });
      await context.close();
    }
  }
});

test('series of an option that cannot run are emptied, not left behind', async () => {
  const { page, context, problems } = await openPage(browser, server.url);
  await ready(page);
  const dataOf = async () => Object.fromEntries((await chartOption(page, 'breakeven')).series.map((s) => [s.name, (s.data ?? []).length]));
  const before = await dataOf();
  assert.ok(before['Rented GPUs'] > 10, 'the rented staircase is drawn');
  // Llama 3.1 405B at FP16 needs about 810 GB of weights: no replica of at most 8 L4s holds it.
  await page.getByLabel('Open model').selectOption('llama-3.1-405b');
  await page.getByLabel('Quantization').selectOption('fp16');
  await page.getByLabel('GPU', { exact: true }).selectOption('l4');
  await page.waitForFunction(() => document.querySelector('[data-option=rented] .detail').textContent.includes('does not fit'));
  const after = await dataOf();
  assert.equal(after['Rented GPUs (does not fit)'], 0);
  assert.equal(after['Rented GPUs'], undefined, 'the old series is gone');
  assert.ok(after['Cloud API'] > 10);
  assert.deepEqual(problems, []);
  await context.close();
});
