// Lighthouse with its mobile defaults (simulated slow 4G and a 4x slower CPU) against
// dist/ served with gzip on 127.0.0.1, several runs; the full JSON reports are kept in .bench/.
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const FLAGS = '--headless --no-sandbox --disable-gpu --disable-background-networking '
  + '--disable-component-update --disable-sync --no-first-run';

/** Runs Lighthouse on `url`; asynchronous, so a server in this process keeps serving. */
export async function lighthouse(url, { root, out }) {
  const bin = join(root, 'node_modules', '.bin', 'lighthouse');
  const child = spawn(bin, [
    url, '--output=json', `--output-path=${out}`, '--quiet', `--chrome-flags=${FLAGS}`,
  ], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'], env: { CHROME_PATH: '/usr/bin/chromium', ...process.env } });
  const status = await new Promise((ok, fail) => { child.on('error', fail); child.on('exit', ok); });
  if (status !== 0) throw new Error(`lighthouse failed with status ${status}`);
  const lhr = JSON.parse(readFileSync(out, 'utf8'));
  const score = (id) => (lhr.categories[id]?.score == null ? null : Math.round(lhr.categories[id].score * 100));
  const audit = (id) => lhr.audits[id]?.numericValue ?? null;
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    best_practices: score('best-practices'),
    seo: score('seo'),
    fcp_ms: audit('first-contentful-paint'),
    lcp_ms: audit('largest-contentful-paint'),
    tbt_ms: audit('total-blocking-time'),
    cls: audit('cumulative-layout-shift'),
    speed_index_ms: audit('speed-index'),
    failed_audits: Object.values(lhr.audits)
      .filter((a) => a.score != null && a.score < 0.9 && a.scoreDisplayMode !== 'informative'
        && a.scoreDisplayMode !== 'notApplicable' && a.scoreDisplayMode !== 'manual')
      .map((a) => a.id),
  };
}

/**
 * Runs Lighthouse `runs` times and reports the median of every figure, with each run's
 * TBT beside it: on a small shared machine one run's blocking time says little. The
 * report of the run with the median TBT is kept as `out`; the audit list comes from it.
 */
export async function lighthouseMedian(url, { root, out, runs = 3 }) {
  const results = [];
  for (let i = 0; i < runs; i++) {
    const path = out.replace(/\.json$/, `-${i + 1}.json`);
    results.push({ path, ...(await lighthouse(url, { root, out: path })) });
  }
  const median = (key) => {
    const values = results.map((r) => r[key]).filter((v) => v != null).sort((a, b) => a - b);
    return values.length ? values[Math.floor((values.length - 1) / 2)] : null;
  };
  const byTbt = [...results].sort((a, b) => (a.tbt_ms ?? 0) - (b.tbt_ms ?? 0));
  const middle = byTbt[Math.floor((byTbt.length - 1) / 2)];
  writeFileSync(out, readFileSync(middle.path));
  const keys = ['performance', 'accessibility', 'best_practices', 'seo', 'fcp_ms', 'lcp_ms', 'tbt_ms', 'cls', 'speed_index_ms'];
  return {
    runs,
    ...Object.fromEntries(keys.map((k) => [k, median(k)])),
    tbt_runs_ms: results.map((r) => r.tbt_ms),
    performance_runs: results.map((r) => r.performance),
    failed_audits: middle.failed_audits,
  };
}
