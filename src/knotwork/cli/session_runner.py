"""Run a guided session in the terminal: Rich Live with keys, or plain lines.

Keys (terminal): p or space pause/resume, s skip, b back, x "stop - something's
wrong". In ``--plain`` mode (no TTY: piped, CI) the same controls arrive as
lines on stdin starting with "!" ("!p", "!s", "!b", "!x numbness"); any other
line answers the next question.
"""

from __future__ import annotations

import os
import select
import sys
import time
import uuid
from collections import deque
from datetime import datetime

from rich.console import Console, Group
from rich.live import Live
from rich.panel import Panel
from rich.text import Text

from knotwork.cli.output import fail
from knotwork.domain.journal.records import SessionRecord
from knotwork.domain.names import name_of, position_words, protocol_words
from knotwork.domain.routines.model import Routine
from knotwork.domain.routines.session import EASE_QUESTION, Frame, Player
from knotwork.kb.loader import load_kb

TICK = 0.1
YES = ("y", "yes")


class Lines:
    """Read stdin line by line, with a non-blocking poll for control lines."""

    def __init__(self) -> None:
        self._fd = sys.stdin.fileno()
        self._buffer = b""
        self._queue: deque[str] = deque()
        self.closed = False

    def _fill(self, timeout: float | None) -> None:
        if self.closed:
            return
        ready, _, _ = select.select([self._fd], [], [], timeout)
        if not ready:
            return
        chunk = os.read(self._fd, 4096)
        if not chunk:
            self.closed = True
            if self._buffer:
                self._queue.append(self._buffer.decode(errors="replace"))
                self._buffer = b""
            return
        self._buffer += chunk
        *lines, self._buffer = self._buffer.split(b"\n")
        self._queue.extend(line.decode(errors="replace").strip() for line in lines)

    def poll_command(self) -> str | None:
        """Return a waiting "!command" line, leaving answers queued."""
        self._fill(0)
        for line in list(self._queue):
            if line.startswith("!"):
                self._queue.remove(line)
                return line[1:].strip()
        return None

    def answer(self) -> str | None:
        """Return the next answer line, or None at end of input."""
        while True:
            for line in list(self._queue):
                if not line.startswith("!"):
                    self._queue.remove(line)
                    return line
            if self.closed:
                return None
            self._fill(None)


def ask_score(question: str, lines: Lines | None, out: Console) -> int | None:
    """Ask for a 0-10 score; blank skips. Plain mode refuses bad answers."""
    while True:
        raw: str | None
        if lines is None:
            from rich.prompt import Prompt

            raw = Prompt.ask(
                f"{question} (0-10, Enter to skip)", default="", console=out
            )
        else:
            raw = lines.answer()
            if raw is None:  # end of input: nobody is there to ask
                return None
            out.print(f"{question} (0-10): {raw}")
        if not raw:
            return None
        if raw.isdigit() and 0 <= int(raw) <= 10:
            return int(raw)
        if lines is not None:
            fail(f"'{raw}' is not a pain score from 0 to 10.")
        out.print("[red]Please give a whole number from 0 to 10.[/]")


def run_session(
    routine: Routine,
    plain: bool,
    speed: float,
    out: Console,
    lines: Lines | None = None,
) -> SessionRecord:
    """Ask pain before, run every step, ask pain after; return the record.

    ``lines`` is the reader already in use when a caller has asked questions
    on the same input before, so no answer it buffered is lost.
    """
    if lines is None and (plain or not sys.stdin.isatty()):
        lines = Lines()
    targets = list(dict.fromkeys(s.target for s in routine.steps if s.target))
    out.print(f"[bold]{routine.name}[/]: {len(routine.steps)} steps.")
    before = _scores("Pain now at", targets, lines, out)
    player = Player(
        routine=routine,
        session_id=str(uuid.uuid4()),
        clock=time.monotonic,
        now=lambda: datetime.now().astimezone(),
        speed=speed,
    )
    player.start()
    if lines is None:
        _run_live(player, out)
    else:
        _run_plain(player, lines, out)
    if player.stop_event:
        out.print(
            Panel(player.stop_event.advice, title="Session stopped", border_style="red")
        )
        return player.record(before, {})
    after = _scores("Pain now at", targets, lines, out)
    retest = routine.steps[-1].movement if routine.steps[-1].kind == "retest" else None
    ease = (
        ask_score("Re-test: how easy is the movement now", lines, out)
        if retest
        else None
    )
    return player.record(before, after, retest, ease)


def _scores(
    label: str, targets: list[str], lines: Lines | None, out: Console
) -> dict[str, int]:
    scores = {}
    for target in targets:
        score = ask_score(f"{label} {target.replace('_', ' ')}", lines, out)
        if score is not None:
            scores[target] = score
    return scores


def _handle(player: Player, command: str, out: Console, lines: Lines | None) -> None:
    word, _, rest = command.partition(" ")
    if word in ("p", "pause", " "):
        player.toggle_pause()
    elif word in ("s", "skip"):
        player.skip()
    elif word in ("b", "back"):
        player.back()
    elif word in ("x", "stop"):
        player.pause()
        player.stop(rest.strip() or _ask_sign(out, lines))


def _ask_sign(out: Console, lines: Lines | None) -> str:
    signs = load_kb().stop_signs
    out.print("[bold red]Stop - something's wrong.[/] Which warning sign?")
    for i, sign in enumerate(signs, 1):
        out.print(f"  {i}. {sign.label}")
    raw = lines.answer() if lines else input("Number: ")
    if raw and raw.isdigit() and 1 <= int(raw) <= len(signs):
        return signs[int(raw) - 1].id
    return "other"


def _run_plain(player: Player, lines: Lines, out: Console) -> None:
    shown = -1
    last_report = None
    while True:
        frame = player.frame()
        if frame.finished:
            return
        if frame.index != shown:
            shown = frame.index
            out.print(_describe(frame))
        if frame.asking:
            raw = lines.answer()  # end of input counts as no: stop holding
            out.print(f"  {EASE_QUESTION} (yes/no): {raw or ''}")
            player.answer_eased((raw or "").lower() in YES)
            continue
        command = lines.poll_command()
        if command:
            _handle(player, command, out, lines)
            continue
        report = int(frame.remaining) // 10
        if report != last_report:
            last_report = report
            out.print(f"  {frame.remaining:4.0f}s left, {frame.breath}")
        time.sleep(TICK / max(1.0, min(player.speed, 10.0)))


def _run_live(player: Player, out: Console) -> None:
    import termios
    import tty

    fd = sys.stdin.fileno()
    saved = termios.tcgetattr(fd)
    try:
        tty.setcbreak(fd)
        with Live(console=out, refresh_per_second=10, transient=False) as live:
            while True:
                ready, _, _ = select.select([fd], [], [], TICK)
                if ready:
                    key = os.read(fd, 1).decode(errors="ignore").lower()
                    if key == "x":
                        live.stop()
                        termios.tcsetattr(fd, termios.TCSADRAIN, saved)
                    if player.state == "asking" and key in ("y", "n"):
                        player.answer_eased(key == "y")
                    else:
                        _handle(player, key, out, None)
                frame = player.frame()
                if frame.finished:
                    return
                live.update(_screen(frame))
    finally:
        termios.tcsetattr(fd, termios.TCSADRAIN, saved)


def _describe(frame: Frame) -> str:
    s = frame.step
    where = name_of(s.target or s.kind) + (f" ({s.side})" if s.side else "")
    place = position_words(s.position)
    lines = [f"\nStep {frame.index + 1}: {where} - {s.seconds}s, {place}"]
    if s.pressure:
        ball = name_of(s.ball) if s.ball else "none"
        lines.append(
            f"  Pressure {s.pressure}; ball: {ball}; {protocol_words(s.protocol)}"
        )
    lines += [f"  - {text}" for text in s.instructions]
    if s.movement and s.kind != "retest":
        lines.append(f"  Add: {s.movement}")
    return "\n".join(lines)


def _screen(frame: Frame) -> Panel:
    s = frame.step
    bar = int(20 * frame.breath_remaining / 6)
    breath = Text(f"{frame.breath.upper():<7} {'=' * bar}", style="cyan")
    status = "PAUSED" if frame.paused else f"{frame.remaining:5.0f} s"
    if frame.asking:
        status = f"{EASE_QUESTION}  [y] yes, keep holding  [n] no, move on"
    body = Group(
        Text(status, style="bold magenta"),
        breath,
        Text(
            f"Pressure {s.pressure or '-'} | {position_words(s.position)} | "
            f"ball: {name_of(s.ball) if s.ball else '-'}"
        ),
        *[Text(f"- {i}") for i in s.instructions],
        Text(f"Add: {s.movement}" if s.kind != "retest" else "", style="italic"),
        Text(
            "[p] pause  [s] skip  [b] back  [x] stop - something's wrong", style="dim"
        ),
    )
    title = f"Step {frame.index + 1}: {name_of(s.target or s.kind)}"
    return Panel(body, title=title + (f" ({s.side})" if s.side else ""))
