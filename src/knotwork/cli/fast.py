"""A start-up fast path for scripted `where`, `check` and `progress --json` calls.

Importing Typer costs about 90 ms here, more than half of the 150 ms budget
for a CLI answer; `progress` would add pydantic and SQLAlchemy to that. The
common scripted calls have a tiny, fixed grammar, so they are parsed by hand
and run through the same actions as the Typer commands. Anything unusual
(help, an unknown option, a missing value) returns False and Typer handles
it, with its usual messages.
"""

from __future__ import annotations

_REPEATABLE = {
    "where": {"--region": "regions", "-r": "regions", "--answer": "answers"},
    "check": {
        "--condition": "conditions",
        "-c": "conditions",
        "--area": "areas",
        "-a": "areas",
        "--answer": "answers",
    },
}
_SINGLE = {"where": {"--side": "side"}, "check": {}}
_PROGRESS_OPTIONS = {"--spot": "spot", "--since": "since"}


def handled(argv: list[str]) -> bool:
    """Run `where`, `check` or `progress --json` without Typer if the input is plain."""
    if argv and argv[0] == "progress":
        return _progress(argv[1:])
    if not argv or argv[0] not in _REPEATABLE:
        return False
    command, rest = argv[0], argv[1:]
    lists: dict[str, list[str]] = {v: [] for v in _REPEATABLE[command].values()}
    single: dict[str, str | None] = dict.fromkeys(_SINGLE[command].values())
    texts: list[str] = []
    as_json = False
    use_profile = True
    i = 0
    while i < len(rest):
        arg = rest[i]
        if arg == "--json":
            as_json = True
        elif arg in ("--profile", "--no-profile"):
            use_profile = arg == "--profile"
        elif arg in _REPEATABLE[command] and i + 1 < len(rest):
            lists[_REPEATABLE[command][arg]].append(rest[i + 1])
            i += 1
        elif arg in _SINGLE[command] and i + 1 < len(rest):
            single[_SINGLE[command][arg]] = rest[i + 1]
            i += 1
        elif arg.startswith("-") or texts:
            return False
        else:
            texts.append(arg)
        i += 1
    if single.get("side") not in (None, "left", "right"):
        return False
    from knotwork.cli import actions

    text = texts[0] if texts else ""
    answers = lists["answers"]
    if command == "where":
        actions.run_where(
            text, lists["regions"], single["side"], as_json, answers, use_profile
        )
    else:
        actions.run_check(
            text, lists["conditions"], lists["areas"], as_json, answers, use_profile
        )
    return True


def _progress(rest: list[str]) -> bool:
    """Run `progress --json [--spot ID] [--since DAY]` straight from SQLite."""
    values: dict[str, str | None] = dict.fromkeys(_PROGRESS_OPTIONS.values())
    as_json = False
    i = 0
    while i < len(rest):
        arg = rest[i]
        if arg == "--json" and not as_json:
            as_json = True
        elif (
            arg in _PROGRESS_OPTIONS
            and values[_PROGRESS_OPTIONS[arg]] is None
            and i + 1 < len(rest)
            and not rest[i + 1].startswith("-")
        ):
            values[_PROGRESS_OPTIONS[arg]] = rest[i + 1]
            i += 1
        else:  # --chart, help, a repeat, anything else: Typer decides
            return False
        i += 1
    if not as_json:  # the Rich view imports Rich anyway
        return False
    from knotwork.cli import progress_actions

    return progress_actions.run_progress_json(values["spot"], values["since"])
