"""Score who, when and where against offset-keyed gold (tests/gold/README files): actor mentions
(country and sector accuracy), date expressions (normalisation accuracy) and events (the date and the
place each happened). Gold records point into article texts by article id and character offsets; the
texts themselves stay outside the repository.

A gold item is matched to the prediction whose span overlaps it most; an item with no overlapping
prediction counts as wrong, so every accuracy here includes the coder's misses.
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ..errors import E, InputError
from ..model import Article, make_id, text_hash
from .dates import expressions


@dataclass
class Tally:
    right: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.right += ok
        self.total += 1

    @property
    def accuracy(self) -> float:
        return self.right / self.total if self.total else 0.0


@dataclass
class Report:
    """Accuracies by measure, with counts, and the same by kind of gold item."""

    kind: str
    items: int
    measures: dict[str, Tally] = field(default_factory=dict)
    by_kind: dict[str, dict[str, Tally]] = field(default_factory=dict)

    def add(self, measure: str, ok: bool, item_kind: str | None = None) -> None:
        self.measures.setdefault(measure, Tally()).add(ok)
        if item_kind:
            self.by_kind.setdefault(item_kind, {}).setdefault(measure, Tally()).add(ok)

    def as_dict(self) -> dict:
        return {
            "kind": self.kind,
            "items": self.items,
            "measures": {m: {"accuracy": round(t.accuracy, 4), "right": t.right, "total": t.total} for m, t in self.measures.items()},
            "by_kind": {k: {m: round(t.accuracy, 4) for m, t in v.items()} for k, v in sorted(self.by_kind.items())},
        }


def gold_kind(path: Path) -> str:
    """What a gold file holds, from its first record: events, actors, dates or event places."""
    with Path(path).open(encoding="utf-8") as fh:
        first = json.loads(next((line for line in fh if line.strip()), "{}"))
    if "events" in first:
        return "events"
    if "kind" in first and "code" in first:
        return "actors"
    if "value" in first and "precision" in first:
        return "dates"
    if "country" in first and "city" in first:
        return "event-places"
    raise InputError(E.E050.format(path=path, line=1, detail="not a gold file detente knows (events, actors, dates, event places)"), str(path), 1)


def _records(path: Path, where: dict[str, str] | None = None) -> list[dict]:
    """The gold records, those whose fields equal ``where``'s values ({"split": "heldout"}) if given."""
    out = []
    with Path(path).open(encoding="utf-8") as fh:
        for number, line in enumerate(fh, start=1):
            if line.strip():
                try:
                    rec = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise InputError(E.E050.format(path=path, line=number, detail=exc), str(path), number) from None
                if not where or all(str(rec.get(k)) == v for k, v in where.items()):
                    out.append(rec)
    return out


def _articles(records: list[dict], texts: dict[str, str], path: Path) -> dict[str, Article]:
    articles = {}
    for rec in records:
        key = rec["article"]
        if key not in texts:
            raise InputError(E.E050.format(path=path, line=0, detail=f"article {key} not among --articles"), str(path), 0)
        when = date.fromisoformat(rec.get("article_date") or rec["date"])  # actor gold: "date" is the article's
        articles.setdefault(key, Article(id=make_id("a", "gold", text_hash(texts[key]), when), text=texts[key], date=when))
    return articles


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _best(span: tuple[int, int], candidates: list, span_of) -> object | None:
    scored = [(_overlap(span, span_of(c)), -abs(span_of(c)[1] - span[1]), i, c) for i, c in enumerate(candidates)]
    scored = [s for s in scored if s[0] > 0]
    return max(scored)[3] if scored else None


def _coded(coder, path: Path, texts: dict[str, str], where: dict[str, str] | None = None) -> tuple[list[dict], dict]:
    """The gold records and each article they point into, coded (by article key)."""
    records = _records(path, where)
    articles = _articles(records, texts, path)
    return records, dict(zip(articles, coder.code_articles(list(articles.values()))))


def score_actors(coder, path: Path, texts: dict[str, str], where: dict[str, str] | None = None) -> Report:
    """Actor country and sector accuracy (and the named person, where the gold names one)."""
    records, coded = _coded(coder, path, texts, where)
    report = Report("actors", len(records))
    for rec in records:
        mention = _best((rec["start"], rec["end"]), coded[rec["article"]].mentions, lambda m: (m.start, m.end))
        code = mention.actor.code if mention else None
        gold = rec["code"]
        report.add("country", code is not None and code[:3] == gold[:3], rec.get("kind"))
        report.add("sector", code is not None and code[3:] == gold[3:], rec.get("kind"))
        if rec.get("person"):
            report.add("person", mention is not None and _same_name(mention.actor.name, rec["person"]), rec.get("kind"))
    return report


def score_dates(coder, path: Path, texts: dict[str, str], where: dict[str, str] | None = None) -> Report:
    """Date expressions resolved to the right calendar date at the gold's precision."""
    records = _records(path, where)
    articles = _articles(records, texts, path)
    found: dict[str, list] = {}
    for key, article in articles.items():
        found[key] = expressions(coder.nlp(article.text), article.date)
    report = Report("dates", len(records))
    for rec in records:
        expr = _best((rec["start"], rec["end"]), found[rec["article"]], lambda d: (d.start, d.end))
        value = date.fromisoformat(rec["value"])
        report.add("normalised", expr is not None and _same_period(expr.date, value, rec["precision"]), rec["precision"])
        report.add("found", expr is not None, rec["precision"])
    return report


def score_event_places(coder, path: Path, texts: dict[str, str], where: dict[str, str] | None = None) -> Report:
    """For gold events (by trigger): whether detente codes an event there, and its date and place."""
    records, coded = _coded(coder, path, texts, where)
    report = Report("event-places", len(records))
    for rec in records:
        events = coded[rec["article"]].events
        event = _best((rec["start"], rec["end"]), events, lambda e: (e.trigger.start, e.trigger.end))
        report.add("event found", event is not None)
        if event is None:
            continue
        precision = rec.get("date_precision")
        if precision == "day":
            report.add("date, exact day (found events)", event.date == date.fromisoformat(rec["date"]))
        if rec.get("country"):
            report.add("place country (found events)", event.place is not None and event.place.country == rec["country"])
        if rec.get("city"):
            report.add("place city (found events)", event.place is not None and _same_place(coder, event.place, rec["city"], rec.get("country")))
    return report


def _same_period(got: date, want: date, precision: str) -> bool:
    if precision == "year":
        return got.year == want.year
    if precision == "month":
        return (got.year, got.month) == (want.year, want.month)
    if precision == "week":
        return got.isocalendar()[:2] == want.isocalendar()[:2]
    return got == want


def _plain(name: str | None) -> str:
    text = unicodedata.normalize("NFKD", name or "")
    return "".join(ch for ch in text if ch.isalnum()).lower()


def _same_name(got: str | None, want: str) -> bool:
    """Same person: the same name, or the same surname ("Nouri al-Maliki" / "Nuri al-Maliki")."""
    if not got:
        return False
    return _plain(got) == _plain(want) or _plain(got.split()[-1]) == _plain(want.split()[-1])


def _same_place(coder, got, city: str, country: str | None) -> bool:
    """The same city: by name, or the gazetteer's place for the gold name (spellings differ: Basra, Basrah)."""
    if _plain(got.name) == _plain(city):
        return True
    known = coder.gazetteer.lookup(city, frozenset({country}) if country else frozenset())
    return known is not None and known.name == got.name and known.country == got.country


__all__ = ["Report", "Tally", "gold_kind", "score_actors", "score_dates", "score_event_places"]
