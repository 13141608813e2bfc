// Trunk post_build hook. Trunk starts the hooks of one stage together, so the steps that
// depend on each other run here, in order: a release build's JavaScript glue is minified,
// the Content-Security-Policy goes into index.html, then the service worker lists the
// finished files.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { transform } from 'esbuild';
import { writeServiceWorker } from './sw.mjs';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('TRUNK_STAGING_DIR is not set: run this as a trunk post_build hook');

// wasm-bindgen's glue (`llm-tco-<hash>.js`) comes out of trunk with its whitespace and
// long names; esbuild shortens it by a third. Nothing checks its bytes against the build
// (the page preloads it without an integrity hash); the service worker's digests are
// taken below, after this.
if ((process.env.TRUNK_PROFILE ?? 'release') === 'release') {
  for (const name of readdirSync(dir).filter((n) => /^llm-tco-[0-9a-f]+\.js$/.test(n))) {
    const file = join(dir, name);
    const { code } = await transform(readFileSync(file, 'utf8'), { minify: true, format: 'esm', target: 'es2020', legalComments: 'none' });
    writeFileSync(file, code);
  }
}

await import('./csp.mjs');
const { id, files } = writeServiceWorker(dir);
console.log(`sw: build ${id}, ${files.length} file(s) kept for offline use`);
