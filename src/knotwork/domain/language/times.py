"""When a text dates what it says: intervals, months, years and onsets.

"Three weeks ago", "last Tuesday", "in March", "in 2015", "since my stroke":
each clause gets the days since what it tells of, and the clauses whose
event began then and goes on are found, so a stated time can mark a mention
recent, past or ongoing.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

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


_NUMBERS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "couple": 2,
    "three": 3,
    "few": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "several": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
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


def word_number(word: str) -> int | None:
    if word.isdigit() and len(word) <= 4:
        return int(word)
    return _NUMBERS.get(word)


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
            # "Tore my calf over the summer": the last such season.
            days = _LAST_SEASON
            cue = f"{tokens[i - 1].raw} the {raw}"
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
    return _dates_before(tokens, found)


# Words a clause may hold besides its date and still say nothing else.
_DATE_ONLY = frozenset(
    ["ago", "years", "year", "months", "month", "about", "or", "so"]
    + ["it", "was", "that", "in", "back", "all", "around", "i", "think", "maybe"]
    + ["roughly", "approximately", "nearly", "almost", "probably"]
)
_WHERE_OPENERS = frozenset(["in", "on", "into", "at", "to", "under", "behind"])
_WHERE_WORDS = 4


def _only_says_where(clause: Sequence[Token]) -> bool:
    """Whether a short clause opens with a place word: ", in my knee,"."""
    return len(clause) <= _WHERE_WORDS and clause[0].raw in _WHERE_OPENERS


# "But that was in 2012", "which was two years ago": a clause that opens by
# pointing back dates what came before it.
_POINTING_BACK = frozenset(["was", "were"])


def _dates_before(
    tokens: Sequence[Token], found: dict[int, tuple[int, str]]
) -> dict[int, tuple[int, str]]:
    """Let a clause that is only a date (", twenty years ago,") date the one before.

    "I had sciatica after my second baby, twenty years ago": the comma ends
    the clause the date speaks of, so the date is carried back to it. A
    bracket ("a dog bite (around 8 months ago)") is a clause of its own.
    """
    words: dict[int, list[Token]] = {}
    for t in tokens:
        words.setdefault(t.clause, []).append(t)
    # Clauses in the order they are written: a bracket's clause has its own id.
    order = list(words)
    by_sentence: dict[int, list[int]] = {}
    for c, ts in words.items():
        by_sentence.setdefault(ts[0].sentence, []).append(c)
    before_of = {c: order[k - 1] for k, c in enumerate(order) if k}
    after_of = {c: order[k + 1] for k, c in enumerate(order[:-1])}
    for clause, (days, cue) in list(found.items()):
        before = before_of.get(clause)
        if before is None or before in found:
            continue
        cue_words = set(cue.split())
        only_date = all(
            t.raw in cue_words or t.raw in _DATE_ONLY or word_number(t.raw) is not None
            for t in words[clause]
        )
        if not only_date:
            only_date = _opens_with_date(words[clause], cue_words)
        points_back = words[clause][0].raw in _POINTING_BACK or (
            len(words[clause]) > 1
            and words[clause][0].raw in ("which", "that", "it")
            and words[clause][1].raw in _POINTING_BACK
        )
        same_sentence = words[before][-1].sentence == words[clause][0].sentence
        # "Had knee surgery. That was back in 2016": a sentence that opens by
        # pointing back dates the whole sentence before it.
        opens_sentence = not same_sentence
        if (only_date or points_back) and same_sentence:
            found[before] = (days, cue)
            # "A cortisone shot, in my knee, back in 2019": a clause that only
            # says where carries the date on to the clause it completes.
            earlier = before_of.get(before)
            if (
                earlier is not None
                and earlier not in found
                and _only_says_where(words[before])
                and words[earlier][-1].sentence == words[before][0].sentence
            ):
                found[earlier] = (days, cue)
        elif points_back and opens_sentence:
            for c in by_sentence.get(words[before][-1].sentence, ()):
                found.setdefault(c, (days, cue))
        elif opens_sentence and len(words[clause]) > 1:
            # "Whiplash in a car crash. The crash was in 2012": the thing named
            # again dates the clause that first named it.
            named, verb = words[clause][0], words[clause][1]
            if verb.raw in _POINTING_BACK:
                for c in by_sentence.get(words[before][-1].sentence, ()):
                    if any(t.stem == named.stem for t in words[c]):
                        found.setdefault(c, (days, cue))
    for clause, (days, cue) in list(found.items()):
        after = after_of.get(clause)
        if after is None or after in found:
            continue
        relative = words[after][0].raw in ("which", "who", "was", "were")
        if relative and words[after][0].sentence == words[clause][-1].sentence:
            # "A skiing tumble in 2012, which was just a sprained thumb".
            found[after] = (days, cue)
    for clause, (days, cue) in list(found.items()):
        # "Last year, when my knee was in a brace...": a date that opens its
        # sentence alone dates the clause after it; "Ages ago, 2009 I think,
        # I had a clot" opens it over two.
        after = after_of.get(clause)
        if after is None or after in found:
            continue
        before = before_of.get(clause)
        opens = before is None or (
            words[before][-1].sentence != words[clause][0].sentence
            or _only_words(words[before], _OPENING_DATES)
        )
        cue_words = set(cue.split())
        only_date = all(
            t.raw in cue_words or t.raw in _DATE_ONLY for t in words[clause]
        )
        if (
            opens
            and only_date
            and words[after][0].sentence == words[clause][0].sentence
        ):
            found[after] = (days, cue)
    # "Broke my ankle skiing in 2009, had a plate put in": an undated clause
    # that goes on with "had" tells the next step of the same dated event.
    for clause in order:
        before = before_of.get(clause)
        first = words[clause][0]
        if (
            clause not in found
            and before in found
            and first.raw in _NEXT_STEP
            and words[before][-1].sentence == first.sentence
            and not any(t.raw in _NOW_AGAIN for t in words[clause])
        ):
            found[clause] = found[before]
    return found


_NEXT_STEP = frozenset(["had", "got"])
# Words that move an event told next to another away from its date.
_NOW_AGAIN = frozenset(["now", "since", "still", "again", "recently", "just", "today"])


# Words that tie what follows a date back to the event it dates: "once,
# about eight years ago after sleeping awkwardly" (not "... ago I had surgery").
_DATE_LINKS = frozenset(
    ["after", "when", "while", "whilst", "during", "following", "from", "before"]
)


def _opens_with_date(clause: list[Token], cue_words: set[str]) -> bool:
    """Whether a clause is its date plus a phrase that only says how it came about."""
    for k, t in enumerate(clause):
        if t.raw in cue_words or t.raw in _DATE_ONLY or word_number(t.raw) is not None:
            continue
        return k > 0 and t.raw in _DATE_LINKS and clause[k - 1].raw in cue_words
    return True


# Vague dates that may open a sentence before an exact one: "Ages ago, 2009".
_OPENING_DATES = frozenset(["ages", "ago", "years", "long", "way", "back", "then"])


def _only_words(clause: list[Token], allowed: frozenset[str]) -> bool:
    return all(t.raw in allowed for t in clause)


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


def durations(words: Sequence[Token]) -> dict[int, tuple[int, str]]:
    """Find how long each clause says its state has lasted, in days.

    ``words`` must keep filler words ("for", "the"), which carry the span.
    """
    found: dict[int, tuple[int, str]] = {}
    n = len(words)
    for i, token in enumerate(words):
        if token.raw not in _SPAN_OPENERS:
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


# "Is back again", "it's come back", "has returned": a sign that was over is
# here again, whenever it was first dated.
_BACK_VERBS = frozenset(
    ["is", "it's", "its", "are", "came", "come", "comes", "coming", "been", "was"]
    + ["crept", "creeping", "creeps", "crawled", "snuck", "sneaked", "sneaking"]
)
# "Came back negative", "back to normal", "came back from Spain": no return.
_NOT_A_RETURN = frozenset(
    [
        "to",
        "from",
        "negative",
        "clear",
        "normal",
        "fine",
        "home",
        "ok",
        "okay",
        "within",
    ]
    + ["with", "in", "on", "at", "up", "into", "off", "down", "out"]
)
_SIGN_STEMS = frozenset(["tingl", "numb", "numbness", "pin", "needl", "pain", "weak"])
_SHORT_WHILE = frozenset(
    ["minute", "minutes", "min", "mins", "second", "seconds", "moment", "shaking"]
)
_RETURN_WORDS = frozenset(["returned", "recurred", "recurring", "returning"])


def recurrences(words: Sequence[Token]) -> frozenset[int]:
    """Return the clauses that say a sign has come back.

    "It's back" or "they came back" speaks of what its sentence named before
    ("thought the tingling was sorted but it's back"), so every clause of the
    sentence up to it comes back too.
    """
    found = set()
    n = len(words)
    for i, token in enumerate(words):
        raw = token.raw
        if token.negated or (i >= 1 and words[i - 1].raw in ("never", "not")):
            continue  # "it never returned", "hasn't been back since"
        returned = raw in _RETURN_WORDS
        if raw == "back" and i >= 1 and words[i - 1].raw in _BACK_VERBS:
            following = words[i + 1] if i + 1 < n else token
            same = i + 1 < n and following.clause == token.clause
            # "The feeling came back after a minute" is the feeling returning;
            # "the tingling came back after a minute" is the sign.
            quickly = following.raw in ("as", "once", "when") or (
                following.raw == "after"
                and any(w.raw in _SHORT_WHILE for w in words[i + 2 : i + 5])
            )
            soon = quickly and not any(
                w.stem in _SIGN_STEMS for w in words[max(i - 6, 0) : i]
            )
            returned = not (same and (following.raw in _NOT_A_RETURN or soon))
        if not returned:
            continue
        found.add(token.clause)
        # "It came back after a minute" may be the feeling coming back; "it's
        # back" and "they're back again" are the sign.
        # "It came back this morning" is dated like a fresh sign, not a feeling.
        dated = i + 1 < n and words[i + 1].raw in _FRESH_WORDS
        event = words[i - 1].raw in _EVENT_VERBS
        state = raw == "back" and (not event or dated)
        if state and any(w.raw in _IT for w in words[max(0, i - 3) : i]):
            sentence = token.sentence
            opens = not any(
                w.sentence == sentence and w.clause != token.clause
                for w in words[max(0, i - 4) : i]
            )
            # Opening its sentence, "it" is what the sentence before named.
            first = sentence - 1 if opens else sentence
            # Walk back only over those sentences, so the cost stays linear.
            k = i - 1
            while k >= 0 and words[k].sentence >= first:
                found.add(words[k].clause)
                k -= 1
    return frozenset(found)


_FRESH_WORDS = frozenset(["this", "today", "yesterday", "last", "again", "and", "now"])


_EVENT_VERBS = frozenset(["came", "come", "comes", "coming"])
_IT = frozenset(["it", "it's", "its", "they", "they're", "theyre", "it'd"])
