"""The story filter: sports, business, entertainment and obituary copy is not political news.

A cue-density classifier over lemmas, with its cue lists kept as data
(data/text/story_types.yaml): small, explainable, and measured on a labelled
sample in tests/data/story_types.jsonl.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import yaml
from spacy.tokens import Doc

from ..model import Mention
from ..nlp import text_of
from .tables import data_path

POLITICS = "politics"


@dataclass(frozen=True)
class StoryTypes:
    words: dict[str, frozenset[str]]
    phrases: dict[str, re.Pattern[str] | None]  # per type, all its cue phrases as one pattern
    min_sentences: int
    lead_weight: int
    min_density: float
    politics_margin: float
    version: str

    def densities(self, doc: Doc, state_actors: int = 0) -> dict[str, float]:
        """Cue hits per 100 words, per story type; each state-actor mention is a political cue."""
        sentences = list(doc.sents)
        words = [t for t in doc if t.is_alpha]
        if len(sentences) < self.min_sentences or not words:
            return {}
        lead_end = sentences[0].end
        weights = [self.lead_weight if t.i < lead_end else 1 for t in words]
        forms = [(t.lemma_.lower(), t.lower_) for t in words]  # read once, not once per story type
        text, lead = text_of(doc).lower(), sentences[0].text.lower()
        scale = 100.0 / len(words)
        out = {}
        for kind, cues in self.words.items():
            hits = sum(w for (lemma, lower), w in zip(forms, weights) if lemma in cues or lower in cues)
            phrase = self.phrases[kind]
            if phrase is not None:
                hits += len(phrase.findall(text)) + (self.lead_weight - 1) * len(phrase.findall(lead))
            out[kind] = hits * scale
        out[POLITICS] = out.get(POLITICS, 0.0) + state_actors * scale
        return out

    def classify(self, doc: Doc, state_actors: int = 0) -> str:
        scores = self.densities(doc, state_actors)
        if not scores:
            return POLITICS
        politics = scores.pop(POLITICS, 0.0)
        kind, best = max(scores.items(), key=lambda kv: kv[1])
        if best >= self.min_density and best > politics * self.politics_margin:
            return kind
        return POLITICS


_STATE_SECTORS = ("GOV", "MIL", "LEG", "JUD", "COP")


def state_actor_mentions(mentions: list[Mention]) -> int:
    """Mentions of governments, militaries, legislatures, courts, police, office holders and IGOs."""
    return sum(
        1 for m in mentions
        if m.actor.code.startswith("IGO") or any(sector in _STATE_SECTORS for sector in m.actor.sectors) or m.actor.kind == "metonym"
    )


@lru_cache(maxsize=1)
def load_story_types() -> StoryTypes:
    data = yaml.safe_load(data_path("text", "story_types.yaml").read_text("utf-8"))
    sections = {**data["types"], POLITICS: data["politics"]}
    return StoryTypes(
        words={k: frozenset(str(w).lower() for w in v.get("words", [])) for k, v in sections.items()},
        phrases={k: _one_pattern(v.get("phrases", [])) for k, v in sections.items()},
        min_sentences=int(data["min_sentences"]),
        lead_weight=int(data["lead_weight"]),
        min_density=float(data["min_density"]),
        politics_margin=float(data["politics_margin"]),
        version=str(data["version"]),
    )


def _one_pattern(phrases) -> re.Pattern[str] | None:
    """The cue phrases as one pattern, matched as whole words: one scan of the text per type. A lookahead counts
    each position a phrase starts at, so overlapping phrases ("is survived", "survived by") both count."""
    words = sorted({str(p).lower() for p in phrases}, key=len, reverse=True)
    return re.compile(r"(?=\b(?:" + "|".join(map(re.escape, words)) + r")\b)") if words else None
