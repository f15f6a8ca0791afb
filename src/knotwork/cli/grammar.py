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
import math
import os
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, NoReturn

from knotwork.cli.output import USAGE_ERROR, plain
from knotwork.kb.record import record

if TYPE_CHECKING:
    from pathlib import Path

Run = Callable[..., int | None]


@record
class Arg:
    """One argument or option, spelt as for ``ArgumentParser.add_argument``."""

    flags: tuple[str, ...]
    settings: dict[str, Any]


def arg(*flags: str, **settings: Any) -> Arg:
    """Describe an argument or option; ``help`` is required (see the docs test)."""
    return Arg(flags, settings)


@record
class Command:
    """A command's name, its group (``log``, ``profile``) and its arguments."""

    name: str
    run: Run
    args: tuple[Arg, ...]
    group: str | None = None

    @property
    def doc(self) -> str:
        """Return the help text: the function's docstring, dedented."""
        return cleandoc(self.run.__doc__ or "")

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


@record
class Group:
    """A command with sub-commands (``knotwork log pain``); help as a docstring."""

    name: str
    help: str
    commands: tuple[Command, ...]


def cleandoc(doc: str) -> str:
    """Dedent a docstring as ``inspect.cleandoc`` does, without importing inspect."""
    import textwrap  # only when help is shown or read

    first, _, rest = doc.strip("\n").partition("\n")
    return (first.strip() + "\n" + textwrap.dedent(rest)).strip()


def path(text: str) -> Path:
    """Read a file name (pathlib is imported only by commands that take one)."""
    from pathlib import Path

    return Path(text)


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


def _columns() -> int:
    """Return the terminal's width as shutil would, without importing shutil.

    argparse makes a help formatter for every option it adds, and the default
    one imports shutil (and with it bz2 and lzma) to ask the width.
    """
    try:
        return int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        pass
    try:
        return os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
    except (AttributeError, ValueError, OSError):
        return 80


class HelpFormatter(argparse.RawDescriptionHelpFormatter):
    """Docstrings as written (their line breaks kept), to the terminal's width."""

    def __init__(self, prog: str) -> None:
        super().__init__(prog, width=_columns() - 2)


class Parser(argparse.ArgumentParser):
    """An ArgumentParser whose errors are one clear line and exit status 2.

    Abbreviated options are refused: `--no` must not quietly mean `--no-profile`.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("allow_abbrev", False)
        kwargs.setdefault("formatter_class", HelpFormatter)
        super().__init__(*args, **kwargs)
        # Sub-commands are built only when chosen (see LazyParsers).
        self.register("action", "parsers", LazySubcommands)

    def format_help(self) -> str:
        # Docstrings are dedented only when help is shown: textwrap is not
        # worth importing for the commands that never print it.
        if self.description:
            self.description = cleandoc(self.description)
        return super().format_help()

    def error(self, message: str) -> NoReturn:
        # The message first, as for every other refusal, then how to ask.
        sys.stderr.write(f"knotwork: {plain(message)}\n{self.format_usage()}")
        sys.stderr.write(f"See: {self.prog} --help\n")
        raise SystemExit(USAGE_ERROR)


class LazyParsers(dict[str, Any]):
    """Sub-command parsers by name, each built the first time it is looked up.

    Building all thirty parsers, with their options, would cost every run
    about 15 ms (a quarter of the start-up budget) to use one of them.
    """

    def __getitem__(self, name: str) -> Any:
        found = super().__getitem__(name)
        if not isinstance(found, argparse.ArgumentParser):
            found = found()
            self[name] = found
        return found


class LazySubcommands(argparse._SubParsersAction):  # type: ignore[type-arg]
    """argparse's sub-command action, over ``LazyParsers``.

    argparse reads ``_name_parser_map`` by name only (the chosen command, and
    its keys for "invalid choice"), so a lazy mapping changes nothing else.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._name_parser_map = LazyParsers()
        self.choices = self._name_parser_map

    def add_lazy(self, name: str, doc: str, build: Callable[[Parser], None]) -> None:
        """Offer ``name``; ``build`` adds its arguments once it is chosen.

        ``doc`` is the raw docstring; its first line is the summary.
        """
        self._choices_actions.append(self._ChoicesPseudoAction(name, (), _summary(doc)))

        def make() -> Parser:
            parser = Parser(
                prog=f"{self._prog_prefix} {name}",
                description=doc,
            )
            build(parser)
            return parser

        self._name_parser_map[name] = make


def _summary(doc: str) -> str:
    return doc.strip().split("\n", 1)[0].strip()


def build_parser(description: str, entries: Sequence[Command | Group]) -> Parser:
    """Build the parser; the chosen command's function lands in ``run``."""
    top = Parser(
        prog="knotwork",
        description=description,
    )
    top.set_defaults(run=None, group_parser=None)
    _add_all(top, entries)
    return top


def _add_all(parser: Parser, entries: Sequence[Command | Group]) -> None:
    subs = parser.add_subparsers(metavar="COMMAND", title="commands")
    assert isinstance(subs, LazySubcommands)  # registered by Parser
    for entry in entries:
        if isinstance(entry, Command):
            subs.add_lazy(entry.name, entry.run.__doc__ or "", _arguments(entry))
        else:
            subs.add_lazy(entry.name, entry.help, _group(entry))


def _arguments(c: Command) -> Callable[[Parser], None]:
    def build(parser: Parser) -> None:
        for a in c.args:
            parser.add_argument(*a.flags, **a.settings)
        parser.set_defaults(run=c.run)

    return build


def _group(g: Group) -> Callable[[Parser], None]:
    def build(parser: Parser) -> None:
        # With no sub-command, the group's help is shown (see main).
        parser.set_defaults(run=None, group_parser=parser)
        _add_all(parser, g.commands)

    return build


def commands_of(entries: Sequence[Command | Group]) -> list[Command]:
    """Return every command, the grouped ones included."""
    found: list[Command] = []
    for entry in entries:
        found.extend(entry.commands if isinstance(entry, Group) else [entry])
    return found
