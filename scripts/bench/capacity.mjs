// The serving estimate against public measurements: runs the example that prints
// docs/VALIDATION.md's tables and reads its summary rows (all, fitted, held out).
import { spawnSync } from 'node:child_process';

export function capacity({ root }) {
  const run = spawnSync('cargo', ['run', '--quiet', '--release', '--example', 'serving_validation'], {
    cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], env: process.env,
  });
  if (run.status !== 0) throw new Error(`serving_validation failed with status ${run.status}`);
  const rows = {};
  for (const m of run.stdout.matchAll(/^\| (all|fitted|held out) \| (\d+) \| (\d+)% \| ([\d.]+)x \|$/gm)) {
    rows[m[1]] = { points: Number(m[2]), median_error_pct: Number(m[3]), worst_factor_off: Number(m[4]) };
  }
  if (!rows.all) throw new Error('serving_validation printed no summary');
  return rows;
}
