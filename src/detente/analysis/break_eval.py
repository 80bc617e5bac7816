"""How well breaking points are found: planted change-points in synthetic streams, and known crises in a corpus.

Synthetic streams imitate a sparse news source: a daily news volume with
surges (a week or two of heavy coverage that changes no relation), and a
dyad whose conflict and cooperation rates are a fixed share of that volume
until, at a planted day, one of them is multiplied by the rate ratio. Null
streams have surges but no change: every break found in them is a false
alarm. A planted change counts as found when a break in the right direction
lies within ``tolerance`` days of it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any, Sequence

import numpy as np
import yaml

from ..errors import E, DataError
from ..store import Store
from .breaks import BreakSettings, change_points, daily_streams, direction_of, dyad_breaks, exposure, online_change_points
from .dyads import Dyad


def wilson(successes: int, total: int, z: float = 1.96) -> tuple[float, float]:
    """95% Wilson score interval of a proportion (sound for small samples and proportions near 0 or 1)."""
    if total == 0:
        return (0.0, 1.0)
    p = successes / total
    centre = (p + z * z / (2 * total)) / (1 + z * z / total)
    half = z * math.sqrt(p * (1 - p) / total + z * z / (4 * total * total)) / (1 + z * z / total)
    return (round(max(0.0, centre - half), 3), round(min(1.0, centre + half), 3))


#: dyad densities (conflict and cooperation events a day each) reported for planted changes: from the
#: busiest pairs of a sparse corpus (0.05) to a dyad in a daily-updated national press (1.0)
DENSITIES = (0.05, 0.1, 0.3, 1.0)
#: a crisis that flares and passes: the rate x3 for four weeks, then back (most listed real crises look like this)
PLANTED_BURST_DAYS = 28


@dataclass(frozen=True)
class SyntheticSpec:
    """One family of synthetic dyad streams."""

    days: int = 730
    volume_mean: float = 6.0  # all dyads' events a day, as sparse as the Wikinews corpus (about 6)
    conflict_rate: float = 0.1  # the dyad's conflict events a day before the change
    cooperation_rate: float = 0.1
    ratio: float = 3.0  # rate ratio at the planted change
    surges: int = 3  # news-volume surges (x3 for 10 days) per stream, that must not read as breaks
    burst_days: int | None = None  # the changed rate lasts this long, then returns (a crisis that passes); None: for good


def synthetic_stream(rng: np.random.Generator, spec: SyntheticSpec, change: int | None, direction: str) -> tuple[np.ndarray, np.ndarray]:
    """Daily (conflict, cooperation) counts and volume; the change multiplies the conflict (or cooperation) rate,
    for good or, with ``spec.burst_days``, for that many days."""
    level = np.ones(spec.days)
    for _ in range(spec.surges):
        start = int(rng.integers(0, spec.days - 10))
        level[start : start + 10] *= 3.0
    volume = rng.poisson(spec.volume_mean * level).astype(float)
    share = volume / spec.volume_mean
    rates = np.column_stack([np.full(spec.days, spec.conflict_rate), np.full(spec.days, spec.cooperation_rate)])
    if change is not None:
        end = None if spec.burst_days is None else change + spec.burst_days
        rates[change:end, 0 if direction == "conflict" else 1] *= spec.ratio
    counts = rng.poisson(rates * share[:, None]).astype(float)
    return counts, volume


def planted(
    settings: BreakSettings = BreakSettings(),
    spec: SyntheticSpec = SyntheticSpec(),
    streams: int = 200,
    tolerance: int = 7,
    method: str = "offline",
    seed: int = 0,
) -> dict[str, Any]:
    """Recall of planted changes within ``tolerance`` days (with its 95% interval) and false alarms per dyad-year."""
    rng = np.random.default_rng(seed)
    detect = change_points if method == "offline" else online_change_points
    found = 0
    for i in range(streams):
        direction = "conflict" if i % 2 == 0 else "cooperation"
        change = int(rng.integers(spec.days // 5, spec.days - spec.days // 5))
        counts, volume = synthetic_stream(rng, spec, change, direction)
        hits = [
            c for c in detect(counts, exposure(volume, settings.volume_window), settings)
            if c["confidence"] >= settings.min_confidence and abs(c["index"] - change) <= tolerance and direction_of(c)[0] == direction
        ]
        found += bool(hits)
    alarms = 0
    for _ in range(streams):
        counts, volume = synthetic_stream(rng, spec, None, "conflict")
        alarms += sum(c["confidence"] >= settings.min_confidence for c in detect(counts, exposure(volume, settings.volume_window), settings))
    years = streams * spec.days / 365.25
    return {
        "streams": streams, "recall": round(found / streams, 3), "recall_ci": wilson(found, streams),
        "false_alarms_per_dyad_year": round(alarms / years, 3), "tolerance_days": tolerance, "method": method,
        "spec": spec.__dict__,
    }


@dataclass(frozen=True)
class Crisis:
    id: str
    a: str
    b: str
    onset: date
    direction: str
    event: str = ""


@dataclass(frozen=True)
class StablePair:
    a: str
    b: str
    start: date
    end: date


@dataclass(frozen=True)
class CrisisList:
    crises: tuple[Crisis, ...]
    stable: tuple[StablePair, ...] = field(default=())


def load_crises(path: str | Path) -> CrisisList:
    """Read a crisis list (tests/gold/crises.yaml documents the format)."""
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
        crises = tuple(
            Crisis(c["id"], c["a"], c["b"], _as_date(c["onset"]), c.get("direction", "conflict"), c.get("event", ""))
            for c in data.get("crises", ())
        )
        stable = tuple(StablePair(s["a"], s["b"], _as_date(s["start"]), _as_date(s["end"])) for s in data.get("stable", ()))
    except (OSError, yaml.YAMLError, KeyError, TypeError, ValueError) as exc:
        raise DataError(E.E030.format(path=path, detail=exc)) from None
    return CrisisList(crises, stable)


def _as_date(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def crises(store: Store, listed: CrisisList, settings: BreakSettings = BreakSettings(), tolerance: int = 7,
           method: str = "offline", level: str = "state") -> dict[str, Any]:
    """Recall of listed crises (a break in the right direction within ``tolerance`` days of onset) and false alarms on stable pairs."""
    rows = []
    for crisis in listed.crises:
        found = dyad_breaks(store, Dyad(crisis.a, crisis.b, level=level), settings, method)
        near = [b for b in found if abs((b.date - crisis.onset).days) <= tolerance]
        right = [b for b in near if b.direction == crisis.direction]
        rows.append({
            "id": crisis.id, "dyad": f"{crisis.a}-{crisis.b}", "onset": crisis.onset.isoformat(), "direction": crisis.direction,
            "found": bool(right), "break": right[0].date.isoformat() if right else (near[0].date.isoformat() if near else None),
            "breaks_in_dyad": len(found),
        })
    hits = sum(r["found"] for r in rows)
    alarms, years = 0, 0.0
    for pair in listed.stable:
        dyad = Dyad(pair.a, pair.b, level=level)
        days, counts, volume = daily_streams(store, dyad)
        alarms += sum(pair.start <= b.date <= pair.end for b in dyad_breaks(store, dyad, settings, method, streams=(days, counts, volume)))
        covered_start = max(pair.start, days[0]) if days else pair.start
        covered_end = min(pair.end, days[-1]) if days else pair.end
        years += max(0, (covered_end - covered_start).days) / 365.25
    return {
        "crises": len(rows), "recall": round(hits / len(rows), 3) if rows else None, "recall_ci": wilson(hits, len(rows)),
        "stable_pairs": len(listed.stable), "false_alarms": alarms,
        "false_alarms_per_dyad_year": round(alarms / years, 3) if years else None, "rows": rows,
        "tolerance_days": tolerance, "method": method, "level": level,
    }


def synthetic_families(settings: BreakSettings = BreakSettings(), method: str = "offline") -> list[dict[str, Any]]:
    """Planted lasting changes, then planted four-week bursts, at each density: what ``detente eval`` reports."""
    return [
        planted(settings, SyntheticSpec(conflict_rate=rate, cooperation_rate=rate, burst_days=burst), method=method)
        for burst in (None, PLANTED_BURST_DAYS) for rate in DENSITIES
    ]


def calibrate_penalty(candidates: Sequence[float], spec: SyntheticSpec = SyntheticSpec(), target_false_alarms: float = 0.5,
                      streams: int = 100, settings: BreakSettings = BreakSettings()) -> list[dict[str, Any]]:
    """Recall and false alarms for each candidate penalty: the lowest penalty under the false-alarm target is the default."""
    return [
        {"penalty": p, **{k: v for k, v in planted(replace(settings, penalty=p), spec, streams).items() if k != "spec"}}
        for p in candidates
    ]


__all__ = ["DENSITIES", "PLANTED_BURST_DAYS", "SyntheticSpec", "synthetic_stream", "synthetic_families", "planted", "load_crises", "crises",
           "calibrate_penalty", "wilson", "CrisisList", "Crisis", "StablePair"]
