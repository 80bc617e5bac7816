"""Load detente's versioned data tables (CAMEO codes, actors) from package data or a user path."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path
from typing import Iterator

import yaml

from .actor_files import ActorFile, read_actor_file
from ..errors import E, DataError


def data_path(*parts: str) -> Path:
    return Path(str(resources.files("detente").joinpath("data", *parts)))


def read_csv(path: Path) -> Iterator[dict[str, str]]:
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(line for line in fh if not line.startswith("#")):
                yield {k.strip(): (v or "").strip() for k, v in row.items() if k}
    except (OSError, csv.Error, UnicodeDecodeError) as exc:
        raise DataError(E.E030.format(path=path, detail=exc)) from None


def split_list(cell: str) -> list[str]:
    return [item.strip() for item in cell.split("|") if item.strip()]


def manifest_version(directory: Path) -> str:
    manifest = directory / "manifest.yaml"
    if not manifest.is_file():
        return "unversioned"
    return str((yaml.safe_load(manifest.read_text("utf-8")) or {}).get("version", "unversioned"))


@dataclass(frozen=True)
class CodeInfo:
    code: str
    name: str
    root: str
    goldstein: float
    quad_class: int
    plover_type: str | None
    plover_mode: str | None


@dataclass(frozen=True, eq=False)  # hashed by identity: one table per load
class CameoTable:
    codes: dict[str, CodeInfo]
    version: str

    def __getitem__(self, code: str) -> CodeInfo:
        return self.codes[code]

    def __contains__(self, code: object) -> bool:
        return code in self.codes


@lru_cache(maxsize=4)
def load_cameo(directory: Path | None = None) -> CameoTable:
    directory = directory or data_path("cameo")
    codes: dict[str, CodeInfo] = {}
    for row in read_csv(directory / "codes.csv"):
        try:
            codes[row["code"]] = CodeInfo(
                code=row["code"],
                name=row["name"],
                root=row["root"],
                goldstein=float(row["goldstein"]),
                quad_class=int(row["quad_class"]),
                plover_type=row.get("plover_type") or None,
                plover_mode=row.get("plover_mode") or None,
            )
        except (KeyError, ValueError) as exc:
            raise DataError(E.E030.format(path=directory / "codes.csv", detail=f"row {row}: {exc}")) from None
    return CameoTable(codes, manifest_version(directory))


@dataclass(frozen=True)
class Office:
    code: str
    role: str
    start: date | None
    end: date | None

    def covers(self, when: date) -> bool:
        return (self.start is None or self.start <= when) and (self.end is None or when <= self.end)


@dataclass
class Person:
    name: str
    aliases: set[str] = field(default_factory=set)
    offices: list[Office] = field(default_factory=list)
    wikidata: str | None = None
    default_code: str | None = None  # the code outside every dated office, when a dictionary gives one
    kind: str = "person"  # or "party": a party in government is coded GOV for those years

    def office_at(self, when: date | None) -> Office | None:
        """The office held on ``when``; without a date, the latest one."""
        if not self.offices:
            return None
        if when is None:
            return self.offices[-1]
        for office in self.offices:
            if office.covers(when):
                return office
        return None


_OFFICE_KINDS = (  # first match wins: "President of the Government of Spain" heads the government
    ("secretary_general", re.compile(r"secretary[- ]general", re.I)),
    ("foreign", re.compile(r"foreign|external affairs|secretary of state\b(?! for)", re.I)),
    ("defence", re.compile(r"defen[cs]e", re.I)),
    ("interior", re.compile(r"interior|internal affairs|\bhome (affairs|secretary|minister)\b|public security", re.I)),
    ("finance", re.compile(r"\bfinance\b|exchequer|treasury", re.I)),
    ("head_of_government", re.compile(r"prime minister|premier|chancellor(?! of the exchequer)|president of the government|"
                                      r"head of government|chief executive|chairman of the council of ministers", re.I)),
    ("head_of_state", re.compile(r"^(president|king|queen|emir|sultan|supreme leader|head of state|grand duke|"
                                 r"chairman of the presidency|chair of the presidency)\b", re.I)),
)


def office_kind(role: str) -> str | None:
    """What kind of office a role names, for titles without a name ("the prime minister")."""
    if re.search(r"\b(vice|deputy|first lady)\b", role, re.I):
        return None
    return next((kind for kind, pattern in _OFFICE_KINDS if pattern.search(role)), None)


@dataclass(frozen=True)
class ActorTables:
    """Every name detente knows, by kind, with the code it stands for."""

    countries: dict[str, str]  # surface name or demonym → ISO3
    demonyms: frozenset[str]  # the keys of ``countries`` that are adjectives/peoples
    metonyms: dict[str, str]  # "Washington" → USAGOV
    organizations: dict[str, str]  # IGO and non-state group names → code
    people: dict[str, Person]  # canonical name → Person
    person_names: dict[str, list[str]]  # full name or alias → canonical names sharing it
    sectors: dict[str, str]  # lowercase lemma phrase → sector code
    version: str
    any_case: frozenset[str] = frozenset()  # names (of people or organisations) matched whatever their case
    gleditsch_ward: dict[str, str] = field(default_factory=dict)  # ISO3 → Gleditsch-Ward state code

    @cached_property
    def office_holders(self) -> dict[tuple[str, str], list[tuple[Office, Person]]]:
        """(country, kind of office) → the terms and their holders: who "the Iraqi prime minister" was."""
        index: dict[tuple[str, str], list[tuple[Office, Person]]] = {}
        for person in self.people.values():
            for office in person.offices:
                kind = office_kind(office.role)
                if kind and office.code[:3].isalpha():
                    index.setdefault((office.code[:3], kind), []).append((office, person))
        return index

    def holder(self, country: str, kind: str, when: date | None) -> tuple[Office, Person] | None:
        """The one person holding that office on ``when`` (None when no date, nobody or several)."""
        if when is None:
            return None
        found = [(o, p) for o, p in self.office_holders.get((country, kind), ()) if o.covers(when)]
        return found[0] if len({p.name for _, p in found}) == 1 else None


def _date(cell: str, path: Path) -> date | None:
    if not cell:
        return None
    try:
        return date.fromisoformat(cell)
    except ValueError:
        raise DataError(E.E030.format(path=path, detail=f"bad date {cell!r}")) from None


def _people_files(directory: Path) -> list[Path]:
    """people.csv, then the regional tables under people/ (heads of state and government,
    foreign and defence ministers); rows for the same name merge into one person."""
    return [directory / "people.csv", *sorted((directory / "people").glob("*.csv"))]


@lru_cache(maxsize=4)
def load_actors(directory: Path | None = None, extra: tuple[Path, ...] = ()) -> ActorTables:
    """The bundled tables, plus users' actor files (docs/actors.md): later names and offices add to earlier ones."""
    directory = directory or data_path("actors")
    countries: dict[str, str] = {}
    demonyms: set[str] = set()
    gleditsch_ward: dict[str, str] = {}
    for row in read_csv(directory / "countries.csv"):
        if row.get("gw"):
            gleditsch_ward[row["iso3"]] = row["gw"]
        adjectives = split_list(row.get("demonyms", ""))
        demonyms.update(adjectives)
        for name in [row["name"], *split_list(row.get("aliases", "")), *adjectives]:
            countries.setdefault(name, row["iso3"])
    metonyms = {row["term"]: row["code"] for row in read_csv(directory / "metonyms.csv")}
    organizations: dict[str, str] = {}
    for table in ("international.csv", "groups.csv", "media.csv"):
        for row in read_csv(directory / table):
            for name in [row["name"], *split_list(row.get("aliases", ""))]:
                organizations.setdefault(name, row["code"])
    people: dict[str, Person] = {}
    person_names: dict[str, list[str]] = {}
    for path in _people_files(directory):
        for row in read_csv(path):
            person = people.setdefault(row["name"], Person(row["name"]))
            person.wikidata = person.wikidata or row.get("wikidata") or None
            person.aliases.update(split_list(row.get("aliases", "")))
            office = Office(row["code"], row.get("role", ""), _date(row.get("start", ""), path), _date(row.get("end", ""), path))
            if office not in person.offices:
                person.offices.append(office)
    sectors = {row["term"].lower(): row["sector"] for row in read_csv(directory / "sectors.csv")}
    any_case: set[str] = set()
    versions = [manifest_version(directory)]
    parties = directory / "parties.yaml"
    if parties.exists():  # parties with the years they led the government, in the actor-file format
        bundled = read_actor_file(parties)
        versions.append(bundled.label)
        _add_user_actors(bundled, people, organizations, any_case, kind="party")
    for path in extra:
        added = read_actor_file(path)
        versions.append(added.label)
        _add_user_actors(added, people, organizations, any_case)
        sectors.update(added.agents)
    for person in people.values():
        person.offices.sort(key=lambda o: o.start or date.min)
        for name in [person.name, *person.aliases]:
            holders = person_names.setdefault(name, [])
            if person.name not in holders:
                holders.append(person.name)
    return ActorTables(countries, frozenset(demonyms), metonyms, organizations, people, person_names, sectors, "+".join(versions),
                       frozenset(any_case), gleditsch_ward)


def _add_user_actors(added: ActorFile, people: dict[str, Person], organizations: dict[str, str], any_case: set[str],
                     kind: str = "person") -> None:
    for entry in added.actors:
        if added.case_insensitive:
            any_case.update(entry.names)
        if not entry.terms:
            for name in entry.names:
                organizations[name] = entry.code or ""
            continue
        person = people.setdefault(entry.names[0], Person(entry.names[0], kind=kind))
        person.aliases.update(entry.names[1:])
        person.default_code = entry.code or person.default_code
        for term in entry.terms:
            office = Office(term.code, term.role, term.start, term.end)
            if office not in person.offices:
                person.offices.append(office)


def search_actors(tables: ActorTables, query: str = "", code: str = "", when: date | None = None, limit: int = 50) -> list[dict]:
    """Names in the knowledge base whose name or alias contains ``query`` (any case) and whose code starts
    with ``code``; people show their office on ``when`` (all offices without a date). People in office on
    ``when`` come first."""
    needle = query.lower()
    found: list[dict] = []
    for person in tables.people.values():
        names = [person.name, *sorted(person.aliases)]
        if needle and not any(needle in n.lower() for n in names):
            continue
        offices = [person.office_at(when)] if when else person.offices
        offices = [o for o in offices if o is not None and o.code.startswith(code)]
        if not offices and (when or code):
            continue
        found.append({
            "name": person.name, "kind": "person", "aliases": sorted(person.aliases), "wikidata": person.wikidata,
            "offices": [{"code": o.code, "role": o.role, "start": o.start, "end": o.end} for o in offices],
        })
    for kind, table in (("country", tables.countries), ("capital", tables.metonyms), ("organisation", tables.organizations)):
        for name, value in table.items():
            if (not needle or needle in name.lower()) and value.startswith(code) and not (when and not needle):
                found.append({"name": name, "kind": kind, "code": value, "gw": tables.gleditsch_ward.get(value[:3])})
    found.sort(key=lambda r: (r["name"].lower() != needle, r["kind"] != "person", not r.get("offices"), r["name"]))
    return found[:limit]
