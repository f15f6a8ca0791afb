"""When a text dates what it says: intervals, months, years and onsets.

"Three weeks ago", "last Tuesday", "in March", "in 2015", "since my stroke":
each clause gets the days since what it tells of, and the clauses whose
event began then and goes on are found, so a stated time can mark a mention
recent, past or ongoing.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from knotwork.domain.language.dated_clauses import dates_before
from knotwork.domain.language.numbers import word_number
from knotwork.domain.language.text import Token

FIRST_YEAR = 1900


_UNIT_DAYS = {
    "minute": 0,
    "hour": 0,
    "day": 1,
    "night": 1,
    "week": 7,
    "wk": 7,
    "fortnight": 14,
    "month": 30,
    "year": 365,
    "yr": 365,
    "decade": 3650,
    "season": 365,
    # "Two summers ago": a season comes round once a year (see _SEASONS).
    "summer": 365,
    "winter": 365,
    "spring": 365,
    "autumn": 365,
}


_MONTHS = {
    name: number
    for number, name in enumerate(
        [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ],
        start=1,
    )
}


# A month without a year is only trusted when it is long past: "surgery in
# August" read in early December may have been written in September, and a
# wrong guess must never hide a recent operation.
MONTH_TRUSTED_DAYS = 180


# "in March" or "last March" is behind us; "since March" still goes on.
_MONTH_BEFORE = frozenset(["in", "last", "back", "during", "early", "late", "mid"])


# Fixed points in time a person names instead of an interval.
_WHEN_WORDS = {
    "yesterday": 1,
    "tonight": 0,
    "today": 0,
    "monday": 3,
    "tuesday": 3,
    "wednesday": 3,
    "thursday": 3,
    "friday": 3,
    "saturday": 3,
    "sunday": 3,
    "weekend": 3,
}


def _unit(stem: str) -> int | None:
    for unit, days in _UNIT_DAYS.items():
        if stem == unit or stem == unit + "s":
            return days
    # The stemmer trims "decade" and "minute" to "decad" and "minut".
    return _TRIMMED_UNITS.get(stem)


_TRIMMED_UNITS = {"decad": 3650, "minut": 0}


# Words that date a beginning: what was diagnosed or started then goes on.
# "Fitted" by its whole word: the stem "fit" would date "I was fit years ago".
# "I still have a gap from my baby 3 years ago": what is still there goes on.
_ONSET_WORDS = frozenset(
    ["fitted", "installed", "since", "still", "mentioned", "noticed", "spotted"]
    + ["showed", "shows", "found", "due", "residual", "ongoing", "persisting"]
    # "My GP said I had a slipped disc in March": a diagnosis, still so.
    + ["said", "told"]
)


_ONSET_STEMS = frozenset(
    ["diagno", "diagnosis", "start", "began", "prescrib", "put", "implant", "insert"]
    # "I switched to rivaroxaban last year": the new medicine goes on.
    + ["switch"]
)


def onset_clauses(tokens: Sequence[Token]) -> frozenset[int]:
    """Return the clauses that say when something began."""
    return frozenset(
        t.clause for t in tokens if t.stem in _ONSET_STEMS or t.raw in _ONSET_WORDS
    )


def _since_month(month: int) -> int:
    """Return the days since the end of the last ``month`` (0 for this one)."""
    today = date.today()
    if month == today.month:
        return 0
    year = today.year if month < today.month else today.year - 1
    first_after = date(year + month // 12, month % 12 + 1, 1)
    return (today - first_after).days + 1


_SEASONS = frozenset(["summer", "winter", "spring", "autumn"])
# Words of the present perfect, which runs a period up to now.
_PERFECT = frozenset(["i've", "ive", "have", "has", "it's"])
_PERFECT_REACH = 4
_LAST_SEASON = 180


def _month_said_now(tokens: Sequence[Token]) -> int | None:
    """Return the month the writer says it is now ("It's early March now")."""
    for i, token in enumerate(tokens):
        month = _MONTHS.get(token.raw)
        if month is None:
            continue
        near = {
            t.raw for t in tokens[max(0, i - 3) : i + 3] if t.sentence == token.sentence
        }
        if "now" in near and near & {"it's", "its", "is"}:
            return month
        # "its june now", typed without the filler words the reader drops.
        follows = i + 1 < len(tokens) and tokens[i + 1].raw == "now"
        before = tokens[i - 1].raw if i else ""
        if follows and before not in _MONTH_BEFORE | {"since", "from", "last"}:
            return month
    return None


def intervals(tokens: Sequence[Token]) -> dict[int, tuple[int, str]]:
    """Find "three weeks ago", "last year" or "on Saturday", clause by clause."""
    found: dict[int, tuple[int, str]] = {}
    months: dict[int, tuple[int, str, int]] = {}
    n = len(tokens)
    this_year = date.today().year
    # "Knee replacements in January. It's early March now": the writer's own
    # today dates their months, whenever the message is read.
    now_month = _month_said_now(tokens)
    for i, token in enumerate(tokens):
        raw = token.raw
        days: int | None = None
        cue = raw
        # "Ten years before," closing its clause is said for "ten years ago";
        # "two days before my flight" counts from the flight instead.
        closes = i + 1 >= n or tokens[i + 1].clause != token.clause
        # "Two winters back" is "two winters ago"; "it's back" has no unit.
        back = raw == "back" and i >= 1 and _unit(tokens[i - 1].stem) is not None
        if (raw == "ago" or (raw == "before" and closes) or back) and i >= 1:
            unit = _unit(tokens[i - 1].stem)
            if unit is not None:
                number = word_number(tokens[i - 2].raw) if i >= 2 else None
                days = unit * (number or 2)
                cue = " ".join(t.raw for t in tokens[max(i - 2, 0) : i + 1])
        elif raw in ("last", "past") and i + 1 < n:
            unit = _unit(tokens[i + 1].stem)
            if unit is not None and raw == "last":
                # "Last winter" is months ago, not a year: the nearest past one.
                days = _LAST_SEASON if tokens[i + 1].stem in _SEASONS else unit
                cue = f"last {tokens[i + 1].raw}"
        elif raw in _SEASONS and i >= 1 and tokens[i - 1].raw in ("over", "during"):
            # "Tore my calf over the summer": the last such season. "Over the
            # summer I've lost a stone" runs from then up to now: not dated.
            near = tokens[max(i - _PERFECT_REACH, 0) : i + _PERFECT_REACH]
            if any(t.raw in _PERFECT and t.clause == token.clause for t in near):
                continue
            days = _LAST_SEASON
            cue = f"{tokens[i - 1].raw} the {raw}"
        elif raw in _SEASONS and [t.raw for t in tokens[i + 1 : i + 3]] == [
            "before",
            "last",
        ]:
            # "The summer before last": the one before the last such season.
            days = _LAST_SEASON + 365
            cue = f"{raw} before last"
        elif raw in _WHEN_WORDS:
            days = _WHEN_WORDS[raw]
        elif raw in _MONTHS and i >= 1 and tokens[i - 1].raw in _MONTH_BEFORE:
            # "A chest infection in January": counted from the end of the last
            # such month, the most recent it can have been. An interval said
            # outright in the same clause ("eight weeks ago") wins.
            if now_month is not None:
                behind = (now_month - _MONTHS[raw]) % 12
                since = max(behind - 1, 0) * 30 + (1 if behind else 0)
                months.setdefault(token.clause, (since, raw, token.sentence))
                continue
            since = _since_month(_MONTHS[raw])
            if since >= MONTH_TRUSTED_DAYS:
                months.setdefault(token.clause, (since, raw, token.sentence))
            continue
        elif raw.isdigit() and len(raw) == 4 and FIRST_YEAR <= int(raw) < this_year:
            # "back in 2019": a year before this one is at least that long ago.
            days = (this_year - int(raw)) * 365
            cue = raw
        elif raw == "morning" and i >= 1 and tokens[i - 1].raw == "yesterday":
            days = 1
        if days is None:
            continue
        current = found.get(token.clause)
        if current is None or days > current[0]:
            found[token.clause] = (days, cue)
    sentence_of = {t.clause: t.sentence for t in tokens}
    said = {sentence_of[c] for c in found}
    for clause, (days, cue, sentence) in months.items():
        if sentence not in said:
            found.setdefault(clause, (days, cue))
    return dates_before(tokens, found)


# How long something has gone on, not when it happened: "for fifteen years",
# "over the last couple of years", "for ages". Vague spans count as the
# shortest they can mean.
_SPAN_OPENERS = frozenset(["for", "over"])
_SPAN_FILLER = frozenset(
    ["the", "last", "past", "a", "of", "about", "nearly", "almost", "well", "good"]
    + ["long", "many", "more", "than", "over", "at", "least", "couple", "few"]
)
_VAGUE_SPANS = {"years": 730, "decades": 3650, "ages": 365, "yonks": 365}
# "For a long time", "for a good while": only with a word that makes them long.
_LONG_WHILE = frozenset(["time", "while"])
_SPAN_REACH = 6


_EPISODE_VERBS = frozenset(
    ["about", "around", "lasts", "lasted", "lingers", "lingered", "stays", "hangs"]
)


def durations(words: Sequence[Token]) -> dict[int, tuple[int, str]]:
    """Find how long each clause says its state has lasted, in days.

    ``words`` must keep filler words ("for", "the"), which carry the span.
    """
    found: dict[int, tuple[int, str]] = {}
    n = len(words)
    for i, token in enumerate(words):
        if token.raw not in _SPAN_OPENERS:
            continue
        if i and words[i - 1].raw in _EPISODE_VERBS:
            # "It hangs about for ages now": how long each bout lasts, not
            # how long the trouble has gone on.
            continue
        number: int | None = None
        long_word = False
        for j in range(i + 1, min(n, i + _SPAN_REACH)):
            word = words[j]
            raw = word.raw
            if word.clause != token.clause:
                # "For a good while": the tokenizer drops "while" as a clause
                # break, so a span cut short just after "a good" is that while.
                a_while = j >= i + 3 and words[j - 2].raw == "a"
                if long_word and a_while and word.word == words[j - 1].word + 2:
                    found[token.clause] = (365, f"{words[j - 1].raw} while")
                break
            days: int | None = None
            if raw in _VAGUE_SPANS and number is None:
                days = _VAGUE_SPANS[raw]
            elif raw in _LONG_WHILE and long_word:
                days = 365
            else:
                unit = _unit(word.stem)
                if unit is not None and unit > 0:
                    days = unit * (number or 1)
            if days is not None:
                cue = " ".join(t.raw for t in words[i : j + 1])
                if days > found.get(token.clause, (-1, ""))[0]:
                    found[token.clause] = (days, cue)
                break
            value = word_number(raw)
            if value is not None and raw not in ("a", "an"):
                number = value
            elif raw in ("long", "good"):
                long_word = True
            elif raw not in _SPAN_FILLER:
                break
    return found
