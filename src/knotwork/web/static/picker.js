// Searchable pickers: typing filters the chips and opens the groups that match.
(function () {
  "use strict";
  for (const picker of document.querySelectorAll("[data-picker]")) {
    const search = picker.querySelector("[data-picker-search]");
    if (!search) continue;
    const groups = Array.from(picker.querySelectorAll(".picker__group"));
    search.addEventListener("input", () => {
      const words = search.value.trim().toLowerCase();
      for (const group of groups) {
        let shown = 0;
        for (const chip of group.querySelectorAll(".chip")) {
          const hit = !words || chip.textContent.toLowerCase().includes(words);
          chip.hidden = !hit;
          if (hit) shown += 1;
        }
        group.hidden = shown === 0;
        if (words) group.open = shown > 0;
      }
    });
  }
})();
