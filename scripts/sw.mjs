// Writes dist/sw.js: scripts/service-worker.js with this build's id and the files it keeps
// for offline use. Run by scripts/post-build.mjs after the Content-Security-Policy is in
// index.html (the page is listed as built), or alone on a built folder:
// `node scripts/sw.mjs dist`.
//
// Listed: the page (as its folder, `./`) and every file beside it except the worker,
// `_headers` and `embed.js` (host pages load that; it never runs in the calculator).
// BUILD hashes the worker's code and every listed file, so an unchanged build keeps its
// worker and any change makes a new one with a cache of its own.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SKIP = new Set(['sw.js', '_headers', 'embed.js', 'site.json']);
// trunk's content-hashed names, such as llm-tco-0123456789abcdef_bg.wasm.
const HASHED = /-[0-9a-f]{16}(_bg)?\.(js|wasm|css)$/;

export function writeServiceWorker(dir) {
  const names = readdirSync(dir)
    .filter((n) => !SKIP.has(n) && statSync(join(dir, n)).isFile())
    .sort();
  if (!names.includes('index.html')) throw new Error(`${dir} has no index.html`);
  const template = readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'service-worker.js'), 'utf8');
  // The worker's own code counts too: a changed worker is a new build with a new cache.
  const build = createHash('sha256').update(template);
  const files = names.map((name) => {
    const bytes = readFileSync(join(dir, name));
    build.update(`${name}\0${bytes.length}\0`).update(bytes);
    if (name === 'index.html') return { url: './' };
    return { url: name, hashed: HASHED.test(name), sha256: createHash('sha256').update(bytes).digest('base64') };
  });
  const id = build.digest('hex').slice(0, 16);
  const source = template
    .replace("const BUILD = '__BUILD__';", `const BUILD = ${JSON.stringify(id)};`)
    .replace('const FILES = /*__FILES__*/[];', `const FILES = ${JSON.stringify(files, null, 1)};`);
  if (!source.includes(`const BUILD = "${id}";`) || source.includes('__FILES__')) {
    throw new Error('scripts/service-worker.js lost its BUILD or FILES line');
  }
  writeFileSync(join(dir, 'sw.js'), source);
  return { id, files };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
  if (!dir) throw new Error('usage: node scripts/sw.mjs <built folder>');
  const { id, files } = writeServiceWorker(dir);
  console.log(`sw: build ${id}, ${files.length} file(s) kept for offline use`);
}
