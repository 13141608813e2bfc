// The calculator embedded in another site: a host page on one origin loads embed.js and
// the calculator from a second origin; a third origin tries to resize the frames.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIST, serve, launch, waitForChart } from './support.mjs';

const ARTIFACTS = new URL('./.artifacts/', import.meta.url);
const SITE = {
  organisation: 'Acme Advisory',
  cta_text: 'Book a cost review',
  cta_url: 'https://acme.example/contact',
  accent: '#0f766e',
};

let calc, plain, host, third, browser, branded;

/** Serves the pages in `pages` (path -> HTML) on 127.0.0.1 at a free port. */
async function htmlServer(pages) {
  const server = createServer((req, res) => {
    const body = pages.get(new URL(req.url, 'http://x').pathname);
    res.writeHead(body ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
    res.end(body ?? 'not found');
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}/`, origin: `http://127.0.0.1:${port}`, pages, close: () => new Promise((ok) => server.close(ok)) };
}

/** A copy of dist/ with a site.json holding `content`. */
function distWith(content) {
  const dir = mkdtempSync(join(tmpdir(), 'llm-tco-dist-'));
  cpSync(DIST, dir, { recursive: true });
  writeFileSync(join(dir, 'site.json'), content);
  return dir;
}

before(async () => {
  branded = distWith(JSON.stringify(SITE));
  calc = await serve(branded);
  plain = await serve();
  third = await htmlServer(new Map([['/', `<!doctype html><title>third</title><link rel="icon" href="data:,"><script>
    window.addEventListener('message', (e) => {
      if (e.data === 'attack') window.parent.postMessage({ type: 'llm-tco:resize', height: 3333 }, '*');
    });
  </script>`]]));
  host = await htmlServer(new Map());
  browser = await launch();
});
after(async () => {
  await browser?.close();
  for (const s of [calc, plain, host, third]) await s?.close();
  if (branded) rmSync(branded, { recursive: true, force: true });
});

/** Publishes a host page holding `body` and the calculator's embed.js; returns its URL. */
function hostPage(name, body, { script = `${calc.url}embed.js`, extra = '' } = {}) {
  host.pages.set(`/${name}`, `<!doctype html><html lang="en"><head><meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1"><title>Host ${name}</title><link rel="icon" href="data:,">
    <style>body { margin: 0; padding: 16px; font-family: sans-serif; background: #fafaf9; } h1 { font-size: 20px; }</style></head>
    <body><h1>Acme Advisory: what would your LLM cost?</h1>${body}${extra}
    <script src="${script}" async></script></body></html>`);
  return `${host.url}${name}`;
}

async function open(url, viewport = { width: 800, height: 900 }) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/\/site\.json$/.test(m.location()?.url ?? '')) problems.push(`console: ${m.text()} (${m.location()?.url})`);
  });
  await page.goto(url);
  return { page, context, problems };
}

/** The calculator frame inside the host element `selector`, once its page has drawn. */
async function embedded(page, selector) {
  const handle = await page.waitForSelector(`${selector} iframe`);
  await handle.scrollIntoViewIfNeeded();
  const frame = await handle.contentFrame();
  await frame.waitForSelector('.embed-root main', { timeout: 20000 });
  // Every part built: the frame keeps growing until then, a part per task.
  await frame.waitForSelector('#app[aria-busy="false"]', { state: 'attached', timeout: 20000 });
  return { handle, frame };
}

/** The iframe's height on the host page, and the embedded content's own height. */
async function heights(handle, frame) {
  const outer = await handle.evaluate((el) => el.getBoundingClientRect().height);
  const inner = await frame.evaluate(() => document.querySelector('.embed-root').getBoundingClientRect().height);
  return { outer, inner };
}

/** Waits until the iframe is as tall as its content, to within 2 px. */
async function waitForFit(handle, frame) {
  for (let i = 0; i < 100; i++) {
    const { outer, inner } = await heights(handle, frame);
    if (Math.abs(outer - inner) <= 2 && outer > 200) return outer;
    await new Promise((ok) => setTimeout(ok, 50));
  }
  const h = await heights(handle, frame);
  assert.fail(`the iframe never fitted its content: ${JSON.stringify(h)}`);
}

test('the host script adds a titled, lazy, borderless iframe from the calculator origin that fits its content and follows it', async () => {
  const url = hostPage('one', '<div id="calc" data-llm-tco="?v=1&p=document-processing&req=250000" data-sections="inputs,decision,results,breakeven"></div>');
  const { page, context, problems } = await open(url);
  const { handle, frame } = await embedded(page, '#calc');
  const attrs = await handle.evaluate((el) => ({
    title: el.title, loading: el.getAttribute('loading'), src: el.src,
    width: el.getBoundingClientRect().width, parent: el.parentElement.getBoundingClientRect().width,
    border: getComputedStyle(el).borderTopWidth,
  }));
  assert.equal(attrs.title, 'LLM cost calculator');
  assert.equal(attrs.loading, 'lazy');
  assert.equal(new URL(attrs.src).origin, new URL(calc.url).origin);
  assert.equal(new URL(attrs.src).searchParams.get('embed'), '1');
  assert.equal(new URL(attrs.src).searchParams.get('req'), '250000');
  assert.equal(attrs.width, attrs.parent);
  assert.equal(attrs.border, '0px');

  // No page chrome in the frame; a compact title line links to the full calculator.
  assert.equal(await frame.locator('header.top').count(), 0);
  assert.equal(await frame.locator('.answer-bar').count(), 0);
  const fullLink = frame.getByRole('link', { name: /Open full calculator/ });
  assert.equal(await fullLink.getAttribute('target'), '_blank');
  const full = new URL(await fullLink.getAttribute('href'));
  assert.equal(full.origin, new URL(calc.url).origin);
  assert.equal(full.searchParams.get('req'), '250000');
  assert.equal(full.searchParams.get('embed'), null);

  const before = await waitForFit(handle, frame);
  // Opening a folded input group makes the content, and then the frame, taller.
  await frame.locator('details.group:not([open]) > summary').first().click();
  await page.waitForFunction(([sel, h]) => document.querySelector(sel).getBoundingClientRect().height > h + 50, ['#calc iframe', before]);
  const after = await waitForFit(handle, frame);
  assert.ok(after > before + 50, `taller after opening a group (${before} -> ${after})`);

  // Editing keeps the embed keys in the frame's address while the scenario keys follow.
  await frame.getByLabel('Monthly requests', { exact: true }).fill('300000');
  await frame.waitForFunction(() => new URLSearchParams(location.search).get('req') === '300000');
  const search = new URLSearchParams(await frame.evaluate(() => location.search));
  assert.equal(search.get('embed'), '1');
  assert.equal(await fullLink.evaluate((a) => new URL(a.href).searchParams.get('req')), '300000');
  assert.deepEqual(problems, []);
  await context.close();
});

test('messages from a third origin, from the host itself, or of another type change nothing', async () => {
  const url = hostPage('attack', `<div id="calc" data-llm-tco=""></div>
    <iframe id="third" src="${third.url}" title="third party" style="width:10px;height:10px;border:0"></iframe>`);
  const { page, context, problems } = await open(url);
  const { handle, frame } = await embedded(page, '#calc');
  const fitted = await waitForFit(handle, frame);
  const height = () => handle.evaluate((el) => el.style.height);
  const before = await height();

  // A third origin posts a well-formed resize message to the host window.
  await page.evaluate(() => document.getElementById('third').contentWindow.postMessage('attack', '*'));
  // The host page posts one to itself.
  await page.evaluate(() => window.postMessage({ type: 'llm-tco:resize', height: 4444 }, '*'));
  // The calculator frame posts messages of another type, or with a height that is not a number.
  await frame.evaluate(() => {
    window.parent.postMessage({ type: 'other', height: 5555 }, '*');
    window.parent.postMessage({ type: 'llm-tco:resize', height: 'tall' }, '*');
    window.parent.postMessage({ type: 'llm-tco:resize', height: Infinity }, '*');
    window.parent.postMessage('llm-tco:resize', '*');
  });
  await page.waitForTimeout(400);
  assert.equal(await height(), before);
  assert.ok(Math.abs((await heights(handle, frame)).outer - fitted) <= 2);

  // The real frame is heard, and clamped to a sane range.
  await frame.evaluate(() => window.parent.postMessage({ type: 'llm-tco:resize', height: 1e9 }, '*'));
  await page.waitForFunction(() => document.querySelector('#calc iframe').style.height === '20000px');
  await frame.evaluate(() => window.parent.postMessage({ type: 'llm-tco:resize', height: 3 }, '*'));
  await page.waitForFunction(() => document.querySelector('#calc iframe').style.height === '200px');
  assert.deepEqual(problems, []);
  await context.close();
});

test('two embeds on one page size independently; the script included twice adds nothing', async () => {
  const url = hostPage('two', `<div id="a" data-llm-tco="v=1&p=document-processing" data-sections="decision"></div>
    <div id="b" data-llm-tco="${calc.url}?v=1&p=customer-support-chatbot&embed=0" data-sections="inputs,results"></div>`,
  { extra: `<script src="${calc.url}embed.js"></script>` });
  const { page, context, problems } = await open(url);
  const a = await embedded(page, '#a');
  const b = await embedded(page, '#b');
  assert.equal(await page.locator('iframe').count(), 2, 'one iframe per div');
  assert.equal(await a.frame.locator('.inputs').count(), 0);
  assert.equal(await a.frame.locator('[data-chart]').count(), 0);
  assert.equal(await b.frame.locator('.decision').count(), 0);
  await b.frame.waitForSelector('.inputs');
  const ha = await waitForFit(a.handle, a.frame);
  const hb = await waitForFit(b.handle, b.frame);
  assert.ok(Math.abs(ha - hb) > 100, `different content, different heights (${ha}, ${hb})`);

  // Opening a group in the second changes only the second.
  await b.frame.locator('details.group:not([open]) > summary').first().click();
  await page.waitForFunction(([h]) => document.querySelector('#b iframe').getBoundingClientRect().height > h + 50, [hb]);
  await waitForFit(b.handle, b.frame);
  assert.equal((await heights(a.handle, a.frame)).outer, ha);
  assert.deepEqual(problems, []);
  await context.close();
});

test('theme, accent, sections and site branding apply in the frame; bad values show a notice', async () => {
  const url = hostPage('look', '<div id="calc" data-llm-tco="?v=1&p=document-processing&cta=https%3A%2F%2Fevil.example" data-theme="dark" data-accent="red" data-sections="decision,results,charts"></div>');
  const { page, context } = await open(url);
  const { frame } = await embedded(page, '#calc');
  assert.equal(await frame.evaluate(() => document.documentElement.dataset.theme), 'dark');
  const notice = frame.locator('[data-notice=link]');
  await notice.waitFor();
  const text = await notice.textContent();
  assert.match(text, /accent/);
  assert.match(text, /unknown section "charts"/);
  assert.match(text, /link key "cta": unknown key/);
  // The site owner's accent applies since the link's was refused, lightened for the
  // dark theme, where #0f766e has 2.75:1 on the page.
  assert.equal(await frame.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--accent').trim()), '#4c9993');
  assert.equal(await frame.locator('.site-name').textContent(), SITE.organisation);
  const cta = frame.getByRole('link', { name: SITE.cta_text });
  assert.equal(await cta.getAttribute('href'), SITE.cta_url);
  assert.equal(await frame.locator('a[href^="https://evil"]').count(), 0);
  assert.equal(await frame.locator('.inputs').count(), 0);
  await context.close();
});

test('an invalid site.json is ignored with a console warning', async () => {
  const dir = distWith('{"organisation": "<b>x</b>", "cta_text": "Go", "cta_url": "javascript:alert(1)", "logo": "https://evil.example/x.png"}');
  const server = await serve(dir);
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    const warnings = [];
    const errors = [];
    page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(server.url);
    await waitForChart(page, '[data-chart="breakeven"] .chart');
    await page.waitForFunction(() => document.querySelector('.site-name'));
    // Text is shown as text, never as markup.
    assert.equal(await page.locator('.site-name').textContent(), '<b>x</b>');
    assert.equal(await page.locator('.site-footer b').count(), 0);
    assert.equal(await page.locator('.cta').count(), 0);
    assert.equal(await page.locator('.site-logo').count(), 0);
    assert.ok(warnings.some((w) => w.includes('cta_url')), warnings.join('\n'));
    assert.ok(warnings.some((w) => w.includes('logo')), warnings.join('\n'));
    assert.deepEqual(errors, []);
    await context.close();
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the embed dialog builds snippets for the scenario on screen, and its snippet works on a host page', async () => {
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(plain.url).origin });
  const page = await context.newPage();
  await page.goto(`${plain.url}?v=1&p=document-processing&req=420000`);
  await waitForChart(page, '[data-chart="breakeven"] .chart');
  await page.getByRole('button', { name: 'Embed' }).click();
  const dialog = page.getByRole('dialog', { name: 'Embed this calculator' });
  await dialog.waitFor();
  await dialog.getByLabel('Breakdown', { exact: false }).uncheck();
  await dialog.getByLabel('Theme').selectOption('light');
  // An accent that would read too faintly: the dialog says what visitors will see.
  const accentNote = dialog.locator('[data-accent-note]');
  await dialog.getByLabel('Accent colour value').fill('#ffff00');
  assert.equal(
    await accentNote.textContent(),
    'Visitors will see another colour: #ffff00 has too little contrast on the light theme (1.00:1; links, buttons and focus rings need 4.50:1), so #737300 is used instead.',
  );
  await dialog.getByLabel('Accent colour value').fill('#0f766e');
  assert.equal(await accentNote.count(), 0, 'a readable accent needs no note');
  await dialog.getByLabel('Accent colour', { exact: true }).uncheck();
  const hostSnippet = await dialog.locator('#embed-snippet-host').inputValue();
  assert.match(hostSnippet, new RegExp(`<script src="${plain.url}embed.js" async></script>`));
  assert.match(hostSnippet, /data-llm-tco="\?v=1&amp;p=document-processing&amp;req=420000"/);
  assert.match(hostSnippet, /data-theme="light"/);
  assert.match(hostSnippet, /data-sections="inputs,decision,results,breakeven,tco,analysis"/);
  const iframeSnippet = await dialog.locator('#embed-snippet-iframe').inputValue();
  assert.match(iframeSnippet, new RegExp(`^<iframe src="${plain.url}\\?v=1&amp;p=document-processing&amp;req=420000&amp;embed=1&amp;theme=light&amp;sections=`));
  assert.match(iframeSnippet, /title="LLM cost calculator" loading="lazy"/);

  await dialog.locator('.snippet').first().getByRole('button', { name: 'Copy' }).click();
  await dialog.getByText('Copied').waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), hostSnippet);
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: new URL('embed-dialog.png', ARTIFACTS).pathname });
  await context.close();

  // The copied snippet, pasted into another site, embeds that scenario.
  const decoded = hostSnippet.replace(/<script[^>]*><\/script>/, '');
  const url = hostPage('pasted', decoded, { script: `${plain.url}embed.js` });
  const visit = await open(url);
  const { frame } = await embedded(visit.page, '[data-llm-tco]');
  assert.equal(await frame.getByLabel('Monthly requests', { exact: true }).inputValue(), '420,000');
  assert.equal(await frame.locator('[data-chart="breakdown"]').count(), 0);
  await visit.context.close();
});

test('the embed fits a 320 px frame; screenshots at 360 and 800 px wide', async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  const url = hostPage('shots', '<div id="calc" data-llm-tco="?v=1&p=customer-support-chatbot"></div><p>Footer of the host page.</p>');
  // 352 px leaves a 320 px frame inside the host's padding: the narrowest supported.
  for (const width of [352, 360, 800]) {
    const { page, context, problems } = await open(url, { width, height: 900 });
    const { handle, frame } = await embedded(page, '#calc');
    for (const key of ['breakeven', 'tco', 'breakdown']) await waitForChart(frame, `[data-chart="${key}"] .chart`);
    await waitForFit(handle, frame);
    const scroll = await frame.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(scroll <= 0, `no sideways scrolling at ${width} px (overflow ${scroll})`);
    await page.waitForTimeout(300);
    if (width === 352) assert.equal(await handle.evaluate((el) => el.getBoundingClientRect().width), 320);
    else await page.screenshot({ path: new URL(`embed-${width}.png`, ARTIFACTS).pathname, fullPage: true });
    assert.deepEqual(problems, []);
    await context.close();
  }
  // Dark, with only the answer, on a phone; and the full page's footer with the branding.
  const dark = hostPage('dark', '<div id="calc" data-llm-tco="" data-theme="dark" data-sections="decision,results"></div>');
  const { page, context } = await open(dark, { width: 360, height: 900 });
  const { handle, frame } = await embedded(page, '#calc');
  await waitForFit(handle, frame);
  await page.screenshot({ path: new URL('embed-360-dark.png', ARTIFACTS).pathname, fullPage: true });
  await context.close();
  const full = await open(calc.url, { width: 1000, height: 700 });
  await waitForChart(full.page, '[data-chart="breakeven"] .chart');
  await full.page.locator('.site-footer .cta').scrollIntoViewIfNeeded();
  await full.page.screenshot({ path: new URL('full-footer.png', ARTIFACTS).pathname });
  await full.context.close();
});
