// The journal when the connection comes and goes. On the offline journal
// (served by the service worker in place of /journal) pain is logged into the
// device's outbox and the waiting entries are listed; on the full journal a
// form sent while offline is kept the same way instead of failing. Whatever
// waits is sent as soon as the connection is back.
import { flush, queued, send } from "./outbox.js";

const PAIN_URL = "/api/v1/journal/pain";
const shell = document.querySelector("[data-offline-journal]");
const fullForm = document.querySelector('form[action="/journal/pain"]');

// Spot names come from the page's own list, so nothing extra is stored.
function spotName(id) {
  const option = document.querySelector('#spot option[value="' + CSS.escape(id) + '"]');
  return option ? option.textContent : id.replaceAll("_", " ");
}

function when(iso) {
  return new Date(iso).toLocaleString([], { weekday: "short", hour: "2-digit", minute: "2-digit" });
}

function describe(item) {
  const b = item.body || {};
  if (item.url === PAIN_URL) {
    return "Pain " + b.pain + "/10 · " + spotName(b.spot) + (b.side ? " (" + b.side + ")" : "") + (b.at ? " · " + when(b.at) : "");
  }
  if (item.what === "re-test") {
    const measure = b.degrees !== null ? b.degrees + "°" : b.ease + "/10 easy";
    return "Re-test " + (b.phase || "") + " · " + b.movement + (b.side ? " (" + b.side + ")" : "") + ": " + measure;
  }
  return "Session · " + String(b.routine || "").replaceAll("_", " ") + (b.started_at ? " · " + when(b.started_at) : "");
}

function listQueued() {
  const list = shell.querySelector("[data-queued]");
  const items = queued();
  list.replaceChildren(...items.map((item) => {
    const li = document.createElement("li");
    li.textContent = describe(item);
    return li;
  }));
  shell.querySelector("[data-nothing-queued]").hidden = items.length > 0;
}

function painOf(form) {
  const data = new FormData(form);
  const text = (name) => String(data.get(name) || "").trim() || null;
  return {
    spot: String(data.get("spot")),
    pain: Number(data.get("pain")),
    side: text("side"),
    activity: text("activity"),
    note: text("note"),
    at: new Date().toISOString(), // when it was felt, not when it is sent
  };
}

async function logOnDevice(form, status) {
  const entry = painOf(form);
  const outcome = await send(PAIN_URL, entry, "pain");
  status.textContent = {
    saved: "Logged " + spotName(entry.spot).toLowerCase() + " in your journal.",
    kept: "Kept on this device: it goes into your journal when you are back online.",
    refused: "Not logged: " + outcome.detail + ".",
  }[outcome.state];
  return outcome;
}

function showConnection() {
  shell.querySelector("[data-connection]").textContent = navigator.onLine
    ? "You are online: what you log here goes straight into your journal, and anything waiting is sent now."
    : "You are offline. What you log here waits on this device and goes into your journal when you are back online.";
}

if (shell) {
  const form = shell.querySelector("[data-offline-log]");
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    await logOnDevice(form, form.querySelector("[data-logged]"));
    listQueued();
  });
  addEventListener("online", showConnection);
  addEventListener("offline", showConnection);
  addEventListener("knotwork:sent", listQueued);
  showConnection();
  listQueued();
} else if (fullForm) {
  // The full journal was opened online; if the connection drops before the
  // form is sent, keep the entry rather than show the browser's error page.
  fullForm.addEventListener("submit", async (event) => {
    if (navigator.onLine) return;
    event.preventDefault();
    let status = fullForm.querySelector("[data-logged]");
    if (!status) {
      status = document.createElement("p");
      status.setAttribute("role", "status");
      status.dataset.logged = "";
      fullForm.append(status);
    }
    await logOnDevice(fullForm, status);
  });
  // Entries sent from here are in the journal, but not yet on this page.
  addEventListener("knotwork:sent", () => location.reload());
}
flush();
