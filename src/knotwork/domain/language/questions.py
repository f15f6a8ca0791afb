"""Questions that ask about things in general, not about the person."""

from __future__ import annotations

from collections.abc import Sequence

from knotwork.domain.language.subjects import FIRST_PERSON
from knotwork.domain.language.text import Token

# A sentence that opens like a question and ends with "?" asks about things in
# general: "Can rolling your calf give you a clot?" affirms nothing.
_ASKING_OPENERS = frozenset(
    [
        "can",
        "could",
        "should",
        "would",
        "will",
        "might",
        "may",
        "does",
        "do",
        "did",
        "is",
        "are",
        "was",
        "were",
        "how",
        "what",
        "why",
        "which",
        "whats",
        "what's",
    ]
)


def general_questions(tokens: Sequence[Token], every: Sequence[Token]) -> list[int]:
    """Return the content tokens of questions that say nothing of the person."""
    asking: dict[int, bool] = {}
    first: dict[int, str] = {}
    for t in every:
        if not t.asks:
            continue
        first.setdefault(t.sentence, t.raw)
        # Said of oneself, a symptom stays affirmed inside a question ("is it
        # normal that my calf is swollen?"), so such sentences are left to the
        # triggers.
        if t.raw in FIRST_PERSON:
            asking[t.sentence] = False
        else:
            asking.setdefault(t.sentence, True)
    general = {
        s
        for s, ok in asking.items()
        if ok and first[s] in _ASKING_OPENERS and s not in _experiential(every)
    }
    denied, denied_tails = _answered_no(every)
    general |= denied
    tail = _general_tail_questions(every) | denied_tails
    return [
        i
        for i, t in enumerate(tokens)
        if t.sentence in general or (t.sentence, t.clause) in tail
    ]


def _general_tail_questions(every: Sequence[Token]) -> set[tuple[int, int]]:
    """Return the last clauses that ask in general after a statement.

    "Planning a baby next year, is ball work ok in pregnancy?" asks of
    pregnancy in general; "my calf is swollen, is that normal?" still tells
    of the calf, which sits in the clause before.
    """
    clauses: dict[tuple[int, int], list[str]] = {}
    first: dict[int, int] = {}
    last: dict[int, int] = {}
    for t in every:
        if t.asks:
            clauses.setdefault((t.sentence, t.clause), []).append(t.raw)
            first.setdefault(t.sentence, t.clause)
            last[t.sentence] = t.clause
    return {
        (sentence, clause)
        for (sentence, clause), words in clauses.items()
        if clause == last[sentence] != first[sentence]
        and words[0] in _ASKING_OPENERS
        and not FIRST_PERSON & set(words)
    }


_USUAL = frozenset(["normal", "usual", "common", "ok", "okay"])


def _answered_no(every: Sequence[Token]) -> tuple[set[int], set[tuple[int, int]]]:
    """Return questions the next sentence denies: "Heart attack? No, just a bill".

    Only a question that names no one ("Blood thinners? Not me") and an answer
    that is a denial: "No idea, it's hot" answers nothing. A sentence that
    speaks of the person and ends in such a question ("the physio asked me
    last time: fall? no.") has only its last clause denied, as a pair of
    sentence and clause in the second set.
    """
    words: dict[int, list[str]] = {}
    last_clause: dict[int, tuple[int, set[str]]] = {}
    asked = set()
    for t in every:
        words.setdefault(t.sentence, []).append(t.raw)
        clause, tail_words = last_clause.get(t.sentence, (-1, set()))
        if t.clause != clause:
            clause, tail_words = t.clause, set()
        tail_words.add(t.raw)
        last_clause[t.sentence] = (clause, tail_words)
        if t.asks:
            asked.add(t.sentence)
    denied = set()
    tails = set()
    for sentence, said in words.items():
        if sentence not in asked:
            continue
        answer = words.get(sentence + 1, [])[:2]
        first, second = (answer + ["", ""])[:2]
        denial = (
            first in ("no", "nope", "nah") and second not in ("idea", "clue")
        ) or (first == "not" and second in ("me", "mine", "really"))
        if not denial:
            continue
        if not FIRST_PERSON & set(said):
            denied.add(sentence)
            continue
        clause, tail_words = last_clause[sentence]
        if not FIRST_PERSON & tail_words:
            tails.add((sentence, clause))
    return denied, tails


def _experiential(every: Sequence[Token]) -> set[int]:
    """Return the sentences asking "is it normal to get ...": they tell of the asker.

    "Is it normal to get a headache that comes on in a second?" is how people
    describe what just happened to them, so it is read as said, not as a
    question about people in general.
    """
    found = set()
    for i in range(len(every) - 3):
        a, b, c, d = (t.raw for t in every[i : i + 4])
        opens = i == 0 or every[i - 1].sentence != every[i].sentence
        asks_usual = a == "is" and b == "it" and c in _USUAL and d in ("to", "that")
        if asks_usual and opens and every[i].asks:
            found.add(every[i].sentence)
    return found
