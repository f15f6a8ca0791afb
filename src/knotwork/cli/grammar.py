"""The one CLI grammar: argparse, built from the command functions.

A command is a plain function that takes the core object and keyword
arguments; ``@command(...)`` attaches its options. The function's docstring
is its ``--help`` text (first line in the command list, all of it under the
command's own help) and ends with an ``Example:`` line.

Why argparse rather than Typer: importing Typer (and Click) costs about half
of the 8 x `python -c pass` budget every command has; argparse costs a tenth
of that and is always there.
"""

from __future__ import annotations

import argparse
import inspect
import math
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, NoReturn

from knotwork.cli.output import USAGE_ERROR, plain

if TYPE_CHECKING:
    pass

Run = Callable[..., int | None]


@dataclass(frozen=True)
class Arg:
    """One argument or option, spelt as for ``ArgumentParser.add_argument``."""

    flags: tuple[str, ...]
    settings: dict[str, Any]


def arg(*flags: str, **settings: Any) -> Arg:
    """Describe an argument or option; ``help`` is required (see the docs test)."""
    return Arg(flags, settings)


@dataclass(frozen=True)
class Command:
    """A command's name, its group (``log``, ``profile``) and its arguments."""

    name: str
    run: Run
    args: tuple[Arg, ...]
    group: str | None = None

    @property
    def doc(self) -> str:
        """Return the help text: the function's docstring, dedented."""
        return inspect.cleandoc(self.run.__doc__ or "")

    @property
    def path(self) -> str:
        """Return how a person types it: ``where``, ``log pain``."""
        return f"{self.group} {self.name}" if self.group else self.name


def command(
    *args: Arg, name: str | None = None, group: str | None = None
) -> Callable[[Run], Command]:
    """Declare a command; its name is the function's, with '-' for '_'."""

    def declare(run: Run) -> Command:
        named = name or run.__name__.rstrip("_").replace("_", "-")
        return Command(named, run, args, group)

    return declare


@dataclass(frozen=True)
class Group:
    """A command with sub-commands (``knotwork log pain``); help as a docstring."""

    name: str
    help: str
    commands: tuple[Command, ...]


def finite(text: str) -> float:
    """Read a number, refusing NaN and infinity (exit 2, usage error)."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number") from None
    if not math.isfinite(value):
        raise argparse.ArgumentTypeError(f"must be a finite number, not {text}")
    return value


def whole(low: int | None = None, high: int | None = None) -> Callable[[str], int]:
    """Return a reader for a whole number, optionally from ``low`` to ``high``."""

    def read(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(
                f"'{text}' is not a whole number"
            ) from None
        if (low is not None and value < low) or (high is not None and value > high):
            raise argparse.ArgumentTypeError(f"{value} is not in {low} to {high}")
        return value

    read.__name__ = "whole number"
    return read


class Parser(argparse.ArgumentParser):
    """An ArgumentParser whose errors are one clear line and exit status 2.

    Abbreviated options are refused: `--no` must not quietly mean `--no-profile`.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("allow_abbrev", False)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> NoReturn:
        # The message first, as for every other refusal, then how to ask.
        sys.stderr.write(f"knotwork: {plain(message)}\n{self.format_usage()}")
        sys.stderr.write(f"See: {self.prog} --help\n")
        raise SystemExit(USAGE_ERROR)


def _summary(doc: str) -> str:
    return doc.split("\n", 1)[0]


def build_parser(description: str, entries: Sequence[Command | Group]) -> Parser:
    """Build the parser; the chosen command's function lands in ``run``."""
    top = Parser(
        prog="knotwork",
        description=description,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    top.set_defaults(run=None, group_parser=None)
    subs = top.add_subparsers(metavar="COMMAND", title="commands", parser_class=Parser)
    for entry in entries:
        if isinstance(entry, Command):
            _add(subs, entry)
            continue
        parser = _subparser(subs, entry.name, inspect.cleandoc(entry.help))
        # With no sub-command, the group's help is shown (see main).
        parser.set_defaults(run=None, group_parser=parser)
        inner = parser.add_subparsers(
            metavar="COMMAND", title="commands", parser_class=Parser
        )
        for c in entry.commands:
            _add(inner, c)
    return top


def commands_of(entries: Sequence[Command | Group]) -> list[Command]:
    """Return every command, the grouped ones included."""
    found: list[Command] = []
    for entry in entries:
        found.extend(entry.commands if isinstance(entry, Group) else [entry])
    return found


def _subparser(subs: Any, name: str, doc: str) -> Parser:
    parser: Parser = subs.add_parser(
        name,
        help=_summary(doc),
        description=doc,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    return parser


def _add(subs: Any, c: Command) -> None:
    parser = _subparser(subs, c.name, c.doc)
    for a in c.args:
        parser.add_argument(*a.flags, **a.settings)
    parser.set_defaults(run=c.run)
