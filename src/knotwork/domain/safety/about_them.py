"""A message that speaks only of another person asks for that person.

"Mum is 80. Her speech went slurred and her shoulder aches": it opens with
her and never speaks of the writer, so what it says of her is what the
screen must answer.
"""

from __future__ import annotations

from collections.abc import Sequence

from knotwork.domain.language.ages import PEOPLE_NOUNS
from knotwork.domain.language.text import Token

# The writer, said of themselves: "I", "me", "my" before anything but a person.
_FIRST_PERSON = frozenset(
    ["i", "i'm", "im", "i've", "ive", "i'd", "me", "myself", "mine", "mine's", "mines"]
)
# What follows the person a message opens with, when it speaks of them:
# "Mum is 80", "Dad has", not "Mum of two here" (the writer).
_SAID_OF_THEM = frozenset(
    ["is", "has", "had", "was", "wants", "needs", "keeps", "gets", "got", "can't"]
    + ["cant", "can", "does", "says", "said", "fell", "broke", "came", "slipped"]
    + ["tripped", "went", "woke", "started", "hurt", "has"]
)


def only_about_them(every: Sequence[Token]) -> bool:
    """Whether a message opens with another person and never speaks of the writer.

    "Mum is 80. Her speech went slurred and her shoulder aches": every word
    is about her, so the message asks for her.
    """
    # One sentence about someone ("my mum has a trapped nerve in her back") is a
    # remark; an account over several sentences is a consultation for them.
    if not every or every[-1].sentence == every[0].sentence:
        return False
    at = 1 if every[0].raw == "my" and len(every) > 1 else 0
    first = every[at]
    if first.raw not in PEOPLE_NOUNS and first.raw not in _KIN_OPENERS:
        return False
    after = at + 1
    if after < len(every) and every[after].raw.isdigit():
        after += 1  # "Dad (74) came off the ladder": the age is an aside
    said = every[after].raw if after < len(every) else ""
    if said not in _SAID_OF_THEM:
        return False
    for k, t in enumerate(every):
        if t.raw in _FIRST_PERSON:
            return False
        nxt = every[k + 1].raw if k + 1 < len(every) else ""
        if t.raw == "my" and nxt not in PEOPLE_NOUNS and nxt not in _KIN_OPENERS:
            return False
    return True


_KIN_OPENERS = frozenset(
    ["mum", "mom", "dad", "mam", "gran", "nan", "grandma", "grandad", "grandpa"]
    + ["husband", "wife", "partner", "father", "mother", "sister", "brother"]
)
