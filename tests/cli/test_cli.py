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
    # the gold keeps a country named alone as its bare code: score it under those conventions
    result = runner.invoke(app, ["eval", str(gold), "--format", "json", "--conventions", "phoenix"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.stdout)["scores"]
    assert scores["root/exact"]["recall"] == 1.0 and scores["root/exact"]["precision"] == 1.0
    ours = json.loads(runner.invoke(app, ["eval", str(gold), "--format", "json"]).stdout)["scores"]
    assert ours["root/country"]["f1"] == 1.0 and ours["root/exact"]["f1"] == 0.0  # UKRGOV here


def test_explain_shows_pattern_actors_and_path(filled):
    event = json.loads(runner.invoke(app, ["--db", str(filled), "events", "--format", "json", "--root", "11"]).stdout)[0]
    result = runner.invoke(app, ["--db", str(filled), "explain", event["id"][:9]])
    assert result.exit_code == 0, result.output
    assert "pattern:" in result.stdout and "path:" in result.stdout and event["pattern_id"] in result.stdout
    info = json.loads(runner.invoke(app, ["--db", str(filled), "explain", event["id"], "--format", "json"]).stdout)
    assert info["paths"]["source"].startswith(event["trigger_text"]) and "nsubj" in info["paths"]["source"]
    assert runner.invoke(app, ["--db", str(filled), "explain", "nope"]).exit_code == 3


def test_explain_says_when_the_code_is_not_the_patterns(tmp_path):
    text = tmp_path / "andijan.txt"
    text.write_text("Uzbek soldiers opened fire on the demonstrators in Andijan on Friday.\n")
    db = str(tmp_path / "x.duckdb")
    assert runner.invoke(app, ["--db", db, "ingest", str(text)]).exit_code == 0
    event = json.loads(runner.invoke(app, ["--db", db, "events", "--format", "json"]).stdout)[0]
    assert event["code"] == "175" and event["pattern_id"] == "193.open-fire"
    assert "code: 175, not the pattern's 193" in runner.invoke(app, ["--db", db, "explain", event["id"]]).stdout


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
    assert [(e["source"], e["code"], e["target"]) for e in diff["added"]] == [("UKRGOV", "1121", "RUS")]
    assert [(e["source"], e["code"], e["target"]) for e in diff["removed"]] == [("UKRGOV", "111", "RUS")]


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


def _news(start: str, days: range, text: str, prefix: str, outlets: int = 1) -> str:
    from datetime import date, timedelta

    first = date.fromisoformat(start)
    return "".join(
        json.dumps({"id": f"{prefix}{d}", "date": (first + timedelta(days=d)).isoformat(), "source": f"Wire{d % outlets}",
                    "text": text + (f" Day {d}." if outlets else "")}) + "\n"
        for d in days
    )


@pytest.fixture(scope="module")
def crisis_feed(tmp_path_factory):
    """A calm year of praise between states, then a month of attacks reported every day (two files)."""
    folder = tmp_path_factory.mktemp("feed")
    calm = _news("2005-01-01", range(0, 360, 4), "France praised Germany. The United States praised Iraq.", "calm")
    calm += _news("2005-01-03", range(0, 390, 4), "Germany praised France.", "other")
    war = _news("2005-12-27", range(0, 30), "US troops attacked Iraqi forces. Iraq accused the United States of war crimes.", "war", outlets=3)
    return folder, calm, war


def test_watch_reports_each_new_break_once_and_relations_and_breaks_show_it(crisis_feed, tmp_path):
    folder, calm, war = crisis_feed
    inbox, db = tmp_path / "inbox", str(tmp_path / "w.duckdb")
    inbox.mkdir()
    (inbox / "calm.jsonl").write_text(calm)
    first = runner.invoke(app, ["--db", db, "watch", str(inbox), "--once"])
    assert first.exit_code == 0 and first.stdout == ""
    (inbox / "war.jsonl").write_text(war)
    second = runner.invoke(app, ["--db", db, "watch", str(inbox), "--once"])
    (reported,) = [json.loads(line) for line in second.stdout.splitlines()]
    assert reported["id"].startswith("IRQ-USA-2005-12") and reported["direction"] == "conflict" and reported["stories"] >= 2
    assert reported["events"][0]["sentence"]
    assert runner.invoke(app, ["--db", db, "watch", str(inbox), "--once"]).stdout == ""

    ranked = json.loads(runner.invoke(app, ["--db", db, "breaks", "--format", "json"]).stdout)
    assert [b["id"] for b in ranked] == [reported["id"]]
    assert json.loads(runner.invoke(app, ["--db", db, "breaks", "--since", "2006-02-01", "-f", "json"]).stdout) == []
    series = json.loads(runner.invoke(app, ["--db", db, "relations", "USA", "IRQ", "--period", "month", "-f", "json"]).stdout)
    assert series[-1]["material_conflict"] > 0 and series[0]["material_conflict"] == 0
    for chart in ("chart.png", "chart.svg"):
        result = runner.invoke(app, ["--db", db, "relations", "USA", "IRQ", "--plot", str(tmp_path / chart)])
        assert result.exit_code == 0 and (tmp_path / chart).stat().st_size > 5000
    assert "toward conflict" in (tmp_path / "chart.svg").read_text()
    for fmt, name in (("gdelt", "e.tsv"), ("icews", "e.csv"), ("plover", "e.jsonl"), ("parquet", "e.parquet")):
        assert runner.invoke(app, ["--db", db, "export", fmt, str(tmp_path / name), "--dyad", "USA", "IRQ"]).exit_code == 0


def test_relations_usage_errors(filled):
    result = runner.invoke(app, ["--db", str(filled), "relations", "RUS", "UKR", "--period", "year"])
    assert result.exit_code == 3 and "E060" in result.output
    result = runner.invoke(app, ["--db", str(filled), "export", "gdelt2", "x.tsv"])
    assert result.exit_code == 3 and "E062" in result.output
    result = runner.invoke(app, ["--db", str(filled), "watch", "/nonexistent/folder", "--once"])
    assert result.exit_code == 3 and "/nonexistent/folder" in result.output
