"""Importers for other coders' dictionaries, so users can bring them along.

Only PETRARCH-2 / TABARI verb dictionaries for now. The parser is written for
detente: it keeps what our pattern format can express (verbs, particles, a
direct-object word, a preposition that holds the target) and skips and counts
the rest, because a half-understood pattern would code wrong events.
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import E, DataError
from .tables import CameoTable, load_cameo

log = logging.getLogger(__name__)

# Words that may follow a verb as a particle or preposition child ("call off", "ask for").
PARTICLES = frozenset(
    "about across after against along apart around aside at away back before behind between by down for forth "
    "forward from in into of off on onto out over through to toward towards under up upon with without".split()
)
# Where an object (light-verb) pattern looks for its target when the dictionary does not say.
OBJECT_TARGETS = ("dative", "obj-prep:to", "prep:to", "obj-prep:against", "prep:against", "obj-prep:on", "prep:on", "obj-prep:with", "prep:with")
_MAX_WORDS = 3  # our verb entries: verb + particle + preposition

_HEADER = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]")
_VERB = re.compile(r"^\+?([A-Z][A-Z0-9_'\-+]*)\s*(\{[^}]*\})?\s*(?:\[([^\]]*)\])?")
_CODE = re.compile(r"\[([^\]]*)\][^\[]*$")
_TOKEN = re.compile(r"\{[^}]*\}|\([^)]*\)|\S+")
_WORD = re.compile(r"^[A-Z][A-Z0-9']*$")


class _Skip(Exception):
    """A pattern or verb that our format cannot express; the message is the reason."""


@dataclass
class ImportStats:
    """What an import kept and what it dropped, by reason (for the user and the description)."""

    source: str
    verbs_read: int = 0
    verbs_imported: int = 0
    verbs_skipped: Counter = field(default_factory=Counter)
    patterns_read: int = 0
    patterns_imported: int = 0
    skipped: Counter = field(default_factory=Counter)
    verb_patterns: int = 0  # one per verb block and default code: the bare verbs
    reverse_dropped: int = 0  # "[a:b]" patterns kept as a only

    def summary(self) -> str:
        reasons = ", ".join(f"{r}: {n}" for r, n in self.skipped.most_common()) or "none"
        verb_reasons = ", ".join(f"{r}: {n}" for r, n in self.verbs_skipped.most_common()) or "none"
        return (
            f"{self.source}: {self.patterns_imported} of {self.patterns_read} patterns imported "
            f"(skipped {sum(self.skipped.values())}: {reasons}); "
            f"{self.verbs_imported} of {self.verbs_read} verbs imported (skipped {verb_reasons}); "
            f"{self.verb_patterns} bare-verb patterns; {self.reverse_dropped} reverse codes dropped"
        )


def _code(text: str, cameo: CameoTable) -> tuple[str, bool]:
    """CAMEO code and reciprocity of a "[...]" field; "a:b" keeps a (the source's act)."""
    text = text.strip()
    if text == "---":
        raise _Skip("no code [---]")
    forward, _, reverse = text.partition(":")
    if not forward:
        raise _Skip("reverse-only code")
    if not re.fullmatch(r"\d{3,4}", forward) or (reverse and not re.fullmatch(r"\d{3,4}", reverse)):
        raise _Skip("malformed code")
    if forward not in cameo:
        raise _Skip("code not in detente's table")
    return forward, reverse == forward


def _verb_entry(line: str) -> tuple[str, str | None]:
    """Base-form lemma entry ("ask for") and raw code of one verb line."""
    m = _VERB.match(line)
    if not m:
        raise _Skip("unreadable verb line")
    name, forms, code = m.groups()
    if forms is not None and not forms.strip("{} "):
        raise _Skip("fixed inflected form")  # "+ANGERED_BY {}": no base form to match lemmas
    words = [w.replace("-", "") for w in name.replace("+", "").lower().split("_") if w]
    if len(words) > _MAX_WORDS or not all(w in PARTICLES for w in words[1:]):
        raise _Skip("multi-word verb with a non-particle")
    return " ".join(words), code


def _synsets(lines: list[str]) -> dict[str, list[str]]:
    """"&NAME" sets of "+WORD" members; multi-word and hyphenated members cannot be object lemmas."""
    sets: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in lines:
        if line.startswith("&"):
            current = sets.setdefault(line.split()[0], [])
        elif line.startswith("+") and current is not None:
            word = (line[1:].split() or [""])[0].rstrip("_").lower()
            if word and "_" not in word and "-" not in word and word not in current:
                current.append(word)
        elif line.startswith("---"):
            current = None
    return sets


def _pattern(body: str, synsets: dict[str, list[str]]) -> tuple[list[str], list[str], tuple[str, ...] | None]:
    """Particles, object words and target slots of a pattern body such as "* OUT VIEWS (TO)"."""
    tokens = _TOKEN.findall(body)
    if "*" not in tokens:
        raise _Skip("no verb marker")
    if tokens.index("*"):
        raise _Skip("words before the verb")
    particles: list[str] = []
    objects: list[str] = []
    target: str | None = None  # "dobj" or a preposition
    post = tokens[1:]
    i = 0
    while i < len(post):
        tok = post[i]
        nxt = post[i + 1] if i + 1 < len(post) else None
        if target is not None:
            raise _Skip("words after the target")
        if tok.startswith("{"):
            raise _Skip("noun phrase")
        if tok.startswith("("):
            inner = tok[1:-1].split()
            if not inner or inner[0].lower() not in PARTICLES or inner[1:] not in ([], ["+"]):
                raise _Skip("prepositional phrase with words")
            target = inner[0].lower()
            i += nxt == "+" and len(inner) == 1  # "(AGAINST) +" says the same as "(AGAINST +)"
        elif tok == "+":
            if target is None and objects:
                raise _Skip("target after an object")
            target = target or "dobj"
        elif tok in ("$", "^", "%"):
            raise _Skip({"$": "source marker", "^": "skip marker", "%": "compound marker"}[tok])
        elif tok.startswith("&"):
            if tok not in synsets or not synsets[tok]:
                raise _Skip("synset not expandable")
            if objects:
                raise _Skip("more than one object word")
            objects = list(synsets[tok])
        elif not _WORD.match(tok):
            raise _Skip("hyphenated or joined word")
        elif tok.lower() in PARTICLES and nxt == "+":
            target = tok.lower()
            i += 1
        elif tok.lower() in PARTICLES and not objects:
            particles.append(tok.lower())
        elif objects:
            raise _Skip("more than one object word")
        else:
            objects = [tok.lower()]
        i += 1
    if target == "dobj":
        slots: tuple[str, ...] | None = ("dobj",)
    elif target:
        slots = (f"obj-prep:{target}", f"prep:{target}") if objects else (f"prep:{target}",)
    else:
        slots = OBJECT_TARGETS if objects else None
    return particles, objects, slots


def import_petrarch_verbs(path: str | Path, cameo: CameoTable | None = None) -> tuple[dict, ImportStats]:
    """A PETRARCH-2 / TABARI verb dictionary as a detente pattern dictionary, with the skip statistics."""
    path = Path(path)
    try:
        raw = path.read_bytes()
        text = raw.decode("utf-8", errors="replace")
    except OSError as exc:
        raise DataError(E.E030.format(path=path, detail=exc)) from None
    cameo = cameo or load_cameo()
    stats = ImportStats(path.name)
    lines = [line.rstrip() for line in text.splitlines()]
    synsets = _synsets([ln for ln in lines if not ln.startswith("#")])
    if not any(_HEADER.match(ln) for ln in lines):
        raise DataError(E.E030.format(path=path, detail="no '--- VERB [code] ---' blocks: not a PETRARCH/TABARI verb dictionary"))

    patterns: list[dict] = []
    seen: set[tuple] = set()
    per_code: Counter = Counter()

    def add(code: str, verbs: list[str], objects: list[str], slots, reciprocal: bool, note: str) -> bool:
        key = (code, tuple(verbs), tuple(objects), slots, reciprocal)
        if key in seen:
            return False
        seen.add(key)
        per_code[code] += 1
        entry: dict = {"id": f"petr.{code}.{per_code[code]}", "code": code, "verbs": verbs}
        if objects:
            entry["object"] = objects
        if slots:
            entry["target"] = list(slots)
        if reciprocal:
            entry["reciprocal"] = True
        entry["note"] = note
        patterns.append(entry)
        return True

    blocks: list[tuple[str, str, list[tuple[str, str | None]], list[str]]] = []  # name, code, verbs, pattern lines
    for line in lines:  # everything before the first "--- VERB [code] ---" header is synonym sets
        if not line.strip() or line.startswith("#"):
            continue
        header = _HEADER.match(line)
        if header:
            blocks.append((header.group(1), header.group(2), [], []))
        elif line.startswith("~") and blocks:  # transformations: whole-sentence rewrites, nothing like them here
            stats.patterns_read += 1
            stats.skipped["transformation"] += 1
        elif not blocks:
            continue
        elif line.startswith("-"):
            blocks[-1][3].append(line)
        else:
            stats.verbs_read += 1
            try:
                blocks[-1][2].append(_verb_entry(re.split(r"[#;]", line, maxsplit=1)[0].strip()))
            except _Skip as why:
                stats.verbs_skipped[str(why)] += 1

    verbs_used: set[str] = set()
    for name, block_code, verb_lines, pattern_lines in blocks:
        verbs = list(dict.fromkeys(v for v, _ in verb_lines))
        by_code: dict[tuple[str, bool], list[str]] = {}
        for verb, own in verb_lines:  # bare verbs: a verb's own code, else the block's; [---] gives none
            try:
                group = by_code.setdefault(_code(own if own else block_code, cameo), [])
            except _Skip:
                continue
            if verb not in group:
                group.append(verb)
        for (code, reciprocal), group in by_code.items():
            if add(code, group, [], None, reciprocal, f"PETRARCH verb block {name}"):
                stats.verb_patterns += 1
                verbs_used.update(group)
        for line in pattern_lines:
            stats.patterns_read += 1
            body, _, comment = line[1:].partition("#")
            try:
                m = _CODE.search(body)
                if not m:
                    raise _Skip("no code")
                code, reciprocal = _code(m.group(1), cameo)
                particles, objects, slots = _pattern(body[: m.start()], synsets)
                entries = [v for v in (f"{v} {' '.join(particles)}".strip() for v in verbs) if len(v.split()) <= _MAX_WORDS]
                if not entries:
                    raise _Skip("no usable verb in block")
                reverse = m.group(1).partition(":")[2]
                note = f"PETRARCH {name}: {' '.join(body[: m.start()].split())} [{m.group(1).strip()}]"
                if comment.strip():
                    note += f" ({comment.strip()})"
                if not add(code, list(dict.fromkeys(entries)), objects, slots, reciprocal, note):
                    raise _Skip("duplicate")
                stats.reverse_dropped += bool(reverse and not reciprocal)
                stats.patterns_imported += 1
                verbs_used.update(entries)
            except _Skip as why:
                stats.skipped[str(why)] += 1
    stats.verbs_imported = _count_verbs(blocks, verbs_used)
    log.info("%s", stats.summary())
    data = {
        "name": f"petrarch-{path.stem.lower()}",
        "version": hashlib.sha256(raw).hexdigest()[:12],
        "description": f"Imported by detente from the PETRARCH-2/TABARI verb dictionary {stats.summary()}.",
        "patterns": patterns,
    }
    return data, stats


def _count_verbs(blocks, used: set[str]) -> int:
    """Distinct dictionary verbs that ended up in at least one pattern."""
    names = {v for b in blocks for v, _ in b[2]}
    return sum(1 for v in names if v in used or any(u.startswith(v + " ") for u in used))


def read_petrarch_verbs(path: str | Path, cameo: CameoTable | None = None) -> dict:
    """The pattern dictionary only; see :func:`import_petrarch_verbs` for the statistics."""
    return import_petrarch_verbs(path, cameo)[0]
