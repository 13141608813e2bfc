// Trunk post_build hook. Trunk starts the hooks of one stage together, so the steps that
// depend on each other run here, in order: the Content-Security-Policy goes into
// index.html first, then the service worker lists the finished files.
import { writeServiceWorker } from './sw.mjs';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('TRUNK_STAGING_DIR is not set: run this as a trunk post_build hook');
await import('./csp.mjs');
const { id, files } = writeServiceWorker(dir);
console.log(`sw: build ${id}, ${files.length} file(s) kept for offline use`);
