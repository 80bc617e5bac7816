"""Dyad series: how two parties treat each other period by period, over deduplicated events.

Counting raw event rows overstates whatever many outlets repeat, so every
figure here is computed over the field's *one-a-day* filter: events with the
same date, source, target and code count once, and the number of mentions,
articles, independent stories (copies of one text count once) and outlets is
kept beside each as a weight. Counts are also divided by the period's total
event volume, so that a surge of news is not read as a crisis.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Sequence

from ..coding.tables import load_actors
from ..errors import E, AnalysisError
from ..store import NOT_COUNTED_MODALITIES, Store

PERIODS = ("day", "week", "month")
LEVELS = ("state", "all")
#: sectors that act for a state: the country itself, its government, and its armed and security
#: forces (military, intelligence, police), whose acts toward another state are acts of the state
STATE_SECTORS = ("", "GOV", "MIL", "SPY", "COP")
#: modalities left out of series by default: events that did not happen at the time
EXCLUDED_MODALITIES = NOT_COUNTED_MODALITIES


def raw_sql(where: str = "TRUE", modalities_excluded: Sequence[str] = EXCLUDED_MODALITIES, with_url: bool = False) -> str:
    """SQL for the current events that can go in a series (alias ``e``), each with its day, story, outlet and article date.

    The day is the event's resolved date, else its article's; a story is an
    article or the first article with the same text (copies count once). Both
    are stored on each event, so this reads one table; ``with_url`` joins the
    articles (alias ``a``) for their URL.
    """
    excluded = ", ".join("'" + m.replace("'", "") + "'" for m in modalities_excluded) or "''"
    join = ", a.url AS url FROM current_events e JOIN articles a ON a.id = e.article_id" if with_url else " FROM current_events e"
    return f"""
        SELECT e.*{join}
        WHERE e.modality NOT IN ({excluded}) AND e.day IS NOT NULL AND ({where})"""


def deduplicated_sql(where: str = "TRUE", modalities_excluded: Sequence[str] = EXCLUDED_MODALITIES) -> str:
    """SQL for one row per (day, source, target, code), with its mentions as weights; ``where`` filters raw events."""
    return f"""
        SELECT day, source, target, code,
               any_value(root) AS root, any_value(quad_class) AS quad_class, any_value(goldstein) AS goldstein,
               any_value(plover_type) AS plover_type, any_value(plover_mode) AS plover_mode,
               any_value(source_country) AS source_country, any_value(target_country) AS target_country,
               arg_min(id, (article_date, article_id, sentence_idx, trigger_start)) AS event_id,
               list(id ORDER BY article_date, article_id, sentence_idx, trigger_start) AS mention_ids,
               list(DISTINCT story ORDER BY story) AS story_ids,
               count(*) AS mentions, count(DISTINCT article_id) AS articles,
               count(DISTINCT story) AS stories, count(DISTINCT outlet) AS sources,
               max(confidence) AS confidence
        FROM ({raw_sql(where, modalities_excluded)})
        GROUP BY day, source, target, code"""


def counted_sql(where: str = "TRUE", modalities_excluded: Sequence[str] = EXCLUDED_MODALITIES) -> str:
    """The one-a-day filter with only what counting needs (QuadClass, Goldstein, countries, mentions).

    Series and scans sum these; the weights and evidence of
    :func:`deduplicated_sql` cost four times as much over millions of events.
    """
    return f"""
        SELECT day, source, target, code, any_value(source_country) AS source_country,
               any_value(target_country) AS target_country, any_value(quad_class) AS quad_class,
               any_value(goldstein) AS goldstein, count(*) AS mentions
        FROM ({raw_sql(where, modalities_excluded)}) GROUP BY day, source, target, code"""


@dataclass(frozen=True)
class Dyad:
    """Two parties: a country (``USA``) or a code prefix (``USAGOV``, ``IGOUNO``) each.

    ``level="state"`` keeps, for a country, only the actors that act for the
    state (the country itself, its government, military, intelligence and
    police); ``"all"`` keeps every sector. ``directed`` counts only what ``a`` does to ``b``.
    """

    a: str
    b: str
    directed: bool = False
    level: str = "state"

    def __post_init__(self) -> None:
        if self.level not in LEVELS:
            raise AnalysisError(E.E064.format(level=self.level, choices=", ".join(LEVELS)))
        for actor in (self.a, self.b):
            if not actor or not actor.replace("-", "").isalnum():
                raise AnalysisError(E.E061.format(actor=actor))

    def _side(self, column: str, actor: str, alias: str) -> tuple[str, list[Any]]:
        actor = actor.upper()
        if actor in _countries():
            sql = f"{alias}.{column}_country = ?"
            if self.level == "state":
                sql += f" AND substr({alias}.{column}, 4, 3) IN ({', '.join('?' * len(STATE_SECTORS))})"
                return f"({sql})", [actor, *STATE_SECTORS]
            return f"({sql})", [actor]
        return f"({alias}.{column} LIKE ?)", [actor + "%"]

    def where(self, alias: str = "e") -> tuple[str, list[Any]]:
        """The SQL condition (and parameters) for events of this dyad, in the table or subquery named ``alias``."""
        sa, pa = self._side("source", self.a, alias)
        tb, pb = self._side("target", self.b, alias)
        forward, params = f"({sa} AND {tb})", pa + pb
        if self.directed:
            return forward, params
        sb, pb2 = self._side("source", self.b, alias)
        ta, pa2 = self._side("target", self.a, alias)
        return f"({forward} OR ({sb} AND {ta}))", params + pb2 + pa2

    @property
    def is_country_pair(self) -> bool:
        """Two countries, both ways: the dyads a scan finds."""
        countries = _countries()
        return not self.directed and self.a.upper() in countries and self.b.upper() in countries

    @property
    def label(self) -> str:
        return f"{self.a}{'->' if self.directed else '<->'}{self.b}"


def _countries() -> frozenset[str]:
    return frozenset(load_actors().countries.values())


def check_period(period: str) -> str:
    if period not in PERIODS:
        raise AnalysisError(E.E060.format(period=period, choices=", ".join(PERIODS)))
    return period


def day_bounds(since: date | None, until: date | None) -> tuple[str, list[Any]]:
    """The SQL condition (and parameters) keeping events (alias ``e``) dated ``since``..``until``, either end open."""
    where, params = [], []
    if since:
        where.append("e.day >= ?")
        params.append(since)
    if until:
        where.append("e.day <= ?")
        params.append(until)
    return " AND ".join(where) or "TRUE", params


def series(
    store: Store,
    dyad: Dyad,
    period: str = "week",
    since: date | None = None,
    until: date | None = None,
    modalities_excluded: Sequence[str] = EXCLUDED_MODALITIES,
) -> list[dict[str, Any]]:
    """One row per period over the articles' dates (or ``since``..``until``), empty periods included.

    Each row: deduplicated event counts (all, per QuadClass, conflict = QuadClass
    3+4), Goldstein sum and mean, conflict share, mentions, distinct articles
    and stories, the period's total event volume over every dyad, and the
    dyad's events per 1,000 events of that volume.
    """
    check_period(period)
    bounds, bound_params = day_bounds(since, until)
    dyad_where, dyad_params = dyad.where()
    where = f"{dyad_where} AND {bounds}"
    bucket = f"date_trunc('{period}', day)::DATE"
    sql = f"""
        WITH d AS ({counted_sql(where, modalities_excluded)}),
             v AS ({volume_sql(bucket, modalities_excluded)}),
             arts AS (SELECT {bucket} AS period, count(DISTINCT article_id) AS articles
                      FROM ({raw_sql(where, modalities_excluded)}) GROUP BY 1),
             agg AS (
                SELECT {bucket} AS period, count(*) AS events,
                       count(*) FILTER (quad_class = 1) AS verbal_cooperation,
                       count(*) FILTER (quad_class = 2) AS material_cooperation,
                       count(*) FILTER (quad_class = 3) AS verbal_conflict,
                       count(*) FILTER (quad_class = 4) AS material_conflict,
                       sum(goldstein) AS goldstein_sum, avg(goldstein) AS goldstein_mean, sum(mentions) AS mentions
                FROM d GROUP BY 1),
             span AS (SELECT coalesce(?::DATE, date_trunc('{period}', min(date))::DATE) AS lo,
                              coalesce(?::DATE, date_trunc('{period}', max(date))::DATE) AS hi FROM articles),
             periods AS (SELECT g::DATE AS period FROM span, generate_series(span.lo, span.hi, INTERVAL 1 {period}) AS t(g)
                         WHERE span.lo IS NOT NULL)
        SELECT p.period, coalesce(events, 0) AS events,
               coalesce(verbal_cooperation, 0) AS verbal_cooperation, coalesce(material_cooperation, 0) AS material_cooperation,
               coalesce(verbal_conflict, 0) AS verbal_conflict, coalesce(material_conflict, 0) AS material_conflict,
               coalesce(goldstein_sum, 0) AS goldstein_sum, goldstein_mean,
               (verbal_conflict + material_conflict) / nullif(events, 0) AS conflict_share,
               coalesce(mentions, 0) AS mentions, coalesce(articles, 0) AS articles, coalesce(volume, 0) AS volume,
               1000.0 * coalesce(events, 0) / nullif(volume, 0) AS events_per_1k,
               1000.0 * coalesce(verbal_conflict + material_conflict, 0) / nullif(volume, 0) AS conflict_per_1k
        FROM periods p LEFT JOIN agg USING (period) LEFT JOIN v USING (period) LEFT JOIN arts USING (period)
        ORDER BY p.period"""
    params = dyad_params + bound_params
    start = date_trunc(period, since) if since else None
    end = date_trunc(period, until) if until else None
    rows = store.query(sql, [*params, *params, start, end])
    for row in rows:
        for key in ("goldstein_sum", "goldstein_mean", "conflict_share", "events_per_1k", "conflict_per_1k"):
            if row[key] is not None:
                row[key] = round(float(row[key]), 4)
    return rows


def volume_sql(bucket: str, modalities_excluded: Sequence[str] = EXCLUDED_MODALITIES) -> str:
    """Deduplicated events of every dyad per period: the stored per-day volume, or counted when other modalities count."""
    if tuple(modalities_excluded) == EXCLUDED_MODALITIES:
        return f"SELECT {bucket} AS period, sum(events) AS volume FROM day_volume GROUP BY 1"
    return f"""SELECT {bucket} AS period, count(*) AS volume
               FROM (SELECT DISTINCT day, source, target, code FROM ({raw_sql('TRUE', modalities_excluded)})) GROUP BY 1"""


def date_trunc(period: str, day: date) -> date:
    """The first day of the period that holds ``day`` (weeks start on Monday, as in DuckDB)."""
    from datetime import timedelta

    if period == "week":
        return day - timedelta(days=day.weekday())
    if period == "month":
        return day.replace(day=1)
    return day


def state_sql(alias: str = "e") -> str:
    """The SQL condition that both sides of an event (in ``alias``) act for a state."""
    sectors = ", ".join(f"'{s}'" for s in STATE_SECTORS)
    return f"substr({alias}.source, 4, 3) IN ({sectors}) AND substr({alias}.target, 4, 3) IN ({sectors})"


def country_pair_sql(level: str = "state", alias: str = "e") -> str:
    """The SQL condition for events between two different countries, at the state level or any."""
    sql = f"{alias}.source_country IS NOT NULL AND {alias}.target_country IS NOT NULL AND {alias}.source_country <> {alias}.target_country"
    return f"{sql} AND {state_sql(alias)}" if level == "state" else sql


def active_dyads(
    store: Store,
    min_events: int = 5,
    level: str = "state",
    since: date | None = None,
    until: date | None = None,
) -> list[dict[str, Any]]:
    """Country pairs (undirected, country != country) with at least ``min_events`` deduplicated events."""
    bounds, params = day_bounds(since, until)
    sql = counted_sql(f"{country_pair_sql(level)} AND {bounds}")
    return store.query(
        f"""SELECT least(source_country, target_country) AS a, greatest(source_country, target_country) AS b,
                   count(*) AS events, sum(mentions) AS mentions
            FROM ({sql}) GROUP BY 1, 2 HAVING count(*) >= ? ORDER BY events DESC, a, b""",
        [*params, min_events],
    )


__all__ = ["Dyad", "PERIODS", "LEVELS", "STATE_SECTORS", "EXCLUDED_MODALITIES", "raw_sql", "deduplicated_sql", "counted_sql", "volume_sql", "day_bounds", "state_sql", "country_pair_sql", "series", "active_dyads", "check_period"]
