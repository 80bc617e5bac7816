"""Store: idempotent ingest, duplicates across outlets, coding runs, and concurrent readers."""

from __future__ import annotations

import json
import subprocess
import sys
import time

import duckdb
import pytest

from detente.errors import StoreError
from detente.store import Store
from detente.store._schema import SCHEMA_VERSION

REPORTS = [
    {"id": "r1", "date": "2008-08-08", "source": "Wire A", "text": "Russian troops attacked Georgian forces in South Ossetia on Friday."},
    {"id": "r2", "date": "2008-08-12", "source": "Wire A", "text": "Russia and Georgia agreed to a ceasefire on Tuesday. France praised the deal."},
    {"id": "r3", "date": "2008-08-12", "source": "Wire B", "text": "Russia and Georgia agreed to a ceasefire on Tuesday. France praised the deal."},
]


def _jsonl(tmp_path, records, name="in.jsonl"):
    path = tmp_path / name
    path.write_text("".join(json.dumps(r) + "\n" for r in records))
    return str(path)


def test_reingest_stores_nothing_twice(db, tmp_path):
    path = _jsonl(tmp_path, REPORTS)
    first = db.ingest([path])
    assert (first.read, first.new, first.duplicates) == (3, 3, 1)
    counts = db.store.query("SELECT (SELECT count(*) FROM articles) a, (SELECT count(*) FROM events) e, (SELECT count(*) FROM sentences) s")[0]
    second = db.ingest([path, path])
    assert (second.new, second.coded, second.skipped) == (0, 0, 6)
    assert db.store.query("SELECT (SELECT count(*) FROM articles) a, (SELECT count(*) FROM events) e, (SELECT count(*) FROM sentences) s")[0] == counts


def test_same_text_from_another_outlet_is_kept_and_marked(db, tmp_path):
    db.ingest([_jsonl(tmp_path, REPORTS)])
    rows = db.store.query("SELECT external_id, duplicate_of FROM articles ORDER BY external_id")
    first_id = db.store.query("SELECT id FROM articles WHERE external_id = 'r2'")[0]["id"]
    assert [(r["external_id"], r["duplicate_of"]) for r in rows] == [("r1", None), ("r2", None), ("r3", first_id)]


def test_bad_input_does_not_lose_stored_data(db, tmp_path):
    db.ingest([_jsonl(tmp_path, REPORTS[:1])])
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "ok", "text": "Iran condemned Israel on Monday.", "date": "2009-01-05"}\n{broken\n')
    report = db.ingest([str(bad), str(tmp_path / "missing.txt")])
    assert len(report.errors) == 2 and report.new == 1
    assert db.store.query("SELECT count(*) n FROM articles")[0]["n"] == 2


def test_recoding_adds_a_run_and_queries_use_the_latest(db, tmp_path):
    """A dictionary change is a new run: old events stay, queries read the new ones."""
    import detente

    path = _jsonl(tmp_path, REPORTS[:1])
    db.ingest([path])
    extra = tmp_path / "mine.yaml"
    extra.write_text('name: mine\nversion: "1"\npatterns:\n  - {id: mine.1, code: "010", verbs: [zzzz]}\n')
    again = detente.open(db.path, db.settings.replace(patterns=str(extra)))
    report = again.ingest([path])
    assert report.coded == 1 and report.new == 0
    runs = db.store.query("SELECT count(*) n FROM runs")[0]["n"]
    assert runs == 2
    all_events = db.store.query("SELECT count(*) n FROM events")[0]["n"]
    current = db.store.query("SELECT count(*) n, count(DISTINCT run_id) r FROM current_events")[0]
    assert all_events == 2 * current["n"] and current["r"] == 1


def test_newer_schema_is_refused(tmp_path):
    path = tmp_path / "future.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR)")
    con.execute("INSERT INTO meta VALUES ('schema_version', ?)", [str(SCHEMA_VERSION + 1)])
    con.close()
    with pytest.raises(StoreError, match="E041"):
        Store(path).query("SELECT 1")


def test_missing_database_is_a_clear_error(tmp_path):
    with pytest.raises(StoreError, match="E043"):
        Store(tmp_path / "none.duckdb").query("SELECT 1")


WRITER = """
import sys, time
from detente.coding import CodedArticle
from detente.model import Article, Sentence
from detente.store import Store
store = Store(sys.argv[1])
versions = {"coder": "c", "model": "m", "patterns": "p", "actors": "a", "cameo": "k"}
for i in range(int(sys.argv[2])):
    batch = [CodedArticle(Article(id=f"a{i}-{j}", text="x" * 2000), [Sentence(f"a{i}-{j}", 0, 0, 5, "xxxxx")]) for j in range(50)]
    store.write(batch, versions)
print("done")
"""


def test_readers_see_no_lock_errors_while_a_writer_commits(tmp_path):
    """The lock design: readers wait for a commit in progress instead of failing."""
    path = tmp_path / "busy.duckdb"
    Store(path).write([], {"coder": "c", "model": "m", "patterns": "p", "actors": "a", "cameo": "k"})
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(path), "40"], stdout=subprocess.PIPE, text=True)
    reads, errors = 0, []
    store = Store(path, lock_timeout=30)
    deadline = time.monotonic() + 120
    while writer.poll() is None and time.monotonic() < deadline:
        try:
            store.query("SELECT count(*) FROM articles")
            reads += 1
        except Exception as exc:  # any lock error fails the test
            errors.append(repr(exc))
    assert writer.wait(timeout=120) == 0 and writer.stdout.read().strip() == "done"
    assert not errors, errors[:3]
    assert reads > 5
    assert store.query("SELECT count(*) n FROM articles")[0]["n"] == 2000


def test_an_older_schema_is_migrated_in_place(tmp_path):
    from detente.store._schema import MIGRATIONS

    path = tmp_path / "v1.duckdb"
    con = duckdb.connect(str(path))
    for sql in MIGRATIONS[0][1]:
        con.execute(sql)
    con.execute("INSERT INTO meta VALUES ('schema_version', '1')")
    con.close()
    store = Store(path)
    store.write([], {"coder": "c", "model": "m", "patterns": "p", "actors": "a", "cameo": "k"})
    assert store.schema_version() == SCHEMA_VERSION
    assert "quote_id" in {r["column_name"] for r in store.query("SELECT column_name FROM information_schema.columns WHERE table_name = 'events'")}


def test_reading_an_older_database_brings_it_up_to_date_first(tmp_path):
    """Migration 6 rebuilds the news volume: a read must not see the volume an older release counted."""
    from detente.store._schema import MIGRATIONS

    path = tmp_path / "v5.duckdb"
    con = duckdb.connect(str(path))
    for version, statements in MIGRATIONS[:5]:
        for sql in statements:
            con.execute(sql)
    con.execute("INSERT INTO meta VALUES ('schema_version', '5')")
    con.close()
    store = Store(path)
    store.query("SELECT count(*) AS n FROM day_volume")
    assert store.schema_version() == SCHEMA_VERSION
