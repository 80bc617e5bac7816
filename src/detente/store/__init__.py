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
from ._schema import MIGRATIONS, SCHEMA_VERSION

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
    articles_new: int = 0
    articles_coded: int = 0
    duplicates: int = 0
    events: int = 0


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


class Store:
    """Reads and writes one detente database file."""

    def __init__(self, path: str | Path, lock_timeout: float = 120.0):
        self.path = Path(path)
        self.lock_timeout = lock_timeout

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
        run_id = run_id_for(versions)
        result = WriteResult()
        with self.writer() as con:
            con.execute(
                "INSERT OR IGNORE INTO runs VALUES (?, ?, ?, ?, ?, ?, ?)",
                [run_id, _now(), versions["coder"], versions["model"], versions["patterns"], versions["actors"], versions["cameo"]],
            )
            for coded in batch:
                a = coded.article
                if con.execute("SELECT 1 FROM article_runs WHERE article_id = ? AND run_id = ?", [a.id, run_id]).fetchone():
                    continue
                if not con.execute("SELECT 1 FROM articles WHERE id = ?", [a.id]).fetchone():
                    first = con.execute(
                        "SELECT id FROM articles WHERE text_sha = ? ORDER BY ingested_at, id LIMIT 1", [a.text_sha]
                    ).fetchone()
                    duplicate_of = first[0] if first else None
                    result.duplicates += duplicate_of is not None
                    con.execute(
                        "INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        [a.id, a.source, a.title, a.date, a.date_origin, a.url, a.author, a.lang, a.external_id,
                         a.path, a.format, a.raw_sha, a.text_sha, duplicate_of, a.text, json.dumps(a.offset_map), _now()],
                    )
                    if coded.sentences:
                        con.executemany(
                            "INSERT INTO sentences VALUES (?, ?, ?, ?, ?)",
                            [(s.article_id, s.index, s.start, s.end, s.text) for s in coded.sentences],
                        )
                    result.articles_new += 1
                self._write_coding(con, run_id, coded)
                result.articles_coded += 1
                result.events += len(coded.events)
        return result

    @staticmethod
    def _write_coding(con, run_id: str, coded: CodedArticle) -> None:
        a = coded.article
        con.execute("INSERT INTO article_runs VALUES (?, ?, ?)", [a.id, run_id, _now()])
        if coded.mentions:
            con.executemany(
                "INSERT OR IGNORE INTO mentions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(run_id, m.id, m.article_id, m.sentence_index, m.start, m.end, m.text, m.actor.code, m.actor.country,
                  m.actor.name, m.actor.role, m.actor.kind, m.resolution, m.confidence) for m in coded.mentions],
            )
        if coded.events:
            con.executemany(
                "INSERT OR IGNORE INTO events VALUES (" + ", ".join(["?"] * 35) + ")",
                [_event_row(run_id, e) for e in coded.events],
            )
        if coded.quotes:
            con.executemany(
                "INSERT OR IGNORE INTO quotes VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(run_id, q.id, q.article_id, q.sentence_index, q.start, q.end, q.text,
                  q.speaker.code if q.speaker else None, q.speaker_text) for q in coded.quotes],
            )

    # -- reading ---------------------------------------------------------------
    def query(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        with self.reader() as con:
            cur = con.execute(sql, list(params))
            names = [d[0] for d in cur.description]
            return [dict(zip(names, row)) for row in cur.fetchall()]

    def arrow(self, sql: str, params: Sequence[Any] = ()):
        with self.reader() as con:
            return con.sql(sql, params=list(params)).to_arrow_table()


def run_id_for(versions: dict[str, str]) -> str:
    return make_id("r", *(versions[k] for k in sorted(versions)))


def _event_row(run_id: str, e) -> tuple:
    s, t = e.source, e.target
    return (
        run_id, e.id, e.article_id, e.sentence_index, e.sentence.start, e.sentence.end,
        e.trigger.start, e.trigger.end, e.trigger.text,
        e.source_code, e.target_code, s.country if s else None, t.country if t else None,
        s.name if s else None, t.name if t else None, s.role if s else None, t.role if t else None,
        e.source_span.start if e.source_span else None, e.source_span.end if e.source_span else None,
        e.target_span.start if e.target_span else None, e.target_span.end if e.target_span else None,
        e.code, e.root, e.goldstein, e.quad_class, e.plover_type, e.plover_mode,
        e.date, e.date_precision, e.date_origin, e.modality, e.pattern_id, e.confidence,
        e.source_resolution, e.target_resolution,
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


__all__ = ["Store", "WriteResult", "EventFilter", "run_id_for"]
