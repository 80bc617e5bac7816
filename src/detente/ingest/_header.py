"""Publication metadata from the top of a text or Markdown file.

Front matter (``---`` YAML block) wins; else a title line, then byline and
date lines ("James Cogan, Peter Symonds" / "2 November 2006") before the body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime

import dateparser
import yaml

from ..errors import E, InputError

_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}")
_BYLINE = re.compile(r"^(by|from)\s+\S", re.I)
_NAME_LIST = re.compile(r"^[A-Z][\w.'’-]*(\s+[A-Z][\w.'’-]*)*(\s*(,|and|&)\s*[A-Z][\w.'’-]*(\s+[A-Z][\w.'’-]*)*)*$")
_STRICT = {"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"]}


def parse_date(value: object) -> date | None:
    """A publication date from a field value; None if it does not parse."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    if _ISO.match(text):
        try:
            return date.fromisoformat(text[:10])
        except ValueError:
            return None
    if not _YEAR.search(text) or len(text) > 60:
        return None
    parsed = dateparser.parse(text, languages=["en"], settings=_STRICT)
    return parsed.date() if parsed else None


def require_date(value: object, path: str, line: int | None = None) -> date | None:
    """Like :func:`parse_date` but a present, unparseable value is an input error."""
    if value is None or value == "":
        return None
    parsed = parse_date(value)
    if parsed is None:
        raise InputError(E.E009.format(value=value), path, line)
    return parsed


@dataclass
class Header:
    title: str | None = None
    author: str | None = None
    date: date | None = None
    date_origin: str = "unknown"
    source: str | None = None
    url: str | None = None
    body_start: int = 0
    extra: dict = field(default_factory=dict)


def _lines(raw: str, start: int, limit: int):
    pos = start
    count = 0
    while pos < len(raw) and count < limit:
        end = raw.find("\n", pos)
        end = len(raw) if end < 0 else end
        yield pos, end, raw[pos:end]
        pos = end + 1
        count += 1


def _clean_line(line: str) -> str:
    return line.strip().strip("*_#> ").strip()


def _is_title(line: str, markdown: bool) -> bool:
    if markdown:
        return line.lstrip().startswith("#")
    text = line.strip()
    return 0 < len(text) <= 150 and not re.search(r"[.!?]\s*$", text)


def read_header(raw: str, path: str, markdown: bool) -> Header:
    header = Header()
    pos = 0
    if raw.startswith("---\n"):
        end = raw.find("\n---", 4)
        if end > 0:
            try:
                meta = yaml.safe_load(raw[4:end]) or {}
            except yaml.YAMLError:
                meta = {}
            if isinstance(meta, dict):
                header.title = _str(meta.get("title"))
                header.author = _str(meta.get("author"))
                header.source = _str(meta.get("source"))
                header.url = _str(meta.get("url"))
                header.date = require_date(meta.get("date"), path)
                if header.date:
                    header.date_origin = "front-matter"
            newline = raw.find("\n", end + 4)
            pos = len(raw) if newline < 0 else newline + 1
    header.body_start = pos
    first = True
    for _start, end, line in _lines(raw, pos, 8):
        text = _clean_line(line)
        if not text:
            header.body_start = end + 1
            continue
        if first and header.title is None and _is_title(line, markdown):
            header.title = text
        elif header.date is None and len(text) <= 60 and (found := parse_date(text)):
            header.date, header.date_origin = found, "dateline"
        elif header.author is None and len(text) <= 80 and (
            _BYLINE.match(text) or (_NAME_LIST.match(text) and len(text.split()) <= 8)
        ):
            header.author = re.sub(r"^(by|from)\s+", "", text, flags=re.I)
        else:
            break
        first = False
        header.body_start = min(end + 1, len(raw))
    return header


def _str(value: object) -> str | None:
    return None if value is None else str(value)
