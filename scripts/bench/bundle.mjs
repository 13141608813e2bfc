// Bytes of every file in dist/: raw, gzip -9 and brotli (quality 11), and what a first
// visit downloads before and after the results are on screen.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/**
 * Files the page requests only once the results are showing: the ECharts bundle, which
 * the app injects after its first render, and the favicon.
 */
export const AFTER_RESULTS = [/^echarts[^/]*\.js$/, /^favicon\./];

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

/** Sizes of everything in `dist`, sorted largest first, with the first-visit totals. */
export function bundle(dist) {
  const files = walk(dist).map((path) => {
    const body = readFileSync(path);
    const name = relative(dist, path);
    return {
      file: name,
      raw: body.length,
      gzip: gzipSync(body, { level: 9 }).length,
      brotli: brotliCompressSync(body, {
        params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
      }).length,
      after_results: AFTER_RESULTS.some((re) => re.test(name)),
    };
  });
  files.sort((a, b) => b.gzip - a.gzip);
  const sum = (list, key) => list.reduce((n, f) => n + f[key], 0);
  const before = files.filter((f) => !f.after_results);
  return {
    files,
    first_visit: { raw: sum(files, 'raw'), gzip: sum(files, 'gzip'), brotli: sum(files, 'brotli') },
    before_results: { raw: sum(before, 'raw'), gzip: sum(before, 'gzip'), brotli: sum(before, 'brotli') },
  };
}
