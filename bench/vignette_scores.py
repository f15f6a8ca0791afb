"""Score the finder and safety screen on vignette files, in process.

    python bench/vignette_scores.py [FINDER.jsonl SAFETY.jsonl] [-v]

Uses the same rules as ../shared/tools/eval_cases.py without a process per
case, so it runs in well under a second.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from knotwork.domain.finder.ranking import find_sources
from knotwork.domain.safety.verdict import VERDICTS, check_safety

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = [
    ROOT.parent / "shared/cases/finder_dev.jsonl",
    ROOT.parent / "shared/cases/safety_dev.jsonl",
    ROOT / "tests/vignettes/finder_extra.jsonl",
    ROOT / "tests/vignettes/safety_extra.jsonl",
    ROOT / "tests/vignettes/finder_extra2.jsonl",
    ROOT / "tests/vignettes/safety_extra2.jsonl",
    ROOT.parent / "shared/cases/safety_context_dev.jsonl",
    ROOT / "tests/vignettes/safety_context_extra.jsonl",
    ROOT / "tests/vignettes/safety_context_extra2.jsonl",
]


def load(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def score_finder(cases: list[dict], track: str, verbose: bool) -> tuple[float, float]:
    hit1 = hit3 = 0
    for c in cases:
        if track == "text":
            got = [x.muscle for x in find_sources(c["text"]).candidates]
        else:
            got = [x.muscle for x in find_sources("", c["regions"]).candidates]
        ok1 = bool(got) and got[0] in c["top1"]
        ok3 = any(m in c["top3"] for m in got[:3])
        hit1 += ok1
        hit3 += ok3
        if verbose and not (ok3 and ok1):
            print(
                f"  {'miss3' if not ok3 else 'miss1'} {c['id']} {track}: {got[:3]} "
                f"want {c['top1']}/{c['top3']}: {c.get('text', '')}"
            )
    return hit1 / len(cases), hit3 / len(cases)


def score_safety(cases: list[dict], verbose: bool) -> tuple[float, float]:
    flagged = caught = benign = alarms = 0
    for c in cases:
        verdict = check_safety(c["text"]).verdict
        rank, lo, hi = (VERDICTS.index(v) for v in (verdict, c["min"], c["max"]))
        if lo > 0:
            flagged += 1
            caught += rank >= lo
        if hi <= 1:
            benign += 1
            alarms += rank > hi
        if verbose and not lo <= rank <= hi:
            want = f"{c['min']}..{c['max']}"
            print(f"  miss {c['id']}: got {verdict} want {want}: {c['text']}")
    return caught / max(flagged, 1), alarms / max(benign, 1)


def main() -> None:
    verbose = "-v" in sys.argv
    paths = [Path(a) for a in sys.argv[1:] if a != "-v"] or DEFAULT
    for path in paths:
        if not path.exists():
            print(f"{path}: missing, skipped")
            continue
        cases = load(path)
        if "top1" in cases[0]:
            for track in ("text", "regions"):
                top1, top3 = score_finder(cases, track, verbose)
                print(
                    f"{path.name} finder[{track}] n={len(cases)} "
                    f"top1={top1:.3f} top3={top3:.3f}"
                )
        else:
            recall, alarms = score_safety(cases, verbose)
            print(
                f"{path.name} safety n={len(cases)} recall={recall:.3f} "
                f"false_alarms={alarms:.3f}"
            )


if __name__ == "__main__":
    main()
