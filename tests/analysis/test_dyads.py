"""Dyad series over deduplicated events: counts, weights, normalisation, filters."""

from __future__ import annotations

from datetime import date

import pytest

from detente.analysis.dyads import EXCLUDED_MODALITIES, Dyad, active_dyads, deduplicated_sql, series
from detente.errors import AnalysisError
from tests.conftest import event_store

D = date


@pytest.fixture
def store(tmp_path):
    events = [
        # one strike reported by three articles (one a copy of another's text) counts once, with three mentions
        {"article_id": "a1", "date": D(2006, 1, 2), "source": "USAMIL", "target": "IRQ", "code": "190"},
        {"article_id": "a2", "date": D(2006, 1, 2), "source": "USAMIL", "target": "IRQ", "code": "190"},
        {"article_id": "a3", "date": D(2006, 1, 2), "source": "USAMIL", "target": "IRQ", "code": "190"},
        # the other way, another code: a separate event
        {"article_id": "a2", "date": D(2006, 1, 3), "source": "IRQGOV", "target": "USAGOV", "code": "111"},
        # a rebel is not the state
        {"article_id": "a4", "date": D(2006, 1, 20), "source": "IRQREB", "target": "USAMIL", "code": "190"},
        # historical and negated events are left out by default
        {"article_id": "a4", "date": D(2006, 1, 20), "source": "USAGOV", "target": "IRQGOV", "code": "057", "modality": "negated"},
        {"article_id": "a4", "date": D(2006, 1, 20), "source": "USA", "target": "IRQ", "code": "190", "modality": "historical"},
        # "Iraq demanded that US troops withdraw": the demand is Iraq's event; the withdrawal, by the US, did not happen
        {"article_id": "a4", "date": D(2006, 1, 20), "source": "USAMIL", "target": "IRQ", "code": "0874", "modality": "demanded"},
        # other dyads make the news volume
        {"article_id": "a5", "date": D(2006, 1, 2), "source": "FRA", "target": "DEU", "code": "040"},
        {"article_id": "a5", "date": D(2006, 1, 16), "source": "FRA", "target": "DEU", "code": "040"},
        {"article_id": "a5", "date": D(2006, 1, 17), "source": "GBR", "target": "DEU", "code": "042"},
    ]
    articles = [{"id": "a3", "date": D(2006, 1, 2), "duplicate_of": "a1"}]
    return event_store(tmp_path / "d.duckdb", events, articles)


def test_one_a_day_keeps_mentions_articles_and_independent_stories(store):
    sql = deduplicated_sql("e.source = 'USAMIL' AND e.target = 'IRQ'")
    rows = store.query(f"SELECT * FROM ({sql})")
    (row,) = rows
    assert (row["mentions"], row["articles"], row["stories"]) == (3, 3, 2)
    assert row["event_id"] == "e00000" and len(row["mention_ids"]) == 3


def test_weekly_series_counts_state_events_both_ways_and_fills_empty_weeks(store):
    rows = series(store, Dyad("USA", "IRQ"), "week")
    weeks = {r["period"]: r for r in rows}
    first = weeks[D(2006, 1, 2)]
    assert (first["events"], first["material_conflict"], first["verbal_conflict"]) == (2, 1, 1)
    assert first["mentions"] == 4 and first["articles"] == 3
    assert first["volume"] == 3 and first["events_per_1k"] == pytest.approx(1000 * 2 / 3, abs=0.01)
    assert first["conflict_share"] == 1.0 and first["goldstein_sum"] == -12.0
    # the rebel attack and the negated, historical and demanded events of week 3 are not state-level acts done
    assert weeks[D(2006, 1, 16)]["events"] == 0 and weeks[D(2006, 1, 16)]["volume"] == 3
    assert [r["period"] for r in rows] == sorted(weeks) and len(rows) == 3


def test_levels_and_direction(store):
    weeks = {r["period"]: r for r in series(store, Dyad("USA", "IRQ", level="all"), "week")}
    assert weeks[D(2006, 1, 16)]["events"] == 1
    directed = series(store, Dyad("IRQ", "USA", directed=True), "month")
    assert [r["events"] for r in directed] == [1]
    by_code = series(store, Dyad("IRQREB", "USA"), "month")
    assert [r["events"] for r in by_code] == [1]


def test_modalities_can_be_let_in(store):
    rows = series(store, Dyad("USA", "IRQ"), "month", modalities_excluded=())
    assert rows[0]["events"] == 5


def test_series_leave_out_what_the_coder_does_not_count_as_an_event():
    """The threatened, demanded, conditional or alleged act is no act; the threat, demand or accusation is its own event."""
    from detente.coding.events import load_modality

    assert set(EXCLUDED_MODALITIES) == set(load_modality().not_events) | {"historical"}


def test_bounds_and_active_dyads(store):
    rows = series(store, Dyad("USA", "IRQ"), "day", since=D(2006, 1, 3), until=D(2006, 1, 5))
    assert [r["period"] for r in rows] == [D(2006, 1, 3), D(2006, 1, 4), D(2006, 1, 5)]
    assert [r["events"] for r in rows] == [1, 0, 0]
    assert {(r["a"], r["b"]): r["events"] for r in active_dyads(store, min_events=2)} == {("IRQ", "USA"): 2, ("DEU", "FRA"): 2}


def test_bad_arguments_are_named(store):
    with pytest.raises(AnalysisError, match="E060"):
        series(store, Dyad("USA", "IRQ"), "year")
    with pytest.raises(AnalysisError, match="E061"):
        Dyad("USA", "IRQ; DROP")
    with pytest.raises(AnalysisError, match="E064"):
        Dyad("USA", "IRQ", level="x")
