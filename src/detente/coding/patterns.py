"""Event patterns: detente's own YAML dictionary (see docs/patterns.md), indexed by trigger lemma."""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Iterator

import yaml

from ..errors import E, DataError
from .tables import CameoTable, data_path

DEFAULT_VERB_TARGETS = ("dobj", "dative")
DEFAULT_NOUN_TARGETS = ("prep:on", "prep:against", "prep:with", "prep:of", "prep:to")
_SLOT_PREFIXES = ("prep:", "obj-prep:", "for-prep:")
_SLOTS = {"dobj", "dative", "clause-subj", "clause-actor", "for-subj", "for-event", "stance", "none"}


@dataclass(frozen=True)
class Pattern:
    id: str
    code: str
    kind: str  # verb | noun
    lemma: str
    particles: tuple[str, ...]  # words attached to the verb: "call for" → ("for",)
    objects: frozenset[str]
    targets: tuple[str, ...]
    reciprocal: bool
    order: int  # position in the dictionary, for tie-breaking
    source: str  # file it came from
    prep_objects: frozenset[tuple[str, str]] = frozenset()  # "go on strike" → {("on", "strike")}
    modifiers: frozenset[str] = frozenset()  # "car bomb", "suicide attack": a modifier of the trigger
    complement: frozenset[str] = frozenset()  # "said the vote was illegal": a word in what the verb says
    reverse: bool = False  # "received weapons from X": X is the source, the subject the target
    nominal: bool = False  # a verb pattern read on a noun that names its act ("nominalizations")

    @property
    def specificity(self) -> tuple[int, int, int, int]:
        """Higher wins: a constraint (object, preposition object, modifier, complement), particles, longer code,
        earlier in file."""
        constrained = bool(self.objects) or bool(self.prep_objects) or bool(self.modifiers) or bool(self.complement)
        return (constrained, len(self.particles), len(self.code), -self.order)


@dataclass(frozen=True)
class PatternSet:
    verbs: dict[str, tuple[Pattern, ...]]
    nouns: dict[str, tuple[Pattern, ...]]
    version: str
    count: int
    open_target_roots: frozenset[str] = frozenset()
    not_carriers: frozenset[str] = frozenset()  # verbs whose subject is not the doer of their event noun
    harm_verbs: frozenset[str] = frozenset()  # verbs whose undergoer is the target of the violent act that does them
    measure_nouns: frozenset[str] = frozenset()  # objects that stand for what they measure: "tons of aid"
    repression_targets: frozenset[str] = frozenset()  # force by police or soldiers on these is repression (175)
    assault_verbs: frozenset[str] = frozenset()  # generic force with these verbs, by irregulars on non-combatants: 1823
    armed_only_verbs: frozenset[str] = frozenset()  # acts of force only when armed forces or groups do them: "entered"
    verbal_protest_verbs: frozenset[str] = frozenset()  # a state's protest in words is an official complaint (114)

    def entries(self) -> Iterator[Pattern]:
        """Every trigger entry of every pattern (one per lemma)."""
        for index in (self.verbs, self.nouns):
            for group in index.values():
                yield from group

    def by_id(self, pattern_id: str) -> list[Pattern]:
        return [p for p in self.entries() if p.id == pattern_id]

    def coverage(self, cameo: CameoTable) -> dict:
        """Which CAMEO codes have a pattern: overall and per root (root codes themselves not counted)."""
        codes = {p.code for p in self.entries()}
        leaf = [c for c in cameo.codes if len(c) > 2]
        per_root: dict[str, list[int]] = {}
        for code in leaf:
            covered_total = per_root.setdefault(code[:2], [0, 0])
            covered_total[0] += code in codes
            covered_total[1] += 1
        return {
            "patterns": self.count,
            "codes_with_patterns": sum(c in codes for c in leaf),
            "codes": len(leaf),
            "per_root": {root: {"covered": c, "codes": t} for root, (c, t) in sorted(per_root.items())},
            "uncovered": sorted(c for c in leaf if c not in codes),
        }

    def for_token(self, kind: str, *keys: str) -> list[Pattern]:
        """Patterns triggered by any of ``keys`` (lemma, surface form), each trigger entry once: a pattern's
        "fire" and "fire at" entries are both candidates."""
        index = self.verbs if kind == "verb" else self.nouns
        seen: dict[tuple[str, str, tuple[str, ...]], Pattern] = {}
        for key in keys:
            for pattern in index.get(key, ()):
                seen.setdefault((pattern.id, pattern.lemma, pattern.particles), pattern)
        return list(seen.values())


def _check_slots(slots: Iterable[str], pattern_id: str, path: Path) -> tuple[str, ...]:
    out = []
    for slot in slots:
        if slot not in _SLOTS and not (slot.startswith(_SLOT_PREFIXES) and slot.split(":", 1)[1]):
            raise DataError(E.E031.format(pattern_id=pattern_id, path=path, detail=f"unknown target slot {slot!r}"))
        out.append(slot)
    return tuple(out)


def _prep_object(phrase: str, pattern_id: str, path: Path) -> tuple[str, str]:
    """"on strike" → ("on", "strike"): a preposition on the trigger and the head lemma of its object."""
    words = phrase.lower().split()
    if len(words) < 2:
        raise DataError(E.E031.format(pattern_id=pattern_id, path=path, detail=f"prep_object {phrase!r} needs a preposition and a noun"))
    return words[0], words[-1]


def parse_patterns(data: dict, path: Path, cameo: CameoTable, start: int = 0, seen: set[str] | None = None) -> list[Pattern]:
    """Patterns of one file; ``seen`` carries the ids of earlier files so none is reused."""
    patterns: list[Pattern] = []
    seen = set() if seen is None else seen
    for n, entry in enumerate(data.get("patterns") or [], start=start):
        pid = str(entry.get("id", f"#{n}"))
        if pid in seen:
            raise DataError(E.E031.format(pattern_id=pid, path=path, detail="duplicate id"))
        seen.add(pid)
        code = str(entry.get("code", ""))
        if code not in cameo:
            raise DataError(E.E032.format(code=code, path=path))
        verbs, nouns = entry.get("verbs") or [], entry.get("nouns") or []
        if bool(verbs) == bool(nouns):
            raise DataError(E.E031.format(pattern_id=pid, path=path, detail="give either verbs or nouns"))
        kind = "verb" if verbs else "noun"
        default = DEFAULT_VERB_TARGETS if verbs else DEFAULT_NOUN_TARGETS
        targets = _check_slots(entry.get("target") or default, pid, path)
        objects = frozenset(str(o).lower() for o in entry.get("object") or [])
        prep_objects = frozenset(_prep_object(str(p), pid, path) for p in entry.get("prep_object") or [])
        modifiers = frozenset(str(m).lower() for m in entry.get("modifier") or [])
        complement = frozenset(str(w).lower() for w in entry.get("complement") or [])
        for trigger in verbs or nouns:
            words = str(trigger).lower().split()
            patterns.append(
                Pattern(pid, code, kind, words[0], tuple(words[1:]), objects, targets, bool(entry.get("reciprocal")), n, str(path),
                        prep_objects, modifiers, complement, bool(entry.get("reverse")))
            )
    return patterns


def _nominal_patterns(patterns: list[Pattern], nominalizations: dict[str, str]) -> list[Pattern]:
    """Noun entries for verb patterns with an object constraint, triggered by the nouns that name the verb's act
    ("the suspension of air links with Serbia"): the same id and code, the object read from the noun's "of"
    phrase (also for the ``dobj`` slot: "the release of Palestinian prisoners"), and no dative or clause slots."""
    nouns_of: dict[str, list[str]] = {}
    for noun, verb in nominalizations.items():
        nouns_of.setdefault(verb, []).append(noun)
    out = []
    for p in patterns:
        if p.kind != "verb" or not p.objects or p.particles or p.reverse:
            continue
        targets = tuple(t for t in p.targets if t.startswith(_SLOT_PREFIXES) or t in ("dobj", "none"))
        if not targets:
            continue
        out += [replace(p, kind="noun", lemma=noun, targets=targets, nominal=True) for noun in nouns_of.get(p.lemma, ())]
    return out


#: top-level word lists of a dictionary file, merged over all files into the PatternSet fields of the same names
_WORD_LISTS = ("not_carriers", "harm_verbs", "measure_nouns", "repression_targets", "assault_verbs", "armed_only_verbs",
               "verbal_protest_verbs")


@lru_cache(maxsize=8)
def load_patterns(cameo: CameoTable, extra: tuple[Path, ...] = ()) -> PatternSet:
    """The bundled dictionary plus any user files (later files add patterns)."""
    files = (data_path("patterns", "events.yaml"), *extra)
    all_patterns: list[Pattern] = []
    versions = []
    open_roots: set[str] = set()
    word_lists: dict[str, set[str]] = {name: set() for name in _WORD_LISTS}
    nominalizations: dict[str, str] = {}
    ids: set[str] = set()
    for path in files:
        try:
            data = yaml.safe_load(Path(path).read_text("utf-8")) or {}
        except (OSError, yaml.YAMLError) as exc:
            raise DataError(E.E030.format(path=path, detail=exc)) from None
        versions.append(f"{data.get('name', Path(path).stem)}@{data.get('version', 'unversioned')}")
        open_roots.update(str(r).zfill(2) for r in data.get("open_target_roots") or [])
        for name, words in word_lists.items():
            words.update(str(v).lower() for v in data.get(name) or [])
        nominalizations.update((str(n).lower(), str(v).lower()) for n, v in (data.get("nominalizations") or {}).items())
        all_patterns.extend(parse_patterns(data, Path(path), cameo, start=len(all_patterns), seen=ids))
    verbs: dict[str, list[Pattern]] = {}
    nouns: dict[str, list[Pattern]] = {}
    for p in all_patterns + _nominal_patterns(all_patterns, nominalizations):
        (verbs if p.kind == "verb" else nouns).setdefault(p.lemma, []).append(p)
    return PatternSet(
        {k: tuple(v) for k, v in verbs.items()},
        {k: tuple(v) for k, v in nouns.items()},
        "+".join(versions),
        len({p.id for p in all_patterns}),
        frozenset(open_roots),
        **{name: frozenset(words) for name, words in word_lists.items()},
    )
