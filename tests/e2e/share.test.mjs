// Sharing a scenario: copy its link and open it elsewhere, read a damaged link, keep the
// back button clean, save and compare scenarios, download every export, print.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { serve, launch, openPage, waitForChart, chartOption } from './support.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const ARTIFACTS = new URL('./.artifacts/', import.meta.url);
const SAVED_KEY = 'llm-tco:saved:v1';
const CHARTS = ['breakeven', 'tco', 'breakdown'];

async function ready(page, path = '') {
  await page.goto(server.url + path);
  for (const key of CHARTS) await waitForChart(page, `[data-chart="${key}"] .chart`);
}

/** Every series' name and data of every chart. */
async function chartData(page) {
  const charts = [];
  for (const key of CHARTS) {
    const option = await chartOption(page, `[data-chart="${key}"] .chart`);
    charts.push(option.series.map((s) => ({ name: s.name, data: s.data })));
  }
  return charts;
}

/** Every input's value and every result figure on the page, once the analyses have caught up. */
async function pageState(page) {
  await page.waitForFunction(() => document.querySelector('[data-panel="uncertainty"]')?.getAttribute('aria-busy') === 'false');
  return page.evaluate(() => ({
    inputs: [...document.querySelectorAll('[data-field]')].map((f) => {
      const el = f.querySelector('input[type=text], select, input[type=checkbox]');
      return [f.dataset.field, el ? (el.type === 'checkbox' ? String(el.checked) : el.value) : null];
    }),
    amounts: [...document.querySelectorAll('.card .amount')].map((e) => e.textContent),
    figures: [...document.querySelectorAll('[data-figure]')].map((e) => e.textContent),
    recommendation: document.querySelector('.decision h2')?.textContent,
  }));
}

test('copy link, open it in a new page: the same inputs, results and chart data', async () => {
  const { page, context, problems } = await openPage(browser, server.url);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url.replace(/\/$/, '') });
  await ready(page);
  await page.selectOption('#preset', 'coding-assistant');
  await page.getByLabel('Monthly requests', { exact: true }).fill('750000');
  await page.getByLabel('API model').selectOption('gpt-4o');
  await page.getByLabel('Peak to average').fill('2.5');
  await page.getByRole('button', { name: 'Copy link' }).click();
  await page.getByText('Link copied').waitFor();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(link, await page.evaluate(() => location.href));
  assert.match(link, /[?&]p=coding-assistant/);
  assert.match(link, /[?&]req=750000/);
  assert.doesNotMatch(link, /[?&]hrs=/, 'values equal to the preset are left out');
  const here = { state: await pageState(page), charts: await chartData(page) };

  const other = await context.newPage();
  await other.goto(link);
  for (const key of CHARTS) await waitForChart(other, `[data-chart="${key}"] .chart`);
  assert.deepEqual(await pageState(other), here.state);
  assert.deepEqual(await chartData(other), here.charts);
  assert.equal(await other.locator('[data-notice="link"]').count(), 0);
  // The message goes away by itself.
  await page.getByText('Link copied').waitFor({ state: 'detached', timeout: 8000 });
  assert.deepEqual(problems, []);
  await context.close();
});

test('a preset named in a hand-typed link shows that preset', async () => {
  const { page, context, problems } = await openPage(browser, server.url);
  await ready(page, '?p=regulated-healthcare');
  assert.equal(await page.getByLabel('Monthly requests', { exact: true }).inputValue(), '400,000');
  assert.equal(await page.locator('#preset').inputValue(), 'regulated-healthcare');
  assert.deepEqual(problems, []);
  await context.close();
});

test('without a clipboard the link is shown selected for copying by hand', async () => {
  const { page, context, problems } = await openPage(browser, server.url);
  await ready(page);
  await page.evaluate(() => Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true }));
  await page.getByRole('button', { name: 'Copy link' }).click();
  const field = page.locator('#share-link');
  await field.waitFor();
  assert.equal(await field.inputValue(), await page.evaluate(() => location.href));
  const selected = await page.evaluate(() => {
    const el = document.querySelector('#share-link');
    return document.activeElement === el && el.selectionStart === 0 && el.selectionEnd === el.value.length;
  });
  assert.ok(selected, 'the whole link is selected');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a link with bad and unknown keys names them; the notice can be dismissed', async () => {
  const { page, context, problems } = await openPage(browser, server.url);
  await ready(page, '?v=1&p=rag-knowledge-base&req=lots&colour=red&q=fp4&in=3000');
  const notice = page.locator('[data-notice="link"]');
  const text = await notice.textContent();
  for (const part of ['"req"', '"colour"', '"q"', 'unknown key']) assert.ok(text.includes(part), `${part} in ${text}`);
  // What was valid still applied, over the named preset.
  assert.equal(await page.getByLabel('Input tokens per request').inputValue(), '3000');
  assert.equal(await page.getByLabel('Monthly requests', { exact: true }).inputValue(), '800,000');
  await notice.getByRole('button', { name: 'Dismiss' }).click();
  assert.equal(await notice.count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test('moving the volume slider twenty times adds no history entries', async () => {
  const { page, context, problems } = await openPage(browser, server.url);
  await ready(page);
  const before = await page.evaluate(() => history.length);
  const slider = page.locator('[data-field="workload.monthly_requests"] input[type=range]');
  await slider.focus();
  const first = await page.evaluate(() => location.search);
  for (let i = 0; i < 20; i++) await page.keyboard.press(i % 3 === 2 ? 'ArrowLeft' : 'ArrowRight');
  await page.waitForFunction((f) => location.search !== f, first);
  assert.equal(await page.evaluate(() => history.length), before);
  assert.deepEqual(problems, []);
  await context.close();
});

test('saved scenarios survive a reload and compare side by side', async () => {
  const { page, context, problems } = await openPage(browser, server.url);
  await ready(page);
  const panel = page.locator('[data-panel="saved"]');
  if (!(await panel.evaluate((d) => d.open))) await panel.locator('summary').click();
  await page.locator('#save-name').fill('Docs at 1M');
  await panel.getByRole('button', { name: 'Save current scenario' }).click();
  await page.selectOption('#preset', 'customer-support-chatbot');
  await page.locator('#save-name').fill('Support bot');
  await panel.getByRole('button', { name: 'Save current scenario' }).click();
  await page.selectOption('#preset', 'startup-prototype');
  await page.locator('#save-name').fill('Throwaway');
  await panel.getByRole('button', { name: 'Save current scenario' }).click();

  await page.reload();
  await waitForChart(page, '[data-chart="breakeven"] .chart');
  const names = await page.locator('.saved-row .saved-name').allTextContents();
  assert.deepEqual(names, ['Docs at 1M', 'Support bot', 'Throwaway']);

  // Rename and delete.
  const third = page.locator('.saved-row').nth(2);
  await third.getByRole('button', { name: 'Rename' }).click();
  await third.locator('input[type=text]').fill('Prototype');
  await third.getByRole('button', { name: 'Done' }).click();
  assert.equal(await third.locator('.saved-name').textContent(), 'Prototype');
  await third.getByRole('button', { name: 'Delete' }).click();
  assert.equal(await page.locator('.saved-row').count(), 2);
  const stored = JSON.parse(await page.evaluate((k) => localStorage.getItem(k), SAVED_KEY));
  assert.deepEqual(stored.map((e) => e.name), ['Docs at 1M', 'Support bot']);

  // Open replaces the scenario.
  await page.locator('.saved-row').nth(1).getByRole('button', { name: 'Open' }).click();
  assert.equal(await page.getByLabel('Monthly requests', { exact: true }).inputValue(), '3,000,000');

  await page.getByLabel('Compare Docs at 1M').check();
  await page.getByLabel('Compare Support bot').check();
  await page.getByRole('button', { name: /Compare selected/ }).click();
  const table = page.locator('.compare-table');
  await table.waitFor();
  assert.deepEqual(await table.locator('thead th').allTextContents(), ['Result', 'Docs at 1M', 'Support bot']);
  assert.ok((await table.locator('tbody tr').count()) >= 9);
  await waitForChart(page, '[data-chart="compare"] .chart');
  const series = await page.evaluate(() => {
    const el = document.querySelector('[data-chart="compare"] .chart');
    const o = window.echarts.getInstanceByDom(el).getOption();
    return { names: o.series.map((s) => s.name), points: o.series.map((s) => s.data.length), log: o.xAxis[0].type };
  });
  assert.deepEqual(series.names, ['Docs at 1M · API', 'Docs at 1M · self-host', 'Support bot · API', 'Support bot · self-host']);
  assert.ok(series.points.every((n) => n > 10), JSON.stringify(series.points));
  assert.equal(series.log, 'log');
  await page.locator('[data-panel="saved"]').scrollIntoViewIfNeeded();
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.locator('[data-panel="saved"]').screenshot({ path: new URL('saved-compare.png', ARTIFACTS).pathname });
  assert.deepEqual(problems, []);
  await context.close();
});

test('damaged saved data is reported and skipped; the page keeps working', async () => {
  const { page, context, problems } = await openPage(browser, server.url);
  await ready(page);
  await page.evaluate((k) => localStorage.setItem(k, '{not json'), SAVED_KEY);
  await page.reload();
  await waitForChart(page, '[data-chart="breakeven"] .chart');
  const notice = page.locator('[data-notice="saved"]');
  assert.match(await notice.textContent(), /damaged/);
  await page.getByLabel('Monthly requests', { exact: true }).fill('2500000');
  assert.equal(await page.locator('[data-option=api] .amount').textContent(), '$27,189');

  // A list with one good entry, one of the wrong shape and one with a bad link.
  const good = { name: 'Good', query: 'v=1&p=coding-assistant&req=5000', saved_at: '2025-01-01T00:00:00.000Z' };
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [SAVED_KEY, JSON.stringify([good, { name: 3 }, { ...good, name: 'Bad', query: 'v=1&req=lots' }])]);
  await page.reload();
  await waitForChart(page, '[data-chart="breakeven"] .chart');
  assert.deepEqual(await page.locator('.saved-row .saved-name').allTextContents(), ['Good']);
  const text = await page.locator('[data-notice="saved"]').textContent();
  assert.match(text, /entry 2/);
  assert.match(text, /"Bad"/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('every export downloads what it says', async () => {
  const { page, context, problems } = await openPage(browser, server.url);
  await ready(page);
  const download = async (locator) => {
    const [file] = await Promise.all([page.waitForEvent('download'), locator.click()]);
    return readFileSync(await file.path());
  };
  const json = JSON.parse((await download(page.getByRole('button', { name: 'Download JSON' }))).toString('utf8'));
  const apiOnPage = await page.evaluate(() => {
    const el = document.querySelector('[data-chart="breakdown"] .chart');
    return el ? true : false;
  });
  assert.ok(apiOnPage);
  assert.equal(json.link, (await page.evaluate(() => location.search)).slice(1));
  assert.equal(json.scenario.workload.monthly_requests, 1000000);
  // Tokens: 1M x (2,000 x $3 + 300 x $15) / 1M = $10,500, plus $938.89 fixed.
  assert.equal(Math.round(json.report.options.api.monthly_usd), 11439);
  assert.equal(await page.locator('[data-option=api] .amount').textContent(), '$11,439');

  for (const key of CHARTS) {
    const card = page.locator(`[data-chart="${key}"]`);
    const csv = (await download(card.locator('[data-export=csv]'))).toString('utf8');
    const lines = csv.trimEnd().split('\r\n');
    await card.getByRole('button', { name: 'Show as table' }).click();
    const rows = await card.locator('tbody tr').count();
    const headers = await card.locator('thead th').allTextContents();
    await card.getByRole('button', { name: 'Show as chart' }).click();
    assert.equal(lines.length, rows + 1, `${key}: header plus one line per row`);
    assert.equal(lines[0], headers.map((h) => (/[",]/.test(h) ? `"${h.replaceAll('"', '""')}"` : h)).join(','));

    const png = await download(card.locator('[data-export=png]'));
    assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], `${key}: PNG`);
    const svg = (await download(card.locator('[data-export=svg]'))).toString('utf8');
    assert.match(svg, /^(<\?xml|<svg)/, `${key}: SVG`);
    assert.match(svg, /<path|<text/);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test('the printed report: title, results, charts and assumptions, no controls', async () => {
  const { page, context, problems } = await openPage(browser, server.url, { width: 900, height: 1200 });
  await ready(page, '?v=1&p=coding-assistant&n=Acme%20dev%20tools');
  // Built the first time the page is printed, not before.
  assert.equal(await page.locator('.print-head, .print-assumptions').count(), 0);
  await page.emulateMedia({ media: 'print' });
  // What the browser fires before it lays the page out for print (page.pdf below does too).
  await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
  await page.waitForTimeout(400);
  assert.ok(await page.locator('.print-head').isVisible());
  assert.match(await page.locator('.print-head h2').textContent(), /Acme dev tools/);
  assert.ok(await page.locator('.print-assumptions').isVisible());
  for (const hidden of ['.controls', '.inputs', '.saved', '.export']) {
    assert.equal(await page.locator(hidden).first().isVisible(), false, `${hidden} hidden in print`);
  }
  // Charts fit the page width.
  const fits = await page.evaluate(() => [...document.querySelectorAll('.chart canvas')].every((c) => c.getBoundingClientRect().right <= document.documentElement.clientWidth + 1));
  assert.ok(fits);
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: new URL('print.png', ARTIFACTS).pathname, fullPage: true });
  await page.pdf({ path: new URL('print.pdf', ARTIFACTS).pathname, format: 'A4' }).catch(() => {});
  assert.deepEqual(problems, []);
  await context.close();
});
