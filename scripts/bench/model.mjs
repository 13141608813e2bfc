// Runs every criterion benchmark of the crate and reads the point estimates criterion
// writes to <target>/criterion/<group>/<bench>/new/estimates.json.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

function estimates(dir, since) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (!statSync(path).isDirectory() || name === 'report') return [];
    const est = join(path, 'new', 'estimates.json');
    const meta = join(path, 'new', 'benchmark.json');
    if (existsSync(est) && existsSync(meta)) {
      if (statSync(est).mtimeMs < since) return [];
      const { full_id, group_id } = JSON.parse(readFileSync(meta, 'utf8'));
      const e = JSON.parse(readFileSync(est, 'utf8'));
      return [{ id: full_id, group: group_id, mean_ns: e.mean.point_estimate, median_ns: e.median.point_estimate }];
    }
    return estimates(path, since);
  });
}

/**
 * Runs every benchmark target in benches/ (`cargo bench --bench '*'`), with a short
 * warm-up and measurement, enough for a stable median of these microsecond-scale
 * functions, and returns one row per benchmark.
 */
export function model({ root, targetDir, quick = true }) {
  const since = Date.now();
  const args = ['bench', '--bench', '*', '--'];
  if (quick) args.push('--warm-up-time', '1', '--measurement-time', '3');
  const run = spawnSync('cargo', args, { cwd: root, stdio: ['ignore', 'ignore', 'inherit'], env: process.env });
  if (run.status !== 0) throw new Error(`cargo bench failed with status ${run.status}`);
  return estimates(join(targetDir, 'criterion'), since - 1000).sort((a, b) => a.id.localeCompare(b.id));
}
