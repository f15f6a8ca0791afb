"""The closed sets of words the knowledge files use: positions, sizes, verdicts.

Part of the knowledge model (see ``kb.models``), kept apart so every model
module can share them.
"""

from __future__ import annotations

from typing import Literal

Position = Literal["wall", "floor", "seated", "handheld"]
# How the body lies or stands while the ball works: what position limits bind.
Posture = Literal["standing", "seated", "kneeling", "supine", "prone", "side_lying"]
BallSize = Literal["small", "medium", "large"]
Density = Literal["soft", "medium", "firm"]
Protocol = Literal["sustained_compression", "rolling", "pin_and_stretch"]
Prevalence = Literal["very_common", "common", "occasional"]
Verdict = Literal["ok", "modify", "clinician_first", "stop"]
AreaVerdict = Literal["ok", "modify", "avoid"]
# "internal" marks a quality bar for the team (e.g. symptom-checker accuracy
# figures): it never reaches a person using knotwork.
Audience = Literal["user", "internal"]
StepPosition = Literal["wall", "floor", "seated", "handheld", "standing"]
