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
//   first (their name changes with their content). The site owner's branding (site.json
//   and the logo it names) is edited without a new build, so it is not one of the
//   build's files: the network answers first, and the last copy is kept for offline use.
//   Anything else is left to the browser.
const BUILD = '__BUILD__';
const FILES = /*__FILES__*/[];

const SCOPE = self.registration.scope;
// Caches are shared by the whole origin: a prefix per scope keeps two copies of the
// calculator on one site (under different paths) out of each other's way.
const PREFIX = `llm-tco:${SCOPE}:`;
const CACHE = PREFIX + BUILD;
const PAGE = SCOPE;
const listed = new Map(FILES.map((f) => [new URL(f.url, SCOPE).href, f]));
const SITE = new URL('site.json', SCOPE).href;

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
  if (key === SITE || (request.destination === 'image' && !listed.has(key))) {
    if (!url.search) event.respondWith(branding(request, key));
    return;
  }
  const file = listed.get(key);
  if (!file || url.search) return;
  // Unhashed files are revalidated: a copy in the HTTP cache may be an older build's.
  event.respondWith(file.hashed ? cacheFirst(request, key) : networkFirst(new Request(request, { cache: 'no-cache' }), key));
});

async function fromCache(key) {
  const cache = await caches.open(CACHE);
  return cache.match(key);
}

/**
 * The network's answer, handed to `fromNetwork` first (to keep what it should); offline,
 * the copy kept under `key`, which is returned as it is.
 */
async function networkFirst(request, key, fromNetwork = async () => {}) {
  let response;
  try {
    response = await fetch(request);
  } catch (error) {
    const cached = await fromCache(key);
    if (cached) return cached;
    throw error;
  }
  await fromNetwork(response);
  return response;
}

async function cacheFirst(request, key) {
  return (await fromCache(key)) ?? fetch(request);
}

/**
 * site.json or an image: the network's answer (see networkFirst), kept when it is
 * site.json or the logo it names (a host that answers unknown paths with its page is not
 * kept); offline, the kept copy. A site.json that is gone (404) is forgotten with its logo.
 */
async function branding(request, key) {
  return networkFirst(request, key, async (response) => {
    const cache = await caches.open(CACHE);
    if (key === SITE) {
      if (isBranding(response)) await keepSite(cache, response.clone());
      else if (response.status === 404) await forgetSite(cache);
    } else if (isBranding(response) && key === await logoOf(cache)) {
      await cache.put(key, response.clone());
    }
  });
}

function isBranding(response) {
  return response.ok && !(response.headers.get('content-type') ?? '').includes('text/html');
}

/** Keeps site.json, and fetches and keeps the logo it names (best effort). */
async function keepSite(cache, response) {
  const text = await response.text();
  await cache.put(SITE, new Response(text, { headers: { 'content-type': 'application/json' } }));
  const logo = logoIn(text);
  if (!logo || await cache.match(logo)) return;
  try {
    const image = await fetch(logo, { cache: 'no-cache' });
    if (isBranding(image)) await cache.put(logo, image);
  } catch {
    // Kept the next time the page shows it.
  }
}

async function forgetSite(cache) {
  const logo = await logoOf(cache);
  if (logo) await cache.delete(logo);
  await cache.delete(SITE);
}

/** The absolute address of the logo the kept site.json names, if any. */
async function logoOf(cache) {
  const kept = await cache.match(SITE);
  return kept ? logoIn(await kept.text()) : null;
}

/** The same-origin logo a site.json text names (the page shows no other), or null. */
function logoIn(text) {
  try {
    const logo = JSON.parse(text)?.logo;
    if (typeof logo !== 'string') return null;
    const url = new URL(logo, SCOPE);
    return url.origin === self.location.origin ? url.origin + url.pathname : null;
  } catch {
    return null;
  }
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
    // The site's branding, when it has one: never a reason for the install to fail.
    try {
      const site = await fetch(SITE, { cache: 'no-cache' });
      if (isBranding(site)) await keepSite(cache, site);
    } catch {
      // Kept the next time the page asks for it.
    }
  } catch (error) {
    await caches.delete(CACHE);
    throw error;
  }
}
