// The end screen's lines: pain before and after per spot, the re-test before
// and after (degrees when measured), the steps done, and what was kept where.

function plural(count, word) {
  return count + " " + word + (count === 1 ? "" : "s");
}

function minutes(seconds) {
  const whole = Math.max(0, Math.round(seconds));
  return Math.floor(whole / 60) + ":" + String(whole % 60).padStart(2, "0");
}

// "Re-test, neck rotation, left: 55° → 68° (+13°)"; an ease rating in /10.
export function retestLines(entries) {
  const pairs = new Map();
  for (const e of entries) {
    const measured = e.degrees !== null;
    const key = e.movement + (measured ? (e.side ? ", " + e.side : "") : " (ease)");
    const pair = pairs.get(key) || { unit: measured ? "°" : "/10" };
    pair[e.phase] = measured ? e.degrees : e.ease;
    pairs.set(key, pair);
  }
  return Array.from(pairs, ([key, p]) => {
    const said = (v) => (v === undefined ? "–" : v + p.unit);
    let change = "";
    if (p.before !== undefined && p.after !== undefined) {
      const by = p.after - p.before;
      change = " (" + (by >= 0 ? "+" : "") + by + (p.unit === "°" ? "°" : "") + ")";
    }
    return "Re-test, " + key + ": " + said(p.before) + " → " + said(p.after) + change;
  });
}

// ``where`` says where the record went: "In your journal" or "Waiting on this device".
export function summaryLines(session, entries, { spots, stepCount, where }) {
  const names = new Map(spots.map((s) => [s.id, s.name]));
  const lines = [];
  for (const spot of Object.keys({ ...session.pain_before, ...session.pain_after })) {
    const said = (v) => (v === undefined ? "–" : v + "/10");
    lines.push((names.get(spot) || spot) + ": pain " + said(session.pain_before[spot]) + " → " + said(session.pain_after[spot]));
  }
  lines.push(...retestLines(entries));
  const done = session.steps.filter((s) => !s.skipped).length;
  const seconds = session.steps.reduce((t, s) => t + s.done_seconds, 0);
  lines.push(done + " of " + stepCount + " steps done, " + minutes(seconds) + " of pressure and movement");
  const pains = Object.keys(session.pain_before).length + Object.keys(session.pain_after).length;
  const kept = ["the session"];
  if (pains) kept.push(plural(pains, "pain score"));
  if (entries.length) kept.push(plural(entries.length, "re-test result"));
  lines.push(where + ": " + kept.join(", ") + ".");
  return lines;
}
