"""The CLI as a user runs it: exit codes, formats, messages that name the file."""

from __future__ import annotations

import json

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from detente import __version__
from detente.cli import app

runner = CliRunner()
ARTICLES = [
    {"id": "c1", "date": "2014-03-18", "source": "Wire", "text": "Russia annexed Crimea on Tuesday. Ukraine condemned Russia on Tuesday."},
    {"id": "c2", "date": "2014-03-17", "source": "Wire", "text": "The European Union imposed sanctions on Russia on Monday."},
]


@pytest.fixture
def filled(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES))
    db = tmp_path / "cli.duckdb"
    result = runner.invoke(app, ["--db", str(db), "ingest", str(src)])
    assert result.exit_code == 0, result.output
    return db


def test_version():
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and __version__ in result.output


def test_ingest_partial_failure_exit_code_and_message(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Iran condemned Israel on Monday.")
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    result = runner.invoke(app, ["--db", str(tmp_path / "x.duckdb"), "ingest", "--date", "2009-01-05", str(good), str(empty)])
    assert result.exit_code == 1
    assert "empty.txt" in result.output and "E001" in result.output and "1 inputs rejected" in result.output


def test_bad_date_flag_is_usage_error(tmp_path):
    result = runner.invoke(app, ["--db", str(tmp_path / "x.duckdb"), "ingest", "--date", "someday", "x.txt"])
    assert result.exit_code == 2


def test_events_formats(filled, tmp_path):
    as_json = json.loads(runner.invoke(app, ["--db", str(filled), "events", "--format", "json"]).stdout)
    assert as_json and {"source", "target", "code", "goldstein", "quad_class", "article_id", "sentence_idx", "run_id"} <= set(as_json[0])
    lines = runner.invoke(app, ["--db", str(filled), "events", "--format", "jsonl", "--actor", "RUS"]).stdout.splitlines()
    assert lines and all("RUS" in (json.loads(l)["source"] + json.loads(l)["target"]) for l in lines)
    csv_out = runner.invoke(app, ["--db", str(filled), "events", "--format", "csv", "--root", "11"]).stdout
    assert csv_out.splitlines()[0].startswith("run_id,id,article_id")
    out = tmp_path / "e.parquet"
    assert runner.invoke(app, ["--db", str(filled), "events", "--format", "parquet", "-o", str(out)]).exit_code == 0
    assert pq.read_table(out).num_rows == len(as_json)
    table = runner.invoke(app, ["--db", str(filled), "events", "--dyad", "UKR", "RUS"])
    assert table.exit_code == 0 and "RUS" in table.stdout


def test_show_highlights_article(filled):
    art = json.loads(runner.invoke(app, ["--db", str(filled), "events", "--format", "json"]).stdout)[0]["article_id"]
    result = runner.invoke(app, ["--db", str(filled), "show", art[:8]])
    assert result.exit_code == 0 and "→" in result.stdout


def test_show_unknown_article(filled):
    result = runner.invoke(app, ["--db", str(filled), "show", "nope"])
    assert result.exit_code == 3 and "E044" in result.output


def test_code_is_stateless_jsonl(tmp_path):
    data = "".join(json.dumps(a) + "\n" for a in ARTICLES) + "{oops\n"
    result = runner.invoke(app, ["code"], input=data)
    assert result.exit_code == 1
    records = [json.loads(l) for l in result.stdout.splitlines()]
    assert [r["id"] for r in records] == ["c1", "c2"]
    ev = records[1]["events"][0]
    assert {"source", "target", "code", "goldstein", "quad", "plover", "date", "sentence", "start", "end", "text"} <= set(ev)
    assert "sentences/s" in result.stderr
    assert not list(tmp_path.glob("*.duckdb"))


def test_eval_scores_gold(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(
        json.dumps({"uid": "g1", "date": "2014-03-17", "text": "Ukraine condemned Russia on Monday.", "events": [{"source": "UKR", "target": "RUS", "code": "111"}]}) + "\n"
        + json.dumps({"uid": "g2", "date": "2014-03-17", "text": "The football season opened on Monday.", "events": []}) + "\n"
    )
    result = runner.invoke(app, ["eval", str(gold), "--format", "json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.stdout)["scores"]
    assert scores["root/exact"]["recall"] == 1.0 and scores["root/exact"]["precision"] == 1.0


def test_explain_shows_pattern_actors_and_path(filled):
    event = json.loads(runner.invoke(app, ["--db", str(filled), "events", "--format", "json", "--root", "11"]).stdout)[0]
    result = runner.invoke(app, ["--db", str(filled), "explain", event["id"][:9]])
    assert result.exit_code == 0, result.output
    assert "pattern:" in result.stdout and "path:" in result.stdout and event["pattern_id"] in result.stdout
    info = json.loads(runner.invoke(app, ["--db", str(filled), "explain", event["id"], "--format", "json"]).stdout)
    assert info["paths"]["source"].startswith(event["trigger_text"]) and "nsubj" in info["paths"]["source"]
    assert runner.invoke(app, ["--db", str(filled), "explain", "nope"]).exit_code == 3


def test_diff_between_runs(filled, tmp_path):
    """A user pattern that outranks a bundled one shows up as one event removed and one added."""
    extra = tmp_path / "mine.yaml"
    extra.write_text('name: mine\nversion: "1"\npatterns:\n  - {id: mine.condemn, code: "1121", verbs: [condemn], object: [russia]}\n')
    src = tmp_path / "in.jsonl"
    result = runner.invoke(app, ["--db", str(filled), "ingest", str(src)], env={"DETENTE_PATTERNS": str(extra)})
    assert result.exit_code == 0, result.output
    runs = json.loads(runner.invoke(app, ["--db", str(filled), "runs", "--format", "json"]).stdout)
    assert [("mine@1" in r["patterns"], r["articles"]) for r in runs] == [(True, 2), (False, 2)]
    new_run, old_run = runs[0]["run_id"], runs[1]["run_id"]
    diff = json.loads(runner.invoke(app, ["--db", str(filled), "diff", old_run, new_run, "--format", "json"]).stdout)
    assert diff["articles"] == 2
    assert [(e["source"], e["code"], e["target"]) for e in diff["added"]] == [("UKR", "1121", "RUS")]
    assert [(e["source"], e["code"], e["target"]) for e in diff["removed"]] == [("UKR", "111", "RUS")]


def test_patterns_coverage(filled, tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"uid": "g1", "date": "2014-03-17", "text": "Ukraine condemned Russia on Monday.",
                                "events": [{"source": "UKR", "target": "RUS", "code": "111"}], "meta": {"nature": "news"}}) + "\n")
    result = runner.invoke(app, ["--db", str(filled), "patterns", "coverage", "--gold", str(gold), "--format", "json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["coverage"]["codes"] == 291 and report["fired"]["patterns"] >= 1
    assert any(row["tp"] == 1 for row in report["precision"].values())


def test_eval_where_filters_gold(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(
        json.dumps({"uid": "a", "text": "Ukraine condemned Russia.", "events": [], "meta": {"nature": "news"}}) + "\n"
        + json.dumps({"uid": "b", "text": "Iran condemned Israel.", "events": [], "meta": {"nature": "constructed"}}) + "\n"
    )
    result = runner.invoke(app, ["eval", str(gold), "--where", "nature=news", "--format", "json"])
    assert result.exit_code == 0 and json.loads(result.stdout)["sentences"] == 1
    assert runner.invoke(app, ["eval", str(gold), "--where", "nature"]).exit_code == 2


def test_actors_search_by_name_and_date():
    result = runner.invoke(app, ["actors", "search", "maliki", "--date", "2006-11-02", "-f", "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert rows[0]["name"] == "Nouri al-Maliki" and rows[0]["offices"][0]["code"] == "IRQGOV"


def test_actors_import_writes_a_file_the_coder_reads(tmp_path):
    src = tmp_path / "mine.actors"
    src.write_text("SADR_CITY_COUNCIL_ [IRQGOV]\n+SADR_COUNCIL_\nAHMAD_SHAHWANI_\n\t[IRQGOV 050101-071231]\n")
    out = tmp_path / "mine.yaml"
    result = runner.invoke(app, ["actors", "import", str(src), "-o", str(out)])
    assert result.exit_code == 0 and "2 actors" in result.output, result.output
    result = runner.invoke(app, ["actors", "search", "shahwani", "-f", "json"], env={"DETENTE_ACTORS": str(out)})
    assert json.loads(result.output)[0]["offices"][0]["start"] == "2005-01-01"
