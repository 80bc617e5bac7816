"""The one core class: :class:`Detente`, over which the CLI (and later HTTP API) are thin."""

from __future__ import annotations

import dataclasses
import json
import logging
import time
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import Any, BinaryIO, Callable, Iterable, Sequence

from . import analysis
from .analysis.breaks import Break, BreakSettings
from .analysis.dyads import EXCLUDED_MODALITIES, Dyad
from .coding import Coder, CodedArticle
from .coding.explain import explain_event
from .config import Settings, load_settings
from .errors import E, InputError, StoreError
from .ingest import INGESTED_SUFFIXES, Defaults, parse_date, read_inputs
from .model import Article
from .store import EventFilter, Store, WriteResult, run_id_for

log = logging.getLogger(__name__)

#: articles parsed per database commit; readers wait at most one commit
CHUNK = 128


@dataclass
class IngestReport(WriteResult):
    """What one ingest did; ``errors`` name each bad input and why."""

    read: int = 0
    skipped: int = 0
    errors: list[InputError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


class Detente:
    """A detente database and the coder that fills it."""

    def __init__(self, db: str | Path | None = None, settings: Settings | None = None):
        self.settings = settings or load_settings()
        self.store = Store(db or self.settings.db, self.settings.lock_timeout)

    @cached_property
    def coder(self) -> Coder:
        return Coder(self.settings)

    @property
    def path(self) -> Path:
        return self.store.path

    # -- writing ---------------------------------------------------------------
    def ingest(
        self,
        paths: Iterable[str],
        *,
        date: date | None = None,
        source: str | None = None,
        stdin: BinaryIO | None = None,
        progress: Callable[[int], None] | None = None,
    ) -> IngestReport:
        """Read, code and store every article in ``paths``; bad inputs are reported, not fatal."""
        report = IngestReport()
        defaults = Defaults(date=date or _settings_date(self.settings), source=source)
        pending: list[Article] = []
        seen: set[str] = set()
        for item in read_inputs(paths, defaults, max_bytes=self.settings.max_input_bytes, stdin=stdin):
            if isinstance(item, InputError):
                log.warning("%s", item)
                report.errors.append(item)
                continue
            report.read += 1
            if item.id in seen:
                report.skipped += 1
                continue
            seen.add(item.id)
            pending.append(item)
            if len(pending) >= CHUNK:
                self._code_and_store(pending, report, progress)
                pending = []
        if pending:
            self._code_and_store(pending, report, progress)
        return report

    def _code_and_store(self, articles: list[Article], report: IngestReport, progress) -> None:
        versions = self.coder.versions
        done = self.store.coded_articles(run_id_for(versions), [a.id for a in articles])
        todo = [a for a in articles if a.id not in done]
        report.skipped += len(articles) - len(todo)
        coded: list[CodedArticle] = list(self.coder.code_articles(todo)) if todo else []
        if coded:
            report.add(self.store.write(coded, versions))
        if progress:
            progress(len(articles))

    # -- reading ---------------------------------------------------------------
    def events(self, filters: EventFilter | None = None, **kwargs: Any) -> list[dict[str, Any]]:
        sql, params = (filters or EventFilter(**kwargs)).sql()
        return self.store.query(sql, params)

    def events_arrow(self, filters: EventFilter | None = None, **kwargs: Any):
        sql, params = (filters or EventFilter(**kwargs)).sql()
        return self.store.arrow(sql, params)

    def article(self, article_id: str) -> dict[str, Any]:
        """The article with its sentences and current events; prefixes of ids work."""
        article = self._unique("articles", article_id, E.E044.format(article_id=article_id))
        article["sentences"] = self.store.query("SELECT * FROM sentences WHERE article_id = ? ORDER BY idx", [article["id"]])
        article["events"] = self.events(article=article["id"])
        return article

    def _unique(self, table: str, key: str, missing: str, run: str | None = None) -> dict[str, Any]:
        """The one row whose id is ``key`` or starts with it (ids are long; users paste prefixes)."""
        where, params = "(id = ? OR id LIKE ?)", [key, key + "%"]
        if run:
            where, params = where + " AND run_id = ?", params + [run]
        rows = self.store.query(f"SELECT * FROM {table} WHERE {where} ORDER BY id LIMIT 2", params)
        if len(rows) != 1:
            raise StoreError(missing)
        return rows[0]

    def summary(self, top: int = 10) -> dict[str, Any]:
        return analysis.summary(self.store, top)

    def explain(self, event_id: str, run: str | None = None) -> dict[str, Any]:
        """An event with its evidence: sentence, pattern, actors and how they were resolved, parse paths."""
        missing = E.E046.format(event_id=event_id)
        event = self._unique("events", event_id, missing, run) if run else self._unique("current_events", event_id, missing)
        article = self.store.query("SELECT text FROM articles WHERE id = ?", [event["article_id"]])[0]
        doc = self.coder.nlp(article["text"])
        entries = self.coder.patterns.by_id(event["pattern_id"])
        pattern = entries[0] if entries else None
        run_row = self.store.query("SELECT * FROM runs WHERE run_id = ?", [event["run_id"]])[0]
        return {
            "event": event,
            "sentence": article["text"][event["sentence_start"] : event["sentence_end"]],
            "pattern": None if pattern is None else {
                "id": pattern.id, "code": pattern.code, "kind": pattern.kind,
                "triggers": sorted(" ".join((p.lemma, *p.particles)) for p in entries),
                "object": sorted(pattern.objects), "target": list(pattern.targets), "reciprocal": pattern.reciprocal, "file": pattern.source,
            },
            "paths": explain_event(doc, event),
            "run": run_row,
        }

    def diff(self, run_a: str, run_b: str) -> dict[str, Any]:
        """Events one run added and removed against another, on the articles both coded."""
        for run in (run_a, run_b):
            if not self.store.query("SELECT 1 FROM runs WHERE run_id = ?", [run]):
                raise StoreError(E.E045.format(run=run))
        both = "SELECT article_id FROM article_runs WHERE run_id = ? INTERSECT SELECT article_id FROM article_runs WHERE run_id = ?"
        only = """SELECT * FROM events WHERE run_id = ? AND article_id IN ({both})
                  AND id NOT IN (SELECT id FROM events WHERE run_id = ?) ORDER BY article_id, sentence_idx, trigger_start"""
        articles = self.store.query(f"SELECT count(*) AS n FROM ({both})", [run_a, run_b])[0]["n"]
        return {
            "run_a": run_a,
            "run_b": run_b,
            "articles": articles,
            "added": self.store.query(only.format(both=both), [run_b, run_a, run_b, run_a]),
            "removed": self.store.query(only.format(both=both), [run_a, run_a, run_b, run_b]),
        }


    # -- relations over time ------------------------------------------------------
    def relations(self, a: str, b: str, period: str = "week", *, directed: bool = False, level: str = "state",
                  since: date | None = None, until: date | None = None,
                  modalities_excluded: Sequence[str] = EXCLUDED_MODALITIES) -> list[dict[str, Any]]:
        """The dyad's series: deduplicated event counts per QuadClass, Goldstein, volume-normalised rates."""
        return analysis.series(self.store, Dyad(a, b, directed, level), period, since, until, modalities_excluded)

    @property
    def break_settings(self) -> BreakSettings:
        """The detector's calibrated defaults, with any ``break_*`` setting the user gave."""
        given = {name: getattr(self.settings, f"break_{name}") for name in ("penalty", "min_days", "min_stories", "min_confidence")}
        return dataclasses.replace(BreakSettings(), **{k: v for k, v in given.items() if v is not None})

    def breaks(self, dyad: tuple[str, str] | None = None, *, since: date | None = None, method: str = "offline",
               level: str = "state") -> list[Break]:
        """Breaking points of one dyad, or of every active country dyad ranked strongest first."""
        dyads = [Dyad(dyad[0], dyad[1], level=level)] if dyad else None
        return analysis.scan(self.store, self.break_settings, method, since, dyads, level)

    def export(self, fmt: str, output: str | Path, *, dyad: tuple[str, str] | None = None,
               since: date | None = None, until: date | None = None) -> int:
        """Write the deduplicated events as GDELT, ICEWS, PLOVER or Parquet; returns the rows written."""
        return analysis.export(self.store, fmt, output, dyad=Dyad(*dyad) if dyad else None, since=since, until=until)

    def watch(
        self,
        directory: str | Path,
        *,
        on_break: Callable[[Break], None],
        on_ingest: Callable[[IngestReport], None] | None = None,
        interval: float = 5.0,
        once: bool = False,
        method: str = "offline",
        settle: float = 1.0,
    ) -> None:
        """Ingest files as they arrive in ``directory`` and call ``on_break`` for each breaking point not seen before.

        Breaking points already in the database when watching starts are not
        reported again. A file is taken once it has not changed for ``settle``
        seconds (so half-written files wait), and again if it changes later
        (ingest is idempotent, so only new articles are stored). ``once``
        processes what is there and returns.
        """
        root = Path(directory)
        if not root.is_dir():
            raise InputError(E.E011.format(path=root), str(root))
        known = {b.id for b in self.breaks(method=method)} if self.path.exists() else set()
        seen: dict[Path, tuple[float, int]] = {}
        while True:
            now = time.time()
            ready = []
            for path in sorted(p for p in root.rglob("*") if p.is_file() and p.suffix.lower() in INGESTED_SUFFIXES):
                stat = path.stat()
                signature = (stat.st_mtime, stat.st_size)
                if seen.get(path) != signature and (once or now - stat.st_mtime >= settle):
                    seen[path] = signature
                    ready.append(str(path))
            if ready:
                report = self.ingest(ready)
                if on_ingest:
                    on_ingest(report)
                for found in sorted(self.breaks(method=method), key=lambda b: (b.date, b.a, b.b)):
                    if found.id not in known:
                        known.add(found.id)
                        on_break(found)
            if once:
                return
            time.sleep(interval)


def webhook_sender(url: str, transport: Any = None, timeout: float = 10.0) -> Callable[[Break], None]:
    """A callback that POSTs each breaking point as JSON to ``url``; a failure is logged, never fatal.

    ``transport`` is an httpx transport, so tests can answer without a network.
    """
    import httpx

    client = httpx.Client(transport=transport, timeout=timeout)

    def send(found: Break) -> None:
        try:
            response = client.post(url, content=json.dumps(found.as_dict(), default=str), headers={"content-type": "application/json"})
            response.raise_for_status()
        except httpx.HTTPError as exc:
            log.warning("%s", E.E063.format(url=url, detail=exc))

    return send


def _parse_day(value: str) -> date:
    parsed = parse_date(value)
    if parsed is None:
        raise InputError(E.E009.format(value=value))
    return parsed


def _settings_date(settings: Settings) -> date | None:
    return _parse_day(settings.default_date) if settings.default_date else None


def code(text: str, date: date | str | None = None, *, settings: Settings | None = None) -> list:
    """Code one text without a database: the events, each with its evidence."""
    when = _parse_day(date) if isinstance(date, str) else date
    return _stateless_coder(settings).code_text(text, when).events


_CODERS: dict[Settings, Coder] = {}


def _stateless_coder(settings: Settings | None) -> Coder:
    settings = settings or load_settings()
    if settings not in _CODERS:
        _CODERS[settings] = Coder(settings)
    return _CODERS[settings]


def open(path: str | Path | None = None, settings: Settings | None = None) -> Detente:  # noqa: A001
    """Open (or create on first ingest) a detente database."""
    return Detente(path, settings)
