"""Users' own actor files (YAML, see docs/actors.md) and an importer for Phoenix/PETRARCH-2 actor
and agent dictionaries, so a team's existing dictionaries come along.

The importer keeps names, codes and date restrictions and counts what it drops
and why; it writes detente's YAML, which the coder then reads like any user file.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import yaml

from ..errors import E, DataError

_CODE = re.compile(r"^(?:[A-Z]{3})+$|^---(?:[A-Z]{3})+$")
_TERM = re.compile(r"^\[\s*~?([A-Z-]+)\s*(?:([<>]?)(\d{6,8})(?:-(\d{6,8}))?)?\s*\]$")
_ENTRY = re.compile(r"^([^\[\]{}#]+?)\s*(?:\{[^}]*\}\s*)?(?:\[\s*~?([A-Z]+)\s*\])?\s*$")
_MACRO = re.compile(r"^(![A-Z]+!)\s*=\s*(.+)$")
#: two-digit years up to this are 20xx, above it 19xx (the dictionaries date from 2014)
_PIVOT = 30


@dataclass(frozen=True)
class Term:
    code: str
    start: date | None
    end: date | None
    role: str = ""


@dataclass(frozen=True)
class ActorEntry:
    """One named actor of a user file: a fixed code, dated terms, or both (the code outside the terms)."""

    names: tuple[str, ...]
    code: str | None
    terms: tuple[Term, ...]


@dataclass(frozen=True)
class ActorFile:
    name: str
    version: str
    case_insensitive: bool
    actors: tuple[ActorEntry, ...]
    agents: dict[str, str]  # lower-case agent noun → sector code

    @property
    def label(self) -> str:
        return f"{self.name}@{self.version}"


def read_actor_file(path: Path) -> ActorFile:
    """A user actor file, checked: every code well formed, every date ISO."""
    try:
        data = yaml.safe_load(Path(path).read_text("utf-8")) or {}
    except (OSError, yaml.YAMLError, ValueError) as exc:  # ValueError: a date YAML reads but the calendar lacks
        raise DataError(E.E030.format(path=path, detail=exc)) from None
    actors = []
    for n, entry in enumerate(data.get("actors") or [], start=1):
        names = tuple(str(x) for x in entry.get("names") or [])
        code = entry.get("code")
        terms = tuple(_term(t, path, n) for t in entry.get("terms") or [])
        if not names or not (code or terms) or (code and not _CODE.match(str(code))):
            raise DataError(E.E030.format(path=path, detail=f"actor #{n} needs names and a well-formed code or terms"))
        actors.append(ActorEntry(names, str(code) if code else None, terms))
    agents = {str(k).lower(): str(v) for k, v in (data.get("agents") or {}).items()}
    if any(not _CODE.match(v) for v in agents.values()):
        raise DataError(E.E030.format(path=path, detail="an agent's sector code is not in capitals"))
    return ActorFile(
        str(data.get("name") or Path(path).stem), str(data.get("version") or "unversioned"),
        str(data.get("match") or "exact") == "any-case", tuple(actors), agents,
    )


def _term(raw: dict, path: Path, n: int) -> Term:
    try:
        code = str(raw["code"])
        start = date.fromisoformat(str(raw["start"])) if raw.get("start") else None
        end = date.fromisoformat(str(raw["end"])) if raw.get("end") else None
    except (KeyError, TypeError, ValueError) as exc:
        raise DataError(E.E030.format(path=path, detail=f"actor #{n}: bad term {raw!r} ({exc})")) from None
    if not _CODE.match(code):
        raise DataError(E.E030.format(path=path, detail=f"actor #{n}: bad code {code!r}"))
    return Term(code, start, end, str(raw.get("role") or ""))


# -- Phoenix / PETRARCH-2 importer ------------------------------------------------


@dataclass
class ActorImportStats:
    source: str
    actors: int = 0
    names: int = 0
    terms: int = 0
    agents: int = 0
    skipped: Counter = field(default_factory=Counter)

    def summary(self) -> str:
        reasons = ", ".join(f"{r}: {n}" for r, n in self.skipped.most_common()) or "none"
        return f"{self.source}: {self.actors} actors ({self.names} names, {self.terms} dated terms), {self.agents} agent nouns; skipped {reasons}"


def _phoenix_date(digits: str) -> date:
    if len(digits) == 8:
        return date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
    year = int(digits[:2])
    return date(2000 + year if year <= _PIVOT else 1900 + year, int(digits[2:4]), int(digits[4:]))


def _phoenix_name(raw: str) -> str | None:
    """"NURI_AL_MALIKI_" → "nuri al maliki"; None for entries our matcher cannot read."""
    name = raw.strip().lstrip("+").strip().rstrip("_").replace("_", " ").strip().lower()
    if not name or any(ch in name for ch in "!{}[]<>+*"):
        return None
    return re.sub(r"\s+", " ", name)


def import_phoenix_actors(paths: list[Path]) -> tuple[dict, ActorImportStats]:
    """Phoenix .actors and agents files → detente's actor YAML (as a dict) and what was kept."""
    stats = ActorImportStats(", ".join(Path(p).name for p in paths))
    actors: list[dict] = []
    agents: dict[str, str] = {}
    for path in paths:
        lines = Path(path).read_text("utf-8", errors="replace").splitlines()
        if any(_MACRO.match(line) for line in lines[:200]):
            _read_agents(lines, agents, stats)
        else:
            _read_actors(lines, actors, stats)
    stats.actors, stats.agents = len(actors), len(agents)
    data = {
        "name": "phoenix-import",
        "version": "1",
        "description": f"Imported by detente from {stats.source}",
        "match": "any-case",
        "actors": actors,
        "agents": agents,
    }
    return data, stats


def _read_actors(lines: list[str], actors: list[dict], stats: ActorImportStats) -> None:
    current: dict | None = None

    def close() -> None:
        if current and current["names"] and (current.get("code") or current.get("terms")):
            actors.append(current)
            stats.names += len(current["names"])
        elif current:
            stats.skipped["no code"] += 1

    for raw in lines:
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        stripped = line.strip()
        if stripped.startswith("["):
            term = _TERM.match(stripped)
            if current is None or term is None:
                stats.skipped["unreadable code line"] += 1
                continue
            code, side, first, second = term.groups()
            if not _CODE.match(code):
                stats.skipped["malformed code"] += 1
                continue
            if not first:
                current["code"] = code
                continue
            try:
                start, end = _phoenix_date(first), _phoenix_date(second) if second else None
            except ValueError:
                stats.skipped["bad date"] += 1
                continue
            if side == "<":
                start, end = None, start
            current.setdefault("terms", []).append({"code": code, "start": start.isoformat() if start else None, "end": end.isoformat() if end else None})
            stats.terms += 1
            continue
        if stripped.startswith("+"):
            name = _phoenix_name(stripped)
            if current is not None and name:
                if name not in current["names"]:
                    current["names"].append(name)
            else:
                stats.skipped["unreadable name"] += 1
            continue
        if raw[:1].isspace():
            stats.skipped["unreadable line"] += 1
            continue
        entry = _ENTRY.match(stripped)
        close()
        current = None
        name = _phoenix_name(entry.group(1)) if entry else None
        if name is None:
            stats.skipped["unreadable name"] += 1
            continue
        current = {"names": [name]}
        if entry.group(2) and _CODE.match(entry.group(2)):
            current["code"] = entry.group(2)
        elif entry.group(2):
            stats.skipped["malformed code"] += 1
    close()


def _read_agents(lines: list[str], agents: dict[str, str], stats: ActorImportStats) -> None:
    macros: dict[str, list[str]] = {}
    for raw in lines:
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        macro = _MACRO.match(line)
        if macro:
            macros[macro.group(1)] = [w.strip() for w in macro.group(2).split(",") if w.strip()]
            continue
        found = re.match(r"^([A-Z0-9_!'.&-]+)\s*(?:\{([^}]*)\})?\s*\[~?([A-Z]+)[\]}]", line)
        if not found:
            stats.skipped["unreadable agent line"] += 1
            continue
        term, plurals, code = found.groups()
        forms = [term, *(plurals or "").split()]
        for form in forms:
            for expanded in _expand(form, macros):
                name = _phoenix_name(expanded)
                if name:
                    agents.setdefault(name, code)


def _expand(form: str, macros: dict[str, list[str]]) -> list[str]:
    for macro, words in macros.items():
        if macro in form:
            return [x for w in words for x in _expand(form.replace(macro, w, 1), macros)]
    return [form]
