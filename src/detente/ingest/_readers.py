"""One reader per input format; each yields Articles or InputErrors, never raises mid-batch."""

from __future__ import annotations

import html as html_lib
import json
import re
from dataclasses import dataclass
from datetime import date
from typing import Iterator

from ..errors import E, InputError
from ..model import Article, make_id, text_hash
from ._clean import build_clean_text, split_paragraphs
from ._header import parse_date, read_header, require_date

_BINARY_SNIFF = 8192
_BLOCK_TAGS = re.compile(r"<\s*(/p|br\s*/?|/div|/h[1-6]|/li|/blockquote|/tr)\s*>", re.I)
_TAG = re.compile(r"<[^>]+>")

FORMATS = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".rss": "feed",
    ".atom": "feed",
    ".xml": "feed",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
}


@dataclass(frozen=True)
class Defaults:
    """What the caller knows about inputs that lack it (``--date``, ``--source``)."""

    date: date | None = None
    source: str | None = None


def decode(data: bytes, path: str, max_bytes: int) -> str:
    """Bytes to text, or a clear InputError (empty, binary, too large, not UTF-8)."""
    if len(data) > max_bytes:
        raise InputError(E.E010.format(limit=max_bytes, size=len(data)), path)
    if not data.strip():
        raise InputError(E.E001, path)
    if b"\x00" in data[:_BINARY_SNIFF]:
        raise InputError(E.E002.format(n=min(len(data), _BINARY_SNIFF)), path)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(E.E003.format(offset=exc.start), path) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def sniff_format(text: str) -> str:
    head = text.lstrip()[:512].lower()
    if head.startswith("{"):
        return "jsonl"
    if head.startswith("<?xml") or "<rss" in head or "<feed" in head:
        return "feed"
    if head.startswith("<!doctype html") or "<html" in head:
        return "html"
    return "markdown" if head.startswith("#") or head.startswith("---\n") else "text"


def _article(
    raw: str,
    *,
    path: str,
    fmt: str,
    markdown: bool,
    source: str | None,
    published: date | None,
    date_origin: str,
    defaults: Defaults,
    body_start: int = 0,
    line: int | None = None,
    **fields: object,
) -> Article:
    builder = build_clean_text(raw, split_paragraphs(raw, body_start), markdown)
    text = builder.text()
    if not text.strip():
        raise InputError(E.E013, path, line)
    if published is None and defaults.date is not None:
        published, date_origin = defaults.date, "flag"
    source = source or defaults.source or ""
    return Article(
        id=make_id("a", source, text_hash(text)),
        text=text,
        source=source,
        date=published,
        date_origin=date_origin if published else "unknown",
        path=path,
        format=fmt,
        raw_sha=text_hash(raw),
        offset_map=builder.offset_map(),
        **fields,  # type: ignore[arg-type]
    )


def read_text(raw: str, path: str, fmt: str, defaults: Defaults) -> Iterator[Article | InputError]:
    markdown = fmt == "markdown"
    try:
        header = read_header(raw, path, markdown)
        yield _article(
            raw,
            path=path,
            fmt=fmt,
            markdown=markdown,
            source=header.source,
            published=header.date,
            date_origin=header.date_origin,
            defaults=defaults,
            body_start=header.body_start,
            title=header.title,
            author=header.author,
            url=header.url,
        )
    except InputError as exc:
        yield exc


def read_jsonl(raw: str, path: str, fmt: str, defaults: Defaults) -> Iterator[Article | InputError]:
    for number, line in enumerate(raw.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(E.E004.format(detail=exc.msg), path, number) from None
            if not isinstance(record, dict) or not isinstance(record.get("text"), str) or not record["text"].strip():
                raise InputError(E.E005, path, number)
            text = record["text"].replace("\r\n", "\n")
            published = require_date(record.get("date"), path, number)
            yield _article(
                text,
                path=path,
                fmt=fmt,
                markdown=False,
                source=_opt(record.get("source")),
                published=published,
                date_origin="input",
                defaults=defaults,
                line=number,
                title=_opt(record.get("title")),
                url=_opt(record.get("url")),
                lang=_opt(record.get("lang")),
                external_id=_opt(record.get("id")),
                author=_opt(record.get("author")),
            )
        except InputError as exc:
            yield exc


def read_html(raw: str, path: str, fmt: str, defaults: Defaults) -> Iterator[Article | InputError]:
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(raw, with_metadata=True, include_comments=False, include_tables=False)
        text = (getattr(doc, "text", None) or "") if doc is not None else ""
        if not text.strip():
            raise InputError(E.E006, path)
        title = getattr(doc, "title", None)
        lines = [ln for ln in text.split("\n") if ln.strip()]
        if lines and title and lines[0].strip() == title.strip():
            lines = lines[1:]
        extracted = "\n\n".join(lines)
        published = parse_date(getattr(doc, "date", None))
        yield _article(
            extracted,
            path=path,
            fmt=fmt,
            markdown=False,
            source=getattr(doc, "sitename", None) or getattr(doc, "hostname", None),
            published=published,
            date_origin="metadata",
            defaults=defaults,
            title=title,
            author=getattr(doc, "author", None),
            url=getattr(doc, "url", None),
            lang=getattr(doc, "language", None),
        )
    except InputError as exc:
        yield exc


def html_to_text(fragment: str) -> str:
    """Strip a feed entry's HTML to paragraphs of text."""
    text = _BLOCK_TAGS.sub("\n\n", fragment)
    text = _TAG.sub("", text)
    return html_lib.unescape(text).strip()


def read_feed(raw: str, path: str, fmt: str, defaults: Defaults) -> Iterator[Article | InputError]:
    import feedparser

    parsed = feedparser.parse(raw)
    if not parsed.entries:
        detail = getattr(parsed, "bozo_exception", None)
        yield InputError(E.E007.format(detail=detail) if detail else E.E008, path)
        return
    outlet = parsed.feed.get("title")
    produced = 0
    for number, entry in enumerate(parsed.entries, start=1):
        content = entry.get("content") or []
        body = content[0].get("value") if content else entry.get("summary")
        if not body or not html_to_text(body):
            continue
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        published = date(*stamp[:3]) if stamp else None
        try:
            yield _article(
                html_to_text(body),
                path=f"{path}#entry{number}",
                fmt=fmt,
                markdown=False,
                source=outlet,
                published=published,
                date_origin="metadata",
                defaults=defaults,
                title=entry.get("title"),
                url=entry.get("link"),
                external_id=entry.get("id") or entry.get("link"),
                author=entry.get("author"),
            )
            produced += 1
        except InputError as exc:
            yield exc
    if not produced:
        yield InputError(E.E008, path)


def _opt(value: object) -> str | None:
    return None if value is None else str(value)


READERS = {
    "text": read_text,
    "markdown": read_text,
    "html": read_html,
    "feed": read_feed,
    "jsonl": read_jsonl,
}


def read_bytes(data: bytes, path: str, fmt: str | None, defaults: Defaults, max_bytes: int) -> Iterator[Article | InputError]:
    try:
        raw = decode(data, path, max_bytes)
    except InputError as exc:
        yield exc
        return
    fmt = fmt or sniff_format(raw)
    yield from READERS[fmt](raw, path, fmt, defaults)


__all__ = ["FORMATS", "Defaults", "read_bytes", "decode", "sniff_format"]
