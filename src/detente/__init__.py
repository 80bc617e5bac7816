"""detente: news text in, political event data and breaking points out.

>>> import detente
>>> events = detente.code("Iraq condemned the United States on Tuesday.", date="2006-11-02")
>>> db = detente.open("detente.duckdb"); db.ingest(["news/"])
"""

from ._version import __version__
from .config import Settings, load_settings
from .core import Detente, IngestReport, code, open
from .errors import ConfigError, DataError, DetenteError, InputError, StoreBusyError, StoreError
from .model import Actor, Article, Event, Mention, Place, Quote, Sentence

__all__ = [
    "__version__",
    "code",
    "open",
    "Detente",
    "IngestReport",
    "Settings",
    "load_settings",
    "Article",
    "Sentence",
    "Mention",
    "Actor",
    "Event",
    "Quote",
    "Place",
    "DetenteError",
    "ConfigError",
    "InputError",
    "DataError",
    "StoreError",
    "StoreBusyError",
]
