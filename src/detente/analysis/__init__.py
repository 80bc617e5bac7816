"""Analysis over stored events: summaries, dyad series, breaking points and exports."""

from __future__ import annotations

from typing import Any

from ..store import Store
from .breaks import Break, BreakSettings, scan
from .dyads import Dyad, series
from .exports import FORMATS as EXPORT_FORMATS
from .exports import export


def summary(store: Store, top: int = 10) -> dict[str, Any]:
    """Counts a user checks first: articles, sentences, events by QuadClass, top dyads."""
    one = lambda sql: store.query(sql)[0]["n"]  # noqa: E731
    quads = store.query("SELECT quad_class AS quad, count(*) AS n FROM current_events GROUP BY 1 ORDER BY 1")
    dyads = store.query(
        """SELECT source_country AS source, target_country AS target, count(*) AS events,
                  round(avg(goldstein), 2) AS goldstein_mean, count(DISTINCT article_id) AS articles
           FROM current_events
           WHERE source_country IS NOT NULL AND target_country IS NOT NULL AND source_country <> target_country
                 AND modality = 'asserted'
           GROUP BY 1, 2 ORDER BY events DESC, source, target LIMIT ?""".replace("?", str(int(top)))
    )
    return {
        "articles": one("SELECT count(*) AS n FROM articles"),
        "duplicates": one("SELECT count(*) AS n FROM articles WHERE duplicate_of IS NOT NULL"),
        "undated_articles": one("SELECT count(*) AS n FROM articles WHERE date IS NULL"),
        "sentences": one("SELECT count(*) AS n FROM sentences"),
        "events": one("SELECT count(*) AS n FROM current_events"),
        "runs": one("SELECT count(*) AS n FROM runs"),
        "not_politics": one(
            "SELECT count(*) AS n FROM article_runs a JOIN latest_runs l USING (article_id, run_id) WHERE story_type <> 'politics'"
        ),
        "events_by_quad": {r["quad"]: r["n"] for r in quads},
        "top_dyads": dyads,
    }


__all__ = ["summary", "series", "scan", "export", "Dyad", "Break", "BreakSettings", "EXPORT_FORMATS"]
