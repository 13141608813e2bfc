// Trunk post_build step (scripts/post-build.mjs): pins the page's Content-Security-Policy to the build. Trunk
// writes an inline module script (the wasm loader) into index.html, so the policy needs
// that script's hash, which changes with every build. This hashes every inline script,
// puts the policy in a <meta> tag at the top of <head>, and writes `_headers` (read by
// Netlify and Cloudflare Pages) with the same policy plus what only a header can say.
//
// FRAME_ANCESTORS (build-time environment) lists who may frame the calculator; the
// default allows any site, because embedding is a feature (EMBEDDING.md, SECURITY.md).
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('TRUNK_STAGING_DIR is not set: run this as a trunk post_build hook');
const file = join(dir, 'index.html');
let html = readFileSync(file, 'utf8');

const sha256 = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
const hashes = [];
for (const [, attrs, body] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
  if (/\bsrc\s*=/i.test(attrs)) continue;
  hashes.push(sha256(body));
}
// The stylesheets are inlined into index.html (one render-blocking request fewer): each
// <style> element is allowed by its hash, and no other inline style element is.
const styleHashes = [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)].map(([, body]) => sha256(body));

// 'wasm-unsafe-eval' lets the page compile its own WebAssembly and nothing else.
// style-src-attr 'unsafe-inline': ECharts writes each tooltip's content as HTML whose
// colour markers and spacing are style attributes (set with innerHTML, which the policy
// checks). Without it every tooltip still opens in place, since its box is styled through
// the CSSOM, but loses its series markers and runs names into values, with a violation
// per attribute (csp.test.mjs checks the markers). Elements' styles set through the CSSOM
// (ECharts, the accent colour) need nothing. Style elements are this build's own, by
// hash, or come from this origin.
const policy = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(' ')}`.trim(),
  `style-src 'self' ${styleHashes.join(' ')}`.trim(),
  "style-src-attr 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  // The offline service worker, sw.js, and the usage-export reader's worker,
  // import-worker.js: from this origin only.
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}">`;
html = html.replace(/<meta http-equiv="?Content-Security-Policy"?[^>]*>\s*/i, '');
// A development build (`make serve`) gets no meta policy: trunk's live-reload script is
// added to the page after this hook, so no hash here could allow it. Release builds
// (`make build`, what is deployed and tested) carry it.
const release = (process.env.TRUNK_PROFILE ?? 'release') === 'release';
if (release) {
  // Right after <meta charset>, so the policy is in force before any script or style.
  // (A minified page writes it as <meta charset=utf-8>.)
  html = html.replace(/(<meta charset="?[^">]*"?>)/i, `$1${meta}`);
  if (!html.includes(meta)) throw new Error('index.html has no <meta charset>: the policy was not inserted');
}
writeFileSync(file, html);

const ancestors = process.env.FRAME_ANCESTORS || '*';
writeFileSync(join(dir, '_headers'), `/*
  Content-Security-Policy: ${policy}; frame-ancestors ${ancestors}
  X-Content-Type-Options: nosniff
  Referrer-Policy: no-referrer
`);
console.log(`csp: ${release ? '' : 'development build, no meta policy; '}${hashes.length} inline script and ${styleHashes.length} style hash(es); frame-ancestors ${ancestors}`);
