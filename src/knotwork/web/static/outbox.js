// What the device keeps while the journal cannot be reached: sessions,
// re-tests and pain entries, each with the API address it goes to. Only what
// the person logged here waits on the device, and only until it is sent.
// The key predates pain entries; keeping it keeps sessions queued by older
// pages.
export const OUTBOX = "knotwork.pendingSessions";

// Older pages kept {url, session}; newer ones keep {url, body, what, at}.
export function queued() {
  let items;
  try {
    items = JSON.parse(localStorage.getItem(OUTBOX) || "[]");
  } catch (error) {
    items = [];
  }
  return Array.isArray(items) ? items.map((item) => ({ ...item, body: item.body || item.session })) : [];
}

function keep(items) {
  if (items.length) localStorage.setItem(OUTBOX, JSON.stringify(items));
  else localStorage.removeItem(OUTBOX);
}

// The page's CSRF token: the server refuses changes without it.
function csrfToken() {
  const meta = document.querySelector('meta[name="csrf-token"]');
  return meta ? meta.content : "";
}

function post(url, body) {
  return fetch(url, {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/json", "X-CSRF-Token": csrfToken() },
    body: JSON.stringify(body),
  });
}

// Send one record; on a network failure keep it for later. Returns
// {state: "saved" | "kept" | "refused", detail}.
export async function send(url, body, what) {
  try {
    const response = await post(url, body);
    if (response.ok) return { state: "saved" };
    const problem = await response.json().catch(() => ({}));
    return { state: "refused", detail: problem.detail || problem.title || "the journal refused it (" + response.status + ")" };
  } catch (error) {
    keep([...queued(), { url, body, what, at: new Date().toISOString() }]);
    return { state: "kept" };
  }
}

// Send everything kept, oldest first; return how many reached the journal.
// Going online, loading the page and logging can each ask for a flush at
// once; two flushes reading the same queue would post each record twice, so
// a flush asked for while one runs shares it.
let flushing = null;
export function flush() {
  if (!flushing) flushing = flushOnce().finally(() => { flushing = null; });
  return flushing;
}

async function flushOnce() {
  const items = queued();
  if (!items.length || !navigator.onLine) return 0;
  const left = [];
  let sent = 0;
  for (const item of items) {
    try {
      const response = await post(item.url, item.body);
      // A refused record (4xx) will never be accepted; drop it rather than
      // retry forever. A 403 only means this page's security token was out
      // of date: keep it for the next page, which carries a fresh one.
      if (response.status >= 500 || response.status === 403) left.push(item);
      else if (response.ok) sent += 1;
    } catch (error) {
      left.push(item);
    }
  }
  // Something may have been kept while we were sending: keep that too.
  const added = queued().slice(items.length);
  keep([...left, ...added]);
  if (sent) dispatchEvent(new CustomEvent("knotwork:sent", { detail: { sent } }));
  return sent;
}

addEventListener("online", flush);
