"""Turn raw text into clean article text while keeping a map back to the raw offsets.

Cleaning only ever *drops* raw characters or *inserts* separators; every kept
character is copied verbatim, so an offset map of copied runs is exact.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
_LINK = re.compile(r"\[([^\]\n]+)\]\([^)\s]*\)")
_EMPHASIS = re.compile(r"(?<![\w*])\*{1,3}(?=[^\s*])|(?<=[^\s*])\*{1,3}(?![\w*])|(?<!\w)_{1,2}(?=[^\s_])|(?<=[^\s_])_{1,2}(?!\w)")
_HEADING = re.compile(r"^#{1,6}[ \t]+")
_WHITESPACE = re.compile(r"\s+")
_SENTENCE_END = re.compile(r"[.!?:;\"”’')\]]\s*$")
_URL_ONLY = re.compile(r"^\W*(https?://|www\.)?[\w.-]+\.[a-z]{2,}(/\S*)?\W*$", re.I)


class TextBuilder:
    """Collects clean text from raw slices and inserted separators, recording the map."""

    def __init__(self, raw: str):
        self.raw = raw
        self.parts: list[str] = []
        self.runs: list[list[int]] = []  # [clean_start, raw_start, length]
        self.length = 0

    def copy(self, raw_start: int, raw_end: int) -> None:
        if raw_end <= raw_start:
            return
        n = raw_end - raw_start
        last = self.runs[-1] if self.runs else None
        if last and last[0] + last[2] == self.length and last[1] + last[2] == raw_start:
            last[2] += n
        else:
            self.runs.append([self.length, raw_start, n])
        self.parts.append(self.raw[raw_start:raw_end])
        self.length += n

    def insert(self, text: str) -> None:
        self.parts.append(text)
        self.length += len(text)

    def text(self) -> str:
        return "".join(self.parts)

    def offset_map(self) -> tuple[tuple[int, int, int], ...]:
        return tuple(tuple(run) for run in self.runs)  # type: ignore[misc]


@dataclass
class Paragraph:
    start: int
    end: int

    def text(self, raw: str) -> str:
        return raw[self.start : self.end]


def split_paragraphs(raw: str, start: int = 0, end: int | None = None) -> list[Paragraph]:
    end = len(raw) if end is None else end
    paragraphs: list[Paragraph] = []
    pos = start
    for m in _PARAGRAPH_BREAK.finditer(raw, start, end):
        paragraphs.append(Paragraph(pos, m.start()))
        pos = m.end()
    paragraphs.append(Paragraph(pos, end))
    return [p for p in (_strip(raw, p) for p in paragraphs) if p.end > p.start]


def _strip(raw: str, p: Paragraph) -> Paragraph:
    s, e = p.start, p.end
    while s < e and raw[s].isspace():
        s += 1
    while e > s and raw[e - 1].isspace():
        e -= 1
    return Paragraph(s, e)


@lru_cache(maxsize=1)
def _boilerplate() -> list[re.Pattern[str]]:
    """Site boilerplate patterns, kept as data (``data/text/boilerplate.yaml``)."""
    text = resources.files("detente").joinpath("data/text/boilerplate.yaml").read_text("utf-8")
    return [re.compile(p, re.I) for p in yaml.safe_load(text)["patterns"]]


def is_boilerplate(paragraph: str) -> bool:
    flat = _WHITESPACE.sub(" ", _LINK.sub(r"\1", paragraph)).strip(" *_#>")
    if _URL_ONLY.match(flat):
        return True
    return any(p.search(flat) for p in _boilerplate())


def _inline_pieces(raw: str, p: Paragraph, markdown: bool):
    """Yield ('copy', s, e) / ('insert', text) pieces for one paragraph."""
    start = p.start
    heading = _HEADING.match(raw, start, p.end) if markdown else None
    if heading:
        start = heading.end()
    drops: list[tuple[int, int, str]] = []  # (start, end, replacement)
    if markdown:
        for m in _LINK.finditer(raw, start, p.end):
            drops.append((m.start(), m.start(1), ""))
            drops.append((m.end(1), m.end(), ""))
        for m in _EMPHASIS.finditer(raw, start, p.end):
            drops.append((m.start(), m.end(), ""))
    for m in _WHITESPACE.finditer(raw, start, p.end):
        if m.group() != " ":
            drops.append((m.start(), m.end(), " "))
    drops.sort()
    pos = start
    for s, e, replacement in drops:
        if s < pos:  # overlapping markup: already dropped
            continue
        yield ("copy", pos, s)
        if replacement:
            yield ("insert", replacement)
        pos = e
    yield ("copy", pos, p.end)


def build_clean_text(raw: str, paragraphs: list[Paragraph], markdown: bool) -> TextBuilder:
    """Join body paragraphs: drop boilerplate, mend page breaks, strip Markdown markup."""
    builder = TextBuilder(raw)
    kept = _drop_boilerplate(raw, paragraphs)
    previous_text = ""
    for p in kept:
        text = p.text(raw)
        if builder.length:
            mid_sentence = not _SENTENCE_END.search(previous_text) and text[:1].islower()
            builder.insert(" " if mid_sentence else "\n\n")
        for piece in _inline_pieces(raw, p, markdown):
            if piece[0] == "copy":
                builder.copy(piece[1], piece[2])
            else:
                builder.insert(piece[1])
        previous_text = text
    return builder


def _drop_boilerplate(raw: str, paragraphs: list[Paragraph]) -> list[Paragraph]:
    """Drop boilerplate paragraphs; one in the last third also ends the article."""
    kept: list[Paragraph] = []
    tail_from = len(paragraphs) - max(3, len(paragraphs) // 3)
    for i, p in enumerate(paragraphs):
        if is_boilerplate(p.text(raw)):
            if i >= tail_from:
                break
            continue
        kept.append(p)
    return kept
