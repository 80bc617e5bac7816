"""Breaking-point accuracy floors: planted changes in synthetic streams, and known crises in the Wikinews corpus.

Floors are what the current detector measures (seeded, so exact), pinned so
that CI fails if a change makes them worse. The issue's targets are higher;
README "Breaking points" says where and why they are not met.
"""

from __future__ import annotations

import pytest

from detente.analysis.break_eval import DENSITIES, PLANTED_BURST_DAYS, SyntheticSpec, crises, load_crises, planted, wilson
from detente.analysis.breaks import BreakSettings
from tests.conftest import ROOT

#: events a day before the change -> least recall within 7 days (200 streams, rate ratio 3)
RECALL_FLOORS = {0.05: 0.20, 0.1: 0.48, 0.3: 0.80, 1.0: 0.98}
#: the same for a four-week burst (rate x3, then back): the short crisis most listed real ones are
BURST_RECALL_FLOORS = {0.05: 0.01, 0.1: 0.07, 0.3: 0.50, 1.0: 0.95}
FALSE_ALARMS_CEILING = 0.1  # per dyad-year, on 400 dyad-years of null streams with news surges


@pytest.mark.parametrize("density", DENSITIES)
def test_planted_changes(density):
    result = planted(BreakSettings(), SyntheticSpec(conflict_rate=density, cooperation_rate=density))
    assert result["recall"] >= RECALL_FLOORS[density]
    assert result["false_alarms_per_dyad_year"] <= FALSE_ALARMS_CEILING


@pytest.mark.parametrize("density", DENSITIES)
def test_planted_bursts(density):
    spec = SyntheticSpec(conflict_rate=density, cooperation_rate=density, burst_days=PLANTED_BURST_DAYS)
    result = planted(BreakSettings(), spec)
    assert result["recall"] >= BURST_RECALL_FLOORS[density]
    assert result["false_alarms_per_dyad_year"] <= FALSE_ALARMS_CEILING


def test_online_detector_on_dense_streams():
    result = planted(BreakSettings(), SyntheticSpec(conflict_rate=1.0, cooperation_rate=1.0), streams=60, method="online")
    assert result["recall"] >= 0.8 and result["false_alarms_per_dyad_year"] <= 0.2


def test_known_crises_in_the_wikinews_corpus(corpus_store):
    listed = load_crises(ROOT / "tests" / "gold" / "crises.yaml")
    assert len(listed.crises) >= 15 and len(listed.stable) >= 12
    result = crises(corpus_store.store, listed, corpus_store.break_settings)
    # 4 of 15 and 1 alarm in 19.5 dyad-years since the detector drops unconfident cuts (3 and 3 before: a January
    # visit's cut left India-US, March 2006, tested against five weeks of baseline; two of the three alarms were cuts
    # kept though unconfident). Most listed crises leave 0-3 state-level events near their onset at 2.4 articles a day.
    assert sum(row["found"] for row in result["rows"]) >= 4
    assert result["false_alarms"] <= 1


def test_wilson_interval():
    assert wilson(0, 0) == (0.0, 1.0)
    low, high = wilson(9, 10)
    assert low < 0.9 < high and high <= 1.0
