// The guided session player. Time is always computed from timestamps
// (performance.now for spans, Date for the record), never counted in ticks,
// so the countdown stays right when the tab sleeps in the background.
// The routine arrives as JSON in the page; the finished session and its
// re-tests are posted to the journal API, or kept on the device until the
// connection comes back.
import { flush, send } from "./outbox.js";
import { retestBox } from "./retest.js";
import { summaryLines } from "./session_summary.js";

const root = document.querySelector("[data-player]");
const reduceMotion = matchMedia("(prefers-reduced-motion: reduce)");

if (root) startPlayer(JSON.parse(document.getElementById("player-data").textContent));
flush();

function startPlayer(data) {
  const steps = data.steps;
  const speed = data.speed > 0 ? data.speed : 1;
  const $ = (id) => document.getElementById(id);
  const breathCycle = data.breathing.pattern.reduce((sum, [, seconds]) => sum + seconds, 0);
  const inhales = data.breathing.pattern.filter(([phase]) => phase === "inhale").length || 1;

  let state = "ready"; // ready | running | paused | done | stopped
  let index = 0;
  let stepStarted = 0; // performance.now() when this step began
  let pausedAt = null;
  let pausedTotal = 0;
  let startedAt = null;
  let endedAt = null;
  let stopEvent = null;
  let painBefore = {};
  let retestBefore = [];
  let retestAfter = [];
  const retests = {};
  for (const box of root.querySelectorAll("[data-retest-box]")) {
    retests[box.dataset.retestBox] = retestBox(box, data.retest);
  }
  let wakeLock = null;
  let audio = null;
  let timer = null;
  let scheduled = []; // beeps already queued on the audio clock
  const progress = new Map(); // step index -> {done, skipped}
  const asked = new Set(); // steps where "has it eased?" was asked

  // -- time ------------------------------------------------------------------
  const elapsed = (now) => ((pausedAt ?? now) - stepStarted - pausedTotal) * speed / 1000;
  const remaining = (now) => steps[index].seconds - elapsed(now);

  function begin(i, at) {
    index = i;
    stepStarted = at ?? performance.now();
    pausedTotal = 0;
    if (pausedAt !== null) pausedAt = stepStarted;
    announce();
  }

  function recordCurrent(skipped, now) {
    const step = steps[index];
    const done = Math.min(step.seconds, Math.max(0, elapsed(now)));
    const entry = progress.get(index) || { done: 0, skipped: false };
    entry.done = Math.max(entry.done, done);
    entry.skipped = skipped && entry.done < step.seconds;
    progress.set(index, entry);
  }

  function advance(at) {
    if (index + 1 >= steps.length) {
      finish("done");
      return;
    }
    begin(index + 1, at);
    cue(false); // its beep was queued on the audio clock, right on time
  }

  function tick() {
    const now = performance.now();
    while (state === "running") {
      // A long hold stops at 60 s to ask "has it eased?" (one rule, from the server).
      const at = steps[index].ease_check_at;
      if (at && !asked.has(index) && elapsed(now) >= at) {
        ask(at);
        break;
      }
      if (remaining(now) > 0) break;
      recordCurrent(false, now);
      // The next step began when this one ran out, not when we looked.
      const ended = stepStarted + pausedTotal + (steps[index].seconds * 1000) / speed;
      advance(ended);
    }
    if (active()) draw(now);
  }

  const active = () => state === "running" || state === "paused" || state === "asking";

  function ask(at) {
    asked.add(index);
    pausedAt = stepStarted + pausedTotal + (at * 1000) / speed;
    state = "asking";
    if (audio) cancelCues();
    cue(true);
    $("ease-ask").hidden = false;
    $("ease-yes").focus();
  }

  function answerEased(eased) {
    if (state !== "asking") return;
    const now = performance.now();
    pausedTotal += now - pausedAt;
    pausedAt = null;
    state = "running";
    $("ease-ask").hidden = true;
    if (!eased) {
      recordCurrent(true, now);
      advance();
      cue(true);
    }
    if (state === "running") {
      scheduleCues(now);
      requestAnimationFrame(loop);
    }
  }

  function loop() {
    tick();
    if (state === "running" || state === "paused") requestAnimationFrame(loop);
  }

  // -- drawing ---------------------------------------------------------------
  function clock(seconds) {
    const whole = Math.max(0, Math.ceil(seconds - 1e-9));
    return Math.floor(whole / 60) + ":" + String(whole % 60).padStart(2, "0");
  }

  function breath(now) {
    let t = Math.max(0, elapsed(now)) % breathCycle;
    let fullness = 0;
    for (const [phase, seconds] of data.breathing.pattern) {
      if (t < seconds) {
        const part = t / seconds;
        if (phase === "inhale") fullness += part / inhales;
        else if (phase === "exhale") fullness *= 1 - part;
        return { phase, left: seconds - t, fullness };
      }
      if (phase === "inhale") fullness = Math.min(1, fullness + 1 / inhales);
      else if (phase === "exhale") fullness = 0;
      t -= seconds;
    }
    return { phase: "exhale", left: 0, fullness: 0 };
  }

  function draw(now) {
    $("countdown").textContent = clock(remaining(now));
    const b = breath(now);
    const word = { inhale: "Breathe in", exhale: "Breathe out", hold: "Hold" }[b.phase] || b.phase;
    const frozen = { paused: "Paused", asking: "Waiting for your answer" }[state];
    $("breath-word").textContent = frozen || word + " · " + Math.ceil(b.left);
    if (!reduceMotion.matches) {
      $("pacer-ball").style.transform = "scale(" + (0.6 + 0.4 * b.fullness).toFixed(3) + ")";
    }
  }

  function showStep() {
    const step = steps[index];
    $("step-count").textContent = "Step " + (index + 1) + " of " + steps.length;
    $("step-title").textContent = step.title + (step.side ? " (" + step.side + ")" : "");
    const meta = [step.position, step.ball_name, step.hold_seconds ? "hold " + step.hold_seconds + " s" : null];
    $("step-meta").textContent = meta.filter(Boolean).join(" · ");
    $("step-pressure").textContent = step.pressure ? "Pressure: " + step.pressure : "No pressure: just move";
    $("step-instructions").replaceChildren(...step.instructions.map((line) => {
      const item = document.createElement("li");
      item.textContent = line;
      return item;
    }));
    $("step-movement").textContent = step.movement ? "Add movement: " + step.movement.replace(/\.+$/, "") + "." : "";
    for (const picture of root.querySelectorAll("[data-step-picture]")) {
      picture.hidden = picture.dataset.stepPicture !== String(index);
    }
  }

  function announce() {
    showStep();
    const step = steps[index];
    $("announce").textContent = "Step " + (index + 1) + ": " + step.title + (step.side ? ", " + step.side : "");
  }

  function show(phase) {
    for (const section of root.querySelectorAll("[data-phase]")) section.hidden = section.dataset.phase !== phase;
    const heading = root.querySelector('[data-phase="' + phase + '"] h2');
    if (heading) {
      heading.tabIndex = -1;
      heading.focus();
    }
  }

  // -- cues: sound, vibration, screen kept awake ------------------------------
  // Beeps are queued on the Web Audio clock for every step end still ahead, so
  // they sound on time even when a background tab's timers are throttled.
  function beep(at) {
    const tone = audio.createOscillator();
    const gain = audio.createGain();
    tone.frequency.value = 880;
    gain.gain.setValueAtTime(0.2, at);
    gain.gain.exponentialRampToValueAtTime(0.001, at + 0.3);
    tone.connect(gain).connect(audio.destination);
    tone.start(at);
    tone.stop(at + 0.3);
    return tone;
  }

  function cancelCues() {
    // Only beeps still ahead: one sounding now is left to finish.
    for (const { tone, at } of scheduled) {
      if (at <= audio.currentTime) continue;
      try { tone.stop(); } catch (error) { /* older engines allow one stop() */ }
      tone.disconnect(); // silent either way
    }
    scheduled = [];
  }

  function scheduleCues(now) {
    if (!audio) return;
    cancelCues();
    if (state !== "running") return;
    let wait = remaining(now) / speed;
    for (let i = index; i < steps.length; i++) {
      if (i > index) wait += steps[i].seconds / speed;
      const at = audio.currentTime + Math.max(0, wait);
      scheduled.push({ tone: beep(at), at });
    }
  }

  function cue(sound) {
    if (navigator.vibrate) navigator.vibrate(200);
    if (sound && audio) beep(audio.currentTime);
  }

  async function keepAwake() {
    if (!("wakeLock" in navigator) || wakeLock || state !== "running") return;
    try {
      wakeLock = await navigator.wakeLock.request("screen");
      wakeLock.addEventListener("release", () => { wakeLock = null; });
    } catch (error) {
      wakeLock = null; // refused (battery saver, hidden tab): the session still runs
    }
  }

  function letSleep() {
    if (wakeLock) wakeLock.release().catch(() => {});
    wakeLock = null;
  }

  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible") {
      tick();
      keepAwake();
    }
  });

  // -- controls --------------------------------------------------------------
  function start() {
    painBefore = readPain("before");
    retestBefore = retests.before ? retests.before.results() : [];
    const AudioContext = window.AudioContext || window.webkitAudioContext;
    if (AudioContext) audio = new AudioContext();
    startedAt = new Date();
    state = "running";
    show("running");
    begin(0);
    cue(true);
    scheduleCues(performance.now());
    keepAwake();
    timer = setInterval(tick, 250); // keeps transitions (and cues) going in a background tab
    requestAnimationFrame(loop);
  }

  function togglePause(button) {
    const now = performance.now();
    if (state === "running") {
      pausedAt = now;
      state = "paused";
      if (audio) cancelCues();
      letSleep();
    } else if (state === "paused") {
      pausedTotal += now - pausedAt;
      pausedAt = null;
      state = "running";
      scheduleCues(now);
      keepAwake();
      requestAnimationFrame(loop);
    }
    if (state === "asking") return;
    button.setAttribute("aria-pressed", String(state === "paused"));
    button.textContent = state === "paused" ? "Resume" : "Pause";
    draw(now);
  }

  function skip() {
    const now = performance.now();
    recordCurrent(true, now);
    advance();
    cue(true);
    $("ease-ask").hidden = true;
    if (state === "asking") {
      pausedTotal = 0;
      pausedAt = null;
      state = "running";
      requestAnimationFrame(loop);
    }
    if (state === "running" || state === "paused") {
      scheduleCues(now);
      draw(now);
    }
  }

  function back() {
    const now = performance.now();
    recordCurrent(false, now);
    begin(Math.max(0, index - 1));
    cue(true);
    scheduleCues(now);
    draw(now);
  }

  function stop(signId) {
    const now = performance.now();
    recordCurrent(false, now);
    const sign = data.stop_signs.find((s) => s.id === signId) || data.stop_signs[data.stop_signs.length - 1];
    endedAt = new Date();
    stopEvent = {
      sign: sign.id,
      at: endedAt.toISOString(),
      step_index: index,
      red_flag: sign.red_flag,
      advice: sign.advice,
    };
    $("stop-label").textContent = sign.label.toLowerCase();
    $("stop-advice").textContent = sign.advice;
    finish("stopped");
    save({}, $("stop-saved"));
  }

  function finish(how) {
    state = how;
    $("ease-ask").hidden = true;
    endedAt = endedAt || new Date();
    clearInterval(timer);
    letSleep();
    if (audio) cancelCues();
    cue(false);
    if (how === "done") {
      // What to beat: the same movement measured before the session.
      const note = root.querySelector("[data-before-note]");
      if (note && retestBefore.length) {
        const said = (r) => (r.degrees !== null ? r.side + " " + r.degrees + "°" : r.ease + "/10 easy");
        note.textContent = "Before: " + retestBefore.map(said).join(", ") + ".";
      }
      show("after");
    } else {
      show("stopped");
    }
  }

  function readPain(phase) {
    const scores = {};
    // Only the sliders the person moved: an untouched 0 is not a score.
    for (const input of root.querySelectorAll('input[data-pain="' + phase + '"]')) {
      if (input.dataset.touched) scores[input.dataset.spot] = Number(input.value);
    }
    return scores;
  }

  function record(painAfter) {
    const eased = retestAfter.find((r) => r.ease !== null);
    const retested = retestBefore.length || retestAfter.length;
    return {
      id: newId(),
      routine: data.routine,
      started_at: startedAt.toISOString(),
      ended_at: endedAt.toISOString(),
      steps: Array.from(progress.entries()).sort((a, b) => a[0] - b[0]).map(([i, p]) => ({
        index: i,
        target: steps[i].target,
        technique: steps[i].technique,
        ball: steps[i].ball,
        protocol: steps[i].protocol,
        planned_seconds: steps[i].seconds,
        done_seconds: Math.round(p.done),
        pressure_felt: null,
        skipped: p.skipped,
        side: steps[i].side,
      })),
      pain_before: painBefore,
      pain_after: painAfter,
      retest: retested ? data.retest.name : null,
      retest_ease: eased ? eased.ease : null,
      stop: stopEvent,
      completed: state === "done",
    };
  }

  // Each re-test result is its own journal entry, tied to this session.
  function retestEntries(session) {
    const spot = data.spots.length ? data.spots[0].id : null;
    const entry = (phase, at) => (r) => ({
      movement: data.retest.name,
      degrees: r.degrees,
      ease: r.ease,
      side: r.side,
      spot,
      at,
      session_id: session.id,
      phase,
    });
    return [
      ...retestBefore.map(entry("before", session.started_at)),
      ...retestAfter.map(entry("after", session.ended_at)),
    ];
  }

  async function save(painAfter, status) {
    const session = record(painAfter);
    status.textContent = "Saving…";
    const outcomes = [await send(data.save_url, session, "session")];
    const entries = retestEntries(session);
    for (const entry of entries) outcomes.push(await send(data.retest_url, entry, "re-test"));
    const refused = outcomes.find((o) => o.state === "refused");
    const kept = outcomes.some((o) => o.state === "kept");
    if (refused) status.textContent = "Not saved: " + refused.detail + ".";
    else if (kept) {
      status.textContent = "You are offline: the session is kept on this device and will be saved to your journal when you are back online.";
    } else status.textContent = "Saved to your journal.";
    if (!refused) summarise(session, entries, kept ? "Waiting on this device" : "In your journal");
    root.dataset.saved = "true";
  }

  // The end screen: before and after per spot, the re-test, what was kept.
  function summarise(session, entries, where) {
    const list = $("saved-summary");
    if (!list) return;
    list.replaceChildren(...summaryLines(session, entries, { spots: data.spots, stepCount: steps.length, where }).map((text) => {
      const item = document.createElement("li");
      item.textContent = text;
      return item;
    }));
  }

  root.addEventListener("click", (event) => {
    const button = event.target.closest("[data-action]");
    if (!button) return;
    const action = button.dataset.action;
    if (action === "start" && state === "ready") start();
    else if (action === "pause") togglePause(button);
    else if (action === "skip" && active()) skip();
    else if (action === "back" && active()) back();
    else if (action === "stop" && active()) $("stop-dialog").showModal();
    else if (action === "eased-yes") answerEased(true);
    else if (action === "eased-no") answerEased(false);
    else if (action === "save" && state === "done") {
      button.disabled = true;
      retestAfter = retests.after ? retests.after.results() : [];
      show("saved");
      save(readPain("after"), $("saved-message"));
    }
  });

  root.addEventListener("input", (event) => {
    event.target.dataset.touched = "true";
    const output = event.target.id && root.querySelector('output[for="' + event.target.id + '"]');
    if (output) output.textContent = event.target.value;
  });

  $("stop-dialog").addEventListener("close", () => {
    const dialog = $("stop-dialog");
    if (dialog.returnValue !== "stop") return;
    const chosen = dialog.querySelector('input[name="sign"]:checked');
    stop(chosen ? chosen.value : "other");
  });
}

function newId() {
  if (crypto.randomUUID) return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("");
}
