// Usage exports on the page: each sample in tests/fixtures/usage/ dropped on the page or
// chosen in the "Import usage" panel, applied, and read back from the inputs and the API
// card; a hostile file refused with nothing changed; Undo back to the scenario before.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { serve, launch, openPage, pageBuilt, waitForChart } from './support.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const fixture = (name) => fileURLToPath(new URL(`../fixtures/usage/${name}`, import.meta.url));

/** The inputs an import can set, by their labels on the page. */
const LABELS = {
  requests: 'Monthly requests',
  input: 'Input tokens per request',
  output: 'Output tokens per request',
  hours: 'Active hours per month',
  peak: 'Peak to average',
  cache: 'Cache hit share',
  batch: 'Batch share',
  model: 'API model',
};

/** The default scenario's inputs and API cost, as the page shows them. */
const DEFAULTS = {
  requests: '1,000,000', input: '2000', output: '300', hours: '730', peak: '1.5',
  cache: '0', batch: '0', model: 'claude-3.5-sonnet',
};
const DEFAULT_API = '$11,439';

// The expected inputs are the `scenario` of `tco import --format json FILES` for each
// sample, as the page's boxes write them; the API cost is `options.api.monthly_usd` of
// `tco eval --format json` on that scenario laid over the default one, in whole dollars.
// Fields an export does not have keep the default.
const CASES = [
  {
    files: ['openai_usage_hourly.json', 'openai_costs_daily.json'], via: 'input', format: 'openai',
    inputs: { requests: '12,167', input: '525', output: '112.5', hours: '60.8', peak: '1.6', cache: '25', batch: '37.5', model: 'gpt-4o-mini' },
    api: '$940', kept: [],
  },
  {
    files: ['anthropic_usage_hourly.json', 'anthropic_cost_daily.json'], via: 'drop', format: 'anthropic',
    inputs: { requests: '1,000,000', input: '2000', output: '300', hours: '60.8', peak: '1.2', cache: '25', batch: '28.6', model: 'claude-3.5-sonnet' },
    api: '$8,780', kept: ['Monthly requests', 'Input tokens per request', 'Output tokens per request'],
  },
  {
    files: ['litellm_spend_logs.csv'], via: 'drop', format: 'litellm',
    inputs: { requests: '76', input: '1600', output: '600', hours: '45.6', peak: '1.2', cache: '30', batch: '0', model: 'gpt-4o-mini' },
    api: '$939', kept: ['Batch share'],
  },
  {
    files: ['openrouter_activity.csv'], via: 'input', format: 'openrouter',
    inputs: { requests: '152', input: '2000', output: '1000', hours: '91.3', peak: '1.8', cache: '25', batch: '0', model: 'gpt-4o-mini' },
    api: '$939', kept: ['Batch share'],
  },
  {
    files: ['focus_ai_hourly.csv'], via: 'drop', format: 'focus',
    inputs: { requests: '1,000,000', input: '2000', output: '300', hours: '60.8', peak: '1.2', cache: '25', batch: '0', model: 'claude-3.5-sonnet' },
    api: '$10,089', kept: ['Monthly requests', 'Input tokens per request', 'Output tokens per request', 'Batch share'],
  },
];

async function ready(page) {
  await page.goto(server.url);
  await waitForChart(page, '[data-chart="breakeven"] .chart');
  await pageBuilt(page);
}

async function inputs(page) {
  const out = {};
  for (const [key, label] of Object.entries(LABELS)) {
    out[key] = await page.getByLabel(label, { exact: true }).first().inputValue();
  }
  return out;
}

const apiCost = (page) => page.locator('[data-option=api] .amount').textContent();

/** Drops files on the page as a file manager would: dragover, then drop, with their bytes. */
async function drop(page, files) {
  await page.evaluate((list) => {
    const dt = new DataTransfer();
    for (const { name, text } of list) dt.items.add(new File([text], name));
    window.__dragged = dt;
    for (const type of ['dragenter', 'dragover']) {
      document.querySelector('main').dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: dt }));
    }
  }, files);
  await page.locator('.import-drop--on').waitFor({ timeout: 5000 });
  await page.evaluate(() => document.querySelector('main').dispatchEvent(
    new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: window.__dragged })));
  await page.locator('.import-drop--on').waitFor({ state: 'detached', timeout: 5000 });
}

async function importFiles(page, names, via) {
  if (via === 'drop') {
    await drop(page, names.map((name) => ({ name, text: readFileSync(fixture(name), 'utf8') })));
  } else {
    await page.locator('input[data-import="file"]').setInputFiles(names.map(fixture));
  }
}

/** Waits for the summary of `format` (after any earlier one). */
async function summaryOf(page, format) {
  await page.locator(`[data-import="summary"][data-format="${format}"]`).waitFor({ timeout: 15000 });
}

for (const c of CASES) {
  test(`${c.files.join(' + ')} (${c.via === 'drop' ? 'dropped' : 'chosen'}) fills the scenario from what was used`, async () => {
    const { page, context, problems } = await openPage(browser, server.url);
    await ready(page);
    assert.deepEqual(await inputs(page), DEFAULTS);
    assert.equal(await apiCost(page), DEFAULT_API);
    await importFiles(page, c.files, c.via);
    await summaryOf(page, c.format);
    // Nothing is applied until the visitor confirms.
    assert.deepEqual(await inputs(page), DEFAULTS);
    const kept = await page.locator('[data-import="kept"]').count()
      ? await page.locator('[data-import="kept"]').textContent() : '';
    for (const label of c.kept) assert.ok(kept.includes(label), `"${label}" named as not in the file: ${kept}`);
    if (c.kept.length === 0) assert.equal(kept, '');
    // The hourly profile chart is drawn once it is near the screen.
    await waitForChart(page, '[data-chart="import-profile"] .chart');
    await page.locator('button[data-import="apply"]').click();
    await page.waitForFunction((b) => document.querySelector('[data-option=api] .amount').textContent !== b, DEFAULT_API);
    assert.deepEqual(await inputs(page), c.inputs);
    assert.equal(await apiCost(page), c.api);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('a hostile file is refused with the row named, shown as text, and nothing changes', async () => {
  const { page, context, problems } = await openPage(browser, server.url);
  await ready(page);
  await importFiles(page, ['openrouter_activity.csv'], 'input');
  await summaryOf(page, 'openrouter');
  const header = readFileSync(fixture('openrouter_activity.csv'), 'utf8').split('\n')[0];
  const hostile = `${header}\ngen-1,2026-11-05 08:15:00.000,0.00063,0,0,0,0,2000,400,0,500,openai/gpt-4o-mini,OpenAI,standard,false,true,,stop,stop,1800,350,false,Default key,app\n`
    + 'gen-2,2026-11-05 08:30:00.000,0.0141,0,0,0,0,4000,600,0,2000,<img src=x onerror=alert(1)>,Anthropic,standard,false,true,,stop,stop,1800,350,false,Default key,app\n';
  await drop(page, [{ name: 'hostile.csv', text: hostile }]);
  const error = page.locator('[data-import="error"]');
  await error.waitFor();
  assert.equal(await error.textContent(),
    'Not read, nothing was changed: hostile.csv: line 3: model_permaslug "<img src=x onerror=alert(1)>" looks like a spreadsheet formula or markup; usage exports hold plain names, so the file is refused');
  assert.equal(await error.locator('img').count(), 0, 'markup in a file is text, never HTML');
  // The earlier file's summary stays, and nothing was applied.
  assert.equal(await page.locator('[data-import="summary"][data-format="openrouter"]').count(), 1);
  assert.deepEqual(await inputs(page), DEFAULTS);
  assert.equal(await apiCost(page), DEFAULT_API);
  // A formula where a number belongs, chosen with the picker, is refused the same way.
  const formula = `${header}\ngen-1,2026-11-05 08:15:00.000,0.00063,0,0,0,0,=1+2,400,0,500,openai/gpt-4o-mini,OpenAI,standard,false,true,,stop,stop,1800,350,false,Default key,app\n`;
  await page.locator('input[data-import="file"]').setInputFiles({ name: 'formula.csv', mimeType: 'text/csv', buffer: Buffer.from(formula) });
  await page.waitForFunction(() => document.querySelector('[data-import="error"]')?.textContent.includes('formula.csv'));
  assert.match(await error.textContent(), /formula\.csv: line 2: tokens_prompt is "=1\+2", a spreadsheet formula/);
  // A file over the 50 MB limit is refused from its size, before it is read.
  await page.evaluate(() => {
    const dt = new DataTransfer();
    dt.items.add(new File([new Uint8Array(51 * 1024 * 1024)], 'big.csv'));
    for (const type of ['dragover', 'drop']) {
      document.querySelector('main').dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: dt }));
    }
  });
  await page.waitForFunction(() => document.querySelector('[data-import="error"]')?.textContent.includes('big.csv'));
  assert.equal(await error.textContent(),
    'Not read, nothing was changed: big.csv: the file is 51.0 MB; at most 50 MB is read (export a shorter period)');
  assert.deepEqual(await inputs(page), DEFAULTS);
  // The page keeps working: the next input still recomputes.
  await page.getByLabel('Monthly requests', { exact: true }).fill('2500000');
  await page.waitForFunction((b) => document.querySelector('[data-option=api] .amount').textContent !== b, DEFAULT_API);
  assert.deepEqual(problems, []);
  await context.close();
});

test('Undo restores the scenario from before the import', async () => {
  const { page, context, problems } = await openPage(browser, server.url);
  await ready(page);
  // A scenario of the visitor's own first, so Undo is seen to restore it rather than defaults.
  await page.getByLabel('Output tokens per request', { exact: true }).fill('450');
  await page.waitForFunction((b) => document.querySelector('[data-option=api] .amount').textContent !== b, DEFAULT_API);
  const before = await inputs(page);
  const costBefore = await apiCost(page);
  assert.equal(before.output, '450');
  await importFiles(page, ['litellm_spend_logs.csv'], 'input');
  await summaryOf(page, 'litellm');
  await page.locator('button[data-import="apply"]').click();
  await page.locator('button[data-import="undo"]').waitFor();
  // The keyboard focus moves from the pressed button to the one that replaces it.
  await page.waitForFunction(() => document.activeElement?.dataset.import === 'undo');
  assert.equal((await inputs(page)).requests, '76');
  assert.equal(await apiCost(page), '$939');
  await page.locator('button[data-import="undo"]').click();
  await page.waitForFunction((b) => document.querySelector('[data-option=api] .amount').textContent === b, costBefore);
  assert.deepEqual(await inputs(page), before);
  // Apply is offered again for the same file, with the focus on it.
  await page.waitForFunction(() => document.activeElement?.dataset.import === 'apply');
  // Applied, then another file read: that one is offered to apply in turn.
  await page.locator('button[data-import="apply"]').click();
  await page.locator('button[data-import="undo"]').waitFor();
  await importFiles(page, ['openrouter_activity.csv'], 'input');
  await summaryOf(page, 'openrouter');
  await page.locator('button[data-import="apply"]').click();
  await page.waitForFunction(() => document.querySelector('[data-option=api] .amount').textContent === '$939'
    && document.querySelector('button[data-import="undo"]'));
  assert.equal((await inputs(page)).requests, '152');
  // Its Undo returns to the scenario the first import made.
  await page.locator('button[data-import="undo"]').click();
  await page.waitForFunction(() => !document.querySelector('button[data-import="undo"]'));
  assert.equal((await inputs(page)).requests, '76');
  assert.deepEqual(problems, []);
  await context.close();
});

/**
 * Puts a LiteLLM spend log of about 49 MB in the page as `window.__large` (a File): the
 * sample's first row repeated 20 s apart (105,515 rows, 24 days), each with its own request
 * id. Made in the page, so that handing the page 49 MB is not part of what is measured.
 */
async function largeSpendLog(page) {
  const [header, first] = readFileSync(fixture('litellm_spend_logs.csv'), 'utf8').split('\n');
  return page.evaluate(([header, first]) => {
    const cells = first.split(',');
    const at = (ms) => new Date(ms).toISOString().replace('T', ' ').slice(0, 23);
    const start = Date.UTC(2026, 10, 2, 9, 5, 12, 345);
    const rows = [header];
    for (let i = 0; i < 105_515; i++) {
      const t = start + i * 20_000;
      rows.push([`chatcmpl-${i}`, ...cells.slice(1, 7), at(t), at(t + 1656), ...cells.slice(9)].join(','));
    }
    window.__large = new File([`${rows.join('\n')}\n`], 'spend-logs.csv');
    return window.__large.size;
  }, [header, first]);
}

test('the reader is fetched only when a file arrives, and a 49 MB file leaves the page painting', async () => {
  const { page, context, problems } = await openPage(browser, server.url);
  const fetched = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  await ready(page);
  const reader = (path) => /import[-_]worker/.test(path);
  assert.deepEqual(fetched.filter(reader), [], 'a visit without an import fetches no reader');
  const size = await largeSpendLog(page);
  assert.ok(size > 48 * 1024 * 1024 && size < 50 * 1024 * 1024, `${size} bytes`);
  // Frames are counted from the drop until the file's summary is shown.
  await page.evaluate(() => new Promise((started) => {
    const frames = (window.__frames = { longest: 0, count: 0 });
    const tick = (now) => {
      if (frames.last === undefined) {
        frames.start = frames.last = now;
        const dt = new DataTransfer();
        dt.items.add(window.__large);
        for (const type of ['dragover', 'drop']) {
          document.querySelector('main').dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: dt }));
        }
        started();
      }
      frames.longest = Math.max(frames.longest, now - frames.last);
      frames.last = now;
      frames.count += 1;
      if (document.querySelector('[data-import="summary"][data-format="litellm"]')) frames.done = now;
      else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  }));
  await page.locator('.import__status', { hasText: 'Reading spend-logs.csv…' }).waitFor({ timeout: 5000 });
  await page.locator('[data-import="summary"][data-format="litellm"]').waitFor({ timeout: 30000 });
  await page.waitForFunction(() => window.__frames.done !== undefined);
  const frames = await page.evaluate(() => window.__frames);
  console.log(`49 MB spend log: shown ${Math.round(frames.done - frames.start)} ms after the drop; `
    + `${frames.count} frames meanwhile, the longest gap ${Math.round(frames.longest)} ms`);
  // The parse holds the worker's thread, not the page's: no frame waits for it.
  assert.ok(frames.longest < 1000, `the page missed frames for ${Math.round(frames.longest)} ms`);
  assert.ok(fetched.some((p) => p.endsWith('/import_worker_bg.wasm')), `the reader's wasm is fetched: ${fetched.filter(reader)}`);
  assert.match(await page.locator('[data-import="summary"] .import__read').textContent(), /105,515 rows used/);
  assert.deepEqual(problems, []);
  await context.close();
});

test("the offline worker keeps the reader's files, checked against the build", () => {
  const sw = readFileSync(fileURLToPath(new URL('../../dist/sw.js', import.meta.url)), 'utf8');
  for (const name of ['import-worker.js', 'import_worker.js', 'import_worker_bg.wasm']) {
    assert.match(sw, new RegExp(`"url": "${name.replace('.', '\\.')}",\\s*"hashed": false,\\s*"sha256": "[A-Za-z0-9+/=]{44}"`), name);
  }
});
