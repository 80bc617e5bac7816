"""Exports in GDELT 2.0, ICEWS, PLOVER and Parquet form, over a small coded store."""

from __future__ import annotations

import csv
import json
import re
from datetime import date

import pyarrow.parquet as pq
import pytest

from detente.analysis.dyads import Dyad
from detente.analysis.exports import (
    FORMATS,
    GDELT_EVENT_COLUMNS,
    GDELT_MENTION_COLUMNS,
    ICEWS_COLUMNS,
    _cell,
    _fraction_date,
    export,
    global_event_id,
)
from detente.errors import AnalysisError
from detente.store import Store

ARTICLES = [
    {"id": "x1", "date": "2014-03-18", "source": "Wire", "url": "https://www.example.com/news/x1",
     "text": "Russia annexed Crimea on Tuesday. Ukraine condemned Russia on Tuesday."},
    # the same event the same day from another outlet, without a URL and with a tab in the outlet's name
    {"id": "x2", "date": "2014-03-18", "source": "Daily\tPost",
     "text": "Ukraine condemned Russia on Tuesday.\n\nOfficials in Kiev said the vote was illegal."},
    {"id": "x3", "date": "2014-03-17", "source": "Wire", "url": "https://www.example.com/news/x3",
     "text": "The European Union imposed sanctions on Russia on Monday. "
             "Secretary of State John Kerry met Sergei Lavrov in London on Monday."},
]


@pytest.fixture(scope="module")
def store(coder, tmp_path_factory):
    from detente.ingest import read_inputs

    src = tmp_path_factory.mktemp("exports") / "in.jsonl"
    src.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES))
    db = Store(src.parent / "exports.duckdb")
    db.write(coder.code_articles(list(read_inputs([str(src)]))), coder.versions)
    return db


@pytest.fixture(scope="module")
def exported(store, tmp_path_factory):
    """Every format written once: format → (path, rows written)."""
    out = tmp_path_factory.mktemp("out")
    files = {}
    for fmt in FORMATS:
        path = out / f"events.{fmt}{'.csv' if fmt == 'icews' else ''}"
        files[fmt] = (path, export(store, fmt, path))
    return files


def tsv(path):
    return [line.split("\t") for line in path.read_text("utf-8").splitlines()]


def test_column_lists_match_the_codebooks():
    assert len(GDELT_EVENT_COLUMNS) == 61 and len(set(GDELT_EVENT_COLUMNS)) == 61
    assert GDELT_EVENT_COLUMNS[:5] == ("GlobalEventID", "Day", "MonthYear", "Year", "FractionDate")
    assert GDELT_EVENT_COLUMNS[25:35] == ("IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
                                          "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone")
    assert GDELT_EVENT_COLUMNS[51] == "ActionGeo_Type" and GDELT_EVENT_COLUMNS[-2:] == ("DATEADDED", "SOURCEURL")
    assert len(GDELT_MENTION_COLUMNS) == 16 and GDELT_MENTION_COLUMNS[-1] == "Extras"
    assert len(ICEWS_COLUMNS) == 20


def test_gdelt_events(exported):
    path, n = exported["gdelt"]
    rows = tsv(path)
    assert n == len(rows) > 0
    col = {name: i for i, name in enumerate(GDELT_EVENT_COLUMNS)}
    for row in rows:
        assert len(row) == 61
        day = row[col["Day"]]
        assert re.fullmatch(r"\d{8}", day)
        assert row[col["MonthYear"]] == day[:6] and row[col["Year"]] == day[:4]
        assert int(row[col["GlobalEventID"]]) < 2**63
        assert int(row[col["NumMentions"]]) >= 1
        assert row[col["EventBaseCode"]] == row[col["EventCode"]][:3]
        assert re.fullmatch(r"\d{14}", row[col["DATEADDED"]])
        assert row[col["AvgTone"]] == "" and row[col["Actor1Geo_Type"]] == "0"
        assert row[col["SOURCEURL"]]
    # Ukraine condemned Russia on the 18th in two outlets: one deduplicated event, two mentions
    (ukr,) = [r for r in rows if r[col["Actor1Code"]] == "UKRGOV" and r[col["EventCode"]] == "111" and r[col["Actor2Code"]] == "RUS"]
    assert (ukr[col["NumMentions"]], ukr[col["NumSources"]], ukr[col["NumArticles"]]) == ("2", "2", "2")
    assert ukr[col["Day"]] == "20140318" and ukr[col["Actor2CountryCode"]] == "RUS"
    # Kerry met Lavrov in London: a world city, with FIPS country codes
    london = [r for r in rows if r[col["ActionGeo_FullName"]].startswith("London")]
    assert london and all(r[col["ActionGeo_Type"]] == "4" and r[col["ActionGeo_CountryCode"]] == "UK" for r in london)
    assert {r[col["Actor1Type1Code"]] for r in london} == {"GOV"}


def test_gdelt_mentions_share_ids_and_point_at_the_trigger(exported, store):
    events, _ = exported["gdelt"]
    path, n = exported["gdelt-mentions"]
    rows = tsv(path)
    assert n == len(rows)
    assert all(len(r) == 16 for r in rows)
    assert {r[0] for r in rows} == {r[0] for r in tsv(events)}
    texts = {r["id"]: r["text"] for r in store.query("SELECT id, text FROM articles")}
    triggers = {r["id"]: r["trigger_text"] for r in store.query("SELECT id, trigger_text FROM current_events")}
    for r in rows:
        extras = dict(item.split("=", 1) for item in r[15].split(";"))
        text = texts[extras["article"]]
        action = int(r[9])
        assert text[action:action + len(triggers[extras["detente_event"]])] == triggers[extras["detente_event"]]
        assert int(r[6]) >= 1 and int(r[12]) == len(text) and 0 <= int(r[11]) <= 100
        if r[3] == "2":  # no URL: cited by article id, named by outlet (its tab made a space)
            assert r[5] == extras["article"] and r[4] == "Daily Post"
        else:
            assert r[5].startswith("https://") and r[4] == "example.com"
    assert sum(r[0] == r2[0] for r in rows for r2 in rows) > len(rows)  # some event has two mentions


def test_icews(exported):
    path, n = exported["icews"]
    with path.open(newline="", encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    assert tuple(rows[0]) == ICEWS_COLUMNS and len(rows) == n + 1
    col = {name: i for i, name in enumerate(ICEWS_COLUMNS)}
    ukr = next(r for r in rows[1:] if r[col["CAMEO Code"]] == "111")
    assert ukr[col["Source Country"]] == "Ukraine" and ukr[col["Target Country"]] == "Russia"
    assert ukr[col["Event Date"]] == "2014-03-18" and ukr[col["Intensity"]] == "-2.0"
    assert ukr[col["Event Text"]]
    eu = next(r for r in rows[1:] if r[col["CAMEO Code"]].startswith("16"))
    assert eu[col["Source Name"]] == "European Union"


def test_icews_tab_separated_when_asked(store, tmp_path):
    path = tmp_path / "events.tab"
    n = export(store, "icews", path)
    lines = path.read_text("utf-8").splitlines()
    assert lines[0].split("\t") == list(ICEWS_COLUMNS) and len(lines) == n + 1
    assert all(len(line.split("\t")) == 20 for line in lines)


def test_plover_lines_carry_evidence_and_provenance(exported, store):
    path, n = exported["plover"]
    records = [json.loads(line) for line in path.read_text("utf-8").splitlines()]
    assert len(records) == n
    runs = {r["run_id"]: r for r in store.query("SELECT * FROM runs")}
    texts = {r["id"]: r["text"] for r in store.query("SELECT id, text FROM articles")}
    for rec in records:
        assert rec["id"] and re.fullmatch(r"\d{4}-\d{2}-\d{2}", rec["event_date"]) and rec["event_type"]
        assert isinstance(rec["mode"], list) and rec["context"] == []
        assert {"code", "country", "sector", "name"} <= set(rec["actor"]) and {"code", "country"} <= set(rec["recipient"])
        assert len(rec["evidence"]) == rec["mentions"] >= 1
        for ev in rec["evidence"]:
            text = texts[ev["article_id"]]
            assert text[ev["trigger_start"]:ev["trigger_end"]] == ev["trigger_text"]
            assert ev["sentence_start"] <= ev["trigger_start"] < ev["sentence_end"]
        prov = rec["provenance"]
        assert prov["run_id"] in runs and prov["coder"] == runs[prov["run_id"]]["coder"] and prov["actors"]
    assert any(rec["location"] and rec["location"]["name"] == "London" for rec in records)


def test_parquet_matches_gdelt(exported):
    path, n = exported["parquet"]
    table = pq.read_table(path)
    assert table.num_rows == n == exported["gdelt"][1]
    assert {"global_event_id", "event_id", "mentions", "run_id", "run_coder", "run_actors", "url"} <= set(table.column_names)
    ids = {str(i) for i in table.column("global_event_id").to_pylist()}
    assert ids == {r[0] for r in tsv(exported["gdelt"][0])}


def test_exporting_twice_gives_the_same_bytes(store, exported, tmp_path):
    for fmt, (first, _) in exported.items():
        again = tmp_path / first.name
        export(store, fmt, again)
        assert again.read_bytes() == first.read_bytes(), fmt


def test_filters(store, tmp_path):
    path = tmp_path / "dyad.tsv"
    # Russia annexed Crimea (a Ukrainian region) and Ukraine condemned Russia
    assert export(store, "gdelt", path, dyad=Dyad("UKR", "RUS")) == 2
    assert export(store, "gdelt", path, dyad=Dyad("USA", "RUS"), until=date(2014, 3, 17)) == 2
    # on the 18th: the annexation, Ukraine condemned Russia, and Kiev called the vote illegal (no target)
    assert export(store, "gdelt", path, since=date(2014, 3, 18)) == 3
    assert {r[1] for r in tsv(path)} == {"20140318"}
    assert export(store, "plover", path, since=date(2020, 1, 1)) == 0 and path.read_text() == ""


def test_standard_output(store, capsys, tmp_path):
    n = export(store, "gdelt-mentions", "-")
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == n and all(len(line.split("\t")) == 16 for line in lines)
    with pytest.raises(AnalysisError, match="E052"):
        export(store, "parquet", "-")


def test_unknown_format(store, tmp_path):
    with pytest.raises(AnalysisError, match="E062"):
        export(store, "cameo-xml", tmp_path / "x")
    assert not (tmp_path / "x").exists()


def test_fields_and_ids():
    assert _cell("a\tb\nc\r\n") == "a b c" and _cell(None) == "" and _cell(-2.0) == "-2.0"
    assert global_event_id("e5acf545f46bcd344") == global_event_id("e5acf545f46bcd344")
    assert 0 <= global_event_id("x") < 2**63 and global_event_id("x") != global_event_id("y")
    assert _fraction_date(date(1979, 1, 1)) == "1979.0027"  # as in GDELT's own files
