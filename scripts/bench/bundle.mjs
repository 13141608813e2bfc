// Bytes of every file in dist/: raw, gzip -9 and brotli (quality 11), and what a first
// visit to the calculator downloads before and after the results are on screen.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/**
 * Files the page requests only once the results are showing: the ECharts bundle, which
 * the app injects when the first chart comes near the screen, the optional branding and
 * the offline worker, which is registered after the results.
 */
export const AFTER_RESULTS = [/^echarts[^/]*\.js$/, /^site\.json$/, /^sw\.js$/];

/**
 * Files in dist/ the calculator page never requests: the static host's header rules, the
 * script an embedding site loads on its own page, and the favicon file for hosts that
 * want one (the page carries its icon inline).
 */
export const NOT_REQUESTED = [/^_headers$/, /^embed\.js$/, /^favicon\.svg$/];

/**
 * Files the page requests only when the visitor drops or chooses a usage export: the
 * reader's worker script, its glue and its wasm module. Not part of a visit's total.
 */
export const ON_IMPORT = [/^import[-_]worker/];

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
      not_requested: NOT_REQUESTED.some((re) => re.test(name)),
      on_import: ON_IMPORT.some((re) => re.test(name)),
    };
  });
  files.sort((a, b) => b.gzip - a.gzip);
  const sum = (list, key) => list.reduce((n, f) => n + f[key], 0);
  const visit = files.filter((f) => !f.not_requested && !f.on_import);
  const before = visit.filter((f) => !f.after_results);
  return {
    files,
    first_visit: { raw: sum(visit, 'raw'), gzip: sum(visit, 'gzip'), brotli: sum(visit, 'brotli') },
    before_results: { raw: sum(before, 'raw'), gzip: sum(before, 'gzip'), brotli: sum(before, 'brotli') },
  };
}
