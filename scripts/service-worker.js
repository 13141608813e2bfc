// The calculator's service worker: keeps one build's files so the page opens and works
// offline after one visit. scripts/sw.mjs copies this into dist/sw.js at build time with
// BUILD (a hash of every file it lists) and FILES filled in, so each build is a new worker
// with a cache of its own.
//
// - Install: fetches every listed file and checks it is this build's (the digest of each
//   script, wasm and bundle; the page must name this build's hashed files), or installs
//   nothing at all. Hashed names may come from the HTTP cache, other names are revalidated.
// - Activate: deletes this scope's caches of other builds and takes over open pages.
// - Fetch: the page itself and unhashed files (echarts.min.js, revalidated) go to the
//   network first and fall back to this build's cache only when the network fails, so an
//   online visitor always gets one deployment's files; hashed files come from the cache
//   first (their name changes with their content). Anything not listed is left to the
//   browser.
const BUILD = '__BUILD__';
const FILES = /*__FILES__*/[];

const SCOPE = self.registration.scope;
// Caches are shared by the whole origin: a prefix per scope keeps two copies of the
// calculator on one site (under different paths) out of each other's way.
const PREFIX = `llm-tco:${SCOPE}:`;
const CACHE = PREFIX + BUILD;
const PAGE = SCOPE;
const listed = new Map(FILES.map((f) => [new URL(f.url, SCOPE).href, f]));

self.addEventListener('install', (event) => {
  event.waitUntil(precache().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    const path = url.origin + url.pathname;
    if (path === PAGE || path === PAGE + 'index.html') event.respondWith(networkFirst(request, PAGE));
    return;
  }
  const key = url.origin + url.pathname;
  const file = listed.get(key);
  if (!file || url.search) return;
  // Unhashed files are revalidated: a copy in the HTTP cache may be an older build's.
  event.respondWith(file.hashed ? cacheFirst(request, key) : networkFirst(new Request(request, { cache: 'no-cache' }), key));
});

async function fromCache(key) {
  const cache = await caches.open(CACHE);
  return cache.match(key);
}

async function networkFirst(request, key) {
  try {
    return await fetch(request);
  } catch (error) {
    const cached = await fromCache(key);
    if (cached) return cached;
    throw error;
  }
}

async function cacheFirst(request, key) {
  return (await fromCache(key)) ?? fetch(request);
}

async function precache() {
  const cache = await caches.open(CACHE);
  const hashedNames = FILES.filter((f) => f.hashed).map((f) => f.url);
  try {
    await Promise.all(FILES.map(async (file) => {
      const url = new URL(file.url, SCOPE).href;
      const response = await fetch(url, { cache: file.hashed ? 'default' : 'no-cache' });
      if (!response.ok) throw new Error(`${file.url}: HTTP ${response.status}`);
      const body = await response.arrayBuffer();
      if (file.sha256) {
        const digest = btoa(String.fromCharCode(...new Uint8Array(await crypto.subtle.digest('SHA-256', body))));
        if (digest !== file.sha256) throw new Error(`${file.url} is not this build's (being deployed?)`);
      } else {
        // The page may be rewritten by a host (an injected script), so it is checked for
        // naming this build's files rather than byte for byte.
        const text = new TextDecoder().decode(body);
        const missing = hashedNames.filter((name) => !text.includes(name));
        if (missing.length) throw new Error(`${file.url} is not this build's page (no ${missing.join(', ')})`);
      }
      // A fresh response: a redirected one cannot answer a navigation, and the body is
      // already decoded.
      const headers = new Headers(response.headers);
      headers.delete('content-encoding');
      headers.delete('content-length');
      await cache.put(url, new Response(body, { status: response.status, headers }));
    }));
  } catch (error) {
    await caches.delete(CACHE);
    throw error;
  }
}
