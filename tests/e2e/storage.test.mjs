// Saved scenarios when the browser will not store them: storage blocked (as with cookies
// and site data blocked, where reading `window.localStorage` throws a SecurityError) or
// full (`setItem` throws a QuotaExceededError). The page loads, computes and says what
// was not stored and that the scenario is still in the link; nothing saved before is lost.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage, waitForChart } from './support.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const KEY = 'llm-tco:saved:v1';
const SCREENSHOTS = process.env.SCREENSHOTS;

const apiCost = (page) => page.locator('[data-option=api] .amount').textContent();

/** Types a volume and waits for the API cost to follow it. */
async function retype(page, volume) {
  const before = await apiCost(page);
  await page.getByLabel('Monthly requests', { exact: true }).fill(volume);
  await page.waitForFunction((b) => document.querySelector('[data-option=api] .amount').textContent !== b, before);
}

async function saveAs(page, name) {
  await page.locator('#save-name').fill(name);
  await page.getByRole('button', { name: 'Save current scenario' }).click();
}

const notice = (page) => page.locator('[data-notice="saved"]');

test('blocked storage: the page computes, and saving says what failed and that the link keeps the scenario', async () => {
  const { page, context, problems } = await openPage(browser, server.url);
  await context.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get() { throw new DOMException("Failed to read the 'localStorage' property from 'Window': Access is denied for this document.", 'SecurityError'); },
    });
  });
  await page.goto(server.url);
  await waitForChart(page, '[data-chart="breakeven"] .chart');
  assert.equal(await page.evaluate(() => { try { return typeof localStorage; } catch (e) { return e.name; } }), 'SecurityError');

  // Said up front, in the open panel.
  assert.equal(await page.locator('details.saved').getAttribute('open'), '');
  assert.match(await notice(page).textContent(),
    /Saved scenarios are not available: this browser does not let the page store data \(site data is blocked, or a private window allows none\)\..*still in this page's link/);

  await retype(page, '2500000');
  assert.equal(await apiCost(page), '$27,189');
  await saveAs(page, 'Quarter plan');
  await page.waitForFunction(() => document.querySelector('[data-notice="saved"]').textContent.includes('Quarter plan'));
  const text = await notice(page).textContent();
  assert.match(text, /Scenario "Quarter plan" was not stored: this browser does not let the page store data/);
  assert.match(text, /The scenario on screen is still in this page's link: copy the address or use Copy link to keep it\./);
  // It is listed for this visit, and the link does hold it.
  assert.equal(await page.locator('.saved-row .saved-name').textContent(), 'Quarter plan');
  // The address bar follows the inputs once typing pauses.
  await page.waitForFunction(() => /[?&]req=2500000(&|$)/.test(location.search));
  if (SCREENSHOTS) await page.locator('details.saved').screenshot({ path: `${SCREENSHOTS}/storage-blocked.png` });

  // The page keeps working.
  await retype(page, '3000000');
  assert.deepEqual(problems, []);
  await context.close();
});

test('full storage: saving says the storage is full, keeps what was saved before, and the page works on', async () => {
  const { page, context, problems } = await openPage(browser, server.url);
  await page.goto(server.url);
  await waitForChart(page, '[data-chart="breakeven"] .chart');
  const kept = JSON.stringify([{ name: 'Kept plan', query: 'v=1&p=document-processing&req=400000', saved_at: '2025-01-31T14:05:00.000Z' }]);
  await page.evaluate(([key, value]) => localStorage.setItem(key, value), [KEY, kept]);
  await context.addInitScript(() => {
    Storage.prototype.setItem = function setItem() {
      throw new DOMException("Failed to execute 'setItem' on 'Storage': Setting the value exceeded the quota.", 'QuotaExceededError');
    };
  });
  await page.reload();
  await waitForChart(page, '[data-chart="breakeven"] .chart');
  assert.equal(await page.locator('.saved-row .saved-name').textContent(), 'Kept plan');
  assert.equal(await notice(page).count(), 0, 'reading works, so nothing to say yet');

  await retype(page, '2500000');
  await saveAs(page, 'Big plan');
  await notice(page).waitFor();
  const text = await notice(page).textContent();
  assert.match(text, /Scenario "Big plan" was not stored: this browser's storage for this site is full\. Scenarios saved before are kept; delete some to make room\./);
  assert.match(text, /still in this page's link/);
  assert.deepEqual(await page.locator('.saved-row .saved-name').allTextContents(), ['Kept plan', 'Big plan']);
  if (SCREENSHOTS) await page.locator('details.saved').screenshot({ path: `${SCREENSHOTS}/storage-full.png` });

  // A refused delete is reported too, and leaves the stored list as it was.
  await page.locator('.saved-row', { hasText: 'Kept plan' }).getByRole('button', { name: 'Delete' }).click();
  await page.waitForFunction(() => document.querySelector('[data-notice="saved"]').textContent.includes('The deletion of "Kept plan" was not stored'));
  assert.equal(await page.evaluate((key) => localStorage.getItem(key), KEY), kept, 'the stored list is untouched');

  await retype(page, '3000000');
  await page.reload();
  await waitForChart(page, '[data-chart="breakeven"] .chart');
  assert.deepEqual(await page.locator('.saved-row .saved-name').allTextContents(), ['Kept plan'], 'nothing saved before was lost');
  assert.deepEqual(problems, []);
  await context.close();
});
