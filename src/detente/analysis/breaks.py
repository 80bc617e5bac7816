"""Breaking points: the days a dyad's relation turned, found by change-point detection on count series.

Each dyad gives two daily count streams over deduplicated events, conflict
(negative Goldstein score) and cooperation (positive); neutral statements
(Goldstein 0, such as 010 "make statement") belong to neither, so that a
flurry of comment is not read as a thaw. Each stream is modelled as Poisson with
the day's news volume as the exposure (offset): ``y_t ~ Poisson(rate * V_t)``,
with ``V_t`` the total number of deduplicated events over all dyads that day
(a dyad's events are a thinning of the day's news). A change-point is a day where a rate changes, so a surge of
news raises ``V_t`` and not the rate. Offline detection is binary segmentation on that
cost, every split position scored at once from cumulative sums (ruptures'
search calls a Python cost per position, about 0.7 s per dyad-series of five
years against 1 ms here), with a penalty calibrated on stable dyads, then
cuts that are not confident pruned and short bursts added; streaming
detection is a Bayesian online change-point detector (Adams & MacKay 2007) with
the conjugate Gamma-Poisson model.

A break keeps: date, direction (toward conflict or cooperation), magnitude
(the rate ratio of the stream that moved), confidence (below), and the events
that drove it, ranked. It needs at least two independent reports: events from
two distinct stories (copies of one text count once) in the direction of the
change within ``evidence_days`` of it.

Confidence is ``1 - p``, with ``p`` the likelihood-ratio test of "one rate"
against "two rates split here" on the two adjacent segments (chi-square, 2
degrees of freedom), Bonferroni-corrected for the number of positions the
split could have taken; the same definition for both detectors.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from typing import Any, Iterable, Sequence

import numpy as np
import pyarrow.compute as pc

from ..errors import E, AnalysisError
from ..store import Store
from .dyads import EXCLUDED_MODALITIES, Dyad, counted_sql, country_pair_sql, raw_sql, state_sql, volume_sql

METHODS = ("offline", "online")
#: the two streams: events that harm the relation and events that help it, by the sign of their Goldstein
#: score; neutral acts (statements, Goldstein 0) move neither
_STREAMS = "count(*) FILTER (goldstein < 0) AS conflict, count(*) FILTER (goldstein > 0) AS cooperation"
#: a change-point is a day: events dated only to the month or year ("a year ago", "in March") would sit on its
#: first day as a false spike, so the detector's streams leave them out (series by month or year keep them)
_DATED_TO_THE_WEEK = "coalesce(e.date_precision, '') NOT IN ('month', 'year')"


@dataclass(frozen=True)
class BreakSettings:
    """Detector parameters; the defaults were calibrated on stable dyads (docs/breaking-points.md)."""

    #: penalty per change-point, in log-likelihood units (higher: fewer breaks)
    penalty: float = 4.0
    #: shortest regime in days
    min_days: int = 7
    #: days of news volume averaged into each day's exposure
    volume_window: int = 1
    #: days after a break searched for the events that drove it
    evidence_days: int = 14
    #: independent stories needed among those events
    min_stories: int = 2
    #: least confidence reported
    min_confidence: float = 0.9
    #: dyads scanned need this many deduplicated events
    min_events: int = 5
    #: online detector: expected days between changes (the hazard is its inverse)
    expected_run: float = 365.0
    #: online detector: a change is reported once its posterior is this likely
    online_threshold: float = 0.5


@dataclass(frozen=True)
class Break:
    """A change-point of one dyad, with the events that drove it."""

    a: str
    b: str
    date: date
    direction: str  # "conflict" or "cooperation"
    magnitude: float  # after/before rate ratio of the stream that moved (per unit of news volume)
    confidence: float
    score: float  # log-likelihood gain of the split: ranks breaks across dyads
    conflict_before: float  # conflict events per 1,000 events of volume, before and after
    conflict_after: float
    cooperation_before: float
    cooperation_after: float
    goldstein_before: float | None
    goldstein_after: float | None
    stories: int
    method: str
    events: tuple[dict[str, Any], ...] = field(default=())
    directed: bool = False

    @property
    def id(self) -> str:
        """Stable across runs and argument order: ``IRQ-USA-2006-01-13`` (``USA>IRQ-...`` when directed)."""
        pair = f"{self.a}>{self.b}" if self.directed else "-".join(sorted((self.a, self.b)))
        return f"{pair}-{self.date.isoformat()}"

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["id"] = self.id
        data["date"] = self.date.isoformat()
        data["events"] = list(self.events)
        return data


# -- the detector on arrays ---------------------------------------------------------


def _segment_costs(totals: np.ndarray) -> np.ndarray:
    """Negative Poisson log-likelihood of segments at their best rates, up to terms that never change.

    ``totals`` has one row per segment: the summed counts of each stream, then
    the summed exposure. The best rate is counts / exposure, so the cost is
    ``-sum(Y * log(Y / E))`` (with 0 log 0 = 0). Counts are event counts, whole
    numbers: a count between 0 and 1 would be read as 0.
    """
    counts, expo = totals[..., :-1], totals[..., -1:]
    return -(counts * np.log(np.maximum(counts, 1.0) / np.maximum(expo, 1e-12))).sum(axis=-1)


def _best_split(cumsum: np.ndarray, lo: int, hi: int, min_days: int) -> tuple[int, float] | None:
    """The split of [lo, hi) that gains most log-likelihood, every position at once from cumulative sums."""
    cuts = np.arange(lo + min_days, hi - min_days + 1)
    if not len(cuts):
        return None
    gains = _segment_costs(cumsum[hi] - cumsum[lo]) - _segment_costs(cumsum[cuts] - cumsum[lo]) - _segment_costs(cumsum[hi] - cumsum[cuts])
    best = int(np.argmax(gains))
    return int(cuts[best]), float(gains[best])


def exposure(volume: Sequence[float], window: int) -> np.ndarray:
    """Each day's news volume averaged over ``window`` days around it; never zero."""
    volume = np.asarray(volume, dtype=float)
    if window > 1 and len(volume):
        kernel = np.ones(window) / window
        padded = np.pad(volume, window // 2, mode="edge")
        volume = np.convolve(padded, kernel, mode="valid")[: len(volume)]
    return np.maximum(volume, max(volume.mean() * 0.05, 1e-3) if len(volume) else 1e-3)


def change_points(counts: np.ndarray, expo: np.ndarray, settings: BreakSettings) -> list[dict[str, float]]:
    """Offline change-points of count streams (rows: days, columns: streams) under exposure ``expo``.

    Returns, per change, its index (first day of the new regime), the rates per
    unit of exposure before and after for each stream, the gain in
    log-likelihood and the confidence.
    """
    n = len(expo)
    if n < 2 * settings.min_days or counts.sum() == 0:
        return []
    cumsum = np.vstack([np.zeros((1, counts.shape[1] + 1)), np.cumsum(np.column_stack([counts, expo]), axis=0)])
    cuts: list[int] = []
    pending = [(0, n)]
    while pending:  # binary segmentation: split while a split gains more than the penalty
        lo, hi = pending.pop()
        best = _best_split(cumsum, lo, hi, settings.min_days)
        if best and best[1] > settings.penalty:
            cuts.append(best[0])
            pending += [(lo, best[0]), (best[0], hi)]
    changes = _pruned(counts, expo, sorted(cuts), settings)
    bursts = _bursts(cumsum, [0, *(c["index"] for c in changes), n], settings)
    return _pruned(counts, expo, sorted({c["index"] for c in changes} | set(bursts)), settings) if bursts else changes


#: lengths of the short bursts looked for inside each regime, in days (a crisis that flares and passes)
BURST_WIDTHS = (7, 14, 28)


def _bursts(cumsum: np.ndarray, bounds: list[int], settings: BreakSettings) -> list[int]:
    """Cuts around the strongest short burst of each regime, where it is as sure as a change.

    A burst is a window of one of ``BURST_WIDTHS`` days whose rates rose
    above those of the rest of its regime (the two sides of the window sharing
    one rate): one change in, one out. No single split of a long regime
    isolates it, so binary segmentation misses it. The strongest is kept when
    it gains two penalties (two changes) and passes the confidence test of a change,
    Bonferroni-corrected for every window of those widths in the regime.
    """
    events = cumsum[:, :-1].sum(axis=1)
    active = np.nonzero(np.diff(events))[0]  # days with events: a burst starts on one
    cuts = []
    for lo, hi in zip(bounds, bounds[1:]):
        total = cumsum[hi] - cumsum[lo]
        widths = np.array([w for w in BURST_WIDTHS if w >= settings.min_days and hi - lo >= w + settings.min_days], dtype=int)
        if total[:-1].sum() < settings.min_stories or not len(widths):  # too few events for a break to stand on
            continue
        days = active[(active >= lo) & (active <= hi - widths.min())]
        starts, ends = np.broadcast_to(days, (len(widths), len(days))), days + widths[:, None]  # every width at once
        keep = ends <= hi
        starts, ends = starts[keep], ends[keep]
        if not len(starts):
            continue
        inside = cumsum[ends] - cumsum[starts]
        outside = total - inside
        gains = _segment_costs(total) - _segment_costs(inside) - _segment_costs(outside)
        # only rises: a quiet spell of a few weeks is no crisis
        gains[inside[:, :-1].sum(axis=1) * outside[:, -1] <= outside[:, :-1].sum(axis=1) * inside[:, -1]] = -np.inf
        k = int(np.argmax(gains))
        windows = int(sum(hi - lo - w + 1 for w in widths))
        if gains[k] > 2 * settings.penalty and 1.0 - windows * _chi2_sf(2 * gains[k], cumsum.shape[1] - 1) >= settings.min_confidence:
            cuts += [c for c in (int(starts[k]), int(ends[k])) if c - lo >= settings.min_days and hi - c >= settings.min_days]
    return cuts


def _pruned(counts: np.ndarray, expo: np.ndarray, cuts: list[int], settings: BreakSettings) -> list[dict[str, Any]]:
    """The changes at ``cuts``, after dropping, weakest first, those below the confidence floor.

    Binary segmentation cuts a quiet baseline into pieces, and a change
    tested against a sliver of baseline is never confident: each cut dropped
    gives its neighbours their whole regimes back (India-US, March 2006: the
    visit was tested against the five weeks since a January visit, and found
    once that cut went).
    """
    bounds = [0, *cuts, len(expo)]

    def change(i: int) -> dict[str, Any]:  # the change at bounds[i]
        return _describe(counts, expo, bounds[i - 1], bounds[i], bounds[i + 1], settings.min_days)

    changes = [change(i) for i in range(1, len(bounds) - 1)]
    while changes:
        weakest = min(range(len(changes)), key=lambda i: changes[i]["confidence"])
        if changes[weakest]["confidence"] >= settings.min_confidence:
            break
        del bounds[weakest + 1], changes[weakest]
        for i in (weakest - 1, weakest):  # only the neighbours' regimes changed
            if 0 <= i < len(changes):
                changes[i] = change(i + 1)
    return changes


def _chi2_sf(x: float, df: int) -> float:
    """Chi-square survival function, in closed form for an even ``df`` (one per stream, and there are two): scipy's
    costs 80 microseconds a call, most of a change's description."""
    if df % 2:
        from scipy.stats import chi2

        return float(chi2.sf(x, df))
    half = max(x, 0.0) / 2
    return math.exp(-half) * sum(half**i / math.factorial(i) for i in range(df // 2))


def _describe(counts: np.ndarray, expo: np.ndarray, lo: int, cut: int, hi: int, min_days: int) -> dict[str, Any]:
    """A change at ``cut`` between the regimes [lo, cut) and [cut, hi): rates, gain and confidence.

    Confidence is 1 - p of the likelihood-ratio test of one rate against two
    on [lo, hi) (chi-square, one degree of freedom per stream), Bonferroni-
    corrected for the positions the split could have taken.
    """
    left, right = counts[lo:cut].sum(axis=0), counts[cut:hi].sum(axis=0)
    e_left, e_right = max(float(expo[lo:cut].sum()), 1e-9), max(float(expo[cut:hi].sum()), 1e-9)
    gain = float(_segment_costs(np.append(left + right, e_left + e_right)) - _segment_costs(np.append(left, e_left))
                 - _segment_costs(np.append(right, e_right)))
    positions = max(1, (hi - lo) - 2 * min_days + 1)
    p_value = min(1.0, positions * _chi2_sf(2 * gain, counts.shape[1]))
    return {
        "lo": lo, "hi": hi, "index": cut, "before": (left / e_left).tolist(), "after": (right / e_right).tolist(),
        "before_counts": left.tolist(), "after_counts": right.tolist(), "exposure_before": e_left, "exposure_after": e_right,
        "gain": gain, "confidence": 1.0 - p_value,
    }


def online_change_points(counts: np.ndarray, expo: np.ndarray, settings: BreakSettings, prior: tuple[float, float] | None = None) -> list[dict[str, float]]:
    """Bayesian online change-point detection with a Gamma-Poisson model per stream.

    Processes days in order, keeping the posterior over the current run
    length; a change is reported at day ``t - r`` when the most probable run
    length drops to ``r`` shorter than the run before, with probability mass
    at least ``online_threshold`` on runs that started within a week of it.
    """
    n, streams = counts.shape
    if n == 0:
        return []
    hazard = 1.0 / settings.expected_run
    # prior: each stream's overall rate, worth about a week of data
    if prior is None:
        rate = (counts.sum(axis=0) + 0.5) / expo.sum()
        weight = 7 * expo.mean()
        alpha0, beta0 = rate * weight, np.full(streams, weight)
    else:
        alpha0, beta0 = np.full(streams, prior[0]), np.full(streams, prior[1])
    log_run = np.array([0.0])  # log P(run length = r), r = 0..t
    alpha = alpha0[None, :].copy()
    beta = beta0[None, :].copy()
    found: list[dict[str, Any]] = []
    last_start = 0
    from scipy.special import gammaln

    for t in range(n):
        y, e = counts[t], expo[t]
        # negative binomial predictive of y under each run length, summed over streams
        log_pred = (
            gammaln(alpha + y) - gammaln(alpha) - gammaln(y + 1)
            + alpha * np.log(beta / (beta + e)) + y * np.log(e / (beta + e))
        ).sum(axis=1)
        growth = log_run + log_pred + math.log(1 - hazard)
        change = np.logaddexp.reduce(log_run + log_pred) + math.log(hazard)
        log_run = np.concatenate([[change], growth])
        log_run -= np.logaddexp.reduce(log_run)
        alpha = np.vstack([alpha0, alpha + y])
        beta = np.vstack([beta0, beta + e])
        probabilities = np.exp(log_run)
        best = int(np.argmax(probabilities))
        start = t - best + 1
        recent = probabilities[: min(len(probabilities), best + 8)].sum() - probabilities[: max(0, best - 7)].sum()
        if best >= settings.min_days and start >= last_start + settings.min_days and recent >= settings.online_threshold:
            found.append(_describe(counts, expo, last_start, start, t + 1, settings.min_days))
            last_start = start
    return found


def direction_of(change: dict[str, Any]) -> tuple[str, float]:
    """Toward conflict when the conflict rate grew by more (in log ratio) than cooperation; the rate ratio that moved.

    Rates add half an event to each segment so that a stream absent before the
    change gives a finite ratio.
    """
    def log_ratio(stream: int) -> float:
        after = (change["after_counts"][stream] + 0.5) / change["exposure_after"]
        before = (change["before_counts"][stream] + 0.5) / change["exposure_before"]
        return math.log(after / before)

    conflict, cooperation = log_ratio(0), log_ratio(1)
    if conflict >= cooperation:
        return "conflict", math.exp(conflict)
    return "cooperation", math.exp(cooperation)


# -- over the store -----------------------------------------------------------------


def daily_volume(store: Store, since: date | None = None, until: date | None = None,
                 modalities_excluded: Sequence[str] = EXCLUDED_MODALITIES) -> tuple[list[date], np.ndarray]:
    """Every day the articles cover (or ``since``..``until``) and its deduplicated event volume.

    The span is that of the articles' dates: an event dated years before the
    first article (a recalled past) would otherwise stretch every series.
    """
    span = store.query("SELECT min(date) AS first, max(date) AS last FROM articles")[0]
    rows = store.query(f"{volume_sql('day', modalities_excluded)} ORDER BY 1")
    if not rows or span["first"] is None:
        return [], np.zeros(0)
    first, last = since or span["first"], until or span["last"]
    days = [first + timedelta(days=i) for i in range((last - first).days + 1)]
    volume = np.zeros(len(days))
    for row in rows:
        if first <= row["period"] <= last:
            volume[(row["period"] - first).days] = row["volume"]
    return days, volume


#: per-day columns of a dyad's streams: conflict and cooperation counts (detected on), Goldstein sum and events
_COLUMNS = f"{_STREAMS}, sum(goldstein) AS goldstein_sum, count(*) AS events"


def _fill(days: list[date], offsets: np.ndarray, values: np.ndarray) -> np.ndarray:
    counts = np.zeros((len(days), values.shape[1]))
    keep = (offsets >= 0) & (offsets < len(days))
    np.add.at(counts, offsets[keep], values[keep])
    return counts


def _day_offsets(table, first: date) -> np.ndarray:
    return (table.column("day").to_numpy().astype("datetime64[D]") - np.datetime64(first, "D")).astype(int)


def _values(table) -> np.ndarray:
    return np.column_stack([table.column(c).to_numpy(zero_copy_only=False).astype(float)
                            for c in ("conflict", "cooperation", "goldstein_sum", "events")])


def daily_streams(store: Store, dyad: Dyad, since: date | None = None, until: date | None = None) -> tuple[list[date], np.ndarray, np.ndarray]:
    """Days, the dyad's per-day conflict and cooperation counts (then Goldstein sum and events), and all dyads' volume per day."""
    days, volume = daily_volume(store, since, until)
    return days, _dyad_counts(store, dyad, days), volume


def _dyad_counts(store: Store, dyad: Dyad, days: list[date]) -> np.ndarray:
    if not days:
        return np.zeros((0, 4))
    where, params = dyad.where()
    table = store.arrow(f"SELECT day, {_COLUMNS} FROM ({counted_sql(f'({where}) AND {_DATED_TO_THE_WEEK}')}) GROUP BY 1", params)
    return _fill(days, _day_offsets(table, days[0]), _values(table))


def _evidence(store: Store, windows: list[tuple[Dyad, date, date, str]], limit: int = 10) -> list[list[dict[str, Any]]]:
    """For each (dyad, start, end, direction) window, the dyad's deduplicated events in that direction, ranked by
    weight (stories x |Goldstein|), with their sentences: one query for all windows.

    Windows of undirected country pairs (what a scan finds) are joined on the
    pair and the days; any other window is matched by its own condition.
    """
    if not windows:
        return []
    pair_rows, conditions, params = [], [], []
    for k, (dyad, start, end, direction) in enumerate(windows):
        sign = -1 if direction == "conflict" else 1
        if dyad.is_country_pair:
            pair_rows.append((k, "-".join(sorted((dyad.a.upper(), dyad.b.upper()))), dyad.level, start, end, sign))
            continue
        where, where_params = dyad.where("r")
        conditions.append(f"SELECT {k} AS k, r.* FROM raw r WHERE ({where}) AND r.day >= ? AND r.day < ? AND sign(r.goldstein) = {sign}")
        params += [*where_params, start, end]
    if pair_rows:
        values = ", ".join("(?, ?, ?, ?::DATE, ?::DATE, ?)" for _ in pair_rows)
        conditions.append(
            f"""SELECT w.k, r.* FROM raw r JOIN (VALUES {values}) AS w(k, pair, level, lo, hi, sign)
                ON least(r.source_country, r.target_country) || '-' || greatest(r.source_country, r.target_country) = w.pair
               AND r.day >= w.lo AND r.day < w.hi AND sign(r.goldstein) = w.sign
               AND (w.level = 'all' OR ({state_sql("r")}))"""
        )
        params += [value for row in pair_rows for value in row]
    rows = store.query(
        f"""WITH raw AS ({raw_sql()}),
            tagged AS ({' UNION ALL '.join(conditions)}),
            d AS (
                SELECT k, day, source, target, code, any_value(quad_class) AS quad_class, any_value(goldstein) AS goldstein,
                       arg_min(id, (article_date, article_id, sentence_idx, trigger_start)) AS event_id,
                       count(*) AS mentions, count(DISTINCT story) AS stories, list(DISTINCT story ORDER BY story) AS story_ids
                FROM tagged GROUP BY k, day, source, target, code),
            ranked AS (
                SELECT *, row_number() OVER (PARTITION BY k ORDER BY stories * abs(goldstein) DESC, mentions DESC, day, event_id) AS rank
                FROM d)
            SELECT ranked.k, ranked.event_id, ranked.day AS date, ranked.source, ranked.target, ranked.code, ranked.quad_class,
                   ranked.goldstein, ranked.mentions, ranked.stories, ranked.story_ids, e.article_id,
                   a.title AS article_title, a.url, substr(a.text, e.sentence_start + 1, e.sentence_end - e.sentence_start) AS sentence
            FROM ranked JOIN current_events e ON e.id = ranked.event_id JOIN articles a ON a.id = e.article_id
            WHERE ranked.rank <= {int(limit)} ORDER BY ranked.k, ranked.rank""",
        params,
    )
    found: list[list[dict[str, Any]]] = [[] for _ in windows]
    for row in rows:
        found[row.pop("k")].append(row)
    return found


def _candidates(dyad: Dyad, streams, settings: BreakSettings, method: str) -> list[dict[str, Any]]:
    """Changes of one dyad's streams above the confidence floor, with their day, direction and Goldstein means."""
    if method not in METHODS:
        raise AnalysisError(E.E065.format(method=method, choices=", ".join(METHODS)))
    days, counts, volume = streams
    if not days:
        return []
    expo = exposure(volume, settings.volume_window)
    detect = change_points if method == "offline" else online_change_points
    found = []
    for change in detect(counts[:, :2], expo, settings):
        if change["confidence"] < settings.min_confidence:
            continue
        direction, ratio = direction_of(change)
        lo, cut, hi = change["lo"], change["index"], change["hi"]
        means = [counts[a:b, 2].sum() / counts[a:b, 3].sum() if counts[a:b, 3].sum() else None for a, b in ((lo, cut), (cut, hi))]
        found.append({**change, "dyad": dyad, "day": days[cut], "direction": direction, "ratio": ratio, "goldstein": means})
    return found


def _to_break(change: dict[str, Any], events: list[dict[str, Any]], settings: BreakSettings, method: str) -> Break | None:
    stories = {s for event in events for s in event.pop("story_ids")}
    if len(stories) < settings.min_stories:
        return None
    dyad, scale = change["dyad"], 1000.0
    before, after = change["goldstein"]
    return Break(
        a=dyad.a, b=dyad.b, date=change["day"], direction=change["direction"], magnitude=round(change["ratio"], 3),
        confidence=round(change["confidence"], 4), score=round(change["gain"], 3),
        conflict_before=round(scale * change["before"][0], 3), conflict_after=round(scale * change["after"][0], 3),
        cooperation_before=round(scale * change["before"][1], 3), cooperation_after=round(scale * change["after"][1], 3),
        goldstein_before=None if before is None else round(float(before), 3),
        goldstein_after=None if after is None else round(float(after), 3),
        stories=len(stories), method=method, events=tuple(events), directed=dyad.directed,
    )


def _breaks(store: Store, changes: list[dict[str, Any]], settings: BreakSettings, method: str) -> list[Break]:
    windows = [(c["dyad"], c["day"], c["day"] + timedelta(days=settings.evidence_days), c["direction"]) for c in changes]
    made = (_to_break(c, events, settings, method) for c, events in zip(changes, _evidence(store, windows), strict=True))
    return [b for b in made if b is not None]


def dyad_breaks(
    store: Store, dyad: Dyad, settings: BreakSettings = BreakSettings(), method: str = "offline",
    since: date | None = None, until: date | None = None, streams=None,
) -> list[Break]:
    """Breaking points of one dyad, oldest first, each with its driving events (needs two independent stories)."""
    changes = _candidates(dyad, streams or daily_streams(store, dyad, since, until), settings, method)
    return _breaks(store, changes, settings, method)


def scan(
    store: Store, settings: BreakSettings = BreakSettings(), method: str = "offline", since: date | None = None,
    dyads: Iterable[Dyad] | None = None, level: str = "state",
) -> list[Break]:
    """Breaking points across every active country dyad (or the ones given), strongest first.

    The volume and every pair's daily streams are read in two queries, the
    evidence of every candidate break in one more. ``since`` keeps breaks on
    or after that day.
    """
    days, volume = daily_volume(store)
    if dyads is None:
        streams = _all_country_streams(store, days, settings.min_events, level)
    else:
        dyads = list(dyads)
        levels = {d.level for d in dyads}
        if dyads and all(d.is_country_pair for d in dyads) and len(levels) == 1:  # one query for all of them
            every = _all_country_streams(store, days, 1, levels.pop())
            empty = np.zeros((len(days), 4))
            streams = {d: every.get(Dyad(*sorted((d.a.upper(), d.b.upper())), level=d.level), empty) for d in dyads}
        else:
            streams = {d: _dyad_counts(store, d, days) for d in dyads}
    changes = [c for dyad, counts in streams.items() for c in _candidates(dyad, (days, counts, volume), settings, method)
               if since is None or c["day"] >= since]
    return sorted(_breaks(store, changes, settings, method), key=lambda b: (-b.score, -b.confidence, b.date, b.a, b.b))


def _all_country_streams(store: Store, days: list[date], min_events: int, level: str) -> dict[Dyad, np.ndarray]:
    """Every pair of different countries with at least ``min_events`` deduplicated events, and its daily streams."""
    if not days:
        return {}
    table = store.arrow(
        f"""SELECT least(source_country, target_country) || '-' || greatest(source_country, target_country) AS pair, day, {_COLUMNS}
            FROM ({counted_sql(f'({country_pair_sql(level)}) AND {_DATED_TO_THE_WEEK}')}) GROUP BY 1, 2"""
    )
    offsets, values = _day_offsets(table, days[0]), _values(table)
    encoded = pc.dictionary_encode(table.column("pair")).combine_chunks()  # far faster than np.unique on strings
    names, index = encoded.dictionary.to_pylist(), encoded.indices.to_numpy(zero_copy_only=False)
    totals = np.bincount(index, weights=values[:, 3], minlength=len(names))
    order = np.argsort(index, kind="stable")
    bounds = np.searchsorted(index[order], np.arange(len(names) + 1))
    streams = {}
    for k, name in enumerate(names):
        if totals[k] >= min_events:
            rows = order[bounds[k] : bounds[k + 1]]
            a, b = name.split("-")
            streams[Dyad(a, b, level=level)] = _fill(days, offsets[rows], values[rows])
    return streams


__all__ = ["Break", "BreakSettings", "METHODS", "change_points", "online_change_points", "exposure", "dyad_breaks", "scan", "daily_streams", "daily_volume"]
