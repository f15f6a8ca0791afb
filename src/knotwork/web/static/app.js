// Small page helpers: live numbers beside sliders, and a clear message when a
// request cannot reach the knotwork server (offline).
(function () {
  "use strict";
  document.addEventListener("input", (event) => {
    const slider = event.target;
    if (slider.type !== "range" || !slider.id) return;
    const output = document.querySelector('output[for="' + slider.id + '"]');
    if (output) output.textContent = slider.value;
  });
  // After "delete everything", forget this device's copies too.
  if (document.querySelector("[data-forget-device]")) {
    localStorage.removeItem("knotwork.pendingSessions");
    if (window.caches) {
      caches.keys().then((keys) => keys.forEach((key) => caches.delete(key)));
    }
  }
  document.addEventListener("htmx:sendError", (event) => {
    const target = event.detail.target;
    if (!target) return;
    const message = document.createElement("p");
    message.className = "error";
    message.setAttribute("role", "alert");
    message.textContent =
      "You are offline, so this answer can't be worked out right now. " +
      "The body map and the session player still work; try again once you are back online.";
    target.replaceChildren(message);
  });
})();
