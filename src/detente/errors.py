"""The one exception tree of detente, with every message numbered in one place.

    DetenteError
    ├── ConfigError          bad settings file, env var or flag
    ├── InputError           one input (file, line, feed entry) cannot be read;
    │                        carries ``path`` and ``line`` so the batch can go on
    ├── DataError            a bundled or user dictionary/table is malformed
    ├── StoreError           the database cannot be opened, migrated or written
    │   └── StoreBusyError   the database stayed locked by another process
    └── AnalysisError        a series, break or export was asked for with bad arguments

Messages live in :class:`E` so users can search the docs by code (``E012``).
"""

from __future__ import annotations


class E:
    """Numbered error messages; format with ``E.E001.format(...)``."""

    E001 = "[E001] File is empty."
    E002 = "[E002] File looks binary (NUL bytes in the first {n} bytes), not text."
    E003 = "[E003] File is not valid UTF-8 at byte {offset}; re-encode it as UTF-8."
    E004 = "[E004] Line is not valid JSON: {detail}."
    E005 = "[E005] JSON record must be an object with a non-empty 'text' field."
    E006 = "[E006] HTML page yielded no article text (broken or boilerplate-only markup)."
    E007 = "[E007] Feed does not parse: {detail}."
    E008 = "[E008] Feed has no entries with text."
    E009 = "[E009] Date {value!r} does not parse; give an ISO date such as 2006-11-02."
    E010 = "[E010] File is larger than the limit of {limit} bytes ({size} bytes); raise max_input_bytes."
    E011 = "[E011] Input path does not exist or matches no files: {path}."
    E012 = "[E012] Unsupported input format {suffix!r}; use .txt, .md, .html, .rss, .atom, .xml or .jsonl."
    E013 = "[E013] Article has no text after cleaning."
    E020 = "[E020] Settings file {path} is not valid TOML: {detail}."
    E021 = "[E021] Unknown setting {key!r} (from {origin})."
    E022 = "[E022] Setting {key!r} must be {kind}, got {value!r} (from {origin})."
    E023 = "[E023] Setting {key!r} must be one of {choices}, got {value!r}."
    E030 = "[E030] Data table {path}: {detail}."
    E031 = "[E031] Pattern {pattern_id!r} in {path}: {detail}."
    E032 = "[E032] Unknown CAMEO code {code!r} in {path}."
    E040 = "[E040] Database {path} cannot be opened: {detail}."
    E041 = "[E041] Database {path} has schema version {found}, newer than this detente ({supported}); upgrade detente."
    E042 = "[E042] Database {path} stayed locked by another process for {seconds:.0f}s."
    E043 = "[E043] Database {path} does not exist; run 'detente ingest' first."
    E044 = "[E044] No article with id {article_id!r}."
    E045 = "[E045] No coding run {run!r}."
    E046 = "[E046] No event with id {event_id!r} (or the prefix matches several)."
    E050 = "[E050] Gold file {path} line {line}: {detail}."
    E051 = "[E051] Unknown output format {fmt!r}; choose one of {choices}."
    E052 = "[E052] Format {fmt!r} needs an output file (--output)."
    E060 = "[E060] Unknown period {period!r}; choose one of {choices}."
    E061 = "[E061] Actor {actor!r} is not a code: give a country (USA) or a code prefix (USAGOV, IGOUNO)."
    E062 = "[E062] Unknown export format {fmt!r}; choose one of {choices}."
    E063 = "[E063] Webhook {url} failed: {detail}."
    E064 = "[E064] Unknown actor level {level!r}; choose one of {choices}."
    E065 = "[E065] Unknown detection method {method!r}; choose one of {choices}."


class DetenteError(Exception):
    """Base of every error detente raises on purpose."""


class ConfigError(DetenteError):
    """Settings could not be read or are invalid."""


class InputError(DetenteError):
    """One input could not be read; names the file (and line) so the batch goes on."""

    def __init__(self, message: str, path: str | None = None, line: int | None = None):
        self.path = path
        self.line = line
        self.reason = message
        where = path or "<input>"
        if line is not None:
            where = f"{where}:{line}"
        super().__init__(f"{where}: {message}")


class DataError(DetenteError):
    """A dictionary or code table is malformed."""


class StoreError(DetenteError):
    """The database cannot be opened, migrated or written."""


class StoreBusyError(StoreError):
    """Another process held the database lock for too long."""


class AnalysisError(DetenteError):
    """A dyad series, breaking-point scan or export was asked for with arguments that cannot work."""


__all__ = [
    "E",
    "DetenteError",
    "ConfigError",
    "InputError",
    "DataError",
    "StoreError",
    "StoreBusyError",
    "AnalysisError",
]
