// Loaded by every page. Kept in a file because the pages allow no inline
// script (Content-Security-Policy: script-src 'self').
(function () {
  "use strict";
  // Every change (htmx form posts included) carries the page's CSRF token,
  // which the server binds to this browser's session cookie.
  const meta = document.querySelector('meta[name="csrf-token"]');
  document.addEventListener("htmx:configRequest", (event) => {
    if (meta) event.detail.headers["X-CSRF-Token"] = meta.content;
  });
  if ("serviceWorker" in navigator) {
    addEventListener("load", () => navigator.serviceWorker.register("/sw.js").catch(() => {}));
  }
})();
