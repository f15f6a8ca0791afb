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

function offlinePage(path) {
  // Pages that are never stored say why, instead of claiming they were never opened.
  const why = OFFLINE_PAGES.includes(path)
    ? "This page has not been opened on this device yet."
    : "For your privacy, knotwork keeps no offline copy of this page: your journal, " +
      "plans and health answers stay only in knotwork's own database. It opens again " +
      "as soon as you are back online. Sessions you run and pain you log offline are " +
      "kept on this device and sent then.";
  const html =
    '<!doctype html><html lang="en"><meta charset="utf-8">' +
    '<meta name="viewport" content="width=device-width, initial-scale=1">' +
    '<title>Offline · knotwork</title><link rel="stylesheet" href="/static/app.css">' +
    '<main id="main"><h1>You are offline</h1><p>' + why + ' ' +
    'The <a href="/">body map</a> and the <a href="/session">session player</a> work offline.</p></main></html>';
  return new Response(html, { status: 503, headers: { "Content-Type": "text/html; charset=utf-8" } });
}

// Only what offline use needs is stored: the body map, the session player and
// the journal's offline page, which holds no journal data (it lists only what
// this device logged and has not sent yet). Pages showing a person's journal,
// plans or health answers never are.
const OFFLINE_PAGES = ["/", "/session", "/journal/offline"];
// Offline, a page that is never stored is stood in for by one that is.
const STAND_INS = { "/journal": "/journal/offline" };

async function pageFirstFromNetwork(request) {
  const cache = await caches.open(CACHE);
  const path = new URL(request.url).pathname;
  try {
    const response = await fetch(request);
    if (response.ok && OFFLINE_PAGES.includes(path)) cache.put(request, response.clone());
    return response;
  } catch (error) {
    const standIn = STAND_INS[path] && (await cache.match(STAND_INS[path]));
    return standIn || (await cache.match(request)) || offlinePage(path);
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
