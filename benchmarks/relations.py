"""How fast dyad series and breaking-point scans run on a large synthetic store.

Builds (or reuses) a synthetic detente database, then times the analysis
functions a user waits on, each call through a fresh ``Store`` connection as
the CLI makes them:

* ``series(store, Dyad(a, b), period)`` for a heavy dyad (USA<->IRQ) and a
  light one, weekly and monthly (``--repeat`` times; median and min);
* ``active_dyads(store)``;
* ``scan(store, dyads=...)`` over a sample of 20 of the 1,000 most active
  dyads, then over exactly those 1,000, then ``scan(store)`` over every
  active country dyad (``--scan-repeat`` times each, while they fit in
  ``--scan-budget``).

and prints them against the targets "series for one dyad over 10M events < 1 s"
and "scan 1,000 dyads < 10 s" (ratio = measured / target; above 1 misses).
Each scan also prints where its time went, by the function that sent the
query (the store is wrapped to time every ``Store.query`` and ``Store.arrow``);
``--profile FILE`` adds a cProfile of the sample scan. Scans run in a child
process that is stopped after ``--scan-budget`` seconds (default 900); a
stopped 1,000-dyad scan is reported as extrapolated from the sample (marked ~).

Run (from the repository root, after ``make setup``)::

    .venv/bin/python benchmarks/relations.py                      # 10M events; builds the DB once (~2 min, ~2.2 GB)
    .venv/bin/python benchmarks/relations.py --events 1000000 --db /tmp/detente-bench-1m.duckdb   # quick
    .venv/bin/python benchmarks/relations.py --only series        # skip the scans (or --only scan / build)

``make bench-relations`` runs it with the defaults; ``make bench`` runs benchmarks/code_throughput.py.
Timings on a busy machine are not comparable: run it alone (DuckDB uses every core).

The database (``--db``, default /tmp/detente-bench.duckdb) is created the way
the product creates one -- ``Store(path).writer()`` runs the migrations -- and
then bulk-loaded inside DuckDB (``range()`` and hash-based pseudo-random
numbers, so a given ``--events`` always gives the same data); columns that
schema v5 derives on write (events' day, story, article_date, outlet, current)
are filled the same way, and ``Store.refresh_volume()`` counts ``day_volume``.
It is reused when it holds the wanted number of events and was built by this
generator for the current schema version, else rebuilt; any other file at that
path is refused unless it is a benchmark database (``meta.bench_events`` set)
or ``--rebuild`` is given.

The synthetic data, over 10 years (2015-2024):

* articles: one per 3 events, from 300 outlets (Zipf), with news volume that
  swells and ebbs over the decade; 10% are copies of the previous article
  (``duplicate_of``, same ``text_sha``); ``text`` is a placeholder.
* runs: run ``r1`` coded every article; run ``r2`` re-coded 5% of them later
  (so those articles' events exist twice and ``current_events`` keeps r2's).
  ``--events`` counts current events; the events table holds 5% more rows.
* events: 70% between two countries, drawn from 1,500 country pairs with Zipf
  weights (USA<->IRQ about 12% of them, a long tail of pairs with tens of
  events); an article's events share its main dyad 70% of the time; 15%
  domestic (IRQGOV -> IRQREB); 15% with an IGO on one side (IGOUNO, no
  country). Actor codes are country + sector (``USAGOV``, ``RUSMIL``, ``IRQ``).
  Codes are drawn from detente's CAMEO table (root, QuadClass, Goldstein and
  PLOVER taken from it) with each dyad's conflict share, which shifts at a
  break day for 60% of dyads, so scans have real breaks to find. Modality is
  mostly ``asserted``; dates are the article's, a few days before, or unknown
  (NULL: the series falls back to the article's date); ``historical`` events
  are dated years back.
"""

from __future__ import annotations

import argparse
import cProfile
import multiprocessing
import os
import pstats
import random
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any, Callable, Sequence

import duckdb
import pyarrow as pa

from detente.analysis.breaks import scan
from detente.analysis.dyads import Dyad, active_dyads, series
from detente.coding.tables import load_actors, load_cameo
from detente.store import Store
from detente.store._schema import SCHEMA_VERSION

GENERATOR_VERSION = "3"
START = "2015-01-01"
DAYS = 3653  # 2015-01-01 .. 2024-12-31
N_PAIRS = 1500
N_OUTLETS = 300
PAIR_BUCKETS = 200_000  # resolution of the weighted draws (the lightest pair gets ~17 buckets)
CODE_BUCKETS = 10_000
RERUN_SHARE = 0.05
DUPLICATE_SHARE = 0.10
SERIES_TARGET = 1.0  # seconds, one dyad over 10M events
SCAN_TARGET = 10.0  # seconds, 1,000 dyads
SCAN_DYADS = 1000
HEAVY = ("USA", "IRQ")
LIGHT_RANK = 1000  # the light dyad: this rank among the planted pairs

# the heaviest pairs, in order; the rest of the 1,500 are drawn at random
HEAVY_PAIRS = [
    ("USA", "IRQ"), ("USA", "RUS"), ("USA", "CHN"), ("RUS", "UKR"), ("ISR", "PSE"), ("USA", "IRN"),
    ("USA", "AFG"), ("USA", "PRK"), ("IND", "PAK"), ("USA", "ISR"), ("CHN", "JPN"), ("USA", "SYR"),
    ("GBR", "USA"), ("FRA", "DEU"), ("KOR", "PRK"), ("TUR", "SYR"), ("IRN", "SAU"), ("CHN", "TWN"),
    ("RUS", "GEO"), ("ARM", "AZE"),
]
# actors speak for their state ("", GOV, MIL) most of the time
SECTORS = [("", 0.30), ("GOV", 0.38), ("MIL", 0.10), ("REB", 0.04), ("OPP", 0.04), ("COP", 0.03), ("SPY", 0.01),
           ("BUS", 0.03), ("MED", 0.03), ("CVL", 0.03), ("LEG", 0.01)]
OTHERS = ["IGOUNO", "IGOEUR", "IGONAT", "IGOAFR", "IGOARL", "NGOHRI", "IGOWTO", "IGOIMF"]
# share of events per CAMEO root, roughly as in news-coded event data
ROOT_WEIGHTS = {
    "01": 0.15, "02": 0.05, "03": 0.08, "04": 0.25, "05": 0.10, "06": 0.02, "07": 0.02, "08": 0.03,
    "09": 0.02, "10": 0.02, "11": 0.06, "12": 0.02, "13": 0.03, "14": 0.03, "15": 0.01, "16": 0.01,
    "17": 0.04, "18": 0.04, "19": 0.03, "20": 0.003,
}
#: the events columns the generator fills (inserted by name; those the schema lacks are left out)
GENERATED_COLUMNS = {
    "run_id", "id", "article_id", "sentence_idx", "sentence_start", "sentence_end", "trigger_start", "trigger_end",
    "trigger_text", "source", "target", "source_country", "target_country", "code", "root", "goldstein", "quad_class",
    "plover_type", "plover_mode", "date", "date_precision", "date_origin", "modality", "pattern_id", "confidence",
    "source_resolution", "target_resolution", "day", "story", "article_date", "outlet", "current",
}
MODALITIES = [("asserted", 0.86), ("intended", 0.03), ("threatened", 0.02), ("conditional", 0.01),
              ("negated", 0.03), ("hypothetical", 0.02), ("historical", 0.03)]


# -- building the database ---------------------------------------------------------
#
# Every random draw is u(row, purpose), a uniform on [0, 1) from a hash, and every
# weighted choice is a hash join on a bucket number: a lookup table holds, for each of
# B buckets, the item whose share of the total weight covers that bucket. Hash joins
# keep the order of the probe side, so events land in article (= date) order, as
# ingest writes them, with no sort.


def _buckets(items: list[dict[str, Any]], n: int, weight: str = "w") -> list[dict[str, Any]]:
    """``n`` rows (bucket, then the item's fields): item i fills a share of buckets proportional to its weight."""
    total = sum(item[weight] for item in items)
    out, edge, i = [], 0.0, 0
    for bucket in range(n):
        point = (bucket + 0.5) / n * total
        while edge + items[i][weight] < point and i < len(items) - 1:
            edge += items[i][weight]
            i += 1
        out.append({"bucket": bucket, **{k: v for k, v in items[i].items() if k != weight}})
    return out


def _pairs(rng: random.Random) -> list[dict[str, Any]]:
    """The country pairs, heaviest first (weight 1 / rank), each with its conflict share and break."""
    countries = sorted(set(load_actors().countries.values()))
    prominent = [c for pair in HEAVY_PAIRS for c in pair]
    others = [c for c in countries if c not in prominent]
    rng.shuffle(others)
    order = list(dict.fromkeys(prominent)) + others  # country prominence, most prominent first
    prominence = [1 / (i + 3) ** 0.9 for i in range(len(order))]
    seen = {tuple(sorted(p)) for p in HEAVY_PAIRS}
    pairs = [tuple(sorted(p)) for p in HEAVY_PAIRS]
    while len(pairs) < N_PAIRS:
        a, b = rng.choices(order, prominence, k=2)
        pair = tuple(sorted((a, b)))
        if a != b and pair not in seen:
            seen.add(pair)
            pairs.append(pair)
    rows = []
    for rank, (a, b) in enumerate(pairs, 1):
        base = rng.uniform(0.08, 0.45) if rank > len(HEAVY_PAIRS) else rng.uniform(0.3, 0.6)
        has_break = rng.random() < 0.6
        rows.append(dict(
            rank=rank, a=a, b=b, w=1.0 / rank, p_conflict=base,
            break_day=rng.randint(DAYS // 10, DAYS * 9 // 10) if has_break else DAYS + 1,
            shift=rng.choice([-1, 1]) * rng.uniform(0.15, 0.3) if has_break else 0.0,
        ))
    return rows


def _code_buckets() -> list[dict[str, Any]]:
    """CAMEO codes in buckets, separately for cooperation (QuadClass 1-2) and conflict (3-4)."""
    cameo = list(load_cameo().codes.values())
    by_root: dict[str, int] = defaultdict(int)
    for info in cameo:
        by_root[info.root] += 1
    out = []
    for conflict in (False, True):
        codes = [dict(conflict=conflict, code=i.code, root=i.root, goldstein=i.goldstein, quad_class=i.quad_class,
                      plover_type=i.plover_type, plover_mode=i.plover_mode, w=ROOT_WEIGHTS.get(i.root, 0.01) / by_root[i.root])
                 for i in sorted(cameo, key=lambda i: i.code) if (i.quad_class >= 3) == conflict]
        out += _buckets(codes, CODE_BUCKETS)
    return out


def _lookup_tables(con: duckdb.DuckDBPyConnection) -> None:
    pairs = _pairs(random.Random(20240101))
    tables = {
        "bench_pairs": [{k: v for k, v in p.items() if k != "w"} for p in pairs],
        "bench_pair_bucket": [dict(bucket=r["bucket"], rank=r["rank"]) for r in _buckets(pairs, PAIR_BUCKETS)],
        "bench_code_bucket": _code_buckets(),
        "bench_sector_bucket": _buckets([dict(sector=s, w=w) for s, w in SECTORS], 1000),
        "bench_modality_bucket": _buckets([dict(modality=m, w=w) for m, w in MODALITIES], 1000),
        "bench_outlet_bucket": _buckets([dict(outlet=f"outlet{i:03d}.example", w=1 / (i + 1) ** 0.8) for i in range(N_OUTLETS)], 10_000),
    }
    for name, rows in tables.items():
        con.register("_rows", pa.Table.from_pylist(rows))
        con.execute(f"CREATE OR REPLACE TEMP TABLE {name} AS SELECT * FROM _rows")
        con.unregister("_rows")


def _load(con: duckdb.DuckDBPyConnection, n_events: int, log: Callable[[str], None]) -> None:
    n_articles = -(-n_events // 3)
    con.execute("SET enable_progress_bar = false")
    con.execute("CREATE OR REPLACE TEMP MACRO u(x, salt) AS (hash(x, salt) % 1000000007) / 1000000007.0")
    con.execute("CREATE OR REPLACE TEMP MACRO bucket(x, salt, n) AS (hash(x, salt) % n)::INTEGER")
    con.execute("CREATE OR REPLACE TEMP MACRO article_id(i) AS 'a' || substr(md5(i::VARCHAR || 'a'), 1, 16)")
    # article i's day: ingest order is date order, and the day warps so that news volume swells and ebbs (+-60%, 14 cycles)
    con.execute(f"""CREATE OR REPLACE TEMP MACRO article_day(i) AS
        least({DAYS - 1}, floor({DAYS} * (i / {n_articles}::DOUBLE
              + 0.6 * sin(2 * pi() * 14 * i / {n_articles}::DOUBLE) / (2 * pi() * 14))))::INTEGER""")
    _lookup_tables(con)
    t0 = time.perf_counter()
    con.execute("INSERT INTO runs VALUES ('r1', TIMESTAMP '2025-01-05 00:00:00', 'detente-bench', 'none', 'p1', 'a1', 'c1'),"
                " ('r2', TIMESTAMP '2025-02-01 00:00:00', 'detente-bench', 'none', 'p2', 'a1', 'c1')")
    con.execute(f"""
        INSERT INTO articles BY NAME
        SELECT article_id(i) AS id, o.outlet AS source, 'Article ' || i AS title, DATE '{START}' + article_day(i) AS date,
               'metadata' AS date_origin, 'https://' || o.outlet || '/' || article_id(i) AS url, 'en' AS lang, 'jsonl' AS format,
               md5(coalesce(duplicate_of, article_id(i))) AS raw_sha, md5(coalesce(duplicate_of, article_id(i))) AS text_sha,
               duplicate_of, 'placeholder' AS text, '[]' AS offset_map, TIMESTAMP '2025-01-05 00:00:00' AS ingested_at
        FROM (SELECT range AS i, bucket(range, 'outlet', 10000) AS ob,
                     CASE WHEN range > 0 AND u(range, 'dup') < {DUPLICATE_SHARE} THEN article_id(range - 1) END AS duplicate_of
              FROM range({n_articles})) x
        JOIN bench_outlet_bucket o ON o.bucket = x.ob""")
    con.execute(f"""
        CREATE OR REPLACE TEMP TABLE bench_recoded AS
        SELECT article_id(range) AS id FROM range({n_articles}) WHERE u(range, 'rerun') < {RERUN_SHARE}""")
    con.execute(f"""
        INSERT INTO article_runs BY NAME
        SELECT article_id(range) AS article_id, 'r1' AS run_id, TIMESTAMP '2025-01-05 00:00:00' AS coded_at,
               'politics' AS story_type
        FROM range({n_articles})
        UNION ALL
        SELECT id, 'r2', TIMESTAMP '2025-02-01 00:00:00', 'politics' FROM bench_recoded""")
    log(f"  articles: {n_articles:,} in {time.perf_counter() - t0:.1f}s")
    t0 = time.perf_counter()
    columns = [r[0] for r in con.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = 'events' ORDER BY ordinal_position").fetchall()]
    con.execute(f"""
        INSERT INTO events BY NAME
        SELECT {", ".join(c for c in columns if c in GENERATED_COLUMNS)} FROM (
        WITH draws AS (
            SELECT range AS j, range // 3 AS art, article_day(range // 3) AS day_idx,
                   bucket(range // 3, 'outlet', 10000) AS ob, u(range // 3, 'dup') AS dup, u(range // 3, 'rerun') AS rerun,
                   bucket(range // 3, 'dyad', {PAIR_BUCKETS}) AS art_pair, bucket(range, 'pair', {PAIR_BUCKETS}) AS own_pair,
                   u(range, 'own') AS own, u(range, 'kind') AS kind, u(range, 'dir') AS dir, u(range, 'side') AS side,
                   bucket(range, 'ss', 1000) AS ss, bucket(range, 'ts', 1000) AS ts, bucket(range, 'mod', 1000) AS mb,
                   bucket(range, 'code', {CODE_BUCKETS}) AS cb, u(range, 'q') AS uq, u(range, 'date') AS udate,
                   u(range, 'other') AS uother, u(range, 'misc') AS misc
            FROM range({n_events})),
        e1 AS (  -- an article's events are about its main pair, 30% about a pair of their own
            SELECT d.*, p.a, p.b, ss.sector AS s_sector, ts.sector AS t_sector, m.modality,
                   least(0.95, greatest(0.02, p.p_conflict + CASE WHEN d.day_idx >= p.break_day THEN p.shift ELSE 0 END)) > uq AS conflict
            FROM draws d
            JOIN bench_pair_bucket ap ON ap.bucket = d.art_pair
            JOIN bench_pair_bucket op ON op.bucket = d.own_pair
            JOIN bench_pairs p ON p.rank = CASE WHEN d.own < 0.3 THEN op.rank ELSE ap.rank END
            JOIN bench_sector_bucket ss ON ss.bucket = d.ss
            JOIN bench_sector_bucket ts ON ts.bucket = d.ts
            JOIN bench_modality_bucket m ON m.bucket = d.mb),
        ea AS (  -- what each event repeats from its article (schema v5 stores it on the event)
            SELECT e1.*, o.outlet, DATE '{START}' + day_idx AS article_date,
                   coalesce(CASE WHEN art > 0 AND dup < {DUPLICATE_SHARE} THEN article_id(art - 1) END, article_id(art)) AS story,
                   rerun >= {RERUN_SHARE} AS current  -- re-coded articles' current events are run r2's
            FROM e1 JOIN bench_outlet_bucket o ON o.bucket = e1.ob),
        e2 AS (  -- who: 70% the pair, 15% domestic (one of the pair's countries), 15% an IGO and one country
            SELECT ea.*, CASE WHEN side < 0.5 THEN a ELSE b END AS one,
                   CASE WHEN kind < 0.70 THEN CASE WHEN dir < 0.5 THEN a ELSE b END
                        WHEN kind < 0.85 THEN CASE WHEN side < 0.5 THEN a ELSE b END END AS s_country,
                   CASE WHEN kind < 0.70 THEN CASE WHEN dir < 0.5 THEN b ELSE a END
                        WHEN kind < 0.85 THEN CASE WHEN side < 0.5 THEN a ELSE b END END AS t_country,
                   {OTHERS!r}[1 + floor(uother * {len(OTHERS)})::INTEGER] AS igo
            FROM ea),
        e3 AS (
            SELECT e2.*,
                   CASE WHEN kind < 0.70 THEN s_country || s_sector
                        WHEN kind < 0.85 THEN s_country || CASE WHEN s_sector = '' THEN 'GOV' ELSE s_sector END
                        WHEN dir < 0.5 THEN igo ELSE one || s_sector END AS source,
                   CASE WHEN kind < 0.70 THEN t_country || t_sector
                        WHEN kind < 0.85 THEN t_country || CASE WHEN t_sector IN ('', 'GOV') THEN 'REB' ELSE t_sector END
                        WHEN dir < 0.5 THEN one || t_sector ELSE igo END AS target,
                   CASE WHEN kind >= 0.85 AND dir >= 0.5 THEN one ELSE s_country END AS source_country,
                   CASE WHEN kind >= 0.85 AND dir < 0.5 THEN one ELSE t_country END AS target_country
            FROM e2),
        events_r1 AS (
        SELECT 'r1' AS run_id, 'e' || substr(md5(j::VARCHAR || 'e'), 1, 16) AS id, article_id(art) AS article_id,
               (misc * 40)::INTEGER AS sentence_idx, (misc * 40)::INTEGER * 120 AS sentence_start,
               (misc * 40)::INTEGER * 120 + 110 AS sentence_end, (misc * 40)::INTEGER * 120 + 30 AS trigger_start,
               (misc * 40)::INTEGER * 120 + 36 AS trigger_end, 'trigger' AS trigger_text,
               source, target, source_country, target_country,
               c.code, c.root, c.goldstein, c.quad_class, c.plover_type, c.plover_mode,
               CASE WHEN modality = 'historical' THEN DATE '{START}' + day_idx - (365 * (1 + floor(udate * 20)))::INTEGER
                    WHEN udate < 0.75 THEN DATE '{START}' + day_idx
                    WHEN udate < 0.92 THEN DATE '{START}' + day_idx - (1 + floor(udate * 1000) % 6)::INTEGER
                    END AS date,
               CASE WHEN modality = 'historical' THEN 'year' WHEN udate < 0.92 THEN 'day' END AS date_precision,
               CASE WHEN modality = 'historical' THEN 'text' WHEN udate < 0.75 THEN 'article' WHEN udate < 0.92 THEN 'text' END AS date_origin,
               modality, 'pattern-' || c.root AS pattern_id, round(0.5 + 0.5 * misc, 3) AS confidence,
               'exact' AS source_resolution, 'exact' AS target_resolution, outlet, article_date, story, current
        FROM e3 JOIN bench_code_bucket c ON c.conflict = e3.conflict AND c.bucket = e3.cb)
        SELECT *, coalesce(date, article_date) AS day FROM events_r1)""")
    log(f"  events (run r1): {n_events:,} in {time.perf_counter() - t0:.1f}s")
    t0 = time.perf_counter()
    con.execute(f"""
        INSERT INTO events SELECT * REPLACE ('r2' AS run_id{", true AS current" if "current" in columns else ""})
        FROM events WHERE run_id = 'r1' AND article_id IN (SELECT id FROM bench_recoded)""")
    log(f"  events re-coded by run r2 in {time.perf_counter() - t0:.1f}s")
    con.execute("INSERT OR REPLACE INTO meta VALUES ('bench_events', ?), ('bench_generator', ?)",
                [str(n_events), f"{GENERATOR_VERSION}/schema {SCHEMA_VERSION}"])


def ensure_database(path: Path, n_events: int, rebuild: bool, log: Callable[[str], None]) -> None:
    """Reuse ``path`` if it is a benchmark database of ``n_events`` events, else (re)build it."""
    if path.exists():
        try:
            with duckdb.connect(str(path), read_only=True) as con:
                meta = dict(con.execute("SELECT key, value FROM meta WHERE key LIKE 'bench_%'").fetchall())
        except duckdb.Error:
            meta = {}
        if (meta.get("bench_events") == str(n_events) and meta.get("bench_generator") == f"{GENERATOR_VERSION}/schema {SCHEMA_VERSION}"
                and not rebuild):
            log(f"reusing {path} ({n_events:,} events)")
            return
        if not meta and not rebuild:
            sys.exit(f"{path} exists and is not a benchmark database; pass --rebuild to overwrite it, or another --db")
        for suffix in ("", ".wal", ".lock"):
            Path(str(path) + suffix).unlink(missing_ok=True)
    log(f"building {path} with {n_events:,} events")
    t0 = time.perf_counter()
    with Store(path).writer() as con:  # runs the product's migrations, then one transaction for the bulk load
        _load(con, n_events, log)
    if hasattr(Store, "refresh_volume"):  # schema v5+: the per-day news volume that writes keep
        t1 = time.perf_counter()
        Store(path).refresh_volume()
        log(f"  Store.refresh_volume() in {time.perf_counter() - t1:.1f}s")
    with duckdb.connect(str(path)) as con:
        con.execute("CHECKPOINT")
    log(f"built in {time.perf_counter() - t0:.1f}s, {path.stat().st_size / 1e6:,.0f} MB")


# -- timing ------------------------------------------------------------------------


class TimedStore(Store):
    """A Store that records, per calling function, how many queries it sent and the seconds they took."""

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.log: dict[str, list[float]] = defaultdict(list)

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        return self._timed(super().query, sql, params)

    def arrow(self, sql: str, params: Sequence[Any] = ()):
        return self._timed(super().arrow, sql, params)

    def _timed(self, run, sql: str, params: Sequence[Any]):
        caller = sys._getframe(2).f_code.co_name  # who called query() or arrow()
        t0 = time.perf_counter()
        try:
            return run(sql, params)
        finally:
            self.log[caller].append(time.perf_counter() - t0)

    def reset(self) -> dict[str, list[float]]:
        log, self.log = self.log, defaultdict(list)
        return log


def timed(fn: Callable[[], Any], repeat: int) -> tuple[list[float], Any]:
    times, result = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return times, result


def fmt_times(times: list[float]) -> str:
    return f"median {statistics.median(times):8.3f}s  min {min(times):8.3f}s  (n={len(times)})"


def query_breakdown(log: dict[str, list[float]], total: float) -> list[str]:
    lines = []
    for caller, times in sorted(log.items(), key=lambda kv: -sum(kv[1])):
        s = sum(times)
        lines.append(f"      {caller:<22} {len(times):6d} queries  {s:8.2f}s  ({100 * s / total:4.1f}%)  "
                     f"{1000 * s / len(times):8.1f} ms each")
    rest = total - sum(sum(t) for t in log.values())
    lines.append(f"      {'(python, outside SQL)':<22} {'':6} {'':8} {rest:8.2f}s  ({100 * rest / total:4.1f}%)")
    return lines


def _scan_child(db: Path, dyads: list[Dyad] | None, conn) -> None:
    """Run one scan in a child process; send back (seconds, breaks, query log)."""
    store = TimedStore(db)
    t0 = time.perf_counter()
    found = scan(store) if dyads is None else scan(store, dyads=dyads)
    conn.send((time.perf_counter() - t0, len(found), dict(store.log)))


def scan_within(db: Path, dyads: list[Dyad] | None, budget: float) -> tuple[float, int, dict[str, list[float]]] | None:
    """One timed scan, stopped after ``budget`` seconds (0: no limit); None when stopped."""
    ctx = multiprocessing.get_context("fork")
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_scan_child, args=(db, dyads, child))
    proc.start()
    child.close()
    ready = parent.poll(budget if budget > 0 else None)
    if not ready:
        proc.terminate()  # the child we started, by its handle
        proc.join()
        return None
    result = parent.recv()
    proc.join()
    return result


def time_scan(label: str, db: Path, dyads: list[Dyad] | None, repeat: int, budget: float,
              log: Callable[[str], None]) -> tuple[list[float], bool]:
    """Run a scan up to ``repeat`` times within ``budget`` seconds each; print its breakdown. (times, stopped)"""
    log(f"\n{label}:")
    times: list[float] = []
    breakdown: dict[str, list[float]] = {}
    for _ in range(repeat):
        result = scan_within(db, dyads, budget)
        if result is None:
            log(f"  stopped after {budget:.0f}s (--scan-budget)")
            return times, True
        seconds, n_breaks, breakdown = result
        times.append(seconds)
        log(f"  {seconds:8.2f}s  {n_breaks:,} breaks")
        if budget and sum(times) + seconds > budget:  # another repetition would not fit
            break
    log(f"  {fmt_times(times)}; queries of the last run, by the function that sent them:")
    for line in query_breakdown(breakdown, times[-1]):
        log(line)
    return times, False


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", type=Path, default=Path("/tmp/detente-bench.duckdb"))
    parser.add_argument("--events", type=int, default=10_000_000, help="current events to generate (default 10,000,000)")
    parser.add_argument("--repeat", type=int, default=5, help="repetitions of each series() timing (default 5)")
    parser.add_argument("--scan-repeat", type=int, default=3, help="repetitions of each scan, while they fit the budget (default 3)")
    parser.add_argument("--scan-budget", type=float, default=900.0,
                        help="seconds one scan may run before it is stopped and reported as such; 0 = no limit (default 900)")
    parser.add_argument("--scan-sample", type=int, default=20,
                        help="dyads (evenly spaced among the 1,000) scanned first to extrapolate the 1,000-dyad scan (default 20)")
    parser.add_argument("--only", choices=("build", "series", "scan"), help="build only, or time only series or scans")
    parser.add_argument("--rebuild", action="store_true", help="rebuild the database even if it can be reused")
    parser.add_argument("--profile", type=Path, help="write a cProfile of the sample scan here (.prof) and print its top")
    args = parser.parse_args(argv)
    log = lambda msg: print(msg, flush=True)  # noqa: E731

    ensure_database(args.db, args.events, args.rebuild, log)
    if args.only == "build":
        return 0
    store = TimedStore(args.db)
    raw = store.query("SELECT count(*) AS n FROM events")[0]["n"]
    current = store.query("SELECT count(*) AS n FROM current_events")[0]["n"]
    commit = subprocess.run(["git", "-C", str(Path(__file__).resolve().parent), "describe", "--always", "--dirty"],
                            capture_output=True, text=True).stdout.strip() or "?"
    log(f"events table: {raw:,} rows; current_events: {current:,}; detente {commit}; DuckDB {duckdb.__version__}, "
        f"{os.cpu_count()} CPUs, load {os.getloadavg()[0]:.1f}")

    figures: list[tuple[str, int, int, str, float | None, float | None]] = []  # what, events, dyads, shown, seconds, target
    times, active = timed(lambda: active_dyads(store), 1)
    log(f"active_dyads(store): {len(active):,} dyads with >= 5 deduplicated events in {times[0]:.2f}s")
    figures.append(("active_dyads(store)", current, len(active), f"{times[0]:.3f}", times[0], None))
    by_pair = {(r["a"], r["b"]): r for r in active}
    pairs = _pairs(random.Random(20240101))
    light = next(((p["a"], p["b"]) for p in pairs[LIGHT_RANK - 1:] if (p["a"], p["b"]) in by_pair), None)

    if args.only in (None, "series"):
        log("\nseries(store, Dyad(a, b), period)  [each call opens its own connection, as the CLI does]:")
        for name, pair in (("heavy", HEAVY), ("light", light)):
            if pair is None:
                continue
            row = by_pair.get(tuple(sorted(pair)), {"events": 0})
            for period in ("week", "month"):
                dyad = Dyad(*pair)
                times, rows = timed(lambda: series(store, dyad, period), args.repeat)
                log(f"  {name} {dyad.label:<10} {period:<5} {row['events']:>9,} dedup events  {len(rows):4d} rows  {fmt_times(times)}")
                median = statistics.median(times)
                figures.append((f"series {name} {dyad.label} {period}", current, 1, f"{median:.3f}", median, SERIES_TARGET))

    if args.only in (None, "scan"):
        source = active if len(active) >= SCAN_DYADS else active_dyads(store, min_events=1)
        wanted = [Dyad(r["a"], r["b"]) for r in source[:SCAN_DYADS]]
        n = len(wanted)
        # a sample first: it tells where the time goes, and what 1,000 dyads would take if the full scan cannot finish
        step = max(1, n // max(1, args.scan_sample))
        sample = wanted[::step][: args.scan_sample]
        log(f"\nscan(store, dyads=<{len(sample)} of the {n:,}, every {step}th>):")
        store.reset()
        profiler = cProfile.Profile() if args.profile else None
        t0 = time.perf_counter()
        if profiler:
            profiler.enable()
        found = scan(store, dyads=sample)
        if profiler:
            profiler.disable()
        sample_seconds = time.perf_counter() - t0
        estimate = sample_seconds * n / len(sample)
        log(f"  {sample_seconds:8.2f}s  {len(found):,} breaks; x {n}/{len(sample)} = {estimate:,.0f}s for {n:,} dyads; queries by caller:")
        for line in query_breakdown(store.reset(), sample_seconds):
            log(line)
        if profiler:
            profiler.dump_stats(str(args.profile))
            pstats.Stats(str(args.profile)).sort_stats("cumulative").print_stats(15)
        figures.append((f"scan(store, dyads=<{len(sample)}>) sample", current, len(sample), f"{sample_seconds:.2f}", sample_seconds, None))

        label = f"scan(store, dyads=<{n:,}>)"
        # the sample's share of the work is not its share of the dyads when a scan reads every pair in one query,
        # so the full scan is run (and stopped at the budget) unless the sample makes it hopeless
        if args.scan_budget and estimate > 10 * args.scan_budget:
            log(f"\n{label}: not run, the sample extrapolates to {estimate:,.0f}s > 10 x --scan-budget {args.scan_budget:.0f}s")
            figures.append((label + " extrapolated", current, n, f"~{estimate:,.0f}", estimate, SCAN_TARGET))
        else:
            times, stopped = time_scan(label, args.db, wanted, args.scan_repeat, args.scan_budget, log)
            if stopped:
                figures.append((label + " extrapolated", current, n, f"~{estimate:,.0f}", estimate, SCAN_TARGET))
            else:
                median = statistics.median(times)
                figures.append((label, current, n, f"{median:.2f}", median, SCAN_TARGET))
        label = "scan(store)  [every active dyad]"
        times, stopped = time_scan(label, args.db, None, args.scan_repeat, args.scan_budget, log)
        if stopped:
            figures.append((label, current, len(active), f"> {args.scan_budget:.0f}", None, None))
        else:
            median = statistics.median(times)
            figures.append((label, current, len(active), f"{median:.2f}", median, None))

    print(f"\n{'what':<42} {'events':>12} {'dyads':>7} {'seconds':>10} {'target':>8} {'ratio':>7}")
    for what, events, dyads, shown, seconds, target in figures:
        ratio = f"{seconds / target:7.2f}" if target and seconds is not None else ""
        print(f"{what:<42} {events:>12,} {dyads:>7,} {shown:>10} {f'< {target:g} s' if target else '':>8} {ratio}")
    print("\ntargets: series for one dyad over 10M events < 1 s; scan 1,000 dyads < 10 s (ratio = measured / target, above 1 misses)."
          "\n~ marks a figure extrapolated linearly from the sample scan (the full scan was stopped at, or would far exceed, --scan-budget).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
