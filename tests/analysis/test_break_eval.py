"""Breaking-point accuracy floors: planted changes in synthetic streams, and known crises in the Wikinews corpus.

Floors are what the current detector measures (seeded, so exact), pinned so
that CI fails if a change makes them worse. The issue's targets are higher;
README "Breaking points" says where and why they are not met.
"""

from __future__ import annotations

import pytest

from detente.analysis.break_eval import DENSITIES, SyntheticSpec, crises, load_crises, planted, wilson
from detente.analysis.breaks import BreakSettings
from tests.conftest import ROOT

#: events a day before the change -> least recall within 7 days (200 streams, rate ratio 3)
RECALL_FLOORS = {0.05: 0.20, 0.1: 0.45, 0.3: 0.77, 1.0: 0.95}
FALSE_ALARMS_CEILING = 0.1  # per dyad-year, on 400 dyad-years of null streams with news surges


@pytest.mark.parametrize("density", DENSITIES)
def test_planted_changes(density):
    result = planted(BreakSettings(), SyntheticSpec(conflict_rate=density, cooperation_rate=density))
    assert result["recall"] >= RECALL_FLOORS[density]
    assert result["false_alarms_per_dyad_year"] <= FALSE_ALARMS_CEILING


def test_online_detector_on_dense_streams():
    result = planted(BreakSettings(), SyntheticSpec(conflict_rate=1.0, cooperation_rate=1.0), streams=60, method="online")
    assert result["recall"] >= 0.8 and result["false_alarms_per_dyad_year"] <= 0.2


def test_known_crises_in_the_wikinews_corpus(corpus_store):
    listed = load_crises(ROOT / "tests" / "gold" / "crises.yaml")
    assert len(listed.crises) >= 15 and len(listed.stable) >= 12
    result = crises(corpus_store.store, listed, corpus_store.break_settings)
    # 3 of 15 and 3 alarms in 19.5 dyad-years since coder 0.4.0 (4 and 1 before): it stopped flagging 318 present-day
    # events as historical, so they now count; one visit coming into the baseline lost India-US (March 2006), and three
    # real visits (Rice in the UK, AUSMIN) are cooperation bursts on stable pairs. Noise at 2.4 articles a day.
    assert sum(row["found"] for row in result["rows"]) >= 3
    assert result["false_alarms"] <= 3


def test_wilson_interval():
    assert wilson(0, 0) == (0.0, 1.0)
    low, high = wilson(9, 10)
    assert low < 0.9 < high and high <= 1.0
