"""Options shared by `knotwork routine` and `knotwork session`."""

from __future__ import annotations

from knotwork.cli.grammar import arg, finite

NAME = arg("name", nargs="?", metavar="NAME", help="A built-in routine id.")
TARGET = arg(
    "--target", "-t", action="append", metavar="ID", help="Muscle or region id."
)
MINUTES = arg("--minutes", type=finite, help="Time budget in minutes.")
CONTEXT = arg(
    "--context",
    help="pre-workout, post-workout, rest-day, flare-up or desk-break.",
)
HAVE = arg("--have", action="append", metavar="BALL", help="A ball id you own.")
CONDITION = arg("--condition", action="append", metavar="ID", help="A condition id.")
CLEARED = arg(
    "--cleared",
    action="store_true",
    help="A clinician has cleared you for ball work.",
)
SIDE = arg("--side", help="left or right only.")
PROFILE = arg(
    "--profile",
    dest="use_profile",
    action="store_true",
    default=True,
    help="Apply your saved conditions, balls and positions (the default).",
)
NO_PROFILE = arg(
    "--no-profile",
    dest="use_profile",
    action="store_false",
    help="Leave your saved conditions, balls and positions out.",
)
SHARED = (NAME, TARGET, MINUTES, CONTEXT, HAVE, CONDITION, CLEARED, SIDE)
