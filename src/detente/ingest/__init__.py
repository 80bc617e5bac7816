"""Ingest: news files in, clean dated Articles (or clear InputErrors) out.

Accepts files, directories (recursive), glob patterns and ``-`` for stdin, in
plain text, Markdown, HTML, RSS/Atom and JSONL.
"""

from __future__ import annotations

import glob
import sys
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator

from ..errors import E, InputError
from ..model import Article
from ._header import parse_date
from ._readers import FORMATS, Defaults, read_bytes

STDIN = "-"


def expand_paths(paths: Iterable[str]) -> Iterator[str | InputError]:
    """Files in a stable order; a path that matches nothing is an InputError."""
    for spec in paths:
        if spec == STDIN:
            yield STDIN
            continue
        path = Path(spec)
        if path.is_file():
            yield str(path)
        elif path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in FORMATS)
            yield from (str(p) for p in files)
        else:
            matches = sorted(m for m in glob.glob(spec, recursive=True) if Path(m).is_file())
            if not matches:
                yield InputError(E.E011.format(path=spec), spec)
            yield from matches


def read_inputs(
    paths: Iterable[str],
    defaults: Defaults = Defaults(),
    *,
    max_bytes: int = 50_000_000,
    stdin: BinaryIO | None = None,
) -> Iterator[Article | InputError]:
    """Every article in the inputs, in order, with errors in line for the caller to report."""
    for item in expand_paths(paths):
        if isinstance(item, InputError):
            yield item
            continue
        if item == STDIN:
            data = (stdin or sys.stdin.buffer).read()
            yield from read_bytes(data, "<stdin>", None, defaults, max_bytes)
            continue
        suffix = Path(item).suffix.lower()
        fmt = FORMATS.get(suffix)
        if fmt is None:
            yield InputError(E.E012.format(suffix=suffix), item)
            continue
        try:
            size = Path(item).stat().st_size
            if size > max_bytes:
                yield InputError(E.E010.format(limit=max_bytes, size=size), item)
                continue
            data = Path(item).read_bytes()
        except OSError as exc:
            yield InputError(str(exc), item)
            continue
        yield from read_bytes(data, item, fmt, defaults, max_bytes)


#: file suffixes detente reads (a directory is read for these only)
INGESTED_SUFFIXES = frozenset(FORMATS)

__all__ = ["Defaults", "read_inputs", "expand_paths", "parse_date", "STDIN", "INGESTED_SUFFIXES"]
