// A display currency reaches every amount the page writes: with ?cur=EUR&fx=0.9 the
// option cards, the recommendation and its reasons, the flip points and the analysis
// panels all read in euros, and the sentences quote exactly the cards' figures.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage, pageBuilt } from './support.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** Every euro amount in a text: "€10,295", "€0.0042", "-€1,200". */
function euros(text) {
  return text.match(/-?€[\d,]+(?:\.\d+)?/g) ?? [];
}

/** Brings a panel on screen and waits until it has followed the inputs. */
async function settled(page, selector) {
  await page.locator(selector).scrollIntoViewIfNeeded();
  await page.waitForFunction((sel) => document.querySelector(sel)?.getAttribute('aria-busy') === 'false', selector, { timeout: 15000 });
}

test('with cur=EUR&fx=0.9 no amount shows dollars and the sentences quote the cards', async () => {
  const { page, context, problems } = await openPage(browser, server.url);
  await page.goto(`${server.url}?cur=EUR&fx=0.9`);
  await pageBuilt(page);
  for (const panel of ['flips', 'hybrid', 'uncertainty']) await settled(page, `[data-panel="${panel}"]`);
  await page.waitForSelector('[data-figure="probability"]');

  // The cards: one euro figure a month per option.
  const cards = {};
  for (const card of await page.locator('.results [data-option]').all()) {
    cards[await card.getAttribute('data-option')] = (await card.locator('.amount').textContent()).trim();
  }
  assert.deepEqual(Object.keys(cards).sort(), ['api', 'hybrid', 'owned', 'rented']);
  for (const [id, amount] of Object.entries(cards)) assert.match(amount, /^€[\d,]+$/, `${id} card: ${amount}`);
  const figures = new Set(Object.values(cards));

  const summary = await page.locator('.decision .summary').textContent();
  const reasonItems = page.locator('.decision .reasons li');
  const reasons = await reasonItems.allTextContents();
  const criteria = await reasonItems.locator('.criterion').allTextContents();
  const flips = await page.locator('[data-flip]').allTextContents();
  const texts = {
    results: await page.locator('.results').textContent(),
    summary,
    ...Object.fromEntries(reasons.map((r, i) => [`reason ${i + 1}`, r])),
    ...Object.fromEntries(flips.map((f, i) => [`flip ${i + 1}`, f])),
    hybrid: await page.locator('[data-panel="hybrid"]').textContent(),
    uncertainty: await page.locator('[data-panel="uncertainty"]').textContent(),
    answer: (await page.locator('.answer-bar').allTextContents()).join(' '),
  };
  for (const [where, text] of Object.entries(texts)) {
    assert.doesNotMatch(text, /\$|USD/, `${where} shows dollars: ${text}`);
  }

  // The recommendation quotes the cards: every amount in it is one of their figures.
  const quoted = euros(summary);
  assert.ok(quoted.length >= 1, `the summary quotes an amount: ${summary}`);
  for (const amount of quoted) assert.ok(figures.has(amount), `summary amount ${amount} is on a card (${[...figures]}): ${summary}`);

  // So does the cost reason: the API's and the cheaper self-hosted option's figures.
  const cost = reasons[criteria.indexOf('cost')];
  assert.ok(cost, `a cost reason among ${reasons}`);
  const [first, second] = euros(cost);
  const selfHost = [cards.rented, cards.owned];
  assert.ok(
    (first === cards.api && selfHost.includes(second)) || (selfHost.includes(first) && second === cards.api),
    `the cost reason quotes ${first} and ${second}, the cards say API ${cards.api}, self-hosted ${selfHost}: ${cost}`,
  );

  // The hybrid panel's pure options are the cards' figures too.
  const hybrid = euros(texts.hybrid);
  assert.equal(hybrid[0], cards.api, texts.hybrid);
  assert.ok(selfHost.includes(hybrid[1]), texts.hybrid);
  assert.deepEqual(problems, []);
  await context.close();
});
