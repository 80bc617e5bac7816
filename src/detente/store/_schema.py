"""Database schema, applied as numbered migrations recorded in ``meta.schema_version``."""

from __future__ import annotations

MIGRATIONS: list[tuple[int, list[str]]] = [
    (
        1,
        [
            "CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)",
            """CREATE TABLE runs (
                run_id VARCHAR PRIMARY KEY, created_at TIMESTAMP, coder VARCHAR, model VARCHAR,
                patterns VARCHAR, actors VARCHAR, cameo VARCHAR)""",
            """CREATE TABLE articles (
                id VARCHAR PRIMARY KEY, source VARCHAR, title VARCHAR, date DATE, date_origin VARCHAR,
                url VARCHAR, author VARCHAR, lang VARCHAR, external_id VARCHAR, path VARCHAR, format VARCHAR,
                raw_sha VARCHAR, text_sha VARCHAR, duplicate_of VARCHAR, text VARCHAR, offset_map VARCHAR,
                ingested_at TIMESTAMP)""",
            "CREATE INDEX articles_text_sha ON articles(text_sha)",
            """CREATE TABLE sentences (
                article_id VARCHAR, idx INTEGER, start_char INTEGER, end_char INTEGER, text VARCHAR,
                PRIMARY KEY (article_id, idx))""",
            """CREATE TABLE article_runs (
                article_id VARCHAR, run_id VARCHAR, coded_at TIMESTAMP, PRIMARY KEY (article_id, run_id))""",
            """CREATE TABLE mentions (
                run_id VARCHAR, id VARCHAR, article_id VARCHAR, sentence_idx INTEGER, start_char INTEGER,
                end_char INTEGER, text VARCHAR, code VARCHAR, country VARCHAR, name VARCHAR, role VARCHAR,
                kind VARCHAR, resolution VARCHAR, confidence DOUBLE, PRIMARY KEY (run_id, id))""",
            """CREATE TABLE events (
                run_id VARCHAR, id VARCHAR, article_id VARCHAR, sentence_idx INTEGER,
                sentence_start INTEGER, sentence_end INTEGER,
                trigger_start INTEGER, trigger_end INTEGER, trigger_text VARCHAR,
                source VARCHAR, target VARCHAR, source_country VARCHAR, target_country VARCHAR,
                source_name VARCHAR, target_name VARCHAR, source_role VARCHAR, target_role VARCHAR,
                source_start INTEGER, source_end INTEGER, target_start INTEGER, target_end INTEGER,
                code VARCHAR, root VARCHAR, goldstein DOUBLE, quad_class INTEGER,
                plover_type VARCHAR, plover_mode VARCHAR,
                date DATE, date_precision VARCHAR, date_origin VARCHAR, modality VARCHAR,
                pattern_id VARCHAR, confidence DOUBLE, source_resolution VARCHAR, target_resolution VARCHAR,
                PRIMARY KEY (run_id, id))""",
            """CREATE TABLE quotes (
                run_id VARCHAR, id VARCHAR, article_id VARCHAR, sentence_idx INTEGER, start_char INTEGER,
                end_char INTEGER, text VARCHAR, speaker VARCHAR, speaker_text VARCHAR, PRIMARY KEY (run_id, id))""",
            # the latest coding run of each article: what queries read unless told otherwise
            """CREATE VIEW latest_runs AS
                SELECT article_id, arg_max(run_id, coded_at) AS run_id FROM article_runs GROUP BY article_id""",
            """CREATE VIEW current_events AS
                SELECT e.* FROM events e JOIN latest_runs l USING (article_id, run_id)""",
        ],
    ),
]

MIGRATIONS.append(
    (
        2,
        [
            # events said inside a quote point at it; views are rebuilt to pick up the column
            "ALTER TABLE events ADD COLUMN quote_id VARCHAR",
            "CREATE OR REPLACE VIEW current_events AS SELECT e.* FROM events e JOIN latest_runs l USING (article_id, run_id)",
        ],
    )
)

MIGRATIONS.append((3, ["ALTER TABLE article_runs ADD COLUMN story_type VARCHAR"]))  # the story filter's verdict, per run

MIGRATIONS.append(
    (
        4,
        [  # where each event happened, and where the text names the place
            *(f"ALTER TABLE events ADD COLUMN {column}" for column in (
                "place_name VARCHAR", "place_country VARCHAR", "place_lat DOUBLE", "place_lon DOUBLE", "place_admin1 VARCHAR",
                "place_feature VARCHAR", "place_precision VARCHAR", "place_origin VARCHAR", "place_start INTEGER", "place_end INTEGER",
            )),
            "CREATE OR REPLACE VIEW current_events AS SELECT e.* FROM events e JOIN latest_runs l USING (article_id, run_id)",
        ],
    )
)


#: modalities that are not counted in series or news volume: acts that did not happen at the time, and acts only
#: threatened, demanded, made conditional or alleged, whose coded doer is the one threatened or asked (the threat,
#: demand or accusation is an event of its own, by its maker); the coder's ``not_events`` and ``historical``
NOT_COUNTED_MODALITIES = ("historical", "negated", "hypothetical", "threatened", "demanded", "conditional", "alleged")

#: the per-day news volume kept by every write: deduplicated (day, source, target, code) current events
VOLUME_SQL = """
    SELECT day, count(*) AS events FROM (
        SELECT DISTINCT day, source, target, code FROM events
        WHERE current AND day IS NOT NULL AND modality NOT IN ({excluded}) AND {where})
    GROUP BY day""".replace("{excluded}", ", ".join(f"'{m}'" for m in NOT_COUNTED_MODALITIES))

MIGRATIONS.append(
    (
        5,
        [  # analysis reads one table: each event carries its day, story, article date and outlet, and whether it is current
            "ALTER TABLE events ADD COLUMN day DATE",
            "ALTER TABLE events ADD COLUMN story VARCHAR",
            "ALTER TABLE events ADD COLUMN article_date DATE",
            "ALTER TABLE events ADD COLUMN outlet VARCHAR",
            "ALTER TABLE events ADD COLUMN current BOOLEAN DEFAULT false",
            """UPDATE events SET day = coalesce(events.date, a.date), story = coalesce(a.duplicate_of, a.id),
                      article_date = a.date, outlet = a.source
               FROM articles a WHERE a.id = events.article_id""",
            """UPDATE events SET current = true FROM latest_runs l
               WHERE l.article_id = events.article_id AND l.run_id = events.run_id""",
            "CREATE OR REPLACE VIEW current_events AS SELECT * FROM events WHERE current",
            "CREATE TABLE day_volume (day DATE PRIMARY KEY, events BIGINT)",
            "INSERT INTO day_volume " + VOLUME_SQL.replace("{where}", "TRUE"),
        ],
    )
)

MIGRATIONS.append(
    (
        6,
        [  # threatened, demanded, conditional and alleged acts left the news volume
            "DELETE FROM day_volume",
            "INSERT INTO day_volume " + VOLUME_SQL.replace("{where}", "TRUE"),
        ],
    )
)

SCHEMA_VERSION = MIGRATIONS[-1][0]
