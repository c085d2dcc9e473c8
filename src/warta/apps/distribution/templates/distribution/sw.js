/* Warta service worker {{ version }}.
 * Pages: network first, so readers always get the newest version online; the copy of
 * every page they opened is kept for reading offline. Private areas, POSTs and responses
 * marked private or no-store are never stored. Static files: cache first, refreshed
 * in the background.
 */
"use strict";

const CONFIG = {{ config_json }};
const PAGES = "warta-pages";
const ASSETS = "warta-assets-" + CONFIG.version;

function isExcluded(url) {
  return CONFIG.neverCache.some((prefix) => url.pathname.startsWith(prefix));
}

function isCacheable(response) {
  if (!response || !response.ok || response.type !== "basic") return false;
  const cacheControl = (response.headers.get("Cache-Control") || "").toLowerCase();
  return !/(^|[\s,])(private|no-store)([\s,=]|$)/.test(cacheControl);
}

async function trim(cacheName, maxEntries, keep) {
  const cache = await caches.open(cacheName);
  const keys = await cache.keys();
  const removable = keys.filter((request) => !keep.includes(new URL(request.url).pathname));
  const excess = keys.length - maxEntries;
  await Promise.all(removable.slice(0, Math.max(0, excess)).map((request) => cache.delete(request)));
}

async function store(cacheName, request, response) {
  const cache = await caches.open(cacheName);
  await cache.put(request, response);
}

self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    await Promise.all(CONFIG.precache.map(async (path) => {
      try {
        const response = await fetch(path, { cache: "no-cache", credentials: "same-origin" });
        if (isCacheable(response)) await store(PAGES, path, response);
      } catch (error) {
        // Installing offline still gives a working worker; the page is cached on first visit.
      }
    }));
    await self.skipWaiting();
  })());
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    const names = await caches.keys();
    await Promise.all(
      names.filter((name) => name.startsWith("warta-") && name !== PAGES && name !== ASSETS)
        .map((name) => caches.delete(name)),
    );
    await self.clients.claim();
  })());
});

async function networkFirst(event) {
  const request = event.request;
  try {
    const response = await fetch(request);
    if (isCacheable(response)) {
      const copy = response.clone();
      event.waitUntil(
        store(PAGES, request, copy).then(() => trim(PAGES, CONFIG.maxPages, CONFIG.precache)),
      );
    }
    return response;
  } catch (error) {
    const cached = await caches.match(request, { cacheName: PAGES, ignoreVary: true });
    if (cached) return cached;
    const offline = await caches.match(CONFIG.offlineUrl, { cacheName: PAGES, ignoreVary: true });
    return offline || new Response(CONFIG.offlineText, {
      status: 503,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  }
}

async function cacheFirst(event) {
  const request = event.request;
  const cached = await caches.match(request, { cacheName: ASSETS, ignoreVary: true });
  const refresh = fetch(request).then((response) => {
    if (isCacheable(response)) {
      const copy = response.clone();
      event.waitUntil(
        store(ASSETS, request, copy).then(() => trim(ASSETS, CONFIG.maxAssets, [])),
      );
    }
    return response;
  });
  if (cached) {
    event.waitUntil(refresh.catch(() => undefined));
    return cached;
  }
  return refresh;
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || isExcluded(url)) return;
  const accept = request.headers.get("Accept") || "";
  if (request.mode === "navigate" || accept.includes("text/html")) {
    event.respondWith(networkFirst(event));
  } else if (CONFIG.assetPrefixes.some((prefix) => url.pathname.startsWith(prefix))) {
    event.respondWith(cacheFirst(event));
  }
});
