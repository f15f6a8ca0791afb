// knotwork's service worker: pages are fetched fresh when online and served from
// the cache when not; static files come from the cache, which is renamed (and so
// refreshed) whenever any of them changes. The API is never cached.
"use strict";
const VERSION = "__VERSION__";
const PRECACHE = "__PRECACHE__";
const CACHE = "knotwork-" + VERSION;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) => cache.addAll(PRECACHE)).then(() => self.skipWaiting())
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(
        keys.filter((key) => key.startsWith("knotwork-") && key !== CACHE).map((key) => caches.delete(key))
      ))
      .then(() => self.clients.claim())
  );
});

function offlinePage() {
  const html =
    '<!doctype html><html lang="en"><meta charset="utf-8">' +
    '<meta name="viewport" content="width=device-width, initial-scale=1">' +
    '<title>Offline · knotwork</title><link rel="stylesheet" href="/static/app.css">' +
    '<main id="main"><h1>You are offline</h1><p>This page has not been opened on this device yet. ' +
    'The <a href="/">body map</a> and the <a href="/session">session player</a> work offline.</p></main></html>';
  return new Response(html, { status: 503, headers: { "Content-Type": "text/html; charset=utf-8" } });
}

// Health answers and the data page are never stored. The journal is kept, as
// last opened, so it can be read offline; it then says it is an offline copy.
const PRIVATE = ["/data", "/safety"];
const MARKED_OFFLINE = ["/journal"];

async function markedAsOffline(response) {
  const notice =
    '<p class="notice" role="status">You are offline: this is your journal as it was ' +
    "when you last opened it. It updates when you are back online.</p>";
  const html = (await response.text()).replace(/(<main[^>]*>)/, "$1" + notice);
  return new Response(html, { status: 200, headers: { "Content-Type": "text/html; charset=utf-8" } });
}

async function pageFirstFromNetwork(request) {
  const cache = await caches.open(CACHE);
  const path = new URL(request.url).pathname;
  try {
    const response = await fetch(request);
    if (response.ok && !PRIVATE.includes(path)) cache.put(request, response.clone());
    return response;
  } catch (error) {
    const kept = await cache.match(request);
    if (!kept) return offlinePage();
    return MARKED_OFFLINE.includes(path) ? markedAsOffline(kept) : kept;
  }
}

async function staticFromCache(request) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(request);
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok) cache.put(request, response.clone());
  return response;
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  if (url.pathname.startsWith("/api/") || url.pathname.startsWith("/data/export/")) return;
  if (url.pathname === "/plan.ics") return;
  if (url.pathname.startsWith("/static/")) {
    event.respondWith(staticFromCache(request));
  } else if (request.mode === "navigate" || url.pathname === "/manifest.webmanifest") {
    event.respondWith(pageFirstFromNetwork(request));
  }
});
