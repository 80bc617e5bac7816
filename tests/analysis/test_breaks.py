"""Breaking points: the detectors on arrays, and over a store with the evidence rule."""

from __future__ import annotations

import json
from datetime import date, timedelta

import httpx
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from detente.analysis.break_eval import SyntheticSpec, synthetic_stream
from detente.analysis.breaks import BreakSettings, change_points, daily_streams, direction_of, dyad_breaks, exposure, online_change_points, scan
from detente.analysis.dyads import Dyad
from detente.core import webhook_sender
from tests.conftest import event_store

DEFAULTS = BreakSettings()


def planted_stream(seed: int, rate: float = 1.0, change: int = 300, direction: str = "conflict"):
    rng = np.random.default_rng(seed)
    counts, volume = synthetic_stream(rng, SyntheticSpec(conflict_rate=rate, cooperation_rate=rate), change, direction)
    return counts, exposure(volume, DEFAULTS.volume_window)


@pytest.mark.parametrize("detect", [change_points, online_change_points])
@pytest.mark.parametrize("direction", ["conflict", "cooperation"])
def test_a_planted_tripling_is_found_near_its_day_in_its_direction(detect, direction):
    counts, expo = planted_stream(3, direction=direction)
    found = [c for c in detect(counts, expo, DEFAULTS) if c["confidence"] >= DEFAULTS.min_confidence]
    near = [c for c in found if abs(c["index"] - 300) <= 7]
    assert near and direction_of(near[0])[0] == direction
    assert direction_of(near[0])[1] > 2


def test_a_short_burst_is_found_at_its_start_and_end():
    """A crisis that flares for two weeks and passes: no single split of two years isolates it."""
    rng = np.random.default_rng(11)
    spec = SyntheticSpec(conflict_rate=0.3, cooperation_rate=0.3, burst_days=14, ratio=5.0, surges=0)
    counts, volume = synthetic_stream(rng, spec, 400, "conflict")
    found = change_points(counts, exposure(volume, 1), DEFAULTS)
    start = [c for c in found if abs(c["index"] - 400) <= 7]
    assert start and direction_of(start[0])[0] == "conflict"
    assert any(abs(c["index"] - 414) <= 7 for c in found)  # and the return to the old rate


def test_every_change_reported_is_confident_against_its_whole_regimes():
    """A weak cut is dropped rather than left to split the baseline of a real change into slivers."""
    rng = np.random.default_rng(4)
    for _ in range(10):
        counts, volume = synthetic_stream(rng, SyntheticSpec(conflict_rate=0.1, cooperation_rate=0.1), 365, "conflict")
        assert all(c["confidence"] >= DEFAULTS.min_confidence for c in change_points(counts, exposure(volume, 1), DEFAULTS))


def test_a_quiet_spell_is_not_a_burst():
    counts = np.ones((400, 2))
    counts[200:214] = 0
    assert change_points(counts, np.full(400, 6.0), DEFAULTS) == []


def test_news_surges_alone_are_not_breaks():
    rng = np.random.default_rng(5)
    spec = SyntheticSpec(conflict_rate=0.5, cooperation_rate=0.5, surges=6)
    alarms = 0
    for _ in range(20):
        counts, volume = synthetic_stream(rng, spec, None, "conflict")
        alarms += sum(c["confidence"] >= DEFAULTS.min_confidence for c in change_points(counts, exposure(volume, 1), DEFAULTS))
    assert alarms <= 2  # 40 dyad-years


@settings(max_examples=40, deadline=None)
@given(st.lists(st.integers(0, 5), min_size=0, max_size=120), st.integers(1, 9))
def test_change_points_are_inside_the_series_ordered_and_confidences_are_probabilities(values, scale):
    counts = np.column_stack([np.array(values, float), np.array(values[::-1], float)]) if values else np.zeros((0, 2))
    expo = np.full(len(values), float(scale))
    found = change_points(counts, expo, DEFAULTS)
    indexes = [c["index"] for c in found]
    assert indexes == sorted(indexes) and all(DEFAULTS.min_days <= i <= len(values) - DEFAULTS.min_days for i in indexes)
    assert all(0.0 <= c["confidence"] <= 1.0 for c in found)


def crisis_events(stories: int) -> list[dict]:
    """A calm cooperative year between two states, then a month of attacks reported by ``stories`` outlets."""
    start, events = date(2005, 1, 1), []
    for day in range(0, 360, 9):
        when = start + timedelta(days=day)
        events.append({"article_id": f"calm{day}", "date": when, "source": "USAGOV", "target": "IRQGOV", "code": "042"})
        events.append({"article_id": f"other{day}", "date": when, "source": "FRA", "target": "DEU", "code": "040"})
        events.append({"article_id": f"other{day}", "date": when, "source": "GBR", "target": "DEU", "code": "036"})
    for day in range(360, 390):
        when = start + timedelta(days=day)
        article = f"war{day % stories}"
        events.append({"article_id": article, "date": when, "source": "USAMIL", "target": "IRQ", "code": "190"})
        events.append({"article_id": article, "date": when, "source": "IRQGOV", "target": "USAGOV", "code": "111"})
        events.append({"article_id": f"other{day}", "date": when, "source": "FRA", "target": "DEU", "code": "040"})
    return events


def test_events_dated_only_to_the_month_or_year_are_no_spike_on_its_first_day(tmp_path):
    events = crisis_events(stories=3)
    # stories recalling attacks "in June" or "a year ago": stored on the first day of the month or year
    events += [{"article_id": f"recall{k}", "date": when, "date_precision": precision, "source": "USAMIL", "target": "IRQ", "code": "190"}
               for k in range(8) for when, precision in ((date(2005, 6, 1), "month"), (date(2005, 1, 1), "year"))]
    store = event_store(tmp_path / "y.duckdb", events)
    days, counts, _ = daily_streams(store, Dyad("USA", "IRQ"))
    assert counts[days.index(date(2005, 6, 1)), 0] == 0 and counts[days.index(date(2005, 1, 1)), 0] == 0
    (found,) = dyad_breaks(store, Dyad("USA", "IRQ"))
    assert found.direction == "conflict" and abs((found.date - date(2005, 12, 27)).days) <= 7


def test_a_crisis_in_a_store_is_a_break_with_its_evidence(tmp_path):
    store = event_store(tmp_path / "c.duckdb", crisis_events(stories=3))
    (found,) = dyad_breaks(store, Dyad("USA", "IRQ"))
    assert found.direction == "conflict" and abs((found.date - date(2005, 12, 27)).days) <= 7
    assert found.confidence >= 0.99 and found.stories == 3 and found.magnitude > 3
    assert found.goldstein_before > 0 > found.goldstein_after
    assert found.events and all(e["goldstein"] < 0 for e in found.events) and found.events[0]["code"] == "190"
    assert [b.id for b in scan(store)] == [found.id]
    assert json.loads(json.dumps(found.as_dict(), default=str))["id"] == "IRQ-USA-" + found.date.isoformat()


def test_one_story_is_not_enough_for_a_break(tmp_path):
    store = event_store(tmp_path / "one.duckdb", crisis_events(stories=1))
    assert dyad_breaks(store, Dyad("USA", "IRQ")) == []


def test_webhook_posts_json_and_survives_a_failing_server(tmp_path, caplog):
    store = event_store(tmp_path / "w.duckdb", crisis_events(stories=2))
    (found,) = dyad_breaks(store, Dyad("USA", "IRQ"))
    received = []

    def answer(request: httpx.Request) -> httpx.Response:
        received.append(json.loads(request.content))
        return httpx.Response(200 if len(received) == 1 else 500)

    send = webhook_sender("https://hooks.example/detente", transport=httpx.MockTransport(answer))
    send(found)
    send(found)  # the server fails: logged, not raised
    assert received[0]["id"] == found.id and received[0]["events"][0]["code"] == "190"
    assert "E063" in caplog.text
