// The body map: the overview opens a body part zoomed in; there every zone
// toggles like a checkbox (click, tap, Space or Enter), and the chosen zones
// travel with the form as hidden "spot" inputs ("calf:left", or "sternum").
(function () {
  "use strict";
  const map = document.querySelector("[data-bodymap]");
  if (!map) return;
  const form = map.closest("form");
  const box = form.querySelector("[data-spot-inputs]");
  const said = document.getElementById("chosen");
  const count = document.querySelector("[data-chosen-count]");
  const overview = map.querySelector("[data-overview]");
  const zoom = map.querySelector("[data-zoom]");
  const title = document.getElementById("zoom-title");
  const zones = Array.from(map.querySelectorAll(".zone"));
  const shades = Array.from(map.querySelectorAll(".shade"));
  const labels = new Map(zones.map((zone) => [zone.dataset.key, zone.getAttribute("aria-label")]));
  const names = new Map(Array.from(map.querySelectorAll(".bodymap__parts [data-open-part]"),
    (button) => [button.dataset.openPart, button.textContent]));
  const chosen = new Set(Array.from(box.querySelectorAll("input"), (input) => input.value));
  let openPart = null;

  function sync() {
    for (const zone of zones) zone.setAttribute("aria-checked", String(chosen.has(zone.dataset.key)));
    for (const shade of shades) shade.classList.toggle("is-chosen", chosen.has(shade.dataset.key));
    box.replaceChildren(...Array.from(chosen, (value) => {
      const input = document.createElement("input");
      input.type = "hidden";
      input.name = "spot";
      input.value = value;
      return input;
    }));
    const picked = Array.from(chosen, (value) => labels.get(value) || value);
    said.textContent = picked.length ? "Chosen: " + picked.join("; ") + "." : "No areas chosen yet.";
    if (count) count.textContent = picked.length === 1 ? "1 area" : picked.length + " areas";
  }

  function toggle(zone) {
    const value = zone.dataset.key;
    if (chosen.has(value)) chosen.delete(value);
    else chosen.add(value);
    sync();
  }

  function show(part, view) {
    openPart = part;
    for (const panel of map.querySelectorAll("[data-panel]")) {
      panel.hidden = !(panel.dataset.panel === part && panel.dataset.view === view);
    }
    for (const button of map.querySelectorAll("[data-show-view]")) {
      button.setAttribute("aria-pressed", String(button.dataset.showView === view));
    }
    title.textContent = names.get(part) || "Body part";
    overview.hidden = true;
    zoom.hidden = false;
  }

  function open(part, view) {
    show(part, view || "front");
    zoom.scrollIntoView({ block: "start" });
    title.focus({ preventScroll: true });
  }

  function wholeBody() {
    openPart = null;
    zoom.hidden = true;
    overview.hidden = false;
    const first = map.querySelector(".bodymap__parts button");
    if (first) first.focus();
  }

  map.addEventListener("click", (event) => {
    const zone = event.target.closest(".zone");
    if (zone) return toggle(zone);
    const opener = event.target.closest("[data-open-part]");
    if (opener) return open(opener.dataset.openPart, opener.dataset.openView);
    const viewButton = event.target.closest("[data-show-view]");
    if (viewButton && openPart) return show(openPart, viewButton.dataset.showView);
    if (event.target.closest("[data-whole-body]")) wholeBody();
  });
  map.addEventListener("keydown", (event) => {
    const zone = event.target.closest(".zone");
    if (zone && (event.key === " " || event.key === "Enter")) {
      event.preventDefault();
      toggle(zone);
    }
    if (event.key === "Escape" && openPart) wholeBody();
  });
  const clear = form.querySelector("[data-clear-spots]");
  if (clear) clear.addEventListener("click", () => { chosen.clear(); sync(); });
  sync();
})();
