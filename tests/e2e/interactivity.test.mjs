// The throughput-interactivity chart: its operating point is the one the results show.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage, chartOption } from './support.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** "1,354.7 output tokens/s" -> 1354.7 */
const number = (text) => Number(text.replace(/[^0-9.]/g, ''));

test('the chart marks the operating point the results show, and a reading speed target moves it', async () => {
  const { page, context, problems } = await openPage(browser, server.url);
  // Llama 3.1 8B at FP8 on one H100, 30 output tokens/s per user.
  await page.goto(server.url + '?v=1&p=batch-classification&utps=30');
  const option = await chartOption(page, '[data-chart="interactivity"] .chart');
  const marker = option.series.find((s) => s.name === 'Operating point');
  assert.equal(marker.data.length, 1);
  const [perUser, perGpu] = marker.data[0];

  const figure = (key) => page.locator(`[data-figure="${key}"]`).textContent();
  const batchText = await figure('batch');
  const batch = Number(batchText.split(' ')[0].replace(/,/g, ''));
  assert.equal(marker.label.formatter, `Batch ${batch}`);
  assert.match(batchText, /held by the reading speed/);
  assert.equal(number(await figure('tokens-per-user')), perUser);
  assert.ok(perUser >= 30, `per-user speed ${perUser} keeps the 30 tokens/s target`);

  // The table twin lists the same point with its time to first token.
  const card = page.locator('[data-chart="interactivity"]');
  await card.getByRole('button', { name: 'Show as table' }).click();
  const row = card.locator('tr', { hasText: 'Operating point' });
  const cells = await row.locator('td').allTextContents();
  assert.equal(Number(cells[1].replace(/,/g, '')), batch);
  assert.equal(number(cells[2]), perUser);
  assert.equal(number(cells[3]), perGpu);
  const ttft = await figure('time-to-first-token');
  assert.ok(cells[4].startsWith(`${ttft} to first token`), `${cells[4]} starts with ${ttft}`);
  await card.getByRole('button', { name: 'Show as chart' }).click();

  // Without the target the batch grows and each GPU serves more.
  await page.locator('summary', { hasText: 'More workload settings' }).click();
  await page.getByLabel('Reading speed per user').fill('');
  await page.getByLabel('Reading speed per user').press('Tab');
  await page.waitForFunction((old) => document.querySelector('[data-figure="batch"]').textContent !== old, batchText);
  const free = await chartOption(page, '[data-chart="interactivity"] .chart');
  const [freeUser, freeGpu] = free.series.find((s) => s.name === 'Operating point').data[0];
  assert.ok(freeGpu > perGpu && freeUser < perUser, `${freeUser}/${freeGpu} against ${perUser}/${perGpu}`);
  assert.equal(number(await figure('tokens-per-user')), freeUser);
  assert.deepEqual(problems, []);
  await context.close();
});
