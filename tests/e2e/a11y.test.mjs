// Accessibility: axe-core over the full page and the embed, light and dark, with every
// group, "more" section and table view open; then the page by keyboard alone. The page's
// CSP would refuse the injected axe script, so these contexts bypass it (csp.test.mjs
// checks the policy).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { serve, launch, openPage, waitForChart } from './support.mjs';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
// WCAG 2.2 A and AA plus axe's best practices (landmarks, heading order, region).
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** Runs axe on the page; resolves to its violations as readable lines. */
async function violations(page) {
  await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(async (tags) => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary.replace(/\s+/g, ' ')}`),
    }));
  }, TAGS);
  return result.flatMap((v) => v.nodes.map((n) => `[${v.impact}] ${v.id} (${v.help}) at ${n}`));
}

/** Opens every folded part and switches every chart to its table. */
async function unfoldEverything(page) {
  await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
  // Each click renames its button, so always take the first one left.
  const toTable = page.getByRole('button', { name: 'Show as table' });
  while (await toTable.count()) await toTable.first().click();
  await page.waitForSelector('.chart-card table');
}

/** Runs axe as the page is drawn, then with every group and detail unfolded: nothing found. */
async function assertNoViolations(page) {
  const drawn = await violations(page);
  await unfoldEverything(page);
  const unfolded = await violations(page);
  const found = [...new Set([...drawn, ...unfolded])];
  assert.deepEqual(found, [], `${found.length} violations:\n${found.join('\n')}`);
}

for (const scheme of ['light', 'dark']) {
  for (const [name, path, chart] of [
    ['full page', '', '[data-chart="breakeven"] .chart'],
    ['embed', `?embed=1&theme=${scheme}`, '.chart'],
  ]) {
    test(`axe finds nothing on the ${name}, ${scheme}`, async () => {
      const { page, context, problems } = await openPage(browser, server.url, { width: 1280, height: 900 }, { colorScheme: scheme, bypassCSP: true });
      await page.goto(server.url + path);
      await waitForChart(page, chart);
      await assertNoViolations(page);
      assert.deepEqual(problems, []);
      await context.close();
    });
  }
}

const accentOf = (page) => page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--accent').trim());

// A link's accent that reads too faintly on the theme is darkened (light) or lightened
// (dark) until it has 4.5:1 everywhere it is used, and a notice says what was used.
for (const [scheme, requested, used] of [['light', '#ffff00', '#737300'], ['dark', '#000080', '#8787c3']]) {
  for (const [name, path, chart] of [
    ['full page', `?accent=%23${requested.slice(1)}&theme=${scheme}`, '[data-chart="breakeven"] .chart'],
    ['embed', `?embed=1&accent=%23${requested.slice(1)}&theme=${scheme}`, '.chart'],
  ]) {
    test(`a low-contrast accent ${requested} on the ${scheme} ${name} is adjusted, with a notice, and axe finds nothing`, async () => {
      const { page, context, problems } = await openPage(browser, server.url, { width: 1280, height: 900 }, { bypassCSP: true });
      await page.goto(server.url + path);
      await waitForChart(page, chart);
      assert.equal(await accentOf(page), used);
      const notice = page.locator('[data-notice="accent"]');
      assert.equal(
        (await notice.locator('li').textContent()).replace(/\s+/g, ' '),
        `accent: ${requested} has too little contrast on the ${scheme} theme (${scheme === 'light' ? '1.00' : '1.05'}:1; links, buttons and focus rings need 4.50:1), so ${used} is used instead.`,
      );
      if (process.env.SCREENSHOTS) await page.screenshot({ path: `${process.env.SCREENSHOTS}/accent-${scheme}-${name.replace(' ', '-')}.png` });
      await assertNoViolations(page);
      assert.deepEqual(problems, []);
      await context.close();
    });
  }
}

test('the accent is fitted again when the theme changes', async () => {
  const { page, context, problems } = await openPage(browser, server.url, undefined, { colorScheme: 'dark' });
  await page.goto(`${server.url}?accent=%23ffff00`);
  await waitForChart(page, '[data-chart="breakeven"] .chart');
  // Yellow reads well on the dark theme: kept, nothing to say.
  assert.equal(await accentOf(page), '#ffff00');
  assert.equal(await page.locator('[data-notice="accent"]').count(), 0);
  // Theme: auto -> light.
  await page.getByRole('button', { name: /^Theme/ }).click();
  await page.locator('[data-notice="accent"]').waitFor();
  assert.equal(await accentOf(page), '#737300');
  assert.match(await page.locator('[data-notice="accent"]').textContent(), /#ffff00 has too little contrast on the light theme/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('axe finds nothing in the embed dialog or a link notice', async () => {
  const { page, context } = await openPage(browser, server.url, undefined, { bypassCSP: true });
  await page.goto(`${server.url}?req=-5&zzz=1`);
  await waitForChart(page, '[data-chart="breakeven"] .chart');
  await page.getByRole('button', { name: 'Embed' }).click();
  await page.waitForSelector('dialog[open]');
  const found = await violations(page);
  assert.deepEqual(found, [], `${found.length} violations:\n${found.join('\n')}`);
  await context.close();
});

/** What the focused element is and whether it shows a focus ring. */
function focused(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    const style = getComputedStyle(el);
    const ring = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
    return {
      tag: el.tagName.toLowerCase(),
      id: el.id,
      text: (el.textContent || '').trim().slice(0, 40),
      visible: el.matches(':focus-visible'),
      ring,
      outline: `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`,
    };
  });
}

test('Tab reaches the preset picker, inputs, buttons and table toggles, each with a focus ring', async () => {
  const { page, context, problems } = await openPage(browser, server.url);
  await page.goto(server.url);
  await waitForChart(page, '[data-chart="breakeven"] .chart');
  const seen = [];
  for (let i = 0; i < 400; i += 1) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    if (f.tag === 'body') break;
    seen.push(f);
    assert.ok(f.visible && f.ring, `focus on ${f.tag}#${f.id} "${f.text}" has no visible ring (${f.outline})`);
  }
  const has = (pred, what) => assert.ok(seen.some(pred), `Tab never reached ${what}`);
  has((f) => f.id === 'preset', 'the preset picker');
  has((f) => f.id === 'f-workload-monthly_requests', 'the monthly requests input');
  has((f) => f.tag === 'button' && f.text === 'Reset', 'the Reset button');
  has((f) => f.tag === 'summary', 'a group heading');
  has((f) => f.tag === 'button' && f.text === 'Show as table', 'a chart\'s "Show as table"');
  assert.ok(seen.findIndex((f) => f.id === 'preset') < seen.findIndex((f) => f.text === 'Show as table'), 'inputs come before the charts');
  assert.deepEqual(problems, []);
  await context.close();
});

test('Enter on "Show as table" shows the table, and again shows the chart', async () => {
  const { page, context, problems } = await openPage(browser, server.url);
  await page.goto(server.url);
  await waitForChart(page, '[data-chart="breakeven"] .chart');
  const card = page.locator('[data-chart="breakeven"]');
  const toggle = card.getByRole('button', { name: 'Show as table' });
  await toggle.focus();
  await page.keyboard.press('Enter');
  await card.locator('table').waitFor();
  assert.equal(await card.locator('.chart-body').isVisible(), false);
  const back = card.getByRole('button', { name: 'Show as chart' });
  assert.ok(await back.evaluate((el) => el === document.activeElement), 'focus stays on the toggle');
  await page.keyboard.press('Enter');
  await card.locator('.chart-body').waitFor({ state: 'visible' });
  assert.equal(await card.locator('table').count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});
