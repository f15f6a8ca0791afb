// Dismissible alerts: a dismissed alert leaves the top of the journal on this
// device (remembered in localStorage) but stays listed under "Alerts" below.
(function () {
  "use strict";
  const box = document.querySelector("[data-alerts]");
  if (!box) return;
  const KEY = "knotwork.dismissedAlerts";
  const read = () => {
    try { return new Set(JSON.parse(localStorage.getItem(KEY) || "[]")); } catch (error) { return new Set(); }
  };
  const dismissed = read();
  const items = Array.from(box.querySelectorAll("[data-alert]"));
  function sync() {
    for (const item of items) item.hidden = dismissed.has(item.dataset.alert);
    box.hidden = items.every((item) => item.hidden);
  }
  for (const button of box.querySelectorAll("[data-dismiss]")) {
    button.hidden = false;
    button.addEventListener("click", () => {
      dismissed.add(button.closest("[data-alert]").dataset.alert);
      localStorage.setItem(KEY, JSON.stringify(Array.from(dismissed)));
      sync();
    });
  }
  sync();
})();
