"""Score the coder against gold sentences: P/R/F1 by code level and actor level.

Matching convention (docs/coding-guidelines.md): per sentence, predicted and
gold events are multisets of (source, target, code) keys at the chosen level;
each gold event matches at most one prediction.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Callable, Iterable

from ..errors import E, InputError
from ..model import Article, make_id, text_hash
from .tables import load_cameo

CODE_LEVELS = ("code", "root", "plover", "quad")
ACTOR_LEVELS = ("exact", "country", "ignored")


@dataclass(frozen=True)
class GoldSentence:
    uid: str
    text: str
    date: date | None
    events: tuple[tuple[str, str, str], ...]  # (source, target, code)
    meta: dict = field(default_factory=dict, compare=False, hash=False)
    # offset-keyed gold: the whole article, and where the sentence sits in it
    article: str | None = field(default=None, compare=False, hash=False)
    start: int = 0


def read_gold(path: Path, where: dict[str, str] | None = None, texts: dict[str, str] | None = None) -> list[GoldSentence]:
    """Gold sentences; ``where`` keeps those whose ``meta`` (or top-level) fields equal the given values.

    A record may carry its sentence as ``text``, or point into an article as
    ``article``, ``start``, ``end`` (gold sets that must not hold the text);
    ``texts`` maps article keys to their text.
    """
    gold = []
    with Path(path).open(encoding="utf-8") as fh:
        for number, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
                events = tuple((e.get("source") or "---", e.get("target") or "---", str(e.get("code") or "")) for e in rec.get("events", []))
                when = date.fromisoformat(rec["date"]) if rec.get("date") else None
                meta = {**(rec.get("meta") or {}), **{k: rec[k] for k in ("split", "coder") if k in rec}}
                if where and any(str(meta.get(k, rec.get(k))) != v for k, v in where.items()):
                    continue
                if "text" in rec:
                    gold.append(GoldSentence(str(rec.get("uid", number)), rec["text"], when, events, meta))
                else:
                    whole = _article_text(rec, texts or {})
                    start, end = int(rec["start"]), int(rec["end"])
                    gold.append(GoldSentence(str(rec.get("uid", number)), whole[start:end], when, events, meta, whole, start))
            except (json.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
                raise InputError(E.E050.format(path=path, line=number, detail=exc), str(path), number) from None
    return gold


def _article_text(rec: dict, texts: dict[str, str]) -> str:
    if rec.get("article") not in texts:
        raise KeyError(f"article {rec.get('article')!r} not among the given articles")
    return texts[rec["article"]]


def article_texts(paths: list[str]) -> dict[str, str]:
    """Article texts by key (the input's id, else the file name without suffix), for offset-keyed gold."""
    from ..ingest import read_inputs

    texts = {}
    for article in read_inputs(paths):
        if isinstance(article, Article):
            texts[article.external_id or Path(article.path or "").stem] = article.text
    return texts


def quad_of(code: str) -> str:
    """GDELT's QuadClass of a CAMEO code; '' for a gold event without a code (it can only be missed)."""
    if not code[:2].isdigit():
        return ""
    root = int(code[:2])
    return "1" if root <= 5 else "2" if root <= 8 else "3" if root <= 13 else "4"


def plover_of(code: str) -> str:
    """The PLOVER event type of a CAMEO code, by detente's CAMEO→PLOVER table ('' if it has none)."""
    cameo = load_cameo()
    return (cameo[code].plover_type or "") if code in cameo else ""


def _key(event: tuple[str, str, str], code_level: str, actor_level: str) -> tuple:
    source, target, code = event
    code_key = {"code": code, "root": code[:2], "plover": plover_of(code)}.get(code_level) if code_level != "quad" else quad_of(code)
    if actor_level == "ignored":
        return (code_key,)
    if actor_level == "country":
        return (source[:3], target[:3], code_key)
    return (source, target, code_key)


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4),
                "tp": self.tp, "fp": self.fp, "fn": self.fn}


@dataclass
class Evaluation:
    sentences: int
    scores: dict[tuple[str, str], Score]
    extra_per_sentence: float
    details: list[dict]

    def as_dict(self) -> dict:
        return {
            "sentences": self.sentences,
            "extra_events_per_sentence": round(self.extra_per_sentence, 4),
            "scores": {f"{c}/{a}": s.as_dict() for (c, a), s in self.scores.items()},
        }


def evaluate(gold: Iterable[GoldSentence], predict: Callable[[list[GoldSentence]], list[list[tuple[str, str, str]]]]) -> Evaluation:
    """``predict`` codes a list of gold sentences, returning their (source, target, code) events."""
    gold = list(gold)
    predictions = predict(gold)
    scores = {(c, a): Score() for c in CODE_LEVELS for a in ACTOR_LEVELS}
    extra = 0
    details = []
    for sentence, predicted in zip(gold, predictions, strict=False):
        for (c, a), score in scores.items():
            g = Counter(_key(e, c, a) for e in sentence.events)
            p = Counter(_key(e, c, a) for e in predicted)
            matched = sum((g & p).values())
            score.tp += matched
            score.fp += sum(p.values()) - matched
            score.fn += sum(g.values()) - matched
        strict = Counter(_key(e, "root", "ignored") for e in predicted) - Counter(_key(e, "root", "ignored") for e in sentence.events)
        extra += sum(strict.values())
        details.append({"uid": sentence.uid, "gold": [list(e) for e in sentence.events], "predicted": [list(e) for e in predicted]})
    n = len(gold)
    return Evaluation(n, scores, extra / n if n else 0.0, details)


def coder_predictions(coder, gold_sentences: list[GoldSentence]) -> list[list[tuple[str, str, str]]]:
    """Each gold sentence's events: coded on its own, or, for offset-keyed gold, within its whole article
    (so pronouns and narrative dates have their context) keeping the events whose trigger lies in the sentence."""
    return [
        [(e.source_code, e.target_code, e.code) for e in events if e.modality not in coder.modality.not_events]
        for events in _events_per_sentence(coder, gold_sentences)
    ]


def _events_per_sentence(coder, gold_sentences: list[GoldSentence]) -> list[list]:
    texts = {g.uid: g.article if g.article is not None else g.text for g in gold_sentences}
    unique = {}
    for g in gold_sentences:
        unique.setdefault((texts[g.uid], g.date), None)
    articles = [Article(id=make_id("a", "gold", text_hash(text), when), text=text, date=when) for text, when in unique]
    coded = {(a.text, a.date): c for a, c in zip(articles, coder.code_articles(articles))}
    out = []
    for g in gold_sentences:
        events = coded[(texts[g.uid], g.date)].events
        if g.article is not None:
            events = [e for e in events if g.start <= e.trigger.start < g.start + len(g.text)]
        out.append(events)
    return out


def pattern_precision(coder, gold_sentences: list[GoldSentence]) -> dict[str, dict]:
    """Per pattern: predictions that match a gold event at root level (actors ignored) and those that don't."""
    stats: dict[str, dict] = {}
    for gold, events in zip(gold_sentences, _events_per_sentence(coder, gold_sentences)):
        remaining = Counter(e[2][:2] for e in gold.events)
        for event in events:
            if event.modality in coder.modality.not_events:
                continue
            row = stats.setdefault(event.pattern_id, {"tp": 0, "fp": 0})
            if remaining[event.root] > 0:
                remaining[event.root] -= 1
                row["tp"] += 1
            else:
                row["fp"] += 1
    for row in stats.values():
        row["precision"] = round(row["tp"] / (row["tp"] + row["fp"]), 3)
    return dict(sorted(stats.items(), key=lambda kv: (-(kv[1]["tp"] + kv[1]["fp"]), kv[0])))


def agreement(first: list[GoldSentence], second: dict[str, tuple[tuple[str, str, str], ...]]) -> dict:
    """Inter-coder agreement on the sentences both coded: F1 of one against the other at every level
    (symmetric), and Cohen's kappa on whether a sentence has an event at all."""
    shared = [g for g in first if g.uid in second]
    result = evaluate(shared, lambda gs: [list(second[g.uid]) for g in gs]).as_dict()
    a = [bool(g.events) for g in shared]
    b = [bool(second[g.uid]) for g in shared]
    n = len(shared)
    observed = sum(x == y for x, y in zip(a, b)) / n if n else 0.0
    p_a, p_b = (sum(a) / n, sum(b) / n) if n else (0.0, 0.0)
    expected = p_a * p_b + (1 - p_a) * (1 - p_b)
    kappa = (observed - expected) / (1 - expected) if expected < 1 else 1.0
    return {
        "sentences": n,
        "event_presence": {"observed": round(observed, 4), "kappa": round(kappa, 4)},
        "f1": {level: scores["f1"] for level, scores in result["scores"].items()},
    }
