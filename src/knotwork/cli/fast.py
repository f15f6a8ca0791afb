"""A start-up fast path for scripted `where` and `check` calls.

Importing Typer costs about 90 ms here, more than half of the 150 ms budget
for a CLI answer. The common scripted calls have a tiny, fixed grammar, so
they are parsed by hand and run through the same actions as the Typer
commands. Anything unusual (help, an unknown option, a bad value) returns
False and Typer handles it, with its usual messages.
"""

from __future__ import annotations

_REPEATABLE = {
    "where": {"--region": "regions", "-r": "regions"},
    "check": {
        "--condition": "conditions",
        "-c": "conditions",
        "--area": "areas",
        "-a": "areas",
    },
}
_SINGLE = {"where": {"--side": "side"}, "check": {}}


def handled(argv: list[str]) -> bool:
    """Run `where`/`check` without Typer when the arguments are plain."""
    if not argv or argv[0] not in _REPEATABLE:
        return False
    command, rest = argv[0], argv[1:]
    lists: dict[str, list[str]] = {v: [] for v in _REPEATABLE[command].values()}
    single: dict[str, str | None] = dict.fromkeys(_SINGLE[command].values())
    texts: list[str] = []
    as_json = False
    i = 0
    while i < len(rest):
        arg = rest[i]
        if arg == "--json":
            as_json = True
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
    if command == "where":
        actions.run_where(text, lists["regions"], single["side"], as_json)
    else:
        actions.run_check(text, lists["conditions"], lists["areas"], as_json)
    return True
