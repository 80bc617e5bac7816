"""Store: one embedded DuckDB file, safe for one writer and many readers at once.

DuckDB lets a file be open read-write by one process *or* read-only by many,
never both. detente therefore never holds a connection longer than one unit
of work, and coordinates processes with an advisory lock file beside the
database (``detente.duckdb.lock``, ``flock``): writers take it exclusively for
the few milliseconds of a batch commit (parsing and coding happen outside
it), readers take it shared for one query. A reader waits for a commit in
progress instead of failing with a DuckDB lock error; ``ingest``, ``watch``
and ``serve`` can all run together.
"""

from __future__ import annotations

import fcntl
import json
import os
import time
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any, Iterable, Iterator, Sequence

import duckdb

from ..coding import CodedArticle
from ..errors import E, StoreBusyError, StoreError
from ..model import make_id
from ._schema import MIGRATIONS, NOT_COUNTED_MODALITIES, SCHEMA_VERSION, VOLUME_SQL

_POLL = 0.02


@contextmanager
def _flock(path: Path, exclusive: bool, timeout: float) -> Iterator[None]:
    fd = os.open(str(path) + ".lock", os.O_RDWR | os.O_CREAT, 0o644)
    mode = (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | fcntl.LOCK_NB
    deadline = time.monotonic() + timeout
    try:
        while True:
            try:
                fcntl.flock(fd, mode)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise StoreBusyError(E.E042.format(path=path, seconds=timeout)) from None
                time.sleep(_POLL)
        yield
    finally:
        os.close(fd)  # closing releases the lock


@dataclass
class WriteResult:
    """What a write stored: new articles, articles coded in this run, duplicates of another outlet's text, events."""

    new: int = 0
    coded: int = 0
    duplicates: int = 0
    events: int = 0

    def add(self, other: "WriteResult") -> None:
        self.new += other.new
        self.coded += other.coded
        self.duplicates += other.duplicates
        self.events += other.events


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


class Store:
    """Reads and writes one detente database file."""

    def __init__(self, path: str | Path, lock_timeout: float = 120.0):
        self.path = Path(path)
        self.lock_timeout = lock_timeout
        self._migrated = False  # whether this store has checked the schema once: a write, or a first read, migrates it

    # -- connections -----------------------------------------------------------
    @contextmanager
    def writer(self) -> Iterator[duckdb.DuckDBPyConnection]:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with _flock(self.path, True, self.lock_timeout):
            try:
                con = duckdb.connect(str(self.path))
            except duckdb.Error as exc:
                raise StoreError(E.E040.format(path=self.path, detail=exc)) from None
            try:
                self._migrate(con)
                con.execute("BEGIN TRANSACTION")
                try:
                    yield con
                    con.execute("COMMIT")
                except BaseException:
                    con.execute("ROLLBACK")
                    raise
            finally:
                con.close()

    @contextmanager
    def reader(self) -> Iterator[duckdb.DuckDBPyConnection]:
        if not self.path.exists():
            raise StoreError(E.E043.format(path=self.path))
        if not self._migrated:
            self._bring_up_to_date()
        with self._read_only() as con:
            yield con

    @contextmanager
    def _read_only(self) -> Iterator[duckdb.DuckDBPyConnection]:
        with _flock(self.path, False, self.lock_timeout):
            try:
                con = duckdb.connect(str(self.path), read_only=True)
            except duckdb.Error as exc:
                raise StoreError(E.E040.format(path=self.path, detail=exc)) from None
            try:
                self._check_version(con)
                yield con
            finally:
                con.close()

    def _bring_up_to_date(self) -> None:
        """Migrate a database written by an older release before reading it (a file that cannot be written is read
        as it is)."""
        with self._read_only() as con:
            older = 0 < self._version(con) < SCHEMA_VERSION
        if older and os.access(self.path, os.W_OK):
            with self.writer():
                pass
        self._migrated = True

    def _version(self, con) -> int:
        try:
            rows = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchall()
        except duckdb.CatalogException:
            return 0
        return int(rows[0][0]) if rows else 0

    def _check_version(self, con) -> int:
        found = self._version(con)
        if found > SCHEMA_VERSION:
            raise StoreError(E.E041.format(path=self.path, found=found, supported=SCHEMA_VERSION))
        return found

    def _migrate(self, con) -> None:
        found = self._check_version(con)
        for version, statements in MIGRATIONS:
            if version <= found:
                continue
            con.execute("BEGIN TRANSACTION")
            for sql in statements:
                con.execute(sql)
            con.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [str(version)])
            con.execute("COMMIT")
        self._migrated = True

    def schema_version(self) -> int:
        with self.reader() as con:
            return self._version(con)

    # -- writing ---------------------------------------------------------------
    def coded_articles(self, run_id: str, article_ids: Sequence[str]) -> set[str]:
        """Which of these articles the run has already coded (for idempotent re-runs)."""
        if not self.path.exists() or not article_ids:
            return set()
        with self.reader() as con:
            if self._version(con) == 0:
                return set()
            rows = con.execute(
                "SELECT article_id FROM article_runs WHERE run_id = ? AND article_id IN (SELECT unnest(?))",
                [run_id, list(article_ids)],
            ).fetchall()
        return {r[0] for r in rows}

    def write(self, batch: Iterable[CodedArticle], versions: dict[str, str]) -> WriteResult:
        """Store a batch in one transaction, one bulk insert per table; already-coded articles are skipped."""
        run_id = run_id_for(versions)
        batch = list(batch)
        result = WriteResult()
        ids = [c.article.id for c in batch]
        with self.writer() as con:
            con.execute(
                "INSERT OR IGNORE INTO runs VALUES (?, ?, ?, ?, ?, ?, ?)",
                [run_id, _now(), versions["coder"], versions["model"], versions["patterns"], versions["actors"], versions["cameo"]],
            )
            coded_before = _column(con, "SELECT article_id FROM article_runs WHERE run_id = ? AND article_id IN (SELECT unnest(?))", [run_id, ids])
            stored_before = _column(con, "SELECT id FROM articles WHERE id IN (SELECT unnest(?))", [ids])
            shas = [c.article.text_sha for c in batch]
            first_by_sha = dict(con.execute(
                "SELECT text_sha, arg_min(id, (ingested_at, id)) FROM articles WHERE text_sha IN (SELECT unnest(?)) GROUP BY 1", [shas]
            ).fetchall())
            stories = dict(con.execute(
                "SELECT id, coalesce(duplicate_of, id) FROM articles WHERE id IN (SELECT unnest(?))", [ids]
            ).fetchall())
            rows: dict[str, list[dict]] = {t: [] for t in ("articles", "sentences", "article_runs", "mentions", "events", "quotes")}
            now = _now()
            for coded in batch:
                a = coded.article
                if a.id in coded_before:
                    continue
                coded_before.add(a.id)
                if a.id not in stored_before:
                    stored_before.add(a.id)
                    duplicate_of = first_by_sha.setdefault(a.text_sha, a.id)
                    duplicate_of = None if duplicate_of == a.id else duplicate_of
                    result.duplicates += duplicate_of is not None
                    stories[a.id] = duplicate_of or a.id
                    rows["articles"].append(_article_row(a, duplicate_of, now))
                    rows["sentences"] += [dict(article_id=s.article_id, idx=s.index, start_char=s.start, end_char=s.end, text=s.text) for s in coded.sentences]
                    result.new += 1
                rows["article_runs"].append(dict(article_id=a.id, run_id=run_id, coded_at=now, story_type=coded.story_type))
                rows["mentions"] += [_mention_row(run_id, m) for m in coded.mentions]
                rows["events"] += [_event_row(run_id, e, a, stories[a.id]) for e in coded.events]
                rows["quotes"] += [_quote_row(run_id, q) for q in coded.quotes]
                result.coded += 1
                result.events += len(coded.events)
            recoded = [r["article_id"] for r in rows["article_runs"]]
            days = _column(con, "SELECT DISTINCT day FROM events WHERE current AND article_id IN (SELECT unnest(?))", [recoded])
            days |= {r["day"] for r in rows["events"]}
            # this run is now each article's latest: its events replace the earlier run's
            con.execute("UPDATE events SET current = false WHERE current AND article_id IN (SELECT unnest(?))", [recoded])
            for table, table_rows in rows.items():
                _bulk_insert(con, table, table_rows)
            _refresh_volume(con, days)
        return result

    def refresh_volume(self) -> None:
        """Recount the per-day news volume from the events (writes keep it up to date; this rebuilds it)."""
        with self.writer() as con:
            _refresh_volume(con, None)

    # -- reading ---------------------------------------------------------------
    def query(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        with self.reader() as con:
            cur = con.execute(sql, list(params))
            names = [d[0] for d in cur.description]
            return [dict(zip(names, row, strict=False)) for row in cur.fetchall()]

    def arrow(self, sql: str, params: Sequence[Any] = ()):
        with self.reader() as con:
            return con.sql(sql, params=list(params)).to_arrow_table()


def run_id_for(versions: dict[str, str]) -> str:
    return make_id("r", *(versions[k] for k in sorted(versions)))


def _column(con, sql: str, params: list) -> set:
    return {row[0] for row in con.execute(sql, params).fetchall()}


def _bulk_insert(con, table: str, rows: list[dict]) -> None:
    """One INSERT for many rows, through an Arrow table matched to the columns by name."""
    if not rows:
        return
    import pyarrow as pa

    data = pa.Table.from_pylist(rows)
    con.register("_batch", data)
    try:
        con.execute(f"INSERT OR IGNORE INTO {table} BY NAME SELECT * FROM _batch")
    finally:
        con.unregister("_batch")


def _article_row(a, duplicate_of: str | None, now: datetime) -> dict:
    return dict(
        id=a.id, source=a.source, title=a.title, date=a.date, date_origin=a.date_origin, url=a.url, author=a.author,
        lang=a.lang, external_id=a.external_id, path=a.path, format=a.format, raw_sha=a.raw_sha, text_sha=a.text_sha,
        duplicate_of=duplicate_of, text=a.text, offset_map=json.dumps(a.offset_map), ingested_at=now,
    )


def _mention_row(run_id: str, m) -> dict:
    return dict(
        run_id=run_id, id=m.id, article_id=m.article_id, sentence_idx=m.sentence_index, start_char=m.start, end_char=m.end,
        text=m.text, code=m.actor.code, country=m.actor.country, name=m.actor.name, role=m.actor.role, kind=m.actor.kind,
        resolution=m.resolution, confidence=m.confidence,
    )


def _quote_row(run_id: str, q) -> dict:
    return dict(
        run_id=run_id, id=q.id, article_id=q.article_id, sentence_idx=q.sentence_index, start_char=q.start, end_char=q.end,
        text=q.text, speaker=q.speaker.code if q.speaker else None, speaker_text=q.speaker_text,
    )


def _refresh_volume(con, days: set | None) -> None:
    """Recount ``day_volume`` for these days (all days when None)."""
    days = None if days is None else sorted(d for d in days if d is not None)
    if days == []:
        return
    where, params = ("TRUE", []) if days is None else ("day IN (SELECT unnest(?))", [days])
    con.execute(f"DELETE FROM day_volume WHERE {where}", params)
    con.execute(f"INSERT INTO day_volume {VOLUME_SQL.replace('{where}', where)}", params)


def _event_row(run_id: str, e, article, story: str) -> dict:
    s, t, p = e.source, e.target, e.place
    return dict(
        day=e.date or article.date, story=story, article_date=article.date, outlet=article.source, current=True,
        run_id=run_id, id=e.id, article_id=e.article_id, sentence_idx=e.sentence_index,
        sentence_start=e.sentence.start, sentence_end=e.sentence.end,
        trigger_start=e.trigger.start, trigger_end=e.trigger.end, trigger_text=e.trigger.text,
        source=e.source_code, target=e.target_code,
        source_country=s.country if s else None, target_country=t.country if t else None,
        source_name=s.name if s else None, target_name=t.name if t else None,
        source_role=s.role if s else None, target_role=t.role if t else None,
        source_start=e.source_span.start if e.source_span else None, source_end=e.source_span.end if e.source_span else None,
        target_start=e.target_span.start if e.target_span else None, target_end=e.target_span.end if e.target_span else None,
        code=e.code, root=e.root, goldstein=e.goldstein, quad_class=e.quad_class,
        plover_type=e.plover_type, plover_mode=e.plover_mode,
        date=e.date, date_precision=e.date_precision, date_origin=e.date_origin, modality=e.modality,
        pattern_id=e.pattern_id, confidence=e.confidence,
        source_resolution=e.source_resolution, target_resolution=e.target_resolution, quote_id=e.quote_id,
        place_name=p.name if p else None, place_country=p.country if p else None, place_lat=p.lat if p else None,
        place_lon=p.lon if p else None, place_admin1=p.admin1 if p else None, place_feature=p.feature if p else None,
        place_precision=p.precision if p else None, place_origin=e.place_origin,
        place_start=e.place_span.start if e.place_span else None, place_end=e.place_span.end if e.place_span else None,
    )


@dataclass(frozen=True)
class EventFilter:
    """Filters for event queries; actor codes match as prefixes (IRQ matches IRQGOV)."""

    actor: str | None = None
    dyad: tuple[str, str] | None = None
    code: str | None = None
    root: str | None = None
    since: date | None = None
    until: date | None = None
    article: str | None = None
    run: str | None = None
    limit: int | None = None

    def sql(self) -> tuple[str, list[Any]]:
        table = "events" if self.run else "current_events"
        where: list[str] = []
        params: list[Any] = []
        if self.run:
            where.append("run_id = ?")
            params.append(self.run)
        if self.actor:
            where.append("(source LIKE ? OR target LIKE ?)")
            params += [self.actor.upper() + "%"] * 2
        if self.dyad:
            a, b = (x.upper() + "%" for x in self.dyad)
            where.append("((source LIKE ? AND target LIKE ?) OR (source LIKE ? AND target LIKE ?))")
            params += [a, b, b, a]
        if self.code:
            where.append("code LIKE ?")
            params.append(self.code + "%")
        if self.root:
            where.append("root = ?")
            params.append(self.root.zfill(2))
        if self.since:
            where.append("date >= ?")
            params.append(self.since)
        if self.until:
            where.append("date <= ?")
            params.append(self.until)
        if self.article:
            where.append("article_id = ?")
            params.append(self.article)
        sql = f"SELECT * FROM {table}" + (" WHERE " + " AND ".join(where) if where else "")
        sql += " ORDER BY date NULLS LAST, article_id, sentence_idx, trigger_start, id"
        if self.limit:
            sql += f" LIMIT {int(self.limit)}"
        return sql, params


__all__ = ["Store", "WriteResult", "EventFilter", "run_id_for", "NOT_COUNTED_MODALITIES"]
