// `make bench`: model, bundle, browser and Lighthouse figures in one table, with a
// pass/fail line per target, also written to .bench/report.json. Targets are goals for
// the page, not tests: a miss is reported, never an error.
//
// node scripts/bench/run.mjs [--skip model,capacity,bundle,browser,lighthouse]
// LIGHTHOUSE_RUNS=n sets how many Lighthouse runs the medians come from (default 3).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { browser, MONTE_CARLO } from './browser.mjs';
import { bundle } from './bundle.mjs';
import { capacity } from './capacity.mjs';
import { lighthouseMedian } from './lighthouse.mjs';
import { model } from './model.mjs';
import { DIST, serve } from './serve.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const OUT = join(ROOT, '.bench');
const skipArg = process.argv.indexOf('--skip');
const skip = new Set(skipArg > 0 ? process.argv[skipArg + 1].split(',') : []);

const KIB = 1024;
const report = { date: new Date().toISOString(), model: null, capacity: null, bundle: null, browser: null, lighthouse: null, errors: {} };

async function stage(name, f) {
  if (skip.has(name)) return;
  process.stderr.write(`bench: ${name}\n`);
  try {
    report[name] = await f();
  } catch (e) {
    report.errors[name] = String(e?.message ?? e);
    process.stderr.write(`bench: ${name} failed: ${report.errors[name]}\n`);
  }
}

mkdirSync(OUT, { recursive: true });
await stage('model', () => model({ root: ROOT, targetDir: process.env.CARGO_TARGET_DIR ?? join(ROOT, 'target') }));
await stage('capacity', () => capacity({ root: ROOT }));
await stage('bundle', () => bundle(DIST));
const server = await serve(DIST, { gzip: true });
try {
  await stage('browser', () => browser(server.url));
  const runs = Math.max(1, Number(process.env.LIGHTHOUSE_RUNS ?? 3) || 3);
  await stage('lighthouse', () => lighthouseMedian(server.url, { root: ROOT, out: join(OUT, 'lighthouse.json'), runs }));
} finally {
  await server.close();
}

// Rows: [area, measure, value text]; targets: [measure, value, goal text, pass?].
const rows = [];
const targets = [];
const fmtTime = (ns) => (ns == null ? 'n/a' : ns >= 1e6 ? `${(ns / 1e6).toFixed(2)} ms` : `${(ns / 1e3).toFixed(1)} µs`);
const fmtMs = (ms) => (ms == null ? 'n/a' : `${ms.toFixed(ms < 10 ? 2 : 0)} ms`);
const fmtKib = (b) => `${(b / KIB).toFixed(1)} KiB`;
function target(measure, value, shown, goal, pass) {
  targets.push({ measure, value, shown, goal, result: value == null ? 'n/a' : pass ? 'PASS' : 'FAIL' });
}

const isMonteCarlo = (id) => /monte|uncertain/i.test(id);
if (report.model) {
  for (const b of report.model) rows.push(['model', b.id, `${fmtTime(b.median_ns)} (mean ${fmtTime(b.mean_ns)})`]);
  const evals = report.model.filter((b) => b.group === 'evaluate' && !isMonteCarlo(b.id));
  const worst = evals.length ? Math.max(...evals.map((b) => b.median_ns)) : null;
  target('evaluate, slowest preset (native median)', worst, fmtTime(worst), '< 100 µs', worst < 100e3);
}
if (report.capacity) {
  for (const [set, c] of Object.entries(report.capacity)) {
    rows.push(['capacity', `serving estimate vs measured, ${set} (${c.points} points)`, `median error ${c.median_error_pct}%, worst ${c.worst_factor_off}x off`]);
  }
  const all = report.capacity.all;
  target('serving estimate, median error', all.median_error_pct, `${all.median_error_pct}%`, '≤ 30%', all.median_error_pct <= 30);
  target('serving estimate, worst point', all.worst_factor_off, `${all.worst_factor_off}x`, '≤ 2.5x', all.worst_factor_off <= 2.5);
}
if (report.bundle) {
  const { files, first_visit, before_results } = report.bundle;
  for (const f of files) {
    rows.push(['bundle', f.file + (f.not_requested ? ' (not requested by the page)' : f.on_import ? ' (on a file import)' : f.after_results ? ' (after results)' : ''),
      `${fmtKib(f.raw)} raw, ${fmtKib(f.gzip)} gzip, ${fmtKib(f.brotli)} br`]);
  }
  rows.push(['bundle', 'first visit, total', `${fmtKib(first_visit.raw)} raw, ${fmtKib(first_visit.gzip)} gzip, ${fmtKib(first_visit.brotli)} br`]);
  rows.push(['bundle', 'before first results', `${fmtKib(before_results.raw)} raw, ${fmtKib(before_results.gzip)} gzip, ${fmtKib(before_results.brotli)} br`]);
  target('first visit, gzip', first_visit.gzip, fmtKib(first_visit.gzip), '≤ 250 KiB', first_visit.gzip <= 250 * KIB);
  target('before first results, gzip', before_results.gzip, fmtKib(before_results.gzip), '≤ 150 KiB', before_results.gzip <= 150 * KIB);
}
if (report.browser) {
  const b = report.browser;
  const r = b.input_to_redraw;
  rows.push(['browser', 'first contentful paint (loopback)', fmtMs(b.fcp_ms)]);
  rows.push(['browser', 'first chart drawn (loopback, median)', `${fmtMs(b.first_chart_ms)} of ${b.first_chart_runs_ms.length} loads`]);
  rows.push(['browser', 'input to redraw', `p50 ${fmtMs(r.p50_ms)}, p95 ${fmtMs(r.p95_ms)}, max ${fmtMs(r.max_ms)} (${r.samples} inputs)`]);
  if (r.warm_up && r.settled) {
    rows.push(['browser', `input to redraw, first ${r.warm_up.samples} inputs`, `first ${fmtMs(r.first_ms)}, median ${fmtMs(r.warm_up.p50_ms)}, max ${fmtMs(r.warm_up.max_ms)}`]);
    rows.push(['browser', `input to redraw, the other ${r.settled.samples}`, `p50 ${fmtMs(r.settled.p50_ms)}, p95 ${fmtMs(r.settled.p95_ms)}`]);
  }
  rows.push(['browser', `Monte Carlo, 10,000 samples (${MONTE_CARLO})`, fmtMs(b.monte_carlo_ms)]);
  target('first chart on loopback', b.first_chart_ms, fmtMs(b.first_chart_ms), '≤ 1000 ms', b.first_chart_ms <= 1000);
  target('input to redraw, p95', r.p95_ms, fmtMs(r.p95_ms), '< 16 ms', r.p95_ms < 16);
  target('10k Monte Carlo in the page', b.monte_carlo_ms, fmtMs(b.monte_carlo_ms), '< 100 ms', b.monte_carlo_ms < 100);
}
if (report.lighthouse) {
  const l = report.lighthouse;
  const of = `median of ${l.runs} run${l.runs === 1 ? '' : 's'}`;
  rows.push(['lighthouse', `performance / accessibility / best practices / SEO (${of})`,
    `${l.performance} / ${l.accessibility} / ${l.best_practices} / ${l.seo}`]);
  rows.push(['lighthouse', `FCP / LCP / TBT / CLS (${of})`, `${fmtMs(l.fcp_ms)} / ${fmtMs(l.lcp_ms)} / ${fmtMs(l.tbt_ms)} / ${l.cls?.toFixed(3)}`]);
  rows.push(['lighthouse', 'each run: performance, TBT', l.performance_runs.map((p, i) => `${p}, ${fmtMs(l.tbt_runs_ms[i])}`).join('; ')]);
  if (l.failed_audits.length) {
    const more = l.failed_audits.length > 6 ? `, +${l.failed_audits.length - 6} more in .bench/lighthouse.json` : '';
    rows.push(['lighthouse', 'audits below 0.9', l.failed_audits.slice(0, 6).join(', ') + more]);
  }
  target('Lighthouse performance (mobile)', l.performance, String(l.performance), '≥ 98', l.performance >= 98);
  target('Lighthouse accessibility', l.accessibility, String(l.accessibility), '100', l.accessibility === 100);
  target('Largest contentful paint (mobile)', l.lcp_ms, fmtMs(l.lcp_ms), '≤ 1400 ms', l.lcp_ms <= 1400);
  target('Total blocking time (mobile)', l.tbt_ms, fmtMs(l.tbt_ms), '≤ 50 ms', l.tbt_ms <= 50);
}
for (const [name, message] of Object.entries(report.errors)) rows.push([name, 'error', message]);
for (const t of targets) rows.push(['target', t.measure, `${t.shown}  (goal ${t.goal})  ${t.result}`]);

const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i].length), ['area', 'measure', 'value'][i].length));
const line = (cells) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
console.log([line(['area', 'measure', 'value']), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n'));

report.table = rows.map(([area, measure, value]) => ({ area, measure, value }));
report.targets = targets;
writeFileSync(join(OUT, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
console.error(`bench: wrote ${join(OUT, 'report.json')}`);
process.exitCode = Object.keys(report.errors).length ? 1 : 0;
