"""The one data model: frozen records with offsets into the article text.

Every offset is a Python string (code point) index into ``Article.text``, the
stored clean text; ``Article.offset_map`` maps it back to the raw input.
Ids are content hashes, so the same input gives the same ids on every run.
"""

from __future__ import annotations

import hashlib
from bisect import bisect_right
from dataclasses import dataclass
from datetime import date


def make_id(prefix: str, *parts: object) -> str:
    """A short, deterministic id: ``prefix`` + 16 hex digits of SHA-1 over the parts."""
    digest = hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()
    return f"{prefix}{digest[:16]}"


def text_hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


QUAD_CLASS_NAMES = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}


@dataclass(frozen=True)
class Article:
    """One news report, cleaned, with where it came from."""

    id: str
    text: str
    source: str = ""
    title: str | None = None
    date: date | None = None
    date_origin: str = "unknown"  # input | metadata | front-matter | dateline | flag | unknown
    url: str | None = None
    author: str | None = None
    lang: str | None = None
    external_id: str | None = None
    path: str | None = None
    format: str | None = None
    raw_sha: str = ""
    # (clean_start, raw_start, length) runs copied verbatim from the raw input
    offset_map: tuple[tuple[int, int, int], ...] = ()

    @property
    def text_sha(self) -> str:
        return text_hash(self.text)

    def raw_offset(self, pos: int) -> int | None:
        """Where clean offset ``pos`` sits in the raw input (None if inserted by cleaning)."""
        starts = [run[0] for run in self.offset_map]
        i = bisect_right(starts, pos) - 1
        if i < 0:
            return None
        clean_start, raw_start, length = self.offset_map[i]
        if pos - clean_start < length:
            return raw_start + pos - clean_start
        return None


@dataclass(frozen=True)
class Sentence:
    article_id: str
    index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Actor:
    """A coded actor: CAMEO/Phoenix-style code plus who it is when known."""

    code: str  # e.g. IRQGOV, USAMIL, IGOUNO, ---REB
    country: str | None = None  # ISO3 or None
    sectors: tuple[str, ...] = ()
    name: str | None = None  # named person or organisation
    role: str | None = None  # the person's office at the event date
    kind: str = "country"  # country | person | org | group | metonym | agent


@dataclass(frozen=True)
class Mention:
    """A span of the article that refers to an actor, and how it was resolved."""

    article_id: str
    sentence_index: int
    start: int
    end: int
    text: str
    actor: Actor
    resolution: str  # e.g. "person-table", "country+agent", "pronoun:he->Nouri al-Maliki"
    confidence: float = 1.0

    @property
    def id(self) -> str:
        return make_id("m", self.article_id, self.start, self.end, self.actor.code)


@dataclass(frozen=True)
class Place:
    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    admin1: str | None = None
    feature: str | None = None
    precision: str | None = None


@dataclass(frozen=True)
class Quote:
    article_id: str
    sentence_index: int
    start: int
    end: int
    text: str
    speaker: Actor | None = None
    speaker_text: str | None = None

    @property
    def id(self) -> str:
        return make_id("q", self.article_id, self.start, self.end)


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Event:
    """One coded event with its evidence; ``id`` is stable across runs."""

    article_id: str
    sentence_index: int
    sentence: Span
    trigger: Span
    code: str
    root: str
    goldstein: float
    quad_class: int
    plover_type: str | None
    plover_mode: str | None
    source: Actor | None
    target: Actor | None
    source_span: Span | None
    target_span: Span | None
    date: date | None
    date_precision: str  # day | week | month | year | article | unknown
    date_origin: str  # explicit | narrative | article | unknown
    modality: str = "asserted"  # asserted | negated | historical | ...
    pattern_id: str = ""
    confidence: float = 1.0
    source_resolution: str | None = None
    target_resolution: str | None = None
    quote_id: str | None = None  # the quote the event was said in, if any
    place: Place | None = None  # where it happened (not every place the sentence mentions)
    place_span: Span | None = None  # where the text names that place
    place_origin: str | None = None  # clause | sentence | narrative | dateline

    @property
    def id(self) -> str:
        return make_id(
            "e",
            self.article_id,
            self.trigger.start,
            self.code,
            self.source.code if self.source else "---",
            self.target.code if self.target else "---",
        )

    @property
    def source_code(self) -> str:
        return self.source.code if self.source else "---"

    @property
    def target_code(self) -> str:
        return self.target.code if self.target else "---"

    def to_dict(self) -> dict:
        """The JSON shape used by ``detente code`` and the events API."""
        return {
            "id": self.id,
            "article_id": self.article_id,
            "source": self.source_code,
            "target": self.target_code,
            "source_name": self.source.name if self.source else None,
            "target_name": self.target.name if self.target else None,
            "code": self.code,
            "root": self.root,
            "goldstein": self.goldstein,
            "quad": self.quad_class,
            "plover": self.plover_type,
            "plover_mode": self.plover_mode,
            "date": self.date.isoformat() if self.date else None,
            "date_precision": self.date_precision,
            "date_origin": self.date_origin,
            "modality": self.modality,
            "sentence": self.sentence_index,
            "start": self.sentence.start,
            "end": self.sentence.end,
            "text": self.sentence.text,
            "trigger": {"start": self.trigger.start, "end": self.trigger.end, "text": self.trigger.text},
            "source_text": self.source_span.text if self.source_span else None,
            "target_text": self.target_span.text if self.target_span else None,
            "pattern": self.pattern_id,
            "quote_id": self.quote_id,
            "confidence": round(self.confidence, 3),
            "place": None if self.place is None else {
                "name": self.place.name, "country": self.place.country, "lat": self.place.lat, "lon": self.place.lon,
                "admin1": self.place.admin1, "feature": self.place.feature, "precision": self.place.precision,
                "origin": self.place_origin, "text": self.place_span.text if self.place_span else None,
            },
        }
