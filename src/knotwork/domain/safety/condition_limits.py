"""The structured limits of the conditions in force, and which techniques obey.

A condition's advice says "never lie face down"; its ``limits`` say the same
thing in a form the routine builder and the finder's treatment advice can
enforce. The same rules bind every adapter.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from knotwork.kb.loader import load_kb
from knotwork.kb.models import Condition, Density, KnowledgeBase
from knotwork.kb.record import field, record

DENSITY_ORDER: tuple[Density, ...] = ("soft", "medium", "firm")
# Where a "no sustained pressure" spot may still be passed over, a pause on it
# is kept this short.
PASSING_HOLD_SECONDS = 10
HOLDING_PROTOCOLS = ("sustained_compression", "pin_and_stretch")
FULL_PRESSURE = "5-6/10"
LIGHT_PRESSURE = "3-4/10 (gentle: modified for safety)"


@record
class PositionRule:
    """One position limit, with the condition it belongs to."""

    condition: str
    id: str
    postures: frozenset[str]
    positions: frozenset[str]
    regions: frozenset[str]
    why: str

    def broken_by(self, posture: str, position: str, regions: Iterable[str]) -> bool:
        """Whether a technique done this way, on these regions, breaks the rule."""
        if self.postures and posture not in self.postures:
            return False
        if self.positions and position not in self.positions:
            return False
        return not self.regions or bool(self.regions & set(regions))


@record
class Limits:
    """Every limit of the conditions in force, folded together (strictest wins)."""

    conditions: tuple[str, ...] = ()
    positions: tuple[PositionRule, ...] = ()
    modify_areas: frozenset[str] = frozenset()
    no_sustained: dict[str, str] = field(default_factory=dict)  # region -> cond
    max_hold: tuple[int, str] | None = None  # seconds, condition
    max_pressure: tuple[int, str] | None = None
    max_density: tuple[str, str] | None = None
    forbidden_protocols: dict[str, str] = field(default_factory=dict)

    def breach(
        self,
        *,
        posture: str,
        position: str,
        protocol: str,
        densities: Sequence[str],
        regions: Iterable[str],
    ) -> str | None:
        """Return why a technique may not be used, naming the limit, or None."""
        regions = list(regions)
        for rule in self.positions:
            if rule.broken_by(posture, position, regions):
                return f"{_name(rule.condition)}: {rule.why}"
        if protocol in self.forbidden_protocols:
            cond = self.forbidden_protocols[protocol]
            return f"{_name(cond)}: no {protocol.replace('_', ' ')} technique"
        if protocol in HOLDING_PROTOCOLS:
            for region in regions:
                if region in self.no_sustained:
                    cond = self.no_sustained[region]
                    where = _region(region)
                    return f"{_name(cond)}: no sustained pressure on the {where}"
        if not self.allowed_densities(densities):
            assert self.max_density is not None
            density, cond = self.max_density
            return f"{_name(cond)}: needs a firmer ball than {density}"
        return None

    def allowed_densities(self, densities: Sequence[str]) -> list[str]:
        """The technique's densities no firmer than the limit allows."""
        if self.max_density is None:
            return list(densities)
        top = DENSITY_ORDER.index(self.max_density[0])
        return [d for d in densities if DENSITY_ORDER.index(d) <= top]

    def hold_cap(self, regions: Iterable[str]) -> int | None:
        """The longest hold the limits allow on a muscle lying in these regions."""
        caps = [self.max_hold[0]] if self.max_hold else []
        if set(regions) & set(self.no_sustained):
            caps.append(PASSING_HOLD_SECONDS)
        return min(caps) if caps else None

    def gentle(self, regions: Iterable[str]) -> bool:
        """Whether a muscle in these regions must be worked gently."""
        if self.max_pressure and self.max_pressure[0] <= 4:
            return True
        return bool(self.modify_areas & set(regions))

    def pressure_cap(self) -> int | None:
        """The highest pressure out of 10 the limits allow."""
        return self.max_pressure[0] if self.max_pressure else None


def limits_for(conditions: Iterable[str], kb: KnowledgeBase | None = None) -> Limits:
    """Fold the limits of these conditions (unknown or red-flag ids are ignored)."""
    kb = kb or load_kb()
    positions: list[PositionRule] = []
    modify: set[str] = set()
    no_sustained: dict[str, str] = {}
    forbidden: dict[str, str] = {}
    max_hold: tuple[int, str] | None = None
    max_pressure: tuple[int, str] | None = None
    max_density: tuple[str, str] | None = None
    ids = tuple(dict.fromkeys(conditions))
    for cid in ids:
        info = kb.flag(cid)
        if not isinstance(info, Condition):
            continue
        lim = info.limits
        for p in lim.positions:
            positions.append(
                PositionRule(
                    condition=cid,
                    id=p.id,
                    postures=frozenset(p.postures),
                    positions=frozenset(p.positions),
                    regions=frozenset(p.regions),
                    why=p.why,
                )
            )
        modify |= set(lim.modify_areas)
        for region in lim.no_sustained_pressure:
            no_sustained.setdefault(region, cid)
        for protocol in lim.forbidden_protocols:
            forbidden.setdefault(protocol, cid)
        max_hold = _lower(max_hold, lim.max_hold_seconds, cid)
        max_pressure = _lower(max_pressure, lim.max_pressure, cid)
        density = lim.max_density
        if density is not None and (
            max_density is None
            or DENSITY_ORDER.index(density) < DENSITY_ORDER.index(max_density[0])
        ):
            max_density = (density, cid)
    return Limits(
        conditions=ids,
        positions=tuple(positions),
        modify_areas=frozenset(modify),
        no_sustained=no_sustained,
        max_hold=max_hold,
        max_pressure=max_pressure,
        max_density=max_density,
        forbidden_protocols=forbidden,
    )


def pressure_label(cap: int | None, gentle: bool) -> str:
    """Say how hard to press: 5-6/10, lower when gentle or when a limit caps it."""
    high = 4 if gentle else 6
    if cap is not None:
        high = min(high, cap)
    if high >= 6:
        return FULL_PRESSURE
    if high == 4:
        return LIGHT_PRESSURE
    return f"{max(1, high - 1)}-{high}/10 (limited for safety)"


def _lower(
    current: tuple[int, str] | None, value: int | None, condition: str
) -> tuple[int, str] | None:
    """Keep the stricter of two caps, remembering whose it is."""
    if value is None or (current is not None and current[0] <= value):
        return current
    return (value, condition)


def _name(condition: str) -> str:
    info = load_kb().flag(condition)
    return info.name if info else condition.replace("_", " ")


def _region(region: str) -> str:
    kb = load_kb()
    name = kb.region(region).name if kb.is_region(region) else region
    return name.replace("_", " ").lower()
