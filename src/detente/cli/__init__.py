"""The ``detente`` command: a thin layer over :class:`detente.Detente`.

Exit codes: 0 success; 1 some inputs were rejected (the rest was processed);
2 usage error; 3 data, settings or database error.
"""

from __future__ import annotations

import csv
import io
import json
import logging
import sys
import textwrap
import time
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any, Iterator, Optional

import typer
from rich.console import Console
from rich.logging import RichHandler
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from .._version import __version__
from ..config import Settings, load_settings
from ..core import Detente
from ..errors import E, DetenteError
from ..model import QUAD_CLASS_NAMES
from ..analysis.dyads import EXCLUDED_MODALITIES
from ..store import EventFilter

EXIT_OK, EXIT_PARTIAL, EXIT_USAGE, EXIT_ERROR = 0, 1, 2, 3
FORMATS = ("table", "json", "jsonl", "csv", "parquet")

app = typer.Typer(add_completion=False, no_args_is_help=True, help="News text in, political event data out.")
out = Console(soft_wrap=True)
err = Console(stderr=True)


class State:
    settings: Settings


state = State()


def _version(value: bool) -> None:
    if value:
        out.print(f"detente {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    db: Optional[str] = typer.Option(None, "--db", help="Database file (default detente.duckdb, or DETENTE_DB)."),
    verbose: int = typer.Option(0, "--verbose", "-v", count=True, help="More log output (-vv for debug)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Only errors."),
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Show the version."),
) -> None:
    level = logging.ERROR if quiet else [logging.WARNING, logging.INFO, logging.DEBUG][min(verbose, 2)]
    logging.basicConfig(level=level, format="%(message)s", handlers=[RichHandler(console=err, show_path=False)], force=True)
    with _reported():
        state.settings = load_settings({"db": db})


def _fail(exc: Exception) -> None:
    err.print(f"[red]error:[/red] {exc}", highlight=False)
    raise typer.Exit(EXIT_ERROR)


@contextmanager
def _reported(*also: type[Exception]) -> Iterator[None]:
    """A detente error (or one of ``also``) becomes one clear line on stderr and exit code 3."""
    try:
        yield
    except (DetenteError, *also) as exc:
        _fail(exc)


def _db() -> Detente:
    return Detente(settings=state.settings)


def _print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, indent=2, default=str) + "\n")


def _day(value: Optional[str], option: str) -> Optional[date]:
    if value is None:
        return None
    from ..ingest import parse_date

    parsed = parse_date(value)
    if parsed is None:
        raise typer.BadParameter(E.E009.format(value=value), param_hint=option)
    return parsed


@app.command()
def ingest(
    paths: list[str] = typer.Argument(..., help="Files, directories, globs, or - for stdin."),
    date_: Optional[str] = typer.Option(None, "--date", help="Publication date for inputs that carry none."),
    source: Optional[str] = typer.Option(None, "--source", help="Outlet name for inputs that carry none."),
) -> None:
    """Read, code and store news articles (idempotent: re-running stores nothing twice)."""
    when = _day(date_, "--date")
    det = _db()
    show = err.is_terminal
    with _reported():
        with Progress(TextColumn("coding"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), console=err, disable=not show) as bar:
            task = bar.add_task("articles", total=None)
            report = det.ingest(paths, date=when, source=source, progress=lambda n: bar.advance(task, n))
    for problem in report.errors:
        err.print(f"[yellow]skipped[/yellow] {problem}", highlight=False)
    out.print(
        f"read {report.read} articles: {report.new} new, {report.coded} coded, {report.skipped} already stored, "
        f"{report.duplicates} duplicates of another outlet's text; {report.events} events; "
        f"{len(report.errors)} inputs rejected -> {det.path}",
        highlight=False,
    )
    if report.errors:
        raise typer.Exit(EXIT_PARTIAL)


def _rows_out(rows: list[dict[str, Any]], fmt: str, output: Optional[Path], columns: list[str], arrow_table=None) -> None:
    if fmt not in FORMATS:
        raise typer.BadParameter(E.E051.format(fmt=fmt, choices=", ".join(FORMATS)), param_hint="--format")
    if fmt == "parquet":
        if output is None:
            raise typer.BadParameter(E.E052.format(fmt=fmt), param_hint="--output")
        import pyarrow.parquet as pq

        pq.write_table(arrow_table, output)
        err.print(f"wrote {arrow_table.num_rows} rows to {output}")
        return
    if fmt == "table":
        table = Table(show_lines=False)
        for c in columns:
            table.add_column(c)
        for r in rows:
            table.add_row(*("" if r.get(c) is None else str(r.get(c)) for c in columns))
        Console(file=output.open("w") if output else None, soft_wrap=False, width=200 if output else None).print(table)
        return
    buffer = io.StringIO()
    if fmt == "json":
        json.dump(rows, buffer, default=str, indent=2, ensure_ascii=False)
        buffer.write("\n")
    elif fmt == "jsonl":
        for r in rows:
            buffer.write(json.dumps(r, default=str, ensure_ascii=False) + "\n")
    else:
        writer = csv.DictWriter(buffer, fieldnames=list(rows[0]) if rows else columns)
        writer.writeheader()
        writer.writerows(rows)
    if output:
        output.write_text(buffer.getvalue(), encoding="utf-8")
    else:
        sys.stdout.write(buffer.getvalue())


@app.command()
def events(
    actor: Optional[str] = typer.Option(None, help="Actor code prefix on either side (IRQ, USAGOV)."),
    dyad: Optional[tuple[str, str]] = typer.Option(None, help="Two actor code prefixes, either direction."),
    code: Optional[str] = typer.Option(None, help="CAMEO code prefix (19, 190, 0431)."),
    root: Optional[str] = typer.Option(None, help="CAMEO root (01..20)."),
    since: Optional[str] = typer.Option(None, help="Events on or after this date."),
    until: Optional[str] = typer.Option(None, help="Events on or before this date."),
    article: Optional[str] = typer.Option(None, help="Article id."),
    run: Optional[str] = typer.Option(None, help="Coding run id (default: each article's latest run)."),
    limit: Optional[int] = typer.Option(None, help="At most this many events."),
    fmt: str = typer.Option("table", "--format", "-f", help="table, json, jsonl, csv or parquet."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write to this file."),
) -> None:
    """List coded events, filtered."""
    filters = EventFilter(actor, dyad, code, root, _day(since, "--since"), _day(until, "--until"), article, run, limit)
    det = _db()
    with _reported():
        if fmt == "parquet":
            _rows_out([], fmt, output, [], det.events_arrow(filters))
            return
        rows = det.events(filters)
    _rows_out(rows, fmt, output, ["date", "source", "code", "target", "goldstein", "quad_class", "plover_type", "modality", "article_id", "sentence_idx", "trigger_text"])


@app.command()
def show(article_id: str = typer.Argument(..., help="Article id (a unique prefix is enough).")) -> None:
    """Show an article with its events highlighted in their sentences."""
    det = _db()
    with _reported():
        art = det.article(article_id)
    out.rule(f"[bold]{art.get('title') or art['id']}")
    out.print(f"{art['id']}  source: {art['source'] or 'unknown'}  date: {art['date'] or 'unknown'} ({art['date_origin']})  {art['path'] or ''}", highlight=False)
    by_sentence: dict[int, list[dict]] = {}
    for ev in art["events"]:
        by_sentence.setdefault(ev["sentence_idx"], []).append(ev)
    for sent in art["sentences"]:
        evs = by_sentence.get(sent["idx"], [])
        text = Text(sent["text"], style="dim" if not evs else "")
        base = sent["start_char"]
        for ev in evs:
            for start, end, style in ((ev["source_start"], ev["source_end"], "bold cyan"), (ev["target_start"], ev["target_end"], "bold magenta"), (ev["trigger_start"], ev["trigger_end"], "bold red")):
                if start is not None:
                    text.stylize(style, start - base, end - base)
        out.print(Text(f"[{sent['idx']}] ", style="dim") + text)
        for ev in evs:
            out.print(
                f"      → {ev['source']} [{ev['code']} {QUAD_CLASS_NAMES[ev['quad_class']]}, {ev['plover_type'] or '-'}] {ev['target']}"
                f"  {ev['date']} ({ev['date_origin']})  {ev['modality']}"
                f"{'  @ ' + ev['place_name'] if ev.get('place_name') else ''}  id={ev['id']}",
                highlight=False,
            )


@app.command()
def explain(
    event_id: str = typer.Argument(..., help="Event id (a unique prefix is enough)."),
    run: Optional[str] = typer.Option(None, help="Coding run (default: the article's latest)."),
    fmt: str = typer.Option("text", "--format", "-f", help="text or json."),
) -> None:
    """Why an event was coded: sentence, pattern, parse path, actors and how they were resolved."""
    det = _db()
    with _reported():
        info = det.explain(event_id, run)
    if fmt == "json":
        _print_json(info)
        return
    ev, pat = info["event"], info["pattern"]
    out.print(f"[bold]{ev['source']} [{ev['code']}] {ev['target']}[/bold]  goldstein {ev['goldstein']}, quad {ev['quad_class']} ({QUAD_CLASS_NAMES[ev['quad_class']]}), PLOVER {ev['plover_type'] or '-'}  id={ev['id']}")
    out.print(f"sentence {ev['sentence_idx']} of article {ev['article_id']} [{ev['sentence_start']}:{ev['sentence_end']}]:", highlight=False)
    out.print(f"  {info['sentence']}", highlight=False)
    out.print(f"trigger: {ev['trigger_text']!r} at {ev['trigger_start']}", highlight=False)
    if pat:
        out.print(f"pattern: {pat['id']} ({pat['kind']} {', '.join(pat['triggers'])}; object {pat['object'] or '-'}; target slots {pat['target']}) from {Path(pat['file']).name}", highlight=False)
        if pat["code"] != ev["code"]:
            out.print(f"code: {ev['code']}, not the pattern's {pat['code']}: re-coded by what governs the act, what it is done to, or who did it "
                      "to whom (docs/coding-guidelines.md §1, §6)", highlight=False)
    for side in ("source", "target"):
        out.print(
            f"{side}: {ev[side]} {ev[side + '_name'] or ''} {('(' + ev[side + '_role'] + ')') if ev[side + '_role'] else ''}"
            f" ← {ev[side + '_resolution'] or 'absent'}; path: {info['paths'].get(side, '-')}",
            highlight=False,
        )
    out.print(f"date: {ev['date']} ({ev['date_precision']}, {ev['date_origin']}); modality: {ev['modality']}; confidence {ev['confidence']:.2f}", highlight=False)
    if ev.get("place_name"):
        where = f" at {ev['place_lat']:.3f}, {ev['place_lon']:.3f}" if ev.get("place_lat") is not None else ""
        out.print(f"place: {ev['place_name']}, {ev['place_country']} ({ev['place_precision']}, {ev['place_origin']}){where}", highlight=False)
    r = info["run"]
    out.print(f"run {r['run_id']}: {r['coder']}, {r['model']}, {r['patterns']}, {r['actors']}, {r['cameo']}", highlight=False)


@app.command()
def runs(fmt: str = typer.Option("table", "--format", "-f", help="table, json, jsonl or csv.")) -> None:
    """Coding runs in the database, newest first, with their versions and article counts."""
    det = _db()
    with _reported():
        rows = det.store.query(
            "SELECT r.*, (SELECT count(*) FROM article_runs a WHERE a.run_id = r.run_id) AS articles FROM runs r ORDER BY created_at DESC"
        )
    _rows_out(rows, fmt, None, ["run_id", "created_at", "articles", "coder", "patterns", "actors", "cameo"])


@app.command()
def diff(
    run_a: str = typer.Argument(..., help="The older run."),
    run_b: str = typer.Argument(..., help="The newer run."),
    fmt: str = typer.Option("table", "--format", "-f", help="table, json or jsonl."),
) -> None:
    """What a dictionary or coder change added and removed, on the articles both runs coded."""
    det = _db()
    with _reported():
        result = det.diff(run_a, run_b)
    if fmt == "json":
        _print_json(result)
        return
    rows = [{"change": "+", **e} for e in result["added"]] + [{"change": "-", **e} for e in result["removed"]]
    if fmt != "table":
        _rows_out(rows, fmt, None, [])
        return
    out.print(f"{result['articles']} articles coded by both runs: {len(result['added'])} events added, {len(result['removed'])} removed")
    _rows_out(rows, "table", None, ["change", "article_id", "sentence_idx", "source", "code", "target", "pattern_id", "trigger_text"])


@app.command(name="code")
def code_cmd(
    paths: list[str] = typer.Argument(None, help="JSONL files of {id, text, date}; default stdin."),
    date_: Optional[str] = typer.Option(None, "--date", help="Date for records that carry none."),
) -> None:
    """Code JSONL articles to JSONL events, with no database (for pipelines and evaluation)."""
    from ..coding import Coder
    from ..ingest import Defaults, read_inputs

    defaults = Defaults(date=_day(date_, "--date"))
    coder = Coder(state.settings)
    started = time.perf_counter()
    n_articles = n_sentences = n_events = 0
    failures = 0
    batch = []

    def flush() -> None:
        nonlocal n_articles, n_sentences, n_events
        for coded in coder.code_articles(batch):
            n_articles += 1
            n_sentences += len(coded.sentences)
            n_events += len(coded.events)
            record = {"id": coded.article.external_id or coded.article.id, "events": [e.to_dict() for e in coded.events]}
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
        batch.clear()

    for item in read_inputs(paths or ["-"], defaults, max_bytes=state.settings.max_input_bytes):
        if isinstance(item, DetenteError):
            failures += 1
            err.print(f"[yellow]skipped[/yellow] {item}", highlight=False)
            continue
        batch.append(item)
        if len(batch) >= 256:
            flush()
    flush()
    seconds = time.perf_counter() - started
    err.print(
        f"coded {n_articles} articles, {n_sentences} sentences, {n_events} events in {seconds:.1f}s "
        f"({n_sentences / seconds if seconds else 0:.0f} sentences/s)",
        highlight=False,
    )
    if failures:
        raise typer.Exit(EXIT_PARTIAL)


@app.command(name="eval")
def eval_cmd(
    gold: Path = typer.Argument(..., exists=True, dir_okay=False, help="Gold JSONL: {uid, text, date, events:[{source,target,code}]}."),
    fmt: str = typer.Option("table", "--format", "-f", help="table or json."),
    details: Optional[Path] = typer.Option(None, help="Write per-sentence gold and predictions as JSONL here."),
    where: Optional[list[str]] = typer.Option(None, help="Only gold sentences whose meta field has this value: nature=news."),
    articles: Optional[list[str]] = typer.Option(None, help="Article files that offset-keyed gold points into (JSONL, Markdown, ...)."),
    conventions: Optional[str] = typer.Option(None, help="Actor-coding conventions the gold follows: detente, or phoenix for PETRARCH-2/PLOVER gold."),
) -> None:
    """Score the coder on gold data: event sentences (P/R/F1 by code, root and QuadClass level); for
    offset-keyed gold of actor mentions, date expressions or event places, their accuracy; for a crisis
    list (.yaml), breaking-point recall and false alarms on the database, and on planted synthetic changes."""
    from ..coding import Coder
    from ..coding.evaluation import ACTOR_LEVELS, CODE_LEVELS, article_texts, coder_predictions, evaluate, read_gold
    from ..coding.scoring import gold_kind

    if gold.suffix.lower() in (".yaml", ".yml"):
        _evaluate_breaks(gold, fmt)
        return
    with _reported():
        kind = gold_kind(gold)
        if kind != "events":
            _score_context(gold, kind, article_texts(articles or []), fmt, _pairs(where or [], "--where"))
            return
        sentences = read_gold(gold, _pairs(where or [], "--where"), article_texts(articles) if articles else None)
        coder = Coder(state.settings.replace(conventions=conventions) if conventions else state.settings)
    result = evaluate(sentences, lambda gs: coder_predictions(coder, gs))
    if details:
        details.write_text("".join(json.dumps(d) + "\n" for d in result.details), encoding="utf-8")
    if fmt == "json":
        _print_json(result.as_dict())
        return
    table = Table(title=f"{gold.name}: {result.sentences} sentences, {result.extra_per_sentence:.2f} extra events/sentence")
    table.add_column("level")
    for a in ACTOR_LEVELS:
        table.add_column(f"actors {a}: P / R / F1")
    for c in CODE_LEVELS:
        table.add_row(c, *(f"{result.scores[(c, a)].precision:.2f} / {result.scores[(c, a)].recall:.2f} / {result.scores[(c, a)].f1:.2f}" for a in ACTOR_LEVELS))
    out.print(table)


def _evaluate_breaks(gold: Path, fmt: str) -> None:
    from ..analysis import break_eval

    det = _db()
    with _reported():
        listed = break_eval.load_crises(gold)
        real = break_eval.crises(det.store, listed, det.break_settings)
        synthetic = break_eval.synthetic_families(det.break_settings)
    if fmt == "json":
        _print_json({"crises": real, "synthetic": synthetic})
        return
    _rows_out(real["rows"], "table", None, ["id", "dyad", "onset", "direction", "found", "break", "breaks_in_dyad"])
    out.print(
        f"crises: recall {real['recall']} (95% CI {real['recall_ci'][0]}-{real['recall_ci'][1]}) of {real['crises']} within "
        f"+-{real['tolerance_days']} days; stable pairs: {real['false_alarms']} false alarms, "
        f"{real['false_alarms_per_dyad_year']} per dyad-year", highlight=False,
    )
    table = Table(title="planted change-points (rate ratio 3, 200 streams of 2 years each)")
    for column in ("change", "events/day before", "recall", "95% CI", "false alarms per dyad-year"):
        table.add_column(column)
    for row in synthetic:
        burst = row["spec"]["burst_days"]
        table.add_row("lasting" if burst is None else f"{burst}-day burst", str(row["spec"]["conflict_rate"]), f"{row['recall']:.2f}",
                      f"{row['recall_ci'][0]}-{row['recall_ci'][1]}", f"{row['false_alarms_per_dyad_year']:.3f}")
    out.print(table)


def _score_context(gold: Path, kind: str, texts: dict[str, str], fmt: str, where: dict[str, str]) -> None:
    from ..coding import Coder
    from ..coding.scoring import score_actors, score_dates, score_event_places

    scorer = {"actors": score_actors, "dates": score_dates, "event-places": score_event_places}[kind]
    report = scorer(Coder(state.settings), gold, texts, where or None)
    if fmt == "json":
        _print_json(report.as_dict())
        return
    table = Table(title=f"{gold.name}: {report.items} {kind} gold items")
    for column in ("measure", "accuracy", "right", "of"):
        table.add_column(column)
    for measure, tally in report.measures.items():
        table.add_row(measure, f"{tally.accuracy:.2f}", str(tally.right), str(tally.total))
    out.print(table)
    if report.by_kind:
        by_kind = Table(title="by kind")
        measures = list(report.measures)
        for column in ("kind", *measures):
            by_kind.add_column(column)
        for name, values in sorted(report.by_kind.items()):
            by_kind.add_row(name, *(f"{values[m].accuracy:.2f} ({values[m].total})" if m in values else "" for m in measures))
        out.print(by_kind)


@app.command()
def summary(
    fmt: str = typer.Option("table", "--format", "-f", help="table or json."),
    example: bool = typer.Option(False, "--example", help="Also show the article with the most kinds of event."),
) -> None:
    """Counts: articles, sentences, events by QuadClass, top dyads."""
    det = _db()
    with _reported():
        info = det.summary()
    if fmt == "json":
        _print_json(info)
        return
    print_summary(info)
    if example and info["events"]:
        busiest = det.store.query(
            "SELECT article_id, count(DISTINCT root) AS n FROM current_events WHERE modality = 'asserted' "
            "GROUP BY 1 ORDER BY n DESC, article_id LIMIT 1"
        )[0]["article_id"]
        show(busiest)


def print_summary(info: dict) -> None:
    out.print(
        f"[bold]{info['articles']}[/bold] articles ({info['duplicates']} duplicates, {info['undated_articles']} undated, "
        f"{info['not_politics']} not political news: sports, business, entertainment, obituaries), "
        f"[bold]{info['sentences']}[/bold] sentences, [bold]{info['events']}[/bold] events",
        highlight=False,
    )
    quads = Table(title="Events by QuadClass")
    quads.add_column("quad")
    quads.add_column("events", justify="right")
    for q in (1, 2, 3, 4):
        quads.add_row(f"{q} {QUAD_CLASS_NAMES[q]}", str(info["events_by_quad"].get(q, 0)))
    out.print(quads)
    dyads = Table(title="Top dyads (country level, asserted events)")
    for c in ("source", "target", "events", "goldstein_mean", "articles"):
        dyads.add_column(c)
    for d in info["top_dyads"]:
        dyads.add_row(*(str(d[c]) for c in ("source", "target", "events", "goldstein_mean", "articles")))
    out.print(dyads)


def _break_rows(found: list) -> list[dict[str, Any]]:
    return [
        {"dyad": f"{b.a}-{b.b}", "date": b.date.isoformat(), "direction": b.direction, "magnitude": b.magnitude,
         "confidence": b.confidence, "score": b.score, "stories": b.stories,
         "event": b.events[0]["event_id"] if b.events else "",
         "evidence": textwrap.shorten(f"{b.events[0]['code']} {b.events[0]['sentence']}", 60) if b.events else ""}
        for b in found
    ]


@app.command()
def relations(
    a: str = typer.Argument(..., help="A country (USA) or code prefix (USAGOV, IGOUNO)."),
    b: str = typer.Argument(..., help="The other party."),
    period: str = typer.Option("week", "--period", "-p", help="day, week or month."),
    directed: bool = typer.Option(False, "--directed", help="Only what A does to B (default: both ways)."),
    level: str = typer.Option("state", "--level", help="state (the country, its government, military, intelligence, police) or all sectors."),
    since: Optional[str] = typer.Option(None, help="From this date."),
    until: Optional[str] = typer.Option(None, help="Up to this date."),
    every_modality: bool = typer.Option(False, "--every-modality", help="Count historical, negated, hypothetical, threatened, demanded, conditional and alleged acts too."),
    plot: Optional[Path] = typer.Option(None, "--plot", help="Draw the series with its breaking points (.png or .svg)."),
    fmt: str = typer.Option("table", "--format", "-f", help="table, json, jsonl, csv or parquet."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write the series to this file."),
) -> None:
    """The relation between two parties over time: deduplicated events per QuadClass, Goldstein, rates per news volume."""
    det = _db()
    with _reported():
        rows = det.relations(a, b, period, directed=directed, level=level, since=_day(since, "--since"), until=_day(until, "--until"),
                             modalities_excluded=() if every_modality else EXCLUDED_MODALITIES)
        found = det.breaks((a, b), level=level) if (plot or fmt == "table") else []
        if plot:
            from ..analysis.plot import plot_relations

            title = f"{a} {'->' if directed else '<->'} {b}, {level} level, by {period}"
            plot_relations(rows, found, plot, title, period)
            err.print(f"wrote {plot}")
    if fmt == "parquet":
        import pyarrow as pa

        _rows_out(rows, fmt, output, [], pa.Table.from_pylist(rows))
        return
    columns = ["period", "events", "verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict",
               "goldstein_mean", "conflict_share", "articles", "volume", "events_per_1k"]
    _rows_out(rows, fmt, output, columns)
    if fmt == "table" and found:
        _rows_out(_break_rows(found), "table", None, ["date", "direction", "magnitude", "confidence", "stories", "event", "evidence"])


@app.command()
def breaks(
    dyad: Optional[tuple[str, str]] = typer.Option(None, "--dyad", help="Only this pair (default: every active country pair)."),
    since: Optional[str] = typer.Option(None, help="Only breaks on or after this date."),
    method: str = typer.Option("offline", "--method", help="offline (binary segmentation) or online (Bayesian, as data streams in)."),
    level: str = typer.Option("state", "--level", help="state or all sectors."),
    limit: Optional[int] = typer.Option(None, "--limit", "-n", help="At most this many, strongest first."),
    fmt: str = typer.Option("table", "--format", "-f", help="table, json or jsonl (json carries the evidence events)."),
) -> None:
    """Breaking points: days a relation turned toward conflict or cooperation, ranked, with the events behind them."""
    det = _db()
    with _reported():
        found = det.breaks(dyad, since=_day(since, "--since"), method=method, level=level)[:limit]
    if fmt == "table":
        _rows_out(_break_rows(found), "table", None, ["dyad", "date", "direction", "magnitude", "confidence", "score", "stories", "event", "evidence"])
        return
    _rows_out([b.as_dict() for b in found], fmt, None, [])


@app.command()
def watch(
    directory: Path = typer.Argument(..., help="Folder to watch for new news files."),
    interval: float = typer.Option(5.0, "--interval", help="Seconds between looks."),
    webhook: Optional[str] = typer.Option(None, "--webhook", help="POST each new breaking point as JSON to this URL."),
    method: str = typer.Option("offline", "--method", help="offline or online detector."),
    once: bool = typer.Option(False, "--once", help="Process what is there now, then stop."),
) -> None:
    """Ingest files as they arrive and print each new breaking point as one JSON line (Ctrl-C stops)."""
    from ..core import webhook_sender

    det = _db()
    url = webhook or state.settings.webhook
    post = webhook_sender(url) if url else None

    def on_break(found) -> None:
        sys.stdout.write(json.dumps(found.as_dict(), default=str) + "\n")
        sys.stdout.flush()
        if post:
            post(found)

    def on_ingest(report) -> None:
        for problem in report.errors:
            err.print(f"[yellow]skipped[/yellow] {problem}", highlight=False)
        err.print(f"ingested {report.new} new articles, {report.events} events", highlight=False)

    with _reported():
        try:
            det.watch(directory, on_break=on_break, on_ingest=on_ingest, interval=interval, once=once, method=method)
        except KeyboardInterrupt:
            pass


@app.command()
def export(
    fmt: str = typer.Argument(..., help="gdelt, gdelt-mentions, icews, plover or parquet."),
    output: str = typer.Argument(..., help="File to write (- for stdout, text formats only)."),
    dyad: Optional[tuple[str, str]] = typer.Option(None, "--dyad", help="Only this pair."),
    since: Optional[str] = typer.Option(None, help="From this date."),
    until: Optional[str] = typer.Option(None, help="Up to this date."),
) -> None:
    """Write the deduplicated events in a format other tools read (docs/exports.md)."""
    det = _db()
    with _reported():
        rows = det.export(fmt, output, dyad=dyad, since=_day(since, "--since"), until=_day(until, "--until"))
    if output != "-":
        err.print(f"wrote {rows} rows to {output}")


actors_app = typer.Typer(no_args_is_help=True, help="The actor knowledge base: search it, and import other coders' actor dictionaries.")
app.add_typer(actors_app, name="actors")


@actors_app.command(name="search")
def actors_search(
    query: str = typer.Argument("", help="Part of a name or alias, any case (\"maliki\")."),
    code: str = typer.Option("", "--code", "-c", help="Only codes starting with this (IRQ, IRQGOV, IGO)."),
    when: Optional[str] = typer.Option(None, "--date", "-d", help="Only people in office on this date, with that office."),
    limit: int = typer.Option(50, "--limit", "-n", help="At most this many rows."),
    fmt: str = typer.Option("table", "--format", "-f", help="table or json."),
) -> None:
    """Search the actor tables (and DETENTE_ACTORS files): who a name stands for, and when."""
    from ..coding.tables import load_actors, search_actors

    with _reported():
        tables = load_actors(None, state.settings.actor_files)
        rows = search_actors(tables, query, code.upper(), _day(when, "--date"), limit)
    if fmt == "json":
        _print_json(rows)
        return
    table = Table("name", "kind", "code", "role", "from", "to")
    for row in rows:
        for office in row.get("offices") or [{"code": row.get("code", ""), "role": "", "start": None, "end": None}]:
            table.add_row(row["name"], row["kind"], office["code"], office["role"], str(office["start"] or ""), str(office["end"] or ""))
    out.print(table)
    if not rows:
        out.print("no actor matches", highlight=False)


@actors_app.command(name="import")
def actors_import(
    sources: list[Path] = typer.Argument(..., exists=True, dir_okay=False, help="Phoenix / PETRARCH-2 .actors and agents files."),
    output: Path = typer.Option(..., "--output", "-o", help="YAML actor file to write (use it with DETENTE_ACTORS)."),
) -> None:
    """Convert Phoenix/PETRARCH-2 actor and agent dictionaries, with their date restrictions, into a detente actor file."""
    from ..coding.actor_files import import_phoenix_actors

    _write_import(lambda: import_phoenix_actors(sources), output)


def _write_import(convert, output: Path) -> None:
    """Run an importer and write what it made as YAML, with its summary on the terminal."""
    import yaml

    with _reported(OSError):
        data, stats = convert()
        output.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), "utf-8")
    out.print(f"wrote {output}: {stats.summary()}", highlight=False)


patterns_app = typer.Typer(no_args_is_help=True, help="Pattern dictionaries: coverage, precision, and importing other coders' dictionaries.")
app.add_typer(patterns_app, name="patterns")


@patterns_app.command(name="import")
def patterns_import(
    source: Path = typer.Argument(..., help="PETRARCH-2 / TABARI verb dictionary (e.g. CAMEO.2.0.txt)."),
    output: Path = typer.Option(..., "--output", "-o", help="YAML pattern file to write (use it with DETENTE_PATTERNS)."),
) -> None:
    """Convert a PETRARCH-2 / TABARI verb dictionary into a detente pattern file."""
    from ..coding.importers import import_petrarch_verbs

    _write_import(lambda: import_petrarch_verbs(source), output)


@patterns_app.command(name="coverage")
def patterns_coverage(
    gold: Optional[Path] = typer.Option(None, exists=True, dir_okay=False, help="Also give precision per pattern on this gold JSONL."),
    fmt: str = typer.Option("table", "--format", "-f", help="table or json."),
) -> None:
    """Codes with patterns (per root), patterns that fire in the database, and precision per pattern on gold."""
    from ..coding import Coder
    from ..coding.evaluation import pattern_precision, read_gold

    with _reported():
        coder = Coder(state.settings)
        report: dict[str, Any] = {"dictionary": coder.patterns.version, "coverage": coder.patterns.coverage(coder.cameo)}
        if _db().path.exists():
            fired = _db().store.query("SELECT pattern_id, count(*) AS events FROM current_events GROUP BY 1 ORDER BY 2 DESC")
            report["fired"] = {"patterns": len(fired), "of": coder.patterns.count, "top": fired[:15]}
        if gold:
            report["precision"] = pattern_precision(coder, read_gold(gold))
    if fmt == "json":
        _print_json(report)
        return
    cov = report["coverage"]
    out.print(f"{report['dictionary']}: {cov['patterns']} patterns; {cov['codes_with_patterns']} of {cov['codes']} CAMEO codes have one", highlight=False)
    table = Table(title="Codes with patterns, per root")
    for c in ("root", "covered", "codes"):
        table.add_column(c)
    for root, row in cov["per_root"].items():
        table.add_row(root, str(row["covered"]), str(row["codes"]))
    out.print(table)
    if "fired" in report:
        out.print(f"{report['fired']['patterns']} of {report['fired']['of']} patterns fired on the events in {_db().path}", highlight=False)
    if "precision" in report:
        _rows_out([{"pattern": k, **v} for k, v in report["precision"].items()], "table", None, ["pattern", "tp", "fp", "precision"])


def _pairs(items: list[str], option: str) -> dict[str, str]:
    pairs = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep:
            raise typer.BadParameter(f"expected key=value, got {item!r}", param_hint=option)
        pairs[key] = value
    return pairs


def run() -> None:
    """Console entry point."""
    try:
        app()
    except DetenteError as exc:  # pragma: no cover - last resort
        err.print(f"[red]error:[/red] {exc}")
        sys.exit(EXIT_ERROR)
