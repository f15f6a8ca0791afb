// The body map: every zone toggles like a checkbox (click, tap, Space or Enter),
// and the chosen zones travel with the form as hidden "spot" inputs
// ("calf:left", or just "sternum" for the midline).
(function () {
  "use strict";
  const map = document.querySelector("[data-bodymap]");
  if (!map) return;
  const form = map.closest("form");
  const box = form.querySelector("[data-spot-inputs]");
  const said = document.getElementById("chosen");
  const zones = Array.from(map.querySelectorAll(".zone"));
  const key = (zone) => zone.dataset.region + (zone.dataset.side ? ":" + zone.dataset.side : "");
  const labels = new Map(zones.map((zone) => [key(zone), zone.getAttribute("aria-label")]));
  const chosen = new Set(Array.from(box.querySelectorAll("input"), (input) => input.value));

  function sync() {
    for (const zone of zones) zone.setAttribute("aria-checked", String(chosen.has(key(zone))));
    box.replaceChildren(...Array.from(chosen, (value) => {
      const input = document.createElement("input");
      input.type = "hidden";
      input.name = "spot";
      input.value = value;
      return input;
    }));
    const names = Array.from(chosen, (value) => labels.get(value) || value);
    said.textContent = names.length ? "Chosen: " + names.join("; ") + "." : "No areas chosen yet.";
  }

  function toggle(zone) {
    const value = key(zone);
    if (chosen.has(value)) chosen.delete(value);
    else chosen.add(value);
    sync();
  }

  map.addEventListener("click", (event) => {
    const zone = event.target.closest(".zone");
    if (zone) toggle(zone);
  });
  map.addEventListener("keydown", (event) => {
    const zone = event.target.closest(".zone");
    if (zone && (event.key === " " || event.key === "Enter")) {
      event.preventDefault();
      toggle(zone);
    }
  });
  const clear = form.querySelector("[data-clear-spots]");
  if (clear) clear.addEventListener("click", () => { chosen.clear(); sync(); });
  sync();
})();
