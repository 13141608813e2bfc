// Lighthouse with its mobile defaults (simulated slow 4G and a 4x slower CPU) against
// dist/ served with gzip on 127.0.0.1; the full JSON report is kept in .bench/.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
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
