"""Time the text reader on 1, 10 and 100 KB, in process.

Reading must be linear in the length of the text: the script prints the
median time per size and the time per kilobyte, which should stay flat.
`check` and `where` refuse more than 5,000 characters before reading, so this
times the reader underneath them: context annotation, the safety concepts and
rules, and the finder's reading of regions, muscles and syndromes.
"""

from __future__ import annotations

import statistics
import time

from knotwork.domain.language.understanding import default_reader
from knotwork.domain.safety.read_mentions import read_mentions
from knotwork.domain.safety.rules import detect
from knotwork.kb.loader import load_kb

# A paragraph with the things the reader works hardest on: people, times,
# negations, questions, figures of speech and body words.
PARAGRAPH = (
    "My mum has osteoporosis and my friend is on warfarin, but I'm fine. "
    "Two years ago I broke my wrist; now my forearm is tight from climbing. "
    "No numbness, no tingling, just a dull ache behind my left shoulder blade, "
    "sore after the gym. If I ever got pregnant could I still use the ball? "
    "The scan came back clear. I'm numb to Mondays and deadlines are killing me. "
)
SIZES = (1_000, 10_000, 100_000)
RUNS = 7


def text_of(size: int) -> str:
    """Return about ``size`` characters of realistic description."""
    repeats = size // len(PARAGRAPH) + 1
    return (PARAGRAPH * repeats)[:size]


RULES = load_kb().safety_patterns.rules


def median_ms(text: str) -> float:
    """Return the median wall time of reading a text, in milliseconds."""
    reader = default_reader()
    times = []
    for run in range(RUNS):
        # A fresh text each run: the reader keeps its last few readings, and a
        # repeat would be timed from that cache.
        fresh = f"Run {run}. {text}"
        start = time.perf_counter()
        mentions, annotation = read_mentions(fresh, reader)
        detect(mentions, RULES, annotation.own_ages())
        reader.read(fresh)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    default_reader()  # build the matchers once, as a server does
    print("Reader time, in process (context, safety rules, finder reading)")
    print("median of", RUNS, "runs")
    print(f"{'size':>8} {'median ms':>10} {'ms per KB':>10}")
    per_kb = []
    for size in SIZES:
        ms = median_ms(text_of(size))
        per_kb.append(ms / (size / 1000))
        print(f"{size:>8} {ms:>10.1f} {per_kb[-1]:>10.2f}")
    print(
        f"ratio of ms/KB, 100 KB to 1 KB: {per_kb[-1] / per_kb[0]:.2f} (1.0 = linear)"
    )


if __name__ == "__main__":
    main()
