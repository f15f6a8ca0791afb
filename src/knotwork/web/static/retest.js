// The measured re-test: the phone's motion sensor turns "is it easier to
// move?" into degrees, once per side, before the session and after it.
//
// DeviceOrientationEvent gives the phone's attitude as three angles. A turn
// of the head is followed by the heading of a phone held upright (alpha has
// no fixed north, but a difference needs none); a lift of an arm or leg by
// the phone's tilt against gravity, which beta and gamma alone give and
// which does not drift. Where no sensor answers, the 0-10 ease rating stays.

const RAD = Math.PI / 180;
const MAX_DEGREES = 180; // the same bound the journal keeps
const SENSOR_WAIT_MS = 1500;
const STEADY_MS = 2000; // held this still, this long, the side is measured
const STEADY_DEGREES = 3;
const MIN_MOVE = 10; // less than this is not a movement yet

// World "up" seen from the phone: depends on beta and gamma only.
function upVector(o) {
  const b = o.beta * RAD, g = o.gamma * RAD;
  return [-Math.sin(g) * Math.cos(b), Math.sin(b), Math.cos(g) * Math.cos(b)];
}

// The compass-free heading of the screen's normal, or of the long axis when
// the screen faces up or down and its normal has no heading to speak of.
function heading(o) {
  const a = o.alpha * RAD, b = o.beta * RAD, g = o.gamma * RAD;
  const nx = Math.sin(g), ny = -Math.sin(b) * Math.cos(g);
  let x = nx * Math.cos(a) - ny * Math.sin(a);
  let y = nx * Math.sin(a) + ny * Math.cos(a);
  if (Math.hypot(x, y) < 0.5) {
    x = -Math.cos(b) * Math.sin(a);
    y = Math.cos(b) * Math.cos(a);
  }
  return Math.atan2(y, x) / RAD;
}

// Degrees moved from ``start`` to ``now`` for this kind of movement.
export function angleBetween(measure, start, now) {
  if (measure === "turn") {
    const turned = heading(now) - heading(start);
    return Math.abs((((turned + 540) % 360) + 360) % 360 - 180);
  }
  const u = upVector(start), v = upVector(now);
  const cos = Math.max(-1, Math.min(1, u[0] * v[0] + u[1] * v[1] + u[2] * v[2]));
  return Math.acos(cos) / RAD;
}

const usable = (measure, o) =>
  o && Number.isFinite(o.beta) && Number.isFinite(o.gamma) && (measure !== "turn" || Number.isFinite(o.alpha));

// Ask for the sensor where the browser wants a tap first (iOS Safari).
async function allowed() {
  const Event = window.DeviceOrientationEvent;
  if (!Event) return false;
  if (typeof Event.requestPermission !== "function") return true;
  try {
    return (await Event.requestPermission()) === "granted";
  } catch (error) {
    return false;
  }
}

// Wire one re-test box (rendered by the page) for one phase.
export function retestBox(box, movement) {
  const $ = (name) => box.querySelector("[data-" + name + "]");
  const sides = movement.sides;
  const results = new Map(); // side -> degrees
  let reading = null; // the latest usable orientation
  let start = null;
  let side = 0;
  let recent = []; // the last few angles, smoothed against sensor jitter
  let peak = 0;
  let steadySince = 0;
  let steadyAt = 0;
  let listening = false;
  let watch = null;

  const fill = (text) => text.replaceAll("{side}", sides[side]);

  function onOrientation(event) {
    if (!usable(movement.measure, event)) return;
    reading = { alpha: event.alpha, beta: event.beta, gamma: event.gamma };
    if (start) follow(performance.now());
  }

  function listen() {
    if (!listening) addEventListener("deviceorientation", onOrientation);
    listening = true;
  }

  function stopListening() {
    removeEventListener("deviceorientation", onOrientation);
    listening = false;
    clearInterval(watch);
    watch = null;
  }

  function noSensor(why) {
    stopListening();
    $("sensor-note").textContent = why + " Rate how easy the movement feels instead.";
    $("measuring").hidden = true;
    $("intro").hidden = false;
    $("ease").querySelector("input").focus();
  }

  async function begin() {
    if (!(await allowed())) {
      noSensor("The motion sensor is not available to this page.");
      return;
    }
    listen();
    const waited = performance.now();
    while (!reading && performance.now() - waited < SENSOR_WAIT_MS) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    if (!reading) {
      noSensor("No motion sensor answered on this device.");
      return;
    }
    side = 0;
    results.clear();
    showSide();
  }

  function showSide() {
    start = null;
    recent = [];
    peak = 0;
    $("intro").hidden = true;
    $("measuring").hidden = false;
    $("side").textContent = sides[side][0].toUpperCase() + sides[side].slice(1) + " side (" + (side + 1) + " of " + sides.length + ")";
    $("phone").textContent = fill(movement.phone);
    $("start").textContent = fill(movement.start);
    $("move").textContent = "Tap “Start here”, then: " + fill(movement.move).toLowerCase();
    $("angle").textContent = "0";
    $("peak").textContent = "0";
    $("zero").hidden = false;
    $("zero").focus();
    $("done").disabled = true;
    $("done").textContent = "Save this side";
  }

  // The angle from the start position, and the most reached, as it moves.
  function follow(now) {
    recent.push(angleBetween(movement.measure, start, reading));
    if (recent.length > 3) recent.shift();
    const angle = Math.min(MAX_DEGREES, recent.reduce((s, a) => s + a, 0) / recent.length);
    peak = Math.max(peak, angle);
    $("angle").textContent = String(Math.round(angle));
    $("peak").textContent = String(Math.round(peak));
    $("done").disabled = peak < 1;
    $("done").textContent = "Save " + sides[side] + ": " + Math.round(peak) + "°";
    if (Math.abs(angle - steadyAt) > STEADY_DEGREES) {
      steadyAt = angle;
      steadySince = now;
    }
  }

  // Held still past the first few degrees, the side is done by itself: a
  // hand on the forehead or a leg in the air cannot always reach the screen.
  function checkSteady() {
    if (!start || !reading) return;
    const now = performance.now();
    follow(now);
    if (peak >= MIN_MOVE && steadyAt >= MIN_MOVE && now - steadySince >= STEADY_MS) save();
  }

  function zero() {
    start = reading;
    steadyAt = 0;
    steadySince = performance.now();
    $("zero").hidden = true;
    $("move").textContent = fill(movement.move);
    $("done").focus();
    clearInterval(watch);
    watch = setInterval(checkSteady, 250);
  }

  function save(skipped) {
    if (!skipped) results.set(sides[side], Math.round(peak));
    if (navigator.vibrate) navigator.vibrate(150);
    clearInterval(watch);
    watch = null;
    start = null;
    side += 1;
    if (side < sides.length) {
      showSide();
      return;
    }
    stopListening();
    $("measuring").hidden = true;
    $("intro").hidden = false;
    $("measure").textContent = "Measure again";
    summarise();
  }

  function summarise() {
    const lines = sides.filter((s) => results.has(s)).map((s) => s + " " + results.get(s) + "°");
    $("measured").textContent = lines.length ? "Measured: " + lines.join(", ") + "." : "";
  }

  box.addEventListener("click", (event) => {
    const button = event.target.closest("button[data-retest-action]");
    if (!button) return;
    const action = button.dataset.retestAction;
    if (action === "measure") begin();
    else if (action === "zero" && reading) zero();
    else if (action === "done" && start) save(false);
    else if (action === "skip") save(true);
  });

  return {
    // One entry per side measured, plus the ease rating if it was given.
    results() {
      const out = sides.filter((s) => results.has(s)).map((s) => ({ side: s, degrees: results.get(s), ease: null }));
      const ease = $("ease").querySelector("input");
      if (ease.dataset.touched) out.push({ side: null, degrees: null, ease: Number(ease.value) });
      return out;
    },
  };
}
