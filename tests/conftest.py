"""Shared fixtures. Reference material is read from ../shared (never copied into the repo)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("DETENTE_SHARED", ROOT.parent / "shared"))
EXAMPLE = SHARED / "examples" / "2006-11-02-us-iraq-relations-breaking-point.md"
GOLD = SHARED / "gold"
CORPUS = SHARED / "corpora" / "wikinews-politics-2004-2006.jsonl"
DEMO = ROOT / "demo" / "corpus"


def shared(path: Path) -> Path:
    """A file from ../shared; in CI its absence fails, elsewhere it skips."""
    if not path.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{path} is missing: CI must run with shared/ beside the repo")
        pytest.skip(f"{path} not available")
    return path


@pytest.fixture(scope="session")
def coder():
    from detente.coding import Coder

    return Coder()


@pytest.fixture(scope="session")
def example_article():
    from detente.ingest import read_inputs

    (article,) = list(read_inputs([str(shared(EXAMPLE))]))
    return article


@pytest.fixture(scope="session")
def example_coded(coder, example_article):
    (coded,) = list(coder.code_articles([example_article]))
    return coded


@pytest.fixture
def db(tmp_path):
    import detente

    return detente.open(tmp_path / "test.duckdb")


def event_store(path: Path, events: list[dict], articles: list[dict] | None = None):
    """A store holding hand-made events, for analysis tests that need exact counts, not a coder.

    Each event needs ``article_id``, ``date``, ``source``, ``target`` and ``code``;
    countries, root, QuadClass and Goldstein come from the codes. Articles are
    made for every article id unless given (``duplicate_of`` marks a copy).
    """
    from datetime import datetime

    import pyarrow as pa

    from detente.coding.tables import load_cameo
    from detente.store import Store

    cameo = load_cameo()
    store = Store(path)
    given = {a["id"]: a for a in articles or []}
    rows = []
    for i, event in enumerate(events):
        info = cameo.codes[event["code"]]
        rows.append({
            "run_id": "r1", "id": event.get("id", f"e{i:05d}"), "article_id": event["article_id"], "sentence_idx": event.get("sentence_idx", 0),
            "sentence_start": 0, "sentence_end": 10, "trigger_start": 0, "trigger_end": 4, "trigger_text": "text",
            "source": event["source"], "target": event["target"],
            "source_country": event["source"][:3] if event["source"][:3].isalpha() and event["source"][:3] not in ("IGO", "NGO") else None,
            "target_country": event["target"][:3] if event["target"][:3].isalpha() and event["target"][:3] not in ("IGO", "NGO") else None,
            "code": event["code"], "root": event["code"][:2], "goldstein": info.goldstein, "quad_class": info.quad_class,
            "date": event["date"], "date_precision": event.get("date_precision", "day"), "modality": event.get("modality", "asserted"),
            "confidence": 0.8, "pattern_id": "p",
        })
    for article_id in {r["article_id"] for r in rows}:
        given.setdefault(article_id, {"id": article_id})
    for article_id, article in given.items():
        dates = [r["date"] for r in rows if r["article_id"] == article_id]
        article.setdefault("date", min(dates) if dates else None)
        article.setdefault("text", "Some text.")
        article.setdefault("source", "Wire")
    for row in rows:
        article = given[row["article_id"]]
        row.update(day=row["date"] or article["date"], story=article.get("duplicate_of") or article["id"],
                   article_date=article["date"], outlet=article["source"], current=True)
    with store.writer() as con:
        con.execute("INSERT INTO runs (run_id, created_at, coder) VALUES ('r1', now(), 'test')")
        for table, table_rows in (
            ("articles", [{"duplicate_of": None, **a} for a in given.values()]),
            ("article_runs", [{"article_id": a, "run_id": "r1", "coded_at": datetime(2026, 1, 1), "story_type": "politics"} for a in given]),
            ("events", rows),
        ):
            con.register("_rows", pa.Table.from_pylist(table_rows))
            con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM _rows")
            con.unregister("_rows")
    store.refresh_volume()
    return store


@pytest.fixture(scope="session")
def corpus_store(tmp_path_factory):
    """The Wikinews corpus coded into a store once per session (about two minutes)."""
    import detente

    db = detente.open(tmp_path_factory.mktemp("corpus") / "wikinews.duckdb")
    report = db.ingest([str(shared(CORPUS))])
    assert report.ok and report.new > 1700
    return db
