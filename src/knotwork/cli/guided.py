"""The interactive start: ask where it hurts, screen it, explain the top source."""

from __future__ import annotations

import sys

from knotwork.cli.output import fail


def guided_start() -> None:
    """Ask where it hurts, then show safety, sources and how to treat."""
    from rich.console import Console
    from rich.prompt import Prompt

    from knotwork.cli.render import print_consultation
    from knotwork.services.consult import consult

    out = Console(highlight=False)
    if not sys.stdin.isatty():
        text = sys.stdin.readline().strip()
    else:
        out.print("[bold]knotwork[/] - let's find where that pain comes from.\n")
        text = Prompt.ask("Where does it hurt? Describe it in your own words")
    if not text:
        fail(
            "nothing to go on.", 'Try: knotwork where "ache between my shoulder blades"'
        )
    answer = consult(text)
    if not answer.understood:
        fail(
            f"I couldn't place '{text}' on the body.",
            'Try naming the spot, e.g. "back of my head", "outer elbow", "heel".',
        )
    print_consultation(answer, out)
