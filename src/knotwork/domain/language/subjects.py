"""Who a mention is about: the speaker, someone else or a child.

Not every word that names a person makes what follows theirs, nor does
every "I" or "my" make it the speaker's: "a friend of mine has a DVT" is the
friend's, "on the phone to my brother" leaves the speaker the subject, and
"someone rear-ended my car" names no one else with a condition. A child named
alone at a sentence's opening is what the rest of it is about.
"""

from __future__ import annotations

from collections.abc import Sequence

from knotwork.domain.language.ages import CHILD_NOUNS, PEOPLE_NOUNS
from knotwork.domain.language.objects import RELATIVE_PRONOUNS, SPEAKER
from knotwork.domain.language.stemming import stem
from knotwork.domain.language.text import Token

# Words by which the speaker speaks of themselves.
FIRST_PERSON = frozenset(
    ["i", "i'm", "im", "i've", "ive", "i'd", "id", "me", "my", "mine", "myself"]
)

_ARTICLES = frozenset(["a", "an", "the"])


def keeps_the_other(
    every: Sequence[Token], start: int, end: int, body: frozenset[str] = frozenset()
) -> bool:
    """Whether a first-person word leaves the other person the subject.

    "A friend of mine has a DVT" is the friend's; "my client (I'm a PT) is
    on chemo" is the client's: saying what one is starts no new subject.
    """
    word = every[start].raw
    before = every[start - 1].raw if start else ""
    after = [t.raw for t in every[end : end + 2]]
    if word == "mine" and before == "of":
        return True
    # "A friend from my walking group": "my" inside the other's description.
    if word == "my" and before in ("from", "at"):
        return True
    # "The patients on my ward are post-op": a place of mine, not my body.
    if word == "my" and before in ("on", "in") and after[:1]:
        return stem(after[0]) not in body and after[0] not in ("own", "case")
    if word in ("i'm", "im") and after[:1] and after[0] in _ARTICLES:
        return True
    return word == "i" and after[:1] == ["am"] and after[1:2] in (["a"], ["an"])


_THEY = frozenset(["they", "they're", "theyre", "they've", "they'd"])
_SOMEONE = frozenset(["someone", "somebody"])


# What clinicians do to the person's own condition.
_CARE_VERBS = frozenset(
    ["monitoring", "treating", "watching", "checking", "scanning", "following"]
    + ["found", "diagnosed", "discovered", "spotted", "keeping"]
    + ["testing", "investigating", "managing", "reviewing"]
)


# Verbs after which "me" hears something rather than suffers it.
_TELLING = frozenset(
    ["told", "tell", "tells", "asked", "asks", "showed", "shows", "gave", "gives"]
    + ["reminded", "warned", "texted", "rang", "called", "sent", "taught"]
)


def _acts_on_me(every: Sequence[Token], start: int) -> bool:
    """Whether the person or animal named does something to the writer.

    "A ewe butted me in the thigh": the harm is the writer's; "my mum told
    me she has a clot" still tells of the mother.
    """
    here = every[start].clause
    ahead = every[start + 1 : start + 4]
    for k, t in enumerate(ahead):
        if t.clause != here:
            return False
        if t.raw == "me":
            return k > 0 and ahead[k - 1].raw not in _TELLING
    return False


_ME_WORDS = frozenset(["i", "i'm", "im"])
_HE_SHE = frozenset(["he", "she", "he's", "she's", "hes", "shes"])
# Whoever speaks of the writer's body as its carer: their "she" is no patient.
_CLINICIANS = frozenset(
    ["gp", "doctor", "doc", "dr", "physio", "physiotherapist", "consultant"]
    + ["surgeon", "specialist", "cardiologist", "rheumatologist", "oncologist"]
    + ["neurologist", "midwife", "podiatrist", "osteopath", "chiropractor"]
    + ["nurse", "pharmacist", "registrar", "radiographer", "sonographer"]
)
_CLINICIAN_REACH = 8
_SENTENCE_REACH = 40


def _a_clinician_before(every: Sequence[Token], start: int) -> bool:
    """Whether a clinician is the only person named shortly before, in the sentence.

    "My daughter had a fever, the GP said viral and she's fine": with the
    daughter named too, "she" may be either, so it stays another person.
    """
    sentence = every[start].sentence
    clinician = False
    # A bounded walk back, so the cost per pronoun stays constant.
    for k in range(start - 1, max(-1, start - _SENTENCE_REACH), -1):
        t = every[k]
        if t.sentence != sentence:
            break
        word = t.raw.removesuffix("'s")
        if word in CHILD_NOUNS or word in PEOPLE_NOUNS:
            return False
        if word in _CLINICIANS and start - k <= _CLINICIAN_REACH:
            clinician = True
    return clinician


_COMPARING = frozenset(["like", "unlike"])


def _compared_with(every: Sequence[Token], start: int) -> bool:
    """Whether the person is named only to compare the writer with them."""
    before = every[start - 1].raw
    if before in _COMPARING:
        return True
    return (
        start >= 2
        and before in ("my", "our", "the")
        and every[start - 2].raw in _COMPARING
    )


def _who_is_me(every: Sequence[Token], start: int) -> bool:
    before = every[start - 1].raw
    if before in ("me", "myself"):
        return True
    return before in ("one", "person") and any(
        t.raw in _ME_WORDS for t in every[max(0, start - 4) : start - 1]
    )


def not_another(
    every: Sequence[Token], start: int, cue: str, before: list[tuple[int, str]]
) -> bool:
    """Whether "they" or "someone" here names no other person with a condition.

    "My platelets, they run low": "they" are the person's own things when the
    trigger before it in the sentence was "my". "They're treating a tumour in
    my lung" and "somebody went into the back of me": others act, and what
    they act on is the person's own ("someone rear-ended my car").
    """
    if cue in _HE_SHE and _a_clinician_before(every, start):
        return True  # "My GP says she can't rule out a slipped disc"
    if start and _compared_with(every, start):
        return True  # "unlike him I get the room spinning": the writer does
    if cue.startswith("who") and start and _who_is_me(every, start):
        return True  # "it's me who's had chest pain", "I'm the one who slipped"
    if cue not in _THEY and cue not in _SOMEONE:
        return _acts_on_me(every, start)
    here = every[start]
    following = every[start + 1].raw if start + 1 < len(every) else ""
    if cue in _THEY and following in _CARE_VERBS:
        return True  # "They're monitoring an aneurysm": the clinicians, of mine
    own = FIRST_PERSON if cue in _THEY else frozenset(["me", "my", "us", "our"])
    for t in every[start + 1 :]:
        if t.clause != here.clause:
            break
        if t.raw in own:
            return True
    if cue in _THEY:
        people = [
            (every[at].sentence, category)
            for at, category in before[:-1]
            if at < start and category in ("self", "other", "child")
        ]
        if not any(category != "self" for _, category in people):
            # "Did each calf on Monday. They're still bruised": with no one
            # else named before, "they" are the writer's own things.
            return True
        earlier = [c for sentence, c in people if sentence == here.sentence]
        return bool(earlier) and earlier[-1] == "self"
    return False


def relative_self(
    every: Sequence[Token], after: int, self_starts: dict[int, int], start: int = -1
) -> int | None:
    """Return the "I" that opens a relative clause right after a noun, if any.

    "Told my husband I've got osteoporosis" reports what was said: after a
    verb of telling, the "I" that follows starts the message, not a relative
    clause on the husband.
    """
    told = start > 0 and any(
        t.raw in _TOLD for t in every[max(start - _TOLD_REACH, 0) : start]
    )
    if told and every[after - 1].sentence == every[start].sentence:
        return None
    if after < len(every) and every[after].raw in RELATIVE_PRONOUNS:
        after += 1
    return self_starts.get(after)


_TOLD = frozenset(["told", "informed"])
_TOLD_REACH = 3


# Words that make a clause say something, not just name a child.
_CLAUSE_VERBS = frozenset(
    ["is", "was", "has", "had", "does", "did", "got", "gets", "plays", "and"]
)


_BARE_CLAUSE = 5
# How far a bare opening carries: a window, so the cost stays linear.
HEADING_WINDOW = 40


def bare_opening(tokens: Sequence[Token], i: int) -> bool:
    """Whether the child at ``i`` is named alone in its sentence's first clause."""
    here = tokens[i].clause
    lo = i
    while lo > 0 and tokens[lo - 1].clause == here and i - lo < _BARE_CLAUSE:
        lo -= 1
    hi = i
    while hi + 1 < len(tokens) and tokens[hi + 1].clause == here:
        hi += 1
        if hi - lo >= _BARE_CLAUSE:
            return False
    opens = lo == 0 or tokens[lo - 1].sentence != tokens[i].sentence
    clause = tokens[lo : hi + 1]
    return opens and not any(t.raw in _CLAUSE_VERBS or "'" in t.raw for t in clause)


def appositive_reach(tokens: Sequence[Token], i: int) -> range:
    """Return the clause a person named in apposition goes on to speak of.

    "Tom, my partner, came off his bike": "my partner" is a clause of its own
    between a name that opens the sentence and what the name did, so the
    clause after it is about the partner too. Empty when there is none.
    """
    here = tokens[i].clause
    # Bounded walks: a clause longer than a bare noun phrase is no apposition.
    lo = i
    while lo > 0 and tokens[lo - 1].clause == here and i - lo <= _BARE_CLAUSE:
        lo -= 1
    hi = i
    while (
        hi + 1 < len(tokens)
        and tokens[hi + 1].clause == here
        and hi - lo <= _BARE_CLAUSE
    ):
        hi += 1
    if hi - lo >= _BARE_CLAUSE or lo == 0 or hi + 1 >= len(tokens):
        return range(0)
    if any(
        t.raw in RELATIVE_PRONOUNS or t.raw.startswith("who")
        for t in tokens[lo : hi + 1]
    ):
        return range(0)  # "Unlike my sister, who only gets a stiff neck, I..."
    if tokens[hi + 1].raw in SPEAKER or tokens[hi + 1].raw == "my":
        return range(0)
    sentence = tokens[i].sentence
    # The clause before must be a short name that opens the sentence.
    start = lo - 1
    while (
        start > 0
        and tokens[start - 1].clause == tokens[lo - 1].clause
        and lo - start <= 2
    ):
        start -= 1
    opens = start == 0 or tokens[start - 1].sentence != sentence
    if not opens or lo - start > 2 or tokens[lo - 1].sentence != sentence:
        return range(0)
    if tokens[hi + 1].sentence != sentence:
        return range(0)
    end = hi + 1
    while end < len(tokens) and tokens[end].clause == tokens[hi + 1].clause:
        end += 1
    return range(hi + 1, end)


# A list item is a short noun phrase: "face droop", "slurred speech", "the lot".
_LIST_ITEM = 3


def listed_after_another(
    tokens: Sequence[Token],
    every: Sequence[Token],
    marks: dict[int, dict[str, tuple[str, str]]],
) -> list[tuple[int, str]]:
    """Return the positions of a bare list that goes on with another's clause.

    "My dad had a stroke in the spring, face droop, slurred speech, the lot":
    the signs listed after the comma are the father's, as the stroke is. A
    clause that is mostly another's opens the list; an item is a short clause
    with no word of the writer's own ("my", "I").
    """
    own = {t.clause for t in every if t.raw in SPEAKER or t.raw in ("my", "me")}
    clauses: list[list[int]] = []
    for i, t in enumerate(tokens):
        if clauses and tokens[clauses[-1][0]].clause == t.clause:
            clauses[-1].append(i)
        else:
            clauses.append([i])
    out: list[tuple[int, str]] = []
    cue = ""
    for k, clause in enumerate(clauses):
        first = tokens[clause[0]]
        others = [marks[i]["other"][0] for i in clause if "other" in marks.get(i, {})]
        if len(others) * 2 >= len(clause):
            cue = others[-1]
            continue
        follows = (
            cue
            and k
            and tokens[clauses[k - 1][0]].sentence == first.sentence
            and len(clause) <= _LIST_ITEM
            and first.clause not in own
        )
        if follows:
            out += [(i, cue) for i in clause]
        else:
            cue = ""
    return out


# Verbs that open a clause with no subject of its own, carrying on the one
# before: "he got a headache, turned out to be arteritis".
_CARRYING_ON = frozenset(
    ["turned", "turns", "went", "ended", "needed", "needs", "was", "got", "had"]
    + ["started", "stopped", "came", "spent", "finished", "kept"]
)


def carried_subject(
    tokens: Sequence[Token], marks: dict[int, dict[str, tuple[str, str]]]
) -> list[tuple[int, str, str]]:
    """Return the clause tokens whose subject is the other person's before them.

    "Husband's 71 and he got a new headache, turned out to be arteritis": the
    clause after the comma has no subject, so the husband's goes on. A clause
    with a word of the writer's ("my", "I") starts the writer's own.
    """
    found: list[tuple[int, str, str]] = []
    n = len(tokens)
    for i in range(1, n):
        t, before = tokens[i], tokens[i - 1]
        if t.clause == before.clause or t.sentence != before.sentence:
            continue
        if t.raw not in _CARRYING_ON:
            continue
        held = marks.get(i - 1, {})
        category = "child" if "child" in held else "other" if "other" in held else ""
        if not category:
            continue
        cue = held[category][0]
        k = i
        while k < n and tokens[k].clause == t.clause:
            if tokens[k].raw in FIRST_PERSON:
                break
            found.append((k, category, cue))
            k += 1
    return found
